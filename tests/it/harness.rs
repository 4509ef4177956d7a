//! The harness (in the manner of ripgrep's tests/util.rs): every test runs the real
//! `medrd-kg` binary and gets back a [`Run`] holding what it did. A run that was expected to
//! succeed and did not panics with the full command line, its working folder, the exit status
//! and both output streams, so a failure reads without re-running anything.
//!
//! Temporary folders (stores, scratch copies of the data) are created under cargo's
//! `CARGO_TARGET_TMPDIR` (inside `target/`), never in the system's temporary folder, and are
//! removed when the test ends. The store shared by the read-only tests lives as long as the
//! test process and is removed when it exits.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::OnceLock;

use tempfile::TempDir;

/// The repository's root folder.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `medrd-kg` binary cargo built for these tests.
pub fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_medrd-kg"))
}

/// One run of `medrd-kg`: what was run, where, and what came out.
#[derive(Debug)]
pub struct Run {
    /// The full command line, quoted so that it can be pasted into a shell.
    pub command: String,
    /// The folder it ran in.
    pub cwd: PathBuf,
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn success(&self) -> bool {
        self.status.success()
    }

    /// The run itself when it succeeded; otherwise panics with everything about it.
    #[track_caller]
    pub fn ok(self) -> Run {
        if !self.success() {
            panic!("medrd-kg failed\n{self}");
        }
        self
    }
}

/// Everything about a run, for failure messages: `assert!(cond, "...\n{run}")`.
impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "command: {}", self.command)?;
        writeln!(f, "in:      {}", self.cwd.display())?;
        writeln!(f, "exit:    {}", self.status)?;
        writeln!(f, "--- stdout ---")?;
        write_stream(f, &self.stdout)?;
        writeln!(f, "--- stderr ---")?;
        write_stream(f, &self.stderr)?;
        write!(f, "--- end ---")
    }
}

fn write_stream(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    if text.is_empty() {
        writeln!(f, "(empty)")
    } else if text.ends_with('\n') {
        write!(f, "{text}")
    } else {
        writeln!(f, "{text}")
    }
}

