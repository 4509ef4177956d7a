//! Charts of the budget figures drawn in-process as SVG (`medrd-kg chart`). Not built yet.
