//! Properties of `stemma_core::extract` over generated inputs.
//!
//! * Any bytes, read as HTML, Markdown or text: no panic, and the text of the article is well
//!   formed (no blank-line runs, no outer whitespace, no empty paragraphs).
//! * Generated HTML (nested tags from a small set, words from a small vocabulary): extraction is
//!   deterministic, and every word of the text comes from the page's own text: nothing invented.

use std::collections::HashSet;

use proptest::prelude::*;
use stemma_core::offset::Char;
use stemma_core::{extract, Document, Format, Source};

fn doc(bytes: Vec<u8>, format: Format) -> Document {
    Document {
        source: Source {
            path: "generated".into(),
            format,
            url: None,
            warc_record_id: None,
            warc_date: None,
        },
        content_format: format,
        bytes,
        http_charset: None,
    }
}

/// The shape promised for `Article::text`: paragraphs separated by exactly one blank line,
/// none of them empty, nothing around them.
fn check_text(text: &str) -> Result<(), TestCaseError> {
    prop_assert!(!text.contains("\n\n\n"), "blank-line run in {:?}", text);
    prop_assert_eq!(text, text.trim(), "outer whitespace");
    if !text.is_empty() {
        for p in text.split("\n\n") {
            prop_assert!(!p.trim().is_empty(), "empty paragraph in {:?}", text);
        }
    }
    Ok(())
}

/// Extract, and check whatever comes back. Errors are allowed (binary, too deep), panics not.
fn extract_checked(bytes: Vec<u8>, format: Format) -> Result<(), TestCaseError> {
    let d = doc(bytes, format);
    if let Ok(a) = extract(&d) {
        check_text(&a.text)?;
        prop_assert_eq!(a.source.path.as_str(), "generated");
        prop_assert!(a.url.is_none(), "a URL out of nowhere: {:?}", a.url);
        for t in &a.tags {
            prop_assert!(!t.value.trim().is_empty(), "empty tag {:?}", t);
        }
        for name in &a.authors {
            prop_assert!(!name.trim().is_empty(), "empty author in {:?}", a.authors);
        }
    }
    Ok(())
}

const FORMATS: [Format; 3] = [Format::Html, Format::Markdown, Format::Text];

/// Tag soup: fragments of markup, entities and words.
const SOUP: &str = r#"(<[a-zA-Z/!][a-z0-9]{0,6}( [a-z\-]{1,6}(="[a-z #:/\-]{0,12}")?)?>|&[a-z#0-9]{1,5};?|[A-Za-z,.;:'"()\- ]{1,20}|\n\n?| ){0,80}"#;

/// Markdown soup: headings, links, emphasis, labels, bylines and notices.
const MD_SOUP: &str = r"(#{1,3} |\[[A-Za-z ]{0,10}\]\([a-z#:/.]{0,12}\)|\*\*?|By |Region: |The original source of this article is |Copyright © |[A-Za-z0-9,.;: ]{1,24}|\n\n|\n|  \n|> |- |    ){0,60}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..3000),
        f in 0..3usize,
    ) {
        extract_checked(bytes, FORMATS[f])?;
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,600}", f in 0..3usize) {
        extract_checked(s.into_bytes(), FORMATS[f])?;
    }

    #[test]
    fn tag_soup_never_panics(s in SOUP, f in 0..3usize) {
        extract_checked(s.into_bytes(), FORMATS[f])?;
    }

    #[test]
    fn markdown_soup_never_panics(s in MD_SOUP, f in 0..3usize) {
        extract_checked(s.into_bytes(), FORMATS[f])?;
    }
}

// ---------------------------------------------------------------------------------------------
// Generated well-formed-ish HTML

