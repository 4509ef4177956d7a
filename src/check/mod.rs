//! Cross-record checks of the data: codes, amounts, duplicates, references between files,
//! and the provenance of every quoted phrase. Returns every problem found, not the first.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::codes::*;
use crate::error::{Error, Location, Problem, Result};
use crate::iri::is_slug;
use crate::provenance::PageIndex;
use crate::records::AmountText;
use crate::source::{Data, DocumentData};

/// The largest amount accepted, in 億円 (a hundred trillion yen times a thousand): far above
/// any budget, and small enough that amounts in yen never overflow.
const MAX_OKU: i64 = 1_000_000_000_000;

/// Parses an amount in 億円: a non-negative decimal written with ASCII digits and at most one
/// point (no sign, exponent, separator or underscore), at most `MAX_OKU`.
pub fn parse_amount(a: &AmountText) -> Option<Decimal> {
    let t = a.0.trim();
    let plain = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.matches('.').count() <= 1
        && !t.starts_with('.')
        && !t.ends_with('.');
    if !plain {
        return None;
    }
    let d = Decimal::from_str(t).ok()?;
    (d <= Decimal::from(MAX_OKU)).then_some(d)
}

/// The numbers printed in a phrase, read as the document prints them: full-width digits and
/// points, thousands separators (，or ,) removed.
pub fn printed_numbers(phrase: &str) -> Vec<Decimal> {
    let chars: Vec<char> = phrase
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            other => other,
        })
        .collect();
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<Decimal>| {
        if let Ok(d) = Decimal::from_str(current.trim_end_matches('.')) {
            out.push(d.normalize());
        }
        current.clear();
    };
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() || (c == '.' && !current.is_empty() && !current.contains('.')) {
            current.push(c);
            continue;
        }
        // a thousands separator: after digits (no point yet), followed by exactly three digits
        let thousands = c == ','
            && !current.is_empty()
            && !current.contains('.')
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(|c| c.is_ascii_digit()))
            && !chars.get(i + 4).is_some_and(|c| c.is_ascii_digit());
        if !thousands && !current.is_empty() {
            flush(&mut current, &mut out);
        }
    }
    if !current.is_empty() {
        flush(&mut current, &mut out);
    }
    out
}

/// Whether `amount` is one of the numbers printed in `phrase`.
pub fn printed_in(amount: Decimal, phrase: &str) -> bool {
    let amount = amount.normalize();
    printed_numbers(phrase).contains(&amount)
}

/// The flags of a bullet as printed: "", "新規", "拡充" or "新規・拡充".
pub fn bullet_flags(flag: &str) -> impl Iterator<Item = &str> {
    flag.split('・').map(str::trim).filter(|f| !f.is_empty())
}

/// Resolves program names as printed in one fiscal year to program slugs.
#[derive(Debug, Default, Clone)]
pub struct ProgramNames {
    by_year: HashMap<(i32, String), String>,
    main: HashMap<(i32, String), String>,
}

impl ProgramNames {
    pub fn new(data: &Data) -> Self {
        let mut by_year = HashMap::new();
        let mut main = HashMap::new();
        for id in &data.identities {
            let r = &id.rec;
            for (year, n) in r.yearly_names() {
                main.insert((year, n.to_owned()), r.slug.clone());
                by_year.insert((year, n.to_owned()), r.slug.clone());
                for v in &r.variants {
                    by_year.insert((year, v.clone()), r.slug.clone());
                }
            }
        }
        ProgramNames { by_year, main }
    }

    /// Whether `name` is the program's main name that year (not a variant spelling).
    pub fn is_main_name(&self, year: i32, name: &str) -> bool {
        self.main.contains_key(&(year, name.to_owned()))
    }

    pub fn slug(&self, year: i32, name: &str) -> Option<&str> {
        self.by_year
            .get(&(year, name.to_owned()))
            .map(String::as_str)
    }
}

struct Checker<'a> {
    problems: Vec<Problem>,
    data: &'a Data,
    ministry_codes: BTreeSet<String>,
    page_indexes: HashMap<String, PageIndex>,
}

