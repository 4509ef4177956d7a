//! Every relation the diagrams and ポイント pages print (issue 8): for each project's pages of
//! both documents, relations read from the source text by hand (the expected values cite the
//! text's line), and the queries that answer with them.

use crate::harness::*;

type Row = std::collections::BTreeMap<String, String>;

/// A relation printed on `page` of `year` whose phrase contains `phrase`, of `kind`, with an
/// end that names `party` (an IRI under the base, or "" for any).
fn has(rows: &[Row], year: &str, page: &str, kind: &str, phrase: &str, party: &str) -> bool {
    rows.iter().any(|r| {
        r["fiscalYear"] == year
            && r["page"] == page
            && (kind.is_empty() || r["kind"] == kind)
            && r["quote"].contains(phrase)
            && (party.is_empty()
                || r["fromParty"] == format!("https://w3id.org/medrd-kg/{party}")
                || r["toParty"] == format!("https://w3id.org/medrd-kg/{party}"))
    })
}

#[test]
fn the_relations_of_every_project_page_as_read_from_the_text() {
    let rows = query_rows("queries/stated_links.rq");
    // (year, page, kind, phrase, party): source line in data/sources/…
    let expected: &[(&str, &str, &str, &str, &str)] = &[
        // FY2024 (002_041f01ff2169d8b4.txt)
        (
            "2024",
            "1",
            "support",
            "医薬品医療機器総合機構（ＰＭＤＡ）による支援",
            "org/pmda",
        ), // l.184
        ("2024", "1", "derivation", "企業導出", ""), // l.188 三法人等による支援(*)により企業導出
        (
            "2024",
            "2",
            "",
            "創薬支援ネットワークのもと",
            "org/drug-discovery-network",
        ), // l.251
        (
            "2024",
            "3",
            "support",
            "医工連携イノベーション推進事業：医療ニーズを踏まえた中小企業",
            "program/iko-renkei-global-tenkai",
        ), // l.337
        (
            "2024",
            "4",
            "",
            "医療機器開発支援ネットワーク",
            "org/medical-device-network",
        ), // l.483
        (
            "2024",
            "5",
            "support",
            "医薬品医療機器総合機構（ＰＭＤＡ）による支援",
            "org/pmda",
        ), // l.556
        ("2024", "5", "collaboration-cooperation", "連携・協力", ""), // l.586
        ("2024", "6", "derivation", "導出", ""),     // l.655 企業導出に向け
        (
            "2024",
            "7",
            "collaboration",
            "事業間連携",
            "program/nanchisei-shikkan-jitsuyoka",
        ), // がん・難病全ゲノム解析等実行プログラム（事業間連携）
        (
            "2024",
            "8",
            "collaboration",
            "他の研究機関やその他のバイオバンク等との連携",
            "",
        ),
        (
            "2024",
            "9",
            "support",
            "医薬品医療機器総合機構（PMDA）による支援",
            "org/pmda",
        ), // l.961
        ("2024", "10", "", "国立健康危機管理研究機構への統合", ""), // l.1082
        (
            "2024",
            "11",
            "",
            "臨床研究中核病院において",
            "org/core-clinical-hospitals",
        ), // l.1092
        (
            "2024",
            "12",
            "utilization",
            "文部科学大臣が認定した橋渡し研究支援機関を活用",
            "org/translational-research-institutions",
        ), // l.1195
        ("2024", "13", "collaboration-cooperation", "連携・協力", ""), // l.1277, the （参考） page of no project
        // FY2026 (000_3903c1d493fa9575.txt)
        (
            "2026",
            "1",
            "support",
            "医薬品医療機器総合機構（ＰＭＤＡ）による支援",
            "org/pmda",
        ), // l.166
        (
            "2026",
            "1",
            "",
            "創薬支援ネットワーク",
            "org/drug-discovery-network",
        ), // l.240
        ("2026", "3", "derivation", "導出", ""), // l.486 スタートアップの導出
        ("2026", "4", "derivation", "への導出", ""), // l.494 AMED他事業又は企業への導出
        ("2026", "5", "collaboration-cooperation", "連携・協力", ""), // l.607
        ("2026", "7", "derivation", "他のPJへ導出", ""), // l.765
        (
            "2026",
            "8",
            "collaboration",
            "国立健康危機管理研究機構等と連携",
            "org/jihs",
        ), // l.854
        (
            "2026",
            "10",
            "collaboration",
            "事業間連携",
            "program/nanchisei-shikkan-jitsuyoka",
        ), // l.1089
        (
            "2026",
            "11",
            "support",
            "医薬品医療機器総合機構（PMDA）による支援",
            "org/pmda",
        ), // l.1166
        (
            "2026",
            "13",
            "support",
            "医薬品医療機器総合機構（PMDA）による支援",
            "org/pmda",
        ), // l.1298
        (
            "2026",
            "14",
            "support",
            "臨床研究中核病院が支援",
            "org/core-clinical-hospitals",
        ), // l.1387
        ("2026", "15", "collaboration-cooperation", "連携・協力", ""), // l.1442
    ];
    let missing: Vec<_> = expected
        .iter()
        .filter(|(y, p, k, q, party)| !has(&rows, y, p, k, q, party))
        .collect();
    assert!(
        missing.is_empty(),
        "relations read from the pages but not in the graph: {missing:#?}"
    );
    // FY2026 p.16 prints no relation between two parties (支援 of an activity only, l.1468)
    assert!(!rows
        .iter()
        .any(|r| r["fiscalYear"] == "2026" && r["page"] == "16"));
}

