//! Small text utilities shared by the extractors: whitespace, words, dates, languages.

pub use crate::dates::{find_date, find_dates, parse_date};

/// Collapse runs of whitespace (including NBSP) to one space and trim. Invisible marks inside
/// a word (a soft hyphen, a zero-width space, a BOM) are dropped: "Mit\u{ad}tel\u{ad}al\u{ad}ter"
/// is one word on screen, so it is one word here.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if is_ascii_space(b) {
                pending_space = !out.is_empty();
                i += 1;
                continue;
            }
            // A run of visible ASCII, copied at once.
            let run = bytes[i..]
                .iter()
                .position(|&c| !c.is_ascii() || is_ascii_space(c))
                .map_or(bytes.len(), |n| i + n);
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str(&s[i..run]);
            i = run;
            continue;
        }
        let c = s[i..].chars().next().expect("char boundary");
        i += c.len_utf8();
        if matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}') {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// ASCII whitespace as `char::is_whitespace` has it (vertical tab included).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// `c.is_alphanumeric() || c == '_'`: a character of a `\w+` word, with answers for ASCII,
/// the Latin letter blocks, basic Cyrillic and general punctuation that skip the Unicode
/// tables.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric() || c == '_',
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x410..=0x44F => true,
        0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

/// The characters of `s` that are not whitespace, each weighted by [`char_weight`].
pub fn weighted_chars(s: &str) -> u32 {
    let mut n = 0u32;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            n += u32::from(!is_ascii_space(b));
            i += 1;
        } else {
            let c = s[i..].chars().next().expect("char boundary");
            i += c.len_utf8();
            if !c.is_whitespace() {
                n += char_weight(c);
            }
        }
    }
    n
}

/// Lower-cased `\w+` words.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Whether `s`'s [`words`] are `words`, without allocating for ASCII words.
pub fn words_equal(s: &str, words: &[String]) -> bool {
    let mut want = words.iter();
    for w in s
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        let Some(t) = want.next() else {
            return false;
        };
        let same = if w.is_ascii() {
            w.len() == t.len()
                && w.bytes()
                    .zip(t.bytes())
                    .all(|(a, b)| a.to_ascii_lowercase() == b)
        } else {
            w.to_lowercase() == *t
        };
        if !same {
            return false;
        }
    }
    want.next().is_none()
}

/// Whether `s` has at most `n` characters (without counting past `n + 1`).
pub fn at_most_chars(s: &str, n: usize) -> bool {
    s.chars().nth(n).is_none()
}

/// Number of `\w+` words, without allocating.
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = is_word_char(c);
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// Scripts written without spaces between words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unspaced {
    /// Han ideographs, kana: about one word per character.
    Cjk,
    /// Thai, Lao, Khmer, Myanmar: alphabetic, several characters per word.
    SouthEastAsian,
}

/// Whether `c` belongs to a script written without spaces between words.
pub fn unspaced(c: char) -> Option<Unspaced> {
    let u = c as u32;
    if u < 0x0E00 {
        return None;
    }
    match u {
        0x3040..=0x30FF      // hiragana, katakana
        | 0x31F0..=0x31FF    // katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9D    // half-width katakana
        | 0x20000..=0x3134F => Some(Unspaced::Cjk),
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF => Some(Unspaced::SouthEastAsian),
        _ => None,
    }
}

/// How many characters of a spaced script one character stands for, when text is measured
/// by its length: a Han or kana character carries about what three Latin letters do.
pub fn char_weight(c: char) -> u32 {
    match unspaced(c) {
        Some(Unspaced::Cjk) => 3,
        _ => 1,
    }
}

