//! Settling ambiguous names with what the whole document says about each
//! candidate.
//!
//! A name shared by two people ("Wrona" beside "Ewa Wrona" and "Tomasz
//! Wrona") stays an entity of its own when its context does not settle it
//! (see the resolution rules). Once pronouns are resolved, each of its
//! mentions gets one more chance, from the title written before it:
//!
//! - **A gendered honorific** ("Ms.", "Mrs.", "Mr.", "MS." in a label) picks
//!   the one candidate the text gives that gender, else the one candidate
//!   whose gender the text does not contradict. A person's gender is read
//!   only from the text: the "he" and "she" references resolved to them
//!   and the honorifics in the titles before their name.
//! - **Any other title** ("Minister", "Senator", "Dr.") picks the one
//!   candidate the text also names with that title ("Minister Ewa Wrona",
//!   "Ewa Wrona, Minister of Energy"), describes with that noun ("Ewa
//!   Wrona, the minister") or refers to with it ("the minister").
//!
//! A mention no title settles stays ambiguous. An ambiguous entity left
//! with no mention is removed, and whatever referred to it (pronouns, first
//! person, the speaker of its turns) follows its mentions when they all
//! went to one candidate.

use std::collections::HashMap;

use super::knowledge::Knowledge;
use super::{Entities, EntityKind, MentionKind};
use crate::segment::words::{Vocabulary, class};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
}

/// The gender an honorific or gendered title gives ("ms" → female).
pub(crate) fn honorific_gender(title: &str) -> Option<Gender> {
    match title {
        "mr" | "sir" | "lord" | "king" | "prince" | "congressman" | "chairman" | "spokesman" => {
            Some(Gender::Male)
        }
        "ms" | "mrs" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess"
        | "congresswoman" | "chairwoman" | "spokeswoman" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of a personal pronoun ("she" → female).
pub(crate) fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The title words of the title phrase right before `span`, lower case
/// without full stops: "minister" for "Minister Wrona" and for "Minister
/// of Climate and Energy Ewa Wrona", "ms" for "MS. WRONA".
pub(crate) fn titles_before(text: &str, span: Span, vocabulary: &Vocabulary) -> Vec<String> {
    let knowledge = Knowledge::get();
    let start = span.start.saturating_sub(80);
    let Some(before) = (start..=span.start)
        .find(|&i| text.is_char_boundary(i))
        .and_then(|i| text.get(i..span.start))
    else {
        return Vec::new();
    };
    let mut titles = Vec::new();
    for word in before.split_whitespace().rev().take(8) {
        let word = word.trim_end_matches('.');
        let joins = matches!(word, "of" | "and" | "for" | "the" | "&");
        let clean = word.chars().all(|c| c.is_alphanumeric() || c == '-');
        let is_title = vocabulary
            .lookup(word)
            .is_some_and(|info| info.is(class::TITLE));
        // The words of a title phrase: titles, joining words, and the
        // common words of an office ("Climate", "Energy"); another name
        // ("Anna Kowalczyk and MP …") ends it.
        let office_word =
            word.chars().next().is_some_and(char::is_uppercase) && knowledge.is_common_word(word);
        if !(is_title || joins || office_word) || !clean {
            break;
        }
        if is_title {
            titles.push(word.to_lowercase());
        }
    }
    titles
}

/// The title that opens an apposition after `span`: "minister" in "Ewa
/// Wrona, Minister of Climate and Energy".
fn title_after(text: &str, span: Span, vocabulary: &Vocabulary) -> Option<String> {
    let after = text.get(span.end..)?.strip_prefix(", ")?;
    let word = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))?;
    vocabulary
        .lookup(word)
        .is_some_and(|info| info.is(class::TITLE))
        .then(|| word.to_lowercase())
}

