//! The binary's glue: clap types (`args`) and one module per subcommand, each a function
//! from its arguments to an exit code over the library.

pub mod args;
pub mod build;
pub mod chart;
pub mod completions;
pub mod dump;
pub mod query;
pub mod validate;

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
