//! Resolving a later mention ("Lavrov", "the FBI") or a description ("the Russian minister")
//! to one of an article's entities.

use std::cell::OnceCell;

use crate::model::{Entity, EntityKind};
use crate::offset::Char;

use super::keys::{acronym, norm_key, partial_ok, word_start_keys, KeyMap, MAX_KEY_WORDS};
use super::lexicon::{canonical_place, demonym_place, flags, FastMap, COURTESY, TITLE};
use super::tokens::is_hyphen;

/// Index of the entity a name-like mention refers to ("Lavrov", "Kerry", "Nusra Front", "the
/// FBI", "Jabhat Fateh al-Sham"), by full name, surname, alias or acronym; None if no entity
/// matches. To resolve many mentions against the same entities, build [`NameIndex`] once.
pub fn resolve_name(entities: &[Entity], mention: &str) -> Option<usize> {
    NameIndex::new(entities).resolve(mention)
}

/// The match keys of an article's entity names and aliases, computed once: each map gives the
/// first entity (in article order) with that key.
pub struct NameIndex {
    exact: KeyMap,
    places: FastMap<&'static str, usize>,
    acronyms: KeyMap,
    /// The word-suffixes of each multi-word key ("sergey lavrov" → "lavrov").
    suffixes: KeyMap,
    /// The ends of a name inside a hyphenated word ("Cruz-Rubio" → "rubio"), looked up only
    /// when no name ends with the word itself: "Rubio" is Marco Rubio, not the "Cruz-Rubio"
    /// ticket named before him.
    hyphen_suffixes: KeyMap,
}

impl NameIndex {
    pub fn new(entities: &[Entity]) -> NameIndex {
        // Sized up front: growing four maps name by name costs more than the lookups.
        let names = entities.iter().map(|e| 1 + e.aliases.len()).sum::<usize>();
        let mut ix = NameIndex {
            exact: KeyMap::with_capacity(names),
            places: FastMap::default(),
            acronyms: KeyMap::with_capacity(names / 2),
            suffixes: KeyMap::with_capacity(names),
            hyphen_suffixes: KeyMap::default(),
        };
        let mut k = String::new();
        let mut a = String::new();
        for (i, e) in entities.iter().enumerate() {
            for n in names_of(e) {
                norm_key(n, &mut k);
                if let Some(p) = canonical_place(&k) {
                    ix.places.entry(p).or_insert(i);
                }
                if n.contains(' ') && acronym(n, &mut a) {
                    ix.acronyms.insert_first(&a, i);
                }
                // Keys are short: a plain walk over the bytes beats searching for spaces.
                if k.bytes().filter(|&b| b == b' ').count() < MAX_KEY_WORDS {
                    let hyphenated = n.contains(is_hyphen);
                    if hyphenated {
                        for tail in word_start_keys(n) {
                            if !tail.is_empty() && tail.len() < k.len() {
                                ix.suffixes.insert_first(&tail, i);
                            }
                        }
                    }
                    let map = if hyphenated {
                        &mut ix.hyphen_suffixes
                    } else {
                        &mut ix.suffixes
                    };
                    for (p, b) in k.bytes().enumerate() {
                        if b == b' ' {
                            map.insert_first(&k[p + 1..], i);
                        }
                    }
                }
                ix.exact.insert_first(&k, i);
            }
        }
        ix
    }

    /// See [`resolve_name`].
    pub fn resolve(&self, mention: &str) -> Option<usize> {
        self.resolve_with(mention, &mut String::new())
    }

    /// [`NameIndex::resolve`] with `key` as scratch space, for many lookups in a row.
    pub fn resolve_with(&self, mention: &str, key: &mut String) -> Option<usize> {
        norm_key(mention, key);
        // "Mr. Smith", "President Obama": the name after a title.
        let mut m = key.as_str();
        while let Some((first, rest)) = m.split_once(' ') {
            if flags(first) & (COURTESY | TITLE) == 0 {
                break;
            }
            m = rest;
        }
        if m.is_empty() {
            return None;
        }
        let exact = self.exact.get(m);
        let place = canonical_place(m).and_then(|p| self.places.get(p).copied());
        if let Some(i) = exact.into_iter().chain(place).min() {
            return Some(i);
        }
        // An acronym: one word, in capitals (looked at only for one word).
        let caps = || {
            mention
                .trim()
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        };
        if !m.contains(' ') && caps() {
            if let Some(i) = self.acronyms.get(m) {
                return Some(i);
            }
        }
        if !partial_ok(m) {
            return None;
        }
        self.suffixes.get(m).or_else(|| self.hyphen_suffixes.get(m))
    }
}

