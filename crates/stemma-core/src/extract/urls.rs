//! Links: resolving a page's URLs and reading their host.

/// Resolve a possibly relative URL ("story.html", "../a", "?p=2", "//cdn.test/x", "/path")
/// against the page's URL, by the WHATWG URL rules. Without a base, or when either does not
/// parse, the link stays as written.
pub fn absolutize(u: &str, base: Option<&str>) -> String {
    let u = u.trim();
    if u.starts_with("http://") || u.starts_with("https://") {
        return u.to_string();
    }
    let Some(base) = base else {
        return u.to_string();
    };
    // A page resolves hundreds of links against one base: parse it once per thread.
    thread_local! {
        static BASE: std::cell::RefCell<Option<(String, Option<url::Url>)>> =
            const { std::cell::RefCell::new(None) };
    }
    BASE.with(|cell| {
        let mut cached = cell.borrow_mut();
        if cached.as_ref().is_none_or(|(b, _)| b != base) {
            *cached = Some((base.to_string(), url::Url::parse(base.trim()).ok()));
        }
        cached
            .as_ref()
            .and_then(|(_, b)| b.as_ref())
            .and_then(|b| b.join(u).ok())
            .map_or_else(|| u.to_string(), String::from)
    })
}

/// The host of a URL, without `www.`.
pub fn host(u: &str) -> Option<&str> {
    let rest = u.split("://").nth(1)?;
    let h = rest.split(['/', '?', '#', ':']).next()?;
    Some(h.strip_prefix("www.").unwrap_or(h)).filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links() {
        let base = Some("https://harbour-gazette.test/news/2021/ferry.html?x=1");
        for (link, want) in [
            (
                "story.html",
                "https://harbour-gazette.test/news/2021/story.html",
            ),
            ("../a", "https://harbour-gazette.test/news/a"),
            (
                "?p=2",
                "https://harbour-gazette.test/news/2021/ferry.html?p=2",
            ),
            ("/about", "https://harbour-gazette.test/about"),
            ("//cdn.test/x.jpg", "https://cdn.test/x.jpg"),
            ("http://other.test/", "http://other.test/"),
        ] {
            assert_eq!(absolutize(link, base), want, "{link}");
        }
        assert_eq!(absolutize("story.html", None), "story.html");
        assert_eq!(absolutize("story.html", Some("not a url")), "story.html");
    }
}
