//! `change`: the programs with an amount of their own in both fiscal years, as diverging
//! bars of the change from the earlier request to the later one, sorted by the change.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::data::{Labels, ProgramLine, Source, Sum};
use super::frame::{self, f, leading, Key, FONT, GRID, INK, MARGIN, MUTED, SMALL};
use crate::draw::{num, text_width, wrap, Hatch, Lang, Svg};
use crate::error::Result;

/// A program's amounts in the two years and the change.
#[derive(Debug, Clone)]
pub struct Change {
    pub program: String,
    pub name: Labels,
    pub before: Sum,
    pub after: Sum,
    pub change: Decimal,
}

impl Change {
    /// Uncertain if any figure of either sum is.
    pub fn certain(&self) -> bool {
        self.before.certain && self.after.certain
    }
}

/// The programs with lines in both years (`from` > 0), largest increase first; ties by IRI.
pub fn changes(lines: &[ProgramLine], from: u16, to: u16) -> Vec<Change> {
    let mut sums: BTreeMap<&str, (Labels, Sum, Sum)> = BTreeMap::new();
    for l in lines.iter().filter(|l| l.year == from || l.year == to) {
        let e = sums
            .entry(l.program.as_str())
            .or_insert_with(|| (l.name.clone(), Sum::default(), Sum::default()));
        if l.year == from {
            e.1.add(&l.figure);
        } else {
            e.2.add(&l.figure);
        }
    }
    let mut out: Vec<Change> = sums
        .into_iter()
        .filter(|(_, (_, b, a))| b.count > 0 && a.count > 0 && b.amount > Decimal::ZERO)
        .map(|(p, (name, before, after))| Change {
            program: p.to_owned(),
            name,
            change: after.amount - before.amount,
            before,
            after,
        })
        .collect();
    out.sort_by(|a, b| {
        b.change
            .cmp(&a.change)
            .then_with(|| a.program.cmp(&b.program))
    });
    out
}

/// Pixels per unit and the zero's offset from the left of `avail` pixels, so that every
/// bar (a signed value) and its text (beyond the bar's end) fit.
pub fn diverging_scale(rows: &[(f64, f64)], avail: f64) -> (f64, f64) {
    let need = |k: f64| {
        let left = rows
            .iter()
            .filter(|r| r.0 < 0.0)
            .map(|r| -r.0 * k + r.1)
            .fold(0.0, f64::max);
        let right = rows
            .iter()
            .filter(|r| r.0 >= 0.0)
            .map(|r| r.0 * k + r.1)
            .fold(0.0, f64::max);
        (left, right)
    };
    let (mut lo, mut hi) = (0.0, avail.max(1.0));
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        let (l, r) = need(mid);
        if l + r <= avail {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo, need(lo).0)
}

pub const WIDTH: f64 = 1200.0;
const LABEL_W: f64 = 360.0;
const BAR_H: f64 = 14.0;

fn row_height(lines: usize) -> f64 {
    (lines as f64 * leading(FONT) + 6.0).max(BAR_H + 10.0)
}

