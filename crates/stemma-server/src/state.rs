//! What every handler shares: the data directory, the token, and a pool of read-only stores.
//! A `Store` is one SQLite connection plus the full-text reader; it is `Send` but not `Sync`,
//! so each query takes one from the pool, runs on tokio's blocking threads, and gives it back.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use stemma_store::{Store, StoreError};

use crate::error::ApiError;

/// The server's shared state (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    data: PathBuf,
    token: Option<String>,
    max_upload: usize,
    pool: Mutex<Vec<Store>>,
}

/// Most stores kept open for reuse; more may be open at once under load, and are dropped.
const POOL_MAX: usize = 16;

impl AppState {
    pub fn new(data: PathBuf, token: Option<String>, max_upload: usize) -> Self {
        AppState {
            inner: Arc::new(Inner {
                data,
                token,
                max_upload,
                pool: Mutex::new(Vec::new()),
            }),
        }
    }

    pub fn data(&self) -> &Path {
        &self.inner.data
    }

    /// The bearer token write endpoints ask for, when one was set.
    pub fn token(&self) -> Option<&str> {
        self.inner.token.as_deref()
    }

    /// The largest upload accepted, in bytes.
    pub fn max_upload(&self) -> usize {
        self.inner.max_upload
    }

    /// Run a read-only query on a pooled store, off the async threads.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = state.take()?;
            let out = f(&store);
            state.give_back(store);
            out.map_err(ApiError::from)
        })
        .await
        .map_err(|e| ApiError::new(crate::error::ErrorCode::Internal, e.to_string()))?
    }

    fn take(&self) -> Result<Store, StoreError> {
        let pooled = self.inner.pool.lock().map(|mut p| p.pop()).unwrap_or(None);
        match pooled {
            Some(s) => Ok(s),
            None => Store::open_read(&self.inner.data),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut p) = self.inner.pool.lock() {
            if p.len() < POOL_MAX {
                p.push(store);
            }
        }
    }
}
