//! Every IRI the graph uses that is not minted under the data base: the W3C vocabularies it
//! reuses and the project's own ontology terms (`mrd:`, documented in `ontology/medrd.ttl`).
//! Each namespace is written once, here; no IRI literal appears anywhere else in the code.

use oxigraph::model::NamedNodeRef;

/// Declares a vocabulary module: its usual prefix, its namespace (written once) and its terms.
macro_rules! vocabulary {
    ($(#[$m:meta])* $module:ident, $prefix:literal, $ns:expr; $($name:ident = $local:literal),* $(,)?) => {
        $(#[$m])*
        pub mod $module {
            use super::NamedNodeRef;
            /// The usual prefix.
            pub const PREFIX: &str = $prefix;
            /// The namespace IRI.
            pub const NS: &str = $ns;
            $(pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));)*
            /// Every term declared here.
            pub const TERMS: &[NamedNodeRef<'static>] = &[$($name),*];
        }
    };
}

/// The ontology's IRI, without the `#` of its namespace.
macro_rules! ontology_iri {
    () => {
        "https://w3id.org/medrd-kg/def"
    };
}

/// The ontology's own IRI (the `owl:Ontology`). Its namespace (`mrd:`) is this IRI plus `#`,
/// fixed rather than under the configurable data base, so that the same terms describe
/// every deployment of the data.
pub const ONTOLOGY: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(ontology_iri!());

/// The SHACL shapes document of the ontology (`ontology/shapes.ttl`).
pub const SHAPES: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked(concat!(ontology_iri!(), "/shapes"));

/// The ontology namespace.
pub const MRD_NS: &str = mrd::NS;

/// Namespaces with their usual prefixes, in the order dumps declare them.
pub const PREFIXES: &[(&str, &str)] = &[
    (mrd::PREFIX, mrd::NS),
    (rdf::PREFIX, rdf::NS),
    (rdfs::PREFIX, rdfs::NS),
    (owl::PREFIX, owl::NS),
    (xsd::PREFIX, xsd::NS),
    (skos::PREFIX, skos::NS),
    (org::PREFIX, org::NS),
    (qb::PREFIX, qb::NS),
    (prov::PREFIX, prov::NS),
    (dcterms::PREFIX, dcterms::NS),
    (dcat::PREFIX, dcat::NS),
    (void::PREFIX, void::NS),
    (foaf::PREFIX, foaf::NS),
    (sh::PREFIX, sh::NS),
    (sdmx_attribute::PREFIX, sdmx_attribute::NS),
    (sdmx_measure::PREFIX, sdmx_measure::NS),
];

vocabulary!(rdf, "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"; TYPE = "type");

vocabulary!(rdfs, "rdfs", "http://www.w3.org/2000/01/rdf-schema#";
    LABEL = "label", COMMENT = "comment", SEE_ALSO = "seeAlso", SUB_CLASS_OF = "subClassOf",
    SUB_PROPERTY_OF = "subPropertyOf", DOMAIN = "domain", RANGE = "range");

vocabulary!(owl, "owl", "http://www.w3.org/2002/07/owl#";
    ONTOLOGY = "Ontology", CLASS = "Class", OBJECT_PROPERTY = "ObjectProperty",
    DATATYPE_PROPERTY = "DatatypeProperty", ANNOTATION_PROPERTY = "AnnotationProperty");

vocabulary!(xsd, "xsd", "http://www.w3.org/2001/XMLSchema#";
    DECIMAL = "decimal", INTEGER = "integer", BOOLEAN = "boolean", STRING = "string",
    DATE = "date", GYEAR = "gYear");

vocabulary!(skos, "skos", "http://www.w3.org/2004/02/skos/core#";
    CONCEPT = "Concept", PREF_LABEL = "prefLabel", ALT_LABEL = "altLabel",
    NOTATION = "notation", IN_SCHEME = "inScheme", DEFINITION = "definition",
    NOTE = "note", EXACT_MATCH = "exactMatch");

vocabulary!(org, "org", "http://www.w3.org/ns/org#";
    ORGANIZATION = "Organization", FORMAL_ORGANIZATION = "FormalOrganization",
    SUB_ORGANIZATION_OF = "subOrganizationOf", CLASSIFICATION = "classification",
    IDENTIFIER = "identifier");

vocabulary!(qb, "qb", "http://purl.org/linked-data/cube#";
    DATA_SET = "DataSet", OBSERVATION = "Observation", DATA_SET_PROP = "dataSet",
    STRUCTURE = "structure");

vocabulary!(prov, "prov", "http://www.w3.org/ns/prov#";
    ENTITY = "Entity", WAS_DERIVED_FROM = "wasDerivedFrom",
    WAS_ATTRIBUTED_TO = "wasAttributedTo", HAD_PRIMARY_SOURCE = "hadPrimarySource");

vocabulary!(dcterms, "dcterms", "http://purl.org/dc/terms/";
    TITLE = "title", DESCRIPTION = "description", PUBLISHER = "publisher", LICENSE = "license",
    RIGHTS = "rights", SOURCE = "source", IS_PART_OF = "isPartOf", LANGUAGE = "language",
    IDENTIFIER = "identifier", CREATOR = "creator", BIBLIOGRAPHIC_CITATION = "bibliographicCitation",
    CONFORMS_TO = "conformsTo", TEMPORAL = "temporal");

vocabulary!(dcat, "dcat", "http://www.w3.org/ns/dcat#";
    DATASET = "Dataset", DISTRIBUTION = "distribution", DISTRIBUTION_CLASS = "Distribution",
    DOWNLOAD_URL = "downloadURL", MEDIA_TYPE = "mediaType");

vocabulary!(void, "void", "http://rdfs.org/ns/void#";
    DATASET = "Dataset", SUBSET = "subset", TRIPLES = "triples", VOCABULARY = "vocabulary",
    URI_SPACE = "uriSpace", SPARQL_ENDPOINT = "sparqlEndpoint", DATA_DUMP = "dataDump");

vocabulary!(foaf, "foaf", "http://xmlns.com/foaf/0.1/"; DOCUMENT = "Document");

vocabulary!(sh, "sh", "http://www.w3.org/ns/shacl#"; SHAPE = "Shape");

vocabulary!(sdmx_attribute, "sdmx-attribute", "http://purl.org/linked-data/sdmx/2009/attribute#";
    UNIT_MEASURE = "unitMeasure");

vocabulary!(sdmx_measure, "sdmx-measure", "http://purl.org/linked-data/sdmx/2009/measure#";
    OBS_VALUE = "obsValue");

vocabulary!(
    /// The EU Publications Office's currency authority table (used by OpenBudgets.eu).
    currency, "currency", "http://publications.europa.eu/resource/authority/currency/";
    JPY = "JPY");

vocabulary!(
    /// The EU Publications Office's language authority table (DCAT-AP's dcterms:language).
    language, "language", "http://publications.europa.eu/resource/authority/language/";
    JPN = "JPN");

/// Licenses.
pub mod license {
    use super::NamedNodeRef;
    /// Creative Commons Attribution 4.0 (政府標準利用規約 第2.0版 is compatible with it).
    pub const CC_BY_4: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("https://creativecommons.org/licenses/by/4.0/");
}

vocabulary!(
    /// The project's own terms (see `ontology/medrd.ttl` for their labels and comments).
    mrd, "mrd", concat!(ontology_iri!(), "#");
        // classes
        HEALTHCARE_POLICY = "HealthcarePolicy", FISCAL_YEAR = "FiscalYear",
        INTEGRATED_PROJECT = "IntegratedProject", PROGRAM = "Program",
        PROGRAM_YEAR = "ProgramYear", BUDGET_LINE = "BudgetLine",
        SOURCE_DOCUMENT = "SourceDocument", PAGE = "Page",
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
        NOTE_KEY = "noteKey",
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
        KIND_PREV_INITIAL = "kind-prev-initial", KIND_STATED_SUM = "kind-stated-sum", KIND_RELISTED = "kind-relisted", KIND_SUBTOTAL = "kind-subtotal", SUBTOTAL = "subtotal", KIND_SUPPLEMENTARY = "kind-supplementary",
        CERTAIN = "certainty-certain", INFERRED = "certainty-inferred", AMBIGUOUS = "certainty-ambiguous",
        FLAG_NEW = "flag-new", FLAG_EXPANDED = "flag-expanded", FLAG_FUND = "flag-fund", FLAG_RELISTED = "flag-relisted",
        PHASE_BASIC = "phase-basic", PHASE_APPLIED = "phase-applied", PHASE_NONCLINICAL = "phase-nonclinical",
        PHASE_CLINICAL = "phase-clinical", PHASE_PRACTICAL = "phase-practical",
        UNOFFICIAL = "english-unofficial", OFFICIAL = "english-official",
        FISCAL_YEARS = "fiscalYears",
        // stated relations
        RELATION_KIND = "relationKind", FROM_PARTY = "fromParty", TO_PARTY = "toParty",
        FROM_TYPE = "fromType", TO_TYPE = "toType", FROM_OPEN = "fromOpen", TO_OPEN = "toOpen",
        REL_COLLABORATION = "relation-collaboration",
        REL_COLLABORATION_COOPERATION = "relation-collaboration-cooperation",
        REL_DERIVATION = "relation-derivation", REL_SUPPORT = "relation-support",
        REL_UTILIZATION = "relation-utilization", REL_APPLICATION = "relation-application",
        REL_FEEDBACK = "relation-feedback", REL_REGISTRATION = "relation-registration",
        REL_EXIT_STRATEGY = "relation-exit-strategy", REL_DEPLOYMENT = "relation-deployment",
        REL_RELISTING = "relation-relisting", REL_IMPLEMENTATION = "relation-implementation",
        REL_OTHER = "relation-other",
        PARTY_PROJECT = "party-project", PARTY_PROGRAM = "party-program",
        PARTY_ORGANIZATION = "party-organization", PARTY_BLOCK = "party-block",
        PARTY_UNSPECIFIED = "party-unspecified");

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{Literal, NamedOrBlankNode, Term};

    use super::*;

    /// Every `mrd:` term of this module is declared in `ontology/medrd.ttl`, with a label in
    /// Japanese and one in English.
    #[test]
    fn every_mrd_term_is_declared_with_ja_and_en_labels() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/medrd.ttl");
        let text = std::fs::read(path).expect("ontology/medrd.ttl");
        let mut labels: BTreeSet<(String, String)> = BTreeSet::new();
        for q in RdfParser::from_format(RdfFormat::Turtle).for_slice(&text) {
            let q = q.expect("the ontology parses");
            let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&q.subject, &q.object) else {
                continue;
            };
            if q.predicate == rdfs::LABEL || q.predicate == skos::PREF_LABEL {
                if let Some(lang) = Literal::language(l) {
                    labels.insert((s.as_str().to_owned(), lang.to_owned()));
                }
            }
        }
        let mut missing = Vec::new();
        for term in mrd::TERMS {
            for lang in ["ja", "en"] {
                if !labels.contains(&(term.as_str().to_owned(), lang.to_owned())) {
                    missing.push(format!("{term}@{lang}"));
                }
            }
        }
        assert!(missing.is_empty(), "not labelled in medrd.ttl: {missing:?}");
    }

    #[test]
    fn each_namespace_is_declared_once() {
        let namespaces: BTreeSet<&str> = PREFIXES.iter().map(|(_, ns)| *ns).collect();
        assert_eq!(namespaces.len(), PREFIXES.len());
        assert_eq!(MRD_NS, concat!(ontology_iri!(), "#"));
        assert_eq!(ONTOLOGY.as_str(), &MRD_NS[..MRD_NS.len() - 1]);
    }
}
