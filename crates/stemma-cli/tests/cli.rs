//! End-to-end tests of `stemma extract`, run as a separate process.
//!
//! * The command-line contract: output order, `--format`, `--jobs`, failures and exit codes,
//!   broken pipes, standard input, WARC, limits, `--output` + `--resume`.
//! * Golden records of the pages in `tests/fixtures/` (invented outlets, people and quotes),
//!   snapshotted with insta, plus explicit checks of the fields a user cares about. Checks
//!   that the extractor does not pass yet are `#[ignore = "known gap: …"]`.
//!
//! Every process runs under a time limit: a hang is a failure, not a stuck suite.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod archive;
#[path = "common/run.rs"]
mod runner;
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

// ---------------------------------------------------------------------------------------------
// Golden records

/// The one record of a fixture, extracted with the fixtures directory as working directory (so
/// `source.path` is the bare file name).
fn golden(name: &str) -> Value {
    let r = run_ok(&fixtures(), &[name]);
    let mut recs = r.records();
    assert_eq!(recs.len(), 1, "{name}: {}", r.stdout);
    recs.remove(0)
}

fn text(v: &Value) -> &str {
    v["text"].as_str().expect("text is a string")
}

fn paragraphs(v: &Value) -> Vec<&str> {
    text(v).split("\n\n").collect()
}

