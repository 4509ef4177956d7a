//! Graph visualization (`medrd-kg viz`): a view is a SPARQL query (`queries/viz/*.rq`, or
//! the user's own), turned into one nodes-and-edges model ([`model::Graph`]), which one writer
//! per format writes: GraphML (networkx, igraph, Gephi, yEd), GEXF 1.3 (Gephi), Cytoscape.js
//! elements and Cytoscape Desktop's `.cyjs`, Graphviz DOT, and SVG laid out in-process.
//!
//! ```no_run
//! use medrd_kg::viz::{render, Request, Source, View, VizFormat};
//! let store = medrd_kg::store::open_read_only("store".as_ref())?;
//! let svg = render(&store, &Request::new(Source::View(View::Lineage), VizFormat::Svg))?;
//! # Ok::<(), medrd_kg::Error>(())
//! ```

mod cytoscape;
mod dot;
mod extract;
mod gexf;
mod graphml;
pub mod layout;
pub mod model;
mod picture;
pub mod style;

use std::path::PathBuf;

use oxigraph::model::NamedNode;
use oxigraph::store::Store;

pub use extract::{amounts, label_of, local_name, Amounts, Scope};
pub use model::{Amount, Edge, Graph, Node};

use crate::draw::Lang;
use crate::error::{Error, Result};

/// The built-in views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Structure,
    CrossProject,
    Lineage,
    Ministry,
    Ontology,
    Neighbourhood,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Structure,
        View::CrossProject,
        View::Lineage,
        View::Ministry,
        View::Ontology,
        View::Neighbourhood,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            View::Structure => "structure",
            View::CrossProject => "cross-project",
            View::Lineage => "lineage",
            View::Ministry => "ministry",
            View::Ontology => "ontology",
            View::Neighbourhood => "neighbourhood",
        }
    }

    /// What the view shows, for `--help`.
    pub fn about(self) -> &'static str {
        match self {
            View::Structure => {
                "Healthcare Policy → fiscal years → projects → programs → ministries"
            }
            View::CrossProject => {
                "programs shared between projects, and the stated relations (連携, 導出, 支援 …)"
            }
            View::Lineage => "FY2024 projects → FY2026 projects, program continuity and renames",
            View::Ministry => "ministries and agencies → their programs, sized by amount",
            View::Ontology => "the ontology's classes and properties",
            View::Neighbourhood => "one resource (--resource) and what links to and from it",
        }
    }

    /// The view's query (`queries/viz/<name>.rq`, embedded).
    pub fn query(self) -> &'static str {
        match self {
            View::Structure => include_str!("../../queries/viz/structure.rq"),
            View::CrossProject => include_str!("../../queries/viz/cross_project.rq"),
            View::Lineage => include_str!("../../queries/viz/lineage.rq"),
            View::Ministry => include_str!("../../queries/viz/ministry.rq"),
            View::Ontology => include_str!("../../queries/viz/ontology.rq"),
            View::Neighbourhood => include_str!("../../queries/viz/neighbourhood.rq"),
        }
    }

    /// The picture's title.
    pub fn title(self, lang: Lang) -> &'static str {
        let (ja, en) = match self {
            View::Structure => ("構造：健康・医療戦略 → 年度 → 統合プロジェクト → 事業 → 府省庁", "Structure: Healthcare Policy → fiscal years → projects → programs → ministries"),
            View::CrossProject => ("プロジェクト間のつながり：複数プロジェクトの事業と記載された連携・導出・支援", "Across projects: programs shared by projects, and the relations the diagrams print"),
            View::Lineage => ("系譜：令和6年度 → 令和8年度のプロジェクトと事業", "Lineage: FY2024 projects and programs → FY2026"),
            View::Ministry => ("府省庁と事業（金額つき）", "Ministries and their programs, with amounts"),
            View::Ontology => ("オントロジー：クラスとプロパティ", "Ontology: classes and properties"),
            View::Neighbourhood => ("周辺", "Neighbourhood"),
        };
        lang.pick(ja, en)
    }

    /// The view named `s`; anything else is an error naming them all.
    pub fn parse(s: &str) -> Result<View> {
        View::ALL
            .into_iter()
            .find(|v| v.name() == s)
            .ok_or_else(|| Error::Choice {
                what: "view",
                value: s.to_owned(),
                choices: View::ALL.map(View::name).join(", "),
            })
    }
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VizFormat {
    GraphMl,
    Gexf,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// Cytoscape Desktop's `.cyjs`.
    Cyjs,
    Dot,
    Svg,
}

