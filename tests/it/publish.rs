//! `medrd-kg publish`: the static site behind a real web server (Debian's nginx, started by
//! the test with the configuration the site ships), re-read by independent parsers (rapper,
//! rdflib), browsed by chromium; and a store of hostile IRIs that must not write a byte
//! outside `--out`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::harness::{python, repo, run, s, shared_store, tempdir};
use crate::http::{Apache, Nginx, Response};

/// The URL the shared site is published for: its path is where nginx serves it.
const PUBLIC: &str = "https://example.org/medrd-kg/";
const ROOT: &str = "/medrd-kg/";

/// The shared store published once into `<tmp>/www/medrd-kg` (read-only for the tests).
fn site() -> &'static (PathBuf, String) {
    static SITE: OnceLock<(PathBuf, String)> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempdir();
        let www = dir.path().join("www");
        let out = www.join("medrd-kg");
        let r = run(&[
            "publish",
            "--store",
            s(shared_store()),
            "--out",
            s(&out),
            "--public-url",
            PUBLIC,
            "--sparql",
            "https://example.org/sparql",
        ])
        .ok();
        let printed = r.stdout.clone();
        crate::harness::remove_at_exit(dir);
        (www, printed)
    })
}

/// nginx serving the shared site with the configuration it ships.
fn nginx() -> (Nginx, tempfile::TempDir) {
    let (www, _) = site();
    let out = www.join("medrd-kg");
    let prefix = tempdir();
    let n = Nginx::start(
        prefix.path(),
        &format!("  include {};", out.join("nginx-maps.conf").display()),
        &format!(
            "    root {};\n    include {};",
            www.display(),
            out.join("nginx.conf").display()
        ),
    );
    (n, prefix)
}

const PJ1: &str = "/medrd-kg/project/2026/1";

/// A GET of a path with headers, on some web server.
type Get<'a> = &'a dyn Fn(&str, &[(&str, &str)]) -> Response;

