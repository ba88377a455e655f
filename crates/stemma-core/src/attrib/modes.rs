//! What an attribution is to a reader: words said (`speech`), a belief, wish or stance
//! (`thought`), the finding of a poll, report or data (`evidence`) — or no attribution at all
//! (an event: "pleaded guilty", "the troubles have members worried"), which is dropped.
//!
//! The cue lexicon's modes feed the tagger's features and stay as trained; this pass reads the
//! finished attribution (its cue word, its source's head noun, what follows the cue) once
//! every span is settled.

use std::sync::OnceLock;

use super::*;

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

/// Whether an attribution reports someone's words (or thoughts, or evidence): not a refusal
/// ("declined to comment", "refused to say whether …": the content is what they did not say)
/// nor the question that opens a sentence or a clause of time with no one to ask it ("Asked
/// whether the rooms would reopen, Banerjee-Rowe said …", "when asked how many …": the
/// reporter's question; the answer is the quote).
fn reports_words(d: &Doc, f: &Found, (c0, c1, head): (usize, usize, usize)) -> bool {
    let w = d.w(head);
    let refusal = matches!(
        w,
        "declined"
            | "declines"
            | "decline"
            | "declining"
            | "refused"
            | "refuses"
            | "refuse"
            | "refusing"
    );
    // The content's first token.
    let first = f.content.first().and_then(|c| d.tok_at(c.0));
    if refusal && first.is_some_and(|k| d.is(k, "to")) {
        return false;
    }
    // "has not said whether she will run", "would not say why", "could not say so": the
    // content is what they did not answer.
    let negated = (c0..=c1).any(|j| {
        let w = d.w(j);
        matches!(w, "not" | "never" | "cannot") || w.ends_with("n't") || w.ends_with("n’t")
    });
    let unanswered = first.is_some_and(|k| {
        matches!(
            d.w(k),
            "whether" | "if" | "why" | "how" | "when" | "who" | "what" | "where" | "so"
        )
    });
    // The content from its first token on, when it holds no quotation mark, and the token
    // after it.
    let unquoted = first.and_then(|k| Some((k, unquoted_end(d, f, k)?)));
    // "didn't immediately respond to the request for comment", "has not commented on the
    // case", "did not say the quay was unsafe": what was not said is no quote, unless the
    // content quotes the speaker.
    if negated && (unanswered && f.kind == QuoteKind::Indirect || unquoted.is_some()) {
        return false;
    }
    // "Prices were not announced", "The suppliers are said to be Sunrex and Chicony": a
    // passive with no one named who said it.
    if f.source.is_none() && unquoted.is_some() && is_passive(d, c0, c1 + 1) {
        return false;
    }
    // A cue that opens the sentence, or a clause of time ("when asked …"), with no one named
    // before it: the reporter's question, or the setting of words a later cue reports.
    let opens_unnamed = f.source.is_none() && head == c0 && opens_clause(d, c0);
    if opens_unnamed && (w == "asked" || sets_the_scene(d, w, c0, c1)) {
        return false;
    }
    if unquoted.is_some_and(|(k, end)| {
        k > c1 && only_a_name(d, k, end) || bare_cue(d, c0, c1) && title_case(d, k, end)
    }) {
        return false;
    }
    if anyones_words(d, f, c0, c1)
        || points_within_the_text(d, f, c0, first)
        || a_call_made(d, c0, c1, head)
        || an_instruction(d, f, c0, head)
    {
        return false;
    }
    // "We asked them for comment", "contacted the ministry for comment": the reporter's
    // request, not words.
    if matches!(w, "asked" | "asking" | "asks" | "contacted" | "reached")
        && unquoted.is_some_and(|(k, end)| {
            (k..end.saturating_sub(1))
                .any(|j| matches!(d.w(j), "for" | "seeking") && d.w(j + 1).starts_with("comment"))
        })
    {
        return false;
    }
    if first.is_some_and(|k| stands_for_words(d, f, k)) {
        return false;
    }
    // The cue ends with "about" ("was asked about his role", "spoke about the levy", "wrote
    // about the port"): its unquoted content is what the words were about, not the words.
    !unquoted.is_some_and(|(k, end)| {
        d.is(c1, "about")
            || circumstance(d, f, head, k, end)
            || judges_a_thing(d, f, (c0, c1), k, end)
    })
}

/// Whether token `c0` opens its sentence or a clause of time or condition ("Asked whether …",
/// "And when asked how much …").
fn opens_clause(d: &Doc, c0: usize) -> bool {
    d.sents[d.sent_of[c0] as usize].0 == c0
        || c0 > 0
            && matches!(
                d.w(c0 - 1),
                "when" | "whenever" | "if" | "once" | "after" | "before" | "upon" | "while"
            )
}

