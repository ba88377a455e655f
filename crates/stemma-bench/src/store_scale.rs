//! `stemma-bench store-scale`: the archive's queries at scale. A store of `--articles N`
//! generated records ([`crate::scale_gen`]) is built through the record-JSONL path of
//! `stemma ingest` (records written as JSON lines, read back line by line, prepared on all
//! cores, stored a batch of 256 at a time), then a fixed mix of queries ([`query_mix`]) is
//! timed: search (bare, with `--site`, a date range, `--speaker`, `--entity`), quotes by a
//! speaker, entity, story and attention. Printed: p50 / p95 / p99 per kind and overall, the
//! build time, articles per second through the JSONL path, size on disk, peak memory.
//!
//! [`build_store`] is the reusable part: the server's load bench builds its store with it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use stemma_core::Article;
use stemma_store::{
    Archive, AttentionQuery, Bucket, Failure, Incoming, QuoteQuery, SearchQuery, Store, StoreError,
};

use crate::scale_gen::{Generator, Rng};

/// The seed every scale store is generated from.
pub const SEED: u64 = 11;
/// Records per stored batch (`stemma ingest`'s default).
const BATCH: usize = 256;
/// The file in a built store's directory that says what it holds (so it can be reused).
const MARKER: &str = "store-scale.json";

#[derive(clap::Args)]
pub struct StoreScaleArgs {
    /// Articles in the store.
    #[arg(long, default_value_t = 100_000)]
    articles: usize,
    /// The data directory (rebuilt unless it holds this very store; removed at the end
    /// unless --keep).
    #[arg(long, default_value = "target/bench-store-scale")]
    data: PathBuf,
    /// Keep the store afterwards (a later run with the same --articles reuses it).
    #[arg(long)]
    keep: bool,
    /// Times each query of the mix is run.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Queries of each kind in the mix.
    #[arg(long, default_value_t = 20)]
    per_kind: usize,
    #[command(flatten)]
    gate: crate::Gate,
}

/// What [`build_store`] did.
#[derive(Debug, Clone)]
pub struct Built {
    pub articles: usize,
    /// The directory already held this store: nothing was built.
    pub reused: bool,
    pub seconds: f64,
    pub articles_per_sec: f64,
    /// Bytes of JSON lines read.
    pub jsonl_bytes: u64,
    pub bytes_on_disk: u64,
}

/// Build a store of `articles` generated articles (seed [`SEED`]) in `dir` through the
/// record-JSONL ingest path. A directory that already holds exactly this store (its marker
/// file says so and the store opens) is reused as it is; anything else in `dir` is removed
/// first.
pub fn build_store(dir: &Path, articles: usize) -> Result<Built> {
    let marker = dir.join(MARKER);
    let want = serde_json::json!({ "articles": articles, "seed": SEED });
    if let Ok(text) = std::fs::read_to_string(&marker) {
        let same = serde_json::from_str::<serde_json::Value>(&text).is_ok_and(|v| v == want);
        if same {
            if let Ok(s) = Store::open_read(dir) {
                let st = s.stats()?;
                if st.articles as usize == articles {
                    return Ok(Built {
                        articles,
                        reused: true,
                        seconds: 0.0,
                        articles_per_sec: f64::NAN,
                        jsonl_bytes: 0,
                        bytes_on_disk: st.bytes_on_disk,
                    });
                }
            }
        }
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("emptying {}", dir.display()))?;
    }
    let mut store = Store::open_write(dir)?;
    let (tx, rx) = mpsc::sync_channel::<(Vec<Incoming>, Vec<Failure>, u64)>(2);
    let producer = std::thread::spawn(move || {
        let g = Generator::new(SEED);
        let mut start = 0;
        while start < articles {
            let end = (start + BATCH).min(articles);
            // The records as `stemma extract` prints them: one JSON object a line.
            let lines: Vec<Vec<u8>> = (start..end)
                .into_par_iter()
                .map(|i| {
                    let mut l = serde_json::to_vec(&g.article(i)).unwrap_or_default();
                    l.push(b'\n');
                    l
                })
                .collect();
            let jsonl = lines.concat();
            // … read back as `stemma ingest` reads a record file, prepared on all cores.
            let outcomes: Vec<Result<Incoming, Failure>> = jsonl
                .split(|&b| b == b'\n')
                .enumerate()
                .filter(|(_, l)| !l.is_empty())
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(|(n, l)| {
                    serde_json::from_slice::<Article>(l)
                        .map(stemma_store::prepare)
                        .map_err(|e| Failure {
                            input: format!("generated:{}", start + n + 1),
                            reason: format!("not an article record: {e}"),
                        })
                })
                .collect();
            let (ok, bad) = split_outcomes(outcomes);
            if tx.send((ok, bad, jsonl.len() as u64)).is_err() {
                return;
            }
            start = end;
        }
    });
    let t0 = Instant::now();
    let (mut done, mut bytes, mut failed) = (0usize, 0u64, 0usize);
    let mut next_note = 0.0;
    for (items, failures, b) in rx {
        let r = store.ingest(items, failures)?;
        done += r.added + r.duplicates;
        failed += r.failed;
        bytes += b;
        let secs = t0.elapsed().as_secs_f64();
        if secs >= next_note {
            eprintln!(
                "  {done} articles, {:.0} articles/s",
                done as f64 / secs.max(1e-3)
            );
            next_note = secs + 30.0;
        }
    }
    producer
        .join()
        .map_err(|_| anyhow::anyhow!("the record producer panicked"))?;
    let seconds = t0.elapsed().as_secs_f64();
    if failed > 0 {
        anyhow::bail!("{failed} generated records failed to load");
    }
    let st = store.stats()?;
    drop(store);
    std::fs::write(&marker, serde_json::to_vec(&want)?)?;
    Ok(Built {
        articles,
        reused: false,
        seconds,
        articles_per_sec: done as f64 / seconds.max(1e-9),
        jsonl_bytes: bytes,
        bytes_on_disk: st.bytes_on_disk,
    })
}

