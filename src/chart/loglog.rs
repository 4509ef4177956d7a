//! Log-log line charts of measurements against a size (the scaling chart of
//! `docs/PERFORMANCE.md`: build time and peak memory against the scale of the data), drawn
//! with the same SVG writer as the budget charts. Each panel has its own y quantity; the x
//! axis (the size) is shared. Decades are gridded and labelled; a dashed grey line of slope 1
//! through each panel's first point shows where linear growth would go.
//!
//! ```
//! use medrd_kg::chart::loglog::{chart, Panel, Series};
//! let panel = Panel {
//!     title: "build time".into(),
//!     unit: "s".into(),
//!     series: vec![Series { name: "medrd-kg build".into(), points: vec![(1.0, 0.5), (100.0, 30.0)] }],
//! };
//! let svg = chart("Build against scale", "scale", &[panel], &["2 cores".into()])?;
//! assert!(svg.contains("medrd-kg build"));
//! # Ok::<(), medrd_kg::Error>(())
//! ```

use crate::draw::{num, Svg};
use crate::error::{Error, Result};

/// One measured line: (size, value) points, both positive.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

/// One quantity against the size.
#[derive(Debug, Clone)]
pub struct Panel {
    pub title: String,
    /// The unit of the values (`s`, `MiB`).
    pub unit: String,
    pub series: Vec<Series>,
}

/// Line colours, in series order (colour-blind safe, Okabe–Ito).
const COLOURS: [&str; 6] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00",
];
const DASHES: [&str; 6] = ["", "6 3", "2 2", "8 3 2 3", "4 4", "1 3"];

const PANEL_W: f64 = 360.0;
const PANEL_H: f64 = 260.0;
const LEFT: f64 = 64.0;
const GAP: f64 = 40.0;
const TOP: f64 = 56.0;
const BOTTOM: f64 = 48.0;

/// The decades `10^a ..= 10^b` that hold every value.
fn decades(values: impl Iterator<Item = f64>) -> Option<(i32, i32)> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() || !hi.is_finite() {
        return None;
    }
    let (a, b) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    Some((a, b.max(a + 1)))
}

/// `10^e` as printed on an axis.
fn power(e: i32) -> String {
    match e {
        -3..=5 => num(10f64.powi(e)),
        _ => format!("1e{e}"),
    }
}

