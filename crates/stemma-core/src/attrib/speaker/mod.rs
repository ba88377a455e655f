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
use crate::offset::{slice, Byte, Char};
pub use narration::{Narration, SentenceStart};
use phrases::*;

mod named;
mod narration;
mod phrases;

/// Resolves source mentions of one article, in text order, remembering the last speaker.
pub struct Resolver<'a> {
    entities: &'a [Entity],
    last: Option<usize>,
    /// Where the last speaker's mention starts (code points), when it named them (no
    /// pronoun or description).
    last_named_at: Option<Char>,
    /// Where the last speaker's mention starts and ends (code points), whatever its form.
    last_at: Option<(Char, Char)>,
    /// The head noun of the last speaker when no one could be named for them and an
    /// indefinite description introduced them ("one legal expert", "an official"): "the
    /// expert" after it is the same unnamed person.
    last_unnamed: Option<String>,
    /// The agent word and the one they spoke for, when the last speaker was "a spokesperson
    /// for X" resolved to X: "the spokesperson" after it is X's again.
    last_agent: Option<(String, usize)>,
    /// Name lookups already made, by mention words.
    names: FastMap<String, (Option<usize>, Option<String>)>,
    index: NameIndex,
    /// The entities' roles cut into words, built at the first description ("the minister").
    descriptions: Option<DescriptionIndex<'a>>,
    /// Every entity mention as (end, start, entity), sorted by end; made at the first pronoun
    /// that needs it.
    by_end: Option<Vec<(Char, Char, usize)>>,
    /// The byte offsets (start, end) of each mention of `by_end`, in the same order: made
    /// with it, in one walk over the text.
    mention_bytes: Vec<(Byte, Byte)>,
    /// Scratch space for name keys.
    key: String,
    /// Each entity's gender evidence ([`super::gender::scores`]).
    genders: Vec<i32>,
    /// The article's text (empty when the resolver was made without it).
    text: &'a str,
    /// Where the text's sentences start and what is quoted ([`super::Doc::narration`]).
    narration: Narration,
}

impl<'a> Resolver<'a> {
    pub fn new(entities: &'a [Entity]) -> Self {
        Resolver {
            entities,
            last: None,
            last_named_at: None,
            last_at: None,
            last_unnamed: None,
            last_agent: None,
            names: FastMap::default(),
            index: NameIndex::new(entities),
            descriptions: None,
            by_end: None,
            mention_bytes: Vec::new(),
            key: String::new(),
            genders: vec![0; entities.len()],
            text: "",
            narration: Narration::default(),
        }
    }

    /// A resolver that knows the genders `text` gives its people, so that "she" never
    /// resolves to a man, and its sentences, so that "she" may take the one woman named in
    /// the sentence before.
    pub fn with_text(entities: &'a [Entity], text: &'a str, narration: Narration) -> Self {
        let mut r = Resolver::new(entities);
        r.genders = super::gender::scores(text, entities);
        r.text = text;
        r.narration = narration;
        r
    }

    /// The speaker behind `mention` (code-point offsets into the text).
    pub fn resolve(&mut self, mention: &Span) -> Speaker {
        let (idx, role) = self.find(mention);
        self.speaker(mention, idx, role)
    }

    /// The description right before the comma that precedes code point `at` (a relative
    /// pronoun), as a mention: "the" and one lower-case word ("The union, which …", "said the
    /// source, who …").
    fn description_before(&self, at: Char) -> Option<Span> {
        let (from, sentence) = self.narration.sentence_around(self.text, at);
        let k = at.get().checked_sub(from.get())?;
        let b = sentence
            .char_indices()
            .nth(k)
            .map_or(sentence.len(), |(b, _)| b);
        let before = sentence[..b].trim_end().strip_suffix(',')?;
        let mut words = before.rsplitn(3, ' ');
        let (noun, det) = (words.next()?, words.next()?);
        let lower_word =
            !noun.is_empty() && noun.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
        if !(lower_word && matches!(det, "the" | "The")) {
            return None;
        }
        let text = format!("{det} {noun}");
        let start = from.plus(before.chars().count() - text.chars().count());
        Some(Span {
            start,
            end: start.plus(text.chars().count()),
            text,
        })
    }

