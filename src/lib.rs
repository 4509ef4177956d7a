//! # medrd-kg
//!
//! A knowledge graph of Japan's medical R&D strategy (健康・医療戦略) and its budget
//! requests (医療分野の研究開発関連予算 概算要求のポイント), built from curated data files into an
//! embedded Oxigraph store.
//!
//! Data flows one way, and the modules follow it:
//!
//! ```text
//! data files → source (typed records, positions) → validate (+ provenance, reconcile)
//!            → mapping (records → quads) → store (bulk load, atomic swap)
//!            → query / export / shacl
//! ```
//!
//! ```no_run
//! use medrd_kg::{iri::Base, store::{build, BuildOptions}};
//! let report = build(&BuildOptions {
//!     data: "data".into(),
//!     ontology: "ontology".into(),
//!     store: "store".into(),
//!     base: Base::default(),
//! })?;
//! println!("{} quads", report.total);
//! # Ok::<(), medrd_kg::error::Error>(())
//! ```

pub mod codes;
pub mod error;
pub mod export;
pub mod iri;
pub mod mapping;
pub mod ontology;
pub mod provenance;
pub mod query;
pub mod reconcile;
pub mod records;
pub mod shacl;
pub mod source;
pub mod store;
pub mod validate;
pub mod vocab;

pub use error::{Error, Result};
