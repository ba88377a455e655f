//! DOM capture: which elements carry metadata, and what their text is taken as.

use super::*;

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
pub(super) fn is_author_link(href: &str) -> bool {
    let b = href.as_bytes();
    (0..b.len()).any(|i| {
        if b[i] != b'/' && b[i] != b'?' && b[i] != b'&' {
            return false;
        }
        let rest = &b[i + 1..];
        let is = |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
        if b[i] != b'/' {
            return is(b"author=") || is(b"_author=");
        }
        // "/team/jane-doe": a member's page (not the "/team/" page itself).
        if is(b"team/") && rest.len() > 6 {
            return true;
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
pub(super) const HINT_AUTHOR: u8 = 1;
pub(super) const HINT_OTHER: u8 = 2;
pub(super) const HINT_META: u8 = 4;

/// Which hint words the element's class, id or microdata mention: "author" / "byline"
/// ([`HINT_AUTHOR`]), date and writer words ([`HINT_OTHER`]), "meta" ([`HINT_META`]). A cheap
/// test before splitting the class into words.
///
/// `attrs`: the element's `class`, `id`, `itemprop` and `rel`.
pub(super) fn hint_mask(attrs: [Option<&str>; 4]) -> u8 {
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
    attrs.into_iter().flatten().fold(0, |m, a| m | scan(a))
}

/// Class and id words of an element, lower-cased, split on anything not alphanumeric and on
/// camelCase boundaries ("postMeta__authorName" → post, meta, author, name).
pub(super) fn class_tokens(el: &crate::extract::dom::Element) -> Vec<String> {
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
pub(super) fn is_container_token(t: &str) -> bool {
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
pub(super) fn byline_hints(
    el: &crate::extract::dom::Element,
    tag: &str,
    tokens: &[String],
) -> Hints {
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
pub(super) fn date_class(tokens: &[String]) -> bool {
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

/// An element's class words and all they hint ([`byline_hints`], [`date_class`], `<time>`).
fn element_hints(el: &crate::extract::dom::Element, tag: &str) -> (Vec<String>, Hints) {
    let tokens = class_tokens(el);
    let mut h = byline_hints(el, tag, &tokens);
    h.date_class = date_class(&tokens);
    h.time = tag == "time";
    (tokens, h)
}

/// Read what a start tag itself declares (`<meta>`, `<link rel=canonical>`, `<time datetime>`, microdata).
pub fn on_element(
    el: &crate::extract::dom::Element,
    tag: &str,
    meta: &mut PageMeta,
    base_url: Option<&str>,
) {
    let pos = meta.n_el;
    meta.n_el = meta.n_el.saturating_add(1);
    if tag == "blockquote" {
        if meta.quote_depth == 0 && meta.quotes.len() < 256 {
            meta.quotes.push((pos, u32::MAX));
        }
        meta.quote_depth += 1;
    }
    let attrs = el.attrs_named(["class", "id", "itemprop", "rel"]);
    let [class, id, itemprop, _] = attrs;
    let mask = hint_mask(attrs);
    meta.cur_mask = mask;
    // The class words and what they hint, worked out at most once per element.
    let mut worked: Option<(Vec<String>, Hints)> = None;
    if mask & HINT_AUTHOR != 0 && (class.is_some() || id.is_some()) {
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
            let (_, h) = worked.get_or_insert_with(|| element_hints(el, tag));
            st.inner.byline |= h.byline;
            st.inner.author_class |= h.author_class;
            st.inner.date_class |= h.date_class;
            st.inner.time |= h.time;
        }
    }
    if mask & (HINT_AUTHOR | HINT_OTHER) != 0 && meta.el_hints.len() < 5000 {
        let (tokens, h) = worked.get_or_insert_with(|| element_hints(el, tag));
        let h = *h;
        if h != Hints::default() {
            meta.el_hints.push((pos, h));
        }
        if h.date_class && tag != "time" && tag != "meta" {
            title_date(el, tokens, pos, meta);
        }
    }
    let kind = match itemprop.unwrap_or("") {
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
                if meta.time_values.len() < 500 && meta.quote_depth == 0 {
                    meta.time_values.push(TimeValue {
                        pos,
                        value: dt.to_string(),
                        kind,
                        source: "time",
                    });
                }
            }
        }
        _ => {
            if kind != DateKind::Unknown && meta.time_values.len() < 500 && meta.quote_depth == 0 {
                if let Some(v) = el.attr("content").or_else(|| el.attr("datetime")) {
                    meta.time_values.push(TimeValue {
                        pos,
                        value: v.to_string(),
                        kind,
                        source: "microdata",
                    });
                }
            }
        }
    }
}

/// An element closes: leaving a `<blockquote>` ends the quoted post.
pub fn on_close(tag: &str, meta: &mut PageMeta) {
    if tag == "blockquote" && meta.quote_depth > 0 {
        meta.quote_depth -= 1;
        if meta.quote_depth == 0 {
            if let Some(q) = meta.quotes.last_mut().filter(|q| q.1 == u32::MAX) {
                q.1 = meta.n_el;
            }
        }
    }
}

/// Is element `pos` inside a `<blockquote>` (a quoted or embedded post)?
pub(super) fn in_quote(meta: &PageMeta, pos: u32) -> bool {
    let i = meta.quotes.partition_point(|q| q.0 <= pos);
    i > 0 && pos < meta.quotes[i - 1].1
}

/// A date-classed element's `title` holding the machine date (the hAtom microformat:
/// `<abbr class="published" title="2012-12-16T19:05:00+01:00">16.12.2012</abbr>`).
fn title_date(el: &crate::extract::dom::Element, tokens: &[String], pos: u32, meta: &mut PageMeta) {
    let Some(title) = el.attr("title").filter(|t| t.len() <= 80) else {
        return;
    };
    if meta.time_values.len() >= 500 || meta.quote_depth > 0 || parse_date(title).is_none() {
        return;
    }
    let has = |words: &[&str]| tokens.iter().any(|t| words.contains(&t.as_str()));
    let kind = if has(&["published", "posted", "pubdate", "created"]) {
        DateKind::Published
    } else if has(&["updated", "modified", "update", "lastupdated"]) {
        DateKind::Updated
    } else {
        DateKind::Unknown
    };
    meta.time_values.push(TimeValue {
        pos,
        value: title.to_string(),
        kind,
        source: "microformat",
    });
}

/// The short texts of block elements (a `div`'s own text: "Posted on May 3, 2021 by Ann"),
/// read as datelines too: `(owner element, text, share of it in links)` in the order the DOM
/// pass closed them. Kept: texts that hold a date, are not mostly links (a menu, a list of
/// stories) and do not merely join captured dated texts inside them.
pub fn add_blocks<'a>(meta: &mut PageMeta, blocks: impl Iterator<Item = (u32, &'a str, f64)>) {
    let mut seen: std::collections::HashSet<&str> =
        meta.snippets.iter().map(|s| s.text.as_str()).collect();
    let mut new = Vec::new();
    for (pos, raw, links) in blocks {
        // A long block that opens with its dateline: the dateline.
        let opening = (raw.len() > 250).then(|| opening_dateline(raw)).flatten();
        let text = opening.as_deref().unwrap_or(raw);
        if text.len() > 250
            || links >= 0.5
            || in_quote(meta, pos)
            || !crate::dates::may_hold_date(text)
            || !seen.insert(raw)
        {
            continue;
        }
        if meta.snippets.len() + new.len() >= 5000 {
            break;
        }
        // The snippets just inside it: one holding a date makes the block a mere wrapper.
        let from = meta.snippets.partition_point(|s| s.pos < pos);
        let wraps = meta.snippets[from..]
            .iter()
            .take_while(|s| s.pos <= pos + 50)
            .any(|s| crate::dates::may_hold_date(&s.text) && text.contains(s.text.as_str()));
        if wraps {
            continue;
        }
        let hints = meta
            .el_hints
            .binary_search_by_key(&pos, |h| h.0)
            .map_or(Hints::default(), |i| meta.el_hints[i].1);
        new.push(Snippet {
            pos,
            text: squash(text),
            hints,
            block: true,
        });
    }
    if !new.is_empty() {
        meta.snippets.extend(new);
        meta.snippets.sort_by_key(|s| s.pos);
    }
}

/// Tags whose short texts are worth reading for a byline or a date.
pub(super) fn is_text_tag(tag: &str) -> bool {
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
    el: &crate::extract::dom::Element,
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

pub(super) fn capture_kind_of(
    el: &crate::extract::dom::Element,
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
    if meta.quote_depth > 0 {
        return None;
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
pub(super) fn byline_prefix_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^\s*(?:(?i:(?:written|posted|reported|story|words|text|reviewed|edited|published)\s+)?(?i:by)\s+\w|(?i:author|authors|author\(s\)|contributors?|written by|byline|by|von|par|por|door|autor|auteur)\s*:\s*\w|(?i:written\s*)?by[A-Z]|(?i:(?:geschrieben|verfasst|escrito|écrit|rédigé|scritto|geschreven)\s+)?(?i:von|par|por|door|di|da|av|af|автор)\s+\p{Lu})").expect("byline prefix")
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
            if join_label_value(&buf, st.pos, own, meta) {
                return;
            }
            let hinted =
                own.byline || own.author_class || st.inner.byline || st.inner.author_class || st.h1;
            // A long paragraph that opens with its dateline: the dateline.
            let buf = match (buf.len() > 250 && !st.h1)
                .then(|| opening_dateline(&buf))
                .flatten()
            {
                Some(head) => head,
                None => buf,
            };
            // Most captured texts are plain paragraphs: leave them before any allocation.
            if !hinted
                && (buf.len() > 600
                    || !(buf.bytes().any(|b| b.is_ascii_digit())
                        || byline_prefix_re().is_match(buf.trim_start())
                        || is_byline_label(&buf)
                        || is_date_label(&buf)))
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
                        || byline_prefix_re().is_match(&text)
                        || is_byline_label(&text)
                        || is_date_label(&text)));
            if keep && meta.snippets.len() < 5000 {
                meta.snippets.push(Snippet {
                    pos: st.pos,
                    text,
                    hints,
                    block: false,
                });
            }
        }
    }
}

/// How many elements after a bare byline label its value may start.
const LABEL_REACH: u32 = 4;

/// A byline label standing alone in its element: "By", "Written by", "Author:",
/// "Contributors:", "Von", "Escrito por", "Écrit par".
pub(super) fn is_byline_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '：']).trim_end();
    if t.is_empty() || t.len() > 40 {
        return false;
    }
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let Some((last, head)) = words.split_last() else {
        return false;
    };
    if head.is_empty()
        && matches!(
            *last,
            "author"
                | "authors"
                | "author(s)"
                | "contributor"
                | "contributors"
                | "autores"
                | "autorin"
                | "autoren"
                | "auteurs"
                | "autori"
                | "verfasser"
                | "byline"
        )
    {
        return true;
    }
    crate::lexicon::BYLINE_WORDS.contains(last)
        && head.len() <= 2
        && head.iter().all(|w| {
            matches!(
                *w,
                "written"
                    | "posted"
                    | "words"
                    | "story"
                    | "text"
                    | "reported"
                    | "article"
                    | "geschrieben"
                    | "verfasst"
                    | "escrito"
                    | "écrit"
                    | "rédigé"
                    | "scritto"
                    | "geschreven"
                    | "publicado"
                    | "publié"
                    | "veröffentlicht"
                    | "pubblicato"
            )
        })
}

