//! Dates: the declared and the printed day of publication, and the update date.

use super::*;

#[cfg(test)]
mod tests;

// Work done choosing among datelines (candidates looked at), counted in tests to show that
// a page with many dates costs time in proportion to them.
#[cfg(test)]
thread_local! {
    static WORK: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[inline]
fn tick(_n: usize) {
    #[cfg(test)]
    WORK.with(|w| w.set(w.get() + _n as u64));
}

/// What the words just before a date say it is.
pub(super) fn label_before(text: &str, at: usize) -> DateKind {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .nth(30)
        .map(|(i, _)| i)
        .unwrap_or(0);
    // The last label word within the 30 characters before the date decides.
    for w in crate::text::words(&head[start..]).iter().rev() {
        match crate::lexicon::date_label(w) {
            Some(true) => return DateKind::Updated,
            Some(false) => return DateKind::Published,
            None => {}
        }
    }
    DateKind::Unknown
}

/// A date printed on the page near the headline.
#[derive(Debug, Clone)]
pub(super) struct VisibleDate {
    cost: u32,
    date: String,
    kind: DateKind,
    /// The other reading of an all-numeric date whose day and month could be swapped.
    swapped: Option<String>,
    /// The date was read month first ("03/10/2023" as March 10, the US order).
    month_first: bool,
    /// Where it was read: `byline` (a dateline near the headline), `text` (elsewhere),
    /// `time` or `microdata`.
    source: &'static str,
    /// The days of the other dates printed near the headline (not marked as updates).
    also: Vec<String>,
    /// Markup or a label says it is a date of the page (a date class, `<time>`, the byline,
    /// "Published …"): an unmarked date is only a date printed somewhere near.
    marked: bool,
    /// Words of its line besides the date and the time of day.
    words: usize,
}

/// The most elements between two neighbouring items of a run of dated items.
const RUN_GAP: u32 = 40;

/// Dates past this distance from the headline yield to declared ones.
pub(super) const NEAR_COST: u32 = 100;

/// An unmarked date counts this many times its distance: a marked one further away wins.
const UNMARKED_FACTOR: u32 = 3;

/// An unmarked date in a line of more than [`BARE_WORDS`] other words that disagrees with the
/// declared one wins only this close (its cost, the distance times [`UNMARKED_FACTOR`]):
/// directly under the headline, where the dateline is; further away it is a date the text
/// cites ("Encyclical of 25 December 2005:").
const UNMARKED_NEAR: u32 = 36;

/// The most other words a line may have and still be a bare dateline ("7 min read · May 3").
const BARE_WORDS: usize = 3;

/// The other reading of "03/10/2023" or "03.10.2023" (day and month swapped) than `read`,
/// if the text has one.
pub(super) fn swapped_reading(s: &str, read: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re =
        R.get_or_init(|| Regex::new(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$").expect("numeric date"));
    let c = re.captures(s.trim())?;
    let (a, b, y): (u32, u32, i32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    if a > 12 || b > 12 || a == b {
        return None;
    }
    let d1 = chrono::NaiveDate::from_ymd_opt(y, a, b)?
        .format("%Y-%m-%d")
        .to_string();
    let d2 = chrono::NaiveDate::from_ymd_opt(y, b, a)?
        .format("%Y-%m-%d")
        .to_string();
    Some(if d1 == read { d2 } else { d1 })
}

/// The date printed next to the headline, when the page prints one. A date is read from a
/// short dateline (a date and a few words, or a labelled / date-classed element), not from a
/// sentence; runs of dated items (related posts, comments, event listings) are skipped.
pub(super) fn visible_date(m: &PageMeta, anchor: Option<u32>) -> Option<VisibleDate> {
    dateline(m, anchor, false)
}

/// The last resort: the dateline nearest the headline (or first on the page) at any
/// distance, hinted or not, still not part of a run of dates.
fn any_dateline(m: &PageMeta, anchor: Option<u32>) -> Option<VisibleDate> {
    dateline(m, anchor, true)
}

fn dateline(m: &PageMeta, anchor: Option<u32>, loose: bool) -> Option<VisibleDate> {
    struct Cand {
        pos: u32,
        idx: usize,
        first: String,
        dates: Vec<(usize, usize, String)>,
        hinted: bool,
        labelled: bool,
        /// Words besides the dates (none, a few, more): with the hints, the shape of the item.
        words: usize,
    }
    let mut cands: Vec<Cand> = Vec::new();
    let reference = m.crawled;
    for (i, s) in m.snippets.iter().enumerate() {
        tick(1);
        let absolute = crate::dates::may_hold_date(&s.text);
        let hinted = s.hints.date_class || s.hints.time || s.hints.byline || s.hints.author_class;
        if !absolute && reference.is_none() && !hinted {
            continue;
        }
        let mut dates: Vec<_> = if absolute {
            find_dates(&s.text)
                .into_iter()
                .filter(|d| plausible(m, &d.2))
                .collect()
        } else {
            Vec::new()
        };
        // "von Jane Doe, 8.5.12": a short date, read only in a byline or date element (elsewhere
        // it may be a version or a score).
        if dates.is_empty() && hinted {
            dates.extend(short_date(&s.text).filter(|d| plausible(m, &d.2)));
        }
        // "vor 3 Tagen", "2 days ago": a day only counted back from the day the page was read.
        if dates.is_empty() {
            if let Some(r) = reference {
                dates.extend(
                    crate::dates::find_relative(&s.text)
                        .map(|(a, b, back)| (a, b, day_before(r, back))),
                );
            }
        }
        if dates.is_empty() {
            continue;
        }
        // Date markup vouches for a longer line than author markup does.
        let date_marked = s.hints.date_class || s.hints.time;
        // The text must be a dateline, not a sentence that mentions a date.
        let mut rest = String::new();
        let mut last = 0;
        for (a, b, _) in &dates {
            rest.push_str(&s.text[last..*a]);
            rest.push(' ');
            last = *b;
        }
        rest.push_str(&s.text[last..]);
        let labelled = dates
            .iter()
            .any(|(a, _, _)| label_before(&s.text, *a) != DateKind::Unknown);
        let limit = if date_marked {
            40
        } else if hinted || labelled || loose {
            14
        } else {
            8
        };
        let mut words = word_count(&rest) - clock_words(&rest);
        if words > limit {
            // "Karlsruhe, (12.11.2021). The council …": the dateline that opens a report.
            match leading_dateline(&s.text, &dates[0]) {
                Some(w) => words = w,
                None => continue,
            }
        }
        // "March 3 – April 9, 2022", "Mo. 15.11. – Di. 16.11.2021", "as of May 2, 2023": a
        // span or a reference, not a dateline.
        let lower = s.text.to_lowercase();
        if dates
            .windows(2)
            .any(|w| is_span_between(&s.text[w[0].1..w[1].0]))
            || lower.contains("as of ")
            || lower.contains("since ")
        {
            continue;
        }
        cands.push(Cand {
            pos: s.pos,
            idx: i,
            first: dates[0].2.clone(),
            dates,
            hinted,
            labelled,
            words,
        });
    }
    let mut found: Vec<(u32, VisibleDate)> = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        tick(1);
        if in_run(
            &cands,
            ci,
            |o| (m.snippets[o.idx].hints, o.words, o.labelled),
            |o| (o.pos, &o.first),
        ) {
            continue;
        }
        let cost = match anchor {
            _ if loose => anchor.map_or(c.idx as u32, |a| c.pos.abs_diff(a)),
            Some(a) => match anchor_cost(c.pos, a) {
                Some(x) => x,
                None => continue,
            },
            None if c.hinted || c.labelled => c.idx as u32,
            None => continue,
        };
        let marked = c.hinted || c.labelled;
        let cost = if marked || loose {
            cost
        } else {
            cost.saturating_mul(UNMARKED_FACTOR)
        };
        let text = &m.snippets[c.idx].text;
        // Of "Published X · Updated Y", the publication date.
        let pick = c
            .dates
            .iter()
            .find(|(a, _, _)| label_before(text, *a) != DateKind::Updated)
            .unwrap_or(&c.dates[0]);
        found.push((
            c.pos,
            VisibleDate {
                cost,
                date: pick.2.clone(),
                kind: label_before(text, pick.0),
                swapped: swapped_reading(&text[pick.0..pick.1], &pick.2),
                month_first: text[pick.0..pick.1].contains('/')
                    && text[pick.0..pick.1]
                        .split('/')
                        .next()
                        .is_some_and(|a| a.trim().len() <= 2),
                source: if anchor.is_some() && !loose {
                    "byline"
                } else {
                    "text"
                },
                also: Vec::new(),
                marked,
                words: c.words,
            },
        ));
    }
    if let Some(a) = anchor.filter(|_| !loose) {
        for t in &m.time_values {
            let Some(d) = parse_date(&t.value).filter(|d| plausible(m, d)) else {
                continue;
            };
            let Some(cost) = anchor_cost(t.pos, a) else {
                continue;
            };
            // A visible text at the same element wins (it is what the reader sees); the
            // machine value only fills in.
            found.push((
                t.pos,
                VisibleDate {
                    cost: cost + 1,
                    date: d,
                    kind: t.kind,
                    swapped: None,
                    month_first: false,
                    source: t.source,
                    also: Vec::new(),
                    marked: true,
                    words: 0,
                },
            ));
        }
    }
    let (pos, best) = found.iter().min_by_key(|(_, v)| v.cost)?;
    let mut pick = best;
    // An unlabelled date next to one marked as the publication (`itemprop=datePublished`,
    // "Published …"): the marked one.
    if best.kind == DateKind::Unknown {
        if let Some((_, other)) = found
            .iter()
            .filter(|(p, v)| p.abs_diff(*pos) <= 5 && v.kind == DateKind::Published)
            .min_by_key(|(_, v)| v.cost)
        {
            pick = other;
        }
    }
    // "June 3, 2021 · Updated May 5, 2024" in two elements: the one that is not the update.
    if best.kind == DateKind::Updated {
        if let Some((_, other)) = found
            .iter()
            .filter(|(p, v)| {
                p.abs_diff(*pos) <= 15
                    && v.kind != DateKind::Updated
                    && v.date.get(..10) != best.date.get(..10)
            })
            .min_by_key(|(_, v)| v.cost)
        {
            pick = other;
        }
    }
    let mut pick = pick.clone();
    // A day printed as the update anywhere near is no publication day, even unlabelled.
    let near = |updated: bool| {
        found
            .iter()
            .filter(move |(_, v)| {
                let reach = if v.marked { 1 } else { UNMARKED_FACTOR };
                v.cost <= NEAR_COST * reach && (v.kind == DateKind::Updated) == updated
            })
            .filter_map(|(_, v)| v.date.get(..10))
    };
    let updates: Vec<&str> = near(true).collect();
    pick.also = near(false)
        .filter(|d| !updates.contains(d))
        .map(str::to_string)
        .collect();
    Some(pick)
}

/// Is candidate `ci` an item of a run of dated items (related stories, comments, a list of
/// sources)? Items of one run have the same shape (markup hints, a date label or none, words
/// besides the date: none, a few, more), each within [`RUN_GAP`] elements of the next. A run: two or more
/// other dates among those items, or two or more such items (the same date repeated: "recorded
/// on") with two other dates within 60 elements whatever their shape.
fn in_run<C>(
    cands: &[C],
    ci: usize,
    shape: impl Fn(&C) -> (Hints, usize, bool),
    at: impl Fn(&C) -> (u32, &String),
) -> bool {
    let bucket = |w: usize| (w > 3) as u8 + (w > 8) as u8;
    let key = |o: &C| {
        let (h, w, labelled) = shape(o);
        (h, bucket(w), labelled)
    };
    let (pos, first) = at(&cands[ci]);
    let mine = key(&cands[ci]);
    let mut others: Vec<&String> = Vec::new();
    let mut items = 0;
    // Items of a run are at most 8 gaps away: no need to look further (linear in the page).
    let reach = |o: &&C| at(o).0.abs_diff(pos) <= 8 * RUN_GAP;
    let same = |o: &&C| {
        tick(1);
        key(o) == mine
    };
    let forward = cands[ci + 1..].iter().take_while(reach);
    let backward = cands[..ci].iter().rev().take_while(reach);
    for side in [
        &mut forward.filter(same) as &mut dyn Iterator<Item = &C>,
        &mut backward.filter(same),
    ] {
        let mut last = pos;
        for o in side.take(8) {
            let (p, d) = at(o);
            if p.abs_diff(last) > RUN_GAP {
                break;
            }
            last = p;
            items += 1;
            if d != first && !others.contains(&d) {
                others.push(d);
            }
        }
    }
    if others.len() >= 2 {
        return true;
    }
    if items < 2 {
        return false;
    }
    let mut near: Vec<&String> = Vec::new();
    for o in &cands[ci.saturating_sub(8)..(ci + 9).min(cands.len())] {
        tick(1);
        let (p, d) = at(o);
        if p.abs_diff(pos) <= 60 && d != first && !near.contains(&d) {
            near.push(d);
        }
    }
    near.len() >= 2
}

/// The first date written day, month and two-digit year with one-digit parts ("8.5.12",
/// "08.5.12"): `(start, end, YYYY-MM-DD)`, the forms [`find_dates`] leaves out.
fn short_date(text: &str) -> Option<(usize, usize, String)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?:^|[^\d.])((\d{1,2})\.(\d{1,2})\.(\d{2}))(?:[^\d.]|\.?$|\.\s)")
            .expect("short date")
    });
    re.captures_iter(text).find_map(|c| {
        let num = |i: usize| c[i].parse::<u32>().ok();
        let yy = num(4)?;
        let yy = i32::try_from(yy).ok()?;
        let now = chrono::Datelike::year(&crate::dates::today()) % 100;
        let year = if yy <= now { 2000 + yy } else { 1900 + yy };
        let d = chrono::NaiveDate::from_ymd_opt(year, num(3)?, num(2)?)?;
        let whole = c.get(1)?;
        Some((whole.start(), whole.end(), d.format("%Y-%m-%d").to_string()))
    })
}

