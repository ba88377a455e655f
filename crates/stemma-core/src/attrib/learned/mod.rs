//! The learned cue tagger: which tokens belong to a cue ("said", "has also said",
//! "according to", a colon before a quote). A linear-chain conditional random field over
//! hashed context features tags each sentence's tokens O (outside), B (a cue begins) or I (a
//! cue goes on); Viterbi decoding picks the best tag sequence, so a cue's words are decided
//! together rather than one by one. The weights are trained in Rust on PolNeAR train
//! (`stemma-bench train-cues`, stochastic gradient descent on the conditional log-likelihood)
//! and shipped as `cues.bin`; nothing downloads at run time.
//!
//! File format (little-endian): `b"STMCUES3"`, `u32` feature-space bits, `f32` scale, 12
//! `f32` (tag-to-tag transition scores, 3 × 3 row by row, then the 3 start scores), then two
//! `i8` per hashed feature (its B and I weights; weight = byte × scale). The O tag's weights
//! are all zero: only differences between tags matter to a CRF.

use std::sync::OnceLock;

use super::cues::{self, Mode};
use super::tokens::Kind;
use super::Doc;
use crate::offset::Byte;

/// The trainer (`stemma-bench train-cues`): only with the `train` feature, which only the
/// bench enables.
#[cfg(feature = "train")]
pub mod train;
#[cfg(feature = "train")]
pub use train::{features, train_crf, Sentence, Weights};

/// Hashed feature space: 2^BITS weights.
pub const BITS: u32 = 19;
const MAGIC: &[u8; 8] = b"STMCUES3";
/// Tags: outside a cue, the first token of a cue, a later token of a cue.
pub const O: usize = 0;
pub const B: usize = 1;
pub const I: usize = 2;
const HEADER: usize = 16 + 12 * 4;

static SHIPPED: &[u8] = include_bytes!("../cues.bin");

/// The tagger's weights: two signed bytes per hashed feature (B and I) and the transitions.
pub struct Model {
    /// Per hashed feature: its B and I weights, signed bytes (a fixed-size table, so that
    /// indexing with a feature id, always below 2^BITS, needs no bounds check). The shipped
    /// model's table is the file's own bytes in the program, not a copy.
    q: Weights8,
    scale: f32,
    /// `trans[a][b]`: the score of tag `b` right after tag `a`.
    trans: [[f32; 3]; 3],
    start: [f32; 3],
    /// Added to the B and I score of every candidate token (see [`Model::shift`]).
    offset: f32,
}

/// The weight table: borrowed from the program's data or read into memory.
enum Weights8 {
    Static(&'static [[u8; 2]; 1 << BITS]),
    Owned(Box<[[u8; 2]; 1 << BITS]>),
}

impl std::ops::Deref for Weights8 {
    type Target = [[u8; 2]; 1 << BITS];
    fn deref(&self) -> &Self::Target {
        match self {
            Weights8::Static(q) => q,
            Weights8::Owned(q) => q,
        }
    }
}

impl Model {
    /// Read a weights file; `None` when it is not one.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let (pairs, _) = b.get(HEADER..)?.as_chunks::<2>();
        let q: Box<[[u8; 2]; 1 << BITS]> = pairs.to_vec().into_boxed_slice().try_into().ok()?;
        Self::with_table(b, Weights8::Owned(q))
    }

    /// [`Model::from_bytes`] on bytes that live as long as the program, without copying them.
    fn from_static(b: &'static [u8]) -> Option<Model> {
        let (pairs, _) = b.get(HEADER..)?.as_chunks::<2>();
        Self::with_table(b, Weights8::Static(pairs.try_into().ok()?))
    }

    /// The model of the weights file `b` whose table `q` holds.
    fn with_table(b: &[u8], q: Weights8) -> Option<Model> {
        if b.len() < HEADER || &b[..8] != MAGIC {
            return None;
        }
        let bits = u32::from_le_bytes(b[8..12].try_into().ok()?);
        let scale = f32::from_le_bytes(b[12..16].try_into().ok()?);
        if bits != BITS || b.len() != HEADER + (2 << BITS) || !scale.is_finite() {
            return None;
        }
        let mut f = b[16..HEADER]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let mut trans = [[0f32; 3]; 3];
        for row in &mut trans {
            for x in row.iter_mut() {
                *x = f.next()?;
            }
        }
        let mut start = [0f32; 3];
        for x in &mut start {
            *x = f.next()?;
        }
        if trans.iter().flatten().chain(&start).any(|x| !x.is_finite()) {
            return None;
        }
        Some(Model {
            q,
            scale,
            trans,
            start,
            offset: 0.0,
        })
    }

