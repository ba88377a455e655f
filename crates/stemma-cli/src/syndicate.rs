//! `stemma syndicate`: article records in (as `stemma extract` prints them), one cluster of
//! copies per line out, with its origin and the edges copy → source.
//!
//! Records are read from JSONL files or JSON arrays of records (as `stemma extract --format
//! json` prints them), directories of them (`*.jsonl`, `*.ndjson`, `*.json`, walked in sorted
//! order) or `-`, prepared on all cores and added to the index in batches. Only `text` is
//! required of a record.
//!
//! With `--index DIR` one run at a time holds `DIR/index.lock`; the index is loaded from
//! `DIR/index.json`, the new records are added (a record whose url — else content hash — is
//! already there is skipped), and the index is written back atomically (temporary file +
//! rename) every few batches and at the end, only when something changed. The index keeps the
//! records added whose stories are not printed yet (`pending`), cleared once they are: an
//! interrupted run loses nothing, and running it again adds what is missing and prints what
//! was not printed. A damaged index is refused with a message naming it; `--rebuild` starts a
//! new one from the records given. Output: the stories that gained a record, or every story
//! with `--all`; `--quotes` prints the quotes that recur across stories instead.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use stemma_core::syndicate::{parse_record, prepare, record_from_value, Index};
use stemma_core::Article;

use crate::extract::{progress_bar, OutFormat, When};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSONL files of article records, directories of them (recursive), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<OsString>,
    #[arg(long, value_enum, default_value_t = OutFormat::Jsonl)]
    format: OutFormat,
    /// Keep the index in DIR (index.json): load it, add the new records, save it.
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// Print every story of the index, not only those that gained a record.
    #[arg(long, requires = "index")]
    all: bool,
    /// Start a new index in DIR from the records given, replacing what is there (a damaged
    /// index, or one an older stemma wrote).
    #[arg(long, requires = "index")]
    rebuild: bool,
    /// Print the quotes found in more than one cluster instead of the clusters.
    #[arg(long)]
    quotes: bool,
    /// Draw a progress bar on stderr.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    progress: When,
}

/// Records prepared and added per batch.
const BATCH: usize = 4096;
/// With --index, save the index after this many batches.
const SAVE_EVERY: usize = 16;
const INDEX_FILE: &str = "index.json";
const LOCK_FILE: &str = "index.lock";
/// The layout of index.json this version writes and reads.
const FORMAT: u32 = 2;

/// The input files in order (directories walked by stemma-input's walker: sorted, hidden
/// entries skipped, link loops walked once, read errors in place); `-` stays `-`.
fn expand(inputs: &[OsString]) -> Vec<Result<PathBuf, String>> {
    let mut out = Vec::new();
    for i in inputs {
        let p = PathBuf::from(i);
        if i == "-" {
            out.push(Ok(p));
        } else if p.is_dir() {
            out.extend(
                stemma_input::walk_files(&p, |f| {
                    f.extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| matches!(x, "jsonl" | "ndjson" | "json"))
                        .then_some(f)
                })
                .into_iter()
                .map(|r| r.map_err(|e| e.to_string())),
            );
        } else if p.exists() {
            out.push(Ok(p));
        } else {
            out.push(Err(format!("{}: no such file or directory", p.display())));
        }
    }
    out
}

fn index_path(dir: &Path) -> PathBuf {
    dir.join(INDEX_FILE)
}

/// index.json: the index and the records whose stories are not printed yet.
#[derive(Serialize)]
struct SavedRef<'a> {
    format: u32,
    pending: &'a [u32],
    index: &'a Index,
}

#[derive(Deserialize)]
struct Saved {
    format: u32,
    #[serde(default)]
    pending: Vec<u32>,
    index: Index,
}

/// Take DIR's lock for this run (released when the file is closed, at exit at the latest).
fn lock(dir: &Path) -> Result<File> {
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let p = dir.join(LOCK_FILE);
    let f = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&p)
        .with_context(|| format!("opening {}", p.display()))?;
    match f.try_lock() {
        Ok(()) => Ok(f),
        Err(fs::TryLockError::WouldBlock) => bail!(
            "another `stemma syndicate` run is using the index in {} (it holds {}); \
             wait for it to finish",
            dir.display(),
            p.display()
        ),
        Err(fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("locking {}", p.display()))
        }
    }
}

