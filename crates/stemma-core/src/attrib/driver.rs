//! The driver: each sentence's cue phrases (from the tagger, or the lexicon alone), each
//! handed to the sentence shapes in turn, with the checks every attribution passes.

use super::*;

/// Everything attributed in `text` (byte offsets), in text order of the cues.
pub fn find(text: &str) -> Vec<Found> {
    find_with(text, learned::shipped())
}

/// [`find`] with another cue model (`None`: the lexicon rules alone).
pub fn find_with(text: &str, model: Option<&learned::Model>) -> Vec<Found> {
    find_in(&Doc::new(text), model)
}

/// [`find_with`] on a text already read into a [`Doc`].
pub(super) fn find_in(d: &Doc, model: Option<&learned::Model>) -> Vec<Found> {
    let mut out = Vec::new();
    let table = model.map(|_| learned::Table::new(d));
    for si in 0..d.sents.len() {
        let before = out.len();
        sentence(d, si, model.zip(table.as_ref()), &mut out);
        if model.is_some() && out.len() == before {
            told_after_a_clause(d, si, &mut out);
        }
    }
    layout_attributions(d, &mut out);
    for &(s, e) in &d.sents {
        if let Some(f) = in_a_poll(d, s, e) {
            out.push(f);
        }
    }
    for f in &mut out {
        split_contraction(d, f);
        relative_content(d, f);
        told_listener_after(d, f);
    }
    // What each is to a reader; events that report nobody's words go.
    out.retain_mut(|f| {
        let Some((mode, words)) = reading(d, f) else {
            return false;
        };
        (f.mode, f.words) = (mode, words);
        true
    });
    out.sort_by_key(|f| f.cue.0);
    out.dedup_by_key(|f| f.cue);
    drop_colon_twins(d, &mut out);
    drop_claimed_pieces(d, &mut out);
    drop_questions_as_content(&mut out);
    out
}

/// "Asked about his minutes, Marcus shrugged.": the reporter's question ("Asked about …") is
/// no content of a cue after it; an attribution whose content opens with a question's cue
/// goes.
fn drop_questions_as_content(out: &mut Vec<Found>) {
    let asked: Vec<Byte> = out
        .iter()
        .filter(|f| f.act == SpeechAct::Question)
        .map(|f| f.cue.0)
        .collect();
    if asked.is_empty() {
        return;
    }
    out.retain(|f| {
        f.act == SpeechAct::Question
            || !f
                .content
                .first()
                .is_some_and(|c| c.0 <= f.cue.0 && asked.contains(&c.0))
    });
}

/// "“…,” said Anna Kessley. “We expect ships by Friday,” the spokesperson added.": the
/// second quotation is no piece of the first speaker's interrupted quote when another cue
/// claims it as its own content and the quotation ends with the comma that hands it to that
/// cue.
fn drop_claimed_pieces(d: &Doc, out: &mut [Found]) {
    if !out.iter().any(|f| f.content.len() > 1) {
        return;
    }
    let firsts: rustc_hash::FxHashSet<Range> = out
        .iter()
        .filter_map(|f| f.content.first().copied())
        .collect();
    let handed_on = |r: &Range| {
        text_of(d.text, *r)
            .trim_end_matches(|c: char| tokens::is_quote_char(c))
            .ends_with(',')
    };
    for f in out.iter_mut().filter(|f| f.content.len() > 1) {
        let first = f.content[0];
        f.content
            .retain(|r| *r == first || !(firsts.contains(r) && handed_on(r)));
    }
}

