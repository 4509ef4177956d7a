//! `medrd-kg`: parses arguments, dispatches to a command, prints the error chain once and
//! sets the exit code. Everything else lives in the library and `cli/`.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use cli::args::{Cli, Command};

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Build(a) => cli::build::run(a),
        Command::Query(a) => cli::query::run(a),
        Command::Dump(a) => cli::dump::run(a),
        Command::Validate(a) => cli::validate::run(a),
        Command::Viz(a) => cli::viz::run(a),
        Command::Ontology(a) => cli::ontology::run(a),
        Command::Serve(a) => cli::serve::run(a),
        Command::Publish(a) => cli::publish::run(a),
        Command::Push(a) => cli::push::run(a),
        Command::Gen(a) => cli::gen::run(a),
        Command::SparqlWorker(a) => cli::serve::worker(a),
        Command::Chart(a) => cli::chart::run(a),
        Command::Completions(a) => cli::completions::run(a),
    };
    match result {
        Ok(code) => code,
        // output piped into `head` and the like ends quietly when the reader goes away
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
