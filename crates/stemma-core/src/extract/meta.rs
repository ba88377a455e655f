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
    /// Elements seen so far: the preorder index of the next element.
    n_el: u32,
    /// The capture in progress (set when one starts, read back when its text arrives).
    cap: Cell<CapState>,
    /// The last element whose class names an author or byline (even a wrapper), and the
    /// last element index counted as inside it: its first few descendants inherit the hint.
    author_ctx: (u32, u32),
    /// [`hint_mask`] of the element `on_element` saw last (the one `capture_kind` is asked about).
    cur_mask: u8,
}

/// A machine-readable date found on an element.
#[derive(Debug, Clone)]
pub struct TimeValue {
    pub pos: u32,
    pub value: String,
    pub kind: DateKind,
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
    let s = s
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ");
    // Numeric references: "&#038;", "&#8217;", "&#x2019;".
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let (hex, digits) = match tail.strip_prefix(['x', 'X']) {
            Some(t) => (true, t),
            None => (false, tail),
        };
        let end = digits
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(digits.len());
        let code = if hex {
            u32::from_str_radix(&digits[..end], 16).ok()
        } else {
            digits[..end].parse::<u32>().ok()
        };
        match (
            code.and_then(char::from_u32),
            digits[end..].strip_prefix(';'),
        ) {
            (Some(c), Some(after)) if end > 0 => {
                out.push(c);
                rest = after;
            }
            _ => {
                out.push_str("&#");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
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
    r.published = resolve_date(m, &arts, anchor, fetch_url);
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

/// The headline and, when it is a visible `<h1>`, where that `<h1>` is (the anchor for the
/// byline and dateline, which sit next to it).
fn resolve_title(
    m: &PageMeta,
    arts: &[&Value],
    site: Option<&str>,
) -> (Option<String>, Option<u32>) {
    // Headline: the visible <h1> when it agrees with a declared title, else the declared one.
    let declared: Vec<String> = [
        ld_field(arts, "headline").as_ref().and_then(str_of),
        m.meta(&[
            "og:title",
            "twitter:title",
            "dc.title",
            "sailthru.title",
            "parsely-title",
            "headline",
            "title",
        ])
        .map(clean_text),
        m.title_tag.as_deref().map(clean_text),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect();
    let site_words = site.map(crate::text::words).unwrap_or_default();
    let h1s: Vec<(String, u32)> = m
        .h1s
        .iter()
        .zip(m.h1_pos.iter())
        .map(|(h, &p)| (clean_text(h), p))
        .filter(|(h, _)| {
            let hw = crate::text::words(h);
            !hw.is_empty() && hw != site_words
        })
        .collect();
    // An <h1> that a declared title repeats, and that is a good part of it (not the site
    // name that the declared title carries as a suffix, nor one word of it).
    let agreeing = h1s.iter().find(|(h, _)| {
        let hw = crate::text::words(h);
        declared.iter().any(|d| {
            let dw = crate::text::words(&clean_title(d, site));
            contains_words(&dw, &hw) && hw.len() * 3 >= dw.len()
        })
    });
    // The first headline-length <h1> when the declared titles repeat none: the page's own
    // headline, reworded for search engines and social cards in the declared ones.
    let agreeing = agreeing.or_else(|| {
        h1s.first()
            .filter(|(h, _)| (4..=30).contains(&word_count(h)))
    });
    let title = agreeing
        .map(|(h, _)| h.clone())
        .or_else(|| declared.first().cloned())
        .map(|t| clean_title(&t, site))
        .filter(|t| !t.is_empty());
    let anchor = agreeing
        .map(|&(_, p)| p)
        .or_else(|| {
            let tw = title.as_deref().map(crate::text::words).unwrap_or_default();
            h1s.iter()
                .find(|(h, _)| {
                    let hw = crate::text::words(h);
                    !tw.is_empty() && (contains_words(&hw, &tw) || contains_words(&tw, &hw))
                })
                .map(|&(_, p)| p)
        })
        .or_else(|| h1s.first().map(|&(_, p)| p));
    (title, anchor)
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

fn resolve_authors(
    m: &PageMeta,
    arts: &[&Value],
    anchor: Option<u32>,
    site: Option<&str>,
) -> Vec<String> {
    let clean = |v: Vec<String>| -> Vec<String> {
        dedup_names(v.into_iter().filter(|a| !is_not_a_name(a)).collect())
    };
    let mut ld = Vec::new();
    let mut ld_org = false;
    if let Some(a) = ld_field(arts, "author").or_else(|| ld_field(arts, "creator")) {
        collect_ld_people(&a, &mut ld);
        ld_org = is_organisation(&a);
    }
    let ld = clean(ld);
    let mut metas = Vec::new();
    for key in [
        "author",
        "article:author",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
        "byl",
    ] {
        for v in m.metas_all(key) {
            if v.starts_with("http") || v.starts_with('@') {
                continue;
            }
            metas.extend(split_authors(v));
        }
        if !metas.is_empty() {
            break;
        }
    }
    let metas = clean(metas);
    let visible = clean(visible_byline(m, anchor));
    let publisher = ld_field(arts, "publisher").as_ref().and_then(str_of);
    let (declared, org) = if ld.is_empty() {
        (metas, false)
    } else {
        (ld, ld_org)
    };
    // The declared author stands unless it is an organisation, the site itself or a user
    // name while the page prints a byline.
    let weak = |names: &[String]| {
        names.iter().all(|n| {
            is_username(n)
                || [site, publisher.as_deref()]
                    .iter()
                    .flatten()
                    .any(|s| crate::text::words(s) == crate::text::words(n))
        })
    };
    if !visible.is_empty() && (declared.is_empty() || org || weak(&declared)) {
        return visible;
    }
    declared
}

/// A JSON-LD author given as an organisation (or only organisations).
fn is_organisation(v: &Value) -> bool {
    match v {
        Value::Array(a) => !a.is_empty() && a.iter().all(is_organisation),
        Value::Object(o) => {
            let t =
                |s: &str| s.contains("Organization") || s.contains("Corporation") || s == "Brand";
            match o.get("@type") {
                Some(Value::String(s)) => t(s),
                Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(t)),
                _ => false,
            }
        }
        _ => false,
    }
}

/// "jdoe", "jane.doe", "jdoe_82": a login, not a printed name.
fn is_username(n: &str) -> bool {
    !n.contains(char::is_whitespace)
        && (n.contains(['.', '_'])
            || n.chars().any(|c| c.is_ascii_digit())
            || (n.chars().count() > 2 && n.chars().all(|c| c.is_lowercase())))
}

/// The byline printed next to the headline: the nearest byline element (or "By …" line).
fn visible_byline(m: &PageMeta, anchor: Option<u32>) -> Vec<String> {
    let mut best: Option<(u32, Vec<String>)> = None;
    for (i, s) in m.snippets.iter().enumerate() {
        let strong = s.hints.byline || s.hints.author_class;
        // "By Jane Doe" at the start, or after a date in a short dateline ("May 3, 2021 By
        // Jane Doe 4 comments").
        let prefixed = byline_prefix_re().is_match(&s.text)
            || (word_count(&s.text) <= 12 && after_by(&s.text).is_some());
        if !strong && !prefixed {
            continue;
        }
        let cost = match anchor {
            Some(a) => match anchor_cost(s.pos, a) {
                Some(c) => c,
                None => continue,
            },
            None => i as u32,
        };
        if best.as_ref().is_some_and(|(c, _)| *c <= cost) {
            continue;
        }
        let mut names = parse_byline(&s.text, strong);
        // A byline element holding only a lower-case name ("jane doe").
        if names.is_empty()
            && strong
            && (1..=3).contains(&word_count(&s.text))
            && s.text.chars().all(|c| c.is_lowercase() || c == ' ')
            && !crate::text::words(&s.text)
                .iter()
                .any(|w| is_stop_word(w) || is_ui_word(w) || w == "by" || w == "img")
        {
            names.push(s.text.clone());
        }
        if !names.is_empty() {
            best = Some((cost, names));
        }
    }
    best.map(|(_, n)| n).unwrap_or_default()
}

/// What the words just before a date say it is.
fn label_before(text: &str, at: usize) -> DateKind {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .nth(30)
        .map(|(i, _)| i)
        .unwrap_or(0);
    // The last label word within the 30 characters before the date decides.
    for w in crate::text::words(&head[start..]).iter().rev() {
        match w.as_str() {
            "updated" | "update" | "modified" | "reviewed" | "revised" | "refreshed" | "edited" => {
                return DateKind::Updated
            }
            "published" | "posted" | "written" | "created" | "released" | "date" | "publish"
            | "originally" => return DateKind::Published,
            _ => {}
        }
    }
    DateKind::Unknown
}

/// A date printed on the page near the headline.
#[derive(Debug, Clone)]
struct VisibleDate {
    cost: u32,
    date: String,
    kind: DateKind,
    /// The other reading of an all-numeric date whose day and month could be swapped.
    swapped: Option<String>,
}

/// Dates past this distance from the headline yield to declared ones.
const NEAR_COST: u32 = 100;

/// The other reading of "03/10/2023" or "03.10.2023" (day and month swapped) than `read`,
/// if the text has one.
fn swapped_reading(s: &str, read: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re =
        R.get_or_init(|| Regex::new(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$").expect("numeric date"));
    let c = re.captures(s.trim())?;
    let (a, b, y): (u32, u32, i32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    if a > 12 || b > 12 || a == b {
        return None;
    }
    let d1 = chrono::NaiveDate::from_ymd_opt(y, a, b)?
        .format("%Y-%m-%d")
        .to_string();
    let d2 = chrono::NaiveDate::from_ymd_opt(y, b, a)?
        .format("%Y-%m-%d")
        .to_string();
    Some(if d1 == read { d2 } else { d1 })
}

/// The date printed next to the headline, when the page prints one. A date is read from a
/// short dateline (a date and a few words, or a labelled / date-classed element), not from a
/// sentence; runs of dated items (related posts, comments, event listings) are skipped.
fn visible_date(m: &PageMeta, anchor: Option<u32>) -> Option<VisibleDate> {
    struct Cand {
        pos: u32,
        idx: usize,
        first: String,
        dates: Vec<(usize, usize, String)>,
        hinted: bool,
        labelled: bool,
    }
    let mut cands: Vec<Cand> = Vec::new();
    for (i, s) in m.snippets.iter().enumerate() {
        if !may_hold_date(&s.text) {
            continue;
        }
        let dates = find_dates(&s.text);
        if dates.is_empty() {
            continue;
        }
        let hinted = s.hints.date_class || s.hints.time || s.hints.byline || s.hints.author_class;
        // The text must be a dateline, not a sentence that mentions a date.
        let mut rest = String::new();
        let mut last = 0;
        for (a, b, _) in &dates {
            rest.push_str(&s.text[last..*a]);
            rest.push(' ');
            last = *b;
        }
        rest.push_str(&s.text[last..]);
        let labelled = dates
            .iter()
            .any(|(a, _, _)| label_before(&s.text, *a) != DateKind::Unknown);
        let limit = if hinted {
            40
        } else if labelled {
            14
        } else {
            8
        };
        if word_count(&rest) > limit {
            continue;
        }
        // "March 3 – April 9, 2022", "as of May 2, 2023": a span or a reference, not a dateline.
        let lower = s.text.to_lowercase();
        if dates.windows(2).any(|w| {
            let between = s.text[w[0].1..w[1].0].trim();
            matches!(between, "-" | "–" | "—" | "to" | "until" | "through")
        }) || lower.contains("as of ")
            || lower.contains("since ")
        {
            continue;
        }
        cands.push(Cand {
            pos: s.pos,
            idx: i,
            first: dates[0].2.clone(),
            dates,
            hinted,
            labelled,
        });
    }
    let mut found: Vec<(u32, VisibleDate)> = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        // A run of dated items: two or more other dates within a short stretch of the page.
        let mut others: Vec<&str> = Vec::new();
        for o in cands[ci.saturating_sub(8)..(ci + 9).min(cands.len())].iter() {
            if o.pos.abs_diff(c.pos) <= 60
                && o.first != c.first
                && !others.contains(&o.first.as_str())
            {
                others.push(&o.first);
            }
        }
        if others.len() >= 2 {
            continue;
        }
        let cost = match anchor {
            Some(a) => match anchor_cost(c.pos, a) {
                Some(x) => x,
                None => continue,
            },
            None if c.hinted || c.labelled => c.idx as u32,
            None => continue,
        };
        let text = &m.snippets[c.idx].text;
        // Of "Published X · Updated Y", the publication date.
        let pick = c
            .dates
            .iter()
            .find(|(a, _, _)| label_before(text, *a) != DateKind::Updated)
            .unwrap_or(&c.dates[0]);
        found.push((
            c.pos,
            VisibleDate {
                cost,
                date: pick.2.clone(),
                kind: label_before(text, pick.0),
                swapped: swapped_reading(&text[pick.0..pick.1], &pick.2),
            },
        ));
    }
    if let Some(a) = anchor {
        for t in &m.time_values {
            let Some(d) = parse_date(&t.value) else {
                continue;
            };
            let Some(cost) = anchor_cost(t.pos, a) else {
                continue;
            };
            // A visible text at the same element wins (it is what the reader sees); the
            // machine value only fills in.
            found.push((
                t.pos,
                VisibleDate {
                    cost: cost + 1,
                    date: d,
                    kind: t.kind,
                    swapped: None,
                },
            ));
        }
    }
    let (pos, best) = found.iter().min_by_key(|(_, v)| v.cost)?;
    // "June 3, 2021 · Updated May 5, 2024" in two elements: the one that is not the update.
    if best.kind == DateKind::Updated {
        if let Some((_, other)) = found
            .iter()
            .filter(|(p, v)| {
                p.abs_diff(*pos) <= 15
                    && v.kind != DateKind::Updated
                    && v.date.get(..10) != best.date.get(..10)
            })
            .min_by_key(|(_, v)| v.cost)
        {
            return Some(other.clone());
        }
    }
    Some(best.clone())
}

/// Every written date form has a four-digit year (19xx or 20xx): a cheap test before the
/// date patterns run.
fn may_hold_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(4).any(|w| {
        (w[0] == b'1' && w[1] == b'9' || w[0] == b'2' && w[1] == b'0')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    })
}

/// Two days next to each other: the same moment written in two time zones.
fn one_day_apart(a: Option<&str>, b: Option<&str>) -> bool {
    let parse =
        |s: Option<&str>| s.and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => (x - y).num_days().abs() == 1,
        _ => false,
    }
}

/// The page's declared date of last modification (JSON-LD `dateModified`, `article:modified_time`).
fn declared_modified(m: &PageMeta, arts: &[&Value]) -> Option<String> {
    ld_field(arts, "dateModified")
        .as_ref()
        .and_then(str_of)
        .and_then(|s| parse_date(&s))
        .or_else(|| {
            m.meta(&["article:modified_time", "og:updated_time", "datemodified"])
                .and_then(parse_date)
        })
}

fn resolve_date(
    m: &PageMeta,
    arts: &[&Value],
    anchor: Option<u32>,
    fetch_url: Option<&str>,
) -> Option<String> {
    let declared = ld_field(arts, "datePublished")
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
            // Any other meta key that names a publication date ("w-published-date",
            // "published", "citation_online_date", "uploadDate").
            m.metas.iter().find_map(|(k, v)| {
                let pubkey = (k.contains("publish") && !k.contains("publisher"))
                    || k.contains("pubdate")
                    || k.contains("pub-date")
                    || k.contains("pub_date")
                    || k.starts_with("citation_") && k.ends_with("date")
                    || k.contains("upload_date")
                    || k.contains("uploaddate")
                    || k == "created"
                    || k.ends_with(":date")
                    || k.ends_with("_date") && !k.contains("modif") && !k.contains("updat");
                if pubkey && !k.contains("modif") && !k.contains("updat") {
                    parse_date(v)
                } else {
                    None
                }
            })
        });
    let modified = declared_modified(m, arts);
    let day = |d: &str| d.get(..10).map(str::to_string);
    let visible = visible_date(m, anchor).map(|mut v| {
        // "03/10/2023": the reading the page declares elsewhere.
        if let Some(alt) = v.swapped.take() {
            let known = [declared.as_deref(), modified.as_deref()];
            if known
                .iter()
                .flatten()
                .any(|k| day(k).as_deref() == Some(alt.as_str()))
            {
                v.date = alt;
            }
        }
        v
    });
    let chosen = match (visible, declared.clone()) {
        (Some(v), Some(d)) => {
            let vd = day(&v.date);
            if vd == day(&d) {
                Some(d)
            } else if v.cost > NEAR_COST
                || v.kind == DateKind::Updated
                || (v.kind != DateKind::Published
                    && one_day_apart(vd.as_deref(), day(&d).as_deref()))
                || modified.as_deref().and_then(day) == vd
            {
                // A far date, or the page's update date: the declared publication wins.
                Some(d)
            } else {
                Some(v.date)
            }
        }
        (Some(v), None) if v.kind == DateKind::Updated => {
            // Only an update date is printed: a publication date declared anywhere else wins.
            m.time_values
                .iter()
                .find(|t| t.kind == DateKind::Published)
                .and_then(|t| parse_date(&t.value))
                .or_else(|| {
                    ld_field(arts, "dateCreated")
                        .as_ref()
                        .and_then(str_of)
                        .and_then(|s| parse_date(&s))
                })
                .or_else(|| fetch_url.and_then(date_from_url))
                .or(Some(v.date))
        }
        (Some(v), None) => Some(v.date),
        (None, Some(d)) => Some(d),
        // Nothing near the headline and nothing declared: a labelled or date-classed date
        // anywhere on the page.
        (None, None) if anchor.is_some() => visible_date(m, None).map(|v| v.date),
        (None, None) => None,
    };
    chosen
        .or_else(|| {
            m.time_values
                .iter()
                .find(|t| t.kind == DateKind::Published)
                .and_then(|t| parse_date(&t.value))
        })
        .or_else(|| m.time_values.iter().find_map(|t| parse_date(&t.value)))
        .or_else(|| {
            ld_field(arts, "dateCreated")
                .as_ref()
                .and_then(str_of)
                .and_then(|s| parse_date(&s))
        })
        .or_else(|| fetch_url.and_then(date_from_url))
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
        Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/\-+_.]|$)")
            .expect("url date regex")
    });
    // Percent-encoded slashes ("%2F") are slashes for this purpose.
    let decoded;
    let url = if url.contains("%2F") || url.contains("%2f") {
        decoded = url.replace("%2F", "/").replace("%2f", "/");
        decoded.as_str()
    } else {
        url
    };
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
    split_declared(s)
}

