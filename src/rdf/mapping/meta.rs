//! The `meta` graph: what holds across documents.

use oxigraph::model::NamedNode;

use super::{en, int, ja, plain, reiwa, Mapper, Names, Writer};
use crate::error::Result;
use crate::model::{Continuity, Document, ALL_MINISTRIES, ALL_MINISTRIES_ID};
use crate::rdf::concepts::english_status;
use crate::rdf::resource::Resource;
use crate::rdf::vocab::{
    dcat, dcterms, foaf, language, license, mrd, org, prov, qb, rdf, rdfs, skos, void, ONTOLOGY,
};

impl Mapper<'_> {
    pub(super) fn write_meta(&self, w: &mut Writer) -> Result<()> {
        self.write_dataset(w)?;
        self.write_periods(w)?;
        self.write_organizations(w)?;
        for d in &self.model.documents {
            self.write_document_meta(w, d)?;
        }
        self.write_programs(w)?;
        self.write_lineage(w)
    }

    /// The dataset as a whole (VoID / DCAT).
    fn write_dataset(&self, w: &mut Writer) -> Result<()> {
        let ds = self.iri(&Resource::Dataset)?;
        w.t(&ds, rdf::TYPE, void::DATASET)?;
        w.t(&ds, rdf::TYPE, dcat::DATASET)?;
        let title = Names::new(
            "医療分野の研究開発関連予算 概算要求 ナレッジグラフ",
            "medrd-kg: Japan's medical R&D budget requests as a knowledge graph",
        );
        w.t(&ds, dcterms::TITLE, en(&title.en))?;
        w.t(&ds, dcterms::TITLE, ja(&title.ja))?;
        w.labels(&ds, &title)?;
        let years: Vec<String> = self
            .model
            .documents
            .iter()
            .map(|d| format!("FY{}", d.fiscal_year))
            .collect();
        w.t(&ds, dcterms::DESCRIPTION, en(&format!("Integrated projects, programs, ministries, R&D phases and budget figures of the budget requests for medical R&D (医療分野の研究開発関連予算 概算要求のポイント) of {}, each fact traced to its page and phrase.", years.join(", "))))?;
        let years_ja: Vec<String> = self
            .model
            .documents
            .iter()
            .map(|d| reiwa(d.fiscal_year))
            .collect();
        w.t(&ds, dcterms::DESCRIPTION, ja(&format!("{}の医療分野の研究開発関連予算 概算要求のポイントに記載された統合プロジェクト、事業、府省庁、研究開発フェーズ、予算額。各事実に出典のページと語句を付す。", years_ja.join("・"))))?;
        w.t(&ds, dcterms::LICENSE, license::CC_BY_4)?;
        w.t(&ds, void::URI_SPACE, plain(self.base.as_str()))?;
        w.t(&ds, void::VOCABULARY, ONTOLOGY)?;
        for d in &self.model.documents {
            let sub = self.iri(&Resource::DocumentDataset(d.id.clone()))?;
            w.t(&ds, void::SUBSET, sub)?;
        }
        Ok(())
    }

    /// Healthcare Policy periods and fiscal years.
    fn write_periods(&self, w: &mut Writer) -> Result<()> {
        let model = self.model;
        for s in &model.strategies {
            let iri = self.iri(&Resource::Strategy(s.number))?;
            w.t(&iri, rdf::TYPE, mrd::HEALTHCARE_POLICY)?;
            w.names(&iri, &s.name, &s.name_en)?;
            w.t(&iri, mrd::STRATEGY_NUMBER, int(s.number.into()))?;
            w.t(&iri, mrd::START_YEAR, int(s.start_year.into()))?;
            w.t(&iri, mrd::END_YEAR, int(s.end_year.into()))?;
            self.provenance(w, &iri, &s.document, &s.page, &s.quote)?;
        }
        for y in &model.fiscal_years {
            let iri = self.fiscal_year(y.year)?;
            w.t(&iri, rdf::TYPE, mrd::FISCAL_YEAR)?;
            // a code of the fiscal-year dimension's code list
            w.t(&iri, rdf::TYPE, skos::CONCEPT)?;
            w.t(&iri, skos::IN_SCHEME, mrd::FISCAL_YEARS)?;
            w.t(&iri, mrd::YEAR, int(y.year.into()))?;
            w.names(&iri, &y.name, &format!("FY{}", y.year))?;
            w.t(&iri, skos::NOTATION, plain(&y.year.to_string()))?;
            if let Some(s) = model
                .strategies
                .iter()
                .find(|s| s.start_year <= y.year && y.year <= s.end_year)
            {
                w.t(
                    &iri,
                    mrd::STRATEGY,
                    self.iri(&Resource::Strategy(s.number))?,
                )?;
            }
        }
        Ok(())
    }

    /// The ministries, agencies and networks, and `all` (the sum over ministries).
    fn write_organizations(&self, w: &mut Writer) -> Result<()> {
        let all = self.org(ALL_MINISTRIES_ID)?;
        w.t(&all, rdf::TYPE, org::ORGANIZATION)?;
        w.names(&all, "全府省庁（合計）", "All ministries (total)")?;
        w.t(&all, skos::NOTATION, plain(ALL_MINISTRIES))?;
        w.t(&all, rdfs::COMMENT, en("Stands for the sum over all ministries and agencies in figures that are not broken down by ministry."))?;
        for o in &self.model.organizations {
            let iri = self.org(&o.id)?;
            w.t(&iri, rdf::TYPE, org::ORGANIZATION)?;
            if o.kind.is_formal() {
                w.t(&iri, rdf::TYPE, org::FORMAL_ORGANIZATION)?;
            }
            w.names(&iri, &o.name, &o.name_en)?;
            w.t(&iri, mrd::ENGLISH_STATUS, english_status(o.official_en))?;
            w.t(&iri, org::IDENTIFIER, plain(&o.id))?;
            w.t(
                &iri,
                org::CLASSIFICATION,
                plain(crate::model::Code::as_str(o.kind)),
            )?;
            if let Some(code) = &o.code {
                w.t(&iri, skos::NOTATION, plain(code))?;
            }
            if let Some(p) = &o.parent {
                w.t(&iri, org::SUB_ORGANIZATION_OF, self.org(p)?)?;
            }
            if let Some(c) = &o.comment {
                w.t(&iri, rdfs::COMMENT, en(c))?;
            }
            for a in &o.aliases {
                w.t(&iri, skos::ALT_LABEL, ja(a))?;
            }
        }
        Ok(())
    }

    /// A source document, its pages and the Data Cube data set of its figures.
    fn write_document_meta(&self, w: &mut Writer, d: &Document) -> Result<()> {
        let doc = self.iri(&Resource::Document(d.id.clone()))?;
        w.t(&doc, rdf::TYPE, mrd::SOURCE_DOCUMENT)?;
        w.t(&doc, rdf::TYPE, foaf::DOCUMENT)?;
        w.t(&doc, rdf::TYPE, prov::ENTITY)?;
        w.t(&doc, dcterms::TITLE, ja(&d.title))?;
        w.t(&doc, rdfs::LABEL, ja(&d.title))?;
        w.t(&doc, rdfs::LABEL, en(&d.title_en))?;
        w.t(&doc, dcterms::PUBLISHER, self.org(&d.publisher)?)?;
        // checked to be an absolute IRI when the model was built
        w.t(
            &doc,
            dcterms::LICENSE,
            NamedNode::new_unchecked(d.license.as_str()),
        )?;
        w.t(&doc, dcterms::RIGHTS, ja(&d.rights))?;
        // the EU Publications Office's language authority, as DCAT-AP asks
        w.t(&doc, dcterms::LANGUAGE, language::JPN)?;
        w.t(
            &doc,
            mrd::FISCAL_YEAR_PROP,
            self.fiscal_year(d.fiscal_year)?,
        )?;
        w.t(
            &doc,
            mrd::STRATEGY,
            self.iri(&Resource::Strategy(d.strategy))?,
        )?;
        w.t(&doc, mrd::SOURCE_FILE, plain(&d.file))?;
        for p in &d.pages {
            let page = self.page(&d.id, &p.label)?;
            w.t(&page, rdf::TYPE, mrd::PAGE)?;
            w.t(&page, dcterms::IS_PART_OF, doc.clone())?;
            w.t(&page, mrd::PAGE_LABEL, plain(&p.label))?;
            let printed = if p.label == "summary" {
                "総括"
            } else {
                p.label.as_str()
            };
            w.labels(
                &page,
                &Names::new(
                    format!("{}資料 {printed}ページ", reiwa(d.fiscal_year)),
                    format!("FY{} document, page {}", d.fiscal_year, p.label),
                ),
            )?;
            w.t(&page, mrd::FIRST_LINE, int(p.first_line as i64))?;
            w.t(&page, mrd::LAST_LINE, int(p.last_line as i64))?;
        }
        let ds = self.iri(&Resource::DocumentDataset(d.id.clone()))?;
        w.t(&ds, rdf::TYPE, qb::DATA_SET)?;
        w.t(&ds, rdf::TYPE, void::DATASET)?;
        w.t(&ds, qb::STRUCTURE, mrd::BUDGET_STRUCTURE)?;
        w.t(&ds, rdfs::LABEL, ja(&format!("{}（数値）", d.title)))?;
        w.t(
            &ds,
            rdfs::LABEL,
            en(&format!(
                "Budget figures of the FY{} request",
                d.fiscal_year
            )),
        )?;
        w.t(&ds, prov::HAD_PRIMARY_SOURCE, doc.clone())?;
        w.t(&ds, dcterms::SOURCE, doc)?;
        w.t(&ds, mrd::FISCAL_YEAR_PROP, self.fiscal_year(d.fiscal_year)?)?;
        w.t(&ds, dcterms::LICENSE, license::CC_BY_4)
    }

    /// Programs across years: names, continuity, evidence, ministries.
    fn write_programs(&self, w: &mut Writer) -> Result<()> {
        for p in &self.model.programs {
            let iri = self.iri(&Resource::Program(p.slug.clone()))?;
            w.t(&iri, rdf::TYPE, mrd::PROGRAM)?;
            let latest = p.latest_name();
            if let Some(name) = latest {
                w.t(&iri, skos::PREF_LABEL, ja(name))?;
                w.t(&iri, rdfs::LABEL, ja(name))?;
            }
            w.t(&iri, skos::PREF_LABEL, en(&p.label_en))?;
            w.t(&iri, rdfs::LABEL, en(&p.label_en))?;
            w.t(&iri, mrd::ENGLISH_STATUS, english_status(p.official_en))?;
            for (year, n) in &p.names {
                if Some(n.as_str()) != latest {
                    w.t(&iri, skos::ALT_LABEL, ja(n))?;
                }
                let py = Resource::ProgramYear {
                    slug: p.slug.clone(),
                    year: *year,
                };
                w.t(&iri, mrd::APPEARS_IN, self.iri(&py)?)?;
            }
            for v in &p.variants {
                w.t(&iri, skos::ALT_LABEL, ja(v))?;
            }
            if p.continuity == Continuity::Renamed {
                for (_, earlier) in p.names.iter().filter(|(_, n)| Some(n.as_str()) != latest) {
                    w.t(&iri, mrd::RENAMED_FROM, ja(earlier))?;
                }
            }
            w.t(&iri, mrd::CONTINUITY, plain(&p.continuity.as_string()))?;
            if !p.evidence.trim().is_empty() {
                w.t(&iri, mrd::EVIDENCE, en(&p.evidence))?;
            }
            if let Some(o) = &p.possibly_same_as {
                w.t(
                    &iri,
                    mrd::POSSIBLY_SAME_AS,
                    self.iri(&Resource::Program(o.clone()))?,
                )?;
            }
            for m in &p.ministries {
                w.t(&iri, mrd::MINISTRY, self.ministry(m)?)?;
            }
        }
        Ok(())
    }

    /// Lineage between the projects of consecutive documents, derived from the programs they
    /// share, with the shared programs as evidence.
    fn write_lineage(&self, w: &mut Writer) -> Result<()> {
        for l in self.model.lineage() {
            let (from, a, to, b) = (l.from_year, l.from_project, l.to_year, l.to_project);
            let iri = self.iri(&Resource::Lineage {
                from_year: from,
                from_project: a,
                to_year: to,
                to_project: b,
            })?;
            let project = |year, number| Resource::Project { year, number };
            w.t(&iri, rdf::TYPE, mrd::PROJECT_LINEAGE)?;
            w.t(&iri, mrd::FROM_PROJECT, self.iri(&project(from, a))?)?;
            w.t(&iri, mrd::TO_PROJECT, self.iri(&project(to, b))?)?;
            let n = l.programs.len();
            w.t(&iri, mrd::SHARED_PROGRAM_COUNT, int(n as i64))?;
            w.labels(
                &iri,
                &Names::new(
                    format!("{} PJ{a} → {} PJ{b}", reiwa(from), reiwa(to)),
                    format!("FY{from} PJ{a} → FY{to} PJ{b}"),
                ),
            )?;
            w.t(&iri, rdfs::COMMENT, en(&format!("Derived: {n} program(s) listed under FY{from} project {a} are listed under FY{to} project {b}.")))?;
            for slug in &l.programs {
                w.t(
                    &iri,
                    mrd::SHARED_PROGRAM,
                    self.iri(&Resource::Program(slug.clone()))?,
                )?;
            }
        }
        Ok(())
    }
}
