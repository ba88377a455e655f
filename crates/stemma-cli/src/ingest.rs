//! `stemma ingest`: pages (the inputs of `extract`) and record JSONL (as `extract` prints it)
//! into the archive, through the shared pipeline (`stemma_ingest`: a reader thread, extraction
//! on all cores, one transaction per batch). This file holds the arguments, the progress bar
//! and the summary. A batch reported done is committed: a kill at any moment loses nothing
//! reported, and running the same command again adds only what is missing (pages are stored
//! once, by URL, else by content).

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use stemma_ingest::{inputs, Pipeline};
use stemma_store::Store;

use crate::extract::{When, Workers};

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
    let workers = Workers::new(args.jobs, args.max_mib)?;
    let pipeline = Pipeline::new(
        &workers.pool,
        args.max_mib.saturating_mul(1024 * 1024),
        args.batch,
    );
    let inputs = inputs(&args.paths);
    let bar = bar(args.progress, inputs.len() as u64);
    let never = AtomicBool::new(false);
    let result = stemma_ingest::run(&mut store, inputs, &pipeline, &never, |p, failures| {
        for f in failures {
            bar.suspend(|| eprintln!("stemma: {}: {}", f.input, f.reason));
        }
        bar.set_position(p.files_done);
        bar.set_message(format!(
            "{} pages  {:.0} pages/s  {} errors",
            p.pages, p.pages_per_sec, p.failed
        ));
    });
    bar.finish_and_clear();
    let (p, _) = result.with_context(|| format!("storing into {}", dir.display()))?;
    eprintln!(
        "stemma: {} pages in {:.1} s ({:.0} pages/s): {} added, {} already stored, {} failed, {} stories changed; data in {}",
        p.pages,
        p.seconds,
        p.pages as f64 / p.seconds.max(1e-3),
        p.added,
        p.duplicates,
        p.failed,
        p.stories,
        dir.display()
    );
    if p.failed > 0 {
        eprintln!("stemma: `stemma errors` lists the inputs that failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
