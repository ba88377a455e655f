//! A streaming WARC reader: one [`Document`] per HTML `response` or `resource` record.
//!
//! Records are framed by hand (a `WARC/` version line, header lines up to a blank line,
//! `Content-Length` bytes of block, then CRLF CRLF), with every line and header block bounded,
//! and the body of a record that is not kept is skipped without being stored.

use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

use stemma_core::{Document, Format, Source};
use tracing::{debug, warn};

use crate::error::InputError;
use crate::http::{self, Head, Headers};
use crate::io_util::{read_line_bounded, trim_eol, Counted, Line, Recording};
use crate::sniff::looks_like_html;
use crate::ReadLimits;

/// Longest WARC header block accepted.
const MAX_WARC_HEADER_BYTES: usize = 64 * 1024;
/// Buffer size for the WARC stream.
const BUFFER_BYTES: usize = 64 * 1024;

type Stream<R> = Counted<BufReader<Recording<R>>>;

/// The documents of a WARC stream (already decompressed), read lazily record by record.
pub(crate) struct WarcRecords<R> {
    reader: Stream<R>,
    path: PathBuf,
    label: String,
    /// Whether the stream was gzip-compressed (for error reporting).
    gzip: bool,
    limits: ReadLimits,
    /// 1-based number of the current record.
    record: u64,
    /// Byte offset of the current record.
    offset: u64,
    done: bool,
}

/// Why [`WarcRecords::next_record`] produced no document.
enum Stop {
    /// The stream ended cleanly.
    End,
    /// An error after which the stream cannot be read further.
    Fatal(InputError),
    /// An error for this record only; the next record can be read.
    Record(InputError),
}

/// The WARC header fields the reader uses.
struct WarcHead {
    warc_type: String,
    content_type: Option<String>,
    target_uri: Option<String>,
    record_id: Option<String>,
    date: Option<String>,
    truncated: Option<String>,
    length: u64,
}

impl<R: Read> WarcRecords<R> {
    /// `reader` yields the decompressed WARC bytes; `gzip` says whether they come from a gzip
    /// decoder (its errors are then reported as [`InputError::Gzip`]).
    pub(crate) fn new(reader: R, label: &str, gzip: bool, limits: &ReadLimits) -> Self {
        WarcRecords {
            reader: Counted::new(BufReader::with_capacity(
                BUFFER_BYTES,
                Recording::new(reader),
            )),
            path: PathBuf::from(label),
            label: label.to_owned(),
            gzip,
            limits: limits.clone(),
            record: 0,
            offset: 0,
            done: false,
        }
    }

    fn warc_error(&self, reason: impl Into<String>) -> InputError {
        InputError::Warc {
            path: self.path.clone(),
            record: self.record,
            offset: self.offset,
            reason: reason.into(),
        }
    }

    /// The error to report when the stream stopped early: the underlying reader's own error if
    /// it had one (a broken gzip stream, a failed read), else `what` as a WARC error.
    fn stream_error(&self, what: impl Into<String>) -> InputError {
        match self.reader.get_ref().get_ref().error() {
            Some(e) => self.io_error(e),
            None => self.warc_error(what),
        }
    }

    fn io_error(&self, e: io::Error) -> InputError {
        let err = InputError::from_io(&self.path, self.gzip, e);
        match err {
            InputError::Gzip { path, reason } => InputError::Gzip {
                path,
                reason: format!(
                    "{reason} (in WARC record {} at byte {})",
                    self.record, self.offset
                ),
            },
            other => other,
        }
    }

