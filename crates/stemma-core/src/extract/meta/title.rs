//! The headline: the `<h1>` or the declared title, less its site decoration.

use super::*;

/// The headline and, when it is a visible `<h1>`, where that `<h1>` is (the anchor for the
/// byline and dateline, which sit next to it).
pub(super) fn resolve_title(
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
