//! One module per subcommand: glue between the CLI and the library.

pub mod build;
pub mod completions;
pub mod dump;
pub mod query;
pub mod validate;
