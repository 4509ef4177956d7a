//! `medrd-kg viz` and `medrd-kg ontology`: every export opened by the reader its users use
//! (networkx and igraph for GraphML, networkx for GEXF 1.3, Graphviz for DOT, the shape
//! Cytoscape.js and Cytoscape Desktop document for JSON, rsvg for SVG, the OWL API for the
//! ontology), counts checked against the view's own query run through `medrd-kg query`, and
//! figures against the source documents.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::harness::{python, query_rows, repo, run, s, shared_store, tempdir};

const VIEWS: [&str; 5] = [
    "structure",
    "cross-project",
    "lineage",
    "ministry",
    "ontology",
];
const FORMATS: [&str; 6] = ["graphml", "gexf", "cytoscape", "cyjs", "dot", "svg"];
const PJ1_2026: &str = "https://w3id.org/medrd-kg/project/2026/1";

/// `medrd-kg viz ARGS -o FILE` on the shared store; the file's text.
fn viz(dir: &Path, name: &str, args: &[&str]) -> String {
    let out = dir.join(name);
    let mut all = vec!["viz", "--store", s(shared_store()), "-o", s(&out)];
    all.extend_from_slice(args);
    run(&all).ok();
    std::fs::read_to_string(&out).expect("viz wrote its file")
}

/// What a Python reader (tests/viz/read_graph.py) sees in `file`.
fn read_with(kind: &str, file: &Path) -> Value {
    let out = Command::new(python())
        .arg(repo().join("tests/viz/read_graph.py"))
        .arg(kind)
        .arg(file)
        .output()
        .expect("python runs (scripts/prereqs.sh installs networkx and igraph into .venv)");
    assert!(
        out.status.success(),
        "read_graph.py {kind} {} failed:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("read_graph.py prints JSON")
}

/// The edges a view's query gives, as `medrd-kg query` prints them (TSV, where IRIs and
/// literals differ): (source, target, predicate, kind), literals as `text:` nodes like the
/// exports name them.
fn query_edges(view_file: &str) -> BTreeSet<(String, String, String, String)> {
    let out = run(&[
        "query",
        view_file,
        "--format",
        "tsv",
        "--store",
        s(shared_store()),
    ])
    .ok();
    let mut lines = out.stdout.lines();
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let node = |v: &str| match v.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        Some(iri) => iri.to_owned(),
        None => format!(
            "text:{}",
            v.trim_start_matches('"')
                .split('"')
                .next()
                .unwrap_or_default()
        ),
    };
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let get = |c: Option<usize>| {
                c.and_then(|i| cells.get(i))
                    .copied()
                    .unwrap_or_default()
                    .to_owned()
            };
            (
                node(&get(col("?source"))),
                node(&get(col("?target"))),
                get(col("?predicate")),
                get(col("?edgeKind")),
            )
        })
        .collect()
}

#[test]
fn every_view_in_every_format_is_written() {
    let dir = tempdir();
    for view in VIEWS {
        for format in FORMATS {
            let text = viz(
                dir.path(),
                &format!("{view}.{format}"),
                &["--view", view, "--format", format],
            );
            assert!(
                text.len() > 500,
                "{view} as {format} is nearly empty:\n{text}"
            );
        }
    }
    // the same store gives the same bytes
    let a = viz(dir.path(), "a.svg", &["--view", "lineage"]);
    let b = viz(dir.path(), "b.svg", &["--view", "lineage"]);
    assert_eq!(a, b, "two SVGs of one view differ");
    let a = viz(dir.path(), "a.gexf", &["--view", "structure", "-f", "gexf"]);
    let b = viz(dir.path(), "b.gexf", &["--view", "structure", "-f", "gexf"]);
    assert_eq!(a, b, "two GEXF files of one view differ");
}

