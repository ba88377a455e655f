//! stemma-store: the archive. Article records, their quotes, entities and stories are kept in
//! one data directory: SQLite (`stemma.sqlite`, WAL) holds every record and relation, tantivy
//! (`index/`) the full text of titles, bodies and quotes.
//!
//! * [`Store::open_write`] takes the directory's write lock (`write.lock`; a second writer gets
//!   [`StoreError::Locked`]), migrates the schema, reconciles the full-text index with SQLite
//!   and loads the syndication index. [`Store::open_read`] opens for queries only: readers keep
//!   working while a writer ingests (WAL snapshots; tantivy readers see the last commit).
//! * [`Store::ingest`] stores one batch in one SQLite transaction — articles (once each: by URL,
//!   else by content hash), outlets, quotes, entities merged across articles, failed inputs,
//!   the syndication records and the stories the batch changed — and then adds the batch to the
//!   full-text index, committed with the payload `batch N`.
//! * The consistency rule: SQLite is the truth; tantivy's commit payload names the last SQLite
//!   batch it holds. On open, the batches past it are indexed again (deleting their documents
//!   first), and if the document count still differs from the article count, the index is
//!   rebuilt. A crash at any point therefore loses nothing SQLite committed, and the index
//!   never keeps a document SQLite does not have.
//! * The queries ([`Archive`]) read SQLite and tantivy; nothing else.
//!
//! [`Archive`] is the narrow interface the CLI (and later a server) uses, so another
//! implementation (a server database) can stand beside this embedded one.

mod article;
mod by_speaker;
mod check;
mod dates;
mod entities;
mod error;
mod facets;
mod fulltext;
mod ingest;
mod query;
mod schema;

use std::cell::{Cell, RefCell};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use stemma_core::syndicate::Index;

pub use article::{ArticleView, StoryRef};
pub use check::CheckReport;
pub use dates::{bucket_label, day_number, day_string, Bucket};
pub use error::{Result, StoreError};
pub use facets::{FacetCount, Facets, PeriodCount, FACET_MAX_ARTICLES, FACET_TOP};
pub use fulltext::TextFilter;
pub use ingest::{prepare, Failure, Incoming, IngestReport};
pub use query::*;
pub use schema::SCHEMA_VERSION;

use fulltext::FullText;

/// The SQLite file inside a data directory.
pub const DB_FILE: &str = "stemma.sqlite";
/// The full-text index folder inside a data directory.
pub const INDEX_DIR: &str = "index";
/// The writer's SQLite page cache, as `PRAGMA cache_size` takes it (negative: KiB).
const WRITER_CACHE_KIB: i64 = -131_072;

/// The writer's WAL checkpoint interval, in pages (`PRAGMA wal_autocheckpoint`).
const WAL_CHECKPOINT_PAGES: i64 = 16_384;
/// The WAL size kept after a checkpoint (`PRAGMA journal_size_limit`, bytes).
const WAL_KEEP_BYTES: i64 = 64 * 1024 * 1024;

/// The writer's lock file.
pub const LOCK_FILE: &str = "write.lock";

/// The data directory: `flag`, else `$STEMMA_DATA`, else `./stemma-data`.
pub fn data_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os("STEMMA_DATA")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(|| PathBuf::from("stemma-data"))
}

/// The archive's interface: what the CLI and a server ask of a store.
pub trait Archive {
    /// Store one batch of prepared articles and the inputs that failed.
    fn ingest(&mut self, items: Vec<Incoming>, failures: Vec<Failure>) -> Result<IngestReport>;
    /// Ranked articles with highlighted snippets.
    fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>>;
    /// How many of a search's matches each outlet, speaker, entity and period holds.
    fn facets(&self, q: &SearchQuery) -> Result<Facets>;
    /// Who said what: quotes grouped by their words, with where they appeared.
    fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteGroup>>;
    /// The stemma of the story an article (id, URL or path) or a story id belongs to.
    fn story(&self, key: &str) -> Result<Vec<StoryView>>;
    /// An entity under all its names.
    fn entity(&self, name: &str) -> Result<Vec<EntityView>>;
    /// Counts of articles over time.
    fn attention(&self, q: &AttentionQuery) -> Result<Vec<AttentionRow>>;
    /// The inputs that failed, with the reason.
    fn errors(&self) -> Result<Vec<Failure>>;
    fn stats(&self) -> Result<Stats>;
    /// One stored article by id: its record and the stories it belongs to.
    fn article(&self, id: i64) -> Result<ArticleView>;
    /// Verify the store and say what is wrong.
    fn check(&self) -> Result<CheckReport>;
    /// Rebuild the full-text index from SQLite.
    fn reindex(&mut self) -> Result<u64>;
}

