//! The ledger: claims from many documents, tracked across interviews and
//! time.
//!
//! The fifth stage of the pipeline. [`Ledger::add`] takes an
//! [`Extraction`] and its [`Source`] (id, title, URL, publisher, date,
//! speaker names), gives each claim a stable id, maps its actor to a
//! ledger-wide entity (one per referent across documents, see
//! [`LedgerEntity`]), reduces it to a proposition (actor and content
//! stems), and relates it to the earlier claims of the same proposition:
//! `repeats`, `contradicts`, `disputes`, `refines`, `resolves`. Predictions
//! stay open until a later claim resolves them.
//!
//! Candidates come from an index, never from comparing every pair: the
//! claims that share the actor and a content stem, at most
//! [`POSTINGS_PER_WORD`] of the most recent per actor and stem, and a new
//! claim is related to at most [`MAX_RELATIONS`] of them, the most recent.
//! The cost of one add does not grow with the ledger.
//!
//! A ledger lives in memory ([`Ledger::new`]) or, with the `sqlite`
//! feature, in a `SQLite` file (`Ledger::open`) that every add commits to
//! in one transaction. [`Ledger::export_jsonl`] and [`Ledger::import_jsonl`]
//! move a whole ledger between the two, or between machines.
//!
//! ```
//! use claimtrack::ledger::{Ledger, RelationKind, Source};
//!
//! let mut ledger = Ledger::new();
//! let first = claimtrack::extract("Q: And the aid?\n\nA: Baltmar Interconnect has never received state aid.")?;
//! ledger.add(Source::new("feb").date("2025-02-11")?, &first)?;
//! let later = claimtrack::extract("Q: And the aid?\n\nA: Baltmar Interconnect received state aid in 2024.")?;
//! let report = ledger.add(Source::new("jan").date("2026-01-27")?, &later)?;
//! assert_eq!(report.relations.len(), 1);
//! assert_eq!(report.relations[0].kind, RelationKind::Contradicts);
//! // Adding the same document again adds nothing.
//! assert_eq!(ledger.add(Source::new("jan").date("2026-01-27")?, &later)?.added, 0);
//! # Ok::<(), claimtrack::Error>(())
//! ```

mod amount;
mod jsonl;
pub mod proposition;
mod registry;
mod relation;
mod source;
#[cfg(feature = "sqlite")]
mod sqlite;
mod store;

use std::collections::{HashMap, HashSet, VecDeque};

use serde::{Deserialize, Serialize};

pub use amount::Amount;
pub use registry::LedgerEntity;
pub use relation::{Outcome, Relation, RelationKind};
pub use source::Source;

use crate::claim::id::stable_hash;
use crate::claim::{
    Certainty, Claim, ClaimId, ClaimKind, CueKind, EntityId, Evidence, Extraction, Polarity, Time,
};
use crate::error::Error;
use crate::span::Span;
use registry::Registry;
use store::{Batch, MemoryStore, Store};

/// A calendar date, as sources are dated: `jiff`'s civil date, written
/// `YYYY-MM-DD` in JSON and in the ledger's files.
pub use jiff::civil::Date;

/// Most relations a new claim gets: to the most recent earlier claims of
/// its proposition. A claim said a thousand times is related to the last
/// few sayings, each of which is related to the ones before it, so the
/// ledger stays linear in the claims it holds.
pub const MAX_RELATIONS: usize = 8;

/// Most recent claims per actor and stem looked at for one new claim.
const SCANNED_PER_WORD: usize = 64;

/// Most earlier claims kept per actor and content stem as candidates for a
/// new claim. Bounds the cost of an add; the oldest drop out of the index
/// (they stay in the ledger and its queries).
pub const POSTINGS_PER_WORD: usize = 256;

