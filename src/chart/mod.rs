//! Charts of the budget figures, drawn in-process as SVG (`medrd-kg chart`) with the shared
//! drawing module ([`crate::draw`]): no plotting crate, XML only through its writer.
//!
//! Each chart kind reads the store through its queries in `queries/charts/` ([`data`]) and
//! draws one SVG document with a title, axes or a scale with the unit (億円), a legend, the
//! fiscal year(s) and the source documents with their pages. Figures the scrambled source
//! text leaves open (certainty inferred or ambiguous) are hatched and marked "?", with their
//! alternatives; a sum is uncertain if any of its figures is. The same store gives the same
//! bytes: every collection is ordered before it is drawn.
//!
//! ```no_run
//! use medrd_kg::chart::{chart, ChartKind, ChartOptions};
//! let store = medrd_kg::store::open_read_only(std::path::Path::new("store"))?;
//! let svg = chart(&store, ChartKind::Projects, &ChartOptions::default())?;
//! assert!(svg.starts_with("<?xml"));
//! # Ok::<(), medrd_kg::Error>(())
//! ```

mod bars;
mod change;
pub mod data;
mod flow;
mod frame;
pub mod loglog;
mod ministries;
mod projects;

use oxigraph::store::Store;

use crate::draw::Lang;
use crate::error::{Error, Result};

/// What a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Budget by integrated project, both years, AMED and in-house.
    Projects,
    /// Budget by ministry and funding category, both years.
    Ministries,
    /// Year-over-year change of the programs in both years.
    Change,
    /// Ministry → project → program flow of one year.
    Flow,
}

impl ChartKind {
    /// Every kind, for messages and `--kind`.
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Projects,
        ChartKind::Ministries,
        ChartKind::Change,
        ChartKind::Flow,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Projects => "projects",
            ChartKind::Ministries => "ministries",
            ChartKind::Change => "change",
            ChartKind::Flow => "flow",
        }
    }

    /// What the kind draws, for help texts.
    pub fn about(self) -> &'static str {
        match self {
            ChartKind::Projects => {
                "budget by integrated project, both fiscal years, AMED-targeted and in-house"
            }
            ChartKind::Ministries => "budget by ministry and funding category, both fiscal years",
            ChartKind::Change => "change of each program's request from FY2024 to FY2026",
            ChartKind::Flow => {
                "ministry → integrated project → program flow of one fiscal year (--year)"
            }
        }
    }

    /// The names of every kind, comma-separated.
    pub fn names() -> String {
        ChartKind::ALL.map(ChartKind::name).join(", ")
    }

    /// A kind by its name; anything else is an error naming every kind.
    pub fn parse(s: &str) -> Result<ChartKind> {
        ChartKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| Error::Choice {
                what: "chart kind",
                value: s.to_owned(),
                choices: ChartKind::names(),
            })
    }
}

/// How to draw a chart.
#[derive(Debug, Clone, Default)]
pub struct ChartOptions {
    /// The language of the labels (a label missing in it falls back to the other).
    pub lang: Lang,
    /// One fiscal year: the flow's year (default the latest), or the only panel of
    /// `projects` and `ministries` (default both). `change` always compares both.
    pub year: Option<u16>,
}

/// The chart `kind` of the store's data as an SVG document.
pub fn chart(store: &Store, kind: ChartKind, opts: &ChartOptions) -> Result<String> {
    let sources = data::sources(store)?;
    let mut years: Vec<u16> = sources.iter().map(|s| s.year).collect();
    years.sort_unstable();
    years.dedup();
    let year_list = years
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(y) = opts.year {
        if kind == ChartKind::Change {
            return Err(Error::Choice {
                what: "--year for the change chart",
                value: y.to_string(),
                choices: format!("no --year (the chart compares the fiscal years {year_list})"),
            });
        }
        if !years.contains(&y) {
            return Err(Error::Choice {
                what: "fiscal year",
                value: y.to_string(),
                choices: year_list,
            });
        }
    }
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Err(Error::Internal {
            message: "the store holds no source document: nothing to chart".into(),
            source: None,
        });
    };
    let shown: Vec<u16> = opts.year.map_or_else(|| years.clone(), |y| vec![y]);
    let lang = opts.lang;
    match kind {
        ChartKind::Projects => projects::draw(&data::projects(store)?, &sources, &shown, lang),
        ChartKind::Ministries => {
            ministries::draw(&data::ministries(store)?, &sources, &shown, lang)
        }
        ChartKind::Change => change::draw(
            &data::program_lines(store)?,
            &data::shared_lines(store)?,
            &sources,
            first,
            last,
            lang,
        ),
        ChartKind::Flow => flow::draw(
            &data::program_lines(store)?,
            &data::shared_lines(store)?,
            &data::program_ministries(store)?,
            &data::projects(store)?,
            &sources,
            opts.year.unwrap_or(last),
            lang,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name_and_a_wrong_name_lists_them() {
        for k in ChartKind::ALL {
            assert_eq!(ChartKind::parse(k.name()).ok(), Some(k));
        }
        let e = ChartKind::parse("nonsense").unwrap_err().to_string();
        assert!(e.contains("projects, ministries, change, flow"), "{e}");
    }
}
