//! Bylines: the declared and the printed authors, and splitting a byline into names.

use super::*;

#[cfg(test)]
mod tests;
mod words;

pub(super) use words::*;

pub(super) fn resolve_authors(
    m: &PageMeta,
    arts: &[&Value],
    anchor: Option<u32>,
    site: Option<&str>,
) -> Vec<String> {
    let clean = |v: Vec<String>| -> Vec<String> {
        dedup_names(v.into_iter().filter(|a| !is_not_a_name(a)).collect())
    };
    let mut ld = Vec::new();
    let mut ld_org = false;
    if let Some(a) = ld_field(arts, "author").or_else(|| ld_field(arts, "creator")) {
        collect_ld_people(&a, &mut ld);
        ld_org = is_organisation(&a);
    }
    let publisher = ld_field(arts, "publisher").as_ref().and_then(str_of);
    let outlet = |n: &String| {
        [site, publisher.as_deref()]
            .iter()
            .flatten()
            .any(|s| crate::text::words(s) == crate::text::words(n))
    };
    // "Jane Doe, John Roe, The Harbour Gazette": the outlet credited beside its writers.
    let clean = |v: Vec<String>| -> Vec<String> {
        let v = clean(v);
        if v.iter().any(|n| !outlet(n)) {
            v.into_iter().filter(|n| !outlet(n)).collect()
        } else {
            v
        }
    };
    let ld = clean(ld);
    let (metas, labelled) = declared_meta_authors(m);
    let metas = clean(metas);
    let shown = visible_byline(m, anchor);
    let visible = clean(shown.names);
    tracing::debug!(
        ?ld,
        ld_org,
        ?metas,
        labelled,
        ?visible,
        shown.prefixed,
        shown.cost,
        ?site,
        "byline candidates"
    );
    let (declared, org) = if !ld.is_empty() {
        (ld, ld_org)
    } else if !labelled || visible.is_empty() || shown.far {
        (metas, false)
    } else {
        // A "Written by" label in the share card is the CMS's user; the printed byline wins.
        (Vec::new(), false)
    };
    // The declared author stands unless it is an organisation, the site itself or a user
    // name while the page prints a byline.
    let weak = |names: &[String]| names.iter().all(|n| is_username(n) || outlet(n));
    // A declared one-word name ("KatieS") against a printed full name: a login.
    let one_word = |names: &[String]| names.iter().all(|n| !n.contains(char::is_whitespace));
    // A "By …" line right under the headline names who wrote this copy; a declared person
    // is often the account that posted it.
    // (Unless the declared name is the printed one less a tail: "Ida Lunde" against "Ida
    // Lunde Harbour Desk".)
    let inside = |d: &String| {
        visible
            .first()
            .is_some_and(|v| contains_words(&crate::text::words(v), &crate::text::words(d)))
    };
    let printed_by = shown.prefixed
        && shown.cost <= NEAR_HEADLINE
        && full_names(&visible)
        && !declared.iter().any(inside);
    if shown.far {
        return if declared.is_empty() {
            visible
        } else {
            declared
        };
    }
    if !visible.is_empty()
        && (declared.is_empty()
            || org
            || weak(&declared)
            || extends(&visible, &declared)
            || (one_word(&declared) && full_names(&visible))
            || printed_by)
    {
        return visible;
    }
    declared
}

/// How near the headline (in [`anchor_cost`] units) a "By …" line outranks a declared author.
const NEAR_HEADLINE: u32 = 10;

/// Names of two words or more, each capitalised: "Ida Lunde", not "ilunde" or "Editor".
fn full_names(names: &[String]) -> bool {
    !names.is_empty()
        && names.iter().all(|n| {
            let ws: Vec<&str> = n.split_whitespace().collect();
            ws.len() >= 2
                && ws
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase) || is_particle(w))
        })
}

/// The printed byline lists the declared author first and more names after it (a declared
/// value often keeps the lead author only): the printed list is the fuller one.
fn extends(visible: &[String], declared: &[String]) -> bool {
    // The same person, perhaps with a title before the name ("Dr Jane Doe").
    let same = |d: &str, v: &str| {
        let v: Vec<&str> = v
            .split_whitespace()
            .skip_while(|w| is_honorific(w))
            .collect();
        let d: Vec<&str> = d.split_whitespace().collect();
        !d.is_empty() && v == d
    };
    visible.len() > declared.len()
        && full_names(&visible[declared.len()..])
        && declared.iter().zip(visible).all(|(d, v)| same(d, v))
}

