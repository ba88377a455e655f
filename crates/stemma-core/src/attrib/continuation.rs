//! Quotations that run on without a cue: `“Some crews waited 18 hours,” said Okafor.` then a
//! paragraph (or sentence) that is a quotation and nothing else is Okafor's too — as long as
//! nothing comes between them (a new name as subject, a reporter's question, a heading: any
//! word outside quote marks).

use super::*;
use crate::entities::lexicon;

/// How much less sure a continued quotation is than the attribution it continues.
const CONTINUED_CONFIDENCE: f32 = 0.7;

/// The quotations of `d` that no attribution in `found` covers, each credited to the speech
/// attribution right before it when only punctuation and paragraph breaks lie between.
pub(super) fn continued_quotes(d: &Doc, found: &[Found]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // Attributions by where they end: the latest byte any of their spans reaches.
    let end_of = |f: &Found| {
        f.content
            .iter()
            .map(|c| c.1)
            .chain([f.cue.1])
            .chain(f.source.map(|s| s.1))
            .max()
            .unwrap_or(f.cue.1)
    };
    let all = Coverage::new(found.iter());
    let covered = |a: Byte, b: Byte| all.covers(a, b);
    // The reporter's question before an answer introduces who answers: "Asked about his
    // minutes, Lamar shrugged. “…”" (a question with no source of its own). Built apart
    // only when there is one.
    let asked = |f: &Found| f.act == SpeechAct::Question && f.source.is_none();
    let said = found
        .iter()
        .any(asked)
        .then(|| Coverage::new(found.iter().filter(|f| !asked(f))));
    let said_covers = |a: Byte, b: Byte| said.as_ref().unwrap_or(&all).covers(a, b);
    // Attributions with content, ordered by end (stable: among equal ends the later one in
    // `found` comes last, as a scan keeping the last maximum would pick it).
    let mut by_end: Vec<(Byte, usize)> = found
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.content.is_empty())
        .map(|(i, f)| (end_of(f), i))
        .collect();
    by_end.sort_by_key(|&(e, _)| e);
    let mut k = 0;
    while k < d.regions.len() {
        let r = d.regions[k];
        k += 1;
        if r.single || !r.closed && !r.continues {
            continue;
        }
        let pieces = quote_pieces(d, r.open);
        // Skip the regions that continue this one into later paragraphs.
        k = k.max(d.inq[pieces.last().map_or(r.open, |p| p.0)].map_or(k, |x| x as usize + 1));
        let (start, end) = (
            d.toks[r.open].start,
            d.toks[pieces.last().map_or(r.close, |p| p.1)].end,
        );
        if covered(start, end) {
            continue;
        }
        let last = pieces.last().map_or(r.close, |p| p.1);
        if let Some(f) = unknown_cue(d, last) {
            out.push(f);
            continue;
        }
        // The attribution just before: the one (found or continued) ending last before it.
        let from_found = by_end[..by_end.partition_point(|&(e, _)| e <= start)]
            .last()
            .map(|&(e, i)| (e, &found[i]));
        // Continued quotations come in text order, so the last one ending in time is latest.
        let from_out = out
            .iter()
            .rev()
            .map(|f| (end_of(f), f))
            .find(|&(e, _)| e <= start);
        let prev = match (from_found, from_out) {
            (Some(a), Some(b)) => Some(if b.0 >= a.0 { b.1 } else { a.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        };
        // After the quotation to its sentence's end: punctuation only.
        let sentence_end = d.sents[d.sent_of[last] as usize].1;
        let words = |a: usize, b: usize| (a..b).any(|j| d.toks[j].kind != Kind::Punct);
        if words(last + 1, sentence_end) {
            continue;
        }
        // Between the attribution before and the quotation: punctuation only; else the
        // sentence right before may introduce the speaker ("Faber also welcomed the plan.").
        // The rest of the attribution's own sentence may come between ("“…,” Mr Ellery
        // told a packed meeting on Tuesday. / “…”").
        let runs_on = prev.filter(|p| {
            let after = d.toks.partition_point(|t| t.start < end_of(p));
            let after = match after
                .checked_sub(1)
                .map(|j| d.sents[d.sent_of[j] as usize].1)
            {
                // Only when the quotation opens a sentence of its own after that one.
                Some(end) if after < r.open && end <= r.open => end,
                _ => after,
            };
            p.mode == Mode::Speech && p.source.is_some() && !words(after, r.open)
        });
        let (source, confidence) = match runs_on {
            Some(p) => (p.source, p.confidence * CONTINUED_CONFIDENCE),
            None => match introducer(d, r.open, &said_covers) {
                Some(src) => (Some(d.range(src.0, src.1 - 1)), INTRODUCED_CONFIDENCE),
                None => continue,
            },
        };
        out.push(Found {
            cue: (start, start),
            source,
            content: pieces.iter().map(|&(a, b)| d.range(a, b)).collect(),
            kind: QuoteKind::Direct,
            act: SpeechAct::Statement,
            mode: Mode::Speech,
            confidence,
            continued: true,
            words: true,
        });
    }
    out
}

/// Where attributions lie, looked up, not walked, so that a text of many quotations stays
/// linear: content pieces by start with the running furthest end, and cues by start.
struct Coverage {
    pieces_by_start: Vec<Range>,
    reach: Vec<Byte>,
    cues: Vec<Range>,
}

impl Coverage {
    fn new<'f>(found: impl Iterator<Item = &'f Found> + Clone) -> Coverage {
        let mut pieces_by_start: Vec<Range> = found
            .clone()
            .flat_map(|f| f.content.iter().copied())
            .collect();
        pieces_by_start.sort_unstable();
        let reach: Vec<Byte> = pieces_by_start
            .iter()
            .scan(Byte::ZERO, |m, &(_, y)| {
                *m = (*m).max(y);
                Some(*m)
            })
            .collect();
        let mut cues: Vec<Range> = found.map(|f| f.cue).collect();
        cues.sort_unstable();
        Coverage {
            pieces_by_start,
            reach,
            cues,
        }
    }

    /// Whether an attribution's content piece overlaps [a, b), or a cue lies inside it.
    fn covers(&self, a: Byte, b: Byte) -> bool {
        // A piece overlaps [a, b) when one starting before b reaches past a.
        let n = self.pieces_by_start.partition_point(|p| p.0 < b);
        if n > 0 && self.reach[n - 1] > a {
            return true;
        }
        let from = self.cues.partition_point(|c| c.0 < a);
        self.cues[from..]
            .iter()
            .take_while(|c| c.0 <= b)
            .any(|c| c.1 <= b)
    }
}

