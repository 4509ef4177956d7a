//! `medrd-kg serve`: real HTTP against the running binary on a free loopback port, with a small
//! HTTP/1.1 client of our own (std only) and SPARQLWrapper as an independent client.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{bin, python, repo, s, shared_store};
use crate::http::{enc, http_request, Response};

/// A running server; killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut args = vec![
            "serve",
            "--store",
            s(shared_store()),
            "--bind",
            "127.0.0.1:0",
        ];
        args.extend_from_slice(extra);
        let mut child = Command::new(bin())
            .args(&args)
            .current_dir(repo())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("medrd-kg serve starts");
        let mut err = BufReader::new(child.stderr.take().expect("stderr"));
        let mut line = String::new();
        let addr = loop {
            line.clear();
            if err.read_line(&mut line).expect("read stderr") == 0 {
                panic!("serve ended before listening");
            }
            if let Some(i) = line.find("http://") {
                let rest = &line[i + 7..];
                break rest[..rest.find('/').expect("a URL")].to_owned();
            }
        };
        // keep draining the access log so the server never blocks on a full pipe
        std::thread::spawn(move || {
            let mut sink = String::new();
            let _ = err.read_to_string(&mut sink);
        });
        Server { child, addr }
    }

    /// One request; (status, headers lower-cased, body).
    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        http_request(&self.addr, method, path, headers, body)
    }

    fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        self.request("GET", path, headers, b"")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const PJ1: &str = "/project/2026/1";

#[test]
fn resources_negotiate_every_format_with_their_own_etags() {
    let srv = Server::start(&[]);
    // browsers get HTML; agents what they ask; suffixes and ?format= win
    let html = srv.get(
        PJ1,
        &[("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")],
    );
    assert_project_1_page(&html);
    let mut etags = std::collections::BTreeSet::new();
    for (accept, ct, suffix) in [
        ("text/turtle", "text/turtle", "ttl"),
        ("application/ld+json", "application/ld+json", "jsonld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "rdf"),
    ] {
        let by_accept = srv.get(PJ1, &[("Accept", accept)]);
        assert_eq!(by_accept.status, 200, "{accept}");
        assert!(
            by_accept
                .header("content-type")
                .unwrap_or("")
                .starts_with(ct),
            "{accept}: {:?}",
            by_accept.header("content-type")
        );
        assert_eq!(by_accept.header("vary"), Some("Accept"));
        assert!(
            by_accept.header("last-modified").is_some()
                && by_accept.header("cache-control").is_some()
        );
        let by_suffix = srv.get(&format!("{PJ1}.{suffix}"), &[]);
        assert_eq!(by_suffix.body, by_accept.body, "{suffix}");
        let by_format = srv.get(&format!("{PJ1}?format={suffix}"), &[]);
        assert_eq!(by_format.body, by_accept.body, "?format={suffix}");
        let etag = by_accept.header("etag").expect("an ETag").to_owned();
        assert!(etags.insert(etag.clone()), "{accept} shares an ETag");
        // a conditional request with this format's ETag: 304; with another's: the body
        let again = srv.get(PJ1, &[("Accept", accept), ("If-None-Match", &etag)]);
        assert_eq!(again.status, 304, "{accept}");
        assert!(again.body.is_empty());
        let other = srv.get(PJ1, &[("Accept", "text/html"), ("If-None-Match", &etag)]);
        assert_eq!(other.status, 200, "an ETag of {accept} matched the HTML");
    }
    // the Turtle re-parses in rapper, an independent parser, with the page's facts
    let ttl = srv.get(&format!("{PJ1}.ttl"), &[]);
    assert!(
        ttl.body.contains("\"医薬品プロジェクト\"@ja") && ttl.body.contains("mrd:projectNumber 1"),
        "{}",
        ttl.body
    );
    let dir = crate::harness::tempdir();
    let f = dir.path().join("pj1.ttl");
    std::fs::write(&f, &ttl.body).unwrap();
    let out = Command::new("rapper")
        .args(["-i", "turtle", "-c"])
        .arg(&f)
        .output()
        .expect("rapper");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // unknown resources: a helpful 404
    let missing = srv.get("/project/2026/99", &[]);
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("/project/2026/99"));
    let nope = srv.get(PJ1, &[("Accept", "image/png")]);
    assert_eq!(nope.status, 406);
}

