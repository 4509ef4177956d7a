//! The IRI scheme, in one place and both ways: every kind of resource the graph mints, its
//! path under the base ([`Resource::path`]) and back ([`Resource::parse`]), so that the
//! mapping, the linked-data server's router and the static site agree by construction.
//!
//! IRIs are built from stable keys of the data (fiscal year, project number, program slugs,
//! organization ids, page labels), so the same data always mints the same IRIs. Items that
//! have no key of their own (budget lines, stated links, ◆ entries and their bullets) are
//! numbered by their position on their project's page (`line/2026/1/3` is the third line of
//! FY2026 project 1): inserting an item renumbers the later items of that project only.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::model::{Category, Code, Kind, LineScope, NoteKey, Phase};

/// What a page label keeps unencoded in a path segment: ASCII letters, digits, `-_.`.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');

/// The named graphs of the store.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GraphKey {
    /// The ontology (`ontology/*.ttl` but the shapes).
    Ontology,
    /// The SHACL shapes (`ontology/shapes.ttl`).
    Shapes,
    /// What holds across documents: dataset, strategies, years, organizations, programs.
    Meta,
    /// What one source document says (its id).
    Document(String),
}

impl GraphKey {
    pub fn name(&self) -> &str {
        match self {
            GraphKey::Ontology => "ontology",
            GraphKey::Shapes => "shapes",
            GraphKey::Meta => "meta",
            GraphKey::Document(id) => id,
        }
    }
}

/// The three figures of a project: its total, its AMED part and its in-house part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProjectPart {
    All,
    Amed,
    Inhouse,
}

impl ProjectPart {
    const ALL: [ProjectPart; 3] = [ProjectPart::All, ProjectPart::Amed, ProjectPart::Inhouse];

    fn segment(self) -> &'static str {
        match self {
            ProjectPart::All => "all",
            ProjectPart::Amed => "amed",
            ProjectPart::Inhouse => "inhouse",
        }
    }
}

/// Every kind of resource minted under the base.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Resource {
    /// The dataset as a whole (VoID / DCAT).
    Dataset,
    /// The Data Cube data set of one document's figures.
    DocumentDataset(String),
    Graph(GraphKey),
    Document(String),
    Page {
        document: String,
        label: String,
    },
    Strategy(u32),
    FiscalYear(i32),
    Organization(String),
    Project {
        year: i32,
        number: u32,
    },
    Program(String),
    ProgramYear {
        slug: String,
        year: i32,
    },
    /// The `n`th ◆ entry of a program on project `project`'s ポイント page.
    Entry {
        slug: String,
        year: i32,
        project: u32,
        n: usize,
    },
    Bullet {
        slug: String,
        year: i32,
        project: u32,
        n: usize,
        bullet: usize,
    },
    PhaseCoverage {
        slug: String,
        year: i32,
        project: u32,
        n: usize,
        phase: Phase,
    },
    Line {
        year: i32,
        scope: LineScope,
        n: usize,
    },
    SummaryFigure {
        year: i32,
        category: Category,
        kind: Kind,
        /// Organization id, or `all`.
        ministry: String,
    },
    NoteFigure {
        year: i32,
        key: NoteKey,
    },
    ProjectFigure {
        year: i32,
        number: u32,
        part: ProjectPart,
    },
    LineFigure {
        year: i32,
        scope: LineScope,
        n: usize,
    },
    SupplementaryFigure {
        year: i32,
        scope: LineScope,
        n: usize,
        budget_year: i32,
    },
    /// The `n`th relation stated on a project's pages (or a reference page's).
    Link {
        year: i32,
        scope: LineScope,
        n: usize,
    },
    Lineage {
        from_year: i32,
        from_project: u32,
        to_year: i32,
        to_project: u32,
    },
    /// A fiscal year's medical R&D budget (the subject of the summary figures).
    Budget(i32),
    /// A part of the budget a summary-page sentence states (its note key).
    BudgetPart {
        year: i32,
        key: NoteKey,
    },
}

/// Graph names the store uses for itself ([`GraphKey::name`]): a document id may not take them.
pub const RESERVED_IDS: &[&str] = &["meta", "ontology", "shapes"];

/// What is wrong with `id` as a document id, if anything: it names the document's folder,
/// its graph and its IRIs, so it must be a slug and not one of the store's own graph names.
pub fn document_id_problem(id: &str) -> Option<String> {
    if !is_slug(id) {
        Some(format!("document id {id:?} is not a slug (lowercase ASCII letters, digits, hyphens): it names the document's folder, graph and IRIs"))
    } else if RESERVED_IDS.contains(&id) {
        Some(format!(
            "document id {id:?} is the name of a graph of the store itself: choose another (not {})",
            RESERVED_IDS.join(", ")
        ))
    } else {
        None
    }
}

