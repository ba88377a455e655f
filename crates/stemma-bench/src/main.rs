//! `stemma-bench`: stemma's accuracy and speed on the pages under `../shared/bench`, side by
//! side with peers, and the seed check.
//!
//! ```text
//! stemma-bench extraction [--shared DIR] [--peers] [--python PATH] [--json FILE]
//!                         [--floors bench/floors.json] [--dump DIR]
//! stemma-bench attribution [--shared DIR] [--split dev|train] [--json FILE] [--floors FILE]
//!                          [--dump DIR]
//! stemma-bench seed [--shared DIR]
//! stemma-bench ingest [--shared DIR] [--pages N] [--data DIR] [--json F]
//!                     [--min-pages-per-sec R] [--max-search-p95-ms T]
//! stemma-bench store-scale [--articles N] [--data DIR] [--keep] [--rounds R] [--per-kind K]
//!                          [--json F] [--floors F]
//! stemma-bench serve-load --data DIR [--seconds 30] [--concurrency 8] [--min-rps R]
//! stemma-bench syndication [--shared DIR] [--peers] [--python P] [--json F] [--floors F]
//!                          [--scale N] [--seed S]
//! stemma-bench worst [--stemma PATH] [--limit-mib 2048] [--dir DIR]
//! ```

mod attribution;
mod child;
mod data;
mod dates;
mod extraction;
mod floors;
mod ingest;
mod metrics;
mod peer;
mod process;
mod scale_gen;
mod seed;
mod serve_load;
mod speech;
mod store_scale;
mod syndication;
mod trees;
mod worst;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// What an extractor said about one page (stemma or a peer), as far as the metrics look.
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    pub text: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    /// False when extraction failed (error or panic): then the rest is empty.
    pub ok: bool,
}

#[derive(Parser)]
#[command(
    name = "stemma-bench",
    about = "stemma's evaluations on ../shared/bench",
    version
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Accuracy on ScrapingHub and WCXB, single-thread speed, the seed check; gate on floors.
    Extraction(ExtractionArgs),
    /// PolNeAR exact-span attribution figures and speed; gate on floors.
    Attribution(attribution::AttributionArgs),
    /// Train the cue tagger on PolNeAR train; writes crates/stemma-core/src/attrib/cues.bin.
    TrainCues(attribution::TrainArgs),
    /// Copies, origins and speed on a generated syndication corpus, beside datasketch.
    Syndication(syndication::SyndicationArgs),
    /// Generated worst cases beside a good page: time and peak memory under a memory limit.
    Worst(worst::WorstArgs),
    /// The archive at scale: pages/s end to end, store size, memory, cost per page, search latency.
    Ingest(ingest::IngestArgs),
    /// Queries at scale: a store of N generated records, then a fixed query mix's latency.
    StoreScale(store_scale::StoreScaleArgs),
    /// The HTTP API under load on loopback: searches for a bounded time; requests/s, p50/p99.
    ServeLoad(serve_load::ServeLoadArgs),
    /// What a user waits for: whole `stemma extract` / `attribute` processes on one CPU, beside trafilatura.
    Process(process::ProcessArgs),
    /// The HTML tree stemma builds against html5ever's own, on every shared page; exits 1 when one differs.
    Trees {
        /// The shared data directory.
        #[arg(long, default_value = "../shared")]
        shared: PathBuf,
    },
    /// Only the seed check; exits 1 when any check fails.
    Seed {
        /// The shared data directory.
        #[arg(long, default_value = "../shared")]
        shared: PathBuf,
    },
}

/// What every gated bench takes: where the data is, where the figures go, the floors.
#[derive(Args)]
pub struct Gate {
    /// The shared data directory (read-only).
    #[arg(long, default_value = "../shared")]
    pub shared: PathBuf,
    /// Write all figures as JSON to this file.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Minimum accuracy figures (bench/floors.json); exit 1 when one of this bench's is not met.
    #[arg(long)]
    pub floors: Option<PathBuf>,
}

#[derive(Args)]
pub struct ExtractionArgs {
    #[command(flatten)]
    pub gate: crate::Gate,
    /// Also run peers (trafilatura) and score them with the same metrics.
    #[arg(long)]
    pub peers: bool,
    /// Python with trafilatura installed, for --peers.
    #[arg(long, default_value = ".venv/bin/python")]
    pub python: PathBuf,
    /// Write per-page outputs and per-page scores (TSV, worst first) under this directory.
    #[arg(long)]
    pub dump: Option<PathBuf>,
    /// Speed: time at least this many rounds over all pages …
    #[arg(long, default_value_t = 3)]
    pub min_rounds: usize,
    /// … and at least this many seconds per timed figure.
    #[arg(long, default_value_t = 2.0)]
    pub min_seconds: f64,
}

/// mimalloc: about a tenth off the whole `extract` run, most of it in the HTML tree's many
/// small allocations (`stemma-bench process` measures it).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.cmd {
        Cmd::Extraction(args) => extraction::run(&args),
        Cmd::Attribution(args) => attribution::run(&args),
        Cmd::TrainCues(args) => attribution::train(&args),
        Cmd::Syndication(args) => syndication::run(&args),
        Cmd::Worst(args) => worst::run(&args),
        Cmd::Ingest(args) => ingest::run(args),
        Cmd::StoreScale(args) => store_scale::run(&args),
        Cmd::ServeLoad(args) => serve_load::run(args),
        Cmd::Process(args) => process::run(&args),
        Cmd::Trees { shared } => trees::run(&shared),
        Cmd::Seed { shared } => {
            println!(
                "== Seed check ({}) ==",
                shared.join(data::SEED_FILE).display()
            );
            Ok(seed::print(&seed::run(&shared)))
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
