//! Recognition: find the names in every sentence.
//!
//! A name is a run of capitalised words, with inner connectors ("Ministry
//! of Defense", "Bank of England", "Union Programs of Belarus and Russia")
//! and without the titles before it ("President Putin", "Foreign Minister
//! Lavrov", "Mr. Price"). A capitalised first word of a sentence (or the
//! first word after a bracketed aside) is a name only with other evidence:
//! the knowledge files know it, the document capitalises it in the middle
//! of a sentence too, or it is no English word at all ("Putin stabilizes",
//! where "Revenue rose" is not): not in `common_words.txt` or the verb and
//! grammar lists, not a plural or "-ers" form of one, and never written in
//! lower case in the document. Headlines in title case and text in capitals
//! only yield names known from elsewhere. A word alone in brackets
//! ("(Laughter.)") is a stage direction, and capitals that spell a common
//! word or abbreviation ("AI", "EDT"), currency codes, plural abbreviations
//! ("SUVs") and designations ("Plan B") name nothing. Title phrases stay out
//! of the name ("Energy Minister Ewa Wrona", "Minister of Climate and
//! Energy Ewa Wrona"); hyphenated words give the names in them
//! ("Polish-Lithuanian", "Drammen-based").
//!
//! A name's kind comes from, strongest first: the knowledge files; a word of
//! the name ("Ministry", "Street"); a noun beside it ("the cargo ship
//! Marisol Star", "Nordkabel, the Swedish manufacturer"); a title ("Mr.
//! Price"); an article ("the Sejm": no person); its shape (two to four
//! capitalised words: a person's full name); where it stands ("in Leipzig",
//! "in Drammen and Moss", "escorted to Gdynia", "Leipzig, Germany"). A name
//! with no evidence at all is taken for a person.

use std::collections::HashSet;

use super::EntityKind;
use super::gazetteer::{Gazetteer, PlaceClass};
use super::knowledge::{Knowledge, KnownName, Naming};
use crate::document::{Document, Role};
use crate::lower::Lower;
use crate::segment::words::{Token, TokenKind, Vocabulary, class, tokenize};
use crate::span::Span;

/// The title before a name, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Title {
    None,
    /// Right before the name: "Mr. Price", "Foreign Minister Lavrov".
    Personal,
    /// A title with its "of" phrase: "Minister of Climate and Energy Ewa
    /// Wrona".
    Phrase,
}

/// A name found in the text, before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) span: Span,
    pub(crate) known: Option<KnownName>,
    /// The kind the name's own shape suggests, and how sure that is.
    pub(crate) kind: EntityKind,
    pub(crate) strength: u8,
    /// This is an acronym given in brackets after the candidate with this
    /// index: "the Collective Security Treaty Organization (CSTO)".
    pub(crate) acronym_of: Option<usize>,
    /// Index of the sentence it is in, counted over the document.
    pub(crate) sentence: usize,
    /// The common noun beside the name that gave its kind ("manufacturer"
    /// in "Nordkabel, the Swedish manufacturer").
    pub(crate) described: Option<Span>,
}

/// Evidence strengths for a candidate's kind.
pub(crate) mod strength {
    pub(crate) const DEFAULT: u8 = 1;
    pub(crate) const PLACE_CONTEXT: u8 = 2;
    pub(crate) const FULL_NAME: u8 = 3;
    /// A full name whose first word is a given name ("Angela Merkel").
    pub(crate) const GIVEN_NAME: u8 = 4;
    pub(crate) const ARTICLE: u8 = 5;
    pub(crate) const TITLED: u8 = 5;
    pub(crate) const KEYWORD: u8 = 6;
    pub(crate) const KNOWN: u8 = 9;
}

/// Words joining the parts of one name.
const CONNECTORS: &[&str] = &[
    "of", "on", "de", "da", "del", "der", "den", "di", "du", "la", "le", "van", "von", "bin",
    "ibn", "al", "el", "y", "&", "for",
];

/// Prepositions after which an unknown single name is most likely a place.
/// ("to" and "from" are not: "a letter to Putin", "money from Baltmar".)
const LOCATIVES: &[&str] = &[
    "in", "near", "across", "outside", "around", "into", "between", "via",
];

/// How a sentence is capitalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Casing {
    Normal,
    /// A headline with most words capitalised.
    TitleCase,
    /// Capitals throughout.
    Capitals,
}

/// The tokens of every sentence of a document, tokenised once for the
/// entity stage's passes.
#[derive(Clone, Debug, Default)]
pub(crate) struct SentenceTokens {
    tokens: Vec<Token>,
    /// Per sentence, in text order: where it starts, and its tokens.
    sentences: Vec<(usize, std::ops::Range<usize>)>,
}

impl SentenceTokens {
    pub(crate) fn new(document: &Document<'_>) -> SentenceTokens {
        let text = document.text();
        let mut all = SentenceTokens::default();
        for turn in document.turns() {
            for &sentence in document.sentences(turn) {
                let start = all.tokens.len();
                tokenize(text, sentence, &mut all.tokens);
                all.sentences
                    .push((sentence.start, start..all.tokens.len()));
            }
        }
        all
    }

    /// The tokens of the sentence starting at byte `start`.
    pub(crate) fn of(&self, start: usize) -> &[Token] {
        self.sentences
            .binary_search_by_key(&start, |(at, _)| *at)
            .ok()
            .and_then(|i| self.sentences.get(i))
            .and_then(|(_, range)| self.tokens.get(range.clone()))
            .unwrap_or(&[])
    }
}

