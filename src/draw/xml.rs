//! An XML writer over quick-xml for every XML format medrd-kg writes (SVG, GraphML, GEXF).
//! quick-xml writes the structure; this wrapper only adds what it leaves to the caller:
//! characters XML 1.0 cannot carry are replaced, and attribute values keep their newlines
//! and tabs (as character references: a parser would otherwise turn them into spaces).

use std::borrow::Cow;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use crate::error::{Error, Result};

/// Text with the characters XML 1.0 forbids (C0 controls other than tab, newline and
/// carriage return, lone surrogates cannot occur in `str`, U+FFFE/U+FFFF) replaced by U+FFFD.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if s.chars().any(bad) {
        Cow::Owned(
            s.chars()
                .map(|c| if bad(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// The XML Schema instance namespace (`xsi:schemaLocation`), which GraphML and GEXF declare.
pub const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// An attribute value escaped for a double-quoted attribute, whitespace kept.
fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in xml_safe(value).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// An indented XML document being written into memory.
pub struct Xml {
    writer: Writer<Vec<u8>>,
    open: Vec<String>,
}

fn failed(e: impl Into<crate::error::Cause>) -> Error {
    Error::internal("writing XML into memory", e)
}

impl Xml {
    /// A document starting with its XML declaration.
    pub fn new() -> Result<Xml> {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
        writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
            .map_err(failed)?;
        Ok(Xml {
            writer,
            open: Vec::new(),
        })
    }

    fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut el = BytesStart::new(name);
        for (k, v) in attrs {
            let v = escape_attribute(v);
            el.push_attribute(Attribute::from((k.as_bytes(), v.as_bytes())));
        }
        el
    }

    /// Opens `<name attrs…>`; [`Xml::close`] closes it.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.writer
            .write_event(Event::Start(Self::start(name, attrs)))
            .map_err(failed)?;
        self.open.push(name.to_owned());
        Ok(())
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) -> Result<()> {
        let name = self.open.pop().ok_or_else(|| Error::Internal {
            message: "closing an XML element that is not open".into(),
            source: None,
        })?;
        self.writer
            .write_event(Event::End(BytesEnd::new(name)))
            .map_err(failed)
    }

    /// An empty element `<name attrs…/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.writer
            .write_event(Event::Empty(Self::start(name, attrs)))
            .map_err(failed)
    }

    /// `<name attrs…>text</name>`, the text escaped.
    pub fn element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> Result<()> {
        self.writer
            .write_event(Event::Start(Self::start(name, attrs)))
            .map_err(failed)?;
        self.writer
            .write_event(Event::Text(BytesText::new(&xml_safe(text))))
            .map_err(failed)?;
        self.writer
            .write_event(Event::End(BytesEnd::new(name)))
            .map_err(failed)
    }

    /// Escaped text inside the open element.
    pub fn text(&mut self, text: &str) -> Result<()> {
        self.writer
            .write_event(Event::Text(BytesText::new(&xml_safe(text))))
            .map_err(failed)
    }

    /// A fragment: no declaration, no indentation (for markup inside a text element, where
    /// indentation would be text).
    pub fn fragment() -> Xml {
        Xml {
            writer: Writer::new(Vec::new()),
            open: Vec::new(),
        }
    }

    /// `<name attrs…>` + `markup` (a finished [`Xml::fragment`]) + `</name>`, on one line.
    pub fn with_markup(&mut self, name: &str, attrs: &[(&str, &str)], markup: Xml) -> Result<()> {
        let inner = String::from_utf8(markup.writer.into_inner()).map_err(failed)?;
        self.writer
            .write_event(Event::Start(Self::start(name, attrs)))
            .map_err(failed)?;
        self.writer
            .write_event(Event::Text(BytesText::from_escaped(inner)))
            .map_err(failed)?;
        self.writer
            .write_event(Event::End(BytesEnd::new(name)))
            .map_err(failed)
    }

    /// The document, every open element closed.
    pub fn finish(mut self) -> Result<String> {
        while !self.open.is_empty() {
            self.close()?;
        }
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        String::from_utf8(bytes).map_err(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_keep_newlines_and_quotes_and_controls_are_replaced() {
        let mut x = Xml::new().unwrap();
        x.empty("a", &[("v", "x\"y\n<&>\u{1}")]).unwrap();
        let s = x.finish().unwrap();
        assert!(s.contains(r#"v="x&quot;y&#10;&lt;&amp;&gt;�""#), "{s}");
    }
}
