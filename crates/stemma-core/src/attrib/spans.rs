//! Span finders: where a cue's source begins and ends (to its left, to its right, a subject,
//! an appositive, a passive's agent) and where its content ends.

use super::*;

/// Skip a time phrase ending right before token `i` ("on Tuesday", "last week"), returning
/// the index after the phrase's start.
pub(super) fn skip_time_left(d: &Doc, s: usize, mut i: usize) -> usize {
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
pub(super) fn source_left(d: &Doc, s: usize, end: usize) -> Option<(usize, usize)> {
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
    if let Some(head) = portfolio_head(d, s, i, end) {
        i = head;
    }
    (i < end).then_some((i, end))
}

/// "The Ministry of Power, Works and Housing said": a ministry's or department's name whose
/// list of portfolios holds a comma. When the phrase `(i, end)` is a list of capitalised
/// portfolios joined by "and" and right after a comma, and before that comma a name with "of"
/// or "for" opens the sentence, the start of that name.
fn portfolio_head(d: &Doc, s: usize, i: usize, end: usize) -> Option<usize> {
    if i < s + 3 || d.punct(i - 1) != Some(",") {
        return None;
    }
    // The portfolios: one to three capitalised words each, joined by "and" / "&" (or a
    // comma), none opening with a given name ("Ama Owusu and Kofi Boateng" are people).
    let (mut joins, mut words, mut item_start) = (0, 0, true);
    for k in i..end {
        let t = &d.toks[k];
        if d.is(k, "and") || d.punct(k).is_some_and(|p| matches!(p, "&" | ",")) {
            if item_start {
                return None;
            }
            joins += usize::from(d.is(k, "and") || d.punct(k) == Some("&"));
            words = 0;
            item_start = true;
            continue;
        }
        if t.kind != Kind::Word || !t.cap {
            return None;
        }
        if item_start && super::gender::of_given_name(d.w(k)).is_some() {
            return None;
        }
        words += 1;
        item_start = false;
        if words > 3 {
            return None;
        }
    }
    if joins == 0 || item_start {
        return None;
    }
    // The name before the comma: capitalised words with "of" / "for" (and "and") inside.
    let mut k = i - 1;
    let mut linked = false;
    while k > s {
        let t = &d.toks[k - 1];
        if t.kind == Kind::Word && t.cap {
            k -= 1;
        } else if d.is(k - 1, "of") || d.is(k - 1, "for") || d.is(k - 1, "and") {
            linked |= !d.is(k - 1, "and");
            k -= 1;
        } else {
            break;
        }
    }
    if k > s && d.is(k - 1, "the") {
        k -= 1;
    }
    (linked && k == s && k < i - 2 && d.toks[k].cap).then_some(k)
}

/// Scan left from `from` over the words of a name or noun phrase (not below `s`); the
/// phrase ends at `end`. `None` when it grows too long to be a speaker.
pub(super) fn scan_name_left(d: &Doc, s: usize, from: usize, end: usize) -> Option<usize> {
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
pub(super) fn agent_right(d: &Doc, i: usize, e: usize) -> Option<(usize, usize)> {
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
pub(super) fn is_passive(d: &Doc, c0: usize, after: usize) -> bool {
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
pub(super) fn is_personal(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "i" | "we" | "you" | "it")
}

/// The subject a sentence opens with: a run of names, determiners and title words.
pub(super) fn subject_of(d: &Doc, s: usize, limit: usize) -> Option<(usize, usize)> {
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
                } else if i > start
                    && named
                    && (is_possessive(d.w(i - 1)) || !d.toks[i - 1].cap)
                    && crate::entities::lexicon::flags_any_case(w, &mut String::new())
                        & (crate::entities::lexicon::TITLE | crate::entities::lexicon::ROLE_MOD)
                        != 0
                {
                    // A role after a name ("Fishermen's leader Tove Ahlgren").
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
pub(super) fn appositive_left(d: &Doc, s: usize, comma: usize) -> Option<(usize, usize)> {
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
pub(super) fn source_right(d: &Doc, i: usize, e: usize) -> Option<(usize, usize)> {
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
pub(super) fn content_end(d: &Doc, s: usize, e: usize) -> usize {
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
pub(super) fn clause_end(d: &Doc, i: usize, end: usize) -> usize {
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