const WORDS: &[&str] = &[
    "the",
    "harbour",
    "council",
    "said",
    "on",
    "Monday",
    "ferry",
    "mayor",
    "bridge",
    "would",
    "reopen",
    "in",
    "June",
    "after",
    "repairs",
    "and",
    "a",
    "new",
    "route",
    "By",
    "Share",
    "Advertisement",
    "Copyright",
    "©",
    "2021",
    "March",
    "3,",
    "originally",
    "published",
    "This",
    "article",
    "was",
    "Reuters",
    "(Reuters)",
    "-",
    "—",
    "\"quote\"",
    "Related",
    "stories",
    "Subscribe",
    "newsletter",
    "cookies",
    "Comments",
    "Home",
    "News",
    "tide",
    "turbines",
    "of",
    "is",
    "source",
    "original",
    "Photo:",
    "Read",
    "more:",
    "Updated",
    "min",
    "read",
    "5",
];

const TAGS: &[&str] = &[
    "div",
    "p",
    "span",
    "section",
    "article",
    "main",
    "nav",
    "header",
    "footer",
    "aside",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "a",
    "em",
    "strong",
    "b",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "time",
    "address",
    "br",
    "table",
    "tr",
    "td",
];

const CLASSES: &[&str] = &[
    "",
    "article-body",
    "entry-content",
    "story",
    "share-bar",
    "related",
    "comments",
    "byline",
    "sidebar",
    "cookie-banner",
    "newsletter",
    "caption",
    "hidden",
    "content",
];

#[derive(Debug, Clone)]
enum Node {
    Text(Vec<&'static str>),
    El {
        tag: &'static str,
        class: &'static str,
        children: Vec<Node>,
    },
}

fn node() -> impl Strategy<Value = Node> {
    let leaf =
        proptest::collection::vec(proptest::sample::select(WORDS), 1..16).prop_map(Node::Text);
    leaf.prop_recursive(7, 96, 6, |inner| {
        (
            proptest::sample::select(TAGS),
            proptest::sample::select(CLASSES),
            proptest::collection::vec(inner, 0..6),
        )
            .prop_map(|(tag, class, children)| Node::El {
                tag,
                class,
                children,
            })
    })
}

/// Render a tree; text nodes are padded with spaces so that neighbouring words never fuse.
/// Also collects the words of the text nodes and notes whether a table tag was used (the
/// parser moves text out of tables, so document order is only kept without them).
fn render(n: &Node, out: &mut String, words: &mut Vec<&'static str>, table: &mut bool) {
    match n {
        Node::Text(ws) => {
            out.push(' ');
            for w in ws {
                out.push_str(w);
                out.push(' ');
                words.push(w);
            }
        }
        Node::El {
            tag,
            class,
            children,
        } => {
            if *tag == "br" {
                out.push_str("<br>");
                return;
            }
            *table |= matches!(*tag, "table" | "tr" | "td");
            out.push('<');
            out.push_str(tag);
            if !class.is_empty() {
                out.push_str(" class=\"");
                out.push_str(class);
                out.push('"');
            }
            if *tag == "a" {
                out.push_str(" href=\"https://example.test/x\"");
            }
            if *tag == "time" {
                out.push_str(" datetime=\"2021-03-03\"");
            }
            out.push('>');
            for c in children {
                render(c, out, words, table);
            }
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
    }
}

struct Page {
    html: String,
    words: Vec<&'static str>,
    table: bool,
}

fn page() -> impl Strategy<Value = Page> {
    (
        proptest::collection::vec(proptest::sample::select(WORDS), 0..8),
        proptest::collection::vec(node(), 1..5),
        any::<bool>(),
    )
        .prop_map(|(title, body, full)| {
            let mut html = String::new();
            if full {
                html.push_str("<!doctype html><html lang=\"en\"><head><title>");
                html.push_str(&title.join(" "));
                html.push_str("</title></head><body>");
            }
            let mut words = Vec::new();
            let mut table = false;
            for n in &body {
                render(n, &mut html, &mut words, &mut table);
            }
            if full {
                html.push_str("</body></html>");
            }
            Page { html, words, table }
        })
}

impl std::fmt::Debug for Page {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.html)
    }
}

