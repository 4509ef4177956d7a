//! The configurable base under which every resource is minted, checked with `iri-string`.

use iri_string::types::IriStr;
use oxigraph::model::NamedNode;

use crate::error::{Error, Result};
use crate::rdf::resource::Resource;

/// The default base for data IRIs (configurable with `--base`).
pub const DEFAULT_BASE: &str = "https://w3id.org/medrd-kg/";

/// A checked base IRI: absolute, http(s), with a host, ending with `/` or `#`.
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

    /// The IRI of `resource` under this base, checked.
    pub fn mint(&self, resource: &Resource) -> Result<NamedNode> {
        let path = resource.path();
        let iri = format!("{}{}", self.0, path);
        IriStr::new(&iri).map_err(|e| Error::Iri {
            iri: iri.clone(),
            what: path.clone(),
            message: e.to_string(),
        })?;
        Ok(NamedNode::new_unchecked(iri))
    }

    /// The resource an IRI under this base names, if it names one.
    pub fn resource(&self, iri: &str) -> Option<Resource> {
        Resource::parse(iri.strip_prefix(self.0.as_str())?)
    }
}

impl Default for Base {
    fn default() -> Self {
        Base(DEFAULT_BASE.to_owned())
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
    fn minting_is_stable_and_reversible() {
        let base = Base::new("https://example.org/").unwrap();
        let project = Resource::Project {
            year: 2026,
            number: 1,
        };
        let a = base.mint(&project).unwrap();
        assert_eq!(a.as_str(), "https://example.org/project/2026/1");
        assert_eq!(base.resource(a.as_str()), Some(project));
        assert_eq!(base.resource("https://other.example/project/2026/1"), None);
    }
}
