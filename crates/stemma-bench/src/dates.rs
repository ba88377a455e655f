//! htmldate-dev: the day of publication on 500 pages in many languages, read without their URL.
//!
//! `htmldate-dev/ground-truth.json` = `{file: {url, date, set}}`, pages in `html/<file>`. A
//! page is right when the first ten characters of `published` equal the gold day; no answer
//! counts as wrong. The peer is trafilatura (htmldate inside), given the page alone too.

use std::fs;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use stemma_core::{Document, Format, Source};

use crate::data::gunzip;

pub const HTMLDATE_DIR: &str = "bench/extraction/htmldate-dev";

/// One page: its file name, gold day and the document stemma is given (no URL).
struct DatePage {
    id: String,
    gold: String,
    doc: Document,
}

/// Day accuracy over all pages, and how many pages had an answer at all.
#[derive(Debug, Clone, Copy, Default)]
pub struct DayScore {
    pub pages: usize,
    pub right: usize,
    pub answered: usize,
}

impl DayScore {
    pub fn accuracy(&self) -> f64 {
        if self.pages == 0 {
            0.0
        } else {
            self.right as f64 / self.pages as f64
        }
    }
    fn cell(&self) -> String {
        format!("{:.4} ({}/{})", self.accuracy(), self.right, self.pages)
    }
    fn json(&self) -> Value {
        json!({"accuracy": self.accuracy(), "right": self.right, "answered": self.answered, "pages": self.pages})
    }
}

/// One page's row in the dump: id, gold, stemma's published, its source, the peer's date.
type Row = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// What the htmldate set gave: stemma's score, the peer's (when run), per-page rows.
pub struct DatesRun {
    pub stemma: DayScore,
    pub peer: Option<DayScore>,
    rows: Vec<Row>,
}

fn load(shared: &Path) -> Result<Vec<DatePage>> {
    let dir = shared.join(HTMLDATE_DIR);
    let gt_path = dir.join("ground-truth.json");
    let text = fs::read_to_string(&gt_path)
        .with_context(|| format!("reading {} (is --shared right?)", gt_path.display()))?;
    // Python wrote it: a page without a date has `NaN`.
    let text = text.replace(": NaN", ": null");
    let gt: serde_json::Map<String, Value> =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", gt_path.display()))?;
    let mut ids: Vec<&String> = gt.keys().collect();
    ids.sort();
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        let gold = gt[id.as_str()]
            .get("date")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let path = dir.join("html").join(id);
        // A page that cannot be read stays in the count, as no answer.
        let bytes = gunzip(&path).unwrap_or_else(|e| {
            eprintln!("warning: htmldate-dev {id}: {e:#}; counted as no answer");
            Vec::new()
        });
        pages.push(DatePage {
            id: id.clone(),
            gold,
            doc: Document {
                source: Source::file(path.display().to_string(), Format::Html),
                content_format: Format::Html,
                bytes,
                http_charset: None,
            },
        });
    }
    if pages.is_empty() {
        bail!("no htmldate-dev pages in {}", dir.display());
    }
    Ok(pages)
}

fn score<'a>(golds: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> DayScore {
    let mut s = DayScore::default();
    for (gold, pred) in golds {
        s.pages += 1;
        if pred.is_some_and(|p| !p.trim().is_empty()) {
            s.answered += 1;
        }
        // A page without a date (gold `NaN`) is right when no date is given, as htmldate's
        // own evaluation counts it.
        let no_date = gold.is_empty() && pred.is_none_or(|p| p.trim().is_empty());
        if no_date || crate::metrics::day_match(gold, pred) {
            s.right += 1;
        }
    }
    s
}

/// trafilatura's date per page id; Err says why it is unavailable.
fn run_peer(python: &Path, shared: &Path) -> Result<std::collections::HashMap<String, String>> {
    let stdout = crate::peer::run_script(python, "htmldate_peer.py", shared)?;
    let mut dates = std::collections::HashMap::new();
    for line in stdout.lines() {
        let v: Value = serde_json::from_str(line).context("htmldate peer output")?;
        if let (Some(id), Some(d)) = (
            v.get("id").and_then(Value::as_str),
            v.get("date").and_then(Value::as_str),
        ) {
            dates.insert(id.to_string(), d.to_string());
        }
    }
    Ok(dates)
}

/// Run stemma (and the peer when asked) over htmldate-dev.
pub fn run(shared: &Path, peers: Option<&Path>) -> Result<DatesRun> {
    let pages = load(shared)?;
    let t0 = Instant::now();
    let outs: Vec<(Option<String>, Option<String>)> = pages
        .iter()
        .map(|p| match stemma_core::extract(&p.doc) {
            Ok(a) => (a.published, a.published_source),
            Err(_) => (None, None),
        })
        .collect();
    eprintln!(
        "stemma: {} htmldate-dev pages in {:.2} s",
        pages.len(),
        t0.elapsed().as_secs_f64()
    );
    let stemma = score(
        pages
            .iter()
            .zip(&outs)
            .map(|(p, o)| (p.gold.as_str(), o.0.as_deref())),
    );
    let peer_dates = match peers {
        Some(py) => match run_peer(py, shared) {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!("htmldate peer: unavailable ({e:#})");
                None
            }
        },
        None => None,
    };
    let peer = peer_dates.as_ref().map(|d| {
        score(
            pages
                .iter()
                .map(|p| (p.gold.as_str(), d.get(&p.id).map(String::as_str))),
        )
    });
    let rows = pages
        .iter()
        .zip(outs)
        .map(|(p, (d, s))| {
            let pd = peer_dates.as_ref().and_then(|m| m.get(&p.id).cloned());
            (p.id.clone(), p.gold.clone(), d, s, pd)
        })
        .collect();
    Ok(DatesRun { stemma, peer, rows })
}

impl DatesRun {
    /// The accuracy table rows.
    pub fn print(&self) {
        println!();
        println!(
            "htmldate-dev: {} pages, read without their URL; day = first 10 chars of published",
            self.stemma.pages
        );
        crate::extraction::row(
            "day (YYYY-MM-DD)",
            self.stemma.cell(),
            self.peer.map(|p| p.cell()),
        );
        crate::extraction::row(
            "pages answered",
            self.stemma.answered.to_string(),
            self.peer.map(|p| p.answered.to_string()),
        );
    }

    pub fn json(&self) -> Value {
        json!({"stemma": self.stemma.json(), "trafilatura": self.peer.map(|p| p.json())})
    }

    /// `htmldate.tsv` under the dump directory: wrong pages first.
    pub fn dump(&self, dir: &Path) -> Result<()> {
        let mut rows: Vec<_> = self
            .rows
            .iter()
            .map(|(id, gold, d, s, pd)| {
                let ok = crate::metrics::day_match(gold, d.as_deref())
                    || (gold.is_empty() && d.is_none());
                (
                    ok,
                    format!(
                        "{id}\t{gold}\t{}\t{}\t{}\t{ok}",
                        d.as_deref().unwrap_or("-"),
                        s.as_deref().unwrap_or("-"),
                        pd.as_deref().unwrap_or("-")
                    ),
                )
            })
            .collect();
        rows.sort_by_key(|r| r.0);
        let mut out = String::from("id\tgold\tpublished\tsource\ttrafilatura\tok\n");
        for (_, r) in rows {
            out.push_str(&r);
            out.push('\n');
        }
        fs::create_dir_all(dir)?;
        fs::write(dir.join("htmldate.tsv"), out)?;
        Ok(())
    }
}
