use std::process::ExitCode;

use medrd_kg::codes::Certainty;
use medrd_kg::iri::Base;
use medrd_kg::mapping::{Mapper, ONTOLOGY_GRAPH};
use medrd_kg::reconcile::{reconcile, Status};
use medrd_kg::source::read_data;
use medrd_kg::validate::check;

use crate::cli::ValidateArgs;

pub fn run(a: ValidateArgs) -> anyhow::Result<ExitCode> {
    let base = Base::new(&a.base)?;
    let data = read_data(&a.data.data)?;
    let mut failed = false;

    // 1. Records and provenance.
    let problems = check(&data);
    println!("== Records and provenance");
    let quotes: usize = data
        .documents
        .iter()
        .map(|d| {
            d.figures.len()
                + d.notes.len()
                + d.projects.len()
                + d.lines.len()
                + d.links.len()
                + d.programs
                    .iter()
                    .map(|p| 1 + p.rec.bullet.len() + p.rec.phase.len())
                    .sum::<usize>()
        })
        .sum::<usize>()
        + data.strategies.len();
    if problems.is_empty() {
        println!("ok: {quotes} records checked; every quoted phrase was found on its page");
    } else {
        failed = true;
        for p in &problems {
            println!("{p}");
        }
        println!("{} problem(s)", problems.len());
    }

    // 2. Reconciliation of the stated sums.
    println!("\n== Reconciliation (amounts in 億円; printed figures are rounded, so a sum of n terms may differ by up to (n+1)/2)");
    let rows = reconcile(&data);
    let (mut exact, mut rounding, mut bound, mut explained, mut mismatched) = (0, 0, 0, 0, 0);
    println!(
        "{:<6} {:<40} {:<58} {:>8} {:>8} {:>6}  status",
        "FY", "scope", "check", "stated", "sum", "diff"
    );
    for r in &rows {
        match r.status {
            Status::Exact => exact += 1,
            Status::Rounding => rounding += 1,
            Status::Bound => bound += 1,
            Status::Explained => explained += 1,
            Status::Mismatch => mismatched += 1,
        }
        if a.all || r.status != Status::Exact {
            println!(
                "{:<6} {:<40} {:<58} {:>8} {:>8} {:>+6}  {}",
                r.fiscal_year,
                r.scope,
                r.check,
                r.stated,
                r.computed,
                r.difference(),
                r.status.as_str()
            );
        }
    }
    for r in rows.iter().filter(|r| r.status == Status::Explained) {
        println!(
            "explained: FY{} {} / {}: {}",
            r.fiscal_year,
            r.scope,
            r.check,
            r.explanation.as_deref().unwrap_or_default()
        );
    }
    println!(
        "{} checks: {exact} exact, {rounding} within rounding, {bound} within a bound, {explained} explained, {mismatched} mismatched",
        rows.len()
    );
    let stale = medrd_kg::reconcile::stale_explanations(&data);
    for p in &stale {
        println!("{p}");
    }
    if mismatched > 0 || !stale.is_empty() {
        failed = true;
    }

    // 3. Figures recorded as uncertain.
    println!("\n== Figures whose assignment is inferred or ambiguous");
    let mut n = 0;
    for d in &data.documents {
        for l in &d.lines {
            let r = &l.rec;
            if Certainty::parse(&r.certainty) != Some(Certainty::Certain) {
                n += 1;
                let name = if r.label.is_empty() {
                    r.programs.join(" ／ ")
                } else {
                    r.label.clone()
                };
                let alts: Vec<&str> = r.alternatives.iter().map(|a| a.0.as_str()).collect();
                println!(
                    "FY{} {} {} = {} 億円 [{}] alternatives: {}\n    {}",
                    d.doc.rec.fiscal_year,
                    r.project
                        .map_or_else(|| "reference page".to_owned(), |p| format!("PJ{p}")),
                    name,
                    r.amount_oku.as_ref().map(|a| a.0.as_str()).unwrap_or("-"),
                    r.certainty,
                    if alts.is_empty() {
                        "none".to_owned()
                    } else {
                        alts.join(", ")
                    },
                    r.reasoning
                );
            }
        }
    }
    println!("{n} uncertain figure(s)");

    // 4. SHACL.
    println!("\n== SHACL shapes");
    let shapes = a.ontology.join("shapes.ttl");
    if !problems.is_empty() {
        println!("skipped: fix the problems above first");
    } else {
        let (store, ontology_graph) = match &a.store {
            Some(dir) => {
                let store = medrd_kg::store::open(dir)?;
                // the graph that holds the ontology, whatever base the store was built with
                let graph = store
                    .quads_for_pattern(Some(medrd_kg::vocab::ONTOLOGY.into()), None, None, None)
                    .filter_map(Result::ok)
                    .find_map(|q| match q.graph_name {
                        oxigraph::model::GraphName::NamedNode(g) => Some(g.into_string()),
                        _ => None,
                    })
                    .unwrap_or_default();
                (store, graph)
            }
            None => (
                medrd_kg::store::build_in_memory(&data, &a.ontology, &base)?,
                Mapper::new(&base, &data)
                    .graph_iri(ONTOLOGY_GRAPH)?
                    .into_string(),
            ),
        };
        let report = medrd_kg::shacl::validate(&store, &ontology_graph, &shapes)?;
        for f in &report.findings {
            println!(
                "{} {} {} {} {}",
                f.severity, f.focus, f.path, f.component, f.message
            );
        }
        println!(
            "{}: {} triples against {}: {} violation(s), {} warning(s)",
            if report.conforms {
                "conforms"
            } else {
                "DOES NOT CONFORM"
            },
            report.triples,
            shapes.display(),
            report.violations,
            report.warnings
        );
        if !report.conforms {
            failed = true;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
