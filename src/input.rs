//! Bytes in: strict and lossy UTF-8 decoding that keeps spans honest, and
//! a refusal of bytes that are not text at all.
//!
//! Every span the crate hands out is a byte range into the text it was
//! given. Strict decoding borrows the caller's bytes, so spans are offsets
//! into those bytes. Lossy decoding has to replace bad bytes with U+FFFD,
//! which changes lengths; [`LossyText`] keeps the map back to the original
//! bytes.
//!
//! Before decoding, both look at the start of the bytes ([`check`]): a
//! known file signature (a PDF, an executable, an archive, an image, a
//! database) or NUL and control bytes mean the input is not text, and
//! reading it as an interview would only make up claims from noise
//! ([`Error::NotText`]). UTF-16 and UTF-32 are refused with the encoding
//! named ([`Error::UnsupportedEncoding`]) rather than decoded: a span is a
//! byte range into the caller's own bytes, and the offsets of a UTF-8
//! decoding differ from UTF-16 offsets by a different amount after every
//! non-ASCII character, so decoding would need a map entry per character
//! (or spans that do not point into the caller's bytes). Converting the
//! file to UTF-8 first keeps every span exact. A UTF-8 byte-order mark is
//! text: it stays in the text and spans count it.

use crate::error::{Cause, Error};
use crate::span::Span;

/// Decodes `bytes` as UTF-8 without copying, after [`check`] has found
/// them to be text.
///
/// A leading byte-order mark stays in the text (spans count it) and is
/// treated as white space by the parser.
///
/// # Errors
///
/// [`Error::NotText`] or [`Error::UnsupportedEncoding`] from [`check`];
/// [`Error::InvalidUtf8`] with the byte offset of the first bad sequence.
///
/// ```
/// use claimtrack::{input, Error};
///
/// assert_eq!(input::decode(b"Q: Why?").unwrap(), "Q: Why?");
/// assert_eq!(input::decode(b"\xef\xbb\xbfQ: Why?").unwrap(), "\u{feff}Q: Why?");
/// assert_eq!(
///     input::decode(b"ok \xff bad").unwrap_err(),
///     Error::InvalidUtf8 { offset: 3 }
/// );
/// assert!(matches!(input::decode(&[0; 1000]), Err(Error::NotText { offset: 0, .. })));
/// ```
pub fn decode(bytes: &[u8]) -> Result<&str, Error> {
    check(bytes)?;
    std::str::from_utf8(bytes).map_err(|error| Error::InvalidUtf8 {
        offset: error.valid_up_to(),
    })
}

/// How many bytes from the start [`check`] looks at: enough to see a
/// binary file for what it is, little enough to cost nothing next to
/// parsing.
pub const SNIFF_BYTES: usize = 8192;

/// Refuses bytes that are not text: UTF-16 or UTF-32 (by byte-order mark,
/// or by a NUL beside nearly every ASCII byte), a known file signature at
/// the start, or binary content in the first [`SNIFF_BYTES`] bytes. Real
/// text, in any language and with any line endings, passes.
///
/// Binary content is NUL bytes making up at least 1/64 of the bytes looked
/// at, or NUL and other control bytes (not tab, line feed, vertical tab,
/// form feed, carriage return or escape) making up at least 1/16 of them.
/// Text has none of either (a stray one in a scraped page is far below
/// both shares); executables, images, compressed and encrypted data have
/// NULs or about a tenth of their bytes in that control range.
///
/// # Errors
///
/// [`Error::UnsupportedEncoding`] naming the encoding, or
/// [`Error::NotText`] saying what was seen and where.
///
/// ```
/// use claimtrack::{input, Error};
///
/// assert!(input::check("Q: Why?\n\nA: Because.".as_bytes()).is_ok());
/// let pdf = input::check(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>").unwrap_err();
/// assert_eq!(pdf.to_string(), "the input is not text: a PDF file (starts with %PDF-), at byte offset 0");
/// let nuls = input::check(&[0; 1000]).unwrap_err();
/// assert_eq!(
///     nuls,
///     Error::NotText { what: "binary content: 1000 NUL bytes in the first 1000".into(), offset: 0 }
/// );
/// let utf16 = input::check(b"\xff\xfeQ\0:\0 \0W\0h\0y\0?\0").unwrap_err();
/// assert!(matches!(utf16, Error::UnsupportedEncoding { ref encoding, .. } if encoding == "UTF-16LE"));
/// ```
pub fn check(bytes: &[u8]) -> Result<(), Error> {
    if let Some((encoding, mark)) = byte_order_mark(bytes) {
        return Err(Error::UnsupportedEncoding {
            encoding: encoding.to_string(),
            seen: format!("byte-order mark {}", hex(mark)),
        });
    }
    if let Some(signature) = signature(bytes) {
        return Err(Error::NotText {
            what: signature,
            offset: 0,
        });
    }
    let prefix = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    utf16_without_mark(prefix)?;
    binary_content(prefix, true)
}

