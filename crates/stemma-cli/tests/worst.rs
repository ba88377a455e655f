//! Worst cases (issue 10): each generated input is read beside a good page by the `stemma`
//! binary in a child process limited to 1 GiB of address space, with a generous timeout. The
//! run must end by itself, and the good page must still get its record.

#[path = "worst/cases.rs"]
mod cases;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const GIB: libc::rlim_t = 1 << 30;
const TIMEOUT: Duration = Duration::from_secs(300);

/// Runs `stemma ARGS` in `dir` under the address-space limit; stdout goes to `dir/out.jsonl`.
/// Returns the exit status and the records' lines.
fn run_limited(dir: &Path, args: &[&str]) -> (ExitStatus, Vec<String>) {
    let out = dir.join("out.jsonl");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stemma"));
    cmd.args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(File::create(&out).unwrap())
        .stderr(File::create(dir.join("err.txt")).unwrap());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: GIB,
                rlim_max: GIB,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    let t0 = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if t0.elapsed() > TIMEOUT {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("stemma {args:?} ran past {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let err = std::fs::read_to_string(dir.join("err.txt")).unwrap_or_default();
    assert!(
        status.signal().is_none() && matches!(status.code(), Some(0 | 1)),
        "stemma {args:?} ended with {status} under a 1 GiB limit; stderr: {}",
        err.chars().take(2000).collect::<String>()
    );
    let lines = BufReader::new(File::open(&out).unwrap())
        .lines()
        .map(Result::unwrap)
        .collect();
    (status, lines)
}

/// The case's text as `worst.txt` and the good page as `good.html` and `good.txt`; the
/// directory and what the case stresses.
fn setup(name: &str) -> (tempfile::TempDir, &'static str) {
    let dir = tempfile::tempdir().unwrap();
    let case = cases::cases().into_iter().find(|c| c.name == name).unwrap();
    std::fs::write(dir.path().join("worst.txt"), case.text).unwrap();
    std::fs::write(dir.path().join("good.html"), cases::good_page()).unwrap();
    let text = good_text();
    std::fs::write(dir.path().join("good.txt"), text).unwrap();
    (dir, case.what)
}

/// The good page's words as plain text (for `stemma attribute`).
fn good_text() -> String {
    let page = cases::good_page();
    let mut text = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace('\n', "\n\n")
}

/// Runs `stemma COMMAND -j2 [FLAGS] worst.txt GOOD` on the case and checks that GOOD's record
/// holds, under `field`, an item spoken by the good page's speaker.
fn beside_good_page(name: &str, command: &[&str], good: &str, field: &str) {
    let (dir, what) = setup(name);
    let mut args = command.to_vec();
    args.extend(["-j2", "worst.txt", good]);
    let (_, lines) = run_limited(dir.path(), &args);
    let tag = format!("\"{good}\"");
    let records: Vec<serde_json::Value> = lines
        .iter()
        .filter(|l| l.contains(&tag))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 1, "{what}: {good}'s record is missing");
    let items = records[0][field].as_array().unwrap();
    assert!(
        items.iter().any(|q| q["speaker"]["name"] == "Tomas Hale"),
        "{what}: {good}'s quote is missing: {items:?}"
    );
}

macro_rules! worst_case {
    ($extract:ident, $attribute:ident, $name:literal) => {
        #[test]
        fn $extract() {
            beside_good_page(
                $name,
                &["extract", "--progress", "never"],
                "good.html",
                "quotes",
            );
        }

        #[test]
        fn $attribute() {
            beside_good_page($name, &["attribute"], "good.txt", "attributions");
        }
    };
}

worst_case!(
    extract_one_5mb_sentence,
    attribute_one_5mb_sentence,
    "sentence"
);
worst_case!(
    extract_unclosed_quote,
    attribute_unclosed_quote,
    "open-quote"
);
worst_case!(extract_100k_names, attribute_100k_names, "names");
worst_case!(extract_100k_dates, attribute_100k_dates, "dates");
worst_case!(extract_5mb_of_quotes, attribute_5mb_of_quotes, "quotes");
worst_case!(
    extract_pronouns_after_20k_people,
    attribute_pronouns_after_20k_people,
    "pronouns"
);
worst_case!(
    extract_5mb_of_single_quotes,
    attribute_5mb_of_single_quotes,
    "single-quotes"
);

#[test]
fn attribute_refuses_a_file_over_max_mib() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), "word ".repeat(300_000)).unwrap();
    std::fs::write(dir.path().join("good.txt"), good_text()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stemma"))
        .args(["attribute", "--max-mib", "1", "big.txt", "good.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("big.txt: too large: 1500000 bytes, over the limit of 1048576 bytes"),
        "{err}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("\"good.txt\""));
    // Standard input is cut at the limit too.
    let mut child = Command::new(env!("CARGO_BIN_EXE_stemma"))
        .args(["attribute", "--max-mib", "1", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all("word ".repeat(300_000).as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("-: too large: over the limit of 1048576 bytes"));
}

#[test]
fn attribute_max_mib_0_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_stemma"))
        .args(["attribute", "--max-mib", "0", "x.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-mib"));
}
