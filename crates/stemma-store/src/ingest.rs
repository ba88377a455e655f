//! Writing: one batch in one SQLite transaction, then into the full-text index; the
//! reconciliation of the two on open; the syndication index's load.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use stemma_core::syndicate::{self, shingle, Config, Flag, Index, Prepared};
use stemma_core::Article;

use crate::dates::day_number;
use crate::error::{Result, StoreError};
use crate::fulltext::FullText;
use crate::fulltext::TextDoc;
use crate::{entities, Store, Writer, COMMIT_EVERY};

/// An article ready to be stored: its identity and its syndication record, computed by
/// [`prepare`] (pure, so callers may prepare on many threads).
pub struct Incoming {
    pub article: Article,
    /// `url:URL`, else `sha:` and the BLAKE3 of title and text: the same page twice is one.
    pub key: String,
    pub synd: Prepared,
}

/// Prepare an article for [`crate::Archive::ingest`].
pub fn prepare(article: Article) -> Incoming {
    let key = match article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(u) => format!("url:{u}"),
        None => {
            let mut h = blake3::Hasher::new();
            h.update(article.title.as_deref().unwrap_or("").as_bytes());
            h.update(b"\0");
            h.update(article.text.as_bytes());
            format!("sha:{}", h.finalize().to_hex())
        }
    };
    let synd = syndicate::prepare(&article);
    Incoming { article, key, synd }
}

/// An input that could not be read or extracted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Failure {
    pub input: String,
    pub reason: String,
}

/// What one batch did.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IngestReport {
    /// The batch number (0 when nothing was written).
    pub batch: i64,
    pub added: usize,
    /// Articles already stored (same URL, else same content).
    pub duplicates: usize,
    pub failed: usize,
    /// Stories that gained an article.
    pub stories: usize,
}

fn now() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The outlet of an article: its site name, else its URL's host.
fn outlet(a: &Article) -> Option<(String, String)> {
    let name = a
        .site_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .or_else(|| {
            let u = a.url.as_deref()?;
            let rest = u.split_once("://").map_or(u, |(_, r)| r);
            let h = rest.split(['/', '?', '#']).next()?;
            let h = h.strip_prefix("www.").unwrap_or(h);
            (!h.is_empty()).then(|| h.to_string())
        })?;
    let norm = entities::normalise(&name);
    (!norm.is_empty()).then_some((name, norm))
}

fn flag_str(f: Flag) -> String {
    serde_json::to_value(f)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The saved form of the syndication index, as [`Index`] deserialises it.
#[derive(Serialize)]
struct IndexOut<'a> {
    config: Config,
    #[serde(serialize_with = "raw_list")]
    docs: &'a [String],
    links: &'a [(u32, u32, u8)],
}

fn raw_list<S: serde::Serializer>(docs: &&[String], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(docs.len()))?;
    for d in docs.iter() {
        let raw: &serde_json::value::RawValue =
            serde_json::from_str(d).map_err(serde::ser::Error::custom)?;
        seq.serialize_element(raw)?;
    }
    seq.end()
}

/// The syndication index from the stored records and links (no pair is compared again), and
/// the article of each record number.
pub(crate) fn load_synd(conn: &Connection) -> Result<(Index, Vec<i64>)> {
    let mut docs = Vec::new();
    let mut articles = Vec::new();
    {
        let mut st = conn.prepare("SELECT idx, article, prepared FROM synd ORDER BY idx")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let idx: i64 = r.get(0)?;
            if idx as usize != docs.len() {
                return Err(StoreError::Corrupt {
                    path: conn.path().unwrap_or("").into(),
                    detail: format!("syndication record {idx} out of sequence"),
                });
            }
            articles.push(r.get::<_, i64>(1)?);
            docs.push(r.get::<_, String>(2)?);
        }
    }
    let links: Vec<(u32, u32, u8)> = {
        let mut st = conn.prepare("SELECT a, b, kind FROM synd_links ORDER BY rowid")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let json = serde_json::to_vec(&IndexOut {
        config: Config::default(),
        docs: &docs,
        links: &links,
    })?;
    let ix: Index = serde_json::from_slice(&json)?;
    Ok((ix, articles))
}

