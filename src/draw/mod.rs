//! What the pictures (`viz`) and the charts (`chart`) share: the XML writer, an SVG
//! document on top of it, text measurement for labels in Japanese and English, the CJK-capable
//! font stack, and the language of labels.

mod svg;
mod xml;

pub use svg::{Hatch, Svg};
pub use xml::{xml_safe, Xml, XSI_NS};

use unicode_width::UnicodeWidthChar;

/// Fonts that show Japanese, in order: Noto (Linux, Debian's fonts-noto-cjk), Source Han,
/// macOS, Windows, then any sans-serif.
pub const FONT_STACK: &str = "'Noto Sans CJK JP', 'Noto Sans JP', 'Source Han Sans JP', \
'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', Meiryo, sans-serif";

/// The language of the labels drawn or exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// Every language, for messages and `--lang`.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 tag (`ja`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The other language, the fallback for a missing label.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        }
    }

    /// What the language choice means, for `--help`.
    pub fn about(self) -> &'static str {
        match self {
            Lang::Ja => "Japanese labels (English where there is no Japanese one)",
            Lang::En => "English labels (Japanese where there is no English one)",
        }
    }

    /// `ja` or `en`; anything else is an error naming both.
    pub fn parse(s: &str) -> crate::Result<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag() == s)
            .ok_or_else(|| crate::Error::Choice {
                what: "language",
                value: s.to_owned(),
                choices: "ja, en".into(),
            })
    }

    /// `ja` or `en` text.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// The width of one character in em: wide (CJK, full-width) characters take a full em,
/// the rest an upper estimate of a proportional sans-serif's average.
fn char_em(c: char) -> f64 {
    match c.width() {
        Some(2) => 1.0,
        Some(0) | None => 0.0,
        _ if c == ' ' => 0.32,
        _ if c.is_ascii_uppercase() || c == 'm' || c == 'w' => 0.72,
        _ => 0.58,
    }
}

/// The estimated width of `s` in pixels at `font_size` (an upper estimate, so that text fits
/// the box drawn for it).
pub fn text_width(s: &str, font_size: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * font_size
}

/// Characters a line may not start with (Japanese line breaking, 行頭禁則): they stay at the
/// end of the line before, even past its width.
const NO_LINE_START: &str = "）」』】〕〉》］｝、。，．・：；？！ー…）)]}.,:;!?%％";

/// `s` broken into lines no wider than `max` pixels (a closing bracket or punctuation may hang
/// one character past it) at `font_size`: at spaces where it has
/// them, between any two characters of Japanese text, never inside a Latin word shorter
/// than the line. Newlines in `s` are kept as breaks.
pub fn wrap(s: &str, max: f64, font_size: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut width = 0.0;
        // tokens: a Latin word with its trailing spaces, or one wide character
        let mut tokens: Vec<String> = Vec::new();
        for c in para.chars() {
            let wide = c.width() == Some(2);
            match tokens.last_mut() {
                Some(t)
                    if !wide && !t.ends_with(' ') && !t.chars().any(|x| x.width() == Some(2)) =>
                {
                    t.push(c)
                }
                Some(t) if c == ' ' => t.push(c),
                _ => tokens.push(c.to_string()),
            }
        }
        for t in tokens {
            let w = text_width(&t, font_size);
            // closing brackets and punctuation never start a line: they hang past the width
            let hangs = t.chars().next().is_some_and(|c| NO_LINE_START.contains(c));
            if width + text_width(t.trim_end(), font_size) > max && !line.is_empty() && !hangs {
                lines.push(line.trim_end().to_owned());
                line.clear();
                width = 0.0;
            }
            if text_width(t.trim_end(), font_size) > max {
                // a word longer than a line: break it by characters
                for c in t.chars() {
                    let cw = char_em(c) * font_size;
                    if width + cw > max && !line.is_empty() {
                        lines.push(line.trim_end().to_owned());
                        line.clear();
                        width = 0.0;
                    }
                    line.push(c);
                    width += cw;
                }
            } else {
                line.push_str(&t);
                width += w;
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// A number for SVG and layout attributes: at most two decimals, no trailing zeros.
pub fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_is_wider_than_latin_and_wraps_between_characters() {
        assert_eq!(text_width("医薬品", 10.0), 30.0);
        assert!(text_width("abc", 10.0) < 20.0);
        let lines = wrap("医薬品プロジェクト", 45.0, 10.0);
        assert_eq!(lines, ["医薬品プ", "ロジェク", "ト"]);
        // a closing bracket hangs rather than start a line
        assert_eq!(wrap("事業（令和8年度）", 80.0, 10.0), ["事業（令和8年度）"]);
        assert_eq!(
            wrap("事業（令和8年度）", 75.0, 10.0),
            ["事業（令和8年", "度）"]
        );
        let lines = wrap("Drug Discovery Support", 100.0, 10.0);
        assert_eq!(lines, ["Drug Discovery", "Support"]);
        assert!(lines.iter().all(|l| text_width(l, 10.0) <= 100.0));
        assert_eq!(wrap("a\nb", 100.0, 10.0), ["a", "b"]);
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
    }
}