fn tags(v: &Value) -> Vec<(String, String)> {
    v["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["kind"].as_str().unwrap().to_owned(),
                t["value"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn tag(kind: &str, value: &str) -> (String, String) {
    (kind.to_owned(), value.to_owned())
}

/// `published` is that day (a date, or a date-time on that day).
fn assert_day(v: &Value, day: &str) {
    let p = v["published"]
        .as_str()
        .unwrap_or_else(|| panic!("no published date"));
    assert!(p.starts_with(day), "published {p:?}, expected {day}");
}

fn assert_absent(v: &Value, needles: &[&str]) {
    let t = text(v);
    for n in needles {
        assert!(!t.contains(n), "boilerplate {n:?} in the body:\n{t}");
    }
}

/// Every paragraph of every fixture is well formed.
fn assert_clean_text(v: &Value) {
    let t = text(v);
    assert_eq!(t, t.trim(), "leading or trailing whitespace");
    assert!(!t.contains("\n\n\n"));
    for p in t.split("\n\n") {
        assert!(!p.trim().is_empty(), "empty paragraph in {t:?}");
        assert_eq!(p, p.trim(), "paragraph with outer whitespace: {p:?}");
    }
}

macro_rules! snapshot_tests {
    ($($test:ident => $file:literal),* $(,)?) => {$(
        #[test]
        fn $test() {
            let v = golden($file);
            assert_clean_text(&v);
            insta::assert_json_snapshot!(stringify!($test), v);
        }
    )*};
}

snapshot_tests! {
    golden_news_article => "news_article.html",
    golden_blog_post => "blog_post.html",
    golden_republished => "republished.html",
    golden_wire_story => "wire_story.html",
    golden_repost_markdown => "repost.md",
    golden_plain_text => "plain_article.txt",
    golden_latin1_meta_charset => "latin1_meta.html",
    golden_no_charset => "no_charset.html",
}

#[test]
fn news_article_fields() {
    let v = golden("news_article.html");
    assert_eq!(v["title"], "Tidal Turbines Cleared for Marrow Bay Trial");
    assert_eq!(
        v["authors"],
        serde_json::json!(["Orla Fennimore", "Tobias Quell"])
    );
    assert_day(&v, "2024-03-12");
    assert_eq!(v["site_name"], "The Harbour Ledger");
    assert_eq!(v["language"], "en");
    assert_eq!(
        v["url"],
        "https://harbourledger.example/energy/2024/03/12/tidal-turbines-marrow-bay"
    );
    assert_eq!(v["republished_from"], Value::Null);
    let t = tags(&v);
    for want in [
        tag("section", "Energy"),
        tag("keyword", "tidal power"),
        tag("keyword", "Marrow Bay"),
        tag("keyword", "renewables"),
    ] {
        assert!(t.contains(&want), "{want:?} missing from {t:?}");
    }
    let p = paragraphs(&v);
    assert_eq!(p.len(), 6, "{p:#?}");
    assert!(p[0].starts_with("Six tidal turbines will be lowered"));
    assert!(p[5].starts_with("If the trial goes well"));
    assert_absent(
        &v,
        &[
            "cookies",
            "Accept all",
            "Home",
            "Share on",
            "Morning Ledger",
            "newsletter",
            "Subscribe",
            "Related stories",
            "wind farm",
            "Comments",
            "SeaDog77",
            "seals",
            "Copyright",
            "About us",
            "By Orla",
            "12 March 2024",
        ],
    );
}

#[test]
fn declared_date_time_is_kept_when_the_visible_date_agrees() {
    for (file, declared) in [
        ("news_article.html", "2024-03-12T07:30:00Z"),
        ("blog_post.html", "2023-09-18T16:42:10+00:00"),
        ("republished.html", "2024-02-09T10:00:00+00:00"),
        ("wire_story.html", "2023-10-03T14:20:00Z"),
    ] {
        assert_eq!(golden(file)["published"], declared, "{file}");
    }
}

#[test]
fn blog_post_fields() {
    let v = golden("blog_post.html");
    assert_eq!(v["title"], "Why I Stopped Buying Seed Potatoes");
    assert_eq!(v["authors"], serde_json::json!(["Hettie Vantongeren"]));
    assert_day(&v, "2023-09-18");
    assert_eq!(v["site_name"], "The Allotment Notebook");
    assert_eq!(v["language"], "en-US");
    assert_eq!(v["republished_from"], Value::Null);
    let p = paragraphs(&v);
    assert!(p[0].starts_with("For nine years I bought"), "{p:#?}");
    assert!(p.last().unwrap().starts_with("My neighbour on plot 15"));
    assert!(p.contains(&"Keep the best, eat the rest, and never save from a sick row."));
    assert_absent(
        &v,
        &[
            "Skip to the content",
            "Notes from plot 14B",
            "No Comments",
            "September 18, 2023",
            "Hettie has grown",
            "View Archive",
            "Onions that keep",
            "Leave a Reply",
            "Your email address",
            "Powered by WordPress",
            "saving seed",
        ],
    );
}

#[test]
fn blog_post_tags() {
    let v = golden("blog_post.html");
    let t = tags(&v);
    for want in [
        tag("section", "Vegetables"),
        tag("keyword", "potatoes"),
        tag("keyword", "saving seed"),
    ] {
        assert!(t.contains(&want), "{want:?} missing from {t:?}");
    }
}

#[test]
fn republished_fields() {
    let v = golden("republished.html");
    assert_eq!(
        v["title"],
        "Eel ladders return to the Gorsey sluices after forty years"
    );
    assert_eq!(v["authors"], serde_json::json!(["Imogen Strake"]));
    assert_eq!(v["site_name"], "Lowland Courier");
    assert_day(&v, "2024-02-09");
    assert_eq!(v["language"], "en-GB");
    let rep = &v["republished_from"];
    assert_eq!(rep["name"], "The Fen Observer");
    assert_eq!(
        rep["url"],
        "https://fenobserver.example/nature/2024/02/02/eel-ladders-gorsey-sluices"
    );
    assert!(rep["evidence"]
        .as_str()
        .unwrap()
        .contains("originally published on The Fen Observer"));
    let p = paragraphs(&v);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p[0].starts_with("Young eels will be able to climb"));
    assert!(p[3].starts_with("The trust will count the elvers"));
    assert_absent(
        &v,
        &[
            "originally published",
            "Most read",
            "Cattle show",
            "Log in",
            "By Imogen",
            "9 February 2024",
            "Mill Lane",
        ],
    );
}

#[test]
fn wire_story_fields() {
    let v = golden("wire_story.html");
    assert_eq!(
        v["title"],
        "Portville dockworkers end three-day strike after pay deal"
    );
    assert_eq!(v["site_name"], "Valley Gazette");
    assert_day(&v, "2023-10-03");
    assert!(tags(&v).contains(&tag("section", "Business")));
    assert_eq!(v["republished_from"]["name"], "Reuters");
    assert_eq!(v["republished_from"]["url"], Value::Null);
    let p = paragraphs(&v);
    assert!(
        p[0].starts_with("PORTVILLE, Oct 3 (Reuters) - Dockworkers at the port"),
        "{p:#?}"
    );
    assert!(p
        .iter()
        .any(|p| p.starts_with("Port operator Greyquay Terminals")));
    assert_absent(&v, &["Weather", "October 3, 2023", "Wire content"]);
}

#[test]
fn wire_story_credit_line_is_not_body() {
    let v = golden("wire_story.html");
    assert_absent(&v, &["Reporting by", "Editing by"]);
    assert!(paragraphs(&v)
        .last()
        .unwrap()
        .starts_with("Port operator Greyquay Terminals"));
}

#[test]
fn repost_markdown_fields() {
    let v = golden("repost.md");
    assert_eq!(v["source"]["format"], "markdown");
    assert_eq!(
        v["title"],
        "Salt Marsh Villages Vote to Share One Flood Warden: Three Parishes Pool Their Budgets"
    );
    assert_eq!(v["authors"], serde_json::json!(["Wren Alderidge"]));
    assert_eq!(v["site_name"], "Coastline Review");
    assert_eq!(v["published"], "2021-04-22");
    assert_eq!(v["language"], "en");
    let rep = &v["republished_from"];
    assert_eq!(rep["name"], "Estuary Voice");
    assert_eq!(rep["url"], Value::Null, "[X](#) is no URL");
    assert_eq!(rep["published"], "2021-04-19");
    assert!(tags(&v).contains(&tag("region", "Northern Estuaries")));
    let p = paragraphs(&v);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p[0].starts_with("Three salt marsh villages will share"));
    assert!(p[3].starts_with("The post will cost the three parishes"));
    assert_absent(
        &v,
        &[
            "original source",
            "Copyright",
            "Comment on",
            "Become a Member",
            "Articles by",
            "Disclaimer",
            "fair use",
            "copyrighted",
            "media inquiries",
            "Region:",
            "Theme:",
            "19 April 2021",
        ],
    );
}

#[test]
fn repost_markdown_theme_tags_are_split() {
    let v = golden("repost.md");
    let t = tags(&v);
    assert!(t.contains(&tag("theme", "Climate & Environment")), "{t:?}");
    assert!(t.contains(&tag("theme", "Local Government")), "{t:?}");
    assert_eq!(t.len(), 3, "{t:?}");
}

#[test]
fn plain_text_fields() {
    let v = golden("plain_article.txt");
    assert_eq!(v["source"]["format"], "text");
    assert_eq!(v["title"], "Night Buses Return to the Quarry Line");
    assert_eq!(v["authors"], serde_json::json!(["Ferdinand Oyelaran"]));
    assert_eq!(v["site_name"], "The Upland Herald");
    assert_eq!(v["published"], "2022-06-06");
    assert_eq!(v["language"], "en");
    let p = paragraphs(&v);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p[0].starts_with("Night buses will run again on the Quarry Line"));
    assert!(p[3].starts_with("The board expects the service"));
    assert_absent(&v, &["Copyright", "All rights reserved", "By Ferdinand"]);
}

