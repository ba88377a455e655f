//! The words of class and id attributes that content selection reads, as data, and one
//! Aho-Corasick pass that finds which groups of them a class list holds.
//!
//! In the lists, `-?` marks a hyphen that may be left out ("more-?stories": "morestories" and
//! "more-stories"), and a `*` at the end a word that may run on ("advert*": "advertisement",
//! "advert_box"). Positive words count anywhere in the list; the others only as whole words
//! between separators (start or end, white space, `_` or `-`): "ad" in "ad-slot" and "top_ad",
//! not in "load" or "header". A word that runs on continues over digits, ASCII letters, `_`
//! and non-ASCII characters up to a separator or the end.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// Containers of the article's own text.
pub(super) const POSITIVE: &[&str] = &[
    "article-?body",
    "articlebody",
    "article-?content",
    "article-?text",
    "articletext",
    "story-?body",
    "storybody",
    "story-?content",
    "story-?text",
    "entry-?content",
    "post-?content",
    "post-?body",
    "postbody",
    "post-?text",
    "body-?text",
    "bodytext",
    "main-?content",
    "page-?content",
    "content-?body",
    "text-?content",
    "rich-?text",
    "richtext",
    "prose",
    "article__body",
    "article__content",
    "c-entry-content",
    "td-post-content",
    "field-?body",
    "field-?name-?body",
    "node-?content",
    "news-?content",
    "news-?text",
    "article-?main",
    "single-?content",
    "blog-?content",
];

/// Boilerplate anywhere, even inside the article container.
pub(super) const NEGATIVE: &[&str] = &[
    "comment",
    "comments",
    "disqus",
    "respond",
    "replies",
    "share",
    "sharing",
    "social",
    "sociable",
    "addthis",
    "sharethis",
    "follow",
    "related",
    "recirc",
    "recommend*",
    "outbrain",
    "taboola",
    "more-?stories",
    "most-?read",
    "most-?popular",
    "popular",
    "trending",
    "also-?read",
    "read-?next",
    "next-?up",
    "you-?may",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "sign-?up",
    "inline-?cta",
    "cta",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "popup",
    "modal",
    "overlay",
    "toast",
    "advert*",
    "ad",
    "ads",
    "adsbygoogle",
    "ad-?slot",
    "ad-?unit",
    "ad-?container",
    "ad-?wrapper",
    "dfp",
    "gpt",
    "sponsor*",
    "promo",
    "promos",
    "promotion",
    "promotions",
    "promotional",
    "promobox",
    "commercial",
    "affiliate",
    "skyscraper",
    "breadcrumb",
    "breadcrumbs",
    "tag-?list",
    "tagcloud",
    "print-?only",
    "noprint",
    "skip-?link",
    "screen-?reader-?text",
    "sr-only",
    "visually-?hidden",
    "rating",
    "votes",
];

/// Page layout: boilerplate unless the element holds most of the page's prose (a
/// "sidebar-content" column that is the main column).
pub(super) const LAYOUT: &[&str] = &[
    "sidebar",
    "side-?bar",
    "footer",
    "site-?footer",
    "masthead",
    "site-?header",
];

/// Boilerplate outside the article container only: inside one they are as often the
/// content's own wrappers ("card", "meta", "caption" of a body image…).
pub(super) const WEAK: &[&str] = &[
    "card",
    "cards",
    "teaser",
    "rail",
    "banner",
    "partner",
    "topics",
    "keywords",
    "foot",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "pagination",
    "pager",
    "tags",
    "categories",
    "toolbar",
    "toc",
    "table-?of-?contents",
    "login",
    "signin",
    "search",
    "caption",
    "credit",
    "credits",
    "byline",
    "author-?bio",
    "author-?box",
    "about-?the-?author",
    "bio",
    "dateline",
    "timestamp",
    "meta",
    "post-?meta",
    "entry-?meta",
    "article-?meta",
    "read-?more",
    "readmore",
    "tools",
    "print",
    "email",
    "jump",
    "slideshow",
    "gallery",
    "carousel",
    "video",
    "player",
    "podcast",
    "audio",
    "account",
    "reply",
];

