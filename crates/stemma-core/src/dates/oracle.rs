//! The regexes [`super::find_dates`] once ran, kept as the oracle its scanner (`scan.rs`) is
//! tested against: the same dates, spans and ranking on any text.

use std::sync::OnceLock;

use regex::Regex;

use crate::lexicon::month_number;

use super::{full_year, valid_ymd};

/// The patterns of [`find_dates`], in the order their captures are read, as text: they are
/// compiled once together as a set (which of them occur) and each alone only when the set
/// first sees it match ([`pattern`]), so a run never compiles the forms it never meets.
/// Digits are ASCII `[0-9]` (numbers are read with `str::parse`, which knows no others), which
/// also halves the set's build time against Unicode `\d`.
fn pattern_sources() -> &'static [String; 10] {
    static R: OnceLock<[String; 10]> = OnceLock::new();
    R.get_or_init(|| {
        let month = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
        [
            // 0: 2016-09-14
            r"(?:^|[^0-9])(([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}))".to_owned(),
            // 1: English month first, tolerant of glued text ("Ann KoMarch 3, 2022")
            format!(r"(?i)(?:(?-u:\b)|[a-z])({month}\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+([0-9]{{4}}))"),
            // 2: English day first, tolerant of glued text ("by annko18th Dec 2025")
            format!(r"(?i)(?:^|[^0-9])(([0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+([0-9]{{4}}))"),
            // 3: 2016/09/14, 2016.09.14, 14.09.2016, 14/09/2016, 09/14/2016, 14-09-2016
            r"(?:^|[^0-9.\-/])((?:([0-9]{4})[/.]([0-9]{1,2})[/.]([0-9]{1,2})|([0-9]{1,2})([./\-])([0-9]{1,2})[./\-]([0-9]{4})))(?:[^0-9.\-/]|$)".to_owned(),
            // 4: 2022年3月14日
            r"(([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日)".to_owned(),
            // 5: day, month word (any language), year: "14. Februar 2012", "3 de marzo de
            //    2021", "1er mars 2020", "3 października 2019 r.", "14 Şubat 2012"
            //    (case folding only on the small words: a folded \p{L} is the same class, slower built)
            r"(?:^|[^0-9\p{L}])(([0-9]{1,2})(?i:\.|º|°|er|eme|ème|st|nd|rd|th)?\s*(?i:de\s+|del\s+|of\s+|d')?(\p{L}{2,})\.?,?\s+(?i:de\s+|del\s+|di\s+)?([0-9]{4}))".to_owned(),
            // 6: month word (any language), day, year: "Februar 14, 2012", "Mayıs 3 2021"
            r"(?:^|[^\p{L}])((\p{L}{3,})\.?\s+([0-9]{1,2})(?:st|nd|rd|th|\.)?,?\s+([0-9]{4}))".to_owned(),
            // 7: 30.10.23 (day, month, two-digit year)
            r"(?:^|[^0-9.])(([0-9]{2})\.([0-9]{2})\.([0-9]{2}))(?:[^0-9.]|$)".to_owned(),
            // 8: 4. 2. 2022 (day, month, year, spaced after the dots)
            r"(?:^|[^0-9.])(([0-9]{1,2})\.\s+([0-9]{1,2})\.\s*([0-9]{4}))(?:[^0-9]|$)".to_owned(),
            // 9: 04-Aug-2021, 04-ago-2021, 4/Mar/2020 (month word between dashes or slashes)
            r"(?:^|[^0-9\p{L}])(([0-9]{1,2})([-/])(\p{L}{3,})\.?[-/]([0-9]{4}))(?:[^0-9]|$)".to_owned(),
        ]
    })
}

/// Pattern `k` of [`pattern_sources`], compiled on first use.
fn pattern(k: usize) -> &'static Regex {
    static R: [OnceLock<Regex>; 10] = [const { OnceLock::new() }; 10];
    R[k].get_or_init(|| Regex::new(&pattern_sources()[k]).expect("date pattern"))
}