/// The cache of rendered representations answers each request as a fresh render would: the
/// language, the format and the paging stay apart, a missing resource stays a 404, and a
/// server without the cache gives the same bytes.
#[test]
fn cached_pages_keep_their_language_format_and_paging_apart() {
    let srv = Server::start(&[]);
    let bare = Server::start(&["--cache-mb", "0"]);
    let ja = &[("Accept", "text/html"), ("Accept-Language", "ja")];
    let en = &[("Accept", "text/html"), ("Accept-Language", "en")];
    let first = srv.get(PJ1, ja);
    assert_project_1_page(&first);
    let english = srv.get(PJ1, en);
    assert_eq!(english.status, 200);
    assert!(
        english.body.contains("Pharmaceuticals Project"),
        "{}",
        &english.body[..2000]
    );
    assert_ne!(english.body, first.body);
    for _ in 0..3 {
        // from the cache now: the same bytes as the first render, and as a fresh one
        assert_eq!(srv.get(PJ1, ja).body, first.body);
        assert_eq!(srv.get(PJ1, en).body, english.body);
        assert_eq!(
            srv.get(&format!("{PJ1}?lang=en"), &[("Accept", "text/html")])
                .body,
            english.body
        );
    }
    assert_eq!(bare.get(PJ1, ja).body, first.body);
    assert_eq!(bare.get(PJ1, en).body, english.body);
    let ttl = srv.get(PJ1, &[("Accept", "text/turtle")]);
    assert!(ttl
        .header("content-type")
        .unwrap_or("")
        .starts_with("text/turtle"));
    assert_eq!(ttl.body, bare.get(&format!("{PJ1}.ttl"), &[]).body);
    // a paged group of inverse links is its own page
    let fy = "/fiscal-year/2026";
    let page1 = srv.get(fy, ja);
    let page2 = srv.get(
        &format!("{fy}?inv=https://w3id.org/medrd-kg/def%23fiscalYear&page=2"),
        ja,
    );
    assert_eq!(page1.status, 200);
    assert_eq!(page2.status, 200);
    assert_ne!(page1.body, page2.body);
    assert_eq!(srv.get(fy, ja).body, page1.body);
    for _ in 0..2 {
        assert_eq!(srv.get("/project/2026/99", &[]).status, 404);
    }
}

