//! `programs.toml`: programs across years, and the names (main and variant spellings) that
//! resolve to them in each year's document.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Checker;
use crate::input::records::IdentityRec;
use crate::input::RawData;
use crate::model::{Continuity, Program};
use crate::rdf::resource::is_slug;

/// The (year, name) pairs of a program in year order; keys that are not years are left out
/// (the check reports them).
fn yearly_names(r: &IdentityRec) -> Vec<(i32, String)> {
    let mut v: Vec<(i32, String)> = r
        .names
        .iter()
        .filter_map(|(y, n)| Some((y.parse().ok()?, n.clone())))
        .collect();
    v.sort();
    v
}

/// Resolves program names as printed in one fiscal year to program slugs.
#[derive(Debug, Default, Clone)]
pub struct ProgramNames {
    by_year: HashMap<(i32, String), String>,
    main: HashMap<(i32, String), String>,
}

impl ProgramNames {
    pub fn new(raw: &RawData) -> Self {
        let mut by_year = HashMap::new();
        let mut main = HashMap::new();
        for id in &raw.identities {
            let r = &id.rec;
            for (year, n) in yearly_names(r) {
                main.insert((year, n.clone()), r.slug.clone());
                by_year.insert((year, n), r.slug.clone());
                for v in &r.variants {
                    by_year.insert((year, v.clone()), r.slug.clone());
                }
            }
        }
        ProgramNames { by_year, main }
    }

    /// Whether `name` is the program's main name that year (not a variant spelling).
    pub fn is_main_name(&self, year: i32, name: &str) -> bool {
        self.main.contains_key(&(year, name.to_owned()))
    }

    pub fn slug(&self, year: i32, name: &str) -> Option<&str> {
        self.by_year
            .get(&(year, name.to_owned()))
            .map(String::as_str)
    }
}

pub(super) fn check(c: &mut Checker) -> Vec<Program> {
    let raw = c.raw;
    let slugs: BTreeSet<&str> = raw.identities.iter().map(|i| i.rec.slug.as_str()).collect();
    let years: BTreeSet<i32> = raw
        .documents
        .iter()
        .map(|d| d.doc.rec.fiscal_year)
        .collect();
    let mut seen = BTreeSet::new();
    let mut names: BTreeMap<(i32, String), String> = BTreeMap::new();
    let mut out = Vec::new();
    for i in &raw.identities {
        let mark = c.mark();
        let r = &i.rec;
        if !is_slug(&r.slug) {
            c.report(&i.at("slug"), format!("program slug {:?} is not a slug (lowercase ASCII letters, digits, single hyphens)", r.slug));
        }
        if !seen.insert(r.slug.as_str()) {
            c.report(
                &i.at("slug"),
                format!("duplicate program slug {:?}", r.slug),
            );
        }
        let mut ministries = Vec::new();
        for code in &r.ministries {
            ministries.extend(c.ministry(&i.at("ministries"), code));
        }
        for (key, name) in &r.names {
            match key.parse::<i32>() {
                Ok(y) if years.contains(&y) => {}
                _ => c.report(
                    &i.at("names"),
                    format!(
                        "names key {key:?} is not the fiscal year of a document: expected one of {}",
                        years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
                    ),
                ),
            }
            if name.trim().is_empty() {
                c.report(&i.at("names"), format!("the FY{key} name is empty"));
            }
            c.plain(&i.at("names"), &format!("the FY{key} name"), name);
        }
        let yearly = yearly_names(r);
        let continuity = Continuity::of(&yearly);
        if continuity.is_none() {
            c.report(
                &i.at("names"),
                "a program needs the name of at least one year",
            );
        }
        if continuity == Some(Continuity::Renamed) && r.evidence.trim().is_empty() {
            c.report(&i.at("names"), "the names differ between years (renamed): give the evidence that it is the same program");
        }
        let mut names_en = Vec::new();
        for (key, en) in &r.names_en {
            match (key.parse::<i32>(), yearly.iter().find(|(y, _)| y.to_string() == *key)) {
                (Ok(y), Some((_, n))) if Some(n) != yearly.last().map(|(_, n)| n) => {
                    names_en.push((y, en.clone()))
                }
                _ => c.report(&i.at("names_en"), format!("names_en {key:?}: only an earlier name of a renamed program takes its own English name (label_en is the latest name's)")),
            }
        }
        if let Some((_, latest)) = yearly.last() {
            for (y, n) in &yearly {
                if n != latest && !names_en.iter().any(|(e, _)| e == y) {
                    c.report(&i.at("names"), format!("the FY{y} name {n:?} differs from the latest: give its English name in names_en (label_en translates the latest)"));
                }
            }
        }
        if let Some(other) = &r.possibly_same_as {
            if !slugs.contains(other.as_str()) {
                c.report(
                    &i.at("possibly_same_as"),
                    format!("possibly_same_as {other:?} is not a known program slug"),
                );
            }
        }
        for (year, n) in &yearly {
            for v in &r.variants {
                if let Some(prev) = names.insert((*year, v.clone()), r.slug.clone()) {
                    if prev != r.slug {
                        c.report(
                            &i.at("variants"),
                            format!("variant {v:?} is already a name of program {prev:?}"),
                        );
                    }
                }
            }
            if let Some(prev) = names.insert((*year, n.clone()), r.slug.clone()) {
                c.report(
                    &i.at("names"),
                    format!("FY{year} name {n:?} is already used by program {prev:?}"),
                );
            }
        }
        if let (Some(continuity), true) = (continuity, c.clean_since(mark)) {
            out.push(Program {
                slug: r.slug.clone(),
                names: yearly,
                label_en: r.label_en.clone(),
                names_en,
                official_en: r.official_en,
                ministries,
                evidence: r.evidence.clone(),
                variants: r.variants.clone(),
                possibly_same_as: r.possibly_same_as.clone(),
                continuity,
                location: i.loc.clone(),
            });
        }
    }
    out
}
