//! `medrd-kg gen`: synthetic data in the project's own format that passes `validate` and
//! builds, the copies equal to the documents they copy.

use std::collections::BTreeMap;

use crate::harness::{run, s, tempdir};

/// `build`'s "graph N triples" lines.
fn graph_counts(stdout: &str) -> BTreeMap<String, u64> {
    stdout
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            let (g, n) = (w.next()?, w.next()?);
            Some((g.rsplit('/').next()?.to_owned(), n.parse().ok()?))
        })
        .collect()
}

#[test]
fn generated_data_validates_and_builds_to_copies_of_the_documents() {
    let dir = tempdir();
    let out = dir.path().join("gen");
    let r = run(&["gen", "--scale", "3", "--out", s(&out)]).ok();
    assert!(r.stdout.contains("wrote 6 documents"), "{r}");
    // what it writes passes every check: records, quotes on their pages, sums, SHACL
    run(&["validate", "--data", s(&out)]).ok();
    let store = dir.path().join("store");
    let built = run(&["build", "--data", s(&out), "--store", s(&store)]).ok();
    let n = graph_counts(&built.stdout);
    // one new year after another: FY2024 → 2027, 2029; FY2026 → 2028, 2030
    for (copy, of) in [
        ("fy2027", "fy2024"),
        ("fy2029", "fy2024"),
        ("fy2028", "fy2026"),
        ("fy2030", "fy2026"),
    ] {
        assert!(n[of] > 5000, "{n:?}");
        assert_eq!(
            n.get(copy),
            n.get(of),
            "{copy} is not a copy of {of}: {n:?}"
        );
    }
    // the same output again: the generator is deterministic
    let again = dir.path().join("again");
    run(&["gen", "--scale", "3", "--out", s(&again)]).ok();
    for f in ["documents.toml", "reference.toml", "programs.toml"] {
        assert_eq!(
            std::fs::read(out.join(f)).unwrap(),
            std::fs::read(again.join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn gen_refuses_what_it_cannot_write() {
    let dir = tempdir();
    // two documents, FY2024 and FY2026: copies take 2027 to 9999, two a scale
    let r = run(&["gen", "--scale", "3988", "--out", s(&dir.path().join("x"))]);
    assert!(!r.success());
    assert!(
        r.stderr.contains("1 to 3987") && r.stderr.contains("9999"),
        "{r}"
    );
    assert!(!dir.path().join("x").exists());
    std::fs::write(dir.path().join("mine.txt"), "keep").unwrap();
    let r = run(&["gen", "--scale", "2", "--out", s(dir.path())]);
    assert!(!r.success());
    assert!(r.stderr.contains("empty"), "{r}");
    let r = run(&["gen", "--scale", "0", "--out", s(&dir.path().join("y"))]);
    assert!(!r.success());
}