/// Whether `s` is a valid slug: lowercase ASCII letters, digits and single hyphens,
/// starting and ending with a letter or digit, at most 64 characters.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

fn category_segment(c: Category) -> &'static str {
    match c {
        Category::Amed => "amed",
        Category::Inhouse => "inhouse",
    }
}

fn kind_segment(k: Kind) -> &'static str {
    match k {
        Kind::Total => "total",
        Kind::Request => "request",
        Kind::Youbou => "youbou",
        Kind::PrevInitial => "prev-initial",
    }
}

fn note_segment(k: NoteKey) -> &'static str {
    match k {
        NoteKey::CoordinationFundTotal => "coordination-fund-total",
        NoteKey::CoordinationFundMedical => "coordination-fund-medical",
        NoteKey::OtherAmed => "other-amed",
        NoteKey::OtherInhouse => "other-inhouse",
    }
}

/// The budget part a note key states a figure of.
fn budget_part_segment(k: NoteKey) -> &'static str {
    match k {
        NoteKey::CoordinationFundTotal => "stip",
        NoteKey::CoordinationFundMedical => "stip-medical",
        NoteKey::OtherAmed => "other-amed",
        NoteKey::OtherInhouse => "other-inhouse",
    }
}

fn scope_segment(s: LineScope) -> String {
    match s {
        LineScope::Project(p) => p.to_string(),
        LineScope::Reference => "reference".to_owned(),
    }
}

/// Percent-encodes a page label for a path segment.
pub fn encode_segment(label: &str) -> String {
    utf8_percent_encode(label, SEGMENT).to_string()
}

impl Resource {
    /// The path under the base.
    pub fn path(&self) -> String {
        use Resource as R;
        match self {
            R::Dataset => "dataset".into(),
            R::DocumentDataset(doc) => format!("dataset/{doc}"),
            R::Graph(g) => format!("graph/{}", g.name()),
            R::Document(doc) => format!("document/{doc}"),
            R::Page { document, label } => {
                format!("document/{document}/page/{}", encode_segment(label))
            }
            R::Strategy(n) => format!("strategy/{n}"),
            R::FiscalYear(y) => format!("fiscal-year/{y}"),
            R::Organization(id) => format!("org/{id}"),
            R::Project { year, number } => format!("project/{year}/{number}"),
            R::Program(slug) => format!("program/{slug}"),
            R::ProgramYear { slug, year } => format!("program/{slug}/{year}"),
            R::Entry {
                slug,
                year,
                project,
                n,
            } => format!("program/{slug}/{year}/entry/{project}/{n}"),
            R::Bullet {
                slug,
                year,
                project,
                n,
                bullet,
            } => format!("program/{slug}/{year}/entry/{project}/{n}/bullet/{bullet}"),
            R::PhaseCoverage {
                slug,
                year,
                project,
                n,
                phase,
            } => format!(
                "program/{slug}/{year}/entry/{project}/{n}/phase/{}",
                phase.as_str()
            ),
            R::Line { year, scope, n } => format!("line/{year}/{}/{n}", scope_segment(*scope)),
            R::SummaryFigure {
                year,
                category,
                kind,
                ministry,
            } => format!(
                "figure/{year}/summary/{}/{}/{ministry}",
                category_segment(*category),
                kind_segment(*kind)
            ),
            R::NoteFigure { year, key } => format!("figure/{year}/note/{}", note_segment(*key)),
            R::ProjectFigure { year, number, part } => {
                format!("figure/{year}/project/{number}/{}", part.segment())
            }
            R::LineFigure { year, scope, n } => {
                format!("figure/{year}/line/{}/{n}", scope_segment(*scope))
            }
            R::SupplementaryFigure {
                year,
                scope,
                n,
                budget_year,
            } => format!(
                "figure/{year}/line/{}/{n}/supplementary/{budget_year}",
                scope_segment(*scope)
            ),
            R::Link { year, scope, n } => format!("link/{year}/{}/{n}", scope_segment(*scope)),
            R::Lineage {
                from_year,
                from_project,
                to_year,
                to_project,
            } => format!("lineage/{from_year}/{from_project}/{to_year}/{to_project}"),
            R::Budget(year) => format!("budget/{year}"),
            R::BudgetPart { year, key } => format!("budget/{year}/{}", budget_part_segment(*key)),
        }
    }

