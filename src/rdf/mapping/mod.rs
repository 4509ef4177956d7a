//! The checked model → quads. Pure: no IO, vocabulary constants only, IRIs minted from
//! [`Resource`]s under the base. It reads only the typed model, so there is nothing left to
//! parse and no fallback that could hide a data error.
//!
//! The mapping streams: each record becomes a handful of quads pushed into a [`QuadSink`],
//! so a sink that writes in batches (the store's bulk loader) keeps memory bounded
//! whatever the size of the input.
//!
//! - `meta`: the dataset, strategies, fiscal years, organizations, documents and pages,
//!   programs across years, lineage (graph `meta`);
//! - `document`: one document's budget, summary figures, notes, projects, program years and
//!   stated links (one graph per document);
//! - `lines`: the budget lines of the diagram pages and their figures;
//! - `entries`: the ◆ entries of the ポイント pages, with bullets, flags and phases.

mod document;
mod entries;
mod lines;
mod meta;

use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use rust_decimal::Decimal;

use crate::error::Result;
use crate::model::{Document, MinistryRef, Model};
use crate::rdf::base::Base;
use crate::rdf::concepts;
use crate::rdf::resource::{GraphKey, Resource};
use crate::rdf::vocab::{currency, mrd, prov, qb, rdf, rdfs, sdmx_attribute, skos, xsd};

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
fn yen(oku: Decimal) -> Literal {
    dec(oku * Decimal::from(OKU))
}
fn boolean(b: bool) -> Literal {
    Literal::new_typed_literal(if b { "true" } else { "false" }, xsd::BOOLEAN)
}
fn plain(s: &str) -> Literal {
    Literal::new_simple_literal(s)
}

/// Writes the triples of one subject after another into the current graph.
struct Writer<'s> {
    sink: &'s mut dyn QuadSink,
    graph: GraphName,
}

impl Writer<'_> {
    fn t(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) -> Result<()> {
        self.sink
            .push(Quad::new(s.clone(), p, o, self.graph.clone()))
    }

    /// rdfs:label in Japanese and English.
    fn labels(&mut self, s: &NamedNode, names: &Names) -> Result<()> {
        self.t(s, rdfs::LABEL, ja(&names.ja))?;
        self.t(s, rdfs::LABEL, en(&names.en))
    }

    /// skos:prefLabel and rdfs:label in Japanese and English.
    fn names(&mut self, s: &NamedNode, name_ja: &str, name_en: &str) -> Result<()> {
        self.t(s, skos::PREF_LABEL, ja(name_ja))?;
        self.t(s, skos::PREF_LABEL, en(name_en))?;
        self.t(s, rdfs::LABEL, ja(name_ja))?;
        self.t(s, rdfs::LABEL, en(name_en))
    }
}

/// A name in Japanese and in English.
#[derive(Debug, Clone)]
struct Names {
    ja: String,
    en: String,
}

impl Names {
    fn new(ja: impl Into<String>, en: impl Into<String>) -> Names {
        Names {
            ja: ja.into(),
            en: en.into(),
        }
    }
}

/// The Japanese era name of a fiscal year (令和 began in 2019).
fn reiwa(year: i32) -> String {
    format!("令和{}年度", year - 2018)
}

/// The dimensions of one observation, and the names its label is made of.
struct Obs<'a> {
    dataset: &'a NamedNode,
    /// The figure's fiscal year.
    year: i32,
    subject: NamedNode,
    subject_names: Names,
    ministry: NamedNode,
    /// The ministry's names, for a figure of one ministry.
    ministry_names: Option<Names>,
    category: NamedNodeRef<'static>,
    kind: NamedNodeRef<'static>,
}

impl Obs<'_> {
    /// "令和8年度 医薬品プロジェクト 日本医療研究開発機構対象経費 概算要求・要望額 349億円", and in English.
    fn label(&self, amount: Decimal) -> Names {
        let (cat_ja, cat_en) = concepts::label(self.category);
        let (kind_ja, kind_en) = concepts::label(self.kind);
        let amount = amount.normalize();
        let (m_ja, m_en) = match &self.ministry_names {
            Some(m) => (format!(" {}", m.ja), format!(", {}", m.en)),
            None => (String::new(), String::new()),
        };
        Names::new(
            format!(
                "{} {}{m_ja} {cat_ja} {kind_ja} {amount}億円",
                reiwa(self.year),
                self.subject_names.ja
            ),
            format!(
                "FY{} {}{m_en}, {cat_en}, {kind_en}: {amount} × 100 million yen",
                self.year, self.subject_names.en
            ),
        )
    }
}

/// The mapping of one checked model under one base.
pub struct Mapper<'a> {
    base: &'a Base,
    model: &'a Model,
}

impl<'a> Mapper<'a> {
    pub fn new(base: &'a Base, model: &'a Model) -> Self {
        Mapper { base, model }
    }

