//! Who is behind a source mention: the mention resolved to one of the article's entities.
//!
//! * a name ("Lavrov", "Mr. Kerry", "Jane Roe, a professor at Ulm"): by full name, surname,
//!   alias or acronym ([`crate::entities::resolve_name`]);
//! * a pronoun ("he", "she", "they", "it"): the speaker of the attribution just before when
//!   it fits, else the entity of the right kind mentioned last before it;
//! * a description ("the Russian minister", "the ministry"): matched against the roles the
//!   article gives ([`crate::entities::resolve_description`]);
//! * "a spokesman for X": X, with the spokesman's role.
//!
//! An unresolved mention ("a source", "officials") keeps its words and gets no name.

use super::gender::of_score;
use crate::entities::lexicon::FastMap;
use crate::entities::{DescriptionIndex, NameIndex};
use crate::model::{Entity, EntityKind, Span, Speaker, SpeakerKind};

/// Pronouns that stand for one person, for an organisation, for a group.
fn pronoun_kind(w: &str) -> Option<&'static [EntityKind]> {
    const PERSON: &[EntityKind] = &[EntityKind::Person];
    const ORG: &[EntityKind] = &[EntityKind::Organization];
    const ANY: &[EntityKind] = &[EntityKind::Person, EntityKind::Organization];
    match w {
        "he" | "she" | "him" | "her" | "i" => Some(PERSON),
        "it" => Some(ORG),
        "they" | "we" => Some(ANY),
        _ => None,
    }
}

/// Where `needle` first occurs in `hay`, as [`str::find`] says: mentions and names are short,
/// and a plain scan costs less than setting up the general searcher.
fn find_in(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    // A match of valid UTF-8 in valid UTF-8 starts on a character boundary.
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..].starts_with(n))
}

/// The words of a source mention that name the speaker: the part before an appositive comma,
/// without a leading determiner of a name.
fn head_of(mention: &str) -> &str {
    let m = mention.trim();
    let m = find_in(m, " (").map_or(m, |p| &m[..p]);
    m.split(',').next().unwrap_or(m).trim()
}

const AGENTS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "representative",
    "representatives",
    "aide",
    "aides",
    "official",
    "officials",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "staffer",
    "staffers",
    "source",
    "sources",
    "member",
    "members",
    "leader",
    "leaders",
    "director",
];

/// "a spokesman for the Foo Party" → ("spokesman", "the Foo Party").
fn agent_for(mention: &str) -> Option<(&str, &str)> {
    // The role word is one of the mention's words: without one, no separator needs a look.
    if !mention
        .split(' ')
        .any(|w| AGENTS.iter().any(|a| w.eq_ignore_ascii_case(a)))
    {
        return None;
    }
    let lower = mention.to_ascii_lowercase();
    for sep in [" for ", " of ", " at ", " with ", " to "] {
        if let Some(p) = find_in(&lower, sep) {
            let before = &lower[..p];
            let role_word = before.rsplit(' ').next().unwrap_or(before);
            if AGENTS.contains(&role_word) {
                let role_start = p - role_word.len();
                return Some((&mention[role_start..p], mention[p + sep.len()..].trim()));
            }
        }
    }
    None
}

/// The role a mention gives its speaker around the name: "Harbour master Dunstan Okoro" →
/// "Harbour master"; "Mirela Stanch, chief engineer at the Kestrel Tide cooperative, which …"
/// → "chief engineer at the Kestrel Tide cooperative".
fn role_in_mention(mention: &str, e: &Entity) -> Option<String> {
    let names = std::iter::once(e.name.as_str()).chain(e.name.rsplit(' ').next());
    for name in names {
        let Some(p) = find_in(mention, name) else {
            continue;
        };
        let before = mention[..p].trim().trim_end_matches(',').trim();
        let after = mention[p + name.len()..].trim_start();
        if let Some(app) = after.strip_prefix(',') {
            let app = app.trim();
            let end = [", which", ", who", ", where", ","]
                .iter()
                .filter_map(|sep| app.find(sep))
                .min()
                .unwrap_or(app.len());
            let app = app[..end].trim();
            let app = app
                .strip_prefix("a ")
                .or_else(|| app.strip_prefix("an "))
                .or_else(|| app.strip_prefix("the "))
                .unwrap_or(app);
            if !app.is_empty() && app.split(' ').count() <= 12 {
                return Some(app.to_string());
            }
        }
        let before = before
            .strip_prefix("the ")
            .or_else(|| before.strip_prefix("The "))
            .unwrap_or(before);
        // A courtesy title or a bare determiner ("the Harbour Authority") is no role.
        let courtesy = matches!(
            before,
            "Mr."
                | "Mrs."
                | "Ms."
                | "Dr."
                | "Mr"
                | "Mrs"
                | "Ms"
                | "Dr"
                | "the"
                | "The"
                | "a"
                | "A"
                | "an"
                | "An"
        );
        if !before.is_empty()
            && !courtesy
            && before.split(' ').count() <= 6
            && !before.contains(['"', '“', '”'])
        {
            return Some(before.to_string());
        }
        return None;
    }
    None
}

