//! Horizontal stacked bars in panels that share one amount scale (the `projects` and
//! `ministries` charts): a wrapped label left, the bar's segments, the printed figures right.

use rust_decimal::Decimal;

use super::frame::{self, f, leading, Key, FONT, HEADING, INK, MARGIN, MUTED, SMALL};
use crate::draw::{text_width, wrap, Hatch, Lang, Svg};
use crate::error::Result;

/// One part of a bar.
pub struct Segment {
    pub value: Decimal,
    pub certain: bool,
    pub color: &'static str,
    /// What the segment is, for its tooltip (`AMED 349億円`).
    pub tooltip: String,
}

/// One bar.
pub struct Bar {
    pub label: String,
    pub segments: Vec<Segment>,
    /// The figures printed at the bar's end.
    pub value_text: String,
}

/// A panel: a heading and its bars.
pub struct Panel {
    pub heading: String,
    pub bars: Vec<Bar>,
}

/// The whole chart.
pub struct Chart {
    pub title: String,
    pub desc: String,
    pub subtitle: Vec<String>,
    pub keys: Vec<Key>,
    pub panels: Vec<Panel>,
    pub axis_title: String,
    pub footer: Vec<String>,
}

/// A chart of stacked AMED / in-house request bars, one panel per fiscal year: what the
/// projects and ministries charts share. `title` is (ja, en); `note` follows the years in the
/// subtitle (in Japanese after the unit, in English the whole rest).
pub fn request_chart(
    title: (&str, &str),
    note: (&str, &str),
    years: &[u16],
    panels: Vec<Panel>,
    sources: &[super::data::Source],
    page_labels: &std::collections::BTreeSet<(u16, String)>,
    lang: Lang,
) -> Result<String> {
    let year_list: Vec<String> = years.iter().map(|y| frame::year_name(*y, lang)).collect();
    let title = lang.pick(title.0, title.1).to_owned();
    let subtitle = vec![match lang {
        Lang::Ja => format!(
            "{}　単位：億円（四捨五入のため内訳の和は合計と一致しないことがある）。{}",
            year_list.join("・"),
            note.0
        ),
        Lang::En => format!("{}; {}", year_list.join(", "), note.1),
    }];
    let chart = Chart {
        desc: format!("{title}: {}", year_list.join(", ")),
        title,
        subtitle,
        keys: category_keys(lang),
        panels,
        axis_title: frame::axis_title("概算要求・要望額", "request total", lang),
        footer: frame::source_lines(sources, years, page_labels, lang),
    };
    draw(&chart)
}

/// A bar segment of `fig`, its tooltip naming `what` and the amount as printed.
pub fn segment(fig: &super::data::Figure, color: &'static str, what: &str, lang: Lang) -> Segment {
    Segment {
        value: fig.amount,
        certain: fig.certain,
        color,
        tooltip: format!(
            "{what} {}{}",
            frame::marked(fig.amount, fig.certain, &fig.alternatives, lang),
            frame::suffix(lang)
        ),
    }
}

/// The AMED-targeted and in-house segments of a bar, and their printed parts
/// (`AMED 349`, `インハウス 53`).
pub fn split(
    amed: Option<&super::data::Figure>,
    inhouse: Option<&super::data::Figure>,
    lang: Lang,
) -> (Vec<Segment>, Vec<String>) {
    let mut segments = Vec::new();
    let mut parts = Vec::new();
    for (fig, color, name) in [
        (amed, frame::AMED, "AMED"),
        (inhouse, frame::INHOUSE, lang.pick("インハウス", "in-house")),
    ] {
        if let Some(f) = fig {
            segments.push(segment(f, color, name, lang));
            parts.push(format!(
                "{name} {}",
                frame::marked(f.amount, f.certain, &f.alternatives, lang)
            ));
        }
    }
    (segments, parts)
}

pub const WIDTH: f64 = 1100.0;
const LABEL_W: f64 = 330.0;
const BAR_H: f64 = 16.0;

/// The height of a bar's row for its wrapped label.
fn row_height(lines: usize) -> f64 {
    (lines as f64 * leading(FONT) + 8.0).max(BAR_H + 10.0)
}

/// Pixels per unit so that every bar and its text fit into `avail` pixels, and the axis
/// maximum (a tick) that the scale reaches within them.
pub fn scale(rows: &[(f64, f64)], avail: f64, target_ticks: usize) -> (f64, f64, f64) {
    let max = rows.iter().map(|r| r.0).fold(0.0, f64::max);
    let step = frame::nice_step(max, target_ticks);
    let axis_max = (max / step).ceil().max(1.0) * step;
    // each bar: value × k + text ≤ avail; the axis: axis_max × k ≤ avail
    let mut k = avail / axis_max;
    for (v, t) in rows {
        if *v > 0.0 {
            k = k.min((avail - t) / v);
        }
    }
    (k.max(0.0), axis_max, step)
}

