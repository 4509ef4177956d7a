//! GEXF 1.3 (`http://gexf.net/1.3`), as Gephi expects it: node type, label, IRI and amounts
//! per fiscal year as attributes (also as one dynamic `amount`), edge predicate and kind,
//! colours, sizes, positions and edge thickness in the viz namespace. A node of a fiscal year
//! lives in the spell [year, year + 1], one spell per year it belongs to, none duplicated and
//! none empty, so that Gephi's timeline shows FY2024 against FY2026; nodes of every year
//! (ministries, classes) have no spells and always show.

use super::layout::Layout;
use super::model::Graph;
use crate::draw::{num, Xml, XSI_NS};
use crate::error::Result;

const GEXF_NS: &str = "http://gexf.net/1.3";
const VIZ_NS: &str = "http://gexf.net/1.3/viz";
const SCHEMA: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// `#rrggbb` as (r, g, b).
fn rgb(hex: &str) -> (String, String, String) {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| {
        h.get(i..i + 2)
            .and_then(|s| u8::from_str_radix(s, 16).ok())
            .unwrap_or(128)
            .to_string()
    };
    (c(0), c(2), c(4))
}

fn colour(x: &mut Xml, hex: &str) -> Result<()> {
    let (r, g, b) = rgb(hex);
    x.empty(
        "viz:color",
        &[("r", &r), ("g", &g), ("b", &b), ("a", "1.0")],
    )
}