/// The authors the page's `<meta>` tags declare: the first key that names someone, in order
/// of trust; Dublin Core's contributor list when it holds the creator; Yoast's "Written by"
/// label (`twitter:label1` / `twitter:data1`) last.
fn declared_meta_authors(m: &PageMeta) -> (Vec<String>, bool) {
    let names_of = |key: &str| -> Vec<String> {
        let values = m
            .metas_all(key)
            .filter(|v| !v.starts_with("http") && !v.starts_with('@'));
        if key == "citation_author" {
            // One person a tag, often "Last, First".
            return values.filter_map(uninvert).collect();
        }
        values.flat_map(split_authors).collect()
    };
    for key in [
        "author",
        "article:author",
        "citation_author",
        "dc.creator",
        "dcterms.creator",
        "og:author",
        "article_author",
        "sailthru.author",
        "parsely-author",
        "cxenseparse:author",
        "byl",
    ] {
        let names = names_of(key);
        if names.is_empty() {
            continue;
        }
        if key == "dc.creator" {
            let all = names_of("dc.contributor");
            if all.len() > names.len() && names.iter().all(|n| all.contains(n)) {
                return (all, false);
            }
        }
        return (names, false);
    }
    // twitter:labelN "Written by" (and its translations) names the author in twitter:dataN.
    for (k, label) in &m.metas {
        let Some(n) = k.strip_prefix("twitter:label") else {
            continue;
        };
        if !is_byline_label(label) {
            continue;
        }
        let names = names_of(&format!("twitter:data{n}"));
        if !names.is_empty() {
            return (names, true);
        }
    }
    (Vec::new(), false)
}

/// One person's name as a citation tag gives it: "Doe, Jane A." → "Jane A. Doe".
fn uninvert(v: &str) -> Option<String> {
    let v = squash(v);
    let name = match v.split_once(',') {
        Some((last, first)) if !first.contains(',') && !first.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => v,
    };
    looks_like_name(&name).then_some(name)
}

/// "jdoe", "jane.doe", "jdoe_82": a login, not a printed name.
pub(super) fn is_username(n: &str) -> bool {
    !n.contains(char::is_whitespace)
        && (n.contains(['.', '_'])
            || n.chars().any(|c| c.is_ascii_digit())
            || (n.chars().count() > 2 && n.chars().all(|c| c.is_lowercase())))
}

/// The byline printed next to the headline.
#[derive(Debug, Default)]
pub(super) struct Visible {
    pub names: Vec<String>,
    /// Introduced by a byline word or label ("By", "Written by", "Author:", "Von").
    pub prefixed: bool,
    /// Distance from the headline ([`anchor_cost`]).
    pub cost: u32,
    /// Found away from the headline (an author box anywhere): a last resort.
    pub far: bool,
}

