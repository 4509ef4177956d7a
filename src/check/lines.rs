//! `lines.toml`: the budget lines of the diagram pages.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::reference::References;
use super::Checker;
use crate::input::records::LineRec;
use crate::input::{DocumentFiles, Located};
use crate::model::{Category, Certainty, Line, LineKind, LineScope, ProgramName, Supplementary};

pub(super) fn check(
    c: &mut Checker,
    d: &DocumentFiles,
    projects: &BTreeSet<u32>,
    refs: &References,
) -> Vec<Line> {
    let mut positions: BTreeMap<LineScope, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for l in &d.lines {
        c.plain(&l.at("label"), "label", &l.rec.label);
        let scope = l
            .rec
            .project
            .map_or(LineScope::Reference, LineScope::Project);
        // numbered among the lines of its scope, whether or not this one has a problem, so
        // that a problem never shifts the IRIs of the lines after it
        let position = positions.entry(scope).or_insert(0);
        *position += 1;
        if let Some(line) = check_line(c, d, l, scope, *position, projects, refs) {
            out.push(line);
        }
    }
    out
}

fn check_line(
    c: &mut Checker,
    d: &DocumentFiles,
    l: &Located<LineRec>,
    scope: LineScope,
    position: usize,
    projects: &BTreeSet<u32>,
    refs: &References,
) -> Option<Line> {
    let doc = d.doc.rec.id.as_str();
    let year = d.doc.rec.fiscal_year;
    let mark = c.mark();
    let r = &l.rec;
    match r.project {
        Some(p) => c.project(&l.at("project"), doc, p, projects),
        None if r.amount_oku.is_some() || r.share_of_oku.is_some() => c.report(
            &l.loc,
            "a line outside any project (no `project`) cannot carry a request amount: give its project",
        ),
        None => {}
    }
    let supplementary = check_supplementary(c, d, l, refs);
    let kind = check_kind(c, l);
    let mut programs = Vec::new();
    for name in &r.programs {
        match c.names.slug(year, name) {
            Some(slug) => programs.push(ProgramName {
                name: name.clone(),
                slug: slug.to_owned(),
            }),
            None => c.report(&l.at("programs"), format!("program {name:?} is not in programs.toml for FY{year} (add it there, or fix the spelling)")),
        }
    }
    let funding = c.code::<Category>(&l.at("funding"), "funding", &r.funding);
    let (amount, share_of) = check_amounts(c, d, l);
    let mut alternatives = Vec::new();
    for a in &r.alternatives {
        alternatives.extend(c.amount(&l.at("alternatives"), "alternatives", a));
    }
    let certainty = check_certainty(c, l);
    c.quote(&l.at("quote"), doc, &r.page, &r.quote, "quote");
    if !c.clean_since(mark) {
        return None;
    }
    Some(Line {
        scope,
        position,
        page: r.page.clone(),
        kind: kind?,
        programs,
        label: r.label.clone(),
        label_en: r.label_en.clone(),
        amount,
        amount_quote: r.amount_quote.clone(),
        funding: funding?,
        relisted: r.relisted,
        subtotal: r.subtotal,
        share_of,
        fund: r.fund,
        fund_note: r.fund_note.clone(),
        supplementary: supplementary?,
        quote: r.quote.clone(),
        certainty: certainty?,
        alternatives,
        reasoning: r.reasoning.clone(),
        location: l.loc.clone(),
    })
}

/// The supplementary budgets (補正予算額) of a fund-based line.
fn check_supplementary(
    c: &mut Checker,
    d: &DocumentFiles,
    l: &Located<LineRec>,
    refs: &References,
) -> Option<Vec<Supplementary>> {
    let r = &l.rec;
    let mark = c.mark();
    let mut out = Vec::new();
    for s in &r.supplementary {
        let at = l.at_text(&s.quote);
        if !refs.years.contains(&s.year) {
            c.report(
                &at,
                format!(
                    "supplementary year {} is not declared in reference.toml",
                    s.year
                ),
            );
        }
        let amount = c.amount(&at, "supplementary amount_oku", &s.amount_oku);
        c.quote(&at, &d.doc.rec.id, &r.page, &s.quote, "supplementary quote");
        if let Some(amount) = amount {
            out.push(Supplementary {
                year: s.year,
                amount,
                quote: s.quote.clone(),
            });
        }
    }
    if !r.supplementary.is_empty() && !r.fund {
        c.report(
            &l.at("fund"),
            "a line with a supplementary budget (補正予算額) is fund-based: set fund = true",
        );
    }
    c.clean_since(mark).then_some(out)
}