/// Names in a declared author value (JSON-LD, `<meta name=author>`): usually clean, so only
/// prefixes, dates, separators and roles after a comma are taken off.
fn split_declared(s: &str) -> Vec<String> {
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    static TAIL: OnceLock<Regex> = OnceLock::new();
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:(?:written|posted|reported|story|words|text|photos?)\s+)?(?:by|von|par|por|door|di|av|from|author|authors)\s*[:\-]?\s+").expect("prefix")
    });
    let tail = TAIL.get_or_init(|| {
        Regex::new(r"(?i)\s*(?:\||•|·|—|–|\s-\s|(?-u:\b)updated(?-u:\b)|(?-u:\b)published(?-u:\b)|(?-u:\b)posted(?-u:\b)|(?-u:\b)on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)|(?-u:\b)\d{1,2}[:/.]\d{1,2}|(?-u:\b)(?:19|20)\d{2}(?-u:\b)|(?-u:\b)follow(?-u:\b)|(?-u:\b)email(?-u:\b)|(?-u:\b)twitter(?-u:\b)).*$").expect("tail")
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

/// Marks where texts of two elements ran together, or where a date was.
const GLUE: char = '\u{1}';

/// Mark places where the texts of two elements ran together: a long lower-case run followed
/// by a capital ("Jane DoeStaff Writer", but not "McDonald" or "MacKenzie"), or a letter
/// followed by a digit ("Jane Doe7 min read").
fn mark_glue(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut lower_run = 0usize;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let rest = &s[i..];
        if let Some(p) = prev {
            if (c.is_uppercase() && p.is_lowercase() && lower_run >= 3 && glued_label(rest))
                || (c.is_ascii_digit() && p.is_alphabetic())
            {
                out.push(GLUE);
            }
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        prev = Some(c);
        out.push(c);
    }
    out
}

/// Does `rest` (starting at a capital glued to a lower-case run) begin with a label, a role
/// or a month rather than more of a name ("DoeUpdated", "DoeStaff Writer", "DoeMarch 3")?
fn glued_label(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .enumerate()
        .take_while(|&(k, c)| {
            c.is_alphabetic()
                && (k == 0
                    || c.is_lowercase()
                    || rest.chars().nth(1).is_some_and(|d| d.is_uppercase()))
        })
        .map(|(_, c)| c)
        .collect();
    let w = word.to_lowercase();
    is_role(&w)
        || is_stop_word(&w)
        || is_weekday_or_month(&w)
        || matches!(w.as_str(), "by" | "written" | "author" | "photo" | "photos")
}

/// Where the names start after a "by": "Posted on May 3 by Jane Doe", "Recipe by Jane Doe",
/// "ByJane Doe" (glued). A "by" followed by a lower-case word ("by default") does not count.
fn after_by(t: &str) -> Option<&str> {
    let lower = t.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("by").map(|i| i + from) {
        from = i + 2;
        let start_ok = i == 0
            || !t[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric());
        if !start_ok {
            continue;
        }
        let rest = &t[i + 2..];
        let next = rest.chars().next();
        let body = match next {
            Some(c) if c.is_uppercase() => rest,
            Some(c) if c.is_whitespace() || c == ':' || c == GLUE => {
                rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == GLUE)
            }
            _ => continue,
        };
        // "Reviewed by", "Fact checked by", "Photos by": not the author.
        let before = t[..i].trim_end().to_lowercase();
        let helper = [
            "reviewed",
            "checked",
            "edited",
            "illustrated",
            "illustrations",
            "photos",
            "photo",
            "photography",
            "images",
            "image",
            "video",
            "produced",
            "translated",
            "verified",
            "approved",
            "sponsored",
            "powered",
            "presented",
            "narrated",
            "read",
        ]
        .iter()
        .any(|w| before.ends_with(w));
        if helper {
            continue;
        }
        if body.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            return Some(body);
        }
    }
    None
}