/// A claim as the ledger keeps it: the claim's fields, where it came from,
/// and its proposition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrackedClaim {
    /// Stable id: "k" and a hash of the source id and the claim's span, so
    /// adding a document again finds the same ids.
    pub id: String,
    /// Insertion order in the ledger.
    pub seq: u64,
    /// The source's id.
    pub source: String,
    /// The source's publication date, `YYYY-MM-DD`.
    pub date: Option<Date>,
    /// Index of the turn in the source's extraction.
    pub turn: usize,
    /// Where the claim is in the source text (byte offsets).
    pub span: Span,
    /// The claim's words.
    pub text: String,
    /// A statement or a premise.
    pub kind: ClaimKind,
    /// Who said it: the source's name for the turn's speaker, else the
    /// speaker entity's name, else the label.
    pub speaker: Option<String>,
    /// The speaker's ledger entity id.
    pub speaker_entity: Option<String>,
    /// The ledger entity the claim is about.
    pub actor: Option<LedgerRef>,
    /// For a reported claim, the source's ledger entity or words.
    pub attributed_to: Option<LedgerRef>,
    /// The predicate.
    pub assertion: String,
    /// Affirmed or denied.
    pub polarity: Polarity,
    /// The speaker's commitment.
    pub certainty: Certainty,
    /// The evidence stance.
    pub evidence: Evidence,
    /// When it holds.
    pub time: Time,
    /// Whether the claim carries numbers, amounts or dates.
    pub quantities: bool,
    /// Its quantities as numbers that compare across claims (see
    /// [`Amount`]): a prediction's amount that a later statement does not
    /// match is refuted, not confirmed.
    #[serde(default)]
    pub amounts: Vec<Amount>,
    /// The proposition's content stems, sorted (see [`proposition`]).
    pub stems: Vec<String>,
}

/// The key a claim is indexed under for its proposition: its actor's
/// ledger entity, or, for a claim whose subject names no entity and ends in
/// no pronoun ("There will be no tolls", "The tolls will go"), the empty
/// actor [`NO_ACTOR`]: such claims meet by their content stems, subject
/// words included, when their subjects name the same thing.
fn actor_key(claim: &TrackedClaim) -> Option<&str> {
    if let Some(entity) = claim.actor.as_ref().and_then(|a| a.entity.as_deref()) {
        return Some(entity);
    }
    // The subject's last word before the verb: "In doing so it struck" has
    // a pronoun for its subject, which names something the ledger cannot
    // see.
    let verb = claim.text.find(&claim.assertion).unwrap_or(0);
    let subject = claim.text.get(..verb).unwrap_or("");
    let last = subject
        .split(|c: char| c.is_whitespace() || c == ',')
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let pronoun = matches!(
        last.as_str(),
        "it" | "it's"
            | "this"
            | "that"
            | "that's"
            | "these"
            | "those"
            | "they"
            | "he"
            | "she"
            | "you"
            | "we"
            | "i"
            | "which"
            | "who"
            | "what"
    );
    (claim.actor.is_none() && !pronoun && !claim.stems.is_empty()).then_some(NO_ACTOR)
}

/// The actor key of claims about no entity (see [`actor_key`]).
const NO_ACTOR: &str = "";

/// The content stems of a claim's subject: the words before its assertion,
/// after a fronted phrase's comma ("During the tests, a fault was found"
/// has "fault").
fn subject_stems(claim: &TrackedClaim) -> Vec<String> {
    let verb = claim.text.find(&claim.assertion).unwrap_or(0);
    let subject = claim.text.get(..verb).unwrap_or("");
    let from = subject.rfind(',').map_or(0, |comma| comma + 1);
    proposition::stems(subject, Span::new(from, subject.len()), None)
}

/// Two claims about no entity state one proposition only when their
/// subjects do too: both name the same thing ("the insurers"), or neither
/// names anything ("There will be no tolls").
fn same_subject(a: &TrackedClaim, b: &TrackedClaim) -> bool {
    let (a, b) = (subject_stems(a), subject_stems(b));
    a.is_empty() && b.is_empty() || proposition::shared(&a, &b) > 0
}

