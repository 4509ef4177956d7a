//! Command-line types (clap derive) only: no logic here.

use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue};
use clap::{Args, Parser, Subcommand};
use medrd_kg::format::{RdfSyntax, ResultsSyntax, RDF_SYNTAXES, RESULTS_SYNTAXES};

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
    /// Export a view of the graph for Gephi, Cytoscape, yEd, Graphviz, or draw it as SVG
    Viz(VizArgs),
    /// Serve the graph as linked data: SPARQL endpoint, resource pages, search, query page
    Serve(ServeArgs),
    /// Write the graph as a static linked-data site (pages, per-resource RDF, dumps, VoID,
    /// sitemap, search, nginx and Apache configuration) that any web server can serve
    Publish(PublishArgs),
    /// Upload the graph into a triple store (SPARQL 1.1 Graph Store Protocol), one named graph
    /// per source document, then count it back
    Push(PushArgs),
    /// Write synthetic data N times larger (copies of the documents under new fiscal years),
    /// for the benchmarks; it passes validate
    Gen(GenArgs),
    /// A SPARQL worker of `serve` (answers jobs on standard input; not for direct use)
    #[command(hide = true)]
    SparqlWorker(StoreArg),
    /// Write the ontology as OWL for Protégé and WebVOWL (Turtle or RDF/XML)
    Ontology(OntologyArgs),
    /// Draw an SVG chart of the budget figures (projects, ministries, change, flow)
    Chart(ChartArgs),
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
    #[arg(long, value_name = "IRI", default_value = medrd_kg::rdf::DEFAULT_BASE)]
    pub base: String,
}

/// `--format` values from the library's format tables: clap lists them in help and
/// completions, and parses a name straight into the format.
#[derive(Clone)]
pub struct FormatParser<T: 'static> {
    names: &'static [T],
    name: fn(&T) -> &'static str,
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for FormatParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        let found = value
            .to_str()
            .and_then(|v| self.names.iter().find(|f| (self.name)(f) == v));
        match found {
            Some(f) => Ok(f.clone()),
            None => {
                let mut err = clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd);
                err.insert(
                    ContextKind::InvalidArg,
                    ContextValue::String(arg.map_or_else(|| "--format".into(), |a| a.to_string())),
                );
                err.insert(
                    ContextKind::InvalidValue,
                    ContextValue::String(value.to_string_lossy().into_owned()),
                );
                err.insert(
                    ContextKind::ValidValue,
                    ContextValue::Strings(
                        self.names
                            .iter()
                            .map(|f| (self.name)(f).to_owned())
                            .collect(),
                    ),
                );
                Err(err)
            }
        }
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            self.names
                .iter()
                .map(|f| PossibleValue::new((self.name)(f))),
        ))
    }
}

fn rdf_syntax() -> FormatParser<RdfSyntax> {
    FormatParser {
        names: RDF_SYNTAXES,
        name: |f| f.name,
    }
}

