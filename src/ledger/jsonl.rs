//! JSON Lines interchange of a whole ledger.
//!
//! One record a line, each an object with one key that says what it is:
//! `{"source": …}`, `{"entity": …}`, `{"claim": …}`, `{"relation": …}`,
//! with the fields of [`Source`], [`LedgerEntity`], [`TrackedClaim`] and
//! [`Relation`]. An export writes sources, entities, claims, then
//! relations; an import reads them in any order.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use super::store::Batch;
use super::{Ledger, LedgerEntity, Relation, Source, TrackedClaim};
use crate::error::{Cause, Error};

/// One line of a ledger export.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Record {
    Source(Source),
    Entity(LedgerEntity),
    Claim(Box<TrackedClaim>),
    Relation(Relation),
}

fn store_error(operation: &str, error: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Store {
        path: None,
        operation: operation.to_string(),
        source: Cause::new(error),
    }
}

impl Ledger {
    /// Writes the whole ledger as JSON Lines.
    ///
    /// # Errors
    ///
    /// [`Error::Store`] when `out` cannot be written.
    pub fn export_jsonl(&self, mut out: impl Write) -> Result<(), Error> {
        let mut write = |record: &Record| -> Result<(), Error> {
            let line =
                serde_json::to_string(record).map_err(|e| store_error("serialize a record", e))?;
            writeln!(out, "{line}").map_err(|e| store_error("write the export", e))
        };
        for source in &self.sources {
            write(&Record::Source(source.clone()))?;
        }
        for entity in &self.registry.entities {
            write(&Record::Entity(entity.clone()))?;
        }
        for claim in &self.claims {
            write(&Record::Claim(Box::new(claim.clone())))?;
        }
        for relation in &self.relations {
            write(&Record::Relation(relation.clone()))?;
        }
        Ok(())
    }

