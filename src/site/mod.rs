//! The static linked-data site (`medrd-kg publish`): the server's pages and per-resource
//! files written out. Not built yet: it will name files with `rdf::Resource::path`.
