//! Reading an article record for syndication leniently: only `text` is required.
//!
//! `stemma extract` prints full records, but records written by other tools (or trimmed by
//! hand) may lack `source`, `authors`, `tags` and the rest; syndication needs none of them. A
//! field that is present must still make sense: a `published` that is not a date is an error,
//! not a silently undated record.

use serde::Deserialize;
use serde_json::Value;

use crate::model::{Article, Format, Quote, RepublishedFrom, Source};

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("not an article record: {0}")]
    Json(#[from] serde_json::Error),
    #[error("not an article record: `published` is not a date: {0:?}")]
    Date(String),
}

/// What syndication reads of a record; everything but `text` may be missing.
#[derive(Deserialize)]
struct Loose {
    text: String,
    #[serde(default)]
    source: Option<LooseSource>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    authors: Option<Vec<String>>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    site_name: Option<String>,
    #[serde(default)]
    republished_from: Option<RepublishedFrom>,
    #[serde(default)]
    quotes: Option<Vec<Quote>>,
}

#[derive(Deserialize)]
struct LooseSource {
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    format: Option<Format>,
    #[serde(default)]
    url: Option<String>,
}

impl TryFrom<Loose> for Article {
    type Error = RecordError;

    fn try_from(l: Loose) -> Result<Self, RecordError> {
        if let Some(p) = l.published.as_deref().filter(|p| !p.trim().is_empty()) {
            if !super::story::is_date(p) {
                return Err(RecordError::Date(p.to_string()));
            }
        }
        let src = l.source.unwrap_or(LooseSource {
            path: None,
            format: None,
            url: None,
        });
        let mut a = Article::empty(Source {
            path: src.path.unwrap_or_default(),
            format: src.format.unwrap_or(Format::Text),
            url: src.url,
            warc_record_id: None,
            warc_date: None,
        });
        a.text = l.text;
        a.url = l.url;
        a.title = l.title;
        a.authors = l.authors.unwrap_or_default();
        a.published = l.published.filter(|p| !p.trim().is_empty());
        a.site_name = l.site_name;
        a.republished_from = l.republished_from;
        a.quotes = l.quotes.unwrap_or_default();
        Ok(a)
    }
}

/// Read one record from a JSON object (a JSONL line).
pub fn parse_record(json: &[u8]) -> Result<Article, RecordError> {
    serde_json::from_slice::<Loose>(json)?.try_into()
}

/// Read one record from an already parsed JSON value (an element of a JSON array).
pub fn record_from_value(v: Value) -> Result<Article, RecordError> {
    serde_json::from_value::<Loose>(v)?.try_into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_is_required_and_dates_must_be_dates() {
        let a = parse_record(br#"{"text": "The ferry runs again."}"#).unwrap();
        assert_eq!(a.text, "The ferry runs again.");
        assert!(a.authors.is_empty() && a.url.is_none() && a.published.is_none());
        let a = parse_record(
            br#"{"text": "x", "source": {"path": "a.html"}, "published": "2031-04-08", "authors": null}"#,
        )
        .unwrap();
        assert_eq!(a.source.path, "a.html");
        assert_eq!(a.published.as_deref(), Some("2031-04-08"));
        assert!(matches!(
            parse_record(br#"{"text": "x", "published": "yesterday"}"#),
            Err(RecordError::Date(d)) if d == "yesterday"
        ));
        assert!(parse_record(br#"{"title": "no text"}"#).is_err());
        assert!(parse_record(b"[1, 2]").is_err());
        let v: Value = serde_json::json!({"text": "y", "tags": [], "published": ""});
        assert!(record_from_value(v).unwrap().published.is_none());
    }
}