/// The SVG of the panels side by side, titled `title`, the x axis named `x_label`, with the
/// `notes` (method, machine) under it. Every value must be positive and finite.
pub fn chart(title: &str, x_label: &str, panels: &[Panel], notes: &[String]) -> Result<String> {
    let all = panels
        .iter()
        .flat_map(|p| &p.series)
        .flat_map(|s| &s.points);
    if let Some(bad) = all
        .clone()
        .find(|(x, y)| !(x.is_finite() && y.is_finite() && *x > 0.0 && *y > 0.0))
    {
        return Err(Error::internal(
            "log-log chart",
            format!("point {bad:?}: a log scale needs positive, finite values"),
        ));
    }
    let (xa, xb) = decades(all.map(|(x, _)| *x)).ok_or_else(|| {
        Error::internal("log-log chart", "nothing to draw: no point in any series")
    })?;
    // the legend: every series name once, in order of first appearance
    let mut names: Vec<&str> = Vec::new();
    for s in panels.iter().flat_map(|p| &p.series) {
        if !names.contains(&s.name.as_str()) {
            names.push(&s.name);
        }
    }
    let legend_h = 18.0 * (names.len() + 1) as f64 + 8.0;
    let width = LEFT + panels.len() as f64 * (PANEL_W + GAP + LEFT) - LEFT;
    let notes_h = 14.0 * notes.len() as f64;
    let height = TOP + PANEL_H + BOTTOM + legend_h + notes_h + 12.0;
    let desc = format!(
        "{} panel(s) on log-log axes: {}",
        panels.len(),
        panels
            .iter()
            .map(|p| p.title.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut svg = Svg::new(width, height, title, &desc)?;
    svg.text(LEFT, 24.0, 16.0, "start", title, &[("font-weight", "bold")])?;
    let x_of = |x: f64, left: f64| left + (x.log10() - xa as f64) / (xb - xa) as f64 * PANEL_W;
    for (i, panel) in panels.iter().enumerate() {
        let left = LEFT + i as f64 * (PANEL_W + GAP + LEFT);
        let values = panel.series.iter().flat_map(|s| &s.points).map(|(_, y)| *y);
        let Some((ya, yb)) = decades(values) else {
            continue;
        };
        let y_of = |y: f64| TOP + PANEL_H - (y.log10() - ya as f64) / (yb - ya) as f64 * PANEL_H;
        svg.text(
            left,
            TOP - 10.0,
            12.0,
            "start",
            &format!("{} ({})", panel.title, panel.unit),
            &[],
        )?;
        svg.group(&[("class", "grid")])?;
        for e in xa..=xb {
            let x = x_of(10f64.powi(e), left);
            svg.line(x, TOP, x, TOP + PANEL_H, "#dddddd", &[])?;
            svg.text(x, TOP + PANEL_H + 16.0, 11.0, "middle", &power(e), &[])?;
        }
        for e in ya..=yb {
            let y = y_of(10f64.powi(e));
            svg.line(left, y, left + PANEL_W, y, "#dddddd", &[])?;
            svg.text(left - 6.0, y + 4.0, 11.0, "end", &power(e), &[])?;
        }
        svg.end()?;
        svg.rect(
            left,
            TOP,
            PANEL_W,
            PANEL_H,
            "none",
            &[("stroke", "#555555")],
        )?;
        svg.text(
            left + PANEL_W / 2.0,
            TOP + PANEL_H + 34.0,
            12.0,
            "middle",
            x_label,
            &[],
        )?;
        // slope 1 through the first series' point of smallest size: linear growth
        let first = panel
            .series
            .first()
            .and_then(|s| s.points.iter().copied().min_by(|a, b| a.0.total_cmp(&b.0)));
        if let Some((x0, y0)) = first {
            let x1 = 10f64.powi(xb);
            let y1 = y0 * x1 / x0;
            let (cx, cy) = clip(x0, y0, x1, y1, 10f64.powi(yb));
            svg.line(
                x_of(x0, left),
                y_of(y0),
                x_of(cx, left),
                y_of(cy),
                "#999999",
                &[("stroke-dasharray", "3 3"), ("class", "linear")],
            )?;
        }
        for s in &panel.series {
            let k = names.iter().position(|n| *n == s.name).unwrap_or(0) % COLOURS.len();
            let mut points = s.points.clone();
            points.sort_by(|a, b| a.0.total_cmp(&b.0));
            let d: Vec<String> = points
                .iter()
                .enumerate()
                .map(|(j, (x, y))| {
                    format!(
                        "{}{},{}",
                        if j == 0 { "M" } else { "L" },
                        num(x_of(*x, left)),
                        num(y_of(*y))
                    )
                })
                .collect();
            svg.group(&[("class", "series")])?;
            svg.tooltip(&s.name)?;
            let mut attrs = vec![
                ("d", d.join(" ")),
                ("fill", "none".into()),
                ("stroke", COLOURS[k].into()),
                ("stroke-width", "2".into()),
            ];
            if !DASHES[k].is_empty() {
                attrs.push(("stroke-dasharray", DASHES[k].into()));
            }
            let attrs: Vec<(&str, &str)> = attrs.iter().map(|(a, v)| (*a, v.as_str())).collect();
            svg.el("path", &attrs)?;
            for (x, y) in &points {
                let (cx, cy) = (num(x_of(*x, left)), num(y_of(*y)));
                svg.el(
                    "circle",
                    &[("cx", &cx), ("cy", &cy), ("r", "3"), ("fill", COLOURS[k])],
                )?;
            }
            svg.end()?;
        }
    }
    let mut y = TOP + PANEL_H + BOTTOM + 8.0;
    for (k, name) in names.iter().enumerate() {
        let k = k % COLOURS.len();
        let mut attrs = vec![("stroke-width", "2")];
        if !DASHES[k].is_empty() {
            attrs.push(("stroke-dasharray", DASHES[k]));
        }
        svg.line(LEFT, y - 4.0, LEFT + 28.0, y - 4.0, COLOURS[k], &attrs)?;
        svg.text(LEFT + 36.0, y, 12.0, "start", name, &[])?;
        y += 18.0;
    }
    svg.line(
        LEFT,
        y - 4.0,
        LEFT + 28.0,
        y - 4.0,
        "#999999",
        &[("stroke-dasharray", "3 3")],
    )?;
    svg.text(
        LEFT + 36.0,
        y,
        12.0,
        "start",
        "linear growth from the first point",
        &[],
    )?;
    y += 18.0;
    for n in notes {
        y += 2.0;
        svg.text(LEFT, y, 11.0, "start", n, &[("fill", "#555555")])?;
        y += 12.0;
    }
    svg.finish()
}

/// The end of the line from (x0, y0) to (x1, y1) (slope 1 on log axes), cut at `y_max`.
fn clip(x0: f64, y0: f64, x1: f64, y1: f64, y_max: f64) -> (f64, f64) {
    if y1 <= y_max {
        (x1, y1)
    } else {
        (x0 * y_max / y0, y_max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panel(points: Vec<(f64, f64)>) -> Panel {
        Panel {
            title: "t".into(),
            unit: "s".into(),
            series: vec![Series {
                name: "a".into(),
                points,
            }],
        }
    }

    #[test]
    fn decades_cover_the_values() {
        assert_eq!(decades([0.47, 6.48].into_iter()), Some((-1, 1)));
        assert_eq!(decades([1.0, 1.0].into_iter()), Some((0, 1)));
        assert_eq!(decades(std::iter::empty()), None);
    }

    #[test]
    fn points_land_on_their_decades() {
        let svg = chart("c", "scale", &[panel(vec![(1.0, 1.0), (100.0, 10.0)])], &[]).unwrap();
        // x: decades 0..2 over 360 px from 64; y: decades 0..1 over 260 px from 56
        assert!(svg.contains("M64,316 L424,56"), "{svg}");
        assert!(svg.contains(">100<"), "{svg}");
    }

    #[test]
    fn non_positive_values_are_refused() {
        assert!(chart("c", "x", &[panel(vec![(0.0, 1.0)])], &[]).is_err());
        assert!(chart("c", "x", &[panel(vec![(1.0, f64::NAN)])], &[]).is_err());
        assert!(chart("c", "x", &[panel(vec![])], &[]).is_err());
    }
}
