//! stemma-input: from command-line paths to [`Document`]s.
//!
//! * [`expand`] turns arguments (`-`, files, directories) into [`InputItem`]s, in order.
//! * [`read`] turns one item into documents: one for a page file or standard input, one per
//!   HTML response record for a WARC file, streamed.
//!
//! * [`walk_files`] is the one directory walker (sorted, hidden entries skipped, link loops
//!   walked once, read errors reported in place); [`write_atomic`] the one way output files
//!   are rewritten (a temporary file and a rename).
//!
//! Gzip (`.gz`, multi-member) is undone on the fly. Nothing here panics on bad input: every
//! problem is an [`InputError`] naming the path, and memory is bounded by
//! [`ReadLimits::max_document_bytes`] (plus small fixed buffers).

mod atomic;
mod error;
mod expand;
mod gz;
mod http;
mod io_util;
mod sniff;
mod warc;

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub use atomic::write_atomic;
pub use error::InputError;
pub use expand::{expand, walk_files};
pub use sniff::sniff_format;
pub use stemma_core::{Document, Format, Source};

use sniff::SNIFF_BYTES;

/// One thing to read, after expanding the command-line paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputItem {
    /// Standard input (`-`); its format is sniffed from its first bytes.
    Stdin,
    File {
        path: PathBuf,
        kind: FileKind,
    },
}

impl InputItem {
    /// The path as documents and errors show it (`-` for standard input).
    pub fn label(&self) -> String {
        match self {
            InputItem::Stdin => "-".to_owned(),
            InputItem::File { path, .. } => path.to_string_lossy().into_owned(),
        }
    }
}

/// How to read a file: its format, and whether it is gzip-compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileKind {
    pub format: Format,
    pub gzip: bool,
}

/// Bounds on what one read may cost.
#[derive(Debug, Clone)]
pub struct ReadLimits {
    /// Largest document accepted, in bytes after decompression (for WARC: per record payload,
    /// after undoing chunking and content codings). Larger ones give [`InputError::TooLarge`]
    /// without being held in memory. Default 32 MiB.
    pub max_document_bytes: usize,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_document_bytes: 32 * 1024 * 1024,
        }
    }
}

/// The documents `read` and `read_from` yield.
pub type Documents = Box<dyn Iterator<Item = Result<Document, InputError>> + Send>;

/// Read one item into documents, lazily (nothing is opened before the first `next`).
///
/// A page file or standard input yields exactly one document or one error. A WARC file yields
/// one document per HTML `response`/`resource` record, in file order; a record that cannot be
/// decoded or is too large gives an error in its place and reading goes on, while a truncated
/// or malformed file gives one error and ends the iteration.
pub fn read(item: &InputItem, limits: &ReadLimits) -> Documents {
    let limits = limits.clone();
    match item {
        InputItem::Stdin => lazy(move || read_stdin(&limits)),
        InputItem::File { path, kind } => {
            let path = path.clone();
            let kind = *kind;
            lazy(move || read_file(&path, kind, &limits))
        }
    }
}

/// Read documents from any reader, as [`read`] does for files and standard input:
/// `path_label` becomes [`Source::path`], `kind` says how to read the bytes (no sniffing).
pub fn read_from<R: Read + Send + 'static>(
    reader: R,
    path_label: &str,
    kind: FileKind,
    limits: &ReadLimits,
) -> Documents {
    let stream: Box<dyn Read + Send> = if kind.gzip {
        Box::new(flate2::read::MultiGzDecoder::new(reader))
    } else {
        Box::new(reader)
    };
    let label = path_label.to_owned();
    match kind.format {
        Format::Warc => Box::new(warc::WarcRecords::new(stream, &label, kind.gzip, limits)),
        _ => {
            let limits = limits.clone();
            Box::new(std::iter::once_with(move || {
                read_document(stream, &label, kind, &limits)
            }))
        }
    }
}

/// Read an uncompressed WARC held in memory (for fuzzing and tests): the documents of its
/// HTML records, as [`read`] gives them for a `.warc` file labelled `<bytes>`.
pub fn read_warc_bytes<'a>(
    bytes: &'a [u8],
    limits: &ReadLimits,
) -> impl Iterator<Item = Result<Document, InputError>> + 'a {
    warc::WarcRecords::new(bytes, "<bytes>", false, limits)
}

/// An iterator built on first use.
fn lazy(make: impl FnOnce() -> Documents + Send + 'static) -> Documents {
    Box::new(std::iter::once_with(make).flatten())
}