/// The NUL rules of [`check`] for text that is already a `&str`: UTF-16
/// read as if it were UTF-8 (a NUL beside nearly every ASCII byte), or NUL
/// bytes making up at least 1/64 of the first [`SNIFF_BYTES`] bytes.
/// Control characters alone do not refuse a `&str`: the caller decoded it
/// as text already.
pub(crate) fn check_str(text: &str) -> Result<(), Error> {
    let bytes = text.as_bytes();
    let prefix = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    if !prefix.contains(&0) {
        return Ok(());
    }
    utf16_without_mark(prefix)?;
    binary_content(prefix, false)
}

/// The UTF-16 and UTF-32 byte-order marks. UTF-32LE's mark begins with
/// UTF-16LE's, so it is looked for first.
fn byte_order_mark(bytes: &[u8]) -> Option<(&'static str, &'static [u8])> {
    const MARKS: [(&str, &[u8]); 4] = [
        ("UTF-32LE", b"\xff\xfe\x00\x00"),
        ("UTF-32BE", b"\x00\x00\xfe\xff"),
        ("UTF-16LE", b"\xff\xfe"),
        ("UTF-16BE", b"\xfe\xff"),
    ];
    MARKS.into_iter().find(|(_, mark)| bytes.starts_with(mark))
}

/// Bytes as `7F 45 4C 46`.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A known file signature at the start: what the file is, and how it
/// starts. Signatures that read like words (`MZ`, `BZh`, `RIFF`) count
/// only with the binary bytes that follow them in real files, so no text
/// that happens to start with those letters is refused.
fn signature(bytes: &[u8]) -> Option<String> {
    /// `(signature, what it is)`; shown as text when it is printable ASCII,
    /// else in hex.
    const SIGNATURES: [(&[u8], &str); 26] = [
        (b"%PDF-", "a PDF file"),
        (b"\x7fELF", "an ELF executable or library"),
        (b"\xfe\xed\xfa\xce", "a Mach-O executable"),
        (b"\xfe\xed\xfa\xcf", "a Mach-O executable"),
        (b"\xce\xfa\xed\xfe", "a Mach-O executable"),
        (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
        (
            b"\xca\xfe\xba\xbe",
            "a Mach-O universal binary or Java class file",
        ),
        (
            b"PK\x03\x04",
            "a ZIP archive (or .docx, .xlsx, .odt, .epub, .jar)",
        ),
        (b"PK\x05\x06", "an empty ZIP archive"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an OLE2 file (.doc, .xls, .ppt, .msg)",
        ),
        (b"\x1f\x8b", "a gzip file"),
        (b"\xfd7zXZ\x00", "an xz file"),
        (b"\x28\xb5\x2f\xfd", "a zstd file"),
        (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"\x00asm", "a WebAssembly module"),
        (b"OggS\x00", "an Ogg media file"),
        (b"fLaC\x00", "a FLAC audio file"),
        (b"\x1aE\xdf\xa3", "a Matroska or WebM video"),
    ];
    let shown = |magic: &[u8]| {
        let printable = magic.iter().all(|b| b.is_ascii_graphic() || *b == b' ');
        if printable {
            String::from_utf8_lossy(magic).into_owned()
        } else if let Some(text) = magic
            .strip_suffix(b"\x00")
            .filter(|m| m.iter().all(|b| b.is_ascii_graphic() || *b == b' '))
        {
            format!("{} and a NUL byte", String::from_utf8_lossy(text))
        } else {
            hex(magic)
        }
    };
    if let Some((magic, what)) = SIGNATURES
        .into_iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(format!("{what} (starts with {})", shown(magic)));
    }
    let head = bytes.get(..64).unwrap_or(bytes);
    let binary_follows = |from: usize| {
        head.get(from..)
            .is_some_and(|rest| rest.iter().any(|&b| b == 0 || is_binary_control(b)))
    };
    if bytes.starts_with(b"MZ") && binary_follows(2) {
        return Some("a Windows executable (starts with MZ and binary bytes)".to_string());
    }
    if bytes.starts_with(b"BZh") && bytes.get(4..10) == Some(b"1AY&SY") {
        return Some("a bzip2 file (starts with BZh)".to_string());
    }
    if bytes.starts_with(b"RIFF") {
        let kind = match bytes.get(8..12) {
            Some(b"WEBP") => Some("a WebP image"),
            Some(b"WAVE") => Some("a WAV audio file"),
            Some(b"AVI ") => Some("an AVI video"),
            _ => None,
        };
        if let Some(kind) = kind.filter(|_| binary_follows(4)) {
            return Some(format!("{kind} (starts with RIFF)"));
        }
    }
    if bytes.get(4..8) == Some(b"ftyp") && binary_follows(0) {
        return Some("an MP4 or QuickTime media file (ftyp at byte 4)".to_string());
    }
    if bytes.get(257..263) == Some(b"ustar\x00") || bytes.get(257..265) == Some(b"ustar  \x00") {
        return Some("a tar archive (ustar at byte 257)".to_string());
    }
    None
}

