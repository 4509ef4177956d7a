//! # medrd-kg
//!
//! A knowledge graph of Japan's medical R&D strategy (健康・医療戦略) and its budget
//! requests (医療分野の研究開発関連予算 概算要求のポイント), built from curated data files into an
//! embedded Oxigraph store.
//!
//! Data flows one way, and the modules follow it:
//!
//! ```text
//! data files ─ input ─▶ records ─ check ─▶ model ─ rdf::mapping ─▶ quads ─▶ store
//!   (files → records,     (fields, references,   (typed,      (vocabulary,     (open, atomic
//!    positions)            quotes, reconcile)     validated)   IRI scheme)      swap)
//!                                                                  │
//!                  query · export · serve · site · push · viz · chart ◀┘
//! ```
//!
//! `pipeline` chains the stages; the command line (`src/cli/`) only calls it and the
//! readers. `format` is the one table of RDF and result formats.
//!
//! ```no_run
//! use medrd_kg::pipeline::{build, BuildOptions};
//! use medrd_kg::rdf::Base;
//! let report = build(&BuildOptions {
//!     data: "data".into(),
//!     ontology: "ontology".into(),
//!     store: "store".into(),
//!     base: Base::default(),
//! })?;
//! println!("{} triples", report.total);
//! # Ok::<(), medrd_kg::Error>(())
//! ```
//!
//! The IRI scheme works both ways:
//!
//! ```
//! use medrd_kg::rdf::{Base, Resource};
//! let base = Base::new("https://example.org/kg/")?;
//! let iri = base.mint(&Resource::Project { year: 2026, number: 1 })?;
//! assert_eq!(iri.as_str(), "https://example.org/kg/project/2026/1");
//! assert_eq!(base.resource(iri.as_str()), Some(Resource::Project { year: 2026, number: 1 }));
//! # Ok::<(), medrd_kg::Error>(())
//! ```

pub mod check;
pub mod draw;
pub mod error;
pub mod export;
pub mod format;
pub mod input;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod query;
pub mod rdf;
pub mod store;

pub mod chart;
pub mod push;
pub mod serve;
pub mod site;
pub mod synth;
pub mod viz;

pub use error::{Error, Fault, Result};
