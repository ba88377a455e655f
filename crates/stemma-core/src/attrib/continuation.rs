//! Quotations that run on without a cue: `“Some crews waited 18 hours,” said Okafor.` then a
//! paragraph (or sentence) that is a quotation and nothing else is Okafor's too — as long as
//! nothing comes between them (a new name as subject, a reporter's question, a heading: any
//! word outside quote marks).

use super::*;

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
    // Looked up, not walked, so that a text of many quotations stays linear: content pieces
    // by start with the running furthest end, cues by start, attributions by where they end.
    let mut pieces_by_start: Vec<(usize, usize)> = found
        .iter()
        .flat_map(|f| f.content.iter().copied())
        .collect();
    pieces_by_start.sort_unstable();
    let reach: Vec<usize> = pieces_by_start
        .iter()
        .scan(0usize, |m, &(_, y)| {
            *m = (*m).max(y);
            Some(*m)
        })
        .collect();
    let mut cues: Vec<(usize, usize)> = found.iter().map(|f| f.cue).collect();
    cues.sort_unstable();
    let covered = |a: usize, b: usize| {
        // A piece overlaps [a, b) when one starting before b reaches past a.
        let n = pieces_by_start.partition_point(|p| p.0 < b);
        if n > 0 && reach[n - 1] > a {
            return true;
        }
        let from = cues.partition_point(|c| c.0 < a);
        cues[from..]
            .iter()
            .take_while(|c| c.0 <= b)
            .any(|c| c.1 <= b)
    };
    // Attributions with content, ordered by end (stable: among equal ends the later one in
    // `found` comes last, as a scan keeping the last maximum would pick it).
    let mut by_end: Vec<(usize, usize)> = found
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
        let Some(prev) = prev else {
            continue;
        };
        if prev.mode != Mode::Speech || prev.source.is_none() {
            continue;
        }
        // Between them, and after the quotation to its sentence's end: punctuation only.
        let gap_from = d.toks.partition_point(|t| t.start < end_of(prev));
        let last = pieces.last().map_or(r.close, |p| p.1);
        let sentence_end = d.sents[d.sent_of[last] as usize].1;
        let words = |a: usize, b: usize| (a..b).any(|j| d.toks[j].kind != Kind::Punct);
        if words(gap_from, r.open) || words(last + 1, sentence_end) {
            continue;
        }
        out.push(Found {
            cue: (start, start),
            source: prev.source,
            content: pieces.iter().map(|&(a, b)| d.range(a, b)).collect(),
            kind: QuoteKind::Direct,
            act: SpeechAct::Statement,
            mode: Mode::Speech,
            confidence: prev.confidence * CONTINUED_CONFIDENCE,
            continued: true,
        });
    }
    out
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
            assert!(got.iter().all(|q| !q.2), "{between}: {got:#?}");
        }
    }

    #[test]
    fn no_run_on_from_a_thought() {
        let text = "Harald Quist believes that the levy will fail.\n\n“It cannot pass.”\n";
        assert!(credited(text).iter().all(|q| !q.2));
    }
}
