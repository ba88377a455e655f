//! `stemma check`: what is wrong with a store, said plainly.

use std::collections::HashSet;

use serde::Serialize;

use crate::error::Result;
use crate::Store;

/// The verdict of [`crate::Archive::check`].
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckReport {
    /// Problems found; empty when the store is sound.
    pub problems: Vec<String>,
    /// Problems `stemma reindex` repairs (a subset of `problems`).
    pub repairable_by_reindex: bool,
    pub articles: i64,
    pub indexed: u64,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Store {
    pub(crate) fn check_impl(&self) -> Result<CheckReport> {
        let mut r = CheckReport::default();
        {
            let mut st = self.conn.prepare("PRAGMA integrity_check")?;
            let rows = st.query_map([], |row| row.get::<_, String>(0))?;
            for line in rows {
                let line = line?;
                if line != "ok" {
                    r.problems.push(format!("database: {line}"));
                }
            }
        }
        r.articles = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))?;
        let dangling = [
            (
                "story edges whose copy is not stored",
                "SELECT count(*) FROM story_edges e LEFT JOIN articles a ON a.id = e.copy WHERE a.id IS NULL",
            ),
            (
                "story edges whose source is not stored",
                "SELECT count(*) FROM story_edges e LEFT JOIN articles a ON a.id = e.source WHERE a.id IS NULL",
            ),
            (
                "story members that are not stored",
                "SELECT count(*) FROM story_members m LEFT JOIN articles a ON a.id = m.article WHERE a.id IS NULL",
            ),
            (
                "stories without members",
                "SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.story = s.id)",
            ),
            (
                "syndication records that are a copy in more than one story",
                "SELECT count(*) FROM (SELECT article FROM story_members WHERE role != 'embedding'
                 GROUP BY article HAVING count(*) > 1)",
            ),
            (
                "quotes of articles that are not stored",
                "SELECT count(*) FROM quotes q LEFT JOIN articles a ON a.id = q.article WHERE a.id IS NULL",
            ),
        ];
        for (what, sql) in dangling {
            let n: i64 = self.conn.query_row(sql, [], |row| row.get(0))?;
            if n > 0 {
                r.problems.push(format!("{n} {what}"));
            }
        }
        match self.text() {
            Err(e) => {
                r.problems.push(e.to_string());
                r.repairable_by_reindex = true;
            }
            Ok(text) => {
                let ids = text.article_ids()?;
                r.indexed = ids.len() as u64;
                let stored: HashSet<i64> = {
                    let mut st = self.conn.prepare("SELECT id FROM articles")?;
                    let rows = st.query_map([], |row| row.get(0))?;
                    rows.collect::<Result<_, _>>()?
                };
                let mut in_index = HashSet::with_capacity(ids.len());
                let mut twice = 0usize;
                for &id in &ids {
                    if !in_index.insert(id) {
                        twice += 1;
                    }
                }
                let stray = in_index.difference(&stored).count();
                let missing = stored.difference(&in_index).count();
                for (n, what) in [
                    (missing, "articles missing from the full-text index"),
                    (stray, "full-text documents whose article is not stored"),
                    (twice, "articles indexed twice"),
                ] {
                    if n > 0 {
                        r.problems.push(format!("{n} {what}"));
                        r.repairable_by_reindex = true;
                    }
                }
                let (committed, last) = (text.committed_batch()?, self.last_batch()?);
                if committed != last {
                    r.problems.push(format!(
                        "the full-text index holds batches up to {committed}, the database up to {last}"
                    ));
                    r.repairable_by_reindex = true;
                }
            }
        }
        Ok(r)
    }
}
