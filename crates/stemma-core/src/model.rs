//! The data model: what stemma produces for every page.
//!
//! Field names of [`Article`] are a contract that later tools (attribution, syndication, the
//! archive) rely on: add fields freely, never rename or remove one.

use serde::{Deserialize, Serialize};

/// How a document was given to stemma.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Markdown,
    Text,
    Warc,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Warc => "warc",
        }
    }
}

/// Where a record came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file path as given (or `-` for standard input).
    pub path: String,
    pub format: Format,
    /// The URL the page was fetched from (WARC-Target-URI), where known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// The WARC-Record-ID of the response record, for WARC input.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub warc_record_id: Option<String>,
}

/// A raw document handed to the extractor: bytes plus what the container knew about them.
/// Producing these (files, gzip, WARC) is `stemma-input`'s job; the core never does I/O.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: Source,
    /// How to read the bytes. For WARC records this is the payload's format (normally `Html`).
    pub content_format: Format,
    pub bytes: Vec<u8>,
    /// The charset named by the transport (the HTTP `Content-Type` header in a WARC record).
    pub http_charset: Option<String>,
}

/// A section, region, theme or keyword the page declares.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tag {
    /// `section`, `region`, `theme`, `in-depth report`, `keyword`, or the label the page uses.
    pub kind: String,
    pub value: String,
}

/// The original source a republished page names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepublishedFrom {
    pub name: Option<String>,
    pub url: Option<String>,
    /// ISO 8601 date or date-time of the original, where the page gives it.
    pub published: Option<String>,
    /// The words on the page that state it ("The original source of this article is …").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub evidence: Option<String>,
}

/// One clean article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub source: Source,
    /// Canonical URL where the page states one, else the fetch URL.
    pub url: Option<String>,
    /// The headline, without a " | Site" suffix.
    pub title: Option<String>,
    /// The byline: people or organisations.
    pub authors: Vec<String>,
    /// ISO 8601 date or date-time of this copy.
    pub published: Option<String>,
    /// ISO 8601 date or date-time of the page's last declared update, when it differs.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub modified: Option<String>,
    /// The publisher of this copy.
    pub site_name: Option<String>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    pub tags: Vec<Tag>,
    pub republished_from: Option<RepublishedFrom>,
    /// The body only; paragraphs separated by one blank line.
    pub text: String,
    /// A one-paragraph summary the page declares (meta description).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
}

impl Article {
    pub fn empty(source: Source) -> Self {
        Article {
            source,
            url: None,
            title: None,
            authors: Vec::new(),
            published: None,
            modified: None,
            site_name: None,
            language: None,
            tags: Vec::new(),
            republished_from: None,
            text: String::new(),
            description: None,
        }
    }
}
