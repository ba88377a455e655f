//! What stemma tells the user on stderr: warning lines and progress.
//!
//! A closed stderr (`stemma … 2>&1 >/dev/null | head -1`) is as quiet as a closed stdout:
//! nothing here panics or fails when a write to stderr does.

use std::fmt;
use std::io::{self, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::TermLike;

/// Write `stemma: MESSAGE` and a newline to stderr, ignoring a failed write.
pub fn say(message: fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "stemma: {message}");
}

/// Progress as plain lines on a stderr that is no terminal (a file, a pipe, a CI log): at
/// most one line a second, no cursor movement and no colour.
#[derive(Debug, Default)]
pub struct PlainLines {
    state: Mutex<PlainState>,
}

#[derive(Debug, Default)]
struct PlainState {
    /// The line being drawn.
    line: String,
    last: Option<Instant>,
}

/// Least time between two progress lines.
const EVERY: Duration = Duration::from_secs(1);

impl TermLike for PlainLines {
    fn width(&self) -> u16 {
        // Wide enough that no line wraps; the padding after a line is trimmed.
        500
    }
    fn move_cursor_up(&self, _: usize) -> io::Result<()> {
        Ok(())
    }
    fn move_cursor_down(&self, _: usize) -> io::Result<()> {
        Ok(())
    }
    fn move_cursor_right(&self, _: usize) -> io::Result<()> {
        Ok(())
    }
    fn move_cursor_left(&self, _: usize) -> io::Result<()> {
        Ok(())
    }
    fn write_line(&self, s: &str) -> io::Result<()> {
        self.write_str(s)?;
        self.flush()
    }
    fn write_str(&self, s: &str) -> io::Result<()> {
        if let Ok(mut st) = self.state.lock() {
            st.line.push_str(s.trim_start_matches('\r'));
        }
        Ok(())
    }
    fn clear_line(&self) -> io::Result<()> {
        if let Ok(mut st) = self.state.lock() {
            st.line.clear();
        }
        Ok(())
    }
    fn flush(&self) -> io::Result<()> {
        let Ok(mut st) = self.state.lock() else {
            return Ok(());
        };
        let line = std::mem::take(&mut st.line);
        let line = line.trim();
        if line.is_empty() || st.last.is_some_and(|t| t.elapsed() < EVERY) {
            return Ok(());
        }
        st.last = Some(Instant::now());
        let _ = writeln!(io::stderr().lock(), "{line}");
        Ok(())
    }
}
