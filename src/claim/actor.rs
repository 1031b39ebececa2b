//! Actors: who or what a proposition is about, from its subject.
//!
//! - A subject that names an entity gives that entity (the first one named:
//!   "the sovereignty of Belarus" gives Belarus).
//! - A pronoun subject ("he", "they", "it") gives its antecedent, a
//!   description ("the country", "the ministry") the entity it refers back
//!   to (see [`Entities::antecedent`]).
//! - "I" and "we" give the speaker when the speaker is an entity of the
//!   text (named by the turn's label, or addressed by name in the
//!   questions).
//! - "There is …" and "It is … that" take the first entity (or resolved
//!   pronoun) after the verb: "It is enough for him" gives whom "him" means.
//! - A subject naming no entity ("The process will continue") gives none.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::sentence::Sentence;
use crate::entity::{Entities, EntityKind, Scope, agrees};
use crate::segment::words::class;
use crate::span::Span;

/// A reference from a claim to an entity or, where no entity is named, to
/// the words that stand for one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRef {
    /// The entity's id in the extraction's `entities` ("e3"), if the words
    /// name or refer to an entity.
    pub entity: Option<String>,
    /// The entity's canonical name, or the words themselves.
    pub name: String,
    /// The words in the text: a name, a pronoun, a description.
    pub text: String,
    /// Where those words are.
    pub span: Span,
}

/// The id of the entity with this index.
pub(crate) fn entity_id(index: usize) -> String {
    format!("e{}", index + 1)
}

/// The index of the entity with this id.
pub(crate) fn entity_index(id: &str) -> Option<usize> {
    id.strip_prefix('e')?.parse::<usize>().ok()?.checked_sub(1)
}

/// How many mentions back "the President" looks for "President X".
const TITLED_LOOK_BACK: usize = 200;

