//! `stemma syndicate`: article records in (as `stemma extract` prints them), one cluster of
//! copies per line out, with its origin and the edges copy → source.
//!
//! Records are read from JSONL files, directories of them (`*.jsonl`, `*.ndjson`, `*.json`,
//! walked in sorted order) or `-`, prepared on all cores and added to the index in batches.
//! With `--index DIR` the index is loaded from `DIR/index.json`, the new records are added (a
//! record whose url — else `source.path` — is already there is skipped), and the index is
//! written back atomically (temporary file + rename) every few batches and at the end: an
//! interrupted run loses nothing, and running it again adds only what is missing. Output: the
//! clusters that gained a record in this run, or every cluster with `--all`; `--quotes` prints
//! the quotes that recur across clusters instead.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use rayon::prelude::*;
use stemma_core::syndicate::{prepare, Index};
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
    /// Print every cluster of the index, not only those that gained a record in this run.
    #[arg(long, requires = "index")]
    all: bool,
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

/// The input files in order (directories walked, sorted); `-` stays `-`.
fn expand(inputs: &[OsString]) -> Vec<Result<PathBuf, String>> {
    let mut out = Vec::new();
    for i in inputs {
        let p = PathBuf::from(i);
        if i == "-" {
            out.push(Ok(p));
        } else if p.is_dir() {
            walk(&p, &mut out);
        } else if p.exists() {
            out.push(Ok(p));
        } else {
            out.push(Err(format!("{}: no such file or directory", p.display())));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, String>>) {
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        let rd = match fs::read_dir(&d) {
            Ok(rd) => rd,
            Err(e) => {
                out.push(Err(format!("{}: {e}", d.display())));
                continue;
            }
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| matches!(x, "jsonl" | "ndjson" | "json"))
            {
                files.push(p);
            }
        }
    }
    files.sort();
    out.extend(files.into_iter().map(Ok));
}

fn index_path(dir: &Path) -> PathBuf {
    dir.join(INDEX_FILE)
}

fn load_index(dir: &Path) -> Result<Index> {
    let p = index_path(dir);
    match File::open(&p) {
        Ok(f) => serde_json::from_reader(BufReader::new(f))
            .with_context(|| format!("reading the index {}", p.display())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Index::default()),
        Err(e) => Err(e).with_context(|| format!("opening {}", p.display())),
    }
}

/// Write the index to DIR/index.json through a temporary file and a rename, so a reader (or
/// an interruption) never sees half an index.
fn save_index(dir: &Path, ix: &Index) -> Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let tmp = dir.join(format!("{INDEX_FILE}.tmp"));
    {
        let f = File::create(&tmp).with_context(|| format!("writing {}", tmp.display()))?;
        let mut w = BufWriter::new(f);
        serde_json::to_writer(&mut w, ix)?;
        w.flush()?;
        w.get_ref().sync_all()?;
    }
    fs::rename(&tmp, index_path(dir))
        .with_context(|| format!("renaming {} into place", tmp.display()))?;
    Ok(())
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut ix = match &args.index {
        Some(dir) => load_index(dir)?,
        None => Index::default(),
    };
    let bar = progress_bar(args.progress, "records");

    let mut failures = 0u64;
    let mut added: Vec<u32> = Vec::new();
    let mut skipped = 0usize;
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut batches = 0usize;
    let mut flush = |batch: &mut Vec<Article>, ix: &mut Index| -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let prepared: Vec<_> = batch.par_iter().map(prepare).collect();
        let n = batch.len() as u64;
        batch.clear();
        let report = ix.add_batch(prepared)?;
        skipped += report.skipped;
        added.extend_from_slice(&report.added);
        bar.inc(n);
        batches += 1;
        if let Some(dir) = &args.index {
            if batches >= SAVE_EVERY {
                batches = 0;
                save_index(dir, ix)?;
            }
        }
        Ok(())
    };

    for input in expand(&args.inputs) {
        let path = match input {
            Ok(p) => p,
            Err(message) => {
                failures += 1;
                bar.suspend(|| eprintln!("stemma: {message}"));
                continue;
            }
        };
        let (name, reader): (String, Box<dyn BufRead>) = if path.as_os_str() == "-" {
            ("-".into(), Box::new(BufReader::new(io::stdin().lock())))
        } else {
            match File::open(&path) {
                Ok(f) => (
                    path.display().to_string(),
                    Box::new(BufReader::with_capacity(1 << 16, f)),
                ),
                Err(e) => {
                    failures += 1;
                    bar.suspend(|| eprintln!("stemma: {}: {e}", path.display()));
                    continue;
                }
            }
        };
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    failures += 1;
                    bar.suspend(|| eprintln!("stemma: {name}:{}: {e}", n + 1));
                    break;
                }
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Article>(&line) {
                Ok(a) => {
                    batch.push(a);
                    if batch.len() >= BATCH {
                        flush(&mut batch, &mut ix)?;
                    }
                }
                Err(e) => {
                    failures += 1;
                    bar.suspend(|| {
                        eprintln!("stemma: {name}:{}: not an article record: {e}", n + 1)
                    });
                }
            }
        }
    }
    flush(&mut batch, &mut ix)?;
    if let Some(dir) = &args.index {
        save_index(dir, &ix)?;
    }
    bar.finish_and_clear();
    tracing::info!(added = added.len(), skipped, "syndicate: records added");

    let out = io::stdout().lock();
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let written = if args.quotes {
        write_all(&mut out, args.format, ix.quote_spread().iter())
    } else {
        let clusters = if args.all || args.index.is_none() {
            ix.clusters()
        } else {
            ix.clusters_of(&added)
        };
        write_all(&mut out, args.format, clusters.iter().map(|m| ix.story(m)))
    };
    if let Err(e) = written.and_then(|()| out.flush().map_err(Into::into)) {
        if crate::is_broken_pipe(&e) {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e);
    }
    if failures > 0 {
        eprintln!("stemma: {failures} inputs or lines could not be read");
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
