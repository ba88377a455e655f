//! `stemma-bench serve-load`: the HTTP API under load, on loopback only. The server is started
//! in this process on 127.0.0.1 (port chosen by the system) over an existing archive; a fixed
//! number of keep-alive connections (hyper's HTTP/1.1 client) send a fixed mix of
//! `/api/search` requests (bare, by outlet, by date range, by speaker) back to back for a
//! bounded time. Printed: requests per second, errors (a status other than 200 or a failed
//! connection), and the p50 / p99 latency; `--min-rps` fails the run below a gate, and any
//! error fails it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use stemma_store::{Archive, Store};

#[derive(clap::Args)]
pub struct ServeLoadArgs {
    /// The archive to serve (built by `stemma ingest` or `stemma-bench ingest`).
    #[arg(long)]
    data: PathBuf,
    /// How long to send requests.
    #[arg(long, default_value_t = 30.0)]
    seconds: f64,
    /// Connections open at once (each sends its next request when the last is answered).
    #[arg(long, default_value_t = 8)]
    concurrency: usize,
    /// Server threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Exit 1 below this many requests per second.
    #[arg(long)]
    min_rps: Option<f64>,
    /// Write the figures as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The request mix: each word bare, by an outlet, by a date range, by a speaker of the
/// archive (40 paths, sent in turn).
fn mix(data: &std::path::Path) -> Result<Vec<String>> {
    let store = Store::open_read(data).with_context(|| format!("opening {}", data.display()))?;
    let stats = store.stats()?;
    if stats.articles == 0 {
        bail!("{} holds no articles", data.display());
    }
    let (site, speaker) = crate::ingest::filter_values(&store)?;
    println!(
        "serve-load: {} articles in {}; filters: site {:?}, speaker {:?}",
        stats.articles,
        data.display(),
        site,
        speaker
    );
    let mut paths = Vec::new();
    for filter in 0..4 {
        for w in crate::ingest::SEARCH_WORDS {
            let mut p = format!("/api/search?q={}&limit=10", enc(w));
            match (filter, &site, &speaker) {
                (1, Some(s), _) => p.push_str(&format!("&site={}", enc(s))),
                (2, _, _) => p.push_str("&from=2015-01-01&to=2024-12-31"),
                (3, _, Some(s)) => p.push_str(&format!("&speaker={}", enc(s))),
                _ => {}
            }
            paths.push(p);
        }
    }
    Ok(paths)
}

/// One connection's results: latencies (µs) of answered requests, and errors.
#[derive(Default)]
struct Tally {
    micros: Vec<u64>,
    errors: u64,
    first_error: Option<String>,
}

impl Tally {
    fn error(&mut self, e: impl std::fmt::Display) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(e.to_string());
        }
    }
}

