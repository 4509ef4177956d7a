//! `medrd-kg chart`: every kind in both languages is well-formed SVG that rsvg-convert
//! renders, names its source, keeps text legible, and prints the figures of the source
//! documents (the numbers below are read from the texts in /work/shared/seeds, not from the
//! code); uncertain figures are hatched and marked, certain ones not; output is
//! deterministic; wrong kinds and years fail naming the valid ones.

use std::path::Path;
use std::process::Command;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::harness::*;

/// An element of the parsed SVG.
#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<El>,
    text: String,
}

impl El {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(a, _)| a == k)
            .map(|(_, v)| v.as_str())
    }

    /// All text inside, concatenated.
    fn all_text(&self) -> String {
        let mut s = self.text.clone();
        for c in &self.children {
            s.push_str(&c.all_text());
        }
        s
    }

    fn walk<'a>(&'a self, out: &mut Vec<&'a El>) {
        out.push(self);
        for c in &self.children {
            c.walk(out);
        }
    }

    fn all(&self) -> Vec<&El> {
        let mut v = Vec::new();
        self.walk(&mut v);
        v
    }

    /// Groups of `class` whose tooltip (`<title>`) contains `needle`.
    fn groups(&self, class: &str, needle: &str) -> Vec<&El> {
        self.all()
            .into_iter()
            .filter(|e| e.name == "g" && e.attr("class") == Some(class))
            .filter(|g| {
                g.children
                    .iter()
                    .any(|c| c.name == "title" && c.text.contains(needle))
            })
            .collect()
    }

    fn hatched(&self) -> bool {
        self.all()
            .iter()
            .any(|e| e.attr("fill") == Some("url(#uncertain)"))
    }
}

/// Parses `svg` strictly (the test fails on any XML error) into a tree.
fn parse(svg: &str) -> El {
    let mut reader = Reader::from_str(svg);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<El> = vec![El::default()];
    let el = |e: &quick_xml::events::BytesStart| El {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    a.unescape_value().expect("attribute value").into_owned(),
                )
            })
            .collect(),
        ..El::default()
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(el(&e)),
            Event::Empty(e) => {
                let child = el(&e);
                stack.last_mut().unwrap().children.push(child);
            }
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().expect("balanced").children.push(done);
            }
            Event::Text(t) => {
                let t = t.unescape().expect("text");
                stack.last_mut().unwrap().text.push_str(&t);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut doc = stack.pop().unwrap();
    assert_eq!(doc.children.len(), 1, "one root element");
    doc.children.pop().unwrap()
}

