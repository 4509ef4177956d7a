//! From a graph query to the nodes-and-edges model: the query gives the edges (a SELECT with
//! `?source ?target` columns, or any CONSTRUCT), the store gives each node its label, kind,
//! fiscal years and amounts (`queries/viz/amounts.rq`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use oxigraph::model::{NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::sparql::Variable;
use oxigraph::store::Store;
use rust_decimal::Decimal;

use super::model::{Amount, Edge, Graph, Node};
use super::style::NodeKind;
use crate::draw::Lang;
use crate::error::{Error, Result};
use crate::query::{run, Answer};
use crate::rdf::vocab::{mrd, org, owl, rdf, rdfs, skos};

const AMOUNTS: &str = include_str!("../../queries/viz/amounts.rq");

/// An edge as the query gives it, before labels.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct RawEdge {
    source: NodeId,
    target: NodeId,
    predicate: Option<String>,
    inverse: bool,
    kind: String,
}

/// A node's identity: a resource, or words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum NodeId {
    Iri(String),
    Blank(String),
    Text(String),
}

impl NodeId {
    fn from_term(t: &Term) -> NodeId {
        match t {
            Term::NamedNode(n) => NodeId::Iri(n.as_str().to_owned()),
            Term::BlankNode(b) => NodeId::Blank(b.as_str().to_owned()),
            Term::Literal(l) => NodeId::Text(l.value().to_owned()),
            #[allow(unreachable_patterns)]
            _ => NodeId::Text(t.to_string()),
        }
    }

    fn id(&self) -> String {
        match self {
            NodeId::Iri(i) => i.clone(),
            NodeId::Blank(b) => format!("_:{b}"),
            NodeId::Text(t) => format!("text:{t}"),
        }
    }
}

/// A label a query offers for an edge: (language tag, text).
type Offered = (Option<String>, String);

/// What a query's answer says about the edges: each edge's weight and the labels offered.
#[derive(Default)]
struct Edges {
    edges: BTreeMap<RawEdge, (Option<f64>, Vec<Offered>)>,
}

impl Edges {
    fn add(&mut self, e: RawEdge, weight: Option<f64>, label: Option<Offered>) {
        let entry = self.edges.entry(e).or_insert((None, Vec::new()));
        if weight.is_some() {
            entry.0 = weight;
        }
        if let Some(l) = label {
            if !entry.1.contains(&l) {
                entry.1.push(l);
            }
        }
    }
}

fn column(variables: &[Variable], name: &str) -> Option<usize> {
    variables.iter().position(|v| v.as_str() == name)
}

fn edges_of(answer: Answer, file: Option<&Path>) -> Result<Edges> {
    let mut edges = Edges::default();
    match answer {
        Answer::Graph(triples) => {
            for t in triples {
                let source = match &t.subject {
                    NamedOrBlankNode::NamedNode(n) => NodeId::Iri(n.as_str().to_owned()),
                    NamedOrBlankNode::BlankNode(b) => NodeId::Blank(b.as_str().to_owned()),
                    #[allow(unreachable_patterns)]
                    _ => continue,
                };
                // literals are what nodes say about themselves, not edges; types are node kinds
                if matches!(t.object, Term::Literal(_)) || t.predicate.as_ref() == rdf::TYPE {
                    continue;
                }
                let kind = local_name(t.predicate.as_str()).to_owned();
                edges.add(
                    RawEdge {
                        source,
                        target: NodeId::from_term(&t.object),
                        predicate: Some(t.predicate.as_str().to_owned()),
                        inverse: false,
                        kind,
                    },
                    None,
                    None,
                );
            }
        }
        Answer::Solutions { variables, rows } => {
            let need = |name: &str| {
                column(&variables, name).ok_or_else(|| Error::Viz {
                    message: format!(
                        "the graph query{} has no ?{name} column: a SELECT for a graph needs ?source and ?target (optional: ?predicate, ?inverse, ?edgeKind, ?edgeLabel, ?weight); it has {}",
                        file.map(|f| format!(" {}", f.display())).unwrap_or_default(),
                        variables.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" ")
                    ),
                })
            };
            let (s, t) = (need("source")?, need("target")?);
            let p = column(&variables, "predicate");
            let inv = column(&variables, "inverse");
            let k = column(&variables, "edgeKind");
            let l = column(&variables, "edgeLabel");
            let w = column(&variables, "weight");
            let get = |row: &Vec<Option<Term>>, i: Option<usize>| {
                i.and_then(|i| row.get(i).cloned().flatten())
            };
            for row in rows {
                let (Some(source), Some(target)) = (get(&row, Some(s)), get(&row, Some(t))) else {
                    continue;
                };
                let predicate = match get(&row, p) {
                    Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
                    _ => None,
                };
                let inverse = matches!(get(&row, inv), Some(Term::Literal(l)) if l.value() == "true" || l.value() == "1");
                let kind = match get(&row, k) {
                    Some(Term::Literal(l)) => l.value().to_owned(),
                    Some(Term::NamedNode(n)) => local_name(n.as_str()).to_owned(),
                    _ => predicate
                        .as_deref()
                        .map(local_name)
                        .unwrap_or("edge")
                        .to_owned(),
                };
                let weight = match get(&row, w) {
                    Some(Term::Literal(l)) => {
                        l.value().parse::<f64>().ok().filter(|x| x.is_finite())
                    }
                    _ => None,
                };
                let label = match get(&row, l) {
                    Some(Term::Literal(l)) => {
                        Some((l.language().map(str::to_owned), l.value().to_owned()))
                    }
                    _ => None,
                };
                edges.add(
                    RawEdge {
                        source: NodeId::from_term(&source),
                        target: NodeId::from_term(&target),
                        predicate,
                        inverse,
                        kind,
                    },
                    weight,
                    label,
                );
            }
        }
        Answer::Boolean(_) => {
            return Err(Error::Viz {
                message:
                    "an ASK query gives no graph: use a SELECT with ?source ?target, or a CONSTRUCT"
                        .into(),
            })
        }
    }
    Ok(canonical_blanks(edges))
}