impl Checker<'_> {
    fn report(&mut self, loc: &Location, message: impl Into<String>) {
        self.problems.push(Problem {
            location: loc.clone(),
            message: message.into(),
        });
    }

    fn amount(&mut self, loc: &Location, field: &str, a: &AmountText) {
        if parse_amount(a).is_none() {
            self.report(loc, format!("{field} {:?} is not a non-negative decimal amount in 億円 (ASCII digits with at most one point, e.g. \"431\" or \"0.5\", at most {MAX_OKU})", a.0));
        }
    }

    /// The amount must be one of the numbers its quoted phrase prints.
    fn printed(&mut self, loc: &Location, field: &str, a: &AmountText, phrase: &str) {
        if let Some(d) = parse_amount(a) {
            if !printed_in(d, phrase) {
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
            }
        }
    }

    fn quote(&mut self, loc: &Location, doc: &str, page: &str, quote: &str, what: &str) {
        let Some(index) = self.page_indexes.get(doc) else {
            let valid: Vec<_> = self
                .data
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
            return;
        };
        if let Err(e) = index.check(page, quote) {
            self.report(
                loc,
                format!("{what} {quote:?} on page {page:?} of {doc}: {e}"),
            );
        }
    }

    fn page(&mut self, loc: &Location, doc: &str, page: &str, field: &str) {
        if let Some(index) = self.page_indexes.get(doc) {
            if !index.has_page(page) {
                let msg = format!(
                    "{field} {page:?} is not a page of {doc}: expected one of {}",
                    index.labels().join(", ")
                );
                self.report(loc, msg);
            }
        }
    }

    fn ministry(&mut self, loc: &Location, code: &str, allow_all: bool) {
        let ok = (allow_all && code == ALL_MINISTRIES) || self.ministry_codes.contains(code);
        if !ok {
            let mut choices: Vec<String> = self
                .ministry_codes
                .iter()
                .map(|c| format!("{c:?}"))
                .collect();
            if allow_all {
                choices.insert(0, format!("{ALL_MINISTRIES:?}"));
            }
            self.report(
                loc,
                format!(
                    "unknown ministry code {code:?}: expected one of {}",
                    choices.join(", ")
                ),
            );
        }
    }
}

/// Checks the whole data folder. `Ok(())` when it is consistent, `Error::Invalid` with
/// every problem (sorted by file and line) otherwise.
pub fn validate(data: &Data) -> Result<()> {
    let problems = check(data);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}

/// Every problem of the data, sorted by position.
pub fn check(data: &Data) -> Vec<Problem> {
    let page_indexes = data
        .documents
        .iter()
        .map(|d| {
            (
                d.doc.rec.id.clone(),
                PageIndex::new(&d.text, &d.doc.rec.page),
            )
        })
        .collect();
    let ministry_codes = data
        .organizations
        .iter()
        .filter_map(|o| o.rec.code.clone())
        .collect();
    let mut c = Checker {
        problems: Vec::new(),
        data,
        ministry_codes,
        page_indexes,
    };

    check_reference(&mut c);
    let names = ProgramNames::new(data);
    check_identities(&mut c);
    for d in &data.documents {
        check_document(&mut c, d, &names);
    }
    let mut problems = c.problems;
    problems.sort();
    problems.dedup();
    problems
}