pub fn draw(c: &Chart) -> Result<String> {
    let x0 = MARGIN + LABEL_W + 12.0;
    let text_gap = 6.0;
    let avail = WIDTH - MARGIN - x0 - text_gap;
    let rows: Vec<(f64, f64)> = c
        .panels
        .iter()
        .flat_map(|p| &p.bars)
        .map(|b| {
            let v: Decimal = b.segments.iter().map(|s| s.value).sum();
            (f(v), text_width(&b.value_text, FONT))
        })
        .collect();
    let (k, axis_max, step) = scale(&rows, avail, 8);
    let ticks = frame::ticks(0.0, axis_max, step);

    // heights first: the document's size is set when it is opened
    let wrapped: Vec<Vec<Vec<String>>> = c
        .panels
        .iter()
        .map(|p| {
            p.bars
                .iter()
                .map(|b| wrap(&b.label, LABEL_W, FONT))
                .collect()
        })
        .collect();
    let header_probe = {
        let mut probe = Svg::new(WIDTH, 100.0, "", "")?;
        frame::header(&mut probe, WIDTH, &c.title, &c.subtitle, &c.keys)?
    };
    let panel_heights: Vec<f64> = wrapped
        .iter()
        .map(|rows| HEADING + 14.0 + rows.iter().map(|l| row_height(l.len())).sum::<f64>() + 46.0)
        .collect();
    let height = header_probe
        + panel_heights.iter().sum::<f64>()
        + 24.0
        + frame::footer_height(WIDTH, &c.footer);

    let mut svg = Svg::new(WIDTH, height, &c.title, &c.desc)?;
    let mut y = frame::header(&mut svg, WIDTH, &c.title, &c.subtitle, &c.keys)?;
    for (p, lines) in c.panels.iter().zip(&wrapped) {
        svg.group(&[("class", "panel")])?;
        svg.text(
            MARGIN,
            y,
            HEADING,
            "start",
            &p.heading,
            &[("font-weight", "bold"), ("fill", INK)],
        )?;
        y += 14.0;
        let top = y;
        let body: f64 = lines.iter().map(|l| row_height(l.len())).sum();
        // grid and axis
        frame::grid(&mut svg, &ticks, |t| x0 + t * k, top, body)?;
        svg.line(x0, top + body, x0 + axis_max * k, top + body, MUTED, &[])?;
        svg.line(x0, top, x0, top + body, MUTED, &[])?;
        svg.text(
            x0 + axis_max * k,
            top + body + 32.0,
            SMALL,
            "end",
            &c.axis_title,
            &[("fill", MUTED)],
        )?;
        for (b, l) in p.bars.iter().zip(lines) {
            let h = row_height(l.len());
            let mid = y + h / 2.0;
            svg.group(&[("class", "bar")])?;
            let tip: Vec<&str> = std::iter::once(b.label.as_str())
                .chain(b.segments.iter().map(|s| s.tooltip.as_str()))
                .collect();
            svg.tooltip(&tip.join("\n"))?;
            let first = mid - (l.len() as f64 - 1.0) * leading(FONT) / 2.0 + FONT * 0.35;
            svg.lines(
                x0 - 10.0,
                first,
                FONT,
                leading(FONT),
                "end",
                l,
                &[("fill", INK)],
            )?;
            let mut x = x0;
            for s in &b.segments {
                let w = f(s.value) * k;
                if s.certain {
                    svg.rect(x, mid - BAR_H / 2.0, w, BAR_H, s.color, &[])?;
                } else {
                    svg.rect(
                        x,
                        mid - BAR_H / 2.0,
                        w,
                        BAR_H,
                        Hatch::FILL,
                        &[
                            ("stroke", s.color),
                            ("stroke-width", "2"),
                            ("class", "uncertain"),
                        ],
                    )?;
                }
                x += w;
            }
            svg.text(
                x + 6.0,
                mid + FONT * 0.35,
                FONT,
                "start",
                &b.value_text,
                &[("fill", INK)],
            )?;
            svg.end()?;
            y += h;
        }
        y += 46.0;
        svg.end()?;
    }
    frame::footer(&mut svg, WIDTH, y, &c.footer)?;
    svg.finish()
}

/// The AMED / in-house legend of both bar charts.
pub fn category_keys(lang: Lang) -> Vec<Key> {
    vec![
        Key::Swatch(
            frame::AMED,
            lang.pick(
                "日本医療研究開発機構（AMED）対象経費",
                "AMED-targeted expenses",
            )
            .to_owned(),
        ),
        Key::Swatch(
            frame::INHOUSE,
            lang.pick(
                "インハウス研究機関経費",
                "in-house research institute expenses",
            )
            .to_owned(),
        ),
        frame::uncertain_key(lang),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_leaves_room_for_every_bars_text() {
        let rows = [(431.0, 200.0), (5.0, 50.0)];
        let (k, axis_max, step) = scale(&rows, 600.0, 8);
        assert_eq!((axis_max, step), (500.0, 100.0));
        for (v, t) in rows {
            assert!(v * k + t <= 600.0 + 1e-9);
        }
        assert!(axis_max * k <= 600.0 + 1e-9);
        // a long text shrinks the scale
        let (k2, _, _) = scale(&[(431.0, 400.0)], 600.0, 8);
        assert!(k2 < k);
    }

    #[test]
    fn rows_grow_with_their_labels() {
        assert_eq!(row_height(1), 26.0);
        assert!(row_height(3) > row_height(2));
    }
}