    /// Move the decision threshold: a positive `delta` marks more tokens as cue tokens.
    pub fn shift(&mut self, delta: f32) {
        self.offset += delta;
    }

    /// The B and I scores of a token with these features (O scores 0).
    pub fn score(&self, feats: &[u32]) -> [f32; 2] {
        let (mut b, mut i) = (0i32, 0i32);
        let q: &[[u8; 2]; 1 << BITS] = &self.q;
        for &f in feats {
            let [wb, wi] = q[f as usize & ((1 << BITS) - 1)];
            b += wb as i8 as i32;
            i += wi as i8 as i32;
        }
        [
            b as f32 * self.scale + self.offset,
            i as f32 * self.scale + self.offset,
        ]
    }
}

/// The shipped model; `None` only if the shipped file is damaged (then rules alone decide).
pub fn shipped() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::from_static(SHIPPED)).as_ref()
}

/// A fast hash of a token's text (8 bytes at a time; tokens are short).
fn fnv(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut x: u64 = 0xcbf2_9ce4_8422_2325 ^ b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        x = (x ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The last bytes, little-endian and zero-padded: two loads that may overlap (the
        // bytes they share agree), no loop.
        let n = rest.len();
        let v = if n >= 4 {
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as u64;
            let hi =
                u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]) as u64;
            lo | hi << (8 * (n - 4))
        } else if n >= 2 {
            let lo = u16::from_le_bytes([rest[0], rest[1]]) as u64;
            let hi = u16::from_le_bytes([rest[n - 2], rest[n - 1]]) as u64;
            lo | hi << (8 * (n - 2))
        } else {
            rest[0] as u64
        };
        x = (x ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }
    x.wrapping_mul(0xBF58_476D_1CE4_E5B9)
}

/// One hashed feature from a template id and up to three values (hashes or small codes):
/// the values are spread apart by rotation, then one multiplication mixes them and the top
/// bits are the index.
#[inline]
fn mix(t: u64, a: u64, b: u64, c: u64) -> u32 {
    let x = (t.wrapping_add(1)).wrapping_mul(0xD6E8_FEB8_6659_FD93)
        ^ a
        ^ b.rotate_left(21).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ c.rotate_left(42);
    (x.wrapping_mul(0x94D0_49BB_1331_11EB) >> (64 - BITS)) as u32
}

/// Hashes of a word's crude lemma (without -ing, -ed, -es, -s) and of its last three and
/// last two characters.
fn morph(w: &str) -> [u64; 3] {
    let lemma = w
        .strip_suffix("ing")
        .or_else(|| w.strip_suffix("ed"))
        .or_else(|| w.strip_suffix("es"))
        .or_else(|| w.strip_suffix('s'))
        .unwrap_or(w);
    // The last three and two characters; when the last three bytes are ASCII they are the
    // last three characters (no decoding needed).
    let b = w.as_bytes();
    let (suf3, suf2) = if b.len() >= 3 && b[b.len() - 3..].is_ascii() {
        (&w[b.len() - 3..], &w[b.len() - 2..])
    } else {
        (
            w.char_indices().rev().nth(2).map_or(w, |(k, _)| &w[k..]),
            w.char_indices().rev().nth(1).map_or(w, |(k, _)| &w[k..]),
        )
    };
    [fnv(lemma), fnv(suf3), fnv(suf2)]
}

/// What the features see of token `i`: its lower-cased word, its punctuation mark, or a
/// class for quote marks and numbers.
fn feature_text<'a>(d: &'a Doc, i: usize) -> &'a str {
    let tok = &d.toks[i];
    match tok.kind {
        Kind::Quote => "<q>",
        Kind::Number => "<num>",
        Kind::Word => d.w(i),
        Kind::Punct => tok.text(d.text),
    }
}

