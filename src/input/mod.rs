//! Reads the data folder into records (`records`): files → records, with positions. Syntax
//! and type errors stop the read with the file, line and column; every record keeps its own
//! position (and text) so that `check` can point at each field.
//!
//! Layout of the data folder:
//! ```text
//! documents.toml        source documents and their page map
//! reference.toml        strategies, fiscal years, organizations
//! programs.toml         programs across years (identity, English names)
//! <doc>/summary.toml    summary-table figures and stated sums   (one folder per document)
//! <doc>/projects.toml   integrated projects
//! <doc>/lines.toml      budget lines of the diagram pages        (optional)
//! <doc>/programs.toml   ◆ items of the ポイント pages            (optional)
//! <doc>/links.toml      relations stated on the pages           (optional)
//! <doc>/reconciliation.toml  differences beyond rounding, explained (optional)
//! sources/              the source texts, as extracted from the PDFs
//! ```

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use toml::Spanned;

pub mod records;

use crate::error::{Error, Location, Result};
use records::*;

/// A record together with the place it was read from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// Where the record starts.
    pub loc: Location,
    pub rec: T,
    /// The record's own text, to locate its fields.
    pub body: String,
}

impl<T> Located<T> {
    /// The position of field `key` of this record (`key = ...` at the start of a line), or
    /// of the record itself when the field is not written out.
    pub fn at(&self, key: &str) -> Location {
        for (i, line) in self.body.lines().enumerate() {
            let trimmed = line.trim_start();
            if let Some(rest) = trimmed.strip_prefix(key) {
                if rest.trim_start().starts_with('=') {
                    let indent = line.chars().count() - trimmed.chars().count();
                    let column = if i == 0 {
                        self.loc.column + indent
                    } else {
                        indent + 1
                    };
                    return Location::new(self.loc.file.clone(), self.loc.line + i, column);
                }
            }
        }
        self.loc.clone()
    }

    /// The position of the first line of this record that contains `needle` (e.g. the text
    /// of one bullet among several), or of the record itself.
    pub fn at_text(&self, needle: &str) -> Location {
        let needle: String = needle.chars().take(12).collect();
        match self.body.lines().position(|l| l.contains(&needle)) {
            Some(0) | None => self.loc.clone(),
            Some(i) => Location::new(self.loc.file.clone(), self.loc.line + i, 1),
        }
    }
}

/// Everything read from one source document's folder.
#[derive(Debug, Clone)]
pub struct DocumentFiles {
    pub doc: Located<DocumentRec>,
    /// The source text (from `doc.file`).
    pub text: String,
    pub figures: Vec<Located<FigureRec>>,
    pub notes: Vec<Located<NoteRec>>,
    pub projects: Vec<Located<ProjectRec>>,
    pub lines: Vec<Located<LineRec>>,
    pub programs: Vec<Located<ProgramRec>>,
    pub links: Vec<Located<LinkRec>>,
    /// Reconciliation differences the data explains (`reconciliation.toml`).
    pub explained: Vec<Located<ExplainedRec>>,
}

/// The whole data folder, as records.
#[derive(Debug, Clone)]
pub struct RawData {
    pub root: PathBuf,
    pub documents: Vec<DocumentFiles>,
    pub strategies: Vec<Located<StrategyRec>>,
    pub fiscal_years: Vec<Located<FiscalYearRec>>,
    pub organizations: Vec<Located<OrganizationRec>>,
    pub identities: Vec<Located<IdentityRec>>,
}

impl RawData {
    /// How many records quote a phrase of the sources (each one is checked on its page).
    pub fn quoted_records(&self) -> usize {
        let per_document: usize = self
            .documents
            .iter()
            .map(|d| {
                d.figures.len()
                    + d.notes.len()
                    + d.projects.len()
                    + d.lines.len()
                    + d.links.len()
                    + d.programs
                        .iter()
                        .map(|p| 1 + p.rec.bullet.len() + p.rec.phase.len())
                        .sum::<usize>()
            })
            .sum();
        per_document + self.strategies.len()
    }
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::read(path, e))
}

/// Parses one TOML file into `T`; a syntax or type error names the file, line and column.
pub fn parse_toml<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        Error::Syntax {
            location: Location::from_offset(path, text, offset),
            message: e.message().trim().to_owned(),
        }
    })
}

/// The longest line a data file may have, in bytes: far beyond any record (the longest line of
/// the real data is a few hundred bytes), short of what would make every message that quotes
/// it unreadable.
pub const MAX_LINE: usize = 16_384;

