//! The queries: search, quotes, story, entity, attention, errors, stats. They read SQLite and
//! the full-text index and never write.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::Serialize;

use crate::by_speaker;
use crate::dates::{bucket_label, day_number, Bucket};
use crate::entities::normalise;
use crate::error::{Result, StoreError};
use crate::fulltext::TextFilter;
use crate::ingest::Failure;
use crate::Store;

/// `stemma search`.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    pub site: Option<String>,
    /// ISO dates (`YYYY-MM-DD`), inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    pub speaker: Option<String>,
    pub entity: Option<String>,
    pub limit: usize,
    /// Hits to skip before the first returned (pagination).
    pub offset: usize,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub article: i64,
    /// The article's URL, else its source path.
    pub record: String,
    pub title: Option<String>,
    pub site: Option<String>,
    pub published: Option<String>,
    pub score: f32,
    /// A passage of the body around the words searched for.
    pub snippet: String,
    /// Code-point ranges of `snippet` that matched.
    pub highlights: Vec<[usize; 2]>,
}

/// `stemma quotes`.
#[derive(Debug, Clone, Default)]
pub struct QuoteQuery {
    pub speaker: Option<String>,
    /// Quotes whose words name this entity (any of its names).
    pub about: Option<String>,
    pub text: Option<String>,
    pub limit: usize,
    /// Quotes to skip before the first returned (pagination).
    pub offset: usize,
}

/// One place a quote appeared.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Appearance {
    pub article: i64,
    pub record: String,
    pub site: Option<String>,
    pub published: Option<String>,
    pub speaker: Option<String>,
    /// `fact`: the headline states the words without quotation marks; `quoted`: with them.
    pub headline: Option<String>,
}

/// A quote with every article that carries it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteGroup {
    pub quote: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub kind: String,
    /// The earliest appearance (by date; undated last).
    pub first: Appearance,
    /// Outlets that carried it, first one first.
    pub outlets: Vec<String>,
    /// Some article's headline states the words as fact.
    pub stated_as_fact: bool,
    pub appearances: Vec<Appearance>,
}

