//! The roles around a name: a title before it ("US Secretary of State John Kerry", "Kremlin
//! spokesman Jane Roe"), split off the name's run, and a role after it in apposition ("Jane
//! Roe, a spokesman for the Foo Party,").

use super::lexicon::*;
use super::names::*;
use super::tokens::{is_dash, Case, Glue, Tok};
use crate::offset::Byte;

/// The longest run looked at for a title prefix.
const MAX_ROLE_RUN: usize = 12;

/// Whether tokens `a..b` hold a person's name: one to five words, no title or organisation word.
pub(super) fn person_remainder(toks: &[Tok], text: &str, a: usize, b: usize) -> bool {
    let mut words = 0;
    let mut last = 0;
    for (k, t) in toks[a..b].iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        if k == 0 && !t.is_cap() {
            return false;
        }
        if t.is_cap()
            && t.flags & (TITLE | ROLE_MOD | ORG_HEAD | ORG_PRE | ORG_NAME | STOP) != 0
            && !modal_surname(toks, text, a + k)
        {
            // A given name that is also a title word ("Major") still counts as a name; so
            // does a network's name as the surname after other words ("Dennis Fox").
            let surname = k > 0
                && a + k + 1 == b
                && t.case == Case::Upper
                && t.flags & (TITLE | ROLE_MOD | ORG_HEAD | ORG_PRE | STOP) == 0;
            if t.flags & GIVEN == 0 && !surname {
                return false;
            }
        }
        words += 1;
        last = t.flags;
    }
    let first = toks[a].flags;
    (1..=5).contains(&words)
        && last & ORG_HEAD == 0
        && !(words == 1 && first & (PLACE | DEMONYM) != 0)
}

/// Where the title prefix of a run ends: `(first name token, title token)`.
pub(super) fn split_title(
    toks: &[Tok],
    text: &str,
    t0: usize,
    t1: usize,
) -> Option<(usize, usize)> {
    if t1 - t0 > MAX_ROLE_RUN {
        return None;
    }
    let mut best = None;
    // "Employee Steve Castro": a descriptor opening the run is a role when a given name and
    // more of a name follow.
    if toks[t0].is_cap()
        && toks[t0].flags & (DESCRIPTOR | GIVEN) == DESCRIPTOR
        && t1 - t0 >= 3
        && toks[t0 + 1].is_cap()
        && toks[t0 + 1].flags & GIVEN != 0
        && person_remainder(toks, text, t0 + 1, t1)
    {
        best = Some((t0 + 1, t0));
    }
    for h in t0..t1 {
        let t = &toks[h];
        if !t.is_cap() || t.flags & (TITLE | COURTESY) == 0 {
            continue;
        }
        let mut e = h + 1;
        while e < t1 {
            let u = &toks[e];
            let complement = u.is_punct('.')
                || u.is_cap()
                    && u.flags & (TITLE | ROLE_MOD | PLACE | DEMONYM) != 0
                    && u.flags & GIVEN == 0
                || is_word(text, u, "of")
                || is_word(text, u, "for");
            if !complement {
                break;
            }
            e += 1;
        }
        // "Argus Leader of Sioux Falls": a role does not end in "of".
        while e > h + 1 && (is_word(text, &toks[e - 1], "of") || is_word(text, &toks[e - 1], "for"))
        {
            e -= 1;
        }
        // "Mr. King": after a courtesy title, a title word that is also a surname names.
        let dot = usize::from(toks.get(h + 1).is_some_and(|u| u.is_punct('.')));
        let surname = t.flags & COURTESY != 0
            && t.flags & TITLE == 0
            && h + 2 + dot == t1
            && toks[t1 - 1].is_cap()
            && is_surname_title(toks[t1 - 1].text(text));
        if surname {
            e = t1 - 1;
        }
        if e < t1 && (surname || person_remainder(toks, text, e, t1)) {
            best = Some((e, h));
        }
    }
    best
}

/// Title words that are also common surnames ("Charlie King", "Mr. Dean", "John Major").
pub(crate) fn is_surname_title(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "king", "major", "dean", "judge", "bishop", "prince", "marshal", "pope", "earl", "baron",
        "knight", "queen",
    ];
    WORDS.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether tokens `a..b` form a role phrase on their own ("US Secretary of State").
pub(super) fn role_only(toks: &[Tok], text: &str, a: usize, b: usize, buf: &mut String) -> bool {
    let mut head = false;
    let mut last = 0;
    for (k, t) in toks[a..b].iter().enumerate() {
        if t.is_punct('.') {
            continue;
        }
        if !t.is_word() {
            return false;
        }
        let f = tok_flags(text, t, buf);
        // A given name and a title word that ends the run: a surname ("Charlie King",
        // "Howard Dean", "John Major").
        if a + k + 1 == b
            && k == 1
            && last & GIVEN != 0
            && last & (TITLE | ROLE_MOD | PLACE | DEMONYM | ORG_HEAD | ORG_PRE | ORG_NAME) == 0
            && is_surname_title(t.text(text))
        {
            return false;
        }
        // "Department of Justice", "Ministry of Justice": an organisation's word opens a
        // name, whatever title word follows.
        if k == 0 && f & TITLE == 0 && f & ORG_PRE != 0 {
            return false;
        }
        last = f;
        if f & TITLE != 0 {
            head = true;
        } else if f & (ROLE_MOD | PLACE | DEMONYM) == 0
            && !(t.is_cap()
                || is_word(text, t, "of")
                || is_word(text, t, "for")
                || is_word(text, t, "the"))
        {
            return false;
        }
    }
    // "Republican Party" is a name, not a role.
    head && last & ORG_HEAD == 0
}

