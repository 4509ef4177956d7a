//! Records → the typed model (`model`), checking everything on the way: codes, amounts,
//! duplicates, references between files, and the provenance of every quoted phrase (each
//! must occur on its page of the source text). Every problem is collected, not only the
//! first, each with the `file:line:column` of the field at fault.
//!
//! A model item is built only from a record without problems, and [`check`] returns the
//! model only when there are none, so later stages never meet an unchecked value.
//!
//! - `amount`: amounts as written and as printed in phrases;
//! - `provenance`: finding phrases on their pages;
//! - `reference`: organizations, fiscal years, strategies, document headers and page maps;
//! - `programs`: programs across years and the names that resolve to them;
//! - `summary`: summary figures, stated sums and projects;
//! - `lines`: budget lines; `entries`: ◆ entries and stated links;
//! - `reconcile`: the sums the documents state, against their parts;
//! - `report`: what `validate` tells; `shacl`: the SHACL shapes over the built graph.

pub mod amount;
mod entries;
mod lines;
mod programs;
pub mod provenance;
pub mod reconcile;
mod reference;
/// The fiscal years the checks accept (from 令和1年度 = 2019 to 9999).
pub use reference::YEARS as FISCAL_YEARS;
pub mod report;
pub mod shacl;
mod summary;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_decimal::Decimal;

use crate::error::{Location, Problem};
use crate::input::records::AmountText;
use crate::input::{DocumentFiles, RawData};
use crate::model::{Code, Document, MinistryRef, MinistryScope, Model, ALL_MINISTRIES};

pub use amount::{parse_amount, printed_in, printed_numbers, MAX_OKU};
pub use programs::ProgramNames;
pub use report::ValidationReport;

/// Checks the whole data folder: the model when it is consistent, otherwise every problem,
/// sorted by file and position.
pub fn check(raw: &RawData) -> Result<Model, Vec<Problem>> {
    let mut stream = Stream::new(raw);
    let mut documents = Vec::new();
    for d in &raw.documents {
        documents.extend(stream.document(d));
    }
    let mut model = stream.finish()?;
    model.documents = documents;
    model.listed.clear();
    Ok(model)
}

/// The checks one document at a time, for a build that holds one document's records at a
/// time: [`Stream::new`] checks the shared files (its `RawData` may hold the documents by
/// their headers only, as [`crate::input::read_shared`] reads them), [`Stream::document`]
/// checks one document read whole, and [`Stream::finish`] gives the model (the documents
/// by their headers, with what the lineage needs of their records) or every problem.
pub struct Stream<'a> {
    c: Checker<'a>,
    refs: reference::References,
    model: Model,
}

impl<'a> Stream<'a> {
    pub fn new(shared: &'a RawData) -> Self {
        let mut c = Checker::new(shared);
        let refs = reference::check(&mut c);
        let programs = programs::check(&mut c);
        let model = Model {
            root: shared.root.clone(),
            strategies: refs.strategies.clone(),
            fiscal_years: refs.fiscal_years.clone(),
            organizations: refs.organizations.clone(),
            programs,
            documents: Vec::new(),
            listed: Default::default(),
        };
        Stream { c, refs, model }
    }

    /// The model so far: the shared parts, and the documents checked so far by their
    /// headers.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Whether nothing was found so far (a streamed build maps only while this holds).
    pub fn is_clean(&self) -> bool {
        self.c.problems.is_empty()
    }

    /// Checks one document, read whole: the document when its header is sound (its records
    /// with problems are left out and reported).
    pub fn document(&mut self, files: &DocumentFiles) -> Option<Document> {
        let id = files.doc.rec.id.clone();
        self.c.page_indexes.insert(
            id.clone(),
            provenance::PageIndex::new(&files.text, &files.doc.rec.page),
        );
        // the strategies that quote this document
        let (here, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.c.deferred)
            .into_iter()
            .partition(|q| q.document == id);
        self.c.deferred = rest;
        for q in here {
            self.c
                .quote(&q.location, &q.document, &q.page, &q.quote, "quote");
        }
        let doc = check_document(&mut self.c, files, &self.refs);
        self.c.page_indexes.remove(&id);
        if let Some(d) = &doc {
            d.list_into(&mut self.model.listed);
            self.model.documents.push(d.header());
        }
        doc
    }

