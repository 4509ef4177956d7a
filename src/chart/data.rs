//! The charts' data: the queries of `queries/charts/` run on the store and read into typed
//! rows (amounts as [`Decimal`] in 億円 as printed, a `certain` flag per figure).

use std::collections::BTreeMap;
use std::str::FromStr;

use oxigraph::model::Term;
use oxigraph::store::Store;
use rust_decimal::Decimal;

use crate::draw::Lang;
use crate::error::{Error, Result};
use crate::query::{run, Answer};

const PROJECTS: &str = include_str!("../../queries/charts/projects.rq");
const MINISTRIES: &str = include_str!("../../queries/charts/ministries.rq");
const PROGRAM_LINES: &str = include_str!("../../queries/charts/program_lines.rq");
const PROGRAM_MINISTRIES: &str = include_str!("../../queries/charts/program_ministries.rq");
const SOURCES: &str = include_str!("../../queries/charts/sources.rq");
const SHARED_LINES: &str = include_str!("../../queries/charts/shared_lines.rq");

/// A name in Japanese and English, either possibly missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Labels {
    pub ja: Option<String>,
    pub en: Option<String>,
}

impl Labels {
    pub fn new(ja: &str, en: &str) -> Labels {
        Labels {
            ja: Some(ja.to_owned()),
            en: Some(en.to_owned()),
        }
    }

    /// The name in `lang`, else in the other language, else `fallback`.
    pub fn get(&self, lang: Lang, fallback: &str) -> String {
        let pick = |l: Lang| match l {
            Lang::Ja => self.ja.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        pick(lang)
            .or_else(|| pick(lang.other()))
            .unwrap_or(fallback)
            .to_owned()
    }
}

/// One printed figure: the amount chosen, whether its assignment is certain, the other
/// amounts the text allows, and the page that prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub amount: Decimal,
    pub certain: bool,
    pub alternatives: Vec<Decimal>,
    pub page: Option<String>,
}

/// A sum of figures: uncertain if any of them is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sum {
    pub amount: Decimal,
    pub certain_part: Decimal,
    pub certain: bool,
    pub count: usize,
}

impl Sum {
    pub fn add(&mut self, f: &Figure) {
        if self.count == 0 {
            self.certain = true;
        }
        self.amount += f.amount;
        if f.certain {
            self.certain_part += f.amount;
        }
        self.certain &= f.certain;
        self.count += 1;
    }

    /// The part of the sum made of uncertain figures.
    pub fn uncertain_part(&self) -> Decimal {
        self.amount - self.certain_part
    }
}

/// A project's figures (kind total) in one year.
#[derive(Debug, Clone, Default)]
pub struct ProjectRow {
    pub year: u16,
    pub number: u32,
    pub name: Labels,
    pub total: Option<Figure>,
    pub amed: Option<Figure>,
    pub inhouse: Option<Figure>,
}

/// A ministry's figures (kind total) in one year's summary table; `code` "ALL" is the total.
#[derive(Debug, Clone, Default)]
pub struct MinistryRow {
    pub year: u16,
    pub code: String,
    pub name: Labels,
    pub amed: Option<Figure>,
    pub inhouse: Option<Figure>,
}

/// One figure of a single-program budget line.
#[derive(Debug, Clone)]
pub struct ProgramLine {
    pub year: u16,
    pub program: String,
    /// The program's name as that year's document prints it.
    pub name: Labels,
    pub project: u32,
    pub line: String,
    pub figure: Figure,
}

/// A budget line with one amount for several programs, or for a whole area or block
/// (`group`, `area`, `block`), that names `program` in `year`: the document prints no share
/// per program, so the program's own lines that year are only a lower bound of its amount.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SharedLine {
    pub year: u16,
    pub program: String,
    pub line: String,
    pub kind: String,
    /// The line's label as printed (may be missing).
    pub label: Option<String>,
    pub project: Option<u32>,
}

