//! What an element's tag, attributes, class and id say about it: boilerplate (and how
//! strongly), hidden, or a positive article container.

use std::sync::OnceLock;

use regex::Regex;

use super::class_words::hits;

/// Tags that are boilerplate by their nature (unless they hold most of the page).
pub(super) fn is_boilerplate_tag(tag: &str) -> bool {
    matches!(
        tag,
        "nav" | "aside" | "footer" | "header" | "figcaption" | "form" | "menu"
    )
}

/// The attributes of an element that content selection reads, in one pass over them.
pub(super) struct ElAttrs<'a> {
    pub(super) class: &'a str,
    pub(super) id: &'a str,
    pub(super) itemprop: &'a str,
    /// `hidden`, `aria-hidden=true`, `display:none`, a hiding class, or a boilerplate role.
    pub(super) hidden: bool,
    /// A class of a hover card ([`is_hover_card`]); such an element is hidden too.
    pub(super) hover_card: bool,
}

impl<'a> ElAttrs<'a> {
    pub(super) fn of(el: &'a super::super::dom::Element) -> Self {
        let mut a = ElAttrs {
            class: "",
            id: "",
            itemprop: "",
            hidden: false,
            hover_card: false,
        };
        for (name, value) in el.attrs() {
            match name {
                "class" => {
                    a.class = value;
                    for c in value.split_ascii_whitespace() {
                        a.hover_card |= is_hover_card(c);
                        a.hidden |= matches!(
                            c,
                            "hidden"
                                | "d-none"
                                | "invisible"
                                | "is-hidden"
                                | "hide"
                                | "display-none"
                        );
                    }
                    a.hidden |= a.hover_card;
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

/// A class of the card a page shows only while the pointer rests on a link
/// ("rollover-people-block", "tooltip-inner", "popover"): its words sit inside the sentence in
/// the markup ("Gov. Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down … MORE (R) is
/// defending"). The card itself only: the word alone, or with a part of a box after it; not
/// the link that opens it nor a wrapper around both ("rollover-people", "has-tooltip").
pub(super) fn is_hover_card(class: &str) -> bool {
    // Compared without case and without a lower-cased copy: it runs on every class of every
    // element.
    let starts = |w: &str| {
        class
            .get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w))
    };
    let ends = |w: &str| {
        class
            .len()
            .checked_sub(w.len())
            .and_then(|k| class.get(k..))
            .is_some_and(|p| p.eq_ignore_ascii_case(w))
    };
    ["rollover", "tooltip", "popover", "hovercard"]
        .iter()
        .any(|w| {
            starts(w)
                && (class.len() == w.len()
                    || ["-block", "-card", "-content", "-inner", "-body", "-box"]
                        .iter()
                        .any(|e| class.len() >= w.len() + e.len() && ends(e)))
        })
}

/// Read an element's class and id: is it a positive container, and which boilerplate tier?
/// Remembered per thread (a page repeats its few class lists on hundreds of elements, and a
/// site repeats them on every page), up to [`MEMO_MAX`] lists of at most [`MEMO_KEY_MAX`]
/// bytes, then forgotten at once.
pub(super) fn classify_class(class: &str, id: &str) -> (bool, Drop) {
    if class.len() + id.len() > MEMO_KEY_MAX {
        return classify_class_uncached(class, id);
    }
    type Memo = (String, rustc_hash::FxHashMap<Box<str>, (bool, Drop)>);
    thread_local! {
        static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::default();
    }
    MEMO.with(|m| {
        let (key, seen) = &mut *m.borrow_mut();
        key.clear();
        key.push_str(class);
        key.push('\0');
        key.push_str(id);
        if let Some(v) = seen.get(key.as_str()) {
            return *v;
        }
        let v = classify_class_uncached(class, id);
        if seen.len() >= MEMO_MAX {
            seen.clear();
        }
        seen.insert(key.as_str().into(), v);
        v
    })
}

/// Most class lists [`classify_class`] remembers per thread.
const MEMO_MAX: usize = 4096;
/// Longest class and id (together) that [`classify_class`] remembers.
const MEMO_KEY_MAX: usize = 256;

/// One pass over "class id", lower-cased, for the words of [`super::class_words`].
fn classify_class_uncached(class: &str, id: &str) -> (bool, Drop) {
    let mut key = String::with_capacity(class.len() + id.len() + 1);
    key.push_str(class);
    key.push(' ');
    key.push_str(id);
    key.make_ascii_lowercase();
    let mut m = hits(&key);
    if m.layout && layout_re().is_match(&key) {
        key = layout_re().replace_all(&key, "").into_owned();
        m = hits(&key);
    }
    if m.positive {
        return (true, Drop::Keep);
    }
    let drop = if m.negative {
        if key.contains("comment") || key.contains("disqus") {
            Drop::Hard
        } else {
            Drop::Soft
        }
    } else if m.layout {
        Drop::Layout
    } else if m.weak {
        Drop::Weak
    } else {
        Drop::Keep
    };
    (false, drop)
}

/// Layout descriptors that name a sidebar without being one ("has-sidebar", "sidebar-first-only").
fn layout_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:has|with|no|without|is)-sidebar\S*|sidebar-(?:first|second|left|right|both)-only|\S+-with-sidebar")
            .expect("layout regex")
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Drop {
    Keep,
    /// Comments: set aside whatever their share of the page (a long thread is still not the
    /// article), unless the subtree holds over half of all text.
    Hard,
    /// Boilerplate by tag or class; reconsidered when the subtree holds most of the page or
    /// most of its prose.
    Soft,
    /// Boilerplate by a layout class (sidebar, footer…): set aside unless it holds most prose.
    Layout,
    /// Hidden (`hidden`, `display:none`, a hiding class, a boilerplate role): set aside like
    /// a soft drop, unless it and its siblings of the same kind hold most of the prose (the
    /// hidden pages of a slideshow article).
    Hidden,
    /// Boilerplate by a weak class hint: set aside only outside a positive container.
    Weak,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_answers_are_the_computed_ones() {
        let lists = [
            ("article-body", ""),
            ("sidebar", "main"),
            ("comments", ""),
            ("", "related-links"),
            ("entry-content post", "x"),
            ("nav menu", ""),
        ];
        // past the memo's capacity too, so that it is cleared and filled again
        for round in 0..(MEMO_MAX / lists.len() + 2) {
            for (class, id) in lists {
                assert_eq!(
                    classify_class(class, id),
                    classify_class_uncached(class, id),
                    "{class:?} {id:?} round {round}"
                );
            }
            let filler = format!("filler-{round}");
            assert_eq!(
                classify_class(&filler, ""),
                classify_class_uncached(&filler, "")
            );
        }
        let long = "comment ".repeat(100);
        assert_eq!(
            classify_class(&long, ""),
            classify_class_uncached(&long, "")
        );
        assert_eq!(classify_class("comments", "").1, Drop::Hard);
    }
}
