//! Dates as the store keeps them: a day number (days since 1970-01-01) for filters and counts.

use chrono::{Datelike, NaiveDate};

/// The day of an ISO 8601 date or date-time (its first ten characters), as days since
/// 1970-01-01; `None` when it does not start with a date.
pub fn day_number(s: &str) -> Option<i64> {
    let head = s.trim().get(..10)?;
    let d = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    Some(i64::from(d.num_days_from_ce()) - EPOCH_CE)
}

/// Days from 0001-01-01 (day 1 in chrono's count) to 1970-01-01.
const EPOCH_CE: i64 = 719_163;

/// The date of a day number, as `YYYY-MM-DD`.
pub fn day_string(day: i64) -> String {
    i32::try_from(day + EPOCH_CE)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .map_or_else(|| day.to_string(), |d| d.format("%Y-%m-%d").to_string())
}

/// How attention counts are bucketed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    Day,
    Week,
    Month,
}

/// The label of the bucket a day falls in: the day, the Monday of its ISO week, or `YYYY-MM`.
pub fn bucket_label(day: i64, by: Bucket) -> String {
    let Some(d) = i32::try_from(day + EPOCH_CE)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
    else {
        return day.to_string();
    };
    match by {
        Bucket::Day => d.format("%Y-%m-%d").to_string(),
        Bucket::Week => {
            let monday = d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday()));
            monday.format("%Y-%m-%d").to_string()
        }
        Bucket::Month => format!("{:04}-{:02}", d.year(), d.month()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2016-09-14T10:00:00+03:00"), Some(17058));
        assert_eq!(day_number("Sept 2016"), None);
        assert_eq!(day_number(""), None);
        assert_eq!(day_string(17058), "2016-09-14");
        assert_eq!(bucket_label(17058, Bucket::Week), "2016-09-12");
        assert_eq!(bucket_label(17058, Bucket::Month), "2016-09");
    }
}