    /// "I" in the answers of an interview ("Q: … A: I think …"): the person the article
    /// names first (in its headline or introduction), the one interviewed; not the one named
    /// most, who is often the one talked about.
    pub fn resolve_interviewee(&mut self, mention: &Span) -> Speaker {
        let first = (0..self.entities.len())
            .filter(|&i| self.kind_of(i) == EntityKind::Person)
            .filter_map(|i| Some((self.entities[i].mentions.iter().map(|m| m.start).min()?, i)))
            .min()
            .map(|(_, i)| i);
        self.speaker(mention, first, None)
    }

    fn speaker(&mut self, mention: &Span, idx: Option<usize>, role: Option<String>) -> Speaker {
        self.last_unnamed = if idx.is_none() {
            indefinite_head(&mention.text)
        } else {
            None
        };
        // (An agent's resolution always gives a role: no role, no agent to look for.)
        // "A spokesman for X", or "An X spokesman" whose role is that last word.
        let agent_last = || {
            let last = mention.text.rsplit(' ').next()?;
            (role.as_deref() == Some(last)).then_some(last)
        };
        // The agent stays for "the spokesperson" however many speak between, until someone
        // else is one ("spokeswoman Jane Roe", "a Labour spokesperson").
        let agent = idx
            .filter(|_| role.is_some())
            .zip(agent_for(&mention.text).map(|(a, _)| a).or_else(agent_last))
            .map(|(i, agent)| (agent.to_lowercase(), i));
        let taken = || {
            self.last_agent.as_ref().is_some_and(|(a, _)| {
                let has = |s: &str| s.to_lowercase().contains(a.as_str());
                has(&mention.text) || role.as_deref().is_some_and(has)
            })
        };
        if agent.is_some() || taken() {
            self.last_agent = agent;
        }
        if idx.is_some() {
            self.last = idx;
            self.last_at = Some((mention.start, mention.end));
            // Named: its first word past a determiner is capitalised and no pronoun ("the
            // Security Council", not "the company" or "He").
            let mut words = mention.text.split_whitespace();
            let mut first = words.next().unwrap_or("");
            if matches!(first.to_lowercase().as_str(), "the" | "a" | "an") {
                first = words.next().unwrap_or("");
            }
            let named = first.chars().next().is_some_and(char::is_uppercase)
                && !matches!(
                    first.to_lowercase().as_str(),
                    "the" | "this" | "that" | "his" | "her" | "its" | "their"
                )
                && pronoun_kind(&first.to_lowercase()).is_none();
            self.last_named_at = named.then_some(mention.start);
        }
        let e = idx.map(|i| &self.entities[i]);
        let role = role
            .or_else(|| e.and_then(|e| role_in_mention(&mention.text, e)))
            .or_else(|| e.and_then(|e| e.roles.first().cloned()));
        let kind = match idx.map(|i| self.kind_of(i)) {
            Some(EntityKind::Person) => Some(SpeakerKind::Person),
            Some(EntityKind::Organization) => Some(SpeakerKind::Organization),
            // A name of no known kind with a person's role ("The Nationals' member for
            // Cootamundra, Steph Cooke,") is a person's; one that a spokeswoman speaks for
            // ("A spokeswoman for Janney") an organisation's.
            // (A capitalised head is a title, not a word of a name: "Android Open Source".)
            Some(EntityKind::Other) => role.as_deref().and_then(|r| {
                use crate::entities::lexicon::{flags_any_case, TITLE};
                // The head as written (the phrase is lower-cased).
                let words = head_phrase(r).split(' ').count();
                let head = r.split(' ').nth(words - 1).unwrap_or("");
                let last = r.rsplit(' ').next().unwrap_or(r);
                if last.starts_with("spokes") || matches!(last, "representative" | "official") {
                    Some(SpeakerKind::Organization)
                } else if head.starts_with(char::is_uppercase)
                    && flags_any_case(head, &mut String::new()) & TITLE == 0
                {
                    None
                } else {
                    // ("Teck, the Canadian mining company,": a body's word makes a body;
                    // not one in a relative clause: "a consultant whose firm …".)
                    let r = [" who ", " whose ", " which ", " that "]
                        .iter()
                        .filter_map(|w| find_in(r, w))
                        .min()
                        .map_or(r, |p| &r[..p]);
                    kind_of_phrase(r).filter(|&k| k != SpeakerKind::Group)
                }
            }),
            Some(_) => None,
            None => kind_of_phrase(&mention.text),
        };
        Speaker {
            name: e.map(|e| {
                fuller_name(&mention.text, e)
                    .or_else(|| {
                        (kind == Some(SpeakerKind::Organization))
                            .then(|| with_portfolios(&mention.text, &e.name))
                            .flatten()
                    })
                    .or_else(|| styled_name(e))
                    .unwrap_or_else(|| e.name.clone())
            }),
            mention: Some(mention.clone()),
            role,
            kind,
        }
    }

