//! Attribution: who said (or thought, or found) what in an article's text.
//!
//! A page flows through here as plain text:
//! 1. [`crate::tokens`] (shared with [`crate::entities`]): words, numbers, quote marks and
//!    punctuation with byte offsets; sentences.
//! 2. [`quotes`]: quote marks paired into regions (curly, straight, « », „ “, single,
//!    unbalanced, multi-paragraph).
//! 3. [`cues`]: reporting verbs and phrases ("said", "according to", a colon), with the speech
//!    act each performs.
//! 4. the rules below: for each cue, its source (the speaker mention) and its content, by the
//!    shape of the sentence — `“…,” X said.`, `X said (that) …`, `…, X said.`,
//!    `According to X, …`, `X said: “…”`, interrupted quotes `“…,” X said, “…”`.
//! 5. [`speaker`]: the source mention resolved to a named entity (pronouns, "the minister",
//!    surnames) with the role the article gives.
//!
//! Offsets inside this module are bytes; the public records ([`crate::model::Quote`],
//! [`Attribution`]) carry code-point offsets.

mod continuation;
mod conventions;
pub mod cues;
mod driver;
pub mod foreign;
pub mod gender;
mod layout;
pub mod learned;
mod modes;
pub mod quotes;
mod record;
mod shapes;
mod spans;
pub mod speaker;
/// The shared tokenisation ([`crate::tokens`]), under its old name.
pub use crate::tokens;

use crate::model::{Article, Entity, Quote, QuoteKind, Span, SpeechAct};
use crate::offset::{slice, Byte};
use cues::{Cue, Mode};
use quotes::Region;
use tokens::{Kind, Token};

use continuation::*;
use conventions::*;
use driver::find_in;
pub(crate) use driver::{cue_heads, sentence_by_rules_with};
pub use driver::{find, find_with};
use layout::*;
#[cfg(feature = "train")]
pub use learned::train::cue_training_sents;
use modes::*;
pub use record::{
    annotate, annotate_with, entities_and_quotes, found_quotes, found_quotes_with, is_quote_of,
    quotes, span_of, CharIndex,
};
use shapes::*;
use spans::*;

/// A byte range of the text.
pub type Range = (Byte, Byte);

/// Whether a word is a possessive ("Cooke's", "Reuters’s").
pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// The text of byte range `r`.
pub(crate) fn text_of(text: &str, r: Range) -> &str {
    slice(text, r.0, r.1)
}

/// One attribution found in a text, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub cue: Range,
    pub source: Option<Range>,
    /// The content, one range or several (an interrupted quote).
    pub content: Vec<Range>,
    pub kind: QuoteKind,
    pub act: SpeechAct,
    pub mode: Mode,
    pub confidence: f32,
    /// A quotation with no cue of its own, credited to the speaker of the one before it (its
    /// `cue` is empty, at the quotation's start).
    pub continued: bool,
    /// Whether it reports someone's words (or thoughts, or evidence): false for a refusal
    /// ("declined to comment") and for the reporter's question ("Asked whether …, she said"),
    /// which PolNeAR marks as attributions but a reader does not count as quotes
    /// ([`is_quote_of`]).
    pub words: bool,
}

pub struct Doc<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// Lower-cased word per token (empty for non-words), computed once.
    /// Lower-cased word per token: a range of the text, or of `lower_buf` when flagged.
    lower: Vec<(u32, u32, bool)>,
    lower_buf: String,
    /// The lexicon's entry for each word token.
    lex: Vec<Option<Cue>>,
    /// The double-quote region each token sits in (marks included).
    inq: Vec<Option<u32>>,
    /// Per token: inside a single-quoted region (its marks excluded), computed once so that
    /// asking costs no walk over every region.
    in_single: Vec<bool>,
    /// The single-quoted regions as (closing mark, opening mark), in text order (they are
    /// disjoint, so ordered by either).
    singles: Vec<(usize, usize)>,
    regions: Vec<Region>,
    /// Sentence index of each token.
    sent_of: Vec<u32>,
    /// Per token: the first and last token of its sentence in a double-marked quote
    /// (`u32::MAX`: none).
    first_q: Vec<u32>,
    last_q: Vec<u32>,
    sents: Vec<(usize, usize)>,
}