/// What a web server with the site's configuration answers, as `serve` would: the page or
/// file each request asks for, by Accept, ?format=, suffix, ?lang= and Accept-Language.
fn assert_negotiates(get: Get<'_>, errors: &dyn Fn() -> String) {
    // browsers get the Japanese page
    let html = get(
        PJ1,
        &[("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")],
    );
    assert_eq!(html.status, 200, "{}", errors());
    crate::serve::assert_project_1_page(&html);
    let vary = html.header("vary").unwrap_or("").replace(' ', "");
    assert!(vary.contains("Accept,Accept-Language"), "{vary}");
    assert_eq!(html.header("access-control-allow-origin"), Some("*"));
    // agents get what they ask for, by Accept (first listed wins), ?format= or suffix
    for (accept, ct, name, suffix) in [
        ("text/turtle", "text/turtle", "turtle", "ttl"),
        (
            "application/ld+json",
            "application/ld+json",
            "jsonld",
            "jsonld",
        ),
        (
            "application/n-triples",
            "application/n-triples",
            "ntriples",
            "nt",
        ),
        (
            "application/rdf+xml",
            "application/rdf+xml",
            "rdfxml",
            "rdf",
        ),
        // an agent that takes HTML too, but lists RDF first
        (
            "text/turtle, text/html;q=0.5",
            "text/turtle",
            "turtle",
            "ttl",
        ),
    ] {
        let by_accept = get(PJ1, &[("Accept", accept)]);
        assert_eq!(by_accept.status, 200, "{accept}");
        assert!(
            by_accept
                .header("content-type")
                .unwrap_or("")
                .starts_with(ct),
            "{accept}: {:?}",
            by_accept.header("content-type")
        );
        let by_format = get(&format!("{PJ1}?format={name}"), &[("Accept", "text/html")]);
        assert_eq!(by_format.body, by_accept.body, "?format={name}");
        let by_suffix = get(&format!("{PJ1}.{suffix}"), &[]);
        assert_eq!(by_suffix.body, by_accept.body, ".{suffix}");
        assert!(by_suffix
            .header("content-type")
            .unwrap_or("")
            .to_ascii_lowercase()
            .contains("charset=utf-8"));
    }
    // a browser listing HTML before an RDF type it also takes gets the page
    let mixed = get(
        PJ1,
        &[("Accept", "application/xhtml+xml, application/rdf+xml;q=0.1")],
    );
    assert!(mixed
        .header("content-type")
        .unwrap_or("")
        .starts_with("text/html"));
    // the English page by Accept-Language or ?lang=, and ?lang=ja over Accept-Language
    let en = get(PJ1, &[("Accept-Language", "en-GB,en;q=0.9")]);
    assert!(
        en.body.contains("<html lang=\"en\""),
        "{}",
        &en.body[..300.min(en.body.len())]
    );
    assert_eq!(get(&format!("{PJ1}?lang=en"), &[]).body, en.body);
    let ja = get(&format!("{PJ1}?lang=ja"), &[("Accept-Language", "en")]);
    assert!(ja.body.contains("<html lang=\"ja\""));
    // documents that are folders too (def and def/0.2, document/fy2026 and its pages)
    for doc in ["/medrd-kg/def", "/medrd-kg/document/fy2026"] {
        let page = get(doc, &[("Accept", "text/html")]);
        assert_eq!(page.status, 200, "{doc}: {}", errors());
        assert!(
            page.header("content-type")
                .unwrap_or("")
                .starts_with("text/html"),
            "{doc}"
        );
        let ttl = get(doc, &[("Accept", "text/turtle")]);
        assert!(
            ttl.header("content-type")
                .unwrap_or("")
                .starts_with("text/turtle"),
            "{doc}"
        );
    }
    // the index, in both languages
    assert!(get("/medrd-kg/", &[]).body.contains("<html lang=\"ja\""));
    assert!(get("/medrd-kg/?lang=en", &[])
        .body
        .contains("<html lang=\"en\""));
    // VoID at the well-known place, with the dumps where they are
    let void = get("/medrd-kg/.well-known/void", &[]);
    assert_eq!(void.status, 200);
    assert!(void
        .header("content-type")
        .unwrap_or("")
        .starts_with("text/turtle"));
    assert!(
        void.body
            .contains("https://example.org/medrd-kg/dumps/medrd-kg.nq"),
        "{}",
        void.body
    );
    assert!(void.body.contains("https://example.org/sparql"));
    for ext in ["nq", "trig", "ttl", "nt", "rdf", "jsonld"] {
        let d = get(&format!("/medrd-kg/dumps/medrd-kg.{ext}"), &[]);
        assert_eq!(d.status, 200, "{ext}");
        assert!(d.body.len() > 10_000, "{ext}");
    }
    // an IRI the graph does not know: the site's 404 page
    let missing = get(
        "/medrd-kg/program/no-such-program",
        &[("Accept", "text/html")],
    );
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("見つかりません"), "{}", missing.body);
    // the sitemap lists the pages, under the public URL
    let sitemap = get("/medrd-kg/sitemap.xml", &[]);
    assert!(sitemap
        .body
        .contains("<loc>https://example.org/medrd-kg/project/2026/1.html</loc>"));
    assert!(sitemap
        .body
        .contains("<loc>https://example.org/medrd-kg/project/2026/1.en.html</loc>"));
    let robots = get("/medrd-kg/robots.txt", &[]);
    assert!(robots
        .body
        .contains("Sitemap: https://example.org/medrd-kg/sitemap.xml"));
}

#[test]
fn nginx_negotiates_the_published_site() {
    let (n, _keep) = nginx();
    assert_negotiates(&|p, h| n.get(p, h), &|| n.errors());
    // nginx's 404 page comes in the asked language too
    let missing = n.get("/medrd-kg/program/no-such-program?lang=en", &[]);
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Not found"));
}

/// The same answers from Apache httpd reading the site's `.htaccess`.
#[test]
fn apache_negotiates_the_published_site() {
    let (www, _) = site();
    let prefix = tempdir();
    let a = Apache::start(prefix.path(), www);
    assert_negotiates(&|p, h| a.get(p, h), &|| a.errors());
}

/// `href="…"` and `src="…"` values of `html`, unescaped.
fn links_of(html: &str) -> Vec<String> {
    let mut v = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap_or(0);
            v.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    v
}

