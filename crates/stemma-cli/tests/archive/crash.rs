//! kill -9 at random moments of an ingest, then a rerun: the same archive as one
//! uninterrupted run, and a clean `stemma check`.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{ingest, json_lines, spawn_ingest, SETTLE};
use crate::write;

const WORDS: &[&str] = &[
    "harbour",
    "council",
    "river",
    "school",
    "budget",
    "ferry",
    "market",
    "bridge",
    "farmers",
    "station",
    "museum",
    "library",
    "tram",
    "weather",
    "hospital",
    "festival",
    "mayor",
    "court",
    "police",
    "strike",
    "union",
    "tunnel",
    "orchard",
    "vineyard",
    "quarry",
    "mill",
    "canal",
    "lighthouse",
    "choir",
    "parish",
    "railway",
    "forest",
    "meadow",
    "glacier",
    "island",
    "valley",
    "clinic",
    "garden",
    "theatre",
    "stadium",
    "airport",
    "bakery",
    "brewery",
    "harvest",
    "flood",
    "drought",
    "election",
    "referendum",
    "pension",
    "tariff",
];

/// A pseudo-random generator (xorshift), so each run writes the same corpus.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn body(rng: &mut Rng, paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|_| {
            let words: Vec<&str> = (0..40)
                .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
                .collect();
            format!("The {}.", words.join(" "))
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// 12 stories of an original and two copies, and 8 pages of their own.
fn corpus(dir: &Path) {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for s in 0..12 {
        let text = body(&mut rng, 4);
        for (c, outlet) in [
            "Ash Valley Courier",
            "Brook Town Herald",
            "Cedar Point Times",
        ]
        .iter()
        .enumerate()
        {
            write(
                dir,
                &format!("s{s:02}_{c}.md"),
                format!("\n\n# Story {s} as told by {outlet}\n\nBy [Desk {c}](#)\n\n{outlet}, May {}, 2022\n\n{text}\n", 1 + c + s),
            );
        }
    }
    for u in 0..8 {
        let text = body(&mut rng, 3);
        write(
            dir,
            &format!("u{u}.md"),
            format!(
                "\n\n# Notes {u}\n\nDune Gazette, June {}, 2022\n\n{text}\n",
                u + 1
            ),
        );
    }
}

/// What must not depend on interruptions: the counts, and each page's story.
fn summary(data: &Path, dir: &Path) -> (Value, Vec<Vec<String>>) {
    let mut stats = json_lines(data, &["stats"]).remove(0);
    for k in ["bytes_on_disk", "batches"] {
        stats.as_object_mut().unwrap().remove(k);
    }
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    let stories = names
        .iter()
        .map(|p| {
            let s = json_lines(data, &["story", &p.display().to_string()]);
            let mut m: Vec<String> = s[0]["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["record"].as_str().unwrap().to_string())
                .collect();
            m.sort();
            m
        })
        .collect();
    (stats, stories)
}

#[test]
fn archive_survives_kill_9_at_random_moments() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    corpus(&input);
    let reference = tmp.path().join("reference");
    let t = Instant::now();
    let r = ingest(&reference, &[&input]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let full = t.elapsed().max(Duration::from_millis(50));

    let data = tmp.path().join("killed");
    let mut rng = Rng(0x0dd_ba11);
    for _ in 0..20 {
        let mut child = spawn_ingest(&data, &input, 3);
        let wait = full.mul_f64(rng.below(1000) as f64 / 1000.0);
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        std::thread::sleep(SETTLE);
    }
    let r = ingest(&data, &[&input]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(summary(&data, &input), summary(&reference, &input));
    let check = json_lines(&data, &["check"]);
    assert_eq!(check[0]["problems"], Value::Array(vec![]), "{check:?}");
}
