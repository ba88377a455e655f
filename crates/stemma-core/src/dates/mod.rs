//! Dates written in text and in machine-readable values, read to ISO 8601.
//!
//! * [`parse_date`]: a declared value (meta tag, JSON-LD, `<time datetime>`): RFC 3339 and
//!   RFC 2822 through chrono first, then Unix timestamps, compact `20160914`, then prose.
//! * [`find_dates`]: every date a line of text prints, in the numeric orders Y-M-D, D.M.Y,
//!   D/M/Y and M/D/Y (day first when the first number is above 12), D. M. Y, D.M.YY, D-Mon-Y, CJK
//!   `2022年3月14日`, and with month names or abbreviations in any language of
//!   [`crate::lexicon`] ("14. Februar 2012", "3 de marzo de 2021", "1er mars 2020",
//!   "3 października 2019", "Sept. 14, 2016").
//! * [`find_relative`]: "vor 3 Tagen", "2 days ago" and their kin in the same languages, as a
//!   number of days back (a day only where the caller knows when the page was read).
//!
//! [`find_dates`] is a scanner (`scan.rs`) anchored on the runs of digits, linear in the text;
//! the month word is looked up in the lexicon afterwards, so the forms stay small whatever the
//! number of languages. It reads exactly what the regexes in `oracle.rs` read (tests only).

use std::sync::OnceLock;

use regex::Regex;

#[cfg(test)]
mod oracle;
mod scan;

/// The earliest year a web page's date may have.
pub const MIN_YEAR: i32 = 1995;

fn valid_ymd(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1990..=2100).contains(&y) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|dt| dt.format("%Y-%m-%d").to_string())
}

/// Today's date (UTC) by the system clock: the latest day a page can have been published.
pub fn today() -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|d| d.date_naive())
        .unwrap_or_default()
}

/// A two-digit year: 20YY up to the current year, 19YY above it.
fn full_year(yy: u32) -> i32 {
    let now = chrono::Datelike::year(&today()) % 100;
    if yy as i32 <= now {
        2000 + yy as i32
    } else {
        1900 + yy as i32
    }
}

/// Every date pattern has a four-digit year or the form `dd.dd.dd`: without either there is
/// no date, and the (capturing, slower) date regexes need not run.
pub fn may_hold_date(s: &str) -> bool {
    let b = s.as_bytes();
    let mut run = 0;
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            run += 1;
            if run == 4 {
                return true;
            }
        } else {
            if c == b'.'
                && run == 2
                && b.len() >= i + 6
                && b[i + 1].is_ascii_digit()
                && b[i + 2].is_ascii_digit()
                && b[i + 3] == b'.'
                && b[i + 4].is_ascii_digit()
                && b[i + 5].is_ascii_digit()
            {
                return true;
            }
            run = 0;
        }
    }
    false
}

fn normalise_tz(z: &str) -> String {
    if z == "Z" {
        return "Z".into();
    }
    if z.len() == 5 {
        format!("{}:{}", &z[..3], &z[3..])
    } else {
        z.to_string()
    }
}

/// ISO `2016-09-14` with an optional time and zone.
fn iso_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?-u:\b)([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ]([0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)(Z|[+-][0-9]{2}:?[0-9]{2})?)?")
            .expect("iso date")
    })
}

/// The first ISO date in `s`, with its time when one follows: (start, value).
fn find_iso(s: &str) -> Option<(usize, String)> {
    for c in iso_regex().captures_iter(s) {
        let (Some(y), Some(m), Some(d)) = (c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok())
        else {
            continue;
        };
        let Some(date) = valid_ymd(y, m, d) else {
            continue;
        };
        let at = c.get(0).map_or(0, |m| m.start());
        let Some(t) = c.get(4) else {
            return Some((at, date));
        };
        let mut t = t.as_str().to_string();
        if t.len() == 4 || t.len() == 5 {
            t.push_str(":00");
            if t.len() == 7 {
                t.insert(0, '0');
            }
        }
        let tz = c
            .get(5)
            .map(|z| normalise_tz(z.as_str()))
            .unwrap_or_default();
        return Some((at, format!("{date}T{t}{tz}")));
    }
    None
}

