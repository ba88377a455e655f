//! stemma-ingest: the ingest pipeline every front end shares (`stemma ingest`, the server's
//! upload jobs, the benches). Inputs (pages, WARC, gzip, record JSONL, directories) are read
//! into batches by a reader thread; a worker thread extracts, attributes and prepares each
//! batch on a rayon pool (one batch ahead of the store); the calling thread stores each batch
//! with [`Archive::ingest`] (one transaction). Progress is reported as data ([`Progress`])
//! after every stored batch, and a cancellation flag is checked between batches, so a batch
//! reported done is committed and a stopped run, run again, adds only what is missing (pages
//! are stored once, by URL, else by content).

mod inputs;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use stemma_core::{Article, Document};
use stemma_input::ReadLimits;
use stemma_store::{Archive, Failure, Incoming, StoreError};

pub use inputs::{inputs, is_records, read_records, Input, Item};

/// Why a run stopped before its end.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How a run extracts and stores.
pub struct Pipeline<'a> {
    /// The pool pages are extracted on.
    pub pool: &'a rayon::ThreadPool,
    pub read_limits: ReadLimits,
    pub limits: stemma_core::Limits,
    /// Items per stored batch (each batch is one transaction); at least 1.
    pub batch: usize,
    /// The attribution modes kept in records.
    pub modes: &'a [stemma_core::Mode],
}

impl<'a> Pipeline<'a> {
    /// A pipeline on `pool` with documents up to `max_bytes` and batches of `batch`, keeping
    /// speech quotes (what `stemma ingest` stores).
    pub fn new(pool: &'a rayon::ThreadPool, max_bytes: usize, batch: usize) -> Self {
        let (read_limits, limits) = limits(max_bytes);
        Pipeline {
            pool,
            read_limits,
            limits,
            batch: batch.max(1),
            modes: &[stemma_core::Mode::Speech],
        }
    }
}

/// The read and extraction limits for documents of at most `max_bytes` (at least 1).
pub fn limits(max_bytes: usize) -> (ReadLimits, stemma_core::Limits) {
    let max_bytes = max_bytes.max(1);
    (
        ReadLimits {
            max_document_bytes: max_bytes,
        },
        stemma_core::Limits {
            max_bytes,
            ..stemma_core::Limits::default()
        },
    )
}

/// Where a run stands, after each stored batch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Progress {
    /// Input files (or standard input) read to the end.
    pub files_done: u64,
    pub files_total: u64,
    /// Documents and records handled (stored, already there, or failed).
    pub pages: u64,
    pub added: u64,
    /// Already in the archive (by URL, else by content).
    pub duplicates: u64,
    pub failed: u64,
    /// Stories the batches changed.
    pub stories: u64,
    pub batches: u64,
    pub pages_per_sec: f64,
    pub seconds: f64,
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Every input was read and stored.
    Finished,
    /// The cancellation flag was set; the batches reported were stored, the rest was not read.
    Cancelled,
}

/// Extract one document and attribute its quotes in `modes` (`None`: no attribution). A
/// panic in the engines (a bug) becomes this document's error, not the run's end.
pub fn extract_one(
    doc: &Document,
    limits: &stemma_core::Limits,
    modes: Option<&[stemma_core::Mode]>,
) -> Result<Article, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut a = stemma_core::extract::extract_with(doc, limits)?;
        if let Some(modes) = modes {
            stemma_core::attrib::annotate_with(&mut a, modes);
        }
        Ok::<_, stemma_core::ExtractError>(a)
    })) {
        Ok(Ok(a)) => Ok(a),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("internal error while extracting (a bug: please report this page)".into()),
    }
}

/// Attribute the quotes of an extracted article in `modes` (the second half of
/// [`extract_one`]). A panic in the engine (a bug) becomes this document's error.
pub fn annotate_one(article: &mut Article, modes: &[stemma_core::Mode]) -> Result<(), String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        stemma_core::attrib::annotate_with(article, modes)
    }))
    .map_err(|_| "internal error while attributing (a bug: please report this page)".into())
}

/// The reader's batches: items plus how many input files they finish.
struct Batch {
    items: Vec<Item>,
    files_done: u64,
}

/// A prepared batch on its way to the store.
struct Prepared {
    ok: Vec<Incoming>,
    failed: Vec<Failure>,
    items: u64,
    files_done: u64,
}

