//! Dereferencing: the server's path `/P` is the IRI `<base>P`, answered directly (no `/id/`
//! redirect). The representation comes from the suffix (`.ttl`, `.jsonld`, `.nt`, `.rdf`,
//! `.html`), else `?format=`, else `Accept`. Every answer has its Content-Type, `Vary:
//! Accept`, an ETag of its own format (a 304 never answers with another format's body),
//! `Last-Modified` from the build and `Cache-Control`; a matching conditional request gets
//! 304. An IRI the store does not describe gets a 404 page that helps.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;

use super::cache::Unrendered;
use super::html;
use super::negotiate::{resource_repr, Repr};
use super::sparql::{error, form_urlencoded, Reject};
use super::AppState;
use crate::site::{describe, known, rdf_bytes, void_triples, DUMPS};

/// How long clients may keep a representation before revalidating.
const CACHE: &str = "public, max-age=600";

/// Answers `body` with the caching headers, or 304 when the client has this version.
pub fn cached(
    state: &AppState,
    headers: &HeaderMap,
    what: &str,
    repr: Repr,
    body: impl Into<Bytes>,
) -> Response {
    cached_as(state, headers, what, repr.name(), repr.content_type(), body)
}

/// [`cached`] with the ETag's format name and the Content-Type given.
pub fn cached_as(
    state: &AppState,
    headers: &HeaderMap,
    what: &str,
    tag: &str,
    content_type: &str,
    body: impl Into<Bytes>,
) -> Response {
    let etag = state.etag(what, tag);
    let last_modified = state.last_modified_http();
    let none_match = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok());
    let fresh = match none_match {
        // If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ prefix does not matter
        Some(tags) => tags
            .split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == etag || t == "*"),
        None => headers
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok())
            .zip(httpdate::parse_http_date(&last_modified).ok())
            .is_some_and(|(since, modified)| modified <= since),
    };
    let mut res = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = (StatusCode::OK, body.into()).into_response();
        if let Ok(v) = HeaderValue::from_str(content_type) {
            r.headers_mut().insert(header::CONTENT_TYPE, v);
        }
        r
    };
    let h = res.headers_mut();
    for (k, v) in [
        (header::ETAG, etag.as_str()),
        (header::LAST_MODIFIED, last_modified.as_str()),
        (header::VARY, "Accept"),
        (header::CACHE_CONTROL, CACHE),
    ] {
        if let Ok(v) = HeaderValue::from_str(v) {
            h.insert(k, v);
        }
    }
    res
}

/// The representation a request asks for: suffix, then `?format=`, then Accept.
fn requested(
    path: &str,
    query: &[(String, String)],
    headers: &HeaderMap,
) -> Result<(String, Repr), Reject> {
    if let Some((stem, suffix)) = path.rsplit_once('.') {
        if let Some(r) =
            Repr::by_name(suffix).filter(|_| !stem.ends_with('/') && !suffix.contains('/'))
        {
            return Ok((stem.to_owned(), r));
        }
    }
    if let Some((_, f)) = query.iter().find(|(k, _)| k == "format") {
        return Repr::by_name(f)
            .map(|r| (path.to_owned(), r))
            .ok_or_else(|| {
                Reject(
                    StatusCode::BAD_REQUEST,
                    format!("format {f:?} is not one of html, turtle, jsonld, ntriples, rdfxml"),
                )
            });
    }
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    resource_repr(accept).map(|r| (path.to_owned(), r)).ok_or_else(|| {
        Reject(
            StatusCode::NOT_ACCEPTABLE,
            "this resource comes as text/html, text/turtle, application/ld+json, application/n-triples or application/rdf+xml (or add .html, .ttl, .jsonld, .nt, .rdf)".to_owned(),
        )
    })
}