/// A role phrase that ends with the title word at `k`, walking left over modifiers, "of",
/// possessives and capitalised qualifiers ("Russia's foreign minister", "Kremlin spokesman").
pub(super) fn role_ending_at(toks: &[Tok], text: &str, k: usize, buf: &mut String) -> usize {
    let mut s = k;
    let mut steps = 0;
    while s > 0 && steps < MAX_ROLE_WORDS && !toks[s].nl {
        let p = &toks[s - 1];
        let cur = &toks[s];
        let take = if cur.glue == Glue::Apos && is_word(text, cur, "s") {
            p.is_word()
        } else if !p.is_word() || !cur.space && cur.glue == Glue::None {
            false
        } else if p.is_cap() {
            p.flags & (STOP | TIME) == 0
        } else if p.case == Case::Lower {
            is_word(text, p, "of")
                || is_word(text, p, "for")
                || (p.glue == Glue::Apos && is_word(text, p, "s"))
                || tok_flags(text, p, buf) & (TITLE | ROLE_MOD) != 0
        } else {
            false
        };
        if !take {
            break;
        }
        s -= 1;
        steps += 1;
    }
    while s < k && (is_word(text, &toks[s], "of") || is_word(text, &toks[s], "for")) {
        s += 1;
    }
    s
}

/// Small words inside a role phrase ("minister of state for the interior").
const ROLE_JOINERS: [&str; 8] = ["of", "for", "at", "in", "the", "and", "to", "on"];

/// "…, a spokesman for the Foo Party," after a name: the role's byte range.
pub(super) fn appositive_after(
    toks: &[Tok],
    text: &str,
    comma: usize,
    buf: &mut String,
) -> Option<(Byte, Byte)> {
    let mut k = comma + 1;
    const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their"];
    if toks
        .get(k)
        .is_some_and(|t| t.case == Case::Lower && DETERMINERS.iter().any(|d| is_word(text, t, d)))
    {
        k += 1;
    }
    let start = k;
    let mut head = false;
    let mut end = None;
    while k < toks.len() && k - start < MAX_ROLE_WORDS {
        let u = &toks[k];
        if u.nl && k > start {
            break;
        }
        match u.case {
            Case::Punct => {
                if matches!(u.ch, ',' | '.' | ';' | ')' | ':') || is_dash(u.ch) {
                    break;
                }
                return None;
            }
            Case::Upper | Case::Caps => {}
            Case::Lower => {
                let f = tok_flags(text, u, buf);
                let joins = ROLE_JOINERS.iter().any(|w| is_word(text, u, w))
                    || (u.glue == Glue::Apos && is_word(text, u, "s"));
                // "a major hub": the rank that is also an adjective, before a noun that is
                // no role, is no role ("chief mechanic", "general contractor" are).
                let qualifies = is_word(text, u, "major")
                    && toks.get(k + 1).is_some_and(|n| {
                        n.case == Case::Lower
                            && !n.nl
                            && tok_flags(text, n, buf) & (TITLE | ROLE_MOD) == 0
                            && !ROLE_JOINERS.iter().any(|w| is_word(text, n, w))
                    });
                if f & TITLE != 0 && k - start < 6 && !qualifies {
                    head = true;
                } else if f & ROLE_MOD == 0 && !joins {
                    if head {
                        end = Some(k);
                        break;
                    }
                    return None;
                }
            }
            _ => return None,
        }
        k += 1;
    }
    if !head || k == start {
        return None;
    }
    let mut last = end.unwrap_or(k) - 1;
    // Drop trailing joiners ("… of the").
    while last > start && ROLE_JOINERS.iter().any(|w| is_word(text, &toks[last], w)) {
        last -= 1;
    }
    Some((toks[start].bs, toks[last].be))
}

/// Whether tokens `a..b` hold a title word: a prefix of only "Mr." is no role.
pub(super) fn has_title(toks: &[Tok], a: usize, b: usize) -> bool {
    toks[a..b]
        .iter()
        .any(|t| t.is_cap() && t.flags & TITLE != 0)
}

/// A role given next to the name: "[US Secretary of State] John Kerry", "Kremlin spokesman
/// Jane Roe", "the foreign minister, Jane Roe,", "Jane Roe, a spokesman for the Foo Party,".
pub(super) fn context_role(
    toks: &[Tok],
    text: &str,
    run: &Run,
    buf: &mut String,
) -> Option<(Byte, Byte)> {
    let t0 = run.t0;
    let after_comma = toks.get(run.t1).is_some_and(|t| t.is_punct(','));
    if t0 > 0 {
        let p = &toks[t0 - 1];
        if (p.is_punct(']') || p.is_punct(')')) && !toks[t0].nl {
            let open = if p.ch == ']' { '[' } else { '(' };
            let lo = t0.saturating_sub(MAX_ROLE_WORDS + 2);
            if let Some(o) = (lo..t0 - 1).rev().find(|&k| toks[k].is_punct(open)) {
                if o + 1 < t0 - 1 && role_only(toks, text, o + 1, t0 - 1, buf) {
                    return Some((toks[o + 1].bs, toks[t0 - 2].be));
                }
            }
        }
        if p.case == Case::Lower
            && toks[t0].space
            && !toks[t0].nl
            && tok_flags(text, p, buf) & TITLE != 0
        {
            let s = role_ending_at(toks, text, t0 - 1, buf);
            return Some((toks[s].bs, p.be));
        }
        if p.is_punct(',') && after_comma && t0 >= 2 {
            let q = &toks[t0 - 2];
            if q.case == Case::Lower && tok_flags(text, q, buf) & TITLE != 0 {
                let s = role_ending_at(toks, text, t0 - 2, buf);
                return Some((toks[s].bs, q.be));
            }
        }
    }
    if after_comma {
        return appositive_after(toks, text, run.t1, buf);
    }
    None
}
