//! Metadata: headline, byline, dates, publisher, canonical URL, language and declared tags.
//!
//! Evidence comes from JSON-LD (`NewsArticle` and kin), OpenGraph / Twitter / Dublin Core /
//! `article:*` meta tags, microdata (`itemprop`), `<link rel=canonical>`, `<time datetime>`,
//! and byline elements in the page. Each field takes the most specific source that has it.

use std::sync::OnceLock;

use regex::Regex;
use serde_json::Value;

use crate::model::Tag;
use crate::text::{parse_date, squash, word_count};

/// Everything the page declares about itself, gathered in one pass over the DOM.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// (key, content): key is the lower-cased `name`, `property` or `itemprop` of a `<meta>`.
    pub metas: Vec<(String, String)>,
    pub jsonld: Vec<Value>,
    pub title_tag: Option<String>,
    pub canonical: Option<String>,
    pub html_lang: Option<String>,
    /// Texts of byline elements (`rel=author`, `itemprop=author`, `.byline`, `.author`), in page order.
    pub byline_texts: Vec<String>,
    /// `datetime` attributes of `<time>` / `itemprop=datePublished` elements, in page order.
    pub time_values: Vec<(String, bool)>,
    /// Texts of `<h1>` elements, in page order.
    pub h1s: Vec<String>,
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

fn is_article_type(t: Option<&Value>) -> bool {
    let check = |s: &str| {
        let s = s.rsplit('/').next().unwrap_or(s);
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting"
                    | "Report"
                    | "LiveBlogPosting"
                    | "Blog"
                    | "SocialMediaPosting"
                    | "WebPage"
                    | "ItemPage"
            )
    };
    match t {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(check)),
        _ => false,
    }
}

fn is_webpage(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => s == "WebPage" || s == "ItemPage",
        _ => false,
    }
}

fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").or_else(|| o.get("@value")).and_then(str_of),
        Value::Array(a) => a.first().and_then(str_of),
        _ => None,
    }
    .map(|s| squash(&decode_entities(&s)))
    .filter(|s| !s.is_empty())
}

/// JSON-LD strings sometimes carry HTML entities; decode the common ones.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&#8217;", "\u{2019}")
        .replace("&#8216;", "\u{2018}")
        .replace("&#8220;", "\u{201c}")
        .replace("&#8221;", "\u{201d}")
        .replace("&#8211;", "\u{2013}")
        .replace("&#8212;", "\u{2014}")
}

/// Pick from the JSON-LD article objects (article types first, then WebPage).
fn ld_field(arts: &[&Value], key: &str) -> Option<Value> {
    arts.iter()
        .filter(|v| !is_webpage(v))
        .chain(arts.iter().filter(|v| is_webpage(v)))
        .find_map(|a| a.get(key).filter(|v| !v.is_null()).cloned())
}

/// The resolved metadata of a page.
#[derive(Debug, Default)]
pub struct Resolved {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub tags: Vec<Tag>,
    pub description: Option<String>,
    pub article_body: Option<String>,
}

