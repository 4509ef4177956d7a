//! The SVG picture of a laid-out graph: edges under nodes, each node a box in its kind's
//! colours with its wrapped label and amounts (uncertain ones hatched at the box's edge and
//! marked `?`), a title, and a legend of the kinds shown. Every node and edge carries its IRI
//! as a tooltip, so that the picture can be read on its own.

use std::collections::BTreeSet;

use super::layout::{layout, Curve, EDGE_FONT, FONT, LEADING};
use super::model::Graph;
use super::style::{edge_colour, NodeKind};
use crate::draw::{num, text_width, Hatch, Lang, Svg};
use crate::error::Result;

const TITLE_H: f64 = 44.0;
/// Edge labels are drawn up to this many edges.
const MAX_LABELLED_EDGES: usize = 80;

/// The graph as an SVG document.
pub fn write_svg(graph: &Graph, lang: Lang) -> Result<String> {
    let lay = layout(graph, lang)?;
    let kinds: BTreeSet<NodeKind> = graph.nodes.iter().map(|n| n.kind).collect();
    let any_uncertain = graph.nodes.iter().any(|n| n.open_amount());
    // the legend: one row per kind shown, and the marks of open amounts when there are some
    let mut entries: Vec<(&str, &str, &str)> = kinds
        .iter()
        .map(|k| (k.fill(), k.stroke(), k.label(lang)))
        .collect();
    if any_uncertain {
        entries.push((
            Hatch::FILL,
            "#777",
            lang.pick("? 推定・不確定の金額", "? inferred or ambiguous amount"),
        ));
        entries.push((
            Hatch::FILL,
            "#777",
            lang.pick(
                "≥ 一部のみ（複数事業をまとめた額の分は含まない）",
                "≥ a part only (shares of amounts for several programs not included)",
            ),
        ));
    }
    let legend_h = 26.0 + 20.0 * entries.len() as f64;
    let legend_w = entries
        .iter()
        .map(|e| text_width(e.2, 12.0))
        .fold(text_width(lang.pick("凡例", "Legend"), 13.0), f64::max)
        + 60.0;
    let width = (lay.width + legend_w).max(text_width(&graph.title, 18.0) + 40.0);
    let height = TITLE_H + lay.height.max(legend_h + 20.0);
    let desc = format!(
        "{} nodes, {} edges. {}",
        graph.nodes.len(),
        graph.edges.len(),
        lang.pick(
            "medrd-kg が知識グラフから描画",
            "Drawn by medrd-kg from the knowledge graph"
        )
    );
    let mut svg = Svg::new(width, height, &graph.title, &desc)?;
    svg.text(
        20.0,
        28.0,
        18.0,
        "start",
        &graph.title,
        &[("font-weight", "bold")],
    )?;
    let shift = format!("translate(0,{})", num(TITLE_H));
    svg.group(&[("transform", &shift)])?;
    svg.group(&[("class", "edges"), ("fill", "none")])?;
    for (j, e) in graph.edges.iter().enumerate() {
        let Some(Some(curve)) = lay.curves.get(j) else {
            continue;
        };
        let w = e.thickness();
        let w = num(w);
        svg.group(&[("class", "edge"), ("data-kind", &e.kind)])?;
        let tip = format!("{} → {}: {}", e.source, e.target, e.label);
        svg.tooltip(&tip)?;
        svg.el(
            "path",
            &[
                ("d", &curve.d),
                ("stroke", edge_colour(&e.kind)),
                ("stroke-width", &w),
                ("marker-end", "url(#arrow)"),
                ("opacity", "0.8"),
            ],
        )?;
        svg.end()?;
    }
    svg.end()?;
    // edge labels, where the layout found room, over a white halo
    svg.group(&[
        ("class", "edge-labels"),
        ("fill", "#333"),
        ("stroke", "#fff"),
        ("stroke-width", "3"),
        ("paint-order", "stroke"),
    ])?;
    // only where they can be told apart: a few dozen edges, not hundreds of the same label
    let labelled = if graph.edges.len() <= MAX_LABELLED_EDGES {
        graph.edges.len()
    } else {
        0
    };
    for (j, e) in graph.edges.iter().enumerate().take(labelled) {
        let Some(Some(Curve {
            label_at: Some((x, y, end)),
            ..
        })) = lay.curves.get(j)
        else {
            continue;
        };
        let text = fit(&e.label, 200.0, EDGE_FONT);
        svg.text(
            *x,
            *y,
            EDGE_FONT,
            if *end { "end" } else { "start" },
            &text,
            &[],
        )?;
    }
    svg.end()?;
    svg.group(&[("class", "nodes")])?;
    for (n, b) in graph.nodes.iter().zip(&lay.boxes) {
        svg.group(&[
            ("class", "node"),
            ("data-id", &n.id),
            ("data-kind", n.kind.name()),
        ])?;
        svg.tooltip(&format!("{}\n{}", n.label, n.id))?;
        svg.rect(
            b.x,
            b.y,
            b.w,
            b.h,
            n.kind.fill(),
            &[
                ("stroke", n.kind.stroke()),
                ("stroke-width", "1.5"),
                ("rx", "4"),
            ],
        )?;
        if n.open_amount() {
            // an uncertain or partial amount: a hatched strip along the box's right edge
            svg.rect(
                b.x + b.w - 8.0,
                b.y + 1.0,
                7.0,
                b.h - 2.0,
                Hatch::FILL,
                &[("class", "uncertain")],
            )?;
        }
        let first = b.y + 7.0 + FONT;
        svg.lines(
            b.x + 10.0,
            first,
            FONT,
            LEADING,
            "start",
            &b.lines,
            &[("fill", "#111")],
        )?;
        svg.end()?;
    }
    svg.end()?;
    // legend, right of the drawing
    let lx = lay.width + 10.0;
    svg.group(&[("class", "legend")])?;
    svg.rect(
        lx,
        10.0,
        legend_w - 20.0,
        legend_h,
        "#fafafa",
        &[("stroke", "#ccc")],
    )?;
    svg.text(
        lx + 10.0,
        30.0,
        13.0,
        "start",
        lang.pick("凡例", "Legend"),
        &[("font-weight", "bold")],
    )?;
    let mut y = 42.0;
    for (fill, stroke, label) in &entries {
        svg.rect(lx + 10.0, y, 16.0, 12.0, fill, &[("stroke", stroke)])?;
        svg.text(lx + 32.0, y + 11.0, 12.0, "start", label, &[])?;
        y += 20.0;
    }
    svg.end()?;
    svg.end()?;
    svg.finish()
}

/// `s` cut to `max` pixels with an ellipsis.
fn fit(s: &str, max: f64, size: f64) -> String {
    let s = s.replace('\n', " ");
    if text_width(&s, size) <= max {
        return s;
    }
    let mut out = String::new();
    for c in s.chars() {
        if text_width(&out, size) + text_width(&format!("{c}…"), size) > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
