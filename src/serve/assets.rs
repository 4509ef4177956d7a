//! `/assets/<file>`: the CSS and JavaScript of [`crate::site::assets::FILES`].

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::sparql::error;
use crate::site::assets::FILES;

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
