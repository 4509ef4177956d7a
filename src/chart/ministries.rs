//! `ministries`: each ministry's request (概算要求・要望額) in each fiscal year's summary table,
//! split into AMED-targeted and in-house expenses; the stated all-ministry totals are printed
//! in the panel headings, not drawn as bars.

use std::collections::BTreeSet;

use super::bars::{self, Bar, Panel};
use super::data::{Figure, MinistryRow, Source};
use super::frame::{self, marked};
use crate::draw::Lang;
use crate::error::Result;

/// The bar of one ministry, labelled with its printed parts.
pub fn bar(m: &MinistryRow, lang: Lang) -> Bar {
    let name = m.name.get(lang, &m.code);
    let (segments, parts) = bars::split(m.amed.as_ref(), m.inhouse.as_ref(), lang);
    Bar {
        label: format!("{name}（{}）", m.code),
        segments,
        value_text: parts.join(lang.pick("、", ", ")),
    }
}

pub fn draw(rows: &[MinistryRow], sources: &[Source], years: &[u16], lang: Lang) -> Result<String> {
    let mut panels = Vec::new();
    let mut page_labels = BTreeSet::new();
    for &y in years {
        let of_year: Vec<&MinistryRow> = rows.iter().filter(|m| m.year == y).collect();
        for m in &of_year {
            for fig in [&m.amed, &m.inhouse].into_iter().flatten() {
                if let Some(pg) = &fig.page {
                    page_labels.insert((y, pg.clone()));
                }
            }
        }
        let all = of_year.iter().find(|m| m.code == "ALL");
        let stated = |fig: Option<&Figure>| {
            fig.map(|f| marked(f.amount, f.certain, &f.alternatives, lang))
                .unwrap_or_else(|| "–".into())
        };
        let (amed, inhouse) = (
            stated(all.and_then(|m| m.amed.as_ref())),
            stated(all.and_then(|m| m.inhouse.as_ref())),
        );
        let heading = match lang {
            Lang::Ja => format!("{} 概算要求・要望額　資料の合計：AMED対象経費 {amed}億円、インハウス研究機関経費 {inhouse}億円", frame::year_name(y, lang)),
            Lang::En => format!("{} request (incl. priority request); stated totals: AMED-targeted {amed}, in-house {inhouse} (100 million yen)", frame::year_name(y, lang)),
        };
        panels.push(Panel {
            heading,
            bars: of_year
                .iter()
                .filter(|m| m.code != "ALL")
                .map(|m| bar(m, lang))
                .collect(),
        });
    }
    bars::request_chart(
        ("府省庁別の医療分野研究開発関連予算（概算要求・要望額）", "Medical R&D budget request by ministry"),
        ("内：内閣府、こ：こども家庭庁、総：総務省、文：文部科学省、厚：厚生労働省、経：経済産業省", "unit: 100 million yen (億円), rounded as printed, so parts may not add up to the stated totals"),
        years,
        panels,
        sources,
        &page_labels,
        lang,
    )
}