#[test]
fn plain_text_wrapped_paragraphs_are_joined() {
    let v = golden("plain_article.txt");
    for p in paragraphs(&v) {
        assert!(!p.contains('\n'), "paragraph still hard-wrapped: {p:?}");
    }
    assert!(text(&v).contains("said on Monday, two years after the service was cut to save money."));
}

#[test]
fn latin1_meta_charset_fields() {
    let v = golden("latin1_meta.html");
    assert_eq!(v["title"], "Neue Fähre für den Bodmersee");
    assert_eq!(v["authors"], serde_json::json!(["Jörg Übelhör"]));
    assert_eq!(v["site_name"], "Der Seebote");
    assert_eq!(v["published"], "2022-11-04");
    assert_eq!(v["language"], "de");
    let t = text(&v);
    // windows-1252 characters outside Latin-1 proper: €, „ and “.
    assert!(t.contains("rund 2,4 Millionen €."), "{t}");
    assert!(
        t.contains("„Die alte Fähre ist über fünfzig Jahre alt"),
        "{t}"
    );
    assert!(t.contains("Käthe Süßmilch"), "{t}");
    assert!(!t.contains('\u{FFFD}') && !t.contains("Ã"), "mojibake: {t}");
    assert_absent(&v, &["Startseite", "© 2022"]);
}