/// A control byte that text does not contain: C0 controls other than tab,
/// line feed, vertical tab, form feed, carriage return and escape (ANSI
/// colours in logs), and DEL. NUL is counted apart.
fn is_binary_control(byte: u8) -> bool {
    matches!(byte, 0x01..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f | 0x7f)
}

/// UTF-16 without a byte-order mark: the ASCII characters of UTF-16LE are
/// a byte then a NUL, of UTF-16BE a NUL then a byte. At least 70% of the
/// code units with a NUL on one side and at most 10% on the other is that
/// pattern and nothing else: binary data has NULs on both sides, text none.
fn utf16_without_mark(prefix: &[u8]) -> Result<(), Error> {
    let units = prefix.len() / 2;
    if units < 2 {
        return Ok(());
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in prefix.chunks_exact(2) {
        if let [first, second] = pair {
            even += usize::from(*first == 0);
            odd += usize::from(*second == 0);
        }
    }
    let encoding = if odd * 10 >= units * 7 && even * 10 <= units {
        "UTF-16LE"
    } else if even * 10 >= units * 7 && odd * 10 <= units {
        "UTF-16BE"
    } else {
        return Ok(());
    };
    Err(Error::UnsupportedEncoding {
        encoding: encoding.to_string(),
        seen: "no byte-order mark, a NUL byte beside nearly every ASCII byte".to_string(),
    })
}

/// NUL bytes at least 1/64 of `prefix`, or (when `controls`) NUL and other
/// binary control bytes at least 1/16 of it.
fn binary_content(prefix: &[u8], controls: bool) -> Result<(), Error> {
    let mut nuls = 0usize;
    let mut binary = 0usize;
    let mut first_nul = None;
    let mut first_binary = None;
    for (offset, &byte) in prefix.iter().enumerate() {
        if byte == 0 {
            nuls += 1;
            first_nul.get_or_insert(offset);
        }
        if byte == 0 || (controls && is_binary_control(byte)) {
            binary += 1;
            first_binary.get_or_insert(offset);
        }
    }
    let len = prefix.len();
    if let Some(offset) = first_nul.filter(|_| nuls * 64 >= len) {
        return Err(Error::NotText {
            what: format!("binary content: {nuls} NUL bytes in the first {len}"),
            offset,
        });
    }
    if let Some(offset) = first_binary.filter(|_| binary * 16 >= len) {
        return Err(Error::NotText {
            what: format!("binary content: {binary} control bytes ({nuls} NUL) in the first {len}"),
            offset,
        });
    }
    Ok(())
}

/// Text decoded with invalid bytes replaced by U+FFFD, and the map from its
/// offsets back to the original bytes.
///
/// ```
/// use claimtrack::{input::LossyText, Span};
///
/// let bytes = b"caf\xe9 Minsk";
/// let lossy = LossyText::decode(bytes)?;
/// assert_eq!(lossy.text(), "caf\u{FFFD} Minsk");
/// let minsk = lossy.text().find("Minsk").unwrap();
/// let span = Span::new(minsk, minsk + 5);
/// let original = lossy.original_span(span);
/// assert_eq!(&bytes[original.range()], b"Minsk");
/// assert!(lossy.had_errors());
/// # Ok::<(), claimtrack::Error>(())
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
    /// Decodes `bytes`, replacing each invalid sequence with U+FFFD, after
    /// [`check`] has found them to be text.
    ///
    /// # Errors
    ///
    /// [`Error::NotText`] or [`Error::UnsupportedEncoding`] from [`check`]:
    /// replacing the bad bytes of a binary file would leave noise that
    /// reads as text.
    ///
    /// ```
    /// use claimtrack::{input::LossyText, Error};
    ///
    /// let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00";
    /// assert!(matches!(LossyText::decode(elf), Err(Error::NotText { offset: 0, .. })));
    /// ```
    pub fn decode(bytes: &[u8]) -> Result<LossyText, Error> {
        check(bytes)?;
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
        Ok(LossyText { text, anchors })
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
    let failed = |source: Cause| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let bytes = std::fs::read(path).map_err(|error| failed(Cause::new(error)))?;
    decode(&bytes)
        .map(str::to_string)
        .map_err(|error| failed(Cause::new(error)))
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
        let lossy = LossyText::decode(bytes).unwrap();
        for word in ["A", "B\u{e9}", "C"] {
            let start = lossy.text().find(word).unwrap();
            let span = lossy.original_span(Span::new(start, start + word.len()));
            assert_eq!(&bytes[span.range()], word.as_bytes(), "{word}");
        }
        assert_eq!(lossy.original_offset(lossy.text().len()), bytes.len());
        assert_eq!(lossy.original_offset(10_000), bytes.len());
    }

    /// `(bytes, None)` for text, `(bytes, Some(what the error says))`.
    #[test]
    fn check_table() {
        let table: &[(&[u8], Option<&str>)] = &[
            (b"", None),
            (b"Q: Why?\r\n\r\nA: Because.\x0c", None),
            (b"\xef\xbb\xbfQ: Why?", None),
            ("Пётр: Почему? 为什么？".as_bytes(), None),
            (b"\x1b[1mQ:\x1b[0m bold", None),
            (b"MZ is a label: why?", None),
            (b"RIFF: why?", None),
            (b"BZh9 as text", None),
            (b"caf\xe9 latin-1 \xff\xfe in the middle", None),
            (b"%PDF-1.7", Some("a PDF file (starts with %PDF-)")),
            (
                b"\x7fELF\x02",
                Some("an ELF executable or library (starts with 7F 45 4C 46)"),
            ),
            (
                b"SQLite format 3\x00",
                Some("an SQLite database (starts with SQLite format 3 and a NUL byte)"),
            ),
            (b"MZ\x90\x00\x03", Some("a Windows executable")),
            (
                b"RIFF\x10\x00\x00\x00WEBPVP8 ",
                Some("a WebP image (starts with RIFF)"),
            ),
            (b"\x00\x00\x00\x18ftypmp42", Some("an MP4")),
            (
                &[0; 1000],
                Some("binary content: 1000 NUL bytes in the first 1000"),
            ),
            (
                b"\x01\x02\x03 some words after it",
                Some("binary content: 3 control bytes (0 NUL) in the first 23"),
            ),
            (b"\xff\xfeQ\x00", Some("UTF-16LE (byte-order mark FF FE)")),
            (b"\xfe\xff\x00Q", Some("UTF-16BE (byte-order mark FE FF)")),
            (b"\xff\xfe\x00\x00Q\x00\x00\x00", Some("UTF-32LE")),
            (b"\x00\x00\xfe\xff", Some("UTF-32BE")),
            (
                b"W\x00h\x00y\x00?\x00",
                Some("UTF-16LE (no byte-order mark"),
            ),
            (
                b"\x00W\x00h\x00y\x00?",
                Some("UTF-16BE (no byte-order mark"),
            ),
        ];
        for (bytes, expected) in table {
            let got = check(bytes).err().map(|error| error.to_string());
            match (expected, &got) {
                (None, None) => {}
                (Some(what), Some(message)) if message.contains(what) => {}
                _ => panic!(
                    "{:?}: expected {expected:?}, got {got:?}",
                    String::from_utf8_lossy(bytes)
                ),
            }
        }
    }

    #[test]
    fn str_entry_points_look_at_nuls_only() {
        assert!(check_str("\x01\x02\x03 controls").is_ok());
        assert!(check_str("%PDF-1.7 typed in a chat").is_ok());
        let stray = format!("one stray \0 here. {}", "And more words. ".repeat(10));
        assert!(check_str(&stray).is_ok());
        assert!(matches!(
            check_str("\0\0\0 a"),
            Err(Error::NotText { offset: 0, .. })
        ));
        assert!(matches!(
            check_str("W\0h\0y\0?\0"),
            Err(Error::UnsupportedEncoding { .. })
        ));
    }

    #[test]
    fn only_the_first_bytes_are_looked_at() {
        let mut bytes = b"Q: Why?\n\nA: Because. ".repeat(SNIFF_BYTES);
        bytes.extend_from_slice(&[0; 4096]);
        assert!(check(&bytes).is_ok());
    }

    #[test]
    fn valid_input_maps_to_itself() {
        let lossy = LossyText::decode("Minsk – Moscow".as_bytes()).unwrap();
        assert!(!lossy.had_errors());
        assert_eq!(lossy.original_span(Span::new(2, 9)), Span::new(2, 9));
    }
}
