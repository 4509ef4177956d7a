//! What every chart has: the title block, the legend, the source line, number formats,
//! axis ticks and the colours.

use std::collections::BTreeSet;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::data::Source;
use crate::draw::{text_width, wrap, Hatch, Lang, Svg};
use crate::error::Result;

pub const TITLE: f64 = 19.0;
pub const HEADING: f64 = 14.0;
pub const FONT: f64 = 12.0;
pub const SMALL: f64 = 11.0;
/// The distance of two baselines of wrapped text at `size`.
pub fn leading(size: f64) -> f64 {
    (size * 1.3).round()
}

pub const MARGIN: f64 = 24.0;
pub const AMED: &str = "#3b6fb6";
pub const INHOUSE: &str = "#e08a2c";
pub const UP: &str = "#2f8f5b";
pub const DOWN: &str = "#c2473a";
pub const INK: &str = "#222222";
pub const MUTED: &str = "#555555";
pub const GRID: &str = "#dddddd";

/// Colours for the nodes and bands of the flow (by ministry, by project).
pub const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];

/// A float for layout arithmetic (amounts are small: the conversion cannot fail in practice;
/// 0 if it ever did).
pub fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// An amount as printed: thousands separated, no trailing zeros (`1,473`, `884.4`, `-12`).
pub fn amount(d: Decimal) -> String {
    let d = d.normalize();
    let s = d.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (s, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(fr) => format!("{sign}{grouped}.{fr}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A change with its sign (`+12`, `-3`, `±0`).
pub fn signed(d: Decimal) -> String {
    if d.is_zero() {
        "±0".into()
    } else if d.is_sign_positive() {
        format!("+{}", amount(d))
    } else {
        amount(d)
    }
}

/// An amount with the marks of uncertainty: `39?` and the alternatives the text allows,
/// `39? (42)`.
pub fn marked(d: Decimal, certain: bool, alternatives: &[Decimal], lang: Lang) -> String {
    let mut s = amount(d);
    if !certain {
        s.push('?');
    }
    if !alternatives.is_empty() {
        let alts: Vec<String> = alternatives.iter().map(|a| amount(*a)).collect();
        s.push_str(&match lang {
            Lang::Ja => format!("（別解 {}）", alts.join("・")),
            Lang::En => format!(" (or {})", alts.join(", ")),
        });
    }
    s
}

/// The step of round axis ticks (1, 2 or 5 × 10ⁿ) giving at most about `target` intervals
/// over `range`.
pub fn nice_step(range: f64, target: usize) -> f64 {
    if !(range.is_finite() && range > 0.0) {
        return 1.0;
    }
    let raw = range / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

/// Tick values from `lo` to `hi` (both rounded outwards to the step), `step` apart.
pub fn ticks(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// What follows an amount in labels: `億円` in Japanese; nothing in English, where the unit
/// (100 million yen) is named once in the subtitle and on the axis.
pub fn suffix(lang: Lang) -> &'static str {
    lang.pick("億円", "")
}

/// An axis title with the unit: `増減（億円）`, `change (100 million yen, 億円)`.
pub fn axis_title(ja: &str, en: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{ja}（億円）"),
        Lang::En => format!("{en} (100 million yen, 億円)"),
    }
}

/// `令和8年度（FY2026）` or `FY2026`.
pub fn year_name(year: u16, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("令和{}年度（FY{year}）", year.saturating_sub(2018)),
        Lang::En => format!("FY{year}"),
    }
}

/// Page labels as a short list: the summary page by name, numbered pages as ranges
/// (`pp. 1–3, 5`).
pub fn pages(labels: &BTreeSet<String>, lang: Lang) -> String {
    let mut numbers: Vec<u32> = labels.iter().filter_map(|l| l.parse().ok()).collect();
    numbers.sort_unstable();
    let mut parts: Vec<String> = Vec::new();
    if labels.contains("summary") {
        parts.push(lang.pick("総括ページ", "summary page").to_owned());
    }
    let mut ranges: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let start = numbers[i];
        let mut end = start;
        while i + 1 < numbers.len() && numbers[i + 1] == end + 1 {
            i += 1;
            end = numbers[i];
        }
        ranges.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        i += 1;
    }
    if !ranges.is_empty() {
        parts.push(match lang {
            Lang::Ja => format!("{}ページ", ranges.join("、")),
            Lang::En => format!("pp. {}", ranges.join(", ")),
        });
    }
    for l in labels {
        if l != "summary" && l.parse::<u32>().is_err() {
            parts.push(l.clone());
        }
    }
    parts.join(lang.pick("、", "; "))
}

/// The source lines: publisher, title and pages of each year's document.
pub fn source_lines(
    sources: &[Source],
    years: &[u16],
    page_labels: &BTreeSet<(u16, String)>,
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    for s in sources.iter().filter(|s| years.contains(&s.year)) {
        let ps: BTreeSet<String> = page_labels
            .iter()
            .filter(|(y, _)| *y == s.year)
            .map(|(_, p)| p.clone())
            .collect();
        let publisher = s.publisher.get(lang, "");
        let pages = pages(&ps, lang);
        out.push(match lang {
            Lang::Ja => {
                let title = s.title.get(Lang::Ja, "");
                let pages = if pages.is_empty() {
                    String::new()
                } else {
                    format!(" {pages}")
                };
                format!("出典：{publisher}「{title}」{pages}")
            }
            Lang::En => {
                let title = s.title.get(Lang::En, "");
                let original = s.title.ja.as_deref().unwrap_or("");
                let pages = if pages.is_empty() {
                    String::new()
                } else {
                    format!(", {pages}")
                };
                format!("Source: {publisher}, \"{title}\" ({original}){pages}")
            }
        });
    }
    out
}

/// One entry of a legend.
pub enum Key {
    /// A filled square.
    Swatch(&'static str, String),
    /// The hatching of uncertain figures with its explanation.
    Uncertain(String),
    /// A sign printed in the chart (such as `≥`), in an outlined box, with its explanation.
    Mark(&'static str, String),
}

/// The sign of a lower bound: the amount of a program that is also named in a budget line
/// shared with other programs, whose share of it the document does not print.
pub const AT_LEAST: &str = "≥";

/// `≥97?` if `partial`, else the amount as [`marked`] prints it.
pub fn bounded(
    d: Decimal,
    certain: bool,
    alternatives: &[Decimal],
    partial: bool,
    lang: Lang,
) -> String {
    let s = marked(d, certain, alternatives, lang);
    if partial {
        format!("{AT_LEAST}{s}")
    } else {
        s
    }
}

/// The legend entry of [`AT_LEAST`].
pub fn at_least_key(lang: Lang) -> Key {
    Key::Mark(
        AT_LEAST,
        lang.pick(
            "「≥」：下限。その年度、事業は他の事業とまとめて一つの額を示す予算項目（複数事業・領域・ブロック）にも含まれ、その中の取り分は資料に記載がない（推測しない）ため、額は単独事業の予算項目の和にすぎない",
            "\"≥\": a lower bound. That year the program is also named in a budget line with one amount for several programs, an area or a block, whose share for it the document does not print (and the chart does not guess): the amount is only the sum of its single-program lines",
        )
        .to_owned(),
    )
}

/// The explanation of the hatching and the `?`.
pub fn uncertain_key(lang: Lang) -> Key {
    Key::Uncertain(
        lang.pick(
            "斜線・「?」：資料の文字化けで対応が確定しない額（推定・曖昧）。括弧内は別解",
            "hatched, \"?\": amount whose assignment the scrambled text leaves open (inferred or ambiguous); alternatives in brackets",
        )
        .to_owned(),
    )
}

/// The title block: title, subtitle lines, then the legend; returns the y below it.
pub fn header(
    svg: &mut Svg,
    width: f64,
    title: &str,
    subtitle: &[String],
    keys: &[Key],
) -> Result<f64> {
    let max = width - 2.0 * MARGIN;
    let mut y = MARGIN + TITLE;
    let title_lines = wrap(title, max, TITLE);
    svg.lines(
        MARGIN,
        y,
        TITLE,
        leading(TITLE),
        "start",
        &title_lines,
        &[("font-weight", "bold"), ("fill", INK)],
    )?;
    y += leading(TITLE) * (title_lines.len() as f64 - 1.0) + 8.0;
    for s in subtitle {
        let lines = wrap(s, max, FONT);
        y += leading(FONT);
        svg.lines(
            MARGIN,
            y,
            FONT,
            leading(FONT),
            "start",
            &lines,
            &[("fill", MUTED)],
        )?;
        y += leading(FONT) * (lines.len() as f64 - 1.0);
    }
    y += 10.0;
    svg.group(&[("class", "legend")])?;
    let (mut x, mut row_y) = (MARGIN, y);
    for k in keys {
        let (label, fill, stroke, sign) = match k {
            Key::Swatch(c, l) => (l.as_str(), *c, *c, None),
            Key::Uncertain(l) => (l.as_str(), Hatch::FILL, "#777777", None),
            Key::Mark(m, l) => (l.as_str(), "#ffffff", "#777777", Some(*m)),
        };
        let w = 14.0 + 6.0 + text_width(label, FONT).min(max - 20.0);
        if x > MARGIN && x + w > MARGIN + max {
            x = MARGIN;
            row_y += 22.0;
        }
        let lines = wrap(label, max - 20.0, FONT);
        svg.rect(x, row_y, 14.0, 14.0, fill, &[("stroke", stroke)])?;
        if let Some(m) = sign {
            svg.text(x + 7.0, row_y + 11.5, FONT, "middle", m, &[("fill", INK)])?;
        }
        svg.lines(
            x + 20.0,
            row_y + 11.5,
            FONT,
            leading(FONT),
            "start",
            &lines,
            &[("fill", INK)],
        )?;
        row_y += leading(FONT) * (lines.len() as f64 - 1.0);
        x += w + 22.0;
    }
    svg.end()?;
    Ok(row_y + 42.0)
}

/// Notes and source lines at `y`, wrapped; returns the y below them.
/// Vertical grid lines at `ticks` (`x_of` places a value), from `top` down `body`, each
/// labelled with its value under the plot.
pub fn grid(
    svg: &mut Svg,
    ticks: &[f64],
    x_of: impl Fn(f64) -> f64,
    top: f64,
    body: f64,
) -> Result<()> {
    for t in ticks {
        let x = x_of(*t);
        svg.line(x, top, x, top + body, GRID, &[])?;
        svg.text(
            x,
            top + body + 16.0,
            SMALL,
            "middle",
            &crate::draw::num(*t),
            &[("fill", MUTED)],
        )?;
    }
    Ok(())
}

pub fn footer(svg: &mut Svg, width: f64, y: f64, lines: &[String]) -> Result<f64> {
    let max = width - 2.0 * MARGIN;
    let mut y = y;
    svg.group(&[("class", "source")])?;
    for l in lines {
        let w = wrap(l, max, SMALL);
        y += leading(SMALL);
        svg.lines(
            MARGIN,
            y,
            SMALL,
            leading(SMALL),
            "start",
            &w,
            &[("fill", MUTED)],
        )?;
        y += leading(SMALL) * (w.len() as f64 - 1.0);
    }
    svg.end()?;
    Ok(y + MARGIN)
}

/// The height the footer will take.
pub fn footer_height(width: f64, lines: &[String]) -> f64 {
    let max = width - 2.0 * MARGIN;
    lines
        .iter()
        .map(|l| wrap(l, max, SMALL).len() as f64 * leading(SMALL))
        .sum::<f64>()
        + MARGIN
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn amounts_are_grouped_and_signed() {
        assert_eq!(amount(d("1473")), "1,473");
        assert_eq!(amount(d("884.40")), "884.4");
        assert_eq!(amount(d("5")), "5");
        assert_eq!(amount(d("-1234567")), "-1,234,567");
        assert_eq!(signed(d("12")), "+12");
        assert_eq!(signed(d("-3")), "-3");
        assert_eq!(signed(d("0")), "±0");
        assert_eq!(
            marked(d("39"), false, &[d("42")], Lang::Ja),
            "39?（別解 42）"
        );
        assert_eq!(marked(d("39"), false, &[d("42")], Lang::En), "39? (or 42)");
        assert_eq!(marked(d("402"), true, &[], Lang::En), "402");
        assert_eq!(bounded(d("97"), false, &[], true, Lang::Ja), "≥97?");
        assert_eq!(bounded(d("29"), true, &[], false, Lang::En), "29");
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(nice_step(431.0, 8), 100.0);
        assert_eq!(nice_step(40.0, 8), 5.0);
        assert_eq!(nice_step(0.0, 8), 1.0);
        assert_eq!(
            ticks(0.0, 431.0, 100.0),
            [0.0, 100.0, 200.0, 300.0, 400.0, 500.0]
        );
        assert_eq!(
            ticks(-12.0, 30.0, 10.0),
            [-20.0, -10.0, 0.0, 10.0, 20.0, 30.0]
        );
    }

    #[test]
    fn pages_are_ranges() {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(
            pages(&set(&["1", "2", "3", "5", "summary"]), Lang::En),
            "summary page; pp. 1–3, 5"
        );
        assert_eq!(pages(&set(&["10", "9"]), Lang::Ja), "9–10ページ");
        assert_eq!(pages(&set(&[]), Lang::Ja), "");
    }

    #[test]
    fn years_are_named_in_both_calendars() {
        assert_eq!(year_name(2026, Lang::Ja), "令和8年度（FY2026）");
        assert_eq!(year_name(2024, Lang::En), "FY2024");
    }
}
