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

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    stats: Option<stemma_store::Stats>,
}

async fn home(State(state): State<AppState>) -> Response {
    use stemma_store::Archive;
    let stats = match state.read(|s| s.stats()).await {
        Ok(s) => Some(s),
        Err(e) if e.status() == StatusCode::NOT_FOUND => None,
        Err(e) => return error_page(e),
    };
    page(Ok(Home { stats }))
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