/// "Crews will work through the night, the utility told customers in an email.": a sentence
/// where the tagger found nothing, a clause, a comma, a source and "told" with its listener:
/// the lexicon rules read it.
fn told_after_a_clause(d: &Doc, si: usize, out: &mut Vec<Found>) {
    let (s, e) = d.sents[si];
    let told = |k: usize| matches!(d.w(k), "told" | "tells");
    // Most sentences have no "told": looked for before the cue heads are made; a quotation
    // is the other shapes' to read.
    if !(s..e).any(|k| d.lex[k].is_some() && told(k))
        || (s..e).any(|k| d.toks[k].kind == Kind::Quote)
    {
        return;
    }
    let heads: Vec<_> = cue_heads(d, s, e)
        .into_iter()
        .filter(|&(h, ..)| {
            // A short source after the last comma, and a listener after the verb (not
            // "…, which happened to a real person, told simply.").
            let comma = (s + 3..h).rev().find(|&k| d.is(k, ","));
            told(h)
                && comma.is_some_and(|c| (2..=6).contains(&(h - c)))
                && d.toks.get(h + 1).is_some_and(|t| t.kind == Kind::Word)
                && !d.w(h + 1).ends_with("ly")
        })
        .collect();
    if heads.len() == 1 {
        sentence_by_rules_with(d, s, e, &heads, out);
    }
}

/// "Carys told the Herald: “…”": the colon before the quotation is no cue of its own when a
/// worded cue already claims the same content (it would credit the quote to the Herald).
fn drop_colon_twins(d: &Doc, out: &mut Vec<Found>) {
    let bare = |f: &Found| !text_of(d.text, f.cue).chars().any(char::is_alphanumeric);
    if !out.iter().any(|f| bare(f) && !f.content.is_empty()) {
        return;
    }
    // Looked up, not walked: a text of many quotations stays linear.
    let worded: rustc_hash::FxHashSet<Vec<Range>> = out
        .iter()
        .filter(|f| !bare(f) && !f.content.is_empty())
        .map(|f| f.content.clone())
        .collect();
    out.retain(|f| !(bare(f) && worded.contains(&f.content)));
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

pub(super) fn sentence(
    d: &Doc,
    si: usize,
    model: Option<(&learned::Model, &learned::Table)>,
    out: &mut Vec<Found>,
) {
    let (s0, e) = d.sents[si];
    let Some((model, table)) = model else {
        return sentence_by_rules(d, s0, e, out);
    };
    // Cue phrases: runs of tokens the tagger marks.
    let marks = learned::cue_tokens(model, d, table, s0, e);
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
            runs.push((s0 + a, s0 + i));
        } else {
            i += 1;
        }
    }
    // "WASHINGTON — Sen. Ada Marlow (D) on Wednesday downplayed the row and said …": the
    // shapes read the sentence after a paragraph's dateline, whose place speaks for nobody.
    // (The tagger and the rules it learns from read the whole sentence, as it was trained.)
    let s = if s0 == 0 || d.toks[s0].para_start {
        tokens::dateline_end(d.text, &d.toks, s0)
            .filter(|&a| a < e)
            .unwrap_or(s0)
    } else {
        s0
    };
    runs.retain(|r| r.0 >= s);
    // "according to" is one cue whichever half the tagger marked.
    for r in &mut runs {
        if r.0 > s && d.is(r.0, "to") && d.is(r.0 - 1, "according") {
            r.0 -= 1;
        }
        if d.is(r.1 - 1, "according") && d.is(r.1, "to") {
            r.1 += 1;
        }
    }
    // "Theresa May said": the surname (which `Doc` keeps capitalised) is not the cue's
    // auxiliary.
    for r in &mut runs {
        if r.1 - r.0 > 1 && d.w(r.0) == "May" {
            r.0 += 1;
        }
        // "Clinton boldly suggested": the manner adverb right before the cue is the cue's
        // (as PolNeAR marks it), not the end of the speaker's name.
        if r.0 > s + 1 && manner_adverb(d, r.0 - 1) {
            r.0 -= 1;
        }
    }
    runs.dedup();
    let first_here = out.len();
    for (k, &(c0, after)) in runs.iter().enumerate() {
        // Scare quotes and quoted words are not cues; "known as" names, it reports nothing;
        // "having said that", "needless to say" only join the writer's sentences.
        if (c0..after).all(|j| d.in_any_quote(j))
            || d.is(after - 1, "known") && d.is(after, "as")
            || discourse_marker(d, c0, after)
        {
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
        let found = inverted(d, e, (c0, after), cue)
            .or_else(|| {
                if quoted_title_before(d, s, e, c0, after) {
                    return None;
                }
                post_quote(d, s, e, c0, after, cue, true)
            })
            .or_else(|| {
                // "Tomas Brekke, launching a new attack, called the levy a disgrace": what
                // follows "called" is what he called it, never a speaker ("…, said the mayor").
                if subject_with_apposition(d, s, e, c0, after)
                    || clause_after_cue(d, s, e, c0, after)
                    || d.w(h).starts_with("call")
                {
                    return None;
                }
                post_clause(d, s, e, c0, after, cue, true)
            })
            .or_else(|| pre_content(d, s, e, c0, after, cue, next_head))
            .unwrap_or_else(|| fallback(d, s, e, c0, after, cue, next_head));
        // ", adding …", ", saying …": the speaker of the clause before.
        let mut found = found;
        // "Publicly, the mayor dismisses the levy and says …": the adverb that opens the
        // sentence is no speaker; the subject after it is.
        if let Some(k) = found.source.and_then(|(a, b)| {
            d.tok_at(a)
                .filter(|&k| k == s && d.toks[k].end == b && opening_adverb(d, k))
        }) {
            found.source = subject_of(d, k + 2, c0).map(|(x, y)| d.range(x, y - 1));
        }
        if cue.recipient {
            quoted_recipient_is_no_content(d, &mut found);
            recipient_before_colon(d, &mut found);
            bare_recipient_is_no_content(d, &mut found);
        }
        // The cue phrase may open with a participle of its own ("…,” Sanders said, going on
        // to say that …").
        let participle = !cue.finite || d.toks[c0].kind == Kind::Word && d.w(c0).ends_with("ing");
        if participle && c0 > s && d.punct(c0 - 1) == Some(",") {
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
            // Nobody then, and no known reporting word: no attribution ("ending a
            // three-year dispute over who should pay").
            if d.lex_at(h).is_none_or(|c| c.mode != Mode::Speech) {
                continue;
            }
        }
        out.push(found);
    }
}