fn chart(args: &[&str]) -> String {
    let mut all = vec!["chart"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--store", s(shared_store())]);
    run(&all).ok().stdout
}

/// Renders `svg` with rsvg-convert and returns the PNG's width and height.
fn render(svg: &Path) -> (u32, u32) {
    let png = svg.with_extension("png");
    let out = Command::new("rsvg-convert")
        .arg(svg)
        .arg("-o")
        .arg(&png)
        .output()
        .expect("rsvg-convert is installed (librsvg2-bin)");
    assert!(
        out.status.success(),
        "rsvg-convert failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&png).expect("PNG written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(
        bytes.len() > 20_000,
        "a nearly empty PNG: {} bytes",
        bytes.len()
    );
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

const KINDS: [&str; 4] = ["projects", "ministries", "change", "flow"];

#[test]
fn every_kind_in_both_languages_is_valid_legible_svg_that_renders() {
    let dir = tempdir();
    for kind in KINDS {
        for lang in ["ja", "en"] {
            let file = dir.path().join(format!("{kind}-{lang}.svg"));
            run(&[
                "chart",
                "--kind",
                kind,
                "--lang",
                lang,
                "-o",
                s(&file),
                "--store",
                s(shared_store()),
            ])
            .ok();
            let svg = std::fs::read_to_string(&file).unwrap();
            let root = parse(&svg);
            assert_eq!(root.name, "svg");
            let title = root.children.iter().find(|c| c.name == "title").unwrap();
            assert!(!title.text.is_empty(), "{kind} {lang}: no title");
            let text = root.all_text();
            // the source document is named, in the chosen language, with the publisher
            let (publisher, title_word) = match lang {
                "ja" => ("健康・医療戦略推進本部", "概算要求のポイント"),
                _ => (
                    "Headquarters for Healthcare Policy",
                    "budget request for medical R&D",
                ),
            };
            assert!(
                text.contains(publisher) && text.contains(title_word),
                "{kind} {lang}: no source"
            );
            // the unit and the legend's explanation of uncertain figures
            assert!(text.contains("億円"), "{kind} {lang}: no unit");
            if lang == "en" {
                assert!(text.contains("100 million yen"), "{kind}: no English unit");
            }
            assert!(
                root.all().iter().any(|e| e.attr("class") == Some("legend")),
                "{kind} {lang}: no legend"
            );
            assert!(text.contains(match lang {
                "ja" => "推定・曖昧",
                _ => "inferred or ambiguous",
            }));
            // every text at a legible size
            for e in root.all() {
                if let Some(size) = e.attr("font-size") {
                    let size: f64 = size.parse().unwrap();
                    assert!(size >= 11.0, "{kind} {lang}: font-size {size}");
                }
            }
            let (w, h) = render(&file);
            assert!(w >= 1000 && h >= 500, "{kind} {lang}: {w}×{h}");
            let width: f64 = root.attr("width").unwrap().parse().unwrap();
            assert_eq!(w as f64, width, "{kind} {lang}: rendered at its own size");
        }
    }
    // no temporary file left beside the outputs
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn projects_print_the_summary_figures_of_both_documents() {
    let ja = parse(&chart(&["--kind", "projects"]));
    let text = ja.all_text();
    // FY2026 (000_…txt): 6+2 projects, among them 医薬品 402 <AMED 349, インハウス 53>,
    // データ利活用・ライフコース 297 <AMED 279, インハウス 18>, イノベーション・エコシステム 5
    // FY2024 (002_…txt): 医薬品 431 <AMED 380, インハウス 51>, ゲノム・データ基盤 221 <203, 18>
    let bars = ja.groups("bar", "医薬品プロジェクト");
    assert_eq!(bars.len(), 2, "one bar per year");
    let texts: Vec<String> = bars.iter().map(|b| b.all_text()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("431") && t.contains("380") && t.contains("51")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("402") && t.contains("349") && t.contains("53")),
        "{texts:?}"
    );
    let data = ja.groups("bar", "データ利活用・ライフコースプロジェクト");
    assert!(data[0].all_text().contains("297") && data[0].all_text().contains("279"));
    let genome = ja.groups("bar", "ゲノム・データ基盤プロジェクト");
    assert!(genome[0].all_text().contains("221") && genome[0].all_text().contains("203"));
    assert!(
        ja.groups("bar", "イノベーション・エコシステムプロジェクト")[0]
            .all_text()
            .contains('5')
    );
    for p in [
        "医療機器・ヘルスケアプロジェクト",
        "再生・細胞医療・遺伝子治療プロジェクト",
        "疾患基礎研究プロジェクト",
        "感染症プロジェクト",
        "橋渡し・臨床加速化プロジェクト",
    ] {
        assert!(text.contains(p), "{p} missing");
    }
    assert!(text.contains("令和6年度") && text.contains("令和8年度"));
    let en = parse(&chart(&["--kind", "projects", "--lang", "en"]));
    let bars = en.groups("bar", "Pharmaceuticals Project");
    assert_eq!(bars.len(), 2);
    assert!(en.all_text().contains("FY2024") && en.all_text().contains("FY2026"));
    // one year only
    let one = parse(&chart(&["--kind", "projects", "--year", "2024"]));
    assert_eq!(one.groups("bar", "医薬品プロジェクト").len(), 1);
    assert!(!one.all_text().contains("感染症プロジェクト"));
}

#[test]
fn ministries_print_the_summary_tables() {
    let ja = parse(&chart(&["--kind", "ministries"]));
    let text = ja.all_text();
    // the stated totals: FY2026 AMED １，４７３億円, in-house ９１３億円; FY2024 １，４８９億円, 838
    for t in ["1,473", "913", "1,489", "838"] {
        assert!(text.contains(t), "{t} missing");
    }
    // FY2026 （内５,こ７,総３,文697,厚578,経182） and in-house （こ０、文258、厚570、経86）
    // FY2024 （…文697,厚579,経190） and in-house （文254,厚510,経73）
    let mext: Vec<String> = ja
        .groups("bar", "文部科学省")
        .iter()
        .map(|g| g.all_text())
        .collect();
    assert_eq!(mext.len(), 2);
    assert!(
        mext.iter().any(|t| t.contains("697") && t.contains("258")),
        "{mext:?}"
    );
    assert!(
        mext.iter().any(|t| t.contains("697") && t.contains("254")),
        "{mext:?}"
    );
    let mhlw: Vec<String> = ja
        .groups("bar", "厚生労働省")
        .iter()
        .map(|g| g.all_text())
        .collect();
    assert!(
        mhlw.iter().any(|t| t.contains("578") && t.contains("570")),
        "{mhlw:?}"
    );
    assert!(
        mhlw.iter().any(|t| t.contains("579") && t.contains("510")),
        "{mhlw:?}"
    );
    let meti: Vec<String> = ja
        .groups("bar", "経済産業省")
        .iter()
        .map(|g| g.all_text())
        .collect();
    assert!(
        meti.iter().any(|t| t.contains("182") && t.contains("86")),
        "{meti:?}"
    );
    // the all-ministry total is printed, not drawn as a bar
    assert!(ja.groups("bar", "全府省庁").is_empty());
    let en = parse(&chart(&["--kind", "ministries", "--lang", "en"]));
    assert_eq!(
        en.groups("bar", "Ministry of Health, Labour and Welfare")
            .len(),
        2
    );
}

#[test]
fn uncertain_figures_are_hatched_and_marked_certain_ones_not() {
    // FY2026 次世代がん医療加速化研究事業: 39 is inferred (the text also allows 42)
    let flow = parse(&chart(&["--kind", "flow"]));
    let gan = flow.groups("program", "次世代がん医療加速化研究事業");
    assert_eq!(gan.len(), 1);
    assert!(gan[0].hatched(), "an inferred figure is hatched");
    let t = gan[0].all_text();
    assert!(t.contains("39?") && t.contains("42"), "{t}");
    // 臨床研究・治験推進研究事業 概算要求額 38億円, printed next to its name: certain
    let rinsho = flow.groups("program", "臨床研究・治験推進研究事業");
    assert_eq!(rinsho.len(), 1);
    assert!(!rinsho[0].hatched(), "a certain figure is not hatched");
    let t = rinsho[0].all_text();
    assert!(t.contains("38") && !t.contains('?'), "{t}");
    // the same in English
    let en = parse(&chart(&["--kind", "flow", "--lang", "en"]));
    let gan = en.groups("program", "P-PROMOTE");
    assert!(gan[0].hatched() && gan[0].all_text().contains("39? (or 42)"));
    // in the change chart a sum with an uncertain figure is hatched too
    let change = parse(&chart(&["--kind", "change"]));
    let uncertain: Vec<&El> = change
        .all()
        .into_iter()
        .filter(|e| e.name == "g" && e.attr("class") == Some("bar"))
        .collect();
    assert!(uncertain
        .iter()
        .any(|g| g.hatched() && g.all_text().contains('?')));
    assert!(uncertain
        .iter()
        .any(|g| !g.hatched() && !g.all_text().contains('?')));
    for g in &uncertain {
        if g.hatched() {
            assert!(g.all_text().contains('?'), "a hatched bar is marked ?");
        }
    }
}

#[test]
fn the_flow_keeps_joint_and_unstated_ministries_apart() {
    let ja = parse(&chart(&["--kind", "flow"]));
    let text = ja.all_text();
    assert!(text.contains("省庁の記載なし"));
    assert!(
        text.contains("文・厚・経（共管）"),
        "the joint platform program has its own node"
    );
    assert!(text.contains("令和8年度"));
    let en = parse(&chart(&[
        "--kind", "flow", "--lang", "en", "--year", "2024",
    ]));
    let text = en.all_text();
    assert!(text.contains("ministry not stated") && text.contains("FY2024"));
    assert!(text.contains("Pharmaceuticals Project"));
    // FY2024 projects 5 (198) and 6 (269) have no single-program lines: named, not hidden
    let ja24 = parse(&chart(&["--kind", "flow", "--year", "2024"])).all_text();
    assert!(
        ja24.contains("5. 疾患基礎研究プロジェクト 198億円"),
        "{ja24}"
    );
    assert!(ja24.contains("6. シーズ開発・研究基盤プロジェクト 269億円"));
}

/// The tooltip (`<title>`) of a group.
fn tooltip(g: &El) -> String {
    g.children
        .iter()
        .find(|c| c.name == "title")
        .map(|c| c.text.clone())
        .unwrap_or_default()
}

/// The groups of `class` whose tooltip's first line is `name`, or `name` and then the
/// amount (the flow's `name　amount`): not the groups of longer names containing it.
fn named<'a>(root: &'a El, class: &str, name: &str) -> Vec<&'a El> {
    of_class(root, class)
        .into_iter()
        .filter(|g| {
            let t = tooltip(g);
            let first = t.lines().next().unwrap_or_default();
            first == name || first.starts_with(&format!("{name}　"))
        })
        .collect()
}

/// The groups of `class`, in document order.
fn of_class<'a>(root: &'a El, class: &str) -> Vec<&'a El> {
    root.all()
        .into_iter()
        .filter(|e| e.name == "g" && e.attr("class") == Some(class))
        .collect()
}

