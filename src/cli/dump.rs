use std::process::ExitCode;

use anyhow::Context;
use medrd_kg::export::{dump, dump_to_file};
use medrd_kg::Error;
use oxigraph::model::NamedNode;

use crate::cli::args::DumpArgs;

pub fn run(a: DumpArgs) -> anyhow::Result<ExitCode> {
    let format = a.format.format;
    let graph = a
        .graph
        .as_deref()
        .map(NamedNode::new)
        .transpose()
        .context("--graph is not a valid IRI")?;
    let store = medrd_kg::store::open_read_only(&a.store.store)?;
    if let Some(g) = &graph {
        if !store.contains_named_graph(g).map_err(Error::StoreRead)? {
            let mut names = Vec::new();
            for n in store.named_graphs() {
                names.push(n.map_err(Error::StoreRead)?.to_string());
            }
            anyhow::bail!(
                "no graph {g} in the store: expected one of {}",
                names.join(", ")
            );
        }
    }
    match &a.output {
        None => {
            let mut out = super::stdout();
            dump(&store, format, graph.as_ref(), &mut out)?;
            super::finish(out)?;
        }
        Some(path) => dump_to_file(&store, format, graph.as_ref(), path)?,
    }
    Ok(ExitCode::SUCCESS)
}
