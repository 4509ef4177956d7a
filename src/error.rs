//! Typed errors of the library. Every error that comes from a data file carries its
//! position (`file:line:column`) so a user can jump straight to it; errors from lower
//! layers are kept as the `source` of ours, so the whole chain can be printed; and each
//! error says whose fault it is ([`Fault`]), so a server can answer 400 or 500.

use std::fmt;
use std::path::{Path, PathBuf};

use oxigraph::sparql::QueryEvaluationError;

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

/// Whose fault an error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Bad input: a data file, an argument, a query. Fix the input (HTTP 400).
    User,
    /// The program or its environment failed: storage, writing output (HTTP 500).
    Program,
}

/// A lower-level error kept as a cause.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Errors of the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder the user named cannot be read.
    #[error("cannot read {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A file-system operation of the program failed (`op` is a verb: "rename", ...).
    #[error("cannot {op} {}", path.display())]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{location}: syntax error: {message}")]
    Syntax { location: Location, message: String },

    #[error("{location}: {message}")]
    Data { location: Location, message: String },

    /// A document's source text cannot be read.
    #[error("{location}: the document's source text {} cannot be read", path.display())]
    SourceText {
        location: Location,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

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

    /// The store cannot be opened, read or written.
    #[error("store {}: {message}", path.display())]
    Store {
        path: PathBuf,
        message: String,
        #[source]
        source: Option<Cause>,
    },

    /// Reading an open store failed.
    #[error("cannot read the store")]
    StoreRead(#[source] oxigraph::store::StorageError),

    /// A folder given as the store that a build will not replace.
    #[error("store {}: {why}; refusing to replace it (choose another --store, or remove it yourself)", path.display())]
    NotAStore { path: PathBuf, why: &'static str },

    #[error("{}: {why}; refusing to replace it with a site (choose another --out, or empty it yourself)", path.display())]
    NotASite { path: PathBuf, why: &'static str },

    #[error("{url}: {message}\n{state}")]
    Push {
        url: String,
        message: String,
        /// What became of every graph: complete, partial or untouched.
        state: String,
    },

    #[error("no store at {}: run `medrd-kg build` first (or pass --store DIR)", path.display())]
    NoStore { path: PathBuf },

    #[error("SPARQL syntax error{}", .file.as_ref().map(|f| format!(" in {}", f.display())).unwrap_or_default())]
    QuerySyntax {
        file: Option<PathBuf>,
        #[source]
        source: oxigraph::sparql::SparqlSyntaxError,
    },

    #[error("query evaluation failed")]
    QueryEval(#[source] oxigraph::sparql::QueryEvaluationError),

    /// Writing output failed (a broken pipe is one: see [`Error::is_broken_pipe`]).
    #[error("cannot write {what}")]
    Write {
        what: String,
        #[source]
        source: std::io::Error,
    },

    /// The SHACL shapes file does not load.
    #[error("SHACL shapes {}: {message}", path.display())]
    Shapes { path: PathBuf, message: String },

    /// The SHACL engine failed on the graph.
    #[error("SHACL: {message}")]
    Shacl {
        message: String,
        #[source]
        source: Option<Cause>,
    },

    /// A store that medrd-kg did not build (or built from another ontology folder).
    #[error("store {}: {message}", path.display())]
    ForeignStore { path: PathBuf, message: String },

    /// Something the program guarantees did not hold: a bug.
    #[error("internal error: {message}")]
    Internal {
        message: String,
        #[source]
        source: Option<Cause>,
    },

    /// A store without the ontology graph (not built by `medrd-kg build`).
    #[error(
        "the store holds no ontology (no <{iri}> a owl:Ontology): build it with `medrd-kg build`"
    )]
    NoOntology { iri: String },

    /// A query's answer is longer than the configured limit.
    #[error("the answer has more than {limit} results, the limit of this server (use LIMIT, or ask the operator for a higher --max-rows)")]
    RowLimit { limit: usize },

    /// A query ran past its time limit and was stopped.
    #[error("the query ran longer than the time limit of {seconds} s and was stopped (simplify it, add LIMIT, or ask the operator for a higher --timeout)")]
    Timeout { seconds: f64 },

    /// A graph query or view that gives no picture (`medrd-kg viz`, `medrd-kg chart`).
    #[error("{message}")]
    Viz { message: String },

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
    /// A failed read of a file or folder the user named.
    pub fn read(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Read {
            path: path.into(),
            source,
        }
    }

    /// A failed file-system operation of the program.
    pub fn io(op: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            op,
            path: path.into(),
            source,
        }
    }

    /// A store error with its cause.
    pub fn store(
        path: impl Into<PathBuf>,
        message: impl Into<String>,
        source: impl Into<Cause>,
    ) -> Self {
        Error::Store {
            path: path.into(),
            message: message.into(),
            source: Some(source.into()),
        }
    }

    /// A broken invariant, with its cause.
    pub fn internal(message: impl Into<String>, source: impl Into<Cause>) -> Self {
        Error::Internal {
            message: message.into(),
            source: Some(source.into()),
        }
    }

    /// A failed write of `what`.
    pub fn write(what: impl Into<String>, source: std::io::Error) -> Self {
        Error::Write {
            what: what.into(),
            source,
        }
    }

    /// Whose fault the error is.
    pub fn fault(&self) -> Fault {
        match self {
            Error::Read { .. }
            | Error::Syntax { .. }
            | Error::Data { .. }
            | Error::SourceText { .. }
            | Error::Invalid(_)
            | Error::Base { .. }
            | Error::NotAStore { .. }
            | Error::NotASite { .. }
            | Error::Push { .. }
            | Error::ForeignStore { .. }
            | Error::Shapes { .. }
            | Error::NoStore { .. }
            | Error::QuerySyntax { .. }
            | Error::Viz { .. }
            | Error::RowLimit { .. }
            | Error::NoOntology { .. }
            | Error::Timeout { .. }
            | Error::Choice { .. } => Fault::User,
            // what a query asks for that the engine does not do is the query's fault
            Error::QueryEval(e) => match e {
                QueryEvaluationError::UnsupportedService(_)
                | QueryEvaluationError::UnboundService
                | QueryEvaluationError::InvalidServiceName(_)
                | QueryEvaluationError::UnsupportedCustomFunction(_)
                | QueryEvaluationError::UnsupportedCustomFunctionArity { .. }
                | QueryEvaluationError::NotExistingSubstitutedVariable(_) => Fault::User,
                _ => Fault::Program,
            },
            // a checked model under a checked base mints only valid IRIs: a bug otherwise
            Error::Iri { .. }
            | Error::Io { .. }
            | Error::Store { .. }
            | Error::StoreRead(_)
            | Error::Write { .. }
            | Error::Shacl { .. }
            | Error::Internal { .. } => Fault::Program,
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

    #[test]
    fn faults_and_causes() {
        use std::error::Error as _;
        let e = Error::write(
            "dump",
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "gone"),
        );
        assert_eq!(e.fault(), Fault::Program);
        assert!(e.source().is_some(), "the io error is kept as the cause");
        let e = Error::NoStore {
            path: "store".into(),
        };
        assert_eq!(e.fault(), Fault::User);
    }
}
