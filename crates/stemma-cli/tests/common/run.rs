//! Running the `stemma` binary in a test: every process under a time limit (a hang is a
//! failure, not a stuck suite), with stdin fed and stdout / stderr read on threads of their own
//! so that no pipe fills up. Shared by the test files through `#[path]`.

use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// A finished run of stemma.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Wait for `child`, killing it (and failing the test) past `limit`.
pub fn wait_limited(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waiting for stemma") {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("stemma ran longer than {limit:?} and was killed");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Run `cmd` with `stdin` (else no input) within `limit`; stdout must be UTF-8.
pub fn run_input(cmd: &mut Command, stdin: Option<Vec<u8>>, limit: Duration) -> Run {
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("starting stemma");
    let feeder = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let mut out = child.stdout.take().expect("stdout pipe");
    let mut err = child.stderr.take().expect("stderr pipe");
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        out.read_to_end(&mut s).expect("reading stdout");
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        err.read_to_end(&mut s).expect("reading stderr");
        s
    });
    let status = wait_limited(&mut child, limit);
    if let Some(f) = feeder {
        f.join().expect("stdin feeder");
    }
    let stdout =
        String::from_utf8(out_reader.join().expect("stdout reader")).expect("stdout is UTF-8");
    let stderr = String::from_utf8_lossy(&err_reader.join().expect("stderr reader")).into_owned();
    Run {
        code: status.code().unwrap_or(-1),
        stdout,
        stderr,
    }
}
