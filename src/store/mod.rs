//! The on-disk Oxigraph store: built into a temporary folder next to the target with the
//! bulk loader, then swapped in, so a failed or interrupted build leaves the previous
//! store untouched.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use oxigraph::model::{GraphName, GraphNameRef, Quad};
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

/// `<parent>/.<name>.<tag>-<our pid>`: this build's temporary or old folder.
fn sibling(target: &Path, tag: &str) -> PathBuf {
    parent_of(target).join(format!(
        "{}{}",
        sibling_prefix(target, tag),
        std::process::id()
    ))
}

/// `.<name>.<tag>-`: how the temporary and old folders of a store are named.
fn sibling_prefix(target: &Path, tag: &str) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store".into());
    format!(".{name}.{tag}-")
}

fn parent_of(target: &Path) -> &Path {
    target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Siblings of `target` named `.<name>.<tag>-<pid>`, with their pid.
fn siblings(target: &Path, tag: &str) -> Vec<(PathBuf, Option<u32>)> {
    let prefix_name = sibling_prefix(target, tag);
    let Ok(entries) = std::fs::read_dir(parent_of(target)) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, Option<u32>)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let pid = name.strip_prefix(&prefix_name)?.parse().ok();
            Some((e.path(), pid))
        })
        .collect();
    out.sort();
    out
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false)
}

/// Whether `path` holds an Oxigraph (RocksDB) store.
pub fn is_store(path: &Path) -> bool {
    path.is_dir() && path.join("CURRENT").is_file()
}

/// A build may only replace a store, an empty folder or nothing: never a user's folder.
fn check_target(target: &Path) -> Result<()> {
    if !target.exists() {
        return Ok(());
    }
    let refuse = |why: &str| Error::Store {
        path: target.to_path_buf(),
        message: format!(
            "{why}; refusing to replace it (choose another --store, or remove it yourself)"
        ),
    };
    if !target.is_dir() {
        return Err(refuse("exists and is not a folder"));
    }
    if !is_empty_dir(target) && !is_store(target) {
        return Err(refuse("is a folder that does not hold an Oxigraph store"));
    }
    Ok(())
}

/// Puts back a store that an interrupted swap left aside (`.<name>.old-<pid>`).
fn restore(target: &Path) -> Result<()> {
    if !target.exists() {
        if let Some((old, _)) = siblings(target, "old")
            .into_iter()
            .rev()
            .find(|(p, pid)| pid.is_some() && is_store(p))
        {
            std::fs::rename(&old, target)
                .map_err(|e| Error::io_op("restore the previous store from", &old, e))?;
        }
    }
    Ok(())
}

/// Restores an interrupted swap, then removes what dead builds left: only folders named
/// `.<name>.tmp-<pid>` / `.<name>.old-<pid>` whose process is gone and that are empty or hold
/// a store. Anything else is left alone.
fn recover(target: &Path) -> Result<()> {
    restore(target)?;
    if !Path::new("/proc/self").exists() || !target.exists() {
        return Ok(());
    }
    for (leftover, pid) in siblings(target, "tmp")
        .into_iter()
        .chain(siblings(target, "old"))
    {
        let Some(pid) = pid else { continue };
        let running = pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
        if !running && (is_empty_dir(&leftover) || is_store(&leftover)) {
            let _ = std::fs::remove_dir_all(&leftover);
        }
    }
    Ok(())
}

/// Removes a temporary build folder when dropped (a failed build, or a panic).
struct TempGuard(Option<PathBuf>);

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = std::fs::remove_dir_all(p);
        }
    }
}

/// Reads, validates, maps and loads the data into a new store at `opts.store`.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    let start = Instant::now();
    let data = read_data(&opts.data)?;
    validate(&data)?;
    let target = match std::fs::symlink_metadata(&opts.store) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(&opts.store)
            .map_err(|e| Error::io_op("resolve", &opts.store, e))?,
        _ => opts.store.clone(),
    };
    check_target(&target)?;
    recover(&target)?;
    let mapper = Mapper::new(&opts.base, &data);
    let ontology_graph: GraphName = mapper.graph_iri(ONTOLOGY_GRAPH)?.into();
    let ontology = crate::ontology::load(&opts.ontology, &ontology_graph)?;

    std::fs::create_dir_all(parent_of(&target))
        .map_err(|e| Error::io_op("create", parent_of(&target), e))?;
    let tmp = sibling(&target, "tmp");
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(|e| Error::io_op("remove", &tmp, e))?;
    }
    let mut guard = TempGuard(Some(tmp.clone()));
    let graphs = {
        let store = Store::open(&tmp).map_err(|e| store_error(&tmp, e))?;
        load_into(&store, &mapper, ontology, &tmp)?;
        store.flush().map_err(|e| store_error(&tmp, e))?;
        count_graphs(&store, &mapper, &data)?
    };
    swap_in(&tmp, &target)?;
    guard.0 = None;
    let total = graphs.iter().map(|(_, n)| n).sum();
    Ok(BuildReport {
        graphs,
        total,
        elapsed: start.elapsed(),
    })
}

/// Distinct triples per named graph, as stored.
fn count_graphs(
    store: &Store,
    mapper: &Mapper,
    data: &crate::source::Data,
) -> Result<Vec<(String, u64)>> {
    let mut names = vec![
        ONTOLOGY_GRAPH.to_owned(),
        crate::mapping::META_GRAPH.to_owned(),
    ];
    names.extend(data.documents.iter().map(|d| d.doc.rec.id.clone()));
    let mut out = Vec::new();
    for name in names {
        let g = mapper.graph_iri(&name)?;
        let mut n = 0u64;
        for q in
            store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
        {
            q.map_err(|e| Error::Store {
                path: PathBuf::from("(new store)"),
                message: e.to_string(),
            })?;
            n += 1;
        }
        out.push((g.into_string(), n));
    }
    Ok(out)
}

fn load_into(store: &Store, mapper: &Mapper, ontology: Vec<Quad>, path: &Path) -> Result<()> {
    let mut sink = LoaderSink {
        loader: store.bulk_loader(),
        buffer: Vec::with_capacity(BATCH),
        path: path.to_path_buf(),
    };
    for q in ontology {
        sink.push(q)?;
    }
    mapper.write(&mut sink)?;
    sink.flush()?;
    sink.loader.commit().map_err(|e| store_error(path, e))
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

/// Replaces `target` by `new`: the old store is moved aside first and put back if the
/// second rename fails; an interrupted swap is repaired by the next build or open.
fn swap_in(new: &Path, target: &Path) -> Result<()> {
    let old = sibling(target, "old");
    let had_old = target.exists();
    if had_old {
        std::fs::rename(target, &old)
            .map_err(|e| Error::io_op("move aside the previous store", target, e))?;
    }
    if let Err(e) = std::fs::rename(new, target) {
        if had_old {
            std::fs::rename(&old, target).map_err(|e2| Error::Store {
                path: target.to_path_buf(),
                message: format!("cannot install the new store ({e}) nor put the previous one back from {} ({e2})", old.display()),
            })?;
        }
        return Err(Error::io_op("install the new store at", target, e));
    }
    if had_old {
        // the new store is in place: a leftover old folder is removed by a later build
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(())
}

/// Opens an existing store for reading.
pub fn open(path: &Path) -> Result<Store> {
    restore(path)?;
    if !path.is_dir() {
        return Err(Error::NoStore {
            path: path.to_path_buf(),
        });
    }
    Store::open_read_only(path).map_err(|e| store_error(path, e))
}
