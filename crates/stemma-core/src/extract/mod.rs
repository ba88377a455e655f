//! Extraction: a [`Document`] → an [`Article`].
//!
//! HTML goes through [`html`] (DOM, metadata, main-content selection); Markdown and plain-text
//! renderings of pages go through [`plain`], which reads the same header lines (title, byline,
//! date line, section tags) and footer notices that the HTML path finds in markup.

pub mod dom;
pub mod html;
pub mod meta;
pub mod notice;
pub mod plain;
mod urls;

use std::borrow::Cow;

use crate::model::{Article, Document, Format};

/// Why a document produced no article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("document is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("document is binary, not text ({reason})")]
    Binary { reason: &'static str },
    #[error("HTML nests elements {depth} deep, over the limit of {limit}")]
    TooDeep { depth: usize, limit: usize },
    #[error("HTML leaves formatting elements open across blocks ({reopen} re-openings, over the limit of {limit})")]
    TooTangled { reopen: usize, limit: usize },
}

/// Bounds that keep one hostile page from costing unbounded time or memory.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Pages larger than this are refused (bytes, before decoding).
    pub max_bytes: usize,
    /// HTML nesting deeper than this is refused: tree building costs depth × tags.
    pub max_depth: usize,
    /// HTML whose unclosed formatting elements would be re-opened more often than this is
    /// refused: each re-opening is a new element in the tree.
    pub max_reopen: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 32 * 1024 * 1024,
            max_depth: 2048,
            max_reopen: 1_000_000,
        }
    }
}

/// Extract with default [`Limits`].
pub fn extract(doc: &Document) -> Result<Article, ExtractError> {
    extract_with(doc, &Limits::default())
}

/// Extract one document. An empty document gives an empty article, not an error.
pub fn extract_with(doc: &Document, limits: &Limits) -> Result<Article, ExtractError> {
    if doc.bytes.len() > limits.max_bytes {
        return Err(ExtractError::TooLarge {
            size: doc.bytes.len(),
            limit: limits.max_bytes,
        });
    }
    if let Some(reason) = binary_reason(&doc.bytes) {
        return Err(ExtractError::Binary { reason });
    }
    let is_html = is_html_format(doc.content_format);
    if is_html_format(doc.content_format) {
        let st = structure(&doc.bytes);
        if st.depth > limits.max_depth {
            return Err(ExtractError::TooDeep {
                depth: st.depth,
                limit: limits.max_depth,
            });
        }
        if st.reopen > limits.max_reopen {
            return Err(ExtractError::TooTangled {
                reopen: st.reopen,
                limit: limits.max_reopen,
            });
        }
    }
    let (text, enc) = crate::charset::decode_cow(&doc.bytes, doc.http_charset.as_deref(), is_html);
    let mut article = match doc.content_format {
        Format::Html | Format::Warc => html::extract_html(&text, doc.source.clone()),
        Format::Markdown => plain::extract_plain(&text, doc.source.clone(), true),
        Format::Text if plain::looks_like_markdown(&text) => {
            let mut source = doc.source.clone();
            source.format = Format::Markdown;
            plain::extract_plain(&text, source, true)
        }
        Format::Text => plain::extract_plain(&text, doc.source.clone(), false),
    };
    if article.url.is_none() {
        article.url = doc.source.url.clone();
    }
    // One spelling per character (NFC): a page may write "য়" as one code point or as two,
    // and a search or a quote match must not depend on which.
    if let Cow::Owned(t) =
        icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(&article.text)
    {
        article.text = t;
    }
    article.charset = Some(enc.name().to_owned());
    Ok(article)
}

fn is_html_format(f: Format) -> bool {
    f == Format::Html || f == Format::Warc
}

/// What a page's tag structure will cost the tree builder, from one linear scan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Structure {
    /// Nesting depth of containers HTML never closes implicitly (`div`, `span`, `section`, …).
    pub depth: usize,
    /// Σ over block starts of the formatting elements left open before it: the tree builder
    /// re-opens each of them in every new block, so this is the number of elements it creates.
    pub reopen: usize,
}

/// Scan the tags of a page (skipping `<script>` and `<style>` bodies) for [`Structure`].
pub fn structure(bytes: &[u8]) -> Structure {
    let mut out = Structure::default();
    let mut depth = 0usize;
    let mut open_fmt = 0usize;
    let mut pos = 0usize;
    let mut name = [0u8; 16];
    // Where the last search for '>' began, and the '>' it found.
    let mut gt: (usize, Option<usize>) = (usize::MAX, None);
    while let Some(off) = memchr::memchr(b'<', &bytes[pos..]) {
        let start = pos + off + 1;
        pos = start;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = if closing { start + 1 } else { start };
        let mut len = 0;
        for &c in bytes[name_start.min(bytes.len())..].iter().take(16) {
            if !c.is_ascii_alphanumeric() {
                break;
            }
            name[len] = c.to_ascii_lowercase();
            len += 1;
        }
        let tag = &name[..len];
        if len == 0 {
            continue;
        }
        if !closing && (tag == b"script" || tag == b"style") {
            let close: &[u8] = if tag == b"script" {
                b"</script"
            } else {
                b"</style"
            };
            match memchr::memmem::find(&bytes[pos..], close) {
                Some(e) => pos += e + close.len(),
                None => break,
            }
            continue;
        }
        let mut self_closing = || {
            // The next '>' at or after `pos`, remembered: a page of '<' with no '>' would
            // otherwise scan its whole tail once per '<'.
            if gt.0 > pos || gt.1.is_some_and(|g| g < pos) {
                gt = (pos, memchr::memchr(b'>', &bytes[pos..]).map(|g| pos + g));
            }
            gt.1.is_some_and(|g| g > 0 && bytes[g - 1] == b'/')
        };
        let (container, formatting, block) = tag_roles(tag);
        if container {
            if closing {
                depth = depth.saturating_sub(1);
            } else if !self_closing() {
                depth += 1;
                out.depth = out.depth.max(depth);
            }
        }
        if formatting {
            if closing {
                open_fmt = open_fmt.saturating_sub(1);
            } else if !self_closing() {
                open_fmt += 1;
            }
        }
        if !closing && block {
            out.reopen = out.reopen.saturating_add(open_fmt);
        }
    }
    out
}

