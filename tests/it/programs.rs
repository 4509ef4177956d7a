//! Every program of both documents: the standard queries of the program layer against a table
//! of checks read from the source pages (each expected value cites what the page prints),
//! plus data checks made directly against the source texts.

use std::collections::BTreeMap;

use crate::harness::*;

type Row = BTreeMap<String, String>;

fn num(cell: &str) -> f64 {
    cell.parse()
        .unwrap_or_else(|_| panic!("{cell:?} is not a number"))
}

fn find<'a>(rows: &'a [Row], pairs: &[(&str, &str)]) -> Vec<&'a Row> {
    rows.iter()
        .filter(|r| {
            pairs
                .iter()
                .all(|(k, v)| r.get(*k).map(String::as_str) == Some(*v))
        })
        .collect()
}

/// Budget lines whose name and amount the diagram page prints together (or states as an
/// area/block/group amount): (year, project, line as printed, 億円, funding).
const LINES: &[(&str, &str, &str, f64, &str)] = &[
    // FY2024 p.1: "● 創薬基盤推進研究事業：… 概算要求額 29億円", "… 概算要求額 57億円",
    // "（インハウス概算要求額 51億円）" under 創薬支援推進事業, and the group
    // "● 腎疾患実用化研究事業 ／ 免疫アレルギー疾患実用化研究事業 ／ 肝炎等克服実用化研究事業 ／ 認知症研究開発事業 ／ 概算要求額 13億円"
    // whose trailing ／ continues with 成育疾患克服等総合研究事業.
    ("2024", "1", "創薬基盤推進研究事業", 29.0, "AMED"),
    ("2024", "1", "次世代治療・診断実現のための創薬基盤技術開発事業", 57.0, "AMED"),
    ("2024", "1", "創薬支援推進事業", 51.0, "inhouse"),
    ("2024", "1", "腎疾患実用化研究事業 ／ 免疫アレルギー疾患実用化研究事業 ／ 肝炎等克服実用化研究事業 ／ 認知症研究開発事業 ／ 成育疾患克服等総合研究事業", 13.0, "AMED"),
    // FY2024 p.3: "● 医療機器等研究成果展開事業：… 概算要求額 12億円", "● 循環器…：… 概算要求額 0.4億円",
    // "● 予防・健康づくりの社会実装に向けた研究開発基盤整備事業：… 概算要求額 17億円",
    // "● 革新的がん医療実用化研究事業：… 概算要求額 2億円".
    ("2024", "2", "医療機器等研究成果展開事業", 12.0, "AMED"),
    ("2024", "2", "循環器疾患・糖尿病等生活習慣病対策実用化研究事業", 0.4, "AMED"),
    ("2024", "2", "予防・健康づくりの社会実装に向けた研究開発基盤整備事業", 17.0, "AMED"),
    ("2024", "2", "革新的がん医療実用化研究事業", 2.0, "AMED"),
    // FY2024 p.7: "● 革新的がん医療実用化研究事業：… 概算要求額 53億円", "● 認知症研究開発事業：… 10億円",
    // "● 難治性疾患実用化研究事業：… 42億円", "● ナショナルセンターバイオバンクネットワーク … 概算要求額 11億円"
    // (インハウス), "● 健康・医療研究開発データ統合利活用プラットフォーム事業：… 8億円", the ／ group ending
    // "… ／ メディカルアーツ研究事業 概算要求額 33億円", and three B-cure boxes "54億円の内数".
    ("2024", "4", "革新的がん医療実用化研究事業", 53.0, "AMED"),
    ("2024", "4", "認知症研究開発事業", 10.0, "AMED"),
    ("2024", "4", "難治性疾患実用化研究事業", 42.0, "AMED"),
    ("2024", "4", "ナショナルセンターバイオバンクネットワーク（NCBN）", 11.0, "inhouse"),
    ("2024", "4", "健康・医療研究開発データ統合利活用プラットフォーム事業", 8.0, "AMED"),
    ("2024", "4", "医工連携・人工知能実装研究事業 ／ 循環器疾患・糖尿病等生活習慣病対策実用化研究事業 ／ 肝炎等克服実用化研究事業 ／ 免疫アレルギー疾患実用化研究事業 ／ 移植医療技術開発研究事業 ／ 障害者対策総合研究開発事業（精神障害分野、身体・知的・感覚器障害分野） ／ 女性の健康の包括的支援実用化研究事業 ／ 「統合医療」に係る医療の質向上・科学的根拠収集研究事業 ／ メディカルアーツ研究事業", 33.0, "AMED"),
    ("2024", "4", "ゲノム医療実現バイオバンク利活用プログラム(B-cure)", 54.0, "AMED"),
    // FY2024 p.7: "● ゲノム診断支援システム整備・運営事業／NCにおける治験・臨床研究推進事業：…" with
    // "概算要求額 7億円"; with NCBN's 11 it makes the page's "インハウス研究機関経費 令和6年度概算要求額18億円".
    ("2024", "4", "ゲノム診断支援システム整備・運営事業 ／ NCにおける治験・臨床研究推進事業", 7.0, "inhouse"),
    // FY2024 p.9, areas: "がん・難病（18.6億円）", "生活習慣病・成育（11.7億円）", "老年医学・認知症 / 精神・
    // 神経疾患（97.8億円）", "感染症（69.7億）" — together "（197.8億円）".
    ("2024", "5", "がん・難病", 18.6, "AMED"),
    ("2024", "5", "生活習慣病・成育", 11.7, "AMED"),
    ("2024", "5", "老年医学・認知症／精神・神経疾患", 97.8, "AMED"),
    ("2024", "5", "感染症", 69.7, "AMED"),
    // FY2024 p.11, blocks: "研究基盤の整備（120.8億円）", "国際事業（35.6億円）", "アカデミアシーズの創出（111.9億円）".
    ("2024", "6", "研究基盤の整備", 120.8, "AMED"),
    ("2024", "6", "国際事業", 35.6, "AMED"),
    ("2024", "6", "アカデミアシーズの創出", 111.9, "AMED"),
    // FY2026 p.1: "● 創薬基盤推進研究事業：… 概算要求額 35億円", "… 61億円", "● 難治性疾患実用化研究事業：
    // … 概算要求額 34億円", "● 臨床研究・治験推進研究事業：… 38億円", "● 医薬品等規制調和・評価研究事業：… 13億円",
    // "● 革新的がん医療実用化研究事業：… 30億円", "● 創薬支援推進事業：… 概算要求額 41億円 インハウス概算要求額 53億円",
    // "● スマートバイオ創薬等研究支援事業：… 16億円".
    ("2026", "1", "創薬基盤推進研究事業", 35.0, "AMED"),
    ("2026", "1", "次世代治療・診断実現のための創薬基盤技術開発事業", 61.0, "AMED"),
    ("2026", "1", "難治性疾患実用化研究事業", 34.0, "AMED"),
    ("2026", "1", "臨床研究・治験推進研究事業", 38.0, "AMED"),
    ("2026", "1", "医薬品等規制調和・評価研究事業", 13.0, "AMED"),
    ("2026", "1", "革新的がん医療実用化研究事業", 30.0, "AMED"),
    ("2026", "1", "創薬支援推進事業", 41.0, "AMED"),
    ("2026", "1", "創薬支援推進事業", 53.0, "inhouse"),
    ("2026", "1", "スマートバイオ創薬等研究支援事業", 16.0, "AMED"),
    // FY2026 p.3: "● 予防・健康づくりの社会実装加速化事業：… 2億円", "●予防・健康づくりの社会実装に向けた研究開発
    // 基盤整備事業：… 11億円", "● 次世代ヘルステック・スタートアップ育成支援事業 … 9億円", "● 医療機器等研究成果展開
    // 事業：… 12億円", "● 医工連携グローバル展開事業：… 16億円", "● 次世代型医療機器開発等促進事業 … 27億円",
    // "● 優れた医療機器の創出に係る産業振興拠点強化事業：… 9億円", "● 医療機器開発推進研究事業：… 14億円".
    ("2026", "2", "予防・健康づくりの社会実装加速化事業", 2.0, "AMED"),
    ("2026", "2", "予防・健康づくりの社会実装に向けた研究開発基盤整備事業", 11.0, "AMED"),
    ("2026", "2", "次世代ヘルステック・スタートアップ育成支援事業", 9.0, "AMED"),
    ("2026", "2", "医療機器等研究成果展開事業", 12.0, "AMED"),
    ("2026", "2", "医工連携グローバル展開事業", 16.0, "AMED"),
    ("2026", "2", "次世代型医療機器開発等促進事業", 27.0, "AMED"),
    ("2026", "2", "優れた医療機器の創出に係る産業振興拠点強化事業", 9.0, "AMED"),
    ("2026", "2", "医療機器開発推進研究事業", 14.0, "AMED"),
    // FY2026 p.5: "● 難治性疾患実用化研究事業：… 概算要求額 17億円".
    ("2026", "3", "難治性疾患実用化研究事業", 17.0, "AMED"),
    // FY2026 p.7: "●肝炎等克服実用化研究事業 … 39億円", "●感染症有事に備えた… 16億円".
    ("2026", "4", "肝炎等克服実用化研究事業", 39.0, "AMED"),
    ("2026", "4", "感染症有事に備えた治療薬・診断薬の世界トップレベル研究開発拠点の形成事業", 16.0, "AMED"),
    // FY2026 p.9: "● 革新的がん医療実用化研究事業：… 58億円", "● ゲノム創薬基盤推進研究事業：… 4億円",
    // "● 難治性疾患実用化研究事業：… 52億円", B-cure "93億円の内数" ×3, NCBN "11億円" (インハウス),
    // "● 医療高度化に資するPHRデータ流通基盤構築事業（第2期） 概算要求額 3億円", the six-program box ending
    // "…（身体・知的・感覚器障害分野） 12億円", the ／ group "… 長寿科学研究開発事業 概算要求額 49億円",
    // "● ゲノム診断支援システム整備・運営事業／NCにおける治験・臨床研究推進事業 … 7億円" (インハウス),
    // "● 健康・医療研究開発データ統合利活用プラットフォーム事業：… 8億円".
    ("2026", "5", "革新的がん医療実用化研究事業", 58.0, "AMED"),
    ("2026", "5", "ゲノム創薬基盤推進研究事業", 4.0, "AMED"),
    ("2026", "5", "難治性疾患実用化研究事業", 52.0, "AMED"),
    ("2026", "5", "次世代医療実現バイオバンク利活用プログラム(B-cure)", 93.0, "AMED"),
    ("2026", "5", "ナショナルセンターバイオバンクネットワーク（NCBN）", 11.0, "inhouse"),
    ("2026", "5", "医療高度化に資するPHRデータ流通基盤構築事業（第2期）", 3.0, "AMED"),
    ("2026", "5", "メディカルアーツ研究事業 ／ 医工連携・人工知能実装研究事業 ／ 医療等情報連携基盤整備・利活用推進事業 ／ 「統合医療」に係る医療の質向上・科学的根拠収集研究事業 ／ 移植医療技術開発研究事業 ／ 障害者対策総合研究開発事業（身体・知的・感覚器障害分野）", 12.0, "AMED"),
    ("2026", "5", "腎疾患実用化研究事業 ／ 免疫アレルギー疾患実用化研究事業 ／ 認知症研究開発事業 ／ 循環器疾患・糖尿病等生活習慣病対策実用化研究事業 ／ 女性の健康の包括支援実用化研究事業 ／ 障害者対策総合研究開発事業（精神障害分野） ／ 慢性の痛み解明研究事業 ／ 長寿科学研究開発事業", 49.0, "AMED"),
    ("2026", "5", "ゲノム診断支援システム整備・運営事業 ／ NCにおける治験・臨床研究推進事業", 7.0, "inhouse"),
    ("2026", "5", "健康・医療研究開発データ統合利活用プラットフォーム事業", 8.0, "AMED"),
    // FY2026 p.11: "●地球規模保健課題解決推進のための研究事業 … 2億円", "●医療分野国際科学技術共同研究開発推進事業 … 9億円".
    ("2026", "6", "地球規模保健課題解決推進のための研究事業", 2.0, "AMED"),
    ("2026", "6", "医療分野国際科学技術共同研究開発推進事業", 9.0, "AMED"),
    // FY2026 p.13: the 「基盤の整備」 box's two ministry lines, "文部科学省：アカデミアシーズの育成・実用化に向けた
    // 支援、医学系の研究力向上" and "厚生労働省：医師主導治験等の臨床研究の支援"; the page prints only 59 and 38
    // (their pairing is inferred from the ministry totals, see uncertain_figures.rq).
    ("2026", "7", "文部科学省：アカデミアシーズの育成・実用化に向けた支援、医学系の研究力向上", 59.0, "AMED"),
    ("2026", "7", "厚生労働省：医師主導治験等の臨床研究の支援", 38.0, "AMED"),
    // FY2026 p.15: "●難病・希少疾病治療グローバル研究開発支援事業 … 概算要求額 ５億円".
    ("2026", "8", "難病・希少疾病治療グローバル研究開発支援事業", 5.0, "AMED"),
];