/// Buffers of the tagger, reused across a document's sentences.
#[derive(Default)]
struct Scratch {
    emit: Vec<[f32; 3]>,
    back: Vec<[u8; 3]>,
}

/// Per-token values the features are built from, computed once per text.
pub struct Table {
    scratch: std::cell::RefCell<Scratch>,
    /// The lexicon rules' opinion: 0 none, 1 modifier of a rule cue, 2 rule cue head.
    rule: Vec<u8>,
    /// What the lexicon rules' attributions make of each token: 0 nothing, 3 / 4 part of a
    /// cue with / without a source, 5 part of a source, 6 part of a content. The tagger
    /// learns when to trust them.
    shape_r: Vec<u8>,
    /// Per token: what its features read (one record, so that a token's neighbours lie
    /// together).
    toks: Vec<TokFeatures>,
}

/// What the features read of one token.
struct TokFeatures {
    word: u64,
    /// Lemma and suffix hashes (see [`morph`]); zeros where not made.
    morph: [u64; 3],
    lex: u8,
    shape: u8,
    who: u8,
}

const NONE: u64 = 0x5bd1_e995;

fn lex_class(w: &str, entry: Option<cues::Cue>) -> u8 {
    match entry {
        None if w == "according" => 1,
        None if cues::is_cue_modifier(w) => 2,
        None => 0,
        Some(c) => match (c.mode, c.weak, c.finite) {
            (Mode::Speech, false, true) => 3,
            (Mode::Speech, false, false) => 4,
            (Mode::Speech, true, _) => 5,
            (Mode::Thought, _, _) => 6,
            (Mode::Evidence, _, _) => 7,
        },
    }
}

impl Table {
    pub fn new(d: &Doc) -> Table {
        let n = d.toks.len();
        let mut rule = vec![0u8; n];
        // What the lexicon rules alone make of each token (see `Table::shape_r`).
        let mut shape_r = vec![0u8; n];
        let mut found = Vec::new();
        for &(s, e) in &d.sents {
            let heads = super::cue_heads(d, s, e);
            if heads.is_empty() {
                continue;
            }
            for &(h, after, _) in &heads {
                for slot in &mut rule[h..after] {
                    *slot = 2;
                }
                let mut c0 = h;
                while c0 > s
                    && d.toks[c0 - 1].kind == Kind::Word
                    && cues::is_cue_modifier(d.w(c0 - 1))
                {
                    c0 -= 1;
                    rule[c0] = 1;
                }
            }
            super::sentence_by_rules_with(d, s, e, &heads, &mut found);
        }
        let tok_at = |b: Byte| d.toks.partition_point(|t| t.start < b);
        for f in &found {
            let mut mark = |r: super::Range, v: u8| {
                let (a, z) = (tok_at(r.0), tok_at(r.1));
                for slot in &mut shape_r[a..z.min(n)] {
                    if *slot == 0 {
                        *slot = v;
                    }
                }
            };
            mark(f.cue, if f.source.is_some() { 3 } else { 4 });
            if let Some(r) = f.source {
                mark(r, 5);
            }
            for &r in &f.content {
                mark(r, 6);
            }
        }
        let toks = d
            .toks
            .iter()
            .enumerate()
            .map(|(i, tok)| {
                let w = feature_text(d, i);
                let shape = match tok.kind {
                    Kind::Word if tok.cap => 1,
                    Kind::Word => 2,
                    Kind::Number => 3,
                    Kind::Quote => 4,
                    Kind::Punct => 5,
                };
                TokFeatures {
                    word: fnv(w),
                    lex: if tok.kind == Kind::Word {
                        lex_class(w, d.lex_at(i))
                    } else {
                        0
                    },
                    shape,
                    who: if tok.kind == Kind::Word && cues::is_pronoun(w) {
                        6
                    } else {
                        shape
                    },
                    // Only a candidate's own lemma and suffixes are features at run time; the
                    // others are made when training asks for them (`Table::morph`).
                    morph: if candidate(d, i) { morph(w) } else { [0; 3] },
                }
            })
            .collect();
        Table {
            scratch: Default::default(),
            shape_r,
            rule,
            toks,
        }
    }

