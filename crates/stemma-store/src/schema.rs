//! The SQLite schema and its migrations. `PRAGMA user_version` holds the schema version; each
//! migration runs in one transaction, so a directory is always at one version or the next.

use rusqlite::{params, Connection, Transaction};

use crate::dates::day_number;
use crate::error::Result;

/// The schema this build writes.
pub const SCHEMA_VERSION: i64 = 5;

/// Version 1: the records, the quotes, the entities, the stories, the syndication index.
const V1: &str = r#"
CREATE TABLE batches (
    id INTEGER PRIMARY KEY,
    committed_at TEXT NOT NULL,
    articles INTEGER NOT NULL,
    failed INTEGER NOT NULL
);
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    norm TEXT NOT NULL UNIQUE
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    batch INTEGER NOT NULL REFERENCES batches(id),
    key TEXT NOT NULL UNIQUE,
    record_id TEXT NOT NULL,
    url TEXT,
    path TEXT NOT NULL,
    title TEXT,
    published TEXT,
    source INTEGER REFERENCES sources(id),
    record TEXT NOT NULL
);
CREATE INDEX articles_batch ON articles(batch);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_record_id ON articles(record_id);
CREATE INDEX articles_source ON articles(source);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL,
    norm TEXT NOT NULL,
    kind TEXT NOT NULL,
    speech_act TEXT NOT NULL,
    speaker TEXT,
    speaker_norm TEXT,
    role TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    confidence REAL NOT NULL,
    headline TEXT
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_norm ON quotes(norm);
CREATE INDEX quotes_speaker ON quotes(speaker_norm);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE TABLE entity_names (
    norm TEXT PRIMARY KEY,
    entity INTEGER NOT NULL REFERENCES entities(id)
);
CREATE INDEX entity_names_entity ON entity_names(entity);
CREATE TABLE entity_aliases (
    entity INTEGER NOT NULL REFERENCES entities(id),
    norm TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (entity, norm)
);
CREATE TABLE alias_evidence (
    entity INTEGER NOT NULL REFERENCES entities(id),
    alias_norm TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id),
    evidence TEXT NOT NULL,
    in_title INTEGER NOT NULL,
    PRIMARY KEY (entity, alias_norm, article)
);
CREATE TABLE entity_mentions (
    entity INTEGER NOT NULL REFERENCES entities(id),
    article INTEGER NOT NULL REFERENCES articles(id),
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity, article)
);
CREATE INDEX entity_mentions_article ON entity_mentions(article);
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    origin INTEGER REFERENCES articles(id),
    origin_certain INTEGER NOT NULL,
    origin_reason TEXT NOT NULL,
    credited TEXT,
    size INTEGER NOT NULL,
    batch INTEGER NOT NULL
);
CREATE TABLE story_members (
    story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article INTEGER NOT NULL REFERENCES articles(id),
    role TEXT NOT NULL,
    PRIMARY KEY (story, article)
);
CREATE INDEX story_members_article ON story_members(article);
CREATE TABLE story_edges (
    story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    copy INTEGER NOT NULL REFERENCES articles(id),
    source INTEGER NOT NULL REFERENCES articles(id),
    shared REAL NOT NULL,
    shared_of_source REAL NOT NULL,
    notice TEXT,
    notice_names_source INTEGER NOT NULL,
    lag_days REAL,
    flags TEXT NOT NULL,
    PRIMARY KEY (story, copy, source)
);
CREATE TABLE failures (
    input TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    batch INTEGER NOT NULL
);
CREATE TABLE synd (
    idx INTEGER PRIMARY KEY,
    article INTEGER NOT NULL UNIQUE REFERENCES articles(id),
    prepared TEXT NOT NULL
);
"#;

/// Version 2: a day number per article (days since 1970-01-01 of `published`) for date
/// filters and attention counts, filled in for the articles already stored.
fn v2(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "ALTER TABLE articles ADD COLUMN day INTEGER;
         CREATE INDEX articles_day ON articles(day);",
    )?;
    let rows: Vec<(i64, Option<String>)> = {
        let mut st = tx.prepare("SELECT id, published FROM articles")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut up = tx.prepare("UPDATE articles SET day = ?1 WHERE id = ?2")?;
    for (id, published) in rows {
        up.execute(params![published.as_deref().and_then(day_number), id])?;
    }
    Ok(())
}

