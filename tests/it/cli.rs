//! The binary end to end: build, query formats, dumps in every format, determinism, the
//! Turtle round trip, --base, and bad input (clear error with file and line, non-zero exit,
//! the previous store left answering).

use crate::harness::*;
use crate::{diff, rdf};

#[test]
fn build_reports_triples_per_named_graph() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let out = run(&["build", "--store", s(&store)]).ok();
    for graph in [
        "graph/ontology",
        "graph/meta",
        "graph/fy2024",
        "graph/fy2026",
    ] {
        assert!(
            out.stdout
                .contains(&format!("https://w3id.org/medrd-kg/{graph}")),
            "{graph} missing in:\n{}",
            out.stdout
        );
    }
    assert!(out.stdout.contains("total"), "{}", out.stdout);
    assert!(store.is_dir());
    // No temporary folder is left next to the store.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "store")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn query_formats() {
    let store = s(shared_store());
    let q = "SELECT ?n WHERE { ?p <https://w3id.org/medrd-kg/def#projectNumber> ?n ; <https://w3id.org/medrd-kg/def#fiscalYear>/<https://w3id.org/medrd-kg/def#year> 2026 } ORDER BY ?n";
    let csv = run(&["query", "--query", q, "--format", "csv", "--store", store])
        .ok()
        .stdout;
    assert_eq!(csv.replace("\r\n", "\n"), "n\n1\n2\n3\n4\n5\n6\n7\n8\n");
    let tsv = run(&["query", "--query", q, "--format", "tsv", "--store", store])
        .ok()
        .stdout;
    assert!(tsv.starts_with("?n\n"), "{tsv}");
    let json = run(&["query", "--query", q, "--format", "json", "--store", store])
        .ok()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["results"]["bindings"].as_array().unwrap().len(), 8);
    let xml = run(&["query", "--query", q, "--format", "xml", "--store", store])
        .ok()
        .stdout;
    assert_eq!(xml.matches("<result>").count(), 8);
    let table = run(&["query", "--query", q, "--format", "table", "--store", store])
        .ok()
        .stdout;
    assert!(table.contains("(8 rows)"), "{table}");
    let ask = run(&[
        "query",
        "--query",
        "ASK { ?s ?p ?o }",
        "--format",
        "table",
        "--store",
        store,
    ])
    .ok()
    .stdout;
    assert_eq!(ask.trim(), "true");
    let construct = run(&[
        "query",
        "--query",
        "CONSTRUCT { ?p a ?t } WHERE { ?p a ?t ; <https://w3id.org/medrd-kg/def#projectNumber> 1 }",
        "--store",
        store,
    ])
    .ok()
    .stdout;
    assert!(construct.contains("mrd:IntegratedProject"), "{construct}");
}

#[test]
fn query_errors_are_clear() {
    let store = s(shared_store());
    let out = run(&["query", "--query", "SELECT WHERE {", "--store", store]);
    assert!(!out.success(), "the run must fail:\n{out}");
    assert!(out.stderr.contains("SPARQL syntax error"), "{}", out.stderr);
    let out = run(&[
        "query",
        "queries/projects.rq",
        "--store",
        "/nonexistent/store",
    ]);
    assert!(!out.success(), "the run must fail:\n{out}");
    assert!(
        out.stderr.contains("run `medrd-kg build` first"),
        "{}",
        out.stderr
    );
    let out = run(&[
        "query",
        "queries/projects.rq",
        "--format",
        "yaml",
        "--store",
        store,
    ]);
    assert!(!out.success(), "the run must fail:\n{out}");
    assert!(
        out.stderr.contains("table") && out.stderr.contains("csv"),
        "valid choices named: {}",
        out.stderr
    );
}

