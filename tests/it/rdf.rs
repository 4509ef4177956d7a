//! Graph comparison with sophia: two serializations hold the same RDF dataset when they
//! are isomorphic (equal up to blank-node renaming). Used by the round-trip checks.
//!
//! (Formerly the library's `rdfcheck` module: only the tests use it, and an independent
//! parser is the point, so it lives here with sophia as a dev-dependency.)

use sophia_api::parser::QuadParser;
use sophia_api::quad::Spog;
use sophia_api::source::QuadSource;
use sophia_api::term::SimpleTerm;
use sophia_turtle::parser::trig::TriGParser;

fn parse(name: &str, text: &str) -> Result<Vec<Spog<SimpleTerm<'static>>>, String> {
    TriGParser::new()
        .parse_str(text)
        .collect_quads()
        .map_err(|e| format!("{name} (re-parsed by sophia): {e}"))
}

/// Whether two TriG (or Turtle, N-Triples, N-Quads) documents hold isomorphic datasets.
pub fn isomorphic_trig(a: &str, b: &str) -> Result<bool, String> {
    let da = parse("first document", a)?;
    let db = parse("second document", b)?;
    sophia_isomorphism::isomorphic_datasets(&da, &db)
        .map_err(|e| format!("isomorphism check: {e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_node_labels_do_not_matter_but_terms_do() {
        let a = "<http://e/s> <http://e/p> _:x . _:x <http://e/q> \"1\" .";
        let b = "<http://e/s> <http://e/p> _:y . _:y <http://e/q> \"1\" .";
        let c = "<http://e/s> <http://e/p> _:y . _:y <http://e/q> \"2\" .";
        assert!(isomorphic_trig(a, b).unwrap());
        assert!(!isomorphic_trig(a, c).unwrap());
    }
}
