//! Loading the benchmark pages from `../shared` (read-only) into memory.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::Value;
use stemma_core::{Document, Format, Source};

pub const SCRAPINGHUB_DIR: &str = "bench/extraction/scrapinghub";
pub const WCXB_DIR: &str = "bench/extraction/wcxb-dev-articles";
pub const SEED_FILE: &str = "seed/000_2c9b3e01253a035b.txt";

/// What the annotators say a page holds. ScrapingHub gives only the body.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    pub body: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

/// One benchmark page: its gold and the document stemma is given (bytes gunzipped).
pub struct Page {
    pub id: String,
    pub url: Option<String>,
    pub gold: Gold,
    pub doc: Document,
}

/// A named set of pages.
pub struct Dataset {
    pub name: &'static str,
    pub pages: Vec<Page>,
    /// Pages named by the ground truth that could not be loaded.
    pub skipped: usize,
}

pub fn gunzip(path: &Path) -> Result<Vec<u8>> {
    let raw = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::with_capacity(raw.len() * 5);
    flate2::read::MultiGzDecoder::new(&raw[..])
        .read_to_end(&mut out)
        .with_context(|| format!("gunzipping {}", path.display()))?;
    Ok(out)
}

fn html_document(path: &Path, url: Option<String>, bytes: Vec<u8>) -> Document {
    Document {
        source: Source {
            path: path.display().to_string(),
            format: Format::Html,
            url,
            warc_record_id: None,
            warc_date: None,
        },
        content_format: Format::Html,
        bytes,
        http_charset: None,
    }
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn html_path(dir: &Path, id: &str) -> PathBuf {
    dir.join("html").join(format!("{id}.html.gz"))
}

/// `scrapinghub/ground-truth.json` = `{id: {articleBody, url}}`, pages in `html/<id>.html.gz`.
pub fn load_scrapinghub(shared: &Path) -> Result<Dataset> {
    let dir = shared.join(SCRAPINGHUB_DIR);
    let gt_path = dir.join("ground-truth.json");
    let text = fs::read_to_string(&gt_path)
        .with_context(|| format!("reading {} (is --shared right?)", gt_path.display()))?;
    let gt: serde_json::Map<String, Value> =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", gt_path.display()))?;
    let mut ids: Vec<&String> = gt.keys().collect();
    ids.sort();
    let mut pages = Vec::with_capacity(ids.len());
    let mut skipped = 0;
    for id in ids {
        let entry = &gt[id.as_str()];
        let path = html_path(&dir, id);
        match gunzip(&path) {
            Ok(bytes) => {
                let url = str_field(entry, "url");
                let gold = Gold {
                    body: str_field(entry, "articleBody").unwrap_or_default(),
                    ..Gold::default()
                };
                let doc = html_document(&path, url.clone(), bytes);
                pages.push(Page {
                    id: id.clone(),
                    url,
                    gold,
                    doc,
                });
            }
            Err(e) => {
                eprintln!("warning: scrapinghub {id}: {e:#}; page skipped");
                skipped += 1;
            }
        }
    }
    if pages.is_empty() {
        bail!("no scrapinghub pages loaded from {}", dir.display());
    }
    Ok(Dataset {
        name: "scrapinghub",
        pages,
        skipped,
    })
}

/// `wcxb-dev-articles/ground-truth/<id>.json` (`url`, `ground_truth.{main_content, title,
/// author, publish_date}`), pages in `html/<id>.html.gz`.
pub fn load_wcxb(shared: &Path) -> Result<Dataset> {
    let dir = shared.join(WCXB_DIR);
    let gt_dir = dir.join("ground-truth");
    let mut files: Vec<PathBuf> = fs::read_dir(&gt_dir)
        .with_context(|| format!("listing {} (is --shared right?)", gt_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut pages = Vec::with_capacity(files.len());
    let mut skipped = 0;
    for f in files {
        let id = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let loaded = (|| -> Result<Page> {
            let v: Value = serde_json::from_str(&fs::read_to_string(&f)?)
                .with_context(|| format!("parsing {}", f.display()))?;
            let g = v.get("ground_truth").cloned().unwrap_or(Value::Null);
            let url = str_field(&v, "url");
            let gold = Gold {
                body: str_field(&g, "main_content").unwrap_or_default(),
                title: str_field(&g, "title"),
                author: str_field(&g, "author"),
                date: str_field(&g, "publish_date"),
            };
            let path = html_path(&dir, &id);
            let bytes = gunzip(&path)?;
            let doc = html_document(&path, url.clone(), bytes);
            Ok(Page {
                id: id.clone(),
                url,
                gold,
                doc,
            })
        })();
        match loaded {
            Ok(p) => pages.push(p),
            Err(e) => {
                eprintln!("warning: wcxb {id}: {e:#}; page skipped");
                skipped += 1;
            }
        }
    }
    if pages.is_empty() {
        bail!("no wcxb pages loaded from {}", dir.display());
    }
    Ok(Dataset {
        name: "wcxb",
        pages,
        skipped,
    })
}
