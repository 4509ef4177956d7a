//! The HTML pages, working offline (CSS and JS from `/assets/`, embedded in the binary):
//! every page has the search box and the ja/en switch (`?lang=`); a resource page shows its
//! labels, types, every property with values linked, its budget figures with the fiscal years
//! side by side (uncertain ones marked, with alternatives and reasoning), the provenance of its
//! facts (page as printed, quoted phrase, named graph), inverse links grouped by property with
//! counts and pages, the neighbourhood picture, and links to the other formats and the query
//! page. Text is escaped by [`esc`]; nothing is written unescaped but the page's own markup.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use oxigraph::model::{NamedNodeRef, NamedOrBlankNode, Term};

use super::search::Hit;
use super::Site;
use crate::draw::Lang;
use crate::error::Error;
use crate::query::{run, Answer};
use crate::rdf::vocab::{mrd, prov, rdf};
use crate::viz::{label_of, local_name};

/// Inverse links shown per property and page.
const PER_PAGE: usize = 20;

/// `s` escaped for HTML text and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` percent-encoded for a query-string value.
pub fn url_value(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The link to `iri` in `site`: its page when it is under the base, else the IRI.
pub fn href(site: &Site, iri: &str, lang: Lang) -> String {
    site.links.resource(&site.base, iri, lang)
}

/// A page: header with search and language switch (to `switch`, the same page in the other
/// language), `body`, footer.
pub fn page(site: &Site, title: &str, lang: Lang, switch: &str, body: &str) -> String {
    let t = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    let links = &site.links;
    let switch = format!(
        "<a href=\"{}\" class=\"lang\" hreflang=\"{}\">{}</a>",
        esc(switch),
        lang.other().tag(),
        t("English", "日本語")
    );
    let query = links
        .query(lang, None)
        .map(|q| format!("<a href=\"{}\">{}</a> ", esc(&q), t("クエリ", "Query")))
        .unwrap_or_default();
    format!(
        r#"<!DOCTYPE html>
<html lang="{tag}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · medrd-kg</title><link rel="stylesheet" href="{css}"></head>
<body data-base="{base_attr}"><header><a href="{home}" class="home">medrd-kg</a>
<form action="{action}" method="get" class="search"><input type="search" name="q" placeholder="{ph}" aria-label="{ph}"><input type="hidden" name="lang" value="{tag}"><button>{go}</button></form>
<nav>{query}<a href="{report_href}">{report}</a> <a href="{void}">VoID</a> {switch}</nav></header>
<main>{body}</main>
<footer>{foot} · <a href="{license}">CC BY 4.0</a> · {base}</footer></body></html>
"#,
        tag = lang.tag(),
        title = esc(title),
        ph = t("検索（事業名・プロジェクト名・府省庁…）", "Search (programs, projects, ministries…)"),
        go = t("検索", "Search"),
        css = esc(&links.asset("style.css")),
        home = esc(&links.home(lang)),
        action = esc(&links.search_action(lang)),
        report_href = esc(&links.report(lang)),
        void = esc(&links.void()),
        report = t("照合レポート", "Reconciliation"),
        foot = t(
            "出典：健康・医療戦略推進本部「医療分野の研究開発関連予算 概算要求のポイント」令和6年度・令和8年度",
            "Source: Headquarters for Healthcare Policy, budget request key points for medical R&D, FY2024 and FY2026 (names in English are unofficial translations unless marked)"
        ),
        base = esc(&site.base),
        base_attr = esc(&site.base),
        license = crate::rdf::vocab::license::CC_BY_4.as_str(),
    )
}

fn rows(state: &Site, sparql: &str) -> Result<Vec<BTreeMap<String, Term>>, Error> {
    match run(&state.store, sparql, None)? {
        Answer::Solutions { variables, rows } => Ok(rows
            .into_iter()
            .map(|r| {
                variables
                    .iter()
                    .zip(r)
                    .filter_map(|(v, t)| t.map(|t| (v.as_str().to_owned(), t)))
                    .collect()
            })
            .collect()),
        _ => Ok(Vec::new()),
    }
}

fn value(t: Option<&Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn link(state: &Site, iri: &str, lang: Lang) -> String {
    let label = label_of(&state.store, iri, lang).unwrap_or_else(|_| local_name(iri).to_owned());
    format!(
        "<a href=\"{}\">{}</a>",
        esc(&href(state, iri, lang)),
        esc(&label)
    )
}

/// The index: strategy → fiscal years → projects → programs.
pub fn index_page(site: &Site, lang: Lang) -> Result<String, Error> {
    let state = site;
    let listing = rows(
        state,
        "SELECT ?strategy ?fy ?year ?project ?number ?py WHERE {
           ?project a mrd:IntegratedProject ; mrd:strategy ?strategy ; mrd:fiscalYear ?fy ; mrd:projectNumber ?number .
           ?fy mrd:year ?year .
           OPTIONAL { ?py a mrd:ProgramYear ; mrd:listedIn ?project }
         } ORDER BY DESC(?year) ?number ?py",
    );
    let listing = listing?;
    let mut body = String::new();
    let t = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    let _ = write!(
        body,
        "<h1>{}</h1><p>{}</p>",
        t("医療分野の研究開発関連予算 ナレッジグラフ", "Japan's medical R&amp;D budget requests as a knowledge graph"),
        t(
            "健康・医療戦略の統合プロジェクト、事業、府省庁と予算額。各事実に出典のページと語句があります。",
            "The integrated projects, programs, ministries and budget figures of the Healthcare Policy, each fact with its page and phrase."
        )
    );
    let (mut last_year, mut last_project) = (String::new(), String::new());
    for r in &listing {
        let year = value(r.get("year"));
        if year != last_year {
            if !last_year.is_empty() {
                body.push_str("</ul></li></ul></section>");
            }
            let _ = write!(
                body,
                "<section class=\"year\"><h2>{} · {}</h2><ul class=\"projects\">",
                link(state, &value(r.get("fy")), lang),
                link(state, &value(r.get("strategy")), lang)
            );
            last_year = year;
            last_project.clear();
        }
        let project = value(r.get("project"));
        if project != last_project {
            if !last_project.is_empty() {
                body.push_str("</ul></li>");
            }
            let _ = write!(
                body,
                "<li>{}<ul class=\"programs\">",
                link(state, &project, lang)
            );
            last_project = project;
        }
        if let Some(Term::NamedNode(py)) = r.get("py") {
            let _ = write!(body, "<li>{}</li>", link(state, py.as_str(), lang));
        }
    }
    if !last_year.is_empty() {
        body.push_str("</ul></li></ul></section>");
    }
    let links = &site.links;
    let mut data = Vec::new();
    if let Some(sparql) = links.sparql() {
        data.push(format!("<a href=\"{}\">SPARQL</a>", esc(&sparql)));
    }
    if let Some(q) = links.query(lang, None) {
        data.push(format!(
            "<a href=\"{}\">{}</a>",
            esc(&q),
            t("クエリページ", "query page")
        ));
    }
    data.push(format!("<a href=\"{}\">VoID</a>", esc(&links.void())));
    let _ = write!(
        body,
        "<section><h2>{}</h2><ul><li>{}</li><li>{} {}</li></ul></section>",
        t("データ", "Data"),
        data.join(" · "),
        t("ダンプ：", "Dumps:"),
        super::DUMPS
            .iter()
            .map(|(e, _)| format!("<a href=\"{}\">{e}</a>", esc(&links.dump(e))))
            .collect::<Vec<_>>()
            .join(" ")
    );
    Ok(page(
        site,
        t("索引", "Index"),
        lang,
        &links.home(lang.other()),
        &body,
    ))
}

/// The budget figures whose subject is `iri`: one row per (category, kind), one column per
/// fiscal year; uncertain figures marked, with their alternatives and reasoning.
fn figures_table(state: &Site, iri: NamedNodeRef<'_>, lang: Lang) -> Result<String, Error> {
    // the figure's own patterns repeated in each branch: joined after the UNION instead, they
    // made Oxigraph 0.5 read every figure of the store for each page (7 ms a page, not 0.8)
    let figure = "?f mrd:fiscalYear/mrd:year ?year ; mrd:amountAsPrinted ?amount ;
              mrd:fundingCategory ?category ; mrd:figureKind ?kind .";
    let q = format!(
        "SELECT ?f ?subject ?year ?category ?kind ?amount ?certainty ?alt ?reasoning ?page ?quote WHERE {{
           {{ ?f mrd:subject {iri} . BIND ({iri} AS ?subject) {figure} }}
           UNION {{ ?subject a mrd:BudgetLine ; mrd:program {iri} . ?f mrd:subject ?subject . {figure} }}
           UNION {{ {iri} a mrd:ProgramYear ; mrd:program ?p ; mrd:fiscalYear ?fy .
                   ?subject a mrd:BudgetLine ; mrd:program ?p ; mrd:fiscalYear ?fy . ?f mrd:subject ?subject .
                   {figure} }}
           OPTIONAL {{ ?f mrd:certainty ?certainty }}
           OPTIONAL {{ ?f mrd:alternativeAmount ?alt }}
           OPTIONAL {{ ?f mrd:reasoning ?reasoning }}
           OPTIONAL {{ ?f prov:wasDerivedFrom ?page }}
           OPTIONAL {{ ?f mrd:amountQuote ?quote }}
         }} ORDER BY ?category ?kind ?year"
    );
    let rs = rows(state, &q)?;
    if rs.is_empty() {
        return Ok(String::new());
    }
    let years: std::collections::BTreeSet<String> =
        rs.iter().map(|r| value(r.get("year"))).collect();
    // one entry per figure: the query gives a row per alternative amount
    let mut alternatives: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    let mut first: BTreeMap<String, &BTreeMap<String, Term>> = BTreeMap::new();
    for r in &rs {
        let f = value(r.get("f"));
        if let Some(a) = r.get("alt") {
            alternatives
                .entry(f.clone())
                .or_default()
                .insert(value(Some(a)));
        }
        first.entry(f).or_insert(r);
    }
    // rows by (category, kind), a column per year; a figure of one of the program's budget
    // lines names its line in the cell
    let mut table: BTreeMap<(String, String), BTreeMap<String, String>> = BTreeMap::new();
    for (f, r) in &first {
        let subject = value(r.get("subject"));
        let key = (value(r.get("category")), value(r.get("kind")));
        let certain = r
            .get("certainty")
            .is_none_or(|c| value(Some(c)) == mrd::CERTAIN.as_str());
        let mut cell = if subject == iri.as_str() {
            String::new()
        } else {
            format!("<div class=\"line\">{}</div>", link(state, &subject, lang))
        };
        let _ = write!(
            cell,
            "<a href=\"{}\" class=\"amount\">{}</a>",
            esc(&href(state, f, lang)),
            esc(&value(r.get("amount")))
        );
        if !certain {
            let _ = write!(
                cell,
                " <span class=\"uncertain\">? {}</span>",
                esc(&label_of(&state.store, &value(r.get("certainty")), lang).unwrap_or_default())
            );
            if let Some(alts) = alternatives.get(f) {
                let _ = write!(
                    cell,
                    " <span class=\"alt\">（{} {}）</span>",
                    lang.pick("別の読み", "or"),
                    esc(&alts.iter().cloned().collect::<Vec<_>>().join(", "))
                );
            }
            let _ = write!(
                cell,
                "<details><summary>{}</summary>{}</details>",
                lang.pick("理由", "reasoning"),
                esc(&value(r.get("reasoning")))
            );
        }
        if let Some(p) = r.get("page") {
            let _ = write!(
                cell,
                "<div class=\"prov\">{} «{}»</div>",
                link(state, &value(Some(p)), lang),
                esc(&value(r.get("quote")))
            );
        }
        let slot = table
            .entry(key)
            .or_default()
            .entry(value(r.get("year")))
            .or_default();
        if !slot.is_empty() {
            slot.push_str("<br>");
        }
        slot.push_str(&cell);
    }
    let mut s = format!(
        "<section><h2>{}</h2><table class=\"figures\"><thead><tr><th>{}</th><th>{}</th>",
        lang.pick("予算額（億円）", "Budget figures (億円, 100 million yen)"),
        lang.pick("区分", "category"),
        lang.pick("種別", "kind")
    );
    for y in &years {
        let _ = write!(s, "<th>FY{}</th>", esc(y));
    }
    s.push_str("</tr></thead><tbody>");
    for ((cat, kind), cells) in &table {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td>",
            link(state, cat, lang),
            link(state, kind, lang)
        );
        for y in &years {
            let _ = write!(s, "<td>{}</td>", cells.get(y).cloned().unwrap_or_default());
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></section>");
    Ok(s)
}

