//! The archive's queries over HTTP, mirroring `stemma search`, `quotes`, `story`, `entity`,
//! `attention`, `errors` and `stats` (same filters), plus one article by id. Each runs on a
//! pooled read-only store off the async threads ([`AppState::read`]).

use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use stemma_store::{
    Archive, ArticleView, AttentionQuery, AttentionRow, Bucket, EntityView, Failure, QuoteGroup,
    QuoteQuery, SearchHit, SearchQuery, Stats, StoryView,
};

use super::{paging, ApiPath, ApiQuery, Page};
use crate::error::ApiError;
use crate::state::AppState;

/// An empty parameter (`site=` from a form) is no filter.
fn given(v: Option<String>) -> Option<String> {
    v.filter(|s| !s.trim().is_empty())
}

/// A date filter: `YYYY-MM-DD` (a longer ISO date-time is cut to its day).
fn date(v: Option<String>, name: &str) -> Result<Option<String>, ApiError> {
    match given(v) {
        None => Ok(None),
        Some(d) if stemma_store::day_number(&d).is_some() => Ok(Some(d)),
        Some(d) => Err(ApiError::bad_request(format!(
            "{name}={d}: not a date (YYYY-MM-DD)"
        ))),
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words to find in titles, bodies and quotes (tantivy syntax: "a phrase", -not, OR);
    /// empty: every article the filters keep.
    q: Option<String>,
    /// Only this outlet.
    site: Option<String>,
    /// Published on or after this day (YYYY-MM-DD).
    from: Option<String>,
    /// Published on or before this day (YYYY-MM-DD).
    to: Option<String>,
    /// Only articles quoting this speaker.
    speaker: Option<String>,
    /// Only articles naming this entity (under any of its names).
    entity: Option<String>,
    /// Hits per page, 1 to 100 (default 10).
    limit: Option<usize>,
    /// Hits to skip, 0 to 10 000.
    offset: Option<usize>,
}

/// Ranked articles with highlighted snippets (`stemma search`).
#[utoipa::path(
    get,
    path = "/api/search",
    tag = "archive",
    params(SearchParams),
    responses(
        (status = 200, description = "A page of hits, best first", body = Page<SearchHit>),
        (status = 400, description = "A bad parameter (`bad_request`) or query (`bad_query`)", body = ApiError),
        (status = 404, description = "No archive in the data directory (`no_archive`)", body = ApiError),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> Result<Json<Page<SearchHit>>, ApiError> {
    let (limit, offset) = paging(p.limit, p.offset, 10, 100)?;
    let q = SearchQuery {
        text: given(p.q).unwrap_or_default(),
        site: given(p.site),
        from: date(p.from, "from")?,
        to: date(p.to, "to")?,
        speaker: given(p.speaker),
        entity: given(p.entity),
        limit: limit + 1,
        offset,
    };
    let hits = state.read(move |s| s.search(&q)).await?;
    Ok(Json(Page::of(hits, limit, offset)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuotesParams {
    /// Quotes by this speaker (any part of the name).
    speaker: Option<String>,
    /// Quotes whose words name this entity.
    about: Option<String>,
    /// Quotes containing these words.
    q: Option<String>,
    /// Quotes per page, 1 to 200 (default 50).
    limit: Option<usize>,
    /// Quotes to skip, 0 to 10 000.
    offset: Option<usize>,
}

/// Who said what: quotes grouped by their words, first appearance first, with the outlets
/// that repeated them (`stemma quotes`).
#[utoipa::path(
    get,
    path = "/api/quotes",
    tag = "archive",
    params(QuotesParams),
    responses(
        (status = 200, description = "A page of quotes", body = Page<QuoteGroup>),
        (status = 400, description = "A bad parameter", body = ApiError),
        (status = 404, description = "No archive", body = ApiError),
    )
)]
pub async fn quotes(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<QuotesParams>,
) -> Result<Json<Page<QuoteGroup>>, ApiError> {
    let (limit, offset) = paging(p.limit, p.offset, 50, 200)?;
    let q = QuoteQuery {
        speaker: given(p.speaker),
        about: given(p.about),
        text: given(p.q),
        limit: limit + 1,
        offset,
    };
    let groups = state.read(move |s| s.quotes(&q)).await?;
    Ok(Json(Page::of(groups, limit, offset)))
}

/// The stemma of the stories an article or story belongs to: origin first, then each copy
/// with outlet, lag, shared fraction, notice kept or dropped, byline changed
/// (`stemma story`).
#[utoipa::path(
    get,
    path = "/api/story/{key}",
    tag = "archive",
    params(("key" = String, Path, description = "A story id, or an article's id, URL or path (percent-encoded)")),
    responses(
        (status = 200, description = "The stories", body = Vec<StoryView>),
        (status = 404, description = "No such article or story (`not_found`)", body = ApiError),
    )
)]
pub async fn story(
    State(state): State<AppState>,
    ApiPath(key): ApiPath<String>,
) -> Result<Json<Vec<StoryView>>, ApiError> {
    state.read(move |s| s.story(&key)).await.map(Json)
}

/// An entity under all its names: each alias with the articles that assert it, roles,
/// quotes by it and about it (`stemma entity`).
#[utoipa::path(
    get,
    path = "/api/entity/{name}",
    tag = "archive",
    params(("name" = String, Path, description = "A name or alias")),
    responses(
        (status = 200, description = "The entities the name matches", body = Vec<EntityView>),
        (status = 404, description = "No entity by that name (`not_found`)", body = ApiError),
    )
)]
pub async fn entity(
    State(state): State<AppState>,
    ApiPath(name): ApiPath<String>,
) -> Result<Json<Vec<EntityView>>, ApiError> {
    state.read(move |s| s.entity(&name)).await.map(Json)
}

