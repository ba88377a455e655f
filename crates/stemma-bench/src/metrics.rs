//! Accuracy metrics, written so that figures are comparable with published ones
//! (see `../shared/README.md`).
//!
//! * ScrapingHub (article-extraction-benchmark `evaluate.py`): tokens are `\w+` matches, kept
//!   as they are (the upstream regex has `re.IGNORECASE`, which does not change what `\w+`
//!   matches, and it never lower-cases: the comparison is case-sensitive). Per page the 4-gram
//!   shingles of gold and prediction are counted as multisets; TP is the multiset
//!   intersection, FP what is predicted beyond gold, FN what gold has beyond the prediction.
//!   Precision and recall are averaged over pages; F1 is the harmonic mean of the averages.
//! * WCXB: lower-cased `\w+` tokens, bag-of-words (multiset) overlap, F1 per page, averaged.
//! * trafilatura-eval: whitespace collapsed in snippets and text; a `with` snippet found in the
//!   text is a true positive, missed a false negative; a `without` snippet found is a false
//!   positive. Precision, recall and F1 over all snippets of all pages (trafilatura's
//!   `tests/comparison.py`).
//! * Metadata (WCXB): title and author compared as case-folded `\w+` word sequences; the
//!   publication day as the `YYYY-MM-DD` date part.
//!
//! One known difference from Python: Rust's Unicode `\w` also matches combining marks (Mn/Mc),
//! Python's `\w` does not, so words with combining marks (some Indic scripts) are one token
//! here and several in Python. Latin, Cyrillic, CJK, … text tokenises the same.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

fn word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\w+").expect("valid regex"))
}

/// `\w+` matches (Unicode), as they are.
pub fn tokens(text: &str) -> Vec<&str> {
    word_re().find_iter(text).map(|m| m.as_str()).collect()
}

