//! `flow`: one fiscal year's amounts from ministries through integrated projects to programs,
//! Sankey-style: three columns of nodes, bands as wide as the amounts. A program-year's
//! ministry is what its ◆ entry prints: several ministries make one joint node (never split
//! by a guess), none an honest "not stated" node. Only single-program budget lines carry an
//! amount per (program, project), so the flow covers those, and says so. A program also
//! named in a line shared with other programs (group, area or block) gets an unprinted share
//! of it that the flow leaves out: its amount is marked as a lower bound (`≥`).

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::data::{
    shared_of, Labels, ProgramLine, ProgramMinistry, ProjectRow, SharedLine, Source, Sum,
};
use super::frame::{self, f, leading, Key, FONT, HEADING, INK, MARGIN, MUTED, PALETTE, SMALL};
use crate::draw::{num, wrap, Hatch, Lang, Svg};
use crate::error::Result;

pub const WIDTH: f64 = 1500.0;
/// Pixels per 億円.
const K: f64 = 1.0;
const MIN_X: f64 = MARGIN;
const MIN_W: f64 = 215.0;
const PROJ_X: f64 = 560.0;
const PROJ_W: f64 = 210.0;
const PROG_X: f64 = 1010.0;
const PROG_W: f64 = 10.0;
const PROG_LABEL_X: f64 = PROG_X + PROG_W + 8.0;

/// The ministry node of a program-year: its codes in the documents' order (empty: not
/// stated).
/// A node's label lines, centred on the height of its box (`top`, `height`).
fn label(svg: &mut Svg, x: f64, top: f64, height: f64, lines: &[String]) -> Result<()> {
    let first = top + height / 2.0 - (lines.len() as f64 - 1.0) * leading(FONT) / 2.0 + FONT * 0.35;
    svg.lines(
        x,
        first,
        FONT,
        leading(FONT),
        "start",
        lines,
        &[("fill", INK)],
    )
}

pub fn ministry_key(codes: &BTreeSet<String>) -> Vec<String> {
    let mut v: Vec<String> = codes.iter().cloned().collect();
    v.sort_by_key(|c| (super::data::ministry_rank(c), c.clone()));
    v
}

/// Ministry nodes in order: single ministries in the documents' order, then joint ones,
/// then "not stated".
fn ministry_order(key: &[String]) -> (usize, usize, Vec<usize>) {
    let ranks: Vec<usize> = key.iter().map(|c| super::data::ministry_rank(c)).collect();
    match key.len() {
        0 => (2, 0, ranks),
        1 => (0, 0, ranks),
        n => (1, n, ranks),
    }
}

/// Tops of boxes of `heights` spread over `total` pixels, at least `gap` apart, the extra
/// space shared evenly between them (a single box is centred).
pub fn spread(heights: &[f64], total: f64, gap: f64) -> Vec<f64> {
    let used: f64 = heights.iter().sum();
    let n = heights.len();
    let between = if n > 1 {
        ((total - used) / (n - 1) as f64).max(gap)
    } else {
        0.0
    };
    let mut y = if n == 1 {
        ((total - used) / 2.0).max(0.0)
    } else {
        0.0
    };
    heights
        .iter()
        .map(|h| {
            let top = y;
            y += h + between;
            top
        })
        .collect()
}

struct Node {
    lines: Vec<String>,
    tooltip: String,
    sum: Sum,
    /// Where the box starts and how tall it is (≥ the bands' height).
    top: f64,
    height: f64,
    color: &'static str,
}

impl Node {
    /// The top of the bands inside the box (centred).
    fn band_top(&self) -> f64 {
        self.top + (self.height - f(self.sum.amount) * K) / 2.0
    }
}

/// A band's path from (x0, a0–b0) to (x1, a1–b1).
fn band_path(x0: f64, a0: f64, b0: f64, x1: f64, a1: f64, b1: f64) -> String {
    let xm = (x0 + x1) / 2.0;
    let n = num;
    format!(
        "M{},{} C{},{} {},{} {},{} L{},{} C{},{} {},{} {},{} Z",
        n(x0),
        n(a0),
        n(xm),
        n(a0),
        n(xm),
        n(a1),
        n(x1),
        n(a1),
        n(x1),
        n(b1),
        n(xm),
        n(b1),
        n(xm),
        n(b0),
        n(x0),
        n(b0)
    )
}

