//! Named entities of an article: people, organisations and places, their roles, every mention,
//! and the aliases the article itself asserts (each with the words that assert it).
//!
//! Rule-based and single-pass: the text is tokenised once ([`tokens`]), capitalised runs are
//! read as names with their titles and roles ([`names`]), alias constructions are found
//! ([`aliases`]), and runs are grouped into entities through hash maps of name keys ([`keys`]):
//! full names, the shorter forms that may refer to them (surname, the end of an organisation's
//! name) and acronyms. Offsets are Unicode code points, as in [`Span`].

mod aliases;
mod keys;
pub(crate) mod lexicon;
mod names;
mod nicknames;
mod resolve;
mod roles;
mod tokens;

#[cfg(test)]
mod tests;

use std::cell::RefCell;

use crate::model::{Alias, Entity, EntityKind, Span};
use crate::offset::{slice_or_empty, Byte, Char};

use aliases::{find_claims, Claim};
use keys::{acronym, distinctive, for_each_suffix, norm_key, partial_ok, word_start_keys, KeyMap};
use lexicon::{canonical_place, flags, is_company_tail, is_org_phrase, FastMap, GIVEN, PLACE};
use names::{find_runs, find_runs_into, Run};
use tokens::tokenize_into;

pub use resolve::{resolve_description, resolve_name, DescriptionIndex, NameIndex};

// What the text shows about an entity's kind.
const EV_ROLE: u16 = 1;
const EV_COURTESY: u16 = 1 << 1;
const EV_GIVEN: u16 = 1 << 2;
const EV_SPEECH: u16 = 1 << 3;
const EV_SURNAME: u16 = 1 << 4;
const EV_ORG: u16 = 1 << 5;
const EV_ACRONYM: u16 = 1 << 6;
const EV_PLACE: u16 = 1 << 7;
/// Shaped like a place's name ("Lynn Lake"), which the gazetteer does not know: weaker than a
/// title, "Mr." or a verb of saying, which make it a person's ("Ricki Lake said").
const EV_PLACE_SHAPE: u16 = 1 << 8;

const NONE: usize = usize::MAX;
/// Bounds on what one entity collects, so that a hostile page cannot make the linear dedupes
/// quadratic.
const MAX_ALIASES: usize = 64;
const MAX_ROLES: usize = 32;

fn kind_of(ev: u16) -> EntityKind {
    if ev & EV_PLACE != 0 && ev & (EV_ROLE | EV_COURTESY | EV_ORG) == 0 {
        EntityKind::Place
    } else if ev & EV_ORG != 0 {
        EntityKind::Organization
    } else if ev & EV_PLACE_SHAPE != 0 && ev & (EV_ROLE | EV_COURTESY | EV_SPEECH | EV_SURNAME) == 0
    {
        EntityKind::Place
    } else if ev & (EV_ROLE | EV_COURTESY | EV_GIVEN | EV_SURNAME) != 0 {
        EntityKind::Person
    } else if ev & EV_ACRONYM != 0 {
        EntityKind::Organization
    } else if ev & EV_SPEECH != 0 {
        EntityKind::Person
    } else {
        EntityKind::Other
    }
}

/// An alias being collected: the alias, its key, and whether a construction asserts it (rather
/// than the text just using the name).
struct AliasWork {
    alias: Alias,
    key: String,
    explicit: bool,
}

#[derive(Default)]
struct Work {
    name: String,
    key: String,
    ev: u16,
    aliases: Vec<AliasWork>,
    roles: Vec<String>,
    mentions: Vec<Span>,
    parent: usize,
}

fn span(text: &str, bs: Byte, be: Byte, cs: Char, ce: Char) -> Span {
    Span {
        start: cs,
        end: ce,
        text: slice_or_empty(text, bs, be).to_string(),
    }
}

