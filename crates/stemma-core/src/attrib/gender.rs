//! The gender an article gives a person, where it signals one: a courtesy title or a gendered
//! word right before a mention ("Mrs.", "Councilwoman", "his wife, Milena"), a gendered role,
//! and the pronouns that follow its mentions ("… Amira Shahid stood up. She said …"). A
//! pronoun then never jumps to a person of the other gender.

use std::sync::OnceLock;

use crate::entities::lexicon::FastMap;
use crate::model::{Entity, EntityKind};
use crate::offset::{slice, Byte, Char};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a personal pronoun carries ("he" → male; "they" → none).
pub fn of_pronoun(w: &str) -> Option<Gender> {
    match w {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Words that give the person they stand before (or with) a gender.
pub fn of_word(w: &str) -> Option<Gender> {
    // A `match`: each arm compares the length first, then a few bytes (no call per word).
    match w {
        "mrs" | "ms" | "miss" | "madam" | "lady" | "dame" | "queen" | "princess" | "wife"
        | "widow" | "mother" | "daughter" | "sister" | "grandmother" | "granddaughter" | "aunt"
        | "niece" | "girlfriend" | "actress" | "councilwoman" | "congresswoman" | "spokeswoman"
        | "chairwoman" | "businesswoman" | "sportswoman" | "policewoman" | "stateswoman"
        | "woman" | "girl" => Some(Gender::Female),
        "mr" | "sir" | "lord" | "king" | "prince" | "husband" | "widower" | "father" | "son"
        | "brother" | "grandfather" | "grandson" | "uncle" | "nephew" | "boyfriend" | "actor"
        | "councilman" | "congressman" | "spokesman" | "chairman" | "businessman" | "sportsman"
        | "policeman" | "statesman" | "man" | "boy" => Some(Gender::Male),
        _ => None,
    }
}

/// Given names that mark a gender in most of the news they appear in (a weaker sign than a
/// title: 2 against a title's 3): word lists kept as data, one lower-case name a line.
const FEMALE_NAMES: &str = include_str!("names_female.txt");
const MALE_NAMES: &str = include_str!("names_male.txt");

/// The gender a given name usually carries (lower-case or capitalised), where it carries one.
pub fn of_given_name(w: &str) -> Option<Gender> {
    // One hash lookup (a binary search over the lists compares strings a dozen times).
    static NAMES: OnceLock<FastMap<&'static str, Gender>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let words = |list: &'static str| {
            list.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
        };
        let female = words(FEMALE_NAMES).map(|n| (n, Gender::Female));
        // A name on both lists is female, as the lists were searched in that order.
        let male = words(MALE_NAMES).map(|n| (n, Gender::Male));
        let mut m = FastMap::default();
        for (n, g) in male.chain(female) {
            m.insert(n, g);
        }
        m
    });
    with_lower(w, |w| names.get(w).copied())
}

/// `f` of `w` lower-cased: a short ASCII word in a buffer on the stack, any other the way
/// `str::to_lowercase` does it.
fn with_lower<T>(w: &str, f: impl FnOnce(&str) -> T) -> T {
    let b = w.as_bytes();
    let mut buf = [0u8; 24];
    if b.len() <= buf.len() && b.is_ascii() {
        for (x, &y) in buf.iter_mut().zip(b) {
            *x = y.to_ascii_lowercase();
        }
        // ASCII bytes are always UTF-8.
        if let Ok(l) = std::str::from_utf8(&buf[..b.len()]) {
            return f(l);
        }
    }
    f(&w.to_lowercase())
}

/// [`of_word`] of `w` lower-cased.
fn of_word_any_case(w: &str) -> Option<Gender> {
    with_lower(w, of_word)
}

fn vote(g: Gender, weight: i32) -> i32 {
    match g {
        Gender::Male => weight,
        Gender::Female => -weight,
    }
}

/// The byte offset of each code-point offset in `cps` (sorted), the text's length for one
/// past its end. Runs of ASCII are skipped over without counting character by character.
pub(super) fn byte_offsets(text: &str, cps: &[Char]) -> Vec<Byte> {
    let bytes = text.as_bytes();
    let (mut b, mut k) = (0usize, 0usize);
    let mut out = Vec::with_capacity(cps.len());
    for &cp in cps {
        let cp = cp.get();
        while k < cp && b < bytes.len() {
            // Up to `cp - k` ASCII bytes, one code point each.
            let run = (cp - k).min(bytes.len() - b);
            let ascii = bytes[b..b + run]
                .iter()
                .position(|&x| x >= 0x80)
                .unwrap_or(run);
            b += ascii;
            k += ascii;
            if k < cp && b < bytes.len() {
                // A character of several bytes (`b` is a char boundary: its leading byte).
                b += match bytes[b] {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    _ => 2,
                };
                k += 1;
            }
        }
        out.push(Byte::new(if k == cp {
            b.min(bytes.len())
        } else {
            bytes.len()
        }));
    }
    out
}