#[test]
fn the_change_chart_sorts_by_change_and_lists_partial_programs_apart() {
    let svg = parse(&chart(&["--kind", "change", "--lang", "en"]));
    let changes: Vec<f64> = of_class(&svg, "bar")
        .into_iter()
        .map(|g| {
            let t = tooltip(g);
            let v = t.lines().nth(1).unwrap().split_whitespace().next().unwrap();
            let v = v.trim_end_matches('?').replace(['±', ','], "");
            v.parse::<f64>().unwrap()
        })
        .collect();
    assert!(changes.len() > 10, "{changes:?}");
    assert!(changes.windows(2).all(|w| w[0] >= w[1]), "{changes:?}");
    // the partial programs come after every bar, without a change of their own
    let partial = of_class(&svg, "partial");
    assert!(!partial.is_empty());
    let text = svg.all_text();
    let last_bar = text
        .rfind("Medical Device Development Promotion Program")
        .unwrap();
    let first_partial = text.find("change not known").unwrap();
    assert!(last_bar < first_partial, "partial rows below the bars");
    for g in &partial {
        let t = tooltip(g);
        assert!(t.contains("change not known") && t.contains('≥'), "{t}");
        assert!(!g.hatched(), "no bar for an unknown change: {t}");
    }
    assert!(text.contains("lower bound"), "the legend explains ≥");
}

