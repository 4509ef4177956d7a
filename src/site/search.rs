//! Search over labels, notations, printed names and descriptions in both languages: an index
//! built once at start, matched by substring (Japanese has no word boundaries to split on),
//! after folding case and full-width Latin letters and digits, ranked by where the match is
//! (the whole label, its start, inside it, a description) and by kind.

use std::collections::HashMap;

use oxigraph::model::{NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;

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

/// The index for the browser (`assets/search-index.js` of the static site): a script that
/// sets `window.MEDRD_SEARCH = {docs, texts}`. `docs[k]` is `{i: IRI, b: rank bonus, ja:
/// [label, href], en: [label, href]}`; `texts` are `[k, folded text, weight]`.
/// `assets/search.js` ranks them as [`SearchIndex::search`] does.
pub fn client_index(site: &super::Site) -> Result<String> {
    let index = &site.search;
    let mut docs: Vec<serde_json::Value> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut texts = Vec::with_capacity(index.entries.len());
    for e in &index.entries {
        let k = match at.get(e.iri.as_str()) {
            Some(k) => *k,
            None => {
                let mut doc = serde_json::json!({
                    "i": e.iri,
                    "b": index.bonus.get(&e.iri).copied().unwrap_or(0),
                });
                for lang in crate::draw::Lang::ALL {
                    let label = crate::viz::label_of(&site.store, &e.iri, lang)?;
                    doc[lang.tag()] =
                        serde_json::json!([label, super::pages::href(site, &e.iri, lang)]);
                }
                docs.push(doc);
                at.insert(e.iri.as_str(), docs.len() - 1);
                docs.len() - 1
            }
        };
        texts.push(serde_json::json!([k, e.folded, e.weight]));
    }
    let json = serde_json::to_string(&serde_json::json!({ "docs": docs, "texts": texts }))
        .map_err(|e| Error::internal("writing the search index", e))?;
    // `</script>` cannot occur in JSON strings written this way, but `<` is escaped anyway
    Ok(format!(
        "window.MEDRD_SEARCH = {};\n",
        json.replace('<', "\\u003c")
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn folding() {
        assert_eq!(super::fold("ＡＭＥＤ　Project"), "amed project");
        assert_eq!(super::fold("医薬品"), "医薬品");
    }
}
