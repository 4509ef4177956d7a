//! GraphML: plain typed keys (`label`, `type`, `iri`, amounts per fiscal year as doubles …)
//! that networkx, igraph and Gephi read, and yEd's node and edge graphics (shape, fill,
//! border, label, position) so that yEd shows the graph laid out, labelled and coloured on
//! first open. Node ids are the IRIs.

use super::layout::Layout;
use super::model::Graph;
use crate::draw::{num, Xml, XSI_NS};
use crate::error::Result;

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";
const YED_NS: &str = "http://www.yworks.com/xml/graphml";
const SCHEMA: &str = "http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd";

fn key(x: &mut Xml, id: &str, for_: &str, name: &str, ty: &str) -> Result<()> {
    x.empty(
        "key",
        &[
            ("id", id),
            ("for", for_),
            ("attr.name", name),
            ("attr.type", ty),
        ],
    )
}

/// The graph as GraphML; `layout` gives yEd its positions.
pub fn write_graphml(graph: &Graph, layout: Option<&Layout>) -> Result<String> {
    let mut x = Xml::new()?;
    x.open(
        "graphml",
        &[
            ("xmlns", GRAPHML_NS),
            ("xmlns:y", YED_NS),
            ("xmlns:xsi", XSI_NS),
            ("xsi:schemaLocation", SCHEMA),
        ],
    )?;
    key(&mut x, "label", "node", "label", "string")?;
    key(&mut x, "type", "node", "type", "string")?;
    key(&mut x, "iri", "node", "iri", "string")?;
    key(&mut x, "rdf_type", "node", "rdf_type", "string")?;
    key(&mut x, "years", "node", "fiscal_years", "string")?;
    for y in &graph.amount_years() {
        key(
            &mut x,
            &format!("amount_fy{y}"),
            "node",
            &format!("amount_fy{y}_oku"),
            "double",
        )?;
        key(
            &mut x,
            &format!("certain_fy{y}"),
            "node",
            &format!("amount_fy{y}_certain"),
            "boolean",
        )?;
        key(
            &mut x,
            &format!("partial_fy{y}"),
            "node",
            &format!("amount_fy{y}_partial"),
            "boolean",
        )?;
    }
    key(&mut x, "color", "node", "color", "string")?;
    key(&mut x, "size", "node", "size", "double")?;
    x.empty(
        "key",
        &[
            ("id", "ng"),
            ("for", "node"),
            ("yfiles.type", "nodegraphics"),
        ],
    )?;
    key(&mut x, "elabel", "edge", "label", "string")?;
    key(&mut x, "predicate", "edge", "predicate", "string")?;
    key(&mut x, "kind", "edge", "kind", "string")?;
    key(&mut x, "inverse", "edge", "inverse", "boolean")?;
    key(&mut x, "weight", "edge", "weight", "double")?;
    x.empty(
        "key",
        &[
            ("id", "eg"),
            ("for", "edge"),
            ("yfiles.type", "edgegraphics"),
        ],
    )?;
    x.open("graph", &[("id", "G"), ("edgedefault", "directed")])?;
    x.element("desc", &[], &graph.title)?;
    for (i, n) in graph.nodes.iter().enumerate() {
        x.open("node", &[("id", &n.id)])?;
        x.element("data", &[("key", "label")], &n.label)?;
        x.element("data", &[("key", "type")], n.kind.name())?;
        if !n.id.starts_with("text:") {
            x.element("data", &[("key", "iri")], &n.id)?;
        }
        if let Some(t) = &n.type_iri {
            x.element("data", &[("key", "rdf_type")], t)?;
        }
        if !n.years.is_empty() {
            let ys: Vec<String> = n.years.iter().map(u16::to_string).collect();
            x.element("data", &[("key", "years")], &ys.join(" "))?;
        }
        for a in &n.amounts {
            x.element(
                "data",
                &[("key", &format!("amount_fy{}", a.year))],
                &a.oku.to_string(),
            )?;
            x.element(
                "data",
                &[("key", &format!("certain_fy{}", a.year))],
                if a.certain { "true" } else { "false" },
            )?;
            x.element(
                "data",
                &[("key", &format!("partial_fy{}", a.year))],
                if a.partial { "true" } else { "false" },
            )?;
        }
        x.element("data", &[("key", "color")], n.kind.fill())?;
        x.element("data", &[("key", "size")], &num(n.size()))?;
        x.open("data", &[("key", "ng")])?;
        x.open("y:ShapeNode", &[])?;
        if let Some(b) = layout.and_then(|l| l.boxes.get(i)) {
            x.empty(
                "y:Geometry",
                &[
                    ("x", &num(b.x)),
                    ("y", &num(b.y)),
                    ("width", &num(b.w)),
                    ("height", &num(b.h)),
                ],
            )?;
        }
        x.empty(
            "y:Fill",
            &[("color", n.kind.fill()), ("transparent", "false")],
        )?;
        x.empty(
            "y:BorderStyle",
            &[
                ("color", n.kind.stroke()),
                ("type", "line"),
                ("width", "1.5"),
            ],
        )?;
        x.element(
            "y:NodeLabel",
            &[
                ("alignment", "center"),
                ("autoSizePolicy", "content"),
                ("fontSize", "12"),
                ("textColor", "#000000"),
                ("visible", "true"),
                ("modelName", "internal"),
                ("modelPosition", "c"),
            ],
            &n.label,
        )?;
        x.empty("y:Shape", &[("type", n.kind.shapes().0)])?;
        x.close()?;
        x.close()?;
        x.close()?;
    }
    for e in &graph.edges {
        x.open(
            "edge",
            &[("id", &e.id), ("source", &e.source), ("target", &e.target)],
        )?;
        x.element("data", &[("key", "elabel")], &e.label)?;
        if let Some(p) = &e.predicate {
            x.element("data", &[("key", "predicate")], p)?;
        }
        x.element("data", &[("key", "kind")], &e.kind)?;
        x.element(
            "data",
            &[("key", "inverse")],
            if e.inverse { "true" } else { "false" },
        )?;
        if let Some(w) = e.weight {
            x.element("data", &[("key", "weight")], &num(w))?;
        }
        x.open("data", &[("key", "eg")])?;
        x.open("y:PolyLineEdge", &[])?;
        x.empty(
            "y:LineStyle",
            &[
                ("color", super::style::edge_colour(&e.kind)),
                ("type", "line"),
                ("width", "1.0"),
            ],
        )?;
        x.empty("y:Arrows", &[("source", "none"), ("target", "standard")])?;
        x.element(
            "y:EdgeLabel",
            &[
                ("fontSize", "10"),
                ("textColor", "#333333"),
                ("visible", "true"),
            ],
            &e.label,
        )?;
        x.close()?;
        x.close()?;
        x.close()?;
    }
    x.finish()
}
