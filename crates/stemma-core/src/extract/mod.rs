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
}

/// Bounds that keep one hostile page from costing unbounded time or memory.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Pages larger than this are refused (bytes, before decoding).
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 32 * 1024 * 1024 }
    }
}

/// Extract with default [`Limits`].
pub fn extract(doc: &Document) -> Result<Article, ExtractError> {
    extract_with(doc, &Limits::default())
}

/// Extract one document. An empty document gives an empty article, not an error.
pub fn extract_with(doc: &Document, limits: &Limits) -> Result<Article, ExtractError> {
    if doc.bytes.len() > limits.max_bytes {
        return Err(ExtractError::TooLarge { size: doc.bytes.len(), limit: limits.max_bytes });
    }
    if let Some(reason) = binary_reason(&doc.bytes) {
        return Err(ExtractError::Binary { reason });
    }
    let is_html = doc.content_format == Format::Html || doc.content_format == Format::Warc;
    let (text, _enc) = crate::charset::decode(&doc.bytes, doc.http_charset.as_deref(), is_html);
    let mut article = match doc.content_format {
        Format::Html | Format::Warc => html::extract_html(&text, doc.source.clone()),
        Format::Markdown => plain::extract_plain(&text, doc.source.clone(), true),
        Format::Text => plain::extract_plain(&text, doc.source.clone(), false),
    };
    if article.url.is_none() {
        article.url = doc.source.url.clone();
    }
    Ok(article)
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
