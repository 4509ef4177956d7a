//! Deterministic dumps of the store in every RDF format: quads are sorted (graph,
//! subject, predicate, object) before they are written, and the store holds no random
//! blank-node labels, so the same data always gives the same bytes.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, Quad};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::vocab::PREFIXES;

/// The dump formats, by their command-line names.
pub const FORMATS: &[(&str, RdfFormat)] = &[
    ("turtle", RdfFormat::Turtle),
    ("ntriples", RdfFormat::NTriples),
    ("nquads", RdfFormat::NQuads),
    ("trig", RdfFormat::TriG),
    ("rdfxml", RdfFormat::RdfXml),
    (
        "jsonld",
        RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        },
    ),
];

pub fn parse_format(name: &str) -> Result<RdfFormat> {
    FORMATS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
        .ok_or_else(|| Error::Choice {
            what: "RDF format",
            value: name.to_owned(),
            choices: FORMATS
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", "),
        })
}

fn write_err(e: impl std::fmt::Display) -> Error {
    Error::Write {
        what: "dump".into(),
        message: e.to_string(),
    }
}

/// The quads of `graph` (all graphs when `None`), sorted.
pub fn sorted_quads(store: &Store, graph: Option<&NamedNode>) -> Result<Vec<Quad>> {
    let graph_ref = graph.map(|g| GraphNameRef::NamedNode(g.as_ref()));
    let mut quads = Vec::new();
    for q in store.quads_for_pattern(None, None, None, graph_ref) {
        quads.push(q.map_err(|e| Error::Store {
            path: "(store being dumped)".into(),
            message: e.to_string(),
        })?);
    }
    let key = |q: &Quad| {
        (
            q.graph_name.to_string(),
            q.subject.to_string(),
            q.predicate.to_string(),
            q.object.to_string(),
        )
    };
    quads.sort_by_cached_key(key);
    Ok(quads)
}

/// Writes the store (or one graph) in `format`. Dataset formats (N-Quads, TriG, JSON-LD) keep
/// the graph names; formats without named graphs (Turtle, N-Triples, RDF/XML) get the union
/// of the graphs, each triple once.
pub fn dump(
    store: &Store,
    format: RdfFormat,
    graph: Option<&NamedNode>,
    out: &mut dyn Write,
) -> Result<()> {
    let quads = sorted_quads(store, graph)?;
    let mut ser = RdfSerializer::from_format(format);
    for (p, ns) in PREFIXES {
        ser = ser.with_prefix(*p, *ns).map_err(write_err)?;
    }
    let mut w = ser.for_writer(out);
    if format.supports_datasets() {
        for q in &quads {
            w.serialize_quad(q).map_err(write_err)?;
        }
    } else {
        let mut triples: Vec<_> = quads
            .into_iter()
            .map(oxigraph::model::Triple::from)
            .collect();
        triples.sort_by_cached_key(|t| {
            (
                t.subject.to_string(),
                t.predicate.to_string(),
                t.object.to_string(),
            )
        });
        triples.dedup();
        for t in &triples {
            w.serialize_triple(t).map_err(write_err)?;
        }
    }
    w.finish().map_err(write_err)?;
    Ok(())
}
