//! stemma-server: `stemma serve`. An HTTP layer over the archive's [`stemma_store::Archive`]
//! interface, in the spirit of meilisearch's split: the engines and the store know nothing of
//! HTTP; this crate maps requests to store queries (on blocking threads, see [`state`]) and
//! store errors to the one table of error codes ([`error`]).
//!
//! * `/api/…`: the JSON API, its OpenAPI document generated from the handlers
//!   (`/api/openapi.json`).
//! * everything else: the web UI, server-rendered HTML (askama), no JavaScript needed.
//!
//! Read endpoints are open; write endpoints ask for the bearer token. The server refuses to
//! listen on a non-loopback address without a token.

pub mod api;
pub mod error;
pub mod jobs;
pub mod state;
pub mod ui;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};

pub use error::{ApiError, ErrorCode};
pub use state::AppState;

/// How `stemma serve` runs. Its `Debug` shows whether a token is set, never the token.
#[derive(Clone)]
pub struct ServerConfig {
    pub data: PathBuf,
    pub bind: SocketAddr,
    /// The bearer token for write endpoints (`--token` or `STEMMA_TOKEN`).
    pub token: Option<String>,
    /// The largest upload accepted, in bytes.
    pub max_upload: usize,
}

impl std::fmt::Debug for ServerConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerConfig")
            .field("data", &self.data)
            .field("bind", &self.bind)
            .field("token", &self.token.as_ref().map(|_| "(set)"))
            .field("max_upload", &self.max_upload)
            .finish()
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(
        "refusing to listen on {0} without a token: anyone who can reach it could write to the \
         archive; pass --token (or STEMMA_TOKEN), or bind a loopback address such as 127.0.0.1"
    )]
    TokenRequired(SocketAddr),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// The whole application: API, OpenAPI document, UI and its static files. Bodies are
/// bounded by the upload limit (plus room for a form's framing); `POST /api/ingest` counts
/// the bytes itself and answers `payload_too_large`.
pub fn app(state: AppState) -> Router {
    let (api, doc) = api::routes();
    let doc = std::sync::Arc::new(doc);
    let body_limit = state.max_upload().saturating_add(1 << 20);
    Router::new()
        .merge(api)
        .route(
            "/api/openapi.json",
            get(move || {
                let doc = doc.clone();
                async move { Json(doc.as_ref().clone()) }
            }),
        )
        .route("/static/style.css", get(style))
        .merge(ui::routes())
        .layer(axum::extract::DefaultBodyLimit::max(body_limit))
        .with_state(state)
}

async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../static/style.css"),
    )
}

/// Check the configuration, bind, and serve until `shutdown` resolves; requests in flight
/// are finished first. `ready` is called with the address actually bound (port 0 picks one).
pub async fn serve(
    config: ServerConfig,
    ready: impl FnOnce(SocketAddr),
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    if config.token.is_none() && !config.bind.ip().is_loopback() {
        return Err(ServeError::TokenRequired(config.bind));
    }
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(|source| ServeError::Bind {
            addr: config.bind,
            source,
        })?;
    let addr = listener.local_addr()?;
    let state = AppState::new(config.data, config.token, config.max_upload);
    let resumed = state.jobs().resume();
    if !resumed.is_empty() {
        tracing::info!(jobs = ?resumed, "serve: resuming unfinished upload jobs");
    }
    tracing::info!(%addr, "serve: listening");
    ready(addr);
    let served = axum::serve(listener, app(state.clone()))
        .with_graceful_shutdown(shutdown)
        .await;
    // The running job stops after its current batch; the rest stay spooled for next time.
    let jobs = state.jobs().clone();
    let _ = tokio::task::spawn_blocking(move || jobs.shutdown()).await;
    served?;
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("serve: shutting down");
}