/// How far (code points) after a mention a pronoun still votes for it.
const PRONOUN_REACH: usize = 300;

/// An entity's gender from its score (see [`scores`]).
pub fn of_score(s: i32) -> Option<Gender> {
    match s.signum() {
        1 => Some(Gender::Male),
        -1 => Some(Gender::Female),
        _ => None,
    }
}

/// Each entity's gender evidence: above 0 male, below 0 female, 0 none (organisations and
/// places: 0). A title or gendered word counts 3, a pronoun after a mention 1.
pub fn scores(text: &str, entities: &[Entity]) -> Vec<i32> {
    let mut score = vec![0i32; entities.len()];
    // Person mentions by end: (end, start, entity).
    let mut by_end: Vec<(Char, Char, usize)> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            by_end.push((m.end, m.start, i));
        }
        if !matches!(e.kind, EntityKind::Person | EntityKind::Other) {
            continue;
        }
        // The first word of the name that is no title ("Mayor Olivia Trent-Mbeki"); a name
        // of no known kind gets this sign alone.
        if let Some(g) = e
            .name
            .split(' ')
            .filter(|w| !w.ends_with('.'))
            .find_map(of_given_name)
        {
            score[i] += vote(g, 2);
        }
        if e.kind != EntityKind::Person {
            continue;
        }
        for r in &e.roles {
            for w in r.split(|c: char| !c.is_alphabetic()) {
                if let Some(g) = of_word_any_case(w) {
                    score[i] += vote(g, 3);
                }
            }
        }
    }
    if by_end.is_empty() {
        return score;
    }
    by_end.sort_unstable();
    // Mentions are code points: their byte offsets, found in one walk over the text.
    let mut cps: Vec<Char> = by_end.iter().flat_map(|&(e, s, _)| [e, s]).collect();
    cps.sort_unstable();
    cps.dedup();
    let bytes = byte_offsets(text, &cps);
    let at = |cp: Char| {
        cps.binary_search(&cp)
            .map_or(Byte::new(text.len()), |k| bytes[k])
    };
    for &(end, start, i) in &by_end {
        if entities[i].kind != EntityKind::Person {
            continue;
        }
        // A title in the mention itself ("Councilwoman Marta Velez", "Mrs. Parr").
        for w in slice(text, at(start), at(end)).split(|c: char| !c.is_alphabetic()) {
            if let Some(g) = of_word_any_case(w) {
                score[i] += vote(g, 3);
            }
        }
        // The word just before the mention, past spaces and one comma.
        let before = text[..at(start).get()].trim_end();
        let before = before.strip_suffix(',').unwrap_or(before).trim_end();
        let w = before
            .trim_end_matches('.')
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if let Some(g) = of_word_any_case(w) {
            score[i] += vote(g, 3);
        }
    }
    // Each gendered pronoun votes for the entity mentioned last before it in its sentence,
    // when that is a person ("Tenant Amira Shahid stood up and …, her …").
    // Words are runs of alphabetic characters; a pronoun is one of 2 to 7 ASCII letters
    // starting with h or s. The walk looks only at those letters where no ASCII letter comes
    // right before ([`pronoun_starts`]), and decodes a non-ASCII character only next to one.
    let ends: Vec<usize> = by_end.iter().map(|&(end, ..)| at(end).get()).collect();
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    pronoun_starts(bytes, &mut starts);
    for sb in starts {
        // A word starts here unless an alphabetic non-ASCII character comes before.
        if sb > 0
            && bytes[sb - 1] >= 0x80
            && text[..sb]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        {
            continue;
        }
        // Its ASCII letters; the word goes on over an alphabetic non-ASCII character (and is
        // then no pronoun).
        let len = bytes[sb..]
            .iter()
            .take(8)
            .take_while(|x| x.is_ascii_alphabetic())
            .count();
        let here = sb + len;
        if !(2..=7).contains(&len) {
            continue;
        }
        if bytes.get(here).is_some_and(|&x| x >= 0x80)
            && text[here..].chars().next().is_some_and(char::is_alphabetic)
        {
            continue;
        }
        let w = &bytes[sb..here];
        let mut buf = [0u8; 7];
        for (x, &y) in buf.iter_mut().zip(w) {
            *x = y.to_ascii_lowercase();
        }
        let Some(g) = std::str::from_utf8(&buf[..w.len()])
            .ok()
            .and_then(of_pronoun)
        else {
            continue;
        };
        // Mentions ending before the pronoun (byte and code-point order agree).
        let n = ends.partition_point(|&e| e <= sb);
        let Some(k) = n.checked_sub(1) else { continue };
        let i = by_end[k].2;
        // In the mention's own sentence: a pronoun opening the next one is what the reader
        // resolves, not evidence. The reach is in code points: at most one per byte, and at
        // least one per four.
        let gap = &text[ends[k]..sb];
        let near = gap.len() <= PRONOUN_REACH
            || gap.len() <= 4 * PRONOUN_REACH && gap.chars().count() <= PRONOUN_REACH;
        // Nor across a quotation mark: after "“… Obama …,” he said" the pronoun is the
        // speaker's, not the quoted name's.
        if near
            && entities[i].kind == EntityKind::Person
            && !gap.contains(['.', '!', '?', '\n', '”', '“', '"', '«', '»'])
            && !object_of_own_verb(&buf[..w.len()], gap, &text[here..])
        {
            score[i] += vote(g, 1);
        }
    }
    score
}

