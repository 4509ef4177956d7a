use std::process::ExitCode;

use anyhow::Context;
use medrd_kg::iri::Base;
use medrd_kg::store::{build, BuildOptions};

use crate::cli::BuildArgs;

pub fn run(a: BuildArgs) -> anyhow::Result<ExitCode> {
    let base = Base::new(&a.base)?;
    let opts = BuildOptions {
        data: a.data.data,
        ontology: a.ontology,
        store: a.store.store,
        base,
    };
    let report = build(&opts).with_context(|| {
        format!(
            "build of {} failed; the store at {} was left as it was",
            opts.data.display(),
            opts.store.display()
        )
    })?;
    println!("built {} in {:.2?}", opts.store.display(), report.elapsed);
    let width = report
        .graphs
        .iter()
        .map(|(g, _)| g.len())
        .max()
        .unwrap_or(0);
    for (graph, n) in &report.graphs {
        println!("  {graph:width$}  {n:>7} triples");
    }
    println!("  {:width$}  {:>7} triples", "total", report.total);
    Ok(ExitCode::SUCCESS)
}