/// Every candidate name in the document's kept text, in text order.
pub(crate) fn candidates(
    document: &Document<'_>,
    knowledge: &Knowledge,
    all: &SentenceTokens,
) -> Vec<Candidate> {
    let text = document.text();
    let mut sentences: Vec<(&[Token], Casing)> = Vec::new();
    for turn in document.turns() {
        // Only a title, heading or caption can be a headline in title case;
        // a spoken "Marius Jankus, Radio Kuršas." is names, and so is a
        // moderator's labelled turn.
        let headline =
            turn.role() == Role::Title || turn.role() == Role::Other && turn.label().is_none();
        for &sentence in document.sentences(turn) {
            let tokens = all.of(sentence.start);
            let casing = casing(text, tokens, knowledge, headline);
            sentences.push((tokens, casing));
        }
    }
    // Words the document capitalises inside sentences: those are names
    // even where they open a sentence.
    // Words it writes in lower case are ordinary words where they open one
    // ("Tariffs rarely protect …" beside "tariffs of 25%").
    let mut inner_capitals: HashSet<String> = HashSet::new();
    let mut lower_words: HashSet<&str> = HashSet::new();
    for (tokens, casing) in &sentences {
        if *casing != Casing::Normal {
            continue;
        }
        let first = first_word(tokens);
        for (index, token) in tokens.iter().enumerate() {
            let word = token.span.slice(text);
            if token.kind != TokenKind::Word {
                continue;
            }
            if !starts_upper(word) {
                lower_words.insert(word);
            } else if !opens_sentence(text, tokens, first, index) {
                let lower = Lower::new(word);
                if !inner_capitals.contains(&*lower) {
                    inner_capitals.insert(lower.to_string());
                }
            }
        }
    }
    let scanner = Scanner {
        text,
        knowledge,
        vocabulary: Vocabulary::get(),
        inner_capitals: &inner_capitals,
        lower_words: &lower_words,
    };
    let mut out = Vec::new();
    for (index, (tokens, casing)) in sentences.iter().enumerate() {
        let before = out.len();
        scanner.scan(tokens, *casing, &mut out);
        for candidate in out.iter_mut().skip(before) {
            candidate.sentence = index;
        }
    }
    out
}

/// "SUVs", "CEOs", "EVs": an abbreviation in the plural, a common noun.
fn is_plural_abbreviation(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
    })
}

/// The name before a lower-case suffix joined by a hyphen ("Drammen" in
/// "Drammen-based", "Kremlin" in "Kremlin-backed"), with the suffix.
fn hyphen_prefix(word: &str) -> Option<(&str, &str)> {
    let (prefix, suffix) = word.rsplit_once('-')?;
    let lower_suffix = !suffix.is_empty() && suffix.chars().all(char::is_lowercase);
    (lower_suffix && starts_upper(prefix)).then_some((prefix, suffix))
}

/// Suffixes after which the name before the hyphen is a place.
const PLACE_SUFFIXES: &[&str] = &["based", "born", "bred", "headquartered"];

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// The sentence's first word.
fn first_word(tokens: &[Token]) -> Option<usize> {
    tokens.iter().position(|t| t.kind != TokenKind::Punct)
}

/// True for the sentence's first word (`first`), and for the first word after a
/// bracketed aside ("(laughs) Ask me again"), which is capitalised for the
/// same reason.
fn opens_sentence(text: &str, tokens: &[Token], first: Option<usize>, index: usize) -> bool {
    // "(Laughter.) We", "Episode 212: Can Europe …": a clause opens after
    // a closing bracket or a colon too; quoted speech ("“Oh, I got
    // rejected”", "”Hey everyone!") after its opening quote.
    let after_bracket = index
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| matches!(t.span.slice(text), ")" | "]" | ":" | "“" | "”" | "\"" | "«"));
    Some(index) == first || after_bracket
}

fn casing(text: &str, tokens: &[Token], knowledge: &Knowledge, headline: bool) -> Casing {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(text))
        .collect();
    let letters: usize = words
        .iter()
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let upper: usize = words
        .iter()
        .map(|w| w.chars().filter(|c| c.is_uppercase()).count())
        .sum();
    if letters >= 8 && upper * 10 >= letters * 9 {
        return Casing::Capitals;
    }
    if !headline {
        return Casing::Normal;
    }
    // A headline capitalises its common words ("Senators Press Official on
    // Safety", "The Road to the Final") and leaves only function words in
    // lower case; a sentence full of names does not ("Putin met Lukashenko",
    // "Foreign Minister Sergei Lavrov met").
    let vocabulary = Vocabulary::get();
    let function_word = |w: &str| {
        vocabulary.lookup(w).is_some_and(|info| {
            info.classes & !(class::PLURAL | class::ADVERB) != 0 && !info.is(class::TITLE)
        })
    };
    let in_vocabulary = |w: &str| {
        vocabulary
            .lookup(w)
            .is_some_and(|info| !info.is(class::TITLE))
    };
    let long: Vec<&str> = words
        .iter()
        .skip(1)
        .copied()
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitalised_long = long.iter().filter(|w| starts_upper(w)).count();
    let listed: Vec<&str> = long.iter().copied().filter(|w| in_vocabulary(w)).collect();
    let capitalised_listed = listed.iter().filter(|w| starts_upper(w)).count();
    let capitalised_common = long
        .iter()
        .filter(|w| starts_upper(w) && (in_vocabulary(w) || knowledge.is_common_word(w)))
        .count();
    let lower_content = words
        .iter()
        .skip(1)
        .any(|w| !starts_upper(w) && !function_word(w));
    let headline = listed.len() >= 2 && capitalised_listed * 10 >= listed.len() * 6
        || long.len() >= 4 && capitalised_long == long.len() && capitalised_listed >= 1
        || !lower_content && capitalised_long >= 2 && capitalised_common >= 1;
    if headline {
        Casing::TitleCase
    } else {
        Casing::Normal
    }
}

struct Scanner<'s> {
    text: &'s str,
    knowledge: &'s Knowledge,
    vocabulary: &'s Vocabulary,
    inner_capitals: &'s HashSet<String>,
    lower_words: &'s HashSet<&'s str>,
}

