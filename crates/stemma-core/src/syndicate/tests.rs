//! Unit tests on invented records (made-up outlets and words).

use super::*;
use crate::model::{Format, Mode, Quote, QuoteKind, Source, Speaker, SpeechAct};

/// Deterministic filler prose: `n` words from a small invented vocabulary, in paragraphs.
fn prose(seed: u64, n: usize) -> String {
    const VOCAB: [&str; 48] = [
        "harbour", "council", "lantern", "ferry", "orchard", "ledger", "quarry", "mayor", "tidal",
        "budget", "vote", "bridge", "river", "school", "plan", "grain", "market", "storm", "levy",
        "choir", "museum", "tram", "permit", "clinic", "festival", "mill", "canal", "beacon",
        "pier", "garden", "tower", "library", "meadow", "forge", "court", "station", "valley",
        "granary", "signal", "harvest", "parish", "cellar", "dock", "barrow", "furnace", "kiln",
        "spire", "weir",
    ];
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = String::new();
    for i in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if i > 0 {
            out.push_str(if i % 60 == 0 { ".\n\n" } else { " " });
        }
        out.push_str(VOCAB[(x % VOCAB.len() as u64) as usize]);
    }
    out.push('.');
    out
}

fn rec(url: &str, site: &str, date: &str, text: &str) -> Article {
    let mut a = Article::empty(Source {
        path: format!("{url}.html"),
        format: Format::Html,
        url: None,
        warc_record_id: None,
        warc_date: None,
    });
    a.url = Some(url.to_string());
    a.site_name = Some(site.to_string());
    a.published = Some(date.to_string());
    a.text = text.to_string();
    a
}

