use std::process::ExitCode;

use anyhow::Context;
use medrd_kg::draw::Lang;
use medrd_kg::viz::{render, Request, Source, View, VizFormat};

use crate::cli::args::{LangArg, ViewArg, VizArgs, VizFormatArg};

/// The language `--lang` names.
pub fn lang(a: LangArg) -> Lang {
    match a {
        LangArg::Ja => Lang::Ja,
        LangArg::En => Lang::En,
    }
}

pub fn run(a: VizArgs) -> anyhow::Result<ExitCode> {
    let source = match (&a.view, &a.query) {
        (_, Some(f)) => Source::Query {
            text: std::fs::read_to_string(f)
                .with_context(|| format!("cannot read query file {}", f.display()))?,
            file: Some(f.clone()),
        },
        (Some(v), None) => Source::View(match v {
            ViewArg::Structure => View::Structure,
            ViewArg::CrossProject => View::CrossProject,
            ViewArg::Lineage => View::Lineage,
            ViewArg::Ministry => View::Ministry,
            ViewArg::Ontology => View::Ontology,
            ViewArg::Neighbourhood => View::Neighbourhood,
        }),
        (None, None) => anyhow::bail!("give --view VIEW or --query FILE"),
    };
    let format = match a.format {
        VizFormatArg::Graphml => VizFormat::GraphMl,
        VizFormatArg::Gexf => VizFormat::Gexf,
        VizFormatArg::Cytoscape => VizFormat::Cytoscape,
        VizFormatArg::Cyjs => VizFormat::Cyjs,
        VizFormatArg::Dot => VizFormat::Dot,
        VizFormatArg::Svg => VizFormat::Svg,
    };
    let store = medrd_kg::store::open_read_only(&a.store.store)?;
    let request = Request {
        source,
        format,
        lang: lang(a.lang),
        year: a.year,
        resource: a.resource.clone(),
    };
    let text = render(&store, &request)?;
    super::emit(a.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}
