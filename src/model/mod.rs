//! The typed, validated model of the data: what `check` returns once every record has been
//! checked, and the only thing that mapping, reconciliation and every later stage read.
//!
//! Codes are enums, amounts are [`Decimal`]s in 億円 as printed, references are resolved
//! (a program name to its slug, a ministry code to its organization), and every record keeps
//! the position it was read from. A value of these types is valid by construction: `check`
//! builds one only when its record has no problem.

pub mod codes;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use rust_decimal::Decimal;

pub use codes::*;

use crate::error::Location;

/// The whole data folder, checked.
#[derive(Debug, Clone)]
pub struct Model {
    pub root: PathBuf,
    pub strategies: Vec<Strategy>,
    pub fiscal_years: Vec<FiscalYear>,
    pub organizations: Vec<Organization>,
    pub programs: Vec<Program>,
    pub documents: Vec<Document>,
    /// The listings of documents held here by their header only (a streamed build maps each
    /// document's records as it reads them and keeps only this of them, for the lineage).
    pub listed: Listings,
}

/// A Healthcare Policy period (健康・医療戦略).
#[derive(Debug, Clone)]
pub struct Strategy {
    pub number: u32,
    pub name: String,
    pub name_en: String,
    pub start_year: i32,
    pub end_year: i32,
    /// Where the period is stated: document id, page label, phrase.
    pub document: String,
    pub page: String,
    pub quote: String,
    pub location: Location,
}

/// A Japanese fiscal year (April to March).
#[derive(Debug, Clone)]
pub struct FiscalYear {
    pub year: i32,
    /// The era name as printed (令和6年度).
    pub name: String,
}

/// A ministry, agency or other organization.
#[derive(Debug, Clone)]
pub struct Organization {
    pub id: String,
    /// The one-character code the documents print in parentheses (内 こ 総 文 厚 経).
    pub code: Option<String>,
    pub name: String,
    pub name_en: String,
    pub official_en: bool,
    pub kind: OrgKind,
    pub parent: Option<String>,
    pub comment: Option<String>,
    /// Other names the documents print for it.
    pub aliases: Vec<String>,
    pub location: Location,
}

/// A ministry named by its code, resolved to its organization.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct MinistryRef {
    pub code: String,
    /// The organization's id.
    pub org: String,
}

/// The ministry dimension of a summary figure: one ministry, or the sum over all.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum MinistryScope {
    All,
    One(MinistryRef),
}

impl MinistryScope {
    /// The code as the data writes it (`ALL` or the ministry's code).
    pub fn code(&self) -> &str {
        match self {
            MinistryScope::All => ALL_MINISTRIES,
            MinistryScope::One(m) => &m.code,
        }
    }

    /// The organization id (`all` for the sum).
    pub fn org(&self) -> &str {
        match self {
            MinistryScope::All => ALL_MINISTRIES_ID,
            MinistryScope::One(m) => &m.org,
        }
    }
}

/// How a program runs through the documents, derived from its yearly names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Continuity {
    /// The same name in each document that prints it, and in more than one.
    Continued,
    /// Two or more names.
    Renamed,
    /// Printed in the document of that year only.
    Only(i32),
}

impl Continuity {
    /// From the (year, name) pairs in year order; `None` when there are none.
    pub fn of(names: &[(i32, String)]) -> Option<Continuity> {
        match names {
            [] => None,
            [(year, _)] => Some(Continuity::Only(*year)),
            [(_, first), rest @ ..] if rest.iter().all(|(_, n)| n == first) => {
                Some(Continuity::Continued)
            }
            _ => Some(Continuity::Renamed),
        }
    }

    /// As the graph writes it: `continued`, `renamed`, `only2024`.
    pub fn as_string(self) -> String {
        match self {
            Continuity::Continued => "continued".to_owned(),
            Continuity::Renamed => "renamed".to_owned(),
            Continuity::Only(year) => format!("only{year}"),
        }
    }
}

