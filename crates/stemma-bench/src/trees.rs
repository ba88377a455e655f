//! The HTML tree stemma builds ([`Dom::parse`]: html5gum's tokenizer, html5ever's tree
//! builder) against the tree of html5ever alone ([`Dom::parse_html5ever`]), node for node, on
//! every page of the shared sets, and the time of each.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use stemma_core::extract::dom::{Dom, Edge, Node};

use crate::data;

/// One line per node event: what the extraction can see of the tree.
fn dump(dom: &Dom) -> String {
    let mut out = String::new();
    for edge in dom.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Document => out.push_str("#document\n"),
                Node::Element(e) => {
                    out.push('<');
                    out.push_str(e.name());
                    for (k, v) in e.attrs() {
                        out.push(' ');
                        out.push_str(k);
                        out.push_str("=\"");
                        out.push_str(v);
                        out.push('"');
                    }
                    out.push_str(">\n");
                }
                Node::Text(t) => {
                    out.push_str("text ");
                    out.push_str(&format!("{t:?}"));
                    out.push('\n');
                }
                Node::Other => out.push_str("#other\n"),
            },
            Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    out.push_str("</");
                    out.push_str(e.name());
                    out.push_str(">\n");
                }
            }
        }
    }
    out
}

fn pages(shared: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for set in [
        data::load_scrapinghub(shared)?,
        data::load_wcxb(shared)?,
        data::load_trafilatura_eval(shared)?,
    ] {
        for p in set.pages {
            let (text, _) = stemma_core::charset::decode(&p.doc.bytes, None, true);
            out.push((format!("{}/{}", set.name, p.id), text));
        }
    }
    let dir = shared.join(crate::dates::HTMLDATE_DIR).join("html");
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files {
        let bytes = data::gunzip(&f)?;
        let (text, _) = stemma_core::charset::decode(&bytes, None, true);
        out.push((
            format!(
                "htmldate/{}",
                f.file_name().unwrap_or_default().to_string_lossy()
            ),
            text,
        ));
    }
    Ok(out)
}

pub fn run(shared: &Path) -> Result<bool> {
    let pages = pages(shared)?;
    let mut differ = 0;
    for (id, html) in &pages {
        let a = dump(&Dom::parse(html));
        let b = dump(&Dom::parse_html5ever(html));
        if a != b {
            differ += 1;
            if differ <= 5 {
                let (la, lb): (Vec<_>, Vec<_>) = (a.lines().collect(), b.lines().collect());
                let k = la
                    .iter()
                    .zip(&lb)
                    .position(|(x, y)| x != y)
                    .unwrap_or(la.len().min(lb.len()));
                println!("{id}: first difference at event {k}:");
                for l in la.iter().skip(k.saturating_sub(2)).take(5) {
                    println!("  stemma    {}", l.chars().take(160).collect::<String>());
                }
                for l in lb.iter().skip(k.saturating_sub(2)).take(5) {
                    println!("  html5ever {}", l.chars().take(160).collect::<String>());
                }
            }
        }
    }
    println!(
        "trees: {} pages, {differ} differ from html5ever's",
        pages.len()
    );
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    for (label, f) in [
        (
            "html5gum + html5ever tree builder",
            Dom::parse as fn(&str) -> Dom,
        ),
        ("html5ever alone", Dom::parse_html5ever),
    ] {
        let mut best = f64::MAX;
        for _ in 0..3 {
            let t = Instant::now();
            for (_, h) in &pages {
                black_box(f(black_box(h)));
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "  {label:<36} {:>8.3} ms/page  {:>6.1} MB/s",
            best * 1e3 / pages.len() as f64,
            bytes as f64 / best / 1e6
        );
    }
    Ok(differ == 0)
}