    fn find(&mut self, mention: &Span) -> (Option<usize>, Option<String>) {
        let m = head_of(&mention.text);
        let lower = m.to_lowercase();
        // "his office", "her spokeswoman": the one the pronoun stands for, who speaks through
        // them (as "a spokesman for X" is X), with the office as the role.
        // "Premier Doug Ellison's office": the premier, with his office as the role.
        if let Some((owner, role)) = name_speaks_for(&mention.text) {
            let stand_in = Span {
                start: mention.start,
                end: mention.start.plus(owner.chars().count()),
                text: owner.to_string(),
            };
            if let (Some(i), _) = self.find(&stand_in) {
                return (Some(i), Some(role.to_string()));
            }
        }
        if anonymous_source(&lower) {
            return (None, None);
        }
        if let Some((pronoun, role)) = speaks_for(&lower) {
            let stand_in = Span {
                start: mention.start,
                end: mention.start.plus(pronoun.chars().count()),
                text: pronoun.to_string(),
            };
            let (i, _) = self.find(&stand_in);
            if i.is_some() {
                return (i, Some(role.to_string()));
            }
        }
        // ("WHO" in capitals is the World Health Organization, no relative pronoun.)
        if matches!(lower.as_str(), "who" | "which") && m.chars().any(char::is_lowercase) {
            // The relative pronoun's antecedent: the entity mentioned just before it, in its
            // own sentence ("said the source, who asked …" names no one; the name in the
            // sentence before is not the source's).
            let kinds: &[EntityKind] = if lower == "who" {
                &[EntityKind::Person, EntityKind::Organization]
            } else {
                &[EntityKind::Organization]
            };
            self.index_mentions();
            let entities = self.entities;
            let here = self.narration.sentence_of(mention.start);
            let found = self
                .last_mentioned_where(|i| kinds.contains(&entities[i].kind), mention.start)
                .filter(|&(start, _)| self.narration.sentence_of(start) == here);
            if found.is_none() {
                // "The union, which endorsed …": the description before the comma, for whom
                // it stands.
                if let Some(np) = self.description_before(mention.start) {
                    return (self.find(&np).0, None);
                }
            }
            return (found.map(|(_, i)| i), None);
        }
        if let Some(kinds) = pronoun_kind(&lower) {
            self.index_mentions();
            let g = super::gender::of_pronoun(&lower);
            let genders = &self.genders;
            // Of the right kind, and not of the other gender where the article gives one.
            let fits = |i: usize| {
                kinds.contains(&self.kind_of(i))
                    && g.is_none_or(|g| of_score(genders[i]).is_none_or(|x| x == g))
            };
            if kinds.contains(&EntityKind::Person) {
                // The subject of the clause that opens the pronoun's own sentence ("When
                // Carlineo was approached, he told police …").
                if let Some(i) = self.opening_clause_subject(mention.start, &fits) {
                    return (Some(i), None);
                }
                // The one person of the pronoun's kind named in the sentence before ("Kovač
                // laughed when told of the remark. “…,” he said.").
                if let Some(i) = self.sole_person_before(mention.start, &fits) {
                    return (Some(i), None);
                }
                // "Captain Mikael Backlund was more blunt. / “…,” he said.": the one person of
                // the pronoun's gender that a paragraph of one sentence names, before a
                // paragraph that opens with the quotation.
                if let Some(i) = g.and_then(|g| self.paragraph_subject_before(mention.start, g)) {
                    return (Some(i), None);
                }
            }
            if let Some(l) = self.last.filter(|&l| fits(l)) {
                // A person the article surely gives the pronoun's gender (more than one
                // sign), named after the last speaker ("… Amira Shahid stood up. She said …"),
                // is the one the reader has in mind.
                // Names inside quotation marks are the speaker's words, not the narration's;
                // nor is a possessor in an earlier sentence who acts ("He then referred to
                // Cooke's testimony. “…,” he concluded." is still the last speaker), though
                // one in the pronoun's own is ("Trump's call when he asked" is Trump).
                let sentence = |c: Char| self.narration.sentence_of(c);
                let here = sentence(mention.start);
                let recent = g.and_then(|g| {
                    self.last_narrated_where(
                        |i, start, k| {
                            self.kind_of(i) == EntityKind::Person
                                && genders[i].abs() >= 2
                                && of_score(genders[i]) == Some(g)
                                && !(sentence(start) != here && self.possessive(k))
                        },
                        mention.start,
                    )
                });
                // After the last speaker's own mention, whatever its form ("Bill Clinton
                // bashed Sanders. “…,” the former president said. “…,” he said." is still
                // Bill Clinton), and not within it ("Figgins, who represents Thomas, said
                // …"); nor named in the sentence where the last speaker spoke ("Figgins
                // declined to say whether Thomas slept. “…,” he said."), unless the pronoun
                // speaks to the last speaker ("Hannity asked Trump … “…,” he told Hannity").
                if let Some((at, r, _)) = recent {
                    let last_at = self.last_mentioned_where(|i| i == l, mention.start);
                    let after_last = self.last_at.is_none_or(|(p, p_end)| {
                        at >= p_end
                            && (sentence(at) != sentence(p) || self.addressed(mention.end, l))
                    });
                    if r != l && last_at.is_none_or(|(l_at, _)| at > l_at) && after_last {
                        return (Some(r), None);
                    }
                }
                return (Some(l), None);
            }
            // Else the last one of its kind the narration named; for "they", in the sentence
            // before at the farthest ("They said …" is not an organisation named paragraphs
            // earlier).
            let here = self.narration.sentence_of(mention.start);
            let near = |start: Char| {
                lower != "they"
                    || self
                        .narration
                        .sentence_of(start)
                        .zip(here)
                        .is_some_and(|(s, h)| s + 1 >= h)
            };
            return (
                self.last_narrated_where(|i, start, _| fits(i) && near(start), mention.start)
                    .map(|(_, i, _)| i),
                None,
            );
        }
        // "Multiple friends of Mike Ford", "supporters of Hillary Clinton": a group of
        // someone's, not that person.
        let of_someone = || {
            let head = head_of(&mention.text).to_lowercase();
            let phrase = head_phrase(&mention.text);
            head.get(phrase.len()..)
                .is_some_and(|rest| rest.starts_with(" of ") || rest.starts_with(" for "))
        };
        let group = agent_for(&mention.text).is_none() && names_a_group(&mention.text);
        if group && of_someone() {
            return (None, None);
        }
        // A person the mention names in its own words, wherever the role puts the name.
        if let Some(i) = self.person_named_in(mention) {
            return (i, None);
        }
        // "A second group, Citizens for Honest Trade": a description, then the organisation's
        // name in apposition.
        if let Some(i) = self.organisation_in_apposition(&mention.text) {
            return (Some(i), None);
        }
        // "Police in Kessel", "diplomats familiar with the talks": a group, not the place or
        // the talks after its preposition.
        if group {
            return (None, None);
        }
        if let Some(i) = self.lede_introduced(mention) {
            // The description is their role ("former finance chief of the … Board").
            let role = mention.text.split_once(' ').map(|(_, r)| r.to_string());
            return (Some(i), role);
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
            // "In an emailed statement, Westerly Marine said … “…,” the statement said": the
            // words a statement, a release or a letter says are those of who spoke last.
            if let Some(noun) = own_document(&mention.text.to_lowercase()) {
                let author = |l: &usize| {
                    self.last_sentence_names(noun) && !is_news_outlet(&self.entities[*l].name)
                };
                if let Some(l) = self.last.filter(author) {
                    return (Some(l), None);
                }
            }
            // "A spokesperson for the Rail Delivery Group described … “…,” the spokesperson
            // said.": the one the agent spoke for, again.
            if first == "the" {
                if let Some((agent, i)) = &self.last_agent {
                    if lower.strip_prefix("the ") == Some(agent.as_str()) {
                        return (Some(*i), Some(agent.clone()));
                    }
                }
            }
            // "…,” said one legal expert. “…,” the expert warned.": the same unnamed
            // person, not someone the article names.
            if matches!(first, "the" | "this" | "that")
                && self
                    .last_unnamed
                    .as_deref()
                    .is_some_and(|h| lower.rsplit(' ').next() == Some(h))
            {
                return (None, None);
            }
            if let Some(i) = self.body_described(&lower, mention.start) {
                return (Some(i), None);
            }
            // "The Economist: …", "The Guardian reported": a publication's name, no
            // description of anyone.
            if capitalised_name(m) {
                return (None, None);
            }
            let entities = self.entities;
            let descriptions = self
                .descriptions
                .get_or_insert_with(|| DescriptionIndex::new(entities));
            if let Some(i) = descriptions.resolve(m, mention.start) {
                return (Some(i), None);
            }
            // "the RNC member" whom no role in the article matches: the organisation.
            if let Some((i, agent)) = self.organisation_and_agent(&mention.text) {
                return (Some(i), Some(agent));
            }
            // "The Rail Delivery Group said it was disappointed. “…,” a spokesperson said.":
            // a spokesperson for no one named speaks for the organisation that spoke just
            // before (in that sentence or the one before it).
            if let Some(agent) = lower
                .strip_prefix("a ")
                .filter(|a| matches!(*a, "spokesman" | "spokeswoman" | "spokesperson"))
            {
                if let Some(l) = self.last.filter(|&l| {
                    self.kind_of(l) == EntityKind::Organization
                        && self.last_at.is_some_and(|(p, _)| {
                            let sentence = |c: Char| self.narration.sentence_of(c);
                            sentence(p)
                                .zip(sentence(mention.start))
                                .is_some_and(|(p, h)| p + 1 >= h)
                        })
                }) {
                    return (Some(l), Some(agent.to_string()));
                }
            }
            // "The Democratic presidential candidate said": a definite description of a
            // person that no role in the article matches is the person who spoke last.
            if matches!(first, "the" | "this") && !unnamed_agent(&lower) {
                // A description that a place or a party qualifies ("the Vermont senator", "the
                // Kentucky Republican") varies the name of someone just mentioned: the one who
                // spoke last, when it fits them ("…,” Sanders said. … the Vermont senator
                // acknowledged"). A plain one ("the candidate", "the presumptive nominee") is
                // the story's most-named person.
                if qualified_description(&mention.text) {
                    let fits = |l: usize| {
                        self.described_by(l, &lower) && roles_allow(&self.entities[l], &lower)
                    };
                    if let Some(l) = self.last.filter(|&l| fits(l)) {
                        return (Some(l), None);
                    }
                }
                // "The senator from Florida" is not the most-named senator unless a role the
                // article gives them names Florida.
                let place = find_in(&mention.text, " from ").and_then(|p| {
                    let rest = &mention.text[p + " from ".len()..];
                    let rest = rest.strip_prefix("the ").unwrap_or(rest);
                    rest.starts_with(char::is_uppercase)
                        .then(|| rest.split([' ', ',']).next().unwrap_or(rest))
                });
                if let Some(i) = self.most_named(mention.start, &lower).filter(|&i| {
                    place.is_none_or(|p| self.entities[i].roles.iter().any(|r| r.contains(p)))
                }) {
                    return (Some(i), None);
                }
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
                if self.kind_of(i) == EntityKind::Person {
                    return (Some(i), None);
                }
            }
        }
        (None, None)
    }

