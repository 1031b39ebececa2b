//! Spans in the units other languages count in.
//!
//! A [`Span`] counts UTF-8 bytes. JavaScript strings (and the DOM, and
//! Java) count UTF-16 code units; Python strings and the W3C Web
//! Annotation model count Unicode code points (Rust `char`s). [`Offsets`]
//! indexes a text once and converts byte offsets to either, each lookup a
//! binary search over the text's runs of non-ASCII characters.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// A range `[start, end)` of Unicode scalar values (code points, Rust
/// `char`s): what Python's `str` indexes and the W3C
/// `TextPositionSelector` counts. In JSON, `[start, end]`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
#[non_exhaustive]
pub struct CharSpan {
    /// Characters before the span.
    pub start: usize,
    /// Characters before the span's end.
    pub end: usize,
}

/// A range `[start, end)` of UTF-16 code units: what JavaScript's
/// `String.prototype.slice` and the DOM's `Range` offsets count. A
/// character outside the Basic Multilingual Plane (most emoji) is two
/// units. In JSON, `[start, end]`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
#[non_exhaustive]
pub struct Utf16Span {
    /// Code units before the span.
    pub start: usize,
    /// Code units before the span's end.
    pub end: usize,
}

macro_rules! pair_conversions {
    ($span:ident) => {
        impl From<(usize, usize)> for $span {
            fn from((start, end): (usize, usize)) -> $span {
                $span {
                    start,
                    end: end.max(start),
                }
            }
        }

        impl From<$span> for (usize, usize) {
            fn from(span: $span) -> (usize, usize) {
                (span.start, span.end)
            }
        }
    };
}

pair_conversions!(CharSpan);
pair_conversions!(Utf16Span);

/// One span in all three units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpanUnits {
    /// UTF-8 bytes, the crate's canonical unit.
    pub bytes: Span,
    /// Unicode scalar values.
    pub chars: CharSpan,
    /// UTF-16 code units.
    pub utf16: Utf16Span,
}

/// A run of consecutive non-ASCII characters of one UTF-8 length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    /// Byte offset of the run's first character.
    byte: usize,
    /// Characters before the run.
    chars: usize,
    /// UTF-16 code units before the run.
    utf16: usize,
    /// UTF-8 bytes of each character (2, 3 or 4).
    width: usize,
    /// Characters in the run.
    len: usize,
}

impl Run {
    /// Byte offset one past the run.
    fn byte_end(&self) -> usize {
        self.byte + self.width * self.len
    }

    /// UTF-16 code units of each character: two for the 4-byte characters
    /// outside the Basic Multilingual Plane, else one.
    fn units(&self) -> usize {
        if self.width == 4 { 2 } else { 1 }
    }
}

/// Converts byte offsets of one text to character and UTF-16 offsets.
///
/// Build it once per document: it keeps one entry per run of non-ASCII
/// characters of equal UTF-8 length (a word of Cyrillic, a stretch of CJK,
/// a curly quote), so an ASCII text costs nothing and memory is linear in
/// the text at worst. Each conversion is a binary search over those runs.
/// An offset that is past the end or inside a character converts to
/// `None`.
///
/// ```
/// use claimtrack::Span;
/// use claimtrack::export::Offsets;
///
/// let text = "Łukasz 👋 said “yes”";
/// let offsets = Offsets::new(text);
/// let span = Span::new(text.find("said").unwrap(), text.len());
/// assert_eq!(&text[span.range()], "said “yes”");
/// let chars = offsets.chars(span).unwrap();
/// assert_eq!((chars.start, chars.end), (9, 19));
/// let utf16 = offsets.utf16(span).unwrap();
/// assert_eq!((utf16.start, utf16.end), (10, 20));
/// assert_eq!(offsets.char_offset(1), None); // inside "Ł"
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offsets {
    runs: Vec<Run>,
    len: usize,
}