/// The byline printed next to the headline: the nearest byline element (or "By …" line).
pub(super) fn visible_byline(m: &PageMeta, anchor: Option<u32>) -> Visible {
    let mut best: Option<(u32, usize, Vec<String>)> = None;
    for (i, s) in m.snippets.iter().enumerate().filter(|(_, s)| !s.block) {
        let strong = s.hints.byline || s.hints.author_class;
        // "By Jane Doe" at the start, or after a date in a short dateline ("May 3, 2021 By
        // Jane Doe 4 comments").
        let prefixed = byline_prefix_re().is_match(&s.text)
            || (word_count(&s.text) <= 12 && after_by(&s.text).is_some());
        if !strong && !prefixed {
            continue;
        }
        let cost = match anchor {
            Some(a) => match anchor_cost(s.pos, a) {
                Some(c) => c,
                None => continue,
            },
            None => i as u32,
        };
        if best.as_ref().is_some_and(|(c, _, _)| *c <= cost) {
            continue;
        }
        let mut names = parse_byline(&s.text, strong);
        // A byline element holding only a lower-case name ("jane doe").
        if names.is_empty()
            && strong
            && (1..=3).contains(&word_count(&s.text))
            && s.text.chars().all(|c| c.is_lowercase() || c == ' ')
            && !crate::text::words(&s.text)
                .iter()
                .any(|w| is_stop_word(w) || is_ui_word(w) || w == "by" || w == "img")
        {
            names.push(s.text.clone());
        }
        tracing::debug!(pos = s.pos, cost, text = %s.text, ?names, "byline snippet");
        if !names.is_empty() {
            best = Some((cost, i, names));
        }
    }
    // Nothing near the headline: an author element anywhere (the author box after the
    // story), when it holds a full name.
    let far = best.is_none();
    if far {
        if let Some(a) = anchor {
            for (i, s) in m.snippets.iter().enumerate() {
                if s.block || !(s.hints.byline || s.hints.author_class) {
                    continue;
                }
                let cost = if s.pos < a {
                    (a - s.pos).saturating_mul(3)
                } else {
                    s.pos - a
                };
                if best.as_ref().is_some_and(|(c, _, _)| *c <= cost) {
                    continue;
                }
                let names = parse_byline(&s.text, false);
                if full_names(&names) {
                    best = Some((cost, i, names));
                }
            }
        }
    }
    let Some((cost, i, mut names)) = best else {
        return Visible::default();
    };
    let prefixed = byline_prefix_re().is_match(&m.snippets[i].text);
    // A list of author links, one element each ("<li><a rel=author>A</a></li><li>…"): the
    // names of the author links that follow a lone name closely join it.
    let mut prev = m.snippets[i].pos;
    if names.len() == 1 && names[0] == strip_by_prefix(&m.snippets[i].text) {
        for s in &m.snippets[i + 1..] {
            if s.block || s.pos > prev + 4 || !s.hints.byline {
                break;
            }
            let more = parse_byline(&s.text, true);
            if more.is_empty() || names.len() + more.len() > 12 {
                break;
            }
            names.extend(more);
            prev = s.pos;
        }
    }
    Visible {
        names,
        prefixed,
        cost,
        far,
    }
}