/// GraphML read by networkx and igraph: as many nodes and edges as the view's query gives,
/// labels, types and the amounts the documents print.
#[test]
fn graphml_opens_in_networkx_and_igraph_with_counts_labels_and_amounts() {
    let dir = tempdir();
    for (view, file) in [
        ("lineage", "queries/viz/lineage.rq"),
        ("structure", "queries/viz/structure.rq"),
    ] {
        viz(
            dir.path(),
            &format!("{view}.graphml"),
            &["--view", view, "-f", "graphml"],
        );
        let g = read_with("graphml", &dir.path().join(format!("{view}.graphml")));
        let edges = query_edges(file);
        let nodes: BTreeSet<&String> = edges.iter().flat_map(|e| [&e.0, &e.1]).collect();
        assert_eq!(
            g["nodes"].as_object().map(|m| m.len()),
            Some(nodes.len()),
            "{view}: nodes"
        );
        assert_eq!(
            g["edges"].as_array().map(|a| a.len()),
            Some(edges.len()),
            "{view}: edges"
        );
        assert_eq!(
            g["igraph"]["vcount"].as_u64(),
            Some(nodes.len() as u64),
            "{view}: igraph nodes"
        );
        assert_eq!(
            g["igraph"]["ecount"].as_u64(),
            Some(edges.len() as u64),
            "{view}: igraph edges"
        );
        assert_eq!(g["directed"], Value::Bool(true));
    }
    let g = read_with("graphml", &dir.path().join("structure.graphml"));
    let pj1 = &g["nodes"][PJ1_2026];
    // FY2026 document, summary: １．医薬品プロジェクト４０２億円
    assert_eq!(pj1["label"], "医薬品プロジェクト（令和8年度）");
    assert_eq!(pj1["type"], "project");
    assert_eq!(pj1["amount_fy2026_oku"].as_f64(), Some(402.0));
    assert_eq!(pj1["amount_fy2026_certain"], Value::Bool(true));
    assert_eq!(pj1["iri"], PJ1_2026);
    assert_eq!(
        g["igraph"]["labels"][PJ1_2026],
        "医薬品プロジェクト（令和8年度）"
    );
    // FY2026 page 1: 次世代がん医療加速化研究事業 39億円, placed by page order (inferred; 42 the alternative)
    let gan = &g["nodes"]["https://w3id.org/medrd-kg/program/jisedai-gan-iryo-kasokuka/2026"];
    assert_eq!(gan["amount_fy2026_oku"].as_f64(), Some(39.0), "{gan}");
    assert_eq!(gan["amount_fy2026_certain"], Value::Bool(false));
    // FY2026 page 1: 産学共同研究（GAPFREE）概算要求額35億円, printed beside the name
    let sobo = &g["nodes"]["https://w3id.org/medrd-kg/program/souyaku-kiban-suishin/2026"];
    assert_eq!(sobo["amount_fy2026_oku"].as_f64(), Some(35.0), "{sobo}");
    assert_eq!(sobo["amount_fy2026_certain"], Value::Bool(true));
    let mhlw = &g["nodes"]["https://w3id.org/medrd-kg/org/mhlw"];
    assert_eq!(mhlw["type"], "ministry");
    assert_eq!(mhlw["label"], "厚生労働省");
    // the yEd graphics networkx reads: a shape and a position for every node
    assert!(g["nodes"]
        .as_object()
        .unwrap()
        .values()
        .all(|n| n.get("shape_type").is_some() && n.get("x").is_some()));
}