/// Draws a band of `sum`: its certain part in `color`, its uncertain part hatched.
#[allow(clippy::too_many_arguments)]
fn band(
    svg: &mut Svg,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    sum: &Sum,
    color: &str,
    tooltip: &str,
) -> Result<()> {
    let c = f(sum.certain_part) * K;
    let u = f(sum.uncertain_part()) * K;
    svg.group(&[("class", "band")])?;
    svg.tooltip(tooltip)?;
    if c > 0.0 {
        let d = band_path(x0, y0, y0 + c, x1, y1, y1 + c);
        svg.el(
            "path",
            &[("d", &d), ("fill", color), ("fill-opacity", "0.45")],
        )?;
    }
    if u > 0.0 {
        let d = band_path(x0, y0 + c, y0 + c + u, x1, y1 + c, y1 + c + u);
        svg.el(
            "path",
            &[
                ("d", &d),
                ("fill", Hatch::FILL),
                ("stroke", color),
                ("fill-opacity", "0.9"),
                ("class", "uncertain"),
            ],
        )?;
    }
    svg.end()
}

fn sum_text(s: &Sum, lang: Lang) -> String {
    format!(
        "{}{}",
        frame::marked(s.amount, s.certain, &[], lang),
        frame::suffix(lang)
    )
}