/// "Recalling her hardships, she said she struggled": a participle (cue word `w`, tokens
/// `c0..=c1`) with a worded cue after it in its sentence, which reports the words.
fn sets_the_scene(d: &Doc, w: &str, c0: usize, c1: usize) -> bool {
    let (_, sentence_end) = d.sents[d.sent_of[c0] as usize];
    w.ends_with("ing")
        && (c1 + 1..sentence_end).any(|j| {
            d.lex_at(j)
                .is_some_and(|c| c.mode == Mode::Speech && !c.weak && c.finite)
        })
}

/// Tokens `k..end` after the cue are a name and its titles ("…,” said Houssaini, Chief
/// Solutions Officer, Kestrel." with the quotation's opening mark lost; "NYSE: CRM"): who
/// spoke or a label, not what was said.
fn only_a_name(d: &Doc, k: usize, end: usize) -> bool {
    d.toks[k].cap
        && end - k <= 10
        && (k..end).all(|j| match d.toks[j].kind {
            Kind::Word => d.toks[j].cap || matches!(d.w(j), "of" | "the" | "and" | "for"),
            Kind::Punct => matches!(d.punct(j), Some("," | ".")),
            _ => false,
        })
}

/// The cue (tokens `c0..=c1`) is punctuation alone: a colon or a dash.
fn bare_cue(d: &Doc, c0: usize, c1: usize) -> bool {
    (c0..=c1).all(|j| d.punct(j).is_some())
}

/// Tokens `k..end` are a heading in title case ("AI Agents’ Quest to Recreate Minesweeper"):
/// at least two words longer than three letters, all capitalised, and no full stop.
fn title_case(d: &Doc, k: usize, end: usize) -> bool {
    let mut long = (k..end).filter(|&j| d.toks[j].kind == Kind::Word && d.w(j).chars().count() > 3);
    end - k <= 20
        && long.clone().nth(1).is_some()
        && long.all(|j| d.toks[j].cap)
        && !(k..end).any(|j| matches!(d.punct(j), Some("." | "!" | "?")))
}

/// "Write guest posts for …", "Ask your doctor whether …", "Please note that …", "Let's say
/// …": a verb of saying in its plain form opening a sentence (after "please", "just",
/// "always", "don't" …), with no one or only "let's" / "let me" before it, tells the reader
/// what to do or supposes, and reports no words (the tagger may take "Please" for its source).
fn an_instruction(d: &Doc, f: &Found, c0: usize, head: usize) -> bool {
    let w = d.w(head);
    let plain = matches!(
        w,
        "say"
            | "tell"
            | "ask"
            | "write"
            | "note"
            | "call"
            | "explain"
            | "add"
            | "share"
            | "describe"
            | "mention"
            | "suggest"
            | "discuss"
            | "read"
            | "claim"
            | "state"
            | "answer"
            | "report"
            | "request"
            | "remind"
            | "list"
            | "email"
            | "post"
            | "tweet"
    );
    if !plain || head != c0 {
        return false;
    }
    let lets = f.source.is_some_and(|(a, b)| {
        matches!(
            slice(d.text, a, b).to_lowercase().as_str(),
            "let's" | "let’s" | "let me" | "let us" | "please"
        )
    });
    if f.source.is_some() && !lets {
        return false;
    }
    let start = d.sents[d.sent_of[c0] as usize].0;
    let openers = (start..c0).all(|j| {
        d.toks[j].kind != Kind::Word
            || matches!(
                d.w(j),
                "please"
                    | "just"
                    | "simply"
                    | "always"
                    | "never"
                    | "first"
                    | "then"
                    | "now"
                    | "also"
                    | "so"
                    | "and"
                    | "don't"
                    | "don’t"
                    | "do"
                    | "let's"
                    | "let’s"
                    | "let"
                    | "me"
                    | "us"
            )
    });
    openers
}

/// "Zoom calls and emails", "returning Braun’s calls.", "an HTTP call with": "call" as a noun
/// after another word, with no object after it (a verb takes one: "calls the plan …", "calls
/// for a vote"), is a call made, no words reported.
fn a_call_made(d: &Doc, c0: usize, c1: usize, head: usize) -> bool {
    matches!(d.w(head), "call" | "calls")
        && c0 == head
        && c1 == head
        && head > 0
        && d.toks[head - 1].kind == Kind::Word
        && !cues::is_pronoun(d.w(head - 1))
        && d.toks.get(head + 1).is_none_or(|t| {
            t.kind == Kind::Punct && d.inq.get(head + 1).is_none_or(|q| q.is_none())
                || t.kind == Kind::Word
                    && matches!(
                        d.w(head + 1),
                        "and"
                            | "or"
                            | "with"
                            | "from"
                            | "during"
                            | "in"
                            | "last"
                            | "per"
                            | "that"
                            | "which"
                            | "while"
                            | "when"
                    )
        })
}