/// Interface words that byline-classed elements hold when they hold no name.
fn is_ui_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "explore"
            | "get"
            | "name"
            | "names"
            | "people"
            | "home"
            | "menu"
            | "search"
            | "share"
            | "more"
            | "authors"
            | "author"
            | "contributors"
            | "contributor"
            | "profile"
            | "bio"
            | "blog"
            | "login"
            | "subscribe"
            | "nominations"
            | "close"
            | "open"
            | "toggle"
            | "website"
            | "posts"
            | "articles"
            | "view"
            | "all"
            | "list"
            | "icon"
            | "avatar"
            | "image"
            | "photo"
            | "link"
            | "links"
            | "contact"
            | "follow"
            | "written"
            | "table"
            | "contents"
            | "e-mail"
            | "email"
            | "comment"
            | "comments"
            | "reply"
    )
}

/// Words that may sit in lower case inside a name.
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "la"
            | "le"
            | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "bin"
            | "binti"
            | "al"
            | "el"
            | "ten"
            | "ter"
            | "y"
            | "e"
            | "dos"
            | "das"
            | "st"
    )
}

fn is_weekday_or_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.').to_lowercase().as_str(),
        "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "today"
            | "yesterday"
    )
}

/// Words that end the name part of a byline: labels and connectors.
fn is_stop_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "on" | "at"
            | "in"
            | "for"
            | "from"
            | "with"
            | "posted"
            | "updated"
            | "published"
            | "last"
            | "modified"
            | "reviewed"
            | "fact"
            | "checked"
            | "edited"
            | "read"
            | "min"
            | "mins"
            | "minute"
            | "minutes"
            | "comments"
            | "comment"
            | "views"
            | "share"
            | "sponsored"
            | "follow"
            | "email"
            | "twitter"
            | "view"
            | "more"
            | "about"
            | "is"
            | "was"
            | "has"
            | "the"
            | "of"
            | "to"
            | "a"
            | "an"
            | "our"
            | "your"
            | "we"
            | "you"
            | "this"
            | "that"
            | "it"
            | "are"
    )
}

