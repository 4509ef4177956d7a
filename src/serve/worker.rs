//! SPARQL evaluation in worker processes, so that a time limit really frees the CPU.
//!
//! The evaluator checks its cancellation token only when it reads the store: a join of
//! patterns already read (a cartesian product under COUNT, say) can run for minutes between two
//! checks, and a thread cannot be stopped from outside. A process can. The server keeps a pool
//! of workers (`medrd-kg sparql-worker`, the same binary), each with the store open read-only;
//! a query goes to an idle worker over its standard input, the answer comes back on its
//! standard output; when the time limit passes or the client goes away, the worker is killed
//! and a fresh one takes its place on the next query.
//!
//! The framing: one JSON line per request ([`Job`]); per answer one JSON line ([`Done`]) and
//! then `Done::length` bytes of body.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex};

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::NamedNode;

use crate::error::{Error, Fault, Result};
use crate::format::{ResultsSyntax, RESULTS_SYNTAXES};
use crate::query::{run_with, write_answer, Answer, Limits};

/// A query for a worker.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Job {
    pub query: String,
    pub default_graphs: Vec<String>,
    pub named_graphs: Vec<String>,
    pub max_rows: usize,
    /// The results format for SELECT/ASK (`json`, `xml`, `csv`, `tsv`), if any is acceptable.
    pub results: Option<String>,
    /// The RDF format for CONSTRUCT/DESCRIBE (`turtle`, `ntriples`, `rdfxml`, `jsonld`).
    pub graph: Option<String>,
}

/// A worker's answer header.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Done {
    /// An HTTP status: 200, or the error's.
    pub status: u16,
    /// The format name used (`json`, `turtle` …), for the Content-Type.
    pub format: String,
    /// The body is an error message.
    pub error: bool,
    pub length: usize,
}

fn rdf_format(name: &str) -> RdfFormat {
    match name {
        "ntriples" => RdfFormat::NTriples,
        "rdfxml" => RdfFormat::RdfXml,
        "jsonld" => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        _ => RdfFormat::Turtle,
    }
}

/// The error chain, one cause per line.
pub fn chain(e: &Error) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(c) = src {
        s.push_str(&format!("\n  caused by: {c}"));
        src = c.source();
    }
    s
}

/// Evaluates one job on `store`: the header and the body.
pub fn evaluate(store: &oxigraph::store::Store, job: &Job) -> (Done, Vec<u8>) {
    let fail = |status: u16, msg: String| {
        let body = msg.into_bytes();
        (
            Done {
                status,
                format: String::new(),
                error: true,
                length: body.len(),
            },
            body,
        )
    };
    let graphs = |names: &[String]| -> std::result::Result<Vec<NamedNode>, String> {
        names
            .iter()
            .map(|n| NamedNode::new(n.as_str()).map_err(|e| format!("{n:?} is not an IRI: {e}")))
            .collect()
    };
    let (default_graphs, named_graphs) =
        match (graphs(&job.default_graphs), graphs(&job.named_graphs)) {
            (Ok(d), Ok(n)) => (d, n),
            (Err(m), _) | (_, Err(m)) => {
                return fail(400, format!("default-graph-uri or named-graph-uri {m}"))
            }
        };
    let limits = Limits {
        cancel: None,
        max_rows: Some(job.max_rows),
        default_graphs,
        named_graphs,
        bindings: Vec::new(),
        offline: true,
    };
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run_with(store, &job.query, None, &limits)
    }));
    let Ok(run) = run else {
        return fail(
            500,
            "the query engine failed on this query (a known failure of its sort on some mixes of values in ORDER BY; try ordering by STR(?x) or leave ORDER BY out)".into(),
        );
    };
    let answer = match run {
        Ok(a) => a,
        Err(e) => {
            let status = match &e {
                Error::QuerySyntax { .. } => 400,
                Error::RowLimit { .. } => 400,
                e if e.fault() == Fault::User => 400,
                _ => 500,
            };
            return fail(status, chain(&e));
        }
    };
    let graph = matches!(answer, Answer::Graph(_));
    let format = if graph {
        job.graph.clone()
    } else {
        job.results.clone()
    };
    let Some(format) = format else {
        return fail(
            406,
            format!(
                "the answer is {}, and the request accepts none of its formats ({})",
                if graph {
                    "a graph"
                } else {
                    "a table or a boolean"
                },
                if graph {
                    "text/turtle, application/n-triples, application/rdf+xml, application/ld+json"
                } else {
                    "application/sparql-results+json, +xml, text/csv, text/tab-separated-values"
                }
            ),
        );
    };
    let mut body = Vec::new();
    let written = if graph {
        write_answer(&answer, ResultsSyntax::TSV, rdf_format(&format), &mut body)
    } else {
        let syntax = RESULTS_SYNTAXES
            .iter()
            .find(|s| s.name == format)
            .copied()
            .unwrap_or(RESULTS_SYNTAXES[3]);
        write_answer(&answer, syntax, RdfFormat::Turtle, &mut body)
    };
    if let Err(e) = written {
        return fail(500, chain(&e));
    }
    (
        Done {
            status: 200,
            format,
            error: false,
            length: body.len(),
        },
        body,
    )
}

