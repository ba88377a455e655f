//! End-to-end tests of `stemma extract`, run as a separate process.
//!
//! * The command-line contract: output order, `--format`, `--jobs`, failures and exit codes,
//!   broken pipes, standard input, WARC, limits, `--output` + `--resume`.
//! * In modules of their own: golden records of the pages in `tests/fixtures/` (`cli/golden.rs`,
//!   invented outlets, people and quotes, snapshotted with insta), `stemma syndicate`
//!   (`cli/syndicate.rs`), quote modes (`cli/modes.rs`) and the archive (`archive/`).
//!
//! Every process runs under a time limit: a hang is a failure, not a stuck suite.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod archive;
#[path = "cli/golden.rs"]
mod golden;
#[path = "cli/modes.rs"]
mod modes;
#[path = "common/run.rs"]
mod runner;
#[path = "cli/syndicate.rs"]
mod syndicate;
use runner::{wait_limited, Run};
#[path = "common/prose.rs"]
mod prose;

/// No single run of stemma in this file should come anywhere near this.
const TIME_LIMIT: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------------------------------------
// Running the binary

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// `stemma extract ARGS…` run in `dir`.
fn extract_cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stemma"));
    c.current_dir(dir)
        .env_remove("STEMMA_LOG")
        .arg("extract")
        .args(args);
    c
}

impl Run {
    /// The records on stdout, one JSON object per line.
    fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {l:?}"))
            })
            .collect()
    }

    fn paths(&self) -> Vec<String> {
        self.records().iter().map(path_of).collect()
    }

    /// The stderr lines that are not the final "N of M documents failed" summary.
    fn error_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| !l.contains("documents failed"))
            .collect()
    }
}

fn path_of(record: &Value) -> String {
    record["source"]["path"]
        .as_str()
        .unwrap_or_else(|| panic!("record without source.path: {record}"))
        .to_owned()
}

fn run_input(cmd: &mut Command, stdin: Option<Vec<u8>>) -> Run {
    runner::run_input(cmd, stdin, TIME_LIMIT)
}

fn run(dir: &Path, args: &[&str]) -> Run {
    run_input(&mut extract_cmd(dir, args), None)
}

fn run_ok(dir: &Path, args: &[&str]) -> Run {
    let r = run(dir, args);
    assert_eq!(r.code, 0, "stemma extract {args:?} failed:\n{}", r.stderr);
    assert!(
        r.stderr.is_empty(),
        "unexpected stderr for {args:?}:\n{}",
        r.stderr
    );
    r
}

// ---------------------------------------------------------------------------------------------
// Building inputs

fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(p, bytes).unwrap();
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A short, distinct, content-like HTML page.
fn page(n: usize) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><title>Bulletin {n}</title></head><body>\
         <article><h1>Bulletin {n}</h1><p>The river board met for meeting number {n} this year \
         and agreed to keep the weir gates open until the autumn rains arrive.</p></article>\
         </body></html>"
    )
}

/// A short, distinct plain-text document.
fn text_doc(n: usize) -> String {
    format!(
        "Bulletin {n:03}\n\nThe river board met for meeting number {n} this year and agreed to \
         keep the weir gates open until the autumn rains arrive.\n"
    )
}