    /// Skip CR and LF bytes (the separators after the previous record). `false` at the end.
    fn skip_separators(&mut self) -> Result<bool, Stop> {
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Stop::Fatal(self.io_error(e))),
            };
            if buf.is_empty() {
                return Ok(false);
            }
            let n = buf
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            if n == 0 {
                return Ok(true);
            }
            self.reader.consume(n);
        }
    }

    /// Read the WARC header block of the next record.
    fn read_warc_head(&mut self) -> Result<WarcHead, Stop> {
        let mut line = Vec::new();
        let mut total = 0usize;
        let mut headers: Headers = Vec::new();
        let mut first = true;
        loop {
            line.clear();
            let remaining = MAX_WARC_HEADER_BYTES - total;
            match read_line_bounded(&mut self.reader, &mut line, remaining) {
                Err(e) => return Err(Stop::Fatal(self.io_error(e))),
                Ok(Line::TooLong) => {
                    return Err(Stop::Fatal(self.warc_error(format!(
                        "header block longer than {MAX_WARC_HEADER_BYTES} bytes"
                    ))))
                }
                Ok(Line::Eof | Line::Partial) => {
                    return Err(Stop::Fatal(self.stream_error(
                        "truncated: the file ends inside the record's header",
                    )))
                }
                Ok(Line::Complete) => {}
            }
            total += line.len();
            if first {
                if !line.starts_with(b"WARC/") {
                    let shown: String = String::from_utf8_lossy(trim_eol(&line))
                        .chars()
                        .take(40)
                        .collect();
                    return Err(Stop::Fatal(self.warc_error(format!(
                        "expected a \"WARC/\" version line, found {shown:?}"
                    ))));
                }
                first = false;
                continue;
            }
            if trim_eol(&line).is_empty() {
                break;
            }
            http::push_header_line(&mut headers, &line);
        }

        let length = match http::header(&headers, "Content-Length") {
            None => return Err(Stop::Fatal(self.warc_error("no Content-Length header"))),
            Some(value) => match value.trim().parse::<u64>() {
                Ok(n) => n,
                Err(_) => {
                    return Err(Stop::Fatal(
                        self.warc_error(format!("invalid Content-Length {value:?}")),
                    ))
                }
            },
        };
        let get = |name: &str| http::header(&headers, name).map(str::to_owned);
        let target_uri = get("WARC-Target-URI")
            .map(|u| {
                u.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_owned()
            })
            .filter(|u| !u.is_empty());
        Ok(WarcHead {
            warc_type: get("WARC-Type").unwrap_or_default().to_ascii_lowercase(),
            content_type: get("Content-Type"),
            target_uri,
            record_id: get("WARC-Record-ID").filter(|id| !id.is_empty()),
            date: get("WARC-Date")
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty()),
            truncated: get("WARC-Truncated"),
            length,
        })
    }

    /// Read the next record; `Ok(None)` when it is skipped.
    fn next_record(&mut self) -> Result<Option<Document>, Stop> {
        // Number the record first, so that a stream error between records names the next one.
        self.record += 1;
        self.offset = self.reader.position();
        if !self.skip_separators()? {
            return Err(Stop::End);
        }
        self.offset = self.reader.position();
        let head = self.read_warc_head()?;

        let limits = self.limits.clone();
        let label = self.label.clone();
        let record = self.record;
        let mut block = (&mut self.reader).take(head.length);
        let outcome = payload(&mut block, &head, &limits, record);
        // Whatever happened, move to the end of the block without storing it.
        let drained = io::copy(&mut block, &mut io::sink());
        let left = block.limit();
        if let Err(e) = drained {
            return Err(Stop::Fatal(self.io_error(e)));
        }
        if left > 0 {
            return Err(Stop::Fatal(self.stream_error(format!(
                "truncated: Content-Length is {} bytes, but the file ends {left} bytes short",
                head.length
            ))));
        }

        match outcome {
            Outcome::Skip => Ok(None),
            Outcome::TooLarge(size) => Err(Stop::Record(InputError::TooLarge {
                path: self.path.clone(),
                record: Some(self.record),
                size,
                limit: self.limits.max_document_bytes,
            })),
            Outcome::Bad(reason) => Err(Stop::Record(self.warc_error(reason))),
            Outcome::Html { bytes, charset } => {
                if let Some(why) = stemma_core::extract::binary_reason(&bytes) {
                    return Err(Stop::Record(self.warc_error(format!(
                        "{}: the response is labelled as a page but is binary ({why})",
                        head.target_uri.as_deref().unwrap_or("no WARC-Target-URI")
                    ))));
                }
                if let Some(t) = &head.truncated {
                    warn!(
                        path = %self.label, record = self.record, url = ?head.target_uri,
                        reason = %t, "WARC record payload was truncated by the crawler"
                    );
                }
                Ok(Some(Document {
                    source: Source {
                        path: label,
                        format: Format::Warc,
                        url: head.target_uri,
                        warc_record_id: head.record_id,
                        warc_date: head.date,
                    },
                    content_format: Format::Html,
                    bytes,
                    http_charset: charset,
                }))
            }
        }
    }
}

