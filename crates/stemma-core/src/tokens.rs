//! The one tokenisation of an article text, under attribution and entities: tokens, sentences
//! and paragraphs, with byte offsets ([`Byte`]).
//!
//! One pass over the text; no allocation per token beyond the token vector itself. Words keep
//! inner apostrophes, hyphens and the dots of abbreviations ("U.S.", "O’Malley", "al-Sham"), as
//! attribution reads them; entities see the same tokens split into their parts
//! (`entities::tokens`). [`ABBREVS`] and [`ABBREVS_MAY_END`] are the one list of abbreviations for both.

use crate::offset::Byte;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    /// A quotation mark; which way it faces is decided by [`super::quotes`].
    Quote,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: Byte,
    pub end: Byte,
    pub kind: Kind,
    /// The first character is upper-case.
    pub cap: bool,
    /// A paragraph break (blank line) comes right before this token.
    pub para_start: bool,
    /// Whitespace comes right before this token.
    pub space_before: bool,
    /// No ASCII capital and no non-ASCII character in the token: its text is its own lower
    /// case.
    pub plain: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        crate::offset::slice(text, self.start, self.end)
    }
}

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '‘'
            | '’'
            | '‚'
            | '\''
            | '「'
            | '」'
            | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The character at byte `b` of `text` (a char boundary before its end), decoded only when it
/// is not ASCII.
#[inline]
fn char_at(text: &str, b: usize) -> char {
    match text.as_bytes()[b] {
        x if x < 0x80 => x as char,
        _ => text[b..].chars().next().unwrap_or('\0'),
    }
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut pos = 0;
    let mut space_before = true;
    let mut newlines = 2usize;
    while pos < n {
        let i = pos;
        let c = char_at(text, i);
        pos += c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
            }
            space_before = true;
            continue;
        }
        let para_start = newlines >= 2 || out.is_empty();
        newlines = 0;
        let kind;
        // Any ASCII capital or non-ASCII byte so far.
        let mut cased = !c.is_ascii() || c.is_ascii_uppercase();
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            // A word: letters/digits, joined by an apostrophe, hyphen, dot or comma (numbers)
            // when a letter/digit follows. `pos` is always the word's end so far.
            loop {
                // ASCII letters and digits without decoding.
                while pos < n && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'_') {
                    cased |= bytes[pos].is_ascii_uppercase();
                    pos += 1;
                }
                if pos == n {
                    break;
                }
                let j = pos;
                let d = char_at(text, j);
                if d.is_alphanumeric() || d == '_' {
                    // Not ASCII (the loop above took the ASCII ones).
                    cased = true;
                    pos += d.len_utf8();
                    continue;
                }
                let joiner = is_apostrophe(d)
                    || d == '-'
                    || d == '‐'
                    || (d == '.' && is_abbrev_dot(text, i, j))
                    || ((d == ',' || d == '.') && numeric);
                if joiner {
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(|n| n.is_alphanumeric()) {
                        cased |= !d.is_ascii();
                        pos += d.len_utf8();
                        continue;
                    }
                    if d == '.' && is_abbrev_dot(text, i, j) {
                        // "U.S." keeps its last dot.
                        pos += 1;
                    }
                }
                break;
            }
            kind = if numeric { Kind::Number } else { Kind::Word };
        } else if is_quote_char(c) {
            // Two apostrophes (or backticks) stand for a double quote mark: ''…'' / ``…''.
            if (c == '\'' || c == '`') && bytes.get(pos) == Some(&(c as u8)) {
                pos += 1;
            }
            kind = Kind::Quote;
        } else {
            kind = Kind::Punct;
        }
        out.push(Token {
            start: Byte::new(i),
            end: Byte::new(pos),
            kind,
            cap: c.is_uppercase(),
            para_start,
            space_before,
            plain: !cased,
        });
        space_before = false;
    }
    out
}

/// The dot at `dot` ends an abbreviation of the word starting at `word_start`: single letters
/// ("U.S.", "J. Smith"), or titles ("Mr.", "Sen.").
fn is_abbrev_dot(text: &str, word_start: usize, dot: usize) -> bool {
    let w = &text[word_start..dot];
    let last = w.rsplit('.').next().unwrap_or(w);
    if last.chars().count() == 1 && last.chars().all(|c| c.is_alphabetic()) {
        return true;
    }
    ABBREVS.contains(&w) || ABBREVS_MAY_END.contains(&w)
}

/// Abbreviations written with a dot, the one list for attribution and entities (with
/// [`ABBREVS_MAY_END`]): titles and ranks before a name, company and family suffixes after
/// one. Attribution keeps the dot in the word (in this case); for entities (any case) the dot
/// ends no sentence.
pub const ABBREVS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj", "Adm",
    "Cmdr", "Prof", "Rev", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No", "vs", "Ft", "Mt",
    "Pres", "Atty", "Supt", "Gens", "Reps", "Sens", "Messrs", "Mme", "Coun", "Cst", "Const", "Cpl",
    "Det", "Insp", "Hon", "Msgr", "Brig", "Pte",
];

