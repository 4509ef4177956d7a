//! Reconciliation of the sums the documents state: per-ministry figures against the
//! stated total, 概算要求額 + 要望額 against the total, each project's AMED + in-house
//! against its total, the projects plus the other expenses against the headline totals,
//! and each project's budget lines against its stated amounts.
//!
//! Every printed figure is rounded to 1億円, so a sum of `n` printed terms may differ from
//! the printed total by up to `(n + 1) / 2`: such differences are shown as "rounding",
//! never hidden; anything larger is a mismatch.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::codes::{Category, Kind, NoteKey, ALL_MINISTRIES};
use crate::source::{Data, DocumentData};
use crate::validate::parse_amount;

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
pub fn reconcile(data: &Data) -> Vec<Row> {
    let mut rows = Vec::new();
    for d in &data.documents {
        let mut doc_rows = Vec::new();
        summary_rows(d, &mut doc_rows);
        project_rows(d, &mut doc_rows);
        line_rows(d, &mut doc_rows);
        ministry_rows(data, d, &mut doc_rows);
        for row in &mut doc_rows {
            if row.status != Status::Mismatch {
                continue;
            }
            let difference = row.difference();
            let explains = |e: &&crate::source::Located<crate::records::ExplainedRec>| {
                e.rec.scope == row.scope
                    && e.rec.check == row.check
                    && e.rec.difference.trim().parse::<Decimal>().ok() == Some(difference)
            };
            if let Some(e) = d.explained.iter().find(explains) {
                row.status = Status::Explained;
                row.explanation = Some(e.rec.reasoning.clone());
            }
        }
        rows.extend(doc_rows);
    }
    rows
}

/// Explanations that explain nothing: no such check, or a check that is not a mismatch.
/// (A stale explanation would hide the next real difference.)
pub fn stale_explanations(data: &Data) -> Vec<crate::error::Problem> {
    let rows = reconcile(data);
    let mut problems = Vec::new();
    for d in &data.documents {
        let year = d.doc.rec.fiscal_year;
        for (i, e) in d.explained.iter().enumerate() {
            let row = rows.iter().find(|r| {
                r.fiscal_year == year && r.scope == e.rec.scope && r.check == e.rec.check
            });
            let difference = e.rec.difference.trim().parse::<Decimal>().ok();
            let duplicate = d.explained[..i]
                .iter()
                .any(|o| o.rec.scope == e.rec.scope && o.rec.check == e.rec.check);
            let message = match row {
                None => format!(
                    "explains no reconciliation check of FY{year}: scope {:?} with check {:?} does not exist (copy both from `medrd-kg validate --all`)",
                    e.rec.scope, e.rec.check
                ),
                Some(_) if duplicate => "a second explanation of the same check".to_owned(),
                Some(_) if difference.is_none() => format!("difference {:?} is not a signed decimal (e.g. \"-35\")", e.rec.difference),
                Some(r) if difference != Some(r.difference()) => format!(
                    "explains a difference of {} but the check now differs by {}: review the explanation",
                    e.rec.difference.trim(),
                    r.difference()
                ),
                Some(r) if r.status != Status::Explained => {
                    format!("explains a check that is not a mismatch (it is {}): remove the explanation", r.status.as_str())
                }
                Some(_) if e.rec.reasoning.trim().is_empty() => "an explanation needs its reasoning".to_owned(),
                Some(_) => continue,
            };
            problems.push(crate::error::Problem {
                location: e.loc.clone(),
                message,
            });
        }
    }
    problems
}

