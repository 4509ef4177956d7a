//! `programs.toml` of a document (the ◆ entries of the ポイント pages) and `links.toml`
//! (the relations the pages state).

use std::collections::{BTreeMap, BTreeSet};

use super::Checker;
use crate::input::records::{EndRec, LinkRec, ProgramRec};
use crate::input::{DocumentFiles, Located};
use crate::model::{
    Bullet, Certainty, Code, End, EndKind, Entry, Flag, LineScope, Link, Party, Phase, PhaseBasis,
    PhaseCoverage, ProgramName, RelationKind,
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
        c.plain(&p.at("name"), "name", &r.name);
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
    let mut positions: BTreeMap<LineScope, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for l in &d.links {
        let mark = c.mark();
        let r = &l.rec;
        let scope = r.project.map_or(LineScope::Reference, LineScope::Project);
        let position = positions.entry(scope).or_insert(0);
        *position += 1;
        if let Some(p) = r.project {
            c.project(&l.at("project"), doc, p, projects);
        }
        c.quote(&l.at("quote"), doc, &r.page, &r.quote, "quote");
        let kind = c.code::<RelationKind>(&l.at("kind"), "relation kind", &r.kind);
        let from = check_end(c, d, l, &r.from, "from", projects);
        let to = check_end(c, d, l, &r.to, "to", projects);
        let certainty = c.code::<Certainty>(&l.at("certainty"), "certainty", &r.certainty);
        if certainty.is_some_and(|c| c != Certainty::Certain) && r.reasoning.trim().is_empty() {
            c.report(
                &l.loc,
                "an inferred or ambiguous relation needs its reasoning",
            );
        }
        if let (Some(kind), Some(from), Some(to), Some(certainty), true) =
            (kind, from, to, certainty, c.clean_since(mark))
        {
            out.push(Link {
                scope,
                position: *position,
                page: r.page.clone(),
                relation: r.relation.clone(),
                kind,
                from,
                to,
                quote: r.quote.clone(),
                certainty,
                reasoning: r.reasoning.clone(),
                comment: r.comment.clone(),
                location: l.loc.clone(),
            });
        }
    }
    out
}

/// One end of a relation: what it names must exist (a project of the document, a program
/// of programs.toml by its printed name, an organization of reference.toml by its id), and
/// its printed text must be on the page.
fn check_end(
    c: &mut Checker,
    d: &DocumentFiles,
    l: &Located<LinkRec>,
    end: &EndRec,
    field: &str,
    projects: &BTreeSet<u32>,
) -> Option<End> {
    let doc = d.doc.rec.id.as_str();
    let year = d.doc.rec.fiscal_year;
    let at = l.at(field);
    let kind = c.code::<EndKind>(&at, &format!("{field} type"), &end.kind)?;
    if !end.text.is_empty() {
        c.quote(&at, doc, &l.rec.page, &end.text, &format!("{field} text"));
    }
    let needs = |what: &str| format!("a {} end needs {what}", kind.as_str());
    let party = match kind {
        EndKind::Project => match end.project {
            Some(p) => {
                c.project(&at, doc, p, projects);
                Party::Project(p)
            }
            None => {
                c.report(&at, needs("its number (project = N)"));
                return None;
            }
        },
        EndKind::Program => match c.names.slug(year, &end.text) {
            Some(slug) => Party::Program(slug.to_owned()),
            None => {
                c.report(&at, format!("{field} program {:?} is not in programs.toml for FY{year} (add the spelling to its variants, or fix it)", end.text));
                return None;
            }
        },
        EndKind::Organization => {
            let Some(id) = &end.org else {
                c.report(
                    &at,
                    needs("the organization's id (org = \"…\", from reference.toml)"),
                );
                return None;
            };
            if !c.raw.organizations.iter().any(|o| &o.rec.id == id) {
                let ids: Vec<&str> = c
                    .raw
                    .organizations
                    .iter()
                    .map(|o| o.rec.id.as_str())
                    .collect();
                c.report(
                    &at,
                    format!(
                        "unknown organization {id:?}: expected one of {}",
                        ids.join(", ")
                    ),
                );
                return None;
            }
            Party::Organization(id.clone())
        }
        EndKind::Block if end.text.is_empty() => {
            c.report(&at, needs("its text as printed"));
            return None;
        }
        EndKind::Block => Party::Block,
        EndKind::Unspecified => Party::Unspecified,
    };
    if (end.project.is_some() && kind != EndKind::Project)
        || (end.org.is_some() && kind != EndKind::Organization)
    {
        c.report(
            &at,
            format!("a {} end takes no project or org", kind.as_str()),
        );
        return None;
    }
    Some(End {
        text: end.text.clone(),
        party,
        open: end.open,
    })
}
