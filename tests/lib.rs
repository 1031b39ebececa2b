//! Integration tests, one module per area.

mod claims;
mod corpus;
mod corpus_claims;
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
