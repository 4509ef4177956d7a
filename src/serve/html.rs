//! The page handlers: the request's language and parameters, then the page from
//! [`crate::site::pages`] (the same code writes the static site).

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};

use super::sparql::{error, form_urlencoded};
use super::AppState;
use crate::draw::Lang;
use crate::site::pages;

/// The language a request asks for: `?lang=`, else Accept-Language, else Japanese.
pub fn lang_of(params: &[(String, String)], headers: &HeaderMap) -> Lang {
    if let Some((_, v)) = params.iter().find(|(k, _)| k == "lang") {
        if let Ok(l) = Lang::parse(v) {
            return l;
        }
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if accept.trim_start().starts_with("en") {
        Lang::En
    } else {
        Lang::Ja
    }
}

/// A request's query parameters and the language it asks for.
pub fn request_lang(query: Option<String>, headers: &HeaderMap) -> (Vec<(String, String)>, Lang) {
    let params = form_urlencoded(query.unwrap_or_default().as_bytes());
    let lang = lang_of(&params, headers);
    (params, lang)
}

/// `/`: strategy → fiscal years → projects → programs.
pub async fn index(
    State(state): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (_, lang) = request_lang(q, &headers);
    match pages::index_page(&state, lang) {
        Ok(p) => Html(p).into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

/// The 404 page for `iri`.
pub fn not_found(state: &AppState, iri: &str, params: &[(String, String)]) -> Response {
    let lang = params
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(v).ok())
        .unwrap_or(Lang::Ja);
    (
        StatusCode::NOT_FOUND,
        Html(pages::not_found_page(state, Some(iri), lang)),
    )
        .into_response()
}

/// `/query`: the shipped queries one click away, an editor, results as a table.
pub async fn query_page(
    State(state): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (params, lang) = request_lang(q, &headers);
    let initial = params
        .iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| pages::QUERIES[0].1.to_owned());
    Html(pages::query_page(&state, lang, &initial)).into_response()
}

/// `/report`: what `medrd-kg validate` prints.
pub async fn report(
    State(state): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (_, lang) = request_lang(q, &headers);
    Html(pages::report_page(&state, lang)).into_response()
}

/// `/viz/neighbourhood.svg?iri=…&lang=…`: the picture a resource page shows.
pub async fn neighbourhood_svg(
    State(state): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (params, lang) = request_lang(q, &headers);
    let Some((_, iri)) = params.iter().find(|(k, _)| k == "iri") else {
        return error(StatusCode::BAD_REQUEST, "give ?iri=IRI");
    };
    let what = format!("viz/{iri}/{}", lang.tag());
    if let Some(svg) = state.cache.get(&what) {
        return super::resource::cached_as(&state, &headers, &what, "svg", "image/svg+xml", svg);
    }
    let resource = Some(iri.clone());
    let st = state.clone();
    // the amounts (read from the store the first time) and the drawing: off the async threads
    let drawn = tokio::task::spawn_blocking(move || {
        let request = crate::viz::Request {
            source: crate::viz::Source::View(crate::viz::View::Neighbourhood),
            format: crate::viz::VizFormat::Svg,
            lang,
            year: None,
            resource,
            amounts: Some(st.amounts()?),
        };
        crate::viz::render(&st.store, &request)
    })
    .await
    .unwrap_or_else(|e| Err(crate::Error::internal("drawing the picture", e)));
    match drawn {
        Ok(svg) => {
            let svg = axum::body::Bytes::from(svg);
            state.cache.put(what.clone(), svg.clone());
            super::resource::cached_as(&state, &headers, &what, "svg", "image/svg+xml", svg)
        }
        Err(e) if e.fault() == crate::error::Fault::User => {
            error(StatusCode::NOT_FOUND, e.to_string())
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

fn svg_response(state: &AppState, headers: &HeaderMap, what: &str, svg: String) -> Response {
    super::resource::cached_as(
        state,
        headers,
        what,
        "svg",
        "image/svg+xml",
        svg.into_bytes(),
    )
}

/// `/chart/<kind>.svg?lang=…&year=…`.
pub async fn chart_svg(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (params, lang) = request_lang(q, &headers);
    let Some(kind) = file.strip_suffix(".svg") else {
        return error(StatusCode::NOT_FOUND, "charts are /chart/<kind>.svg");
    };
    let kind = match crate::chart::ChartKind::parse(kind) {
        Ok(k) => k,
        Err(e) => return error(StatusCode::NOT_FOUND, e.to_string()),
    };
    let year = params
        .iter()
        .find(|(k, _)| k == "year")
        .and_then(|(_, v)| v.parse().ok());
    match crate::chart::chart(
        &state.store,
        kind,
        &crate::chart::ChartOptions { lang, year },
    ) {
        Ok(svg) => svg_response(
            &state,
            &headers,
            &format!("chart/{file}/{}/{year:?}", lang.tag()),
            svg,
        ),
        Err(e) => error(StatusCode::BAD_REQUEST, e.to_string()),
    }
}