impl<R: Read> Iterator for WarcRecords<R> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        // Every pass consumes at least one header line, so this loop ends.
        while !self.done {
            match self.next_record() {
                Ok(Some(doc)) => return Some(Ok(doc)),
                Ok(None) => continue,
                Err(Stop::End) => self.done = true,
                Err(Stop::Fatal(e)) => {
                    self.done = true;
                    return Some(Err(e));
                }
                Err(Stop::Record(e)) => return Some(Err(e)),
            }
        }
        None
    }
}

/// What one record's block gave.
enum Outcome {
    Skip,
    Html {
        bytes: Vec<u8>,
        charset: Option<String>,
    },
    TooLarge(Option<u64>),
    /// The record cannot be decoded (the WARC framing is fine).
    Bad(String),
}

/// Read the payload of one record's block, if it is an HTML page worth keeping.
fn payload<R: Read>(
    block: &mut io::Take<&mut Stream<R>>,
    head: &WarcHead,
    limits: &ReadLimits,
    record: u64,
) -> Outcome {
    let url = head.target_uri.as_deref().unwrap_or("");
    let warc_media = head.content_type.as_deref().map(http::media_type);
    match head.warc_type.as_str() {
        "response" => {}
        "resource" => {
            // A resource block is the payload itself, typed by the WARC Content-Type.
            return match warc_media.as_deref() {
                Some(m) if http::is_html_type(m) => read_body(
                    Box::new(block),
                    &[],
                    limits,
                    head.content_type.as_deref().and_then(http::charset_param),
                    false,
                ),
                None => read_body(Box::new(block), &[], limits, None, true),
                Some(_) => Outcome::Skip,
            };
        }
        other => {
            debug!(record, warc_type = other, "skipping WARC record");
            return Outcome::Skip;
        }
    }

    // A response block is normally an HTTP message (application/http); one typed as HTML
    // directly holds the payload.
    match warc_media.as_deref() {
        None => {}
        Some(m) if m.starts_with("application/http") => {}
        Some(m) if http::is_html_type(m) => {
            return read_body(
                Box::new(block),
                &[],
                limits,
                head.content_type.as_deref().and_then(http::charset_param),
                false,
            )
        }
        Some(m) => {
            debug!(
                record,
                url,
                content_type = m,
                "skipping non-HTTP response record"
            );
            return Outcome::Skip;
        }
    }

    let response = match http::read_head(block) {
        Err(reason) => {
            warn!(record, url, %reason, "skipping WARC response with unreadable HTTP headers");
            return Outcome::Skip;
        }
        Ok(Head::NotHttp(first)) => {
            // No HTTP head: keep it if the block itself is HTML.
            return read_body(Box::new(block), &first, limits, None, true);
        }
        Ok(Head::Http(response)) => response,
    };
    if let Some(status) = response.status {
        if !(200..300).contains(&status) {
            debug!(record, url, status, "skipping non-2xx response");
            return Outcome::Skip;
        }
    }
    let content_type = http::header(&response.headers, "Content-Type");
    let sniff = match content_type.map(http::media_type) {
        None => true,
        Some(m) if m.is_empty() => true,
        Some(m) if http::is_html_type(&m) => false,
        Some(m) => {
            debug!(record, url, content_type = %m, "skipping non-HTML response");
            return Outcome::Skip;
        }
    };
    let charset = content_type.and_then(http::charset_param);

    let mut chunked = false;
    let mut transfer_codings = Vec::new();
    for token in http::tokens(http::header(&response.headers, "Transfer-Encoding").unwrap_or("")) {
        match token.as_str() {
            "chunked" => chunked = true,
            "identity" => {}
            other => transfer_codings.push(other.to_owned()),
        }
    }
    if !transfer_codings.is_empty() {
        warn!(record, url, codings = ?transfer_codings, "skipping response with an unsupported transfer coding");
        return Outcome::Skip;
    }
    let codings = match http::codings(http::header(&response.headers, "Content-Encoding")) {
        Ok(c) => c,
        Err(coding) => {
            warn!(record, url, coding = %coding, "skipping response with an unsupported content coding");
            return Outcome::Skip;
        }
    };
    if chunked {
        match http::looks_chunked(block) {
            Ok(true) => {}
            Ok(false) => {
                warn!(
                    record,
                    url, "Transfer-Encoding says chunked but the body is not; reading it as is"
                );
                chunked = false;
            }
            Err(e) => return Outcome::Bad(e.to_string()),
        }
    }

    // Known size, nothing to decode: refuse an oversized body without reading it.
    if !chunked && codings.is_empty() {
        let size = block.limit();
        if size > limits.max_document_bytes as u64 {
            return Outcome::TooLarge(Some(size));
        }
    }

    let mut body: Box<dyn Read + '_> = if chunked {
        Box::new(http::Dechunk::new(block))
    } else {
        Box::new(block)
    };
    for coding in codings {
        body = match http::decode(body, coding) {
            Ok(b) => b,
            Err(e) => return Outcome::Bad(format!("HTTP body: {e}")),
        };
    }
    read_body(body, &[], limits, charset, sniff)
}