/// Resolves source mentions of one article, in text order, remembering the last speaker.
pub struct Resolver<'a> {
    entities: &'a [Entity],
    last: Option<usize>,
    /// Name lookups already made, by mention words.
    names: FastMap<String, (Option<usize>, Option<String>)>,
    index: NameIndex,
    /// The entities' roles cut into words, built at the first description ("the minister").
    descriptions: Option<DescriptionIndex<'a>>,
    /// Every entity mention as (end, start, entity), sorted by end; made at the first pronoun
    /// that needs it.
    by_end: Option<Vec<(usize, usize, usize)>>,
    /// Scratch space for name keys.
    key: String,
    /// Each entity's gender evidence ([`super::gender::scores`]).
    genders: Vec<i32>,
}

impl<'a> Resolver<'a> {
    pub fn new(entities: &'a [Entity]) -> Self {
        Resolver {
            entities,
            last: None,
            names: FastMap::default(),
            index: NameIndex::new(entities),
            descriptions: None,
            by_end: None,
            key: String::new(),
            genders: vec![0; entities.len()],
        }
    }

    /// A resolver that knows the genders `text` gives its people, so that "she" never
    /// resolves to a man.
    pub fn with_text(entities: &'a [Entity], text: &str) -> Self {
        let mut r = Resolver::new(entities);
        r.genders = super::gender::scores(text, entities);
        r
    }

    /// The speaker behind `mention` (code-point offsets into the text).
    pub fn resolve(&mut self, mention: &Span) -> Speaker {
        let (idx, role) = self.find(mention);
        if idx.is_some() {
            self.last = idx;
        }
        let e = idx.map(|i| &self.entities[i]);
        let role = role
            .or_else(|| e.and_then(|e| role_in_mention(&mention.text, e)))
            .or_else(|| e.and_then(|e| e.roles.first().cloned()));
        let kind = match e.map(|e| e.kind) {
            Some(EntityKind::Person) => Some(SpeakerKind::Person),
            Some(EntityKind::Organization) => Some(SpeakerKind::Organization),
            Some(_) => None,
            None => kind_of_phrase(&mention.text),
        };
        Speaker {
            name: e.map(|e| e.name.clone()),
            mention: Some(mention.clone()),
            role,
            kind,
        }
    }

    /// A name, a name after role words, or "a spokesman for X" (the same words always give
    /// the same answer, so the resolver keeps it).
    fn by_name(&mut self, m: &str, mention: &str) -> (Option<usize>, Option<String>) {
        let (index, key) = (&self.index, &mut self.key);
        if let Some(i) = index.resolve_with(m, key) {
            return (Some(i), None);
        }
        // "Russian Foreign Minister Sergey Lavrov": the name after the role words.
        let mut rest = m;
        while let Some((_, tail)) = rest.split_once(' ') {
            rest = tail;
            if let Some(i) = index.resolve_with(rest, key) {
                return (Some(i), None);
            }
        }
        if let Some((role, org)) = agent_for(mention) {
            let i = index
                .resolve_with(org, key)
                .or_else(|| index.resolve_with(org.trim_start_matches("the "), key));
            if i.is_some() {
                return (i, Some(role.to_string()));
            }
        }
        (None, None)
    }