/// The amounts each diagram page prints for its own (non-re-listed) lines, whatever their
/// pairing with names: (year, project, funding, amounts).
const PAGE_AMOUNTS: &[(&str, &str, &str, &[f64])] = &[
    // FY2024 p.5: six boxes, then "概算要求額 101億円 / 41億円 / 32億円 / 15億円 / 16億円 / 3億円".
    ("2024", "3", "AMED", &[101.0, 41.0, 32.0, 15.0, 16.0, 3.0]),
    // FY2026 p.5: "102億円 / 50億円 / 39億円 / 16億円 / 3億円" and 難治性 "17億円".
    ("2026", "3", "AMED", &[102.0, 50.0, 39.0, 16.0, 3.0, 17.0]),
    // FY2026 p.7: "23億円 / 24億円 / 6億円", 肝炎 "39億円", 感染症有事 "16億円".
    ("2026", "4", "AMED", &[23.0, 24.0, 6.0, 39.0, 16.0]),
    // FY2026 p.11: "113億円 / 73億円 / 3億円", "2億円", "9億円", "23億円 / 10億円".
    (
        "2026",
        "6",
        "AMED",
        &[113.0, 73.0, 3.0, 2.0, 9.0, 23.0, 10.0],
    ),
    // FY2026 p.13: only "概算要求額 59億円" and "概算要求額 38億円".
    ("2026", "7", "AMED", &[59.0, 38.0]),
    // FY2026 p.1, AMED: 35, 61, 39, 34, 38, 42, 13, 30, 41, 16.
    (
        "2026",
        "1",
        "AMED",
        &[35.0, 61.0, 39.0, 34.0, 38.0, 42.0, 13.0, 30.0, 41.0, 16.0],
    ),
];

