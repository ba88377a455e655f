//! `Archive::facets`: the counts of a search's matches by outlet, speaker, entity and period,
//! under the same filters as the search, over every match (not one page of them).

use stemma_core::model::Char;
use stemma_core::model::{Entity, EntityKind, Quote, QuoteKind, Speaker, SpeechAct};
use stemma_core::{Article, Format, Source};
use stemma_store::{prepare, Archive, SearchQuery, Store};

fn article(i: usize, site: &str, date: &str, speaker: Option<&str>, entity: &str) -> Article {
    let mut a = Article::empty(Source::file(format!("f{i}.html"), Format::Html));
    a.title = Some(format!("Tide table {i}"));
    a.site_name = Some(site.into());
    a.published = Some(date.into());
    let words = format!("“High water comes at {i} o'clock,”");
    a.text = format!("{words} the harbour office said of the tide table, item {i}.");
    if let Some(s) = speaker {
        a.quotes = vec![Quote {
            text: words.clone(),
            kind: QuoteKind::Direct,
            start: Char::ZERO,
            end: Char::new(words.chars().count()),
            pieces: vec![[Char::ZERO, Char::new(words.chars().count())]],
            cue: None,
            speech_act: SpeechAct::Statement,
            speaker: Some(Speaker {
                name: Some(s.into()),
                mention: None,
                role: None,
                kind: None,
            }),
            confidence: 0.9,
            mode: Default::default(),
            continued: false,
        }];
    }
    a.entities = vec![Entity {
        name: entity.into(),
        kind: EntityKind::Organization,
        aliases: vec![],
        roles: vec![],
        mentions: vec![],
    }];
    a
}

#[test]
fn facets_count_every_match_under_the_filters() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Store::open_write(tmp.path()).unwrap();
    let mut items = Vec::new();
    for i in 0..30 {
        let (site, date) = if i < 20 {
            ("Kelp Weekly", "2019-05-03")
        } else {
            ("Reef Herald", "2019-07-21")
        };
        let speaker = (i % 3 == 0).then_some("Una Brine");
        let entity = if i % 2 == 0 {
            "Harbour Office"
        } else {
            "Tide Board"
        };
        items.push(prepare(article(i, site, date, speaker, entity)));
    }
    s.ingest(items, vec![]).unwrap();
    let q = SearchQuery {
        text: "tide".into(),
        limit: 5,
        ..SearchQuery::default()
    };
    let f = s.facets(&q).unwrap();
    assert_eq!(
        (f.total, f.counted),
        (30, 30),
        "every match, not the page of 5"
    );
    let pairs = |v: &[stemma_store::FacetCount]| -> Vec<(String, u64)> {
        v.iter().map(|c| (c.value.clone(), c.count)).collect()
    };
    assert_eq!(
        pairs(&f.sites),
        vec![("Kelp Weekly".into(), 20), ("Reef Herald".into(), 10)]
    );
    assert_eq!(pairs(&f.speakers), vec![("Una Brine".into(), 10)]);
    assert_eq!(
        pairs(&f.entities),
        vec![("Harbour Office".into(), 15), ("Tide Board".into(), 15)]
    );
    let periods: Vec<(String, String, String, u64)> = f
        .periods
        .iter()
        .map(|p| (p.label.clone(), p.from.clone(), p.to.clone(), p.count))
        .collect();
    assert_eq!(
        periods,
        vec![
            (
                "2019-05".into(),
                "2019-05-01".into(),
                "2019-05-31".into(),
                20
            ),
            (
                "2019-07".into(),
                "2019-07-01".into(),
                "2019-07-31".into(),
                10
            ),
        ]
    );

    // the search's filters narrow the counts
    let f = s
        .facets(&SearchQuery {
            site: Some("Reef Herald".into()),
            entity: Some("Tide Board".into()),
            ..q.clone()
        })
        .unwrap();
    assert_eq!(f.total, 5);
    assert_eq!(pairs(&f.sites), vec![("Reef Herald".into(), 5)]);
    let f = s
        .facets(&SearchQuery {
            from: Some("2019-07-01".into()),
            speaker: Some("Una Brine".into()),
            ..q.clone()
        })
        .unwrap();
    assert_eq!(f.total, 3, "items 21, 24, 27");
    // a bad date is a query error, as in search
    assert!(s
        .facets(&SearchQuery {
            from: Some("May".into()),
            ..q
        })
        .is_err());
}
