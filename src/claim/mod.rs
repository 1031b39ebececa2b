//! Claims: typed records of what each speaker puts forward.
//!
//! The fourth stage of the pipeline. For every answer turn (and the title),
//! it splits each sentence into clauses, strips evidence, report and hedge
//! frames from the proposition, and fills a [`Claim`]: the actor, the
//! assertion, polarity, certainty, evidence stance, the source of a
//! reported claim, time, quantities — and the cue words that set each
//! field. Question turns yield premises: a declarative question, a
//! statement put to the interviewee, or a reported statement inside a
//! question. What each field means is set out on [`Claim`].

mod actor;
mod analyze;
mod clause;
mod cues;
mod frame;
pub(crate) mod id;
mod quantity;
mod question;
mod render;
mod sentence;
#[cfg(test)]
mod tests;
mod warning;
mod worth;

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

pub use actor::EntityRef;
pub use cues::CueFamily;
pub use id::{ClaimId, EntityId};
pub use quantity::{Quantity, QuantityKind};
pub use render::RenderOptions;
pub use warning::Warning;
pub use worth::{CheckWorthiness, FEATURES as CHECK_WORTHINESS_FEATURES, WorthFeature};

use crate::document::{Document, DocumentRecord, Parser, ParserBuilder};
use crate::entity::{Entities, EntityKind, Mention, MentionKind, Recognizer, RecognizerBuilder};
use crate::error::Error;
use crate::span::Span;
use cues::Cues;

/// Whether the proposition itself is affirmed or denied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Affirmed.
    Positive,
    /// Negated inside its own clause ("not", "never", "cannot", "none of
    /// this"), or hedged negatively ("It is unlikely that P", "I don't see
    /// P"). A negated evidence frame ("There is no evidence that P") does
    /// not negate P.
    Negative,
}

crate::label::labels! {
    Polarity in "claim" {
        Positive => "positive",
        Negative => "negative",
    }
}

/// How strongly the speaker commits to the proposition, from weakest to
/// strongest (after the `FactBank` scale).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Certainty {
    /// The speaker commits neither way: "it is unclear", "it depends",
    /// "nobody knows", "there is no evidence that", a declarative question.
    Unknown,
    /// Held possible: "perhaps", "maybe", "may", "might", "could".
    Possible,
    /// Held probable: "probably", "likely", "unlikely", "I think", "I don't
    /// see".
    Probable,
    /// Stated without a hedge.
    Certain,
}

crate::label::labels! {
    Certainty in "claim" {
        Unknown => "unknown",
        Possible => "possible",
        Probable => "probable",
        Certain => "certain",
    }
}

/// The evidence stance: on what footing the proposition is put forward.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Evidence {
    /// Stated as fact with no evidential marker.
    Asserted,
    /// The speaker points to signs, data or documents: "there are a lot of
    /// signs that", "the data show that".
    Evidenced,
    /// The speaker says evidence is absent or thin: "there is no evidence
    /// that", "not a single sign of", "there is little information".
    Lacking,
    /// Attributed to another source: "X said", "according to X", "X's
    /// statement that", "narratives that".
    Reported,
    /// Inferred from appearance: "looks like", "seems", "appears".
    Inferred,
}

crate::label::labels! {
    Evidence in "claim" {
        Asserted => "asserted",
        Evidenced => "evidenced",
        Lacking => "lacking",
        Reported => "reported",
        Inferred => "inferred",
    }
}

/// When the proposition holds or happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Time {
    /// Before the statement: past-tense verbs, "ago", "last year".
    Past,
    /// At the time of the statement.
    Present,
    /// After it: "will", "going to", "expect", "in the coming days". A
    /// future claim is a prediction a later statement can resolve.
    Future,
}

crate::label::labels! {
    Time in "claim" {
        Past => "past",
        Present => "present",
        Future => "future",
    }
}

/// Where a claim comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClaimKind {
    /// Put forward by the speaker of an answer turn (or by the headline).
    Statement,
    /// Carried by a question turn: a declarative question, a statement put
    /// to the interviewee, or a reported statement inside a question.
    Premise,
}

crate::label::labels! {
    ClaimKind in "claim" {
        Statement => "statement",
        Premise => "premise",
    }
}

