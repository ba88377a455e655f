//! Republication notices, wire credits and footer boilerplate, read from lines of text.
//!
//! Both extraction paths (HTML and Markdown/text) reduce a page to blocks of text; this module
//! decides which trailing blocks are a footer, and which words name the original source.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::RepublishedFrom;

/// Patterns that name an original source; group `name` is the source.
fn notice_regexes() -> &'static [Regex] {
    static R: OnceLock<Vec<Regex>> = OnceLock::new();
    R.get_or_init(|| {
        // No bound on the name here: a bounded repetition of a Unicode class compiles to one
        // copy of the class per step (120 here, ×5 patterns); `parse_notice` bounds it.
        let name = r"(?P<name>[^\n]{2,}?)";
        let end = r"\s*\.?\s*$";
        [
            format!(r"(?i)^\s*the original source of this (?:article|piece|story|post) is\s+{name}{end}"),
            format!(r"(?i)^\s*(?:this (?:article|piece|story|post|essay|op-ed|report)\s+)?(?:was\s+|is\s+)?(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:on|at|in|by|with)\s+{name}{end}"),
            format!(r"(?i)^\s*(?:this (?:article|piece|story|post)\s+)?(?:is\s+)?(?:reprinted|republished|reproduced|cross-?posted|syndicated)\s+(?:here\s+)?(?:with (?:the\s+)?(?:kind\s+)?permission\s+)?(?:from|of)\s+{name}{end}"),
            format!(r"(?i)^\s*(?:this (?:article|piece|story|post)\s+)?(?:is\s+)?(?:reprinted|republished|reproduced)\s+(?:here\s+)?(?:with (?:the\s+)?permission|under a creative commons licen[cs]e)\s*(?:from|of|by)\s+{name}{end}"),
            format!(r"(?i)^\s*(?:originally published|first published|source|via)\s*(?:at|on|in|by)?\s*:\s*{name}{end}"),
        ]
        .iter()
        .map(|p| Regex::new(p).expect("notice regex"))
        .collect()
    })
}

/// Wire agencies whose credit marks a story as theirs.
const WIRES: &[(&str, &str)] = &[
    ("Reuters", "Reuters"),
    ("AP", "Associated Press"),
    ("Associated Press", "Associated Press"),
    ("AFP", "AFP"),
    ("Agence France-Presse", "AFP"),
    ("Agence France Presse", "AFP"),
    ("Bloomberg", "Bloomberg"),
    ("dpa", "dpa"),
    ("UPI", "UPI"),
    ("PA", "PA Media"),
    ("PA Media", "PA Media"),
    ("ANSA", "ANSA"),
    ("Xinhua", "Xinhua"),
    ("TASS", "TASS"),
    ("Interfax", "Interfax"),
    ("CNA", "CNA"),
    ("IANS", "IANS"),
    ("PTI", "PTI"),
    ("Kyodo", "Kyodo"),
    ("Yonhap", "Yonhap"),
    ("EFE", "EFE"),
];

/// Agency names as they end a byline ("… Associated Press").
pub const WIRE_NAMES: &[&str] = &[
    "The Associated Press",
    "Associated Press",
    "Reuters",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "Bloomberg News",
];

/// The most characters a notice's source name may have.
const MAX_NAME_CHARS: usize = 120;

/// Read a republication notice from one block of text. `link` is the URL the notice links to.
pub fn parse_notice(block: &str, link: Option<&str>) -> Option<RepublishedFrom> {
    let line = block.trim();
    if line.len() > 400 {
        return None;
    }
    // A cheap DFA test first: most blocks name no source at all.
    static HINT: OnceLock<Regex> = OnceLock::new();
    let hint = HINT.get_or_init(|| {
        Regex::new(r"(?i)original|first|reprint|republish|reproduc|cross-?post|syndicat|source|via")
            .expect("notice hint regex")
    });
    if !hint.is_match(line) {
        return None;
    }
    for re in notice_regexes() {
        if let Some(c) = re.captures(line) {
            let mut raw = c.name("name").map(|m| m.as_str()).unwrap_or("");
            if !crate::text::at_most_chars(raw, MAX_NAME_CHARS) {
                continue;
            }
            // "X on March 3, 2021" / "X, 3 March 2021": the date is the original's.
            let mut published = None;
            if let Some((at, date)) = crate::text::find_date(raw) {
                published = Some(date);
                raw = raw[..at].trim_end();
                for tail in [" on", " in", ",", " -", " –"] {
                    raw = raw.strip_suffix(tail).unwrap_or(raw).trim_end();
                }
            }
            let (name, url) = split_name_url(raw);
            if name.is_none() && url.is_none() {
                continue;
            }
            return Some(RepublishedFrom {
                name,
                url: url.or_else(|| link.filter(|l| l.starts_with("http")).map(str::to_string)),
                published,
                evidence: Some(crate::text::squash(line)),
            });
        }
    }
    None
}

