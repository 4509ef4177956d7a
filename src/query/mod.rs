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
    run_with(store, query, file, &Limits::default())
}

/// What a query may use: a cancellation token (checked by the evaluator as it runs, so that a
/// cancelled query stops and frees its CPU), a row limit, and the dataset (SPARQL protocol's
/// `default-graph-uri` / `named-graph-uri`; by default the union of the named graphs).
#[derive(Clone, Default)]
pub struct Limits {
    pub cancel: Option<oxigraph::sparql::CancellationToken>,
    /// More solutions (or triples) than this is an error naming the limit.
    pub max_rows: Option<usize>,
    pub default_graphs: Vec<oxigraph::model::NamedNode>,
    pub named_graphs: Vec<oxigraph::model::NamedNode>,
    /// Variables bound before evaluation (as if by `VALUES`, without touching the text).
    pub bindings: Vec<(Variable, Term)>,
    /// Refuse `SERVICE` (no HTTP request leaves the process): what a public endpoint needs.
    pub offline: bool,
}

/// [`run`] within `limits`.
pub fn run_with(
    store: &Store,
    query: &str,
    file: Option<&Path>,
    limits: &Limits,
) -> Result<Answer> {
    let mut evaluator = SparqlEvaluator::new();
    if limits.offline {
        evaluator = evaluator.without_default_http_service_handler();
    }
    if let Some(token) = &limits.cancel {
        evaluator = evaluator.with_cancellation_token(token.clone());
    }
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
    if !limits.default_graphs.is_empty() || !limits.named_graphs.is_empty() {
        let d = prepared.dataset_mut();
        d.set_default_graph(
            limits
                .default_graphs
                .iter()
                .cloned()
                .map(Into::into)
                .collect(),
        );
        if !limits.named_graphs.is_empty() {
            d.set_available_named_graphs(
                limits
                    .named_graphs
                    .iter()
                    .cloned()
                    .map(Into::into)
                    .collect(),
            );
        }
    } else if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    for (v, t) in &limits.bindings {
        prepared = prepared.substitute_variable(v.clone(), t.clone());
    }
    let over = |n: usize| limits.max_rows.is_some_and(|m| n > m);
    let limit_err = || Error::RowLimit {
        limit: limits.max_rows.unwrap_or(0),
    };
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
                if over(rows.len()) {
                    return Err(limit_err());
                }
            }
            Answer::Solutions { variables, rows }
        }
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Graph(triples) => {
            let mut all = Vec::new();
            for t in triples {
                all.push(t.map_err(Error::QueryEval)?);
                if over(all.len()) {
                    return Err(limit_err());
                }
            }
            all.sort_by_key(|t| t.to_string());
            Answer::Graph(all)
        }
    })
}
