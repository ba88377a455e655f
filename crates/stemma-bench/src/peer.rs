//! Peers: other extractors run on the same pages and scored with the same metric code.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use crate::Prediction;

/// A peer script (`peers/<name>`), next to this crate's sources.
pub fn peer_script(name: &str) -> PathBuf {
    let built = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("peers")
        .join(name);
    if built.exists() {
        built
    } else {
        Path::new("crates/stemma-bench/peers").join(name)
    }
}

/// Run `peers/<name> --shared <shared>` with `python`; its stdout, or why it is unavailable.
pub fn run_script(python: &Path, name: &str, shared: &Path) -> Result<String> {
    if !python.exists() {
        bail!("no python at {}", python.display());
    }
    let script = peer_script(name);
    if !script.exists() {
        bail!("no peer script at {}", script.display());
    }
    eprintln!("running peer: {} {}", python.display(), script.display());
    let out = Command::new(python)
        .arg(&script)
        .arg("--shared")
        .arg(shared)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("starting {}", python.display()))?;
    if !out.status.success() {
        bail!(
            "peer script exited with {} (its stderr is above)",
            out.status
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[derive(Deserialize)]
struct Line {
    dataset: String,
    id: String,
    #[serde(default)]
    text: String,
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    seconds: f64,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct Summary {
    pub trafilatura_version: Option<String>,
    pub max_rss_mib: Option<f64>,
}

/// What the peer returned: per dataset, per page id, its prediction and extraction seconds.
pub struct PeerRun {
    pub pages: HashMap<(String, String), (Prediction, f64)>,
    pub summary: Summary,
    pub errors: usize,
}

impl PeerRun {
    pub fn get(&self, dataset: &str, id: &str) -> Option<&(Prediction, f64)> {
        self.pages.get(&(dataset.to_string(), id.to_string()))
    }
}

/// Run `trafilatura_peer.py` with `python`; Err says why it is unavailable.
pub fn run_trafilatura(python: &Path, shared: &Path) -> Result<PeerRun> {
    let stdout = run_script(python, "trafilatura_peer.py", shared)?;
    let mut pages = HashMap::new();
    let mut summary = Summary::default();
    let mut errors = 0;
    for (n, line) in stdout.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("peer output line {}", n + 1))?;
        if let Some(s) = v.get("summary") {
            summary = serde_json::from_value(s.clone()).unwrap_or_default();
            continue;
        }
        let l: Line =
            serde_json::from_value(v).with_context(|| format!("peer output line {}", n + 1))?;
        if let Some(e) = &l.error {
            eprintln!("warning: trafilatura failed on {} {}: {e}", l.dataset, l.id);
            errors += 1;
        }
        // trafilatura joins several authors with "; ".
        let authors = l
            .author
            .as_deref()
            .map(|a| {
                a.split("; ")
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let pred = Prediction {
            text: l.text,
            title: l.title,
            authors,
            published: l.date,
            ok: l.error.is_none(),
        };
        pages.insert((l.dataset, l.id), (pred, l.seconds));
    }
    if pages.is_empty() {
        bail!("peer script returned no pages");
    }
    Ok(PeerRun {
        pages,
        summary,
        errors,
    })
}
