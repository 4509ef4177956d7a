//! Deterministic dumps of the store in every RDF format: quads are sorted (graph,
//! subject, predicate, object) before they are written, and the store holds no random
//! blank-node labels, so the same data always gives the same bytes.

use std::io::Write;
use std::path::Path;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad, Triple};
use oxigraph::store::Store;

use crate::error::{Error, Result};

mod owl;
use crate::rdf::vocab::PREFIXES;
pub use owl::{owl_triples, write_owl};

fn write_err(e: std::io::Error) -> Error {
    Error::write("the dump", e)
}

/// A serializer for `format` that declares the usual prefixes (`vocab::PREFIXES`).
pub fn serializer(format: RdfFormat) -> Result<RdfSerializer> {
    let mut ser = RdfSerializer::from_format(format);
    for (p, ns) in PREFIXES {
        ser = ser
            .with_prefix(*p, *ns)
            .map_err(|e| Error::internal("the predeclared prefixes", e))?;
    }
    Ok(ser)
}

/// The quads of `graph` (all graphs when `None`), sorted.
pub fn sorted_quads(store: &Store, graph: Option<&NamedNode>) -> Result<Vec<Quad>> {
    let graph_ref = graph.map(|g| GraphNameRef::NamedNode(g.as_ref()));
    let mut quads = Vec::new();
    for q in store.quads_for_pattern(None, None, None, graph_ref) {
        quads.push(q.map_err(Error::StoreRead)?);
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
///
/// Dataset formats are written graph by graph, in the order of the graphs' names, each graph
/// sorted: the same bytes as sorting every quad, holding one graph at a time (a store of
/// millions of triples in thousands of documents' graphs). The union of the graphs is sorted
/// whole, so the triple formats hold every triple.
pub fn dump(
    store: &Store,
    format: RdfFormat,
    graph: Option<&NamedNode>,
    out: &mut dyn Write,
) -> Result<()> {
    let progress = crate::progress::Progress::counter("quads");
    let mut w = serializer(format)?.for_writer(out);
    if format.supports_datasets() {
        for g in graph_names(store, graph)? {
            let quads = sorted_quads_of(store, g.as_ref())?;
            for (i, q) in quads.iter().enumerate() {
                w.serialize_quad(q).map_err(write_err)?;
                if i % 1024 == 1023 {
                    progress.inc(1024);
                }
            }
        }
    } else {
        let quads = sorted_quads(store, graph)?;
        let mut triples: Vec<Triple> = quads.into_iter().map(Triple::from).collect();
        triples.sort_by_cached_key(|t| {
            (
                t.subject.to_string(),
                t.predicate.to_string(),
                t.object.to_string(),
            )
        });
        triples.dedup();
        for (i, t) in triples.iter().enumerate() {
            w.serialize_triple(t).map_err(write_err)?;
            if i % 1024 == 1023 {
                progress.inc(1024);
            }
        }
    }
    w.finish().map_err(write_err)?;
    Ok(())
}

/// The graphs to dump in the order [`sorted_quads`] puts their quads: `graph` alone, or every
/// named graph and the default graph (when it holds anything), by their printed names.
fn graph_names(store: &Store, graph: Option<&NamedNode>) -> Result<Vec<GraphName>> {
    if let Some(g) = graph {
        return Ok(vec![GraphName::NamedNode(g.clone())]);
    }
    let mut names = Vec::new();
    for g in store.named_graphs() {
        names.push(GraphName::from(g.map_err(Error::StoreRead)?));
    }
    if let Some(q) = store
        .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
        .next()
    {
        q.map_err(Error::StoreRead)?;
        names.push(GraphName::DefaultGraph);
    }
    names.sort_by_cached_key(|g| g.to_string());
    Ok(names)
}

/// The quads of one graph, sorted by subject, predicate and object.
fn sorted_quads_of(store: &Store, graph: GraphNameRef<'_>) -> Result<Vec<Quad>> {
    let mut quads = Vec::new();
    for q in store.quads_for_pattern(None, None, None, Some(graph)) {
        quads.push(q.map_err(Error::StoreRead)?);
    }
    quads.sort_by_cached_key(|q| {
        (
            q.subject.to_string(),
            q.predicate.to_string(),
            q.object.to_string(),
        )
    });
    Ok(quads)
}

/// Writes the dump to `path` atomically (see [`write_with`]).
pub fn dump_to_file(
    store: &Store,
    format: RdfFormat,
    graph: Option<&NamedNode>,
    path: &Path,
) -> Result<()> {
    write_with(path, |out| dump(store, format, graph, out))
}

/// Writes `bytes` to `path` atomically (see [`write_with`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, |out| {
        out.write_all(bytes)
            .map_err(|e| Error::write(path.display().to_string(), e))
    })
}

/// Writes to `path` atomically what `write` writes: into a temporary file beside it,
/// renamed over `path` only when complete, so a failed write never leaves a partial file
/// behind.
pub fn write_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // the file gets the permissions the user expects of a new file (0666 less the umask), or
    // keeps those of the file it replaces, not the temporary file's private 0600
    let mut builder = tempfile::Builder::new();
    builder.prefix(".medrd-kg-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let tmp = builder
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a temporary file in", dir, e))?;
    let mut out = std::io::BufWriter::new(tmp);
    write(&mut out)?;
    let tmp = out
        .into_inner()
        .map_err(|e| Error::write(path.display().to_string(), e.into_error()))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::write(path.display().to_string(), e))?;
    tmp.persist(path)
        .map_err(|e| Error::io("write", path, e.error))?;
    Ok(())
}
