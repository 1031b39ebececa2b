//! Structural promises every parsed document keeps: turns, labels,
//! paragraphs, sentences and dropped lines in bounds, on char boundaries,
//! nested and in order. The check is the `extract` fuzz target's, so the
//! fuzzer and every test that parses a document (snapshots, formats,
//! hostile documents, bad bytes, properties) hold the same promises.

pub use crate::fuzz_replay::extract_check::document as check;