/// An entity's name and aliases.
fn names_of(e: &Entity) -> impl Iterator<Item = &str> {
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
                "coun" => "councillor",
                "cst" | "const" => "constable",
                "cpl" => "corporal",
                "det" => "detective",
                "insp" => "inspector",
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

/// A role or name of an entity cut into [`role_words`], with what a description is checked
/// against: the places it names and whether it names a portfolio.
struct Phrase {
    words: Vec<String>,
    /// The places it names, by name or demonym ("Russia's …", "US …", "Russian …").
    places: Vec<&'static str>,
    /// Whether one of its words is a portfolio ("foreign", "defense").
    portfolio: bool,
}

impl Phrase {
    fn new(s: &str) -> Phrase {
        let words = role_words(s);
        let places = words.iter().filter_map(|w| place_of(w)).collect();
        let portfolio = words.iter().any(|w| PORTFOLIOS.contains(&w.as_str()));
        Phrase {
            words,
            places,
            portfolio,
        }
    }

    fn has(&self, w: &str) -> bool {
        self.words.iter().any(|x| x == w)
    }

    /// Whether a word that `is` accepts heads the phrase: it ends the phrase or a part of it
    /// ("CEO and founder", "minister of defence"), and no "of" or "for" comes before it. A
    /// word that qualifies another ("State" in "State Hospital Association CEO", "County"
    /// in "County Executive") or completes one ("State" in "Secretary of State") is no head.
    fn headed_by(&self, is: impl Fn(&str) -> bool) -> bool {
        let w = &self.words;
        (0..w.len())
            .take_while(|&p| p == 0 || !matches!(w[p - 1].as_str(), "of" | "for"))
            .any(|p| {
                is(&w[p])
                    && w.get(p + 1).is_none_or(|n| {
                        matches!(n.as_str(), "of" | "for" | "and" | "at" | "&" | "in" | "to")
                    })
            })
    }

    /// How well `mods` fit the phrase: +1 each that appears, 0 when unknown, None on a
    /// contradiction (another country, another portfolio).
    fn fit(&self, mods: &[Modifier]) -> Option<i32> {
        let mut score = 0;
        for m in mods {
            if self.has(&m.word) {
                score += 1;
                continue;
            }
            if let Some(p) = m.place {
                if self.places.contains(&p) {
                    score += 1;
                    continue;
                }
                if !self.places.is_empty() {
                    return None;
                }
            } else if m.portfolio && self.portfolio {
                return None;
            }
        }
        Some(score)
    }
}

/// The place a word names, as a demonym or by name.
fn place_of(w: &str) -> Option<&'static str> {
    demonym_place(w).or_else(|| canonical_place(w))
}

/// A modifier of a description's head ("Russian", "foreign"), looked up once per description.
struct Modifier {
    word: String,
    place: Option<&'static str>,
    portfolio: bool,
}

/// How well one entity fits a description with this head and these modifiers: the best of
/// its `names` (for an organisation word like "the ministry") or `roles`; None if none fits.
fn score(
    names: &[Phrase],
    roles: &[Phrase],
    head: &str,
    org_head: bool,
    any_org: bool,
    synonyms: Option<&&[&str]>,
    mods: &[Modifier],
) -> Option<i32> {
    let mut best = None;
    if org_head {
        for n in names {
            let base = if n.has(head) {
                4
            } else if any_org {
                1
            } else {
                continue;
            };
            if let Some(f) = n.fit(mods) {
                best = best.max(Some(base + f));
            }
        }
        return best;
    }
    for role in roles {
        // 4 for the head itself, 3 for a synonym (the role's head, not a word qualifying it).
        let base = if role.headed_by(|w| w == head) {
            4
        } else if synonyms.is_some_and(|g| role.headed_by(|w| g.contains(&w))) {
            3
        } else {
            continue;
        };
        if let Some(f) = role.fit(mods) {
            best = best.max(Some(base + f));
        }
    }
    best
}

