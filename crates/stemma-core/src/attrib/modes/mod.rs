//! What an attribution is to a reader: words said (`speech`), a belief, wish or stance
//! (`thought`), the finding of a poll, report or data (`evidence`) — or no attribution at all
//! (an event: "pleaded guilty", "the troubles have members worried"), which is dropped.
//!
//! The cue lexicon's modes feed the tagger's features and stay as trained; this pass reads the
//! finished attribution (its cue word, its source's head noun, what follows the cue) once
//! every span is settled.

use std::sync::OnceLock;

use super::*;

mod idioms;
mod words;
use words::reports_words;

/// Cue words of belief, wish, feeling or stance, whatever the lexicon's act says.
const THOUGHT: &[&str] = &[
    "think",
    "thinks",
    "thought",
    "thinking",
    "believe",
    "believes",
    "believed",
    "believing",
    "want",
    "wants",
    "wanted",
    "wanting",
    "wish",
    "wishes",
    "wished",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "fear",
    "fears",
    "feared",
    "fearing",
    "know",
    "knows",
    "knew",
    "known",
    "expect",
    "expects",
    "expected",
    "expecting",
    "worry",
    "worries",
    "worried",
    "feel",
    "feels",
    "felt",
    "doubt",
    "doubts",
    "doubted",
    "suspect",
    "suspects",
    "suspected",
    "wonder",
    "wonders",
    "wondered",
    "consider",
    "considers",
    "considered",
    "assume",
    "assumes",
    "assumed",
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
    "see",
    "sees",
    "saw",
    "view",
    "views",
    "viewed",
    "support",
    "supports",
    "supported",
    "supporting",
    "oppose",
    "opposes",
    "opposed",
    "opposing",
    "favor",
    "favors",
    "favored",
    "favour",
    "favours",
    "favoured",
    "like",
    "likes",
    "liked",
    "intend",
    "intends",
    "intended",
    "plan",
    "plans",
    "planned",
    "decided",
    "decide",
    "decides",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "learned",
    "learnt",
    "recognize",
    "recognizes",
    "recognise",
    "recognises",
    "deemed",
    "convinced",
    "concerned",
    "skeptical",
    "sceptical",
    "confident",
    "optimistic",
    "pessimistic",
    "aware",
    "unaware",
    "sure",
    "remember",
    "remembers",
    "remembered",
    "imagine",
    "imagines",
    "imagined",
];

/// Cue words that report a finding, when a document, poll or data is their source (or always).
const EVIDENCE: &[&str] = &[
    "show",
    "shows",
    "showed",
    "shown",
    "showing",
    "find",
    "finds",
    "found",
    "indicate",
    "indicates",
    "indicated",
    "suggest",
    "suggests",
    "suggested",
    "reveal",
    "reveals",
    "revealed",
    "estimate",
    "estimates",
    "estimated",
    "project",
    "projects",
    "projected",
    "conclude",
    "concludes",
    "concluded",
    "confirm",
    "confirms",
    "confirmed",
];

/// Head nouns of a source that is a document, poll or data rather than a speaker.
const EVIDENCE_SOURCES: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "survey",
    "surveys",
    "report",
    "reports",
    "study",
    "studies",
    "data",
    "document",
    "documents",
    "records",
    "figures",
    "statistics",
    "research",
    "analysis",
    "census",
    "results",
    "numbers",
    "evidence",
    "estimates",
    "projections",
    "findings",
    "audit",
    "review",
    "filings",
    "filing",
    "footage",
    "measurements",
    "readings",
    "samples",
    "tallies",
    "forecast",
    "forecasts",
    "models",
    "simulations",
    "logs",
    "photos",
    "images",
    "tests",
    // Documents of a court or an office, and pages: what they say is on record, not said.
    "complaint",
    "indictment",
    "lawsuit",
    "affidavit",
    "ruling",
    "warrant",
    "transcript",
    "law",
    "statute",
    "regulations",
    "guidelines",
    "website",
    "signature",
    "label",
];