/// A reference to a ledger entity, or to the words naming one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LedgerRef {
    /// The ledger entity's id ("g4"), when the words name one.
    pub entity: Option<String>,
    /// The entity's name, or the words.
    pub name: String,
}

/// What one [`Ledger::add`] did.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct AddReport {
    /// Claims added (0 when the document was added before).
    pub added: usize,
    /// The relations the new claims have to earlier ones.
    pub relations: Vec<Relation>,
}

/// Claims from many documents, their relations and open predictions.
pub struct Ledger {
    sources: Vec<Source>,
    source_ids: HashSet<String>,
    registry: Registry,
    claims: Vec<TrackedClaim>,
    by_id: HashMap<String, usize>,
    by_entity: HashMap<String, Vec<usize>>,
    by_speaker: HashMap<String, Vec<usize>>,
    /// Candidate index: (actor, stem) → the most recent claims, as
    /// interned numbers to keep it small.
    postings: HashMap<(u32, u32), VecDeque<u32>>,
    actor_numbers: HashMap<String, u32>,
    stem_numbers: HashMap<String, u32>,
    relations: Vec<Relation>,
    relations_of: HashMap<String, Vec<usize>>,
    resolved: HashSet<String>,
    store: Box<dyn Store>,
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger")
            .field("sources", &self.sources.len())
            .field("entities", &self.registry.entities.len())
            .field("claims", &self.claims.len())
            .field("relations", &self.relations.len())
            .finish_non_exhaustive()
    }
}

impl Default for Ledger {
    fn default() -> Ledger {
        Ledger::new()
    }
}

/// The stable id of claim `claim` (its id in the extraction) of source
/// `source`: like the claim's own id, it follows the claim's words, not
/// where they are.
pub fn claim_id(source: &str, claim: &ClaimId) -> String {
    let key = format!("{source}\u{0}{claim}");
    format!("k{:016x}", stable_hash(key.as_bytes()))
}

impl Ledger {
    /// An empty ledger in memory. `Ledger::open` keeps one in a `SQLite`
    /// file instead; it needs the `sqlite` feature (on by default).
    pub fn new() -> Ledger {
        Ledger::with_store(Box::new(MemoryStore))
    }

    fn with_store(store: Box<dyn Store>) -> Ledger {
        Ledger {
            sources: Vec::new(),
            source_ids: HashSet::new(),
            registry: Registry::default(),
            claims: Vec::new(),
            by_id: HashMap::new(),
            by_entity: HashMap::new(),
            by_speaker: HashMap::new(),
            postings: HashMap::new(),
            actor_numbers: HashMap::new(),
            stem_numbers: HashMap::new(),
            relations: Vec::new(),
            relations_of: HashMap::new(),
            resolved: HashSet::new(),
            store,
        }
    }

    /// Adds a document's claims. The claims of a source added before are
    /// not added again: the same document gives the same claim ids.
    ///
    /// # Errors
    ///
    /// [`Error::Store`] when the store cannot commit; the ledger is then
    /// unchanged.
    pub fn add(&mut self, source: Source, extraction: &Extraction) -> Result<AddReport, Error> {
        // Map the document's entities to ledger entities, keeping what is
        // needed to undo it if the store fails.
        let length = self.registry.entities.len();
        let mut saved = Vec::new();
        let result = self.add_resolved(source, extraction, &mut saved);
        if result.is_err() {
            self.registry.rollback(length, saved);
        }
        result
    }

