//! `reference.toml` (organizations, fiscal years, strategies) and the document headers of
//! `documents.toml` with their page maps.

use std::collections::BTreeSet;

use super::Checker;
use crate::input::DocumentFiles;
use crate::model::{Document, FiscalYear, OrgKind, Organization, Page, Strategy};
use crate::rdf::resource::is_slug;

/// The fiscal years the graph can name: from 令和元年 (2019), the first year of the era its
/// labels (令和N年度) count from, to 9999, the last year xsd:gYear writes with four digits
/// (the IRIs print and parse years as plain numbers, and tools sort them as text).
pub const YEARS: std::ops::RangeInclusive<i32> = 2019..=9999;

/// What the rest of the checks refer to.
pub(super) struct References {
    pub organizations: Vec<Organization>,
    pub fiscal_years: Vec<FiscalYear>,
    pub strategies: Vec<Strategy>,
    /// Every organization id (also those of organizations with problems).
    pub org_ids: BTreeSet<String>,
    pub years: BTreeSet<i32>,
    pub strategy_numbers: BTreeSet<u32>,
}

pub(super) fn check(c: &mut Checker) -> References {
    let org_ids = c
        .raw
        .organizations
        .iter()
        .map(|o| o.rec.id.clone())
        .collect();
    let organizations = check_organizations(c, &org_ids);
    let raw = c.raw;
    let mut years = BTreeSet::new();
    let mut fiscal_years = Vec::new();
    for y in &raw.fiscal_years {
        let era = format!("令和{}年度", y.rec.year.saturating_sub(2018));
        if !YEARS.contains(&y.rec.year) {
            c.report(
                &y.at("year"),
                format!(
                    "fiscal year {} is outside {}..={} (from 令和1年度, four digits)",
                    y.rec.year,
                    YEARS.start(),
                    YEARS.end()
                ),
            );
        } else if y.rec.name != era {
            c.report(
                &y.at("name"),
                format!(
                    "fiscal year {} is {era:?}, not {:?}",
                    y.rec.year, y.rec.name
                ),
            );
        } else if years.insert(y.rec.year) {
            fiscal_years.push(FiscalYear {
                year: y.rec.year,
                name: y.rec.name.clone(),
            });
        } else {
            c.report(
                &y.at("year"),
                format!("duplicate fiscal year {}", y.rec.year),
            );
        }
    }
    let mut strategy_numbers = BTreeSet::new();
    let mut strategies = Vec::new();
    for s in &raw.strategies {
        let mark = c.mark();
        let r = &s.rec;
        if !strategy_numbers.insert(r.number) {
            c.report(
                &s.at("number"),
                format!("duplicate strategy number {}", r.number),
            );
        }
        if r.start_year > r.end_year {
            c.report(&s.loc, "start_year is after end_year");
        }
        for (field, y) in [("start_year", r.start_year), ("end_year", r.end_year)] {
            if !YEARS.contains(&y) {
                c.report(
                    &s.at(field),
                    format!("{field} {y} is outside {}..={}", YEARS.start(), YEARS.end()),
                );
            }
        }
        let src = &r.source;
        c.quote_later(&s.at("source"), &src.document, &src.page, &src.quote);
        if c.clean_since(mark) {
            strategies.push(Strategy {
                number: r.number,
                name: r.name.clone(),
                name_en: r.name_en.clone(),
                start_year: r.start_year,
                end_year: r.end_year,
                document: src.document.clone(),
                page: src.page.clone(),
                quote: src.quote.clone(),
                location: s.loc.clone(),
            });
        }
    }
    check_document_ids(c);
    References {
        organizations,
        fiscal_years,
        strategies,
        org_ids,
        years,
        strategy_numbers,
    }
}

fn check_organizations(c: &mut Checker, ids: &BTreeSet<String>) -> Vec<Organization> {
    let raw = c.raw;
    let mut seen = BTreeSet::new();
    let mut codes = BTreeSet::new();
    let mut out = Vec::new();
    for o in &raw.organizations {
        let mark = c.mark();
        let r = &o.rec;
        c.plain(&o.at("name"), "name", &r.name);
        c.plain(&o.at("name_en"), "name_en", &r.name_en);
        if !is_slug(&r.id) {
            c.report(
                &o.at("id"),
                format!(
                    "organization id {:?} is not a slug (lowercase ASCII letters, digits, hyphens)",
                    r.id
                ),
            );
        }
        if !seen.insert(r.id.clone()) {
            c.report(&o.at("id"), format!("duplicate organization id {:?}", r.id));
        }
        let kind = c.code::<OrgKind>(&o.at("kind"), "organization kind", &r.kind);
        if let Some(code) = &r.code {
            if !codes.insert(code.clone()) {
                c.report(&o.at("code"), format!("duplicate ministry code {code:?}"));
            }
        }
        if let Some(p) = &r.parent {
            if !ids.contains(p) {
                c.report(
                    &o.at("parent"),
                    format!("parent {p:?} is not a known organization id"),
                );
            }
        }
        if let (Some(kind), true) = (kind, c.clean_since(mark)) {
            out.push(Organization {
                id: r.id.clone(),
                code: r.code.clone(),
                name: r.name.clone(),
                name_en: r.name_en.clone(),
                official_en: r.official_en,
                kind,
                parent: r.parent.clone(),
                comment: r.comment.clone(),
                aliases: r.aliases.clone(),
                location: o.loc.clone(),
            });
        }
    }
    out
}

