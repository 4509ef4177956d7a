//! Command-line types (clap derive) only: no logic here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Knowledge graph of Japan's medical R&D strategy and budget requests.
#[derive(Debug, Parser)]
#[command(name = "medrd-kg", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the data and build it into the on-disk store (atomically replacing it)
    Build(BuildArgs),
    /// Run a SPARQL query (a file from queries/ or --query) over the store
    Query(QueryArgs),
    /// Dump the store (or one named graph) in an RDF format, deterministically
    Dump(DumpArgs),
    /// Check the data: records, provenance, reconciliation of sums and SHACL shapes
    Validate(ValidateArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct DataArg {
    /// Folder of the curated data files
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,
}

#[derive(Debug, Args)]
pub struct StoreArg {
    /// Folder of the Oxigraph store
    #[arg(long, value_name = "DIR", default_value = "store")]
    pub store: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub store: StoreArg,
    /// Folder of the ontology and SHACL shapes (*.ttl)
    #[arg(long, value_name = "DIR", default_value = "ontology")]
    pub ontology: PathBuf,
    /// Base IRI under which every resource is minted
    #[arg(long, value_name = "IRI", default_value = medrd_kg::iri::DEFAULT_BASE)]
    pub base: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ResultsFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RdfFormatArg {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Rdfxml,
    Jsonld,
}

impl RdfFormatArg {
    pub fn name(self) -> &'static str {
        match self {
            RdfFormatArg::Turtle => "turtle",
            RdfFormatArg::Ntriples => "ntriples",
            RdfFormatArg::Nquads => "nquads",
            RdfFormatArg::Trig => "trig",
            RdfFormatArg::Rdfxml => "rdfxml",
            RdfFormatArg::Jsonld => "jsonld",
        }
    }
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// File holding the SPARQL query (e.g. queries/projects.rq)
    #[arg(
        value_name = "FILE",
        required_unless_present = "query",
        conflicts_with = "query"
    )]
    pub file: Option<PathBuf>,
    /// The SPARQL query text
    #[arg(long, short = 'q', value_name = "SPARQL")]
    pub query: Option<String>,
    /// Format of SELECT/ASK results [default: table on a terminal, tsv otherwise]
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ResultsFormat>,
    /// Format of CONSTRUCT/DESCRIBE results
    #[arg(long, value_enum, default_value = "turtle")]
    pub rdf_format: RdfFormatArg,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct DumpArgs {
    /// RDF format of the dump
    #[arg(long, short = 'f', value_enum, default_value = "turtle")]
    pub format: RdfFormatArg,
    /// Dump only this named graph (e.g. https://w3id.org/medrd-kg/graph/fy2026)
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Write to this file instead of standard output (written atomically)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Folder of the ontology and SHACL shapes (*.ttl)
    #[arg(long, value_name = "DIR", default_value = "ontology")]
    pub ontology: PathBuf,
    /// Run the SHACL shapes on this built store instead of a fresh in-memory build of --data
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Base IRI (for the in-memory build)
    #[arg(long, value_name = "IRI", default_value = medrd_kg::iri::DEFAULT_BASE)]
    pub base: String,
    /// Print every reconciliation row, not only those that differ
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