/// Clean one name out of a byline piece; `None` when it is not a name.
fn clean_name(piece: &str, lenient: bool) -> Option<String> {
    let piece = piece.trim().trim_matches(|c: char| {
        !c.is_alphanumeric() && c != '.' && c != '\'' && c != ')' && c != '('
    });
    let piece = strip_by_prefix(piece);
    let words: Vec<&str> = piece.split_whitespace().collect();
    let org = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let mut kept: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let next_cap = words
            .get(i + 1)
            .and_then(|n| n.chars().next())
            .is_some_and(|c| c.is_uppercase());
        let joiner = matches!(bare.to_lowercase().as_str(), "the" | "of" | "for") && next_cap;
        if i > 0
            && (bare.starts_with(|c: char| c.is_ascii_digit())
                || (is_role(bare)
                    && !org
                    && !matches!(
                        bare.to_lowercase().as_str(),
                        "team"
                            | "staff"
                            | "news"
                            | "desk"
                            | "press"
                            | "agency"
                            | "bureau"
                            | "editorial"
                            | "jr"
                            | "sr"
                    ))
                || (is_stop_word(bare) && !joiner)
                || bare.is_empty() && w.len() > 1
                // "Jane Doe NEWSROOM": a capitalised name, then an upper-case credit.
                || (!org
                    && bare.chars().count() >= 3
                    && bare.chars().all(|c| c.is_uppercase())
                    && kept.len() >= 2
                    && kept.iter().all(|k| k.chars().skip(1).any(|c| c.is_lowercase()))))
        {
            break;
        }
        kept.push(w);
    }
    let name = kept.join(" ");
    let name = name
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
        .trim();
    if !looks_like_name(name)
        || name.contains(['<', '>', '=', '_', '{', '}'])
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let ws: Vec<&str> = name.split_whitespace().collect();
    if ws.len() > 5
        || ws
            .iter()
            .all(|w| is_role(w) || is_ui_word(w) || is_stop_word(w))
        || ws.iter().any(|w| is_weekday_or_month(w) && ws.len() == 1)
    {
        return None;
    }
    if is_stop_word(ws[0]) && !(ws[0].eq_ignore_ascii_case("the") && ws.len() > 1) {
        return None;
    }
    let capitalised = ws.iter().enumerate().all(|(k, w)| {
        let first = w.chars().find(|c| c.is_alphabetic());
        first.is_none_or(|c| c.is_uppercase())
            || is_particle(w)
            || (org && k > 0)
            || (matches!(*w, "the" | "of" | "for") && k + 1 < ws.len())
    });
    let username = ws.len() == 1 && lenient;
    if !capitalised && !username {
        return None;
    }
    Some(name.to_string())
}