/// A program (事業) across fiscal years: one resource whatever its yearly names.
#[derive(Debug, Clone)]
pub struct Program {
    pub slug: String,
    /// The name each year's document prints, in year order.
    pub names: Vec<(i32, String)>,
    pub label_en: String,
    /// English names of the earlier names of a renamed program, by year.
    pub names_en: Vec<(i32, String)>,
    pub official_en: bool,
    pub ministries: Vec<MinistryRef>,
    pub evidence: String,
    /// Other spellings of the name in the documents.
    pub variants: Vec<String>,
    pub possibly_same_as: Option<String>,
    pub continuity: Continuity,
    pub location: Location,
}

impl Program {
    /// The name the document of `year` prints.
    pub fn name_in(&self, year: i32) -> Option<&str> {
        self.names
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, n)| n.as_str())
    }

    /// The English name of the name `year` prints: its own translation for an earlier name
    /// of a renamed program, the program's English name otherwise.
    pub fn english_in(&self, year: i32) -> &str {
        self.names_en
            .iter()
            .find(|(y, _)| *y == year)
            .map_or(self.label_en.as_str(), |(_, n)| n.as_str())
    }

    /// The most recent name.
    pub fn latest_name(&self) -> Option<&str> {
        self.names.last().map(|(_, n)| n.as_str())
    }
}

/// A source document (one budget-request PDF, as extracted text) with everything read from
/// its folder.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    /// The extracted text, relative to the data folder.
    pub file: String,
    pub title: String,
    pub title_en: String,
    pub fiscal_year: i32,
    pub strategy: u32,
    /// Organization id of the publisher.
    pub publisher: String,
    /// An absolute http(s) IRI (checked).
    pub license: iri_string::types::IriString,
    pub rights: String,
    pub pages: Vec<Page>,
    pub figures: Vec<SummaryFigure>,
    pub notes: Vec<Note>,
    pub projects: Vec<Project>,
    pub lines: Vec<Line>,
    pub entries: Vec<Entry>,
    pub links: Vec<Link>,
    pub explanations: Vec<Explanation>,
    pub location: Location,
}

impl Document {
    /// Adds the projects each program of this document is listed under (by budget lines
    /// and ◆ entries) to `out`.
    pub fn list_into(&self, out: &mut Listings) {
        let by_slug = out.entry(self.fiscal_year).or_default();
        let from_lines = self.lines.iter().filter_map(|l| {
            l.scope
                .project()
                .map(|p| l.programs.iter().map(move |n| (&n.slug, p)))
        });
        let from_entries = self.entries.iter().map(|e| (&e.program.slug, e.project));
        for (slug, project) in from_lines.flatten().chain(from_entries) {
            by_slug.entry(slug.clone()).or_default().insert(project);
        }
    }

    /// The document without its records (header and page map): what the `meta` graph needs.
    pub fn header(&self) -> Document {
        Document {
            id: self.id.clone(),
            file: self.file.clone(),
            title: self.title.clone(),
            title_en: self.title_en.clone(),
            fiscal_year: self.fiscal_year,
            strategy: self.strategy,
            publisher: self.publisher.clone(),
            license: self.license.clone(),
            rights: self.rights.clone(),
            pages: self.pages.clone(),
            figures: Vec::new(),
            notes: Vec::new(),
            projects: Vec::new(),
            lines: Vec::new(),
            entries: Vec::new(),
            links: Vec::new(),
            explanations: Vec::new(),
            location: self.location.clone(),
        }
    }
}

/// A printed page: its label as printed and its line range in the text file.
#[derive(Debug, Clone)]
pub struct Page {
    pub label: String,
    pub first_line: usize,
    pub last_line: usize,
}

/// One figure of a summary table.
#[derive(Debug, Clone)]
pub struct SummaryFigure {
    pub category: Category,
    pub kind: Kind,
    pub ministry: MinistryScope,
    pub amount: Decimal,
    pub page: String,
    pub quote: String,
    pub location: Location,
}

impl SummaryFigure {
    /// The fiscal year the figure is about: the previous year for 前年度当初予算額.
    pub fn figure_year(&self, document_year: i32) -> i32 {
        if self.kind == Kind::PrevInitial {
            document_year - 1
        } else {
            document_year
        }
    }
}

