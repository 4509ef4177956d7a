//! `change`: the programs with an amount of their own in both fiscal years, as diverging
//! bars of the change from the earlier request to the later one, sorted by the change.
//!
//! A program also named in a budget line shared with other programs (a group, area or block
//! line with one amount) gets an unknown share of it: its own lines that year are only a
//! lower bound (`≥`), so its change is not known. Such programs are listed apart, below the
//! bars, with their amounts and no bar. A program printed under another name in the other
//! year is labelled `old → new`.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::data::{shared_of, Labels, ProgramLine, SharedLine, Source, Sum};
use super::frame::{self, f, leading, Key, FONT, GRID, INK, MARGIN, MUTED, SMALL};
use crate::draw::{text_width, wrap, Hatch, Lang, Svg};
use crate::error::Result;

/// A program's amounts in the two years and the change of its own lines.
#[derive(Debug, Clone)]
pub struct Change {
    pub program: String,
    /// The name each year's document prints.
    pub before_name: Labels,
    pub after_name: Labels,
    pub before: Sum,
    pub after: Sum,
    /// The shared lines that also name the program, each year (empty: its own lines are
    /// all it gets).
    pub before_shared: Vec<SharedLine>,
    pub after_shared: Vec<SharedLine>,
    /// `after − before` of the own lines: the change only if neither year is partial.
    pub change: Decimal,
}

impl Change {
    /// Uncertain if any figure of either sum is.
    pub fn certain(&self) -> bool {
        self.before.certain && self.after.certain
    }

    /// Whether a year's amount is only a lower bound, so the change is not known.
    pub fn partial(&self) -> bool {
        !self.before_shared.is_empty() || !self.after_shared.is_empty()
    }

    /// Whether the documents print the program under different names.
    pub fn renamed(&self) -> bool {
        self.before_name.ja != self.after_name.ja || self.before_name.en != self.after_name.en
    }

    /// The name, `old → new` if the documents print different names.
    pub fn name(&self, lang: Lang) -> String {
        let (b, a) = (
            self.before_name.get(lang, &self.program),
            self.after_name.get(lang, &self.program),
        );
        if b != a {
            format!("{b} → {a}")
        } else if self.renamed() {
            // the same in this language, printed differently in the other
            let other = lang.other();
            let (ob, oa) = (
                self.before_name.get(other, &self.program),
                self.after_name.get(other, &self.program),
            );
            match lang {
                Lang::Ja => format!("{a}（{ob} → {oa}）"),
                Lang::En => format!("{a} ({ob} → {oa})"),
            }
        } else {
            a
        }
    }
}

