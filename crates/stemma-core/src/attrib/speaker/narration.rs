//! What the narration says of who a pronoun is: the text's sentences and quoted stretches
//! ([`Narration`]), and the resolver's reading of the mentions around a pronoun (the one
//! person named in the sentence before, the subject of a one-sentence paragraph or of an
//! opening clause, the last entity narrated), apart from quotation marks.

use super::phrases::{anonymous_source, head_phrase, kind_of_phrase, pronoun_kind, AGENTS};
use super::Resolver;
use crate::attrib::gender::{self, of_score};
use crate::model::{EntityKind, Span, SpeakerKind};
use crate::offset::{slice, Byte, Char};

/// What the resolver knows of a text's layout.
#[derive(Default)]
pub struct Narration {
    /// Where each sentence starts, in text order.
    pub sentences: Vec<SentenceStart>,
    /// The stretches inside quotation marks (marks included), in code points, in text order.
    pub quoted: Vec<(Char, Char)>,
}

/// Where a sentence starts: in code points (as mentions are) and in bytes (to read it).
#[derive(Debug, Clone, Copy)]
pub struct SentenceStart {
    pub at: Char,
    pub byte: Byte,
    pub opens_paragraph: bool,
}

impl Narration {
    /// The index in `sentences` of the sentence that holds code point `at` (none before the
    /// first).
    pub(super) fn sentence_of(&self, at: Char) -> Option<usize> {
        self.sentences
            .partition_point(|s| s.at <= at)
            .checked_sub(1)
    }

    /// The sentence that holds code point `at`: its start and its bytes in `text` (from the
    /// text's start when `at` comes before the first sentence).
    pub(super) fn sentence_around<'t>(&self, text: &'t str, at: Char) -> (Char, &'t str) {
        let k = self.sentence_of(at);
        let (from, b0) = k.map_or((Char::ZERO, Byte::ZERO), |k| {
            (self.sentences[k].at, self.sentences[k].byte)
        });
        let b1 = self
            .sentences
            .get(k.map_or(0, |k| k + 1))
            .map_or(Byte::new(text.len()), |s| s.byte);
        (from, slice(text, b0, b1))
    }

    /// Whether code point `at` lies inside quotation marks.
    pub(super) fn is_quoted(&self, at: Char) -> bool {
        let k = self.quoted.partition_point(|&(a, _)| a <= at);
        k.checked_sub(1).is_some_and(|k| at < self.quoted[k].1)
    }
}

impl<'a> Resolver<'a> {
    /// The one person `fits` accepts among those the narration names in the sentence before
    /// the one that holds `at`, in the same paragraph ("Kovač laughed when told of the
    /// remark. “…,” he said."). None when two are named, or none; nor across a paragraph
    /// break, after which the reader follows the last speaker rather than a name in passing.
    /// Names inside quotation marks are the speaker's words, not the narration's. (After the
    /// mentions are indexed.)
    pub(super) fn sole_person_before(
        &self,
        at: Char,
        fits: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let starts = &self.narration.sentences;
        let k = self.narration.sentence_of(at)?;
        let (this, prev) = (starts[k], starts[k.checked_sub(1)?]);
        if this.opens_paragraph {
            return None;
        }
        let (this, prev) = (this.at, prev.at);
        let by_end = self.by_end.as_deref().unwrap_or(&[]);
        let lo = by_end.partition_point(|&(end, ..)| end <= prev);
        let hi = by_end.partition_point(|&(end, ..)| end <= this);
        // The one person named, and the one named other than as a possessor: "Simmons teed
        // up McDonald's cameo." is Simmons; "DiMugno's study time was …" is DiMugno.
        let (mut found, mut acting) = (Sole::None, Sole::None);
        for (k, &(_, start, i)) in by_end.iter().enumerate().take(hi).skip(lo) {
            // A name of no known kind there is most often a person's ("Tenant Amira Shahid
            // stood up …").
            if start < prev
                || !matches!(self.kind_of(i), EntityKind::Person | EntityKind::Other)
                || self.narration.is_quoted(start)
                || self.kind_of(i) == EntityKind::Other && self.after_preposition(k)
            {
                continue;
            }
            found.add(i);
            if !self.possessive(k) {
                acting.add(i);
            }
        }
        let one = match (found, acting) {
            (Sole::One(i), _) | (_, Sole::One(i)) => i,
            _ => return None,
        };
        Some(one).filter(|&i| fits(i) || self.kind_of(i) == EntityKind::Other)
    }

