//! [`super::find_dates`] without regexes: every form is anchored on a run of ASCII digits (a
//! year, a day or a month number), so one pass collects the runs and each form is tried only
//! at them, forwards and backwards over a few characters. It reads exactly what the regexes in
//! `oracle.rs` read (a property test holds the two together); it only saves compiling them
//! (about 8 ms a process) and running their automata over every line (about 4% of `extract`).
//!
//! Each form keeps the regex semantics it replaces: leftmost matches that do not overlap one
//! another, where a match includes the character before it (`(?:^|[^0-9])`) and, for some
//! forms, the character after it; the reported span is the date alone.

use std::sync::OnceLock;

use crate::lexicon::month_number;

use super::{full_year, valid_ymd};

/// A date found by one form: the span of the date, the end of the whole match (with the
/// character it consumed after the date, if any), and its day when it is a real one.
struct Hit {
    start: usize,
    date_end: usize,
    match_end: usize,
    value: Option<String>,
}

impl Hit {
    /// A match that ends where its date ends.
    fn new(start: usize, end: usize, value: Option<String>) -> Hit {
        Hit {
            start,
            date_end: end,
            match_end: end,
            value,
        }
    }
    /// The match also took the character after the date, up to `end`.
    fn until(mut self, end: usize) -> Hit {
        self.match_end = end;
        self
    }
}

/// One form, tried at one run of digits: where its match begins, and what it found.
type Form = fn(&Text, (usize, usize)) -> Option<(usize, Hit)>;

/// Every date in `s` by every form, in the order [`super::find_dates`] ranks them.
pub(super) fn all_forms(s: &str) -> Vec<(usize, usize, String)> {
    let runs = digit_runs(s.as_bytes());
    let t = Text { s, b: s.as_bytes() };
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let forms: [Form; 10] = [
        iso_ymd,
        cjk,
        month_day_year,
        day_month_year,
        numeric,
        day_word_year,
        word_day_year,
        short_year,
        spaced_dots,
        dashed_word,
    ];
    for form in forms {
        // A match may not begin before the previous one of the same form ended.
        let mut last_end = 0;
        for &run in &runs {
            let Some((start, hit)) = form(&t, run) else {
                continue;
            };
            if start < last_end {
                continue;
            }
            last_end = hit.match_end;
            if let Some(v) = hit.value {
                found.push((hit.start, hit.date_end, v));
            }
        }
    }
    found
}

/// Byte ranges of the maximal runs of ASCII digits.
fn digit_runs(b: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let a = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((a, i));
        } else {
            i += 1;
        }
    }
    runs
}

struct Text<'a> {
    s: &'a str,
    b: &'a [u8],
}