#[test]
fn the_change_chart_prints_the_changes_of_the_documents() {
    let ja = parse(&chart(&["--kind", "change"]));
    // 創薬基盤推進研究事業: FY2024 (002_…txt) 「概算要求額 29億円」, FY2026 (000_…txt) 「概算要求額
    // 35億円」, each a line of its own, printed next to the name: certain, +6
    let g = named(&ja, "bar", "創薬基盤推進研究事業");
    assert_eq!(g.len(), 1);
    assert!(
        tooltip(g[0]).ends_with("\n+6（29→35）"),
        "{}",
        tooltip(g[0])
    );
    assert_eq!(
        g[0].all_text().matches("+6（29→35）").count(),
        2,
        "in the tooltip and beside the bar"
    );
    assert!(!g[0].hatched(), "both figures certain");
    // 次世代治療・診断実現のための創薬基盤技術開発事業: 57 (FY2024) → 61 (FY2026), +4
    let g = named(
        &ja,
        "bar",
        "次世代治療・診断実現のための創薬基盤技術開発事業",
    );
    assert_eq!(g.len(), 1);
    assert!(tooltip(g[0]).ends_with("+4（57→61）"), "{}", tooltip(g[0]));
    // renamed: FY2024 prints 「医療機器等における先進的研究開発・開発体制強靱化事業 … 概算要求額 42億円」,
    // FY2026 「次世代型医療機器開発等促進事業 … 概算要求額 27億円」: both names, −15
    let g = named(
        &ja,
        "bar",
        "医療機器等における先進的研究開発・開発体制強靱化事業 → 次世代型医療機器開発等促進事業",
    );
    assert_eq!(g.len(), 1, "the old name is shown with the new one");
    assert!(tooltip(g[0]).ends_with("-15（42→27）"), "{}", tooltip(g[0]));
    // FY2024 医工連携イノベーション推進事業 → FY2026 医工連携グローバル展開事業 (16億円)
    let g = named(
        &ja,
        "bar",
        "医工連携イノベーション推進事業 → 医工連携グローバル展開事業",
    );
    assert_eq!(g.len(), 1);
    assert!(tooltip(g[0]).contains("→16）"), "{}", tooltip(g[0]));
    assert!(
        ja.all_text().contains("旧名 → 新名"),
        "the footnote explains the arrow"
    );
    let en = parse(&chart(&["--kind", "change", "--lang", "en"]));
    let g = named(&en, "bar", "Research on Development of New Drugs");
    assert_eq!(g.len(), 1);
    assert!(tooltip(g[0]).ends_with("+6 (29 → 35)"), "{}", tooltip(g[0]));
}

