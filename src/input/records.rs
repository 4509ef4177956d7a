//! Records for every data file (serde): the shape of the curated data as written, one
//! struct per kind of TOML table. Codes and amounts stay text here; `check` turns them into
//! the typed model (`model`), reporting every one it cannot.
//!
//! Amounts are written in 億円 (the documents' unit) as decimal strings (`"431"`, `"0.5"`);
//! integers are accepted too.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
use toml::Spanned;

/// An amount as written in a data file: kept as text so that nothing is lost before
/// validation parses it as a decimal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountText(pub String);

impl<'de> Deserialize<'de> for AmountText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            S(String),
            I(i64),
            F(f64),
        }
        let raw = Raw::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "an amount in 億円 is text as printed, e.g. \"431\" or \"0.5\" (or a number)",
            )
        })?;
        Ok(AmountText(match raw {
            Raw::S(s) => s,
            Raw::I(i) => i.to_string(),
            Raw::F(f) => f.to_string(),
        }))
    }
}

/// Where a fact comes from: a page of one source document and the exact phrase.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub document: String,
    pub page: String,
    pub quote: String,
}

// ---------------------------------------------------------------- documents.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentsFile {
    #[serde(default)]
    pub document: Vec<Spanned<DocumentRec>>,
}

/// A source document (one budget-request PDF, as extracted text).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRec {
    /// Short id, also the name of the folder holding its records (`fy2024`).
    pub id: String,
    /// The extracted text, relative to the data folder.
    pub file: String,
    pub title: String,
    pub title_en: String,
    pub fiscal_year: i32,
    /// Number of the Healthcare Policy period the document belongs to (2 or 3).
    pub strategy: u32,
    /// Organization id of the publisher.
    pub publisher: String,
    pub license: String,
    pub rights: String,
    #[serde(default)]
    pub page: Vec<PageRec>,
}

/// A printed page: its label as printed and its line range in the text file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageRec {
    pub label: String,
    pub first_line: usize,
    pub last_line: usize,
    #[serde(default)]
    pub note: String,
}

// ---------------------------------------------------------------- reference.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceFile {
    #[serde(default)]
    pub strategy: Vec<Spanned<StrategyRec>>,
    #[serde(default)]
    pub fiscal_year: Vec<Spanned<FiscalYearRec>>,
    #[serde(default)]
    pub organization: Vec<Spanned<OrganizationRec>>,
}

/// A Healthcare Policy period (健康・医療戦略).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategyRec {
    pub number: u32,
    pub name: String,
    pub name_en: String,
    pub start_year: i32,
    pub end_year: i32,
    pub source: SourceRef,
}

/// A Japanese fiscal year (April to March).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiscalYearRec {
    pub year: i32,
    /// The era name as printed (令和6年度).
    pub name: String,
}

/// A ministry, agency or other organization.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationRec {
    pub id: String,
    /// The one-character code the documents use in parentheses (内 こ 総 文 厚 経), if any.
    #[serde(default)]
    pub code: Option<String>,
    pub name: String,
    pub name_en: String,
    /// Whether `name_en` is the organization's official English name.
    #[serde(default)]
    pub official_en: bool,
    /// ministry | agency | headquarters | funding-agency | regulator | network | aggregate
    pub kind: String,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub comment: Option<String>,
    /// Other names the documents print for it (e.g. （独）医薬品医療機器総合機構（ＰＭＤＡ）).
    #[serde(default)]
    pub aliases: Vec<String>,
}

// ---------------------------------------------------------------- <doc>/summary.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryFile {
    #[serde(default)]
    pub figure: Vec<Spanned<FigureRec>>,
    #[serde(default)]
    pub note: Vec<Spanned<NoteRec>>,
}

/// One figure of a summary table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureRec {
    /// `AMED` or `inhouse`.
    pub category: String,
    /// `total`, `request`, `youbou` or `prev_initial`.
    pub kind: String,
    /// `ALL` or a ministry code.
    pub ministry: String,
    pub amount_oku: AmountText,
    pub page: String,
    pub quote: String,
}

/// A figure stated in a sentence of the summary page (coordination fund, other expenses).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRec {
    /// coordination_fund_total | coordination_fund_medical | other_amed | other_inhouse
    pub key: String,
    pub amount_oku: AmountText,
    pub page: String,
    pub quote: String,
}

// ---------------------------------------------------------------- <doc>/projects.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectsFile {
    #[serde(default)]
    pub project: Vec<Spanned<ProjectRec>>,
}

/// An integrated project (統合プロジェクト) of one fiscal year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectRec {
    pub number: u32,
    pub name: String,
    /// English translation (unofficial).
    pub name_en: String,
    pub total_oku: AmountText,
    pub amed_oku: AmountText,
    #[serde(default)]
    pub inhouse_oku: Option<AmountText>,
    pub page: String,
    pub quote: String,
    pub diagram_page: String,
    pub points_page: String,
}

// ---------------------------------------------------------------- <doc>/lines.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinesFile {
    #[serde(default)]
    pub line: Vec<Spanned<LineRec>>,
}

