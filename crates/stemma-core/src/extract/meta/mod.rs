//! Metadata: headline, byline, dates, publisher, canonical URL, language and declared tags.
//!
//! Evidence comes from JSON-LD (`NewsArticle` and kin), OpenGraph / Twitter / Dublin Core /
//! `article:*` meta tags, microdata (`itemprop`), `<link rel=canonical>`, `<time datetime>`,
//! and what the page prints: the DOM pass hands back the `<h1>`s and short texts (bylines,
//! datelines) with their element positions.
//!
//! * Headline: the `<h1>` when a declared title repeats it, or when it is the first
//!   headline-length `<h1>` (declared titles are often reworded for search); else the
//!   declared title less its site decoration.
//! * Byline and dateline: read next to that `<h1>` (the anchor): the nearest byline-like
//!   element or "By …" line, the nearest short dated text that is not part of a run of dates.
//! * The printed date wins over the declared one, except where it is the update date or one
//!   day off the declared publication (a time-zone shift); the declared person wins over the
//!   printed byline unless it is an organisation, the site itself or a user name.

use std::cell::Cell;
use std::sync::OnceLock;

use regex::Regex;
use serde_json::Value;

use crate::model::Tag;
use crate::text::{find_dates, parse_date, squash, word_count};

mod byline;
mod collect;
mod dates;
mod jsonld;
#[cfg(test)]
mod tests;
mod title;

pub use super::urls::{absolutize, host};
pub use byline::{dedup_names, split_authors};
pub use collect::{add_blocks, capture_kind, on_captured, on_close, on_element, Capture};
pub use dates::crawl_day;
pub use title::clean_title;

use byline::*;
use collect::*;
use dates::*;
use jsonld::*;
use title::*;

/// Everything the page declares about itself, gathered in one pass over the DOM.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// Tags the page links as such (`rel="tag"`, `rel="category tag"`): (kind, link text).
    pub rel_tags: Vec<(&'static str, String)>,
    /// (key, content): key is the lower-cased `name`, `property` or `itemprop` of a `<meta>`.
    pub metas: Vec<(String, String)>,
    pub jsonld: Vec<Value>,
    pub title_tag: Option<String>,
    pub canonical: Option<String>,
    pub html_lang: Option<String>,
    /// Machine-readable dates of `<time datetime>` and microdata elements, in page order.
    pub time_values: Vec<TimeValue>,
    /// Texts of `<h1>` elements, in page order.
    pub h1s: Vec<String>,
    /// Element index of each `<h1>` (parallel to `h1s`).
    h1_pos: Vec<u32>,
    /// Short visible texts that may be a byline or a dateline, in page order.
    snippets: Vec<Snippet>,
    /// Elements whose class, id or microdata name an author or a date: (position, hints),
    /// in page order; a text block takes its owner element's.
    el_hints: Vec<(u32, Hints)>,
    /// Elements seen so far: the preorder index of the next element.
    n_el: u32,
    /// The capture in progress (set when one starts, read back when its text arrives).
    cap: Cell<CapState>,
    /// The last element whose class names an author or byline (even a wrapper), and the
    /// last element index counted as inside it: its first few descendants inherit the hint.
    author_ctx: (u32, u32),
    /// [`hint_mask`] of the element `on_element` saw last (the one `capture_kind` is asked about).
    cur_mask: u8,
    /// The snippet a byline label took its first author link into, and the element of the
    /// last link joined: the next author links under the label join it too.
    label_list: Option<(usize, u32)>,
    /// How many `<blockquote>` elements are open: a quoted or embedded post (a tweet, an
    /// Instagram post) carries its own author and date, not the page's.
    quote_depth: u32,
    /// Element ranges `[start, end)` of the outermost `<blockquote>`s seen (at most 256).
    quotes: Vec<(u32, u32)>,
    /// The day the page was read (its WARC record's date), when known: no publication date
    /// is later, and relative dates ("3 days ago") count back from it.
    pub crawled: Option<chrono::NaiveDate>,
}