/// Run `inputs` through the pipeline into `store`. After each stored batch `on_batch` gets
/// the progress so far and the batch's failed inputs. `cancel` is checked between batches:
/// once set, no further batch is stored and the run returns [`Outcome::Cancelled`].
pub fn run<A: Archive + ?Sized>(
    store: &mut A,
    inputs: Vec<Input>,
    pipeline: &Pipeline<'_>,
    cancel: &AtomicBool,
    mut on_batch: impl FnMut(&Progress, &[Failure]),
) -> Result<(Progress, Outcome), IngestError> {
    let batch_size = pipeline.batch.max(1);
    let mut progress = Progress {
        files_total: inputs.len() as u64,
        ..Progress::default()
    };
    let read_limits = pipeline.read_limits.clone();
    let start = Instant::now();
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<Batch>(2);
        scope.spawn(move || read_batches(inputs, &read_limits, batch_size, &tx));
        // Worker: extract and prepare each batch on the pool, one batch ahead of the store.
        let (ptx, prx) = mpsc::sync_channel::<Prepared>(1);
        scope.spawn(move || {
            for b in rx {
                if ptx.send(prepare_batch(b, pipeline)).is_err() {
                    return;
                }
            }
        });
        for b in prx {
            if cancel.load(Ordering::Relaxed) {
                return Ok((progress, Outcome::Cancelled));
            }
            let r = store.ingest(b.ok, b.failed.clone())?;
            progress.pages += b.items;
            progress.added += r.added as u64;
            progress.duplicates += r.duplicates as u64;
            progress.failed += r.failed as u64;
            progress.stories += r.stories as u64;
            progress.files_done += b.files_done;
            progress.batches += 1;
            progress.seconds = start.elapsed().as_secs_f64();
            progress.pages_per_sec = progress.pages as f64 / progress.seconds.max(1e-3);
            tracing::info!(batch = r.batch, added = r.added, "ingest: batch committed");
            on_batch(&progress, &b.failed);
        }
        progress.seconds = start.elapsed().as_secs_f64();
        Ok((progress, Outcome::Finished))
    })
}

/// The reader: inputs into batches of `size` items, sent until the receiver hangs up.
fn read_batches(
    inputs: Vec<Input>,
    limits: &ReadLimits,
    size: usize,
    tx: &mpsc::SyncSender<Batch>,
) {
    let empty = || Batch {
        items: Vec::with_capacity(size),
        files_done: 0,
    };
    let mut cur = empty();
    let push = |it: Item, cur: &mut Batch| -> bool {
        cur.items.push(it);
        if cur.items.len() >= size {
            let full = std::mem::replace(cur, empty());
            return tx.send(full).is_ok();
        }
        true
    };
    for input in inputs {
        match input {
            Input::Records(p) => {
                let mut alive = true;
                read_records(&p, &mut |it| {
                    if alive {
                        alive = push(it, &mut cur);
                    }
                });
                if !alive {
                    return;
                }
            }
            Input::Pages(item) => {
                let docs: stemma_input::Documents = match item {
                    Ok(item) => stemma_input::read(&item, limits),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                };
                for d in docs {
                    let it = match d {
                        Ok(doc) => Item::Doc(doc),
                        Err(e) => Item::Failed(Failure {
                            input: e.path().display().to_string(),
                            reason: e.to_string(),
                        }),
                    };
                    if !push(it, &mut cur) {
                        return;
                    }
                }
            }
        }
        cur.files_done += 1;
    }
    let _ = tx.send(cur);
}

/// Extract and prepare one batch on the pool.
fn prepare_batch(b: Batch, p: &Pipeline<'_>) -> Prepared {
    let items = b.items.len() as u64;
    let outcomes: Vec<Result<Incoming, Failure>> = p.pool.install(|| {
        b.items
            .into_par_iter()
            .map(|it| match it {
                Item::Doc(doc) => extract_one(&doc, &p.limits, Some(p.modes))
                    .map(stemma_store::prepare)
                    .map_err(|reason| Failure {
                        input: label(&doc),
                        reason,
                    }),
                Item::Record(a) => Ok(stemma_store::prepare(*a)),
                Item::Failed(f) => Err(f),
            })
            .collect()
    });
    let mut ok = Vec::with_capacity(outcomes.len());
    let mut failed = Vec::new();
    for o in outcomes {
        match o {
            Ok(i) => ok.push(i),
            Err(f) => failed.push(f),
        }
    }
    Prepared {
        ok,
        failed,
        items,
        files_done: b.files_done,
    }
}

/// How a failed document is named: its path, and its WARC record id where it has one.
fn label(doc: &Document) -> String {
    match &doc.source.warc_record_id {
        Some(id) => format!("{} {id}", doc.source.path),
        None => doc.source.path.clone(),
    }
}