    /// "the company", "the power utility": the organisation whose name holds the noun
    /// (mentioned last before `at`), else the last speaker when that is an organisation.
    fn body_described(&mut self, lower: &str, at: Char) -> Option<usize> {
        let phrase = head_phrase(lower);
        let head = phrase.rsplit(' ').next().unwrap_or("");
        if !BODY_NOUNS.contains(&head) {
            return None;
        }
        self.index_mentions();
        let entities = self.entities;
        // "the local residents' association", "the workers' union": a body of its owners,
        // not one whose name lacks them.
        let owners: Vec<&str> = phrase
            .split(' ')
            .filter_map(|w| {
                w.strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .or_else(|| w.strip_suffix('\''))
                    .or_else(|| w.strip_suffix('’'))
            })
            .filter(|o| !o.is_empty())
            .collect();
        let has_owners = |i: usize| {
            owners.iter().all(|o| {
                entities[i]
                    .name
                    .split(' ')
                    .any(|n| n.to_lowercase().starts_with(o))
            })
        };
        let named = self.last_mentioned_where(
            |i| {
                entities[i].kind != EntityKind::Place
                    && has_owners(i)
                    && entities[i]
                        .name
                        .split(' ')
                        .any(|w| w.eq_ignore_ascii_case(head))
            },
            at,
        );
        if let Some((_, i)) = named {
            return Some(i);
        }
        // "the union" is no "Rail Delivery Group": a body of one sort is none whose name
        // ends in the word for another sort.
        let same_sort = |i: usize| {
            use crate::entities::lexicon::{flags_any_case, ORG_HEAD};
            let last = entities[i].name.rsplit(' ').next().unwrap_or("");
            !SORTS.contains(&head)
                || last.eq_ignore_ascii_case(head)
                || flags_any_case(last, &mut String::new()) & ORG_HEAD == 0
        };
        if let Some(l) = self
            .last
            .filter(|&l| self.organisation_like(l) && has_owners(l) && same_sort(l))
        {
            // "Volkswagen is giving us a glimpse … The German automaker … says": an
            // organisation that opens a sentence after the last speaker was named is the
            // one the story has moved on to.
            let since = self
                .last_mentioned_where(|i| i == l, at)
                .map_or(Char::ZERO, |(start, _)| start);
            return Some(
                self.organisation_opening_since(since, at)
                    .filter(|&i| same_sort(i))
                    .unwrap_or(l),
            );
        }
        // "Halden Motors will cut 1,200 jobs, the carmaker said": the organisation that opens
        // the description's own sentence (its subject; not one named in passing: "despite
        // the Supreme Court ban, … the monitoring agency announced").
        let (from, _) = self.narration.sentence_around(self.text, at);
        let by_end = self.by_end.as_deref().unwrap_or(&[]);
        let lo = by_end.partition_point(|&(end, ..)| end <= from);
        let hi = by_end.partition_point(|&(end, ..)| end <= at);
        let (k, &(_, start, i)) = (lo..hi)
            .zip(&by_end[lo..hi])
            .min_by_key(|&(_, &(_, start, _))| start)?;
        if start < from {
            return None;
        }
        (self.opens_sentence(k)
            && self.kind_of(i) == EntityKind::Organization
            && has_owners(i)
            && same_sort(i))
        .then_some(i)
    }

