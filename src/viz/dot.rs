//! Graphviz DOT. Every id and label is a double-quoted string: `"` and `\` are escaped,
//! newlines become `\n`, and `&` is written `&amp;` (Graphviz reads HTML entities even in plain
//! labels, so a literal `&amp;` would otherwise show as `&`).

use std::fmt::Write as _;

use super::model::Graph;
use super::style::edge_colour;
use crate::draw::{num, Lang, FONT_STACK};
use crate::error::{Error, Result};

/// `s` as a DOT double-quoted string.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '&' => out.push_str("&amp;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The graph as DOT, laid out left to right.
pub fn write_dot(graph: &Graph, lang: Lang) -> Result<String> {
    let mut s = String::new();
    let font = FONT_STACK
        .split(',')
        .next()
        .unwrap_or("sans-serif")
        .trim()
        .trim_matches('\'');
    let w = |r: std::fmt::Result| r.map_err(|e| Error::internal("writing DOT", e));
    w(writeln!(s, "digraph {} {{", quote(&graph.title)))?;
    w(writeln!(
        s,
        "  graph [charset=\"UTF-8\", rankdir=LR, label={}, labelloc=t, fontname={}];",
        quote(&graph.title),
        quote(font)
    ))?;
    w(writeln!(
        s,
        "  node [style=\"filled\", fontname={}, fontsize=11];",
        quote(font)
    ))?;
    w(writeln!(
        s,
        "  edge [fontname={}, fontsize=9];",
        quote(font)
    ))?;
    for n in &graph.nodes {
        let mut label = n.label.clone();
        if !n.amounts.is_empty() {
            for l in n.amount_lines(lang) {
                label.push('\n');
                label.push_str(&l);
            }
        }
        w(writeln!(
            s,
            "  {} [label={}, shape={}, fillcolor={}, color={}, tooltip={}, type={}];",
            quote(&n.id),
            quote(&label),
            n.kind.shapes().1,
            quote(n.kind.fill()),
            quote(n.kind.stroke()),
            quote(&n.id),
            quote(n.kind.name())
        ))?;
    }
    for e in &graph.edges {
        let pen = num(e.thickness());
        w(writeln!(
            s,
            "  {} -> {} [label={}, color={}, penwidth={}, kind={}{}];",
            quote(&e.source),
            quote(&e.target),
            quote(&e.label),
            quote(edge_colour(&e.kind)),
            pen,
            quote(&e.kind),
            e.predicate
                .as_deref()
                .map(|p| format!(", predicate={}", quote(p)))
                .unwrap_or_default()
        ))?;
    }
    s.push_str("}\n");
    Ok(s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoting() {
        assert_eq!(super::quote("a\"b\\c\nd&e<f"), r#""a\"b\\c\nd&amp;e<f""#);
    }
}
