//! Byte spans into the caller's original text.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into the caller's original text.
///
/// Spans are `Copy` (unlike [`Range`]) and always lie on `char` boundaries of
/// the text they were made from, so [`Span::slice`] never fails on that text.
/// `start <= end` always holds: [`Span::new`] and the `From` conversions
/// clamp a reversed pair, and deserializing one is an error. In JSON a span
/// is a two-element array `[start, end]`; its `Debug` form is `start..end`.
///
/// ```
/// use claimtrack::Span;
///
/// let text = "Minsk, Belarus";
/// let span = Span::new(7, 14);
/// assert_eq!(span.slice(text), "Belarus");
/// assert_eq!((span.start(), span.end()), (7, 14));
/// assert_eq!(span.len(), 7);
/// assert_eq!(span.range(), 7..14);
/// assert_eq!(format!("{span:?}"), "7..14");
///
/// let back: Span = serde_json::from_str("[7,14]").unwrap();
/// assert_eq!(back, span);
/// assert!(serde_json::from_str::<Span>("[14,7]").is_err());
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "SpanPair", into = "(usize, usize)")]
pub struct Span {
    /// Byte offset of the first byte.
    pub(crate) start: usize,
    /// Byte offset one past the last byte; never before `start`.
    pub(crate) end: usize,
}

/// A span as it is read: a `[start, end]` pair not yet checked for order.
#[derive(Deserialize)]
struct SpanPair(usize, usize);

impl TryFrom<SpanPair> for Span {
    type Error = String;

    fn try_from(SpanPair(start, end): SpanPair) -> Result<Span, String> {
        if start <= end {
            Ok(Span { start, end })
        } else {
            Err(format!("span [{start}, {end}] ends before it starts"))
        }
    }
}

impl fmt::Debug for Span {
    /// `start..end`, as a `Range` prints, on one line even under `{:#?}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Span {
    /// Makes a span; an `end` before `start` is clamped to `start`.
    ///
    /// ```
    /// use claimtrack::Span;
    ///
    /// assert_eq!(Span::new(3, 9).range(), 3..9);
    /// assert_eq!(Span::new(9, 3), Span::new(9, 9));
    /// ```
    pub const fn new(start: usize, end: usize) -> Span {
        let end = if end < start { start } else { end };
        Span { start, end }
    }

    /// Byte offset of the first byte.
    ///
    /// ```
    /// use claimtrack::Span;
    ///
    /// assert_eq!(Span::new(3, 9).start(), 3);
    /// ```
    pub const fn start(self) -> usize {
        self.start
    }

    /// Byte offset one past the last byte; never less than
    /// [`start`](Span::start).
    ///
    /// ```
    /// use claimtrack::Span;
    ///
    /// assert_eq!(Span::new(3, 9).end(), 9);
    /// ```
    pub const fn end(self) -> usize {
        self.end
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
        let empty: Span = serde_json::from_str("[4,4]").unwrap();
        assert!(empty.is_empty());
    }

    #[test]
    fn reversed_pair_does_not_deserialize() {
        let error = serde_json::from_str::<Span>("[9,3]").unwrap_err();
        assert!(
            error.to_string().contains("ends before it starts"),
            "{error}"
        );
        assert!(serde_json::from_str::<Span>("[1]").is_err());
    }

    #[test]
    fn debug_is_a_range_on_one_line() {
        assert_eq!(format!("{:?}", Span::new(97, 136)), "97..136");
        assert_eq!(format!("{:#?}", Span::new(97, 136)), "97..136");
    }
}
