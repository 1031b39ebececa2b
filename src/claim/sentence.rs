//! One sentence as words: original spans, lower-case forms and what each
//! word can be, computed once and shared by every rule of the claim stage.

use std::cell::RefCell;
use std::ops::Range;

use super::cues::Cues;
use crate::entity::knowledge::{Knowledge, Naming};
use crate::segment::words::{Token, TokenKind, Vocabulary, WordInfo, class, form, tokenize};
use crate::span::Span;

/// A tokenised sentence.
#[derive(Clone, Debug)]
pub(crate) struct Sentence<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    lower: String,
    lower_ranges: Vec<Range<usize>>,
    infos: Vec<Option<&'static WordInfo>>,
    demonyms: Vec<bool>,
    /// Most longer words are capitalised: a headline in title case, where
    /// a capital says nothing about a name.
    title_case: bool,
    /// The cue lexicon the sentence is read with.
    cues: &'t Cues,
    /// The main verb of each word range asked so far (many rules ask about
    /// the same clause): `(start, end, verb)`.
    main_verbs: RefCell<Vec<(usize, usize, Option<usize>)>>,
}

impl<'t> Sentence<'t> {
    pub(crate) fn new(text: &'t str, span: Span, cues: &'t Cues) -> Sentence<'t> {
        let mut tokens = Vec::new();
        tokenize(text, span, &mut tokens);
        let vocabulary = Vocabulary::get();
        let mut lower = String::with_capacity(span.len());
        let mut lower_ranges = Vec::with_capacity(tokens.len());
        let mut infos = Vec::with_capacity(tokens.len());
        let mut demonyms = Vec::with_capacity(tokens.len());
        let knowledge = Knowledge::get();
        let (mut long_words, mut long_capitalized) = (0usize, 0usize);
        for token in &tokens {
            let word = token.span.slice(text);
            let start = lower.len();
            if word.is_ascii() {
                lower.push_str(word);
                if let Some(added) = lower.get_mut(start..) {
                    added.make_ascii_lowercase();
                }
            } else {
                for c in word.chars() {
                    match c {
                        '’' | '‘' => lower.push('\''),
                        c => lower.extend(c.to_lowercase()),
                    }
                }
            }
            lower_ranges.push(start..lower.len());
            infos.push(match token.kind {
                TokenKind::Word => vocabulary.lookup(word),
                _ => None,
            });
            let capitalized = word.chars().next().is_some_and(char::is_uppercase);
            if token.kind == TokenKind::Word && word.len() > 3 {
                long_words += 1;
                long_capitalized += usize::from(capitalized);
            }
            demonyms.push(
                capitalized
                    && knowledge
                        .lookup(word)
                        .is_some_and(|known| known.naming == Naming::Demonym),
            );
        }
        Sentence {
            text,
            tokens,
            lower,
            lower_ranges,
            infos,
            demonyms,
            title_case: long_words >= 3 && long_capitalized * 4 >= long_words * 3,
            cues,
            main_verbs: RefCell::new(Vec::new()),
        }
    }

    /// The main verb of `range`, computed by `find` the first time a range
    /// is asked about and remembered after.
    pub(crate) fn main_verb_of(
        &self,
        range: Range<usize>,
        find: impl FnOnce() -> Option<usize>,
    ) -> Option<usize> {
        let known = self.main_verbs.try_borrow().ok().and_then(|known| {
            known
                .iter()
                .find(|&&(start, end, _)| start == range.start && end == range.end)
                .map(|&(_, _, verb)| verb)
        });
        if let Some(verb) = known {
            return verb;
        }
        let verb = find();
        if let Ok(mut known) = self.main_verbs.try_borrow_mut() {
            known.push((range.start, range.end, verb));
        }
        verb
    }

    /// True for a headline in title case ("Senators Press FDA Official on
    /// Safety"): a capital inside it does not make a word a name.
    pub(crate) fn title_case(&self) -> bool {
        self.title_case
    }

    /// True when word `index` is a form of a verb that takes a clause: a
    /// report, evidence or cognition verb of the cue lexicon ("say",
    /// "show", "think").
    pub(crate) fn takes_clause(&self, index: usize) -> bool {
        self.info(index)
            .is_some_and(|info| self.cues.takes_clause(&info.lemma))
    }

    /// A demonym used as an adjective ("Belarusian", "Russian").
    pub(crate) fn is_demonym(&self, index: usize) -> bool {
        self.demonyms.get(index).copied().unwrap_or(false)
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The word as written.
    pub(crate) fn word(&self, index: usize) -> &'t str {
        self.tokens
            .get(index)
            .map_or("", |t| t.span.slice(self.text))
    }

    /// The word in lower case with straight apostrophes.
    pub(crate) fn lower(&self, index: usize) -> &str {
        self.lower_ranges
            .get(index)
            .and_then(|range| self.lower.get(range.clone()))
            .unwrap_or("")
    }

    pub(crate) fn info(&self, index: usize) -> Option<&'static WordInfo> {
        self.infos.get(index).copied().flatten()
    }

    pub(crate) fn kind(&self, index: usize) -> Option<TokenKind> {
        self.tokens.get(index).map(|t| t.kind)
    }

    pub(crate) fn span_of(&self, index: usize) -> Option<Span> {
        self.tokens.get(index).map(|t| t.span)
    }

    /// The span from the start of word `start` to the end of word `end - 1`.
    pub(crate) fn range_span(&self, range: Range<usize>) -> Option<Span> {
        if range.is_empty() {
            return None;
        }
        let first = self.tokens.get(range.start)?;
        let last = self.tokens.get(range.end.checked_sub(1)?)?;
        Some(Span::new(first.span.start, last.span.end))
    }

    /// True when word `index` belongs to one of `classes`.
    pub(crate) fn is(&self, index: usize, classes: u32) -> bool {
        self.info(index).is_some_and(|info| info.is(classes))
    }

    /// True when word `index` can be one of the verb `forms`.
    pub(crate) fn can_be(&self, index: usize, forms: u8) -> bool {
        self.info(index).is_some_and(|info| info.can_be(forms))
    }

    pub(crate) fn is_punct(&self, index: usize, punct: &str) -> bool {
        self.kind(index) == Some(TokenKind::Punct) && self.word(index) == punct
    }

    pub(crate) fn is_word(&self, index: usize) -> bool {
        matches!(self.kind(index), Some(TokenKind::Word | TokenKind::Number))
    }

    pub(crate) fn capitalized(&self, index: usize) -> bool {
        self.kind(index) == Some(TokenKind::Word)
            && self
                .word(index)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// A dash standing between words: "–", "—", or a spaced "-".
    pub(crate) fn is_dash(&self, index: usize) -> bool {
        self.kind(index) == Some(TokenKind::Punct)
            && matches!(self.word(index), "–" | "—" | "-" | "--")
    }

    /// "'s" at `index` is the verb "is" or "has" ("he's", "there's",
    /// "that's"), not a possessive ("Putin's").
    pub(crate) fn is_verb_clitic(&self, index: usize) -> bool {
        self.lower(index) == "'s"
            && index.checked_sub(1).is_some_and(|owner| {
                self.is(
                    owner,
                    class::SUBJECT_PRONOUN | class::DEMONSTRATIVE | class::WH,
                ) || matches!(self.lower(owner), "there" | "here")
            })
    }

    /// A word that hedges or negates a verbless afterthought: "but not
    /// with the intensity", "Perhaps not in the first quarter".
    pub(crate) fn is_hedge_or_negation(&self, index: usize) -> bool {
        matches!(
            self.lower(index),
            "not" | "never" | "perhaps" | "maybe" | "probably" | "possibly" | "certainly"
        )
    }

    /// An adverb that may stand between a subject and its verb: a listed
    /// adverb, an unlisted "-ly" word that is no verb form, or "not",
    /// "never", "so", "i.e.", "e.g.".
    pub(crate) fn is_adverb(&self, index: usize) -> bool {
        let word = self.lower(index);
        self.is(index, class::ADVERB)
            || word.ends_with("ly")
                && word.len() > 4
                && self.info(index).is_none_or(|i| i.forms == 0)
            || matches!(word, "not" | "n't" | "never" | "so" | "i.e" | "e.g")
    }

    /// The verb forms of word `index` when it is a verb form at all.
    pub(crate) fn forms(&self, index: usize) -> u8 {
        self.info(index).map_or(0, |info| info.forms)
    }

    /// A word that may end a noun phrase ("countries", "Putin", "it").
    pub(crate) fn nominal(&self, index: usize) -> bool {
        if !self.is_word(index) {
            return false;
        }
        if self.is(
            index,
            class::SUBJECT_PRONOUN | class::OBJECT_PRONOUN | class::INDEFINITE_PRONOUN,
        ) {
            return true;
        }
        let closed = class::DETERMINER
            | class::POSSESSIVE
            | class::PREPOSITION
            | class::COORDINATOR
            | class::SUBORDINATOR
            | class::AUXILIARY
            | class::NEGATOR
            | class::WH;
        // "the Fed", "Mr. Said": inside a sentence a capitalised verb form
        // is a name.
        let name =
            index > 0 && self.capitalized(index) && self.is_word(index - 1) && !self.title_case;
        !self.is(index, closed)
            && !self.is_adverb(index)
            && !self.is_demonym(index)
            && (self.forms(index) & (form::GERUND | form::PAST | form::PARTICIPLE) == 0
                || name
                || self.gerund_noun(index))
    }

    /// "Our modelling", "the spending": a gerund after a determiner or a
    /// possessive is a noun.
    fn gerund_noun(&self, index: usize) -> bool {
        self.forms(index) & form::GERUND != 0
            && index
                .checked_sub(1)
                .is_some_and(|p| self.is(p, class::DETERMINER | class::POSSESSIVE))
    }
}
