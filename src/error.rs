//! Typed errors of the library. Every error that comes from a data file carries its
//! position (`file:line:column`) so a user can jump straight to it.

use std::fmt;
use std::path::{Path, PathBuf};

/// A position in a data file: path, 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn new(file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            file: file.into(),
            line,
            column,
        }
    }

    /// The location of byte offset `offset` in `text` (lines and columns count from 1,
    /// columns in characters).
    pub fn from_offset(file: &Path, text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        Location::new(file, line, column)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// One problem found in the data: where, and what is wrong (with the valid choices when
/// there is a closed set of them).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub location: Location,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Errors of the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot {op} {path}: {error}")]
    Io {
        op: &'static str,
        path: PathBuf,
        error: std::io::Error,
    },

    #[error("{location}: syntax error: {message}")]
    Syntax { location: Location, message: String },

    #[error("{location}: {message}")]
    Data { location: Location, message: String },

    #[error("{} problem(s) in the data:\n{}", .0.len(), ProblemList(.0))]
    Invalid(Vec<Problem>),

    #[error("invalid base IRI {iri:?}: {message} (expected an absolute http(s) IRI ending with '/' or '#', e.g. https://w3id.org/medrd-kg/)")]
    Base { iri: String, message: String },

    #[error("invalid IRI {iri:?} minted for {what}: {message}")]
    Iri {
        iri: String,
        what: String,
        message: String,
    },

    #[error("store {path}: {message}")]
    Store { path: PathBuf, message: String },

    #[error("no store at {path}: run `medrd-kg build` first (or pass --store DIR)")]
    NoStore { path: PathBuf },

    #[error("SPARQL syntax error{}: {message}", .file.as_ref().map(|f| format!(" in {}", f.display())).unwrap_or_default())]
    QuerySyntax {
        file: Option<PathBuf>,
        message: String,
    },

    #[error("query evaluation failed: {0}")]
    QueryEval(String),

    #[error("cannot write {what}: {message}")]
    Write { what: String, message: String },

    #[error("SHACL: {0}")]
    Shacl(String),

    #[error("{what} {value:?} is not valid: expected one of {choices}")]
    Choice {
        what: &'static str,
        value: String,
        choices: String,
    },
}

struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  {p}")?;
        }
        Ok(())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A failed read of `path`.
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Self {
        Error::io_op("read", path, error)
    }

    /// A failed file-system operation (`op` is a verb: "rename", "remove", ...).
    pub fn io_op(op: &'static str, path: impl Into<PathBuf>, error: std::io::Error) -> Self {
        Error::Io {
            op,
            path: path.into(),
            error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "a = 1\nbé = 2\n";
        let loc = Location::from_offset(Path::new("x.toml"), text, 9);
        assert_eq!((loc.line, loc.column), (2, 3));
        assert_eq!(loc.to_string(), "x.toml:2:3");
        let start = Location::from_offset(Path::new("x.toml"), text, 0);
        assert_eq!((start.line, start.column), (1, 1));
    }
}
