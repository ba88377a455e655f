//! The JSON API under `/api`. Each handler is annotated with `#[utoipa::path]`, and the
//! OpenAPI document at `/api/openapi.json` is generated from those annotations and the
//! response types, never written by hand.

use axum::extract::State;
use axum::Json;
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
                       the archive's API."
    ),
    components(schemas(ApiError, crate::error::ErrorCode))
)]
struct ApiDoc;

/// The API's routes and their OpenAPI document.
pub fn routes() -> (axum::Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(stats))
        .split_for_parts()
}

/// What the archive holds: articles, outlets, stories, quotes, entities, size on disk.
#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "archive",
    responses(
        (status = 200, description = "Counts", body = stemma_store::Stats),
        (status = 404, description = "No archive in the data directory", body = ApiError),
    )
)]
async fn stats(State(state): State<AppState>) -> Result<Json<stemma_store::Stats>, ApiError> {
    use stemma_store::Archive;
    state.read(|s| s.stats()).await.map(Json)
}
