//! The HTTP message inside a WARC `response` record: status line, headers, chunked transfer
//! coding and content codings.

use std::io::{self, BufRead, Read};

use crate::io_util::{read_line_bounded, read_up_to, trim_eol, Line};

/// Longest HTTP header block (status line included) accepted.
pub(crate) const MAX_HTTP_HEADER_BYTES: usize = 64 * 1024;
/// Longest chunk-size line (or trailer line) accepted in a chunked body.
const MAX_CHUNK_LINE: usize = 4 * 1024;
/// Most content codings applied one over another that are undone.
const MAX_CODINGS: usize = 4;

/// A header name and value, as given (the name is matched case-insensitively).
pub(crate) type Headers = Vec<(String, String)>;

/// The first value of header `name` (case-insensitive).
pub(crate) fn header<'h>(headers: &'h Headers, name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Parse one `Name: value` line into `headers`; a line that starts with a space or tab continues
/// the previous value. Lines without a colon are ignored.
pub(crate) fn push_header_line(headers: &mut Headers, line: &[u8]) {
    let line = String::from_utf8_lossy(trim_eol(line));
    if line.starts_with([' ', '\t']) {
        if let Some((_, value)) = headers.last_mut() {
            let more = line.trim();
            if !more.is_empty() {
                if !value.is_empty() {
                    value.push(' ');
                }
                value.push_str(more);
            }
        }
        return;
    }
    if let Some((name, value)) = line.split_once(':') {
        let name = name.trim();
        if !name.is_empty() {
            headers.push((name.to_owned(), value.trim().to_owned()));
        }
    }
}

/// The media type of a `Content-Type` value, lower-cased, without parameters.
pub(crate) fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The `charset` parameter of a `Content-Type` value, unquoted; `None` when absent or empty.
pub(crate) fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_owned())
    })
}

/// Whether a media type is one of the HTML types kept.
pub(crate) fn is_html_type(media: &str) -> bool {
    matches!(media, "text/html" | "application/xhtml+xml")
}

/// The comma-separated, lower-cased tokens of a header value (empty ones dropped).
pub(crate) fn tokens(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|t| t.trim().to_ascii_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

/// The head of an HTTP response.
#[derive(Debug, Default)]
pub(crate) struct ResponseHead {
    /// The status code, when the status line has one.
    pub status: Option<u16>,
    pub headers: Headers,
}

/// What [`read_head`] found at the start of a record block.
pub(crate) enum Head {
    /// An HTTP response head; the reader is now at the start of the body.
    Http(ResponseHead),
    /// The block does not start with `HTTP/`: these bytes (already consumed) begin the payload.
    NotHttp(Vec<u8>),
}

/// Read an HTTP response head (status line and headers) from the start of a block.
pub(crate) fn read_head<R: BufRead + ?Sized>(reader: &mut R) -> Result<Head, String> {
    let mut line = Vec::new();
    match read_line_bounded(reader, &mut line, MAX_HTTP_HEADER_BYTES).map_err(|e| e.to_string())? {
        Line::TooLong => {
            if line.starts_with(b"HTTP/") {
                return Err("HTTP status line too long".to_owned());
            }
            return Ok(Head::NotHttp(line));
        }
        Line::Eof => return Ok(Head::NotHttp(line)),
        Line::Complete | Line::Partial => {}
    }
    if !line.starts_with(b"HTTP/") {
        return Ok(Head::NotHttp(line));
    }
    let status_line = String::from_utf8_lossy(trim_eol(&line)).into_owned();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse::<u16>().ok());
    let mut head = ResponseHead {
        status,
        headers: Vec::new(),
    };
    let mut total = line.len();
    loop {
        line.clear();
        let remaining = MAX_HTTP_HEADER_BYTES.saturating_sub(total);
        match read_line_bounded(reader, &mut line, remaining).map_err(|e| e.to_string())? {
            Line::TooLong => {
                return Err(format!(
                    "HTTP headers longer than {MAX_HTTP_HEADER_BYTES} bytes"
                ))
            }
            // The block ended inside (or right after) the headers: an empty body.
            Line::Eof => return Ok(Head::Http(head)),
            Line::Partial => {
                push_header_line(&mut head.headers, &line);
                return Ok(Head::Http(head));
            }
            Line::Complete => {}
        }
        total += line.len();
        if trim_eol(&line).is_empty() {
            return Ok(Head::Http(head));
        }
        push_header_line(&mut head.headers, &line);
    }
}