impl VizFormat {
    pub const ALL: [VizFormat; 6] = [
        VizFormat::GraphMl,
        VizFormat::Gexf,
        VizFormat::Cytoscape,
        VizFormat::Cyjs,
        VizFormat::Dot,
        VizFormat::Svg,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            VizFormat::GraphMl => "graphml",
            VizFormat::Gexf => "gexf",
            VizFormat::Cytoscape => "cytoscape",
            VizFormat::Cyjs => "cyjs",
            VizFormat::Dot => "dot",
            VizFormat::Svg => "svg",
        }
    }

    /// What the format is for, for `--help`.
    pub fn about(self) -> &'static str {
        match self {
            VizFormat::GraphMl => {
                "GraphML with typed keys and yEd graphics (networkx, igraph, Gephi, yEd)"
            }
            VizFormat::Gexf => {
                "GEXF 1.3 with viz colours, sizes, positions and fiscal-year spells (Gephi)"
            }
            VizFormat::Cytoscape => "Cytoscape.js elements JSON",
            VizFormat::Cyjs => "Cytoscape Desktop's .cyjs",
            VizFormat::Dot => "Graphviz DOT",
            VizFormat::Svg => "SVG laid out by medrd-kg",
        }
    }

    /// The format named `s`; anything else is an error naming them all.
    pub fn parse(s: &str) -> Result<VizFormat> {
        VizFormat::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| Error::Choice {
                what: "format",
                value: s.to_owned(),
                choices: VizFormat::ALL.map(VizFormat::name).join(", "),
            })
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            VizFormat::GraphMl => "graphml",
            VizFormat::Gexf => "gexf",
            VizFormat::Cytoscape => "json",
            VizFormat::Cyjs => "cyjs",
            VizFormat::Dot => "dot",
            VizFormat::Svg => "svg",
        }
    }
}

/// Where the edges come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    View(View),
    /// A user's graph query: a CONSTRUCT, or a SELECT with `?source ?target` columns.
    Query {
        text: String,
        file: Option<PathBuf>,
    },
}

/// What to draw and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub source: Source,
    pub format: VizFormat,
    pub lang: Lang,
    /// Keep only this fiscal year's nodes (and those of every year).
    pub year: Option<u16>,
    /// The resource `?resource` is bound to (required by the neighbourhood view).
    pub resource: Option<String>,
    /// The amounts of every node ([`amounts`]), when the caller has them already: many
    /// pictures of one store (a site, a server) need them once, not once each.
    pub amounts: Option<std::sync::Arc<Amounts>>,
}

impl Request {
    /// A request in Japanese, every year, no resource.
    pub fn new(source: Source, format: VizFormat) -> Request {
        Request {
            source,
            format,
            lang: Lang::Ja,
            year: None,
            resource: None,
            amounts: None,
        }
    }
}

/// The query text for `request`, with `?resource` bound when a resource is given.
fn query_text(request: &Request) -> Result<(String, Option<PathBuf>, String, Option<NamedNode>)> {
    let (text, file, title) = match &request.source {
        Source::View(v) => (v.query().to_owned(), None, v.title(request.lang).to_owned()),
        Source::Query { text, file } => (
            text.clone(),
            file.clone(),
            file.as_ref()
                .map(|f| f.display().to_string())
                .unwrap_or_else(|| "medrd-kg viz --query".into()),
        ),
    };
    let mut title = title;
    let resource = match (&request.resource, &request.source) {
        (Some(r), _) => Some(NamedNode::new(r.as_str()).map_err(|e| Error::Viz {
            message: format!("--resource {r:?} is not an IRI: {e}"),
        })?),
        (None, Source::View(View::Neighbourhood)) => {
            return Err(Error::Viz {
                message: format!(
                "the neighbourhood view needs --resource IRI (e.g. --resource {}project/2026/1)",
                crate::rdf::DEFAULT_BASE
            ),
            })
        }
        _ => None,
    };
    if let Some(y) = request.year {
        title = format!(
            "{title} ({})",
            request.lang.pick(&format!("FY{y}"), &format!("FY{y}"))
        );
    }
    Ok((text, file, title, resource))
}

/// The model for `request`.
pub fn graph(store: &Store, request: &Request) -> Result<Graph> {
    let (text, file, title, resource) = query_text(request)?;
    let scope = Scope {
        lang: request.lang,
        year: request.year,
        resource,
        amounts: request.amounts.clone(),
    };
    let mut g = extract::extract(store, &text, file.as_deref(), &title, &scope)?;
    if let (Some(r), Source::View(View::Neighbourhood)) = (&request.resource, &request.source) {
        if g.nodes.is_empty() {
            return Err(Error::Viz {
                message: format!("nothing in the store links to or from {r}: is it an IRI of this graph (see `medrd-kg query`)?"),
            });
        }
        // the picture is titled with the resource's label, its IRI goes in the description
        let label = g
            .node(r)
            .map(|n| n.label.clone())
            .unwrap_or_else(|| r.clone());
        g.title = format!("{}: {label}", View::Neighbourhood.title(request.lang));
    }
    Ok(g)
}

