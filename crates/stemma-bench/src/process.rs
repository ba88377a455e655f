//! `stemma-bench process`: what a user waits for. Whole processes, on one core, side by side:
//!
//! - `stemma extract --jobs 1 --format jsonl` over the ScrapingHub pages (gzipped, as stored)
//!   against trafilatura run the same way (`peers/trafilatura_process.py`: start-up, reading,
//!   gunzip, extraction with metadata, one JSON line per page);
//! - `stemma attribute --jobs 1` over the PolNeAR train texts.
//!
//! With `--pgo`, the profile-guided build of `scripts/pgo-build` runs the extract and attribute
//! commands too, alternating with the plain build in each round.
//!
//! Beside the extract run, the same run with `--no-attribution` and a run over its first page
//! alone split the time: start-up and warm-up (once), quotes and entities (a page), and the
//! rest (reading, extraction, writing: a page).
//!
//! Each command runs `--rounds` times, alternating, output written to a file; the best wall
//! time of each is compared (the rounds least slowed by other processes), and CPU time, user
//! and system, is printed beside it. Both are pinned to one CPU with `sched_setaffinity` when
//! the machine allows it. Speed is printed, never gated.

use std::ffi::OsString;
use std::fs::File;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;
use serde_json::json;

use crate::child::{self, Waited};

#[derive(Args)]
pub struct ProcessArgs {
    /// The shared data directory (read-only).
    #[arg(long, default_value = "../shared")]
    pub shared: PathBuf,
    /// Python with trafilatura installed (skipped when missing).
    #[arg(long, default_value = ".venv/bin/python")]
    pub python: PathBuf,
    /// The stemma binary (default: `stemma` beside this one).
    #[arg(long)]
    pub stemma: Option<PathBuf>,
    /// A second stemma binary, the profile-guided build of `scripts/pgo-build`: its extract
    /// and attribute runs alternate with the plain build's and are printed beside them.
    #[arg(long)]
    pub pgo: Option<PathBuf>,
    /// Runs of each command; the best is reported.
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
    /// Write the figures as JSON to this file.
    #[arg(long)]
    pub json: Option<PathBuf>,
}

/// One command, run `rounds` times.
struct Timed {
    label: &'static str,
    units: usize,
    runs: Vec<Waited>,
}

impl Timed {
    fn new(label: &'static str, units: usize) -> Self {
        Timed {
            label,
            units,
            runs: Vec::new(),
        }
    }

    fn best(&self) -> Option<&Waited> {
        self.runs
            .iter()
            .filter(|w| w.code == Some(0))
            .min_by(|a, b| a.seconds.total_cmp(&b.seconds))
    }
    fn best_cpu(&self) -> Option<f64> {
        self.runs
            .iter()
            .filter(|w| w.code == Some(0))
            .map(|w| w.cpu_seconds)
            .min_by(f64::total_cmp)
    }
    fn rate(&self) -> Option<f64> {
        self.best().map(|w| self.units as f64 / w.seconds)
    }
    fn cpu_rate(&self) -> Option<f64> {
        self.best_cpu().map(|c| self.units as f64 / c)
    }
    fn json(&self) -> serde_json::Value {
        json!({
            "units": self.units,
            "best_seconds": self.best().map(|w| w.seconds),
            "best_cpu_seconds": self.best_cpu(),
            "per_second": self.rate(),
            "per_cpu_second": self.cpu_rate(),
            "peak_mib": self.best().map(|w| w.peak_mib),
            "runs": self.runs.len(),
            "failed_runs": self.runs.iter().filter(|w| w.code != Some(0)).count(),
        })
    }
}

/// Run `program args` once on one CPU, stdout to `out`.
fn run_once(program: &Path, args: &[OsString], out: &Path) -> Result<Waited> {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(File::create(out)?)
        .stderr(Stdio::null());
    // SAFETY: sched_setaffinity is async-signal-safe; nothing else runs between fork and exec.
    // A machine that refuses the pin runs the command unpinned.
    unsafe {
        cmd.pre_exec(|| {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            libc::CPU_SET(0, &mut set);
            libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set);
            Ok(())
        });
    }
    let t0 = Instant::now();
    let child = cmd
        .spawn()
        .with_context(|| format!("starting {}", program.display()))?;
    child::wait(child, t0)
}