fn warc_record(warc_type: &str, uri: &str, id: u32, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\n\
         WARC-Type: {warc_type}\r\n\
         WARC-Date: 2024-05-01T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:5e1e0000-0000-4000-8000-{id:012}>\r\n\
         WARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\n\
         Content-Length: {}\r\n\
         \r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_response(uri: &str, id: u32, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    block.extend_from_slice(body);
    warc_record(
        "response",
        uri,
        id,
        "application/http; msgtype=response",
        &block,
    )
}

const WARC_PAGE_1: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>Lighthouse keeper retires \
    after thirty winters</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
    <article><h1>Lighthouse keeper retires after thirty winters</h1>\
    <p>The last keeper of the Skerrow light handed over the keys on Friday after thirty winters on \
    the rock, and the lamp will now be watched from a control room on the mainland.</p>\
    <p>\"I will miss the gulls more than the storms,\" said the keeper, Ambrose Tilley.</p>\
    </article></body></html>";

const WARC_PAGE_2: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>Orchard festival moves \
    to October</title><link rel=\"canonical\" href=\"/local/orchard-festival\"></head><body>\
    <article><h1>Orchard festival moves to October</h1>\
    <p>The Brambleford orchard festival will move from September to October this year so that \
    the late apple varieties can be pressed on the day, the organisers said.</p></article>\
    </body></html>";

const WARC_URI_1: &str = "https://skerrow-times.example/news/lighthouse-keeper-retires";
const WARC_URI_2: &str = "https://brambleford-post.example/2024/05/orchard-festival?ref=home";

/// A small crawl: warcinfo, a request, two HTML responses and an image response between them.
fn crawl_records() -> Vec<Vec<u8>> {
    vec![
        warc_record(
            "warcinfo",
            "",
            1,
            "application/warc-fields",
            b"software: stemma-tests\r\n",
        ),
        warc_record(
            "request",
            WARC_URI_1,
            2,
            "application/http; msgtype=request",
            b"GET /news/lighthouse-keeper-retires HTTP/1.1\r\nHost: skerrow-times.example\r\n\r\n",
        ),
        http_response(
            WARC_URI_1,
            3,
            "text/html; charset=utf-8",
            WARC_PAGE_1.as_bytes(),
        ),
        http_response(
            "https://skerrow-times.example/img/lamp.png",
            4,
            "image/png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01",
        ),
        http_response(WARC_URI_2, 5, "text/html", WARC_PAGE_2.as_bytes()),
    ]
}

// ---------------------------------------------------------------------------------------------
// Order, formats, jobs

#[test]
fn files_and_directories_come_out_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "c.txt", text_doc(1));
    write(d, "b.html", page(2));
    write(
        d,
        "tree/2.md",
        "# Second\n\nThe second document of the tree, which is a Markdown file with a few words.\n",
    );
    write(d, "tree/1.txt", text_doc(3));
    write(d, "tree/sub/z.html", page(4));
    write(d, "tree/sub/a.htm", page(5));
    write(d, "tree/.hidden.html", page(6));
    write(d, "tree/.git/x.html", page(7));
    write(d, "tree/notes.pdf", "%PDF-1.4 not a page");
    write(d, "tree/README", "no extension: skipped inside a directory");
    write(d, "tree/y.html.gz", gz(page(8).as_bytes()));
    let r = run_ok(d, &["c.txt", "tree", "b.html"]);
    assert_eq!(
        r.paths(),
        [
            "c.txt",
            "tree/1.txt",
            "tree/2.md",
            "tree/sub/a.htm",
            "tree/sub/z.html",
            "tree/y.html.gz",
            "b.html"
        ]
    );
    let formats: Vec<String> = r
        .records()
        .iter()
        .map(|v| v["source"]["format"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        formats,
        ["text", "text", "markdown", "html", "html", "html", "html"]
    );
    // A file named on the command line is read even without a known extension (sniffed).
    let r = run_ok(d, &["tree/README"]);
    assert_eq!(r.paths(), ["tree/README"]);
    assert_eq!(r.records()[0]["source"]["format"], "text");
}

#[test]
fn order_is_stable_across_jobs_and_batches() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // More documents than one batch (32 per job), mixed formats and sizes, nested.
    let mut expected = Vec::new();
    for i in 0..150 {
        let rel = match i % 3 {
            0 => format!("docs/part-{}/doc-{i:03}.html", i / 50),
            1 => format!("docs/part-{}/doc-{i:03}.txt", i / 50),
            _ => format!("docs/part-{}/doc-{i:03}.md", i / 50),
        };
        match i % 3 {
            0 => write(d, &rel, page(i)),
            _ => write(d, &rel, text_doc(i)),
        }
        expected.push(rel);
    }
    expected.sort();
    let one = run_ok(d, &["--jobs", "1", "docs"]);
    let four = run_ok(d, &["--jobs", "4", "docs"]);
    let default = run_ok(d, &["docs"]);
    assert_eq!(one.paths(), expected);
    assert_eq!(one.stdout, four.stdout, "--jobs 1 and --jobs 4 differ");
    assert_eq!(
        one.stdout, default.stdout,
        "--jobs 1 and default jobs differ"
    );
    // Each record holds its own document's text.
    for (rec, rel) in one.records().iter().zip(&expected) {
        let at = rel.find("doc-").unwrap() + 4;
        let n: usize = rel[at..at + 3].parse().unwrap();
        let text = rec["text"].as_str().unwrap();
        assert!(
            text.contains(&format!("meeting number {n} this year")),
            "{rel}: {text:?}"
        );
    }
}

