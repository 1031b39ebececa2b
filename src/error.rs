//! The crate's one error type.

use std::fmt;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What went wrong, and where.
///
/// Parsing text never fails for a reason of content: any non-empty text is
/// an interview, perhaps a poor one. Errors come from bytes that are not
/// text, from empty input, from files and stores, and from configuration
/// (a user's lexicon entry).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input has no text at all, or only white space.
    #[error("the input is empty or only white space ({len} bytes)")]
    EmptyInput {
        /// Length of the input in bytes.
        len: usize,
    },
    /// The input is longer than the parser's cap
    /// ([`ParserBuilder::max_input_bytes`](crate::ParserBuilder::max_input_bytes)).
    #[error("the input is {len} bytes, over the limit of {limit} bytes")]
    InputTooLarge {
        /// Length of the input in bytes.
        len: usize,
        /// The cap in bytes.
        limit: usize,
    },
    /// The input bytes are not valid UTF-8.
    #[error("the input is not valid UTF-8: invalid byte sequence at byte offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input is not text at all: a known file signature (a PDF, an
    /// executable, an archive, an image, a database) or binary content
    /// (NUL and control bytes) near its start. See
    /// [`input::check`](crate::input::check).
    #[error("the input is not text: {what}, at byte offset {offset}")]
    NotText {
        /// What was seen: "a PDF file (starts with %PDF-)", "binary
        /// content: 1000 NUL bytes in the first 1000".
        what: String,
        /// Byte offset of the signature or of the first binary byte.
        offset: usize,
    },
    /// The input is text in an encoding other than UTF-8 (UTF-16 or
    /// UTF-32, told by its byte-order mark or its NUL pattern). Spans are
    /// byte offsets into the caller's text, so the crate does not decode
    /// it behind the caller's back: convert it to UTF-8 first.
    #[error(
        "the input is {encoding} ({seen}), not UTF-8: convert it to UTF-8 first, \
         e.g. `iconv -f {encoding} -t UTF-8`"
    )]
    UnsupportedEncoding {
        /// The encoding: "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE".
        encoding: String,
        /// What told it: "byte-order mark FF FE" or "a NUL after every
        /// other byte".
        seen: String,
    },
    /// A date is not a calendar date written `YYYY-MM-DD`.
    #[error("the date {value:?} is not a date written YYYY-MM-DD")]
    InvalidDate {
        /// The date as given.
        value: String,
    },
    /// The ledger's store failed: the `SQLite` file could not be opened,
    /// migrated, read or written, or an export could not be written.
    #[error("ledger store{}: {operation}: {source}", in_path(path.as_deref()))]
    Store {
        /// The store's file, if it has one.
        path: Option<PathBuf>,
        /// What was being done: "open", "commit", a query.
        operation: String,
        /// The underlying error (`rusqlite::Error`, `std::io::Error`,
        /// `serde_json::Error`, or a [`Cause::message`]).
        #[source]
        source: Cause,
    },
    /// A file or directory could not be read, or a file's bytes are not
    /// text (the source is then an [`Error::InvalidUtf8`],
    /// [`Error::NotText`] or [`Error::UnsupportedEncoding`]).
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error: a `std::io::Error` or an [`Error`].
        #[source]
        source: Cause,
    },
    /// A JSON Lines line (a ledger import or a corpus) is not what it
    /// should be; a ledger import then imports nothing.
    #[error("JSON Lines{}, line {line}: {message}", in_path(path.as_deref()))]
    Import {
        /// The file, when the lines came from a named file.
        path: Option<PathBuf>,
        /// One-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
        /// The underlying error, if there is one (`serde_json::Error` for a
        /// line that is not the JSON it should be, `std::io::Error` for a
        /// line that cannot be read).
        #[source]
        source: Option<Cause>,
    },
    /// A lexicon entry (built-in file or a user's addition) is unusable.
    #[error("lexicon {lexicon}{}: {message}", at_line(*line))]
    Lexicon {
        /// Which lexicon: a built-in file name or the name a user gave.
        lexicon: String,
        /// One-based line number of the entry; `None` for entries added
        /// one by one through a builder.
        line: Option<usize>,
        /// What is wrong with the entry.
        message: String,
    },
}

fn in_path(path: Option<&Path>) -> String {
    path.map(|path| format!(" {}", path.display()))
        .unwrap_or_default()
}

fn at_line(line: Option<usize>) -> String {
    line.map(|line| format!(", line {line}"))
        .unwrap_or_default()
}

