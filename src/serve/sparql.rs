//! The SPARQL 1.1 Protocol at `/sparql`: GET `?query=`, POST form-encoded or direct
//! (`application/sparql-query`), `default-graph-uri` / `named-graph-uri`; answers by `Accept`
//! or `?format=`. Read-only: updates get 403. Each query runs on a blocking thread with a
//! cancellation token that the time limit, and a client that goes away, both trip: the
//! evaluator checks it as it runs, so a stopped query frees its CPU.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;
use oxigraph::sparql::results::QueryResultsFormat;
use oxigraph::sparql::CancellationToken;

use super::negotiate::choose;
use super::AppState;
use crate::error::Error;
use crate::format::{ResultsSyntax, RESULTS_SYNTAXES};
use crate::query::{run_with, write_answer, Answer, Limits};

/// The protocol's parameters, from the URL or a form.
#[derive(Debug, Default)]
pub struct Params {
    query: Option<String>,
    update: Option<String>,
    format: Option<String>,
    default_graph_uri: Vec<String>,
    named_graph_uri: Vec<String>,
}

/// A plain-text error response.
pub fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{}\n", message.into()),
    )
        .into_response()
}

/// A refused request: its status and message (small, so that it can travel in a `Result`).
pub struct Reject(pub StatusCode, pub String);

impl IntoResponse for Reject {
    fn into_response(self) -> Response {
        error(self.0, self.1)
    }
}

/// The error chain of `e` on one line each, as the CLI prints it.
fn chain(e: &Error) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(c) = src {
        s.push_str(&format!("\n  caused by: {c}"));
        src = c.source();
    }
    s
}

/// Cancels the token when dropped: when the handler's future is dropped (the client went
/// away), the query stops.
struct CancelOnDrop(CancellationToken);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

fn parse_graphs(names: &[String], what: &str) -> Result<Vec<NamedNode>, Reject> {
    names
        .iter()
        .map(|n| {
            NamedNode::new(n.as_str()).map_err(|e| {
                Reject(
                    StatusCode::BAD_REQUEST,
                    format!("{what} {n:?} is not an IRI: {e}"),
                )
            })
        })
        .collect()
}

const RESULT_TYPES: &[(&str, &str)] = &[
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
];

const GRAPH_TYPES: &[(&str, &str)] = &[
    ("text/turtle", "turtle"),
    ("application/n-triples", "ntriples"),
    ("application/rdf+xml", "rdfxml"),
    ("application/ld+json", "jsonld"),
];

/// Runs `params.query` and answers it.
async fn answer(state: Arc<AppState>, params: Params, headers: &HeaderMap) -> Response {
    if params.update.is_some() {
        return error(StatusCode::FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused (the graph is built with `medrd-kg build`)");
    }
    let Some(query) = params.query else {
        return error(StatusCode::BAD_REQUEST, "no query: give ?query=… (GET), a form field query=… (POST), or a body of type application/sparql-query");
    };
    let default_graphs = match parse_graphs(&params.default_graph_uri, "default-graph-uri") {
        Ok(g) => g,
        Err(r) => return r.into_response(),
    };
    let named_graphs = match parse_graphs(&params.named_graph_uri, "named-graph-uri") {
        Ok(g) => g,
        Err(r) => return r.into_response(),
    };
    let token = CancellationToken::new();
    let guard = CancelOnDrop(token.clone());
    let limits = Limits {
        cancel: Some(token.clone()),
        max_rows: Some(state.opts.max_rows),
        default_graphs,
        named_graphs,
        bindings: Vec::new(),
    };
    let timeout = state.opts.timeout;
    let st = state.clone();
    let job = tokio::task::spawn_blocking(move || run_with(&st.store, &query, None, &limits));
    let result = match tokio::time::timeout(timeout, job).await {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the query failed: {e}"),
            )
        }
        Err(_) => {
            token.cancel();
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                chain(&Error::Timeout {
                    seconds: timeout.as_secs_f64(),
                }),
            );
        }
    };
    drop(guard);
    let answer = match result {
        Ok(a) => a,
        Err(e) => {
            let status = match &e {
                Error::QuerySyntax { .. } => StatusCode::BAD_REQUEST,
                Error::RowLimit { .. } => StatusCode::PAYLOAD_TOO_LARGE,
                // a cancelled evaluation is the time limit's doing
                Error::QueryEval(_) if token.is_cancelled() => StatusCode::SERVICE_UNAVAILABLE,
                e if e.fault() == crate::error::Fault::User => StatusCode::BAD_REQUEST,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            return error(status, chain(&e));
        }
    };
    respond(&answer, params.format.as_deref(), headers)
}