#[allow(clippy::too_many_arguments)]
pub fn draw(
    lines: &[ProgramLine],
    shared: &[SharedLine],
    ministries: &[ProgramMinistry],
    projects: &[ProjectRow],
    sources: &[Source],
    year: u16,
    lang: Lang,
) -> Result<String> {
    let lines: Vec<&ProgramLine> = lines.iter().filter(|l| l.year == year).collect();
    let mut codes: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut ministry_names: BTreeMap<&str, &Labels> = BTreeMap::new();
    for m in ministries.iter().filter(|m| m.year == year) {
        codes
            .entry(m.program.as_str())
            .or_default()
            .insert(m.code.clone());
        ministry_names.insert(m.code.as_str(), &m.name);
    }
    let empty = BTreeSet::new();
    let key_of = |program: &str| ministry_key(codes.get(program).unwrap_or(&empty));

    // sums per node and per link
    let mut min_sums: BTreeMap<Vec<String>, Sum> = BTreeMap::new();
    let mut proj_sums: BTreeMap<u32, Sum> = BTreeMap::new();
    // per program: its sum, name, amount per project and the alternatives of its figures
    type ProgramSums<'a> =
        BTreeMap<&'a str, (Sum, &'a Labels, BTreeMap<u32, Decimal>, Vec<Decimal>)>;
    let mut prog_sums: ProgramSums = BTreeMap::new();
    let mut l1: BTreeMap<(Vec<String>, u32), Sum> = BTreeMap::new();
    let mut l2: BTreeMap<(u32, &str), Sum> = BTreeMap::new();
    let mut page_labels = BTreeSet::new();
    for l in &lines {
        let key = key_of(&l.program);
        min_sums.entry(key.clone()).or_default().add(&l.figure);
        proj_sums.entry(l.project).or_default().add(&l.figure);
        let p = prog_sums
            .entry(l.program.as_str())
            .or_insert_with(|| (Sum::default(), &l.name, BTreeMap::new(), Vec::new()));
        p.0.add(&l.figure);
        *p.2.entry(l.project).or_default() += l.figure.amount;
        p.3.extend(l.figure.alternatives.iter().copied());
        l1.entry((key, l.project)).or_default().add(&l.figure);
        l2.entry((l.project, l.program.as_str()))
            .or_default()
            .add(&l.figure);
        if let Some(pg) = &l.figure.page {
            page_labels.insert((year, pg.clone()));
        }
    }

    // node order
    let mut min_keys: Vec<Vec<String>> = min_sums.keys().cloned().collect();
    min_keys.sort_by_key(|k| ministry_order(k));
    let proj_keys: Vec<u32> = proj_sums.keys().copied().collect();
    let mut prog_keys: Vec<&str> = prog_sums.keys().copied().collect();
    // by the project with the program's largest amount, then largest first
    let primary = |p: &str| {
        prog_sums.get(p).and_then(|(_, _, by, _)| {
            by.iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(n, _)| *n)
        })
    };
    prog_keys.sort_by(|a, b| {
        let sa = prog_sums.get(a).map(|s| s.0.amount).unwrap_or_default();
        let sb = prog_sums.get(b).map(|s| s.0.amount).unwrap_or_default();
        primary(a)
            .cmp(&primary(b))
            .then_with(|| sb.cmp(&sa))
            .then_with(|| a.cmp(b))
    });

    // nodes with their labels
    let not_stated = lang.pick("省庁の記載なし", "ministry not stated");
    let mut min_nodes: Vec<Node> = Vec::new();
    for (i, key) in min_keys.iter().enumerate() {
        let sum = min_sums.get(key).cloned().unwrap_or_default();
        let name = match key.len() {
            0 => not_stated.to_owned(),
            1 => {
                let c = &key[0];
                let n = ministry_names
                    .get(c.as_str())
                    .map(|l| l.get(lang, c))
                    .unwrap_or_else(|| c.clone());
                format!("{n}（{c}）")
            }
            _ => format!("{}{}", key.join("・"), lang.pick("（共管）", " (joint)")),
        };
        let text = format!("{name}\n{}", sum_text(&sum, lang));
        let color = if key.is_empty() {
            "#999999"
        } else {
            PALETTE[i % PALETTE.len()]
        };
        min_nodes.push(Node {
            lines: wrap(&text, MIN_W - 12.0, FONT),
            tooltip: text,
            sum,
            top: 0.0,
            height: 0.0,
            color,
        });
    }
    let mut proj_nodes: Vec<Node> = Vec::new();
    for n in &proj_keys {
        let sum = proj_sums.get(n).cloned().unwrap_or_default();
        let row = projects.iter().find(|p| p.year == year && p.number == *n);
        let name = row
            .map(|p| p.name.get(lang, &format!("PJ{n}")))
            .unwrap_or_else(|| format!("PJ{n}"));
        let stated = row
            .and_then(|p| p.total.as_ref())
            .map(|t| frame::amount(t.amount));
        let amounts = match (lang, stated) {
            (Lang::Ja, Some(t)) => format!("事業別 {}（PJ計 {t}億円）", sum_text(&sum, lang)),
            (Lang::En, Some(t)) => {
                format!("by program {} (project total {t})", sum_text(&sum, lang))
            }
            (_, None) => sum_text(&sum, lang),
        };
        let text = format!("{n}. {name}\n{amounts}");
        let color = PALETTE[(*n as usize).saturating_sub(1) % PALETTE.len()];
        proj_nodes.push(Node {
            lines: wrap(&text, PROJ_W - 12.0, FONT),
            tooltip: text,
            sum,
            top: 0.0,
            height: 0.0,
            color,
        });
    }
    let mut prog_nodes: Vec<Node> = Vec::new();
    let mut any_partial = false;
    for p in &prog_keys {
        let Some((sum, name, _, alts)) = prog_sums.get(p) else {
            continue;
        };
        let mut alts = alts.clone();
        alts.sort();
        alts.dedup();
        let shared_lines = shared_of(shared, p, year);
        any_partial |= !shared_lines.is_empty();
        let text = format!(
            "{}　{}{}",
            name.get(lang, p),
            frame::bounded(
                sum.amount,
                sum.certain,
                &alts,
                !shared_lines.is_empty(),
                lang
            ),
            frame::suffix(lang)
        );
        let tooltip = if shared_lines.is_empty() {
            text.clone()
        } else {
            let names: Vec<String> = shared_lines.iter().map(|l| l.describe(lang)).collect();
            format!(
                "{text}\n{}{}",
                lang.pick(
                    "他の事業と共通の予算項目にも含まれる（この図に含まれない）：",
                    "also named in budget lines shared with other programs (left out of this flow): "
                ),
                names.join(lang.pick("、", "; "))
            )
        };
        prog_nodes.push(Node {
            lines: wrap(&text, WIDTH - MARGIN - PROG_LABEL_X, FONT),
            tooltip,
            sum: sum.clone(),
            top: 0.0,
            height: 0.0,
            color: "#666666",
        });
    }

    // heights: the bands' height, or the label's if taller
    let size = |n: &mut Node, pad: f64| {
        n.height = (f(n.sum.amount) * K).max(n.lines.len() as f64 * leading(FONT) + pad);
    };
    for n in &mut min_nodes {
        size(n, 10.0);
    }
    for n in &mut proj_nodes {
        size(n, 10.0);
    }
    for n in &mut prog_nodes {
        size(n, 2.0);
    }
    let column = |nodes: &[Node], gap: f64| {
        nodes.iter().map(|n| n.height).sum::<f64>() + gap * (nodes.len().max(1) - 1) as f64
    };
    let body = column(&prog_nodes, 4.0)
        .max(column(&proj_nodes, 16.0))
        .max(column(&min_nodes, 16.0));

    let title = match lang {
        Lang::Ja => format!(
            "府省庁→統合プロジェクト→事業の予算の流れ（{} 概算要求額）",
            frame::year_name(year, lang)
        ),
        Lang::En => format!(
            "Budget flow from ministries through integrated projects to programs ({} request)",
            frame::year_name(year, lang)
        ),
    };
    let total: Decimal = proj_sums.values().map(|s| s.amount).sum();
    let stated_total: Decimal = projects
        .iter()
        .filter(|p| p.year == year)
        .filter_map(|p| p.total.as_ref())
        .map(|t| t.amount)
        .sum();
    let subtitle = vec![match lang {
        Lang::Ja => format!("帯の太さは額に比例（1億円＝{}px）。単位：億円。事業ごとの額が示された単独事業の予算項目のみ（計 {}億円；統合プロジェクトの合計 {}億円のうち、複数事業をまとめた項目・再掲・事業別でない額は含まない）", num(K), frame::amount(total), frame::amount(stated_total)),
        Lang::En => format!("Band widths are proportional to the amounts (1 × 100 million yen = {} px); unit: 100 million yen (億円). Only single-program budget lines, which give an amount per program, are shown: {} of the projects' stated {} (lines shared by several programs, re-listings and amounts not broken down by program are left out)", num(K), frame::amount(total), frame::amount(stated_total)),
    }];
    let mut keys = vec![
        Key::Swatch("#999999", lang.pick("省庁の記載なし：事業の◆項目に府省庁の記載がない", "ministry not stated: the program's ◆ entry names no ministry").to_owned()),
        Key::Uncertain(lang.pick(
            "斜線・「?」：推定・曖昧な額（資料の文字化けで対応が確定しない）。括弧内は別解",
            "hatched, \"?\": inferred or ambiguous amount (the scrambled text leaves its assignment open); alternatives in brackets",
        ).to_owned()),
    ];
    if any_partial {
        keys.push(frame::at_least_key(lang));
    }
    let mut footer = vec![lang
        .pick(
            "府省庁は各事業のポイントページの◆項目の記載による（「文・厚・経（共管）」などは複数府省庁の共管事業で、按分しない）。内：内閣府、こ：こども家庭庁、総：総務省、文：文部科学省、厚：厚生労働省、経：経済産業省、健：健康・医療戦略推進事務局。",
            "Ministries as each program's ◆ entry on the key-points pages prints them (a joint node such as \"文・厚・経 (joint)\" holds programs of several ministries, not split between them): 内 Cabinet Office, こ Children and Families Agency, 総 MIC, 文 MEXT, 厚 MHLW, 経 METI, 健 Secretariat of the Headquarters for Healthcare Policy.",
        )
        .to_owned()];
    let without: Vec<String> = projects
        .iter()
        .filter(|p| p.year == year && !proj_sums.contains_key(&p.number))
        .map(|p| {
            let total = p
                .total
                .as_ref()
                .map(|t| frame::amount(t.amount))
                .unwrap_or_default();
            format!(
                "{}. {} {total}{}",
                p.number,
                p.name.get(lang, ""),
                frame::suffix(lang)
            )
        })
        .collect();
    if !without.is_empty() {
        footer.push(match lang {
            Lang::Ja => format!(
                "単独事業の予算項目がなく、この図に現れない統合プロジェクト：{}",
                without.join("、")
            ),
            Lang::En => format!(
                "Integrated projects without single-program budget lines, so not in this flow: {}",
                without.join("; ")
            ),
        });
    }
    footer.extend(frame::source_lines(sources, &[year], &page_labels, lang));
    let header_h = {
        let mut probe = Svg::new(WIDTH, 100.0, "", "")?;
        frame::header(&mut probe, WIDTH, &title, &subtitle, &keys)?
    };
    let heads_h = 26.0;
    let scale_h = 50.0 * K + 40.0;
    let height = header_h + heads_h + body + scale_h + frame::footer_height(WIDTH, &footer);

    let mut svg = Svg::new(WIDTH, height, &title, &subtitle.join(" "))?;
    let y0 = frame::header(&mut svg, WIDTH, &title, &subtitle, &keys)?;
    for (x, text) in [
        (MIN_X, lang.pick("府省庁", "Ministry")),
        (PROJ_X, lang.pick("統合プロジェクト", "Integrated project")),
        (PROG_X, lang.pick("事業", "Program")),
    ] {
        svg.text(
            x,
            y0,
            HEADING,
            "start",
            text,
            &[("font-weight", "bold"), ("fill", INK)],
        )?;
    }
    let top = y0 + heads_h;
    for (nodes, gap) in [
        (&mut min_nodes, 16.0),
        (&mut proj_nodes, 16.0),
        (&mut prog_nodes, 4.0),
    ] {
        let heights: Vec<f64> = nodes.iter().map(|n| n.height).collect();
        for (n, t) in nodes.iter_mut().zip(spread(&heights, body, gap)) {
            n.top = top + t;
        }
    }

    // bands: ministry → project, stacked in project order at the ministry, in ministry order
    // at the project
    let mut out_off: Vec<f64> = min_nodes.iter().map(Node::band_top).collect();
    svg.group(&[("class", "bands")])?;
    for (mi, key) in min_keys.iter().enumerate() {
        for (pi, pn) in proj_keys.iter().enumerate() {
            let Some(s) = l1.get(&(key.clone(), *pn)) else {
                continue;
            };
            let (y_from, y_to) = (
                out_off[mi],
                in_off_at(&min_keys, &l1, &proj_nodes, pi, key, *pn),
            );
            let tip = format!(
                "{} → {}: {}",
                first_line(&min_nodes[mi]),
                first_line(&proj_nodes[pi]),
                sum_text(s, lang)
            );
            band(
                &mut svg,
                MIN_X + MIN_W,
                y_from,
                PROJ_X,
                y_to,
                s,
                min_nodes[mi].color,
                &tip,
            )?;
            out_off[mi] += f(s.amount) * K;
        }
    }
    // project → program, stacked in program order at the project, in project order at the
    // program
    let mut proj_out: Vec<f64> = proj_nodes.iter().map(Node::band_top).collect();
    let mut prog_in: Vec<f64> = prog_nodes.iter().map(Node::band_top).collect();
    for (pi, pn) in proj_keys.iter().enumerate() {
        for (gi, g) in prog_keys.iter().enumerate() {
            let Some(s) = l2.get(&(*pn, *g)) else {
                continue;
            };
            let tip = format!(
                "{} → {}",
                first_line(&proj_nodes[pi]),
                prog_nodes[gi].tooltip
            );
            band(
                &mut svg,
                PROJ_X + PROJ_W,
                proj_out[pi],
                PROG_X,
                prog_in[gi],
                s,
                proj_nodes[pi].color,
                &tip,
            )?;
            proj_out[pi] += f(s.amount) * K;
            prog_in[gi] += f(s.amount) * K;
        }
    }
    svg.end()?;

    // nodes over the bands
    for (nodes, x, w, class) in [
        (&min_nodes, MIN_X, MIN_W, "ministry"),
        (&proj_nodes, PROJ_X, PROJ_W, "project"),
    ] {
        for n in nodes.iter() {
            svg.group(&[("class", class)])?;
            svg.tooltip(&n.tooltip)?;
            svg.rect(
                x,
                n.top,
                w,
                n.height,
                "#ffffff",
                &[("stroke", n.color), ("stroke-width", "2"), ("rx", "3")],
            )?;
            label(&mut svg, x + 6.0, n.top, n.height, &n.lines)?;
            svg.end()?;
        }
    }
    for n in &prog_nodes {
        svg.group(&[("class", "program")])?;
        svg.tooltip(&n.tooltip)?;
        let h = f(n.sum.amount) * K;
        let (fill, extra): (&str, Vec<(&str, &str)>) = if n.sum.certain {
            (n.color, vec![])
        } else {
            (
                Hatch::FILL,
                vec![("stroke", n.color), ("class", "uncertain")],
            )
        };
        svg.rect(PROG_X, n.band_top(), PROG_W, h.max(1.0), fill, &extra)?;
        label(&mut svg, PROG_LABEL_X, n.top, n.height, &n.lines)?;
        svg.end()?;
    }

    // the amount scale
    let sy = top + body + 20.0;
    svg.group(&[("class", "scale")])?;
    svg.rect(MIN_X, sy, 12.0, 50.0 * K, MUTED, &[])?;
    let scale_text = match lang {
        Lang::Ja => "帯の太さ 50億円".to_owned(),
        Lang::En => "band width of 50 × 100 million yen (億円)".to_owned(),
    };
    svg.text(
        MIN_X + 18.0,
        sy + 25.0 * K + 4.0,
        SMALL,
        "start",
        &scale_text,
        &[("fill", MUTED)],
    )?;
    svg.end()?;
    frame::footer(&mut svg, WIDTH, sy + 50.0 * K + 10.0, &footer)?;
    svg.finish()
}