/// GEXF 1.3 read by networkx: counts, attributes, and fiscal years as spells (one per year,
/// none duplicated, none empty), none on nodes of every year.
#[test]
fn gexf_opens_in_networkx_with_spells_for_the_fiscal_years() {
    let dir = tempdir();
    viz(dir.path(), "s.gexf", &["--view", "structure", "-f", "gexf"]);
    let g = read_with("gexf", &dir.path().join("s.gexf"));
    let edges = query_edges("queries/viz/structure.rq");
    let nodes: BTreeSet<&String> = edges.iter().flat_map(|e| [&e.0, &e.1]).collect();
    assert_eq!(g["nodes"].as_object().map(|m| m.len()), Some(nodes.len()));
    assert_eq!(g["edges"].as_array().map(|a| a.len()), Some(edges.len()));
    assert_eq!(g["mode"], "dynamic");
    for (id, n) in g["nodes"].as_object().unwrap() {
        if let Some(spells) = n.get("spells").and_then(Value::as_array) {
            let pairs: Vec<(i64, i64)> = spells
                .iter()
                .map(|p| (p[0].as_i64().unwrap(), p[1].as_i64().unwrap()))
                .collect();
            assert!(!pairs.is_empty(), "{id}: empty spells");
            assert!(
                pairs.iter().all(|(a, b)| a < b),
                "{id}: an empty spell {pairs:?}"
            );
            let set: BTreeSet<_> = pairs.iter().collect();
            assert_eq!(set.len(), pairs.len(), "{id}: duplicate spells {pairs:?}");
        }
    }
    let pj1 = &g["nodes"][PJ1_2026];
    assert_eq!(pj1["label"], "医薬品プロジェクト（令和8年度）");
    assert_eq!(pj1["spells"], serde_json::json!([[2026, 2027]]));
    assert_eq!(pj1["amount_fy2026_oku"].as_f64(), Some(402.0));
    assert!(
        pj1["viz"]["color"].is_object()
            && pj1["viz"]["size"].is_number()
            && pj1["viz"]["position"].is_object()
    );
    // FY2024 document, summary: １．医薬品プロジェクト...
    assert_eq!(
        g["nodes"]["https://w3id.org/medrd-kg/project/2024/1"]["spells"],
        serde_json::json!([[2024, 2025]])
    );
    assert!(g["nodes"]["https://w3id.org/medrd-kg/org/mhlw"]
        .get("spells")
        .is_none());
    let e = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e[0] == PJ1_2026)
        .expect("an edge from PJ1");
    assert!(
        e[2]["kind"].is_string() && e[2]["predicate"].is_string() && e[2]["label"].is_string(),
        "{e}"
    );
}

/// Cytoscape.js elements and Cytoscape Desktop's .cyjs, against the shapes their
/// documentation gives: ids are unique strings, edges name existing nodes, Desktop's file has
/// `elements.nodes` and `elements.edges` (it opens a flat array as an empty network) and
/// `data.name` labels.
#[test]
fn cytoscape_json_has_the_documented_shapes() {
    let dir = tempdir();
    let edges = query_edges("queries/viz/lineage.rq");
    let nodes: BTreeSet<&String> = edges.iter().flat_map(|e| [&e.0, &e.1]).collect();
    let js: Value = serde_json::from_str(&viz(
        dir.path(),
        "l.json",
        &["--view", "lineage", "-f", "cytoscape"],
    ))
    .unwrap();
    let els = js.as_array().expect("Cytoscape.js elements: an array");
    let mut ids = BTreeSet::new();
    let mut node_ids = BTreeSet::new();
    for el in els {
        let id = el["data"]["id"].as_str().expect("data.id is a string");
        assert!(ids.insert(id.to_owned()), "duplicate id {id}");
        match el["group"].as_str() {
            Some("nodes") => {
                node_ids.insert(id.to_owned());
                assert!(el["position"]["x"].is_number() && el["position"]["y"].is_number());
                assert!(el["data"]["label"].is_string());
            }
            Some("edges") => {}
            other => panic!("group {other:?}"),
        }
    }
    assert_eq!(node_ids.len(), nodes.len());
    assert_eq!(els.len() - node_ids.len(), edges.len());
    for el in els.iter().filter(|e| e["group"] == "edges") {
        for end in ["source", "target"] {
            let v = el["data"][end].as_str().expect("edge end is a string");
            assert!(node_ids.contains(v), "edge {end} {v} is no node");
        }
    }
    let cy: Value = serde_json::from_str(&viz(
        dir.path(),
        "l.cyjs",
        &["--view", "lineage", "-f", "cyjs"],
    ))
    .unwrap();
    let n = cy["elements"]["nodes"].as_array().expect("elements.nodes");
    let e = cy["elements"]["edges"].as_array().expect("elements.edges");
    assert_eq!((n.len(), e.len()), (nodes.len(), edges.len()));
    assert!(n.iter().all(|x| x["data"]["id"].is_string()
        && x["data"]["name"].is_string()
        && x["position"].is_object()));
    let desktop_ids: BTreeSet<&str> = n.iter().filter_map(|x| x["data"]["id"].as_str()).collect();
    assert!(e.iter().all(
        |x| desktop_ids.contains(x["data"]["source"].as_str().unwrap_or("-"))
            && desktop_ids.contains(x["data"]["target"].as_str().unwrap_or("-"))
            && x["data"]["interaction"].is_string()
    ));
    assert!(cy["data"]["name"].is_string());
}