/// Settles what it can of the ambiguous entities' mentions; true when it
/// moved any.
pub(crate) fn settle(text: &str, entities: &mut Entities) -> bool {
    let ambiguous: std::collections::HashSet<usize> = (0..entities.entities.len())
        .filter(|&i| {
            entities
                .entity(i)
                .is_some_and(|e| !e.ambiguous_with.is_empty())
        })
        .collect();
    if ambiguous.is_empty() {
        return false;
    }
    let vocabulary = Vocabulary::get();
    // What the text says of every person: gender counts and titles.
    let mut genders: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut titles: HashMap<usize, Vec<String>> = HashMap::new();
    for reference in &entities.references {
        let word = reference.span.slice(text).to_lowercase();
        match pronoun_gender(&word) {
            Some(Gender::Female) => genders.entry(reference.entity).or_default().0 += 1,
            Some(Gender::Male) => genders.entry(reference.entity).or_default().1 += 1,
            None => {}
        }
    }
    // Descriptions count as titles too: "Ewa Wrona, the minister"; "the
    // minister" resolved to her.
    for (index, entity) in entities.entities.iter().enumerate() {
        for noun in &entity.described_as {
            let list = titles.entry(index).or_default();
            if !list.contains(noun) {
                list.push(noun.clone());
            }
        }
    }
    for reference in &entities.references {
        if reference.kind != MentionKind::Description {
            continue;
        }
        let head = reference.span.slice(text).rsplit(' ').next().unwrap_or("");
        let head = head.to_lowercase();
        let list = titles.entry(reference.entity).or_default();
        if !list.contains(&head) {
            list.push(head);
        }
    }
    for mention in &entities.mentions {
        // "Ewa Wrona, Minister of Climate": a title in apposition.
        if let Some(title) = title_after(text, mention.span, vocabulary) {
            let list = titles.entry(mention.entity).or_default();
            if !list.contains(&title) {
                list.push(title);
            }
        }
        for title in titles_before(text, mention.span, vocabulary) {
            match honorific_gender(&title) {
                Some(Gender::Female) => genders.entry(mention.entity).or_default().0 += 1,
                Some(Gender::Male) => genders.entry(mention.entity).or_default().1 += 1,
                None => {}
            }
            let list = titles.entry(mention.entity).or_default();
            if !list.contains(&title) {
                list.push(title);
            }
        }
    }
    let contradicts = |person: usize, gender: Gender| {
        let (female, male) = genders.get(&person).copied().unwrap_or((0, 0));
        match gender {
            Gender::Female => male > female,
            Gender::Male => female > male,
        }
    };
    let supports = |person: usize, gender: Gender| {
        let (female, male) = genders.get(&person).copied().unwrap_or((0, 0));
        match gender {
            Gender::Female => female > male,
            Gender::Male => male > female,
        }
    };
    // Decide every mention of an ambiguous entity.
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (index, mention) in entities.mentions.iter().enumerate() {
        let Some(candidates) = entities
            .entity(mention.entity)
            .filter(|_| ambiguous.contains(&mention.entity))
            .map(|e| e.ambiguous_with.clone())
        else {
            continue;
        };
        // The title nearest the name decides: "Minister" in "Polish
        // Minister Wrona".
        let Some(title) = titles_before(text, mention.span, vocabulary)
            .into_iter()
            .next()
        else {
            continue;
        };
        let people = candidates.iter().copied().filter(|&c| {
            entities
                .entity(c)
                .is_some_and(|e| e.kind == EntityKind::Person)
        });
        let fitting: Vec<usize> = match honorific_gender(&title) {
            Some(gender) => {
                let people: Vec<usize> = people.collect();
                let supported: Vec<usize> = people
                    .iter()
                    .copied()
                    .filter(|&c| supports(c, gender))
                    .collect();
                if supported.len() == 1 {
                    supported
                } else {
                    people
                        .into_iter()
                        .filter(|&c| !contradicts(c, gender))
                        .collect()
                }
            }
            None => people
                .filter(|c| titles.get(c).is_some_and(|list| list.contains(&title)))
                .collect(),
        };
        if let [only] = fitting.as_slice() {
            moves.push((index, *only));
        }
    }
    if moves.is_empty() {
        return false;
    }
    // Where each ambiguous entity's mentions went.
    let mut went: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(index, target) in &moves {
        let Some(mention) = entities.mentions.get_mut(index) else {
            continue;
        };
        went.entry(mention.entity).or_default().push(target);
        let surface = mention.span.slice(text).to_string();
        let span = mention.span;
        let from = std::mem::replace(&mut mention.entity, target);
        if let Some(entity) = entities.entities.get_mut(from) {
            entity.mentions.retain(|&s| s != span);
        }
        if let Some(entity) = entities.entities.get_mut(target) {
            entity.mentions.push(span);
            entity.mentions.sort();
            if !entity.aliases.contains(&surface) && mention_is_name(text, span) {
                entity.aliases.push(surface);
                entity.aliases.sort();
            }
        }
    }
    // An ambiguous entity left without mentions is gone; what referred to
    // it follows its mentions if they all went one way.
    let mut replaced: HashMap<usize, Option<usize>> = HashMap::new();
    for (&from, targets) in &went {
        let emptied = entities.entity(from).is_some_and(|e| e.mentions.is_empty());
        if !emptied {
            continue;
        }
        let mut distinct = targets.clone();
        distinct.sort_unstable();
        distinct.dedup();
        replaced.insert(
            from,
            distinct.first().copied().filter(|_| distinct.len() == 1),
        );
    }
    entities.replace(&replaced);
    true
}

/// True when the mention's words are a name rather than a pronoun.
fn mention_is_name(text: &str, span: Span) -> bool {
    span.slice(text)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

impl Entities {
    /// Removes the entities in `replaced`, moving what referred to each to
    /// its replacement (or dropping it when there is none), and renumbers
    /// the rest.
    pub(crate) fn replace(&mut self, replaced: &HashMap<usize, Option<usize>>) {
        if replaced.is_empty() {
            return;
        }
        let count = self.entities.len();
        let target = |index: usize| match replaced.get(&index) {
            Some(replacement) => *replacement,
            None => Some(index),
        };
        let mut new_index = vec![None; count];
        let mut next = 0;
        for (index, slot) in new_index.iter_mut().enumerate() {
            if !replaced.contains_key(&index) {
                *slot = Some(next);
                next += 1;
            }
        }
        let renumber =
            |index: usize| target(index).and_then(|t| new_index.get(t).copied().flatten());
        let mut references_of: HashMap<usize, Vec<Span>> = HashMap::new();
        self.mentions.retain_mut(|m| match renumber(m.entity) {
            Some(entity) => {
                m.entity = entity;
                true
            }
            None => false,
        });
        self.references.retain_mut(|m| match renumber(m.entity) {
            Some(entity) => {
                if target(m.entity) != Some(m.entity) {
                    references_of.entry(entity).or_default().push(m.span);
                }
                m.entity = entity;
                true
            }
            None => false,
        });
        for speaker in &mut self.speakers {
            *speaker = speaker.and_then(renumber);
        }
        let old = std::mem::take(&mut self.entities);
        for (index, mut entity) in old.into_iter().enumerate() {
            if replaced.contains_key(&index) {
                continue;
            }
            entity.country = entity.country.and_then(renumber);
            entity.affiliation = entity.affiliation.and_then(renumber);
            entity.ambiguous_with = entity
                .ambiguous_with
                .iter()
                .filter_map(|&e| renumber(e))
                .collect();
            self.entities.push(entity);
        }
        for (entity, spans) in references_of {
            if let Some(entity) = self.entities.get_mut(entity) {
                entity.references.extend(spans);
                entity.references.sort();
            }
        }
    }
}
