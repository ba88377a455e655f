//! Words of saying that attribute nothing — a label before a colon ("Tip:", "Fact:", "FYI:"),
//! a plan followed ("adjust according to your needs"), idioms ("rest assured that", "to say
//! the least", "the name says it all"), a noun in -s ("These demands may …") — or no one's
//! words: a thing named ("it is called “farmer’s lung”"), a picture posted, a proverb, a
//! conjunction or the reader's instruction taken for the source.

use super::*;

/// Whether `f` (its cue's head token `head`) is no attribution at all, though its cue is a
/// word of saying.
pub(super) fn attributes_nothing(d: &Doc, f: &Found, head: usize) -> bool {
    a_label(d, f)
        || a_plan_followed(d, f, head)
        || an_idiom(d, head)
        || a_noun_subject(d, head)
        || a_dismissal(d, head)
        || a_score_added(d, head)
        || a_noun_after_a_determiner(d, f, head)
}

/// "Beauvillier added his seventh for the Islanders", "Marcus added 14 points and nine
/// rebounds": a score added, no words (a word for a score, or an ordinal with no noun of its
/// own, within four words, before any "that", punctuation or quotation mark).
fn a_score_added(d: &Doc, head: usize) -> bool {
    const ORDINALS: &[&str] = &[
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth",
    ];
    #[rustfmt::skip]
    const SCORES: &[&str] = &[
        "goal", "goals", "assist", "assists", "points", "rebounds", "runs", "wicket", "wickets",
        "try", "tries", "touchdown", "touchdowns", "basket", "baskets", "three-pointer",
        "three-pointers", "homer", "homers", "birdie", "birdies", "saves", "yards",
    ];
    if !matches!(d.w(head), "added" | "adds" | "adding") {
        return false;
    }
    let end = (head + 5).min(d.toks.len());
    for j in head + 1..end {
        let w = d.w(j);
        if w == "that" || d.is_quote(j) || d.toks[j].kind == Kind::Punct {
            return false;
        }
        let numbered = w.len() > 2
            && w.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s));
        // An ordinal with no noun of its own ("his seventh for the Islanders"; not "a second
        // reason").
        let bare = || {
            j + 1 >= d.toks.len()
                || d.toks[j + 1].kind != Kind::Word
                || SCORES.contains(&d.w(j + 1))
                || matches!(
                    d.w(j + 1),
                    "for" | "of" | "in" | "on" | "at" | "and" | "to" | "with"
                )
        };
        if SCORES.contains(&w) || (ORDINALS.contains(&w) || numbered) && bare() {
            return true;
        }
    }
    false
}

/// "The accused, 58-year-old Gerald Tibbetts, has pleaded …": a word of saying right after
/// "the" with no one before it is a noun (the accused, the alleged), no cue.
fn a_noun_after_a_determiner(d: &Doc, f: &Found, head: usize) -> bool {
    head > 0
        && matches!(d.w(head - 1), "the" | "a" | "an")
        && d.toks[head - 1].end <= f.cue.0
        && f.source.is_none_or(|(a, b)| {
            // The source is the determiner alone.
            a >= d.toks[head - 1].start && b <= d.toks[head - 1].end
        })
}

/// "he dismissed Virat Kohli for 88": a batsman out, a score after "for", no words.
fn a_dismissal(d: &Doc, head: usize) -> bool {
    matches!(d.w(head), "dismissed" | "dismisses" | "dismissing")
        && (head + 1..(head + 6).min(d.toks.len().saturating_sub(1)))
            .any(|k| d.is(k, "for") && d.toks[k + 1].kind == Kind::Number)
}

