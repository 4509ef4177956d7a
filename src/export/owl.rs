//! The ontology as an OWL 2 document for ontology tools (Protégé, WebVOWL's converter, the
//! OWL API): the ontology graph of the store, plus the declarations OWL wants and RDF does not
//! need: every class the ontology reuses (as superclass, domain, range or type) declared an
//! `owl:Class`, every property it uses on its terms without defining it declared an
//! `owl:AnnotationProperty` (or the type of the property it is a super-property of).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use oxigraph::store::Store;

use super::serializer;
use crate::error::{Error, Result};
use crate::rdf::vocab::{owl, rdf, rdfs, xsd, ONTOLOGY};

/// Namespaces whose terms OWL tools know without declarations.
fn built_in(iri: &str) -> bool {
    [rdf::NS, rdfs::NS, owl::NS, xsd::NS]
        .iter()
        .any(|ns| iri.starts_with(ns))
}

/// The triples of the OWL document, sorted.
pub fn owl_triples(store: &Store) -> Result<Vec<Triple>> {
    // the graph that holds `<ontology> a owl:Ontology`
    let mut graph = None;
    for q in store.quads_for_pattern(
        Some(ONTOLOGY.into()),
        Some(rdf::TYPE),
        Some(owl::ONTOLOGY.into()),
        None,
    ) {
        graph = Some(q.map_err(Error::StoreRead)?.graph_name);
    }
    let graph = graph.ok_or_else(|| Error::NoOntology {
        iri: ONTOLOGY.as_str().to_owned(),
    })?;
    let mut triples = Vec::new();
    let g: GraphNameRef<'_> = graph.as_ref();
    for q in store.quads_for_pattern(None, None, None, Some(g)) {
        triples.push(Triple::from(q.map_err(Error::StoreRead)?));
    }
    let mut declared: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in &triples {
        if let (NamedOrBlankNode::NamedNode(s), true, Term::NamedNode(o)) =
            (&t.subject, t.predicate.as_ref() == rdf::TYPE, &t.object)
        {
            declared
                .entry(s.as_str().to_owned())
                .or_default()
                .insert(o.as_str().to_owned());
        }
    }
    let mut add: BTreeMap<String, &'static str> = BTreeMap::new();
    let want = |iri: &str, ty: NamedNodeRef<'static>, add: &mut BTreeMap<String, &'static str>| {
        if !built_in(iri) && !declared.contains_key(iri) {
            add.entry(iri.to_owned()).or_insert(ty.as_str());
        }
    };
    for t in &triples {
        let p = t.predicate.as_ref();
        if let Term::NamedNode(o) = &t.object {
            if p == rdfs::SUB_CLASS_OF || p == rdfs::DOMAIN || p == rdfs::RANGE || p == rdf::TYPE {
                want(o.as_str(), owl::CLASS, &mut add);
            }
        }
        if !built_in(p.as_str()) {
            want(p.as_str(), owl::ANNOTATION_PROPERTY, &mut add);
        }
    }
    // a super-property takes the kind of its sub-property
    for t in &triples {
        if t.predicate.as_ref() != rdfs::SUB_PROPERTY_OF {
            continue;
        }
        if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&t.subject, &t.object) {
            let kind = declared.get(s.as_str()).and_then(|ts| {
                [
                    owl::OBJECT_PROPERTY,
                    owl::DATATYPE_PROPERTY,
                    owl::ANNOTATION_PROPERTY,
                ]
                .into_iter()
                .find(|k| ts.contains(k.as_str()))
            });
            if let Some(k) = kind {
                if !built_in(o.as_str()) && !declared.contains_key(o.as_str()) {
                    add.insert(o.as_str().to_owned(), k.as_str());
                }
            }
        }
    }
    for (iri, ty) in add {
        let (Ok(s), Ok(o)) = (NamedNode::new(iri), NamedNode::new(ty)) else {
            continue;
        };
        triples.push(Triple::new(s, rdf::TYPE, o));
    }
    triples.sort_by_cached_key(|t| {
        (
            t.subject.to_string(),
            t.predicate.to_string(),
            t.object.to_string(),
        )
    });
    triples.dedup();
    Ok(triples)
}

/// Writes the OWL document in `format` (Turtle or RDF/XML for ontology tools).
pub fn write_owl(store: &Store, format: RdfFormat, out: &mut dyn Write) -> Result<()> {
    let triples = owl_triples(store)?;
    let mut w = serializer(format)?.for_writer(out);
    for t in &triples {
        w.serialize_triple(t)
            .map_err(|e| Error::write("the ontology", e))?;
    }
    w.finish().map_err(|e| Error::write("the ontology", e))?;
    Ok(())
}