#[test]
fn format_json_is_one_array() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in 0..70 {
        write(d, &format!("in/{i:03}.html"), page(i));
    }
    let lines = run_ok(d, &["--jobs", "1", "in"]);
    let json = run_ok(d, &["--jobs", "1", "--format", "json", "in"]);
    let array: Vec<Value> = serde_json::from_str(&json.stdout).unwrap_or_else(|e| {
        panic!(
            "--format json is not one JSON array ({e}):\n{}",
            json.stdout
        )
    });
    assert_eq!(array.len(), 70);
    assert_eq!(array, lines.records());
    // `jsonl` is the default and equals `--format jsonl`.
    assert_eq!(
        lines.stdout,
        run_ok(d, &["--jobs", "1", "--format", "jsonl", "in"]).stdout
    );

    // One record, and none at all, are arrays too.
    let one = run_ok(d, &["--format", "json", "in/000.html"]);
    let v: Vec<Value> = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(v.len(), 1);
    let none = run(d, &["--format", "json", "missing.html"]);
    assert_eq!(none.code, 1);
    let v: Vec<Value> = serde_json::from_str(&none.stdout).unwrap();
    assert!(v.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Failures and exit codes

#[test]
fn unreadable_inputs_are_reported_and_the_rest_printed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good1.html", page(1));
    let junk: Vec<u8> = (0..4096u32).map(|i| (i % 7) as u8).collect();
    write(d, "junk.html", junk);
    let full = gz(page(2).repeat(20).as_bytes());
    write(d, "trunc.html.gz", &full[..full.len() / 2]);
    write(d, "empty.html", "");
    write(
        d,
        "good2.md",
        "# Second page\n\nThe second good page of this run, in Markdown, with a sentence or two.\n",
    );
    let r = run(
        d,
        &[
            "good1.html",
            "missing.html",
            "junk.html",
            "trunc.html.gz",
            "empty.html",
            "good2.md",
        ],
    );
    assert_eq!(r.code, 1, "stderr:\n{}", r.stderr);
    // The readable documents, in order; an empty file is an empty record, not an error.
    assert_eq!(r.paths(), ["good1.html", "empty.html", "good2.md"]);
    let recs = r.records();
    assert_eq!(recs[1]["text"], "");
    assert_eq!(recs[1]["title"], Value::Null);
    assert!(recs[2]["text"]
        .as_str()
        .unwrap()
        .contains("second good page"));
    // One line per failure, in input order, naming the path and the reason.
    let errors = r.error_lines();
    assert_eq!(errors.len(), 3, "stderr:\n{}", r.stderr);
    let expect = [
        ("missing.html", "no such file or directory"),
        ("junk.html", "binary"),
        ("trunc.html.gz", "gzip"),
    ];
    for (line, (path, reason)) in errors.iter().zip(expect) {
        assert!(line.starts_with("stemma: "), "{line}");
        assert!(line.contains(path), "{line:?} does not name {path}");
        assert!(line.contains(reason), "{line:?} does not say {reason:?}");
    }
    // The summary comes last.
    let last = r.stderr.lines().last().unwrap();
    assert_eq!(last, "stemma: 3 of 6 documents failed");
}

#[test]
fn error_lines_name_the_path_once() {
    let dir = tempfile::tempdir().unwrap();
    let full = gz(page(2).repeat(20).as_bytes());
    write(dir.path(), "trunc.html.gz", &full[..full.len() / 2]);
    let r = run(dir.path(), &["missing.html", "trunc.html.gz"]);
    let errors = r.error_lines();
    assert_eq!(errors[0], "stemma: missing.html: no such file or directory");
    assert_eq!(
        errors[1].matches("trunc.html.gz").count(),
        1,
        "{}",
        errors[1]
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.html", page(1));
    for args in [
        &[][..],
        &["--bogus", "a.html"][..],
        &["--format", "xml", "a.html"][..],
        &["--jobs", "many", "a.html"][..],
        &["--resume", "a.html"][..],
    ] {
        let r = run(d, args);
        assert_eq!(r.code, 2, "{args:?}: stderr:\n{}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
        assert!(!r.stderr.is_empty(), "{args:?}: no message");
    }
    // No subcommand at all.
    let mut c = Command::new(env!("CARGO_BIN_EXE_stemma"));
    c.current_dir(d);
    assert_eq!(run_input(&mut c, None).code, 2);
    // (--format json resumes too: see hardening.rs.)
}

#[test]
fn broken_pipe_ends_quietly_with_success() {
    let fixture = fixtures().join("news_article.html");
    let fixture = fixture.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let args = vec![fixture; 600];
    for jobs in ["1", "2"] {
        let mut cmd = extract_cmd(dir.path(), &["--jobs", jobs]);
        cmd.args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("starting stemma");
        let mut err = child.stderr.take().unwrap();
        let err_reader = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = err.read_to_string(&mut s);
            s
        });
        {
            let mut out = BufReader::new(child.stdout.take().unwrap());
            let mut line = String::new();
            out.read_line(&mut line).unwrap();
            let v: Value = serde_json::from_str(&line).unwrap();
            assert_eq!(v["title"], "Tidal Turbines Cleared for Marrow Bay Trial");
            // The reader goes away here, like `stemma extract … | head -1`.
        }
        let status = wait_limited(&mut child, TIME_LIMIT);
        let stderr = err_reader.join().unwrap();
        assert_eq!(
            status.code(),
            Some(0),
            "--jobs {jobs}: {status:?}, stderr:\n{stderr}"
        );
        assert!(stderr.is_empty(), "--jobs {jobs}: stderr:\n{stderr}");
    }
}

