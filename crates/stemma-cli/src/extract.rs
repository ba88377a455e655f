//! `stemma extract`: paths in, one JSON article per document out, in input order.
//!
//! Pipeline: a reader thread expands the paths and reads documents (gzip, WARC) into
//! batches; the main thread extracts each batch on a rayon pool and writes the records in
//! input order. With `--output FILE`, a checkpoint (`FILE.progress`: documents done and the
//! output length at that point) is written after every batch, so `--resume` after an
//! interruption truncates the half-written tail and skips exactly the documents already done:
//! nothing lost, nothing duplicated.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use stemma_core::{Article, Document};
use stemma_ingest::{annotate_one, extract_one};
use stemma_input::{InputError, ReadLimits};

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutFormat {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array of objects.
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum When {
    Auto,
    Always,
    Never,
}

/// A spinner counting `unit` on stderr: drawn on a terminal (or always / never, as asked).
/// `always` on a stderr that is no terminal writes plain lines instead, one a second.
pub fn progress_bar(when: When, unit: &str) -> ProgressBar {
    let terminal = io::stderr().is_terminal();
    let target = match when {
        When::Never => ProgressDrawTarget::hidden(),
        When::Auto if !terminal => ProgressDrawTarget::hidden(),
        When::Always if !terminal => {
            ProgressDrawTarget::term_like(Box::new(crate::report::PlainLines::default()))
        }
        When::Auto | When::Always => ProgressDrawTarget::stderr(),
    };
    let bar = ProgressBar::with_draw_target(None, target);
    bar.set_style(
        ProgressStyle::with_template(&format!(
            "{{spinner}} {{pos}} {unit}  {{per_sec}}  {{elapsed_precise}}  {{msg}}"
        ))
        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files (.html .htm .md .txt .warc, any of them .gz), directories (recursive), or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<OsString>,
    #[arg(long, value_enum, default_value_t = OutFormat::Jsonl)]
    format: OutFormat,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Write records to FILE instead of standard output (enables --resume).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Continue an interrupted run that wrote to --output, skipping the documents already done.
    #[arg(long, requires = "output")]
    resume: bool,
    /// Draw a progress bar on stderr.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    progress: When,
    /// Largest document accepted, in MiB (at least 1); larger ones are reported and skipped.
    #[arg(long, default_value_t = 32, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    max_mib: usize,
    /// Leave out attribution (`quotes`) and `entities`: extraction only.
    #[arg(long)]
    no_attribution: bool,
    /// Which attributions a record's `quotes` carry: speech, thought, evidence (comma-separated).
    #[arg(long, value_delimiter = ',', value_parser = crate::attribute::parse_mode, default_value = "speech")]
    modes: Vec<stemma_core::Mode>,
}

/// Documents extracted per batch (per worker). Small batches keep few pages in flight between
/// the reader and the workers, so that a page is read into memory an earlier page has freed
/// (32 a batch instead of 8 was about a thirtieth more of the whole one-worker run, most of it
/// the system zeroing fresh memory).
const BATCH_PER_JOB: usize = 8;
/// A checkpoint is written once this many documents per worker are done since the last one
/// (after the batch that reaches it): each costs a sync of the output.
const CHECKPOINT_PER_JOB: u64 = 32;
/// A batch closes early once it holds this many bytes, to bound memory.
const BATCH_BYTES: usize = 128 * 1024 * 1024;

enum Item {
    Doc(Document),
    /// A path or record that could not be read: the message names the path.
    Failed(String),
}

pub fn run(args: Args) -> Result<ExitCode> {
    let Workers {
        jobs,
        pool,
        read_limits,
        limits,
    } = Workers::new(args.jobs, args.max_mib)?;

    // Output and checkpoint.
    let mut skip = 0u64;
    // Bytes of the output kept from the interrupted run (JSON: at least its opening "[").
    let mut kept = 0u64;
    let (mut out, checkpoint): (Box<dyn Write>, Option<Checkpoint>) = match &args.output {
        None => (
            Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
            None,
        ),
        Some(path) => {
            let mut cp = Checkpoint::new(path, run_identity(&args));
            let mut file = OpenOptions::new()
                .create(true)
                .write(true)
                .read(true)
                .truncate(false)
                .open(path)
                .with_context(|| format!("opening {}", path.display()))?;
            let (done, len) = if args.resume {
                match cp.load()? {
                    Loaded::Progress { done, len } => (done, len),
                    Loaded::Complete => {
                        say!(
                            "{} is complete (no checkpoint): nothing to resume",
                            path.display()
                        );
                        return Ok(ExitCode::SUCCESS);
                    }
                    Loaded::OtherRun(theirs) => {
                        say!(
                            "{} was written by a run with other inputs or options; --resume continues only the same command.\n  that run: {theirs}\n  this run: {}\nRun without --resume to start over.",
                            path.display(),
                            cp.identity
                        );
                        return Ok(ExitCode::from(2));
                    }
                }
            } else {
                (0, 0)
            };
            let actual = file.metadata()?.len();
            if actual < len {
                bail!(
                    "{} holds {actual} bytes but its checkpoint says {len} were written: the output was lost or changed; refusing to resume",
                    path.display()
                );
            }
            file.set_len(len)
                .with_context(|| format!("truncating {}", path.display()))?;
            file.seek(SeekFrom::End(0))?;
            skip = done;
            kept = len;
            cp.sync = Some(file.try_clone()?);
            cp.save(done)?;
            if args.resume && done > 0 {
                say!("resuming after {done} documents");
            }
            (Box::new(BufWriter::with_capacity(1 << 16, file)), Some(cp))
        }
    };

    let bar = progress_bar(args.progress, "documents");

    // Reader thread: expand paths, read documents, hand over batches in order.
    let batch_docs = BATCH_PER_JOB * jobs;
    let (tx, rx) = mpsc::sync_channel::<Vec<Item>>(2);
    let paths = args.paths.clone();
    let reader = std::thread::spawn(move || {
        let mut batch = Vec::with_capacity(batch_docs);
        let mut bytes = 0usize;
        let mut seen = 0u64;
        for item in stemma_input::expand(&paths) {
            let docs: Box<dyn Iterator<Item = Result<Document, InputError>>> = match item {
                Ok(item) => stemma_input::read(&item, &read_limits),
                Err(e) => Box::new(std::iter::once(Err(e))),
            };
            for d in docs {
                seen += 1;
                if seen <= skip {
                    continue;
                }
                let it = match d {
                    Ok(doc) => {
                        bytes += doc.bytes.len();
                        Item::Doc(doc)
                    }
                    Err(e) => Item::Failed(e.to_string()),
                };
                batch.push(it);
                if batch.len() >= batch_docs || bytes >= BATCH_BYTES {
                    bytes = 0;
                    if tx
                        .send(std::mem::replace(
                            &mut batch,
                            Vec::with_capacity(batch_docs),
                        ))
                        .is_err()
                    {
                        return;
                    }
                }
            }
        }
        if !batch.is_empty() {
            let _ = tx.send(batch);
        }
    });

    let mut failures = 0u64;
    let mut done = skip;
    // Documents done at the last checkpoint.
    let mut saved = skip;
    // A resumed JSON array has its "[" already, and records after it if it is longer.
    let mut first = kept <= 1;
    if args.format == OutFormat::Json && kept == 0 {
        out.write_all(b"[")?;
    }
    let mut result: Result<()> = Ok(());
    for batch in rx {
        // The batch is extracted first and attributed after, so that each engine's tables
        // stay in the cache from one page to the next (about a twentieth off the whole run).
        let extract = |it: Item| match it {
            Item::Doc(doc) => match extract_one(&doc, &limits, None) {
                Ok(a) => Ok((a, doc)),
                Err(e) => Err(format!("{}: {e}", where_from(&doc))),
            },
            Item::Failed(message) => Err(message),
        };
        let annotate = |r: Result<(Article, Document), String>| {
            let (mut a, doc) = r?;
            if !args.no_attribution {
                annotate_one(&mut a, &args.modes)
                    .map_err(|e| format!("{}: {e}", where_from(&doc)))?;
            }
            Ok(a)
        };
        let outcomes: Vec<Result<Article, String>> = if jobs == 1 {
            // One worker: this thread does the work (no hand-over to a pool thread).
            let extracted: Vec<_> = batch.into_iter().map(extract).collect();
            extracted.into_iter().map(annotate).collect()
        } else {
            pool.install(|| {
                let extracted: Vec<_> = batch.into_par_iter().map(extract).collect();
                extracted.into_par_iter().map(annotate).collect()
            })
        };
        let n = outcomes.len() as u64;
        let step = (|| -> Result<()> {
            for o in outcomes {
                match o {
                    Ok(article) => {
                        if args.format == OutFormat::Json {
                            out.write_all(if first { b"\n" } else { b",\n" })?;
                        }
                        first = false;
                        serde_json::to_writer(&mut out, &article)?;
                        if args.format == OutFormat::Jsonl {
                            out.write_all(b"\n")?;
                        }
                    }
                    Err(message) => {
                        failures += 1;
                        bar.suspend(|| say!("{message}"));
                    }
                }
            }
            out.flush()?;
            Ok(())
        })();
        if let Err(e) = step {
            result = Err(e);
            break;
        }
        done += n;
        bar.inc(n);
        if let Some(cp) = checkpoint
            .as_ref()
            .filter(|_| done - saved >= CHECKPOINT_PER_JOB * jobs as u64)
        {
            saved = done;
            if let Err(e) = cp.save(done) {
                result = Err(e);
                break;
            }
        }
    }
    drop(reader);
    if let Err(e) = result {
        bar.finish_and_clear();
        if crate::is_broken_pipe(&e) {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e);
    }
    if args.format == OutFormat::Json {
        out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    }
    if let Err(e) = out.flush() {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e.into());
    }
    bar.finish_and_clear();
    if let Some(cp) = &checkpoint {
        cp.finish();
    }
    if failures > 0 {
        say!("{failures} of {} documents failed", done - skip);
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Where a document came from, for an error line: its path, and for a WARC record its URL.
fn where_from(doc: &Document) -> String {
    match (&doc.source.url, &doc.source.warc_record_id) {
        (Some(url), Some(id)) => format!("{} (WARC record {id}, {url})", doc.source.path),
        (Some(url), None) => format!("{} ({url})", doc.source.path),
        (None, Some(id)) => format!("{} (WARC record {id})", doc.source.path),
        (None, None) => doc.source.path.clone(),
    }
}

/// What a checkpoint belongs to: the inputs (absolute where they exist), the format and the
/// options that change the records. `--resume` continues only the same run.
fn run_identity(args: &Args) -> String {
    let paths: Vec<String> = args
        .paths
        .iter()
        .map(|p| {
            let p = Path::new(p);
            if p == Path::new("-") {
                "-".to_owned()
            } else {
                std::fs::canonicalize(p)
                    .unwrap_or_else(|_| p.to_path_buf())
                    .display()
                    .to_string()
            }
        })
        .collect();
    serde_json::json!({
        "paths": paths,
        "format": format!("{:?}", args.format).to_lowercase(),
        "max_mib": args.max_mib,
        "no_attribution": args.no_attribution,
        "modes": args.modes,
    })
    .to_string()
}

/// The worker pool and the size limits of `--jobs` and `--max-mib`.
pub(crate) struct Workers {
    pub jobs: usize,
    pub pool: rayon::ThreadPool,
    pub read_limits: ReadLimits,
    pub limits: stemma_core::Limits,
}

impl Workers {
    pub fn new(jobs: Option<usize>, max_mib: usize) -> Result<Self> {
        let jobs = jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .context("starting worker threads")?;
        let (read_limits, limits) = stemma_ingest::limits(max_mib.saturating_mul(1024 * 1024));
        Ok(Workers {
            jobs,
            pool,
            read_limits,
            limits,
        })
    }
}

/// What `--resume` found.
enum Loaded {
    /// Documents done and the output's length after them.
    Progress { done: u64, len: u64 },
    /// The output exists and no checkpoint does: the run finished.
    Complete,
    /// The checkpoint belongs to another run (its identity).
    OtherRun(String),
}

/// `OUTPUT.progress`: "done LEN" after each batch, then a line naming the run it belongs to
/// ([`run_identity`]); written by rename so it is never torn.
struct Checkpoint {
    path: PathBuf,
    output: PathBuf,
    identity: String,
    /// A handle on the output, to make its bytes durable before the checkpoint names them.
    sync: Option<File>,
}

impl Checkpoint {
    fn new(output: &Path, identity: String) -> Self {
        let mut p = output.as_os_str().to_owned();
        p.push(".progress");
        Checkpoint {
            path: PathBuf::from(p),
            output: output.to_path_buf(),
            identity,
            sync: None,
        }
    }

    fn load(&self) -> Result<Loaded> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // The checkpoint exists from before the first byte is written until the run
                // finishes: an output without one is complete (u64::MAX says so).
                let len = std::fs::metadata(&self.output)
                    .map(|m| m.len())
                    .unwrap_or(0);
                return Ok(if len > 0 {
                    Loaded::Complete
                } else {
                    Loaded::Progress { done: 0, len: 0 }
                });
            }
            Err(e) => return Err(e).with_context(|| format!("reading {}", self.path.display())),
        };
        let (counts, identity) = text.split_once('\n').unwrap_or((&text, ""));
        let mut it = counts.split_whitespace().map(str::parse::<u64>);
        let (done, len) = match (it.next(), it.next()) {
            (Some(Ok(done)), Some(Ok(len))) => (done, len),
            _ => bail!("{} is not a stemma checkpoint", self.path.display()),
        };
        let identity = identity.trim();
        if identity.is_empty() {
            // Written by a stemma that did not record its run: nothing to check it against.
            say!(
                "{} does not record the run it belongs to (an older stemma wrote it): resuming without checking the inputs",
                self.path.display()
            );
        } else if identity != self.identity {
            return Ok(Loaded::OtherRun(identity.to_owned()));
        }
        Ok(Loaded::Progress { done, len })
    }

    fn save(&self, done: u64) -> Result<()> {
        if let Some(f) = &self.sync {
            f.sync_data()?;
        }
        let len = std::fs::metadata(&self.output)?.len();
        stemma_input::write_atomic(&self.path, |w| {
            writeln!(w, "{done} {len}\n{}", self.identity)
        })?;
        Ok(())
    }

    fn finish(&self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