/// Token `i` lies in a region of double marks (see [`Doc::in_marked_quote`]).
fn in_marked_quote(inq: &[Option<u32>], regions: &[Region], i: usize) -> bool {
    inq[i].is_some_and(|k| !regions[k as usize].promoted)
}

impl<'a> Doc<'a> {
    fn new(text: &'a str) -> Self {
        Self::with_tokens(text, tokens::tokenize(text))
    }

    /// The document of `text` from its shared tokens ([`tokens::tokenize`]).
    fn with_tokens(text: &'a str, toks: Vec<Token>) -> Self {
        // Lower-cased words: most already are, and point into the text; the others are
        // lower-cased once into one buffer. Each word's lexicon entry in the same pass.
        let mut lower_buf = String::new();
        let mut lower = Vec::with_capacity(toks.len());
        let mut lex: Vec<Option<Cue>> = Vec::with_capacity(toks.len());
        for (i, t) in toks.iter().enumerate() {
            if t.kind != Kind::Word {
                lower.push((t.start.get() as u32, t.end.get() as u32, false));
                lex.push(None);
                continue;
            }
            let s = t.text(text);
            // "Theresa May", "Mrs. May", "Prime Minister May": "May" right after a given name,
            // a courtesy title or a title (and before no capital or number: "Trump May Win",
            // "Born May 3") is a surname; it keeps its capital, so that it is no modal. ("Will"
            // stays a modal here: "George Will" is rarely a speaker, and the tagger learned
            // "Will" as it is.)
            let surname = s == "May"
                && i > 0
                && toks[i - 1].kind == Kind::Word
                && toks[i - 1].cap
                && !t.para_start
                && toks
                    .get(i + 1)
                    .is_none_or(|n| !n.cap && n.kind != Kind::Number)
                && {
                    use crate::entities::lexicon::{flags_any_case, COURTESY, GIVEN, TITLE};
                    let prev = toks[i - 1].text(text).trim_end_matches('.');
                    flags_any_case(prev, &mut String::new()) & (GIVEN | COURTESY | TITLE) != 0
                };
            let w = if surname {
                lower.push((t.start.get() as u32, t.end.get() as u32, false));
                s
            } else if !t.plain {
                let a = lower_buf.len();
                if s.is_ascii() {
                    lower_buf.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
                } else {
                    lower_buf.extend(s.chars().flat_map(char::to_lowercase));
                }
                lower.push((a as u32, lower_buf.len() as u32, true));
                &lower_buf[a..]
            } else {
                lower.push((t.start.get() as u32, t.end.get() as u32, false));
                s
            };
            lex.push(cues::lookup(w));
        }
        let regions = quotes::regions(text, &toks);
        let mut inq = vec![None; toks.len()];
        for (k, r) in regions.iter().enumerate() {
            if r.single {
                continue;
            }
            for slot in &mut inq[r.open..=r.close] {
                *slot = Some(k as u32);
            }
        }
        // Depth of single-quoted regions strictly around each token: +1 after an opening
        // mark, -1 at its closing one.
        let mut depth = vec![0i32; toks.len() + 1];
        for r in regions.iter().filter(|r| r.single && r.open < r.close) {
            depth[r.open + 1] += 1;
            depth[r.close] -= 1;
        }
        let mut open = 0i32;
        let in_single = depth[..toks.len()]
            .iter()
            .map(|&x| {
                open += x;
                open > 0
            })
            .collect();
        let singles = regions
            .iter()
            .filter(|r| r.single)
            .map(|r| (r.close, r.open))
            .collect();
        let sents = tokens::sentences(text, &toks);
        let mut sent_of = vec![0u32; toks.len()];
        let mut first_q = vec![u32::MAX; toks.len()];
        let mut last_q = vec![u32::MAX; toks.len()];
        for (k, &(a, b)) in sents.iter().enumerate() {
            for slot in &mut sent_of[a..b] {
                *slot = k as u32;
            }
            // Of double-marked quotes only, as the tagger learned them.
            let marked = |j: usize| in_marked_quote(&inq, &regions, j);
            let f = (a..b).find(|&j| marked(j)).map_or(u32::MAX, |j| j as u32);
            let l = (a..b)
                .rev()
                .find(|&j| marked(j))
                .map_or(u32::MAX, |j| j as u32);
            first_q[a..b].fill(f);
            last_q[a..b].fill(l);
        }
        Doc {
            text,
            toks,
            lower,
            lower_buf,
            lex,
            inq,
            in_single,
            singles,
            regions,
            sent_of,
            first_q,
            last_q,
            sents,
        }
    }

