//! What every handler shares: the data directory, the token, and a pool of read-only stores.
//! A `Store` is one SQLite connection plus the full-text reader; it is `Send` but not `Sync`,
//! so each query takes one from the pool, runs on tokio's blocking threads, and gives it back.
//! A pooled store is reopened once an upload job has stored a batch, or after
//! [`POOL_MAX_AGE`] (for writers outside the server, such as `stemma ingest`), so reads see
//! what was stored.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use stemma_store::{Store, StoreError};

use crate::error::ApiError;
use crate::jobs::Jobs;

/// The server's shared state (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    data: PathBuf,
    token: Option<String>,
    max_upload: usize,
    pool: Mutex<Vec<Pooled>>,
    jobs: Jobs,
}

/// A store kept for reuse, with when it was opened.
struct Pooled {
    store: Store,
    generation: u64,
    opened: Instant,
}

/// How long a pooled store is reused before it is reopened to see other writers' commits.
pub const POOL_MAX_AGE: Duration = Duration::from_secs(2);

/// Most stores kept open for reuse; more may be open at once under load, and are dropped.
const POOL_MAX: usize = 16;

impl AppState {
    pub fn new(data: PathBuf, token: Option<String>, max_upload: usize) -> Self {
        AppState {
            inner: Arc::new(Inner {
                data: data.clone(),
                token,
                max_upload,
                pool: Mutex::new(Vec::new()),
                jobs: Jobs::new(data.clone()),
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

    /// The upload jobs and their writer.
    pub fn jobs(&self) -> &Jobs {
        &self.inner.jobs
    }

    /// Run a read-only query on a pooled store, off the async threads.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let (store, generation, opened) = state.take()?;
            let out = f(&store);
            state.give_back(Pooled {
                store,
                generation,
                opened,
            });
            out.map_err(ApiError::from)
        })
        .await
        .map_err(|e| ApiError::new(crate::error::ErrorCode::Internal, e.to_string()))?
    }

    /// A pooled store that is still current, else a new one.
    fn take(&self) -> Result<(Store, u64, Instant), StoreError> {
        let generation = self.inner.jobs.generation();
        let pooled = self.inner.pool.lock().map(|mut p| p.pop()).unwrap_or(None);
        match pooled {
            Some(p) if p.generation == generation && p.opened.elapsed() < POOL_MAX_AGE => {
                Ok((p.store, p.generation, p.opened))
            }
            _ => Ok((
                Store::open_read(&self.inner.data)?,
                generation,
                Instant::now(),
            )),
        }
    }

    fn give_back(&self, pooled: Pooled) {
        if let Ok(mut p) = self.inner.pool.lock() {
            if p.len() < POOL_MAX {
                p.push(pooled);
            }
        }
    }
}
