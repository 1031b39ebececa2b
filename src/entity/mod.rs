//! Entities: the people, countries, places and organisations a document
//! names, each with every mention that names or refers to it.
//!
//! The third stage of the pipeline, in four steps:
//!
//! 1. **Recognition** reads every sentence for names: capitalised
//!    sequences with inner connectors ("Ministry of Defense"), titles left
//!    out ("Foreign Minister Lavrov" names "Lavrov"), and a sentence's
//!    first word only with other evidence (capitalised mid-sentence too, or
//!    no common English word). Names the built-in knowledge knows
//!    (countries with their demonyms and capitals, large cities,
//!    international organisations, seats of power) take its entry and kind.
//! 2. **Resolution** groups the names that name one referent: spelling and
//!    transliteration variants, possessives, a surname after a full name,
//!    an acronym after its expansion. A name that could belong to two
//!    people ("Kim" beside "Kim Jong Un" and "Kim Yo Jong") goes to one of
//!    them only when context settles it; otherwise it stays an entity of
//!    its own that lists the candidates in [`Entity::ambiguous_with`].
//! 3. **Speakers**: each speaker label ("MR. SULLIVAN") is linked to the
//!    person the text names ("Jake Sullivan"), and each person to the
//!    organisation or country the text ties them to ("Ned Price, spokesman
//!    for the State Department").
//! 4. **Reference**: pronouns, definite descriptions ("the country", "the
//!    Belarusian leader") and first person in answers ("we", "our
//!    country") are resolved and recorded as mentions too, each with the
//!    mention it was resolved through, so a reader can check every link.
//!    The rules are set out in [`Entities::references`].
//!
//! [`Recognizer::builder`] adds a newsroom's own entities and alias
//! spellings.

mod addressee;
mod gazetteer;
pub(crate) mod knowledge;
mod recognize;
mod recognizer;
mod reference;
mod resolve;
mod settle;
mod speaker;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::span::Span;

pub use recognizer::{Recognizer, RecognizerBuilder};
pub(crate) use resolve::{same_name, strip_possessive};

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person: "Putin", "Dr. Ingrid Solberg".
    Person,
    /// A country or territory: "Belarus", "Greenland".
    Country,
    /// A city, region or other place: "Minsk", "Front Street".
    Place,
    /// An organisation, institution, company or seat of power: "NATO",
    /// "the Ministry of Defense", "Halvorsen Motors", "the Kremlin".
    Organization,
    /// A group of people: "the Belarusians" as a people.
    Group,
    /// A name of no known kind (a product, an event).
    #[default]
    Other,
}

crate::label::labels! {
    EntityKind in "entity" {
        Person => "person",
        Country => "country",
        Place => "place",
        Organization => "organization",
        Group => "group",
        Other => "other",
    }
}

impl EntityKind {
    /// The kind with this name, as [`EntityKind::as_str`] writes it
    /// ("organisation" is accepted too).
    pub fn parse(name: &str) -> Option<EntityKind> {
        Some(match name.trim().to_lowercase().as_str() {
            "person" => EntityKind::Person,
            "country" => EntityKind::Country,
            "place" => EntityKind::Place,
            "organization" | "organisation" => EntityKind::Organization,
            "group" => EntityKind::Group,
            "other" => EntityKind::Other,
            _ => return None,
        })
    }
}

/// How a mention names or refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MentionKind {
    /// A name: "Lukashenka", "Lukashenko’s", "the Kremlin".
    Name,
    /// A demonym or adjective that stands for a country: "Belarusian".
    Demonym,
    /// An acronym introduced after its expansion: "(CSTO)".
    Acronym,
    /// A speaker label: the name part of "MR. SULLIVAN:".
    Speaker,
    /// A third-person pronoun: "he", "his", "they", "its".
    Pronoun,
    /// A definite description: "the country", "the Belarusian leader".
    Description,
    /// First person in an answer: "I", "we", "our country" — the speaker,
    /// or the side the text says the speaker speaks for.
    FirstPerson,
    /// Second person the text addresses to someone it names: "you" in a
    /// question is the one who answers it; "you", "your country" in an
    /// address to a people ("My fellow Americans, …") is their country.
    SecondPerson,
}

crate::label::labels! {
    MentionKind in "entity" {
        Name => "name",
        Demonym => "demonym",
        Acronym => "acronym",
        Speaker => "speaker",
        Pronoun => "pronoun",
        Description => "description",
        FirstPerson => "first_person",
        SecondPerson => "second_person",
    }
}

