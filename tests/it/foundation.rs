//! The standard queries of the foundation (projects, summary tables, strategy) against values
//! read from the source documents. Each expected value cites the phrase it comes from.

#![allow(clippy::type_complexity)]

use crate::harness::*;

fn row<'a>(
    rows: &'a [std::collections::BTreeMap<String, String>],
    pairs: &[(&str, &str)],
) -> &'a std::collections::BTreeMap<String, String> {
    let found: Vec<_> = rows
        .iter()
        .filter(|r| {
            pairs
                .iter()
                .all(|(k, v)| r.get(*k).map(String::as_str) == Some(*v))
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one row with {pairs:?}, found {}",
        found.len()
    );
    found[0]
}

/// Compares a decimal cell with an expected amount, whatever its lexical form ("431" or "431.0").
fn amount(cell: &str) -> f64 {
    cell.parse()
        .unwrap_or_else(|_| panic!("{cell:?} is not a number"))
}

#[test]
fn projects_match_the_summary_pages() {
    let rows = query_rows("queries/projects.rq");
    // (fiscal year, number, name, total, AMED, in-house) as printed on the summary pages, e.g.
    // FY2024: "１． 医薬品プロジェクト ４３１億円 ＜ＡＭＥＤ ３８０億円、インハウス ５１億円＞",
    // FY2026: "１． 医薬品プロジェクト  ４０２億円 ＜ＡＭＥＤ３４９億円、インハウス ５３億円＞".
    let expected: &[(&str, &str, &str, f64, f64, Option<f64>)] = &[
        ("2024", "1", "医薬品プロジェクト", 431.0, 380.0, Some(51.0)),
        (
            "2024",
            "2",
            "医療機器・ヘルスケアプロジェクト",
            131.0,
            131.0,
            None,
        ),
        (
            "2024",
            "3",
            "再生・細胞医療・遺伝子治療プロジェクト",
            209.0,
            209.0,
            None,
        ),
        (
            "2024",
            "4",
            "ゲノム・データ基盤プロジェクト",
            221.0,
            203.0,
            Some(18.0),
        ),
        ("2024", "5", "疾患基礎研究プロジェクト", 198.0, 198.0, None),
        (
            "2024",
            "6",
            "シーズ開発・研究基盤プロジェクト",
            269.0,
            269.0,
            None,
        ),
        ("2026", "1", "医薬品プロジェクト", 402.0, 349.0, Some(53.0)),
        (
            "2026",
            "2",
            "医療機器・ヘルスケアプロジェクト",
            103.0,
            103.0,
            None,
        ),
        (
            "2026",
            "3",
            "再生・細胞医療・遺伝子治療プロジェクト",
            227.0,
            227.0,
            None,
        ),
        ("2026", "4", "感染症プロジェクト", 108.0, 108.0, None),
        (
            "2026",
            "5",
            "データ利活用・ライフコースプロジェクト",
            297.0,
            279.0,
            Some(18.0),
        ),
        (
            "2026",
            "6",
            "シーズ開発・基礎研究プロジェクト",
            234.0,
            234.0,
            None,
        ),
        (
            "2026",
            "7",
            "橋渡し・臨床加速化プロジェクト",
            97.0,
            97.0,
            None,
        ),
        (
            "2026",
            "8",
            "イノベーション・エコシステムプロジェクト",
            5.0,
            5.0,
            None,
        ),
    ];
    assert_eq!(
        rows.len(),
        expected.len(),
        "one row per project per year: {rows:#?}"
    );
    for (year, number, name, total, amed, inhouse) in expected {
        let r = row(&rows, &[("fiscalYear", year), ("projectNumber", number)]);
        assert_eq!(r["projectName"], *name);
        assert_eq!(amount(&r["totalOku"]), *total, "{year} PJ{number} total");
        assert_eq!(amount(&r["amedOku"]), *amed, "{year} PJ{number} AMED");
        match inhouse {
            Some(i) => assert_eq!(amount(&r["inhouseOku"]), *i, "{year} PJ{number} in-house"),
            None => assert_eq!(
                r["inhouseOku"], "",
                "{year} PJ{number} has no in-house part"
            ),
        }
    }
}

