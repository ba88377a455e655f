//! Quotation marks → quoted regions. Straight and curly marks, « », „ “, ‹ ›, single quotes
//! used as quotes (not apostrophes), unbalanced marks (closed at the paragraph's end) and
//! quotes that run over several paragraphs (reopened at each paragraph, closed once).

use super::tokens::{Kind, Token};

/// One quoted stretch: token indices of its opening and closing marks (`close` may be the last
/// token of the paragraph when the quote was left open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub open: usize,
    /// Index of the closing mark, or of the last token when unclosed.
    pub close: usize,
    /// False when the closing mark is missing (the region ends at its paragraph's end).
    pub closed: bool,
    /// Single marks (‘ ’, ' ', ‹ ›): nested or scare quotes.
    pub single: bool,
    /// The quote goes on in the next paragraph (which reopens it).
    pub continues: bool,
    /// Single marks that hold a quotation (British style): quoted as double marks are, but
    /// left out of the cue tagger's features, which were learned on double marks alone.
    pub promoted: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Face {
    Open,
    Close,
    Either,
}

fn face(text: &str, toks: &[Token], i: usize) -> (Face, bool) {
    let t = &toks[i];
    let s = t.text(text);
    let before_open = i == 0
        || t.space_before
        || t.para_start
        || matches!(
            toks[i - 1].text(text),
            "(" | "[" | "—" | "–" | "-" | ":" | "/"
        )
        || toks[i - 1].kind == Kind::Quote;
    let after_space = i + 1 >= toks.len() || toks[i + 1].space_before || toks[i + 1].para_start;
    match s {
        // “ glued to the words before it and followed by a space closes them: German
        // „…“, or a typed “…“.
        "“" if !before_open && after_space => (Face::Close, false),
        "“" | "„" | "‟" | "«" | "「" => (Face::Open, false),
        "”" | "»" | "」" => {
            // German „…“ closes with “; handled as Open above, fixed by pairing.
            (Face::Close, false)
        }
        "‹" => (Face::Open, true),
        "›" => (Face::Close, true),
        "‘" | "‚" => (Face::Open, true),
        "’" => (
            if before_open && !after_space {
                Face::Open
            } else {
                Face::Close
            },
            true,
        ),
        "\"" | "''" | "``" => (
            if before_open && !after_space {
                Face::Open
            } else if !before_open && after_space {
                Face::Close
            } else {
                Face::Either
            },
            false,
        ),
        _ => (
            // '
            if before_open && !after_space {
                Face::Open
            } else if !before_open {
                Face::Close
            } else {
                Face::Either
            },
            true,
        ),
    }
}

/// Quoted regions of the whole text, in order of their opening mark.
pub fn regions(text: &str, toks: &[Token]) -> Vec<Region> {
    let mut out = Vec::new();
    let n = toks.len();
    let mut p = 0;
    while p < n {
        let mut q = p + 1;
        while q < n && !toks[q].para_start {
            q += 1;
        }
        paragraph(text, toks, p, q, &mut out);
        p = q;
    }
    // A quote left open at the end of its paragraph continues when the next paragraph opens
    // with a quote mark.
    for k in 0..out.len() {
        let r = out[k];
        if r.closed || r.single {
            continue;
        }
        let next_tok = r.close + 1;
        if next_tok < n && toks[next_tok].para_start && toks[next_tok].kind == Kind::Quote {
            if let Some(nx) = out.get(k + 1) {
                if nx.open == next_tok && !nx.single {
                    out[k].continues = true;
                }
            }
        }
    }
    out
}

