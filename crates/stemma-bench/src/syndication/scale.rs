//! The scale run: N generated articles added to one index in batches, timed per batch.
//!
//! Stories come from the real bodies, each re-worded by a per-story word substitution (every
//! word replaced by a vocabulary word chosen by a hash of the word and the story), so a million
//! articles hold hundreds of thousands of distinct stories with real paragraph and sentence
//! shapes; the main generator then makes their copies. A producer thread generates and
//! prepares each batch while the main thread adds the previous one to the index.

use std::sync::mpsc;
use std::time::Instant;

use anyhow::Result;
use serde_json::{json, Value};
use stemma_core::syndicate::{prepare, Index, Prepared};

use super::corpus::{generate, Base, Style};
use super::vm_hwm_mib;

/// Stories generated per batch (about 2.5 records each).
const STORIES_PER_BATCH: usize = 1600;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn word_hash(w: &str) -> u64 {
    w.bytes().fold(0xCBF2_9CE4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
    })
}

/// `base` with every word replaced by a vocabulary word picked by (word, story).
fn reword(base: &Base, story: u64, vocab: &[String]) -> Base {
    let salt = mix(story.wrapping_add(0x1234_5678));
    let paragraphs = base
        .paragraphs
        .iter()
        .map(|p| {
            let mut out = String::with_capacity(p.len() + 16);
            for w in p.split(' ') {
                if !out.is_empty() {
                    out.push(' ');
                }
                let i = (mix(word_hash(w) ^ salt) % vocab.len() as u64) as usize;
                out.push_str(&vocab[i]);
                // Keep sentence ends.
                if w.ends_with('.') {
                    out.push('.');
                }
            }
            out
        })
        .collect();
    Base {
        paragraphs,
        title: format!("Story {story}"),
        author: None,
        origin: base.origin,
    }
}

pub fn run(bases: &[Base], n: usize, seed: u64) -> Result<Value> {
    let mut vocab: Vec<String> = bases
        .iter()
        .flat_map(|b| b.paragraphs.iter())
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() >= 2)
        .map(str::to_lowercase)
        .collect();
    vocab.sort();
    vocab.dedup();
    println!(
        "== Scale: {n} generated records, batches of ~{} (vocabulary {} words) ==",
        STORIES_PER_BATCH * 5 / 2,
        vocab.len()
    );
    let start = Instant::now();
    let mut ix = Index::default();
    ix.reserve(n, 40);
    let mut batch_costs: Vec<(usize, f64)> = Vec::new();
    let mut total = 0usize;
    let mut links = 0usize;
    let mut index_secs = 0.0;
    // Two producers (even and odd batches) generate and prepare; the main thread adds the
    // batches in order.
    const PRODUCERS: usize = 2;
    let per_batch_guess = STORIES_PER_BATCH * 5 / 2;
    let n_batches = n.div_ceil(per_batch_guess).max(1);
    std::thread::scope(|s| {
        let mut rxs = Vec::new();
        for w in 0..PRODUCERS {
            let (tx, rx) = mpsc::sync_channel::<Vec<Prepared>>(1);
            rxs.push(rx);
            let vocab = &vocab;
            s.spawn(move || {
                let mut chunk = w;
                while chunk < n_batches {
                    let offset = chunk * STORIES_PER_BATCH;
                    let reworded: Vec<Base> = (0..STORIES_PER_BATCH * 16 / 10)
                        .map(|k| {
                            let story = (offset * 16 / 10 + k) as u64;
                            reword(&bases[(story as usize) % bases.len()], story, vocab)
                        })
                        .collect();
                    // Without roundups: the same families the scale run always timed.
                    let c = generate(&reworded, Style::Main, seed ^ (chunk as u64 + 1), offset)
                        .without_roundups();
                    drop(reworded);
                    let prepared: Vec<Prepared> = c.docs.iter().map(prepare).collect();
                    if tx.send(prepared).is_err() {
                        return;
                    }
                    chunk += PRODUCERS;
                }
            });
        }
        let mut chunk = 0;
        while total < n {
            let Ok(mut batch) = rxs[chunk % PRODUCERS].recv() else {
                break;
            };
            chunk += 1;
            batch.truncate(n - total);
            let len = batch.len();
            let t = Instant::now();
            match ix.add_batch(batch) {
                Ok(r) => links += r.links,
                Err(e) => {
                    eprintln!("scale run stopped: {e}");
                    break;
                }
            }
            let dt = t.elapsed().as_secs_f64();
            index_secs += dt;
            total += len;
            batch_costs.push((len, dt));
        }
        drop(rxs);
    });
    let t_stories = Instant::now();
    let clusters = ix.clusters();
    let mut copies = 0usize;
    for m in &clusters {
        if m.len() > 1 {
            copies += m.len();
            let _ = ix.story(m);
        }
    }
    let stories_secs = t_stories.elapsed().as_secs_f64();
    let wall = start.elapsed().as_secs_f64();
    let hwm = vm_hwm_mib();
    let per_doc_us = |v: &[(usize, f64)]| {
        let (n, s) = v
            .iter()
            .fold((0usize, 0.0), |(n, s), &(a, b)| (n + a, s + b));
        s * 1e6 / n.max(1) as f64
    };
    let k = (batch_costs.len() / 10).max(1);
    let first = per_doc_us(&batch_costs[..k.min(batch_costs.len())]);
    let last = per_doc_us(&batch_costs[batch_costs.len().saturating_sub(k)..]);
    println!(
        "  {total} records in {wall:.1} s wall ({:.0} records/s), peak memory (VmHWM) {} MiB",
        total as f64 / wall,
        hwm.map_or("?".into(), |h| format!("{h:.0}"))
    );
    let (doc_bytes, inv_bytes) = ix.heap_bytes();
    println!(
        "  index holds about {} MiB of records and {} MiB of inverted index ({} distinct keys)",
        doc_bytes >> 20,
        inv_bytes >> 20,
        ix.distinct_keys()
    );
    println!(
        "  index: {index_secs:.1} s; stories of {} multi-record clusters ({copies} records): {stories_secs:.1} s; {links} links",
        clusters.iter().filter(|m| m.len() > 1).count()
    );
    println!(
        "  cost per added record: first {} batches {first:.1} us, last {} batches {last:.1} us ({} batches)",
        k,
        k,
        batch_costs.len()
    );
    Ok(json!({
        "records": total,
        "wall_s": wall,
        "index_s": index_secs,
        "stories_s": stories_secs,
        "peak_mib": hwm,
        "first_batches_us_per_record": first,
        "last_batches_us_per_record": last,
        "batches": batch_costs.len(),
        "clusters": clusters.len(),
    }))
}