/// Load DIR/index.json (an empty index when there is none).
fn load_index(dir: &Path) -> Result<(Index, Vec<u32>)> {
    let p = index_path(dir);
    let f = match File::open(&p) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Index::default(), vec![])),
        Err(e) => return Err(e).with_context(|| format!("opening {}", p.display())),
    };
    let rebuild = format!(
        "rebuild it from the records with `stemma syndicate --index {} --rebuild INPUT...`",
        dir.display()
    );
    match serde_json::from_reader::<_, Saved>(BufReader::new(f)) {
        Ok(s) if s.format == FORMAT => {
            let n = s.index.len() as u32;
            let pending = s.pending.into_iter().filter(|&d| d < n).collect();
            Ok((s.index, pending))
        }
        Ok(s) => bail!(
            "the index {} has format {}, this stemma reads format {FORMAT}; {rebuild}",
            p.display(),
            s.format
        ),
        Err(e) if e.is_data() && looks_old(&p) => bail!(
            "the index {} was written by an older stemma; {rebuild}",
            p.display()
        ),
        Err(e) => bail!("the index {} is damaged ({e}); {rebuild}", p.display()),
    }
}

/// Is this a well-formed index of the first layout (the index alone, no `format`)?
fn looks_old(p: &Path) -> bool {
    #[derive(Deserialize)]
    struct Old {
        #[allow(dead_code)]
        docs: serde::de::IgnoredAny,
    }
    File::open(p)
        .ok()
        .and_then(|f| serde_json::from_reader::<_, Old>(BufReader::new(f)).ok())
        .is_some()
}

/// Write the index to DIR/index.json whole (a temporary file and a rename), so a reader (or
/// an interruption) never sees half an index.
fn save_index(dir: &Path, ix: &Index, pending: &[u32]) -> Result<()> {
    let saved = SavedRef {
        format: FORMAT,
        pending,
        index: ix,
    };
    let p = index_path(dir);
    stemma_input::write_atomic(&p, |w| {
        serde_json::to_writer(w, &saved).map_err(io::Error::from)
    })
    .with_context(|| format!("writing {}", p.display()))
}

/// Is the first byte that is not white space `[` (a JSON array of records)?
fn starts_array(r: &mut dyn BufRead) -> io::Result<bool> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let skip = buf
            .iter()
            .take_while(|b| b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF))
            .count();
        if skip < buf.len() {
            let first = buf[skip];
            r.consume(skip);
            return Ok(first == b'[');
        }
        let n = buf.len();
        r.consume(n);
    }
}

/// Stream the elements of a JSON array to `f` (one at a time: memory stays bounded by the
/// largest record), numbered from 1. A syntax error ends the array.
fn each_element(
    r: &mut dyn BufRead,
    f: &mut dyn FnMut(usize, serde_json::Value) -> Result<()>,
) -> Result<(), ArrayError> {
    struct V<'a> {
        f: &'a mut dyn FnMut(usize, serde_json::Value) -> Result<()>,
        failed: &'a mut Option<anyhow::Error>,
    }
    impl<'de> serde::de::Visitor<'de> for V<'_> {
        type Value = ();
        fn expecting(&self, fmt: &mut std::fmt::Formatter) -> std::fmt::Result {
            fmt.write_str("an array of article records")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let mut n = 0;
            while let Some(v) = seq.next_element::<serde_json::Value>()? {
                n += 1;
                if let Err(e) = (self.f)(n, v) {
                    *self.failed = Some(e);
                    return Err(serde::de::Error::custom("stopped"));
                }
            }
            Ok(())
        }
    }
    let mut failed = None;
    let mut de = serde_json::Deserializer::from_reader(r);
    let res = serde::Deserializer::deserialize_seq(
        &mut de,
        V {
            f,
            failed: &mut failed,
        },
    );
    match (res, failed) {
        (_, Some(e)) => Err(ArrayError::Stopped(e)),
        (Err(e), None) => Err(ArrayError::Syntax(e)),
        (Ok(()), None) => Ok(()),
    }
}

enum ArrayError {
    /// The callback failed (the index): the run stops.
    Stopped(anyhow::Error),
    /// The file is not a well-formed array from some point on.
    Syntax(serde_json::Error),
}

