//! Runs SPARQL over the store (the default graph is the union of all named graphs unless
//! the query names its own dataset) and formats the results.

use std::io::Write;
use std::path::Path;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator, Variable};
use oxigraph::store::Store;
use unicode_width::UnicodeWidthStr;

use crate::error::{Error, Result};
use crate::vocab::PREFIXES;

/// Result formats of SELECT and ASK queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

impl ResultFormat {
    pub const CHOICES: &'static str = "table, csv, tsv, json, xml";

    pub fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "table" => ResultFormat::Table,
            "csv" => ResultFormat::Csv,
            "tsv" => ResultFormat::Tsv,
            "json" => ResultFormat::Json,
            "xml" => ResultFormat::Xml,
            _ => {
                return Err(Error::Choice {
                    what: "result format",
                    value: s.to_owned(),
                    choices: Self::CHOICES.into(),
                })
            }
        })
    }
}

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
        evaluator = evaluator
            .with_prefix(*prefix, *ns)
            .map_err(|e| Error::QueryEval(e.to_string()))?;
    }
    let mut prepared = evaluator
        .parse_query(query)
        .map_err(|e| Error::QuerySyntax {
            file: file.map(Path::to_path_buf),
            message: e.to_string(),
        })?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    let results = prepared
        .on_store(store)
        .execute()
        .map_err(|e| Error::QueryEval(e.to_string()))?;
    Ok(match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| Error::QueryEval(e.to_string()))?;
                rows.push(variables.iter().map(|v| s.get(v).cloned()).collect());
            }
            Answer::Solutions { variables, rows }
        }
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Graph(triples) => {
            let mut all = Vec::new();
            for t in triples {
                all.push(t.map_err(|e| Error::QueryEval(e.to_string()))?);
            }
            all.sort_by_key(|t| t.to_string());
            Answer::Graph(all)
        }
    })
}

/// The text a person reads for a term: an IRI as is, a literal's lexical form, `_:b` for
/// blank nodes.
pub fn display(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn write_err(e: impl std::fmt::Display) -> Error {
    Error::Write {
        what: "query results".into(),
        message: e.to_string(),
    }
}

/// Writes SELECT / ASK answers in `format`.
pub fn write_answer(
    answer: &Answer,
    format: ResultFormat,
    rdf: RdfFormat,
    out: &mut dyn Write,
) -> Result<()> {
    match answer {
        Answer::Graph(triples) => write_triples(triples, rdf, out),
        Answer::Boolean(b) => match format {
            ResultFormat::Table => writeln!(out, "{b}").map_err(write_err),
            _ => {
                QueryResultsSerializer::from_format(results_format(format))
                    .serialize_boolean_to_writer(&mut *out, *b)
                    .map_err(write_err)?;
                writeln!(out).map_err(write_err)
            }
        },
        Answer::Solutions { variables, rows } => match format {
            ResultFormat::Table => write_table(variables, rows, out),
            _ => {
                let mut ser = QueryResultsSerializer::from_format(results_format(format))
                    .serialize_solutions_to_writer(&mut *out, variables.clone())
                    .map_err(write_err)?;
                for row in rows {
                    ser.serialize(
                        variables
                            .iter()
                            .zip(row)
                            .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))),
                    )
                    .map_err(write_err)?;
                }
                ser.finish().map_err(write_err)?;
                Ok(())
            }
        },
    }
}

fn results_format(f: ResultFormat) -> QueryResultsFormat {
    match f {
        ResultFormat::Csv => QueryResultsFormat::Csv,
        ResultFormat::Tsv => QueryResultsFormat::Tsv,
        ResultFormat::Xml => QueryResultsFormat::Xml,
        ResultFormat::Json | ResultFormat::Table => QueryResultsFormat::Json,
    }
}

/// A table for people: one column per variable, aligned by display width (CJK
/// characters are two columns wide), and a row count.
pub fn write_table(
    variables: &[Variable],
    rows: &[Vec<Option<Term>>],
    out: &mut dyn Write,
) -> Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| {
                    t.as_ref()
                        .map(display)
                        .unwrap_or_default()
                        .replace('\n', " ")
                })
                .collect()
        })
        .collect();
    let headers: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let line = |cols: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, (c, w)) in cols.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str(" │ ");
            }
            s.push_str(c);
            if i + 1 < cols.len() {
                s.push_str(&" ".repeat(w.saturating_sub(c.width())));
            }
        }
        writeln!(out, "{s}")
    };
    line(&headers, out).map_err(write_err)?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("─┼─")).map_err(write_err)?;
    for row in &cells {
        line(row, out).map_err(write_err)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
    .map_err(write_err)
}

/// Writes triples (CONSTRUCT / DESCRIBE answers) with the usual prefixes.
pub fn write_triples(triples: &[Triple], format: RdfFormat, out: &mut dyn Write) -> Result<()> {
    let mut ser = RdfSerializer::from_format(format);
    for (p, ns) in PREFIXES {
        ser = ser.with_prefix(*p, *ns).map_err(write_err)?;
    }
    let mut w = ser.for_writer(out);
    for t in triples {
        w.serialize_triple(t).map_err(write_err)?;
    }
    w.finish().map_err(write_err)?;
    Ok(())
}