/// The named graphs that state `iri`'s triples.
fn graphs_of(state: &Site, iri: NamedNodeRef<'_>) -> Result<Vec<String>, Error> {
    let mut g = std::collections::BTreeSet::new();
    for q in state
        .store
        .quads_for_pattern(Some(iri.into()), None, None, None)
    {
        g.insert(q.map_err(Error::StoreRead)?.graph_name.to_string());
    }
    Ok(g.into_iter()
        .map(|s| s.trim_matches(['<', '>']).to_owned())
        .collect())
}

/// A resource's page.
///
/// `params` pages the inverse links on the server (`inv=` and `page=`); `picture` says
/// whether the neighbourhood picture is there to show.
pub fn resource_page(
    site: &Site,
    iri: NamedNodeRef<'_>,
    lang: Lang,
    params: &[(String, String)],
    picture: bool,
) -> Result<String, Error> {
    let state = site;
    let t = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    let label = label_of(&state.store, iri.as_str(), lang)?;
    let other = label_of(&state.store, iri.as_str(), lang.other())?;
    let triples = super::describe(state, iri)?;
    let here = href(state, iri.as_str(), lang.other());
    let mut b = String::new();
    let _ = write!(b, "<h1>{}</h1>", esc(&label));
    if other != label {
        let _ = write!(
            b,
            "<p class=\"other-label\" lang=\"{}\">{}</p>",
            lang.other().tag(),
            esc(&other)
        );
    }
    let _ = write!(b, "<p class=\"iri\"><code>{}</code></p>", esc(iri.as_str()));
    let types: Vec<String> = triples
        .iter()
        .filter(|t| t.predicate.as_ref() == rdf::TYPE)
        .map(|t| link(state, &value(Some(&t.object)), lang))
        .collect();
    if !types.is_empty() {
        let _ = write!(b, "<p class=\"types\">{}</p>", types.join(" · "));
    }
    let links = &site.links;
    let path_only = links.formats(&site.base, iri.as_str()).unwrap_or_default();
    let open_query = links
        .query(lang, Some(&format!("DESCRIBE <{}>", iri.as_str())))
        .map(|q| {
            format!(
                " · <a href=\"{}\">{}</a>",
                esc(&q),
                t("クエリページで開く", "open in the query page")
            )
        })
        .unwrap_or_default();
    let _ = write!(
        b,
        "<p class=\"formats\">{}: <a href=\"{p}.ttl\">Turtle</a> · <a href=\"{p}.jsonld\">JSON-LD</a> · <a href=\"{p}.nt\">N-Triples</a> · <a href=\"{p}.rdf\">RDF/XML</a>{open_query}</p>",
        t("他の形式", "Other formats"),
        p = esc(&path_only),
    );
    b.push_str(&figures_table(state, iri, lang)?);
    // a project's page and a ministry's show the budget chart they are part of
    let typed = |c: NamedNodeRef<'_>| {
        triples.iter().any(|t| {
            t.predicate.as_ref() == rdf::TYPE && t.object == Term::NamedNode(c.into_owned())
        })
    };
    let coded = triples
        .iter()
        .any(|t| t.predicate.as_ref() == crate::rdf::vocab::skos::NOTATION);
    let chart = if typed(mrd::INTEGRATED_PROJECT) {
        Some("projects")
    } else if typed(crate::rdf::vocab::org::ORGANIZATION) && coded {
        Some("ministries")
    } else {
        None
    };
    if let Some(kind) = chart {
        let _ = write!(
            b,
            "<section><h2>{}</h2><img class=\"picture\" src=\"{}\" alt=\"{}\"></section>",
            t("予算の図", "Budget chart"),
            esc(&links.chart(kind, lang)),
            esc(t("予算の図", "Budget chart"))
        );
    }
    // properties
    let _ = write!(
        b,
        "<section><h2>{}</h2><table class=\"props\"><tbody>",
        t("プロパティ", "Properties")
    );
    let mut by_pred: BTreeMap<String, Vec<&Term>> = BTreeMap::new();
    for tr in triples.iter().filter(|t| t.predicate.as_ref() != rdf::TYPE) {
        by_pred
            .entry(tr.predicate.as_str().to_owned())
            .or_default()
            .push(&tr.object);
    }
    for (p, vals) in &by_pred {
        let _ = write!(b, "<tr><th>{}</th><td><ul>", link(state, p, lang));
        for v in vals {
            match v {
                Term::NamedNode(n) => {
                    let _ = write!(b, "<li>{}</li>", link(state, n.as_str(), lang));
                }
                Term::Literal(l) => {
                    let tag = l
                        .language()
                        .map(|l| format!(" <span class=\"tag\">@{}</span>", esc(l)))
                        .unwrap_or_default();
                    let _ = write!(b, "<li>{}{tag}</li>", esc(l.value()));
                }
                other => {
                    let _ = write!(b, "<li>{}</li>", esc(&other.to_string()));
                }
            }
        }
        b.push_str("</ul></td></tr>");
    }
    b.push_str("</tbody></table></section>");
    // provenance
    let pages: Vec<&Term> = triples
        .iter()
        .filter(|t| t.predicate.as_ref() == prov::WAS_DERIVED_FROM)
        .map(|t| &t.object)
        .collect();
    let quotes: Vec<String> = triples
        .iter()
        .filter(|t| t.predicate.as_ref() == mrd::QUOTE || t.predicate.as_ref() == mrd::AMOUNT_QUOTE)
        .map(|t| value(Some(&t.object)))
        .collect();
    let graphs = graphs_of(state, iri)?;
    let _ = write!(
        b,
        "<section class=\"provenance\"><h2>{}</h2><ul>",
        t("出典", "Provenance")
    );
    for p in pages {
        let _ = write!(
            b,
            "<li>{}: {}</li>",
            t("ページ", "page"),
            link(state, &value(Some(p)), lang)
        );
    }
    for q in quotes {
        let _ = write!(b, "<li>{}: <q>{}</q></li>", t("記載", "printed"), esc(&q));
    }
    for g in graphs {
        let _ = write!(
            b,
            "<li>{}: <code>{}</code></li>",
            t("名前付きグラフ", "named graph"),
            esc(&g)
        );
    }
    b.push_str("</ul></section>");
    if iri == crate::rdf::vocab::ONTOLOGY {
        b.push_str(&ontology_terms(state, lang)?);
    }
    b.push_str(&inverse_links(state, iri, lang, params, &path_only)?);
    if let Some(src) = links
        .neighbourhood(&site.base, iri.as_str(), lang)
        .filter(|_| picture)
    {
        let _ = write!(
            b,
            "<section><h2>{}</h2><img class=\"picture\" src=\"{}\" alt=\"{}\"></section>",
            t("周辺", "Neighbourhood"),
            esc(&src),
            esc(&label)
        );
    }
    Ok(page(state, &label, lang, &here, &b))
}