pub fn run(args: Args) -> Result<ExitCode> {
    let _lock = match &args.index {
        Some(dir) => Some(lock(dir)?),
        None => None,
    };
    let (mut ix, mut pending) = match &args.index {
        Some(_) if args.rebuild => (Index::default(), Vec::new()),
        Some(dir) => load_index(dir)?,
        None => (Index::default(), Vec::new()),
    };
    // Whether the index in DIR differs from what is saved there.
    let mut dirty = args.rebuild;
    let bar = progress_bar(args.progress, "records");

    let mut failures = 0u64;
    let mut added = 0usize;
    let mut skipped = 0usize;
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut batches = 0usize;
    let mut flush =
        |batch: &mut Vec<Article>, ix: &mut Index, pending: &mut Vec<u32>| -> Result<()> {
            if batch.is_empty() {
                return Ok(());
            }
            let prepared: Vec<_> = batch.par_iter().map(prepare).collect();
            let n = batch.len() as u64;
            batch.clear();
            let report = ix.add_batch(prepared)?;
            skipped += report.skipped;
            added += report.added.len();
            dirty |= !report.added.is_empty();
            pending.extend_from_slice(&report.added);
            bar.inc(n);
            batches += 1;
            if let Some(dir) = &args.index {
                if batches >= SAVE_EVERY && dirty {
                    batches = 0;
                    save_index(dir, ix, pending)?;
                    dirty = false;
                }
            }
            Ok(())
        };

    for input in expand(&args.inputs) {
        let path = match input {
            Ok(p) => p,
            Err(message) => {
                failures += 1;
                bar.suspend(|| say!("{message}"));
                continue;
            }
        };
        let (name, mut reader): (String, Box<dyn BufRead>) = if path.as_os_str() == "-" {
            ("-".into(), Box::new(BufReader::new(io::stdin().lock())))
        } else {
            match File::open(&path) {
                Ok(f) => (
                    path.display().to_string(),
                    Box::new(BufReader::with_capacity(1 << 16, f)),
                ),
                Err(e) => {
                    failures += 1;
                    bar.suspend(|| say!("{}: {e}", path.display()));
                    continue;
                }
            }
        };
        match starts_array(&mut reader) {
            Ok(true) => {
                let mut on = |n: usize, v: serde_json::Value| -> Result<()> {
                    match record_from_value(v) {
                        Ok(a) => {
                            batch.push(a);
                            if batch.len() >= BATCH {
                                flush(&mut batch, &mut ix, &mut pending)?;
                            }
                        }
                        Err(e) => {
                            failures += 1;
                            bar.suspend(|| say!("{name}: record {n}: {e}"));
                        }
                    }
                    Ok(())
                };
                match each_element(&mut reader, &mut on) {
                    Ok(()) => {}
                    Err(ArrayError::Stopped(e)) => return Err(e),
                    Err(ArrayError::Syntax(e)) => {
                        failures += 1;
                        bar.suspend(|| say!("{name}:{}: {e}", e.line()));
                    }
                }
                continue;
            }
            Ok(false) => {}
            Err(e) => {
                failures += 1;
                bar.suspend(|| say!("{name}: {e}"));
                continue;
            }
        }
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    failures += 1;
                    bar.suspend(|| say!("{name}:{}: {e}", n + 1));
                    break;
                }
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match parse_record(&line) {
                Ok(a) => {
                    batch.push(a);
                    if batch.len() >= BATCH {
                        flush(&mut batch, &mut ix, &mut pending)?;
                    }
                }
                Err(e) => {
                    failures += 1;
                    bar.suspend(|| say!("{name}:{}: {e}", n + 1));
                }
            }
        }
    }
    flush(&mut batch, &mut ix, &mut pending)?;
    if let Some(dir) = &args.index {
        if dirty {
            save_index(dir, &ix, &pending)?;
        }
    }
    bar.finish_and_clear();
    tracing::info!(added, skipped, "syndicate: records added");

    let out = io::stdout().lock();
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let written = if args.quotes {
        write_all(&mut out, args.format, ix.quote_spread().iter())
    } else {
        let clusters = if args.all || args.index.is_none() {
            ix.clusters()
        } else {
            ix.clusters_of(&pending)
        };
        write_all(&mut out, args.format, clusters.iter().map(|m| ix.story(m)))
    };
    if let Err(e) = written.and_then(|()| out.flush().map_err(Into::into)) {
        if crate::is_broken_pipe(&e) {
            // Not every story was read: they stay pending for the next run.
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e);
    }
    // Every story that gained a record is printed: nothing is pending any more.
    if let Some(dir) = &args.index {
        if !args.quotes && !pending.is_empty() {
            pending.clear();
            save_index(dir, &ix, &pending)?;
        }
    }
    if failures > 0 {
        say!("{failures} inputs or lines could not be read");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_all<T: serde::Serialize>(
    out: &mut impl Write,
    format: OutFormat,
    items: impl Iterator<Item = T>,
) -> Result<()> {
    let mut first = true;
    if format == OutFormat::Json {
        out.write_all(b"[")?;
    }
    for item in items {
        if format == OutFormat::Json {
            out.write_all(if first { b"\n" } else { b",\n" })?;
        }
        first = false;
        // Serialised first, so a closed pipe surfaces as the io::Error it is.
        let bytes = serde_json::to_vec(&item)?;
        out.write_all(&bytes)?;
        if format == OutFormat::Jsonl {
            out.write_all(b"\n")?;
        }
    }
    if format == OutFormat::Json {
        out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    }
    Ok(())
}
