//! The `SQLite` store: a ledger that lasts.
//!
//! - Every add is one transaction: after [`Ledger::add`] returns, its
//!   claims are on disk; a crash or a kill before that leaves the file as
//!   it was before the add.
//! - The file is in WAL mode with `synchronous = FULL`, so a committed add
//!   survives a crash of the process or of the machine, and readers do not
//!   block the writer.
//! - The schema has a version (`PRAGMA user_version`); opening a file runs
//!   the migrations it lacks, in one transaction.
//! - Each row holds a record as JSON, keyed by its id, so the records read
//!   back are exactly those written.
//! - Opening reads every table in one read transaction: a reader sees the
//!   file as of one commit, never half an add.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rusqlite::{Connection, OpenFlags, params};

use super::store::{Batch, Store};
use super::{Ledger, LedgerEntity, Relation, Source, TrackedClaim};
use crate::error::{Cause, Error};

/// The schema, one migration per version: version `n` is reached by
/// running the first `n` migrations.
const MIGRATIONS: &[&str] = &["
    CREATE TABLE sources (id TEXT PRIMARY KEY, record TEXT NOT NULL);
    CREATE TABLE entities (id TEXT PRIMARY KEY, record TEXT NOT NULL);
    CREATE TABLE claims (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, record TEXT NOT NULL);
    CREATE INDEX claims_by_seq ON claims (seq);
    CREATE TABLE relations (
        from_id TEXT NOT NULL,
        to_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (from_id, to_id, kind)
    );
"];

/// A store error on the file at `path`; `operation` says what was being
/// done.
fn error(path: &Path, operation: &str, source: Cause) -> Error {
    Error::Store {
        path: Some(path.to_path_buf()),
        operation: operation.to_string(),
        source,
    }
}

/// A ledger's `SQLite` file.
pub(crate) struct SqliteStore {
    /// Behind a mutex so the ledger is `Sync` (readers share it behind an
    /// `Arc`); commits hold `&mut` and never wait on it.
    connection: Mutex<Connection>,
    /// The file, for messages.
    path: PathBuf,
    /// Opened with [`Ledger::open_read_only`]: commits are refused.
    read_only: bool,
}

impl SqliteStore {
    fn open(path: &Path, read_only: bool) -> Result<SqliteStore, Error> {
        let mut connection = if read_only {
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        } else {
            Connection::open(path)
        }
        .map_err(|e| error(path, "open", Cause::new(e)))?;
        // Wait for a writer's lock rather than fail at once, from the
        // first statement on.
        connection
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| error(path, "open", Cause::new(e)))?;
        if !read_only {
            connection
                .pragma_update(None, "journal_mode", "WAL")
                .map_err(|e| error(path, "open", Cause::new(e)))?;
            connection
                .pragma_update(None, "synchronous", "FULL")
                .map_err(|e| error(path, "open", Cause::new(e)))?;
        }
        let version: usize = connection
            .pragma_query_value(None, "user_version", |row| row.get::<_, i64>(0))
            .map_err(|e| error(path, "open", Cause::new(e)))?
            .try_into()
            .unwrap_or(0);
        if version > MIGRATIONS.len() {
            return Err(error(
                path,
                "open",
                Cause::message(format!(
                    "schema version {version} is newer than this claimtrack knows ({})",
                    MIGRATIONS.len()
                )),
            ));
        }
        if version < MIGRATIONS.len() && read_only {
            return Err(error(
                path,
                "open",
                Cause::message(format!(
                    "schema version {version} is older than this claimtrack's ({}); \
                     open it writable once to migrate it",
                    MIGRATIONS.len()
                )),
            ));
        }
        if version < MIGRATIONS.len() {
            let transaction = connection
                .transaction()
                .map_err(|e| error(path, "open", Cause::new(e)))?;
            for migration in MIGRATIONS.get(version..).unwrap_or(&[]) {
                transaction
                    .execute_batch(migration)
                    .map_err(|e| error(path, "migrate", Cause::new(e)))?;
            }
            transaction
                .pragma_update(None, "user_version", MIGRATIONS.len().cast_signed())
                .map_err(|e| error(path, "open", Cause::new(e)))?;
            transaction
                .commit()
                .map_err(|e| error(path, "open", Cause::new(e)))?;
        }
        Ok(SqliteStore {
            connection: Mutex::new(connection),
            path: path.to_path_buf(),
            read_only,
        })
    }

    /// Every record in the file, as of one commit.
    #[allow(clippy::type_complexity)]
    fn load(
        &mut self,
    ) -> Result<
        (
            Vec<Source>,
            Vec<LedgerEntity>,
            Vec<TrackedClaim>,
            Vec<Relation>,
        ),
        Error,
    > {
        fn rows<T: serde::de::DeserializeOwned>(
            connection: &Connection,
            path: &Path,
            query: &str,
        ) -> Result<Vec<T>, Error> {
            let mut statement = connection
                .prepare(query)
                .map_err(|e| error(path, query, Cause::new(e)))?;
            let texts = statement
                .query_map([], |row| row.get::<_, String>(0))
                .map_err(|e| error(path, query, Cause::new(e)))?;
            let mut out = Vec::new();
            for text in texts {
                let text = text.map_err(|e| error(path, query, Cause::new(e)))?;
                out.push(
                    serde_json::from_str(&text).map_err(|e| error(path, query, Cause::new(e)))?,
                );
            }
            Ok(out)
        }
        let connection = self
            .connection
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        // One read transaction: the tables as of one commit.
        let snapshot = connection
            .unchecked_transaction()
            .map_err(|e| error(&self.path, "begin reading", Cause::new(e)))?;
        let tables = (
            rows(
                &*connection,
                &self.path,
                "SELECT record FROM sources ORDER BY rowid",
            )?,
            rows(
                &*connection,
                &self.path,
                "SELECT record FROM entities ORDER BY rowid",
            )?,
            rows(
                &*connection,
                &self.path,
                "SELECT record FROM claims ORDER BY seq",
            )?,
            rows(
                &*connection,
                &self.path,
                "SELECT record FROM relations ORDER BY rowid",
            )?,
        );
        snapshot
            .finish()
            .map_err(|e| error(&self.path, "finish reading", Cause::new(e)))?;
        Ok(tables)
    }
}