/// Text elements of an SVG, joined per `<text>` (tspans with a newline).
fn svg_texts(svg: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(svg);
    let mut out = Vec::new();
    let (mut depth, mut cur, mut in_title) = (0, String::new(), false);
    loop {
        match r
            .read_event()
            .unwrap_or_else(|e| panic!("SVG not well-formed: {e}"))
        {
            Event::Start(e) if e.name().as_ref() == b"text" => {
                depth += 1;
                cur.clear();
            }
            Event::Start(e) if e.name().as_ref() == b"tspan" && depth > 0 && !cur.is_empty() => {
                cur.push('\n')
            }
            Event::Start(e) if e.name().as_ref() == b"title" => in_title = true,
            Event::End(e) if e.name().as_ref() == b"title" => in_title = false,
            Event::End(e) if e.name().as_ref() == b"text" => {
                depth -= 1;
                out.push(cur.clone());
            }
            Event::Text(t) if depth > 0 && !in_title => {
                cur.push_str(&t.unescape().expect("text unescapes"))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The node boxes of an SVG written by viz: (x, y, w, h) of each `<g class="node">`'s rect.
fn node_boxes(svg: &str) -> Vec<(f64, f64, f64, f64)> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(svg);
    let (mut in_node, mut out) = (false, Vec::new());
    loop {
        match r.read_event().expect("well-formed") {
            Event::Start(e) if e.name().as_ref() == b"g" => {
                in_node = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == b"class" && a.value.as_ref() == b"node");
            }
            Event::Empty(e) if in_node && e.name().as_ref() == b"rect" => {
                let get = |k: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k)
                        .and_then(|a| String::from_utf8_lossy(&a.value).parse::<f64>().ok())
                        .unwrap()
                };
                out.push((get(b"x"), get(b"y"), get(b"width"), get(b"height")));
                in_node = false;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// For each node of an SVG written by viz: whether it carries the hatched strip, and its text.
fn node_marks(svg: &str) -> Vec<(bool, String)> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(svg);
    // (hatched, text) of each node; the one being read; how deep inside it we are
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut cur: Option<(bool, String)> = None;
    let mut depth = 0usize;
    let (mut in_title, mut in_text) = (false, false);
    loop {
        match r.read_event().expect("well-formed") {
            Event::Start(e) if e.name().as_ref() == b"g" => {
                let node = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == b"class" && a.value.as_ref() == b"node");
                if cur.is_some() {
                    depth += 1;
                } else if node {
                    cur = Some((false, String::new()));
                    depth = 0;
                }
            }
            Event::End(e) if e.name().as_ref() == b"g" && cur.is_some() => {
                if depth == 0 {
                    out.extend(cur.take());
                } else {
                    depth -= 1;
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"rect" => {
                let unc = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == b"class" && a.value.as_ref() == b"uncertain");
                if let (true, Some(c)) = (unc, cur.as_mut()) {
                    c.0 = true;
                }
            }
            Event::Start(e) if e.name().as_ref() == b"title" => in_title = true,
            Event::End(e) if e.name().as_ref() == b"title" => in_title = false,
            Event::Start(e) if e.name().as_ref() == b"tspan" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"tspan" => {
                in_text = false;
                if let Some(c) = cur.as_mut() {
                    c.1.push('\n');
                }
            }
            Event::Text(t) if in_text && !in_title => {
                if let Some(c) = cur.as_mut() {
                    c.1.push_str(&t.unescape().expect("text"));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Graphviz's SVG of a DOT file.
fn dot_svg(file: &Path) -> String {
    let out = Command::new("dot")
        .arg("-Tsvg")
        .arg(file)
        .output()
        .expect("dot runs (scripts/prereqs.sh installs graphviz)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Renders `svg` to PNG with rsvg-convert; the PNG's width and height.
fn render_png(svg_file: &Path) -> (u32, u32) {
    let png = svg_file.with_extension("png");
    let st = Command::new("rsvg-convert")
        .arg(svg_file)
        .arg("-o")
        .arg(&png)
        .status()
        .expect("rsvg-convert runs (scripts/prereqs.sh installs librsvg2-bin)");
    assert!(
        st.success(),
        "rsvg-convert failed on {}",
        svg_file.display()
    );
    let bytes = std::fs::read(&png).expect("PNG written");
    assert_eq!(&bytes[1..4], b"PNG");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

/// Every view's SVG is well-formed, renders, shows the labels and figures of the documents,
/// never lets two boxes overlap, and hatches uncertain amounts only.
#[test]
fn svg_pictures_render_with_labels_figures_and_no_overlaps() {
    let dir = tempdir();
    let mut args: Vec<Vec<String>> = VIEWS
        .iter()
        .map(|v| vec!["--view".to_string(), v.to_string()])
        .collect();
    args.push(vec![
        "--view".into(),
        "neighbourhood".into(),
        "--resource".into(),
        PJ1_2026.into(),
    ]);
    args.push(vec![
        "--view".into(),
        "structure".into(),
        "--year".into(),
        "2026".into(),
        "--lang".into(),
        "en".into(),
    ]);
    for (i, a) in args.iter().enumerate() {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let name = format!("v{i}.svg");
        let svg = viz(dir.path(), &name, &a);
        let boxes = node_boxes(&svg);
        assert!(!boxes.is_empty(), "{a:?}: no node boxes");
        for (p, x) in boxes.iter().enumerate() {
            for y in &boxes[p + 1..] {
                let apart =
                    x.0 + x.2 <= y.0 || y.0 + y.2 <= x.0 || x.1 + x.3 <= y.1 || y.1 + y.3 <= x.1;
                assert!(apart, "{a:?}: boxes overlap: {x:?} {y:?}");
            }
        }
        let (w, h) = render_png(&dir.path().join(&name));
        assert!(w > 300 && h > 200, "{a:?}: PNG {w}×{h}");
        let texts = svg_texts(&svg).join("\n");
        match a[1] {
            "structure" if a.contains(&"en") => {
                // FY2026 summary: 1. Pharmaceuticals Project 402 (¥40.2 bn); no FY2024 project
                assert!(texts.contains("Pharmaceuticals Project"), "{texts}");
                assert!(texts.contains("FY2026 ¥40.2 bn"), "{texts}");
                assert!(
                    !texts.contains("FY2024"),
                    "a FY2024 node in the FY2026 picture"
                );
            }
            "structure" | "lineage" => {
                assert!(texts.contains("医薬品プロジェクト（令和8年度）"), "{texts}");
                assert!(texts.contains("FY2026 402億円"), "{texts}");
                // 次世代がん 39 is inferred: drawn with "?", its box hatched
                assert!(texts.contains("FY2026 39?億円"), "{texts}");
            }
            "ministry" => assert!(
                texts.contains("厚生労働省") && texts.contains("文部科学省"),
                "{texts}"
            ),
            "ontology" => assert!(
                texts.contains("統合プロジェクト") && texts.contains("事業"),
                "{texts}"
            ),
            "neighbourhood" => assert!(
                texts.contains("医薬品プロジェクト（令和8年度）") && texts.contains("ほか"),
                "{texts}"
            ),
            _ => {}
        }
        if a[1] == "structure" && !a.contains(&"en") {
            // the hatching marks the boxes with an uncertain (?) or partial (≥) amount, and only
            // those
            let nodes = node_marks(&svg);
            assert!(nodes.iter().any(|(hatched, _)| *hatched), "no hatched box");
            for (hatched, text) in &nodes {
                let open = text
                    .lines()
                    .any(|l| l.starts_with("FY") && (l.contains('?') || l.contains('≥')));
                assert_eq!(*hatched, open, "hatching and marks disagree on {text:?}");
            }
        }
    }
}

/// DOT is read by Graphviz, and its labels survive.
#[test]
fn dot_renders_with_graphviz() {
    let dir = tempdir();
    viz(dir.path(), "m.dot", &["--view", "ministry", "-f", "dot"]);
    let texts = svg_texts(&dot_svg(&dir.path().join("m.dot"))).join("\n");
    assert!(texts.contains("厚生労働省"), "{texts}");
}

/// A label with quotes, a backslash, `&`, `<`, `>`, a newline and Japanese comes back as it
/// went in from every format.
#[test]
fn hostile_labels_survive_every_format() {
    let dir = tempdir();
    let hostile = "a\"b\\c&amp; d<e>f\n改行 'q'";
    let q = dir.path().join("hostile.rq");
    std::fs::write(
        &q,
        r#"SELECT ?source ?target WHERE { VALUES (?source ?target) { ("a\"b\\c&amp; d<e>f\n改行 'q'" <https://w3id.org/medrd-kg/org/mhlw>) } }"#,
    )
    .unwrap();
    let qa = ["--query", s(&q)];
    let id = format!("text:{hostile}");
    // GraphML and GEXF through networkx
    viz(
        dir.path(),
        "h.graphml",
        &[&qa[..], &["-f", "graphml"]].concat(),
    );
    let g = read_with("graphml", &dir.path().join("h.graphml"));
    assert_eq!(g["nodes"][&id]["label"], hostile, "{g}");
    // (igraph keeps the label exactly; its ids come back with `&` as `&#38;`, so look by value)
    assert!(
        g["igraph"]["labels"]
            .as_object()
            .unwrap()
            .values()
            .any(|l| l == hostile),
        "{g}"
    );
    viz(dir.path(), "h.gexf", &[&qa[..], &["-f", "gexf"]].concat());
    let g = read_with("gexf", &dir.path().join("h.gexf"));
    assert_eq!(g["nodes"][&id]["label"], hostile, "{g}");
    // Cytoscape JSON
    let js: Value = serde_json::from_str(&viz(
        dir.path(),
        "h.json",
        &[&qa[..], &["-f", "cytoscape"]].concat(),
    ))
    .unwrap();
    assert!(js
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["data"]["label"] == hostile && e["data"]["id"] == id.as_str()));
    let cy: Value = serde_json::from_str(&viz(
        dir.path(),
        "h.cyjs",
        &[&qa[..], &["-f", "cyjs"]].concat(),
    ))
    .unwrap();
    assert!(cy["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["data"]["name"] == hostile));
    // SVG: the label's lines, as drawn
    let svg = viz(dir.path(), "h.svg", &[&qa[..], &["-f", "svg"]].concat());
    let texts = svg_texts(&svg);
    assert!(texts.iter().any(|t| t == hostile), "{texts:?}");
    // DOT through Graphviz: its SVG shows the two lines
    viz(dir.path(), "h.dot", &[&qa[..], &["-f", "dot"]].concat());
    let texts = svg_texts(&dot_svg(&dir.path().join("h.dot")));
    assert!(texts.iter().any(|t| t == "a\"b\\c&amp; d<e>f"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "改行 'q'"), "{texts:?}");
}

#[test]
fn a_year_keeps_that_years_nodes_only() {
    let dir = tempdir();
    viz(
        dir.path(),
        "y.graphml",
        &["--view", "structure", "--year", "2024", "-f", "graphml"],
    );
    let g = read_with("graphml", &dir.path().join("y.graphml"));
    let nodes = g["nodes"].as_object().unwrap();
    assert!(nodes.contains_key("https://w3id.org/medrd-kg/project/2024/1"));
    assert!(!nodes.contains_key(PJ1_2026));
    assert!(
        nodes
            .values()
            .all(|n| n.get("fiscal_years").is_none_or(|y| y == "2024")),
        "a node of another year"
    );
    assert!(nodes.values().all(|n| n.get("amount_fy2026_oku").is_none()));
}

#[test]
fn viz_errors_say_what_is_expected() {
    let store = s(shared_store());
    let r = run(&["viz", "--store", store, "--view", "neighbourhood"]);
    assert!(!r.success() && r.stderr.contains("--resource"), "{r}");
    let r = run(&[
        "viz",
        "--store",
        store,
        "--view",
        "neighbourhood",
        "--resource",
        "not an iri",
    ]);
    assert!(!r.success() && r.stderr.contains("not an IRI"), "{r}");
    let r = run(&[
        "viz",
        "--store",
        store,
        "--view",
        "neighbourhood",
        "--resource",
        "https://example.org/nothing",
    ]);
    assert!(
        !r.success() && r.stderr.contains("nothing in the store"),
        "{r}"
    );
    let r = run(&["viz", "--store", store, "--view", "nonsense"]);
    assert!(
        !r.success() && r.stderr.contains("structure") && r.stderr.contains("cross-project"),
        "{r}"
    );
    let r = run(&["viz", "--store", store, "--view", "lineage", "-f", "png"]);
    assert!(
        !r.success() && r.stderr.contains("graphml") && r.stderr.contains("gexf"),
        "{r}"
    );
    let dir = tempdir();
    let q = dir.path().join("q.rq");
    std::fs::write(&q, "SELECT ?a ?b WHERE { ?a ?p ?b } LIMIT 1").unwrap();
    let r = run(&["viz", "--store", store, "--query", s(&q)]);
    assert!(
        !r.success()
            && r.stderr.contains("?source")
            && r.stderr.contains("?target")
            && r.stderr.contains("?a ?b"),
        "{r}"
    );
    // a CONSTRUCT is a graph too
    std::fs::write(
        &q,
        "CONSTRUCT { ?s mrd:listedIn ?o } WHERE { ?s mrd:listedIn ?o }",
    )
    .unwrap();
    let out = dir.path().join("c.graphml");
    run(&[
        "viz",
        "--store",
        store,
        "--query",
        s(&q),
        "-f",
        "graphml",
        "-o",
        s(&out),
    ])
    .ok();
    let g = read_with("graphml", &out);
    let listed = query_rows("queries/viz/structure.rq")
        .into_iter()
        .filter(|r| r["edgeKind"] == "project-program")
        .count();
    assert_eq!(g["edges"].as_array().map(|a| a.len()), Some(listed));
}

/// The ontology as OWL, loaded by the OWL API (what Protégé and WebVOWL's converter use): no
/// triple left unparsed, and every class and property of ontology/medrd.ttl (read by rdflib)
/// in its signature with the same kind.
#[test]
fn the_ontology_loads_in_the_owl_api() {
    let dir = tempdir();
    let classes = dir.path().join("classes");
    let jars: Vec<String> = std::fs::read_dir("/usr/share/java")
        .expect("/usr/share/java (scripts/prereqs.sh installs libowlapi-java)")
        .flatten()
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with(".jar"))
        .collect();
    let cp = jars.join(":");
    let st = Command::new("javac")
        .args(["-cp", &cp, "-d", s(&classes)])
        .arg(repo().join("tests/owl/LoadOntology.java"))
        .status()
        .expect("javac runs (scripts/prereqs.sh installs a JDK)");
    assert!(st.success());
    let expected = read_with("owl", &repo().join("ontology/medrd.ttl"));
    for format in ["rdfxml", "turtle"] {
        let file = dir.path().join(format!("medrd.{format}"));
        run(&[
            "ontology",
            "--store",
            s(shared_store()),
            "-f",
            format,
            "-o",
            s(&file),
        ])
        .ok();
        let out = Command::new("java")
            .args(["-cp", &format!("{}:{cp}", s(&classes)), "LoadOntology"])
            .arg(&file)
            .output()
            .expect("java runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut seen: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for line in stdout.lines() {
            if let Some((k, v)) = line.split_once(' ') {
                seen.entry(k).or_default().insert(v);
            }
        }
        assert_eq!(
            seen["unparsed"],
            BTreeSet::from(["0"]),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            seen["iri"],
            BTreeSet::from(["https://w3id.org/medrd-kg/def"])
        );
        for kind in [
            "class",
            "object_property",
            "data_property",
            "annotation_property",
        ] {
            for iri in expected[kind].as_array().unwrap() {
                let iri = iri.as_str().unwrap();
                assert!(
                    seen.get(kind).is_some_and(|s| s.contains(iri)),
                    "{format}: the OWL API has no {kind} {iri}"
                );
            }
        }
    }
}

/// A program that also has a share in a line for several programs gets only part of its money
/// from its own lines: the exports say so, and the picture draws it `≥`.
#[test]
fn partial_amounts_are_flagged() {
    let dir = tempdir();
    viz(
        dir.path(),
        "s.graphml",
        &["--view", "structure", "-f", "graphml"],
    );
    let g = read_with("graphml", &dir.path().join("s.graphml"));
    // FY2024 document: 認知症研究開発事業 prints 概算要求額10億円 in PJ4, and is one of the
    // programs of the PJ1 line 「…認知症研究開発事業／概算要求額13億円」
    let dementia = &g["nodes"]["https://w3id.org/medrd-kg/program/ninchisho-kenkyu-kaihatsu/2024"];
    assert_eq!(
        dementia["amount_fy2024_oku"].as_f64(),
        Some(10.0),
        "{dementia}"
    );
    assert_eq!(
        dementia["amount_fy2024_partial"],
        Value::Bool(true),
        "{dementia}"
    );
    // 創薬基盤推進研究事業 FY2026 35: its own line only
    let sobo = &g["nodes"]["https://w3id.org/medrd-kg/program/souyaku-kiban-suishin/2026"];
    assert_eq!(sobo["amount_fy2026_partial"], Value::Bool(false), "{sobo}");
    let svg = viz(
        dir.path(),
        "s.svg",
        &["--view", "structure", "--year", "2024"],
    );
    assert!(svg_texts(&svg).join("\n").contains("FY2024 ≥10億円"));
}

/// The ministry view names every ministry and agency of the summary tables that runs a
/// program, こども家庭庁 (こ) and 健康・医療戦略推進事務局 (健) among them.
#[test]
fn the_ministry_view_includes_the_agencies() {
    let dir = tempdir();
    let cy: Value = serde_json::from_str(&viz(
        dir.path(),
        "m.cyjs",
        &["--view", "ministry", "-f", "cyjs"],
    ))
    .unwrap();
    let ministries: BTreeSet<&str> = cy["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["data"]["type"] == "ministry")
        .filter_map(|n| n["data"]["name"].as_str())
        .collect();
    for m in [
        "こども家庭庁",
        "健康・医療戦略推進事務局",
        "文部科学省",
        "厚生労働省",
        "経済産業省",
        "総務省",
        "内閣府",
    ] {
        assert!(ministries.contains(m), "{m} missing from {ministries:?}");
    }
    // and every program-year the ◆ entries assign a ministry to, as `medrd-kg query` counts them
    let rows = query_rows("queries/program_ministries.rq");
    let assigned: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r["fiscalYear"].clone(), r["program"].clone()))
        .collect();
    let n = cy["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["data"]["type"] == "program-year")
        .count();
    assert_eq!(n, assigned.len());
}

/// Blank nodes of a CONSTRUCT get the same ids every run; a negative weight draws as
/// unweighted; an edge label with hostile characters survives.
#[test]
fn blank_nodes_weights_and_edge_labels() {
    let dir = tempdir();
    let q = dir.path().join("blank.rq");
    std::fs::write(&q, "CONSTRUCT { [] mrd:about ?p . ?p mrd:x [ mrd:y ?p ] } WHERE { ?p a mrd:IntegratedProject ; mrd:fiscalYear/mrd:year 2026 }").unwrap();
    let a = viz(
        dir.path(),
        "a.graphml",
        &["--query", s(&q), "-f", "graphml"],
    );
    let b = viz(
        dir.path(),
        "b.graphml",
        &["--query", s(&q), "-f", "graphml"],
    );
    assert_eq!(a, b, "blank nodes changed between runs");
    let w = dir.path().join("w.rq");
    std::fs::write(
        &w,
        r#"SELECT ?source ?target ?weight ?edgeLabel WHERE { VALUES (?source ?target ?weight ?edgeLabel) { (<https://w3id.org/medrd-kg/org/mhlw> <https://w3id.org/medrd-kg/org/mext> -5 "x\"y\\z&amp; <w>") } }"#,
    )
    .unwrap();
    let svg = viz(dir.path(), "w.svg", &["--query", s(&w)]);
    assert!(
        svg.contains(r#"stroke-width="1.4""#),
        "a negative weight drew thick"
    );
    assert!(
        svg_texts(&svg).iter().any(|t| t == "x\"y\\z&amp; <w>"),
        "{:?}",
        svg_texts(&svg)
    );
    viz(
        dir.path(),
        "w.graphml",
        &["--query", s(&w), "-f", "graphml"],
    );
    let g = read_with("graphml", &dir.path().join("w.graphml"));
    assert_eq!(g["edges"][0][2]["label"], "x\"y\\z&amp; <w>");
    viz(dir.path(), "w.gexf", &["--query", s(&w), "-f", "gexf"]);
    let g = read_with("gexf", &dir.path().join("w.gexf"));
    assert_eq!(g["edges"][0][2]["label"], "x\"y\\z&amp; <w>");
}

#[test]
fn a_year_without_nodes_is_refused() {
    let r = run(&[
        "viz",
        "--store",
        s(shared_store()),
        "--view",
        "structure",
        "--year",
        "2025",
    ]);
    assert!(!r.success() && r.stderr.contains("2024, 2026"), "{r}");
}