fn summary_rows(d: &DocumentData, rows: &mut Vec<Row>) {
    let year = d.doc.rec.fiscal_year;
    // (category, kind) -> ministry -> amount
    let mut table: BTreeMap<(Category, Kind), BTreeMap<String, Decimal>> = BTreeMap::new();
    for f in &d.figures {
        let (Some(c), Some(k), Some(a)) = (
            Category::parse(&f.rec.category),
            Kind::parse(&f.rec.kind),
            parse_amount(&f.rec.amount_oku),
        ) else {
            continue;
        };
        table
            .entry((c, k))
            .or_default()
            .insert(f.rec.ministry.clone(), a);
    }
    for ((c, k), by_ministry) in &table {
        if let Some(all) = by_ministry.get(ALL_MINISTRIES) {
            let parts: Vec<Decimal> = by_ministry
                .iter()
                .filter(|(m, _)| m.as_str() != ALL_MINISTRIES)
                .map(|(_, a)| *a)
                .collect();
            if !parts.is_empty() {
                rows.push(Row::new(
                    year,
                    format!("{} {}", c.as_str(), k.as_str()),
                    "sum of ministries = stated total",
                    *all,
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

fn project_rows(d: &DocumentData, rows: &mut Vec<Row>) {
    let year = d.doc.rec.fiscal_year;
    let mut amed = Vec::new();
    let mut inhouse = Vec::new();
    for p in &d.projects {
        let r = &p.rec;
        let (Some(t), Some(a)) = (parse_amount(&r.total_oku), parse_amount(&r.amed_oku)) else {
            continue;
        };
        let i = r.inhouse_oku.as_ref().and_then(parse_amount);
        amed.push(a);
        if let Some(i) = i {
            inhouse.push(i);
            rows.push(Row::new(
                year,
                format!("PJ{} {}", r.number, r.name),
                "AMED + in-house = project total",
                t,
                &[a, i],
            ));
        } else {
            rows.push(Row::new(
                year,
                format!("PJ{} {}", r.number, r.name),
                "AMED = project total (no in-house part)",
                t,
                &[a],
            ));
        }
    }
    let note = |key: NoteKey| {
        d.notes
            .iter()
            .find(|n| NoteKey::parse(&n.rec.key) == Some(key))
            .and_then(|n| parse_amount(&n.rec.amount_oku))
    };
    let headline = |c: &str| {
        d.figures
            .iter()
            .find(|f| {
                f.rec.category == c
                    && f.rec.kind == Kind::Total.as_str()
                    && f.rec.ministry == ALL_MINISTRIES
            })
            .and_then(|f| parse_amount(&f.rec.amount_oku))
    };
    if let (Some(total), Some(other)) =
        (headline(Category::Amed.as_str()), note(NoteKey::OtherAmed))
    {
        let mut parts = amed.clone();
        parts.push(other);
        rows.push(Row::new(
            year,
            "AMED total".into(),
            "projects' AMED + other AMED expenses = AMED total",
            total,
            &parts,
        ));
    }
    if let (Some(total), Some(other)) = (
        headline(Category::Inhouse.as_str()),
        note(NoteKey::OtherInhouse),
    ) {
        let mut parts = inhouse.clone();
        parts.push(other);
        rows.push(Row::new(
            year,
            "in-house total".into(),
            "projects' in-house + other in-house expenses = in-house total",
            total,
            &parts,
        ));
    }
}

fn line_rows(d: &DocumentData, rows: &mut Vec<Row>) {
    let year = d.doc.rec.fiscal_year;
    for p in &d.projects {
        let r = &p.rec;
        for (category, stated) in [
            (Category::Amed, parse_amount(&r.amed_oku)),
            (
                Category::Inhouse,
                r.inhouse_oku.as_ref().and_then(parse_amount),
            ),
        ] {
            let parts: Vec<Decimal> = d
                .lines
                .iter()
                .filter(|l| {
                    l.rec.project == Some(r.number)
                        && !l.rec.relisted
                        && Category::parse(&l.rec.funding) == Some(category)
                })
                .filter_map(|l| l.rec.amount_oku.as_ref().and_then(parse_amount))
                .collect();
            if parts.is_empty() {
                continue;
            }
            let stated = stated.unwrap_or_default();
            rows.push(Row::new(
                year,
                format!("PJ{} {}", r.number, r.name),
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
fn ministry_rows(data: &Data, d: &DocumentData, rows: &mut Vec<Row>) {
    use std::collections::BTreeSet;
    let year = d.doc.rec.fiscal_year;
    let names = crate::validate::ProgramNames::new(data);
    // ministries per program slug: the ◆ entries of this year, else the identity table
    let mut ministries: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in &d.programs {
        if let Some(slug) = names.slug(year, &p.rec.name) {
            ministries
                .entry(slug.to_owned())
                .or_default()
                .extend(p.rec.ministries.iter().cloned());
        }
    }
    for i in &data.identities {
        ministries
            .entry(i.rec.slug.clone())
            .or_insert_with(|| i.rec.ministries.iter().cloned().collect());
    }
    let mut sums: BTreeMap<String, Vec<Decimal>> = BTreeMap::new();
    for l in &d.lines {
        let r = &l.rec;
        if r.relisted || Category::parse(&r.funding) != Some(Category::Amed) {
            continue;
        }
        let Some(amount) = r.amount_oku.as_ref().and_then(parse_amount) else {
            continue;
        };
        let mut owners: BTreeSet<String> = BTreeSet::new();
        let mut known = !r.programs.is_empty();
        for name in &r.programs {
            match names.slug(year, name).and_then(|s| ministries.get(s)) {
                Some(m) if !m.is_empty() => owners.extend(m.iter().cloned()),
                _ => known = false,
            }
        }
        if known && owners.len() == 1 {
            if let Some(m) = owners.into_iter().next() {
                sums.entry(m).or_default().push(amount);
            }
        }
    }
    for f in &d.figures {
        if f.rec.category != Category::Amed.as_str()
            || f.rec.kind != Kind::Total.as_str()
            || f.rec.ministry == ALL_MINISTRIES
        {
            continue;
        }
        let (Some(stated), Some(parts)) =
            (parse_amount(&f.rec.amount_oku), sums.get(&f.rec.ministry))
        else {
            continue;
        };
        rows.push(Row::bound(
            year,
            format!("AMED {}", f.rec.ministry),
            "single-ministry program lines <= ministry AMED total",
            stated,
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