impl Store for SqliteStore {
    fn integrity_check(&self) -> Result<(), Error> {
        self.check()
    }

    fn commit(&mut self, batch: &Batch<'_>) -> Result<(), Error> {
        if self.read_only {
            return Err(error(
                &self.path,
                "add",
                Cause::message("opened read-only: nothing is added"),
            ));
        }
        let transaction = self
            .connection
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .transaction()
            .map_err(|e| error(&self.path, "begin", Cause::new(e)))?;
        for source in batch.sources {
            transaction
                .execute(
                    "INSERT OR IGNORE INTO sources (id, record) VALUES (?1, ?2)",
                    params![source.id, to_json(&self.path, source)?],
                )
                .map_err(|e| error(&self.path, "source", Cause::new(e)))?;
        }
        for entity in batch.entities {
            transaction
                .execute(
                    "INSERT INTO entities (id, record) VALUES (?1, ?2)
                     ON CONFLICT (id) DO UPDATE SET record = excluded.record",
                    params![entity.id, to_json(&self.path, entity)?],
                )
                .map_err(|e| error(&self.path, "entity", Cause::new(e)))?;
        }
        for claim in batch.claims {
            transaction
                .execute(
                    "INSERT OR IGNORE INTO claims (id, seq, record) VALUES (?1, ?2, ?3)",
                    params![
                        claim.id,
                        claim.seq.cast_signed(),
                        to_json(&self.path, claim)?
                    ],
                )
                .map_err(|e| error(&self.path, "claim", Cause::new(e)))?;
        }
        for relation in batch.relations {
            // The JSON string, quotes and all, not `RelationKind::as_str`:
            // the column is part of the primary key, and files written so
            // far hold it quoted, so a bare name would duplicate relations.
            let kind = serde_json::to_string(&relation.kind)
                .map_err(|e| error(&self.path, "relation", Cause::new(e)))?;
            transaction
                .execute(
                    "INSERT OR IGNORE INTO relations (from_id, to_id, kind, record)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![
                        relation.from,
                        relation.to,
                        kind,
                        to_json(&self.path, relation)?
                    ],
                )
                .map_err(|e| error(&self.path, "relation", Cause::new(e)))?;
        }
        transaction
            .commit()
            .map_err(|e| error(&self.path, "commit", Cause::new(e)))
    }
}

