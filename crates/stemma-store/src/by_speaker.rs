//! A speaker's quotes in time order, read from the index on `quotes(speaker_norm, day,
//! article)` (schema v4), so that a query about a frequent speaker reads the page it shows
//! and stops, instead of grouping and sorting every quote the speaker ever gave.
//!
//! One index range per matched speaker, each already in day order, merged here; a query
//! about more speakers than [`MAX_STREAMS`] falls back to grouping in SQL.

use std::collections::HashSet;

use rusqlite::{params_from_iter, Connection, Rows};

use crate::error::Result;

/// Most speakers merged stream by stream.
pub(crate) const MAX_STREAMS: usize = 16;

/// The day key a quote sorts by: its day, undated ones last (as the grouping query does).
fn key(day: Option<i64>) -> i64 {
    day.unwrap_or(i64::MAX)
}

/// The distinct quote texts (`quotes.norm`) said by one of `speakers`, ordered by the first
/// day each was said (undated last), then by the text; the page `offset .. offset + limit`.
/// `cond` is an extra SQL condition on the quote row `q` (`"1"` for none) with its `args`.
pub(crate) fn first_said(
    conn: &Connection,
    speakers: &[String],
    cond: &str,
    args: &[String],
    limit: usize,
    offset: usize,
) -> Result<Vec<String>> {
    let want = offset.saturating_add(limit);
    let mut seen: HashSet<String> = HashSet::new();
    // (first day, norm) of each text met, in the order met.
    let mut met: Vec<(i64, String)> = Vec::new();
    {
        let sql = format!(
            "SELECT q.day, q.norm FROM quotes q
             WHERE q.speaker_norm = ? AND q.day IS NOT NULL AND ({cond}) ORDER BY q.day"
        );
        let mut stmts = Vec::with_capacity(speakers.len());
        for _ in speakers {
            stmts.push(conn.prepare(&sql)?);
        }
        let mut streams: Vec<Rows> = Vec::with_capacity(speakers.len());
        for (st, sp) in stmts.iter_mut().zip(speakers) {
            let a = std::iter::once(sp).chain(args.iter());
            streams.push(st.query(params_from_iter(a))?);
        }
        let mut heads: Vec<Option<(i64, String)>> = Vec::with_capacity(streams.len());
        for s in streams.iter_mut() {
            heads.push(next(s)?);
        }
        let mut last_day = None;
        // the stream whose next quote is earliest
        while let Some(i) = (0..heads.len())
            .filter(|&i| heads[i].is_some())
            .min_by_key(|&i| heads[i].as_ref().map(|h| h.0))
        {
            let Some((day, norm)) = heads[i].take() else {
                break;
            };
            // Past a day boundary with the page full, every text not met yet was first said
            // later than every text met.
            if last_day.is_some_and(|d| d != day) && met.len() >= want {
                break;
            }
            last_day = Some(day);
            if seen.insert(norm.clone()) {
                met.push((day, norm));
            }
            heads[i] = next(&mut streams[i])?;
        }
    }
    if met.len() < want {
        // Undated quotes come last, by text.
        let marks = vec!["?"; speakers.len()].join(",");
        let sql = format!(
            "SELECT DISTINCT q.norm FROM quotes q
             WHERE q.speaker_norm IN ({marks}) AND q.day IS NULL AND ({cond})"
        );
        let mut st = conn.prepare(&sql)?;
        let a = speakers.iter().chain(args.iter());
        let mut rows = st.query(params_from_iter(a))?;
        while let Some(r) = rows.next()? {
            let norm: String = r.get(0)?;
            if seen.insert(norm.clone()) {
                met.push((key(None), norm));
            }
        }
    }
    met.sort();
    Ok(met
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(_, n)| n)
        .collect())
}

fn next(rows: &mut Rows) -> Result<Option<(i64, String)>> {
    Ok(match rows.next()? {
        Some(r) => Some((key(r.get(0)?), r.get(1)?)),
        None => None,
    })
}

