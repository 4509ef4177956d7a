//! Reconciliation of the sums the documents state: per-ministry figures against the
//! stated total, 概算要求額 + 要望額 against the total, each project's AMED + in-house
//! against its total, the projects plus the other expenses against the headline totals,
//! and each project's budget lines against its stated amounts.
//!
//! Every printed figure is rounded to 1億円, so a sum of `n` printed terms may differ from
//! the printed total by up to `(n + 1) / 2`: such differences are shown as "rounding",
//! never hidden; anything larger is a mismatch.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::error::Problem;
use crate::model::{Category, Code, Document, Kind, MinistryScope, Model, NoteKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Exact,
    Rounding,
    Mismatch,
    /// Below a stated upper bound (some stated money is not attributable).
    Bound,
    /// A mismatch the data explains (`reconciliation.toml`).
    Explained,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Exact => "ok",
            Status::Rounding => "rounding",
            Status::Mismatch => "MISMATCH",
            Status::Bound => "within bound",
            Status::Explained => "explained",
        }
    }
}

/// One reconciliation: a stated figure against the sum of its parts.
#[derive(Debug, Clone)]
pub struct Row {
    pub fiscal_year: i32,
    pub scope: String,
    pub check: String,
    pub stated: Decimal,
    pub computed: Decimal,
    pub terms: usize,
    pub status: Status,
    /// The data's explanation of a mismatch.
    pub explanation: Option<String>,
}

/// How far a sum of `n` printed (rounded) terms may be from a printed total: each of the
/// `n + 1` figures is off by at most half a unit.
fn tolerance(n: usize) -> Decimal {
    Decimal::from(n + 1) / Decimal::from(2)
}

impl Row {
    fn new(
        fiscal_year: i32,
        scope: String,
        check: &str,
        stated: Decimal,
        parts: &[Decimal],
    ) -> Row {
        let computed: Decimal = parts.iter().copied().sum();
        let diff = (computed - stated).abs();
        let status = if diff.is_zero() {
            Status::Exact
        } else if diff <= tolerance(parts.len()) {
            Status::Rounding
        } else {
            Status::Mismatch
        };
        Row {
            fiscal_year,
            scope,
            check: check.to_owned(),
            stated,
            computed,
            terms: parts.len(),
            status,
            explanation: None,
        }
    }

    /// A bound: the parts must not exceed the stated figure (beyond rounding); some of the
    /// stated money cannot be attributed, so a shortfall is expected and shown as "bound".
    fn bound(
        fiscal_year: i32,
        scope: String,
        check: &str,
        stated: Decimal,
        parts: &[Decimal],
    ) -> Row {
        let mut row = Row::new(fiscal_year, scope, check, stated, parts);
        row.status = if row.computed <= stated {
            if row.computed == stated {
                Status::Exact
            } else {
                Status::Bound
            }
        } else if row.computed - stated <= tolerance(parts.len()) {
            Status::Rounding
        } else {
            Status::Mismatch
        };
        row
    }

    pub fn difference(&self) -> Decimal {
        self.computed - self.stated
    }
}

/// Every reconciliation the data allows, in a stable order; mismatches the data explains
/// are marked `Explained`.
pub fn reconcile(model: &Model) -> Vec<Row> {
    let mut rows = Vec::new();
    for d in &model.documents {
        let mut doc_rows = Vec::new();
        summary_rows(d, &mut doc_rows);
        project_rows(d, &mut doc_rows);
        line_rows(d, &mut doc_rows);
        ministry_rows(model, d, &mut doc_rows);
        for row in &mut doc_rows {
            if row.status != Status::Mismatch {
                continue;
            }
            let difference = row.difference();
            if let Some(e) = d.explanations.iter().find(|e| {
                e.scope == row.scope && e.check == row.check && e.difference == difference
            }) {
                row.status = Status::Explained;
                row.explanation = Some(e.reasoning.clone());
            }
        }
        rows.extend(doc_rows);
    }
    rows
}