/// Token `k` is an adverb in -ly set off by a comma ("Publicly,", "Separately,"), not a given
/// name ("Kelly,", "Beverly,").
fn opening_adverb(d: &Doc, k: usize) -> bool {
    let w = d.w(k);
    d.toks[k].kind == Kind::Word
        && w.len() >= 6
        && w.ends_with("ly")
        && d.punct(k + 1) == Some(",")
        && crate::entities::lexicon::flags(w) & crate::entities::lexicon::GIVEN == 0
}

/// Token `i` is an adverb in -ly that qualifies the cue after it ("boldly", "repeatedly"): a
/// lower-case word outside quotes, not a noun in -ly ("the family", "an ally").
fn manner_adverb(d: &Doc, i: usize) -> bool {
    const NOUNS: &str = "family ally rally supply reply assembly anomaly monopoly bully belly \
                         fly jelly lily folly homily only respectively";
    const DETERMINERS: &str = "the a an his her their its our my your this that whose";
    let t = &d.toks[i];
    let w = d.w(i);
    t.kind == Kind::Word
        && !t.cap
        && w.len() > 4
        && w.ends_with("ly")
        && d.inq[i].is_none()
        && !NOUNS.split_whitespace().any(|n| n == w)
        && !(i > 0 && DETERMINERS.split_whitespace().any(|x| d.is(i - 1, x)))
        && d.lex_at(i).is_none()
}