pub fn resolve(m: &PageMeta, fetch_url: Option<&str>) -> Resolved {
    let arts = m.articles();
    let mut r = Resolved::default();

    r.site_name = m
        .meta(&[
            "og:site_name",
            "application-name",
            "twitter:app:name:iphone",
        ])
        .map(squash)
        .or_else(|| ld_field(&arts, "publisher").as_ref().and_then(str_of))
        .filter(|s| word_count(s) <= 10);

    // Headline: the visible <h1> when it agrees with a declared title, else the declared one.
    let declared: Vec<String> = [
        ld_field(&arts, "headline").as_ref().and_then(str_of),
        m.meta(&[
            "og:title",
            "twitter:title",
            "dc.title",
            "sailthru.title",
            "parsely-title",
            "headline",
            "title",
        ])
        .map(squash),
        m.title_tag.as_deref().map(squash),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect();
    let h1 = m.h1s.iter().map(|h| squash(h)).find(|h| {
        let hw = crate::text::words(h);
        !hw.is_empty()
            && declared
                .iter()
                .any(|d| contains_words(&crate::text::words(d), &hw))
    });
    r.title = h1
        .or_else(|| declared.first().cloned())
        .map(|t| clean_title(&t, r.site_name.as_deref()))
        .filter(|t| !t.is_empty());

    // Byline.
    let mut authors = Vec::new();
    if let Some(a) = ld_field(&arts, "author").or_else(|| ld_field(&arts, "creator")) {
        collect_ld_people(&a, &mut authors);
    }
    if authors.is_empty() {
        for key in [
            "author",
            "article:author",
            "dc.creator",
            "sailthru.author",
            "parsely-author",
            "byl",
            "twitter:creator",
        ] {
            for v in m.metas_all(key) {
                if v.starts_with("http") || v.starts_with('@') && key != "twitter:creator" {
                    continue;
                }
                if key == "twitter:creator" {
                    continue;
                }
                authors.extend(split_authors(v));
            }
            if !authors.is_empty() {
                break;
            }
        }
    }
    if authors.is_empty() {
        for t in &m.byline_texts {
            let names = split_authors(t);
            if !names.is_empty() {
                authors.extend(names);
                break;
            }
        }
    }
    r.authors = dedup_names(authors.into_iter().filter(|a| !is_not_a_name(a)).collect());

    // Dates: declared publication first, then <time>, then the URL.
    r.published = ld_field(&arts, "datePublished")
        .as_ref()
        .and_then(str_of)
        .and_then(|s| parse_date(&s))
        .or_else(|| {
            m.meta(&[
                "article:published_time",
                "og:published_time",
                "datepublished",
                "publishdate",
                "publish-date",
                "pubdate",
                "publication_date",
                "sailthru.date",
                "parsely-pub-date",
                "dc.date.issued",
                "dc.date",
                "dcterms.created",
                "date",
                "article.published",
                "cxenseparse:recs:publishtime",
                "article:published",
                "og:article:published_time",
            ])
            .and_then(parse_date)
        })
        .or_else(|| {
            m.time_values
                .iter()
                .find(|(_, pubd)| *pubd)
                .and_then(|(v, _)| parse_date(v))
        })
        .or_else(|| m.time_values.iter().find_map(|(v, _)| parse_date(v)))
        .or_else(|| {
            ld_field(&arts, "dateCreated")
                .as_ref()
                .and_then(str_of)
                .and_then(|s| parse_date(&s))
        })
        .or_else(|| fetch_url.and_then(date_from_url));

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
    tags.truncate(64);
    r.tags = tags;
    r.description = m
        .meta(&["description", "og:description", "twitter:description"])
        .map(squash);
    r.article_body = ld_field(&arts, "articleBody").as_ref().and_then(str_of);
    r
}

fn values_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(str_of).collect(),
        other => str_of(other).into_iter().collect(),
    }
}

fn collect_ld_people(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_ld_people(x, out)),
        Value::Object(o) => {
            if let Some(n) = o.get("name").and_then(str_of) {
                out.extend(split_authors(&n));
            }
        }
        Value::String(s) if !s.starts_with("http") => out.extend(split_authors(s)),
        _ => {}
    }
}

fn contains_words(hay: &[String], needle: &[String]) -> bool {
    needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// A byline value that is a URL, handle or domain rather than a name.
fn is_not_a_name(author: &str) -> bool {
    let a = author.to_lowercase();
    a.contains("http") || (a.contains('@') && !a.contains(' ')) || a.contains(".com")
}

fn date_from_url(url: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)").expect("url date regex")
    });
    let c = re.captures(url)?;
    let d = chrono::NaiveDate::from_ymd_opt(
        c[1].parse().ok()?,
        c[2].parse().ok()?,
        c[3].parse().ok()?,
    )?;
    Some(d.format("%Y-%m-%d").to_string())
}

/// Resolve a possibly relative URL against the page's URL.
pub fn absolutize(u: &str, base: Option<&str>) -> String {
    let u = u.trim();
    if u.starts_with("http://") || u.starts_with("https://") {
        return u.to_string();
    }
    let Some(base) = base else {
        return u.to_string();
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    if let Some(rest) = u.strip_prefix("//") {
        let scheme = &base[..scheme_end.saturating_sub(3)];
        return format!("{scheme}://{rest}");
    }
    let host_end = base[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(base.len());
    if u.starts_with('/') {
        return format!("{}{}", &base[..host_end], u);
    }
    u.to_string()
}

/// The host of a URL, without `www.`.
pub fn host(u: &str) -> Option<&str> {
    let rest = u.split("://").nth(1)?;
    let h = rest.split(['/', '?', '#', ':']).next()?;
    Some(h.strip_prefix("www.").unwrap_or(h)).filter(|h| !h.is_empty())
}

/// Remove a " | Site", " - Site", " — Site" or "Site: " decoration from a headline.
pub fn clean_title(title: &str, site: Option<&str>) -> String {
    let t = squash(title);
    let site_l = site.map(|s| s.to_lowercase());
    for sep in [
        " | ", " – ", " — ", " - ", " :: ", " · ", " // ", " « ", " » ",
    ] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            let tail_l = tail.trim().to_lowercase();
            let is_site = site_l
                .as_deref()
                .is_some_and(|s| s == tail_l || s.contains(&tail_l) || tail_l.contains(s));
            if is_site
                || (word_count(tail) <= 4
                    && word_count(head) >= 3
                    && (sep == " | " || sep == " :: " || sep == " // "))
            {
                return clean_title(head, site);
            }
        }
        if let Some(i) = t.find(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            let head_l = head.trim().to_lowercase();
            if site_l.as_deref().is_some_and(|s| s == head_l) && word_count(tail) >= 2 {
                return clean_title(tail, site);
            }
        }
    }
    t
}

