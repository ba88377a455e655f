//! Upload jobs: each upload is spooled into its own folder under `DATA/uploads/ID/` (its
//! files, and `job.json`, the job's status, rewritten atomically), and one writer thread runs
//! the jobs in order through the ingest pipeline (`stemma_ingest`), opening the archive for
//! writing per job. While another writer (a CLI ingest) holds the archive the job waits and
//! retries. On shutdown the running job stops after its current batch; on the next start every
//! job not finished is run again, which adds only what is missing (the store's keys).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use stemma_ingest::{Outcome, Pipeline, Progress};
use stemma_store::{Store, StoreError};

use crate::error::{ApiError, ErrorCode};

/// The folder of upload jobs inside a data directory.
pub const UPLOADS_DIR: &str = "uploads";
/// A job's status file inside its folder.
const STATUS_FILE: &str = "job.json";
/// A job's spooled files inside its folder.
pub const FILES_DIR: &str = "files";
/// How often a waiting job tries the archive's write lock again.
const RETRY: Duration = Duration::from_millis(500);

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    /// Spooled, waiting for the writer.
    Queued,
    /// Another writer holds the archive; the job retries (see `error`).
    Waiting,
    Running,
    /// Every file was read; failed inputs are counted in `progress.failed` and listed by
    /// `/api/errors`.
    Done,
    /// The job could not run (see `error`); what it stored before stays stored.
    Failed,
}

/// A job as `GET /api/jobs/{id}` shows it.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct JobStatus {
    pub id: u64,
    pub state: JobState,
    /// The uploaded files, as named by the client (or by their kind).
    pub files: Vec<String>,
    /// Bytes uploaded.
    pub bytes: u64,
    /// Seconds since the Unix epoch.
    pub created: u64,
    /// How many times the job was started (more than once: resumed after a stop).
    pub runs: u32,
    /// Files, pages, added, duplicates, failed, pages/s so far.
    pub progress: Progress,
    pub error: Option<ApiError>,
}

/// The job queue and its writer thread (cheap to clone).
#[derive(Clone)]
pub struct Jobs {
    inner: Arc<Inner>,
}

struct Inner {
    data: PathBuf,
    jobs: Mutex<BTreeMap<u64, JobStatus>>,
    next: AtomicU64,
    queue: Mutex<Option<mpsc::Sender<u64>>>,
    worker: Mutex<Option<JoinHandle<()>>>,
    stop: AtomicBool,
    /// Bumped after every stored batch, so that readers reopen and see it.
    generation: AtomicU64,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, e.to_string())
}

impl Jobs {
    /// The jobs of `data`: the status of every job spooled before is read back (nothing runs
    /// until [`Jobs::resume`] or a new upload).
    pub fn new(data: PathBuf) -> Jobs {
        let mut jobs = BTreeMap::new();
        let root = data.join(UPLOADS_DIR);
        if let Ok(rd) = std::fs::read_dir(&root) {
            for e in rd.flatten() {
                let Some(id) = e.file_name().to_str().and_then(|n| n.parse::<u64>().ok()) else {
                    continue;
                };
                match std::fs::read(e.path().join(STATUS_FILE))
                    .ok()
                    .and_then(|b| serde_json::from_slice::<JobStatus>(&b).ok())
                {
                    Some(s) if s.id == id => {
                        jobs.insert(id, s);
                    }
                    // A folder whose upload never finished spooling: not a job.
                    _ => tracing::warn!(dir = %e.path().display(), "serve: not a job, skipped"),
                }
            }
        }
        let next = jobs.keys().next_back().map_or(1, |k| k + 1);
        Jobs {
            inner: Arc::new(Inner {
                data,
                jobs: Mutex::new(jobs),
                next: AtomicU64::new(next),
                queue: Mutex::new(None),
                worker: Mutex::new(None),
                stop: AtomicBool::new(false),
                generation: AtomicU64::new(0),
            }),
        }
    }

    /// Changes whenever a job stores a batch.
    pub fn generation(&self) -> u64 {
        self.inner.generation.load(Ordering::Relaxed)
    }

    /// Queue every job that did not finish (cut off by a stop or a crash) again, in order.
    pub fn resume(&self) -> Vec<u64> {
        let ids: Vec<u64> = self
            .lock()
            .iter()
            .filter(|(_, s)| !finished(s))
            .map(|(id, _)| *id)
            .collect();
        for &id in &ids {
            tracing::info!(job = id, "serve: resuming an unfinished upload job");
            self.update(id, |s| s.state = JobState::Queued);
            self.enqueue(id);
        }
        ids
    }

