//! `stemma`: the command-line front of the engine. Thin by design: it parses arguments,
//! installs logging, draws progress, and maps errors to exit codes; the work happens in the
//! library crates.

/// `eprintln!` for warnings, minus its panic on a closed stderr: `say!("{path}: {e}")`
/// writes `stemma: …` and a newline.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::report::say(format_args!($($arg)*))
    };
}

mod attribute;
mod demo;
mod extract;
mod ingest;
mod output;
mod query;
mod report;
mod serve;
mod syndicate;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "stemma",
    version,
    about = "Who said what, where a story first appeared, and who republished it"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest a small invented news corpus (and ../shared/seed) into a temporary archive and serve it.
    Demo(demo::Args),
    /// Extract clean article records from HTML, Markdown, text and WARC files.
    Extract(extract::Args),
    /// Attribute quotes in plain-text files (each read verbatim as an article's text).
    Attribute(attribute::Args),
    /// Group article records into stories of copies: origin, who copied whom, evidence.
    Syndicate(syndicate::Args),
    /// Store pages or article records in the archive (--data DIR).
    Ingest(ingest::Args),
    /// Search the archive: ranked articles with highlighted snippets.
    Search(query::SearchArgs),
    /// Who said what: quotes with where they first appeared and who repeated them.
    Quotes(query::QuotesArgs),
    /// The stemma of a story: its origin, then each copy.
    Story(query::StoryArgs),
    /// An entity under all its names, with the articles that assert each.
    Entity(query::EntityArgs),
    /// Articles over time for an entity or a query.
    Attention(query::AttentionArgs),
    /// The inputs that failed to ingest, with the reason.
    Errors(query::PlainArgs),
    /// What the archive holds.
    Stats(query::PlainArgs),
    /// Verify the archive and say what is wrong.
    Check(query::PlainArgs),
    /// Rebuild the full-text index from the database.
    Reindex(query::PlainArgs),
    /// Serve the archive: a JSON API (OpenAPI at /api/openapi.json) and a web UI.
    Serve(serve::Args),
}

/// mimalloc: about a tenth off the whole `extract` run, most of it in the HTML tree's many
/// small allocations (`stemma-bench process` measures it).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Transparent huge pages off for this process. With them, a fault on fresh memory may wait
/// while the kernel compacts memory for a 2 MiB page: `stemma extract --jobs 1` over the 181
/// ScrapingHub pages took 0.40 to 2.15 s CPU from run to run (six runs), and 0.40 to 0.47 s
/// without them; the best runs and an 8,000-page ingest are the same either way.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments and touches no memory of ours; a
    // kernel without it returns an error, which changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("STEMMA_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        // Colour codes only for a terminal, and a failed write (a closed stderr) is ignored:
        // by default it would be reported with eprintln!, which panics then.
        .with_ansi(std::io::stderr().is_terminal())
        .log_internal_errors(false)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo(args) => demo::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Attribute(args) => attribute::run(args),
        Command::Syndicate(args) => syndicate::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Search(args) => query::search(args),
        Command::Quotes(args) => query::quotes(args),
        Command::Story(args) => query::story(args),
        Command::Entity(args) => query::entity(args),
        Command::Attention(args) => query::attention(args),
        Command::Errors(args) => query::errors(args),
        Command::Stats(args) => query::stats(args),
        Command::Check(args) => query::check(args),
        Command::Reindex(args) => query::reindex(args),
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            say!("{e:#}");
            ExitCode::from(1)
        }
    }
}

/// `stemma … | head` closes the pipe early: that is the reader's choice, not an error.
pub(crate) fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            // A record written straight into the pipe by serde_json wraps the I/O error.
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
