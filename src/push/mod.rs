//! Uploading the graph into another triple store with the SPARQL 1.1 Graph Store HTTP
//! Protocol (`medrd-kg push`). Not built yet.
