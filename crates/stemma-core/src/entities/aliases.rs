//! Alias claims: the constructions by which a text says that two names name one thing.
//!
//! "X (aka Y)", "X (a.k.a. Y)", "X, also known as Y", "X, also called Y", "X, formerly (known
//! as) Y", "X, now called Y", "X renamed/rebranded (itself) (as) Y", "X changed its name to Y",
//! "X ( a new brand – Y)", "X (Y)" and "X (Y/Z)".

use super::keys::canonical_key;
use super::lexicon::{AGENCY, GIVEN};
use super::names::{is_word, Run};
use super::tokens::{is_dash, Case, Tok};
use crate::offset::{Byte, Char};

/// How far a parenthesis is searched for its closing mark.
const MAX_PAREN: usize = 24;

/// One claim: run `x` is also called each run in `ys`; the evidence is a byte and code-point
/// range of the text.
#[derive(Debug, Clone)]
pub(crate) struct Claim {
    pub x: usize,
    pub ys: Vec<usize>,
    pub bs: Byte,
    pub be: Byte,
    pub cs: Char,
    pub ce: Char,
}

/// Where a cue may stand: inside "X (… Y)", after "X, …", right after "X".
const IN_PAREN: u8 = 1;
const AFTER_COMMA: u8 = 2;
const BARE: u8 = 4;
const ANYWHERE: u8 = IN_PAREN | AFTER_COMMA | BARE;
const NOT_BARE: u8 = IN_PAREN | AFTER_COMMA;

/// The words that introduce another name, longest first.
const CUES: &[(&[&str], u8)] = &[
    (&["also", "known", "as"], ANYWHERE),
    (&["otherwise", "known", "as"], ANYWHERE),
    (&["formerly", "known", "as"], ANYWHERE),
    (&["previously", "known", "as"], NOT_BARE),
    (&["now", "known", "as"], NOT_BARE),
    (&["also", "called"], ANYWHERE),
    (&["formerly", "called"], NOT_BARE),
    (&["previously", "called"], NOT_BARE),
    (&["now", "called"], NOT_BARE),
    (&["known", "as"], NOT_BARE),
    (&["aka"], ANYWHERE),
    (&["a.k.a."], ANYWHERE),
    (&["formerly"], NOT_BARE),
    (&["previously"], IN_PAREN),
    (&["now"], IN_PAREN),
    (&["called"], IN_PAREN),
    (&["alias"], IN_PAREN),
    (&["or"], IN_PAREN),
];

fn match_words(text: &str, toks: &[Tok], at: usize, words: &[&str]) -> Option<usize> {
    for (n, w) in words.iter().enumerate() {
        let t = toks.get(at + n)?;
        if !matches!(t.case, Case::Lower | Case::Upper) || !t.text(text).eq_ignore_ascii_case(w) {
            return None;
        }
    }
    Some(at + words.len())
}

fn match_cue(text: &str, toks: &[Tok], at: usize, place: u8) -> Option<usize> {
    CUES.iter()
        .filter(|(_, p)| p & place != 0)
        .find_map(|(c, _)| match_words(text, toks, at, c))
}

fn is_quote(t: &Tok) -> bool {
    t.case == Case::Punct
        && matches!(
            t.ch,
            '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}' | '\u{bb}'
        )
}

/// The run that starts at token `at`, after an article or an opening quote.
fn run_starting(text: &str, toks: &[Tok], runs: &[Run], mut at: usize) -> Option<usize> {
    for _ in 0..2 {
        match toks.get(at) {
            Some(t) if is_quote(t) || is_word(text, t, "the") && t.case == Case::Lower => at += 1,
            _ => break,
        }
    }
    // A stripped leading "The" leaves the run one token later.
    let r = runs.partition_point(|r| r.t0 < at);
    runs.get(r).is_some_and(|run| run.t0 <= at + 1).then_some(r)
}

/// Runs that make up `a..b` exactly, separated by "/", "," or "or".
fn segments(text: &str, toks: &[Tok], runs: &[Run], a: usize, b: usize) -> Option<Vec<usize>> {
    let mut ys = Vec::new();
    let mut s = a;
    while s < b {
        let e = (s..b)
            .find(|&k| {
                let t = &toks[k];
                t.is_punct('/')
                    || t.is_punct(',')
                    || t.is_punct(';')
                    || is_word(text, t, "or") && t.case == Case::Lower
            })
            .unwrap_or(b);
        let mut e2 = e;
        while e2 > s && is_quote(&toks[e2 - 1]) {
            e2 -= 1;
        }
        let r = run_starting(text, toks, runs, s)?;
        if runs[r].t1 != e2 {
            return None;
        }
        ys.push(r);
        s = e + 1;
    }
    (!ys.is_empty()).then_some(ys)
}

fn claim(runs: &[Run], toks: &[Tok], x: usize, ys: Vec<usize>, end_tok: usize) -> Claim {
    let end = &toks[end_tok];
    Claim {
        x,
        ys,
        bs: runs[x].bs,
        be: end.be,
        cs: runs[x].cs,
        ce: end.ce,
    }
}

/// A bare "X (Y)" is an alias unless Y is a credit, a place after a non-place, other than a
/// place's initials after a place ("NEW JERSEY (WKVT)" is a dateline and its station; "the
/// United Kingdom (UK)" is one place), or X a person.
fn bare_ok(text: &str, runs: &[Run], x: usize, ys: &[usize]) -> bool {
    let xr = &runs[x];
    if xr.role.is_some() || xr.courtesy || (xr.first_flags & GIVEN != 0 && xr.words > 1) {
        return false;
    }
    let mut key = String::new();
    canonical_key(xr.name(text), &mut key);
    let x_place = super::lexicon::canonical_place(&key).is_some();
    let mut initials = String::new();
    let x_initials = x_place && super::keys::acronym(xr.name(text), &mut initials);
    ys.iter().all(|&y| {
        let yr = &runs[y];
        canonical_key(yr.name(text), &mut key);
        let y_place = super::lexicon::canonical_place(&key).is_some();
        let place_initials = x_initials && yr.name(text).to_lowercase() == initials;
        !(yr.words == 1 && yr.first_flags & AGENCY != 0)
            && (x_place || !y_place)
            && (!x_place || y_place || place_initials)
            && yr.be.since(yr.bs) > 1
            && yr.role.is_none()
    })
}

