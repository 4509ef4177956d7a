//! Records → quads. Pure: no IO, vocabulary constants only, IRIs minted by `iri`.
//!
//! The mapping streams: each record becomes a handful of quads pushed into a [`QuadSink`],
//! so a sink that writes in batches (the store's bulk loader) keeps memory bounded
//! whatever the size of the input.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use rust_decimal::Decimal;

use crate::codes::*;
use crate::error::{Error, Result};
use crate::iri::{path, Base};
use crate::source::{Data, DocumentData, Located};
use crate::validate::{parse_amount, ProgramNames};
use crate::vocab::{self, dcterms, foaf, mrd, org, prov, qb, rdf, rdfs, skos, void, xsd};

/// Receives quads one at a time.
pub trait QuadSink {
    fn push(&mut self, quad: Quad) -> Result<()>;
}

impl QuadSink for Vec<Quad> {
    fn push(&mut self, quad: Quad) -> Result<()> {
        Vec::push(self, quad);
        Ok(())
    }
}

/// Yen per 億円.
const OKU: i64 = 100_000_000;
/// License of the source documents (政府標準利用規約 第2.0版 is compatible with CC BY 4.0).
const CC_BY_4: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://creativecommons.org/licenses/by/4.0/");

/// Names of the graphs the mapping writes, relative to the base.
pub const META_GRAPH: &str = "meta";
pub const ONTOLOGY_GRAPH: &str = "ontology";

fn ja(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "ja")
}
fn en(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "en")
}
fn int(i: i64) -> Literal {
    Literal::new_typed_literal(i.to_string(), xsd::INTEGER)
}
fn dec(d: Decimal) -> Literal {
    Literal::new_typed_literal(d.normalize().to_string(), xsd::DECIMAL)
}
fn boolean(b: bool) -> Literal {
    Literal::new_typed_literal(if b { "true" } else { "false" }, xsd::BOOLEAN)
}
fn plain(s: &str) -> Literal {
    Literal::new_simple_literal(s)
}

/// The official / unofficial status of an English name.
fn english_status(official: bool) -> NamedNodeRef<'static> {
    if official {
        mrd::OFFICIAL
    } else {
        mrd::UNOFFICIAL
    }
}

struct Writer<'s> {
    sink: &'s mut dyn QuadSink,
    graph: GraphName,
}

impl Writer<'_> {
    /// skos:prefLabel and rdfs:label in Japanese and English.
    fn names(&mut self, s: &NamedNode, name_ja: &str, name_en: &str) -> Result<()> {
        self.t(s, skos::PREF_LABEL, ja(name_ja))?;
        self.t(s, skos::PREF_LABEL, en(name_en))?;
        self.t(s, rdfs::LABEL, ja(name_ja))?;
        self.t(s, rdfs::LABEL, en(name_en))
    }

    fn t(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) -> Result<()> {
        self.sink
            .push(Quad::new(s.clone(), p, o, self.graph.clone()))
    }
}

/// The mapping of one data folder under one base.
pub struct Mapper<'a> {
    base: &'a Base,
    data: &'a Data,
    names: ProgramNames,
    org_by_code: BTreeMap<String, String>,
}

impl<'a> Mapper<'a> {
    pub fn new(base: &'a Base, data: &'a Data) -> Self {
        let org_by_code = data
            .organizations
            .iter()
            .filter_map(|o| o.rec.code.clone().map(|c| (c, o.rec.id.clone())))
            .collect();
        Mapper {
            base,
            data,
            names: ProgramNames::new(data),
            org_by_code,
        }
    }

    fn iri(&self, p: String) -> Result<NamedNode> {
        self.base.mint(&p)
    }

    /// The IRI of a named graph (`meta`, `ontology`, or a document id).
    pub fn graph_iri(&self, name: &str) -> Result<NamedNode> {
        self.iri(path::graph(name))
    }

    fn ministry(&self, code: &str) -> Result<NamedNode> {
        if code == ALL_MINISTRIES {
            return self.iri(path::organization(ALL_MINISTRIES_ID));
        }
        let id = self.org_by_code.get(code).ok_or_else(|| Error::Choice {
            what: "ministry code",
            value: code.to_owned(),
            choices: self
                .org_by_code
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
        })?;
        self.iri(path::organization(id))
    }

    fn page(&self, doc: &str, label: &str) -> Result<NamedNode> {
        self.iri(path::page(doc, label))
    }

    /// Writes all data graphs (meta + one per document) into `sink`.
    pub fn write(&self, sink: &mut dyn QuadSink) -> Result<()> {
        let mut w = Writer {
            sink,
            graph: self.graph_iri(META_GRAPH)?.into(),
        };
        self.write_meta(&mut w)?;
        for d in &self.data.documents {
            w.graph = self.graph_iri(&d.doc.rec.id)?.into();
            self.write_document(&mut w, d)?;
        }
        Ok(())
    }