/// Split a byline into names: "By A, B and C" → [A, B, C]; drops dates, roles after a comma
/// ("Jane Doe, Staff Writer"), e-mail addresses and "Updated" tails.
pub fn split_authors(s: &str) -> Vec<String> {
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    static TAIL: OnceLock<Regex> = OnceLock::new();
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:(?:written|posted|reported|story|words|text|photos?)\s+)?(?:by|von|par|por|door|di|av|from|author|authors)\s*[:\-]?\s+").expect("prefix")
    });
    let tail = TAIL.get_or_init(|| {
        Regex::new(r"(?i)\s*(?:\||•|·|—|–|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)|\b\d{1,2}[:/.]\d{1,2}|\b(?:19|20)\d{2}\b|\bfollow\b|\bemail\b|\btwitter\b).*$").expect("tail")
    });
    let s = squash(s);
    let s = prefix.replace(&s, "");
    let s = tail.replace(&s, "");
    let mut out = Vec::new();
    for part in s
        .split(" and ")
        .flat_map(|p| p.split(" & "))
        .flat_map(|p| p.split(';'))
        .flat_map(|p| p.split(" und "))
    {
        // "Name, Role" keeps the name; "A, B, C" keeps all names.
        let pieces: Vec<&str> = part
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let all_names =
            pieces.len() > 1 && pieces.iter().all(|p| looks_like_name(p) && !is_role(p));
        let chosen: Vec<&str> = if all_names {
            pieces
        } else {
            pieces.into_iter().take(1).collect()
        };
        for p in chosen {
            let p = p
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != ')')
                .trim();
            let p = prefix.replace(p, "");
            if looks_like_name(&p) {
                out.push(p.to_string());
            }
        }
    }
    out
}

fn looks_like_name(p: &str) -> bool {
    let wc = word_count(p);
    (1..=6).contains(&wc)
        && p.chars().next().is_some_and(|c| c.is_alphabetic())
        && !p.contains("http")
        && !p.contains('@')
        && p.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !matches!(
            p.to_lowercase().as_str(),
            "staff" | "admin" | "administrator" | "editor" | "guest" | "unknown" | "by"
        )
}

/// "Staff Writer", "Senior Correspondent", "Contributor": a role, not a name.
fn is_role(p: &str) -> bool {
    const ROLES: &[&str] = &[
        "writer",
        "editor",
        "correspondent",
        "reporter",
        "staff",
        "contributor",
        "columnist",
        "producer",
        "director",
        "chief",
        "senior",
        "associate",
        "bureau",
        "news",
        "desk",
        "analyst",
        "press",
        "team",
        "intern",
        "jr",
        "sr",
        "phd",
        "md",
        "professor",
        "editorial",
        "contributing",
        "special",
        "agency",
    ];
    crate::text::words(p)
        .iter()
        .any(|w| ROLES.contains(&w.as_str()))
}

/// Keep the first of names that differ only in case.
pub fn dedup_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
            out.push(n);
        }
    }
    out
}

/// Elements whose text is metadata: the DOM pass collects their text and hands it back.
#[derive(Debug, Clone, Copy)]
pub enum Capture {
    JsonLd,
    Title,
    H1,
    Byline,
}