/// "South Front", "https://southfront.org/x", "South Front (southfront.org)" → (name, url).
fn split_name_url(raw: &str) -> (Option<String>, Option<String>) {
    // The outlet's name ends where the sentence goes on ("X under a Creative Commons
    // license. Read the original", "X and is republished here with permission").
    static REST: OnceLock<Regex> = OnceLock::new();
    let rest = REST.get_or_init(|| {
        Regex::new(r"(?i)(?:\.\s+[A-Z]|\s+(?:under\s+(?:a|the)(?-u:\b)|and\s+is(?-u:\b)|and\s+(?:has\s+been|was)(?-u:\b)|with\s+(?:the\s+)?(?:kind\s+)?permission(?-u:\b)|is\s+republished(?-u:\b)|\|)|;\s)")
            .expect("notice rest regex")
    });
    let raw = rest.find(raw).map_or(raw, |m| &raw[..m.start()]);
    let raw = raw.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    let mut url = None;
    let mut name = raw.to_string();
    if let Some(i) = raw.find("http://").or_else(|| raw.find("https://")) {
        let u: String = raw[i..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ')')
            .collect();
        url = Some(u.trim_end_matches(['.', ',']).to_string());
        name = raw[..i]
            .trim()
            .trim_end_matches(['(', ':', '-', ','])
            .trim()
            .to_string();
    }
    let name = name.trim_start_matches("the ").trim();
    let name = if name.is_empty() || name.split_whitespace().count() > 12 {
        None
    } else {
        Some(name.to_string())
    };
    (name, url)
}

/// A wire credit at the start of a body ("WASHINGTON (Reuters) -", "(AP) —") or a byline
/// that is a wire ("Reuters", "By Associated Press", "Staff and agencies").
pub fn wire_credit(text: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^[^\n]{0,80}?\((?P<wire>[A-Za-z][A-Za-z .\-]{1,30})\)\s*[-–—:]")
            .expect("wire regex")
    });
    let head: String = text.chars().take(200).collect();
    let c = re.captures(&head)?;
    let w = c.name("wire")?.as_str().trim();
    WIRES
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(w))
        .map(|&(_, name)| name.to_string())
}

/// Is this byline a wire agency? Returns its canonical name.
pub fn wire_byline(author: &str) -> Option<String> {
    let a = author
        .trim()
        .trim_start_matches("By ")
        .trim_start_matches("by ")
        .trim();
    WIRES
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(a) || a.eq_ignore_ascii_case(&format!("The {k}")))
        .map(|&(_, name)| name.to_string())
}