/// Which field a cue set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CueKind {
    /// Set [`Claim::polarity`].
    Polarity,
    /// Set [`Claim::certainty`].
    Certainty,
    /// Set [`Claim::evidence`].
    Evidence,
    /// Named the source in [`Claim::attributed_to`].
    Attribution,
    /// Set [`Claim::time`].
    Time,
}

crate::label::labels! {
    CueKind in "claim" {
        Polarity => "polarity",
        Certainty => "certainty",
        Evidence => "evidence",
        Attribution => "attribution",
        Time => "time",
    }
}

/// A word or phrase that set a field of a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cue {
    /// The field it set.
    pub kind: CueKind,
    /// The words as written.
    pub text: String,
    /// Where they are.
    pub span: Span,
}

/// A claim: one proposition a speaker puts forward, with every field traced
/// to the words that set it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Claim {
    /// Unique within the extraction and anchored to the claim's words
    /// ([`ClaimId`]): edits elsewhere in the text leave it unchanged.
    pub id: ClaimId,
    /// A statement of an answer (or title) turn, or a premise of a question.
    pub kind: ClaimKind,
    /// Index of the turn in the extraction's `turns`.
    pub turn: usize,
    /// The clause the claim is read from, frame included ("There is no
    /// evidence that Putin asked …").
    pub span: Span,
    /// The text of `span`.
    pub text: String,
    /// The turn's speaker label, if the layout has labels.
    pub speaker: Option<String>,
    /// The id of the entity that speaks the turn ("e2"): the person its
    /// label names, or for unlabelled answers the person the questions
    /// address by name.
    pub speaker_entity: Option<EntityId>,
    /// Who or what the proposition is about and who does or holds the
    /// predicate: normally the grammatical subject of the proposition
    /// (inside a frame, the subject of the embedded proposition), with
    /// pronouns and descriptions resolved. `None` when the subject names no
    /// entity ("The process will continue").
    pub actor: Option<EntityRef>,
    /// The predicate: the proposition without its actor and frame
    /// ("stabilizes his internal position").
    pub assertion: String,
    /// Where the assertion is.
    pub assertion_span: Span,
    /// Whether the proposition is affirmed or denied.
    pub polarity: Polarity,
    /// How strongly the speaker commits to it.
    pub certainty: Certainty,
    /// On what footing it is put forward.
    pub evidence: Evidence,
    /// The source of a reported claim: an entity, or the words naming the
    /// source ("these narratives") when they name no entity.
    pub attributed_to: Option<EntityRef>,
    /// When it holds or happens.
    pub time: Time,
    /// Numbers, amounts, durations and dates inside the claim.
    pub quantities: Vec<Quantity>,
    /// Every word that set polarity, certainty, evidence, attribution or
    /// time, in text order.
    pub cues: Vec<Cue>,
    /// How much the claim is worth checking, and the features that say so.
    #[serde(default)]
    pub check_worthiness: CheckWorthiness,
}

/// An entity in the output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EntityRecord {
    /// "e" and the entity's number; claims refer to it.
    pub id: EntityId,
    /// Canonical name: the built-in or user-given name of a known entity,
    /// else the fullest form the document uses.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Every spelling the document uses for it.
    pub aliases: Vec<String>,
    /// Every place that names or refers to it, in text order.
    pub mentions: Vec<MentionRecord>,
    /// The id of the country it belongs to, if any.
    pub country: Option<EntityId>,
    /// True for a capital or a seat of power, which stands for its
    /// `country`'s state when it acts; left out of JSON when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub seat: bool,
    /// For a person, the id of the organisation or country the text ties
    /// them to, which "we" in their answers means.
    pub affiliation: Option<EntityId>,
    /// The common nouns the text puts beside its name ("manufacturer").
    pub described_as: Vec<String>,
    /// True when nothing in the text told the kind and `kind` is a guess
    /// from the name's shape or the default (a person); left out of JSON
    /// when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kind_guessed: bool,
    /// For a name context could not settle, the ids of the entities it
    /// could be; empty otherwise.
    pub ambiguous_with: Vec<EntityId>,
}

/// One mention of an entity in the output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MentionRecord {
    /// Where it is.
    pub span: Span,
    /// The text of `span`.
    pub text: String,
    /// How it names or refers to the entity.
    pub kind: MentionKind,
    /// For a reference, the earlier mention it was resolved through.
    pub antecedent: Option<Span>,
}

