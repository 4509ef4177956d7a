//! The graph as independent tools see it: the W3C RDF Data Cube integrity constraints, a
//! second SHACL engine (pyshacl), labels in both languages on every resource, and the
//! standard unit, currency and code lists it claims.

use std::sync::OnceLock;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::harness::*;

const DATACUBE: &str = "tests/datacube";

/// The whole graph (every named graph merged into the default graph), as the Data Cube
/// normalization and the integrity constraints expect it.
fn merged_graph() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let nt = run(&["dump", "--format", "ntriples", "--store", s(shared_store())])
            .ok()
            .stdout;
        let store = Store::new().expect("in-memory store");
        for t in RdfParser::from_format(RdfFormat::NTriples).for_slice(nt.as_bytes()) {
            let t = t.expect("the dump re-parses");
            store
                .insert(&Quad::new(
                    t.subject,
                    t.predicate,
                    t.object,
                    GraphName::DefaultGraph,
                ))
                .expect("insert");
        }
        store
    })
}

fn read(name: &str) -> String {
    std::fs::read_to_string(repo().join(DATACUBE).join(name))
        .unwrap_or_else(|e| panic!("{DATACUBE}/{name}: {e}"))
}

fn ask(store: &Store, query: &str, name: &str) -> bool {
    let q = SparqlEvaluator::new()
        .parse_query(query)
        .unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
    match q.on_store(store).execute() {
        Ok(QueryResults::Boolean(b)) => b,
        Ok(_) => panic!("{name} is not an ASK query"),
        Err(e) => panic!("{name} failed: {e}"),
    }
}

/// The rows of a SELECT, each a list of "var=value".
fn select(store: &Store, query: &str, name: &str) -> Vec<String> {
    let q = SparqlEvaluator::new()
        .parse_query(query)
        .unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
    let Ok(QueryResults::Solutions(rows)) = q.on_store(store).execute() else {
        panic!("{name} is not a SELECT query");
    };
    rows.map(|r| {
        let r = r.expect("a solution");
        r.iter()
            .map(|(v, t)| format!("{}={t}", v.as_str()))
            .collect::<Vec<_>>()
            .join(" ")
    })
    .collect()
}

/// IC-1 … IC-21 of the Recommendation, after its normalization algorithm, over the built
/// graph: none finds an offending resource. (IC-17 runs in the form Oxigraph can evaluate,
/// `ic-17.oxigraph.rq`; IC-20 and IC-21 are instantiated for every hierarchical code list,
/// as the Recommendation says; see tests/datacube/README.md.)
/// A copy of the merged graph, normalized as the Recommendation's section 10.2 says.
fn normalized() -> Store {
    let store = Store::new().expect("store");
    for q in merged_graph().iter() {
        store.insert(&q.expect("quad")).expect("insert");
    }
    for phase in ["normalize-phase1.ru", "normalize-phase2.ru"] {
        SparqlEvaluator::new()
            .parse_update(&read(phase))
            .unwrap_or_else(|e| panic!("{phase}: {e}"))
            .on_store(&store)
            .execute()
            .unwrap_or_else(|e| panic!("{phase}: {e}"));
    }
    store
}

#[test]
fn the_data_cube_integrity_constraints_hold() {
    let store = normalized();
    let mut failures = Vec::new();
    let mut checked = 0;
    for n in 1..=21 {
        let mut files = vec![match n {
            17 => "ic-17.oxigraph.rq".to_owned(),
            _ => format!("ic-{n:02}.rq"),
        }];
        if n == 19 {
            files.push("ic-19b.rq".to_owned());
        }
        for file in files {
            let text = read(&file);
            let queries: Vec<String> = if n == 20 || n == 21 {
                // one query per parent-child property of a hierarchical code list
                let params = select(&store, &read(&format!("ic-{n}.params.rq")), "params");
                params
                    .iter()
                    .map(|p| {
                        let iri = p.trim_start_matches("p=<").trim_end_matches('>');
                        text.replace("$p", iri)
                    })
                    .collect()
            } else {
                vec![text]
            };
            for q in queries {
                checked += 1;
                if ask(&store, &q, &file) {
                    let select_file = file.replace(".oxigraph", "").replace(".rq", ".select.rq");
                    let offending = select(&store, &read(&select_file), &select_file);
                    failures.push(format!(
                        "IC-{n} ({file}): {:?}",
                        &offending[..offending.len().min(10)]
                    ));
                }
            }
        }
    }
    // IC-1 … IC-19 and IC-19's second query; IC-20 and IC-21 run once per hierarchical
    // code list, and the graph has none
    assert!(checked >= 20, "only {checked} constraints ran");
    assert!(
        failures.is_empty(),
        "Data Cube constraints violated:\n{}",
        failures.join("\n")
    );
}