/// Whether a buffered body starts with something that reads as a chunk-size line.
pub(crate) fn looks_chunked<R: BufRead + ?Sized>(reader: &mut R) -> io::Result<bool> {
    let buf = reader.fill_buf()?;
    let digits = buf.iter().take_while(|b| b.is_ascii_hexdigit()).count();
    if digits == 0 {
        // An empty body is fine as "chunked"; anything else is not.
        return Ok(buf.is_empty());
    }
    Ok(match buf.get(digits) {
        None => true, // cannot tell yet; trust the header
        Some(b'\r' | b'\n' | b';' | b' ' | b'\t') => true,
        Some(_) => false,
    })
}

/// A reader that removes the chunked transfer coding (RFC 9112 §7.1), streaming.
pub(crate) struct Dechunk<R> {
    inner: R,
    /// Bytes left in the current chunk.
    left: u64,
    state: ChunkState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChunkState {
    /// Expecting a chunk-size line.
    Size,
    /// Inside a chunk's data.
    Data,
    /// After the last chunk (trailers read).
    Done,
}

impl<R: BufRead> Dechunk<R> {
    pub(crate) fn new(inner: R) -> Self {
        Dechunk {
            inner,
            left: 0,
            state: ChunkState::Size,
        }
    }

    fn bad(message: &str) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("chunked body: {message}"),
        )
    }

    /// Read a chunk-size line; returns the size.
    fn read_size(&mut self) -> io::Result<u64> {
        let mut line = Vec::new();
        // Tolerate blank lines before the size (a stray CRLF after chunk data).
        for _ in 0..4 {
            line.clear();
            match read_line_bounded(&mut self.inner, &mut line, MAX_CHUNK_LINE)? {
                Line::TooLong => return Err(Self::bad("chunk-size line too long")),
                Line::Eof => return Err(Self::bad("ends before the last chunk")),
                Line::Partial | Line::Complete => {}
            }
            if !trim_eol(&line).is_empty() {
                break;
            }
        }
        let text = String::from_utf8_lossy(trim_eol(&line));
        let size = text.split(';').next().unwrap_or("").trim();
        if size.is_empty() {
            return Err(Self::bad("missing chunk size"));
        }
        u64::from_str_radix(size, 16).map_err(|_| Self::bad("invalid chunk size"))
    }

    /// Skip the trailer section after the last chunk (up to an empty line or the end).
    fn skip_trailers(&mut self) -> io::Result<()> {
        let mut line = Vec::new();
        for _ in 0..1024 {
            line.clear();
            match read_line_bounded(&mut self.inner, &mut line, MAX_CHUNK_LINE)? {
                Line::Eof | Line::Partial => return Ok(()),
                Line::TooLong => return Err(Self::bad("trailer line too long")),
                Line::Complete if trim_eol(&line).is_empty() => return Ok(()),
                Line::Complete => {}
            }
        }
        Err(Self::bad("too many trailer lines"))
    }
}

impl<R: BufRead> Read for Dechunk<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match self.state {
                ChunkState::Done => return Ok(0),
                ChunkState::Size => {
                    let size = self.read_size()?;
                    if size == 0 {
                        self.skip_trailers()?;
                        self.state = ChunkState::Done;
                    } else {
                        self.left = size;
                        self.state = ChunkState::Data;
                    }
                }
                ChunkState::Data => {
                    let want = buf
                        .len()
                        .min(usize::try_from(self.left).unwrap_or(usize::MAX));
                    let n = self.inner.read(&mut buf[..want])?;
                    if n == 0 {
                        return Err(Self::bad("ends inside a chunk"));
                    }
                    self.left -= n as u64;
                    if self.left == 0 {
                        // The CRLF after the chunk data; a missing one is tolerated by
                        // read_size, which skips blank lines.
                        self.state = ChunkState::Size;
                    }
                    return Ok(n);
                }
            }
        }
    }
}

/// A content coding this reader can undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coding {
    Gzip,
    Deflate,
}

/// The content codings to undo, outermost first (the reverse of the header's order), or the
/// name of one that cannot be undone.
pub(crate) fn codings(content_encoding: Option<&str>) -> Result<Vec<Coding>, String> {
    let mut out = Vec::new();
    for token in tokens(content_encoding.unwrap_or("")).iter().rev() {
        match token.as_str() {
            "identity" => {}
            "gzip" | "x-gzip" => out.push(Coding::Gzip),
            "deflate" => out.push(Coding::Deflate),
            other => return Err(other.to_owned()),
        }
    }
    if out.len() > MAX_CODINGS {
        return Err(format!("{} stacked codings", out.len()));
    }
    Ok(out)
}

