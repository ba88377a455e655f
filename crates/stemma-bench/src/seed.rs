//! The seed check: the Markdown page that defines the job must come out exactly right.

use std::path::Path;

use serde::Serialize;
use stemma_core::{Article, Document, Format, Source};

use crate::data::SEED_FILE;

const TITLE: &str =
    "Protecting the Terrorists in Syria: US-Led Coalition is Reluctant to Hit Al Nusra (aka al Qaeda): Lavrov";
/// Body paragraphs of the seed. The brief that asked for this check said 5, but the page has
/// exactly 4 between the first ("Russian Foreign Minister Sergey Lavrov said …") and the last
/// ("… the Russian minister added."), and the start and end checks pin both ends, so 4 it is.
pub const PARAGRAPHS: usize = 4;
const BEGINS: &str = "Russian Foreign Minister Sergey Lavrov said";
const ENDS: &str = "the Russian minister added.";
/// Boilerplate of the page footer that must not reach the body (compared case-insensitively).
const FORBIDDEN: [&str; 4] = [
    "original source",
    "Copyright",
    "Disclaimer",
    "Global Research Articles",
];
/// (kind, value): kind compared case-insensitively, value exactly.
const TAGS: [(&str, &str); 3] = [
    ("region", "Middle East & North Africa"),
    ("theme", "Terrorism"),
    ("in-depth report", "SYRIA"),
];

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: String,
    pub ok: bool,
    /// What was found, when it is not what was wanted.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

fn check(out: &mut Vec<Check>, name: impl Into<String>, ok: bool, detail: impl FnOnce() -> String) {
    let detail = if ok { String::new() } else { detail() };
    out.push(Check {
        name: name.into(),
        ok,
        detail,
    });
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(120).collect();
    if t.len() < s.len() {
        t.push('…');
    }
    format!("{t:?}")
}

/// Extract the seed page and check every expectation. A page that cannot be read or
/// extracted gives one failed check saying why.
pub fn run(shared: &Path) -> Vec<Check> {
    let path = shared.join(SEED_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            return vec![Check {
                name: "read seed".into(),
                ok: false,
                detail: format!("{}: {e}", path.display()),
            }]
        }
    };
    let doc = Document {
        source: Source {
            path: path.display().to_string(),
            format: Format::Markdown,
            url: None,
            warc_record_id: None,
            warc_date: None,
        },
        content_format: Format::Markdown,
        bytes,
        http_charset: None,
    };
    match std::panic::catch_unwind(|| {
        stemma_core::extract(&doc).map(|mut a| {
            stemma_core::attrib::annotate(&mut a);
            a
        })
    }) {
        Ok(Ok(a)) => {
            let mut c = check_article(&a);
            c.extend(check_attribution(&a));
            c
        }
        Ok(Err(e)) => vec![Check {
            name: "extract".into(),
            ok: false,
            detail: e.to_string(),
        }],
        Err(_) => vec![Check {
            name: "extract".into(),
            ok: false,
            detail: "panicked".into(),
        }],
    }
}

/// The expectations, on an extracted article.
pub fn check_article(a: &Article) -> Vec<Check> {
    let mut c = Vec::new();
    check(&mut c, "title", a.title.as_deref() == Some(TITLE), || {
        format!("got {:?}", a.title)
    });
    check(
        &mut c,
        "authors == [\"South Front\"]",
        a.authors == ["South Front"],
        || format!("got {:?}", a.authors),
    );
    check(
        &mut c,
        "site_name == \"Global Research\"",
        a.site_name.as_deref() == Some("Global Research"),
        || format!("got {:?}", a.site_name),
    );
    check(
        &mut c,
        "published starts with 2016-09-14",
        a.published
            .as_deref()
            .is_some_and(|p| p.starts_with("2016-09-14")),
        || format!("got {:?}", a.published),
    );
    let rf = a.republished_from.as_ref();
    check(
        &mut c,
        "republished_from.name == \"South Front\"",
        rf.is_some_and(|r| r.name.as_deref() == Some("South Front")),
        || format!("got {:?}", rf.map(|r| &r.name)),
    );
    check(
        &mut c,
        "republished_from.published starts with 2016-09-13",
        rf.and_then(|r| r.published.as_deref())
            .is_some_and(|p| p.starts_with("2016-09-13")),
        || format!("got {:?}", rf.map(|r| &r.published)),
    );
    for (kind, value) in TAGS {
        let found = a
            .tags
            .iter()
            .any(|t| t.kind.eq_ignore_ascii_case(kind) && t.value == value);
        check(&mut c, format!("tag {kind}: {value}"), found, || {
            let tags: Vec<String> = a
                .tags
                .iter()
                .map(|t| format!("{}: {}", t.kind, t.value))
                .collect();
            format!("tags are {tags:?}")
        });
    }
    let paras = a
        .text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .count();
    let exact = a.text.split("\n\n").count();
    check(
        &mut c,
        format!("text has exactly {PARAGRAPHS} paragraphs (split on \\n\\n)"),
        exact == PARAGRAPHS,
        || format!("got {exact} pieces ({paras} non-blank)"),
    );
    check(
        &mut c,
        format!("text begins with {BEGINS:?}"),
        a.text.starts_with(BEGINS),
        || format!("begins {}", short(&a.text)),
    );
    check(
        &mut c,
        format!("text ends with {ENDS:?}"),
        a.text.ends_with(ENDS),
        || {
            let tail: String = {
                let v: Vec<char> = a.text.chars().collect();
                v[v.len().saturating_sub(80)..].iter().collect()
            };
            format!("ends {tail:?}")
        },
    );
    let lower = a.text.to_lowercase();
    for bad in FORBIDDEN {
        check(
            &mut c,
            format!("text lacks {bad:?}"),
            !lower.contains(&bad.to_lowercase()),
            || "present".to_string(),
        );
    }
    c
}

