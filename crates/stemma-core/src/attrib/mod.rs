//! Attribution: who said (or thought, or found) what in an article's text.
//!
//! A page flows through here as plain text:
//! 1. [`tokens`]: words, numbers, quote marks and punctuation with byte offsets; sentences.
//! 2. [`quotes`]: quote marks paired into regions (curly, straight, « », „ “, single,
//!    unbalanced, multi-paragraph).
//! 3. [`cues`]: reporting verbs and phrases ("said", "according to", a colon), with the speech
//!    act each performs.
//! 4. the rules below: for each cue, its source (the speaker mention) and its content, by the
//!    shape of the sentence — `“…,” X said.`, `X said (that) …`, `…, X said.`,
//!    `According to X, …`, `X said: “…”`, interrupted quotes `“…,” X said, “…”`.
//! 5. [`speaker`]: the source mention resolved to a named entity (pronouns, "the minister",
//!    surnames) with the role the article gives.
//!
//! Offsets inside this module are bytes; the public records ([`crate::model::Quote`],
//! [`Attribution`]) carry code-point offsets.

pub mod cues;
pub mod learned;
pub mod quotes;
pub mod speaker;
pub mod tokens;

use serde::{Deserialize, Serialize};

use crate::model::{Article, Entity, Quote, QuoteKind, Span, SpeechAct};
use cues::{Cue, Mode};
use quotes::Region;
use tokens::{Kind, Token};

/// A byte range of the text.
pub type Range = (usize, usize);

/// One attribution found in a text, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub cue: Range,
    pub source: Option<Range>,
    /// The content, one range or several (an interrupted quote).
    pub content: Vec<Range>,
    pub kind: QuoteKind,
    pub act: SpeechAct,
    pub mode: Mode,
    pub confidence: f32,
}

/// A span in code-point offsets, as `stemma attribute` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

pub struct Doc<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// Lower-cased word per token (empty for non-words), computed once.
    /// Lower-cased word per token: a range of the text, or of `lower_buf` when flagged.
    lower: Vec<(u32, u32, bool)>,
    lower_buf: String,
    /// The lexicon's entry for each word token.
    lex: Vec<Option<Cue>>,
    /// The double-quote region each token sits in (marks included).
    inq: Vec<Option<u32>>,
    /// Per token: inside a single-quoted region (its marks excluded), computed once so that
    /// asking costs no walk over every region.
    in_single: Vec<bool>,
    /// The single-quoted regions as (closing mark, opening mark), in text order (they are
    /// disjoint, so ordered by either).
    singles: Vec<(usize, usize)>,
    regions: Vec<Region>,
    /// Sentence index of each token.
    sent_of: Vec<u32>,
    /// Per token: the first and last quoted token of its sentence (`u32::MAX`: none).
    first_q: Vec<u32>,
    last_q: Vec<u32>,
    sents: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str) -> Self {
        let toks = tokens::tokenize(text);
        // Lower-cased words: most already are, and point into the text; the others are
        // lower-cased once into one buffer.
        let mut lower_buf = String::new();
        let lower = toks
            .iter()
            .map(|t| {
                let s = t.text(text);
                if t.kind == Kind::Word && s.bytes().any(|b| b.is_ascii_uppercase() || b >= 128) {
                    let a = lower_buf.len();
                    if s.is_ascii() {
                        lower_buf.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
                    } else {
                        lower_buf.extend(s.chars().flat_map(char::to_lowercase));
                    }
                    (a as u32, lower_buf.len() as u32, true)
                } else {
                    (t.start as u32, t.end as u32, false)
                }
            })
            .collect();
        let lex: Vec<Option<Cue>> = toks
            .iter()
            .zip(&lower)
            .map(|(t, &(a, b, own))| {
                if t.kind != Kind::Word {
                    return None;
                }
                let w = if own {
                    &lower_buf[a as usize..b as usize]
                } else {
                    &text[a as usize..b as usize]
                };
                cues::lookup(w)
            })
            .collect();
        let regions = quotes::regions(text, &toks);
        let mut inq = vec![None; toks.len()];
        for (k, r) in regions.iter().enumerate() {
            if r.single {
                continue;
            }
            for slot in &mut inq[r.open..=r.close] {
                *slot = Some(k as u32);
            }
        }
        // Depth of single-quoted regions strictly around each token: +1 after an opening
        // mark, -1 at its closing one.
        let mut depth = vec![0i32; toks.len() + 1];
        for r in regions.iter().filter(|r| r.single && r.open < r.close) {
            depth[r.open + 1] += 1;
            depth[r.close] -= 1;
        }
        let mut open = 0i32;
        let in_single = depth[..toks.len()]
            .iter()
            .map(|&x| {
                open += x;
                open > 0
            })
            .collect();
        let singles = regions
            .iter()
            .filter(|r| r.single)
            .map(|r| (r.close, r.open))
            .collect();
        let sents = tokens::sentences(text, &toks);
        let mut sent_of = vec![0u32; toks.len()];
        let mut first_q = vec![u32::MAX; toks.len()];
        let mut last_q = vec![u32::MAX; toks.len()];
        for (k, &(a, b)) in sents.iter().enumerate() {
            for slot in &mut sent_of[a..b] {
                *slot = k as u32;
            }
            let f = (a..b)
                .find(|&j| inq[j].is_some())
                .map_or(u32::MAX, |j| j as u32);
            let l = (a..b)
                .rev()
                .find(|&j| inq[j].is_some())
                .map_or(u32::MAX, |j| j as u32);
            first_q[a..b].fill(f);
            last_q[a..b].fill(l);
        }
        Doc {
            text,
            toks,
            lower,
            lower_buf,
            lex,
            inq,
            in_single,
            singles,
            regions,
            sent_of,
            first_q,
            last_q,
            sents,
        }
    }

    #[inline]
    fn w(&self, i: usize) -> &str {
        let (a, b, own) = self.lower[i];
        if own {
            &self.lower_buf[a as usize..b as usize]
        } else {
            &self.text[a as usize..b as usize]
        }
    }

    /// The lexicon's entry for token `i` (`None` past the end or for non-words).
    fn lex_at(&self, i: usize) -> Option<Cue> {
        self.lex.get(i).copied().flatten()
    }

    #[inline]
    fn is(&self, i: usize, s: &str) -> bool {
        i < self.toks.len() && self.w(i) == s
    }

    fn punct(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Punct).then(|| t.text(self.text))
    }

    /// Token `i` lies inside any quoted region, single quotes included.
    fn in_any_quote(&self, i: usize) -> bool {
        self.inq[i].is_some() || self.in_single[i]
    }

    /// The opening mark of the single-quoted region that token `i` closes.
    fn single_closing(&self, i: usize) -> Option<usize> {
        let k = self.singles.binary_search_by_key(&i, |&(c, _)| c).ok()?;
        Some(self.singles[k].1)
    }

    /// Token `i` is a possessive apostrophe standing alone after a plural: "Sanders' campaign".
    fn possessive_mark(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Quote
            && !t.space_before
            && i > 0
            && matches!(t.text(self.text), "'" | "’")
            && self.toks[i - 1].kind == Kind::Word
            && self.w(i - 1).ends_with('s')
            && self
                .toks
                .get(i + 1)
                .is_some_and(|n| n.space_before && n.kind == Kind::Word)
    }

    /// The token that starts at byte `b`, if one does.
    fn tok_at(&self, b: usize) -> Option<usize> {
        self.toks.binary_search_by_key(&b, |t| t.start).ok()
    }

    fn is_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Quote)
    }

    fn range(&self, a: usize, b: usize) -> Range {
        (self.toks[a].start, self.toks[b].end)
    }

    /// The region whose opening mark is token `i`.
    fn region_at(&self, i: usize) -> Option<&Region> {
        let k = self.inq.get(i).copied().flatten()? as usize;
        let r = &self.regions[k];
        (r.open == i).then_some(r)
    }
}

/// Everything attributed in `text` (byte offsets), in text order of the cues.
pub fn find(text: &str) -> Vec<Found> {
    find_with(text, learned::shipped())
}