/// Words a time of day adds to a dateline ("13:30" is two words, "Uhr" and "pm" one).
fn clock_words(s: &str) -> usize {
    let b = s.as_bytes();
    let colons = (1..b.len().saturating_sub(2))
        .filter(|&i| b[i] == b':' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
        .count();
    let units = crate::text::words(s)
        .iter()
        .filter(|w| {
            matches!(
                w.as_str(),
                "uhr" | "am" | "pm" | "h" | "hrs" | "heures" | "hs"
            )
        })
        .count();
    (colons + units).min(word_count(s))
}

/// "Karlsruhe, (12.11.2021). The council …", "BERLIN, 3. März 2021 – Die …": a report that
/// opens with its dateline (a place at most) and goes on with its text. The words of the
/// dateline (those before the date), or None for a date inside a sentence.
fn leading_dateline(text: &str, first: &(usize, usize, String)) -> Option<usize> {
    let before = word_count(&text[..first.0]);
    if before > 3 {
        return None;
    }
    let after = text[first.1..].trim_start_matches([')', ']', ' ']);
    after
        .starts_with(['.', ':', '–', '—', '-', '|', '/'])
        .then_some(before)
}

/// The opening of a long text when it starts with a dateline ("Karlsruhe, (12.11.2021).
/// Traditionell …"): its first words up to the date and a little after, kept as a dateline
/// though the text is too long to be one. Reads only the first [`OPENING`] bytes.
pub(in crate::extract::meta) fn opening_dateline(text: &str) -> Option<String> {
    let mut end = OPENING.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = squash(&text[..end]);
    if !crate::dates::may_hold_date(&head) {
        return None;
    }
    let first = find_dates(&head).into_iter().next()?;
    leading_dateline(&head, &first)?;
    // Up to a few characters past the date: enough to show what follows it.
    let mut cut = (first.1 + 3).min(head.len());
    while !head.is_char_boundary(cut) {
        cut += 1;
    }
    Some(head[..cut].trim_end().to_string())
}

/// How much of a long text [`opening_dateline`] reads.
const OPENING: usize = 120;

/// What stands between two dates of a span ("3. – 5. März 2021", "Mo. 15.11. - Di. 16.11.",
/// "May 3 to May 9"): a dash or a word for "to", perhaps with a weekday after it.
fn is_span_between(between: &str) -> bool {
    let b = between.trim();
    if b.chars().count() > 14 {
        return false;
    }
    let words = crate::text::words(b);
    // "May 3, 2021 – Updated May 5, 2021": two dates of the page, not a span.
    if words.len() > 2
        || words
            .iter()
            .any(|w| crate::lexicon::date_label(w).is_some())
    {
        return false;
    }
    b.starts_with(['-', '–', '—'])
        || words.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "to" | "until" | "through" | "till" | "bis" | "au" | "al" | "tot" | "a" | "do"
            )
        })
}

