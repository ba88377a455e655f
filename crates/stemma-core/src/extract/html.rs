//! HTML → [`Article`]: one DOM pass that gathers metadata and splits the page into text
//! blocks, then main-content selection over those blocks.
//!
//! The page is parsed once (html5ever, into the compact tree of [`super::dom`]) and flattened into a preorder array
//! of elements, each knowing where its subtree ends. Every later step is a linear scan of that
//! array: no recursion, so 100 000 nested tags cost a long array, not a deep stack.
//!
//! Main content: each text block (the text between two block-level boundaries) belongs to its
//! innermost block element. A block is *content-like* when it is long enough and not mostly
//! link text. The article container is the element that maximises
//! `content chars − λ·other chars` over its subtree, after subtrees that are boilerplate by
//! tag or by class/id (navigation, share bars, comments, related links, cookie banners…) are
//! set aside. The body is then the container's blocks, less bylines, headline repeats,
//! link lists, boilerplate lines and a trailing footer; republication notices found on the
//! way are kept as `republished_from`.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::dom::{Dom, Edge, Node};
use regex::Regex;

use super::meta::{self, PageMeta};
use super::notice::{self, Boilerplate};
use crate::model::{Article, RepublishedFrom, Source};
use crate::text::{char_weight, squash, word_count_unspaced as words_in};

/// Elements whose contents are never article text.
fn is_skipped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "input"
            | "head"
            | "video"
            | "audio"
            | "map"
            | "dialog"
            | "picture"
            | "source"
            | "track"
            | "meta"
            | "link"
            // Ruby annotations (furigana over kanji, pinyin): a reading aid, not text.
            | "rt"
            | "rp"
    )
}

/// Elements that start a new block of text.
fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "aside"
            | "nav"
            | "header"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "tfoot"
            | "caption"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "br"
            | "center"
            | "details"
            | "summary"
            | "hgroup"
            | "body"
            | "html"
            | "legend"
    )
}

/// Tags that are boilerplate by their nature (unless they hold most of the page).
fn is_boilerplate_tag(tag: &str) -> bool {
    matches!(
        tag,
        "nav" | "aside" | "footer" | "header" | "figcaption" | "form" | "menu"
    )
}

/// The attributes of an element that content selection reads, in one pass over them.
struct ElAttrs<'a> {
    class: &'a str,
    id: &'a str,
    itemprop: &'a str,
    /// `hidden`, `aria-hidden=true`, `display:none`, a hiding class, or a boilerplate role.
    hidden: bool,
}

impl<'a> ElAttrs<'a> {
    fn of(el: &'a super::dom::Element) -> Self {
        let mut a = ElAttrs {
            class: "",
            id: "",
            itemprop: "",
            hidden: false,
        };
        for (name, value) in el.attrs() {
            match name {
                "class" => {
                    a.class = value;
                    a.hidden |= value.split_ascii_whitespace().any(|c| {
                        matches!(
                            c,
                            "hidden"
                                | "d-none"
                                | "invisible"
                                | "is-hidden"
                                | "hide"
                                | "display-none"
                        )
                    });
                }
                "id" => a.id = value,
                "itemprop" => a.itemprop = value,
                "hidden" => a.hidden = true,
                "aria-hidden" => a.hidden |= value == "true",
                "style" if value.len() < 2000 => {
                    let s = value.to_ascii_lowercase().replace(' ', "");
                    a.hidden |= s.contains("display:none") || s.contains("visibility:hidden");
                }
                "role" => {
                    a.hidden |= matches!(
                        value,
                        "navigation"
                            | "complementary"
                            | "banner"
                            | "contentinfo"
                            | "dialog"
                            | "alert"
                    )
                }
                _ => {}
            }
        }
        a
    }
}

/// Read an element's class and id: is it a positive container, and which boilerplate tier?
/// One `RegexSet` pass over "class id", lower-cased.
fn classify_class(class: &str, id: &str) -> (bool, Drop) {
    static SET: OnceLock<regex::RegexSet> = OnceLock::new();
    let set = SET.get_or_init(|| {
        regex::RegexSet::new([
            positive_re().as_str(),
            negative_re().as_str(),
            layout_negative_re().as_str(),
            weak_negative_re().as_str(),
        ])
        .expect("class regex set")
    });
    let mut key = String::with_capacity(class.len() + id.len() + 1);
    key.push_str(class);
    key.push(' ');
    key.push_str(id);
    key.make_ascii_lowercase();
    let mut m = set.matches(&key);
    if m.matched(2) && layout_re().is_match(&key) {
        key = layout_re().replace_all(&key, "").into_owned();
        m = set.matches(&key);
    }
    if m.matched(0) {
        return (true, Drop::Keep);
    }
    let drop = if m.matched(1) {
        if key.contains("comment") || key.contains("disqus") {
            Drop::Hard
        } else {
            Drop::Soft
        }
    } else if m.matched(2) {
        Drop::Layout
    } else if m.matched(3) {
        Drop::Weak
    } else {
        Drop::Keep
    };
    (false, drop)
}

/// Class/id words that mark boilerplate anywhere, even inside the article container.
fn negative_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?x)(?:^|[\s_\-])(?:
                comment|comments|disqus|respond|replies
              | share|sharing|social|sociable|addthis|sharethis|follow
              | related|recirc|recommend\w*|outbrain|taboola|more-?stories|most-?(?:read|popular)|popular|trending|also-?read|read-?more|readmore|read-?next|next-?up|you-?may
              | newsletter|subscribe|subscription|signup|sign-?up|inline-?cta|cta
              | cookie|cookies|consent|gdpr|popup|modal|overlay|toast
              | advert\w*|ads?|adsbygoogle|ad-?slot|ad-?unit|ad-?container|ad-?wrapper|dfp|gpt|sponsor\w*|promos?|promotions?|promotional|promobox|commercial|affiliate
              | skyscraper|breadcrumbs?|tag-?list|tagcloud
              | print-?only|noprint|skip-?link|screen-?reader-?text|sr-only|visually-?hidden
              | rating|votes
            )(?:$|[\s_\-])",
        )
        .expect("negative class regex")
    })
}