    /// The last organisation (no news outlet) named first in a sentence ("Volkswagen is …",
    /// "The Corran Mutual said …") that starts after `since` and before `at`, outside
    /// quotation marks. (After the mentions are indexed.)
    fn organisation_opening_since(&self, since: Char, at: Char) -> Option<usize> {
        let by_end = self.by_end.as_deref().unwrap_or(&[]);
        let lo = by_end.partition_point(|&(end, ..)| end <= since);
        let hi = by_end.partition_point(|&(end, ..)| end <= at);
        (lo..hi)
            .zip(&by_end[lo..hi])
            .filter(|&(k, &(_, start, i))| {
                start > since
                    && self.kind_of(i) == EntityKind::Organization
                    && !is_news_outlet(&self.entities[i].name)
                    && !self.narration.is_quoted(start)
                    && self.opens_sentence(k)
            })
            .max_by_key(|&(_, &(_, start, _))| start)
            .map(|(_, &(_, _, i))| i)
    }

    /// Whether mention `k` of `by_end` is the first word of its sentence, or follows only
    /// "The". (After the mentions are indexed.)
    fn opens_sentence(&self, k: usize) -> bool {
        let (Some(&(_, start, _)), Some(&(b, _))) = (
            self.by_end.as_deref().and_then(|v| v.get(k)),
            self.mention_bytes.get(k),
        ) else {
            return false;
        };
        let from = self
            .narration
            .sentence_of(start)
            .map_or(Byte::ZERO, |s| self.narration.sentences[s].byte);
        let lead = slice(self.text, from, b);
        matches!(lead.trim(), "" | "The" | "the")
    }

