//! Attributions that the page's layout makes rather than its sentences: a quote signed with
//! a dash, a transcript's speaker label.

use super::*;

/// Whether a line break comes between token `i - 1` and token `i` (or `i` starts the text).
pub(super) fn line_start(d: &Doc, i: usize) -> bool {
    i == 0 || slice(d.text, d.toks[i - 1].end, d.toks[i].start).contains('\n')
}

/// Attributions that the page's layout makes rather than its sentences (each replaces
/// whatever the sentence pass found on the same cue):
/// - a quote signed with a dash after it, at the end of its line: `“…” ― Jane Roe`;
/// - a transcript line: a speaker label in capitals (hyphenated too: `ABERNATHY-COLE:`) and
///   a colon opening a paragraph,
///   `WALLACE: Let's start …` (the content runs to the paragraph's end).
pub(super) fn layout_attributions(d: &Doc, out: &mut Vec<Found>) {
    let mut found = Vec::new();
    let n = d.toks.len();
    for r in d.regions.iter().filter(|r| r.closed && !r.single) {
        let j = r.close + 1;
        if !matches!(d.punct(j), Some("―" | "—" | "–")) || line_start(d, j) {
            continue;
        }
        let mut k = j + 1;
        while k < n
            && k - j <= 6
            && !line_start(d, k)
            && (d.toks[k].kind == Kind::Word && d.toks[k].cap || d.punct(k) == Some("."))
        {
            k += 1;
        }
        // The name, without a final full stop, then the line's end.
        let mut name_end = k;
        while name_end > j + 1 && d.punct(name_end - 1) == Some(".") {
            name_end -= 1;
        }
        if name_end <= j + 1 || !(k == n || line_start(d, k)) {
            continue;
        }
        let mut f = make(
            d,
            (j, j + 1),
            Some((j + 1, name_end)),
            &[],
            QuoteKind::Direct,
            Cue::STATEMENT,
            0.8,
        );
        f.content = quote_pieces(d, r.open)
            .into_iter()
            .map(|(a, b)| d.range(a, b))
            .collect();
        found.push(f);
    }
    for i in 0..n {
        if !(d.toks[i].para_start || i == 0) {
            continue;
        }
        let mut a = i;
        if d.is_quote(a) {
            a += 1;
        }
        // The headline (the text's first line) may name its speaker in title case:
        // "Pence: Flowers Won't Be at Debate".
        let headline = i == 0;
        let mut c = a;
        let mut words = 0;
        // In the body every word in capitals, hyphenated or not ("WALLACE", "ABERNATHY-COLE":
        // the shared tokenizer keeps a hyphen between letters inside the word).
        while c < n && c - a < 6 && !(c > a && line_start(d, c)) {
            let t = &d.toks[c];
            let w = t.text(d.text);
            let ok = match t.kind {
                Kind::Word if headline => t.cap,
                Kind::Word => w
                    .chars()
                    .all(|ch| ch.is_uppercase() || matches!(ch, '.' | '-' | '‐')),
                Kind::Punct => w == "." && c > a,
                _ => false,
            };
            if !ok {
                break;
            }
            words += (t.kind == Kind::Word) as usize;
            c += 1;
        }
        let label = if c > a {
            slice(d.text, d.toks[a].start, d.toks[c - 1].end)
        } else {
            ""
        };
        if c == a
            || words > 3
            || label.chars().count() < 2
            || d.punct(c) != Some(":")
            || c + 1 >= n
            || d.toks[c + 1].para_start
            || line_start(d, c + 1)
            || not_a_speaker(label)
        {
            continue;
        }
        if headline {
            let mut end = c + 1;
            while end < n && !line_start(d, end) {
                end += 1;
            }
            let end = content_end(d, c + 1, end);
            if end > c + 1 && reads_as_speech(d, c + 1, end) {
                // A headline paraphrases; quote marks in it make it mixed.
                let kind = if (c + 1..end).any(|x| d.inq[x].is_some()) {
                    QuoteKind::Mixed
                } else {
                    QuoteKind::Indirect
                };
                found.push(make(
                    d,
                    (c, c + 1),
                    Some((a, c)),
                    &[(c + 1, end - 1)],
                    kind,
                    Cue::STATEMENT,
                    0.6,
                ));
            }
            continue;
        }
        let mut end = c + 1;
        while end + 1 < n && !d.toks[end + 1].para_start {
            end += 1;
        }
        if !reads_as_speech(d, c + 1, end + 1) {
            continue;
        }
        found.push(make(
            d,
            (c, c + 1),
            Some((a, c)),
            &[(c + 1, end)],
            QuoteKind::Direct,
            Cue::STATEMENT,
            0.8,
        ));
    }
    if found.is_empty() {
        return;
    }
    let replaced: std::collections::HashSet<Range> = found.iter().map(|g| g.cue).collect();
    out.retain(|f| !replaced.contains(&f.cue));
    out.extend(found);
}

/// Whether tokens `s..e` after a label's colon read as words somebody says rather than the
/// value of a price list, table or schedule ("VIP : 60,000₩", "Doors: 7pm", "Adults: $25,
/// Children: $10"): more words of letters than figures.
pub(super) fn reads_as_speech(d: &Doc, s: usize, e: usize) -> bool {
    let (mut words, mut figures) = (0usize, 0usize);
    for t in &d.toks[s..e.min(d.toks.len())] {
        let w = t.text(d.text);
        if w.chars().any(char::is_numeric) {
            figures += 1;
        } else if t.kind == Kind::Word
            && (w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                || matches!(w, "I" | "a" | "A"))
        {
            words += 1;
        }
    }
    words > figures
}

/// Labels before a colon that name a kind of item, not a speaker ("Correction:", "The
/// Latest:", "WATCH:").
pub(super) fn not_a_speaker(label: &str) -> bool {
    let l = label.to_lowercase();
    // A dateline ("ISLAMABAD: …", "New York: …") names a place, not a speaker.
    let place = !l.contains(' ')
        && crate::entities::lexicon::flags(&l) & crate::entities::lexicon::PLACE != 0
        || crate::entities::lexicon::canonical_place(&l).is_some();
    place
        || l.starts_with("the ")
        || matches!(
            l.as_str(),
            "correction"
                | "corrections"
                | "update"
                | "updated"
                | "note"
                | "editor's note"
                | "editor’s note"
                | "source"
                | "sources"
                | "watch"
                | "video"
                | "photo"
                | "photos"
                | "exclusive"
                | "breaking"
                | "analysis"
                | "opinion"
                | "review"
                | "live"
                | "online"
                | "related"
                | "previously"
                | "byline"
                | "email"
                | "revealed"
                | "bombshell"
                | "wow"
                | "look"
                | "boom"
                | "busted"
                | "just leaked"
                | "paid notice"
                | "read more"
                | "fact check"
                | "q"
                | "a"
        )
}