/// Abbreviations that often close a sentence too ("… and so on, etc. Things …"): attribution
/// keeps their dot in the word as for [`ABBREVS`]; for entities the dot may end a sentence.
pub const ABBREVS_MAY_END: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Dept", "Univ",
    "approx", "etc", "Ave", "Blvd",
];

/// Sentence boundaries as token index ranges. A sentence ends at `.`, `!`, `?` (and a closing
/// quote right after them) before a capital, a quote or a paragraph break; a paragraph break
/// always ends one.
pub fn sentences(text: &str, toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if i > start && toks[i].para_start {
            out.push((start, i));
            start = i;
        }
        let t = &toks[i];
        // "… in the U.S. He said …": an abbreviation's dot ends the sentence before a word
        // that only starts sentences.
        if t.kind == Kind::Word
            && t.text(text).ends_with('.')
            && i + 1 < n
            && toks[i + 1].space_before
            && toks[i + 1].cap
            && matches!(
                toks[i + 1].text(text),
                "He" | "She"
                    | "They"
                    | "It"
                    | "We"
                    | "I"
                    | "The"
                    | "But"
                    | "And"
                    | "This"
                    | "That"
                    | "In"
                    | "His"
                    | "Her"
                    | "Their"
                    | "There"
                    | "A"
                    | "An"
            )
            && !matches!(t.text(text), "Mr." | "Mrs." | "Ms." | "Dr." | "St." | "No.")
        {
            out.push((start, i + 1));
            start = i + 1;
            i += 1;
            continue;
        }
        if t.kind == Kind::Punct {
            let s = t.text(text);
            if s == "." || s == "!" || s == "?" || s == "…" {
                let mut j = i + 1;
                // Closing quotes and more terminal marks stay with this sentence.
                while j < n
                    && !toks[j].space_before
                    && !toks[j].para_start
                    && (toks[j].kind == Kind::Quote
                        || matches!(toks[j].text(text), "." | "!" | "?" | ")" | "]"))
                {
                    j += 1;
                }
                let ends = j >= n
                    || toks[j].para_start
                    || (toks[j].space_before
                        && (toks[j].cap
                            || toks[j].kind == Kind::Quote
                            || toks[j].kind == Kind::Number
                            || matches!(toks[j].text(text), "(" | "[" | "—" | "–" | "-")));
                if ends {
                    out.push((start, j));
                    start = j;
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
    }
    if start < n {
        out.push((start, n));
    }
    cap_sentences(text, toks, out)
}

/// Where a paragraph's opening dateline ends (the token after its dash): a place in capitals,
/// then at most a state, a date and an agency in parentheses, then a spaced dash: "WASHINGTON
/// —", "CASPER, Wyo. -", "FLINT, Mich., Oct. 4 (UPI) —", "RENO, Nev. (AP) —", "NEWARK (WXYZ) --".
pub(crate) fn dateline_end(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let in_capitals = |t: &Token| {
        let w = t.text(text);
        t.kind == Kind::Word
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase)
    };
    // A spaced dash at `j` ("—", "–", "-", or "--" typed for a dash): the token after it.
    let dash_end = |j: usize| {
        let t = toks.get(j)?;
        let dash = t.kind == Kind::Punct && t.space_before;
        let mut k = j + 1;
        match t.text(text) {
            "—" | "–" if dash => {}
            "-" if dash => {
                if toks
                    .get(k)
                    .is_some_and(|u| !u.space_before && u.text(text) == "-")
                {
                    k += 1;
                }
            }
            _ => return None,
        }
        toks.get(k).is_some_and(|u| u.space_before).then_some(k)
    };
    // "(Meridian Wire) —": the agency alone, where the page kept no place before it.
    if toks[i].kind == Kind::Punct && toks[i].text(text) == "(" {
        let close = (i + 1..toks.len().min(i + 6))
            .find(|&j| toks[j].kind == Kind::Punct && toks[j].text(text) == ")")?;
        let named =
            close > i + 1 && (i + 1..close).all(|j| toks[j].kind == Kind::Word && toks[j].cap);
        return dash_end(close + 1).filter(|_| named);
    }
    if !in_capitals(&toks[i]) {
        return None;
    }
    // The place: words in capitals up to the first comma, parenthesis or dash.
    let mut place = true;
    for (j, t) in toks.iter().enumerate().skip(i + 1).take(16) {
        if t.para_start {
            return None;
        }
        match t.kind {
            Kind::Punct => match t.text(text) {
                "—" | "–" | "-" if t.space_before => return dash_end(j),
                "," | "(" => place = false,
                ")" | "." | "/" => {}
                _ => return None,
            },
            Kind::Word if place && !in_capitals(t) => return None,
            Kind::Word if !t.cap => return None,
            Kind::Quote => return None,
            Kind::Word | Kind::Number => {}
        }
    }
    None
}

/// Most tokens one sentence may hold. The rules look across a sentence from each cue in it
/// (its source to the left, its content to the right), so a sentence's cost grows with the
/// square of its length; news sentences stay far below this (PolNeAR's longest is a few
/// hundred tokens), while a page with no full stops could make one sentence of megabytes.
pub const MAX_SENTENCE_TOKENS: usize = 512;

/// Split every sentence longer than [`MAX_SENTENCE_TOKENS`] into pieces no longer than that,
/// each ending at the last comma, semicolon, colon or dash of its second half where there is
/// one. A text with such a sentence is reported once (a warning).
fn cap_sentences(text: &str, toks: &[Token], sents: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    if sents.iter().all(|&(a, b)| b - a <= MAX_SENTENCE_TOKENS) {
        return sents;
    }
    let mut out = Vec::with_capacity(sents.len());
    let mut long = 0usize;
    for (mut a, b) in sents {
        if b - a > MAX_SENTENCE_TOKENS {
            long += 1;
        }
        while b - a > MAX_SENTENCE_TOKENS {
            let limit = a + MAX_SENTENCE_TOKENS;
            let cut = (a + MAX_SENTENCE_TOKENS / 2..limit)
                .rev()
                .find(|&j| {
                    toks[j].kind == Kind::Punct
                        && matches!(toks[j].text(text), "," | ";" | ":" | "—" | "–")
                })
                .map_or(limit, |j| j + 1);
            out.push((a, cut));
            a = cut;
        }
        out.push((a, b));
    }
    tracing::warn!(
        sentences = long,
        max_tokens = MAX_SENTENCE_TOKENS,
        "sentences over the length bound split into pieces"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn datelines() {
        let dateline = |s: &str| -> Option<String> {
            let toks = tokenize(s);
            dateline_end(s, &toks, 0).map(|k| s[..toks[k - 1].end.get()].to_string())
        };
        for (text, first) in [
            (
                "PORT VEYRA — Mayor Ada Quill said the pier would reopen.",
                "PORT VEYRA —",
            ),
            (
                "DUNMORE, W. Arl., March 3 (Meridian Wire) — Mayor Ada Quill said so.",
                "DUNMORE, W. Arl., March 3 (Meridian Wire) —",
            ),
            ("KESSEL, Arland - The council met.", "KESSEL, Arland -"),
            (
                "NEW ARLAND (KVTX) -- Customers called the station.",
                "NEW ARLAND (KVTX) --",
            ),
            (
                "(Meridian Wire) -- The port reopened.",
                "(Meridian Wire) --",
            ),
            (
                "(Meridian Wire) — The port reopened, officials said.",
                "(Meridian Wire) —",
            ),
        ] {
            assert_eq!(dateline(text).as_deref(), Some(first), "{text}");
        }
        // Not a dateline: a name, a lower-case word, a dash with no space, a quotation.
        for text in [
            "Ada Quill — the mayor — said so.",
            "NATO allies, the minister said — all of them — agreed.",
            "UN-led talks resumed.",
            "NEW “PLAN” — it failed.",
            "(Reuters reported) — no.",
            "(Meridian Wire)— The port reopened.",
            "PORT VEYRA --The pier reopened.",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
    }

    #[test]
    fn words_keep_inner_marks() {
        assert_eq!(
            words("O’Malley's U.S. pre-war 1,200 don't."),
            ["O’Malley's", "U.S.", "pre-war", "1,200", "don't", "."]
        );
        assert_eq!(
            words("\"Yes,\" she said."),
            ["\"", "Yes", ",", "\"", "she", "said", "."]
        );
    }

    #[test]
    fn sentences_split_at_terminal_marks() {
        let s = "Mr. Oduya spoke. “It works.” Then he left!\n\nNew paragraph here";
        let t = tokenize(s);
        let sents: Vec<String> = sentences(s, &t)
            .iter()
            .map(|&(a, b)| crate::offset::slice(s, t[a].start, t[b - 1].end).to_string())
            .collect();
        assert_eq!(
            sents,
            [
                "Mr. Oduya spoke.",
                "“It works.”",
                "Then he left!",
                "New paragraph here"
            ]
        );
    }

    #[test]
    fn long_sentences_are_split_into_bounded_pieces() {
        // 3 000 words and a comma every 7: no piece over the bound, each but the last ending
        // at a comma, all tokens covered in order.
        let s: String = (0..3000)
            .map(|i| if i % 7 == 6 { "word, " } else { "word " })
            .collect();
        let t = tokenize(&s);
        let sents = sentences(&s, &t);
        assert!(sents.len() > 1);
        assert!(sents
            .iter()
            .all(|&(a, b)| a < b && b - a <= MAX_SENTENCE_TOKENS));
        assert_eq!(sents[0].0, 0);
        assert_eq!(sents.last().unwrap().1, t.len());
        assert!(sents.windows(2).all(|w| w[0].1 == w[1].0));
        for &(_, b) in &sents[..sents.len() - 1] {
            assert_eq!(t[b - 1].text(&s), ",");
        }
        // No punctuation at all: hard cuts at the bound.
        let s = "word ".repeat(2000);
        let t = tokenize(&s);
        let sents = sentences(&s, &t);
        assert_eq!(sents.len(), 4);
        assert_eq!(sents[0], (0, MAX_SENTENCE_TOKENS));
    }
}
