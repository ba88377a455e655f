//! `stemma-bench ingest`: the archive end to end at scale. The shared pages (ScrapingHub and
//! WCXB) are replicated to `--pages` distinct pages: replica `k` of a page appends a tag of `k`
//! to every word of more than three letters in its text and gives every URL its own host, so
//! replicas are different articles, not copies; every 20th page is a copy of the one before
//! (same text, its own URL), so stories form as they do in real crawls. A tenth of each
//! batch is packed into an in-memory WARC and read back through stemma-input's WARC reader.
//! Pages are extracted, attributed and prepared on all cores, one batch ahead of the store,
//! as `stemma ingest` does. Printed: pages per second end to end, the store's size per 1000
//! pages, peak memory, and the time per page of the first and the last tenth of the run (the
//! store's cost must not grow with its size); then the search latency (p50, p95) of a fixed
//! query mix with filters on the finished store.

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use stemma_core::{Document, Format};
use stemma_input::{FileKind, ReadLimits};
use stemma_store::{Archive, Failure, Incoming, QuoteQuery, SearchQuery, Store};

use crate::store_scale::{percentile, split_outcomes};

#[derive(clap::Args)]
pub struct IngestArgs {
    /// The shared data directory (read-only).
    #[arg(long, default_value = "../shared")]
    shared: PathBuf,
    /// Pages to ingest.
    #[arg(long, default_value_t = 100_000)]
    pages: usize,
    /// Pages per stored batch.
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// The data directory (emptied first).
    #[arg(long, default_value = "target/bench-ingest-data")]
    data: PathBuf,
    /// Exit 1 when pages per second end to end fall below this.
    #[arg(long)]
    min_pages_per_sec: Option<f64>,
    /// Exit 1 when the search p95 (ms) is above this.
    #[arg(long)]
    max_search_p95_ms: Option<f64>,
    /// Write the figures as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
}

/// A word tag for replica `k`: letters, so the tagged word is still a word.
fn tag(mut k: usize) -> String {
    let mut t = String::new();
    while k > 0 {
        t.push((b'q' + (k % 10) as u8) as char);
        k /= 10;
    }
    t
}

/// Replica `k` of an HTML page: words of 4+ ASCII letters outside tags get the tag; every
/// `://` becomes `://p{page}.` so every URL is the page's own.
fn replicate(bytes: &[u8], k: usize, page: usize) -> Vec<u8> {
    let t = tag(k);
    let host = format!("://p{page}.");
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 8);
    let mut in_tag = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if bytes[i..].starts_with(b"://") {
            out.extend_from_slice(host.as_bytes());
            i += 3;
            continue;
        }
        if b == b'<' {
            in_tag = true;
        } else if b == b'>' {
            in_tag = false;
        } else if !in_tag && b.is_ascii_alphabetic() && !t.is_empty() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.extend_from_slice(&bytes[start..i]);
            if i - start > 3 {
                out.extend_from_slice(t.as_bytes());
            }
            continue;
        }
        out.push(b);
        i += 1;
    }
    out
}

/// Documents packed as WARC response records, then read back by stemma-input.
fn through_warc(docs: Vec<Document>, label: &str) -> Vec<Result<Document, Failure>> {
    let mut warc = Vec::new();
    for (n, d) in docs.iter().enumerate() {
        let uri = d
            .source
            .url
            .clone()
            .unwrap_or_else(|| format!("http://bench.example/{n}"));
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
        http.extend_from_slice(&d.bytes);
        warc.extend_from_slice(
            format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:bench-{label}-{n}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
                http.len()
            )
            .as_bytes(),
        );
        warc.extend_from_slice(&http);
        warc.extend_from_slice(b"\r\n\r\n");
    }
    let kind = FileKind {
        format: Format::Warc,
        gzip: false,
    };
    stemma_input::read_from(Cursor::new(warc), label, kind, &ReadLimits::default())
        .map(|r| {
            r.map_err(|e| Failure {
                input: label.to_string(),
                reason: e.to_string(),
            })
        })
        .collect()
}