/// Every link of the index pages and of a project's page resolves on nginx (pages, files,
/// pictures, charts, assets, dumps), and the search index names the programs.
#[test]
fn every_link_of_the_index_resolves() {
    let (n, _keep) = nginx();
    let mut checked = BTreeSet::new();
    let mut pages = vec![
        "/medrd-kg/".to_owned(),
        "/medrd-kg/index.en.html".to_owned(),
        format!("{PJ1}.html"),
        format!("{PJ1}.en.html"),
    ];
    let mut k = 0;
    while k < pages.len() {
        let page = n.get(&pages[k], &[]);
        assert_eq!(page.status, 200, "{}", pages[k]);
        for l in links_of(&page.body) {
            if !l.starts_with('/') {
                assert!(
                    l.starts_with("http") || l.starts_with('#'),
                    "{l} on {}",
                    pages[k]
                );
                continue;
            }
            let path = l.split('#').next().unwrap_or("").to_owned();
            if path.is_empty() || !checked.insert(path.clone()) {
                continue;
            }
            assert!(path.starts_with(ROOT), "{path} is outside the site's root");
            let r = n.get(&path, &[]);
            assert_eq!(r.status, 200, "{path} (linked from {})", pages[k]);
            if path.ends_with(".svg") {
                assert!(r
                    .header("content-type")
                    .unwrap_or("")
                    .starts_with("image/svg+xml"));
                assert!(r.body.contains("<svg"), "{path}");
            }
            // follow the index's own pages once more, one level
            if k < 2 && path.ends_with(".html") && pages.len() < 12 {
                pages.push(path);
            }
        }
        k += 1;
    }
    assert!(checked.len() > 30, "only {} links", checked.len());
    assert!(checked.iter().any(|p| p.starts_with("/medrd-kg/viz/")));
    assert!(checked
        .iter()
        .any(|p| p.starts_with("/medrd-kg/chart/projects")));
    let index = n.get("/medrd-kg/assets/search-index.js", &[]);
    assert!(index.body.starts_with("window.MEDRD_SEARCH = "));
    assert!(index.body.contains("創薬基盤推進研究事業"));
}

/// Every resource's Turtle, N-Triples and RDF/XML files parse in rapper, and rapper counts
/// the same triples in all three; rdflib reads the JSON-LD files to the same counts.
#[test]
fn every_resource_file_reparses_in_rapper_and_rdflib() {
    let (www, _) = site();
    let out = www.join("medrd-kg");
    let mut stems = Vec::new();
    let mut stack = vec![out.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read the site").flatten() {
            let p = e.path();
            if p.is_dir() {
                if !["assets", "dumps", "viz", "chart", ".well-known"]
                    .iter()
                    .any(|x| p == out.join(x))
                {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "nt") {
                // not with_extension: a document may have a dot of its own (def/0.2)
                let name = p.display().to_string();
                stems.push(PathBuf::from(&name[..name.len() - 3]));
            }
        }
    }
    stems.sort();
    assert!(stems.len() > 500, "only {} resources", stems.len());
    let counts: std::sync::Mutex<BTreeMap<PathBuf, usize>> = Default::default();
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|sc| {
        for _ in 0..4 {
            sc.spawn(|| loop {
                let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(stem) = stems.get(k) else { return };
                let mut seen = Vec::new();
                for (ext, syntax) in [("nt", "ntriples"), ("ttl", "turtle"), ("rdf", "rdfxml")] {
                    let file = with_suffix(stem, ext);
                    let o = Command::new("rapper")
                        .args(["-c", "-i", syntax, "-I", "https://example.org/"])
                        .arg(&file)
                        .output()
                        .expect("rapper runs (scripts/prereqs.sh installs raptor2-utils)");
                    let err = String::from_utf8_lossy(&o.stderr);
                    assert!(o.status.success(), "{}: {err}", file.display());
                    seen.push(triples_counted(&err, &file));
                }
                assert!(
                    seen[0] > 0 && seen.iter().all(|c| *c == seen[0]),
                    "{}: {seen:?}",
                    stem.display()
                );
                counts.lock().unwrap().insert(stem.clone(), seen[0]);
            });
        }
    });
    let counts = counts.into_inner().unwrap();
    let list = tempdir();
    let listing = list.path().join("files.txt");
    std::fs::write(
        &listing,
        stems
            .iter()
            .map(|p| with_suffix(p, "jsonld").display().to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    let o = Command::new(python())
        .arg("-c")
        .arg("import sys, rdflib\nfor f in open(sys.argv[1]).read().split('\\n'):\n    g = rdflib.Graph(); g.parse(f, format='json-ld'); print(len(g))")
        .arg(&listing)
        .output()
        .expect("python runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rdflib: Vec<usize> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| l.trim().parse().expect("a count"))
        .collect();
    assert_eq!(rdflib.len(), stems.len());
    for (stem, n) in stems.iter().zip(rdflib) {
        assert_eq!(
            counts[stem],
            n,
            "{}: rdflib reads another number of triples",
            stem.display()
        );
    }
}

/// `stem.ext` (a stem may have a dot of its own).
fn with_suffix(stem: &Path, ext: &str) -> PathBuf {
    PathBuf::from(format!("{}.{ext}", stem.display()))
}

/// `rapper -c`'s "returned N triples".
fn triples_counted(stderr: &str, file: &Path) -> usize {
    stderr
        .split("returned ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}: rapper said {stderr}", file.display()))
}

/// chromium on the site behind nginx: the index, the search (in the browser, over the
/// client-side index), the program's page with its figures, phrase and picture.
#[test]
fn a_browser_searches_the_static_site() {
    let (n, _keep) = nginx();
    let dir = tempdir();
    let shot = dir.path().join("static.png");
    let out = Command::new(python())
        .arg(repo().join("tests/browser/browse.py"))
        .arg(format!("http://{}/medrd-kg", n.addr))
        .arg("創薬基盤推進研究事業")
        .arg(&shot)
        .output()
        .expect("python runs (scripts/prereqs.sh installs chromium and websocket-client)");
    crate::serve::assert_browsed_program_page(&out, &shot);
}

/// Every path under `dir`, relative, sorted.
fn tree(dir: &Path) -> BTreeSet<PathBuf> {
    let mut v = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            v.insert(p.strip_prefix(dir).unwrap().to_path_buf());
            if p.is_dir() && !p.is_symlink() {
                stack.push(p);
            }
        }
    }
    v
}