// ---------------------------------------------------------------------------------------------
// Standard input

#[test]
fn stdin_html_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let html = fs::read(fixtures().join("news_article.html")).unwrap();
    let r = run_input(&mut extract_cmd(dir.path(), &["-"]), Some(html));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recs = r.records();
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["source"]["path"], "-");
    assert_eq!(recs[0]["source"]["format"], "html");
    assert_eq!(
        recs[0]["title"],
        "Tidal Turbines Cleared for Marrow Bay Trial"
    );
    // The same page from a file gives the same record, apart from the path.
    let mut from_file = run_ok(&fixtures(), &["news_article.html"]).records()[0].clone();
    from_file["source"]["path"] = "-".into();
    assert_eq!(recs[0], from_file);
}

#[test]
fn stdin_markdown_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let md = fs::read(fixtures().join("repost.md")).unwrap();
    let r = run_input(&mut extract_cmd(dir.path(), &["-"]), Some(md));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recs = r.records();
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["source"]["path"], "-");
    assert_eq!(recs[0]["source"]["format"], "markdown");
    assert_eq!(
        recs[0]["title"],
        "Salt Marsh Villages Vote to Share One Flood Warden: Three Parishes Pool Their Budgets"
    );
    assert_eq!(recs[0]["republished_from"]["name"], "Estuary Voice");
}

#[test]
fn stdin_between_files_keeps_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.html", page(1));
    write(d, "b.txt", text_doc(2));
    let r = run_input(
        &mut extract_cmd(d, &["a.html", "-", "b.txt"]),
        Some(page(3).into_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.paths(), ["a.html", "-", "b.txt"]);
    assert!(r.records()[1]["text"]
        .as_str()
        .unwrap()
        .contains("meeting number 3"));
}

// ---------------------------------------------------------------------------------------------
// WARC

fn check_warc_records(recs: &[Value], path: &str) {
    assert_eq!(recs.len(), 2, "{recs:?}");
    for r in recs {
        assert_eq!(r["source"]["path"], path);
        assert_eq!(r["source"]["format"], "warc");
    }
    assert_eq!(recs[0]["source"]["url"], WARC_URI_1);
    assert_eq!(
        recs[0]["source"]["warc_record_id"],
        "<urn:uuid:5e1e0000-0000-4000-8000-000000000003>"
    );
    // No canonical: the article URL is the fetch URL.
    assert_eq!(recs[0]["url"], WARC_URI_1);
    assert_eq!(
        recs[0]["title"],
        "Lighthouse keeper retires after thirty winters"
    );
    assert!(recs[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("The last keeper of the Skerrow light"));
    assert_eq!(recs[1]["source"]["url"], WARC_URI_2);
    assert_eq!(
        recs[1]["source"]["warc_record_id"],
        "<urn:uuid:5e1e0000-0000-4000-8000-000000000005>"
    );
    // A relative canonical is resolved against the fetch URL.
    assert_eq!(
        recs[1]["url"],
        "https://brambleford-post.example/local/orchard-festival"
    );
    assert_eq!(recs[1]["title"], "Orchard festival moves to October");
    // Same host: no republication.
    assert_eq!(recs[1]["republished_from"], Value::Null);
}

#[test]
fn warc_and_multi_member_warc_gz() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let records = crawl_records();
    write(d, "crawl.warc", records.concat());
    let members: Vec<u8> = records.iter().flat_map(|r| gz(r)).collect();
    write(d, "crawl.warc.gz", &members);
    let plain = run_ok(d, &["crawl.warc"]);
    check_warc_records(&plain.records(), "crawl.warc");
    let gzipped = run_ok(d, &["crawl.warc.gz"]);
    check_warc_records(&gzipped.records(), "crawl.warc.gz");
    // Both, and a page between them, in order.
    write(d, "mid.html", page(9));
    let both = run_ok(
        d,
        &["--jobs", "3", "crawl.warc", "mid.html", "crawl.warc.gz"],
    );
    assert_eq!(
        both.paths(),
        [
            "crawl.warc",
            "crawl.warc",
            "mid.html",
            "crawl.warc.gz",
            "crawl.warc.gz"
        ]
    );
}