/// A date label standing alone in its element: "Datum:", "Published on", "Veröffentlicht
/// am", "Last updated:", "Fecha:" (a label word of [`crate::lexicon::date_label`] in at most
/// four words, no digits).
pub(super) fn is_date_label(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.len() > 40 || t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let words = crate::text::words(t);
    words.len() <= 4
        && words
            .iter()
            .any(|w| crate::lexicon::date_label(w).is_some())
}

/// A byline or date label and its value in two elements ("<span>By</span><span>Jane
/// Doe</span>", "<p>Written by</p><p>Jane Doe</p>", "<span>Datum:</span> <span>18.10.2021
/// </span>") read as one line: the value is joined to the label's snippet. True when `buf`
/// was taken so.
fn join_label_value(buf: &str, pos: u32, own: Hints, meta: &mut PageMeta) -> bool {
    let n = meta.snippets.len();
    let list = meta.label_list;
    let Some(last) = meta.snippets.last_mut() else {
        return false;
    };
    // "Author(s): <li>Ann Lee</li><li>Bo Park</li>": each next author link under the label
    // joins the names read after it.
    if let Some((idx, at)) = list.filter(|&(idx, at)| idx + 1 == n && pos <= at + LABEL_REACH) {
        let value = squash(buf);
        if !own.byline || value.is_empty() || value.len() > 80 || value.contains(',') {
            return false;
        }
        last.text = format!("{}, {}", last.text, value);
        meta.label_list = Some((idx, pos.max(at)));
        return true;
    }
    if last.block || pos > last.pos + LABEL_REACH {
        return false;
    }
    let byline = is_byline_label(&last.text);
    let date = !byline && is_date_label(&last.text);
    if !date && !byline {
        return false;
    }
    let value = squash(buf);
    if value.is_empty()
        || value.len() > 250
        || is_byline_label(&value)
        || (date && is_date_label(&value))
        || (date && !crate::dates::may_hold_date(&value))
    {
        return false;
    }
    last.text = format!("{} {}", last.text, value);
    last.hints.byline |= own.byline;
    last.hints.author_class |= own.author_class;
    meta.label_list = (byline && own.byline).then_some((n - 1, pos));
    true
}
