//! The on-disk Oxigraph store: built into a temporary folder next to the target with the
//! bulk loader, then swapped in, so a failed or interrupted build leaves the previous
//! store untouched.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use oxigraph::model::{GraphName, Quad};
use oxigraph::store::{BulkLoader, Store};

use crate::error::{Error, Result};
use crate::iri::Base;
use crate::mapping::{Mapper, QuadSink, ONTOLOGY_GRAPH};
use crate::source::read_data;
use crate::validate::validate;

/// Quads buffered before a batch goes to the bulk loader.
pub const BATCH: usize = 50_000;

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
    /// (graph IRI, quads) in a stable order.
    pub graphs: Vec<(String, u64)>,
    pub total: u64,
    pub elapsed: Duration,
}

struct LoaderSink<'a> {
    loader: BulkLoader<'a>,
    buffer: Vec<Quad>,
    path: PathBuf,
}

impl LoaderSink<'_> {
    fn flush(&mut self) -> Result<()> {
        let batch = std::mem::take(&mut self.buffer);
        self.loader
            .load_quads(batch)
            .map_err(|e| store_error(&self.path, e))
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

fn store_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

fn sibling(target: &Path, tag: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store".into());
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent.join(format!(".{name}.{tag}-{}", std::process::id()))
}

/// Reads, validates, maps and loads the data into a new store at `opts.store`.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    let start = Instant::now();
    let data = read_data(&opts.data)?;
    validate(&data)?;
    let mapper = Mapper::new(&opts.base, &data);
    let ontology_graph: GraphName = mapper.graph_iri(ONTOLOGY_GRAPH)?.into();
    let ontology = crate::ontology::load(&opts.ontology, &ontology_graph)?;

    let tmp = sibling(&opts.store, "tmp");
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
    }
    if let Some(parent) = opts.store.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let result = (|| -> Result<Vec<(String, u64)>> {
        let store = Store::open(&tmp).map_err(|e| store_error(&tmp, e))?;
        let graphs = load_into(&store, &mapper, ontology, &tmp)?;
        store.flush().map_err(|e| store_error(&tmp, e))?;
        Ok(graphs)
    })();
    let graphs = match result {
        Ok(g) => g,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    swap_in(&tmp, &opts.store)?;
    let total = graphs.iter().map(|(_, n)| n).sum();
    Ok(BuildReport {
        graphs,
        total,
        elapsed: start.elapsed(),
    })
}

fn load_into(
    store: &Store,
    mapper: &Mapper,
    ontology: Vec<Quad>,
    path: &Path,
) -> Result<Vec<(String, u64)>> {
    let mut sink = LoaderSink {
        loader: store.bulk_loader(),
        buffer: Vec::with_capacity(BATCH),
        path: path.to_path_buf(),
    };
    let ontology_count = ontology.len() as u64;
    for q in ontology {
        sink.push(q)?;
    }
    let report = mapper.write(&mut sink)?;
    sink.flush()?;
    sink.loader.commit().map_err(|e| store_error(path, e))?;
    let mut graphs = vec![(
        mapper.graph_iri(ONTOLOGY_GRAPH)?.into_string(),
        ontology_count,
    )];
    for (name, n) in report.graphs {
        graphs.push((mapper.graph_iri(&name)?.into_string(), n));
    }
    Ok(graphs)
}

/// Builds already-read data into a new in-memory store (no validation: call
/// `validate` first). Used by `validate` and by tests.
pub fn build_in_memory(
    data: &crate::source::Data,
    ontology_dir: &Path,
    base: &Base,
) -> Result<Store> {
    let mapper = Mapper::new(base, data);
    let graph: GraphName = mapper.graph_iri(ONTOLOGY_GRAPH)?.into();
    let ontology = crate::ontology::load(ontology_dir, &graph)?;
    let store = Store::new().map_err(|e| store_error(Path::new("(memory)"), e))?;
    load_into(&store, &mapper, ontology, Path::new("(memory)"))?;
    Ok(store)
}

/// Replaces `target` by `new`: the old store is moved aside first and restored if the
/// second rename fails.
fn swap_in(new: &Path, target: &Path) -> Result<()> {
    let old = sibling(target, "old");
    let had_old = target.exists();
    if had_old {
        std::fs::rename(target, &old).map_err(|e| Error::io(target, e))?;
    }
    if let Err(e) = std::fs::rename(new, target) {
        if had_old {
            let _ = std::fs::rename(&old, target);
        }
        let _ = std::fs::remove_dir_all(new);
        return Err(Error::io(target, e));
    }
    if had_old {
        std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
    }
    Ok(())
}

/// Opens an existing store for reading.
pub fn open(path: &Path) -> Result<Store> {
    if !path.is_dir() {
        return Err(Error::NoStore {
            path: path.to_path_buf(),
        });
    }
    Store::open_read_only(path).map_err(|e| store_error(path, e))
}
