//! Reference: what a pronoun, a definite description or a first-person word
//! refers to, recorded as a mention with the mention it was resolved
//! through.
//!
//! The text is read in order, so a reference can resolve through an earlier
//! one ("Anna Kowalczyk … She … Her …"). Candidates are the name mentions
//! and resolved third-person references before the word; the rules are:
//!
//! - **he, him, his, she, her, himself, herself** want a person: the
//!   nearest one earlier in the same sentence; else the first one in the
//!   sentence before, in the same turn (its subject, as a rule: "Putin met
//!   Lavrov. He said …" is Putin); else the nearest one in the turn; else
//!   in the turn before.
//! - **they, them, their, themselves** want an organisation, country or
//!   group, by the same steps within the paragraph; else a person named
//!   earlier in the same sentence ("Shoigu had flown in, and they signed":
//!   his delegation). A "they" about people the text does not name is left
//!   unresolved.
//! - **it, its, itself** want an organisation, country, place or thing
//!   (a name of kind `other`): the nearest one earlier in the same
//!   sentence; "its" may also take the first in the sentence before, and so
//!   may an "it" that opens its sentence as the subject of an act ("China
//!   sent warships. It declared exclusion zones") when a name opens the
//!   sentence before; failing that, a one-word name earlier in the sentence
//!   whose kind was only guessed. No further: a subject "it" is too often
//!   no entity at all ("It is unclear", "It changed everything").
//! - **the NOUN** (a noun from the `[description]` section of
//!   `entity_words.txt`: "the country", "the ministry", "the regulator")
//!   wants that kind. Right after a name and a comma it is that name
//!   ("Nordkabel, the Swedish manufacturer"). A title noun ("the
//!   president", "the senator") is the person titled so in the same
//!   sentence, else the one the text titles so most often up to there
//!   ("President Biden"). A demonym before the noun ("the Belarusian
//!   leader") asks for an entity of that country. Otherwise an entity the
//!   text described with the same noun, or whose name is built on the noun
//!   (or on a word made from it) and contains any lower-case modifiers
//!   ("the audit chamber" → "State Audit Chamber", "the ministry" →
//!   "Ministry of Defense", "the regulator" → "Energy Regulatory Office",
//!   but "the city" is not "City Hall"), nearest in the turn first; failing that, for nouns without
//!   modifiers and of kinds other than `other`, the nearest entity of the
//!   kind in the turn, else the one mentioned most so far.
//! - **I, me, my, we, us, our** in a turn whose speaker is known are the
//!   speaker, and "we", "us", "our" the speaker's side when the text ties
//!   the speaker to an organisation or country; **our country** is that
//!   country.
//! - **you, your, yourself** in a turn that addresses someone (see the
//!   `addressee` module: a question addresses who answers it, a greeting
//!   whom it hails) are the addressee, and **your country** is the
//!   addressee's country. "You all", "you guys" and the like speak to a
//!   room and stay unresolved.
//!
//! Agreement is by kind, and by gender only where the text gives one: the
//! crate keeps no list of first names, so "he" and "she" both want a
//! person, but "he" does not resolve through an earlier "she", nor to a
//! person the text calls "Ms." or "Mrs." (and "she" not to a "Mr."). An object pronoun ("him",
//! "them", "her" before punctuation or after a preposition) is not the
//! subject of its own clause ("She thanked him"; "…,
//! and Putin is putting pressure on him"); a clause starts after a comma,
//! "and", "that" and the like.
//! Every search looks at a bounded number of mentions, so the cost per word
//! is constant.

use super::addressee::addressees;
use super::knowledge::Knowledge;
use std::collections::HashMap;

use super::recognize::SentenceTokens;
use super::resolve::strip_possessive;
use super::settle::{Gender, honorific_gender, pronoun_gender, titles_before};
use super::{Entities, Entity, EntityKind, Mention, MentionKind};
use crate::document::Document;
use crate::lower::Lower;
use crate::segment::words::{Token, TokenKind, Vocabulary, class, form};
use crate::span::Span;