fn check_reference(c: &mut Checker) {
    let data = c.data;
    let mut seen = BTreeSet::new();
    for o in &data.organizations {
        if !is_slug(&o.rec.id) {
            c.report(
                &o.at("id"),
                format!(
                    "organization id {:?} is not a slug (lowercase ASCII letters, digits, hyphens)",
                    o.rec.id
                ),
            );
        }
        if !seen.insert(o.rec.id.clone()) {
            c.report(
                &o.at("id"),
                format!("duplicate organization id {:?}", o.rec.id),
            );
        }
        const KINDS: &[&str] = &[
            "ministry",
            "agency",
            "headquarters",
            "funding-agency",
            "regulator",
            "network",
            "aggregate",
            "institute",
        ];
        if !KINDS.contains(&o.rec.kind.as_str()) {
            c.report(
                &o.at("kind"),
                format!(
                    "unknown organization kind {:?}: expected one of {}",
                    o.rec.kind,
                    KINDS.join(", ")
                ),
            );
        }
    }
    let mut codes = BTreeSet::new();
    for o in &data.organizations {
        if let Some(code) = &o.rec.code {
            if !codes.insert(code.clone()) {
                c.report(&o.at("code"), format!("duplicate ministry code {code:?}"));
            }
        }
        if let Some(p) = &o.rec.parent {
            if !seen.contains(p) {
                c.report(
                    &o.at("parent"),
                    format!("parent {p:?} is not a known organization id"),
                );
            }
        }
    }
    let mut years = BTreeSet::new();
    for y in &data.fiscal_years {
        if !years.insert(y.rec.year) {
            c.report(
                &y.at("year"),
                format!("duplicate fiscal year {}", y.rec.year),
            );
        }
    }
    let mut numbers = BTreeSet::new();
    for s in &data.strategies {
        if !numbers.insert(s.rec.number) {
            c.report(
                &s.at("number"),
                format!("duplicate strategy number {}", s.rec.number),
            );
        }
        if s.rec.start_year > s.rec.end_year {
            c.report(&s.loc, "start_year is after end_year");
        }
        let src = &s.rec.source;
        c.quote(
            &s.at("source"),
            &src.document,
            &src.page,
            &src.quote,
            "quote",
        );
    }
    let mut ids = BTreeSet::new();
    for d in &data.documents {
        let r = &d.doc.rec;
        if !is_slug(&r.id) {
            c.report(
                &d.doc.at("id"),
                format!("document id {:?} is not a slug", r.id),
            );
        }
        if !ids.insert(r.id.clone()) {
            c.report(&d.doc.at("id"), format!("duplicate document id {:?}", r.id));
        }
        if !years.contains(&r.fiscal_year) {
            c.report(
                &d.doc.at("fiscal_year"),
                format!(
                    "fiscal_year {} is not declared in reference.toml",
                    r.fiscal_year
                ),
            );
        }
        if !numbers.contains(&r.strategy) {
            c.report(
                &d.doc.at("strategy"),
                format!("strategy {} is not declared in reference.toml", r.strategy),
            );
        }
        if !seen.contains(&r.publisher) {
            c.report(
                &d.doc.at("publisher"),
                format!("publisher {:?} is not a known organization id", r.publisher),
            );
        }
        if oxigraph::model::NamedNode::new(&r.license).is_err() || !r.license.starts_with("http") {
            c.report(&d.doc.at("license"), format!("license {:?} is not an absolute http(s) IRI (e.g. https://creativecommons.org/licenses/by/4.0/)", r.license));
        }
        if data
            .documents
            .iter()
            .filter(|o| o.doc.rec.fiscal_year == r.fiscal_year)
            .count()
            > 1
        {
            c.report(&d.doc.at("fiscal_year"), format!("two documents for fiscal year {}: their IRIs would collide (one document per fiscal year)", r.fiscal_year));
        }
        let n_lines = d.text.lines().count();
        let mut labels = BTreeSet::new();
        let mut previous_last = 0;
        for p in &r.page {
            if !labels.insert(p.label.clone()) {
                c.report(
                    &d.doc.at_text(&format!("label = \"{}\"", p.label)),
                    format!("duplicate page label {:?}", p.label),
                );
            }
            if p.first_line == 0 || p.first_line > p.last_line || p.last_line > n_lines {
                c.report(
                    &d.doc.at_text(&format!("label = \"{}\"", p.label)),
                    format!(
                        "page {:?}: line range {}..{} is not within 1..{n_lines}",
                        p.label, p.first_line, p.last_line
                    ),
                );
            }
            if p.first_line <= previous_last {
                c.report(
                    &d.doc.at_text(&format!("label = \"{}\"", p.label)),
                    format!("page {:?} overlaps the previous page", p.label),
                );
            }
            previous_last = p.last_line;
        }
    }
}

fn check_identities(c: &mut Checker) {
    let data = c.data;
    let slugs: BTreeSet<&str> = data
        .identities
        .iter()
        .map(|i| i.rec.slug.as_str())
        .collect();
    let mut seen = BTreeSet::new();
    let mut names: BTreeMap<(i32, &str), &str> = BTreeMap::new();
    let years: BTreeSet<i32> = data
        .documents
        .iter()
        .map(|d| d.doc.rec.fiscal_year)
        .collect();
    for i in &data.identities {
        let r = &i.rec;
        if !is_slug(&r.slug) {
            c.report(&i.at("slug"), format!("program slug {:?} is not a slug (lowercase ASCII letters, digits, single hyphens)", r.slug));
        }
        if !seen.insert(r.slug.as_str()) {
            c.report(
                &i.at("slug"),
                format!("duplicate program slug {:?}", r.slug),
            );
        }
        for code in &r.ministries {
            c.ministry(&i.at("ministries"), code, false);
        }
        for (key, name) in &r.names {
            match key.parse::<i32>() {
                Ok(y) if years.contains(&y) => {}
                _ => c.report(
                    &i.at("names"),
                    format!(
                        "names key {key:?} is not the fiscal year of a document: expected one of {}",
                        years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
                    ),
                ),
            }
            if name.trim().is_empty() {
                c.report(&i.at("names"), format!("the FY{key} name is empty"));
            }
        }
        if r.names.is_empty() {
            c.report(
                &i.at("names"),
                "a program needs the name of at least one year",
            );
        }
        if r.continuity() == "renamed" && r.evidence.trim().is_empty() {
            c.report(&i.at("names"), "the names differ between years (renamed): give the evidence that it is the same program");
        }
        if let Some(other) = &r.possibly_same_as {
            if !slugs.contains(other.as_str()) {
                c.report(
                    &i.at("possibly_same_as"),
                    format!("possibly_same_as {other:?} is not a known program slug"),
                );
            }
        }
        for (year, n) in r.yearly_names() {
            for v in &r.variants {
                if let Some(prev) = names.insert((year, v.as_str()), r.slug.as_str()) {
                    if prev != r.slug {
                        c.report(
                            &i.at("variants"),
                            format!("variant {v:?} is already a name of program {prev:?}"),
                        );
                    }
                }
            }
            if let Some(prev) = names.insert((year, n), r.slug.as_str()) {
                c.report(
                    &i.at("names"),
                    format!("FY{year} name {n:?} is already used by program {prev:?}"),
                );
            }
        }
    }
}

