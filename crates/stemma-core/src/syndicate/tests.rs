//! Unit tests on invented records (made-up outlets and words).

use super::*;
use crate::model::{Char, Format, Mode, Quote, QuoteKind, Source, Speaker, SpeechAct};

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
    // The copies are one story; the later piece that quotes it inside its own text is a
    // story of its own and an embedding member of the first.
    let c = clusters_by_id(&ix);
    assert_eq!(c.len(), 3, "{c:?}");
    assert_eq!(c[0].len(), 3);
    assert_eq!(c[1], vec!["https://tidewater.example/b".to_string()]);
    assert_eq!(c[2], vec!["https://heron.example/y".to_string()]);
    let story = ix.story(&ix.clusters()[0]);
    assert_eq!(story.members.len(), 4);
    assert_eq!(story.embedding, vec!["https://heron.example/y".to_string()]);
    assert_eq!(story.id, "https://gull.example/x");
    assert_eq!(story.origin.as_deref(), Some("https://tidewater.example/a"));
    assert!(story.origin_certain);
    assert_eq!(story.edges.len(), 3);
    let heron = ix.story(&ix.clusters()[2]);
    assert_eq!(heron.also_in.len(), 1, "{heron:?}");
    assert_eq!(heron.also_in[0].stories, vec![story.id.clone()]);
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
    let quote = |speaker: &str| direct_quote(said, speaker);
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

/// Two unrelated stories with a copy each, a later roundup quoting 40% of each inside its own
/// text, and a copy of the roundup.
fn roundup_records() -> Vec<Article> {
    let a = prose(21, 600);
    let b = prose(22, 600);
    let roundup = format!(
        "{}\n\n{}\n\n{}\n\n{}\n\n{}",
        prose(23, 150),
        words(&a, 100, 240),
        prose(24, 80),
        words(&b, 300, 240),
        prose(25, 80)
    );
    vec![
        rec("https://port.example/strike", "Port Wire", "2024-06-01", &a),
        rec(
            "https://gull.example/strike",
            "Gull Courier",
            "2024-06-02",
            &a,
        ),
        rec(
            "https://court.example/ruling",
            "Court Sheet",
            "2024-06-01",
            &b,
        ),
        rec(
            "https://kite.example/ruling",
            "Kite Weekly",
            "2024-06-03",
            &b,
        ),
        rec(
            "https://digest.example/week",
            "Weekly Digest",
            "2024-06-05",
            &roundup,
        ),
        rec(
            "https://fen.example/week",
            "Fen Gazette",
            "2024-06-06",
            &roundup,
        ),
    ]
}

