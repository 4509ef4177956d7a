//! Cytoscape: the elements JSON of Cytoscape.js (an array of `{group, data, position}`), and the
//! `.cyjs` file Cytoscape Desktop opens. Desktop reads only `elements` as an object of `nodes`
//! and `edges` arrays (given the flat array Cytoscape.js also accepts, it opens an empty
//! network without a word), takes a node's label from `data.name` and an edge's from
//! `data.interaction`, and string ids.

use serde_json::{json, Map, Value};

use super::layout::Layout;
use super::model::Graph;
use crate::error::{Error, Result};

fn node_data(graph: &Graph, i: usize) -> Map<String, Value> {
    let n = &graph.nodes[i];
    let mut d = Map::new();
    d.insert("id".into(), json!(n.id));
    d.insert("name".into(), json!(n.label));
    d.insert("label".into(), json!(n.label));
    d.insert("type".into(), json!(n.kind.name()));
    if let Some(t) = &n.type_iri {
        d.insert("rdf_type".into(), json!(t));
    }
    if !n.years.is_empty() {
        d.insert(
            "fiscal_years".into(),
            json!(n.years.iter().collect::<Vec<_>>()),
        );
    }
    for a in &n.amounts {
        // a JSON number for the amount (what style mappers need), the decimal as printed beside it
        let f = a.oku.to_string().parse::<f64>().ok();
        d.insert(format!("amount_fy{}_oku", a.year), json!(f));
        d.insert(format!("amount_fy{}_certain", a.year), json!(a.certain));
        d.insert(format!("amount_fy{}_partial", a.year), json!(a.partial));
    }
    d.insert("color".into(), json!(n.kind.fill()));
    d.insert("border_color".into(), json!(n.kind.stroke()));
    d.insert("size".into(), json!(n.size()));
    d
}

fn edge_data(graph: &Graph, j: usize) -> Map<String, Value> {
    let e = &graph.edges[j];
    let mut d = Map::new();
    d.insert("id".into(), json!(e.id));
    d.insert("source".into(), json!(e.source));
    d.insert("target".into(), json!(e.target));
    d.insert("label".into(), json!(e.label));
    d.insert("interaction".into(), json!(e.label));
    d.insert("kind".into(), json!(e.kind));
    d.insert("inverse".into(), json!(e.inverse));
    if let Some(p) = &e.predicate {
        d.insert("predicate".into(), json!(p));
    }
    if let Some(w) = e.weight {
        d.insert("weight".into(), json!(w));
    }
    d.insert("color".into(), json!(super::style::edge_colour(&e.kind)));
    d
}

fn position(layout: Option<&Layout>, i: usize) -> Option<Value> {
    let b = layout?.boxes.get(i)?;
    let (x, y) = b.centre();
    Some(json!({ "x": (x * 100.0).round() / 100.0, "y": (y * 100.0).round() / 100.0 }))
}

fn pretty(v: &Value) -> Result<String> {
    let mut s = serde_json::to_string_pretty(v).map_err(|e| Error::internal("writing JSON", e))?;
    s.push('\n');
    Ok(s)
}

/// Cytoscape.js elements: `[{"group": "nodes", "data": {…}, "position": {…}}, …]`.
pub fn write_elements(graph: &Graph, layout: Option<&Layout>) -> Result<String> {
    let mut out = Vec::new();
    for i in 0..graph.nodes.len() {
        let mut el = json!({ "group": "nodes", "data": node_data(graph, i) });
        if let (Some(p), Some(o)) = (position(layout, i), el.as_object_mut()) {
            o.insert("position".into(), p);
        }
        out.push(el);
    }
    for j in 0..graph.edges.len() {
        out.push(json!({ "group": "edges", "data": edge_data(graph, j) }));
    }
    pretty(&Value::Array(out))
}

/// Cytoscape Desktop's `.cyjs`.
pub fn write_cyjs(graph: &Graph, layout: Option<&Layout>) -> Result<String> {
    let mut nodes = Vec::new();
    for i in 0..graph.nodes.len() {
        let mut el = json!({ "data": node_data(graph, i) });
        if let (Some(p), Some(o)) = (position(layout, i), el.as_object_mut()) {
            o.insert("position".into(), p);
        }
        nodes.push(el);
    }
    let edges: Vec<Value> = (0..graph.edges.len())
        .map(|j| json!({ "data": edge_data(graph, j) }))
        .collect();
    pretty(&json!({
        "format_version": "1.0",
        "generated_by": concat!("medrd-kg ", env!("CARGO_PKG_VERSION")),
        "target_cytoscapejs_version": "~2.1",
        "data": { "name": graph.title, "shared_name": graph.title },
        "elements": { "nodes": nodes, "edges": edges },
    }))
}