/// A machine-readable date found on an element.
#[derive(Debug, Clone)]
pub struct TimeValue {
    pub pos: u32,
    pub value: String,
    pub kind: DateKind,
    /// `time` (`<time datetime>`) or `microdata` (`itemprop` with `content`).
    pub source: &'static str,
}

/// What a date says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    Published,
    Updated,
    Unknown,
}

/// What a captured text's element (or what was seen inside it) suggests it is.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Hints {
    /// `rel=author`, `itemprop=author`, a byline class, a link to an author page.
    pub byline: bool,
    /// A class or id naming an author ("post-author-name", "authorName").
    pub author_class: bool,
    /// A class or id naming a date ("entry-date", "publishedAt").
    pub date_class: bool,
    /// A `<time>` element.
    pub time: bool,
}

#[derive(Debug, Clone)]
struct Snippet {
    pos: u32,
    text: String,
    hints: Hints,
    /// The text of a block element (a `div`'s own text) rather than a captured element:
    /// read for dates only.
    block: bool,
}

#[derive(Debug, Default, Clone, Copy)]
struct CapState {
    active: bool,
    pos: u32,
    /// An `<h1>` started inside the captured element.
    h1: bool,
    /// Byline / date evidence seen on elements inside it.
    inner: Hints,
}

impl PageMeta {
    fn meta(&self, keys: &[&str]) -> Option<&str> {
        for k in keys {
            if let Some((_, v)) = self
                .metas
                .iter()
                .find(|(mk, v)| mk == k && !v.trim().is_empty())
            {
                return Some(v.trim());
            }
        }
        None
    }
    fn metas_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.metas
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.trim())
    }

    /// The JSON-LD objects that describe the article (`NewsArticle`, `Article`, `BlogPosting`, …),
    /// flattened out of `@graph` arrays.
    pub fn articles(&self) -> Vec<&Value> {
        let mut out = Vec::new();
        let mut stack: Vec<&Value> = self.jsonld.iter().collect();
        let mut guard = 0;
        while let Some(v) = stack.pop() {
            guard += 1;
            if guard > 10_000 {
                break;
            }
            match v {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    if is_article_type(o.get("@type")) {
                        out.push(v);
                    }
                }
                _ => {}
            }
        }
        out
    }
}

/// JSON-LD strings and attribute-like texts sometimes carry HTML character references:
/// decode them all, named (the full HTML table: "&rsquo;", "&eacute;") and numeric ("&#8217;",
/// "&#x2019;"). A reference that names nothing stays as written.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        match reference(tail) {
            Some((chars, len)) => {
                out.extend(chars.into_iter().flatten());
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character(s) of the reference at the start of `tail` (just after its `&`) and the
/// bytes it takes, `;` included.
fn reference(tail: &str) -> Option<([Option<char>; 2], usize)> {
    let end = tail.bytes().take(34).position(|b| b == b';')?;
    let name = &tail[..end];
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some(([Some(char::from_u32(code)?), None], end + 1));
    }
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let &(a, b) = html5ever::data::NAMED_ENTITIES.get(&tail[..=end])?;
    // NBSP reads as a space in a headline or a name.
    let first = if a == 0xA0 { ' ' } else { char::from_u32(a)? };
    Some(([Some(first), char::from_u32(b).filter(|_| b != 0)], end + 1))
}

/// Undo UTF-8 read as Latin-1 ("InvestorÃ¢Â€Â™s" / "Investorâ\u{80}\u{99}s" → "Investor’s").
fn fix_mojibake(s: &str) -> String {
    if !s.chars().any(|c| matches!(c, 'Ã' | 'â' | 'Â')) || s.chars().any(|c| c as u32 > 0xFF) {
        return s.to_string();
    }
    let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
    match String::from_utf8(bytes) {
        Ok(fixed) => fixed,
        Err(_) => s.to_string(),
    }
}

