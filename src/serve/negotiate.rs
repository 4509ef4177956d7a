//! Content negotiation: `Accept` with quality values (RFC 9110 §12.5.1: the most specific
//! range that matches gives an offer its quality; the best offer wins, ties by the server's
//! order), `?format=` names and file suffixes.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};

/// A representation of a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repr {
    Html,
    Rdf(RdfFormat),
}

/// What a resource offers, in the server's order of preference.
pub const RESOURCE_OFFERS: &[(&str, Repr)] = &[
    ("text/html", Repr::Html),
    ("text/turtle", Repr::Rdf(RdfFormat::Turtle)),
    (
        "application/ld+json",
        Repr::Rdf(RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        }),
    ),
    ("application/n-triples", Repr::Rdf(RdfFormat::NTriples)),
    ("application/rdf+xml", Repr::Rdf(RdfFormat::RdfXml)),
];

/// `?format=` names and suffixes of the representations.
pub const RESOURCE_NAMES: &[(&str, &str, Repr)] = &[
    ("html", "html", Repr::Html),
    ("turtle", "ttl", Repr::Rdf(RdfFormat::Turtle)),
    (
        "jsonld",
        "jsonld",
        Repr::Rdf(RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        }),
    ),
    ("ntriples", "nt", Repr::Rdf(RdfFormat::NTriples)),
    ("rdfxml", "rdf", Repr::Rdf(RdfFormat::RdfXml)),
];

impl Repr {
    /// The `?format=` name (also the ETag's format part).
    pub fn name(self) -> &'static str {
        RESOURCE_NAMES
            .iter()
            .find(|(_, _, r)| same(*r, self))
            .map_or("html", |(n, _, _)| n)
    }

    /// The file suffix.
    pub fn suffix(self) -> &'static str {
        RESOURCE_NAMES
            .iter()
            .find(|(_, _, r)| same(*r, self))
            .map_or("html", |(_, s, _)| s)
    }

    /// The Content-Type.
    pub fn content_type(self) -> &'static str {
        match self {
            Repr::Html => "text/html; charset=utf-8",
            Repr::Rdf(RdfFormat::Turtle) => "text/turtle; charset=utf-8",
            Repr::Rdf(RdfFormat::NTriples) => "application/n-triples; charset=utf-8",
            Repr::Rdf(RdfFormat::RdfXml) => "application/rdf+xml; charset=utf-8",
            Repr::Rdf(RdfFormat::JsonLd { .. }) => "application/ld+json; charset=utf-8",
            Repr::Rdf(f) => f.media_type(),
        }
    }

    /// The representation named `name` (a `?format=` name, a suffix or a media type).
    pub fn by_name(name: &str) -> Option<Repr> {
        RESOURCE_NAMES
            .iter()
            .find(|(n, s, _)| *n == name || *s == name)
            .map(|(_, _, r)| *r)
            .or_else(|| {
                RESOURCE_OFFERS
                    .iter()
                    .find(|(m, _)| *m == name)
                    .map(|(_, r)| *r)
            })
    }
}

fn same(a: Repr, b: Repr) -> bool {
    match (a, b) {
        (Repr::Rdf(RdfFormat::JsonLd { .. }), Repr::Rdf(RdfFormat::JsonLd { .. })) => true,
        _ => a == b,
    }
}

/// One media range of an Accept header.
#[derive(Debug, Clone, PartialEq)]
struct Range {
    kind: String,
    sub: String,
    q: f32,
}

fn parse(accept: &str) -> Vec<Range> {
    accept
        .split(',')
        .filter_map(|part| {
            let mut it = part.split(';');
            let mt = it.next()?.trim().to_ascii_lowercase();
            let (kind, sub) = mt.split_once('/')?;
            let mut q = 1.0f32;
            for p in it {
                if let Some(v) = p.trim().strip_prefix("q=") {
                    q = v
                        .trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|x| x.is_finite())
                        .unwrap_or(0.0)
                        .clamp(0.0, 1.0);
                }
            }
            Some(Range {
                kind: kind.trim().to_owned(),
                sub: sub.trim().to_owned(),
                q,
            })
        })
        .collect()
}

/// The quality `ranges` give `media_type`: from the most specific range that matches it.
fn quality(ranges: &[Range], media_type: &str) -> f32 {
    let (kind, sub) = media_type.split_once('/').unwrap_or((media_type, ""));
    let mut best: Option<(u8, f32)> = None;
    for r in ranges {
        let specificity = if r.kind == kind && r.sub == sub {
            3
        } else if r.kind == kind && r.sub == "*" {
            2
        } else if r.kind == "*" && r.sub == "*" {
            1
        } else {
            continue;
        };
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, r.q));
        }
    }
    best.map_or(0.0, |(_, q)| q)
}

/// The index of the offer `accept` prefers (the first offer when there is no header), or
/// `None` when it accepts none of them.
pub fn choose(accept: Option<&str>, offers: &[&str]) -> Option<usize> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return (!offers.is_empty()).then_some(0);
    };
    let ranges = parse(accept);
    let mut best: Option<(usize, f32)> = None;
    for (i, o) in offers.iter().enumerate() {
        let q = quality(&ranges, o);
        if q > 0.0 && best.is_none_or(|(_, bq)| q > bq) {
            best = Some((i, q));
        }
    }
    best.map(|(i, _)| i)
}

/// The representation of a resource `accept` prefers.
pub fn resource_repr(accept: Option<&str>) -> Option<Repr> {
    let offers: Vec<&str> = RESOURCE_OFFERS.iter().map(|(m, _)| *m).collect();
    choose(accept, &offers).map(|i| RESOURCE_OFFERS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_get_html_and_agents_what_they_ask() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(resource_repr(Some(browser)), Some(Repr::Html));
        assert_eq!(
            resource_repr(Some("text/turtle")),
            Some(Repr::Rdf(RdfFormat::Turtle))
        );
        assert_eq!(
            resource_repr(Some("application/rdf+xml;q=0.5, text/turtle;q=0.9")),
            Some(Repr::Rdf(RdfFormat::Turtle))
        );
        assert_eq!(
            resource_repr(Some("application/n-triples, */*;q=0.1")),
            Some(Repr::Rdf(RdfFormat::NTriples))
        );
        assert_eq!(resource_repr(None), Some(Repr::Html));
        assert_eq!(resource_repr(Some("image/png")), None);
        // a more specific range overrides a general one: text/html;q=0 refuses HTML
        assert_eq!(
            resource_repr(Some("text/html;q=0, */*")),
            Some(Repr::Rdf(RdfFormat::Turtle))
        );
    }

    #[test]
    fn names_and_suffixes() {
        assert_eq!(Repr::by_name("ttl"), Some(Repr::Rdf(RdfFormat::Turtle)));
        assert_eq!(Repr::by_name("jsonld").map(Repr::suffix), Some("jsonld"));
        assert_eq!(Repr::by_name("rdf").map(Repr::name), Some("rdfxml"));
        assert_eq!(Repr::by_name("png"), None);
    }
}