fn paragraph(text: &str, toks: &[Token], p: usize, q: usize, out: &mut Vec<Region>) {
    // Double marks first: a stack of at most one level (quotes in quotes use single marks).
    let mut open: Option<(usize, &str)> = None;
    let mut double_regions: Vec<Region> = Vec::new();
    for i in p..q {
        if toks[i].kind != Kind::Quote {
            continue;
        }
        let (f, single) = face(text, toks, i);
        if single {
            continue;
        }
        let s = toks[i].text(text);
        match open {
            None => {
                if f != Face::Close || s == "”" && i + 1 < q && !toks[i + 1].space_before {
                    open = Some((i, s));
                }
            }
            Some((o, os)) => {
                let closes = match os {
                    "„" => matches!(s, "“" | "”" | "\""),
                    "«" => s == "»",
                    "「" => s == "」",
                    "``" => s == "''" || s == "\"",
                    _ => f != Face::Open || matches!(s, "\"" | "''") && f == Face::Either,
                };
                if closes {
                    double_regions.push(Region {
                        open: o,
                        close: i,
                        closed: true,
                        single: false,
                        continues: false,
                        promoted: false,
                    });
                    open = None;
                } else if f == Face::Open && os == s && !matches!(s, "\"" | "''") {
                    // A new opening mark of the same kind: the old one was never closed.
                    double_regions.push(Region {
                        open: o,
                        close: i - 1,
                        closed: false,
                        single: false,
                        continues: false,
                        promoted: false,
                    });
                    open = Some((i, s));
                }
            }
        }
    }
    if let Some((o, _)) = open {
        if o + 1 < q {
            double_regions.push(Region {
                open: o,
                close: q - 1,
                closed: false,
                single: false,
                continues: false,
                promoted: false,
            });
        }
    }
    // Single marks: pair an opening mark with the next closing one before the end of the
    // enclosing region (or paragraph); an unpaired single mark is an apostrophe.
    let mut singles = Vec::new();
    let mut i = p;
    while i < q {
        if toks[i].kind == Kind::Quote {
            let (f, single) = face(text, toks, i);
            if single && f != Face::Close {
                // The double regions are disjoint and in order: the one around `i`, if any,
                // is the last to open before it.
                let before = double_regions.partition_point(|r| r.open < i);
                let limit = before
                    .checked_sub(1)
                    .map(|k| double_regions[k])
                    .filter(|r| i < r.close)
                    .map_or(q, |r| r.close);
                let mut j = i + 1;
                let mut found = None;
                while j < limit && j < i + 80 {
                    if toks[j].kind == Kind::Quote {
                        let (g, s2) = face(text, toks, j);
                        if s2 && g != Face::Open {
                            found = Some(j);
                            break;
                        }
                    }
                    j += 1;
                }
                let nested = limit != q;
                if let Some(j) = found {
                    if j > i + 1 {
                        singles.push(Region {
                            open: i,
                            close: j,
                            closed: true,
                            single: true,
                            continues: false,
                            // Single marks that hold a sentence are the text's quotation
                            // marks (British style), not scare quotes.
                            promoted: !nested && holds_speech(text, toks, i, j),
                        });
                        i = j + 1;
                        continue;
                    }
                } else if !nested
                    && toks[i].text(text) == "‘"
                    && (toks[i].para_start || i > p && toks[i - 1].text(text) == ":")
                    && words_between(toks, i, q) >= LONG_QUOTE_WORDS
                {
                    // A curly opening mark at a paragraph's start (or after a colon) that
                    // is never closed: a quotation that runs to the paragraph's end (and
                    // on into the next one when that opens with a mark too).
                    singles.push(Region {
                        open: i,
                        close: q - 1,
                        closed: false,
                        single: true,
                        continues: false,
                        promoted: true,
                    });
                    break;
                }
            }
        }
        i += 1;
    }
    // Promoted single marks quote as double marks do, unless double marks lie inside them
    // (‘He told me “never again”,’ she said: left as it was, the regions stay disjoint).
    for s in &mut singles {
        if s.promoted {
            let k = double_regions.partition_point(|d| d.open < s.open);
            if double_regions.get(k).is_some_and(|d| d.open < s.close) {
                s.promoted = false;
            } else {
                s.single = false;
            }
        }
    }
    let mut all = double_regions;
    all.extend(singles);
    all.sort_by_key(|r| r.open);
    out.extend(all);
}

/// Words from which a top-level single-quoted stretch counts as a quotation whatever its
/// punctuation; shorter ones are quotations when they end on a sentence mark.
const LONG_QUOTE_WORDS: usize = 6;

fn words_between(toks: &[Token], open: usize, close: usize) -> usize {
    toks[open + 1..close]
        .iter()
        .filter(|t| matches!(t.kind, Kind::Word | Kind::Number))
        .count()
}

