//! The container's blocks cleaned into the body: bylines, headline repeats, link lists,
//! boilerplate lines, a trailing footer and responsive duplicates out; the lead the page's
//! description names in.

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

use super::super::notice::{self, Boilerplate};
use super::classes::Drop;
use super::flatten::{Block, El, Flat};
use crate::model::RepublishedFrom;
use crate::text::word_count_unspaced as words_in;

pub(super) const MIN_CONTENT_CHARS: u32 = 40;
/// Share of the body's prose that one parent's paragraphs hold for the blocks after them,
/// outside it, to be an appendix.
const MIN_TEXT_PARENT_SHARE: f64 = 0.6;
/// Words in a credit line under a caption ("© Agency | Name").
const MAX_CREDIT_WORDS: usize = 12;

/// The container's blocks (those of `parts`, less what is `dropped`), cleaned; returns the
/// body text and any republication notice found on the way.
pub(super) fn clean_body(
    flat: &Flat<'_>,
    dropped: &[bool],
    parts: &[(u32, u32)],
    title: Option<&str>,
    description: Option<&str>,
) -> (String, Option<RepublishedFrom>) {
    let els = &flat.els;
    let in_parts = |o: u32| parts.iter().any(|&(lo, hi)| o >= lo && o < hi);
    let title_words = title.map(crate::text::words).unwrap_or_default();
    // The page's headline: the first `<h1>` that shares most of its words with the title.
    let headline = flat
        .blocks
        .iter()
        .filter(|b| els.get(b.owner as usize).is_some_and(|e| e.tag == "h1"))
        .find(|b| {
            let words = crate::text::words(&b.text);
            !title_words.is_empty()
                && !words.is_empty()
                && words.iter().filter(|w| title_words.contains(w)).count() * 2 >= words.len()
        })
        .map(|b| b.owner);
    // 3. The container's blocks, cleaned.
    let mut out: Vec<(Cow<'_, str>, &str)> = Vec::new();
    let mut notice: Option<RepublishedFrom> = None;
    let mut seen_content = 0u32;
    // Each paragraph text seen, with the parent of the block that held it first.
    let mut seen_texts: FxHashMap<&str, u32> = FxHashMap::default();
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
    let tail_from = appendix_start(els, &inside);
    let mut after_caption = false;
    for (k, b) in inside.iter().enumerate() {
        if k >= tail_from {
            break;
        }
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
        // A caption's credit line follows the caption: it stands after the image too.
        let credit = after_caption && b.words <= MAX_CREDIT_WORDS;
        let caption = is_caption(els, b, b.after_img || credit, &flat.image_texts);
        after_caption = caption;
        if caption {
            continue;
        }
        let heading = matches!(tag, "h2" | "h3" | "h4" | "h5" | "h6");
        if (ld > 0.5 && b.chars < 400 && !heading && !is_linked_sentence(b)) || is_junk(&b.text) {
            continue;
        }
        // The headline: the title's words again, or the `<h1>` before the body's prose. When
        // the page has already shown its headline in an earlier `<h1>`, the `<h1>`s of the
        // body are section headings (pages that give each section one).
        let is_title = !title_words.is_empty() && crate::text::words_equal(&b.text, &title_words);
        if (tag == "h1"
            && (is_title || (seen_content == 0 && headline.is_none_or(|h| h >= b.owner))))
            || (is_title && out.is_empty())
        {
            continue;
        }
        // Bylines and date lines sit in the first blocks, sometimes after a lead caption.
        if (seen_content == 0 || (out.len() < 6 && b.words <= 12)) && is_header_line(&b.text) {
            continue;
        }
        if b.words <= 2
            && !matches!(
                tag,
                "p" | "li"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "td"
                    | "th"
                    | "dt"
                    | "dd"
                    | "blockquote"
                    | "pre"
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
    let lead = description
        .and_then(|d| find_lead(els, &candidates, d))
        .or_else(|| marked_lead(els, &flat.blocks[..first], headline));
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
                    && b.words >= 3
                    && !is_junk(&b.text)
                    && notice::boilerplate(&b.text).is_none()
                    && notice::parse_notice(&b.text, None).is_none()
                    && (title_words.is_empty() || !crate::text::words_equal(&b.text, &title_words))
            })
            .max_by_key(|b| b.chars);
        return (line.map(|b| b.text.clone()).unwrap_or_default(), notice);
    }
    let texts: Vec<&str> = out.iter().map(|(t, _)| t.as_ref()).collect();
    (texts.join("\n\n"), notice)
}

