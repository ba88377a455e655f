//! `/attention`: how many articles name an entity or match words, by day, week or month, as
//! an SVG bar chart; and the time axis the entity page's chart shares.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use stemma_store::{bucket_label, day_number, Archive, AttentionQuery, Bucket};

use super::svg::bar_chart;
use super::{nonempty, page, params, Params};
use crate::error::ApiError;
use crate::state::AppState;

/// Most buckets a chart fills in between the first and the last (more: only those counted).
const MAX_BUCKETS: i64 = 400;

/// Counts by bucket label in time order, with the empty buckets between the first and the
/// last filled in (so the bars are a time axis), and the undated last.
pub fn time_axis(counts: &BTreeMap<String, u64>, by: Bucket) -> Vec<(String, u64)> {
    let days: Vec<i64> = counts.keys().filter_map(|k| first_day(k)).collect();
    let mut out: Vec<(String, u64)> = Vec::new();
    match (days.iter().min(), days.iter().max()) {
        (Some(&lo), Some(&hi)) if hi - lo <= MAX_BUCKETS * step_days(by) => {
            let mut d = lo;
            while d <= hi {
                let label = bucket_label(d, by);
                if out.last().is_none_or(|(l, _)| *l != label) {
                    let n = counts.get(&label).copied().unwrap_or(0);
                    out.push((label, n));
                }
                d += 1;
            }
        }
        _ => out.extend(
            counts
                .iter()
                .filter(|(k, _)| first_day(k).is_some())
                .map(|(k, v)| (k.clone(), *v)),
        ),
    }
    if let Some(n) = counts.get("undated") {
        out.push(("undated".into(), *n));
    }
    out
}

fn step_days(by: Bucket) -> i64 {
    match by {
        Bucket::Day => 1,
        Bucket::Week => 7,
        Bucket::Month => 31,
    }
}

/// The first day of a bucket label (`YYYY-MM-DD` or `YYYY-MM`).
fn first_day(label: &str) -> Option<i64> {
    day_number(label).or_else(|| day_number(&format!("{label}-01")))
}

#[derive(Debug, Default, Deserialize)]
pub struct AttentionParams {
    pub entity: Option<String>,
    pub q: Option<String>,
    pub by: Option<String>,
    pub site: Option<String>,
}

#[derive(Template)]
#[template(path = "attention.html")]
pub struct AttentionPage {
    pub entity: String,
    pub q: String,
    pub by: &'static str,
    pub site: String,
    pub asked: bool,
    pub total: u64,
    pub chart: String,
}

pub async fn attention(State(state): State<AppState>, p: Params<AttentionParams>) -> Response {
    page(build(state, p).await)
}

fn parse_by(by: Option<&str>) -> Result<(Bucket, &'static str), ApiError> {
    match by {
        None | Some("month") => Ok((Bucket::Month, "month")),
        Some("week") => Ok((Bucket::Week, "week")),
        Some("day") => Ok((Bucket::Day, "day")),
        Some(other) => Err(ApiError::bad_request(format!(
            "by={other}: expected day, week or month"
        ))),
    }
}

async fn build(state: AppState, p: Params<AttentionParams>) -> Result<AttentionPage, ApiError> {
    let p = params(p)?;
    let own = |v: &Option<String>| nonempty(v).map(str::to_string);
    let (bucket, by) = parse_by(nonempty(&p.by))?;
    let (entity, q, site) = (own(&p.entity), own(&p.q), own(&p.site));
    let asked = entity.is_some() || q.is_some();
    let mut page = AttentionPage {
        entity: entity.clone().unwrap_or_default(),
        q: q.clone().unwrap_or_default(),
        by,
        site: site.clone().unwrap_or_default(),
        asked,
        total: 0,
        chart: String::new(),
    };
    if !asked {
        return Ok(page);
    }
    let title = match (&entity, &q) {
        (Some(e), _) => format!("Articles naming {e}, by {by}"),
        (None, Some(q)) => format!("Articles matching “{q}”, by {by}"),
        _ => String::new(),
    };
    let query = AttentionQuery {
        entity,
        query: q,
        by: bucket,
        site,
    };
    let rows = state.read(move |s| s.attention(&query)).await?;
    let counts: BTreeMap<String, u64> = rows
        .into_iter()
        .map(|r| (r.bucket, r.articles.max(0) as u64))
        .collect();
    page.total = counts.values().sum();
    page.chart = bar_chart(&title, &time_axis(&counts, bucket));
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_fills_empty_buckets_and_puts_undated_last() {
        let counts: BTreeMap<String, u64> = [("2016-09", 2), ("2016-12", 1), ("undated", 4)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let axis = time_axis(&counts, Bucket::Month);
        let labels: Vec<_> = axis.iter().map(|(l, n)| format!("{l}:{n}")).collect();
        assert_eq!(
            labels,
            vec![
                "2016-09:2",
                "2016-10:0",
                "2016-11:0",
                "2016-12:1",
                "undated:4"
            ]
        );
        let days: BTreeMap<String, u64> =
            [("2016-09-14".to_string(), 1), ("2016-09-16".to_string(), 3)].into();
        assert_eq!(time_axis(&days, Bucket::Day).len(), 3);
        // too far apart to fill: only the buckets counted
        let far: BTreeMap<String, u64> =
            [("1900-01-01".to_string(), 1), ("2016-09-16".to_string(), 3)].into();
        assert_eq!(time_axis(&far, Bucket::Day).len(), 2);
    }

    #[test]
    fn by_is_checked() {
        assert_eq!(parse_by(None).unwrap().1, "month");
        assert_eq!(parse_by(Some("week")).unwrap().1, "week");
        assert!(parse_by(Some("year")).is_err());
    }
}
