//! Main-content selection: which subtrees are set aside, the score of each element, and the
//! container (with its sibling parts) that holds the article.

use super::classes::Drop;
use super::clean::clean_body;
use super::flatten::{El, Flat};
use crate::model::RepublishedFrom;

/// Tunables of content selection.
const LAMBDA: f64 = 0.35;
/// Prose characters per section, on average, for sibling sections to be judged together.
const MIN_SECTION_PROSE: f64 = 300.0;
/// Paragraphs per section, on average, for sibling sections to be judged together.
const MIN_SECTION_PARAGRAPHS: f64 = 2.0;

/// Select the article container and return its cleaned text and any republication notice.
pub(super) fn main_text(
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

    // 1. Which subtrees are set aside.
    let dropped = set_aside(flat, total);

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

    clean_body(flat, &dropped, &parts, title, description)
}

/// Which subtrees are set aside, in two passes. First what the reader never sees: comments
/// (hard) and hidden blocks (unless they and their like hold most of the prose: the hidden
/// pages of a slideshow). Then boilerplate by tag or class, judged against the prose that is
/// left: a page's hidden copy of its own text (a metadata `<span>` restating the article, a
/// collapsed mobile menu) does not make the visible article a small share of the page. A soft
/// drop holding over half of that prose is a wrapper with an unlucky class name, not
/// boilerplate.
fn set_aside(flat: &Flat<'_>, total: u32) -> Vec<bool> {
    let els = &flat.els;
    let n = els.len();
    let mut dropped = vec![false; n];
    // Elements inside a positive container (`itemprop=articleBody`, `.article-body`, …).
    let mut in_positive = vec![false; n];
    for i in 0..n {
        let p = els[i].parent as usize;
        in_positive[i] = els[i].positive || (p < i && in_positive[p]);
    }
    // Subtrees holding a positive container below their root are never set aside.
    let mut positive_below = vec![false; n];
    for i in (1..n).rev() {
        let p = els[i].parent as usize;
        if p < i && (els[i].positive || positive_below[i]) {
            positive_below[p] = true;
        }
    }
    let mut prose = vec![0f64; n];
    let mut paragraphs = vec![0f64; n];
    for pass in [Pass::Unseen, Pass::Boilerplate] {
        // Content-like characters (and paragraphs) per subtree, less what an earlier pass
        // set aside: a weak hint never removes a large share of the page's prose. (Counted
        // again only when the first pass set something aside.)
        if pass == Pass::Unseen || dropped.contains(&true) {
            prose.fill(0.0);
            paragraphs.fill(0.0);
            add_prose(flat, &dropped, &mut prose, &mut paragraphs);
        }
        let total_prose = prose[0].max(1.0);
        // A weak hint or a hidden block is judged with its siblings of the same kind (tag
        // and first class word) when each of them is a piece of prose of its own, paragraphs
        // and not a line: an article cut into ten `gallery-section`s, or a slideshow that
        // shows one of them at a time and hides the rest, holds the page's prose together,
        // though each section holds a tenth of it. (A list of teasers, a summary each, is
        // judged item by item.)
        let mut groups: rustc_hash::FxHashMap<(u32, &str, &str), (f64, f64, f64)> =
            rustc_hash::FxHashMap::default();
        // (Only the drops judged in this pass read the groups.)
        let grouped = if pass == Pass::Unseen {
            Drop::Hidden
        } else {
            Drop::Weak
        };
        let needs_groups = els.iter().any(|e| e.drop == grouped);
        for (i, e) in els.iter().enumerate().filter(|_| needs_groups) {
            if let Some(k) = kind(e) {
                let g = groups.entry((e.parent, e.tag, k)).or_default();
                g.0 += prose[i];
                g.1 += paragraphs[i];
                g.2 += 1.0;
            }
        }
        let group_prose = |i: usize| {
            let e = &els[i];
            kind(e)
                .and_then(|k| groups.get(&(e.parent, e.tag, k)))
                .filter(|&&(sum, paras, count)| {
                    sum >= MIN_SECTION_PROSE * count && paras >= MIN_SECTION_PARAGRAPHS * count
                })
                .map_or(prose[i], |g| g.0)
        };
        let mut i = 0;
        while i < n {
            let e = &els[i];
            if dropped[i] {
                i = e.end as usize;
                continue;
            }
            let candidate = match (pass, e.drop) {
                (_, Drop::Keep) => false,
                (Pass::Unseen, Drop::Hard) => true,
                (Pass::Unseen, Drop::Hidden) => group_prose(i) < 0.5 * total_prose,
                (Pass::Unseen, _) | (Pass::Boilerplate, Drop::Hard | Drop::Hidden) => false,
                (Pass::Boilerplate, Drop::Soft | Drop::Layout) => prose[i] < 0.5 * total_prose,
                (Pass::Boilerplate, Drop::Weak) => {
                    !in_positive[i] && group_prose(i) < 0.3 * total_prose
                }
            };
            if candidate
                && !e.positive
                && (e.chars as f64) < 0.5 * total as f64
                && !positive_below[i]
            {
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
    }
    dropped
}

/// Content-like characters and paragraphs per subtree, of the blocks not `dropped`.
fn add_prose(flat: &Flat<'_>, dropped: &[bool], prose: &mut [f64], paragraphs: &mut [f64]) {
    let n = flat.els.len();
    for b in &flat.blocks {
        let o = b.owner as usize;
        if o < n && !dropped[o] && b.prose {
            prose[o] += b.chars as f64;
            paragraphs[o] += 1.0;
        }
    }
    sum_subtrees(&flat.els, prose);
    sum_subtrees(&flat.els, paragraphs);
}

/// The passes of [`set_aside`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Comments and hidden blocks.
    Unseen,
    /// Boilerplate by tag or class.
    Boilerplate,
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
    // … unless none of the others has a heading of its own: then the `<article>`s are the
    // sections of one page (a home story told room by room), not a story and its teasers
    // or the next story, which each carry their headline.
    let has_heading = |i: usize| {
        els[i + 1..els[i].end as usize]
            .iter()
            .any(|e| matches!(e.tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
    };
    if substantial.len() >= 2 && substantial[1..].iter().any(|&i| has_heading(i)) {
        return substantial[0];
    }
    best
}

/// The article is sometimes cut into sibling parts (sections between promo boxes): the
/// best container plus its siblings of the same tag and class, and what stands between two
/// such parts and is not set aside (a subheading between sections). (Taking siblings by
/// their share of prose alone was measured and pulls in teasers more often than it mends a
/// split body.) Returns subtree ranges in document order.
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
    if me.class.is_empty() {
        return parts;
    }
    // The parent's children: (start, end, whether a part).
    let mut children: Vec<(u32, u32, bool)> = Vec::new();
    let mut i = parent + 1;
    let end = els[parent].end as usize;
    while i < end {
        let sib = &els[i];
        let next = sib.end as usize;
        let part = i == best
            || (!dropped[i] && content[i] > 0.0 && sib.tag == me.tag && sib.class == me.class);
        if !dropped[i] {
            children.push((i as u32, sib.end, part));
        }
        i = next.max(i + 1);
    }
    let first = children.iter().position(|c| c.2);
    let last = children.iter().rposition(|c| c.2);
    if let (Some(a), Some(b)) = (first, last) {
        parts = children[a..=b]
            .iter()
            .map(|&(lo, hi, _)| (lo, hi))
            .collect();
    }
    parts
}

/// An element's first class word: what kind of block it is.
fn kind<'a>(e: &El<'a>) -> Option<&'a str> {
    e.class.split_ascii_whitespace().next()
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