    fn add_resolved(
        &mut self,
        source: Source,
        extraction: &Extraction,
        saved: &mut Vec<(usize, LedgerEntity)>,
    ) -> Result<AddReport, Error> {
        let mut changed_entities: Vec<usize> = Vec::new();
        let mut ledger_entity: HashMap<&str, usize> = HashMap::new();
        for record in &extraction.entities {
            if let Some((index, changed)) = self.registry.resolve(record, saved) {
                ledger_entity.insert(record.id.as_str(), index);
                if changed && !changed_entities.contains(&index) {
                    changed_entities.push(index);
                }
            }
        }
        let registry = &self.registry;
        let reference = |id: Option<&EntityId>, words: &str| -> Option<LedgerRef> {
            match id.and_then(|id| ledger_entity.get(id.as_str())) {
                Some(&index) => registry.entities.get(index).map(|e| LedgerRef {
                    entity: Some(e.id.clone()),
                    name: e.name.clone(),
                }),
                None => (!words.is_empty()).then(|| LedgerRef {
                    entity: None,
                    name: words.to_string(),
                }),
            }
        };
        let mut new_claims = Vec::new();
        let mut new_ids: HashSet<String> = HashSet::new();
        let mut seq = self.claims.len() as u64;
        for claim in &extraction.claims {
            let id = claim_id(&source.id, &claim.id);
            if self.by_id.contains_key(&id) || !new_ids.insert(id.clone()) {
                continue;
            }
            let actor = claim
                .actor
                .as_ref()
                .and_then(|a| reference(a.entity.as_ref(), ""));
            let attributed_to = claim
                .attributed_to
                .as_ref()
                .and_then(|a| reference(a.entity.as_ref(), &a.text));
            let speaker_ref = reference(claim.speaker_entity.as_ref(), "");
            let speaker = source
                .speaker_name(claim.speaker.as_deref())
                .map(str::to_string)
                .or_else(|| speaker_ref.as_ref().map(|s| s.name.clone()))
                .or_else(|| claim.speaker.clone());
            new_claims.push(Ledger::tracked(
                &source,
                claim,
                id,
                seq,
                actor,
                attributed_to,
                speaker,
                speaker_ref.and_then(|s| s.entity),
            ));
            seq += 1;
        }
        // Find the relations of the new claims, against the ledger and
        // against each other, before changing anything.
        let mut relations: Vec<Relation> = Vec::new();
        let mut resolved: HashSet<String> = HashSet::new();
        // The document's own claims, indexed like the ledger's as they go.
        let mut fresh: HashMap<(&str, &str), VecDeque<usize>> = HashMap::new();
        for (index, claim) in new_claims.iter().enumerate() {
            let mut earlier_new: Vec<&TrackedClaim> = Vec::new();
            if let Some(actor) = actor_key(claim) {
                let mut seen: HashSet<usize> = HashSet::new();
                for stem in &claim.stems {
                    let key = (actor, stem.as_str());
                    for &earlier in fresh
                        .get(&key)
                        .into_iter()
                        .flat_map(|list| list.iter().rev().take(SCANNED_PER_WORD))
                    {
                        if seen.insert(earlier)
                            && let Some(candidate) = new_claims.get(earlier)
                        {
                            earlier_new.push(candidate);
                        }
                    }
                    let list = fresh.entry(key).or_default();
                    list.push_back(index);
                    if list.len() > POSTINGS_PER_WORD {
                        list.pop_front();
                    }
                }
            }
            // The most recent claims first; a claim relates to at most
            // MAX_RELATIONS of them (the older ones are related to those
            // in turn).
            let mut candidates: Vec<&TrackedClaim> = self
                .candidates(claim)
                .into_iter()
                .chain(earlier_new)
                .collect();
            candidates.sort_by_key(|claim| std::cmp::Reverse(order(claim)));
            let mut related = 0;
            for candidate in candidates {
                if related >= MAX_RELATIONS {
                    break;
                }
                if candidate.turn == claim.turn && candidate.source == claim.source {
                    continue;
                }
                if !proposition::same(&candidate.stems, &claim.stems)
                    || actor_key(claim) == Some(NO_ACTOR) && !same_subject(candidate, claim)
                {
                    continue;
                }
                let (earlier, later) = if order(candidate) <= order(claim) {
                    (candidate, claim)
                } else {
                    (claim, candidate)
                };
                let open = earlier.time == Time::Future
                    && !self.resolved.contains(&earlier.id)
                    && !resolved.contains(&earlier.id);
                let shared: Vec<String> = earlier
                    .stems
                    .iter()
                    .filter(|s| later.stems.contains(s))
                    .cloned()
                    .collect();
                if let Some((kind, outcome, why)) =
                    relation::classify(earlier, later, open, &shared)
                {
                    if kind == RelationKind::Resolves {
                        resolved.insert(earlier.id.clone());
                    }
                    related += 1;
                    relations.push(Relation {
                        kind,
                        from: earlier.id.clone(),
                        to: later.id.clone(),
                        outcome,
                        why,
                    });
                }
            }
        }
        let source_is_new = !self.source_ids.contains(&source.id);
        let entities: Vec<LedgerEntity> = changed_entities
            .iter()
            .filter_map(|&i| self.registry.entities.get(i).cloned())
            .collect();
        self.store.commit(&Batch {
            sources: if source_is_new {
                std::slice::from_ref(&source)
            } else {
                &[]
            },
            entities: &entities,
            claims: &new_claims,
            relations: &relations,
        })?;
        // Committed: now the ledger takes it all in.
        if source_is_new {
            self.source_ids.insert(source.id.clone());
            self.sources.push(source);
        }
        let added = new_claims.len();
        for claim in new_claims {
            self.insert(claim);
        }
        for relation in &relations {
            self.insert_relation(relation.clone());
        }
        Ok(AddReport { added, relations })
    }

