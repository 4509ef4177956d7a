//! In-process latency of every standard query (`queries/*.rq`) on a store, the library's
//! `query::run` timed directly: the median and the slowest of RUNS runs, in milliseconds,
//! one tab-separated line per query. `scripts/bench-queries.sh` runs it beside `medrd-kg
//! query` end to end and rdflib on the same triples.
//!
//! ```text
//! cargo run --example query_latency -- STORE [RUNS]
//! ```

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let store_dir = args.next().ok_or("usage: query_latency STORE [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(50), |r| r.parse())?;
    let store = medrd_kg::store::open_read_only(std::path::Path::new(&store_dir))?;
    let mut files: Vec<_> = std::fs::read_dir("queries")?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f)?;
        // once before timing: the first run warms the store's caches
        medrd_kg::query::run(&store, &text, Some(&f))?;
        let mut ms: Vec<f64> = (0..runs.max(1))
            .map(|_| {
                let t0 = Instant::now();
                let answer = medrd_kg::query::run(&store, &text, Some(&f));
                let took = t0.elapsed().as_secs_f64() * 1000.0;
                answer.map(|_| took)
            })
            .collect::<Result<_, _>>()?;
        ms.sort_by(f64::total_cmp);
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("{name}\t{:.3}\t{:.3}", ms[ms.len() / 2], ms[ms.len() - 1]);
    }
    Ok(())
}
