//! Amounts: as written in the data files (decimal text in 億円) and as printed in the
//! documents' phrases (full-width digits, thousands separators).

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::input::records::AmountText;

/// The largest amount accepted, in 億円 (a hundred trillion yen times a thousand): far above
/// any budget, and small enough that amounts in yen never overflow.
pub const MAX_OKU: i64 = 1_000_000_000_000;

/// Parses an amount in 億円: a non-negative decimal written with ASCII digits and at most one
/// point (no sign, exponent, separator or underscore), at most `MAX_OKU`.
pub fn parse_amount(a: &AmountText) -> Option<Decimal> {
    let t = a.0.trim();
    let plain = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.matches('.').count() <= 1
        && !t.starts_with('.')
        && !t.ends_with('.');
    if !plain {
        return None;
    }
    let d = Decimal::from_str(t).ok()?;
    (d <= Decimal::from(MAX_OKU)).then_some(d)
}

/// The numbers printed in a phrase, read as the document prints them: full-width digits and
/// points, thousands separators (，or ,) removed.
pub fn printed_numbers(phrase: &str) -> Vec<Decimal> {
    let chars: Vec<char> = phrase
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            other => other,
        })
        .collect();
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<Decimal>| {
        if let Ok(d) = Decimal::from_str(current.trim_end_matches('.')) {
            out.push(d.normalize());
        }
        current.clear();
    };
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() || (c == '.' && !current.is_empty() && !current.contains('.')) {
            current.push(c);
            continue;
        }
        // a thousands separator: after digits (no point yet), followed by exactly three digits
        let thousands = c == ','
            && !current.is_empty()
            && !current.contains('.')
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(|c| c.is_ascii_digit()))
            && !chars.get(i + 4).is_some_and(|c| c.is_ascii_digit());
        if !thousands && !current.is_empty() {
            flush(&mut current, &mut out);
        }
    }
    if !current.is_empty() {
        flush(&mut current, &mut out);
    }
    out
}

/// Whether `amount` is one of the numbers printed in `phrase`.
pub fn printed_in(amount: Decimal, phrase: &str) -> bool {
    let amount = amount.normalize();
    printed_numbers(phrase).contains(&amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_non_negative_decimals() {
        assert_eq!(
            parse_amount(&AmountText("431".into())),
            Some(Decimal::from(431))
        );
        assert_eq!(
            parse_amount(&AmountText(" 0.5 ".into())),
            Decimal::from_str("0.5").ok()
        );
        assert_eq!(parse_amount(&AmountText("-1".into())), None);
        assert_eq!(parse_amount(&AmountText("４３１".into())), None);
        assert_eq!(parse_amount(&AmountText("1,489".into())), None);
        assert_eq!(parse_amount(&AmountText("1_0".into())), None);
        assert_eq!(parse_amount(&AmountText("1e3".into())), None);
        assert_eq!(
            parse_amount(&AmountText("100000000000000000000000".into())),
            None
        );
    }

    #[test]
    fn amounts_are_read_in_phrases_as_printed() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert!(printed_in(d("1489"), "１，４８９億円（内10,こ７,総6,"));
        assert!(printed_in(d("7"), "１，４８９億円（内10,こ７,総6,"));
        assert!(printed_in(d("0.4"), "概算要求額 0.4億円"));
        assert!(printed_in(d("5"), "概算要求額 ５億円"));
        assert!(printed_in(d("697"), "文697,厚579"));
        assert!(!printed_in(d("36"), "概算要求額35億円"));
        assert!(!printed_in(d("48"), "１，４８９億円"));
        assert_eq!(printed_numbers("0.4,5"), vec![d("0.4"), d("5")]);
        assert_eq!(printed_numbers("97.8,12.3"), vec![d("97.8"), d("12.3")]);
        assert_eq!(
            printed_numbers("697,579"),
            vec![d("697579")],
            "three digits after a comma read as thousands"
        );
        assert_eq!(printed_numbers("10,7,6"), vec![d("10"), d("7"), d("6")]);
        assert_eq!(printed_numbers("1,489.5億円"), vec![d("1489.5")]);
    }
}