/// Read a payload (after `prefix`) up to the limit. With `sniff`, keep it only if it looks like
/// HTML.
fn read_body(
    body: Box<dyn Read + '_>,
    prefix: &[u8],
    limits: &ReadLimits,
    charset: Option<String>,
    sniff: bool,
) -> Outcome {
    let max = limits.max_document_bytes;
    let mut bytes = Vec::new();
    if prefix.len() > max {
        return Outcome::TooLarge(None);
    }
    bytes.extend_from_slice(prefix);
    let room = (max - prefix.len()) as u64;
    if let Err(e) = body.take(room.saturating_add(1)).read_to_end(&mut bytes) {
        return Outcome::Bad(format!("HTTP body: {e}"));
    }
    if bytes.len() > max {
        return Outcome::TooLarge(None);
    }
    if sniff && !looks_like_html(&bytes) {
        return Outcome::Skip;
    }
    Outcome::Html { bytes, charset }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(warc_type: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: {content_type}\r\n\
             Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn response(uri: &str, head: &str, body: &[u8]) -> Vec<u8> {
        let mut block = format!("{head}\r\n\r\n").into_bytes();
        block.extend_from_slice(body);
        record(
            "response",
            uri,
            "application/http; msgtype=response",
            &block,
        )
    }

    fn html(uri: &str, body: &str) -> Vec<u8> {
        response(
            uri,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8",
            body.as_bytes(),
        )
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn run(data: &[u8], max: usize) -> Vec<Result<Document, InputError>> {
        WarcRecords::new(
            data,
            "t.warc",
            false,
            &ReadLimits {
                max_document_bytes: max,
            },
        )
        .collect()
    }

    fn urls(items: &[Result<Document, InputError>]) -> Vec<String> {
        items
            .iter()
            .map(|r| match r {
                Ok(d) => d.source.url.clone().unwrap_or_default(),
                Err(e) => format!("ERR {e}"),
            })
            .collect()
    }

    #[test]
    fn reads_html_responses_and_skips_the_rest() {
        let mut data = record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: x\r\n",
        );
        data.extend(record(
            "request",
            "https://example-daily.test/news/1",
            "application/http; msgtype=request",
            b"GET /news/1 HTTP/1.1\r\n\r\n",
        ));
        data.extend(html("https://example-daily.test/news/1", "<p>one</p>"));
        data.extend(record(
            "metadata",
            "https://example-daily.test/news/1",
            "application/warc-fields",
            b"via: x\r\n",
        ));
        data.extend(record(
            "revisit",
            "https://example-daily.test/news/1",
            "application/http",
            b"HTTP/1.1 200 OK\r\n\r\n",
        ));
        data.extend(response(
            "https://example-daily.test/img.png",
            "HTTP/1.1 200 OK\r\nContent-Type: image/png",
            b"\x89PNG",
        ));
        data.extend(response(
            "https://example-daily.test/moved",
            "HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\nLocation: /x",
            b"<p>moved</p>",
        ));
        data.extend(response(
            "https://example-daily.test/xhtml",
            "HTTP/1.0 200 OK\r\nContent-Type: application/xhtml+xml",
            b"<html/>",
        ));
        data.extend(record(
            "resource",
            "https://example-daily.test/res",
            "text/html; charset=iso-8859-1",
            b"<p>res</p>",
        ));
        data.extend(record(
            "resource",
            "dns:example-daily.test",
            "text/dns",
            b"1.2.3.4",
        ));
        let items = run(&data, 1 << 20);
        assert_eq!(
            urls(&items),
            [
                "https://example-daily.test/news/1",
                "https://example-daily.test/xhtml",
                "https://example-daily.test/res"
            ]
        );
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.bytes, b"<p>one</p>");
        assert_eq!(first.source.path, "t.warc");
        assert_eq!(first.source.format, Format::Warc);
        assert_eq!(first.content_format, Format::Html);
        assert_eq!(
            first.source.warc_record_id.as_deref(),
            Some("<urn:uuid:https://example-daily.test/news/1>")
        );
        assert_eq!(first.http_charset.as_deref(), Some("utf-8"));
        assert_eq!(items[1].as_ref().unwrap().http_charset, None);
        assert_eq!(
            items[2].as_ref().unwrap().http_charset.as_deref(),
            Some("iso-8859-1")
        );
    }

    #[test]
    fn chunked_and_compressed_bodies() {
        let page = b"<!doctype html><p>chunked and gzipped</p>";
        let z = gz(page);
        let (a, b) = z.split_at(10);
        let mut body = format!("{:x}\r\n", a.len()).into_bytes();
        body.extend_from_slice(a);
        body.extend(format!("\r\n{:X};x=y\r\n", b.len()).bytes());
        body.extend_from_slice(b);
        body.extend_from_slice(b"\r\n0\r\n\r\n");
        let mut data = response(
            "https://example-daily.test/news/2",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip",
            &body,
        );
        let mut d = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        d.write_all(b"<p>deflated</p>").unwrap();
        data.extend(response(
            "https://example-daily.test/news/3",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate",
            &d.finish().unwrap(),
        ));
        data.extend(response(
            "https://example-daily.test/news/br",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br",
            b"\x0b\x02\x80",
        ));
        // Header says chunked, body was stored de-chunked.
        data.extend(response(
            "https://example-daily.test/news/4",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked",
            b"<p>not really chunked</p>",
        ));
        let items = run(&data, 1 << 20);
        assert_eq!(items.len(), 3, "{:?}", urls(&items));
        assert_eq!(items[0].as_ref().unwrap().bytes, page);
        assert_eq!(items[1].as_ref().unwrap().bytes, b"<p>deflated</p>");
        assert_eq!(
            items[2].as_ref().unwrap().bytes,
            b"<p>not really chunked</p>"
        );
    }

    #[test]
    fn sniffs_when_no_content_type() {
        let mut data = response(
            "https://example-daily.test/a",
            "HTTP/1.1 200 OK",
            b"  <html><p>x</p>",
        );
        data.extend(response(
            "https://example-daily.test/b",
            "HTTP/1.1 200 OK",
            b"{\"json\": 1}",
        ));
        data.extend(record(
            "response",
            "https://example-daily.test/c",
            "application/http",
            b"<div>no http head</div>",
        ));
        data.extend(record(
            "response",
            "https://example-daily.test/d",
            "application/http",
            b"",
        ));
        let items = run(&data, 1 << 20);
        assert_eq!(
            urls(&items),
            [
                "https://example-daily.test/a",
                "https://example-daily.test/c"
            ]
        );
        assert_eq!(items[1].as_ref().unwrap().bytes, b"<div>no http head</div>");
    }

    #[test]
    fn truncated_record_ends_with_one_error() {
        let mut data = html("https://example-daily.test/news/1", "<p>one</p>");
        let second = html("https://example-daily.test/news/2", "<p>two</p>");
        let offset = data.len();
        data.extend_from_slice(&second[..second.len() - 10]);
        let items = run(&data, 1 << 20);
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        match &items[1] {
            Err(InputError::Warc {
                record,
                offset: o,
                reason,
                ..
            }) => {
                assert_eq!(*record, 2);
                assert_eq!(*o, offset as u64);
                assert!(reason.contains("truncated"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        // Truncated inside the header block.
        let items = run(&second[..40], 1 << 20);
        assert!(matches!(
            &items[..],
            [Err(InputError::Warc { record: 1, .. })]
        ));
        // Only the trailing CRLFs missing: the record is whole.
        let items = run(&second[..second.len() - 4], 1 << 20);
        assert!(matches!(&items[..], [Ok(_)]));
    }

    #[test]
    fn malformed_streams_end_with_one_error() {
        for data in [
            &b"<html>not a warc</html>\r\n"[..],
            b"WARC/1.0\r\nWARC-Type: response\r\n\r\n",
            b"WARC/1.0\r\nContent-Length: -3\r\n\r\n",
            b"WARC/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\n",
        ] {
            let items = run(data, 1 << 20);
            assert!(
                matches!(&items[..], [Err(InputError::Warc { record: 1, .. })]),
                "{items:?}"
            );
        }
        let mut huge = b"WARC/1.0\r\nX: ".to_vec();
        huge.extend(vec![b'a'; 200_000]);
        let items = run(&huge, 1 << 20);
        assert!(matches!(&items[..], [Err(InputError::Warc { .. })]));
        assert!(run(b"", 1 << 20).is_empty());
        assert!(run(b"\r\n\r\n\n", 1 << 20).is_empty());
    }

    #[test]
    fn content_length_beyond_end_is_truncation() {
        let data = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 18446744073709551615\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>";
        let items = run(data, 1 << 20);
        assert!(
            matches!(&items[..], [Err(InputError::Warc { reason, .. })] if reason.contains("truncated")),
            "{items:?}"
        );
    }

    #[test]
    fn oversized_records_are_refused_and_reading_goes_on() {
        let big = "<p>".to_owned() + &"x".repeat(5000);
        let mut data = html("https://example-daily.test/big", &big);
        data.extend(response(
            "https://example-daily.test/bomb",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip",
            &gz(&vec![b' '; 100_000]),
        ));
        data.extend(html("https://example-daily.test/small", "<p>ok</p>"));
        let items = run(&data, 1000);
        assert_eq!(items.len(), 3);
        assert!(matches!(
            items[0],
            Err(InputError::TooLarge {
                record: Some(1),
                size: Some(5003),
                limit: 1000,
                ..
            })
        ));
        assert!(matches!(
            items[1],
            Err(InputError::TooLarge {
                record: Some(2),
                size: None,
                ..
            })
        ));
        assert_eq!(items[2].as_ref().unwrap().bytes, b"<p>ok</p>");
    }

    #[test]
    fn bad_payload_encoding_is_a_record_error() {
        let mut data = response(
            "https://example-daily.test/bad",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip",
            b"definitely not gzip",
        );
        data.extend(response(
            "https://example-daily.test/badchunk",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked",
            b"5\r\nab",
        ));
        data.extend(html("https://example-daily.test/good", "<p>ok</p>"));
        let items = run(&data, 1 << 20);
        assert_eq!(items.len(), 3, "{:?}", urls(&items));
        assert!(matches!(items[0], Err(InputError::Warc { record: 1, .. })));
        assert!(matches!(items[1], Err(InputError::Warc { record: 2, .. })));
        assert!(items[2].is_ok());
    }

    #[test]
    fn records_carry_the_warc_date() {
        let mut data = html("https://example-daily.test/dated", "<p>ok</p>");
        let at = data.windows(9).position(|w| w == b"WARC-Type").unwrap();
        data.splice(
            at..at,
            b"WARC-Date: 2024-03-05T10:20:30Z\r\n".iter().copied(),
        );
        data.extend(html("https://example-daily.test/undated", "<p>ok</p>"));
        let items = run(&data, 1 << 20);
        let date = |i: usize| items[i].as_ref().unwrap().source.warc_date.clone();
        assert_eq!(date(0).as_deref(), Some("2024-03-05T10:20:30Z"));
        assert_eq!(date(1), None);
    }

    #[test]
    fn binary_response_labelled_html_names_its_record_and_url() {
        let mut data = html("https://example-daily.test/first", "<p>ok</p>");
        let mut junk = vec![0u8; 300];
        junk.extend((0..=255u8).cycle().take(2000));
        data.extend(response(
            "https://example-daily.test/photo.jpg",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html",
            &junk,
        ));
        data.extend(html("https://example-daily.test/last", "<p>ok</p>"));
        let items = run(&data, 1 << 20);
        assert_eq!(items.len(), 3, "{:?}", urls(&items));
        let e = items[1].as_ref().unwrap_err();
        assert!(matches!(e, InputError::Warc { record: 2, .. }), "{e}");
        let msg = e.to_string();
        assert!(msg.contains("WARC record 2"), "{msg}");
        assert!(
            msg.contains("https://example-daily.test/photo.jpg"),
            "{msg}"
        );
        assert!(msg.contains("binary"), "{msg}");
        assert!(items[2].is_ok());
    }

    #[test]
    fn tolerates_bare_line_feeds_and_folded_headers() {
        let data = b"WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: <https://example-daily.test/lf>\nContent-Type:\n text/html\nContent-Length: 7\n\n<p>lf</p>\n\n";
        // Content-Length 7 cuts "<p>lf</" ; the rest is junk before the next record.
        let items = run(data, 1 << 20);
        assert!(
            matches!(&items[0], Ok(d) if d.bytes == b"<p>lf</" && d.source.url.as_deref() == Some("https://example-daily.test/lf"))
        );
        assert!(matches!(
            &items[1..],
            [Err(InputError::Warc { record: 2, .. })]
        ));
    }

    #[test]
    fn gzip_stream_errors_are_gzip_errors() {
        let z = gz(&html("https://example-daily.test/news/1", "<p>one</p>"));
        let cut = &z[..z.len() - 12];
        let items: Vec<_> = WarcRecords::new(
            flate2::read::MultiGzDecoder::new(cut),
            "t.warc.gz",
            true,
            &ReadLimits::default(),
        )
        .collect();
        assert_eq!(items.len(), 1, "{items:?}");
        assert!(
            matches!(&items[0], Err(InputError::Gzip { .. })),
            "{items:?}"
        );
    }
}
