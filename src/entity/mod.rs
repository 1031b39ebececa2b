//! Entities: the people, countries, places and organisations a document
//! names, each with every mention that refers to it.
//!
//! The third stage of the pipeline. It reads every sentence of a
//! [`Document`], finds names (capitalised sequences with inner connectors,
//! titles left out, sentence-initial words only with other evidence, such
//! as being capitalised mid-sentence too or being no common English word),
//! looks them up in the built-in knowledge (countries with their demonyms
//! and capitals, international organisations, seats of power), and resolves
//! spelling variants, possessives, surnames and acronyms to one entity. The
//! claim stage asks it for the entity a subject phrase names, and for the
//! antecedent of a pronoun or a description such as "the country".

pub(crate) mod knowledge;
mod recognize;
mod reference;
mod resolve;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::span::Span;

pub use reference::Scope;
pub(crate) use reference::agrees;

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A name: "Lukashenka", "Lukashenko’s", "the Kremlin".
    Name,
    /// A demonym or adjective that stands for a country: "Belarusian".
    Demonym,
    /// An acronym introduced after its expansion: "(CSTO)".
    Acronym,
}

/// One place in the text that names an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The words of the mention, without a title before it or a possessive
    /// `'s` after it.
    pub span: Span,
    /// Index of the entity in [`Entities::entities`].
    pub entity: usize,
    /// How it names the entity.
    pub kind: MentionKind,
}

/// A person, country, place or organisation named in the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The canonical name: the knowledge files' name for known entities,
    /// otherwise the spelling used most often.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Every distinct spelling of its name mentions, possessives removed.
    pub aliases: Vec<String>,
    /// Where it is named (names, demonyms, acronyms), in text order.
    pub mentions: Vec<Span>,
    /// The country it belongs to (a capital, a national ministry, a seat of
    /// power), as an index into [`Entities::entities`].
    pub country: Option<usize>,
}

/// The entities of a document and their mentions.
///
/// ```
/// use claimtrack::{Document, entity::{Entities, EntityKind}};
///
/// let text = "Why did Lukashenko meet Putin?\n\nThe power of Lukashenka depends on Putin. \
///             The Belarusian leader needs Russian money.";
/// let doc = Document::parse(text)?;
/// let entities = Entities::recognize(&doc);
/// let names: Vec<&str> = entities.entities().iter().map(|e| e.name.as_str()).collect();
/// assert!(names.contains(&"Lukashenka") && names.contains(&"Putin"));
/// let lukashenka = entities.entities().iter().find(|e| e.name == "Lukashenka").unwrap();
/// assert_eq!(lukashenka.mentions.len(), 2);
/// let russia = entities.entities().iter().find(|e| e.name == "Russia").unwrap();
/// assert_eq!(russia.kind, EntityKind::Country);
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    entities: Vec<Entity>,
    /// Sorted by start.
    mentions: Vec<Mention>,
}

impl Entities {
    /// Finds and resolves the entities of a document.
    pub fn recognize(document: &Document<'_>) -> Entities {
        let candidates = recognize::candidates(document, knowledge::Knowledge::get());
        resolve::resolve(document.text(), candidates, knowledge::Knowledge::get())
    }

    /// The entities, in order of first mention.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// One entity.
    pub fn entity(&self, index: usize) -> Option<&Entity> {
        self.entities.get(index)
    }

    /// Every mention, in text order.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The mentions inside `span`, in text order.
    pub fn mentions_in(&self, span: Span) -> &[Mention] {
        let start = self.mentions.partition_point(|m| m.span.start < span.start);
        // Mentions do not overlap, so only the last one starting inside
        // `span` can end after it.
        let mut end = self.mentions.partition_point(|m| m.span.start < span.end);
        if end > start
            && self
                .mentions
                .get(end - 1)
                .is_some_and(|m| m.span.end > span.end)
        {
            end -= 1;
        }
        self.mentions.get(start..end).unwrap_or(&[])
    }

    /// The mentions that start before `offset`, in text order.
    pub(crate) fn mentions_before(&self, offset: usize) -> &[Mention] {
        let end = self.mentions.partition_point(|m| m.span.start < offset);
        self.mentions.get(..end).unwrap_or(&[])
    }
}