fn results_syntax() -> FormatParser<ResultsSyntax> {
    FormatParser {
        names: RESULTS_SYNTAXES,
        name: |f| f.name,
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
    #[arg(long, short = 'f', value_parser = results_syntax())]
    pub format: Option<ResultsSyntax>,
    /// Format of CONSTRUCT/DESCRIBE results
    #[arg(long, value_parser = rdf_syntax(), default_value = "turtle")]
    pub rdf_format: RdfSyntax,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct DumpArgs {
    /// RDF format of the dump
    #[arg(long, short = 'f', value_parser = rdf_syntax(), default_value = "turtle")]
    pub format: RdfSyntax,
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
    #[arg(long, value_name = "IRI", default_value = medrd_kg::rdf::DEFAULT_BASE)]
    pub base: String,
    /// Print every reconciliation row, not only those that differ
    #[arg(long)]
    pub all: bool,
}

/// `--view` values: the library's views.
fn view() -> impl TypedValueParser<Value = medrd_kg::viz::View> {
    clap::builder::PossibleValuesParser::new(
        medrd_kg::viz::View::ALL.map(|v| PossibleValue::new(v.name()).help(v.about())),
    )
    .try_map(|s| medrd_kg::viz::View::parse(&s))
}

/// `--format` values of `viz`: the library's formats.
fn viz_format() -> impl TypedValueParser<Value = medrd_kg::viz::VizFormat> {
    clap::builder::PossibleValuesParser::new(
        medrd_kg::viz::VizFormat::ALL.map(|f| PossibleValue::new(f.name()).help(f.about())),
    )
    .try_map(|s| medrd_kg::viz::VizFormat::parse(&s))
}

/// `--lang` values: the library's languages.
fn lang() -> impl TypedValueParser<Value = medrd_kg::draw::Lang> {
    clap::builder::PossibleValuesParser::new(
        medrd_kg::draw::Lang::ALL.map(|l| PossibleValue::new(l.tag()).help(l.about())),
    )
    .try_map(|s| medrd_kg::draw::Lang::parse(&s))
}

#[derive(Debug, Args)]
pub struct VizArgs {
    /// The view to draw (or give your own graph query with --query)
    #[arg(
        long,
        value_name = "VIEW",
        value_parser = view(),
        required_unless_present = "query",
        conflicts_with = "query"
    )]
    pub view: Option<medrd_kg::viz::View>,
    /// A graph query of your own: a CONSTRUCT, or a SELECT with ?source ?target columns
    /// (optional: ?predicate ?inverse ?edgeKind ?edgeLabel ?weight)
    #[arg(long, value_name = "FILE")]
    pub query: Option<PathBuf>,
    /// The output format
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = viz_format(), default_value = "svg")]
    pub format: medrd_kg::viz::VizFormat,
    /// Write to this file instead of standard output (written atomically)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only this fiscal year's projects and programs (and what every year shares)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<u16>,
    /// Language of the labels
    #[arg(long, value_name = "LANG", value_parser = lang(), default_value = "ja")]
    pub lang: medrd_kg::draw::Lang,
    /// The resource for the neighbourhood view (binds ?resource in any graph query)
    #[arg(long, value_name = "IRI")]
    pub resource: Option<String>,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: StoreArg,
    /// Address and port to listen on (loopback by default; 0 as port picks a free one)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:7878")]
    pub bind: std::net::SocketAddr,
    /// Base IRI of the data, mapped onto this server's paths [default: the store's void:uriSpace]
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
    /// Time limit of a query, in seconds
    #[arg(long, value_name = "SECONDS", default_value = "10")]
    pub timeout: f64,
    /// Most results (rows or triples) a query may return
    #[arg(long, value_name = "N", default_value = "100000")]
    pub max_rows: usize,
    /// Largest request body, in bytes
    #[arg(long, value_name = "BYTES", default_value = "1048576")]
    pub max_body: usize,
    /// Send Access-Control-Allow-Origin for this origin (or *)
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
    /// The server's public URL, for the dataset description's links [default: the address it
    /// listens on]
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// Most queries evaluated at once, each in a worker process; more wait up to a second for
    /// their turn, then get 503 with Retry-After
    #[arg(long, value_name = "N", default_value = "4")]
    pub max_queries: usize,
    /// Memory for rendered pages, pictures and RDF kept to answer the same request again, in
    /// MiB (0: render every request)
    #[arg(long, value_name = "MIB", default_value = "64")]
    pub cache_mb: usize,
    #[command(flatten)]
    pub data: DataArg,
    /// Folder of the ontology and SHACL shapes (for the reconciliation report)
    #[arg(long, value_name = "DIR", default_value = "ontology")]
    pub ontology: PathBuf,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Folder to write the site into (replaced whole; must be absent, empty or a site
    /// written by publish)
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
    /// Base IRI of the data [default: the store's void:uriSpace]
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
    /// Where the site will be served; its path is the root of every link [default: the base]
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// A SPARQL endpoint to advertise in the pages and VoID (a static site has none)
    #[arg(long, value_name = "URL")]
    pub sparql: Option<String>,
    /// Threads writing pages [default: one per core]
    #[arg(long, short = 'j', value_name = "N", default_value = "0")]
    pub jobs: usize,
    #[command(flatten)]
    pub store: StoreArg,
    #[command(flatten)]
    pub data: DataArg,
    /// Folder of the ontology and SHACL shapes (for the reconciliation report)
    #[arg(long, value_name = "DIR", default_value = "ontology")]
    pub ontology: PathBuf,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// The store's SPARQL query endpoint, used to count the graphs (e.g.
    /// http://localhost:8890/sparql for Virtuoso)
    #[arg(long, value_name = "URL")]
    pub endpoint: String,
    /// The store's Graph Store Protocol endpoint (e.g.
    /// http://localhost:8890/sparql-graph-crud-auth) [default: --endpoint]
    #[arg(long, value_name = "URL")]
    pub graph_store: Option<String>,
    /// User for Basic or Digest authentication
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// Password (better: the MEDRD_KG_PASSWORD environment variable, which no process list
    /// shows)
    #[arg(
        long,
        value_name = "PASSWORD",
        env = "MEDRD_KG_PASSWORD",
        hide_env_values = true
    )]
    pub password: Option<String>,
    /// Replace graphs that already have triples in the store (without it, push refuses them)
    #[arg(long)]
    pub replace: bool,
    /// Most triples per request
    #[arg(long, value_name = "N", default_value = "10000")]
    pub chunk: usize,
    /// Time limit of each request, in seconds
    #[arg(long, value_name = "SECONDS", default_value = "120")]
    pub timeout: f64,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct GenArgs {
    /// How many times the data (1: the data as it is; N: N copies of every document)
    #[arg(long, value_name = "N")]
    pub scale: usize,
    /// Folder to write the data into (must not exist, or be empty)
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub data: DataArg,
}

#[derive(Debug, Args)]
pub struct OntologyArgs {
    /// RDF format (Turtle and RDF/XML are what ontology tools read best)
    #[arg(long, short = 'f', value_parser = rdf_syntax(), default_value = "turtle")]
    pub format: RdfSyntax,
    /// Write to this file instead of standard output (written atomically)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArg,
}

/// `--kind` values: the library's chart kinds.
fn chart_kind() -> impl TypedValueParser<Value = medrd_kg::chart::ChartKind> {
    clap::builder::PossibleValuesParser::new(
        medrd_kg::chart::ChartKind::ALL.map(|k| PossibleValue::new(k.name()).help(k.about())),
    )
    .try_map(|s| medrd_kg::chart::ChartKind::parse(&s))
}

#[derive(Debug, Args)]
pub struct ChartArgs {
    /// What to draw
    #[arg(long, short = 'k', value_name = "KIND", value_parser = chart_kind())]
    pub kind: medrd_kg::chart::ChartKind,
    /// Write the SVG to this file instead of standard output (written atomically)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the labels
    #[arg(long, value_name = "LANG", value_parser = lang(), default_value = "ja")]
    pub lang: medrd_kg::draw::Lang,
    /// Fiscal year: the flow's year [default: the latest]; the only panel of projects and
    /// ministries [default: both years]; not for change
    #[arg(long, value_name = "YEAR")]
    pub year: Option<u16>,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