/// Document ids name folders, graphs and IRIs: slugs, unique, one document per year.
fn check_document_ids(c: &mut Checker) {
    let raw = c.raw;
    let mut ids = BTreeSet::new();
    let mut per_year: std::collections::HashMap<i32, usize> = Default::default();
    for d in &raw.documents {
        *per_year.entry(d.doc.rec.fiscal_year).or_default() += 1;
    }
    for d in &raw.documents {
        let r = &d.doc.rec;
        if let Some(message) = crate::rdf::resource::document_id_problem(&r.id) {
            c.report(&d.doc.at("id"), message);
        }
        if !ids.insert(r.id.clone()) {
            c.report(&d.doc.at("id"), format!("duplicate document id {:?}", r.id));
        }
        if per_year.get(&r.fiscal_year).copied().unwrap_or(0) > 1 {
            c.report(&d.doc.at("fiscal_year"), format!("two documents for fiscal year {}: their IRIs would collide (one document per fiscal year)", r.fiscal_year));
        }
    }
}

/// A document's header and page map; its records are checked separately.
pub(super) fn check_header(
    c: &mut Checker,
    d: &DocumentFiles,
    refs: &References,
) -> Option<Document> {
    let mark = c.mark();
    let r = &d.doc.rec;
    c.plain(&d.doc.at("title"), "title", &r.title);
    c.plain(&d.doc.at("title_en"), "title_en", &r.title_en);
    if !refs.years.contains(&r.fiscal_year) {
        c.report(
            &d.doc.at("fiscal_year"),
            format!(
                "fiscal_year {} is not declared in reference.toml",
                r.fiscal_year
            ),
        );
    }
    if !refs.strategy_numbers.contains(&r.strategy) {
        c.report(
            &d.doc.at("strategy"),
            format!("strategy {} is not declared in reference.toml", r.strategy),
        );
    }
    if !refs.org_ids.contains(&r.publisher) {
        c.report(
            &d.doc.at("publisher"),
            format!("publisher {:?} is not a known organization id", r.publisher),
        );
    }
    let license = iri_string::types::IriString::try_from(r.license.clone())
        .ok()
        .filter(|l| matches!(l.scheme_str(), "http" | "https"));
    if license.is_none() {
        c.report(&d.doc.at("license"), format!("license {:?} is not an absolute http(s) IRI (e.g. https://creativecommons.org/licenses/by/4.0/)", r.license));
    }
    let pages = check_pages(c, d);
    let (Some(license), true) = (license, c.clean_since(mark)) else {
        return None;
    };
    Some(Document {
        id: r.id.clone(),
        file: r.file.clone(),
        title: r.title.clone(),
        title_en: r.title_en.clone(),
        fiscal_year: r.fiscal_year,
        strategy: r.strategy,
        publisher: r.publisher.clone(),
        license,
        rights: r.rights.clone(),
        pages,
        figures: Vec::new(),
        notes: Vec::new(),
        projects: Vec::new(),
        lines: Vec::new(),
        entries: Vec::new(),
        links: Vec::new(),
        explanations: Vec::new(),
        location: d.doc.loc.clone(),
    })
}

/// Page labels are unique, and the pages' line ranges lie in the text, in order.
fn check_pages(c: &mut Checker, d: &DocumentFiles) -> Vec<Page> {
    let n_lines = d.text.lines().count();
    let mut labels = BTreeSet::new();
    let mut previous_last = 0;
    let mut pages = Vec::new();
    for p in &d.doc.rec.page {
        let at = d.doc.at_text(&format!("label = \"{}\"", p.label));
        if !labels.insert(p.label.clone()) {
            c.report(&at, format!("duplicate page label {:?}", p.label));
        }
        if p.label.is_empty() || p.label == "." || p.label == ".." {
            c.report(
                &at,
                format!(
                    "page label {:?}: a page needs its label as printed (not empty, . or ..)",
                    p.label
                ),
            );
        }
        if p.first_line == 0 || p.first_line > p.last_line || p.last_line > n_lines {
            c.report(
                &at,
                format!(
                    "page {:?}: line range {}..{} is not within 1..{n_lines}",
                    p.label, p.first_line, p.last_line
                ),
            );
        }
        if p.first_line <= previous_last {
            c.report(
                &at,
                format!("page {:?} overlaps the previous page", p.label),
            );
        }
        previous_last = p.last_line;
        pages.push(Page {
            label: p.label.clone(),
            first_line: p.first_line,
            last_line: p.last_line,
        });
    }
    pages
}