/// Every term of the ontology's namespace, each at the anchor of its fragment (so that
/// `/def#Program` lands on it), with its labels and comment.
fn ontology_terms(state: &Site, lang: Lang) -> Result<String, Error> {
    let ns = crate::rdf::vocab::MRD_NS;
    let mut terms = std::collections::BTreeSet::new();
    for q in state
        .store
        .quads_for_pattern(None, Some(rdf::TYPE), None, None)
    {
        if let NamedOrBlankNode::NamedNode(s) = q.map_err(Error::StoreRead)?.subject {
            if s.as_str().starts_with(ns) {
                terms.insert(s.as_str().to_owned());
            }
        }
    }
    let mut s = format!(
        "<section class=\"terms\"><h2>{}</h2><dl>",
        lang.pick("用語", "Terms")
    );
    for t in terms {
        let local = &t[ns.len()..];
        let comment = self::comment_of(state, &t, lang)?;
        let _ = write!(
            s,
            "<dt id=\"{}\"><a href=\"#{}\">mrd:{}</a> {}</dt><dd>{}</dd>",
            esc(local),
            esc(local),
            esc(local),
            esc(&label_of(&state.store, &t, lang)?),
            esc(&comment)
        );
    }
    s.push_str("</dl></section>");
    Ok(s)
}

