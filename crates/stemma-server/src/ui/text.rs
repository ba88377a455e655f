//! Record text cut into pieces a template prints: a snippet with its matched words, an
//! article body with its quotes. Offsets come from stored records and the index, so none is
//! trusted: they are code points, clamped to the text, and a range that is empty, reversed or
//! overlaps one already taken is skipped. Nothing here writes HTML; the templates escape
//! every piece.

/// A run of text, marked or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub mark: bool,
}

/// Byte offsets of every code point boundary of `s` (`len + 1` entries).
fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect()
}

/// The code-point ranges kept: clamped to `chars`, non-empty, in order, not overlapping.
fn clean_ranges(
    ranges: impl IntoIterator<Item = (usize, usize)>,
    chars: usize,
) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = ranges
        .into_iter()
        .map(|(a, b)| (a.min(chars), b.min(chars)))
        .filter(|(a, b)| a < b)
        .collect();
    v.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
    for r in v {
        if out.last().is_none_or(|l| r.0 >= l.1) {
            out.push(r);
        }
    }
    out
}

/// `snippet` cut at its highlighted code-point ranges.
pub fn highlight(snippet: &str, ranges: &[[usize; 2]]) -> Vec<Seg> {
    let b = boundaries(snippet);
    let chars = b.len() - 1;
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e) in clean_ranges(ranges.iter().map(|r| (r[0], r[1])), chars) {
        if s > at {
            out.push(Seg {
                text: snippet[b[at]..b[s]].to_string(),
                mark: false,
            });
        }
        out.push(Seg {
            text: snippet[b[s]..b[e]].to_string(),
            mark: true,
        });
        at = e;
    }
    if at < chars {
        out.push(Seg {
            text: snippet[b[at]..].to_string(),
            mark: false,
        });
    }
    out
}

/// A quote's speaker as the body shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerLink {
    pub name: String,
    pub href: String,
}

/// A piece of a paragraph: plain text, or (part of) a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Quote {
        text: String,
        /// The speaker's name (empty when unresolved), for `data-speaker`.
        speaker: String,
        /// The link after the quote's last piece.
        link: Option<SpeakerLink>,
    },
}

/// One quote of the body: its code-point pieces and speaker.
pub struct QuoteSpan {
    pub pieces: Vec<(usize, usize)>,
    pub speaker: Option<String>,
}

impl QuoteSpan {
    pub fn of(q: &stemma_core::Quote) -> QuoteSpan {
        let pieces = if q.pieces.is_empty() {
            vec![(q.start.get(), q.end.get())]
        } else {
            q.pieces.iter().map(|p| (p[0].get(), p[1].get())).collect()
        };
        QuoteSpan {
            pieces,
            speaker: q
                .speaker
                .as_ref()
                .and_then(|s| s.name.clone())
                .filter(|n| !n.trim().is_empty()),
        }
    }
}

/// `/entity/{name}`, the name percent-encoded (so `/`, `?`, `#` stay in the path segment).
pub fn entity_href(name: &str) -> String {
    format!("/entity/{}", urlencode(name))
}

/// Every byte outside `A-Z a-z 0-9 _ . - ~` percent-encoded.
pub fn urlencode(s: &str) -> String {
    askama::filters::urlencode_strict(s)
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// The body's paragraphs (split at blank lines), with every quote piece marked. A quote
/// whose pieces are out of range or overlap an earlier quote loses those pieces.
pub fn body(text: &str, quotes: &[QuoteSpan]) -> Vec<Vec<Piece>> {
    let b = boundaries(text);
    let chars = b.len() - 1;
    // (start, end, quote index, last piece of its quote)
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        for &(s, e) in &q.pieces {
            spans.push((s, e, qi));
        }
    }
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    {
        let mut v: Vec<(usize, usize, usize)> = spans
            .into_iter()
            .map(|(s, e, q)| (s.min(chars), e.min(chars), q))
            .filter(|(s, e, _)| s < e)
            .collect();
        v.sort_unstable();
        for r in v {
            if kept.last().is_none_or(|l| r.0 >= l.1) {
                kept.push(r);
            }
        }
    }
    // The last kept piece of each quote carries the speaker link.
    let mut last_of: Vec<Option<usize>> = vec![None; quotes.len()];
    for (i, k) in kept.iter().enumerate() {
        last_of[k.2] = Some(i);
    }
    let mut flat: Vec<Piece> = Vec::new();
    let mut at = 0;
    for (i, &(s, e, qi)) in kept.iter().enumerate() {
        if s > at {
            flat.push(Piece::Text(text[b[at]..b[s]].to_string()));
        }
        let speaker = quotes[qi].speaker.clone().unwrap_or_default();
        let link = (last_of[qi] == Some(i) && !speaker.is_empty()).then(|| SpeakerLink {
            href: entity_href(&speaker),
            name: speaker.clone(),
        });
        flat.push(Piece::Quote {
            text: text[b[s]..b[e]].to_string(),
            speaker,
            link,
        });
        at = e;
    }
    if at < chars {
        flat.push(Piece::Text(text[b[at]..].to_string()));
    }
    paragraphs(flat)
}