/// The cue phrase `c0..after` is part of a fixed phrase that links the writer's sentences and
/// reports nobody's words: "having said that", "that said", "that being said", "needless to
/// say", "suffice it to say", "so to speak", "that is to say", "to say the least"; and the
/// writer's own asides: "it's worth noting that", "it should be noted that", "it is fair to
/// say".
pub(super) fn discourse_marker(d: &Doc, c0: usize, after: usize) -> bool {
    let Some(h) = (c0..after).find(|&j| {
        matches!(
            d.w(j),
            "said"
                | "say"
                | "speak"
                | "noting"
                | "mentioning"
                | "noted"
                | "mentioned"
                | "note"
                | "mention"
        )
    }) else {
        return false;
    };
    let before = |k: usize, w: &str| h >= k && d.is(h - k, w);
    // "it should be noted", "it must be said": the writer's aside.
    let aside = before(1, "be")
        && ["should", "must", "can", "could", "may"]
            .iter()
            .any(|m| before(2, m))
        && before(3, "it");
    // "it is fair to say", "it's important to note", "worth noting".
    let judged = before(1, "to")
        && [
            "fair",
            "safe",
            "important",
            "worth",
            "interesting",
            "notable",
        ]
        .iter()
        .any(|a| before(2, a));
    if aside && matches!(d.w(h), "noted" | "mentioned" | "said") || judged {
        return true;
    }
    match d.w(h) {
        "noting" | "mentioning" => before(1, "worth"),
        "said" => {
            (before(1, "having") && d.is(h + 1, "that"))
                || (before(1, "that")
                    && d.punct(h + 1) == Some(",")
                    && (d.toks[h - 1].cap || h < 2 || d.punct(h - 2).is_some()))
                || (before(1, "being") && before(2, "that"))
        }
        "say" => {
            (before(1, "to") && (before(2, "needless") || before(2, "is") && before(3, "that")))
                || (before(1, "to") && before(2, "it") && before(3, "suffice"))
                || (before(1, "to") && d.is(h + 1, "the") && d.is(h + 2, "least"))
        }
        "speak" => before(1, "to") && before(2, "so"),
        _ => false,
    }
}

/// "Sanders told MSNBC's “Morning Joe” that nobody would …": a short quotation right after
/// the cue, followed by "that", names whom the words were told (a programme, a paper), so the
/// content opens at "that". The content stays mixed only if it still holds a quotation.
fn quoted_recipient_is_no_content(d: &Doc, f: &mut Found) {
    let Some(&(a, b)) = f.content.first() else {
        return;
    };
    let Some(k) = d.tok_at(a) else {
        return;
    };
    let Some(r) = d.inq[k].map(|q| d.regions[q as usize]) else {
        return;
    };
    if r.open != k || r.single || !r.closed || r.close - r.open > 6 || !d.is(r.close + 1, "that") {
        return;
    }
    let start = d.toks[r.close + 1].start;
    if start >= b {
        return;
    }
    f.content[0].0 = start;
    let quoted = f.content.iter().any(|&(x, y)| {
        let from = d.toks.partition_point(|t| t.start < x);
        let to = d.toks.partition_point(|t| t.start < y);
        (from..to).any(|j| d.inq[j].is_some())
    });
    if !quoted && f.kind == QuoteKind::Mixed {
        f.kind = QuoteKind::Indirect;
    }
}

/// "He told the BBC interviewer: “I took the call …”": a content of a few words before a colon
/// and a quotation is whom the words were told; the quotation is what was said.
fn recipient_before_colon(d: &Doc, f: &mut Found) {
    let [(a, b)] = f.content[..] else {
        return;
    };
    let Some(k) = d.tok_at(a) else {
        return;
    };
    let end = d.toks.partition_point(|t| t.start < b);
    if end > k + 4 || (k..end).any(|j| d.toks[j].kind != Kind::Word || d.inq[j].is_some()) {
        return;
    }
    if d.punct(end) != Some(":") {
        return;
    }
    let Some(r) = d.region_at(end + 1) else {
        return;
    };
    f.content = quote_pieces(d, r.open)
        .into_iter()
        .map(|(x, y)| d.range(x, y))
        .collect();
    f.kind = QuoteKind::Direct;
}