#[test]
fn the_sparql_protocol_answers_and_refuses_what_it_should() {
    let srv = Server::start(&["--timeout", "1", "--max-rows", "1000"]);
    // FY2026 summary: 8 integrated projects
    let q = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a mrd:IntegratedProject ; mrd:fiscalYear/mrd:year 2026 }";
    let json = srv.get(
        &format!("/sparql?query={}", enc(q)),
        &[("Accept", "application/sparql-results+json")],
    );
    assert_eq!(json.status, 200);
    assert!(json.body.contains("\"value\":\"8\""), "{}", json.body);
    for (accept, ct, needle) in [
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<literal",
        ),
        ("text/csv", "text/csv", "n\r\n8"),
        (
            "text/tab-separated-values",
            "text/tab-separated-values",
            "?n",
        ),
    ] {
        let r = srv.get(&format!("/sparql?query={}", enc(q)), &[("Accept", accept)]);
        assert!(
            r.header("content-type").unwrap_or("").starts_with(ct),
            "{accept}"
        );
        assert!(r.body.contains(needle), "{accept}: {}", r.body);
    }
    let csv = srv.get(
        &format!("/sparql?format=csv&query={}", enc(q)),
        &[("Accept", "application/sparql-results+json")],
    );
    assert!(
        csv.body.starts_with("n\r\n8"),
        "?format= overrides Accept: {}",
        csv.body
    );
    // POST, form and direct
    let form = srv.request(
        "POST",
        "/sparql",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        format!("query={}", enc(q)).as_bytes(),
    );
    assert!(form.body.contains("\"8\""), "{}", form.body);
    let direct = srv.request(
        "POST",
        "/sparql",
        &[("Content-Type", "application/sparql-query")],
        q.as_bytes(),
    );
    assert!(direct.body.contains("\"8\""), "{}", direct.body);
    // CONSTRUCT as Turtle and N-Triples
    let c = "CONSTRUCT { ?p a mrd:IntegratedProject } WHERE { ?p a mrd:IntegratedProject }";
    let ttl = srv.get(
        &format!("/sparql?query={}", enc(c)),
        &[("Accept", "text/turtle")],
    );
    assert!(
        ttl.header("content-type")
            .unwrap_or("")
            .starts_with("text/turtle")
            && ttl.body.contains("project/2026/8")
    );
    let nt = srv.get(
        &format!("/sparql?query={}", enc(c)),
        &[("Accept", "application/n-triples")],
    );
    assert_eq!(nt.body.lines().count(), 14, "6 FY2024 + 8 FY2026 projects");
    // a dataset of one named graph: only the FY2024 projects
    let g = srv.get(
        &format!(
            "/sparql?query={}&default-graph-uri={}",
            enc("SELECT (COUNT(?p) AS ?n) WHERE { ?p a mrd:IntegratedProject }"),
            enc("https://w3id.org/medrd-kg/graph/fy2024")
        ),
        &[("Accept", "text/csv")],
    );
    assert!(g.body.contains("\r\n6"), "{}", g.body);
    // updates refused, both ways
    let up = srv.request(
        "POST",
        "/sparql",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"update=DROP%20ALL",
    );
    assert_eq!(up.status, 403);
    assert!(up.body.contains("read-only"));
    let up = srv.request(
        "POST",
        "/sparql",
        &[("Content-Type", "application/sparql-update")],
        b"DROP ALL",
    );
    assert_eq!(up.status, 403);
    // malformed SPARQL: 400 with the parser's position
    let bad = srv.get(
        &format!("/sparql?query={}", enc("SELECT ?x WHERE { ?x")),
        &[],
    );
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("error at 1:"), "{}", bad.body);
    // over the row limit: an error naming it
    let many = srv.get(
        &format!("/sparql?query={}", enc("SELECT * WHERE { ?s ?p ?o }")),
        &[],
    );
    assert_eq!(many.status, 400);
    assert!(
        many.body.contains("more than 1000 results"),
        "{}",
        many.body
    );
    // over the time limit: stopped, answered within the limit (and a margin), server still up
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let t0 = Instant::now();
    let r = srv.get(&format!("/sparql?query={}", enc(slow)), &[]);
    let took = t0.elapsed();
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("time limit of 1 s"), "{}", r.body);
    assert!(took < Duration::from_secs(5), "answered after {took:?}");
    assert_eq!(srv.get("/health", &[]).status, 200);
}