/// Send requests on one keep-alive connection until `until`, reconnecting after a failure.
async fn client(addr: SocketAddr, paths: Arc<Vec<String>>, start: usize, until: Instant) -> Tally {
    let mut t = Tally::default();
    let mut i = start;
    while Instant::now() < until {
        let stream = match tokio::net::TcpStream::connect(addr).await {
            Ok(s) => s,
            Err(e) => {
                t.error(format!("connect: {e}"));
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let io = hyper_util::rt::TokioIo::new(stream);
        let (mut send, conn) = match hyper::client::conn::http1::handshake(io).await {
            Ok(x) => x,
            Err(e) => {
                t.error(format!("handshake: {e}"));
                continue;
            }
        };
        tokio::spawn(conn);
        while Instant::now() < until {
            let path = &paths[i % paths.len()];
            i += 1;
            let req = hyper::Request::get(path.as_str())
                .header(hyper::header::HOST, addr.to_string())
                .body(Empty::<Bytes>::new());
            let Ok(req) = req else {
                t.error("bad request");
                continue;
            };
            let sent = Instant::now();
            let resp = match send.send_request(req).await {
                Ok(r) => r,
                Err(e) => {
                    t.error(format!("request: {e}"));
                    break;
                }
            };
            let status = resp.status();
            match resp.into_body().collect().await {
                Ok(_) if status == hyper::StatusCode::OK => {
                    t.micros.push(sent.elapsed().as_micros() as u64);
                }
                Ok(b) => t.error(format!(
                    "{path}: {status} {}",
                    String::from_utf8_lossy(&b.to_bytes())
                )),
                Err(e) => {
                    t.error(format!("body: {e}"));
                    break;
                }
            }
        }
    }
    t
}

pub fn run(args: ServeLoadArgs) -> Result<bool> {
    let paths = Arc::new(mix(&args.data)?);
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()?;
    let config = stemma_server::ServerConfig {
        data: args.data.clone(),
        bind: SocketAddr::from(([127, 0, 0, 1], 0)),
        token: None,
        max_upload: 1 << 20,
    };
    let concurrency = args.concurrency.max(1);
    let seconds = args.seconds.max(0.1);
    let (wall, tallies, served) = runtime.block_on(async {
        let (addr_tx, addr_rx) = tokio::sync::oneshot::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(stemma_server::serve(
            config,
            move |a| {
                let _ = addr_tx.send(a);
            },
            async move {
                let _ = stop_rx.await;
            },
        ));
        let addr = addr_rx.await.context("the server did not start")?;
        // Warm up: one pass over the mix (opens the pooled stores, fills caches).
        let warm = client(
            addr,
            paths.clone(),
            0,
            Instant::now() + Duration::from_secs(1),
        )
        .await;
        if warm.micros.is_empty() {
            bail!(
                "the server answers no search: {}",
                warm.first_error.unwrap_or_default()
            );
        }
        let start = Instant::now();
        let until = start + Duration::from_secs_f64(seconds);
        let clients: Vec<_> = (0..concurrency)
            .map(|c| tokio::spawn(client(addr, paths.clone(), c * 7, until)))
            .collect();
        let mut tallies = Vec::new();
        for c in clients {
            tallies.push(c.await?);
        }
        let wall = start.elapsed().as_secs_f64();
        let _ = stop_tx.send(());
        let served = server.await?;
        Ok::<_, anyhow::Error>((wall, tallies, served))
    })?;
    served.context("the server failed")?;
    let mut micros: Vec<u64> = tallies
        .iter()
        .flat_map(|t| t.micros.iter().copied())
        .collect();
    micros.sort_unstable();
    let errors: u64 = tallies.iter().map(|t| t.errors).sum();
    let ok = micros.len();
    let rps = ok as f64 / wall;
    // nearest rank, in milliseconds
    let ms = |p: f64| {
        let i = ((micros.len().max(1) - 1) as f64 * p).round() as usize;
        micros.get(i).map_or(f64::NAN, |&m| m as f64 / 1e3)
    };
    let (p50, p99) = (ms(0.5), ms(0.99));
    println!(
        "  {ok} requests in {wall:.1} s on {concurrency} connections, server on {threads} threads: {rps:.0} requests/s, {errors} errors, p50 {p50:.2} ms, p99 {p99:.2} ms"
    );
    if let Some(e) = tallies.iter().find_map(|t| t.first_error.as_deref()) {
        println!("  first error: {e}");
    }
    if let Some(path) = &args.json {
        let v = serde_json::json!({
            "requests": ok, "seconds": wall, "requests_per_sec": rps, "errors": errors,
            "p50_ms": p50, "p99_ms": p99, "concurrency": concurrency, "threads": threads,
        });
        std::fs::write(path, serde_json::to_vec_pretty(&v)?)?;
    }
    let mut pass = errors == 0;
    if !pass {
        println!("  FAIL: {errors} requests failed");
    }
    if let Some(min) = args.min_rps {
        if rps < min {
            println!("  FAIL: {rps:.0} requests/s is below the gate {min}");
            pass = false;
        }
    }
    Ok(pass)
}
