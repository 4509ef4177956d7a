//! The stages chained: data folder → records → checked model → quads → store, and the
//! validation report. Commands, tests and benchmarks call these.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use oxigraph::model::{GraphName, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::{BulkLoader, Store};

use crate::check::reconcile::{reconcile, stale_explanations};
use crate::check::report::{Reconciliation, UncertainFigure, ValidationReport};
use crate::check::Stream;
use crate::error::{Error, Result};
use crate::input::{read_data, read_document, read_shared};
use crate::model::Model;
use crate::rdf::mapping::{Mapper, QuadSink};
use crate::rdf::{Base, GraphKey};
use crate::store::Staging;

/// Quads buffered before a batch goes to the bulk loader.
pub const BATCH: usize = 50_000;

/// Reads and checks the data folder: the model, or every problem of the data.
pub fn load_model(data: &Path) -> Result<Model> {
    let raw = read_data(data)?;
    crate::check::check(&raw).map_err(Error::Invalid)
}

/// Where a build reads from and writes to.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub data: PathBuf,
    pub ontology: PathBuf,
    pub store: PathBuf,
    pub base: Base,
}

/// What a build wrote.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// (graph IRI, distinct triples) in a stable order.
    pub graphs: Vec<(String, u64)>,
    pub total: u64,
    pub elapsed: Duration,
}

/// Reads, checks, maps and loads the data into a new store that replaces `opts.store`
/// only once it is complete.
///
/// It streams: each document is read, checked and mapped into the store's bulk loader
/// before the next is read, so memory holds one document's records at a time, plus what
/// the documents share (reference data, programs) and what the `meta` graph needs of each
/// (its header and which projects list which programs). Once a problem is found, the
/// remaining documents are still checked, so that every problem is reported, but no
/// longer mapped; the new store is then dropped and the previous one stays.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    let start = Instant::now();
    let shared = read_shared(&opts.data)?;
    let mut stream = Stream::new(&shared);
    let staging = Staging::new(&opts.store)?;
    let graphs = {
        let tmp = staging.path();
        let store =
            Store::open(tmp).map_err(|e| Error::store(tmp, "cannot create the store", e))?;
        let target = Target::Disk(tmp);
        let mut sink = LoaderSink::new(&store, target);
        let ontology = ontology_quads(&Mapper::new(&opts.base, stream.model()), &opts.ontology)?;
        for q in ontology {
            sink.push(q)?;
        }
        for header in &shared.documents {
            let files = read_document(&opts.data, &header.doc)?;
            let doc = stream.document(&files);
            drop(files);
            if let (Some(d), true) = (doc, stream.is_clean()) {
                Mapper::new(&opts.base, stream.model()).write_document_graph(&mut sink, &d)?;
            }
        }
        let model = stream.finish().map_err(Error::Invalid)?;
        let mapper = Mapper::new(&opts.base, &model);
        mapper.write_meta_graph(&mut sink)?;
        sink.commit()?;
        store
            .flush()
            .map_err(|e| Error::store(tmp, "cannot flush the store", e))?;
        count_graphs(&store, &mapper, tmp)?
    };
    staging.commit()?;
    let total = graphs.iter().map(|(_, n)| n).sum();
    Ok(BuildReport {
        graphs,
        total,
        elapsed: start.elapsed(),
    })
}

/// Builds a checked model into a new in-memory store (what `validate` checks).
pub fn build_in_memory(model: &Model, ontology_dir: &Path, base: &Base) -> Result<Store> {
    let mapper = Mapper::new(base, model);
    let ontology = ontology_quads(&mapper, ontology_dir)?;
    let store = Store::new().map_err(|e| Target::Memory.error("cannot create the store", e))?;
    load_into(&store, &mapper, ontology, Target::Memory)?;
    Ok(store)
}

/// Where quads are loaded, for errors: a store on disk names its folder.
#[derive(Clone, Copy)]
enum Target<'a> {
    Disk(&'a Path),
    Memory,
}

impl Target<'_> {
    fn error(self, message: &str, cause: impl Into<crate::error::Cause>) -> Error {
        match self {
            Target::Disk(path) => Error::store(path, message, cause),
            // nothing but memory can fail there: not the user's input
            Target::Memory => Error::internal(format!("in-memory store: {message}"), cause),
        }
    }
}

fn ontology_quads(mapper: &Mapper, dir: &Path) -> Result<Vec<Quad>> {
    let ontology: GraphName = mapper.graph_iri(GraphKey::Ontology)?.into();
    let shapes: GraphName = mapper.graph_iri(GraphKey::Shapes)?.into();
    crate::rdf::ontology::load(dir, &ontology, &shapes)
}

/// Feeds the bulk loader in batches of [`BATCH`] quads.
struct LoaderSink<'a> {
    loader: BulkLoader<'a>,
    buffer: Vec<Quad>,
    target: Target<'a>,
    progress: crate::progress::Progress,
}

impl<'a> LoaderSink<'a> {
    fn new(store: &'a Store, target: Target<'a>) -> Self {
        LoaderSink {
            loader: store.bulk_loader(),
            buffer: Vec::with_capacity(BATCH),
            target,
            progress: crate::progress::Progress::counter("quads loaded"),
        }
    }

