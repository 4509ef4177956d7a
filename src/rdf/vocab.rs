//! Every IRI the mapping writes: the W3C vocabularies it reuses and the project's own
//! ontology terms (`mrd:`), which `ontology/medrd.ttl` documents. No IRI literal appears
//! anywhere else in the code.

use oxigraph::model::NamedNodeRef;

macro_rules! terms {
    ($ns:expr; $($name:ident = $local:literal),* $(,)?) => {
        $(pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));)*
    };
}

/// Namespaces with their usual prefixes, in the order dumps declare them.
pub const PREFIXES: &[(&str, &str)] = &[
    ("mrd", MRD_NS),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("qb", "http://purl.org/linked-data/cube#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("void", "http://rdfs.org/ns/void#"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("sh", "http://www.w3.org/ns/shacl#"),
    (
        "sdmx-attribute",
        "http://purl.org/linked-data/sdmx/2009/attribute#",
    ),
    (
        "sdmx-measure",
        "http://purl.org/linked-data/sdmx/2009/measure#",
    ),
];

/// The ontology namespace. It is fixed (not under the configurable data base) so that the
/// same terms describe every deployment of the data.
pub const MRD_NS: &str = "https://w3id.org/medrd-kg/def#";
/// The ontology's own IRI.
pub const ONTOLOGY: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://w3id.org/medrd-kg/def");

pub mod rdf {
    use super::*;
    terms!("http://www.w3.org/1999/02/22-rdf-syntax-ns#"; TYPE = "type");
}

pub mod rdfs {
    use super::*;
    terms!("http://www.w3.org/2000/01/rdf-schema#"; LABEL = "label", COMMENT = "comment", SEE_ALSO = "seeAlso");
}

pub mod xsd {
    use super::*;
    terms!("http://www.w3.org/2001/XMLSchema#";
        DECIMAL = "decimal", INTEGER = "integer", BOOLEAN = "boolean", STRING = "string",
        DATE = "date", GYEAR = "gYear");
}

pub mod skos {
    use super::*;
    terms!("http://www.w3.org/2004/02/skos/core#";
        CONCEPT = "Concept", PREF_LABEL = "prefLabel", ALT_LABEL = "altLabel",
        NOTATION = "notation", IN_SCHEME = "inScheme", DEFINITION = "definition",
        NOTE = "note", EXACT_MATCH = "exactMatch");
}

pub mod org {
    use super::*;
    terms!("http://www.w3.org/ns/org#";
        ORGANIZATION = "Organization", FORMAL_ORGANIZATION = "FormalOrganization",
        SUB_ORGANIZATION_OF = "subOrganizationOf", CLASSIFICATION = "classification",
        IDENTIFIER = "identifier");
}

pub mod qb {
    use super::*;
    terms!("http://purl.org/linked-data/cube#";
        DATA_SET = "DataSet", OBSERVATION = "Observation", DATA_SET_PROP = "dataSet",
        STRUCTURE = "structure");
}

pub mod prov {
    use super::*;
    terms!("http://www.w3.org/ns/prov#";
        ENTITY = "Entity", WAS_DERIVED_FROM = "wasDerivedFrom",
        WAS_ATTRIBUTED_TO = "wasAttributedTo", HAD_PRIMARY_SOURCE = "hadPrimarySource");
}

pub mod dcterms {
    use super::*;
    terms!("http://purl.org/dc/terms/";
        TITLE = "title", DESCRIPTION = "description", PUBLISHER = "publisher", LICENSE = "license",
        RIGHTS = "rights", SOURCE = "source", IS_PART_OF = "isPartOf", LANGUAGE = "language",
        IDENTIFIER = "identifier", CREATOR = "creator", BIBLIOGRAPHIC_CITATION = "bibliographicCitation",
        CONFORMS_TO = "conformsTo", TEMPORAL = "temporal");
}

pub mod dcat {
    use super::*;
    terms!("http://www.w3.org/ns/dcat#"; DATASET = "Dataset");
}

pub mod void {
    use super::*;
    terms!("http://rdfs.org/ns/void#";
        DATASET = "Dataset", SUBSET = "subset", TRIPLES = "triples", VOCABULARY = "vocabulary",
        URI_SPACE = "uriSpace");
}

pub mod foaf {
    use super::*;
    terms!("http://xmlns.com/foaf/0.1/"; DOCUMENT = "Document");
}

pub mod sdmx_attribute {
    use super::*;
    terms!("http://purl.org/linked-data/sdmx/2009/attribute#"; UNIT_MEASURE = "unitMeasure");
}

/// The project's own terms (see `ontology/medrd.ttl` for their labels and comments).
pub mod mrd {
    use super::*;
    terms!("https://w3id.org/medrd-kg/def#";
        // classes
        HEALTHCARE_POLICY = "HealthcarePolicy", FISCAL_YEAR = "FiscalYear",
        INTEGRATED_PROJECT = "IntegratedProject", PROGRAM = "Program",
        PROGRAM_YEAR = "ProgramYear", BUDGET_LINE = "BudgetLine",
        SOURCE_DOCUMENT = "SourceDocument", PAGE = "Page", BUDGET_FIGURE = "BudgetFigure",
        STATED_LINK = "StatedLink", BUDGET = "Budget", PROJECT_LINEAGE = "ProjectLineage", PHASE_COVERAGE = "PhaseCoverage", BULLET = "Bullet", PROGRAM_ENTRY = "ProgramEntry",
        // structure
        BUDGET_STRUCTURE = "budgetStructure",
        // dimensions, measure, attributes
        FISCAL_YEAR_PROP = "fiscalYear", SUBJECT = "subject", MINISTRY = "ministry",
        FUNDING_CATEGORY = "fundingCategory", FIGURE_KIND = "figureKind",
        AMOUNT = "amount", AMOUNT_AS_PRINTED = "amountAsPrinted", UNIT_AS_PRINTED = "unitAsPrinted",
        // figures: certainty
        CERTAINTY = "certainty", ALTERNATIVE_AMOUNT = "alternativeAmount", REASONING = "reasoning",
        SHARE_OF_AMOUNT = "shareOfAmount",
        // provenance
        QUOTE = "quote", PAGE_LABEL = "pageLabel", FIRST_LINE = "firstLine", LAST_LINE = "lastLine",
        SOURCE_FILE = "sourceFile", AMOUNT_QUOTE = "amountQuote",
        // strategy, years, projects
        STRATEGY = "strategy", STRATEGY_NUMBER = "strategyNumber", START_YEAR = "startYear",
        END_YEAR = "endYear", YEAR = "year", PROJECT_NUMBER = "projectNumber",
        DIAGRAM_PAGE = "diagramPage", POINTS_PAGE = "pointsPage", PROJECT = "project",
        NOTE_KEY = "noteKey", SUMMARY_FIGURE = "summaryFigure",
        // programs and lines
        PROGRAM_PROP = "program", NAME_AS_PRINTED = "nameAsPrinted", LINE_KIND = "lineKind",
        LINE_LABEL = "lineLabel", RELISTED = "relisted", FUND_BASED = "fundBased",
        FUND_NOTE = "fundNote", SUPPLEMENTARY_BUDGET = "supplementaryBudget", ORDER = "order", HAS_FIGURE = "figure", FLAG = "flag",
        HAS_BULLET = "bullet", ENTRY = "entry", TEXT = "text", CONTINUITY = "continuity", RENAMED_FROM = "renamedFrom",
        POSSIBLY_SAME_AS = "possiblySameAs", EVIDENCE = "evidence", APPEARS_IN = "appearsIn",
        LISTED_IN = "listedIn", COVERS_PHASE = "coversPhase", PHASE = "phase", BASIS = "basis",
        RELATION = "relation", ORGANIZATION = "organization", FROM_PROJECT = "fromProject", TO_PROJECT = "toProject", SHARED_PROGRAM = "sharedProgram", SHARED_PROGRAM_COUNT = "sharedProgramCount", LINK_FROM = "linkFrom", LINK_TO = "linkTo", ENGLISH_STATUS = "englishLabelStatus",
        // code lists (concepts)
        CATEGORY_AMED = "category-amed", CATEGORY_INHOUSE = "category-inhouse", CATEGORY_ALL = "category-all",
        KIND_TOTAL = "kind-total", KIND_REQUEST = "kind-request", KIND_YOUBOU = "kind-youbou",
        KIND_PREV_INITIAL = "kind-prev-initial", KIND_STATED_SUM = "kind-stated-sum", KIND_SUPPLEMENTARY = "kind-supplementary",
        CERTAIN = "certainty-certain", INFERRED = "certainty-inferred", AMBIGUOUS = "certainty-ambiguous",
        FLAG_NEW = "flag-new", FLAG_EXPANDED = "flag-expanded", FLAG_FUND = "flag-fund", FLAG_RELISTED = "flag-relisted",
        PHASE_BASIC = "phase-basic", PHASE_APPLIED = "phase-applied", PHASE_NONCLINICAL = "phase-nonclinical",
        PHASE_CLINICAL = "phase-clinical", PHASE_PRACTICAL = "phase-practical",
        UNOFFICIAL = "english-unofficial", OFFICIAL = "english-official");
}