    fn find(&mut self, mention: &Span) -> (Option<usize>, Option<String>) {
        let m = head_of(&mention.text);
        let lower = m.to_lowercase();
        if matches!(lower.as_str(), "who" | "which") {
            // The relative pronoun's antecedent: the entity mentioned just before it.
            let kinds: &[EntityKind] = if lower == "who" {
                &[EntityKind::Person, EntityKind::Organization]
            } else {
                &[EntityKind::Organization]
            };
            return (self.last_mentioned(kinds, mention.start), None);
        }
        if let Some(kinds) = pronoun_kind(&lower) {
            self.index_mentions();
            let g = super::gender::of_pronoun(&lower);
            let genders = &self.genders;
            // Of the right kind, and not of the other gender where the article gives one.
            let fits = |i: usize| {
                kinds.contains(&self.entities[i].kind)
                    && g.is_none_or(|g| of_score(genders[i]).is_none_or(|x| x == g))
            };
            if let Some(l) = self.last.filter(|&l| fits(l)) {
                // A person the article surely gives the pronoun's gender (more than one
                // sign), named after the last speaker ("… Amira Shahid stood up. She said …"),
                // is the one the reader has in mind.
                let recent = g.and_then(|g| {
                    self.last_mentioned_where(
                        |i| {
                            self.entities[i].kind == EntityKind::Person
                                && genders[i].abs() >= 2
                                && of_score(genders[i]) == Some(g)
                        },
                        mention.start,
                    )
                });
                if let Some((at, r)) = recent {
                    let last_at = self.last_mentioned_where(|i| i == l, mention.start);
                    if r != l && last_at.is_none_or(|(l_at, _)| at > l_at) {
                        return (Some(r), None);
                    }
                }
                return (Some(l), None);
            }
            return (
                self.last_mentioned_where(fits, mention.start)
                    .map(|(_, i)| i),
                None,
            );
        }
        if let Some(hit) = self.names.get(&mention.text) {
            if hit.0.is_some() {
                return hit.clone();
            }
        } else {
            let hit = self.by_name(m, &mention.text);
            self.names.insert(mention.text.clone(), hit.clone());
            if hit.0.is_some() {
                return hit;
            }
        }
        let first = lower.split(' ').next().unwrap_or("");
        if matches!(
            first,
            "the" | "this" | "that" | "a" | "an" | "his" | "her" | "its" | "their"
        ) {
            let entities = self.entities;
            let descriptions = self
                .descriptions
                .get_or_insert_with(|| DescriptionIndex::new(entities));
            if let Some(i) = descriptions.resolve(m, mention.start) {
                return (Some(i), None);
            }
        }
        // The name in an appositive: "My neighbour, a retired engineer called Walter Brisk",
        // "the mayor's aide, Jane Roe".
        for piece in mention.text.split(',').skip(1) {
            let piece = piece.trim();
            let name = [" called ", " named "]
                .iter()
                .find_map(|k| find_in(piece, k).map(|p| &piece[p + k.len()..]))
                .unwrap_or(piece);
            if let Some(i) = self.index.resolve_with(name, &mut self.key) {
                if self.entities[i].kind == EntityKind::Person {
                    return (Some(i), None);
                }
            }
        }
        (None, None)
    }

    /// The entity of one of `kinds` whose mention comes last before `before`.
    fn last_mentioned(&mut self, kinds: &[EntityKind], before: usize) -> Option<usize> {
        self.index_mentions();
        let entities = self.entities;
        self.last_mentioned_where(|i| kinds.contains(&entities[i].kind), before)
            .map(|(_, i)| i)
    }

    /// Every entity mention as (end, start, entity), sorted by end, made once.
    fn index_mentions(&mut self) {
        let entities = self.entities;
        self.by_end.get_or_insert_with(|| {
            let mut v: Vec<(usize, usize, usize)> = entities
                .iter()
                .enumerate()
                .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.end, m.start, i)))
                .collect();
            v.sort_unstable();
            v
        });
    }

    /// The entity `ok` accepts whose mention comes last before `before`, with that mention's
    /// start (after [`Self::index_mentions`]).
    fn last_mentioned_where(
        &self,
        ok: impl Fn(usize) -> bool,
        before: usize,
    ) -> Option<(usize, usize)> {
        let by_end = self.by_end.as_deref().unwrap_or(&[]);
        // Mentions ending before `before`: a prefix of `by_end`; the latest start among them
        // that `ok` accepts wins (ties: the later entity, as a max over (start, entity)).
        let n = by_end.partition_point(|&(end, ..)| end <= before);
        by_end[..n]
            .iter()
            .filter(|&&(_, _, i)| ok(i))
            .map(|&(_, start, i)| (start, i))
            .max()
    }
}