/// Explanations that explain nothing: no such check, a second one of the same check, a
/// difference that changed, or a check that is not a mismatch. (A stale explanation would
/// hide the next real difference.)
pub fn stale_explanations(model: &Model, rows: &[Row]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for d in &model.documents {
        let year = d.fiscal_year;
        for (i, e) in d.explanations.iter().enumerate() {
            let row = rows
                .iter()
                .find(|r| r.fiscal_year == year && r.scope == e.scope && r.check == e.check);
            let duplicate = d.explanations[..i]
                .iter()
                .any(|o| o.scope == e.scope && o.check == e.check);
            let message = match row {
                None => format!(
                    "explains no reconciliation check of FY{year}: scope {:?} with check {:?} does not exist (copy both from `medrd-kg validate --all`)",
                    e.scope, e.check
                ),
                Some(_) if duplicate => "a second explanation of the same check".to_owned(),
                Some(r) if e.difference != r.difference() => format!(
                    "explains a difference of {} but the check now differs by {}: review the explanation",
                    e.difference,
                    r.difference()
                ),
                Some(r) if r.status != Status::Explained => {
                    format!("explains a check that is not a mismatch (it is {}): remove the explanation", r.status.as_str())
                }
                Some(_) => continue,
            };
            problems.push(Problem {
                location: e.location.clone(),
                message,
            });
        }
    }
    problems
}

fn summary_rows(d: &Document, rows: &mut Vec<Row>) {
    let year = d.fiscal_year;
    // (category, kind) -> ministry code -> amount
    let mut table: BTreeMap<(Category, Kind), BTreeMap<&str, Decimal>> = BTreeMap::new();
    for f in &d.figures {
        table
            .entry((f.category, f.kind))
            .or_default()
            .insert(f.ministry.code(), f.amount);
    }
    let all = MinistryScope::All;
    for ((c, k), by_ministry) in &table {
        if let Some(total) = by_ministry.get(all.code()) {
            let parts: Vec<Decimal> = by_ministry
                .iter()
                .filter(|(m, _)| **m != all.code())
                .map(|(_, a)| *a)
                .collect();
            if !parts.is_empty() {
                rows.push(Row::new(
                    year,
                    format!("{} {}", c.as_str(), k.as_str()),
                    "sum of ministries = stated total",
                    *total,
                    &parts,
                ));
            }
        }
    }
    for c in Category::ALL {
        let get = |k: Kind| table.get(&(*c, k));
        let (Some(total), Some(req), Some(you)) =
            (get(Kind::Total), get(Kind::Request), get(Kind::Youbou))
        else {
            continue;
        };
        for (ministry, t) in total {
            // a ministry without a 要望額 (or 概算要求額) prints none: it is zero
            let r = req.get(ministry).copied().unwrap_or_default();
            let y = you.get(ministry).copied().unwrap_or_default();
            rows.push(Row::new(
                year,
                format!("{} {}", c.as_str(), ministry),
                "request + youbou = total",
                *t,
                &[r, y],
            ));
        }
    }
}

fn project_rows(d: &Document, rows: &mut Vec<Row>) {
    let year = d.fiscal_year;
    let mut amed = Vec::new();
    let mut inhouse = Vec::new();
    for p in &d.projects {
        amed.push(p.amed);
        let scope = format!("PJ{} {}", p.number, p.name);
        if let Some(i) = p.inhouse {
            inhouse.push(i);
            rows.push(Row::new(
                year,
                scope,
                "AMED + in-house = project total",
                p.total,
                &[p.amed, i],
            ));
        } else {
            rows.push(Row::new(
                year,
                scope,
                "AMED = project total (no in-house part)",
                p.total,
                &[p.amed],
            ));
        }
    }
    let note = |key: NoteKey| d.notes.iter().find(|n| n.key == key).map(|n| n.amount);
    let headline = |c: Category| {
        d.figures
            .iter()
            .find(|f| f.category == c && f.kind == Kind::Total && f.ministry == MinistryScope::All)
            .map(|f| f.amount)
    };
    let headlines = [
        (
            Category::Amed,
            NoteKey::OtherAmed,
            amed,
            "AMED total",
            "projects' AMED + other AMED expenses = AMED total",
        ),
        (
            Category::Inhouse,
            NoteKey::OtherInhouse,
            inhouse,
            "in-house total",
            "projects' in-house + other in-house expenses = in-house total",
        ),
    ];
    for (category, other_key, mut parts, scope, check) in headlines {
        if let (Some(total), Some(other)) = (headline(category), note(other_key)) {
            parts.push(other);
            rows.push(Row::new(year, scope.into(), check, total, &parts));
        }
    }
}

