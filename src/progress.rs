//! Progress on the terminal, for work that runs longer than a second: a bar on standard
//! error, drawn only when standard error is a terminal and the work has run for a second.
//! Nothing at all otherwise, so logs and pipes stay clean. `MEDRD_KG_PROGRESS=always` draws
//! from the start (still only on a terminal), `never` not at all.

use std::io::IsTerminal as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work runs before its bar appears.
const AFTER: Duration = Duration::from_secs(1);

/// When bars are drawn, from `MEDRD_KG_PROGRESS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Auto,
    Always,
    Never,
}

fn when() -> When {
    match std::env::var("MEDRD_KG_PROGRESS").as_deref() {
        Ok("always") => When::Always,
        Ok("never") | Ok("0") => When::Never,
        _ => When::Auto,
    }
}

/// A bar for `len` steps of `what` (`documents`, `triples`…). Cheap to advance from
/// several threads.
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    shown: AtomicBool,
    when: When,
}

impl Progress {
    pub fn new(what: &str, len: u64) -> Progress {
        Progress::make(what, Some(len))
    }

    /// A counter of `what`, for work whose size is known only at its end.
    pub fn counter(what: &str) -> Progress {
        Progress::make(what, None)
    }

    fn make(what: &str, len: Option<u64>) -> Progress {
        let bar = ProgressBar::with_draw_target(len, ProgressDrawTarget::hidden());
        let template = match len {
            Some(_) => "{msg:>12} [{bar:30}] {pos}/{len} {per_sec} eta {eta}",
            None => "{spinner} {msg:>12} {pos} {per_sec} {elapsed}",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_owned());
        let when = if std::io::stderr().is_terminal() {
            when()
        } else {
            When::Never
        };
        let p = Progress {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
            when,
        };
        p.show_when_due();
        p
    }

    /// `n` more steps done.
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
        self.show_when_due();
    }

    fn show_when_due(&self) {
        if self.shown.load(Ordering::Relaxed) {
            return;
        }
        let due = match self.when {
            When::Never => false,
            When::Always => true,
            When::Auto => self.start.elapsed() >= AFTER,
        };
        if due && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Drop for Progress {
    /// The bar goes when the work is done (or fails): what the command prints stays alone.
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