/// A figure stated in a sentence of the summary page.
#[derive(Debug, Clone)]
pub struct Note {
    pub key: NoteKey,
    pub amount: Decimal,
    pub page: String,
    pub quote: String,
    pub location: Location,
}

/// An integrated project (統合プロジェクト) of one fiscal year.
#[derive(Debug, Clone)]
pub struct Project {
    pub number: u32,
    pub name: String,
    pub name_en: String,
    pub total: Decimal,
    pub amed: Decimal,
    pub inhouse: Option<Decimal>,
    pub page: String,
    pub quote: String,
    pub diagram_page: String,
    pub points_page: String,
    pub location: Location,
}

/// Where a budget line is printed: a project's diagram page, or a reference page that
/// belongs to no project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LineScope {
    Project(u32),
    Reference,
}

impl LineScope {
    pub fn project(self) -> Option<u32> {
        match self {
            LineScope::Project(p) => Some(p),
            LineScope::Reference => None,
        }
    }
}

/// A program name as printed, resolved to the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramName {
    pub name: String,
    pub slug: String,
}

/// A supplementary budget (補正予算額) of a fund-based line.
#[derive(Debug, Clone)]
pub struct Supplementary {
    pub year: i32,
    pub amount: Decimal,
    pub quote: String,
}

/// One budget line (one ● item or amount) of a diagram page.
#[derive(Debug, Clone)]
pub struct Line {
    pub scope: LineScope,
    /// Its place among the lines of its scope, from 1 (the IRI's last segment).
    pub position: usize,
    pub page: String,
    pub kind: LineKind,
    pub programs: Vec<ProgramName>,
    /// Name of an area or block line ("" otherwise).
    pub label: String,
    /// Its English translation (unofficial).
    pub label_en: String,
    pub amount: Option<Decimal>,
    pub amount_quote: Option<String>,
    pub funding: Category,
    pub relisted: bool,
    /// A printed total of other lines (a block or area sum): never counted again.
    pub subtotal: bool,
    /// When the amount is written 'N億円の内数': N.
    pub share_of: Option<Decimal>,
    pub fund: bool,
    pub fund_note: String,
    pub supplementary: Vec<Supplementary>,
    pub quote: String,
    pub certainty: Certainty,
    pub alternatives: Vec<Decimal>,
    pub reasoning: String,
    pub location: Location,
}

impl Line {
    /// The line's name: its label, or its programs joined with ／ as printed.
    pub fn display_name(&self) -> String {
        if self.label.is_empty() {
            self.programs
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(" ／ ")
        } else {
            self.label.clone()
        }
    }
}

/// A bullet of a ◆ entry, with the flags printed at its start.
#[derive(Debug, Clone)]
pub struct Bullet {
    pub text: String,
    pub flags: Vec<Flag>,
}

/// A phase a program covers: stated by the page, or inferred from its text.
#[derive(Debug, Clone)]
pub struct PhaseCoverage {
    pub phase: Phase,
    pub basis: PhaseBasis,
    pub quote: String,
}

/// One ◆ entry of a project's ポイント page.
#[derive(Debug, Clone)]
pub struct Entry {
    pub project: u32,
    /// Its place among the entries of the same program on the same project's page, from 1.
    pub position: usize,
    pub page: String,
    pub program: ProgramName,
    /// Whether the printed name is the program's main name that year (not a variant).
    pub main_name: bool,
    pub ministries: Vec<MinistryRef>,
    pub flags: Vec<Flag>,
    pub bullets: Vec<Bullet>,
    pub phases: Vec<PhaseCoverage>,
    pub fund: bool,
    pub quote: String,
    pub location: Location,
}

impl Entry {
    /// The entry's flags and those of its bullets.
    pub fn all_flags(&self) -> BTreeSet<Flag> {
        self.flags
            .iter()
            .chain(self.bullets.iter().flat_map(|b| b.flags.iter()))
            .copied()
            .collect()
    }
}

/// What an end of a relation names, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Party {
    Project(u32),
    /// A program's slug.
    Program(String),
    /// An organization's id.
    Organization(String),
    /// A block, area or column of the diagram (named by the text).
    Block,
    /// A party the page does not identify (企業, 他PJ), or no end printed.
    Unspecified,
}

