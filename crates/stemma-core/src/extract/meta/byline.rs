//! Bylines: the declared and the printed authors, and splitting a byline into names.

use super::*;

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
    let ld = clean(ld);
    let mut metas = Vec::new();
    for key in [
        "author",
        "article:author",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
        "byl",
    ] {
        for v in m.metas_all(key) {
            if v.starts_with("http") || v.starts_with('@') {
                continue;
            }
            metas.extend(split_authors(v));
        }
        if !metas.is_empty() {
            break;
        }
    }
    let metas = clean(metas);
    let visible = clean(visible_byline(m, anchor));
    let publisher = ld_field(arts, "publisher").as_ref().and_then(str_of);
    let (declared, org) = if ld.is_empty() {
        (metas, false)
    } else {
        (ld, ld_org)
    };
    // The declared author stands unless it is an organisation, the site itself or a user
    // name while the page prints a byline.
    let weak = |names: &[String]| {
        names.iter().all(|n| {
            is_username(n)
                || [site, publisher.as_deref()]
                    .iter()
                    .flatten()
                    .any(|s| crate::text::words(s) == crate::text::words(n))
        })
    };
    if !visible.is_empty() && (declared.is_empty() || org || weak(&declared)) {
        return visible;
    }
    declared
}

/// "jdoe", "jane.doe", "jdoe_82": a login, not a printed name.
pub(super) fn is_username(n: &str) -> bool {
    !n.contains(char::is_whitespace)
        && (n.contains(['.', '_'])
            || n.chars().any(|c| c.is_ascii_digit())
            || (n.chars().count() > 2 && n.chars().all(|c| c.is_lowercase())))
}

/// The byline printed next to the headline: the nearest byline element (or "By …" line).
pub(super) fn visible_byline(m: &PageMeta, anchor: Option<u32>) -> Vec<String> {
    let mut best: Option<(u32, Vec<String>)> = None;
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
        if best.as_ref().is_some_and(|(c, _)| *c <= cost) {
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
        if !names.is_empty() {
            best = Some((cost, names));
        }
    }
    best.map(|(_, n)| n).unwrap_or_default()
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
        let all_names =
            pieces.len() > 1 && pieces.iter().all(|p| looks_like_name(p) && !is_role(p));
        let chosen: Vec<&str> = if all_names {
            pieces
        } else {
            pieces.into_iter().take(1).collect()
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

/// Interface words that byline-classed elements hold when they hold no name.
pub(super) fn is_ui_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "explore"
            | "get"
            | "name"
            | "names"
            | "people"
            | "home"
            | "menu"
            | "search"
            | "share"
            | "more"
            | "authors"
            | "author"
            | "contributors"
            | "contributor"
            | "profile"
            | "bio"
            | "blog"
            | "login"
            | "subscribe"
            | "nominations"
            | "close"
            | "open"
            | "toggle"
            | "website"
            | "posts"
            | "articles"
            | "view"
            | "all"
            | "list"
            | "icon"
            | "avatar"
            | "image"
            | "photo"
            | "link"
            | "links"
            | "contact"
            | "follow"
            | "written"
            | "table"
            | "contents"
            | "e-mail"
            | "email"
            | "comment"
            | "comments"
            | "reply"
    )
}

/// Words that may sit in lower case inside a name.
pub(super) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "la"
            | "le"
            | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "bin"
            | "binti"
            | "al"
            | "el"
            | "ten"
            | "ter"
            | "y"
            | "e"
            | "dos"
            | "das"
            | "st"
    )
}

pub(super) fn is_weekday_or_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.').to_lowercase().as_str(),
        "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "today"
            | "yesterday"
    )
}

/// Words that end the name part of a byline: labels and connectors.
pub(super) fn is_stop_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "on" | "at"
            | "in"
            | "for"
            | "from"
            | "with"
            | "posted"
            | "updated"
            | "published"
            | "last"
            | "modified"
            | "reviewed"
            | "fact"
            | "checked"
            | "edited"
            | "read"
            | "min"
            | "mins"
            | "minute"
            | "minutes"
            | "comments"
            | "comment"
            | "views"
            | "share"
            | "sponsored"
            | "follow"
            | "email"
            | "twitter"
            | "view"
            | "more"
            | "about"
            | "is"
            | "was"
            | "has"
            | "the"
            | "of"
            | "to"
            | "a"
            | "an"
            | "our"
            | "your"
            | "we"
            | "you"
            | "this"
            | "that"
            | "it"
            | "are"
    )
}

/// Clean one name out of a byline piece; `None` when it is not a name.
pub(super) fn clean_name(piece: &str, lenient: bool) -> Option<String> {
    let piece = piece.trim().trim_matches(|c: char| {
        !c.is_alphanumeric() && c != '.' && c != '\'' && c != ')' && c != '('
    });
    let piece = strip_by_prefix(piece);
    let words: Vec<&str> = piece.split_whitespace().collect();
    let org = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
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
                || (is_stop_word(bare) && !joiner)
                || bare.is_empty() && w.len() > 1
                // "Jane Doe NEWSROOM": a capitalised name, then an upper-case credit.
                || (!org
                    && bare.chars().count() >= 3
                    && bare.chars().all(|c| c.is_uppercase())
                    && kept.len() >= 2
                    && kept.iter().all(|k| k.chars().skip(1).any(|c| c.is_lowercase()))))
        {
            break;
        }
        kept.push(w);
    }
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

pub(super) fn strip_by_prefix(p: &str) -> &str {
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    let prefix = PREFIX.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:(?:written|posted|reported|story|words|text|photos?|reviewed|edited|authored|article|guide|recipe|interview|analysis|opinion)\s*)?(?:by|von|par|por|door|av|author|authors|autor|auteur)(?:\s*[:\-]\s*|\s+)").expect("prefix")
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
    for seg in body.split(|c: char| matches!(c, GLUE | '|' | '•' | '·' | '—' | '–' | ';' | '\n'))
    {
        let seg = seg.split(" - ").next().unwrap_or("").trim();
        if seg.is_empty() {
            continue;
        }
        let seg = strip_by_prefix(seg);
        let mut out = Vec::new();
        for (k, piece) in seg.split(',').enumerate() {
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

/// "Staff Writer", "Senior Correspondent", "Contributor": a role, not a name.
pub(super) fn is_role(p: &str) -> bool {
    const ROLES: &[&str] = &[
        "writer",
        "editor",
        "correspondent",
        "reporter",
        "staff",
        "contributor",
        "columnist",
        "producer",
        "director",
        "chief",
        "senior",
        "associate",
        "bureau",
        "news",
        "desk",
        "analyst",
        "press",
        "team",
        "intern",
        "jr",
        "sr",
        "phd",
        "md",
        "professor",
        "editorial",
        "contributing",
        "special",
        "agency",
        "manager",
        "founder",
        "cofounder",
        "ceo",
        "cto",
        "cmo",
        "coo",
        "president",
        "head",
        "lead",
        "junior",
        "assistant",
        "deputy",
        "former",
        "executive",
        "reviewer",
        "expert",
        "specialist",
        "consultant",
        "coordinator",
        "strategist",
        "journalist",
        "researcher",
        "freelance",
        "freelancer",
        "managing",
        "marketing",
        "content",
        "tech",
        "technology",
        "ai",
        "seo",
        "photographer",
        "columnists",
        "writers",
        "editors",
        "reporters",
        "contributors",
    ];
    crate::text::words(p)
        .iter()
        .any(|w| ROLES.contains(&w.as_str()))
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