/// Re-parses `text` in `format` with oxigraph and returns the number of quads.
fn reparse(format: oxigraph::io::RdfFormat, text: &str) -> usize {
    let mut n = 0;
    for q in oxigraph::io::RdfParser::from_format(format).for_slice(text.as_bytes()) {
        q.unwrap_or_else(|e| panic!("{format} does not re-parse: {e}"));
        n += 1;
    }
    n
}

fn rapper() -> bool {
    std::process::Command::new("rapper")
        .arg("--version")
        .output()
        .is_ok()
}

#[test]
fn dumps_in_every_format_reparse() {
    use oxigraph::io::RdfFormat;
    let store = s(shared_store());
    let nquads = run(&["dump", "--format", "nquads", "--store", store])
        .ok()
        .stdout;
    let quads = reparse(RdfFormat::NQuads, &nquads);
    assert!(quads > 1000, "{quads} quads");
    let nt = run(&["dump", "--format", "ntriples", "--store", store])
        .ok()
        .stdout;
    let triples = reparse(RdfFormat::NTriples, &nt);
    for (name, format, expected) in [
        ("turtle", RdfFormat::Turtle, triples),
        ("trig", RdfFormat::TriG, quads),
        ("rdfxml", RdfFormat::RdfXml, triples),
        (
            "jsonld",
            RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
            quads,
        ),
    ] {
        let text = run(&["dump", "--format", name, "--store", store])
            .ok()
            .stdout;
        assert_eq!(reparse(format, &text), expected, "{name}");
    }
    // An independent parser (raptor's rapper) reads the triple formats too, when installed.
    if rapper() {
        let dir = tempdir();
        for (name, syntax, ext) in [
            ("turtle", "turtle", "ttl"),
            ("ntriples", "ntriples", "nt"),
            ("rdfxml", "rdfxml", "rdf"),
        ] {
            let file = dir.path().join(format!("dump.{ext}"));
            run(&["dump", "--format", name, "-o", s(&file), "--store", store]).ok();
            let out = std::process::Command::new("rapper")
                .args(["-i", syntax, "-c", s(&file)])
                .output()
                .unwrap();
            let msg = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success(),
                "rapper rejects the {name} dump: {msg}"
            );
            assert!(
                msg.contains(&format!("returned {triples} triples")),
                "rapper counted differently for {name}: {msg}"
            );
        }
    } else {
        eprintln!("rapper not installed: independent re-parse skipped");
    }
}

#[test]
fn dump_of_one_graph_and_unknown_graph() {
    let store = s(shared_store());
    let g = run(&[
        "dump",
        "--format",
        "ntriples",
        "--graph",
        "https://w3id.org/medrd-kg/graph/fy2024",
        "--store",
        store,
    ])
    .ok()
    .stdout;
    assert!(g.contains("<https://w3id.org/medrd-kg/project/2024/1>"));
    assert!(!g.contains("<https://w3id.org/medrd-kg/project/2026/1>"));
    let out = run(&[
        "dump",
        "--graph",
        "https://example.org/nope",
        "--store",
        store,
    ]);
    assert!(!out.success(), "the run must fail:\n{out}");
    assert!(
        out.stderr.contains("graph/fy2026"),
        "valid graphs named: {}",
        out.stderr
    );
}

