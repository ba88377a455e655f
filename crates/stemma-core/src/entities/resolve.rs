//! Resolving a later mention ("Lavrov", "the FBI") or a description ("the Russian minister")
//! to one of an article's entities.

use crate::model::{Entity, EntityKind};

use super::keys::{acronym, norm_key, partial_ok, MAX_KEY_WORDS};
use super::lexicon::{canonical_place, demonym_place, flags, FastMap, COURTESY, TITLE};

/// Index of the entity a name-like mention refers to ("Lavrov", "Kerry", "Nusra Front", "the
/// FBI", "Jabhat Fateh al-Sham"), by full name, surname, alias or acronym; None if no entity
/// matches. To resolve many mentions against the same entities, build [`NameIndex`] once.
pub fn resolve_name(entities: &[Entity], mention: &str) -> Option<usize> {
    NameIndex::new(entities).resolve(mention)
}

/// The match keys of an article's entity names and aliases, computed once: each map gives the
/// first entity (in article order) with that key.
pub struct NameIndex {
    exact: FastMap<String, usize>,
    places: FastMap<&'static str, usize>,
    acronyms: FastMap<String, usize>,
    /// The word-suffixes of each multi-word key ("sergey lavrov" → "lavrov").
    suffixes: FastMap<String, usize>,
}

impl NameIndex {
    pub fn new(entities: &[Entity]) -> NameIndex {
        let mut ix = NameIndex {
            exact: FastMap::default(),
            places: FastMap::default(),
            acronyms: FastMap::default(),
            suffixes: FastMap::default(),
        };
        let mut k = String::new();
        let mut a = String::new();
        for (i, e) in entities.iter().enumerate() {
            for n in names(e) {
                norm_key(n, &mut k);
                if let Some(p) = canonical_place(&k) {
                    ix.places.entry(p).or_insert(i);
                }
                if n.contains(' ') && acronym(n, &mut a) {
                    ix.acronyms.entry(a.clone()).or_insert(i);
                }
                if k.split(' ').count() <= MAX_KEY_WORDS {
                    for (p, _) in k.match_indices(' ') {
                        ix.suffixes.entry(k[p + 1..].to_string()).or_insert(i);
                    }
                }
                ix.exact.entry(k.clone()).or_insert(i);
            }
        }
        ix
    }

    /// See [`resolve_name`].
    pub fn resolve(&self, mention: &str) -> Option<usize> {
        let mut m = String::new();
        norm_key(mention, &mut m);
        // "Mr. Smith", "President Obama": the name after a title.
        while let Some((first, rest)) = m.split_once(' ') {
            if flags(first) & (COURTESY | TITLE) == 0 {
                break;
            }
            m = rest.to_string();
        }
        if m.is_empty() {
            return None;
        }
        let exact = self.exact.get(&m).copied();
        let place = canonical_place(&m).and_then(|p| self.places.get(p).copied());
        if let Some(i) = exact.into_iter().chain(place).min() {
            return Some(i);
        }
        let caps = mention
            .trim()
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if caps && !m.contains(' ') {
            if let Some(&i) = self.acronyms.get(&m) {
                return Some(i);
            }
        }
        if !partial_ok(&m) {
            return None;
        }
        self.suffixes.get(&m).copied()
    }
}

/// An entity's name and aliases.
fn names(e: &Entity) -> impl Iterator<Item = &str> {
    std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(|a| a.name.as_str()))
}

/// Words of a description or role, lower-cased, abbreviations spelt out, possessive "s" gone.
fn role_words(s: &str) -> Vec<String> {
    let mut key = String::new();
    norm_key(s, &mut key);
    key.split([' ', '\''])
        .filter(|w| !w.is_empty() && *w != "s")
        .map(|w| {
            let full = match w {
                "sen" => "senator",
                "rep" => "representative",
                "gov" => "governor",
                "gen" => "general",
                "dr" => "doctor",
                "prof" => "professor",
                "lt" => "lieutenant",
                "col" => "colonel",
                "capt" => "captain",
                "sgt" => "sergeant",
                "adm" => "admiral",
                "rev" => "reverend",
                "pres" => "president",
                "defence" => "defense",
                "organisation" => "organization",
                other => other,
            };
            full.to_string()
        })
        .collect()
}

/// Words that name the same post.
const SYNONYMS: &[&[&str]] = &[
    &["spokesman", "spokeswoman", "spokesperson"],
    &["representative", "congressman", "congresswoman", "lawmaker"],
    &["chairman", "chairwoman", "chair", "chairperson"],
    &[
        "leader",
        "head",
        "chief",
        "president",
        "premier",
        "chancellor",
        "king",
        "emir",
    ],
];

/// How well a role's words carry the description's head: 4 for the word itself, 3 for a
/// synonym.
fn head_fit(words: &[String], head: &str) -> Option<i32> {
    if words.iter().any(|w| w == head) {
        return Some(4);
    }
    let group = SYNONYMS.iter().find(|g| g.contains(&head))?;
    words
        .iter()
        .any(|w| group.contains(&w.as_str()))
        .then_some(3)
}

/// The places a role names, by name or demonym ("Russia's …", "US …", "Russian …").
fn places_in(words: &[String]) -> Vec<&'static str> {
    words
        .iter()
        .filter_map(|w| demonym_place(w).or_else(|| canonical_place(w)))
        .collect()
}