/// Class/id words of page layout: boilerplate unless the element holds most of the page's
/// prose (a "sidebar-content" column that is the main column).
fn layout_negative_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:^|[\s_\-])(?:sidebar|side-?bar|footer|site-?footer|masthead|site-?header)(?:$|[\s_\-])")
            .expect("layout negative class regex")
    })
}

/// Layout descriptors that name a sidebar without being one ("has-sidebar", "sidebar-first-only").
fn layout_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:has|with|no|without|is)-sidebar\S*|sidebar-(?:first|second|left|right|both)-only|\S+-with-sidebar")
            .expect("layout regex")
    })
}

/// Class/id words that mark boilerplate outside the article container only: inside one they
/// are as often the content's own wrappers ("card", "meta", "caption" of a body image…).
fn weak_negative_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?x)(?:^|[\s_\-])(?:
                card|cards|teaser|rail|banner|partner|topics|keywords|foot
              | nav|navbar|navigation|menu|pagination|pager
              | tags|categories|toolbar|toc|table-?of-?contents|login|signin|search
              | caption|credit|credits|byline|author-?bio|author-?box|about-?the-?author|bio|dateline|timestamp|meta|post-?meta|entry-?meta|article-?meta
              | tools|print|email|jump|slideshow|gallery|carousel|video|player|podcast|audio|account|reply
            )(?:$|[\s_\-])",
        )
        .expect("weak negative class regex")
    })
}

fn positive_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?x)(?:
                article-?body|articlebody|article-?content|article-?text|articletext|story-?body|storybody|story-?content|story-?text
              | entry-?content|post-?content|post-?body|postbody|post-?text|body-?text|bodytext|main-?content|page-?content
              | content-?body|text-?content|rich-?text|richtext|prose|article__body|article__content|c-entry-content|td-post-content
              | field-?body|field-?name-?body|node-?content|news-?content|news-?text|article-?main|single-?content|blog-?content
            )",
        )
        .expect("positive class regex")
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drop {
    Keep,
    /// Comments: set aside whatever their share of the page (a long thread is still not the
    /// article), unless the subtree holds over half of all text.
    Hard,
    /// Boilerplate by tag or class; reconsidered when the subtree holds most of the page or
    /// most of its prose.
    Soft,
    /// Boilerplate by a layout class (sidebar, footer…): set aside unless it holds most prose.
    Layout,
    /// Boilerplate by a weak class hint: set aside only outside a positive container.
    Weak,
}

/// One element of the flattened DOM.
#[derive(Debug)]
struct El<'a> {
    tag: &'a str,
    parent: u32,
    /// One past the last element of this subtree.
    end: u32,
    drop: Drop,
    positive: bool,
    /// Text characters (non-whitespace) in the subtree, before any drop.
    chars: u32,
    /// The `class` attribute, for recognising sibling parts of one article.
    class: &'a str,
}

/// A run of inline text between block boundaries.
#[derive(Debug)]
struct Block {
    /// The innermost block element holding it.
    owner: u32,
    text: String,
    chars: u32,
    link_chars: u32,
    /// The first link target in the block.
    link: Option<String>,
    /// Share of the block's characters inside links.
    ld: f64,
    /// Whether the block reads as prose ([`is_content_like`]); decided once, when it closes.
    prose: bool,
}

struct Flat<'a> {
    els: Vec<El<'a>>,
    blocks: Vec<Block>,
    meta: PageMeta,
    /// The markup inside `<noscript>` in the body (a raw string to a browser with scripts):
    /// some pages (Blogger) put their only static copy of the article there.
    noscript: String,
}

/// At most this much `<noscript>` markup is kept for the fallback.
const MAX_NOSCRIPT: usize = 2 << 20;

