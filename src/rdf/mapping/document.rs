//! One document's graph: its budget and summary figures, the sums its sentences state, its
//! projects, the programs it prints and the relations it states.

use oxigraph::model::{NamedNode, NamedNodeRef};

use super::{en, int, ja, plain, reiwa, Mapper, Names, Obs, Writer};
use crate::error::Result;
use crate::model::{Code, Document, MinistryScope, NoteKey, Party, Project, ALL_MINISTRIES_ID};
use crate::rdf::concepts;
use crate::rdf::resource::{ProjectPart, Resource};
use crate::rdf::vocab::{mrd, rdf, rdfs, skos};

/// What a summary-page sentence states a figure of: its budget part, category and labels.
fn note_subject(key: NoteKey) -> (NamedNodeRef<'static>, &'static str, &'static str) {
    match key {
        NoteKey::CoordinationFundTotal => (
            mrd::CATEGORY_ALL,
            "科学技術イノベーション創造推進費",
            "Science, Technology and Innovation Creation Promotion Funds",
        ),
        NoteKey::CoordinationFundMedical => (
            mrd::CATEGORY_ALL,
            "科学技術イノベーション創造推進費のうち医療分野の研究開発関連の調整費",
            "Part of the promotion funds allotted to medical R&D coordination",
        ),
        NoteKey::OtherAmed => (
            mrd::CATEGORY_AMED,
            "各プロジェクトに含めていないAMED対象経費（AMED運営費交付金等）",
            "AMED-targeted expenses outside the projects (AMED operating grants etc.)",
        ),
        NoteKey::OtherInhouse => (
            mrd::CATEGORY_INHOUSE,
            "インハウス研究機関の運営経費等",
            "In-house institutes' expenses outside the projects (operating costs etc.)",
        ),
    }
}