/// Whether `f` (its cue's first, last and head token) names a thing, posts a picture, quotes
/// a proverb, has a conjunction or the reader's instruction for its source, is an aside or
/// the condition of an interview: words of saying that PolNeAR may mark, but no one's words
/// a reader would quote.
pub(super) fn no_ones_words(d: &Doc, f: &Found, (c0, c1, head): (usize, usize, usize)) -> bool {
    the_reader_or_the_argument(d, f, head)
        || a_thing_named(d, f, c0, c1)
        || named_in_passing(d, c0, c1)
        || (c0..c1).any(|j| {
            // "they became known as “Schools of the Wise”": a name that stuck.
            matches!(d.w(j), "became" | "become" | "becomes" | "becoming") && naming(d.w(j + 1))
        })
        || a_picture_posted(d, f, head)
        || a_saying(d, f, c0, c1)
        || a_conjunction_for_source(d, f)
        || an_imperative_for_source(d, f)
        || an_aside(d, f, c0, c1, head)
        || asked_not_to_be_named(d, head)
}

/// "you just ask the agent to solve it", "That explains why buttons …": the reader a how-to
/// addresses, or the argument so far, is no one quoted (outside quotation marks).
fn the_reader_or_the_argument(d: &Doc, f: &Found, head: usize) -> bool {
    let Some((a, b)) = f.source else {
        return false;
    };
    let Some(k) = d.tok_at(a) else {
        return false;
    };
    if d.toks[k].end != b || d.inq[k].is_some() {
        return false;
    }
    match d.w(k) {
        "you" => true,
        "that" | "this" => matches!(
            d.w(head),
            "explains" | "explain" | "means" | "mean" | "shows" | "show"
        ),
        _ => false,
    }
}

/// "One, who asked not to be named, said: …": the condition of the interview; the words are
/// the other cue's.
fn asked_not_to_be_named(d: &Doc, head: usize) -> bool {
    matches!(d.w(head), "asked" | "asks" | "asking")
        && d.is(head + 1, "not")
        && d.is(head + 2, "to")
        && d.is(head + 3, "be")
}

/// "… and let’s just say, I’m scoring extra credit", "the points discussed here", "all
/// other images via brands mentioned.", "91 comments": a supposition, the writer pointing
/// within the text with a bare participle, or a count of comments; no one's words.
fn an_aside(d: &Doc, f: &Found, c0: usize, c1: usize, head: usize) -> bool {
    let w = d.w(head);
    // "let's (just) say", "let me (just) say".
    let mut k = head;
    while k > 0 && matches!(d.w(k - 1), "just" | "simply" | "only") {
        k -= 1;
    }
    let lets = k > 0 && matches!(d.w(k - 1), "let's" | "let’s")
        || k > 1 && matches!(d.w(k - 1), "me" | "us") && d.is(k - 2, "let");
    if w == "say" && lets {
        return true;
    }
    // A participle right after its noun, pointing within the text.
    let participle = matches!(
        w,
        "discussed" | "mentioned" | "described" | "listed" | "outlined" | "noted" | "cited"
    );
    let aux = c0 > 0
        && matches!(
            d.w(c0 - 1),
            "is" | "was" | "are" | "were" | "be" | "been" | "has" | "have" | "had"
        );
    let here = c1 + 1 < d.toks.len()
        && matches!(
            d.w(c1 + 1),
            "here" | "above" | "below" | "earlier" | "previously"
        );
    if participle && head == c0 && head == c1 && !aux && f.source.is_some() && here {
        return true;
    }
    // "unless (otherwise) noted": a proviso.
    if participle && c0 > 0 && matches!(d.w(c0 - 1), "unless" | "otherwise") {
        return true;
    }
    // "188 reactions, 91 comments", "1,000 notes": a count of things, no cue.
    head > 0
        && d.toks[head - 1].kind == Kind::Number
        && matches!(
            w,
            "comments" | "replies" | "responses" | "answers" | "reviews" | "notes" | "posts"
        )
}

/// Participles that give a thing or a person a name.
fn naming(w: &str) -> bool {
    matches!(
        w,
        "called"
            | "named"
            | "dubbed"
            | "termed"
            | "titled"
            | "entitled"
            | "labeled"
            | "labelled"
            | "nicknamed"
            | "known"
    )
}