/// What the full-text index holds of an article.
fn text_doc(id: i64, a: &Article, site: String, day: Option<i64>, entities: Vec<i64>) -> TextDoc {
    let mut speakers: Vec<String> = a
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref()?.name.clone())
        .collect();
    speakers.sort();
    speakers.dedup();
    TextDoc {
        article: id,
        title: a.title.clone().unwrap_or_default(),
        body: a.text.clone(),
        quotes: a.quotes.iter().map(|q| q.text.clone()).collect(),
        site,
        speakers,
        entities,
        day,
    }
}

/// What the full-text index holds of stored articles, read back from SQLite.
pub(crate) fn text_docs(conn: &Connection, ids: &[i64]) -> Result<Vec<TextDoc>> {
    let mut art = conn.prepare(
        "SELECT a.record, a.day, coalesce(s.name, '') FROM articles a
         LEFT JOIN sources s ON s.id = a.source WHERE a.id = ?1",
    )?;
    let mut ents = conn.prepare("SELECT entity FROM entity_mentions WHERE article = ?1")?;
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        let Some((record, day, site)) = art
            .query_row([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .optional()?
        else {
            continue;
        };
        let a: Article = serde_json::from_str(&record)?;
        let entities = ents
            .query_map([id], |r| r.get::<_, i64>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        out.push(text_doc(id, &a, site, day, entities));
    }
    Ok(out)
}

impl Store {
    /// Store a batch: see [`crate::Archive::ingest`].
    pub(crate) fn ingest_batch(
        &mut self,
        items: Vec<Incoming>,
        failures: Vec<Failure>,
    ) -> Result<IngestReport> {
        self.writer()?;
        if items.is_empty() && failures.is_empty() {
            return Ok(IngestReport::default());
        }
        let result = self.write_batch(items, failures);
        if result.is_err() {
            // The transaction rolled back; the in-memory index may hold part of the batch.
            if let Err(e) = self.load_synd() {
                tracing::warn!(error = %e, "store: reloading the syndication index failed");
            }
        }
        let (report, docs) = result?;
        self.index_docs(&docs, report.batch, false)?;
        Ok(report)
    }

    fn write_batch(
        &mut self,
        items: Vec<Incoming>,
        failures: Vec<Failure>,
    ) -> Result<(IngestReport, Vec<TextDoc>)> {
        let Some(w) = self.writer.as_mut() else {
            return Err(StoreError::ReadOnly {
                dir: self.dir.clone(),
                action: "ingest (opened for reading)",
            });
        };
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO batches (committed_at, articles, failed) VALUES (?1, 0, ?2)",
        )?
        .execute(params![now(), failures.len() as i64])?;
        let batch = tx.last_insert_rowid();
        let mut report = IngestReport {
            batch,
            failed: failures.len(),
            ..IngestReport::default()
        };
        for f in &failures {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO failures (input, reason, batch) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![f.input, f.reason, batch])?;
        }
        let mut seen = HashSet::new();
        let mut docs = Vec::new();
        let mut prepared = Vec::new();
        for it in items {
            let exists = tx
                .prepare_cached("SELECT 1 FROM articles WHERE key = ?1")?
                .query_row([&it.key], |_| Ok(()))
                .optional()?
                .is_some();
            if exists || !seen.insert(it.key.clone()) {
                report.duplicates += 1;
                continue;
            }
            let doc = insert_article(&tx, batch, &it)?;
            let id = doc.article;
            // A page read again under its path: its earlier failure is history.
            tx.prepare_cached("DELETE FROM failures WHERE input = ?1")?
                .execute([&it.article.source.path])?;
            docs.push(doc);
            prepared.push((id, it.synd));
        }
        report.added = docs.len();
        tx.prepare_cached("UPDATE batches SET articles = ?1 WHERE id = ?2")?
            .execute(params![report.added as i64, batch])?;

        // Syndication: add the records, store them, rewrite the stories they changed.
        let first = w.synd.len();
        let first_link = w.synd.link_count();
        let ids: Vec<(i64, String)> = prepared.iter().map(|(a, p)| (*a, p.id.clone())).collect();
        let jsons: Vec<String> = prepared
            .iter()
            .map(|(_, p)| serde_json::to_string(p))
            .collect::<Result<_, _>>()?;
        let rep = w
            .synd
            .add_batch(prepared.into_iter().map(|(_, p)| p).collect())?;
        let mut ins =
            tx.prepare("INSERT INTO synd (idx, article, prepared) VALUES (?1, ?2, ?3)")?;
        for ((article, rid), json) in ids.iter().zip(&jsons) {
            if let Some(i) = w.synd.lookup(rid) {
                if i as usize >= first && i as usize == w.synd_article.len() {
                    w.synd_article.push(*article);
                    ins.execute(params![i, article, json])?;
                }
            }
        }
        drop(ins);
        let mut link =
            tx.prepare_cached("INSERT INTO synd_links (a, b, kind) VALUES (?1, ?2, ?3)")?;
        for &(a, b, k) in w.synd.links_from(first_link) {
            link.execute(params![a, b, k])?;
        }
        drop(link);
        let clusters = w.synd.clusters_of(&rep.added);
        report.stories = clusters.len();
        for members in clusters {
            write_story(&tx, &w.synd, &w.synd_article, &members, batch)?;
        }
        tx.commit()?;
        Ok((report, docs))
    }

    /// Add stored articles to the full-text index and commit it as holding `batch`.
    pub(crate) fn index_articles(&mut self, ids: &[i64], batch: i64) -> Result<()> {
        let docs = text_docs(&self.conn, ids)?;
        self.index_docs(&docs, batch, true)
    }

    /// Add documents to the full-text index as holding `batch`. The commit waits, unless
    /// `again`, until [`COMMIT_EVERY`] has passed since the last one (or a query, a check or
    /// closing the store asks for it): each commit makes a segment that is merged again
    /// later, so committing every batch costs more than indexing. `again`: the articles may
    /// be in the index already (batches indexed again on open), so their documents are
    /// deleted first; a batch just stored holds new article ids only, and a delete per
    /// document would cost a term lookup in every segment at the next commit.
    fn index_docs(&mut self, docs: &[TextDoc], batch: i64, again: bool) -> Result<()> {
        self.text()?;
        let (Some(text), Some(w)) = (self.text.as_ref(), self.writer.as_mut()) else {
            return Ok(());
        };
        {
            let tw = w.text.get_mut();
            for d in docs {
                if again {
                    text.delete(tw, d.article);
                }
                text.add(tw, d)?;
            }
        }
        w.pending.set(Some(batch));
        if again || w.last_commit.get().elapsed() >= COMMIT_EVERY {
            commit_pending(text, w)?;
        }
        Ok(())
    }

    /// Bring the full-text index up to SQLite (see the crate docs for the rule).
    pub(crate) fn reconcile(&mut self) -> Result<()> {
        let last = self.last_batch()?;
        let text = self.text()?;
        let committed = text.committed_batch()?;
        if committed > last {
            tracing::warn!(
                committed,
                last,
                "store: the full-text index is ahead of the database; rebuilding it"
            );
            self.reindex_all()?;
            return Ok(());
        }
        if committed < last {
            let ids: Vec<i64> = {
                let mut st = self
                    .conn
                    .prepare("SELECT id FROM articles WHERE batch > ?1 ORDER BY id")?;
                let rows = st.query_map([committed], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            tracing::info!(
                from = committed + 1,
                to = last,
                articles = ids.len(),
                "store: indexing batches the full-text index missed"
            );
            self.index_articles(&ids, last)?;
        }
        let docs = self.text()?.num_docs()?;
        let articles: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        if docs != articles as u64 {
            tracing::warn!(
                docs,
                articles,
                "store: full-text index and database disagree; rebuilding the index"
            );
            self.reindex_all()?;
        }
        Ok(())
    }

    /// Rebuild the full-text index from SQLite; the number of articles indexed.
    pub(crate) fn reindex_all(&mut self) -> Result<u64> {
        self.text()?;
        let last = self.last_batch()?;
        let ids: Vec<i64> = {
            let mut st = self.conn.prepare("SELECT id FROM articles ORDER BY id")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let dir = self.dir.clone();
        let (Some(text), Some(w)) = (self.text.as_ref(), self.writer.as_mut()) else {
            return Err(StoreError::ReadOnly {
                dir,
                action: "reindex",
            });
        };
        let tw = w.text.get_mut();
        tw.delete_all_documents()?;
        for chunk in ids.chunks(4096) {
            for d in text_docs(&self.conn, chunk)? {
                text.add(tw, &d)?;
            }
        }
        w.pending.set(Some(last));
        commit_pending(text, w)?;
        Ok(ids.len() as u64)
    }
}

/// Commit what the full-text writer holds, if anything, naming its last batch.
pub(crate) fn commit_pending(text: &FullText, w: &Writer) -> Result<()> {
    if let Some(batch) = w.pending.get() {
        text.commit(&mut w.text.borrow_mut(), batch)?;
        w.pending.set(None);
        w.last_commit.set(std::time::Instant::now());
    }
    Ok(())
}

/// Store one article, its quotes and entities; what the full-text index is to hold of it.
fn insert_article(tx: &Transaction, batch: i64, it: &Incoming) -> Result<TextDoc> {
    let a = &it.article;
    let (source, site) = match outlet(a) {
        Some((name, norm)) => {
            tx.prepare_cached("INSERT OR IGNORE INTO sources (name, norm) VALUES (?1, ?2)")?
                .execute(params![name, norm])?;
            let (id, name) = tx
                .prepare_cached("SELECT id, name FROM sources WHERE norm = ?1")?
                .query_row([&norm], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })?;
            (Some(id), name)
        }
        None => (None, String::new()),
    };
    let day = a.published.as_deref().and_then(day_number);
    tx.prepare_cached("INSERT INTO articles (batch, key, record_id, url, path, title, published, source, record, day)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?.execute(params![
            batch,
            it.key,
            it.synd.name(),
            a.url,
            a.source.path,
            a.title,
            a.published,
            source,
            serde_json::to_string(a)?,
            day,
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut q = tx.prepare_cached(
        "INSERT INTO quotes (article, text, norm, kind, speech_act, speaker, speaker_norm, role,
                             start, end, confidence, headline, day)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for quote in &a.quotes {
        let norm = shingle::normalise(&quote.text);
        let headline = it
            .synd
            .quotes
            .iter()
            .find(|r| r.norm == norm)
            .and_then(|r| r.headline.clone());
        let speaker = quote.speaker.as_ref();
        let name = speaker.and_then(|s| s.name.clone());
        let speaker_norm = name.as_deref().map(entities::normalise);
        if let Some(n) = &speaker_norm {
            tx.prepare_cached("INSERT OR IGNORE INTO speakers (norm) VALUES (?1)")?
                .execute([n])?;
        }
        q.execute(params![
            id,
            quote.text,
            norm,
            serde_json::to_value(quote.kind)?.as_str().unwrap_or(""),
            serde_json::to_value(quote.speech_act)?
                .as_str()
                .unwrap_or(""),
            name,
            speaker_norm,
            speaker.and_then(|s| s.role.clone()),
            quote.start.get() as i64,
            quote.end.get() as i64,
            f64::from(quote.confidence),
            headline,
            day,
        ])?;
    }
    let entities = entities::merge(tx, id, a)?;
    Ok(text_doc(id, a, site, day, entities))
}

/// Replace the stories of `members` (a story's copies) with the one they now form, the
/// records that embed a run of it joining as `embedding` members (a roundup is a member of
/// every story it quotes, and the stories stay apart). The story's id is its smallest copy's
/// article id; roles: `origin`, `copy`, `excerpt`, `member` for the copies, `embedding`.
fn write_story(
    tx: &Transaction,
    ix: &Index,
    synd_article: &[i64],
    members: &[u32],
    batch: i64,
) -> Result<()> {
    let embedders = ix.embedders(members);
    // A story names its records by `Prepared::name` (url, else path, else the content id).
    let names: HashMap<&str, i64> = members
        .iter()
        .chain(&embedders)
        .filter_map(|&i| Some((ix.doc(i)?.name(), *synd_article.get(i as usize)?)))
        .collect();
    let article_of = |rid: &str| -> Option<i64> {
        names.get(rid).copied().or_else(|| {
            ix.lookup(rid)
                .and_then(|i| synd_article.get(i as usize).copied())
        })
    };
    let ids: Vec<i64> = members
        .iter()
        .filter_map(|&i| synd_article.get(i as usize).copied())
        .collect();
    let embedding: Vec<i64> = embedders
        .iter()
        .filter_map(|&i| synd_article.get(i as usize).copied())
        .collect();
    let Some(&story_id) = ids.iter().min() else {
        return Ok(());
    };
    // The stories these records were copies in (not those they only embed) are replaced.
    for &a in &ids {
        tx.prepare_cached(
            "DELETE FROM stories WHERE id IN
                 (SELECT story FROM story_members WHERE article = ?1 AND role != 'embedding')",
        )?
        .execute([a])?;
    }
    let story = ix.story(members);
    let origin = story.origin.as_deref().and_then(article_of);
    tx.prepare_cached(
        "INSERT INTO stories (id, origin, origin_certain, origin_reason, credited, size, batch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        story_id,
        origin,
        story.origin_certain,
        story.origin_reason,
        story
            .credited
            .as_ref()
            .map(serde_json::to_string)
            .transpose()?,
        ids.len() as i64,
        batch,
    ])?;
    let mut role: HashMap<i64, &str> = ids.iter().map(|&a| (a, "member")).collect();
    if let Some(o) = origin {
        role.insert(o, "origin");
    }
    for e in &story.edges {
        let (Some(copy), Some(source)) = (article_of(&e.copy), article_of(&e.source)) else {
            continue;
        };
        let r = if e.flags.contains(&Flag::Embedded) {
            "embedded"
        } else if e.flags.contains(&Flag::Excerpt) {
            "excerpt"
        } else {
            "copy"
        };
        role.insert(copy, r);
        let flags: Vec<String> = e.flags.iter().map(|&f| flag_str(f)).collect();
        tx.prepare_cached(
            "INSERT OR REPLACE INTO story_edges (story, copy, source, shared, shared_of_source,
                 notice, notice_names_source, lag_days, flags)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            story_id,
            copy,
            source,
            f64::from(e.evidence.shared),
            f64::from(e.evidence.shared_of_source),
            e.evidence.notice,
            e.evidence.notice_names_source,
            e.evidence.lag_days,
            flags.join(","),
        ])?;
    }
    let mut st =
        tx.prepare_cached("INSERT INTO story_members (story, article, role) VALUES (?1, ?2, ?3)")?;
    for &a in &ids {
        st.execute(params![
            story_id,
            a,
            role.get(&a).copied().unwrap_or("member")
        ])?;
    }
    for &a in &embedding {
        if !ids.contains(&a) {
            st.execute(params![story_id, a, "embedding"])?;
        }
    }
    Ok(())
}
