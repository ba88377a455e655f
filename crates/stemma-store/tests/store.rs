//! The store through its interface: idempotence, incremental stories, the writer lock, and a
//! data directory written by schema version 1 that opens and migrates.

use std::path::Path;
use stemma_core::model::Char;

use stemma_core::{Alias, Article, Entity, EntityKind, Format, Source, Span};
use stemma_store::{prepare, Archive, AttentionQuery, Bucket, SearchQuery, Store, StoreError};

fn article(path: &str, site: &str, date: &str, text: &str) -> Article {
    let mut a = Article::empty(Source {
        path: path.into(),
        format: Format::Text,
        url: None,
        warc_record_id: None,
        warc_date: None,
    });
    a.title = Some(format!("{site} reports"));
    a.site_name = Some(site.into());
    a.published = Some(date.into());
    a.text = text.into();
    a
}

fn long_text(seed: &str) -> String {
    (0..12)
        .map(|i| format!("The {seed} committee met for session {i} and agreed on the {seed} budget for the harbour, the ferry and the school in paragraph {i}."))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn same_page_twice_is_stored_once_and_copies_join_stories_across_batches() {
    let tmp = tempfile::tempdir().unwrap();
    let text = long_text("river");
    {
        let mut s = Store::open_write(tmp.path()).unwrap();
        let r = s
            .ingest(
                vec![prepare(article("a.txt", "Alder Post", "2022-01-01", &text))],
                vec![],
            )
            .unwrap();
        assert_eq!((r.added, r.duplicates), (1, 0));
        let r = s
            .ingest(
                vec![
                    prepare(article("a.txt", "Alder Post", "2022-01-01", &text)),
                    prepare(article("b.txt", "Birch Times", "2022-01-02", &text)),
                ],
                vec![],
            )
            .unwrap();
        assert_eq!((r.added, r.duplicates), (1, 1));
    }
    // reopened: the index is rebuilt from the store, and a third copy joins the same story
    let mut s = Store::open_write(tmp.path()).unwrap();
    s.ingest(
        vec![prepare(article("c.txt", "Cedar News", "2022-01-03", &text))],
        vec![],
    )
    .unwrap();
    let stories = s.story("a.txt").unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].members.len(), 3);
    assert_eq!(stories[0].origin.as_deref(), Some("a.txt"));
    assert_eq!(s.stats().unwrap().stories, 1);
    assert!(s.check().unwrap().ok());

    // an article by id: its record as stored, and its role in the story
    let id = stories[0].members[1].article;
    let view = s.article(id).unwrap();
    assert_eq!(view.record_id, stories[0].members[1].record);
    assert_eq!(view.record.text, text);
    assert_eq!(view.stories.len(), 1);
    assert_eq!(view.stories[0].story, stories[0].id);
    assert_eq!(view.stories[0].role, stories[0].members[1].role);
    assert_eq!(view.stories[0].size, 3);
    assert!(matches!(s.article(9999), Err(StoreError::NotFound(_))));
}

#[test]
fn a_second_writer_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let _first = Store::open_write(tmp.path()).unwrap();
    match Store::open_write(tmp.path()) {
        Err(e @ StoreError::Locked { .. }) => {
            assert!(e.to_string().contains("another stemma process"))
        }
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("a second writer was let in"),
    }
    // a reader is not
    Store::open_read(tmp.path()).unwrap();
}

#[test]
fn missing_directory_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let e = Store::open_read(&tmp.path().join("nothing")).err().unwrap();
    assert!(matches!(e, StoreError::Missing(_)), "{e}");
}

/// `tests/fixtures/schema-v1.sql`: the dump of a data directory written at schema version 1
/// (two articles ingested from invented pages).
fn v1_dir(dir: &Path) {
    let sql = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sql"),
    )
    .unwrap();
    let conn = rusqlite::Connection::open(dir.join(stemma_store::DB_FILE)).unwrap();
    conn.execute_batch(&sql).unwrap();
}