/// One query of the mix.
#[derive(Debug, Clone)]
pub enum Ask {
    Search(SearchQuery),
    Quotes(QuoteQuery),
    Entity(String),
    Story(String),
    Attention(AttentionQuery),
}

/// A query of the mix with the kind it is counted under.
#[derive(Debug, Clone)]
pub struct Probe {
    /// `search`, `search+site`, `search+date`, `search+speaker`, `search+entity`, `quotes`,
    /// `entity`, `story`, `attention`.
    pub kind: &'static str,
    pub ask: Ask,
}

/// The fixed mix for a store built by [`build_store`] with `articles` articles: `per_kind`
/// queries of each kind, their words, outlets, people, dates and stories drawn (with a fixed
/// seed) the way readers ask: popular names more often, words from the news vocabulary and
/// the tail.
pub fn query_mix(articles: usize, per_kind: usize) -> Vec<Probe> {
    let g = Generator::new(SEED);
    let mut r = Rng::new(SEED ^ 0xabcdef);
    let word = |r: &mut Rng| -> String {
        // Content words: past the function words at the head of the vocabulary.
        let rank = 40 + r.zipf(5_000);
        g.vocab[rank.min(g.vocab.len() - 1)].clone()
    };
    let mut out = Vec::new();
    for k in 0..per_kind {
        let mut text = word(&mut r);
        if k % 3 == 0 {
            text = format!("{text} {}", word(&mut r));
        }
        let person = g.people[r.zipf(g.people.len())].name.clone();
        let entity = if k % 2 == 0 {
            g.orgs[r.zipf(g.orgs.len())].name.clone()
        } else {
            person.clone()
        };
        let site = g.outlets[r.zipf(g.outlets.len())].name.clone();
        let from = 16_801 + r.below(2_800) as i64;
        let to = from + 30 + r.below(335) as i64;
        let search = |text: String| SearchQuery {
            text,
            limit: 10,
            ..SearchQuery::default()
        };
        out.push(Probe {
            kind: "search",
            ask: Ask::Search(search(text.clone())),
        });
        out.push(Probe {
            kind: "search+site",
            ask: Ask::Search(SearchQuery {
                site: Some(site),
                ..search(word(&mut r))
            }),
        });
        out.push(Probe {
            kind: "search+date",
            ask: Ask::Search(SearchQuery {
                from: Some(stemma_store::day_string(from)),
                to: Some(stemma_store::day_string(to)),
                ..search(word(&mut r))
            }),
        });
        out.push(Probe {
            kind: "search+speaker",
            ask: Ask::Search(SearchQuery {
                speaker: Some(person.clone()),
                ..search(if k % 2 == 0 {
                    String::new()
                } else {
                    word(&mut r)
                })
            }),
        });
        out.push(Probe {
            kind: "search+entity",
            ask: Ask::Search(SearchQuery {
                entity: Some(entity.clone()),
                ..search(word(&mut r))
            }),
        });
        out.push(Probe {
            kind: "quotes",
            ask: Ask::Quotes(QuoteQuery {
                speaker: Some(person.clone()),
                limit: 50,
                ..QuoteQuery::default()
            }),
        });
        out.push(Probe {
            kind: "entity",
            ask: Ask::Entity(entity.clone()),
        });
        let i = r.below(articles.max(1));
        let story = g.url_of(g.source_of(i).unwrap_or(i));
        out.push(Probe {
            kind: "story",
            ask: Ask::Story(story),
        });
        out.push(Probe {
            kind: "attention",
            ask: Ask::Attention(AttentionQuery {
                entity: (k % 2 == 0).then(|| entity.clone()),
                query: (k % 2 == 1).then(|| word(&mut r)),
                by: Bucket::Month,
                site: None,
            }),
        });
    }
    out
}