fn words(text: &str, from: usize, n: usize) -> String {
    text.split(' ')
        .skip(from)
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

fn clusters_by_id(ix: &Index) -> Vec<Vec<String>> {
    ix.clusters()
        .into_iter()
        .map(|m| {
            m.iter()
                .filter_map(|&d| ix.doc(d).map(|p| p.id.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn copies_excerpts_and_embeddings_cluster_and_other_stories_do_not() {
    let a = prose(1, 600);
    let b = prose(2, 600);
    let excerpt = words(&a, 200, 120); // a fifth
    let embedded = format!("{}\n\n{}\n\n{}", prose(3, 500), a, prose(4, 400));
    let edited = format!(
        "Editor's note: updated.\n\n{}",
        a.replacen("harbour", "harbor", 3)
    );
    let mut ix = Index::default();
    let batch = vec![
        rec(
            "https://tidewater.example/a",
            "Tidewater Post",
            "2024-03-01",
            &a,
        ),
        rec(
            "https://tidewater.example/b",
            "Tidewater Post",
            "2024-03-01",
            &b,
        ),
        rec(
            "https://gull.example/x",
            "Gull Courier",
            "2024-03-02",
            &excerpt,
        ),
        rec(
            "https://heron.example/y",
            "Heron Daily",
            "2024-03-04",
            &embedded,
        ),
        rec(
            "https://kite.example/z",
            "Kite Weekly",
            "2024-03-03",
            &edited,
        ),
    ];
    let report = ix.add_articles(&batch).unwrap();
    assert_eq!(report.added.len(), 5);
    let c = clusters_by_id(&ix);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].len(), 4);
    assert_eq!(c[1], vec!["https://tidewater.example/b".to_string()]);
    let story = ix.story(&ix.clusters()[0]);
    assert_eq!(story.origin.as_deref(), Some("https://tidewater.example/a"));
    assert!(story.origin_certain);
    assert_eq!(story.edges.len(), 3);
    let ex = story
        .edges
        .iter()
        .find(|e| e.copy == "https://gull.example/x")
        .unwrap();
    assert!(ex.flags.contains(&Flag::Excerpt), "{ex:?}");
    assert!(ex.flags.contains(&Flag::NoNotice));
    assert_eq!(ex.evidence.lag_days, Some(1.0));
    let em = story
        .edges
        .iter()
        .find(|e| e.copy == "https://heron.example/y")
        .unwrap();
    assert!(em.flags.contains(&Flag::Embedded), "{em:?}");
}

#[test]
fn a_site_footer_does_not_join_unrelated_articles() {
    let footer = prose(99, 70);
    let mut ix = Index::default();
    let batch: Vec<Article> = (0..6)
        .map(|i| {
            rec(
                &format!("https://marsh.example/{i}"),
                "Marsh Ledger",
                "2024-05-01",
                &format!("{}\n\n{footer}", prose(10 + i, 90)),
            )
        })
        .collect();
    ix.add_articles(&batch).unwrap();
    assert_eq!(ix.clusters().len(), 6, "{:?}", clusters_by_id(&ix));
}

#[test]
fn a_notice_overrides_dates_and_a_tie_is_uncertain() {
    let a = prose(5, 400);
    let mut copy = rec("https://fen.example/2", "Fen Gazette", "2024-01-01", &a);
    copy.republished_from = Some(RepublishedFrom {
        name: Some("Moor Herald".into()),
        url: Some("https://moor.example/story/".into()),
        published: None,
        evidence: Some("This article first appeared in the Moor Herald.".into()),
    });
    copy.authors = vec!["Staff".into()];
    let mut orig = rec(
        "https://moor.example/story",
        "Moor Herald",
        "2024-01-02",
        &a,
    );
    orig.authors = vec!["Ada Quill".into()];
    let mut ix = Index::default();
    ix.add_articles(&[copy, orig]).unwrap();
    let s = ix.story(&ix.clusters()[0]);
    assert_eq!(s.origin.as_deref(), Some("https://moor.example/story"));
    assert!(s.origin_reason.contains("notice"));
    assert_eq!(s.edges.len(), 1);
    assert!(s.edges[0].evidence.notice_names_source);
    assert!(s.edges[0].flags.contains(&Flag::BylineChanged));

    let b = prose(6, 400);
    let mut ix = Index::default();
    ix.add_articles(&[
        rec("https://fen.example/3", "Fen Gazette", "2024-01-05", &b),
        rec("https://moor.example/4", "Moor Herald", "2024-01-05", &b),
    ])
    .unwrap();
    let s = ix.story(&ix.clusters()[0]);
    assert_eq!(s.origin, None);
    assert_eq!(s.origin_reason, "tie");
    assert_eq!(s.origin_candidates.len(), 2);

    // With times the same day is not a tie.
    let mut ix = Index::default();
    ix.add_articles(&[
        rec(
            "https://fen.example/5",
            "Fen Gazette",
            "2024-01-05T09:00:00Z",
            &b,
        ),
        rec(
            "https://moor.example/6",
            "Moor Herald",
            "2024-01-05T08:00:00+00:00",
            &b,
        ),
    ])
    .unwrap();
    let s = ix.story(&ix.clusters()[0]);
    assert_eq!(s.origin.as_deref(), Some("https://moor.example/6"));
    assert_eq!(s.edges[0].evidence.lag_days, Some(0.042));
}

#[test]
fn batches_are_incremental_idempotent_and_survive_serde() {
    let a = prose(7, 300);
    let mut ix = Index::default();
    ix.add_articles(&[rec("https://a.example/1", "A", "2024-02-01", &a)])
        .unwrap();
    let json = serde_json::to_string(&ix).unwrap();
    let mut back: Index = serde_json::from_str(&json).unwrap();
    let r = back
        .add_articles(&[
            rec("https://a.example/1", "A", "2024-02-01", &a),
            rec("https://b.example/1", "B", "2024-02-02", &a),
            rec("https://c.example/1", "C", "2024-02-02", &prose(8, 300)),
        ])
        .unwrap();
    assert_eq!(r.skipped, 1);
    assert_eq!(r.added.len(), 2);
    assert_eq!(r.links, 1);
    let touched = back.clusters_of(&r.added);
    assert_eq!(touched.len(), 2);
    assert_eq!(touched[0], vec![0, 1]);
    // Round trip again keeps the clusters.
    let again: Index = serde_json::from_str(&serde_json::to_string(&back).unwrap()).unwrap();
    assert_eq!(clusters_by_id(&again), clusters_by_id(&back));
}

#[test]
fn quotes_spread_across_unrelated_stories() {
    let said = "the tide will not wait for the council to make up its mind";
    let quote = |speaker: &str| Quote {
        text: said.into(),
        kind: QuoteKind::Direct,
        start: 0,
        end: 10,
        pieces: vec![[0, 10]],
        cue: None,
        speech_act: SpeechAct::Statement,
        speaker: Some(Speaker {
            name: Some(speaker.into()),
            mention: None,
            role: None,
            kind: None,
        }),
        confidence: 0.9,
        mode: Mode::Speech,
        continued: false,
    };
    let mut a = rec("https://a.example/q", "A", "2024-02-01", &prose(11, 300));
    a.quotes = vec![quote("Ida Brack")];
    let mut b = rec("https://b.example/q", "B", "2024-02-03", &prose(12, 300));
    b.quotes = vec![quote("Ida Brack")];
    b.title = Some("The tide will not wait for the council to make up its mind".into());
    let mut c = rec("https://c.example/q", "C", "2024-02-02", &prose(13, 300));
    c.quotes = vec![quote("Olaf Wren")];
    let mut ix = Index::default();
    ix.add_articles(&[a, b, c]).unwrap();
    let spread = ix.quote_spread();
    assert_eq!(spread.len(), 1);
    let s = &spread[0];
    assert_eq!(s.stories, 3);
    assert_eq!(s.first, "https://a.example/q");
    assert_eq!(s.speaker.as_deref(), Some("Ida Brack"));
    let c_use = s
        .uses
        .iter()
        .find(|u| u.record == "https://c.example/q")
        .unwrap();
    assert!(!c_use.same_speaker);
    let b_use = s
        .uses
        .iter()
        .find(|u| u.record == "https://b.example/q")
        .unwrap();
    assert_eq!(b_use.headline.as_deref(), Some("fact"));
}

#[test]
fn odd_records_do_not_panic() {
    let mut ix = Index::default();
    let mut empty = rec("", "", "not a date", "");
    empty.url = None;
    empty.site_name = None;
    let mut garbage = rec(
        "https://x.example/g",
        "X",
        "2024-13-45T99:99",
        "!!! ??? ...",
    );
    garbage.republished_from = Some(RepublishedFrom {
        name: Some(String::new()),
        url: Some("://".into()),
        published: None,
        evidence: None,
    });
    let r = ix.add_articles(&[empty.clone(), garbage.clone(), empty, garbage]);
    let r = r.unwrap();
    assert_eq!(r.added.len(), 2);
    for c in ix.clusters() {
        let _ = ix.story(&c);
    }
    let bad: Result<Index, _> = serde_json::from_str(
        r#"{"config":{"min_shared":3,"min_containment":0.5,"long_shared":40,"site_stop":3,"max_postings":256},"docs":[],"parent":[7]}"#,
    );
    assert!(bad.unwrap().is_empty());
}