/// A speaker's quote rows in time order (undated first, as `ORDER BY day` gives them), at
/// most `limit`, merged over `speakers`: the row ids of `quotes`.
pub(crate) fn latest_rows(
    conn: &Connection,
    speakers: &[String],
    limit: usize,
) -> Result<Vec<i64>> {
    let mut all: Vec<(Option<i64>, i64, i64)> = Vec::new();
    let mut st = conn.prepare(
        "SELECT q.day, q.article, q.id FROM quotes q WHERE q.speaker_norm = ?1
         ORDER BY q.day, q.article LIMIT ?2",
    )?;
    for sp in speakers {
        let rows = st.query_map(rusqlite::params![sp, limit as i64], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        for r in rows {
            all.push(r?);
        }
    }
    all.sort();
    all.truncate(limit);
    Ok(all.into_iter().map(|(_, _, id)| id).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rusqlite::params;

    /// A store holding `quotes` as (speaker, day, text) rows, one article per quote.
    fn store(quotes: &[(u8, Option<i64>, u8)]) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::schema::migrate_to(&mut conn, crate::schema::SCHEMA_VERSION).unwrap();
        conn.execute(
            "INSERT INTO batches (id, committed_at, articles, failed) VALUES (1, '', 0, 0)",
            [],
        )
        .unwrap();
        for (i, (sp, day, text)) in quotes.iter().enumerate() {
            conn.execute(
                "INSERT INTO articles (id, batch, key, record_id, path, record, day)
                 VALUES (?1, 1, ?1, ?1, ?1, '{}', ?2)",
                params![i as i64 + 1, day],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO quotes (article, text, norm, kind, speech_act, speaker_norm, start,
                                     end, confidence, day)
                 VALUES (?1, ?2, ?2, 'direct', 'statement', ?3, 0, 1, 1.0, ?4)",
                params![i as i64 + 1, format!("t{text}"), format!("s{sp}"), day],
            )
            .unwrap();
        }
        conn
    }

    /// What the grouping query (the fallback) answers.
    fn grouped(conn: &Connection, speakers: &[String], limit: usize, offset: usize) -> Vec<String> {
        let marks = vec!["?"; speakers.len()].join(",");
        let sql = format!(
            "SELECT q.norm, min(coalesce(q.day, 1e12)) AS first FROM quotes q
             WHERE q.speaker_norm IN ({marks}) AND q.norm != 't0'
             GROUP BY q.norm ORDER BY first, q.norm LIMIT {limit} OFFSET {offset}"
        );
        let mut st = conn.prepare(&sql).unwrap();
        let rows = st
            .query_map(params_from_iter(speakers.iter()), |r| r.get(0))
            .unwrap();
        rows.collect::<std::result::Result<_, _>>().unwrap()
    }

    proptest! {
        /// The merged index ranges answer what grouping every quote answers, page by page,
        /// with undated quotes, texts said by several speakers on several days, and an extra
        /// condition.
        #[test]
        fn merge_matches_grouping(
            quotes in prop::collection::vec((0u8..4, prop::option::weighted(0.8, 0i64..6), 0u8..12), 0..80),
            nspeakers in 1usize..4,
            limit in 1usize..8,
            offset in 0usize..10,
        ) {
            let conn = store(&quotes);
            let speakers: Vec<String> = (0..nspeakers).map(|s| format!("s{s}")).collect();
            let got = first_said(&conn, &speakers, "q.norm != ?", &["t0".to_string()], limit, offset).unwrap();
            prop_assert_eq!(got, grouped(&conn, &speakers, limit, offset));
        }
    }

    #[test]
    fn latest_rows_are_in_day_order_undated_first() {
        let conn = store(&[
            (1, Some(5), 1),
            (1, None, 2),
            (2, Some(3), 3),
            (1, Some(2), 4),
        ]);
        let ids = latest_rows(&conn, &["s1".into(), "s2".into()], 3).unwrap();
        // quote rows 2 (undated), 4 (day 2), 3 (day 3); row 1 (day 5) is past the limit
        assert_eq!(ids, vec![2, 4, 3]);
    }
}
