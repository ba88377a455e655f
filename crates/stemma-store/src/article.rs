//! One stored article as a reader opens it: the record as extracted (text, metadata, quotes
//! with their offsets, entities, republication notice) and the stories it belongs to.

use rusqlite::OptionalExtension;
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::Store;

/// `Archive::article`: a stored record and where it stands in the stories.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleView {
    pub id: i64,
    /// The article's URL, else its source path (the name the other queries print).
    pub record_id: String,
    /// The site (outlet) it was stored under.
    pub site: Option<String>,
    /// The article record, as `stemma extract` prints it.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub record: stemma_core::Article,
    /// The stories it is a member of, with its role in each.
    pub stories: Vec<StoryRef>,
}

/// A story an article belongs to.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoryRef {
    pub story: i64,
    /// `origin`, `copy`, or `embedding` (a roundup that quotes a run of the story).
    pub role: String,
    /// How many articles the story holds.
    pub size: i64,
}

impl Store {
    pub(crate) fn article_impl(&self, id: i64) -> Result<ArticleView> {
        let row: Option<(String, Option<String>, String)> = self
            .conn
            .query_row(
                "SELECT a.record_id, s.name, a.record FROM articles a
                 LEFT JOIN sources s ON s.id = a.source WHERE a.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((record_id, site, record)) = row else {
            return Err(StoreError::NotFound(format!("no stored article {id}")));
        };
        let record: stemma_core::Article = serde_json::from_str(&record)?;
        let mut st = self.conn.prepare(
            "SELECT m.story, m.role, s.size FROM story_members m JOIN stories s ON s.id = m.story
             WHERE m.article = ?1 ORDER BY m.story",
        )?;
        let stories = st
            .query_map([id], |r| {
                Ok(StoryRef {
                    story: r.get(0)?,
                    role: r.get(1)?,
                    size: r.get(2)?,
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        Ok(ArticleView {
            id,
            record_id,
            site,
            record,
            stories,
        })
    }
}