/// Number of words, for scripts with and without spaces: a `\w+` run counts one, except that
/// each Han or kana character counts as a word of its own and a Thai, Lao, Khmer or Myanmar
/// run counts one word per four characters. (`word_count` sees a whole Chinese sentence as
/// one word.)
pub fn word_count_unspaced(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut sea_run = 0usize;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() && sea_run == 0 {
            let w = b.is_ascii_alphanumeric() || b == b'_';
            if w && !in_word {
                n += 1;
            }
            in_word = w;
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("char boundary");
        i += c.len_utf8();
        let kind = unspaced(c);
        if kind == Some(Unspaced::SouthEastAsian) || (sea_run > 0 && is_combining_mark(c)) {
            sea_run += 1;
            continue;
        }
        if sea_run > 0 {
            n += sea_run.div_ceil(4);
            sea_run = 0;
        }
        if kind == Some(Unspaced::Cjk) {
            n += 1;
            in_word = false;
            continue;
        }
        let w = is_word_char(c);
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n + sea_run.div_ceil(4)
}

fn is_combining_mark(c: char) -> bool {
    // Thai and friends write vowels and tones as combining marks, which are not alphanumeric.
    matches!(c as u32, 0x0E31..=0x0E4E | 0x0EB1..=0x0ECD | 0x102B..=0x103E | 0x17B4..=0x17D3)
}

/// ISO 639-3 (whatlang) → BCP 47 primary subtag (ISO 639-1 where one exists).
pub fn bcp47_from_639_3(code: &str) -> &str {
    match code {
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "epo" => "eo",
        "cym" => "cy",
        "sqi" => "sq",
        "isl" => "is",
        "gle" => "ga",
        "kaz" => "kk",
        "mon" => "mn",
        "msa" => "ms",
        "swa" => "sw",
        "som" => "so",
        "hau" => "ha",
        "yor" => "yo",
        "ibo" => "ig",
        "tat" => "tt",
        "tgk" => "tg",
        "kir" => "ky",
        "lao" => "lo",
        "bos" => "bs",
        "mlt" => "mt",
        "glg" => "gl",
        "eus" => "eu",
        "ltz" => "lb",
        other => other,
    }
}

/// Detect the language of a body of text, when confident.
pub fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(2000).collect();
    if word_count_unspaced(&sample) < 5 {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(bcp47_from_639_3(info.lang().code()).to_string())
}

/// Normalise a declared language (`en_US`, `EN-gb`, `en-US,fr`) to BCP 47 (`en-US`).
pub fn normalise_lang(s: &str) -> Option<String> {
    let first = s.split([',', ';', ' ']).next()?.trim().replace('_', "-");
    let mut parts = first.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    if primary.len() < 2 || primary.len() > 3 || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary;
    if let Some(region) = parts.next() {
        if region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic()) {
            out.push('-');
            out.push_str(&region.to_ascii_uppercase());
        } else if region.len() == 4 && region.bytes().all(|b| b.is_ascii_alphabetic()) {
            out.push('-');
            out.push_str(&region[..1].to_ascii_uppercase());
            out.push_str(&region[1..].to_ascii_lowercase());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_unspaced_scripts() {
        assert_eq!(word_count_unspaced("The cat sat."), 3);
        // Each ideograph or kana is a word; Latin runs between them count once.
        assert_eq!(word_count("市议会周一批准了新的渡轮航线"), 1);
        assert_eq!(word_count_unspaced("市议会周一批准了新的渡轮航线"), 14);
        assert_eq!(word_count_unspaced("フェリーの新航路が承認された"), 14);
        assert_eq!(word_count_unspaced("iPhone 的新款"), 4);
        // Thai: a run of 12 letters and marks is about three words.
        assert_eq!(word_count_unspaced("สภาเมืองอนุมั"), 4);
        assert_eq!(char_weight('市'), 3);
        assert_eq!(char_weight('a'), 1);
        assert_eq!(char_weight('ж'), 1);
    }

    #[test]
    fn language_of_short_cjk_text() {
        assert_eq!(
            detect_language("市议会周一批准了新的渡轮航线，结束了数月的争论。").as_deref(),
            Some("zh")
        );
        assert_eq!(
            detect_language("市議会は月曜日、新しいフェリー航路を承認しました。").as_deref(),
            Some("ja")
        );
    }

    #[test]
    fn word_chars_agree_with_unicode() {
        for u in 0..0x3_0000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_word_char(c), c.is_alphanumeric() || c == '_', "{u:#x}");
            }
        }
    }

    #[test]
    fn fast_paths_agree_with_char_by_char() {
        let samples = [
            "",
            "  a\u{a0}\n b\t\tc  ",
            "x\u{b}y\u{c}z\r\n",
            "Mit\u{ad}tel\u{ad}al\u{200b}ter \u{feff}x",
            "iPhone 的新款 — “quoted” café_au lait",
            "สภาเมืองอนุมั abc สภา, x",
            "Привет, мир! 123 ×÷ µ ª",
        ];
        for s in samples {
            let slow_squash = {
                let mut out = String::new();
                let mut pending = false;
                for c in s.chars() {
                    if matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}') {
                        continue;
                    }
                    if c.is_whitespace() {
                        pending = !out.is_empty();
                    } else {
                        if pending {
                            out.push(' ');
                            pending = false;
                        }
                        out.push(c);
                    }
                }
                out
            };
            assert_eq!(squash(s), slow_squash, "{s:?}");
            let weighted: u32 = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(char_weight)
                .sum();
            assert_eq!(weighted_chars(s), weighted, "{s:?}");
            assert!(words_equal(s, &words(s)), "{s:?}");
        }
        assert_eq!(word_count_unspaced("abc สภา, x"), 3);
        assert!(!words_equal("The cat", &words("the cat sat")));
        assert!(!words_equal("The cat sat", &words("the cat")));
        assert!(words_equal("THE, Cat!", &words("the cat")));
    }

    #[test]
    fn squash_whitespace() {
        assert_eq!(squash("  a\u{a0}\n b\t\tc  "), "a b c");
        assert_eq!(
            squash("Mit\u{ad}tel\u{ad}al\u{200b}ter \u{feff}x"),
            "Mittelalter x"
        );
    }

    #[test]
    fn langs() {
        assert_eq!(normalise_lang("en_us").unwrap(), "en-US");
        assert_eq!(normalise_lang("fr").unwrap(), "fr");
        assert!(normalise_lang("x").is_none());
        let t =
            "The minister said on Tuesday that the coalition was reluctant to strike the group.";
        assert_eq!(detect_language(t).unwrap(), "en");
    }
}
