//! The ◆ entries of the ポイント pages. Each entry is its own resource (a program may be
//! printed on several projects' pages, with different flags and bullets); the program's
//! year rolls them up.

use std::collections::BTreeMap;

use super::{boolean, int, ja, reiwa, Mapper, Names, Writer};
use crate::error::Result;
use crate::model::{Document, Entry, PhaseBasis};
use crate::rdf::concepts;
use crate::rdf::resource::Resource;
use crate::rdf::vocab::{dcterms, mrd, rdf, skos};

impl Mapper<'_> {
    pub(super) fn write_entries(&self, w: &mut Writer, d: &Document) -> Result<()> {
        let mut fund: BTreeMap<&str, bool> = BTreeMap::new();
        for e in &d.entries {
            self.write_entry(w, d, e)?;
            *fund.entry(e.program.slug.as_str()).or_default() |= e.fund;
        }
        for (slug, fund) in fund {
            let py = self.iri(&Resource::ProgramYear {
                slug: slug.to_owned(),
                year: d.fiscal_year,
            })?;
            w.t(&py, mrd::FUND_BASED, boolean(fund))?;
            if fund {
                w.t(&py, mrd::FLAG, mrd::FLAG_FUND)?;
            }
        }
        Ok(())
    }

    fn write_entry(&self, w: &mut Writer, d: &Document, e: &Entry) -> Result<()> {
        let year = d.fiscal_year;
        let slug = &e.program.slug;
        let py = self.iri(&Resource::ProgramYear {
            slug: slug.clone(),
            year,
        })?;
        let project = self.iri(&Resource::Project {
            year,
            number: e.project,
        })?;
        let entry = self.iri(&Resource::Entry {
            slug: slug.clone(),
            year,
            project: e.project,
            n: e.position,
        })?;
        w.t(&py, mrd::LISTED_IN, project.clone())?;
        w.t(&py, mrd::ENTRY, entry.clone())?;
        w.t(&entry, rdf::TYPE, mrd::PROGRAM_ENTRY)?;
        let (name_ja, name_en) = (&e.program.name, self.printed_en(&e.program, year));
        let (fy_ja, pj) = (reiwa(year), e.project);
        w.labels(
            &entry,
            &Names::new(
                format!("◆{name_ja}（{fy_ja} PJ{pj} ポイント）"),
                format!("◆ {name_en} (FY{year} project {pj} points page)"),
            ),
        )?;
        w.t(&entry, dcterms::IS_PART_OF, py.clone())?;
        w.t(&entry, mrd::PROJECT, project)?;
        w.t(&entry, mrd::NAME_AS_PRINTED, ja(&e.program.name))?;
        if !e.main_name {
            w.t(&py, skos::ALT_LABEL, ja(&e.program.name))?;
        }
        for m in &e.ministries {
            let org = self.ministry(m)?;
            w.t(&entry, mrd::MINISTRY, org.clone())?;
            w.t(&py, mrd::MINISTRY, org)?;
        }
        for (i, b) in e.bullets.iter().enumerate() {
            let bullet = self.iri(&Resource::Bullet {
                slug: slug.clone(),
                year,
                project: e.project,
                n: e.position,
                bullet: i + 1,
            })?;
            w.t(&entry, mrd::HAS_BULLET, bullet.clone())?;
            w.t(&bullet, rdf::TYPE, mrd::BULLET)?;
            w.labels(
                &bullet,
                &Names::new(
                    format!("{name_ja}の説明 {}（{fy_ja} PJ{pj}）", i + 1),
                    format!("{name_en}: bullet {} (FY{year} project {pj})", i + 1),
                ),
            )?;
            w.t(&bullet, mrd::ORDER, int(i as i64 + 1))?;
            w.t(&bullet, mrd::TEXT, ja(&b.text))?;
            w.t(&py, dcterms::DESCRIPTION, ja(&b.text))?;
            for f in &b.flags {
                w.t(&bullet, mrd::FLAG, concepts::flag(*f))?;
            }
            self.provenance(w, &bullet, &d.id, &e.page, &b.text)?;
        }
        for f in e.all_flags() {
            w.t(&entry, mrd::FLAG, concepts::flag(f))?;
            w.t(&py, mrd::FLAG, concepts::flag(f))?;
        }
        w.t(&entry, mrd::FUND_BASED, boolean(e.fund))?;
        for ph in &e.phases {
            let cov = self.iri(&Resource::PhaseCoverage {
                slug: slug.clone(),
                year,
                project: e.project,
                n: e.position,
                phase: ph.phase,
            })?;
            let phase = concepts::phase(ph.phase);
            w.t(&py, mrd::COVERS_PHASE, phase)?;
            w.t(&py, mrd::PHASE, cov.clone())?;
            w.t(&entry, mrd::PHASE, cov.clone())?;
            w.t(&cov, rdf::TYPE, mrd::PHASE_COVERAGE)?;
            let (phase_ja, phase_en) = concepts::label(concepts::phase(ph.phase));
            let (basis_ja, basis_en) = match ph.basis {
                PhaseBasis::Stated => ("記載", "stated"),
                PhaseBasis::Inferred => ("推定", "inferred"),
            };
            w.labels(
                &cov,
                &Names::new(
                    format!("{name_ja}：{phase_ja}（{basis_ja}、{fy_ja} PJ{pj}）"),
                    format!("{name_en}: {phase_en} ({basis_en}, FY{year} project {pj})"),
                ),
            )?;
            w.t(&cov, mrd::PHASE, phase)?;
            w.t(&cov, mrd::BASIS, concepts::phase_basis(ph.basis))?;
            self.provenance(w, &cov, &d.id, &e.page, &ph.quote)?;
        }
        self.provenance(w, &entry, &d.id, &e.page, &e.quote)?;
        self.provenance(w, &py, &d.id, &e.page, &e.quote)?;
        Ok(())
    }
}