impl MentionKind {
    /// True for the kinds that refer back rather than name: pronouns,
    /// descriptions, first and second person.
    pub fn is_reference(self) -> bool {
        matches!(
            self,
            MentionKind::Pronoun
                | MentionKind::Description
                | MentionKind::FirstPerson
                | MentionKind::SecondPerson
        )
    }
}

/// One place in the text that names or refers to an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mention {
    /// The words of the mention, without a title before a name or a
    /// possessive `'s` after it; a description from "the" to its noun.
    pub span: Span,
    /// Index of the entity in [`Entities::entities`].
    pub entity: usize,
    /// How it names or refers to the entity.
    pub kind: MentionKind,
    /// For a pronoun or description, the earlier mention it was resolved
    /// through ("he" → the "Putin" before it); for first person, the
    /// turn's speaker label when it names the speaker, else the first
    /// mention of the entity ("we" → the organisation's first mention).
    pub antecedent: Option<Span>,
}

/// A person, country, place or organisation named in the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// The canonical name: the knowledge files' (or the user's) name for
    /// known entities, otherwise the fullest form the document uses ("Ingrid
    /// Solberg" over "Solberg"; the commonest spelling among equally full
    /// ones).
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Every distinct spelling of its name the document uses, possessives
    /// removed, sorted.
    pub aliases: Vec<String>,
    /// Where it is named (names, demonyms, acronyms, speaker labels), in
    /// text order.
    pub mentions: Vec<Span>,
    /// Where it is referred to (pronouns, descriptions, first person), in
    /// text order.
    pub references: Vec<Span>,
    /// The country it belongs to — a capital's, a seat of power's, a
    /// national body's, or a person's when the text qualifies them
    /// ("Belarusian President Lukashenka") — as an index into
    /// [`Entities::entities`].
    pub country: Option<usize>,
    /// True for a capital or a seat of power ("Tbilisi", "the Kremlin"):
    /// acting, it stands for the state of its `country`.
    #[serde(default)]
    pub seat: bool,
    /// For a person, the organisation or country the text ties them to
    /// ("Ned Price, spokesman for the State Department"; "Halvorsen Motors
    /// CEO Erik Vang"): what "we" means in their answers.
    pub affiliation: Option<usize>,
    /// The common nouns the text puts beside its name, lower case, in order
    /// of first use ("manufacturer" for "Nordkabel, the Swedish
    /// manufacturer"); "the manufacturer" later refers back to it.
    pub described_as: Vec<String>,
    /// For a name that could be more than one entity ("Kim" beside "Kim
    /// Jong Un" and "Kim Yo Jong") where context did not settle it: the
    /// candidates. Empty for a name that is not in doubt.
    pub ambiguous_with: Vec<usize>,
    /// True when nothing in the text told the kind: `kind` comes from the
    /// name's shape alone (two to four capitalised words: a person) or is
    /// the default guess (a person).
    #[serde(default)]
    pub kind_guessed: bool,
}

impl Entity {
    /// An entity of `kind` named `name`, with nothing else known yet.
    pub(crate) fn named(name: impl Into<String>, kind: EntityKind) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: Vec::new(),
            mentions: Vec::new(),
            references: Vec::new(),
            country: None,
            seat: false,
            affiliation: None,
            described_as: Vec::new(),
            ambiguous_with: Vec::new(),
            kind_guessed: false,
        }
    }
}

/// The entities of a document and their mentions.
///
/// ```
/// use claimtrack::{Document, entity::{Entities, EntityKind, MentionKind}};
///
/// let text = "Why did Lukashenko meet Putin?\n\nPutin met Lukashenka in Sochi. \
///             He needs Russian money.";
/// let doc = Document::parse(text)?;
/// let entities = Entities::recognize(&doc);
/// let lukashenka = entities.entities().iter().find(|e| e.name == "Lukashenka").unwrap();
/// assert_eq!(lukashenka.aliases, ["Lukashenka", "Lukashenko"]);
/// let russia = entities.entities().iter().find(|e| e.name == "Russia").unwrap();
/// assert_eq!(russia.kind, EntityKind::Country);
/// // "He" is recorded as a reference to Putin, the subject of the sentence
/// // before.
/// let he = entities.reference_at(text.find("He").unwrap()).unwrap();
/// assert_eq!(he.kind, MentionKind::Pronoun);
/// assert_eq!(entities.entity(he.entity).unwrap().name, "Putin");
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
// `Entities::entities` reads as the type's own word for its list.
#[allow(clippy::struct_field_names)]
pub struct Entities {
    entities: Vec<Entity>,
    /// Names, demonyms, acronyms and speaker labels; sorted by start, not
    /// overlapping.
    mentions: Vec<Mention>,
    /// Pronouns, descriptions and first person; sorted by start, not
    /// overlapping.
    references: Vec<Mention>,
    /// The entity that speaks each turn, by turn index.
    speakers: Vec<Option<usize>>,
}

