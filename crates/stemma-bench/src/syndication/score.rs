//! Clustering scores: pairwise precision / recall / F1 and the adjusted Rand index.

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, Default)]
pub struct PairScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub ari: f64,
    pub true_pairs: f64,
    pub predicted_pairs: f64,
}

fn pairs(n: u64) -> f64 {
    (n as f64) * (n.saturating_sub(1) as f64) / 2.0
}

/// Compare a predicted labelling with the true one (one label per record).
pub fn pairwise(pred: &[u32], truth: &[u32]) -> PairScore {
    let n = pred.len().min(truth.len());
    let mut joint: HashMap<(u32, u32), u64> = HashMap::new();
    let mut a: HashMap<u32, u64> = HashMap::new();
    let mut b: HashMap<u32, u64> = HashMap::new();
    for i in 0..n {
        *joint.entry((pred[i], truth[i])).or_default() += 1;
        *a.entry(pred[i]).or_default() += 1;
        *b.entry(truth[i]).or_default() += 1;
    }
    let tp: f64 = joint.values().map(|&c| pairs(c)).sum();
    let pp: f64 = a.values().map(|&c| pairs(c)).sum();
    let tt: f64 = b.values().map(|&c| pairs(c)).sum();
    let precision = if pp > 0.0 { tp / pp } else { 1.0 };
    let recall = if tt > 0.0 { tp / tt } else { 1.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let all = pairs(n as u64);
    let expected = if all > 0.0 { pp * tt / all } else { 0.0 };
    let max = (pp + tt) / 2.0;
    let ari = if (max - expected).abs() < f64::EPSILON {
        1.0
    } else {
        (tp - expected) / (max - expected)
    };
    PairScore {
        precision,
        recall,
        f1,
        ari,
        true_pairs: tt,
        predicted_pairs: pp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_split() {
        let t = [0, 0, 1, 1, 2];
        let s = pairwise(&[5, 5, 7, 7, 9], &t);
        assert!((s.f1 - 1.0).abs() < 1e-12 && (s.ari - 1.0).abs() < 1e-12);
        let s = pairwise(&[0, 1, 2, 2, 3], &t);
        assert!((s.precision - 1.0).abs() < 1e-12);
        assert!((s.recall - 0.5).abs() < 1e-12);
        let s = pairwise(&[0, 0, 0, 0, 0], &t);
        assert!((s.recall - 1.0).abs() < 1e-12);
        assert!(s.precision < 0.3);
        assert!(s.ari.abs() < 1e-12);
    }
}
