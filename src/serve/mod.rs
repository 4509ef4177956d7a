//! The linked-data server (`medrd-kg serve`): one small async binary over the on-disk store,
//! opened read-only. Every IRI minted under the data base answers at the same path of the
//! server (direct answers, no `/id/` redirect): HTML for browsers, Turtle, JSON-LD,
//! N-Triples and RDF/XML for agents, by `Accept`, `?format=` or a suffix. Beside the resources:
//! the SPARQL 1.1 Protocol at `/sparql`, `/search`, the query page `/query`, the index `/`,
//! the reconciliation report `/report`, VoID and DCAT at `/.well-known/void`, the dumps under
//! `/dumps/`, pictures under `/viz/` and `/chart/`, and `/health`.
//!
//! Modules: `state` (what is read once at start), `negotiate` (Accept, `?format=`,
//! suffixes), `sparql` (the protocol, limits, cancellation), `resource` (dereferencing,
//! ETags), `html`, `search` and `assets` (handlers over the pages, the label index and the
//! embedded CSS and JS of [`crate::site`], which the static site shares).

mod assets;
pub mod cache;
mod html;
mod negotiate;
mod resource;
mod search;
mod sparql;
mod state;
pub mod worker;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use axum::Router;

pub use state::AppState;

use crate::error::{Error, Result};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub store: PathBuf,
    pub bind: SocketAddr,
    /// The base the data's IRIs are minted under (default: the store's `void:uriSpace`).
    pub base: Option<String>,
    /// Data and ontology folders, for the reconciliation report page (skipped when absent).
    pub data: PathBuf,
    pub ontology: PathBuf,
    /// Per-query time limit.
    pub timeout: Duration,
    /// Most results a query may return.
    pub max_rows: usize,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// `Access-Control-Allow-Origin` to send (`*` or an origin); none by default.
    pub cors: Option<String>,
    /// The server's public URL, for the links of the dataset description (default: the
    /// address it listens on). Never taken from a request's Host header.
    pub public_url: Option<String>,
    /// Most queries evaluated at once (each in a worker process); more wait up to a second
    /// for their turn, then get 503 with Retry-After.
    pub max_queries: usize,
    /// Memory for rendered representations kept to answer the same request again
    /// ([`cache`]), in bytes; 0 renders every request.
    pub cache_bytes: usize,
}

/// The router over `state`.
pub fn router(state: Arc<AppState>) -> Router {
    let max_body = state.opts.max_body;
    let mut app = Router::new()
        .route("/", get(html::index))
        .route("/sparql", get(sparql::get).post(sparql::post))
        .route("/search", get(search::handler))
        .route("/query", get(html::query_page))
        .route("/report", get(html::report))
        .route("/health", get(state::health))
        .route("/.well-known/void", get(resource::void))
        .route("/dumps/{file}", get(resource::dump))
        .route("/assets/{file}", get(assets::handler))
        .route("/viz/neighbourhood.svg", get(html::neighbourhood_svg))
        .route("/chart/{file}", get(html::chart_svg))
        .fallback(resource::handler)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(axum::middleware::from_fn(access_log));
    if let Some(origin) = &state.opts.cors {
        use tower_http::cors::{AllowOrigin, Any, CorsLayer};
        let layer = if origin == "*" {
            CorsLayer::new().allow_origin(Any)
        } else {
            match origin.parse::<axum::http::HeaderValue>() {
                Ok(v) => CorsLayer::new().allow_origin(AllowOrigin::exact(v)),
                Err(_) => CorsLayer::new(),
            }
        }
        .allow_methods(Any)
        .allow_headers(Any);
        app = app.layer(layer);
    }
    app.with_state(state)
}

/// One line per request on standard error: method, path and query, status, milliseconds.
async fn access_log(req: Request, next: Next) -> Response {
    let (method, uri) = (req.method().clone(), req.uri().clone());
    let t0 = Instant::now();
    let res = next.run(req).await;
    eprintln!(
        "{} {} {} {:.1}ms",
        method,
        uri,
        res.status().as_u16(),
        t0.elapsed().as_secs_f64() * 1000.0
    );
    res
}

/// Serves until SIGINT or SIGTERM; prints the URL to open once listening.
pub fn serve(opts: ServeOptions) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::internal("starting the async runtime", e))?;
    runtime.block_on(async move {
        if let Some(origin) = &opts.cors {
            if origin != "*" && origin.parse::<axum::http::HeaderValue>().is_err() {
                return Err(Error::Choice {
                    what: "--cors origin",
                    value: origin.clone(),
                    choices: "* or an origin such as https://example.org".into(),
                });
            }
        }
        let listener = tokio::net::TcpListener::bind(opts.bind)
            .await
            .map_err(|e| Error::io("listen on", opts.bind.to_string(), e))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::io("listen on", opts.bind.to_string(), e))?;
        let state = Arc::new(AppState::load(opts, addr)?);
        eprintln!(
            "medrd-kg serving {} ({} triples; IRIs under {}) at http://{addr}/  (Ctrl-C stops)",
            state.opts.store.display(),
            state.triples,
            state.base
        );
        axum::serve(listener, router(state))
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| Error::io("serve on", addr.to_string(), e))
    })
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    eprintln!("medrd-kg: shutting down");
}

/// Shared state as an axum extractor.
pub(crate) type St = State<Arc<AppState>>;
