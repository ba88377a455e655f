//! Whether an attribution reports someone's words: not a refusal, the reporter's question, a
//! passive with no one named, the writer's aside or instruction, a call made, nor what the
//! words were about.

use super::*;

/// Whether an attribution reports someone's words (or thoughts, or evidence): not a refusal
/// ("declined to comment", "refused to say whether …": the content is what they did not say)
/// nor the question that opens a sentence or a clause of time with no one to ask it ("Asked
/// whether the rooms would reopen, Banerjee-Rowe said …", "when asked how many …": the
/// reporter's question; the answer is the quote).
pub(super) fn reports_words(d: &Doc, f: &Found, (c0, c1, head): (usize, usize, usize)) -> bool {
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
        || super::idioms::no_ones_words(d, f, (c0, c1, head))
        || unquoted.is_some_and(|(k, end)| asks_for_comment(d, w, k, end))
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

/// "We asked them for comment", "contacted the ministry for comment": the reporter's request
/// (cue word `w`, unquoted content `k..end`), not words.
fn asks_for_comment(d: &Doc, w: &str, k: usize, end: usize) -> bool {
    matches!(w, "asked" | "asking" | "asks" | "contacted" | "reached")
        && (k..end.saturating_sub(1))
            .any(|j| matches!(d.w(j), "for" | "seeking") && d.w(j + 1).starts_with("comment"))
}

/// Whether the source of `f` is, in lower case, one of `words`.
fn source_is(d: &Doc, f: &Found, words: &[&str]) -> bool {
    f.source
        .is_some_and(|(a, b)| words.contains(&slice(d.text, a, b).to_lowercase().as_str()))
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
    if f.source.is_some() && !source_is(d, f, &["let's", "let’s", "let me", "let us", "please"]) {
        return false;
    }
    let start = d.sents[d.sent_of[c0] as usize].0;
    (start..c0).all(|j| {
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
    })
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

/// "As we mentioned above, …", "as noted earlier", "Like I said above": the writer pointing
/// to another place of the same text, no quote. A cue after "as" or "like" whose source, if any, is the
/// writer ("I", "we") and whose content, if any, opens with a word of place in the text.
fn points_within_the_text(d: &Doc, f: &Found, c0: usize, first: Option<usize>) -> bool {
    let writer =
        f.source.is_none() || source_is(d, f, &["i", "we", "i've", "we've", "i’ve", "we’ve"]);
    let start = f.source.and_then(|(a, _)| d.tok_at(a)).unwrap_or(c0);
    let after_as = start > 0 && (d.is(start - 1, "as") || d.is(start - 1, "like"));
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