    fn provenance(
        &self,
        w: &mut Writer,
        s: &NamedNode,
        doc: &str,
        page: &str,
        quote: &str,
    ) -> Result<()> {
        w.t(s, prov::WAS_DERIVED_FROM, self.page(doc, page)?)?;
        w.t(s, mrd::QUOTE, ja(quote))
    }

    fn write_meta(&self, w: &mut Writer) -> Result<()> {
        let data = self.data;
        // The dataset (VoID / DCAT).
        let ds = self.iri(path::dataset())?;
        w.t(&ds, rdf::TYPE, void::DATASET)?;
        w.t(&ds, rdf::TYPE, vocab::dcat::DATASET)?;
        w.t(
            &ds,
            dcterms::TITLE,
            en("medrd-kg: Japan's medical R&D budget requests as a knowledge graph"),
        )?;
        w.t(
            &ds,
            dcterms::TITLE,
            ja("医療分野の研究開発関連予算 概算要求 ナレッジグラフ"),
        )?;
        let years: Vec<String> = data
            .documents
            .iter()
            .map(|d| format!("FY{}", d.doc.rec.fiscal_year))
            .collect();
        w.t(&ds, dcterms::DESCRIPTION, en(&format!("Integrated projects, programs, ministries, R&D phases and budget figures of the budget requests for medical R&D (医療分野の研究開発関連予算 概算要求のポイント) of {}, each fact traced to its page and phrase.", years.join(", "))))?;
        w.t(&ds, dcterms::LICENSE, CC_BY_4)?;
        w.t(&ds, void::URI_SPACE, plain(self.base.as_str()))?;
        w.t(
            &ds,
            void::VOCABULARY,
            NamedNode::new_unchecked(vocab::MRD_NS),
        )?;
        for d in &data.documents {
            let sub = self.iri(path::dataset_for(&d.doc.rec.id))?;
            w.t(&ds, void::SUBSET, sub)?;
        }

        for s in &data.strategies {
            let r = &s.rec;
            let iri = self.iri(path::strategy(r.number))?;
            w.t(&iri, rdf::TYPE, mrd::HEALTHCARE_POLICY)?;
            w.names(&iri, &r.name, &r.name_en)?;
            w.t(&iri, mrd::STRATEGY_NUMBER, int(r.number.into()))?;
            w.t(&iri, mrd::START_YEAR, int(r.start_year.into()))?;
            w.t(&iri, mrd::END_YEAR, int(r.end_year.into()))?;
            self.provenance(w, &iri, &r.source.document, &r.source.page, &r.source.quote)?;
        }
        for y in &data.fiscal_years {
            let r = &y.rec;
            let iri = self.iri(path::fiscal_year(r.year))?;
            w.t(&iri, rdf::TYPE, mrd::FISCAL_YEAR)?;
            w.t(&iri, mrd::YEAR, int(r.year.into()))?;
            w.t(&iri, rdfs::LABEL, ja(&r.name))?;
            w.t(&iri, rdfs::LABEL, en(&format!("FY{}", r.year)))?;
            w.t(&iri, skos::NOTATION, plain(&r.year.to_string()))?;
            if let Some(s) = data
                .strategies
                .iter()
                .find(|s| s.rec.start_year <= r.year && r.year <= s.rec.end_year)
            {
                w.t(&iri, mrd::STRATEGY, self.iri(path::strategy(s.rec.number))?)?;
            }
        }
        let all = self.iri(path::organization(ALL_MINISTRIES_ID))?;
        w.t(&all, rdf::TYPE, org::ORGANIZATION)?;
        w.t(&all, skos::PREF_LABEL, ja("全府省庁（合計）"))?;
        w.t(&all, skos::PREF_LABEL, en("All ministries (total)"))?;
        w.t(&all, rdfs::LABEL, en("All ministries (total)"))?;
        w.t(&all, skos::NOTATION, plain(ALL_MINISTRIES))?;
        w.t(&all, rdfs::COMMENT, en("Stands for the sum over all ministries and agencies in figures that are not broken down by ministry."))?;
        for o in &data.organizations {
            let r = &o.rec;
            let iri = self.iri(path::organization(&r.id))?;
            w.t(&iri, rdf::TYPE, org::ORGANIZATION)?;
            if r.kind == "ministry" || r.kind == "agency" {
                w.t(&iri, rdf::TYPE, org::FORMAL_ORGANIZATION)?;
            }
            w.names(&iri, &r.name, &r.name_en)?;
            w.t(&iri, mrd::ENGLISH_STATUS, english_status(r.official_en))?;
            w.t(&iri, org::IDENTIFIER, plain(&r.id))?;
            w.t(&iri, org::CLASSIFICATION, plain(&r.kind))?;
            if let Some(code) = &r.code {
                w.t(&iri, skos::NOTATION, plain(code))?;
            }
            if let Some(p) = &r.parent {
                w.t(
                    &iri,
                    org::SUB_ORGANIZATION_OF,
                    self.iri(path::organization(p))?,
                )?;
            }
            if let Some(c) = &r.comment {
                w.t(&iri, rdfs::COMMENT, en(c))?;
            }
            for a in &r.aliases {
                w.t(&iri, skos::ALT_LABEL, ja(a))?;
            }
        }
        for d in &data.documents {
            self.write_document_meta(w, d)?;
        }
        self.write_programs(w)?;
        self.write_lineage(w)
    }