impl Mapper<'_> {
    pub(super) fn write_document(&self, w: &mut Writer, d: &Document) -> Result<()> {
        let ds = self.iri(&Resource::DocumentDataset(d.id.clone()))?;
        let budget = self.write_budget(w, d)?;
        let names = Names::new("医療分野の研究開発関連予算", "medical R&D budget");
        self.write_summary(w, d, &ds, &budget, &names)?;
        for p in &d.projects {
            self.write_project(w, d, p, &ds)?;
        }
        self.write_program_years(w, d)?;
        self.write_lines(w, d, &ds)?;
        self.write_entries(w, d)?;
        self.write_links(w, d)
    }

    /// The fiscal year's medical R&D budget, the subject of the summary figures.
    fn write_budget(&self, w: &mut Writer, d: &Document) -> Result<NamedNode> {
        self.write_budget_of(w, d.fiscal_year)
    }

    fn write_budget_of(&self, w: &mut Writer, year: i32) -> Result<NamedNode> {
        let budget = self.iri(&Resource::Budget(year))?;
        let names = Names::new(
            format!("{} 医療分野の研究開発関連予算", reiwa(year)),
            format!("FY{year} medical R&D budget"),
        );
        w.t(&budget, rdf::TYPE, mrd::BUDGET)?;
        w.labels(&budget, &names)?;
        w.t(&budget, mrd::FISCAL_YEAR_PROP, self.fiscal_year(year)?)?;
        Ok(budget)
    }

    /// The figures of the summary tables and the sums the summary's sentences state.
    fn write_summary(
        &self,
        w: &mut Writer,
        d: &Document,
        ds: &NamedNode,
        budget: &NamedNode,
        budget_names: &Names,
    ) -> Result<()> {
        let year = d.fiscal_year;
        for f in &d.figures {
            // a previous year's initial budget is a figure of that year's budget
            let figure_year = f.figure_year(year);
            let subject = if figure_year == year {
                budget.clone()
            } else {
                self.write_budget_of(w, figure_year)?
            };
            let iri = self.iri(&Resource::SummaryFigure {
                year,
                category: f.category,
                kind: f.kind,
                ministry: f.ministry.org().to_owned(),
            })?;
            let obs = Obs {
                dataset: ds,
                year: figure_year,
                subject,
                // the label names the figure's year already
                subject_names: budget_names.clone(),
                ministry: self.org(f.ministry.org())?,
                ministry_names: match &f.ministry {
                    MinistryScope::All => None,
                    MinistryScope::One(m) => self.org_names(&m.org),
                },
                category: concepts::category(f.category),
                kind: concepts::kind(f.kind),
            };
            self.observation(w, &iri, &obs, f.amount)?;
            self.provenance(w, &iri, &d.id, &f.page, &f.quote)?;
        }
        for n in &d.notes {
            let iri = self.iri(&Resource::NoteFigure { year, key: n.key })?;
            let (category, label_ja, label_en) = note_subject(n.key);
            let subject = self.iri(&Resource::BudgetPart { year, key: n.key })?;
            let names = Names::new(label_ja, label_en);
            w.t(&subject, rdf::TYPE, mrd::BUDGET)?;
            w.labels(
                &subject,
                &Names::new(
                    format!("{} {}", reiwa(year), names.ja),
                    format!("FY{year} {}", names.en),
                ),
            )?;
            w.t(&subject, mrd::NOTE_KEY, plain(n.key.as_str()))?;
            let obs = Obs {
                dataset: ds,
                year,
                subject,
                subject_names: names,
                ministry: self.org(ALL_MINISTRIES_ID)?,
                ministry_names: None,
                category,
                kind: mrd::KIND_STATED_SUM,
            };
            self.observation(w, &iri, &obs, n.amount)?;
            self.provenance(w, &iri, &d.id, &n.page, &n.quote)?;
        }
        Ok(())
    }

    fn write_project(
        &self,
        w: &mut Writer,
        d: &Document,
        p: &Project,
        ds: &NamedNode,
    ) -> Result<()> {
        let year = d.fiscal_year;
        let iri = self.iri(&Resource::Project {
            year,
            number: p.number,
        })?;
        w.t(&iri, rdf::TYPE, mrd::INTEGRATED_PROJECT)?;
        w.t(&iri, mrd::PROJECT_NUMBER, int(p.number.into()))?;
        // the name is the project's prefLabel; its label says which year's project it is
        w.t(&iri, skos::PREF_LABEL, ja(&p.name))?;
        w.t(&iri, skos::PREF_LABEL, en(&p.name_en))?;
        w.labels(
            &iri,
            &Names::new(
                format!("{}（{}）", p.name, reiwa(year)),
                format!("{} (FY{year})", p.name_en),
            ),
        )?;
        w.t(&iri, mrd::ENGLISH_STATUS, mrd::UNOFFICIAL)?;
        w.t(&iri, mrd::FISCAL_YEAR_PROP, self.fiscal_year(year)?)?;
        w.t(
            &iri,
            mrd::STRATEGY,
            self.iri(&Resource::Strategy(d.strategy))?,
        )?;
        w.t(&iri, mrd::DIAGRAM_PAGE, self.page(&d.id, &p.diagram_page)?)?;
        w.t(&iri, mrd::POINTS_PAGE, self.page(&d.id, &p.points_page)?)?;
        self.provenance(w, &iri, &d.id, &p.page, &p.quote)?;
        let mut parts = vec![
            (ProjectPart::All, mrd::CATEGORY_ALL, p.total),
            (ProjectPart::Amed, mrd::CATEGORY_AMED, p.amed),
        ];
        if let Some(i) = p.inhouse {
            parts.push((ProjectPart::Inhouse, mrd::CATEGORY_INHOUSE, i));
        }
        for (part, category, amount) in parts {
            let f = self.iri(&Resource::ProjectFigure {
                year,
                number: p.number,
                part,
            })?;
            let obs = Obs {
                dataset: ds,
                year,
                subject: iri.clone(),
                subject_names: Names::new(&p.name, &p.name_en),
                ministry: self.org(ALL_MINISTRIES_ID)?,
                ministry_names: None,
                category,
                kind: mrd::KIND_TOTAL,
            };
            self.observation(w, &f, &obs, amount)?;
            self.provenance(w, &f, &d.id, &p.page, &p.quote)?;
        }
        Ok(())
    }

    /// One mrd:ProgramYear per program the document names, with the name it prints.
    fn write_program_years(&self, w: &mut Writer, d: &Document) -> Result<()> {
        let year = d.fiscal_year;
        for p in &self.model.programs {
            let Some(name) = p.name_in(year) else {
                continue;
            };
            let py = self.iri(&Resource::ProgramYear {
                slug: p.slug.clone(),
                year,
            })?;
            w.t(&py, rdf::TYPE, mrd::PROGRAM_YEAR)?;
            w.t(
                &py,
                mrd::PROGRAM_PROP,
                self.iri(&Resource::Program(p.slug.clone()))?,
            )?;
            w.t(&py, mrd::FISCAL_YEAR_PROP, self.fiscal_year(year)?)?;
            w.t(&py, mrd::NAME_AS_PRINTED, ja(name))?;
            w.t(
                &py,
                rdfs::LABEL,
                ja(&format!("{}（{}）", name, reiwa(year))),
            )?;
            w.t(
                &py,
                rdfs::LABEL,
                en(&format!("{} (FY{year})", p.english_in(year))),
            )?;
        }
        Ok(())
    }

    /// The relations the pages state (連携, 導出, support by a network...): the words as
    /// printed, their kind, both ends as printed and what they resolve to.
    fn write_links(&self, w: &mut Writer, d: &Document) -> Result<()> {
        let year = d.fiscal_year;
        for l in &d.links {
            let iri = self.iri(&Resource::Link {
                year,
                scope: l.scope,
                n: l.position,
            })?;
            w.t(&iri, rdf::TYPE, mrd::STATED_LINK)?;
            let (where_ja, where_en) = match l.scope.project() {
                Some(p) => (
                    format!("{} PJ{p}", reiwa(year)),
                    format!("FY{year} project {p} pages"),
                ),
                None => (
                    format!("{}資料 {}ページ", reiwa(year), l.page),
                    format!("FY{year} document, page {}", l.page),
                ),
            };
            let shown = |e: &crate::model::End| {
                if e.text.is_empty() {
                    "（記載なし）".to_owned()
                } else {
                    e.text.clone()
                }
            };
            w.labels(
                &iri,
                &Names::new(
                    format!(
                        "{} —{}→ {}（{where_ja}）",
                        shown(&l.from),
                        l.relation,
                        shown(&l.to)
                    ),
                    format!(
                        "{} —{}→ {} ({where_en}, relation no. {} as printed)",
                        shown(&l.from),
                        l.relation,
                        shown(&l.to),
                        l.position
                    ),
                ),
            )?;
            if let Some(number) = l.scope.project() {
                w.t(
                    &iri,
                    mrd::PROJECT,
                    self.iri(&Resource::Project { year, number })?,
                )?;
            }
            w.t(&iri, mrd::RELATION, ja(&l.relation))?;
            w.t(&iri, mrd::RELATION_KIND, concepts::relation_kind(l.kind))?;
            w.t(&iri, mrd::LINK_FROM, ja(&l.from.text))?;
            w.t(&iri, mrd::LINK_TO, ja(&l.to.text))?;
            let ends = [
                (&l.from, mrd::FROM_PARTY, mrd::FROM_TYPE, mrd::FROM_OPEN),
                (&l.to, mrd::TO_PARTY, mrd::TO_TYPE, mrd::TO_OPEN),
            ];
            for (end, party, kind, open) in ends {
                w.t(&iri, kind, concepts::end_kind(end.party.kind()))?;
                if end.open {
                    w.t(&iri, open, super::boolean(true))?;
                }
                let target = match &end.party {
                    Party::Project(number) => Some(self.iri(&Resource::Project {
                        year,
                        number: *number,
                    })?),
                    Party::Program(slug) => {
                        let program = self.iri(&Resource::Program(slug.clone()))?;
                        w.t(&iri, mrd::PROGRAM_PROP, program.clone())?;
                        Some(program)
                    }
                    Party::Organization(id) => {
                        let org = self.org(id)?;
                        w.t(&iri, mrd::ORGANIZATION, org.clone())?;
                        Some(org)
                    }
                    Party::Block | Party::Unspecified => None,
                };
                if let Some(target) = target {
                    w.t(&iri, party, target)?;
                }
            }
            w.t(&iri, mrd::CERTAINTY, concepts::certainty(l.certainty))?;
            if !l.reasoning.is_empty() {
                w.t(&iri, mrd::REASONING, ja(&l.reasoning))?;
            }
            if !l.comment.is_empty() {
                w.t(&iri, rdfs::COMMENT, en(&l.comment))?;
            }
            self.provenance(w, &iri, &d.id, &l.page, &l.quote)?;
        }
        Ok(())
    }
}
