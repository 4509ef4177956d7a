//! SHACL validation of the built graph with rudof's `shacl_validation` engine: the data
//! graphs (everything but the ontology and shapes graphs) are checked against `ontology/shapes.ttl`.
//! It reads a store, so the whole graph is checked exactly as it is served.

use std::io::Cursor;
use std::path::Path;

use oxigraph::io::RdfFormat;
use oxigraph::model::GraphName;
use oxigraph::store::Store;
use rudof_rdf::rdf_core::RDFFormat;
use rudof_rdf::rdf_impl::{InMemoryGraph, ReaderMode};
use shacl_validation::shacl_processor::{GraphValidation, ShaclProcessor, ShaclValidationMode};
use shacl_validation::store::{Graph, ShaclDataManager};

use crate::error::{Error, Result};

/// A SHACL failure; rudof's errors are not all `Send + Sync`, so their text is the cause.
fn shacl_error(message: String, cause: impl std::fmt::Display) -> Error {
    Error::Shacl {
        message: format!("{message}: {cause}"),
        source: None,
    }
}

/// One SHACL result, as text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub severity: String,
    pub focus: String,
    pub path: String,
    pub component: String,
    pub message: String,
}

/// The outcome of a SHACL run.
#[derive(Debug, Clone)]
pub struct Report {
    pub conforms: bool,
    pub violations: usize,
    pub warnings: usize,
    pub findings: Vec<Finding>,
    /// Number of triples validated.
    pub triples: usize,
}

/// Validates the data graphs of `store` (all graphs except those named in `not_data`:
/// the ontology and the shapes) against the shapes in `shapes`.
pub fn validate(store: &Store, not_data: &[String], shapes: &Path) -> Result<Report> {
    let shapes_text = std::fs::read(shapes).map_err(|e| Error::read(shapes, e))?;
    let shapes_name = shapes.display().to_string();
    let schema = ShaclDataManager::load(
        &mut Cursor::new(shapes_text),
        &shapes_name,
        RDFFormat::Turtle,
        None,
    )
    .map_err(|e| Error::Shapes {
        path: shapes.to_path_buf(),
        message: e.to_string(),
    })?;

    let mut nt = Vec::new();
    let mut triples = 0;
    {
        let mut w =
            oxigraph::io::RdfSerializer::from_format(RdfFormat::NTriples).for_writer(&mut nt);
        for q in store.iter() {
            let q = q.map_err(Error::StoreRead)?;
            if let GraphName::NamedNode(g) = &q.graph_name {
                if not_data.iter().any(|n| n == g.as_str()) {
                    continue;
                }
            }
            triples += 1;
            w.serialize_triple(q.as_ref())
                .map_err(|e| shacl_error("cannot copy the graph".into(), e))?;
        }
        w.finish()
            .map_err(|e| shacl_error("cannot copy the graph".into(), e))?;
    }
    let graph = InMemoryGraph::from_reader(
        &mut Cursor::new(nt),
        "store",
        &RDFFormat::NTriples,
        None,
        &ReaderMode::Strict,
    )
    .map_err(|e| shacl_error("cannot read the graph".into(), e))?;
    let graph =
        Graph::from_graph(graph).map_err(|e| shacl_error("cannot read the graph".into(), e))?;
    let mut validation = GraphValidation::from_graph(graph, ShaclValidationMode::Native);
    let report = validation
        .validate(&schema)
        .map_err(|e| shacl_error("validation failed".into(), e))?;
    let mut findings: Vec<Finding> = report
        .results()
        .iter()
        .map(|r| Finding {
            severity: format!("{:?}", r.severity()),
            focus: r.focus_node().to_string(),
            path: r.path().map(|p| p.to_string()).unwrap_or_default(),
            component: r.component().to_string(),
            message: r.message().unwrap_or_default().to_owned(),
        })
        .collect();
    findings.sort();
    Ok(Report {
        conforms: report.conforms(),
        violations: report.count_violations(),
        warnings: report.count_warnings(),
        findings,
        triples,
    })
}
