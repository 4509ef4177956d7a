//! `medrd-kg`: parses arguments, dispatches to a command, prints the error chain once and
//! sets the exit code. Everything else lives in the library and `commands/`.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let result = match cli.command {
        cli::Command::Build(a) => commands::build::run(a),
        cli::Command::Query(a) => commands::query::run(a),
        cli::Command::Dump(a) => commands::dump::run(a),
        cli::Command::Validate(a) => commands::validate::run(a),
        cli::Command::Completions(a) => commands::completions::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}
