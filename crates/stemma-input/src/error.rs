//! The one error type of this crate.

use std::io;
use std::path::{Path, PathBuf};

/// Why an input (or one record of it) could not be read.
///
/// Every variant names the path it concerns (`-` for standard input), and its `Display` says
/// what went wrong, so a caller can print it as it is and go on with the next input.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The operating system refused or failed a read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// The path does not exist.
    #[error("{}: no such file or directory", path.display())]
    NotFound { path: PathBuf },

    /// The gzip stream is corrupt or truncated.
    #[error("{}: bad gzip data: {reason}", path.display())]
    Gzip { path: PathBuf, reason: String },

    /// The WARC file is malformed or truncated, or one record of it cannot be decoded.
    ///
    /// `record` is the 1-based number of the record in the file; `offset` is the byte offset of
    /// its first line in the (decompressed) WARC stream.
    #[error("{}: WARC record {record} (at byte {offset}): {reason}", path.display())]
    Warc {
        path: PathBuf,
        record: u64,
        offset: u64,
        reason: String,
    },

    /// A document (or one WARC record's payload) is over [`ReadLimits::max_document_bytes`].
    ///
    /// `size` is the size where it is known without reading everything (a plain file's length,
    /// a WARC record's body length); `None` when reading stopped at the limit (gzip, stdin).
    ///
    /// [`ReadLimits::max_document_bytes`]: crate::ReadLimits::max_document_bytes
    #[error(
        "{}: {}too large: {}over the limit of {limit} bytes",
        path.display(),
        record.map(|r| format!("WARC record {r} is ")).unwrap_or_default(),
        size.map(|s| format!("{s} bytes, ")).unwrap_or_default()
    )]
    TooLarge {
        path: PathBuf,
        /// The 1-based record number, for a record of a WARC file.
        record: Option<u64>,
        size: Option<u64>,
        limit: usize,
    },

    /// The path names something stemma cannot read (not a file, directory or known format).
    #[error("{}: unsupported input: {reason}", path.display())]
    UnsupportedFile { path: PathBuf, reason: String },
}

impl InputError {
    /// The path the error concerns (`-` for standard input).
    pub fn path(&self) -> &Path {
        match self {
            InputError::Io { path, .. }
            | InputError::NotFound { path }
            | InputError::Gzip { path, .. }
            | InputError::Warc { path, .. }
            | InputError::TooLarge { path, .. }
            | InputError::UnsupportedFile { path, .. } => path,
        }
    }

    /// Map an I/O error met while reading `path`. With `gzip`, errors that come from decoding
    /// (corrupt or truncated data) become [`InputError::Gzip`].
    pub(crate) fn from_io(path: &Path, gzip: bool, error: io::Error) -> InputError {
        let decoding = matches!(
            error.kind(),
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof
        );
        if error.kind() == io::ErrorKind::NotFound {
            InputError::NotFound {
                path: path.to_owned(),
            }
        } else if gzip && decoding {
            InputError::Gzip {
                path: path.to_owned(),
                reason: gzip_reason(&error),
            }
        } else {
            InputError::Io {
                path: path.to_owned(),
                source: error,
            }
        }
    }
}

/// A readable reason for a gzip decoding error.
fn gzip_reason(error: &io::Error) -> String {
    if error.kind() == io::ErrorKind::UnexpectedEof {
        format!("truncated gzip stream ({error})")
    } else {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_path_and_the_reason() {
        let p = || PathBuf::from("in/crawl.warc.gz");
        let cases = [
            (
                InputError::TooLarge { path: p(), record: Some(3), size: Some(5000), limit: 100 },
                "in/crawl.warc.gz: WARC record 3 is too large: 5000 bytes, over the limit of 100 bytes",
            ),
            (
                InputError::TooLarge { path: p(), record: None, size: None, limit: 100 },
                "in/crawl.warc.gz: too large: over the limit of 100 bytes",
            ),
            (
                InputError::Warc { path: p(), record: 2, offset: 1234, reason: "truncated".into() },
                "in/crawl.warc.gz: WARC record 2 (at byte 1234): truncated",
            ),
            (InputError::NotFound { path: p() }, "in/crawl.warc.gz: no such file or directory"),
        ];
        for (error, text) in cases {
            assert_eq!(error.to_string(), text);
            assert_eq!(error.path(), Path::new("in/crawl.warc.gz"));
        }
        let eof = io::Error::from(io::ErrorKind::UnexpectedEof);
        let gz = InputError::from_io(&p(), true, eof);
        assert!(matches!(gz, InputError::Gzip { .. }));
        assert!(
            gz.to_string()
                .starts_with("in/crawl.warc.gz: bad gzip data: truncated"),
            "{gz}"
        );
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let io = InputError::from_io(&p(), true, denied);
        assert!(matches!(io, InputError::Io { .. }));
        assert!(
            io.to_string()
                .starts_with("in/crawl.warc.gz: cannot read: "),
            "{io}"
        );
    }
}