/// "Coffee houses, known as “penny universities” in England, …", "The exhibition, titled
/// ‘Royal Portraits’, …", "Most Loved (now called Most Admired)": a name given in passing,
/// after a bracket, an adverb of time or manner, or (for words that only name) a comma, with
/// no auxiliary; nobody's words. ("Sasse, R-Neb., called his death “a crisis”" and "also
/// called for" are words said.)
fn named_in_passing(d: &Doc, c0: usize, c1: usize) -> bool {
    let Some(j) = (c0..=c1).find(|&j| naming(d.w(j))) else {
        return false;
    };
    if j == 0 || matches!(d.w(j + 1), "for" | "on" | "upon" | "to" | "that") {
        return false;
    }
    let adverb = |k: usize| {
        matches!(
            d.w(k),
            "now"
                | "formerly"
                | "also"
                | "often"
                | "sometimes"
                | "commonly"
                | "popularly"
                | "later"
                | "widely"
                | "affectionately"
                | "locally"
                | "officially"
                | "better"
        )
    };
    let only_names = matches!(
        d.w(j),
        "known" | "titled" | "entitled" | "dubbed" | "nicknamed" | "termed"
    );
    match d.punct(j - 1) {
        Some("(") => true,
        Some(",") => only_names,
        Some(_) => false,
        // The adverb itself after a bracket, a comma or the sentence's start.
        None => adverb(j - 1) && (j < 2 || d.punct(j - 2).is_some() || !adverb(j - 2)),
    }
}

/// "remember the old saying, “cotton kills”", "as the adage goes": a proverb, no one's words.
fn a_saying(d: &Doc, f: &Found, c0: usize, c1: usize) -> bool {
    f.source.is_none()
        && (c0..=c1).any(|j| {
            // The noun ("the old saying"), not the participle ("…, saying they failed").
            let noun = j > 0
                && matches!(
                    d.w(j - 1),
                    "the" | "old" | "a" | "an" | "famous" | "popular" | "common" | "wise"
                );
            match d.w(j) {
                "saying" | "expression" => noun,
                "adage" | "proverb" | "idiom" | "maxim" => true,
                _ => false,
            }
        })
}

/// "Or instead of …, tell your reader …", "and claims, while …": a conjunction taken for the
/// source.
fn a_conjunction_for_source(d: &Doc, f: &Found) -> bool {
    f.source.is_some_and(|(a, b)| {
        matches!(
            slice(d.text, a, b).to_lowercase().as_str(),
            "and" | "or" | "but" | "nor" | "yet" | "so" | "then" | "plus"
        )
    })
}

/// "These demands may lead to anxiety", "the claims are false": a cue word in -s after a
/// determiner and before a modal or an auxiliary is a noun, the subject of its clause.
fn a_noun_subject(d: &Doc, head: usize) -> bool {
    let w = d.w(head);
    head > 0
        && w.len() > 3
        && w.ends_with('s')
        && matches!(
            d.w(head - 1),
            "the"
                | "these"
                | "those"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "my"
                | "your"
                | "such"
                | "many"
                | "new"
                | "any"
                | "no"
                | "some"
                | "several"
                | "both"
        )
        && matches!(
            d.w(head + 1),
            "may"
                | "might"
                | "can"
                | "could"
                | "will"
                | "would"
                | "should"
                | "must"
                | "are"
                | "were"
                | "have"
                | "had"
                | "do"
                | "did"
        )
}

