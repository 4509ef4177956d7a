//! `medrd-kg push`: the graph uploaded into a triple store a publisher already runs, with
//! the SPARQL 1.1 Graph Store HTTP Protocol, then counted back.
//!
//! One named graph per source document (the store's named graphs, as `build` made them),
//! always named (`?graph=IRI`; `?default` for triples outside named graphs). Before
//! anything is sent, every target graph is counted over SPARQL: a graph that already has
//! triples is replaced only with `replace`. Each graph goes in chunks of at most `chunk`
//! triples (blank-node groups kept whole, [`chunk`]): a `PUT` of the first chunk replaces
//! the graph, `POST`s add the rest. Afterwards every graph is counted again and compared
//! with the store's own count. Basic and Digest authentication answer the store's
//! challenge. When something fails, the error says what became of every graph: complete,
//! partial (push again with `--replace`) or untouched. Passwords are never printed, and
//! URLs with credentials in them are refused.

mod auth;
pub mod chunk;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use oxigraph::model::{GraphName, GraphNameRef, Triple};
use oxigraph::store::Store;

use crate::error::{Error, Result};

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct PushOptions {
    pub store: std::path::PathBuf,
    /// The store's SPARQL query endpoint (for counting).
    pub endpoint: String,
    /// The store's Graph Store Protocol endpoint (default: `endpoint`).
    pub graph_store: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    /// Replace graphs that already have triples.
    pub replace: bool,
    /// Most triples per request.
    pub chunk: usize,
    /// Time limit of each request.
    pub timeout: Duration,
}

/// One graph pushed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphPushed {
    /// The graph's IRI, or `default`.
    pub graph: String,
    /// Triples sent (the store's count).
    pub triples: usize,
    /// Requests it took.
    pub requests: usize,
    /// What the store counts afterwards.
    pub counted: u64,
    /// What the store counted before.
    pub before: u64,
}

/// What was pushed.
#[derive(Debug, Clone, Default)]
pub struct PushReport {
    pub graphs: Vec<GraphPushed>,
    pub seconds: f64,
}

impl PushReport {
    pub fn triples(&self) -> usize {
        self.graphs.iter().map(|g| g.triples).sum()
    }
}

/// What became of a graph so far.
#[derive(Debug, Clone)]
enum Fate {
    Untouched,
    /// A request that changes it went out and got no clear answer.
    Unknown,
    Partial {
        sent: usize,
        of: usize,
    },
    /// Every chunk accepted, but counting it back failed.
    Unverified(usize),
    Complete(usize),
}

/// Refuses a URL that is not http(s) or carries a user or password. The text given is never
/// echoed whole: it may hold a password.
fn check_url(what: &'static str, url: &str) -> Result<reqwest::Url> {
    let shown = match url.rfind('@') {
        Some(i) => format!("…{}", &url[i..]),
        None => url.to_owned(),
    };
    let u = reqwest::Url::parse(url).map_err(|e| Error::Choice {
        what,
        value: format!("{shown} ({e})"),
        choices: "an http(s) URL such as http://localhost:8890/sparql".to_owned(),
    })?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(Error::Choice {
            what,
            value: format!("{}: …", u.scheme()),
            choices: "an http(s) URL such as http://localhost:8890/sparql".to_owned(),
        });
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(Error::Push {
            url: redact(&u),
            message: format!(
                "{what} has a user or password in it; pass them as --user and --password (or MEDRD_KG_PASSWORD) so that they are never printed"
            ),
            state: "nothing was sent".to_owned(),
        });
    }
    Ok(u)
}

/// `u` without credentials or query, for messages.
fn redact(u: &reqwest::Url) -> String {
    let mut u = u.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    u.set_query(None);
    u.to_string()
}

/// An HTTP client that answers the store's authentication challenge.
struct Client {
    http: reqwest::blocking::Client,
    user: Option<(String, String)>,
    /// The challenge last answered, and how often its nonce was used.
    challenge: Option<(auth::Challenge, u32)>,
    cnonce: String,
}

/// An answer: status and body.
struct Answer {
    status: reqwest::StatusCode,
    body: String,
}

