//! `stemma-bench extraction`: accuracy, speed, memory, seed, floors.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::hint::black_box;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use serde_json::{json, Value};
use stemma_core::Article;

use crate::data::{self, Dataset};
use crate::metrics::{self, Prf, ShingleCounts, SnippetCounts};
use crate::peer::{self, PeerRun};
use crate::{seed, ExtractionArgs, Prediction};

/// Speed gates (printed, never enforced; issues 14 and 16): stemma at least this many times
/// trafilatura's pages/s in-process …
const GATE_VS_TRAFILATURA: f64 = 16.0;
/// … and stemma's time at most this many times a bare html5ever parse.
const GATE_VS_PARSE: f64 = 1.5;

// ---------------------------------------------------------------------------------------------
// Running stemma
// ---------------------------------------------------------------------------------------------

/// stemma's output on one page: the article, or why there is none.
type StemmaOut = Result<Article, String>;

fn extract_guarded(doc: &stemma_core::Document) -> StemmaOut {
    match panic::catch_unwind(AssertUnwindSafe(|| stemma_core::extract(doc))) {
        Ok(Ok(a)) => Ok(a),
        Ok(Err(e)) => Err(format!("error: {e}")),
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!("panic: {msg}"))
        }
    }
}

fn prediction(out: &StemmaOut) -> Prediction {
    match out {
        Ok(a) => Prediction {
            text: a.text.clone(),
            title: a.title.clone(),
            authors: a.authors.clone(),
            published: a.published.clone(),
            ok: true,
        },
        Err(_) => Prediction::default(),
    }
}

fn run_stemma(ds: &Dataset) -> Vec<StemmaOut> {
    let start = Instant::now();
    let outs: Vec<StemmaOut> = ds
        .pages
        .iter()
        .map(|p| {
            let out = extract_guarded(&p.doc);
            if let Err(e) = &out {
                eprintln!(
                    "warning: stemma failed on {} {}: {e}; counted as empty output",
                    ds.name, p.id
                );
            }
            out
        })
        .collect();
    eprintln!(
        "stemma: {} {} pages in {:.2} s",
        ds.pages.len(),
        ds.name,
        start.elapsed().as_secs_f64()
    );
    outs
}

/// A peer's predictions in dataset order; a page the peer did not return counts as empty.
fn peer_predictions(run: &PeerRun, ds: &Dataset) -> Vec<Prediction> {
    let mut missing = 0;
    let preds = ds
        .pages
        .iter()
        .map(|p| match run.get(ds.name, &p.id) {
            Some((pred, _)) => pred.clone(),
            None => {
                missing += 1;
                Prediction::default()
            }
        })
        .collect();
    if missing > 0 {
        eprintln!(
            "warning: trafilatura returned nothing for {missing} {} pages; counted as empty",
            ds.name
        );
    }
    preds
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

fn is_empty_text(s: &str) -> bool {
    metrics::tokens(s).is_empty()
}

struct ShScore {
    counts: Vec<ShingleCounts>,
    /// README rule: every page counts.
    main: Prf,
    /// upstream evaluate.py rule: pages without predicted shingles skipped in precision.
    upstream: Prf,
    empty: usize,
    failed: usize,
}

fn score_scrapinghub(ds: &Dataset, preds: &[Prediction]) -> ShScore {
    let counts: Vec<ShingleCounts> = ds
        .pages
        .iter()
        .zip(preds)
        .map(|(p, pr)| metrics::shingle_counts(&p.gold.body, &pr.text))
        .collect();
    ShScore {
        main: metrics::shingle_aggregate(&counts),
        upstream: metrics::shingle_aggregate_upstream(&counts),
        counts,
        empty: preds.iter().filter(|p| is_empty_text(&p.text)).count(),
        failed: preds.iter().filter(|p| !p.ok).count(),
    }
}

#[derive(Default, Clone, Copy)]
struct Frac {
    matched: usize,
    total: usize,
}

impl Frac {
    fn add(&mut self, ok: Option<bool>) {
        if let Some(ok) = ok {
            self.total += 1;
            self.matched += ok as usize;
        }
    }
    fn value(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.matched as f64 / self.total as f64
        }
    }
    fn cell(&self) -> String {
        format!("{:.4} ({}/{})", self.value(), self.matched, self.total)
    }
    fn json(&self) -> Value {
        json!({"fraction": self.value(), "matched": self.matched, "pages": self.total})
    }
}

