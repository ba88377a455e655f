//! The store's errors: each says what is wrong with the data directory and what to do.

use std::path::PathBuf;

/// Errors of the archive.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{dir} is being written by another stemma process (lock {lock}); wait for it to finish, \
         or remove the lock file if no stemma is running"
    )]
    Locked { dir: PathBuf, lock: PathBuf },
    #[error(
        "{dir} is read-only: {action} needs to write there (queries still work on a readable \
         directory)"
    )]
    ReadOnly { dir: PathBuf, action: &'static str },
    #[error(
        "{path} is not a usable stemma database ({detail}); run `stemma check` to see what can \
         be recovered, or move it aside and ingest again"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} was written by a newer stemma (schema {found}, this one knows up to {known})")]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("no stemma data in {0} (ingest something first: `stemma ingest --data DIR PATH...`)")]
    Missing(PathBuf),
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("full-text index: {0}; `stemma reindex` rebuilds it from the database")]
    Index(#[from] tantivy::TantivyError),
    #[error("full-text query: {0}")]
    Query(String),
    #[error("record: {0}")]
    Json(#[from] serde_json::Error),
    #[error("syndication: {0}")]
    Syndicate(#[from] stemma_core::syndicate::SyndicateError),
    #[error("not found: {0}")]
    NotFound(String),
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