/// (kind, cue, words the quote holds, mention of the speaker or "" for any) of the quotes the
/// seed must yield, all by Sergey Lavrov, Russian Foreign Minister.
const QUOTES: &[(&str, &str, &str, &str)] = &[
    ("direct", "said", "I have no reason not to trust", "Lavrov"),
    (
        "mixed",
        "added",
        "force which should be preserved to facilitate the change of the regime in Syria",
        "Lavrov",
    ),
    (
        "direct",
        "added",
        "This is a topic for a very serious discussion with our American partners",
        "the Russian minister",
    ),
    (
        "indirect",
        "said",
        "the US-led international coalition is 'reluctant' to strike",
        "",
    ),
    (
        "indirect",
        "added",
        "the status of terrorist group will be discussed with Washington",
        "He",
    ),
];

const NUSRA_ALIASES: &[&str] = &[
    "Al Nusra",
    "Al Nusra Front",
    "Nusra Front",
    "Jabhat Fateh al-Sham",
    "al Qaeda",
];

/// The expectations on quotes and entities of the annotated seed.
pub fn check_attribution(a: &Article) -> Vec<Check> {
    let mut c = Vec::new();
    for &(kind, cue, words, mention) in QUOTES {
        let q = a.quotes.iter().find(|q| q.text.contains(words));
        let ok = q.is_some_and(|q| {
            let sp = q.speaker.as_ref();
            serde_json::to_value(q.kind)
                .ok()
                .and_then(|v| v.as_str().map(|s| s == kind))
                == Some(true)
                && q.cue.as_ref().is_some_and(|x| x.text == cue)
                && sp.and_then(|s| s.name.as_deref()) == Some("Sergey Lavrov")
                && sp.and_then(|s| s.role.as_deref()) == Some("Russian Foreign Minister")
                && (mention.is_empty()
                    || sp
                        .and_then(|s| s.mention.as_ref())
                        .is_some_and(|m| m.text == mention))
        });
        check(
            &mut c,
            format!("quote ({kind}, {cue:?}) {words:?} by Sergey Lavrov via {mention:?}"),
            ok,
            || format!("got {:?}", q.map(|q| (&q.kind, &q.cue, &q.speaker))),
        );
    }
    let entity = |name: &str| a.entities.iter().find(|e| e.name == name);
    for (name, role) in [
        ("Sergey Lavrov", "Russian Foreign Minister"),
        ("John Kerry", "US Secretary of State"),
    ] {
        let e = entity(name);
        check(
            &mut c,
            format!("entity {name} (person, role {role})"),
            e.is_some_and(|e| {
                e.kind == stemma_core::EntityKind::Person && e.roles.iter().any(|r| r == role)
            }),
            || format!("got {:?}", e.map(|e| (&e.kind, &e.roles))),
        );
    }
    let nusra = entity("Jabhat Al Nusra");
    for alias in NUSRA_ALIASES {
        let al = nusra.and_then(|e| e.aliases.iter().find(|x| x.name == *alias));
        check(
            &mut c,
            format!("Jabhat Al Nusra has alias {alias:?} with evidence"),
            al.is_some_and(|x| x.evidence.text.contains(alias)),
            || {
                format!(
                    "aliases {:?}",
                    nusra.map(|e| e
                        .aliases
                        .iter()
                        .map(|x| (&x.name, &x.evidence.text))
                        .collect::<Vec<_>>())
                )
            },
        );
    }
    c
}

/// Print one line per check; true when all pass.
pub fn print(checks: &[Check]) -> bool {
    for ch in checks {
        if ch.ok {
            println!("  ok    {}", ch.name);
        } else {
            println!("  FAIL  {}: {}", ch.name, ch.detail);
        }
    }
    let failed = checks.iter().filter(|c| !c.ok).count();
    let all = failed == 0 && !checks.is_empty();
    println!(
        "  seed: {}",
        if all {
            "ok".to_string()
        } else {
            format!("FAIL ({failed} of {} checks)", checks.len())
        }
    );
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use stemma_core::{RepublishedFrom, Tag};

    #[test]
    fn a_correct_article_passes_and_a_wrong_one_fails() {
        let src = Source {
            path: "seed".into(),
            format: Format::Markdown,
            url: None,
            warc_record_id: None,
            warc_date: None,
        };
        let mut a = Article::empty(src);
        a.title = Some(TITLE.into());
        a.authors = vec!["South Front".into()];
        a.site_name = Some("Global Research".into());
        a.published = Some("2016-09-14".into());
        a.republished_from = Some(RepublishedFrom {
            name: Some("South Front".into()),
            url: None,
            published: Some("2016-09-13".into()),
            evidence: None,
        });
        a.tags = TAGS
            .iter()
            .map(|(k, v)| Tag {
                kind: k.to_uppercase(),
                value: v.to_string(),
            })
            .collect();
        a.text = format!("{BEGINS} one.\n\nTwo.\n\nThree.\n\n\"Four,\" {ENDS}");
        assert!(
            check_article(&a).iter().all(|c| c.ok),
            "{:?}",
            check_article(&a)
        );
        a.text
            .push_str("\n\nThe original source of this article is South Front");
        let failed: Vec<_> = check_article(&a)
            .into_iter()
            .filter(|c| !c.ok)
            .map(|c| c.name)
            .collect();
        assert_eq!(failed.len(), 3, "{failed:?}"); // paragraph count, ending, "original source"
    }
}