/// The ends the page leaves open stay open: a bare 連携・協力 on a diagram names no party.
#[test]
fn an_end_the_page_does_not_print_is_never_invented() {
    let rows = query_rows("queries/stated_links.rq");
    let bare: Vec<&Row> = rows
        .iter()
        .filter(|r| r["quote"] == "連携・協力" && r["fiscalYear"] == "2026" && r["page"] == "5")
        .collect();
    assert!(!bare.is_empty());
    for r in bare {
        assert_eq!(r["fromParty"], "", "{r:?}");
        assert_eq!(r["toParty"], "", "{r:?}");
        assert_ne!(
            r["certainty"], "certain",
            "an unprinted end is not certain: {r:?}"
        );
    }
}

/// PMDA is one resource whatever its spelling (（ＰＭＤＡ） or （PMDA）), and the open list
/// "国立健康危機管理研究機構等" (FY2026 p.8, l.854) is marked open.
#[test]
fn organisations_are_one_resource_and_open_lists_are_marked() {
    let rows = query_rows("queries/organisation_roles.rq");
    let pmda_years: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter(|r| r["organization"] == "独立行政法人医薬品医療機器総合機構")
        .map(|r| r["fiscalYear"].as_str())
        .collect();
    assert_eq!(
        pmda_years.into_iter().collect::<Vec<_>>(),
        vec!["2024", "2026"]
    );
    let links = query_rows("queries/stated_links.rq");
    assert!(links.iter().any(
        |r| r["quote"].contains("国立健康危機管理研究機構等と連携") && !r["openEnd"].is_empty()
    ));
    let kinds = query_rows("queries/relations_by_kind.rq");
    let total: usize = kinds
        .iter()
        .map(|r| r["relations"].parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, links.len(), "every relation is counted once by kind");
}

/// A block total a diagram prints is a resource of its own, marked a subtotal, and never
/// counted again: FY2024 p.9 prints 「疾患メカニズムの解明、生命現象の機能解明等を目的とする研究
/// （197.8億円）」 (l.963–964), the sum of its four areas 18.6 + 11.7 + 97.8 + 69.7.
#[test]
fn printed_subtotals_are_resources_never_counted_twice() {
    let rows = query_text(
        "SELECT ?amount ?kind WHERE { ?l mrd:subtotal true ; mrd:project/mrd:projectNumber 5 ;
           mrd:fiscalYear/mrd:year 2024 ; mrd:figure ?f . ?f mrd:amountAsPrinted ?amount ;
           mrd:figureKind/skos:notation ?kind }",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["amount"], "197.8");
    assert_eq!(rows[0]["kind"], "subtotal");
    let lines = query_rows("queries/budget_lines.rq");
    assert!(
        !lines.iter().any(|r| r["amountOku"] == "197.8"),
        "the subtotal is not a budget line of its own in the sums"
    );
}