#[test]
fn budget_lines_reproduce_the_diagram_pages() {
    let rows = query_rows("queries/budget_lines.rq");
    for (year, project, line, amount, funding) in LINES {
        let found = find(
            &rows,
            &[
                ("fiscalYear", year),
                ("projectNumber", project),
                ("line", line),
                ("funding", funding),
            ],
        );
        assert_eq!(
            found.len(),
            1,
            "FY{year} PJ{project} {line} ({funding}): expected one line, found {found:?}"
        );
        assert_eq!(
            num(&found[0]["amountOku"]),
            *amount,
            "FY{year} PJ{project} {line}"
        );
    }
    // at least one checked line per project per year
    for (year, projects) in [("2024", 6), ("2026", 8)] {
        for p in 1..=projects {
            let p = p.to_string();
            let checked = LINES.iter().any(|(y, n, ..)| *y == year && *n == p)
                || PAGE_AMOUNTS.iter().any(|(y, n, ..)| *y == year && *n == p);
            assert!(checked, "no check for FY{year} PJ{p}");
        }
    }
}

#[test]
fn scrambled_pages_keep_exactly_the_printed_amounts() {
    let rows = query_rows("queries/budget_lines.rq");
    for (year, project, funding, printed) in PAGE_AMOUNTS {
        let mut got: Vec<f64> = find(
            &rows,
            &[
                ("fiscalYear", year),
                ("projectNumber", project),
                ("funding", funding),
            ],
        )
        .iter()
        .map(|r| num(&r["amountOku"]))
        .collect();
        let mut want = printed.to_vec();
        got.sort_by(|a, b| a.total_cmp(b));
        want.sort_by(|a, b| a.total_cmp(b));
        assert_eq!(
            got, want,
            "FY{year} PJ{project} {funding}: the lines' amounts are the page's amounts"
        );
    }
}