/// An IC that cannot fail would prove nothing: each catches what it is about.
#[test]
fn the_integrity_constraints_catch_a_broken_cube() {
    let store = normalized();
    // an observation without its measure (IC-14) and a dimension without a range (IC-4)
    SparqlEvaluator::new()
        .parse_update(
            "PREFIX mrd: <https://w3id.org/medrd-kg/def#>
             PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
             DELETE WHERE { <https://w3id.org/medrd-kg/figure/2026/project/1/amed> mrd:amount ?a } ;
             DELETE WHERE { mrd:subject rdfs:range ?r }",
        )
        .expect("update parses")
        .on_store(&store)
        .execute()
        .expect("update runs");
    assert!(ask(&store, &read("ic-14.rq"), "ic-14.rq"));
    assert!(ask(&store, &read("ic-04.rq"), "ic-04.rq"));
}

/// pyshacl, a second SHACL engine, agrees with the built-in one on the built graph: both
/// conform, with no result.
#[test]
fn a_second_shacl_engine_agrees() {
    let python = python();
    let dir = tempdir();
    let nq = dir.path().join("graph.nq");
    run(&[
        "dump",
        "--format",
        "nquads",
        "--store",
        s(shared_store()),
        "-o",
        s(&nq),
    ])
    .ok();
    let out = std::process::Command::new(&python)
        .arg(repo().join(DATACUBE).join("run_pyshacl.py"))
        .arg(&nq)
        .arg(repo().join("ontology/shapes.ttl"))
        .arg("https://w3id.org/medrd-kg/graph/ontology")
        .output()
        .unwrap_or_else(|e| {
            panic!("{python} cannot run ({e}): scripts/prereqs.sh installs pyshacl")
        });
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("No module named"),
        "pyshacl is missing (scripts/prereqs.sh installs it): {stderr}"
    );
    assert!(
        stdout.contains("conforms: True"),
        "pyshacl:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("results: 0"), "pyshacl:\n{stdout}");
    let ours = run(&["validate", "--store", s(shared_store())]).ok();
    assert!(
        ours.stdout.contains(": 0 violation(s), 0 warning(s)") && ours.stdout.contains("conforms:"),
        "{ours}"
    );
}

/// Every resource under the base (every IRI that a triple is about or points to) has a
/// label in Japanese and one in English (rdfs:label or skos:prefLabel).
#[test]
fn every_resource_has_labels_in_japanese_and_english() {
    let store = merged_graph();
    let q = r#"
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?r WHERE {
          { ?r ?p ?o } UNION { ?s ?p ?r }
          FILTER(isIRI(?r) && STRSTARTS(STR(?r), "https://w3id.org/medrd-kg/"))
          FILTER NOT EXISTS { ?r rdfs:label|skos:prefLabel ?ja . FILTER(LANG(?ja) = "ja") }
        } ORDER BY ?r"#;
    let no_ja = select(store, q, "labels ja");
    let no_en = select(store, &q.replace("\"ja\")", "\"en\")"), "labels en");
    assert!(
        no_ja.is_empty(),
        "{} without a Japanese label, e.g. {:?}",
        no_ja.len(),
        &no_ja[..no_ja.len().min(10)]
    );
    assert!(
        no_en.is_empty(),
        "{} without an English label, e.g. {:?}",
        no_en.len(),
        &no_en[..no_en.len().min(10)]
    );
    // and the check sees the resources: observations, bullets, entries, links...
    let n = select(
        store,
        "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r ?p ?o FILTER(STRSTARTS(STR(?r), \"https://w3id.org/medrd-kg/\")) }",
        "count",
    );
    let count: usize = n[0]
        .trim_start_matches("n=\"")
        .split('"')
        .next()
        .and_then(|c| c.parse().ok())
        .expect("a count");
    assert!(count > 1000, "{count} resources");
}

/// The measure's unit is the currency the EU Publications Office's authority table names
/// JPY (as OpenBudgets.eu does), on every observation; 億円 is only the unit of the amount
/// as printed; every code list of the structure is a SKOS concept scheme whose codes are
/// the values the observations use.
#[test]
fn units_currency_and_code_lists_are_the_standard_ones() {
    let store = merged_graph();
    let prefixes = "PREFIX qb: <http://purl.org/linked-data/cube#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX mrd: <https://w3id.org/medrd-kg/def#>\n";
    let units = select(
        store,
        &format!("{prefixes} SELECT DISTINCT ?u WHERE {{ ?o a qb:Observation ; sdmx-attribute:unitMeasure ?u }}"),
        "units",
    );
    assert_eq!(
        units,
        vec!["u=<http://publications.europa.eu/resource/authority/currency/JPY>"]
    );
    let without = select(
        store,
        &format!("{prefixes} SELECT ?o WHERE {{ ?o a qb:Observation FILTER NOT EXISTS {{ ?o sdmx-attribute:unitMeasure ?u }} }}"),
        "without unit",
    );
    assert!(
        without.is_empty(),
        "observations without a unit: {without:?}"
    );
    let not_unit = select(
        store,
        &format!(
            "{prefixes} SELECT ?p WHERE {{ ?p rdfs:subPropertyOf sdmx-attribute:unitMeasure }}"
        ),
        "sub-properties of unitMeasure",
    );
    assert!(
        not_unit.is_empty(),
        "億円 is not the measure's unit: {not_unit:?}"
    );
    // every dimension with a code list: the list is a concept scheme holding every value
    let lists = select(
        store,
        &format!("{prefixes} SELECT ?dim ?list WHERE {{ ?dim a qb:DimensionProperty ; qb:codeList ?list }} ORDER BY ?dim"),
        "code lists",
    );
    assert!(lists.len() >= 3, "{lists:?}");
    let bad = select(
        store,
        &format!(
            "{prefixes} SELECT DISTINCT ?dim ?list WHERE {{ ?dim a qb:DimensionProperty ; qb:codeList ?list .
               FILTER NOT EXISTS {{ ?list a skos:ConceptScheme }} }}"
        ),
        "schemes",
    );
    assert!(
        bad.is_empty(),
        "code lists that are not concept schemes: {bad:?}"
    );
    let outside = select(
        store,
        &format!(
            "{prefixes} SELECT DISTINCT ?dim ?v WHERE {{ ?o a qb:Observation ; ?dim ?v . ?dim qb:codeList ?list .
               FILTER NOT EXISTS {{ ?v skos:inScheme ?list }} }}"
        ),
        "values",
    );
    assert!(
        outside.is_empty(),
        "dimension values outside their code list: {outside:?}"
    );
    // the structure describes what the observations carry: the unit is one of its attributes,
    // and every property an observation has is a component (labels and the links to the data
    // set and its type aside)
    let unit_declared = select(
        store,
        &format!("{prefixes} SELECT ?c WHERE {{ mrd:budgetStructure qb:component ?c . ?c qb:attribute sdmx-attribute:unitMeasure }}"),
        "unit component",
    );
    assert_eq!(
        unit_declared.len(),
        1,
        "sdmx-attribute:unitMeasure is an attribute of the structure"
    );
    let undeclared = select(
        store,
        &format!(
            "{prefixes} SELECT DISTINCT ?p WHERE {{ ?o a qb:Observation ; ?p ?v .
               FILTER(?p NOT IN (<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>, qb:dataSet, rdfs:label))
               FILTER NOT EXISTS {{ mrd:budgetStructure qb:component ?c . ?c qb:dimension|qb:measure|qb:attribute ?p }} }}"
        ),
        "undeclared",
    );
    assert!(
        undeclared.is_empty(),
        "properties of observations the structure does not declare: {undeclared:?}"
    );
}

