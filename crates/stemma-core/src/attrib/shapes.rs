//! Sentence shapes: for one cue, its source and content by the shape of the sentence
//! (`“…,” X said.`, `…, X said.`, `X said (that) …`, `According to X, …`).

use super::*;

/// The quote regions that make up one quotation starting with the region that opens at
/// token `open`: the region itself and its continuations into later paragraphs.
pub(super) fn quote_pieces(d: &Doc, open: usize) -> Vec<(usize, usize)> {
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

pub(super) fn make(
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
        continued: false,
        words: true,
    }
}

/// `Said Nandakumar: “…”`, `Added Brady, “…”`: a cue word opening the sentence, the
/// speaker's name right after it, then the quotation (the name is the source, not part of
/// the content).
pub(super) fn inverted(d: &Doc, e: usize, (c0, after): (usize, usize), cue: Cue) -> Option<Found> {
    let s = d.sents[d.sent_of[c0] as usize].0;
    if c0 != s || after != c0 + 1 || !d.toks[c0].cap || cue.mode != Mode::Speech {
        return None;
    }
    let mut j = after;
    while j < e && j < after + 5 && d.toks[j].kind == Kind::Word && d.toks[j].cap {
        j += 1;
    }
    if j == after || !matches!(d.punct(j), Some(":" | ",")) {
        j = long_speaker_to_colon(d, e, after)?;
    }
    let r = d.region_at(j + 1)?;
    let pieces = quote_pieces(d, r.open);
    let f = make(
        d,
        (c0, after),
        Some((after, j)),
        &pieces,
        QuoteKind::Direct,
        cue,
        0.8,
    );
    Some(f)
}

/// The colon after a longer speaker phrase that opens at `after`, right after a cue opening
/// the sentence (`Said association president Captain Lotte Brandvold: “…”`, `Said Skyra's
/// operations director, Vikram Raghavan: “…”`): words, commas and dots only, a capitalised
/// word among them, and no cue or question word of its own ("Asked point blank if Harris is
/// eligible, Trump replied: …").
fn long_speaker_to_colon(d: &Doc, e: usize, after: usize) -> Option<usize> {
    let asks_or_reports = |j: usize| {
        d.lex_at(j).is_some()
            || matches!(
                d.w(j),
                "if" | "whether"
                    | "about"
                    | "that"
                    | "how"
                    | "why"
                    | "what"
                    | "when"
                    | "which"
                    | "who"
                    | "whom"
                    | "where"
            )
    };
    let mut j = after;
    let mut named = false;
    while j < e && j < after + 14 {
        let t = &d.toks[j];
        match t.kind {
            Kind::Word if asks_or_reports(j) => return None,
            Kind::Word => named |= t.cap,
            Kind::Punct if matches!(t.text(d.text), "," | "." | "'" | "’" | "-") => {}
            _ => break,
        }
        j += 1;
    }
    (named && d.punct(j) == Some(":") && d.punct(j - 1).is_none()).then_some(j)
}