    /// What the speaker resolver needs of the text's layout, in code points: where each
    /// sentence starts and whether it opens a paragraph (the shared splitter's sentences, and
    /// a line of its own after each line break: a dateline, a section label such as
    /// "ABSTRACT", a list item), and the stretches inside quotation marks.
    pub(crate) fn narration(&self, ix: &CharIndex) -> speaker::Narration {
        let mut sentences = Vec::with_capacity(self.sents.len());
        let mut next_sent = self.sents.iter().map(|&(s, _)| s).peekable();
        for (i, t) in self.toks.iter().enumerate() {
            let sent = next_sent.next_if_eq(&i).is_some();
            let line = i > 0 && slice(self.text, self.toks[i - 1].end, t.start).contains('\n');
            if sent || line {
                sentences.push(speaker::SentenceStart {
                    at: ix.at(t.start),
                    byte: t.start,
                    opens_paragraph: t.para_start || i == 0,
                });
            }
        }
        let quoted = self
            .regions
            .iter()
            .filter(|r| !r.single || r.promoted)
            .map(|r| {
                (
                    ix.at(self.toks[r.open].start),
                    ix.at(self.toks[r.close].end),
                )
            })
            .collect();
        speaker::Narration { sentences, quoted }
    }

    #[inline(always)]
    fn w(&self, i: usize) -> &str {
        let (a, b, own) = self.lower[i];
        if own {
            &self.lower_buf[a as usize..b as usize]
        } else {
            &self.text[a as usize..b as usize]
        }
    }

    /// The lexicon's entry for token `i` (`None` past the end or for non-words).
    fn lex_at(&self, i: usize) -> Option<Cue> {
        self.lex.get(i).copied().flatten()
    }

    #[inline]
    fn is(&self, i: usize, s: &str) -> bool {
        i < self.toks.len() && self.w(i) == s
    }

    fn punct(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Punct).then(|| t.text(self.text))
    }

    /// Token `i` lies inside a region quoted with double marks (not single marks promoted
    /// to quotation marks): what the cue tagger's features say of quoting.
    fn in_marked_quote(&self, i: usize) -> bool {
        in_marked_quote(&self.inq, &self.regions, i)
    }

    /// Token `i` lies inside any quoted region, single quotes included.
    fn in_any_quote(&self, i: usize) -> bool {
        self.inq[i].is_some() || self.in_single[i]
    }

    /// The opening mark of the single-quoted region that token `i` closes.
    fn single_closing(&self, i: usize) -> Option<usize> {
        let k = self.singles.binary_search_by_key(&i, |&(c, _)| c).ok()?;
        Some(self.singles[k].1)
    }

    /// Token `i` is a possessive apostrophe standing alone after a plural: "Sanders' campaign".
    fn possessive_mark(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Quote
            && !t.space_before
            && i > 0
            && matches!(t.text(self.text), "'" | "’")
            && self.toks[i - 1].kind == Kind::Word
            && self.w(i - 1).ends_with('s')
            && self
                .toks
                .get(i + 1)
                .is_some_and(|n| n.space_before && n.kind == Kind::Word)
    }

    /// The token that starts at byte `b`, if one does.
    fn tok_at(&self, b: Byte) -> Option<usize> {
        self.toks.binary_search_by_key(&b, |t| t.start).ok()
    }

    fn is_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Quote)
    }

    fn range(&self, a: usize, b: usize) -> Range {
        (self.toks[a].start, self.toks[b].end)
    }

    /// The region whose opening mark is token `i`.
    fn region_at(&self, i: usize) -> Option<&Region> {
        let k = self.inq.get(i).copied().flatten()? as usize;
        let r = &self.regions[k];
        (r.open == i).then_some(r)
    }
}

#[cfg(test)]
mod tests;
