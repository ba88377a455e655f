//! One pass over a text: words (split at joining hyphens and apostrophes, which are remembered)
//! and punctuation marks, each with byte and code-point offsets.

use super::lexicon::{flags, flags_any_case};
use crate::offset::{slice_or_empty, Byte, Char};

/// The letter case of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// "Lavrov", "I", "McDonald".
    Upper,
    /// "FBI", "U.S.": two or more letters, all capitals.
    Caps,
    /// "said", "al", "a.k.a.".
    Lower,
    /// Starts with a digit.
    Num,
    /// A script without case (Arabic, CJK, …).
    Uncased,
    /// A punctuation mark or symbol: one character.
    Punct,
}

/// How a word is joined to the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Glue {
    None,
    /// "al-Sham", "US-led".
    Hyphen,
    /// "O'Malley", "Russia's".
    Apos,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Byte offsets into the text.
    pub bs: Byte,
    pub be: Byte,
    /// Code-point offsets into the text.
    pub cs: Char,
    pub ce: Char,
    pub case: Case,
    pub glue: Glue,
    /// Whitespace before the token.
    pub space: bool,
    /// A line break before the token.
    pub nl: bool,
    /// The first word of a sentence, a quotation or a line.
    pub sent: bool,
    /// Lexicon flags, looked up for capitalised words only (0 otherwise).
    pub flags: u32,
    /// For punctuation: the character.
    pub ch: char,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.case != Case::Punct
    }
    pub fn is_cap(&self) -> bool {
        matches!(self.case, Case::Upper | Case::Caps)
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.case == Case::Punct && self.ch == c
    }
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        slice_or_empty(s, self.bs, self.be)
    }
}

pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}'
    )
}

fn is_word_char(c: char) -> bool {
    // The common letter blocks first: the Unicode tables are slow to consult.
    match c as u32 {
        0x30..=0x39 | 0x41..=0x5a | 0x61..=0x7a => true,
        0..=0xbf | 0xd7 | 0xf7 | 0x2000..=0x206f => false,
        0xc0..=0x24f | 0x388..=0x3ff | 0x400..=0x52f | 0x5d0..=0x5ea | 0x620..=0x64a => true,
        0x3041..=0x30fa | 0x4e00..=0x9fff | 0xac00..=0xd7a3 => true,
        _ => c.is_alphanumeric(),
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}')
}

fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201e}' | '\u{00ab}' | '\u{2018}' | '\''
    )
}

/// Abbreviations whose period does not end a sentence: the shared list
/// ([`crate::tokens::ABBREVS`]) in any case ("Mr.", "MR.", "mr.").
fn is_abbreviation(w: &str) -> bool {
    crate::tokens::ABBREVS
        .iter()
        .any(|a| a.len() == w.len() && a.eq_ignore_ascii_case(w))
}

fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

fn case_of(word: &str) -> Case {
    if word.is_ascii() {
        let b = word.as_bytes();
        return match b.first() {
            None => Case::Punct,
            Some(f) if f.is_ascii_digit() => Case::Num,
            Some(f) if f.is_ascii_lowercase() => Case::Lower,
            Some(_) => {
                let (mut upper, mut lower) = (0, false);
                for c in b {
                    upper += usize::from(c.is_ascii_uppercase());
                    lower |= c.is_ascii_lowercase();
                }
                if !lower && upper >= 2 {
                    Case::Caps
                } else {
                    Case::Upper
                }
            }
        };
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Case::Punct;
    };
    if first.is_lowercase() {
        return Case::Lower;
    }
    if !first.is_uppercase() {
        return if first.is_numeric() {
            Case::Num
        } else {
            Case::Uncased
        };
    }
    let mut capitals = 1;
    for c in chars {
        if c.is_lowercase() {
            return Case::Upper;
        }
        if c.is_uppercase() {
            capitals += 1;
        }
    }
    if capitals >= 2 {
        Case::Caps
    } else {
        Case::Upper
    }
}

const OTHER: u8 = 0;
const SPACE: u8 = 1;
const WORD: u8 = 2;

/// What each ASCII character is, for the tokenizer's fast path.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            WORD
        } else if c.is_ascii_whitespace() || c == 0x0b {
            SPACE
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// The high bit of each byte of `x` that is an ASCII letter or digit.
fn alnum8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Bytes `lo..=hi` among 7-bit bytes: at least `lo` and not past `hi`.
    let in_range = |v: u64, lo: u8, hi: u8| {
        (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7f - hi))
    };
    let low7 = x & !HIGH;
    // Setting bit 5 folds the capitals onto the small letters and nothing else onto them.
    let letter = in_range(low7 | (ONES * 0x20), b'a', b'z');
    let digit = in_range(low7, b'0', b'9');
    (letter | digit) & !x & HIGH
}

