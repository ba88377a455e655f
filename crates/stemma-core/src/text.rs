//! Small text utilities shared by the extractors: whitespace, words, dates, languages.

use std::sync::OnceLock;

use regex::Regex;

/// Collapse runs of whitespace (including NBSP and zero-width marks) to one space and trim.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' || c == '\u{ad}' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Lower-cased `\w+` words.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Number of `\w+` words, without allocating.
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = c.is_alphanumeric() || c == '_';
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// Scripts written without spaces between words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unspaced {
    /// Han ideographs, kana: about one word per character.
    Cjk,
    /// Thai, Lao, Khmer, Myanmar: alphabetic, several characters per word.
    SouthEastAsian,
}

/// Whether `c` belongs to a script written without spaces between words.
pub fn unspaced(c: char) -> Option<Unspaced> {
    let u = c as u32;
    if u < 0x0E00 {
        return None;
    }
    match u {
        0x3040..=0x30FF      // hiragana, katakana
        | 0x31F0..=0x31FF    // katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9D    // half-width katakana
        | 0x20000..=0x3134F => Some(Unspaced::Cjk),
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF => Some(Unspaced::SouthEastAsian),
        _ => None,
    }
}

/// How many characters of a spaced script one character stands for, when text is measured
/// by its length: a Han or kana character carries about what three Latin letters do.
pub fn char_weight(c: char) -> u32 {
    match unspaced(c) {
        Some(Unspaced::Cjk) => 3,
        _ => 1,
    }
}

/// Number of words, for scripts with and without spaces: a `\w+` run counts one, except that
/// each Han or kana character counts as a word of its own and a Thai, Lao, Khmer or Myanmar
/// run counts one word per four characters. (`word_count` sees a whole Chinese sentence as
/// one word.)
pub fn word_count_unspaced(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut sea_run = 0usize;
    for c in s.chars() {
        let kind = unspaced(c);
        if kind == Some(Unspaced::SouthEastAsian) || (sea_run > 0 && is_combining_mark(c)) {
            sea_run += 1;
            continue;
        }
        if sea_run > 0 {
            n += sea_run.div_ceil(4);
            sea_run = 0;
        }
        if kind == Some(Unspaced::Cjk) {
            n += 1;
            in_word = false;
            continue;
        }
        let w = c.is_alphanumeric() || c == '_';
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n + sea_run.div_ceil(4)
}

fn is_combining_mark(c: char) -> bool {
    // Thai and friends write vowels and tones as combining marks, which are not alphanumeric.
    matches!(c as u32, 0x0E31..=0x0E4E | 0x0EB1..=0x0ECD | 0x102B..=0x103E | 0x17B4..=0x17D3)
}

const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|&(_, v)| v)
}

fn valid_ymd(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1990..=2100).contains(&y) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|dt| dt.format("%Y-%m-%d").to_string())
}