fn strip_by_prefix(p: &str) -> &str {
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:(?:written|posted|reported|story|words|text|photos?|reviewed|edited|authored|article|guide|recipe|interview|analysis|opinion)\s*)?(?:by|von|par|por|door|av|author|authors|autor|auteur)(?:\s*[:\-]\s*|\s+)").expect("prefix")
    });
    match prefix.find(p) {
        Some(m) => &p[m.end()..],
        None => {
            // "ByJane Doe": a glued "By" before a capital.
            let mut it = p.char_indices();
            match (it.next(), it.next(), it.next()) {
                (Some((_, 'B' | 'b')), Some((_, 'y')), Some((i, c))) if c.is_uppercase() => &p[i..],
                _ => p,
            }
        }
    }
}

/// Names in a byline. `lenient` accepts a lone lower-case user name (declared values and
/// byline elements); visible "By …" texts need capitalised names.
fn parse_byline(s: &str, lenient: bool) -> Vec<String> {
    let s = squash(s);
    if s.is_empty() || s.len() > 400 {
        return Vec::new();
    }
    let mut t = String::with_capacity(s.len());
    let mut last = 0;
    let dates = if may_hold_date(&s) {
        find_dates(&s)
    } else {
        Vec::new()
    };
    for (a, b, _) in dates {
        t.push_str(&s[last..a]);
        t.push(GLUE);
        last = b;
    }
    t.push_str(&s[last..]);
    let t = mark_glue(&t);
    let body = after_by(&t).unwrap_or(&t);
    for seg in body.split(|c: char| matches!(c, GLUE | '|' | '•' | '·' | '—' | '–' | ';' | '\n'))
    {
        let seg = seg.split(" - ").next().unwrap_or("").trim();
        if seg.is_empty() {
            continue;
        }
        let seg = strip_by_prefix(seg);
        let mut out = Vec::new();
        for (k, piece) in seg.split(',').enumerate() {
            if k > 0 && is_role(piece) {
                break;
            }
            let mut names = Vec::new();
            for person in piece
                .split(" and ")
                .flat_map(|p| p.split(" & "))
                .flat_map(|p| p.split(" und "))
                .flat_map(|p| p.split(" y "))
            {
                if let Some(n) = clean_name(person, lenient) {
                    names.push(n);
                }
            }
            if names.is_empty()
                || (k > 0
                    && names.iter().any(|n| {
                        n.split_whitespace()
                            .next()
                            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
                    }))
            {
                break;
            }
            out.extend(names);
        }
        if !out.is_empty() {
            return out;
        }
    }
    Vec::new()
}

fn looks_like_name(p: &str) -> bool {
    let wc = word_count(p);
    (1..=6).contains(&wc)
        && p.chars().next().is_some_and(|c| c.is_alphanumeric())
        && !p.contains("http")
        && !p.contains('@')
        && !p.contains("{{")
        && p.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !matches!(
            p.to_lowercase().as_str(),
            "staff"
                | "admin"
                | "administrator"
                | "editor"
                | "guest"
                | "unknown"
                | "by"
                | "author"
                | "written by"
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
        "manager",
        "founder",
        "cofounder",
        "ceo",
        "cto",
        "cmo",
        "coo",
        "president",
        "head",
        "lead",
        "junior",
        "assistant",
        "deputy",
        "former",
        "executive",
        "reviewer",
        "expert",
        "specialist",
        "consultant",
        "coordinator",
        "strategist",
        "journalist",
        "researcher",
        "freelance",
        "freelancer",
        "managing",
        "marketing",
        "content",
        "tech",
        "technology",
        "ai",
        "seo",
        "photographer",
        "columnists",
        "writers",
        "editors",
        "reporters",
        "contributors",
    ];
    crate::text::words(p)
        .iter()
        .any(|w| ROLES.contains(&w.as_str()))
}

/// "ABEL OSTRANDER Associated Press" → "ABEL OSTRANDER": a wire credit run into the last
/// name of a byline is the agency, not part of the person's name.
fn strip_wire_suffix(name: &str) -> String {
    let trimmed = name.trim();
    for wire in super::notice::WIRE_NAMES {
        if let Some(raw) = trimmed.strip_suffix(wire) {
            let separated = raw.ends_with(|c: char| !c.is_alphanumeric());
            let head = raw
                .trim_end()
                .trim_end_matches([',', '/', '|', '-'])
                .trim_end();
            if separated && word_count(head) >= 2 && head.ends_with(|c: char| c.is_alphabetic()) {
                return head.to_string();
            }
        }
    }
    trimmed.to_string()
}

/// Keep the first of names that differ only in case.
pub fn dedup_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let n = strip_wire_suffix(&n);
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
    /// A short visible text that may hold a byline or a date.
    Text(Hints),
}

/// A link to an author's page: "/author/jane-doe", "/people/jdoe", "?author=12".
fn is_author_link(href: &str) -> bool {
    let b = href.as_bytes();
    (0..b.len()).any(|i| {
        if b[i] != b'/' && b[i] != b'?' {
            return false;
        }
        let rest = &b[i + 1..];
        let is = |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
        if b[i] == b'?' {
            return is(b"author=");
        }
        is(b"author/")
            || is(b"authors/")
            || is(b"author-")
            || is(b"writer/")
            || is(b"writers/")
            || is(b"contributor/")
            || is(b"contributors/")
            || is(b"people/")
            || is(b"profile/")
            || is(b"profiles/")
            || is(b"staff/")
            || is(b"by/")
    })
}

/// Hint words found in an element's class, id, `itemprop` or `rel` (one scan, no allocation).
const HINT_AUTHOR: u8 = 1;
const HINT_OTHER: u8 = 2;
const HINT_META: u8 = 4;

/// Which hint words the element's class, id or microdata mention: "author" / "byline"
/// ([`HINT_AUTHOR`]), date and writer words ([`HINT_OTHER`]), "meta" ([`HINT_META`]). A cheap
/// test before splitting the class into words.
fn hint_mask(el: &super::dom::Element) -> u8 {
    fn scan(a: &str) -> u8 {
        let b = a.as_bytes();
        let mut mask = 0;
        for i in 0..b.len() {
            // Words start after a separator or at a capital ("post-author", "postAuthor").
            if i > 0 && b[i - 1].is_ascii_alphanumeric() && !b[i].is_ascii_uppercase() {
                continue;
            }
            let rest = &b[i..];
            let is = |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
            mask |= match b[i] | 0x20 {
                b'a' if is(b"author") && !is(b"authority") => HINT_AUTHOR,
                b'b' if is(b"byline") => HINT_AUTHOR,
                b'b' if is(b"byl") => HINT_OTHER,
                b'w' if is(b"writer") => HINT_OTHER,
                b'd' if is(b"date") => HINT_OTHER,
                b't' if is(b"time") => HINT_OTHER,
                b'p' if is(b"publi") || is(b"posted") || is(b"pubdate") || is(b"postdate") => {
                    HINT_OTHER
                }
                b'u' if is(b"update") => HINT_OTHER,
                b'm' if is(b"modified") => HINT_OTHER,
                b'm' if is(b"meta") => HINT_META,
                b's' if is(b"stamp") => HINT_OTHER,
                _ => 0,
            };
        }
        mask
    }
    [
        el.attr("class"),
        el.id(),
        el.attr("itemprop"),
        el.attr("rel"),
    ]
    .into_iter()
    .flatten()
    .fold(0, |m, a| m | scan(a))
}