    /// The model, or every problem found, sorted by file and position.
    pub fn finish(mut self) -> Result<Model, Vec<Problem>> {
        // quotes of documents that were never read: each reports its unknown document
        for q in std::mem::take(&mut self.c.deferred) {
            self.c
                .quote(&q.location, &q.document, &q.page, &q.quote, "quote");
        }
        let mut problems = self.c.problems;
        if !problems.is_empty() {
            problems.sort();
            problems.dedup();
            return Err(problems);
        }
        Ok(self.model)
    }
}

/// A phrase of a shared file (a strategy's source) checked once its document is read.
pub(crate) struct DeferredQuote {
    location: Location,
    document: String,
    page: String,
    quote: String,
}

/// One document: its header, then every kind of record of its folder.
fn check_document(
    c: &mut Checker,
    d: &DocumentFiles,
    refs: &reference::References,
) -> Option<Document> {
    let header = reference::check_header(c, d, refs);
    let (figures, notes) = summary::check_summary(c, d, &refs.years);
    let projects = summary::check_projects(c, d);
    // every project number the file declares, so that one project's problem does not
    // make each of its lines a second problem
    let numbers = d.projects.iter().map(|p| p.rec.number).collect();
    let lines = lines::check(c, d, &numbers, refs);
    let entries = entries::check_entries(c, d, &numbers);
    let links = entries::check_links(c, d, &numbers);
    let explanations = summary::check_explanations(c, d);
    let mut doc = header?;
    doc.figures = figures;
    doc.notes = notes;
    doc.projects = projects;
    doc.lines = lines;
    doc.entries = entries;
    doc.links = links;
    doc.explanations = explanations;
    Some(doc)
}

/// Collects problems while the model is built.
pub(crate) struct Checker<'a> {
    problems: Vec<Problem>,
    raw: &'a RawData,
    /// Ministry code → organization id.
    ministries: BTreeMap<String, String>,
    /// The page indexes of the documents being checked (one at a time when streamed).
    page_indexes: HashMap<String, provenance::PageIndex>,
    names: ProgramNames,
    /// Phrases of the shared files, waiting for their document.
    deferred: Vec<DeferredQuote>,
}

impl<'a> Checker<'a> {
    fn new(raw: &'a RawData) -> Self {
        let ministries = raw
            .organizations
            .iter()
            .filter_map(|o| o.rec.code.clone().map(|c| (c, o.rec.id.clone())))
            .collect();
        Checker {
            problems: Vec::new(),
            raw,
            ministries,
            page_indexes: HashMap::new(),
            names: ProgramNames::new(raw),
            deferred: Vec::new(),
        }
    }

    /// A phrase of a shared file, checked on its page once its document is read.
    fn quote_later(&mut self, loc: &Location, doc: &str, page: &str, quote: &str) {
        self.deferred.push(DeferredQuote {
            location: loc.clone(),
            document: doc.to_owned(),
            page: page.to_owned(),
            quote: quote.to_owned(),
        });
    }

    fn report(&mut self, loc: &Location, message: impl Into<String>) {
        self.problems.push(Problem {
            location: loc.clone(),
            message: message.into(),
        });
    }

    /// A code of a closed list, or a problem naming the valid choices.
    fn code<T: Code>(&mut self, loc: &Location, what: &str, text: &str) -> Option<T> {
        let parsed = T::parse(text);
        if parsed.is_none() {
            self.report(
                loc,
                format!("unknown {what} {text:?}: expected one of {}", T::choices()),
            );
        }
        parsed
    }

    /// An amount in 億円.
    fn amount(&mut self, loc: &Location, field: &str, a: &AmountText) -> Option<Decimal> {
        let parsed = parse_amount(a);
        if parsed.is_none() {
            self.report(loc, format!("{field} {:?} is not a non-negative decimal amount in 億円 (ASCII digits with at most one point, e.g. \"431\" or \"0.5\", at most {MAX_OKU})", a.0));
        }
        parsed
    }

    /// An amount that must also be one of the numbers its quoted phrase prints.
    fn printed_amount(
        &mut self,
        loc: &Location,
        field: &str,
        a: &AmountText,
        phrase: &str,
    ) -> Option<Decimal> {
        let d = self.amount(loc, field, a)?;
        if printed_in(d, phrase) {
            return Some(d);
        }
        let seen: Vec<String> = printed_numbers(phrase)
            .iter()
            .map(|n| n.to_string())
            .collect();
        self.report(
            loc,
            format!(
                "{field} {} is not printed in its phrase {phrase:?} (it prints {})",
                a.0,
                if seen.is_empty() {
                    "no number".to_owned()
                } else {
                    seen.join(", ")
                }
            ),
        );
        None
    }