pub(super) fn contains_words(hay: &[String], needle: &[String]) -> bool {
    needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// A byline value that is a URL, handle or domain rather than a name.
pub(super) fn is_not_a_name(author: &str) -> bool {
    let a = author.to_lowercase();
    a.contains("http") || (a.contains('@') && !a.contains(' ')) || a.contains(".com")
}

/// Split a byline into names: "By A, B and C" → [A, B, C]; drops dates, roles after a comma
/// ("Jane Doe, Staff Writer"), e-mail addresses and "Updated" tails.
pub fn split_authors(s: &str) -> Vec<String> {
    split_declared(s)
}

/// Names in a declared author value (JSON-LD, `<meta name=author>`): usually clean, so only
/// prefixes, dates, separators and roles after a comma are taken off.
pub(super) fn split_declared(s: &str) -> Vec<String> {
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    static TAIL: OnceLock<Regex> = OnceLock::new();
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:(?:written|posted|reported|story|words|text|photos?)\s+)?(?:by|von|par|por|door|di|av|from|author|authors)\s*[:\-]?\s+").expect("prefix")
    });
    let tail = TAIL.get_or_init(|| {
        Regex::new(r"(?i)\s*(?:\||•|·|—|–|\s-\s|(?-u:\b)updated(?-u:\b)|(?-u:\b)published(?-u:\b)|(?-u:\b)posted(?-u:\b)|(?-u:\b)on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)|(?-u:\b)\d{1,2}[:/.]\d{1,2}|(?-u:\b)(?:19|20)\d{2}(?-u:\b)|(?-u:\b)follow(?-u:\b)|(?-u:\b)email(?-u:\b)|(?-u:\b)twitter(?-u:\b)).*$").expect("tail")
    });
    let s = squash(s);
    let s = prefix.replace(&s, "");
    let s = tail.replace(&s, "");
    let mut out = Vec::new();
    for part in s.split(';').flat_map(crate::lexicon::split_joined) {
        // "Name, Role" keeps the name; "A, B, C" keeps all names.
        let pieces: Vec<&str> = part
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        // Post-nominals ("Jane Doe, MD") stay with the name before them.
        let mut joined: Vec<String> = Vec::new();
        for p in pieces {
            match joined.last_mut() {
                Some(last) if is_credential(p) => *last = format!("{last}, {p}"),
                _ => joined.push(p.to_string()),
            }
        }
        let all_names =
            joined.len() > 1 && joined.iter().all(|p| looks_like_name(p) && !is_role(p));
        let chosen: Vec<&str> = if all_names {
            joined.iter().map(String::as_str).collect()
        } else {
            joined.iter().take(1).map(String::as_str).collect()
        };
        for p in chosen {
            let p = p
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != ')')
                .trim();
            let p = prefix.replace(p, "");
            if looks_like_name(&p) {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// Marks where texts of two elements ran together, or where a date was.
pub(super) const GLUE: char = '\u{1}';

/// Mark places where the texts of two elements ran together: a long lower-case run followed
/// by a capital ("Jane DoeStaff Writer", but not "McDonald" or "MacKenzie"), or a letter
/// followed by a digit ("Jane Doe7 min read").
pub(super) fn mark_glue(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut lower_run = 0usize;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let rest = &s[i..];
        if let Some(p) = prev {
            if (c.is_uppercase() && p.is_lowercase() && lower_run >= 3 && glued_label(rest))
                || (c.is_uppercase()
                    && p.is_lowercase()
                    && lower_run >= 3
                    && glued_name(&s[..i], rest))
                || (c.is_ascii_digit() && p.is_alphabetic())
            {
                out.push(GLUE);
            }
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        prev = Some(c);
        out.push(c);
    }
    out
}

/// Does `rest` (starting at a capital glued to a lower-case run of three or more) begin
/// another capitalised word after a full name ("Jane DoeJohn Roe", "Jane DoeEdTech")?
/// "McDonald", "MacKenzie", "DeShawn" have shorter runs before their inner capital; a
/// brand standing alone or after a byline word or a role ("ServiceTitan", "By
/// MixmasterFred", "Team SimplyThrilled") is one word.
pub(super) fn glued_name(before: &str, rest: &str) -> bool {
    let mut it = rest.chars();
    if !(it.next().is_some_and(char::is_uppercase) && it.next().is_some_and(char::is_lowercase)) {
        return false;
    }
    let mut words = before.rsplit(char::is_whitespace);
    let token = words.next().unwrap_or("");
    let Some(prev) = words.next() else {
        return false;
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let lower = prev.to_lowercase();
    capitalised(token)
        && capitalised(prev)
        && prev
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        && !is_role(prev)
        && !is_stop_word(prev)
        && !crate::lexicon::BYLINE_WORDS.contains(&lower.as_str())
}

/// Does `rest` (starting at a capital glued to a lower-case run) begin with a label, a role
/// or a month rather than more of a name ("DoeUpdated", "DoeStaff Writer", "DoeMarch 3")?
pub(super) fn glued_label(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .enumerate()
        .take_while(|&(k, c)| {
            c.is_alphabetic()
                && (k == 0
                    || c.is_lowercase()
                    || rest.chars().nth(1).is_some_and(|d| d.is_uppercase()))
        })
        .map(|(_, c)| c)
        .collect();
    let w = word.to_lowercase();
    is_role(&w)
        || is_stop_word(&w)
        || is_weekday_or_month(&w)
        || matches!(w.as_str(), "by" | "written" | "author" | "photo" | "photos")
}

/// Where the names start after a "by": "Posted on May 3 by Jane Doe", "Recipe by Jane Doe",
/// "ByJane Doe" (glued). A "by" followed by a lower-case word ("by default") does not count.
pub(super) fn after_by(t: &str) -> Option<&str> {
    let lower = t.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("by").map(|i| i + from) {
        from = i + 2;
        let start_ok = i == 0
            || !t[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric());
        if !start_ok {
            continue;
        }
        let rest = &t[i + 2..];
        let next = rest.chars().next();
        let body = match next {
            Some(c) if c.is_uppercase() => rest,
            Some(c) if c.is_whitespace() || c == ':' || c == GLUE => {
                rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == GLUE)
            }
            _ => continue,
        };
        // "Reviewed by", "Fact checked by", "Photos by": not the author.
        let before = t[..i].trim_end().to_lowercase();
        let helper = [
            "reviewed",
            "checked",
            "edited",
            "illustrated",
            "illustrations",
            "photos",
            "photo",
            "photography",
            "images",
            "image",
            "video",
            "produced",
            "translated",
            "verified",
            "approved",
            "sponsored",
            "powered",
            "presented",
            "narrated",
            "read",
        ]
        .iter()
        .any(|w| before.ends_with(w));
        if helper {
            continue;
        }
        if body.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            return Some(body);
        }
    }
    None
}

/// Where a second credit starts inside a byline ("… Reviewed by", "… Edited by", "… Fact
/// checked by", "… Photos by"), when something comes before it.
fn helper_credit(t: &str) -> Option<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)(?:medically\s+)?(?:reviewed|edited|fact[\s-]checked|checked|photos?|illustrations?|translated)\s+by\b").expect("helper credit")
    });
    re.find(t).map(|m| m.start()).filter(|&i| i > 0)
}