fn flatten<'a>(doc: &'a Dom, base_url: Option<&str>) -> Flat<'a> {
    let mut els: Vec<El<'a>> = Vec::with_capacity(1024);
    let mut blocks: Vec<Block> = Vec::with_capacity(256);
    let mut meta = PageMeta::default();
    // Stack of open elements: (index into els, is link, skipped, closes a block).
    let mut stack: Vec<(u32, bool, bool)> = Vec::with_capacity(64);
    let mut skip_depth = 0usize;
    let mut link_depth = 0usize;
    let mut cur = Block {
        owner: 0,
        text: String::new(),
        chars: 0,
        link_chars: 0,
        link: None,
        ld: 0.0,
        prose: false,
    };
    let mut owner_stack: Vec<u32> = Vec::with_capacity(64);
    // Capture state for elements whose text is metadata.
    let mut capture: Option<(u32, String, meta::Capture)> = None;
    // An open `<a rel="tag">`: its text is a tag the page declares.
    let mut tag_link: Option<(u32, String, &'static str)> = None;
    let mut in_head = false;
    let mut noscript = String::new();
    let mut noscript_depth = 0usize;

    let flush = |cur: &mut Block, blocks: &mut Vec<Block>, owner: u32| {
        if cur.chars > 0 {
            let text = squash_lines(&cur.text);
            let ld = cur.link_chars as f64 / cur.chars.max(1) as f64;
            let prose = is_content_like(cur.chars, ld, &text);
            blocks.push(Block {
                owner: cur.owner,
                text,
                chars: cur.chars,
                link_chars: cur.link_chars,
                link: cur.link.take(),
                ld,
                prose,
            });
        }
        cur.text.clear();
        cur.chars = 0;
        cur.link_chars = 0;
        cur.link = None;
        cur.owner = owner;
    };

    for edge in doc.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let tag = el.name();
                    let idx = els.len() as u32;
                    let parent = stack.last().map(|s| s.0).unwrap_or(0);
                    let skipped = is_skipped_tag(tag);
                    if tag == "head" {
                        in_head = true;
                    }
                    if tag == "html" {
                        meta.html_lang = el
                            .attr("lang")
                            .or_else(|| el.attr("xml:lang"))
                            .map(str::to_string);
                    }
                    meta::on_element(el, tag, &mut meta, base_url);
                    // Classes and ids decide boilerplate and content hints.
                    let mut drop = if is_boilerplate_tag(tag) {
                        Drop::Soft
                    } else {
                        Drop::Keep
                    };
                    let a = ElAttrs::of(el);
                    let class = a.class;
                    let mut positive = false;
                    if a.itemprop == "articleBody" || a.itemprop == "reviewBody" {
                        positive = true;
                    } else if matches!(
                        a.itemprop,
                        "headline"
                            | "datePublished"
                            | "dateModified"
                            | "dateCreated"
                            | "keywords"
                            | "mainEntityOfPage"
                            | "description"
                            | "image"
                            | "publisher"
                            | "url"
                            | "thumbnailUrl"
                    ) {
                        // Microdata restating metadata (often in a hidden block): not body.
                        drop = Drop::Soft;
                    } else if !class.is_empty() || !a.id.is_empty() {
                        let (pos, class_drop) = classify_class(class, a.id);
                        positive = pos;
                        if class_drop != Drop::Keep
                            && (drop == Drop::Keep || class_drop != Drop::Weak)
                        {
                            drop = class_drop;
                        }
                    }
                    if a.hidden {
                        drop = Drop::Soft;
                    }
                    if capture.is_none() {
                        if let Some(kind) =
                            meta::capture_kind(el, tag, in_head, skip_depth > 0, &meta)
                        {
                            capture = Some((idx, String::new(), kind));
                        }
                    }
                    els.push(El {
                        tag,
                        parent,
                        end: idx + 1,
                        drop,
                        positive,
                        chars: 0,
                        class,
                    });
                    if skipped {
                        skip_depth += 1;
                    }
                    if tag == "noscript" && !in_head {
                        noscript_depth += 1;
                    }
                    let is_link = tag == "a";
                    if is_link && tag_link.is_none() {
                        if let Some(rel) = el.attr("rel") {
                            let mut words = rel.split_ascii_whitespace();
                            if words.clone().any(|w| w.eq_ignore_ascii_case("tag")) {
                                let kind = if words.any(|w| w.eq_ignore_ascii_case("category")) {
                                    "section"
                                } else {
                                    "keyword"
                                };
                                tag_link = Some((idx, String::new(), kind));
                            }
                        }
                    }
                    if is_link {
                        link_depth += 1;
                        if skip_depth == 0 && cur.link.is_none() {
                            cur.link = el.attr("href").map(|h| meta::absolutize(h, base_url));
                        }
                    }
                    if tag == "br" {
                        cur.text.push(BR);
                    } else if is_block_tag(tag) && skip_depth == 0 {
                        flush(&mut cur, &mut blocks, idx);
                        owner_stack.push(idx);
                    }
                    stack.push((idx, is_link, skipped));
                }
                Node::Text(t) => {
                    if let Some((_, buf, _)) = capture.as_mut() {
                        if buf.len() < 100_000 {
                            buf.push_str(t);
                        }
                    }
                    if let Some((_, buf, _)) = tag_link.as_mut() {
                        if buf.len() < 200 {
                            buf.push_str(t);
                        }
                    }
                    if noscript_depth > 0 && noscript.len() + t.len() <= MAX_NOSCRIPT {
                        noscript.push_str(t);
                    }
                    if skip_depth > 0 || in_head {
                        continue;
                    }
                    let s: &str = t;
                    // Characters weighted by script: a Han or kana character counts as much
                    // text as three Latin letters, so density works for scripts without spaces.
                    let n: u32 = s
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .map(char_weight)
                        .sum();
                    if n == 0 {
                        if !cur.text.is_empty() {
                            cur.text.push(' ');
                        }
                        continue;
                    }
                    cur.text.push_str(s);
                    cur.chars += n;
                    if link_depth > 0 {
                        cur.link_chars += n;
                    }
                    if let Some(&(i, _, _)) = stack.last() {
                        els[i as usize].chars += n;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let Some((idx, is_link, skipped)) = stack.pop() else {
                        continue;
                    };
                    els[idx as usize].end = els.len() as u32;
                    let tag = el.name();
                    if tag == "head" {
                        in_head = false;
                    }
                    if tag_link.as_ref().is_some_and(|c| c.0 == idx) {
                        let (_, buf, kind) = tag_link.take().expect("tag link");
                        let v = squash(&buf);
                        if !v.is_empty() && v.len() < 120 && meta.rel_tags.len() < 64 {
                            meta.rel_tags.push((kind, v));
                        }
                    }
                    if capture.as_ref().is_some_and(|c| c.0 == idx) {
                        let (_, buf, kind) = capture.take().expect("capture");
                        meta::on_captured(kind, buf, &mut meta);
                    }
                    if skipped {
                        skip_depth -= 1;
                    }
                    if tag == "noscript" && noscript_depth > 0 {
                        noscript_depth -= 1;
                        noscript.push('\n');
                    }
                    if is_link {
                        link_depth -= 1;
                    }
                    if tag != "br" && is_block_tag(tag) && skip_depth == 0 {
                        owner_stack.pop();
                        let owner = owner_stack.last().copied().unwrap_or(0);
                        flush(&mut cur, &mut blocks, owner);
                    }
                    // Propagate text counts upward.
                    let c = els[idx as usize].chars;
                    if let Some(&(p, _, _)) = stack.last() {
                        els[p as usize].chars += c;
                    }
                }
            }
        }
    }
    flush(&mut cur, &mut blocks, 0);
    Flat {
        els,
        blocks,
        meta,
        noscript,
    }
}

/// Marks a `<br>` in block text (a private-use character: source text never means it).
const BR: char = '\u{E000}';

