//! `summary.toml` (the summary tables and the sums their sentences state), `projects.toml`
//! and `reconciliation.toml`.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::Checker;
use crate::input::DocumentFiles;
use crate::model::{Category, Explanation, Kind, Note, NoteKey, Project, SummaryFigure};

pub(super) fn check_summary(
    c: &mut Checker,
    d: &DocumentFiles,
    declared: &BTreeSet<i32>,
) -> (Vec<SummaryFigure>, Vec<Note>) {
    let doc = d.doc.rec.id.as_str();
    let mut figures = Vec::new();
    let mut seen = BTreeSet::new();
    for f in &d.figures {
        let mark = c.mark();
        let r = &f.rec;
        let category = c.code::<Category>(&f.at("category"), "category", &r.category);
        let kind = c.code::<Kind>(&f.at("kind"), "kind", &r.kind);
        let ministry = c.ministry_scope(&f.at("ministry"), &r.ministry);
        let amount = c.printed_amount(&f.at("amount_oku"), "amount_oku", &r.amount_oku, &r.quote);
        if !seen.insert((r.category.clone(), r.kind.clone(), r.ministry.clone())) {
            c.report(
                &f.loc,
                format!(
                    "duplicate figure (category {:?}, kind {:?}, ministry {:?})",
                    r.category, r.kind, r.ministry
                ),
            );
        }
        c.quote(&f.at("quote"), doc, &r.page, &r.quote, "quote");
        let previous = d.doc.rec.fiscal_year.saturating_sub(1);
        if kind == Some(Kind::PrevInitial) && !declared.contains(&previous) {
            c.report(
                &f.at("kind"),
                format!("a previous year's initial budget is a figure of FY{previous}: declare that fiscal year in reference.toml"),
            );
        }
        if let (Some(category), Some(kind), Some(ministry), Some(amount), true) =
            (category, kind, ministry, amount, c.clean_since(mark))
        {
            figures.push(SummaryFigure {
                category,
                kind,
                ministry,
                amount,
                page: r.page.clone(),
                quote: r.quote.clone(),
                location: f.loc.clone(),
            });
        }
    }
    let mut notes = Vec::new();
    let mut keys = BTreeSet::new();
    for n in &d.notes {
        let mark = c.mark();
        let r = &n.rec;
        let key = c.code::<NoteKey>(&n.at("key"), "key", &r.key);
        if !keys.insert(r.key.clone()) {
            c.report(&n.at("key"), format!("duplicate note key {:?}", r.key));
        }
        let amount = c.printed_amount(&n.at("amount_oku"), "amount_oku", &r.amount_oku, &r.quote);
        c.quote(&n.at("quote"), doc, &r.page, &r.quote, "quote");
        if let (Some(key), Some(amount), true) = (key, amount, c.clean_since(mark)) {
            notes.push(Note {
                key,
                amount,
                page: r.page.clone(),
                quote: r.quote.clone(),
                location: n.loc.clone(),
            });
        }
    }
    (figures, notes)
}

pub(super) fn check_projects(c: &mut Checker, d: &DocumentFiles) -> Vec<Project> {
    let doc = d.doc.rec.id.as_str();
    let mut numbers = BTreeSet::new();
    let mut out = Vec::new();
    for p in &d.projects {
        let mark = c.mark();
        let r = &p.rec;
        c.plain(&p.at("name"), "name", &r.name);
        c.plain(&p.at("name_en"), "name_en", &r.name_en);
        if r.number == 0 {
            c.report(&p.at("number"), "project number must be 1 or more");
        }
        if !numbers.insert(r.number) {
            c.report(
                &p.at("number"),
                format!("duplicate project number {}", r.number),
            );
        }
        let total = c.printed_amount(&p.at("total_oku"), "total_oku", &r.total_oku, &r.quote);
        let amed = c.printed_amount(&p.at("amed_oku"), "amed_oku", &r.amed_oku, &r.quote);
        let inhouse = match &r.inhouse_oku {
            Some(a) => c
                .printed_amount(&p.at("inhouse_oku"), "inhouse_oku", a, &r.quote)
                .map(Some),
            None => Some(None),
        };
        c.quote(&p.at("quote"), doc, &r.page, &r.quote, "quote");
        c.page(&p.at("diagram_page"), doc, &r.diagram_page, "diagram_page");
        c.page(&p.at("points_page"), doc, &r.points_page, "points_page");
        if let (Some(total), Some(amed), Some(inhouse), true) =
            (total, amed, inhouse, c.clean_since(mark))
        {
            out.push(Project {
                number: r.number,
                name: r.name.clone(),
                name_en: r.name_en.clone(),
                total,
                amed,
                inhouse,
                page: r.page.clone(),
                quote: r.quote.clone(),
                diagram_page: r.diagram_page.clone(),
                points_page: r.points_page.clone(),
                location: p.loc.clone(),
            });
        }
    }
    out
}

/// The explanations' own fields; whether each still explains a check is `reconcile`'s.
pub(super) fn check_explanations(c: &mut Checker, d: &DocumentFiles) -> Vec<Explanation> {
    let mut out = Vec::new();
    for e in &d.explained {
        let r = &e.rec;
        let difference = r.difference.trim().parse::<Decimal>().ok();
        if difference.is_none() {
            c.report(
                &e.at("difference"),
                format!(
                    "difference {:?} is not a signed decimal (e.g. \"-35\")",
                    r.difference
                ),
            );
        }
        if r.reasoning.trim().is_empty() {
            c.report(&e.loc, "an explanation needs its reasoning");
        }
        let (Some(difference), false) = (difference, r.reasoning.trim().is_empty()) else {
            continue;
        };
        out.push(Explanation {
            scope: r.scope.clone(),
            check: r.check.clone(),
            difference,
            reasoning: r.reasoning.clone(),
            location: e.loc.clone(),
        });
    }
    out
}
