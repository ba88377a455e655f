//! Mentions that name whom they stand for: a name, a name after role words ("Russian Foreign
//! Minister Sergey Lavrov"), a person named inside a description ("Director of threat
//! research at Cobalt Shield, Dana Reyes"), an organisation in apposition ("A second group,
//! Citizens for Honest Trade") or before the word for who speaks for it ("A Kessel Port
//! Authority spokesperson"). The resolver's cascade (`find`, in the module above) asks these
//! for a mention that is no pronoun; descriptions ("the minister") come after.

use super::phrases::*;
use super::Resolver;
use crate::model::{EntityKind, Span};
use crate::offset::Char;

impl Resolver<'_> {
    /// A name, a name after role words, or "a spokesman for X" (the same words always give
    /// the same answer, so the resolver keeps it).
    pub(super) fn by_name(&mut self, m: &str, mention: &str) -> (Option<usize>, Option<String>) {
        let (index, key) = (&self.index, &mut self.key);
        // "A spokeswoman for the Department of …": the department, with her office as the
        // role (the whole phrase would find a name inside it, and no role).
        if let Some((role, org)) = agent_first(mention) {
            let i = index
                .resolve_with(org, key)
                .or_else(|| index.resolve_with(org.trim_start_matches("the "), key));
            if i.is_some() {
                return (i, Some(role));
            }
        }
        // "A Kessel Port Authority spokesperson" (not "the …": the one the article named
        // may be meant).
        if !mention.starts_with("the ") && !mention.starts_with("The ") {
            if let Some((i, agent)) = self.organisation_and_agent(mention) {
                return (Some(i), Some(agent));
            }
        }
        let (index, key) = (&self.index, &mut self.key);
        if let Some(i) = index.resolve_with(m, key) {
            return (Some(i), None);
        }
        // "Russian Foreign Minister Sergey Lavrov": the name after the role words; past a
        // preposition never a place ("The senator from Florida", "Polls in New Hampshire",
        // "a group representing rural counties in California").
        let mut rest = m;
        let mut past_preposition = false;
        let mut past_place_word = false;
        while let Some((word, tail)) = rest.split_once(' ') {
            rest = tail;
            // The words before the one just passed ("The Holocaust Memorial Museum" before
            // "in Washington").
            let lead = m[..m.len() - rest.len() - word.len() - 1].trim_end();
            past_preposition |= matches!(word, "of" | "for" | "at" | "from" | "with" | "in");
            // Where someone is from: a name of no known kind after "in" or "from", after
            // words for people or a body, is a place's ("A lawmaker in Eastmark"; "a report
            // in the Des Moines Register" is the paper's).
            past_place_word |= matches!(word, "from" | "in") && kind_of_phrase(lead).is_some();
            if let Some(i) = index.resolve_with(rest, key) {
                // (A city's or a state's government speaks as the place: "The city of
                // Phoenix", "the government in Beijing".)
                let metonym = || {
                    let last = lead.rsplit(' ').next().unwrap_or(lead);
                    ["city", "state", "government", "county", "town", "province"]
                        .iter()
                        .any(|b| last.eq_ignore_ascii_case(b))
                };
                let place = match self.entities[i].kind {
                    EntityKind::Place => past_preposition,
                    EntityKind::Other => past_place_word,
                    _ => false,
                };
                if place && !metonym() {
                    // "The Holocaust Memorial Museum in Washington": the body before the
                    // preposition, when it is a name.
                    let body = ["the ", "The "]
                        .iter()
                        .find_map(|d| lead.strip_prefix(d))
                        .unwrap_or(lead);
                    let body = index
                        .resolve_with(body, key)
                        .filter(|&j| self.entities[j].kind == EntityKind::Organization);
                    if body.is_some() {
                        return (body, None);
                    }
                    break;
                }
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
        // "Royal said": a surname that is also a common word (no name key of its own), in a
        // speaker's place, is the one person whose name ends in it.
        let surname = !m.contains(' ')
            && m.chars().next().is_some_and(char::is_uppercase)
            && m.chars().skip(1).any(char::is_lowercase);
        if surname {
            let mut people = (0..self.entities.len()).filter(|&i| {
                self.kind_of(i) == EntityKind::Person
                    && self.entities[i]
                        .name
                        .rsplit_once(' ')
                        .is_some_and(|(_, last)| last == m)
            });
            if let (Some(i), None) = (people.next(), people.next()) {
                return (Some(i), None);
            }
        }
        (None, None)
    }

    /// "A Kessel Port Authority spokesperson", "the RNC member": the organisation the mention
    /// names, then the word for the one who speaks for it (its role).
    pub(super) fn organisation_and_agent(&mut self, mention: &str) -> Option<(usize, String)> {
        let (org, agent) = mention.rsplit_once(' ')?;
        let org = ["a ", "an ", "the ", "A ", "An ", "The "]
            .iter()
            .find_map(|d| org.strip_prefix(d))
            .unwrap_or(org);
        // One who speaks ("Senate aides" are a group), for a name ("A company spokesperson"
        // names none).
        let one_speaker =
            AGENTS.contains(&agent) && !agent.ends_with('s') && agent != "spokespeople";
        if !(one_speaker && org.starts_with(char::is_uppercase)) {
            return None;
        }
        let i = self.index.resolve_with(org, &mut self.key)?;
        (self.entities[i].kind == EntityKind::Organization).then(|| (i, agent.to_string()))
    }

    /// A person the mention names in its own words: "Meteorologist Daniela Feretti of the
    /// National Weather Office", "Director of threat research at Cobalt Shield, Dana Reyes",
    /// "Acheampong's deputy, Sunita Ramaswamy" (see [`stands_alone`]): the first that opens
    /// the mention or an appositive of it, else the first. `Some(None)` when it names several
    /// people with "and" ("Trump and Ryan"): no one of them is the speaker.
    pub(super) fn person_named_in(&mut self, mention: &Span) -> Option<Option<usize>> {
        self.index_mentions();
        let by_end = self.by_end.as_deref().unwrap_or(&[]);
        let hi = by_end.partition_point(|&(end, ..)| end <= mention.end);
        // (not at the head of a phrase, start, entity): the best is the least.
        let mut best: Option<(bool, Char, usize)> = None;
        // The person mentions inside, (start, end, entity) from the last.
        let mut inside: Vec<(usize, usize, usize)> = Vec::new();
        for &(end, start, i) in by_end[..hi].iter().rev() {
            if end <= mention.start {
                break;
            }
            let kind = self.kind_of(i);
            if start < mention.start || !matches!(kind, EntityKind::Person | EntityKind::Other) {
                continue;
            }
            let (a, b) = (start.since(mention.start), end.since(mention.start));
            if kind == EntityKind::Person {
                inside.push((a, b, i));
            }
            // A name of no known kind counts where it heads an appositive ("A spokeswoman
            // for the association, Linnea Børresen").
            let Some(head) = stands_alone(&mention.text, a, b)
                .filter(|&h| h && b == mention.text.chars().count() || kind == EntityKind::Person)
            else {
                continue;
            };
            // "a firm founded in 1999 by the accountant Rupert Hoogewerf": the agent of a
            // participle inside the phrase is no speaker, unless the name heads it.
            if !head && agent_of_participle(&mention.text, a) {
                continue;
            }
            let cand = (!head, start, i);
            if best.is_none_or(|c| cand < c) {
                best = Some(cand);
            }
        }
        inside.sort_unstable();
        // "Patrick Hale, Teresa's husband and the firm's editor": a possessor after the comma
        // describes the first person; it joins no second one.
        let possessive_at = |b: usize| {
            let mut rest = mention.text.chars().skip(b);
            matches!((rest.next(), rest.next()), (Some('’' | '\''), Some('s')))
        };
        let several = inside.windows(2).any(|w| {
            let ((_, e, i), (s, e2, j)) = (w[0], w[1]);
            i != j && joins_people(&mention.text, e, s) && !possessive_at(e2)
        });
        if several {
            return Some(None);
        }
        best.map(|b| Some(b.2))
    }

    /// The organisation a description names in apposition ("A second group, Citizens for
    /// Honest Trade", "the regulator, the Office of Rail Standards,"): the whole appositive
    /// is its name.
    pub(super) fn organisation_in_apposition(&mut self, mention: &str) -> Option<usize> {
        let (head, appos) = mention.split_once(", ")?;
        let first = head.split(' ').next().unwrap_or("").to_lowercase();
        // A description names no one itself ("A quick trip to Flint, Mich." is no group).
        let described = head
            .split(' ')
            .skip(1)
            .all(|w| !w.starts_with(char::is_uppercase));
        if !matches!(first.as_str(), "a" | "an" | "the" | "another" | "one") || !described {
            return None;
        }
        let appos = appos.trim_end_matches([',', ' ']);
        let i = self.index.resolve_with(appos, &mut self.key)?;
        matches!(
            self.kind_of(i),
            EntityKind::Organization | EntityKind::Other
        )
        .then_some(i)
    }
}

/// Whether the name at code point `a` of `mention` is the agent of a participle before it:
/// "by" comes at most six words before the name, with a word in -ed at most three words before
/// "by" ("founded in 1999 by the British accountant …", "led by", "owned by").
pub(super) fn agent_of_participle(mention: &str, a: usize) -> bool {
    let end = mention
        .char_indices()
        .nth(a)
        .map_or(mention.len(), |(k, _)| k);
    let words: Vec<&str> = mention[..end].split_whitespace().collect();
    let n = words.len();
    (n.saturating_sub(6)..n).any(|k| {
        words[k] == "by"
            && (k.saturating_sub(3)..k).any(|j| {
                let w = words[j].trim_end_matches(',');
                w.len() > 3 && w.ends_with("ed")
            })
    })
}
