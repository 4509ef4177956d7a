use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn run(a: CompletionsArgs) -> anyhow::Result<ExitCode> {
    clap_complete::generate(
        a.shell,
        &mut Cli::command(),
        "medrd-kg",
        &mut std::io::stdout(),
    );
    Ok(ExitCode::SUCCESS)
}