    pub fn status(&self, id: u64) -> Option<JobStatus> {
        self.lock().get(&id).cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<u64, JobStatus>> {
        self.inner.jobs.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A new job's id and the folder to spool its files into.
    pub fn reserve(&self) -> Result<(u64, PathBuf), ApiError> {
        if self.inner.stop.load(Ordering::Relaxed) {
            return Err(ApiError::new(
                ErrorCode::ShuttingDown,
                "the server is stopping; upload again once it is back",
            ));
        }
        let id = self.inner.next.fetch_add(1, Ordering::Relaxed);
        let dir = self.dir(id);
        if dir.exists() {
            // Left by an upload that never finished spooling.
            std::fs::remove_dir_all(&dir).map_err(internal)?;
        }
        std::fs::create_dir_all(dir.join(FILES_DIR)).map_err(internal)?;
        Ok((id, dir))
    }

    /// The folder of job `id`.
    pub fn dir(&self, id: u64) -> PathBuf {
        self.inner.data.join(UPLOADS_DIR).join(id.to_string())
    }

    /// Record a spooled job and queue it.
    pub fn submit(&self, id: u64, files: Vec<String>, bytes: u64) -> Result<JobStatus, ApiError> {
        let status = JobStatus {
            id,
            state: JobState::Queued,
            files,
            bytes,
            created: now(),
            runs: 0,
            progress: Progress::default(),
            error: None,
        };
        save(&self.dir(id), &status).map_err(internal)?;
        self.lock().insert(id, status.clone());
        self.enqueue(id);
        Ok(status)
    }

    fn enqueue(&self, id: u64) {
        let mut q = self.inner.queue.lock().unwrap_or_else(|p| p.into_inner());
        if q.is_none() {
            let (tx, rx) = mpsc::channel::<u64>();
            let me = self.clone();
            let handle = std::thread::Builder::new()
                .name("stemma-jobs".into())
                .spawn(move || me.writer(rx));
            match handle {
                Ok(h) => {
                    *self.inner.worker.lock().unwrap_or_else(|p| p.into_inner()) = Some(h);
                    *q = Some(tx);
                }
                Err(e) => {
                    self.fail(id, internal(format!("cannot start the writer thread: {e}")));
                    return;
                }
            }
        }
        if let Some(tx) = q.as_ref() {
            let _ = tx.send(id);
        }
    }

    /// Stop: no new job starts, the running one stops after its current batch; returns once
    /// the writer thread has ended. Unfinished jobs stay spooled for the next start.
    pub fn shutdown(&self) {
        self.inner.stop.store(true, Ordering::Relaxed);
        self.inner
            .queue
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        let worker = self
            .inner
            .worker
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(h) = worker {
            let _ = h.join();
        }
    }

    fn update(&self, id: u64, f: impl FnOnce(&mut JobStatus)) {
        let snapshot = {
            let mut jobs = self.lock();
            let Some(s) = jobs.get_mut(&id) else {
                return;
            };
            f(s);
            s.clone()
        };
        if let Err(e) = save(&self.dir(id), &snapshot) {
            tracing::warn!(job = id, error = %e, "serve: cannot save the job's status");
        }
    }

    fn fail(&self, id: u64, error: ApiError) {
        tracing::warn!(job = id, code = ?error.code, message = %error.message, "serve: upload job failed");
        self.update(id, |s| {
            s.state = JobState::Failed;
            s.error = Some(error);
        });
    }

    /// The writer thread: jobs in order, one at a time.
    fn writer(&self, rx: mpsc::Receiver<u64>) {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(p) => p,
            Err(e) => {
                for id in rx.try_iter() {
                    self.fail(id, internal(format!("cannot start worker threads: {e}")));
                }
                return;
            }
        };
        for id in rx {
            if self.stopping() {
                return;
            }
            self.run_job(id, &pool);
        }
    }

    fn stopping(&self) -> bool {
        self.inner.stop.load(Ordering::Relaxed)
    }

    fn run_job(&self, id: u64, pool: &rayon::ThreadPool) {
        let data = self.inner.data.clone();
        let mut store = loop {
            match Store::open_write(&data) {
                Ok(s) => break s,
                Err(e @ StoreError::Locked { .. }) => {
                    self.update(id, |s| {
                        s.state = JobState::Waiting;
                        s.error = Some(ApiError::new(
                            ErrorCode::Busy,
                            format!("waiting for the archive: {e}"),
                        ));
                    });
                    std::thread::sleep(RETRY);
                    if self.stopping() {
                        return;
                    }
                }
                Err(e) => return self.fail(id, ApiError::from(e)),
            }
        };
        self.update(id, |s| {
            s.state = JobState::Running;
            s.error = None;
            s.runs += 1;
        });
        let files = self.dir(id).join(FILES_DIR);
        let inputs = stemma_ingest::inputs(&[files.into_os_string()]);
        let pipeline = Pipeline::new(
            pool,
            stemma_input::ReadLimits::default().max_document_bytes,
            256,
        );
        let result = stemma_ingest::run(&mut store, inputs, &pipeline, &self.inner.stop, |p, _| {
            self.inner.generation.fetch_add(1, Ordering::Relaxed);
            self.update(id, |s| s.progress = p.clone());
        });
        drop(store);
        self.inner.generation.fetch_add(1, Ordering::Relaxed);
        match result {
            Ok((p, Outcome::Finished)) => {
                tracing::info!(
                    job = id,
                    pages = p.pages,
                    added = p.added,
                    "serve: upload job done"
                );
                self.update(id, |s| {
                    s.state = JobState::Done;
                    s.progress = p;
                });
            }
            // Left as it is on disk (running): the next start runs it again.
            Ok((_, Outcome::Cancelled)) => {
                tracing::info!(
                    job = id,
                    "serve: upload job stopped; it resumes on the next start"
                );
            }
            Err(stemma_ingest::IngestError::Store(e)) => self.fail(id, ApiError::from(e)),
        }
    }
}

fn finished(s: &JobStatus) -> bool {
    matches!(s.state, JobState::Done | JobState::Failed)
}

/// Write a job's status through a temporary file and a rename, so it is never torn.
fn save(dir: &Path, s: &JobStatus) -> std::io::Result<()> {
    let tmp = dir.join(format!("{STATUS_FILE}.tmp"));
    std::fs::write(
        &tmp,
        serde_json::to_vec_pretty(s).map_err(std::io::Error::other)?,
    )?;
    std::fs::rename(&tmp, dir.join(STATUS_FILE))
}
