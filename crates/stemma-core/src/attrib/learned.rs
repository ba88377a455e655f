//! The learned cue tagger: which tokens belong to a cue ("said", "has also said",
//! "according to", a colon before a quote), decided per token by a linear model over hashed
//! context features. The weights are trained in Rust on PolNeAR train
//! (`stemma-bench train-cues`) and shipped as `cues.bin`; nothing downloads at run time.
//!
//! File format (little-endian): `b"STMCUES2"`, `u32` feature-space bits, `f32` scale, then
//! one `i8` per weight (weight = byte × scale).

use std::sync::OnceLock;

use super::cues::{self, Mode};
use super::tokens::Kind;
use super::Doc;

/// Hashed feature space: 2^BITS weights.
pub const BITS: u32 = 18;
const MASK: u32 = (1 << BITS) - 1;
const MAGIC: &[u8; 8] = b"STMCUES2";

static SHIPPED: &[u8] = include_bytes!("cues.bin");

/// A dense weight vector, one signed byte per weight.
pub struct Model {
    q: Vec<i8>,
    scale: f32,
    /// Added to every score (see [`Model::shift`]).
    offset: f32,
}

impl Model {
    /// Read a weights file; `None` when it is not one.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < 16 || &b[..8] != MAGIC {
            return None;
        }
        let bits = u32::from_le_bytes(b[8..12].try_into().ok()?);
        let scale = f32::from_le_bytes(b[12..16].try_into().ok()?);
        if bits != BITS || b.len() != 16 + (1 << BITS) || !scale.is_finite() {
            return None;
        }
        let q = b[16..].iter().map(|&q| q as i8).collect();
        Some(Model {
            q,
            scale,
            offset: 0.0,
        })
    }

    /// The weights as a file: one signed byte per weight and a common scale.
    pub fn to_bytes(w: &[f32]) -> Vec<u8> {
        let max = w.iter().fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let mut out = Vec::with_capacity(16 + w.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&BITS.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend(
            w.iter()
                .map(|&x| (x / scale).round().clamp(-127.0, 127.0) as i8 as u8),
        );
        out
    }

    /// Move the decision threshold: a positive `delta` marks more tokens as cue tokens.
    pub fn shift(&mut self, delta: f32) {
        self.offset += delta;
    }

    pub fn score(&self, feats: &[u32]) -> f32 {
        let sum: i32 = feats.iter().map(|&f| self.q[f as usize] as i32).sum();
        sum as f32 * self.scale + self.offset
    }
}

/// The shipped model; `None` only if the shipped file is damaged (then rules alone decide).
pub fn shipped() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(SHIPPED)).as_ref()
}

fn fnv(s: &str) -> u64 {
    let mut x: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        x ^= b as u64;
        x = x.wrapping_mul(0x100_0000_01b3);
    }
    x
}

