use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Context;
use medrd_kg::format::ResultsSyntax;
use medrd_kg::query::{run as run_query, write_answer};

use crate::cli::args::QueryArgs;

pub fn run(a: QueryArgs) -> anyhow::Result<ExitCode> {
    let (text, file) = match (&a.query, &a.file) {
        (Some(q), _) => (q.clone(), None),
        (None, Some(f)) => (
            std::fs::read_to_string(f)
                .with_context(|| format!("cannot read query file {}", f.display()))?,
            Some(f.as_path()),
        ),
        (None, None) => anyhow::bail!("give a query file or --query"),
    };
    let store = medrd_kg::store::open_read_only(&a.store.store)?;
    let answer = run_query(&store, &text, file)?;
    // a table for people at a terminal, TSV for programs reading a pipe
    let format = a.format.unwrap_or(if std::io::stdout().is_terminal() {
        ResultsSyntax::TABLE
    } else {
        ResultsSyntax::TSV
    });
    let mut out = super::stdout();
    write_answer(&answer, format, a.rdf_format.format, &mut out)?;
    super::finish(out)?;
    Ok(ExitCode::SUCCESS)
}