impl Scanner<'_> {
    fn word(&self, token: Option<&Token>) -> &str {
        token.map_or("", |t| t.span.slice(self.text))
    }

    /// True for a known country, place or organisation: "Russia" in
    /// "President of Russia Vladimir Putin" ends the "of" phrase, it is no
    /// part of the person's name.
    fn names_no_person(&self, word: &str) -> bool {
        self.knowledge
            .lookup(word)
            .and_then(|known| self.knowledge.entry(known.known))
            .is_some_and(|entry| entry.kind != EntityKind::Person)
    }

    /// A country, state or city starts at `index`: "Mrs. `McCarthy` of
    /// New York" is a person from a place, not one name.
    fn place_follows(&self, tokens: &[Token], index: usize) -> bool {
        let gazetteer = Gazetteer::get();
        (index..index + 3).any(|end| {
            let (Some(first), Some(last)) = (tokens.get(index), tokens.get(end)) else {
                return false;
            };
            let words = Span::new(first.span.start, last.span.end).slice(self.text);
            gazetteer.place(words).is_some() || self.names_no_person(words)
        })
    }

    /// "Republic of Poland": the name with its "of" phrase is known as a
    /// whole.
    fn known_with_of(&self, tokens: &[Token], start: usize) -> bool {
        (start + 2..start + 5).any(|end| {
            let (Some(first), Some(last)) = (tokens.get(start), tokens.get(end)) else {
                return false;
            };
            let words = Span::new(first.span.start, last.span.end).slice(self.text);
            self.knowledge.lookup(words).is_some() || Gazetteer::get().place(words).is_some()
        })
    }

    fn is_title(&self, word: &str) -> bool {
        self.vocabulary
            .lookup(word)
            .is_some_and(|info| info.is(class::TITLE))
    }

    /// True for a capitalised common word right before a title that comes
    /// before a name: "Energy" in "Energy Minister Ewa Wrona", "Foreign" in
    /// "Foreign Secretary David Lammy".
    fn opens_title(&self, tokens: &[Token], index: usize) -> bool {
        let word = self.word(tokens.get(index));
        let next = self.word(tokens.get(index + 1));
        starts_upper(word)
            && self.knowledge.is_common_word(word)
            && !self.is_title(word)
            && self.is_title(next)
            && tokens
                .get(index + 2)
                .is_some_and(|t| self.is_name_word(t) || self.word(Some(t)) == ".")
    }

    /// A capitalised word that may be part of a name: not "I", a month, a
    /// currency code ("NOK 310 million") or the plural of an abbreviation
    /// ("SUVs", "CEOs").
    fn is_name_word(&self, token: &Token) -> bool {
        let word = token.span.slice(self.text);
        token.kind == TokenKind::Word
            && starts_upper(word)
            && word != "I"
            && !self.knowledge.is_calendar(word)
            && !self.knowledge.is_currency_code(word)
            && !is_plural_abbreviation(word)
    }

    /// A word that is no name on its own: a common sentence opener
    /// ("Then"), a closed-class word ("The"), or a verb form the document
    /// never capitalises mid-sentence ("Ask").
    fn is_plain_word(&self, word: &str) -> bool {
        self.knowledge.is_sentence_starter(word)
            || self.vocabulary.lookup(word).is_some_and(|info| {
                info.classes != 0 && !info.is(class::TITLE)
                    || info.forms != 0 && !self.inner_capitals.contains(&*Lower::new(word))
            })
    }

    /// A preposition, article, conjunction or pronoun ("On", "The", "We").
    fn is_closed_class(&self, word: &str) -> bool {
        self.vocabulary
            .lookup(word)
            .is_some_and(|info| info.classes != 0 && !info.is(class::TITLE))
    }

    /// True for an ordinary English word in any form: one the document
    /// writes in lower case, a frequent noun, adjective or adverb, a listed
    /// verb form, or a word whose ending marks a verb form, an adverb or
    /// the doers of a verb ("Walking", "Reportedly", "Listeners").
    fn is_dictionary_word(&self, word: &str) -> bool {
        let lower = Lower::new(word);
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        let ending = lower.chars().count() >= 5
            && ["ed", "ing", "ly"].iter().any(|end| lower.ends_with(end));
        // "Allies", "Companies": the plural of a word in "-y".
        let in_y = || {
            lower
                .strip_suffix("ies")
                .is_some_and(|stem| self.knowledge.is_common_word(&format!("{stem}y")))
        };
        // "Listeners", "Voters": people who do what a verb says.
        let doers = || {
            lower
                .strip_suffix("ers")
                .is_some_and(|stem| self.is_verb(stem) || self.is_verb(&format!("{stem}e")))
        };
        self.lower_words.contains(&*lower)
            || self.knowledge.is_common_word(&lower)
            || self.knowledge.is_common_word(singular)
            || self.vocabulary.lookup(&lower).is_some()
            || ending
            || in_y()
            || doers()
    }

    fn is_verb(&self, word: &str) -> bool {
        self.vocabulary
            .lookup(word)
            .is_some_and(|info| info.forms != 0)
    }

    fn scan(&self, tokens: &[Token], casing: Casing, out: &mut Vec<Candidate>) {
        let first = first_word(tokens);
        let mut index = 0;
        while let Some(token) = tokens.get(index) {
            let initial = opens_sentence(self.text, tokens, first, index);
            // "Then Foreign Minister Sergei Lavrov …": a common opener is no
            // part of the name after it.
            let common_opener = initial && self.is_plain_word(token.span.slice(self.text));
            if !self.is_name_word(token) || common_opener {
                index += 1;
                continue;
            }
            // "Polish-Lithuanian", "Russia-Ukraine": known names joined by a
            // hyphen name each.
            if self.emit_known_parts(token, out) {
                index += 1;
                continue;
            }
            // "Drammen-based", "Kremlin-backed": the name before the hyphen.
            if let Some((prefix, suffix)) = hyphen_prefix(token.span.slice(self.text)) {
                self.emit_prefix(token, prefix, suffix, initial, out);
                index += 1;
                continue;
            }
            // Titles: "Foreign Minister Sergei Lavrov", "Mr. Price".
            let mut start = index;
            let mut title = Title::None;
            while let Some(token) = tokens.get(start) {
                let word = token.span.slice(self.text);
                let mut next = start + 1;
                if self.word(tokens.get(next)) == "." {
                    next += 1;
                }
                let followed_by_name = tokens.get(next).is_some_and(|t| {
                    self.is_name_word(t)
                        && !self.knowledge.is_organization_word(t.span.slice(self.text))
                });
                // "Energy Minister Ewa Wrona": a common word before a
                // title is part of it.
                let title_part = self.is_title(word) || self.opens_title(tokens, start);
                if self.is_name_word(token) && title_part && followed_by_name {
                    title = Title::Personal;
                    start = next;
                } else {
                    break;
                }
            }
            let end = self.name_end(tokens, start);
            // "St. Louis", "Saint Petersburg": a title word that begins a
            // known name is part of it.
            if title == Title::Personal
                && let (Some(first), Some(last)) = (
                    tokens.get(index),
                    end.checked_sub(1).and_then(|i| tokens.get(i)),
                )
                && let whole = Span::new(first.span.start, last.span.end)
                && let Some(known) = self.knowledge.lookup(whole.slice(self.text))
            {
                out.push(self.known(whole, known));
                index = end;
                continue;
            }
            // "Minister of Climate and Energy Ewa Wrona", "Secretary of
            // State Antony Blinken": a title with its "of" phrase; the name
            // is the words at the end that are no common words.
            // "Federal Chancellor of Germany Angela Merkel": capitalised
            // words of the title may come before it.
            let title_of = (start..(start + 3).min(end)).find(|&i| {
                tokens
                    .get(i)
                    .is_some_and(|t| self.is_title(t.span.slice(self.text)))
                    && matches!(self.word(tokens.get(i + 1)), "of" | "for")
            });
            let titled_phrase = title == Title::None && title_of.is_some();
            if let Some(title_at) = title_of.filter(|_| titled_phrase) {
                start = title_at;
                let mut name_start = end;
                while name_start > start + 2
                    && tokens.get(name_start - 1).is_some_and(|t| {
                        let word = t.span.slice(self.text);
                        self.is_name_word(t)
                            && !self.is_title(word)
                            && !self.knowledge.is_common_word(word)
                            && !self.lower_words.contains(&*Lower::new(word))
                            && (name_start == end || !self.names_no_person(word))
                    })
                {
                    name_start -= 1;
                }
                if name_start < end && name_start > start + 2 {
                    // "Governor of Kaliningrad Region Alexei …", "President
                    // of Ukraine Volodymyr …": the "of" phrase names a place
                    // or body of its own when the knowledge or its words
                    // say so ("Minister of Climate and Energy" does not).
                    let of_phrase = start + 2..name_start;
                    let names_something = of_phrase.clone().any(|i| {
                        let word = self.word(tokens.get(i));
                        self.knowledge.is_place_word(word)
                            || self.knowledge.is_organization_word(word)
                            || self.knowledge.lookup(word).is_some()
                    });
                    if names_something {
                        self.emit(
                            tokens,
                            of_phrase.start,
                            of_phrase.end,
                            false,
                            Title::None,
                            casing,
                            out,
                        );
                    }
                    title = Title::Phrase;
                    start = name_start;
                } else {
                    // "MP for Słupsk": no person after the phrase; what
                    // follows "for" is a name of its own.
                    start += 2;
                }
            }
            if end <= start {
                index = start.max(index) + 1;
                continue;
            }
            let sentence_initial = initial && title == Title::None;
            let before = out.len();
            self.emit(tokens, start, end, sentence_initial, title, casing, out);
            // An acronym read after the name is not read again.
            let acronym = out
                .get(before..)
                .is_some_and(|new| new.iter().any(|c| c.acronym_of.is_some()));
            index = if acronym { end + 3 } else { end };
        }
    }

    /// One past the last token of the name starting at `start`.
    fn name_end(&self, tokens: &[Token], start: usize) -> usize {
        let mut end = start;
        let mut seen_of = false;
        let mut index = start;
        while let Some(token) = tokens.get(index) {
            let word = token.span.slice(self.text);
            // "Halvorsen Motors CEO Erik Vang": a title inside the run
            // starts another name.
            let inner_title = index > start
                && (self.is_title(word) || self.opens_title(tokens, index))
                && tokens.get(index + 1).is_some_and(|t| self.is_name_word(t));
            if inner_title {
                break;
            }
            if self.is_name_word(token) {
                // "Drammen-based Halvorsen Motors": a hyphenated modifier is
                // a name of its own.
                if index > start && hyphen_prefix(word).is_some() {
                    break;
                }
                // "Kyiv, Ukraine On Saturday, the paper …": a dateline run
                // into the story's first sentence; a capitalised preposition,
                // article or pronoun opens the sentence, it ends no name.
                if index > start && self.is_closed_class(word) {
                    break;
                }
                end = index + 1;
                index += 1;
                continue;
            }
            // "of" joins an institution to what it is of ("Bank of England",
            // "Ministry of Defense"), not a person to an employer ("Dana
            // Reyes of KXLT News").
            let institution = (start..index).filter_map(|i| tokens.get(i)).any(|t| {
                let w = t.span.slice(self.text);
                self.knowledge.is_organization_word(w) || self.knowledge.is_place_word(w)
            }) || index == start + 1
                && (!self.place_follows(tokens, index + 1) || self.known_with_of(tokens, start))
                // "Federal Chancellor of Germany": a title takes its "of".
                || index
                    .checked_sub(1)
                    .and_then(|i| tokens.get(i))
                    .is_some_and(|t| self.is_title(t.span.slice(self.text)));
            let connector = CONNECTORS.contains(&word)
                && (!matches!(word, "of" | "on") || institution)
                || word == "and" && seen_of
                || word == "the" && seen_of;
            // "Ewa Wrona and Dr. Sobczak": a title after "and" starts
            // another name.
            let continues = tokens.get(index + 1).is_some_and(|t| {
                self.is_name_word(t) && !(word == "and" && self.is_title(t.span.slice(self.text)))
            });
            if connector && continues && index > start {
                seen_of |= word == "of";
                index += 1;
                continue;
            }
            break;
        }
        end
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        tokens: &[Token],
        mut start: usize,
        end: usize,
        sentence_initial: bool,
        title: Title,
        casing: Casing,
        out: &mut Vec<Candidate>,
    ) {
        let titled = title != Title::None;
        // "Mr. Jordan", "Dr. Houston": a personal title makes a person of a
        // name the built-in knowledge has for a country or a place.
        let lookup = |words: &str| {
            self.knowledge.lookup(words).filter(|known| {
                title != Title::Personal
                    || self.knowledge.entry(known.known).is_none_or(|entry| {
                        !matches!(entry.kind, EntityKind::Country | EntityKind::Place)
                    })
            })
        };
        let span_of = |from: usize, to: usize| -> Option<Span> {
            Some(Span::new(
                tokens.get(from)?.span.start,
                tokens.get(to.checked_sub(1)?)?.span.end,
            ))
        };
        // A known name as a whole ("Russian Federation") comes first.
        if let Some(span) = span_of(start, end)
            && let Some(known) = lookup(span.slice(self.text))
        {
            out.push(self.known(span, known));
            self.acronym_after(tokens, end, out);
            return;
        }
        // A demonym before a name qualifies it: "Belarusian Ministry of
        // Defense" is Belarus's ministry; the demonym names Belarus.
        // Only a country's: a region's adjective is part of the name
        // ("Nordic Wire", "European Space Agency").
        if let Some(known) = tokens
            .get(start)
            .and_then(|t| self.knowledge.lookup(t.span.slice(self.text)))
            .filter(|k| {
                k.naming == Naming::Demonym
                    && self
                        .knowledge
                        .entry(k.known)
                        .is_some_and(|e| e.kind == EntityKind::Country)
            })
        {
            if let Some(span) = span_of(start, start + 1) {
                out.push(self.known(span, known));
            }
            start += 1;
            if start >= end {
                return;
            }
        }
        let Some(span) = span_of(start, end) else {
            return;
        };
        let words = span.slice(self.text);
        if let Some(known) = lookup(words) {
            out.push(self.known(span, known));
            self.acronym_after(tokens, end, out);
            return;
        }
        // "White House National Security Communications Advisor John
        // Kirby": a known name, then capitalised words that lead to a title,
        // names only the known part; the rest is the office.
        let title_follows = self.opens_title(tokens, end)
            || tokens
                .get(end)
                .is_some_and(|t| self.is_title(t.span.slice(self.text)));
        for split in (start + 1..end).rev().filter(|_| title_follows) {
            let role = (split..end).all(|i| {
                tokens.get(i).is_some_and(|t| {
                    let word = t.span.slice(self.text);
                    self.knowledge.lookup(word).is_none() && !Gazetteer::get().is_given_name(word)
                })
            });
            if !role {
                break;
            }
            if let Some(known_span) = span_of(start, split)
                && let Some(known) = lookup(known_span.slice(self.text))
            {
                out.push(self.known(known_span, known));
                return;
            }
        }
        let single = end - start == 1;
        if sentence_initial || casing != Casing::Normal {
            let evidence = |word: &str| self.inner_capitals.contains(&*Lower::new(word));
            let name_words: Vec<&str> = (start..end)
                .filter_map(|i| tokens.get(i))
                .filter(|t| self.is_name_word(t))
                .map(|t| t.span.slice(self.text))
                .collect();
            let backed = if casing != Casing::Normal {
                name_words.iter().all(|w| evidence(w))
            } else if single {
                // "Putin stabilised …" is a name; "Revenue rose …" is not.
                !self.is_plain_word(words) && (evidence(words) || !self.is_dictionary_word(words))
            } else {
                true
            };
            if !backed {
                // "The Kremlin", "In Minsk": drop the opening word and try
                // the rest as a name of its own.
                if !single && casing == Casing::Normal {
                    self.emit(tokens, start + 1, end, false, title, casing, out);
                }
                return;
            }
            if !single && sentence_initial && self.is_plain_word(self.word(tokens.get(start))) {
                self.emit(tokens, start + 1, end, false, title, casing, out);
                return;
            }
        }
        // "(Laughter.)", "[Inaudible]": a word alone in brackets is a stage
        // direction (acronyms after their expansion are read apart).
        let word_at = |index: Option<usize>| self.word(index.and_then(|i| tokens.get(i)));
        let opens = matches!(word_at(start.checked_sub(1)), "(" | "[");
        let closes = |index: usize| matches!(word_at(Some(index)), ")" | "]");
        if single && opens && (closes(end) || word_at(Some(end)) == "." && closes(end + 1)) {
            return;
        }
        // "AI", "GDP", "CROSSTALK", "PM ET": capitals that spell ordinary
        // words or abbreviations name nothing.
        let mut name_words = (start..end)
            .filter_map(|i| tokens.get(i))
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.slice(self.text))
            .peekable();
        let ordinary_capitals = name_words.peek().is_some()
            && name_words.all(|word| is_capitals(word) && self.knowledge.is_common_word(word));
        if !titled && ordinary_capitals {
            return;
        }
        // "Plan B", "Vitamin D": a common word and a letter designate, not
        // name.
        let designation = end - start == 2
            && self.word(tokens.get(start + 1)).chars().count() == 1
            && self.is_dictionary_word(self.word(tokens.get(start)));
        if designation {
            return;
        }
        let one_letter = words.chars().count() == 1;
        // "Mr. Chairman": a title is no name, even after another.
        if single && (self.is_title(words) || (self.is_plain_word(words) || one_letter) && !titled)
        {
            return;
        }
        // "Energy, Climate and State Assets": a common word the document
        // also writes in lower case is no name on its own, wherever it
        // stands, unless it stands where a place does.
        let common = single
            && !titled
            && self.knowledge.is_common_word(words)
            && self.lower_words.contains(&*Lower::new(words));
        if common && !self.in_place_context(tokens, start, end) {
            return;
        }
        let (kind, strength) = self.kind_of(tokens, start, end, titled);
        let described = self.described(tokens, start, end).map(|(_, noun)| noun);
        out.push(Candidate {
            span,
            known: None,
            kind,
            strength,
            acronym_of: None,
            sentence: 0,
            described,
        });
        self.acronym_after(tokens, end, out);
    }

    /// Emits each part of a hyphenated word whose parts are all known
    /// names or demonyms ("Polish-Lithuanian"); false when it is no such
    /// word.
    fn emit_known_parts(&self, token: &Token, out: &mut Vec<Candidate>) -> bool {
        let word = token.span.slice(self.text);
        if !word.contains('-') {
            return false;
        }
        let mut parts = Vec::new();
        let mut offset = token.span.start;
        for part in word.split('-') {
            let Some(known) = self.knowledge.lookup(part).filter(|_| starts_upper(part)) else {
                return false;
            };
            parts.push(self.known(Span::new(offset, offset + part.len()), known));
            offset += part.len() + 1;
        }
        out.extend(parts);
        true
    }

    /// The name before a hyphenated lower-case suffix: a known name, or a
    /// place before "-based", "-born"; at a sentence's start only with the
    /// evidence any first word needs.
    fn emit_prefix(
        &self,
        token: &Token,
        prefix: &str,
        suffix: &str,
        initial: bool,
        out: &mut Vec<Candidate>,
    ) {
        let span = Span::new(token.span.start, token.span.start + prefix.len());
        if let Some(known) = self.knowledge.lookup(prefix) {
            out.push(self.known(span, known));
            return;
        }
        let backed = !self.is_plain_word(prefix)
            && (!initial
                || self.inner_capitals.contains(&*Lower::new(prefix))
                || !self.is_dictionary_word(prefix));
        if !backed || prefix.chars().count() < 2 {
            return;
        }
        let place = PLACE_SUFFIXES.contains(&suffix);
        out.push(Candidate {
            span,
            known: None,
            kind: if place {
                EntityKind::Place
            } else {
                EntityKind::Other
            },
            strength: if place {
                strength::PLACE_CONTEXT
            } else {
                strength::DEFAULT
            },
            acronym_of: None,
            sentence: 0,
            described: None,
        });
    }

    fn known(&self, span: Span, known: KnownName) -> Candidate {
        let kind = self
            .knowledge
            .entry(known.known)
            .map_or(EntityKind::Other, |k| k.kind);
        Candidate {
            span,
            known: Some(known),
            kind,
            strength: strength::KNOWN,
            acronym_of: None,
            sentence: 0,
            described: None,
        }
    }

    /// "(CSTO)" right after a name whose initials it spells.
    fn acronym_after(&self, tokens: &[Token], end: usize, out: &mut Vec<Candidate>) {
        let (Some(open), Some(acronym), Some(close)) =
            (tokens.get(end), tokens.get(end + 1), tokens.get(end + 2))
        else {
            return;
        };
        let word = acronym.span.slice(self.text);
        if self.word(Some(open)) != "(" || self.word(Some(close)) != ")" || !is_capitals(word) {
            return;
        }
        let Some(expansion) = out.len().checked_sub(1) else {
            return;
        };
        let initials: String = out
            .last()
            .map_or("", |c| c.span.slice(self.text))
            .split_whitespace()
            .filter(|w| starts_upper(w))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.eq_ignore_ascii_case(word) || word.len() >= 2 && initials.starts_with(word) {
            out.push(Candidate {
                span: acronym.span,
                known: None,
                kind: out.last().map_or(EntityKind::Organization, |c| c.kind),
                strength: strength::KEYWORD,
                acronym_of: Some(expansion),
                sentence: 0,
                described: None,
            });
        }
    }

    fn kind_of(
        &self,
        tokens: &[Token],
        start: usize,
        end: usize,
        titled: bool,
    ) -> (EntityKind, u8) {
        let words: Vec<&str> = (start..end)
            .filter_map(|i| tokens.get(i))
            .map(|t| t.span.slice(self.text))
            .collect();
        // "Chicago Fed", "Polish Navy": a name whose last word is a known
        // organisation's is one too.
        let known_organization = words.len() > 1
            && words.last().is_some_and(|w| {
                self.knowledge
                    .lookup(w)
                    .and_then(|known| self.knowledge.entry(known.known))
                    .is_some_and(|entry| entry.kind == EntityKind::Organization)
            });
        // A name the open gazetteers list as a whole ("Soviet Union",
        // "Democratic Party", "North Carolina"): no keyword outweighs it.
        if let Some(found) =
            Self::in_gazetteer(&words, false).filter(|&(_, strength)| strength == strength::KEYWORD)
        {
            return found;
        }
        // A name's last word is its head: "Rayburn House Office Building"
        // is a building, "Singapore-Australia Free Trade Agreement" an
        // agreement, "Libyan National Army" an army.
        if let Some(head) = words.last().filter(|_| words.len() > 1) {
            if self.knowledge.is_event_word(head) {
                return (EntityKind::Other, strength::KEYWORD);
            }
            if self.knowledge.is_place_word(head) {
                return (EntityKind::Place, strength::KEYWORD);
            }
        }
        if known_organization || words.iter().any(|w| self.knowledge.is_organization_word(w)) {
            return (EntityKind::Organization, strength::KEYWORD);
        }
        if words.len() > 1 && words.iter().any(|w| self.knowledge.is_place_word(w)) {
            return (EntityKind::Place, strength::KEYWORD);
        }
        if words.len() > 1
            && words
                .last()
                .is_some_and(|w| self.knowledge.is_event_word(w))
        {
            return (EntityKind::Other, strength::KEYWORD);
        }
        if titled {
            return (EntityKind::Person, strength::TITLED);
        }
        if let Some((kind, _)) = self.described(tokens, start, end) {
            return (kind, strength::KEYWORD);
        }
        if let Some(found) = Self::in_gazetteer(&words, self.spoken_of_as_person(tokens, end)) {
            return found;
        }
        if words.len() == 1 && self.in_place_context(tokens, start, end) {
            return (EntityKind::Place, strength::PLACE_CONTEXT);
        }
        // "the Sejm", "the Marisol Star": a person's name takes no article.
        let article = start
            .checked_sub(1)
            .is_some_and(|i| self.word(tokens.get(i)).eq_ignore_ascii_case("the"));
        // The name is the head of its phrase unless a noun follows ("the
        // Biden administration"): next comes punctuation, a capital, or a
        // verb or function word.
        // "the Lavrov or Shoigu lines": after a conjunction, who knows.
        let head = tokens.get(end).is_none_or(|t| {
            let next = self.word(Some(t));
            !next.chars().next().is_some_and(char::is_lowercase)
                || self
                    .vocabulary
                    .lookup(next)
                    .is_some_and(|info| !info.is(class::COORDINATOR | class::TITLE))
        });
        // "the FEMA administrator", "the Labour leader": a name before a
        // title is whom the title serves.
        let before_title = tokens.get(end).is_some_and(|t| {
            let next = self.word(Some(t));
            next.chars().next().is_some_and(char::is_lowercase) && self.is_title(next)
        });
        if article && before_title {
            return (EntityKind::Organization, strength::ARTICLE);
        }
        // "Estlink 2", "Nord Stream 2", "Falcon 9": a name with a number
        // after it designates a thing, not a person.
        if tokens.get(end).is_some_and(|t| t.kind == TokenKind::Number) {
            return (EntityKind::Other, strength::KEYWORD);
        }
        // "the Skellefteå plant", "Gdynia port": a name before a place noun
        // is the place the thing is in.
        let before_place_noun = tokens.get(end).is_some_and(|t| {
            let next = self.word(Some(t));
            next.chars().next().is_some_and(char::is_lowercase)
                && self.knowledge.is_place_word(next)
        });
        if words.len() == 1 && before_place_noun {
            return (EntityKind::Place, strength::PLACE_CONTEXT);
        }
        // “A Primate’s Memoir”, *This New World*: a name in quotation marks
        // or emphasis is the title of a work.
        let quoted = matches!(
            (
                self.word(start.checked_sub(1).and_then(|i| tokens.get(i))),
                self.word(tokens.get(end))
            ),
            ("“", "”") | ("\"", "\"") | ("*", "*") | ("_", "_")
        );
        if quoted && words.len() > 1 {
            return (EntityKind::Other, strength::KEYWORD);
        }
        // "the Nord Stream pipeline", "the Apollo program": a name before a
        // noun for a thing names that thing ("the Biden administration" is
        // no organisation's name: only nouns of things count).
        let before_thing_noun = tokens.get(end).is_some_and(|t| {
            let next = self.word(Some(t));
            next.chars().next().is_some_and(char::is_lowercase)
                && self.knowledge.description(next) == Some(EntityKind::Other)
        });
        if before_thing_noun {
            return (EntityKind::Other, strength::KEYWORD);
        }
        // "The Grid", "The Hague Group": a name that takes "the" as part
        // of it is no person's.
        let own_article =
            words.len() > 1 && words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if article && head || own_article {
            return (EntityKind::Other, strength::ARTICLE);
        }
        if words.len() == 1 && words.first().is_some_and(|w| is_capitals(w)) {
            return (EntityKind::Organization, strength::DEFAULT);
        }
        if (2..=4).contains(&words.len()) && words.iter().all(|w| starts_upper(w)) {
            // "Angela Merkel": a given name first makes the shape evidence.
            let given = words
                .first()
                .is_some_and(|w| Gazetteer::get().is_given_name(w));
            let strength = if given {
                strength::GIVEN_NAME
            } else {
                strength::FULL_NAME
            };
            return (EntityKind::Person, strength);
        }
        if words.len() == 1 {
            (EntityKind::Person, strength::DEFAULT)
        } else {
            (EntityKind::Other, strength::DEFAULT)
        }
    }
}

