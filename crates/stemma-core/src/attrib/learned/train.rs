//! Training the cue tagger: features of every token with its gold tag, stochastic gradient
//! descent on the CRF's conditional log-likelihood, and the weights file it writes. Built only
//! with the `train` feature (the bench's `train-cues`); the engine only reads `cues.bin`.

use super::{candidate, feature_ids, Doc, Model, Table, B, BITS, HEADER, I, MAGIC, O};
use crate::attrib::Range;

/// Trained weights before quantisation: `w[2 f + k]` is feature `f`'s weight for tag B
/// (`k` 0) or I (`k` 1).
pub struct Weights {
    pub w: Vec<f32>,
    pub trans: [[f32; 3]; 3],
    pub start: [f32; 3],
}

impl Model {
    /// The weights as a file: one signed byte per feature weight and a common scale.
    pub fn to_bytes(w: &Weights) -> Vec<u8> {
        let max = w.w.iter().fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let mut out = Vec::with_capacity(HEADER + w.w.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&BITS.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for x in w.trans.iter().flatten().chain(&w.start) {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.extend(
            w.w.iter()
                .map(|&x| (x / scale).round().clamp(-127.0, 127.0) as i8 as u8),
        );
        out
    }
}

/// The features of token `i` in sentence `(s, e)`, appended to `out`.
pub fn features(d: &Doc, t: &Table, s: usize, e: usize, i: usize, out: &mut Vec<u32>) {
    out.extend_from_slice(&feature_ids(d, t, s, e, i));
}

fn log_sum_exp(xs: &[f32; 3]) -> f32 {
    let m = xs.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
    if m == f32::NEG_INFINITY {
        return m;
    }
    m + xs.iter().map(|&x| (x - m).exp()).sum::<f32>().ln()
}

/// One training sentence: per token its features, whether it lies in a cue, and whether it
/// is a candidate at all.
pub type Sentence = Vec<(Vec<u32>, bool, bool)>;

/// Train the CRF by stochastic gradient descent on the conditional log-likelihood, with L2
/// regularisation (lazy, per touched weight) and a decaying step. Features seen fewer than
/// `min_count` times are left out. The gold tags are O / B / I from the cue flags; a token
/// that is no candidate may only be O (as at run time) unless the gold says otherwise.
pub fn train_crf(sents: &[Sentence], epochs: usize, l2: f32, min_count: u32) -> Weights {
    let n = 1usize << BITS;
    let mut count = vec![0u32; n];
    for s in sents {
        for (f, _, _) in s {
            for &i in f {
                count[i as usize] = count[i as usize].saturating_add(1);
            }
        }
    }
    let mut w = Weights {
        w: vec![0f32; 2 * n],
        trans: [[0.0; 3]; 3],
        start: [0.0; 3],
    };
    let len = sents.len();
    if len == 0 {
        return w;
    }
    // A fixed shuffle (a prime stride that does not divide the length visits every sentence
    // once per epoch) keeps training deterministic.
    let stride = if len.is_multiple_of(7919) { 7907 } else { 7919 };
    let mut step = 0f32;
    let (mut emit, mut alpha, mut beta, mut gold) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..epochs {
        let mut k = 0usize;
        for _ in 0..len {
            let sent = &sents[k];
            k = (k + stride) % len;
            let m = sent.len();
            if m == 0 {
                continue;
            }
            gold.clear();
            let mut prev = false;
            for &(_, y, _) in sent {
                gold.push(if !y {
                    O
                } else if prev {
                    I
                } else {
                    B
                });
                prev = y;
            }
            emit.clear();
            for (t, (f, _, cand)) in sent.iter().enumerate() {
                if !cand && gold[t] == O {
                    emit.push([0.0, f32::NEG_INFINITY, f32::NEG_INFINITY]);
                    continue;
                }
                let (mut b, mut i) = (0f32, 0f32);
                for &x in f {
                    if count[x as usize] >= min_count {
                        b += w.w[2 * x as usize];
                        i += w.w[2 * x as usize + 1];
                    }
                }
                emit.push([0.0, b, i]);
            }
            // Forward and backward scores in log space.
            alpha.clear();
            alpha.push(std::array::from_fn(|j| w.start[j] + emit[0][j]));
            for t in 1..m {
                let a: &[f32; 3] = &alpha[t - 1];
                let next: [f32; 3] = std::array::from_fn(|j| {
                    log_sum_exp(&std::array::from_fn(|i| a[i] + w.trans[i][j])) + emit[t][j]
                });
                alpha.push(next);
            }
            beta.clear();
            beta.resize(m, [0f32; 3]);
            for t in (0..m - 1).rev() {
                let b1 = beta[t + 1];
                beta[t] = std::array::from_fn(|i| {
                    log_sum_exp(&std::array::from_fn(|j| {
                        w.trans[i][j] + emit[t + 1][j] + b1[j]
                    }))
                });
            }
            let z = log_sum_exp(&alpha[m - 1]);
            if !z.is_finite() {
                continue;
            }
            let lr = 0.1 / (1.0 + step / len as f32);
            step += 1.0;
            // Gradient of the negative log-likelihood: expected minus observed counts.
            let mut g_trans = [[0f32; 3]; 3];
            for t in 0..m {
                let p: [f32; 3] = std::array::from_fn(|j| (alpha[t][j] + beta[t][j] - z).exp());
                if t == 0 {
                    for (j, (st, pj)) in w.start.iter_mut().zip(p).enumerate() {
                        *st -= lr * (pj - (gold[0] == j) as u8 as f32);
                    }
                } else {
                    // Expected transition counts: the pairwise marginals.
                    for (i, row) in g_trans.iter_mut().enumerate() {
                        for (j, g) in row.iter_mut().enumerate() {
                            *g += (alpha[t - 1][i] + w.trans[i][j] + emit[t][j] + beta[t][j] - z)
                                .exp();
                        }
                    }
                    g_trans[gold[t - 1]][gold[t]] -= 1.0;
                }
                if emit[t][1] == f32::NEG_INFINITY {
                    continue;
                }
                let gb = p[B] - (gold[t] == B) as u8 as f32;
                let gi = p[I] - (gold[t] == I) as u8 as f32;
                for &x in &sent[t].0 {
                    let x = x as usize;
                    if count[x] >= min_count {
                        let (wb, wi) = (w.w[2 * x], w.w[2 * x + 1]);
                        w.w[2 * x] -= lr * (gb + l2 * wb);
                        w.w[2 * x + 1] -= lr * (gi + l2 * wi);
                    }
                }
            }
            for (row, g) in w.trans.iter_mut().zip(&g_trans) {
                for (x, g) in row.iter_mut().zip(g) {
                    *x -= lr * g;
                }
            }
        }
    }
    w
}

/// Training sentences for the cue tagger: every token of `text` with its features, whether it
/// lies inside one of `cue_spans` (byte ranges), and whether it is a cue candidate at all.
pub fn cue_training_sents(text: &str, cue_spans: &[Range]) -> Vec<Sentence> {
    let d = Doc::new(text);
    let table = Table::new(&d);
    let mut all = Vec::with_capacity(d.sents.len());
    for &(s, e) in &d.sents {
        let mut out = Vec::with_capacity(e - s);
        for i in s..e {
            let t = &d.toks[i];
            let y = cue_spans.iter().any(|&(a, b)| t.start >= a && t.end <= b);
            let mut f = Vec::with_capacity(32);
            features(&d, &table, s, e, i, &mut f);
            out.push((f, y, candidate(&d, i)));
        }
        all.push(out);
    }
    all
}
