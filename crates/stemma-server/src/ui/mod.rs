//! The web UI: pages rendered on the server from askama templates (checked at compile time,
//! every value HTML-escaped), usable without JavaScript. Charts and story trees are SVG drawn
//! here, so a page needs nothing from outside.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;

mod article;
mod attention;
mod entity;
mod quotes;
mod search;
mod story;
pub mod svg;
pub mod text;

use crate::error::ApiError;
use crate::state::AppState;

/// The UI's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/search", get(search::search))
        .route("/article/{id}", get(article::article))
        .route("/entity/{name}", get(entity::entity))
        .route("/story/{id}", get(story::story))
        .route("/quotes", get(quotes::quotes))
        .route("/attention", get(attention::attention))
        .fallback(not_found)
}

/// An unknown path: the error page (a JSON error under `/api/`).
async fn not_found(uri: axum::http::Uri) -> Response {
    let e = ApiError::not_found(format!("no page at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        e.into_response()
    } else {
        error_page(e)
    }
}

/// A title to show: the record's own, else its record id (URL or path).
pub(crate) fn title_or(title: Option<String>, record: &str) -> String {
    title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| record.to_string())
}

/// A rendered page, or the error page with the error's status.
pub(crate) fn page<T: Template>(t: Result<T, ApiError>) -> Response {
    match t.and_then(|t| {
        t.render()
            .map_err(|e| ApiError::new(crate::error::ErrorCode::Internal, e.to_string()))
    }) {
        Ok(html) => Html(html).into_response(),
        Err(e) => error_page(e),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    status: u16,
    error: ApiError,
}

pub(crate) fn error_page(error: ApiError) -> Response {
    let status = error.status();
    let body = ErrorPage {
        status: status.as_u16(),
        error,
    }
    .render()
    .unwrap_or_else(|_| "error".to_string());
    (status, Html(body)).into_response()
}

/// A name with a count and the page it links to.
struct Top {
    name: String,
    count: u64,
    href: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    stats: Option<stemma_store::Stats>,
    outlets: Vec<Top>,
    speakers: Vec<Top>,
    entities: Vec<Top>,
}

async fn home(State(state): State<AppState>) -> Response {
    use stemma_store::{Archive, SearchQuery};
    let got = state
        .read(|s| {
            let stats = s.stats()?;
            let facets = s.facets(&SearchQuery::default())?;
            Ok((stats, facets))
        })
        .await;
    let (stats, facets) = match got {
        Ok((s, f)) => (Some(s), f),
        Err(e) if e.status() == StatusCode::NOT_FOUND => (None, Default::default()),
        Err(e) => return error_page(e),
    };
    let top = |v: &[stemma_store::FacetCount], href: &dyn Fn(&str) -> String| -> Vec<Top> {
        v.iter()
            .map(|c| Top {
                name: c.value.clone(),
                count: c.count,
                href: href(&c.value),
            })
            .collect()
    };
    page(Ok(Home {
        stats,
        outlets: top(&facets.sites, &|v| {
            format!("/search?site={}", text::urlencode(v))
        }),
        speakers: top(&facets.speakers, &|v| text::entity_href(v)),
        entities: top(&facets.entities, &|v| text::entity_href(v)),
    }))
}
/// The query string's fields, or a 400 page saying what is wrong with them (a repeated
/// field, bad percent-encoding).
pub(crate) type Params<T> =
    Result<axum::extract::Query<T>, axum::extract::rejection::QueryRejection>;

pub(crate) fn params<T>(p: Params<T>) -> Result<T, ApiError> {
    p.map(|q| q.0)
        .map_err(|e| ApiError::bad_request(e.body_text()))
}

/// A path segment, decoded, or a 400 page (bad percent-encoding, not UTF-8).
pub(crate) type Segment =
    Result<axum::extract::Path<String>, axum::extract::rejection::PathRejection>;

pub(crate) fn segment(p: Segment) -> Result<String, ApiError> {
    p.map(|s| s.0)
        .map_err(|e| ApiError::bad_request(e.body_text()))
}

/// A parameter's value, unless absent or blank (an empty form field).
pub(crate) fn nonempty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A numeric id from the path, or a 400 page naming what was asked for.
pub(crate) fn parse_id(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.trim()
        .parse::<i64>()
        .map_err(|_| ApiError::bad_request(format!("{what} id {raw:?}: not a number")))
}
