//! `stemma-bench syndication`: clusters of copies on a generated, labelled corpus built from
//! real article bodies in `../shared`, side by side with datasketch's MinHashLSH; origin
//! accuracy; single-core speed; a held-out corpus built differently; and a scale run.

mod corpus;
mod scale;
mod score;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;
use serde_json::{json, Value};
use stemma_core::syndicate::{prepare, Index, Story};

pub use corpus::{generate, load_bases, Corpus, Style};
use score::{merged, overlapping, pairwise, PairScore};

#[derive(Args)]
pub struct SyndicationArgs {
    #[command(flatten)]
    pub gate: crate::Gate,
    /// Also run datasketch's MinHashLSH on the same corpus and shingles.
    #[arg(long)]
    pub peers: bool,
    /// Python with datasketch installed, for --peers.
    #[arg(long, default_value = ".venv/bin/python")]
    pub python: PathBuf,
    /// Also cluster this many generated articles and print time, peak memory and per-batch cost.
    #[arg(long)]
    pub scale: Option<usize>,
    /// Seed of the generators.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Speed: time at least this many seconds of stemma.
    #[arg(long, default_value_t = 2.0)]
    pub min_seconds: f64,
}

/// What stemma made of a corpus.
struct Outcome {
    /// The story each record is a copy in.
    labels: Vec<u32>,
    /// Every story each record is in (copy first, then those it embeds a run of).
    memberships: Vec<Vec<u32>>,
    stories: Vec<(Vec<u32>, Story)>,
    seconds: f64,
}

/// Cluster a corpus on this thread: prepare, add in batches (incrementally), derive stories.
fn run_stemma(c: &Corpus) -> Result<Outcome> {
    let start = Instant::now();
    let cpu0 = thread_cpu_seconds();
    let mut ix = Index::default();
    let (mut tp, mut ta) = (0.0, 0.0);
    for chunk in c.docs.chunks(500) {
        let t = thread_cpu_seconds().unwrap_or(0.0);
        let b: Vec<_> = chunk.iter().map(prepare).collect();
        let t2 = thread_cpu_seconds().unwrap_or(0.0);
        tp += t2 - t;
        ix.add_batch(b)?;
        ta += thread_cpu_seconds().unwrap_or(0.0) - t2;
    }
    if std::env::var_os("STEMMA_SYN_DEBUG").is_some() {
        let bytes: usize = c.docs.iter().map(|a| a.text.len()).sum();
        eprintln!(
            "prepare {tp:.3}s add {ta:.3}s (CPU); {} bytes/record",
            bytes / c.docs.len().max(1)
        );
    }
    let stories: Vec<(Vec<u32>, Story)> = ix
        .clusters()
        .into_iter()
        .map(|m| {
            let s = ix.story(&m);
            (m, s)
        })
        .collect();
    let seconds = match (cpu0, thread_cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => start.elapsed().as_secs_f64(),
    };
    let labels = (0..c.docs.len() as u32).map(|d| ix.find(d)).collect();
    let memberships = (0..c.docs.len() as u32)
        .map(|d| ix.stories_of(d).into_iter().map(|(r, _)| r).collect())
        .collect();
    Ok(Outcome {
        labels,
        memberships,
        stories,
        seconds,
    })
}

struct Figures {
    docs: usize,
    stories: usize,
    pairs: PairScore,
    /// Pairs over the records that are not roundups.
    classic: PairScore,
    /// Pairs of unrelated true stories merged into one.
    merged: usize,
    /// True roundup pieces, and pairs of unrelated stories they embed.
    roundups: usize,
    roundup_pairs: usize,
    origin_known: usize,
    origin_correct: usize,
    origin_uncertain: usize,
    parent_known: usize,
    parent_correct: usize,
}

impl Figures {
    fn origin_accuracy(&self) -> f64 {
        self.origin_correct as f64 / self.origin_known.max(1) as f64
    }
    fn parent_accuracy(&self) -> f64 {
        self.parent_correct as f64 / self.parent_known.max(1) as f64
    }
}

fn id_of(c: &Corpus, d: usize) -> &str {
    c.docs[d].url.as_deref().unwrap_or("")
}

