//! `medrd-kg push` into a real triple store the test starts itself: Debian's Virtuoso
//! (`virtuoso-t` on a temporary database, free ports), never a mock. Digest on Virtuoso's
//! own `/sparql-graph-crud-auth`; Basic through nginx in front of it; a partial upload
//! forced by nginx's rate limit.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{bin, query_text, repo, shared_store, tempdir, Run};
use crate::http::{enc, free_port, http_request, wait_for, Nginx};

/// A Virtuoso server on a temporary database; killed when dropped.
struct Virtuoso {
    child: Child,
    http: String,
    sql_port: u16,
    _dir: tempfile::TempDir,
}

impl Virtuoso {
    fn start() -> Virtuoso {
        let dir = tempdir();
        let d = dir.path().display();
        let (sql_port, http_port) = (free_port(), free_port());
        let ini = format!(
            "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\nLockFile = {d}/virtuoso.lck\n\
             TransactionFile = {d}/virtuoso.trx\nxa_persistent_file = {d}/virtuoso.pxa\nErrorLogLevel = 7\nFileExtend = 200\n\
             MaxCheckpointRemap = 2000\nStriping = 0\nTempStorage = TempDatabase\n\
             [TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\nTransactionFile = {d}/virtuoso-temp.trx\nMaxCheckpointRemap = 2000\nStriping = 0\n\
             [Parameters]\nServerPort = {sql_port}\nDisableUnixSocket = 1\nCheckpointInterval = 60\nCaseMode = 2\n\
             DirsAllowed = ., {d}, /usr/share/virtuoso-opensource-7/vad\nNumberOfBuffers = 10000\nMaxDirtyBuffers = 6000\n\
             VADInstallDir = /usr/share/virtuoso-opensource-7/vad/\n\
             [HTTPServer]\nServerPort = 127.0.0.1:{http_port}\nServerRoot = /var/lib/virtuoso-opensource-7/vsp\nServerThreads = 10\n\
             MaxClientConnections = 10\nEnabledDavVSP = 0\nCharset = UTF-8\n\
             [SPARQL]\nResultSetMaxRows = 100000\nMaxQueryExecutionTime = 60\nMaxQueryCostEstimationTime = 400\n"
        );
        let ini_path = dir.path().join("virtuoso.ini");
        std::fs::write(&ini_path, ini).expect("write virtuoso.ini");
        let child = Command::new("virtuoso-t")
            .arg("+foreground")
            .arg("+configfile")
            .arg(&ini_path)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("virtuoso-t starts (scripts/prereqs.sh installs virtuoso-opensource)");
        let http = format!("127.0.0.1:{http_port}");
        let v = Virtuoso {
            child,
            http,
            sql_port,
            _dir: dir,
        };
        // the port opens before the SPARQL service is ready: wait for an answer
        let t0 = Instant::now();
        assert!(
            wait_for(&v.http, Duration::from_secs(60)),
            "Virtuoso did not listen"
        );
        while t0.elapsed() < Duration::from_secs(60) {
            if v.count(None).is_some() {
                return v;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!(
            "Virtuoso did not answer SPARQL: {}",
            std::fs::read_to_string(v._dir.path().join("virtuoso.log")).unwrap_or_default()
        );
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.http)
    }

    /// A SELECT over Virtuoso's own /sparql, its JSON bindings.
    fn select(&self, query: &str) -> Option<Vec<serde_json::Value>> {
        let r = http_request(
            &self.http,
            "GET",
            &format!("/sparql?query={}", enc(query)),
            &[("Accept", "application/sparql-results+json")],
            b"",
        );
        if r.status != 200 {
            return None;
        }
        let v: serde_json::Value = serde_json::from_str(&r.body).ok()?;
        v["results"]["bindings"].as_array().cloned()
    }

    /// Triples in `graph` (or in all graphs).
    fn count(&self, graph: Option<&str>) -> Option<u64> {
        let q = match graph {
            Some(g) => format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"),
            None => "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }".to_owned(),
        };
        self.select(&q)?
            .first()?
            .get("n")?
            .get("value")?
            .as_str()?
            .parse()
            .ok()
    }

    /// Runs SQL as dba.
    fn sql(&self, statement: &str) {
        let o = Command::new("isql-vt")
            .arg(self.sql_port.to_string())
            .arg("dba")
            .arg("dba")
            .arg(format!("exec={statement}"))
            .output()
            .expect("isql-vt runs");
        assert!(
            o.status.success(),
            "{statement}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Our store's triples per named graph (each triple once), by SPARQL over it.
fn our_counts() -> BTreeMap<String, u64> {
    query_text("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        .into_iter()
        .map(|r| (r["g"].clone(), r["n"].parse().expect("a count")))
        .collect()
}

/// `medrd-kg push` with `args`, the password (if any) from `env`.
fn push(args: &[&str], env: Option<&str>) -> Run {
    let mut cmd = Command::new(bin());
    cmd.arg("push")
        .args(args)
        .arg("--store")
        .arg(shared_store());
    cmd.current_dir(repo()).env_remove("MEDRD_KG_PASSWORD");
    if let Some(p) = env {
        cmd.env("MEDRD_KG_PASSWORD", p);
    }
    let o = cmd.output().expect("medrd-kg runs");
    Run {
        command: format!("medrd-kg push {}", args.join(" ")),
        cwd: repo(),
        status: o.status,
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

#[test]
fn push_into_virtuoso_with_digest_counts_back_every_graph() {
    let v = Virtuoso::start();
    let ours = our_counts();
    assert!(ours.len() >= 2, "{ours:?}");
    let endpoint = v.url("/sparql");
    let gsp = v.url("/sparql-graph-crud-auth");
    let base = ["--endpoint", &endpoint, "--graph-store", &gsp];
    let with = |extra: &[&str]| -> Vec<String> {
        base.iter().chain(extra).map(|x| (*x).to_owned()).collect()
    };
    fn args(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }

    // without credentials: the store asks, and nothing is sent
    let r = push(&args(&with(&[])), None);
    assert!(!r.success());
    assert!(
        r.stderr
            .contains("asks for a user and password (HTTP 401, Digest)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("untouched"), "{}", r.stderr);
    // a wrong password: refused, and never printed
    let r = push(
        &args(&with(&["--user", "dba", "--password", "not-the-password"])),
        None,
    );
    assert!(!r.success());
    assert!(
        r.stderr
            .contains("refused the user and password (HTTP 401, Digest)"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("not-the-password") && !r.stdout.contains("not-the-password"));
    for g in ours.keys() {
        assert_eq!(v.count(Some(g)), Some(0), "{g} after refused pushes");
    }

    let r = push(
        &args(&with(&[
            "--user",
            "dba",
            "--password",
            "dba",
            "--chunk",
            "3000",
        ])),
        None,
    );
    assert!(r.success(), "{}", r.stderr);
    for (g, n) in &ours {
        assert_eq!(v.count(Some(g)), Some(*n), "{g} in Virtuoso");
        assert!(
            r.stdout.contains(&format!("{g}: {n} triples")),
            "{}",
            r.stdout
        );
    }
    // the facts are there: FY2026 summary: １．医薬品プロジェクト４０２億円
    let label = v
        .select(
            "SELECT ?l WHERE { GRAPH ?g { <https://w3id.org/medrd-kg/project/2026/1> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } }",
        )
        .unwrap_or_default();
    assert!(
        label
            .iter()
            .any(|b| b["l"]["value"] == "医薬品プロジェクト"),
        "{label:?}"
    );

    // again without --replace: refused before anything is sent
    let r = push(&args(&with(&["--user", "dba", "--password", "dba"])), None);
    assert!(!r.success());
    assert!(
        r.stderr.contains("already has") && r.stderr.contains("--replace"),
        "{}",
        r.stderr
    );
    // with --replace, the password from the environment: the same counts, no duplicates
    let r = push(
        &args(&with(&["--user", "dba", "--replace", "--chunk", "500"])),
        Some("dba"),
    );
    assert!(r.success(), "{}", r.stderr);
    for (g, n) in &ours {
        assert_eq!(v.count(Some(g)), Some(*n), "{g} after --replace");
    }

    // the store stopped: a clear error, the graphs untouched
    let endpoint_gone = endpoint.clone();
    drop(v);
    let r = push(
        &[
            "--endpoint",
            &endpoint_gone,
            "--user",
            "dba",
            "--password",
            "dba",
        ],
        None,
    );
    assert!(!r.success());
    assert!(
        r.stderr.contains("cannot connect") && r.stderr.contains("is the store running"),
        "{}",
        r.stderr
    );
}

/// nginx in front of `v`, with an htpasswd line it reads (`{PLAIN}`: no hashing tool needed).
fn nginx_in_front(v: &Virtuoso, prefix: &Path, http_extra: &str, locations: &str) -> Nginx {
    let _ = std::fs::write(prefix.join("htpasswd"), "alice:{PLAIN}s3cret\n");
    Nginx::start(
        prefix,
        http_extra,
        &format!(
            "    client_max_body_size 64m;\n    location /sparql {{ proxy_pass http://{0}; }}\n{locations}",
            v.http
        ),
    )
}

#[test]
fn push_with_basic_auth_through_nginx_and_a_partial_upload_reported() {
    let v = Virtuoso::start();
    // Virtuoso's unauthenticated Graph Store endpoint, once SPARQL may update
    v.sql("GRANT SPARQL_UPDATE TO \"SPARQL\";");
    let ours = our_counts();
    let prefix = tempdir();
    let htpasswd: PathBuf = prefix.path().join("htpasswd");
    let n = nginx_in_front(
        &v,
        prefix.path(),
        "  limit_req_zone $binary_remote_addr zone=slow:1m rate=1r/m;",
        &format!(
            "    location /basic/ {{ auth_basic \"medrd\"; auth_basic_user_file {}; proxy_pass http://{}/sparql-graph-crud; }}\n\
             location /limited/ {{ limit_req zone=slow burst=4 nodelay; limit_req_status 429; proxy_pass http://{}/sparql-graph-crud; }}",
            htpasswd.display(),
            v.http,
            v.http
        ),
    );
    let endpoint = format!("http://{}/sparql", n.addr);
    let basic = format!("http://{}/basic/", n.addr);
    let as_alice = |password: &str| {
        push(
            &[
                "--endpoint",
                &endpoint,
                "--graph-store",
                &basic,
                "--user",
                "alice",
                "--password",
                password,
            ],
            None,
        )
    };
    let r = as_alice("wrong");
    assert!(!r.success());
    assert!(
        r.stderr
            .contains("refused the user and password (HTTP 401, Basic)"),
        "{}",
        r.stderr
    );
    let r = as_alice("s3cret");
    assert!(r.success(), "{}\n{}", r.stderr, n.errors());
    for (g, c) in &ours {
        assert_eq!(v.count(Some(g)), Some(*c), "{g} through Basic");
    }

    // nginx lets 5 uploads through, then answers 429: the first graph goes whole (3 or 4
    // chunks: blank-node groups are not split), the next one breaks off after one or two,
    // and the error says which graph is in which state
    let graphs: Vec<&String> = ours.keys().collect();
    let first = ours[graphs[0]] as usize;
    assert!(
        ours[graphs[1]] as usize > first * 3 / 4,
        "{ours:?}: the second graph is too small to break off"
    );
    let chunk = first.div_ceil(3).to_string();
    let limited = format!("http://{}/limited/", n.addr);
    let r = push(
        &[
            "--endpoint",
            &endpoint,
            "--graph-store",
            &limited,
            "--replace",
            "--chunk",
            &chunk,
        ],
        None,
    );
    assert!(!r.success());
    assert!(r.stderr.contains("HTTP 429"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains(&format!("{}: complete ({first} triples)", graphs[0])),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("{}: PARTIAL", graphs[1]))
            && r.stderr.contains("push again with --replace"),
        "{}",
        r.stderr
    );
    for g in &graphs[2..] {
        assert!(
            r.stderr.contains(&format!("{g}: untouched")),
            "{}",
            r.stderr
        );
    }
}
