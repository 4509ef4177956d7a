use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use medrd_kg::export::{dump, parse_format};
use oxigraph::model::NamedNode;

use crate::cli::DumpArgs;

pub fn run(a: DumpArgs) -> anyhow::Result<ExitCode> {
    let format = parse_format(a.format.name())?;
    let graph = a
        .graph
        .as_deref()
        .map(NamedNode::new)
        .transpose()
        .context("--graph is not a valid IRI")?;
    let store = medrd_kg::store::open(&a.store.store)?;
    if let Some(g) = &graph {
        if !store.contains_named_graph(g).unwrap_or(false) {
            let names: Vec<String> = store
                .named_graphs()
                .filter_map(|g| g.ok())
                .map(|g| g.to_string())
                .collect();
            anyhow::bail!(
                "no graph {g} in the store: expected one of {}",
                names.join(", ")
            );
        }
    }
    match &a.output {
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            dump(&store, format, graph.as_ref(), &mut out)?;
            out.flush()?;
        }
        Some(path) => {
            // written next to the target, then renamed: a failed dump leaves no partial file
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "dump".into());
            let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
            let result = (|| -> anyhow::Result<()> {
                let file = std::fs::File::create(&tmp)
                    .with_context(|| format!("cannot create {}", tmp.display()))?;
                let mut out = std::io::BufWriter::new(file);
                dump(&store, format, graph.as_ref(), &mut out)?;
                out.flush()?;
                std::fs::rename(&tmp, path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Ok(())
            })();
            if result.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            result?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
