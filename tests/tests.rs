//! The one integration-test binary of medrd-kg. Every test runs the real `medrd-kg` binary
//! (through `harness`) and never the library's API, so the library can be reshaped freely
//! while the command line stays the same. One binary is linked once and runs all tests in
//! one process, which also lets the read-only tests share one built store.
//!
//! The modules live in `tests/it/` so that cargo does not take them for test binaries.

#[path = "it/harness.rs"]
mod harness;

#[path = "it/diff.rs"]
mod diff;

#[path = "it/rdf.rs"]
mod rdf;

#[path = "it/cli.rs"]
mod cli;

#[path = "it/foundation.rs"]
mod foundation;

#[path = "it/golden.rs"]
mod golden;

#[path = "it/programs.rs"]
mod programs;

#[path = "it/layout.rs"]
mod layout;

#[path = "it/linked_data.rs"]
mod linked_data;

#[path = "it/relations.rs"]
mod relations;

#[path = "it/chart.rs"]
mod chart;
#[path = "it/viz.rs"]
mod viz;

#[path = "it/http.rs"]
mod http;

#[path = "it/serve.rs"]
mod serve;

#[path = "it/publish.rs"]
mod publish;

#[path = "it/push.rs"]
mod push;

#[path = "it/synth.rs"]
mod synth;

#[path = "it/bad_input.rs"]
mod bad_input;
