use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use medrd_kg::pipeline::{build, BuildOptions};
use medrd_kg::rdf::Base;

use crate::cli::args::BuildArgs;

pub fn run(a: BuildArgs) -> anyhow::Result<ExitCode> {
    let opts = BuildOptions {
        data: a.data.data,
        ontology: a.ontology,
        store: a.store.store,
        base: Base::new(&a.base)?,
    };
    let report = build(&opts).with_context(|| {
        format!(
            "build of {} failed; the store at {} was left as it was",
            opts.data.display(),
            opts.store.display()
        )
    })?;
    let mut out = super::stdout();
    let w = |e| medrd_kg::Error::write("standard output", e);
    writeln!(
        out,
        "built {} in {:.2?}",
        opts.store.display(),
        report.elapsed
    )
    .map_err(w)?;
    let width = report
        .graphs
        .iter()
        .map(|(g, _)| g.len())
        .max()
        .unwrap_or(0);
    for (graph, n) in &report.graphs {
        writeln!(out, "  {graph:width$}  {n:>7} triples").map_err(w)?;
    }
    writeln!(out, "  {:width$}  {:>7} triples", "total", report.total).map_err(w)?;
    super::finish(out)?;
    Ok(ExitCode::SUCCESS)
}