/// The dates the patterns find, ranked and without overlaps as [`super::find_dates`] gives them.
pub(super) fn find_dates(s: &str) -> Vec<(usize, usize, String)> {
    if !super::may_hold_date(s) {
        return Vec::new();
    }
    // Which patterns occur at all, in one DFA pass; captures run only for those.
    static SET: OnceLock<regex::RegexSet> = OnceLock::new();
    let hit = SET
        .get_or_init(|| regex::RegexSet::new(pattern_sources()).expect("date set"))
        .matches(s);
    if !hit.matched_any() {
        return Vec::new();
    }
    // Pattern k's matches, or none without running it when the set saw no match for it.
    let matches_of = |k: usize| {
        hit.matched(k)
            .then(|| pattern(k).captures_iter(s))
            .into_iter()
            .flatten()
    };
    let num = |c: &regex::Captures, i: usize| -> u32 {
        c.get(i).and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
    };
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let mut push = |c: &regex::Captures, v: Option<String>| {
        if let (Some(v), Some(m)) = (v, c.get(1)) {
            found.push((m.start(), m.end(), v));
        }
    };
    for k in [0, 4] {
        for c in matches_of(k) {
            let v = valid_ymd(num(&c, 2) as i32, num(&c, 3), num(&c, 4));
            push(&c, v);
        }
    }
    for c in matches_of(1) {
        let v = month_number(&c[2]).and_then(|m| valid_ymd(num(&c, 4) as i32, m, num(&c, 3)));
        push(&c, v);
    }
    for c in matches_of(2) {
        let v = month_number(&c[3]).and_then(|m| valid_ymd(num(&c, 4) as i32, m, num(&c, 2)));
        push(&c, v);
    }
    for c in matches_of(3) {
        let v = if c.get(2).is_some() {
            valid_ymd(num(&c, 2) as i32, num(&c, 3), num(&c, 4))
        } else {
            let (a, b, y) = (num(&c, 5), num(&c, 7), num(&c, 8) as i32);
            if &c[6] == "/" && a <= 12 {
                valid_ymd(y, a, b)
            } else {
                valid_ymd(y, b, a)
            }
        };
        push(&c, v);
    }
    for c in matches_of(5) {
        let v = month_number(&c[3]).and_then(|m| valid_ymd(num(&c, 4) as i32, m, num(&c, 2)));
        push(&c, v);
    }
    for c in matches_of(6) {
        let v = month_number(&c[2]).and_then(|m| valid_ymd(num(&c, 4) as i32, m, num(&c, 3)));
        push(&c, v);
    }
    for c in matches_of(7) {
        let v = valid_ymd(full_year(num(&c, 4)), num(&c, 3), num(&c, 2));
        push(&c, v);
    }
    for c in matches_of(8) {
        let v = valid_ymd(num(&c, 4) as i32, num(&c, 3), num(&c, 2));
        push(&c, v);
    }
    for c in matches_of(9) {
        let v = month_number(&c[4]).and_then(|m| valid_ymd(num(&c, 5) as i32, m, num(&c, 2)));
        push(&c, v);
    }
    super::ranked(found)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// Numbers, separators and words that dates are made of, and the characters around
    /// them that decide whether they match.
    const NUMBERS: &[&str] = &[
        "1", "3", "9", "12", "14", "31", "09", "30", "2016", "2021", "1999", "20215", "123", "23",
        "10",
    ];
    const SEPARATORS: &[&str] = &[
        " ", "  ", ".", ". ", ",", ", ", "-", "/", "\u{a0}", "\n", "'", "_", "年", "月", "日", "",
        " de ", " del ", " di ", " of ", "º ", "° ", "st ", "nd ", "rd ", "th", "ST ", "er ",
        "eme ", "ème ", "ÈME ", "d'", "., ", "x",
    ];
    const WORDS: &[&str] = &[
        "March",
        "MAR",
        "Mar",
        "Sept",
        "Sepember",
        "September",
        "sep",
        "may",
        "June",
        "jul",
        "Dec",
        "January",
        "Februar",
        "marzo",
        "mars",
        "października",
        "Şubat",
        "Mayıs",
        "août",
        "ago",
        "Aug",
        "de",
        "of",
        "x",
        "Ko",
        "KoMarch",
        "é",
        "ſt",
        "\u{212A}",
        "ü",
        "мая",
        "a1",
        "aa",
        "1a",
        "mayo",
    ];

    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            proptest::sample::select(NUMBERS),
            proptest::sample::select(SEPARATORS),
            proptest::sample::select(WORDS),
        ]
        .prop_map(str::to_owned);
        // Mostly the shapes of dates: number, separator, word or number, separator, number.
        let shaped = (
            proptest::sample::select(NUMBERS),
            proptest::sample::select(SEPARATORS),
            prop_oneof![
                proptest::sample::select(WORDS),
                proptest::sample::select(NUMBERS)
            ],
            proptest::sample::select(SEPARATORS),
            proptest::sample::select(NUMBERS),
            proptest::sample::select(SEPARATORS),
        )
            .prop_map(|(a, b, c, d, e, f)| format!("{a}{b}{c}{d}{e}{f}"));
        proptest::collection::vec(prop_oneof![1 => piece, 3 => shaped], 0..8)
            .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// The scanner finds what the regexes found: the same spans, days and ranking.
        #[test]
        fn scanner_reads_as_the_regexes_did(s in text()) {
            prop_assert_eq!(super::super::find_dates(&s), super::find_dates(&s), "text {:?}", s);
        }
    }

    /// Edges the generator seldom builds: what comes right before or after a date, and two
    /// dates one character apart (a match takes that character, so the next one is missed).
    #[test]
    fn scanner_agrees_at_the_edges() {
        for s in [
            "_March 3, 2016",
            "x_March 3, 2016",
            "KoMarch 3, 2016",
            "é March 3, 2016",
            "30.10.23.",
            "30.10.23 12.11.23",
            "14.09.2016 15.09.2016",
            "4. 2. 2022.",
            "4. 2. 20221",
            "04-Aug-2021/05-Aug-2021",
            "2016-09-1456",
            "12016年3月4日",
            "3 d'avril 2020, 1er mars 2020",
            "3 de 2021",
            "1er 2020",
            "Sep. 3, 2016; Sepember 3, 2016",
            "March 3, 20215 min read",
        ] {
            assert_eq!(
                super::super::find_dates(s),
                super::find_dates(s),
                "text {s:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn scanner_agrees_on_any_text(s in "\\PC{0,60}|[0-9 ./\\-a-zäéşı年月日]{0,60}") {
            prop_assert_eq!(super::super::find_dates(&s), super::find_dates(&s), "text {:?}", s);
        }
    }
}