/// Blank nodes renamed `b0`, `b1` … in an order that depends only on what they link (their
/// sorted edges to named ends), not on the random labels a CONSTRUCT gives them, so that the
/// same store and query give the same output.
fn canonical_blanks(edges: Edges) -> Edges {
    let mut signature: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let name = |n: &NodeId| match n {
        NodeId::Blank(_) => "_".to_owned(),
        other => other.id(),
    };
    for e in edges.edges.keys() {
        let p = e.predicate.clone().unwrap_or_default();
        if let NodeId::Blank(b) = &e.source {
            signature.entry(b.clone()).or_default().push(format!(
                "out {p} {} {}",
                e.kind,
                name(&e.target)
            ));
        }
        if let NodeId::Blank(b) = &e.target {
            signature.entry(b.clone()).or_default().push(format!(
                "in {p} {} {}",
                e.kind,
                name(&e.source)
            ));
        }
    }
    if signature.is_empty() {
        return edges;
    }
    let mut order: Vec<(Vec<String>, String)> = signature
        .into_iter()
        .map(|(b, mut sig)| {
            sig.sort();
            (sig, b)
        })
        .collect();
    order.sort();
    let renamed: HashMap<String, String> = order
        .into_iter()
        .enumerate()
        .map(|(i, (_, b))| (b, format!("b{i}")))
        .collect();
    let rename = |n: NodeId| match n {
        NodeId::Blank(b) => NodeId::Blank(renamed.get(&b).cloned().unwrap_or(b)),
        other => other,
    };
    let mut out = Edges::default();
    for (mut e, (w, labels)) in edges.edges {
        e.source = rename(e.source);
        e.target = rename(e.target);
        let entry = out.edges.entry(e).or_insert((None, Vec::new()));
        entry.0 = entry.0.or(w);
        entry.1.extend(labels);
    }
    out
}

/// The part of an IRI after its last `#` or `/`.
pub fn local_name(iri: &str) -> &str {
    let cut = iri.rfind(['#', '/']).map_or(0, |i| i + 1);
    let name = &iri[cut..];
    if name.is_empty() {
        iri
    } else {
        name
    }
}