impl Drop for Store {
    fn drop(&mut self) {
        if let Err(e) = self.flush() {
            tracing::warn!(error = %e, "store: committing the full-text index on close failed (the next open indexes the batches it missed)");
        }
    }
}

/// The embedded store: SQLite + tantivy in one directory.
pub struct Store {
    dir: PathBuf,
    conn: Connection,
    text: Option<FullText>,
    /// Why the full-text index could not be opened, when it could not.
    text_error: Option<String>,
    writer: Option<Writer>,
}

/// How long full-text documents may wait for their commit while an ingest goes on. Each
/// commit makes a segment, and tantivy merges small segments again and again on their way up
/// its size levels: bigger first segments skip the lowest levels (the writer's own queries,
/// `check` and closing commit at once; other readers see a batch within this time).
const COMMIT_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

/// What only the writer holds.
struct Writer {
    _lock: File,
    /// Borrowed mutably to commit, also from a query (`&self`) that must see every batch.
    text: RefCell<tantivy::IndexWriter>,
    /// The last batch added to the full-text writer and not committed yet.
    pending: Cell<Option<i64>>,
    last_commit: Cell<std::time::Instant>,
    synd: Index,
    /// The article id of each syndication record, by record number.
    synd_article: Vec<i64>,
}

fn is_read_only(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// SQLite's own words for a damaged or foreign file become [`StoreError::Corrupt`].
pub(crate) fn sql_error(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match e.sqlite_error_code() {
        Some(DatabaseCorrupt | NotADatabase) => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        _ => StoreError::Sql(e),
    }
}

fn configure(conn: &Connection, path: &Path) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(|e| sql_error(path, e))?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(|e| sql_error(path, e))?;
    // Touch the file so that a foreign or truncated one is refused here, not mid-query.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| sql_error(path, e))?;
    Ok(())
}

/// A read-only connection. In a directory this process cannot write, SQLite cannot make the
/// WAL's shared-memory file, so the database is opened as immutable (nobody can be writing it).
fn open_reader(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let first = Connection::open_with_flags(path, flags)
        .map_err(|e| sql_error(path, e))
        .and_then(|c| configure(&c, path).map(|()| c));
    match first {
        Ok(c) => Ok(c),
        Err(StoreError::Sql(e)) => {
            let uri = format!("file:{}?immutable=1", path.display());
            let c = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(|_| sql_error(path, e))?;
            configure(&c, path)?;
            tracing::info!(path = %path.display(), "store: opened read-only as immutable");
            Ok(c)
        }
        Err(e) => Err(e),
    }
}

impl Store {
    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn db_path(dir: &Path) -> PathBuf {
        dir.join(DB_FILE)
    }

    /// Open for writing: lock, create or migrate, reconcile the full-text index, load the
    /// syndication index.
    pub fn open_write(dir: &Path) -> Result<Store> {
        let read_only = |dir: &Path| StoreError::ReadOnly {
            dir: dir.to_path_buf(),
            action: "writing",
        };
        std::fs::create_dir_all(dir).map_err(|e| {
            if is_read_only(&e) {
                read_only(dir)
            } else {
                StoreError::io(dir, e)
            }
        })?;
        let lock_path = dir.join(LOCK_FILE);
        let mut lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&lock_path)
            .map_err(|e| {
                if is_read_only(&e) {
                    read_only(dir)
                } else {
                    StoreError::io(&lock_path, e)
                }
            })?;
        if !fs4::fs_std::FileExt::try_lock_exclusive(&lock)
            .map_err(|e| StoreError::io(&lock_path, e))?
        {
            return Err(StoreError::Locked {
                dir: dir.to_path_buf(),
                lock: lock_path,
            });
        }
        let _ = lock.set_len(0);
        let _ = writeln!(lock, "{}", std::process::id());

