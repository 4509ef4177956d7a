use std::process::ExitCode;

use anyhow::Context;
use medrd_kg::viz::{render, Request, Source};

use crate::cli::args::VizArgs;

pub fn run(a: VizArgs) -> anyhow::Result<ExitCode> {
    let source = match (&a.view, &a.query) {
        (_, Some(f)) => Source::Query {
            text: std::fs::read_to_string(f)
                .with_context(|| format!("cannot read query file {}", f.display()))?,
            file: Some(f.clone()),
        },
        (Some(v), None) => Source::View(*v),
        (None, None) => anyhow::bail!("give --view VIEW or --query FILE"),
    };
    let store = medrd_kg::store::open_read_only(&a.store.store)?;
    let request = Request {
        source,
        format: a.format,
        lang: a.lang,
        year: a.year,
        resource: a.resource.clone(),
        amounts: None,
    };
    let text = render(&store, &request)?;
    super::emit(a.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}