/// One WCXB page; `None` where gold has nothing to compare with.
struct WcxbPage {
    body: Option<Prf>,
    title: Option<bool>,
    author: Option<bool>,
    day: Option<bool>,
}

struct WcxbScore {
    pages: Vec<WcxbPage>,
    /// Mean per-page P, R, F1 over pages whose gold body has words.
    body: Prf,
    body_pages: usize,
    title: Frac,
    author: Frac,
    day: Frac,
    empty: usize,
    failed: usize,
}

fn score_wcxb(ds: &Dataset, preds: &[Prediction]) -> WcxbScore {
    let pages: Vec<WcxbPage> = ds
        .pages
        .iter()
        .zip(preds)
        .map(|(p, pr)| {
            let g = &p.gold;
            WcxbPage {
                // Pages whose gold body is empty (2 in the dev split) are left out of the body
                // average rather than scored against nothing.
                body: (!is_empty_text(&g.body)).then(|| metrics::bow_prf(&g.body, &pr.text)),
                title: g
                    .title
                    .as_deref()
                    .filter(|t| metrics::has_words(Some(t)))
                    .map(|t| metrics::title_match(t, pr.title.as_deref())),
                author: g
                    .author
                    .as_deref()
                    .filter(|a| metrics::has_words(Some(a)))
                    .map(|a| metrics::author_match(a, &pr.authors)),
                day: g
                    .date
                    .as_deref()
                    .filter(|d| metrics::has_gold_day(Some(d)))
                    .map(|d| metrics::day_match(d, pr.published.as_deref())),
            }
        })
        .collect();
    let bodies: Vec<Prf> = pages.iter().filter_map(|p| p.body).collect();
    let (mut title, mut author, mut day) = (Frac::default(), Frac::default(), Frac::default());
    for p in &pages {
        title.add(p.title);
        author.add(p.author);
        day.add(p.day);
    }
    WcxbScore {
        body: metrics::mean_prf(&bodies),
        body_pages: bodies.len(),
        pages,
        title,
        author,
        day,
        empty: preds.iter().filter(|p| is_empty_text(&p.text)).count(),
        failed: preds.iter().filter(|p| !p.ok).count(),
    }
}

/// trafilatura-eval: snippet counts per page and summed.
struct TeScore {
    pages: Vec<SnippetCounts>,
    total: SnippetCounts,
    prf: Prf,
    empty: usize,
    failed: usize,
}

fn score_trafilatura_eval(ds: &Dataset, preds: &[Prediction]) -> TeScore {
    let pages: Vec<SnippetCounts> = ds
        .pages
        .iter()
        .zip(preds)
        .map(|(p, pr)| metrics::snippet_counts(&p.gold.with, &p.gold.without, &pr.text))
        .collect();
    let mut total = SnippetCounts::default();
    for c in &pages {
        total += *c;
    }
    TeScore {
        prf: total.prf(),
        pages,
        total,
        empty: preds.iter().filter(|p| is_empty_text(&p.text)).count(),
        failed: preds.iter().filter(|p| !p.ok).count(),
    }
}

// ---------------------------------------------------------------------------------------------
// Speed and memory
// ---------------------------------------------------------------------------------------------

struct Timing {
    /// Seconds per round over all pages.
    rounds: Vec<f64>,
    pages: usize,
}

impl Timing {
    fn median(&self) -> f64 {
        let mut r = self.rounds.clone();
        r.sort_by(f64::total_cmp);
        let n = r.len();
        if n == 0 {
            f64::NAN
        } else if n % 2 == 1 {
            r[n / 2]
        } else {
            (r[n / 2 - 1] + r[n / 2]) / 2.0
        }
    }
    fn best(&self) -> f64 {
        self.rounds.iter().copied().fold(f64::INFINITY, f64::min)
    }
    /// Pages per second of the best (fastest) round: on a shared machine other processes
    /// only ever add time, so the best round is the steadiest estimate.
    fn pages_per_s(&self) -> f64 {
        self.pages as f64 / self.best()
    }
    fn ms_per_page(&self) -> f64 {
        self.best() * 1000.0 / self.pages as f64
    }
    fn json(&self) -> Value {
        json!({
            "pages_per_s": self.pages_per_s(),
            "ms_per_page": self.ms_per_page(),
            "rounds": self.rounds.len(),
            "median_round_s": self.median(),
            "best_round_s": self.best(),
            "median_pages_per_s": self.pages as f64 / self.median(),
        })
    }
}