/// How far back a reference may look, as byte offsets where the current
/// sentence, paragraph and turn begin.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Scope {
    /// Start of the sentence the reference is in.
    pub(crate) sentence: usize,
    /// Start of the sentence before it in the same turn (the sentence's
    /// own start when it is the turn's first).
    pub(crate) previous_sentence: usize,
    /// Start of its paragraph.
    pub(crate) paragraph: usize,
    /// Start of its turn.
    pub(crate) turn: usize,
    /// Start of the turn before it, the furthest a personal pronoun looks.
    pub(crate) previous_turn: usize,
}

/// Most mentions looked at for one reference; bounds the cost per word.
const LOOK_BACK: usize = 400;

/// What a reference word asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wanted {
    Person,
    Plural,
    Thing,
}

/// The noun a name is built on: the word before its first "of", "for" or
/// "on" ("ministry" in "ministry of defense"), else its last word
/// ("chamber" in "state audit chamber"; "hall", not "city", in "city
/// hall").
fn head_noun(name: &str) -> &str {
    let words: Vec<&str> = name.split(' ').collect();
    let before_of = words
        .iter()
        .position(|w| matches!(*w, "of" | "for" | "on"))
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| words.get(i));
    before_of.or(words.last()).copied().unwrap_or("")
}

/// What a pronoun agrees with: a kind, a gender, and an entity it cannot
/// be.
#[derive(Clone, Copy, Debug)]
struct Agreement {
    wanted: Wanted,
    gender: Option<Gender>,
    avoid: Option<usize>,
}

/// Organisations, countries and groups: what "they" and "its" stand for.
fn is_collective(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Organization | EntityKind::Country | EntityKind::Group
    )
}

/// Words that start a new clause, for the subject an object pronoun
/// avoids.
fn is_clause_boundary(word: &str) -> bool {
    matches!(
        word,
        "," | ";"
            | ":"
            | "and"
            | "but"
            | "or"
            | "that"
            | "which"
            | "who"
            | "because"
            | "while"
            | "when"
            | "if"
            | "although"
    )
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

fn fits(wanted: Wanted, kind: EntityKind) -> bool {
    match wanted {
        Wanted::Person => kind == EntityKind::Person,
        Wanted::Plural => is_collective(kind),
        Wanted::Thing => {
            is_collective(kind) || matches!(kind, EntityKind::Place | EntityKind::Other)
        }
    }
}

/// Resolves every reference of the document and records it in `entities`.
pub(crate) fn resolve_references(
    document: &Document<'_>,
    entities: &mut Entities,
    knowledge: &Knowledge,
    tokens: &SentenceTokens,
) {
    let text = document.text();
    let vocabulary = Vocabulary::get();
    let mut honorifics: HashMap<usize, (bool, bool)> = HashMap::new();
    let mut titled_by: HashMap<String, Vec<Mention>> = HashMap::new();
    for mention in &entities.mentions {
        let person = entities
            .entity(mention.entity)
            .is_some_and(|e| e.kind == EntityKind::Person);
        for title in titles_before(text, mention.span, vocabulary) {
            if person && mention.kind != MentionKind::Speaker {
                titled_by.entry(title.clone()).or_default().push(*mention);
            }
            let slot = honorifics.entry(mention.entity).or_default();
            match honorific_gender(&title) {
                Some(Gender::Female) => slot.0 = true,
                Some(Gender::Male) => slot.1 = true,
                None => {}
            }
        }
    }
    let mut walk = Walk {
        text,
        entities,
        knowledge,
        vocabulary,
        found: Vec::new(),
        speaker: None,
        addressee: None,
        label: None,
        honorifics,
        titled_by,
    };
    let addressees = addressees(document, walk.entities, knowledge, tokens);
    let mut previous_turn = 0;
    for (turn_index, turn) in document.turns().iter().enumerate() {
        let turn_start = turn.span().start;
        let previous_start = std::mem::replace(&mut previous_turn, turn_start);
        let speaker = walk.entities.speaker(turn_index);
        walk.speaker = speaker;
        walk.addressee = addressees.get(turn_index).copied().flatten();
        walk.label = walk
            .entities
            .mentions_in(Span::new(turn_start, turn.body().start))
            .iter()
            .find(|m| m.kind == MentionKind::Speaker)
            .map(|m| m.span);
        let mut previous_sentence = None;
        for paragraph in document.paragraphs(turn) {
            for &sentence in document.paragraph_sentences(paragraph) {
                let scope = Scope {
                    sentence: sentence.start,
                    previous_sentence: previous_sentence.unwrap_or(sentence.start),
                    paragraph: paragraph.span().start,
                    turn: turn_start,
                    previous_turn: previous_start,
                };
                walk.sentence(tokens.of(sentence.start), scope, speaker);
                previous_sentence = Some(sentence.start);
            }
        }
    }
    let found = std::mem::take(&mut walk.found);
    for entity in &mut entities.entities {
        entity.references.clear();
    }
    for mention in &found {
        if let Some(entity) = entities.entities.get_mut(mention.entity) {
            entity.references.push(mention.span);
        }
    }
    entities.references = found;
}

struct Walk<'a> {
    text: &'a str,
    entities: &'a Entities,
    knowledge: &'a Knowledge,
    vocabulary: &'a Vocabulary,
    /// References resolved so far, in text order.
    found: Vec<Mention>,
    /// The speaker of the current turn, if known.
    speaker: Option<usize>,
    /// Whom the current turn addresses, if anyone.
    addressee: Option<usize>,
    /// The name in the current turn's speaker label, if it has one.
    label: Option<Span>,
    /// Per person, whether the text gives them a female or a male
    /// honorific ("Ms. Wrona", "MR. WRONA:").
    honorifics: HashMap<usize, (bool, bool)>,
    /// Per title ("president"), the people's mentions with it before their
    /// name, in text order.
    titled_by: HashMap<String, Vec<Mention>>,
}

