//! Bytes in: strict and lossy UTF-8 decoding that keeps spans honest.
//!
//! Every span the crate hands out is a byte range into the text it was
//! given. Strict decoding borrows the caller's bytes, so spans are offsets
//! into those bytes. Lossy decoding has to replace bad bytes with U+FFFD,
//! which changes lengths; [`LossyText`] keeps the map back to the original
//! bytes.

use crate::error::Error;
use crate::span::Span;

/// Decodes `bytes` as UTF-8 without copying.
///
/// A leading byte-order mark stays in the text (spans count it) and is
/// treated as white space by the parser.
///
/// # Errors
///
/// [`Error::InvalidUtf8`] with the byte offset of the first bad sequence.
///
/// ```
/// use claimtrack::{input, Error};
///
/// assert_eq!(input::decode(b"Q: Why?").unwrap(), "Q: Why?");
/// assert_eq!(
///     input::decode(b"ok \xff bad").unwrap_err(),
///     Error::InvalidUtf8 { offset: 3 }
/// );
/// ```
pub fn decode(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|error| Error::InvalidUtf8 {
        offset: error.valid_up_to(),
    })
}

/// Text decoded with invalid bytes replaced by U+FFFD, and the map from its
/// offsets back to the original bytes.
///
/// ```
/// use claimtrack::{input::LossyText, Span};
///
/// let bytes = b"caf\xe9 Minsk";
/// let lossy = LossyText::decode(bytes);
/// assert_eq!(lossy.text(), "caf\u{FFFD} Minsk");
/// let minsk = lossy.text().find("Minsk").unwrap();
/// let span = Span::new(minsk, minsk + 5);
/// let original = lossy.original_span(span);
/// assert_eq!(&bytes[original.range()], b"Minsk");
/// assert!(lossy.had_errors());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LossyText {
    text: String,
    /// `(offset in text, offset in original)` at the end of every
    /// replacement, in increasing order; between two entries the offsets
    /// differ by a constant.
    anchors: Vec<(usize, usize)>,
}

impl LossyText {
    /// Decodes `bytes`, replacing each invalid sequence with U+FFFD.
    pub fn decode(bytes: &[u8]) -> LossyText {
        let mut text = String::with_capacity(bytes.len());
        let mut anchors = Vec::new();
        let mut original = 0;
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            original += chunk.valid().len();
            let invalid = chunk.invalid().len();
            if invalid > 0 {
                text.push(char::REPLACEMENT_CHARACTER);
                original += invalid;
                anchors.push((text.len(), original));
            }
        }
        LossyText { text, anchors }
    }

    /// The decoded text, to parse.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when any byte was replaced.
    pub fn had_errors(&self) -> bool {
        !self.anchors.is_empty()
    }

    /// Maps an offset in [`LossyText::text`] to the original bytes. An
    /// offset inside a replacement character maps to the end of the bad
    /// bytes it replaced.
    pub fn original_offset(&self, offset: usize) -> usize {
        let index = self
            .anchors
            .partition_point(|&(decoded, _)| decoded <= offset);
        match index.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(decoded, original)) => original + (offset - decoded),
            None => offset.min(self.text.len()),
        }
        .min(self.original_len())
    }

    /// Maps a span of [`LossyText::text`] to the original bytes.
    pub fn original_span(&self, span: Span) -> Span {
        Span::new(
            self.original_offset(span.start),
            self.original_offset(span.end),
        )
    }

    fn original_len(&self) -> usize {
        match self.anchors.last() {
            Some(&(decoded, original)) => original + (self.text.len() - decoded),
            None => self.text.len(),
        }
    }
}

/// Reads the file at `path` as UTF-8 text, to extract: [`decode`] of its
/// bytes, with any failure naming the file.
///
/// # Errors
///
/// [`Error::Read`] with the path when the file cannot be read, or when its
/// bytes are not text (the message then says what [`decode`] said, such as
/// the byte offset of the first invalid UTF-8 sequence).
///
/// ```
/// use claimtrack::{input, Error};
///
/// let text = input::read_file("seeds/minsk-analyst-interview.txt")?;
/// assert!(text.contains("Lukashenka"));
///
/// let missing = input::read_file("no/such/interview.txt").unwrap_err();
/// assert!(matches!(&missing, Error::Read { path, .. } if path == "no/such/interview.txt"));
/// assert!(missing.to_string().starts_with("cannot read no/such/interview.txt: "));
/// # Ok::<(), Error>(())
/// ```
pub fn read_file(path: impl AsRef<std::path::Path>) -> Result<String, Error> {
    let path = path.as_ref();
    let failed = |message: String| Error::Read {
        path: path.display().to_string(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|error| failed(error.to_string()))?;
    decode(&bytes)
        .map(str::to_string)
        .map_err(|error| failed(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_decoding_names_the_offset() {
        assert_eq!(decode(b"\xef\xbb\xbfok").unwrap(), "\u{feff}ok");
        assert_eq!(
            decode(b"abc\xc3").unwrap_err(),
            Error::InvalidUtf8 { offset: 3 }
        );
        assert_eq!(
            decode(b"\x80").unwrap_err(),
            Error::InvalidUtf8 { offset: 0 }
        );
    }

    #[test]
    fn lossy_spans_map_back_to_original_bytes() {
        let bytes = b"\xffA \xe2\x82 B\xc3\xa9 \xf0\x90 C";
        let lossy = LossyText::decode(bytes);
        for word in ["A", "B\u{e9}", "C"] {
            let start = lossy.text().find(word).unwrap();
            let span = lossy.original_span(Span::new(start, start + word.len()));
            assert_eq!(&bytes[span.range()], word.as_bytes(), "{word}");
        }
        assert_eq!(lossy.original_offset(lossy.text().len()), bytes.len());
        assert_eq!(lossy.original_offset(10_000), bytes.len());
    }

    #[test]
    fn valid_input_maps_to_itself() {
        let lossy = LossyText::decode("Minsk – Moscow".as_bytes());
        assert!(!lossy.had_errors());
        assert_eq!(lossy.original_span(Span::new(2, 9)), Span::new(2, 9));
    }
}