#[test]
fn latin1_byline_is_not_body() {
    let v = golden("latin1_meta.html");
    assert_absent(&v, &["Von Jörg"]);
    assert!(text(&v).starts_with("Die Gemeinde Großweil hat am Donnerstag"));
}

#[test]
fn no_charset_is_detected() {
    let v = golden("no_charset.html");
    assert_eq!(v["title"], "Le marché de Pontbrévin déménage sur les quais");
    assert_eq!(v["language"], "fr");
    let t = text(&v);
    assert!(
        t.starts_with("Dès le mois prochain, le marché du samedi"),
        "{t}"
    );
    assert!(t.contains("« Les étals étaient trop serrés"), "{t}");
    assert!(t.contains("Hélène Graveleau"), "{t}");
    assert!(!t.contains('\u{FFFD}') && !t.contains("Ã"), "mojibake: {t}");
    assert_eq!(paragraphs(&v).len(), 4);
}

#[test]
fn fixtures_directory_in_one_run() {
    // The whole fixtures directory at once gives the same records as one file at a time,
    // in sorted order.
    let dir = fixtures();
    let r = run_ok(&dir, &["--jobs", "2", "."]);
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap())
        // Sub-directories (syndicate/) hold other commands' fixtures.
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let expected: Vec<String> = names.iter().map(|n| format!("./{n}")).collect();
    assert_eq!(r.paths(), expected);
    for (rec, name) in r.records().iter().zip(&names) {
        let mut rec = rec.clone();
        rec["source"]["path"] = name.as_str().into();
        assert_eq!(rec, golden(name), "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// Smaller pages: republication notices and wire bylines

const EEL_BODY: &str = "<p>Young eels will be able to climb past the Gorsey sluices for the first \
    time in four decades after volunteers fitted two brush-lined ladders to the old gates.</p>\
    <p>The trust will count the elvers in a trap at the top of each ladder twice a week until \
    June and publish the numbers on its website.</p>";

/// An article page whose body ends with `tail`, extracted from a temporary file.
fn with_tail(tail: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><title>Eel ladders return</title></head><body>\
         <article><h1>Eel ladders return</h1>{EEL_BODY}<p>{tail}</p></article></body></html>"
    );
    write(dir.path(), "page.html", html);
    let mut recs = run_ok(dir.path(), &["page.html"]).records();
    assert_eq!(recs.len(), 1);
    recs.remove(0)
}

const FEN_URL: &str = "https://fenobserver.example/nature/eel-ladders";

#[test]
fn republication_notice_variants() {
    let cases = [
        (
            format!("<em>This article was first published by <a href=\"{FEN_URL}\">The Fen Observer</a> on 2 February 2024.</em>"),
            "The Fen Observer",
            Some("2024-02-02"),
        ),
        (
            format!("This article was originally published on <a href=\"{FEN_URL}\">The Fen Observer</a>."),
            "The Fen Observer",
            None,
        ),
        (
            format!("The original source of this article is <a href=\"{FEN_URL}\">The Fen Observer</a>"),
            "The Fen Observer",
            None,
        ),
    ];
    for (tail, name, published) in cases {
        let v = with_tail(&tail);
        let rep = &v["republished_from"];
        assert_eq!(rep["name"], name, "{tail}");
        assert_eq!(rep["url"], FEN_URL, "{tail}");
        assert_eq!(rep["published"].as_str(), published, "{tail}");
        let p = paragraphs(&v);
        assert_eq!(p.len(), 2, "{tail}: {p:#?}");
        assert!(p[1].ends_with("publish the numbers on its website."));
    }
}

#[test]
fn republication_notice_name_stops_at_the_outlet() {
    for tail in [
        format!("This article is republished from <a href=\"{FEN_URL}\">The Fen Observer</a> under a Creative Commons license. Read the <a href=\"{FEN_URL}\">original article</a>."),
        format!("This story originally appeared in <a href=\"{FEN_URL}\">The Fen Observer</a> and is republished here with permission."),
    ] {
        let v = with_tail(&tail);
        assert_eq!(v["republished_from"]["name"], "The Fen Observer", "{tail}");
        assert_eq!(v["republished_from"]["url"], FEN_URL, "{tail}");
        assert_absent(&v, &["Creative Commons", "republished here"]);
    }
}

#[test]
fn wire_agency_is_not_part_of_an_author_name() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ap.html",
        "<html><head><title>Storm closes mountain pass</title></head><body><article>\
         <h1>Storm closes mountain pass</h1>\
         <div class=\"byline\">By GRETA MOLLING and ABEL OSTRANDER Associated Press</div>\
         <p>KESTREL FALLS, Mont. (AP) — A late-season storm closed the only pass over the Kestrel \
         range on Sunday, stranding dozens of drivers overnight in a highway rest area.</p>\
         <p>Road crews expected to reopen the pass by Monday afternoon once plows had cleared \
         the drifts near the summit, the state transport office said.</p></article></body></html>",
    );
    let v = run_ok(dir.path(), &["ap.html"]).records().remove(0);
    assert_eq!(v["republished_from"]["name"], "Associated Press");
    let authors: Vec<String> = v["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_lowercase())
        .collect();
    assert!(authors.contains(&"greta molling".to_owned()), "{authors:?}");
    assert!(
        authors.contains(&"abel ostrander".to_owned()),
        "{authors:?}"
    );
    assert!(
        authors
            .iter()
            .all(|a| a == "associated press" || !a.contains("associated press")),
        "{authors:?}"
    );
}

