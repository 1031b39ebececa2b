//! Speakers and sides: who speaks each turn, and for whom.
//!
//! - A speaker label names the person the text names with the same last
//!   name or a spelling variant of it: "MR. SULLIVAN" is "Jake Sullivan",
//!   "DR. HESSLER" is "Miriam Hessler". A label that matches two people
//!   ("MR. KIM" beside "Kim Jong Un" and "Kim Yo Jong") becomes an entity
//!   of its own that lists both as `ambiguous_with`; a label the text
//!   names nowhere becomes a person of its own ("MR. HALLORAN" →
//!   "Halloran"). Role labels ("Q", "QUESTION", "MODERATOR") name nobody.
//! - An answer without a named speaker is the one person the title names
//!   ("Interview with Alex Borlaff"), else the person the questions address
//!   by name ("Mr. Vang, revenue hit a record …") if one is addressed most.
//! - A person's **affiliation** is the organisation or country the text
//!   ties them to: in apposition ("Ned Price, spokesman for the State
//!   Department"; "Dana Reyes of KXLT News") or as a qualifier before the
//!   name with only role words between ("Halvorsen Motors CEO Erik Vang",
//!   "Belarusian analyst Artyom Shraibman"). Of a chain ("deputy director
//!   of the Office of Surveillance at the FDA") the outermost counts. It is
//!   what "we" means in that person's answers.

use std::collections::HashMap;

use super::knowledge::{Knowledge, name_key};
use super::resolve::{SpellingBuckets, same_skeleton, skeleton};
use super::{Entities, Entity, EntityKind, Mention, MentionKind};
use crate::document::{Document, Role};
use crate::segment::words::{Token, TokenKind, Vocabulary, class, tokenize};
use crate::span::Span;

/// Longest gap, in bytes, between a person's name and the organisation it
/// is tied to.
const MAX_AFFILIATION_GAP: usize = 80;
/// Most words in that gap.
const MAX_AFFILIATION_WORDS: usize = 8;

/// Links speakers to entities, records label mentions, and finds
/// affiliations.
pub(crate) fn link(document: &Document<'_>, entities: &mut Entities, knowledge: &Knowledge) {
    find_affiliations(document.text(), entities, knowledge);
    let text = document.text();
    let vocabulary = Vocabulary::get();
    let mut of_speaker: Vec<Option<usize>> = Vec::with_capacity(document.speakers().len());
    let mut created: HashMap<String, usize> = HashMap::new();
    let mut index = NameIndex::new(entities);
    for speaker in document.speakers() {
        let label = speaker.name();
        // "The First Minister (Alex Salmond)": a role that names its holder
        // in brackets names a person after all.
        let names_holder = label.slice(text).contains('(');
        if speaker.is_role_only() && !names_holder {
            of_speaker.push(None);
            continue;
        }
        let entity = name_part(text, label, vocabulary, knowledge).map(|part| {
            let labels = Labels {
                text,
                knowledge,
                index: &mut index,
                created: &mut created,
            };
            let entity = speaker_entity(labels, label, part, entities);
            let side = label_side(text, label, part, knowledge, entities);
            if let Some(person) = entities.entities.get_mut(entity)
                && person.kind == EntityKind::Person
                && person.affiliation.is_none()
            {
                person.affiliation = side;
            }
            entity
        });
        of_speaker.push(entity);
    }
    let interviewee = interviewee(document, entities);
    let mut labels = Vec::new();
    let mut speakers = Vec::with_capacity(document.turns().len());
    for turn in document.turns() {
        let named = turn
            .speaker_index()
            .and_then(|index| of_speaker.get(index).copied().flatten());
        // No speaker, or a role that names nobody ("MODERATOR", "Q").
        let entity = match turn.role() {
            Role::Answer if named.is_none() => interviewee,
            _ => named,
        };
        speakers.push(entity);
        if let (Some(entity), Some(label)) = (named, turn.label())
            && let Some(span) = name_part(text, label, vocabulary, knowledge)
        {
            labels.push(Mention {
                span,
                entity,
                kind: MentionKind::Speaker,
                antecedent: None,
            });
        }
    }
    for label in &labels {
        if let Some(entity) = entities.entities.get_mut(label.entity) {
            entity.mentions.push(label.span);
            entity.mentions.sort();
        }
    }
    entities.mentions.extend(labels);
    entities.mentions.sort_by_key(|m| m.span);
    entities.mentions.dedup_by_key(|m| m.span);
    entities.speakers = speakers;
}