/// The rdfs:comment of `iri` in `lang` (else the other language's, else none).
fn comment_of(state: &Site, iri: &str, lang: Lang) -> Result<String, Error> {
    let Ok(n) = oxigraph::model::NamedNodeRef::new(iri) else {
        return Ok(String::new());
    };
    let mut best: Option<(u8, String)> = None;
    for q in state.store.quads_for_pattern(
        Some(n.into()),
        Some(crate::rdf::vocab::rdfs::COMMENT),
        None,
        None,
    ) {
        if let Term::Literal(l) = q.map_err(Error::StoreRead)?.object {
            let rank = match l.language() {
                Some(t) if t == lang.tag() => 0,
                Some(t) if t == lang.other().tag() => 1,
                _ => 2,
            };
            if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                best = Some((rank, l.value().to_owned()));
            }
        }
    }
    Ok(best.map(|(_, c)| c).unwrap_or_default())
}

/// Inverse links grouped by property, with counts; `?inv=<property>&page=N` pages one group.
fn inverse_links(
    state: &Site,
    iri: NamedNodeRef<'_>,
    lang: Lang,
    params: &[(String, String)],
    path: &str,
) -> Result<String, Error> {
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for q in state
        .store
        .quads_for_pattern(None, None, Some(iri.into()), None)
    {
        let q = q.map_err(Error::StoreRead)?;
        if let NamedOrBlankNode::NamedNode(s) = q.subject {
            groups
                .entry(q.predicate.as_str().to_owned())
                .or_default()
                .push(s.as_str().to_owned());
        }
    }
    if groups.is_empty() {
        return Ok(String::new());
    }
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let (focus, page_no) = (
        get("inv"),
        get("page")
            .and_then(|p| p.parse::<usize>().ok())
            .unwrap_or(1)
            .max(1),
    );
    let mut s = format!(
        "<section class=\"inverse\"><h2>{}</h2>",
        lang.pick("このリソースへのリンク", "Linked from")
    );
    for (p, mut subjects) in groups {
        subjects.sort();
        subjects.dedup();
        let n = subjects.len();
        let page_here = if focus == Some(p.as_str()) {
            page_no
        } else {
            1
        };
        // a static site pages nothing: every link on the one page
        let per_page = if state.links.is_static() {
            n.max(1)
        } else {
            PER_PAGE
        };
        let pages = n.div_ceil(per_page);
        let start = (page_here - 1) * per_page;
        let _ = write!(
            s,
            "<h3>{} <span class=\"count\">({n})</span></h3><ul>",
            link(state, &p, lang)
        );
        for subj in subjects.iter().skip(start).take(per_page) {
            let _ = write!(s, "<li>{}</li>", link(state, subj, lang));
        }
        s.push_str("</ul>");
        if pages > 1 {
            s.push_str("<p class=\"pager\">");
            for k in 1..=pages {
                if k == page_here {
                    let _ = write!(s, "<strong>{k}</strong> ");
                } else if let Some(h) = state.links.inverse_page(path, lang, &p, k) {
                    let _ = write!(s, "<a href=\"{}\">{k}</a> ", esc(&h));
                }
            }
            s.push_str("</p>");
        }
    }
    s.push_str("</section>");
    Ok(s)
}

