//! What the server and the static site share: the graph as pages. [`Site`] holds what the
//! pages read (the store, the data base, the search index, the reconciliation report) and
//! [`Links`] says where they link to, so the same page code serves `medrd-kg serve` and
//! writes `medrd-kg publish`.
//!
//! Modules: `links` (routes or files; the only place an IRI becomes a file name), `pages`
//! (the HTML), `search` (the label index, and its client-side copy for the static site),
//! `jsonld` (compacted JSON-LD), `assets` (CSS and JS embedded in the binary), `webconf`
//! (nginx and Apache configuration for content negotiation), `publish` (the static site).

pub mod assets;
pub mod jsonld;
pub mod links;
pub mod pages;
pub mod publish;
pub mod search;
pub mod webconf;

use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef, Triple};
use oxigraph::store::Store;

pub use links::Links;
pub use search::SearchIndex;

use crate::error::{Error, Result};
use crate::export::serializer;
use crate::rdf::vocab::{dcat, dcterms, rdf, void};

/// What the pages read.
pub struct Site {
    pub store: Store,
    /// The base the data's IRIs are minted under, ending with `/` or `#`.
    pub base: String,
    pub triples: usize,
    pub search: SearchIndex,
    /// What `medrd-kg validate` prints, when the data folder was there.
    pub report: Option<String>,
    pub links: Links,
    /// The amounts the neighbourhood pictures show, read once when first needed.
    amounts: std::sync::OnceLock<std::sync::Arc<crate::viz::Amounts>>,
}

/// Where the reconciliation report comes from.
pub struct ReportFrom<'a> {
    pub data: &'a std::path::Path,
    pub ontology: &'a std::path::Path,
    pub store: &'a std::path::Path,
}

impl Site {
    /// The amounts of every node, for the neighbourhood pictures: read from the store the
    /// first time, then shared (the store does not change under a site or a server).
    pub fn amounts(&self) -> Result<std::sync::Arc<crate::viz::Amounts>> {
        if let Some(a) = self.amounts.get() {
            return Ok(a.clone());
        }
        let a = std::sync::Arc::new(crate::viz::amounts(&self.store)?);
        Ok(self.amounts.get_or_init(|| a).clone())
    }

    /// The site over `store`: `base` given, else the store's `void:uriSpace`, else the
    /// default base; the report made when `report` names a data folder that exists.
    pub fn new(
        store: Store,
        base: Option<&str>,
        report: Option<&ReportFrom<'_>>,
        links: Links,
    ) -> Result<Site> {
        let base = match base {
            Some(b) => crate::rdf::Base::new(b)?.as_str().to_owned(),
            None => store_base(&store)?.unwrap_or_else(|| crate::rdf::DEFAULT_BASE.to_owned()),
        };
        let mut triples = 0usize;
        for q in store.iter() {
            q.map_err(Error::StoreRead)?;
            triples += 1;
        }
        let search = SearchIndex::build(&store)?;
        let report = match report {
            Some(r) if r.data.is_dir() => {
                let v = crate::pipeline::validate(&crate::pipeline::ValidateOptions {
                    data: r.data.to_owned(),
                    ontology: r.ontology.to_owned(),
                    store: Some(r.store.to_owned()),
                    base: crate::rdf::Base::new(&base)?,
                })?;
                let mut out = Vec::new();
                v.write_text(&mut out, true)?;
                Some(String::from_utf8_lossy(&out).into_owned())
            }
            _ => None,
        };
        Ok(Site {
            store,
            base,
            triples,
            search,
            report,
            links,
            amounts: std::sync::OnceLock::new(),
        })
    }

    /// The site over the store at `path`, opened read-only, with the report of `data` and
    /// `ontology` when `data` is a folder.
    pub fn open(
        path: &std::path::Path,
        base: Option<&str>,
        data: &std::path::Path,
        ontology: &std::path::Path,
        links: Links,
    ) -> Result<Site> {
        let store = crate::store::open_read_only(path)?;
        Site::new(
            store,
            base,
            Some(&ReportFrom {
                data,
                ontology,
                store: path,
            }),
            links,
        )
    }

    /// Every IRI under the base that the store describes (as subject) or mentions (as
    /// object), without fragment, each once, sorted: the documents of the site.
    pub fn documents(&self) -> Result<Vec<String>> {
        let mut docs = std::collections::BTreeSet::new();
        let mut add = |iri: &str| {
            if let Some(rest) = iri.strip_prefix(self.base.as_str()) {
                let doc = rest.split('#').next().unwrap_or("");
                docs.insert(format!("{}{doc}", self.base));
            }
        };
        for q in self.store.iter() {
            let q = q.map_err(Error::StoreRead)?;
            if let NamedOrBlankNode::NamedNode(s) = &q.subject {
                add(s.as_str());
            }
            if let Term::NamedNode(o) = &q.object {
                add(o.as_str());
            }
        }
        Ok(docs.into_iter().collect())
    }
}

