//! The binary's glue: clap types (`args`) and one module per subcommand, each a function
//! from its arguments to an exit code over the library.

pub mod args;
pub mod build;
pub mod chart;
pub mod completions;
pub mod dump;
pub mod gen;
pub mod ontology;
pub mod publish;
pub mod push;
pub mod query;
pub mod serve;
pub mod validate;
pub mod viz;

use std::io::{BufWriter, StdoutLock, Write};

/// Buffered standard output.
pub fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

/// Flushes `out`; a failure (a reader that went away) keeps its io error as the cause.
pub fn finish(mut out: impl Write) -> Result<(), medrd_kg::Error> {
    out.flush()
        .map_err(|e| medrd_kg::Error::write("standard output", e))
}

/// Writes `text` to `output` atomically, or to standard output.
pub fn emit(output: Option<&std::path::Path>, text: &str) -> Result<(), medrd_kg::Error> {
    match output {
        None => {
            let mut out = stdout();
            out.write_all(text.as_bytes())
                .map_err(|e| medrd_kg::Error::write("standard output", e))?;
            finish(out)
        }
        Some(path) => medrd_kg::export::write_atomically(path, text.as_bytes()),
    }
}
