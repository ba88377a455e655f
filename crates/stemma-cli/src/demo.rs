//! `stemma demo`: a small invented news corpus (compiled into the binary, from `demo/`), plus
//! the seed page when `../shared/seed` (or `$STEMMA_SHARED/seed`) is there, ingested into a
//! temporary archive that `stemma serve`'s UI then shows. The corpus has outlets that copy,
//! excerpt and quote each other: an origin story republished with a notice, copied again with
//! the notice dropped and the byline changed, excerpted inside another piece, a roundup that
//! quotes two unrelated stories, officials quoted over five weeks, and an armed group under
//! two names.

use std::ffi::OsString;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use rayon::prelude::*;
use stemma_core::{Document, Format, Source};
use stemma_server::ServerConfig;
use stemma_store::{Archive, Failure, Incoming, Store};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The address to listen on (loopback: the demo has no token).
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Keep the archive in DIR (created if missing) instead of a temporary directory.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Keep the temporary archive on exit (its path is printed).
    #[arg(long)]
    keep: bool,
    /// Also ingest these pages (the browser tests' hostile fixture).
    #[arg(long = "with", value_name = "PATH", hide = true)]
    with: Vec<OsString>,
}

/// One embedded page: its name under `demo/` and its bytes.
macro_rules! pages {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../demo/", $name)))),*]
    };
}

/// The demo corpus, in the order it is ingested.
pub(crate) const CORPUS: &[(&str, &[u8])] = pages![
    "01-harbour-ledger-talks-stall.html",
    "02-valley-dispatch-talks-stall.html",
    "03-northgate-courier-harbour-not-for-sale.html",
    "04-meridian-post-dock-workers-wait.html",
    "05-coastline-herald-rationing.html",
    "06-pinewood-times-rationing.md",
    "07-orrin-valley-voice-taps-run-dry.html",
    "08-riverside-digest-week-in-caldria.html",
    "09-selk-observer-villages-raided.html",
    "10-pinewood-times-villages-raided.html",
    "11-harbour-ledger-fighters-seen.html",
    "12-coastline-herald-lake-falls.html",
    "13-valley-dispatch-governors.html",
    "14-meridian-post-insurers.html",
    "15-lirra-notebook-mayor.md",
    "16-harbour-ledger-talks-resume.html",
    "17-northgate-courier-growers.md",
    "18-coastline-herald-first-rain.html",
];

/// The embedded pages as documents (`demo/NAME`).
fn corpus() -> Vec<Document> {
    CORPUS
        .iter()
        .map(|(name, bytes)| {
            let format = if name.ends_with(".md") {
                Format::Markdown
            } else {
                Format::Html
            };
            Document {
                source: Source::file(format!("demo/{name}"), format),
                content_format: format,
                bytes: bytes.to_vec(),
                http_charset: None,
            }
        })
        .collect()
}

/// The seed folder: `$STEMMA_SHARED/seed`, else `../shared/seed`, where it exists.
fn seed_dir() -> Option<PathBuf> {
    let shared = std::env::var_os("STEMMA_SHARED")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"));
    Some(shared.join("seed")).filter(|p| p.is_dir())
}

/// What [`build`] stored.
#[derive(Debug, Default)]
pub(crate) struct Built {
    pub pages: usize,
    pub added: usize,
    pub failed: Vec<Failure>,
}

/// Read `paths` (files or directories, as `stemma ingest` takes them) into documents; what
/// cannot be read is a failure.
fn read_paths(paths: &[OsString]) -> (Vec<Document>, Vec<Failure>) {
    let limits = stemma_input::ReadLimits::default();
    let (mut docs, mut failed) = (Vec::new(), Vec::new());
    for item in stemma_input::expand(paths) {
        let read: stemma_input::Documents = match item {
            Ok(item) => stemma_input::read(&item, &limits),
            Err(e) => Box::new(std::iter::once(Err(e))),
        };
        for d in read {
            match d {
                Ok(doc) => docs.push(doc),
                Err(e) => failed.push(Failure {
                    input: e.path().display().to_string(),
                    reason: e.to_string(),
                }),
            }
        }
    }
    (docs, failed)
}

