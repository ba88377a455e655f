//! Nicknames in quotation marks inside a name: `Dwayne "The Anchor" Moss` is one person,
//! Dwayne Moss, whom the article also calls "The Anchor". The name finder stops at the quote
//! marks and sees two names ("Dwayne" and "Moss"); this pass joins them and keeps the
//! nickname as an alias, with the whole name as its evidence.

use super::tokens::Tok;
use crate::model::{Alias, Entity, EntityKind, Span};
use crate::offset::{slice, Byte, Char};

/// The nickname between two mentions, when `between` is only a quoted capitalised phrase of
/// one to four words: `"The Anchor"`, `“Big Sal”`.
fn nickname(between: &str) -> Option<&str> {
    let t = between.trim();
    let open = t.chars().next()?;
    let close = t.chars().last()?;
    let pair = matches!(
        (open, close),
        ('"', '"') | ('“', '”') | ('\'', '\'') | ('‘', '’')
    );
    if !pair || t.len() <= open.len_utf8() + close.len_utf8() || between.contains('\n') {
        return None;
    }
    let inner = t[open.len_utf8()..t.len() - close.len_utf8()].trim();
    let words: Vec<&str> = inner.split_whitespace().collect();
    let ok = (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        && !inner.contains(['"', '“', '”']);
    ok.then_some(inner)
}

/// The byte offset of code point `c`: mentions start and end where tokens do, so a binary
/// search of the tokens finds it (a table of every character's byte offset cost more than the
/// whole pass); a walk from the start of the text otherwise.
fn byte_of(text: &str, toks: &[Tok], c: Char) -> Byte {
    if let Ok(i) = toks.binary_search_by_key(&c, |t| t.cs) {
        return toks[i].bs;
    }
    if let Ok(i) = toks.binary_search_by_key(&c, |t| t.ce) {
        return toks[i].be;
    }
    Byte::new(
        text.char_indices()
            .nth(c.get())
            .map_or(text.len(), |(b, _)| b),
    )
}

/// Join `First "Nick" Last` into one person (see the module's documentation).
pub(crate) fn merge(text: &str, toks: &[Tok], entities: &mut Vec<Entity>) {
    // Cheap test first: most articles have no quote mark right after a name.
    if !text.contains(['"', '“', '\'', '‘']) || entities.len() < 2 {
        return;
    }
    let at = |c: Char| byte_of(text, toks, c);
    // Every mention as (start, end, entity), in text order.
    let mut mentions: Vec<(Char, Char, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    mentions.sort_unstable();
    let mut joins: Vec<(usize, usize, String, Span)> = Vec::new();
    for w in mentions.windows(2) {
        let ((s0, e0, a), (s1, e1, b)) = (w[0], w[1]);
        if a == b || e0 > s1 || entities[a].name.contains(' ') {
            continue;
        }
        let Some(nick) = nickname(slice(text, at(e0), at(s1))) else {
            continue;
        };
        if joins.iter().any(|j| j.0 == a || j.1 == a || j.0 == b) {
            continue;
        }
        let evidence = Span {
            start: s0,
            end: e1,
            text: slice(text, at(s0), at(e1)).to_string(),
        };
        joins.push((a, b, nick.to_string(), evidence));
    }
    if joins.is_empty() {
        return;
    }
    let mut gone = vec![false; entities.len()];
    for (a, b, nick, evidence) in joins {
        let first = entities[a].clone();
        let e = &mut entities[b];
        if !e.name.starts_with(&first.name) {
            e.name = format!("{} {}", first.name, e.name);
        }
        e.kind = EntityKind::Person;
        e.mentions.extend(first.mentions);
        e.mentions.sort_by_key(|m| (m.start, m.end));
        e.mentions.dedup_by_key(|m| (m.start, m.end));
        for r in first.roles {
            if !e.roles.contains(&r) {
                e.roles.push(r);
            }
        }
        e.aliases.extend(first.aliases);
        e.aliases.push(Alias {
            name: nick,
            evidence,
            in_title: false,
        });
        gone[a] = true;
    }
    let mut k = 0;
    entities.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_nicknames() {
        assert_eq!(nickname(" \"The Anchor\" "), Some("The Anchor"));
        assert_eq!(nickname(" “Big Sal” "), Some("Big Sal"));
        assert_eq!(nickname(" \"the anchor\" "), None);
        assert_eq!(nickname(" said \"Yes\" "), None);
        assert_eq!(nickname(" \"\" "), None);
        assert_eq!(nickname("\""), None);
    }

    #[test]
    fn a_nickname_does_not_split_the_name() {
        let text = "Dwayne \"The Anchor\" Moss, the union's treasurer, wondered aloud. \
                    Later Moss left the hall.";
        let es = crate::entities::find_entities(None, text);
        let moss: Vec<&Entity> = es.iter().filter(|e| e.name.contains("Moss")).collect();
        assert_eq!(moss.len(), 1, "{es:#?}");
        let e = moss[0];
        assert_eq!(e.name, "Dwayne Moss");
        assert_eq!(e.kind, EntityKind::Person);
        assert!(es.iter().all(|x| x.name != "Dwayne"), "{es:#?}");
        let alias = e
            .aliases
            .iter()
            .find(|a| a.name == "The Anchor")
            .expect("nickname alias");
        assert_eq!(alias.evidence.text, "Dwayne \"The Anchor\" Moss");
        // Both later mentions resolve to the same person.
        assert!(
            e.mentions.iter().filter(|m| m.text == "Moss").count() == 2,
            "{e:#?}"
        );
    }
}