impl Entities {
    /// Finds and resolves the entities of a document with the built-in
    /// knowledge (see [`Recognizer`] to add your own).
    pub fn recognize(document: &Document<'_>) -> Entities {
        Recognizer::default_ref().recognize(document)
    }

    /// The entities, in order of first mention.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// One entity.
    pub fn entity(&self, index: usize) -> Option<&Entity> {
        self.entities.get(index)
    }

    /// Every name mention (names, demonyms, acronyms, speaker labels), in
    /// text order.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// Every resolved reference (pronouns, descriptions, first person), in
    /// text order.
    ///
    /// The text is read in order, so a reference can resolve through an
    /// earlier one ("Anna Kowalczyk … She … Her …"). The candidates are the
    /// name mentions and third-person references before the word:
    ///
    /// - **he, him, his, she, her** want a person: the nearest one earlier
    ///   in the same sentence; else the first in the sentence before (its
    ///   subject, as a rule); else the nearest in the turn; else in the turn
    ///   before. The crate keeps no list of first names, so "he" and "she"
    ///   agree with any person, but "he" does not resolve through an earlier
    ///   "she", and an object ("him", "them", "with her") is not the subject
    ///   of its own clause ("She thanked him").
    /// - **they, them, their** want an organisation, country or group, by
    ///   the same steps within the paragraph; else a person earlier in the
    ///   same sentence.
    /// - **it, its** want an organisation, country, place or thing: the
    ///   nearest in the same sentence; "its" may also take the first in the
    ///   sentence before.
    /// - **the NOUN** ("the country", "the ministry", "the regulator"; the
    ///   nouns are data in `entity_words.txt`) wants that kind. Right after
    ///   a name and a comma it is that name ("Nordkabel, the Swedish
    ///   manufacturer"). A title noun ("the president") is the person last
    ///   titled so ("President Putin"); with a demonym ("the Belarusian
    ///   leader") an entity of that country; else an entity the text
    ///   described with that noun, or whose name is built on it and holds
    ///   any modifiers ("the audit chamber" → "State Audit Chamber"), nearest
    ///   in the turn first; else, without modifiers and for kinds other than
    ///   `other`, the nearest entity of the kind in the turn, or the one
    ///   mentioned most so far.
    /// - **I, we, our** in a turn whose speaker is known are the speaker;
    ///   "we" and "our" the speaker's [`Entity::affiliation`] when the text
    ///   gives one; "our country" that side's country.
    ///
    /// A pronoun never refers to its own turn's speaker, and a speaker label
    /// is never an antecedent.
    ///
    /// Each reference's [`Mention::antecedent`] is the mention it was
    /// resolved through. A word no rule resolves is not recorded.
    pub fn references(&self) -> &[Mention] {
        &self.references
    }

    /// The name mentions inside `span`, in text order.
    pub fn mentions_in(&self, span: Span) -> &[Mention] {
        within(&self.mentions, span)
    }

    /// The resolved references inside `span`, in text order.
    pub fn references_in(&self, span: Span) -> &[Mention] {
        within(&self.references, span)
    }

    /// The resolved reference that starts at byte `offset`, if any.
    pub fn reference_at(&self, offset: usize) -> Option<&Mention> {
        let index = self
            .references
            .binary_search_by_key(&offset, |m| m.span.start)
            .ok()?;
        self.references.get(index)
    }

    /// The entity that speaks turn `turn` (an index into
    /// [`Document::turns`]): the person its label names, or for unlabelled
    /// answers the person the questions address by name.
    pub fn speaker(&self, turn: usize) -> Option<usize> {
        self.speakers.get(turn).copied().flatten()
    }

    /// The name mentions that start before `offset`, in text order.
    pub(crate) fn mentions_before(&self, offset: usize) -> &[Mention] {
        let end = self.mentions.partition_point(|m| m.span.start < offset);
        self.mentions.get(..end).unwrap_or(&[])
    }
}

/// The mentions of a sorted, non-overlapping list that lie inside `span`.
fn within(mentions: &[Mention], span: Span) -> &[Mention] {
    let start = mentions.partition_point(|m| m.span.start < span.start);
    // Mentions do not overlap, so only the last one starting inside `span`
    // can end after it.
    let mut end = mentions.partition_point(|m| m.span.start < span.end);
    if end > start && mentions.get(end - 1).is_some_and(|m| m.span.end > span.end) {
        end -= 1;
    }
    mentions.get(start..end).unwrap_or(&[])
}