/// Squash whitespace within lines, keep `<br>` line breaks, drop empty lines.
fn squash_lines(s: &str) -> String {
    if !s.contains(BR) {
        return squash(s);
    }
    s.split(BR)
        .map(squash)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Tunables of content selection.
const LAMBDA: f64 = 0.35;
const MIN_CONTENT_CHARS: u32 = 40;

pub fn extract_html(html: &str, source: Source) -> Article {
    let pruned = prune_raw_text(html);
    let doc = Dom::parse(&pruned);
    let base = source.url.clone();
    let mut flat = flatten(&doc, base.as_deref());
    let blocks = flat.blocks.iter().map(|b| (b.owner, b.text.as_str(), b.ld));
    meta::add_blocks(&mut flat.meta, blocks);
    let resolved = meta::resolve(&flat.meta, base.as_deref());
    let mut article = Article::empty(source);

    let (mut body, notice) = main_text(
        &flat,
        resolved.title.as_deref(),
        resolved.description.as_deref(),
    );
    // Nothing static in the page but what it shows without scripts: read the `<noscript>`
    // markup as a page of its own.
    if words_in(&body) < 20 && flat.noscript.contains("<p") {
        let inner = Dom::parse(&flat.noscript);
        let inner_flat = flatten(&inner, base.as_deref());
        let (alt, _) = main_text(
            &inner_flat,
            resolved.title.as_deref(),
            resolved.description.as_deref(),
        );
        if words_in(&alt) > 2 * words_in(&body).max(10) {
            body = alt;
        }
    }
    // The page's own JSON-LD `articleBody` stands in when the DOM yields (almost) nothing,
    // as on pages that render their text with scripts.
    if let Some(ab) = resolved.article_body.as_deref() {
        if words_in(ab) >= 50 && words_in(&body) * 3 < words_in(ab) {
            body = ab.to_string();
        }
    }
    article.text = body;
    article.title = resolved.title;
    article.authors = resolved.authors;
    article.published = resolved.published;
    article.published_source = resolved.published_source;
    article.modified = resolved.modified;
    article.site_name = resolved.site_name;
    article.url = resolved.url.clone();
    article.tags = resolved.tags;
    article.description = resolved.description;
    article.language = resolved
        .language
        .or_else(|| crate::text::detect_language(&article.text));

    // Republication: a notice in the page, a cross-domain canonical, or a wire credit.
    let mut rep = notice;
    if rep.is_none() {
        if let (Some(canon), Some(fetched)) = (resolved.url.as_deref(), base.as_deref()) {
            if let (Some(a), Some(b)) = (meta::host(canon), meta::host(fetched)) {
                if a != b && !a.ends_with(b) && !b.ends_with(a) {
                    rep = Some(RepublishedFrom {
                        name: None,
                        url: Some(canon.to_string()),
                        published: None,
                        evidence: Some(format!("<link rel=\"canonical\" href=\"{canon}\">")),
                    });
                }
            }
        }
    }
    if rep.is_none() {
        let wire = article
            .authors
            .iter()
            .find_map(|a| notice::wire_byline(a))
            .map(|w| (w, "byline"));
        let wire = wire.or_else(|| notice::wire_credit(&article.text).map(|w| (w, "dateline")));
        if let Some((name, how)) = wire {
            rep = Some(RepublishedFrom {
                name: Some(name),
                url: None,
                published: None,
                evidence: Some(match how {
                    "byline" => format!("By {}", article.authors.join(", ")),
                    _ => article.text.chars().take(80).collect(),
                }),
            });
        }
    }
    article.republished_from = rep;
    article
}

/// Drop the bodies of `<script>` (all but JSON-LD), `<style>` and comments before parsing:
/// they are never article text and are a large share of a page's bytes, which the tokenizer
/// would otherwise walk character by character. Tags stay, so the tree is the same.
fn prune_raw_text(html: &str) -> std::borrow::Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut pos = 0usize;
    let find_ci = |from: usize, needle: &[u8]| -> Option<usize> {
        // ASCII case-insensitive search for a lower-case needle starting with '<' or '-'.
        let first = needle[0];
        let mut i = from;
        while let Some(off) = memchr::memchr(first, &b[i..]) {
            let at = i + off;
            if b.len() - at >= needle.len() && b[at..at + needle.len()].eq_ignore_ascii_case(needle)
            {
                return Some(at);
            }
            i = at + 1;
        }
        None
    };
    while let Some(off) = memchr::memchr(b'<', &b[pos..]) {
        let lt = pos + off;
        let rest = &b[lt + 1..];
        let (body_start, close): (usize, &[u8]) = if rest.starts_with(b"!--") {
            (lt + 4, b"-->")
        } else if rest.len() >= 6
            && rest[..6].eq_ignore_ascii_case(b"script")
            && !rest.get(6).is_some_and(u8::is_ascii_alphanumeric)
        {
            let Some(gt) = memchr::memchr(b'>', &b[lt..]).map(|g| lt + g + 1) else {
                break;
            };
            let tag = &html[lt..gt];
            if tag.to_ascii_lowercase().contains("json") {
                pos = gt;
                continue;
            }
            (gt, b"</script")
        } else if rest.len() >= 5
            && rest[..5].eq_ignore_ascii_case(b"style")
            && !rest.get(5).is_some_and(u8::is_ascii_alphanumeric)
        {
            let Some(gt) = memchr::memchr(b'>', &b[lt..]).map(|g| lt + g + 1) else {
                break;
            };
            (gt, b"</style")
        } else {
            // RCDATA elements may hold a literal "<script>": step over them untouched.
            for (open, close) in [
                (&b"title"[..], &b"</title"[..]),
                (b"textarea", b"</textarea"),
            ] {
                if rest.len() > open.len()
                    && rest[..open.len()].eq_ignore_ascii_case(open)
                    && !rest[open.len()].is_ascii_alphanumeric()
                {
                    if let Some(e) = find_ci(lt + 1, close) {
                        pos = e;
                    }
                }
            }
            pos = pos.max(lt + 1);
            continue;
        };
        let Some(end) = find_ci(body_start, close) else {
            break;
        };
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        if rest.starts_with(b"!--") {
            // Drop the whole comment.
            o.push_str(&html[copied..lt]);
            copied = end + 3;
            pos = end + 3;
        } else {
            o.push_str(&html[copied..body_start]);
            copied = end;
            pos = end + 2;
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// Select the article container and return its cleaned text and any republication notice.
fn main_text(
    flat: &Flat<'_>,
    title: Option<&str>,
    description: Option<&str>,
) -> (String, Option<RepublishedFrom>) {
    let els = &flat.els;
    if els.is_empty() || flat.blocks.is_empty() {
        return (String::new(), None);
    }
    let n = els.len();
    let total: u32 = flat.blocks.iter().map(|b| b.chars).sum();

    // 1. Which subtrees are set aside. A soft drop holding over half the page's text is a
    //    wrapper with an unlucky class name, not boilerplate.
    let mut dropped = vec![false; n];
    // Elements inside a positive container (`itemprop=articleBody`, `.article-body`, …).
    let mut in_positive = vec![false; n];
    for i in 0..n {
        let p = els[i].parent as usize;
        in_positive[i] = els[i].positive || (p < i && in_positive[p]);
    }
    // Content-like characters per subtree, before any drop: a weak hint never removes a
    // large share of the page's prose.
    let mut prose = vec![0f64; n];
    for b in &flat.blocks {
        let o = b.owner as usize;
        if o < n && b.prose {
            prose[o] += b.chars as f64;
        }
    }
    sum_subtrees(els, &mut prose);
    // Subtrees holding a positive container below their root are never set aside.
    let mut positive_below = vec![false; n];
    for i in (1..n).rev() {
        let p = els[i].parent as usize;
        if p < i && (els[i].positive || positive_below[i]) {
            positive_below[p] = true;
        }
    }
    let total_prose = prose[0].max(1.0);
    let mut i = 0;
    while i < n {
        let e = &els[i];
        let candidate = match e.drop {
            Drop::Keep => false,
            Drop::Hard => true,
            Drop::Soft => prose[i] < 0.5 * total_prose,
            Drop::Layout => prose[i] < 0.5 * total_prose,
            Drop::Weak => !in_positive[i] && prose[i] < 0.3 * total_prose,
        };
        if candidate && !e.positive && (e.chars as f64) < 0.5 * total as f64 && !positive_below[i] {
            if e.chars >= 200 {
                tracing::debug!(i, tag = e.tag, class = e.class, chars = e.chars, drop = ?e.drop, "set aside");
            }
            for d in dropped.iter_mut().take(e.end as usize).skip(i) {
                *d = true;
            }
            i = e.end as usize;
        } else {
            i += 1;
        }
    }

    // 2. Content and noise per element, summed bottom-up.
    let mut content = vec![0f64; n];
    let mut noise = vec![0f64; n];
    for b in &flat.blocks {
        let o = b.owner as usize;
        if o >= n || dropped[o] {
            continue;
        }
        if b.prose {
            let w = if els[o].tag == "p" { 1.0 } else { 0.8 };
            content[o] += w * (b.chars as f64) * (1.0 - b.ld);
        } else {
            noise[o] += b.chars as f64;
        }
    }
    sum_subtrees(els, &mut content);
    sum_subtrees(els, &mut noise);
    let mut best = 0usize;
    let mut best_score = f64::MIN;
    for i in 0..n {
        if dropped[i] {
            continue;
        }
        let mut s = content[i] - LAMBDA * noise[i];
        if els[i].positive {
            s *= 1.15;
        }
        if s > best_score {
            best_score = s;
            best = i;
        }
    }
    // A positive container elsewhere with a fair share of the winner's score is the article
    // (the winner was a footer or a teaser list with more text than a short story).
    let mut best_pos: Option<(usize, f64)> = None;
    for i in 0..n {
        if els[i].positive && !dropped[i] && content[i] >= 150.0 {
            let sc = content[i] - LAMBDA * noise[i];
            if best_pos.is_none_or(|(_, b)| sc > b) {
                best_pos = Some((i, sc));
            }
        }
    }
    if let Some((p, sc)) = best_pos {
        let related =
            (p >= best && p < els[best].end as usize) || (best >= p && best < els[p].end as usize);
        if !related && sc >= 0.25 * best_score {
            best = p;
        }
    }
    if tracing::enabled!(tracing::Level::TRACE) {
        for i in 0..n {
            if !dropped[i] && content[i] >= 100.0 {
                tracing::trace!(
                    i,
                    tag = els[i].tag,
                    class = els[i].class,
                    content = content[i],
                    noise = noise[i],
                    "candidate"
                );
            }
        }
    }
    let best = refine(els, &dropped, &content, best);
    tracing::debug!(
        tag = els[best].tag,
        class = els[best].class,
        content = content[best],
        noise = noise[best],
        "container"
    );
    let parts = with_sibling_parts(els, &dropped, &content, best);
    let in_parts = |o: u32| parts.iter().any(|&(lo, hi)| o >= lo && o < hi);

    // 3. The container's blocks, cleaned.
    let title_words = title.map(crate::text::words).unwrap_or_default();
    let mut out: Vec<(Cow<'_, str>, &str)> = Vec::new();
    let mut notice: Option<RepublishedFrom> = None;
    let mut seen_content = 0u32;
    // Each paragraph text seen, with the parent of the block that held it first.
    let mut seen_texts: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let inside: Vec<&Block> = flat
        .blocks
        .iter()
        .filter(|b| in_parts(b.owner) && !dropped[b.owner as usize])
        .collect();
    let body_chars: u32 = inside.iter().map(|b| b.chars).sum();
    // Content-like characters still to come after each block: a notice or footer line only
    // ends the body when little prose follows it (else it is an image credit or an aside).
    let mut after = vec![0u32; inside.len() + 1];
    for (k, b) in inside.iter().enumerate().rev() {
        after[k] = after[k + 1] + if b.prose { b.chars } else { 0 };
    }
    for (k, b) in inside.iter().enumerate() {
        let tag = els[b.owner as usize].tag;
        let ld = b.ld;
        let at_tail = after[k + 1] * 4 < body_chars.max(1) || after[k + 1] < 200;
        if let Some(nt) = notice::parse_notice(&b.text, b.link.as_deref()) {
            if seen_content == 0 || at_tail {
                notice.get_or_insert(nt);
                if seen_content > 0 {
                    break;
                }
                continue;
            }
        }
        // A block of several lines (`<br>`) is judged line by line: a credit line under a
        // caption or a paragraph does not take the paragraph with it.
        let mut text: Cow<'_, str> = Cow::Borrowed(b.text.as_str());
        if b.text.contains('\n') {
            let kept: Vec<&str> = b
                .text
                .lines()
                .filter(|l| notice::boilerplate(l) != Some(Boilerplate::Line))
                .collect();
            if kept.is_empty() {
                continue;
            }
            if kept.len() < b.text.lines().count() {
                text = Cow::Owned(kept.join("\n"));
            }
        }
        match notice::boilerplate(&text) {
            Some(Boilerplate::FooterStart) if seen_content > 0 && at_tail => break,
            Some(Boilerplate::FooterStart) if seen_content == 0 || words_in(&text) <= 8 => continue,
            Some(Boilerplate::Line) => continue,
            _ => {}
        }
        let heading = matches!(tag, "h2" | "h3" | "h4" | "h5" | "h6");
        if (ld > 0.5 && b.chars < 400 && !heading) || is_junk(&b.text) {
            continue;
        }
        if tag == "h1"
            || (!title_words.is_empty()
                && out.is_empty()
                && crate::text::words(&b.text) == title_words)
        {
            continue;
        }
        // Bylines and date lines sit in the first blocks, sometimes after a lead caption.
        if (seen_content == 0 || (out.len() < 6 && words_in(&b.text) <= 12))
            && is_header_line(&b.text)
        {
            continue;
        }
        if words_in(&b.text) <= 2
            && !matches!(
                tag,
                "p" | "li" | "h2" | "h3" | "h4" | "td" | "blockquote" | "pre"
            )
        {
            continue;
        }
        if b.prose {
            seen_content += b.chars;
        }
        // The same paragraph again under another parent is a responsive duplicate (one copy
        // per screen size); repeated among its siblings, the page means it (a refrain, a
        // repeated instruction).
        let parent = els[b.owner as usize].parent;
        if b.chars >= 40 && *seen_texts.entry(b.text.as_str()).or_insert(parent) != parent {
            continue;
        }
        out.push((text, tag));
    }
    // Trailing short non-sentences (credits, "Tags:", stray labels) are not body.
    // A body ends with prose: trailing headings ("More stories") and short non-sentences
    // (credits, "Tags:", stray labels) are not body.
    while let Some((last, tag)) = out.last() {
        let heading = matches!(*tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if heading
            || (words_in(last) < 5
                && !last.ends_with([
                    '.', '!', '?', '"', '\u{201d}', '\u{3002}', '\u{ff01}', '\u{ff1f}',
                ]))
        {
            out.pop();
        } else {
            break;
        }
    }
    // The lead (standfirst) often sits apart from the body, between the headline and the
    // article container, or is marked as the page's description (`itemprop=description`, a
    // teaser class). The page states its lead in its description: a block that opens with
    // the description's words, set aside or outside the container, leads the body.
    // Only before the body's first block: a site-wide blurb in the footer is no lead.
    let first = flat
        .blocks
        .iter()
        .position(|b| in_parts(b.owner) && !dropped[b.owner as usize])
        .unwrap_or(0);
    // … or inside it, set aside (microdata restating the description, a teaser class).
    let candidates: Vec<&Block> = flat
        .blocks
        .iter()
        .enumerate()
        .filter(|&(k, b)| k < first || (in_parts(b.owner) && dropped[b.owner as usize]))
        .map(|(_, b)| b)
        .collect();
    let lead = description.and_then(|d| find_lead(els, &candidates, d));
    if let Some(b) = lead {
        let lead = b.text.as_str();
        let o = &els[b.owner as usize];
        tracing::debug!(tag = o.tag, class = o.class, drop = ?o.drop, pclass = els[o.parent as usize].class, "lead");
        if !out.iter().any(|(t, _)| t.as_ref() == lead) {
            out.insert(0, (Cow::Borrowed(lead), "p"));
        }
    }
    if out.is_empty() {
        // A tiny page (one line of text) still gives its line: the longest block that is
        // not set aside, not mostly links and not boilerplate.
        let line = flat
            .blocks
            .iter()
            .filter(|b| {
                !dropped.get(b.owner as usize).copied().unwrap_or(true)
                    && b.ld <= 0.5
                    && words_in(&b.text) >= 3
                    && !is_junk(&b.text)
                    && notice::boilerplate(&b.text).is_none()
                    && notice::parse_notice(&b.text, None).is_none()
                    && (title_words.is_empty() || crate::text::words(&b.text) != title_words)
            })
            .max_by_key(|b| b.chars);
        return (line.map(|b| b.text.clone()).unwrap_or_default(), notice);
    }
    let texts: Vec<&str> = out.iter().map(|(t, _)| t.as_ref()).collect();
    (texts.join("\n\n"), notice)
}

/// Elements inside a subtree that is never article text whatever its share (comments).
fn dropped_hard(els: &[El<'_>]) -> Vec<bool> {
    let mut hard = vec![false; els.len()];
    for i in 0..els.len() {
        let p = els[i].parent as usize;
        hard[i] = els[i].drop == Drop::Hard || (p < i && hard[p]);
    }
    hard
}

/// The block that carries the page's description (its lead): its first eight words are the
/// description's first eight (or all of them, for a shorter one), and it has at least five.
///
/// A subheadline is not a lead: a heading, or text in the headline's own header block (a
/// `<header>`, or a wrapper whose class says header, headline or hero), stays out.
fn find_lead<'a>(els: &[El<'_>], blocks: &[&'a Block], description: &str) -> Option<&'a Block> {
    let hard = dropped_hard(els);
    let in_header = |mut i: usize| {
        for _ in 0..4 {
            let e = &els[i];
            let class = e.class.to_ascii_lowercase();
            if e.tag == "header"
                || ["header", "heading", "headline", "hero"]
                    .iter()
                    .any(|w| class.contains(w))
            {
                return true;
            }
            let p = e.parent as usize;
            if p >= i {
                break;
            }
            i = p;
        }
        false
    };
    let want: Vec<String> = crate::text::words(description)
        .into_iter()
        .take(8)
        .collect();
    if want.len() < 5 {
        return None;
    }
    blocks
        .iter()
        .copied()
        .filter(|b| {
            let o = b.owner as usize;
            o < els.len()
                && !hard[o]
                && b.ld < 0.5
                && matches!(els[o].tag, "p" | "div" | "section" | "article" | "span")
                && !in_header(o)
        })
        .find(|b| {
            words_in(&b.text) >= 5
                && crate::text::words(&b.text)
                    .into_iter()
                    .take(want.len())
                    .eq(want.iter().cloned())
        })
}

/// Narrow the best-scoring container when the page says more precisely where its article is:
/// the outermost positive containers (`itemprop=articleBody`, `.article-body`, …) inside it,
/// when they hold a good share of its content; or, when it holds several `<article>`s (a
/// story followed by teasers or the next story), the first substantial one.
fn refine(els: &[El<'_>], dropped: &[bool], content: &[f64], best: usize) -> usize {
    let end = els[best].end as usize;
    let outermost = |pred: &dyn Fn(usize) -> bool| -> Vec<usize> {
        let mut v = Vec::new();
        let mut i = best + 1;
        while i < end {
            if !dropped[i] && pred(i) {
                v.push(i);
                i = els[i].end as usize;
            } else {
                i += 1;
            }
        }
        v
    };
    let total = content[best].max(1.0);
    let pos = outermost(&|i| els[i].positive);
    let pos_content: f64 = pos.iter().map(|&i| content[i]).sum();
    if !pos.is_empty() && pos_content >= 0.4 * total {
        let lca = pos
            .iter()
            .copied()
            .reduce(|a, b| common_ancestor(els, a, b))
            .unwrap_or(best);
        return lca;
    }
    let arts = outermost(&|i| els[i].tag == "article");
    let substantial: Vec<usize> = arts
        .into_iter()
        .filter(|&i| content[i] >= 0.15 * total)
        .collect();
    if substantial.len() >= 2 {
        return substantial[0];
    }
    best
}

/// The article is sometimes cut into sibling parts (sections between promo boxes): the
/// best container plus its siblings of the same tag and class. (Taking siblings by their
/// share of prose alone was measured and pulls in teasers more often than it mends a split
/// body.) Returns subtree ranges in document order.
fn with_sibling_parts(
    els: &[El<'_>],
    dropped: &[bool],
    content: &[f64],
    best: usize,
) -> Vec<(u32, u32)> {
    let mut parts = vec![(best as u32, els[best].end)];
    if best == 0 {
        return parts;
    }
    let parent = els[best].parent as usize;
    if parent >= best {
        return parts;
    }
    let me = &els[best];
    let mut i = parent + 1;
    let end = els[parent].end as usize;
    while i < end {
        let sib = &els[i];
        let next = sib.end as usize;
        if i != best && !dropped[i] && content[i] > 0.0 {
            let same_class = !me.class.is_empty() && sib.tag == me.tag && sib.class == me.class;
            if same_class {
                parts.push((i as u32, sib.end));
            }
        }
        i = next.max(i + 1);
    }
    parts.sort_unstable();
    parts
}

fn common_ancestor(els: &[El<'_>], a: usize, b: usize) -> usize {
    // Preorder indices: the ancestor of both is the deepest element whose range holds both.
    let (mut x, hi) = (a.min(b), a.max(b));
    while x > 0 && (els[x].end as usize) <= hi {
        x = els[x].parent as usize;
    }
    x
}

/// Turn per-element values into per-subtree sums (children come after parents in preorder).
fn sum_subtrees(els: &[El<'_>], v: &mut [f64]) {
    for i in (1..els.len()).rev() {
        let p = els[i].parent as usize;
        if p < i {
            v[p] += v[i];
        }
    }
}

fn is_content_like(chars: u32, ld: f64, text: &str) -> bool {
    chars >= MIN_CONTENT_CHARS && ld < 0.4 && words_in(text) >= 6 && !is_junk(text)
}

/// Escaped markup shown as text, a bare URL, or a bare machine date: never body.
fn is_junk(t: &str) -> bool {
    let t = t.trim();
    (t.starts_with('<')
        && t.contains('>')
        && t[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!'))
        || ((t.starts_with("http://") || t.starts_with("https://")) && !t.contains(' '))
        || (t.len() <= 40
            && t.starts_with(|c: char| c.is_ascii_digit())
            && crate::text::parse_date(t).is_some()
            && words_in(t) <= 8
            && !t.contains(' '))
}

/// A byline or date line at the top of the body ("By Jane Doe", "March 3, 2022", "Updated 5 min ago").
fn is_header_line(t: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(?-i:(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Dd]i|[Aa]v)\s+\p{Lu})|written by|posted(?-u:\b)|published(?-u:\b)|updated(?-u:\b)|last updated|estimated reading time|\d+\s+(?:min|minute|hour)s?\s+(?:ago|read))|(?-u:\b)\d+\s*(?:min|minute)s?\s+read(?-u:\b)|^[^.]{0,60}(?-u:\b)(?:staff\s+)?(?:writer|correspondent|reporter|editor|columnist|contributor)$",
        )
        .expect("header line regex")
    });
    if t.len() > 200 {
        return false;
    }
    re.is_match(t) || (words_in(t) <= 8 && crate::text::find_date(t).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn src(url: Option<&str>) -> Source {
        Source {
            path: "t.html".into(),
            format: Format::Html,
            url: url.map(str::to_string),
            warc_record_id: None,
            warc_date: None,
        }
    }

    const PAGE: &str = r##"<!doctype html><html lang="en-GB"><head>
<title>Ferry Route Approved After Long Debate | The Island Post</title>
<meta property="og:site_name" content="The Island Post">
<meta property="article:published_time" content="2023-05-04T09:15:00+01:00">
<meta name="author" content="Jonas Pirk">
<link rel="canonical" href="https://island-post.test/news/ferry-route">
</head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Ferry Route Approved After Long Debate</h1>
<div class="byline">By Jonas Pirk</div>
<div class="article-body">
<p>The island council voted on Monday to approve a new ferry route between the old harbour and the mainland, ending months of debate.</p>
<div class="ad-slot">Advertisement</div>
<p>"This connects families who have waited far too long," said councillor Ada Brenn, who proposed the route last year.</p>
<p>The service is expected to start in May, with four crossings a day in summer and two in winter.</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
</div>
<section class="related"><h2>Related stories</h2><ul><li><a href="/a">Harbour dredging to begin next spring</a></li><li><a href="/b">Island school gets a new roof this summer</a></li></ul></section>
</article></main>
<footer>Copyright © 2023 The Island Post. All rights reserved.</footer>
</body></html>"##;

    #[test]
    fn article_page() {
        let a = extract_html(
            PAGE,
            src(Some("https://island-post.test/news/ferry-route?utm=x")),
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Ferry Route Approved After Long Debate")
        );
        assert_eq!(a.authors, vec!["Jonas Pirk"]);
        assert_eq!(a.site_name.as_deref(), Some("The Island Post"));
        assert_eq!(a.published.as_deref(), Some("2023-05-04T09:15:00+01:00"));
        assert_eq!(a.language.as_deref(), Some("en-GB"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://island-post.test/news/ferry-route")
        );
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        assert_eq!(paras.len(), 3, "{}", a.text);
        assert!(paras[0].starts_with("The island council voted"));
        assert!(
            !a.text.contains("Advertisement")
                && !a.text.contains("Share")
                && !a.text.contains("Harbour dredging")
        );
        assert!(a.republished_from.is_none());
    }

    #[test]
    fn deep_nesting_within_limit_is_extracted() {
        let mut s = String::new();
        for _ in 0..1_500 {
            s.push_str("<div>");
        }
        s.push_str("<p>Deep text that is long enough to be a paragraph of content here, said the mayor.</p>");
        let a = extract_html(&s, src(None));
        assert!(a.text.starts_with("Deep text"), "{}", a.text);
    }

    #[test]
    fn pruning_keeps_tags_and_json_ld() {
        let p = r#"<p>a<!-- <script> --></p><SCRIPT>var x = "<p>hidden</p>";</SCRIPT><script type="application/ld+json">{"a":1}</script><style>p{}</style><p>b</p>"#;
        let out = prune_raw_text(p);
        assert_eq!(
            out,
            r#"<p>a</p><SCRIPT></SCRIPT><script type="application/ld+json">{"a":1}</script><style></style><p>b</p>"#
        );
        assert!(matches!(
            prune_raw_text("<p>plain</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
        let t = "<title>Using <script> tags</title><p>body</p><script>x</script>";
        assert_eq!(
            prune_raw_text(t),
            "<title>Using <script> tags</title><p>body</p><script></script>"
        );
        // Unterminated constructs are left to the parser.
        assert_eq!(
            prune_raw_text("<p>x<script>never closed"),
            "<p>x<script>never closed"
        );
    }

    #[test]
    fn lead_marked_as_description_inside_the_body_stays() {
        let p = r#"<html><head><meta name="description" content="Rents in the valley will rise again in April unless the council pauses the automatic increase."></head><body><article><h1>Rents to rise</h1><div class="article-body"><p class="byline">By Ana Costa</p><p itemprop="description">Rents in the valley will rise again in April unless the council pauses the automatic increase.</p><p>The tenants' union collected four thousand signatures against the rise in the first week of the campaign.</p><p>The council meets on Thursday to discuss the petition and a proposal to freeze rents for one year.</p></div></article></body></html>"#;
        let a = extract_html(p, src(None));
        assert!(
            a.text.starts_with("Rents in the valley will rise"),
            "{}",
            a.text
        );
        assert_eq!(a.text.split("\n\n").count(), 3);
    }

    #[test]
    fn article_only_in_noscript_is_read_from_it() {
        let p = r#"<html><head><title>Safer Browsing</title></head><body><div class="post"><script type="text/template"><p>Script copy.</p></script><noscript><span class="byline">Posted by the Lantern team</span><p>Over the past year we have seen phishing pages change their addresses every few minutes to slip past block lists.</p><p>The new mode checks each page against a fresh list before it loads, and warns before a download that looks unsafe.</p></noscript></div><noscript><img src="pixel.gif"></noscript></body></html>"#;
        let a = extract_html(p, src(None));
        assert!(a.text.starts_with("Over the past year"), "{}", a.text);
        assert_eq!(a.text.split("\n\n").count(), 2, "{}", a.text);
    }

    #[test]
    fn promoted_is_a_state_not_a_promo_box() {
        // Drupal marks front-page articles `node--promoted`: still the article.
        assert_eq!(
            classify_class("node node--type-article node--promoted", ""),
            (false, Drop::Keep)
        );
        assert_eq!(classify_class("promo-box", ""), (false, Drop::Soft));
        assert_eq!(
            classify_class("sidebar promotions", ""),
            (false, Drop::Soft)
        );
    }

    #[test]
    fn cross_domain_canonical_is_republication() {
        let p = r#"<html><head><link rel="canonical" href="https://first-paper.test/story/1"></head><body><article><p>The mayor of the small town said the bridge would reopen in June after repairs.</p></article></body></html>"#;
        let a = extract_html(p, src(Some("https://copy-site.test/story/1")));
        let r = a.republished_from.unwrap();
        assert_eq!(r.url.as_deref(), Some("https://first-paper.test/story/1"));
    }
}
