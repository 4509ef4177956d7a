//! The one intermediate model every view goes through and every writer reads: nodes and
//! edges with what people see (labels, types, amounts, colours, sizes), nothing of RDF left
//! but the IRIs.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::style::NodeKind;

/// An amount of a node in one fiscal year, in 億円 as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub year: u16,
    pub oku: Decimal,
    /// Every figure summed is certain (not inferred, not ambiguous).
    pub certain: bool,
    /// Only part of the node's money: it also has a share in lines that cover several
    /// programs (one amount for all), which no one can split.
    pub partial: bool,
}

/// A node: a resource of the graph, or a text a relation names without a resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Stable id: the resource's IRI (`text:` and the words, for a text node).
    pub id: String,
    /// The label in the chosen language, falling back to the other one, then to the IRI's
    /// last segment.
    pub label: String,
    pub kind: NodeKind,
    /// The most specific `rdf:type` the kind was read from, when there is one.
    pub type_iri: Option<String>,
    /// The fiscal years the node belongs to (empty: every year, e.g. a ministry).
    pub years: BTreeSet<u16>,
    /// Amounts per fiscal year, by year.
    pub amounts: Vec<Amount>,
}

impl Node {
    /// The amount of `year`, if any.
    pub fn amount(&self, year: u16) -> Option<&Amount> {
        self.amounts.iter().find(|a| a.year == year)
    }

    /// The largest amount of any year, in 億円.
    pub fn max_oku(&self) -> Option<f64> {
        self.amounts
            .iter()
            .filter_map(|a| a.oku.to_string().parse::<f64>().ok())
            .reduce(f64::max)
    }

    /// Amounts for a label line (`FY2024 402億円 / FY2026 39?億円`, or in billions of yen in
    /// English), `?` marking uncertain ones, `≥` partial ones.
    pub fn amounts_text(&self, lang: crate::draw::Lang) -> String {
        self.amount_lines(lang).join(" / ")
    }

    /// One line per fiscal year: `FY2026 402億円`, `FY2026 ¥40.2 bn`, `FY2026 39?億円`,
    /// `FY2024 ≥10億円` (a part: the rest is in lines shared with other programs).
    pub fn amount_lines(&self, lang: crate::draw::Lang) -> Vec<String> {
        self.amounts
            .iter()
            .map(|a| {
                let mark = if a.certain { "" } else { "?" };
                let at_least = if a.partial { "≥" } else { "" };
                match lang {
                    crate::draw::Lang::Ja => {
                        format!("FY{} {at_least}{}{}億円", a.year, a.oku.normalize(), mark)
                    }
                    crate::draw::Lang::En => {
                        let bn = (a.oku / Decimal::TEN).normalize();
                        format!("FY{} {at_least}¥{}{} bn", a.year, bn, mark)
                    }
                }
            })
            .collect()
    }

    /// Some amount is uncertain or only a part.
    pub fn open_amount(&self) -> bool {
        self.amounts.iter().any(|a| !a.certain || a.partial)
    }

    /// The years that carry an amount.
    pub fn amount_years(&self) -> impl Iterator<Item = u16> + '_ {
        self.amounts.iter().map(|a| a.year)
    }

    /// A size for the formats that draw one (Gephi, Cytoscape): 10 without an amount, growing
    /// with the square root of the largest amount so that areas compare.
    pub fn size(&self) -> f64 {
        match self.max_oku() {
            Some(x) if x > 0.0 => 10.0 + 3.0 * x.sqrt(),
            _ => 10.0,
        }
    }
}

/// A directed edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// `e0`, `e1` … in the order of the sorted edges.
    pub id: String,
    pub source: String,
    pub target: String,
    /// The property (or, for a stated relation, the relation-kind concept) behind the edge.
    pub predicate: Option<String>,
    /// The triple runs target → source (the edge is drawn in reading order).
    pub inverse: bool,
    /// A readable label in the chosen language.
    pub label: String,
    /// What kind of edge it is (`project-program`, `collaboration`, `subclass` …).
    pub kind: String,
    pub weight: Option<f64>,
}

impl Edge {
    /// The drawn width of the edge: 1.4, or growing with the square root of a positive weight
    /// up to 8 (a negative, zero or non-finite weight draws as unweighted).
    pub fn thickness(&self) -> f64 {
        match self.weight {
            Some(w) if w.is_finite() && w > 0.0 => (1.0 + w.sqrt()).min(8.0),
            _ => 1.4,
        }
    }
}

/// A graph to draw or export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Graph {
    /// What the graph shows (the view and options), for titles and metadata.
    pub title: String,
    /// The fiscal years the amounts are given for, in order.
    pub years: Vec<u16>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl Graph {
    /// The fiscal years some node has an amount for, in order.
    pub fn amount_years(&self) -> Vec<u16> {
        let years: std::collections::BTreeSet<u16> =
            self.nodes.iter().flat_map(Node::amount_years).collect();
        years.into_iter().collect()
    }

    /// The node with `id`.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes
            .binary_search_by(|n| n.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.nodes[i])
    }
}