#[test]
fn builds_are_deterministic_and_turtle_round_trips() {
    let dir = tempdir();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    run(&["build", "--store", s(&a)]).ok();
    run(&["build", "--store", s(&b)]).ok();
    for format in ["trig", "turtle", "nquads"] {
        let da = run(&["dump", "--format", format, "--store", s(&a)])
            .ok()
            .stdout;
        let db = run(&["dump", "--format", format, "--store", s(&b)])
            .ok()
            .stdout;
        assert!(
            da == db,
            "two builds of the same data dump differently in {format}\n{}",
            diff::unified("first build", &da, "second build", &db)
        );
    }
    // Turtle → store → Turtle gives the same bytes, and sophia finds the graphs isomorphic.
    let turtle = run(&["dump", "--format", "turtle", "--store", s(&a)])
        .ok()
        .stdout;
    // The Turtle goes into a new on-disk store written with oxigraph directly, parsed without
    // renaming blank nodes (which Store::load_from_slice would do); the binary dumps it again.
    let c = dir.path().join("c");
    {
        let quads: Vec<oxigraph::model::Quad> =
            oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
                .for_slice(turtle.as_bytes())
                .map(|q| q.unwrap())
                .collect();
        let store = oxigraph::store::Store::open(&c).unwrap();
        store.extend(quads).unwrap();
        store.flush().unwrap();
    }
    let again = run(&["dump", "--format", "turtle", "--store", s(&c)])
        .ok()
        .stdout;
    assert!(
        again == turtle,
        "Turtle round trip changed the dump\n{}",
        diff::unified(
            "dump of the build",
            &turtle,
            "dump of its Turtle reloaded",
            &again
        )
    );
    assert!(rdf::isomorphic_trig(&turtle, &again).unwrap());
}

#[test]
fn base_option_mints_every_iri_under_it() {
    let dir = tempdir();
    let store = dir.path().join("store");
    run(&[
        "build",
        "--store",
        s(&store),
        "--base",
        "https://example.org/kg/",
    ])
    .ok();
    let nq = run(&["dump", "--format", "nquads", "--store", s(&store)])
        .ok()
        .stdout;
    assert!(nq.contains("<https://example.org/kg/project/2026/1>"));
    assert!(
        !nq.contains("<https://w3id.org/medrd-kg/project"),
        "no IRI left under the default base"
    );
    let out = run(&[
        "build",
        "--store",
        s(&store),
        "--base",
        "https://example.org/kg",
    ]);
    assert!(!out.success(), "the run must fail:\n{out}");
    assert!(
        out.stderr.contains("must end with '/' or '#'"),
        "{}",
        out.stderr
    );
}

/// The number of triples the store at `store` answers with.
fn count_triples(cwd: &std::path::Path, store: &std::path::Path) -> String {
    run_in(
        cwd,
        &[
            "query",
            "--store",
            s(store),
            "-f",
            "csv",
            "-q",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        ],
    )
    .ok()
    .stdout
}

/// Builds `dir/store` from `dir/data`, breaks a data file with `edit`, rebuilds and checks the
/// error names the file and line, the exit is non-zero and the old store still answers.
fn bad_data(file: &str, from: &str, to: &str, expected_message: &str, line_needle: &str) {
    let dir = scratch();
    let data = dir.path().join("data");
    let store = dir.path().join("store");
    run_in(dir.path(), &["build", "--store", s(&store)]).ok();
    let before = count_triples(dir.path(), &store);

    let path = data.join(file);
    edit(&path, from, to);
    let line = last_line_of(&path, line_needle);
    let out = run_in(dir.path(), &["build", "--store", s(&store)]);
    assert!(!out.success(), "a bad {file} must fail the build:\n{out}");
    assert!(
        out.stderr.contains(expected_message),
        "message {expected_message:?} missing:\n{}",
        out.stderr
    );
    let rel = format!("data/{file}:");
    assert!(
        out.stderr.contains(&rel),
        "the error names {rel}:\n{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(&format!("{file}:{line}:")),
        "the error names line {line}:\n{}",
        out.stderr
    );

    let after = count_triples(dir.path(), &store);
    assert_eq!(before, after, "the previous store answers as before");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".store"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left: {leftovers:?}"
    );
}

#[test]
fn bad_data_syntax_error() {
    bad_data(
        "fy2026/projects.toml",
        "name = \"感染症プロジェクト\"",
        "name = \"感染症プロジェクト",
        "syntax error",
        "name = \"感染症プロジェクト",
    );
}

#[test]
fn bad_data_unknown_ministry_code() {
    bad_data(
        "fy2024/summary.toml",
        "ministry = \"経\"",
        "ministry = \"農\"",
        "unknown ministry code \"農\": expected one of \"ALL\"",
        "ministry = \"農\"",
    );
}