fn files_in(dir: &Path, suffix: &str) -> Result<usize> {
    let mut n = 0;
    for e in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        if e?.file_name().to_string_lossy().ends_with(suffix) {
            n += 1;
        }
    }
    Ok(n)
}

/// The first file of `dir` ending in `suffix`, by name.
fn first_file(dir: &Path, suffix: &str) -> Result<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    names.sort();
    names
        .into_iter()
        .next()
        .with_context(|| format!("no {suffix} file in {}", dir.display()))
}

fn cell(x: Option<f64>) -> String {
    x.map_or("—".into(), |v| format!("{v:.1}"))
}

pub fn run(args: &ProcessArgs) -> Result<bool> {
    let stemma = match &args.stemma {
        Some(p) => p.clone(),
        None => std::env::current_exe()?.with_file_name("stemma"),
    };
    if !stemma.exists() {
        bail!(
            "no stemma binary at {} (cargo build --release -p stemma-cli)",
            stemma.display()
        );
    }
    let pgo = args.pgo.clone().filter(|p| {
        let there = p.exists();
        if !there {
            eprintln!(
                "process: no profile-guided build at {} (scripts/pgo-build)",
                p.display()
            );
        }
        there
    });
    let pages = args.shared.join("bench/extraction/scrapinghub/html");
    let texts = args.shared.join("bench/attribution/polnear/train/text");
    let tmp = std::env::temp_dir().join(format!("stemma-process-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let out = tmp.join("out.jsonl");

    let n_pages = files_in(&pages, ".html.gz")?;
    let mut text_files: Vec<PathBuf> = std::fs::read_dir(&texts)
        .with_context(|| format!("reading {}", texts.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    text_files.sort();

    let mut extract = Timed::new("stemma extract --jobs 1 --format jsonl", n_pages);
    let mut traf = Timed::new(
        "trafilatura (python, the same pages, whole process)",
        n_pages,
    );
    // The same run without quotes and entities, and a run over the first page alone (start-up
    // and every lazy table and pattern built once): where the whole run's time goes.
    let mut bare = Timed::new("  the same, --no-attribution (extraction alone)", n_pages);
    let mut first = Timed::new("  the same, first page alone (start-up and warm-up)", 1);
    let mut attribute = Timed::new(
        "stemma attribute --jobs 1 (PolNeAR train texts)",
        text_files.len(),
    );
    let mut extract_pgo = Timed::new("  profile-guided build (scripts/pgo-build)", n_pages);
    let mut attribute_pgo = Timed::new(
        "  profile-guided build (scripts/pgo-build)",
        text_files.len(),
    );
    let extract_args: Vec<OsString> = vec![
        "extract".into(),
        "--jobs".into(),
        "1".into(),
        "--format".into(),
        "jsonl".into(),
        pages.clone().into(),
    ];
    let mut bare_args = extract_args.clone();
    bare_args.insert(3, "--no-attribution".into());
    let first_page = first_file(&pages, ".html.gz")?;
    let mut first_args = extract_args.clone();
    *first_args
        .last_mut()
        .expect("extract args end with the pages") = first_page.into();
    let mut attribute_args: Vec<OsString> = vec!["attribute".into(), "--jobs".into(), "1".into()];
    attribute_args.extend(text_files.iter().map(|p| p.clone().into_os_string()));
    let script = crate::peer::peer_script("trafilatura_process.py");
    let with_peer = args.python.exists() && script.exists();
    if !with_peer {
        eprintln!(
            "process: no trafilatura peer ({} or {} missing)",
            args.python.display(),
            script.display()
        );
    }
    for round in 1..=args.rounds.max(1) {
        eprintln!("process: round {round} of {}", args.rounds.max(1));
        extract.runs.push(run_once(&stemma, &extract_args, &out)?);
        if let Some(p) = &pgo {
            extract_pgo.runs.push(run_once(p, &extract_args, &out)?);
        }
        bare.runs.push(run_once(&stemma, &bare_args, &out)?);
        first.runs.push(run_once(&stemma, &first_args, &out)?);
        if with_peer {
            let a = vec![script.clone().into_os_string(), pages.clone().into()];
            traf.runs.push(run_once(&args.python, &a, &out)?);
        }
        attribute
            .runs
            .push(run_once(&stemma, &attribute_args, &out)?);
        if let Some(p) = &pgo {
            attribute_pgo.runs.push(run_once(p, &attribute_args, &out)?);
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);

    println!(
        "== Whole process, one CPU: what a user waits for (best of {} runs) ==",
        args.rounds.max(1)
    );
    println!(
        "  {:<55} {:>7} {:>10} {:>12} {:>9}",
        "command", "units", "units/s", "units/CPU-s", "peak MiB"
    );
    let all = [
        &extract,
        &extract_pgo,
        &bare,
        &first,
        &traf,
        &attribute,
        &attribute_pgo,
    ];
    for t in all {
        if t.runs.is_empty() {
            continue;
        }
        println!(
            "  {:<55} {:>7} {:>10} {:>12} {:>9}",
            t.label,
            t.units,
            cell(t.rate()),
            cell(t.cpu_rate()),
            cell(t.best().map(|w| w.peak_mib))
        );
    }
    let ratio = extract.rate().zip(traf.rate()).map(|(s, t)| s / t);
    let cpu_ratio = extract.cpu_rate().zip(traf.cpu_rate()).map(|(s, t)| s / t);
    match (ratio, cpu_ratio) {
        (Some(r), Some(c)) => println!(
            "  stemma extract over trafilatura, whole process: {r:.1}x by wall time, {c:.1}x by CPU time (issue 14 gate: 15x)"
        ),
        _ => println!("  stemma extract over trafilatura: — (no peer run)"),
    }
    if let (Some(all), Some(no_attr), Some(one)) =
        (extract.best_cpu(), bare.best_cpu(), first.best_cpu())
    {
        let n = n_pages.max(1) as f64;
        println!(
            "  where the CPU time of the extract run goes: {:.1} ms a page in all; start-up and warm-up (first page alone) {:.1} ms once; quotes and entities {:.2} ms a page; the rest (reading, extraction, writing) {:.2} ms a page",
            all * 1e3 / n,
            one * 1e3,
            (all - no_attr).max(0.0) * 1e3 / n,
            (no_attr - one).max(0.0) * 1e3 / (n - 1.0).max(1.0),
        );
    }
    if let Some(r) = attribute.rate() {
        println!("  stemma attribute: {r:.0} articles/s whole process (issue 13 gate: 3,000/s)");
    }
    let pgo_ratio = extract_pgo.rate().zip(traf.rate()).map(|(s, t)| s / t);
    if let (Some(e), Some(a)) = (extract_pgo.rate(), attribute_pgo.rate()) {
        let faster = |x: f64, plain: Option<f64>| {
            plain.map_or("—".into(), |p| format!("{:+.1}%", (x / p - 1.0) * 100.0))
        };
        println!(
            "  profile-guided build: extract {} trafilatura, {} pages/s against the plain build; attribute {a:.0} articles/s, {} against the plain build",
            pgo_ratio.map_or("—".into(), |r| format!("{r:.1}x")),
            faster(e, extract.rate()),
            faster(a, attribute.rate()),
        );
    }
    println!("  (speed is printed, never gated; the machine is shared)");
    if let Some(path) = &args.json {
        let v = json!({
            "extract": extract.json(),
            "extract_no_attribution": bare.json(),
            "extract_first_page": first.json(),
            "trafilatura": traf.json(),
            "attribute": attribute.json(),
            "extract_pgo": extract_pgo.json(),
            "attribute_pgo": attribute_pgo.json(),
            "ratio_extract_pgo_over_trafilatura": pgo_ratio,
            "ratio_extract_over_trafilatura": ratio,
            "ratio_extract_over_trafilatura_cpu": cpu_ratio,
        });
        std::fs::write(path, serde_json::to_string_pretty(&v)? + "\n")?;
    }
    let failed = all.iter().any(|t| t.runs.iter().any(|w| w.code != Some(0)));
    if failed {
        eprintln!("process: a command failed (exit status other than 0)");
    }
    Ok(!failed)
}
