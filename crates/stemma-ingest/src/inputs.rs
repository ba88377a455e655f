//! What a run reads: command-line paths (or a spool directory) into inputs, and record JSONL
//! into article records.

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use stemma_core::{Article, Document};
use stemma_store::Failure;

/// One input, as the reader hands it on.
pub enum Item {
    Doc(Document),
    Record(Box<Article>),
    Failed(Failure),
}

/// One input file: record JSONL, or pages for stemma-input.
pub enum Input {
    Records(PathBuf),
    Pages(Result<stemma_input::InputItem, stemma_input::InputError>),
}

/// The inputs in argument order: directories walked by stemma-input's walker, keeping record
/// files and pages; named files by their name; `-` is pages on standard input.
pub fn inputs(args: &[OsString]) -> Vec<Input> {
    let mut out = Vec::new();
    for a in args {
        let p = std::path::Path::new(a);
        if a != "-" && p.is_dir() {
            out.extend(
                stemma_input::walk_files(p, |f| {
                    if is_records(&f) {
                        Some(Input::Records(f))
                    } else {
                        let kind = stemma_input::FileKind::from_path(&f)?;
                        Some(Input::Pages(Ok(stemma_input::InputItem::File {
                            path: f,
                            kind,
                        })))
                    }
                })
                .into_iter()
                .map(|r| r.unwrap_or_else(|e| Input::Pages(Err(e)))),
            );
        } else if a != "-" && is_records(p) {
            out.push(Input::Records(p.to_path_buf()));
        } else {
            out.extend(
                stemma_input::expand(std::slice::from_ref(a))
                    .into_iter()
                    .map(Input::Pages),
            );
        }
    }
    out
}

/// Whether a file name says record JSONL (`.jsonl`, `.ndjson`, either `.gz`).
pub fn is_records(p: &Path) -> bool {
    let name = p.to_string_lossy();
    [".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"]
        .iter()
        .any(|s| name.ends_with(s))
}

/// Read the records of a JSONL file (gzip undone); a bad line is a failure, the rest go on.
pub fn read_records(path: &Path, out: &mut dyn FnMut(Item)) {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            out(Item::Failed(Failure {
                input: path.display().to_string(),
                reason: e.to_string(),
            }));
            return;
        }
    };
    let reader: Box<dyn BufRead> = if path.extension().is_some_and(|x| x == "gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    for (n, line) in reader.split(b'\n').enumerate() {
        let input = format!("{}:{}", path.display(), n + 1);
        match line {
            Err(e) => {
                out(Item::Failed(Failure {
                    input,
                    reason: e.to_string(),
                }));
                return;
            }
            Ok(l) if l.iter().all(u8::is_ascii_whitespace) => {}
            Ok(l) => match serde_json::from_slice::<Article>(&l) {
                Ok(a) => out(Item::Record(Box::new(a))),
                Err(e) => out(Item::Failed(Failure {
                    input,
                    reason: format!("not an article record: {e}"),
                })),
            },
        }
    }
}
