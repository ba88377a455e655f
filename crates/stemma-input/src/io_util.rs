//! Small I/O helpers: bounded line reads, a byte counter, a sticky error recorder.

use std::io::{self, BufRead, Read};

/// The outcome of [`read_line_bounded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// A whole line, ending in `\n`, was appended.
    Complete,
    /// The input ended after some bytes but before a `\n`.
    Partial,
    /// The input was already at its end: nothing was appended.
    Eof,
    /// The line would make `buf` longer than the bound; what was read is in `buf`, the rest of
    /// the line is not consumed.
    TooLong,
}

/// Append one line (through its `\n`) to `buf`, never letting `buf` grow past `max` bytes.
pub(crate) fn read_line_bounded<R: BufRead + ?Sized>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Line> {
    let start = buf.len();
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if buf.len() == start {
                Line::Eof
            } else {
                Line::Partial
            });
        }
        let (take, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if buf.len().saturating_add(take) > max {
            let room = max.saturating_sub(buf.len());
            buf.extend_from_slice(&available[..room]);
            reader.consume(room);
            return Ok(Line::TooLong);
        }
        buf.extend_from_slice(&available[..take]);
        reader.consume(take);
        if done {
            return Ok(Line::Complete);
        }
    }
}

/// Read until `buf` is full or the input ends; the number of bytes read.
pub(crate) fn read_up_to<R: Read + ?Sized>(reader: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// A line without its line ending (`\n` or `\r\n`).
pub(crate) fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// A [`BufRead`] that counts the bytes consumed through it.
pub(crate) struct Counted<R> {
    inner: R,
    pos: u64,
}

impl<R> Counted<R> {
    pub(crate) fn new(inner: R) -> Self {
        Counted { inner, pos: 0 }
    }

    /// Bytes consumed so far.
    pub(crate) fn position(&self) -> u64 {
        self.pos
    }

    pub(crate) fn get_ref(&self) -> &R {
        &self.inner
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.pos += amt as u64;
    }
}

/// A [`Read`] that remembers the first error of its inner reader and repeats it on every later
/// read, so that a decoder which answers "end of data" after failing once cannot make a broken
/// stream look like a short one.
pub(crate) struct Recording<R> {
    inner: R,
    error: Option<(io::ErrorKind, String)>,
}

impl<R> Recording<R> {
    pub(crate) fn new(inner: R) -> Self {
        Recording { inner, error: None }
    }

    /// The first error the inner reader gave, if any.
    pub(crate) fn error(&self) -> Option<io::Error> {
        self.error
            .as_ref()
            .map(|(kind, message)| io::Error::new(*kind, message.clone()))
    }
}

impl<R: Read> Read for Recording<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(e) = self.error() {
            return Err(e);
        }
        match self.inner.read(buf) {
            Err(e) if e.kind() != io::ErrorKind::Interrupted => {
                self.error = Some((e.kind(), e.to_string()));
                Err(e)
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_lines() {
        let mut r = io::BufReader::with_capacity(3, &b"ab\r\ncdefgh\nij"[..]);
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 100).unwrap(),
            Line::Complete
        );
        assert_eq!(buf, b"ab\r\n");
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 4).unwrap(),
            Line::TooLong
        );
        assert_eq!(buf, b"cdef");
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 100).unwrap(),
            Line::Complete
        );
        assert_eq!(buf, b"gh\n");
        buf.clear();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 100).unwrap(),
            Line::Partial
        );
        assert_eq!(buf, b"ij");
        buf.clear();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 100).unwrap(), Line::Eof);
    }

    #[test]
    fn counts_and_trims() {
        let mut c = Counted::new(&b"abc\ndef"[..]);
        let mut buf = Vec::new();
        read_line_bounded(&mut c, &mut buf, 10).unwrap();
        assert_eq!(c.position(), 4);
        assert_eq!(trim_eol(b"x\r\n"), b"x");
        assert_eq!(trim_eol(b"x\n"), b"x");
        assert_eq!(trim_eol(b"x"), b"x");
    }

    struct FailOnce(bool);
    impl Read for FailOnce {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            if self.0 {
                Ok(0)
            } else {
                self.0 = true;
                Err(io::Error::new(io::ErrorKind::InvalidData, "boom"))
            }
        }
    }

    #[test]
    fn errors_are_sticky() {
        let mut r = Recording::new(FailOnce(false));
        let mut buf = [0u8; 4];
        assert!(r.read(&mut buf).is_err());
        assert!(r.read(&mut buf).is_err());
        assert_eq!(r.error().unwrap().kind(), io::ErrorKind::InvalidData);
    }
}
