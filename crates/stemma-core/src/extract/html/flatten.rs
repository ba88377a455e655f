//! The DOM flattened in one pass: a preorder array of elements (each knowing where its
//! subtree ends) and the text blocks between block-level boundaries, while meta/ hooks
//! gather the page's metadata.

use super::super::dom::{Dom, Edge, Node};
use super::super::meta::{self, PageMeta};
use super::classes::{classify_class, is_boilerplate_tag, Drop, ElAttrs};
use super::clean::is_content_like;
use crate::text::{squash, weighted_chars};
use rustc_hash::FxHashSet;

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

/// One element of the flattened DOM.
#[derive(Debug)]
pub(super) struct El<'a> {
    pub(super) tag: &'a str,
    pub(super) parent: u32,
    /// One past the last element of this subtree.
    pub(super) end: u32,
    pub(super) drop: Drop,
    pub(super) positive: bool,
    /// Text characters (non-whitespace) in the subtree, before any drop.
    pub(super) chars: u32,
    /// The `class` attribute, for recognising sibling parts of one article.
    pub(super) class: &'a str,
}

/// A run of inline text between block boundaries.
#[derive(Debug)]
pub(super) struct Block {
    /// The innermost block element holding it.
    pub(super) owner: u32,
    pub(super) text: String,
    pub(super) chars: u32,
    /// Words in `text` ([`crate::text::word_count_unspaced`]), counted once.
    pub(super) words: usize,
    pub(super) link_chars: u32,
    /// The first link target in the block.
    pub(super) link: Option<String>,
    /// Share of the block's characters inside links.
    pub(super) ld: f64,
    /// Whether the block reads as prose ([`is_content_like`]); decided once, when it closes.
    pub(super) prose: bool,
    /// Whether an image stands between the previous block and this one (a caption's place).
    pub(super) after_img: bool,
    /// Whether the block's first text is a link's (a teaser's headline, a list of links).
    pub(super) opens_with_link: bool,
}

pub(super) struct Flat<'a> {
    pub(super) els: Vec<El<'a>>,
    pub(super) blocks: Vec<Block>,
    pub(super) meta: PageMeta,
    /// The markup inside `<noscript>` in the body (a raw string to a browser with scripts):
    /// some pages (Blogger) put their only static copy of the article there.
    pub(super) noscript: String,
    /// What the page says about its images (`alt`, `title`, `data-caption`,
    /// `data-description`), squashed: a block saying the same is the image's caption.
    pub(super) image_texts: FxHashSet<String>,
}

/// At most this many image texts are kept.
const MAX_IMAGE_TEXTS: usize = 512;

/// At most this much `<noscript>` markup is kept for the fallback.
const MAX_NOSCRIPT: usize = 2 << 20;

pub(super) fn flatten<'a>(doc: &'a Dom, base_url: Option<&str>) -> Flat<'a> {
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
        words: 0,
        link_chars: 0,
        link: None,
        ld: 0.0,
        prose: false,
        after_img: false,
        opens_with_link: false,
    };
    let mut owner_stack: Vec<u32> = Vec::with_capacity(64);
    // Capture state for elements whose text is metadata.
    let mut capture: Option<(u32, String, meta::Capture)> = None;
    // An open `<a rel="tag">`: its text is a tag the page declares.
    let mut tag_link: Option<(u32, String, &'static str)> = None;
    let mut in_head = false;
    let mut noscript = String::new();
    let mut noscript_depth = 0usize;
    let mut image_texts: FxHashSet<String> = FxHashSet::default();

    let flush = |cur: &mut Block, blocks: &mut Vec<Block>, owner: u32| {
        if cur.chars > 0 {
            let text = squash_lines(&cur.text);
            let ld = cur.link_chars as f64 / cur.chars.max(1) as f64;
            let words = crate::text::word_count_unspaced(&text);
            let prose = is_content_like(cur.chars, ld, words, &text);
            blocks.push(Block {
                owner: cur.owner,
                text,
                chars: cur.chars,
                words,
                link_chars: cur.link_chars,
                link: cur.link.take(),
                ld,
                prose,
                after_img: cur.after_img,
                opens_with_link: cur.opens_with_link,
            });
            cur.after_img = false;
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
                    let mut skipped = is_skipped_tag(tag);
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
                    if skip_depth == 0 && !in_head {
                        if tag == "img" {
                            cur.after_img = true;
                        }
                        for (name, value) in el.attrs() {
                            let says = match name {
                                "alt" | "title" => tag == "img",
                                "data-caption" | "data-description" => true,
                                _ => false,
                            };
                            if says
                                && !value.trim().is_empty()
                                && value.len() < 1000
                                && image_texts.len() < MAX_IMAGE_TEXTS
                            {
                                image_texts.insert(squash(value));
                            }
                        }
                    }
                    // Classes and ids decide boilerplate and content hints.
                    let mut drop = if is_boilerplate_tag(tag) {
                        Drop::Soft
                    } else {
                        Drop::Keep
                    };
                    let a = ElAttrs::of(el);
                    let class = a.class;
                    // A hover card inside a sentence: its words are not the sentence's.
                    if a.hover_card && !is_block_tag(tag) {
                        skipped = true;
                    }
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
                            // The author's box: a byline, or a bio with its own description.
                            | "author"
                            | "image"
                            | "publisher"
                            | "url"
                            | "thumbnailUrl"
                    ) {
                        // Microdata restating metadata (often in a hidden block): not body.
                        drop = Drop::Soft;
                    } else if a.itemprop == "description" {
                        // A summary restating the page's description, or a product's own
                        // description (its body): judged as a weak hint.
                        drop = Drop::Weak;
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
                        drop = Drop::Hidden;
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
                    let n = weighted_chars(s);
                    if n == 0 {
                        if !cur.text.is_empty() {
                            cur.text.push(' ');
                        }
                        continue;
                    }
                    if cur.chars == 0 {
                        cur.opens_with_link = link_depth > 0;
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
                    meta::on_close(tag, &mut meta);
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
        image_texts,
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
