//! End-to-end tests of stemma-input: files, directories, gzip, WARC and stdin, with fixtures
//! written into temporary directories.

use std::ffi::OsString;
use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use stemma_input::{
    expand, read, read_from, read_warc_bytes, Document, FileKind, Format, InputError, InputItem,
    ReadLimits,
};

// ---------------------------------------------------------------------------------------------
// Fixture builders

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn warc_record(warc_type: &str, uri: &str, id: u32, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\n\
         WARC-Type: {warc_type}\r\n\
         WARC-Date: 2024-05-01T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{id:012}>\r\n\
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

fn http_response(uri: &str, id: u32, head: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("{head}\r\n\r\n").into_bytes();
    block.extend_from_slice(body);
    warc_record(
        "response",
        uri,
        id,
        "application/http; msgtype=response",
        &block,
    )
}

fn chunked(body: &[u8], size: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for piece in body.chunks(size) {
        out.extend(format!("{:x}\r\n", piece.len()).bytes());
        out.extend_from_slice(piece);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// The records of a small crawl: two pages, a chunked + gzip page, and records to skip.
fn crawl_records() -> Vec<Vec<u8>> {
    let page3 =
        b"<!DOCTYPE html><html><body><p>Third story, chunked and gzipped.</p></body></html>";
    vec![
        warc_record(
            "warcinfo",
            "",
            1,
            "application/warc-fields",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "https://example-daily.test/news/1",
            2,
            "application/http; msgtype=request",
            b"GET /news/1 HTTP/1.1\r\nHost: example-daily.test\r\n\r\n",
        ),
        http_response(
            "https://example-daily.test/news/1",
            3,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252",
            b"<html><p>First story.</p></html>",
        ),
        http_response(
            "https://example-daily.test/style.css",
            4,
            "HTTP/1.1 200 OK\r\nContent-Type: text/css",
            b"p { color: red }",
        ),
        http_response(
            "https://example-daily.test/news/2",
            5,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html",
            b"<html><p>Second story.</p></html>",
        ),
        http_response(
            "https://example-daily.test/news/3",
            6,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\
             Content-Encoding: gzip\r\nTransfer-Encoding: chunked",
            &chunked(&gz(page3), 17),
        ),
        warc_record(
            "metadata",
            "https://example-daily.test/news/3",
            7,
            "application/warc-fields",
            b"outlinks: https://example-daily.test/news/4\r\n",
        ),
    ]
}

fn ok_docs(items: Vec<Result<Document, InputError>>) -> Vec<Document> {
    items
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("unexpected error: {e}")))
        .collect()
}

fn os(paths: &[&Path]) -> Vec<OsString> {
    paths.iter().map(|p| p.as_os_str().to_owned()).collect()
}

fn files(items: &[Result<InputItem, InputError>]) -> Vec<(PathBuf, FileKind)> {
    items
        .iter()
        .filter_map(|r| match r {
            Ok(InputItem::File { path, kind }) => Some((path.clone(), *kind)),
            _ => None,
        })
        .collect()
}

const HTML: FileKind = FileKind::new(Format::Html, false);

// ---------------------------------------------------------------------------------------------
// expand

#[test]
fn directory_is_walked_in_path_order() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    for (name, body) in [
        ("b.html", &b"<p>b</p>"[..]),
        ("a/nested.md", b"# nested"),
        ("a/deeper/x.txt.gz", b"not really gzip"),
        ("a-c.HTM", b"<p>a-c</p>"),
        ("crawl.warc.gz", b""),
        ("img.png", b"\x89PNG"),
        ("README", b"no extension"),
        (".hidden.html", b"<p>hidden</p>"),
        (".git/inside.html", b"<p>hidden dir</p>"),
        ("z/empty/.keep", b""),
    ] {
        let path = root.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, body).unwrap();
    }
    let items = expand(&os(&[&root]));
    assert!(items.iter().all(Result::is_ok), "{items:?}");
    let found = files(&items);
    let expected = [
        ("a/deeper/x.txt.gz", FileKind::new(Format::Text, true)),
        ("a/nested.md", FileKind::new(Format::Markdown, false)),
        ("a-c.HTM", HTML),
        ("b.html", HTML),
        ("crawl.warc.gz", FileKind::new(Format::Warc, true)),
    ]
    .map(|(p, k)| (root.join(p), k));
    assert_eq!(found, expected);
}

