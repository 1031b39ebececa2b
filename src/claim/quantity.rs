//! Quantities: numbers, money, percentages, measures, durations and dates
//! inside a claim, found by one regular expression built once from
//! `quantities.txt`.

use once_cell::sync::Lazy;
use regex::{Regex, RegexSet};
use serde::{Deserialize, Serialize};

use crate::lexicon::QUANTITIES;
use crate::segment::words::Vocabulary;
use crate::span::Span;

/// What a quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuantityKind {
    /// An amount of money: "$325 million", "NOK 48.3 billion".
    Money,
    /// A percentage or percentage points: "3.2 percent", "14%".
    Percent,
    /// A length of time or a time relative to now: "three years", "a year
    /// ago".
    Duration,
    /// A date, month or year: "June 13, 2024", "March", "2026".
    Date,
    /// A measure with a unit: "1,800 metres", "0.8 °C".
    Measure,
    /// A count of things: "28 integration programs", "97,500 cars".
    Count,
}

crate::label::labels! {
    QuantityKind in "claim" {
        Money => "money",
        Percent => "percent",
        Duration => "duration",
        Date => "date",
        Measure => "measure",
        Count => "count",
    }
}

/// A quantity in a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quantity {
    /// The quantity as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// What it measures.
    pub kind: QuantityKind,
}

fn alternation(section: &str) -> String {
    let mut words: Vec<String> = QUANTITIES
        .entries()
        .filter(|entry| entry.section == section)
        .map(|entry| regex::escape(entry.text.split(" | ").next().unwrap_or("").trim()))
        .filter(|word| !word.is_empty())
        .collect();
    // Longer alternatives first, so "per cent" wins over "per".
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words.join("|")
}

/// The kinds of quantity and the pattern of each, in the order they are
/// tried: the first that matches at a place decides the kind.
static ALTERNATIVES: Lazy<Vec<(QuantityKind, String)>> = Lazy::new(|| {
    let number_word = alternation("number_word");
    let magnitude = alternation("magnitude");
    let unit = alternation("unit");
    let time_unit = alternation("time_unit");
    let symbol = alternation("currency_symbol");
    let code = alternation("currency_code");
    let currency = alternation("currency_name");
    let month = alternation("month");
    let approx = format!(
        r"(?i:(?:{})\s+)?",
        alternation("approximator").replace(' ', r"\s+")
    );
    let digits = r"\d+(?:[.,:]\d+)*";
    let number = format!(
        r"(?:{digits}(?:(?i:[-\s](?:{magnitude})(?-u:\b)|(?:{magnitude})(?-u:\b)))?|(?i:(?-u:\b)(?:{number_word})(?:[-\s](?:{number_word}))*(?-u:\b)))"
    );
    vec![
        // Money.
        (
            QuantityKind::Money,
            format!(
                r"{approx}(?:(?:{symbol})\s?{number}|(?-u:\b)(?:{code})\s?{number}|{number}\s(?i:(?:{currency})(?-u:\b)|(?:{code})(?-u:\b)))"
            ),
        ),
        // Percentages.
        (
            QuantityKind::Percent,
            format!(
                r"{approx}{number}(?:\s?%|\s(?i:percent|per cent|percentage points?|basis points)(?-u:\b))"
            ),
        ),
        // Durations and times relative to now.
        (
            QuantityKind::Duration,
            format!(
                r"(?:(?i:(?-u:\b)(?:a|an|the past|the next|the last|the coming)\s+)(?:{number}\s)?|{approx}{number}\s)(?i:(?:{time_unit})(?-u:\b))(?i:\s+ago(?-u:\b)|\s+later(?-u:\b))?"
            ),
        ),
        // Dates: "June 13, 2024", "Sept. 15", "March", "2026", "the 1990s".
        (
            QuantityKind::Date,
            format!(
                r"(?-u:\b)(?:{month})(?:\s\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s(?:1[5-9]|20)\d\d)?(?-u:\b)|(?:the\s)?(?-u:\b)(?:1[5-9]|20)\d\d(?:s|–\d{{4}}|-\d{{4}})?(?-u:\b)"
            ),
        ),
        // Measures and counts.
        (
            QuantityKind::Measure,
            format!(r"{approx}{number}\s?(?:{unit})(?:(?-u:\b)|$)"),
        ),
        (QuantityKind::Count, format!(r"{approx}{number}")),
    ]
});