#[test]
fn every_project_reconciles_with_its_lines() {
    // Independently of `validate`: the lines of each project add up to the amounts the summary
    // page states for it, within the rounding of the printed figures.
    let lines = query_rows("queries/budget_lines.rq");
    let projects = query_rows("queries/projects.rq");
    assert_eq!(projects.len(), 14);
    for p in &projects {
        for (funding, column) in [("AMED", "amedOku"), ("inhouse", "inhouseOku")] {
            let parts: Vec<f64> = find(
                &lines,
                &[
                    ("fiscalYear", &p["fiscalYear"]),
                    ("projectNumber", &p["projectNumber"]),
                    ("funding", funding),
                ],
            )
            .iter()
            .map(|r| num(&r["amountOku"]))
            .collect();
            let stated = if p[column].is_empty() {
                0.0
            } else {
                num(&p[column])
            };
            let sum: f64 = parts.iter().sum();
            let tolerance = (parts.len() as f64 + 1.0) / 2.0;
            assert!(
                (sum - stated).abs() <= tolerance,
                "FY{} PJ{} {funding}: lines sum to {sum}, stated {stated}",
                p["fiscalYear"],
                p["projectNumber"]
            );
        }
    }
}

#[test]
fn relisted_lines_add_no_money() {
    let rows = query_rows("queries/relisted_lines.rq");
    // FY2024 p.3: "● 医工連携イノベーション推進事業（再掲）", "● 医療機器等における先進的研究開発・開発体制強靱化事業（再掲）";
    // FY2026 p.3: "● 医療機器開発推進研究事業：（再掲）", "● 医工連携グローバル展開（再掲）", "● 次世代型医療機器開発等促進事業（再掲）";
    // FY2026 p.15: "●大学発医療系スタートアップ支援プログラム（文部科学省）（PJ7 再掲）".
    assert_eq!(find(&rows, &[("fiscalYear", "2024")]).len(), 2, "{rows:#?}");
    assert_eq!(find(&rows, &[("fiscalYear", "2026")]).len(), 4, "{rows:#?}");
    let budget = query_rows("queries/budget_lines.rq");
    // The re-listed 医工連携 of FY2024 PJ2 is not counted again: one 20 only.
    assert_eq!(
        find(
            &budget,
            &[
                ("fiscalYear", "2024"),
                ("line", "医工連携イノベーション推進事業")
            ]
        )
        .len(),
        1
    );
}