/// "As we mentioned above, …", "as noted earlier", "As I said before": the writer pointing
/// to another place of the same text, no quote. A cue after "as" whose source, if any, is the
/// writer ("I", "we") and whose content, if any, opens with a word of place in the text.
fn points_within_the_text(d: &Doc, f: &Found, c0: usize, first: Option<usize>) -> bool {
    let writer = f.source.is_none_or(|(a, b)| {
        matches!(
            slice(d.text, a, b).to_lowercase().as_str(),
            "i" | "we" | "i've" | "we've" | "i’ve" | "we’ve"
        )
    });
    let start = f.source.and_then(|(a, _)| d.tok_at(a)).unwrap_or(c0);
    let after_as = start > 0 && d.is(start - 1, "as");
    let here = first.is_none_or(|k| {
        matches!(
            d.w(k),
            "above" | "below" | "earlier" | "before" | "previously" | "in" | "elsewhere"
        )
    });
    writer && after_as && here
}

/// "You might call this …", "you can say all you want", "one could argue": what the reader or
/// anyone may say (a modal in or before the cue `c0..=c1`) is nobody's words.
fn anyones_words(d: &Doc, f: &Found, c0: usize, c1: usize) -> bool {
    let generic = f
        .source
        .is_some_and(|(a, b)| matches!(text_of(d.text, (a, b)), "you" | "You" | "one" | "One"));
    let modal = |j: usize| {
        matches!(
            d.w(j),
            "might" | "may" | "can" | "could" | "would" | "should" | "will" | "must"
        )
    };
    generic && ((c0..=c1).any(modal) || c0 > 0 && modal(c0 - 1))
}

/// Words that open a phrase of place, time or occasion.
const CIRCUMSTANCE: &[&str] = &[
    "in",
    "at",
    "on",
    "during",
    "via",
    "through",
    "outside",
    "inside",
    "amid",
    "following",
    "from",
    "over",
    "before",
    "after",
    "while",
];

/// Subject pronouns and auxiliaries: one of them inside a setting phrase means a clause goes on.
#[rustfmt::skip]
const CLAUSE_WORDS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "would", "will", "could", "should", "can", "may",
    "might", "must", "has", "have", "had", "is", "are", "was", "were",
];

/// The unquoted content (tokens `k..end`, after the cue) is where, when or how the words were
/// said, not the words: "said in a NASA statement", "tweeted before Election Day", "said
/// while visiting the conference" (the words are a quotation elsewhere, or nowhere). A phrase
/// of that kind that goes on to a clause ("said in a statement that …", "said on Tuesday, the
/// quay …", "said after the convention he would not accept …") is left as it is; so is
/// "according to".
fn circumstance(d: &Doc, f: &Found, head: usize, k: usize, end: usize) -> bool {
    d.toks[k].kind == Kind::Word
        && CIRCUMSTANCE.contains(&d.w(k))
        && f.content[0].0 >= f.cue.1
        && !matches!(d.w(head), "according" | "to")
        // A subject pronoun or an auxiliary past the phrase's opening, "that", a punctuation
        // mark: a clause goes on.
        && !(k + 2..end).any(|j| CLAUSE_WORDS.contains(&d.w(j)))
        && !(k..end).any(|j| d.is(j, "that") || d.punct(j).is_some_and(|p| p != "-"))
}

/// The content is one word that stands for words given elsewhere ("declined to name them",
/// "she said so", "he denied it"): nothing a reader could check.
fn stands_for_words(d: &Doc, f: &Found, k: usize) -> bool {
    let [(a, b)] = f.content[..] else {
        return false;
    };
    d.toks[k].kind == Kind::Word
        && d.toks[k].start == a
        && d.toks[k].end == b
        && matches!(
            d.w(k),
            "them" | "him" | "her" | "it" | "us" | "me" | "this" | "that" | "so"
        )
}

/// The token after `f`'s content, when the content from token `k` on holds no quotation mark
/// (words in quotation marks, single ones too, are the speaker's own).
fn unquoted_end(d: &Doc, f: &Found, k: usize) -> Option<usize> {
    let &(_, b) = f.content.last()?;
    let end = d.toks.partition_point(|t| t.start < b);
    (!(k..end).any(|j| quotation_mark(d, j))).then_some(end)
}