/// The name in a label, without its titles, the role after a comma or the
/// initials in brackets: "WHITFIELD" in "SEN. WHITFIELD", "MARY LOUISE
/// KELLY" in "MARY LOUISE KELLY, HOST", "Catherine Paganini" in
/// "Catherine Paganini (CP)", "Alex Salmond" in "The First Minister (Alex
/// Salmond)".
fn name_part(
    text: &str,
    label: Span,
    vocabulary: &Vocabulary,
    knowledge: &Knowledge,
) -> Option<Span> {
    let mut tokens = Vec::new();
    tokenize(text, label, &mut tokens);
    let is_title = |t: &Token| {
        vocabulary
            .lookup(t.span.slice(text))
            .is_some_and(|info| info.is(class::TITLE))
    };
    let before_bracket: Vec<&Token> = tokens
        .iter()
        .take_while(|t| !matches!(t.span.slice(text), "," | "(" | "["))
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    // "The First Minister (Alex Salmond)": an office alone, then the name
    // in brackets.
    let office_only = before_bracket.last().is_some_and(|t| is_title(t))
        && before_bracket.iter().all(|t| {
            t.span
                .slice(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
    let words: Vec<&Token> = if office_only {
        tokens
            .iter()
            .skip_while(|t| t.span.slice(text) != "(")
            .skip(1)
            .take_while(|t| !matches!(t.span.slice(text), ")" | "," | "("))
            .filter(|t| t.kind == TokenKind::Word)
            .collect()
    } else {
        before_bracket
    };
    let mut first = words.iter().position(|t| !is_title(t))?;
    // "President of Russia Vladimir Putin", "Federal Chancellor of Germany
    // Angela Merkel": after the office's "of" and the side it names.
    if let Some(of) = words
        .iter()
        .rposition(|t| matches!(t.span.slice(text), "of" | "for"))
        .filter(|&of| of > 0 && words.get(of - 1).is_some_and(|t| is_title(t)))
    {
        let side_end = (of + 2..words.len()).rev().find(|&end| {
            let (Some(from), Some(to)) = (words.get(of + 1), words.get(end - 1)) else {
                return false;
            };
            knowledge
                .lookup(Span::new(from.span.start, to.span.end).slice(text))
                .is_some()
        });
        if let Some(end) = side_end {
            first = end;
        }
    }
    let name = words.get(first..)?;
    Some(Span::new(name.first()?.span.start, name.last()?.span.end))
}

/// The side a label's office names, as one of the document's entities:
/// Russia in "President of Russia Vladimir Putin" (added when the text
/// names it nowhere else).
fn label_side(
    text: &str,
    label: Span,
    name: Span,
    knowledge: &Knowledge,
    entities: &mut Entities,
) -> Option<usize> {
    let office = text.get(label.start..name.start)?.replace('\u{a0}', " ");
    let office = office.trim();
    let (_, side) = office
        .rsplit_once(" of ")
        .or_else(|| office.rsplit_once(" for "))?;
    let side = side.trim().trim_start_matches("the ").trim();
    let known = knowledge
        .lookup(side)
        .and_then(|found| knowledge.entry(found.known))
        .map(|entry| entry.name.to_string());
    let key = name_key(side);
    let found = entities.entities.iter().position(|entity| {
        matches!(entity.kind, EntityKind::Country | EntityKind::Organization)
            && (known.as_deref() == Some(entity.name.as_str())
                || entity.aliases.iter().any(|alias| name_key(alias) == key))
    });
    if found.is_some() {
        return found;
    }
    // A country or organisation the knowledge has that the text names only
    // in the label: added, without mentions, as the resolver adds a
    // capital's country.
    let entry = knowledge
        .lookup(side)
        .and_then(|found| knowledge.entry(found.known))
        .filter(|e| matches!(e.kind, EntityKind::Country | EntityKind::Organization))?;
    entities
        .entities
        .push(Entity::named(entry.name.to_string(), entry.kind));
    Some(entities.entities.len() - 1)
}

/// The names of the document's entities, indexed once for all speaker
/// labels: the cost of linking a label does not grow with the number of
/// entities or spellings.
#[derive(Debug, Default)]
struct NameIndex {
    /// Canonical name key → entities.
    canonical: HashMap<String, Vec<usize>>,
    /// Key of every name of two words or more → entities.
    full: HashMap<String, Vec<usize>>,
    /// Last-name key → people.
    last: HashMap<String, Vec<usize>>,
    /// Last-name keys by the first letter and length of their skeleton,
    /// for spelling variants.
    buckets: SpellingBuckets<String>,
}

/// Most last names of one bucket compared with a label's.
const MAX_COMPARISONS: usize = 64;

impl NameIndex {
    fn new(entities: &Entities) -> NameIndex {
        let mut index = NameIndex::default();
        for (at, entity) in entities.entities.iter().enumerate() {
            index.add(at, entity);
        }
        index
    }

    fn add(&mut self, at: usize, entity: &Entity) {
        if !entity.ambiguous_with.is_empty() {
            return;
        }
        push(&mut self.canonical, name_key(&entity.name), at);
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            let key = name_key(name);
            let last = key.rsplit(' ').next().unwrap_or(&key).to_string();
            if key.contains(' ') {
                push(&mut self.full, key.clone(), at);
            }
            if entity.kind == EntityKind::Person {
                let folded = skeleton(&last);
                if let Some(&first) = folded.first()
                    && !self.last.contains_key(&last)
                {
                    self.buckets
                        .entry((first, folded.len()))
                        .or_default()
                        .push((last.clone(), folded));
                }
                push(&mut self.last, last, at);
            }
        }
    }

    /// People whose last name is `last` or a spelling variant of it.
    fn people(&self, last: &str) -> Vec<usize> {
        let folded = skeleton(last);
        let mut out: Vec<usize> = self.last.get(last).cloned().unwrap_or_default();
        if let Some(&first) = folded.first() {
            for length in folded.len().saturating_sub(2)..=folded.len() + 2 {
                for (other, other_folded) in self
                    .buckets
                    .get(&(first, length))
                    .into_iter()
                    .flatten()
                    .take(MAX_COMPARISONS)
                {
                    if other != last && same_skeleton(other_folded, &folded) {
                        out.extend(self.last.get(other).into_iter().flatten());
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn push(map: &mut HashMap<String, Vec<usize>>, key: String, at: usize) {
    let list = map.entry(key).or_default();
    if list.last() != Some(&at) {
        list.push(at);
    }
}

/// What linking a speaker label needs besides the label.
struct Labels<'a> {
    text: &'a str,
    knowledge: &'a Knowledge,
    index: &'a mut NameIndex,
    created: &'a mut HashMap<String, usize>,
}

/// The entity a label's name part names, creating one when the text names
/// no such person (or an organisation the built-in knowledge has).
fn speaker_entity(labels: Labels<'_>, label: Span, part: Span, entities: &mut Entities) -> usize {
    let Labels {
        text,
        knowledge,
        index,
        created,
    } = labels;
    let written = part.slice(text);
    let key = name_key(written);
    // "MR. WRONA" and "MS. WRONA" are two people: entities made from
    // labels are told apart by the whole label.
    let label_key = name_key(label.slice(text));
    if let Some(&entity) = created.get(&label_key) {
        return entity;
    }
    // The whole label as a name: "Wikinews", "Vladimir Putin". A name in
    // doubt ("Wrona" beside two Wronas) is no answer: the label may tell
    // them apart ("MS. WRONA"). A one-word label must be the entity's own
    // name ("Wikinews"), not a surname it shares with others.
    let whole = if key.contains(' ') {
        index.full.get(&key)
    } else {
        index.canonical.get(&key)
    };
    if let Some([only]) = whole.map(Vec::as_slice) {
        return *only;
    }
    // Its last word as a person's last name, or a spelling of it.
    let last = key.rsplit(' ').next().unwrap_or(&key).to_string();
    let people = index.people(&last);
    if let [only] = people.as_slice() {
        return *only;
    }
    // "DER SPIEGEL:": an organisation the built-in knowledge has speaks as
    // itself ("JORDAN:" is a person, not the country).
    let known = knowledge
        .lookup(written)
        .and_then(|found| knowledge.entry(found.known))
        .filter(|known| known.kind == EntityKind::Organization);
    let (name, kind) = match known {
        Some(known) => (known.name.to_string(), known.kind),
        None if written.chars().any(char::is_lowercase) => {
            (written.to_string(), EntityKind::Person)
        }
        None => (title_case(written), EntityKind::Person),
    };
    entities.entities.push(Entity {
        aliases: vec![written.to_string()],
        ambiguous_with: people,
        ..Entity::named(name, kind)
    });
    let at = entities.entities.len() - 1;
    if let Some(entity) = entities.entities.get(at) {
        index.add(at, entity);
    }
    created.insert(label_key, at);
    at
}

/// "O'BRIEN-SMITH" → "O'Brien-Smith".
fn title_case(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    let mut start_of_word = true;
    for c in written.chars() {
        if start_of_word {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_word = !c.is_alphanumeric();
    }
    out
}

/// The person the questions address by name ("Mr. Vang, revenue hit a
/// record…", "Dr. Solberg, thank you…"), if one person is addressed most.
fn interviewee(document: &Document<'_>, entities: &Entities) -> Option<usize> {
    if let Some(person) = titled_person(document, entities) {
        return Some(person);
    }
    let text = document.text();
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for turn in document
        .turns()
        .iter()
        .filter(|t| t.role() == Role::Question)
    {
        let body = turn.body();
        let opening = Span::new(body.start, (body.start + 40).min(body.end));
        let addressed = entities.mentions_in(opening).iter().find(|mention| {
            let after = text.get(mention.span.end..).unwrap_or("");
            // The name opens the question, a title or a word like "So" at
            // most before it: "in NGC 1068, or M77, are shown" addresses
            // nobody.
            let before = text.get(body.start..mention.span.start).unwrap_or(",");
            before.split_whitespace().count() <= 2
                && !before.contains(',')
                && after.starts_with(',')
                && entities
                    .entity(mention.entity)
                    .is_some_and(|e| e.kind == EntityKind::Person)
        });
        if let Some(mention) = addressed {
            *counts.entry(mention.entity).or_default() += 1;
        }
    }
    // A name only guessed to be a person's must be addressed twice:
    // "Stanford Pediatrics, wow!" addresses no one.
    let guessed = |entity: usize| entities.entity(entity).is_none_or(|e| e.kind_guessed);
    counts
        .into_iter()
        .filter(|&(entity, count)| count >= 2 || !guessed(entity))
        .max_by_key(|&(entity, count)| (count, std::cmp::Reverse(entity)))
        .map(|(entity, _)| entity)
}

/// "Interview with Alex Borlaff": the one person a title names.
fn titled_person(document: &Document<'_>, entities: &Entities) -> Option<usize> {
    let title = document.turns().iter().find(|t| t.role() == Role::Title)?;
    let mut people = entities
        .mentions_in(title.body())
        .iter()
        .map(|m| m.entity)
        .filter(|&e| {
            entities
                .entity(e)
                .is_some_and(|e| e.kind == EntityKind::Person)
        });
    let first = people.next()?;
    people.all(|other| other == first).then_some(first)
}

/// Sets each person's affiliation from the first mention that shows one.
fn find_affiliations(text: &str, entities: &mut Entities, knowledge: &Knowledge) {
    let vocabulary = Vocabulary::get();
    let is_side = |entities: &Entities, mention: &Mention| {
        entities
            .entity(mention.entity)
            .is_some_and(|e| matches!(e.kind, EntityKind::Organization | EntityKind::Country))
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut tied: std::collections::HashSet<usize> = std::collections::HashSet::new();
    let mentions = &entities.mentions;
    for (index, mention) in mentions.iter().enumerate() {
        let is_person = entities
            .entity(mention.entity)
            .is_some_and(|e| e.kind == EntityKind::Person);
        if !is_person || tied.contains(&mention.entity) {
            continue;
        }
        let after = mentions.get(index + 1).filter(|next| {
            is_side(entities, next)
                && text
                    .get(mention.span.end..next.span.start)
                    .is_some_and(|gap| apposition(gap, vocabulary, knowledge))
        });
        let before = index
            .checked_sub(1)
            .and_then(|i| mentions.get(i))
            .filter(|previous| {
                is_side(entities, previous)
                    && text
                        .get(previous.span.end..mention.span.start)
                        .is_some_and(|gap| {
                            role_words(gap, vocabulary, knowledge)
                                || office_of(text, previous.span.start, gap, vocabulary)
                        })
            });
        let (mut side, side_index) = match (after, before) {
            (Some(after), _) => (after, index + 1),
            (None, Some(before)) => (before, index - 1),
            (None, None) => continue,
        };
        // "deputy director of the Office of Surveillance and Epidemiology
        // at the FDA": the outermost organisation of a chain.
        let mut next = mentions.iter().skip(side_index + 1);
        while let Some(outer) = next.next().filter(|outer| {
            is_side(entities, outer)
                && text
                    .get(side.span.end..outer.span.start)
                    .is_some_and(|gap| {
                        let mut words = gap.split_whitespace();
                        matches!(words.next(), Some("of" | "at" | "in"))
                            && words.all(|w| w.eq_ignore_ascii_case("the"))
                    })
        }) {
            side = outer;
        }
        tied.insert(mention.entity);
        found.push((mention.entity, side.entity));
    }
    for (person, side) in found {
        if let Some(entity) = entities.entities.get_mut(person) {
            entity.affiliation = Some(side);
        }
    }
}

/// ", spokesman for the ", ", an analyst at ", " of ": words that tie a
/// name to the organisation after them.
fn apposition(gap: &str, vocabulary: &Vocabulary, knowledge: &Knowledge) -> bool {
    if gap.len() > MAX_AFFILIATION_GAP || gap.contains("\n\n") || gap.contains(['.', ';', '?', '!'])
    {
        return false;
    }
    let rest = gap.trim_start();
    let (comma, rest) = match rest.strip_prefix(',') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    if words.last().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.pop();
    }
    let Some((preposition, role)) = words.split_last() else {
        return false;
    };
    if !matches!(*preposition, "of" | "at" | "for" | "from" | "with") {
        return false;
    }
    // Without a comma only the preposition may stand between: "Dana Reyes
    // of KXLT News".
    if !comma {
        return role.is_empty();
    }
    role.len() < MAX_AFFILIATION_WORDS
        && role
            .iter()
            .all(|w| matches!(*w, "a" | "an" | "the") || is_role_word(w, vocabulary, knowledge))
}

/// "President of Russia Vladimir Putin", "Prime Minister of Singapore Lee
/// Hsien Loong": an office of the side right before the name, nothing but
/// a space between them.
fn office_of(text: &str, side_start: usize, gap: &str, vocabulary: &Vocabulary) -> bool {
    if !gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
        return false;
    }
    let before = text.get(..side_start).unwrap_or("");
    let mut words = before
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    let (Some(of), Some(office)) = (words.next(), words.next()) else {
        return false;
    };
    matches!(of, "of" | "for")
        && vocabulary
            .lookup(office)
            .is_some_and(|info| info.is(class::TITLE))
}

/// " CEO ", " spokesperson ", " analyst ", "'s chief executive ": role words
/// between an organisation and the name after it.
fn role_words(gap: &str, vocabulary: &Vocabulary, knowledge: &Knowledge) -> bool {
    // A hard-wrapped line may break the words; a blank line ends them.
    if gap.len() > MAX_AFFILIATION_GAP
        || gap.contains("\n\n")
        || gap.contains([',', '.', ';', '?', '!'])
    {
        return false;
    }
    let gap = gap
        .strip_prefix("'s")
        .or_else(|| gap.strip_prefix("’s"))
        .or_else(|| gap.strip_prefix('\''))
        .or_else(|| gap.strip_prefix('’'))
        .unwrap_or(gap);
    let words: Vec<&str> = gap.split_whitespace().collect();
    // "National Security Communications Advisor": before a title, the
    // capitalised words of the office need not be common words, only no
    // names.
    let titled = words.last().is_some_and(|w| {
        vocabulary
            .lookup(w.trim_end_matches('.'))
            .is_some_and(|info| info.is(class::TITLE))
    });
    let office_word = |w: &&str| {
        is_role_word(w, vocabulary, knowledge)
            || titled
                && w.chars().next().is_some_and(char::is_uppercase)
                && knowledge.lookup(w).is_none()
    };
    (1..=4).contains(&words.len()) && words.iter().all(office_word)
}

/// A title ("CEO", "Minister"), a capitalised common word of a title
/// ("Energy" in "Energy Minister"), or a lower-case noun or adjective that
/// is no verb or function word ("analyst", "chief", "financial").
fn is_role_word(word: &str, vocabulary: &Vocabulary, knowledge: &Knowledge) -> bool {
    let word = word.trim_end_matches('.');
    match vocabulary.lookup(word) {
        Some(info) => info.is(class::TITLE),
        None if word.chars().next().is_some_and(char::is_uppercase) => {
            knowledge.is_common_word(word)
        }
        None => {
            word.chars().all(|c| c.is_alphabetic() || c == '-')
                && word.chars().next().is_some_and(char::is_lowercase)
        }
    }
}