fn read_toml<T: DeserializeOwned>(path: &Path) -> Result<(T, String)> {
    let text = read_text(path)?;
    check_text(path, &text)?;
    let value = parse_toml(path, &text)?;
    Ok((value, text))
}

/// What TOML itself lets through but a data file may not hold: a byte-order mark (editors
/// that add one show nothing, and every position after it is off by one), and lines too long
/// to be records.
fn check_text(path: &Path, text: &str) -> Result<()> {
    if text.starts_with('\u{feff}') {
        return Err(Error::Syntax {
            location: Location::new(path, 1, 1),
            message:
                "the file starts with a byte-order mark (U+FEFF): save it as UTF-8 without BOM"
                    .to_owned(),
        });
    }
    if let Some((i, line)) = text.lines().enumerate().find(|(_, l)| l.len() > MAX_LINE) {
        return Err(Error::Syntax {
            location: Location::new(path, i + 1, 1),
            message: format!(
                "line {} is {} bytes long: a data file's lines are at most {MAX_LINE} bytes (split the text, or is this not a data file?)",
                i + 1,
                line.len()
            ),
        });
    }
    Ok(())
}

fn read_optional<T: DeserializeOwned>(path: &Path) -> Result<Option<(T, String)>> {
    if path.exists() {
        read_toml(path).map(Some)
    } else {
        Ok(None)
    }
}

fn locate<T>(path: &Path, text: &str, items: Vec<Spanned<T>>) -> Vec<Located<T>> {
    items
        .into_iter()
        .map(|s| {
            let span = s.span();
            let loc = Location::from_offset(path, text, span.start);
            let body = record_body(text, span);
            Located {
                loc,
                rec: s.into_inner(),
                body,
            }
        })
        .collect()
}

/// The text of a record: from its span (for an array-of-tables element, its `[[name]]`
/// header) to the next table header that is not one of its own sub-tables.
fn record_body(text: &str, span: std::ops::Range<usize>) -> String {
    let start = span.start.min(text.len());
    let head = text.get(span.clone()).unwrap_or_default();
    if !head.trim_start().starts_with('[') {
        // an inline table or a value: its span is the whole record
        return head.to_owned();
    }
    let name = head
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    let own = |l: &str| {
        !name.is_empty()
            && l.trim_start()
                .trim_start_matches('[')
                .starts_with(&format!("{name}."))
    };
    let rest = text.get(start..).unwrap_or_default();
    let mut end = rest.len();
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if i > 0 && line.trim_start().starts_with('[') && !own(line) {
            end = offset;
            break;
        }
        offset += line.len();
    }
    rest.get(..end).unwrap_or_default().to_owned()
}

/// Reads the data folder. Missing optional files are empty; a missing required file or a
/// syntax error is an error.
pub fn read_data(root: &Path) -> Result<RawData> {
    let mut raw = read_shared(root)?;
    for d in &mut raw.documents {
        *d = read_document(root, &d.doc)?;
    }
    Ok(raw)
}

/// Reads the files the documents share (`documents.toml`, `reference.toml`,
/// `programs.toml`), each document by its header only: [`read_document`] reads the rest of
/// one document, so that a streamed build holds one document's records at a time.
pub fn read_shared(root: &Path) -> Result<RawData> {
    let docs_path = root.join("documents.toml");
    let (docs, docs_text): (DocumentsFile, _) = read_toml(&docs_path)?;
    let ref_path = root.join("reference.toml");
    let (reference, ref_text): (ReferenceFile, _) = read_toml(&ref_path)?;
    let id_path = root.join("programs.toml");
    let identities = match read_optional::<IdentityFile>(&id_path)? {
        Some((f, text)) => locate(&id_path, &text, f.program),
        None => Vec::new(),
    };
    let documents = locate(&docs_path, &docs_text, docs.document)
        .into_iter()
        .map(DocumentFiles::header)
        .collect();
    Ok(RawData {
        root: root.to_path_buf(),
        documents,
        strategies: locate(&ref_path, &ref_text, reference.strategy),
        fiscal_years: locate(&ref_path, &ref_text, reference.fiscal_year),
        organizations: locate(&ref_path, &ref_text, reference.organization),
        identities,
    })
}

impl DocumentFiles {
    /// A document by its header only: no text, no records.
    pub fn header(doc: Located<DocumentRec>) -> DocumentFiles {
        DocumentFiles {
            doc,
            text: String::new(),
            figures: Vec::new(),
            notes: Vec::new(),
            projects: Vec::new(),
            lines: Vec::new(),
            programs: Vec::new(),
            links: Vec::new(),
            explained: Vec::new(),
        }
    }
}