/// `\w+` matches (Unicode), lower-cased.
pub fn tokens_lower(text: &str) -> Vec<String> {
    word_re()
        .find_iter(text)
        .map(|m| m.as_str().to_lowercase())
        .collect()
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(precision: f64, recall: f64) -> Self {
        Prf {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

/// Harmonic mean; 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

fn mean(values: impl IntoIterator<Item = f64>) -> f64 {
    let (mut sum, mut n) = (0.0, 0usize);
    for v in values {
        sum += v;
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

// ---------------------------------------------------------------------------------------------
// ScrapingHub: 4-gram shingles
// ---------------------------------------------------------------------------------------------

/// Shingle size of the ScrapingHub metric.
pub const SHINGLE_N: usize = 4;

/// Raw shingle counts of one page (the upstream script normalises them by their sum, which
/// leaves precision and recall unchanged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShingleCounts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

/// Multiset of shingles: runs of `n` consecutive tokens; a text with 1..n tokens gives one
/// shingle of all its tokens; no tokens, no shingles (as upstream `_ngrams`).
fn shingles<'a>(toks: &'a [&'a str], n: usize) -> HashMap<&'a [&'a str], usize> {
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    if toks.len() < n {
        out.insert(toks, 1);
        return out;
    }
    for w in toks.windows(n) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// TP/FP/FN over 4-gram shingles of case-sensitive `\w+` tokens.
pub fn shingle_counts(gold: &str, pred: &str) -> ShingleCounts {
    let gt = tokens(gold);
    let pt = tokens(pred);
    let gs = shingles(&gt, SHINGLE_N);
    let ps = shingles(&pt, SHINGLE_N);
    let mut c = ShingleCounts::default();
    for (k, &g) in &gs {
        let p = ps.get(k).copied().unwrap_or(0);
        c.tp += g.min(p);
        c.fn_ += g.saturating_sub(p);
    }
    for (k, &p) in &ps {
        let g = gs.get(k).copied().unwrap_or(0);
        c.fp += p.saturating_sub(g);
    }
    c
}

impl ShingleCounts {
    /// Per-page precision (rule of `shared/README.md`): no predicted shingles → 0, unless gold
    /// has none either → 1.
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            if self.fn_ == 0 {
                1.0
            } else {
                0.0
            }
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    /// Per-page recall: no gold shingles → 1 if nothing is predicted either, else 0 (the
    /// mirror of the precision rule; ScrapingHub has no page with an empty gold body).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            if self.fp == 0 {
                1.0
            } else {
                0.0
            }
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }

    /// F1 of this page alone (for per-page dumps; the benchmark F1 is of the averages).
    pub fn page_f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// The headline ScrapingHub figures: per-page P and R (README rule) averaged over all pages,
/// F1 of the averages.
pub fn shingle_aggregate(pages: &[ShingleCounts]) -> Prf {
    Prf::new(
        mean(pages.iter().map(|c| c.precision())),
        mean(pages.iter().map(|c| c.recall())),
    )
}

/// The same figures under the exact rule of upstream `evaluate.py`: precision is averaged
/// only over pages with any predicted shingle (`tp + fp > 0`), recall only over pages with any
/// gold shingle (`tp + fn > 0`). An extractor that returns nothing on a page is not penalised
/// in precision there. Given for comparison with published tables.
pub fn shingle_aggregate_upstream(pages: &[ShingleCounts]) -> Prf {
    let p = mean(
        pages
            .iter()
            .filter(|c| c.tp + c.fp > 0)
            .map(|c| c.precision()),
    );
    let r = mean(
        pages
            .iter()
            .filter(|c| c.tp + c.fn_ > 0)
            .map(|c| c.recall()),
    );
    Prf::new(p, r)
}

// ---------------------------------------------------------------------------------------------
// WCXB: bag of words
// ---------------------------------------------------------------------------------------------

/// Bag-of-words overlap of lower-cased `\w+` tokens: P = common / predicted, R = common /
/// gold, F1 per page. Both empty → 1; exactly one empty → 0.
pub fn bow_prf(gold: &str, pred: &str) -> Prf {
    let gt = tokens_lower(gold);
    let pt = tokens_lower(pred);
    if gt.is_empty() && pt.is_empty() {
        return Prf::new(1.0, 1.0);
    }
    if gt.is_empty() || pt.is_empty() {
        return Prf::new(0.0, 0.0);
    }
    let mut bag: HashMap<&str, usize> = HashMap::new();
    for t in &gt {
        *bag.entry(t.as_str()).or_insert(0) += 1;
    }
    let mut common = 0usize;
    for t in &pt {
        if let Some(n) = bag.get_mut(t.as_str()) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    Prf::new(
        common as f64 / pt.len() as f64,
        common as f64 / gt.len() as f64,
    )
}

/// Per-page P, R and F1 each averaged over pages (the WCXB figure is the mean per-page F1,
/// not the F1 of the mean P and R).
pub fn mean_prf(pages: &[Prf]) -> Prf {
    Prf {
        precision: mean(pages.iter().map(|p| p.precision)),
        recall: mean(pages.iter().map(|p| p.recall)),
        f1: mean(pages.iter().map(|p| p.f1)),
    }
}

// ---------------------------------------------------------------------------------------------
// trafilatura-eval: snippets in and out
// ---------------------------------------------------------------------------------------------

/// Snippet counts of one page (or summed over pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SnippetCounts {
    /// `with` snippets found.
    pub tp: usize,
    /// `with` snippets missed.
    pub fn_: usize,
    /// `without` snippets found.
    pub fp: usize,
    /// `without` snippets rightly left out.
    pub tn: usize,
}

impl std::ops::AddAssign for SnippetCounts {
    fn add_assign(&mut self, o: Self) {
        self.tp += o.tp;
        self.fn_ += o.fn_;
        self.fp += o.fp;
        self.tn += o.tn;
    }
}

impl SnippetCounts {
    /// Precision, recall and F1 over these counts (0 where a denominator is 0).
    pub fn prf(&self) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        Prf::new(
            ratio(self.tp, self.tp + self.fp),
            ratio(self.tp, self.tp + self.fn_),
        )
    }
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether each snippet occurs in the text, whitespace collapsed in both. Empty snippets are
/// not counted.
pub fn snippet_hits<'a>(snippets: &'a [String], text: &str) -> Vec<(&'a str, bool)> {
    let text = collapse_ws(text);
    snippets
        .iter()
        .filter_map(|s| {
            let s2 = collapse_ws(s);
            (!s2.is_empty()).then(|| (s.as_str(), text.contains(&s2)))
        })
        .collect()
}

/// The counts of one page: `with` snippets that must be in the text, `without` that must not.
pub fn snippet_counts(with: &[String], without: &[String], text: &str) -> SnippetCounts {
    let mut c = SnippetCounts::default();
    for (_, hit) in snippet_hits(with, text) {
        if hit {
            c.tp += 1;
        } else {
            c.fn_ += 1;
        }
    }
    for (_, hit) in snippet_hits(without, text) {
        if hit {
            c.fp += 1;
        } else {
            c.tn += 1;
        }
    }
    c
}

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

/// Whether a gold metadata string counts (has at least one word).
pub fn has_words(gold: Option<&str>) -> bool {
    gold.is_some_and(|g| word_re().is_match(g))
}

/// Title: equal case-folded word sequences (punctuation and spacing ignored).
pub fn title_match(gold: &str, pred: Option<&str>) -> bool {
    pred.is_some_and(|p| tokens_lower(gold) == tokens_lower(p))
}

/// Author. Gold is one string that may name several people ("A and B", "A, B",
/// "A, B, and C"); the prediction is a list. The case-folded word sequence of gold (commas and
/// other punctuation are not words) must equal that of one of:
/// 1. the first predicted author alone (gold names only the lead author);
/// 2. all predicted authors joined by a space ("A, B" in gold);
/// 3. all predicted authors joined by " and " ("A and B");
/// 4. the predicted authors as an English list, "and" before the last only ("A, B, and C").
///
/// An empty prediction never matches.
pub fn author_match(gold: &str, pred: &[String]) -> bool {
    let pred: Vec<&str> = pred
        .iter()
        .map(|s| s.as_str())
        .filter(|s| has_words(Some(s)))
        .collect();
    if pred.is_empty() {
        return false;
    }
    let g = tokens_lower(gold);
    let mut candidates = vec![pred[0].to_string(), pred.join(" "), pred.join(" and ")];
    if pred.len() > 2 {
        let (last, head) = pred.split_last().expect("non-empty");
        candidates.push(format!("{}, and {}", head.join(", "), last));
    }
    candidates.iter().any(|c| tokens_lower(c) == g)
}

fn date_part(s: &str) -> Option<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"^\d{4}-\d{2}(?:-\d{2})?").expect("valid regex"));
    re.find(s.trim()).map(|m| m.as_str())
}

/// Whether gold gives a usable date (`YYYY-MM-DD`, or `YYYY-MM` on one WCXB page).
pub fn has_gold_day(gold: Option<&str>) -> bool {
    gold.and_then(date_part).is_some()
}

/// Day of publication: the `YYYY-MM-DD` part of gold equals that of the prediction (any
/// time or zone after it is ignored). A month-only gold (`YYYY-MM`) matches a prediction in
/// that month. A prediction that does not start with an ISO date never matches.
pub fn day_match(gold: &str, pred: Option<&str>) -> bool {
    let (Some(g), Some(p)) = (date_part(gold), pred.and_then(date_part)) else {
        return false;
    };
    if g.len() == 10 {
        p == g
    } else {
        p.starts_with(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn tokens_are_unicode_words() {
        assert_eq!(
            tokens("Café naïve, l'été — 2016!"),
            vec!["Café", "naïve", "l", "été", "2016"]
        );
        assert_eq!(tokens_lower("Hello WORLD"), vec!["hello", "world"]);
    }

    #[test]
    fn shingles_identical_is_one() {
        let t = "The quick brown fox jumps over the lazy dog.";
        let c = shingle_counts(t, t);
        assert_eq!(
            c,
            ShingleCounts {
                tp: 6,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(c.precision(), 1.0);
        assert_eq!(c.recall(), 1.0);
        assert_eq!(shingle_aggregate(&[c]).f1, 1.0);
    }

    #[test]
    fn shingles_disjoint_is_zero() {
        let c = shingle_counts("alpha beta gamma delta epsilon", "one two three four");
        assert_eq!(
            c,
            ShingleCounts {
                tp: 0,
                fp: 1,
                fn_: 2
            }
        );
        assert_eq!(c.precision(), 0.0);
        assert_eq!(c.recall(), 0.0);
        assert_eq!(shingle_aggregate(&[c]).f1, 0.0);
    }

    #[test]
    fn shingles_partial() {
        // gold: a b c d e → {abcd, bcde}; pred: a b c d x → {abcd, bcdx}
        let c = shingle_counts("a b c d e", "a b c d x");
        assert_eq!(
            c,
            ShingleCounts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert!(close(c.precision(), 0.5) && close(c.recall(), 0.5));
        // multisets: gold has "a b c d" twice, pred once plus junk
        // gold: a b c d a b c d → abcd, bcda, cdab, dabc, abcd (abcd×2)
        // pred: a b c d z       → abcd, bcdz
        let c = shingle_counts("a b c d a b c d", "a b c d z");
        assert_eq!(
            c,
            ShingleCounts {
                tp: 1,
                fp: 1,
                fn_: 4
            }
        );
        assert!(close(c.recall(), 0.2));
    }

    #[test]
    fn shingles_are_case_sensitive_and_short_texts_are_one_shingle() {
        let c = shingle_counts("Hello world", "hello world");
        assert_eq!(
            c,
            ShingleCounts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        let c = shingle_counts("Hello, world!", "Hello world");
        assert_eq!(
            c,
            ShingleCounts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }

    #[test]
    fn empty_prediction_rules() {
        let empty = shingle_counts("a b c d e", "");
        assert_eq!(empty.precision(), 0.0);
        assert_eq!(empty.recall(), 0.0);
        let both = shingle_counts("", " ... ");
        assert_eq!((both.precision(), both.recall()), (1.0, 1.0));
        // one perfect page, one empty prediction
        let perfect = shingle_counts("a b c d e", "a b c d e");
        let readme = shingle_aggregate(&[perfect, empty]);
        assert!(close(readme.precision, 0.5) && close(readme.recall, 0.5) && close(readme.f1, 0.5));
        let upstream = shingle_aggregate_upstream(&[perfect, empty]);
        assert!(close(upstream.precision, 1.0) && close(upstream.recall, 0.5));
        assert!(close(upstream.f1, 2.0 / 3.0));
    }

    #[test]
    fn bow_cases() {
        let t = "The cat sat on the mat.";
        assert_eq!(bow_prf(t, t), Prf::new(1.0, 1.0));
        assert_eq!(bow_prf(t, "dogs bark"), Prf::new(0.0, 0.0));
        // gold 6 tokens (the×2), pred "THE cat" → 2 common: P = 1, R = 1/3, F1 = 0.5
        let p = bow_prf(t, "THE cat");
        assert!(close(p.precision, 1.0) && close(p.recall, 1.0 / 3.0) && close(p.f1, 0.5));
        // multiset: pred repeats "the" 3 times, gold has it twice → common 2 of 3 predicted
        let p = bow_prf(t, "the the the");
        assert!(close(p.precision, 2.0 / 3.0) && close(p.recall, 2.0 / 6.0));
        assert_eq!(bow_prf("", ""), Prf::new(1.0, 1.0));
        assert_eq!(bow_prf("words", ""), Prf::new(0.0, 0.0));
        let m = mean_prf(&[Prf::new(1.0, 1.0), Prf::new(0.0, 0.0)]);
        assert!(close(m.f1, 0.5) && close(m.precision, 0.5));
    }

    #[test]
    fn snippet_rule() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let text = "The first  paragraph ends here.\n\nThe second one\nfollows.";
        let c = snippet_counts(
            &v(&[
                "paragraph ends here. The second",
                "one follows",
                "missing",
                "",
            ]),
            &v(&["second one", "Cookie policy"]),
            text,
        );
        assert_eq!(
            c,
            SnippetCounts {
                tp: 2,
                fn_: 1,
                fp: 1,
                tn: 1
            }
        );
        let p = c.prf();
        assert!(close(p.precision, 2.0 / 3.0) && close(p.recall, 2.0 / 3.0));
        let mut sum = c;
        sum += snippet_counts(&v(&["x"]), &[], "");
        assert_eq!(sum.fn_, 2);
        assert_eq!(SnippetCounts::default().prf(), Prf::new(0.0, 0.0));
    }

    #[test]
    fn title_rule() {
        assert!(title_match(
            "Top Trends: Fall 2025",
            Some("top trends — fall 2025")
        ));
        assert!(!title_match(
            "Top Trends: Fall 2025",
            Some("Top Trends: Fall 2025 | Site")
        ));
        assert!(!title_match("Top Trends", None));
    }

    #[test]
    fn author_rule() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(author_match("Andrew King", &v(&["andrew king"])));
        assert!(author_match("Jane Doe", &v(&["Jane Doe", "John Roe"])));
        assert!(author_match(
            "Chen Zhao, Daryl Fairweather",
            &v(&["Chen Zhao", "Daryl Fairweather"])
        ));
        assert!(author_match(
            "Jane Doe and John Roe",
            &v(&["Jane Doe", "John Roe"])
        ));
        assert!(author_match(
            "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen",
            &v(&["Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"])
        ));
        assert!(!author_match("Jane Doe", &v(&["John Roe"])));
        assert!(!author_match("Jane Doe", &v(&["John Roe", "Jane Doe"])));
        assert!(!author_match("Jane Doe", &[]));
    }

    #[test]
    fn day_rule() {
        assert!(day_match("2025-09-04", Some("2025-09-04T10:00:00-05:00")));
        assert!(day_match("2025-09-04", Some("2025-09-04")));
        assert!(!day_match("2025-09-04", Some("2025-09-05")));
        assert!(!day_match("2025-09-04", Some("September 4, 2025")));
        assert!(!day_match("2025-09-04", None));
        assert!(day_match("2025-09", Some("2025-09-14")));
        assert!(!day_match("2025-09", Some("2025-10-01")));
        assert!(has_gold_day(Some("2025-09-04")) && !has_gold_day(Some("")) && !has_gold_day(None));
    }
}