/// The line's kind, and the number of programs or the label that kind needs.
fn check_kind(c: &mut Checker, l: &Located<LineRec>) -> Option<LineKind> {
    let r = &l.rec;
    let kind = c.code::<LineKind>(&l.at("kind"), "line kind", &r.kind)?;
    // a listed line has no amount, whatever else is wrong with it
    let mut ok = true;
    if kind == LineKind::Listed && (r.amount_oku.is_some() || r.share_of_oku.is_some()) {
        c.report(&l.loc, "a listed line has no amount");
        ok = false;
    }
    if r.subtotal
        && (!matches!(kind, LineKind::Area | LineKind::Block)
            || r.amount_oku.is_none()
            || r.relisted)
    {
        c.report(
            &l.loc,
            "a subtotal is an area or block line with an amount of its own (not re-listed)",
        );
        ok = false;
    }
    let problem = match kind {
        LineKind::Group if r.programs.len() < 2 => Some("a group line lists two or more programs"),
        LineKind::Area | LineKind::Block if r.label.trim().is_empty() => {
            Some("an area or block line needs its label")
        }
        LineKind::Area | LineKind::Block if r.label_en.trim().is_empty() => {
            Some("an area or block line needs the English translation of its label (label_en)")
        }
        _ if r.label.trim().is_empty() && !r.label_en.is_empty() => {
            Some("label_en translates a label: only an area or block line has one")
        }
        LineKind::Program | LineKind::Listed if r.programs.len() != 1 => {
            Some("a program or listed line names exactly one program")
        }
        _ => None,
    };
    match problem {
        Some(p) => {
            c.report(&l.loc, p);
            None
        }
        None => ok.then_some(kind),
    }
}

/// The amount or the 内数 share, each printed in the line's amount phrase.
fn check_amounts(
    c: &mut Checker,
    d: &DocumentFiles,
    l: &Located<LineRec>,
) -> (Option<Decimal>, Option<Decimal>) {
    let r = &l.rec;
    if r.amount_oku.is_some() && r.share_of_oku.is_some() {
        c.report(
            &l.loc,
            "a line has either amount_oku or share_of_oku ('N億円の内数'), not both",
        );
    }
    let Some(q) = &r.amount_quote else {
        for (field, a) in [
            ("amount_oku", &r.amount_oku),
            ("share_of_oku", &r.share_of_oku),
        ] {
            if let Some(a) = a {
                c.amount(&l.at(field), field, a);
                c.report(&l.loc, "a line with an amount needs its amount_quote");
            }
        }
        return (None, None);
    };
    c.quote(
        &l.at("amount_quote"),
        &d.doc.rec.id,
        &r.page,
        q,
        "amount_quote",
    );
    let amount = r
        .amount_oku
        .as_ref()
        .and_then(|a| c.printed_amount(&l.at("amount_oku"), "amount_oku", a, q));
    let share = r
        .share_of_oku
        .as_ref()
        .and_then(|a| c.printed_amount(&l.at("share_of_oku"), "share_of_oku", a, q));
    (amount, share)
}

/// How sure the figure is, with the reasoning and alternatives that certainty needs.
fn check_certainty(c: &mut Checker, l: &Located<LineRec>) -> Option<Certainty> {
    let r = &l.rec;
    let certainty = c.code::<Certainty>(&l.at("certainty"), "certainty", &r.certainty)?;
    let problem = match certainty {
        Certainty::Certain => None,
        _ if r.reasoning.trim().is_empty() => {
            Some("an inferred or ambiguous figure needs its reasoning")
        }
        Certainty::Ambiguous if r.alternatives.is_empty() => {
            Some("an ambiguous figure lists its alternatives")
        }
        _ => None,
    };
    match problem {
        Some(p) => {
            c.report(&l.loc, p);
            None
        }
        None => Some(certainty),
    }
}
