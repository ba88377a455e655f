//! The JSON API under `/api`. Each handler is annotated with `#[utoipa::path]`, and the
//! OpenAPI document at `/api/openapi.json` is generated from those annotations and the
//! response types, never written by hand.
//!
//! * [`query`]: the archive's queries, mirroring the CLI (search, quotes, story, entity,
//!   attention, article, errors, stats), with the same filters and pagination.
//! * [`ingest`]: `POST /api/ingest` (behind the bearer token) and `GET /api/jobs/{id}`.
//!
//! Every failure is an [`ApiError`] (`{code, message}` from the one table in `error.rs`),
//! including malformed parameters and paths, which axum would answer in plain text.

pub mod ingest;
pub mod query;

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use serde::Serialize;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::ApiError;
use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "stemma",
        description = "Who said what, where a story first appeared, and who republished it: \
                       the archive's API. Errors are `{code, message}`; the codes are listed \
                       in the ErrorCode schema."
    ),
    components(schemas(ApiError, crate::error::ErrorCode)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

/// The `bearer` security scheme that `POST /api/ingest` asks for.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
        if let Some(c) = doc.components.as_mut() {
            c.add_security_scheme(
                "bearer",
                SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
            );
        }
    }
}

/// The API's routes and their OpenAPI document.
pub fn routes() -> (axum::Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(query::search))
        .routes(routes!(query::quotes))
        .routes(routes!(query::story))
        .routes(routes!(query::entity))
        .routes(routes!(query::attention))
        .routes(routes!(query::article))
        .routes(routes!(query::errors))
        .routes(routes!(query::stats))
        .routes(routes!(ingest::upload))
        .routes(routes!(ingest::job))
        .split_for_parts()
}

/// One page of a list: the items, the page asked for, and the offset of the next page
/// (`null` on the last page).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub limit: usize,
    pub offset: usize,
    pub next_offset: Option<usize>,
}

impl<T> Page<T> {
    /// A page from up to `limit + 1` items fetched at `offset` (the extra one says that
    /// there is a next page, and is dropped).
    pub fn of(mut items: Vec<T>, limit: usize, offset: usize) -> Self {
        let more = items.len() > limit;
        items.truncate(limit);
        Page {
            next_offset: more.then_some(offset + limit),
            items,
            limit,
            offset,
        }
    }
}

/// The largest `offset` accepted: deep pages cost the hits before them.
pub const MAX_OFFSET: usize = 10_000;

/// Check `limit` (default `default`, 1 to `max`) and `offset` (0 to [`MAX_OFFSET`]).
pub fn paging(
    limit: Option<usize>,
    offset: Option<usize>,
    default: usize,
    max: usize,
) -> Result<(usize, usize), ApiError> {
    let limit = limit.unwrap_or(default);
    if limit == 0 || limit > max {
        return Err(ApiError::bad_request(format!(
            "limit {limit}: must be 1 to {max}"
        )));
    }
    let offset = offset.unwrap_or(0);
    if offset > MAX_OFFSET {
        return Err(ApiError::bad_request(format!(
            "offset {offset}: must be at most {MAX_OFFSET}"
        )));
    }
    Ok((limit, offset))
}

/// `Query<T>` whose rejection is a JSON `bad_request`.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| ApiQuery(q))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// `Path<T>` whose rejection is a JSON `bad_request`.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(p)| ApiPath(p))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}
