//! Addressee: whom a turn speaks to, which is what its "you" refers to.
//!
//! - A **question** addresses the one who answers it: the speaker of the
//!   next answer turn.
//! - A turn that **opens by hailing its listeners** addresses what the
//!   greeting names. The greeting runs to a colon or an exclamation mark
//!   ("To the Congress of the United States:", "Gentlemen of the
//!   Congress:", "People of Ukraine!"), or to the first comma when it
//!   starts as a greeting does ("My fellow Americans, …", "Dear
//!   compatriots, …"). Each part of it (parts are split at commas and
//!   "and") names one listener: its first name ("Members of the Congress"
//!   is the Congress), a demonym's country ("my fellow Americans"), or the
//!   speaker's own country for a word from the `[compatriot_word]` section
//!   of `entity_words.txt` or "fellow" before a resident word ("fellow
//!   citizens"). A part that names no one ("Mr. Speaker", "distinguished
//!   guests", "ladies and gentlemen") is the room, not a listener. A
//!   greeting that names more than one listener ("Members of the House and
//!   Senate, my fellow Americans:") leaves "you" unresolved.
//!
//! Answers address the interviewer, but their "you" is as often anyone at
//! all ("you cannot trust the numbers"), so they address no one unless
//! they open with a greeting.

use super::knowledge::Knowledge;
use super::recognize::SentenceTokens;
use super::{Entities, EntityKind, MentionKind};
use crate::document::{Document, Role};
use crate::lower::Lower;
use crate::segment::words::{Token, TokenKind};
use crate::span::Span;

/// Most words a greeting may take.
const GREETING_WORDS: usize = 40;

/// Whom each turn of `document` addresses, by turn index.
pub(crate) fn addressees(
    document: &Document<'_>,
    entities: &Entities,
    knowledge: &Knowledge,
    tokens: &SentenceTokens,
) -> Vec<Option<usize>> {
    let turns = document.turns();
    let text = document.text();
    turns
        .iter()
        .enumerate()
        .map(|(index, turn)| {
            if turn.role() == Role::Question {
                let answer = turns
                    .iter()
                    .enumerate()
                    .skip(index + 1)
                    .find(|(_, t)| t.role() == Role::Answer)
                    .map(|(at, _)| at)?;
                return entities
                    .speaker(answer)
                    .filter(|&who| Some(who) != entities.speaker(index));
            }
            let paragraph = document.paragraphs(turn).first()?;
            let sentence = document.paragraph_sentences(paragraph).first()?;
            let greeting = Greeting {
                text,
                entities,
                knowledge,
                speaker_country: entities
                    .speaker(index)
                    .and_then(|s| country_of(entities, s)),
            };
            greeting.listener(tokens.of(sentence.start))
        })
        .collect()
}

/// The country a speaker belongs to: their own, else their side's.
fn country_of(entities: &Entities, speaker: usize) -> Option<usize> {
    let person = entities.entity(speaker)?;
    person.country.or_else(|| {
        let side = entities.entity(person.affiliation?)?;
        match side.kind {
            EntityKind::Country => person.affiliation,
            _ => side.country,
        }
    })
}

struct Greeting<'a> {
    text: &'a str,
    entities: &'a Entities,
    knowledge: &'a Knowledge,
    speaker_country: Option<usize>,
}

impl Greeting<'_> {
    fn lower(&self, token: &Token) -> String {
        Lower::new(token.span.slice(self.text)).to_string()
    }

    /// The one listener the greeting opening `tokens` names, if it names
    /// exactly one.
    fn listener(&self, tokens: &[Token]) -> Option<usize> {
        let words: Vec<String> = tokens
            .iter()
            .take(GREETING_WORDS)
            .map(|t| self.lower(t))
            .collect();
        let closing = words.iter().position(|w| w == ":" || w == "!");
        let opens_as_greeting = match words.as_slice() {
            [first, second, ..] => {
                matches!(first.as_str(), "dear" | "fellow")
                    || first == "my" && second == "fellow"
                    || self.knowledge.is_compatriot_word(first)
                    || self.knowledge.is_resident_word(first) && second == "of"
            }
            _ => false,
        };
        let end = match closing {
            Some(end) => end,
            None if opens_as_greeting => words.iter().position(|w| w == ",")?,
            None => return None,
        };
        let greeting = tokens.get(..end)?;
        let mut listener = None;
        let mut part_start = 0;
        for (index, word) in words.iter().take(end + 1).enumerate() {
            let closes_part = index == end || word == "," || word == "and" || word == "&";
            if !closes_part {
                continue;
            }
            let part = greeting.get(part_start..index).unwrap_or(&[]);
            part_start = index + 1;
            match self.named(part) {
                Part::Room => {}
                Part::Unknown => return None,
                Part::Listener(entity) => match listener {
                    None => listener = Some(entity),
                    Some(first) if first != entity => return None,
                    Some(_) => {}
                },
            }
        }
        listener
    }

    /// What one part of a greeting names.
    fn named(&self, part: &[Token]) -> Part {
        let (Some(first), Some(last)) = (part.first(), part.last()) else {
            return Part::Room;
        };
        let span = Span::new(first.span.start, last.span.end);
        let name = self.entities.mentions_in(span).iter().find(|m| {
            matches!(
                m.kind,
                MentionKind::Name | MentionKind::Acronym | MentionKind::Demonym
            )
        });
        if let Some(mention) = name {
            return Part::Listener(mention.entity);
        }
        let words: Vec<String> = part
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| self.lower(t))
            .collect();
        let fellow = words.iter().any(|w| w == "fellow");
        let compatriots = words.iter().any(|w| {
            self.knowledge.is_compatriot_word(w) || fellow && self.knowledge.is_resident_word(w)
        });
        match (compatriots, self.speaker_country) {
            (false, _) => Part::Room,
            (true, Some(country)) => Part::Listener(country),
            (true, None) => Part::Unknown,
        }
    }
}

/// What one part of a greeting names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// No one: a title or a courtesy ("Mr. Speaker", "distinguished
    /// guests").
    Room,
    /// This entity.
    Listener(usize),
    /// Someone the text does not identify ("fellow citizens" of a speaker
    /// whose country it does not give).
    Unknown,
}
