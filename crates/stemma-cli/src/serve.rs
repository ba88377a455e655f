//! `stemma serve`: the archive's JSON API and web UI over HTTP (stemma-server), until Ctrl-C
//! or SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use stemma_server::ServerConfig;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The data directory (default: $STEMMA_DATA, else ./stemma-data).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The address to listen on. A non-loopback address needs a token.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// The bearer token for uploads (POST /api/ingest); default: $STEMMA_TOKEN.
    #[arg(long, env = "STEMMA_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// The largest upload accepted, in MiB.
    #[arg(long, default_value_t = 64)]
    max_upload_mib: usize,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let config = ServerConfig {
        data: stemma_store::data_dir(args.data),
        bind: args.bind,
        token: args.token.filter(|t| !t.is_empty()),
        max_upload: args.max_upload_mib.saturating_mul(1 << 20),
    };
    serve(config, |addr| {
        println!("stemma: serving http://{addr}/ (Ctrl-C to stop)")
    })
}

/// Run the server on a tokio runtime of its own until Ctrl-C or SIGTERM.
pub fn serve(config: ServerConfig, ready: impl FnOnce(SocketAddr)) -> Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    runtime.block_on(stemma_server::serve(
        config,
        ready,
        stemma_server::shutdown_signal(),
    ))?;
    Ok(ExitCode::SUCCESS)
}
