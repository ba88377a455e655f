//! Parse + full traversal: `scraper::Html` vs `stemma_core::extract::dom::Dom`.
//!
//! `cargo run --release -p stemma-core --example dom_speed [DIR] [ROUNDS] [scraper|dom]`
//! (DIR defaults to the scrapinghub benchmark pages, `*.html.gz`). One thread; the best
//! round of each is reported, in ms per page.

use std::io::Read;
use std::time::{Duration, Instant};

use stemma_core::extract::dom::{Dom, Edge, Node};

const DEFAULT_DIR: &str = "/work/shared/bench/extraction/scrapinghub/html";

fn load(dir: &str) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(p).expect("open"))
                .read_to_end(&mut bytes)
                .expect("gunzip");
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .collect()
}

/// A checksum over what a walk reads, so neither walk can be optimised away.
fn walk_scraper(html: &str) -> usize {
    use ego_tree::iter::Edge as E;
    use scraper::node::Node as N;
    let doc = scraper::Html::parse_document(html);
    let mut sum = 0;
    for edge in doc.tree.root().traverse() {
        match edge {
            E::Open(n) => match n.value() {
                N::Element(el) => {
                    sum += el.name().len();
                    sum += el.attrs().map(|(k, v)| k.len() + v.len()).sum::<usize>();
                    sum += el.attr("href").map_or(0, str::len);
                }
                N::Text(t) => sum += t.len(),
                _ => {}
            },
            E::Close(n) => sum += n.value().is_element() as usize,
        }
    }
    sum
}

fn walk_dom(html: &str) -> usize {
    let doc = Dom::parse(html);
    let mut sum = 0;
    for edge in doc.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(el) => {
                    sum += el.name().len();
                    sum += el.attrs().map(|(k, v)| k.len() + v.len()).sum::<usize>();
                    sum += el.attr("href").map_or(0, str::len);
                }
                Node::Text(t) => sum += t.len(),
                _ => {}
            },
            Edge::Close(n) => sum += matches!(n.value(), Node::Element(_)) as usize,
        }
    }
    sum
}

fn best(pages: &[String], rounds: usize, f: fn(&str) -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut check = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        check = pages.iter().map(|p| f(p)).sum();
        best = best.min(t.elapsed());
    }
    (best, check)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| DEFAULT_DIR.to_string());
    let rounds: usize = args.next().map_or(5, |r| r.parse().expect("rounds"));
    let only = args.next();
    let pages = load(&dir);
    let bytes: usize = pages.iter().map(String::len).sum();
    println!(
        "{} pages, {:.1} KiB average, best of {rounds} rounds",
        pages.len(),
        bytes as f64 / pages.len() as f64 / 1024.0
    );
    // What the arena holds, per input byte (its initial capacities are guesses from these).
    let (mut nodes, mut elements, mut text, mut raw) = (0usize, 0usize, 0usize, 0usize);
    for p in &pages {
        let dom = Dom::parse(p);
        nodes += dom.node_count();
        for e in dom.traverse() {
            match e {
                Edge::Open(n) => match n.value() {
                    Node::Element(_) => elements += 1,
                    Node::Text(t) => {
                        text += t.len();
                        if let Some(Node::Element(p)) = n.parent().map(|p| p.value()) {
                            if matches!(p.name(), "script" | "style") {
                                raw += t.len();
                            }
                        }
                    }
                    _ => {}
                },
                Edge::Close(_) => {}
            }
        }
    }
    println!(
        "per KiB of HTML: {:.1} nodes, {:.1} elements, {:.0} bytes of text \
         ({:.0} of them in <script>/<style>)",
        nodes as f64 * 1024.0 / bytes as f64,
        elements as f64 * 1024.0 / bytes as f64,
        text as f64 * 1024.0 / bytes as f64,
        raw as f64 * 1024.0 / bytes as f64
    );
    if let Some(side) = only {
        // One side only, for profiling.
        let f = if side == "dom" {
            walk_dom
        } else {
            walk_scraper
        };
        let (t, _) = best(&pages, rounds, f);
        println!(
            "{side}: {:.3} ms/page",
            t.as_secs_f64() * 1000.0 / pages.len() as f64
        );
        return;
    }
    // Interleave so neither side gets a warmer machine.
    let (mut s, mut d) = ((Duration::MAX, 0), (Duration::MAX, 0));
    for _ in 0..2 {
        let r = best(&pages, rounds, walk_scraper);
        s = (s.0.min(r.0), r.1);
        let r = best(&pages, rounds, walk_dom);
        d = (d.0.min(r.0), r.1);
    }
    let per = |t: Duration| t.as_secs_f64() * 1000.0 / pages.len() as f64;
    println!("scraper: {:.3} ms/page", per(s.0));
    println!("dom:     {:.3} ms/page", per(d.0));
    println!("speed-up: {:.2}x", s.0.as_secs_f64() / d.0.as_secs_f64());
    println!("checksums: scraper {} dom {}", s.1, d.1);
}