/// Token `j` is a quotation mark, not the apostrophe of a plural possessive ("the residents'
/// concerns").
fn quotation_mark(d: &Doc, j: usize) -> bool {
    let t = &d.toks[j];
    let possessive = matches!(t.text(d.text), "'" | "’")
        && !t.space_before
        && j > 0
        && d.toks[j - 1].kind == Kind::Word
        && d.w(j - 1).ends_with('s')
        && d.toks.get(j + 1).is_none_or(|n| n.space_before);
    t.kind == Kind::Quote && !possessive
}

/// Verbs of judging something (their stems): with a thing as object ("rejected that view",
/// "praised their response", "complained about the service") they report a stance, not
/// words; with a clause ("rejected claims that …", "complained that …") they may.
const JUDGING: &str = "\
    prais criticiz criticis condemn welcom reject dismiss defend question blam complain \
    describ applaud hail denounc decri decry lament echo refer";

/// Words that open a noun phrase: a thing judged, not a clause of words.
const THING_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "both", "such", "any", "all", "each", "every", "him", "them", "it", "us", "me",
];

/// `f` judges a thing: a word of its cue (tokens `c0..=c1`) is a verb or noun of judging
/// and its content (tokens `k..end`, with no quotation marks) is a noun phrase ("defended the
/// numbers", "has rejected such a guarantee", "questioned the use of reserves", "rejected that
/// view", "raised the point in criticism of the plan", "referred to Cooke's testimony"), not
/// a clause ("rejected that the plan was late").
fn judges_a_thing(d: &Doc, f: &Found, (c0, c1): (usize, usize), k: usize, end: usize) -> bool {
    static JUDGING_STEMS: OnceLock<Stems> = OnceLock::new();
    let stems = JUDGING_STEMS.get_or_init(|| Stems::new(JUDGING));
    if f.kind != QuoteKind::Indirect
        || !(c0..=c1).any(|j| d.toks[j].kind == Kind::Word && stems.open(d.w(j)))
    {
        return false;
    }
    let first = d.w(k);
    // "Rita Cooke's testimony": a name's possession (a name of up to three words).
    let possessive = |j: usize| is_possessive(d.w(j)) || d.is(j + 1, "'s") || d.is(j + 1, "’s");
    let name = (k..end.min(k + 3)).take_while(|&j| d.toks[j].kind == Kind::Word && d.toks[j].cap);
    if name.clone().any(possessive) && name.count() < end - k {
        return true;
    }
    // "that view", "that decision": a demonstrative before a word or two that end the content
    // (a clause after "that" runs longer: "that the plan was late").
    let demonstrative = first == "that" && (1..=3).contains(&(end - k));
    d.toks[k].kind == Kind::Word && (THING_OPENERS.contains(&first) || demonstrative)
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

/// "The data presented at the meeting suggest …", "This indicates …", "A quick look at the
/// timetable reveals …": a verb of finding whose source is [`a_thing`] reports what a thing
/// shows, not anyone's words.
pub(super) fn finding_of_a_thing(
    d: &Doc,
    f: &Found,
    speaker: Option<&crate::model::Speaker>,
) -> bool {
    f.mode == Mode::Speech
        && a_thing(speaker)
        && cue_head(d, f).is_some_and(|(_, _, head)| EVIDENCE.contains(&d.w(head)))
}

/// "a hydrocarbon called acetylene", "a traditional pot called a jebena", "A satirical
/// article titled …": a thing ([`a_thing`]) named, no words said.
pub(super) fn a_thing_named(d: &Doc, f: &Found, speaker: Option<&crate::model::Speaker>) -> bool {
    a_thing(speaker)
        && cue_head(d, f).is_some_and(|(c0, c1, _)| {
            (c0..=c1).any(|j| {
                matches!(
                    d.w(j),
                    "called" | "titled" | "entitled" | "dubbed" | "named" | "nicknamed" | "known"
                )
            })
        })
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
    if is_event(d, head, w) {
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
mod tests {
    use super::*;

    /// (cue, mode) of each attribution found in `text`.
    fn modes(text: &str) -> Vec<(String, Mode)> {
        find(text)
            .into_iter()
            .map(|f| (text_of(text, f.cue).to_string(), f.mode))
            .collect()
    }

    fn only(text: &str, mode: Mode) {
        let got = modes(text);
        assert!(!got.is_empty(), "{text}: nothing found");
        assert!(got.iter().all(|(_, m)| *m == mode), "{text}: {got:?}");
    }

    fn no_speech(text: &str) {
        let got = modes(text);
        assert!(
            got.iter().all(|(_, m)| *m != Mode::Speech),
            "{text}: {got:?}"
        );
    }

    #[test]
    fn words_said_or_written_are_speech() {
        only(
            "“The dam is safe,” said engineer Lotte Brandvik.",
            Mode::Speech,
        );
        only(
            "Mayor Ilse Varga told reporters that the bridge would open in May.",
            Mode::Speech,
        );
        only(
            "Councillor Bram Oduya tweeted that the vote had been rigged.",
            Mode::Speech,
        );
        only(
            "The minister has mocked the plan as a fantasy, Edda Moor wrote.",
            Mode::Speech,
        );
    }

    #[test]
    fn beliefs_wishes_and_knowledge_are_thought() {
        only(
            "Harald Quist believes that the levy will fail in the spring.",
            Mode::Thought,
        );
        only(
            "Residents of Low Ferry fear that the river will flood again.",
            Mode::Thought,
        );
        no_speech("Many councillors want the harbour levy dropped before the vote.");
        no_speech("The columnist knows the mayor will lose the harbour ward.");
        no_speech("Harald Quist thinks the levy is doomed.");
    }

    #[test]
    fn polls_reports_and_data_are_evidence() {
        only(
            "A poll released Monday shows that most voters oppose the levy.",
            Mode::Evidence,
        );
        only(
            "Documents show that the mayor approved the contract in March.",
            Mode::Evidence,
        );
        only(
            "According to a report by the port authority, traffic fell by a third.",
            Mode::Evidence,
        );
        only(
            "According to figures it released Tuesday, the ferry cancelled 41 sailings.",
            Mode::Evidence,
        );
        only(
            "According to Mayor Ilse Varga, traffic fell by a third.",
            Mode::Speech,
        );
        only(
            "A meta-analysis published in the Harbour Journal concludes that ferries are safe.",
            Mode::Evidence,
        );
        // A share of those asked answers a survey.
        for t in [
            "Of the teens, 17% reported symptoms of depression.",
            "A majority of voters said the levy was unfair.",
            "Only 20 percent of riders said the ferry was on time.",
        ] {
            only(t, Mode::Evidence);
        }
        only(
            "Mayor Ilse Varga said 17% of the budget went to the ferry.",
            Mode::Speech,
        );
        only(
            "The report said that the harbour had lost money for years.",
            Mode::Evidence,
        );
        // A court's or an office's documents and pages, a name's "of" before the noun.
        only(
            "The Office of Harbour Safety complaint says that the movers overcharged.",
            Mode::Evidence,
        );
        only(
            "The agency's website says that it investigates low-ball estimates.",
            Mode::Evidence,
        );
        only(
            "The author of the report said that the harbour had lost money.",
            Mode::Speech,
        );
        only(
            "According to the Arland Bureau of Harbour Statistics, traffic fell by a third.",
            Mode::Speech,
        );
    }

    #[test]
    fn a_state_is_no_attribution() {
        let got = modes("Readers report feeling less stressed when the ward is quiet.");
        assert!(got.iter().all(|(c, _)| !c.contains("stressed")), "{got:?}");
        // The words said beside the state still are.
        let got = modes("The nurses felt stressed after the night shift, the union said.");
        assert!(got.iter().any(|(c, _)| c == "said"), "{got:?}");
    }

    #[test]
    fn events_are_no_attribution() {
        no_speech("The former vice-president pleaded guilty to fraud on Tuesday.");
        no_speech(
            "The mayor's legal troubles have party members worried about his chances in May.",
        );
        no_speech("Jon Albers was charged with fraud by the harbour police.");
        // A plea to somebody is words said.
        only(
            "Edda Moor pleaded with the council to keep the ferry running.",
            Mode::Speech,
        );
    }

    #[test]
    fn records_carry_speech_unless_asked() {
        let text = "“The dam is safe,” said engineer Lotte Brandvik. Harald Quist believes \
                    that the levy will fail. A poll released Monday shows that most voters \
                    oppose the levy.";
        let all = quotes(text, &[]);
        let got: Vec<Mode> = all.iter().map(|q| q.mode).collect();
        assert_eq!(
            got,
            [Mode::Speech, Mode::Thought, Mode::Evidence],
            "{all:?}"
        );
    }

    #[test]
    fn a_cue_the_lexicon_lacks_is_speech_only_with_a_word_of_saying() {
        let cue_words = |text: &str, cue: &str| {
            let d = Doc::new(text);
            let a = Byte::new(text.find(cue).expect("cue in text"));
            let c0 = d.toks.partition_point(|t| t.start < a);
            let c1 = d.toks.partition_point(|t| t.start < a.plus(cue.len())) - 1;
            communicates(&d, c0, c1)
        };
        let t = "Mayor Ilse Varga spoke out Tuesday about the levy.";
        assert!(cue_words(t, "spoke out Tuesday about"));
        let t = "Mayor Ilse Varga had kinder words for the council.";
        assert!(cue_words(t, "had kinder words for"));
        let t = "Mayor Ilse Varga: the levy stays.";
        assert!(cue_words(t, ":"));
        let t = "Mayor Ilse Varga has championed the levy since 2019.";
        assert!(!cue_words(t, "has championed"));
        let t = "Mayor Ilse Varga openly admires the harbour board.";
        assert!(!cue_words(t, "openly admires"));
        let t = "Mayor Ilse Varga signed the levy into law.";
        assert!(!cue_words(t, "signed"));
    }

    /// (cue, whether it reports words) of each attribution found in `text`.
    fn words(text: &str) -> Vec<(String, bool)> {
        find(text)
            .into_iter()
            .map(|f| (text_of(text, f.cue).to_string(), f.words))
            .collect()
    }

    /// `cue` is found in `t`, reporting no words, and never reporting words.
    fn cue_reports_no_words(t: &str, cue: &str) {
        let got = words(t);
        assert!(
            got.iter().any(|(c, w)| c.contains(cue) && !w)
                && !got.iter().any(|(c, w)| c.contains(cue) && *w),
            "{t}: {got:?}"
        );
    }

    fn reports_some_words(t: &str) {
        let got = words(t);
        assert!(got.iter().any(|(_, w)| *w), "{t}: {got:?}");
    }

    #[test]
    fn judging_a_thing_reports_no_words() {
        for (t, cue) in [
            (
                "Harbour master Dunstan Okoro rejected that view.",
                "rejected",
            ),
            (
                "The levy would hurt the port, a trader said. Okoro rejected that.",
                "rejected",
            ),
            ("The mayor defended the numbers on Tuesday.", "defended"),
            (
                "Residents have long complained about the ferry's timetable.",
                "complained",
            ),
            ("Okoro praised their response after the storm.", "praised"),
            ("The ministry has rejected such a guarantee.", "rejected"),
            (
                "Later he referred to Rita Okafor's earlier testimony on the quay.",
                "referred to",
            ),
        ] {
            cue_reports_no_words(t, cue);
        }
        // A clause is words, and so is a judgement in the speaker's quoted words.
        for t in [
            "Okoro rejected claims that the quay was unsafe.",
            "Residents complained that the ferry was late again.",
            "Okoro praised the “calm and quick” response of the crews.",
            "Okoro described the ruling as 'heavy-handed'.",
        ] {
            reports_some_words(t);
        }
    }

    #[test]
    fn a_topic_or_a_word_standing_for_words_is_no_quote() {
        for (t, cue) in [
            (
                "Harbour master Dunstan Okoro spoke about the levy.",
                "spoke about",
            ),
            (
                "Okoro was asked about his role in the closure.",
                "asked about",
            ),
            ("Okoro declined to name them.", "declined"),
            ("The levy will go, and Okoro said so.", "said"),
            (
                "Councillor Ama Owusu echoed the residents' concerns.",
                "echoed",
            ),
        ] {
            cue_reports_no_words(t, cue);
        }
        // Words about something are still words.
        for t in [
            "Okoro spoke about the levy, saying it would empty the island.",
            "Okoro said the levy was about money.",
        ] {
            reports_some_words(t);
        }
        // Measurements are evidence, not anyone's words; the people who took them speak.
        only(
            "According to the station's measurements, the glacier lost four metres.",
            Mode::Evidence,
        );
        only(
            "According to the engineers who took the measurements, the glacier is thinning.",
            Mode::Speech,
        );
    }

    #[test]
    fn silence_an_unnamed_passive_and_a_setting_report_no_words() {
        for (t, cue) in [
            (
                "The harbour board didn't immediately respond to a request for comment.",
                "respond",
            ),
            ("Okoro has not commented on the closure.", "commented"),
            ("Prices and dates were not announced.", "announced"),
            ("The suppliers are said to be Sunrex and Chicony.", "said"),
            ("Dr. Pavel Ostrander said in a statement.", "said"),
            ("Okoro tweeted before the vote on Tuesday.", "tweeted"),
            (
                "Okoro said while visiting the new ferry terminal in Marrow Bay.",
                "said",
            ),
        ] {
            let got = words(t);
            assert!(
                !got.iter().any(|(c, w)| c.contains(cue) && *w),
                "{t}: {got:?}"
            );
        }
        // A setting that goes on to a clause, or to quoted words, is words.
        for t in [
            "Okoro said after the vote he would not accept the levy.",
            "Okoro said in a statement that the quay would reopen.",
            "Okoro said on Tuesday, the quay would reopen.",
            "The board did not say “never”, Okoro said.",
        ] {
            reports_some_words(t);
        }
    }

    #[test]
    fn refusals_and_the_reporters_question_report_no_words() {
        let t = "Harbour master Dunstan Okoro declined to comment on the closure.";
        assert!(words(t).iter().all(|(_, w)| !w), "{:?}", words(t));
        let t = "The council refused to say whether the quay would reopen.";
        assert!(words(t).iter().all(|(_, w)| !w), "{:?}", words(t));
        // What they did not answer.
        for t in [
            "Okoro has not said whether he will run again.",
            "The harbour board would not say why the quay closed.",
            "The engineers would not say how long the repairs would take.",
        ] {
            let got = words(t);
            assert!(
                got.iter().any(|(c, w)| !w && c.contains("not")),
                "{t}: {got:?}"
            );
        }
        // Not answering is not the same as saying no.
        let t = "Okoro did not say the quay was unsafe, but he said it was old.";
        assert!(words(t).iter().any(|(_, w)| *w), "{:?}", words(t));
        // The question has no speaker; the answer is the quote.
        let t = "Dr. Ayesha Banerjee-Rowe said the decision was hard.\n\nAsked whether the \
                 closures would end in September, Banerjee-Rowe said she could not promise that.";
        let got = words(t);
        assert!(got.contains(&("Asked".to_string(), false)), "{got:?}");
        assert!(got.contains(&("said".to_string(), true)), "{got:?}");
        // An opening participle sets the scene of the words the sentence reports.
        let t = "Amina Rahat of Kol village called the project a help.\n\nShe added that her \
                 beans are sold from her house, reducing trips to the market.\n\nRecalling \
                 her past hardships, she said she struggled to raise her family income and \
                 later started growing beans at her homestead alongside rearing goats.";
        let got = words(t);
        assert!(got.contains(&("Recalling".to_string(), false)), "{got:?}");
        assert!(got.contains(&("said".to_string(), true)), "{got:?}");
        // A speaker's name after the cue is no words ("…,” said X" with the quotation's
        // opening mark lost).
        let t = "Prices will fall. Kestrel will win the contract,\" said Ilse Varga, Chief \
                 Officer, Kestrel Cloud.";
        let got = words(t);
        assert!(got.contains(&("said".to_string(), false)), "{got:?}");
        // A heading in title case after a colon is a title.
        let t = "Detonating Code: Robot Agents’ Quest to Rebuild Minesweeper and the Boom in \
                 Software Making\n\nIn the ever-changing realm of machine learning, a recent \
                 test by the Kestrel Gazette has caught the eye of builders and hobbyists alike.";
        let got = words(t);
        assert!(!got.is_empty() && got.iter().all(|(_, w)| !w), "{got:?}");
        // What the reader or anyone may say is nobody's words.
        for t in [
            "You might call this a measure of a person's patience.",
            "One could argue that the levy was a failure.",
        ] {
            let got = words(t);
            assert!(
                !got.is_empty() && got.iter().all(|(_, w)| !w),
                "{t}: {got:?}"
            );
        }
        // Whom an interviewer addresses has said it.
        let got = words("Q: You say that the levy failed. Why?");
        assert!(got.iter().any(|(_, w)| *w), "{got:?}");
        // So is the question after a word of time.
        let t = "Wheaton said the movers came late.\n\nAnd when asked how much Petra Lund \
                 was overcharged, “Oh, we paid 9,000,” she said.";
        let got = words(t);
        assert!(got.contains(&("asked".to_string(), false)), "{got:?}");
        assert!(got.contains(&("said".to_string(), true)), "{got:?}");
        // Words said are words, a question a speaker asks too.
        for t in [
            "Okoro said the quay would reopen in May.",
            "“Will the quay reopen?” asked Ruth Abernathy.",
        ] {
            let got = words(t);
            assert!(
                !got.is_empty() && got.iter().all(|(_, w)| *w),
                "{t}: {got:?}"
            );
        }
    }

    #[test]
    fn a_thing_that_boasts_a_feature_says_nothing() {
        // "boasts" of possession is no attribution; boasting of something, or that something
        // is so, still is.
        for t in [
            "The Kestrel X2 camera boasts a 24-megapixel sensor and a tilting screen.",
            "Port Vellin boasts three beaches.",
        ] {
            assert!(modes(t).is_empty(), "{t}: {:?}", modes(t));
        }
        for t in [
            "Mayor Dunstan Okoro boasted Monday night that the quay had never been busier.",
            "Okoro boasted of the new quay.",
        ] {
            assert!(
                modes(t)
                    .iter()
                    .any(|(c, m)| c.contains("boasted") && *m == Mode::Speech),
                "{t}: {:?}",
                modes(t)
            );
        }
    }

    #[test]
    fn an_adverb_in_ally_is_no_word_of_saying() {
        // The tagger takes "designed specifically for" as a cue; "specifically" opens with the
        // stem of "specify" but is no word of saying.
        let t = "Some trail shoes designed specifically for muddy conditions have deep lugs.";
        no_speech(t);
    }

    /// (cue, mode) of each quote a record keeps or drops, after speakers are resolved.
    fn record_modes(text: &str) -> Vec<(String, Mode)> {
        let ix = CharIndex::new(text);
        super::super::entities_and_quotes(None, text, &ix)
            .1
            .into_iter()
            .map(|(f, q)| (text_of(text, f.cue).to_string(), q.mode))
            .collect()
    }

    /// Every quote the record makes of `t` (one at least) has `mode`.
    fn record_only(t: &str, mode: Mode) {
        let got = record_modes(t);
        assert!(
            !got.is_empty() && got.iter().all(|(_, m)| *m == mode),
            "{t}: {got:?}"
        );
    }

    #[test]
    fn what_a_thing_shows_is_evidence_whoever_finds_it_speaks() {
        for t in [
            "The data presented at the meeting suggest that the ferry loses money.",
            "Ticket sales fell by half. This indicates that riders have moved to the bus.",
            "A quick look at the timetable reveals that the last ferry leaves at six.",
            "The scan of the hull revealed severe damage near the keel.",
        ] {
            record_only(t, Mode::Evidence);
        }
        // A person, a name, or the writer who suggests something is speaking.
        for t in [
            "Harbour master Lotte Brandvik suggests that the ferry runs hourly.",
            "We suggest that riders buy the Harbour Pass.",
            "Vellin Ferries indicated that fares would rise.",
        ] {
            record_only(t, Mode::Speech);
        }
    }

    #[test]
    fn the_writer_pointing_within_the_text_or_asking_for_comment_reports_no_words() {
        for (t, cue) in [
            (
                "As we mentioned above, the fare is not the main point of this guide.",
                "mentioned",
            ),
            ("As noted earlier, the ferry runs hourly.", "noted"),
            ("We asked the ministry for comment on the report.", "asked"),
        ] {
            cue_reports_no_words(t, cue);
        }
        // Someone else's words after "as" are words.
        reports_some_words("As Mayor Ilse Varga said on Monday, the ferry runs hourly.");
    }

    #[test]
    fn a_capitalised_states_in_a_name_is_no_cue() {
        let t = "Kestrel Summit\n\nSan Jose, United States\n\nKestrel Summit is the premier \
                 ferry conference, where engineers meet.";
        assert!(
            modes(t).iter().all(|(c, _)| c != "States"),
            "{:?}",
            modes(t)
        );
    }

    #[test]
    fn a_call_made_or_a_thing_named_reports_no_words() {
        cue_reports_no_words(
            "The webcam is perfect for Kestrel calls, and the battery lasts all day.",
            "calls",
        );
        // A thing named is known after its speaker is resolved.
        let t = "A satirical article titled \"How it feels to run a ferry\" went viral.";
        let ix = CharIndex::new(t);
        let got: Vec<(String, bool)> = super::super::entities_and_quotes(None, t, &ix)
            .1
            .into_iter()
            .map(|(f, _)| (text_of(t, f.cue).to_string(), f.words))
            .collect();
        assert_eq!(got, [("titled".to_string(), false)]);
        // A verb of calling with its object reports words.
        reports_some_words("Critics called the plan \"a disaster,\" said Mayor Ilse Varga.");
    }

    #[test]
    fn an_instruction_or_a_supposition_reports_no_words() {
        cue_reports_no_words("Please note that the ferry leaves at six.", "note");
        cue_reports_no_words("Let's say the ferry is late.", "say");
        reports_some_words("Mayor Ilse Varga said the ferry leaves at six.");
    }
}