/// The underlying error of an [`Error::Store`], [`Error::Read`] or
/// [`Error::Import`], shared so that [`Error`] stays `Clone`.
///
/// [`std::error::Error::source`] of the outer error returns the underlying
/// error itself, so it can be downcast:
///
/// ```
/// use std::error::Error as _;
///
/// let error = claimtrack::corpus::directory("/no/such/dir").map(|_| ()).unwrap_err();
/// let io = error.source().and_then(|s| s.downcast_ref::<std::io::Error>());
/// assert_eq!(io.map(std::io::Error::kind), Some(std::io::ErrorKind::NotFound));
/// ```
#[derive(Clone, Debug)]
pub struct Cause(Arc<dyn std::error::Error + Send + Sync + 'static>);

impl Cause {
    /// Wraps an underlying error.
    ///
    /// ```
    /// let cause = claimtrack::Cause::new(std::io::Error::other("disk full"));
    /// assert_eq!(cause.to_string(), "disk full");
    /// ```
    pub fn new(error: impl std::error::Error + Send + Sync + 'static) -> Cause {
        Cause(Arc::new(error))
    }

    /// A cause that is only a message (a check failed, no library error
    /// behind it).
    ///
    /// ```
    /// let cause = claimtrack::Cause::message("opened read-only");
    /// assert_eq!(cause.to_string(), "opened read-only");
    /// ```
    pub fn message(message: impl Into<String>) -> Cause {
        Cause::new(Message(message.into()))
    }
}

/// Deref to the underlying error, so that `#[source]` hands out the
/// underlying error itself (downcastable), not the `Arc` around it.
impl Deref for Cause {
    type Target = dyn std::error::Error + Send + Sync + 'static;

    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

/// Two causes are equal when they say the same thing: library errors
/// (`std::io::Error`, `rusqlite::Error`) have no equality of their own,
/// and [`Error`] compares by what it reports.
impl PartialEq for Cause {
    fn eq(&self, other: &Cause) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.to_string() == other.0.to_string()
    }
}

impl Eq for Cause {}

/// A bare message as an error.
#[derive(Debug)]
struct Message(String);

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Message {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn sources_are_the_underlying_errors() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "no");
        let error = Error::Read {
            path: PathBuf::from("/x/a.txt"),
            source: Cause::new(io),
        };
        assert_eq!(error.to_string(), "cannot read /x/a.txt: no");
        let source = error.source().unwrap();
        assert_eq!(
            source.downcast_ref::<std::io::Error>().unwrap().kind(),
            std::io::ErrorKind::PermissionDenied
        );
        let json = serde_json::from_str::<u8>("x").unwrap_err();
        let import = Error::Import {
            path: Some(PathBuf::from("c.jsonl")),
            line: 3,
            message: json.to_string(),
            source: Some(Cause::new(json)),
        };
        assert!(
            import
                .to_string()
                .starts_with("JSON Lines c.jsonl, line 3: "),
            "{import}"
        );
        assert!(import.source().unwrap().is::<serde_json::Error>());
        let store = Error::Store {
            path: None,
            operation: "commit".into(),
            source: Cause::message("opened read-only"),
        };
        assert_eq!(store.to_string(), "ledger store: commit: opened read-only");
        assert_eq!(store.clone(), store);
    }

    #[test]
    fn lexicon_lines_are_optional() {
        let file = Error::Lexicon {
            lexicon: "cues.txt".into(),
            line: Some(4),
            message: "bad".into(),
        };
        assert_eq!(file.to_string(), "lexicon cues.txt, line 4: bad");
        let added = Error::Lexicon {
            lexicon: "boilerplate".into(),
            line: None,
            message: "the entry is empty".into(),
        };
        assert_eq!(added.to_string(), "lexicon boilerplate: the entry is empty");
    }

    #[test]
    fn not_text_and_encoding_messages_say_what_was_seen() {
        let error = Error::NotText {
            what: "a PDF file (starts with %PDF-)".into(),
            offset: 0,
        };
        assert_eq!(
            error.to_string(),
            "the input is not text: a PDF file (starts with %PDF-), at byte offset 0"
        );
        let error = Error::UnsupportedEncoding {
            encoding: "UTF-16LE".into(),
            seen: "byte-order mark FF FE".into(),
        };
        assert!(error.to_string().contains("convert it to UTF-8"), "{error}");
    }
}
