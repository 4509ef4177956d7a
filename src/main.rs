//! `medrd-kg`: parses arguments, dispatches to a command, prints the error chain once and
//! sets the exit code. Everything else lives in the library and `commands/`.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    restore_sigpipe();
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

/// Output piped into `head` and the like ends quietly when the reader goes away, as for
/// other Unix tools, instead of a "broken pipe" panic.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: resetting a signal to its default disposition at start-up, before any thread
    // is spawned, has no memory-safety implications.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
