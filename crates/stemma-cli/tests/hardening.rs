//! Regression tests for what a hostile trial of the commands found (issue 10): a closed
//! stderr, progress and colour without a terminal, `--resume` of another run, usage errors,
//! and the record fields a crawl needs (crawl date, charset, quote pieces). Every process runs
//! under a time limit: a hang is a failure, not a stuck suite.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

#[path = "common/run.rs"]
mod runner;
use runner::Run;

const TIME_LIMIT: Duration = Duration::from_secs(60);

fn stemma(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stemma"));
    c.current_dir(dir)
        .env_remove("STEMMA_LOG")
        .env_remove("NO_COLOR")
        .args(args);
    c
}

fn wait_limited(child: &mut Child) -> ExitStatus {
    runner::wait_limited(child, TIME_LIMIT)
}

fn run_with(mut cmd: Command, stdin: Option<&[u8]>) -> Run {
    runner::run_input(&mut cmd, stdin.map(<[u8]>::to_vec), TIME_LIMIT)
}

fn run(dir: &Path, args: &[&str]) -> Run {
    run_with(stemma(dir, args), None)
}

fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l:?}")))
        .collect()
}

fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

fn text_doc(n: usize) -> String {
    format!(
        "Bulletin {n:03}\n\nThe lock keepers met for meeting number {n} this season and agreed \
         to keep the canal gates open until the first frost arrives.\n"
    )
}

fn write_docs(d: &Path, dir: &str, n: usize) {
    for i in 0..n {
        write(d, &format!("{dir}/doc-{i:03}.txt"), text_doc(i));
    }
}

// ---------------------------------------------------------------------------------------------
// 13. A closed stderr

/// Run `args` with stdout discarded and stderr read for one line, then closed (as
/// `stemma … 2>&1 >/dev/null | head -1` does); the exit status.
fn with_stderr_closed_after_one_line(dir: &Path, args: &[String]) -> ExitStatus {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stemma"))
        .current_dir(dir)
        .env_remove("STEMMA_LOG")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting stemma");
    {
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        err.read_line(&mut line).unwrap();
        assert!(line.starts_with("stemma: "), "{line:?}");
    } // the pipe's read end is closed here
    wait_limited(&mut child)
}