#[test]
fn renamed_programs_are_one_resource() {
    let rows = query_rows("queries/renamed_programs.rq");
    // FY2024 ◆ names → FY2026 ◆ names of the same program (same ministry, same role on the page).
    for (old, new) in [
        (
            "ゲノム医療実現バイオバンク利活用プログラム(B-cure)",
            "次世代医療実現バイオバンク利活用プログラム(B-cure)",
        ),
        (
            "医工連携イノベーション推進事業",
            "医工連携グローバル展開事業",
        ),
        (
            "医療機器等における先進的研究開発・開発体制強靱化事業",
            "次世代型医療機器開発等促進事業",
        ),
        (
            "女性の健康の包括的支援実用化研究事業",
            "女性の健康の包括支援実用化研究事業",
        ),
    ] {
        let r = find(&rows, &[("fy2024Name", old), ("fy2026Name", new)]);
        assert_eq!(r.len(), 1, "{old} → {new} missing in {rows:#?}");
        assert!(!r[0]["evidence"].is_empty());
    }
    let continuity = query_rows("queries/program_continuity.rq");
    let renamed = find(&continuity, &[("status", "renamed")]);
    assert_eq!(renamed.len(), 4);
    // Same IRI both years: the B-cure program has one row with both names.
    assert_eq!(
        find(
            &continuity,
            &[(
                "fy2026Name",
                "次世代医療実現バイオバンク利活用プログラム(B-cure)"
            )]
        )
        .len(),
        1
    );
}