    /// The person a one-sentence paragraph of narration names, when the pronoun at `at` is in
    /// the paragraph right after it, which opens with a quotation: "Calgary captain Mikael
    /// Backlund, who played 24 minutes, was more blunt. / “We were soft …,” he said." The one
    /// person named there (not as a possessor), as its subject, and not of the other gender
    /// than the pronoun's `g` where the article gives one; names of no known kind ("FULL
    /// TEXT", "Brexit") do not count. (After the mentions are indexed.)
    /// "A former finance chief of the Tamsin Water Board told the court … / Thandiwe
    /// Mokoena, who served …, said …": an indefinite description of a person who speaks in
    /// the story's opening (its first four sentences, headline and byline among them) is the
    /// person the next paragraph opens with, named there for the first time. Not one who
    /// speaks for a body ("a spokesman") nor a source kept unnamed ("a senior official").
    pub(super) fn lede_introduced(&mut self, mention: &Span) -> Option<usize> {
        // The cheap checks first: most mentions are no indefinite description in an opening.
        let indefinite = ["a ", "an "].iter().any(|d| {
            mention
                .text
                .get(..d.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(d))
        });
        if !indefinite {
            return None;
        }
        let k = self.narration.sentence_of(mention.start)?;
        let next = *self.narration.sentences.get(k + 1)?;
        if k > 3 || !next.opens_paragraph {
            return None;
        }
        if kind_of_phrase(&mention.text) != Some(SpeakerKind::Person)
            || anonymous_source(&mention.text.to_lowercase())
        {
            return None;
        }
        let head = head_phrase(&mention.text);
        let head = head.rsplit(' ').next().unwrap_or("");
        if AGENTS.contains(&head) || matches!(head, "source" | "official" | "officer") {
            return None;
        }
        self.index_mentions();
        let by_end = self.by_end.as_deref().unwrap_or(&[]);
        let lo = by_end.partition_point(|&(end, ..)| end <= next.at);
        let (k, &(_, start, i)) = by_end[lo..]
            .iter()
            .enumerate()
            .min_by_key(|&(_, &(_, start, _))| start)?;
        let first = self.entities[i].mentions.iter().map(|m| m.start).min();
        // A person, or a name of no known kind that a relative "who" follows.
        let who = || {
            let end = self.mention_bytes.get(lo + k).map_or(Byte::ZERO, |m| m.1);
            self.text
                .get(end.get()..)
                .is_some_and(|t| t.starts_with(", who "))
        };
        let person = match self.kind_of(i) {
            EntityKind::Person => true,
            EntityKind::Other => who(),
            _ => false,
        };
        (start == next.at && first == Some(start) && person).then_some(i)
    }

    pub(super) fn paragraph_subject_before(&self, at: Char, g: gender::Gender) -> Option<usize> {
        let starts = &self.narration.sentences;
        let k = self.narration.sentence_of(at)?;
        let (this, prev) = (starts[k], starts[k.checked_sub(1)?]);
        let opens_with_quote = self.narration.is_quoted(this.at)
            && self.text.get(this.byte.get()..).is_some_and(|t| {
                t.starts_with(|c: char| crate::tokens::is_quote_char(c) && c != '\'')
            });
        if !(this.opens_paragraph && prev.opens_paragraph && opens_with_quote) {
            return None;
        }
        // Narration only: no quotation in the paragraph before.
        let q = self.narration.quoted.partition_point(|&(a, _)| a < prev.at);
        if self
            .narration
            .quoted
            .get(q)
            .is_some_and(|&(a, _)| a < this.at)
        {
            return None;
        }
        let by_end = self.by_end.as_deref().unwrap_or(&[]);
        let lo = by_end.partition_point(|&(end, ..)| end <= prev.at);
        let hi = by_end.partition_point(|&(end, ..)| end <= this.at);
        let mut found = Sole::None;
        for (k, &(_, start, i)) in by_end.iter().enumerate().take(hi).skip(lo) {
            if start >= prev.at && self.kind_of(i) == EntityKind::Person && !self.possessive(k) {
                found.add(i);
            }
        }
        let Sole::One(i) = found else {
            return None;
        };
        // The paragraph's subject: the first person named, after at most a few words of role
        // that no comma, pronoun, preposition or participle breaks ("Former Pennsylvania
        // governor Ed Rendell, …, was even more resolute."; not "He nodded … behind Ted
        // Cruz.", "In describing fellow billionaire Donald Trump, …").
        let (first_start, _) = by_end[lo..hi]
            .iter()
            .filter(|&&(_, start, j)| start >= prev.at && self.kind_of(j) == EntityKind::Person)
            .map(|&(_, start, j)| (start, j))
            .min()?;
        let k = by_end[lo..hi]
            .iter()
            .position(|&(_, start, j)| j == i && start == first_start)?;
        let before = self
            .text
            .get(prev.byte.get()..self.mention_bytes.get(lo + k)?.0.get())?;
        let words: Vec<&str> = before.split_whitespace().collect();
        let role_like = words.len() <= 5
            && !before.contains(',')
            && words
                .first()
                .is_none_or(|w| w.starts_with(char::is_uppercase))
            && words.iter().all(|w| {
                let w = w.to_lowercase();
                !w.ends_with("ing")
                    && pronoun_kind(&w).is_none()
                    && !PREPOSITIONS.contains(&w.as_str())
                    && !matches!(
                        w.as_str(),
                        "when" | "after" | "before" | "as" | "while" | "but" | "and"
                    )
            });
        if !role_like {
            return None;
        }
        of_score(self.genders[i])
            .is_none_or(|x| x == g)
            .then_some(i)
    }

