//! `programs.toml` of a document (the ◆ entries of the ポイント pages) and `links.toml`
//! (the relations the pages state).

use std::collections::{BTreeMap, BTreeSet};

use super::Checker;
use crate::input::records::ProgramRec;
use crate::input::{DocumentFiles, Located};
use crate::model::{
    Bullet, Code, Entry, Flag, Link, Phase, PhaseBasis, PhaseCoverage, ProgramName,
};

/// The flags of a bullet as printed: "", "新規", "拡充" or "新規・拡充".
pub fn bullet_flags(flag: &str) -> impl Iterator<Item = &str> {
    flag.split('・').map(str::trim).filter(|f| !f.is_empty())
}

pub(super) fn check_entries(
    c: &mut Checker,
    d: &DocumentFiles,
    projects: &BTreeSet<u32>,
) -> Vec<Entry> {
    let year = d.doc.rec.fiscal_year;
    let mut positions: BTreeMap<(String, u32), usize> = BTreeMap::new();
    let mut out = Vec::new();
    for p in &d.programs {
        let r = &p.rec;
        let program = match c.names.slug(year, &r.name) {
            Some(slug) => ProgramName {
                name: r.name.clone(),
                slug: slug.to_owned(),
            },
            None => {
                c.report(
                    &p.at("name"),
                    format!("program {:?} is not in programs.toml for FY{year}", r.name),
                );
                check_entry(c, d, p, projects, None, 0);
                continue;
            }
        };
        // a page may print the same program twice (its components): number them
        let position = positions
            .entry((program.slug.clone(), r.project))
            .or_insert(0);
        *position += 1;
        let position = *position;
        out.extend(check_entry(c, d, p, projects, Some(program), position));
    }
    out
}

fn check_entry(
    c: &mut Checker,
    d: &DocumentFiles,
    p: &Located<ProgramRec>,
    projects: &BTreeSet<u32>,
    program: Option<ProgramName>,
    position: usize,
) -> Option<Entry> {
    let doc = d.doc.rec.id.as_str();
    let year = d.doc.rec.fiscal_year;
    let mark = c.mark();
    let r = &p.rec;
    c.project(&p.at("project"), doc, r.project, projects);
    let mut ministries = Vec::new();
    for code in &r.ministries {
        ministries.extend(c.ministry(&p.at("ministries"), code));
    }
    if r.ministries.is_empty() {
        c.report(&p.loc, "a program names at least one ministry");
    }
    let mut flags = Vec::new();
    for f in &r.flags {
        flags.extend(c.code::<Flag>(&p.at("flags"), "flag", f));
    }
    c.quote(&p.at("quote"), doc, &r.page, &r.quote, "quote");
    let mut bullets = Vec::new();
    for b in &r.bullet {
        let at = p.at_text(&b.text);
        let mut flags = Vec::new();
        for f in bullet_flags(&b.flag) {
            match Flag::parse(f) {
                Some(f) => flags.push(f),
                None => c.report(
                    &at,
                    format!("unknown bullet flag {f:?}: expected one of {} (or two joined with ・, as printed: 新規・拡充)", Flag::choices()),
                ),
            }
        }
        c.quote(&at, doc, &r.page, &b.text, "bullet text");
        bullets.push(Bullet {
            text: b.text.clone(),
            flags,
        });
    }
    let mut phases = Vec::new();
    for ph in &r.phase {
        let at = p.at_text(&ph.quote);
        let phase = c.code::<Phase>(&at, "phase", &ph.phase);
        let basis = c.code::<PhaseBasis>(&at, "phase basis", &ph.basis);
        c.quote(&at, doc, &r.page, &ph.quote, "phase quote");
        if let (Some(phase), Some(basis)) = (phase, basis) {
            phases.push(PhaseCoverage {
                phase,
                basis,
                quote: ph.quote.clone(),
            });
        }
    }
    let program = program?;
    if !c.clean_since(mark) {
        return None;
    }
    Some(Entry {
        project: r.project,
        position,
        page: r.page.clone(),
        main_name: c.names.is_main_name(year, &program.name),
        program,
        ministries,
        flags,
        bullets,
        phases,
        fund: r.fund,
        quote: r.quote.clone(),
        location: p.loc.clone(),
    })
}

pub(super) fn check_links(
    c: &mut Checker,
    d: &DocumentFiles,
    projects: &BTreeSet<u32>,
) -> Vec<Link> {
    let doc = d.doc.rec.id.as_str();
    let year = d.doc.rec.fiscal_year;
    let raw = c.raw;
    let mut positions: BTreeMap<u32, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for l in &d.links {
        let mark = c.mark();
        let r = &l.rec;
        let position = positions.entry(r.project).or_insert(0);
        *position += 1;
        c.project(&l.at("project"), doc, r.project, projects);
        c.quote(&l.at("quote"), doc, &r.page, &r.quote, "quote");
        // an end that names a program or an organization (by name or alias) links to it
        let mut programs = Vec::new();
        let mut organizations = Vec::new();
        for name in [&r.from, &r.to] {
            programs.extend(c.names.slug(year, name).map(str::to_owned));
            let org = raw
                .organizations
                .iter()
                .find(|o| &o.rec.name == name || o.rec.aliases.contains(name));
            organizations.extend(org.map(|o| o.rec.id.clone()));
        }
        if c.clean_since(mark) {
            out.push(Link {
                project: r.project,
                position: *position,
                page: r.page.clone(),
                relation: r.relation.clone(),
                from: r.from.clone(),
                to: r.to.clone(),
                programs,
                organizations,
                quote: r.quote.clone(),
                comment: r.comment.clone(),
                location: l.loc.clone(),
            });
        }
    }
    out
}