#[test]
fn a_program_also_in_a_shared_line_is_marked_partial() {
    // FY2024 (002_…txt): 難治性疾患実用化研究事業 has lines of its own and is also one of the
    // programs of the PJ5 area 「がん・難病（18.6億円）」, which prints no share per program;
    // in FY2026 no shared line names it.
    let ja = parse(&chart(&["--kind", "change"]));
    assert!(
        ja.groups("bar", "難治性疾患実用化研究事業").is_empty(),
        "no change bar"
    );
    let g = named(&ja, "partial", "難治性疾患実用化研究事業");
    assert_eq!(g.len(), 1);
    let t = tooltip(g[0]);
    let amounts = t.lines().nth(1).unwrap_or_default();
    assert!(
        amounts.starts_with("増減不明（≥"),
        "FY2024 side a lower bound: {t}"
    );
    let (_, after) = amounts.split_once('→').unwrap_or_default();
    assert!(!after.contains('≥'), "FY2026 side complete: {t}");
    assert!(!amounts.contains('+'), "no change as a plain number: {t}");
    assert!(
        t.contains("がん・難病（PJ5）"),
        "the shared line is named: {t}"
    );
    // 革新的がん医療実用化研究事業 shares the same area
    let g = named(&ja, "partial", "革新的がん医療実用化研究事業");
    assert_eq!(g.len(), 1);
    // 臨床研究・治験推進研究事業 is in a block line in both years: both sides bounded
    let g = named(&ja, "partial", "臨床研究・治験推進研究事業");
    assert_eq!(g.len(), 1);
    assert_eq!(
        tooltip(g[0])
            .lines()
            .nth(1)
            .unwrap_or_default()
            .matches('≥')
            .count(),
        2
    );
    // in the FY2024 flow: 認知症研究開発事業 「概算要求額 10億円」 in PJ4, and one of the five
    // programs of PJ1's 「… ／ 認知症研究開発事業 ／ 概算要求額 13億円」: at least 10
    let flow = parse(&chart(&["--kind", "flow", "--year", "2024"]));
    let g = named(&flow, "program", "認知症研究開発事業");
    assert_eq!(g.len(), 1);
    assert!(g[0].all_text().contains("≥10億円"), "{}", g[0].all_text());
    assert!(
        tooltip(g[0]).contains("共通の予算項目"),
        "{}",
        tooltip(g[0])
    );
    let g = named(&flow, "program", "難治性疾患実用化研究事業");
    assert_eq!(g.len(), 1);
    assert!(g[0].all_text().contains('≥'), "{}", g[0].all_text());
    // 創薬基盤推進研究事業 (29, a line of its own only) is not bounded
    let g = named(&flow, "program", "創薬基盤推進研究事業");
    assert_eq!(g.len(), 1);
    assert!(!g[0].all_text().contains('≥'), "{}", g[0].all_text());
    assert!(flow.all_text().contains("下限"), "the legend explains ≥");
}