    /// The projects each program is listed under, per fiscal year (from budget lines and ◆ items).
    pub fn listings(&self) -> BTreeMap<i32, BTreeMap<String, BTreeSet<u32>>> {
        let mut out: BTreeMap<i32, BTreeMap<String, BTreeSet<u32>>> = BTreeMap::new();
        for d in &self.data.documents {
            let year = d.doc.rec.fiscal_year;
            let by_slug = out.entry(year).or_default();
            let names = d
                .lines
                .iter()
                .filter_map(|l| l.rec.project.map(|p| (l, p)))
                .flat_map(|(l, p)| l.rec.programs.iter().map(move |n| (n, p)));
            let entries = d.programs.iter().map(|p| (&p.rec.name, p.rec.project));
            for (name, project) in names.chain(entries) {
                if let Some(slug) = self.names.slug(year, name) {
                    by_slug.entry(slug.to_owned()).or_default().insert(project);
                }
            }
        }
        out
    }

    /// Lineage between the projects of consecutive documents, derived from the programs they
    /// share, with the shared programs as evidence.
    fn write_lineage(&self, w: &mut Writer) -> Result<()> {
        let listings = self.listings();
        let years: Vec<i32> = listings.keys().copied().collect();
        for pair in years.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            let mut shared: BTreeMap<(u32, u32), BTreeSet<String>> = BTreeMap::new();
            for (slug, earlier) in &listings[&from] {
                let Some(later) = listings[&to].get(slug) else {
                    continue;
                };
                for a in earlier {
                    for b in later {
                        shared.entry((*a, *b)).or_default().insert(slug.clone());
                    }
                }
            }
            for ((a, b), slugs) in shared {
                let iri = self.iri(format!("lineage/{from}/{a}/{to}/{b}"))?;
                w.t(&iri, rdf::TYPE, mrd::PROJECT_LINEAGE)?;
                w.t(&iri, mrd::FROM_PROJECT, self.iri(path::project(from, a))?)?;
                w.t(&iri, mrd::TO_PROJECT, self.iri(path::project(to, b))?)?;
                w.t(&iri, mrd::SHARED_PROGRAM_COUNT, int(slugs.len() as i64))?;
                w.t(
                    &iri,
                    rdfs::LABEL,
                    en(&format!("FY{from} PJ{a} → FY{to} PJ{b}")),
                )?;
                w.t(&iri, rdfs::COMMENT, en(&format!("Derived: {} program(s) listed under FY{from} project {a} are listed under FY{to} project {b}.", slugs.len())))?;
                for slug in &slugs {
                    w.t(&iri, mrd::SHARED_PROGRAM, self.iri(path::program(slug))?)?;
                }
            }
        }
        Ok(())
    }

    fn write_document_meta(&self, w: &mut Writer, d: &DocumentData) -> Result<()> {
        let r = &d.doc.rec;
        let doc = self.iri(path::document(&r.id))?;
        w.t(&doc, rdf::TYPE, mrd::SOURCE_DOCUMENT)?;
        w.t(&doc, rdf::TYPE, foaf::DOCUMENT)?;
        w.t(&doc, rdf::TYPE, prov::ENTITY)?;
        w.t(&doc, dcterms::TITLE, ja(&r.title))?;
        w.t(&doc, rdfs::LABEL, ja(&r.title))?;
        w.t(&doc, rdfs::LABEL, en(&r.title_en))?;
        w.t(
            &doc,
            dcterms::PUBLISHER,
            self.iri(path::organization(&r.publisher))?,
        )?;
        w.t(
            &doc,
            dcterms::LICENSE,
            NamedNode::new(&r.license).map_err(|e| Error::Iri {
                iri: r.license.clone(),
                what: "license".into(),
                message: e.to_string(),
            })?,
        )?;
        w.t(&doc, dcterms::RIGHTS, ja(&r.rights))?;
        w.t(&doc, dcterms::LANGUAGE, plain("ja"))?;
        w.t(
            &doc,
            mrd::FISCAL_YEAR_PROP,
            self.iri(path::fiscal_year(r.fiscal_year))?,
        )?;
        w.t(&doc, mrd::STRATEGY, self.iri(path::strategy(r.strategy))?)?;
        w.t(&doc, mrd::SOURCE_FILE, plain(&r.file))?;
        for p in &r.page {
            let page = self.page(&r.id, &p.label)?;
            w.t(&page, rdf::TYPE, mrd::PAGE)?;
            w.t(&page, dcterms::IS_PART_OF, doc.clone())?;
            w.t(&page, mrd::PAGE_LABEL, plain(&p.label))?;
            w.t(
                &page,
                rdfs::LABEL,
                en(&format!("FY{} document, page {}", r.fiscal_year, p.label)),
            )?;
            w.t(&page, mrd::FIRST_LINE, int(p.first_line as i64))?;
            w.t(&page, mrd::LAST_LINE, int(p.last_line as i64))?;
        }
        let ds = self.iri(path::dataset_for(&r.id))?;
        w.t(&ds, rdf::TYPE, qb::DATA_SET)?;
        w.t(&ds, rdf::TYPE, void::DATASET)?;
        w.t(&ds, qb::STRUCTURE, mrd::BUDGET_STRUCTURE)?;
        w.t(&ds, rdfs::LABEL, ja(&format!("{}（数値）", r.title)))?;
        w.t(
            &ds,
            rdfs::LABEL,
            en(&format!(
                "Budget figures of the FY{} request",
                r.fiscal_year
            )),
        )?;
        w.t(&ds, prov::HAD_PRIMARY_SOURCE, doc.clone())?;
        w.t(&ds, dcterms::SOURCE, doc)?;
        w.t(
            &ds,
            mrd::FISCAL_YEAR_PROP,
            self.iri(path::fiscal_year(r.fiscal_year))?,
        )?;
        w.t(&ds, dcterms::LICENSE, CC_BY_4)
    }

    fn write_programs(&self, w: &mut Writer) -> Result<()> {
        for i in &self.data.identities {
            let r = &i.rec;
            let iri = self.iri(path::program(&r.slug))?;
            w.t(&iri, rdf::TYPE, mrd::PROGRAM)?;
            let names = r.yearly_names();
            let latest = names.last().map(|(_, n)| *n);
            if let Some(name) = latest {
                w.t(&iri, skos::PREF_LABEL, ja(name))?;
                w.t(&iri, rdfs::LABEL, ja(name))?;
            }
            w.t(&iri, skos::PREF_LABEL, en(&r.label_en))?;
            w.t(&iri, rdfs::LABEL, en(&r.label_en))?;
            w.t(&iri, mrd::ENGLISH_STATUS, english_status(r.official_en))?;
            for (year, n) in &names {
                if Some(*n) != latest {
                    w.t(&iri, skos::ALT_LABEL, ja(n))?;
                }
                w.t(
                    &iri,
                    mrd::APPEARS_IN,
                    self.iri(path::program_year(&r.slug, *year))?,
                )?;
            }
            for v in &r.variants {
                w.t(&iri, skos::ALT_LABEL, ja(v))?;
            }
            w.t(&iri, mrd::CONTINUITY, plain(&r.continuity()))?;
            if !r.evidence.trim().is_empty() {
                w.t(&iri, mrd::EVIDENCE, ja(&r.evidence))?;
            }
            if let Some(o) = &r.possibly_same_as {
                w.t(&iri, mrd::POSSIBLY_SAME_AS, self.iri(path::program(o))?)?;
            }
            for m in &r.ministries {
                w.t(&iri, mrd::MINISTRY, self.ministry(m)?)?;
            }
        }
        Ok(())
    }

    fn write_document(&self, w: &mut Writer, d: &DocumentData) -> Result<()> {
        let doc = d.doc.rec.id.as_str();
        let year = d.doc.rec.fiscal_year;
        let ds = self.iri(path::dataset_for(doc))?;
        let fy = self.iri(path::fiscal_year(year))?;
        let budget = self.iri(format!("budget/{year}"))?;
        w.t(&budget, rdf::TYPE, mrd::BUDGET)?;
        w.t(
            &budget,
            rdfs::LABEL,
            ja(&format!(
                "令和{}年度 医療分野の研究開発関連予算",
                year - 2018
            )),
        )?;
        w.t(
            &budget,
            rdfs::LABEL,
            en(&format!("FY{year} medical R&D budget")),
        )?;
        w.t(&budget, mrd::FISCAL_YEAR_PROP, fy.clone())?;

        for f in &d.figures {
            let r = &f.rec;
            let (Some(c), Some(k)) = (Category::parse(&r.category), Kind::parse(&r.kind)) else {
                continue;
            };
            let m_id = if r.ministry == ALL_MINISTRIES {
                ALL_MINISTRIES_ID.to_owned()
            } else {
                self.org_by_code
                    .get(&r.ministry)
                    .cloned()
                    .unwrap_or_default()
            };
            let iri = self.iri(path::summary_figure(
                year,
                &c.as_str().to_lowercase(),
                &k.as_str().replace('_', "-"),
                &m_id,
            ))?;
            let figure_year = if k == Kind::PrevInitial {
                year - 1
            } else {
                year
            };
            let obs = Obs {
                dataset: &ds,
                fiscal_year: self.iri(path::fiscal_year(figure_year))?,
                subject: budget.clone(),
                ministry: self.ministry(&r.ministry)?,
                category: c.iri(),
                kind: k.iri(),
            };
            self.observation(w, &iri, &obs, &r.amount_oku)?;
            self.provenance(w, &iri, doc, &r.page, &r.quote)?;
        }
        for n in &d.notes {
            let r = &n.rec;
            let Some(key) = NoteKey::parse(&r.key) else {
                continue;
            };
            let iri = self.iri(path::note_figure(year, &r.key))?;
            let (subject, category, label_ja, label_en) = match key {
                NoteKey::CoordinationFundTotal => (
                    "stip",
                    mrd::CATEGORY_ALL,
                    "科学技術イノベーション創造推進費",
                    "Science, Technology and Innovation Creation Promotion Funds",
                ),
                NoteKey::CoordinationFundMedical => (
                    "stip-medical",
                    mrd::CATEGORY_ALL,
                    "科学技術イノベーション創造推進費のうち医療分野の研究開発関連の調整費",
                    "Part of the promotion funds allotted to medical R&D coordination",
                ),
                NoteKey::OtherAmed => (
                    "other-amed",
                    mrd::CATEGORY_AMED,
                    "各プロジェクトに含めていないAMED対象経費（AMED運営費交付金等）",
                    "AMED-targeted expenses outside the projects (AMED operating grants etc.)",
                ),
                NoteKey::OtherInhouse => (
                    "other-inhouse",
                    mrd::CATEGORY_INHOUSE,
                    "インハウス研究機関の運営経費等",
                    "In-house institutes' expenses outside the projects (operating costs etc.)",
                ),
            };
            let subj = self.iri(format!("budget/{year}/{subject}"))?;
            w.t(&subj, rdf::TYPE, mrd::BUDGET)?;
            w.t(&subj, rdfs::LABEL, ja(label_ja))?;
            w.t(&subj, rdfs::LABEL, en(label_en))?;
            let obs = Obs {
                dataset: &ds,
                fiscal_year: fy.clone(),
                subject: subj,
                ministry: self.ministry(ALL_MINISTRIES)?,
                category,
                kind: mrd::KIND_STATED_SUM,
            };
            self.observation(w, &iri, &obs, &r.amount_oku)?;
            w.t(&iri, mrd::NOTE_KEY, plain(&r.key))?;
            w.t(&iri, rdfs::COMMENT, ja(label_ja))?;
            self.provenance(w, &iri, doc, &r.page, &r.quote)?;
        }
        for p in &d.projects {
            self.write_project(w, d, p, &ds)?;
        }
        self.write_program_years(w, d)?;
        self.write_lines(w, d, &ds)?;
        self.write_program_entries(w, d)?;
        let mut link_counters: BTreeMap<u32, usize> = BTreeMap::new();
        for l in &d.links {
            let r = &l.rec;
            let n = link_counters.entry(r.project).or_insert(0);
            *n += 1;
            let iri = self.iri(path::link(year, r.project, *n))?;
            w.t(&iri, rdf::TYPE, mrd::STATED_LINK)?;
            w.t(
                &iri,
                mrd::PROJECT,
                self.iri(path::project(year, r.project))?,
            )?;
            w.t(&iri, mrd::RELATION, ja(&r.relation))?;
            w.t(&iri, mrd::LINK_FROM, ja(&r.from))?;
            w.t(&iri, mrd::LINK_TO, ja(&r.to))?;
            for name in [&r.from, &r.to] {
                if let Some(slug) = self.names.slug(year, name) {
                    w.t(&iri, mrd::PROGRAM_PROP, self.iri(path::program(slug))?)?;
                }
                let org = self
                    .data
                    .organizations
                    .iter()
                    .find(|o| &o.rec.name == name || o.rec.aliases.contains(name));
                if let Some(o) = org {
                    w.t(
                        &iri,
                        mrd::ORGANIZATION,
                        self.iri(path::organization(&o.rec.id))?,
                    )?;
                }
            }
            if !r.comment.is_empty() {
                w.t(&iri, rdfs::COMMENT, ja(&r.comment))?;
            }
            self.provenance(w, &iri, doc, &r.page, &r.quote)?;
        }
        Ok(())
    }

    fn observation(
        &self,
        w: &mut Writer,
        iri: &NamedNode,
        o: &Obs,
        amount: &crate::records::AmountText,
    ) -> Result<()> {
        let oku = parse_amount(amount).ok_or_else(|| Error::Choice {
            what: "amount",
            value: amount.0.clone(),
            choices: "a non-negative decimal".into(),
        })?;
        w.t(iri, rdf::TYPE, qb::OBSERVATION)?;
        w.t(iri, qb::DATA_SET_PROP, o.dataset.clone())?;
        w.t(iri, mrd::FISCAL_YEAR_PROP, o.fiscal_year.clone())?;
        w.t(iri, mrd::SUBJECT, o.subject.clone())?;
        w.t(iri, mrd::MINISTRY, o.ministry.clone())?;
        w.t(iri, mrd::FUNDING_CATEGORY, o.category)?;
        w.t(iri, mrd::FIGURE_KIND, o.kind)?;
        w.t(iri, mrd::AMOUNT, dec(oku * Decimal::from(OKU)))?;
        w.t(iri, mrd::AMOUNT_AS_PRINTED, dec(oku))?;
        w.t(iri, mrd::UNIT_AS_PRINTED, ja("億円"))
    }

    fn write_project(
        &self,
        w: &mut Writer,
        d: &DocumentData,
        p: &Located<crate::records::ProjectRec>,
        ds: &NamedNode,
    ) -> Result<()> {
        let doc = d.doc.rec.id.as_str();
        let year = d.doc.rec.fiscal_year;
        let r = &p.rec;
        let iri = self.iri(path::project(year, r.number))?;
        w.t(&iri, rdf::TYPE, mrd::INTEGRATED_PROJECT)?;
        w.t(&iri, mrd::PROJECT_NUMBER, int(r.number.into()))?;
        w.names(&iri, &r.name, &r.name_en)?;
        w.t(&iri, mrd::ENGLISH_STATUS, mrd::UNOFFICIAL)?;
        w.t(
            &iri,
            mrd::FISCAL_YEAR_PROP,
            self.iri(path::fiscal_year(year))?,
        )?;
        w.t(
            &iri,
            mrd::STRATEGY,
            self.iri(path::strategy(d.doc.rec.strategy))?,
        )?;
        w.t(&iri, mrd::DIAGRAM_PAGE, self.page(doc, &r.diagram_page)?)?;
        w.t(&iri, mrd::POINTS_PAGE, self.page(doc, &r.points_page)?)?;
        self.provenance(w, &iri, doc, &r.page, &r.quote)?;
        let fy = self.iri(path::fiscal_year(year))?;
        let all = self.ministry(ALL_MINISTRIES)?;
        let mut parts = vec![
            ("all", mrd::CATEGORY_ALL, &r.total_oku),
            ("amed", mrd::CATEGORY_AMED, &r.amed_oku),
        ];
        if let Some(i) = &r.inhouse_oku {
            parts.push(("inhouse", mrd::CATEGORY_INHOUSE, i));
        }
        for (key, category, amount) in parts {
            let f = self.iri(path::project_figure(year, r.number, key))?;
            let obs = Obs {
                dataset: ds,
                fiscal_year: fy.clone(),
                subject: iri.clone(),
                ministry: all.clone(),
                category,
                kind: mrd::KIND_TOTAL,
            };
            self.observation(w, &f, &obs, amount)?;
            self.provenance(w, &f, doc, &r.page, &r.quote)?;
        }
        Ok(())
    }

    fn write_lines(&self, w: &mut Writer, d: &DocumentData, ds: &NamedNode) -> Result<()> {
        let doc = d.doc.rec.id.as_str();
        let year = d.doc.rec.fiscal_year;
        let fy = self.iri(path::fiscal_year(year))?;
        let all = self.ministry(ALL_MINISTRIES)?;
        let mut counters: BTreeMap<Option<u32>, usize> = BTreeMap::new();
        for l in &d.lines {
            let r = &l.rec;
            let n = counters.entry(r.project).or_insert(0);
            *n += 1;
            let key = r
                .project
                .map_or_else(|| "reference".to_owned(), |p| p.to_string());
            let iri = self.iri(path::line(year, &key, *n))?;
            let project = r
                .project
                .map(|p| self.iri(path::project(year, p)))
                .transpose()?;
            w.t(&iri, rdf::TYPE, mrd::BUDGET_LINE)?;
            if let Some(project) = &project {
                w.t(&iri, mrd::PROJECT, project.clone())?;
            }
            w.t(&iri, mrd::FISCAL_YEAR_PROP, fy.clone())?;
            w.t(&iri, mrd::ORDER, int(*n as i64))?;
            w.t(&iri, mrd::LINE_KIND, plain(&r.kind))?;
            let label = if r.label.is_empty() {
                r.programs.join(" ／ ")
            } else {
                r.label.clone()
            };
            w.t(&iri, rdfs::LABEL, ja(&label))?;
            w.t(&iri, mrd::NAME_AS_PRINTED, ja(&label))?;
            if !r.label.is_empty() {
                w.t(&iri, mrd::LINE_LABEL, ja(&r.label))?;
            }
            for name in &r.programs {
                if let Some(slug) = self.names.slug(year, name) {
                    let program = self.iri(path::program(slug))?;
                    w.t(&iri, mrd::PROGRAM_PROP, program)?;
                    if let Some(project) = &project {
                        let py = self.iri(path::program_year(slug, year))?;
                        w.t(&py, mrd::LISTED_IN, project.clone())?;
                    }
                }
            }
            for sup in &r.supplementary {
                let f = self.iri(path::supplementary_figure(year, &key, *n, sup.year))?;
                let obs = Obs {
                    dataset: ds,
                    fiscal_year: self.iri(path::fiscal_year(sup.year))?,
                    subject: iri.clone(),
                    ministry: all.clone(),
                    category: mrd::CATEGORY_ALL,
                    kind: mrd::KIND_SUPPLEMENTARY,
                };
                self.observation(w, &f, &obs, &sup.amount_oku)?;
                w.t(&iri, mrd::SUPPLEMENTARY_BUDGET, f.clone())?;
                self.provenance(w, &f, doc, &r.page, &sup.quote)?;
            }
            w.t(&iri, mrd::RELISTED, boolean(r.relisted))?;
            w.t(&iri, mrd::FUND_BASED, boolean(r.fund))?;
            if !r.fund_note.is_empty() {
                w.t(&iri, mrd::FUND_NOTE, ja(&r.fund_note))?;
            }
            if let Some(share) = r.share_of_oku.as_ref().and_then(parse_amount) {
                w.t(&iri, mrd::SHARE_OF_AMOUNT, dec(share * Decimal::from(OKU)))?;
            }
            let category = Category::parse(&r.funding).unwrap_or(Category::Amed);
            if let Some(amount) = &r.amount_oku {
                let f = self.iri(path::line_figure(year, &key, *n))?;
                let obs = Obs {
                    dataset: ds,
                    fiscal_year: fy.clone(),
                    subject: iri.clone(),
                    ministry: all.clone(),
                    category: category.iri(),
                    kind: mrd::KIND_REQUEST,
                };
                self.observation(w, &f, &obs, amount)?;
                w.t(&iri, mrd::HAS_FIGURE, f.clone())?;
                let certainty = Certainty::parse(&r.certainty).unwrap_or(Certainty::Certain);
                w.t(&f, mrd::CERTAINTY, certainty.iri())?;
                for a in &r.alternatives {
                    if let Some(a) = parse_amount(a) {
                        w.t(&f, mrd::ALTERNATIVE_AMOUNT, dec(a))?;
                    }
                }
                if !r.reasoning.is_empty() {
                    w.t(&f, mrd::REASONING, ja(&r.reasoning))?;
                }
                w.t(&f, prov::WAS_DERIVED_FROM, self.page(doc, &r.page)?)?;
                if let Some(q) = &r.amount_quote {
                    w.t(&f, mrd::AMOUNT_QUOTE, ja(q))?;
                }
            } else if let Some(q) = &r.amount_quote {
                w.t(&iri, mrd::AMOUNT_QUOTE, ja(q))?;
            }
            self.provenance(w, &iri, doc, &r.page, &r.quote)?;
        }
        Ok(())
    }

    /// One mrd:ProgramYear per program the document names, with the name it prints.
    fn write_program_years(&self, w: &mut Writer, d: &DocumentData) -> Result<()> {
        let year = d.doc.rec.fiscal_year;
        let fy = self.iri(path::fiscal_year(year))?;
        for i in &self.data.identities {
            let r = &i.rec;
            let Some(name) = r.name_in(year) else {
                continue;
            };
            let py = self.iri(path::program_year(&r.slug, year))?;
            w.t(&py, rdf::TYPE, mrd::PROGRAM_YEAR)?;
            w.t(&py, mrd::PROGRAM_PROP, self.iri(path::program(&r.slug))?)?;
            w.t(&py, mrd::FISCAL_YEAR_PROP, fy.clone())?;
            w.t(&py, mrd::NAME_AS_PRINTED, ja(name))?;
            w.t(
                &py,
                rdfs::LABEL,
                ja(&format!("{}（令和{}年度）", name, year - 2018)),
            )?;
            w.t(&py, rdfs::LABEL, en(&format!("{} (FY{year})", r.label_en)))?;
        }
        Ok(())
    }

    /// Each ◆ entry is its own resource (a program may be printed on several projects'
    /// ポイント pages, with different flags and bullets); the program's year rolls them up.
    fn write_program_entries(&self, w: &mut Writer, d: &DocumentData) -> Result<()> {
        let doc = d.doc.rec.id.as_str();
        let year = d.doc.rec.fiscal_year;
        let mut fund: BTreeMap<String, bool> = BTreeMap::new();
        let mut seen: BTreeMap<(String, u32), usize> = BTreeMap::new();
        for p in &d.programs {
            let r = &p.rec;
            let Some(slug) = self.names.slug(year, &r.name) else {
                continue;
            };
            let py = self.iri(path::program_year(slug, year))?;
            let project = self.iri(path::project(year, r.project))?;
            // a page may print the same program twice (its components): number them
            let k = seen.entry((slug.to_owned(), r.project)).or_insert(0);
            *k += 1;
            let entry_path = format!("{}/entry/{}/{k}", path::program_year(slug, year), r.project);
            let entry = self.iri(entry_path.clone())?;
            w.t(&py, mrd::LISTED_IN, project.clone())?;
            w.t(&py, mrd::ENTRY, entry.clone())?;
            w.t(&entry, rdf::TYPE, mrd::PROGRAM_ENTRY)?;
            w.t(&entry, dcterms::IS_PART_OF, py.clone())?;
            w.t(&entry, mrd::PROJECT, project)?;
            w.t(&entry, mrd::NAME_AS_PRINTED, ja(&r.name))?;
            if !self.names.is_main_name(year, &r.name) {
                w.t(&py, skos::ALT_LABEL, ja(&r.name))?;
            }
            for m in &r.ministries {
                let org = self.ministry(m)?;
                w.t(&entry, mrd::MINISTRY, org.clone())?;
                w.t(&py, mrd::MINISTRY, org)?;
            }
            let mut flags: BTreeSet<Flag> = r.flags.iter().filter_map(|f| Flag::parse(f)).collect();
            for (i, b) in r.bullet.iter().enumerate() {
                let bullet = self.iri(format!("{entry_path}/bullet/{}", i + 1))?;
                w.t(&entry, mrd::HAS_BULLET, bullet.clone())?;
                w.t(&bullet, rdf::TYPE, mrd::BULLET)?;
                w.t(&bullet, mrd::ORDER, int(i as i64 + 1))?;
                w.t(&bullet, mrd::TEXT, ja(&b.text))?;
                w.t(&py, dcterms::DESCRIPTION, ja(&b.text))?;
                for f in crate::validate::bullet_flags(&b.flag).filter_map(Flag::parse) {
                    w.t(&bullet, mrd::FLAG, f.iri())?;
                    flags.insert(f);
                }
                self.provenance(w, &bullet, doc, &r.page, &b.text)?;
            }
            for f in flags {
                w.t(&entry, mrd::FLAG, f.iri())?;
                w.t(&py, mrd::FLAG, f.iri())?;
            }
            w.t(&entry, mrd::FUND_BASED, boolean(r.fund))?;
            *fund.entry(slug.to_owned()).or_default() |= r.fund;
            for ph in &r.phase {
                let (Some(phase), Some(basis)) =
                    (Phase::parse(&ph.phase), PhaseBasis::parse(&ph.basis))
                else {
                    continue;
                };
                let cov = self.iri(format!("{entry_path}/phase/{}", phase.as_str()))?;
                w.t(&py, mrd::COVERS_PHASE, phase.iri())?;
                w.t(&py, mrd::PHASE, cov.clone())?;
                w.t(&entry, mrd::PHASE, cov.clone())?;
                w.t(&cov, rdf::TYPE, mrd::PHASE_COVERAGE)?;
                w.t(&cov, mrd::PHASE, phase.iri())?;
                w.t(&cov, mrd::BASIS, basis.iri())?;
                self.provenance(w, &cov, doc, &r.page, &ph.quote)?;
            }
            self.provenance(w, &entry, doc, &r.page, &r.quote)?;
            self.provenance(w, &py, doc, &r.page, &r.quote)?;
        }
        for (slug, fund) in fund {
            let py = self.iri(path::program_year(&slug, year))?;
            w.t(&py, mrd::FUND_BASED, boolean(fund))?;
            if fund {
                w.t(&py, mrd::FLAG, mrd::FLAG_FUND)?;
            }
        }
        Ok(())
    }
}

/// The dimensions of one observation.
struct Obs<'a> {
    dataset: &'a NamedNode,
    fiscal_year: NamedNode,
    subject: NamedNode,
    ministry: NamedNode,
    category: NamedNodeRef<'static>,
    kind: NamedNodeRef<'static>,
}