/// Everything extracted from one document, as owned data: the document's
/// turns, speakers and dropped lines, its entities, and its claims.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extraction {
    /// Layout, turns, speakers and dropped lines.
    #[serde(flatten)]
    pub document: DocumentRecord,
    /// The entities, in order of first mention.
    pub entities: Vec<EntityRecord>,
    /// The claims, in text order.
    pub claims: Vec<Claim>,
    /// What makes this extraction unreliable (text mostly not English);
    /// left out of JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

impl Extraction {
    /// The warnings: what makes this extraction unreliable.
    ///
    /// ```
    /// let extraction = claimtrack::extract("Q: Why?\n\nA: Putin signed the deal.")?;
    /// assert_eq!(extraction.warnings().count(), 0);
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    pub fn warnings(&self) -> impl Iterator<Item = &Warning> {
        self.warnings.iter()
    }

    /// The claims of answer and title turns (not premises).
    pub fn statements(&self) -> impl Iterator<Item = &Claim> {
        self.claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Statement)
    }

    /// The premises of questions: what a question takes as given.
    ///
    /// ```
    /// let extraction = claimtrack::extract(
    ///     "Q: Since the plant closed in May, who pays the workers?\n\nA: The city does.",
    /// )?;
    /// assert_eq!(extraction.premises().count(), 1);
    /// assert_eq!(extraction.statements().count(), 1);
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    pub fn premises(&self) -> impl Iterator<Item = &Claim> {
        self.claims.iter().filter(|c| c.kind == ClaimKind::Premise)
    }

    /// The entity with this id (a claim's actor, source or speaker).
    pub fn entity(&self, id: &EntityId) -> Option<&EntityRecord> {
        entity_by_id(&self.entities, id)
    }

    /// The claim with this id.
    pub fn claim(&self, id: &ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|claim| claim.id == *id)
    }
}

/// The entity with this id among `entities`. Entities are numbered in order
/// ("e3" is the third), so this is one look-up; the search is for records
/// built by hand.
fn entity_by_id<'e>(entities: &'e [EntityRecord], id: &EntityId) -> Option<&'e EntityRecord> {
    id.as_str()
        .strip_prefix('e')
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| entities.get(n.checked_sub(1)?))
        .filter(|entity| entity.id == *id)
        .or_else(|| entities.iter().find(|entity| entity.id == *id))
}

/// Extracts claims from interview text with the default [`Extractor`].
///
/// ```
/// use claimtrack::claim::{Evidence, Polarity, Certainty};
///
/// let text = "Talks in Minsk\n\nDid Putin ask for troops?\n\n\
///             There is no evidence that Putin asked Lukashenka to join the war. \
///             Belarus cannot reduce the impact of sanctions.";
/// let extraction = claimtrack::extract(text)?;
/// let first = &extraction.claims[0];
/// assert_eq!(first.actor.as_ref().unwrap().name, "Putin");
/// assert_eq!(first.evidence, Evidence::Lacking);
/// assert_eq!(first.polarity, Polarity::Positive);
/// assert_eq!(first.certainty, Certainty::Unknown);
/// let second = &extraction.claims[1];
/// assert_eq!(second.actor.as_ref().unwrap().name, "Belarus");
/// assert_eq!(second.polarity, Polarity::Negative);
/// # Ok::<(), claimtrack::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::EmptyInput`] for empty or blank text.
pub fn extract(text: &str) -> Result<Extraction, Error> {
    Extractor::default_ref().extract(text)
}

/// Extracts claims; build once, use for many documents (`Send + Sync`).
#[derive(Clone, Debug)]
pub struct Extractor {
    parser: Parser,
    recognizer: Recognizer,
    cues: Cues,
    worth: worth::Phrases,
}

static DEFAULT_EXTRACTOR: once_cell::sync::Lazy<Extractor> =
    once_cell::sync::Lazy::new(|| Extractor {
        parser: Parser::default_ref().clone(),
        recognizer: Recognizer::default_ref().clone(),
        cues: Cues::builtin().clone(),
        worth: worth::Phrases::builtin().clone(),
    });

