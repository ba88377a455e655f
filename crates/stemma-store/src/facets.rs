//! Facets of a search: how many of the matching articles each outlet, speaker, entity and
//! period holds, so that a reader can narrow a search by one click.
//!
//! The matching set comes from the full-text index (every match, not one page of them); the
//! counts are read from SQLite in chunks of ids. At most [`FACET_MAX_ARTICLES`] matches are
//! counted (the first by article id), so a query matching the whole archive costs a bounded
//! time; [`Facets::counted`] says how many were.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::params_from_iter;
use serde::Serialize;

use crate::dates::day_string;
use crate::error::Result;
use crate::query::SearchQuery;
use crate::Store;

/// Most matching articles whose facets are counted.
pub const FACET_MAX_ARTICLES: usize = 10_000;
/// Most values listed per facet (the largest counts).
pub const FACET_TOP: usize = 12;
/// Ids per SQL statement.
const CHUNK: usize = 500;

/// One value of a facet and how many matching articles have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// A period (a month `YYYY-MM`, or a year `YYYY` when the matches span more than three years)
/// with its first and last day, inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeriodCount {
    pub label: String,
    pub from: String,
    pub to: String,
    pub count: u64,
}

/// `Archive::facets`: the counts of a search's matches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Facets {
    /// Every article the search matches.
    pub total: u64,
    /// The matches counted below (all of them unless over [`FACET_MAX_ARTICLES`]).
    pub counted: u64,
    /// Outlets, largest count first.
    pub sites: Vec<FacetCount>,
    /// Named speakers of quotes in the matches (articles quoting each).
    pub speakers: Vec<FacetCount>,
    /// Entities the matches mention.
    pub entities: Vec<FacetCount>,
    /// Periods, in date order; undated matches are not counted here.
    pub periods: Vec<PeriodCount>,
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(",")
}

/// The `top` largest counts, ties by value.
fn top(counts: HashMap<String, (String, u64)>, top: usize) -> Vec<FacetCount> {
    let mut v: Vec<FacetCount> = counts
        .into_values()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    v.truncate(top);
    v
}

fn date(day: i64) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&day_string(day), "%Y-%m-%d").ok()
}

/// Months when the days span at most 36 of them, else years; in date order.
fn periods(days: &[i64]) -> Vec<PeriodCount> {
    let dates: Vec<NaiveDate> = days.iter().filter_map(|&d| date(d)).collect();
    let (Some(lo), Some(hi)) = (dates.iter().min(), dates.iter().max()) else {
        return Vec::new();
    };
    let months = (hi.year() - lo.year()) * 12 + hi.month() as i32 - lo.month() as i32;
    let by_month = months < 36;
    let mut counts: std::collections::BTreeMap<(i32, u32), u64> = Default::default();
    for d in &dates {
        let key = if by_month {
            (d.year(), d.month())
        } else {
            (d.year(), 0)
        };
        *counts.entry(key).or_default() += 1;
    }
    counts
        .into_iter()
        .filter_map(|((y, m), count)| {
            let (first, next, label) = if m == 0 {
                (
                    NaiveDate::from_ymd_opt(y, 1, 1)?,
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?,
                    format!("{y:04}"),
                )
            } else {
                let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                (
                    NaiveDate::from_ymd_opt(y, m, 1)?,
                    NaiveDate::from_ymd_opt(next.0, next.1, 1)?,
                    format!("{y:04}-{m:02}"),
                )
            };
            let last = next.pred_opt()?;
            Some(PeriodCount {
                label,
                from: first.format("%Y-%m-%d").to_string(),
                to: last.format("%Y-%m-%d").to_string(),
                count,
            })
        })
        .collect()
}