fn time_rounds(
    pages: usize,
    min_rounds: usize,
    min_seconds: f64,
    mut round: impl FnMut(),
) -> Timing {
    let start = Instant::now();
    let mut rounds = Vec::new();
    loop {
        let t = Instant::now();
        round();
        rounds.push(t.elapsed().as_secs_f64());
        let enough =
            rounds.len() >= min_rounds.max(1) && start.elapsed().as_secs_f64() >= min_seconds;
        if enough || rounds.len() >= 10_000 {
            break;
        }
    }
    Timing { rounds, pages }
}

/// Peak resident set of this process (VmHWM), MiB.
fn vm_hwm_mib() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

struct Speed {
    stemma: Timing,
    parse: Timing,
    /// Quotes and entities (`attrib::annotate`) on the extracted articles, after extraction.
    annotate: Timing,
    /// trafilatura on the same pages: (pages, seconds summed over them).
    trafilatura: Option<(usize, f64)>,
    /// The quotes found on the extracted articles: (all, interrupted, not citing the text).
    quotes: (usize, usize, usize),
}

impl Speed {
    fn traf_pages_per_s(&self) -> Option<f64> {
        self.trafilatura.map(|(n, s)| n as f64 / s)
    }
    fn ratio_vs_trafilatura(&self) -> Option<f64> {
        self.traf_pages_per_s()
            .map(|t| self.stemma.pages_per_s() / t)
    }
    /// stemma's time over the bare parse's time (best rounds).
    fn ratio_vs_parse(&self) -> f64 {
        self.stemma.best() / self.parse.best()
    }
}

fn measure_speed(args: &ExtractionArgs, ds: &Dataset, peers: Option<&PeerRun>) -> Speed {
    let docs: Vec<&stemma_core::Document> = ds.pages.iter().map(|p| &p.doc).collect();
    // Same decoding as stemma's, done once, untimed: the parse-only figure times the tree
    // building alone.
    let decoded: Vec<String> = docs
        .iter()
        .map(|d| stemma_core::charset::decode(&d.bytes, d.http_charset.as_deref(), true).0)
        .collect();

    // Failures were reported in the accuracy pass; keep repeated panics quiet here.
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    eprintln!("speed: stemma extract, {} pages, 1 thread …", docs.len());
    let stemma = time_rounds(docs.len(), args.min_rounds, args.min_seconds, || {
        for d in &docs {
            let _ = black_box(extract_guarded(black_box(d)));
        }
    });
    panic::set_hook(hook);
    eprintln!("speed: quotes and entities on the extracted articles, 1 thread …");
    let extracted: Vec<stemma_core::Article> = docs
        .iter()
        .filter_map(|d| extract_guarded(d).ok())
        .collect();
    let annotate = time_rounds(extracted.len(), args.min_rounds, args.min_seconds, || {
        for a in &extracted {
            let mut a = a.clone();
            stemma_core::attrib::annotate(black_box(&mut a));
            black_box(a);
        }
    });
    // The record contract on real pages: every quote's pieces cite the text (Quote::cites).
    let mut quotes = (0, 0, 0);
    for a in &extracted {
        let mut a = a.clone();
        stemma_core::attrib::annotate(&mut a);
        for q in &a.quotes {
            quotes.0 += 1;
            quotes.1 += usize::from(q.pieces.len() > 1);
            quotes.2 += usize::from(!q.cites(&a.text));
        }
    }
    eprintln!("speed: html5ever parse only (scraper::Html::parse_document) …");
    let parse = time_rounds(docs.len(), args.min_rounds, args.min_seconds, || {
        for s in &decoded {
            black_box(scraper::Html::parse_document(black_box(s)));
        }
    });
    let trafilatura = peers.and_then(|run| {
        let secs: Vec<f64> = ds
            .pages
            .iter()
            .filter_map(|p| run.get(ds.name, &p.id).map(|(_, s)| *s))
            .collect();
        (!secs.is_empty()).then(|| (secs.len(), secs.iter().sum()))
    });
    Speed {
        stemma,
        parse,
        annotate,
        trafilatura,
        quotes,
    }
}

// ---------------------------------------------------------------------------------------------
// Floors
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Dump
// ---------------------------------------------------------------------------------------------

fn f4(x: f64) -> String {
    format!("{x:.4}")
}

fn opt_bool(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "1",
        Some(false) => "0",
        None => "-",
    }
}

