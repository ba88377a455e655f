//! Links: resolving a page's URLs and reading their host.

/// Resolve a possibly relative URL against the page's URL.
pub fn absolutize(u: &str, base: Option<&str>) -> String {
    let u = u.trim();
    if u.starts_with("http://") || u.starts_with("https://") {
        return u.to_string();
    }
    let Some(base) = base else {
        return u.to_string();
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    if let Some(rest) = u.strip_prefix("//") {
        let scheme = &base[..scheme_end.saturating_sub(3)];
        return format!("{scheme}://{rest}");
    }
    let host_end = base[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(base.len());
    if u.starts_with('/') {
        return format!("{}{}", &base[..host_end], u);
    }
    u.to_string()
}

/// The host of a URL, without `www.`.
pub fn host(u: &str) -> Option<&str> {
    let rest = u.split("://").nth(1)?;
    let h = rest.split(['/', '?', '#', ':']).next()?;
    Some(h.strip_prefix("www.").unwrap_or(h)).filter(|h| !h.is_empty())
}