#[test]
fn arguments_keep_their_order_and_a_missing_path_is_an_error_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("page.html");
    fs::write(&page, "<p>x</p>").unwrap();
    let dir = tmp.path().join("dir");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("one.txt"), "one").unwrap();
    let missing = tmp.path().join("missing.html");

    let args = vec![
        dir.clone().into_os_string(),
        OsString::from("-"),
        missing.clone().into_os_string(),
        page.clone().into_os_string(),
    ];
    let items = expand(&args);
    assert_eq!(items.len(), 4);
    assert_eq!(
        items[0].as_ref().unwrap(),
        &InputItem::File {
            path: dir.join("one.txt"),
            kind: FileKind::new(Format::Text, false)
        }
    );
    assert_eq!(items[1].as_ref().unwrap(), &InputItem::Stdin);
    match &items[2] {
        Err(e @ InputError::NotFound { path }) => {
            assert_eq!(path, &missing);
            assert!(e.to_string().contains("missing.html"), "{e}");
            assert_eq!(e.path(), missing.as_path());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        items[3].as_ref().unwrap(),
        &InputItem::File {
            path: page,
            kind: HTML
        }
    );
    assert!(expand(&[]).is_empty());
}

#[test]
fn explicitly_named_files_with_other_names_are_sniffed() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, FileKind)> = vec![
        ("page.dat", b"\n <!DOCTYPE html><p>x".to_vec(), HTML),
        (
            "crawl.bin",
            b"WARC/1.1\r\n".to_vec(),
            FileKind::new(Format::Warc, false),
        ),
        (
            "notes",
            b"just words".to_vec(),
            FileKind::new(Format::Text, false),
        ),
        ("empty", Vec::new(), FileKind::new(Format::Text, false)),
        (
            "page.gz",
            gz(b"<html><p>gz</p></html>"),
            FileKind::new(Format::Html, true),
        ),
        (
            "crawl.gz",
            gz(b"WARC/1.0\r\n"),
            FileKind::new(Format::Warc, true),
        ),
    ];
    for (name, body, kind) in cases {
        let path = tmp.path().join(name);
        fs::write(&path, body).unwrap();
        let items = expand(&[path.clone().into_os_string()]);
        assert_eq!(
            items.into_iter().map(Result::unwrap).collect::<Vec<_>>(),
            vec![InputItem::File { path, kind }],
            "{name}"
        );
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_links_are_followed_once() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    fs::create_dir_all(root.join("a/b")).unwrap();
    fs::write(root.join("a/b/page.html"), "<p>x</p>").unwrap();
    symlink("..", root.join("a/b/up")).unwrap(); // loop back to a/
    symlink(&root, root.join("a/b/root")).unwrap(); // loop to the root
    symlink("nowhere.html", root.join("broken.html")).unwrap();
    symlink("a/b/page.html", root.join("link.html")).unwrap();
    let items = expand(&os(&[&root]));
    assert!(items.iter().all(Result::is_ok), "{items:?}");
    assert_eq!(
        files(&items)
            .into_iter()
            .map(|(p, _)| p)
            .collect::<Vec<_>>(),
        vec![root.join("a/b/page.html"), root.join("link.html")]
    );
}

// ---------------------------------------------------------------------------------------------
// read: plain files

fn read_path(path: &Path, limits: &ReadLimits) -> Vec<Result<Document, InputError>> {
    let items = expand(&[path.as_os_str().to_owned()]);
    assert_eq!(items.len(), 1);
    let item = items.into_iter().next().unwrap().unwrap();
    read(&item, limits).collect()
}