impl Walk<'_> {
    fn word(&self, token: Option<&Token>) -> &str {
        token.map_or("", |t| t.span.slice(self.text))
    }

    fn kind_of(&self, entity: usize) -> Option<EntityKind> {
        self.entities.entity(entity).map(|e| e.kind)
    }

    fn sentence(&mut self, tokens: &[Token], scope: Scope, speaker: Option<usize>) {
        let mut index = 0;
        // Where the current clause starts: after the last comma, "and",
        // "that" and the like.
        let mut clause = scope.sentence;
        while let Some(token) = tokens.get(index) {
            index += 1;
            let lowered = Lower::new(token.span.slice(self.text));
            let lower: &str = &lowered;
            if is_clause_boundary(lower) {
                clause = token.span.end;
            }
            if token.kind != TokenKind::Word || !self.entities.mentions_in(token.span).is_empty() {
                continue;
            }
            let resolved = if lower == "the" {
                match self.description(tokens, index - 1, scope) {
                    Some((mention, end)) => {
                        index = end;
                        Some(mention)
                    }
                    None => None,
                }
            } else if let Some(wanted) = wanted(lower) {
                // "with her", "told her.": an object; "her team": not.
                let object = match lower {
                    "him" | "them" => true,
                    "her" => {
                        let next = tokens.get(index);
                        let before = index.checked_sub(2).and_then(|i| tokens.get(i));
                        next.is_none_or(|t| t.kind == TokenKind::Punct)
                            || before.is_some_and(|t| {
                                self.vocabulary
                                    .lookup(t.span.slice(self.text))
                                    .is_some_and(|info| info.is(class::PREPOSITION))
                            })
                    }
                    _ => false,
                };
                let clause = object.then_some(clause);
                let acts = lower == "it" && self.opens_an_act(tokens, index - 1);
                self.pronoun(wanted, token.span, scope, clause, acts)
            } else if let Some(addressee) = self.addressee
                && matches!(lower, "you" | "your" | "yours" | "yourself" | "yourselves")
            {
                self.second_person(lower, tokens, index - 1, addressee)
                    .map(|(mention, end)| {
                        index = end;
                        mention
                    })
            } else if let Some(speaker) = speaker {
                self.first_person(lower, tokens, index - 1, speaker)
                    .map(|(mention, end)| {
                        index = end;
                        mention
                    })
            } else {
                None
            };
            if let Some(mention) = resolved {
                self.found.push(mention);
            }
        }
    }

    /// Mentions before `at` back to `from`, nearest first: names and the
    /// third-person references resolved so far.
    fn before(&self, at: usize, from: usize) -> impl Iterator<Item = Mention> + '_ {
        // "he" in a turn is not its own speaker, and a speaker label is no
        // antecedent: only what is said counts.
        let speaker = self.speaker;
        let names = self
            .entities
            .mentions_before(at)
            .iter()
            .rev()
            .filter(move |m| Some(m.entity) != speaker && m.kind != MentionKind::Speaker)
            .copied()
            .peekable();
        let end = self.found.partition_point(|m| m.span.start < at);
        let references = self
            .found
            .get(..end)
            .unwrap_or(&[])
            .iter()
            .rev()
            .filter(move |m| {
                !matches!(m.kind, MentionKind::FirstPerson | MentionKind::SecondPerson)
                    && Some(m.entity) != speaker
            })
            .copied()
            .peekable();
        Merged { names, references }
            .take(LOOK_BACK)
            .take_while(move |m| m.span.start >= from)
    }

    /// True when `mention` can be what the word `agreement` describes
    /// refers to: its entity's kind fits, it is no pronoun of the other
    /// gender ("he" does not resolve through an earlier "she"), and it is
    /// not the entity the word must avoid.
    fn fits(&self, mention: &Mention, agreement: Agreement) -> bool {
        let kind_fits = self
            .kind_of(mention.entity)
            .is_some_and(|k| fits(agreement.wanted, k));
        let other_gender = agreement.gender.is_some_and(|gender| {
            mention.kind == MentionKind::Pronoun
                && pronoun_gender(&Lower::new(mention.span.slice(self.text)))
                    .is_some_and(|g| g != gender)
        });
        // "he" is not a person the text calls "Ms." or "Mrs.".
        let titled_otherwise = agreement.gender.is_some_and(|gender| {
            self.honorifics
                .get(&mention.entity)
                .is_some_and(|&(female, male)| match gender {
                    Gender::Female => male && !female,
                    Gender::Male => female && !male,
                })
        });
        // A chain keeps to its kind of pronoun: "he" does not resolve
        // through an "it".
        let other_pronoun = mention.kind == MentionKind::Pronoun
            && wanted(&Lower::new(mention.span.slice(self.text))) != Some(agreement.wanted);
        kind_fits
            && !other_gender
            && !other_pronoun
            && !titled_otherwise
            && Some(mention.entity) != agreement.avoid
    }

    fn nearest(&self, at: usize, from: usize, agreement: Agreement) -> Option<Mention> {
        self.before(at, from).find(|m| self.fits(m, agreement))
    }

    /// The first fitting mention of the sentence before the current one.
    fn subject_before(&self, scope: Scope, agreement: Agreement) -> Option<Mention> {
        if scope.previous_sentence >= scope.sentence {
            return None;
        }
        self.before(scope.sentence, scope.previous_sentence)
            .filter(|m| self.fits(m, agreement))
            .last()
    }

    /// The entity of the first mention of the clause before `at`, which
    /// starts at `clause`: its subject, which an object pronoun in the same
    /// clause cannot be ("She thanked him": "him" is not she; "and Putin
    /// is putting pressure on him": not Putin).
    fn clause_subject(&self, at: usize, clause: usize) -> Option<usize> {
        self.before(at, clause).last().map(|m| m.entity)
    }

    /// Resolves a pronoun; `object_of` is the start of its clause when it
    /// is an object, whose subject it then cannot be.
    /// True when the "it" at `index` opens its sentence (after "And" at
    /// most) as the subject of an act: a past-tense verb or a perfect ("It
    /// declared exclusion zones", "And it has imposed sanctions").
    fn opens_an_act(&self, tokens: &[Token], index: usize) -> bool {
        let opens = match index {
            0 => true,
            1 => matches!(&*Lower::new(self.word(tokens.first())), "and" | "but"),
            _ => false,
        };
        let info = |at: usize| self.vocabulary.lookup(self.word(tokens.get(at)));
        let verb = info(index + 1);
        let past = verb.is_some_and(|v| v.can_be(form::PAST) && !v.is(class::AUXILIARY));
        let perfect = verb.is_some_and(|v| v.is(class::HAVE))
            && info(index + 2).is_some_and(|v| v.can_be(form::PARTICIPLE) && !v.is(class::BE));
        opens && (past || perfect)
    }

    fn pronoun(
        &self,
        wanted: Wanted,
        span: Span,
        scope: Scope,
        object_of: Option<usize>,
        acts: bool,
    ) -> Option<Mention> {
        let at = span.start;
        let word = span.slice(self.text).to_lowercase();
        let agreement = Agreement {
            wanted,
            gender: pronoun_gender(&word),
            avoid: object_of.and_then(|clause| self.clause_subject(at, clause)),
        };
        let neutral = Agreement {
            gender: None,
            ..agreement
        };
        let found = match wanted {
            Wanted::Thing => self
                .nearest(at, scope.sentence, neutral)
                .or_else(|| {
                    // "Its master, …": a possessive reaches back a sentence.
                    (word == "its")
                        .then(|| self.subject_before(scope, neutral))
                        .flatten()
                })
                .or_else(|| {
                    // "China sent warships. It declared exclusion zones":
                    // an "it" that acts continues the subject of the
                    // sentence before, when a name opens that sentence.
                    acts.then(|| self.subject_before(scope, neutral))
                        .flatten()
                        .filter(|m| {
                            self.text
                                .get(scope.previous_sentence..m.span.start)
                                .is_some_and(|gap| gap.split_whitespace().count() <= 1)
                        })
                })
                .or_else(|| {
                    // "Nordkabel has confirmed that it will …": a name whose
                    // kind was only guessed may be a thing after all.
                    self.before(at, scope.sentence).find(|m| {
                        self.entities
                            .entity(m.entity)
                            .is_some_and(|e| e.kind_guessed && !e.name.contains(' '))
                    })
                }),
            Wanted::Person => self
                .nearest(at, scope.sentence, agreement)
                .or_else(|| self.subject_before(scope, agreement))
                .or_else(|| self.nearest(at, scope.turn, agreement))
                .or_else(|| self.nearest(at, scope.previous_turn, agreement)),
            Wanted::Plural => self
                .nearest(at, scope.sentence, agreement)
                .or_else(|| {
                    self.subject_before(scope, agreement)
                        .filter(|m| m.span.start >= scope.paragraph)
                })
                .or_else(|| self.nearest(at, scope.paragraph, agreement))
                .or_else(|| {
                    let person = Agreement {
                        wanted: Wanted::Person,
                        ..agreement
                    };
                    self.nearest(at, scope.sentence, person)
                }),
        }?;
        Some(Mention {
            span,
            entity: found.entity,
            kind: MentionKind::Pronoun,
            antecedent: Some(found.span),
        })
    }

    /// "the country", "the Belarusian leader", "the audit chamber", "the
    /// prime minister" starting at token `the`; returns the mention and the
    /// token after it.
    fn description(&self, tokens: &[Token], the: usize, scope: Scope) -> Option<(Mention, usize)> {
        let start = tokens.get(the)?.span.start;
        let mut country = None;
        let mut modifiers: Vec<String> = Vec::new();
        let mut index = the + 1;
        // One demonym ("the Belarusian leader") or up to two lower-case
        // modifiers ("the audit chamber"), then the noun.
        if let Some(mention) = tokens
            .get(index)
            .and_then(|t| self.entities.mentions_in(t.span).first())
            .filter(|m| m.kind == MentionKind::Demonym)
        {
            country = Some(mention.entity);
            index += 1;
        }
        let mut found_head = None;
        for _ in 0..3 {
            let token = tokens.get(index)?;
            let word = strip_possessive(token.span.slice(self.text));
            if token.kind != TokenKind::Word || !word.chars().all(char::is_lowercase) {
                return None;
            }
            // "the prime minister": a listed two-word description.
            if let Some(next) = tokens.get(index + 1) {
                let pair = format!("{word} {}", self.word(Some(next)));
                if let Some(kind) = self.knowledge.description(&pair) {
                    found_head = Some((kind, next, index + 2));
                    break;
                }
            }
            if let Some(kind) = self.knowledge.description(word) {
                found_head = Some((kind, token, index + 1));
                break;
            }
            // A modifier is a plain word ("audit", "state"): not a function
            // word, nor a verb in any form but its base ("the said
            // company").
            let plain = self
                .vocabulary
                .lookup(word)
                .is_none_or(|info| info.classes == 0 && info.forms & !form::BASE == 0);
            if !plain || modifiers.len() == 2 {
                return None;
            }
            modifiers.push(word.to_string());
            index += 1;
        }
        let (kind, head_token, end) = found_head?;
        if country.is_some() && !modifiers.is_empty() {
            return None;
        }
        let head = strip_possessive(self.word(Some(head_token))).to_string();
        // "the minister Anna Kowalczyk": the name that follows names it.
        let named_next = tokens.get(end).is_some_and(|t| {
            !self.entities.mentions_in(t.span).is_empty()
                || self
                    .word(Some(t))
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        });
        if named_next {
            return None;
        }
        let span = Span::new(start, head_token.span.end);
        let is_title = self
            .vocabulary
            .lookup(&head)
            .is_some_and(|info| info.is(class::TITLE));
        let found = if let Some(named) = self.apposition(tokens, the, kind) {
            named
        } else if let Some(country) = country {
            self.of_country(span.start, country, kind)?
        } else if is_title && kind == EntityKind::Person && modifiers.is_empty() {
            self.titled(&head, span.start, scope.sentence)?
        } else {
            self.of_kind(span.start, &head, &modifiers, kind, scope)?
        };
        Some((
            Mention {
                span,
                entity: found.entity,
                kind: MentionKind::Description,
                antecedent: Some(found.span),
            },
            end,
        ))
    }

    /// "Nordkabel, the Swedish manufacturer": a description right after a
    /// name and a comma names the same entity, when the kinds agree.
    fn apposition(&self, tokens: &[Token], the: usize, kind: EntityKind) -> Option<Mention> {
        let comma = tokens.get(the.checked_sub(1)?)?;
        if comma.span.slice(self.text) != "," {
            return None;
        }
        let name = tokens.get(the.checked_sub(2)?)?;
        self.entities
            .mentions_in(name.span)
            .first()
            .or_else(|| {
                // The possessive-free name ends the token: "Baltmar's".
                self.entities
                    .mentions_before(name.span.end)
                    .last()
                    .filter(|m| m.span.end > name.span.start)
            })
            .filter(|m| self.kind_of(m.entity) == Some(kind))
            .copied()
    }

    /// The most recent mention of an entity of `kind` that belongs to
    /// `country` (the country itself for "the Belarusian state").
    fn of_country(&self, at: usize, country: usize, kind: EntityKind) -> Option<Mention> {
        let belongs = |entity: usize| {
            self.entities.entity(entity).is_some_and(|e: &Entity| {
                e.kind == kind && (e.country == Some(country) || entity == country)
            })
        };
        self.before(at, 0).find(|m| belongs(m.entity))
    }

    /// The person "the president" means: one named with the title in the
    /// same sentence ("President Zelenskyy … the president"), else the
    /// person the text titles so most often up to here ("President Biden"
    /// in a White House briefing that names other presidents too), the
    /// last so titled among equals.
    fn titled(&self, title: &str, at: usize, sentence: usize) -> Option<Mention> {
        let title = title.to_lowercase();
        let list = self.titled_by.get(&title)?;
        let before = list.partition_point(|m| m.span.start < at);
        let recent = list.get(..before)?;
        if let Some(last) = recent.last().filter(|m| m.span.start >= sentence) {
            return Some(*last);
        }
        let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
        for (order, mention) in recent.iter().rev().take(LOOK_BACK * 8).enumerate() {
            let slot = counts.entry(mention.entity).or_insert((0, usize::MAX));
            slot.0 += 1;
            slot.1 = slot.1.min(order);
        }
        let (entity, _) = counts
            .into_iter()
            .max_by_key(|&(_, (count, order))| (count, std::cmp::Reverse(order)))?;
        recent.iter().rev().find(|m| m.entity == entity).copied()
    }

    /// The entity a description without a demonym or title refers to. First
    /// an entity described by the same noun, or whose name contains the
    /// noun and every modifier ("the audit chamber" → "State Audit
    /// Chamber"): the nearest in the turn, else the one mentioned most so
    /// far. Without modifiers and for kinds other than `other`, then the
    /// nearest entity of the kind in the turn, else the one mentioned most.
    fn of_kind(
        &self,
        at: usize,
        noun: &str,
        modifiers: &[String],
        kind: EntityKind,
        scope: Scope,
    ) -> Option<Mention> {
        let noun = noun.to_lowercase();
        let matches = |entity: usize| {
            self.entities.entity(entity).is_some_and(|e| {
                let name = e.name.to_lowercase();
                let described = modifiers.is_empty() && e.described_as.contains(&noun);
                // Built on the noun, or on a word made from it ("the
                // regulator": "Energy Regulatory Office").
                let built_on = head_noun(&name) == noun
                    || name
                        .split(' ')
                        .any(|w| w.len() > noun.len() && w.starts_with(noun.as_str()));
                let named = built_on && modifiers.iter().all(|m| name.contains(m));
                e.kind == kind && (described || named)
            })
        };
        let in_turn: Vec<Mention> = self
            .before(at, scope.turn)
            .filter(|m| self.kind_of(m.entity) == Some(kind))
            .collect();
        let specific = in_turn
            .iter()
            .find(|m| matches(m.entity))
            .copied()
            .or_else(|| self.most_mentioned(at, kind, &matches));
        if specific.is_some() || !modifiers.is_empty() || kind == EntityKind::Other {
            return specific;
        }
        in_turn
            .first()
            .copied()
            .or_else(|| self.most_mentioned(at, kind, &|_| true))
    }

    /// The last mention of the entity of `kind` that `wanted` accepts and
    /// that is named most before `at`.
    fn most_mentioned(
        &self,
        at: usize,
        kind: EntityKind,
        wanted: &dyn Fn(usize) -> bool,
    ) -> Option<Mention> {
        let mut counts: std::collections::HashMap<usize, (usize, Mention)> =
            std::collections::HashMap::new();
        for mention in self
            .entities
            .mentions_before(at)
            .iter()
            .rev()
            .filter(|m| m.kind != MentionKind::Speaker)
            .take(LOOK_BACK * 4)
        {
            if self.kind_of(mention.entity) == Some(kind) && wanted(mention.entity) {
                counts.entry(mention.entity).or_insert((0, *mention)).0 += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(entity, (count, _))| (count, std::cmp::Reverse(entity)))
            .map(|(_, (_, mention))| mention)
    }

    /// "I", "we", "our country" in an answer by `speaker`.
    fn first_person(
        &self,
        lower: &str,
        tokens: &[Token],
        index: usize,
        speaker: usize,
    ) -> Option<(Mention, usize)> {
        let person = self.entities.entity(speaker)?;
        // A seat of power speaks for its state: the White House
        // spokesperson's "we" is the United States.
        let side = person.affiliation.map(|side| {
            self.entities
                .entity(side)
                .filter(|e| e.seat)
                .and_then(|e| e.country)
                .unwrap_or(side)
        });
        let span = tokens.get(index)?.span;
        let (entity, end, span) = match lower {
            "i" | "me" | "my" | "myself" => (speaker, index + 1, span),
            "we" | "us" | "our" | "ours" | "ourselves" => {
                // "our country": the side's country.
                let next = tokens.get(index + 1);
                let noun = self.word(next).to_lowercase();
                let is_country_noun = lower == "our"
                    && self.knowledge.description(&noun) == Some(EntityKind::Country);
                match (is_country_noun, next) {
                    (true, Some(next)) => {
                        let country = side
                            .filter(|&s| self.kind_of(s) == Some(EntityKind::Country))
                            .or_else(|| side.and_then(|s| self.entities.entity(s)?.country))
                            .or(person.country)?;
                        (country, index + 2, Span::new(span.start, next.span.end))
                    }
                    _ => (side.unwrap_or(speaker), index + 1, span),
                }
            }
            _ => return None,
        };
        // The evidence: the turn's speaker label for the speaker, else the
        // first mention of whom "we" turned out to be.
        let first_mention = self
            .entities
            .entity(entity)
            .and_then(|e| e.mentions.first().copied());
        let antecedent = match self.label {
            Some(label) if entity == speaker => Some(label),
            _ => first_mention,
        };
        Some((
            Mention {
                span,
                entity,
                kind: MentionKind::FirstPerson,
                antecedent,
            },
            end,
        ))
    }
}

