//! `/entity/{name}`: a person, organisation or place under all its names, with the words of
//! the articles that assert each alias, its roles, the articles naming it, its quotes (by it
//! and about it) and its quotes over time. A speaker the archive holds no entity for still
//! gets a page of their quotes.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use stemma_store::{
    bucket_label, day_number, Archive, Bucket, EntityView, QuoteGroup, QuoteQuery, SearchQuery,
    Store, StoreError,
};

use super::attention::time_axis;
use super::quotes::{QuoteItem, MAX_QUOTES};
use super::svg::bar_chart;
use super::text::{entity_href, urlencode};
use super::{page, segment, title_or, Segment};
use crate::error::ApiError;
use crate::state::AppState;

/// Most names whose quotes are gathered as "by" this entity.
const MAX_SPEAKER_NAMES: usize = 6;
/// Articles listed.
const MAX_ARTICLES: usize = 30;

/// The words that assert a name, and the articles that use them.
pub struct Assertion {
    pub evidence: String,
    /// (outlet, article page)
    pub by: Vec<(String, String)>,
}

pub struct NameRow {
    pub name: String,
    pub asserted_by: Vec<Assertion>,
}

/// The articles asserting a name, grouped by their words (copies repeat them).
fn assertions(uses: &[stemma_store::AliasUse]) -> Vec<Assertion> {
    let mut out: Vec<Assertion> = Vec::new();
    for u in uses {
        let by = (
            u.site.clone().unwrap_or_else(|| u.record.clone()),
            format!("/article/{}", u.article),
        );
        match out.iter_mut().find(|a| a.evidence == u.evidence) {
            Some(a) => a.by.push(by),
            None => out.push(Assertion {
                evidence: u.evidence.clone(),
                by: vec![by],
            }),
        }
    }
    out
}

pub struct ArticleLink {
    pub href: String,
    pub title: String,
    pub outlet: String,
    pub date: String,
}

pub struct OtherEntity {
    pub name: String,
    pub href: String,
    pub kind: String,
}

#[derive(Template)]
#[template(path = "entity.html")]
pub struct EntityPage {
    pub name: String,
    /// `person`, `organization`, `place`, `other`, or `speaker` (no entity stored).
    pub kind: String,
    pub articles_count: i64,
    pub names: Vec<NameRow>,
    pub roles: Vec<String>,
    pub quotes_by: Vec<QuoteItem>,
    pub quotes_about: Vec<QuoteItem>,
    pub articles: Vec<ArticleLink>,
    pub others: Vec<OtherEntity>,
    pub chart: String,
    pub attention_href: String,
    pub search_href: String,
}

/// Quote groups for several speaker names, each quote once, first appearance first.
fn quotes_by(s: &Store, names: &[String]) -> Result<Vec<QuoteGroup>, StoreError> {
    let mut out: Vec<QuoteGroup> = Vec::new();
    for n in names.iter().take(MAX_SPEAKER_NAMES) {
        let q = QuoteQuery {
            speaker: Some(n.clone()),
            limit: MAX_QUOTES,
            ..Default::default()
        };
        for g in s.quotes(&q)? {
            if !out.iter().any(|o| o.quote == g.quote) {
                out.push(g);
            }
        }
    }
    out.sort_by_key(|g| {
        g.first
            .published
            .as_deref()
            .and_then(day_number)
            .unwrap_or(i64::MAX)
    });
    out.truncate(MAX_QUOTES);
    Ok(out)
}

/// Every appearance of the quotes, counted by month.
fn quotes_per_month(groups: &[QuoteGroup]) -> Vec<(String, u64)> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for a in groups.iter().flat_map(|g| &g.appearances) {
        let label = a
            .published
            .as_deref()
            .and_then(day_number)
            .map_or_else(|| "undated".to_string(), |d| bucket_label(d, Bucket::Month));
        *counts.entry(label).or_default() += 1;
    }
    time_axis(&counts, Bucket::Month)
}

struct Gathered {
    view: Option<EntityView>,
    others: Vec<EntityView>,
    by: Vec<QuoteGroup>,
    about: Vec<QuoteGroup>,
    articles: Vec<stemma_store::SearchHit>,
}

