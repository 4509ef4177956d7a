use std::process::ExitCode;

use medrd_kg::chart::{chart, ChartOptions};

use crate::cli::args::ChartArgs;

pub fn run(a: ChartArgs) -> anyhow::Result<ExitCode> {
    let opts = ChartOptions {
        lang: a.lang,
        year: a.year,
    };
    let store = medrd_kg::store::open_read_only(&a.store.store)?;
    let svg = chart(&store, a.kind, &opts)?;
    super::emit(a.output.as_deref(), &svg)?;
    Ok(ExitCode::SUCCESS)
}