#[test]
fn bad_data_duplicate_project_number() {
    bad_data(
        "fy2026/projects.toml",
        "number = 8",
        "number = 7",
        "duplicate project number 7",
        "number = 7",
    );
}

#[test]
fn bad_data_dangling_reference() {
    bad_data(
        "documents.toml",
        "publisher = \"hq\"",
        "publisher = \"headquarters\"",
        "publisher \"headquarters\" is not a known organization id",
        "publisher = \"headquarters\"",
    );
}

#[test]
fn bad_data_phrase_absent_from_the_source() {
    bad_data(
        "fy2026/projects.toml",
        "quote = \"４．感染症プロジェクト１０８億円＜ＡＭＥＤ＞\"",
        "quote = \"４．感染症プロジェクト１８０億円＜ＡＭＥＤ＞\"",
        "does not occur in the source text",
        "１８０億円",
    );
}

#[test]
fn bad_data_negative_amount() {
    bad_data(
        "fy2024/projects.toml",
        "total_oku = \"131\"",
        "total_oku = \"-131\"",
        "is not a non-negative decimal amount",
        "-131",
    );
}

#[test]
fn validate_reports_provenance_reconciliation_and_shacl() {
    let out = run(&["validate"]);
    assert!(
        out.stdout
            .contains("every quoted phrase was found on its page"),
        "{}",
        out.stdout
    );
    // FY2024 AMED: 内10+こ7+総6+文697+厚579+経190 = 1489, exactly the stated total.
    assert!(out.stdout.contains("== Reconciliation"), "{}", out.stdout);
    assert!(out.stdout.contains("conforms"), "{}", out.stdout);
    assert!(out.success(), "validate fails:\n{out}");
}

#[test]
fn help_and_completions() {
    for cmd in ["build", "query", "dump", "validate", "completions"] {
        let out = run(&[cmd, "--help"]).ok();
        assert!(out.stdout.contains("Usage: medrd-kg"), "{cmd} --help");
    }
    let out = run(&["completions", "bash"]).ok();
    assert!(out.stdout.contains("medrd-kg"));
}

#[test]
fn bad_data_amount_not_printed_in_its_phrase() {
    // FY2026 p.1 prints "概算要求額 35億円" for 創薬基盤推進研究事業: 36 is not in the quoted phrase.
    bad_data(
        "fy2026/lines.toml",
        "amount_oku = \"35\"",
        "amount_oku = \"36\"",
        "amount_oku 36 is not printed in its phrase",
        "amount_oku = \"36\"",
    );
}