/// The roles and names of an article's entities, cut into words once, for resolving many
/// descriptions ([`resolve_description`]) against the same entities.
pub struct DescriptionIndex<'a> {
    entities: &'a [Entity],
    /// Each entity's roles.
    roles: Vec<Vec<Phrase>>,
    /// Each organisation's name and aliases (nothing for other entities: only organisations
    /// match organisation words); made at the first description with such a head.
    names: OnceCell<Vec<Vec<Phrase>>>,
}

impl<'a> DescriptionIndex<'a> {
    pub fn new(entities: &'a [Entity]) -> DescriptionIndex<'a> {
        let roles = entities
            .iter()
            .map(|e| e.roles.iter().map(|r| Phrase::new(r)).collect())
            .collect();
        DescriptionIndex {
            entities,
            roles,
            names: OnceCell::new(),
        }
    }

    fn names(&self) -> &[Vec<Phrase>] {
        self.names.get_or_init(|| {
            self.entities
                .iter()
                .map(|e| {
                    if e.kind == EntityKind::Organization {
                        names_of(e).map(Phrase::new).collect()
                    } else {
                        Vec::new()
                    }
                })
                .collect()
        })
    }

    /// See [`resolve_description`].
    pub fn resolve(&self, description: &str, before_char: Char) -> Option<usize> {
        const DETERMINERS: &[&str] = &[
            "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
            "our", "your", "my",
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
        let head = words[head_at].as_str();
        let mods: Vec<Modifier> = words
            .iter()
            .enumerate()
            .filter(|&(i, w)| {
                i != head_at && !matches!(w.as_str(), "of" | "for" | "the" | "a" | "an")
            })
            .map(|(_, w)| Modifier {
                word: w.clone(),
                place: place_of(w),
                portfolio: PORTFOLIOS.contains(&w.as_str()),
            })
            .collect();
        let org_head = ORG_WORDS.contains(&head);
        let any_org = ANY_ORG.contains(&head);
        let synonyms = SYNONYMS.iter().find(|g| g.contains(&head));
        let names = if org_head { self.names() } else { &[] };
        let mut best: Option<(i32, bool, Char, usize)> = None;
        for (i, e) in self.entities.iter().enumerate() {
            let names = names.get(i).map_or(&[][..], Vec::as_slice);
            let Some(s) = score(
                names,
                &self.roles[i],
                head,
                org_head,
                any_org,
                synonyms,
                &mods,
            ) else {
                continue;
            };
            let last = e
                .mentions
                .iter()
                .filter(|m| m.start < before_char)
                .map(|m| m.start)
                .max();
            let cand = (s, last.is_some(), last.unwrap_or(Char::ZERO), i);
            // Higher score, then mentioned before the point, then mentioned later; first on ties.
            if best.is_none_or(|b| (cand.0, cand.1, cand.2) > (b.0, b.1, b.2)) {
                best = Some(cand);
            }
        }
        best.map(|b| b.3)
    }
}

/// Index of the entity that a description refers to ("the Russian minister", "the secretary
/// of state", "the ministry", "the senator"), matching the description's head noun and
/// modifiers against each entity's roles (and organisation words like ministry/party/campaign/
/// committee against organisation names); when several match, prefer the one mentioned last
/// before `before_char` (a code-point offset into text). None if nothing fits. To resolve many
/// descriptions against the same entities, build [`DescriptionIndex`] once.
pub fn resolve_description(
    entities: &[Entity],
    description: &str,
    before_char: Char,
) -> Option<usize> {
    DescriptionIndex::new(entities).resolve(description, before_char)
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
                start: Char::ZERO,
                end: Char::new(name.chars().count()),
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
