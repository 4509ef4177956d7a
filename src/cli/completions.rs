use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::args::{Cli, CompletionsArgs};

pub fn run(a: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    clap_complete::generate(a.shell, &mut Cli::command(), "medrd-kg", &mut out);
    super::finish(out)?;
    Ok(ExitCode::SUCCESS)
}
