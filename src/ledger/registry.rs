//! Entities across documents: one ledger entity per referent, by the same
//! alias rules as within one document.
//!
//! A document's entity is the ledger entity that
//!
//! 1. has the same canonical name (names the built-in knowledge knows are
//!    canonical everywhere: "Russian Federation" is Russia in every
//!    document), or
//! 2. shares a name of two words or more ("Ewa Wrona"), or, for anything
//!    but a person, any name ("JERO"), or
//! 3. is a person whose last name is the same or a transliteration variant
//!    and whose first name, where both have one, is the same ("Andrei
//!    Zhukouski" and "Andrei Zhukovsky"; "Lukashenko" and "Lukashenka"), and
//!    is the only ledger person that fits.
//!
//! Kinds must agree, unless one side's kind was only guessed. A name the
//! document left in doubt (`ambiguous_with`)
//! gets no ledger entity: its claims are tracked without an actor.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::claim::EntityRecord;
use crate::entity::EntityKind;
use crate::entity::knowledge::name_key;

/// Most people of one last-name bucket compared with a new name, the most
/// recent first; keeps the cost of an add flat.
const MAX_COMPARISONS: usize = 64;

/// A person, country, place or organisation across the whole ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LedgerEntity {
    /// "g" and a number, stable for the life of the ledger.
    pub id: String,
    /// The fullest canonical name any document gave it.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Every spelling any document used, sorted.
    pub aliases: Vec<String>,
    /// True while every document only guessed the kind.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kind_guessed: bool,
}

/// The ledger's entities and their name index.
#[derive(Clone, Debug, Default)]
pub(crate) struct Registry {
    pub(crate) entities: Vec<LedgerEntity>,
    /// Index of each entity by id.
    by_id: HashMap<String, usize>,
    /// Name keys that identify an entity on their own.
    by_name: HashMap<String, Vec<usize>>,
    /// Persons by the first letter and length of their last name.
    by_initial: HashMap<(char, usize), Vec<usize>>,
}

/// A person's first and last name keys ("andrei", "zhukouski"); the first
/// is empty for a one-word name.
fn person_parts(name: &str) -> (String, String) {
    let key = name_key(name);
    match key.rsplit_once(' ') {
        Some((first, last)) => (
            first.split(' ').next().unwrap_or("").to_string(),
            last.to_string(),
        ),
        None => (String::new(), key),
    }
}

impl Registry {
    /// Restores an entity read back from a store.
    pub(crate) fn restore(&mut self, entity: LedgerEntity) {
        if let Some(&index) = self.by_id.get(&entity.id) {
            if let Some(slot) = self.entities.get_mut(index) {
                *slot = entity;
            }
            self.index(index);
            return;
        }
        self.by_id.insert(entity.id.clone(), self.entities.len());
        self.entities.push(entity);
        self.index(self.entities.len() - 1);
    }

    fn index(&mut self, index: usize) {
        let Some(entity) = self.entities.get(index) else {
            return;
        };
        let person = entity.kind == EntityKind::Person;
        let mut keys = vec![name_key(&entity.name)];
        for alias in &entity.aliases {
            let key = name_key(alias);
            if !person || key.contains(' ') {
                keys.push(key);
            }
        }
        let last = person_parts(&entity.name).1;
        let initial = last.chars().next().map(|c| (c, last.chars().count()));
        for key in keys {
            let list = self.by_name.entry(key).or_default();
            if !list.contains(&index) {
                list.push(index);
            }
        }
        if let (true, Some(initial)) = (person, initial) {
            // An entity indexed again (new spellings) may repeat; look-ups
            // drop repeats.
            let list = self.by_initial.entry(initial).or_default();
            if list.last() != Some(&index) {
                list.push(index);
            }
        }
    }