/// The family name of a two-word name written family name first, as Korean and Chinese
/// names are ("Ban Ki-moon", "Moon Jae-in", "Xi Jinping"), so that "Mr. Ban" and "Xi" find
/// it: a given name hyphenated before a lower-case syllable, or a common Chinese family name
/// that is no Western given name. The first word of `key`, or `None`.
fn family_name_first<'k>(name: &str, key: &'k str) -> Option<&'k str> {
    const CHINESE: &[&str] = &[
        "xi", "hu", "wen", "li", "wang", "zhang", "liu", "chen", "zhao", "zhou", "deng", "jiang",
        "mao", "wu", "yang", "huang", "zhu", "guo",
    ];
    let mut written = name.split_whitespace();
    let (Some(_), Some(given), None) = (written.next(), written.next(), written.next()) else {
        return None;
    };
    // The key splits a hyphenated given name in two ("seo min jae").
    let (family, rest) = key.split_once(' ')?;
    let korean = given
        .split_once('-')
        .is_some_and(|(a, b)| !a.is_empty() && b.starts_with(|c: char| c.is_lowercase()));
    let chinese = !rest.contains(' ') && CHINESE.contains(&family);
    (korean || chinese).then_some(family)
}

struct Builder<'a> {
    text: &'a str,
    ents: Vec<Work>,
    /// Full names and asserted aliases (normalised), places under their gazetteer name.
    full: KeyMap,
    /// Shorter forms: surnames, ends of organisation names.
    part: KeyMap,
    /// The ends of a name that begin inside a hyphenated word ("Hypo-Cruz" → "cruz"), looked
    /// up only when no name ends with the word itself: the "Cruz" after a video account called
    /// "Hypo-Cruz" is Ted Cruz.
    part_in_word: KeyMap,
    /// The first word of each multi-word name: the first entity named so, and NONE under
    /// the same key once another entity's name opens with it too ("Tomas Brekke", "Tomas
    /// Lind").
    first_word: KeyMap,
    /// Acronyms of multi-word names.
    acro: KeyMap,
    /// The entity each run went to.
    run_ent: Vec<usize>,
    /// Lone surnames that a courtesy title gives one sex anywhere in the text ("Mr. Obama"):
    /// bit 1 male, bit 2 female.
    surname_sex: FastMap<String, u8>,
    /// Surnames that are also one-word places, of the people named "Given Surname" ("Pamela
    /// Lyon"): see [`Builder::surname_not_place`].
    place_surname: KeyMap,
    key: String,
    scratch: String,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, runs: usize) -> Self {
        Builder {
            text,
            ents: Vec::new(),
            full: KeyMap::with_capacity(runs),
            part: KeyMap::with_capacity(runs),
            part_in_word: KeyMap::default(),
            first_word: KeyMap::default(),
            acro: KeyMap::with_capacity(runs / 4),
            run_ent: vec![NONE; runs],
            surname_sex: FastMap::default(),
            place_surname: KeyMap::default(),
            key: String::new(),
            scratch: String::new(),
        }
    }

    fn find(&mut self, mut e: usize) -> usize {
        while self.ents[e].parent != e {
            let p = self.ents[e].parent;
            self.ents[e].parent = self.ents[p].parent;
            e = p;
        }
        e
    }

    /// Make `name` (with key `key`) find entity `e`.
    fn register(&mut self, e: usize, name: &str, key: &str) {
        self.register_introduced(e, name, key, false);
    }

    /// [`Builder::register`] for a name that a role or a courtesy title brings in
    /// (`introduced`): its surname finds it even when it is also a given name and no list
    /// knows the given name ("Lakers forward LeBron James" … "James").
    fn register_introduced(&mut self, e: usize, name: &str, key: &str, introduced: bool) {
        self.full.insert_first(key, e);
        if let Some((first, _)) = key.split_once(' ') {
            match self.first_word.get(first) {
                None => self.first_word.insert_first(first, e),
                Some(x) if x != e && x != NONE => self.first_word.insert_last(first, NONE),
                Some(_) => {}
            }
        }
        if let Some(p) = canonical_place(key) {
            self.full.insert_first(p, e);
            return;
        }
        if let Some((first, last)) = key.split_once(' ') {
            if !last.contains(' ') && canonical_place(last).is_some() && is_given_name(first) {
                self.place_surname.insert_last(last, e);
            }
        }
        if name.contains(tokens::is_hyphen) {
            let words: Vec<String> = word_start_keys(name).collect();
            let (part, in_word) = (&mut self.part, &mut self.part_in_word);
            for_each_suffix(key, |s| {
                if words.iter().any(|w| w == s) {
                    part.insert_last(s, e);
                } else {
                    in_word.insert_last(s, e);
                }
            });
        } else {
            for_each_suffix(key, |s| self.part.insert_last(s, e));
        }
        // "Charlie King", "Theresa May": a surname that is also a title word or a modal is no
        // distinctive suffix, but after a given name it is the surname that "Mr. King" and
        // "Mrs. May" look up.
        if let Some((first, last)) = key.split_once(' ') {
            // So is a surname that is also a given name ("Frank Lucas", "Kevin James"):
            // news names a person by surname after the first mention.
            let surname = roles::is_surname_title(last) || names::is_modal_surname(last);
            let given_surname = flags(last) & GIVEN != 0 && distinctive(last);
            if !last.contains(' ')
                && (flags(first) & GIVEN != 0 && surname
                    || (is_given_name(first) || introduced) && given_surname)
            {
                self.part.insert_last(last, e);
            }
        }
        if let Some(family) = family_name_first(name, key) {
            self.part.insert_last(family, e);
        }
        if let Some(short) = company_short_form(key) {
            self.part.insert_last(short, e);
        }
        if key.contains(' ') && acronym(name, &mut self.scratch) {
            self.acro.insert_last(&self.scratch, e);
        }
    }

    fn lookup(&self, key: &str, place: Option<&str>, is_acronym: bool) -> Option<usize> {
        if let Some(p) = place {
            return self.full.get(p);
        }
        self.full
            .get(key)
            .or_else(|| if is_acronym { self.acro.get(key) } else { None })
            .or_else(|| self.part.get(key))
            .or_else(|| self.part_in_word.get(key))
    }

    /// Make `name` (with key `key`) an alias of entity `e`, with the evidence that `evidence`
    /// makes: only when it is kept, since most names an entity is called by are its name or an
    /// alias it has already.
    fn add_alias(
        &mut self,
        e: usize,
        name: &str,
        key: &str,
        evidence: impl FnOnce() -> Span,
        in_title: bool,
        explicit: bool,
    ) {
        let w = &mut self.ents[e];
        if key.is_empty() || w.key == key {
            return;
        }
        let alias = || Alias {
            name: name.trim().to_string(),
            evidence: evidence(),
            in_title,
        };
        if let Some(a) = w.aliases.iter_mut().find(|a| a.key == key) {
            if explicit && !a.explicit {
                a.alias = alias();
                a.explicit = true;
            }
            return;
        }
        if w.aliases.len() >= MAX_ALIASES {
            return;
        }
        w.aliases.push(AliasWork {
            alias: alias(),
            key: key.to_string(),
            explicit,
        });
    }

    /// Merge entity `absorb` into `keep`.
    fn union(&mut self, keep: usize, absorb: usize) {
        let (a, b) = (self.find(keep), self.find(absorb));
        if a == b {
            return;
        }
        let w = std::mem::take(&mut self.ents[b]);
        self.ents[b].parent = a;
        if let Some(first) = w.mentions.first() {
            self.add_alias(a, &w.name, &w.key, || first.clone(), false, false);
        }
        for al in w.aliases {
            self.add_alias(
                a,
                &al.alias.name,
                &al.key,
                || al.alias.evidence,
                al.alias.in_title,
                al.explicit,
            );
        }
        let t = &mut self.ents[a];
        t.ev |= w.ev;
        t.mentions.extend(w.mentions);
        for r in w.roles {
            if t.roles.len() < MAX_ROLES && !t.roles.iter().any(|x| x.eq_ignore_ascii_case(&r)) {
                t.roles.push(r);
            }
        }
    }

    fn evidence_of(&self, run: &Run, place: bool) -> u16 {
        let mut ev = 0;
        if run.role.is_some() {
            ev |= EV_ROLE;
        }
        if run.courtesy {
            ev |= EV_COURTESY;
        }
        if run.first_flags & GIVEN != 0 && run.words > 1 {
            ev |= EV_GIVEN;
        }
        if run.speech {
            ev |= EV_SPEECH;
        }
        if run.org {
            ev |= EV_ORG;
        }
        // Long words in capitals are more often shouting than acronyms ("BUFFALO").
        if run.acronym && !place && run.be.since(run.bs) <= 5 {
            ev |= EV_ACRONYM;
        }
        if place {
            ev |= EV_PLACE;
        }
        if run.place_shaped {
            ev |= EV_PLACE_SHAPE;
        }
        ev
    }

    /// The one person so far whose full name opens with the given name `key` ("marguerite"
    /// → Marguerite Okonjo-Baird); `None` if `key` is no given name or not one person has it.
    fn sole_person_named(&mut self, key: &str) -> Option<usize> {
        if !is_given_name(key) {
            return None;
        }
        // Looked up, not searched: a page of many names stays linear.
        let e = self.first_word.get(key).filter(|&e| e != NONE)?;
        let e = self.find(e);
        let w = &self.ents[e];
        (w.ev & (EV_ORG | EV_PLACE | EV_ACRONYM) == 0
            && w.key
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(' ')))
        .then_some(e)
    }

    /// Record that run `r` mentions entity `e`.
    fn join(&mut self, e: usize, r: usize, run: &Run, place: bool) {
        let ev = self.evidence_of(run, place);
        let text = self.text;
        let w = &mut self.ents[e];
        w.ev |= ev;
        w.mentions.push(span(text, run.bs, run.be, run.cs, run.ce));
        if let Some((a, b)) = run.role {
            let role = slice_or_empty(text, a, b).trim();
            if !role.is_empty()
                && w.roles.len() < MAX_ROLES
                && !w.roles.iter().any(|x| x.eq_ignore_ascii_case(role))
            {
                w.roles.push(role.to_string());
            }
        }
        self.run_ent[r] = e;
    }

    fn create(&mut self, r: usize, run: &Run, key: &str, place: bool) -> usize {
        let e = self.ents.len();
        self.ents.push(Work {
            name: run.name(self.text).to_string(),
            key: key.to_string(),
            parent: e,
            ..Work::default()
        });
        self.register_introduced(
            e,
            run.name(self.text),
            key,
            run.role.is_some() || run.courtesy,
        );
        self.join(e, r, run, place);
        e
    }

    /// A name in the text that refers to `e` under another form becomes an alias of it.
    fn refer(&mut self, e: usize, r: usize, run: &Run, key: &str, place: bool) {
        let text = self.text;
        self.join(e, r, run, place);
        let ev = || span(text, run.bs, run.be, run.cs, run.ce);
        self.add_alias(e, run.name(text), key, ev, false, false);
    }

    /// A longer form of an entity's name ("John Kerry" after "Kerry") becomes its name.
    fn upgrade(&mut self, e: usize, run: &Run, key: &str) {
        let text = self.text;
        let name = run.name(text);
        let w = &self.ents[e];
        if name.chars().count() <= w.name.chars().count() {
            return;
        }
        self.rename(e, name, key);
        self.register(e, name, key);
    }

    /// `e` takes `name` (normalised `key`) for its name; the name it had becomes an alias
    /// (evidence: its first mention), and an alias under the new key goes.
    fn rename(&mut self, e: usize, name: &str, key: &str) {
        let Some(first) = self.ents[e].mentions.first().cloned() else {
            return;
        };
        let w = &mut self.ents[e];
        let old = std::mem::replace(&mut w.name, name.to_string());
        let old_key = std::mem::replace(&mut w.key, key.to_string());
        w.aliases.retain(|a| a.key != key);
        self.add_alias(e, &old, &old_key, || first, false, false);
    }

    /// "Crooked Hillary Clinton" first, then "Hillary Clinton": the name is the given name and
    /// surname, the word before them an epithet (kept as an alias), when that word is no given
    /// name ("Mary Ann Carter" after "Ann Carter" keeps its name).
    fn drop_epithet(&mut self, e: usize, run: &Run, key: &str) {
        let text = self.text;
        let name = run.name(text);
        let w = &self.ents[e];
        let Some(extra) = w.name.strip_suffix(name).and_then(|p| p.strip_suffix(' ')) else {
            return;
        };
        let given = |word: &str| is_given_name(&word.to_lowercase());
        if extra.is_empty()
            || extra.contains(' ')
            || !name.contains(' ')
            || !name.split(' ').next().is_some_and(given)
            || given(extra)
            || w.ev & (EV_ORG | EV_PLACE | EV_PLACE_SHAPE) != 0
        {
            return;
        }
        self.rename(e, name, key);
    }

    /// The one other person of the surname `key` than `e`, whose given name has the other sex
    /// than `e`'s.
    fn same_surname_other_sex(&self, e: usize, key: &str) -> Option<usize> {
        let want = given_sex(&self.ents[e].name).map(|m| !m)?;
        let mut hit = None;
        for k in 0..self.ents.len() {
            let w = &self.ents[k];
            if k == e || w.parent != k || !w.key.strip_suffix(key).is_some_and(|p| p.ends_with(' '))
            {
                continue;
            }
            if given_sex(&w.name) == Some(want) {
                if hit.is_some() {
                    return None;
                }
                hit = Some(k);
            }
        }
        hit
    }

    /// The person whose surname is the one-word place `key` ("Lyon", "Jordan", "Washington"),
    /// when the text names that person in full before and has named no place so: a given name
    /// opens the person's name, and no preposition of place ("in Lyon", "from Jordan") comes
    /// right before this mention.
    fn surname_not_place(
        &mut self,
        run: &Run,
        key: &str,
        gazetteer: Option<&str>,
    ) -> Option<usize> {
        let place = gazetteer?;
        if run.words != 1 || run.acronym || self.full.get(place).is_some() {
            return None;
        }
        let before = self.text[..run.bs.get()].trim_end();
        let prev = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if matches!(
            prev,
            "in" | "at"
                | "from"
                | "to"
                | "near"
                | "of"
                | "across"
                | "around"
                | "outside"
                | "inside"
                | "into"
                | "via"
                | "toward"
                | "towards"
                | "through"
                | "throughout"
        ) {
            return None;
        }
        // Nor the place of an address ("Washington, D.C.", "Lyon, France").
        if let Some(rest) = self.text[run.be.get()..].strip_prefix(',') {
            let next = rest
                .trim_start()
                .split(|c: char| !c.is_alphabetic() && c != '.')
                .next()
                .unwrap_or("")
                .to_lowercase();
            if next.starts_with("d.c") || canonical_place(next.trim_end_matches('.')).is_some() {
                return None;
            }
        }
        let e = self.find(self.place_surname.get(key)?);
        let w = &self.ents[e];
        (w.key.rsplit(' ').next() == Some(key) && w.ev & (EV_ORG | EV_PLACE | EV_ACRONYM) == 0)
            .then_some(e)
    }

    /// The sex of a lone surname: its own courtesy title's, else the one every courtesy title
    /// of the text gives it.
    fn sex_of_surname(&self, run: &Run, key: &str) -> Option<bool> {
        run.male.or_else(|| self.surname_sex_of(key))
    }

    /// The sex that the text's courtesy titles give the surname `key`, when they agree.
    fn surname_sex_of(&self, key: &str) -> Option<bool> {
        match self.surname_sex.get(key) {
            Some(1) => Some(true),
            Some(2) => Some(false),
            _ => None,
        }
    }

    fn add_run(&mut self, r: usize, run: &Run, claim: Option<&Claim>) {
        let text = self.text;
        let mut key = std::mem::take(&mut self.key);
        norm_key(run.name(text), &mut key);
        if !key.is_empty() {
            // Only a gazetteer word can start a one-word place.
            let place = if run.words == 1 && run.first_flags & PLACE == 0 {
                None
            } else {
                canonical_place(&key)
            };
            self.place_run(r, run, &key, place, claim);
        }
        self.key = key;
    }

    fn place_run(
        &mut self,
        r: usize,
        run: &Run,
        key: &str,
        gazetteer: Option<&str>,
        claim: Option<&Claim>,
    ) {
        let text = self.text;
        let place = gazetteer.is_some();
        // The other name of an entity named just before ("X (aka Y)").
        if let Some(c) = claim.filter(|c| self.run_ent[c.x] != NONE) {
            let e = self.find(self.run_ent[c.x]);
            if let Some(other) = self.full.get(key) {
                self.union(e, other);
            }
            self.join(e, r, run, place);
            let ev = || span(text, c.bs, c.be, c.cs, c.ce);
            self.add_alias(e, run.name(text), key, ev, false, true);
            self.register(e, run.name(text), key);
            return;
        }
        let sex_clash = |b: &Self, e: usize| {
            let lone = if key.contains(' ') {
                None
            } else {
                b.sex_of_surname(run, key)
            };
            lone.is_some() && lone == given_sex(&b.ents[e].name).map(|m| !m)
        };
        // "Pamela Lyon of the University of Adelaide" … "Lyon says": a one-word place that is
        // the surname of a person named before, and no place yet, is that person.
        if let Some(e) = self.surname_not_place(run, key, gazetteer) {
            self.refer(e, r, run, key, false);
            self.ents[e].ev |= EV_SURNAME;
            return;
        }
        let found = self
            .lookup(key, gazetteer, run.acronym)
            .map(|e| self.find(e));
        let found = match found {
            // "Mr. Obama" is not Michelle Obama; "Mrs. Clinton" after Hillary and Bill Clinton
            // is the one of her sex.
            Some(e) if sex_clash(self, e) => self.same_surname_other_sex(e, key),
            other => other,
        };
        if let Some(e) = found {
            let w = &self.ents[e];
            // A lone last word for a "First Last" name: a surname. Not an acronym the article
            // gives the name ("Space Launch System (SLS)" … "SLS"), nor the second half of one
            // hyphenated word ("Mars-Moon" … "Moon"), nor the last word after an acronym
            // ("SLS Block" … "Block 1B"): no person is named so.
            let surname = !key.contains(' ')
                && w.key.rsplit(' ').next() == Some(key)
                && w.name.contains(' ')
                && !opens_with_acronym(&w.name)
                && w.ev & (EV_ORG | EV_PLACE | EV_PLACE_SHAPE) == 0
                && w.name.chars().any(char::is_lowercase);
            self.refer(e, r, run, key, place);
            if surname && !place {
                self.ents[e].ev |= EV_SURNAME;
            }
            if place {
                self.upgrade(e, run, key);
            } else {
                self.drop_epithet(e, run, key);
            }
            return;
        }
        // "John Kerry" after a lone "Kerry"; "Evelyn Tran-Whitaker" after a lone
        // "Tran-Whitaker" (a headline's "Tran-Whitaker vows …"): a hyphenated surname is one
        // word of the name but two of the key, so every shorter end of the key is tried,
        // longest first, against an entity named by one word.
        if !run.weak && !place && !run.org && key.rsplit(' ').next().is_some_and(distinctive) {
            // A surname of two key words only after a given name ("Ingrid Okafor-Lind"; not
            // "Free Wi-Fi" after "Wi-Fi").
            let given = key.split(' ').next().is_some_and(|w| flags(w) & GIVEN != 0);
            let mut rest = key;
            while let Some((_, tail)) = rest.split_once(' ') {
                rest = tail;
                if tail.contains(' ') && !given {
                    continue;
                }
                let Some(e) = self.full.get(tail) else {
                    continue;
                };
                let e = self.find(e);
                let w = &self.ents[e];
                let clash = self
                    .surname_sex_of(tail)
                    .is_some_and(|m| given_sex(run.name(text)) == Some(!m));
                // Named by one word: "Kerry"; "Tran-Whitaker", by this end of the key alone.
                let lone = if tail.contains(' ') {
                    w.key == tail && !w.name.contains(' ')
                } else {
                    !w.key.contains(' ')
                };
                if lone && w.ev & (EV_ORG | EV_PLACE | EV_ACRONYM) == 0 && !clash {
                    self.join(e, r, run, place);
                    self.ents[e].ev |= EV_SURNAME;
                    self.upgrade(e, run, key);
                    return;
                }
            }
        }
        // "Westerly Marine Services" after a lone "Westerly Marine".
        if !run.weak && !place {
            if let Some(e) = company_short_form(key).and_then(|k| self.full.get(k)) {
                let e = self.find(e);
                if self.ents[e].ev & (EV_PLACE | EV_COURTESY | EV_GIVEN) == 0 {
                    // The full name becomes the name, unless it is in capitals ("HOME DEPOT
                    // INC." in a stock table): then it is an alias.
                    if run.name(text).chars().any(char::is_lowercase) {
                        self.join(e, r, run, place);
                        self.upgrade(e, run, key);
                    } else {
                        self.refer(e, r, run, key, place);
                    }
                    self.ents[e].ev |= EV_ORG;
                    return;
                }
            }
        }
        // "a phone call to Marguerite": a lone given name is the one person of the article
        // who has it (when two have it, a new entity, as before).
        if !place && !run.org && run.words == 1 && !key.contains(' ') && run.role.is_none() {
            if let Some(e) = self.sole_person_named(key) {
                self.refer(e, r, run, key, place);
                return;
            }
        }
        if !run.weak {
            let e = self.create(r, run, key, place);
            if key.contains(' ') && is_org_phrase(key) {
                self.ents[e].ev |= EV_ORG;
            }
        }
    }

    /// Aliases that the headline asserts ("… Hit Al Nusra (aka al Qaeda): …"), for entities of
    /// the body. The headline's capitalisation is unreliable, so X is the longest end of its run
    /// that names a body entity.
    fn title(&mut self, title: &str) {
        let mut toks = Vec::new();
        tokenize_into(title, &mut toks);
        let runs = find_runs(title, &toks);
        let claims = find_claims(title, &toks, &runs);
        let mut key = String::new();
        for c in &claims {
            let xr = &runs[c.x];
            let found = (xr.n0..xr.t1).find_map(|k| {
                let t = &toks[k];
                if !t.is_word() || k > xr.n0 && !t.space {
                    return None;
                }
                norm_key(slice_or_empty(title, t.bs, xr.be), &mut key);
                self.lookup(&key, canonical_place(&key), xr.acronym && k == xr.n0)
                    .map(|e| (e, k))
            });
            let (e, x_from) = match found {
                Some((e, k)) => (e, Some(k)),
                None => {
                    let by_y = c.ys.iter().find_map(|&y| {
                        norm_key(runs[y].name(title), &mut key);
                        self.lookup(&key, canonical_place(&key), runs[y].acronym)
                    });
                    match by_y {
                        Some(e) => (e, None),
                        None => continue,
                    }
                }
            };
            let e = self.find(e);
            let (ebs, ecs) = match x_from {
                Some(k) => (toks[k].bs, toks[k].cs),
                None => (c.bs, c.cs),
            };
            if let Some(k) = x_from {
                let x_text = slice_or_empty(title, toks[k].bs, xr.be);
                norm_key(x_text, &mut key);
                let ev = || span(title, toks[k].bs, xr.be, toks[k].cs, xr.ce);
                let k2 = key.clone();
                self.add_alias(e, x_text, &k2, ev, true, false);
            }
            for &y in &c.ys {
                let yr = &runs[y];
                norm_key(yr.name(title), &mut key);
                let ev = || span(title, ebs, c.be, ecs, c.ce);
                let k2 = key.clone();
                self.add_alias(e, yr.name(title), &k2, ev, true, true);
            }
        }
    }

    fn finish(mut self) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::new();
        for (i, w) in self.ents.drain(..).enumerate() {
            if w.parent != i || w.mentions.is_empty() {
                continue;
            }
            let mut mentions = w.mentions;
            mentions.sort_by_key(|m| (m.start, m.end));
            mentions.dedup_by_key(|m| (m.start, m.end));
            let mut aliases: Vec<Alias> = w.aliases.into_iter().map(|a| a.alias).collect();
            aliases.sort_by_key(|a| (!a.in_title, a.evidence.start));
            out.push(Entity {
                name: w.name,
                kind: kind_of(w.ev),
                aliases,
                roles: w.roles,
                mentions,
            });
        }
        out.sort_by_key(|e| e.mentions.first().map_or(Char::ZERO, |m| m.start));
        out
    }
}

