//! Actors: who or what a proposition is about, from its subject.
//!
//! - A subject that names an entity gives that entity (the first one named:
//!   "the sovereignty of Belarus" gives Belarus; a demonym right before a
//!   name only qualifies it: "the Russian Parliament" gives the
//!   parliament).
//! - A pronoun subject ("he", "they", "it"), a description ("the country",
//!   "the ministry") and first person ("I", "we") give the entity the
//!   entity stage resolved them to and recorded as a reference (see
//!   [`Entities::references`]): "we" is the speaker's side where the text
//!   names one, else the speaker.
//! - "There is …" and "It is … that" take the first entity (or resolved
//!   pronoun) after the verb: "It is enough for him" gives whom "him" means.
//! - A subject that is only a capital or a seat of power gives the state
//!   it stands for: "Tbilisi has recognized" is Georgia's act, "the Kremlin
//!   says" Russia's words.
//! - A subject naming no entity ("The process will continue") gives none.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::id::EntityId;
use super::sentence::Sentence;
use crate::entity::{Entities, MentionKind};
use crate::segment::words::class;
use crate::span::Span;

/// A reference from a claim to an entity or, where no entity is named, to
/// the words that stand for one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EntityRef {
    /// The entity's id in the extraction's `entities` ("e3"), if the words
    /// name or refer to an entity.
    pub entity: Option<EntityId>,
    /// The entity's canonical name, or the words themselves.
    pub name: String,
    /// The words in the text: a name, a pronoun, a description.
    pub text: String,
    /// Where those words are.
    pub span: Span,
}

/// The id of the entity with this index.
pub(crate) fn entity_id(index: usize) -> EntityId {
    EntityId::from_index(index)
}

/// Finds the actors of claims in one document.
pub(crate) struct Actors<'a> {
    pub(crate) text: &'a str,
    pub(crate) entities: &'a Entities,
}