/// The day `back` days before `reference`, as `YYYY-MM-DD`.
fn day_before(reference: chrono::NaiveDate, back: u32) -> String {
    (reference - chrono::Duration::days(i64::from(back)))
        .format("%Y-%m-%d")
        .to_string()
}

/// Is day `a` at least `gap` days before day `b` (both `YYYY-MM-DD…`)?
fn before_by_days(a: &str, b: &str, gap: i64) -> bool {
    let parse = |s: &str| {
        s.get(..10)
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => (y - x).num_days() >= gap,
        _ => false,
    }
}

/// Two days next to each other: the same moment written in two time zones.
fn one_day_apart(a: Option<&str>, b: Option<&str>) -> bool {
    let parse =
        |s: Option<&str>| s.and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => (x - y).num_days().abs() == 1,
        _ => false,
    }
}

/// The page's declared date of last modification (JSON-LD `dateModified`, `article:modified_time`).
pub(super) fn declared_modified(m: &PageMeta, arts: &[&Value]) -> Option<String> {
    ld_field(arts, "dateModified")
        .as_ref()
        .and_then(str_of)
        .and_then(|s| parse_date(&s))
        .or_else(|| {
            m.meta(&["article:modified_time", "og:updated_time", "datemodified"])
                .and_then(parse_date)
        })
}

