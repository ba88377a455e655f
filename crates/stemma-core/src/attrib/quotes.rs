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
                if let Some(j) = found {
                    if j > i + 1 {
                        singles.push(Region {
                            open: i,
                            close: j,
                            closed: true,
                            single: true,
                            continues: false,
                        });
                        i = j + 1;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    let mut all = double_regions;
    all.extend(singles);
    all.sort_by_key(|r| r.open);
    out.extend(all);
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn quoted(s: &str) -> Vec<String> {
        let t = tokenize(s);
        regions(s, &t)
            .iter()
            .map(|r| s[t[r.open].start..t[r.close].end].to_string())
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
    fn nickname_in_quotes_inside_a_name() {
        assert_eq!(quoted("Dwayne “The Rock” Johnson said no."), ["“The Rock”"]);
    }
}
