//! Bytes → text. Order of evidence: byte-order mark, the transport's charset (HTTP header),
//! a `<meta charset>` / `http-equiv` declaration in the first 4 KiB, then statistical
//! detection (chardetng) as the last resort.

use std::borrow::Cow;

use encoding_rs::Encoding;

/// Decode `bytes` to UTF-8 text. `http_charset` is the charset named by the transport.
/// `is_html` enables the `<meta>` prescan. Invalid sequences become U+FFFD; never fails.
pub fn decode(
    bytes: &[u8],
    http_charset: Option<&str>,
    is_html: bool,
) -> (String, &'static Encoding) {
    let (text, enc) = decode_cow(bytes, http_charset, is_html);
    (text.into_owned(), enc)
}

/// [`decode`], borrowing `bytes` when they are already valid UTF-8 in the chosen encoding
/// (most pages): no copy of the page.
pub fn decode_cow<'a>(
    bytes: &'a [u8],
    http_charset: Option<&str>,
    is_html: bool,
) -> (Cow<'a, str>, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, enc);
    }
    let declared = http_charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| if is_html { meta_charset(bytes) } else { None });
    let enc = match declared {
        // A page that declares UTF-16 in ASCII-compatible meta is lying (WHATWG rule).
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => encoding_rs::UTF_8,
        Some(e) if e == encoding_rs::UTF_8 => e,
        // Declared something else but the bytes are (mostly) UTF-8: trust the bytes, as pure
        // ASCII decodes the same either way.
        Some(e) => {
            if looks_utf8(bytes) {
                encoding_rs::UTF_8
            } else {
                e
            }
        }
        None => {
            if bytes.is_ascii() || looks_utf8(bytes) {
                encoding_rs::UTF_8
            } else {
                let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                det.feed(&bytes[..bytes.len().min(64 * 1024)], true);
                det.guess(None, chardetng::Utf8Detection::Allow)
            }
        }
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text, enc)
}

/// Whether `bytes` are UTF-8 text, allowing a few damaged bytes: it has non-ASCII characters,
/// and its valid multi-byte sequences outnumber its invalid ones at least two to one. Text in
/// a legacy single- or double-byte encoding forms a valid UTF-8 sequence only by accident (a
/// capital letter before a symbol), so its invalid sequences are the many and its valid ones
/// the few; one bad byte in a UTF-8 file leaves all its other non-ASCII characters valid.
fn looks_utf8(bytes: &[u8]) -> bool {
    // Valid throughout (most pages): UTF-8 when anything is non-ASCII.
    if let Ok(s) = std::str::from_utf8(bytes) {
        return !s.is_ascii();
    }
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Lead bytes of multi-byte characters: one per non-ASCII character.
        valid += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > 0 && valid >= 2 * invalid
}

/// Prescan the first 4 KiB for `<meta charset=…>` or `<meta http-equiv=Content-Type content="…charset=…">`.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut pos = 0;
    while let Some(i) = memchr::memmem::find(&lower[pos..], b"<meta") {
        let start = pos + i;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map(|e| start + e)
            .unwrap_or(lower.len());
        let tag = &lower[start..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| {
                        b == b'"' || b == b'\'' || b == b';' || b == b'/' || b.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..len]) {
                    return Some(e);
                }
            }
        }
        pos = end.max(start + 5);
        if pos >= lower.len() {
            break;
        }
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("<meta charset=latin1>é".as_bytes());
        let (t, e) = decode(&b, Some("windows-1252"), true);
        assert_eq!(e, encoding_rs::UTF_8);
        assert!(t.ends_with('é'));
    }

    #[test]
    fn meta_charset_latin1() {
        let b = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body>";
        let (t, _) = decode(b, None, true);
        assert!(t.contains("café"));
    }

    #[test]
    fn http_equiv() {
        let b = b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>\xcf\xf0\xe8";
        let (t, e) = decode(b, None, true);
        assert_eq!(e.name(), "windows-1251");
        assert!(t.ends_with("При"));
    }

    #[test]
    fn wrong_declared_charset_but_utf8_bytes() {
        let b = "<meta charset=iso-8859-1><p>naïve café</p>".as_bytes();
        let (t, _) = decode(b, None, true);
        assert!(t.contains("naïve café"));
    }

    #[test]
    fn one_bad_byte_keeps_utf8() {
        let mut b = "# Café notes\n\nWe met in Zürich, then São Paulo, for crème brûlée.\n"
            .as_bytes()
            .to_vec();
        b.extend_from_slice(b"A stray \xe9 byte here.\n");
        let (t, e) = decode(&b, None, false);
        assert_eq!(e, encoding_rs::UTF_8);
        assert!(t.contains("Café notes"), "{t}");
        assert!(t.contains("Zürich") && t.contains("crème brûlée"), "{t}");
        assert!(t.contains("stray \u{FFFD} byte"), "{t}");
        // Also when the page declares a legacy charset it does not use.
        let (t, e) = decode(&b, Some("windows-1252"), false);
        assert_eq!(e, encoding_rs::UTF_8);
        assert!(t.contains("Zürich"), "{t}");
    }

    #[test]
    fn legacy_text_with_accidental_utf8_pairs_keeps_its_charset() {
        // windows-1252: "À" (C0) is no UTF-8 lead, but "Â«" (C2 AB) and "Ã©" (C3 A9) are valid
        // UTF-8 pairs by accident; the many lone accented letters are not.
        let b = b"<p>Le caf\xe9 de la for\xeat \xe0 l'\xe9t\xe9, \xc2\xab voil\xe0 \xbb, \xc3\xa9crit-il, tr\xe8s s\xfbr.</p>";
        let (t, e) = decode(b, Some("windows-1252"), true);
        assert_eq!(e.name(), "windows-1252");
        assert!(t.contains("café de la forêt à l'été, Â« voilà »"), "{t}");
        // Undeclared, detection still reads it as a legacy encoding, not as UTF-8.
        let (t, e) = decode(b, None, true);
        assert_ne!(e, encoding_rs::UTF_8);
        assert!(t.contains("café"), "{t}");
        // windows-1251 Ukrainian: "Ві" (C2 B3) is a valid UTF-8 pair, the rest is not.
        let b = b"\xc2\xb3\xe4\xef\xee\xe2\xb3\xe4\xfc \xf3\xf0\xff\xe4\xf3 \xc2\xb3\xed \xed\xe0\xe4\xb3\xf1\xeb\xe0\xe2";
        let (t, e) = decode(b, Some("windows-1251"), false);
        assert_eq!(e.name(), "windows-1251");
        assert!(t.starts_with("Відповідь уряду Він"), "{t}");
    }

    #[test]
    fn detection_without_declaration() {
        let b = b"<p>Le gouvernement fran\xe7ais a d\xe9cid\xe9 de r\xe9former la s\xe9curit\xe9 sociale.</p>";
        let (t, _) = decode(b, None, true);
        assert!(t.contains("français"));
    }
}
