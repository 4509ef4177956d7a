//! `/search`: the label index of [`crate::site::SearchIndex`], as a page or JSON.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Response};

use super::AppState;
use crate::site::search::Hit;

/// `/search?q=…[&format=json][&lang=en]`.
pub async fn handler(
    State(state): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (params, lang) = super::html::request_lang(q, &headers);
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let text = get("q").unwrap_or_default();
    let hits: Vec<Hit> = state
        .search
        .search(&text, 50)
        .into_iter()
        .map(|(iri, score)| Hit {
            label: crate::viz::label_of(&state.store, &iri, lang).unwrap_or_else(|_| iri.clone()),
            iri,
            score,
        })
        .collect();
    let json = get("format").as_deref() == Some("json")
        || headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("application/json") && !a.contains("text/html"));
    let mut res = if json {
        axum::Json(serde_json::json!({ "query": text, "hits": hits })).into_response()
    } else {
        Html(crate::site::pages::search_page(&state, &text, &hits, lang)).into_response()
    };
    res.headers_mut().insert(
        header::VARY,
        axum::http::HeaderValue::from_static("Accept, Accept-Language"),
    );
    res
}
