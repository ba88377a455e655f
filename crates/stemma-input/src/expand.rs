//! Command-line arguments → [`InputItem`]s.

use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use tracing::{debug, warn};

use crate::error::InputError;
use crate::io_util::read_up_to;
use crate::sniff::SNIFF_BYTES;
use crate::{FileKind, InputItem};

/// Expand command-line arguments, in order.
///
/// * `-` is standard input.
/// * A file is read in the format its name gives (see [`FileKind::from_path`]); a file with
///   any other name is sniffed from its first KiB (see [`FileKind::sniff`]).
/// * A directory is walked recursively in path order, keeping the files whose names give a
///   known format and skipping hidden (`.`-prefixed) files and directories and anything that is
///   not a regular file. Symbolic links are followed, but each directory is walked only once,
///   so link loops end.
///
/// A path that is missing or cannot be read gives an error in its place; the others go on.
pub fn expand(args: &[OsString]) -> Vec<Result<InputItem, InputError>> {
    let mut out = Vec::new();
    for arg in args {
        if arg == OsStr::new("-") {
            out.push(Ok(InputItem::Stdin));
            continue;
        }
        let path = PathBuf::from(arg);
        match fs::metadata(&path) {
            Err(e) => out.push(Err(InputError::from_io(&path, false, e))),
            Ok(meta) if meta.is_dir() => walk(&path, &mut out),
            Ok(meta) => out.push(named_file(path, meta.is_file())),
        }
    }
    out
}

/// An explicitly named file: its kind from its name, else from its content.
fn named_file(path: PathBuf, regular: bool) -> Result<InputItem, InputError> {
    if let Some(kind) = FileKind::from_path(&path) {
        return Ok(InputItem::File { path, kind });
    }
    if !regular {
        // A pipe or device cannot be peeked at without losing what is read.
        return Err(InputError::UnsupportedFile {
            path,
            reason: "not a regular file, and its name gives no known format \
                     (.html .htm .xhtml .md .markdown .txt .warc, optionally .gz)"
                .to_owned(),
        });
    }
    let kind = sniff_file(&path).map_err(|e| InputError::from_io(&path, false, e))?;
    debug!(path = %path.display(), ?kind, "format sniffed");
    Ok(InputItem::File { path, kind })
}

fn sniff_file(path: &Path) -> io::Result<FileKind> {
    let mut file = File::open(path)?;
    let mut prefix = [0u8; SNIFF_BYTES];
    let n = read_up_to(&mut file, &mut prefix)?;
    Ok(FileKind::sniff(&prefix[..n]))
}

/// Walk a directory depth-first in path order, without recursion.
fn walk(root: &Path, out: &mut Vec<Result<InputItem, InputError>>) {
    walk_with(
        root,
        &mut |path| match FileKind::from_path(&path) {
            Some(kind) => Some(Ok(InputItem::File { path, kind })),
            None => {
                debug!(path = %path.display(), "skipping: not a known format");
                None
            }
        },
        out,
    );
}

/// The regular files below `root`, depth-first in path order, each turned into an output by
/// `keep` (which skips a file by answering `None`). Hidden entries are skipped; symbolic links
/// are followed but each directory is walked once, so link loops end; a directory or entry
/// that cannot be read gives an error in its place and the walk goes on. This is the one
/// directory walker: `expand` (pages) uses it, and so can any command that wants other files.
pub fn walk_files<T>(
    root: &Path,
    mut keep: impl FnMut(PathBuf) -> Option<T>,
) -> Vec<Result<T, InputError>> {
    let mut out = Vec::new();
    walk_with(root, &mut |p| keep(p).map(Ok), &mut out);
    out
}

fn walk_with<T>(
    root: &Path,
    keep: &mut dyn FnMut(PathBuf) -> Option<Result<T, InputError>>,
    out: &mut Vec<Result<T, InputError>>,
) {
    let mut visited: HashSet<PathBuf> = HashSet::new();
    if let Ok(real) = fs::canonicalize(root) {
        visited.insert(real);
    }
    // A stack of the sorted entries still to visit in each open directory.
    let mut stack: Vec<std::vec::IntoIter<PathBuf>> = Vec::new();
    match list(root) {
        Ok(entries) => stack.push(entries.into_iter()),
        Err(e) => {
            out.push(Err(e));
            return;
        }
    }
    while let Some(top) = stack.last_mut() {
        let Some(path) = top.next() else {
            stack.pop();
            continue;
        };
        // `DirEntry::file_type` does not follow links; `metadata` does.
        let link = match fs::symlink_metadata(&path) {
            Ok(meta) => meta.file_type().is_symlink(),
            Err(e) => {
                out.push(Err(InputError::from_io(&path, false, e)));
                continue;
            }
        };
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                if link {
                    warn!(path = %path.display(), error = %e, "skipping broken symbolic link");
                } else {
                    out.push(Err(InputError::from_io(&path, false, e)));
                }
                continue;
            }
        };
        if meta.is_dir() {
            match fs::canonicalize(&path) {
                Ok(real) => {
                    if !visited.insert(real) {
                        debug!(path = %path.display(), "directory already walked (link loop?); skipping");
                        continue;
                    }
                }
                Err(e) => {
                    out.push(Err(InputError::from_io(&path, false, e)));
                    continue;
                }
            }
            match list(&path) {
                Ok(entries) => stack.push(entries.into_iter()),
                Err(e) => out.push(Err(e)),
            }
        } else if !meta.is_file() {
            debug!(path = %path.display(), "skipping: not a regular file");
        } else if let Some(item) = keep(path) {
            out.push(item);
        }
    }
}

/// The non-hidden entries of a directory, sorted by name.
fn list(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let io_err = |e| InputError::from_io(dir, false, e);
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err)? {
        let name = entry.map_err(io_err)?.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        names.push(name);
    }
    names.sort();
    Ok(names.into_iter().map(|name| dir.join(name)).collect())
}