/// Feelings that a causative ("have members worried", "left voters nervous") puts on others:
/// the sentence reports a state of affairs, nobody's words.
const FEELINGS: &[&str] = &[
    "worried",
    "concerned",
    "nervous",
    "anxious",
    "fearful",
    "scared",
    "wondering",
    "guessing",
    "convinced",
    "hoping",
    "angry",
    "upset",
    "excited",
];

/// Verbs of a causative before a feeling.
const CAUSATIVE: &[&str] = &[
    "have", "has", "had", "having", "left", "leaves", "leave", "leaving", "keep", "keeps", "kept",
    "keeping", "got", "gets", "get", "getting", "make", "makes", "made", "making",
];

/// Cue words that name an event of a court, a vote or an office, not words said (unless a
/// "that" clause follows: "charged that …").
const EVENTS: &[&str] = &[
    "charged",
    "convicted",
    "sentenced",
    "indicted",
    "arrested",
    "nominated",
    "named",
    "elected",
    "appointed",
    "signed",
    "fined",
    "acquitted",
];

/// The first and last token of the cue of `f` (it starts in the first: a contracted auxiliary
/// starts inside one, "he|’s said") and its head: its last word the lexicon knows, else its
/// last word.
fn cue_head(d: &Doc, f: &Found) -> Option<(usize, usize, usize)> {
    let c0 = d
        .toks
        .partition_point(|t| t.end <= f.cue.0)
        .min(d.toks.len().checked_sub(1)?);
    let c1 = (c0..d.toks.len())
        .take_while(|&j| d.toks[j].start < f.cue.1)
        .last()
        .unwrap_or(c0);
    let head = (c0..=c1)
        .rev()
        .find(|&j| d.toks[j].kind == Kind::Word && d.lex_at(j).is_some())
        .or_else(|| (c0..=c1).rev().find(|&j| d.toks[j].kind == Kind::Word))
        .unwrap_or(c1);
    Some((c0, c1, head))
}

/// Whether `speaker`, resolved, is a thing: a source phrase of common nouns (it opens with a
/// determiner, a number or a lower-case word; a name or a pronoun of a person is left alone)
/// that the resolver found to be no person, organisation or group.
fn a_thing(speaker: Option<&crate::model::Speaker>) -> bool {
    let Some(s) = speaker else {
        return false;
    };
    if s.name.is_some() || s.kind.is_some() {
        return false;
    }
    let Some(m) = &s.mention else {
        return false;
    };
    let first = m.text.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    let word = lower.split(['\'', '’']).next().unwrap_or("");
    let people = cues::is_pronoun(word)
        || matches!(
            word,
            "some"
                | "many"
                | "most"
                | "all"
                | "both"
                | "several"
                | "others"
                | "few"
                | "those"
                | "everyone"
                | "everybody"
                | "someone"
                | "somebody"
                | "nobody"
                | "anyone"
                | "one"
                | "who"
        );
    !people
        && (first.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            || THING_DETERMINERS.contains(&lower.as_str()))
}

/// What a resolved speaker changes in `f`'s reading, returned as its mode: when the source is
/// [`a_thing`], a verb of finding reports what the thing shows, not anyone's words ("The data
/// presented at the meeting suggest …", "This indicates …": evidence), and a thing named
/// reports no words ("a hydrocarbon called acetylene", "A satirical article titled …":
/// `f.words` false).
pub(super) fn reread(d: &Doc, f: &mut Found, speaker: Option<&crate::model::Speaker>) -> Mode {
    if !a_thing(speaker) {
        return f.mode;
    }
    let Some((c0, c1, head)) = cue_head(d, f) else {
        return f.mode;
    };
    let named = (c0..=c1).any(|j| {
        matches!(
            d.w(j),
            "called" | "titled" | "entitled" | "dubbed" | "named" | "nicknamed" | "known"
        )
    });
    if named {
        f.words = false;
    }
    if f.mode == Mode::Speech && EVIDENCE.contains(&d.w(head)) {
        Mode::Evidence
    } else {
        f.mode
    }
}