/// A record as the JSON a row holds.
fn to_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| error(path, "serialize", Cause::new(e)))
}

#[cfg_attr(docsrs, doc(cfg(feature = "sqlite")))]
impl Ledger {
    /// Opens (or creates) a ledger stored in a `SQLite` file, reading back
    /// everything committed to it. Every later [`Ledger::add`] commits to
    /// the file in one transaction. Only with the `sqlite` feature (on by
    /// default).
    ///
    /// ```
    /// use claimtrack::ledger::{Ledger, Source};
    ///
    /// let path = std::env::temp_dir().join(format!("claimtrack-doc-{}.db", std::process::id()));
    /// # let _ = std::fs::remove_file(&path);
    /// let extraction = claimtrack::extract("Q: Why?\n\nA: Putin signed the deal.")?;
    /// {
    ///     let mut ledger = Ledger::open(&path)?;
    ///     ledger.add(Source::new("a").date("2024-03-01")?, &extraction)?;
    /// }
    /// let reopened = Ledger::open(&path)?;
    /// assert_eq!(reopened.claims().len(), extraction.claims.len());
    /// reopened.integrity_check()?;
    /// # drop(reopened);
    /// # for suffix in ["", "-wal", "-shm"] { let _ = std::fs::remove_file(format!("{}{suffix}", path.display())); }
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Store`] when the file cannot be opened or read, is no
    /// ledger, or has a schema newer than this version knows.
    pub fn open(path: impl AsRef<Path>) -> Result<Ledger, Error> {
        Ledger::open_store(path.as_ref(), false)
    }

    /// Opens a ledger's `SQLite` file for reading only: everything committed
    /// to it when it is opened, read as of one commit, so a reader never
    /// sees half of another process's add. Readers do not block the
    /// writer (the file is in WAL mode). [`Ledger::add`] on it fails with
    /// [`Error::Store`] and changes nothing; open it again to see later
    /// adds.
    ///
    /// # Errors
    ///
    /// [`Error::Store`] when the file does not exist, cannot be read, is
    /// no ledger, or has a schema older or newer than this version's.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Ledger, Error> {
        Ledger::open_store(path.as_ref(), true)
    }

    fn open_store(path: &Path, read_only: bool) -> Result<Ledger, Error> {
        let mut store = SqliteStore::open(path, read_only)?;
        let (sources, entities, claims, relations) = store.load()?;
        let mut ledger = Ledger::with_store(Box::new(store));
        ledger.restore(sources, entities, claims, relations);
        Ok(ledger)
    }
}

impl SqliteStore {
    fn check(&self) -> Result<(), Error> {
        let report: String = self
            .connection
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .map_err(|e| error(&self.path, "integrity_check", Cause::new(e)))?;
        if report == "ok" {
            Ok(())
        } else {
            Err(error(&self.path, "integrity_check", Cause::message(report)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn store_errors_name_the_file_and_keep_sqlites_error() {
        let missing = Path::new("/no/such/dir/ledger.db");
        let error = Ledger::open(missing).map(|_| ()).unwrap_err();
        assert!(
            matches!(&error, Error::Store { path: Some(p), operation, .. } if p == missing && operation == "open"),
            "{error:?}"
        );
        assert!(
            error
                .to_string()
                .starts_with("ledger store /no/such/dir/ledger.db: open: "),
            "{error}"
        );
        assert!(error.source().unwrap().is::<rusqlite::Error>(), "{error:?}");

        let path =
            std::env::temp_dir().join(format!("claimtrack-store-error-{}.db", std::process::id()));
        let text = b"this is not a database, it is a text file of some length. ".repeat(100);
        std::fs::write(&path, text).unwrap();
        let error = Ledger::open(&path).map(|_| ()).unwrap_err();
        assert!(
            matches!(&error, Error::Store { path: Some(p), .. } if *p == path),
            "{error:?}"
        );
        assert!(error.source().unwrap().is::<rusqlite::Error>(), "{error:?}");
        std::fs::remove_file(&path).unwrap();
    }
}