/// An argument as a POSIX shell reads it back: bare when that is unambiguous, otherwise in
/// single quotes.
fn shell_quote(arg: &str) -> String {
    let bare = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
    if bare {
        arg.to_owned()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

/// Runs `medrd-kg args...` in `cwd`.
pub fn run_in(cwd: &Path, args: &[&str]) -> Run {
    let command = std::iter::once(bin().to_string_lossy().as_ref())
        .chain(args.iter().copied())
        .map(shell_quote)
        .collect::<Vec<_>>()
        .join(" ");
    let out = Command::new(bin())
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command} in {}: {e}", cwd.display()));
    Run {
        command,
        cwd: cwd.to_path_buf(),
        status: out.status,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `medrd-kg args...` from the repository root.
pub fn run(args: &[&str]) -> Run {
    run_in(&repo(), args)
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// The Python that runs the independent readers: `$PYTHON`, else the virtual environment
/// scripts/prereqs.sh installs pyshacl, networkx and igraph into, else `python3`.
pub fn python() -> String {
    let venv = repo().join(".venv/bin/python");
    std::env::var("PYTHON").unwrap_or_else(|_| {
        if venv.exists() {
            venv.display().to_string()
        } else {
            "python3".into()
        }
    })
}

/// A fresh temporary folder under `target/` (cargo's `CARGO_TARGET_TMPDIR`), removed with
/// everything in it when the returned value is dropped, i.e. when the test ends, pass or fail.
pub fn tempdir() -> TempDir {
    let parent = Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::create_dir_all(parent).expect("CARGO_TARGET_TMPDIR can be created");
    tempfile::Builder::new()
        .prefix("medrd-kg-test-")
        .tempdir_in(parent)
        .expect("temp dir")
}

/// A store built once from the repository's data, shared by the read-only tests. Its folder
/// is removed when the test process exits.
pub fn shared_store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempdir();
        let store = dir.path().join("store");
        remove_at_exit(dir);
        run(&["build", "--store", s(&store)]).ok();
        store
    })
}

/// Keeps `dir` until the process exits, then removes it. The test harness offers no hook
/// after the last test and never drops statics, so the removal is an `atexit` handler: it
/// runs when the tests end, passed or failed. Only a killed process leaves the folder, and
/// then inside `target/`.
#[cfg(unix)]
pub fn remove_at_exit(dir: TempDir) {
    use std::sync::{Mutex, Once, PoisonError};
    static DIRS: Mutex<Vec<TempDir>> = Mutex::new(Vec::new());
    static REGISTER: Once = Once::new();
    extern "C" fn remove_dirs() {
        let dirs = std::mem::take(&mut *DIRS.lock().unwrap_or_else(PoisonError::into_inner));
        drop(dirs); // TempDir's drop removes each folder (and ignores errors: it cannot panic)
    }
    REGISTER.call_once(|| {
        // SAFETY: registers a plain function with no arguments, which only takes a mutex and
        // removes folders; it is called once, at exit, after the tests' threads are done.
        let registered = unsafe { libc::atexit(remove_dirs) } == 0;
        assert!(registered, "atexit refused the clean-up handler");
    });
    DIRS.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(dir);
}

/// Without `atexit`, the folder stays in `target/` (`cargo clean` removes it).
#[cfg(not(unix))]
pub fn remove_at_exit(dir: TempDir) {
    let _ = dir.keep();
}

/// Runs a query file (relative to the repository) on the shared store and returns its rows
/// as (column → value) maps, read from the CSV results.
pub fn query_rows(file: &str) -> Vec<BTreeMap<String, String>> {
    let out = run(&[
        "query",
        file,
        "--format",
        "csv",
        "--store",
        s(shared_store()),
    ])
    .ok();
    parse_csv(&out.stdout)
}

/// Runs a SPARQL query text on the shared store and returns its rows like [`query_rows`].
pub fn query_text(sparql: &str) -> Vec<BTreeMap<String, String>> {
    let out = run(&[
        "query",
        "--format",
        "csv",
        "--store",
        s(shared_store()),
        "-q",
        sparql,
    ])
    .ok();
    parse_csv(&out.stdout)
}

pub fn parse_csv(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("CSV header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("CSV row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

/// Copies the repository's data and ontology into a fresh temporary directory, so a test can
/// break them without touching the repository.
pub fn scratch() -> TempDir {
    let dir = tempdir();
    copy_dir(&repo().join("data"), &dir.path().join("data"));
    copy_dir(&repo().join("ontology"), &dir.path().join("ontology"));
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// Replaces the first occurrence of `from` by `to` in a file (the test fails if absent).
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(
        text.contains(from),
        "{} does not contain {from:?}",
        path.display()
    );
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

/// The 1-based line of the last occurrence of `needle` in a file.
pub fn last_line_of(path: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(path).expect("read");
    text.lines()
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| l.contains(needle))
        .map(|i| i + 1)
        .expect("needle present")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines_are_quoted_for_a_shell() {
        assert_eq!(shell_quote("--store"), "--store");
        assert_eq!(shell_quote("queries/projects.rq"), "queries/projects.rq");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("ASK { ?s ?p ?o }"), "'ASK { ?s ?p ?o }'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("名前"), "'名前'");
    }

    #[test]
    fn a_failed_run_reports_command_folder_status_and_streams() {
        let out = run(&[
            "query",
            "--query",
            "ASK { ?s ?p ?o }",
            "--store",
            "/nonexistent/store",
        ]);
        let report = std::panic::catch_unwind(move || out.ok())
            .expect_err("a failed run panics")
            .downcast::<String>()
            .expect("a formatted message");
        let bin = shell_quote(s(bin()));
        for part in [
            format!("command: {bin} query --query 'ASK {{ ?s ?p ?o }}' --store /nonexistent/store"),
            format!("in:      {}", repo().display()),
            "exit:    exit status: 1".to_owned(),
            "--- stdout ---\n(empty)".to_owned(),
            "--- stderr ---\nerror: ".to_owned(),
        ] {
            assert!(report.contains(&part), "{part:?} missing in:\n{report}");
        }
    }

    #[test]
    fn temporary_folders_are_under_target_and_removed() {
        let dir = tempdir();
        let path = dir.path().to_path_buf();
        assert!(
            path.starts_with(env!("CARGO_TARGET_TMPDIR")),
            "{}",
            path.display()
        );
        std::fs::write(path.join("file"), "x").unwrap();
        drop(dir);
        assert!(!path.exists(), "{} left behind", path.display());
    }
}
