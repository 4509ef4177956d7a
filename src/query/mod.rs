//! Runs SPARQL over the store (the default graph is the union of all named graphs unless
//! the query names its own dataset) and formats the results.

mod results;

use std::path::Path;

use oxigraph::model::{Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator, Variable};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::rdf::vocab::PREFIXES;

pub use results::{display, write_answer, write_table, write_triples};

/// The answer to a query, fully read.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Solutions {
        variables: Vec<Variable>,
        rows: Vec<Vec<Option<Term>>>,
    },
    Boolean(bool),
    Graph(Vec<Triple>),
}

/// Runs `query` (read from `file` if given, for error messages) on `store`. The prefixes of
/// `vocab::PREFIXES` (mrd:, skos:, qb:, org:, prov:, dcterms: ...) are predeclared.
pub fn run(store: &Store, query: &str, file: Option<&Path>) -> Result<Answer> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, ns) in PREFIXES {
        // the table's prefixes are valid IRIs: a failure here is the program's
        evaluator = evaluator
            .with_prefix(*prefix, *ns)
            .map_err(|e| Error::internal("the predeclared prefixes", e))?;
    }
    let mut prepared = evaluator
        .parse_query(query)
        .map_err(|source| Error::QuerySyntax {
            file: file.map(Path::to_path_buf),
            source,
        })?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    let results = prepared
        .on_store(store)
        .execute()
        .map_err(Error::QueryEval)?;
    Ok(match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(Error::QueryEval)?;
                rows.push(variables.iter().map(|v| s.get(v).cloned()).collect());
            }
            Answer::Solutions { variables, rows }
        }
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Graph(triples) => {
            let mut all = Vec::new();
            for t in triples {
                all.push(t.map_err(Error::QueryEval)?);
            }
            all.sort_by_key(|t| t.to_string());
            Answer::Graph(all)
        }
    })
}