    /// Reads a JSON Lines export into this ledger, all or nothing: every
    /// line is read and checked before anything is added, and the store
    /// commits the import in one transaction. Records already in the
    /// ledger (same ids) are skipped, so importing twice adds nothing.
    /// Within the input, a claim or relation given twice is taken once, so
    /// concatenated exports of overlapping ledgers import cleanly; the
    /// first of the lines counts. Returns the number of claims added.
    ///
    /// ```
    /// use claimtrack::ledger::{Ledger, Source};
    ///
    /// let mut ledger = Ledger::new();
    /// let extraction = claimtrack::extract("Q: Why?\n\nA: Putin signed the deal.")?;
    /// ledger.add(Source::new("a").date("2024-03-01")?, &extraction)?;
    /// let mut jsonl = Vec::new();
    /// ledger.export_jsonl(&mut jsonl).unwrap();
    ///
    /// let mut copy = Ledger::new();
    /// assert_eq!(copy.import_jsonl(jsonl.as_slice())?, ledger.claims().len());
    /// let error = copy.import_jsonl("{\"claim\": 3}\n".as_bytes()).unwrap_err();
    /// assert!(error.to_string().starts_with("JSON Lines, line 1:"));
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Import`] with the line number for a line that is not a
    /// record, a claim whose source is missing, a claim id given again with
    /// other fields (a claim's `seq` aside, which the import renumbers), or
    /// a relation whose claims are missing; [`Error::Store`] when the input cannot be read or the
    /// store cannot commit. The ledger is unchanged after an error.
    pub fn import_jsonl(&mut self, input: impl BufRead) -> Result<usize, Error> {
        let mut sources = Vec::new();
        let mut entities = Vec::new();
        let mut claims = Vec::new();
        let mut relations = Vec::new();
        for (number, line) in input.lines().enumerate() {
            let line = line.map_err(|e| store_error("read the import", e))?;
            if line.trim().is_empty() {
                continue;
            }
            let record: Record = serde_json::from_str(&line).map_err(|error| Error::Import {
                path: None,
                line: number + 1,
                message: error.to_string(),
                source: Some(Cause::new(error)),
            })?;
            match record {
                Record::Source(source) => sources.push(source),
                Record::Entity(entity) => entities.push(entity),
                Record::Claim(claim) => claims.push((number + 1, *claim)),
                Record::Relation(relation) => relations.push((number + 1, relation)),
            }
        }
        let claims = distinct_claims(claims)?;
        // Check references before touching anything.
        let source_ids: HashSet<&str> = self
            .sources
            .iter()
            .chain(&sources)
            .map(|s| s.id.as_str())
            .collect();
        let claim_ids: HashSet<&str> = self
            .claims
            .iter()
            .map(|c| c.id.as_str())
            .chain(claims.iter().map(|(_, c)| c.id.as_str()))
            .collect();
        for (line, claim) in &claims {
            if !source_ids.contains(claim.source.as_str()) {
                return Err(Error::Import {
                    path: None,
                    line: *line,
                    message: format!(
                        "claim {} names a source not in the ledger: {:?}",
                        claim.id, claim.source
                    ),
                    source: None,
                });
            }
        }
        for (line, relation) in &relations {
            for id in [&relation.from, &relation.to] {
                if !claim_ids.contains(id.as_str()) {
                    return Err(Error::Import {
                        path: None,
                        line: *line,
                        message: format!("relation names a claim not in the ledger: {id}"),
                        source: None,
                    });
                }
            }
        }
        // Only what is new.
        let sources: Vec<Source> = sources
            .into_iter()
            .filter(|s| !self.source_ids.contains(&s.id))
            .collect();
        let mut claims: Vec<TrackedClaim> = claims
            .into_iter()
            .map(|(_, c)| c)
            .filter(|c| !self.by_id.contains_key(&c.id))
            .collect();
        // Imported claims follow the ledger's own, in their order.
        claims.sort_by_key(|c| c.seq);
        let first = self.claims.len() as u64;
        for (offset, claim) in claims.iter_mut().enumerate() {
            claim.seq = first + offset as u64;
        }
        let mut seen_relations = HashSet::new();
        let relations: Vec<Relation> = relations
            .into_iter()
            .map(|(_, r)| r)
            .filter(|r| seen_relations.insert((r.from.clone(), r.to.clone(), r.kind)))
            .filter(|r| {
                !self
                    .relations_of(&r.from)
                    .any(|known| known.from == r.from && known.to == r.to && known.kind == r.kind)
            })
            .collect();
        self.store.commit(&Batch {
            sources: &sources,
            entities: &entities,
            claims: &claims,
            relations: &relations,
        })?;
        let added = claims.len();
        self.restore(sources, entities, claims, relations);
        Ok(added)
    }

    /// Takes in records read back from a store or an import, without
    /// looking for relations again.
    pub(crate) fn restore(
        &mut self,
        sources: Vec<Source>,
        entities: Vec<LedgerEntity>,
        mut claims: Vec<TrackedClaim>,
        relations: Vec<Relation>,
    ) {
        for source in sources {
            if self.source_ids.insert(source.id.clone()) {
                self.sources.push(source);
            }
        }
        for entity in entities {
            self.registry.restore(entity);
        }
        claims.sort_by_key(|c| c.seq);
        for claim in claims {
            if !self.by_id.contains_key(&claim.id) {
                self.insert(claim);
            }
        }
        for relation in relations {
            self.insert_relation(relation);
        }
    }
}

/// Drops repeated claim lines of one input, keeping the first: a claim id
/// names one claim, so a second line with that id must say the same thing
/// (its `seq` aside, which an import renumbers anyway).
fn distinct_claims(
    claims: Vec<(usize, TrackedClaim)>,
) -> Result<Vec<(usize, TrackedClaim)>, Error> {
    let mut first_line: HashMap<String, usize> = HashMap::with_capacity(claims.len());
    let mut distinct: Vec<(usize, TrackedClaim)> = Vec::with_capacity(claims.len());
    for (line, claim) in claims {
        match first_line.get(&claim.id) {
            None => {
                first_line.insert(claim.id.clone(), distinct.len());
                distinct.push((line, claim));
            }
            Some(&index) => {
                let Some((earlier_line, earlier)) = distinct.get(index) else {
                    continue;
                };
                let same = TrackedClaim {
                    seq: earlier.seq,
                    ..claim.clone()
                } == *earlier;
                if !same {
                    return Err(Error::Import {
                        path: None,
                        line,
                        message: format!(
                            "claim {} is on line {earlier_line} already, with other fields",
                            claim.id
                        ),
                        source: None,
                    });
                }
            }
        }
    }
    Ok(distinct)
}