impl Offsets {
    /// Indexes `text` in one pass.
    pub fn new(text: &str) -> Offsets {
        let mut runs: Vec<Run> = Vec::new();
        let (mut chars, mut utf16) = (0, 0);
        for (byte, c) in text.char_indices() {
            let width = c.len_utf8();
            if width > 1 {
                match runs.last_mut() {
                    Some(run) if run.width == width && run.byte_end() == byte => run.len += 1,
                    _ => runs.push(Run {
                        byte,
                        chars,
                        utf16,
                        width,
                        len: 1,
                    }),
                }
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
        Offsets {
            runs,
            len: text.len(),
        }
    }

    /// Characters and UTF-16 code units before byte offset `byte`, or
    /// `None` when it is past the end or inside a character.
    fn position(&self, byte: usize) -> Option<(usize, usize)> {
        if byte > self.len {
            return None;
        }
        let before = self.runs.partition_point(|run| run.byte <= byte);
        let Some(run) = before.checked_sub(1).and_then(|i| self.runs.get(i)) else {
            // Only ASCII before it: one byte, one char, one unit each.
            return Some((byte, byte));
        };
        let into = byte - run.byte;
        if byte < run.byte_end() {
            // Inside the run: on a boundary only at a multiple of the width.
            return into.is_multiple_of(run.width).then(|| {
                let k = into / run.width;
                (run.chars + k, run.utf16 + k * run.units())
            });
        }
        // After the run, only ASCII up to `byte`.
        let ascii = byte - run.byte_end();
        Some((
            run.chars + run.len + ascii,
            run.utf16 + run.len * run.units() + ascii,
        ))
    }

    /// The character offset of byte offset `byte`: `text[..byte].chars().count()`.
    pub fn char_offset(&self, byte: usize) -> Option<usize> {
        self.position(byte).map(|(chars, _)| chars)
    }

    /// The UTF-16 offset of byte offset `byte`:
    /// `text[..byte].encode_utf16().count()`.
    pub fn utf16_offset(&self, byte: usize) -> Option<usize> {
        self.position(byte).map(|(_, units)| units)
    }

    /// `span` in characters, or `None` when it does not fit the text.
    pub fn chars(&self, span: Span) -> Option<CharSpan> {
        self.units(span).map(|units| units.chars)
    }

    /// `span` in UTF-16 code units, or `None` when it does not fit the
    /// text.
    pub fn utf16(&self, span: Span) -> Option<Utf16Span> {
        self.units(span).map(|units| units.utf16)
    }

    /// `span` in bytes, characters and UTF-16 code units, or `None` when it
    /// does not fit the text.
    pub fn units(&self, span: Span) -> Option<SpanUnits> {
        let (char_start, utf16_start) = self.position(span.start)?;
        let (char_end, utf16_end) = self.position(span.end)?;
        Some(SpanUnits {
            bytes: span,
            chars: CharSpan {
                start: char_start,
                end: char_end,
            },
            utf16: Utf16Span {
                start: utf16_start,
                end: utf16_end,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte offset of `text` against the naive counts.
    fn check_all(text: &str) {
        let offsets = Offsets::new(text);
        for byte in 0..=text.len() + 2 {
            let expected = text
                .get(..byte)
                .map(|before| (before.chars().count(), before.encode_utf16().count()));
            assert_eq!(offsets.position(byte), expected, "{text:?} at byte {byte}");
        }
    }

    #[test]
    fn every_offset_agrees_with_counting() {
        for text in [
            "",
            "plain ASCII",
            "é",
            "Łukasz Żółć",
            "“quoted”",
            "日本語のテキスト",
            "👋🏽 emoji 🇧🇾 flags",
            "mixed: aé日👋 end",
            "ééé日日👋👋x",
            "\u{feff}BOM first",
            "𝕏",
        ] {
            check_all(text);
        }
    }

    #[test]
    fn runs_merge_characters_of_one_width() {
        let offsets = Offsets::new("ab Лукашенко cd 日本 👋👋");
        let widths: Vec<(usize, usize)> = offsets.runs.iter().map(|r| (r.width, r.len)).collect();
        assert_eq!(widths, [(2, 9), (3, 2), (4, 2)]);
    }

    #[test]
    fn spans_convert_or_refuse() {
        let text = "Ж👋x";
        let offsets = Offsets::new(text);
        let all = offsets.units(Span::new(0, text.len())).unwrap();
        assert_eq!(all.chars, CharSpan { start: 0, end: 3 });
        assert_eq!(all.utf16, Utf16Span { start: 0, end: 4 });
        assert_eq!(
            offsets.chars(Span::new(2, 6)),
            Some(CharSpan { start: 1, end: 2 })
        );
        assert_eq!(
            offsets.utf16(Span::new(2, 6)),
            Some(Utf16Span { start: 1, end: 3 })
        );
        assert_eq!(offsets.chars(Span::new(0, 3)), None);
        assert_eq!(offsets.utf16(Span::new(0, 99)), None);
    }

    #[test]
    fn serializes_as_pairs() {
        let json = serde_json::to_string(&CharSpan { start: 2, end: 5 }).unwrap();
        assert_eq!(json, "[2,5]");
        let back: Utf16Span = serde_json::from_str("[4,1]").unwrap();
        assert_eq!(back, Utf16Span { start: 4, end: 4 });
    }
}