impl Client {
    fn new(opts: &PushOptions) -> Result<Client> {
        let http = reqwest::blocking::Client::builder()
            .timeout(opts.timeout)
            .user_agent(concat!("medrd-kg/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::internal("making the HTTP client", e))?;
        let user = match (&opts.user, &opts.password) {
            (Some(u), Some(p)) => Some((u.clone(), p.clone())),
            (Some(u), None) => Some((u.clone(), String::new())),
            _ => None,
        };
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Ok(Client {
            http,
            user,
            challenge: None,
            cnonce: format!("{:016x}", seed ^ u128::from(std::process::id())),
        })
    }

    /// Sends `method` to `url` with `body`; answers a 401 once with the credentials.
    fn send(
        &mut self,
        method: reqwest::Method,
        url: &reqwest::Url,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> std::result::Result<Answer, String> {
        let target = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        };
        for attempt in 0..2 {
            let mut rb = self.http.request(method.clone(), url.clone());
            for (k, v) in headers {
                rb = rb.header(*k, *v);
            }
            if let (Some((c, nc)), Some((u, p))) = (&mut self.challenge, &self.user) {
                *nc += 1;
                rb = rb.header(
                    reqwest::header::AUTHORIZATION,
                    auth::authorization(c, u, p, method.as_str(), &target, *nc, &self.cnonce),
                );
            }
            if let Some(b) = body {
                rb = rb.body(b.to_vec());
            }
            let res = rb.send().map_err(|e| describe_send_error(&e))?;
            let status = res.status();
            if status == reqwest::StatusCode::UNAUTHORIZED {
                let offered = auth::parse_challenges(
                    res.headers()
                        .get_all(reqwest::header::WWW_AUTHENTICATE)
                        .iter()
                        .filter_map(|v| v.to_str().ok()),
                );
                let stale = res
                    .headers()
                    .get_all(reqwest::header::WWW_AUTHENTICATE)
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .any(|v| {
                        v.to_ascii_lowercase()
                            .replace('"', "")
                            .contains("stale=true")
                    });
                let scheme = offered
                    .as_ref()
                    .map_or("no scheme medrd-kg knows", |c| c.scheme());
                if self.user.is_none() {
                    return Err(format!(
                        "the store asks for a user and password (HTTP 401, {scheme}): give --user and --password (or MEDRD_KG_PASSWORD)"
                    ));
                }
                let Some(c) = offered else {
                    return Err(format!(
                        "the store refused the request (HTTP 401) and offers {scheme}: medrd-kg answers Basic and Digest (MD5)"
                    ));
                };
                // a challenge not answered yet (the first, a new nonce, another realm or
                // scheme) gets the credentials once; the same one refused twice is a refusal
                let new = stale || self.challenge.as_ref().is_none_or(|(old, _)| *old != c);
                self.challenge = Some((c.clone(), 0));
                if attempt == 0 && new {
                    continue;
                }
                return Err(format!(
                    "the store refused the user and password (HTTP 401, {})",
                    c.scheme()
                ));
            }
            let body = res.text().unwrap_or_default();
            return Ok(Answer { status, body });
        }
        Err("the store asked for authentication twice".to_owned())
    }
}

/// What a failed request says, in words a publisher can act on.
fn describe_send_error(e: &reqwest::Error) -> String {
    let mut cause = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        cause = format!("{cause}: {s}");
        src = s.source();
    }
    if e.is_connect() {
        format!("cannot connect ({cause}): is the store running, and is this its address?")
    } else if e.is_timeout() {
        format!("no answer within the time limit ({cause}): raise --timeout, or lower --chunk")
    } else {
        format!("the request failed: {cause}")
    }
}

/// The first lines of an error body, for messages.
fn excerpt(body: &str) -> String {
    let s: String = body.trim().chars().take(300).collect();
    if s.is_empty() {
        String::new()
    } else {
        format!(": {}", s.replace('\n', " "))
    }
}

/// `?graph=IRI` or `?default` on `base`.
fn graph_url(base: &reqwest::Url, graph: GraphNameRef<'_>) -> reqwest::Url {
    let mut u = base.clone();
    match graph {
        GraphNameRef::NamedNode(n) => {
            u.query_pairs_mut().append_pair("graph", n.as_str());
        }
        _ => {
            let q = match u.query() {
                Some(q) if !q.is_empty() => format!("{q}&default"),
                _ => "default".to_owned(),
            };
            u.set_query(Some(&q));
        }
    }
    u
}

/// The name of `graph` in messages.
fn graph_label(graph: GraphNameRef<'_>) -> String {
    match graph {
        GraphNameRef::NamedNode(n) => n.as_str().to_owned(),
        _ => "default".to_owned(),
    }
}

/// How many triples the store counts in `graph`.
fn count(
    client: &mut Client,
    endpoint: &reqwest::Url,
    graph: GraphNameRef<'_>,
) -> std::result::Result<u64, String> {
    let query = match graph {
        GraphNameRef::NamedNode(n) => {
            format!(
                "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}",
                n.as_str()
            )
        }
        _ => "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }".to_owned(),
    };
    let mut u = endpoint.clone();
    u.query_pairs_mut().append_pair("query", &query);
    let a = client.send(
        reqwest::Method::GET,
        &u,
        &[("Accept", "application/sparql-results+json")],
        None,
    )?;
    if !a.status.is_success() {
        return Err(format!(
            "the SPARQL endpoint answered HTTP {} to a count{}",
            a.status.as_u16(),
            excerpt(&a.body)
        ));
    }
    let json: serde_json::Value = serde_json::from_str(&a.body)
        .map_err(|e| format!("the SPARQL endpoint's answer to a count is not SPARQL JSON results ({e}): is --endpoint its SPARQL query endpoint?"))?;
    json.pointer("/results/bindings/0")
        .and_then(|b| b.as_object())
        .and_then(|b| b.values().next())
        .and_then(|v| v.get("value"))
        .and_then(|v| v.as_str())
        .and_then(|v| v.parse::<u64>().ok())
        .ok_or_else(|| "the SPARQL endpoint's answer to a count has no number".to_owned())
}

/// The store's graphs, each with its triples (sorted, each once): named graphs by IRI, then
/// the default graph when it has triples.
fn graphs(store: &Store) -> Result<Vec<(GraphName, Vec<Triple>)>> {
    let mut by: BTreeMap<String, (GraphName, Vec<Triple>)> = BTreeMap::new();
    for q in store.iter() {
        let q = q.map_err(Error::StoreRead)?;
        let key = match &q.graph_name {
            GraphName::NamedNode(n) => format!("0{}", n.as_str()),
            _ => "1".to_owned(),
        };
        by.entry(key)
            .or_insert_with(|| (q.graph_name.clone(), Vec::new()))
            .1
            .push(Triple::new(q.subject, q.predicate, q.object));
    }
    let mut out: Vec<(GraphName, Vec<Triple>)> = by.into_values().collect();
    for (_, t) in &mut out {
        t.sort_by_cached_key(|t| t.to_string());
        t.dedup();
    }
    Ok(out)
}

/// The per-graph state, one line each, for an error.
fn state_lines(fates: &[(String, Fate)]) -> String {
    fates
        .iter()
        .map(|(g, f)| match f {
            Fate::Untouched => format!("  {g}: untouched (nothing sent, or refused before any change)"),
            Fate::Unknown => format!(
                "  {g}: UNKNOWN: a request that replaces it got no answer, so the store may have cleared or changed it; push again with --replace"
            ),
            Fate::Unverified(n) => format!(
                "  {g}: sent ({n} triples), but not counted back: check it, or push again with --replace"
            ),
            Fate::Complete(n) => format!("  {g}: complete ({n} triples)"),
            Fate::Partial { sent, of } => format!(
                "  {g}: PARTIAL: {sent} of {of} triples sent, the graph is incomplete; push again with --replace"
            ),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Pushes the store at `opts.store`.
pub fn push(opts: &PushOptions) -> Result<PushReport> {
    let t0 = Instant::now();
    let endpoint = check_url("--endpoint", &opts.endpoint)?;
    let gsp = check_url(
        "--graph-store",
        opts.graph_store.as_deref().unwrap_or(&opts.endpoint),
    )?;
    let store = crate::store::open_read_only(&opts.store)?;
    let graphs = graphs(&store)?;
    let mut client = Client::new(opts)?;
    let mut fates: Vec<(String, Fate)> = graphs
        .iter()
        .map(|(g, _)| (graph_label(g.as_ref()), Fate::Untouched))
        .collect();
    let fail = |url: &reqwest::Url, message: String, fates: &[(String, Fate)]| Error::Push {
        url: redact(url),
        message,
        state: state_lines(fates),
    };
    // count first: refuse to add to a graph that has triples, unless replacing
    let mut before = Vec::new();
    for (g, _) in &graphs {
        let n =
            count(&mut client, &endpoint, g.as_ref()).map_err(|m| fail(&endpoint, m, &fates))?;
        before.push(n);
    }
    if !opts.replace {
        let occupied: Vec<String> = graphs
            .iter()
            .zip(&before)
            .filter(|(_, n)| **n > 0)
            .map(|((g, _), n)| format!("{} ({n} triples)", graph_label(g.as_ref())))
            .collect();
        if !occupied.is_empty() {
            return Err(fail(
                &endpoint,
                format!(
                    "the store already has {}: push with --replace to replace them",
                    occupied.join(", ")
                ),
                &fates,
            ));
        }
    }
    let mut report = PushReport::default();
    let progress =
        crate::progress::Progress::new("triples", graphs.iter().map(|(_, t)| t.len() as u64).sum());
    for (k, (g, triples)) in graphs.iter().enumerate() {
        let url = graph_url(&gsp, g.as_ref());
        let chunks = chunk::chunks(triples, opts.chunk);
        let mut sent = 0usize;
        let mut requests = 0usize;
        if chunks.is_empty() {
            // nothing of ours in it: clear what the store has
            fates[k].1 = Fate::Unknown;
            let a = client
                .send(reqwest::Method::DELETE, &url, &[], None)
                .map_err(|m| fail(&url, m, &fates))?;
            if !a.status.is_success() && a.status != reqwest::StatusCode::NOT_FOUND {
                return Err(fail(
                    &url,
                    format!(
                        "the store answered HTTP {} to DELETE{}",
                        a.status.as_u16(),
                        excerpt(&a.body)
                    ),
                    &fates,
                ));
            }
        }
        for (i, c) in chunks.iter().enumerate() {
            let mut body = Vec::new();
            let mut w =
                crate::export::serializer(oxigraph::io::RdfFormat::NTriples)?.for_writer(&mut body);
            for t in c {
                w.serialize_triple(*t)
                    .map_err(|e| Error::write("a request body", e))?;
            }
            w.finish().map_err(|e| Error::write("a request body", e))?;
            let method = if i == 0 {
                reqwest::Method::PUT
            } else {
                reqwest::Method::POST
            };
            // until the store answers, the graph may or may not have changed
            if i == 0 {
                fates[k].1 = Fate::Unknown;
            }
            // N-Triples is Turtle: every Graph Store Protocol server reads text/turtle
            let a = client
                .send(
                    method.clone(),
                    &url,
                    &[("Content-Type", "text/turtle; charset=utf-8")],
                    Some(&body),
                )
                .map_err(|m| fail(&url, m, &fates))?;
            requests += 1;
            if !a.status.is_success() && i == 0 && a.status.is_client_error() {
                // a refused PUT changes nothing
                fates[k].1 = Fate::Untouched;
            }
            if !a.status.is_success() {
                let mut detail = excerpt(&a.body);
                if a.status == reqwest::StatusCode::PAYLOAD_TOO_LARGE {
                    detail.push_str(" (the store, or a proxy in front of it, refuses requests this large: lower --chunk)");
                }
                return Err(fail(
                    &url,
                    format!(
                        "the store answered HTTP {} to {method} of {} triples{detail}",
                        a.status.as_u16(),
                        c.len()
                    ),
                    &fates,
                ));
            }
            sent += c.len();
            progress.inc(c.len() as u64);
            fates[k].1 = Fate::Partial {
                sent,
                of: triples.len(),
            };
        }
        fates[k].1 = Fate::Unverified(triples.len());
        let counted =
            count(&mut client, &endpoint, g.as_ref()).map_err(|m| fail(&endpoint, m, &fates))?;
        if counted != triples.len() as u64 {
            fates[k].1 = Fate::Partial {
                sent,
                of: triples.len(),
            };
            return Err(fail(
                &endpoint,
                format!(
                    "graph {} has {counted} triples in the store after the push, not {}: the store changed or dropped some",
                    graph_label(g.as_ref()),
                    triples.len()
                ),
                &fates,
            ));
        }
        fates[k].1 = Fate::Complete(triples.len());
        report.graphs.push(GraphPushed {
            graph: graph_label(g.as_ref()),
            triples: triples.len(),
            requests,
            counted,
            before: before[k],
        });
    }
    report.seconds = t0.elapsed().as_secs_f64();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_urls_are_refused_and_never_printed() {
        let e = check_url("--endpoint", "http://dba:s3cret@localhost:8890/sparql").unwrap_err();
        let m = e.to_string();
        assert!(m.contains("--user"), "{m}");
        assert!(!m.contains("s3cret"), "{m}");
        for bad in [
            "dba:s3cret@localhost:8890/sparql",
            "http://dba:s3cret@local host/sparql",
            "ftp://dba:s3cret@h/x",
        ] {
            let m = check_url("--endpoint", bad).unwrap_err().to_string();
            assert!(!m.contains("s3cret"), "{m}");
            assert!(m.contains("--endpoint"), "{m}");
        }
        assert!(check_url("--endpoint", "ftp://h/x").is_err());
        assert!(check_url("--endpoint", "http://localhost:8890/sparql").is_ok());
    }

    #[test]
    fn graphs_are_always_named() {
        let base = reqwest::Url::parse("http://h/sparql-graph-crud").unwrap();
        let g = oxigraph::model::NamedNode::new("https://w3id.org/medrd-kg/graph/fy2026").unwrap();
        assert_eq!(
            graph_url(&base, GraphNameRef::NamedNode(g.as_ref())).as_str(),
            "http://h/sparql-graph-crud?graph=https%3A%2F%2Fw3id.org%2Fmedrd-kg%2Fgraph%2Ffy2026"
        );
        assert_eq!(
            graph_url(&base, GraphNameRef::DefaultGraph).as_str(),
            "http://h/sparql-graph-crud?default"
        );
    }
}