/// Per-page outputs: stemma's records as `stemma/<set>/<id>.json`, the peer's text as
/// `trafilatura/<set>/<id>.txt`.
fn write_outputs(
    dir: &Path,
    ds: &Dataset,
    outs: &[StemmaOut],
    peer: Option<&[Prediction]>,
) -> Result<()> {
    let d = dir.join("stemma").join(ds.name);
    fs::create_dir_all(&d).with_context(|| format!("creating {}", d.display()))?;
    for (p, out) in ds.pages.iter().zip(outs) {
        let v = match out {
            Ok(a) => serde_json::to_value(a)?,
            Err(e) => json!({ "error": e }),
        };
        fs::write(
            d.join(format!("{}.json", p.id)),
            serde_json::to_string_pretty(&v)?,
        )?;
    }
    if let Some(preds) = peer {
        let d = dir.join("trafilatura").join(ds.name);
        fs::create_dir_all(&d)?;
        for (p, pr) in ds.pages.iter().zip(preds) {
            fs::write(d.join(format!("{}.txt", p.id)), &pr.text)?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn dump(
    dir: &Path,
    sh: &Dataset,
    wc: &Dataset,
    sh_out: &[StemmaOut],
    wc_out: &[StemmaOut],
    sh_score: &ShScore,
    wc_score: &WcxbScore,
    peers: Option<(&[Prediction], &[Prediction], &ShScore, &WcxbScore)>,
) -> Result<()> {
    write_outputs(dir, sh, sh_out, peers.map(|p| p.0))?;
    write_outputs(dir, wc, wc_out, peers.map(|p| p.1))?;
    let tok = |s: &str| metrics::tokens(s).len();

    // ScrapingHub: worst page F1 first.
    let mut rows: Vec<(f64, String)> = Vec::new();
    for (i, p) in sh.pages.iter().enumerate() {
        let c = sh_score.counts[i];
        let pred = sh_out[i].as_ref().map(|a| a.text.as_str()).unwrap_or("");
        let mut line = format!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            p.id,
            f4(c.precision()),
            f4(c.recall()),
            f4(c.page_f1()),
            tok(&p.gold.body),
            tok(pred)
        );
        if let Some((_, _, ps, _)) = peers {
            let _ = write!(line, "\t{}", f4(ps.counts[i].page_f1()));
        }
        let _ = write!(line, "\t{}", p.url.as_deref().unwrap_or(""));
        rows.push((c.page_f1(), line));
    }
    let mut head = "id\tprecision\trecall\tf1\tgold_tokens\tpred_tokens".to_string();
    if peers.is_some() {
        head.push_str("\ttrafilatura_f1");
    }
    head.push_str("\turl");
    write_tsv(&dir.join("scrapinghub.tsv"), &head, rows)?;

    // WCXB: worst page F1 first; pages without a gold body last.
    let mut rows: Vec<(f64, String)> = Vec::new();
    for (i, p) in wc.pages.iter().enumerate() {
        let s = &wc_score.pages[i];
        let pred = wc_out[i].as_ref().map(|a| a.text.as_str()).unwrap_or("");
        let (pp, rr, ff) = match s.body {
            Some(b) => (f4(b.precision), f4(b.recall), f4(b.f1)),
            None => ("-".into(), "-".into(), "-".into()),
        };
        let mut line = format!(
            "{}\t{pp}\t{rr}\t{ff}\t{}\t{}\t{}\t{}\t{}",
            p.id,
            tok(&p.gold.body),
            tok(pred),
            opt_bool(s.title),
            opt_bool(s.author),
            opt_bool(s.day)
        );
        if let Some((_, _, _, pw)) = peers {
            let tf = pw.pages[i]
                .body
                .map(|b| f4(b.f1))
                .unwrap_or_else(|| "-".into());
            let _ = write!(line, "\t{tf}");
        }
        let _ = write!(line, "\t{}", p.url.as_deref().unwrap_or(""));
        rows.push((s.body.map(|b| b.f1).unwrap_or(f64::INFINITY), line));
    }
    let mut head =
        "id\tprecision\trecall\tf1\tgold_tokens\tpred_tokens\ttitle_ok\tauthor_ok\tday_ok"
            .to_string();
    if peers.is_some() {
        head.push_str("\ttrafilatura_f1");
    }
    head.push_str("\turl");
    write_tsv(&dir.join("wcxb.tsv"), &head, rows)?;
    eprintln!("dump: wrote {}", dir.display());
    Ok(())
}

/// trafilatura-eval: per-page outputs, and one row per page (most missed snippets first) with
/// the snippets missed and those wrongly kept.
fn dump_trafilatura_eval(
    dir: &Path,
    ds: &Dataset,
    outs: &[StemmaOut],
    score: &TeScore,
    peer: Option<(&[Prediction], &TeScore)>,
) -> Result<()> {
    write_outputs(dir, ds, outs, peer.map(|p| p.0))?;
    let mut rows: Vec<(f64, String)> = Vec::new();
    for (i, p) in ds.pages.iter().enumerate() {
        let c = score.pages[i];
        let text = outs[i].as_ref().map(|a| a.text.as_str()).unwrap_or("");
        let listed = |snips: &[String], want: bool| -> String {
            metrics::snippet_hits(snips, text)
                .into_iter()
                .filter(|&(_, hit)| hit == want)
                .map(|(s, _)| s.replace(['\t', '\n'], " "))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let mut line = format!(
            "{}\t{}\t{}\t{}\t{}",
            p.id,
            c.tp,
            c.fn_,
            c.fp,
            metrics::tokens(text).len()
        );
        if let Some((_, ps)) = peer {
            let pc = ps.pages[i];
            let _ = write!(line, "\t{}\t{}\t{}", pc.tp, pc.fn_, pc.fp);
        }
        let _ = write!(
            line,
            "\t{}\t{}\t{}",
            listed(&p.gold.with, false),
            listed(&p.gold.without, true),
            p.url.as_deref().unwrap_or("")
        );
        rows.push((-((c.fn_ + c.fp) as f64), line));
    }
    let mut head = "id\ttp\tfn\tfp\tpred_tokens".to_string();
    if peer.is_some() {
        head.push_str("\ttrafilatura_tp\ttrafilatura_fn\ttrafilatura_fp");
    }
    head.push_str("\tmissed\twrongly_kept\turl");
    write_tsv(&dir.join("trafilatura-eval.tsv"), &head, rows)
}

fn write_tsv(path: &Path, head: &str, mut rows: Vec<(f64, String)>) -> Result<()> {
    rows.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let mut out = String::with_capacity(rows.len() * 100);
    out.push_str(head);
    out.push('\n');
    for (_, l) in rows {
        out.push_str(&l);
        out.push('\n');
    }
    fs::write(path, out).with_context(|| format!("writing {}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------------------------

const LABEL_W: usize = 40;
const COL_W: usize = 20;

pub(crate) fn row(label: &str, stemma: String, peer: Option<String>) {
    match peer {
        Some(p) => println!("  {label:<LABEL_W$} {stemma:>COL_W$} {p:>COL_W$}"),
        None => println!("  {label:<LABEL_W$} {stemma:>COL_W$}"),
    }
}

fn prf_json(p: &Prf) -> Value {
    json!({"precision": p.precision, "recall": p.recall, "f1": p.f1})
}

/// Run everything; Ok(false) when a floor is not met.
/// The floors keys this bench owns.
const EXTRACTION_FLOORS: &[&str] = &[
    "scrapinghub_",
    "wcxb_",
    "trafilatura_eval_",
    "htmldate_",
    "seed",
];

pub fn run(args: &ExtractionArgs) -> Result<bool> {
    let t0 = Instant::now();
    eprintln!("loading pages from {} …", args.gate.shared.display());
    let sh = data::load_scrapinghub(&args.gate.shared)?;
    let wc = data::load_wcxb(&args.gate.shared)?;
    let te = data::load_trafilatura_eval(&args.gate.shared)?;
    eprintln!(
        "loaded {} scrapinghub + {} wcxb + {} trafilatura-eval pages ({} skipped) in {:.1} s",
        sh.pages.len(),
        wc.pages.len(),
        te.pages.len(),
        sh.skipped + wc.skipped + te.skipped,
        t0.elapsed().as_secs_f64()
    );

    // Accuracy: stemma.
    let sh_out = run_stemma(&sh);
    let wc_out = run_stemma(&wc);
    let sh_pred: Vec<Prediction> = sh_out.iter().map(prediction).collect();
    let wc_pred: Vec<Prediction> = wc_out.iter().map(prediction).collect();
    let sh_score = score_scrapinghub(&sh, &sh_pred);
    let wc_score = score_wcxb(&wc, &wc_pred);
    let te_out = run_stemma(&te);
    let te_pred: Vec<Prediction> = te_out.iter().map(prediction).collect();
    let te_score = score_trafilatura_eval(&te, &te_pred);

    // Peers.
    let mut peer_note = None;
    let peer_run = if args.peers {
        match peer::run_trafilatura(&args.python, &args.gate.shared) {
            Ok(r) => Some(r),
            Err(e) => {
                let note = format!("trafilatura: unavailable ({e:#})");
                eprintln!("{note}");
                peer_note = Some(note);
                None
            }
        }
    } else {
        None
    };
    let peer_preds = peer_run
        .as_ref()
        .map(|r| (peer_predictions(r, &sh), peer_predictions(r, &wc)));
    let peer_scores = peer_preds
        .as_ref()
        .map(|(s, w)| (score_scrapinghub(&sh, s), score_wcxb(&wc, w)));
    let te_peer_pred = peer_run.as_ref().map(|r| peer_predictions(r, &te));
    let te_peer_score = te_peer_pred
        .as_ref()
        .map(|p| score_trafilatura_eval(&te, p));

    let dates = crate::dates::run(
        &args.gate.shared,
        args.peers.then_some(args.python.as_path()),
    )?;

    // Speed (single thread, ScrapingHub pages).
    let speed = measure_speed(args, &sh, peer_run.as_ref());

    // Seed.
    eprintln!("seed check …");
    let seed_checks = seed::run(&args.gate.shared);

    // ---- the table ----
    let has_peer = peer_scores.is_some();
    let pc =
        |f: &dyn Fn(&ShScore, &WcxbScore) -> String| peer_scores.as_ref().map(|(s, w)| f(s, w));
    println!();
    println!("== Accuracy ==");
    println!(
        "scrapinghub: {} pages; 4-gram shingles of case-sensitive \\w+ tokens; P, R averaged over pages",
        sh.pages.len()
    );
    row("", "stemma".into(), has_peer.then(|| "trafilatura".into()));
    row(
        "precision",
        f4(sh_score.main.precision),
        pc(&|s, _| f4(s.main.precision)),
    );
    row(
        "recall",
        f4(sh_score.main.recall),
        pc(&|s, _| f4(s.main.recall)),
    );
    row("F1", f4(sh_score.main.f1), pc(&|s, _| f4(s.main.f1)));
    row(
        "F1, upstream rule (empty skipped in P)",
        f4(sh_score.upstream.f1),
        pc(&|s, _| f4(s.upstream.f1)),
    );
    row(
        "empty outputs / failures",
        format!("{} / {}", sh_score.empty, sh_score.failed),
        pc(&|s, _| format!("{} / {}", s.empty, s.failed)),
    );
    println!();
    println!(
        "wcxb-dev-articles: {} pages; body: bag of lower-cased \\w+ tokens, per-page F1 averaged",
        wc.pages.len()
    );
    row("", "stemma".into(), has_peer.then(|| "trafilatura".into()));
    let body_label = |what: &str| format!("body {what} ({} pages with gold)", wc_score.body_pages);
    row(
        &body_label("precision"),
        f4(wc_score.body.precision),
        pc(&|_, w| f4(w.body.precision)),
    );
    row(
        &body_label("recall"),
        f4(wc_score.body.recall),
        pc(&|_, w| f4(w.body.recall)),
    );
    row(
        &body_label("F1"),
        f4(wc_score.body.f1),
        pc(&|_, w| f4(w.body.f1)),
    );
    row(
        "title (exact word sequence)",
        wc_score.title.cell(),
        pc(&|_, w| w.title.cell()),
    );
    row(
        "author (exact word sequence)",
        wc_score.author.cell(),
        pc(&|_, w| w.author.cell()),
    );
    row(
        "day (YYYY-MM-DD)",
        wc_score.day.cell(),
        pc(&|_, w| w.day.cell()),
    );
    row(
        "empty outputs / failures",
        format!("{} / {}", wc_score.empty, wc_score.failed),
        pc(&|_, w| format!("{} / {}", w.empty, w.failed)),
    );
    println!();
    println!(
        "trafilatura-eval-dev: {} pages of every kind; {} snippets that must be in the main text, {} that must not",
        te.pages.len(),
        te_score.total.tp + te_score.total.fn_,
        te_score.total.fp + te_score.total.tn
    );
    row("", "stemma".into(), has_peer.then(|| "trafilatura".into()));
    let tc = |f: &dyn Fn(&TeScore) -> String| te_peer_score.as_ref().map(f);
    row(
        "precision",
        f4(te_score.prf.precision),
        tc(&|t| f4(t.prf.precision)),
    );
    row("recall", f4(te_score.prf.recall), tc(&|t| f4(t.prf.recall)));
    row("F1", f4(te_score.prf.f1), tc(&|t| f4(t.prf.f1)));
    row(
        "empty outputs / failures",
        format!("{} / {}", te_score.empty, te_score.failed),
        tc(&|t| format!("{} / {}", t.empty, t.failed)),
    );
    if let Some(n) = &peer_note {
        println!("  {n}");
    } else if !args.peers {
        println!("  (peers not run; add --peers)");
    }
    dates.print();

    println!();
    println!(
        "== Speed: scrapinghub, {} pages, one thread ==",
        sh.pages.len()
    );
    for (label, t) in [
        ("stemma extract", &speed.stemma),
        ("+ quotes and entities (annotate)", &speed.annotate),
        ("html5ever parse only (scraper)", &speed.parse),
    ] {
        println!(
            "  {:<LABEL_W$} {:>10.1} pages/s  {:.3} ms/page  (best of {} rounds; median {:.1} pages/s)",
            label,
            t.pages_per_s(),
            t.ms_per_page(),
            t.rounds.len(),
            t.pages as f64 / t.median()
        );
    }
    match (speed.trafilatura, speed.traf_pages_per_s()) {
        (Some((n, secs)), Some(pps)) => println!(
            "  {:<LABEL_W$} {:>10.1} pages/s  {:.3} ms/page  (one round, {n} pages)",
            "trafilatura",
            pps,
            secs * 1000.0 / n as f64
        ),
        _ => println!("  {:<LABEL_W$} {:>10}", "trafilatura", "n/a"),
    }
    match speed.ratio_vs_trafilatura() {
        Some(r) => println!(
            "  {:<LABEL_W$} {:>10.4}×  gate ≥ {GATE_VS_TRAFILATURA}×: {}",
            "stemma / trafilatura pages/s",
            r,
            if r >= GATE_VS_TRAFILATURA {
                "ok"
            } else {
                "BELOW"
            }
        ),
        None => println!(
            "  {:<LABEL_W$} {:>10}",
            "stemma / trafilatura pages/s", "n/a"
        ),
    }
    let r = speed.ratio_vs_parse();
    println!(
        "  {:<LABEL_W$} {:>10.4}×  gate ≤ {GATE_VS_PARSE}×: {}",
        "stemma time / parse-only time",
        r,
        if r <= GATE_VS_PARSE { "ok" } else { "ABOVE" }
    );
    println!("  (speed gates are reported, never enforced)");

    println!();
    println!("== Memory (peak RSS) ==");
    let hwm = vm_hwm_mib();
    let mib = |x: Option<f64>| {
        x.map(|v| format!("{v:.1} MiB"))
            .unwrap_or_else(|| "n/a".into())
    };
    println!(
        "  {:<LABEL_W$} {:>12}  (holds all {} pages in memory)",
        "stemma-bench (VmHWM)",
        mib(hwm),
        sh.pages.len() + wc.pages.len() + te.pages.len()
    );
    let peer_rss = peer_run.as_ref().and_then(|r| r.summary.max_rss_mib);
    if args.peers {
        println!(
            "  {:<LABEL_W$} {:>12}  (holds all pages in memory too)",
            "trafilatura peer (ru_maxrss)",
            mib(peer_rss)
        );
    }

    println!();
    println!("== Seed check ==");
    let seed_ok = seed::print(&seed_checks);

    println!();
    let (quotes, interrupted, uncited) = speed.quotes;
    println!(
        "== Quote offsets: scrapinghub, {quotes} quotes ({interrupted} interrupted): {uncited} do not cite the text =="
    );

    // ---- figures, floors, JSON, dump ----
    let mut measured: BTreeMap<&'static str, f64> = BTreeMap::new();
    measured.insert("scrapinghub_precision", sh_score.main.precision);
    measured.insert("scrapinghub_recall", sh_score.main.recall);
    measured.insert("scrapinghub_f1", sh_score.main.f1);
    measured.insert("scrapinghub_f1_upstream", sh_score.upstream.f1);
    measured.insert("wcxb_precision", wc_score.body.precision);
    measured.insert("wcxb_recall", wc_score.body.recall);
    measured.insert("wcxb_f1", wc_score.body.f1);
    measured.insert("wcxb_title", wc_score.title.value());
    measured.insert("wcxb_author", wc_score.author.value());
    measured.insert("wcxb_day", wc_score.day.value());
    measured.insert("trafilatura_eval_precision", te_score.prf.precision);
    measured.insert("trafilatura_eval_recall", te_score.prf.recall);
    measured.insert("trafilatura_eval_f1", te_score.prf.f1);
    measured.insert("htmldate_day", dates.stemma.accuracy());

    println!();
    let failures = crate::floors::gate(
        args.gate.floors.as_deref(),
        EXTRACTION_FLOORS,
        &measured,
        Some(seed_ok),
    );

    if let Some(path) = &args.gate.json {
        let sys_json = |s: &ShScore, w: &WcxbScore, t: Option<&TeScore>| {
            json!({
                "trafilatura_eval": t.map(|t| json!({
                    "precision": t.prf.precision, "recall": t.prf.recall, "f1": t.prf.f1,
                    "snippets": {"tp": t.total.tp, "fn": t.total.fn_, "fp": t.total.fp, "tn": t.total.tn},
                    "empty_outputs": t.empty, "failures": t.failed,
                })),
                "scrapinghub": {
                    "precision": s.main.precision, "recall": s.main.recall, "f1": s.main.f1,
                    "upstream_rule": prf_json(&s.upstream),
                    "empty_outputs": s.empty, "failures": s.failed,
                },
                "wcxb": {
                    "body": prf_json(&w.body), "body_pages": w.body_pages,
                    "title": w.title.json(), "author": w.author.json(), "day": w.day.json(),
                    "empty_outputs": w.empty, "failures": w.failed,
                },
            })
        };
        let v = json!({
            "pages": {"scrapinghub": sh.pages.len(), "wcxb": wc.pages.len(), "trafilatura_eval": te.pages.len(), "skipped": sh.skipped + wc.skipped + te.skipped},
            "stemma": sys_json(&sh_score, &wc_score, Some(&te_score)),
            "trafilatura": match &peer_scores {
                Some((s, w)) => {
                    let mut v = sys_json(s, w, te_peer_score.as_ref());
                    v["version"] = json!(peer_run.as_ref().and_then(|r| r.summary.trafilatura_version.clone()));
                    v["failures_reported"] = json!(peer_run.as_ref().map(|r| r.errors));
                    v
                }
                None => json!({"unavailable": peer_note.clone().unwrap_or_else(|| "not run".into())}),
            },
            "speed": {
                "dataset": "scrapinghub",
                "threads": 1,
                "stemma": speed.stemma.json(),
                "parse_only": speed.parse.json(),
                "annotate": speed.annotate.json(),
                "trafilatura_pages_per_s": speed.traf_pages_per_s(),
                "ratio_stemma_over_trafilatura": speed.ratio_vs_trafilatura(),
                "ratio_stemma_time_over_parse_time": speed.ratio_vs_parse(),
                "gates": {
                    "stemma_over_trafilatura_min": GATE_VS_TRAFILATURA,
                    "stemma_time_over_parse_max": GATE_VS_PARSE,
                },
            },
            "memory": {"stemma_bench_vmhwm_mib": hwm, "trafilatura_max_rss_mib": peer_rss},
            "htmldate": dates.json(),
            "seed": {"ok": seed_ok, "checks": seed_checks},
            "figures": measured,
            "floors": {
                "file": args.gate.floors.as_ref().map(|p| p.display().to_string()),
                "failures": failures.clone(),
            },
        });
        fs::write(path, serde_json::to_string_pretty(&v)? + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }

    if let Some(dir) = &args.dump {
        let peers = match (&peer_preds, &peer_scores) {
            (Some((sp, wp)), Some((ss, ws))) => Some((sp.as_slice(), wp.as_slice(), ss, ws)),
            _ => None,
        };
        dump(dir, &sh, &wc, &sh_out, &wc_out, &sh_score, &wc_score, peers)?;
        let te_peer = te_peer_pred.as_deref().zip(te_peer_score.as_ref());
        dump_trafilatura_eval(dir, &te, &te_out, &te_score, te_peer)?;
        dates.dump(dir)?;
    }

    eprintln!("done in {:.1} s", t0.elapsed().as_secs_f64());
    Ok(failures.unwrap_or_default().is_empty() && uncited == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timing_median() {
        let t = Timing {
            rounds: vec![3.0, 1.0, 2.0, 10.0],
            pages: 10,
        };
        assert_eq!(t.median(), 2.5);
        assert_eq!(t.best(), 1.0);
        assert_eq!(t.pages_per_s(), 10.0);
    }
}