/// How attention is bucketed.
#[derive(Debug, Clone, Copy, Default, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum By {
    #[default]
    Day,
    Week,
    Month,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AttentionParams {
    /// Articles naming this entity (give this or `q`).
    entity: Option<String>,
    /// Articles matching this full-text query (give this or `entity`).
    q: Option<String>,
    /// `day` (default), `week` or `month`.
    #[param(inline)]
    by: Option<By>,
    /// Only this outlet.
    site: Option<String>,
}

/// Counts of articles over time for an entity or a query (`stemma attention`).
#[utoipa::path(
    get,
    path = "/api/attention",
    tag = "archive",
    params(AttentionParams),
    responses(
        (status = 200, description = "Articles per bucket, in order", body = Vec<AttentionRow>),
        (status = 400, description = "Neither or both of entity and q, or a bad `by`", body = ApiError),
    )
)]
pub async fn attention(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<AttentionParams>,
) -> Result<Json<Vec<AttentionRow>>, ApiError> {
    let (entity, query) = (given(p.entity), given(p.q));
    if entity.is_some() == query.is_some() {
        return Err(ApiError::bad_request(
            "attention needs one of entity=NAME or q=QUERY",
        ));
    }
    let q = AttentionQuery {
        entity,
        query,
        by: match p.by.unwrap_or_default() {
            By::Day => Bucket::Day,
            By::Week => Bucket::Week,
            By::Month => Bucket::Month,
        },
        site: given(p.site),
    };
    state.read(move |s| s.attention(&q)).await.map(Json)
}

/// One stored article: its record as extracted (text, metadata, quotes with offsets,
/// entities, republication notice) and the stories it belongs to.
#[utoipa::path(
    get,
    path = "/api/articles/{id}",
    tag = "archive",
    params(("id" = i64, Path, description = "The article's id (as search hits give it)")),
    responses(
        (status = 200, description = "The article", body = ArticleView),
        (status = 400, description = "Not an id", body = ApiError),
        (status = 404, description = "No such article", body = ApiError),
    )
)]
pub async fn article(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ArticleView>, ApiError> {
    state.read(move |s| s.article(id)).await.map(Json)
}

/// The inputs that failed to ingest, with the reason (`stemma errors`).
#[utoipa::path(
    get,
    path = "/api/errors",
    tag = "archive",
    responses(
        (status = 200, description = "Failed inputs", body = Vec<Failure>),
        (status = 404, description = "No archive", body = ApiError),
    )
)]
pub async fn errors(State(state): State<AppState>) -> Result<Json<Vec<Failure>>, ApiError> {
    state.read(|s| s.errors()).await.map(Json)
}

/// What the archive holds: articles, outlets, stories, quotes, entities, size on disk.
#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "archive",
    responses(
        (status = 200, description = "Counts", body = Stats),
        (status = 404, description = "No archive in the data directory", body = ApiError),
    )
)]
pub async fn stats(State(state): State<AppState>) -> Result<Json<Stats>, ApiError> {
    state.read(|s| s.stats()).await.map(Json)
}
