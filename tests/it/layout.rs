//! What the library's shape guarantees at the command line: every `mrd:` term the graph uses
//! is declared and labelled, output into a closed pipe ends quietly, and errors print their
//! whole chain of causes once.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::harness::*;

/// Every term of the ontology's namespace that the data graphs use (as a predicate, a type
/// or another object) is declared in the ontology graph with a label in Japanese and one in
/// English (`rdfs:label` for classes and properties, `skos:prefLabel` for concepts).
#[test]
fn every_mrd_term_the_mapping_writes_is_declared_with_ja_and_en_labels() {
    let q = r#"
        SELECT DISTINCT ?term WHERE {
          GRAPH ?g { ?s ?p ?o }
          FILTER(?g != <https://w3id.org/medrd-kg/graph/ontology>)
          VALUES ?which { 1 2 }
          BIND(IF(?which = 1, ?p, ?o) AS ?term)
          FILTER(isIRI(?term) && STRSTARTS(STR(?term), STR(mrd:)) && STR(?term) != STR(mrd:))
          FILTER NOT EXISTS {
            GRAPH <https://w3id.org/medrd-kg/graph/ontology> {
              ?term rdfs:label|skos:prefLabel ?ja . FILTER(LANG(?ja) = "ja")
              ?term rdfs:label|skos:prefLabel ?en . FILTER(LANG(?en) = "en")
            }
          }
        } ORDER BY ?term"#;
    let rows = query_text(q);
    assert!(
        rows.is_empty(),
        "used but not declared with ja and en labels: {rows:?}"
    );
    // and the query does see the terms: the data graphs use dozens of them
    let used = query_text(
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?p), STR(mrd:))) }",
    );
    let n: usize = used[0]["n"].parse().unwrap();
    assert!(n > 50, "only {n} mrd: predicates used");
}

/// `medrd-kg dump | head` ends quietly: no panic, no error message, exit 0.
#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let mut child = Command::new(bin())
        .args(["dump", "--format", "ntriples", "--store", s(shared_store())])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit {status:?}, stderr: {stderr}");
    assert_eq!(stderr, "", "nothing is printed on a broken pipe");
}

/// A data error reaches the user once, with its position, and with the cause chain of
/// lower-level errors below it.
#[test]
fn errors_print_their_causes_once() {
    let dir = tempdir();
    let out = run(&[
        "build",
        "--data",
        s(&dir.path().join("absent")),
        "--store",
        s(&dir.path().join("store")),
    ]);
    assert!(!out.success(), "{out}");
    assert!(out.stderr.contains("error: build of"), "{out}");
    assert!(out.stderr.contains("caused by: cannot read"), "{out}");
    assert!(
        out.stderr.contains("caused by: No such file or directory"),
        "the io error is kept as a cause: {out}"
    );
    assert_eq!(out.stderr.matches("cannot read").count(), 1, "{out}");
}

/// With a problem in the data, `validate` says which parts it skipped rather than printing
/// counts of nothing.
#[test]
fn validate_skips_what_a_data_problem_makes_meaningless() {
    let dir = scratch();
    edit(
        &dir.path().join("data/fy2026/lines.toml"),
        "certainty = \"certain\"",
        "certainty = \"sure\"",
    );
    let out = run_in(dir.path(), &["validate"]);
    assert!(!out.success(), "{out}");
    assert!(out.stdout.contains("unknown certainty \"sure\""), "{out}");
    assert_eq!(
        out.stdout
            .matches("skipped: fix the problems above first")
            .count(),
        3,
        "{out}"
    );
    assert!(
        !out.stdout.contains("uncertain figure(s)"),
        "no count of figures not read: {out}"
    );
}

/// A year the graph cannot name is a clear error, not a crash.
#[test]
fn years_outside_the_era_are_refused() {
    let dir = scratch();
    edit(
        &dir.path().join("data/reference.toml"),
        "\nyear = 2024\n",
        "\nyear = -2147483648\n",
    );
    let out = run_in(dir.path(), &["build", "--store", "s"]);
    assert_eq!(out.status.code(), Some(1), "{out}");
    assert!(
        out.stderr
            .contains("fiscal year -2147483648 is outside 2019..=9999"),
        "{out}"
    );
    assert!(!out.stderr.contains("panicked"), "{out}");
}

/// `dump -o` writes a file with the permissions of any new file (0666 less the umask), not
/// the private ones of a temporary file.
#[cfg(unix)]
#[test]
fn dump_to_a_file_gets_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let reference = dir.path().join("reference");
    std::fs::write(&reference, "").unwrap();
    let dump = dir.path().join("graph.ttl");
    run(&["dump", "--store", s(shared_store()), "-o", s(&dump)]).ok();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(&dump),
        mode(&reference),
        "as a file the test creates itself"
    );
}
