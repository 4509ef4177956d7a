//! An SVG document on the XML writer: the root with the CJK font stack, a title and a
//! description (what screen readers and search engines read), shared definitions (arrow
//! heads, the hatching that marks uncertain figures) and small helpers for shapes and text.

use super::{num, Xml, FONT_STACK};
use crate::error::Result;

/// The id of the hatching pattern that marks uncertain figures (`fill="url(#uncertain)"`).
pub struct Hatch;

impl Hatch {
    pub const ID: &'static str = "uncertain";
    /// The fill that draws the hatching.
    pub const FILL: &'static str = "url(#uncertain)";
}

/// An SVG document being written.
pub struct Svg {
    xml: Xml,
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

impl Svg {
    /// A `width` × `height` document titled `title`, described by `desc`, on a white ground.
    pub fn new(width: f64, height: f64, title: &str, desc: &str) -> Result<Svg> {
        let mut xml = Xml::new()?;
        let (w, h) = (num(width.ceil()), num(height.ceil()));
        let view_box = format!("0 0 {w} {h}");
        xml.open(
            "svg",
            &[
                ("xmlns", SVG_NS),
                ("width", &w),
                ("height", &h),
                ("viewBox", &view_box),
                ("font-family", FONT_STACK),
                ("role", "img"),
            ],
        )?;
        xml.element("title", &[], title)?;
        xml.element("desc", &[], desc)?;
        xml.open("defs", &[])?;
        xml.open(
            "marker",
            &[
                ("id", "arrow"),
                ("viewBox", "0 0 10 10"),
                ("refX", "9"),
                ("refY", "5"),
                ("markerWidth", "7"),
                ("markerHeight", "7"),
                ("orient", "auto-start-reverse"),
            ],
        )?;
        xml.empty("path", &[("d", "M0,0 L10,5 L0,10 z"), ("fill", "#555")])?;
        xml.close()?;
        xml.open(
            "pattern",
            &[
                ("id", Hatch::ID),
                ("width", "6"),
                ("height", "6"),
                ("patternUnits", "userSpaceOnUse"),
                ("patternTransform", "rotate(45)"),
            ],
        )?;
        xml.empty(
            "rect",
            &[("width", "6"), ("height", "6"), ("fill", "#ffffff")],
        )?;
        xml.empty(
            "line",
            &[
                ("x1", "0"),
                ("y1", "0"),
                ("x2", "0"),
                ("y2", "6"),
                ("stroke", "#777"),
                ("stroke-width", "3"),
            ],
        )?;
        xml.close()?;
        xml.close()?;
        xml.empty(
            "rect",
            &[("width", "100%"), ("height", "100%"), ("fill", "#ffffff")],
        )?;
        Ok(Svg { xml })
    }

    /// Opens a group with `attrs` (`class`, `transform`…).
    pub fn group(&mut self, attrs: &[(&str, &str)]) -> Result<()> {
        self.xml.open("g", attrs)
    }

    /// Closes the innermost group.
    pub fn end(&mut self) -> Result<()> {
        self.xml.close()
    }

    /// Any empty element.
    pub fn el(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.xml.empty(name, attrs)
    }

    /// A rectangle; `extra` adds attributes (stroke, rx, class…).
    pub fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: &str,
        extra: &[(&str, &str)],
    ) -> Result<()> {
        let (x, y, w, h) = (num(x), num(y), num(w.max(0.0)), num(h.max(0.0)));
        let mut attrs: Vec<(&str, &str)> = vec![
            ("x", &x),
            ("y", &y),
            ("width", &w),
            ("height", &h),
            ("fill", fill),
        ];
        attrs.extend_from_slice(extra);
        self.xml.empty("rect", &attrs)
    }

    /// A straight line.
    pub fn line(
        &mut self,
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: &str,
        extra: &[(&str, &str)],
    ) -> Result<()> {
        let (a, b, c, d) = (num(x1), num(y1), num(x2), num(y2));
        let mut attrs: Vec<(&str, &str)> = vec![
            ("x1", &a),
            ("y1", &b),
            ("x2", &c),
            ("y2", &d),
            ("stroke", stroke),
        ];
        attrs.extend_from_slice(extra);
        self.xml.empty("line", &attrs)
    }

    /// One line of text at (`x`, `y`: the baseline); `anchor` is start, middle or end.
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        size: f64,
        anchor: &str,
        text: &str,
        extra: &[(&str, &str)],
    ) -> Result<()> {
        let (x, y, size) = (num(x), num(y), num(size));
        let mut attrs: Vec<(&str, &str)> = vec![
            ("x", &x),
            ("y", &y),
            ("font-size", &size),
            ("text-anchor", anchor),
        ];
        attrs.extend_from_slice(extra);
        self.xml.element("text", &attrs, text)
    }

    /// Lines of text, one `tspan` each, the first baseline at `y`, `leading` apart.
    // the arguments of `text` plus the leading: a struct would only rename them
    #[allow(clippy::too_many_arguments)]
    pub fn lines(
        &mut self,
        x: f64,
        y: f64,
        size: f64,
        leading: f64,
        anchor: &str,
        lines: &[String],
        extra: &[(&str, &str)],
    ) -> Result<()> {
        let (xs, ys, sizes) = (num(x), num(y), num(size));
        let mut attrs: Vec<(&str, &str)> = vec![
            ("x", &xs),
            ("y", &ys),
            ("font-size", &sizes),
            ("text-anchor", anchor),
        ];
        attrs.extend_from_slice(extra);
        // the lines on one line of markup: indentation inside <text> would be drawn as spaces
        let mut inner = Xml::fragment();
        for (i, l) in lines.iter().enumerate() {
            let dy = if i == 0 { "0".to_owned() } else { num(leading) };
            inner.element("tspan", &[("x", &xs), ("dy", &dy)], l)?;
        }
        self.xml.with_markup("text", &attrs, inner)
    }

    /// A `<title>` inside the open group: the tooltip browsers show on hover.
    pub fn tooltip(&mut self, text: &str) -> Result<()> {
        self.xml.element("title", &[], text)
    }

    /// The finished document.
    pub fn finish(self) -> Result<String> {
        self.xml.finish()
    }
}