/// The length of the run of ASCII letters and digits that `b` starts with; eight bytes at a
/// time, so that the end of a word costs one branch, not one per letter.
fn ascii_alnum_len(b: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = b.get(n..n + 8) {
        let mut v = [0u8; 8];
        v.copy_from_slice(chunk);
        let stop = !alnum8(u64::from_le_bytes(v)) & 0x8080_8080_8080_8080;
        if stop != 0 {
            return n + (stop.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + b[n..]
        .iter()
        .take_while(|&&c| c < 0x80 && ASCII_CLASS[usize::from(c)] == WORD)
        .count()
}

/// Split `text` into tokens. Capitalised words get their lexicon flags.
/// Split `text` into tokens. Capitalised words get their lexicon flags.
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    tokenize_into(text, &mut toks);
    toks
}

/// Split `text` into tokens, into `toks` (cleared first, so that its memory can serve again):
/// the shared tokenisation ([`crate::tokens::tokenize`]) seen as entities see it
/// ([`tokens_into`]).
pub(crate) fn tokenize_into(text: &str, toks: &mut Vec<Tok>) {
    tokens_into(text, &crate::tokens::tokenize(text), toks);
}

/// Where the walk over the text stands: the code-point offset of byte `at`, and what lies
/// between the last token and the next one.
struct Walk {
    at: usize,
    ci: usize,
    space: bool,
    nl: bool,
    sent: bool,
    glue: Glue,
    lbuf: String,
}

impl Walk {
    /// Step over the whitespace from `at` to `to` (where the shared tokenizer found none of
    /// its tokens): code points counted, line breaks noted.
    fn gap(&mut self, text: &str, to: usize) {
        if to == self.at {
            return;
        }
        self.space = true;
        let gap = &text.as_bytes()[self.at..to];
        if gap.iter().all(|&b| b == b' ') {
            self.ci += gap.len();
        } else {
            for c in text[self.at..to].chars() {
                if matches!(c, '\n' | '\r' | '\u{2029}') {
                    self.nl = true;
                    self.sent = true;
                }
                self.ci += 1;
            }
        }
        self.at = to;
    }

    fn push_word(
        &mut self,
        toks: &mut Vec<Tok>,
        bs: usize,
        be: usize,
        ce: usize,
        case: Case,
        flags: u32,
    ) {
        toks.push(Tok {
            bs: Byte::new(bs),
            be: Byte::new(be),
            cs: Char::new(self.ci),
            ce: Char::new(ce),
            case,
            glue: self.glue,
            space: self.space,
            nl: self.nl,
            sent: self.sent && self.glue == Glue::None,
            flags,
            ch: '\0',
        });
        self.sent = false;
        self.glue = Glue::None;
        self.space = false;
        self.nl = false;
        self.at = be;
        self.ci = ce;
    }
}

/// The entities' tokens of `text` from its shared tokens (`shared`, from
/// [`crate::tokens::tokenize`]), into `toks` (cleared first).
///
/// A shared word splits into its parts: at joining hyphens and apostrophes ("al-Sham",
/// "O’Malley", remembered as [`Glue`]) and at inner dots, commas and underscores
/// ("St.Louis", "1,200"), except in a chain of single letters ("U.S.", "a.k.a."), which stays
/// one token. The dot of an abbreviation ("Mr.") is a token of its own that ends no sentence.
/// Each token gets its code-point offsets, its case, its lexicon flags (capitalised words)
/// and whether it opens a sentence, a quotation or a line.
pub(crate) fn tokens_into(text: &str, shared: &[crate::tokens::Token], toks: &mut Vec<Tok>) {
    toks.clear();
    toks.reserve(shared.len() + shared.len() / 8 + 4);
    let bytes = text.as_bytes();
    let mut w = Walk {
        at: 0,
        ci: 0,
        space: false,
        nl: false,
        sent: true,
        glue: Glue::None,
        lbuf: String::new(),
    };
    for t in shared {
        let (start, end) = (t.start.get(), t.end.get());
        if start < w.at {
            // A chain of letters or a word that ran on past the shared token before
            // ("Jordanian-U.S.": the shared tokens end "-U" at the dot) took this one, or part
            // of it.
            if end > w.at {
                parts(text, end, &mut w, toks);
            }
            continue;
        }
        w.gap(text, start);
        // The common case first: a word or number of ASCII letters and digits alone
        // ("said", "Lavrov", "FBI", "2016"). Its one part is itself: a lone letter followed
        // by a dot never gets here, since the shared tokenizer keeps that dot in the word
        // ("J.", "U.S.").
        if matches!(
            t.kind,
            crate::tokens::Kind::Word | crate::tokens::Kind::Number
        ) && ascii_alnum_len(&bytes[start..end]) == end - start
        {
            let word = &text[start..end];
            let case = match bytes[start] {
                b'0'..=b'9' => Case::Num,
                b'a'..=b'z' => Case::Lower,
                _ => case_of(word),
            };
            let f = if matches!(case, Case::Upper | Case::Caps) {
                flags_any_case(word, &mut w.lbuf)
            } else {
                0
            };
            let ce = w.ci + (end - start);
            w.push_word(toks, start, end, ce, case, f);
            continue;
        }
        parts(text, end, &mut w, toks);
    }
    w.gap(text, text.len());
}

/// The entities' tokens of the shared token from `w.at` to `end` (which holds no whitespace).
/// A word or a chain of letters may run on past `end`, over the shared tokens after it.
fn parts(text: &str, end: usize, w: &mut Walk, toks: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    while w.at < end {
        let i = w.at;
        let Some(c) = char_at(text, i) else { break };
        let l = c.len_utf8();
        let class = match ASCII_CLASS.get(c as usize) {
            Some(&k) => k,
            None if is_space(c) => SPACE,
            None if is_word_char(c) => WORD,
            None => OTHER,
        };
        if class == SPACE {
            // A zero-width space, a byte-order mark or a soft hyphen: the shared tokenizer
            // keeps them as marks, entities as spaces.
            w.space = true;
            w.at += l;
            w.ci += 1;
            continue;
        }
        if class == WORD {
            let (bs, cs) = (i, w.ci);
            let mut j = i;
            let mut cj = cs;
            loop {
                // A run of ASCII letters and digits: one code point per byte.
                let ascii = ascii_alnum_len(&bytes[j..]);
                j += ascii;
                cj += ascii;
                match char_at(text, j) {
                    Some(d) if !d.is_ascii() && is_word_char(d) => {
                        j += d.len_utf8();
                        cj += 1;
                    }
                    _ => break,
                }
            }
            // Chains of single letters with periods: "U.S.", "a.k.a.".
            let mut chain = false;
            if cj == cs + 1 && c.is_alphabetic() && bytes.get(j) == Some(&b'.') {
                let mut k = j;
                let mut ck = cj;
                let mut letters = 1;
                while bytes.get(k) == Some(&b'.') {
                    let Some(n) = char_at(text, k + 1).filter(|n| n.is_alphabetic()) else {
                        break;
                    };
                    let after = k + 1 + n.len_utf8();
                    if bytes.get(after) != Some(&b'.') {
                        break;
                    }
                    k = after;
                    ck += 2;
                    letters += 1;
                }
                if letters >= 2 {
                    j = k + 1;
                    cj = ck + 1;
                    chain = true;
                }
            }
            let word = &text[bs..j];
            // Most words start with a small letter: no need to look at the rest.
            let mut case = match c {
                'a'..='z' => Case::Lower,
                '0'..='9' => Case::Num,
                _ => case_of(word),
            };
            if chain {
                case = if word.chars().any(|c| c.is_lowercase()) {
                    Case::Lower
                } else {
                    Case::Caps
                };
            }
            let f = if !matches!(case, Case::Upper | Case::Caps) {
                0
            } else if chain {
                w.lbuf.clear();
                w.lbuf.extend(
                    word.chars()
                        .filter(|&c| c != '.')
                        .flat_map(char::to_lowercase),
                );
                flags(&w.lbuf)
            } else {
                flags_any_case(word, &mut w.lbuf)
            };
            w.push_word(toks, bs, j, cj, case, f);
            continue;
        }
        // A joiner between two words, with no space on either side.
        let prev_word_ends_here = toks
            .last()
            .is_some_and(|t| t.is_word() && t.be == Byte::new(i));
        if prev_word_ends_here
            && (is_hyphen(c) || is_apostrophe(c))
            && char_at(text, i + l).is_some_and(is_word_char)
        {
            w.glue = if is_hyphen(c) {
                Glue::Hyphen
            } else {
                Glue::Apos
            };
            w.at += l;
            w.ci += 1;
            continue;
        }
        let prev = toks.last().copied();
        toks.push(Tok {
            bs: Byte::new(i),
            be: Byte::new(i + l),
            cs: Char::new(w.ci),
            ce: Char::new(w.ci + 1),
            case: Case::Punct,
            glue: Glue::None,
            space: w.space,
            nl: w.nl,
            sent: false,
            flags: 0,
            ch: c,
        });
        match c {
            '.' => {
                let abbr = prev.is_some_and(|p| {
                    p.be == Byte::new(i) && p.is_word() && {
                        let pw = p.text(text);
                        (p.case == Case::Upper && pw.chars().count() == 1) || is_abbreviation(pw)
                    }
                });
                if !abbr {
                    w.sent = true;
                }
            }
            '!' | '?' | '\u{2026}' | ':' => w.sent = true,
            _ if is_open_quote(c) && (w.space || !prev.is_some_and(|p| p.is_word())) => {
                w.sent = true
            }
            _ => {}
        }
        w.glue = Glue::None;
        w.space = false;
        w.nl = false;
        w.at += l;
        w.ci += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(&str, Case, Glue, bool)> {
        tokenize(s)
            .iter()
            .map(|t| (t.text(s), t.case, t.glue, t.sent))
            .collect()
    }

    #[test]
    fn entities_tokens_ascii_alnum_runs() {
        for b in 0..=255u8 {
            let mut s = [b'a'; 12];
            s[9] = b;
            let want = if b < 0x80 && ASCII_CLASS[usize::from(b)] == WORD {
                12
            } else {
                9
            };
            assert_eq!(ascii_alnum_len(&s), want, "byte {b:#x}");
            s[9] = b'a';
            s[3] = b;
            let want = if b < 0x80 && ASCII_CLASS[usize::from(b)] == WORD {
                12
            } else {
                3
            };
            assert_eq!(ascii_alnum_len(&s), want, "byte {b:#x}");
        }
        assert_eq!(ascii_alnum_len(b""), 0);
        assert_eq!(ascii_alnum_len(b"Zz09"), 4);
    }

    #[test]
    fn entities_tokens_split_joiners_and_keep_offsets() {
        let s = "Ms. O’Malley met the U.S. envoy in al-Qarya. Then: “Yes”";
        let w = words(s);
        assert_eq!(w[0], ("Ms", Case::Upper, Glue::None, true));
        assert_eq!(w[1].0, ".");
        assert_eq!(w[2], ("O", Case::Upper, Glue::None, false));
        assert_eq!(w[3], ("Malley", Case::Upper, Glue::Apos, false));
        assert_eq!(w[6], ("U.S.", Case::Caps, Glue::None, false));
        assert_eq!(w[9], ("al", Case::Lower, Glue::None, false));
        assert_eq!(w[10], ("Qarya", Case::Upper, Glue::Hyphen, false));
        assert_eq!(w[12], ("Then", Case::Upper, Glue::None, true));
        assert_eq!(w[15], ("Yes", Case::Upper, Glue::None, true));
        for t in tokenize(s) {
            let slice: String = s.chars().skip(t.cs.get()).take(t.ce.since(t.cs)).collect();
            assert_eq!(slice, t.text(s));
        }
    }

    #[test]
    fn entities_tokens_chains_run_over_the_shared_tokens() {
        // The shared tokens end "Jordanian-U" and "non-U" at the dot; entities still see the
        // chain "U.S.".
        let s = "Jordanian-U.S. talks on non-U.S. firms";
        let w = words(s);
        assert_eq!(w[0].0, "Jordanian");
        assert_eq!(w[1], ("U.S.", Case::Caps, Glue::Hyphen, false));
        assert_eq!(w[2].0, "talks");
        assert_eq!(w[5], ("U.S.", Case::Caps, Glue::Hyphen, false));
        assert_eq!(w[6].0, "firms");
    }

    #[test]
    fn entities_tokens_one_abbreviation_list() {
        // Titles from the shared list, in any case, end no sentence; "etc." may.
        let w = words("Messrs. Okafor and MR. Lind met. Bread, milk etc. Things changed.");
        let sent = |x: &str| w.iter().find(|t| t.0 == x).map(|t| t.3);
        assert_eq!(sent("Okafor"), Some(false));
        assert_eq!(sent("Lind"), Some(false));
        assert_eq!(sent("Bread"), Some(true));
        assert_eq!(sent("Things"), Some(true));
    }

    #[test]
    fn entities_tokens_offsets_hold_on_odd_text() {
        let s = "Zoë\u{200b}Ka\u{ad}ra said:\n\n«Oui» snake_case 1,200 3.5 U.S \u{2029}Дм\u{483}итрий ’tis a.k.a. x";
        for t in tokenize(s) {
            let slice: String = s.chars().skip(t.cs.get()).take(t.ce.since(t.cs)).collect();
            assert_eq!(slice, t.text(s), "{t:?}");
            assert!(s.is_char_boundary(t.bs.get()) && s.is_char_boundary(t.be.get()));
        }
        let w = words(s);
        assert_eq!(w[0].0, "Zoë");
        assert_eq!(w[1].0, "Ka", "a zero-width space is a space");
        assert_eq!(w[2].0, "ra", "so is a soft hyphen");
        assert!(
            w.iter().any(|t| t.0 == "Oui" && t.3),
            "a quotation opens a sentence"
        );
    }
}