/// [`find`] with another cue model (`None`: the lexicon rules alone).
pub fn find_with(text: &str, model: Option<&learned::Model>) -> Vec<Found> {
    let d = Doc::new(text);
    let mut out = Vec::new();
    let table = model.map(|_| learned::Table::new(&d));
    for si in 0..d.sents.len() {
        sentence(&d, si, model.zip(table.as_ref()), &mut out);
    }
    layout_attributions(&d, &mut out);
    for &(s, e) in &d.sents {
        if let Some(f) = in_a_poll(&d, s, e) {
            out.push(f);
        }
    }
    for f in &mut out {
        split_contraction(&d, f);
        relative_content(&d, f);
    }
    out.sort_by_key(|f| f.cue.0);
    out.dedup_by_key(|f| f.cue);
    out
}

/// `In a CNN/ORC poll released Monday, 31% of Republicans …`: a sentence that opens with the
/// poll or survey it reports (the cue is "In", the source the poll, the content the rest).
fn in_a_poll(d: &Doc, s: usize, e: usize) -> Option<Found> {
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
fn relative_content(d: &Doc, f: &mut Found) {
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
        && f.source.is_none_or(|(a, b)| b - a < 40)
    {
        f.content.insert(0, (d.toks[r].start, d.toks[r].end));
    }
}

/// `he’s claiming`, `they’ve said`: the contracted auxiliary belongs to the cue, the pronoun
/// to the source (a possessive `Trump’s claim` is left alone: it is no auxiliary).
fn split_contraction(d: &Doc, f: &mut Found) {
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
    let at = d.toks[c0 - 1].start + apos;
    f.cue.0 = at;
    if let Some(src) = &mut f.source {
        if src.1 == d.toks[c0 - 1].end {
            src.1 = at;
        }
    }
}

/// Whether a line break comes between token `i - 1` and token `i` (or `i` starts the text).
fn line_start(d: &Doc, i: usize) -> bool {
    i == 0 || d.text[d.toks[i - 1].end..d.toks[i].start].contains('\n')
}

/// Attributions that the page's layout makes rather than its sentences (each replaces
/// whatever the sentence pass found on the same cue):
/// - a quote signed with a dash after it, at the end of its line: `“…” ― Jane Roe`;
/// - a transcript line: a speaker label in capitals and a colon opening a paragraph,
///   `WALLACE: Let's start …` (the content runs to the paragraph's end).
fn layout_attributions(d: &Doc, out: &mut Vec<Found>) {
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
        while c < n && c - a < 6 && !(c > a && line_start(d, c)) {
            let t = &d.toks[c];
            let w = t.text(d.text);
            let ok = match t.kind {
                Kind::Word if headline => t.cap,
                Kind::Word => w.chars().all(|ch| ch.is_uppercase() || ch == '.'),
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
            &d.text[d.toks[a].start..d.toks[c - 1].end]
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
fn reads_as_speech(d: &Doc, s: usize, e: usize) -> bool {
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
fn not_a_speaker(label: &str) -> bool {
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

/// Cue heads of one sentence: token index, cue, and the token after the cue phrase.
pub(crate) fn cue_heads(d: &Doc, s: usize, e: usize) -> Vec<(usize, usize, Cue)> {
    let mut heads = Vec::new();
    let mut i = s;
    while i < e {
        let t = &d.toks[i];
        if t.kind != Kind::Word || d.inq[i].is_some() {
            i += 1;
            continue;
        }
        let w = d.w(i);
        if w == "according" && d.is(i + 1, "to") {
            heads.push((
                i,
                i + 2,
                Cue {
                    act: SpeechAct::Report,
                    mode: Mode::Speech,
                    recipient: false,
                    finite: false,
                    weak: false,
                },
            ));
            i += 2;
            continue;
        }
        if let Some(c) = d.lex_at(i) {
            // A capitalised cue word mid-sentence is a name ("Will Said"), not a verb.
            if t.cap && (i > s || w.starts_with("say")) {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            if (w.starts_with("point") && d.is(i + 1, "out"))
                || (w.starts_with("call") && (d.is(i + 1, "for") || d.is(i + 1, "on")))
                || (w.starts_with("refer") && d.is(i + 1, "to"))
                || (w == "went" && d.is(i + 1, "on"))
            {
                end += 1;
            }
            if matches!(w, "pointed" | "pointing") && end == i + 1 {
                i += 1;
                continue;
            }
            if w.starts_with("said")
                && d.is(end, "in")
                && (d.is(end + 1, "a") || d.is(end + 1, "an"))
                && d.is(end + 2, "statement")
            {
                end += 3;
            }
            heads.push((i, end, c));
            i = end;
            continue;
        }
        i += 1;
    }
    heads
}

fn sentence(
    d: &Doc,
    si: usize,
    model: Option<(&learned::Model, &learned::Table)>,
    out: &mut Vec<Found>,
) {
    let (s, e) = d.sents[si];
    let Some((model, table)) = model else {
        return sentence_by_rules(d, s, e, out);
    };
    // Cue phrases: runs of tokens the tagger marks.
    let marks = learned::cue_tokens(model, d, table, s, e);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < marks.len() {
        if marks[i].0 {
            let a = i;
            i += 1;
            // A cue runs on over I tags; a B tag begins the next one.
            while i < marks.len() && marks[i].0 && !marks[i].1 {
                i += 1;
            }
            runs.push((s + a, s + i));
        } else {
            i += 1;
        }
    }
    // "according to" is one cue whichever half the tagger marked.
    for r in &mut runs {
        if r.0 > s && d.is(r.0, "to") && d.is(r.0 - 1, "according") {
            r.0 -= 1;
        }
        if d.is(r.1 - 1, "according") && d.is(r.1, "to") {
            r.1 += 1;
        }
    }
    runs.dedup();
    let first_here = out.len();
    for (k, &(c0, after)) in runs.iter().enumerate() {
        // Scare quotes and quoted words are not cues; "known as" names, it reports nothing.
        if (c0..after).all(|j| d.in_any_quote(j)) || d.is(after - 1, "known") && d.is(after, "as") {
            continue;
        }
        let h = (c0..after)
            .rev()
            .find(|&j| {
                d.toks[j].kind == Kind::Word && (d.lex_at(j).is_some() || d.w(j) == "according")
            })
            .unwrap_or(after - 1);
        if d.w(h) == "according" {
            according(d, s, e, h, after, out);
            continue;
        }
        let mut cue = d.lex_at(h).unwrap_or(Cue::STATEMENT);
        cue.weak = false;
        let next_head = runs.get(k + 1).map_or(e, |x| x.0);
        let found = post_quote(d, s, e, c0, after, cue)
            .or_else(|| post_clause(d, s, e, c0, after, cue))
            .or_else(|| pre_content(d, s, e, c0, after, cue, next_head))
            .unwrap_or_else(|| fallback(d, s, e, c0, after, cue, next_head));
        // ", adding …", ", saying …": the speaker of the clause before.
        let mut found = found;
        if !cue.finite && c0 > s && d.punct(c0 - 1) == Some(",") {
            if let Some(prev) = out[first_here..].last() {
                if prev.source.is_some() {
                    found.source = prev.source;
                }
            }
        }
        // Without a speaker, only a known reporting word makes an attribution ("will be
        // discussed with Washington" is not one).
        if found.source.is_none() && d.lex_at(h).is_none_or(|c| c.mode != Mode::Speech) {
            continue;
        }
        // A passive without an agent ("is expected", "was asked") names no source: its
        // subject is what is said or who is addressed.
        // With one ("has been criticized by some of his rivals"), the agent is the source.
        let by_in_cue = after > c0 + 1 && d.is(after - 1, "by");
        let passive = if by_in_cue {
            is_passive(d, c0, after - 1)
        } else {
            is_passive(d, c0, after)
        };
        if passive {
            found.source = if by_in_cue {
                agent_right(d, after, e)
            } else if d.is(after, "by") {
                agent_right(d, after + 1, e)
            } else {
                None
            }
            .map(|(a, b)| d.range(a, b - 1));
        }
        if found
            .source
            .is_some_and(|(a, b)| d.tok_at(a).is_some_and(|k| names_nobody(d, k, b)))
        {
            found.source = None;
        }
        out.push(found);
    }
}

/// A cue the shapes above do not fit: keep the cue, take the speaker and the words as well as
/// the sentence allows.
fn fallback(
    d: &Doc,
    s: usize,
    e: usize,
    c0: usize,
    after: usize,
    cue: Cue,
    next_head: usize,
) -> Found {
    let src = source_left(d, s, c0).or_else(|| {
        d.lex_at(c0).filter(|c| c.mode == Mode::Speech)?;
        subject_of(d, s, c0)
    });
    let tail_empty = (after..e).all(|j| d.toks[j].kind == Kind::Punct);
    let content = if tail_empty && c0 > s {
        let mut end = c0;
        if let Some((a, _)) = src {
            end = a;
        }
        while end > s && matches!(d.punct(end - 1), Some("," | "—" | "–")) {
            end -= 1;
        }
        (end > s).then_some((s, end))
    } else {
        let mut a = after;
        while matches!(d.punct(a), Some("," | ":" | "—" | "–")) {
            a += 1;
        }
        let end = content_end(d, a, next_head.min(e));
        (end > a).then_some((a, end))
    };
    let content: Vec<(usize, usize)> = content.into_iter().map(|(a, b)| (a, b - 1)).collect();
    let has_quote = content
        .iter()
        .any(|&(a, b)| (a..=b).any(|x| d.inq[x].is_some()));
    let kind = if has_quote {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    };
    make(d, (c0, after), src, &content, kind, cue, 0.4)
}

/// A source that is the one word `k` (ending at byte `end`) and cannot name anyone: "There
/// are concerns about …", "Whenever asked about …", "it was drawing complaints".
fn names_nobody(d: &Doc, k: usize, end: usize) -> bool {
    let w = d.w(k);
    d.toks[k].end == end
        && (matches!(
            w,
            "there" | "whenever" | "when" | "while" | "if" | "as" | "after" | "before"
        ) || !d.toks[k].cap
            && (w.ends_with("ing") || w.ends_with("ed"))
            && !cues::is_pronoun(w))
}

/// Cue phrases found by the lexicon alone (no shipped model).
fn sentence_by_rules(d: &Doc, s: usize, e: usize, out: &mut Vec<Found>) {
    sentence_by_rules_with(d, s, e, &cue_heads(d, s, e), out)
}

/// [`sentence_by_rules`] with the sentence's cue heads already found.
pub(crate) fn sentence_by_rules_with(
    d: &Doc,
    s: usize,
    e: usize,
    heads: &[(usize, usize, Cue)],
    out: &mut Vec<Found>,
) {
    for (k, &(h, after, cue)) in heads.iter().enumerate() {
        // The cue phrase grows left over auxiliaries and adverbs ("has also said").
        let mut c0 = h;
        while c0 > s && d.toks[c0 - 1].kind == Kind::Word && cues::is_cue_modifier(d.w(c0 - 1)) {
            c0 -= 1;
        }
        if d.w(h) == "according" {
            according(d, s, e, h, after, out);
            continue;
        }
        let next_head = heads.get(k + 1).map_or(e, |x| x.0);
        if let Some(f) = post_quote(d, s, e, c0, after, cue)
            .or_else(|| post_clause(d, s, e, c0, after, cue))
            .or_else(|| pre_content(d, s, e, c0, after, cue, next_head))
        {
            out.push(f);
        }
    }
}

/// Training sentences for the cue tagger: every token of `text` with its features, whether it
/// lies inside one of `cue_spans` (byte ranges), and whether it is a cue candidate at all.
pub fn cue_training_sents(text: &str, cue_spans: &[Range]) -> Vec<learned::Sentence> {
    let d = Doc::new(text);
    let table = learned::Table::new(&d);
    let mut all = Vec::with_capacity(d.sents.len());
    for &(s, e) in &d.sents {
        let mut out = Vec::with_capacity(e - s);
        for i in s..e {
            let t = &d.toks[i];
            let y = cue_spans.iter().any(|&(a, b)| t.start >= a && t.end <= b);
            let mut f = Vec::with_capacity(32);
            learned::features(&d, &table, s, e, i, &mut f);
            out.push((f, y, learned::candidate(&d, i)));
        }
        all.push(out);
    }
    all
}

/// Skip a time phrase ending right before token `i` ("on Tuesday", "last week"), returning
/// the index after the phrase's start.
fn skip_time_left(d: &Doc, s: usize, mut i: usize) -> usize {
    let start = i;
    while i > s && d.toks[i - 1].kind == Kind::Word && cues::is_time_word(d.w(i - 1)) {
        i -= 1;
    }
    if i < start && i > s && matches!(d.w(i - 1), "on" | "in" | "at" | "late" | "early") {
        i -= 1;
    }
    i
}

/// The speaker phrase ending right before token `end` (exclusive), scanning left to `s`.
/// `Name, appositive, said` gives `Name, appositive`; `(D-Ohio)` parentheses stay inside;
/// `Name, who said` gives `Name`.
fn source_left(d: &Doc, s: usize, end: usize) -> Option<(usize, usize)> {
    let end = skip_time_left(d, s, end);
    // "X, who said …": the relative pronoun is the source (PolNeAR marks it so); the speaker
    // resolver takes it back to X.
    if end > s
        && matches!(d.w(end - 1), "who" | "which")
        && (end - 1 == s || d.punct(end - 2) == Some(","))
    {
        return Some((end - 1, end));
    }
    if end > s + 2 && d.punct(end - 1) == Some(",") {
        return appositive_left(d, s, end - 1);
    }
    let mut i = scan_name_left(d, s, end, end)?;
    // Whether token `k` can open a noun phrase.
    let opens = |k: usize| {
        d.toks[k].cap
            || d.toks[k].kind == Kind::Number
            || matches!(d.w(k), "the" | "a" | "an" | "its" | "their" | "his" | "her")
    };
    // A noun phrase with a preposition or "and" inside ("The Commission on Presidential
    // Debates", "Regulators and environmental groups"): the longer phrase when it starts a
    // clause, the shorter one otherwise.
    while i > s + 1
        && i < end
        && d.toks[i - 1].kind == Kind::Word
        && matches!(
            d.w(i - 1),
            "in" | "on" | "at" | "for" | "to" | "from" | "with" | "by" | "and"
        )
        && opens(i)
    {
        let Some(j) = scan_name_left(d, s, i - 1, end) else {
            break;
        };
        let starts_clause = j == s
            || matches!(d.punct(j - 1), Some("," | "(" | "—" | "–" | ":" | ";"))
            || d.toks[j - 1].kind == Kind::Word
                && matches!(
                    d.w(j - 1),
                    "but"
                        | "and"
                        | "as"
                        | "when"
                        | "that"
                        | "while"
                        | "because"
                        | "although"
                        | "though"
                        | "if"
                        | "since"
                        | "after"
                        | "yet"
                        | "so"
                        | "where"
                );
        if j < i - 1 && starts_clause && opens(j) {
            i = j;
        } else {
            break;
        }
    }
    // A personal pronoun is a whole subject: "… network RT he blasted" gives "he".
    if end - i > 1 && d.toks[end - 1].kind == Kind::Word && is_personal(d.w(end - 1)) {
        return Some((end - 1, end));
    }
    (i < end).then_some((i, end))
}

/// Scan left from `from` over the words of a name or noun phrase (not below `s`); the
/// phrase ends at `end`. `None` when it grows too long to be a speaker.
fn scan_name_left(d: &Doc, s: usize, from: usize, end: usize) -> Option<usize> {
    let mut i = from;
    while i > s {
        let t = &d.toks[i - 1];
        if d.punct(i - 1) == Some(")") {
            // A parenthesis inside the name: "(D-Md.)", "(R)".
            let mut j = i - 1;
            while j > s && d.punct(j - 1) != Some("(") && i - j < 8 {
                j -= 1;
            }
            if j > s && d.punct(j - 1) == Some("(") {
                i = j - 1;
                continue;
            }
            break;
        }
        let ok = match t.kind {
            Kind::Word => {
                let w = d.w(i - 1);
                (!cues::stops_source(w) && (t.cap || cues::lookup(w).is_none()))
                    || (t.cap && i - 1 > s && w != "that")
                    // "Sanders and Clinton said"
                    || (w == "and" && i - 1 > s && d.toks[i - 2].cap && d.toks.get(i).is_some_and(|n| n.cap))
            }
            Kind::Number => true,
            // A hyphen inside a name ("Ki - moon" never; "Ki-moon" yes), "&", initials' dots.
            Kind::Punct => match t.text(d.text) {
                "-" => !t.space_before && i < end && !d.toks[i].space_before && i - 1 > s,
                "&" | "." => i - 1 > s,
                // "31% of Republicans"
                "%" => i - 1 > s && d.toks[i - 2].kind == Kind::Number,
                _ => false,
            },
            Kind::Quote => d.possessive_mark(i - 1) && i - 1 > s,
        };
        if !ok || d.inq[i - 1].is_some() {
            break;
        }
        i -= 1;
        if end - i > 14 {
            return None;
        }
    }
    Some(i)
}

/// The agent of a passive, from token `i` (right after "by"): a noun phrase up to punctuation
/// or a word that starts a new phrase ("by unions that would …", "by rivals for failing …").
fn agent_right(d: &Doc, i: usize, e: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j < e && j < i + 12 {
        let t = &d.toks[j];
        let ok = match t.kind {
            Kind::Word => {
                let w = d.w(j);
                !(matches!(
                    w,
                    "for"
                        | "over"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "that"
                        | "who"
                        | "which"
                        | "after"
                        | "because"
                        | "since"
                        | "during"
                        | "as"
                        | "when"
                        | "while"
                        | "with"
                        | "amid"
                        | "about"
                        | "than"
                        | "but"
                        | "or"
                        | "if"
                ) || w == "and" && !d.toks.get(j + 1).is_some_and(|n| n.cap)
                    || !t.cap && d.lex_at(j).is_some_and(|c| c.finite))
            }
            Kind::Number => true,
            Kind::Punct => matches!(t.text(d.text), "-" | "&" | "."),
            Kind::Quote => d.possessive_mark(j),
        };
        if !ok || d.inq[j].is_some() {
            break;
        }
        j += 1;
    }
    while j > i && d.punct(j - 1) == Some(".") {
        j -= 1;
    }
    (j > i).then_some((i, j))
}

/// Whether the cue phrase `c0..after` is a passive: a form of "be", perhaps an adverb or
/// "not", and a past participle that is not an adjective of feeling ("is convinced").
fn is_passive(d: &Doc, c0: usize, after: usize) -> bool {
    let mut words = (c0..after)
        .filter(|&j| d.toks[j].kind == Kind::Word)
        .map(|j| d.w(j));
    if !words
        .by_ref()
        .any(|w| matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being"))
    {
        return false;
    }
    // After the first form of "be": exactly one word besides adverbs and "not".
    // A preposition may close the phrase ("is known for", "was described as").
    let mut rest = words.filter(|w| {
        !(w.ends_with("ly")
            || matches!(
                *w,
                "not"
                    | "also"
                    | "still"
                    | "best"
                    | "well"
                    | "often"
                    | "long"
                    | "as"
                    | "for"
                    | "about"
                    | "with"
                    | "to"
                    | "of"
                    | "on"
                    | "in"
                    | "by"
            ))
    });
    let (Some(v), None) = (rest.next(), rest.next()) else {
        return false;
    };
    let participle = v.ends_with("ed")
        || v.ends_with("en")
        || matches!(
            v,
            "said" | "told" | "held" | "made" | "known" | "seen" | "shown" | "thought"
        );
    participle
        && !matches!(
            v,
            "convinced"
                | "concerned"
                | "worried"
                | "determined"
                | "committed"
                | "opposed"
                | "interested"
                | "pleased"
                | "disappointed"
                | "frustrated"
                | "excited"
                | "prepared"
                | "dedicated"
                | "devoted"
                | "alarmed"
                | "troubled"
                | "outraged"
                | "satisfied"
                | "surprised"
                | "shocked"
                | "scared"
                | "tired"
                | "united"
                | "divided"
                | "focused"
                | "inclined"
                | "embarrassed"
        )
}

/// Personal pronouns in subject position.
fn is_personal(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "i" | "we" | "you" | "it")
}

/// The subject a sentence opens with: a run of names, determiners and title words.
fn subject_of(d: &Doc, s: usize, limit: usize) -> Option<(usize, usize)> {
    let mut i = s;
    while i < limit
        && d.toks[i].kind == Kind::Word
        && matches!(
            d.w(i),
            "but" | "and" | "so" | "still" | "meanwhile" | "yet" | "then"
        )
    {
        i += 1;
    }
    // An opening phrase ("In an interview with the Journal, Trump …", "By the end of the day,
    // Mr. Trump …") comes before the subject.
    if i < limit
        && matches!(
            d.w(i),
            "in" | "on"
                | "at"
                | "by"
                | "after"
                | "before"
                | "during"
                | "despite"
                | "with"
                | "for"
                | "from"
                | "since"
                | "when"
                | "while"
                | "if"
                | "as"
                | "although"
                | "though"
                | "because"
                | "unlike"
                | "like"
                | "amid"
                | "instead"
                | "earlier"
                | "later"
        )
    {
        let comma = (i + 1..limit.min(i + 30)).find(|&k| d.punct(k) == Some(","))?;
        i = comma + 1;
    }
    if i < limit && matches!(d.w(i), "there" | "there’s" | "there's") {
        return None;
    }
    let start = i;
    let mut named = false;
    while i < limit {
        let t = &d.toks[i];
        let ok = match t.kind {
            Kind::Word => {
                let w = d.w(i);
                if t.cap
                    && !matches!(
                        w,
                        "the"
                            | "a"
                            | "an"
                            | "when"
                            | "while"
                            | "if"
                            | "as"
                            | "after"
                            | "because"
                            | "although"
                    )
                {
                    named = true;
                    true
                } else {
                    matches!(
                        w,
                        "the"
                            | "a"
                            | "an"
                            | "former"
                            | "presidential"
                            | "democratic"
                            | "republican"
                            | "candidate"
                            | "nominee"
                            | "sen."
                            | "rep."
                            | "gov."
                    )
                }
            }
            Kind::Punct => matches!(t.text(d.text), "." | "-" | "&"),
            _ => false,
        };
        if !ok || d.inq[i].is_some() {
            break;
        }
        i += 1;
    }
    (i > start && named && d.toks[start].cap && i - start <= 8).then_some((start, i))
}

/// `Name, appositive,` before a cue: from the clause's start to `comma` (inclusive).
fn appositive_left(d: &Doc, s: usize, comma: usize) -> Option<(usize, usize)> {
    let mut i = comma;
    // A reporting verb seen in the stretch: fine inside a relative clause of the appositive
    // ("a leader who had endorsed Kasich"), a sign of another clause otherwise. A participle
    // in a noun phrase ("a creative writing professor") is no verb of its own.
    let mut verb = false;
    while i > s {
        let t = &d.toks[i - 1];
        if d.inq[i - 1].is_some() {
            break;
        }
        match t.kind {
            Kind::Quote if d.possessive_mark(i - 1) => {}
            Kind::Quote => break,
            Kind::Punct => match t.text(d.text) {
                "," if verb => return None,
                "," | "(" | ")" | "-" | "&" | "." | "’" | "'" => {}
                _ => break,
            },
            Kind::Word => {
                let w = d.w(i - 1);
                if !t.cap {
                    if matches!(w, "that" | "because" | "if" | "when" | "while") {
                        return None;
                    }
                    if matches!(w, "who" | "which") {
                        verb = false;
                    } else if d
                        .lex_at(i - 1)
                        .is_some_and(|c| c.finite || !w.ends_with("ing"))
                        // "an engineer called Walter Brisk" names; it reports nothing.
                        && !(matches!(w, "called" | "named" | "dubbed") && d.toks[i].cap)
                    {
                        verb = true;
                    }
                }
            }
            Kind::Number => {}
        }
        i -= 1;
        if comma - i > 30 {
            return None;
        }
    }
    if verb {
        return None;
    }
    // An opening phrase ("On the Republican side, Mr. Trump, …") is not the speaker.
    if i < comma
        && d.toks[i].kind == Kind::Word
        && matches!(
            d.w(i),
            "on" | "in"
                | "at"
                | "after"
                | "before"
                | "during"
                | "for"
                | "with"
                | "by"
                | "from"
                | "like"
                | "unlike"
                | "as"
                | "since"
                | "when"
                | "while"
                | "if"
                | "although"
        )
    {
        if let Some(c) = (i..comma).find(|&j| d.punct(j) == Some(",")) {
            i = c + 1;
        }
    }
    // Drop a leading conjunction or adverb ("But Crawford, …").
    while i < comma
        && (d.punct(i) == Some(",")
            || d.toks[i].kind == Kind::Word
                && matches!(
                    d.w(i),
                    "but"
                        | "and"
                        | "so"
                        | "still"
                        | "meanwhile"
                        | "however"
                        | "yet"
                        | "now"
                        | "also"
                        | "even"
                ))
    {
        i += 1;
    }
    let has_comma = (i..comma).any(|j| d.punct(j) == Some(","));
    if i >= comma || !has_comma || !(d.toks[i].cap || matches!(d.w(i), "the" | "a" | "an")) {
        return None;
    }
    // A setting or an action between commas is not part of the source: "Trump, speaking to
    // veterans, said" and "Clinton, at a press gaggle, said" give the name; so does a
    // ", which …" clause about an organisation in the appositive.
    if let Some(c) = (i..comma).find(|&j| d.punct(j) == Some(",")) {
        let next = c + 1;
        if next < comma && d.toks[next].kind == Kind::Word {
            let w = d.w(next);
            let setting = w.ends_with("ing") && w != "including"
                || matches!(
                    w,
                    "on" | "at" | "in" | "during" | "after" | "before" | "with" | "speaking"
                );
            if setting && c > i {
                return Some((i, c));
            }
        }
    }
    if let Some(c) = (i + 1..comma)
        .find(|&j| d.punct(j) == Some(",") && d.is(j + 1, "which"))
        .filter(|&c| (i..c).any(|j| d.punct(j) == Some(",")))
    {
        return Some((i, c + 1));
    }
    // The comma that closes the appositive belongs to the source, as PolNeAR marks it.
    Some((i, comma + 1))
}

/// The speaker phrase starting at token `i` (inverted "said Smith"), up to a comma or the end.
fn source_right(d: &Doc, i: usize, e: usize) -> Option<(usize, usize)> {
    // A speaker phrase opens with a name, a determiner, a number or a pronoun, not with
    // "whether" or "that".
    let t0 = d.toks.get(i)?;
    let opens = t0.kind == Kind::Number
        || t0.kind == Kind::Word
            && (t0.cap
                || cues::is_pronoun(d.w(i))
                || matches!(
                    d.w(i),
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "several"
                        | "many"
                        | "some"
                        | "most"
                        | "one"
                        | "two"
                        | "three"
                        | "another"
                        | "other"
                        | "officials"
                        | "aides"
                        | "sources"
                        | "critics"
                        | "analysts"
                        | "experts"
                        | "residents"
                        | "voters"
                        | "supporters"
                        | "others"
                ));
    // "said spokesman John Kirby", "said former Vermont governor Howard Dean": lower-case
    // title words right before a name.
    let titled = || {
        (i + 1..(i + 5).min(e))
            .find(|&k| d.toks[k].kind != Kind::Word || d.toks[k].cap)
            .is_some_and(|k| {
                d.toks[k].kind == Kind::Word
                    && (i..k).all(|x| {
                        d.lex_at(x).is_none()
                            && !matches!(
                                d.w(x),
                                "that"
                                    | "whether"
                                    | "if"
                                    | "to"
                                    | "in"
                                    | "on"
                                    | "at"
                                    | "for"
                                    | "of"
                                    | "by"
                                    | "with"
                                    | "and"
                                    | "or"
                                    | "but"
                                    | "as"
                                    | "not"
                            )
                    })
            })
    };
    if !(opens || t0.kind == Kind::Word && titled()) {
        return None;
    }
    // An inverted pronoun stands alone ("…,” said he."); "said he holds …" is a clause.
    if is_personal(d.w(i)) {
        let alone = i + 1 >= e || matches!(d.toks[i + 1].kind, Kind::Punct | Kind::Quote);
        return alone.then_some((i, i + 1));
    }
    let mut j = i;
    while j < e {
        let t = &d.toks[j];
        let ok = match t.kind {
            Kind::Word => {
                let w = d.w(j);
                !(matches!(
                    w,
                    "that"
                        | "and"
                        | "but"
                        | "in"
                        | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "when"
                        | "who"
                        | "while"
                        | "as"
                ) || (cues::lookup(w).is_some() && !t.cap))
                    || (t.cap && j > i)
            }
            Kind::Number => true,
            Kind::Punct => matches!(t.text(d.text), "-" | "&"),
            Kind::Quote => false,
        };
        // A party label after a name: "Howard Dean (D)", "Ted Cruz (R-Texas)".
        if t.kind == Kind::Punct && t.text(d.text) == "(" && j > i && d.toks[j - 1].cap {
            if let Some(close) = (j + 1..(j + 5).min(e)).find(|&k| d.punct(k) == Some(")")) {
                if (j + 1..close).all(|k| d.toks[k].cap || d.punct(k) == Some("-")) {
                    j = close + 1;
                    continue;
                }
            }
        }
        if !ok || d.inq[j].is_some() {
            break;
        }
        j += 1;
        if j - i > 14 {
            return None;
        }
    }
    // "said Jane Roe, a professor at Ulm." : the appositive runs to the sentence's end.
    if j > i && d.punct(j) == Some(",") {
        let mut k = j + 1;
        // Inside a relative clause of the appositive ("a professor who has endorsed …"), a
        // verb is the clause's own; the source runs on (PolNeAR marks it so).
        let mut rel = false;
        while k < e && k < j + 40 {
            let t = &d.toks[k];
            if t.kind == Kind::Word && matches!(d.w(k), "who" | "which") && k > j + 2 {
                rel = true;
            }
            if rel && t.kind == Kind::Word && !t.cap {
                k += 1;
                continue;
            }
            let opens_words =
                t.kind == Kind::Word && !t.cap && d.lex_at(k).is_some() || t.kind == Kind::Quote;
            if opens_words && d.punct(k - 1) == Some(",") && k > j + 2 {
                // "said Jane Roe, a professor at Ulm, recalling …" (or "…, “…”"): the
                // appositive ends at the comma, which the source keeps, as PolNeAR marks it.
                return Some((i, k));
            }
            if t.kind == Kind::Quote
                || d.inq[k].is_some()
                || t.kind == Kind::Word && !t.cap && d.lex_at(k).is_some()
                || matches!(d.punct(k), Some(";" | ":"))
            {
                return Some((i, j));
            }
            k += 1;
        }
        let end = content_end(d, j, k);
        if k >= e && end > j + 1 {
            return Some((i, end));
        }
    }
    (j > i).then_some((i, j))
}

/// End of a sentence's content, exclusive token index: drops a final `.` unless a quote mark
/// closes after it.
fn content_end(d: &Doc, s: usize, e: usize) -> usize {
    let mut end = e;
    // Stray marks after the words go; a mark closing a single-quoted stretch of the content
    // stays with it ("… Is ‘Disqualifying.’").
    while end > s
        && d.is_quote(end - 1)
        && d.inq[end - 1].is_none()
        && d.single_closing(end - 1).is_none_or(|open| open < s)
    {
        end -= 1;
    }
    if end > s && d.is_quote(end - 1) {
        return end;
    }
    while end > s
        && matches!(
            d.punct(end - 1),
            Some("." | "!" | "?" | "…" | ":" | ";" | ",")
        )
    {
        end -= 1;
    }
    end
}

/// Where reported words stop before `end`: at a clause that comments on them rather than
/// continues them — ", which/who/whose/where …", "; …", " — …", ", and said …",
/// ", making …" (a participle). Quoted stretches are never cut.
fn clause_end(d: &Doc, i: usize, end: usize) -> usize {
    let mut j = i + 1;
    while j < end {
        if d.inq[j].is_some() {
            j += 1;
            continue;
        }
        // " and said …": a new verb of the speaker's, not the words.
        if d.toks[j].kind == Kind::Word
            && d.w(j) == "and"
            && j + 1 < end
            && d.toks[j + 1].kind == Kind::Word
            && d.lex_at(j + 1)
                .is_some_and(|c| c.finite && c.mode == Mode::Speech)
        {
            return j;
        }
        match d.punct(j) {
            Some(";" | ":") => return j,
            Some("—" | "–") if d.toks[j].space_before => return j,
            Some(",") if j + 1 < end => {
                let t = &d.toks[j + 1];
                if t.kind == Kind::Word {
                    let w = d.w(j + 1);
                    let next = if j + 2 < end { d.w(j + 2) } else { "" };
                    // ", Trump noted …", ", Ms. Sherry smiled": a new clause with its own
                    // subject and reporting verb.
                    let new_clause = (t.cap || cues::is_pronoun(w))
                        && (j + 2..(j + 6).min(end)).any(|k| {
                            d.toks[k].kind == Kind::Word
                                && !d.toks[k].cap
                                && d.lex_at(k).is_some_and(|c| c.finite)
                        });
                    let cut = new_clause
                        || matches!(
                            w,
                            "which"
                                | "who"
                                | "whose"
                                | "whom"
                                | "where"
                                | "while"
                                | "whereas"
                                | "though"
                                | "although"
                        )
                        || (w == "and"
                            && (cues::lookup(next).is_some()
                                || matches!(next, "he" | "she" | "they" | "it" | "then")))
                        // ", but officials said …" opens a clause of its own; ", but wants
                        // smarter deals" goes on with the reported words.
                        || (w == "but"
                            && j + 2 < end
                            && (d.toks[j + 2].cap
                                || cues::is_pronoun(next)
                                || matches!(
                                    next,
                                    "the" | "a" | "an" | "this" | "these" | "those" | "his"
                                        | "her" | "their" | "its" | "some" | "many" | "most"
                                        | "there"
                                )))
                        || (!t.cap
                            && w.ends_with("ing")
                            && w.len() > 5
                            && !matches!(w, "including" | "according"));
                    if cut {
                        return j;
                    }
                }
            }
            _ => {}
        }
        j += 1;
    }
    end
}

/// The quote regions that make up one quotation starting with the region that opens at
/// token `open`: the region itself and its continuations into later paragraphs.
fn quote_pieces(d: &Doc, open: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut k = d.inq[open].map(|k| k as usize);
    while let Some(ki) = k {
        let r = d.regions[ki];
        pieces.push((r.open, r.close));
        if !r.continues {
            break;
        }
        // Its continuation is the next region (see quotes::regions).
        k = Some(ki + 1).filter(|&j| j < d.regions.len() && !d.regions[j].single);
        if pieces.len() > 50 {
            break;
        }
    }
    pieces
}

fn make(
    d: &Doc,
    cue: (usize, usize),
    src: Option<(usize, usize)>,
    content: &[(usize, usize)],
    kind: QuoteKind,
    c: Cue,
    confidence: f32,
) -> Found {
    Found {
        cue: d.range(cue.0, cue.1 - 1),
        source: src.map(|(a, b)| d.range(a, b - 1)),
        content: content.iter().map(|&(a, b)| d.range(a, b)).collect(),
        kind,
        act: c.act,
        mode: c.mode,
        confidence,
    }
}

/// `“…,” X said.` / `“…,” said X.` and the interrupted `“…,” X said, “…”`.
#[allow(clippy::too_many_arguments)]
fn post_quote(d: &Doc, s: usize, e: usize, c0: usize, after: usize, cue: Cue) -> Option<Found> {
    // The quote that ends before the cue: the last region closing before c0 in this sentence.
    let mut j = c0;
    // Tokens between the quote and the cue: the speaker, a comma.
    while j > s && d.inq[j - 1].is_none() {
        j -= 1;
        if c0 - j > 12 {
            return None;
        }
    }
    if j == s || j == c0 && !d.is_quote(j - 1) {
        return None;
    }
    let k = d.inq[j - 1]? as usize;
    let r = d.regions[k];
    if r.close != j - 1 {
        return None;
    }
    // Only a comma (or nothing) between the quote's end and the speaker / cue.
    let mut src_start = j;
    if matches!(d.punct(src_start), Some("," | "—" | "–")) {
        src_start += 1;
    }
    let quote_ends_clause = r.close > r.open
        && matches!(
            d.toks[r.close - 1].text(d.text),
            "," | "?" | "!" | "." | "—" | "–" | "…"
        )
        || d.punct(r.close + 1) == Some(",");
    if !quote_ends_clause {
        return None;
    }
    let src = if src_start < c0 {
        source_left(d, src_start, c0).filter(|&(a, _)| a == src_start)
    } else {
        let st = if d.punct(after) == Some(",") {
            after + 1
        } else {
            after
        };
        source_right(d, st, e)
    };
    src?;
    // An interrupted quote goes on after the cue clause: `, “…”` in this sentence, or a quote
    // that opens the next sentence of the paragraph.
    let mut pieces = quote_pieces(d, r.open);
    // The quote may have opened paragraphs earlier (each reopened, closed once, here).
    let mut kk = k;
    while kk > 0 {
        // A region that continues is right before its continuation (see quotes::regions).
        let prev = kk - 1;
        if d.regions[prev].single || !d.regions[prev].continues || pieces.len() > 50 {
            break;
        }
        let p = d.regions[prev];
        pieces.insert(0, (p.open, p.close));
        kk = prev;
    }
    let mut q = after;
    if let Some((_, b)) = src.filter(|&(a, _)| a >= after) {
        q = b;
    }
    while q < d.toks.len()
        && q < e
        && d.inq[q].is_none()
        && d.toks[q].kind != Kind::Quote
        && q < after + 8
    {
        if matches!(d.punct(q), Some("," | ":" | "." | "—")) {
            q += 1;
            break;
        }
        q += 1;
    }
    let mut continued = false;
    if q < d.toks.len() && !d.toks[q].para_start {
        if let Some(r2) = d.region_at(q) {
            if r2.open > r.close {
                pieces.extend(quote_pieces(d, r2.open));
                continued = true;
            }
        }
    }
    // Or the quote goes on in the next sentences of the paragraph, each opening with a quote
    // and naming no other speaker (`“…,” she said, pointing to the mill. “…”`).
    if !continued {
        let mut si = d.sent_of[r.close] as usize + 1;
        while let Some(&(ns, ne)) = d.sents.get(si) {
            if d.toks[ns].para_start || !d.is_quote(ns) {
                break;
            }
            let Some(r2) = d.region_at(ns) else { break };
            let own_cue = (ns..ne).any(|j| {
                d.inq[j].is_none() && d.toks[j].kind == Kind::Word && d.lex_at(j).is_some()
            });
            if own_cue || r2.open <= r.close {
                break;
            }
            let r2 = *r2;
            pieces.extend(quote_pieces(d, r2.open));
            if r2.close + 1 < ne || !r2.closed {
                break;
            }
            si += 1;
        }
    }
    let content: Vec<_> = pieces.iter().map(|&(a, b)| (a, b)).collect();
    let f = make(d, (c0, after), src, &[], QuoteKind::Direct, cue, 0.9);
    Some(Found {
        content: content.iter().map(|&(a, b)| d.range(a, b)).collect(),
        ..f
    })
}

/// `…, X said.` / `…, said X.` with no quote marks around the content.
#[allow(clippy::too_many_arguments)]
fn post_clause(d: &Doc, s: usize, e: usize, c0: usize, after: usize, cue: Cue) -> Option<Found> {
    if !cue.finite {
        return None;
    }
    // The comma before the speaker: the speaker is everything between it and the cue
    // ("current and former officials said").
    let mut comma = c0;
    let mut src_left = None;
    let cut = skip_time_left(d, s, c0);
    let mut j = cut;
    while j > s && cut - j <= 8 && d.punct(j - 1) != Some(",") {
        let t = &d.toks[j - 1];
        let bad = t.kind == Kind::Quote
            || d.inq[j - 1].is_some()
            || t.kind == Kind::Punct && !matches!(t.text(d.text), "-" | "&" | "." | "(" | ")")
            || t.kind == Kind::Word
                && !t.cap
                && (d.lex_at(j - 1).is_some()
                    || matches!(d.w(j - 1), "that" | "who" | "which" | "is" | "was"));
        if bad {
            j = cut + 1;
            break;
        }
        j -= 1;
    }
    if j < cut && j > s && d.punct(j - 1) == Some(",") {
        comma = j;
        src_left = Some((j, cut));
    }
    if comma <= s || d.punct(comma - 1) != Some(",") {
        // "…, said X": nothing between the comma and the cue.
        return None;
    }
    let src = if src_left.is_some() {
        src_left
    } else if c0 == comma && after < e && d.toks[after].kind == Kind::Word {
        source_right(d, after, e)
    } else {
        None
    };
    let (_, src_end) = src?;
    // The cue clause ends the sentence, but for a short setting ("on Tuesday", "in a
    // statement") or a participle that starts the next attribution (", adding …").
    let mut tail = if src_left.is_some() { after } else { src_end };
    if tail < e
        && d.toks[tail].kind == Kind::Word
        && matches!(
            d.w(tail),
            "on" | "in"
                | "at"
                | "during"
                | "after"
                | "before"
                | "last"
                | "this"
                | "late"
                | "early"
                | "earlier"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
        )
    {
        let mut k = tail + 1;
        while k < e
            && k < tail + 8
            && d.toks[k].kind != Kind::Punct
            && d.toks[k].kind != Kind::Quote
        {
            k += 1;
        }
        tail = k;
    }
    let trailing_ok = tail >= e
        || matches!(d.punct(tail), Some("." | "!" | "?" | ";"))
        || (d.punct(tail) == Some(",")
            && tail + 1 < e
            && d.toks[tail + 1].kind == Kind::Word
            && d.lex_at(tail + 1).is_some_and(|c| !c.finite));
    // "It makes sense, he said, for Democrats to …": the cue clause sits inside the words,
    // which go on after it.
    let parenthetical = !trailing_ok
        && d.punct(tail) == Some(",")
        && tail + 2 < e
        && d.toks[tail + 1].kind == Kind::Word
        && d.inq[tail + 1].is_none()
        && d.lex_at(tail + 1).is_none();
    if !trailing_ok && !parenthetical {
        return None;
    }
    let mut cstart = s;
    if cstart + 1 < comma
        && d.toks[cstart].kind == Kind::Word
        && matches!(
            d.w(cstart),
            "still" | "however" | "meanwhile" | "but" | "and" | "so" | "indeed" | "instead" | "yet"
        )
        && d.punct(cstart + 1) == Some(",")
    {
        cstart += 2;
    }
    let cend = comma - 1;
    if cend <= cstart + 2 {
        return None;
    }
    let has_quote = (cstart..cend).any(|i| d.inq[i].is_some());
    let kind = if has_quote {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    };
    let mut pieces = vec![(cstart, cend - 1)];
    if parenthetical {
        let b = content_end(d, tail + 1, e);
        if b <= tail + 1 {
            return None;
        }
        pieces.push((tail + 1, b - 1));
    }
    Some(make(d, (c0, after), src, &pieces, kind, cue, 0.7))
}

/// `X said (that) …`, `X said: “…”`, `X told reporters …`.
#[allow(clippy::too_many_arguments)]
fn pre_content(
    d: &Doc,
    s: usize,
    e: usize,
    c0: usize,
    after: usize,
    cue: Cue,
    next_head: usize,
) -> Option<Found> {
    let participial = !cue.finite && c0 > s && d.punct(c0 - 1) == Some(",");
    let mut src = source_left(d, s, c0);
    if src.is_none() && !participial && c0 > s {
        // "X, who endorsed Y, said": the clause's subject; "X called … and said": the
        // sentence's subject.
        if d.punct(c0 - 1) == Some(",") || d.is(c0 - 1, "and") {
            src = subject_of(d, s, c0);
        }
    }
    if src.is_none() && !participial {
        return None;
    }
    let mut i = after;
    // A recipient ("told reporters", "urged Congress").
    if cue.recipient && i < e && d.toks[i].kind == Kind::Word && !d.is(i, "that") {
        if cues::is_pronoun(d.w(i)) {
            i += 1;
        } else if matches!(
            d.w(i),
            "his" | "her" | "their" | "our" | "my" | "its" | "the" | "a"
        ) && i + 1 < e
            && d.toks[i + 1].kind == Kind::Word
            && !d.is(i + 1, "that")
        {
            // "told the National Post …", "asked our followers …"
            i += 2;
            while i < e && d.toks[i].kind == Kind::Word && d.toks[i].cap {
                i += 1;
            }
        } else {
            let mut j = i;
            while j < e && j < i + 5 && d.toks[j].kind == Kind::Word && !d.is(j, "that") {
                j += 1;
            }
            if j < e && (d.is(j, "that") || matches!(d.punct(j), Some(":" | ",")) || d.is_quote(j))
            {
                i = j;
            } else if d.toks[i].cap {
                i += 1;
                while i < e && d.toks[i].cap {
                    i += 1;
                }
            }
        }
    }
    // A time or setting phrase before "that" ("at a news conference on Tuesday that").
    if !d.is(i, "that")
        && d.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
        && (matches!(
            d.w(i),
            "at" | "in"
                | "on"
                | "during"
                | "after"
                | "before"
                | "last"
                | "this"
                | "earlier"
                | "late"
                | "early"
                | "privately"
                | "publicly"
                | "repeatedly"
        ) || cues::is_time_word(d.w(i)))
    {
        let mut j = i;
        while j < e
            && j < i + 12
            && d.toks[j].kind != Kind::Quote
            && !matches!(d.punct(j), Some("." | ";"))
        {
            if d.is(j, "that") {
                break;
            }
            j += 1;
        }
        if d.is(j, "that") && (i..j).all(|x| d.toks[x].kind != Kind::Word || d.lex_at(x).is_none())
        {
            i = j;
        }
    }
    while matches!(d.punct(i), Some("," | ":" | "—" | "–")) {
        i += 1;
    }
    if i >= e {
        return None;
    }
    let strong_intro =
        d.is(i, "that") || d.is_quote(i) || after < e && matches!(d.punct(after), Some(":"));
    if cue.weak && !strong_intro {
        return None;
    }
    if cue.mode != Mode::Speech && !strong_intro && d.toks[i].kind != Kind::Word {
        return None;
    }
    if let Some(r) = d.region_at(i) {
        // Quoted content: the quote (and its continuations), unless the sentence goes on after
        // it as reported speech.
        let pieces = quote_pieces(d, r.open);
        let end_q = r.close + 1;
        let rest_is_end =
            end_q >= e || matches!(d.punct(end_q), Some("." | "!" | "?")) && end_q + 1 >= e;
        if rest_is_end || !r.closed {
            let src = if participial {
                subject_of(d, s, c0).or(src)
            } else {
                src
            };
            return Some(make(d, (c0, after), src, &[], QuoteKind::Direct, cue, 0.9)).map(|f| {
                Found {
                    content: pieces.iter().map(|&(a, b)| d.range(a, b)).collect(),
                    ..f
                }
            });
        }
    }
    // Reported speech up to the sentence's end, or to the next cue phrase (", adding …").
    let mut end = content_end(d, i, e);
    if next_head < end {
        let mut j = next_head;
        while j > i && d.toks[j - 1].kind == Kind::Word && cues::is_cue_modifier(d.w(j - 1)) {
            j -= 1;
        }
        if j > i && d.punct(j - 1) == Some(",") {
            end = j - 1;
        }
    }
    end = clause_end(d, i, end);
    // A verb that takes a noun phrase ("praised the plan", "attacked Fiorina", or a cue the
    // lexicon does not know) has that phrase for content: it ends at the first comma or
    // spaced dash, where the sentence moves on.
    let known = (c0..after).any(|j| d.lex_at(j).is_some());
    let takes_object = !known
        || cue.mode != Mode::Speech
        || matches!(
            cue.act,
            SpeechAct::Praise
                | SpeechAct::Criticism
                | SpeechAct::Accusation
                | SpeechAct::Appeal
                | SpeechAct::Agreement
        );
    if takes_object && !strong_intro {
        if let Some(j) = (i + 1..end).find(|&j| {
            d.inq[j].is_none()
                && (d.punct(j) == Some(",")
                    || matches!(d.punct(j), Some("-" | "--" | "—" | "–")) && d.toks[j].space_before)
        }) {
            end = j;
        }
    }
    if end <= i {
        return None;
    }
    let has_quote = (i..end).any(|x| d.inq[x].is_some());
    let kind = if has_quote {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    };
    let src = if participial {
        subject_of(d, s, c0).or(src)
    } else {
        src
    };
    let conf = if cue.mode == Mode::Speech { 0.75 } else { 0.5 };
    Some(make(d, (c0, after), src, &[(i, end - 1)], kind, cue, conf))
}

/// `According to X, …` and `…, according to X.`
fn according(d: &Doc, s: usize, e: usize, h: usize, after: usize, out: &mut Vec<Found>) {
    let cue = Cue {
        act: SpeechAct::Report,
        finite: false,
        ..Cue::STATEMENT
    };
    // The source: up to a comma or the sentence end.
    let mut j = after;
    while j < e
        && !matches!(d.punct(j), Some("," | "." | ";" | "!" | "?" | ":"))
        && d.toks[j].kind != Kind::Quote
    {
        j += 1;
    }
    if j == after {
        return;
    }
    let opening = h == s || h > s && d.toks[h].cap;
    // "According to X, a spokesman for Y, …": the appositive belongs to the source.
    if opening
        && d.punct(j) == Some(",")
        && d.toks.get(j + 1).is_some_and(|t| t.kind == Kind::Word)
        && matches!(
            d.w(j + 1),
            "a" | "an" | "the" | "his" | "her" | "its" | "their"
        )
    {
        let mut k = j + 1;
        while k < e
            && k < j + 14
            && d.toks[k].kind != Kind::Quote
            && !matches!(d.punct(k), Some("," | "." | ";" | ":"))
        {
            k += 1;
        }
        if d.punct(k) == Some(",") {
            j = k;
        }
    }
    let src = Some((after, j));
    let (cs, ce) = if opening {
        // According to X, content.
        let cs = if d.punct(j) == Some(",") {
            j + 1
        } else {
            return;
        };
        (cs, content_end(d, cs, e))
    } else if d.punct(h - 1) == Some(",") {
        (s, h - 1)
    } else {
        (s, h)
    };
    if ce <= cs {
        return;
    }
    let has_quote = (cs..ce).any(|x| d.inq[x].is_some());
    let kind = if has_quote {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    };
    out.push(make(d, (h, after), src, &[(cs, ce - 1)], kind, cue, 0.8));
}

/// Byte offset → code-point offset.
pub struct CharIndex<'a> {
    text: &'a str,
    /// For each character of more than one byte: its byte offset and the bytes beyond one per
    /// character up to and including it (news text is mostly ASCII: a short list).
    wide: Vec<(u32, u32)>,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0u32;
        for (b, &byte) in text.as_bytes().iter().enumerate() {
            // A leading byte of a multi-byte character: 0b11xx_xxxx.
            if byte >= 0xC0 {
                extra += match byte {
                    0xF0.. => 3,
                    0xE0.. => 2,
                    _ => 1,
                };
                wide.push((b as u32, extra));
            }
        }
        CharIndex { text, wide }
    }

    /// The code-point offset of byte offset `b` (a char boundary).
    pub fn at(&self, b: usize) -> usize {
        let b = b.min(self.text.len());
        // The wide characters starting before `b` lie wholly before it (`b` is a boundary).
        let k = self.wide.partition_point(|&(at, _)| (at as usize) < b);
        b - k.checked_sub(1).map_or(0, |k| self.wide[k].1 as usize)
    }

    pub fn span(&self, r: Range) -> CharSpan {
        CharSpan {
            start: self.at(r.0),
            end: self.at(r.1),
            text: self.text[r.0..r.1].to_string(),
        }
    }

    fn model_span(&self, r: Range) -> Span {
        let c = self.span(r);
        Span {
            start: c.start,
            end: c.end,
            text: c.text,
        }
    }
}

/// Whether attribution and entity rules apply: English, or a language nobody detected.
fn applies(language: Option<&str>) -> bool {
    language.is_none_or(|l| l == "en" || l.starts_with("en-"))
}

/// Fill `article.entities` and `article.quotes` from its title and text (English articles;
/// others are left as they are).
pub fn annotate(article: &mut Article) {
    if !applies(article.language.as_deref()) || article.text.is_empty() {
        return;
    }
    let entities = crate::entities::find_entities(article.title.as_deref(), &article.text);
    article.quotes = quotes(&article.text, &entities);
    article.entities = entities;
}

/// The attributions of `text` as quote records, speakers resolved against `entities`.
pub fn quotes(text: &str, entities: &[Entity]) -> Vec<Quote> {
    found_quotes(text, entities)
        .into_iter()
        .map(|(_, q)| q)
        .collect()
}

/// Each attribution found in `text` (with content) beside its quote record.
pub fn found_quotes(text: &str, entities: &[Entity]) -> Vec<(Found, Quote)> {
    let found = find(text);
    let ix = CharIndex::new(text);
    let mut resolver = speaker::Resolver::new(entities);
    let mut out = Vec::with_capacity(found.len());
    // Resolve in text order of the sources, so "he" follows the speaker before it.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].source.map_or(found[i].cue.0, |s| s.0));
    let mut speakers = vec![None; found.len()];
    for i in order {
        if let Some((a, mut b)) = found[i].source {
            // The mention without the comma that closed an appositive.
            while b > a && text[..b].ends_with(',') {
                b -= 1;
            }
            speakers[i] = Some(resolver.resolve(&ix.model_span((a, b))));
        }
    }
    for (f, speaker) in found.into_iter().zip(speakers) {
        let (Some(&(a, _)), Some(&(_, b))) = (f.content.first(), f.content.last()) else {
            continue;
        };
        let words: Vec<&str> = f.content.iter().map(|&(x, y)| &text[x..y]).collect();
        let content = words.join(crate::model::QUOTE_PIECE_JOINER);
        let act = if content
            .trim_end_matches(|c: char| is_closing(c))
            .ends_with('?')
        {
            SpeechAct::Question
        } else {
            f.act
        };
        let q = Quote {
            text: content,
            kind: f.kind,
            start: ix.at(a),
            end: ix.at(b),
            pieces: f
                .content
                .iter()
                .map(|&(x, y)| [ix.at(x), ix.at(y)])
                .collect(),
            cue: Some(ix.model_span(f.cue)),
            speech_act: act,
            speaker,
            confidence: f.confidence,
        };
        out.push((f, q));
    }
    out
}

fn is_closing(c: char) -> bool {
    tokens::is_quote_char(c) || c == ')' || c == '.'
}

#[cfg(test)]
mod tests;
