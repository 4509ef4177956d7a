use std::process::ExitCode;

use medrd_kg::pipeline::{validate, ValidateOptions};
use medrd_kg::rdf::Base;

use crate::cli::args::ValidateArgs;

pub fn run(a: ValidateArgs) -> anyhow::Result<ExitCode> {
    let report = validate(&ValidateOptions {
        data: a.data.data,
        ontology: a.ontology,
        store: a.store,
        base: Base::new(&a.base)?,
    })?;
    let mut out = super::stdout();
    report.write_text(&mut out, a.all)?;
    super::finish(out)?;
    Ok(if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
