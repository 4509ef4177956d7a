//! The pages' CSS and JavaScript, embedded in the binary (the pages work offline: no CDN).

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::sparql::error;

const FILES: &[(&str, &str, &str)] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("assets/style.css"),
    ),
    (
        "query.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/query.js"),
    ),
];

/// `/assets/<file>`.
pub async fn handler(Path(file): Path<String>) -> Response {
    match FILES.iter().find(|(n, _, _)| *n == file) {
        Some((_, ct, body)) => (
            [
                (header::CONTENT_TYPE, *ct),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            *body,
        )
            .into_response(),
        None => error(
            axum::http::StatusCode::NOT_FOUND,
            format!("no asset {file:?}"),
        ),
    }
}