fn date_regexes() -> &'static [Regex; 4] {
    static R: OnceLock<[Regex; 4]> = OnceLock::new();
    R.get_or_init(|| {
        let month = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
        [
            // 2016-09-14, optionally with a time
            Regex::new(r"(?-u:\b)(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?").unwrap(),
            // September 14, 2016 / Sep. 14 2016
            Regex::new(&format!(r"(?i)(?-u:\b){month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)")).unwrap(),
            // 14 September 2016 / 14th Sep, 2016
            Regex::new(&format!(r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+(\d{{4}})(?-u:\b)")).unwrap(),
            // 2016/09/14 or 14.09.2016 (day first, as most of the world writes it)
            Regex::new(r"(?-u:\b)(?:(\d{4})/(\d{1,2})/(\d{1,2})|(\d{1,2})\.(\d{1,2})\.(\d{4}))(?-u:\b)").unwrap(),
        ]
    })
}

/// Every date pattern carries a four-digit year: without four digits in a row there is no
/// date, and the (capturing, slower) date regexes need not run.
fn has_year_digits(s: &str) -> bool {
    let mut run = 0;
    for b in s.bytes() {
        if b.is_ascii_digit() {
            run += 1;
            if run == 4 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Find the first date in `s` and return it as ISO 8601 (`YYYY-MM-DD`, or a date-time when the
/// text gives a time in ISO form). Returns the match start too, for callers that care where.
pub fn find_date(s: &str) -> Option<(usize, String)> {
    if !has_year_digits(s) {
        return None;
    }
    let r = date_regexes();
    let mut best: Option<(usize, String)> = None;
    let mut consider = |pos: usize, val: Option<String>| {
        if let Some(v) = val {
            if best.as_ref().is_none_or(|(p, _)| pos < *p) {
                best = Some((pos, v));
            }
        }
    };
    for c in r[0].captures_iter(s) {
        let (y, m, d) = (c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok());
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            let date = valid_ymd(y, m, d);
            let v = match (date, c.get(4)) {
                (Some(date), Some(t)) => {
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
                    Some(format!("{date}T{t}{tz}"))
                }
                (d, _) => d,
            };
            consider(c.get(0).unwrap().start(), v);
            break;
        }
    }
    if let Some(c) = r[1].captures(s) {
        let v =
            month_number(&c[1]).and_then(|m| valid_ymd(c[3].parse().ok()?, m, c[2].parse().ok()?));
        consider(c.get(0).unwrap().start(), v);
    }
    if let Some(c) = r[2].captures(s) {
        let v =
            month_number(&c[2]).and_then(|m| valid_ymd(c[3].parse().ok()?, m, c[1].parse().ok()?));
        consider(c.get(0).unwrap().start(), v);
    }
    if let Some(c) = r[3].captures(s) {
        let v = if c.get(1).is_some() {
            valid_ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
        } else {
            valid_ymd(c[6].parse().ok()?, c[5].parse().ok()?, c[4].parse().ok()?)
        };
        consider(c.get(0).unwrap().start(), v);
    }
    best
}

/// Every date written out in `s`, in order and without overlaps: `(start, end, YYYY-MM-DD)`.
/// Knows the forms of [`find_date`] and also `14-09-2016` (day first), US `3/14/2022` (day
/// first only when the first number is above 12) and CJK `2022年3月14日`. It tolerates text
/// glued together from several elements ("Jane DoeMarch 3, 2022", "by jdoe3rd May 2021",
/// "May 2, 20215 min read").
pub fn find_dates(s: &str) -> Vec<(usize, usize, String)> {
    if !has_year_digits(s) {
        return Vec::new();
    }
    static R: OnceLock<[Regex; 5]> = OnceLock::new();
    let r = R.get_or_init(|| {
        let month = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
        [
            Regex::new(r"(?:^|\D)((\d{4})-(\d{1,2})-(\d{1,2}))").unwrap(),
            Regex::new(&format!(r"(?i)(?:(?-u:\b)|[a-z])({month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}))")).unwrap(),
            Regex::new(&format!(r"(?i)(?:^|\D)((\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+(\d{{4}}))")).unwrap(),
            Regex::new(r"(?:^|[^\d.\-/])((?:(\d{4})/(\d{1,2})/(\d{1,2})|(\d{1,2})([./\-])(\d{1,2})[./\-](\d{4})))(?:[^\d.\-/]|$)").unwrap(),
            Regex::new(r"((\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)").unwrap(),
        ]
    });
    // Which patterns occur at all, in one DFA pass; captures run only for those.
    static SET: OnceLock<regex::RegexSet> = OnceLock::new();
    let hit = SET
        .get_or_init(|| regex::RegexSet::new(r.iter().map(Regex::as_str)).expect("date set"))
        .matches(s);
    if !hit.matched_any() {
        return Vec::new();
    }
    // Pattern k's matches, or none without running it when the set saw no match for it.
    let matches_of = |k: usize| {
        let n = if hit.matched(k) { usize::MAX } else { 0 };
        r[k].captures_iter(s).take(n)
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
    for c in matches_of(0) {
        let v = valid_ymd(num(&c, 2) as i32, num(&c, 3), num(&c, 4));
        push(&c, v);
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
    for c in matches_of(4) {
        let v = valid_ymd(num(&c, 2) as i32, num(&c, 3), num(&c, 4));
        push(&c, v);
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for f in found {
        if out.last().is_none_or(|l| f.0 >= l.1) {
            out.push(f);
        }
    }
    out
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

/// Parse a machine-readable date (meta tags, JSON-LD, `<time datetime>`) to ISO 8601.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
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

/// ISO 639-3 (whatlang) → BCP 47 primary subtag (ISO 639-1 where one exists).
pub fn bcp47_from_639_3(code: &str) -> &str {
    match code {
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "epo" => "eo",
        "cym" => "cy",
        "sqi" => "sq",
        "isl" => "is",
        "gle" => "ga",
        "kaz" => "kk",
        "mon" => "mn",
        "msa" => "ms",
        "swa" => "sw",
        "som" => "so",
        "hau" => "ha",
        "yor" => "yo",
        "ibo" => "ig",
        "tat" => "tt",
        "tgk" => "tg",
        "kir" => "ky",
        "lao" => "lo",
        "bos" => "bs",
        "mlt" => "mt",
        "glg" => "gl",
        "eus" => "eu",
        "ltz" => "lb",
        other => other,
    }
}

/// Detect the language of a body of text, when confident.
pub fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(2000).collect();
    if word_count_unspaced(&sample) < 5 {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(bcp47_from_639_3(info.lang().code()).to_string())
}

/// Normalise a declared language (`en_US`, `EN-gb`, `en-US,fr`) to BCP 47 (`en-US`).
pub fn normalise_lang(s: &str) -> Option<String> {
    let first = s.split([',', ';', ' ']).next()?.trim().replace('_', "-");
    let mut parts = first.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    if primary.len() < 2 || primary.len() > 3 || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary;
    if let Some(region) = parts.next() {
        if region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic()) {
            out.push('-');
            out.push_str(&region.to_ascii_uppercase());
        } else if region.len() == 4 && region.bytes().all(|b| b.is_ascii_alphabetic()) {
            out.push('-');
            out.push_str(&region[..1].to_ascii_uppercase());
            out.push_str(&region[1..].to_ascii_lowercase());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_unspaced_scripts() {
        assert_eq!(word_count_unspaced("The cat sat."), 3);
        // Each ideograph or kana is a word; Latin runs between them count once.
        assert_eq!(word_count("市议会周一批准了新的渡轮航线"), 1);
        assert_eq!(word_count_unspaced("市议会周一批准了新的渡轮航线"), 14);
        assert_eq!(word_count_unspaced("フェリーの新航路が承認された"), 14);
        assert_eq!(word_count_unspaced("iPhone 的新款"), 4);
        // Thai: a run of 12 letters and marks is about three words.
        assert_eq!(word_count_unspaced("สภาเมืองอนุมั"), 4);
        assert_eq!(char_weight('市'), 3);
        assert_eq!(char_weight('a'), 1);
        assert_eq!(char_weight('ж'), 1);
    }

    #[test]
    fn language_of_short_cjk_text() {
        assert_eq!(
            detect_language("市议会周一批准了新的渡轮航线，结束了数月的争论。").as_deref(),
            Some("zh")
        );
        assert_eq!(
            detect_language("市議会は月曜日、新しいフェリー航路を承認しました。").as_deref(),
            Some("ja")
        );
    }

    #[test]
    fn squash_whitespace() {
        assert_eq!(squash("  a\u{a0}\n b\t\tc  "), "a b c");
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
    fn langs() {
        assert_eq!(normalise_lang("en_us").unwrap(), "en-US");
        assert_eq!(normalise_lang("fr").unwrap(), "fr");
        assert!(normalise_lang("x").is_none());
        let t =
            "The minister said on Tuesday that the coalition was reluctant to strike the group.";
        assert_eq!(detect_language(t).unwrap(), "en");
    }
}
