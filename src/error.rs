//! The crate's one error type.

/// What went wrong, and where.
///
/// Parsing text never fails for a reason of content: any non-empty text is
/// an interview, perhaps a poor one. Errors come from bytes that are not
/// text, from empty input, and from configuration (a user's lexicon entry).
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
    /// A date is not a calendar date written `YYYY-MM-DD`.
    #[error("the date {value:?} is not a date written YYYY-MM-DD")]
    InvalidDate {
        /// The date as given.
        value: String,
    },
    /// The ledger's store failed: the `SQLite` file could not be opened,
    /// migrated, read or written, or an export could not be written.
    #[error("ledger store: {message}")]
    Store {
        /// What failed, with the underlying error.
        message: String,
    },
    /// A corpus file or directory could not be read.
    #[error("cannot read {path}: {message}")]
    Read {
        /// The file or directory.
        path: String,
        /// The underlying error.
        message: String,
    },
    /// A JSON Lines line (a ledger import or a corpus) is not what it
    /// should be; a ledger import then imports nothing.
    #[error("JSON Lines, line {line}: {message}")]
    Import {
        /// One-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// A lexicon entry (built-in file or a user's addition) is unusable.
    #[error("lexicon {lexicon}, line {line}: {message}")]
    Lexicon {
        /// Which lexicon: a built-in file name or the name a user gave.
        lexicon: String,
        /// One-based line number of the entry (0 for entries added one by one).
        line: usize,
        /// What is wrong with the entry.
        message: String,
    },
}