/// Portfolio words: a description with one the role lacks names somebody else.
const PORTFOLIOS: &[&str] = &[
    "foreign",
    "defense",
    "interior",
    "finance",
    "economy",
    "trade",
    "treasury",
    "home",
    "justice",
    "health",
    "education",
    "energy",
    "environment",
    "agriculture",
    "transport",
    "labor",
    "labour",
    "culture",
    "information",
    "state",
];

/// Organisation words that a description can use for an organisation named with them.
const ORG_WORDS: &[&str] = &[
    "ministry",
    "party",
    "campaign",
    "committee",
    "department",
    "agency",
    "council",
    "front",
    "group",
    "coalition",
    "army",
    "government",
    "administration",
    "organization",
    "company",
    "firm",
    "militia",
    "movement",
    "union",
    "network",
    "office",
    "bureau",
    "university",
    "newspaper",
    "court",
    "commission",
    "bank",
    "institute",
    "foundation",
    "alliance",
    "league",
    "federation",
    "faction",
    "outfit",
    "board",
    "authority",
    "corporation",
    "parliament",
    "senate",
    "congress",
    "service",
    "forces",
    "brigade",
    "brigades",
];

/// Words that stand for any organisation.
const ANY_ORG: &[&str] = &[
    "group",
    "organization",
    "militia",
    "movement",
    "faction",
    "outfit",
    "company",
    "firm",
];

/// How well `mods` fit `words`: +1 each that appears, 0 when unknown, None on a contradiction
/// (another country, another portfolio).
fn fit(words: &[String], mods: &[String]) -> Option<i32> {
    let places = places_in(words);
    let mut score = 0;
    for m in mods {
        if words.iter().any(|w| w == m) {
            score += 1;
            continue;
        }
        if let Some(p) = demonym_place(m).or_else(|| canonical_place(m)) {
            if places.contains(&p) {
                score += 1;
                continue;
            }
            if !places.is_empty() {
                return None;
            }
        } else if PORTFOLIOS.contains(&m.as_str())
            && words.iter().any(|w| PORTFOLIOS.contains(&w.as_str()))
        {
            return None;
        }
    }
    Some(score)
}

fn score(e: &Entity, head: &str, mods: &[String]) -> Option<i32> {
    if ORG_WORDS.contains(&head) {
        if e.kind != EntityKind::Organization {
            return None;
        }
        let names = std::iter::once(&e.name).chain(e.aliases.iter().map(|a| &a.name));
        let mut best = None;
        for n in names {
            let words = role_words(n);
            let base = if words.iter().any(|w| w == head) {
                4
            } else if ANY_ORG.contains(&head) {
                1
            } else {
                continue;
            };
            if let Some(f) = fit(&words, mods) {
                best = best.max(Some(base + f));
            }
        }
        return best;
    }
    let mut best = None;
    for role in &e.roles {
        let words = role_words(role);
        let Some(base) = head_fit(&words, head) else {
            continue;
        };
        if let Some(f) = fit(&words, mods) {
            best = best.max(Some(base + f));
        }
    }
    best
}

/// Index of the entity that a description refers to ("the Russian minister", "the secretary
/// of state", "the ministry", "the senator"), matching the description's head noun and
/// modifiers against each entity's roles (and organisation words like ministry/party/campaign/
/// committee against organisation names); when several match, prefer the one mentioned last
/// before `before_char` (a code-point offset into text). None if nothing fits.
pub fn resolve_description(
    entities: &[Entity],
    description: &str,
    before_char: usize,
) -> Option<usize> {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
        "your", "my",
    ];
    let mut words = role_words(description);
    let lead = words
        .iter()
        .take_while(|w| DETERMINERS.contains(&w.as_str()))
        .count();
    words.drain(..lead);
    let of = words.iter().position(|w| w == "of" || w == "for");
    let head_at = match of {
        Some(0) | None => words.len().checked_sub(1)?,
        Some(p) => p - 1,
    };
    let head = words[head_at].clone();
    let mods: Vec<String> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i != head_at && !matches!(w.as_str(), "of" | "for" | "the" | "a" | "an"))
        .map(|(_, w)| w.clone())
        .collect();
    let mut best: Option<(i32, bool, usize, usize)> = None;
    for (i, e) in entities.iter().enumerate() {
        let Some(s) = score(e, &head, &mods) else {
            continue;
        };
        let last = e
            .mentions
            .iter()
            .filter(|m| m.start < before_char)
            .map(|m| m.start)
            .max();
        let cand = (s, last.is_some(), last.unwrap_or(0), i);
        // Higher score, then mentioned before the point, then mentioned later; first on ties.
        if best.is_none_or(|b| (cand.0, cand.1, cand.2) > (b.0, b.1, b.2)) {
            best = Some(cand);
        }
    }
    best.map(|b| b.3)
}

#[cfg(test)]
mod index_tests {
    use super::*;
    use crate::model::Span;

    fn person(name: &str) -> Entity {
        Entity {
            name: name.into(),
            kind: EntityKind::Person,
            aliases: vec![],
            roles: vec![],
            mentions: vec![Span {
                start: 0,
                end: name.chars().count(),
                text: name.into(),
            }],
        }
    }

    #[test]
    fn surnames_resolve_first_names_do_not() {
        let ents = [person("Sergio Baldan"), person("Ilse Varga")];
        let ix = NameIndex::new(&ents);
        assert_eq!(ix.resolve("Baldan"), Some(0));
        assert_eq!(ix.resolve("Mr. Baldan"), Some(0));
        assert_eq!(ix.resolve("Varga"), Some(1));
        assert_eq!(ix.resolve("Sergio"), None);
        assert_eq!(resolve_name(&ents, "Ilse Varga"), Some(1));
    }
}
