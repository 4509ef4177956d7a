//! Everything RDF: the vocabularies (`vocab`), the IRI scheme (`resource`, under a `base`),
//! the ontology files (`ontology`), the concepts each code stands for (`concepts`) and the
//! mapping of the checked model to quads (`mapping`, pure).

pub mod base;
pub mod concepts;
pub mod mapping;
pub mod ontology;
pub mod resource;
pub mod vocab;

pub use base::{Base, DEFAULT_BASE};
pub use resource::{GraphKey, Resource};