/// Wrap `reader` in a decoder for `coding`.
pub(crate) fn decode<'a>(
    mut reader: Box<dyn Read + 'a>,
    coding: Coding,
) -> io::Result<Box<dyn Read + 'a>> {
    Ok(match coding {
        Coding::Gzip => Box::new(flate2::read::MultiGzDecoder::new(reader)),
        Coding::Deflate => {
            // "deflate" should be zlib-wrapped (RFC 9110), but some servers send raw deflate:
            // tell them apart by the zlib header.
            let mut head = [0u8; 2];
            let n = read_up_to(&mut reader, &mut head)?;
            let zlib = n == 2
                && head[0] & 0x0f == 8
                && (u16::from(head[0]) << 8 | u16::from(head[1])) % 31 == 0;
            let reader: Box<dyn Read + 'a> =
                Box::new(io::Cursor::new(head[..n].to_vec()).chain(reader));
            if zlib {
                Box::new(flate2::read::ZlibDecoder::new(reader))
            } else {
                Box::new(flate2::read::DeflateDecoder::new(reader))
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn parses_head() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=\"UTF-8\"\r\nX: y\r\n\r\nbody";
        let mut r = &raw[..];
        let Head::Http(head) = read_head(&mut r).unwrap() else {
            panic!("not http")
        };
        assert_eq!(head.status, Some(200));
        let ct = header(&head.headers, "content-type").unwrap();
        assert_eq!(ct, "text/html; charset=\"UTF-8\"");
        assert_eq!(media_type(ct), "text/html");
        assert_eq!(charset_param(ct).as_deref(), Some("UTF-8"));
        assert_eq!(r, b"body");
    }

    #[test]
    fn not_http() {
        let mut r = &b"<html>\nhi"[..];
        match read_head(&mut r).unwrap() {
            Head::NotHttp(first) => assert_eq!(first, b"<html>\n"),
            Head::Http(_) => panic!(),
        }
        assert_eq!(r, b"hi");
    }

    #[test]
    fn params() {
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(charset_param("text/html; charset="), None);
        assert_eq!(
            charset_param("text/html; foo=bar; CHARSET=iso-8859-1").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(
            media_type(" Application/XHTML+XML ; q"),
            "application/xhtml+xml"
        );
    }

    fn dechunk(raw: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Dechunk::new(raw).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n").unwrap(),
            b"hello, world"
        );
        assert_eq!(dechunk(b"0\r\n\r\n").unwrap(), b"");
        assert_eq!(dechunk(b"3\nabc\n0\n").unwrap(), b"abc");
        assert!(dechunk(b"5\r\nhel").is_err());
        assert!(dechunk(b"zz\r\nhello").is_err());
        assert!(dechunk(b"5\r\nhello\r\n").is_err());
        assert!(dechunk(b"ffffffffffffffffffff\r\n").is_err());
        assert!(dechunk(b"").is_err());
    }

    #[test]
    fn chunked_sniff() {
        assert!(looks_chunked(&mut &b"1a\r\n"[..]).unwrap());
        assert!(looks_chunked(&mut &b""[..]).unwrap());
        assert!(!looks_chunked(&mut &b"<html>"[..]).unwrap());
        assert!(!looks_chunked(&mut &b"abcdefg"[..]).unwrap());
    }

    #[test]
    fn decodes_codings() {
        assert_eq!(codings(None).unwrap(), vec![]);
        assert_eq!(
            codings(Some("deflate, gzip")).unwrap(),
            vec![Coding::Gzip, Coding::Deflate]
        );
        assert_eq!(codings(Some("br")).unwrap_err(), "br");

        let text = b"<p>compressed</p>";
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(text).unwrap();
        let zlib = z.finish().unwrap();
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        d.write_all(text).unwrap();
        let raw = d.finish().unwrap();
        for data in [zlib, raw] {
            let mut out = Vec::new();
            decode(Box::new(&data[..]), Coding::Deflate)
                .unwrap()
                .read_to_end(&mut out)
                .unwrap();
            assert_eq!(out, text);
        }
    }
}