#[test]
fn plain_files_give_one_document() {
    let tmp = tempfile::tempdir().unwrap();
    let md = tmp.path().join("story.md");
    fs::write(&md, "# Title\n\nBody.").unwrap();
    let docs = ok_docs(read_path(&md, &ReadLimits::default()));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].source.path, md.to_string_lossy());
    assert_eq!(docs[0].source.format, Format::Markdown);
    assert_eq!(docs[0].content_format, Format::Markdown);
    assert_eq!(docs[0].bytes, b"# Title\n\nBody.");
    assert_eq!(docs[0].source.url, None);

    let html_gz = tmp.path().join("story.html.gz");
    let mut members = gz(b"<p>first member, ");
    members.extend(gz(b"second member</p>"));
    fs::write(&html_gz, members).unwrap();
    let docs = ok_docs(read_path(&html_gz, &ReadLimits::default()));
    assert_eq!(docs[0].bytes, b"<p>first member, second member</p>");
    assert_eq!(docs[0].source.format, Format::Html);
}

#[test]
fn empty_file_gives_an_empty_document() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty.html");
    fs::write(&empty, "").unwrap();
    let docs = ok_docs(read_path(&empty, &ReadLimits::default()));
    assert_eq!(docs.len(), 1);
    assert!(docs[0].bytes.is_empty());
    // An empty WARC has no records.
    let warc = tmp.path().join("empty.warc");
    fs::write(&warc, "").unwrap();
    assert!(read_path(&warc, &ReadLimits::default()).is_empty());
    // An empty .gz is not gzip.
    let empty_gz = tmp.path().join("empty.html.gz");
    fs::write(&empty_gz, "").unwrap();
    let items = read_path(&empty_gz, &ReadLimits::default());
    assert!(
        matches!(&items[..], [Err(InputError::Gzip { .. })]),
        "{items:?}"
    );
}

#[test]
fn truncated_html_gz_is_a_gzip_error() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("cut.html.gz");
    let full = gz(&b"<p>A story that will be cut off in transit.</p>".repeat(40));
    fs::write(&path, &full[..full.len() / 2]).unwrap();
    let items = read_path(&path, &ReadLimits::default());
    assert_eq!(items.len(), 1);
    match &items[0] {
        Err(e @ InputError::Gzip { reason, .. }) => {
            assert!(e.to_string().contains("cut.html.gz"), "{e}");
            assert!(reason.contains("truncated"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn too_large_files_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let limits = ReadLimits {
        max_document_bytes: 1000,
    };
    let big = tmp.path().join("big.html");
    fs::write(&big, vec![b'x'; 5000]).unwrap();
    match &read_path(&big, &limits)[..] {
        [Err(
            e @ InputError::TooLarge {
                size: Some(5000),
                limit: 1000,
                record: None,
                ..
            },
        )] => assert!(e.to_string().contains("big.html"), "{e}"),
        other => panic!("{other:?}"),
    }
    // Compressed, the size is only known to pass the limit.
    let bomb = tmp.path().join("bomb.txt.gz");
    fs::write(&bomb, gz(&vec![b'x'; 1 << 20])).unwrap();
    assert!(matches!(
        &read_path(&bomb, &limits)[..],
        [Err(InputError::TooLarge { size: None, .. })]
    ));
}

#[test]
fn read_is_lazy_and_reports_missing_files() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("gone.html");
    let item = InputItem::File {
        path: path.clone(),
        kind: HTML,
    };
    let mut docs = read(&item, &ReadLimits::default());
    // Created after `read`: nothing was opened yet.
    fs::write(&path, "<p>late</p>").unwrap();
    assert_eq!(docs.next().unwrap().unwrap().bytes, b"<p>late</p>");
    assert!(docs.next().is_none());

    fs::remove_file(&path).unwrap();
    let items: Vec<_> = read(&item, &ReadLimits::default()).collect();
    assert!(matches!(&items[..], [Err(InputError::NotFound { .. })]));
}

// ---------------------------------------------------------------------------------------------
// read: WARC files

#[test]
fn gzipped_multi_member_warc_streams_html_records() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("crawl.warc.gz");
    let mut data = Vec::new();
    for record in crawl_records() {
        data.extend(gz(&record)); // one gzip member per record, as crawlers write them
    }
    fs::write(&path, &data).unwrap();
    let docs = ok_docs(read_path(&path, &ReadLimits::default()));
    let urls: Vec<_> = docs
        .iter()
        .map(|d| d.source.url.as_deref().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "https://example-daily.test/news/1",
            "https://example-daily.test/news/2",
            "https://example-daily.test/news/3"
        ]
    );
    for doc in &docs {
        assert_eq!(doc.source.path, path.to_string_lossy());
        assert_eq!(doc.source.format, Format::Warc);
        assert_eq!(doc.content_format, Format::Html);
    }
    assert_eq!(docs[0].bytes, b"<html><p>First story.</p></html>");
    assert_eq!(docs[0].http_charset.as_deref(), Some("windows-1252"));
    assert_eq!(
        docs[0].source.warc_record_id.as_deref(),
        Some("<urn:uuid:00000000-0000-4000-8000-000000000003>")
    );
    assert_eq!(docs[1].http_charset, None);
    assert_eq!(
        docs[2].bytes,
        b"<!DOCTYPE html><html><body><p>Third story, chunked and gzipped.</p></body></html>"
    );
    assert_eq!(docs[2].http_charset.as_deref(), Some("utf-8"));

    // The same crawl, uncompressed, and as one gzip member: the same documents.
    let plain: Vec<u8> = crawl_records().concat();
    let again = ok_docs(read_warc_bytes(&plain, &ReadLimits::default()).collect());
    assert_eq!(again.len(), 3);
    let single = ok_docs(
        read_from(
            Cursor::new(gz(&plain)),
            "x.warc.gz",
            FileKind::new(Format::Warc, true),
            &ReadLimits::default(),
        )
        .collect(),
    );
    assert_eq!(
        single.iter().map(|d| &d.bytes).collect::<Vec<_>>(),
        docs.iter().map(|d| &d.bytes).collect::<Vec<_>>()
    );
}