        let path = Self::db_path(dir);
        let mut conn = Connection::open(&path).map_err(|e| sql_error(&path, e))?;
        configure(&conn, &path)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| sql_error(&path, e))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| sql_error(&path, e))?;
        // The writer's page cache holds the indexes that every batch inserts into at random
        // places (names, keys, quote words): with SQLite's default 2 MiB, each insert reads
        // pages back from the file once the store outgrows it, and the cost per page grows.
        conn.pragma_update(None, "cache_size", WRITER_CACHE_KIB)
            .map_err(|e| sql_error(&path, e))?;
        // Checkpoint the WAL into the database every WAL_CHECKPOINT_PAGES rather than every
        // 1000 (SQLite's default, less than one batch writes): an index page that many
        // batches change is copied into the database once per checkpoint instead of once per
        // batch, and the database is synced less often. The WAL is cut back after each.
        conn.pragma_update(None, "wal_autocheckpoint", WAL_CHECKPOINT_PAGES)
            .map_err(|e| sql_error(&path, e))?;
        conn.pragma_update(None, "journal_size_limit", WAL_KEEP_BYTES)
            .map_err(|e| sql_error(&path, e))?;
        conn.set_prepared_statement_cache_capacity(64);
        let v = schema::version(&conn).map_err(|e| match e {
            StoreError::Sql(s) => sql_error(&path, s),
            e => e,
        })?;
        if v > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path,
                found: v,
                known: SCHEMA_VERSION,
            });
        }
        schema::migrate_to(&mut conn, SCHEMA_VERSION)?;

        let text = FullText::open(&dir.join(INDEX_DIR), true)?;
        let tw = text.writer()?;
        let mut store = Store {
            dir: dir.to_path_buf(),
            conn,
            text: Some(text),
            text_error: None,
            writer: Some(Writer {
                _lock: lock,
                text: RefCell::new(tw),
                pending: Cell::new(None),
                last_commit: Cell::new(std::time::Instant::now()),
                synd: Index::default(),
                synd_article: Vec::new(),
            }),
        };
        store.reconcile()?;
        store.load_synd()?;
        Ok(store)
    }

    /// Open for queries. An older schema is migrated first when the directory can be written.
    pub fn open_read(dir: &Path) -> Result<Store> {
        let path = Self::db_path(dir);
        if !path.is_file() {
            return Err(StoreError::Missing(dir.to_path_buf()));
        }
        {
            let conn = open_reader(&path)?;
            let v = schema::version(&conn)?;
            if v > SCHEMA_VERSION {
                return Err(StoreError::TooNew {
                    path,
                    found: v,
                    known: SCHEMA_VERSION,
                });
            }
            if v < SCHEMA_VERSION {
                drop(conn);
                drop(Store::open_write(dir)?);
            }
        }
        let conn = open_reader(&path)?;
        let (text, text_error) = match FullText::open(&dir.join(INDEX_DIR), false) {
            Ok(t) => (Some(t), None),
            Err(e) => (None, Some(e.to_string())),
        };
        Ok(Store {
            dir: dir.to_path_buf(),
            conn,
            text,
            text_error,
            writer: None,
        })
    }

    /// The full-text index, with every batch stored so far committed to it.
    pub(crate) fn text(&self) -> Result<&FullText> {
        let text = self.text.as_ref().ok_or_else(|| {
            StoreError::Query(format!(
                "the full-text index of {} cannot be read ({}); run `stemma reindex`",
                self.dir.display(),
                self.text_error.as_deref().unwrap_or("missing")
            ))
        })?;
        if let Some(w) = &self.writer {
            ingest::commit_pending(text, w)?;
        }
        Ok(text)
    }

    /// Commit what the full-text index has been given (ingest commits it every few seconds;
    /// queries, `check` and closing the store commit it too).
    pub fn flush(&mut self) -> Result<()> {
        if let (Some(text), Some(w)) = (self.text.as_ref(), self.writer.as_ref()) {
            ingest::commit_pending(text, w)?;
        }
        Ok(())
    }

    fn writer(&mut self) -> Result<&mut Writer> {
        let dir = self.dir.clone();
        self.writer.as_mut().ok_or(StoreError::ReadOnly {
            dir,
            action: "this (opened for reading)",
        })
    }

    /// The last committed batch (0: none).
    pub(crate) fn last_batch(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM batches", [], |r| r.get(0))?)
    }

    /// Load the syndication index from the stored records and story memberships. Linking is
    /// not redone: each record's cluster is its story, so loading costs the records, once.
    fn load_synd(&mut self) -> Result<()> {
        let t = std::time::Instant::now();
        let (ix, articles) = ingest::load_synd(&self.conn)?;
        tracing::info!(
            records = articles.len(),
            ms = t.elapsed().as_millis() as u64,
            "store: syndication index loaded"
        );
        let w = self.writer()?;
        w.synd = ix;
        w.synd_article = articles;
        Ok(())
    }
}