/// Class and id words of an element, lower-cased, split on anything not alphanumeric and on
/// camelCase boundaries ("postMeta__authorName" → post, meta, author, name).
fn class_tokens(el: &super::dom::Element) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [el.attr("class"), el.id()].into_iter().flatten() {
        // BEM modifiers ("item--has-date") describe a state, not what the element is.
        let names = attr
            .split_whitespace()
            .map(|c| c.split("--").next().unwrap_or(c));
        for raw in names.flat_map(|c| c.split(|c: char| !c.is_ascii_alphanumeric())) {
            let mut cur = String::new();
            let mut prev_lower = false;
            for c in raw.chars() {
                if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
                cur.push(c.to_ascii_lowercase());
            }
            if !cur.is_empty() {
                out.push(cur);
            }
        }
        if out.len() > 64 {
            break;
        }
    }
    out
}

/// Words that make a class a wrapper of many things rather than one label.
fn is_container_token(t: &str) -> bool {
    matches!(
        t,
        "outer"
            | "wrapper"
            | "wrap"
            | "container"
            | "section"
            | "group"
            | "row"
            | "col"
            | "column"
            | "layout"
            | "grid"
            | "box"
            | "bio"
            | "card"
            | "list"
            | "widget"
            | "about"
            | "avatar"
            | "image"
            | "img"
            | "photo"
            | "description"
            | "desc"
            | "social"
            | "more"
            | "posts"
            | "articles"
            | "related"
            | "comment"
            | "comments"
            | "archive"
            | "bylines"
    )
}

/// Byline evidence on an element itself.
fn byline_hints(el: &super::dom::Element, tag: &str, tokens: &[String]) -> Hints {
    let mut h = Hints::default();
    let itemprop = el.attr("itemprop").unwrap_or("");
    if itemprop
        .split_whitespace()
        .any(|p| p == "author" || p == "creator")
        || el.attr("rel").is_some_and(|r| {
            r.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
        })
    {
        h.byline = true;
    }
    if tag == "a" && el.attr("href").is_some_and(is_author_link) {
        h.byline = true;
    }
    let container = tokens.iter().any(|t| is_container_token(t));
    if tokens
        .iter()
        .any(|t| matches!(t.as_str(), "byline" | "byl" | "byline-name"))
        && !container
    {
        h.byline = true;
    }
    if !container
        && tokens.iter().any(|t| {
            t.contains("author") && !t.contains("authority")
                || t.starts_with("byline")
                || t == "writer"
        })
    {
        h.author_class = true;
    }
    h
}

/// Date evidence in an element's class or id.
fn date_class(tokens: &[String]) -> bool {
    if tokens.iter().any(|t| is_container_token(t)) {
        return false;
    }
    tokens.iter().any(|t| {
        matches!(
            t.as_str(),
            "date"
                | "dates"
                | "datetime"
                | "time"
                | "timestamp"
                | "published"
                | "pubdate"
                | "posted"
                | "updated"
                | "modified"
                | "update"
                | "dateline"
                | "publication"
        ) || (t.len() > 4
            && (t.starts_with("date") || t.ends_with("date"))
            && !t.contains("update")
            || t == "lastupdated"
            || t == "updatedat"
            || t == "publishedat"
            || t == "postedon")
    })
}

/// Read what a start tag itself declares (`<meta>`, `<link rel=canonical>`, `<time datetime>`, microdata).
pub fn on_element(
    el: &super::dom::Element,
    tag: &str,
    meta: &mut PageMeta,
    base_url: Option<&str>,
) {
    let pos = meta.n_el;
    meta.n_el = meta.n_el.saturating_add(1);
    let mask = hint_mask(el);
    meta.cur_mask = mask;
    if mask & HINT_AUTHOR != 0 && (el.attr("class").is_some() || el.id().is_some()) {
        meta.author_ctx = (pos, pos + 8);
    }
    if meta.cap.get().active {
        let st = meta.cap.get_mut();
        if tag == "h1" {
            st.h1 = true;
        }
        if tag != "meta"
            && tag != "link"
            && tag != "script"
            && (tag == "time" || tag == "a" || mask & (HINT_AUTHOR | HINT_OTHER) != 0)
        {
            let tokens = class_tokens(el);
            let h = byline_hints(el, tag, &tokens);
            st.inner.byline |= h.byline;
            st.inner.author_class |= h.author_class;
            st.inner.date_class |= date_class(&tokens);
            st.inner.time |= tag == "time";
        }
    }
    let itemprop = el.attr("itemprop").unwrap_or("");
    let kind = match itemprop {
        "datePublished" | "dateCreated" => DateKind::Published,
        "dateModified" => DateKind::Updated,
        _ => DateKind::Unknown,
    };
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
                let class = el.attr("class").unwrap_or("").to_ascii_lowercase();
                let kind = if kind != DateKind::Unknown {
                    kind
                } else if el.attr("pubdate").is_some()
                    || class.contains("publish")
                    || class.contains("posted")
                {
                    DateKind::Published
                } else if class.contains("updated") || class.contains("modified") {
                    DateKind::Updated
                } else {
                    DateKind::Unknown
                };
                if meta.time_values.len() < 500 {
                    meta.time_values.push(TimeValue {
                        pos,
                        value: dt.to_string(),
                        kind,
                    });
                }
            }
        }
        _ => {
            if kind != DateKind::Unknown && meta.time_values.len() < 500 {
                if let Some(v) = el.attr("content").or_else(|| el.attr("datetime")) {
                    meta.time_values.push(TimeValue {
                        pos,
                        value: v.to_string(),
                        kind,
                    });
                }
            }
        }
    }
}

/// Tags whose short texts are worth reading for a byline or a date.
fn is_text_tag(tag: &str) -> bool {
    matches!(
        tag,
        "span"
            | "p"
            | "time"
            | "small"
            | "em"
            | "strong"
            | "b"
            | "i"
            | "font"
            | "abbr"
            | "label"
            | "cite"
            | "address"
            | "dd"
            | "dt"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
    )
}

