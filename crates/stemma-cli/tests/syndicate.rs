//! `stemma syndicate --index DIR` must not lose or corrupt work, and reads records leniently:
//! one writer at a time, a damaged index named and rebuilt, an interrupted run's stories
//! printed by the rerun, records without a url told apart by content, no rewrite on a no-op
//! run, only `text` required. Records are invented here (made-up outlets and words).

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

#[path = "common/prose.rs"]
mod prose;
use prose::prose;

const TIME_LIMIT: Duration = Duration::from_secs(60);

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn stories(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }
}

fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_stemma"));
    c.current_dir(dir)
        .env_remove("STEMMA_LOG")
        .arg("syndicate")
        .args(args);
    c
}

/// Wait for `child` (its stdout and stderr piped), reading both meanwhile so a large output
/// never blocks it; kill it (and fail) past the time limit.
fn wait(mut child: Child) -> Run {
    let read = |r: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(mut r) = r {
                let _ = r.read_to_string(&mut s);
            }
            s
        })
    };
    let out = read(child.stdout.take().map(|o| Box::new(o) as _));
    let err = read(child.stderr.take().map(|o| Box::new(o) as _));
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!("stemma syndicate ran past {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = child.wait().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

fn syndicate(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut c = cmd(dir, args);
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    c.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = c.spawn().unwrap();
    if let Some(text) = stdin {
        let mut w = child.stdin.take().unwrap();
        let text = text.to_owned();
        std::thread::spawn(move || {
            let _ = w.write_all(text.as_bytes());
        });
    }
    wait(child)
}

/// `n` unrelated records, one JSON object per line, with every field `stemma extract` prints.
fn records(n: usize, seed: u64) -> String {
    (0..n)
        .map(|i| {
            let url = format!("https://saltmarsh{seed}.example/news/{i}");
            json!({
                "source": {"path": format!("saltmarsh{seed}/{i}.html"), "format": "html"},
                "url": url, "title": format!("Notice {i}"), "authors": [],
                "published": "2031-04-08", "site_name": null, "language": "en", "tags": [],
                "republished_from": null,
                "text": prose(seed * 1_000_003 + i as u64, 60),
            })
            .to_string()
                + "\n"
        })
        .collect()
}

fn members(story: &Value) -> Vec<String> {
    story["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_owned())
        .collect()
}

fn all_members(r: &Run) -> Vec<String> {
    let mut v: Vec<String> = r.stories().iter().flat_map(members).collect();
    v.sort();
    v
}

#[test]
fn a_second_writer_is_refused_clearly_and_concurrent_runs_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.jsonl"), records(1500, 1)).unwrap();
    fs::write(dir.path().join("b.jsonl"), records(1500, 2)).unwrap();
    fs::write(dir.path().join("none.jsonl"), "").unwrap();

    // A run holding the lock: another is refused with a message naming it.
    fs::create_dir_all(dir.path().join("ix")).unwrap();
    let held = File::create(dir.path().join("ix/index.lock")).unwrap();
    held.try_lock().unwrap();
    let r = syndicate(dir.path(), &["--index", "ix", "a.jsonl"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("another `stemma syndicate` run") && r.stderr.contains("index.lock"),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("ix/index.json").exists());
    drop(held);

    // Two runs at once: each adds all its records or fails with that message.
    let spawn = |input: &str| {
        let mut c = cmd(dir.path(), &["--index", "ix", input]);
        c.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c.spawn().unwrap()
    };
    let (a, b) = (spawn("a.jsonl"), spawn("b.jsonl"));
    let (ra, rb) = (wait(a), wait(b));
    let mut expect = Vec::new();
    for (r, seed) in [(&ra, 1), (&rb, 2)] {
        if r.code == 0 {
            expect.extend((0..1500).map(|i| format!("https://saltmarsh{seed}.example/news/{i}")));
        } else {
            assert!(
                r.stderr.contains("another `stemma syndicate` run"),
                "{}",
                r.stderr
            );
        }
    }
    assert!(!expect.is_empty());
    expect.sort();
    let all = syndicate(dir.path(), &["--index", "ix", "--all", "none.jsonl"], None);
    assert_eq!(all.code, 0, "{}", all.stderr);
    assert_eq!(all_members(&all), expect);
}

#[test]
fn a_damaged_index_is_named_and_can_be_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.jsonl"), records(20, 3)).unwrap();
    let first = syndicate(dir.path(), &["--index", "ix", "a.jsonl"], None);
    assert_eq!(first.code, 0, "{}", first.stderr);
    // Two writers without a lock used to leave this behind.
    let ix = dir.path().join("ix/index.json");
    let mut f = fs::OpenOptions::new().append(true).open(&ix).unwrap();
    f.write_all(b"{\"docs\": [").unwrap();
    drop(f);
    let r = syndicate(dir.path(), &["--index", "ix", "a.jsonl"], None);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("index.json is damaged") && r.stderr.contains("trailing characters"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--rebuild"), "{}", r.stderr);
    // A truncated one too.
    let text = fs::read(&ix).unwrap();
    fs::write(&ix, &text[..text.len() / 2]).unwrap();
    let r = syndicate(dir.path(), &["--index", "ix", "a.jsonl"], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("index.json is damaged"), "{}", r.stderr);
    // --rebuild starts again from the records given.
    let r = syndicate(dir.path(), &["--index", "ix", "--rebuild", "a.jsonl"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stories().len(), 20);
    let again = syndicate(dir.path(), &["--index", "ix", "a.jsonl"], None);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.is_empty(), "{}", again.stdout);
}

#[test]
fn an_interrupted_run_prints_its_stories_on_the_rerun() {
    let dir = tempfile::tempdir().unwrap();
    let n = 3000;
    fs::write(dir.path().join("a.jsonl"), records(n, 4)).unwrap();
    // Nobody reads the output: the run saves its index, then blocks on a full pipe while
    // printing, and is killed there.
    let mut c = cmd(dir.path(), &["--index", "ix", "a.jsonl"]);
    c.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = c.spawn().unwrap();
    let ix = dir.path().join("ix/index.json");
    let start = Instant::now();
    while !ix.exists() {
        assert!(start.elapsed() < TIME_LIMIT, "no index written");
        assert!(child.try_wait().unwrap().is_none(), "the run ended early");
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    // The rerun adds nothing new but prints every story not printed.
    let r = syndicate(dir.path(), &["--index", "ix", "a.jsonl"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stories().len(), n);
    // Once printed, they are not printed again.
    let r = syndicate(dir.path(), &["--index", "ix", "a.jsonl"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn records_without_a_url_are_told_apart_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let rec = |seed: u64| {
        json!({"source": {"path": "-", "format": "text"}, "title": "Notes",
               "text": prose(seed, 120), "authors": [], "tags": []})
        .to_string()
    };
    let input = format!("{}\n{}\n{}\n", rec(5), rec(6), rec(5));
    let r = syndicate(dir.path(), &["--index", "ix", "-"], Some(&input));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let names = all_members(&r);
    assert_eq!(names.len(), 2, "two articles, one of them twice: {names:?}");
    assert!(names.iter().all(|n| n.starts_with("text:")), "{names:?}");
    assert_ne!(names[0], names[1]);
}

#[test]
fn a_no_op_rerun_does_not_rewrite_the_index() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.jsonl"), records(50, 7)).unwrap();
    let r = syndicate(dir.path(), &["--index", "ix", "a.jsonl"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ix = dir.path().join("ix/index.json");
    let before = fs::metadata(&ix).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let r = syndicate(dir.path(), &["--index", "ix", "a.jsonl"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = fs::metadata(&ix).unwrap();
    assert_eq!(before.ino(), after.ino(), "the index was rewritten");
    assert_eq!(before.mtime_nsec(), after.mtime_nsec());
}

#[test]
fn only_text_is_required_and_json_arrays_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let story = prose(8, 200);
    // As `stemma extract --format json` prints records: a JSON array, one per line.
    let full = json!({"source": {"path": "pier.html", "format": "html"},
        "url": "https://tidewater.example/pier", "title": "Pier", "authors": ["Ada Quill"],
        "published": "2031-04-08", "site_name": "Tidewater Post", "language": "en",
        "tags": [], "republished_from": null, "text": story});
    let copy = json!({"url": "https://gull.example/pier", "text": story,
        "published": "2031-04-09"});
    fs::write(
        dir.path().join("extracted.json"),
        format!("[\n{full},\n{copy}\n]\n"),
    )
    .unwrap();
    let bare = json!({"text": prose(9, 80)}).to_string();
    let undated = json!({"url": "https://fen.example/x", "text": prose(10, 80),
        "published": "yesterday"})
    .to_string();
    fs::write(
        dir.path().join("more.jsonl"),
        format!("{bare}\n{undated}\n"),
    )
    .unwrap();
    let r = syndicate(dir.path(), &["extracted.json", "more.jsonl"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("more.jsonl:2:") && r.stderr.contains("yesterday"),
        "{}",
        r.stderr
    );
    let stories = r.stories();
    assert_eq!(stories.len(), 2, "{}", r.stdout);
    assert_eq!(
        members(&stories[0]),
        vec![
            "https://tidewater.example/pier",
            "https://gull.example/pier"
        ]
    );
    assert_eq!(stories[0]["origin"], "https://tidewater.example/pier");
}

/// The walker stemma-input gives every command: a directory that links back to its parent is
/// walked once (not forever), and a folder that cannot be read is reported, not dropped.
#[test]
fn directories_are_walked_once_through_link_loops_and_unreadable_ones_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir_all(inp.join("sub")).unwrap();
    fs::write(inp.join("a.jsonl"), records(3, 31)).unwrap();
    fs::write(inp.join("sub/b.jsonl"), records(2, 32)).unwrap();
    std::os::unix::fs::symlink(&inp, inp.join("sub/loop")).unwrap();
    let locked = inp.join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("c.jsonl"), records(1, 33)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any folder: then the locked one is simply read.
    let unreadable = fs::read_dir(&locked).is_err();

    let r = syndicate(dir.path(), &["in"], None);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let names = all_members(&r);
    let expected = if unreadable { 5 } else { 6 };
    assert_eq!(
        names.len(),
        expected,
        "each record once: {names:?}\n{}",
        r.stderr
    );
    if unreadable {
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(r.stderr.contains("locked"), "{}", r.stderr);
    } else {
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
}