// ---- syndicate ----

/// `stemma syndicate ARGS…` run in `dir`.
fn syndicate_cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stemma"));
    c.current_dir(dir)
        .env_remove("STEMMA_LOG")
        .arg("syndicate")
        .args(args);
    c
}

fn syndicate(dir: &Path, args: &[&str]) -> Run {
    run_input(&mut syndicate_cmd(dir, args), None)
}

fn syndicate_fixture(name: &str) -> String {
    fixtures()
        .join("syndicate")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

const PIER: &str = "https://tidewaterpost.example/news/ferry-pier-closure";
const PIER_COPY: &str = "https://gullcourier.example/2031/04/09/pier";
const PIER_EXCERPT: &str = "https://herondaily.example/islands/pier-closure";
const CYCLE_LANE: &str = "https://tidewaterpost.example/news/seafront-cycle-lane";
const PIER_PIECE: &str = "saved/kite-weekly-pier.html";

fn members(cluster: &Value) -> Vec<&str> {
    cluster["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect()
}

fn edge<'a>(cluster: &'a Value, copy: &str) -> &'a Value {
    cluster["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["copy"] == copy)
        .unwrap_or_else(|| panic!("no edge for {copy} in {cluster}"))
}

fn flags(edge: &Value) -> Vec<&str> {
    edge["flags"]
        .as_array()
        .map(|f| f.iter().map(|x| x.as_str().unwrap()).collect())
        .unwrap_or_default()
}

#[test]
fn syndicate_groups_copies_and_names_the_origin() {
    let dir = tempfile::tempdir().unwrap();
    let r = syndicate(
        dir.path(),
        &[
            &syndicate_fixture("batch1.jsonl"),
            &syndicate_fixture("batch2.jsonl"),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let clusters = r.records();
    // The pier story, the cycle-lane story, and the piece that quotes the pier story inside
    // its own text (a story of its own, and an embedding member of the pier story).
    assert_eq!(clusters.len(), 3, "{}", r.stdout);
    assert_eq!(members(&clusters[2]), vec![PIER_PIECE]);
    let pier = &clusters[0];
    assert_eq!(pier["embedding"], serde_json::json!([PIER_PIECE]));
    assert_eq!(
        members(pier),
        vec![PIER, PIER_COPY, PIER_EXCERPT, PIER_PIECE],
        "a record without a URL is named by its source path"
    );
    assert_eq!(pier["origin"], PIER);
    assert_eq!(pier["origin_certain"], true);
    let copy = edge(pier, PIER_COPY);
    assert_eq!(copy["source"], PIER);
    assert_eq!(copy["evidence"]["notice_names_source"], true);
    assert!(copy["evidence"]["lag_days"].as_f64().unwrap() > 0.0);
    assert!(flags(copy).is_empty(), "{copy}");
    let excerpt = edge(pier, PIER_EXCERPT);
    let f = flags(excerpt);
    assert!(f.contains(&"excerpt") && f.contains(&"no_notice"), "{f:?}");
    assert!(f.contains(&"byline_changed"), "{f:?}");
    assert_eq!(excerpt["evidence"]["shared"], 1.0);
    let piece = edge(pier, PIER_PIECE);
    assert!(flags(piece).contains(&"embedded"), "{piece}");
    // Another story of the same site, sharing only its footer, stays on its own.
    assert_eq!(members(&clusters[1]), vec![CYCLE_LANE]);
    assert!(clusters[1]["edges"].as_array().unwrap().is_empty());
}

#[test]
fn syndicate_index_is_incremental_and_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let b1 = syndicate_fixture("batch1.jsonl");
    let b2 = syndicate_fixture("batch2.jsonl");
    let first = syndicate(dir.path(), &["--index", "ix", &b1]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(first.records().len(), 2);
    assert!(dir.path().join("ix/index.json").exists());
    assert!(!dir.path().join("ix/index.json.tmp").exists());
    // The second batch touches only the pier story (and the piece quoting it).
    let second = syndicate(dir.path(), &["--index", "ix", &b2]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let touched = second.records();
    assert_eq!(touched.len(), 2, "{}", second.stdout);
    assert_eq!(members(&touched[0]).len(), 4);
    assert_eq!(touched[0]["origin"], PIER);
    // Adding the same records again adds nothing and prints nothing.
    let again = syndicate(dir.path(), &["--index", "ix", &b1, &b2]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.is_empty(), "{}", again.stdout);
    // --all prints every cluster; the same as one run over both files.
    let all = syndicate(dir.path(), &["--index", "ix", "--all", &b1]);
    let once = syndicate(dir.path(), &[&b1, &b2]);
    assert_eq!(all.stdout, once.stdout);
}

#[test]
fn syndicate_reports_bad_lines_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = fs::read_to_string(syndicate_fixture("batch1.jsonl")).unwrap();
    let mut lines: Vec<&str> = good.lines().collect();
    lines.insert(1, "{not json");
    lines.insert(3, "{\"title\": \"a record without its fields\"}");
    lines.push("");
    write(dir.path(), "in/mixed.jsonl", lines.join("\n"));
    write(
        dir.path(),
        "in/notes.txt",
        "not read: a directory yields only JSON files",
    );
    let r = syndicate(dir.path(), &["in", "missing.jsonl"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.records().len(), 2, "{}", r.stdout);
    let errors = r.error_lines();
    assert!(
        errors
            .iter()
            .any(|l| l.contains("in/mixed.jsonl:2:") && l.contains("not an article record")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|l| l.contains("in/mixed.jsonl:4:")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|l| l.contains("missing.jsonl")),
        "{errors:?}"
    );
}

#[test]
fn syndicate_usage_stdin_json_and_broken_pipe() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(syndicate(dir.path(), &[]).code, 2);
    assert_eq!(
        syndicate(dir.path(), &["--format", "xml", "x.jsonl"]).code,
        2
    );
    let records = fs::read(syndicate_fixture("batch1.jsonl")).unwrap();
    let r = run_input(
        &mut syndicate_cmd(dir.path(), &["--format", "json", "-"]),
        Some(records),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);

    // Many clusters, reader gone after the first line.
    let one = fs::read_to_string(syndicate_fixture("batch1.jsonl")).unwrap();
    let rec: Value = serde_json::from_str(one.lines().next().unwrap()).unwrap();
    let mut many = String::new();
    for i in 0..20_000 {
        let mut r = rec.clone();
        r["url"] = Value::String(format!("https://many.example/{i}"));
        r["text"] = Value::String(format!("Short note number {i} from the harbour."));
        many.push_str(&r.to_string());
        many.push('\n');
    }
    write(dir.path(), "many.jsonl", many);
    let mut cmd = syndicate_cmd(dir.path(), &["many.jsonl"]);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
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
        assert!(line.contains("many.example/0"), "{line}");
    }
    let status = wait_limited(&mut child, TIME_LIMIT);
    let stderr = err_reader.join().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn syndicate_quotes_spread_across_stories() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(syndicate_fixture("batch1.jsonl")).unwrap();
    let mut recs: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let said = "every patch has bought us less time than the one before";
    let quote = |speaker: &str| {
        serde_json::json!({
            "text": said, "kind": "direct", "start": 0, "end": 10, "cue": null,
            "speech_act": "statement",
            "speaker": {"name": speaker, "mention": null, "role": null},
            "confidence": 0.9
        })
    };
    // The pier story and its copy quote the chair; the unrelated cycle-lane story repeats
    // the words in its headline, credited to someone else.
    recs[0]["quotes"] = serde_json::json!([quote("Ottilie Brandvold")]);
    recs[2]["quotes"] = serde_json::json!([quote("Ottilie Brandvold")]);
    recs[1]["quotes"] = serde_json::json!([quote("Henrike Vasquez-Lund")]);
    recs[1]["title"] = "Every patch has bought us less time than the one before".into();
    let lines: Vec<String> = recs.iter().map(Value::to_string).collect();
    write(dir.path(), "q.jsonl", lines.join("\n"));
    let r = syndicate(dir.path(), &["--quotes", "q.jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let spreads = r.records();
    assert_eq!(spreads.len(), 1, "{}", r.stdout);
    let s = &spreads[0];
    assert_eq!(s["quote"], said);
    assert_eq!(s["stories"], 2, "copies of one story count once");
    assert_eq!(s["first"], PIER);
    let uses = s["uses"].as_array().unwrap();
    let lane = uses.iter().find(|u| u["record"] == CYCLE_LANE).unwrap();
    assert_eq!(lane["headline"], "fact");
    assert_eq!(lane["same_speaker"], false);
}

/// One speech, one thought and one finding, in invented news.
const THREE_MODES: &str = "“The dam is safe,” said engineer Lotte Brandvik.\n\n\
    Harald Quist believes that the levy will fail in the spring.\n\n\
    A poll released Monday shows that most voters oppose the levy.\n";

fn modes_of(recs: &[Value], field: &str) -> Vec<String> {
    recs[0][field]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["mode"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn attribute_prints_every_mode_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let all = attribute(dir.path(), &["-"], Some(THREE_MODES.into()));
    assert_eq!(all.code, 0, "{}", all.stderr);
    assert_eq!(
        modes_of(&all.records(), "attributions"),
        ["speech", "thought", "evidence"]
    );
    let speech = attribute(
        dir.path(),
        &["--modes", "speech", "-"],
        Some(THREE_MODES.into()),
    );
    assert_eq!(modes_of(&speech.records(), "attributions"), ["speech"]);
    let bad = attribute(
        dir.path(),
        &["--modes", "gossip", "-"],
        Some(THREE_MODES.into()),
    );
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn extract_quotes_are_speech_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "modes.txt", THREE_MODES);
    let r = run_ok(dir.path(), &["modes.txt"]);
    assert_eq!(modes_of(&r.records(), "quotes"), ["speech"]);
    let r = run_ok(dir.path(), &["--modes", "speech,evidence", "modes.txt"]);
    assert_eq!(modes_of(&r.records(), "quotes"), ["speech", "evidence"]);
}