#[test]
fn ministry_totals_reproduce_both_summary_tables() {
    let rows = query_rows("queries/ministry_totals.rq");
    // FY2024 AMED: "１，４８９億円（内10,こ７,総6,文697,厚579,経190）", request "１，１３２億円（こ5,総6,文523,厚435,経164）",
    // 要望 "３５７億円（内10,こ2,文174,厚145,経26）", 令和５年度当初 "１，２４８億円（こ6,総5,文581,厚483,経174）".
    // FY2024 in-house: "８３８億円（文254,厚510,経73）", "７７４億円（文237,厚463,経73）", "６４億円（文17,厚47）",
    // 令和５年度当初 "７９６億円（文254,厚468,経73）".
    // FY2026 AMED: "１，４７３億円（内５,こ７,総３,文697,厚578,経182）", "１，１８７億円（こ５,総３,文578,厚488,経113）",
    // "２８５億円（内５,こ２、文119、厚90、経69）", 令和７年度当初 "１，２３２億円（こ6,総3,文583,厚479,経161）".
    // FY2026 in-house: "９１３億円（こ０、文258、厚570、経86）", "８０８億円（こ０、文222、厚500、経86）",
    // "１０６億円（文36、厚69）", 令和７年度当初 "８１３億円（こ0,文251,厚500,経61）".
    let expected: &[(&str, &str, &str, &[(&str, f64)])] = &[
        (
            "2024",
            "AMED",
            "total",
            &[
                ("ALL", 1489.0),
                ("内", 10.0),
                ("こ", 7.0),
                ("総", 6.0),
                ("文", 697.0),
                ("厚", 579.0),
                ("経", 190.0),
            ],
        ),
        (
            "2024",
            "AMED",
            "request",
            &[
                ("ALL", 1132.0),
                ("こ", 5.0),
                ("総", 6.0),
                ("文", 523.0),
                ("厚", 435.0),
                ("経", 164.0),
            ],
        ),
        (
            "2024",
            "AMED",
            "youbou",
            &[
                ("ALL", 357.0),
                ("内", 10.0),
                ("こ", 2.0),
                ("文", 174.0),
                ("厚", 145.0),
                ("経", 26.0),
            ],
        ),
        (
            "2024",
            "AMED",
            "prev_initial",
            &[
                ("ALL", 1248.0),
                ("こ", 6.0),
                ("総", 5.0),
                ("文", 581.0),
                ("厚", 483.0),
                ("経", 174.0),
            ],
        ),
        (
            "2024",
            "inhouse",
            "total",
            &[("ALL", 838.0), ("文", 254.0), ("厚", 510.0), ("経", 73.0)],
        ),
        (
            "2024",
            "inhouse",
            "request",
            &[("ALL", 774.0), ("文", 237.0), ("厚", 463.0), ("経", 73.0)],
        ),
        (
            "2024",
            "inhouse",
            "youbou",
            &[("ALL", 64.0), ("文", 17.0), ("厚", 47.0)],
        ),
        (
            "2024",
            "inhouse",
            "prev_initial",
            &[("ALL", 796.0), ("文", 254.0), ("厚", 468.0), ("経", 73.0)],
        ),
        (
            "2026",
            "AMED",
            "total",
            &[
                ("ALL", 1473.0),
                ("内", 5.0),
                ("こ", 7.0),
                ("総", 3.0),
                ("文", 697.0),
                ("厚", 578.0),
                ("経", 182.0),
            ],
        ),
        (
            "2026",
            "AMED",
            "request",
            &[
                ("ALL", 1187.0),
                ("こ", 5.0),
                ("総", 3.0),
                ("文", 578.0),
                ("厚", 488.0),
                ("経", 113.0),
            ],
        ),
        (
            "2026",
            "AMED",
            "youbou",
            &[
                ("ALL", 285.0),
                ("内", 5.0),
                ("こ", 2.0),
                ("文", 119.0),
                ("厚", 90.0),
                ("経", 69.0),
            ],
        ),
        (
            "2026",
            "AMED",
            "prev_initial",
            &[
                ("ALL", 1232.0),
                ("こ", 6.0),
                ("総", 3.0),
                ("文", 583.0),
                ("厚", 479.0),
                ("経", 161.0),
            ],
        ),
        (
            "2026",
            "inhouse",
            "total",
            &[
                ("ALL", 913.0),
                ("こ", 0.0),
                ("文", 258.0),
                ("厚", 570.0),
                ("経", 86.0),
            ],
        ),
        (
            "2026",
            "inhouse",
            "request",
            &[
                ("ALL", 808.0),
                ("こ", 0.0),
                ("文", 222.0),
                ("厚", 500.0),
                ("経", 86.0),
            ],
        ),
        (
            "2026",
            "inhouse",
            "youbou",
            &[("ALL", 106.0), ("文", 36.0), ("厚", 69.0)],
        ),
        (
            "2026",
            "inhouse",
            "prev_initial",
            &[
                ("ALL", 813.0),
                ("こ", 0.0),
                ("文", 251.0),
                ("厚", 500.0),
                ("経", 61.0),
            ],
        ),
    ];
    let mut n = 0;
    for (year, category, kind, figures) in expected {
        for (ministry, value) in *figures {
            n += 1;
            let r = row(
                &rows,
                &[
                    ("fiscalYear", year),
                    ("category", category),
                    ("kind", kind),
                    ("ministry", ministry),
                ],
            );
            assert_eq!(
                amount(&r["amountOku"]),
                *value,
                "{year} {category} {kind} {ministry}"
            );
        }
    }
    assert_eq!(rows.len(), n, "no figure beyond those printed");
}