#[test]
fn build_never_replaces_a_folder_that_is_not_a_store() {
    let dir = tempdir();
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(notes.join("todo.txt"), "keep me").unwrap();
    let out = run(&["build", "--store", s(&notes)]);
    assert!(!out.success(), "the run must fail:\n{out}");
    assert!(
        out.stderr.contains("does not hold an Oxigraph store"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(notes.join("todo.txt")).unwrap(),
        "keep me"
    );
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let out = run(&["build", "--store", s(&file)]);
    assert!(!out.success(), "the run must fail:\n{out}");
    assert!(out.stderr.contains("is not a folder"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}

#[test]
fn an_interrupted_swap_is_repaired_and_stale_temporaries_removed() {
    let dir = tempdir();
    let store = dir.path().join("store");
    run(&["build", "--store", s(&store)]).ok();
    // as if a build was killed between its two renames, and another one before loading
    std::fs::rename(&store, dir.path().join(".store.old-4000000")).unwrap();
    std::fs::create_dir(dir.path().join(".store.tmp-4000001")).unwrap();
    let out = run(&[
        "query",
        "--store",
        s(&store),
        "-f",
        "csv",
        "-q",
        "SELECT (COUNT(*) AS ?n) WHERE { ?p a mrd:IntegratedProject }",
    ])
    .ok();
    assert_eq!(
        parse_csv(&out.stdout)[0]["n"],
        "14",
        "the previous store answers again (and mrd: is predeclared)"
    );
    assert!(
        !store.exists() && dir.path().join(".store.old-4000000").is_dir(),
        "opening the store to read changed nothing on disk"
    );
    run(&["build", "--store", s(&store)]).ok();
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "store")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_mismatch_fails_validate_unless_the_data_explains_it() {
    let dir = scratch();
    // Move FY2026 PJ1's 創薬基盤推進研究事業 (35) from AMED to in-house: both sums now differ by 35.
    let lines = dir.path().join("data/fy2026/lines.toml");
    let text = std::fs::read_to_string(&lines).unwrap();
    let at = text.find("programs = [\"創薬基盤推進研究事業\"]").unwrap();
    let funding = at + text[at..].find("funding = \"AMED\"").unwrap();
    let text = format!(
        "{}funding = \"inhouse\"{}",
        &text[..funding],
        &text[funding + "funding = \"AMED\"".len()..]
    );
    std::fs::write(&lines, text).unwrap();
    let out = run_in(dir.path(), &["validate"]);
    assert!(
        !out.success(),
        "an unexplained mismatch fails validate:\n{out}"
    );
    assert!(
        out.stdout.contains("MISMATCH") && out.stdout.contains("2 mismatched"),
        "{}",
        out.stdout
    );

    let explanations = dir.path().join("data/fy2026/reconciliation.toml");
    std::fs::write(
        &explanations,
        "[[explained]]\nscope = \"PJ1 医薬品プロジェクト\"\ncheck = \"sum of AMED lines = stated AMED\"\ndifference = \"-35\"\nreasoning = \"test: moved on purpose\"\n\n\
         [[explained]]\nscope = \"PJ1 医薬品プロジェクト\"\ncheck = \"sum of inhouse lines = stated inhouse\"\ndifference = \"+35\"\nreasoning = \"test: moved on purpose\"\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["validate"]);
    assert!(out.success(), "explained mismatches pass:\n{out}");
    assert!(
        out.stdout.contains("2 explained, 0 mismatched"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("explained: FY2026 PJ1 医薬品プロジェクト / sum of AMED lines = stated AMED: test: moved on purpose"), "{}", out.stdout);

    // An explanation of another difference than the current one does not apply.
    let text = std::fs::read_to_string(&explanations).unwrap().replacen(
        "difference = \"-35\"",
        "difference = \"-30\"",
        1,
    );
    std::fs::write(&explanations, text).unwrap();
    let out = run_in(dir.path(), &["validate"]);
    assert!(!out.success(), "the run must fail:\n{out}");
    assert!(
        out.stdout
            .contains("explains a difference of -30 but the check now differs by -35"),
        "{}",
        out.stdout
    );

    // An explanation of a check that does not differ is stale, and fails.
    std::fs::write(&explanations, "[[explained]]\nscope = \"PJ2 医療機器・ヘルスケアプロジェクト\"\ncheck = \"sum of AMED lines = stated AMED\"\ndifference = \"0\"\nreasoning = \"stale\"\n").unwrap();
    let out = run_in(dir.path(), &["validate"]);
    assert!(!out.success(), "the run must fail:\n{out}");
    assert!(
        out.stdout
            .contains("reconciliation.toml:1:1: explains a check that is not a mismatch"),
        "{}",
        out.stdout
    );
}

#[test]
fn bad_data_program_name_for_a_year_without_document() {
    bad_data(
        "programs.toml",
        "names = { 2024 = \"創薬基盤推進研究事業\", 2026 = \"創薬基盤推進研究事業\" }",
        "names = { 2024 = \"創薬基盤推進研究事業\", 2025 = \"創薬基盤推進研究事業\" }",
        "names key \"2025\" is not the fiscal year of a document: expected one of 2024, 2026",
        "2025 = ",
    );
}
