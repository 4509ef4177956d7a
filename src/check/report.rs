//! What `validate` tells: the records checked and their problems, the reconciliation of
//! every stated sum, the figures recorded as uncertain and the SHACL report. The command
//! line prints it ([`ValidationReport::write_text`]); the server and the static site will
//! render the same value.

use std::io::Write;
use std::path::PathBuf;

use rust_decimal::Decimal;

use super::reconcile::{Row, Status};
use super::shacl;
use crate::error::{Error, Problem, Result};
use crate::model::{Certainty, Code, Model};

/// A budget line whose figure is inferred or ambiguous.
#[derive(Debug, Clone)]
pub struct UncertainFigure {
    pub fiscal_year: i32,
    /// The project, or `None` for a reference page.
    pub project: Option<u32>,
    pub name: String,
    pub amount: Option<Decimal>,
    pub certainty: Certainty,
    pub alternatives: Vec<Decimal>,
    pub reasoning: String,
}

impl UncertainFigure {
    /// Every non-certain line of the model, in document order.
    pub fn all(model: &Model) -> Vec<UncertainFigure> {
        let mut out = Vec::new();
        for d in &model.documents {
            for l in d.lines.iter().filter(|l| l.certainty != Certainty::Certain) {
                out.push(UncertainFigure {
                    fiscal_year: d.fiscal_year,
                    project: l.scope.project(),
                    name: l.display_name(),
                    amount: l.amount,
                    certainty: l.certainty,
                    alternatives: l.alternatives.clone(),
                    reasoning: l.reasoning.clone(),
                });
            }
        }
        out
    }
}

/// The reconciliation of the stated sums.
#[derive(Debug, Clone)]
pub struct Reconciliation {
    pub rows: Vec<Row>,
    /// Explanations that no longer explain a mismatch.
    pub stale: Vec<Problem>,
}

impl Reconciliation {
    pub fn count(&self, status: Status) -> usize {
        self.rows.iter().filter(|r| r.status == status).count()
    }

    pub fn passed(&self) -> bool {
        self.count(Status::Mismatch) == 0 && self.stale.is_empty()
    }
}

/// Everything `validate` found. The later parts are `None` when an earlier one failed (a
/// reconciliation of data with problems would report differences that are not there).
#[derive(Debug, Clone)]
pub struct ValidationReport {
    /// Records that quote a phrase of the sources.
    pub records: usize,
    /// Problems of the records and their provenance.
    pub problems: Vec<Problem>,
    pub reconciliation: Option<Reconciliation>,
    pub uncertain: Option<Vec<UncertainFigure>>,
    pub shacl: Option<shacl::Report>,
    /// The shapes file the SHACL report is about.
    pub shapes: PathBuf,
}

impl ValidationReport {
    /// Whether the data passes: no problem, no mismatch or stale explanation, SHACL conforms.
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
            && self
                .reconciliation
                .as_ref()
                .is_some_and(Reconciliation::passed)
            && self.shacl.as_ref().is_some_and(|s| s.conforms)
    }

    /// The report as text; `all` prints every reconciliation row, not only those that differ.
    pub fn write_text(&self, out: &mut dyn Write, all: bool) -> Result<()> {
        self.write_sections(out, all)
            .map_err(|e| Error::write("the validation report", e))
    }

    fn write_sections(&self, out: &mut dyn Write, all: bool) -> std::io::Result<()> {
        writeln!(out, "== Records and provenance")?;
        if self.problems.is_empty() {
            writeln!(
                out,
                "ok: {} records checked; every quoted phrase was found on its page",
                self.records
            )?;
        } else {
            for p in &self.problems {
                writeln!(out, "{p}")?;
            }
            writeln!(out, "{} problem(s)", self.problems.len())?;
        }
        writeln!(out, "\n== Reconciliation (amounts in 億円; printed figures are rounded, so a sum of n terms may differ by up to (n+1)/2)")?;
        match &self.reconciliation {
            Some(r) => write_reconciliation(out, r, all)?,
            None => writeln!(out, "skipped: fix the problems above first")?,
        }
        writeln!(
            out,
            "\n== Figures whose assignment is inferred or ambiguous"
        )?;
        match &self.uncertain {
            Some(uncertain) => {
                for u in uncertain {
                    write_uncertain(out, u)?;
                }
                writeln!(out, "{} uncertain figure(s)", uncertain.len())?;
            }
            None => writeln!(out, "skipped: fix the problems above first")?,
        }
        writeln!(out, "\n== SHACL shapes")?;
        match &self.shacl {
            Some(s) => write_shacl(out, s, &self.shapes),
            None => writeln!(out, "skipped: fix the problems above first"),
        }
    }
}

fn write_reconciliation(out: &mut dyn Write, r: &Reconciliation, all: bool) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<6} {:<40} {:<58} {:>8} {:>8} {:>6}  status",
        "FY", "scope", "check", "stated", "sum", "diff"
    )?;
    for row in r
        .rows
        .iter()
        .filter(|row| all || row.status != Status::Exact)
    {
        writeln!(
            out,
            "{:<6} {:<40} {:<58} {:>8} {:>8} {:>+6}  {}",
            row.fiscal_year,
            row.scope,
            row.check,
            row.stated,
            row.computed,
            row.difference(),
            row.status.as_str()
        )?;
    }
    for row in r.rows.iter().filter(|row| row.status == Status::Explained) {
        writeln!(
            out,
            "explained: FY{} {} / {}: {}",
            row.fiscal_year,
            row.scope,
            row.check,
            row.explanation.as_deref().unwrap_or_default()
        )?;
    }
    writeln!(
        out,
        "{} checks: {} exact, {} within rounding, {} within a bound, {} explained, {} mismatched",
        r.rows.len(),
        r.count(Status::Exact),
        r.count(Status::Rounding),
        r.count(Status::Bound),
        r.count(Status::Explained),
        r.count(Status::Mismatch),
    )?;
    for p in &r.stale {
        writeln!(out, "{p}")?;
    }
    Ok(())
}

fn write_uncertain(out: &mut dyn Write, u: &UncertainFigure) -> std::io::Result<()> {
    let alternatives = if u.alternatives.is_empty() {
        "none".to_owned()
    } else {
        u.alternatives
            .iter()
            .map(Decimal::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "FY{} {} {} = {} 億円 [{}] alternatives: {}\n    {}",
        u.fiscal_year,
        u.project
            .map_or_else(|| "reference page".to_owned(), |p| format!("PJ{p}")),
        u.name,
        u.amount.map_or_else(|| "-".to_owned(), |a| a.to_string()),
        u.certainty.as_str(),
        alternatives,
        u.reasoning
    )
}

fn write_shacl(
    out: &mut dyn Write,
    s: &shacl::Report,
    shapes: &std::path::Path,
) -> std::io::Result<()> {
    for f in &s.findings {
        writeln!(
            out,
            "{} {} {} {} {}",
            f.severity, f.focus, f.path, f.component, f.message
        )?;
    }
    writeln!(
        out,
        "{}: {} triples against {}: {} violation(s), {} warning(s)",
        if s.conforms {
            "conforms"
        } else {
            "DOES NOT CONFORM"
        },
        s.triples,
        shapes.display(),
        s.violations,
        s.warnings
    )
}