impl Extractor {
    /// The extractor with the built-in lexicons.
    pub fn default_ref() -> &'static Extractor {
        &DEFAULT_EXTRACTOR
    }

    /// A builder to add cue phrases, entities, or configure the parser.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Parses `text` and extracts its entities and claims.
    ///
    /// # Errors
    ///
    /// [`Error::EmptyInput`] for empty or blank text.
    pub fn extract(&self, text: &str) -> Result<Extraction, Error> {
        let document = self.parser.parse(text)?;
        Ok(self.extract_document(&document))
    }

    /// Extracts many documents, on all cores with the `parallel` feature
    /// (on by default), one after another without it. The results are in
    /// the order of `texts`; `progress` is called once per document done,
    /// with the number done so far, from whichever thread finished it.
    ///
    /// ```
    /// use claimtrack::Extractor;
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    ///
    /// let texts = ["Q: Why?\n\nA: Putin signed it.", "", "Q: When?\n\nA: Minsk will vote in May."];
    /// let done = AtomicUsize::new(0);
    /// let results = Extractor::default_ref().extract_batch(&texts, |_| {
    ///     done.fetch_add(1, Ordering::Relaxed);
    /// });
    /// assert_eq!(results.len(), 3);
    /// assert_eq!(done.load(Ordering::Relaxed), 3);
    /// assert!(results[1].is_err()); // empty input, in its place
    /// assert_eq!(results[2].as_ref().unwrap().claims[0].text, "Minsk will vote in May");
    /// ```
    pub fn extract_batch<T>(
        &self,
        texts: &[T],
        progress: impl Fn(usize) + Sync,
    ) -> Vec<Result<Extraction, Error>>
    where
        T: AsRef<str> + Sync,
    {
        let done = std::sync::atomic::AtomicUsize::new(0);
        self.extract_batch_with(texts, |_, result| {
            progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
            result
        })
    }

    /// [`Extractor::extract_batch`], with `each` applied to every result
    /// (and the index of its text) on the thread that extracted it:
    /// serialise, count or filter in parallel too. The values are in the
    /// order of `texts`.
    ///
    /// ```
    /// use claimtrack::Extractor;
    ///
    /// let texts = ["Q: Why?\n\nA: Putin signed it.", "Q: When?\n\nA: Minsk will vote in May."];
    /// let counts = Extractor::default_ref()
    ///     .extract_batch_with(&texts, |_, result| result.map_or(0, |e| e.claims.len()));
    /// assert_eq!(counts, [1, 1]);
    /// ```
    pub fn extract_batch_with<T, R>(
        &self,
        texts: &[T],
        each: impl Fn(usize, Result<Extraction, Error>) -> R + Sync,
    ) -> Vec<R>
    where
        T: AsRef<str> + Sync,
        R: Send,
    {
        let one = |(index, text): (usize, &T)| each(index, self.extract(text.as_ref()));
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            texts.par_iter().enumerate().map(one).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            texts.iter().enumerate().map(one).collect()
        }
    }

    /// Extracts the entities and claims of a parsed document.
    pub fn extract_document(&self, document: &Document<'_>) -> Extraction {
        let entities = self.recognizer.recognize(document);
        let mut claims = analyze::claims(document, &entities, &self.cues);
        let records = entity_records(document.text(), &entities);
        for claim in &mut claims {
            claim.check_worthiness =
                worth::check_worthiness(claim, document.text(), &records, &self.worth);
        }
        Extraction {
            document: document.to_record(),
            entities: records,
            claims,
            warnings: warning::warnings(document.text()),
        }
    }
}

/// The entities with their mentions, names and references together, in
/// text order.
fn entity_records(text: &str, entities: &Entities) -> Vec<EntityRecord> {
    let mut mentions: Vec<Vec<&Mention>> = vec![Vec::new(); entities.entities().len()];
    for mention in entities.mentions().iter().chain(entities.references()) {
        if let Some(list) = mentions.get_mut(mention.entity) {
            list.push(mention);
        }
    }
    entities
        .entities()
        .iter()
        .zip(mentions)
        .enumerate()
        .map(|(index, (entity, mut list))| {
            list.sort_by_key(|m| m.span);
            EntityRecord {
                id: actor::entity_id(index),
                name: entity.name.clone(),
                kind: entity.kind,
                aliases: entity.aliases.clone(),
                mentions: list
                    .into_iter()
                    .map(|m| MentionRecord {
                        span: m.span,
                        text: m.span.slice(text).to_string(),
                        kind: m.kind,
                        antecedent: m.antecedent,
                    })
                    .collect(),
                country: entity.country.map(actor::entity_id),
                seat: entity.seat,
                affiliation: entity.affiliation.map(actor::entity_id),
                described_as: entity.described_as.clone(),
                kind_guessed: entity.kind_guessed,
                ambiguous_with: entity
                    .ambiguous_with
                    .iter()
                    .copied()
                    .map(actor::entity_id)
                    .collect(),
            }
        })
        .collect()
}

