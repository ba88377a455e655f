//! Waiting for a child process with what it cost: wall time, CPU time, peak memory.

use std::process::Child;
use std::time::Instant;

use anyhow::{Context, Result};

/// What a finished child cost.
pub struct Waited {
    /// Exit code; None when a signal ended it.
    pub code: Option<i32>,
    /// Wall time from `started` to its end.
    pub seconds: f64,
    /// User plus system CPU time.
    pub cpu_seconds: f64,
    /// Peak resident memory.
    pub peak_mib: f64,
}

/// Wait for `child` (spawned at `started`) and read its resource usage.
pub fn wait(child: Child, started: Instant) -> Result<Waited> {
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our child's, not yet waited for; both pointers are valid.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let seconds = started.elapsed().as_secs_f64();
    if pid < 0 {
        return Err(std::io::Error::last_os_error()).context("waiting for a child process");
    }
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(Waited {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        seconds,
        cpu_seconds: tv(usage.ru_utime) + tv(usage.ru_stime),
        // ru_maxrss is in KiB on Linux.
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
    })
}