impl SharedLine {
    /// `がん・難病（PJ5）`, `group line (PJ1)` if the line has no label.
    pub fn describe(&self, lang: Lang) -> String {
        let label = self.label.clone().unwrap_or_else(|| match lang {
            Lang::Ja => format!("{}項目", self.kind),
            Lang::En => format!("{} line", self.kind),
        });
        match (self.project, lang) {
            (Some(n), Lang::Ja) => format!("{label}（PJ{n}）"),
            (Some(n), Lang::En) => format!("{label} (PJ{n})"),
            (None, _) => label,
        }
    }
}

/// A ministry a program-year's ◆ entry names.
#[derive(Debug, Clone)]
pub struct ProgramMinistry {
    pub year: u16,
    pub program: String,
    pub code: String,
    pub name: Labels,
}

/// A fiscal year's source document.
#[derive(Debug, Clone)]
pub struct Source {
    pub year: u16,
    pub title: Labels,
    pub publisher: Labels,
}

/// The rows of a SELECT answer, read by variable name.
struct Rows {
    what: &'static str,
    vars: Vec<String>,
    rows: Vec<Vec<Option<Term>>>,
}

fn shape(what: &str, message: &str) -> Error {
    Error::Internal {
        message: format!("the chart query {what}: {message}"),
        source: None,
    }
}

impl Rows {
    fn run(store: &Store, what: &'static str, text: &str) -> Result<Rows> {
        match run(store, text, None)? {
            Answer::Solutions { variables, rows } => Ok(Rows {
                what,
                vars: variables.iter().map(|v| v.as_str().to_owned()).collect(),
                rows,
            }),
            _ => Err(shape(what, "is not a SELECT query")),
        }
    }

    fn term<'a>(&self, row: &'a [Option<Term>], var: &str) -> Result<Option<&'a Term>> {
        let i = self
            .vars
            .iter()
            .position(|v| v == var)
            .ok_or_else(|| shape(self.what, &format!("has no variable ?{var}")))?;
        Ok(row.get(i).and_then(Option::as_ref))
    }

    /// The lexical value of a literal, or an IRI's text.
    fn opt_str(&self, row: &[Option<Term>], var: &str) -> Result<Option<String>> {
        Ok(self.term(row, var)?.map(|t| match t {
            Term::Literal(l) => l.value().to_owned(),
            Term::NamedNode(n) => n.as_str().to_owned(),
            other => other.to_string(),
        }))
    }

    fn str(&self, row: &[Option<Term>], var: &str) -> Result<String> {
        self.opt_str(row, var)?
            .ok_or_else(|| shape(self.what, &format!("left ?{var} unbound")))
    }

    fn opt_decimal(&self, row: &[Option<Term>], var: &str) -> Result<Option<Decimal>> {
        self.opt_str(row, var)?
            .map(|s| {
                Decimal::from_str(&s)
                    .or_else(|_| Decimal::from_scientific(&s))
                    .map_err(|_| shape(self.what, &format!("gave ?{var} = {s:?}, not a number")))
            })
            .transpose()
    }

    fn decimal(&self, row: &[Option<Term>], var: &str) -> Result<Decimal> {
        self.opt_decimal(row, var)?
            .ok_or_else(|| shape(self.what, &format!("left ?{var} unbound")))
    }

    fn int<T: FromStr>(&self, row: &[Option<Term>], var: &str) -> Result<T> {
        let s = self.str(row, var)?;
        s.parse()
            .map_err(|_| shape(self.what, &format!("gave ?{var} = {s:?}, not an integer")))
    }

    fn labels(&self, row: &[Option<Term>], ja: &str, en: &str) -> Result<Labels> {
        Ok(Labels {
            ja: self.opt_str(row, ja)?,
            en: self.opt_str(row, en)?,
        })
    }

    /// The figure of a row (`?amountOku ?certainty ?alternativeOku ?page`).
    fn figure(&self, row: &[Option<Term>]) -> Result<Figure> {
        Ok(Figure {
            amount: self.decimal(row, "amountOku")?,
            certain: self.str(row, "certainty")? == "certain",
            alternatives: self
                .opt_decimal(row, "alternativeOku")?
                .into_iter()
                .collect(),
            page: self.opt_str(row, "page")?,
        })
    }
}

