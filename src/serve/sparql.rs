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
use oxigraph::model::NamedNode;

use super::negotiate::choose;
use super::worker::{chain, Done, Job, Killer};
use super::AppState;
use crate::error::Error;

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
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            // what was refused may depend on Accept (406)
            (header::VARY, "Accept"),
        ],
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

/// How long a query waits for one of the `--max-queries` to finish before it gets 503.
const QUEUE_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Kills the worker running the query when dropped before [`KillOnDrop::disarm`]: when the
/// handler's future is dropped (the client went away), the query's process stops.
struct KillOnDrop(Arc<std::sync::Mutex<Option<Killer>>>, bool);

impl KillOnDrop {
    fn disarm(mut self) {
        self.1 = false;
    }
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if self.1 {
            if let Some(k) = self.0.lock().ok().and_then(|mut k| k.take()) {
                k.kill();
            }
        }
    }
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

fn media_type(format: &str) -> &'static str {
    RESULT_TYPES
        .iter()
        .chain(GRAPH_TYPES)
        .filter(|(m, _)| *m != "application/json" && *m != "application/xml")
        .find(|(_, n)| *n == format)
        .map_or("text/plain", |(m, _)| m)
}

/// The formats a request accepts: (results, graph) names; `?format=` picks one kind.
fn formats(
    format: Option<&str>,
    accept: Option<&str>,
) -> Result<(Option<String>, Option<String>), Reject> {
    let pick = |table: &[(&str, &str)]| {
        let offers: Vec<&str> = table.iter().map(|t| t.0).collect();
        choose(accept, &offers).map(|i| table[i].1.to_owned())
    };
    match format {
        Some(f) => {
            let r = RESULT_TYPES
                .iter()
                .find(|(m, n)| *n == f || *m == f)
                .map(|t| t.1.to_owned());
            let g = GRAPH_TYPES
                .iter()
                .find(|(m, n)| *n == f || *m == f)
                .map(|t| t.1.to_owned());
            if r.is_none() && g.is_none() {
                return Err(Reject(
                    StatusCode::BAD_REQUEST,
                    format!("format {f:?} is not one of json, xml, csv, tsv (SELECT, ASK) or turtle, ntriples, rdfxml, jsonld (CONSTRUCT, DESCRIBE)"),
                ));
            }
            Ok((r, g))
        }
        None => Ok((pick(RESULT_TYPES), pick(GRAPH_TYPES))),
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

/// Runs `params.query` in a worker process and answers it.
async fn answer(state: Arc<AppState>, params: Params, headers: &HeaderMap) -> Response {
    if params.update.is_some() {
        return error(StatusCode::FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused (the graph is built with `medrd-kg build`)");
    }
    let Some(query) = params.query else {
        return error(StatusCode::BAD_REQUEST, "no query: give ?query=… (GET), a form field query=… (POST), or a body of type application/sparql-query");
    };
    if let Err(r) = parse_graphs(&params.default_graph_uri, "default-graph-uri")
        .and_then(|_| parse_graphs(&params.named_graph_uri, "named-graph-uri"))
    {
        return r.into_response();
    }
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let (results, graph) = match formats(params.format.as_deref(), accept) {
        Ok(f) => f,
        Err(r) => return r.into_response(),
    };
    let job = Job {
        query,
        default_graphs: params.default_graph_uri,
        named_graphs: params.named_graph_uri,
        max_rows: state.opts.max_rows,
        results,
        graph,
    };
    // a bounded number of queries at once: each is a process with its own memory. A query
    // that finds them all busy waits its turn for a moment (a burst of small queries is
    // answered, not refused), then gets 503
    let permit = tokio::time::timeout(QUEUE_WAIT, state.running.clone().acquire_owned()).await;
    let Ok(Ok(permit)) = permit else {
        let mut r = error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the server is answering {} queries already (--max-queries); try again in a moment",
                state.opts.max_queries
            ),
        );
        r.headers_mut().insert(
            header::RETRY_AFTER,
            axum::http::HeaderValue::from_static("1"),
        );
        return r;
    };
    let slot: Arc<std::sync::Mutex<Option<Killer>>> = Arc::default();
    let guard = KillOnDrop(slot.clone(), true);
    let timeout = state.opts.timeout;
    let pool = state.pool.clone();
    let run = tokio::task::spawn_blocking(move || -> std::io::Result<(Done, Vec<u8>)> {
        let mut w = pool.take().map_err(std::io::Error::other)?;
        if let Ok(mut s) = slot.lock() {
            *s = Some(w.killer());
        }
        let answer = w.ask(&job)?;
        if let Ok(mut s) = slot.lock() {
            s.take();
        }
        pool.give(w);
        Ok(answer)
    });
    let outcome = tokio::time::timeout(timeout, run).await;
    drop(permit);
    let (done, body) = match outcome {
        Ok(Ok(Ok(x))) => {
            guard.disarm();
            x
        }
        Ok(Ok(Err(e))) => {
            guard.disarm();
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the query's worker failed: {e}"),
            );
        }
        Ok(Err(e)) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the query failed: {e}"),
            )
        }
        Err(_) => {
            drop(guard); // kills the worker: the query stops, its CPU is freed
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                chain(&Error::Timeout {
                    seconds: timeout.as_secs_f64(),
                }),
            );
        }
    };
    let status = StatusCode::from_u16(done.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if done.error {
        return error(status, String::from_utf8_lossy(&body).into_owned());
    }
    (
        status,
        [
            (
                header::CONTENT_TYPE,
                format!("{}; charset=utf-8", media_type(&done.format)),
            ),
            (header::VARY, "Accept".to_owned()),
        ],
        body,
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
    body: axum::body::Body,
) -> Response {
    let limit = state.opts.max_body;
    let body: Bytes = match axum::body::to_bytes(body, limit).await {
        Ok(b) => b,
        Err(_) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "the request body is over {limit} bytes, the limit of this server (--max-body)"
                ),
            )
        }
    };
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
