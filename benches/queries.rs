//! Criterion benchmarks, in-process through the library: every standard query
//! (`queries/*.rq`) on the real graph, a resource page rendered from scratch, and `build` of
//! the real data. Run in the dev profile (our crate and its dependencies optimised, RocksDB
//! built once for the tests and the benchmarks alike):
//!
//! ```text
//! cargo bench --profile dev --bench queries            # all
//! cargo bench --profile dev --bench queries -- projects # one query
//! ```

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use medrd_kg::pipeline::{build, BuildOptions};
use medrd_kg::rdf::Base;

fn options(store: &Path) -> BuildOptions {
    BuildOptions {
        data: "data".into(),
        ontology: "ontology".into(),
        store: store.to_path_buf(),
        base: Base::new(medrd_kg::rdf::DEFAULT_BASE).expect("the default base is an IRI"),
    }
}

fn queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("store");
    build(&options(&path)).expect("the real data builds");
    let store = medrd_kg::store::open_read_only(&path).expect("the store opens");
    let mut files: Vec<_> = std::fs::read_dir("queries")
        .expect("queries/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .collect();
    files.sort();
    let mut group = c.benchmark_group("query");
    for f in files {
        let text = std::fs::read_to_string(&f).expect("a query file");
        let name = f
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        group.bench_function(name, |b| {
            b.iter(|| medrd_kg::query::run(&store, &text, Some(&f)).expect("the query runs"))
        });
    }
    group.finish();

    // no reconciliation report (it is not on resource pages): a data folder that is not there
    let none = dir.path().join("no-data");
    let site = medrd_kg::site::Site::open(&path, None, &none, &none, medrd_kg::site::Links::Server)
        .expect("the site opens");
    let project =
        oxigraph::model::NamedNode::new(format!("{}project/2026/1", site.base)).expect("an IRI");
    c.bench_function("page/project-2026-1 (HTML, from scratch)", |b| {
        b.iter(|| {
            medrd_kg::site::pages::resource_page(
                &site,
                project.as_ref(),
                medrd_kg::draw::Lang::Ja,
                &[],
                true,
            )
            .expect("the page renders")
        })
    });
}

fn build_real_data(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("real data (read, check, map, load, swap)", |b| {
        b.iter(|| build(&options(&dir.path().join("store"))).expect("the real data builds"))
    });
    group.finish();
}

criterion_group!(benches, queries, build_real_data);
criterion_main!(benches);
