//! Minting IRIs under one configurable base. IRIs are built from stable keys of the data
//! (fiscal year, project number, program slugs, ministry ids, page labels), so the same data
//! always mints the same IRIs. Items that have no key of their own — the budget lines, stated
//! links, ◆ entries and bullets of a page — are numbered by their position on their project's
//! page (`line/2026/1/3` is the third line of FY2026 project 1), which is the order of the
//! data files: inserting an item renumbers the later items of that project only. Each IRI is
//! checked with `iri-string` before it is used.

use iri_string::types::IriStr;
use oxigraph::model::NamedNode;

use crate::error::{Error, Result};

/// The default base for data IRIs (configurable with `--base`).
pub const DEFAULT_BASE: &str = "https://w3id.org/medrd-kg/";

/// A checked base IRI: absolute, http(s), ending with `/` or `#`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base(String);

impl Base {
    pub fn new(base: &str) -> Result<Self> {
        let err = |m: &str| Error::Base {
            iri: base.to_owned(),
            message: m.to_owned(),
        };
        let iri = IriStr::new(base).map_err(|e| err(&e.to_string()))?;
        let scheme = iri.scheme_str();
        if scheme != "http" && scheme != "https" {
            return Err(err("the scheme must be http or https"));
        }
        if iri.authority_str().is_none_or(|a| a.is_empty()) {
            return Err(err("the base needs a host (http://host/...)"));
        }
        if iri.fragment().is_some() && !base.ends_with('#') {
            return Err(err("a base with a fragment must end with '#'"));
        }
        if !(base.ends_with('/') || base.ends_with('#')) {
            return Err(err("the base must end with '/' or '#'"));
        }
        Ok(Base(base.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `<base><path>`, checked.
    pub fn mint(&self, path: &str) -> Result<NamedNode> {
        let iri = format!("{}{}", self.0, path);
        IriStr::new(&iri).map_err(|e| Error::Iri {
            iri: iri.clone(),
            what: path.to_owned(),
            message: e.to_string(),
        })?;
        Ok(NamedNode::new_unchecked(iri))
    }
}

impl Default for Base {
    fn default() -> Self {
        Base(DEFAULT_BASE.to_owned())
    }
}

/// Whether `s` is a valid slug: lowercase ASCII letters, digits and single hyphens,
/// starting with a letter or digit, at most 64 characters.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// Percent-encodes a page label for use in a path segment (labels are ASCII in practice).
pub fn segment(label: &str) -> String {
    let mut out = String::new();
    for b in label.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The paths of every kind of resource, relative to the base. One place, so that the
/// IRI scheme can be read (and served) as a whole.
pub mod path {
    use super::segment;

    pub fn dataset() -> String {
        "dataset".into()
    }
    pub fn dataset_for(doc: &str) -> String {
        format!("dataset/{doc}")
    }
    pub fn graph(name: &str) -> String {
        format!("graph/{name}")
    }
    pub fn document(doc: &str) -> String {
        format!("document/{doc}")
    }
    pub fn page(doc: &str, label: &str) -> String {
        format!("document/{doc}/page/{}", segment(label))
    }
    pub fn strategy(number: u32) -> String {
        format!("strategy/{number}")
    }
    pub fn fiscal_year(year: i32) -> String {
        format!("fiscal-year/{year}")
    }
    pub fn organization(id: &str) -> String {
        format!("org/{id}")
    }
    pub fn project(year: i32, number: u32) -> String {
        format!("project/{year}/{number}")
    }
    pub fn program(slug: &str) -> String {
        format!("program/{slug}")
    }
    pub fn program_year(slug: &str, year: i32) -> String {
        format!("program/{slug}/{year}")
    }
    /// `project` is the project number, or `reference` for a page outside the projects.
    pub fn line(year: i32, project: &str, n: usize) -> String {
        format!("line/{year}/{project}/{n}")
    }
    pub fn summary_figure(year: i32, category: &str, kind: &str, ministry: &str) -> String {
        format!("figure/{year}/summary/{category}/{kind}/{ministry}")
    }
    pub fn note_figure(year: i32, key: &str) -> String {
        format!("figure/{year}/note/{}", key.replace('_', "-"))
    }
    pub fn project_figure(year: i32, number: u32, category: &str) -> String {
        format!("figure/{year}/project/{number}/{category}")
    }
    pub fn line_figure(year: i32, project: &str, n: usize) -> String {
        format!("figure/{year}/line/{project}/{n}")
    }
    pub fn supplementary_figure(year: i32, project: &str, n: usize, budget_year: i32) -> String {
        format!("figure/{year}/line/{project}/{n}/supplementary/{budget_year}")
    }
    pub fn link(year: i32, project: u32, n: usize) -> String {
        format!("link/{year}/{project}/{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_are_checked() {
        assert!(Base::new("https://example.org/kg/").is_ok());
        assert!(Base::new("https://example.org/kg#").is_ok());
        assert!(Base::new("https://example.org/kg").is_err());
        assert!(Base::new("ftp://example.org/").is_err());
        assert!(Base::new("not an iri/").is_err());
        assert!(Base::new("http:/").is_err());
        assert!(Base::new("https:foo/").is_err());
    }

    #[test]
    fn minting_is_stable_and_checked() {
        let base = Base::new("https://example.org/").unwrap();
        let a = base.mint(&path::project(2026, 1)).unwrap();
        assert_eq!(a.as_str(), "https://example.org/project/2026/1");
        assert!(base.mint("bad path with spaces").is_err());
    }

    #[test]
    fn slugs() {
        assert!(is_slug("souyaku-kiban"));
        assert!(!is_slug("Souyaku"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
    }
}