/// A publication date and where it was read (the record's `published_source`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub date: String,
    pub source: String,
}

/// A date a page can carry: not before 1995, not after the day it was read (the WARC
/// record's date when it came from a crawl, else today; a day's grace for time zones).
pub(super) fn plausible(m: &PageMeta, d: &str) -> bool {
    let Some(day) = d
        .get(..10)
        .and_then(|x| chrono::NaiveDate::parse_from_str(x, "%Y-%m-%d").ok())
    else {
        return false;
    };
    let read = m
        .crawled
        .map_or_else(crate::dates::today, |c| c.min(crate::dates::today()));
    chrono::Datelike::year(&day) >= crate::dates::MIN_YEAR
        && day <= read + chrono::Duration::days(1)
}

/// The keys of `<meta>` tags that declare the publication date, best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "article.published",
    "cxenseparse:recs:publishtime",
    "article:published",
    "og:article:published_time",
];

/// Any other meta key that names a publication date ("w-published-date", "published",
/// "citation_online_date", "uploadDate").
fn is_pub_key(k: &str) -> bool {
    let pubkey = (k.contains("publish") && !k.contains("publisher"))
        || k.contains("pubdate")
        || k.contains("pub-date")
        || k.contains("pub_date")
        || k.starts_with("citation_") && k.ends_with("date")
        || k.contains("upload_date")
        || k.contains("uploaddate")
        || k == "created"
        || k.ends_with(":date")
        || k.ends_with("_date");
    pubkey && !k.contains("modif") && !k.contains("updat")
}