/// Verbs whose plain form, opening a sentence, tells the reader what to do.
const IMPERATIVES: &[&str] = &[
    "act",
    "be",
    "make",
    "use",
    "check",
    "ensure",
    "try",
    "remember",
    "keep",
    "avoid",
    "consider",
    "ask",
    "add",
    "download",
    "read",
    "click",
    "follow",
    "get",
    "take",
    "see",
    "find",
    "choose",
    "visit",
    "call",
    "contact",
    "note",
    "share",
    "include",
    "mention",
    "start",
    "stop",
    "learn",
    "discover",
    "explore",
    "imagine",
    "look",
    "watch",
    "listen",
    "go",
    "give",
    "show",
    "set",
    "put",
    "open",
    "enter",
    "select",
    "buy",
    "order",
    "join",
    "subscribe",
    "prepare",
    "review",
    "compare",
    "send",
    "pick",
    "bring",
    "leave",
    "write",
    "tell",
    "describe",
    "explain",
    "please",
    "don't",
    "do",
    "skip",
    "install",
    "run",
    "type",
    "create",
    "save",
    "copy",
    "paste",
    "replace",
    "remove",
    "apply",
    "register",
    "search",
    "tap",
    "press",
    "enable",
    "turn",
];

/// "Be sure to accompany the adjuster, pointing out …", "Read on for a brief history, told
/// through …", "Check Cincinnati weather forecast", "(shh – don’t tell my wife)": a verb
/// telling the reader what to do, taken for the source where an instruction starts (not "to
/// make sure everyone knows"); a capitalised word alone right before the cue may be a
/// surname ("Read said") and stays.
fn an_imperative_for_source(d: &Doc, f: &Found) -> bool {
    let Some((a, b)) = f.source else {
        return false;
    };
    let Some(k) = d.tok_at(a) else {
        return false;
    };
    let w = d.w(k).replace('’', "'");
    if d.toks[k].kind != Kind::Word || !IMPERATIVES.contains(&w.as_str()) {
        return false;
    }
    let word = d.toks[k].text(d.text);
    // "SAVE A QUARTER": a heading in capitals, not an instruction.
    if word.len() > 1 && !word.chars().any(char::is_lowercase) {
        return false;
    }
    let lower = word.starts_with(char::is_lowercase);
    // Where an instruction starts: the sentence's start, a list's dash or bracket, or a word
    // that softens it ("please tell me", "just ask").
    let opens = d.sents[d.sent_of[k] as usize].0 == k
        || k > 0
            && (matches!(
                d.punct(k - 1),
                Some(":" | "–" | "—" | "-" | "(" | ";" | "•")
            ) || matches!(d.w(k - 1), "please" | "just" | "simply" | "shh"));
    let alone_before_cue = d.toks[k].end == b && f.cue.0 >= b && f.cue.0.get() - b.get() <= 1;
    opens && (lower || !alone_before_cue)
}

/// Words that label what follows their colon on a page: a tip, a fact, a note, a step.
const LABELS: &[&str] = &[
    "tip",
    "tips",
    "pro tip",
    "top tip",
    "quick tip",
    "hot tip",
    "fact",
    "facts",
    "fun fact",
    "myth",
    "note",
    "notes",
    "nb",
    "n.b.",
    "side note",
    "editor's note",
    "fyi",
    "icymi",
    "tl;dr",
    "tldr",
    "summary",
    "in summary",
    "warning",
    "caution",
    "important",
    "reminder",
    "hint",
    "bonus",
    "bonus tip",
    "verdict",
    "our verdict",
    "the verdict",
    "bottom line",
    "the bottom line",
    "takeaway",
    "key takeaway",
    "the takeaway",
    "pros",
    "cons",
    "trivia",
    "spoiler",
    "spoiler alert",
    "disclaimer",
    "p.s.",
    "ps",
    "heads up",
    "pro",
    "con",
    "ingredients",
    "instructions",
    "directions",
    "method",
    "more",
    "read more",
    "read",
    "related",
    "see also",
    "also read",
    "also see",
    "watch",
    "listen",
    "update",
    "editor's pick",
    "breaking",
    "exclusive",
    "file photo",
    "photo",
    "photos",
    "image",
    "video",
    "caption",
    "graphic",
    "illustration",
    "chart",
    "source",
    "sources",
];

/// Words that label a numbered part before a colon ("Step 3:", "Myth 2:", "Tip #4:").
const NUMBERED: &[&str] = &[
    "step", "tip", "myth", "fact", "part", "chapter", "lesson", "rule", "day", "week", "phase",
    "option", "method", "reason", "mistake", "idea", "strategy", "question",
];