// `..Default::default()` keeps this building as the queries gain fields.
#[allow(clippy::needless_update)]
fn gather(s: &Store, name: &str) -> Result<Gathered, StoreError> {
    let mut views = match s.entity(name) {
        Ok(v) => v,
        Err(StoreError::NotFound(_)) => Vec::new(),
        Err(e) => return Err(e),
    };
    let lower = name.to_lowercase();
    // the entity whose name or an alias is the one asked for comes first
    if let Some(i) = views.iter().position(|v| {
        v.name.to_lowercase() == lower || v.names.iter().any(|n| n.name.to_lowercase() == lower)
    }) {
        let v = views.remove(i);
        views.insert(0, v);
    }
    let mut views = views.into_iter();
    let view = views.next();
    let others: Vec<EntityView> = views.collect();
    let speaker_names: Vec<String> = match &view {
        Some(v) => std::iter::once(v.name.clone())
            .chain(v.names.iter().map(|n| n.name.clone()))
            .fold(Vec::new(), |mut acc, n| {
                if !acc.contains(&n) {
                    acc.push(n);
                }
                acc
            }),
        None => vec![name.to_string()],
    };
    let by = quotes_by(s, &speaker_names)?;
    if view.is_none() && by.is_empty() {
        return Err(StoreError::NotFound(format!(
            "no stored entity or speaker named {name}"
        )));
    }
    let (about, articles) = match &view {
        Some(v) => (
            s.quotes(&QuoteQuery {
                about: Some(v.name.clone()),
                limit: MAX_QUOTES,
                ..Default::default()
            })?,
            s.search(&SearchQuery {
                entity: Some(v.name.clone()),
                limit: MAX_ARTICLES,
                ..Default::default()
            })?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    Ok(Gathered {
        view,
        others,
        by,
        about,
        articles,
    })
}

fn build_page(name: &str, g: Gathered) -> EntityPage {
    let shown = g.view.as_ref().map_or(name.to_string(), |v| v.name.clone());
    let chart = bar_chart(
        &format!("Quotes by {shown} per month (every article carrying one)"),
        &quotes_per_month(&g.by),
    );
    let about: Vec<QuoteItem> = g
        .about
        .iter()
        .filter(|a| !g.by.iter().any(|b| b.quote == a.quote))
        .map(QuoteItem::of)
        .collect();
    EntityPage {
        kind: g
            .view
            .as_ref()
            .map_or("speaker".to_string(), |v| v.kind.clone()),
        articles_count: g.view.as_ref().map_or(0, |v| v.articles),
        names: g
            .view
            .as_ref()
            .map(|v| {
                v.names
                    .iter()
                    .map(|n| NameRow {
                        name: n.name.clone(),
                        asserted_by: assertions(&n.asserted_by),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        roles: g.view.as_ref().map(|v| v.roles.clone()).unwrap_or_default(),
        quotes_by: g.by.iter().map(QuoteItem::of).collect(),
        quotes_about: about,
        articles: g
            .articles
            .into_iter()
            .map(|h| ArticleLink {
                href: format!("/article/{}", h.article),
                title: title_or(h.title, &h.record),
                outlet: h.site.unwrap_or_default(),
                date: h.published.unwrap_or_default(),
            })
            .collect(),
        others: g
            .others
            .iter()
            .map(|o| OtherEntity {
                name: o.name.clone(),
                href: entity_href(&o.name),
                kind: o.kind.clone(),
            })
            .collect(),
        chart,
        attention_href: format!("/attention?entity={}", urlencode(&shown)),
        search_href: format!("/search?entity={}", urlencode(&shown)),
        name: shown,
    }
}

pub async fn entity(State(state): State<AppState>, name: Segment) -> Response {
    page(build(state, name).await)
}

async fn build(state: AppState, name: Segment) -> Result<EntityPage, ApiError> {
    let name = segment(name)?.trim().to_string();
    if name.is_empty() {
        return Err(ApiError::bad_request("an entity needs a name"));
    }
    let asked = name.clone();
    let g = state.read(move |s| gather(s, &asked)).await?;
    Ok(build_page(&name, g))
}
