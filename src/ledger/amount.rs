//! Amounts: a claim's quantities reduced to numbers that two claims can
//! compare ("40 million euros" and "55 million euros" differ; "€40m" and
//! "40 million euros" do not).
//!
//! Money, percentages, counts and measures keep their number times its
//! magnitude ("1.32 billion" → 1,320,000,000); a date keeps its year.
//! Durations and dates without a year ("in May") say too little to compare
//! and are left out.

use serde::{Deserialize, Serialize};

use crate::claim::{Quantity, QuantityKind};

/// One quantity of a claim as a number.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Amount {
    /// What it measures.
    pub kind: QuantityKind,
    /// The number, magnitudes applied; a year for a date.
    pub value: f64,
}

/// Two values closer than this share of the larger are one amount
/// ("about 40 million" and "40.2 million").
const TOLERANCE: f64 = 0.01;

/// The amount of a quantity, when it has one to compare.
pub(crate) fn of(quantity: &Quantity) -> Option<Amount> {
    let value = match quantity.kind {
        QuantityKind::Duration => return None,
        QuantityKind::Date => year(&quantity.text)?,
        _ => number(&quantity.text)?,
    };
    Some(Amount {
        kind: quantity.kind,
        value,
    })
}

/// The first number in `text` with the magnitude word after it:
/// "NOK 46.9 billion" → 46.9e9, "97,500 cars" → 97,500, "€40m" → 40e6.
fn number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = text.get(start..)?;
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let digits = rest.get(..end)?.trim_end_matches(['.', ',']);
    // "97,500" groups thousands; "46,9" (one or two digits after the only
    // comma) is a decimal comma.
    let normal = match digits.rsplit_once(',') {
        Some((_, tail))
            if !digits.contains('.') && tail.len() < 3 && digits.matches(',').count() == 1 =>
        {
            digits.replace(',', ".")
        }
        _ => digits.replace(',', ""),
    };
    let value: f64 = normal.parse().ok()?;
    let after = rest
        .get(end..)
        .unwrap_or("")
        .trim_start_matches([' ', '-', '\u{a0}']);
    let word: String = after
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_lowercase();
    let magnitude = match word.as_str() {
        "thousand" | "k" => 1e3,
        "million" | "m" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => 1.0,
    };
    Some(value * magnitude)
}

/// A four-digit year in a date: "June 13, 2024" → 2024.
fn year(text: &str) -> Option<f64> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|part| part.len() == 4)
        .and_then(|part| part.parse::<u16>().ok())
        .map(f64::from)
}

/// Where two claims' amounts part: a kind both give, with no value of one
/// equal (within [`TOLERANCE`]) to a value of the other. Returns the first
/// such pair.
pub(crate) fn differ(earlier: &[Amount], later: &[Amount]) -> Option<(Amount, Amount)> {
    let same = |a: f64, b: f64| (a - b).abs() <= TOLERANCE * a.abs().max(b.abs());
    for first in earlier {
        let of_kind: Vec<&Amount> = later.iter().filter(|a| a.kind == first.kind).collect();
        let earlier_of_kind = earlier.iter().filter(|a| a.kind == first.kind);
        let Some(second) = of_kind.first() else {
            continue;
        };
        let any_equal = earlier_of_kind
            .clone()
            .any(|a| of_kind.iter().any(|b| same(a.value, b.value)));
        if !any_equal {
            return Some((*first, **second));
        }
    }
    None
}

/// An amount as written back in a relation's reason: "40000000",
/// "2024".
pub(crate) fn describe(amount: Amount) -> String {
    format!("{}", amount.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(text: &str, kind: QuantityKind) -> Option<f64> {
        of(&Quantity {
            text: text.to_string(),
            span: crate::span::Span::new(0, text.len()),
            kind,
        })
        .map(|a| a.value)
    }

    #[test]
    fn numbers_with_magnitudes_and_separators() {
        assert_eq!(amount("40 million euros", QuantityKind::Money), Some(40e6));
        assert_eq!(
            amount("NOK 46.9 billion", QuantityKind::Money),
            Some(46.9e9)
        );
        assert_eq!(amount("€40m", QuantityKind::Money), Some(40e6));
        assert_eq!(amount("97,500 cars", QuantityKind::Count), Some(97_500.0));
        assert_eq!(amount("3,2 percent", QuantityKind::Percent), Some(3.2));
        assert_eq!(amount("June 13, 2024", QuantityKind::Date), Some(2024.0));
        assert_eq!(amount("in May", QuantityKind::Date), None);
        assert_eq!(amount("three years", QuantityKind::Duration), None);
    }

    #[test]
    fn amounts_differ_only_where_both_give_one_kind() {
        let money = |value| Amount {
            kind: QuantityKind::Money,
            value,
        };
        let year = Amount {
            kind: QuantityKind::Date,
            value: 2025.0,
        };
        assert!(differ(&[money(40e6)], &[money(55e6)]).is_some());
        assert!(differ(&[money(40e6)], &[money(40.2e6)]).is_none());
        assert!(differ(&[money(40e6)], &[year]).is_none());
        assert!(differ(&[money(40e6), year], &[money(40e6)]).is_none());
    }
}
