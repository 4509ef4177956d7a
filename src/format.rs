//! One table of formats, for RDF and for query results: the name users type (`--format`,
//! `?format=`), the file extension and the media type, built on oxigraph's own format types
//! so that nothing converts formats through strings of its own.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

use crate::error::{Error, Result};

/// An RDF serialization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RdfSyntax {
    /// What users type.
    pub name: &'static str,
    pub format: RdfFormat,
}

/// Every RDF serialization, in the order help texts list them.
pub const RDF_SYNTAXES: &[RdfSyntax] = &[
    RdfSyntax {
        name: "turtle",
        format: RdfFormat::Turtle,
    },
    RdfSyntax {
        name: "ntriples",
        format: RdfFormat::NTriples,
    },
    RdfSyntax {
        name: "nquads",
        format: RdfFormat::NQuads,
    },
    RdfSyntax {
        name: "trig",
        format: RdfFormat::TriG,
    },
    RdfSyntax {
        name: "rdfxml",
        format: RdfFormat::RdfXml,
    },
    RdfSyntax {
        name: "jsonld",
        format: RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    },
];

impl RdfSyntax {
    pub fn by_name(name: &str) -> Result<RdfSyntax> {
        RDF_SYNTAXES
            .iter()
            .find(|f| f.name == name)
            .copied()
            .ok_or_else(|| Error::Choice {
                what: "RDF format",
                value: name.to_owned(),
                choices: names(RDF_SYNTAXES.iter().map(|f| f.name)),
            })
    }

    /// By media type (`text/turtle`, `application/ld+json`; parameters ignored).
    pub fn by_media_type(media_type: &str) -> Option<RdfSyntax> {
        let format = RdfFormat::from_media_type(media_type)?;
        RDF_SYNTAXES
            .iter()
            .find(|f| same_rdf_format(f.format, format))
            .copied()
    }

    /// By file extension (`ttl`, `nt`, `jsonld`...).
    pub fn by_extension(extension: &str) -> Option<RdfSyntax> {
        let format = RdfFormat::from_extension(extension)?;
        RDF_SYNTAXES
            .iter()
            .find(|f| same_rdf_format(f.format, format))
            .copied()
    }

    pub fn extension(self) -> &'static str {
        self.format.file_extension()
    }

    pub fn media_type(self) -> &'static str {
        self.format.media_type()
    }
}

/// JSON-LD formats differ only by profile, which the table does not choose by.
fn same_rdf_format(a: RdfFormat, b: RdfFormat) -> bool {
    matches!((a, b), (RdfFormat::JsonLd { .. }, RdfFormat::JsonLd { .. })) || a == b
}

/// A format of SELECT and ASK results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultsSyntax {
    pub name: &'static str,
    /// `None` for the table for people, which is no W3C format.
    pub format: Option<QueryResultsFormat>,
}

/// Every results format.
pub const RESULTS_SYNTAXES: &[ResultsSyntax] = &[
    ResultsSyntax {
        name: "table",
        format: None,
    },
    ResultsSyntax {
        name: "csv",
        format: Some(QueryResultsFormat::Csv),
    },
    ResultsSyntax {
        name: "tsv",
        format: Some(QueryResultsFormat::Tsv),
    },
    ResultsSyntax {
        name: "json",
        format: Some(QueryResultsFormat::Json),
    },
    ResultsSyntax {
        name: "xml",
        format: Some(QueryResultsFormat::Xml),
    },
];

impl ResultsSyntax {
    pub const TABLE: ResultsSyntax = RESULTS_SYNTAXES[0];
    pub const TSV: ResultsSyntax = RESULTS_SYNTAXES[2];

    pub fn by_name(name: &str) -> Result<ResultsSyntax> {
        RESULTS_SYNTAXES
            .iter()
            .find(|f| f.name == name)
            .copied()
            .ok_or_else(|| Error::Choice {
                what: "result format",
                value: name.to_owned(),
                choices: names(RESULTS_SYNTAXES.iter().map(|f| f.name)),
            })
    }

    /// By media type; the table is `text/plain`.
    pub fn by_media_type(media_type: &str) -> Option<ResultsSyntax> {
        let format = QueryResultsFormat::from_media_type(media_type)?;
        RESULTS_SYNTAXES
            .iter()
            .find(|f| f.format == Some(format))
            .copied()
    }

    pub fn extension(self) -> &'static str {
        self.format
            .map_or("txt", QueryResultsFormat::file_extension)
    }

    pub fn media_type(self) -> &'static str {
        self.format
            .map_or("text/plain", QueryResultsFormat::media_type)
    }
}

fn names<'a>(it: impl Iterator<Item = &'a str>) -> String {
    it.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_extensions_and_media_types_agree() {
        for f in RDF_SYNTAXES {
            assert_eq!(RdfSyntax::by_name(f.name).ok(), Some(*f));
            assert_eq!(
                RdfSyntax::by_extension(f.extension()),
                Some(*f),
                "{}",
                f.name
            );
            assert_eq!(
                RdfSyntax::by_media_type(f.media_type()),
                Some(*f),
                "{}",
                f.name
            );
        }
        for f in RESULTS_SYNTAXES.iter().filter(|f| f.format.is_some()) {
            assert_eq!(ResultsSyntax::by_media_type(f.media_type()), Some(*f));
        }
        assert_eq!(
            RdfSyntax::by_extension("ttl").map(|f| f.name),
            Some("turtle")
        );
        assert_eq!(
            RdfSyntax::by_media_type("application/n-triples").map(|f| f.name),
            Some("ntriples")
        );
        let err = RdfSyntax::by_name("n3").unwrap_err().to_string();
        assert!(
            err.contains("turtle, ntriples, nquads, trig, rdfxml, jsonld"),
            "{err}"
        );
        assert_eq!(ResultsSyntax::TABLE.name, "table");
        assert_eq!(ResultsSyntax::TSV.name, "tsv");
    }
}
