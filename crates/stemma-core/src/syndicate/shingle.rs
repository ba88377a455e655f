//! Words → shingles → a content-defined sample of shingle keys.
//!
//! A word is a maximal run of `\w` characters, lower-cased. A shingle is [`SHINGLE_WORDS`]
//! consecutive words, hashed to 64 bits from per-word hashes (no string is built). A shingle
//! is *sampled* when the low [`SAMPLE_BITS`] bits of its hash are zero: the choice depends on
//! the shingle alone, so a passage two documents share yields the same sampled keys in both,
//! whatever surrounds it. Containment measured on the samples therefore estimates containment
//! of the full shingle sets, including for an excerpt a fifth the length of its original.

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// One shingle in 2^SAMPLE_BITS is kept.
pub const SAMPLE_BITS: u32 = 2;

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// SplitMix64's finaliser: a cheap, well-mixing permutation of 64-bit values.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Calls `f` with the hash of every lower-cased `\w+` word of `text`, in order.
pub fn for_each_word_hash(text: &str, mut f: impl FnMut(u64)) {
    let mut h = 0u64;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            in_word = true;
            if c.is_ascii() {
                h = (h.rotate_left(5) ^ u64::from(c.to_ascii_lowercase() as u32)).wrapping_mul(K1);
            } else {
                for l in c.to_lowercase() {
                    h = (h.rotate_left(5) ^ u64::from(l as u32)).wrapping_mul(K1);
                }
            }
        } else if in_word {
            f(mix64(h));
            h = 0;
            in_word = false;
        }
    }
    if in_word {
        f(mix64(h));
    }
}

/// Hashes of the lower-cased `\w+` words of `text`.
pub fn word_hashes(text: &str) -> Vec<u64> {
    let mut v = Vec::with_capacity(text.len() / 6 + 1);
    for_each_word_hash(text, |h| v.push(h));
    v
}

/// The 64-bit hash of each shingle of `words` (none when there are fewer words than a
/// shingle: a text that short is one shingle of all its words, if it has any).
pub fn shingle_hashes(words: &[u64]) -> Vec<u64> {
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < SHINGLE_WORDS {
        return vec![combine(words)];
    }
    words.windows(SHINGLE_WORDS).map(combine).collect()
}

#[inline]
fn combine(ws: &[u64]) -> u64 {
    let mut h = K2;
    for &w in ws {
        h = (h.rotate_left(23) ^ w).wrapping_mul(K1);
    }
    mix64(h)
}

/// Is this shingle hash in the sample?
#[inline]
pub fn sampled(h: u64) -> bool {
    h & ((1u64 << SAMPLE_BITS) - 1) == 0
}

/// The stored key of a sampled shingle: its high 32 bits.
#[inline]
pub fn key(h: u64) -> u32 {
    (h >> 32) as u32
}

/// The sorted, de-duplicated sample keys of `text`, and how many shingles it has in all.
pub fn sample(text: &str) -> (Vec<u32>, usize) {
    let words = word_hashes(text);
    let shingles = shingle_hashes(&words);
    let mut keys: Vec<u32> = shingles
        .iter()
        .copied()
        .filter(|&h| sampled(h))
        .map(key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    (keys, shingles.len())
}

/// Lower-cased `\w+` words joined by single spaces: the form quotes are compared in.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Size of the intersection of two sorted, de-duplicated key lists.
pub fn intersect_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_and_punctuation() {
        assert_eq!(
            word_hashes("The Mayor, said: \"no\"."),
            word_hashes("the mayor said no")
        );
        assert_eq!(word_hashes("Ärger über"), word_hashes("ärger ÜBER"));
        assert!(word_hashes("  ,.; ").is_empty());
    }

    #[test]
    fn an_excerpt_samples_a_subset_of_its_original() {
        let original: String = (0..400).map(|i| format!("word{} ", i * 7 % 131)).collect();
        let excerpt: String = original
            .split(' ')
            .skip(120)
            .take(90)
            .collect::<Vec<_>>()
            .join(" ");
        let (o, _) = sample(&original);
        let (e, n) = sample(&excerpt);
        assert!(n > 80);
        assert!(!e.is_empty());
        assert_eq!(intersect_count(&o, &e), e.len());
    }

    #[test]
    fn short_and_empty_texts() {
        assert_eq!(sample("").1, 0);
        assert_eq!(sample("two words").1, 1);
        assert_eq!(normalise("  “Yes,” she SAID. "), "yes she said");
    }
}