/// Should the text of this element be captured as metadata? `in_skipped` is true inside
/// `<script>`, `<style>` and other never-text elements.
pub fn capture_kind(
    el: &super::dom::Element,
    tag: &str,
    in_head: bool,
    in_skipped: bool,
    meta: &PageMeta,
) -> Option<Capture> {
    let kind = capture_kind_of(el, tag, in_head, in_skipped, meta);
    if kind.is_some() {
        meta.cap.set(CapState {
            active: true,
            pos: meta.n_el.saturating_sub(1),
            ..CapState::default()
        });
    }
    kind
}

fn capture_kind_of(
    el: &super::dom::Element,
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
    if in_skipped || in_head {
        return None;
    }
    if tag == "h1" {
        return Some(Capture::H1);
    }
    if matches!(
        tag,
        "html"
            | "body"
            | "main"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "section"
            | "form"
            | "ul"
            | "ol"
            | "table"
    ) {
        return None;
    }
    let mask = meta.cur_mask;
    let tokens = if tag == "a" || mask & (HINT_AUTHOR | HINT_OTHER) != 0 {
        class_tokens(el)
    } else {
        Vec::new()
    };
    let mut hints = byline_hints(el, tag, &tokens);
    hints.date_class = date_class(&tokens);
    hints.time = tag == "time";
    let here = meta.n_el.saturating_sub(1);
    // Just under the headline, a "meta" element ("post-meta", "meta-EgzBVA") that wraps
    // nothing big is the dateline more often than not.
    if !hints.date_class
        && matches!(tag, "div" | "span" | "p")
        && meta.h1_pos.last().is_some_and(|&h| here <= h + 60)
        && mask & HINT_META != 0
    {
        let tokens = class_tokens(el);
        if !tokens.iter().any(|t| is_container_token(t)) && tokens.iter().any(|t| t == "meta") {
            hints.date_class = true;
        }
    }
    // Just inside a wrapper named for the author ("author-box", "dateAndAuthorContainer").
    if here > meta.author_ctx.0
        && here <= meta.author_ctx.1
        && (is_text_tag(tag) || matches!(tag, "div" | "a"))
    {
        hints.author_class = true;
    }
    if hints.byline || hints.author_class || hints.date_class || hints.time || is_text_tag(tag) {
        return Some(Capture::Text(hints));
    }
    None
}

/// "By", "Written by", "Author:" at the start of a line.
fn byline_prefix_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^\s*(?:(?i:(?:written|posted|reported|story|words|text|reviewed|edited|published)\s+)?(?i:by)\s+\w|(?i:author|authors|written by|byline)\s*:\s*\w|(?i:written\s*)?by[A-Z])").expect("byline prefix")
    })
}