    /// The phrase must occur on the page of the document.
    fn quote(&mut self, loc: &Location, doc: &str, page: &str, quote: &str, what: &str) -> bool {
        let Some(index) = self.page_indexes.get(doc) else {
            let valid: Vec<_> = self
                .raw
                .documents
                .iter()
                .map(|d| d.doc.rec.id.clone())
                .collect();
            self.report(
                loc,
                format!(
                    "unknown document {doc:?}: expected one of {}",
                    valid.join(", ")
                ),
            );
            return false;
        };
        match index.check(page, quote) {
            Ok(()) => true,
            Err(e) => {
                self.report(
                    loc,
                    format!("{what} {quote:?} on page {page:?} of {doc}: {e}"),
                );
                false
            }
        }
    }

    /// `page` must be a page of the document's page map.
    fn page(&mut self, loc: &Location, doc: &str, page: &str, field: &str) -> bool {
        let Some(index) = self.page_indexes.get(doc) else {
            return false;
        };
        if index.has_page(page) {
            return true;
        }
        let msg = format!(
            "{field} {page:?} is not a page of {doc}: expected one of {}",
            index.labels().join(", ")
        );
        self.report(loc, msg);
        false
    }

    fn ministry_choices(&self, allow_all: bool) -> String {
        let mut choices: Vec<String> = self.ministries.keys().map(|c| format!("{c:?}")).collect();
        if allow_all {
            choices.insert(0, format!("{ALL_MINISTRIES:?}"));
        }
        choices.join(", ")
    }

    /// A ministry code, resolved to its organization; `ALL` too when `allow_all`.
    fn resolve_ministry(
        &mut self,
        loc: &Location,
        code: &str,
        allow_all: bool,
    ) -> Option<MinistryScope> {
        if allow_all && code == ALL_MINISTRIES {
            return Some(MinistryScope::All);
        }
        if let Some(org) = self.ministries.get(code) {
            return Some(MinistryScope::One(MinistryRef {
                code: code.to_owned(),
                org: org.clone(),
            }));
        }
        let choices = self.ministry_choices(allow_all);
        self.report(
            loc,
            format!("unknown ministry code {code:?}: expected one of {choices}"),
        );
        None
    }

    /// A ministry code, resolved to its organization.
    fn ministry(&mut self, loc: &Location, code: &str) -> Option<MinistryRef> {
        match self.resolve_ministry(loc, code, false)? {
            MinistryScope::One(m) => Some(m),
            MinistryScope::All => None,
        }
    }

    /// A ministry code or `ALL`.
    fn ministry_scope(&mut self, loc: &Location, code: &str) -> Option<MinistryScope> {
        self.resolve_ministry(loc, code, true)
    }

    /// `number` must be a project of the document.
    fn project(&mut self, loc: &Location, doc: &str, number: u32, projects: &BTreeSet<u32>) {
        if projects.is_empty() {
            self.report(
                loc,
                format!("project {number} is not a project of {doc}: its projects.toml declares no [[project]]"),
            );
        } else if !projects.contains(&number) {
            let choices: Vec<String> = projects.iter().map(|n| n.to_string()).collect();
            self.report(
                loc,
                format!(
                    "project {number} is not a project of {doc}: expected one of {}",
                    choices.join(", ")
                ),
            );
        }
    }

    /// A name or title must be printable text: a control character (a bell, an escape, a
    /// line break inside a name) would end up in labels, pages and file names.
    fn plain(&mut self, loc: &Location, field: &str, value: &str) {
        if let Some((i, ch)) = value.chars().enumerate().find(|(_, ch)| ch.is_control()) {
            self.report(
                loc,
                format!(
                    "{field} holds the control character U+{:04X} at character {}: names and titles are printed text, without control characters",
                    ch as u32,
                    i + 1
                ),
            );
        }
    }

    /// A mark to ask later whether a record's checks reported anything.
    fn mark(&self) -> usize {
        self.problems.len()
    }

    /// Whether nothing was reported since `mark`: the record may become a model item.
    fn clean_since(&self, mark: usize) -> bool {
        self.problems.len() == mark
    }
}
