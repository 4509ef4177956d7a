//! JSON-LD that people can read: a `@context` of the usual prefixes, compact IRIs for
//! properties, types and values, one node object per subject (with `@graph` when there are
//! several). It is the same graph as the Turtle and N-Triples answers (the tests compare them
//! through rdflib).

use std::collections::BTreeMap;

use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use serde_json::{json, Map, Value};

use crate::rdf::vocab::{rdf, xsd, PREFIXES};

/// `iri` as `prefix:local` when a prefix covers it and the rest is a plain name.
fn compact(iri: &str) -> String {
    for (p, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            if !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            {
                return format!("{p}:{local}");
            }
        }
    }
    iri.to_owned()
}

fn subject_id(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => compact(n.as_str()),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

fn object(t: &Term) -> Value {
    match t {
        Term::NamedNode(n) => json!({ "@id": compact(n.as_str()) }),
        Term::BlankNode(b) => json!({ "@id": format!("_:{}", b.as_str()) }),
        Term::Literal(l) => match l.language() {
            Some(lang) => json!({ "@value": l.value(), "@language": lang }),
            None if l.datatype() == xsd::STRING => json!(l.value()),
            None => json!({ "@value": l.value(), "@type": compact(l.datatype().as_str()) }),
        },
        #[allow(unreachable_patterns)]
        other => json!(other.to_string()),
    }
}

/// The triples as a compact JSON-LD document.
pub fn document(triples: &[Triple]) -> Value {
    let mut context = Map::new();
    for (p, ns) in PREFIXES {
        context.insert((*p).to_owned(), json!(ns));
    }
    let mut nodes: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for t in triples {
        let id = subject_id(&t.subject);
        let node = nodes.entry(id.clone()).or_insert_with(|| {
            let mut m = Map::new();
            m.insert("@id".into(), json!(id));
            m
        });
        let (key, val) = if t.predicate.as_ref() == rdf::TYPE {
            (
                "@type".to_owned(),
                match &t.object {
                    Term::NamedNode(n) => json!(compact(n.as_str())),
                    other => object(other),
                },
            )
        } else {
            (compact(t.predicate.as_str()), object(&t.object))
        };
        match node.get_mut(&key) {
            Some(Value::Array(a)) => a.push(val),
            Some(v) => {
                let old = v.take();
                *v = json!([old, val]);
            }
            None => {
                node.insert(key, val);
            }
        }
    }
    let mut nodes: Vec<Value> = nodes.into_values().map(Value::Object).collect();
    if nodes.len() == 1 {
        let mut only = nodes.remove(0);
        if let Some(o) = only.as_object_mut() {
            o.insert("@context".into(), Value::Object(context));
        }
        only
    } else {
        json!({ "@context": context, "@graph": nodes })
    }
}