/// Any path that is not a page of the server: a resource under the base.
pub async fn handler(
    method: axum::http::Method,
    State(state): State<Arc<AppState>>,
    uri: Uri,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    if method != axum::http::Method::GET && method != axum::http::Method::HEAD {
        let mut r = error(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("resources are read with GET (or HEAD), not {method}; queries go to /sparql"),
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let query = form_urlencoded(q.unwrap_or_default().as_bytes());
    let raw_path = uri.path().trim_start_matches('/');
    let path = percent_encoding::percent_decode_str(raw_path)
        .decode_utf8_lossy()
        .into_owned();
    let (path, repr) = match requested(&path, &query, &headers) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    let iri = format!("{}{path}", state.base);
    let lang = html::lang_of(&query, &headers);
    // what the representation depends on: the page's language, paging and format
    let what = format!(
        "{}?{}&{}",
        percent_encoding::utf8_percent_encode(&path, percent_encoding::NON_ALPHANUMERIC),
        page_key(&query),
        lang.tag()
    );
    let key = format!("{what}\u{0}{}", repr.name());
    let Ok(node) = NamedNode::new(iri.as_str()) else {
        return html::not_found(&state, &iri, &query);
    };
    let rendered = state
        .cache
        .get_or_render(&key, || async {
            match known(&state, node.as_ref()) {
                Ok(true) => {}
                Ok(false) => return Err(Unrendered::NotFound),
                Err(e) => return Err(Unrendered::Failed(e.to_string())),
            }
            // rendering reads the store: off the threads that answer the other requests
            let st = state.clone();
            let params = query.clone();
            let node = node.clone();
            let made = tokio::task::spawn_blocking(move || match repr {
                Repr::Html => {
                    crate::site::pages::resource_page(&st, node.as_ref(), lang, &params, true)
                        .map(String::into_bytes)
                }
                Repr::Rdf(format) => {
                    describe(&st, node.as_ref()).and_then(|t| rdf_bytes(&t, format))
                }
            })
            .await;
            match made {
                Ok(Ok(b)) => Ok(Bytes::from(b)),
                Ok(Err(e)) => Err(Unrendered::Failed(e.to_string())),
                Err(e) => Err(Unrendered::Failed(e.to_string())),
            }
        })
        .await;
    let body = match rendered {
        Ok(b) => b,
        // not described by the store: the helpful 404 (never cached)
        Err(Unrendered::NotFound) => return html::not_found(&state, &iri, &query),
        Err(Unrendered::Failed(e)) => return error(StatusCode::INTERNAL_SERVER_ERROR, e),
    };
    let mut res = cached(&state, &headers, &what, repr, body);
    if let Ok(v) = HeaderValue::from_str(&format!("{iri}.{}", repr.suffix())) {
        res.headers_mut().insert(header::CONTENT_LOCATION, v);
    }
    if repr == Repr::Html {
        // the page's language may come from Accept-Language
        res.headers_mut().insert(
            header::VARY,
            HeaderValue::from_static("Accept, Accept-Language"),
        );
    }
    res
}

/// The parts of the query string that change a page (language, paging), each name and
/// value percent-encoded, so that two different query strings never give the same key (an
/// `&` or `=` inside a value would otherwise read as a separator: one request could fill the
/// cache, and the ETag, for another).
fn page_key(query: &[(String, String)]) -> String {
    let enc = |s: &str| {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    let mut k: Vec<String> = query
        .iter()
        .filter(|(k, _)| k != "format")
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    k.sort();
    k.join("&")
}

/// `/.well-known/void`: the description, in Turtle unless asked otherwise.
pub async fn void(
    State(state): State<Arc<AppState>>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let query = form_urlencoded(q.unwrap_or_default().as_bytes());
    let repr = match requested(".well-known/void", &query, &headers) {
        Ok((_, Repr::Html)) | Err(_) => Repr::Rdf(RdfFormat::Turtle),
        Ok((_, r)) => r,
    };
    let Repr::Rdf(format) = repr else {
        return error(StatusCode::INTERNAL_SERVER_ERROR, "no format");
    };
    match void_triples(
        &state,
        &state.public,
        Some(&format!("{}sparql", state.public)),
    )
    .and_then(|t| rdf_bytes(&t, format))
    {
        Ok(b) => cached(&state, &headers, ".well-known/void", repr, b),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

/// `/dumps/medrd-kg.<ext>`: the whole store.
pub async fn dump(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some((_, format)) = DUMPS
        .iter()
        .find(|(ext, _)| file == format!("medrd-kg.{ext}"))
    else {
        let names: Vec<String> = DUMPS.iter().map(|(e, _)| format!("medrd-kg.{e}")).collect();
        return error(
            StatusCode::NOT_FOUND,
            format!("no dump {file:?}: the dumps are {}", names.join(", ")),
        );
    };
    // made once, off the async threads, then kept
    let ext: &'static str = DUMPS
        .iter()
        .find(|(e, _)| file == format!("medrd-kg.{e}"))
        .map_or("", |(e, _)| e);
    let cached_dump = state.dumps.lock().ok().and_then(|d| d.get(ext).cloned());
    let out = match cached_dump {
        Some(b) => b,
        None => {
            let st = state.clone();
            let f = *format;
            let made = tokio::task::spawn_blocking(move || {
                let mut out = Vec::new();
                crate::export::dump(&st.store, f, None, &mut out).map(|_| out)
            })
            .await;
            match made {
                Ok(Ok(b)) => {
                    let b = Bytes::from(b);
                    if let Ok(mut d) = state.dumps.lock() {
                        d.insert(ext, b.clone());
                    }
                    b
                }
                Ok(Err(e)) => return error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
                Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            }
        }
    };
    cached_as(
        &state,
        &headers,
        &file,
        &file,
        &format!("{}; charset=utf-8", format.media_type()),
        out,
    )
}

#[cfg(test)]
mod tests {
    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn page_keys_of_different_queries_differ() {
        // one parameter whose value holds "&page=2", and the two parameters it looks like
        let one = super::page_key(&q(&[("inv", "p#x&page=2")]));
        let two = super::page_key(&q(&[("inv", "p#x"), ("page", "2")]));
        assert_ne!(one, two);
        assert_ne!(
            super::page_key(&q(&[("a", "b=c")])),
            super::page_key(&q(&[("a=b", "c")]))
        );
        // the order of the parameters and ?format= do not change the page
        assert_eq!(
            super::page_key(&q(&[("page", "2"), ("inv", "p"), ("format", "html")])),
            super::page_key(&q(&[("inv", "p"), ("page", "2")]))
        );
    }
}