/// "Van der Walt put it to her that …", "Brisk told him": a pronoun that is the object of the
/// verb right after a mention (at most three words between, none a subject or "that") is
/// someone else. (`pronoun` in lower case; `gap` the text between the mention and it; `after`
/// the text after it.) "her" before a noun is a possessive ("said her client"), which is no
/// object.
fn object_of_own_verb(pronoun: &[u8], gap: &str, after: &str) -> bool {
    let object = match pronoun {
        b"him" => true,
        b"her" => {
            let next = after.trim_start();
            let word = &next[..next
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(next.len())];
            word.is_empty()
                || [
                    "that", "the", "a", "an", "to", "about", "of", "on", "in", "at", "for", "with",
                    "and", "or", "but", "if", "whether", "not",
                ]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
        }
        _ => false,
    };
    object && {
        let mut words = gap.split_whitespace();
        words.clone().count() <= 3
            && !words.any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphabetic());
                [
                    "he", "she", "they", "we", "i", "you", "that", "said", "says",
                ]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
            })
    }
}

/// The byte offsets of `h`, `H`, `s` and `S` with no ASCII letter right before them: where a
/// word that may be a pronoun starts. Eight bytes at a time, each byte's answer in its top bit
/// (no branch per byte).
fn pronoun_starts(bytes: &[u8], out: &mut Vec<usize>) {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const TOP: u64 = 0x8080_8080_8080_8080;
    const fn splat(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    // Top bit of each byte of `y` (each below 0x80) that is zero.
    let zero = |y: u64| !((y + LOW) | y) & TOP;
    let mut prev_letter = 0u64;
    for (c, chunk) in bytes.chunks(8).enumerate() {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        let ascii = !v & TOP;
        // Lower-cased, top bits cleared: each byte below 0x80, so no sum carries over.
        let x = (v | splat(0x20)) & LOW;
        let at_least_a = (x + splat(0x80 - b'a')) & TOP;
        let past_z = (x + splat(0x80 - b'z' - 1)) & TOP;
        let letter = at_least_a & !past_z & ascii;
        let hs = (zero(x ^ splat(b'h')) | zero(x ^ splat(b's'))) & ascii;
        let mut starts = hs & !((letter << 8) | prev_letter);
        prev_letter = letter >> 56;
        while starts != 0 {
            out.push(c * 8 + starts.trailing_zeros() as usize / 8);
            starts &= starts - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Odd text for the byte walks: wide characters next to words, pronouns at the edges.
    const ODD: &str = "She said “he” was here; éhe, hé, Ωhis, hisΩ — HERSELF hers! \
                       s h sh 3his his3 «Her» K\u{212A}ing ǅhe ßhe he";

    #[test]
    fn byte_offsets_match_char_indices() {
        let n = ODD.chars().count();
        let cps: Vec<Char> = (0..n + 3).map(Char::new).collect();
        let want: Vec<Byte> = cps
            .iter()
            .map(|&cp| {
                Byte::new(
                    ODD.char_indices()
                        .nth(cp.get())
                        .map_or(ODD.len(), |(b, _)| b),
                )
            })
            .collect();
        assert_eq!(byte_offsets(ODD, &cps), want);
        assert_eq!(
            byte_offsets(ODD, &[Char::new(3), Char::new(40), Char::new(n)]),
            [want[3], want[40], Byte::new(ODD.len())]
        );
    }

    #[test]
    fn pronoun_starts_find_every_word_that_may_be_one() {
        // Every run of alphabetic characters of 2 to 7 ASCII letters starting with h or s.
        let text = ODD.repeat(3);
        let mut words = Vec::new();
        let mut start = None;
        for (b, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c.is_alphabetic(), start) {
                (true, None) => start = Some(b),
                (false, Some(s)) => {
                    words.push((s, &text[s..b]));
                    start = None;
                }
                _ => {}
            }
        }
        let want: Vec<usize> = words
            .iter()
            .filter(|(_, w)| {
                (2..=7).contains(&w.len())
                    && w.is_ascii()
                    && matches!(w.as_bytes()[0], b'h' | b'H' | b's' | b'S')
            })
            .map(|&(s, _)| s)
            .collect();
        let mut got = Vec::new();
        pronoun_starts(text.as_bytes(), &mut got);
        // The walk's candidates hold every such word (and more, checked one by one).
        assert!(want.iter().all(|s| got.contains(s)), "{want:?} {got:?}");
    }

    /// (content, speaker name) of each speech quote of `text`.
    fn said(text: &str) -> Vec<(String, Option<String>)> {
        let entities = crate::entities::find_entities(None, text);
        crate::attrib::quotes(text, &entities)
            .into_iter()
            .map(|q| (q.text, q.speaker.and_then(|s| s.name)))
            .collect()
    }

    fn speaker_of(text: &str, content: &str) -> Option<String> {
        said(text)
            .into_iter()
            .find(|(c, _)| c.contains(content))
            .unwrap_or_else(|| panic!("no quote with {content:?} in {:?}", said(text)))
            .1
    }

    #[test]
    fn she_does_not_jump_to_a_man_named_in_the_sentence_before() {
        // The man spoke last; "she" is the councilwoman.
        let text = "Councilwoman Marta Velez said the levy would pass. Her colleague \
                    Tobias Grell said he opposed it. She said the vote would be close.";
        assert_eq!(
            speaker_of(text, "the vote would be close").as_deref(),
            Some("Marta Velez")
        );
    }

    #[test]
    fn a_pronoun_takes_the_person_of_its_gender_named_after_the_last_speaker() {
        let text = "Anton Brell said in May that he was not bitter. Ivo Branko said he would \
                    not miss the boat. Brell laughed when told of the remark; he has heard it \
                    for years from his neighbour. \u{201c}He has said that since 1990,\u{201d} \
                    he said.";
        assert_eq!(
            speaker_of(text, "He has said that").as_deref(),
            Some("Anton Brell")
        );
    }

    #[test]
    fn scores_count_titles_and_pronouns() {
        let score = scores_in("Mrs. Odile Parr spoke. Then Kofi Mensah spoke; he was brief.");
        assert_eq!(of_score(score("Parr")), Some(Gender::Female));
        assert_eq!(of_score(score("Mensah")), Some(Gender::Male));
        assert_eq!(of_pronoun("they"), None);
    }

    /// The gender score [`scores`] gives the entity of `text` whose name holds a word.
    fn scores_in(text: &str) -> impl Fn(&str) -> i32 {
        let entities = crate::entities::find_entities(None, text);
        let s = scores(text, &entities);
        move |name| {
            let i = entities.iter().position(|e| e.name.contains(name)).unwrap();
            s[i]
        }
    }

    #[test]
    fn an_object_pronoun_after_a_name_is_someone_else() {
        // "her" is the witness, not the advocate; "her client" is the lawyer's own.
        let score = scores_in(
            "Counsel Arno Vey-Lindqvist put it to her that she was lying. Counsel Dara \
             Wolde-Essen said her client would testify.",
        );
        // (No more than one sign: "she" after it still votes.)
        let advocate = score("Vey-Lindqvist");
        assert!(advocate.abs() < 2, "{advocate}");
        assert_eq!(of_score(score("Wolde-Essen")), Some(Gender::Female));
    }
}