impl Store {
    pub(crate) fn facets_impl(&self, q: &SearchQuery) -> Result<Facets> {
        let filter = self.text_filter(q)?;
        let mut ids: Vec<i64> = self
            .text()?
            .matching(&q.text, &filter)?
            .into_iter()
            .collect();
        let total = ids.len() as u64;
        ids.sort_unstable();
        ids.truncate(FACET_MAX_ARTICLES);

        let mut sites: HashMap<String, (String, u64)> = HashMap::new();
        let mut speakers: HashMap<String, (String, u64)> = HashMap::new();
        let mut entities: HashMap<String, (String, u64)> = HashMap::new();
        let mut days: Vec<i64> = Vec::new();
        for chunk in ids.chunks(CHUNK) {
            let ph = placeholders(chunk.len());
            // (key, name, articles) per value, summed over the chunks
            for (map, sql) in [
                (
                    &mut sites,
                    "SELECT s.norm, s.name, count(*) FROM articles a JOIN sources s ON s.id = a.source
                     WHERE a.id IN (#) GROUP BY s.id",
                ),
                (
                    &mut speakers,
                    "SELECT speaker_norm, min(speaker), count(DISTINCT article) FROM quotes
                     WHERE article IN (#) AND speaker IS NOT NULL AND speaker_norm != ''
                     GROUP BY speaker_norm",
                ),
                (
                    &mut entities,
                    "SELECT CAST(e.id AS TEXT), e.name, count(*) FROM entity_mentions m
                     JOIN entities e ON e.id = m.entity WHERE m.article IN (#) GROUP BY e.id",
                ),
            ] {
                let mut st = self.conn.prepare(&sql.replace('#', &ph))?;
                let mut rows = st.query(params_from_iter(chunk.iter()))?;
                while let Some(r) = rows.next()? {
                    let n: i64 = r.get(2)?;
                    map.entry(r.get(0)?).or_insert((r.get(1)?, 0)).1 += n.max(0) as u64;
                }
            }
            let mut st = self.conn.prepare(&format!(
                "SELECT day FROM articles WHERE id IN ({ph}) AND day IS NOT NULL"
            ))?;
            let rows = st.query_map(params_from_iter(chunk.iter()), |r| r.get::<_, i64>(0))?;
            for d in rows {
                days.push(d?);
            }
        }
        Ok(Facets {
            total,
            counted: ids.len() as u64,
            sites: top(sites, FACET_TOP),
            speakers: top(speakers, FACET_TOP),
            entities: top(entities, FACET_TOP),
            periods: periods(&days),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::day_number;

    fn day(s: &str) -> i64 {
        day_number(s).unwrap()
    }

    #[test]
    fn periods_are_months_within_three_years_else_years() {
        let p = periods(&[day("2016-09-14"), day("2016-09-30"), day("2016-12-31")]);
        assert_eq!(
            p,
            vec![
                PeriodCount {
                    label: "2016-09".into(),
                    from: "2016-09-01".into(),
                    to: "2016-09-30".into(),
                    count: 2
                },
                PeriodCount {
                    label: "2016-12".into(),
                    from: "2016-12-01".into(),
                    to: "2016-12-31".into(),
                    count: 1
                },
            ]
        );
        let p = periods(&[day("2012-02-29"), day("2016-09-14")]);
        let labels: Vec<_> = p
            .iter()
            .map(|p| (p.label.as_str(), p.to.as_str()))
            .collect();
        assert_eq!(labels, vec![("2012", "2012-12-31"), ("2016", "2016-12-31")]);
        assert!(periods(&[]).is_empty());
    }

    #[test]
    fn top_counts_largest_first_ties_by_name() {
        let mut m = HashMap::new();
        m.insert("b".into(), ("B".into(), 2));
        m.insert("a".into(), ("A".into(), 2));
        m.insert("c".into(), ("C".into(), 5));
        let t = top(m, 2);
        assert_eq!(
            t,
            vec![
                FacetCount {
                    value: "C".into(),
                    count: 5
                },
                FacetCount {
                    value: "A".into(),
                    count: 2
                }
            ]
        );
    }
}
