//! Search over labels, notations, printed names and descriptions in both languages: an index
//! built once at start, matched by substring (Japanese has no word boundaries to split on),
//! after folding case and full-width Latin letters and digits, ranked by where the match is
//! (the whole label, its start, inside it, a description) and by kind.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Response};
use oxigraph::model::{NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;

use super::AppState;
use crate::error::{Error, Result};
use crate::rdf::vocab::{dcterms, mrd, rdf, rdfs, skos};

/// One indexed text of a resource.
struct Entry {
    iri: String,
    folded: String,
    /// 3 a label or name, 2 a notation, 1 a description or printed text.
    weight: u8,
}

/// The index.
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// A rank bonus by resource (projects and programs before figures and bullets).
    bonus: HashMap<String, u32>,
}

/// Case and full-width forms folded, whitespace collapsed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out.trim_end().to_owned()
}

/// One hit.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub iri: String,
    pub label: String,
    pub score: u32,
}

impl SearchIndex {
    pub fn build(store: &Store) -> Result<SearchIndex> {
        let fields: [(NamedNodeRef<'_>, u8); 8] = [
            (rdfs::LABEL, 3),
            (skos::PREF_LABEL, 3),
            (skos::ALT_LABEL, 3),
            (mrd::NAME_AS_PRINTED, 3),
            (skos::NOTATION, 2),
            (dcterms::TITLE, 3),
            (dcterms::DESCRIPTION, 1),
            (mrd::TEXT, 1),
        ];
        let mut entries = Vec::new();
        for (p, weight) in fields {
            for q in store.quads_for_pattern(None, Some(p), None, None) {
                let q = q.map_err(Error::StoreRead)?;
                if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&q.subject, &q.object)
                {
                    entries.push(Entry {
                        iri: s.as_str().to_owned(),
                        folded: fold(l.value()),
                        weight,
                    });
                }
            }
        }
        entries.sort_by(|a, b| (&a.iri, &a.folded, a.weight).cmp(&(&b.iri, &b.folded, b.weight)));
        entries.dedup_by(|a, b| a.iri == b.iri && a.folded == b.folded);
        let mut bonus = HashMap::new();
        for (class, b) in [
            (mrd::INTEGRATED_PROJECT, 40u32),
            (mrd::PROGRAM, 35),
            (mrd::PROGRAM_YEAR, 30),
            (crate::rdf::vocab::org::ORGANIZATION, 30),
            (mrd::HEALTHCARE_POLICY, 30),
            (mrd::FISCAL_YEAR, 20),
        ] {
            for q in store.quads_for_pattern(None, Some(rdf::TYPE), Some(class.into()), None) {
                let q = q.map_err(Error::StoreRead)?;
                if let NamedOrBlankNode::NamedNode(s) = q.subject {
                    let e = bonus.entry(s.as_str().to_owned()).or_insert(0);
                    *e = (*e).max(b);
                }
            }
        }
        Ok(SearchIndex { entries, bonus })
    }

    /// Number of indexed texts.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` resources for `q` (IRI and score), best first, ties by IRI.
    pub fn search(&self, q: &str, limit: usize) -> Vec<(String, u32)> {
        let q = fold(q);
        if q.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<&str, u32> = HashMap::new();
        for e in &self.entries {
            let Some(pos) = e.folded.find(&q) else {
                continue;
            };
            let place = if e.folded == q {
                100
            } else if pos == 0 {
                70
            } else {
                40
            };
            let score = place * u32::from(e.weight) + self.bonus.get(&e.iri).copied().unwrap_or(0)
                // shorter texts first: the match is more of them
                + (50 * q.chars().count() as u32 / e.folded.chars().count().max(1) as u32);
            let s = best.entry(e.iri.as_str()).or_insert(0);
            *s = (*s).max(score);
        }
        let mut hits: Vec<(String, u32)> =
            best.into_iter().map(|(i, s)| (i.to_owned(), s)).collect();
        hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.truncate(limit);
        hits
    }
}

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
        Html(super::html::search_page(&state, &text, &hits, lang)).into_response()
    };
    res.headers_mut().insert(
        header::VARY,
        axum::http::HeaderValue::from_static("Accept, Accept-Language"),
    );
    res
}

#[cfg(test)]
mod tests {
    #[test]
    fn folding() {
        assert_eq!(super::fold("ＡＭＥＤ　Project"), "amed project");
        assert_eq!(super::fold("医薬品"), "医薬品");
    }
}