/// Which groups of words a class list holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Hits {
    pub(super) positive: bool,
    pub(super) negative: bool,
    pub(super) layout: bool,
    pub(super) weak: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Positive,
    Negative,
    Layout,
    Weak,
}

struct Matcher {
    ac: AhoCorasick,
    /// Per pattern: its group, and whether the word runs on.
    pats: Vec<(Group, bool)>,
}

/// Every spelling of a listed word: each `-?` with and without its hyphen.
fn spellings(word: &str) -> Vec<String> {
    match word.split_once("-?") {
        None => vec![word.to_owned()],
        Some((head, tail)) => spellings(tail)
            .into_iter()
            .flat_map(|t| [format!("{head}{t}"), format!("{head}-{t}")])
            .collect(),
    }
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let mut words = Vec::new();
        let mut pats = Vec::new();
        for (group, list) in [
            (Group::Positive, POSITIVE),
            (Group::Negative, NEGATIVE),
            (Group::Layout, LAYOUT),
            (Group::Weak, WEAK),
        ] {
            for w in list {
                let (w, runs_on) = match w.strip_suffix('*') {
                    Some(w) => (w, true),
                    None => (*w, false),
                };
                for s in spellings(w) {
                    words.push(s);
                    pats.push((group, runs_on));
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&words)
            .expect("class words");
        Matcher { ac, pats }
    })
}

/// A separator between class words.
fn sep(c: char) -> bool {
    c.is_whitespace() || c == '_' || c == '-'
}

/// Whether a whole word ends at byte `end` of `key`: a separator or the end follows, or, for
/// a word that runs on, follows after a run of digits, ASCII letters, `_` and non-ASCII.
fn word_ends(key: &str, end: usize, runs_on: bool) -> bool {
    let mut rest = key[end..].chars();
    if !runs_on {
        return rest.next().is_none_or(sep);
    }
    for c in rest {
        if sep(c) {
            return true;
        }
        if !(c.is_ascii_digit() || c.is_ascii_lowercase() || !c.is_ascii()) {
            return false;
        }
    }
    true
}