/// One hashed feature from a template id and up to three values.
fn mix(t: u64, a: u64, b: u64, c: u64) -> u32 {
    let mut x = (t + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ a;
    x = (x ^ (x >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9) ^ b;
    x = (x ^ (x >> 32)).wrapping_mul(0x94D0_49BB_1331_11EB) ^ c;
    x = (x ^ (x >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    ((x >> 32) as u32 ^ x as u32) & MASK
}

/// Per-token values the features are built from, computed once per text.
pub struct Table {
    /// The lexicon rules' opinion: 0 none, 1 modifier of a rule cue, 2 rule cue head.
    rule: Vec<u8>,
    word: Vec<u64>,
    lex: Vec<u8>,
    shape: Vec<u8>,
    who: Vec<u8>,
    lemma: Vec<u64>,
    suf3: Vec<u64>,
    suf2: Vec<u64>,
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
        for &(s, e) in &d.sents {
            for (h, after, _) in super::cue_heads(d, s, e) {
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
        }
        let mut t = Table {
            rule,
            word: Vec::with_capacity(n),
            lex: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            who: Vec::with_capacity(n),
            lemma: Vec::with_capacity(n),
            suf3: Vec::with_capacity(n),
            suf2: Vec::with_capacity(n),
        };
        for (i, tok) in d.toks.iter().enumerate() {
            let w: &str = match tok.kind {
                Kind::Quote => "<q>",
                Kind::Number => "<num>",
                Kind::Word => d.w(i),
                Kind::Punct => tok.text(d.text),
            };
            t.word.push(fnv(w));
            t.lex.push(if tok.kind == Kind::Word {
                lex_class(w, d.lex_at(i))
            } else {
                0
            });
            let shape = match tok.kind {
                Kind::Word if tok.cap => 1,
                Kind::Word => 2,
                Kind::Number => 3,
                Kind::Quote => 4,
                Kind::Punct => 5,
            };
            t.shape.push(shape);
            t.who
                .push(if tok.kind == Kind::Word && cues::is_pronoun(w) {
                    6
                } else {
                    shape
                });
            let lemma = w
                .strip_suffix("ing")
                .or_else(|| w.strip_suffix("ed"))
                .or_else(|| w.strip_suffix("es"))
                .or_else(|| w.strip_suffix('s'))
                .unwrap_or(w);
            t.lemma.push(fnv(lemma));
            let suf3 = w.char_indices().rev().nth(2).map_or(w, |(k, _)| &w[k..]);
            let suf2 = w.char_indices().rev().nth(1).map_or(w, |(k, _)| &w[k..]);
            t.suf3.push(fnv(suf3));
            t.suf2.push(fnv(suf2));
        }
        t
    }

    fn word(&self, i: isize) -> u64 {
        if i < 0 {
            return NONE;
        }
        self.word.get(i as usize).copied().unwrap_or(NONE)
    }

    fn lex(&self, i: isize) -> u64 {
        if i < 0 {
            return 9;
        }
        self.lex.get(i as usize).map_or(9, |&x| x as u64)
    }

    fn shape(&self, i: isize) -> u64 {
        if i < 0 {
            return 0;
        }
        self.shape.get(i as usize).map_or(0, |&x| x as u64)
    }

    fn who(&self, i: isize) -> u64 {
        if i < 0 {
            return 0;
        }
        self.who.get(i as usize).map_or(0, |&x| x as u64)
    }
}

/// The features of token `i` in sentence `(s, e)`, appended to `out`.
pub fn features(d: &Doc, t: &Table, s: usize, e: usize, i: usize, out: &mut Vec<u32>) {
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
    let inq = d.inq[i].is_some() as u64;
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
    let suf2 = t.suf2[i];
    out.extend_from_slice(&[
        mix(0, 0, 0, 0),
        mix(1, w0, 0, 0),
        mix(2, wm1, 0, 0),
        mix(3, wp1, 0, 0),
        mix(4, wm2, 0, 0),
        mix(5, wp2, 0, 0),
        mix(6, wm1, w0, 0),
        mix(7, w0, wp1, 0),
        mix(8, t.suf3[i], 0, 0),
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
        mix(23, t.lemma[i], 0, 0),
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
    ]);
}

/// Per-token cue scores of sentence `(s, e)`.
pub fn cue_tokens(m: &Model, d: &Doc, t: &Table, s: usize, e: usize) -> Vec<bool> {
    let mut buf = Vec::with_capacity(32);
    (s..e)
        .map(|i| {
            // Words inside quotation marks, numbers and most punctuation are never cues.
            let tok = &d.toks[i];
            let candidate = match tok.kind {
                Kind::Word => d.inq[i].is_none(),
                Kind::Punct => matches!(tok.text(d.text), ":" | "—" | "–" | "―" | "-"),
                Kind::Number | Kind::Quote => false,
            };
            if !candidate {
                return false;
            }
            buf.clear();
            features(d, t, s, e, i, &mut buf);
            m.score(&buf) > 0.0
        })
        .collect()
}

/// Train an averaged perceptron: `data` holds, per token, its features and whether it is part
/// of a cue. Returns the averaged weights.
pub fn train(data: &[(Vec<u32>, bool)], epochs: usize) -> Vec<f32> {
    let n = 1usize << BITS;
    let mut w = vec![0f32; n];
    let mut acc = vec![0f32; n];
    let mut c = 1f32;
    // A fixed shuffle (multiplicative stride) keeps training deterministic.
    let len = data.len();
    // A prime stride that does not divide the length visits every example once per epoch.
    let stride = if (len / 7919) * 7919 == len {
        7907
    } else {
        7919
    };
    for _ in 0..epochs {
        let mut k = 0usize;
        for _ in 0..len {
            let (f, y) = &data[k];
            let s: f32 = f.iter().map(|&i| w[i as usize]).sum();
            let pred = s > 0.0;
            if pred != *y {
                let d = if *y { 1.0 } else { -1.0 };
                for &i in f {
                    w[i as usize] += d;
                    acc[i as usize] += c * d;
                }
            }
            c += 1.0;
            k = (k + stride) % len;
        }
    }
    w.iter().zip(&acc).map(|(&w, &a)| w - a / c).collect()
}

/// Train a logistic regression by SGD with L2 regularisation (lazy, per touched weight) and
/// a decaying step. Features seen fewer than `min_count` times are left out. Returns weights
/// whose sign decides (a bias of `-ln(odds)` is folded in so that `score > 0` means p > 0.5).
pub fn train_logistic(
    data: &[(Vec<u32>, bool)],
    epochs: usize,
    l2: f32,
    min_count: u32,
) -> Vec<f32> {
    let n = 1usize << BITS;
    let mut count = vec![0u32; n];
    for (f, _) in data {
        for &i in f {
            count[i as usize] = count[i as usize].saturating_add(1);
        }
    }
    let mut w = vec![0f32; n];
    let len = data.len();
    // A prime stride that does not divide the length visits every example once per epoch.
    let stride = if (len / 7919) * 7919 == len {
        7907
    } else {
        7919
    };
    let mut t = 0f32;
    for _ in 0..epochs {
        let mut k = 0usize;
        for _ in 0..len {
            let (f, y) = &data[k];
            let z: f32 = f
                .iter()
                .filter(|&&i| count[i as usize] >= min_count)
                .map(|&i| w[i as usize])
                .sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = p - if *y { 1.0 } else { 0.0 };
            let lr = 0.2 / (1.0 + t / len as f32);
            for &i in f {
                let i = i as usize;
                if count[i] >= min_count {
                    w[i] -= lr * (g + l2 * w[i]);
                }
            }
            t += 1.0;
            k = (k + stride) % len;
        }
    }
    w
}