/// One budget line (one ● item or amount) of a project's diagram page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineRec {
    /// The project whose diagram page prints the line; absent for a line of a reference page
    /// that belongs to no project (FY2024's （参考） vaccine page).
    #[serde(default)]
    pub project: Option<u32>,
    pub page: String,
    /// program | group | area | block | listed
    pub kind: String,
    /// Program names as printed, in document order.
    #[serde(default)]
    pub programs: Vec<String>,
    /// Name of an area or block line.
    #[serde(default)]
    pub label: String,
    /// English translation (unofficial) of `label`.
    #[serde(default)]
    pub label_en: String,
    #[serde(default)]
    pub amount_oku: Option<AmountText>,
    #[serde(default)]
    pub amount_quote: Option<String>,
    /// `AMED` or `inhouse`.
    #[serde(default = "default_funding")]
    pub funding: String,
    #[serde(default)]
    pub relisted: bool,
    /// A total the page prints for a block or area, restating the sum of other lines: never
    /// counted again.
    #[serde(default)]
    pub subtotal: bool,
    /// When the amount is written 'N億円の内数': N.
    #[serde(default)]
    pub share_of_oku: Option<AmountText>,
    #[serde(default)]
    pub fund: bool,
    #[serde(default)]
    pub fund_note: String,
    /// Supplementary budgets (補正予算額) the page prints for a fund.
    #[serde(default)]
    pub supplementary: Vec<SupplementaryRec>,
    pub quote: String,
    /// certain | inferred | ambiguous
    #[serde(default = "default_certainty")]
    pub certainty: String,
    #[serde(default)]
    pub alternatives: Vec<AmountText>,
    #[serde(default)]
    pub reasoning: String,
}

/// A supplementary budget (補正予算額) of a fund-based line: its fiscal year and amount.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplementaryRec {
    pub year: i32,
    pub amount_oku: AmountText,
    pub quote: String,
}

fn default_funding() -> String {
    "AMED".to_owned()
}

fn default_certainty() -> String {
    "certain".to_owned()
}

// ---------------------------------------------------------------- <doc>/programs.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramsFile {
    #[serde(default)]
    pub program: Vec<Spanned<ProgramRec>>,
}

/// One ◆ item of a project's ポイント page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramRec {
    pub project: u32,
    pub page: String,
    pub name: String,
    #[serde(default)]
    pub ministries: Vec<String>,
    #[serde(default)]
    pub flags: Vec<String>,
    #[serde(default)]
    pub fund: bool,
    pub quote: String,
    #[serde(default)]
    pub bullet: Vec<BulletRec>,
    #[serde(default)]
    pub phase: Vec<PhaseRec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulletRec {
    pub text: String,
    /// The flag printed at the start of the bullet: "", "新規", "拡充" or "新規・拡充".
    #[serde(default)]
    pub flag: String,
}

/// A phase a program covers: stated by the page, or inferred from its text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseRec {
    /// basic | applied | nonclinical | clinical | practical
    pub phase: String,
    /// stated | inferred
    pub basis: String,
    pub quote: String,
}

// ---------------------------------------------------------------- <doc>/links.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinksFile {
    #[serde(default)]
    pub link: Vec<Spanned<LinkRec>>,
}

/// A relation stated on a page (連携, 導出, support by a network...).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkRec {
    /// The project whose page prints it; absent on a page that belongs to no project.
    #[serde(default)]
    pub project: Option<u32>,
    pub page: String,
    /// The relation word(s) as printed.
    pub relation: String,
    /// The normalised kind (collaboration, derivation, support ...).
    pub kind: String,
    pub from: EndRec,
    pub to: EndRec,
    pub quote: String,
    /// certain | inferred | ambiguous: how sure the ends are.
    #[serde(default = "default_certainty")]
    pub certainty: String,
    #[serde(default)]
    pub reasoning: String,
    #[serde(default)]
    pub comment: String,
}

/// One end of a relation: the text as printed and what it names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndRec {
    /// As printed ("" when the page prints no end: an arrow label alone).
    #[serde(default)]
    pub text: String,
    /// project | program | organization | block | unspecified
    #[serde(rename = "type")]
    pub kind: String,
    /// For a project end: its number.
    #[serde(default)]
    pub project: Option<u32>,
    /// For an organization end: its id in reference.toml.
    #[serde(default)]
    pub org: Option<String>,
    /// An open-ended list ("…等").
    #[serde(default)]
    pub open: bool,
}

// ---------------------------------------------------------------- programs.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityFile {
    #[serde(default)]
    pub program: Vec<Spanned<IdentityRec>>,
}

/// A program (事業) across fiscal years: one resource whatever its yearly names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityRec {
    pub slug: String,
    /// The name each fiscal year's document prints, keyed by the year:
    /// `names = { 2024 = "…", 2026 = "…" }`.
    pub names: BTreeMap<String, String>,
    /// English name (unofficial unless `official_en`) of the latest name.
    pub label_en: String,
    /// English names of earlier names of a renamed program, keyed by year like `names`.
    #[serde(default)]
    pub names_en: BTreeMap<String, String>,
    #[serde(default)]
    pub official_en: bool,
    #[serde(default)]
    pub ministries: Vec<String>,
    #[serde(default)]
    pub evidence: String,
    /// Other spellings of the name in the documents.
    #[serde(default)]
    pub variants: Vec<String>,
    #[serde(default)]
    pub possibly_same_as: Option<String>,
}

// ---------------------------------------------------------------- <doc>/reconciliation.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReconciliationFile {
    #[serde(default)]
    pub explained: Vec<Spanned<ExplainedRec>>,
}

/// Why a reconciliation check differs beyond rounding, recorded so that `validate` reports it
/// as explained instead of failing. `scope`, `check` and `difference` are as the
/// reconciliation table prints them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExplainedRec {
    pub scope: String,
    pub check: String,
    /// The difference explained (sum − stated, as the table prints it, e.g. "-35"): an
    /// explanation stops applying when the difference changes.
    pub difference: String,
    pub reasoning: String,
}