/// An observation's labels name its own fiscal year, in both languages.
#[test]
fn observation_labels_name_their_fiscal_year() {
    let wrong = select(
        merged_graph(),
        r#"PREFIX qb: <http://purl.org/linked-data/cube#>
           PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
           PREFIX mrd: <https://w3id.org/medrd-kg/def#>
           SELECT ?o WHERE {
             ?o a qb:Observation ; mrd:fiscalYear/mrd:year ?y ; rdfs:label ?ja , ?en .
             FILTER(LANG(?ja) = "ja" && LANG(?en) = "en")
             FILTER(!STRSTARTS(?en, CONCAT("FY", STR(?y), " "))
                    || !STRSTARTS(?ja, CONCAT("令和", STR(?y - 2018), "年度 ")))
           }"#,
        "years in labels",
    );
    assert!(wrong.is_empty(), "labels that name another year: {wrong:?}");
}

/// The README's tour shows what `build` prints: the same triple counts per graph.
#[test]
fn the_readme_tour_shows_the_real_build_output() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    let dir = tempdir();
    let out = run(&["build", "--store", s(&dir.path().join("store"))]).ok();
    let counts = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| {
                l.trim_start()
                    .starts_with("https://w3id.org/medrd-kg/graph/")
                    || l.trim_start().starts_with("total ")
            })
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let printed = counts(&out.stdout);
    assert!(printed.len() >= 5, "{out}");
    let tour = counts(&readme);
    assert_eq!(
        tour, printed,
        "README.md's tour is out of date: run `medrd-kg build` and copy its output"
    );
}
