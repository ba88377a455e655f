//! `stemma attribute`: each file read verbatim as an article's text; one line per file with
//! its attributions, offsets in code points (what Python's `str` indexes).

use std::ffi::OsString;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use stemma_core::attrib::{self, CharIndex};
use stemma_core::model::Char;
use stemma_core::{Mode, Span, SpeakerKind};

use crate::extract::OutFormat;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Text files (UTF-8), or - for standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<OsString>,
    #[arg(long, value_enum, default_value_t = OutFormat::Jsonl)]
    format: OutFormat,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Largest file accepted, in MiB; larger ones are reported and skipped.
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u64).range(1..))]
    max_mib: u64,
    /// Print quotes as a reader counts them, of these modes: speech, thought, evidence
    /// (comma-separated). Without it, every attribution as PolNeAR marks them, refusals to
    /// comment, the reporter's questions ("Asked whether …, she said") and judgements of a
    /// thing ("defended the numbers") included.
    #[arg(long, value_delimiter = ',', value_parser = parse_mode)]
    modes: Option<Vec<Mode>>,
}

/// A `--modes` item: "speech", "thought" or "evidence".
pub(crate) fn parse_mode(s: &str) -> Result<Mode, String> {
    Mode::parse(s).ok_or_else(|| format!("unknown mode {s:?} (speech, thought, evidence)"))
}

#[derive(Serialize)]
struct PathOnly {
    path: String,
}

#[derive(Serialize)]
struct Who {
    name: Option<String>,
    role: Option<String>,
    kind: Option<SpeakerKind>,
}

#[derive(Serialize)]
struct Attribution {
    source: Option<Span>,
    cue: Span,
    /// From the first piece's start to the last piece's end.
    content: Span,
    /// The pieces of an interrupted quote, when there are several: `[start, end]` each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    content_pieces: Vec<[Char; 2]>,
    kind: stemma_core::QuoteKind,
    speech_act: stemma_core::SpeechAct,
    mode: Mode,
    /// A quotation with no cue of its own, credited to the speaker before it.
    continued: bool,
    speaker: Option<Who>,
}

#[derive(Serialize)]
struct Record {
    source: PathOnly,
    attributions: Vec<Attribution>,
}

/// Files per parallel batch: output stays in input order, memory stays bounded.
const BATCH: usize = 256;

pub fn run(args: Args) -> Result<ExitCode> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    let stdout = io::stdout();
    // 64 KiB: a write call per some 12 records, not per one or two.
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failures = 0usize;
    let mut first = true;
    let limit = args.max_mib.saturating_mul(1024 * 1024);
    if args.format == OutFormat::Json {
        out.write_all(b"[")?;
    }
    for chunk in args.files.chunks(BATCH) {
        let results: Vec<Result<Record, String>> = if args.jobs == Some(1) {
            // One worker: this thread does the work (no hand-over to a pool thread).
            chunk
                .iter()
                .map(|p| one(p, limit, args.modes.as_deref()))
                .collect()
        } else {
            pool.install(|| {
                chunk
                    .par_iter()
                    .map(|p| one(p, limit, args.modes.as_deref()))
                    .collect()
            })
        };
        for r in results {
            match r {
                Ok(rec) => {
                    if args.format == OutFormat::Json {
                        if !first {
                            out.write_all(b",")?;
                        }
                        out.write_all(b"\n")?;
                    }
                    first = false;
                    serde_json::to_writer(&mut out, &rec)?;
                    if args.format == OutFormat::Jsonl {
                        out.write_all(b"\n")?;
                    }
                }
                Err(e) => {
                    out.flush()?;
                    say!("{e}");
                    failures += 1;
                }
            }
        }
    }
    if args.format == OutFormat::Json {
        out.write_all(b"\n]\n")?;
    }
    out.flush()?;
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The file's bytes, at most `limit` of them: a larger file is an error, found without
/// reading more than one byte past the limit.
fn read(path: &OsString, limit: u64) -> Result<String, String> {
    let shown = PathBuf::from(path).display().to_string();
    let mut bytes = Vec::new();
    let mut size = None;
    let r = if path == "-" {
        io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| {
            size = f.metadata().ok().map(|m| m.len());
            match size {
                Some(n) if n > limit => Ok(0),
                _ => {
                    // Room for the whole file and the byte that shows its end: two reads,
                    // not a small probe and a growing buffer.
                    bytes.reserve(size.map_or(0, |n| n as usize + 1));
                    f.take(limit.saturating_add(1)).read_to_end(&mut bytes)
                }
            }
        })
    };
    r.map_err(|e| format!("{shown}: {e}"))?;
    if size.is_some_and(|n| n > limit) || bytes.len() as u64 > limit {
        let too_large = stemma_input::InputError::TooLarge {
            path: PathBuf::from(path),
            record: None,
            size: size.filter(|&n| n > limit),
            limit: usize::try_from(limit).unwrap_or(usize::MAX),
        };
        return Err(too_large.to_string());
    }
    String::from_utf8(bytes).map_err(|e| format!("{shown}: not UTF-8 text ({e})"))
}

fn one(path: &OsString, limit: u64, modes: Option<&[Mode]>) -> Result<Record, String> {
    let text = read(path, limit)?;
    let shown = if path == "-" {
        "-".to_string()
    } else {
        PathBuf::from(path).display().to_string()
    };
    let attributions = std::panic::catch_unwind(|| attributions(&text, modes)).map_err(|_| {
        format!("{shown}: internal error during attribution (a bug: please report)")
    })?;
    Ok(Record {
        source: PathOnly { path: shown },
        attributions,
    })
}

/// The attributions of `text`: every one, or (with `modes`) the quotes of those modes.
fn attributions(text: &str, modes: Option<&[Mode]>) -> Vec<Attribution> {
    let ix = CharIndex::new(text);
    attrib::entities_and_quotes(None, text, &ix)
        .1
        .into_iter()
        .filter(|(f, q)| modes.is_none_or(|m| attrib::is_quote_of(f, q, m)))
        .map(|(f, q)| {
            let (a, b) = (f.content[0].0, f.content[f.content.len() - 1].1);
            let pieces: Vec<[Char; 2]> = if f.content.len() > 1 {
                f.content
                    .iter()
                    .map(|&(x, y)| [ix.at(x), ix.at(y)])
                    .collect()
            } else {
                Vec::new()
            };
            Attribution {
                source: f.source.map(|r| attrib::span_of(&ix, r)),
                cue: attrib::span_of(&ix, f.cue),
                content: attrib::span_of(&ix, (a, b)),
                content_pieces: pieces,
                kind: f.kind,
                speech_act: q.speech_act,
                mode: q.mode,
                continued: q.continued,
                speaker: q.speaker.map(|s| Who {
                    name: s.name,
                    role: s.role,
                    kind: s.kind,
                }),
            }
        })
        .collect()
}