    /// The person a definite description that no role matches most likely means: of those
    /// it can stand for ([`Self::described_by`]), the one named most often before `at` (at
    /// least twice; the last named on ties), the story's main character.
    fn most_named(&self, at: Char, description: &str) -> Option<usize> {
        let mut best: Option<(usize, Char, usize)> = None;
        for (i, e) in self.entities.iter().enumerate() {
            if self.kind_of(i) != EntityKind::Person {
                continue;
            }
            let before = e.mentions.iter().filter(|m| m.end <= at);
            let (n, last) = before.fold((0, Char::ZERO), |(n, l), m| (n + 1, l.max(m.start)));
            if n >= 2
                && best.is_none_or(|b| (n, last) > (b.0, b.1))
                && self.described_by(i, description)
            {
                best = Some((n, last, i));
            }
        }
        best.map(|b| b.2)
    }

    /// The entity's kind as a speaker: a name of no known kind that a given name or title
    /// marks with a gender ("Greta Solheim") is a person.
    fn kind_of(&self, i: usize) -> EntityKind {
        match self.entities[i].kind {
            EntityKind::Other if self.genders[i] != 0 => EntityKind::Person,
            k => k,
        }
    }

    /// Whether `description` ("the democratic presidential candidate", lower-cased) can
    /// stand for the person `i`: its head is a word for a person's role or title, and no
    /// word of it gives the other gender ("the new york businessman" is no woman).
    fn described_by(&self, i: usize, description: &str) -> bool {
        use crate::entities::lexicon::{flags_any_case, TITLE};
        let head = head_of(description);
        // The head noun comes before a prepositional phrase ("the candidates for president").
        let head = [" for ", " of ", " in ", " from ", " at ", " with "]
            .iter()
            .filter_map(|p| find_in(head, p))
            .min()
            .map_or(head, |p| &head[..p]);
        let head = head.rsplit(' ').next().unwrap_or(head);
        let g = super::gender::of_score(self.genders[i]);
        // A plural ("the major candidates", "the past three finance chairmen") is no one
        // person.
        let plural = head.ends_with("men") || head.ends_with('s') && !head.ends_with("ss");
        self.kind_of(i) == EntityKind::Person
            && !plural
            && head != description
            && flags_any_case(head, &mut String::new()) & TITLE != 0
            && !GROUPS.contains(&head)
            && description
                .split(' ')
                .filter_map(super::gender::of_word)
                .all(|w| g.is_none_or(|g| g == w))
    }

