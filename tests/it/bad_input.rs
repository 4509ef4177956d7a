//! The bad-input corpus (`tests/bad-input/`): each case is a file that says how it breaks a
//! copy of the real data folder (a file's text replaced, its bytes, the whole file, or the file
//! removed). For every case, `build` over a store that already holds the real graph must:
//! fail with a non-zero exit, leave every file of that store byte for byte as it was, never
//! panic, and say what is wrong. What it says is kept in `tests/golden/bad-input.txt`, so that
//! a change of wording (or a case that starts to pass) shows in the diff; run with
//! `MEDRD_KG_BLESS=1` to write the golden file again after checking the new messages.
//!
//! A case file has `file` (relative to the data folder) and one of: `find` with `replace` (the
//! first occurrence; `repeat` × `times` then `repeat_close` × `times` and `after` appended to
//! the replacement), `find` with `replace_hex`, `content`, `content_hex`, `prepend_hex`, or
//! `delete = true`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::harness::{bin, copy_dir, repo, s, tempdir};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    file: String,
    find: Option<String>,
    replace: Option<String>,
    repeat: Option<String>,
    repeat_close: Option<String>,
    times: Option<usize>,
    after: Option<String>,
    replace_hex: Option<String>,
    content: Option<String>,
    content_hex: Option<String>,
    prepend_hex: Option<String>,
    delete: Option<bool>,
}

fn hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(|b| b.is_ascii_hexdigit()).collect();
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).expect("hex"), 16).expect("hex"))
        .collect()
}

fn apply(case: &Case, data: &Path, name: &str) {
    let path = data.join(&case.file);
    if case.delete == Some(true) {
        std::fs::remove_file(&path).expect("remove");
        return;
    }
    let old = std::fs::read(&path).unwrap_or_default();
    let new: Vec<u8> = if let Some(c) = &case.content {
        c.clone().into_bytes()
    } else if let Some(c) = &case.content_hex {
        hex(c)
    } else if let Some(p) = &case.prepend_hex {
        [hex(p), old].concat()
    } else {
        let find = case.find.as_deref().expect("find");
        let text = String::from_utf8(old).expect("the data is UTF-8");
        let at = text
            .find(find)
            .unwrap_or_else(|| panic!("{name}: {} does not contain {find:?}", case.file));
        let replacement: Vec<u8> = if let Some(h) = &case.replace_hex {
            hex(h)
        } else {
            let mut r = case.replace.clone().expect("replace");
            let times = case.times.unwrap_or(0);
            if let Some(x) = &case.repeat {
                r.push_str(&x.repeat(times));
            }
            if let Some(x) = &case.repeat_close {
                r.push_str(&x.repeat(times));
            }
            r.push_str(case.after.as_deref().unwrap_or(""));
            r.into_bytes()
        };
        [
            text.as_bytes()[..at].to_vec(),
            replacement,
            text.as_bytes()[at + find.len()..].to_vec(),
        ]
        .concat()
    };
    std::fs::write(&path, new).expect("write");
}

/// Every file under `dir`, by relative path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("under").to_path_buf();
                out.insert(rel, std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

#[test]
fn every_bad_input_fails_clearly_and_leaves_the_store_as_it_was() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let built = std::process::Command::new(bin())
        .args(["build", "--store", s(&store)])
        .current_dir(repo())
        .output()
        .expect("build runs");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    assert!(snapshot(&store).len() > 3, "the store has files");

    let mut cases: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/bad-input"))
        .expect("tests/bad-input")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 50, "the corpus has {} cases", cases.len());
    let mut golden = String::new();
    let mut failures = Vec::new();
    for path in &cases {
        let name = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(path).expect("case");
        let case: Case = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        // the store as this case finds it (a case that wrongly succeeds replaces it)
        let before = snapshot(&store);
        let data = dir.path().join(format!("data-{name}"));
        copy_dir(&repo().join("data"), &data);
        apply(&case, &data, &name);
        let out = std::process::Command::new(bin())
            .args(["build", "--data", s(&data), "--store", s(&store)])
            .current_dir(repo())
            .output()
            .expect("build runs");
        let stderr = String::from_utf8_lossy(&out.stderr)
            .replace(s(&data), "<data>")
            .replace(s(&store), "<store>");
        let mut wrong = Vec::new();
        if out.status.code() != Some(1) {
            wrong.push(format!("exit status {:?}, not 1", out.status.code()));
        }
        if stderr.contains("panicked") {
            wrong.push("it panicked".to_owned());
        }
        if !(stderr.contains(&case.file) || stderr.contains("<data>")) {
            wrong.push(format!("the error does not name {}", case.file));
        }
        if snapshot(&store) != before {
            wrong.push("the store changed".to_owned());
        }
        if !wrong.is_empty() {
            failures.push(format!("{name}: {}\n{stderr}", wrong.join("; ")));
        }
        // a message is kept to its first lines: a million-character value is not
        let first: Vec<String> = stderr
            .lines()
            .take(6)
            .map(|l| l.chars().take(300).collect())
            .collect();
        golden.push_str(&format!("== {name}\n{}\n", first.join("\n")));
        std::fs::remove_dir_all(&data).ok();
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    let golden_path = repo().join("tests/golden/bad-input.txt");
    if std::env::var_os("MEDRD_KG_BLESS").is_some() {
        std::fs::write(&golden_path, &golden).expect("write the golden file");
    }
    let expected = std::fs::read_to_string(&golden_path).unwrap_or_default();
    if expected != golden {
        let diff =
            crate::diff::unified("tests/golden/bad-input.txt", &expected, "this run", &golden);
        panic!("the messages changed (MEDRD_KG_BLESS=1 writes them after a check):\n{diff}");
    }
}