/// Reads one document's source text and folder, for its header `doc` (of `documents.toml`).
pub fn read_document(root: &Path, doc: &Located<DocumentRec>) -> Result<DocumentFiles> {
    // the id names the document's folder (and its graph and IRIs): nothing is read before it
    // is known to be a plain name (the source text's `file` may lie elsewhere: the user's own
    // path, as the test fixtures' does)
    if let Some(message) = crate::rdf::resource::document_id_problem(&doc.rec.id) {
        return Err(Error::Data {
            location: doc.at("id"),
            message,
        });
    }
    let dir = root.join(&doc.rec.id);
    let path = root.join(&doc.rec.file);
    let text = std::fs::read_to_string(&path).map_err(|source| Error::SourceText {
        location: doc.at("file"),
        path: path.clone(),
        source,
    })?;
    for required in ["summary.toml", "projects.toml"] {
        if !dir.join(required).is_file() {
            return Err(Error::Data {
                location: doc.at("id"),
                message: format!(
                    "document {:?} needs {} (one folder per document id)",
                    doc.rec.id,
                    dir.join(required).display()
                ),
            });
        }
    }
    let summary_path = dir.join("summary.toml");
    let (summary, summary_text): (SummaryFile, _) = read_toml(&summary_path)?;
    let projects_path = dir.join("projects.toml");
    let (projects, projects_text): (ProjectsFile, _) = read_toml(&projects_path)?;
    let lines_path = dir.join("lines.toml");
    let lines = match read_optional::<LinesFile>(&lines_path)? {
        Some((f, t)) => locate(&lines_path, &t, f.line),
        None => Vec::new(),
    };
    let programs_path = dir.join("programs.toml");
    let programs = match read_optional::<ProgramsFile>(&programs_path)? {
        Some((f, t)) => locate(&programs_path, &t, f.program),
        None => Vec::new(),
    };
    let links_path = dir.join("links.toml");
    let links = match read_optional::<LinksFile>(&links_path)? {
        Some((f, t)) => locate(&links_path, &t, f.link),
        None => Vec::new(),
    };
    let explained_path = dir.join("reconciliation.toml");
    let explained = match read_optional::<ReconciliationFile>(&explained_path)? {
        Some((f, t)) => locate(&explained_path, &t, f.explained),
        None => Vec::new(),
    };
    Ok(DocumentFiles {
        explained,
        figures: locate(&summary_path, &summary_text, summary.figure),
        notes: locate(&summary_path, &summary_text, summary.note),
        projects: locate(&projects_path, &projects_text, projects.project),
        lines,
        programs,
        links,
        doc: doc.clone(),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_located_on_their_own_line() {
        let text = "# c\n[[project]]\nnumber = 1\n  name = \"x\"\n\n[[project]]\nnumber = 2\n";
        #[derive(serde::Deserialize)]
        struct P {
            #[allow(dead_code)]
            number: u32,
            #[allow(dead_code)]
            name: Option<String>,
        }
        #[derive(serde::Deserialize)]
        struct F {
            project: Vec<Spanned<P>>,
        }
        let f: F = parse_toml(Path::new("p.toml"), text).unwrap();
        let recs = locate(Path::new("p.toml"), text, f.project);
        assert_eq!(
            recs[0].at("name").to_string(),
            "p.toml:4:3",
            "body {:?}",
            recs[0].body
        );
        assert_eq!(recs[1].at("number").line, 7);
        assert_eq!(
            recs[1].at("name"),
            recs[1].loc,
            "an absent field falls back to the record"
        );
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let text = "[[project]]\nnumber = 1\nname = \"x\n";
        let err = parse_toml::<ProjectsFile>(Path::new("p.toml"), text).unwrap_err();
        let Error::Syntax { location, .. } = err else {
            panic!("expected a syntax error")
        };
        assert_eq!(location.line, 3);
    }

    #[test]
    fn unknown_fields_are_rejected_with_their_position() {
        let text = "[[figure]]\ncategory = \"AMED\"\nkind = \"total\"\nministry = \"ALL\"\namount_oku = \"1\"\npage = \"summary\"\nquote = \"q\"\ncolour = \"red\"\n";
        let err = parse_toml::<SummaryFile>(Path::new("s.toml"), text).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("s.toml:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
    }
}