fn single(error: InputError) -> Documents {
    Box::new(std::iter::once(Err(error)))
}

fn read_file(path: &Path, kind: FileKind, limits: &ReadLimits) -> Documents {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return single(InputError::from_io(path, false, e)),
    };
    let label = path.to_string_lossy();
    if kind.format != Format::Warc && !kind.gzip {
        // Refuse an oversized page before reading any of it.
        if let Ok(meta) = file.metadata() {
            if meta.is_file() && meta.len() > limits.max_document_bytes as u64 {
                return single(InputError::TooLarge {
                    path: path.to_owned(),
                    record: None,
                    size: Some(meta.len()),
                    limit: limits.max_document_bytes,
                });
            }
        }
    }
    if kind.format != Format::Warc && kind.gzip {
        if let Ok(meta) = file.metadata() {
            if meta.is_file() && meta.len() <= GZ_WHOLE_MAX {
                return Box::new(std::iter::once(read_gz_page(
                    file,
                    meta.len(),
                    &label,
                    kind,
                    limits,
                )));
            }
        }
    }
    read_from(file, &label, kind, limits)
}

/// Largest compressed page read into memory whole before inflating (larger ones stream).
const GZ_WHOLE_MAX: u64 = 8 * 1024 * 1024;

/// A gzipped page read whole and inflated in one call ([`gz`]); a file that is not one plain
/// gzip member goes through the streaming decoder instead, which names what is wrong.
fn read_gz_page(
    mut file: File,
    len: u64,
    label: &str,
    kind: FileKind,
    limits: &ReadLimits,
) -> Result<Document, InputError> {
    let mut packed = Vec::with_capacity(len as usize + 1);
    file.read_to_end(&mut packed)
        .map_err(|e| InputError::from_io(Path::new(label), false, e))?;
    if let Some(bytes) = gz::inflate_single_member(&packed, limits.max_document_bytes) {
        return Ok(page_document(bytes, label, kind));
    }
    let stream: Box<dyn Read + Send> = Box::new(flate2::bufread::MultiGzDecoder::new(
        io::Cursor::new(packed),
    ));
    read_document(stream, label, kind, limits)
}

fn read_stdin(limits: &ReadLimits) -> Documents {
    let mut stdin = io::stdin();
    let mut prefix = vec![0u8; SNIFF_BYTES];
    let n = match io_util::read_up_to(&mut stdin, &mut prefix) {
        Ok(n) => n,
        Err(e) => return single(InputError::from_io(Path::new("-"), false, e)),
    };
    prefix.truncate(n);
    let kind = FileKind::sniff(&prefix);
    tracing::debug!(?kind, "standard input sniffed");
    read_from(io::Cursor::new(prefix).chain(stdin), "-", kind, limits)
}

/// Read a whole (already decompressed) page, refusing it past the limit.
fn read_document(
    stream: Box<dyn Read + Send>,
    label: &str,
    kind: FileKind,
    limits: &ReadLimits,
) -> Result<Document, InputError> {
    let max = limits.max_document_bytes;
    let mut bytes = Vec::new();
    stream
        .take((max as u64).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::from_io(Path::new(label), kind.gzip, e))?;
    if bytes.len() > max {
        return Err(InputError::TooLarge {
            path: PathBuf::from(label),
            record: None,
            size: None,
            limit: max,
        });
    }
    Ok(page_document(bytes, label, kind))
}