/// The graph as GEXF 1.3; `layout` gives Gephi its positions.
pub fn write_gexf(graph: &Graph, layout: Option<&Layout>) -> Result<String> {
    let mut x = Xml::new()?;
    x.open(
        "gexf",
        &[
            ("xmlns", GEXF_NS),
            ("xmlns:viz", VIZ_NS),
            ("xmlns:xsi", XSI_NS),
            ("xsi:schemaLocation", SCHEMA),
            ("version", "1.3"),
        ],
    )?;
    // no lastmodifieddate: the same graph gives the same bytes
    x.open("meta", &[])?;
    x.element(
        "creator",
        &[],
        concat!("medrd-kg ", env!("CARGO_PKG_VERSION")),
    )?;
    x.element("description", &[], &graph.title)?;
    x.close()?;
    let dynamic = graph.nodes.iter().any(|n| !n.years.is_empty());
    let mut attrs = vec![("defaultedgetype", "directed")];
    if dynamic {
        attrs.extend([
            ("mode", "dynamic"),
            ("timeformat", "integer"),
            ("timerepresentation", "interval"),
        ]);
    } else {
        attrs.push(("mode", "static"));
    }
    x.open("graph", &attrs)?;
    x.open("attributes", &[("class", "node"), ("mode", "static")])?;
    x.empty(
        "attribute",
        &[("id", "type"), ("title", "type"), ("type", "string")],
    )?;
    x.empty(
        "attribute",
        &[("id", "iri"), ("title", "iri"), ("type", "string")],
    )?;
    x.empty(
        "attribute",
        &[
            ("id", "rdf_type"),
            ("title", "rdf_type"),
            ("type", "string"),
        ],
    )?;
    x.empty(
        "attribute",
        &[
            ("id", "years"),
            ("title", "fiscal_years"),
            ("type", "string"),
        ],
    )?;
    for y in &graph.amount_years() {
        x.empty(
            "attribute",
            &[
                ("id", &format!("amount_fy{y}")),
                ("title", &format!("amount_fy{y}_oku")),
                ("type", "double"),
            ],
        )?;
        x.empty(
            "attribute",
            &[
                ("id", &format!("certain_fy{y}")),
                ("title", &format!("amount_fy{y}_certain")),
                ("type", "boolean"),
            ],
        )?;
        x.empty(
            "attribute",
            &[
                ("id", &format!("partial_fy{y}")),
                ("title", &format!("amount_fy{y}_partial")),
                ("type", "boolean"),
            ],
        )?;
    }
    x.close()?;
    if dynamic {
        x.open("attributes", &[("class", "node"), ("mode", "dynamic")])?;
        x.empty(
            "attribute",
            &[
                ("id", "amount"),
                ("title", "amount_oku"),
                ("type", "double"),
            ],
        )?;
        x.close()?;
    }
    x.open("attributes", &[("class", "edge"), ("mode", "static")])?;
    x.empty(
        "attribute",
        &[
            ("id", "predicate"),
            ("title", "predicate"),
            ("type", "string"),
        ],
    )?;
    x.empty(
        "attribute",
        &[("id", "kind"), ("title", "kind"), ("type", "string")],
    )?;
    x.empty(
        "attribute",
        &[("id", "inverse"), ("title", "inverse"), ("type", "boolean")],
    )?;
    x.close()?;
    x.open("nodes", &[])?;
    for (i, n) in graph.nodes.iter().enumerate() {
        x.open("node", &[("id", &n.id), ("label", &n.label)])?;
        x.open("attvalues", &[])?;
        x.empty("attvalue", &[("for", "type"), ("value", n.kind.name())])?;
        if !n.id.starts_with("text:") {
            x.empty("attvalue", &[("for", "iri"), ("value", &n.id)])?;
        }
        if let Some(t) = &n.type_iri {
            x.empty("attvalue", &[("for", "rdf_type"), ("value", t)])?;
        }
        if !n.years.is_empty() {
            let ys: Vec<String> = n.years.iter().map(u16::to_string).collect();
            x.empty("attvalue", &[("for", "years"), ("value", &ys.join(" "))])?;
        }
        for a in &n.amounts {
            let v = a.oku.to_string();
            x.empty(
                "attvalue",
                &[("for", &format!("amount_fy{}", a.year)), ("value", &v)],
            )?;
            x.empty(
                "attvalue",
                &[
                    ("for", &format!("certain_fy{}", a.year)),
                    ("value", if a.certain { "true" } else { "false" }),
                ],
            )?;
            x.empty(
                "attvalue",
                &[
                    ("for", &format!("partial_fy{}", a.year)),
                    ("value", if a.partial { "true" } else { "false" }),
                ],
            )?;
            // every amount on the timeline, also of nodes of every year (ministries)
            if dynamic {
                let (s, e) = (a.year.to_string(), (a.year + 1).to_string());
                x.empty(
                    "attvalue",
                    &[("for", "amount"), ("value", &v), ("start", &s), ("end", &e)],
                )?;
            }
        }
        x.close()?;
        if !n.years.is_empty() {
            x.open("spells", &[])?;
            for y in &n.years {
                x.empty(
                    "spell",
                    &[("start", &y.to_string()), ("end", &(y + 1).to_string())],
                )?;
            }
            x.close()?;
        }
        colour(&mut x, n.kind.stroke())?;
        x.empty("viz:size", &[("value", &num(n.size()))])?;
        if let Some(b) = layout.and_then(|l| l.boxes.get(i)) {
            let (cx, cy) = b.centre();
            // Gephi's y axis points up
            x.empty(
                "viz:position",
                &[("x", &num(cx)), ("y", &num(-cy)), ("z", "0")],
            )?;
        }
        x.close()?;
    }
    x.close()?;
    x.open("edges", &[])?;
    for e in &graph.edges {
        let mut attrs = vec![
            ("id", e.id.as_str()),
            ("source", e.source.as_str()),
            ("target", e.target.as_str()),
            ("label", e.label.as_str()),
            ("kind", e.kind.as_str()),
        ];
        let w = e.weight.map(num);
        if let Some(w) = &w {
            attrs.push(("weight", w));
        }
        x.open("edge", &attrs)?;
        x.open("attvalues", &[])?;
        if let Some(p) = &e.predicate {
            x.empty("attvalue", &[("for", "predicate"), ("value", p)])?;
        }
        x.empty("attvalue", &[("for", "kind"), ("value", &e.kind)])?;
        x.empty(
            "attvalue",
            &[
                ("for", "inverse"),
                ("value", if e.inverse { "true" } else { "false" }),
            ],
        )?;
        x.close()?;
        colour(&mut x, super::style::edge_colour(&e.kind))?;
        x.empty("viz:thickness", &[("value", &num(e.thickness()))])?;
        x.close()?;
    }
    x.close()?;
    x.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn colours_split() {
        assert_eq!(
            super::rgb("#0072b2"),
            ("0".into(), "114".into(), "178".into())
        );
    }
}