    /// Undoes the changes since `length` entities: drops the entities added
    /// since, puts back the `saved` ones, and rebuilds the name index.
    pub(crate) fn rollback(&mut self, length: usize, saved: Vec<(usize, LedgerEntity)>) {
        self.entities.truncate(length);
        self.by_id.retain(|_, index| *index < length);
        for (index, entity) in saved {
            if let Some(slot) = self.entities.get_mut(index) {
                *slot = entity;
            }
        }
        self.by_name.clear();
        self.by_initial.clear();
        for index in 0..self.entities.len() {
            self.index(index);
        }
    }

    /// The ledger entity of a document's entity, adding or updating it; the
    /// index and whether the entity is new or changed. `None` for a name in
    /// doubt. An existing entity is copied to `saved` before it changes.
    pub(crate) fn resolve(
        &mut self,
        record: &EntityRecord,
        saved: &mut Vec<(usize, LedgerEntity)>,
    ) -> Option<(usize, bool)> {
        if !record.ambiguous_with.is_empty() || record.name.is_empty() {
            return None;
        }
        let found = self.find(record);
        let index = if let Some(index) = found {
            index
        } else {
            let id = format!("g{}", self.entities.len() + 1);
            self.by_id.insert(id.clone(), self.entities.len());
            self.entities.push(LedgerEntity {
                id,
                name: record.name.clone(),
                kind: record.kind,
                aliases: Vec::new(),
                kind_guessed: record.kind_guessed,
            });
            self.entities.len() - 1
        };
        let mut changed = found.is_none();
        if let (Some(found), Some(entity)) = (found, self.entities.get(index))
            && !saved.iter().any(|(i, _)| *i == found)
        {
            saved.push((found, entity.clone()));
        }
        if let Some(entity) = self.entities.get_mut(index) {
            for alias in record.aliases.iter().chain(std::iter::once(&record.name)) {
                if !entity.aliases.contains(alias) {
                    entity.aliases.push(alias.clone());
                    changed = true;
                }
            }
            entity.aliases.sort();
            // A kind a document told replaces a guessed one.
            if entity.kind_guessed && !record.kind_guessed {
                entity.kind = record.kind;
                entity.kind_guessed = false;
                changed = true;
            }
            // The fullest name wins: "Ingrid Solberg" over "Solberg".
            let words = |name: &str| name.split_whitespace().count();
            if words(&record.name) > words(&entity.name) {
                entity.name.clone_from(&record.name);
                changed = true;
            }
        }
        if changed {
            self.index(index);
        }
        Some((index, changed))
    }

    fn find(&self, record: &EntityRecord) -> Option<usize> {
        // A guessed kind (a person, by default) agrees with any.
        let kind_fits = |index: &usize| {
            self.entities
                .get(*index)
                .is_some_and(|e| e.kind == record.kind || e.kind_guessed || record.kind_guessed)
        };
        let person = record.kind == EntityKind::Person;
        let mut keys = vec![name_key(&record.name)];
        keys.extend(
            record
                .aliases
                .iter()
                .map(|a| name_key(a))
                .filter(|k| !person || k.contains(' ')),
        );
        for key in &keys {
            if let Some(&index) = self
                .by_name
                .get(key)
                .and_then(|list| list.iter().find(|i| kind_fits(i)))
            {
                return Some(index);
            }
        }
        if !person {
            return None;
        }
        let (first, last) = person_parts(&record.name);
        let initial = last.chars().next()?;
        let length = last.chars().count();
        // Spelling variants differ by a letter or two: the buckets of
        // nearby lengths, a bounded number of people each.
        let mut fitting: Vec<usize> = (length.saturating_sub(2)..=length + 2)
            .flat_map(|length| {
                self.by_initial
                    .get(&(initial, length))
                    .into_iter()
                    .flatten()
                    .rev()
                    .take(MAX_COMPARISONS)
            })
            .copied()
            .filter(|&index| {
                self.entities.get(index).is_some_and(|entity| {
                    let (other_first, other_last) = person_parts(&entity.name);
                    let firsts_agree =
                        first.is_empty() || other_first.is_empty() || first == other_first;
                    firsts_agree
                        && (last == other_last || crate::entity::same_name(&last, &other_last))
                })
            })
            .collect();
        fitting.sort_unstable();
        fitting.dedup();
        match fitting.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }
}