/// Serializes `answer` in the format `?format=` names or `Accept` prefers.
fn respond(answer: &Answer, format: Option<&str>, headers: &HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let graph = matches!(answer, Answer::Graph(_));
    let table = if graph { GRAPH_TYPES } else { RESULT_TYPES };
    let picked = match format {
        Some(f) => match table.iter().find(|(m, n)| *n == f || *m == f) {
            Some(t) => *t,
            None => {
                let names: Vec<&str> = table
                    .iter()
                    .map(|t| t.1)
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                return error(
                    StatusCode::BAD_REQUEST,
                    format!(
                        "format {f:?} is not one of {} for this query's answer",
                        names.join(", ")
                    ),
                );
            }
        },
        None => {
            let offers: Vec<&str> = table.iter().map(|t| t.0).collect();
            match choose(accept, &offers) {
                Some(i) => table[i],
                None => {
                    return error(
                        StatusCode::NOT_ACCEPTABLE,
                        format!(
                            "cannot answer in {}: this answer comes as {}",
                            accept.unwrap_or(""),
                            offers.join(", ")
                        ),
                    )
                }
            }
        }
    };
    let mut out = Vec::new();
    let written = if graph {
        let rdf = match picked.1 {
            "ntriples" => RdfFormat::NTriples,
            "rdfxml" => RdfFormat::RdfXml,
            "jsonld" => RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
            _ => RdfFormat::Turtle,
        };
        write_answer(answer, ResultsSyntax::TSV, rdf, &mut out)
    } else {
        let syntax = RESULTS_SYNTAXES
            .iter()
            .find(|s| s.name == picked.1)
            .copied()
            .unwrap_or(ResultsSyntax {
                name: "json",
                format: Some(QueryResultsFormat::Json),
            });
        write_answer(answer, syntax, RdfFormat::Turtle, &mut out)
    };
    if let Err(e) = written {
        return error(StatusCode::INTERNAL_SERVER_ERROR, chain(&e));
    }
    let content_type = match picked.0 {
        "application/json" => "application/sparql-results+json",
        "application/xml" => "application/sparql-results+xml",
        m => m,
    };
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                format!("{content_type}; charset=utf-8"),
            ),
            (header::VARY, "Accept".to_owned()),
        ],
        out,
    )
        .into_response()
}

/// GET `/sparql?query=…`.
pub async fn get(
    State(state): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let params = params_of(q.unwrap_or_default().as_bytes());
    if params.query.is_none() && params.update.is_none() {
        // a browser opening /sparql gets the query page
        return axum::response::Redirect::to("/query").into_response();
    }
    answer(state, params, &headers).await
}

/// POST `/sparql`: a form (`query=` or `update=`), or a direct query or update body.
pub async fn post(
    State(state): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let url = params_of(q.unwrap_or_default().as_bytes());
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let text = || String::from_utf8(body.to_vec());
    let mut params = match ct.as_str() {
        "application/x-www-form-urlencoded" => params_of(&body),
        "application/sparql-query" => match text() {
            Ok(q) => Params { query: Some(q), ..Default::default() },
            Err(_) => return error(StatusCode::BAD_REQUEST, "the query is not UTF-8"),
        },
        "application/sparql-update" => Params { update: Some(String::new()), ..Default::default() },
        other => {
            return error(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("POST a body of type application/x-www-form-urlencoded, application/sparql-query (or application/sparql-update, which is refused); got {other:?}"),
            )
        }
    };
    // the dataset and format may come in the URL of a POST
    params.default_graph_uri.extend(url.default_graph_uri);
    params.named_graph_uri.extend(url.named_graph_uri);
    if params.format.is_none() {
        params.format = url.format;
    }
    answer(state, params, &headers).await
}

/// A query string or form body as [`Params`] (repeated `default-graph-uri` kept).
fn params_of(body: &[u8]) -> Params {
    let mut p = Params::default();
    for (k, v) in form_urlencoded(body) {
        match k.as_str() {
            "query" => p.query = Some(v),
            "update" => p.update = Some(v),
            "format" => p.format = Some(v),
            "default-graph-uri" => p.default_graph_uri.push(v),
            "named-graph-uri" => p.named_graph_uri.push(v),
            _ => {}
        }
    }
    p
}

/// `application/x-www-form-urlencoded` pairs.
pub fn form_urlencoded(body: &[u8]) -> Vec<(String, String)> {
    let decode = |s: &[u8]| {
        let plus: Vec<u8> = s
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        percent_encoding::percent_decode(&plus)
            .decode_utf8_lossy()
            .into_owned()
    };
    body.split(|&b| b == b'&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.iter().position(|&b| b == b'=') {
            Some(i) => (decode(&p[..i]), decode(&p[i + 1..])),
            None => (decode(p), String::new()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn forms_decode() {
        let p =
            super::form_urlencoded(b"query=SELECT+%3Fs&default-graph-uri=a&default-graph-uri=b");
        assert_eq!(p[0], ("query".into(), "SELECT ?s".into()));
        assert_eq!(p.len(), 3);
    }
}