impl Text<'_> {
    fn before(&self, i: usize) -> Option<char> {
        self.s[..i].chars().next_back()
    }
    fn at(&self, i: usize) -> Option<char> {
        self.s[i..].chars().next()
    }
    fn byte(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }
    /// The end of the whitespace (`\s`) starting at `i`.
    fn skip_ws(&self, i: usize) -> usize {
        let mut j = i;
        for c in self.s[i..].chars() {
            if !c.is_whitespace() {
                break;
            }
            j += c.len_utf8();
        }
        j
    }
    /// `\s+` at `i`: the end of at least one whitespace character.
    fn ws1(&self, i: usize) -> Option<usize> {
        let j = self.skip_ws(i);
        (j > i).then_some(j)
    }
    /// The start of the whitespace ending at `i`.
    fn skip_ws_back(&self, i: usize) -> usize {
        let mut j = i;
        for c in self.s[..i].chars().rev() {
            if !c.is_whitespace() {
                break;
            }
            j -= c.len_utf8();
        }
        j
    }
    /// The end of the letters (`\p{L}`) starting at `i`, and how many there are.
    fn letters(&self, i: usize) -> (usize, usize) {
        let (mut j, mut n) = (i, 0);
        for c in self.s[i..].chars() {
            if !is_letter(c) {
                break;
            }
            j += c.len_utf8();
            n += 1;
        }
        (j, n)
    }
    /// The start of the letters ending at `i`, and how many there are.
    fn letters_back(&self, i: usize) -> (usize, usize) {
        let (mut j, mut n) = (i, 0);
        for c in self.s[..i].chars().rev() {
            if !is_letter(c) {
                break;
            }
            j -= c.len_utf8();
            n += 1;
        }
        (j, n)
    }
    /// `lit` at `i` under the regex crate's Unicode case folding (`(?i)`): the end.
    fn lit_i(&self, i: usize, lit: &str) -> Option<usize> {
        let mut j = i;
        let mut text = self.s[i..].chars();
        for l in lit.chars() {
            let c = text.next()?;
            if !fold_eq(c, l) {
                return None;
            }
            j += c.len_utf8();
        }
        Some(j)
    }
    /// `lit` exactly at `i`: the end.
    fn lit(&self, i: usize, lit: &str) -> Option<usize> {
        self.s[i..].starts_with(lit).then(|| i + lit.len())
    }
    /// `lit` ending at `i` under case folding: its start.
    fn lit_i_back(&self, i: usize, lit: &str) -> Option<usize> {
        let mut j = i;
        let mut text = self.s[..i].chars().rev();
        for l in lit.chars().rev() {
            let c = text.next()?;
            if !fold_eq(c, l) {
                return None;
            }
            j -= c.len_utf8();
        }
        Some(j)
    }
    /// Past the first of `words` at `i` (case folded with `fold`), else `i`: an optional
    /// alternation (`(?:st|nd|rd|th)?`).
    fn one_of(&self, i: usize, words: &[&str], fold: bool) -> usize {
        words
            .iter()
            .find_map(|w| {
                if fold {
                    self.lit_i(i, w)
                } else {
                    self.lit(i, w)
                }
            })
            .unwrap_or(i)
    }
    /// Past `byte` at `i` when it is there, else `i` (`\.?`, `,?`).
    fn opt(&self, i: usize, byte: u8) -> usize {
        if self.byte(i) == Some(byte) {
            i + 1
        } else {
            i
        }
    }
    /// `[0-9]{4}` at `i` (more digits may follow): the year and its end.
    fn year4(&self, i: usize) -> Option<(u32, usize)> {
        let d = self.b.get(i..i + 4)?;
        d.iter().all(u8::is_ascii_digit).then(|| (number(d), i + 4))
    }
    /// The digit run starting at `i` when it has `min..=max` digits: its value and end.
    fn run(&self, i: usize, min: usize, max: usize) -> Option<(u32, usize)> {
        let n = self.b[i.min(self.b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        (min..=max)
            .contains(&n)
            .then(|| (number(&self.b[i..i + n]), i + n))
    }
    /// The end of the match after a date that ends at `i` with `(?:[^…]|$)`: past the next
    /// character, when it is not one of `stop` (ASCII digits are always a stop).
    fn trail(&self, i: usize, stop: &[u8]) -> Option<usize> {
        match self.at(i) {
            None => Some(i),
            Some(c) if c.is_ascii_digit() || (c.is_ascii() && stop.contains(&(c as u8))) => None,
            Some(c) => Some(i + c.len_utf8()),
        }
    }
    /// Where a match whose date starts at `i` begins, when the character before it (if any)
    /// passes `ok`: `(?:^|[…])`.
    fn lead(&self, i: usize, ok: impl Fn(char) -> bool) -> Option<usize> {
        match self.before(i) {
            None => Some(i),
            Some(c) => ok(c).then(|| i - c.len_utf8()),
        }
    }
}

fn number(d: &[u8]) -> u32 {
    d.iter().fold(0u32, |n, &c| n * 10 + u32::from(c - b'0'))
}

/// `c` matches the lower-case pattern character `l` under `(?i)`: ASCII case, and the two
/// non-ASCII letters Unicode folds onto ASCII ones (long s, Kelvin sign), and `è`/`È`.
fn fold_eq(c: char, l: char) -> bool {
    if c == l || c.to_ascii_lowercase() == l {
        return true;
    }
    match l {
        's' => c == 'ſ',
        'k' => c == '\u{212A}',
        'è' => c == 'È',
        _ => false,
    }
}

/// `\p{L}`: a letter by Unicode general category, read from the regex crate's own tables so
/// that the scanner and the patterns it replaces agree on every script.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    static RANGES: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let ranges = RANGES.get_or_init(|| {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::parse(r"\p{L}").expect("letter class");
        match hir.kind() {
            HirKind::Class(Class::Unicode(u)) => {
                u.ranges().iter().map(|r| (r.start(), r.end())).collect()
            }
            _ => Vec::new(),
        }
    });
    ranges
        .binary_search_by(|&(a, b)| {
            if b < c {
                std::cmp::Ordering::Less
            } else if a > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The English month forms, in the order the pattern's alternation tries them.
const MONTH_FORMS: [&str; 25] = [
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sept",
    "sepember",
    "sep",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
];

/// 0: `2016-09-14` (the year's four digits alone, the day's first two digits).
fn iso_ymd(t: &Text, (a, b): (usize, usize)) -> Option<(usize, Hit)> {
    if b - a != 4 || t.byte(b) != Some(b'-') {
        return None;
    }
    let start = t.lead(a, |c| !c.is_ascii_digit())?;
    let (m, e) = t.run(b + 1, 1, 2)?;
    if t.byte(e) != Some(b'-') {
        return None;
    }
    let dn = t.b[e + 1..]
        .iter()
        .take(2)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if dn == 0 {
        return None;
    }
    let d = number(&t.b[e + 1..e + 1 + dn]);
    let end = e + 1 + dn;
    let value = valid_ymd(number(&t.b[a..b]) as i32, m, d);
    Some((start, Hit::new(a, end, value)))
}

/// 4: `2022年3月14日`: the last four digits of a run are the year.
fn cjk(t: &Text, (a, b): (usize, usize)) -> Option<(usize, Hit)> {
    if b - a < 4 {
        return None;
    }
    let y0 = b - 4;
    let i = t.lit(t.skip_ws(b), "年")?;
    let i = t.skip_ws(i);
    let (m, i) = t.run(i, 1, 2)?;
    let i = t.lit(t.skip_ws(i), "月")?;
    let i = t.skip_ws(i);
    let (d, i) = t.run(i, 1, 2)?;
    let end = t.lit(t.skip_ws(i), "日")?;
    let value = valid_ymd(number(&t.b[y0..b]) as i32, m, d);
    Some((y0, Hit::new(y0, end, value)))
}

/// English ordinal suffixes of a day ("3rd", "14th").
const ORDINALS: [&str; 4] = ["st", "nd", "rd", "th"];

/// `(?:suffix)?,?\s+YYYY` after a day that ends at `i`, the suffix one of `suffixes` (case
/// folded with `fold`): the year and its end.
fn day_tail(t: &Text, i: usize, suffixes: &[&str], fold: bool) -> Option<(u32, usize)> {
    let j = t.opt(t.one_of(i, suffixes, fold), b',');
    t.year4(t.ws1(j)?)
}

/// Where a month word before the day `(a, b)` ends (`word\.?\s+day`): the day has one or two
/// digits and whitespace before it.
fn word_end_before_day(t: &Text, (a, b): (usize, usize)) -> Option<usize> {
    if b - a > 2 {
        return None;
    }
    let e = t.skip_ws_back(a);
    if e == a {
        return None;
    }
    Some(if e > 0 && t.b[e - 1] == b'.' {
        e - 1
    } else {
        e
    })
}

/// 1: English month first, `March 3, 2022`, also glued to a word before it ("KoMarch 3").
/// Anchored on the day: the month word is found backwards from it.
fn month_day_year(t: &Text, (a, b): (usize, usize)) -> Option<(usize, Hit)> {
    let e = word_end_before_day(t, (a, b))?;
    // The longest form ending there (each month's forms end differently, so at most one
    // month's); its start must follow a word boundary or a letter.
    let p = MONTH_FORMS.iter().find_map(|f| t.lit_i_back(e, f))?;
    let start = match t.before(p) {
        None => p,
        Some(c) if c.is_ascii_alphabetic() || c == 'ſ' || c == '\u{212A}' => {
            if c.is_ascii() {
                p - 1
            } else {
                p
            }
        }
        Some(c) if c.is_ascii_digit() || c == '_' => return None,
        Some(_) => p,
    };
    let (y, end) = day_tail(t, b, &ORDINALS, true)?;
    let day = number(&t.b[a..b]);
    let value = month_number(&t.s[p..e]).and_then(|m| valid_ymd(y as i32, m, day));
    Some((start, Hit::new(p, end, value)))
}

/// 2: English day first, `3rd March 2020`, `18th of Dec, 2025`.
fn day_month_year(t: &Text, (a, b): (usize, usize)) -> Option<(usize, Hit)> {
    if b - a > 2 {
        return None;
    }
    let start = t.lead(a, |c| !c.is_ascii_digit())?;
    let mut i = t.ws1(t.one_of(b, &ORDINALS, true))?;
    if let Some(e) = t.lit_i(i, "of").and_then(|e| t.ws1(e)) {
        i = e;
    }
    for f in MONTH_FORMS {
        let Some(j) = t.lit_i(i, f) else {
            continue;
        };
        let word_end = j;
        let j = t.opt(t.opt(j, b'.'), b',');
        let Some((y, end)) = t.ws1(j).and_then(|j| t.year4(j)) else {
            continue;
        };
        let day = number(&t.b[a..b]);
        let value = month_number(&t.s[i..word_end]).and_then(|m| valid_ymd(y as i32, m, day));
        return Some((start, Hit::new(a, end, value)));
    }
    None
}

/// 3: `2016/09/14`, `2016.09.14`, `14.09.2016`, `14/09/2016`, `09/14/2016`, `14-09-2016`.
fn numeric(t: &Text, (a, b): (usize, usize)) -> Option<(usize, Hit)> {
    let start = t.lead(a, |c| !matches!(c, '0'..='9' | '.' | '-' | '/'))?;
    let stop = b"./-";
    if b - a == 4 {
        let sep = |i: usize| matches!(t.byte(i), Some(b'/' | b'.'));
        if !sep(b) {
            return None;
        }
        let (m, i) = t.run(b + 1, 1, 2)?;
        if !sep(i) {
            return None;
        }
        let (d, i) = t.run(i + 1, 1, 2)?;
        let end = t.trail(i, stop)?;
        let value = valid_ymd(number(&t.b[a..b]) as i32, m, d);
        return Some((start, Hit::new(a, i, value).until(end)));
    }
    if b - a > 2 {
        return None;
    }
    let sep = |i: usize| matches!(t.byte(i), Some(b'/' | b'.' | b'-'));
    if !sep(b) {
        return None;
    }
    let (second, i) = t.run(b + 1, 1, 2)?;
    if !sep(i) {
        return None;
    }
    let (y, i) = t.run(i + 1, 4, 4)?;
    let end = t.trail(i, stop)?;
    let first = number(&t.b[a..b]);
    let value = if t.b[b] == b'/' && first <= 12 {
        valid_ymd(y as i32, first, second)
    } else {
        valid_ymd(y as i32, second, first)
    };
    Some((start, Hit::new(a, i, value).until(end)))
}

/// 5: day, month word in any language, year: `14. Februar 2012`, `3 de marzo de 2021`,
/// `1er mars 2020`, `3 października 2019`. The optional parts are tried in the pattern's
/// order, backtracking as it would.
fn day_word_year(t: &Text, (a, b): (usize, usize)) -> Option<(usize, Hit)> {
    if b - a > 2 {
        return None;
    }
    let start = t.lead(a, |c| !c.is_ascii_digit() && !is_letter(c))?;
    let day = number(&t.b[a..b]);
    let suffixes = [".", "º", "°", "er", "eme", "ème", "st", "nd", "rd", "th"];
    let after_suffix = suffixes
        .iter()
        .filter_map(|s| t.lit_i(b, s))
        .chain(std::iter::once(b));
    for i in after_suffix {
        let i = t.skip_ws(i);
        let connectors = ["de", "del", "of"]
            .iter()
            .filter_map(|w| t.lit_i(i, w).and_then(|e| t.ws1(e)))
            .chain(t.lit_i(i, "d'"))
            .chain(std::iter::once(i));
        for w in connectors {
            let (we, n) = t.letters(w);
            if n < 2 {
                continue;
            }
            let Some(j) = t.ws1(t.opt(t.opt(we, b'.'), b',')) else {
                continue;
            };
            let year = ["de", "del", "di"]
                .iter()
                .filter_map(|c| t.lit_i(j, c).and_then(|e| t.ws1(e)))
                .chain(std::iter::once(j))
                .find_map(|k| t.year4(k));
            let Some((y, end)) = year else {
                continue;
            };
            let value = month_number(&t.s[w..we]).and_then(|m| valid_ymd(y as i32, m, day));
            return Some((start, Hit::new(a, end, value)));
        }
    }
    None
}

/// 6: month word in any language, day, year: `Februar 14, 2012`, `Mayıs 3 2021`. Anchored
/// on the day: the word is found backwards from it.
fn word_day_year(t: &Text, (a, b): (usize, usize)) -> Option<(usize, Hit)> {
    let e = word_end_before_day(t, (a, b))?;
    let (p, n) = t.letters_back(e);
    if n < 3 {
        return None;
    }
    let start = t.lead(p, |c| !is_letter(c))?;
    let (y, end) = day_tail(t, b, &["st", "nd", "rd", "th", "."], false)?;
    let day = number(&t.b[a..b]);
    let value = month_number(&t.s[p..e]).and_then(|m| valid_ymd(y as i32, m, day));
    Some((start, Hit::new(p, end, value)))
}

/// 7: `30.10.23` (day, month, two-digit year).
fn short_year(t: &Text, (a, b): (usize, usize)) -> Option<(usize, Hit)> {
    if b - a != 2 || t.byte(b) != Some(b'.') {
        return None;
    }
    let start = t.lead(a, |c| !matches!(c, '0'..='9' | '.'))?;
    let (m, i) = t.run(b + 1, 2, 2)?;
    if t.byte(i) != Some(b'.') {
        return None;
    }
    let (yy, i) = t.run(i + 1, 2, 2)?;
    let end = t.trail(i, b".")?;
    let value = valid_ymd(full_year(yy), m, number(&t.b[a..b]));
    Some((start, Hit::new(a, i, value).until(end)))
}

/// 8: `4. 2. 2022` (day, month, year, spaced after the dots).
fn spaced_dots(t: &Text, (a, b): (usize, usize)) -> Option<(usize, Hit)> {
    if b - a > 2 || t.byte(b) != Some(b'.') {
        return None;
    }
    let start = t.lead(a, |c| !matches!(c, '0'..='9' | '.'))?;
    let (m, i) = t.run(t.ws1(b + 1)?, 1, 2)?;
    if t.byte(i) != Some(b'.') {
        return None;
    }
    let (y, i) = t.run(t.skip_ws(i + 1), 4, 4)?;
    let end = t.trail(i, b"")?;
    let value = valid_ymd(y as i32, m, number(&t.b[a..b]));
    Some((start, Hit::new(a, i, value).until(end)))
}

/// 9: `04-Aug-2021`, `04-ago-2021`, `4/Mar/2020` (a month word between dashes or slashes).
fn dashed_word(t: &Text, (a, b): (usize, usize)) -> Option<(usize, Hit)> {
    if b - a > 2 || !matches!(t.byte(b), Some(b'-' | b'/')) {
        return None;
    }
    let start = t.lead(a, |c| !c.is_ascii_digit() && !is_letter(c))?;
    let (we, n) = t.letters(b + 1);
    if n < 3 {
        return None;
    }
    let i = t.opt(we, b'.');
    if !matches!(t.byte(i), Some(b'-' | b'/')) {
        return None;
    }
    let (y, i) = t.run(i + 1, 4, 4)?;
    let end = t.trail(i, b"")?;
    let value =
        month_number(&t.s[b + 1..we]).and_then(|m| valid_ymd(y as i32, m, number(&t.b[a..b])));
    Some((start, Hit::new(a, i, value).until(end)))
}