    fn iri(&self, r: &Resource) -> Result<NamedNode> {
        self.base.mint(r)
    }

    /// The IRI of a named graph.
    pub fn graph_iri(&self, g: GraphKey) -> Result<NamedNode> {
        self.iri(&Resource::Graph(g))
    }

    /// The named graphs the build writes, in the order it reports them.
    pub fn graphs(&self) -> Vec<GraphKey> {
        let mut v = vec![GraphKey::Ontology, GraphKey::Shapes, GraphKey::Meta];
        v.extend(
            self.model
                .documents
                .iter()
                .map(|d| GraphKey::Document(d.id.clone())),
        );
        v
    }

    fn org(&self, id: &str) -> Result<NamedNode> {
        self.iri(&Resource::Organization(id.to_owned()))
    }

    fn ministry(&self, m: &MinistryRef) -> Result<NamedNode> {
        self.org(&m.org)
    }

    /// The names of an organization of the model.
    fn org_names(&self, id: &str) -> Option<Names> {
        self.model
            .organization(id)
            .map(|o| Names::new(&o.name, &o.name_en))
    }

    /// The English name of a program under the name `year` prints (its slug when the model
    /// has no such program, which a checked model never does).
    fn program_en<'s>(&'s self, slug: &'s str, year: i32) -> &'s str {
        self.model
            .programs
            .iter()
            .find(|p| p.slug == slug)
            .map_or(slug, |p| p.english_in(year))
    }

    /// A name as printed in English: a spelling that adds to the year's name (a component
    /// in parentheses, （再掲）) keeps the addition as printed, so that lines stay apart.
    fn printed_en(&self, p: &crate::model::ProgramName, year: i32) -> String {
        let en = self.program_en(&p.slug, year);
        let main = self
            .model
            .programs
            .iter()
            .find(|q| q.slug == p.slug)
            .and_then(|q| q.name_in(year));
        match main.and_then(|m| p.name.strip_prefix(m)) {
            Some(rest) if !rest.is_empty() => format!("{en} {rest}"),
            _ => en.to_owned(),
        }
    }

    fn page(&self, doc: &str, label: &str) -> Result<NamedNode> {
        self.iri(&Resource::Page {
            document: doc.to_owned(),
            label: label.to_owned(),
        })
    }

    fn fiscal_year(&self, year: i32) -> Result<NamedNode> {
        self.iri(&Resource::FiscalYear(year))
    }

    /// Writes all data graphs (meta + one per document) into `sink`.
    pub fn write(&self, sink: &mut dyn QuadSink) -> Result<()> {
        self.write_meta_graph(sink)?;
        for d in &self.model.documents {
            self.write_document_graph(sink, d)?;
        }
        Ok(())
    }

    /// Writes the `meta` graph: what holds across the model's documents (which may be held
    /// by their headers only, see [`Model::listed`]).
    pub fn write_meta_graph(&self, sink: &mut dyn QuadSink) -> Result<()> {
        let mut w = Writer {
            sink,
            graph: self.graph_iri(GraphKey::Meta)?.into(),
        };
        self.write_meta(&mut w)
    }

    /// Writes the graph of one document, read whole (not necessarily one of the model's: a
    /// streamed build maps each document as it is checked).
    pub fn write_document_graph(&self, sink: &mut dyn QuadSink, d: &Document) -> Result<()> {
        let mut w = Writer {
            sink,
            graph: self.graph_iri(GraphKey::Document(d.id.clone()))?.into(),
        };
        self.write_document(&mut w, d)
    }

    /// prov:wasDerivedFrom the page, and the phrase quoted from it.
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

    /// A Data Cube observation of `amount` 億円: measured in yen (its unit the currency JPY),
    /// with the amount and unit as printed, and a label that says what it is.
    fn observation(&self, w: &mut Writer, iri: &NamedNode, o: &Obs, amount: Decimal) -> Result<()> {
        w.t(iri, rdf::TYPE, qb::OBSERVATION)?;
        w.labels(iri, &o.label(amount))?;
        w.t(iri, qb::DATA_SET_PROP, o.dataset.clone())?;
        w.t(iri, mrd::FISCAL_YEAR_PROP, self.fiscal_year(o.year)?)?;
        w.t(iri, mrd::SUBJECT, o.subject.clone())?;
        w.t(iri, mrd::MINISTRY, o.ministry.clone())?;
        w.t(iri, mrd::FUNDING_CATEGORY, o.category)?;
        w.t(iri, mrd::FIGURE_KIND, o.kind)?;
        w.t(iri, mrd::AMOUNT, yen(amount))?;
        w.t(iri, sdmx_attribute::UNIT_MEASURE, currency::JPY)?;
        w.t(iri, mrd::AMOUNT_AS_PRINTED, dec(amount))?;
        w.t(iri, mrd::UNIT_AS_PRINTED, ja("億円"))
    }
}

#[cfg(test)]
mod tests;