/// The programs with lines in both years (`from` > 0): those whose amounts are complete in
/// both years first, largest increase first; then the partial ones, largest later amount
/// first; ties by IRI.
pub fn changes(lines: &[ProgramLine], shared: &[SharedLine], from: u16, to: u16) -> Vec<Change> {
    let mut sums: BTreeMap<&str, (Labels, Labels, Sum, Sum)> = BTreeMap::new();
    for l in lines.iter().filter(|l| l.year == from || l.year == to) {
        let e = sums.entry(l.program.as_str()).or_default();
        if l.year == from {
            e.0 = l.name.clone();
            e.2.add(&l.figure);
        } else {
            e.1 = l.name.clone();
            e.3.add(&l.figure);
        }
    }
    let owned = |p: &str, y: u16| -> Vec<SharedLine> {
        shared_of(shared, p, y).into_iter().cloned().collect()
    };
    let mut out: Vec<Change> = sums
        .into_iter()
        .filter(|(_, (_, _, b, a))| b.count > 0 && a.count > 0 && b.amount > Decimal::ZERO)
        .map(|(p, (before_name, after_name, before, after))| Change {
            program: p.to_owned(),
            before_name,
            after_name,
            change: after.amount - before.amount,
            before_shared: owned(p, from),
            after_shared: owned(p, to),
            before,
            after,
        })
        .collect();
    out.sort_by(|a, b| {
        a.partial()
            .cmp(&b.partial())
            .then_with(|| {
                if a.partial() {
                    b.after.amount.cmp(&a.after.amount)
                } else {
                    b.change.cmp(&a.change)
                }
            })
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

/// The bracketed amounts of a row, `（≥97?→103）` or ` (≥97? → 103)`.
fn amounts(r: &Change, lang: Lang) -> String {
    let b = frame::bounded(
        r.before.amount,
        r.before.certain,
        &[],
        !r.before_shared.is_empty(),
        lang,
    );
    let a = frame::bounded(
        r.after.amount,
        r.after.certain,
        &[],
        !r.after_shared.is_empty(),
        lang,
    );
    match lang {
        Lang::Ja => format!("（{b}→{a}）"),
        Lang::En => format!(" ({b} → {a})"),
    }
}

/// The text beside a row: the change and the amounts, or for a partial row that the change
/// is not known.
fn row_text(r: &Change, lang: Lang) -> String {
    if r.partial() {
        return format!(
            "{}{}",
            lang.pick("増減不明", "change not known"),
            amounts(r, lang)
        );
    }
    let q = if r.certain() { "" } else { "?" };
    format!("{}{q}{}", frame::signed(r.change), amounts(r, lang))
}

/// The tooltip's line naming the shared lines of a partial row.
fn shared_text(r: &Change, from: u16, to: u16, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    for (year, lines) in [(from, &r.before_shared), (to, &r.after_shared)] {
        if lines.is_empty() {
            continue;
        }
        let names: Vec<String> = lines.iter().map(|l| l.describe(lang)).collect();
        parts.push(format!(
            "{} {}",
            frame::year_name(year, lang),
            names.join(lang.pick("、", "; "))
        ));
    }
    (!parts.is_empty()).then(|| {
        format!(
            "{}{}",
            lang.pick(
                "他の事業と共通の予算項目にも含まれる：",
                "also named in budget lines shared with other programs: "
            ),
            parts.join(lang.pick("；", "; "))
        )
    })
}

pub fn draw(
    lines: &[ProgramLine],
    shared: &[SharedLine],
    sources: &[Source],
    from: u16,
    to: u16,
    lang: Lang,
) -> Result<String> {
    let rows = changes(lines, shared, from, to);
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
    let (full, partial): (Vec<&Change>, Vec<&Change>) = rows.iter().partition(|r| !r.partial());
    let texts = |rs: &[&Change]| -> Vec<String> { rs.iter().map(|r| row_text(r, lang)).collect() };
    let labels = |rs: &[&Change]| -> Vec<Vec<String>> {
        rs.iter()
            .map(|r| wrap(&r.name(lang), LABEL_W, FONT))
            .collect()
    };
    let (full_texts, full_labels) = (texts(&full), labels(&full));
    let (part_texts, part_labels) = (texts(&partial), labels(&partial));
    let x_left = MARGIN + LABEL_W + 14.0;
    let avail = WIDTH - MARGIN - x_left - 12.0;
    let dims: Vec<(f64, f64)> = full
        .iter()
        .zip(&full_texts)
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
        Lang::Ja => format!("両年度に単独の予算項目（再掲を除く）がある{}事業：両年度とも額がそろう{}事業の増減（増加の大きい順）と、他の事業と共通の予算項目にも含まれ増減を算出できない{}事業（下段）。単位：億円。括弧内は{from}年度→{to}年度の額（AMED対象経費とインハウスの合計）", rows.len(), full.len(), partial.len()),
        Lang::En => format!("The {} programs with budget lines of their own in both years (re-listings excluded): the change of the {} whose amounts are complete in both years, largest increase first, and below them the {} also named in lines shared with other programs, whose change is not known; unit: 100 million yen (億円); in brackets the FY{from} → FY{to} amounts (AMED-targeted and in-house together)", rows.len(), full.len(), partial.len()),
    }];
    let mut keys = vec![
        Key::Swatch(frame::UP, lang.pick("増加", "increase").to_owned()),
        Key::Swatch(frame::DOWN, lang.pick("減少", "decrease").to_owned()),
        Key::Uncertain(lang.pick(
            "斜線・「?」：和のいずれかの額が推定・曖昧（資料の文字化けで対応が確定しない）",
            "hatched, \"?\": a figure in the sum is inferred or ambiguous (the scrambled text leaves its assignment open)",
        ).to_owned()),
    ];
    if !partial.is_empty() {
        keys.push(frame::at_least_key(lang));
    }
    let mut footer = vec![lang
        .pick(
            "事業の額は各年度の単独事業の予算項目の額の和（複数事業をまとめた項目・再掲は含まない）。まとめた項目にも含まれる年度の額は下限（≥）で、増減は示さない。",
            "A program's amount is the sum of its single-program budget lines in that year (lines shared by several programs and re-listings are not included). In a year in which a shared line also names the program, that sum is a lower bound (≥) and no change is shown.",
        )
        .to_owned()];
    if rows.iter().any(Change::renamed) {
        footer.push(
            lang.pick(
                "「旧名 → 新名」：両年度の資料で事業名が異なる事業（各年度の資料の表記）。",
                "\"old → new\": a program the two documents print under different names (each year's name as printed; English names unofficial).",
            )
            .to_owned(),
        );
    }
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
    let body: f64 = full_labels.iter().map(|l| row_height(l.len())).sum();
    let heading = wrap(
        lang.pick(
            "増減を算出できない事業：いずれかの年度に、他の事業とまとめて一つの額を示す予算項目（複数事業・領域・ブロック）にも含まれ、その年度の額は下限（≥）",
            "Change not known: in at least one year the program is also named in a budget line with one amount for several programs, an area or a block, so that year's amount is a lower bound (≥)",
        ),
        WIDTH - 2.0 * MARGIN,
        FONT,
    );
    let heading_h = if partial.is_empty() {
        0.0
    } else {
        heading.len() as f64 * leading(FONT) + 8.0
    };
    let part_body: f64 = part_labels.iter().map(|l| row_height(l.len())).sum();
    let part_h = if partial.is_empty() {
        0.0
    } else {
        20.0 + heading_h + part_body + 16.0
    };
    let height = header_h + body + 50.0 + part_h + frame::footer_height(WIDTH, &footer);
    let mut svg = Svg::new(WIDTH, height, &title, &subtitle.join(" "))?;
    let mut y = frame::header(&mut svg, WIDTH, &title, &subtitle, &keys)?;
    let top = y;
    frame::grid(&mut svg, &ticks, |t| zero + t * k, top, body)?;
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
    let label_lines = |svg: &mut Svg, l: &[String], mid: f64| -> Result<()> {
        let first = mid - (l.len() as f64 - 1.0) * leading(FONT) / 2.0 + FONT * 0.35;
        svg.lines(
            x_left - 6.0,
            first,
            FONT,
            leading(FONT),
            "end",
            l,
            &[("fill", INK)],
        )
    };
    for ((r, l), t) in full.iter().zip(&full_labels).zip(&full_texts) {
        let h = row_height(l.len());
        let mid = y + h / 2.0;
        svg.group(&[("class", "bar")])?;
        svg.tooltip(&format!("{}\n{t}", r.name(lang)))?;
        label_lines(&mut svg, l, mid)?;
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
    let mut y = top + body + 50.0;
    if !partial.is_empty() {
        y += 20.0;
        svg.line(MARGIN, y - 12.0, WIDTH - MARGIN, y - 12.0, GRID, &[])?;
        svg.lines(
            MARGIN,
            y + FONT * 0.35 + 2.0,
            FONT,
            leading(FONT),
            "start",
            &heading,
            &[("fill", INK), ("font-weight", "bold")],
        )?;
        y += heading_h;
        for ((r, l), t) in partial.iter().zip(&part_labels).zip(&part_texts) {
            let h = row_height(l.len());
            let mid = y + h / 2.0;
            svg.group(&[("class", "partial")])?;
            let tip = match shared_text(r, from, to, lang) {
                Some(s) => format!("{}\n{t}\n{s}", r.name(lang)),
                None => format!("{}\n{t}", r.name(lang)),
            };
            svg.tooltip(&tip)?;
            label_lines(&mut svg, l, mid)?;
            svg.text(
                x_left + 6.0,
                mid + FONT * 0.35,
                FONT,
                "start",
                t,
                &[("fill", INK)],
            )?;
            svg.end()?;
            y += h;
        }
        y += 16.0;
    }
    frame::footer(&mut svg, WIDTH, y - 6.0, &footer)?;
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
        let c = changes(&lines, &[], 2024, 2026);
        let names: Vec<&str> = c.iter().map(|c| c.program.as_str()).collect();
        assert_eq!(names, ["d", "a", "b"]);
        assert_eq!(c[2].change, Decimal::from(-12));
        assert!(
            !c[2].certain(),
            "a sum with an uncertain figure is uncertain"
        );
        assert!(c[0].certain());
    }

    fn shared(year: u16, program: &str) -> SharedLine {
        SharedLine {
            year,
            program: program.into(),
            line: format!("area/{year}"),
            kind: "area".into(),
            label: Some("がん・難病".into()),
            project: Some(5),
        }
    }

    #[test]
    fn a_program_in_a_shared_line_is_partial_and_listed_after_the_others() {
        let lines = vec![
            line(2024, "a", 10, true),
            line(2026, "a", 15, true),
            line(2024, "p", 97, true),
            line(2026, "p", 103, true),
            line(2024, "q", 5, true),
            line(2026, "q", 1, true),
        ];
        let c = changes(&lines, &[shared(2024, "p"), shared(2026, "x")], 2024, 2026);
        let names: Vec<&str> = c.iter().map(|c| c.program.as_str()).collect();
        assert_eq!(
            names,
            ["a", "q", "p"],
            "partial rows last, whatever their change"
        );
        assert!(c[2].partial() && !c[0].partial() && !c[1].partial());
        assert_eq!(c[2].before_shared.len(), 1);
        assert!(c[2].after_shared.is_empty());
        let t = row_text(&c[2], Lang::Ja);
        assert_eq!(t, "増減不明（≥97→103）");
        assert!(!t.contains("+6"), "no change for a partial row: {t}");
        assert_eq!(row_text(&c[0], Lang::En), "+5 (10 → 15)");
        let tip = shared_text(&c[2], 2024, 2026, Lang::Ja).unwrap_or_default();
        assert!(tip.contains("がん・難病（PJ5）"), "{tip}");
    }

    #[test]
    fn a_renamed_program_shows_both_names() {
        let mut old = line(2024, "r", 42, true);
        old.name = Labels::new("旧事業", "Old Program");
        let mut new = line(2026, "r", 27, true);
        new.name = Labels::new("新事業", "New Program");
        let mut same_en = line(2026, "s", 3, true);
        same_en.name = Labels::new("新名", "Same");
        let mut same_en_old = line(2024, "s", 3, true);
        same_en_old.name = Labels::new("旧名", "Same");
        let c = changes(&[old, new, same_en_old, same_en], &[], 2024, 2026);
        let r = c
            .iter()
            .find(|c| c.program == "r")
            .map(|c| c.name(Lang::Ja));
        assert_eq!(r.as_deref(), Some("旧事業 → 新事業"));
        let r = c
            .iter()
            .find(|c| c.program == "r")
            .map(|c| c.name(Lang::En));
        assert_eq!(r.as_deref(), Some("Old Program → New Program"));
        let s = c
            .iter()
            .find(|c| c.program == "s")
            .map(|c| c.name(Lang::En));
        assert_eq!(s.as_deref(), Some("Same (旧名 → 新名)"));
        let a = changes(
            &[line(2024, "a", 1, true), line(2026, "a", 2, true)],
            &[],
            2024,
            2026,
        );
        assert!(!a[0].renamed());
        assert_eq!(a[0].name(Lang::Ja), "a");
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