    /// Token `i`'s lemma and suffix hashes (see [`morph`]).
    fn morph(&self, d: &Doc, i: usize) -> [u64; 3] {
        let m = self.toks[i].morph;
        if m != [0; 3] {
            return m;
        }
        morph(feature_text(d, i))
    }

    fn word(&self, i: isize) -> u64 {
        if i < 0 {
            return NONE;
        }
        self.toks.get(i as usize).map_or(NONE, |x| x.word)
    }

    fn lex(&self, i: isize) -> u64 {
        if i < 0 {
            return 9;
        }
        self.toks.get(i as usize).map_or(9, |x| x.lex as u64)
    }

    fn shape(&self, i: isize) -> u64 {
        if i < 0 {
            return 0;
        }
        self.toks.get(i as usize).map_or(0, |x| x.shape as u64)
    }

    fn shape_r(&self, i: isize) -> u64 {
        if i < 0 {
            return 9;
        }
        self.shape_r.get(i as usize).map_or(9, |&x| x as u64)
    }

    fn who(&self, i: isize) -> u64 {
        if i < 0 {
            return 0;
        }
        self.toks.get(i as usize).map_or(0, |x| x.who as u64)
    }
}

/// How many features each token has.
const N_FEATURES: usize = 41;

/// The features of token `i` in sentence `(s, e)`.
#[inline]
fn feature_ids(d: &Doc, t: &Table, s: usize, e: usize, i: usize) -> [u32; N_FEATURES] {
    let ii = i as isize;
    let (w0, wm1, wp1, wm2, wp2) = (
        t.word(ii),
        t.word(ii - 1),
        t.word(ii + 1),
        t.word(ii - 2),
        t.word(ii + 2),
    );
    let (l0, lm1, lp1, lm2, lp2) = (
        t.lex(ii),
        t.lex(ii - 1),
        t.lex(ii + 1),
        t.lex(ii - 2),
        t.lex(ii + 2),
    );
    let (sm1, s0, sp1, sp2) = (
        t.shape(ii - 1),
        t.shape(ii),
        t.shape(ii + 1),
        t.shape(ii + 2),
    );
    let inq = d.in_marked_quote(i) as u64;
    let first = if i == s {
        1
    } else if i + 1 == e {
        2
    } else {
        3
    };
    let q_before = d.first_q[i] != u32::MAX && (d.first_q[i] as usize) < i;
    let q_after = d.last_q[i] != u32::MAX && (d.last_q[i] as usize) > i;
    let qc = q_before as u64 * 2 + q_after as u64;
    let to_end = match e - i {
        1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=8 => 4,
        _ => 5,
    };
    let [lemma, suf3, suf2] = t.morph(d, i);
    let g = t.shape_r(ii);
    [
        mix(0, 0, 0, 0),
        mix(1, w0, 0, 0),
        mix(2, wm1, 0, 0),
        mix(3, wp1, 0, 0),
        mix(4, wm2, 0, 0),
        mix(5, wp2, 0, 0),
        mix(6, wm1, w0, 0),
        mix(7, w0, wp1, 0),
        mix(8, suf3, 0, 0),
        mix(9, l0, 0, 0),
        mix(10, l0, lp1, 0),
        mix(11, lm1, l0, 0),
        mix(12, l0, inq, 0),
        mix(13, w0, inq, 0),
        mix(14, sm1, s0, sp1),
        mix(15, l0, sm1, sp1),
        mix(16, w0, first, 0),
        mix(17, l0, wp1, 0),
        mix(18, wm1, l0, 0),
        mix(19, w0, sp1, sp2),
        mix(20, l0, qc, 0),
        mix(21, w0, qc, 0),
        mix(22, w0, lp1, lp2),
        mix(23, lemma, 0, 0),
        mix(24, suf2, sm1, 0),
        mix(25, t.who(ii - 1), t.who(ii - 2), suf2),
        mix(26, l0, to_end, 0),
        mix(27, lm2, lm1, l0),
        mix(28, t.rule[i] as u64, 0, 0),
        mix(29, t.rule[i] as u64, w0, 0),
        mix(
            30,
            t.rule[i] as u64,
            if i > 0 { t.rule[i - 1] as u64 } else { 9 },
            t.rule.get(i + 1).map_or(9, |&x| x as u64),
        ),
        mix(31, wm1, w0, wp1),
        mix(32, t.word(ii + 3), 0, 0),
        mix(33, t.word(ii - 3), 0, 0),
        mix(34, lemma, lm1, 0),
        mix(35, lemma, t.who(ii - 1), 0),
        mix(36, wp1, wp2, 0),
        mix(37, wm2, wm1, 0),
        mix(38, g, l0, 0),
        mix(39, g, t.shape_r(ii - 1), t.shape_r(ii + 1)),
        mix(40, g, w0, 0),
    ]
}