/// The shorter form a story may call a company by: its key without a last word of
/// [`lexicon::is_company_tail`], when what is left is two words or more, may stand for it
/// ([`partial_ok`]) and is no place ("westerly marine" of "westerly marine services"; not
/// "paulson" of "paulson partners", which is as likely Mr. Paulson).
fn company_short_form(key: &str) -> Option<&str> {
    let (short, tail) = key.rsplit_once(' ')?;
    (is_company_tail(tail)
        && short.contains(' ')
        && partial_ok(short)
        && canonical_place(short).is_none())
    .then_some(short)
}

/// Whether the lower-cased word `key` is a given name: in the entities' list or the gender
/// lists.
pub(crate) fn is_given_name(key: &str) -> bool {
    flags(key) & GIVEN != 0 || crate::attrib::gender::of_given_name(key).is_some()
}

/// The sex a person's given name (the first word of `name`) usually carries: male (true),
/// female, or none known.
fn given_sex(name: &str) -> Option<bool> {
    let first = name.split(' ').next()?;
    crate::attrib::gender::of_given_name(first).map(|g| g == crate::attrib::gender::Gender::Male)
}

/// Whether `name` opens with a word of three or more capitals and nothing else ("SLS Block",
/// "NASA Ames"): an acronym, never a person's given name (initials are two letters: "JB
/// Pritzker").
fn opens_with_acronym(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or("");
    first.len() >= 3 && first.bytes().all(|b| b.is_ascii_uppercase())
}