/// `medrd-kg sparql-worker`: answers jobs from standard input until it closes.
pub fn work(store: &Path) -> Result<()> {
    // no panic message or backtrace on the server's log: a caught panic is answered as an error
    std::panic::set_hook(Box::new(|_| {}));
    // a worker whose server died (even by SIGKILL) ends rather than run on as an orphan
    #[cfg(unix)]
    {
        let parent = std::os::unix::process::parent_id();
        std::thread::spawn(move || loop {
            std::thread::sleep(std::time::Duration::from_millis(200));
            if std::os::unix::process::parent_id() != parent {
                std::process::exit(1);
            }
        });
    }
    let store = crate::store::open_read_only(store)?;
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    let mut line = String::new();
    let mut input = stdin.lock();
    loop {
        line.clear();
        if input
            .read_line(&mut line)
            .map_err(|e| Error::read("standard input", e))?
            == 0
        {
            return Ok(());
        }
        let (done, body) = match serde_json::from_str::<Job>(&line) {
            Ok(job) => evaluate(&store, &job),
            Err(e) => {
                let body = format!("a malformed job: {e}").into_bytes();
                (
                    Done {
                        status: 500,
                        format: String::new(),
                        error: true,
                        length: body.len(),
                    },
                    body,
                )
            }
        };
        let head = serde_json::to_string(&done)
            .map_err(|e| Error::internal("writing a worker answer", e))?;
        let w = |e| Error::write("standard output", e);
        out.write_all(head.as_bytes()).map_err(w)?;
        out.write_all(b"\n").map_err(w)?;
        out.write_all(&body).map_err(w)?;
        out.flush().map_err(w)?;
    }
}

/// A running worker.
pub struct Worker {
    child: Arc<Mutex<Child>>,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

/// A handle that kills a worker (when its query ran out of time or its client went away).
#[derive(Clone)]
pub struct Killer(Arc<Mutex<Child>>);

impl Killer {
    pub fn kill(&self) {
        if let Ok(mut c) = self.0.lock() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Worker {
    fn spawn(exe: &Path, store: &Path) -> Result<Worker> {
        let mut child = Command::new(exe)
            .arg("sparql-worker")
            .arg("--store")
            .arg(store)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| Error::io("start a SPARQL worker", exe, e))?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(Error::Internal {
                message: "a SPARQL worker without pipes".into(),
                source: None,
            });
        };
        Ok(Worker {
            child: Arc::new(Mutex::new(child)),
            stdin,
            stdout: BufReader::new(stdout),
        })
    }

    pub fn killer(&self) -> Killer {
        Killer(self.child.clone())
    }

    /// Sends `job` and reads the answer (blocking).
    pub fn ask(&mut self, job: &Job) -> std::io::Result<(Done, Vec<u8>)> {
        let mut line = serde_json::to_string(job).map_err(std::io::Error::other)?;
        line.push('\n');
        self.stdin.write_all(line.as_bytes())?;
        self.stdin.flush()?;
        let mut head = String::new();
        if self.stdout.read_line(&mut head)? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "the worker ended",
            ));
        }
        let done: Done = serde_json::from_str(&head).map_err(std::io::Error::other)?;
        let mut body = vec![0; done.length];
        self.stdout.read_exact(&mut body)?;
        Ok((done, body))
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.killer().kill();
    }
}

/// The pool of idle workers.
pub struct Pool {
    exe: PathBuf,
    store: PathBuf,
    idle: Mutex<Vec<Worker>>,
}

impl Pool {
    pub fn new(store: &Path) -> Result<Pool> {
        let exe =
            std::env::current_exe().map_err(|e| Error::io("find", "the medrd-kg executable", e))?;
        Ok(Pool {
            exe,
            store: store.to_path_buf(),
            idle: Mutex::new(Vec::new()),
        })
    }

    /// An idle worker, or a new one.
    pub fn take(&self) -> Result<Worker> {
        if let Some(w) = self.idle.lock().ok().and_then(|mut v| v.pop()) {
            return Ok(w);
        }
        Worker::spawn(&self.exe, &self.store)
    }

    /// Back to the pool, after a complete answer.
    pub fn give(&self, w: Worker) {
        if let Ok(mut v) = self.idle.lock() {
            v.push(w);
        }
    }
}