/// Words that open a phrase of common nouns or stand for a thing.
const THING_DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "a", "an", "our", "its", "their", "your", "each",
    "every", "any", "such", "which", "it", "as", "new", "recent",
];

/// What a reader makes of `f`: its mode and whether it reports someone's words
/// ([`reports_words`]); `None` when it is no attribution at all.
pub(super) fn reading(d: &Doc, f: &Found) -> Option<(Mode, bool)> {
    let cue = cue_head(d, f)?;
    Some((mode_of(d, f, cue)?, reports_words(d, f, cue)))
}

/// The mode a reader gives `f` (its cue's first, last and head token `cue`), or `None` when
/// it is no attribution at all.
fn mode_of(d: &Doc, f: &Found, (c0, c1, head): (usize, usize, usize)) -> Option<Mode> {
    let w = d.w(head);
    if is_event(d, head, w) || idioms::attributes_nothing(d, f, head) {
        return None;
    }
    // "San Jose, United States", "EU Member States": a capitalised "States" after a
    // capitalised word is part of a name.
    if w == "states" && d.toks[head].cap && head > 0 && d.toks[head - 1].cap {
        return None;
    }
    // "feeling less stressed", "they seemed worried": a participle after a word of degree or
    // a verb of seeming is a state, no cue.
    if head == c0
        && c0 > 0
        && w.ends_with("ed")
        && matches!(
            d.w(c0 - 1),
            "less"
                | "more"
                | "very"
                | "too"
                | "feel"
                | "feels"
                | "feeling"
                | "felt"
                | "seem"
                | "seems"
                | "seemed"
                | "become"
                | "became"
                | "becoming"
        )
    {
        return None;
    }
    let evidence_source = f.source.is_some_and(|s| names_evidence(d, s));
    if w == "according" || w == "to" && head > 0 && d.is(head - 1, "according") {
        return Some(if evidence_source {
            Mode::Evidence
        } else {
            Mode::Speech
        });
    }
    if f.mode == Mode::Evidence || evidence_source || f.source.is_some_and(|s| a_share(d, s)) {
        return Some(Mode::Evidence);
    }
    if THOUGHT.contains(&w) {
        return Some(Mode::Thought);
    }
    if EVIDENCE.contains(&w) && f.source.is_none() {
        return Some(Mode::Evidence);
    }
    if f.mode == Mode::Speech
        && f.kind == QuoteKind::Indirect
        && d.lex_at(head).is_none()
        && !communicates(d, c0, c1)
    {
        // A cue the lexicon does not know, found by the tagger alone, with no quoted words:
        // words said only when it is a word of saying ("likened", "spoke out about", "a
        // statement on"); a stance or an act ("championed", "openly admires", "restricted")
        // is no speech.
        return Some(Mode::Thought);
    }
    Some(f.mode)
}

/// Particles and prepositions that end a phrasal cue ("spoke out about", "a statement on"),
/// separated by spaces.
const PARTICLES: &str = "\
    about of for on to against with upon out off up toward towards from in as behind again at \
    into over back down by";

/// Stems of words of saying, writing and answering that a cue the lexicon lacks may be built
/// on (the lexicon holds the common ones; these are what the tagger finds besides), separated
/// by spaces.
const COMMUNICATION: &str = "\
    discuss liken referenc highlight writ wrote warn declar denounc derid accus comment answer \
    admit acknowledg cite citing compar characteriz characteris condemn debat articulat outlin \
    unveil detail note noting read statement criticism criticiz criticis message propos \
    question suggest call address describ repeat echo insist argu recount quip jok testif \
    recall conced vow pledg promis boast brag lament complain prais blast slam mock ridicul \
    attack apologi thank congratulat demand urg invit ask tell told said say speak spoke tweet \
    post respond repl remark announc confirm deny deni reject claim assert contend maintain \
    stress emphas explain add conclud stat report reveal disclos indicat predict forecast \
    estimat interview speech remark letter email memo op-ed editorial column essay headline \
    quot recommend advis advice counsel implor plead challeng dismiss dispute refut rebut \
    retort scold lambast chid rebuk reprimand berat fault blam threat assur reassur clarif \
    specif elaborat expound mention allud hint imply impli spell talk chat joke shout yell \
    scream whisper mutter sigh cry cri exclaim grumbl groan gush rav rant vent observ point \
    welcom word weigh express clear case rais concern object protest";