/// A plausible date of the JSON-LD article objects' `key`.
fn ld_date(m: &PageMeta, arts: &[&Value], key: &str) -> Option<Published> {
    ld_field(arts, key)
        .as_ref()
        .and_then(str_of)
        .and_then(|s| parse_date(&s))
        .filter(|d| plausible(m, d))
        .map(|date| Published {
            date,
            source: "json-ld".into(),
        })
}

/// The publication date the page declares: JSON-LD `datePublished`, then `<meta>` tags.
fn declared_published(m: &PageMeta, arts: &[&Value]) -> Option<Published> {
    let ld = ld_date(m, arts, "datePublished");
    // Several article objects with different days (a list of related stories): the page's
    // own `<meta>` says which is this one.
    let ld_days: Vec<String> = arts
        .iter()
        .filter_map(|a| a.get("datePublished").and_then(str_of))
        .filter_map(|s| parse_date(&s).and_then(|d| d.get(..10).map(str::to_string)))
        .collect();
    let ambiguous = ld_days.iter().any(|d| Some(d) != ld_days.first());
    if ld.is_some() && !ambiguous {
        return ld;
    }
    declared_meta(m).or(ld)
}

/// The publication date of the page's `<meta>` tags.
fn declared_meta(m: &PageMeta) -> Option<Published> {
    let found = |date: String, source: String| Some(Published { date, source });
    for key in PUBLISHED_KEYS {
        if let Some(d) = m
            .metas_all(key)
            .find_map(|v| parse_date(v).filter(|d| plausible(m, d)))
        {
            return found(d, format!("meta:{key}"));
        }
    }
    m.metas.iter().find_map(|(k, v)| {
        if is_pub_key(k) {
            let d = parse_date(v).filter(|d| plausible(m, d))?;
            found(d, format!("meta:{k}"))
        } else {
            None
        }
    })
}

