//! What the server reads once at start: the store (read-only), the data base, the build time
//! (Last-Modified, and the ETag's seed), the search index and the reconciliation report.

use std::hash::{Hash, Hasher};
use std::time::SystemTime;

use axum::response::{IntoResponse, Response};
use axum::Json;

use super::{ServeOptions, St};
use crate::error::{Error, Result};
use crate::site::{Links, Site};

pub struct AppState {
    pub opts: ServeOptions,
    /// The store, the base, the search index and the report the pages read.
    pub site: Site,
    pub last_modified: SystemTime,
    /// A tag of this build of the store, the seed of every ETag.
    pub build_tag: u64,
    /// The SPARQL worker processes.
    pub pool: std::sync::Arc<super::worker::Pool>,
    /// Permits for queries running at once.
    pub running: std::sync::Arc<tokio::sync::Semaphore>,
    /// The server's public URL, ending with `/`.
    pub public: String,
    /// Rendered representations, to answer the same request again (`--cache-mb`).
    pub cache: super::cache::Cache,
    /// The dumps, made once when first asked for (by extension).
    pub dumps: std::sync::Mutex<std::collections::HashMap<&'static str, axum::body::Bytes>>,
}

impl std::ops::Deref for AppState {
    type Target = Site;
    fn deref(&self) -> &Site {
        &self.site
    }
}

impl AppState {
    pub fn load(opts: ServeOptions, addr: std::net::SocketAddr) -> Result<AppState> {
        let site = Site::open(
            &opts.store,
            opts.base.as_deref(),
            &opts.data,
            &opts.ontology,
            Links::Server,
        )?;
        // the build wrote the store's CURRENT file last; opening it read-only changes nothing
        let current = opts.store.join("CURRENT");
        let last_modified = std::fs::metadata(&current)
            .or_else(|_| std::fs::metadata(&opts.store))
            .and_then(|m| m.modified())
            .map_err(|e| Error::read(&opts.store, e))?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        last_modified.hash(&mut h);
        site.triples.hash(&mut h);
        // a new medrd-kg draws other pages from the same store
        env!("CARGO_PKG_VERSION").hash(&mut h);
        let build_tag = h.finish();
        let pool = std::sync::Arc::new(super::worker::Pool::new(&opts.store)?);
        let running = std::sync::Arc::new(tokio::sync::Semaphore::new(opts.max_queries.max(1)));
        let mut public = opts
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{addr}/"));
        if !public.ends_with('/') {
            public.push('/');
        }
        Ok(AppState {
            pool,
            running,
            public,
            dumps: Default::default(),
            cache: super::cache::Cache::new(opts.cache_bytes),
            opts,
            site,
            last_modified,
            build_tag,
        })
    }

    /// An ETag for `what` (a path) in `format`: strong, different per format.
    pub fn etag(&self, what: &str, format: &str) -> String {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.build_tag.hash(&mut h);
        what.hash(&mut h);
        format.hash(&mut h);
        format!("\"{:016x}-{format}\"", h.finish())
    }

    /// `Last-Modified`, as HTTP writes it.
    pub fn last_modified_http(&self) -> String {
        httpdate::fmt_http_date(self.last_modified)
    }
}

/// `/health`: the store answers, and how many triples it has.
pub async fn health(s: St) -> Response {
    Json(serde_json::json!({
        "status": "ok",
        "triples": s.0.triples,
        "base": s.0.base,
        "last_modified": s.0.last_modified_http(),
    }))
    .into_response()
}