impl Scanner<'_> {
    /// "Jackson testified", "Jackson's wife": what follows the name speaks
    /// of a person.
    fn spoken_of_as_person(&self, tokens: &[Token], end: usize) -> bool {
        let next = self.word(tokens.get(end));
        let testifies = matches!(next, "testified" | "argued" | "wrote" | "recalled");
        let family = matches!(next, "'s" | "’s")
            && matches!(
                self.word(tokens.get(end + 1)),
                "wife"
                    | "husband"
                    | "son"
                    | "daughter"
                    | "father"
                    | "mother"
                    | "brother"
                    | "sister"
            );
        testifies || family
    }

    /// The kind the open gazetteers give the name: an organisation they
    /// list (not a lone given name: "Dana" is a company and a woman); a
    /// country, region, continent, state, city or planet (alone, a city,
    /// state or region only when it is no given name and the text does not
    /// speak of it as a person: "Victoria", "Ewa" may be women; a lone city
    /// weakly, as it may be a surname); a state or region with a direction
    /// before it ("Southern California").
    fn in_gazetteer(words: &[&str], person_context: bool) -> Option<(EntityKind, u8)> {
        let gazetteer = Gazetteer::get();
        let name = words.join(" ");
        let single = words.len() == 1;
        let given = words.first().is_some_and(|w| gazetteer.is_given_name(w));
        if gazetteer.is_organization(&name) && !(single && given) {
            return Some((EntityKind::Organization, strength::KEYWORD));
        }
        let place = gazetteer.place(&name).or_else(|| {
            let (first, rest) = words.split_first()?;
            let direction = matches!(
                first.to_lowercase().as_str(),
                "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "central"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
                    | "upper"
                    | "lower"
                    | "greater"
            );
            (direction && !rest.is_empty())
                .then(|| gazetteer.place(&rest.join(" ")))
                .flatten()
                .filter(|&class| class != PlaceClass::City)
                .map(|class| {
                    if class.is_country() {
                        PlaceClass::Region
                    } else {
                        class
                    }
                })
        });
        match place {
            Some(class) if class.is_country() => Some((EntityKind::Country, strength::KEYWORD)),
            Some(PlaceClass::City | PlaceClass::Admin1 | PlaceClass::Region)
                if single && (given || person_context) =>
            {
                None
            }
            // A lone city name may be a surname ("Jackson", "Obama"):
            // weaker than any sign of a person.
            Some(PlaceClass::City) if single => Some((EntityKind::Place, strength::PLACE_CONTEXT)),
            Some(_) => Some((EntityKind::Place, strength::KEYWORD)),
            None => None,
        }
    }

    /// The common noun beside the name, and the kind it gives the name:
    /// right before it ("the opposition MP Tomasz Wrona", "the state grid
    /// company Baltijos Tinklas") or in apposition after a comma
    /// ("Nordkabel, the Swedish manufacturer", "Amber Link, a subsea
    /// cable"). The nouns and their kinds are the `[description]` entries of
    /// `entity_words.txt`. Before a name only nouns for people,
    /// organisations and places count: "the deal Putin signed" is a
    /// relative clause, not a name for a deal.
    fn described(&self, tokens: &[Token], start: usize, end: usize) -> Option<(EntityKind, Span)> {
        let kind = |index: usize| {
            let token = tokens.get(index)?;
            let word = self.word(Some(token));
            let lower = word.chars().next().is_some_and(char::is_lowercase)
                || is_capitals(word) && word.chars().count() <= 3;
            if !lower {
                return None;
            }
            self.knowledge
                .description(word)
                .map(|kind| (kind, token.span))
        };
        if let Some(before) = start
            .checked_sub(1)
            .and_then(kind)
            .filter(|(kind, _)| *kind != EntityKind::Other)
        {
            return Some(before);
        }
        if self.word(tokens.get(end)) != "," {
            return None;
        }
        let mut index = end + 1;
        if !matches!(
            self.word(tokens.get(index)).to_lowercase().as_str(),
            "the" | "a" | "an"
        ) {
            return None;
        }
        // The noun within a few words: "the Polish-Lithuanian joint
        // venture", "a 330-kilometre subsea cable".
        for _ in 0..5 {
            index += 1;
            let token = tokens.get(index)?;
            if token.kind == TokenKind::Punct {
                return None;
            }
            if let Some(found) = kind(index) {
                return Some(found);
            }
        }
        None
    }

    /// True when the name at `start..end` stands where a place does: after a
    /// locative preposition ("in Leipzig"), coordinated with a name after
    /// one ("in Drammen and Moss"), after "the state of", "the city of"
    /// (a place or country noun and "of"), or before a comma and a known
    /// country or region ("Leipzig, Germany").
    fn in_place_context(&self, tokens: &[Token], start: usize, end: usize) -> bool {
        let lower = |index: usize| self.word(tokens.get(index)).to_lowercase();
        let is_locative = |index: usize| LOCATIVES.contains(&lower(index).as_str());
        let Some(mut index) = start.checked_sub(1) else {
            return false;
        };
        // "in Minsk", "in the Baltic".
        let after_article = lower(index) == "the" && index.checked_sub(1).is_some_and(is_locative);
        if is_locative(index) || after_article {
            return true;
        }
        // "escorted to Gdynia", "bound from Ust-Luga to Alexandria", "laid
        // from Ustka": a route after a verb of motion.
        if matches!(lower(index).as_str(), "to" | "from") {
            let mut back = index;
            for _ in 0..6 {
                let Some(previous) = back.checked_sub(1) else {
                    break;
                };
                back = previous;
                let word = lower(back);
                if self.knowledge.is_motion_word(&word) {
                    return true;
                }
                // Back over "from Ust-Luga" to the verb before it.
                let in_route = matches!(
                    word.as_str(),
                    "from" | "to" | "in" | "had" | "been" | "was" | "were"
                ) || tokens.get(back).is_some_and(|t| self.is_name_word(t));
                if !in_route {
                    break;
                }
            }
        }
        // "the city of X", "the people of X".
        let place_noun = index.checked_sub(1).is_some_and(|noun| {
            matches!(
                self.knowledge.description(&lower(noun)),
                Some(EntityKind::Place | EntityKind::Country)
            ) || self.knowledge.is_resident_word(&lower(noun))
        });
        if lower(index) == "of" && place_noun {
            return true;
        }
        // Back over "A, B and" to the locative before the list, a few
        // tokens at most.
        if matches!(lower(index).as_str(), "and" | "or" | ",") {
            for _ in 0..8 {
                let Some(previous) = index.checked_sub(1) else {
                    break;
                };
                index = previous;
                let word = self.word(tokens.get(index));
                if is_locative(index) {
                    return true;
                }
                let in_list = matches!(word, "," | "and" | "or")
                    || tokens.get(index).is_some_and(|t| self.is_name_word(t));
                if !in_list {
                    break;
                }
            }
        }
        // "Leipzig, Germany".
        self.word(tokens.get(end)) == ","
            && [1, 2].iter().any(|&length| {
                let (Some(first), Some(last)) = (tokens.get(end + 1), tokens.get(end + length))
                else {
                    return false;
                };
                let words = self.text.get(first.span.start..last.span.end).unwrap_or("");
                self.knowledge.lookup(words).is_some_and(|known| {
                    known.naming == Naming::Name
                        && self.knowledge.entry(known.known).is_some_and(|e| {
                            e.kind == EntityKind::Country
                                || e.kind == EntityKind::Place && e.country.is_none()
                        })
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let doc = Document::parse(text).unwrap();
        candidates(&doc, Knowledge::get(), &SentenceTokens::new(&doc))
            .iter()
            .map(|c| c.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn names_titles_and_connectors() {
        let got = names(
            "Then Foreign Minister Sergei Lavrov met the Bank of England staff and Mr. Price in Minsk.",
        );
        assert_eq!(got, ["Sergei Lavrov", "Bank of England", "Price", "Minsk"]);
    }

    #[test]
    fn sentence_initial_words_need_other_evidence() {
        let got = names("Revenue rose in Minsk. Putin agreed. We met Putin there.");
        assert_eq!(got, ["Minsk", "Putin", "Putin"]);
    }

    #[test]
    fn common_words_are_no_names_in_headings_or_after_asides() {
        let got = names(
            "The Road to the Final\n\nQ: Why?\n\nA: Calm. (laughs) Ask me again. Tariffs hurt. We cut tariffs. Listeners agreed. Putin agreed.",
        );
        assert_eq!(got, ["Putin"]);
    }

    #[test]
    fn stage_directions_and_common_acronyms_are_no_names() {
        let got = names(
            "Q: Right? (Laughter.) [CROSSTALK]\n\nA: The AI market grew at 11:42 A.M. EDT in Minsk.",
        );
        assert_eq!(got, ["Minsk"]);
    }

    #[test]
    fn demonyms_qualify_organisations() {
        let got = names("They signed a protocol with the Belarusian Ministry of Defense.");
        assert_eq!(got, ["Belarusian", "Ministry of Defense"]);
    }

    #[test]
    fn headlines_in_title_case_only_give_known_names() {
        let got = names(
            "Senators Press Official on Safety of Drug Zelvora in Russia\n\nWhy?\n\nThe drug works.",
        );
        assert_eq!(got, ["Russia"]);
    }

    #[test]
    fn months_numbers_and_single_letters_are_no_names() {
        let got = names("In March we met in 2026 at 1.5 °C with Plan B. We saw Smith.");
        assert_eq!(got, ["Smith"]);
    }

    #[test]
    fn acronyms_after_their_expansion() {
        let got = names("We joined the Collective Security Treaty Organization (CSTO) in 1992.");
        assert_eq!(got, ["Collective Security Treaty Organization", "CSTO"]);
    }
}
