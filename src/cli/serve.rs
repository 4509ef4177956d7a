use std::process::ExitCode;
use std::time::Duration;

use medrd_kg::serve::{serve, ServeOptions};

use crate::cli::args::{ServeArgs, StoreArg};

pub fn run(a: ServeArgs) -> anyhow::Result<ExitCode> {
    if !(a.timeout.is_finite() && a.timeout > 0.0) {
        anyhow::bail!(
            "--timeout must be a positive number of seconds, not {}",
            a.timeout
        );
    }
    serve(ServeOptions {
        store: a.store.store,
        bind: a.bind,
        base: a.base,
        data: a.data.data,
        ontology: a.ontology,
        timeout: Duration::from_secs_f64(a.timeout),
        max_rows: a.max_rows,
        max_body: a.max_body,
        cors: a.cors,
        public_url: a.public_url,
        max_queries: a.max_queries,
        cache_bytes: a.cache_mb.saturating_mul(1 << 20),
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `medrd-kg sparql-worker --store DIR`: one of `serve`'s query processes.
pub fn worker(a: StoreArg) -> anyhow::Result<ExitCode> {
    medrd_kg::serve::worker::work(&a.store)?;
    Ok(ExitCode::SUCCESS)
}