/// The document of a page file (or standard input).
fn page_document(bytes: Vec<u8>, label: &str, kind: FileKind) -> Document {
    Document {
        source: Source {
            path: label.to_owned(),
            format: kind.format,
            url: None,
            warc_record_id: None,
            warc_date: None,
        },
        content_format: kind.format,
        bytes,
        http_charset: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn one(reader: Vec<u8>, kind: FileKind, max: usize) -> Vec<Result<Document, InputError>> {
        read_from(
            io::Cursor::new(reader),
            "page",
            kind,
            &ReadLimits {
                max_document_bytes: max,
            },
        )
        .collect()
    }

    #[test]
    fn plain_document() {
        let docs = one(
            b"<p>hi</p>".to_vec(),
            FileKind::new(Format::Html, false),
            100,
        );
        assert_eq!(docs.len(), 1);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.bytes, b"<p>hi</p>");
        assert_eq!(doc.source.path, "page");
        assert_eq!(doc.source.format, Format::Html);
        assert_eq!(doc.content_format, Format::Html);
        assert_eq!(doc.http_charset, None);
    }

    #[test]
    fn limit_is_inclusive() {
        let ok = one(vec![b'a'; 10], FileKind::new(Format::Text, false), 10);
        assert_eq!(ok[0].as_ref().unwrap().bytes.len(), 10);
        let big = one(vec![b'a'; 11], FileKind::new(Format::Text, false), 10);
        assert!(matches!(
            big[0],
            Err(InputError::TooLarge {
                size: None,
                limit: 10,
                ..
            })
        ));
    }

    #[test]
    fn gzip_document_and_bomb() {
        let docs = one(gz(b"# Title"), FileKind::new(Format::Markdown, true), 100);
        assert_eq!(docs[0].as_ref().unwrap().bytes, b"# Title");
        // 64 MiB of zeros compress to ~64 KiB: refused at the limit, never held whole.
        let bomb = gz(&vec![0u8; 64 << 20]);
        let docs = one(bomb, FileKind::new(Format::Html, true), 1 << 20);
        assert!(matches!(docs[0], Err(InputError::TooLarge { .. })));
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let data = gz(&b"<p>some words that compress</p>".repeat(50));
        for cut in [0, 1, 5, 10, data.len() / 2, data.len() - 8, data.len() - 1] {
            let docs = one(
                data[..cut].to_vec(),
                FileKind::new(Format::Html, true),
                1 << 20,
            );
            assert_eq!(docs.len(), 1);
            match &docs[0] {
                Err(e @ InputError::Gzip { reason, .. }) => {
                    assert!(!reason.is_empty());
                    assert!(e.to_string().starts_with("page: "), "{e}");
                }
                other => panic!("cut {cut}: {other:?}"),
            }
        }
        let mut corrupt = data.clone();
        let n = corrupt.len();
        corrupt[n - 6] ^= 0xff; // CRC / length trailer
        let docs = one(corrupt, FileKind::new(Format::Html, true), 1 << 20);
        assert!(matches!(docs[0], Err(InputError::Gzip { .. })));
    }

    #[test]
    fn multi_member_gzip() {
        let mut data = gz(b"<p>one");
        data.extend(gz(b" two</p>"));
        let docs = one(data, FileKind::new(Format::Html, true), 100);
        assert_eq!(docs[0].as_ref().unwrap().bytes, b"<p>one two</p>");
    }

    /// A gzipped page file (read whole, [`gz`]) gives what the same bytes give streamed:
    /// the same document, or the same error.
    #[test]
    fn gzip_page_files_read_whole_match_the_stream() {
        let dir = tempfile::tempdir().unwrap();
        let page = b"<p>Invented words from the Tarnby Ledger, compressed.</p>".repeat(40);
        let single = gz(&page);
        let mut cases = vec![
            single.clone(),
            [gz(b"<p>one"), gz(b" two</p>")].concat(),
            [single.clone(), single.clone()].concat(),
            gz(&vec![0u8; 4 << 20]),
            Vec::new(),
        ];
        for cut in [1, 10, single.len() / 2, single.len() - 8, single.len() - 1] {
            cases.push(single[..cut].to_vec());
        }
        let mut corrupt = single.clone();
        let n = corrupt.len();
        corrupt[n - 6] ^= 0xff;
        cases.push(corrupt);
        let limits = ReadLimits {
            max_document_bytes: 1 << 20,
        };
        let kind = FileKind::new(Format::Html, true);
        for (i, bytes) in cases.into_iter().enumerate() {
            let path = dir.path().join(format!("p{i}.html.gz"));
            std::fs::write(&path, &bytes).unwrap();
            let label = path.to_string_lossy().into_owned();
            let whole: Vec<_> = read(&InputItem::File { path, kind }, &limits).collect();
            let streamed: Vec<_> =
                read_from(io::Cursor::new(bytes), &label, kind, &limits).collect();
            assert_eq!(whole.len(), 1, "case {i}");
            match (&whole[0], &streamed[0]) {
                (Ok(a), Ok(b)) => assert_eq!(a.bytes, b.bytes, "case {i}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "case {i}"),
                (a, b) => panic!("case {i}: read whole {a:?}, streamed {b:?}"),
            }
        }
    }

    #[test]
    fn item_labels() {
        assert_eq!(InputItem::Stdin.label(), "-");
        let item = InputItem::File {
            path: PathBuf::from("a/b.html"),
            kind: FileKind::new(Format::Html, false),
        };
        assert_eq!(item.label(), "a/b.html");
    }
}