/// A headline as read from the page: entities decoded, mojibake undone, spaces squashed.
fn clean_text(s: &str) -> String {
    squash(&fix_mojibake(&decode_entities(s)))
}

/// The resolved metadata of a page.
#[derive(Debug, Default)]
pub struct Resolved {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    /// Where `published` was read (see [`crate::model::Article::published_source`]).
    pub published_source: Option<String>,
    pub modified: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub tags: Vec<Tag>,
    pub description: Option<String>,
    pub article_body: Option<String>,
}

pub fn resolve(m: &PageMeta, fetch_url: Option<&str>) -> Resolved {
    let arts = m.articles();
    let mut r = Resolved {
        site_name: m
            .meta(&[
                "og:site_name",
                "application-name",
                "twitter:app:name:iphone",
            ])
            .map(squash)
            .or_else(|| ld_field(&arts, "publisher").as_ref().and_then(str_of))
            .filter(|s| word_count(s) <= 10),
        ..Resolved::default()
    };

    // The headline first: the byline and the dateline are looked for next to it.
    let (title, anchor) = resolve_title(m, &arts, r.site_name.as_deref());
    r.title = title;
    r.authors = resolve_authors(m, &arts, anchor, r.site_name.as_deref());
    let published = resolve_date(m, &arts, anchor, fetch_url);
    r.published_source = published.as_ref().map(|p| p.source.to_string());
    r.published = published.map(|p| p.date);
    r.modified = declared_modified(m, &arts).filter(|d| r.published.as_deref() != Some(d.as_str()));

    // URL.
    r.url = m
        .canonical
        .clone()
        .or_else(|| m.meta(&["og:url"]).map(str::to_string))
        .map(|u| absolutize(&u, fetch_url))
        .filter(|u| u.starts_with("http"))
        .or_else(|| fetch_url.map(str::to_string));

    r.language = m
        .html_lang
        .as_deref()
        .and_then(crate::text::normalise_lang)
        .or_else(|| {
            m.meta(&["content-language", "og:locale", "dc.language", "language"])
                .and_then(crate::text::normalise_lang)
        });

    // Declared tags.
    let mut tags: Vec<Tag> = Vec::new();
    let mut push = |kind: &str, v: &str| {
        let v = squash(v);
        if !v.is_empty()
            && v.len() < 120
            && !tags
                .iter()
                .any(|t| t.kind == kind && t.value.eq_ignore_ascii_case(&v))
        {
            tags.push(Tag {
                kind: kind.to_string(),
                value: v,
            });
        }
    };
    if let Some(s) = ld_field(&arts, "articleSection") {
        for v in values_of(&s) {
            push("section", &v);
        }
    }
    for v in m.metas_all("article:section") {
        push("section", v);
    }
    if let Some(k) = ld_field(&arts, "keywords") {
        for v in values_of(&k) {
            for p in v.split(',') {
                push("keyword", p);
            }
        }
    }
    for key in ["article:tag", "news_keywords", "keywords"] {
        for v in m.metas_all(key) {
            for p in v.split(',') {
                push("keyword", p);
            }
        }
    }
    for (kind, v) in &m.rel_tags {
        push(kind, v);
    }
    tags.truncate(64);
    r.tags = tags;
    r.description = m
        .meta(&["description", "og:description", "twitter:description"])
        .map(squash);
    r.article_body = ld_field(&arts, "articleBody").as_ref().and_then(str_of);
    r
}

/// How far (in elements) a byline or dateline may sit from the headline: a little before it
/// (kickers, breadcrumbs with the date) and further after it (standfirst, lead image).
const BEFORE_ANCHOR: u32 = 60;
const AFTER_ANCHOR: u32 = 200;

/// Distance of an element from the anchor; elements before it count three times.
fn anchor_cost(pos: u32, anchor: u32) -> Option<u32> {
    if pos + BEFORE_ANCHOR < anchor || pos > anchor + AFTER_ANCHOR {
        return None;
    }
    Some(if pos < anchor {
        (anchor - pos) * 3
    } else {
        pos - anchor
    })
}