/// A member of a story.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoryMember {
    pub article: i64,
    pub record: String,
    pub title: Option<String>,
    pub site: Option<String>,
    pub published: Option<String>,
    /// `origin`, `copy`, `excerpt`, `embedded` or `member`.
    pub role: String,
    /// The record it most likely came from.
    pub copied_from: Option<String>,
    pub shared: Option<f64>,
    pub lag_days: Option<f64>,
    pub notice: Option<String>,
    /// `kept`, `dropped` (its source had a notice, it has none), `none` (no notice at all).
    pub notice_state: Option<String>,
    pub byline_changed: bool,
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoryView {
    pub id: i64,
    pub size: i64,
    pub origin: Option<String>,
    pub origin_certain: bool,
    pub origin_reason: String,
    /// The origin the copies' notices name, when it is not in the archive.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub credited: Option<serde_json::Value>,
    /// Origin first, then by date.
    pub members: Vec<StoryMember>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AliasUse {
    pub article: i64,
    pub record: String,
    pub site: Option<String>,
    pub evidence: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NameView {
    pub name: String,
    /// The articles that assert this name, with their words.
    pub asserted_by: Vec<AliasUse>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteLine {
    pub quote: String,
    pub speaker: Option<String>,
    pub record: String,
    pub site: Option<String>,
    pub published: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityView {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub names: Vec<NameView>,
    pub roles: Vec<String>,
    pub articles: i64,
    pub quotes_by: Vec<QuoteLine>,
    pub quotes_about: Vec<QuoteLine>,
}

/// `stemma attention`: one of `entity` or `query`.
#[derive(Debug, Clone)]
pub struct AttentionQuery {
    pub entity: Option<String>,
    pub query: Option<String>,
    pub by: Bucket,
    pub site: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttentionRow {
    pub bucket: String,
    pub articles: i64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stats {
    pub articles: i64,
    pub outlets: i64,
    /// Stories of two articles or more.
    pub stories: i64,
    pub quotes: i64,
    pub entities: i64,
    pub failures: i64,
    pub batches: i64,
    pub schema: i64,
    pub bytes_on_disk: u64,
}

/// A search hit's article, as read back.
struct HitRow {
    record: String,
    title: Option<String>,
    site: Option<String>,
    published: Option<String>,
    body: String,
}

/// A story edge, by its copy.
struct EdgeRow {
    source: i64,
    shared: f64,
    lag_days: Option<f64>,
    notice: Option<String>,
    flags: String,
}

/// Most rows a query gathers before grouping.
const MAX_ROWS: usize = 100_000;

fn dir_size(p: &std::path::Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![p.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(e.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}

/// Code-point ranges of byte ranges in `s`.
fn char_ranges(s: &str, ranges: &[std::ops::Range<usize>]) -> Vec<[usize; 2]> {
    let cp = |b: usize| s.get(..b).map_or(0, |p| p.chars().count());
    ranges.iter().map(|r| [cp(r.start), cp(r.end)]).collect()
}

impl Store {
    /// Entity ids for a name: by normalised name or alias, else names that contain it.
    pub(crate) fn entity_ids(&self, name: &str) -> Result<Vec<i64>> {
        let n = normalise(name);
        if n.is_empty() {
            return Ok(Vec::new());
        }
        let exact: Option<i64> = self
            .conn
            .query_row(
                "SELECT entity FROM entity_names WHERE norm = ?1",
                [&n],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = exact {
            return Ok(vec![id]);
        }
        let mut st = self.conn.prepare(
            "SELECT DISTINCT entity FROM entity_names
             WHERE (' ' || norm || ' ') LIKE ?1 ESCAPE '\\' LIMIT 20",
        )?;
        let pat = format!("% {} %", n.replace(['%', '_', '\\'], ""));
        let ids = st.query_map([pat], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    /// A condition on `q.article`: the articles whose quotes hold one of `names` as the
    /// full-text index finds them, so that only their quotes are read (every quote when
    /// there are more than [`MAX_ROWS`]).
    fn quoting_cond(&self, names: &[String]) -> Result<String> {
        let ids = self.text()?.quoting(names)?;
        if ids.len() > MAX_ROWS {
            return Ok("1".into());
        }
        let list: Vec<String> = ids.iter().map(i64::to_string).collect();
        Ok(format!("q.article IN ({})", list.join(",")))
    }

    /// The record id (url, else path) of a stored article.
    fn record_of(&self, article: i64) -> Result<String> {
        Ok(self.conn.query_row(
            "SELECT record_id FROM articles WHERE id = ?1",
            [article],
            |r| r.get(0),
        )?)
    }

    /// The full-text filter of a search: outlet, dates, speaker, entities.
    pub(crate) fn text_filter(&self, q: &SearchQuery) -> Result<TextFilter> {
        let day = |s: &Option<String>, what: &str| -> Result<Option<i64>> {
            match s {
                None => Ok(None),
                Some(v) => day_number(v).map(Some).ok_or_else(|| {
                    StoreError::Query(format!("--{what} {v}: not a date (YYYY-MM-DD)"))
                }),
            }
        };
        Ok(TextFilter {
            site: q.site.clone(),
            from_day: day(&q.from, "from")?,
            to_day: day(&q.to, "to")?,
            speaker: q.speaker.clone(),
            entities: q
                .entity
                .as_deref()
                .map(|e| self.entity_ids(e))
                .transpose()?,
        })
    }

    pub(crate) fn search_impl(&self, q: &SearchQuery) -> Result<Vec<SearchHit>> {
        let text = self.text()?;
        let filter = self.text_filter(q)?;
        let hits = text.search(&q.text, &filter, q.limit.max(1).saturating_add(q.offset))?;
        let highlighter = text.highlighter(&q.text)?;
        let mut out = Vec::with_capacity(hits.len());
        for h in hits.into_iter().skip(q.offset) {
            let row: Option<HitRow> = self
                .conn
                .query_row(
                    "SELECT a.record_id, a.title, s.name, a.published, json_extract(a.record, '$.text')
                     FROM articles a LEFT JOIN sources s ON s.id = a.source WHERE a.id = ?1",
                    [h.article],
                    |r| {
                        Ok(HitRow {
                            record: r.get(0)?,
                            title: r.get(1)?,
                            site: r.get(2)?,
                            published: r.get(3)?,
                            body: r.get(4)?,
                        })
                    },
                )
                .optional()?;
            // A document whose article is gone (`stemma check` reports it) is left out.
            let Some(HitRow {
                record,
                title,
                site,
                published,
                body,
            }) = row
            else {
                continue;
            };
            let (snippet, highlights) = match &highlighter {
                Some(g) => {
                    let s = g.snippet(&body);
                    let frag = s.fragment().to_string();
                    let hl = char_ranges(&frag, s.highlighted());
                    if frag.is_empty() {
                        (body.chars().take(240).collect(), Vec::new())
                    } else {
                        (frag, hl)
                    }
                }
                None => (body.chars().take(240).collect(), Vec::new()),
            };
            out.push(SearchHit {
                article: h.article,
                record,
                title,
                site,
                published,
                score: h.score,
                snippet,
                highlights,
            });
        }
        Ok(out)
    }

    pub(crate) fn quotes_impl(&self, q: &QuoteQuery) -> Result<Vec<QuoteGroup>> {
        let mut cond: Vec<String> = Vec::new();
        let mut args: Vec<String> = Vec::new();
        // The speakers a `--speaker` names, matched among the distinct speakers.
        let mut speakers: Option<Vec<String>> = None;
        if let Some(s) = &q.speaker {
            let pat = format!("% {} %", normalise(s));
            let mut st = self.conn.prepare_cached(
                "SELECT norm FROM speakers WHERE (' ' || norm || ' ') LIKE ?1 LIMIT ?2",
            )?;
            let found = st.query_map(params![pat, by_speaker::MAX_STREAMS as i64 + 1], |r| {
                r.get::<_, String>(0)
            })?;
            let found: Vec<String> = found.collect::<Result<_, _>>()?;
            if found.is_empty() {
                return Ok(Vec::new());
            }
            if found.len() <= by_speaker::MAX_STREAMS {
                speakers = Some(found);
            } else {
                cond.push(
                    "q.speaker_norm IN (SELECT norm FROM speakers WHERE (' ' || norm || ' ') LIKE ?)"
                        .into(),
                );
                args.push(pat);
            }
        }
        if let Some(t) = &q.text {
            cond.push("(' ' || q.norm || ' ') LIKE ?".into());
            args.push(format!(
                "% {} %",
                stemma_core::syndicate::shingle::normalise(t)
            ));
        }
        if let Some(e) = &q.about {
            let ids = self.entity_ids(e)?;
            let mut names: Vec<String> = Vec::new();
            for id in ids {
                let mut st = self
                    .conn
                    .prepare("SELECT norm FROM entity_names WHERE entity = ?1")?;
                for n in st.query_map([id], |r| r.get::<_, String>(0))? {
                    names.push(n?);
                }
            }
            if names.is_empty() {
                return Ok(Vec::new());
            }
            let any: Vec<&str> = names
                .iter()
                .map(|_| "(' ' || q.norm || ' ') LIKE ?")
                .collect();
            cond.push(format!("({})", any.join(" OR ")));
            args.extend(names.iter().map(|n| format!("% {n} %")));
            cond.push(self.quoting_cond(&names)?);
        }
        // The matching quotes' words, then every quote with those words.
        let norms: Vec<String> = if let Some(sp) = &speakers {
            let all = if cond.is_empty() {
                "1".to_string()
            } else {
                cond.join(" AND ")
            };
            by_speaker::first_said(&self.conn, sp, &all, &args, q.limit.max(1), q.offset)?
        } else {
            let where_ = if cond.is_empty() {
                String::new()
            } else {
                format!("WHERE {}", cond.join(" AND "))
            };
            let sql = format!(
                "SELECT q.norm, min(coalesce(q.day, 1e12)) AS first FROM quotes q {where_}
                 GROUP BY q.norm ORDER BY first, q.norm LIMIT {} OFFSET {}",
                q.limit.max(1),
                q.offset
            );
            let mut st = self.conn.prepare(&sql)?;
            let rows = st.query_map(params_from_iter(args.iter()), |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut st = self.conn.prepare(
            "SELECT q.text, q.kind, q.speaker, q.role, q.headline, a.id, a.record_id, s.name, a.published
             FROM quotes q JOIN articles a ON a.id = q.article LEFT JOIN sources s ON s.id = a.source
             WHERE q.norm = ?1 ORDER BY a.day IS NULL, a.day, a.published, a.id LIMIT 1000",
        )?;
        let mut out = Vec::with_capacity(norms.len());
        for norm in norms {
            let mut apps = Vec::new();
            let mut first_row = None;
            let mut rows = st.query([&norm])?;
            while let Some(r) = rows.next()? {
                let text: String = r.get(0)?;
                let kind: String = r.get(1)?;
                let role: Option<String> = r.get(3)?;
                let app = Appearance {
                    article: r.get(5)?,
                    record: r.get(6)?,
                    site: r.get(7)?,
                    published: r.get(8)?,
                    speaker: r.get(2)?,
                    headline: r.get(4)?,
                };
                if first_row.is_none() {
                    first_row = Some((text, kind, role));
                }
                apps.push(app);
            }
            let Some((text, kind, role)) = first_row else {
                continue;
            };
            let mut outlets: Vec<String> = Vec::new();
            for a in &apps {
                if let Some(s) = &a.site {
                    if !outlets.contains(s) {
                        outlets.push(s.clone());
                    }
                }
            }
            let speaker = apps.iter().find_map(|a| a.speaker.clone());
            out.push(QuoteGroup {
                quote: text,
                speaker,
                role,
                kind,
                first: apps[0].clone(),
                outlets,
                stated_as_fact: apps.iter().any(|a| a.headline.as_deref() == Some("fact")),
                appearances: apps,
            });
        }
        Ok(out)
    }

    /// The article ids a story key names: an article id, URL, record id or path, or a story id.
    fn story_ids(&self, key: &str) -> Result<Vec<i64>> {
        let k = key.trim();
        let mut articles: Vec<i64> = {
            let mut st = self.conn.prepare(
                "SELECT id FROM articles WHERE url = ?1 OR record_id = ?1 OR path = ?1 LIMIT 20",
            )?;
            let rows = st.query_map([k], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        if articles.is_empty() {
            if let Ok(n) = k.parse::<i64>() {
                articles.push(n);
            }
        }
        let mut stories = Vec::new();
        for a in articles {
            let mut st = self
                .conn
                .prepare("SELECT story FROM story_members WHERE article = ?1")?;
            for s in st.query_map([a], |r| r.get::<_, i64>(0))? {
                let s = s?;
                if !stories.contains(&s) {
                    stories.push(s);
                }
            }
        }
        Ok(stories)
    }

    pub(crate) fn story_impl(&self, key: &str) -> Result<Vec<StoryView>> {
        let ids = self.story_ids(key)?;
        if ids.is_empty() {
            return Err(StoreError::NotFound(format!(
                "no stored article or story {key}"
            )));
        }
        let mut out = Vec::new();
        for id in ids {
            let (origin, certain, reason, credited, size): (Option<i64>, bool, String, Option<String>, i64) =
                self.conn.query_row(
                    "SELECT origin, origin_certain, origin_reason, credited, size FROM stories WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )?;
            let mut edges: HashMap<i64, EdgeRow> = HashMap::new();
            {
                let mut st = self.conn.prepare(
                    "SELECT copy, source, shared, lag_days, notice, flags FROM story_edges WHERE story = ?1",
                )?;
                let mut rows = st.query([id])?;
                while let Some(r) = rows.next()? {
                    edges.insert(
                        r.get(0)?,
                        EdgeRow {
                            source: r.get(1)?,
                            shared: r.get(2)?,
                            lag_days: r.get(3)?,
                            notice: r.get(4)?,
                            flags: r.get(5)?,
                        },
                    );
                }
            }
            let mut members = Vec::new();
            let mut st = self.conn.prepare(
                "SELECT m.article, m.role, a.record_id, a.title, s.name, a.published,
                        json_extract(a.record, '$.republished_from.evidence')
                 FROM story_members m JOIN articles a ON a.id = m.article
                 LEFT JOIN sources s ON s.id = a.source
                 WHERE m.story = ?1 ORDER BY m.role != 'origin', m.role = 'embedding', a.day IS NULL, a.day, a.published, a.id",
            )?;
            let mut rows = st.query([id])?;
            while let Some(r) = rows.next()? {
                let article: i64 = r.get(0)?;
                let own_notice: Option<String> = r.get(6)?;
                let edge = edges.get(&article);
                let flags: Vec<String> = edge
                    .map(|e| {
                        e.flags
                            .split(',')
                            .filter(|f| !f.is_empty())
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                let notice_state = edge.map(|_| {
                    if flags.iter().any(|f| f == "notice_dropped") {
                        "dropped"
                    } else if own_notice.is_some() || edge.is_some_and(|e| e.notice.is_some()) {
                        "kept"
                    } else {
                        "none"
                    }
                    .to_string()
                });
                let copied_from = match edge {
                    Some(e) => Some(self.record_of(e.source)?),
                    None => None,
                };
                members.push(StoryMember {
                    article,
                    role: r.get(1)?,
                    record: r.get(2)?,
                    title: r.get(3)?,
                    site: r.get(4)?,
                    published: r.get(5)?,
                    copied_from,
                    shared: edge.map(|e| e.shared),
                    lag_days: edge.and_then(|e| e.lag_days),
                    notice: edge.and_then(|e| e.notice.clone()).or(own_notice),
                    notice_state,
                    byline_changed: flags.iter().any(|f| f == "byline_changed"),
                    flags,
                });
            }
            out.push(StoryView {
                id,
                size,
                origin: match origin {
                    Some(o) => Some(self.record_of(o)?),
                    None => None,
                },
                origin_certain: certain,
                origin_reason: reason,
                credited: credited.as_deref().map(serde_json::from_str).transpose()?,
                members,
            });
        }
        Ok(out)
    }

    fn quote_lines(&self, sql: &str, args: &[String]) -> Result<Vec<QuoteLine>> {
        let mut st = self.conn.prepare(sql)?;
        let rows = st.query_map(params_from_iter(args.iter()), |r| {
            Ok(QuoteLine {
                quote: r.get(0)?,
                speaker: r.get(1)?,
                record: r.get(2)?,
                site: r.get(3)?,
                published: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(crate) fn entity_impl(&self, name: &str) -> Result<Vec<EntityView>> {
        let ids = self.entity_ids(name)?;
        if ids.is_empty() {
            return Err(StoreError::NotFound(format!(
                "no stored entity named {name}"
            )));
        }
        let mut out = Vec::new();
        for id in ids {
            let (ename, kind): (String, String) = self.conn.query_row(
                "SELECT name, kind FROM entities WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let mut names = Vec::new();
            let aliases: Vec<(String, String)> = {
                let mut st = self.conn.prepare(
                    "SELECT norm, name FROM entity_aliases WHERE entity = ?1 ORDER BY rowid",
                )?;
                let rows = st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.collect::<Result<_, _>>()?
            };
            let mut ev = self.conn.prepare(
                "SELECT e.article, a.record_id, s.name, e.evidence FROM alias_evidence e
                 JOIN articles a ON a.id = e.article LEFT JOIN sources s ON s.id = a.source
                 WHERE e.entity = ?1 AND e.alias_norm = ?2 ORDER BY e.article LIMIT 100",
            )?;
            for (norm, alias) in aliases {
                let uses = ev.query_map(params![id, norm], |r| {
                    Ok(AliasUse {
                        article: r.get(0)?,
                        record: r.get(1)?,
                        site: r.get(2)?,
                        evidence: r.get(3)?,
                    })
                })?;
                names.push(NameView {
                    name: alias,
                    asserted_by: uses.collect::<Result<_, _>>()?,
                });
            }
            let mut roles: Vec<String> = Vec::new();
            let mut articles = 0;
            {
                // Read from the table's (entity, article) order: each distinct role list
                // once, in the order of the articles that first gave it.
                let mut st = self.conn.prepare(
                    "SELECT roles, count(*) FROM entity_mentions WHERE entity = ?1
                     GROUP BY roles ORDER BY min(article)",
                )?;
                let mut rows = st.query([id])?;
                while let Some(r) = rows.next()? {
                    articles += r.get::<_, i64>(1)?;
                    let rs: Vec<String> = serde_json::from_str(&r.get::<_, String>(0)?)?;
                    for x in rs {
                        if !roles.contains(&x) {
                            roles.push(x);
                        }
                    }
                }
            }
            let name_norms: Vec<String> = {
                let mut st = self
                    .conn
                    .prepare("SELECT norm FROM entity_names WHERE entity = ?1")?;
                let rows = st.query_map([id], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            let base = "SELECT q.text, q.speaker, a.record_id, s.name, a.published FROM quotes q
                        JOIN articles a ON a.id = q.article LEFT JOIN sources s ON s.id = a.source";
            let about_cond = name_norms
                .iter()
                .map(|_| "(' ' || q.norm || ' ') LIKE ?")
                .collect::<Vec<_>>()
                .join(" OR ");
            let by_ids: Vec<String> = by_speaker::latest_rows(&self.conn, &name_norms, 200)?
                .iter()
                .map(i64::to_string)
                .collect();
            let quotes_by = self.quote_lines(
                &format!(
                    "{base} WHERE q.id IN ({}) ORDER BY q.day, q.article, q.id",
                    by_ids.join(",")
                ),
                &[],
            )?;
            let likes: Vec<String> = name_norms.iter().map(|n| format!("% {n} %")).collect();
            let quoting = self.quoting_cond(&name_norms)?;
            let quotes_about = self.quote_lines(
                &format!(
                    "{base} WHERE {quoting} AND ({about_cond}) ORDER BY a.day, a.id LIMIT 200"
                ),
                &likes,
            )?;
            out.push(EntityView {
                id,
                name: ename,
                kind,
                names,
                roles,
                articles,
                quotes_by,
                quotes_about,
            });
        }
        Ok(out)
    }

    pub(crate) fn attention_impl(&self, q: &AttentionQuery) -> Result<Vec<AttentionRow>> {
        // Counted in the full-text index, which holds each article's day, outlet and entities.
        let filter = TextFilter {
            site: q.site.clone(),
            entities: q
                .entity
                .as_deref()
                .map(|e| self.entity_ids(e))
                .transpose()?,
            ..TextFilter::default()
        };
        let text = match (&q.entity, &q.query) {
            (Some(_), _) => "",
            (None, Some(text)) => text.as_str(),
            (None, None) => {
                return Err(StoreError::Query(
                    "attention needs --entity or --query".into(),
                ))
            }
        };
        let mut counts: BTreeMap<String, i64> = BTreeMap::new();
        for (day, n) in self.text()?.day_counts(text, &filter)? {
            let label = day.map_or_else(|| "undated".to_string(), |d| bucket_label(d, q.by));
            *counts.entry(label).or_default() += n;
        }
        Ok(counts
            .into_iter()
            .map(|(bucket, articles)| AttentionRow { bucket, articles })
            .collect())
    }

    pub(crate) fn errors_impl(&self) -> Result<Vec<Failure>> {
        let mut st = self
            .conn
            .prepare("SELECT input, reason FROM failures ORDER BY batch, input")?;
        let rows = st.query_map([], |r| {
            Ok(Failure {
                input: r.get(0)?,
                reason: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(crate) fn stats_impl(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(Stats {
            articles: count("SELECT count(*) FROM articles")?,
            outlets: count("SELECT count(*) FROM sources")?,
            stories: count("SELECT count(*) FROM stories WHERE size > 1")?,
            quotes: count("SELECT count(*) FROM quotes")?,
            entities: count("SELECT count(*) FROM entities")?,
            failures: count("SELECT count(*) FROM failures")?,
            batches: count("SELECT count(*) FROM batches")?,
            schema: crate::schema::version(&self.conn)?,
            bytes_on_disk: dir_size(&self.dir),
        })
    }
}

impl crate::Archive for Store {
    fn ingest(
        &mut self,
        items: Vec<crate::Incoming>,
        failures: Vec<Failure>,
    ) -> Result<crate::IngestReport> {
        self.ingest_batch(items, failures)
    }
    fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>> {
        self.search_impl(q)
    }
    fn facets(&self, q: &SearchQuery) -> Result<crate::Facets> {
        self.facets_impl(q)
    }
    fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteGroup>> {
        self.quotes_impl(q)
    }
    fn story(&self, key: &str) -> Result<Vec<StoryView>> {
        self.story_impl(key)
    }
    fn entity(&self, name: &str) -> Result<Vec<EntityView>> {
        self.entity_impl(name)
    }
    fn attention(&self, q: &AttentionQuery) -> Result<Vec<AttentionRow>> {
        self.attention_impl(q)
    }
    fn errors(&self) -> Result<Vec<Failure>> {
        self.errors_impl()
    }
    fn stats(&self) -> Result<Stats> {
        self.stats_impl()
    }
    fn article(&self, id: i64) -> Result<crate::ArticleView> {
        self.article_impl(id)
    }
    fn check(&self) -> Result<crate::CheckReport> {
        self.check_impl()
    }
    fn reindex(&mut self) -> Result<u64> {
        self.reindex_all()
    }
}
