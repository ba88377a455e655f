//! Entities merged across articles: an article's entity joins the stored entity that already
//! holds its name or one of the aliases it asserts (normalised); otherwise it is new. Every
//! alias keeps, per article, the words that assert it.

use rusqlite::{params, OptionalExtension, Transaction};
use stemma_core::{Article, EntityKind};

use crate::error::Result;

/// A name as entities are matched: lower case, letters and digits, single spaces, without a
/// leading "the".
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

pub(crate) fn kind_str(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
        EntityKind::Other => "other",
    }
}

/// Store the entities of one article; the stored entity ids it mentions.
pub(crate) fn merge(tx: &Transaction, article_id: i64, a: &Article) -> Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(a.entities.len());
    for e in &a.entities {
        let main = normalise(&e.name);
        if main.is_empty() {
            continue;
        }
        let mut norms: Vec<String> = vec![main];
        for al in &e.aliases {
            let n = normalise(&al.name);
            if !n.is_empty() && !norms.contains(&n) {
                norms.push(n);
            }
        }
        // The first name already stored says which entity this is; the names before it
        // were looked up and are new.
        let mut found = None;
        for (i, n) in norms.iter().enumerate() {
            let id = tx
                .prepare_cached("SELECT entity FROM entity_names WHERE norm = ?1")?
                .query_row([n], |r| r.get::<_, i64>(0))
                .optional()?;
            if let Some(id) = id {
                found = Some((i, id));
                break;
            }
        }
        let id = match found {
            Some((_, id)) => id,
            None => {
                tx.prepare_cached("INSERT INTO entities (name, kind) VALUES (?1, ?2)")?
                    .execute(params![e.name, kind_str(e.kind)])?;
                tx.last_insert_rowid()
            }
        };
        // A name another entity already holds stays with it: first come, first kept. The
        // name the entity was found by is stored already, and so is its alias row (every
        // name is stored with one).
        let found_at = found.map(|(i, _)| i);
        for (i, n) in norms.iter().enumerate() {
            if Some(i) != found_at {
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO entity_names (norm, entity) VALUES (?1, ?2)",
                )?
                .execute(params![n, id])?;
            }
        }
        if found_at != Some(0) {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO entity_aliases (entity, norm, name) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![id, norms[0], e.name])?;
        }
        for al in &e.aliases {
            let n = normalise(&al.name);
            if n.is_empty() {
                continue;
            }
            tx.prepare_cached(
                "INSERT OR IGNORE INTO entity_aliases (entity, norm, name) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![id, n, al.name])?;
            tx.prepare_cached("INSERT OR IGNORE INTO alias_evidence (entity, alias_norm, article, evidence, in_title)
                 VALUES (?1, ?2, ?3, ?4, ?5)")?.execute(params![id, n, article_id, al.evidence.text, al.in_title],
            )?;
        }
        let roles = serde_json::to_string(&e.roles)?;
        tx.prepare_cached(
            "INSERT INTO entity_mentions (entity, article, name, roles, mentions)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (entity, article) DO UPDATE SET mentions = mentions + excluded.mentions",
        )?
        .execute(params![
            id,
            article_id,
            e.name,
            roles,
            e.mentions.len() as i64
        ])?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(normalise("al Qaeda"), "al qaeda");
        assert_eq!(normalise("Jabhat Fateh al-Sham"), "jabhat fateh al sham");
        assert_eq!(normalise("The  Kremlin"), "kremlin");
        assert_eq!(normalise("—"), "");
    }
}