/// Where the container's appendix starts (author box, rating, call to support, "more on
/// this"): the body's paragraphs mostly share one parent, and the blocks after the last of
/// them that lie outside that parent are not the article. Returns `blocks.len()` when there
/// is no such parent.
fn appendix_start(els: &[El<'_>], blocks: &[&Block]) -> usize {
    let mut by_parent: FxHashMap<u32, u32> = FxHashMap::default();
    let mut total = 0u32;
    for b in blocks.iter().filter(|b| b.prose) {
        let p = els[b.owner as usize].parent;
        *by_parent.entry(p).or_default() += b.chars;
        total += b.chars;
    }
    let Some((&p, &chars)) = by_parent
        .iter()
        .max_by_key(|&(&p, &c)| (c, std::cmp::Reverse(p)))
    else {
        return blocks.len();
    };
    if (chars as f64) < MIN_TEXT_PARENT_SHARE * total as f64 {
        return blocks.len();
    }
    let (lo, hi) = (p, els[p as usize].end);
    let Some(last) = blocks.iter().rposition(|b| b.owner >= lo && b.owner < hi) else {
        return blocks.len();
    };
    last + 1
}

/// Elements inside a subtree whose own drop is one of `drops`.
fn dropped_as(els: &[El<'_>], drops: &[Drop]) -> Vec<bool> {
    let mut hard = vec![false; els.len()];
    for i in 0..els.len() {
        let p = els[i].parent as usize;
        hard[i] = drops.contains(&els[i].drop) || (p < i && hard[p]);
    }
    hard
}

/// Blocks between the headline and the body that a lead may be, at most.
const MAX_LEAD_DISTANCE: usize = 8;

/// A lead the page marks as one, between its headline and the body (`blocks` ends where the
/// body starts): the nearest block before the body whose wrapper's class says lead, teaser,
/// intro, excerpt or abstract, a piece of prose of its own (eight words or more, not links,
/// no caption), neither hidden nor a comment. Without a headline there is no "between". (A
/// subtitle, deck or standfirst is the headline's second line, which news bodies leave out.)
fn marked_lead<'a>(
    els: &[El<'_>],
    blocks: &'a [Block],
    headline: Option<u32>,
) -> Option<&'a Block> {
    let h = headline?;
    let from = blocks.iter().rposition(|b| b.owner == h)? + 1;
    static CLASS: OnceLock<Regex> = OnceLock::new();
    let class = CLASS.get_or_init(|| {
        Regex::new(
            r"(?i)(?:^|[\s_-])(?:lead|lede|leadin|teaser|intro|introduction|excerpt|abstract|chapo|chapeau|sapo|perex)(?:$|[\s_-])",
        )
        .expect("lead class regex")
    });
    let unseen = dropped_as(els, &[Drop::Hard, Drop::Hidden]);
    blocks[from..]
        .iter()
        .rev()
        .take(MAX_LEAD_DISTANCE)
        .find(|b| {
            let o = b.owner as usize;
            o < els.len()
                && !unseen[o]
                && b.ld < 0.3
                && !b.after_img
                && els[o].tag != "figcaption"
                && b.words >= 8
                && within(els, o, 3, |e| class.is_match(e.class))
        })
}

/// The block that carries the page's description (its lead): its first eight words are the
/// description's first eight (or all of them, for a shorter one), and it has at least five.
///
/// A subheadline is not a lead: a heading, or text in the headline's own header block (a
/// `<header>`, or a wrapper whose class says header, headline or hero), stays out.
fn find_lead<'a>(els: &[El<'_>], blocks: &[&'a Block], description: &str) -> Option<&'a Block> {
    let hard = dropped_as(els, &[Drop::Hard]);
    let in_header = |i: usize| {
        within(els, i, 4, |e| {
            let class = e.class.to_ascii_lowercase();
            e.tag == "header"
                || ["header", "heading", "headline", "hero"]
                    .iter()
                    .any(|w| class.contains(w))
        })
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
            b.words >= 5
                && crate::text::words(&b.text)
                    .into_iter()
                    .take(want.len())
                    .eq(want.iter().cloned())
        })
}

