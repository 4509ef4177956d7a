//! The linked-data server (`medrd-kg serve`): SPARQL protocol, dereferenceable IRIs with
//! content negotiation, HTML pages, search. Not built yet: it will read the store through
//! `store::open_read_only`, route paths with `rdf::Resource::parse`, negotiate formats with
//! `format`, and render `check::ValidationReport` as a page.