/// Split pieces into paragraphs at blank lines (a quote across one becomes two marks).
fn paragraphs(flat: Vec<Piece>) -> Vec<Vec<Piece>> {
    let mut out: Vec<Vec<Piece>> = vec![Vec::new()];
    for piece in flat {
        let (text, make): (String, Box<dyn Fn(String, bool) -> Piece>) = match piece {
            Piece::Text(t) => (t, Box::new(|s, _| Piece::Text(s))),
            Piece::Quote {
                text,
                speaker,
                link,
            } => (
                text,
                Box::new(move |s, last| Piece::Quote {
                    text: s,
                    speaker: speaker.clone(),
                    link: if last { link.clone() } else { None },
                }),
            ),
        };
        let parts: Vec<&str> = text.split("\n\n").collect();
        let n = parts.len();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                out.push(Vec::new());
            }
            let part = if i > 0 {
                part.trim_start_matches('\n')
            } else {
                part
            };
            if !part.is_empty() || i + 1 == n {
                if let Some(p) = out.last_mut() {
                    p.push(make(part.to_string(), i + 1 == n));
                }
            }
        }
    }
    out.retain(|p| {
        p.iter().any(|x| match x {
            Piece::Text(t) => !t.trim().is_empty(),
            Piece::Quote { .. } => true,
        })
    });
    out
}

/// `u` when it is an absolute http(s) URL with nothing odd in it, for an `href`; anything
/// else (`javascript:`, `data:`, relative paths, spaces, control characters) is shown as text.
pub fn safe_url(u: &str) -> Option<&str> {
    let u = u.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok_scheme = lower.starts_with("http://") || lower.starts_with("https://");
    let rest = u.split_once("://").map_or("", |(_, r)| r);
    let ok = ok_scheme
        && !rest.is_empty()
        && !rest.starts_with('/')
        && !u.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || is_format(c)
                || matches!(c, '"' | '<' | '>' | '`' | '\\')
        });
    ok.then_some(u)
}

/// Invisible format characters: zero-width spaces and joiners, bidi marks, embeddings,
/// overrides and isolates, the byte-order mark.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_clamps_and_skips_bad_ranges() {
        let segs = highlight("héllo wörld", &[[6, 11], [0, 5], [3, 7], [9, 40], [4, 2]]);
        let got: Vec<(&str, bool)> = segs.iter().map(|s| (s.text.as_str(), s.mark)).collect();
        assert_eq!(got, vec![("héllo", true), (" ", false), ("wörld", true)]);
        // past the end: clamped to nothing
        assert_eq!(
            highlight("ab", &[[5, 9]]),
            vec![Seg {
                text: "ab".into(),
                mark: false
            }]
        );
        assert!(highlight("", &[[0, 3]]).is_empty());
    }

    fn quote(pieces: &[(usize, usize)], speaker: Option<&str>) -> QuoteSpan {
        QuoteSpan {
            pieces: pieces.to_vec(),
            speaker: speaker.map(str::to_string),
        }
    }

    fn render(paras: &[Vec<Piece>]) -> String {
        paras
            .iter()
            .map(|p| {
                p.iter()
                    .map(|x| match x {
                        Piece::Text(t) => t.clone(),
                        Piece::Quote { text, link, .. } => format!(
                            "[{text}]{}",
                            link.as_ref()
                                .map_or(String::new(), |l| format!("<{}>", l.href))
                        ),
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn body_marks_pieces_on_char_boundaries_and_links_the_last() {
        let text = "Él dijo: “sí,” she said, “ya.”\n\nNext para.";
        // code points: “sí,” is 9..14, “ya.” is 25..30
        let qs = vec![quote(&[(9, 14), (25, 30)], Some("Ana Ruiz/Díaz"))];
        let out = render(&body(text, &qs));
        assert_eq!(
            out,
            "Él dijo: [“sí,”] she said, [“ya.”]</entity/Ana%20Ruiz%2FD%C3%ADaz>|Next para."
        );
    }

    #[test]
    fn body_skips_overlapping_reversed_and_out_of_range_quotes() {
        let text = "abcdef";
        let qs = vec![
            quote(&[(1, 3)], Some("A")),
            quote(&[(2, 5)], Some("B")),   // overlaps A
            quote(&[(5, 2)], Some("C")),   // reversed
            quote(&[(50, 60)], Some("D")), // past the end
            quote(&[(4, 99)], None),       // clamped to the end
        ];
        assert_eq!(render(&body(text, &qs)), "a[bc]</entity/A>d[ef]");
    }

    #[test]
    fn a_quote_across_a_blank_line_is_marked_in_both_paragraphs() {
        let text = "x \"one\n\ntwo\" y";
        let qs = vec![quote(&[(2, 12)], Some("Z"))];
        assert_eq!(render(&body(text, &qs)), "x [\"one]|[two\"]</entity/Z> y");
    }

    #[test]
    fn only_http_urls_are_links() {
        assert_eq!(
            safe_url(" https://a.example/x?y=1 "),
            Some("https://a.example/x?y=1")
        );
        assert_eq!(safe_url("HTTP://a.example"), Some("HTTP://a.example"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>",
            "/relative",
            "//host/x",
            "http://",
            "http:///x",
            "https://a.example/\"onmouseover=alert(1)",
            "https://a.example/ x",
            "https://a.example/\u{202e}x",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }
}