pub(super) fn resolve_date(
    m: &PageMeta,
    arts: &[&Value],
    anchor: Option<u32>,
    fetch_url: Option<&str>,
) -> Option<Published> {
    let declared = declared_published(m, arts);
    if tracing::enabled!(tracing::Level::TRACE) {
        tracing::trace!(?anchor, h1 = ?m.h1_pos, "dates: anchor");
        for sn in m
            .snippets
            .iter()
            .filter(|s| crate::dates::may_hold_date(&s.text))
        {
            tracing::trace!(pos = sn.pos, hints = ?sn.hints, text = %sn.text, "dates: snippet");
        }
        for t in &m.time_values {
            tracing::trace!(pos = t.pos, kind = ?t.kind, value = %t.value, "dates: time value");
        }
    }
    let modified = declared_modified(m, arts);
    let day = |d: &str| d.get(..10).map(str::to_string);
    let visible = visible_date(m, anchor).map(|mut v| {
        // "03/10/2023": the reading the page declares elsewhere.
        if let Some(alt) = v.swapped.take() {
            let known = [declared.as_ref().map(|d| d.date.clone()), modified.clone()];
            let times = m.time_values.iter().filter_map(|t| parse_date(&t.value));
            let mut known = known.into_iter().flatten().chain(times);
            if known.any(|k| day(&k).as_deref() == Some(alt.as_str()))
                || (v.month_first && day_first_page(m))
            {
                // The reading the page declares elsewhere, else the order of its language.
                v.date = alt;
            }
        }
        v
    });
    let shown = |v: VisibleDate| Published {
        date: v.date,
        source: v.source.to_string(),
    };
    let time_value = |kind: Option<DateKind>| {
        m.time_values.iter().find_map(|t| {
            if kind.is_some_and(|k| k != t.kind) {
                return None;
            }
            let date = parse_date(&t.value).filter(|d| plausible(m, d))?;
            Some(Published {
                date,
                source: t.source.to_string(),
            })
        })
    };
    let created = || ld_date(m, arts, "dateCreated");
    // The date in the URL: the fetch URL's, else the one the page gives as its own
    // (canonical link, og:url).
    let url_day = fetch_url
        .and_then(date_from_url)
        .or_else(|| m.canonical.as_deref().and_then(date_from_url))
        .or_else(|| m.meta(&["og:url"]).and_then(date_from_url))
        .filter(|d| plausible(m, d));
    let from_url = || {
        url_day.clone().map(|date| Published {
            date,
            source: "url".into(),
        })
    };
    let chosen = match (visible, declared) {
        (Some(v), Some(d)) => {
            let vd = day(&v.date);
            if vd == day(&d.date) {
                Some(d)
            } else if url_day.is_some() && (url_day == vd) != (url_day == day(&d.date)) {
                // The URL's date settles a disagreement.
                Some(if url_day == vd { shown(v) } else { d })
            } else if day(&d.date).is_some_and(|dd| v.also.contains(&dd)) {
                // The declared day is printed near the headline too: the nearest date is
                // something else (a photo's date, an event's).
                Some(d)
            } else if v.cost > NEAR_COST
                || (!v.marked && v.words > BARE_WORDS && v.cost > UNMARKED_NEAR)
                || v.kind == DateKind::Updated
                || (modified.as_deref().and_then(day) == vd
                    && !one_day_apart(vd.as_deref(), day(&d.date).as_deref()))
            {
                // A far date, an unmarked one not right under the headline (a date the text
                // cites), or the page's update date: the declared publication wins. A date
                // near the headline one day off the declared one is the same moment in the
                // page's own zone (even when the update fell on that day): the printed day.
                Some(d)
            } else {
                Some(shown(v))
            }
        }
        (Some(v), None) if v.kind == DateKind::Updated => {
            // Only an update date is printed: a publication date declared anywhere else wins.
            time_value(Some(DateKind::Published))
                .or_else(created)
                .or_else(from_url)
                .or(Some(shown(v)))
        }
        (Some(v), None) => Some(shown(v)),
        // The page's own URL dated before its declared publication: the URL was made when
        // the page first went up, the declaration was set again later (a republication).
        (None, Some(d))
            if url_day
                .as_deref()
                .is_some_and(|u| before_by_days(u, &d.date, 2)) =>
        {
            from_url()
        }
        (None, Some(d)) => Some(d),
        // Nothing near the headline and nothing declared: a labelled or date-classed date
        // anywhere on the page.
        (None, None) if anchor.is_some() => visible_date(m, None).map(shown),
        (None, None) => None,
    };
    let chosen = chosen.map(|c| {
        // A declared UTC time and a `<time>` / microdata value of the same moment in the
        // page's own zone, one day apart: the local day.
        if !is_utc(&c.date) {
            return c;
        }
        m.time_values
            .iter()
            .filter(|t| t.kind != DateKind::Updated)
            .filter_map(|t| parse_date(&t.value))
            .find(|t| !is_utc(t) && same_moment(t, &c.date) && day(t) != day(&c.date))
            .map_or(c, |date| Published {
                date,
                source: "time".into(),
            })
    });
    chosen
        .or_else(|| time_value(Some(DateKind::Published)))
        .or_else(|| time_value(None))
        .or_else(created)
        .or_else(from_url)
        .or_else(|| any_dateline(m, anchor).map(shown))
}

