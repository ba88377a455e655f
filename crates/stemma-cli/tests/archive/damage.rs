//! Damage and bad conditions: a deleted index, a truncated database, a read-only directory, a
//! second writer. Each gives a clear message and never a panic; `check` says what is wrong
//! and `reindex` repairs what it can.

use std::fs;
use std::io::Write;
use std::process::Stdio;

use serde_json::Value;

use super::{archive_fixtures, cmd, ingest, json_lines, make_read_only, stemma};

fn no_panic(r: &crate::Run) {
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

#[test]
fn archive_deleted_index_is_reported_and_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert_eq!(ingest(&data, &[&archive_fixtures()]).code, 0);
    fs::remove_dir_all(data.join("index")).unwrap();

    let s = stemma(&data, &["search", "Brenning", "--format", "jsonl"]);
    assert_eq!(s.code, 1);
    assert!(s.stderr.contains("stemma reindex"), "{}", s.stderr);
    no_panic(&s);
    // the rest of the archive still answers
    assert_eq!(json_lines(&data, &["stats"])[0]["articles"], 4);
    let c = stemma(&data, &["check", "--format", "jsonl"]);
    assert_eq!(c.code, 1, "{}", c.stdout);
    assert!(c.stdout.contains("full-text index"), "{}", c.stdout);

    let r = stemma(&data, &["reindex"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("4 articles indexed"), "{}", r.stderr);
    assert_eq!(
        json_lines(&data, &["check"])[0]["problems"],
        Value::Array(vec![])
    );
    assert!(!json_lines(&data, &["search", "Brenning"]).is_empty());
}

#[test]
fn archive_truncated_database_gives_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert_eq!(ingest(&data, &[&archive_fixtures()]).code, 0);
    let db = data.join("stemma.sqlite");
    for keep in [fs::metadata(&db).unwrap().len() / 2, 40] {
        let f = fs::OpenOptions::new().write(true).open(&db).unwrap();
        f.set_len(keep).unwrap();
        drop(f);
        for args in [
            &["stats"][..],
            &["check"],
            &["quotes", "--speaker", "Brenning"],
            &["story", "1"],
        ] {
            let r = stemma(&data, args);
            assert_ne!(r.code, 0, "{args:?} on a truncated database: {}", r.stdout);
            assert!(!r.stderr.trim().is_empty());
            no_panic(&r);
        }
        let r = ingest(&data, &[&archive_fixtures()]);
        assert_ne!(r.code, 0);
        no_panic(&r);
        if keep == 40 {
            assert!(
                r.stderr.contains("not a usable stemma database"),
                "{}",
                r.stderr
            );
        }
    }
}

#[test]
fn archive_read_only_directory_still_answers_queries() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert_eq!(ingest(&data, &[&archive_fixtures()]).code, 0);
    if !make_read_only(&data) {
        eprintln!("running with privileges that ignore permissions: read-only part skipped");
        let _ = fs::remove_file(data.join(".probe"));
        return;
    }
    let r = ingest(&data, &[&archive_fixtures()]);
    let restore = || {
        for d in [data.join("index"), data.clone()] {
            let _ = fs::set_permissions(&d, fs::Permissions::from_mode(0o755));
        }
    };
    let stats = stemma(&data, &["stats", "--format", "jsonl"]);
    restore();
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("read-only"), "{}", r.stderr);
    no_panic(&r);
    assert_eq!(stats.code, 0, "{}", stats.stderr);
}

#[test]
fn archive_second_writer_is_refused_while_queries_go_on() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert_eq!(ingest(&data, &[&archive_fixtures()]).code, 0);
    // A writer that waits on its standard input holds the lock.
    let mut first = cmd(&data, &["ingest", "--progress", "never", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lock_taken = || {
        (0..200).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(25));
            stemma(
                &data,
                &[
                    "ingest",
                    "--progress",
                    "never",
                    &archive_fixtures().display().to_string(),
                ],
            )
            .stderr
            .contains("being written by another stemma process")
        })
    };
    assert!(lock_taken(), "the second writer was not refused");
    assert_eq!(json_lines(&data, &["stats"])[0]["articles"], 4);
    let mut stdin = first.stdin.take().unwrap();
    stdin
        .write_all(
            b"Bulletin\n\nThe river board met on Tuesday and agreed to keep the weir gates open.\n",
        )
        .unwrap();
    drop(stdin);
    let status = first.wait().unwrap();
    assert!(status.success());
    assert_eq!(json_lines(&data, &["stats"])[0]["articles"], 5);
}