/// How sure a quotation credited to the subject of the sentence before it is.
const INTRODUCED_CONFIDENCE: f32 = 0.5;

/// The speaker that the sentence right before a quotation introduces as its subject:
/// "Councillor Ines Faber also welcomed the plan. “…”", "The board's chief engineer, Rolf
/// Ambach, disagreed. “…”" (token range of the subject). Only a plain sentence counts: it
/// ends with a full stop, holds no quote mark and no attribution, does not open with a cue
/// word ("Asked whether …"), and its verb is none the lexicon knows (a thought, "believes",
/// is an attribution of its own).
fn introducer(
    d: &Doc,
    open: usize,
    covered: &dyn Fn(Byte, Byte) -> bool,
) -> Option<(usize, usize)> {
    let si = d.sent_of[open] as usize;
    if d.sents[si].0 != open {
        return None;
    }
    let (ps, pe) = *d.sents.get(si.checked_sub(1)?)?;
    if pe < ps + 3
        || d.punct(pe - 1) != Some(".")
        || (ps..pe).any(|j| d.is_quote(j))
        || covered(d.toks[ps].start, d.toks[pe - 1].end)
    {
        return None;
    }
    // "Asked about his minutes, Lamar shrugged. “…”": the answer of the one asked, the
    // subject after the question's clause.
    let ps = if d.w(ps) == "asked" {
        (ps + 1..pe).find(|&j| d.punct(j) == Some(","))? + 1
    } else {
        ps
    };
    if pe < ps + 2 || d.lex_at(ps).is_some() {
        return None;
    }
    let word = |j: usize| d.toks[j].kind == Kind::Word;
    let named = |j: usize| word(j) && d.toks[j].cap && !matches!(d.w(j), "the" | "a" | "an");
    // The verb: the first past tense ("welcomed", "disagreed"); the subject ends before it
    // and the adverbs or auxiliaries before it, on a name (or a name and a comma).
    let verb = (ps + 1..pe).find(|&j| word(j) && !d.toks[j].cap && d.w(j).ends_with("ed"))?;
    if d.lex_at(verb).is_some() || d.inq[verb].is_some() {
        return None;
    }
    let mut v = verb;
    while v > ps + 1 && matches!(d.w(v - 1), "also" | "then" | "later" | "has" | "had") {
        v -= 1;
    }
    if !(named(v - 1) || v >= ps + 2 && d.punct(v - 1) == Some(",") && named(v - 2)) {
        return None;
    }
    if v == ps + 1 && matches!(d.w(ps), "he" | "she") {
        return Some((ps, v));
    }
    let (a, b) = source_left(d, ps, v)?;
    let b = if d.punct(b - 1) == Some(",") {
        b - 1
    } else {
        b
    };
    (a == ps && b > a && named(b - 1)).then_some((a, b))
}

