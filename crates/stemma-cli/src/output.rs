//! Output of the archive's queries: a table on a terminal, JSON lines when piped, or as asked
//! (`--format table|json|jsonl|csv`).

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use clap::ValueEnum;
use comfy_table::{ContentArrangement, Table};
use serde::Serialize;

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns (the default on a terminal).
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line (the default when piped).
    Jsonl,
    /// Comma-separated, with a header line.
    Csv,
}

/// The format asked for, else a table on a terminal and JSON lines elsewhere.
pub fn resolve(f: Option<Format>) -> Format {
    f.unwrap_or_else(|| {
        if io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Jsonl
        }
    })
}

/// What a query prints: the items as JSON, and the same as rows for a table or CSV.
pub struct Output<'a, T: Serialize> {
    pub items: &'a [T],
    pub header: &'a [&'a str],
    pub rows: Vec<Vec<String>>,
}

pub fn emit<T: Serialize>(format: Format, o: Output<'_, T>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, o.items)?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl => {
            for it in o.items {
                let bytes = serde_json::to_vec(it)?;
                out.write_all(&bytes)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(o.header)?;
            for r in &o.rows {
                w.write_record(r)?;
            }
            w.flush()?;
        }
        Format::Table => {
            let mut t = Table::new();
            let width = std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(140u16);
            t.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(width)
                .set_header(o.header.to_vec());
            for r in o.rows {
                t.add_row(r);
            }
            writeln!(out, "{t}")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A cell for an optional value.
pub fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// `text` with the code-point ranges marked: bold on a terminal, else `[` `]`.
pub fn highlight(text: &str, ranges: &[[usize; 2]], terminal: bool) -> String {
    let (open, close) = if terminal {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut r = ranges.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        if r.peek().is_some_and(|x| x[0] == i) {
            out.push_str(open);
        }
        out.push(c);
        if r.peek().is_some_and(|x| x[1] == i + 1) {
            out.push_str(close);
            r.next();
        }
    }
    out
}
