//! Where a ledger keeps what it must not lose.

use super::{LedgerEntity, Relation, Source, TrackedClaim};
use crate::error::Error;

/// What one add (or one import) commits, all or nothing.
// Only the SQLite store reads the fields; the memory store has nothing to
// write.
#[cfg_attr(not(feature = "sqlite"), allow(dead_code))]
#[derive(Clone, Copy, Debug)]
pub(crate) struct Batch<'a> {
    pub(crate) sources: &'a [Source],
    /// New entities, and entities whose name or spellings changed.
    pub(crate) entities: &'a [LedgerEntity],
    pub(crate) claims: &'a [TrackedClaim],
    pub(crate) relations: &'a [Relation],
}

/// A ledger's persistence: commits batches atomically.
pub(crate) trait Store: Send + Sync {
    /// Commits a batch in one transaction.
    fn commit(&mut self, batch: &Batch<'_>) -> Result<(), Error>;

    /// Checks the stored data for damage.
    fn integrity_check(&self) -> Result<(), Error> {
        Ok(())
    }
}

/// No persistence: the ledger lives in memory.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct MemoryStore;

impl Store for MemoryStore {
    fn commit(&mut self, _batch: &Batch<'_>) -> Result<(), Error> {
        Ok(())
    }
}