/// Boilerplate blocks: copyright lines, disclaimers, calls to share, subscribe or comment.
/// `is_footer_start` says whether everything from here on is footer.
pub fn boilerplate(block: &str) -> Option<Boilerplate> {
    // Patterns are kept free of leading and trailing wildcards (the block's length bounds
    // them instead), so that every one of them runs as a DFA, not a backtracking search; and
    // free of bounded repetitions of a character class (the block's length bounds those too):
    // `[^)]{1,60}` compiles to 60 copies of the class's UTF-8 automaton, and each such
    // pattern cost about 2 ms of every run's start-up.
    static START: OnceLock<Regex> = OnceLock::new();
    static START_SHORT: OnceLock<Regex> = OnceLock::new();
    static LINE_EXACT: OnceLock<Regex> = OnceLock::new();
    static LINE_PREFIX: OnceLock<Regex> = OnceLock::new();
    static LINE_CONTAINS: OnceLock<Regex> = OnceLock::new();
    // Footer openers, anywhere in a block under 600 bytes.
    let start = START.get_or_init(|| {
        Regex::new(
            r"(?ix)^\s*(?:
                (?:\*\*)?disclaimer(?-u:\b)
              | copyright(?-u:\b) | ©\s*(?:copyright\s*)?\d{4} | \(c\)\s*\d{4} | all\ rights\ reserved
              | the\ (?:views|opinions)\ expressed\ (?:in\ this|herein|are)
              | articles\ by\s*:
              | comment\ on\ \S+(?:\ \S+){0,6}\ (?:articles|facebook)
              | become\ a\ member\ of
              | for\ media\ inquiries
            )",
        )
        .expect("footer regex")
    });
    // Section headings that open teasers: only as a short line of their own.
    let start_short = START_SHORT.get_or_init(|| {
        Regex::new(
            r"(?ix)^\s*(?:
                (?:related|recommended)\ (?:articles|stories|posts|reading)
              | you\ (?:may|might)\ also\ like | more\ from | read\ next | trending\ now
              | leave\ a\ (?:comment|reply) | share\ this(?:\ article|\ story)?
              | (?:our\ |the\ )?(?:latest|top|more|recent|popular|related|trending|recommended|featured|other)\ (?:news|stories|articles|posts|videos|headlines|reads|content)
              | also\ in\ the\ news | explore\ more | most\ popular | recommended\ for\ you | don'?t\ miss
              | editor'?s\ picks? | in\ case\ you\ missed\ it
              # the same teaser headings in other languages (de, fr, es, it, pt, pl)
              | mehr\ zum\ thema | lesen\ sie\ (?:auch|mehr) | das\ könnte\ (?:dich|sie)\ (?:auch\ )?interessieren
              | weitere\ (?:artikel|beiträge|nachrichten|meldungen) | ähnliche\ (?:artikel|beiträge) | verwandte\ artikel
              | auch\ interessant | lust\ auf\ mehr | empfehlungen\ aus\ dem
              | (?:à\ )?lire\ aussi | sur\ le\ même\ (?:sujet|thème) | à\ découvrir
              | (?:te\ )?puede\ interesar(?:te)? | (?:noticias|notas|artículos)\ relacionad[oa]s | lee\ también | más\ noticias
              | leggi\ anche | potrebbe\ interessarti | articoli\ correlati
              | leia\ também | veja\ também | czytaj\ (?:także|też) | zobacz\ (?:także|też)
            )(?-u:\b)",
        )
        .expect("teaser heading regex")
    });
    let exact = LINE_EXACT.get_or_init(|| {
        Regex::new(
            r"(?ix)^\s*(?:
                advertisements? | sponsored(?:\ content)? | scroll\ to\ continue(?:\ with\ content)?
              | (?:share|tweet|email|print)(?:\ (?:this|on\ \w+))?
              | continue\ reading(?:\ below)? | story\ continues\ below(?:\ advertisement)?
              | image\ \d+\ of\ \d+ | caption|close|enlarge|expand|zoom|play|pause|replay|next|previous|prev
            )\s*[.!:]?\s*$",
        )
        .expect("boilerplate line regex")
    });
    let prefix = LINE_PREFIX.get_or_init(|| {
        Regex::new(
            r"(?ix)^\s*(?:
                (?:click|tap)\ here\ to(?-u:\b) | follow\ us\ on(?-u:\b)
              | read\ (?:more|also)\s*: | (?:also\ read|see\ also|related)\s*:
              | image\ (?:source|credit)s?\s*[:,] | (?:photo|picture|image)\s*:\ 
              | \[\w+\ [^\]]*=
              | \(?(?:reporting|writing|additional\ reporting|editing|compiled)\ by(?-u:\b)
            )",
        )
        .expect("boilerplate prefix regex")
    });
    let contains = LINE_CONTAINS.get_or_init(|| {
        Regex::new(
            r"(?ix)
                (?-u:\b)(?:follow\ (?:him|her|them|us|me)\ on|follow\ @\w+|(?:can|may)\ be\ reached\ at|reach\ (?:him|her|them|us)\ at|e-?mail\ (?:him|her|them|us)\ at|have\ a\ (?:news\ )?tip\?)
              | (?:requires|enable)\ javascript
              | getty\ images|ap\ photo|afp\ photo|afp\ via\ getty|reuters/|shutterstock|istockphoto|photo\ credit|image\ credit
            ",
        )
        .expect("boilerplate contains regex")
    });
    static NEWSLETTER: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (nl, nl_verb) = NEWSLETTER.get_or_init(|| {
        (
            Regex::new(r"(?i)(?-u:\b)newsletters?(?-u:\b)").expect("newsletter regex"),
            Regex::new(r"(?i)(?-u:\b)(?:subscribe|sign\ up|signup|inbox)(?-u:\b)")
                .expect("newsletter verb regex"),
        )
    });
    let t = block.trim();
    if t.is_empty() {
        return None;
    }
    if t.len() < 600 && start.is_match(t) {
        return Some(Boilerplate::FooterStart);
    }
    if t.len() < 90 && start_short.is_match(t) {
        return Some(Boilerplate::FooterStart);
    }
    if t.len() < 300
        && (exact.is_match(t)
            || credit_line(t)
            || prefix.is_match(t)
            || contains.is_match(t)
            || credit_inside(t)
            || (nl.is_match(t) && nl_verb.is_match(t)))
    {
        return Some(Boilerplate::Line);
    }
    None
}