#[test]
fn truncated_warc_gz_keeps_the_records_before_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let records = crawl_records();
    let mut data: Vec<u8> = records[..3].iter().flat_map(|r| gz(r)).collect();
    let last = gz(&records[4]);
    data.extend_from_slice(&last[..last.len() / 2]);
    write(d, "cut.warc.gz", &data);
    write(d, "after.html", page(1));
    let r = run(d, &["cut.warc.gz", "after.html"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.paths(), ["cut.warc.gz", "after.html"]);
    assert_eq!(r.records()[0]["source"]["url"], WARC_URI_1);
    let errors = r.error_lines();
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert!(errors[0].contains("cut.warc.gz") && errors[0].contains("gzip"));
}

// ---------------------------------------------------------------------------------------------
// Limits

#[test]
fn hundred_thousand_nested_divs_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut deep = "<!doctype html><html><body>".to_owned();
    deep.push_str(&"<div>".repeat(100_000));
    deep.push_str("<p>The bottom of a very deep page, which nobody should have to parse.</p>");
    write(d, "deep.html", deep);
    write(d, "after.html", page(1));
    let start = Instant::now();
    let r = run(d, &["deep.html", "after.html"]);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.paths(), ["after.html"]);
    let errors = r.error_lines();
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert!(
        errors[0].starts_with("stemma: deep.html: ") && errors[0].contains("nests elements"),
        "{}",
        errors[0]
    );
}

#[test]
fn pages_over_max_mib_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut big = page(1);
    big.push_str(&"<p>filler words for a page that is far too large.</p>\n".repeat(30_000));
    assert!(big.len() > 1 << 20);
    write(d, "big.html", &big);
    write(d, "big.html.gz", gz(big.as_bytes()));
    write(d, "small.html", page(2));
    let r = run(
        d,
        &["--max-mib", "1", "big.html", "small.html", "big.html.gz"],
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.paths(), ["small.html"]);
    let errors = r.error_lines();
    assert_eq!(errors.len(), 2, "{}", r.stderr);
    assert!(errors[0].contains("big.html:") && errors[0].contains("too large"));
    assert!(
        errors[0].contains("1048576"),
        "the limit is named: {}",
        errors[0]
    );
    assert!(errors[1].contains("big.html.gz") && errors[1].contains("too large"));
    // Under the default limit the same page is fine.
    let r = run_ok(d, &["big.html"]);
    assert_eq!(r.records().len(), 1);
    // From standard input too.
    let r = run_input(
        &mut extract_cmd(d, &["--max-mib", "1", "-"]),
        Some(big.into_bytes()),
    );
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(r.error_lines()[0].contains("too large"), "{}", r.stderr);
}

#[test]
fn formatting_element_amplification_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = "<html><body><p>".to_owned();
    for i in 0..2000 {
        s.push_str(&format!("<tt id=a{i}>"));
    }
    s.push_str(&"<p>word ".repeat(2000));
    write(dir.path(), "amp.html", &s);
    let start = Instant::now();
    let r = run(dir.path(), &["amp.html"]);
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "took {:?}",
        start.elapsed()
    );
    assert!(r.code == 0 || r.stderr.contains("amp.html"));
}

// ---------------------------------------------------------------------------------------------
// --output and --resume

/// `docs/doc-NNN.txt` for n documents.
fn write_docs(d: &Path, n: usize) {
    for i in 0..n {
        write(d, &format!("docs/doc-{i:03}.txt"), text_doc(i));
    }
}