/// The laid-out model, or `None` when the layout engine cannot lay it out (the exports then go
/// without positions; the SVG reports the error).
fn positions(g: &Graph, lang: Lang) -> Option<layout::Layout> {
    layout::layout(g, lang).ok()
}

/// Writes `graph` in `format`.
pub fn write(g: &Graph, format: VizFormat, lang: Lang) -> Result<String> {
    match format {
        VizFormat::GraphMl => graphml::write_graphml(g, positions(g, lang).as_ref()),
        VizFormat::Gexf => gexf::write_gexf(g, positions(g, lang).as_ref()),
        VizFormat::Cytoscape => cytoscape::write_elements(g, positions(g, lang).as_ref()),
        VizFormat::Cyjs => cytoscape::write_cyjs(g, positions(g, lang).as_ref()),
        VizFormat::Dot => dot::write_dot(g, lang),
        VizFormat::Svg => picture::write_svg(g, lang),
    }
}

/// The picture or export `request` asks for. The picture of a neighbourhood keeps at most
/// [`NEIGHBOURS_PER_GROUP`] neighbours per property and direction (the rest is one "… N more"
/// node); the exports keep every one.
pub fn render(store: &Store, request: &Request) -> Result<String> {
    let mut g = graph(store, request)?;
    if let (VizFormat::Svg, Source::View(View::Neighbourhood), Some(r)) =
        (request.format, &request.source, &request.resource)
    {
        collapse(&mut g, r, NEIGHBOURS_PER_GROUP, request.lang);
    }
    write(&g, request.format, request.lang)
}

/// How many neighbours per property and direction a neighbourhood picture shows.
pub const NEIGHBOURS_PER_GROUP: usize = 8;

/// Replaces, for each property and direction of the edges at `centre`, the neighbours beyond
/// the first `max - 1` (by label) with one text node saying how many more there are.
pub fn collapse(g: &mut Graph, centre: &str, max: usize, lang: Lang) {
    use std::collections::{BTreeMap, BTreeSet};
    let mut groups: BTreeMap<(bool, Option<String>), Vec<usize>> = BTreeMap::new();
    for (j, e) in g.edges.iter().enumerate() {
        if e.source == centre && e.target != centre {
            groups
                .entry((true, e.predicate.clone()))
                .or_default()
                .push(j);
        } else if e.target == centre && e.source != centre {
            groups
                .entry((false, e.predicate.clone()))
                .or_default()
                .push(j);
        }
    }
    let mut drop_edges: BTreeSet<usize> = BTreeSet::new();
    let mut new_nodes = Vec::new();
    let mut new_edges = Vec::new();
    for ((out, predicate), mut js) in groups {
        if js.len() <= max {
            continue;
        }
        let other = |j: usize| {
            if out {
                g.edges[j].target.clone()
            } else {
                g.edges[j].source.clone()
            }
        };
        js.sort_by_key(|&j| (g.node(&other(j)).map(|n| n.label.clone()), other(j)));
        let rest = &js[max.saturating_sub(1)..];
        let label = g.edges[rest[0]].label.clone();
        let id = format!(
            "text:{} {} {}",
            if out { "→" } else { "←" },
            predicate.as_deref().unwrap_or(""),
            rest.len()
        );
        let text = match lang {
            Lang::Ja => format!("ほか {} 件（{label}）", rest.len()),
            Lang::En => format!("{} more ({label})", rest.len()),
        };
        new_nodes.push(Node {
            id: id.clone(),
            label: text,
            kind: style::NodeKind::Text,
            type_iri: None,
            years: Default::default(),
            amounts: Vec::new(),
        });
        let first = &g.edges[rest[0]];
        new_edges.push(Edge {
            id: String::new(),
            source: if out { centre.to_owned() } else { id.clone() },
            target: if out { id } else { centre.to_owned() },
            predicate: first.predicate.clone(),
            inverse: first.inverse,
            label,
            kind: first.kind.clone(),
            weight: None,
        });
        drop_edges.extend(rest.iter().copied());
    }
    if drop_edges.is_empty() {
        return;
    }
    let mut edges: Vec<Edge> = g
        .edges
        .iter()
        .enumerate()
        .filter(|(j, _)| !drop_edges.contains(j))
        .map(|(_, e)| e.clone())
        .collect();
    edges.extend(new_edges);
    let linked: BTreeSet<&str> = edges
        .iter()
        .flat_map(|e| [e.source.as_str(), e.target.as_str()])
        .collect();
    let mut nodes: Vec<Node> = g
        .nodes
        .iter()
        .filter(|n| linked.contains(n.id.as_str()))
        .cloned()
        .collect();
    nodes.extend(new_nodes);
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    edges.sort_by(|a, b| {
        (&a.source, &a.target, &a.predicate).cmp(&(&b.source, &b.target, &b.predicate))
    });
    for (i, e) in edges.iter_mut().enumerate() {
        e.id = format!("e{i}");
    }
    g.nodes = nodes;
    g.edges = edges;
}