/// Nouns that name a body, not a person ("the ministry", "the power utility").
const BODIES: &[&str] = &[
    "agency",
    "authority",
    "bank",
    "board",
    "bureau",
    "campaign",
    "commission",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "firm",
    "government",
    "group",
    "institute",
    "ministry",
    "office",
    "organization",
    "organisation",
    "party",
    "police",
    "regulator",
    "service",
    "team",
    "union",
    "university",
    "utility",
    "white house",
];

/// Nouns that name several people by what they are ("officials", "prosecutors").
const GROUPS: &[&str] = &[
    "analysts",
    "authorities",
    "critics",
    "democrats",
    "economists",
    "experts",
    "investigators",
    "lawmakers",
    "leaders",
    "members",
    "officials",
    "officers",
    "organizers",
    "people",
    "prosecutors",
    "protesters",
    "republicans",
    "researchers",
    "residents",
    "scientists",
    "sources",
    "supporters",
    "witnesses",
    "voters",
    "workers",
];

/// Organisation or group, for a mention that names nobody (the phrase is kept as the
/// mention): by its head noun, the last word before a preposition or comma.
fn kind_of_phrase(mention: &str) -> Option<SpeakerKind> {
    let head = head_of(mention).to_lowercase();
    let head = [
        " for ",
        " of ",
        " with ",
        " at ",
        " from ",
        " in ",
        " familiar ",
    ]
    .iter()
    .filter_map(|k| find_in(&head, k))
    .min()
    .map_or(head.as_str(), |p| &head[..p]);
    let last = head.rsplit(' ').next().unwrap_or("");
    if GROUPS.contains(&last) {
        Some(SpeakerKind::Group)
    } else if BODIES.iter().any(|b| head.ends_with(b)) {
        Some(SpeakerKind::Organization)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_that_name_nobody_say_what_kind_they_are() {
        let k = kind_of_phrase;
        assert_eq!(k("officials"), Some(SpeakerKind::Group));
        assert_eq!(
            k("sources familiar with the negotiations"),
            Some(SpeakerKind::Group)
        );
        assert_eq!(k("the power utility"), Some(SpeakerKind::Organization));
        assert_eq!(
            k("the Ministry of Coastal Affairs"),
            Some(SpeakerKind::Organization)
        );
        assert_eq!(k("a witness"), None);
    }

    #[test]
    fn agent_phrases() {
        assert_eq!(
            agent_for("a spokesman for the Marrow Bay Council"),
            Some(("spokesman", "the Marrow Bay Council"))
        );
        assert_eq!(agent_for("officials"), None);
        for (h, n) in [
            ("ab (c", " ("),
            ("", ""),
            ("a", ""),
            ("", "a"),
            ("aa", "aaa"),
            ("xé y", "y"),
        ] {
            assert_eq!(find_in(h, n), h.find(n), "{h:?} {n:?}");
        }
        assert_eq!(head_of("Jane Roe, a professor at Ulm"), "Jane Roe");
        let authority = Entity {
            name: "Marrow Bay Harbour Authority".into(),
            kind: EntityKind::Organization,
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
        };
        assert_eq!(
            role_in_mention("the Marrow Bay Harbour Authority (MBHA)", &authority),
            None
        );
        assert_eq!(head_of("Elias Moor (D-Ohio)"), "Elias Moor");
        let e = Entity {
            name: "Dunstan Okoro".into(),
            kind: EntityKind::Person,
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
        };
        assert_eq!(
            role_in_mention("Harbour master Dunstan Okoro", &e).as_deref(),
            Some("Harbour master")
        );
        assert_eq!(
            role_in_mention("Okoro, a trawler captain from Ulm, who left", &e).as_deref(),
            Some("trawler captain from Ulm")
        );
        assert_eq!(role_in_mention("Mr. Okoro", &e), None);
    }
}