#[test]
fn truncated_warc_gives_the_records_before_then_one_error() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("cut.warc");
    let mut data: Vec<u8> = crawl_records()[..3].concat();
    let next = http_response(
        "https://example-daily.test/news/9",
        9,
        "HTTP/1.1 200 OK\r\nContent-Type: text/html",
        b"<p>cut</p>",
    );
    data.extend_from_slice(&next[..next.len() - 9]);
    fs::write(&path, &data).unwrap();
    let items = read_path(&path, &ReadLimits::default());
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items[0].is_ok());
    match &items[1] {
        Err(e @ InputError::Warc { record: 4, .. }) => {
            let text = e.to_string();
            assert!(
                text.contains("cut.warc") && text.contains("truncated"),
                "{text}"
            );
        }
        other => panic!("{other:?}"),
    }

    // Compressed and cut inside a gzip member: a gzip error, then the end.
    let gz_path = tmp.path().join("cut.warc.gz");
    let mut data = Vec::new();
    for record in crawl_records() {
        data.extend(gz(&record));
    }
    data.truncate(data.len() - 30);
    fs::write(&gz_path, &data).unwrap();
    let items = read_path(&gz_path, &ReadLimits::default());
    assert_eq!(items.iter().filter(|r| r.is_ok()).count(), 3);
    assert!(
        matches!(items.last(), Some(Err(InputError::Gzip { .. }))),
        "{items:?}"
    );
}

#[test]
fn oversized_warc_record_is_refused_and_the_next_one_read() {
    let mut data = http_response(
        "https://example-daily.test/huge",
        1,
        "HTTP/1.1 200 OK\r\nContent-Type: text/html",
        &vec![b'x'; 10_000],
    );
    data.extend(crawl_records()[2].clone());
    let items: Vec<_> = read_warc_bytes(
        &data,
        &ReadLimits {
            max_document_bytes: 4096,
        },
    )
    .collect();
    assert_eq!(items.len(), 2);
    assert!(matches!(
        items[0],
        Err(InputError::TooLarge {
            record: Some(1),
            ..
        })
    ));
    assert!(items[1].is_ok());
}

// ---------------------------------------------------------------------------------------------
// stdin (read in a child process running this same test binary)

const STDIN_CHILD: &str = "STEMMA_INPUT_STDIN_CHILD";

#[test]
fn stdin_child() {
    if std::env::var_os(STDIN_CHILD).is_none() {
        return;
    }
    for item in read(&InputItem::Stdin, &ReadLimits::default()) {
        match item {
            Ok(doc) => println!(
                "DOC path={} format={} content={} len={}",
                doc.source.path,
                doc.source.format.as_str(),
                doc.content_format.as_str(),
                doc.bytes.len()
            ),
            Err(e) => println!("ERR {e}"),
        }
    }
}