fn figures(c: &Corpus, o: &Outcome) -> Figures {
    let truth: Vec<u32> = c.truth.iter().map(|t| t.story).collect();
    let truth_sets: Vec<Vec<u32>> = c
        .truth
        .iter()
        .map(|t| {
            std::iter::once(t.story)
                .chain(t.embeds.iter().copied())
                .collect()
        })
        .collect();
    // P/R/F1 on pairs sharing a story; ARI on the story each record is a copy in.
    let mut pairs = overlapping(&o.memberships, &truth_sets);
    pairs.ari = pairwise(&o.labels, &truth).ari;
    let merged = merged(&o.labels, &truth, &truth_sets);
    // The same pairs over the records that are not roundups (the families of the corpus
    // before roundups, clustered beside them).
    let keep: Vec<usize> = (0..c.docs.len())
        .filter(|&d| c.truth[d].embeds.is_empty())
        .collect();
    let pick = |v: &[Vec<u32>]| keep.iter().map(|&d| v[d].clone()).collect::<Vec<_>>();
    let classic = overlapping(&pick(&o.memberships), &pick(&truth_sets));
    if std::env::var_os("STEMMA_SYN_DEBUG_FP").is_some() {
        debug_false_pairs(c, o, &truth_sets);
    }
    let mut roundups = std::collections::HashSet::new();
    let mut roundup_pairs = std::collections::HashSet::new();
    for t in c.truth.iter().filter(|t| !t.embeds.is_empty()) {
        roundups.insert(t.story);
        for (i, &a) in t.embeds.iter().enumerate() {
            for &b in &t.embeds[i + 1..] {
                roundup_pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    let mut story_of: HashMap<u32, usize> = HashMap::new();
    for (k, (members, _)) in o.stories.iter().enumerate() {
        for &m in members {
            story_of.insert(m, k);
        }
    }
    let (mut known, mut correct, mut uncertain) = (0, 0, 0);
    let mut seen = std::collections::HashSet::new();
    for t in &c.truth {
        let Some(orig) = t.origin else { continue };
        if !t.origin_knowable || !seen.insert(t.story) {
            continue;
        }
        known += 1;
        let Some(&k) = story_of.get(&orig) else {
            continue;
        };
        let s = &o.stories[k].1;
        match &s.origin {
            Some(id) if id == id_of(c, orig as usize) => correct += 1,
            None => uncertain += 1,
            _ => {}
        }
    }
    let (mut pk, mut pc) = (0, 0);
    let mut edge_of: HashMap<&str, &str> = HashMap::new();
    for (_, s) in &o.stories {
        for e in &s.edges {
            edge_of.insert(e.copy.as_str(), e.source.as_str());
        }
    }
    for (d, t) in c.truth.iter().enumerate() {
        if let Some(p) = t.parent {
            pk += 1;
            if edge_of.get(id_of(c, d)) == Some(&id_of(c, p as usize)) {
                pc += 1;
            }
        }
    }
    Figures {
        docs: c.docs.len(),
        stories: c.stories,
        pairs,
        classic,
        merged,
        roundups: roundups.len(),
        roundup_pairs: roundup_pairs.len(),
        origin_known: known,
        origin_correct: correct,
        origin_uncertain: uncertain,
        parent_known: pk,
        parent_correct: pc,
    }
}

/// The peer script, next to this crate's sources.
fn datasketch_script() -> PathBuf {
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("peers/datasketch_peer.py");
    if built.exists() {
        built
    } else {
        PathBuf::from("crates/stemma-bench/peers/datasketch_peer.py")
    }
}

struct PeerOutcome {
    labels: Vec<u32>,
    seconds: f64,
    version: Option<String>,
}

fn run_datasketch(python: &Path, c: &Corpus, per_shingle: bool) -> Result<PeerOutcome> {
    if !python.exists() {
        bail!("no python at {}", python.display());
    }
    let script = datasketch_script();
    let tmp = std::env::temp_dir().join(format!(
        "stemma-syndication-corpus-{}.jsonl",
        std::process::id()
    ));
    {
        let mut f = std::io::BufWriter::new(
            fs::File::create(&tmp).with_context(|| format!("writing {}", tmp.display()))?,
        );
        for a in &c.docs {
            serde_json::to_writer(&mut f, &json!({ "text": a.text }))?;
            f.write_all(b"\n")?;
        }
        f.flush()?;
    }
    eprintln!(
        "running datasketch peer: {} {}",
        python.display(),
        script.display()
    );
    let out = Command::new(python)
        .arg(&script)
        .arg(&tmp)
        .args(per_shingle.then_some("--per-shingle"))
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("starting {}", python.display()));
    let _ = fs::remove_file(&tmp);
    let out = out?;
    if !out.status.success() {
        bail!("peer script exited with {}", out.status);
    }
    let v: Value = serde_json::from_slice(&out.stdout).context("parsing the peer's output")?;
    let labels: Vec<u32> = v["labels"]
        .as_array()
        .context("peer output without labels")?
        .iter()
        .map(|x| x.as_u64().unwrap_or(0) as u32)
        .collect();
    if labels.len() != c.docs.len() {
        bail!(
            "peer returned {} labels for {} records",
            labels.len(),
            c.docs.len()
        );
    }
    Ok(PeerOutcome {
        labels,
        seconds: v["seconds"].as_f64().unwrap_or(f64::NAN),
        version: v["version"].as_str().map(str::to_string),
    })
}

const LABEL_W: usize = 40;

fn row(label: &str, a: String, b: Option<String>) {
    match b {
        Some(b) => println!("  {label:<LABEL_W$} {a:>16} {b:>16}"),
        None => println!("  {label:<LABEL_W$} {a:>16}"),
    }
}

fn print_figures(title: &str, f: &Figures, peer: Option<&PairScore>) {
    println!("== {title} ==");
    println!(
        "  {} records, {} stories, {} true pairs",
        f.docs, f.stories, f.pairs.true_pairs
    );
    if peer.is_some() {
        println!("  {:<LABEL_W$} {:>16} {:>16}", "", "stemma", "datasketch");
    }
    let p = |x: f64| format!("{x:.4}");
    row(
        "pairwise precision",
        p(f.pairs.precision),
        peer.map(|s| p(s.precision)),
    );
    row(
        "pairwise recall",
        p(f.pairs.recall),
        peer.map(|s| p(s.recall)),
    );
    row("pairwise F1", p(f.pairs.f1), peer.map(|s| p(s.f1)));
    row("ARI", p(f.pairs.ari), peer.map(|s| p(s.ari)));
    row("pairwise F1 without the roundups", p(f.classic.f1), None);
    row(
        &format!(
            "stories merged by mistake ({} roundups, {} pairs)",
            f.roundups, f.roundup_pairs
        ),
        format!("{}", f.merged),
        None,
    );
    row(
        &format!("origin accuracy ({} known)", f.origin_known),
        p(f.origin_accuracy()),
        None,
    );
    row(
        "  of which reported uncertain",
        format!("{}", f.origin_uncertain),
        None,
    );
    row(
        &format!("source of each copy ({} known)", f.parent_known),
        p(f.parent_accuracy()),
        None,
    );
}

pub fn run(args: &SyndicationArgs) -> Result<bool> {
    let t0 = Instant::now();
    let bases = load_bases(&args.gate.shared)?;
    println!(
        "== Syndication: {} real bodies from {} (seed {}) ==",
        bases.len(),
        args.gate.shared.display(),
        args.seed
    );
    // Each corpus with its roundups, and without them (the families the floors were set on).
    let main_r = generate(&bases, Style::Main, args.seed, 0);
    let held_r = generate(&bases, Style::HeldOut, args.seed, 0);
    let main = main_r.without_roundups();
    let held = held_r.without_roundups();
    let out_main_r = run_stemma(&main_r)?;
    let fig_main_r = figures(&main_r, &out_main_r);
    let reordered = order_changes(&main_r, &out_main_r, args.seed)?;
    let fig_held_r = figures(&held_r, &run_stemma(&held_r)?);

    let out_main = run_stemma(&main)?;
    let fig_main = figures(&main, &out_main);
    if std::env::var_os("STEMMA_SYN_DEBUG").is_some() {
        debug_clusters(&main, &out_main);
    }
    let out_held = run_stemma(&held)?;
    let fig_held = figures(&held, &out_held);
    if std::env::var_os("STEMMA_SYN_DEBUG_HELDOUT").is_some() {
        debug_clusters(&held, &out_held);
    }

    // Speed on one core: repeat the main corpus until min_seconds.
    let mut rounds = 0usize;
    let mut secs = 0.0;
    while secs < args.min_seconds || rounds < 2 {
        secs += run_stemma(&main)?.seconds;
        rounds += 1;
    }
    let stemma_dps = (main.docs.len() * rounds) as f64 / secs;

    let peer = if args.peers {
        match run_datasketch(&args.python, &main, false) {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("datasketch peer unavailable: {e:#}");
                None
            }
        }
    } else {
        None
    };
    // The same peer feeding shingles one at a time (MinHash.update, its basic documented use):
    // the same clusters, a second speed figure.
    let peer_basic = if peer.is_some() {
        run_datasketch(&args.python, &main, true)
            .map_err(|e| eprintln!("datasketch (per-shingle) unavailable: {e:#}"))
            .ok()
    } else {
        None
    };
    let truth_main: Vec<u32> = main.truth.iter().map(|t| t.story).collect();
    let peer_score = peer.as_ref().map(|p| pairwise(&p.labels, &truth_main));

    print_figures(
        "Main corpus (reposts, edits, excerpts 20-80%, embedded originals, boilerplate)",
        &fig_main,
        peer_score.as_ref(),
    );
    println!("== Speed on one core (prepare + index + stories; CPU time of the thread) ==");
    row(
        "stemma records/s",
        format!("{stemma_dps:.0}"),
        Some(format!("{rounds} rounds")),
    );
    if let Some(p) = &peer {
        let dps = main.docs.len() as f64 / p.seconds;
        row(
            &format!(
                "datasketch {} records/s",
                p.version.as_deref().unwrap_or("?")
            ),
            format!("{dps:.1}"),
            None,
        );
        row(
            "ratio stemma / datasketch",
            format!("{:.0}x", stemma_dps / dps),
            None,
        );
    }
    if let Some(p) = &peer_basic {
        let dps = main.docs.len() as f64 / p.seconds;
        row(
            "datasketch, per-shingle update: rec/s",
            format!("{dps:.1}"),
            None,
        );
        row(
            "ratio stemma / that",
            format!("{:.0}x", stemma_dps / dps),
            None,
        );
    }
    print_figures(
        "Held-out corpus (built differently; not gated)",
        &fig_held,
        None,
    );
    print_figures(
        "Main corpus with roundups (pieces quoting 30-50% of 2-3 unrelated stories; gated: 0 merged)",
        &fig_main_r,
        None,
    );
    row(
        "records whose stories change when shuffled",
        format!("{reordered}"),
        None,
    );
    print_figures(
        "Held-out corpus with roundups (each run cut in two, 3 stories more often; not gated)",
        &fig_held_r,
        None,
    );

    let mut scale_json = Value::Null;
    let main_docs = main.docs.len();
    drop((main, held, out_main, out_held));
    if let Some(n) = args.scale {
        let s = scale::run(&bases, n, args.seed)?;
        scale_json = s;
    }

    let mut measured: BTreeMap<&'static str, f64> = BTreeMap::new();
    measured.insert("syndication_f1", fig_main.pairs.f1);
    measured.insert("syndication_ari", fig_main.pairs.ari);
    measured.insert("syndication_merged", fig_main_r.merged as f64);
    measured.insert("syndication_heldout_merged", fig_held_r.merged as f64);
    measured.insert("syndication_roundups_f1", fig_main_r.pairs.f1);
    measured.insert("syndication_reordered", reordered as f64);
    measured.insert("syndication_roundups_origin", fig_main_r.origin_accuracy());
    measured.insert("syndication_heldout_roundups_f1", fig_held_r.pairs.f1);
    measured.insert("syndication_origin", fig_main.origin_accuracy());
    measured.insert("syndication_heldout_f1", fig_held.pairs.f1);
    measured.insert("syndication_heldout_origin", fig_held.origin_accuracy());
    let failures = crate::floors::gate(
        args.gate.floors.as_deref(),
        &["syndication_"],
        &measured,
        None,
    );
    let ok = failures.as_ref().is_none_or(Vec::is_empty);
    println!("  (bench took {:.1} s)", t0.elapsed().as_secs_f64());

    if let Some(path) = &args.gate.json {
        let fig = |f: &Figures| {
            json!({
                "records": f.docs, "stories": f.stories,
                "true_pairs": f.pairs.true_pairs, "predicted_pairs": f.pairs.predicted_pairs,
                "precision": f.pairs.precision, "recall": f.pairs.recall,
                "f1": f.pairs.f1, "ari": f.pairs.ari, "merged": f.merged,
                "roundups": f.roundups, "roundup_pairs": f.roundup_pairs,
                "origin_accuracy": f.origin_accuracy(), "origin_known": f.origin_known,
                "origin_uncertain": f.origin_uncertain,
                "source_accuracy": f.parent_accuracy(),
            })
        };
        let v = json!({
            "main": fig(&fig_main),
            "heldout": fig(&fig_held),
            "main_roundups": fig(&fig_main_r),
            "heldout_roundups": fig(&fig_held_r),
            "speed": {
                "stemma_records_per_s": stemma_dps,
                "datasketch_records_per_s": peer.as_ref().map(|p| main_docs as f64 / p.seconds),
                "datasketch_version": peer.as_ref().and_then(|p| p.version.clone()),
                "datasketch_per_shingle_records_per_s": peer_basic.as_ref().map(|p| main_docs as f64 / p.seconds),
            },
            "datasketch": peer_score.map(|s| json!({"precision": s.precision, "recall": s.recall, "f1": s.f1, "ari": s.ari})),
            "scale": scale_json,
            "floors": {"file": args.gate.floors.as_ref().map(|p| p.display().to_string()), "failures": failures},
        });
        fs::write(path, serde_json::to_string_pretty(&v)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(ok)
}

/// Each record's stories, as the sorted urls of each story's copies, sorted.
fn story_urls(c: &Corpus, o: &Outcome) -> HashMap<String, Vec<Vec<String>>> {
    let mut members: HashMap<u32, Vec<String>> = HashMap::new();
    for (d, &l) in o.labels.iter().enumerate() {
        members.entry(l).or_default().push(id_of(c, d).to_string());
    }
    for v in members.values_mut() {
        v.sort();
    }
    (0..c.docs.len())
        .map(|d| {
            let mut v: Vec<Vec<String>> = o.memberships[d]
                .iter()
                .filter_map(|k| members.get(k).cloned())
                .collect();
            v.sort();
            (id_of(c, d).to_string(), v)
        })
        .collect()
}

/// Cluster the corpus again with its records in a shuffled order (and batches cut elsewhere)
/// and count the records whose stories differ.
fn order_changes(c: &Corpus, o: &Outcome, seed: u64) -> Result<usize> {
    let mut rng = corpus::Rng::new(seed ^ 0x5_4F_FE);
    let mut order: Vec<usize> = (0..c.docs.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let shuffled = Corpus {
        docs: order.iter().map(|&d| c.docs[d].clone()).collect(),
        truth: order.iter().map(|&d| c.truth[d].clone()).collect(),
        stories: c.stories,
        roundup_start: c.docs.len(),
    };
    let again = story_urls(&shuffled, &run_stemma(&shuffled)?);
    let before = story_urls(c, o);
    Ok(before
        .iter()
        .filter(|(k, v)| again.get(*k) != Some(*v))
        .count())
}

/// CPU time of this thread, from /proc/thread-self/schedstat (nanoseconds on a CPU): speed
/// on one core that other work on a shared machine does not distort.
pub fn thread_cpu_seconds() -> Option<f64> {
    let s = fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Peak resident set of this process (VmHWM), MiB.
pub fn vm_hwm_mib() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Print the predicted clusters that mix true stories (development aid).
fn debug_clusters(c: &Corpus, o: &Outcome) {
    let mut mixed: Vec<&(Vec<u32>, Story)> = o
        .stories
        .iter()
        .filter(|(m, _)| {
            let s0 = c.truth[m[0] as usize].story;
            m.iter().any(|&d| c.truth[d as usize].story != s0)
        })
        .collect();
    mixed.sort_by_key(|(m, _)| std::cmp::Reverse(m.len()));
    // True stories split over several predicted clusters.
    let mut by_story: HashMap<u32, Vec<usize>> = HashMap::new();
    for (d, t) in c.truth.iter().enumerate() {
        by_story.entry(t.story).or_default().push(d);
    }
    let mut split: Vec<&Vec<usize>> = by_story
        .values()
        .filter(|v| v.iter().any(|&d| o.labels[d] != o.labels[v[0]]))
        .collect();
    split.sort();
    for v in split.iter().take(6) {
        eprintln!("-- split story");
        if let Ok(mut f) = fs::File::create(format!("/tmp/split-{}.jsonl", v[0])) {
            for &d in v.iter() {
                let _ = serde_json::to_writer(&mut f, &c.docs[d]);
                let _ = f.write_all(b"\n");
            }
        }
        let first = prepare(&c.docs[v[0]]);
        for &d in v.iter() {
            let a = &c.docs[d];
            let p = prepare(a);
            eprintln!(
                "   label {} keys {} shared-with-first {} words {} parent {:?} {:?}",
                o.labels[d],
                p.keys.len(),
                stemma_core::syndicate::shingle::intersect_count(&p.keys, &first.keys),
                a.text.split_whitespace().count(),
                c.truth[d].parent,
                a.text.chars().take(80).collect::<String>()
            );
        }
    }
    for (m, _) in mixed.iter().take(5) {
        eprintln!("-- mixed cluster of {}", m.len());
        for &d in m.iter().take(12) {
            let a = &c.docs[d as usize];
            eprintln!(
                "   story {} {} {:?}",
                c.truth[d as usize].story,
                a.url.as_deref().unwrap_or(""),
                a.text.chars().take(100).collect::<String>()
            );
        }
    }
}

/// Print predicted stories holding records that share no true story (development aid).
fn debug_false_pairs(c: &Corpus, o: &Outcome, truth_sets: &[Vec<u32>]) {
    let mut by: HashMap<u32, Vec<usize>> = HashMap::new();
    for (d, m) in o.memberships.iter().enumerate() {
        for &k in m {
            by.entry(k).or_default().push(d);
        }
    }
    // Missed true pairs, by whether a roundup record is in them.
    let mut tby: HashMap<u32, Vec<usize>> = HashMap::new();
    for (d, t) in truth_sets.iter().enumerate() {
        for &k in t {
            tby.entry(k).or_default().push(d);
        }
    }
    let (mut miss_r, mut miss_o) = (0, 0);
    let mut seen = std::collections::HashSet::new();
    for v in tby.values() {
        for (i, &a) in v.iter().enumerate() {
            for &b in &v[i + 1..] {
                if !seen.insert((a.min(b), a.max(b))) {
                    continue;
                }
                if o.memberships[a]
                    .iter()
                    .any(|k| o.memberships[b].contains(k))
                {
                    continue;
                }
                if c.truth[a].embeds.is_empty() && c.truth[b].embeds.is_empty() {
                    miss_o += 1;
                    if miss_o < 6 {
                        eprintln!(
                            "missed {} {:?} / {} {:?}",
                            c.docs[a].url.as_deref().unwrap_or(""),
                            c.truth[a].parent,
                            c.docs[b].url.as_deref().unwrap_or(""),
                            c.truth[b].parent
                        );
                    }
                } else {
                    miss_r += 1;
                }
            }
        }
    }
    eprintln!("missed pairs: {miss_r} with a roundup, {miss_o} others");
    let mut shown = 0;
    for (k, v) in &by {
        let bad = v.iter().any(|&a| {
            v.iter()
                .any(|&b| !truth_sets[a].iter().any(|t| truth_sets[b].contains(t)))
        });
        if !bad || shown > 12 {
            continue;
        }
        shown += 1;
        eprintln!("-- predicted story {k}");
        for &d in v {
            eprintln!(
                "   {} truth {:?} parent {:?} {} {} {:?}",
                if o.labels[d] == *k { "copy " } else { "embed" },
                truth_sets[d],
                c.truth[d].parent,
                c.docs[d].url.as_deref().unwrap_or(""),
                c.docs[d].published.as_deref().unwrap_or(""),
                c.docs[d].text.chars().take(60).collect::<String>()
            );
        }
    }
}