fn paren_claim(text: &str, toks: &[Tok], runs: &[Run], x: usize) -> Option<Claim> {
    let open = runs[x].t1;
    if !toks.get(open)?.is_punct('(') {
        return None;
    }
    let close = (open + 1..(open + MAX_PAREN).min(toks.len()))
        .take_while(|&k| !toks[k].is_punct('('))
        .find(|&k| toks[k].is_punct(')'))?;
    let a = open + 1;
    if let Some(k) = match_cue(text, toks, a, IN_PAREN) {
        let ys = segments(text, toks, runs, k, close)?;
        return Some(claim(runs, toks, x, ys, close));
    }
    // "( a new brand - Y)": a short description, a dash, the new name.
    if let Some(d) =
        (a..close.min(a + 7)).find(|&k| toks[k].case == Case::Punct && is_dash(toks[k].ch))
    {
        let ys = segments(text, toks, runs, d + 1, close)?;
        return Some(claim(runs, toks, x, ys, close));
    }
    // "NEW ARLAND (WKVT) -- …": a dateline's place and the station or agency that sent it.
    let line_start = runs[x].t0 == 0 || toks[runs[x].t0].nl;
    let dash = toks
        .get(close + 1)
        .is_some_and(|t| t.case == Case::Punct && is_dash(t.ch) && t.space);
    if line_start && dash {
        return None;
    }
    let ys = segments(text, toks, runs, a, close)?;
    bare_ok(text, runs, x, &ys).then(|| claim(runs, toks, x, ys, close))
}

fn inline_claim(text: &str, toks: &[Tok], runs: &[Run], x: usize) -> Option<Claim> {
    let e = runs[x].t1;
    let comma = toks.get(e)?.is_punct(',');
    // Every cue starts with one of these letters.
    let first = toks.get(e + usize::from(comma))?;
    let lead = first.text(text).as_bytes().first()?.to_ascii_lowercase();
    if !first.is_word() || !matches!(lead, b'a' | b'o' | b'f' | b'p' | b'n' | b'k') {
        return None;
    }
    let k = if comma {
        match_cue(text, toks, e + 1, AFTER_COMMA)?
    } else {
        match_cue(text, toks, e, BARE)?
    };
    let y = run_starting(text, toks, runs, k)?;
    let mut end = runs[y].t1 - 1;
    if toks.get(end + 1).is_some_and(is_quote) {
        end += 1;
    }
    Some(claim(runs, toks, x, vec![y], end))
}

fn rename_claim(text: &str, toks: &[Tok], runs: &[Run], x: usize) -> Option<Claim> {
    const SKIP: &[&str] = &[
        "was",
        "has",
        "had",
        "been",
        "is",
        "which",
        "that",
        "it",
        "later",
        "recently",
        "officially",
        "then",
        "since",
        "subsequently",
        "formally",
        "itself",
        "have",
        "were",
    ];
    let mut k = runs[x].t1;
    // Cheap test first: a renaming verb close after the name.
    let near = toks.get(k..(k + 6).min(toks.len()))?;
    let verb = near.iter().any(|t| {
        t.case == Case::Lower && t.be.since(t.bs) >= 6 && {
            let w = t.text(text).as_bytes();
            w.starts_with(b"renam") || w.starts_with(b"rebrand") || w.starts_with(b"chang")
        }
    });
    if !verb {
        return None;
    }
    for _ in 0..5 {
        let t = toks.get(k)?;
        if t.is_punct(',') || t.case == Case::Lower && SKIP.iter().any(|w| is_word(text, t, w)) {
            k += 1;
        } else {
            break;
        }
    }
    let verbs: &[&[&str]] = &[
        &["renamed", "itself", "as"],
        &["rebranded", "itself", "as"],
        &["renamed", "themselves", "as"],
        &["rebranded", "themselves", "as"],
        &["renamed", "itself"],
        &["rebranded", "itself"],
        &["renamed", "themselves"],
        &["rebranded", "themselves"],
        &["renamed", "as"],
        &["rebranded", "as"],
        &["renamed", "to"],
        &["rebranded", "to"],
        &["renamed"],
        &["rebranded"],
        &["renames", "itself"],
        &["rebrands", "itself", "as"],
        &["rebrands", "as"],
        &["changed", "its", "name", "to"],
        &["changed", "their", "name", "to"],
        &["changes", "its", "name", "to"],
    ];
    let k = verbs.iter().find_map(|c| match_words(text, toks, k, c))?;
    let y = run_starting(text, toks, runs, k)?;
    let mut end = runs[y].t1 - 1;
    if toks.get(end + 1).is_some_and(is_quote) {
        end += 1;
    }
    Some(claim(runs, toks, x, vec![y], end))
}

/// Every alias claim of a text, in order of X.
pub(crate) fn find_claims(text: &str, toks: &[Tok], runs: &[Run]) -> Vec<Claim> {
    let mut out = Vec::new();
    for x in 0..runs.len() {
        if let Some(c) = paren_claim(text, toks, runs, x)
            .or_else(|| inline_claim(text, toks, runs, x))
            .or_else(|| rename_claim(text, toks, runs, x))
        {
            out.push(c);
        }
    }
    out
}
