//! Golden files for the serializers: a small subset of the real data (tests/fixtures/mini)
//! dumped in Turtle and N-Quads must match tests/golden/ byte for byte. After a deliberate
//! change of the output, review the diff and regenerate with UPDATE_GOLDEN=1.

use crate::diff;
use crate::harness::*;

fn check(format: &str, golden: &str) {
    let dir = tempdir();
    let store = dir.path().join("store");
    run(&[
        "build",
        "--data",
        "tests/fixtures/mini",
        "--ontology",
        "tests/fixtures/mini-ontology",
        "--store",
        s(&store),
    ])
    .ok();
    let out = run(&["dump", "--format", format, "--store", s(&store)])
        .ok()
        .stdout;
    let path = repo().join("tests/golden").join(golden);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        out == expected,
        "the {format} dump differs from {}; review and regenerate with UPDATE_GOLDEN=1\n{}",
        path.display(),
        diff::unified(
            &format!("expected: {}", path.display()),
            &expected,
            &format!("actual: medrd-kg dump --format {format}"),
            &out
        )
    );
}

#[test]
fn turtle_dump_matches_golden() {
    check("turtle", "mini.ttl");
}

#[test]
fn nquads_dump_matches_golden() {
    check("nquads", "mini.nq");
}