    /// The resource a path under the base names. Only canonical paths parse (no leading
    /// zeros, no needless percent-encoding), so `parse(r.path()) == Some(r)` and a parsed
    /// path prints back to itself.
    pub fn parse(path: &str) -> Option<Resource> {
        use Resource as R;
        let segments: Vec<&str> = path.split('/').collect();
        let r = match segments.as_slice() {
            ["dataset"] => R::Dataset,
            ["dataset", doc] => R::DocumentDataset(slug(doc)?),
            ["graph", "ontology"] => R::Graph(GraphKey::Ontology),
            ["graph", "meta"] => R::Graph(GraphKey::Meta),
            ["graph", "shapes"] => R::Graph(GraphKey::Shapes),
            ["graph", doc] => R::Graph(GraphKey::Document(slug(doc)?)),
            ["document", doc] => R::Document(slug(doc)?),
            ["document", doc, "page", label] => R::Page {
                document: slug(doc)?,
                label: label_of(label)?,
            },
            ["strategy", n] => R::Strategy(number(n)?),
            ["fiscal-year", y] => R::FiscalYear(number(y)?),
            ["org", id] => R::Organization(slug(id)?),
            ["project", y, n] => R::Project {
                year: number(y)?,
                number: number(n)?,
            },
            ["program", s] => R::Program(slug(s)?),
            ["program", s, y] => R::ProgramYear {
                slug: slug(s)?,
                year: number(y)?,
            },
            ["program", s, y, "entry", p, n] => R::Entry {
                slug: slug(s)?,
                year: number(y)?,
                project: number(p)?,
                n: number(n)?,
            },
            ["program", s, y, "entry", p, n, "bullet", b] => R::Bullet {
                slug: slug(s)?,
                year: number(y)?,
                project: number(p)?,
                n: number(n)?,
                bullet: number(b)?,
            },
            ["program", s, y, "entry", p, n, "phase", ph] => R::PhaseCoverage {
                slug: slug(s)?,
                year: number(y)?,
                project: number(p)?,
                n: number(n)?,
                phase: Phase::parse(ph)?,
            },
            ["line", y, scope, n] => R::Line {
                year: number(y)?,
                scope: line_scope(scope)?,
                n: number(n)?,
            },
            ["figure", y, "summary", c, k, m] => R::SummaryFigure {
                year: number(y)?,
                category: find(Category::ALL, category_segment, c)?,
                kind: find(Kind::ALL, kind_segment, k)?,
                ministry: slug(m)?,
            },
            ["figure", y, "note", k] => R::NoteFigure {
                year: number(y)?,
                key: find(NoteKey::ALL, note_segment, k)?,
            },
            ["figure", y, "project", n, part] => R::ProjectFigure {
                year: number(y)?,
                number: number(n)?,
                part: find(&ProjectPart::ALL, ProjectPart::segment, part)?,
            },
            ["figure", y, "line", scope, n] => R::LineFigure {
                year: number(y)?,
                scope: line_scope(scope)?,
                n: number(n)?,
            },
            ["figure", y, "line", scope, n, "supplementary", by] => R::SupplementaryFigure {
                year: number(y)?,
                scope: line_scope(scope)?,
                n: number(n)?,
                budget_year: number(by)?,
            },
            ["link", y, scope, n] => R::Link {
                year: number(y)?,
                scope: line_scope(scope)?,
                n: number(n)?,
            },
            ["lineage", fy, fp, ty, tp] => R::Lineage {
                from_year: number(fy)?,
                from_project: number(fp)?,
                to_year: number(ty)?,
                to_project: number(tp)?,
            },
            ["budget", y] => R::Budget(number(y)?),
            ["budget", y, part] => R::BudgetPart {
                year: number(y)?,
                key: find(NoteKey::ALL, budget_part_segment, part)?,
            },
            _ => return None,
        };
        Some(r)
    }
}

fn slug(s: &str) -> Option<String> {
    is_slug(s).then(|| s.to_owned())
}

/// A decimal number without sign or leading zeros.
fn number<T: std::str::FromStr + ToString>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: T = s.parse().ok()?;
    (n.to_string() == s).then_some(n)
}

fn line_scope(s: &str) -> Option<LineScope> {
    if s == "reference" {
        Some(LineScope::Reference)
    } else {
        number(s).map(LineScope::Project)
    }
}

fn label_of(segment: &str) -> Option<String> {
    let label = percent_decode_str(segment).decode_utf8().ok()?.into_owned();
    (!label.is_empty() && encode_segment(&label) == segment).then_some(label)
}

