//! Guessing a format from a file name or from the first bytes of its content.

use std::io::Read;
use std::path::Path;

use stemma_core::Format;

use crate::FileKind;

/// How many bytes of content the sniffer looks at.
pub(crate) const SNIFF_BYTES: usize = 1024;

/// The two magic bytes every gzip member starts with.
pub(crate) const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

impl FileKind {
    pub const fn new(format: Format, gzip: bool) -> FileKind {
        FileKind { format, gzip }
    }

    /// The kind a file name announces: `.html` `.htm` `.xhtml` → HTML, `.md` `.markdown` →
    /// Markdown, `.txt` → text, `.warc` → WARC, each optionally followed by `.gz`
    /// (case-insensitive). `None` for any other name.
    pub fn from_path(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let (stem, gzip) = match name.strip_suffix(".gz") {
            Some(stem) => (stem, true),
            None => (name.as_str(), false),
        };
        let (_, ext) = stem.rsplit_once('.')?;
        let format = match ext {
            "html" | "htm" | "xhtml" => Format::Html,
            "md" | "markdown" => Format::Markdown,
            "txt" => Format::Text,
            "warc" => Format::Warc,
            _ => return None,
        };
        Some(FileKind { format, gzip })
    }

    /// The kind the first bytes of a file show (see [`sniff_format`]); gzip by its magic
    /// bytes, in which case the format is sniffed from what the prefix decompresses to.
    pub fn sniff(prefix: &[u8]) -> FileKind {
        if prefix.starts_with(&GZIP_MAGIC) {
            let inner = gunzip_prefix(prefix);
            FileKind {
                format: sniff_format(&inner),
                gzip: true,
            }
        } else {
            FileKind {
                format: sniff_format(prefix),
                gzip: false,
            }
        }
    }
}

/// Decompress as much of a (possibly cut-off) gzip prefix as it gives, up to [`SNIFF_BYTES`].
fn gunzip_prefix(prefix: &[u8]) -> Vec<u8> {
    let mut decoder = flate2::read::MultiGzDecoder::new(prefix).take(SNIFF_BYTES as u64);
    let mut out = Vec::with_capacity(SNIFF_BYTES);
    let mut buf = [0u8; 256];
    // Errors are expected here (the prefix is cut off): keep whatever came out before them.
    while let Ok(n) = decoder.read(&mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    out
}

/// The format of content whose name says nothing: `WARC/` at the start → WARC; HTML when the
/// first non-blank character (after any byte-order mark) is `<` and the first KiB holds
/// `<html`, `<!doctype`, `<head`, `<body`, `<p` or `<div` (any case); text otherwise.
/// Markdown is never guessed.
pub fn sniff_format(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if looks_like_html(head) {
        Format::Html
    } else {
        Format::Text
    }
}

/// Whether the start of a document looks like HTML (see [`sniff_format`]).
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    // UTF-16 text: look at it with its zero bytes dropped, which is enough for ASCII markup.
    let narrowed: Vec<u8>;
    let head: &[u8] = if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        narrowed = head[2..].iter().copied().filter(|&b| b != 0).collect();
        &narrowed
    } else {
        head.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(head)
    };
    let Some(first) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    if head[first] != b'<' {
        return false;
    }
    let lower = head[first..].to_ascii_lowercase();
    const MARKERS: [&[u8]; 6] = [b"<html", b"<!doctype", b"<head", b"<body", b"<p", b"<div"];
    MARKERS
        .iter()
        .any(|m| lower.windows(m.len()).any(|w| w == *m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn kind(name: &str) -> Option<FileKind> {
        FileKind::from_path(Path::new(name))
    }

    #[test]
    fn kinds_from_names() {
        assert_eq!(kind("a/b.html"), Some(FileKind::new(Format::Html, false)));
        assert_eq!(kind("b.HTM"), Some(FileKind::new(Format::Html, false)));
        assert_eq!(kind("b.xhtml.gz"), Some(FileKind::new(Format::Html, true)));
        assert_eq!(kind("b.md"), Some(FileKind::new(Format::Markdown, false)));
        assert_eq!(
            kind("b.markdown.GZ"),
            Some(FileKind::new(Format::Markdown, true))
        );
        assert_eq!(kind("b.txt"), Some(FileKind::new(Format::Text, false)));
        assert_eq!(
            kind("crawl.warc.gz"),
            Some(FileKind::new(Format::Warc, true))
        );
        assert_eq!(kind("crawl.warc"), Some(FileKind::new(Format::Warc, false)));
        assert_eq!(kind("b.png"), None);
        assert_eq!(kind("b.gz"), None);
        assert_eq!(kind("html"), None);
        assert_eq!(kind("b.html.bak"), None);
    }

    #[test]
    fn sniffs_formats() {
        assert_eq!(sniff_format(b"WARC/1.1\r\n"), Format::Warc);
        assert_eq!(
            sniff_format(b"\xef\xbb\xbf  <!DOCTYPE html><title>x</title>"),
            Format::Html
        );
        assert_eq!(sniff_format(b"\n<div>hello</div>"), Format::Html);
        assert_eq!(sniff_format(b"<P>para"), Format::Html);
        assert_eq!(sniff_format(b"<xml>no markers</xml>"), Format::Text);
        assert_eq!(sniff_format(b"hello <html>"), Format::Text);
        assert_eq!(sniff_format(b""), Format::Text);
        assert_eq!(sniff_format(b"   "), Format::Text);
        assert_eq!(sniff_format(b"# Title\n\nText"), Format::Text);
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("<html>".bytes().flat_map(|b| [b, 0]))
            .collect();
        assert_eq!(sniff_format(&utf16), Format::Html);
    }

    #[test]
    fn sniffs_gzip() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"<!doctype html><p>hi").unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(FileKind::sniff(&gz), FileKind::new(Format::Html, true));
        // Cut off: still sniffed from what decompresses.
        assert!(FileKind::sniff(&gz[..gz.len() - 4]).gzip);
        assert_eq!(FileKind::sniff(&gz[..2]), FileKind::new(Format::Text, true));
        assert_eq!(
            FileKind::sniff(b"plain words"),
            FileKind::new(Format::Text, false)
        );
    }
}
