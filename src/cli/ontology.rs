use std::process::ExitCode;

use medrd_kg::export::{write_owl, write_with};

use crate::cli::args::OntologyArgs;

pub fn run(a: OntologyArgs) -> anyhow::Result<ExitCode> {
    let store = medrd_kg::store::open_read_only(&a.store.store)?;
    let format = a.format.format;
    match &a.output {
        None => {
            let mut out = super::stdout();
            write_owl(&store, format, &mut out)?;
            super::finish(out)?;
        }
        Some(path) => write_with(path, |out| write_owl(&store, format, out))?,
    }
    Ok(ExitCode::SUCCESS)
}