#[test]
fn continuity_agrees_with_the_source_texts() {
    // A program "continued" has its name printed in both documents; "only2024"/"only2026" in
    // one only. Checked against the texts themselves (white space removed).
    let squeeze = |s: String| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let t2024 = squeeze(
        std::fs::read_to_string(repo().join("data/sources/002_041f01ff2169d8b4.txt")).unwrap(),
    );
    let t2026 = squeeze(
        std::fs::read_to_string(repo().join("data/sources/000_3903c1d493fa9575.txt")).unwrap(),
    );
    let rows = query_rows("queries/program_continuity.rq");
    assert!(rows.len() >= 60, "{} programs", rows.len());
    for r in &rows {
        let (a, b) = (&r["fy2024Name"], &r["fy2026Name"]);
        match r["status"].as_str() {
            "continued" => {
                assert_eq!(a, b);
                assert!(
                    t2024.contains(a.as_str()) && t2026.contains(b.as_str()),
                    "{a} is printed in both documents"
                );
            }
            "renamed" => {
                assert!(t2024.contains(a.as_str()) && t2026.contains(b.as_str()) && a != b)
            }
            "only2024" => {
                assert!(t2024.contains(a.as_str()) && b.is_empty());
                assert!(!t2026.contains(a.as_str()), "{a} is printed in FY2026 too");
            }
            "only2026" => {
                assert!(t2026.contains(b.as_str()) && a.is_empty());
                assert!(!t2024.contains(b.as_str()), "{b} is printed in FY2024 too");
            }
            other => panic!("unknown status {other}"),
        }
    }
    // Two FY2026 programs the FY2024 document does not print at all.
    for name in [
        "ムーンショット型研究開発事業",
        "難病・希少疾病治療グローバル研究開発支援事業",
    ] {
        assert_eq!(
            find(&rows, &[("fy2026Name", name), ("status", "only2026")]).len(),
            1,
            "{name}"
        );
    }
}

#[test]
fn shared_programs_span_several_projects() {
    let rows = query_rows("queries/shared_programs.rq");
    // FY2026: 難治性 and 革新的がん are ● items on p.1 (PJ1), p.5 (PJ3) and p.9 (PJ5);
    // 臨床研究・治験推進研究事業 on p.1 and p.13 (PJ7); 橋渡し研究プログラム on p.13 and, as
    // "大学発医療系スタートアップ支援プログラム（文部科学省）（PJ7 再掲）", on p.15 (PJ8).
    let y2026: BTreeMap<&str, &str> = find(&rows, &[("fiscalYear", "2026")])
        .iter()
        .map(|r| (r["program"].as_str(), r["projects"].as_str()))
        .collect();
    let expected: BTreeMap<&str, &str> = [
        ("難治性疾患実用化研究事業", "1, 3, 5"),
        ("革新的がん医療実用化研究事業", "1, 3, 5"),
        ("臨床研究・治験推進研究事業", "1, 7"),
        ("橋渡し研究プログラム", "7, 8"),
    ]
    .into_iter()
    .collect();
    assert_eq!(y2026, expected);
    // FY2024: 難治性 and 革新的がん appear on the diagram pages of projects 1 to 5;
    // 予防・健康づくりの社会実装に向けた研究開発基盤整備事業 on p.3 (PJ2) and p.11 (PJ6).
    for (program, projects) in [
        ("難治性疾患実用化研究事業", "1, 2, 3, 4, 5"),
        ("革新的がん医療実用化研究事業", "1, 2, 3, 4, 5"),
        (
            "予防・健康づくりの社会実装に向けた研究開発基盤整備事業",
            "2, 6",
        ),
        ("臨床研究・治験推進研究事業", "1, 6"),
    ] {
        let r = find(&rows, &[("fiscalYear", "2024"), ("program", program)]);
        assert_eq!(r.len(), 1, "{program}");
        assert_eq!(r[0]["projects"], projects, "{program}");
    }
}

#[test]
fn ministries_as_printed_on_the_points_pages() {
    let rows = query_rows("queries/program_ministries.rq");
    let codes = |year: &str, program: &str| -> Vec<String> {
        let mut v: Vec<String> = find(&rows, &[("fiscalYear", year), ("program", program)])
            .iter()
            .map(|r| r["ministry"].clone())
            .collect();
        v.sort();
        v
    };
    // FY2024 p.2: "◆ 創薬基盤推進研究事業（厚）", "◆ 生命科学・創薬研究支援基盤事業（文）", "◆ 次世代治療・診断実現のための創薬基盤技術開発事業（経）".
    assert_eq!(codes("2024", "創薬基盤推進研究事業"), ["厚"]);
    assert_eq!(codes("2024", "生命科学・創薬研究支援基盤事業"), ["文"]);
    assert_eq!(
        codes("2024", "次世代治療・診断実現のための創薬基盤技術開発事業"),
        ["経"]
    );
    // FY2026 p.10: "◆ 健康・医療研究開発データ統合利活用プラットフォーム事業（文、厚、経）"; p.12:
    // "◆ ヒューマン・フロンティア・サイエンス・プログラム（文、経）", "◆ ムーンショット型研究開発事業（基金事業）（健）";
    // p.16: "◆ 難病・希少疾病治療グローバル研究開発支援事業（内）".
    let mut three = vec!["厚".to_owned(), "文".to_owned(), "経".to_owned()];
    three.sort();
    assert_eq!(
        codes(
            "2026",
            "健康・医療研究開発データ統合利活用プラットフォーム事業"
        ),
        three
    );
    let mut two = vec!["文".to_owned(), "経".to_owned()];
    two.sort();
    assert_eq!(
        codes("2026", "ヒューマン・フロンティア・サイエンス・プログラム"),
        two
    );
    assert_eq!(codes("2026", "ムーンショット型研究開発事業"), ["健"]);
    assert_eq!(
        codes("2026", "難病・希少疾病治療グローバル研究開発支援事業"),
        ["内"]
    );
}