/// Read what a start tag itself declares (`<meta>`, `<link rel=canonical>`, `<time datetime>`, microdata).
pub fn on_element(
    el: &scraper::node::Element,
    tag: &str,
    meta: &mut PageMeta,
    base_url: Option<&str>,
) {
    match tag {
        "meta" => {
            let key = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"))
                .or_else(|| el.attr("http-equiv"));
            if let (Some(k), Some(v)) = (key, el.attr("content")) {
                if meta.metas.len() < 2000 {
                    meta.metas.push((k.to_ascii_lowercase(), v.to_string()));
                }
            }
        }
        "link" => {
            if let (Some(rel), Some(href)) = (el.attr("rel"), el.attr("href")) {
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && meta.canonical.is_none()
                {
                    meta.canonical = Some(absolutize(href, base_url));
                }
            }
        }
        "time" => {
            if let Some(dt) = el.attr("datetime") {
                let published = el.attr("itemprop") == Some("datePublished")
                    || el.attr("pubdate").is_some()
                    || el
                        .attr("class")
                        .is_some_and(|c| c.contains("publish") || c.contains("posted"));
                meta.time_values.push((dt.to_string(), published));
            }
        }
        _ => {
            if el.attr("itemprop") == Some("datePublished") {
                if let Some(v) = el.attr("content").or_else(|| el.attr("datetime")) {
                    meta.time_values.push((v.to_string(), true));
                }
            }
        }
    }
}

/// Should the text of this element be captured as metadata? `in_skipped` is true inside
/// `<script>`, `<style>` and other never-text elements.
pub fn capture_kind(
    el: &scraper::node::Element,
    tag: &str,
    in_head: bool,
    in_skipped: bool,
    meta: &PageMeta,
) -> Option<Capture> {
    if tag == "script" && el.attr("type").is_some_and(|t| t.contains("ld+json")) {
        return Some(Capture::JsonLd);
    }
    if tag == "title" && in_head && meta.title_tag.is_none() {
        return Some(Capture::Title);
    }
    if in_skipped {
        return None;
    }
    if tag == "h1" {
        return Some(Capture::H1);
    }
    let itemprop = el.attr("itemprop").unwrap_or("");
    let rel_author = el.attr("rel").is_some_and(|r| r.contains("author"));
    let class = el.attr("class").unwrap_or("").to_ascii_lowercase();
    let byline_class = class.split_whitespace().any(|c| {
        matches!(
            c,
            "byline"
                | "author"
                | "author-name"
                | "byline__name"
                | "byline-name"
                | "article-author"
                | "post-author"
                | "authors"
                | "author_name"
                | "byline-author"
                | "c-byline__author-name"
        )
    });
    if itemprop == "author" || rel_author || byline_class {
        return Some(Capture::Byline);
    }
    None
}

/// Take the collected text of a captured element.
pub fn on_captured(kind: Capture, buf: String, meta: &mut PageMeta) {
    match kind {
        Capture::JsonLd => {
            if let Ok(v) = serde_json::from_str(buf.trim()) {
                meta.jsonld.push(v);
            }
        }
        Capture::Title => meta.title_tag = Some(buf),
        Capture::H1 => meta.h1s.push(buf),
        Capture::Byline => {
            if buf.trim().len() < 300 {
                meta.byline_texts.push(buf)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            clean_title(
                "Ferry Route Approved | The Island Post",
                Some("The Island Post")
            ),
            "Ferry Route Approved"
        );
        assert_eq!(
            clean_title(
                "Ferry Route Approved - Island Post",
                Some("The Island Post")
            ),
            "Ferry Route Approved"
        );
        assert_eq!(
            clean_title("Island Post: Ferry Route Approved", Some("Island Post")),
            "Island Post: Ferry Route Approved"
        );
        assert_eq!(
            clean_title("Ferry Route Approved | Island News", None),
            "Ferry Route Approved"
        );
        assert_eq!(
            clean_title("Cost-benefit - a primer", None),
            "Cost-benefit - a primer"
        );
    }

    #[test]
    fn authors() {
        assert_eq!(
            split_authors("By Mara Velde and Tom Ash"),
            vec!["Mara Velde", "Tom Ash"]
        );
        assert_eq!(
            split_authors("By Mara Velde, Staff Writer"),
            vec!["Mara Velde"]
        );
        assert_eq!(
            split_authors("By Mara Velde | Updated March 3, 2022"),
            vec!["Mara Velde"]
        );
        assert_eq!(
            split_authors("Ann Lee, Bo Chan, Cy Dorn"),
            vec!["Ann Lee", "Bo Chan", "Cy Dorn"]
        );
        assert!(split_authors("https://example.test/author/x").is_empty());
    }

    #[test]
    fn url_helpers() {
        assert_eq!(
            absolutize("/a/b", Some("https://news.test/x/y")),
            "https://news.test/a/b"
        );
        assert_eq!(host("https://www.news.test/a"), Some("news.test"));
        assert_eq!(
            date_from_url("https://news.test/2019/11/05/story").as_deref(),
            Some("2019-11-05")
        );
    }
}
