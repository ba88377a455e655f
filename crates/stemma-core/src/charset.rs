//! Bytes → text. Order of evidence: byte-order mark, the transport's charset (HTTP header),
//! a `<meta charset>` / `http-equiv` declaration in the first 4 KiB, then statistical
//! detection (chardetng) as the last resort.

use encoding_rs::Encoding;

/// Decode `bytes` to UTF-8 text. `http_charset` is the charset named by the transport.
/// `is_html` enables the `<meta>` prescan. Invalid sequences become U+FFFD; never fails.
pub fn decode(
    bytes: &[u8],
    http_charset: Option<&str>,
    is_html: bool,
) -> (String, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc);
    }
    let declared = http_charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| if is_html { meta_charset(bytes) } else { None });
    let enc = match declared {
        // A page that declares UTF-16 in ASCII-compatible meta is lying (WHATWG rule).
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => encoding_rs::UTF_8,
        Some(e) if e == encoding_rs::UTF_8 || std::str::from_utf8(bytes).is_err() => e,
        // Declared something else but the bytes are valid UTF-8: trust the bytes only if they
        // contain non-ASCII (pure ASCII decodes the same either way).
        Some(e) => {
            if bytes.is_ascii() {
                e
            } else {
                encoding_rs::UTF_8
            }
        }
        None => {
            if std::str::from_utf8(bytes).is_ok() {
                encoding_rs::UTF_8
            } else {
                let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                det.feed(&bytes[..bytes.len().min(64 * 1024)], true);
                det.guess(None, chardetng::Utf8Detection::Allow)
            }
        }
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc)
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
    fn detection_without_declaration() {
        let b = b"<p>Le gouvernement fran\xe7ais a d\xe9cid\xe9 de r\xe9former la s\xe9curit\xe9 sociale.</p>";
        let (t, _) = decode(b, None, true);
        assert!(t.contains("français"));
    }
}
