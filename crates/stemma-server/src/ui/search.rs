//! `/search`: ranked articles with their matched words marked, pages of results, and facets
//! (outlet, period, speaker, entity) whose links add a filter.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use stemma_store::{Archive, Facets, SearchQuery};

use super::text::{highlight, urlencode, Seg};
use super::{nonempty, page, title_or, Params};
use crate::error::ApiError;
use crate::state::AppState;

/// Results per page.
pub const PER_PAGE: usize = 20;
/// The deepest page offered (the index ranks `offset + PER_PAGE` hits to show one page).
pub const MAX_PAGE: usize = 250;

/// The search form's fields, as the URL carries them.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct SearchParams {
    pub q: Option<String>,
    pub site: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub speaker: Option<String>,
    pub entity: Option<String>,
    pub page: Option<String>,
}

/// The filters that can be set, by parameter name.
const FILTERS: [&str; 5] = ["site", "from", "to", "speaker", "entity"];

impl SearchParams {
    fn get(&self, key: &str) -> Option<&str> {
        let v = match key {
            "q" => &self.q,
            "site" => &self.site,
            "from" => &self.from,
            "to" => &self.to,
            "speaker" => &self.speaker,
            "entity" => &self.entity,
            _ => &None,
        };
        nonempty(v)
    }

    /// `/search?…` with these parameters, `set` replacing (or with `None`, removing) some.
    fn href(&self, set: &[(&str, Option<&str>)], page: Option<usize>) -> String {
        let mut parts = Vec::new();
        for key in ["q", "site", "from", "to", "speaker", "entity"] {
            let v = match set.iter().find(|(k, _)| *k == key) {
                Some((_, v)) => *v,
                None => self.get(key),
            };
            if let Some(v) = v {
                parts.push(format!("{key}={}", urlencode(v)));
            }
        }
        if let Some(p) = page.filter(|&p| p > 1) {
            parts.push(format!("page={p}"));
        }
        format!("/search?{}", parts.join("&"))
    }

    fn page_number(&self) -> Result<usize, ApiError> {
        match nonempty(&self.page) {
            None => Ok(1),
            Some(p) => match p.parse::<usize>() {
                Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
                _ => Err(ApiError::bad_request(format!(
                    "page {p}: not a page number from 1 to {MAX_PAGE}"
                ))),
            },
        }
    }

    // `..Default::default()` keeps this building as the query gains fields (`offset`).
    #[allow(clippy::needless_update)]
    fn query(&self, limit: usize) -> SearchQuery {
        let own = |k: &str| self.get(k).map(str::to_string);
        SearchQuery {
            text: own("q").unwrap_or_default(),
            site: own("site"),
            from: own("from"),
            to: own("to"),
            speaker: own("speaker"),
            entity: own("entity"),
            limit,
            ..Default::default()
        }
    }
}

/// One result as the page shows it.
pub struct HitView {
    pub href: String,
    pub title: String,
    pub site: String,
    pub published: String,
    pub snippet: Vec<Seg>,
}

/// A facet value with the link that adds it as a filter.
pub struct FacetLink {
    pub label: String,
    pub count: u64,
    pub href: String,
}

pub struct FacetGroup {
    pub title: &'static str,
    pub links: Vec<FacetLink>,
}

/// A filter in force, with the link that removes it.
pub struct ActiveFilter {
    pub name: &'static str,
    pub value: String,
    pub remove: String,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub q: String,
    pub params: SearchParams,
    pub hits: Vec<HitView>,
    pub total: u64,
    pub first: usize,
    pub page: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub facets: Vec<FacetGroup>,
    pub active: Vec<ActiveFilter>,
    /// The facets counted only part of the matches.
    pub partial: Option<u64>,
}

impl SearchPage {
    fn param(&self, key: &str) -> &str {
        self.params.get(key).unwrap_or("")
    }
}

fn facet_groups(p: &SearchParams, f: &Facets) -> Vec<FacetGroup> {
    let link = |key: &'static str, v: &str, count: u64| FacetLink {
        label: v.to_string(),
        count,
        href: p.href(&[(key, Some(v))], None),
    };
    let mut groups = Vec::new();
    let mut add = |title, key: &'static str, values: &[stemma_store::FacetCount]| {
        if p.get(key).is_none() && !values.is_empty() {
            groups.push(FacetGroup {
                title,
                links: values
                    .iter()
                    .map(|c| link(key, &c.value, c.count))
                    .collect(),
            });
        }
    };
    add("Outlet", "site", &f.sites);
    add("Speaker", "speaker", &f.speakers);
    add("Entity", "entity", &f.entities);
    if p.get("from").is_none() && p.get("to").is_none() && !f.periods.is_empty() {
        groups.push(FacetGroup {
            title: "Date",
            links: f
                .periods
                .iter()
                .map(|d| FacetLink {
                    label: d.label.clone(),
                    count: d.count,
                    href: p.href(&[("from", Some(&d.from)), ("to", Some(&d.to))], None),
                })
                .collect(),
        });
    }
    groups
}

pub async fn search(State(state): State<AppState>, p: Params<SearchParams>) -> Response {
    page(build(state, p).await)
}

async fn build(state: AppState, p: Params<SearchParams>) -> Result<SearchPage, ApiError> {
    let params = super::params(p)?;
    let page_no = params.page_number()?;
    let skip = (page_no - 1) * PER_PAGE;
    let q = params.query(skip + PER_PAGE);
    let (hits, facets) = state
        .read(move |s| Ok((s.search(&q)?, s.facets(&q)?)))
        .await?;
    let hits: Vec<HitView> = hits
        .into_iter()
        .skip(skip)
        .take(PER_PAGE)
        .map(|h| HitView {
            href: format!("/article/{}", h.article),
            title: title_or(h.title, &h.record),
            site: h.site.unwrap_or_default(),
            published: h.published.unwrap_or_default(),
            snippet: highlight(&h.snippet, &h.highlights),
        })
        .collect();
    let total = facets.total;
    let shown_to = (skip + hits.len()) as u64;
    let active = FILTERS
        .iter()
        .filter_map(|&k| {
            params.get(k).map(|v| ActiveFilter {
                name: k,
                value: v.to_string(),
                remove: params.href(&[(k, None)], None),
            })
        })
        .collect();
    Ok(SearchPage {
        q: params.get("q").unwrap_or("").to_string(),
        hits,
        total,
        first: skip + 1,
        page: page_no,
        prev: (page_no > 1).then(|| params.href(&[], Some(page_no - 1))),
        next: (shown_to < total && page_no < MAX_PAGE).then(|| params.href(&[], Some(page_no + 1))),
        facets: facet_groups(&params, &facets),
        active,
        partial: (facets.counted < facets.total).then_some(facets.counted),
        params,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_other_filters_and_encode_values() {
        let p = SearchParams {
            q: Some("a&b c".into()),
            site: Some("Alder Post".into()),
            speaker: Some(String::new()),
            page: Some("3".into()),
            ..SearchParams::default()
        };
        assert_eq!(
            p.href(&[("entity", Some("al-Qaeda/AQ"))], None),
            "/search?q=a%26b%20c&site=Alder%20Post&entity=al-Qaeda%2FAQ"
        );
        assert_eq!(
            p.href(&[("site", None)], Some(2)),
            "/search?q=a%26b%20c&page=2"
        );
        assert_eq!(p.page_number().unwrap(), 3);
        let bad = SearchParams {
            page: Some("0".into()),
            ..SearchParams::default()
        };
        assert!(bad.page_number().is_err());
    }
}