/// Take the collected text of a captured element.
pub fn on_captured(kind: Capture, buf: String, meta: &mut PageMeta) {
    let st = meta.cap.replace(CapState::default());
    match kind {
        Capture::JsonLd => {
            if let Ok(v) = serde_json::from_str(buf.trim()) {
                meta.jsonld.push(v);
            }
        }
        Capture::Title => meta.title_tag = Some(buf),
        Capture::H1 => {
            meta.h1s.push(buf);
            meta.h1_pos.push(st.pos);
        }
        Capture::Text(own) => {
            if buf.len() > 2000 {
                return;
            }
            let hinted =
                own.byline || own.author_class || st.inner.byline || st.inner.author_class || st.h1;
            // Most captured texts are plain paragraphs: leave them before any allocation.
            if !hinted
                && (buf.len() > 600
                    || !(buf.bytes().any(|b| b.is_ascii_digit())
                        || byline_prefix_re().is_match(buf.trim_start())))
            {
                return;
            }
            let text = squash(&buf);
            if text.is_empty() || text.len() > 400 {
                return;
            }
            if st.h1 {
                meta.h1s.push(text.clone());
                meta.h1_pos.push(st.pos);
                return;
            }
            let hints = Hints {
                byline: own.byline || st.inner.byline,
                author_class: own.author_class || st.inner.author_class,
                date_class: own.date_class || st.inner.date_class,
                time: own.time || st.inner.time,
            };
            let keep = hints.byline
                || hints.author_class
                || (text.len() <= 250
                    && (text.bytes().any(|b| b.is_ascii_digit())
                        || byline_prefix_re().is_match(&text)));
            if keep && meta.snippets.len() < 5000 {
                meta.snippets.push(Snippet {
                    pos: st.pos,
                    text,
                    hints,
                });
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

    fn page(body: &str) -> crate::model::Article {
        super::super::html::extract_html(
            body,
            crate::model::Source {
                path: "t.html".into(),
                format: crate::model::Format::Html,
                url: Some("https://harbour-gazette.test/news/ferry".into()),
                warc_record_id: None,
                warc_date: None,
            },
        )
    }

    const STORY: &str = "<p>The island council voted on Monday to approve a new ferry route between the old harbour and the mainland.</p><p>The service is expected to start in May, with four crossings a day in summer and two in winter.</p>";

    #[test]
    fn dateline_next_to_the_headline() {
        let html = format!(
            r#"<html><head><title>Ferry route | Harbour Gazette</title></head><body>
            <h1>Ferry route approved after long debate</h1>
            <div class="meta"><span>Published March 3, 2022</span></div>{STORY}
            <aside><ul><li><span>May 1, 2020</span> Old story</li></ul></aside></body></html>"#
        );
        assert_eq!(page(&html).published.as_deref(), Some("2022-03-03"));
    }

    #[test]
    fn update_date_yields_to_declared_publication() {
        let html = format!(
            r#"<html><head><meta property="article:published_time" content="2021-06-01T08:00:00+02:00">
            <meta property="article:modified_time" content="2024-02-10T08:00:00+02:00"></head><body>
            <h1>Ferry route approved after long debate</h1><p class="byline">Last updated: Feb 10, 2024</p>{STORY}</body></html>"#
        );
        assert_eq!(
            page(&html).published.as_deref(),
            Some("2021-06-01T08:00:00+02:00")
        );
    }

    #[test]
    fn a_visible_date_beats_a_far_declared_one() {
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2019-01-05"}}</script></head><body>
            <h1>Ferry route approved after long debate</h1><time class="entry-date">July 9, 2023</time>{STORY}</body></html>"#
        );
        assert_eq!(page(&html).published.as_deref(), Some("2023-07-09"));
    }

    #[test]
    fn runs_of_dates_are_a_list_not_a_dateline() {
        let html = format!(
            r#"<html><body><h1>Ferry route approved after long debate</h1>{STORY}
            <div><span>June 1, 2023</span><a href="/a">One</a></div>
            <div><span>May 2, 2023</span><a href="/b">Two</a></div>
            <div><span>April 3, 2023</span><a href="/c">Three</a></div></body></html>"#
        );
        assert_eq!(page(&html).published, None);
    }

    #[test]
    fn one_day_apart_is_a_time_zone() {
        let html = format!(
            r#"<html><head><meta property="article:published_time" content="2022-05-04T01:30:00+00:00"></head><body>
            <h1>Ferry route approved after long debate</h1><span>May 3, 2022</span>{STORY}</body></html>"#
        );
        assert_eq!(
            page(&html).published.as_deref(),
            Some("2022-05-04T01:30:00+00:00")
        );
    }

    #[test]
    fn ambiguous_numeric_date_reads_as_declared() {
        let html = format!(
            r#"<html><head><meta property="article:modified_time" content="2024-10-03T10:00:00Z"></head><body>
            <h1>Ferry route approved after long debate</h1><span class="date">03/10/2024</span>{STORY}</body></html>"#
        );
        assert_eq!(page(&html).published.as_deref(), Some("2024-10-03"));
    }

    #[test]
    fn generic_publication_meta_keys() {
        let html = format!(
            r#"<html><head><meta name="x-published-date" content="2020-02-02T10:00:00Z"></head><body>{STORY}</body></html>"#
        );
        assert_eq!(
            page(&html).published.as_deref(),
            Some("2020-02-02T10:00:00Z")
        );
    }

    #[test]
    fn headline_is_the_h1_when_declared_titles_reword_it() {
        let html = format!(
            r#"<html><head><title>Ferry Route Approved: 5 Things to Know | Harbour Gazette</title>
            <meta property="og:site_name" content="Harbour Gazette"></head><body>
            <h1>Harbour Gazette</h1><h1>Island council approves the new ferry route</h1>{STORY}</body></html>"#
        );
        assert_eq!(
            page(&html).title.as_deref(),
            Some("Island council approves the new ferry route")
        );
        // An <h1> that is only the site name in the title's suffix is not the headline.
        let html = format!(
            r#"<html><head><title>Ferry route approved after long debate | Gull Notes</title></head><body>
            <h1>Gull Notes</h1>{STORY}</body></html>"#
        );
        assert_eq!(
            page(&html).title.as_deref(),
            Some("Ferry route approved after long debate")
        );
    }

    #[test]
    fn title_text_is_decoded() {
        assert_eq!(
            clean_text("Rock &#038; Roll&#x2019;s Day"),
            "Rock & Roll\u{2019}s Day"
        );
        assert_eq!(
            clean_text("Investor\u{e2}\u{80}\u{99}s Guide"),
            "Investor\u{2019}s Guide"
        );
        assert_eq!(clean_text("Caf\u{e9} life"), "Caf\u{e9} life");
    }

    #[test]
    fn bylines_from_visible_text() {
        assert_eq!(
            parse_byline("By Mara Velde | March 3, 2022", false),
            vec!["Mara Velde"]
        );
        assert_eq!(
            parse_byline("Mara VeldeStaff Writer", true),
            vec!["Mara Velde"]
        );
        assert_eq!(
            parse_byline("Written byMara Velde", false),
            vec!["Mara Velde"]
        );
        assert_eq!(parse_byline("Tom AshMarch 3, 2022", true), vec!["Tom Ash"]);
        assert_eq!(parse_byline("Tom Ash7 min read", true), vec!["Tom Ash"]);
        assert_eq!(
            parse_byline("Posted on May 3, 2021 by Ida Lunde 12 Comments", false),
            vec!["Ida Lunde"]
        );
        assert_eq!(
            parse_byline(
                "Ida Lunde Last Updated: Dec 1, 2025 Fact checked by: Ove Brask",
                true
            ),
            vec!["Ida Lunde"]
        );
        assert_eq!(
            parse_byline("By Ida Lunde, Senior Editor, and Ove Brask", false),
            vec!["Ida Lunde"]
        );
        assert_eq!(
            parse_byline("Ida Lunde KESTREL NEWS", true),
            vec!["Ida Lunde"]
        );
        assert_eq!(
            parse_byline("By The Gull Notes editors", false),
            vec!["The Gull Notes editors"]
        );
        assert!(parse_byline("By joining our club you get 5% off every order.", false).is_empty());
        assert!(parse_byline("By default, photos come from our library", false).is_empty());
        assert!(parse_byline("Table of Contents", true).is_empty());
        assert!(parse_byline("Sat, 20 Dec, 2025 - 06:36", true).is_empty());
        // A glued name keeps its inner capitals.
        assert_eq!(parse_byline("By Ann McLeod", false), vec!["Ann McLeod"]);
    }

    #[test]
    fn declared_organisation_yields_to_printed_byline() {
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"Article","author":{{"@type":"Organization","name":"Harbour Gazette"}}}}</script></head><body>
            <h1>Ferry route approved after long debate</h1><div class="post-author"><a href="/author/ida">Ida Lunde</a></div>{STORY}</body></html>"#
        );
        assert_eq!(page(&html).authors, vec!["Ida Lunde"]);
        // A declared person stands.
        let html = format!(
            r#"<html><head><meta name="author" content="Ove Brask"></head><body>
            <h1>Ferry route approved after long debate</h1><p>By Ida Lunde</p>{STORY}</body></html>"#
        );
        assert_eq!(page(&html).authors, vec!["Ove Brask"]);
        // A user name does not.
        let html = format!(
            r#"<html><head><meta name="author" content="ove.brask"></head><body>
            <h1>Ferry route approved after long debate</h1><span class="byline">By Ida Lunde</span>{STORY}</body></html>"#
        );
        assert_eq!(page(&html).authors, vec!["Ida Lunde"]);
    }

    #[test]
    fn byline_inside_an_author_wrapper_and_inside_a_paragraph() {
        let html = format!(
            r#"<html><body><h1>Ferry route approved after long debate</h1>
            <div class="dateAndAuthorContainer"><span>Ida Lunde</span><span>April 2, 2021</span></div>{STORY}</body></html>"#
        );
        let a = page(&html);
        assert_eq!(a.authors, vec!["Ida Lunde"]);
        assert_eq!(a.published.as_deref(), Some("2021-04-02"));
        let html = format!(
            r#"<html><body><h1>Ferry route approved after long debate</h1>
            <p>Story by <a rel="author" href="/people/ove">Ove Brask</a> on 4 May 2020</p>{STORY}</body></html>"#
        );
        let a = page(&html);
        assert_eq!(a.authors, vec!["Ove Brask"]);
        assert_eq!(a.published.as_deref(), Some("2020-05-04"));
    }

    #[test]
    fn labels_before_dates() {
        let t = "Published June 3, 2021 · Updated May 5, 2024";
        let d = find_dates(t);
        assert_eq!(label_before(t, d[0].0), DateKind::Published);
        assert_eq!(label_before(t, d[1].0), DateKind::Updated);
        assert_eq!(
            label_before("Last Updated: May 5, 2024", 14),
            DateKind::Updated
        );
    }
}