/// "Tip: Ask your installer …", "FYI: the manager includes …", "Step 3: Sand the edges": a
/// label and its colon, taken for a speaker and a cue.
fn a_label(d: &Doc, f: &Found) -> bool {
    let Some((a, b)) = f.source else {
        return false;
    };
    if !text_of(d.text, f.cue).trim_start().starts_with(':') {
        return false;
    }
    let label = slice(d.text, a, b)
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '-'))
        .to_lowercase()
        .replace('’', "'");
    if LABELS.contains(&label.as_str()) {
        return true;
    }
    // A numbered part: the label word, then a number ("3", "#4", "one").
    let mut words = label.split_whitespace();
    let (Some(first), Some(second), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    NUMBERED.contains(&first)
        && (second.trim_start_matches('#').parse::<u32>().is_ok()
            || matches!(
                second,
                "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
            ))
}

/// "When it is on a bird, it is called “bird fancier’s lung”", "Penny was named “Dana”":
/// a passive of naming with no one named who says it (no source, no "by" soon after) names a
/// thing or a person; nobody's words.
fn a_thing_named(d: &Doc, f: &Found, c0: usize, c1: usize) -> bool {
    if f.source.is_some() || (c1 + 1..(c1 + 8).min(d.toks.len())).any(|j| d.is(j, "by")) {
        return false;
    }
    (c0..c1).any(|j| {
        matches!(
            d.w(j),
            "is" | "was" | "are" | "were" | "be" | "been" | "being" | "’s" | "'s"
        ) && naming(d.w(j + 1))
            && !matches!(d.w(j + 2), "for" | "on" | "upon" | "to" | "that")
    })
}

/// "Tottenham posted an image of Mourinho …", "My friend posted a picture of herself",
/// "I posted a simple fractal viewer on the web": a thing posted or shared (its object opens
/// with a determiner or a number), not words.
fn a_picture_posted(d: &Doc, f: &Found, head: usize) -> bool {
    let posting = matches!(
        d.w(head),
        "posted"
            | "posts"
            | "post"
            | "posting"
            | "shared"
            | "shares"
            | "share"
            | "sharing"
            | "uploaded"
            | "uploads"
            | "upload"
            | "uploading"
    );
    if !posting || f.kind != QuoteKind::Indirect {
        return false;
    }
    let Some(k) = f.content.first().and_then(|c| d.tok_at(c.0)) else {
        return false;
    };
    d.toks[k].kind == Kind::Number
        || matches!(
            d.w(k),
            "a" | "an"
                | "the"
                | "some"
                | "several"
                | "his"
                | "her"
                | "their"
                | "its"
                | "my"
                | "our"
                | "your"
                | "this"
                | "these"
                | "those"
                | "new"
                | "more"
                | "photos"
                | "pictures"
                | "images"
                | "videos"
                | "materials"
        )
}

/// Verbs that "according to" follows when it means "as fits" ("adjust according to your
/// strengths", "prices vary according to the season", "it went according to plan").
const AS_FITS: &[&str] = &[
    "adjust",
    "adjusted",
    "adjusting",
    "adjusts",
    "vary",
    "varies",
    "varied",
    "varying",
    "differ",
    "differs",
    "change",
    "changes",
    "changed",
    "sorted",
    "sort",
    "ranked",
    "rank",
    "grouped",
    "arranged",
    "classified",
    "organized",
    "organised",
    "priced",
    "tailored",
    "tailor",
    "customized",
    "customised",
    "act",
    "acted",
    "acting",
    "behave",
    "proceed",
    "proceeded",
    "went",
    "go",
    "goes",
    "going",
    "gone",
    "done",
    "play",
    "played",
    "scaled",
    "scale",
    "calculated",
    "determined",
    "graded",
    "rated",
    "sized",
    "adapted",
    "adapt",
];

