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

mod class_words;
mod classes;
mod clean;
mod flatten;
mod select;

use super::dom::Dom;

use super::meta;
use super::notice;
use crate::model::{Article, RepublishedFrom, Source};
use crate::text::word_count_unspaced as words_in;
use flatten::flatten;
use select::main_text;

pub fn extract_html(html: &str, source: Source) -> Article {
    let pruned = prune_raw_text(html);
    let doc = Dom::parse(&pruned);
    let base = source.url.clone();
    let mut flat = flatten(&doc, base.as_deref());
    let blocks = flat.blocks.iter().map(|b| (b.owner, b.text.as_str(), b.ld));
    meta::add_blocks(&mut flat.meta, blocks);
    flat.meta.crawled = source.warc_date.as_deref().and_then(meta::crawl_day);
    let resolved = meta::resolve(&flat.meta, base.as_deref());
    let mut article = Article::empty(source);

    let (mut body, notice) = main_text(
        &flat,
        resolved.title.as_deref(),
        resolved.description.as_deref(),
    );
    // Nothing static in the page but what it shows without scripts: read the `<noscript>`
    // markup as a page of its own.
    if flat.noscript.contains("<p") && words_in(&body) < 20 {
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
        let ab_words = words_in(ab);
        if ab_words >= 50 && words_in(&body) * 3 < ab_words {
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

#[cfg(test)]
mod tests {
    use super::classes::{classify_class, Drop};
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
    fn a_hover_card_inside_a_sentence_is_no_part_of_it() {
        let p = r#"<html><body><article><h1>Levy row</h1><p>Harbour Mayor <span class="rollover-people"><a class="rollover-people-link" href="/people/ada-quill">Ada Quill</a><span class="rollover-people-block"><a class="name" href="/people/ada-quill">Ada Maren Quill</a><a href="/news/1">Mayor doubles down on the ferry levy</a> MORE</span></span> (Ind.) is defending the levy on ferry tickets that the council passed in March.</p><p>The levy adds two crowns to every crossing and pays for the new pier, <span class="has-tooltip">officials<span class="tooltip-content">Harbour council staff</span></span> said on Monday.</p></article></body></html>"#;
        let a = extract_html(p, src(None));
        assert!(
            a.text
                .contains("Harbour Mayor Ada Quill (Ind.) is defending the levy on ferry tickets"),
            "{}",
            a.text
        );
        assert!(
            a.text.contains("new pier, officials said on Monday"),
            "{}",
            a.text
        );
        assert!(!a.text.contains("doubles down") && !a.text.contains("council staff"));
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