/// The base of the data: `void:uriSpace` of the dataset that has one.
pub fn store_base(store: &Store) -> Result<Option<String>> {
    for q in store.quads_for_pattern(None, Some(void::URI_SPACE), None, None) {
        let q = q.map_err(Error::StoreRead)?;
        let typed = store
            .contains(oxigraph::model::QuadRef::new(
                q.subject.as_ref(),
                rdf::TYPE,
                TermRef::NamedNode(void::DATASET),
                q.graph_name.as_ref(),
            ))
            .map_err(Error::StoreRead)?;
        if let (true, Term::Literal(l)) = (typed, &q.object) {
            return Ok(Some(l.value().to_owned()));
        }
    }
    Ok(None)
}

/// The outgoing triples of `iri` in every graph, sorted, each once.
pub fn describe(site: &Site, iri: NamedNodeRef<'_>) -> Result<Vec<Triple>> {
    let mut v = Vec::new();
    for q in site
        .store
        .quads_for_pattern(Some(iri.into()), None, None, None)
    {
        let q = q.map_err(Error::StoreRead)?;
        v.push(Triple::new(q.subject, q.predicate, q.object));
    }
    v.sort_by_cached_key(|t| (t.predicate.to_string(), t.object.to_string()));
    v.dedup();
    Ok(v)
}

/// Whether the store has anything about `iri` (as subject or object).
pub fn known(site: &Site, iri: NamedNodeRef<'_>) -> Result<bool> {
    if site
        .store
        .quads_for_pattern(Some(iri.into()), None, None, None)
        .next()
        .is_some()
    {
        return Ok(true);
    }
    Ok(site
        .store
        .quads_for_pattern(None, None, Some(iri.into()), None)
        .next()
        .is_some())
}

/// Triples in `format` (JSON-LD compacted with the usual prefixes).
pub fn rdf_bytes(triples: &[Triple], format: RdfFormat) -> Result<Vec<u8>> {
    if matches!(format, RdfFormat::JsonLd { .. }) {
        let mut out = serde_json::to_vec_pretty(&jsonld::document(triples))
            .map_err(|e| Error::internal("writing JSON-LD", e))?;
        out.push(b'\n');
        return Ok(out);
    }
    let mut out = Vec::new();
    let mut w = serializer(format)?.for_writer(&mut out);
    for t in triples {
        w.serialize_triple(t)
            .map_err(|e| Error::write("the answer", e))?;
    }
    w.finish().map_err(|e| Error::write("the answer", e))?;
    Ok(out)
}

/// The dumps offered under `dumps/medrd-kg.<ext>`.
pub const DUMPS: &[(&str, RdfFormat)] = &[
    ("nq", RdfFormat::NQuads),
    ("trig", RdfFormat::TriG),
    ("ttl", RdfFormat::Turtle),
    ("nt", RdfFormat::NTriples),
    ("rdf", RdfFormat::RdfXml),
    (
        "jsonld",
        RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        },
    ),
];

/// The dataset description: VoID and DCAT, with the dumps at `public` (ending with `/`), the
/// SPARQL endpoint when there is one, and the license.
pub fn void_triples(site: &Site, public: &str, sparql: Option<&str>) -> Result<Vec<Triple>> {
    let dataset = NamedNode::new(format!("{}dataset", site.base))
        .map_err(|e| Error::internal("the dataset IRI", e))?;
    let mut triples = describe(site, dataset.as_ref())?;
    let link = |p: NamedNodeRef<'_>, o: &str| -> Result<Triple> {
        Ok(Triple::new(
            dataset.clone(),
            p,
            NamedNode::new(o).map_err(|e| Error::internal("a dataset link", e))?,
        ))
    };
    if let Some(endpoint) = sparql {
        triples.push(link(void::SPARQL_ENDPOINT, endpoint)?);
    }
    for (ext, _) in DUMPS {
        triples.push(link(
            void::DATA_DUMP,
            &format!("{public}dumps/medrd-kg.{ext}"),
        )?);
    }
    triples.push(Triple::new(
        dataset.clone(),
        void::TRIPLES,
        oxigraph::model::Literal::from(site.triples as i64),
    ));
    let license = triples
        .iter()
        .find(|t| {
            t.subject == NamedOrBlankNode::NamedNode(dataset.clone())
                && t.predicate.as_ref() == dcterms::LICENSE
        })
        .map(|t| t.object.clone());
    // DCAT distributions: one per dump
    for (ext, format) in DUMPS {
        let dist = NamedNode::new(format!("{}dataset#distribution-{ext}", site.base))
            .map_err(|e| Error::internal("a distribution IRI", e))?;
        triples.push(Triple::new(
            dataset.clone(),
            dcat::DISTRIBUTION,
            dist.clone(),
        ));
        triples.push(Triple::new(
            dist.clone(),
            rdf::TYPE,
            dcat::DISTRIBUTION_CLASS,
        ));
        triples.push(Triple::new(
            dist.clone(),
            dcat::DOWNLOAD_URL,
            NamedNode::new(format!("{public}dumps/medrd-kg.{ext}"))
                .map_err(|e| Error::internal("a dump URL", e))?,
        ));
        triples.push(Triple::new(
            dist.clone(),
            dcat::MEDIA_TYPE,
            oxigraph::model::Literal::new_simple_literal(format.media_type()),
        ));
        if let Some(Term::NamedNode(l)) = &license {
            triples.push(Triple::new(dist, dcterms::LICENSE, l.clone()));
        }
    }
    triples.sort_by_cached_key(|t| t.to_string());
    triples.dedup();
    Ok(triples)
}
