//! claimtrack reads interview text — news Q&A interviews, press briefings,
//! debate and hearing transcripts — and turns it into typed claim records
//! whose every field points back to the exact bytes of the input. English
//! text; no model and no network at run time.
//!
//! ```no_run
//! use std::error::Error;
//!
//! fn main() -> Result<(), Box<dyn Error>> {
//!     let path = std::env::args().nth(1).ok_or("usage: claims FILE")?;
//!     let text = std::fs::read_to_string(&path)?;
//!     let extraction = claimtrack::extract(&text)?;
//!     for claim in &extraction.claims {
//!         let actor = claim.actor.as_ref().map_or("-", |a| a.name.as_str());
//!         println!("{actor}: {} [{} {} {}]", claim.text, claim.polarity, claim.certainty, claim.evidence);
//!     }
//!     Ok(())
//! }
//! ```
//!
//! The crate is a pipeline; each stage is a module and hands its output to
//! the next:
//!
//! 1. [`input`]: bytes to text (strict UTF-8, or lossy with a map back to
//!    the original bytes).
//! 2. [`document`]: text to a [`Document`] — layout detection, boilerplate
//!    removal, turns (`title`, `question`, `answer`, `other`), speakers and
//!    paragraphs, and the sentences of each paragraph, which [`segment`]
//!    finds (abbreviations, initials, decimals, quotes, ellipses and stage
//!    notes handled).
//! 3. [`entity`]: the people, countries, places and organisations named,
//!    with spelling variants, surnames, acronyms, speaker labels, pronouns,
//!    descriptions and first person resolved to one entity each.
//! 4. [`claim`]: typed claim records of what each speaker puts forward,
//!    every field traced to the words that set it; [`Extraction::render`]
//!    prints them for snapshot tests.
//! 5. [`ledger`]: claims from many documents tracked across interviews and
//!    time — repeats, contradictions, disputes, refinements and resolved
//!    predictions — in memory or in a `SQLite` file.
//! 6. [`export`]: claims as schema.org `Claim` JSON-LD, W3C Web
//!    Annotations and CSV, and any span in characters and UTF-16 code units
//!    ([`export::Offsets`]).
//! 7. [`report`]: one self-contained HTML page of the documents with their
//!    claims highlighted, and the ledger's relations between them.
//!
//! Every position is a [`Span`]: a byte range `[start, end)` into the text
//! you passed in, always on `char` boundaries.
//!
//! ```
//! use claimtrack::{Document, Role};
//!
//! let text = "MR. PRICE: Good afternoon. We have no update on Minsk.\n\n\
//!             QUESTION: Did Mr. Lavrov meet the U.S. envoy?\n\n\
//!             MR. PRICE: Not to my knowledge.";
//! let doc = Document::parse(text)?;
//! let question = &doc.turns()[1];
//! assert_eq!(question.role(), Role::Question);
//! assert_eq!(doc.speaker_name(question), Some("QUESTION"));
//! assert_eq!(doc.slice(question.body()), "Did Mr. Lavrov meet the U.S. envoy?");
//! assert_eq!(doc.sentences(&doc.turns()[0]).len(), 2);
//! # Ok::<(), claimtrack::Error>(())
//! ```
//!
//! Parsing never panics and never fails on content: any non-empty text is
//! an interview, perhaps a poor one. The errors ([`Error`]) are about the
//! input and the configuration, never the content: empty input, input over
//! the size cap, bytes that are not UTF-8 text, a bad date, a ledger store
//! or file that fails, a bad JSON Lines line, and an unusable lexicon entry
//! given to a builder. Each says what was wrong and where.
//!
//! Features: `sqlite` (the `SQLite` ledger store), `parallel` (batches on
//! all cores) and `gazetteer` (entity kinds from open place and name
//! lists) are on by default, and so is `cli`, the `claimtrack` command-line
//! tool; a library user can turn it off with `default-features = false`.

#![forbid(unsafe_code)]
// docs.rs marks the items each feature adds.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]
#![warn(missing_debug_implementations)]
#![warn(clippy::pedantic)]
// Getters and pure helpers would all carry #[must_use]; the noise hides
// the few where dropping a result is a real bug (those have it).
#![allow(clippy::must_use_candidate)]
// The design card asks for once_cell's Lazy for compiled matchers.
#![allow(clippy::non_std_lazy_statics)]
// Rule walkers read top to bottom; splitting one rule across helpers
// would hide the order the rules are tried in.
#![allow(clippy::too_many_lines)]
// Domain words come in near pairs (word/words, last/list, asked/answered).
#![allow(clippy::similar_names)]
// Unwrapping, panicking and indexing are banned in library code; tests
// may.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]

pub mod claim;
pub mod corpus;
pub mod document;
pub mod entity;
mod error;
pub mod export;
mod hash;
pub mod input;
mod label;
pub mod ledger;
mod lexicon;
mod lower;
pub mod report;
pub mod segment;
mod span;

pub use claim::{Claim, Extraction, Extractor, extract};
pub use document::{
    DEFAULT_MAX_INPUT_BYTES, Document, Layout, LayoutEvidence, Parser, ParserBuilder, Role,
};
pub use error::{Cause, Error};
pub use label::ParseLabelError;
pub use segment::{AbbreviationKind, DEFAULT_MAX_SENTENCE_BYTES, Segmenter, SegmenterBuilder};
pub use span::Span;

/// The README's code blocks, compiled and run as doctests so they cannot
/// drift from the crate.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