#[test]
fn search_void_dumps_and_pages() {
    let srv = Server::start(&[]);
    // Japanese without word boundaries, and English
    let ja = srv.get(&format!("/search?format=json&q={}", enc("再生医療")), &[]);
    assert!(
        ja.body.contains("program/saisei-iryo-jitsuyoka"),
        "{}",
        ja.body
    );
    let en = srv.get(
        &format!(
            "/search?format=json&lang=en&q={}",
            enc("pharmaceuticals project")
        ),
        &[],
    );
    let first = en
        .body
        .find("\"iri\"")
        .map(|i| &en.body[i..i + 80])
        .unwrap_or("");
    assert!(first.contains("project/20"), "{}", en.body);
    let page = srv.get(&format!("/search?q={}", enc("感染症")), &[]);
    assert!(page.body.contains("感染症プロジェクト"), "{}", page.body);
    // VoID and DCAT
    let void = srv.get("/.well-known/void", &[("Accept", "text/turtle")]);
    assert!(
        void.body.contains("void:sparqlEndpoint")
            && void.body.contains("void:dataDump")
            && void.body.contains("dcat:distribution"),
        "{}",
        void.body
    );
    assert!(
        void.body.contains("creativecommons.org/licenses/by/4.0"),
        "{}",
        void.body
    );
    // a dump, complete
    let nq = srv.get("/dumps/medrd-kg.nq", &[]);
    assert_eq!(nq.status, 200);
    let health = srv.get("/health", &[]);
    let triples: usize = health
        .body
        .split("\"triples\":")
        .nth(1)
        .and_then(|t| t.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert_eq!(nq.body.lines().count(), triples);
    // the index, the query page, the report, a ministry's paged inverse links, pictures
    let index = srv.get("/", &[]);
    assert!(
        index.body.contains("医薬品プロジェクト（令和8年度）") && index.body.contains("令和8年度")
    );
    let query = srv.get("/query", &[]);
    assert!(query.body.contains("projects.rq") && query.body.contains("/assets/query.js"));
    assert_eq!(srv.get("/assets/query.js", &[]).status, 200);
    let report = srv.get("/report", &[]);
    assert!(
        report.body.contains("reconciliation") || report.body.contains("Reconciliation"),
        "{}",
        &report.body[..500.min(report.body.len())]
    );
    let mhlw = srv.get("/org/mhlw?lang=en", &[]);
    assert!(
        mhlw.body.contains("Ministry of Health, Labour and Welfare")
            && mhlw.body.contains("厚生労働省")
    );
    assert!(
        mhlw.body.contains("class=\"pager\""),
        "a ministry's many programs are paged"
    );
    let pic = srv.get(
        &format!(
            "/viz/neighbourhood.svg?iri={}",
            enc("https://w3id.org/medrd-kg/project/2026/1")
        ),
        &[],
    );
    assert_eq!(pic.header("content-type"), Some("image/svg+xml"));
    // an uncertain figure on its line's page: 次世代がん医療加速化研究事業 FY2026 39, inferred
    // (the page prints 39 and 42 without saying which is whose), the other reading 42
    let line = srv.get("/line/2026/1/3", &[]);
    let cell = line.body.split("class=\"figures\"").nth(1).unwrap_or("");
    assert!(
        cell.contains(">39</a> <span class=\"uncertain\">") && cell.contains("別の読み 42"),
        "{}",
        line.body
    );
    assert!(
        cell.contains("<details><summary>理由</summary>"),
        "the reasoning is shown"
    );
}

/// SPARQLWrapper, a client independent of ours, gets standard answers.
#[test]
fn sparqlwrapper_gets_standard_answers() {
    let srv = Server::start(&[]);
    let script = r#"
import sys
from SPARQLWrapper import SPARQLWrapper, JSON, TURTLE
s = SPARQLWrapper(sys.argv[1] + "/sparql")
s.setQuery("PREFIX mrd: <https://w3id.org/medrd-kg/def#> SELECT ?n WHERE { ?p a mrd:IntegratedProject ; mrd:projectNumber ?n ; mrd:fiscalYear/mrd:year 2026 } ORDER BY ?n")
s.setReturnFormat(JSON)
r = s.query().convert()
print(" ".join(b["n"]["value"] for b in r["results"]["bindings"]))
s.setQuery("PREFIX mrd: <https://w3id.org/medrd-kg/def#> CONSTRUCT { ?p a mrd:IntegratedProject } WHERE { ?p a mrd:IntegratedProject }")
s.setReturnFormat(TURTLE)
g = s.query().convert()
print(len(g.splitlines()) > 0)
"#;
    let out = Command::new(python())
        .args(["-c", script, &format!("http://{}", srv.addr)])
        .output()
        .expect("python runs (scripts/prereqs.sh installs SPARQLWrapper)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("1 2 3 4 5 6 7 8"), "{stdout}");
}

/// A person in a real browser (Debian's chromium, headless, driven by tests/browser/browse.py):
/// opens the index, searches, follows the first hit to the program's page and sees its
/// figures, their provenance and the neighbourhood picture.
#[test]
fn a_browser_searches_and_reads_a_program_page() {
    let srv = Server::start(&[]);
    let dir = crate::harness::tempdir();
    let shot = dir.path().join("program.png");
    let out = Command::new(python())
        .arg(repo().join("tests/browser/browse.py"))
        .arg(format!("http://{}", srv.addr))
        .arg("創薬基盤推進研究事業")
        .arg(&shot)
        .output()
        .expect("python runs (scripts/prereqs.sh installs chromium and websocket-client)");
    assert_browsed_program_page(&out, &shot);
}

/// The page of FY2026's project 1, as a browser gets it. FY2026 summary:
/// １．医薬品プロジェクト４０２億円＜ＡＭＥＤ３４９億円、インハウス５３億円＞
pub fn assert_project_1_page(html: &Response) {
    assert_eq!(html.status, 200);
    assert!(html
        .header("content-type")
        .unwrap_or("")
        .starts_with("text/html"));
    assert!(
        html.body.contains("医薬品プロジェクト（令和8年度）")
            && html.body.contains(">402<")
            && html.body.contains(">349<"),
        "{}",
        &html.body[..2000.min(html.body.len())]
    );
}

/// What browse.py saw after searching 創薬基盤推進研究事業 and following the first hit: the
/// program's page with its figures, quoted phrase, page and neighbourhood picture.
pub fn assert_browsed_program_page(out: &std::process::Output, shot: &std::path::Path) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: serde_json::Value = serde_json::from_str(&stdout).expect("browse.py prints JSON");
    assert_eq!(
        seen["index_ok"], true,
        "the index did not list the projects"
    );
    assert!(seen["hits"].as_u64().unwrap_or(0) > 0);
    assert!(
        seen["url"]
            .as_str()
            .unwrap_or("")
            .contains("/program/souyaku-kiban-suishin"),
        "{}",
        seen["url"]
    );
    let text = seen["text"].as_str().unwrap_or("");
    // FY2026 document, page 1: 「● 創薬基盤推進研究事業：… 産学共同研究（GAPFREE） 概算要求額 35億円」;
    // FY2024 document, page 1: 産学共同研究 概算要求額 29億円
    assert!(text.contains("創薬基盤推進研究事業"), "{text}");
    assert!(text.contains("35") && text.contains("29"), "{text}");
    assert!(
        text.contains("産学共同研究（GAPFREE）概算要求額35億円"),
        "the quoted phrase: {text}"
    );
    assert!(text.contains("令和8年度資料 1ページ"), "the page: {text}");
    assert!(
        seen["picture_width"].as_u64().unwrap_or(0) > 100,
        "the neighbourhood picture did not load"
    );
    let png = std::fs::read(shot).expect("a screenshot");
    assert_eq!(&png[1..4], b"PNG");
}

/// (parent pid, CPU seconds used) of process `pid`, from /proc; `None` when it is gone.
fn stat(pid: u32) -> Option<(u32, f64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = after.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some((f.get(1)?.parse().ok()?, ticks / 100.0))
}

/// The pids of the children of `pid` (its SPARQL workers).
fn children(pid: u32) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
                .filter(|c| stat(*c).is_some_and(|(ppid, _)| ppid == pid))
                .collect()
        })
        .unwrap_or_default()
}