pub fn draw(
    lines: &[ProgramLine],
    sources: &[Source],
    from: u16,
    to: u16,
    lang: Lang,
) -> Result<String> {
    let rows = changes(lines, from, to);
    let mut page_labels = BTreeSet::new();
    let in_rows: BTreeSet<&str> = rows.iter().map(|r| r.program.as_str()).collect();
    for l in lines
        .iter()
        .filter(|l| in_rows.contains(l.program.as_str()))
    {
        if let Some(p) = &l.figure.page {
            page_labels.insert((l.year, p.clone()));
        }
    }
    let mark = |s: &Sum| frame::marked(s.amount, s.certain, &[], lang);
    let texts: Vec<String> = rows
        .iter()
        .map(|r| {
            let q = if r.certain() { "" } else { "?" };
            match lang {
                Lang::Ja => format!(
                    "{}{q}（{}→{}）",
                    frame::signed(r.change),
                    mark(&r.before),
                    mark(&r.after)
                ),
                Lang::En => format!(
                    "{}{q} ({} → {})",
                    frame::signed(r.change),
                    mark(&r.before),
                    mark(&r.after)
                ),
            }
        })
        .collect();
    let labels: Vec<Vec<String>> = rows
        .iter()
        .map(|r| wrap(&r.name.get(lang, &r.program), LABEL_W, FONT))
        .collect();
    let x_left = MARGIN + LABEL_W + 14.0;
    let avail = WIDTH - MARGIN - x_left - 12.0;
    let dims: Vec<(f64, f64)> = rows
        .iter()
        .zip(&texts)
        .map(|(r, t)| (f(r.change), text_width(t, FONT) + 6.0))
        .collect();
    let (k, zero_off) = diverging_scale(&dims, avail);
    let zero = x_left + 6.0 + zero_off;
    let lo = dims.iter().map(|d| d.0).fold(0.0, f64::min);
    let hi = dims.iter().map(|d| d.0).fold(0.0, f64::max);
    let step = frame::nice_step(hi - lo, 8);
    let ticks: Vec<f64> = frame::ticks(lo, hi, step)
        .into_iter()
        .filter(|t| {
            let x = zero + t * k;
            x >= x_left - 0.5 && x <= WIDTH - MARGIN + 0.5
        })
        .collect();

    let title = match lang {
        Lang::Ja => format!(
            "事業別の概算要求額の増減（{}→{}）",
            frame::year_name(from, lang),
            frame::year_name(to, lang)
        ),
        Lang::En => format!("Change of each program's budget request, FY{from} → FY{to}"),
    };
    let subtitle = vec![match lang {
        Lang::Ja => format!("両年度に単独の予算項目（再掲を除く）がある{}事業、増加の大きい順。単位：億円。括弧内は{from}年度→{to}年度の額（AMED対象経費とインハウスの合計）", rows.len()),
        Lang::En => format!("The {} programs with budget lines of their own in both years (re-listings excluded), largest increase first; unit: 100 million yen (億円); in brackets the FY{from} → FY{to} amounts (AMED-targeted and in-house together)", rows.len()),
    }];
    let keys = vec![
        Key::Swatch(frame::UP, lang.pick("増加", "increase").to_owned()),
        Key::Swatch(frame::DOWN, lang.pick("減少", "decrease").to_owned()),
        Key::Uncertain(lang.pick(
            "斜線・「?」：和のいずれかの額が推定・曖昧（資料の文字化けで対応が確定しない）",
            "hatched, \"?\": a figure in the sum is inferred or ambiguous (the scrambled text leaves its assignment open)",
        ).to_owned()),
    ];
    let mut footer = vec![lang
        .pick(
            "事業の額は各年度の単独事業の予算項目の額の和（複数事業をまとめた項目・再掲は含まない）。",
            "A program's amount is the sum of its single-program budget lines in that year (lines shared by several programs and re-listings are not included).",
        )
        .to_owned()];
    footer.extend(frame::source_lines(
        sources,
        &[from, to],
        &page_labels,
        lang,
    ));

    let header_h = {
        let mut probe = Svg::new(WIDTH, 100.0, "", "")?;
        frame::header(&mut probe, WIDTH, &title, &subtitle, &keys)?
    };
    let body: f64 = labels.iter().map(|l| row_height(l.len())).sum();
    let height = header_h + body + 50.0 + frame::footer_height(WIDTH, &footer);
    let mut svg = Svg::new(WIDTH, height, &title, &subtitle.join(" "))?;
    let mut y = frame::header(&mut svg, WIDTH, &title, &subtitle, &keys)?;
    let top = y;
    for t in &ticks {
        let x = zero + t * k;
        svg.line(x, top, x, top + body, GRID, &[])?;
        svg.text(
            x,
            top + body + 16.0,
            SMALL,
            "middle",
            &num(*t),
            &[("fill", MUTED)],
        )?;
    }
    svg.line(zero, top - 4.0, zero, top + body, INK, &[])?;
    let axis = frame::axis_title("増減", "change", lang);
    svg.text(
        WIDTH - MARGIN,
        top + body + 34.0,
        SMALL,
        "end",
        &axis,
        &[("fill", MUTED)],
    )?;
    for ((r, l), t) in rows.iter().zip(&labels).zip(&texts) {
        let h = row_height(l.len());
        let mid = y + h / 2.0;
        svg.group(&[("class", "bar")])?;
        svg.tooltip(&format!("{}\n{t}", r.name.get(lang, &r.program)))?;
        let first = mid - (l.len() as f64 - 1.0) * leading(FONT) / 2.0 + FONT * 0.35;
        svg.lines(
            x_left - 6.0,
            first,
            FONT,
            leading(FONT),
            "end",
            l,
            &[("fill", INK)],
        )?;
        let v = f(r.change);
        let (x, w) = if v >= 0.0 {
            (zero, v * k)
        } else {
            (zero + v * k, -v * k)
        };
        let color = if v >= 0.0 { frame::UP } else { frame::DOWN };
        if r.certain() {
            svg.rect(x, mid - BAR_H / 2.0, w, BAR_H, color, &[])?;
        } else {
            svg.rect(
                x,
                mid - BAR_H / 2.0,
                w,
                BAR_H,
                Hatch::FILL,
                &[
                    ("stroke", color),
                    ("stroke-width", "2"),
                    ("class", "uncertain"),
                ],
            )?;
        }
        if v >= 0.0 {
            svg.text(
                zero + w + 6.0,
                mid + FONT * 0.35,
                FONT,
                "start",
                t,
                &[("fill", INK)],
            )?;
        } else {
            svg.text(
                zero - w - 6.0,
                mid + FONT * 0.35,
                FONT,
                "end",
                t,
                &[("fill", INK)],
            )?;
        }
        svg.end()?;
        y += h;
    }
    frame::footer(&mut svg, WIDTH, y + 44.0, &footer)?;
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::data::Figure;

    fn line(year: u16, program: &str, amount: i64, certain: bool) -> ProgramLine {
        ProgramLine {
            year,
            program: program.into(),
            name: Labels::new(program, program),
            project: 1,
            line: format!("{program}/{year}"),
            figure: Figure {
                amount: Decimal::from(amount),
                certain,
                alternatives: vec![],
                page: None,
            },
        }
    }

    #[test]
    fn changes_are_sorted_and_need_both_years() {
        let lines = vec![
            line(2024, "a", 10, true),
            line(2026, "a", 15, true),
            line(2024, "b", 20, true),
            line(2026, "b", 5, false),
            line(2026, "b", 3, true),
            line(2026, "c", 7, true),
            line(2024, "d", 4, true),
            line(2026, "d", 14, true),
        ];
        let c = changes(&lines, 2024, 2026);
        let names: Vec<&str> = c.iter().map(|c| c.program.as_str()).collect();
        assert_eq!(names, ["d", "a", "b"]);
        assert_eq!(c[2].change, Decimal::from(-12));
        assert!(
            !c[2].certain(),
            "a sum with an uncertain figure is uncertain"
        );
        assert!(c[0].certain());
    }

    #[test]
    fn the_diverging_scale_fits_bars_and_texts() {
        let rows = [(30.0, 100.0), (-12.0, 80.0), (5.0, 60.0)];
        let (k, zero) = diverging_scale(&rows, 700.0);
        assert!(k > 0.0);
        for (v, t) in rows {
            if v < 0.0 {
                assert!(zero + v * k - t >= -1e-6);
            } else {
                assert!(zero + v * k + t <= 700.0 + 1e-6);
            }
        }
    }
}