/// The 404 page: what was asked (when known), and what the search finds for its last
/// segment.
pub fn not_found_page(site: &Site, iri: Option<&str>, lang: Lang) -> String {
    let state = site;
    let guess = iri
        .map(|i| local_name(i).replace(['-', '_'], " "))
        .unwrap_or_default();
    let hits = state.search.search(&guess, 10);
    let asked = iri
        .map(|i| format!("<p><code>{}</code></p>", esc(i)))
        .unwrap_or_default();
    let mut b = format!(
        "<h1>{}</h1>{asked}<p>{}</p><ul>",
        lang.pick("見つかりません", "Not found"),
        lang.pick(
            "このIRIについての記述はグラフにありません。索引から辿るか、検索してください。",
            "The graph says nothing about this IRI. Browse from the index, or search."
        )
    );
    for (h, _) in hits {
        let _ = write!(b, "<li>{}</li>", link(state, &h, lang));
    }
    b.push_str("</ul>");
    page(
        state,
        lang.pick("見つかりません", "Not found"),
        lang,
        &state.links.home(lang.other()),
        &b,
    )
}

/// The search results page.
pub fn search_page(site: &Site, q: &str, hits: &[Hit], lang: Lang) -> String {
    let state = site;
    let mut b = format!(
        "<h1>{} «{}»</h1><p>{} {}</p><ol class=\"hits\">",
        lang.pick("検索", "Search"),
        esc(q),
        hits.len(),
        lang.pick("件", "results")
    );
    for h in hits {
        let _ = write!(
            b,
            "<li><a href=\"{}\">{}</a> <code>{}</code></li>",
            esc(&href(state, &h.iri, lang)),
            esc(&h.label),
            esc(&h.iri)
        );
    }
    b.push_str("</ol>");
    page(
        state,
        lang.pick("検索", "Search"),
        lang,
        &state.links.search(q, lang.other()),
        &b,
    )
}