#[test]
fn strategy_periods_and_project_counts() {
    let rows = query_rows("queries/strategy.rq");
    assert_eq!(rows.len(), 2);
    // "第２期健康・医療戦略（令和２年度～令和６年度）における６プロジェクト"
    let r = row(&rows, &[("fiscalYear", "2024")]);
    assert_eq!(
        (r["strategy"].as_str(), r["strategyLabel"].as_str()),
        ("2", "第2期健康・医療戦略")
    );
    assert_eq!(
        (
            r["startYear"].as_str(),
            r["endYear"].as_str(),
            r["projectCount"].as_str()
        ),
        ("2020", "2024", "6")
    );
    // "第３期健康・医療戦略（令和７年度～11年度）等に基づき、８つの統合プロジェクト"
    let r = row(&rows, &[("fiscalYear", "2026")]);
    assert_eq!(
        (r["strategy"].as_str(), r["strategyLabel"].as_str()),
        ("3", "第3期健康・医療戦略")
    );
    assert_eq!(
        (
            r["startYear"].as_str(),
            r["endYear"].as_str(),
            r["projectCount"].as_str()
        ),
        ("2025", "2029", "8")
    );
}

#[test]
fn every_query_file_states_its_question_and_runs() {
    // queries/ and its folders (viz/: the views of `viz`, charts/: the charts' data)
    let mut files = Vec::new();
    let mut dirs = vec![repo().join("queries")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 3);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(
            text.starts_with("# Question") || text.starts_with("# View `"),
            "{} must start with '# Question' (or, for a view of `viz`, '# View `name`')",
            f.display()
        );
        let rel = f.strip_prefix(repo()).unwrap();
        let out = run(&[
            "query",
            s(rel),
            "--format",
            "csv",
            "--store",
            s(shared_store()),
        ])
        .ok();
        assert!(
            !parse_csv(&out.stdout).is_empty(),
            "{} returned no rows",
            f.display()
        );
    }
}
