//! The demo archive holds what the corpus was written to show: who copied whom, a dropped
//! notice, a roundup in two stories that stay apart, quotes, an alias, attention over weeks.

use stemma_store::{AttentionQuery, Bucket, QuoteQuery, StoryView};

use super::*;

const ORIGIN_A: &str = "https://harbourledger.example/2026/03/caldria-talks-amber-brigade-stall";
const ORIGIN_B: &str = "https://coastlineherald.example/2026/03/orrin-basin-rationing";
const ORIGIN_C: &str = "https://selkobserver.example/2026/03/lantern-coalition-raids";
const ROUNDUP: &str = "https://riversidedigest.example/2026/03/week-in-caldria";

fn demo_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let built = build(dir.path(), None, &[]).unwrap();
    assert!(built.failed.is_empty(), "{:?}", built.failed);
    assert_eq!((built.pages, built.added), (CORPUS.len(), CORPUS.len()));
    let store = Store::open_read(dir.path()).unwrap();
    (dir, store)
}

fn one_story(store: &Store, key: &str) -> StoryView {
    let mut v = store.story(key).unwrap();
    assert_eq!(v.len(), 1, "{key} is in one story");
    v.remove(0)
}

/// (site, role, flags) of each member, in the order the story lists them.
fn members(s: &StoryView) -> Vec<(String, String, Vec<String>)> {
    s.members
        .iter()
        .map(|m| {
            (
                m.site.clone().unwrap_or_default(),
                m.role.clone(),
                m.flags.clone(),
            )
        })
        .collect()
}

#[test]
fn stories_origin_first_copies_in_order_with_dropped_notice_and_changed_byline() {
    let (_dir, store) = demo_store();
    let a = one_story(&store, ORIGIN_A);
    assert_eq!(a.origin.as_deref(), Some(ORIGIN_A));
    let m = members(&a);
    let order: Vec<(&str, &str)> = m.iter().map(|(s, r, _)| (s.as_str(), r.as_str())).collect();
    assert_eq!(
        order,
        [
            ("The Harbour Ledger", "origin"),
            ("Valley Dispatch", "copy"),
            ("Northgate Courier", "copy"),
            ("Meridian Post", "embedding"),
            ("Riverside Digest", "embedding"),
        ]
    );
    // Valley Dispatch kept the notice; Northgate Courier copied Valley Dispatch without it and
    // under another byline.
    assert_eq!(a.members[1].notice_state.as_deref(), Some("kept"));
    let northgate = &a.members[2];
    assert_eq!(
        northgate.copied_from.as_deref(),
        Some("https://valleydispatch.example/2026/03/talks-stall-port-lirra")
    );
    assert_eq!(northgate.notice_state.as_deref(), Some("dropped"));
    assert!(northgate.byline_changed);
    assert!(m[2].2.contains(&"notice_dropped".to_string()), "{m:?}");
    // A roundup or a story that quotes a run of this one is a piece of its own: its byline and
    // its lack of a notice are not flagged as changes to the story.
    for e in &a.members[3..] {
        assert!(!e.byline_changed, "{e:?}");
        assert_ne!(e.notice_state.as_deref(), Some("dropped"), "{e:?}");
        assert!(e.flags.iter().all(|f| f != "no_notice"), "{e:?}");
    }

    let c = one_story(&store, ORIGIN_C);
    assert_eq!(c.origin.as_deref(), Some(ORIGIN_C));
    assert_eq!(members(&c).len(), 2);
}

#[test]
fn the_roundup_is_an_embedding_member_of_two_stories_that_stay_apart() {
    let (_dir, store) = demo_store();
    // Its own story (of one), and the two it quotes.
    let stories: Vec<StoryView> = store
        .story(ROUNDUP)
        .unwrap()
        .into_iter()
        .filter(|s| s.origin.as_deref() != Some(ROUNDUP))
        .collect();
    let mut origins: Vec<Option<String>> = stories.iter().map(|s| s.origin.clone()).collect();
    origins.sort();
    assert_eq!(
        origins,
        [Some(ORIGIN_B.to_string()), Some(ORIGIN_A.to_string())]
    );
    for s in &stories {
        let me = s.members.iter().find(|m| m.record == ROUNDUP).unwrap();
        assert_eq!(me.role, "embedding");
        // No copy of one story is a copy in the other: they were not merged.
        let copies = |s: &StoryView| -> Vec<String> {
            s.members
                .iter()
                .filter(|m| m.role != "embedding")
                .map(|m| m.record.clone())
                .collect()
        };
        let other = stories.iter().find(|o| o.id != s.id).unwrap();
        assert!(copies(s).iter().all(|r| !copies(other).contains(r)));
    }
}

#[test]
fn quotes_spread_and_an_alias_with_its_evidence() {
    let (_dir, store) = demo_store();
    let groups = store
        .quotes(&QuoteQuery {
            speaker: Some("Valmont".into()),
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    let customs = groups
        .iter()
        .find(|g| g.quote.contains("Customs belong to the state"))
        .expect("the minister's customs quote");
    assert_eq!(customs.speaker.as_deref(), Some("Idris Valmont"));
    assert_eq!(customs.first.site.as_deref(), Some("The Harbour Ledger"));
    for outlet in ["Valley Dispatch", "Northgate Courier", "Riverside Digest"] {
        assert!(customs.outlets.iter().any(|o| o == outlet), "{outlet}");
    }
    // Quotes from three weeks apart, in several stories.
    assert!(groups.len() >= 8, "{}", groups.len());

    // The group under its two names, each name with the articles that assert it.
    let by_alias = store.entity("Saffron Front").unwrap();
    let e = by_alias
        .iter()
        .find(|e| e.name == "Amber Brigade")
        .expect("Saffron Front is the Amber Brigade");
    let saffron = e.names.iter().find(|n| n.name == "Saffron Front").unwrap();
    let harbour = saffron
        .asserted_by
        .iter()
        .find(|u| u.site.as_deref() == Some("The Harbour Ledger"))
        .unwrap();
    assert!(harbour.evidence.contains("also known as"), "{harbour:?}");

    // Attention has a shape: articles in four weeks or more.
    let rows = store
        .attention(&AttentionQuery {
            entity: Some("Amber Brigade".into()),
            query: None,
            by: Bucket::Week,
            site: None,
        })
        .unwrap();
    assert!(rows.len() >= 4, "{rows:?}");
}

#[test]
fn extra_pages_join_the_demo_and_a_missing_one_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("extra.html");
    std::fs::write(
        &page,
        "<html><head><title>Quillfeather &lt;script&gt; test</title></head><body><article>\
         <h1>Quillfeather &lt;script&gt; test</h1><p>Mayor Orla Quillfeather opened the \
         new ferry pier at Selk on Monday, the council said in a statement.</p></article>\
         </body></html>",
    )
    .unwrap();
    let data = dir.path().join("data");
    let built = build(
        &data,
        None,
        &[
            page.into_os_string(),
            dir.path().join("missing.html").into(),
        ],
    )
    .unwrap();
    assert_eq!(built.added, CORPUS.len() + 1);
    assert_eq!(built.failed.len(), 1, "{:?}", built.failed);
    assert!(built.failed[0].input.ends_with("missing.html"));
    let store = Store::open_read(&data).unwrap();
    let hits = store
        .search(&stemma_store::SearchQuery {
            text: "Quillfeather".into(),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].title.as_deref(), Some("Quillfeather <script> test"));
}