    /// The person named right after the conjunction that opens the sentence holding `at`
    /// ("When Carlineo was approached, he …", "After Ruiz left the meeting, she …"), when a
    /// verb follows the name and the pronoun comes later in the same sentence. A name of no
    /// known kind there is most often a person's. (After the mentions are indexed.)
    pub(super) fn opening_clause_subject(
        &self,
        at: Char,
        fits: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        const OPENERS: &[&str] = &[
            "when", "after", "as", "while", "once", "although", "though", "because", "since",
            "before", "until", "if", "whenever",
        ];
        let (from, sentence) = self.narration.sentence_around(self.text, at);
        let first = sentence.split(' ').next()?;
        if !OPENERS.iter().any(|w| first.eq_ignore_ascii_case(w)) {
            return None;
        }
        let name_at = from.plus(first.chars().count() + 1);
        // Mentions sorted by end: those ending after the name starts and not after `at`.
        let by_end = self.by_end.as_deref().unwrap_or(&[]);
        let lo = by_end.partition_point(|&(end, ..)| end <= name_at);
        let hi = by_end.partition_point(|&(end, ..)| end <= at);
        let &(end, _, i) = by_end[lo..hi]
            .iter()
            .find(|&&(_, start, _)| start == name_at)?;
        if !matches!(self.kind_of(i), EntityKind::Person | EntityKind::Other)
            || !(fits(i) || self.kind_of(i) == EntityKind::Other)
        {
            return None;
        }
        // A verb after the name: a lower-case word follows it ("When Carlineo was approached").
        let (b, _) = sentence.char_indices().nth(end.since(from))?;
        sentence[b..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
            .then_some(i)
    }

    /// Whether entity `l` is named within a few words after code point `after`, in the same
    /// sentence and outside quotation marks: the one a pronoun speaks to ("he told Hannity").
    pub(super) fn addressed(&self, after: Char, l: usize) -> bool {
        const REACH: usize = 24;
        let by_end = self.by_end.as_deref().unwrap_or(&[]);
        let lo = by_end.partition_point(|&(end, ..)| end <= after);
        let sentence = self.narration.sentence_of(after);
        // Sorted by end, not start: a longer mention may start before a shorter one that ends
        // first, so the walk stops a name's length past the reach.
        const LONGEST_NAME: usize = 40;
        by_end[lo..]
            .iter()
            .take_while(|&&(_, start, _)| start.since(after) <= REACH + LONGEST_NAME)
            .any(|&(_, start, i)| {
                i == l
                    && start >= after
                    && start.since(after) <= REACH
                    && self.narration.sentence_of(start) == sentence
                    && !self.narration.is_quoted(start)
            })
    }

    /// Whether mention `k` of `by_end` follows a preposition or an article ("the novel Web
    /// of Angels", "a trip to Dunmore", "the Phase 1 deal"): a name of no known kind there
    /// is a thing or a place, not someone who speaks.
    pub(super) fn after_preposition(&self, k: usize) -> bool {
        let Some(&(b, _)) = self.mention_bytes.get(k) else {
            return false;
        };
        let before = self.text.get(..b.get()).unwrap_or("").trim_end();
        // The last word: at most a dozen bytes back.
        let word = before.rsplit(' ').next().unwrap_or("");
        PREPOSITIONS
            .iter()
            .chain(&["the", "a", "an"])
            .any(|p| word.eq_ignore_ascii_case(p))
    }

    /// Whether mention `k` of `by_end` is a possessor ("Cooke's testimony").
    pub(super) fn possessive(&self, k: usize) -> bool {
        let Some(&(_, e)) = self.mention_bytes.get(k) else {
            return false;
        };
        let rest = self.text.get(e.get()..).unwrap_or("");
        rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with('’')
    }

    /// Whether the last speaker was named (not described or referred to by a pronoun) in a
    /// sentence that holds the word `noun` ("In an emailed statement, Westerly Marine said
    /// …": "statement").
    pub(super) fn last_sentence_names(&self, noun: &str) -> bool {
        let Some(at) = self.last_named_at else {
            return false;
        };
        let (_, sentence) = self.narration.sentence_around(self.text, at);
        sentence
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| w.eq_ignore_ascii_case(noun))
    }

