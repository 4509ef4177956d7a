//! `projects`: each integrated project's request (概算要求・要望額) per fiscal year, one panel
//! per year on one amount scale, each bar split into AMED-targeted and in-house expenses.

use std::collections::BTreeSet;

use super::bars::{self, Bar, Panel};
use super::data::{ProjectRow, Source};
use super::frame::{self, marked};
use crate::draw::Lang;
use crate::error::Result;

/// The bar of one project: its AMED and in-house parts (the whole as AMED when the table
/// prints no split), labelled with the printed total and parts.
pub fn bar(p: &ProjectRow, lang: Lang) -> Bar {
    let name = p.name.get(lang, &format!("PJ{}", p.number));
    let (mut segments, parts) = bars::split(p.amed.as_ref(), p.inhouse.as_ref(), lang);
    if segments.is_empty() {
        if let Some(t) = &p.total {
            segments.push(bars::segment(
                t,
                frame::AMED,
                lang.pick("計", "total"),
                lang,
            ));
        }
    }
    let total = p
        .total
        .as_ref()
        .map(|t| marked(t.amount, t.certain, &t.alternatives, lang))
        .unwrap_or_default();
    let value_text = if parts.len() > 1 {
        match lang {
            Lang::Ja => format!("{total}（{}）", parts.join("、")),
            Lang::En => format!("{total} ({})", parts.join(", ")),
        }
    } else {
        total
    };
    Bar {
        label: format!("{}. {name}", p.number),
        segments,
        value_text,
    }
}

pub fn draw(rows: &[ProjectRow], sources: &[Source], years: &[u16], lang: Lang) -> Result<String> {
    let mut panels = Vec::new();
    let mut page_labels = BTreeSet::new();
    for &y in years {
        let of_year: Vec<&ProjectRow> = rows.iter().filter(|p| p.year == y).collect();
        for p in &of_year {
            for fig in [&p.total, &p.amed, &p.inhouse].into_iter().flatten() {
                if let Some(pg) = &fig.page {
                    page_labels.insert((y, pg.clone()));
                }
            }
        }
        let heading = match lang {
            Lang::Ja => format!(
                "{} 概算要求・要望額：{}の統合プロジェクト",
                frame::year_name(y, lang),
                of_year.len()
            ),
            Lang::En => format!(
                "{} request (incl. priority request): {} integrated projects",
                frame::year_name(y, lang),
                of_year.len()
            ),
        };
        panels.push(Panel {
            heading,
            bars: of_year.iter().map(|p| bar(p, lang)).collect(),
        });
    }
    bars::request_chart(
        ("統合プロジェクト別の医療分野研究開発関連予算（概算要求・要望額）", "Medical R&D budget request by integrated project"),
        ("プロジェクトの構成は年度で異なる（第2期：6、第3期：8）", "unit: 100 million yen (億円), rounded as printed, so parts may not add up. The projects differ between the years (2nd Healthcare Policy: 6, 3rd: 8)"),
        years,
        panels,
        sources,
        &page_labels,
        lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::data::{Figure, Labels};
    use rust_decimal::Decimal;

    fn fig(a: i64) -> Option<Figure> {
        Some(Figure {
            amount: Decimal::from(a),
            certain: true,
            alternatives: vec![],
            page: None,
        })
    }

    #[test]
    fn a_bar_prints_the_total_and_its_parts() {
        let p = ProjectRow {
            year: 2026,
            number: 1,
            name: Labels::new("医薬品プロジェクト", "Pharmaceuticals Project"),
            total: fig(402),
            amed: fig(349),
            inhouse: fig(53),
        };
        let b = bar(&p, Lang::Ja);
        assert_eq!(b.label, "1. 医薬品プロジェクト");
        assert_eq!(b.value_text, "402（AMED 349、インハウス 53）");
        assert_eq!(b.segments.len(), 2);
        let only_amed = ProjectRow {
            inhouse: None,
            amed: fig(5),
            total: fig(5),
            ..p
        };
        assert_eq!(bar(&only_amed, Lang::En).value_text, "5");
    }
}
