//! The budget lines of the diagram pages (● items) and their figures.

use oxigraph::model::NamedNode;

use super::{boolean, dec, int, ja, plain, yen, Mapper, Names, Obs, Writer};
use crate::error::Result;
use crate::model::{Code, Document, Line, LineScope, ALL_MINISTRIES_ID};
use crate::rdf::concepts;
use crate::rdf::resource::Resource;
use crate::rdf::vocab::{mrd, prov, rdf};

impl Mapper<'_> {
    /// The line's name as printed, and in English: its programs' English names joined with
    /// " / ", or the translation the data gives of an area or block label.
    fn line_names(&self, l: &Line, year: i32) -> Names {
        let english = if l.label.is_empty() {
            l.programs
                .iter()
                .map(|p| self.printed_en(p, year))
                .collect::<Vec<_>>()
                .join(" / ")
        } else {
            l.label_en.clone()
        };
        Names::new(l.display_name(), english)
    }

    /// Official only for a line of one program whose English name is official.
    fn line_english_status(&self, l: &Line) -> oxigraph::model::NamedNodeRef<'static> {
        let official = l.label.is_empty()
            && matches!(l.programs.as_slice(), [p] if self
                .model
                .programs
                .iter()
                .any(|q| q.slug == p.slug && q.official_en));
        concepts::english_status(official)
    }

    pub(super) fn write_lines(&self, w: &mut Writer, d: &Document, ds: &NamedNode) -> Result<()> {
        for l in &d.lines {
            self.write_line(w, d, l, ds)?;
        }
        Ok(())
    }

    fn write_line(&self, w: &mut Writer, d: &Document, l: &Line, ds: &NamedNode) -> Result<()> {
        let year = d.fiscal_year;
        let (scope, n) = (l.scope, l.position);
        let iri = self.iri(&Resource::Line { year, scope, n })?;
        let project = l
            .scope
            .project()
            .map(|number| self.iri(&Resource::Project { year, number }))
            .transpose()?;
        w.t(&iri, rdf::TYPE, mrd::BUDGET_LINE)?;
        if let Some(project) = &project {
            w.t(&iri, mrd::PROJECT, project.clone())?;
        }
        w.t(&iri, mrd::FISCAL_YEAR_PROP, self.fiscal_year(year)?)?;
        w.t(&iri, mrd::ORDER, int(n as i64))?;
        w.t(&iri, mrd::LINE_KIND, plain(l.kind.as_str()))?;
        let names = self.line_names(l, year);
        // the label says which line it is; the name as printed is mrd:nameAsPrinted
        let (place_ja, place_en) = match l.scope {
            LineScope::Project(p) => (
                format!("{} PJ{p} 予算項目{n}", super::reiwa(year)),
                format!("FY{year} project {p}, budget line {n}"),
            ),
            LineScope::Reference => (
                format!("{} 参考ページ 予算項目{n}", super::reiwa(year)),
                format!("FY{year} reference page, budget line {n}"),
            ),
        };
        w.labels(
            &iri,
            &Names::new(
                format!("{}（{place_ja}）", names.ja),
                format!("{} ({place_en})", names.en),
            ),
        )?;
        w.t(&iri, mrd::ENGLISH_STATUS, self.line_english_status(l))?;
        w.t(&iri, mrd::NAME_AS_PRINTED, ja(&names.ja))?;
        if !l.label.is_empty() {
            w.t(&iri, mrd::LINE_LABEL, ja(&l.label))?;
        }
        for p in &l.programs {
            w.t(
                &iri,
                mrd::PROGRAM_PROP,
                self.iri(&Resource::Program(p.slug.clone()))?,
            )?;
            if let Some(project) = &project {
                let py = self.iri(&Resource::ProgramYear {
                    slug: p.slug.clone(),
                    year,
                })?;
                w.t(&py, mrd::LISTED_IN, project.clone())?;
            }
        }
        for sup in &l.supplementary {
            let f = self.iri(&Resource::SupplementaryFigure {
                year,
                scope,
                n,
                budget_year: sup.year,
            })?;
            let obs = Obs {
                dataset: ds,
                year: sup.year,
                subject: iri.clone(),
                subject_names: names.clone(),
                ministry: self.org(ALL_MINISTRIES_ID)?,
                ministry_names: None,
                category: mrd::CATEGORY_ALL,
                kind: mrd::KIND_SUPPLEMENTARY,
            };
            self.observation(w, &f, &obs, sup.amount)?;
            w.t(&iri, mrd::SUPPLEMENTARY_BUDGET, f.clone())?;
            self.provenance(w, &f, &d.id, &l.page, &sup.quote)?;
        }
        w.t(&iri, mrd::RELISTED, boolean(l.relisted))?;
        if l.subtotal {
            w.t(&iri, mrd::SUBTOTAL, boolean(true))?;
        }
        w.t(&iri, mrd::FUND_BASED, boolean(l.fund))?;
        if !l.fund_note.is_empty() {
            w.t(&iri, mrd::FUND_NOTE, ja(&l.fund_note))?;
        }
        if let Some(share) = l.share_of {
            w.t(&iri, mrd::SHARE_OF_AMOUNT, yen(share))?;
        }
        if let Some(amount) = l.amount {
            self.write_line_figure(w, d, l, ds, (&iri, &names), amount)?;
        } else if let Some(q) = &l.amount_quote {
            w.t(&iri, mrd::AMOUNT_QUOTE, ja(q))?;
        }
        self.provenance(w, &iri, &d.id, &l.page, &l.quote)
    }

    /// The line's requested amount, with its certainty, alternatives and reasoning.
    fn write_line_figure(
        &self,
        w: &mut Writer,
        d: &Document,
        l: &Line,
        ds: &NamedNode,
        (line, names): (&NamedNode, &Names),
        amount: rust_decimal::Decimal,
    ) -> Result<()> {
        let year = d.fiscal_year;
        let f = self.iri(&Resource::LineFigure {
            year,
            scope: l.scope,
            n: l.position,
        })?;
        let obs = Obs {
            dataset: ds,
            year,
            subject: line.clone(),
            subject_names: names.clone(),
            ministry: self.org(ALL_MINISTRIES_ID)?,
            ministry_names: None,
            category: concepts::category(l.funding),
            // the amount of a re-listing is its main line's money again: a kind of its own,
            // so that no sum over requests counts it twice
            kind: if l.relisted {
                mrd::KIND_RELISTED
            } else if l.subtotal {
                mrd::KIND_SUBTOTAL
            } else {
                mrd::KIND_REQUEST
            },
        };
        self.observation(w, &f, &obs, amount)?;
        w.t(line, mrd::HAS_FIGURE, f.clone())?;
        w.t(&f, mrd::CERTAINTY, concepts::certainty(l.certainty))?;
        for a in &l.alternatives {
            w.t(&f, mrd::ALTERNATIVE_AMOUNT, dec(*a))?;
        }
        if !l.reasoning.is_empty() {
            w.t(&f, mrd::REASONING, super::en(&l.reasoning))?;
        }
        w.t(&f, prov::WAS_DERIVED_FROM, self.page(&d.id, &l.page)?)?;
        if let Some(q) = &l.amount_quote {
            w.t(&f, mrd::AMOUNT_QUOTE, ja(q))?;
        }
        Ok(())
    }
}