/// Whether cue tokens `c0..=c1` hold a word of saying: a word that opens with a stem of
/// [`COMMUNICATION`] ("spoke out Tuesday about", "had kinder words for"); a cue of
/// punctuation alone (the colon before a quotation, a dash) is one.
fn communicates(d: &Doc, c0: usize, c1: usize) -> bool {
    type Set = rustc_hash::FxHashSet<&'static str>;
    static SETS: OnceLock<(Set, Stems)> = OnceLock::new();
    let (particles, stems) = SETS.get_or_init(|| {
        (
            PARTICLES.split_whitespace().collect(),
            Stems::new(COMMUNICATION),
        )
    });
    // An adverb in -ally opens with no stem of saying ("specifically" is no "specify").
    let mut words = (c0..=c1)
        .filter(|&j| {
            d.toks[j].kind == Kind::Word && !particles.contains(d.w(j)) && !d.w(j).ends_with("ally")
        })
        .peekable();
    if words.peek().is_none() {
        return !(c0..=c1).any(|j| d.toks[j].kind == Kind::Word);
    }
    words.any(|j| stems.open(d.w(j)))
}

/// Word stems as data (separated by spaces), each 3 to 13 bytes long.
struct Stems(rustc_hash::FxHashSet<&'static str>);

impl Stems {
    fn new(list: &'static str) -> Stems {
        let stems: rustc_hash::FxHashSet<&str> = list.split_whitespace().collect();
        debug_assert!(stems.iter().all(|s| (3..=13).contains(&s.len())));
        Stems(stems)
    }

    /// Whether `w` opens with one of the stems: each of its prefixes is looked up.
    fn open(&self, w: &str) -> bool {
        (3..=w.len().min(13)).any(|k| w.is_char_boundary(k) && self.0.contains(&w[..k]))
    }
}

/// "pleaded guilty", "was charged with", "have party members worried".
fn is_event(d: &Doc, head: usize, w: &str) -> bool {
    let next = head + 1;
    if matches!(w, "pleaded" | "pled" | "pleads" | "plead" | "pleading")
        && (d.is(next, "guilty") || d.is(next, "not") || d.is(next, "no") || d.is(next, "innocent"))
    {
        return true;
    }
    if EVENTS.contains(&w) && !d.is(next, "that") && d.inq.get(next).is_none_or(|q| q.is_none()) {
        return true;
    }
    // "The camera boasts a 24 MP sensor", "the city boasts three parks": to have, unless
    // words, a clause or a topic follow ("boasted that …", "boasts of", "boasted: “…”").
    if matches!(w, "boast" | "boasts" | "boasted" | "boasting") {
        // Past a time ("boasted Monday night that …").
        let next = (next..d.toks.len().min(next + 4))
            .find(|&k| !cues::is_time_word(d.w(k)))
            .unwrap_or(next);
        if !["that", "about", "of", "to"].iter().any(|x| d.is(next, x))
            && d.inq.get(next).is_none_or(|q| q.is_none())
            && d.toks.get(next).is_some_and(|t| t.kind == Kind::Word)
        {
            return true;
        }
    }
    if FEELINGS.contains(&w) {
        // A causative verb, an object between it and the feeling, and no "been" (a passive
        // "has been worried" is the subject's own feeling).
        let from = head.saturating_sub(6);
        for k in (from..head.saturating_sub(1)).rev() {
            if d.toks[k].kind != Kind::Word || d.is(k, "been") || d.is(k, "be") {
                break;
            }
            if CAUSATIVE.contains(&d.w(k)) {
                return true;
            }
        }
    }
    false
}

/// Whether the source at bytes `(a, b)` is a share of those asked ("17% reported …", "only
/// 20 percent of teens said", "half of the residents", "a majority of voters"): the answers of a
/// survey, data rather than anyone's words.
fn a_share(d: &Doc, (a, b): Range) -> bool {
    let Some(mut k) = d.tok_at(a) else {
        return false;
    };
    let within = |k: usize| k < d.toks.len() && d.toks[k].start < b;
    while within(k)
        && matches!(
            d.w(k),
            "only"
                | "just"
                | "nearly"
                | "almost"
                | "about"
                | "roughly"
                | "around"
                | "some"
                | "over"
                | "under"
                | "more"
                | "less"
                | "fewer"
                | "than"
                | "a"
                | "the"
                | "another"
        )
    {
        k += 1;
    }
    if !within(k) {
        return false;
    }
    if d.toks[k].kind == Kind::Number {
        let pct = d.toks[k].text(d.text).ends_with('%')
            || d.punct(k + 1) == Some("%")
            || within(k + 1) && matches!(d.w(k + 1), "percent" | "per")
            || within(k + 1)
                && d.is(k + 1, "in")
                && within(k + 2)
                && d.toks[k + 2].kind == Kind::Number;
        return pct;
    }
    matches!(
        d.w(k),
        "half"
            | "third"
            | "thirds"
            | "quarter"
            | "quarters"
            | "majority"
            | "minority"
            | "plurality"
    ) && within(k + 1)
        && d.is(k + 1, "of")
}

/// Whether the source at bytes `s` names a document, poll or data: its head noun (the last
/// word before a preposition, a participle, a relative clause or a comma) is one.
fn names_evidence(d: &Doc, (a, b): Range) -> bool {
    let Some(first) = d.tok_at(a) else {
        return false;
    };
    let mut head = None;
    for k in first..d.toks.len() {
        if d.toks[k].start >= b || d.toks[k].kind != Kind::Word {
            break;
        }
        let w = d.w(k);
        // "The Department of Justice complaint", "a Bureau of Labor Statistics report": an
        // "of" inside a name goes on to the noun the name comes before.
        let in_name = k > first
            && w == "of"
            && d.toks[k - 1].cap
            && d.toks
                .get(k + 1)
                .is_some_and(|t| t.kind == Kind::Word && t.cap);
        if k > first
            && !in_name
            && matches!(
                w,
                "of" | "by"
                    | "from"
                    | "for"
                    | "in"
                    | "on"
                    | "released"
                    | "conducted"
                    | "published"
                    | "commissioned"
                    | "obtained"
                    | "seen"
                    | "reviewed"
                    | "filed"
                    | "that"
                    | "which"
                    // "the engineers who took the measurements": the engineers.
                    | "who"
                    | "whom"
                    | "whose"
                    // A relative clause without "that": "figures it released Tuesday".
                    | "it"
                    | "they"
                    | "we"
                    | "he"
                    | "she"
            )
        {
            break;
        }
        head = Some(k);
    }
    // "the Bureau of Labor Statistics", "Capital Research": a body named for its work speaks;
    // "a Survey", "the Harbour Report" are documents.
    head.is_some_and(|k| {
        // "A meta-analysis", "a re-analysis": a hyphenated word by its last part.
        let w = d.w(k).rsplit('-').next().unwrap_or("");
        EVIDENCE_SOURCES.contains(&w)
            && !(k > first
                && d.toks[k].cap
                && matches!(
                    w,
                    "statistics" | "research" | "data" | "analysis" | "review"
                ))
    })
}

#[cfg(test)]
mod tests;