/// Version 3: the syndication index's links (`synd_links`, in the order they were found), so
/// that it loads as it was saved, embedding relations included; an older store's links are
/// taken from its stories (each copy linked to its story's first article). And an index on
/// `articles.path`, which `story` looks articles up by; the distinct speakers (`speakers`), so
/// that `quotes --speaker` matches a name among them rather than among all quotes.
fn v3(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "CREATE TABLE synd_links (
             a INTEGER NOT NULL,
             b INTEGER NOT NULL,
             kind INTEGER NOT NULL
         );
         CREATE INDEX articles_path ON articles(path);
         CREATE TABLE speakers (norm TEXT PRIMARY KEY) WITHOUT ROWID;
         INSERT OR IGNORE INTO speakers (norm)
             SELECT speaker_norm FROM quotes WHERE speaker_norm IS NOT NULL;
         INSERT INTO synd_links (a, b, kind)
             SELECT sm.idx, ss.idx, 0 FROM story_members m
             JOIN synd sm ON sm.article = m.article
             JOIN synd ss ON ss.article = m.story
             WHERE m.article != m.story
             ORDER BY m.story, m.article;",
    )?;
    Ok(())
}

/// Version 4: each quote's day (its article's day number), so that a speaker's quotes are read
/// in time order straight from an index on (speaker, day, article) and a query stops after the
/// page it shows instead of sorting every quote of a frequent speaker; and an index on an
/// entity's mentions with their roles, so that the entity page counts articles and gathers
/// roles from the index alone.
fn v4(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "ALTER TABLE quotes ADD COLUMN day INTEGER;
         UPDATE quotes SET day = (SELECT a.day FROM articles a WHERE a.id = quotes.article);
         DROP INDEX quotes_speaker;
         CREATE INDEX quotes_speaker_day ON quotes(speaker_norm, day, article);
         CREATE INDEX entity_mentions_roles ON entity_mentions(entity, roles);",
    )?;
    Ok(())
}

/// Version 5: the two entity tables every mention writes to become clustered on their keys
/// (`WITHOUT ROWID`): a name is one B-tree entry (it was a row and an index entry), and a
/// mention is one entry in (entity, article) order plus the index by article (it was a row
/// and three index entries). The entity page reads a mention's roles from the table itself,
/// in article order (which is the order the rows were written in), so the index on
/// (entity, roles) goes.
fn v5(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "CREATE TABLE entity_names_v5 (
             norm TEXT PRIMARY KEY,
             entity INTEGER NOT NULL REFERENCES entities(id)
         ) WITHOUT ROWID;
         INSERT INTO entity_names_v5 (norm, entity) SELECT norm, entity FROM entity_names;
         DROP TABLE entity_names;
         ALTER TABLE entity_names_v5 RENAME TO entity_names;
         CREATE INDEX entity_names_entity ON entity_names(entity);
         CREATE TABLE entity_mentions_v5 (
             entity INTEGER NOT NULL REFERENCES entities(id),
             article INTEGER NOT NULL REFERENCES articles(id),
             name TEXT NOT NULL,
             roles TEXT NOT NULL,
             mentions INTEGER NOT NULL,
             PRIMARY KEY (entity, article)
         ) WITHOUT ROWID;
         INSERT INTO entity_mentions_v5 (entity, article, name, roles, mentions)
             SELECT entity, article, name, roles, mentions FROM entity_mentions;
         DROP TABLE entity_mentions;
         ALTER TABLE entity_mentions_v5 RENAME TO entity_mentions;
         CREATE INDEX entity_mentions_article ON entity_mentions(article);",
    )?;
    Ok(())
}

/// The schema version of a database (0: empty).
pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Bring a database up to `target` (≤ [`SCHEMA_VERSION`]), one transaction per step.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<i64> {
    let mut v = version(conn)?;
    while v < target {
        let tx = conn.transaction()?;
        match v {
            0 => tx.execute_batch(V1)?,
            1 => v2(&tx)?,
            2 => v3(&tx)?,
            3 => v4(&tx)?,
            4 => v5(&tx)?,
            _ => break,
        }
        v += 1;
        tx.pragma_update(None, "user_version", v)?;
        tx.commit()?;
        tracing::info!(version = v, "store: schema migrated");
    }
    Ok(v)
}
