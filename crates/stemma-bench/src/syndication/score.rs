//! Clustering scores: pairwise precision / recall / F1 and the adjusted Rand index.

use std::collections::{HashMap, HashSet};

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

/// Precision, recall and F1 from true-positive, predicted and true pair counts.
fn prf(tp: f64, pp: f64, tt: f64) -> (f64, f64, f64) {
    let precision = if pp > 0.0 { tp / pp } else { 1.0 };
    let recall = if tt > 0.0 { tp / tt } else { 1.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
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
    let (precision, recall, f1) = prf(tp, pp, tt);
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

/// Pairwise precision / recall / F1 when a record may be in several stories: a pair is
/// predicted (true) when the two records share a predicted (true) story. `pred[d]` and
/// `truth[d]` list record d's stories.
pub fn overlapping(pred: &[Vec<u32>], truth: &[Vec<u32>]) -> PairScore {
    let pairs_of = |sets: &[Vec<u32>]| {
        let mut by: HashMap<u32, Vec<u32>> = HashMap::new();
        for (d, s) in sets.iter().enumerate() {
            for &k in s {
                by.entry(k).or_default().push(d as u32);
            }
        }
        let mut out: HashSet<(u32, u32)> = HashSet::new();
        for m in by.values() {
            for (i, &a) in m.iter().enumerate() {
                for &b in &m[i + 1..] {
                    out.insert((a.min(b), a.max(b)));
                }
            }
        }
        out
    };
    let p = pairs_of(pred);
    let t = pairs_of(truth);
    let tp = p.intersection(&t).count() as f64;
    let (pp, tt) = (p.len() as f64, t.len() as f64);
    let (precision, recall, f1) = prf(tp, pp, tt);
    PairScore {
        precision,
        recall,
        f1,
        ari: f64::NAN,
        true_pairs: tt,
        predicted_pairs: pp,
    }
}

/// Pairs of unrelated true stories whose records are copies in one predicted story: stories
/// merged by mistake. Two stories are related when a copy of one embeds the other (a roundup
/// and a story it quotes); two stories one roundup quotes are not. `labels[d]` is the
/// predicted story record d is a copy in, `primary[d]` its true story, `truth[d]` all its
/// true stories.
pub fn merged(labels: &[u32], primary: &[u32], truth: &[Vec<u32>]) -> usize {
    let mut related: HashSet<(u32, u32)> = HashSet::new();
    for (s, &p) in truth.iter().zip(primary) {
        for &x in s {
            related.insert((p, x));
            related.insert((x, p));
        }
    }
    let mut by: HashMap<u32, Vec<u32>> = HashMap::new();
    for (d, &l) in labels.iter().enumerate() {
        if let Some(&t) = primary.get(d) {
            let v = by.entry(l).or_default();
            if !v.contains(&t) {
                v.push(t);
            }
        }
    }
    let mut bad: HashSet<(u32, u32)> = HashSet::new();
    for v in by.values() {
        for (i, &a) in v.iter().enumerate() {
            for &b in &v[i + 1..] {
                if !related.contains(&(a, b)) {
                    bad.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    bad.len()
}

#[cfg(test)]
mod graph_tests {
    use super::*;

    #[test]
    fn overlapping_pairs_and_merges() {
        // Stories 0 and 1, and record 4 (a roundup, story 2) embedding both.
        let truth = vec![vec![0], vec![0], vec![1], vec![1], vec![2, 0, 1]];
        let primary = [0, 0, 1, 1, 2];
        let good = vec![vec![7], vec![7], vec![8], vec![8], vec![9, 7, 8]];
        let s = overlapping(&good, &truth);
        assert!((s.f1 - 1.0).abs() < 1e-12);
        assert_eq!(merged(&[7, 7, 8, 8, 9], &primary, &truth), 0);
        // The roundup merged the two stories into one.
        let bad = vec![vec![7]; 5];
        let s = overlapping(&bad, &truth);
        assert!(s.precision < 0.7 && (s.recall - 1.0).abs() < 1e-12);
        assert_eq!(merged(&[7; 5], &primary, &truth), 1);
    }
}