#[test]
fn schema_v1_directory_opens_and_migrates() {
    let tmp = tempfile::tempdir().unwrap();
    v1_dir(tmp.path());
    // a reader migrates it (and builds the missing full-text index through the writer)
    let s = Store::open_read(tmp.path()).unwrap();
    let st = s.stats().unwrap();
    assert_eq!(st.schema, stemma_store::SCHEMA_VERSION);
    assert_eq!(st.articles, 2);
    // v2's day numbers were filled in from `published`
    let att = s
        .attention(&AttentionQuery {
            entity: None,
            query: Some("harbour".into()),
            by: Bucket::Month,
            site: None,
        })
        .unwrap();
    assert!(
        !att.is_empty() && att.iter().all(|r| r.bucket != "undated"),
        "{att:?}"
    );
    let hits = s
        .search(&SearchQuery {
            text: "harbour".into(),
            limit: 5,
            ..SearchQuery::default()
        })
        .unwrap();
    assert!(!hits.is_empty());
    assert!(s.check().unwrap().ok(), "{:?}", s.check().unwrap());
    // v5 rebuilt the entity tables: an entity is still found by an alias, with its names,
    // the article that asserts the alias, and its article count
    let ents = s.entity("Sea Wolves").unwrap();
    assert_eq!(ents.len(), 1);
    assert_eq!(ents[0].name, "Coastal Liberation Front");
    let names: Vec<&str> = ents[0].names.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Coastal Liberation Front",
            "Sea Wolves",
            "Northern Tide Brigade"
        ]
    );
    assert!(!ents[0].names[1].asserted_by.is_empty(), "{ents:?}");
    assert!(ents[0].articles >= 1);
    drop(s);
    let conn = rusqlite::Connection::open(tmp.path().join(stemma_store::DB_FILE)).unwrap();
    for table in ["entity_names", "entity_mentions"] {
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert!(sql.contains("WITHOUT ROWID"), "{sql}");
    }
    drop(conn);
    // and takes new pages
    let mut w = Store::open_write(tmp.path()).unwrap();
    let r = w
        .ingest(
            vec![prepare(article(
                "new.txt",
                "Dune Gazette",
                "2023-05-01",
                &long_text("meadow"),
            ))],
            vec![],
        )
        .unwrap();
    assert_eq!(r.added, 1);
}

#[test]
fn full_text_commits_wait_but_queries_and_closing_see_every_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let mut w = Store::open_write(tmp.path()).unwrap();
    let search = |s: &Store| {
        s.search(&SearchQuery {
            text: "lighthouse".into(),
            limit: 5,
            ..SearchQuery::default()
        })
        .unwrap()
        .len()
    };
    for (i, word) in ["lighthouse", "orchard"].iter().enumerate() {
        w.ingest(
            vec![prepare(article(
                &format!("{i}.txt"),
                "Alder Post",
                "2022-01-01",
                &long_text(word),
            ))],
            vec![],
        )
        .unwrap();
    }
    // The writer's own queries commit what waits first.
    assert_eq!(search(&w), 1);
    assert!(w.check().unwrap().ok());
    w.ingest(
        vec![prepare(article(
            "2.txt",
            "Birch Times",
            "2022-01-02",
            &long_text("lighthouse keeper"),
        ))],
        vec![],
    )
    .unwrap();
    // Closing the writer commits, and a reader sees every batch.
    drop(w);
    let r = Store::open_read(tmp.path()).unwrap();
    assert_eq!(search(&r), 2);
    assert!(r.check().unwrap().ok());
}

fn entity(name: &str, aliases: &[&str], roles: &[&str]) -> Entity {
    Entity {
        name: name.into(),
        kind: EntityKind::Organization,
        aliases: aliases
            .iter()
            .map(|a| Alias {
                name: (*a).into(),
                evidence: Span {
                    start: Char::ZERO,
                    end: Char::new(a.len()),
                    text: format!("{name}, also called {a}"),
                },
                in_title: false,
            })
            .collect(),
        roles: roles.iter().map(|r| (*r).into()).collect(),
        mentions: vec![Span {
            start: Char::ZERO,
            end: Char::new(name.len()),
            text: name.into(),
        }],
    }
}

/// An entity met again under its name, under an alias, and with a new alias is one entity:
/// every name kept once, in the order first seen, each with the articles that assert it, and
/// the roles in the order of the articles that first gave them.
#[test]
fn entities_merge_by_name_and_alias_across_batches() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Store::open_write(tmp.path()).unwrap();
    let pages = [
        (
            "e1.txt",
            entity("Fen Drainage Board", &["FDB"], &["regulator"]),
        ),
        ("e2.txt", entity("Fen Drainage Board", &[], &["regulator"])),
        (
            "e3.txt",
            entity("FDB", &["Fenwater Authority"], &["landlord"]),
        ),
        ("e4.txt", entity("Fenwater Authority", &["FDB"], &[])),
    ];
    for (i, (path, e)) in pages.into_iter().enumerate() {
        let mut a = article(
            path,
            "Marsh Courier",
            "2021-03-04",
            &long_text(&format!("sluice{i}")),
        );
        a.entities = vec![e];
        s.ingest(vec![prepare(a)], vec![]).unwrap();
    }
    for name in ["fen drainage board", "FDB", "Fenwater Authority"] {
        let ents = s.entity(name).unwrap();
        assert_eq!(ents.len(), 1, "{name}");
        let e = &ents[0];
        assert_eq!(e.name, "Fen Drainage Board");
        assert_eq!(e.articles, 4);
        let names: Vec<(&str, usize)> = e
            .names
            .iter()
            .map(|n| (n.name.as_str(), n.asserted_by.len()))
            .collect();
        assert_eq!(
            names,
            [
                ("Fen Drainage Board", 0),
                ("FDB", 2),
                ("Fenwater Authority", 1)
            ],
            "{name}"
        );
        assert_eq!(e.roles, ["regulator", "landlord"]);
    }
    assert_eq!(s.stats().unwrap().entities, 1);
    assert!(s.check().unwrap().ok());
}