/// The label of `iri` in `lang`: rdfs:label, then skos:prefLabel, in `lang`, then in the
/// other language, then one without a language, then the IRI's last segment.
pub fn label_of(store: &Store, iri: &str, lang: Lang) -> Result<String> {
    let Ok(node) = NamedNodeRef::new(iri) else {
        return Ok(local_name(iri).to_owned());
    };
    let mut found: Vec<(u8, String)> = Vec::new();
    for (rank, p) in [(0u8, rdfs::LABEL), (1, skos::PREF_LABEL)] {
        for q in store.quads_for_pattern(Some(node.into()), Some(p), None, None) {
            let q = q.map_err(Error::StoreRead)?;
            if let Term::Literal(l) = q.object {
                let r = match l.language() {
                    Some(t) if t == lang.tag() => rank,
                    Some(t) if t == lang.other().tag() => 2 + rank,
                    None => 4 + rank,
                    Some(_) => 6 + rank,
                };
                found.push((r, l.value().to_owned()));
            }
        }
    }
    found.sort();
    Ok(found
        .into_iter()
        .next()
        .map(|(_, l)| l)
        .unwrap_or_else(|| local_name(iri).to_owned()))
}

fn objects(store: &Store, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Result<Vec<Term>> {
    let mut out = Vec::new();
    for q in store.quads_for_pattern(Some(s.into()), Some(p), None, None) {
        out.push(q.map_err(Error::StoreRead)?.object);
    }
    out.sort_by_cached_key(|t| t.to_string());
    out.dedup();
    Ok(out)
}

fn year_of(store: &Store, fiscal_year: &Term) -> Result<Option<u16>> {
    let Term::NamedNode(fy) = fiscal_year else {
        return Ok(None);
    };
    for t in objects(store, fy.as_ref(), mrd::YEAR)? {
        if let Term::Literal(l) = t {
            if let Ok(y) = l.value().parse::<u16>() {
                return Ok(Some(y));
            }
        }
    }
    Ok(None)
}

/// The kind, type and fiscal years of a resource, read from the store.
fn describe(store: &Store, iri: &str) -> Result<(NodeKind, Option<String>, BTreeSet<u16>)> {
    let mut years = BTreeSet::new();
    let Ok(node) = NamedNodeRef::new(iri) else {
        return Ok((NodeKind::Other, None, years));
    };
    let types = objects(store, node, rdf::TYPE)?;
    let has = |t: NamedNodeRef<'_>| {
        types
            .iter()
            .any(|x| matches!(x, Term::NamedNode(n) if n.as_ref() == t))
    };
    // a ministry or agency of the summary tables: it has a column code (文, 厚, こ, 健 …)
    let ministry = !objects(store, node, skos::NOTATION)?.is_empty()
        && objects(store, node, org::CLASSIFICATION)?.iter().any(
            |t| matches!(t, Term::Literal(l) if l.value() == "ministry" || l.value() == "agency"),
        );
    let table: [(NamedNodeRef<'_>, NodeKind); 10] = [
        (mrd::HEALTHCARE_POLICY, NodeKind::Strategy),
        (mrd::FISCAL_YEAR, NodeKind::FiscalYear),
        (mrd::INTEGRATED_PROJECT, NodeKind::Project),
        (mrd::PROGRAM_YEAR, NodeKind::ProgramYear),
        (mrd::PROGRAM, NodeKind::Program),
        (org::ORGANIZATION, NodeKind::Organisation),
        (owl::CLASS, NodeKind::Class),
        (owl::OBJECT_PROPERTY, NodeKind::Property),
        (owl::DATATYPE_PROPERTY, NodeKind::Property),
        (skos::CONCEPT, NodeKind::Concept),
    ];
    let (mut kind, mut type_iri) = (NodeKind::Other, None);
    if let Some((t, k)) = table.iter().find(|(t, _)| has(*t)) {
        kind = *k;
        type_iri = Some(t.as_str().to_owned());
    } else if let Some(Term::NamedNode(t)) = types.first() {
        type_iri = Some(t.as_str().to_owned());
    }
    if kind == NodeKind::Organisation && ministry {
        kind = NodeKind::Ministry;
    }
    match kind {
        NodeKind::FiscalYear => years.extend(year_of(store, &Term::NamedNode(node.into_owned()))?),
        NodeKind::Project | NodeKind::ProgramYear => {
            for fy in objects(store, node, mrd::FISCAL_YEAR_PROP)? {
                years.extend(year_of(store, &fy)?);
            }
        }
        NodeKind::Program => {
            for q in store.quads_for_pattern(None, Some(mrd::PROGRAM_PROP), Some(node.into()), None)
            {
                let q = q.map_err(Error::StoreRead)?;
                if let NamedOrBlankNode::NamedNode(py) = &q.subject {
                    let is_py = objects(store, py.as_ref(), rdf::TYPE)?.iter().any(
                        |t| matches!(t, Term::NamedNode(n) if n.as_ref() == mrd::PROGRAM_YEAR),
                    );
                    if is_py {
                        for fy in objects(store, py.as_ref(), mrd::FISCAL_YEAR_PROP)? {
                            years.extend(year_of(store, &fy)?);
                        }
                    }
                }
            }
        }
        _ => {}
    }
    Ok((kind, type_iri, years))
}

/// Every node's amounts, by node IRI, per year.
pub type Amounts = HashMap<String, Vec<Amount>>;

/// Amounts per node and year (`queries/viz/amounts.rq`), over the whole store.
pub fn amounts(store: &Store) -> Result<Amounts> {
    let mut out: Amounts = HashMap::new();
    let Answer::Solutions { variables, rows } = run(store, AMOUNTS, None)? else {
        return Err(Error::Internal {
            message: "queries/viz/amounts.rq is not a SELECT".into(),
            source: None,
        });
    };
    let col = |n: &str| {
        column(&variables, n).ok_or_else(|| Error::Internal {
            message: format!("queries/viz/amounts.rq has no ?{n}"),
            source: None,
        })
    };
    let (n, y, a, c, p) = (
        col("node")?,
        col("year")?,
        col("amountOku")?,
        col("certain")?,
        col("partial")?,
    );
    for row in rows {
        let cell = |i: usize| row.get(i).cloned().flatten();
        let (Some(Term::NamedNode(node)), Some(Term::Literal(year)), Some(Term::Literal(amount))) =
            (cell(n), cell(y), cell(a))
        else {
            continue;
        };
        let (Ok(year), Ok(oku)) = (
            year.value().parse::<u16>(),
            amount.value().parse::<Decimal>(),
        ) else {
            continue;
        };
        let certain = matches!(cell(c), Some(Term::Literal(l)) if l.value() == "1");
        let partial = matches!(cell(p), Some(Term::Literal(l)) if l.value() == "1");
        out.entry(node.as_str().to_owned())
            .or_default()
            .push(Amount {
                year,
                oku: oku.normalize(),
                certain,
                partial,
            });
    }
    Ok(out)
}

/// The options that shape a graph.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub lang: Lang,
    /// Keep only the nodes of this fiscal year (and those of every year, like ministries).
    pub year: Option<u16>,
    /// What `?resource` is bound to, if anything.
    pub resource: Option<oxigraph::model::NamedNode>,
    /// The store's amounts, when known already (else they are read).
    pub amounts: Option<std::sync::Arc<Amounts>>,
}