fn check_document(c: &mut Checker, d: &DocumentData, names: &ProgramNames) {
    let doc = d.doc.rec.id.as_str();
    let year = d.doc.rec.fiscal_year;

    let mut figures = BTreeSet::new();
    for f in &d.figures {
        let r = &f.rec;
        if Category::parse(&r.category).is_none() {
            c.report(
                &f.at("category"),
                format!(
                    "unknown category {:?}: expected one of {}",
                    r.category,
                    Category::choices()
                ),
            );
        }
        if Kind::parse(&r.kind).is_none() {
            c.report(
                &f.at("kind"),
                format!(
                    "unknown kind {:?}: expected one of {}",
                    r.kind,
                    Kind::choices()
                ),
            );
        }
        c.ministry(&f.at("ministry"), &r.ministry, true);
        c.amount(&f.at("amount_oku"), "amount_oku", &r.amount_oku);
        c.printed(&f.at("amount_oku"), "amount_oku", &r.amount_oku, &r.quote);
        if !figures.insert((r.category.clone(), r.kind.clone(), r.ministry.clone())) {
            c.report(
                &f.loc,
                format!(
                    "duplicate figure (category {:?}, kind {:?}, ministry {:?})",
                    r.category, r.kind, r.ministry
                ),
            );
        }
        c.quote(&f.at("quote"), doc, &r.page, &r.quote, "quote");
    }
    let mut keys = BTreeSet::new();
    for n in &d.notes {
        let r = &n.rec;
        if NoteKey::parse(&r.key).is_none() {
            c.report(
                &n.at("key"),
                format!(
                    "unknown key {:?}: expected one of {}",
                    r.key,
                    NoteKey::choices()
                ),
            );
        }
        if !keys.insert(r.key.clone()) {
            c.report(&n.at("key"), format!("duplicate note key {:?}", r.key));
        }
        c.amount(&n.at("amount_oku"), "amount_oku", &r.amount_oku);
        c.printed(&n.at("amount_oku"), "amount_oku", &r.amount_oku, &r.quote);
        c.quote(&n.at("quote"), doc, &r.page, &r.quote, "quote");
    }

    let mut projects = BTreeSet::new();
    for p in &d.projects {
        let r = &p.rec;
        if r.number == 0 {
            c.report(&p.at("number"), "project number must be 1 or more");
        }
        if !projects.insert(r.number) {
            c.report(
                &p.at("number"),
                format!("duplicate project number {}", r.number),
            );
        }
        c.amount(&p.at("total_oku"), "total_oku", &r.total_oku);
        c.amount(&p.at("amed_oku"), "amed_oku", &r.amed_oku);
        c.printed(&p.at("total_oku"), "total_oku", &r.total_oku, &r.quote);
        c.printed(&p.at("amed_oku"), "amed_oku", &r.amed_oku, &r.quote);
        if let Some(a) = &r.inhouse_oku {
            c.amount(&p.at("inhouse_oku"), "inhouse_oku", a);
            c.printed(&p.at("inhouse_oku"), "inhouse_oku", a, &r.quote);
        }
        c.quote(&p.at("quote"), doc, &r.page, &r.quote, "quote");
        c.page(&p.at("diagram_page"), doc, &r.diagram_page, "diagram_page");
        c.page(&p.at("points_page"), doc, &r.points_page, "points_page");
    }
    let project_choices = || {
        projects
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };

    let years: BTreeSet<i32> = c.data.fiscal_years.iter().map(|y| y.rec.year).collect();
    for l in &d.lines {
        let r = &l.rec;
        match r.project {
            Some(p) if !projects.contains(&p) => c.report(
                &l.at("project"),
                format!("project {p} is not a project of {doc}: expected one of {}", project_choices()),
            ),
            None if r.amount_oku.is_some() || r.share_of_oku.is_some() => c.report(
                &l.loc,
                "a line outside any project (no `project`) cannot carry a request amount: give its project",
            ),
            _ => {}
        }
        for s in &r.supplementary {
            if !years.contains(&s.year) {
                c.report(
                    &l.at_text(&s.quote),
                    format!(
                        "supplementary year {} is not declared in reference.toml",
                        s.year
                    ),
                );
            }
            c.amount(
                &l.at_text(&s.quote),
                "supplementary amount_oku",
                &s.amount_oku,
            );
            c.quote(
                &l.at_text(&s.quote),
                doc,
                &r.page,
                &s.quote,
                "supplementary quote",
            );
        }
        if !r.supplementary.is_empty() && !r.fund {
            c.report(
                &l.at("fund"),
                "a line with a supplementary budget (補正予算額) is fund-based: set fund = true",
            );
        }
        match LineKind::parse(&r.kind) {
            None => c.report(
                &l.at("kind"),
                format!(
                    "unknown line kind {:?}: expected one of {}",
                    r.kind,
                    LineKind::choices()
                ),
            ),
            Some(LineKind::Group) if r.programs.len() < 2 => {
                c.report(&l.loc, "a group line lists two or more programs")
            }
            Some(LineKind::Area | LineKind::Block) if r.label.trim().is_empty() => {
                c.report(&l.loc, "an area or block line needs its label")
            }
            Some(LineKind::Program | LineKind::Listed) if r.programs.len() != 1 => {
                c.report(&l.loc, "a program or listed line names exactly one program")
            }
            _ => {}
        }
        for name in &r.programs {
            if names.slug(year, name).is_none() {
                c.report(&l.at("programs"), format!("program {name:?} is not in programs.toml for FY{year} (add it there, or fix the spelling)"));
            }
        }
        if Category::parse(&r.funding).is_none() {
            c.report(
                &l.at("funding"),
                format!(
                    "unknown funding {:?}: expected one of {}",
                    r.funding,
                    Category::choices()
                ),
            );
        }
        if let Some(a) = &r.amount_oku {
            c.amount(&l.at("amount_oku"), "amount_oku", a);
        }
        if let Some(a) = &r.share_of_oku {
            c.amount(&l.at("share_of_oku"), "share_of_oku", a);
        }
        if r.amount_oku.is_some() && r.share_of_oku.is_some() {
            c.report(
                &l.loc,
                "a line has either amount_oku or share_of_oku ('N億円の内数'), not both",
            );
        }
        if r.kind == "listed" && (r.amount_oku.is_some() || r.share_of_oku.is_some()) {
            c.report(&l.loc, "a listed line has no amount");
        }
        for a in &r.alternatives {
            c.amount(&l.at("alternatives"), "alternatives", a);
        }
        match Certainty::parse(&r.certainty) {
            None => c.report(
                &l.at("certainty"),
                format!(
                    "unknown certainty {:?}: expected one of {}",
                    r.certainty,
                    Certainty::choices()
                ),
            ),
            Some(Certainty::Certain) => {}
            Some(_) if r.reasoning.trim().is_empty() => c.report(
                &l.loc,
                "an inferred or ambiguous figure needs its reasoning",
            ),
            Some(Certainty::Ambiguous) if r.alternatives.is_empty() => {
                c.report(&l.loc, "an ambiguous figure lists its alternatives")
            }
            Some(_) => {}
        }
        c.quote(&l.at("quote"), doc, &r.page, &r.quote, "quote");
        if let Some(q) = &r.amount_quote {
            c.quote(&l.at("amount_quote"), doc, &r.page, q, "amount_quote");
            if let Some(a) = &r.amount_oku {
                c.printed(&l.at("amount_oku"), "amount_oku", a, q);
            }
            if let Some(a) = &r.share_of_oku {
                c.printed(&l.at("share_of_oku"), "share_of_oku", a, q);
            }
        } else if r.amount_oku.is_some() || r.share_of_oku.is_some() {
            c.report(&l.loc, "a line with an amount needs its amount_quote");
        }
    }

    for p in &d.programs {
        let r = &p.rec;
        if !projects.contains(&r.project) {
            c.report(
                &p.at("project"),
                format!(
                    "project {} is not a project of {doc}: expected one of {}",
                    r.project,
                    project_choices()
                ),
            );
        }
        if names.slug(year, &r.name).is_none() {
            c.report(
                &p.at("name"),
                format!("program {:?} is not in programs.toml for FY{year}", r.name),
            );
        }
        for code in &r.ministries {
            c.ministry(&p.at("ministries"), code, false);
        }
        if r.ministries.is_empty() {
            c.report(&p.loc, "a program names at least one ministry");
        }
        for f in &r.flags {
            if Flag::parse(f).is_none() {
                c.report(
                    &p.at("flags"),
                    format!("unknown flag {f:?}: expected one of {}", Flag::choices()),
                );
            }
        }
        c.quote(&p.at("quote"), doc, &r.page, &r.quote, "quote");
        for b in &r.bullet {
            for f in bullet_flags(&b.flag) {
                if Flag::parse(f).is_none() {
                    c.report(
                        &p.at_text(&b.text),
                        format!("unknown bullet flag {f:?}: expected one of {} (or two joined with ・, as printed: 新規・拡充)", Flag::choices()),
                    );
                }
            }
            c.quote(&p.at_text(&b.text), doc, &r.page, &b.text, "bullet text");
        }
        for ph in &r.phase {
            if Phase::parse(&ph.phase).is_none() {
                c.report(
                    &p.at_text(&ph.quote),
                    format!(
                        "unknown phase {:?}: expected one of {}",
                        ph.phase,
                        Phase::choices()
                    ),
                );
            }
            if PhaseBasis::parse(&ph.basis).is_none() {
                c.report(
                    &p.at_text(&ph.quote),
                    format!(
                        "unknown phase basis {:?}: expected one of {}",
                        ph.basis,
                        PhaseBasis::choices()
                    ),
                );
            }
            c.quote(
                &p.at_text(&ph.quote),
                doc,
                &r.page,
                &ph.quote,
                "phase quote",
            );
        }
    }

    for l in &d.links {
        let r = &l.rec;
        if !projects.contains(&r.project) {
            c.report(
                &l.at("project"),
                format!(
                    "project {} is not a project of {doc}: expected one of {}",
                    r.project,
                    project_choices()
                ),
            );
        }
        c.quote(&l.at("quote"), doc, &r.page, &r.quote, "quote");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_non_negative_decimals() {
        assert_eq!(
            parse_amount(&AmountText("431".into())),
            Some(Decimal::from(431))
        );
        assert_eq!(
            parse_amount(&AmountText(" 0.5 ".into())),
            Decimal::from_str("0.5").ok()
        );
        assert_eq!(parse_amount(&AmountText("-1".into())), None);
        assert_eq!(parse_amount(&AmountText("４３１".into())), None);
        assert_eq!(parse_amount(&AmountText("1,489".into())), None);
        assert_eq!(parse_amount(&AmountText("1_0".into())), None);
        assert_eq!(parse_amount(&AmountText("1e3".into())), None);
        assert_eq!(
            parse_amount(&AmountText("100000000000000000000000".into())),
            None
        );
    }

    #[test]
    fn amounts_are_read_in_phrases_as_printed() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert!(printed_in(d("1489"), "１，４８９億円（内10,こ７,総6,"));
        assert!(printed_in(d("7"), "１，４８９億円（内10,こ７,総6,"));
        assert!(printed_in(d("0.4"), "概算要求額 0.4億円"));
        assert!(printed_in(d("5"), "概算要求額 ５億円"));
        assert!(printed_in(d("697"), "文697,厚579"));
        assert!(!printed_in(d("36"), "概算要求額35億円"));
        assert!(!printed_in(d("48"), "１，４８９億円"));
        assert_eq!(printed_numbers("0.4,5"), vec![d("0.4"), d("5")]);
        assert_eq!(printed_numbers("97.8,12.3"), vec![d("97.8"), d("12.3")]);
        assert_eq!(
            printed_numbers("697,579"),
            vec![d("697579")],
            "three digits after a comma read as thousands"
        );
        assert_eq!(printed_numbers("10,7,6"), vec![d("10"), d("7"), d("6")]);
        assert_eq!(printed_numbers("1,489.5億円"), vec![d("1489.5")]);
    }
}