    #[allow(clippy::too_many_arguments)]
    fn tracked(
        source: &Source,
        claim: &Claim,
        id: String,
        seq: u64,
        actor: Option<LedgerRef>,
        attributed_to: Option<LedgerRef>,
        speaker: Option<String>,
        speaker_entity: Option<String>,
    ) -> TrackedClaim {
        let stems = Ledger::stems_of(claim, actor.is_some());
        TrackedClaim {
            id,
            seq,
            source: source.id.clone(),
            date: source.date,
            turn: claim.turn,
            span: claim.span,
            text: claim.text.clone(),
            kind: claim.kind,
            speaker,
            speaker_entity,
            actor,
            attributed_to,
            assertion: claim.assertion.clone(),
            polarity: claim.polarity,
            certainty: claim.certainty,
            evidence: claim.evidence,
            time: claim.time,
            quantities: !claim.quantities.is_empty(),
            amounts: claim.quantities.iter().filter_map(amount::of).collect(),
            stems,
        }
    }

    /// The content stems of a claim's proposition: of its assertion when
    /// an actor stands for the subject; of the subject and assertion when
    /// none does ("The tolls will go": the tolls are what it is about),
    /// after any evidence or report frame ("There is no evidence that …").
    fn stems_of(claim: &Claim, has_actor: bool) -> Vec<String> {
        if has_actor {
            let assertion = claim.assertion.as_str();
            return proposition::stems(assertion, Span::new(0, assertion.len()), None);
        }
        let frame_end = claim
            .cues
            .iter()
            .filter(|c| matches!(c.kind, CueKind::Evidence | CueKind::Attribution))
            .map(|c| c.span.end)
            .filter(|&end| end <= claim.assertion_span.start)
            .max()
            .unwrap_or(claim.span.start);
        let text = claim.text.as_str();
        let verb = claim
            .assertion_span
            .start
            .saturating_sub(claim.span.start)
            .min(text.len());
        // The subject starts after a fronted phrase's comma ("During the
        // tests, a fault was found"): the phrase is no part of it.
        let from = frame_end.saturating_sub(claim.span.start);
        let from = text
            .get(from.min(verb)..verb)
            .and_then(|before| before.rfind(','))
            .map_or(from, |comma| from.min(verb) + comma + 1);
        let from = (from..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        proposition::stems(text, Span::new(from, text.len()), None)
    }

    /// Earlier claims of the ledger that may state the same proposition:
    /// those sharing the actor and a stem, from the index.
    fn candidates<'c>(&'c self, claim: &TrackedClaim) -> Vec<&'c TrackedClaim> {
        let Some(actor) = actor_key(claim) else {
            return Vec::new();
        };
        let mut seen: HashSet<u32> = HashSet::new();
        let mut out: Vec<&TrackedClaim> = Vec::new();
        if let Some(&actor_number) = self.actor_numbers.get(actor) {
            for stem in &claim.stems {
                let Some(&stem_number) = self.stem_numbers.get(stem) else {
                    continue;
                };
                for &index in self
                    .postings
                    .get(&(actor_number, stem_number))
                    .into_iter()
                    .flat_map(|list| list.iter().rev().take(SCANNED_PER_WORD))
                {
                    if seen.insert(index)
                        && let Some(candidate) = self.claims.get(index as usize)
                    {
                        out.push(candidate);
                    }
                }
            }
        }
        out
    }

    /// Takes a claim into the indexes.
    // Numbers are u32 to keep postings small: 2^32 claims at ~1.6 KB each
    // would be 6 TB of memory, so they cannot wrap.
    #[allow(clippy::cast_possible_truncation)]
    fn insert(&mut self, claim: TrackedClaim) {
        let index = self.claims.len();
        self.by_id.insert(claim.id.clone(), index);
        if let Some(entity) = claim.actor.as_ref().and_then(|a| a.entity.clone()) {
            self.by_entity.entry(entity).or_default().push(index);
        }
        if let Some(actor) = actor_key(&claim).map(str::to_string) {
            let next = self.actor_numbers.len() as u32;
            let actor_number = *self.actor_numbers.entry(actor).or_insert(next);
            for stem in &claim.stems {
                let next = self.stem_numbers.len() as u32;
                let stem_number = *self.stem_numbers.entry(stem.clone()).or_insert(next);
                let list = self
                    .postings
                    .entry((actor_number, stem_number))
                    .or_default();
                list.push_back(index as u32);
                if list.len() > POSTINGS_PER_WORD {
                    list.pop_front();
                }
            }
        }
        if let Some(speaker) = &claim.speaker {
            self.by_speaker
                .entry(speaker.to_lowercase())
                .or_default()
                .push(index);
        }
        self.claims.push(claim);
    }

    fn insert_relation(&mut self, relation: Relation) {
        let index = self.relations.len();
        if relation.kind == RelationKind::Resolves {
            self.resolved.insert(relation.from.clone());
        }
        for id in [&relation.from, &relation.to] {
            self.relations_of.entry(id.clone()).or_default().push(index);
        }
        self.relations.push(relation);
    }

    /// Checks the store for damage: `SQLite`'s `PRAGMA integrity_check` for
    /// a ledger in a file, nothing for one in memory.
    ///
    /// # Errors
    ///
    /// [`Error::Store`] with `SQLite`'s report when the file is damaged.
    pub fn integrity_check(&self) -> Result<(), Error> {
        self.store.integrity_check()
    }

    /// The sources, in the order they were added.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The ledger-wide entities.
    pub fn entities(&self) -> &[LedgerEntity] {
        &self.registry.entities
    }

    /// Every claim, in the order it was added.
    pub fn claims(&self) -> &[TrackedClaim] {
        &self.claims
    }

    /// Every relation, in the order it was found.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// One claim by id.
    pub fn claim(&self, id: &str) -> Option<&TrackedClaim> {
        self.by_id.get(id).and_then(|&i| self.claims.get(i))
    }

    /// The ledger entity a name refers to: its id, its canonical name or
    /// any spelling any document used ("Lukashenko" finds the entity named
    /// "Lukashenka"), ignoring case.
    pub fn entity(&self, name: &str) -> Option<&LedgerEntity> {
        let key = crate::entity::knowledge::name_key(name);
        self.registry.entities.iter().find(|e| {
            e.id == name
                || crate::entity::knowledge::name_key(&e.name) == key
                || e.aliases
                    .iter()
                    .any(|a| crate::entity::knowledge::name_key(a) == key)
        })
    }

    /// The claims about an entity (by id, name or any spelling), across
    /// documents, in the order added.
    pub fn claims_about(&self, entity: &str) -> impl Iterator<Item = &TrackedClaim> {
        let list = self
            .entity(entity)
            .and_then(|entity| self.by_entity.get(&entity.id));
        self.indexed(list)
    }

    /// The claims of one proposition: the same actor and the same stems as
    /// the claim `id`, or close enough (see [`proposition`]).
    pub fn same_proposition(&self, id: &str) -> impl Iterator<Item = &TrackedClaim> {
        let claim = self.claim(id);
        let actor = claim.and_then(|c| c.actor.as_ref()?.entity.as_ref());
        // A claim about no entity is only its own proposition.
        let alone = claim.filter(|_| actor.is_none());
        let others = self
            .indexed(actor.and_then(|actor| self.by_entity.get(actor)))
            .filter(move |c| {
                claim.is_some_and(|claim| {
                    c.id == claim.id || proposition::same(&c.stems, &claim.stems)
                })
            });
        alone.into_iter().chain(others)
    }

    /// The claims a speaker made (by the name the ledger gives the speaker,
    /// ignoring case), in the order added.
    pub fn claims_by(&self, speaker: &str) -> impl Iterator<Item = &TrackedClaim> {
        self.indexed(self.by_speaker.get(&speaker.to_lowercase()))
    }

    /// The claims of sources dated from `from` to `to`, both included,
    /// each written `YYYY-MM-DD`.
    ///
    /// ```
    /// let ledger = claimtrack::ledger::Ledger::new();
    /// assert_eq!(ledger.claims_between("2025-01-01", "2025-12-31")?.count(), 0);
    /// assert!(ledger.claims_between("garbage", "2025-12-31").is_err());
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] when `from` or `to` is not such a date.
    pub fn claims_between(
        &self,
        from: &str,
        to: &str,
    ) -> Result<impl Iterator<Item = &TrackedClaim>, Error> {
        let (from, to) = (source::parse_date(from)?, source::parse_date(to)?);
        Ok(self
            .claims
            .iter()
            .filter(move |c| c.date.is_some_and(|d| from <= d && d <= to)))
    }

    /// The relations a claim takes part in.
    pub fn relations_of(&self, id: &str) -> impl Iterator<Item = &Relation> {
        self.relations_of
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.relations.get(i))
    }

    /// Predictions no later claim has resolved: statements about the
    /// future, at least `possible`, in the order added.
    pub fn open_predictions(&self) -> impl Iterator<Item = &TrackedClaim> {
        self.claims.iter().filter(|c| {
            c.kind == ClaimKind::Statement
                && c.time == Time::Future
                && c.certainty >= Certainty::Possible
                && c.evidence != Evidence::Lacking
                && !self.resolved.contains(&c.id)
        })
    }

    /// What one speaker said about one entity, by date.
    pub fn timeline(&self, speaker: &str, entity: &str) -> impl Iterator<Item = &TrackedClaim> {
        let mut claims: Vec<&TrackedClaim> = match self.entity(entity) {
            Some(entity) => self
                .claims_by(speaker)
                .filter(|c| c.actor.as_ref().and_then(|a| a.entity.as_ref()) == Some(&entity.id))
                .collect(),
            None => Vec::new(),
        };
        claims.sort_by_key(|claim| order(claim));
        claims.into_iter()
    }

    fn indexed<'a>(
        &'a self,
        list: Option<&'a Vec<usize>>,
    ) -> impl Iterator<Item = &'a TrackedClaim> + 'a {
        list.into_iter()
            .flatten()
            .filter_map(|&i| self.claims.get(i))
    }
}

/// Claims in time: by date (undated first), then by the order added.
fn order(claim: &TrackedClaim) -> (Option<Date>, u64) {
    (claim.date, claim.seq)
}
