//! Unit tests of the mapping on a model built by hand: the triples each kind of record
//! becomes, with the amounts of the FY2026 summary page (医薬品プロジェクト 402億円, AMED 349,
//! in-house 53) and of its first diagram page (創薬基盤推進研究事業 35億円).

use std::path::PathBuf;

use oxigraph::model::{Literal, NamedNode, Quad, Term};
use rust_decimal::Decimal;

use super::Mapper;
use crate::error::Location;
use crate::model::*;
use crate::rdf::vocab::{mrd, qb, rdf, rdfs, xsd};
use crate::rdf::Base;

fn loc() -> Location {
    Location::new("test.toml", 1, 1)
}

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

fn model() -> Model {
    let program = ProgramName {
        name: "創薬基盤推進研究事業".into(),
        slug: "souyaku-kiban-suishin".into(),
    };
    let mhlw = MinistryRef {
        code: "厚".into(),
        org: "mhlw".into(),
    };
    let line = |position, amount: Option<&str>, certainty, alternatives: Vec<Decimal>| Line {
        scope: LineScope::Project(1),
        position,
        page: "1".into(),
        kind: LineKind::Program,
        programs: vec![program.clone()],
        label: String::new(),
        label_en: String::new(),
        amount: amount.map(d),
        amount_quote: amount.map(|_| "概算要求額35億円".into()),
        funding: Category::Amed,
        relisted: false,
        subtotal: false,
        share_of: None,
        fund: false,
        fund_note: String::new(),
        supplementary: vec![],
        quote: "●創薬基盤推進研究事業：".into(),
        certainty,
        alternatives,
        reasoning: String::new(),
        location: loc(),
    };
    Model {
        root: PathBuf::from("data"),
        strategies: vec![],
        fiscal_years: vec![FiscalYear {
            year: 2026,
            name: "令和8年度".into(),
        }],
        organizations: vec![Organization {
            id: "mhlw".into(),
            code: Some("厚".into()),
            name: "厚生労働省".into(),
            name_en: "Ministry of Health, Labour and Welfare".into(),
            official_en: true,
            kind: OrgKind::Ministry,
            parent: None,
            comment: None,
            aliases: vec![],
            location: loc(),
        }],
        programs: vec![Program {
            slug: program.slug.clone(),
            names: vec![(2026, program.name.clone())],
            label_en: "Research on Development of New Drugs".into(),
            names_en: vec![],
            official_en: true,
            ministries: vec![mhlw.clone()],
            evidence: String::new(),
            variants: vec![],
            possibly_same_as: None,
            continuity: Continuity::Only(2026),
            location: loc(),
        }],
        documents: vec![Document {
            id: "fy2026".into(),
            file: "sources/x.txt".into(),
            title: "令和８年度 医療分野の研究開発関連予算 概算要求のポイント".into(),
            title_en: "FY2026 request".into(),
            fiscal_year: 2026,
            strategy: 3,
            publisher: "mhlw".into(),
            license: iri_string::types::IriString::try_from(
                "https://creativecommons.org/licenses/by/4.0/".to_owned(),
            )
            .expect("an IRI"),
            rights: "r".into(),
            pages: vec![Page {
                label: "1".into(),
                first_line: 1,
                last_line: 10,
            }],
            figures: vec![],
            notes: vec![],
            projects: vec![Project {
                number: 1,
                name: "医薬品プロジェクト".into(),
                name_en: "Pharmaceuticals".into(),
                total: d("402"),
                amed: d("349"),
                inhouse: Some(d("53")),
                page: "1".into(),
                quote: "１．医薬品プロジェクト４０２億円".into(),
                diagram_page: "1".into(),
                points_page: "1".into(),
                location: loc(),
            }],
            lines: vec![
                line(1, Some("35"), Certainty::Certain, vec![]),
                line(2, None, Certainty::Ambiguous, vec![d("23"), d("24")]),
            ],
            entries: vec![Entry {
                project: 1,
                position: 1,
                page: "1".into(),
                program,
                main_name: true,
                ministries: vec![mhlw],
                flags: vec![Flag::New],
                bullets: vec![Bullet {
                    text: "b".into(),
                    flags: vec![Flag::Expanded],
                }],
                phases: vec![],
                fund: false,
                quote: "◆".into(),
                location: loc(),
            }],
            links: vec![],
            explanations: vec![],
            location: loc(),
        }],
        listed: Default::default(),
    }
}