/// `“…,” X said.` / `“…,” said X.` and the interrupted `“…,” X said, “…”`. With `nested`, a
/// quote may end on the closing mark of a quote inside it (`“People say, ‘It matters,’” said
/// X`); the lexicon rules' pass that makes the tagger's features leaves it out, as the shipped
/// tagger was trained (retrained with it, the tagger moved PolNeAR dev source F1 by -0.0014
/// and content by +0.0019: noise of the training, where the driver's use alone gains on all
/// three roles).
#[allow(clippy::too_many_arguments)]
pub(super) fn post_quote(
    d: &Doc,
    s: usize,
    e: usize,
    c0: usize,
    after: usize,
    cue: Cue,
    nested: bool,
) -> Option<Found> {
    // The quote that ends before the cue: the last region closing before c0 in this sentence.
    let mut j = c0;
    // Tokens between the quote and the cue: the speaker, a comma. The driver reads a longer
    // speaker when a name and its apposition open it (`“…,” Kurinji Selvaraj, a research
    // analyst at the Council on Energy, told CBS News.`); the rules' pass keeps the reach the
    // tagger was trained with.
    let reach = if nested { 30 } else { 12 };
    while j > s && d.inq[j - 1].is_none() {
        j -= 1;
        if c0 - j > reach {
            return None;
        }
    }
    if c0 - j > 12 {
        let a = if d.punct(j) == Some(",") { j + 1 } else { j };
        name_then_comma(d, a, c0)?;
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
    // The mark before the closing one; past the closing mark of a quote inside the quote
    // (“People say, ‘It matters,’” said …).
    let mut last = r.close.saturating_sub(1);
    if nested && last > r.open + 1 && d.toks[last].kind == Kind::Quote && !d.toks[last].space_before
    {
        last -= 1;
    }
    let quote_ends_clause = r.close > r.open
        && matches!(
            d.toks[last].text(d.text),
            "," | "?" | "!" | "." | "—" | "–" | "…"
        )
        || d.punct(r.close + 1) == Some(",");
    if !quote_ends_clause {
        return None;
    }
    let src = if src_start < c0 {
        source_left(d, src_start, c0)
            .map(|(a, b)| {
                // `“…,” lead researcher and NASA scientist Lucas Paganini said`: the lower-case
                // words of a role joined by "and" to the phrase the scan took belong to the
                // speaker (not "…,” though voters said", "…,” but he said").
                let role_words = nested
                    && a > src_start + 1
                    && a - src_start <= 6
                    && d.is(a - 1, "and")
                    && (src_start..a - 1).all(|k| {
                        d.toks[k].kind == Kind::Word
                            && !d.toks[k].cap
                            && d.lex_at(k).is_none()
                            && !cues::is_cue_modifier(d.w(k))
                            && !FUNCTION_WORDS.contains(&d.w(k))
                    });
                if role_words {
                    (src_start, b)
                } else {
                    (a, b)
                }
            })
            .filter(|&(a, _)| a == src_start)
            .or_else(|| {
                (nested && unclosed_apposition(d, src_start, c0)).then_some((src_start, c0))
            })
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

/// Words that join or open clauses, never a speaker's role.
const FUNCTION_WORDS: &[&str] = &[
    "and", "but", "or", "though", "although", "while", "when", "because", "so", "yet", "which",
    "who", "what", "that", "is", "are", "was", "were", "as", "if", "since", "then", "also", "the",
    "a", "an", "he", "she", "they", "it", "we", "i", "you", "some", "many", "most",
];

/// `“…,” Kurinji Selvaraj, a research analyst at the Delhi think tank told CBS News.`: the
/// tokens `a..c0` between a quotation and its cue are a name of one to four capitalised words,
/// a comma and an apposition whose closing comma the writer left out: words, hyphens, dots and
/// commas only, and no word of the cue lexicon nor a relative pronoun.
fn unclosed_apposition(d: &Doc, a: usize, c0: usize) -> bool {
    name_then_comma(d, a, c0).is_some_and(|k| {
        k + 2 < c0
            && (k + 1..c0).all(|j| {
                let t = &d.toks[j];
                match t.kind {
                    // ("think tank" is a noun.)
                    Kind::Word => {
                        (d.lex_at(j).is_none() || d.is(j + 1, "tank"))
                            && !matches!(d.w(j), "who" | "which" | "that")
                    }
                    Kind::Punct => matches!(t.text(d.text), "," | "-" | "." | "&"),
                    _ => false,
                }
            })
    })
}

/// The comma after a name of one to four capitalised words that opens at token `a` (before
/// `end`): "Kurinji Selvaraj," in "Kurinji Selvaraj, a research analyst …".
fn name_then_comma(d: &Doc, a: usize, end: usize) -> Option<usize> {
    let k = a
        + (a..end)
            .take_while(|&k| k - a < 4 && d.toks[k].kind == Kind::Word && d.toks[k].cap)
            .count();
    (k > a && d.punct(k) == Some(",")).then_some(k)
}

/// Tokens right before the comma at `comma` are a name of two to four capitalised words with
/// another comma before them.
fn name_between_commas(d: &Doc, s: usize, comma: usize) -> bool {
    let mut k = comma;
    while k > s && comma - k < 4 && d.toks[k - 1].kind == Kind::Word && d.toks[k - 1].cap {
        k -= 1;
    }
    comma - k >= 2 && k > s && d.punct(k - 1) == Some(",")
}

/// `Name, apposition, said <clause>`: the sentence opens with a name of one to four
/// capitalised words and a comma, an apposition runs from there to a comma right before the
/// cue, and a lower-case word follows the cue ("Steven Tolman, president of the state union,
/// said the measure …"). The name is the subject and what follows the cue is what was said,
/// not who said it: [`post_clause`] would read it the other way round.
///
/// The driver asks this before [`post_clause`]; the lexicon rules whose reading the cue
/// tagger takes as features do not (that reading is what `cues.bin` was trained on, and a
/// retrain moves PolNeAR dev by more than this changes: 5-fold CV on train is level with it).
pub(super) fn subject_with_apposition(
    d: &Doc,
    s: usize,
    e: usize,
    c0: usize,
    after: usize,
) -> bool {
    if c0 < s + 4 || d.punct(c0 - 1) != Some(",") || after >= e {
        return false;
    }
    if d.toks[after].kind != Kind::Word || d.toks[after].cap {
        return false;
    }
    let comma = c0 - 1;
    let mut k = s;
    while k < comma && k - s < 4 && d.toks[k].kind == Kind::Word && d.toks[k].cap {
        k += 1;
    }
    k > s && k + 1 < comma && d.punct(k) == Some(",")
}

/// `Subject, apposition, said <clause>` where the subject is no bare name ("The town's
/// attorney, Leonard Fitzgibbon, said Marrow Bay would appeal", "The Consumers' Council, which
/// represents households, said the fine was too small"): the cue follows a comma, another
/// comma comes before it in the sentence (the apposition's), and what follows the cue is a
/// clause, with an auxiliary or modal verb before any comma, relative word or quote mark. A
/// speaker after the cue is a noun phrase ("…, said the company", "…, said a woman who was
/// there"), so [`post_clause`]'s inverted reading does not fit.
///
/// Like [`subject_with_apposition`], the driver asks this before [`post_clause`]; the lexicon
/// rules that give the cue tagger its features do not.
pub(super) fn clause_after_cue(d: &Doc, s: usize, e: usize, c0: usize, after: usize) -> bool {
    if c0 < s + 4 || d.punct(c0 - 1) != Some(",") || after >= e {
        return false;
    }
    if !(s..c0 - 1).any(|j| d.punct(j) == Some(",")) {
        return false;
    }
    for k in after..e.min(after + 12) {
        match d.toks[k].kind {
            Kind::Word => {}
            Kind::Number => continue,
            _ => return false,
        }
        match d.w(k) {
            "who" | "whom" | "whose" | "which" | "that" | "where" | "when" => return false,
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would" | "can"
            | "could" | "should" | "may" | "might" | "must" | "did" | "does" => return true,
            _ => {}
        }
    }
    false
}

/// How far the driver reads a setting after an inverted speaker (see [`post_clause`]).
const DRIVER_SETTING_REACH: usize = 16;

/// A capitalised word followed by a verb in -ed inside tokens `a..b`: "said Clinton reached out
/// to McConnell" holds a clause, no speaker ("the company's recently named chair" does not).
fn name_then_verb(d: &Doc, a: usize, b: usize) -> bool {
    (a + 1..b).any(|k| {
        let prev = &d.toks[k - 1];
        prev.kind == Kind::Word
            && prev.cap
            && !is_possessive(d.w(k - 1))
            && d.toks[k].kind == Kind::Word
            && !d.toks[k].cap
            && d.w(k).ends_with("ed")
    })
}

/// The speech verbs a writer puts before the speaker ("…, said the mayor in a letter").
fn inverts(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "added" | "adds" | "wrote" | "writes" | "noted" | "explained" | "stated"
    )
}

/// `…, X said.` / `…, said X.` with no quote marks around the content. A setting may follow
/// the speaker ("on Tuesday", "in a statement"): up to 8 tokens in the lexicon rules' pass
/// that makes the tagger's features (as the shipped tagger was trained); after a speaker
/// right of the cue, up to [`DRIVER_SETTING_REACH`] for the `driver` ("…, said the company's
/// executive chair Marcelo Claure in an email to staff that was reviewed by Reuters.").
#[allow(clippy::too_many_arguments)]
pub(super) fn post_clause(
    d: &Doc,
    s: usize,
    e: usize,
    c0: usize,
    after: usize,
    cue: Cue,
    driver: bool,
) -> Option<Found> {
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
        // "Director, threat research at Cobalt, Dana Reyes, said the attack began": a name
        // between two commas before the cue is its subject (the shape is `X said …`).
        if !d.toks[after].cap && name_between_commas(d, s, comma - 1) {
            return None;
        }
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
        // The longer reach only after a speaker named right of a plain speech verb: a
        // setting after "X said" is as often the start of the content ("CNN reported at
        // least six …"), and after another verb the words are its object ("…, embarrassing
        // Hillary Clinton in a state she won", "…, told Fox News that …").
        let reach = if driver
            && src_left.is_none()
            && inverts(d.w(after - 1))
            && !name_then_verb(d, after, src_end)
        {
            DRIVER_SETTING_REACH
        } else {
            8
        };
        let mut k = tail + 1;
        while k < e
            && k < tail + reach
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
pub(super) fn pre_content(
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
pub(super) fn according(d: &Doc, s: usize, e: usize, h: usize, after: usize, out: &mut Vec<Found>) {
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