/// Every kind of quantity in one pattern, for the fast search.
#[allow(clippy::expect_used)] // built-in data, checked by unit tests: no input reaches it
static QUANTITY: Lazy<Regex> = Lazy::new(|| {
    let pattern: Vec<String> = ALTERNATIVES
        .iter()
        .map(|(_, pattern)| format!("(?:{pattern})"))
        .collect();
    // The pattern is built from the built-in lexicon; a unit test compiles it.
    Regex::new(&pattern.join("|")).expect("quantity pattern compiles")
});

/// Each kind's pattern anchored at the start, to tell a match's kind: the
/// first kind that matches at its start is the alternative the search
/// took, as it prefers earlier alternatives. A set runs on the fast
/// automaton, where captures would need the backtracker.
#[allow(clippy::expect_used)] // built-in data, checked by unit tests: no input reaches it
static KINDS: Lazy<RegexSet> = Lazy::new(|| {
    RegexSet::new(
        ALTERNATIVES
            .iter()
            .map(|(_, pattern)| format!("^(?:{pattern})")),
    )
    .expect("quantity kinds compile")
});

/// The quantities in `span` of `text`.
pub(crate) fn find(text: &str, span: Span) -> Vec<Quantity> {
    let Some(slice) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Finding matches and telling their kind both run on the regex's fast
    // automata.
    for whole in QUANTITY.find_iter(slice) {
        let kind = KINDS
            .matches(whole.as_str())
            .iter()
            .next()
            .and_then(|index| ALTERNATIVES.get(index))
            .map_or(QuantityKind::Count, |(kind, _)| *kind);
        let mut end = whole.end();
        if kind == QuantityKind::Count {
            // "a" or "one" alone is no quantity; a word-only count must be
            // a real number word ("three", "dozens").
            if !whole.as_str().chars().any(|c| c.is_ascii_digit())
                && whole.as_str().split_whitespace().count() == 1
            {
                let word = whole.as_str().to_ascii_lowercase();
                if matches!(
                    word.as_str(),
                    "one" | "half" | "quarter" | "third" | "second" | "first"
                ) {
                    continue;
                }
            }
            end = counted_noun_end(slice, end);
        }
        let (start, end) = (span.start + whole.start(), span.start + end);
        out.push(Quantity {
            text: text.get(start..end).unwrap_or("").to_string(),
            span: Span::new(start, end),
            kind,
        });
    }
    out
}

/// A count takes up to two following words that name what is counted
/// ("28 integration programs", "97,500 cars"), stopping at function words.
fn counted_noun_end(slice: &str, mut end: usize) -> usize {
    let vocabulary = Vocabulary::get();
    for _ in 0..2 {
        let rest = slice.get(end..).unwrap_or("");
        let Some(word) = rest.strip_prefix(' ') else {
            break;
        };
        let length = word
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(word.len());
        let candidate = word.get(..length).unwrap_or("");
        let function_word = vocabulary
            .lookup(candidate)
            .is_some_and(|info| info.classes != 0);
        if candidate.is_empty()
            || function_word
            || !candidate.chars().all(|c| c.is_lowercase() || c == '-')
        {
            break;
        }
        end += 1 + length;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantities(text: &str) -> Vec<(String, QuantityKind)> {
        find(text, Span::new(0, text.len()))
            .into_iter()
            .map(|q| (q.text, q.kind))
            .collect()
    }

    #[test]
    fn finds_money_percent_durations_dates_counts() {
        use QuantityKind::*;
        let got = quantities(
            "The deal approves 28 integration programs, signed a year ago, worth $4.2 billion.",
        );
        assert_eq!(
            got,
            [
                ("28 integration programs".to_string(), Count),
                ("a year ago".to_string(), Duration),
                ("$4.2 billion".to_string(), Money)
            ]
        );
        let got =
            quantities("Revenue rose 14% to NOK 48.3 billion in 2023, fixed for three years.");
        assert!(got.contains(&("14%".into(), Percent)), "{got:?}");
        assert!(got.contains(&("NOK 48.3 billion".into(), Money)), "{got:?}");
        assert!(got.contains(&("2023".into(), Date)), "{got:?}");
        assert!(got.contains(&("three years".into(), Duration)), "{got:?}");
        let got = quantities(
            "Inflation was 3.2 percent in October; the fee is €35m, about 1,800 metres.",
        );
        assert!(got.contains(&("3.2 percent".into(), Percent)), "{got:?}");
        assert!(got.contains(&("October".into(), Date)), "{got:?}");
        assert!(got.contains(&("€35m".into(), Money)), "{got:?}");
        assert!(
            got.contains(&("about 1,800 metres".into(), Measure)),
            "{got:?}"
        );
        assert!(quantities("One of them said no.").is_empty());
    }
}