/// Lower-cased alphanumeric words, as stemma counts them.
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `needle` is a subsequence of `hay`.
fn is_subsequence(needle: &[char], hay: &[char]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|c| it.any(|h| h == c))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_html_is_deterministic_and_invents_nothing(p in page()) {
        let d = doc(p.html.clone().into_bytes(), Format::Html);
        let a = extract(&d).expect("generated pages are small and shallow");
        let b = extract(&d).expect("second extraction");
        prop_assert_eq!(&a, &b, "two extractions of the same page differ");
        check_text(&a.text)?;

        let input: HashSet<String> = p.words.iter().flat_map(|w| words_of(w)).collect();
        for w in words_of(&a.text) {
            prop_assert!(input.contains(&w), "invented word {:?} in {:?}", w, a.text);
        }
        if !p.table {
            // Without tables the parser keeps text in document order, and so must the body.
            let hay: Vec<char> = p.words.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let needle: Vec<char> = a.text.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert!(
                is_subsequence(&needle, &hay),
                "body text out of document order or not from the page: {:?}",
                a.text
            );
        }
    }
}

// ---- attribution and entities ----

/// Text built from fragments that exercise quotes, cues, names and punctuation.
fn quotey_text() -> impl Strategy<Value = String> {
    let frag = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "'",
        "''",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "“",
        ",",
        ".",
        ":",
        "—",
        "(",
        ")",
        "\n\n",
        "\n",
        " ",
        " said ",
        " told ",
        " according to ",
        " added that ",
        "He",
        "she",
        "Mayor Ilse Varga",
        "the ministry",
        "Ulm",
        "(aka Foo)",
        ", also known as Bar,",
        "ÄÖÜ",
        "日本",
        "🙂",
        "a.k.a.",
        "Dr.",
        "U.S.",
        " that ",
        "Varga",
    ]);
    prop::collection::vec(frag, 0..60).prop_map(|v| v.concat())
}

fn check_span(text: &str, start: Char, end: Char, words: &str) -> Result<(), TestCaseError> {
    let (start, end) = (start.get(), end.get());
    let n = text.chars().count();
    prop_assert!(
        start <= end && end <= n,
        "span {}..{} outside {} chars",
        start,
        end,
        n
    );
    let slice: String = text.chars().skip(start).take(end - start).collect();
    prop_assert_eq!(slice, words);
    Ok(())
}

/// The record contract of a quote ([`stemma_core::Quote::cites`]); a quote of one piece is
/// exactly `text[start..end]`.
fn check_quote_cites(text: &str, q: &stemma_core::Quote) -> Result<(), TestCaseError> {
    prop_assert!(q.cites(text), "quote does not cite the text: {:?}", q);
    if q.pieces.len() == 1 {
        check_span(text, q.start, q.end, &q.text)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn attribution_never_panics_and_offsets_hold(text in quotey_text()) {
        for f in stemma_core::attrib::find(&text) {
            for (a, b) in f.content.iter().copied().chain([f.cue]).chain(f.source) {
                let (a, b) = (a.get(), b.get());
                prop_assert!(a <= b && b <= text.len());
                prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
            }
        }
        let entities = stemma_core::entities::find_entities(Some(&text), &text);
        for e in &entities {
            for m in &e.mentions {
                check_span(&text, m.start, m.end, &m.text)?;
            }
        }
        for q in stemma_core::attrib::quotes(&text, &entities) {
            let n = text.chars().count();
            prop_assert!(q.start <= q.end && q.end.get() <= n);
            check_quote_cites(&text, &q)?;
            if let Some(c) = &q.cue {
                check_span(&text, c.start, c.end, &c.text)?;
            }
            if let Some(m) = q.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
                check_span(&text, m.start, m.end, &m.text)?;
            }
        }
    }

    #[test]
    fn attribution_on_arbitrary_strings(text in any::<String>()) {
        let e = stemma_core::entities::find_entities(None, &text);
        let _ = stemma_core::attrib::quotes(&text, &e);
    }
}
