use std::io::Write;
use std::process::ExitCode;

use medrd_kg::chart::{chart, ChartOptions};
use medrd_kg::draw::Lang;
use medrd_kg::export::write_atomically;
use medrd_kg::Error;

use crate::cli::args::ChartArgs;

pub fn run(a: ChartArgs) -> anyhow::Result<ExitCode> {
    let opts = ChartOptions {
        lang: Lang::parse(&a.lang)?,
        year: a.year,
    };
    let store = medrd_kg::store::open_read_only(&a.store.store)?;
    let svg = chart(&store, a.kind, &opts)?;
    match &a.output {
        None => {
            let mut out = super::stdout();
            out.write_all(svg.as_bytes())
                .map_err(|e| Error::write("standard output", e))?;
            super::finish(out)?;
        }
        Some(path) => write_atomically(path, svg.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