/// Puts `f` into `slot`, or adds its alternatives to the figure already there (the queries
/// give one row per alternative).
fn merge(slot: &mut Option<Figure>, f: Figure) {
    match slot {
        Some(old) => {
            for a in f.alternatives {
                if !old.alternatives.contains(&a) {
                    old.alternatives.push(a);
                }
            }
            old.alternatives.sort();
        }
        None => *slot = Some(f),
    }
}

/// Every project's figures, by (year, number).
pub fn projects(store: &Store) -> Result<Vec<ProjectRow>> {
    let r = Rows::run(store, "projects.rq", PROJECTS)?;
    let mut out: BTreeMap<(u16, u32), ProjectRow> = BTreeMap::new();
    for row in &r.rows {
        let (year, number) = (r.int(row, "fiscalYear")?, r.int(row, "projectNumber")?);
        let p = out.entry((year, number)).or_insert_with(|| ProjectRow {
            year,
            number,
            ..ProjectRow::default()
        });
        p.name = r.labels(row, "nameJa", "nameEn")?;
        let f = r.figure(row)?;
        match r.str(row, "category")?.as_str() {
            "ALL" => merge(&mut p.total, f),
            "AMED" => merge(&mut p.amed, f),
            "inhouse" => merge(&mut p.inhouse, f),
            _ => {}
        }
    }
    Ok(out.into_values().collect())
}

/// Every ministry's summary figures, by year, in the documents' order of ministries.
pub fn ministries(store: &Store) -> Result<Vec<MinistryRow>> {
    let r = Rows::run(store, "ministries.rq", MINISTRIES)?;
    let mut out: BTreeMap<(u16, usize, String), MinistryRow> = BTreeMap::new();
    for row in &r.rows {
        let year = r.int(row, "fiscalYear")?;
        let code = r.str(row, "ministry")?;
        let m = out
            .entry((year, ministry_rank(&code), code.clone()))
            .or_insert_with(|| MinistryRow {
                year,
                code,
                ..MinistryRow::default()
            });
        m.name = r.labels(row, "ministryJa", "ministryEn")?;
        let f = r.figure(row)?;
        match r.str(row, "category")?.as_str() {
            "AMED" => merge(&mut m.amed, f),
            "inhouse" => merge(&mut m.inhouse, f),
            _ => {}
        }
    }
    Ok(out.into_values().collect())
}

/// The order in which the documents list the ministries (内 こ 総 文 厚 経, then 健), the
/// total first; unknown codes last.
pub fn ministry_rank(code: &str) -> usize {
    ["ALL", "内", "こ", "総", "文", "厚", "経", "健"]
        .iter()
        .position(|c| *c == code)
        .unwrap_or(usize::MAX)
}

/// Every figure of the single-program lines (both years), alternatives merged.
pub fn program_lines(store: &Store) -> Result<Vec<ProgramLine>> {
    let r = Rows::run(store, "program_lines.rq", PROGRAM_LINES)?;
    let mut out: Vec<ProgramLine> = Vec::new();
    for row in &r.rows {
        let line = ProgramLine {
            year: r.int(row, "fiscalYear")?,
            program: r.str(row, "program")?,
            name: r.labels(row, "nameJa", "nameEn")?,
            project: r.int(row, "projectNumber")?,
            line: r.str(row, "line")?,
            figure: r.figure(row)?,
        };
        match out.last_mut() {
            // rows of one figure are adjacent (ordered by line and alternative)
            Some(last) if last.line == line.line && last.figure.amount == line.figure.amount => {
                let mut slot = Some(last.figure.clone());
                merge(&mut slot, line.figure);
                if let Some(f) = slot {
                    last.figure = f;
                }
            }
            _ => out.push(line),
        }
    }
    Ok(out)
}

