//! Extraction: a [`Document`] → an [`Article`].
//!
//! HTML goes through [`html`] (DOM, metadata, main-content selection); Markdown and plain-text
//! renderings of pages go through [`plain`], which reads the same header lines (title, byline,
//! date line, section tags) and footer notices that the HTML path finds in markup.

pub mod html;
pub mod meta;
pub mod notice;
pub mod plain;

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
}

/// Bounds that keep one hostile page from costing unbounded time or memory.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Pages larger than this are refused (bytes, before decoding).
    pub max_bytes: usize,
    /// HTML nesting deeper than this is refused: tree building costs depth × tags.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 32 * 1024 * 1024,
            max_depth: 2048,
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
        let depth = nesting_depth(&doc.bytes);
        if depth > limits.max_depth {
            return Err(ExtractError::TooDeep {
                depth,
                limit: limits.max_depth,
            });
        }
    }
    let (text, _enc) = crate::charset::decode(&doc.bytes, doc.http_charset.as_deref(), is_html);
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
    Ok(article)
}

fn is_html_format(f: Format) -> bool {
    f == Format::Html || f == Format::Warc
}

/// Estimate the nesting depth of container elements that HTML never closes implicitly
/// (`div`, `span`, `section`, …), skipping `<script>` and `<style>` bodies. One linear scan.
pub fn nesting_depth(bytes: &[u8]) -> usize {
    const TRACKED: &[&[u8]] = &[
        b"div",
        b"span",
        b"section",
        b"article",
        b"font",
        b"b",
        b"i",
        b"em",
        b"strong",
        b"blockquote",
        b"ul",
        b"ol",
        b"table",
        b"main",
        b"aside",
        b"nav",
        b"center",
        b"small",
        b"big",
        b"u",
        b"s",
        b"sup",
        b"sub",
    ];
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut pos = 0usize;
    while let Some(off) = memchr::memchr(b'<', &bytes[pos..]) {
        let start = pos + off + 1;
        pos = start;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = if closing { start + 1 } else { start };
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take(16)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name: Vec<u8> = bytes[name_start..name_start + name_len]
            .iter()
            .map(u8::to_ascii_lowercase)
            .collect();
        if !closing && (name == b"script" || name == b"style") {
            let close: &[u8] = if name == b"script" {
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
        if TRACKED.contains(&name.as_slice()) {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                let gt = memchr::memchr(b'>', &bytes[pos..]).map(|g| pos + g);
                let self_closing = gt.is_some_and(|g| g > 0 && bytes[g - 1] == b'/');
                if !self_closing {
                    depth += 1;
                    max = max.max(depth);
                }
            }
        }
    }
    max
}

/// Sniff binary junk: NUL bytes or a high share of control bytes in the first 8 KiB.
/// UTF-16 with a BOM is text and passes.
fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
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
            },
            content_format: f,
            bytes: bytes.to_vec(),
            http_charset: None,
        }
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
        assert_eq!(nesting_depth(page.as_bytes()), 1);
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
