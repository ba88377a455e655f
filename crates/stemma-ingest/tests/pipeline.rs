//! The pipeline on invented pages: progress as data, cancellation between batches, and a
//! stopped run finished by running it again without duplicates.

use std::sync::atomic::{AtomicBool, Ordering};

use stemma_ingest::{inputs, run, Outcome, Pipeline, Progress};
use stemma_store::{Archive, Store};

fn page(n: usize) -> String {
    format!(
        "# The harbour of Velmora, part {n}\n\nThe ferry to Velmora island number {n} left late on \
         Tuesday after a storm, the harbour master Ines Carrow said.\n\n\"We waited for the wind \
         to drop,\" Carrow said. Passengers on crossing {n} were given tea and blankets.\n"
    )
}

#[test]
fn progress_cancel_and_rerun() {
    let tmp = tempfile::tempdir().unwrap();
    let pages = tmp.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    for n in 0..5 {
        std::fs::write(pages.join(format!("{n}.md")), page(n)).unwrap();
    }
    std::fs::write(pages.join("bad.jsonl"), "{not json}\n").unwrap();
    let data = tmp.path().join("data");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let pipeline = Pipeline::new(&pool, 1 << 20, 2);
    let args = [pages.clone().into_os_string()];

    // Cancelled after the first batch: two pages stored, nothing more.
    let cancel = AtomicBool::new(false);
    let mut seen: Vec<Progress> = Vec::new();
    let mut store = Store::open_write(&data).unwrap();
    let (p, outcome) = run(&mut store, inputs(&args), &pipeline, &cancel, |p, _| {
        seen.push(p.clone());
        cancel.store(true, Ordering::Relaxed);
    })
    .unwrap();
    assert_eq!(outcome, Outcome::Cancelled);
    assert_eq!(seen.len(), 1);
    assert_eq!((p.pages, p.added, p.batches, p.files_total), (2, 2, 1, 6));
    assert_eq!(store.stats().unwrap().articles, 2);

    // Run again: the rest is added, the first two are found already stored.
    let never = AtomicBool::new(false);
    let mut failures = Vec::new();
    let (p, outcome) = run(&mut store, inputs(&args), &pipeline, &never, |_, f| {
        failures.extend(f.iter().map(|f| f.input.clone()));
    })
    .unwrap();
    assert_eq!(outcome, Outcome::Finished);
    assert_eq!((p.pages, p.added, p.duplicates, p.failed), (6, 3, 2, 1));
    assert_eq!(p.files_done, 6);
    assert!(failures[0].ends_with("bad.jsonl:1"), "{failures:?}");
    assert_eq!(store.stats().unwrap().articles, 5);
    assert_eq!(store.errors().unwrap().len(), 1);
}