/// Two date-times of the same moment, one perhaps written without its zone: the same
/// instant, or (without a zone) the same minutes and seconds less than a day apart.
fn same_moment(a: &str, b: &str) -> bool {
    use chrono::DateTime;
    let zoned = |s: &str| DateTime::parse_from_rfc3339(s).ok();
    let naive = |s: &str| {
        let s = s.get(..19)?.replacen(' ', "T", 1);
        chrono::NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M:%S").ok()
    };
    if let (Some(x), Some(y)) = (zoned(a), zoned(b)) {
        return x == y;
    }
    match (naive(a), naive(b)) {
        (Some(x), Some(y)) => {
            let gap = (x - y).num_seconds().abs();
            gap < 86_400 && gap % 900 == 0
        }
        _ => false,
    }
}

/// The page's language writes the day before the month (all but US English).
fn day_first_page(m: &PageMeta) -> bool {
    let lang = m
        .html_lang
        .as_deref()
        .or_else(|| m.meta(&["content-language", "og:locale", "dc.language", "language"]))
        .map(|l| l.trim().to_ascii_lowercase().replace('_', "-"));
    match lang.as_deref() {
        None | Some("") => false,
        Some(l) => !(l == "en" || l.starts_with("en-us")),
    }
}

/// A date-time in UTC ("…T05:30:59Z", "…+00:00"): its day may not be the page's own.
fn is_utc(d: &str) -> bool {
    d.len() > 10 && (d.ends_with('Z') || d.ends_with("+00:00"))
}

pub(super) fn date_from_url(url: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    // "/2019/11/05/", "/2019-11-05-", and a path segment written day first ("/29-10-2021").
    let re = R.get_or_init(|| {
        Regex::new(r"/(?:((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})|(\d{1,2})-(\d{1,2})-((?:19|20)\d{2}))(?:[/\-+_.?#]|$)")
            .expect("url date regex")
    });
    // Percent-encoded slashes ("%2F") are slashes for this purpose.
    let decoded;
    let url = if url.contains("%2F") || url.contains("%2f") {
        decoded = url.replace("%2F", "/").replace("%2f", "/");
        decoded.as_str()
    } else {
        url
    };
    let c = re.captures(url)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = match num(1) {
        Some(y) => (y, num(2)?, num(3)?),
        None => (num(6)?, num(5)?, num(4)?),
    };
    let d = chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some(d.format("%Y-%m-%d").to_string())
}

/// The day of a WARC-Date ("2024-03-05T10:20:30Z"): the day the page was read.
pub fn crawl_day(warc_date: &str) -> Option<chrono::NaiveDate> {
    let d = crate::text::parse_date(warc_date)?;
    chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()
}