/// Run one query; the number of rows it gave (a name the store does not hold gives 0).
pub fn run_probe(store: &dyn Archive, p: &Probe) -> Result<usize> {
    let n = match &p.ask {
        Ask::Search(q) => store.search(q).map(|v| v.len()),
        Ask::Quotes(q) => store.quotes(q).map(|v| v.len()),
        Ask::Entity(e) => store.entity(e).map(|v| v.len()),
        Ask::Story(s) => store
            .story(s)
            .map(|v| v.iter().map(|s| s.members.len()).sum()),
        Ask::Attention(q) => store.attention(q).map(|v| v.len()),
    };
    match n {
        Err(StoreError::NotFound(_)) => Ok(0),
        other => Ok(other?),
    }
}

/// Prepared articles apart from the inputs that failed.
pub(crate) fn split_outcomes(
    outcomes: Vec<Result<Incoming, Failure>>,
) -> (Vec<Incoming>, Vec<Failure>) {
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    for o in outcomes {
        match o {
            Ok(i) => ok.push(i),
            Err(f) => bad.push(f),
        }
    }
    (ok, bad)
}

pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

pub fn run(args: &StoreScaleArgs) -> Result<bool> {
    let n = args.articles;
    println!(
        "store-scale bench: {n} generated articles through the record-JSONL path into {}",
        args.data.display()
    );
    let built = build_store(&args.data, n)?;
    let peak_build = crate::syndication::vm_hwm_mib().unwrap_or(f64::NAN);
    if built.reused {
        println!("  reused the store already built there");
    } else {
        println!(
            "  built in {:.1} s: {:.0} articles/s through the JSONL path ({:.1} MiB of JSON lines)",
            built.seconds,
            built.articles_per_sec,
            built.jsonl_bytes as f64 / 1048576.0
        );
    }
    println!(
        "  {:.1} MiB on disk ({:.2} MiB per 1000 articles); peak memory (VmHWM) {peak_build:.0} MiB",
        built.bytes_on_disk as f64 / 1048576.0,
        built.bytes_on_disk as f64 / 1048576.0 / (built.articles.max(1) as f64 / 1000.0)
    );

    let store = Store::open_read(&args.data)?;
    let mix = query_mix(n, args.per_kind);
    let mut by_kind: BTreeMap<&'static str, Vec<f64>> = BTreeMap::new();
    let mut rows = 0usize;
    for _ in 0..args.rounds.max(1) {
        for p in &mix {
            let t = Instant::now();
            rows += run_probe(&store, p)?;
            by_kind
                .entry(p.kind)
                .or_default()
                .push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    let mut all: Vec<f64> = by_kind.values().flatten().copied().collect();
    let mut search: Vec<f64> = by_kind
        .iter()
        .filter(|(k, _)| k.starts_with("search"))
        .flat_map(|(_, v)| v.iter().copied())
        .collect();
    all.sort_by(f64::total_cmp);
    search.sort_by(f64::total_cmp);
    println!(
        "  {} queries ({} rounds of {}), {rows} rows:",
        all.len(),
        args.rounds.max(1),
        mix.len()
    );
    println!(
        "  {:<16} {:>8} {:>8} {:>8}",
        "kind", "p50 ms", "p95 ms", "p99 ms"
    );
    let mut json = serde_json::Map::new();
    let mut line = |k: &str, v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let (a, b, c) = (percentile(v, 0.5), percentile(v, 0.95), percentile(v, 0.99));
        println!("  {k:<16} {a:>8.2} {b:>8.2} {c:>8.2}");
        json.insert(
            k.to_string(),
            serde_json::json!({"p50_ms": a, "p95_ms": b, "p99_ms": c}),
        );
        (a, b, c)
    };
    for (k, v) in by_kind.iter_mut() {
        line(k, v);
    }
    let (_, search_p95, _) = line("all searches", &mut search);
    let (p50, p95, p99) = line("overall", &mut all);
    let peak = crate::syndication::vm_hwm_mib().unwrap_or(f64::NAN);

    let mut measured: BTreeMap<&'static str, f64> = BTreeMap::new();
    measured.insert("store_scale_search_p95_ms", search_p95);
    measured.insert("store_scale_p95_ms", p95);
    if let Some(path) = &args.gate.json {
        let v = serde_json::json!({
            "articles": n, "reused": built.reused, "build_seconds": built.seconds,
            "articles_per_sec": built.articles_per_sec, "jsonl_bytes": built.jsonl_bytes,
            "bytes_on_disk": built.bytes_on_disk, "peak_mib": peak,
            "p50_ms": p50, "p95_ms": p95, "p99_ms": p99, "search_p95_ms": search_p95,
            "kinds": json,
        });
        std::fs::write(path, serde_json::to_vec_pretty(&v)?)?;
    }
    drop(store);
    if !args.keep {
        std::fs::remove_dir_all(&args.data)
            .with_context(|| format!("removing {}", args.data.display()))?;
    }
    let failures = crate::floors::gate(
        args.gate.floors.as_deref(),
        &["store_scale_"],
        &measured,
        None,
    );
    Ok(failures.is_none_or(|f| f.is_empty()))
}