    /// An organisation, or a name the entities took for a person that nothing marks as one
    /// (no gender, no given name: "Northwind Power said …").
    fn organisation_like(&self, i: usize) -> bool {
        let e = &self.entities[i];
        match self.kind_of(i) {
            EntityKind::Organization => true,
            EntityKind::Person | EntityKind::Other => {
                let first = e.name.split(' ').next().unwrap_or("");
                // Never a surname alone, a role or a gender: what a person's mentions give.
                self.genders[i] == 0
                    && e.roles.is_empty()
                    && e.mentions.iter().all(|m| m.text == e.name)
                    && e.name.contains(' ')
                    && super::gender::of_given_name(first).is_none()
                    && crate::entities::lexicon::flags_any_case(first, &mut String::new())
                        & crate::entities::lexicon::GIVEN
                        == 0
            }
            _ => false,
        }
    }
}

/// Whether `mention` is "The" and one capitalised word that names a publication ("The
/// Economist", "The Guardian", "The Atlantic"): a name, not a description of an economist.
fn capitalised_name(mention: &str) -> bool {
    let mut words = mention.split_whitespace();
    let (Some(the), Some(name), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    matches!(the, "The" | "the")
        && name.starts_with(|c: char| c.is_uppercase())
        && (is_news_outlet(name)
            || matches!(
                name.to_lowercase().as_str(),
                "economist" | "atlantic" | "hill" | "spectator" | "verge" | "intercept" | "nation"
            ))
}

/// A person known by one name and a title of rank is named with both ("Prince Andrew",
/// "Pope Francis", "Queen Rania"): the one name alone is not the name a reader knows. Only
/// for a one-word name whose entity carries such a title as a role.
fn styled_name(e: &Entity) -> Option<String> {
    const RANKS: &[&str] = &[
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Pope",
        "Emir",
        "Sultan",
        "Duke",
        "Duchess",
        "Crown Prince",
        "Crown Princess",
    ];
    if e.kind != EntityKind::Person || e.name.contains(' ') {
        return None;
    }
    e.roles.iter().find_map(|r| {
        RANKS
            .iter()
            .find(|k| k.eq_ignore_ascii_case(r.trim()))
            .map(|k| format!("{k} {}", e.name))
    })
}

/// The head noun of an indefinite description ("one legal expert" → "expert", "an
/// official"), lower-cased; `None` for anything else.
fn indefinite_head(mention: &str) -> Option<String> {
    let m = head_of(mention).to_lowercase();
    let mut words = m.split_whitespace();
    if !matches!(words.next()?, "a" | "an" | "one" | "another") {
        return None;
    }
    let last = words.last()?;
    last.chars()
        .all(char::is_alphabetic)
        .then(|| last.to_string())
}

#[cfg(test)]
mod tests;