/// The static site's search page: `assets/search.js` reads `?q=` and ranks the hits in the
/// browser over `assets/search-index.js` (see [`super::search::client_index`]).
pub fn static_search_page(site: &Site, lang: Lang) -> String {
    let b = format!(
        "<h1>{} «<span id=\"q\"></span>»</h1><p><span id=\"count\">0</span> {}</p><ol class=\"hits\" id=\"hits\"></ol><noscript>{}</noscript><script src=\"{}\"></script><script src=\"{}\"></script>",
        lang.pick("検索", "Search"),
        lang.pick("件", "results"),
        lang.pick(
            "検索には JavaScript が必要です。索引から辿ってください。",
            "Search needs JavaScript; browse from the index instead."
        ),
        esc(&site.links.asset("search-index.js")),
        esc(&site.links.asset("search.js")),
    );
    page(
        site,
        lang.pick("検索", "Search"),
        lang,
        &site.links.search_action(lang.other()),
        &b,
    )
}

/// The shipped queries: file name, question (the header comment), text.
pub const QUERIES: &[(&str, &str)] = &[
    ("projects.rq", include_str!("../../queries/projects.rq")),
    ("strategy.rq", include_str!("../../queries/strategy.rq")),
    (
        "ministry_totals.rq",
        include_str!("../../queries/ministry_totals.rq"),
    ),
    (
        "budget_lines.rq",
        include_str!("../../queries/budget_lines.rq"),
    ),
    (
        "program_ministries.rq",
        include_str!("../../queries/program_ministries.rq"),
    ),
    (
        "program_flags.rq",
        include_str!("../../queries/program_flags.rq"),
    ),
    (
        "shared_programs.rq",
        include_str!("../../queries/shared_programs.rq"),
    ),
    (
        "program_continuity.rq",
        include_str!("../../queries/program_continuity.rq"),
    ),
    (
        "project_lineage.rq",
        include_str!("../../queries/project_lineage.rq"),
    ),
    (
        "uncertain_figures.rq",
        include_str!("../../queries/uncertain_figures.rq"),
    ),
    (
        "largest_programs_by_ministry.rq",
        include_str!("../../queries/largest_programs_by_ministry.rq"),
    ),
    (
        "new_and_expanded_by_project.rq",
        include_str!("../../queries/new_and_expanded_by_project.rq"),
    ),
    (
        "program_year_over_year.rq",
        include_str!("../../queries/program_year_over_year.rq"),
    ),
    (
        "programs_by_phase_count.rq",
        include_str!("../../queries/programs_by_phase_count.rq"),
    ),
    (
        "ministry_share_by_project.rq",
        include_str!("../../queries/ministry_share_by_project.rq"),
    ),
    (
        "request_vs_previous_budget.rq",
        include_str!("../../queries/request_vs_previous_budget.rq"),
    ),
    (
        "fund_based_programs.rq",
        include_str!("../../queries/fund_based_programs.rq"),
    ),
    (
        "relisted_lines.rq",
        include_str!("../../queries/relisted_lines.rq"),
    ),
    (
        "programs_without_amount.rq",
        include_str!("../../queries/programs_without_amount.rq"),
    ),
    (
        "stated_links.rq",
        include_str!("../../queries/stated_links.rq"),
    ),
    (
        "support_networks.rq",
        include_str!("../../queries/support_networks.rq"),
    ),
    (
        "relations_by_kind.rq",
        include_str!("../../queries/relations_by_kind.rq"),
    ),
    (
        "organisation_roles.rq",
        include_str!("../../queries/organisation_roles.rq"),
    ),
    (
        "renamed_programs.rq",
        include_str!("../../queries/renamed_programs.rq"),
    ),
    (
        "ministry_program_counts.rq",
        include_str!("../../queries/ministry_program_counts.rq"),
    ),
    (
        "figure_provenance.rq",
        include_str!("../../queries/figure_provenance.rq"),
    ),
];

