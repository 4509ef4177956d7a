//! What a node or an edge looks like: its kind (read from its `rdf:type`), the colours, the
//! shape and the legend entry of each kind. Colours are the Okabe–Ito palette (told apart with
//! any colour vision), lightened for fills so that black labels stay legible.

use crate::draw::Lang;

/// The kinds of node the views show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    Strategy,
    FiscalYear,
    Project,
    Program,
    ProgramYear,
    Ministry,
    Organisation,
    Class,
    Property,
    Concept,
    /// A party a relation names only in words.
    Text,
    Other,
}

impl NodeKind {
    /// Every kind, in legend order.
    pub const ALL: [NodeKind; 12] = [
        NodeKind::Strategy,
        NodeKind::FiscalYear,
        NodeKind::Project,
        NodeKind::Program,
        NodeKind::ProgramYear,
        NodeKind::Ministry,
        NodeKind::Organisation,
        NodeKind::Class,
        NodeKind::Property,
        NodeKind::Concept,
        NodeKind::Text,
        NodeKind::Other,
    ];

    /// The name written as the node's `type` attribute.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Strategy => "strategy",
            NodeKind::FiscalYear => "fiscal-year",
            NodeKind::Project => "project",
            NodeKind::Program => "program",
            NodeKind::ProgramYear => "program-year",
            NodeKind::Ministry => "ministry",
            NodeKind::Organisation => "organisation",
            NodeKind::Class => "class",
            NodeKind::Property => "property",
            NodeKind::Concept => "concept",
            NodeKind::Text => "text",
            NodeKind::Other => "other",
        }
    }

    /// The legend entry.
    pub fn label(self, lang: Lang) -> &'static str {
        let (ja, en) = match self {
            NodeKind::Strategy => ("健康・医療戦略", "Healthcare Policy"),
            NodeKind::FiscalYear => ("年度", "fiscal year"),
            NodeKind::Project => ("統合プロジェクト", "integrated project"),
            NodeKind::Program => ("事業", "program"),
            NodeKind::ProgramYear => ("事業（年度別）", "program (per year)"),
            NodeKind::Ministry => ("府省庁", "ministry"),
            NodeKind::Organisation => ("機関・組織", "organisation"),
            NodeKind::Class => ("クラス", "class"),
            NodeKind::Property => ("プロパティ", "property"),
            NodeKind::Concept => ("概念", "concept"),
            NodeKind::Text => ("記載のみの主体", "party named in words"),
            NodeKind::Other => ("その他", "other"),
        };
        lang.pick(ja, en)
    }

    /// Fill colour (a light tint of the kind's hue).
    pub fn fill(self) -> &'static str {
        match self {
            NodeKind::Strategy => "#f2c9df",
            NodeKind::FiscalYear => "#e0e0e0",
            NodeKind::Project => "#fbd99a",
            NodeKind::Program => "#9fd3f0",
            NodeKind::ProgramYear => "#d3ecf9",
            NodeKind::Ministry => "#a8dcc9",
            NodeKind::Organisation => "#f7f1a6",
            NodeKind::Class => "#a9cce6",
            NodeKind::Property => "#f3c1a6",
            NodeKind::Concept => "#e5d4ee",
            NodeKind::Text => "#ffffff",
            NodeKind::Other => "#eeeeee",
        }
    }

    /// Border colour (the kind's hue).
    pub fn stroke(self) -> &'static str {
        match self {
            NodeKind::Strategy => "#cc79a7",
            NodeKind::FiscalYear => "#777777",
            NodeKind::Project => "#e69f00",
            NodeKind::Program | NodeKind::ProgramYear => "#56b4e9",
            NodeKind::Ministry => "#009e73",
            NodeKind::Organisation => "#b3a600",
            NodeKind::Class => "#0072b2",
            NodeKind::Property => "#d55e00",
            NodeKind::Concept => "#8e6aa6",
            NodeKind::Text => "#999999",
            NodeKind::Other => "#999999",
        }
    }

    /// yEd's shape name (`y:Shape type`) and Graphviz's.
    pub fn shapes(self) -> (&'static str, &'static str) {
        match self {
            NodeKind::Strategy => ("hexagon", "hexagon"),
            NodeKind::FiscalYear => ("ellipse", "ellipse"),
            NodeKind::Project => ("roundrectangle", "box"),
            NodeKind::Ministry => ("octagon", "octagon"),
            NodeKind::Organisation => ("parallelogram", "parallelogram"),
            NodeKind::Text => ("rectangle", "note"),
            _ => ("rectangle", "box"),
        }
    }
}

/// The colour of an edge of `kind`: stated relations by their kind, structure edges grey.
pub fn edge_colour(kind: &str) -> &'static str {
    match kind {
        "collaboration" | "collaboration-cooperation" => "#0072b2",
        "derivation" | "project-lineage" => "#d55e00",
        "support" => "#009e73",
        "utilization" | "application" | "deployment" => "#cc79a7",
        "continued" => "#56b4e9",
        "renamed" => "#e69f00",
        "shared-program" => "#e69f00",
        "subclass" => "#0072b2",
        _ => "#888888",
    }
}
