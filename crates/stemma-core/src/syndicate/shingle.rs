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
pub const SAMPLE_BITS: u32 = 3;

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// SplitMix64's finaliser: a cheap, well-mixing permutation of 64-bit values.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// For each ASCII byte: is it a `\w` character?
const ASCII_WORD_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric() || c == b'_';
        i += 1;
    }
    t
};

/// `\w` for a non-ASCII character, answering the common punctuation (curly quotes, dashes,
/// ellipsis, no-break space) without the Unicode tables.
#[inline]
fn is_word_char(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206F}' | '\u{A0}') && c.is_alphanumeric()
}

/// Hash of one word's lower-cased bytes, read eight at a time (little-endian, zero-padded).
#[inline]
fn hash_bytes(bytes: &[u8], ascii_word: bool) -> u64 {
    let mut h = K2;
    let mut chunks = bytes.chunks_exact(8);
    let lower = if ascii_word { 0x2020_2020_2020_2020 } else { 0 };
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = (h ^ (u64::from_le_bytes(a) | lower))
            .wrapping_mul(K1)
            .rotate_left(29);
    }
    let rest = chunks.remainder();
    let mut tail = 0u64;
    for (k, &b) in rest.iter().enumerate() {
        tail |= u64::from(b | (lower as u8)) << (8 * k);
    }
    mix64((h ^ tail).wrapping_mul(K1) ^ bytes.len() as u64)
}

/// Calls `f` with the hash of every lower-cased `\w+` word of `text`, in order. A word of
/// ASCII letters, digits and `_` is hashed straight from the text (OR 0x20 lower-cases all of
/// them consistently); a word with other characters is lower-cased into a buffer first, its
/// ASCII bytes mapped the same way.
pub fn for_each_word_hash(text: &str, mut f: impl FnMut(u64)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut buf: Vec<u8> = Vec::new();
    while i < n {
        // Skip to the start of a word.
        let b = bytes[i];
        if b < 0x80 {
            if !ASCII_WORD_BYTE[b as usize] {
                i += 1;
                continue;
            }
        } else {
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        while i < n && bytes[i] < 0x80 && ASCII_WORD_BYTE[bytes[i] as usize] {
            i += 1;
        }
        if i >= n || bytes[i] < 0x80 {
            f(hash_bytes(&bytes[start..i], true));
            continue;
        }
        // A word with non-ASCII characters: lower-case it into the buffer.
        buf.clear();
        for &x in &bytes[start..i] {
            buf.push(x | 0x20);
        }
        while i < n {
            let b = bytes[i];
            if b < 0x80 {
                if !ASCII_WORD_BYTE[b as usize] {
                    break;
                }
                buf.push(b | 0x20);
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                i = n;
                break;
            };
            if !is_word_char(c) {
                break;
            }
            i += c.len_utf8();
            let mut tmp = [0u8; 4];
            for l in c.to_lowercase() {
                buf.extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
            }
        }
        f(hash_bytes(&buf, false));
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

/// Rotation per position inside a shingle.
const ROT: u32 = 13;

/// A shingle's hash: its words rotated by their position, XORed, then mixed. The XOR form
/// rolls: moving the window one word costs two rotations and two XORs.
#[inline]
fn combine(ws: &[u64]) -> u64 {
    let mut h = 0u64;
    for &w in ws {
        h = h.rotate_left(ROT) ^ w;
    }
    finish_shingle(h)
}

/// A shingle's final hash: the XOR of its rotated words, mixed.
#[inline]
fn finish_shingle(h: u64) -> u64 {
    mix64(h ^ K2)
}

/// Is this shingle hash in the sample?
#[inline]
pub fn sampled(h: u64) -> bool {
    h >> (64 - SAMPLE_BITS) == 0
}

/// The stored key of a sampled shingle: the 32 bits below the sampling bits.
#[inline]
pub fn key(h: u64) -> u32 {
    (h >> (32 - SAMPLE_BITS)) as u32
}

/// The sorted, de-duplicated sample keys of `text`, and how many shingles it has in all.
pub fn sample(text: &str) -> (Vec<u32>, usize) {
    let mut ring = [0u64; SHINGLE_WORDS];
    let mut n_words = 0usize;
    let mut h = 0u64;
    let out_rot = ROT * SHINGLE_WORDS as u32;
    let mut keys: Vec<u32> = Vec::with_capacity((text.len() >> (SAMPLE_BITS + 4)) + 4);
    for_each_word_hash(text, |w| {
        let slot = n_words % SHINGLE_WORDS;
        // Drop the word leaving the window (rotated SHINGLE_WORDS times by now).
        h = h.rotate_left(ROT) ^ w ^ ring[slot].rotate_left(out_rot);
        ring[slot] = w;
        n_words += 1;
        if n_words >= SHINGLE_WORDS {
            let s = finish_shingle(h);
            if sampled(s) {
                keys.push(key(s));
            }
        }
    });
    let shingles = if n_words == 0 {
        0
    } else if n_words < SHINGLE_WORDS {
        let words = word_hashes(text);
        let h = combine(&words);
        if sampled(h) {
            keys.push(key(h));
        }
        1
    } else {
        n_words - SHINGLE_WORDS + 1
    };
    keys.sort_unstable();
    keys.dedup();
    keys.shrink_to_fit();
    (keys, shingles)
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
    fn streaming_sample_matches_the_windows() {
        let text = "Über 40 fjords — and the ÉCOLE_normale said: ‘no’, twice! ".repeat(30);
        let words = word_hashes(&text);
        let mut expect: Vec<u32> = shingle_hashes(&words)
            .into_iter()
            .filter(|&h| sampled(h))
            .map(key)
            .collect();
        expect.sort_unstable();
        expect.dedup();
        assert_eq!(sample(&text).0, expect);
        assert_eq!(sample(&text).1, words.len() - SHINGLE_WORDS + 1);
        assert_eq!(word_hashes("x_1 Y"), word_hashes("X_1 y"));
    }

    #[test]
    fn short_and_empty_texts() {
        assert_eq!(sample("").1, 0);
        assert_eq!(sample("two words").1, 1);
        assert_eq!(normalise("  “Yes,” she SAID. "), "yes she said");
    }
}