/// Byte offsets just past each line of a JSON-lines file.
fn line_ends(bytes: &[u8]) -> Vec<usize> {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i + 1)
        .collect()
}

fn progress(d: &Path, out: &str) -> PathBuf {
    d.join(format!("{out}.progress"))
}

#[test]
fn output_file_matches_stdout_and_is_rewritten_not_appended() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_docs(d, 40);
    let stdout = run_ok(d, &["--jobs", "1", "docs"]).stdout;
    let r = run_ok(d, &["--jobs", "1", "--output", "out.jsonl", "docs"]);
    assert!(r.stdout.is_empty());
    assert_eq!(fs::read_to_string(d.join("out.jsonl")).unwrap(), stdout);
    assert!(!progress(d, "out.jsonl").exists(), "checkpoint left behind");
    // A second run without --resume starts over.
    run_ok(d, &["--jobs", "2", "--output", "out.jsonl", "docs"]);
    assert_eq!(fs::read_to_string(d.join("out.jsonl")).unwrap(), stdout);
}

#[test]
fn resume_after_interruption_gives_each_document_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let n = 100;
    write_docs(d, n);
    run_ok(d, &["--jobs", "1", "--output", "full.jsonl", "docs"]);
    let full = fs::read(d.join("full.jsonl")).unwrap();
    let ends = line_ends(&full);
    assert_eq!(ends.len(), n);
    assert!(!progress(d, "full.jsonl").exists());

    // (checkpoint: documents done, bytes kept beyond the checkpoint, jobs for the rerun)
    let cases: [(usize, usize, &str); 5] = [
        (32, ends[49] + 17 - ends[32], "1"), // half-written line after more batches
        (32, 0, "1"),                        // killed right after a checkpoint
        (64, 5, "4"),                        // rerun with other batch sizes
        (0, 300, "2"),                       // interrupted before the first checkpoint
        (96, ends[98] - ends[95], "1"),      // near the end
    ];
    for (done, extra, jobs) in cases {
        let len = if done == 0 { 0 } else { ends[done - 1] };
        let out = format!("out-{done}-{extra}.jsonl");
        fs::write(d.join(&out), &full[..len + extra]).unwrap();
        fs::write(progress(d, &out), format!("{done} {len}\n")).unwrap();
        let r = run(d, &["--jobs", jobs, "--resume", "--output", &out, "docs"]);
        assert_eq!(r.code, 0, "{out}: {}", r.stderr);
        if done > 0 {
            assert!(
                r.stderr
                    .contains(&format!("resuming after {done} documents")),
                "{out}: {}",
                r.stderr
            );
        }
        let got = fs::read(d.join(&out)).unwrap();
        assert!(
            got == full,
            "{out}: resumed output differs from an uninterrupted run:\n{}",
            String::from_utf8_lossy(&got)
        );
        assert!(!progress(d, &out).exists(), "{out}: checkpoint left behind");
    }
}

#[test]
fn resume_on_a_finished_output_does_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_docs(d, 10);
    run_ok(d, &["--output", "out.jsonl", "docs"]);
    let before = fs::read(d.join("out.jsonl")).unwrap();
    // Even with more inputs now: the output is complete, nothing is redone or appended.
    write(d, "docs/doc-999.txt", text_doc(999));
    let r = run(d, &["--resume", "--output", "out.jsonl", "docs"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("nothing to resume"), "{}", r.stderr);
    assert_eq!(fs::read(d.join("out.jsonl")).unwrap(), before);
    assert!(!progress(d, "out.jsonl").exists());
}

#[test]
fn resume_without_a_previous_run_starts_from_the_beginning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_docs(d, 10);
    let expected = run_ok(d, &["docs"]).stdout;
    let r = run(d, &["--resume", "--output", "fresh.jsonl", "docs"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read_to_string(d.join("fresh.jsonl")).unwrap(), expected);
}

#[test]
fn resume_counts_failed_documents_as_done() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_docs(d, 40);
    write(d, "docs/doc-005.txt", [0u8; 512]); // binary: fails, but is "done"
    let first = run(d, &["--jobs", "1", "--output", "out.jsonl", "docs"]);
    assert_eq!(first.code, 1);
    let full = fs::read(d.join("out.jsonl")).unwrap();
    let ends = line_ends(&full);
    assert_eq!(ends.len(), 39);
    // Interrupted after the first batch of 32 documents (31 records: one failed).
    fs::write(d.join("out.jsonl"), &full[..ends[30] + 10]).unwrap();
    fs::write(progress(d, "out.jsonl"), format!("32 {}\n", ends[30])).unwrap();
    let r = run(
        d,
        &["--jobs", "1", "--resume", "--output", "out.jsonl", "docs"],
    );
    assert_eq!(
        r.code, 0,
        "the failure was before the checkpoint: {}",
        r.stderr
    );
    assert_eq!(fs::read(d.join("out.jsonl")).unwrap(), full);
}

