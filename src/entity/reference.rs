//! Reference: the entity a pronoun or a definite description points back
//! to.
//!
//! The rule is recency with agreement: the nearest earlier mention whose
//! entity fits the word, within a window that depends on the word.
//!
//! - **he, him, his, she, her, himself, herself**: the nearest person in
//!   the current turn, else in the turn before it.
//! - **they, them, their, themselves**: the nearest organisation, country
//!   or group in the current paragraph, else the nearest person in the
//!   current turn.
//! - **it, its, itself**: the nearest organisation, country or place in the
//!   current sentence (a subject "it" is too often no entity at all).
//! - **the country, the ministry, the president, …** (see
//!   `entity_words.txt`): the nearest entity of that kind in the current
//!   turn, else the one mentioned most in the document so far; an
//!   organisation whose name contains the noun ("the ministry" → "Ministry
//!   of Defense") is preferred.
//!
//! Demonyms count as mentions of their country.

use super::knowledge::Knowledge;
use super::{Entities, EntityKind};

/// How far back a reference may look, as byte offsets where the current
/// sentence, paragraph and turn begin.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// Start of the sentence the reference is in.
    pub sentence: usize,
    /// Start of its paragraph.
    pub paragraph: usize,
    /// Start of its turn.
    pub turn: usize,
    /// Start of the turn before it, the furthest a personal pronoun looks.
    pub previous_turn: usize,
}

/// Most mentions looked at for one reference; bounds the cost per word.
const LOOK_BACK: usize = 400;

/// What a reference word asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wanted {
    Person,
    Plural,
    Thing,
    Kind(EntityKind),
}

/// Organisations, countries and groups: what "they" and "its" stand for.
fn is_collective(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Organization | EntityKind::Country | EntityKind::Group
    )
}

/// True when the pronoun `word` agrees with an entity of `kind`: "he",
/// "his" with a person; "they", "their", "its" with an organisation,
/// country or group.
pub(crate) fn agrees(word: &str, kind: EntityKind) -> bool {
    match wanted(&word.to_lowercase()) {
        Some(Wanted::Person) => kind == EntityKind::Person,
        Some(Wanted::Plural | Wanted::Thing) => is_collective(kind),
        _ => false,
    }
}

fn wanted(word: &str) -> Option<Wanted> {
    match word {
        "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" => {
            Some(Wanted::Person)
        }
        "they" | "them" | "their" | "theirs" | "themselves" => Some(Wanted::Plural),
        "it" | "its" | "itself" => Some(Wanted::Thing),
        _ => None,
    }
}

impl Entities {
    /// The entity that `word` (a pronoun, or the noun of a definite
    /// description such as "country" in "the country") at byte `at` refers
    /// to, or `None` when no mention fits.
    ///
    /// ```
    /// use claimtrack::{Document, entity::{Entities, Scope}};
    ///
    /// let text = "Putin met Lukashenko in Minsk. He praised the country.";
    /// let doc = Document::parse(text)?;
    /// let entities = Entities::recognize(&doc);
    /// let he = text.find("He").unwrap();
    /// let scope = Scope { sentence: he, paragraph: 0, turn: 0, previous_turn: 0 };
    /// let nearest = entities.antecedent("he", he, scope).unwrap();
    /// assert_eq!(entities.entity(nearest).unwrap().name, "Lukashenko");
    /// # Ok::<(), claimtrack::Error>(())
    /// ```
    pub fn antecedent(&self, word: &str, at: usize, scope: Scope) -> Option<usize> {
        let word = word.to_lowercase();
        let wanted =
            wanted(&word).or_else(|| Knowledge::get().description(&word).map(Wanted::Kind))?;
        let kind_of = |entity: usize| self.entity(entity).map(|e| e.kind);
        let nearest = |from: usize, fits: &dyn Fn(EntityKind) -> bool| -> Option<usize> {
            self.mentions_before(at)
                .iter()
                .rev()
                .take(LOOK_BACK)
                .take_while(|m| m.span.start >= from)
                .find(|m| kind_of(m.entity).is_some_and(fits))
                .map(|m| m.entity)
        };
        match wanted {
            Wanted::Person => nearest(scope.turn, &|k| k == EntityKind::Person)
                .or_else(|| nearest(scope.previous_turn, &|k| k == EntityKind::Person)),
            Wanted::Plural => nearest(scope.paragraph, &is_collective)
                .or_else(|| nearest(scope.turn, &|k| k == EntityKind::Person)),
            Wanted::Thing => nearest(scope.sentence, &|k| {
                is_collective(k) || k == EntityKind::Place
            }),
            Wanted::Kind(kind) => {
                let named = |entity: usize| {
                    self.entity(entity)
                        .is_some_and(|e| e.name.to_lowercase().contains(&word))
                };
                let in_turn = self
                    .mentions_before(at)
                    .iter()
                    .rev()
                    .take(LOOK_BACK)
                    .take_while(|m| m.span.start >= scope.turn)
                    .filter(|m| kind_of(m.entity) == Some(kind))
                    .map(|m| m.entity)
                    .collect::<Vec<_>>();
                in_turn
                    .iter()
                    .copied()
                    .find(|&e| named(e))
                    .or_else(|| in_turn.first().copied())
                    .or_else(|| self.most_mentioned_before(at, kind))
            }
        }
    }

    /// The entity of `kind` with the most mentions before `at`.
    fn most_mentioned_before(&self, at: usize, kind: EntityKind) -> Option<usize> {
        let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for mention in self.mentions_before(at).iter().rev().take(LOOK_BACK * 4) {
            if self.entity(mention.entity).is_some_and(|e| e.kind == kind) {
                *counts.entry(mention.entity).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(index, count)| (count, std::cmp::Reverse(index)))
            .map(|(index, _)| index)
    }
}
