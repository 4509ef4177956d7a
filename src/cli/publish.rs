use std::process::ExitCode;
use std::time::Instant;

use medrd_kg::site::publish::{publish, PublishOptions};

use crate::cli::args::PublishArgs;

pub fn run(a: PublishArgs) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let report = publish(&PublishOptions {
        store: a.store.store,
        out: a.out.clone(),
        base: a.base,
        public_url: a.public_url,
        sparql: a.sparql,
        data: a.data.data,
        ontology: a.ontology,
        jobs: a.jobs,
    })?;
    for s in &report.skipped {
        eprintln!("warning: {s}");
    }
    if report.without_picture > 0 {
        eprintln!(
            "note: {} resources have no neighbourhood picture (nothing around them to draw)",
            report.without_picture
        );
    }
    println!(
        "published {} resources: {} files, {:.1} MB in {} for {} ({:.1} s)",
        report.resources,
        report.files,
        report.bytes as f64 / 1e6,
        a.out.display(),
        report.public_url,
        t0.elapsed().as_secs_f64()
    );
    println!(
        "serve it with nginx: include {0}/nginx-maps.conf in http {{ }} and {0}/nginx.conf in server {{ }} (Apache: .htaccess)",
        a.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
