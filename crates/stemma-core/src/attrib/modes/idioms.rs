//! Words of saying that attribute nothing: a label before a colon ("Tip:", "Fact:", "FYI:"),
//! a thing named ("it is called “farmer’s lung”"), a picture posted, a plan followed
//! ("adjust according to your needs"), and idioms ("rest assured that", "to say the least",
//! "the name says it all").

use super::*;

/// Whether `f` (its cue's head token `head`) is no attribution at all, though its cue is a
/// word of saying.
pub(super) fn attributes_nothing(d: &Doc, f: &Found, head: usize) -> bool {
    a_label(d, f) || a_plan_followed(d, f, head) || an_idiom(d, head)
}

/// Whether `f` (its cue's first, last and head token) names a thing or posts a picture: an
/// act of saying that PolNeAR marks, but no one's words a reader would quote.
pub(super) fn names_or_posts(d: &Doc, f: &Found, (c0, c1, head): (usize, usize, usize)) -> bool {
    a_thing_named(d, f, c0, c1) || a_picture_posted(d, f, head)
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
        ) && matches!(
            d.w(j + 1),
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
        ) && !matches!(d.w(j + 2), "for" | "on" | "upon" | "to" | "that")
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
    matches!(w, "says" | "said" | "say") && d.is(head + 1, "it") && d.is(head + 2, "all")
}