    /// [`Self::last_mentioned_where`] among mentions outside quotation marks: who the
    /// narration named last, not whom a speaker's words named: its start, the entity and
    /// its end. `ok` sees the entity, the mention's start and its index in `by_end`.
    pub(super) fn last_narrated_where(
        &self,
        ok: impl Fn(usize, Char, usize) -> bool,
        before: Char,
    ) -> Option<(Char, usize, Char)> {
        self.latest_where(before, |k, (_, start, i)| {
            ok(i, start, k) && !self.narration.is_quoted(start)
        })
    }

    /// Of the mentions ending before `before` that `ok` accepts (it sees the index in
    /// `by_end` and the mention), the one that starts last: its start, entity and end (ties:
    /// the later entity). (After the mentions are indexed.)
    pub(super) fn latest_where(
        &self,
        before: Char,
        ok: impl Fn(usize, (Char, Char, usize)) -> bool,
    ) -> Option<(Char, usize, Char)> {
        let by_end = self.by_end.as_deref().unwrap_or(&[]);
        let n = by_end.partition_point(|&(end, ..)| end <= before);
        // From the last back: a mention that ends before the best start found so far starts
        // before it too, and so does every one before it.
        let mut best: Option<(Char, usize, Char)> = None;
        for (k, &(end, start, i)) in by_end[..n].iter().enumerate().rev() {
            if best.is_some_and(|(b, ..)| end < b) {
                break;
            }
            if ok(k, (end, start, i)) {
                best = best.max(Some((start, i, end)));
            }
        }
        best
    }

    /// Every entity mention as (end, start, entity), sorted by end, and their byte offsets,
    /// made once.
    pub(super) fn index_mentions(&mut self) {
        if self.by_end.is_some() {
            return;
        }
        let mut v: Vec<(Char, Char, usize)> = self
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.end, m.start, i)))
            .collect();
        v.sort_unstable();
        let mut cps: Vec<Char> = v.iter().flat_map(|&(e, s, _)| [s, e]).collect();
        cps.sort_unstable();
        cps.dedup();
        let bytes = gender::byte_offsets(self.text, &cps);
        let at = |cp: Char| {
            cps.binary_search(&cp)
                .map_or(Byte::new(self.text.len()), |k| bytes[k])
        };
        self.mention_bytes = v.iter().map(|&(e, s, _)| (at(s), at(e))).collect();
        self.by_end = Some(v);
    }

    /// The entity `ok` accepts whose mention comes last before `before`, with that mention's
    /// start (after [`Self::index_mentions`]).
    pub(super) fn last_mentioned_where(
        &self,
        ok: impl Fn(usize) -> bool,
        before: Char,
    ) -> Option<(Char, usize)> {
        self.latest_where(before, |_, (_, _, i)| ok(i))
            .map(|(start, i, _)| (start, i))
    }
}

/// Who a stretch of text names: no one, one entity (however often), or several.
#[derive(Clone, Copy)]
enum Sole {
    None,
    One(usize),
    Several,
}

impl Sole {
    pub(super) fn add(&mut self, i: usize) {
        *self = match *self {
            Sole::None => Sole::One(i),
            Sole::One(j) if j == i => Sole::One(i),
            _ => Sole::Several,
        };
    }
}

/// Prepositions before a name: "a trip to Dunmore", "In describing … Donald Trump".
const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "to", "from", "for", "with", "on", "into", "about", "by",
];
