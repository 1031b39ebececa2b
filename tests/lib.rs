//! Integration tests, one module per area.

mod claims;
mod corpus;
mod corpus_claims;
// The output the differential test pins is the default build's: without the
// gazetteers, entity kinds (and so actors and the JSON) differ.
#[cfg(feature = "gazetteer")]
mod differential;
// Entity kinds are measured with the gazetteers of the default build;
// without the `gazetteer` feature kinds fall to 0.77 of the gold.
#[cfg(feature = "gazetteer")]
mod corpus_entities;
mod entities;
mod examples;
mod exports;
mod formats;
mod fuzz_replay;
mod gold;
mod hostile;
mod input;
mod invariants;
mod layout;
mod ledger;
mod properties;
mod render;
mod report;
mod snapshots;
mod worth;

/// The hostile documents of the pipeline benchmark, for the differential
/// test's stress corpus.
#[cfg(feature = "gazetteer")]
#[path = "../benches/support/hostile.rs"]
mod stress;