/// `“…,” echoes Priya Nandakumar.`, `“…,” signs off Colm Brady.`, `“…,” Brady chimed in.`,
/// `“…,” fumed fisherman Tomas Ferrand.`, `“…,” she beamed.`: a verb the lexicon does not
/// know, between a quotation that ends a clause (its last token `close`) and a name (after
/// its role) or a pronoun, is the cue.
fn unknown_cue(d: &Doc, close: usize) -> Option<Found> {
    let (s, e) = d.sents[d.sent_of[close] as usize];
    let mut j = close + 1;
    if d.punct(j) == Some(",") {
        j += 1;
    }
    let verbish = |k: usize| {
        k < e
            && d.toks[k].kind == Kind::Word
            && !d.toks[k].cap
            && d.inq[k].is_none()
            && d.lex_at(k).is_none()
            && d.w(k).len() > 3
            && (d.w(k).ends_with('s') || d.w(k).ends_with("ed"))
    };
    let particle =
        |k: usize| k < e && matches!(d.w(k), "off" | "back" | "up" | "out" | "on" | "in");
    let (c0, after) = if verbish(j) {
        let after = if particle(j + 1) { j + 2 } else { j + 1 };
        // The name, after at most two words of a lower-case role ("fumed fisherman Tomas
        // Ferrand", "groaned night-shift commuter Priya Lakhani").
        // No function word (a determiner, a number, a pronoun): "“Nuestra Historia,” features
        // five Hispanic-Americans" is an ad's title.
        let name = (after..e.min(after + 3)).find(|&k| {
            d.toks[k].kind != Kind::Word
                || d.toks[k].cap
                || d.lex_at(k).is_some()
                || lexicon::flags(d.w(k)) & lexicon::STOP != 0
        });
        if !name.is_some_and(|k| d.toks[k].kind == Kind::Word && d.toks[k].cap) {
            return None;
        }
        (j, after)
    } else {
        let mut k = j;
        while k < e && k < j + 4 && d.toks[k].kind == Kind::Word && d.toks[k].cap {
            k += 1;
        }
        // "“Thank you all,” she beamed."
        if k == j && j < e && matches!(d.w(j), "he" | "she" | "they") {
            k += 1;
        }
        if k == j || !verbish(k) {
            return None;
        }
        let after = if particle(k + 1) { k + 2 } else { k + 1 };
        if after < e && d.punct(after) != Some(".") {
            return None;
        }
        (k, after)
    };
    let f = post_quote(d, s, e, c0, after, Cue::STATEMENT, true)?;
    f.source?;
    Some(Found {
        confidence: 0.6,
        ..f
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (speaker name, content, continued) of each quote of `text`.
    fn credited(text: &str) -> Vec<(Option<String>, String, bool)> {
        let entities = crate::entities::find_entities(None, text);
        quotes(text, &entities)
            .into_iter()
            .map(|q| (q.speaker.and_then(|s| s.name), q.text, q.continued))
            .collect()
    }

    #[test]
    fn a_quotation_paragraph_after_a_named_one_is_the_same_speakers() {
        let text = "“Some crews waited at the hospital for 18 hours,” said paramedic Ada \
                    Okafor.\n\n“On a 12-hour shift, that means nobody answers the next call.”\n\n\
                    “We are asking for two more ambulances.”\n";
        let got = credited(text);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(!got[0].2);
        for q in &got[1..] {
            assert_eq!(q.0.as_deref(), Some("Ada Okafor"), "{got:#?}");
            assert!(q.2, "{got:#?}");
        }
        let qs = quotes(text, &crate::entities::find_entities(None, text));
        assert!(qs[1].confidence < qs[0].confidence);
        assert!(qs[1].cue.is_none());
        assert!(qs.iter().all(|q| q.cites(text)));
    }

    #[test]
    fn a_quotation_in_the_next_sentence_runs_on() {
        let text = "Mayor Lotte Brandvik said the dam was safe. “It will hold.”";
        let got = credited(text);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].0.is_some(), "{got:#?}");
        assert_eq!(got[1].0, got[0].0, "{got:#?}");
        assert!(got[1].2);
    }

    #[test]
    fn the_rest_of_the_speakers_sentence_does_not_stop_the_run() {
        let text = "‘We cannot keep patching potholes,’ Mayor Tom Ellery told a packed meeting \
                    at the town hall on Tuesday.\n\n‘This levy is the only honest answer we have.’\n";
        let got = credited(text);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(got[1].0.as_deref(), Some("Tom Ellery"), "{got:#?}");
        assert!(got[1].2, "{got:#?}");
    }

    #[test]
    fn anything_said_between_stops_the_run() {
        // A new subject, a reporter's question, a heading: no longer the same speaker's.
        for between in [
            "Mayor Ilse Varga disagreed.",
            "Asked whether the crews would strike, she paused.",
            "Budget fight",
        ] {
            let text = format!(
                "“Some crews waited for 18 hours,” said paramedic Ada Okafor.\n\n{between}\n\n\
                 “On a 12-hour shift, that means nobody answers.”\n"
            );
            let got = credited(&text);
            // The run stops: the second quotation is left out, or someone else's.
            let okafor = got.iter().filter(|q| q.0.as_deref() == Some("Ada Okafor"));
            assert_eq!(okafor.count(), 1, "{between}: {got:#?}");
        }
    }

    #[test]
    fn a_sentence_that_introduces_a_speaker_gives_the_quotation_after_it() {
        let text = "Councillor Ines Faber also welcomed the plan.\n\n“It has been a long wait \
                    for the fishermen.”\n\nThe board’s chief engineer, Rolf Ambach, disagreed. \
                    “The quay will not last another decade.”\n\n“It needs rebuilding.”\n";
        let got = credited(text);
        let names: Vec<_> = got.iter().map(|q| q.0.as_deref().unwrap_or("")).collect();
        assert_eq!(names.len(), 3, "{got:#?}");
        assert!(names[0].ends_with("Ines Faber"), "{got:#?}");
        assert_eq!(names[1..], ["Rolf Ambach", "Rolf Ambach"], "{got:#?}");
        assert!(got.iter().all(|q| q.2), "{got:#?}");
        // A heading or a question introduces nobody.
        for before in ["Budget fight", "Will the ferry run in winter?"] {
            let text = format!("{before}\n\n“Nobody can promise that yet.”\n");
            let got = credited(&text);
            assert!(got.iter().all(|q| q.0.is_none()), "{before}: {got:#?}");
        }
    }

    #[test]
    fn the_one_asked_gives_the_answer_after_the_question() {
        for (text, answer, name) in [
            (
                "Asked about the ferry, Ines Faber paused. “Nobody can promise that yet.”",
                "Nobody can promise",
                "Ines Faber",
            ),
            // (Where the question is found as an attribution of its own.)
            (
                "Ostry forward Jalen Marcus scored 30. Asked about his minutes, Marcus \
                 shrugged. “The coaches make those calls, not me.”",
                "coaches make those calls",
                "Jalen Marcus",
            ),
        ] {
            let got = credited(text);
            let q = got.iter().find(|q| q.1.contains(answer));
            assert_eq!(q.and_then(|q| q.0.as_deref()), Some(name), "{got:#?}");
        }
    }

    #[test]
    fn an_unknown_verb_between_a_quotation_and_a_name_is_a_cue() {
        for (text, who) in [
            (
                "“The harbour needs this,” echoes Priya Nandakumar, who chairs the board.",
                "Priya Nandakumar",
            ),
            (
                "“We will sign it next week,” signs off Colm Brady.",
                "Colm Brady",
            ),
            ("“It is about time,” Colm Brady chimed in.", "Colm Brady"),
            (
                "“Nobody told us,” fumed fisherman Tomas Ferrand.",
                "Tomas Ferrand",
            ),
            (
                "Priya Lakhani took the early ferry. “Thank you all,” she beamed.",
                "Priya Lakhani",
            ),
        ] {
            let got = credited(text);
            assert_eq!(got.len(), 1, "{text}: {got:#?}");
            assert_eq!(got[0].0.as_deref(), Some(who), "{text}: {got:#?}");
            assert!(!got[0].2);
        }
        // A lower-case word after a quotation with no name is no cue, nor a verb before a
        // number or a determiner (a title's description).
        assert!(credited("“Fine,” remains the answer.").is_empty());
        assert!(credited("“Our Harbour,” features five Marrow Bay fishermen.").is_empty());
        // A quotation that ends the text, no word after it to read: no panic.
        let _ = credited("Priya Lakhani beamed. “Thank you all,”");
    }

    #[test]
    fn said_before_the_name_keeps_the_name_out_of_the_quote() {
        let text = "Priya Nandakumar chairs the board.\n\nSaid Nandakumar: “We have heard the \
                    engineers.”";
        let got = credited(text);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].0.as_deref(), Some("Priya Nandakumar"));
        assert_eq!(got[0].1, "“We have heard the engineers.”");
    }

    #[test]
    fn no_run_on_from_a_thought() {
        let text = "Harald Quist believes that the levy will fail.\n\n“It cannot pass.”\n";
        assert!(credited(text).iter().all(|q| !q.2));
    }
}
