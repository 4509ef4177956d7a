//! Reads the ontology folder (`*.ttl`: the OWL ontology and the SHACL shapes) into quads
//! of one named graph. Blank nodes are relabelled in parse order (`o1`, `o2`, ...), so the
//! same files always give the same quads and the same dumps.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::{BlankNode, GraphName, NamedOrBlankNode, Quad, Term};

use crate::error::{Error, Location, Result};

/// The Turtle files of the ontology folder, sorted by name.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
    let mut files = Vec::new();
    for e in entries {
        let p = e.map_err(|e| Error::read(dir, e))?.path();
        if p.extension().is_some_and(|x| x == "ttl") {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

/// Parses one Turtle file into quads of `graph`, with deterministic blank-node labels
/// (prefixed with `prefix` so that two files never share a label).
pub fn parse_turtle(path: &Path, graph: &GraphName, prefix: &str) -> Result<Vec<Quad>> {
    let text = std::fs::read(path).map_err(|e| Error::read(path, e))?;
    let mut labels: HashMap<String, BlankNode> = HashMap::new();
    let mut relabel = |b: &BlankNode| -> BlankNode {
        let n = labels.len() + 1;
        labels
            .entry(b.as_str().to_owned())
            .or_insert_with(|| BlankNode::new_unchecked(format!("{prefix}{n}")))
            .clone()
    };
    let mut quads = Vec::new();
    for q in RdfParser::from_format(RdfFormat::Turtle).for_slice(&text) {
        let q = q.map_err(|e| syntax_error(path, e))?;
        let subject = match q.subject {
            NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::BlankNode(relabel(&b)),
            s => s,
        };
        let object = match q.object {
            Term::BlankNode(b) => Term::BlankNode(relabel(&b)),
            o => o,
        };
        quads.push(Quad::new(subject, q.predicate, object, graph.clone()));
    }
    Ok(quads)
}

fn syntax_error(path: &Path, e: RdfSyntaxError) -> Error {
    let (line, column) = e
        .location()
        .map_or((0, 0), |l| (l.start.line + 1, l.start.column + 1));
    Error::Syntax {
        location: Location::new(path, line as usize, column as usize),
        message: e.to_string(),
    }
}

/// The file of the ontology folder that holds the SHACL shapes.
pub const SHAPES_FILE: &str = "shapes.ttl";

/// Every quad of the ontology folder, in file order: the shapes file into `shapes`, every
/// other file into `ontology`.
pub fn load(dir: &Path, ontology: &GraphName, shapes: &GraphName) -> Result<Vec<Quad>> {
    let mut all = Vec::new();
    for (i, f) in files(dir)?.iter().enumerate() {
        let graph = if f.file_name().is_some_and(|n| n == SHAPES_FILE) {
            shapes
        } else {
            ontology
        };
        all.extend(parse_turtle(f, graph, &format!("o{}x", i + 1))?);
    }
    Ok(all)
}
