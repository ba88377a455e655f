//! PolNeAR's conventions for what belongs to a cue, a source or a content (a poll opening a
//! sentence, a relative pronoun standing for the content, a contracted auxiliary).

use super::*;

/// `In a CNN/ORC poll released Monday, 31% of Republicans …`: a sentence that opens with the
/// poll or survey it reports (the cue is "In", the source the poll, the content the rest).
pub(super) fn in_a_poll(d: &Doc, s: usize, e: usize) -> Option<Found> {
    if !(d.toks[s].cap && d.is(s, "in")) {
        return None;
    }
    let comma = (s + 1..(s + 16).min(e))
        .find(|&k| matches!(d.punct(k), Some("," | ";" | ":" | "(" | "—" | "–")))?;
    if d.punct(comma) != Some(",")
        || !(s + 1..comma).any(|k| matches!(d.w(k), "poll" | "polls" | "survey" | "surveys"))
        || (s..comma).any(|k| d.inq[k].is_some())
    {
        return None;
    }
    let end = content_end(d, comma + 1, e);
    if end <= comma + 3 {
        return None;
    }
    Some(make(
        d,
        (s, s + 1),
        Some((s + 1, comma)),
        &[(comma + 1, end - 1)],
        QuoteKind::Indirect,
        Cue {
            act: SpeechAct::Report,
            mode: Mode::Evidence,
            ..Cue::STATEMENT
        },
        0.6,
    ))
}

/// `30 applicants, which he said were evenly split`: the relative pronoun stands for what was
/// said, so it is the content's first piece (as PolNeAR marks it); so in `a rise, which is
/// widely expected to come in May`.
pub(super) fn relative_content(d: &Doc, f: &mut Found) {
    let Some(k) = d.tok_at(f.source.map_or(f.cue.0, |(a, _)| a)) else {
        return;
    };
    let Some(&(c0, _)) = f.content.first() else {
        return;
    };
    // Without a source, only for a cue of thought or evidence ("which is widely expected"):
    // "which said" makes "which" the source itself.
    if k == 0 || c0 < f.cue.1 || f.source.is_none() && f.mode == Mode::Speech {
        return;
    }
    let r = k - 1;
    if d.toks[r].kind == Kind::Word
        && !d.toks[r].cap
        && matches!(d.w(r), "which" | "who" | "whom" | "what")
        && f.source.is_none_or(|(a, b)| b.since(a) < 40)
    {
        f.content.insert(0, (d.toks[r].start, d.toks[r].end));
    }
}

/// `he’s claiming`, `they’ve said`: the contracted auxiliary belongs to the cue, the pronoun
/// to the source (a possessive `Trump’s claim` is left alone: it is no auxiliary).
pub(super) fn split_contraction(d: &Doc, f: &mut Found) {
    let Some(c0) = d.tok_at(f.cue.0) else {
        return;
    };
    if c0 == 0 || !d.toks[c0].space_before || d.toks[c0 - 1].kind != Kind::Word {
        return;
    }
    let Some(apos) = d.w(c0 - 1).rfind(['\'', '’']) else {
        return;
    };
    let w = d.w(c0 - 1);
    let (host, aux) = (&w[..apos], &w[apos..]);
    let aux = aux.trim_start_matches(['\'', '’']);
    if !matches!(aux, "s" | "re" | "ve" | "d" | "ll" | "m")
        || !matches!(
            host,
            "he" | "she" | "they" | "i" | "we" | "you" | "who" | "it" | "that"
        )
    {
        return;
    }
    // The lower-cased word has the text's byte lengths for these ASCII hosts.
    let at = d.toks[c0 - 1].start.plus(apos);
    f.cue.0 = at;
    if let Some(src) = &mut f.source {
        if src.1 == d.toks[c0 - 1].end {
            src.1 = at;
        }
    }
}

/// "The port will reopen next week, the minister told reporters on Tuesday.": after "told"
/// come the listener and the time, not the words; the words are the clause before the comma
/// that precedes the source.
pub(super) fn told_listener_after(d: &Doc, f: &mut Found) {
    let (Some((s0, _)), [(c0, c1)]) = (f.source, f.content.as_slice()) else {
        return;
    };
    let (Some(cue), Some(src)) = (d.tok_at(f.cue.0), d.tok_at(s0)) else {
        return;
    };
    // The content starts right after the cue: the listener was taken for the words ("told
    // People she had lost weight" skips the listener and keeps its clause).
    if !cues::is_tell(d.w(cue)) || d.toks.get(cue + 1).is_none_or(|t| t.start != *c0) {
        return;
    }
    let (first, end) = d.sents[d.sent_of[cue] as usize];
    // The source opens a clause after a comma, and the clause before is what was said.
    if src < first + 3 || !d.is(src - 1, ",") {
        return;
    }
    // What follows the cue is short and holds no clause or quotation of its own.
    let after = d.toks[cue + 1..end]
        .iter()
        .position(|t| t.start >= *c1)
        .map_or(end, |k| cue + 1 + k);
    if after - cue > 9
        || (cue + 1..after).any(|j| {
            d.toks[j].kind == Kind::Quote
                || matches!(
                    d.w(j),
                    "that" | "about" | "of" | "to" | "how" | "why" | "what"
                )
        })
    {
        return;
    }
    if (first..src - 1).any(|j| d.toks[j].kind == Kind::Quote) {
        return;
    }
    f.content = vec![(d.toks[first].start, d.toks[src - 2].end)];
    f.kind = QuoteKind::Indirect;
}