/// "according to plan", "adjust according to your needs", "adjust the weights according to
/// …": the phrase that means "as fits", not a source.
fn a_plan_followed(d: &Doc, f: &Found, head: usize) -> bool {
    let according = if d.is(head, "according") {
        head
    } else if d.is(head, "to") && head > 0 && d.is(head - 1, "according") {
        head - 1
    } else {
        return false;
    };
    let plan = f.source.is_some_and(|(a, b)| {
        matches!(
            slice(d.text, a, b).to_lowercase().as_str(),
            "plan" | "schedule" | "script" | "the plan" | "the schedule" | "the script"
        )
    });
    // The verb just before, or before its object ("adjust the weights according to …").
    let verb = (according.saturating_sub(4)..according)
        .rev()
        .take_while(|&k| d.toks[k].kind == Kind::Word)
        .any(|k| AS_FITS.contains(&d.w(k)));
    plan || verb
}

/// "rest assured that …", "(to say the least)", "needless to say", "suffice it to say",
/// "so to speak", "the company name says it all": idioms with a word of saying in them.
fn an_idiom(d: &Doc, head: usize) -> bool {
    let w = d.w(head);
    if w == "assured" && head > 0 && d.is(head - 1, "rest") {
        return true;
    }
    let after_to = head > 0 && d.is(head - 1, "to");
    if after_to && w == "speak" && head > 1 && d.is(head - 2, "so") {
        return true;
    }
    if after_to
        && w == "say"
        && (d.is(head + 1, "the") && d.is(head + 2, "least")
            || d.is(head + 1, "nothing") && d.is(head + 2, "of")
            || head > 1 && matches!(d.w(head - 2), "needless" | "it" | "suffice" | "is"))
    {
        return true;
    }
    // "It goes without saying that …".
    if w == "saying" && head > 0 && d.is(head - 1, "without") {
        return true;
    }
    // "Saying that, …": having said that.
    if w == "saying" && d.is(head + 1, "that") && d.punct(head + 2) == Some(",") {
        return true;
    }
    matches!(w, "says" | "said" | "say") && d.is(head + 1, "it") && d.is(head + 2, "all")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token of `text` that starts at `word`'s first occurrence.
    fn at(d: &Doc, text: &str, word: &str) -> usize {
        let b = Byte::new(text.find(word).expect("word in text"));
        d.tok_at(b).expect("a token starts there")
    }

    #[test]
    fn a_noun_in_s_before_a_modal_is_a_subject() {
        let t = "Students juggle jobs. These demands may lead to anxiety.";
        let d = Doc::new(t);
        assert!(a_noun_subject(&d, at(&d, t, "demands")));
        // A verb after its subject stays a verb.
        let t = "The union demands that the ferry keep running.";
        let d = Doc::new(t);
        assert!(!a_noun_subject(&d, at(&d, t, "demands")));
    }

    #[test]
    fn a_batsman_dismissed_for_a_score_said_nothing() {
        let t = "Chameera took his first wicket as he dismissed Tomas Ferrand for 21.";
        let d = Doc::new(t);
        assert!(a_dismissal(&d, at(&d, t, "dismissed")));
        let t = "The minister dismissed the report as nonsense.";
        let d = Doc::new(t);
        assert!(!a_dismissal(&d, at(&d, t, "dismissed")));
    }

    #[test]
    fn idioms_of_saying() {
        for (t, w) in [
            ("Saying that, the cafe is still the best in town.", "Saying"),
            ("The plan was, to say the least, ambitious.", "say"),
            ("Needless to say, the ferry was late.", "say"),
            ("The name says it all: everything is baked here.", "says"),
            ("Rest assured that your data stays with us.", "assured"),
        ] {
            let d = Doc::new(t);
            assert!(an_idiom(&d, at(&d, t, w)), "{t}");
        }
        let t = "Residents blamed the company, saying that it had failed them.";
        let d = Doc::new(t);
        assert!(!an_idiom(&d, at(&d, t, "saying")), "{t}");
    }
}