fn quads() -> Vec<Quad> {
    let base = Base::new("https://example.org/kg/").expect("base");
    let m = model();
    let mut out = Vec::new();
    Mapper::new(&base, &m).write(&mut out).expect("mapping");
    out
}

fn iri(path: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("https://example.org/kg/{path}"))
}

fn objects(quads: &[Quad], s: &NamedNode, p: oxigraph::model::NamedNodeRef) -> Vec<Term> {
    quads
        .iter()
        .filter(|q| q.subject == s.clone().into() && q.predicate == p)
        .map(|q| q.object.clone())
        .collect()
}

#[test]
fn a_project_figure_is_an_observation_in_yen_with_the_printed_amount() {
    let q = quads();
    let f = iri("figure/2026/project/1/amed");
    assert_eq!(objects(&q, &f, rdf::TYPE), vec![qb::OBSERVATION.into()]);
    assert_eq!(
        objects(&q, &f, mrd::AMOUNT),
        vec![Literal::new_typed_literal("34900000000", xsd::DECIMAL).into()]
    );
    assert_eq!(
        objects(&q, &f, mrd::AMOUNT_AS_PRINTED),
        vec![Literal::new_typed_literal("349", xsd::DECIMAL).into()]
    );
    assert_eq!(
        objects(&q, &f, mrd::SUBJECT),
        vec![iri("project/2026/1").into()]
    );
    let graph = q
        .iter()
        .find(|x| x.subject == f.clone().into())
        .map(|x| x.graph_name.to_string());
    assert_eq!(
        graph.as_deref(),
        Some("<https://example.org/kg/graph/fy2026>")
    );
}

#[test]
fn lines_carry_their_figure_certainty_and_alternatives() {
    let q = quads();
    let first = iri("line/2026/1/1");
    assert_eq!(
        objects(&q, &first, mrd::HAS_FIGURE),
        vec![iri("figure/2026/line/1/1").into()]
    );
    let mut labels = objects(&q, &first, rdfs::LABEL);
    labels.sort_by_key(|t| t.to_string());
    assert_eq!(
        labels,
        vec![
            Literal::new_language_tagged_literal_unchecked(
                "Research on Development of New Drugs (FY2026 project 1, budget line 1)",
                "en"
            )
            .into(),
            Literal::new_language_tagged_literal_unchecked(
                "創薬基盤推進研究事業（令和8年度 PJ1 予算項目1）",
                "ja"
            )
            .into(),
        ],
        "named as printed (and by the program's English name), and placed"
    );
    let second = iri("line/2026/1/2");
    assert!(
        objects(&q, &second, mrd::HAS_FIGURE).is_empty(),
        "a line without an amount has no figure"
    );
    let fig = iri("figure/2026/line/1/1");
    assert_eq!(objects(&q, &fig, mrd::CERTAINTY), vec![mrd::CERTAIN.into()]);
}

#[test]
fn entries_roll_their_flags_and_ministries_up_to_the_program_year() {
    let q = quads();
    let py = iri("program/souyaku-kiban-suishin/2026");
    let mut flags = objects(&q, &py, mrd::FLAG);
    flags.sort_by_key(|t| t.to_string());
    assert_eq!(
        flags,
        vec![mrd::FLAG_EXPANDED.into(), mrd::FLAG_NEW.into()],
        "the entry's own flag and its bullet's"
    );
    assert_eq!(
        objects(&q, &py, mrd::MINISTRY),
        vec![iri("org/mhlw").into()]
    );
    assert!(objects(&q, &py, mrd::LISTED_IN).contains(&iri("project/2026/1").into()));
    let program = iri("program/souyaku-kiban-suishin");
    assert_eq!(
        objects(&q, &program, mrd::CONTINUITY),
        vec![Literal::new_simple_literal("only2026").into()]
    );
}

#[test]
fn every_iri_is_under_the_base() {
    for q in quads() {
        if let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &q.subject {
            assert!(s.as_str().starts_with("https://example.org/kg/"), "{s}");
        }
    }
}