/// Extract and attribute one document as `stemma ingest` does (speech quotes, entities).
fn extract(doc: &Document) -> Result<Incoming, Failure> {
    let limits = stemma_core::Limits::default();
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut a = stemma_core::extract::extract_with(doc, &limits)?;
        stemma_core::attrib::annotate_with(&mut a, &[stemma_core::Mode::Speech]);
        Ok::<_, stemma_core::ExtractError>(a)
    }));
    match out {
        Ok(Ok(a)) => Ok(stemma_store::prepare(a)),
        Ok(Err(e)) => Err(Failure {
            input: doc.source.path.clone(),
            reason: e.to_string(),
        }),
        Err(_) => Err(Failure {
            input: doc.source.path.clone(),
            reason: "internal error while extracting (a bug: please report this page)".into(),
        }),
    }
}

/// Ingest the demo corpus, the pages in `seed` (a folder) and `extra` into the archive in
/// `dir`, in one batch.
pub(crate) fn build(dir: &Path, seed: Option<&Path>, extra: &[OsString]) -> Result<Built> {
    let mut docs = corpus();
    let mut paths: Vec<OsString> = seed.map(|s| s.as_os_str().to_owned()).into_iter().collect();
    paths.extend(extra.iter().cloned());
    let (more, mut failed) = read_paths(&paths);
    docs.extend(more);
    let outcomes: Vec<Result<Incoming, Failure>> = docs.par_iter().map(extract).collect();
    let mut items = Vec::with_capacity(outcomes.len());
    for o in outcomes {
        match o {
            Ok(i) => items.push(i),
            Err(f) => failed.push(f),
        }
    }
    let pages = docs.len();
    let mut store = Store::open_write(dir)?;
    let report = store
        .ingest(items, failed.clone())
        .with_context(|| format!("storing the demo into {}", dir.display()))?;
    Ok(Built {
        pages,
        added: report.added,
        failed,
    })
}

pub fn run(args: Args) -> Result<ExitCode> {
    // The archive's folder: --data, else a temporary one removed on exit unless --keep.
    let temp = match &args.data {
        Some(_) => None,
        None => Some(
            tempfile::Builder::new()
                .prefix("stemma-demo-")
                .tempdir()
                .context("creating a temporary data directory")?,
        ),
    };
    let dir = match (&args.data, &temp) {
        (Some(d), _) => d.clone(),
        (None, Some(t)) => t.path().to_path_buf(),
        (None, None) => unreachable!("a temporary directory exists when --data is absent"),
    };
    let seed = seed_dir();
    let built = build(&dir, seed.as_deref(), &args.with)?;
    for f in &built.failed {
        say!("{}: {}", f.input, f.reason);
    }
    println!(
        "stemma demo: {} pages ({} demo pages{}{}), {} stored, in {}",
        built.pages,
        CORPUS.len(),
        match &seed {
            Some(s) => format!(", the seed from {}", s.display()),
            None => ", no seed: ../shared/seed is absent".into(),
        },
        if args.with.is_empty() {
            String::new()
        } else {
            format!(", {} more path(s)", args.with.len())
        },
        built.added,
        dir.display()
    );
    let config = ServerConfig {
        data: dir.clone(),
        bind: args.bind,
        token: None,
        max_upload: 64 << 20,
    };
    let served = crate::serve::serve(config, |addr| {
        println!("stemma demo: serving http://{addr}/ (Ctrl-C to stop)")
    });
    match temp {
        Some(t) if args.keep => {
            let kept = t.keep();
            println!("stemma demo: the archive is kept in {}", kept.display());
        }
        Some(t) => {
            if let Err(e) = t.close() {
                say!("removing {}: {e}", dir.display());
            }
        }
        None => {}
    }
    served
}

#[cfg(test)]
mod tests;