#[test]
fn closed_stderr_is_as_quiet_as_closed_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Far more error lines than a pipe holds, so stemma writes after the reader has gone.
    let missing: Vec<String> = (0..4000)
        .map(|i| format!("missing-file-{i:05}.txt"))
        .collect();
    for command in ["extract", "attribute"] {
        let mut args = vec![command.to_owned()];
        args.extend(missing.iter().cloned());
        let status = with_stderr_closed_after_one_line(d, &args);
        assert_eq!(
            status.code(),
            Some(1),
            "stemma {command} with a closed stderr: {status} (101 is a panic)"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 14. Progress and colour without a terminal

#[test]
fn progress_always_draws_plain_lines_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_docs(d, "docs", 40);
    let r = run(d, &["extract", "--progress", "always", "docs"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(records(&r.stdout).len(), 40);
    let lines: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains("documents"))
        .collect();
    assert!(
        !lines.is_empty(),
        "no progress line on stderr: {:?}",
        r.stderr
    );
    assert!(!r.stderr.contains('\x1b'), "escape codes: {:?}", r.stderr);
    assert!(!r.stderr.contains('\r'), "carriage returns: {:?}", r.stderr);
    // auto and never stay silent off a terminal.
    for when in ["auto", "never"] {
        let r = run(d, &["extract", "--progress", when, "docs"]);
        assert!(r.stderr.is_empty(), "--progress {when}: {:?}", r.stderr);
    }
}

/// A WARC record (WARC/1.0 framing) with the given extra header lines.
fn warc_record(extra: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n{extra}\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_response(extra: &str, uri: &str, head: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\n{head}\r\n\r\n").into_bytes();
    block.extend_from_slice(body);
    warc_record(extra, uri, "application/http; msgtype=response", &block)
}

const PAGE: &str = "<!doctype html><html lang=\"en\"><head><title>Canal gates stay open</title>\
    </head><body><article><h1>Canal gates stay open</h1><p>The lock keepers of the northern \
    canal agreed on Tuesday to keep the gates open until the first frost, after a season of \
    low water and late barges.</p></article></body></html>";

#[test]
fn warnings_in_a_file_carry_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A record the crawler truncated: stemma reads it and logs a warning.
    let warc = http_response(
        "WARC-Truncated: length\r\n",
        "https://canal-news.test/gates",
        "Content-Type: text/html",
        PAGE.as_bytes(),
    );
    write(d, "crawl.warc", warc);
    let r = run(d, &["extract", "crawl.warc"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("truncated"), "no warning: {:?}", r.stderr);
    assert!(!r.stderr.contains('\x1b'), "colour codes: {:?}", r.stderr);
}

// ---------------------------------------------------------------------------------------------
// 15. --resume belongs to one run

/// Start `stemma extract --jobs 1 --output OUT ARGS… wait.txt`, where `wait.txt` is a FIFO
/// named as the last input so that the run stops there (a directory walk skips FIFOs, so it
/// is named on its own); kill it once its checkpoint says the first batch (32 documents) is
/// done, then put an ordinary document where the FIFO was.
fn interrupt_after_first_batch(d: &Path, out: &str, args: &[&str]) {
    let fifo = d.join("wait.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let mut full = vec!["extract", "--jobs", "1", "--output", out];
    full.extend_from_slice(args);
    full.push("wait.txt");
    let mut child = stemma(d, &full)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting stemma");
    let progress = d.join(format!("{out}.progress"));
    let start = Instant::now();
    loop {
        let text = fs::read_to_string(&progress).unwrap_or_default();
        if text.starts_with("32 ") {
            break;
        }
        assert!(
            start.elapsed() < TIME_LIMIT,
            "no checkpoint after the first batch: {text:?}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    fs::remove_file(&fifo).unwrap();
    write(d, "wait.txt", text_doc(999));
}

#[test]
fn resume_refuses_a_checkpoint_of_other_inputs_or_options() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_docs(d, "docs", 40);
    write_docs(d, "other", 3);
    interrupt_after_first_batch(d, "out.jsonl", &["docs"]);
    let kept = fs::read(d.join("out.jsonl")).unwrap();
    for (args, what) in [
        (vec!["other"], "another PATH list"),
        (vec!["docs", "other"], "a longer PATH list"),
        (vec!["--format", "json", "docs"], "another format"),
        (vec!["--no-attribution", "docs"], "other options"),
    ] {
        let mut full = vec!["extract", "--resume", "--output", "out.jsonl"];
        full.extend_from_slice(&args);
        let r = run(d, &full);
        assert_eq!(r.code, 2, "{what}: {}", r.stderr);
        assert!(
            r.stderr.contains("other inputs or options") && r.stderr.contains("without --resume"),
            "{what}: {}",
            r.stderr
        );
        assert_eq!(fs::read(d.join("out.jsonl")).unwrap(), kept, "{what}");
    }
    // The same command resumes and gives every document once.
    let r = run(
        d,
        &[
            "extract",
            "--resume",
            "--output",
            "out.jsonl",
            "docs",
            "wait.txt",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let expected = run(d, &["extract", "docs", "wait.txt"]).stdout;
    assert_eq!(fs::read_to_string(d.join("out.jsonl")).unwrap(), expected);
}

#[test]
fn json_output_resumes_after_interruption() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_docs(d, "docs", 40);
    interrupt_after_first_batch(d, "out.json", &["--format", "json", "docs"]);
    let r = run(
        d,
        &[
            "extract", "--format", "json", "--resume", "--output", "out.json", "docs", "wait.txt",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("resuming after 32 documents"),
        "{}",
        r.stderr
    );
    let expected = run(d, &["extract", "--format", "json", "docs", "wait.txt"]).stdout;
    let got = fs::read_to_string(d.join("out.json")).unwrap();
    assert_eq!(got, expected);
    let v: Value = serde_json::from_str(&got).expect("one JSON array");
    assert_eq!(v.as_array().map(Vec::len), Some(41));
}

// ---------------------------------------------------------------------------------------------
// 16. Usage errors

#[test]
fn usage_errors_exit_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_docs(d, "docs", 1);
    write(d, "records.jsonl", "{\"text\":\"x\"}\n");
    let cases: [(&[&str], &str); 2] = [
        (&["extract", "--max-mib", "0", "docs"], "--max-mib"),
        (&["syndicate", "--all", "records.jsonl"], "--index"),
    ];
    for (args, names) in cases {
        let r = run(d, args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
        assert!(
            r.stderr.contains(names) && !r.stderr.contains("panicked"),
            "{args:?}: {}",
            r.stderr
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 12 and 8 through the command: a "# Title" text, a UTF-8 file with one bad byte

#[test]
fn text_headline_and_one_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "# Canal Gates Stay Open\n\nThe lock keepers agreed on Tuesday to keep the gates open until the first frost.\n";
    let r = run_with(stemma(d, &["extract", "-"]), Some(text.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(records(&r.stdout)[0]["title"], "Canal Gates Stay Open");
    write(d, "notes.txt", text);
    let r = run(d, &["extract", "notes.txt"]);
    assert_eq!(records(&r.stdout)[0]["title"], "Canal Gates Stay Open");

    let mut md = "# Café notes\n\nWe met at the café in Zürich, then in São Paulo, for a crème brûlée and a long talk about the canal.\n\n".as_bytes().to_vec();
    md.extend_from_slice(b"One stray \xe9 byte.\n");
    write(d, "notes.md", md);
    let r = run(d, &["extract", "notes.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rec = &records(&r.stdout)[0];
    assert_eq!(rec["title"], "Café notes");
    let body = rec["text"].as_str().unwrap();
    assert!(
        body.contains("Zürich") && body.contains("crème brûlée"),
        "{body}"
    );
    assert_eq!(rec["charset"], "UTF-8");
}

// ---------------------------------------------------------------------------------------------
// 17. Crawl date, charset, and a binary record named by number and URL

#[test]
fn warc_records_carry_crawl_date_and_charset_and_a_binary_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut warc = http_response(
        "WARC-Date: 2024-05-01T10:00:00Z\r\n",
        "https://canal-news.test/gates",
        "Content-Type: text/html; charset=windows-1252",
        PAGE.as_bytes(),
    );
    let mut binary = vec![0u8; 400];
    binary.extend((0..=255u8).cycle().take(3000));
    warc.extend(http_response(
        "WARC-Date: 2024-05-01T10:00:01Z\r\n",
        "https://canal-news.test/lock.jpg",
        "Content-Type: text/html",
        &binary,
    ));
    write(d, "crawl.warc", warc);
    let r = run(d, &["extract", "crawl.warc"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let recs = records(&r.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["source"]["warc_date"], "2024-05-01T10:00:00Z");
    assert_eq!(recs[0]["charset"], "windows-1252");
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains("binary"))
        .unwrap_or_else(|| panic!("no error line for the binary record: {}", r.stderr));
    assert!(line.contains("crawl.warc"), "{line}");
    assert!(line.contains("WARC record 2"), "{line}");
    assert!(line.contains("https://canal-news.test/lock.jpg"), "{line}");
}

// ---------------------------------------------------------------------------------------------
// 10. Quote pieces cite the text

#[test]
fn every_quote_cites_its_pieces() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "Canal Gates Stay Open\n\nThe lock keepers met on Tuesday. “We will keep the gates open,” said Ilse Varga, the head keeper, “until the first frost.”\n\nShe said the barges were late. “It was a dry summer,” Varga added.\n";
    let r = run_with(stemma(d, &["extract", "-"]), Some(text.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rec = &records(&r.stdout)[0];
    let body: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
    let quotes = rec["quotes"].as_array().unwrap();
    assert!(quotes
        .iter()
        .any(|q| q["pieces"].as_array().unwrap().len() == 2));
    for q in quotes {
        let pieces: Vec<(usize, usize)> = q["pieces"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p[0].as_u64().unwrap() as usize,
                    p[1].as_u64().unwrap() as usize,
                )
            })
            .collect();
        assert_eq!(q["start"].as_u64().unwrap() as usize, pieces[0].0, "{q}");
        assert_eq!(
            q["end"].as_u64().unwrap() as usize,
            pieces[pieces.len() - 1].1,
            "{q}"
        );
        let words: Vec<String> = pieces
            .iter()
            .map(|&(a, b)| body[a..b].iter().collect())
            .collect();
        assert_eq!(q["text"].as_str().unwrap(), words.join(" … "), "{q}");
    }
}

// ---------------------------------------------------------------------------------------------
// 18. The toolchain the code needs, and tools a contributor can install

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_crate_declares_the_rust_version_it_needs() {
    let root = fs::read_to_string(workspace().join("Cargo.toml")).unwrap();
    let version = root
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .expect("workspace rust-version")
        .trim_matches('"');
    let parts: Vec<u32> = version.split('.').map(|p| p.parse().unwrap()).collect();
    // `is_multiple_of` (1.87) and `str::floor_char_boundary` (1.91) are used.
    assert!(parts[0] == 1 && parts[1] >= 91, "rust-version {version}");
    for entry in fs::read_dir(workspace().join("crates")).unwrap() {
        let manifest = entry.unwrap().path().join("Cargo.toml");
        let text = fs::read_to_string(&manifest).unwrap();
        assert!(
            text.contains("\nrust-version.workspace = true\n"),
            "{} does not inherit rust-version",
            manifest.display()
        );
    }
}

#[test]
fn contributing_names_no_tool_outside_the_project() {
    let text = fs::read_to_string(workspace().join("CONTRIBUTING.md")).unwrap();
    assert!(
        !text.contains("`duplicates"),
        "CONTRIBUTING names `duplicates`"
    );
}