/// "He told police he supported the plan", "She told reporters the vote was close": a bare
/// plural or group noun right after a cue that names whom it told, before a clause that opens
/// with a pronoun, "that", an article or a name, is whom the words were told, not the words.
fn bare_recipient_is_no_content(d: &Doc, f: &mut Found) {
    const TELLS: &[&str] = &[
        "told", "tell", "tells", "telling", "informed", "informs", "assured", "assures", "warned",
        "warns", "reminded", "reminds", "notified", "briefed", "advised",
    ];
    const GROUPS: &[&str] = &["police", "staff", "parliament", "congress", "management"];
    let Some(&(a, b)) = f.content.first() else {
        return;
    };
    let Some(k) = d.tok_at(a) else {
        return;
    };
    // The noun comes right after a verb of telling ("asked about concerns that …" names
    // the subject, not whom).
    if k == 0 || d.toks[k - 1].end != f.cue.1 || !TELLS.contains(&d.w(k - 1)) {
        return;
    }
    let t = &d.toks[k];
    if t.kind != Kind::Word || t.cap || d.inq[k].is_some() {
        return;
    }
    let w = d.w(k);
    let plural = w.len() > 4
        && w.ends_with('s')
        && !["ss", "us", "is", "ways", "times", "wards", "sides"]
            .iter()
            .any(|x| w.ends_with(x));
    if !(plural || GROUPS.contains(&w)) {
        return;
    }
    let n = k + 1;
    let Some(next) = d
        .toks
        .get(n)
        .filter(|x| x.start < b && x.kind == Kind::Word)
    else {
        return;
    };
    let opens = CLAUSE_OPENERS.contains(&d.w(n))
        || next.cap && d.inq[n].is_none() && !cues::is_time_word(d.w(n));
    if opens {
        f.content[0].0 = next.start;
    }
}

/// Words a reported clause opens with after its cue: "that", an article, a possessive or a
/// personal pronoun.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "the", "a", "an", "his", "her", "its", "their", "our", "my", "he", "she", "it", "they",
    "we", "there",
];

/// "On this weekend's broadcast of “Fox News Sunday,” the governor said his running mate …":
/// the quotation before the speaker sits inside the sentence's opening phrase (a word comes
/// right before it), so it names a programme, a book or a phrase, and a clause after the cue
/// is what was said. Not "“We will win,” Smith said." (the quotation opens the sentence),
/// "She called it “a disgrace,” Smith said." (nothing follows the cue) nor "…,” said a
/// source close to the campaign" (the speaker follows the cue).
fn quoted_title_before(d: &Doc, s: usize, e: usize, c0: usize, after: usize) -> bool {
    // A clause goes on after the cue: it opens with "that", an article, a possessive or a
    // personal pronoun (not "said last week", "wrote in an email", "said Mr. Burman").
    if after >= e
        || d.toks[after].kind != Kind::Word
        || d.toks[after].cap
        || d.inq[after].is_some()
        || !CLAUSE_OPENERS.contains(&d.w(after))
    {
        return false;
    }
    let mut j = c0;
    while j > s && d.inq[j - 1].is_none() {
        j -= 1;
    }
    let Some(k) = (j > s).then(|| d.inq[j - 1]).flatten() else {
        return false;
    };
    let r = d.regions[k as usize];
    // The speaker stands between the quotation and the cue (not "…,” said a source close to
    // the campaign", where the words after the cue are the speaker).
    let speaker_between = (j..c0).any(|x| d.toks[x].kind == Kind::Word);
    speaker_between
        && r.open > s
        && d.toks[r.open - 1].kind == Kind::Word
        && !d.toks[r.open - 1].cap
}

/// A cue the shapes above do not fit: keep the cue, take the speaker and the words as well as
/// the sentence allows.
pub(super) fn fallback(
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
        let mut end = content_end(d, a, next_head.min(e));
        // "Asked whether he would run, the senator said …": the reporter's question ends at
        // the comma before the answer's speaker.
        if c0 == s && d.w(c0) == "asked" && next_head < e {
            if let Some(k) = (a..end.min(next_head))
                .rev()
                .find(|&k| d.punct(k) == Some(","))
            {
                if next_head - k <= 8 {
                    end = k;
                }
            }
        }
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
pub(super) fn names_nobody(d: &Doc, k: usize, end: Byte) -> bool {
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
pub(super) fn sentence_by_rules(d: &Doc, s: usize, e: usize, out: &mut Vec<Found>) {
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
        if let Some(f) = post_quote(d, s, e, c0, after, cue, false)
            .or_else(|| post_clause(d, s, e, c0, after, cue, false))
            .or_else(|| pre_content(d, s, e, c0, after, cue, next_head))
        {
            out.push(f);
        }
    }
}