pub(super) fn is_content_like(chars: u32, ld: f64, words: usize, text: &str) -> bool {
    chars >= MIN_CONTENT_CHARS && ld < 0.4 && words >= 6 && !is_junk(text)
}

/// A paragraph whose sentence runs on into a link ("… who had held the post <a>for the last
/// eight months.</a>"): it opens with words of its own, and it ends as sentences end. A link
/// list, a teaser (its linked headline first) or a "Read more: …" line does not.
fn is_linked_sentence(b: &Block) -> bool {
    !b.opens_with_link
        && b.chars.saturating_sub(b.link_chars) >= 25
        && b.words >= 10
        && b.text.trim_end().ends_with(SENTENCE_END)
}

/// Characters that end a sentence (Latin, CJK full-width), closing quotes included.
const SENTENCE_END: [char; 9] = [
    '.', '!', '?', '"', '\u{201d}', '\u{3002}', '\u{ff01}', '\u{ff1f}', '\u{bb}',
];

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

/// An image's caption or credit, not body: a block right after an image that says what the
/// page says about one of its images (its `alt` or `title` text), or a short one that its
/// wrapper's class calls an image's part (caption, credit, subtitle…) or that opens as
/// captions do ("Abbildung 4:", "Foto:", "Photograph by", "©").
fn is_caption(els: &[El<'_>], b: &Block, after_img: bool, image_texts: &FxHashSet<String>) -> bool {
    let words = b.words;
    if !after_img {
        return false;
    }
    if (3..=60).contains(&words) && image_texts.contains(b.text.as_str()) {
        return true;
    }
    if words > 40 {
        return false;
    }
    static OPENER: OnceLock<Regex> = OnceLock::new();
    let opener = OPENER.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:©|\(c\)\s|(?:abbildung|abb\.|bild|titelbild|foto|fotos|photo|photos|figure|fig\.|image|grafik|quelle|source|credit|crédit|imagen|immagine|zdjęcie|ilustración)\s*\d*\s*[:.|]|photograph(?:ed)?\s+by\b|(?:foto|photo|bild)\s+(?:von|by|de|via)\b)",
        )
        .expect("caption opener regex")
    });
    if opener.is_match(&b.text) {
        return true;
    }
    static CLASS: OnceLock<Regex> = OnceLock::new();
    let class = CLASS.get_or_init(|| {
        Regex::new(
            r"(?i)(?:^|[\s_-])(?:img|image|images|photo|picture|figure|media|caption|subtitle|legend|credit|credits|copyright|annotation|bildunterschrift)(?:$|[\s_-])",
        )
        .expect("caption class regex")
    });
    within(els, b.owner as usize, 2, |e| class.is_match(e.class))
}

/// Whether element `i` or one of its nearest ancestors (`levels` elements in all) is `pred`.
fn within(els: &[El<'_>], mut i: usize, levels: usize, pred: impl Fn(&El<'_>) -> bool) -> bool {
    for _ in 0..levels {
        let Some(e) = els.get(i) else { break };
        if pred(e) {
            return true;
        }
        let p = e.parent as usize;
        if p >= i {
            break;
        }
        i = p;
    }
    false
}