/// Whether token `i` may be (part of) a cue: words inside quotation marks, numbers and most
/// punctuation never are.
pub fn candidate(d: &Doc, i: usize) -> bool {
    let tok = &d.toks[i];
    match tok.kind {
        Kind::Word => !d.in_marked_quote(i),
        Kind::Punct => matches!(tok.text(d.text), ":" | "—" | "–" | "―" | "-"),
        Kind::Number | Kind::Quote => false,
    }
}

/// Which tokens of sentence `(s, e)` the tagger puts in cues, and whether each begins one.
pub fn cue_tokens(m: &Model, d: &Doc, t: &Table, s: usize, e: usize) -> Vec<(bool, bool)> {
    // Buffers reused from sentence to sentence of the document.
    let mut scratch = t.scratch.borrow_mut();
    let Scratch { emit, back } = &mut *scratch;
    emit.clear();
    emit.extend((s..e).map(|i| {
        if !candidate(d, i) {
            return [0.0, f32::NEG_INFINITY, f32::NEG_INFINITY];
        }
        // The features straight into the weights (no buffer between).
        let [b, i] = m.score(&feature_ids(d, t, s, e, i));
        [0.0, b, i]
    }));
    let mut out = vec![(false, false); emit.len()];
    viterbi(emit, &m.trans, &m.start, back, |k, tag| {
        out[k] = (tag != O, tag == B)
    });
    out
}

/// The best tag sequence for these per-token tag scores, handed to `put` token by token
/// (in reverse order). `back` is scratch space.
fn viterbi(
    emit: &[[f32; 3]],
    trans: &[[f32; 3]; 3],
    start: &[f32; 3],
    back: &mut Vec<[u8; 3]>,
    mut put: impl FnMut(usize, usize),
) {
    let n = emit.len();
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n, [0u8; 3]);
    let mut best: [f32; 3] = std::array::from_fn(|k| start[k] + emit[0][k]);
    for t in 1..n {
        let mut next = [f32::NEG_INFINITY; 3];
        for k in 0..3 {
            let (mut arg, mut top) = (0, f32::NEG_INFINITY);
            for j in 0..3 {
                let v = best[j] + trans[j][k];
                if v > top {
                    (arg, top) = (j, v);
                }
            }
            next[k] = top + emit[t][k];
            back[t][k] = arg as u8;
        }
        best = next;
    }
    let mut tag = (0..3).fold(0, |a, k| if best[k] > best[a] { k } else { a });
    for t in (0..n).rev() {
        put(t, tag);
        tag = back[t][tag] as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_reads_the_last_bytes_zero_padded() {
        // The remainder as a byte-by-byte fold makes it.
        fn slow(s: &str) -> u64 {
            let b = s.as_bytes();
            let mut x: u64 = 0xcbf2_9ce4_8422_2325 ^ b.len() as u64;
            for c in b.chunks(8) {
                let v = c.iter().rev().fold(0u64, |v, &byte| (v << 8) | byte as u64);
                x = (x ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
            }
            x.wrapping_mul(0xBF58_476D_1CE4_E5B9)
        }
        let text = "abcdefghijklmnopqrstuvwxyzé”Ω0123";
        for a in 0..text.len() {
            for b in a..text.len() {
                if let Some(s) = text.get(a..b) {
                    assert_eq!(fnv(s), slow(s), "{s:?}");
                }
            }
        }
    }
}
