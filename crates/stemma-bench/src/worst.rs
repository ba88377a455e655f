//! `stemma-bench worst`: the generated worst cases (issue 10) read by the `stemma` binary, each
//! beside a good page, in a child process under an address-space limit: time and peak memory
//! of each next to a normal page's. Fails when a run does not finish by itself or the good
//! page loses its record.

#[path = "../../stemma-cli/tests/worst/cases.rs"]
mod cases;

use std::ffi::OsStr;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result};

#[derive(clap::Args)]
pub struct WorstArgs {
    /// The stemma binary (default: `stemma` beside this program).
    #[arg(long)]
    pub stemma: Option<PathBuf>,
    /// Address-space limit of each run, in MiB (`ulimit -v`).
    #[arg(long, default_value_t = 2048)]
    pub limit_mib: u64,
    /// Work directory for the generated inputs (default: a fresh one under the temp dir).
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

/// One child run: its exit code (None: killed by a signal), wall time and peak resident memory.
struct Run {
    code: Option<i32>,
    seconds: f64,
    peak_mib: f64,
}

/// Runs `stemma ARGS` in `dir` under the address-space limit, stdout to `dir/out.jsonl`.
fn run_limited(stemma: &Path, dir: &Path, args: &[&OsStr], limit: u64) -> Result<Run> {
    let mut cmd = Command::new(stemma);
    cmd.args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(File::create(dir.join("out.jsonl"))?)
        .stderr(File::create(dir.join("err.txt"))?);
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: limit as libc::rlim_t,
                rlim_max: limit as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let t0 = Instant::now();
    let child = cmd
        .spawn()
        .with_context(|| format!("starting {}", stemma.display()))?;
    let w = crate::child::wait(child, t0)?;
    Ok(Run {
        code: w.code,
        seconds: w.seconds,
        peak_mib: w.peak_mib,
    })
}

/// Whether `dir/out.jsonl` holds a record for `path` with a quote by Tomas Hale (the good page's).
fn good_record(dir: &Path, path: &str) -> Result<bool> {
    let tag = format!("\"{path}\"");
    for line in BufReader::new(File::open(dir.join("out.jsonl"))?).lines() {
        let line = line?;
        if line.contains(&tag) && line.contains("Tomas Hale") {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn run(args: &WorstArgs) -> Result<bool> {
    let stemma = match &args.stemma {
        Some(p) => p.clone(),
        None => std::env::current_exe()?.with_file_name("stemma"),
    };
    let dir = match &args.dir {
        Some(d) => d.clone(),
        None => std::env::temp_dir().join(format!("stemma-worst-{}", std::process::id())),
    };
    std::fs::create_dir_all(&dir)?;
    let limit = args.limit_mib.saturating_mul(1024 * 1024);
    std::fs::write(dir.join("good.html"), cases::good_page())?;
    println!(
        "== Worst cases: stemma in a child process, address space limited to {} MiB (ulimit -v {}) ==",
        args.limit_mib,
        args.limit_mib * 1024
    );
    println!(
        "{:<15} {:>8}  {:<44} {:>9} {:>9}  {:>9} {:>9}  good page",
        "case", "MB", "what", "extract s", "peak MiB", "attrib s", "peak MiB"
    );
    let mut ok = true;
    let normal = [
        OsStr::new("extract"),
        OsStr::new("-j1"),
        OsStr::new("good.html"),
    ];
    let n = run_limited(&stemma, &dir, &normal, limit)?;
    let good = n.code == Some(0) && good_record(&dir, "good.html")?;
    ok &= good;
    println!(
        "{:<15} {:>8.3}  {:<44} {:>9.2} {:>9.1}  {:>9} {:>9}  {}",
        "normal page",
        cases::good_page().len() as f64 / 1e6,
        "an HTML article with one quote",
        n.seconds,
        n.peak_mib,
        "",
        "",
        if good { "ok" } else { "LOST" }
    );
    for case in cases::cases() {
        std::fs::write(dir.join("worst.txt"), &case.text)?;
        std::fs::write(dir.join("good.txt"), "“We heard you,” said Tomas Hale.\n")?;
        // The case beside the good page: the run, and whether the good page kept its record.
        let beside = |command: &str, good: &str| -> Result<(Run, bool)> {
            let args = [command, "-j1", "worst.txt", good].map(OsStr::new);
            let r = run_limited(&stemma, &dir, &args, limit)?;
            let kept = matches!(r.code, Some(0 | 1)) && good_record(&dir, good)?;
            Ok((r, kept))
        };
        let (e, kept) = beside("extract", "good.html")?;
        let (a, kept_a) = beside("attribute", "good.txt")?;
        ok &= kept && kept_a;
        println!(
            "{:<15} {:>8.3}  {:<44} {:>9.2} {:>9.1}  {:>9.2} {:>9.1}  {}",
            case.name,
            case.text.len() as f64 / 1e6,
            case.what,
            e.seconds,
            e.peak_mib,
            a.seconds,
            a.peak_mib,
            match (kept, kept_a) {
                (true, true) => "ok".to_string(),
                _ => format!("LOST (exit {:?} / {:?})", e.code, a.code),
            }
        );
    }
    if args.dir.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    if !ok {
        println!("FAILED: a worst case cost the good page its record (or a run was killed)");
    }
    Ok(ok)
}