fn find<T: Copy>(all: &[T], segment: fn(T) -> &'static str, s: &str) -> Option<T> {
    all.iter().copied().find(|c| segment(*c) == s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One resource of every kind (every variant of every code list where a path carries one).
    fn every_kind() -> Vec<Resource> {
        use Resource as R;
        let s = || "souyaku-kiban".to_owned();
        let mut v = vec![
            R::Dataset,
            R::DocumentDataset("fy2026".into()),
            R::Graph(GraphKey::Ontology),
            R::Graph(GraphKey::Meta),
            R::Graph(GraphKey::Shapes),
            R::Graph(GraphKey::Document("fy2024".into())),
            R::Document("fy2026".into()),
            R::Page {
                document: "fy2026".into(),
                label: "summary".into(),
            },
            R::Page {
                document: "fy2026".into(),
                label: "参考 1/2".into(),
            },
            R::Strategy(3),
            R::FiscalYear(2026),
            R::Organization("mhlw".into()),
            R::Project {
                year: 2026,
                number: 1,
            },
            R::Program(s()),
            R::ProgramYear {
                slug: s(),
                year: 2024,
            },
            R::Entry {
                slug: s(),
                year: 2024,
                project: 5,
                n: 2,
            },
            R::Bullet {
                slug: s(),
                year: 2024,
                project: 5,
                n: 2,
                bullet: 10,
            },
            R::Line {
                year: 2026,
                scope: LineScope::Project(1),
                n: 3,
            },
            R::Line {
                year: 2024,
                scope: LineScope::Reference,
                n: 1,
            },
            R::LineFigure {
                year: 2024,
                scope: LineScope::Reference,
                n: 1,
            },
            R::SupplementaryFigure {
                year: 2024,
                scope: LineScope::Reference,
                n: 1,
                budget_year: 2023,
            },
            R::Link {
                year: 2026,
                scope: LineScope::Project(7),
                n: 12,
            },
            R::Link {
                year: 2024,
                scope: LineScope::Reference,
                n: 2,
            },
            R::Lineage {
                from_year: 2024,
                from_project: 1,
                to_year: 2026,
                to_project: 2,
            },
            R::Budget(2026),
        ];
        for phase in Phase::ALL {
            v.push(R::PhaseCoverage {
                slug: s(),
                year: 2026,
                project: 1,
                n: 1,
                phase: *phase,
            });
        }
        for category in Category::ALL {
            for kind in Kind::ALL {
                v.push(R::SummaryFigure {
                    year: 2024,
                    category: *category,
                    kind: *kind,
                    ministry: "all".into(),
                });
            }
        }
        for key in NoteKey::ALL {
            v.push(R::NoteFigure {
                year: 2026,
                key: *key,
            });
            v.push(R::BudgetPart {
                year: 2026,
                key: *key,
            });
        }
        for part in ProjectPart::ALL {
            v.push(R::ProjectFigure {
                year: 2026,
                number: 8,
                part,
            });
        }
        v
    }

    #[test]
    fn slugs() {
        assert!(is_slug("souyaku-kiban"));
        assert!(is_slug("fy2026"));
        assert!(!is_slug("Souyaku"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug("a-"));
        assert!(!is_slug(""));
        assert!(!is_slug(&"a".repeat(65)));
    }

    #[test]
    fn every_kind_round_trips() {
        let all = every_kind();
        let mut paths = std::collections::BTreeSet::new();
        for r in &all {
            let p = r.path();
            assert_eq!(Resource::parse(&p).as_ref(), Some(r), "{p}");
            assert!(paths.insert(p.clone()), "two resources share the path {p}");
        }
    }

    #[test]
    fn paths_are_the_documented_scheme() {
        let line = Resource::Line {
            year: 2026,
            scope: LineScope::Project(1),
            n: 3,
        };
        assert_eq!(line.path(), "line/2026/1/3");
        let fig = Resource::SummaryFigure {
            year: 2024,
            category: Category::Amed,
            kind: Kind::PrevInitial,
            ministry: "mhlw".into(),
        };
        assert_eq!(fig.path(), "figure/2024/summary/amed/prev-initial/mhlw");
        let page = Resource::Page {
            document: "fy2024".into(),
            label: "参考".into(),
        };
        assert_eq!(page.path(), "document/fy2024/page/%E5%8F%82%E8%80%83");
    }

    #[test]
    fn non_canonical_and_unknown_paths_do_not_parse() {
        for p in [
            "",
            "project/2026/01",
            "project/2026/+1",
            "project/2026",
            "project/2026/1/extra",
            "org/MHLW",
            "org/../etc",
            "document/fy2026/page/%73ummary",
            "document/fy2026/page/",
            "figure/2024/summary/AMED/total/all",
            "program/x/2026/entry/1/1/phase/unknown",
            "line/2026/ref/1",
            "nothing",
        ] {
            assert_eq!(Resource::parse(p), None, "{p:?} should not parse");
        }
    }
}