fn first_line(n: &Node) -> &str {
    n.tooltip.lines().next().unwrap_or("")
}

/// Where the band from ministry `key` enters project `pi`: below the bands of the
/// ministries before it.
fn in_off_at(
    min_keys: &[Vec<String>],
    l1: &BTreeMap<(Vec<String>, u32), Sum>,
    proj_nodes: &[Node],
    pi: usize,
    key: &[String],
    pn: u32,
) -> f64 {
    let before: f64 = min_keys
        .iter()
        .take_while(|k| k.as_slice() != key)
        .filter_map(|k| l1.get(&(k.clone(), pn)))
        .map(|s| f(s.amount) * K)
        .sum();
    proj_nodes.get(pi).map_or(0.0, Node::band_top) + before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joint_ministries_keep_the_documents_order() {
        let set: BTreeSet<String> = ["経", "文", "厚"].iter().map(|s| s.to_string()).collect();
        assert_eq!(ministry_key(&set), ["文", "厚", "経"]);
        assert!(ministry_key(&BTreeSet::new()).is_empty());
        let mut keys = [
            vec![],
            vec!["文".to_owned(), "経".to_owned()],
            vec!["厚".to_owned()],
            vec!["内".to_owned()],
        ];
        keys.sort_by_key(|k| ministry_order(k));
        assert_eq!(keys[0], ["内"]);
        assert_eq!(keys[1], ["厚"]);
        assert_eq!(keys[2], ["文", "経"]);
        assert!(keys[3].is_empty(), "not stated comes last");
    }

    #[test]
    fn boxes_are_spread_without_overlap() {
        let tops = spread(&[10.0, 20.0, 30.0], 100.0, 4.0);
        assert_eq!(tops, [0.0, 30.0, 70.0]);
        let tight = spread(&[10.0, 20.0], 10.0, 4.0);
        assert_eq!(tight, [0.0, 14.0]);
        assert_eq!(spread(&[10.0], 100.0, 4.0), [45.0]);
    }

    #[test]
    fn bands_are_closed_curves() {
        let d = band_path(0.0, 0.0, 10.0, 100.0, 50.0, 60.0);
        assert!(d.starts_with("M0,0 C50,0 50,50 100,50 L100,60"));
        assert!(d.ends_with("Z"));
    }
}