impl Party {
    pub fn kind(&self) -> EndKind {
        match self {
            Party::Project(_) => EndKind::Project,
            Party::Program(_) => EndKind::Program,
            Party::Organization(_) => EndKind::Organization,
            Party::Block => EndKind::Block,
            Party::Unspecified => EndKind::Unspecified,
        }
    }
}

/// One end of a stated relation.
#[derive(Debug, Clone)]
pub struct End {
    /// As printed ("" when the page prints no end).
    pub text: String,
    pub party: Party,
    /// An open-ended list ("…等").
    pub open: bool,
}

/// A relation stated on a page (連携, 導出, support by a network...).
#[derive(Debug, Clone)]
pub struct Link {
    /// The project whose page prints it, or a reference page's.
    pub scope: LineScope,
    /// Its place among the links of its scope, from 1.
    pub position: usize,
    pub page: String,
    /// As printed.
    pub relation: String,
    pub kind: RelationKind,
    pub from: End,
    pub to: End,
    pub quote: String,
    pub certainty: Certainty,
    pub reasoning: String,
    pub comment: String,
    pub location: Location,
}

/// Why a reconciliation check differs beyond rounding (`reconciliation.toml`).
#[derive(Debug, Clone)]
pub struct Explanation {
    pub scope: String,
    pub check: String,
    /// The difference explained (sum − stated).
    pub difference: Decimal,
    pub reasoning: String,
    pub location: Location,
}

/// For each fiscal year, the projects each program is listed under (by budget lines and ◆
/// entries), by slug.
pub type Listings = BTreeMap<i32, BTreeMap<String, BTreeSet<u32>>>;

impl Model {
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.id == id)
    }

    /// The projects each program is listed under, per fiscal year: those of the documents
    /// held whole, and [`Model::listed`].
    pub fn listings(&self) -> Listings {
        let mut out = self.listed.clone();
        for d in &self.documents {
            d.list_into(&mut out);
        }
        out
    }

    /// Lineage between the projects of consecutive documents: for each pair of fiscal years
    /// and each (earlier project, later project), the programs listed under both.
    pub fn lineage(&self) -> Vec<Lineage> {
        let listings = self.listings();
        let years: Vec<i32> = listings.keys().copied().collect();
        let mut out = Vec::new();
        for pair in years.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            let (Some(earlier_years), Some(later_years)) = (listings.get(&from), listings.get(&to))
            else {
                continue;
            };
            let mut shared: BTreeMap<(u32, u32), BTreeSet<String>> = BTreeMap::new();
            for (slug, earlier) in earlier_years {
                let Some(later) = later_years.get(slug) else {
                    continue;
                };
                for a in earlier {
                    for b in later {
                        shared.entry((*a, *b)).or_default().insert(slug.clone());
                    }
                }
            }
            out.extend(shared.into_iter().map(|((a, b), programs)| Lineage {
                from_year: from,
                from_project: a,
                to_year: to,
                to_project: b,
                programs,
            }));
        }
        out
    }
}

/// Programs listed under a project of one year and under a project of the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    pub from_year: i32,
    pub from_project: u32,
    pub to_year: i32,
    pub to_project: u32,
    /// Slugs of the shared programs.
    pub programs: BTreeSet<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(pairs: &[(i32, &str)]) -> Vec<(i32, String)> {
        pairs.iter().map(|(y, n)| (*y, n.to_string())).collect()
    }

    #[test]
    fn continuity_follows_from_the_yearly_names() {
        let c = |p: &[(i32, &str)]| Continuity::of(&names(p)).map(Continuity::as_string);
        assert_eq!(c(&[(2024, "a"), (2026, "a")]).as_deref(), Some("continued"));
        assert_eq!(c(&[(2024, "a"), (2026, "b")]).as_deref(), Some("renamed"));
        assert_eq!(c(&[(2026, "b")]).as_deref(), Some("only2026"));
        assert_eq!(
            c(&[(2024, "a"), (2025, "a"), (2026, "a")]).as_deref(),
            Some("continued")
        );
        assert_eq!(c(&[]), None);
    }
}
