//! Small text utilities shared by the extractors: whitespace, words, dates, languages.

pub use crate::dates::{find_date, find_dates, parse_date};

/// Collapse runs of whitespace (including NBSP and zero-width marks) to one space and trim.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' || c == '\u{ad}' {
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

/// Lower-cased `\w+` words.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Number of `\w+` words, without allocating.
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = c.is_alphanumeric() || c == '_';
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
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
    if word_count(&sample) < 5 {
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
    fn squash_whitespace() {
        assert_eq!(squash("  a\u{a0}\n b\t\tc  "), "a b c");
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