impl Walk<'_> {
    /// "you", "your country" in a turn that addresses `addressee`.
    fn second_person(
        &self,
        lower: &str,
        tokens: &[Token],
        index: usize,
        addressee: usize,
    ) -> Option<(Mention, usize)> {
        let span = tokens.get(index)?.span;
        let next = tokens.get(index + 1);
        // "You'll each": the word after a contraction.
        let after = match self.word(next).chars().next() {
            Some('\'' | '’') => tokens.get(index + 2),
            _ => next,
        };
        let following = Lower::new(self.word(after));
        // "you all", "you guys", "you two": the room, not the addressee.
        if lower == "you"
            && matches!(
                &*following,
                "all" | "guys" | "folks" | "both" | "each" | "two" | "people" | "lot"
            )
        {
            return None;
        }
        let is_country_noun = lower == "your"
            && self.knowledge.description(&Lower::new(self.word(next)))
                == Some(EntityKind::Country);
        let (entity, end, span) = match (is_country_noun, next) {
            (true, Some(next)) => {
                let listener = self.entities.entity(addressee)?;
                let country = match listener.kind {
                    EntityKind::Country => Some(addressee),
                    _ => listener.country.or_else(|| {
                        let side = listener.affiliation?;
                        match self.kind_of(side) {
                            Some(EntityKind::Country) => Some(side),
                            _ => self.entities.entity(side)?.country,
                        }
                    }),
                }?;
                (country, index + 2, Span::new(span.start, next.span.end))
            }
            _ => (addressee, index + 1, span),
        };
        let antecedent = self
            .entities
            .entity(entity)
            .and_then(|e| e.mentions.first().copied());
        Some((
            Mention {
                span,
                entity,
                kind: MentionKind::SecondPerson,
                antecedent,
            },
            end,
        ))
    }
}

/// Two lists of mentions, each nearest first, merged nearest first.
struct Merged<A: Iterator<Item = Mention>, B: Iterator<Item = Mention>> {
    names: std::iter::Peekable<A>,
    references: std::iter::Peekable<B>,
}

impl<A, B> Iterator for Merged<A, B>
where
    A: Iterator<Item = Mention>,
    B: Iterator<Item = Mention>,
{
    type Item = Mention;

    fn next(&mut self) -> Option<Mention> {
        let take_name = match (self.names.peek(), self.references.peek()) {
            (Some(name), Some(reference)) => name.span.start >= reference.span.start,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if take_name {
            self.names.next()
        } else {
            self.references.next()
        }
    }
}
