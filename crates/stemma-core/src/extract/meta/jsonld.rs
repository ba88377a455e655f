//! JSON-LD: the article objects a page declares and the values read from them.

use super::*;

pub(super) fn is_article_type(t: Option<&Value>) -> bool {
    let check = |s: &str| {
        let s = s.rsplit('/').next().unwrap_or(s);
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting"
                    | "Report"
                    | "LiveBlogPosting"
                    | "Blog"
                    | "SocialMediaPosting"
                    | "WebPage"
                    | "ItemPage"
            )
    };
    match t {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(check)),
        _ => false,
    }
}

pub(super) fn is_webpage(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => s == "WebPage" || s == "ItemPage",
        _ => false,
    }
}

pub(super) fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").or_else(|| o.get("@value")).and_then(str_of),
        Value::Array(a) => a.first().and_then(str_of),
        _ => None,
    }
    .map(|s| squash(&decode_entities(&s)))
    .filter(|s| !s.is_empty())
}
/// Pick from the JSON-LD article objects (article types first, then WebPage).
pub(super) fn ld_field(arts: &[&Value], key: &str) -> Option<Value> {
    arts.iter()
        .filter(|v| !is_webpage(v))
        .chain(arts.iter().filter(|v| is_webpage(v)))
        .find_map(|a| a.get(key).filter(|v| !v.is_null()).cloned())
}

/// A JSON-LD author given as an organisation (or only organisations).
pub(super) fn is_organisation(v: &Value) -> bool {
    match v {
        Value::Array(a) => !a.is_empty() && a.iter().all(is_organisation),
        Value::Object(o) => {
            let t =
                |s: &str| s.contains("Organization") || s.contains("Corporation") || s == "Brand";
            match o.get("@type") {
                Some(Value::String(s)) => t(s),
                Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(t)),
                _ => false,
            }
        }
        _ => false,
    }
}

pub(super) fn values_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(str_of).collect(),
        other => str_of(other).into_iter().collect(),
    }
}

pub(super) fn collect_ld_people(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_ld_people(x, out)),
        Value::Object(o) => {
            if let Some(n) = o.get("name").and_then(str_of) {
                out.extend(split_authors(&n));
            }
        }
        Value::String(s) if !s.starts_with("http") => out.extend(split_authors(s)),
        _ => {}
    }
}