/// Runs the graph query `text` and builds the model, labelled in `scope.lang`.
pub fn extract(
    store: &Store,
    text: &str,
    file: Option<&Path>,
    title: &str,
    scope: &Scope,
) -> Result<Graph> {
    let limits = crate::query::Limits {
        bindings: scope
            .resource
            .iter()
            .map(|r| {
                (
                    Variable::new_unchecked("resource"),
                    Term::NamedNode(r.clone()),
                )
            })
            .collect(),
        ..Default::default()
    };
    let edges = edges_of(crate::query::run_with(store, text, file, &limits)?, file)?;
    let amounts = match &scope.amounts {
        Some(a) => a.clone(),
        None => std::sync::Arc::new(amounts(store)?),
    };
    let mut ids: BTreeSet<NodeId> = BTreeSet::new();
    for e in edges.edges.keys() {
        ids.insert(e.source.clone());
        ids.insert(e.target.clone());
    }
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    for id in &ids {
        let node = match id {
            NodeId::Iri(iri) => {
                let (kind, type_iri, years) = describe(store, iri)?;
                let mut amounts = amounts.get(iri).cloned().unwrap_or_default();
                amounts.sort_by_key(|a| a.year);
                Node {
                    id: iri.clone(),
                    label: label_of(store, iri, scope.lang)?,
                    kind,
                    type_iri,
                    years,
                    amounts,
                }
            }
            NodeId::Blank(_) | NodeId::Text(_) => Node {
                id: id.id(),
                label: match id {
                    NodeId::Text(t) => t.clone(),
                    _ => scope.lang.pick("（空白ノード）", "(blank node)").to_owned(),
                },
                kind: if matches!(id, NodeId::Text(_)) {
                    NodeKind::Text
                } else {
                    NodeKind::Other
                },
                type_iri: None,
                years: BTreeSet::new(),
                amounts: Vec::new(),
            },
        };
        nodes.insert(node.id.clone(), node);
    }
    // one fiscal year: drop the nodes of the other years and the amounts of other years
    if let Some(y) = scope.year {
        // the years something of the graph belongs to (a fiscal-year node alone is no content)
        let years: BTreeSet<u16> = nodes
            .values()
            .filter(|n| n.kind != NodeKind::FiscalYear)
            .flat_map(|n| n.years.iter().copied())
            .collect();
        if !years.contains(&y) {
            return Err(Error::Viz {
                message: format!(
                    "no node of this graph belongs to fiscal year {y}: expected one of {}",
                    if years.is_empty() {
                        "none (the graph has no fiscal years; leave out --year)".to_owned()
                    } else {
                        years
                            .iter()
                            .map(u16::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                ),
            });
        }
        nodes.retain(|_, n| n.years.is_empty() || n.years.contains(&y));
        for n in nodes.values_mut() {
            n.amounts.retain(|a| a.year == y);
        }
    }
    let mut out_edges = Vec::new();
    let mut predicate_labels: HashMap<String, String> = HashMap::new();
    for (e, (weight, labels)) in &edges.edges {
        let (s, t) = (e.source.id(), e.target.id());
        if !nodes.contains_key(&s) || !nodes.contains_key(&t) {
            continue;
        }
        let label = pick_label(labels, scope.lang);
        let label = match (label, &e.predicate) {
            (Some(l), _) => l,
            (None, Some(p)) => match predicate_labels.get(p) {
                Some(l) => l.clone(),
                None => {
                    let l = label_of(store, p, scope.lang)?;
                    predicate_labels.insert(p.clone(), l.clone());
                    l
                }
            },
            (None, None) => e.kind.clone(),
        };
        out_edges.push(Edge {
            id: String::new(),
            source: s,
            target: t,
            predicate: e.predicate.clone(),
            inverse: e.inverse,
            label,
            kind: e.kind.clone(),
            weight: *weight,
        });
    }
    // a node the year filter cut off from every edge it had goes too
    if scope.year.is_some() {
        let linked: BTreeSet<&str> = out_edges
            .iter()
            .flat_map(|e| [e.source.as_str(), e.target.as_str()])
            .collect();
        let keep: BTreeSet<String> = nodes
            .keys()
            .filter(|k| linked.contains(k.as_str()))
            .cloned()
            .collect();
        nodes.retain(|k, _| keep.contains(k));
    }
    for (i, e) in out_edges.iter_mut().enumerate() {
        e.id = format!("e{i}");
    }
    let mut years: BTreeSet<u16> = BTreeSet::new();
    for n in nodes.values() {
        years.extend(n.amounts.iter().map(|a| a.year));
        years.extend(n.years.iter().copied());
    }
    Ok(Graph {
        title: title.to_owned(),
        years: years.into_iter().collect(),
        nodes: nodes.into_values().collect(),
        edges: out_edges,
    })
}

/// The label in `lang`, else the other language's, else one without a language (the order of
/// [`label_of`]).
fn pick_label(labels: &[Offered], lang: Lang) -> Option<String> {
    let rank = |l: &Option<String>| match l.as_deref() {
        Some(t) if t == lang.tag() => 0,
        Some(t) if t == lang.other().tag() => 1,
        None => 2,
        Some(_) => 3,
    };
    labels
        .iter()
        .min_by_key(|(l, v)| (rank(l), v.clone()))
        .map(|(_, v)| v.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_and_label_choice() {
        assert_eq!(
            local_name("https://w3id.org/medrd-kg/def#Program"),
            "Program"
        );
        assert_eq!(local_name("https://example.org/a/b"), "b");
        assert_eq!(local_name("https://example.org/"), "https://example.org/");
        let labels = vec![
            (Some("en".into()), "continued".into()),
            (Some("ja".into()), "継続".into()),
        ];
        assert_eq!(pick_label(&labels, Lang::Ja).as_deref(), Some("継続"));
        assert_eq!(pick_label(&labels, Lang::En).as_deref(), Some("continued"));
        assert_eq!(
            pick_label(&labels[..1], Lang::Ja).as_deref(),
            Some("continued")
        );
        assert_eq!(pick_label(&[], Lang::Ja), None);
    }
}