#[test]
fn new_and_expanded_flags() {
    let rows = query_rows("queries/program_flags.rq");
    let has = |year: &str, program: &str, flag: &str| {
        !find(
            &rows,
            &[("fiscalYear", year), ("program", program), ("flag", flag)],
        )
        .is_empty()
    };
    // FY2024 p.2: "◆ 【新規】認知症研究開発事業（厚）", "◆ 【新規】スマートバイオ創薬等研究支援事業（文）",
    // "◆ 次世代がん医療加速化研究事業（文）" with a bullet "【拡充】アカデミア発の画期的な創薬シーズ…".
    assert!(has("2024", "認知症研究開発事業", "新規"));
    assert!(has("2024", "スマートバイオ創薬等研究支援事業", "新規"));
    assert!(has("2024", "次世代がん医療加速化研究事業", "拡充"));
    assert!(!has("2024", "次世代がん医療加速化研究事業", "新規"));
    // FY2026 p.2: "◆ 生命科学・創薬研究支援基盤事業（文） 【拡充】広くライフサイエンス分野…";
    // p.16: "◆ 難病・希少疾病治療グローバル研究開発支援事業（内） 【新規】喫緊の課題…".
    assert!(has("2026", "生命科学・創薬研究支援基盤事業", "拡充"));
    assert!(has(
        "2026",
        "難病・希少疾病治療グローバル研究開発支援事業",
        "新規"
    ));
}

#[test]
fn uncertain_figures_are_recorded_with_alternatives() {
    let rows = query_rows("queries/uncertain_figures.rq");
    // FY2026 p.7 prints "23億円 / 24億円 / 6億円" after three boxes: 新興・再興（厚） and 基盤創生（文）
    // cannot be told apart by any stated sum.
    let a = find(
        &rows,
        &[
            ("fiscalYear", "2026"),
            (
                "line",
                "新興・再興感染症に対する革新的医薬品等開発推進研究事業",
            ),
        ],
    );
    assert_eq!(a.len(), 1);
    assert_eq!(a[0]["certainty"], "ambiguous");
    let alts: Vec<f64> = a[0]["alternatives"].split(", ").map(num).collect();
    let chosen = num(&a[0]["amountOku"]);
    assert!(
        [23.0, 24.0].contains(&chosen)
            && alts.iter().all(|x| [23.0, 24.0, 6.0].contains(x))
            && !alts.contains(&chosen)
    );
    // FY2024 p.1 prints "26億円 / 36億円 / 39億円" after 次世代がん, 革新的がん and 難治性.
    for line in [
        "次世代がん医療加速化研究事業",
        "革新的がん医療実用化研究事業",
        "難治性疾患実用化研究事業",
    ] {
        let r = find(
            &rows,
            &[
                ("fiscalYear", "2024"),
                ("projectNumber", "1"),
                ("line", line),
            ],
        );
        assert_eq!(r.len(), 1, "{line}");
        assert_eq!(r[0]["certainty"], "ambiguous");
        assert!(!r[0]["reasoning"].is_empty());
    }
    // Every uncertain figure says why.
    assert!(rows.iter().all(|r| !r["reasoning"].is_empty()));
}

