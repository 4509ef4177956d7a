use std::process::ExitCode;

use medrd_kg::synth::{generate, GenOptions};

use crate::cli::args::GenArgs;

pub fn run(a: GenArgs) -> anyhow::Result<ExitCode> {
    let report = generate(&GenOptions {
        data: a.data.data,
        out: a.out.clone(),
        scale: a.scale,
    })?;
    println!(
        "wrote {} documents ({} files) into {}",
        report.documents,
        report.files,
        a.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
