//! Byte spans into the caller's original text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into the caller's original text.
///
/// Spans are `Copy` (unlike [`Range`]) and always lie on `char` boundaries of
/// the text they were made from, so [`Span::slice`] never fails on that text.
/// In JSON a span is a two-element array `[start, end]`.
///
/// ```
/// use claimtrack::Span;
///
/// let text = "Minsk, Belarus";
/// let span = Span::new(7, 14);
/// assert_eq!(span.slice(text), "Belarus");
/// assert_eq!(span.len(), 7);
/// assert_eq!(span.range(), 7..14);
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Makes a span; an `end` before `start` is clamped to `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text the span names, or `""` when the span does not fit `text`
    /// (out of bounds or off a char boundary), so slicing never panics.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Span {
        Span::new(start, end)
    }
}

impl From<Span> for (usize, usize) {
    fn from(span: Span) -> (usize, usize) {
        (span.start, span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_off_boundary_is_empty_not_a_panic() {
        let text = "Лукашенко";
        assert_eq!(Span::new(0, 1).slice(text), "");
        assert_eq!(Span::new(0, 100).slice(text), "");
        assert_eq!(Span::new(0, 2).slice(text), "Л");
    }

    #[test]
    fn new_clamps_reversed_ranges() {
        assert_eq!(Span::new(5, 3), Span::new(5, 5));
        assert!(Span::new(5, 3).is_empty());
    }

    #[test]
    fn serializes_as_a_pair() {
        let json = serde_json::to_string(&Span::new(3, 9)).unwrap();
        assert_eq!(json, "[3,9]");
        let back: Span = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Span::new(3, 9));
    }
}