impl Default for Extractor {
    fn default() -> Extractor {
        DEFAULT_EXTRACTOR.clone()
    }
}

/// Configures an [`Extractor`].
///
/// ```
/// use claimtrack::claim::{Certainty, CueFamily, Extractor};
///
/// let extractor = Extractor::builder()
///     .cue(CueFamily::Probable, "in my humble view")
///     .build()?;
/// let text = "Q: Will it pass?\n\nA: In my humble view the bill will pass.";
/// let extraction = extractor.extract(text)?;
/// assert_eq!(extraction.statements().next().unwrap().certainty, Certainty::Probable);
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    parser: Option<ParserBuilder>,
    entities: Option<RecognizerBuilder>,
    cues: Vec<(CueFamily, String)>,
    worth: Vec<(String, String)>,
}

impl ExtractorBuilder {
    /// Adds a cue phrase to a family (matched ignoring case on word
    /// boundaries; for verb families give the lemma).
    pub fn cue(&mut self, family: CueFamily, phrase: &str) -> &mut Self {
        self.cues.push((family, phrase.to_string()));
        self
    }

    /// Adds a phrase to a check-worthiness feature that has words
    /// (`comparison`, `causal`, `policy`, `opinion`, `floor`, `pleasantry`;
    /// matched ignoring case on word boundaries), with the feature's fitted
    /// weight.
    ///
    /// ```
    /// use claimtrack::Extractor;
    ///
    /// let extractor = Extractor::builder()
    ///     .check_worthiness_phrase("policy", "tram lines")
    ///     .build()?;
    /// let extraction = extractor.extract("Q: And the city?\n\nA: The tram lines were closed.")?;
    /// let features = &extraction.claims[0].check_worthiness.features;
    /// assert!(features.iter().any(|f| f.name == "policy" && f.text.as_deref() == Some("tram lines")));
    /// assert!(Extractor::builder().check_worthiness_phrase("length", "long").build().is_err());
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    pub fn check_worthiness_phrase(&mut self, feature: &str, phrase: &str) -> &mut Self {
        self.worth.push((feature.to_string(), phrase.to_string()));
        self
    }

    /// Uses this parser configuration for documents: a builder, a
    /// reference to one, or the `&mut` its chained calls return.
    pub fn parser(&mut self, parser: impl Borrow<ParserBuilder>) -> &mut Self {
        self.parser = Some(parser.borrow().clone());
        self
    }

    /// Uses this entity configuration (a newsroom's own entities and
    /// spellings): a builder, a reference to one, or the `&mut` its
    /// chained calls return.
    ///
    /// ```
    /// use claimtrack::Extractor;
    /// use claimtrack::entity::{EntityKind, Recognizer};
    ///
    /// let extractor = Extractor::builder()
    ///     .entities(Recognizer::builder().entity("Baltmar", EntityKind::Organization, ["BTM"]))
    ///     .build()?;
    /// let extraction = extractor.extract("Q: And BTM?\n\nA: BTM will sell the port.")?;
    /// assert_eq!(extraction.claims[0].actor.as_ref().unwrap().name, "Baltmar");
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    pub fn entities(&mut self, entities: impl Borrow<RecognizerBuilder>) -> &mut Self {
        self.entities = Some(entities.borrow().clone());
        self
    }

    /// Compiles the extractor.
    ///
    /// # Errors
    ///
    /// [`Error::Lexicon`] for an unusable cue, entity or parser entry.
    pub fn build(&self) -> Result<Extractor, Error> {
        let parser = match &self.parser {
            Some(builder) => builder.build()?,
            None => Parser::default_ref().clone(),
        };
        let recognizer = match &self.entities {
            Some(builder) => builder.build()?,
            None => Recognizer::default_ref().clone(),
        };
        Ok(Extractor {
            parser,
            recognizer,
            cues: Cues::new(&self.cues)?,
            worth: if self.worth.is_empty() {
                worth::Phrases::builtin().clone()
            } else {
                worth::Phrases::with(&self.worth)?
            },
        })
    }
}