/// A store at `dir` with one label for `{base}{path}` of every path, plus two plain ones.
fn tiny_store(dir: &Path, base: &str, paths: &[&str]) {
    let store = oxigraph::store::Store::open(dir).expect("a store");
    let p = oxigraph::model::NamedNode::new("http://www.w3.org/2000/01/rdf-schema#label").unwrap();
    let add = |path: &str| {
        let iri = oxigraph::model::NamedNode::new(format!("{base}{path}"))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        store
            .insert(oxigraph::model::QuadRef::new(
                &iri,
                &p,
                &oxigraph::model::Literal::new_language_tagged_literal(path, "en").unwrap(),
                oxigraph::model::GraphNameRef::DefaultGraph,
            ))
            .unwrap();
    };
    for h in paths {
        add(h);
    }
    add("fine/one");
    add("ministry/%E5%8E%9A%E5%8A%B4");
    store.flush().unwrap();
}

/// A store whose IRIs try to climb out of the site, collide with its files or hide
/// separators: nothing is written outside `--out`, every such IRI is reported, the rest is
/// published.
#[test]
fn hostile_iris_write_nothing_outside_out() {
    let dir = tempdir();
    let store_dir = dir.path().join("store");
    let base = "https://example.org/kg/";
    let hostile = [
        "../../escaped",
        "a/../../../escaped2",
        "%2e%2e/%2e%2e/escaped3",
        "x%2F..%2F..%2Fescaped4",
        "x%5C..%5Cescaped5",
        "x%00y",
        "index",
        "404",
        "dir/",
        "q?x=1",
        ".well-known/void",
    ];
    tiny_store(&store_dir, base, &hostile);
    let www = dir.path().join("www");
    std::fs::create_dir_all(&www).unwrap();
    let out = www.join("site");
    let before = tree(dir.path());
    let r = run(&[
        "publish",
        "--store",
        s(&store_dir),
        "--out",
        s(&out),
        "--base",
        base,
        "--public-url",
        "https://example.org/kg/",
        "--data",
        s(&dir.path().join("no-data")),
    ])
    .ok();
    let after = tree(dir.path());
    let new: Vec<&PathBuf> = after.difference(&before).collect();
    for p in &new {
        assert!(
            p.starts_with("www/site"),
            "publish wrote {} outside --out",
            p.display()
        );
    }
    for h in hostile {
        assert!(
            r.stderr.contains(&format!("left out {base}{h}")),
            "{h} is not reported: {}",
            r.stderr
        );
    }
    assert!(out.join("fine/one.html").is_file());
    assert!(out.join("ministry/厚労.html").is_file());
    // the site's own files are the site's, not a resource's
    assert!(std::fs::read_to_string(out.join("index.html"))
        .unwrap()
        .contains("<h1>"));
    assert!(std::fs::read_to_string(out.join("assets/style.css"))
        .unwrap()
        .contains('{'));
}