pub fn run(args: IngestArgs) -> Result<bool> {
    let mut base: Vec<Document> = Vec::new();
    for ds in [
        crate::data::load_scrapinghub(&args.shared)?,
        crate::data::load_wcxb(&args.shared)?,
    ] {
        base.extend(ds.pages.into_iter().map(|p| p.doc));
    }
    if base.is_empty() {
        bail!("no pages under {}", args.shared.display());
    }
    let n = args.pages;
    println!(
        "ingest bench: {} shared pages replicated to {n}, batches of {}",
        base.len(),
        args.batch
    );
    if args.data.exists() {
        std::fs::remove_dir_all(&args.data)
            .with_context(|| format!("emptying {}", args.data.display()))?;
    }
    let mut store = Store::open_write(&args.data)?;
    let batch = args.batch.max(1);
    let (tx, rx) = mpsc::sync_channel::<(Vec<Incoming>, Vec<Failure>, usize)>(1);
    let producer = std::thread::spawn(move || {
        let limits = stemma_core::Limits::default();
        let mut start = 0;
        while start < n {
            let end = (start + batch).min(n);
            let docs: Vec<Document> = (start..end)
                .into_par_iter()
                .map(|i| {
                    // every 20th page copies the one before, under its own URL
                    let src = if i % 20 == 19 { i - 1 } else { i };
                    let b = &base[src % base.len()];
                    let k = src / base.len();
                    let mut d = b.clone();
                    d.bytes = replicate(&b.bytes, k, i);
                    d.source.url = Some(format!("https://p{i}.bench.example/{}", src % base.len()));
                    d.source.path = format!("bench/{i}.html");
                    d
                })
                .collect();
            let warc_n = docs.len() / 10;
            let mut docs = docs;
            let rest = docs.split_off(warc_n);
            let mut read: Vec<Result<Document, Failure>> =
                through_warc(docs, &format!("bench/{start}.warc"));
            read.extend(rest.into_iter().map(Ok));
            let outcomes: Vec<Result<Incoming, Failure>> = read
                .into_par_iter()
                .map(|d| {
                    let d = d?;
                    let mut a =
                        stemma_core::extract::extract_with(&d, &limits).map_err(|e| Failure {
                            input: d.source.path.clone(),
                            reason: e.to_string(),
                        })?;
                    stemma_core::attrib::annotate(&mut a);
                    Ok(stemma_store::prepare(a))
                })
                .collect();
            let (ok, bad) = split_outcomes(outcomes);
            if tx.send((ok, bad, end - start)).is_err() {
                return;
            }
            start = end;
        }
    });

    let t0 = Instant::now();
    let cpu0 = cpu_seconds(libc::CLOCK_PROCESS_CPUTIME_ID);
    let mut done = 0usize;
    let mut added = 0usize;
    let mut failed = 0usize;
    let mut marks: Vec<Mark> = Vec::new();
    for (items, failures, pages) in rx {
        let ts = Instant::now();
        let tc = cpu_seconds(libc::CLOCK_THREAD_CPUTIME_ID);
        let r = store.ingest(items, failures)?;
        let store_s = ts.elapsed().as_secs_f64();
        let store_cpu = cpu_seconds(libc::CLOCK_THREAD_CPUTIME_ID) - tc;
        done += pages;
        added += r.added;
        failed += r.failed;
        marks.push(Mark {
            done,
            wall: t0.elapsed().as_secs_f64(),
            cpu: cpu_seconds(libc::CLOCK_PROCESS_CPUTIME_ID) - cpu0,
            store: store_s,
            store_cpu,
        });
        if marks.len().is_multiple_of(40) {
            eprintln!(
                "  {done} pages, {:.0} pages/s",
                done as f64 / t0.elapsed().as_secs_f64()
            );
        }
    }
    producer
        .join()
        .map_err(|_| anyhow::anyhow!("the page producer panicked"))?;
    let wall = t0.elapsed().as_secs_f64();
    let rate = done as f64 / wall;
    // cost per page over the first and the last tenth of the batches
    let tenth = (marks.len() / 10).max(1);
    let first = Cost::of(&marks[..tenth.min(marks.len())], None);
    let cut = marks.len().saturating_sub(tenth);
    let last = Cost::of(&marks[cut..], cut.checked_sub(1).map(|i| &marks[i]));
    let all = Cost::of(&marks, None);
    let stats = store.stats()?;
    let per_1000 = stats.bytes_on_disk as f64 / (stats.articles.max(1) as f64 / 1000.0);
    let peak = crate::syndication::vm_hwm_mib().unwrap_or(f64::NAN);
    println!(
        "  {done} pages ({added} stored, {failed} failed) in {wall:.1} s: {rate:.0} pages/s end to end"
    );
    println!(
        "  store: {} articles, {} stories, {} quotes, {} entities; {:.1} MiB on disk, {:.2} MiB per 1000 pages",
        stats.articles,
        stats.stories,
        stats.quotes,
        stats.entities,
        stats.bytes_on_disk as f64 / 1048576.0,
        per_1000 / 1048576.0
    );
    println!("  peak memory (VmHWM) {peak:.0} MiB");
    println!(
        "  time per page, first tenth {:.2} ms (store {:.3} ms), last tenth {:.2} ms (store {:.3} ms)",
        first.wall_ms, first.store_ms, last.wall_ms, last.store_ms
    );
    println!(
        "  CPU per page (load-independent), first tenth {:.2} ms (store thread {:.3} ms), last tenth {:.2} ms (store thread {:.3} ms), whole run {:.2} ms (store thread {:.3} ms)",
        first.cpu_ms, first.store_cpu_ms, last.cpu_ms, last.store_cpu_ms, all.cpu_ms, all.store_cpu_ms
    );

    // Reopening: the writer rebuilds the syndication index from the stored records.
    drop(store);
    let t = Instant::now();
    let store = Store::open_write(&args.data)?;
    let reopen = t.elapsed().as_secs_f64();
    println!("  reopen for writing (syndication index loaded from the store): {reopen:.2} s");

    // Search latency: a fixed mix of queries, bare and with filters.
    let (site, speaker) = filter_values(&store)?;
    let words = SEARCH_WORDS;
    let mut times = Vec::new();
    for round in 0..3 {
        for (i, w) in words.iter().enumerate() {
            let mut q = SearchQuery {
                text: (*w).to_string(),
                limit: 10,
                ..SearchQuery::default()
            };
            match (i + round) % 4 {
                1 => q.site = site.clone(),
                2 => {
                    q.from = Some("2015-01-01".into());
                    q.to = Some("2024-12-31".into());
                }
                3 => q.speaker = speaker.clone(),
                _ => {}
            }
            let t = Instant::now();
            store.search(&q)?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    times.sort_by(f64::total_cmp);
    let (p50, p95) = (percentile(&times, 0.5), percentile(&times, 0.95));
    println!(
        "  search over {} articles: {} queries, p50 {p50:.1} ms, p95 {p95:.1} ms",
        stats.articles,
        times.len()
    );
    if let Some(path) = &args.json {
        let v = serde_json::json!({
            "pages": done, "stored": added, "failed": failed, "seconds": wall,
            "pages_per_sec": rate, "bytes_on_disk": stats.bytes_on_disk,
            "mib_per_1000_pages": per_1000 / 1048576.0, "peak_mib": peak,
            "ms_per_page_first_tenth": first.wall_ms, "ms_per_page_last_tenth": last.wall_ms,
            "store_ms_per_page_first_tenth": first.store_ms, "store_ms_per_page_last_tenth": last.store_ms,
            "cpu_ms_per_page_first_tenth": first.cpu_ms, "cpu_ms_per_page_last_tenth": last.cpu_ms,
            "cpu_ms_per_page": all.cpu_ms,
            "store_cpu_ms_per_page_first_tenth": first.store_cpu_ms,
            "store_cpu_ms_per_page_last_tenth": last.store_cpu_ms,
            "store_cpu_ms_per_page": all.store_cpu_ms,
            "search_p50_ms": p50, "search_p95_ms": p95, "reopen_seconds": reopen,
        });
        std::fs::write(path, serde_json::to_vec_pretty(&v)?)?;
    }
    let mut ok = true;
    if let Some(min) = args.min_pages_per_sec {
        if rate < min {
            println!("  FAIL: {rate:.0} pages/s is below the gate {min}");
            ok = false;
        }
    }
    if let Some(max) = args.max_search_p95_ms {
        if p95 > max {
            println!("  FAIL: search p95 {p95:.1} ms is above the gate {max}");
            ok = false;
        }
    }
    Ok(ok)
}

/// The state at the end of one stored batch.
struct Mark {
    /// Pages done.
    done: usize,
    /// Wall seconds since the start.
    wall: f64,
    /// CPU seconds of the whole process (all threads) since the start.
    cpu: f64,
    /// Wall seconds of the batch's `Store::ingest`.
    store: f64,
    /// CPU seconds of the storing thread in that call (SQLite, handing documents to tantivy;
    /// tantivy's own indexing and merge threads count in `cpu` only).
    store_cpu: f64,
}

/// Milliseconds per page over a run of marks (`prev`: the mark before it, if any).
struct Cost {
    wall_ms: f64,
    store_ms: f64,
    cpu_ms: f64,
    store_cpu_ms: f64,
}

impl Cost {
    fn of(m: &[Mark], prev: Option<&Mark>) -> Cost {
        let (p_done, p_wall, p_cpu) = prev.map_or((0, 0.0, 0.0), |p| (p.done, p.wall, p.cpu));
        let last = m.last();
        let pages = (last.map_or(0, |x| x.done).saturating_sub(p_done)).max(1) as f64;
        let per = |s: f64| s / pages * 1e3;
        Cost {
            wall_ms: per(last.map_or(0.0, |x| x.wall) - p_wall),
            store_ms: per(m.iter().map(|x| x.store).sum()),
            cpu_ms: per(last.map_or(0.0, |x| x.cpu) - p_cpu),
            store_cpu_ms: per(m.iter().map(|x| x.store_cpu).sum()),
        }
    }
}

/// CPU seconds on a clock (`CLOCK_THREAD_CPUTIME_ID`, `CLOCK_PROCESS_CPUTIME_ID`); 0 if the
/// clock cannot be read.
fn cpu_seconds(clock: libc::clockid_t) -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for clock_gettime to write.
    if unsafe { libc::clock_gettime(clock, &mut t) } != 0 {
        return 0.0;
    }
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

/// The words of the search latency mix (here and in `serve-load`).
pub(crate) const SEARCH_WORDS: [&str; 10] = [
    "government",
    "police said",
    "election",
    "market",
    "president",
    "climate",
    "court",
    "company",
    "health",
    "minister",
];

/// An outlet and a speaker of the archive, for the mix's filtered searches.
pub(crate) fn filter_values(store: &Store) -> Result<(Option<String>, Option<String>)> {
    let probe = store.search(&SearchQuery {
        text: "said".into(),
        limit: 50,
        ..SearchQuery::default()
    })?;
    let site = probe.iter().find_map(|h| h.site.clone());
    let speaker = store
        .quotes(&QuoteQuery {
            limit: 1,
            ..QuoteQuery::default()
        })?
        .into_iter()
        .find_map(|q| q.speaker);
    Ok((site, speaker))
}