/// Which groups of words `key` (class and id, ASCII-lower-cased) holds.
pub(super) fn hits(key: &str) -> Hits {
    let m = matcher();
    let mut h = Hits::default();
    for found in m.ac.find_overlapping_iter(key) {
        let (group, runs_on) = m.pats[found.pattern().as_usize()];
        let slot = match group {
            Group::Positive => &mut h.positive,
            Group::Negative => &mut h.negative,
            Group::Layout => &mut h.layout,
            Group::Weak => &mut h.weak,
        };
        if *slot {
            continue;
        }
        // Patterns are ASCII, so both ends fall on character boundaries.
        let whole = group == Group::Positive
            || key[..found.start()].chars().next_back().is_none_or(sep)
                && word_ends(key, found.end(), runs_on);
        if whole {
            *slot = true;
            if h.positive && h.negative && h.layout && h.weak {
                break;
            }
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The regular expressions these lists replaced, kept to check the matcher against.
    fn regex_hits(key: &str) -> Hits {
        static SET: OnceLock<regex::RegexSet> = OnceLock::new();
        let set = SET.get_or_init(|| {
            regex::RegexSet::new([
                r"(?x)(?:
                article-?body|articlebody|article-?content|article-?text|articletext|story-?body|storybody|story-?content|story-?text
              | entry-?content|post-?content|post-?body|postbody|post-?text|body-?text|bodytext|main-?content|page-?content
              | content-?body|text-?content|rich-?text|richtext|prose|article__body|article__content|c-entry-content|td-post-content
              | field-?body|field-?name-?body|node-?content|news-?content|news-?text|article-?main|single-?content|blog-?content
            )",
                r"(?x)(?:^|[\s_\-])(?:
                comment|comments|disqus|respond|replies
              | share|sharing|social|sociable|addthis|sharethis|follow
              | related|recirc|recommend(?:[0-9a-z_]|[^\x00-\x7F])*|outbrain|taboola|more-?stories|most-?(?:read|popular)|popular|trending|also-?read|read-?next|next-?up|you-?may
              | newsletter|subscribe|subscription|signup|sign-?up|inline-?cta|cta
              | cookie|cookies|consent|gdpr|popup|modal|overlay|toast
              | advert(?:[0-9a-z_]|[^\x00-\x7F])*|ads?|adsbygoogle|ad-?slot|ad-?unit|ad-?container|ad-?wrapper|dfp|gpt|sponsor(?:[0-9a-z_]|[^\x00-\x7F])*|promos?|promotions?|promotional|promobox|commercial|affiliate
              | skyscraper|breadcrumbs?|tag-?list|tagcloud
              | print-?only|noprint|skip-?link|screen-?reader-?text|sr-only|visually-?hidden
              | rating|votes
            )(?:$|[\s_\-])",
                r"(?:^|[\s_\-])(?:sidebar|side-?bar|footer|site-?footer|masthead|site-?header)(?:$|[\s_\-])",
                r"(?x)(?:^|[\s_\-])(?:
                card|cards|teaser|rail|banner|partner|topics|keywords|foot
              | nav|navbar|navigation|menu|pagination|pager
              | tags|categories|toolbar|toc|table-?of-?contents|login|signin|search
              | caption|credit|credits|byline|author-?bio|author-?box|about-?the-?author|bio|dateline|timestamp|meta|post-?meta|entry-?meta|article-?meta
              | read-?more|readmore
              | tools|print|email|jump|slideshow|gallery|carousel|video|player|podcast|audio|account|reply
            )(?:$|[\s_\-])",
            ])
            .expect("regex set")
        });
        let m = set.matches(key);
        Hits {
            positive: m.matched(0),
            negative: m.matched(1),
            layout: m.matched(2),
            weak: m.matched(3),
        }
    }

    #[test]
    fn spellings_expand_every_optional_hyphen() {
        assert_eq!(spellings("ad"), ["ad"]);
        assert_eq!(
            spellings("table-?of-?contents"),
            [
                "tableofcontents",
                "table-ofcontents",
                "tableof-contents",
                "table-of-contents"
            ]
        );
    }

    #[test]
    fn words_between_separators() {
        for (key, want) in [
            ("ad-slot top", (false, true, false, false)),
            ("load header", (false, false, false, false)),
            ("top_ad", (false, true, false, false)),
            ("advertisement-box", (false, true, false, false)),
            ("advertisement.box", (false, false, false, false)),
            ("advert\u{e9}_x", (false, true, false, false)),
            ("site-footer article-body", (true, false, true, false)),
            ("navbar\u{3000}x", (false, false, false, true)),
            ("xarticlebodyx", (true, false, false, false)),
            ("", (false, false, false, false)),
        ] {
            let h = hits(key);
            assert_eq!((h.positive, h.negative, h.layout, h.weak), want, "{key:?}");
            assert_eq!(h, regex_hits(key), "{key:?}");
        }
    }

    /// Class lists made of listed words, pieces of them, separators and odd characters.
    fn key() -> impl Strategy<Value = String> {
        let word = prop::sample::select(
            POSITIVE
                .iter()
                .chain(NEGATIVE)
                .chain(LAYOUT)
                .chain(WEAK)
                .flat_map(|w| spellings(w.trim_end_matches('*')))
                .collect::<Vec<_>>(),
        );
        let piece = prop_oneof![
            4 => word.clone(),
            2 => (word, 0usize..6, 0usize..6).prop_map(|(w, a, b)| {
                let a = a.min(w.len());
                let b = w.len() - b.min(w.len() - a);
                w[a..b].to_owned()
            }),
            3 => prop::sample::select(&[
                " ", "-", "_", "\u{a0}", "\u{3000}", ".", "x", "9", "é", "__", "--", "ment",
                "is", "box", "Ä", "\t", "s",
            ][..]).prop_map(str::to_owned),
        ];
        prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        #[test]
        fn the_matcher_agrees_with_the_regexes(key in key()) {
            prop_assert_eq!(hits(&key), regex_hits(&key), "{:?}", key);
        }
    }
}