impl Actors<'_> {
    fn reference(&self, entity: usize, span: Span) -> EntityRef {
        EntityRef {
            entity: Some(entity_id(entity)),
            name: self
                .entities
                .entity(entity)
                .map_or_else(|| span.slice(self.text).to_string(), |e| e.name.clone()),
            text: span.slice(self.text).to_string(),
            span,
        }
    }

    /// The entity the reference starting at `span` was resolved to.
    fn referred(&self, span: Span) -> Option<EntityRef> {
        let mention = self.entities.reference_at(span.start)?;
        Some(self.reference(mention.entity, mention.span))
    }

    /// The actor of a subject phrase; `rest` is the clause after it.
    pub(crate) fn of_subject(
        &self,
        s: &Sentence<'_>,
        subject: Range<usize>,
        rest: Range<usize>,
    ) -> Option<EntityRef> {
        // "On MMLU the top models score …": a fronted phrase is no part of
        // the subject; the subject starts at its last determiner.
        let subject = if s.is(subject.start, class::PREPOSITION) {
            match (subject.start + 1..subject.end).rev().find(|&i| {
                s.is(
                    i,
                    class::DETERMINER | class::POSSESSIVE | class::SUBJECT_PRONOUN,
                )
            }) {
                Some(start) => start..subject.end,
                None => subject,
            }
        } else {
            subject
        };
        let words: Vec<usize> = subject.clone().filter(|&i| s.is_word(i)).collect();
        // "For the total we rely on …": a pronoun right before the verb is
        // the subject, whatever phrase opens the clause.
        if let Some(&last) = words.iter().rev().find(|&&i| !s.is_adverb(i))
            && words.len() > 1
            && s.is(last, class::SUBJECT_PRONOUN)
            && !matches!(s.lower(last), "it")
        {
            return self.of_subject(s, last..last + 1, rest);
        }
        let first = *words.first()?;
        let span = s.span_of(first)?;
        if words.len() == 1 {
            match s.lower(first) {
                // "I" is the speaker; "we" the speaker's side; "you" ("You
                // will be President") the addressee, where the turn
                // addresses one.
                "i" | "me" | "we" | "us" | "you" => return self.referred(span),
                // "There is …", "It is enough for him that …": no subject
                // of their own; "it is ready to stop" refers back.
                "there" if s.is(first + 1, class::BE) => {
                    return self.first_in(s, rest);
                }
                "it" if s.is(first + 1, class::BE)
                    && rest
                        .clone()
                        .any(|i| matches!(s.lower(i), "that" | "whether" | "for")) =>
                {
                    return self.first_in(s, rest);
                }
                "this" | "that" | "these" | "those" | "one" => return None,
                _ if s.is(first, class::SUBJECT_PRONOUN | class::OBJECT_PRONOUN) => {
                    return self.referred(span);
                }
                _ => {}
            }
        }
        // "the country", "the Belarusian leader": a description refers back.
        if s.lower(first) == "the"
            && let Some(&last) = words.last()
            && let Some(mention) = self.entities.reference_at(span.start)
            && s.span_of(last).is_some_and(|l| l.end == mention.span.end)
        {
            return Some(self.reference(mention.entity, mention.span));
        }
        self.acting(s, subject)
    }

    /// The first entity named or third-person pronoun resolved in `range`,
    /// or, when it names no entity, the resolved first-person possessive
    /// that opens it ("Our view", "My team").
    pub(crate) fn first_in(&self, s: &Sentence<'_>, range: Range<usize>) -> Option<EntityRef> {
        let first = self.first_mention_in(s, range)?;
        Some(self.reference(first.entity, first.span))
    }

    /// A subject or source that is nothing but a capital or a seat of power
    /// ("Tbilisi has recognized", "the Kremlin says") stands for its state:
    /// the reference names the country, with the words that stood for it.
    fn acting(&self, s: &Sentence<'_>, range: Range<usize>) -> Option<EntityRef> {
        let first = self.first_mention_in(s, range.clone())?;
        let span = s.range_span(range)?;
        let words = span.slice(self.text);
        let bare = words
            .strip_prefix("the ")
            .or_else(|| words.strip_prefix("The "))
            .unwrap_or(words);
        let state = self
            .entities
            .entity(first.entity)
            .filter(|e| e.seat && bare.trim() == first.span.slice(self.text))
            .and_then(|e| e.country);
        Some(match state {
            Some(country) => EntityRef {
                entity: Some(entity_id(country)),
                name: self
                    .entities
                    .entity(country)
                    .map_or_else(String::new, |e| e.name.clone()),
                text: first.span.slice(self.text).to_string(),
                span: first.span,
            },
            None => self.reference(first.entity, first.span),
        })
    }

    /// The mention or resolved reference [`Actors::first_in`] takes.
    fn first_mention_in(
        &self,
        s: &Sentence<'_>,
        range: Range<usize>,
    ) -> Option<crate::entity::Mention> {
        let opening = s.span_of(range.start).map(|span| span.start);
        let span = s.range_span(range)?;
        let mentions = self.entities.mentions_in(span);
        // "The Russian Parliament voted": a demonym before a name only
        // qualifies it; the name is the subject's head.
        let mention = match mentions {
            [demonym, head, ..]
                if demonym.kind == MentionKind::Demonym
                    && self
                        .text
                        .get(demonym.span.end..head.span.start)
                        .is_some_and(|gap| gap.chars().all(char::is_whitespace)) =>
            {
                Some(*head)
            }
            _ => mentions.first().copied(),
        };
        let pronoun = self
            .entities
            .references_in(span)
            .iter()
            .find(|r| {
                let word = r.span.slice(self.text).to_lowercase();
                match r.kind {
                    MentionKind::Pronoun => !matches!(word.as_str(), "it" | "its" | "itself"),
                    MentionKind::FirstPerson => {
                        Some(r.span.start) == opening && matches!(word.as_str(), "our" | "my")
                    }
                    // "Your country": the addressee's country; a bare
                    // "your" may own anyone ("your chief executive").
                    MentionKind::SecondPerson => {
                        Some(r.span.start) == opening && word.starts_with("your ")
                    }
                    _ => false,
                }
            })
            .copied();
        // "Our No. 1, Lewis Harkness, has …": a name in the subject wins
        // over the possessive before it.
        let pronoun = pronoun.filter(|p| p.kind == MentionKind::Pronoun || mention.is_none());
        match (mention, pronoun) {
            (Some(mention), Some(pronoun)) if pronoun.span.start < mention.span.start => {
                Some(pronoun)
            }
            (Some(mention), _) => Some(mention),
            (None, Some(pronoun)) => Some(pronoun),
            (None, None) => None,
        }
    }

    /// The actor of a relative clause: the last entity named just before
    /// it ("the joint Tax Committee, which …").
    pub(crate) fn of_antecedent(
        &self,
        s: &Sentence<'_>,
        antecedent: Range<usize>,
    ) -> Option<EntityRef> {
        // The name must end the phrase before the comma: "some in third
        // countries, that …" is not about a country named earlier.
        let start = antecedent.end.saturating_sub(2).max(antecedent.start);
        let span = s.range_span(start..antecedent.end)?;
        let mention = self
            .entities
            .mentions_in(s.range_span(antecedent.start..antecedent.end)?)
            .last()
            .copied()
            .filter(|m| m.span.end > span.start)?;
        Some(self.reference(mention.entity, mention.span))
    }

    /// A source of a report: its entity if it names one, else its words.
    pub(crate) fn source(&self, s: &Sentence<'_>, range: Range<usize>) -> Option<EntityRef> {
        let span = s.range_span(range.clone())?;
        if let Some(actor) = self.acting(s, range) {
            return Some(actor);
        }
        Some(EntityRef {
            entity: None,
            name: span.slice(self.text).to_string(),
            text: span.slice(self.text).to_string(),
            span,
        })
    }
}