fn run_stdin(input: &[u8]) -> String {
    use std::process::{Command, Stdio};
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "stdin_child", "--nocapture", "--test-threads=1"])
        .env(STDIN_CHILD, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        // libtest may print "test stdin_child ... " on the same line.
        .filter_map(|l| l.find("DOC ").or_else(|| l.find("ERR ")).map(|i| &l[i..]))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn stdin_is_sniffed() {
    assert_eq!(
        run_stdin(b"<!doctype html><p>piped</p>"),
        "DOC path=- format=html content=html len=27"
    );
    assert_eq!(
        run_stdin(&gz(b"plain piped words")),
        "DOC path=- format=text content=text len=17"
    );
    let warc: Vec<u8> = crawl_records().concat();
    assert_eq!(
        run_stdin(&warc).lines().collect::<Vec<_>>(),
        [32, 33, 81].map(|n| format!("DOC path=- format=warc content=html len={n}"))
    );
    assert_eq!(run_stdin(b""), "DOC path=- format=text content=text len=0");
}

// ---------------------------------------------------------------------------------------------
// Properties: no input panics or hangs

fn drain(items: impl Iterator<Item = Result<Document, InputError>>, input_len: usize) {
    let mut n = 0usize;
    for item in items {
        if let Err(e) = item {
            assert!(!e.to_string().is_empty());
        }
        n += 1;
        // Each item consumes at least one byte of input (a record needs a header line).
        assert!(n <= input_len + 1, "more items than input bytes");
    }
}

fn small_limits() -> ReadLimits {
    ReadLimits {
        max_document_bytes: 512,
    }
}

/// WARC-shaped input: real records, cut and mutated, so the fuzzing reaches past the
/// version line.
fn mutated_warc() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<prop::sample::Index>(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        any::<bool>(),
    )
        .prop_map(|(cut, flips, truncate)| {
            let mut data: Vec<u8> = crawl_records().concat();
            for (at, byte) in flips {
                let i = at.index(data.len());
                data[i] = byte;
            }
            if truncate {
                let n = cut.index(data.len());
                data.truncate(n);
            }
            data
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_as_warc(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        drain(read_warc_bytes(&bytes, &small_limits()), bytes.len());
        drain(
            read_from(Cursor::new(bytes.clone()), "x.warc.gz", FileKind::new(Format::Warc, true), &small_limits()),
            bytes.len(),
        );
        let wrapped = gz(&bytes);
        drain(
            read_from(Cursor::new(wrapped), "x.warc.gz", FileKind::new(Format::Warc, true), &small_limits()),
            bytes.len(),
        );
    }

    #[test]
    fn arbitrary_bytes_with_a_warc_prefix(tail in prop::collection::vec(any::<u8>(), 0..2048)) {
        let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n".to_vec();
        bytes.extend(tail);
        drain(read_warc_bytes(&bytes, &small_limits()), bytes.len());
    }

    #[test]
    fn mutated_warcs(data in mutated_warc()) {
        drain(read_warc_bytes(&data, &small_limits()), data.len());
        let len = data.len();
        drain(
            read_from(Cursor::new(gz(&data)), "x.warc.gz", FileKind::new(Format::Warc, true), &ReadLimits::default()),
            len,
        );
    }

    #[test]
    fn arbitrary_bytes_as_gzip(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let items: Vec<_> = read_from(Cursor::new(bytes.clone()), "x.html.gz", FileKind::new(Format::Html, true), &small_limits()).collect();
        prop_assert_eq!(items.len(), 1);
        let mut corrupted = gz(&bytes);
        let n = corrupted.len();
        corrupted[n / 2] ^= 0x55;
        let items: Vec<_> = read_from(Cursor::new(corrupted), "x.html.gz", FileKind::new(Format::Html, true), &ReadLimits::default()).collect();
        prop_assert_eq!(items.len(), 1);
    }

    #[test]
    fn sniffing_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let kind = FileKind::sniff(&bytes);
        prop_assert_eq!(kind.gzip, bytes.starts_with(&[0x1f, 0x8b]));
    }
}