/// Clean one name out of a byline piece; `None` when it is not a name.
pub(super) fn clean_name(piece: &str, lenient: bool) -> Option<String> {
    let piece = piece.trim().trim_matches(|c: char| {
        !c.is_alphanumeric() && c != '.' && c != '\'' && c != ')' && c != '('
    });
    let piece = strip_by_prefix(piece);
    let words: Vec<&str> = piece.split_whitespace().collect();
    // "The Gull Notes editors" is an outlet's byline; "the end" is no name.
    let org = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && words
            .get(1)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
    let mut kept: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let next_cap = words
            .get(i + 1)
            .and_then(|n| n.chars().next())
            .is_some_and(|c| c.is_uppercase());
        let joiner = matches!(bare.to_lowercase().as_str(), "the" | "of" | "for") && next_cap;
        if i > 0
            && (bare.starts_with(|c: char| c.is_ascii_digit())
                || (is_role(bare)
                    && !org
                    && !matches!(
                        bare.to_lowercase().as_str(),
                        "team"
                            | "staff"
                            | "news"
                            | "desk"
                            | "press"
                            | "agency"
                            | "bureau"
                            | "editorial"
                            | "jr"
                            | "sr"
                    ))
                || (is_stop_word(bare) && !joiner && !is_initial(w))
                || bare.is_empty() && w.len() > 1
                // "Jane Doe NEWSROOM": a capitalised name, then an upper-case credit.
                || (!org
                    && bare.chars().count() >= 3
                    && !is_credential(bare)
                    && bare.chars().all(|c| c.is_uppercase())
                    && kept.len() >= 2
                    && kept.iter().all(|k| k.chars().skip(1).any(|c| c.is_lowercase()))))
        {
            break;
        }
        kept.push(w);
    }
    tidy_name_words(&mut kept);
    let name = kept.join(" ");
    let name = name
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
        .trim();
    if !looks_like_name(name)
        || name.contains(['<', '>', '=', '_', '{', '}'])
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let ws: Vec<&str> = name.split_whitespace().collect();
    if ws.len() > 5
        || ws
            .iter()
            .all(|w| is_role(w) || is_ui_word(w) || is_stop_word(w))
        || ws.iter().any(|w| is_weekday_or_month(w) && ws.len() == 1)
    {
        return None;
    }
    if is_stop_word(ws[0]) && !(ws[0].eq_ignore_ascii_case("the") && ws.len() > 1) {
        return None;
    }
    let capitalised = ws.iter().enumerate().all(|(k, w)| {
        let first = w.chars().find(|c| c.is_alphabetic());
        first.is_none_or(|c| c.is_uppercase())
            || is_particle(w)
            || (org && k > 0)
            || (matches!(*w, "the" | "of" | "for") && k + 1 < ws.len())
    });
    let username = ws.len() == 1 && lenient;
    if !capitalised && !username {
        return None;
    }
    Some(name.to_string())
}

/// A name's words as byline widgets print them: the avatar's initials before it ("CM Craig
/// McCarthy") and the name again after it ("Ida Lunde Ida Lunde", a card under a link) go.
fn tidy_name_words(kept: &mut Vec<&str>) {
    if kept.len() >= 3 {
        let initials: String = kept[1..]
            .iter()
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        let first = kept[0];
        if (1..=3).contains(&first.chars().count())
            && first.chars().all(char::is_uppercase)
            && initials.starts_with(first)
        {
            kept.remove(0);
        }
    }
    for k in 2..kept.len() {
        let again = (kept.len() - k).min(k);
        if kept[k..k + again] == kept[..again] {
            kept.truncate(k);
            break;
        }
    }
}

/// "A." or "A" inside a name: a middle initial, not the article "a".
fn is_initial(w: &str) -> bool {
    let mut it = w.trim_end_matches('.').chars();
    it.next().is_some_and(char::is_uppercase) && it.next().is_none()
}