/// Find the first date in `s` and return it as ISO 8601 (`YYYY-MM-DD`, or a date-time when the
/// text gives a time in ISO form). Returns the match start too, for callers that care where.
pub fn find_date(s: &str) -> Option<(usize, String)> {
    if !may_hold_date(s) {
        return None;
    }
    let iso = find_iso(s);
    let prose = find_dates(s).into_iter().next();
    match (iso, prose) {
        (Some(i), Some(p)) if p.0 < i.0 => Some((p.0, p.2)),
        (Some(i), _) => Some(i),
        (None, p) => p.map(|p| (p.0, p.2)),
    }
}

/// Every date written out in `s`, in order and without overlaps: `(start, end, YYYY-MM-DD)`.
/// See the module notes for the forms. It tolerates text glued together from several
/// elements ("Jane DoeMarch 3, 2022", "by jdoe3rd May 2021", "May 2, 20215 min read").
pub fn find_dates(s: &str) -> Vec<(usize, usize, String)> {
    if !may_hold_date(s) {
        return Vec::new();
    }
    ranked(scan::all_forms(s))
}

/// The dates every form found, in order of start (the longest first where two start
/// together, else the earlier form), without those that overlap one kept before them.
fn ranked(mut found: Vec<(usize, usize, String)>) -> Vec<(usize, usize, String)> {
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for f in found {
        if out.last().is_none_or(|l| f.0 >= l.1) {
            out.push(f);
        }
    }
    out
}

/// How many days a unit of a relative date stands for (hours and minutes: the same day).
fn relative_unit(w: &str) -> Option<u32> {
    let w = w.to_lowercase();
    Some(match w.as_str() {
        "day" | "days" | "tag" | "tage" | "tagen" | "jour" | "jours" | "día" | "días" | "dia"
        | "dias" | "giorno" | "giorni" | "dag" | "dagen" | "день" | "дня" | "дней" | "dzień"
        | "dni" | "gün" | "يوم" | "أيام" | "ايام" => 1,
        "week" | "weeks" | "woche" | "wochen" | "semaine" | "semaines" | "semana" | "semanas"
        | "settimana" | "settimane" | "weken" | "неделю" | "недели" | "недель" | "tydzień"
        | "tygodnie" | "tygodni" | "hafta" | "أسابيع" | "أسبوع" => 7,
        "hour" | "hours" | "hr" | "hrs" | "minute" | "minutes" | "min" | "mins" | "stunde"
        | "stunden" | "std" | "minuten" | "heure" | "heures" | "hora" | "horas" | "minuto"
        | "minutos" | "ora" | "ore" | "minuti" | "uur" | "час" | "часа" | "часов" | "минуту"
        | "минуты" | "минут" | "godzinę" | "godziny" | "godzin" | "minut" | "minuty" | "saat"
        | "dakika" | "ساعة" | "ساعات" | "دقيقة" | "دقائق" => 0,
        _ => return None,
    })
}

/// The first relative date in `s` ("vor 3 Tagen", "2 days ago", "il y a 5 jours", "hace 2
/// días", "há 3 dias", "3 giorni fa", "4 dagen geleden", "3 дня назад", "2 dni temu", "3 gün
/// önce", "منذ 3 أيام"): `(start, end, days back)`. Hours and minutes are the same day. Only
/// a reference date (the day the page was read) makes it a day; without one it is no date.
pub fn find_relative(s: &str) -> Option<(usize, usize, u32)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?:^|[^\p{L}0-9])((?:(?i:(vor|il y a|hace|há|منذ))\s+)?([0-9]{1,3})\s+(\p{L}+)(?:\s+(?i:(ago|fa|geleden|назад|temu|önce)))?)")
            .expect("relative date")
    });
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    re.captures_iter(s).find_map(|c| {
        // Exactly one of "vor …" and "… ago".
        if c.get(2).is_some() == c.get(5).is_some() {
            return None;
        }
        let n: u32 = c[3].parse().ok()?;
        let back = n.checked_mul(relative_unit(&c[4])?)?;
        let m = c.get(1)?;
        (back <= 366).then_some((m.start(), m.end(), back))
    })
}

