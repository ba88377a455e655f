//! `/quotes`: who said what, each quote with its first appearance and the outlets that
//! repeated it; and the quote list item the entity page shares.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use stemma_store::{Archive, QuoteGroup, QuoteQuery};

use super::text::entity_href;
use super::{nonempty, page, params, Params};
use crate::error::ApiError;
use crate::state::AppState;

/// Most quotes a list shows.
pub const MAX_QUOTES: usize = 200;

/// A quote as a list shows it.
pub struct QuoteItem {
    pub text: String,
    pub speaker: String,
    pub speaker_href: String,
    pub role: String,
    pub outlet: String,
    pub date: String,
    pub href: String,
    /// The other outlets that carried it.
    pub also: Vec<String>,
    pub stated_as_fact: bool,
}

impl QuoteItem {
    pub fn of(g: &QuoteGroup) -> QuoteItem {
        let speaker = g
            .speaker
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_default();
        let outlet = g.first.site.clone().unwrap_or_default();
        QuoteItem {
            text: g.quote.clone(),
            speaker_href: if speaker.is_empty() {
                String::new()
            } else {
                entity_href(&speaker)
            },
            speaker,
            role: g.role.clone().unwrap_or_default(),
            date: g.first.published.clone().unwrap_or_default(),
            href: format!("/article/{}", g.first.article),
            also: g
                .outlets
                .iter()
                .filter(|o| **o != outlet)
                .cloned()
                .collect(),
            outlet,
            stated_as_fact: g.stated_as_fact,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct QuotesParams {
    pub speaker: Option<String>,
    pub about: Option<String>,
    pub q: Option<String>,
}

#[derive(Template)]
#[template(path = "quotes.html")]
pub struct QuotesPage {
    pub speaker: String,
    pub about: String,
    pub q: String,
    pub asked: bool,
    pub quotes: Vec<QuoteItem>,
}

pub async fn quotes(State(state): State<AppState>, p: Params<QuotesParams>) -> Response {
    page(build(state, p).await)
}

// `..Default::default()` keeps this building as the query gains fields.
#[allow(clippy::needless_update)]
async fn build(state: AppState, p: Params<QuotesParams>) -> Result<QuotesPage, ApiError> {
    let p = params(p)?;
    let own = |v: &Option<String>| nonempty(v).map(str::to_string);
    let query = QuoteQuery {
        speaker: own(&p.speaker),
        about: own(&p.about),
        text: own(&p.q),
        limit: MAX_QUOTES,
        ..Default::default()
    };
    let asked = query.speaker.is_some() || query.about.is_some() || query.text.is_some();
    let groups = state.read(move |s| s.quotes(&query)).await?;
    Ok(QuotesPage {
        speaker: own(&p.speaker).unwrap_or_default(),
        about: own(&p.about).unwrap_or_default(),
        q: own(&p.q).unwrap_or_default(),
        asked,
        quotes: groups.iter().map(QuoteItem::of).collect(),
    })
}
