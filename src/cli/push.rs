use std::process::ExitCode;
use std::time::Duration;

use medrd_kg::push::{push, PushOptions};

use crate::cli::args::PushArgs;

pub fn run(a: PushArgs) -> anyhow::Result<ExitCode> {
    if !(a.timeout.is_finite() && a.timeout > 0.0) {
        anyhow::bail!(
            "--timeout must be a positive number of seconds, not {}",
            a.timeout
        );
    }
    if a.chunk == 0 {
        anyhow::bail!("--chunk must be at least 1 triple");
    }
    if a.user.is_some() && a.password.is_none() {
        anyhow::bail!("--user given without a password: set MEDRD_KG_PASSWORD (or --password)");
    }
    if a.password.is_some() && a.user.is_none() {
        anyhow::bail!("a password was given (--password or MEDRD_KG_PASSWORD) but no --user");
    }
    let report = push(&PushOptions {
        store: a.store.store,
        endpoint: a.endpoint,
        graph_store: a.graph_store,
        user: a.user,
        password: a.password,
        replace: a.replace,
        chunk: a.chunk,
        timeout: Duration::from_secs_f64(a.timeout),
    })?;
    for g in &report.graphs {
        println!(
            "{}: {} triples in {} request(s), counted back {} (before: {})",
            g.graph, g.triples, g.requests, g.counted, g.before
        );
    }
    println!(
        "pushed {} triples in {} graphs in {:.1} s ({:.0} triples/s)",
        report.triples(),
        report.graphs.len(),
        report.seconds,
        report.triples() as f64 / report.seconds.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}