/// The ministries of every program-year.
pub fn program_ministries(store: &Store) -> Result<Vec<ProgramMinistry>> {
    let r = Rows::run(store, "program_ministries.rq", PROGRAM_MINISTRIES)?;
    r.rows
        .iter()
        .map(|row| {
            Ok(ProgramMinistry {
                year: r.int(row, "fiscalYear")?,
                program: r.str(row, "program")?,
                code: r.str(row, "ministry")?,
                name: r.labels(row, "ministryJa", "ministryEn")?,
            })
        })
        .collect()
}

/// Every (year, program) named in a shared budget line, with those lines, in order.
pub fn shared_lines(store: &Store) -> Result<Vec<SharedLine>> {
    let r = Rows::run(store, "shared_lines.rq", SHARED_LINES)?;
    let mut out = r
        .rows
        .iter()
        .map(|row| {
            Ok(SharedLine {
                year: r.int(row, "fiscalYear")?,
                program: r.str(row, "program")?,
                line: r.str(row, "line")?,
                kind: r.str(row, "lineKind")?,
                label: r.opt_str(row, "lineLabel")?,
                project: r
                    .opt_str(row, "projectNumber")?
                    .map(|s| {
                        s.parse().map_err(|_| {
                            shape(
                                "shared_lines.rq",
                                &format!("gave ?projectNumber = {s:?}, not an integer"),
                            )
                        })
                    })
                    .transpose()?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    out.sort();
    out.dedup();
    Ok(out)
}

/// The shared lines of `program` in `year`.
pub fn shared_of<'a>(shared: &'a [SharedLine], program: &str, year: u16) -> Vec<&'a SharedLine> {
    shared
        .iter()
        .filter(|s| s.year == year && s.program == program)
        .collect()
}

/// The source document of every fiscal year in the store.
pub fn sources(store: &Store) -> Result<Vec<Source>> {
    let r = Rows::run(store, "sources.rq", SOURCES)?;
    r.rows
        .iter()
        .map(|row| {
            Ok(Source {
                year: r.int(row, "fiscalYear")?,
                title: r.labels(row, "titleJa", "titleEn")?,
                publisher: r.labels(row, "publisherJa", "publisherEn")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(a: i64, certain: bool) -> Figure {
        Figure {
            amount: Decimal::from(a),
            certain,
            alternatives: vec![],
            page: None,
        }
    }

    #[test]
    fn a_sum_is_uncertain_if_any_part_is() {
        let mut s = Sum::default();
        s.add(&fig(10, true));
        assert!(s.certain);
        s.add(&fig(5, false));
        assert!(!s.certain);
        assert_eq!(s.amount, Decimal::from(15));
        assert_eq!(s.uncertain_part(), Decimal::from(5));
    }

    #[test]
    fn labels_fall_back_to_the_other_language() {
        let l = Labels {
            ja: Some("医薬品".into()),
            en: None,
        };
        assert_eq!(l.get(Lang::En, "?"), "医薬品");
        assert_eq!(Labels::default().get(Lang::Ja, "x"), "x");
    }

    #[test]
    fn alternatives_are_merged_sorted_and_once() {
        let mut slot = None;
        let mut a = fig(6, false);
        a.alternatives = vec![Decimal::from(4)];
        merge(&mut slot, a.clone());
        a.alternatives = vec![Decimal::from(3)];
        merge(&mut slot, a.clone());
        merge(&mut slot, a);
        assert_eq!(
            slot.map(|f| f.alternatives),
            Some(vec![Decimal::from(3), Decimal::from(4)])
        );
    }

    #[test]
    fn ministries_in_the_documents_order() {
        let mut codes = vec!["経", "文", "ALL", "内", "厚", "こ", "総"];
        codes.sort_by_key(|c| ministry_rank(c));
        assert_eq!(codes, ["ALL", "内", "こ", "総", "文", "厚", "経"]);
    }
}