#[test]
fn lineage_follows_the_programs() {
    let rows = query_rows("queries/project_lineage.rq");
    // For each FY2024 project, the FY2026 project sharing the most programs.
    let best = |from: &str| -> String {
        let mut r = find(&rows, &[("fy2024Project", from)]);
        r.sort_by(|a, b| num(&b["sharedPrograms"]).total_cmp(&num(&a["sharedPrograms"])));
        r.first()
            .map(|r| r["fy2026Project"].clone())
            .unwrap_or_default()
    };
    assert_eq!(best("医薬品プロジェクト"), "医薬品プロジェクト");
    assert_eq!(
        best("医療機器・ヘルスケアプロジェクト"),
        "医療機器・ヘルスケアプロジェクト"
    );
    assert_eq!(
        best("再生・細胞医療・遺伝子治療プロジェクト"),
        "再生・細胞医療・遺伝子治療プロジェクト"
    );
    assert_eq!(
        best("ゲノム・データ基盤プロジェクト"),
        "データ利活用・ライフコースプロジェクト"
    );
    assert_eq!(
        best("疾患基礎研究プロジェクト"),
        "データ利活用・ライフコースプロジェクト"
    );
    assert_eq!(
        best("シーズ開発・研究基盤プロジェクト"),
        "シーズ開発・基礎研究プロジェクト"
    );
}

#[test]
fn fund_based_lines_keep_their_supplementary_budgets() {
    let rows = query_rows("queries/fund_based_programs.rq");
    // FY2024 p.13 (（参考）, no project): "●ワクチン・新規モダリティ研究開発事業 令和３年度補正予算額 1,504億円（基金）",
    // "●創薬ベンチャーエコシステム強化事業 令和３年度補正予算額 500億円（基金） ※" with "※ 令和４年度補正予算において …
    // （3,000億円（基金））"; p.11 (PJ6): "●先端国際共同研究推進プログラム（基金事業） 令和４年度補正予算額：61億円".
    for (project, name, year, amount) in [
        ("", "ワクチン・新規モダリティ研究開発事業", "2021", 1504.0),
        ("", "創薬ベンチャーエコシステム強化事業", "2021", 500.0),
        ("", "創薬ベンチャーエコシステム強化事業", "2022", 3000.0),
        ("6", "先端国際共同研究推進プログラム", "2022", 61.0),
    ] {
        let r = find(
            &rows,
            &[
                ("fiscalYear", "2024"),
                ("projectNumber", project),
                ("name", name),
                ("supplementaryYear", year),
            ],
        );
        assert_eq!(r.len(), 1, "{name} {year}: {rows:#?}");
        assert_eq!(num(&r[0]["supplementaryOku"]), amount);
        assert_eq!(
            r[0]["requestOku"], "",
            "a supplementary budget is not request money"
        );
    }
    // None of it enters a project's request: FY2024 PJ6's lines still close on its 269.
    let lines = query_rows("queries/budget_lines.rq");
    let pj6: f64 = find(&lines, &[("fiscalYear", "2024"), ("projectNumber", "6")])
        .iter()
        .map(|r| num(&r["amountOku"]))
        .sum();
    assert!((pj6 - 269.0).abs() <= 2.0, "{pj6}");
}

#[test]
fn support_networks_and_what_they_support() {
    let rows = query_rows("queries/support_networks.rq");
    let supports = |year: &str, org: &str, project: &str| {
        !find(
            &rows,
            &[
                ("fiscalYear", year),
                ("organization", org),
                ("projectNumber", project),
            ],
        )
        .is_empty()
    };
    // FY2026 p.5 (PJ3) prints "創薬支援ネットワーク", "医療機器開発支援ネットワーク" and
    // "（独）医薬品医療機器総合機構（ＰＭＤＡ）による支援"; FY2024 p.1 (PJ1) prints the PMDA support.
    assert!(supports("2026", "創薬支援ネットワーク", "3"));
    assert!(supports("2026", "医療機器開発支援ネットワーク", "3"));
    assert!(supports("2026", "独立行政法人医薬品医療機器総合機構", "3"));
    assert!(supports("2024", "独立行政法人医薬品医療機器総合機構", "1"));
    // The same support printed with half-width parentheses, "（独）医薬品医療機器総合機構（PMDA）
    // による支援": FY2024 p.9 (PJ5) and p.11 (PJ6), FY2026 p.11 (PJ6) and p.13 (PJ7).
    assert!(supports("2024", "独立行政法人医薬品医療機器総合機構", "5"));
    assert!(supports("2024", "独立行政法人医薬品医療機器総合機構", "6"));
    assert!(supports("2026", "独立行政法人医薬品医療機器総合機構", "6"));
    assert!(supports("2026", "独立行政法人医薬品医療機器総合機構", "7"));
}
