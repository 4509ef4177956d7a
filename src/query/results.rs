//! Writing answers: SELECT / ASK results in the W3C formats or as a table for people,
//! CONSTRUCT / DESCRIBE results in an RDF format.

use std::io::Write;

use oxigraph::io::RdfFormat;
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::Variable;
use unicode_width::UnicodeWidthStr;

use super::Answer;
use crate::error::{Error, Result};
use crate::format::ResultsSyntax;

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

fn write_err(e: std::io::Error) -> Error {
    Error::write("the query results", e)
}

/// Writes SELECT / ASK answers in `format`.
pub fn write_answer(
    answer: &Answer,
    format: ResultsSyntax,
    rdf: RdfFormat,
    out: &mut dyn Write,
) -> Result<()> {
    match answer {
        Answer::Graph(triples) => write_triples(triples, rdf, out),
        Answer::Boolean(b) => match format.format {
            None => writeln!(out, "{b}").map_err(write_err),
            Some(f) => {
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(&mut *out, *b)
                    .map_err(write_err)?;
                writeln!(out).map_err(write_err)
            }
        },
        Answer::Solutions { variables, rows } => match format.format {
            None => write_table(variables, rows, out),
            Some(f) => {
                let mut ser = QueryResultsSerializer::from_format(f)
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
    let mut w = crate::export::serializer(format)?.for_writer(out);
    for t in triples {
        w.serialize_triple(t).map_err(write_err)?;
    }
    w.finish().map_err(write_err)?;
    Ok(())
}