/// A single-quoted stretch (marks at `open` and `close`) that holds speech rather than a
/// scare-quoted word or title: six words or more, or two or more that end on `, . ! ? …`
/// inside the marks (‘It is over,’ she said).
fn holds_speech(text: &str, toks: &[Token], open: usize, close: usize) -> bool {
    let words = words_between(toks, open, close);
    words >= LONG_QUOTE_WORDS
        || words >= 2
            && toks[close - 1].kind == Kind::Punct
            && matches!(toks[close - 1].text(text), "," | "." | "!" | "?" | "…")
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use crate::offset::slice;

    fn quoted(s: &str) -> Vec<String> {
        let t = tokenize(s);
        regions(s, &t)
            .iter()
            .map(|r| slice(s, t[r.open].start, t[r.close].end).to_string())
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_guillemets() {
        assert_eq!(
            quoted("“We won,” she said, \"and we stay.\" Le «oui» l’emporte."),
            ["“We won,”", "\"and we stay.\"", "«oui»"]
        );
        assert_eq!(quoted("Er sagte: „Nein.“ Dann ging er."), ["„Nein.“"]);
        // A typed “…“: the second mark, glued to the words and followed by a space, closes.
        assert_eq!(
            quoted("“It is over,“ said Holm. “Go home.”"),
            ["“It is over,“", "“Go home.”"]
        );
    }

    #[test]
    fn single_quotes_but_not_apostrophes() {
        assert_eq!(
            quoted("The coalition is 'reluctant' to act, and it's the voters’ choice."),
            ["'reluctant'"]
        );
    }

    #[test]
    fn unbalanced_and_multi_paragraph() {
        let s = "“First part of it.\n\n“Second part,” he said.\n\nHe said “never mind.";
        assert_eq!(
            quoted(s),
            ["“First part of it.", "“Second part,”", "“never mind."]
        );
        let t = tokenize(s);
        let r = regions(s, &t);
        assert!(r[0].continues && !r[0].closed);
        assert!(r[1].closed && !r[1].continues);
        assert!(!r[2].closed);
    }

    #[test]
    fn single_marks_that_hold_a_sentence_are_quotation_marks() {
        let promoted = |s: &str| -> Vec<(String, bool)> {
            let t = tokenize(s);
            regions(s, &t)
                .iter()
                .map(|r| {
                    (
                        slice(s, t[r.open].start, t[r.close].end).to_string(),
                        r.promoted,
                    )
                })
                .collect()
        };
        // British style, curly and straight, with apostrophes inside.
        assert_eq!(
            promoted("‘We can’t keep patching potholes,’ Mr Ellery said."),
            [("‘We can’t keep patching potholes,’".to_string(), true)]
        );
        assert_eq!(
            promoted("She added: 'It's over.' Then she left."),
            [("'It's over.'".to_string(), true)]
        );
        // Scare quotes, a title, a headline word and a quote in a quote stay single.
        for s in [
            "Officers called it the ‘nuclear option’ for the budget.",
            "Her book ‘The Roads of Old Castlebridge’ sold well.",
            "Harbour Chief: Ferry Plan Is ‘Disqualifying.’",
            "“He told me ‘we will never sell the quay,’ and I believed him,” she said.",
        ] {
            assert!(promoted(s).iter().all(|r| !r.1), "{s}: {:?}", promoted(s));
        }
        // Double marks inside single ones: left as they were, so regions stay disjoint.
        let s = "‘He told me “never again” and walked out of the room,’ she said.";
        let t = tokenize(s);
        let r = regions(s, &t);
        assert!(r.iter().all(|r| !r.promoted), "{r:?}");
        // A curly mark that opens a paragraph and is never closed runs on.
        let s = "‘The first part of what she said runs to the end.\n\n‘And on into this one.’";
        let t = tokenize(s);
        let r = regions(s, &t);
        assert!(r[0].promoted && !r[0].closed && r[0].continues, "{r:?}");
        assert!(r[1].promoted && r[1].closed, "{r:?}");
    }

    #[test]
    fn nickname_in_quotes_inside_a_name() {
        assert_eq!(quoted("Dwayne “The Rock” Johnson said no."), ["“The Rock”"]);
    }
}
