//! `stemma ingest`: pages (the inputs of `extract`) and record JSONL (as `extract` prints it)
//! into the archive. A reader thread reads documents and records into batches; a worker
//! thread extracts and prepares each batch on all cores (quotes, entities, syndication keys);
//! the main thread stores each batch in one transaction (`stemma_store`). A batch reported done
//! is committed: a kill at any moment loses nothing reported, and running the same command
//! again adds only what is missing (pages are stored once, by URL, else by content).

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use stemma_core::{Article, Document};
use stemma_store::{Archive, Failure, Incoming, Store};

use crate::extract::{extract_one, When, Workers};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Pages (.html .htm .md .txt .warc, any of them .gz), record JSONL (.jsonl .ndjson, as
    /// `stemma extract` prints it), directories (recursive), or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<OsString>,
    /// The data directory (default: $STEMMA_DATA, else ./stemma-data).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Pages per stored batch (each batch is one transaction).
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// Draw a progress bar on stderr.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    progress: When,
    /// Largest document accepted, in MiB; larger ones are recorded as failed.
    #[arg(long, default_value_t = 32)]
    max_mib: usize,
}

/// One input, as the reader hands it on.
enum Item {
    Doc(Document),
    Record(Box<Article>),
    Failed(Failure),
}

/// The reader's batches: items plus how many input files they finish.
struct Batch {
    items: Vec<Item>,
    files_done: u64,
}

/// One input file: record JSONL, or pages for stemma-input.
enum Input {
    Records(PathBuf),
    Pages(Result<stemma_input::InputItem, stemma_input::InputError>),
}

/// The inputs in argument order: directories walked by stemma-input's walker, keeping record
/// files and pages; named files by their name; `-` is pages on standard input.
fn inputs(args: &[OsString]) -> Vec<Input> {
    let mut out = Vec::new();
    for a in args {
        let p = std::path::Path::new(a);
        if a != "-" && p.is_dir() {
            out.extend(
                stemma_input::walk_files(p, |f| {
                    if is_records(&f) {
                        Some(Input::Records(f))
                    } else {
                        let kind = stemma_input::FileKind::from_path(&f)?;
                        Some(Input::Pages(Ok(stemma_input::InputItem::File {
                            path: f,
                            kind,
                        })))
                    }
                })
                .into_iter()
                .map(|r| r.unwrap_or_else(|e| Input::Pages(Err(e)))),
            );
        } else if a != "-" && is_records(p) {
            out.push(Input::Records(p.to_path_buf()));
        } else {
            out.extend(
                stemma_input::expand(std::slice::from_ref(a))
                    .into_iter()
                    .map(Input::Pages),
            );
        }
    }
    out
}

fn is_records(p: &std::path::Path) -> bool {
    let name = p.to_string_lossy();
    [".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"]
        .iter()
        .any(|s| name.ends_with(s))
}

/// Read the records of a JSONL file (gzip undone); a bad line is a failure, the rest go on.
fn read_records(path: &std::path::Path, out: &mut dyn FnMut(Item)) {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            out(Item::Failed(Failure {
                input: path.display().to_string(),
                reason: e.to_string(),
            }));
            return;
        }
    };
    let reader: Box<dyn BufRead> = if path.extension().is_some_and(|x| x == "gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    for (n, line) in reader.split(b'\n').enumerate() {
        let input = format!("{}:{}", path.display(), n + 1);
        match line {
            Err(e) => {
                out(Item::Failed(Failure {
                    input,
                    reason: e.to_string(),
                }));
                return;
            }
            Ok(l) if l.iter().all(u8::is_ascii_whitespace) => {}
            Ok(l) => match serde_json::from_slice::<Article>(&l) {
                Ok(a) => out(Item::Record(Box::new(a))),
                Err(e) => out(Item::Failed(Failure {
                    input,
                    reason: format!("not an article record: {e}"),
                })),
            },
        }
    }
}

fn bar(when: When, files: u64) -> ProgressBar {
    let show = match when {
        When::Always => true,
        When::Never => false,
        When::Auto => std::io::stderr().is_terminal(),
    };
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:30} {pos}/{len} files  {msg}  {elapsed_precise} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

pub fn run(args: Args) -> Result<ExitCode> {
    let dir = stemma_store::data_dir(args.data.clone());
    let mut store = Store::open_write(&dir)?;
    let Workers {
        pool,
        read_limits,
        limits,
        ..
    } = Workers::new(args.jobs, args.max_mib)?;

    let inputs = inputs(&args.paths);
    let files = inputs.len() as u64;
    let bar = bar(args.progress, files);
    let batch_size = args.batch.max(1);

    let (tx, rx) = mpsc::sync_channel::<Batch>(2);
    let reader = std::thread::spawn(move || {
        let mut cur = Batch {
            items: Vec::with_capacity(batch_size),
            files_done: 0,
        };
        let push = |it: Item, cur: &mut Batch| -> bool {
            cur.items.push(it);
            if cur.items.len() >= batch_size {
                let full = std::mem::replace(
                    cur,
                    Batch {
                        items: Vec::with_capacity(batch_size),
                        files_done: 0,
                    },
                );
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
                        Ok(item) => stemma_input::read(&item, &read_limits),
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
    });

    // Worker: extract and prepare each batch on the pool, one batch ahead of the store.
    let (ptx, prx) = mpsc::sync_channel::<(Vec<Incoming>, Vec<Failure>, u64, u64)>(1);
    let worker = std::thread::spawn(move || {
        for b in rx {
            let n = b.items.len() as u64;
            let outcomes: Vec<Result<Incoming, Failure>> = pool.install(|| {
                b.items
                    .into_par_iter()
                    .map(|it| match it {
                        Item::Doc(doc) => {
                            extract_one(&doc, &limits, Some(&[stemma_core::Mode::Speech]))
                                .map(stemma_store::prepare)
                                .map_err(|reason| Failure {
                                    input: label(&doc),
                                    reason,
                                })
                        }
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
            if ptx.send((ok, failed, n, b.files_done)).is_err() {
                return;
            }
        }
    });

    let start = Instant::now();
    let (mut pages_done, mut added, mut dups, mut failed, mut stories) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    let mut result = Ok(());
    for (items, failures, n, files_done) in prx {
        for f in &failures {
            bar.suspend(|| eprintln!("stemma: {}: {}", f.input, f.reason));
        }
        match store.ingest(items, failures) {
            Ok(r) => {
                pages_done += n;
                added += r.added as u64;
                dups += r.duplicates as u64;
                failed += r.failed as u64;
                stories += r.stories as u64;
                bar.inc(files_done);
                let rate = pages_done as f64 / start.elapsed().as_secs_f64().max(1e-3);
                bar.set_message(format!(
                    "{pages_done} pages  {rate:.0} pages/s  {failed} errors"
                ));
                tracing::info!(batch = r.batch, added = r.added, "ingest: batch committed");
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    drop(worker);
    drop(reader);
    bar.finish_and_clear();
    result.with_context(|| format!("storing into {}", dir.display()))?;
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "stemma: {pages_done} pages in {secs:.1} s ({:.0} pages/s): {added} added, {dups} already stored, {failed} failed, {stories} stories changed; data in {}",
        pages_done as f64 / secs.max(1e-3),
        dir.display()
    );
    if failed > 0 {
        eprintln!("stemma: `stemma errors` lists the inputs that failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// How a failed document is named: its path, and its WARC record id where it has one.
fn label(doc: &Document) -> String {
    match &doc.source.warc_record_id {
        Some(id) => format!("{} {id}", doc.source.path),
        None => doc.source.path.clone(),
    }
}