fn line_rows(d: &Document, rows: &mut Vec<Row>) {
    let year = d.fiscal_year;
    for p in &d.projects {
        for (category, stated) in [
            (Category::Amed, Some(p.amed)),
            (Category::Inhouse, p.inhouse),
        ] {
            let parts: Vec<Decimal> = d
                .lines
                .iter()
                .filter(|l| {
                    l.scope.project() == Some(p.number)
                        && !l.relisted
                        && !l.subtotal
                        && l.funding == category
                })
                .filter_map(|l| l.amount)
                .collect();
            if parts.is_empty() {
                continue;
            }
            // in-house lines under a project that states no in-house part: stated zero
            let stated = stated.unwrap_or_default();
            rows.push(Row::new(
                year,
                format!("PJ{} {}", p.number, p.name),
                &format!(
                    "sum of {} lines = stated {}",
                    category.as_str(),
                    category.as_str()
                ),
                stated,
                &parts,
            ));
        }
    }
}

/// Per ministry: the AMED lines of programs run by that ministry alone cannot exceed the
/// ministry's AMED total on the summary page (the rest of its money is in multi-ministry
/// lines, area/block lines and the expenses outside the projects).
fn ministry_rows(model: &Model, d: &Document, rows: &mut Vec<Row>) {
    let year = d.fiscal_year;
    // ministries per program slug: the ◆ entries of this year, else the program's own
    let mut ministries: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in &d.entries {
        ministries
            .entry(e.program.slug.as_str())
            .or_default()
            .extend(e.ministries.iter().map(|m| m.code.as_str()));
    }
    for p in &model.programs {
        ministries
            .entry(p.slug.as_str())
            .or_insert_with(|| p.ministries.iter().map(|m| m.code.as_str()).collect());
    }
    let mut sums: BTreeMap<&str, Vec<Decimal>> = BTreeMap::new();
    for l in &d.lines {
        if l.relisted || l.subtotal || l.funding != Category::Amed {
            continue;
        }
        let Some(amount) = l.amount else {
            continue;
        };
        let mut owners: BTreeSet<&str> = BTreeSet::new();
        let mut known = !l.programs.is_empty();
        for p in &l.programs {
            match ministries.get(p.slug.as_str()) {
                Some(m) if !m.is_empty() => owners.extend(m.iter().copied()),
                _ => known = false,
            }
        }
        if let (true, [owner]) = (known, owners.iter().copied().collect::<Vec<_>>().as_slice()) {
            sums.entry(owner).or_default().push(amount);
        }
    }
    for f in &d.figures {
        let MinistryScope::One(m) = &f.ministry else {
            continue;
        };
        if f.category != Category::Amed || f.kind != Kind::Total {
            continue;
        }
        let Some(parts) = sums.get(m.code.as_str()) else {
            continue;
        };
        rows.push(Row::bound(
            year,
            format!("AMED {}", m.code),
            "single-ministry program lines <= ministry AMED total",
            f.amount,
            parts,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounding_tolerance_grows_with_the_number_of_terms() {
        let exact = Row::new(2024, "x".into(), "c", d("10"), &[d("4"), d("6")]);
        assert_eq!(exact.status, Status::Exact);
        let rounding = Row::new(2024, "x".into(), "c", d("10"), &[d("4"), d("7")]);
        assert_eq!(rounding.status, Status::Rounding);
        let mismatch = Row::new(2024, "x".into(), "c", d("10"), &[d("4"), d("8")]);
        assert_eq!(mismatch.status, Status::Mismatch);
        assert_eq!(mismatch.difference(), d("2"));
    }
}