/// Finds the actors of claims in one document.
pub(crate) struct Actors<'a> {
    pub(crate) text: &'a str,
    pub(crate) entities: &'a Entities,
    /// The speaker of the turn, when the speaker is an entity of the text.
    pub(crate) speaker: Option<usize>,
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

    /// The actor of a subject phrase; `rest` is the clause after it and
    /// `recent` the previous claim's actor, which a pronoun subject refers
    /// back to first when it fits ("Chinese competitors are …. Their cars
    /// are cheaper": the subject before, not the nearest name).
    pub(crate) fn of_subject(
        &self,
        s: &Sentence<'_>,
        subject: Range<usize>,
        rest: Range<usize>,
        scope: Scope,
        recent: Option<usize>,
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
            return self.of_subject(s, last..last + 1, rest, scope, recent);
        }
        let first = *words.first()?;
        let span = s.span_of(first)?;
        if words.len() == 1 {
            match s.lower(first) {
                // "I" is the speaker; "we" the speaker's side, which is
                // the speaker where the text says no more.
                "i" | "me" | "we" | "us" => {
                    return self.speaker.map(|speaker| self.reference(speaker, span));
                }
                // "There is …", "It is enough for him that …": no subject
                // of their own; "it is ready to stop" refers back.
                "there" if s.is(first + 1, class::BE) => {
                    return self.first_in(s, rest, scope);
                }
                "it" if s.is(first + 1, class::BE)
                    && rest
                        .clone()
                        .any(|i| matches!(s.lower(i), "that" | "whether" | "for")) =>
                {
                    return self.first_in(s, rest, scope);
                }
                "you" | "this" | "that" | "these" | "those" | "one" => return None,
                word => {
                    if s.is(first, class::SUBJECT_PRONOUN | class::OBJECT_PRONOUN) {
                        // A subject "it" refers back only within its
                        // sentence (see `Entities::antecedent`).
                        let fits = |kind: EntityKind| word != "it" && agrees(word, kind);
                        let previous = recent
                            .filter(|&e| self.entities.entity(e).is_some_and(|e| fits(e.kind)));
                        let entity = previous
                            .or_else(|| self.entities.antecedent(word, span.start, scope))?;
                        return Some(self.reference(entity, span));
                    }
                }
            }
        }
        // "the country", "the Belarusian leader": a description refers back.
        if let (Some(&head), true) = (words.last(), s.lower(first) == "the") {
            let head_span = s.span_of(head)?;
            let words_in_subject = words.len();
            let described = words_in_subject <= 3
                && crate::entity::knowledge::Knowledge::get()
                    .description(s.lower(head))
                    .is_some();
            if described && self.entities.mentions_in(head_span).is_empty() {
                // "the President" is whoever the text titles so ("President
                // Putin"), not the last person named.
                let entity = if s.is(head, class::TITLE) {
                    self.titled(s.word(head), head_span.start)?
                } else {
                    self.entities
                        .antecedent(s.lower(head), head_span.start, scope)?
                };
                let whole = s.range_span(first..head + 1)?;
                return Some(self.reference(entity, whole));
            }
        }
        self.first_in_after(s, subject, scope, recent)
    }

    /// The entity most recently named before `at` right after `title`
    /// ("President Putin", "Mr. Okafor" for "Mr").
    fn titled(&self, title: &str, at: usize) -> Option<usize> {
        self.entities
            .mentions_before(at)
            .iter()
            .rev()
            .take(TITLED_LOOK_BACK)
            .find(|m| {
                let before = self.text.get(..m.span.start).unwrap_or("").trim_end();
                let before = before.strip_suffix('.').unwrap_or(before);
                before
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .is_some_and(|word| word.eq_ignore_ascii_case(title))
            })
            .map(|m| m.entity)
    }

    /// The first entity named, or pronoun resolved, in `range`.
    pub(crate) fn first_in(
        &self,
        s: &Sentence<'_>,
        range: Range<usize>,
        scope: Scope,
    ) -> Option<EntityRef> {
        self.first_in_after(s, range, scope, None)
    }

    /// [`Actors::first_in`], where a possessive pronoun opening the range
    /// ("Their cars") refers to `recent` when it fits.
    pub(crate) fn first_in_after(
        &self,
        s: &Sentence<'_>,
        range: Range<usize>,
        scope: Scope,
        recent: Option<usize>,
    ) -> Option<EntityRef> {
        if let Some(entity) = recent {
            let fits = s.is(range.start, class::POSSESSIVE)
                && self
                    .entities
                    .entity(entity)
                    .is_some_and(|e| agrees(s.lower(range.start), e.kind));
            if let (true, Some(span)) = (fits, s.span_of(range.start)) {
                return Some(self.reference(entity, span));
            }
        }
        let span = s.range_span(range.clone())?;
        let mention = self.entities.mentions_in(span).first().copied();
        let pronoun = range.clone().find(|&i| {
            matches!(
                s.lower(i),
                "he" | "him" | "his" | "she" | "her" | "they" | "them" | "their"
            )
        });
        match (mention, pronoun.and_then(|i| s.span_of(i))) {
            (Some(mention), Some(pronoun)) if pronoun.start < mention.span.start => {
                self.resolve(pronoun, scope)
            }
            (Some(mention), _) => Some(self.reference(mention.entity, mention.span)),
            (None, Some(pronoun)) => self.resolve(pronoun, scope),
            (None, None) => None,
        }
    }

    fn resolve(&self, pronoun: Span, scope: Scope) -> Option<EntityRef> {
        let entity = self
            .entities
            .antecedent(pronoun.slice(self.text), pronoun.start, scope)?;
        Some(self.reference(entity, pronoun))
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
    pub(crate) fn source(
        &self,
        s: &Sentence<'_>,
        range: Range<usize>,
        scope: Scope,
    ) -> Option<EntityRef> {
        let span = s.range_span(range.clone())?;
        if let Some(actor) = self.first_in(s, range, scope) {
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