#[test]
fn resume_refuses_a_damaged_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_docs(d, 5);
    fs::write(d.join("out.jsonl"), "{\"half\":").unwrap();
    fs::write(progress(d, "out.jsonl"), "not a checkpoint").unwrap();
    let r = run(d, &["--resume", "--output", "out.jsonl", "docs"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not a stemma checkpoint"), "{}", r.stderr);
    // Nothing was destroyed.
    assert_eq!(
        fs::read_to_string(d.join("out.jsonl")).unwrap(),
        "{\"half\":"
    );
}

#[test]
fn resume_never_pads_a_short_output_with_nul_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_docs(d, 40);
    run_ok(d, &["--jobs", "1", "--output", "full.jsonl", "docs"]);
    let full = fs::read(d.join("full.jsonl")).unwrap();
    let ends = line_ends(&full);
    fs::write(d.join("out.jsonl"), &full[..ends[10]]).unwrap();
    fs::write(progress(d, "out.jsonl"), format!("32 {}\n", ends[31])).unwrap();
    let r = run(
        d,
        &["--jobs", "1", "--resume", "--output", "out.jsonl", "docs"],
    );
    let got = fs::read(d.join("out.jsonl")).unwrap();
    assert!(!got.contains(&0), "NUL bytes in the output");
    if r.code == 0 {
        assert_eq!(got, full);
    } else {
        assert!(r.stderr.contains("out.jsonl"), "{}", r.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// stemma attribute

fn attribute(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Run {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stemma"));
    c.current_dir(dir)
        .env_remove("STEMMA_LOG")
        .arg("attribute")
        .args(args);
    run_input(&mut c, stdin)
}

/// `stemma attribute` on one file of `tests/attribution`: the folder and the records.
fn attribute_fixture(name: &str) -> (std::path::PathBuf, Vec<Value>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("attribution");
    let r = attribute(&dir, &[name], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recs = r.records();
    (dir, recs)
}

#[test]
fn attribute_golden_layout_constructions() {
    // Quotes signed with a dash at the end of their line, and transcript lines opened by a
    // speaker label in capitals: the page's layout, not a sentence, says who speaks.
    let (_, recs) = attribute_fixture("readers_and_transcript.txt");
    let got = attributions(&recs[0]);
    let has = |cue: &str, source: &str, words: &str| {
        assert!(
            got.iter()
                .any(|g| g.0 == "direct" && g.1 == cue && g.2 == source && g.4.contains(words)),
            "no (direct, {cue}, {source}, {words:?}) in {got:#?}"
        )
    };
    has(
        "―",
        "Edda Lindqvist",
        "“The pier is older than the town hall",
    );
    // A headline that names its speaker before a colon: a paraphrase, so indirect.
    assert!(
        got.iter().any(|g| g.0 == "indirect"
            && g.1 == ":"
            && g.2 == "Edda Lindqvist"
            && g.4 == "The old pier deserves better than a rushed vote"),
        "{got:#?}"
    );
    has("—", "Pavel Okafor", "Nobody asked us.”");
    has(":", "VARGA", "Because the storms will not wait");
    has(":", "HOST", "why now and not after the winter?");
    // A label's content runs to its paragraph's end, not into the next speaker's line.
    assert!(
        got.iter()
            .all(|g| !(g.2 == "HOST" && g.4.contains("VARGA"))),
        "{got:#?}"
    );
    insta::assert_json_snapshot!("attribute_readers_and_transcript", recs[0]);
}

/// (kind, cue, source, speaker name, content) of each attribution of a record.
fn attributions(rec: &Value) -> Vec<(String, String, String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or("-").to_string();
    rec["attributions"]
        .as_array()
        .expect("attributions array")
        .iter()
        .map(|a| {
            (
                s(&a["kind"]),
                s(&a["cue"]["text"]),
                s(&a["source"]["text"]),
                s(&a["speaker"]["name"]),
                s(&a["content"]["text"]),
            )
        })
        .collect()
}

#[test]
fn attribute_golden_constructions() {
    let (dir, recs) = attribute_fixture("harbour_vote.txt");
    assert_eq!(recs.len(), 1);
    let text = fs::read_to_string(dir.join("harbour_vote.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    // Offsets are code points into the file, and each span's text is that slice.
    for a in recs[0]["attributions"].as_array().unwrap() {
        for role in ["source", "cue", "content"] {
            let sp = &a[role];
            if sp.is_null() {
                continue;
            }
            let (st, en) = (
                sp["start"].as_u64().unwrap() as usize,
                sp["end"].as_u64().unwrap() as usize,
            );
            let slice: String = chars[st..en].iter().collect();
            assert_eq!(slice, sp["text"].as_str().unwrap(), "{role} of {a}");
        }
    }
    let got = attributions(&recs[0]);
    let has = |kind: &str, cue: &str, speaker: &str, words: &str| {
        assert!(
            got.iter()
                .any(|g| g.0 == kind && g.1 == cue && g.3 == speaker && g.4.contains(words)),
            "no ({kind}, {cue}, {speaker}, {words:?}) in {got:#?}"
        )
    };
    // Reported speech with a setting before "that"; a pronoun across sentences; a partial quote.
    has(
        "indirect",
        "said",
        "Ilse Varga",
        "that the harbour authority would back",
    );
    has(
        "mixed",
        "added",
        "Ilse Varga",
        "\"the last chance to save the old pier\"",
    );
    // A quote interrupted by its cue, and a description ("the mayor") resolved by role.
    has("direct", "said", "Ilse Varga", "\"Nobody,\"");
    // According to, both ways, with an acronym resolved to its organisation.
    has(
        "indirect",
        "according to",
        "Marrow Bay Harbour Authority",
        "The barrier will cost",
    );
    has("mixed", "According to", "Tomas Brekke", "the vote is");
    // "it" after an organisation, with the setting in the cue as PolNeAR marks it; guillemets
    // after a colon; „ “ quotes.
    has(
        "direct",
        "said in a statement",
        "Marrow Bay Harbour Authority",
        "\"Every figure is public,\"",
    );
    has(
        "direct",
        "told",
        "Tomas Brekke",
        "«We will take this to the regional court.»",
    );
    has("direct", "said", "Jonas Albrecht", "„Wir bleiben hier“");
    // A nickname in quotes inside the name does not split the speaker; an inverted speaker
    // ("…“, said Jonas Albrecht") is a person.
    has(
        "indirect",
        "wondered aloud",
        "Dwayne Moss",
        "whether the money would ever come back",
    );
    // A quote over two paragraphs: reopened at the second, closed once.
    let multi = &recs[0]["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["content"]["text"]
                .as_str()
                .unwrap()
                .contains("two hundred years")
        })
        .expect("the two-paragraph quote");
    assert_eq!(
        multi["content_pieces"].as_array().map(|p| p.len()),
        Some(2),
        "{multi}"
    );
    // "known as" names an alias, it reports nothing.
    assert!(got.iter().all(|g| g.1 != "known"), "{got:#?}");
    insta::assert_json_snapshot!("attribute_harbour_vote", recs[0]);
}

#[test]
fn attribute_reports_bad_files_and_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    write(&dir, "a.txt", "\"Yes,\" Ilse Varga said.");
    write(&dir, "bad.txt", b"\xff\xfe\x00junk");
    write(&dir, "c.txt", "Nothing was said here");
    let r = attribute(&dir, &["a.txt", "bad.txt", "missing.txt", "c.txt"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let paths: Vec<String> = r.records().iter().map(path_of).collect();
    assert_eq!(paths, ["a.txt", "c.txt"]);
    assert!(
        r.stderr.contains("bad.txt") && r.stderr.contains("not UTF-8"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("missing.txt"), "{}", r.stderr);
    assert_eq!(attributions(&r.records()[0]).len(), 1);
    // Empty input is an empty result, not an error.
    write(&dir, "empty.txt", "");
    let r = attribute(&dir, &["empty.txt"], None);
    assert_eq!(r.code, 0);
    assert_eq!(r.records()[0]["attributions"], serde_json::json!([]));
}

#[test]
fn attribute_reads_standard_input() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let r = attribute(
        &dir,
        &["-"],
        Some("Officials said the ferry would run.".as_bytes().to_vec()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let got = attributions(&r.records()[0]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "Officials");
}