/// A folder that is not a site is refused and left as it was; a site is replaced whole.
#[test]
fn publish_refuses_foreign_folders_and_replaces_its_own_site() {
    let dir = tempdir();
    let small = tempdir();
    let store = small.path().join("store");
    tiny_store(&store, "https://example.org/kg/", &[]);
    let store = s(&store);
    let foreign = dir.path().join("foreign");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("thesis.tex"), "mine").unwrap();
    let r = run(&[
        "publish",
        "--store",
        s(shared_store()),
        "--out",
        s(&foreign),
    ]);
    assert!(!r.success());
    assert!(
        r.stderr.contains("not a site medrd-kg published"),
        "{}",
        r.stderr
    );
    assert_eq!(tree(&foreign).len(), 1);
    assert_eq!(
        std::fs::read_to_string(foreign.join("thesis.tex")).unwrap(),
        "mine"
    );
    // no temporary folder stays beside it
    assert_eq!(tree(dir.path()).len(), 2, "{:?}", tree(dir.path()));

    let out = dir.path().join("site");
    let publish = || {
        run(&[
            "publish",
            "--store",
            store,
            "--base",
            "https://example.org/kg/",
            "--data",
            "no-data",
            "--out",
            s(&out),
        ])
        .ok()
    };
    publish();
    std::fs::write(out.join("stale.html"), "old").unwrap();
    publish();
    assert!(
        !out.join("stale.html").exists(),
        "the second publish kept a file of the first"
    );
    assert!(out.join("index.html").is_file());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // a bad --public-url is refused before anything is written
    let bad = run(&[
        "publish",
        "--store",
        s(shared_store()),
        "--out",
        s(&dir.path().join("other")),
        "--public-url",
        "ftp://example.org/",
    ]);
    assert!(!bad.success());
    assert!(bad.stderr.contains("--public-url"), "{}", bad.stderr);
    assert!(!dir.path().join("other").exists());
}

#[test]
fn publish_prints_what_it_wrote() {
    let (_, printed) = site();
    assert!(printed.contains("published "), "{printed}");
    assert!(
        printed.contains("for https://example.org/medrd-kg/"),
        "{printed}"
    );
}

/// A progress bar on a terminal (a pseudo-terminal from `script`), none when standard error
/// is a pipe, even when asked for.
#[test]
fn progress_shows_on_a_terminal_only() {
    let dir = tempdir();
    let store = dir.path().join("store");
    tiny_store(&store, "https://example.org/kg/", &[]);
    let command = format!(
        "{} publish --store {} --out {} --base https://example.org/kg/ --data no-data",
        crate::harness::bin().display(),
        store.display(),
        dir.path().join("tty-site").display()
    );
    let typescript = dir.path().join("typescript");
    let o = Command::new("script")
        .args(["-qec", &command])
        .arg(&typescript)
        .env("MEDRD_KG_PROGRESS", "always")
        .current_dir(repo())
        .output()
        .expect("script runs (util-linux)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let seen = String::from_utf8_lossy(&std::fs::read(&typescript).unwrap()).into_owned();
    assert!(seen.contains("documents ["), "{seen}");
    assert!(seen.contains("published 2 resources"), "{seen}");
    let piped = Command::new(crate::harness::bin())
        .args([
            "publish",
            "--store",
            s(&store),
            "--base",
            "https://example.org/kg/",
        ])
        .args([
            "--data",
            "no-data",
            "--out",
            s(&dir.path().join("piped-site")),
        ])
        .env("MEDRD_KG_PROGRESS", "always")
        .current_dir(repo())
        .output()
        .expect("medrd-kg runs");
    assert!(piped.status.success());
    let err = String::from_utf8_lossy(&piped.stderr);
    assert!(!err.contains('[') && !err.contains('\r'), "{err}");
}