/// The question a query file states in its header comment.
pub fn question(text: &str) -> String {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect::<Vec<_>>()
        .join(" ")
        .trim_start_matches("Question:")
        .trim()
        .to_owned()
}

/// The query page: the shipped queries one click away, an editor with `initial`, results as
/// a table.
pub fn query_page(site: &Site, lang: Lang, initial: &str) -> String {
    let mut b = format!(
        "<h1>{}</h1><p>{}</p><div class=\"query\"><ul class=\"shipped\">",
        lang.pick("クエリ", "Query"),
        lang.pick(
            "接頭辞 mrd:, skos:, qb:, org:, prov:, dcterms: などは宣言済みです。結果のIRIはページにリンクされます。",
            "The prefixes mrd:, skos:, qb:, org:, prov:, dcterms: … are predeclared. IRIs in the results link to their pages."
        )
    );
    for (name, text) in QUERIES {
        let _ = write!(
            b,
            "<li><button type=\"button\" class=\"load\" data-query=\"{}\" title=\"{}\">{}</button> <span class=\"question\">{}</span></li>",
            esc(text),
            esc(name),
            esc(name),
            esc(&question(text))
        );
    }
    let _ = write!(
        b,
        "</ul><form id=\"editor\"><textarea id=\"sparql\" name=\"query\" rows=\"16\" spellcheck=\"false\">{}</textarea><p><button type=\"submit\">{}</button> <a id=\"csv\" href=\"#\">CSV</a> <a id=\"json\" href=\"#\">JSON</a> <span id=\"status\"></span></p></form><div id=\"chart\"></div><div id=\"results\"></div></div><script src=\"{}\"></script>",
        esc(initial),
        lang.pick("実行", "Run"),
        esc(&site.links.asset("query.js"))
    );
    page(
        site,
        lang.pick("クエリ", "Query"),
        lang,
        &site.links.query(lang.other(), None).unwrap_or_default(),
        &b,
    )
}

/// The reconciliation report: what `medrd-kg validate` prints.
pub fn report_page(site: &Site, lang: Lang) -> String {
    let state = site;
    let body = match &state.report {
        Some(r) => format!(
            "<h1>{}</h1><pre class=\"report\">{}</pre>",
            lang.pick("照合レポート", "Reconciliation report"),
            esc(r)
        ),
        None => format!(
            "<h1>{}</h1><p>{}</p>",
            lang.pick("照合レポート", "Reconciliation report"),
            lang.pick(
                "データフォルダ（--data）が指定されていないため、レポートはありません。",
                "No data folder (--data) was given, so there is no report."
            )
        ),
    };
    page(
        state,
        lang.pick("照合レポート", "Reconciliation report"),
        lang,
        &state.links.report(lang.other()),
        &body,
    )
}

#[cfg(test)]
mod tests {
    /// The query page offers every file of queries/ (the list is written out for include_str!).
    #[test]
    fn the_query_page_lists_every_shipped_query() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "rq"))
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        files.sort();
        let mut listed: Vec<String> = super::QUERIES
            .iter()
            .map(|(n, _)| (*n).to_owned())
            .collect();
        listed.sort();
        assert_eq!(listed, files);
    }
}