#[test]
fn the_fy2024_flow_prints_the_fy2024_names() {
    // FY2024 (002_…txt) prints 「● 医工連携イノベーション推進事業：…」 and 「● 医療機器等における
    // 先進的研究開発・開発体制強靱化事業： … 概算要求額 42億円」; the FY2026 names 医工連携グローバル
    // 展開事業 and 次世代型医療機器開発等促進事業 are not in that document
    let ja = parse(&chart(&["--kind", "flow", "--year", "2024"]));
    let text = ja.all_text();
    assert_eq!(
        named(&ja, "program", "医工連携イノベーション推進事業").len(),
        1
    );
    assert!(
        !text.contains("医工連携グローバル展開事業"),
        "a FY2026 name in FY2024"
    );
    let g = named(
        &ja,
        "program",
        "医療機器等における先進的研究開発・開発体制強靱化事業",
    );
    assert_eq!(g.len(), 1);
    assert!(g[0].all_text().contains("42億円"));
    assert!(!text.contains("次世代型医療機器開発等促進事業"));
    // and FY2026 the new names
    let ja26 = parse(&chart(&["--kind", "flow", "--year", "2026"])).all_text();
    assert!(ja26.contains("医工連携グローバル展開事業"));
    assert!(!ja26.contains("医工連携イノベーション推進事業"));
    // English: the FY2024 name of the year, not the Program's latest one
    let en = parse(&chart(&[
        "--kind", "flow", "--year", "2024", "--lang", "en",
    ]))
    .all_text();
    assert!(en.contains("Medical-Engineering Collaboration Innovation Promotion Program"));
    assert!(!en.contains("Medical-Engineering Collaboration Global Expansion Program"));
}

#[test]
fn charts_are_deterministic_and_stdout_equals_the_file() {
    let dir = tempdir();
    for kind in KINDS {
        let a = chart(&["--kind", kind]);
        let b = chart(&["--kind", kind]);
        assert_eq!(a, b, "{kind} differs between runs");
        let file = dir.path().join("c.svg");
        run(&[
            "chart",
            "--kind",
            kind,
            "-o",
            s(&file),
            "--store",
            s(shared_store()),
        ])
        .ok();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), a);
    }
}

#[test]
fn wrong_kinds_and_years_fail_naming_the_valid_ones() {
    let store = s(shared_store());
    let out = run(&["chart", "--kind", "nonsense", "--store", store]);
    assert!(!out.success());
    for k in KINDS {
        assert!(out.stderr.contains(k), "{k} not named:\n{out}");
    }
    let out = run(&[
        "chart", "--kind", "flow", "--year", "2025", "--store", store,
    ]);
    assert!(!out.success());
    assert!(
        out.stderr.contains("2025") && out.stderr.contains("2024, 2026"),
        "{out}"
    );
    assert!(out.stdout.is_empty());
    let out = run(&[
        "chart", "--kind", "change", "--year", "2024", "--store", store,
    ]);
    assert!(!out.success() && out.stderr.contains("compares"), "{out}");
    let out = run(&["chart", "--kind", "flow", "--lang", "fr", "--store", store]);
    assert!(
        !out.success() && out.stderr.contains("ja") && out.stderr.contains("en"),
        "{out}"
    );
}