/// Entities of an article: `title` (headline, may be None) and `text` (body, paragraphs
/// separated by blank lines).
///
/// Mentions are spans of `text`; the headline only contributes aliases (with `in_title` set and
/// evidence offsets into the title). Entities come in order of first mention.
pub fn find_entities(title: Option<&str>, text: &str) -> Vec<Entity> {
    find_entities_in(title, text, &crate::tokens::tokenize(text))
}

/// [`find_entities`] over the text's shared tokens ([`crate::tokens::tokenize`]), made once
/// for entities and attribution alike.
pub fn find_entities_in(
    title: Option<&str>,
    text: &str,
    shared: &[crate::tokens::Token],
) -> Vec<Entity> {
    thread_local! {
        /// The token and run buffers of the last article, reused: their allocations are the
        /// largest ones.
        static BUFFERS: RefCell<(Vec<tokens::Tok>, Vec<Run>)> =
            const { RefCell::new((Vec::new(), Vec::new())) };
    }
    let (mut toks, mut runs) = BUFFERS.with(|t| t.take());
    tokens::tokens_into(text, shared, &mut toks);
    find_runs_into(text, &toks, &mut runs);
    let mut out = entities_of(title, text, &toks, &mut runs);
    nicknames::merge(text, &toks, &mut out);
    // A huge page's buffers are not worth keeping.
    if toks.capacity() <= 1 << 16 {
        BUFFERS.with(|t| t.replace((toks, runs)));
    }
    out
}

fn entities_of(
    title: Option<&str>,
    text: &str,
    toks: &[tokens::Tok],
    runs: &mut [Run],
) -> Vec<Entity> {
    let claims = find_claims(text, toks, runs);
    // Run → the claim in which it is the other name.
    let mut claim_of: FastMap<usize, usize> = FastMap::default();
    for (i, c) in claims.iter().enumerate() {
        runs[c.x].weak = false;
        for &y in &c.ys {
            runs[y].weak = false;
            claim_of.entry(y).or_insert(i);
        }
    }
    let mut b = Builder::new(text, runs.len());
    for run in runs.iter().filter(|r| r.words == 1) {
        if let Some(male) = run.male {
            norm_key(run.name(text), &mut b.key);
            *b.surname_sex.entry(b.key.clone()).or_default() |= if male { 1 } else { 2 };
        }
    }
    // Lone capitalised words at the start of a sentence count only when they match a name, so
    // they go after all the others.
    for weak in [false, true] {
        for (r, run) in runs.iter().enumerate() {
            if run.weak == weak {
                let claim = claim_of.get(&r).map(|&i| &claims[i]);
                b.add_run(r, run, claim);
            }
        }
    }
    if let Some(t) = title {
        b.title(t);
    }
    b.finish()
}
