use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use medrd_kg::export::parse_format;
use medrd_kg::query::{run as run_query, write_answer, ResultFormat};

use crate::cli::{QueryArgs, ResultsFormat};

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
    let store = medrd_kg::store::open(&a.store.store)?;
    let answer = run_query(&store, &text, file)?;
    let stdout = std::io::stdout();
    let format = match a.format {
        Some(ResultsFormat::Table) => ResultFormat::Table,
        Some(ResultsFormat::Csv) => ResultFormat::Csv,
        Some(ResultsFormat::Tsv) => ResultFormat::Tsv,
        Some(ResultsFormat::Json) => ResultFormat::Json,
        Some(ResultsFormat::Xml) => ResultFormat::Xml,
        None if stdout.is_terminal() => ResultFormat::Table,
        None => ResultFormat::Tsv,
    };
    let rdf = parse_format(a.rdf_format.name())?;
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_answer(&answer, format, rdf, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
