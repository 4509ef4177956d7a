//! Finds each quoted phrase on its page of the source text. Quotes are compared with all
//! white space removed (the PDF extraction breaks lines inside phrases), nothing else.

use crate::input::records::PageRec;

/// Removes every white-space character (including the ideographic space U+3000).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The pages of one source text, each squeezed for phrase search.
#[derive(Debug, Clone)]
pub struct PageIndex {
    pages: Vec<(String, String)>,
}

/// Why a quote was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteError {
    Empty,
    UnknownPage { valid: Vec<String> },
    NotOnPage { found_on: Vec<String> },
}

impl std::fmt::Display for QuoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QuoteError::Empty => write!(f, "the quote is empty"),
            QuoteError::UnknownPage { valid } => {
                write!(f, "unknown page: expected one of {}", valid.join(", "))
            }
            QuoteError::NotOnPage { found_on } if found_on.is_empty() => {
                write!(f, "the phrase does not occur in the source text")
            }
            QuoteError::NotOnPage { found_on } => {
                write!(
                    f,
                    "the phrase does not occur on that page (it occurs on page {})",
                    found_on.join(", ")
                )
            }
        }
    }
}

impl PageIndex {
    /// Splits `text` into the pages of the page map (1-based inclusive line ranges).
    pub fn new(text: &str, pages: &[PageRec]) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let pages = pages
            .iter()
            .map(|p| {
                let from = p.first_line.saturating_sub(1).min(lines.len());
                let to = p.last_line.min(lines.len()).max(from);
                let body = lines
                    .get(from..to)
                    .map(|ls| ls.concat())
                    .unwrap_or_default();
                (p.label.clone(), squeeze(&body))
            })
            .collect();
        PageIndex { pages }
    }

    pub fn has_page(&self, label: &str) -> bool {
        self.pages.iter().any(|(l, _)| l == label)
    }

    pub fn labels(&self) -> Vec<String> {
        self.pages.iter().map(|(l, _)| l.clone()).collect()
    }

    /// Checks that `quote` occurs on page `label`.
    pub fn check(&self, label: &str, quote: &str) -> Result<(), QuoteError> {
        let q = squeeze(quote);
        if q.is_empty() {
            return Err(QuoteError::Empty);
        }
        let Some((_, body)) = self.pages.iter().find(|(l, _)| l == label) else {
            return Err(QuoteError::UnknownPage {
                valid: self.labels(),
            });
        };
        if body.contains(&q) {
            return Ok(());
        }
        let found_on = self
            .pages
            .iter()
            .filter(|(_, b)| b.contains(&q))
            .map(|(l, _)| l.clone())
            .collect();
        Err(QuoteError::NotOnPage { found_on })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(label: &str, first: usize, last: usize) -> PageRec {
        PageRec {
            label: label.into(),
            first_line: first,
            last_line: last,
            note: String::new(),
        }
    }

    #[test]
    fn quotes_match_across_line_breaks_on_their_page_only() {
        let text = "● 創薬基盤\n推進研究事業\n1\n概算要求額 29億円\n2\n";
        let idx = PageIndex::new(text, &[page("1", 1, 3), page("2", 4, 5)]);
        assert_eq!(idx.check("1", "●創薬基盤推進研究事業"), Ok(()));
        assert_eq!(idx.check("2", "概算要求額　29億円"), Ok(()));
        assert_eq!(
            idx.check("2", "創薬基盤"),
            Err(QuoteError::NotOnPage {
                found_on: vec!["1".into()]
            })
        );
        assert_eq!(
            idx.check("1", "創薬基盤推進研究費"),
            Err(QuoteError::NotOnPage { found_on: vec![] })
        );
        assert!(matches!(
            idx.check("9", "x"),
            Err(QuoteError::UnknownPage { .. })
        ));
        assert_eq!(idx.check("1", "  "), Err(QuoteError::Empty));
    }
}