/// Parse a machine-readable date (meta tags, JSON-LD, `<time datetime>`) to ISO 8601.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // RFC 2822 ("Wed, 14 Sep 2016 10:00:00 GMT", feeds and HTTP dates): its own day.
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        let d = chrono::Datelike::year(&dt);
        return valid_ymd(d, chrono::Datelike::month(&dt), chrono::Datelike::day(&dt));
    }
    // RFC 3339 is the ISO form below, which keeps the page's own spelling of the time.
    // Unix timestamps (seconds or milliseconds).
    if s.len() >= 9 && s.len() <= 13 && s.bytes().all(|b| b.is_ascii_digit()) {
        let mut secs: i64 = s.parse().ok()?;
        if s.len() == 13 {
            secs /= 1000;
        }
        let dt = chrono::DateTime::from_timestamp(secs, 0)?;
        return valid_ymd(
            chrono::Datelike::year(&dt),
            chrono::Datelike::month(&dt),
            chrono::Datelike::day(&dt),
        )
        .map(|_| dt.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    }
    // Compact 20160914 or 20160914T101500
    if s.len() >= 8
        && s.as_bytes()[..8].iter().all(|b| b.is_ascii_digit())
        && (s.len() == 8 || s.as_bytes()[8] == b'T')
    {
        return valid_ymd(
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..8].parse().ok()?,
        );
    }
    find_date(s).map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(s: &str) -> Vec<String> {
        find_dates(s).into_iter().map(|x| x.2).collect()
    }

    #[test]
    fn dates_in_prose() {
        assert_eq!(
            find_date("Global Research, September 14, 2016").unwrap().1,
            "2016-09-14"
        );
        assert_eq!(
            find_date("South Front 13 September 2016").unwrap().1,
            "2016-09-13"
        );
        assert_eq!(
            find_date("Posted Sept. 3rd, 2019 at noon").unwrap().1,
            "2019-09-03"
        );
        assert_eq!(find_date("on 04.05.2021").unwrap().1, "2021-05-04");
        assert!(find_date("in 2016 there were 45 of them").is_none());
        assert!(find_date("2016-02-30").is_none());
    }

    #[test]
    fn all_dates_in_a_line() {
        let d: Vec<String> = find_dates("Published March 3, 2022 · Updated 4/5/2023")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(d, vec!["2022-03-03", "2023-04-05"]);
        assert_eq!(find_dates("on 25/12/2021")[0].2, "2021-12-25");
        assert_eq!(find_dates("2021年7月9日")[0].2, "2021-07-09");
        assert!(find_dates("in 2016 there were 45").is_empty());
        assert_eq!(
            find_dates("Ann KoMarch 3, 20224 min read")[0].2,
            "2022-03-03"
        );
        assert_eq!(find_dates("by annko18th Dec 2025")[0].2, "2025-12-18");
        assert_eq!(find_dates("Mead2022-11-23T08:10")[0].2, "2022-11-23");
        assert_eq!(find_dates("02-12-2025")[0].2, "2025-12-02");
        assert!(find_dates("version 1.2.2024.5").is_empty());
    }

    #[test]
    fn machine_dates() {
        assert_eq!(
            parse_date("2016-09-14T08:30:00+0200").unwrap(),
            "2016-09-14T08:30:00+02:00"
        );
        assert_eq!(parse_date("2016-09-14").unwrap(), "2016-09-14");
        assert_eq!(parse_date("20160914").unwrap(), "2016-09-14");
        assert_eq!(parse_date("1473811200").unwrap(), "2016-09-14T00:00:00Z");
        assert_eq!(
            parse_date("Wed, 14 Sep 2016 10:00:00 GMT").unwrap(),
            "2016-09-14"
        );
        assert!(parse_date("soon").is_none());
    }

    #[test]
    fn month_names_in_many_languages() {
        for (text, day) in [
            ("Veröffentlicht am 14. Februar 2012 von Anna", "2012-02-14"),
            ("01. November 2021 | Naturschutz", "2021-11-01"),
            ("publié le 1er mars 2020", "2020-03-01"),
            ("Publicado el 3 de marzo de 2021", "2021-03-03"),
            ("3 de març de 2020", "2020-03-03"),
            ("pubblicato il 12 maggio 2019", "2019-05-12"),
            ("atualizado em 5 de outubro de 2022", "2022-10-05"),
            ("gepubliceerd op 7 maart 2018", "2018-03-07"),
            ("14 сентября 2020 г.", "2020-09-14"),
            ("3 października 2019 r.", "2019-10-03"),
            ("14 Şubat 2012 Salı", "2012-02-14"),
            ("نشر في 5 مارس 2021", "2021-03-05"),
            ("Februar 14, 2012", "2012-02-14"),
            ("Okt. 3 2019", "2019-10-03"),
        ] {
            assert_eq!(days(text), vec![day.to_string()], "{text}");
        }
        // A word that is no month is no date.
        assert!(days("Kapitel 3 2019").is_empty());
        assert!(days("Seite 12 von 2000").is_empty());
    }

    #[test]
    fn numeric_orders() {
        assert_eq!(days("Party, 30.10.23"), vec!["2023-10-30"]);
        assert_eq!(days("2021.03.05"), vec!["2021-03-05"]);
        assert_eq!(days("on 25/12/2021"), vec!["2021-12-25"]);
        assert_eq!(days("on 12/25/2021"), vec!["2021-12-25"]);
        // Spaced after the dots, as German pages sometimes write it.
        assert_eq!(days("Von Musterverband 4. 2. 2022."), vec!["2022-02-04"]);
        assert_eq!(days("am 14. 11.2019 um 10 Uhr"), vec!["2019-11-14"]);
        // A month word between dashes or slashes.
        assert_eq!(days("By: Ann on 04-ago-2021 5:11:10"), vec!["2021-08-04"]);
        assert_eq!(days("12-Mar-2020"), vec!["2020-03-12"]);
        assert_eq!(days("3/Okt/2019"), vec!["2019-10-03"]);
        assert!(days("12-abc-2020").is_empty());
        // Version numbers are not dates.
        assert!(days("v1.2.23 and 10.4.1.2").is_empty());
        assert!(days("release 1.10.23.4").is_empty());
    }

    #[test]
    fn rfc_forms() {
        assert_eq!(
            parse_date("Wed, 14 Sep 2016 23:30:00 -0700").unwrap(),
            "2016-09-14"
        );
        assert_eq!(
            parse_date("2016-09-14T23:30:00-07:00").unwrap(),
            "2016-09-14T23:30:00-07:00"
        );
        assert_eq!(parse_date("14. Februar 2012").unwrap(), "2012-02-14");
    }

    #[test]
    fn many_dates_stay_linear() {
        // Hundreds of date-like strings: the time grows with the text, not its square.
        let line = "3. März 2021, 12.04.2020, 2019-01-02, Okt 4, 2018 und 30.10.23; ";
        let small = line.repeat(100);
        let big = line.repeat(800);
        // Best of three, so that another process on the machine does not decide it.
        let t = |s: &str| {
            (0..3)
                .map(|_| {
                    let t0 = std::time::Instant::now();
                    assert!(find_dates(s).len() >= 400);
                    t0.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        let (a, b) = (t(&small), t(&big));
        // 8× the text: linear is 8× the time, quadratic 64×.
        assert!(
            b < a * 32 + std::time::Duration::from_millis(50),
            "{a:?} {b:?}"
        );
    }

    #[test]
    fn relative_dates_in_many_languages() {
        for (text, back) in [
            ("vor 3 Tagen", 3),
            ("Aktualisiert vor 5 Stunden", 0),
            ("2 days ago", 2),
            ("Posted 1 week ago by Ann", 7),
            ("il y a 4 jours", 4),
            ("hace 2 días", 2),
            ("há 6 dias", 6),
            ("3 giorni fa", 3),
            ("4 dagen geleden", 4),
            ("3 дня назад", 3),
            ("2 dni temu", 2),
            ("3 gün önce", 3),
            ("منذ 3 أيام", 3),
        ] {
            assert_eq!(find_relative(text).map(|r| r.2), Some(back), "{text}");
        }
        // A number of days that is not back from now, or no unit of time.
        for text in [
            "in 3 days",
            "3 days",
            "vor 3 Jahren",
            "10 Tage Urlaub",
            "2 apples ago",
        ] {
            assert_eq!(find_relative(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn spans_are_ordered_on_char_boundaries(s in "\\PC{0,80}|[0-9 ./\\-a-zäéşı]{0,60}") {
            let mut last = 0;
            for (a, b, day) in find_dates(&s) {
                proptest::prop_assert!(last <= a && a < b && b <= s.len());
                proptest::prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
                proptest::prop_assert!(chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").is_ok());
                last = b;
            }
            if let Some(d) = parse_date(&s) {
                proptest::prop_assert!(d.get(..10).is_some_and(|x| chrono::NaiveDate::parse_from_str(x, "%Y-%m-%d").is_ok()));
            }
        }
    }
}
