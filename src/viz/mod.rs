//! Graph visualization (`medrd-kg viz`): views as SPARQL queries, one nodes-and-edges model,
//! one writer per format (GraphML, GEXF, Cytoscape JSON, DOT, SVG). Not built yet.