/// CPU time the server and its workers have used, in seconds (a worker's time counts only
/// while it lives, so the workers are summed one by one).
fn cpu_seconds(pid: u32) -> f64 {
    stat(pid).map_or(0.0, |s| s.1)
        + children(pid)
            .iter()
            .filter_map(|c| stat(*c))
            .map(|s| s.1)
            .sum::<f64>()
}

/// A stopped query frees its CPU: after the time limit answers, and after a client goes away
/// mid-query, the server is idle again within a second.
#[test]
fn stopped_queries_free_the_cpu() {
    let srv = Server::start(&["--timeout", "1"]);
    let pid = srv.child.id();
    let slow = format!(
        "/sparql?query={}",
        enc("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    );
    assert_eq!(srv.get(&slow, &[]).status, 503);
    std::thread::sleep(Duration::from_millis(300));
    let c0 = cpu_seconds(pid);
    std::thread::sleep(Duration::from_secs(1));
    let used = cpu_seconds(pid) - c0;
    assert!(
        used < 0.3,
        "the server used {used:.2} s of CPU in the second after the time limit"
    );
    // a client that sends the query and goes away after 300 ms
    let srv = Server::start(&["--timeout", "30"]);
    let pid = srv.child.id();
    {
        let mut stream = TcpStream::connect(&srv.addr).expect("connect");
        let req = format!("GET {slow} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        stream.write_all(req.as_bytes()).expect("send");
        std::thread::sleep(Duration::from_millis(300));
    }
    std::thread::sleep(Duration::from_millis(700));
    let c0 = cpu_seconds(pid);
    std::thread::sleep(Duration::from_secs(1));
    let used = cpu_seconds(pid) - c0;
    assert!(
        used < 0.3,
        "the query ran on after its client went away ({used:.2} s of CPU in a second)"
    );
    assert_eq!(srv.get("/health", &[]).status, 200);
}

#[test]
fn limits_cors_methods_jsonld_and_shutdown() {
    let mut srv = Server::start(&["--max-body", "1000", "--cors", "*"]);
    // a body over the limit is refused
    let big = vec![b'a'; 5000];
    let r = srv.request(
        "POST",
        "/sparql",
        &[("Content-Type", "application/sparql-query")],
        &big,
    );
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(
        r.body.contains("over 1000 bytes") && r.body.contains("--max-body"),
        "{}",
        r.body
    );
    // CORS when asked for
    let r = srv.get(
        &format!("/sparql?query={}", enc("ASK {}")),
        &[("Origin", "https://example.org")],
    );
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    // resources answer GET and HEAD only
    let head = srv.request("HEAD", PJ1, &[("Accept", "text/turtle")], b"");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let post = srv.request("POST", PJ1, &[], b"");
    assert_eq!(post.status, 405);
    assert_eq!(post.header("allow"), Some("GET, HEAD"));
    // JSON-LD with a context, the same graph as N-Triples (rdflib compares them)
    let jsonld = srv.get(&format!("{PJ1}.jsonld"), &[]);
    assert!(
        jsonld.body.contains("\"@context\"") && jsonld.body.contains("\"mrd:projectNumber\""),
        "{}",
        jsonld.body
    );
    let nt = srv.get(&format!("{PJ1}.nt"), &[]);
    let dir = crate::harness::tempdir();
    std::fs::write(dir.path().join("a.jsonld"), &jsonld.body).unwrap();
    std::fs::write(dir.path().join("a.nt"), &nt.body).unwrap();
    let script = "import sys, rdflib\nfrom rdflib.compare import isomorphic\na = rdflib.Graph().parse(sys.argv[1], format='json-ld')\nb = rdflib.Graph().parse(sys.argv[2], format='nt')\nprint(len(a), len(b), isomorphic(a, b))";
    let out = Command::new(python())
        .args(["-c", script])
        .arg(dir.path().join("a.jsonld"))
        .arg(dir.path().join("a.nt"))
        .output()
        .expect("python");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.trim().ends_with("True"),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // SIGTERM: a graceful stop, exit 0
    let pid = srv.child.id();
    let st = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(st.success());
    let t0 = Instant::now();
    let status = loop {
        if let Some(s) = srv.child.try_wait().expect("wait") {
            break s;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(10),
            "serve did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status}");
}

/// No request leaves the server: SERVICE is refused; at most --max-queries run at once; a
/// worker whose server is killed ends too.
#[test]
fn service_concurrency_and_orphans() {
    let srv = Server::start(&["--max-queries", "1", "--timeout", "20"]);
    let fed = srv.get(
        &format!(
            "/sparql?query={}",
            enc("SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
        ),
        &[],
    );
    assert_eq!(fed.status, 400, "{}", fed.body);
    let slow = format!(
        "/sparql?query={}",
        enc("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    );
    let addr = srv.addr.clone();
    let path = slow.clone();
    let busy = std::thread::spawn(move || {
        let mut stream = TcpStream::connect(&addr).expect("connect");
        let req = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        stream.write_all(req.as_bytes()).expect("send");
        std::thread::sleep(Duration::from_secs(3));
    });
    // wait until the slow query holds the one permit: a worker is busy evaluating it
    let pid = srv.child.id();
    let busy_cpu = || {
        children(pid)
            .iter()
            .filter_map(|c| stat(*c))
            .map(|s| s.1)
            .sum::<f64>()
    };
    let (t0, c0) = (Instant::now(), busy_cpu());
    while busy_cpu() - c0 < 0.1 {
        assert!(
            t0.elapsed() < Duration::from_secs(10),
            "the slow query never started"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let second = srv.get(&format!("/sparql?query={}", enc("ASK {}")), &[]);
    assert_eq!(second.status, 503, "{}", second.body);
    assert_eq!(second.header("retry-after"), Some("1"));
    // kill -9 the server with the slow query running: its worker must not run on
    let mut srv = srv;
    let pid = srv.child.id();
    let workers = children(pid);
    assert!(!workers.is_empty(), "no worker is running the slow query");
    srv.child.kill().expect("kill -9");
    let _ = srv.child.wait();
    let t0 = Instant::now();
    while workers.iter().any(|w| stat(*w).is_some()) {
        assert!(
            t0.elapsed() < Duration::from_secs(3),
            "a worker outlived its server"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = busy.join();
}