/// Every story as (sorted copies, sorted embedding members), sorted: what must not depend
/// on the order of arrival.
fn story_sets(ix: &Index) -> Vec<(Vec<String>, Vec<String>)> {
    let mut v: Vec<(Vec<String>, Vec<String>)> = ix
        .clusters()
        .iter()
        .map(|m| {
            let s = ix.story(m);
            let mut copies: Vec<String> = s
                .members
                .iter()
                .filter(|x| !s.embedding.contains(x))
                .cloned()
                .collect();
            copies.sort();
            let mut emb = s.embedding.clone();
            emb.sort();
            (copies, emb)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_roundup_joins_two_stories_without_merging_them() {
    let mut ix = Index::default();
    ix.add_articles(&roundup_records()).unwrap();
    let sets = story_sets(&ix);
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let roundups = s(&["https://digest.example/week", "https://fen.example/week"]);
    assert_eq!(
        sets,
        vec![
            (
                s(&[
                    "https://court.example/ruling",
                    "https://kite.example/ruling"
                ]),
                roundups.clone()
            ),
            (roundups.clone(), vec![]),
            (
                s(&["https://gull.example/strike", "https://port.example/strike"]),
                roundups.clone()
            ),
        ]
    );
    let digest = ix.lookup("https://digest.example/week").unwrap();
    let roles: Vec<Role> = ix.stories_of(digest).into_iter().map(|(_, r)| r).collect();
    assert_eq!(roles, vec![Role::Copy, Role::Embedding, Role::Embedding]);
    let strike = ix.story(&ix.members(0));
    assert_eq!(
        strike.origin.as_deref(),
        Some("https://port.example/strike")
    );
    let e = strike
        .edges
        .iter()
        .find(|e| e.copy == "https://digest.example/week")
        .unwrap();
    assert!(e.flags.contains(&Flag::Embedded), "{e:?}");
    let also = strike
        .also_in
        .iter()
        .find(|x| x.record == "https://digest.example/week")
        .unwrap();
    assert_eq!(
        also.stories,
        s(&[
            "https://court.example/ruling",
            "https://digest.example/week"
        ])
    );
    // The stories that gained the roundup are the ones printed for it.
    assert_eq!(ix.clusters_of(&[digest]).len(), 3);
}

#[test]
fn the_order_of_arrival_does_not_change_the_stories() {
    let mut records = roundup_records();
    // An excerpt of the strike story, and an unrelated story.
    let a = records[0].text.clone();
    records.push(rec(
        "https://heron.example/strike",
        "Heron Daily",
        "2024-06-04",
        &words(&a, 50, 150),
    ));
    records.push(rec(
        "https://moor.example/fair",
        "Moor Herald",
        "2024-06-02",
        &prose(26, 400),
    ));
    let mut ix = Index::default();
    ix.add_articles(&records).unwrap();
    let expect = story_sets(&ix);
    assert_eq!(expect.len(), 4, "{expect:?}");
    let n = records.len();
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    for round in 0..12 {
        // A Fisher-Yates shuffle, added in batches of 1..=3.
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            order.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let mut ix = Index::default();
        for chunk in order.chunks(1 + round % 3) {
            let batch: Vec<Article> = chunk.iter().map(|&i| records[i].clone()).collect();
            ix.add_articles(&batch).unwrap();
        }
        assert_eq!(story_sets(&ix), expect, "order {order:?}");
    }
}

#[test]
fn records_without_a_url_are_told_apart_by_their_content() {
    let stdin = |text: &str| {
        let mut a = rec("", "", "2024-01-01", text);
        a.url = None;
        a.site_name = None;
        a.source.path = "-".into();
        a
    };
    let one = stdin(&prose(31, 200));
    let two = stdin(&prose(32, 200));
    assert_ne!(record_id(&one), record_id(&two));
    assert!(record_id(&one).starts_with("text:"));
    // Read from stdin, a record is named by its content id; from a file, by its path.
    assert_eq!(record_name(&one), record_id(&one));
    let mut saved = one.clone();
    saved.source.path = "saved/one.html".into();
    assert_eq!(record_name(&saved), "saved/one.html");
    let mut ix = Index::default();
    let r = ix.add_articles(&[one.clone(), two, one, saved]).unwrap();
    assert_eq!(r.added.len(), 2);
    assert_eq!(r.skipped, 2, "the same content is the same record");
}

#[test]
fn a_quote_repeated_by_a_roundup_is_not_spread() {
    let said = "the cranes will stand idle until the harbour board signs";
    let quote = direct_quote(said, "Ines Falk");
    let mut records = roundup_records();
    records[0].quotes = vec![quote.clone()];
    records[4].quotes = vec![quote.clone()];
    let mut ix = Index::default();
    ix.add_articles(&records).unwrap();
    assert!(ix.quote_spread().is_empty(), "{:?}", ix.quote_spread());
    let mut other = rec(
        "https://moor.example/q",
        "Moor Herald",
        "2024-06-09",
        &prose(27, 300),
    );
    other.quotes = vec![quote];
    ix.add_articles(&[other]).unwrap();
    let spread = ix.quote_spread();
    assert_eq!(spread.len(), 1);
    assert_eq!(spread[0].stories, 2);
}

/// A direct quote of `said` by `speaker`, as attribution would record it.
fn direct_quote(said: &str, speaker: &str) -> Quote {
    Quote {
        text: said.into(),
        kind: QuoteKind::Direct,
        start: Char::ZERO,
        end: Char::new(10),
        pieces: vec![[Char::ZERO, Char::new(10)]],
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
    }
}