pub(super) fn strip_by_prefix(p: &str) -> &str {
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:(?:written|posted|reported|story|words|text|photos?|reviewed|edited|authored|article|guide|recipe|interview|analysis|opinion|geschrieben|verfasst|escrito|écrit|rédigé|geschreven)\s*)?(?:by|von|par|por|door|av|author|authors|autor|auteur|contributors?|author\(s\)|words\s*:|scritto\s+da)(?:\s*[:\-]\s*|\s+)").expect("prefix")
    });
    match prefix.find(p) {
        Some(m) => &p[m.end()..],
        None => {
            // "ByJane Doe": a glued "By" before a capital.
            let mut it = p.char_indices();
            match (it.next(), it.next(), it.next()) {
                (Some((_, 'B' | 'b')), Some((_, 'y')), Some((i, c))) if c.is_uppercase() => &p[i..],
                _ => p,
            }
        }
    }
}

/// Names in a byline. `lenient` accepts a lone lower-case user name (declared values and
/// byline elements); visible "By …" texts need capitalised names.
pub(super) fn parse_byline(s: &str, lenient: bool) -> Vec<String> {
    let s = squash(s);
    if s.is_empty() || s.len() > 400 {
        return Vec::new();
    }
    let mut t = String::with_capacity(s.len());
    let mut last = 0;
    let dates = if crate::dates::may_hold_date(&s) {
        find_dates(&s)
    } else {
        Vec::new()
    };
    for (a, b, _) in dates {
        t.push_str(&s[last..a]);
        t.push(GLUE);
        last = b;
    }
    t.push_str(&s[last..]);
    let t = mark_glue(&t);
    let body = after_by(&t).unwrap_or(&t);
    // "By Jane Doe, MD. Reviewed by John Roe": the reviewer is not the author.
    let body = match helper_credit(body) {
        Some(cut) => &body[..cut],
        None => body,
    };
    for seg in body.split(|c: char| {
        matches!(
            c,
            GLUE | '|' | '•' | '·' | '●' | '×' | '—' | '–' | ';' | '\n'
        )
    }) {
        let seg = seg.split(" - ").next().unwrap_or("").trim();
        if seg.is_empty() {
            continue;
        }
        let seg = strip_by_prefix(seg);
        let mut out = Vec::new();
        for (k, piece) in seg.split(',').enumerate() {
            // "Jane Doe, MD, MPH": post-nominals stay with the name they follow.
            if k > 0 && is_credential(piece) {
                if let Some(last) = out.last_mut() {
                    let cred = piece.trim().trim_end_matches(',');
                    *last = format!("{last}, {cred}");
                    continue;
                }
            }
            if k > 0 && is_role(piece) {
                break;
            }
            let mut names = Vec::new();
            for person in crate::lexicon::split_joined(piece) {
                if let Some(n) = clean_name(person, lenient) {
                    names.push(n);
                }
            }
            if names.is_empty()
                || (k > 0
                    && names.iter().any(|n| {
                        n.split_whitespace()
                            .next()
                            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
                    }))
            {
                break;
            }
            out.extend(names);
        }
        if !out.is_empty() {
            return out;
        }
    }
    Vec::new()
}

pub(super) fn looks_like_name(p: &str) -> bool {
    let wc = word_count(p);
    (1..=6).contains(&wc)
        && p.chars().next().is_some_and(|c| c.is_alphanumeric())
        && !p.contains("http")
        && !p.contains('@')
        && !p.contains("{{")
        && p.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !matches!(
            p.to_lowercase().as_str(),
            "staff"
                | "admin"
                | "administrator"
                | "editor"
                | "guest"
                | "unknown"
                | "by"
                | "author"
                | "written by"
        )
}

/// "ABEL OSTRANDER Associated Press" → "ABEL OSTRANDER": a wire credit run into the last
/// name of a byline is the agency, not part of the person's name.
pub(super) fn strip_wire_suffix(name: &str) -> String {
    let trimmed = name.trim();
    for wire in crate::extract::notice::WIRE_NAMES {
        if let Some(raw) = trimmed.strip_suffix(wire) {
            let separated = raw.ends_with(|c: char| !c.is_alphanumeric());
            let head = raw
                .trim_end()
                .trim_end_matches([',', '/', '|', '-'])
                .trim_end();
            if separated && word_count(head) >= 2 && head.ends_with(|c: char| c.is_alphabetic()) {
                return head.to_string();
            }
        }
    }
    trimmed.to_string()
}

/// Keep the first of names that differ only in case.
pub fn dedup_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let n = strip_wire_suffix(&n);
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
            out.push(n);
        }
    }
    out
}