/// A line that is only a credit in parentheses: "(Photo/Reuters)", "(AP Photo/Jo Bloggs)."
/// Each side of the slash is 2 to 60 characters, with no parenthesis or slash of its own.
fn credit_line(t: &str) -> bool {
    let t = t.strip_suffix(['.', '!', ':']).unwrap_or(t).trim_end();
    let Some(inner) = t.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
        return false;
    };
    let side = |x: &str| (2..=60).contains(&x.chars().count()) && !x.contains(['(', ')']);
    matches!(inner.split_once('/'), Some((a, b)) if side(a) && side(b) && !b.contains('/'))
}

/// A credit in parentheses anywhere in the line: "(Photo: Jo Bloggs)", "(Images: …)", with
/// 1 to 60 characters after the colon.
fn credit_inside(t: &str) -> bool {
    static OPEN: OnceLock<Regex> = OnceLock::new();
    let open = OPEN.get_or_init(|| {
        Regex::new(r"(?i)\((?:image|photo|picture|credit|source)s?\s*:")
            .expect("credit opener regex")
    });
    open.find_iter(t).any(|m| {
        let rest = &t[m.end()..];
        let Some(close) = rest.find(')') else {
            return false;
        };
        // The spaces after the colon may count as the credit's own characters, so the
        // credit is 1 to 60 characters counting them, and at most 60 not counting them.
        let inner = &rest[..close];
        let all = inner.chars().count();
        let words = inner.trim_start().chars().count();
        all >= 1 && words <= 60
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boilerplate {
    /// This block and everything after it is footer.
    FooterStart,
    /// Just this block is noise.
    Line,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teaser_headings_in_other_languages() {
        for h in [
            "Mehr zum Thema",
            "Lesen Sie auch:",
            "À lire aussi",
            "Noticias relacionadas",
            "Leggi anche",
        ] {
            assert_eq!(boilerplate(h), Some(Boilerplate::FooterStart), "{h}");
        }
        assert_eq!(boilerplate("Mehr zum Thema Wohnen finden Sie in unserem langen Archiv von Berichten über Mieten und Preise in der Stadt, die seit zehn Jahren steigen und steigen."), None);
    }

    #[test]
    fn original_source() {
        let n = parse_notice("The original source of this article is South Front", None).unwrap();
        assert_eq!(n.name.as_deref(), Some("South Front"));
        let n = parse_notice(
            "This article was originally published on The Harbour Ledger on March 3, 2021.",
            Some("https://harbour-ledger.test/a"),
        )
        .unwrap();
        assert_eq!(n.name.as_deref(), Some("The Harbour Ledger"));
        assert_eq!(n.published.as_deref(), Some("2021-03-03"));
        assert_eq!(n.url.as_deref(), Some("https://harbour-ledger.test/a"));
        let n = parse_notice("Reprinted with permission from Valley Courier.", None).unwrap();
        assert_eq!(n.name.as_deref(), Some("Valley Courier"));
        let n = parse_notice(
            "This story first appeared on https://north-star.test/x",
            None,
        )
        .unwrap();
        assert_eq!(n.url.as_deref(), Some("https://north-star.test/x"));
        assert!(parse_notice("The minister said the original plan failed.", None).is_none());
    }

    #[test]
    fn wires() {
        assert_eq!(
            wire_credit("WASHINGTON (Reuters) - The Senate voted").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            wire_credit("PARIS (AFP) — Talks resumed").as_deref(),
            Some("AFP")
        );
        assert!(wire_credit("The minister (left) - pictured").is_none());
        assert_eq!(
            wire_byline("By Associated Press").as_deref(),
            Some("Associated Press")
        );
    }

    #[test]
    fn footers() {
        assert_eq!(
            boilerplate("Copyright © South Front, 2016"),
            Some(Boilerplate::FooterStart)
        );
        assert_eq!(
            boilerplate("**Disclaimer:** The contents of this article…"),
            Some(Boilerplate::FooterStart)
        );
        assert_eq!(boilerplate("Advertisement"), Some(Boilerplate::Line));
        assert_eq!(
            boilerplate("The advertisement industry grew by 4% last year."),
            None
        );
    }

    #[test]
    fn credits_in_parentheses() {
        let line = |t: &str| boilerplate(t) == Some(Boilerplate::Line);
        assert!(line("(Photo/Harbour Wire)"));
        assert!(line("(AP Photo/Ines Moreau)."));
        // A sentence in parentheses with a slash in it is text, not a credit.
        let aside = "(If you book through the links in this post, you support the Gullwing and/or its writers at no cost.)";
        assert!(!line(aside));
        assert!(!line("(Photo/Harbour/Wire)"));
        assert!(line("The quay at dawn (Photo: Ines Moreau)"));
        assert!(line("The quay at dawn (Images:  )"));
        let long = format!("The quay at dawn (Photo: {})", "x".repeat(61));
        assert!(!line(&long));
        let sixty = format!("The quay at dawn (Photo:   {})", "x".repeat(60));
        assert!(line(&sixty));
    }
}