    /// Loads what is buffered and commits the load.
    fn commit(mut self) -> Result<()> {
        self.flush()?;
        let target = self.target;
        self.loader
            .commit()
            .map_err(|e| target.error("cannot commit the load", e))
    }

    fn flush(&mut self) -> Result<()> {
        let batch = std::mem::take(&mut self.buffer);
        self.progress.inc(batch.len() as u64);
        self.loader
            .load_quads(batch)
            .map_err(|e| self.target.error("cannot load quads", e))
    }
}

impl QuadSink for LoaderSink<'_> {
    fn push(&mut self, quad: Quad) -> Result<()> {
        self.buffer.push(quad);
        if self.buffer.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }
}

fn load_into(store: &Store, mapper: &Mapper, ontology: Vec<Quad>, target: Target) -> Result<()> {
    let mut sink = LoaderSink::new(store, target);
    for q in ontology {
        sink.push(q)?;
    }
    mapper.write(&mut sink)?;
    sink.commit()
}

/// Distinct triples per named graph, as stored, in the order of [`Mapper::graphs`]. One
/// SPARQL count over the store's encoded terms: reading the quads back as terms would look
/// up every string of every quad (minutes at millions of triples).
fn count_graphs(store: &Store, mapper: &Mapper, path: &Path) -> Result<Vec<(String, u64)>> {
    let fail = |e: String| Error::store(path, "cannot count the triples", e);
    let query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
    let results = SparqlEvaluator::new()
        .parse_query(query)
        .map_err(|e| Error::internal("the count query", e))?
        .on_store(store)
        .execute()
        .map_err(|e| fail(e.to_string()))?;
    let QueryResults::Solutions(rows) = results else {
        return Err(Error::internal("the count query", "gave no solutions"));
    };
    let mut counts = std::collections::HashMap::new();
    for row in rows {
        let row = row.map_err(|e| fail(e.to_string()))?;
        if let (Some(Term::NamedNode(g)), Some(Term::Literal(n))) = (row.get("g"), row.get("n")) {
            let n = n.value().parse::<u64>().map_err(|e| fail(e.to_string()))?;
            counts.insert(g.as_str().to_owned(), n);
        }
    }
    let mut out = Vec::new();
    for key in mapper.graphs() {
        let g = mapper.graph_iri(key)?.into_string();
        let n = counts.get(&g).copied().unwrap_or(0);
        out.push((g, n));
    }
    Ok(out)
}

/// What `validate` checks and against what.
#[derive(Debug, Clone)]
pub struct ValidateOptions {
    pub data: PathBuf,
    pub ontology: PathBuf,
    /// Run the SHACL shapes on this built store instead of a fresh in-memory build of `data`.
    pub store: Option<PathBuf>,
    pub base: Base,
}

/// Checks the records and their provenance, reconciles every stated sum (once), lists the
/// uncertain figures and runs the SHACL shapes. An `Err` is a failure to run the checks
/// (unreadable files, a broken store); what the checks find is in the report.
pub fn validate(opts: &ValidateOptions) -> Result<ValidationReport> {
    let raw = read_data(&opts.data)?;
    let records = raw.quoted_records();
    let shapes = opts.ontology.join(crate::rdf::ontology::SHAPES_FILE);
    let model = match crate::check::check(&raw) {
        Ok(model) => model,
        Err(problems) => {
            return Ok(ValidationReport {
                records,
                problems,
                reconciliation: None,
                uncertain: None,
                shacl: None,
                shapes,
            })
        }
    };
    let rows = reconcile(&model);
    let stale = stale_explanations(&model, &rows);
    // the graphs of the ontology and the shapes are not data
    let (store, not_data) = match &opts.store {
        Some(dir) => {
            let store = crate::store::open_read_only(dir)?;
            let graphs = vec![
                graph_about(&store, dir, crate::rdf::vocab::ONTOLOGY)?,
                graph_about(&store, dir, crate::rdf::vocab::SHAPES)?,
            ];
            (store, graphs)
        }
        None => {
            let mapper = Mapper::new(&opts.base, &model);
            let graphs = vec![
                mapper.graph_iri(GraphKey::Ontology)?.into_string(),
                mapper.graph_iri(GraphKey::Shapes)?.into_string(),
            ];
            (build_in_memory(&model, &opts.ontology, &opts.base)?, graphs)
        }
    };
    let shacl = crate::check::shacl::validate(&store, &not_data, &shapes)?;
    Ok(ValidationReport {
        records,
        problems: Vec::new(),
        reconciliation: Some(Reconciliation { rows, stale }),
        uncertain: Some(UncertainFigure::all(&model)),
        shacl: Some(shacl),
        shapes,
    })
}

/// The graph that describes `subject` (the ontology, the shapes), whatever base the store
/// was built with.
fn graph_about(
    store: &Store,
    dir: &Path,
    subject: oxigraph::model::NamedNodeRef<'_>,
) -> Result<String> {
    for q in store.quads_for_pattern(Some(subject.into()), None, None, None) {
        let q = q.map_err(|e| Error::store(dir, "cannot read the store", e))?;
        if let GraphName::NamedNode(g) = q.graph_name {
            return Ok(g.into_string());
        }
    }
    Err(Error::ForeignStore {
        path: dir.to_path_buf(),
        message: format!(
            "holds no graph describing {subject}: was it built by medrd-kg from an ontology folder with medrd.ttl and shapes.ttl?"
        ),
    })
}