/// What a (lower-case) tag name is to [`structure`]: (a container HTML never closes
/// implicitly, a formatting element, a block start).
fn tag_roles(tag: &[u8]) -> (bool, bool, bool) {
    match tag {
        b"div" | b"table" | b"ul" | b"ol" | b"blockquote" | b"section" | b"article" | b"center" => {
            (true, false, true)
        }
        b"span" | b"main" | b"aside" | b"nav" | b"sup" | b"sub" | b"header" | b"footer"
        | b"form" | b"dl" | b"figure" => (true, false, false),
        b"a" | b"b" | b"big" | b"code" | b"em" | b"font" | b"i" | b"nobr" | b"s" | b"small"
        | b"strike" | b"strong" | b"tt" | b"u" => (false, true, false),
        b"p" | b"li" | b"td" | b"th" | b"tr" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6"
        | b"dd" | b"dt" | b"pre" | b"address" => (false, false, true),
        _ => (false, false, false),
    }
}

/// Sniff binary junk: NUL bytes or a high share of control bytes in the first 8 KiB.
/// UTF-16 with a BOM is text and passes.
pub fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return None;
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        return Some("gzip data that was not decompressed");
    }
    let nul = head.iter().filter(|&&b| b == 0).count();
    if nul > 0 && nul * 100 > head.len() {
        return Some("contains NUL bytes");
    }
    let ctrl = head
        .iter()
        .filter(|&&b| b < 0x20 && b != b'\n' && b != b'\r' && b != b'\t' && b != 0x0c)
        .count();
    if ctrl * 10 > head.len() {
        return Some("too many control bytes");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn doc(bytes: &[u8], f: Format) -> Document {
        Document {
            source: Source {
                path: "x".into(),
                format: f,
                url: None,
                warc_record_id: None,
                warc_date: None,
            },
            content_format: f,
            bytes: bytes.to_vec(),
            http_charset: None,
        }
    }

    #[test]
    fn the_record_names_the_charset_it_was_decoded_from() {
        let a = extract(&doc(
            b"<meta charset=windows-1252><p>caf\xe9 cr\xe8me</p>",
            Format::Html,
        ))
        .unwrap();
        assert_eq!(a.charset.as_deref(), Some("windows-1252"));
        let a = extract(&doc("Café crème, Zürich.".as_bytes(), Format::Text)).unwrap();
        assert_eq!(a.charset.as_deref(), Some("UTF-8"));
    }

    #[test]
    fn hundred_thousand_nested_tags_are_refused_quickly() {
        let page = "<div>".repeat(100_000);
        let err = extract(&doc(page.as_bytes(), Format::Html)).unwrap_err();
        assert!(matches!(err, ExtractError::TooDeep { depth: 100_000, .. }));
        assert!(err.to_string().contains("nests elements 100000 deep"));
    }

    #[test]
    fn depth_ignores_scripts_and_closed_tags() {
        let page = "<div><script>var s='<div><div><div>';</script></div>".repeat(10_000);
        assert_eq!(structure(page.as_bytes()).depth, 1);
    }

    #[test]
    fn tags_that_never_close_are_read_once() {
        // 300 000 "<a " and no '>': each tag's self-closing check once looked for the next
        // '>' to the end of the page (minutes in a debug build); now the page is read once.
        let page = "<a ".repeat(300_000);
        let st = structure(page.as_bytes());
        assert_eq!(st.depth, 0);
        let closed = "<div><br/><div/>".repeat(1000) + "<a " + &"<div>".repeat(3);
        assert_eq!(structure(closed.as_bytes()).depth, 1000 + 3);
        let a = extract(&doc(page.as_bytes(), Format::Html)).unwrap();
        assert!(a.text.is_empty());
    }

    #[test]
    fn unclosed_formatting_amplification_is_refused() {
        let mut page = String::from("<p>");
        for i in 0..2000 {
            page.push_str(&format!("<tt id=a{i}>"));
        }
        page.push_str(&"<p>word ".repeat(2000));
        let err = extract(&doc(page.as_bytes(), Format::Html)).unwrap_err();
        assert!(matches!(err, ExtractError::TooTangled { .. }), "{err}");
        // An ordinary page with a few unclosed tags is fine.
        let ok = "<p><b>bold<p><i>x".repeat(300);
        assert!(structure(ok.as_bytes()).reopen < 1_000_000);
    }

    #[test]
    fn empty_and_binary_inputs() {
        let a = extract(&doc(b"", Format::Html)).unwrap();
        assert!(a.text.is_empty());
        let err = extract(&doc(&[0u8, 1, 2, 3, 0, 0, 0, 7, 8, 0], Format::Html)).unwrap_err();
        assert!(matches!(err, ExtractError::Binary { .. }));
        let big = Limits {
            max_bytes: 10,
            ..Limits::default()
        };
        let err =
            extract_with(&doc(b"<p>more than ten bytes</p>", Format::Html), &big).unwrap_err();
        assert!(err.to_string().contains("over the limit of 10 bytes"));
    }
}
