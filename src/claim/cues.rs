//! The cue lexicon, compiled: which words and phrases of a sentence mark
//! negation, hedging, evidence, reports, inference and time.
//!
//! Phrases are indexed by their first word, so finding every cue of a
//! sentence is one hash look-up per word whatever the size of the lexicon.
//! Verb cues (report, cognition and evidence verbs) are listed as lemmas
//! and match every form of the verb through the vocabulary.

use crate::hash::FastMap as HashMap;

use once_cell::sync::Lazy;

use super::sentence::Sentence;
use crate::error::Error;
use crate::lexicon::{self, CUES, QUANTITIES};
use crate::segment::words::{TokenKind, tokenize};
use crate::span::Span;

/// A family of cues: one section of `cues.txt` (times relative to now come
/// from the `[relative_time]` section of `quantities.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CueFamily {
    /// Negates its clause ("not", "never", "none").
    Negation,
    /// Looks negative but is not ("not only", "no doubt").
    NotNegation,
    /// Makes the proposition possible ("perhaps", "may").
    Possible,
    /// Makes it probable ("probably", "I think").
    Probable,
    /// A hedge that also negates ("unlikely", "I don't see").
    NegativeStance,
    /// Leaves it unknown ("unclear", "it depends").
    Unknown,
    /// Stresses commitment ("certainly", "no doubt").
    Booster,
    /// A noun naming evidence ("evidence", "signs").
    EvidenceNoun,
    /// Before an evidence noun, evidence is absent ("no", "little").
    LackingQuantifier,
    /// Before an evidence noun, evidence is there ("a lot of", "clear").
    EvidencedQuantifier,
    /// A verb pointing to evidence ("show", "indicate").
    EvidenceVerb,
    /// A subject that makes an evidence verb a frame ("the data").
    EvidenceSource,
    /// A verb reporting a source's words ("say", "claim").
    ReportVerb,
    /// A report verb whose source asserts the opposite ("deny").
    DenialVerb,
    /// A noun reporting a source's words ("statement", "narratives").
    ReportNoun,
    /// A phrase introducing a source ("according to").
    ReportPhrase,
    /// After "according to", a norm followed rather than a source
    /// ("according to plan", "according to the rules").
    Norm,
    /// A verb of belief or expectation ("think", "expect").
    CognitionVerb,
    /// Inference from appearance ("looks like", "seems").
    Inference,
    /// A grammatical marker of the future ("will", "going to", "expect"):
    /// it makes a prediction whatever the verb's tense.
    Future,
    /// A time after now ("next year", "in the coming weeks"): it dates a
    /// claim whose verb is not past. Built in from the `[relative_time]`
    /// section of `quantities.txt`.
    LaterTime,
    /// A time before now ("ago", "last year", "in the past", from
    /// `quantities.txt` too) or a past marker ("used to").
    Past,
    /// An opener that manages the talk ("first of all", "look").
    Discourse,
    /// A sentence opener that makes it no claim ("thank you").
    Conversation,
    /// A verbless sentence opener that continues the previous claim.
    Continuation,
    /// In a question, puts the proposition after it up for discussion.
    QuestionFrame,
}

crate::label::labels! {
    CueFamily in "claim" {
        Negation => "negation",
        NotNegation => "not_negation",
        Possible => "possible",
        Probable => "probable",
        NegativeStance => "negative_stance",
        Unknown => "unknown",
        Booster => "booster",
        EvidenceNoun => "evidence_noun",
        LackingQuantifier => "lacking_quantifier",
        EvidencedQuantifier => "evidenced_quantifier",
        EvidenceVerb => "evidence_verb",
        EvidenceSource => "evidence_source",
        ReportVerb => "report_verb",
        DenialVerb => "denial_verb",
        ReportNoun => "report_noun",
        ReportPhrase => "report_phrase",
        Norm => "norm",
        CognitionVerb => "cognition_verb",
        Inference => "inference",
        Future => "future",
        LaterTime => "later_time",
        Past => "past",
        Discourse => "discourse",
        Conversation => "conversation",
        Continuation => "continuation",
        QuestionFrame => "question_frame",
    }
}

/// Families listed as verb lemmas: every form of the verb matches.
const VERB_FAMILIES: &[CueFamily] = &[
    CueFamily::EvidenceVerb,
    CueFamily::ReportVerb,
    CueFamily::DenialVerb,
    CueFamily::CognitionVerb,
];

impl CueFamily {
    /// True for the families that set certainty in an "It is ADJ that"
    /// or "Perhaps that" stance: hedges, boosters and negative hedges.
    pub(crate) fn is_stance(self) -> bool {
        matches!(
            self,
            CueFamily::Possible
                | CueFamily::Probable
                | CueFamily::Unknown
                | CueFamily::Booster
                | CueFamily::NegativeStance
        )
    }

    /// The family of a section name of `cues.txt`: the name
    /// [`CueFamily::as_str`] writes.
    ///
    /// ```
    /// use claimtrack::claim::CueFamily;
    ///
    /// assert_eq!(CueFamily::from_section("evidence_verb"), Some(CueFamily::EvidenceVerb));
    /// assert_eq!(CueFamily::from_section("Evidence verb"), None);
    /// ```
    pub fn from_section(section: &str) -> Option<CueFamily> {
        section.parse().ok()
    }
}

/// The cues (sorted by start, as [`Cues::find`] gives them) that start at
/// word `start`.
pub(crate) fn cues_at(cues: &[CueMatch], start: usize) -> &[CueMatch] {
    let lo = cues.partition_point(|m| m.start < start);
    let hi = cues.partition_point(|m| m.start <= start);
    cues.get(lo..hi).unwrap_or(&[])
}

/// One cue found in a sentence: words `start..end` (word indexes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) family: CueFamily,
}

#[derive(Clone, Debug)]
struct Phrase {
    words: Vec<Box<str>>,
    family: CueFamily,
}

/// The compiled cue lexicon.
#[derive(Clone, Debug)]
pub(crate) struct Cues {
    by_first_word: HashMap<Box<str>, Vec<Phrase>>,
    lemmas: HashMap<Box<str>, Vec<CueFamily>>,
}

#[allow(clippy::expect_used)] // built-in data, checked by unit tests: no input reaches it
static BUILTIN: Lazy<Cues> = Lazy::new(|| {
    // The built-in lexicon is checked by a unit test.
    Cues::new(&[]).expect("built-in cue lexicon is valid")
});

fn phrase_words(phrase: &str) -> Vec<Box<str>> {
    let phrase = phrase.replace('’', "'");
    // A clitic on its own ("'ll") is one token, as the tokenizer splits it
    // off the word before it.
    if phrase.starts_with('\'') && !phrase.contains(' ') {
        return vec![phrase.to_ascii_lowercase().into_boxed_str()];
    }
    let mut tokens = Vec::new();
    tokenize(&phrase, Span::new(0, phrase.len()), &mut tokens);
    tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct || t.span.slice(&phrase) == "&")
        .map(|t| t.span.slice(&phrase).to_ascii_lowercase().into_boxed_str())
        .collect()
}

impl Cues {
    pub(crate) fn builtin() -> &'static Cues {
        &BUILTIN
    }

    /// Compiles the built-in lexicon plus `extra` `(family, phrase)` pairs.
    pub(crate) fn new(extra: &[(CueFamily, String)]) -> Result<Cues, Error> {
        let sections: Vec<&str> = CueFamily::ALL
            .iter()
            .map(|family| family.as_str())
            .collect();
        let mut cues = Cues {
            by_first_word: HashMap::default(),
            lemmas: HashMap::default(),
        };
        for entry in CUES.checked_entries(&sections)? {
            if let Some(family) = CueFamily::from_section(entry.section) {
                cues.add(family, entry.text);
            }
        }
        // Times relative to now, with their direction ("last year | past").
        for entry in QUANTITIES.entries() {
            let mut fields = entry.text.split(" | ").map(str::trim);
            let (Some(phrase), Some(direction)) = (fields.next(), fields.next()) else {
                continue;
            };
            match (entry.section, direction) {
                ("relative_time", "past") => cues.add(CueFamily::Past, phrase),
                ("relative_time", "future") => cues.add(CueFamily::LaterTime, phrase),
                _ => {}
            }
        }
        for (family, phrase) in extra {
            lexicon::check_user_entry("cue", phrase)?;
            cues.add(*family, phrase);
        }
        Ok(cues)
    }

    fn add(&mut self, family: CueFamily, phrase: &str) {
        let words = phrase_words(phrase);
        if VERB_FAMILIES.contains(&family)
            && words.len() == 1
            && let Some(lemma) = words.first()
        {
            self.lemmas.entry(lemma.clone()).or_default().push(family);
            return;
        }
        if let Some(first) = words.first().cloned() {
            self.by_first_word
                .entry(first)
                .or_default()
                .push(Phrase { words, family });
        }
    }

    /// True when `lemma` is a report, evidence or cognition verb, one that
    /// takes a clause after it ("say", "show", "think").
    pub(crate) fn takes_clause(&self, lemma: &str) -> bool {
        self.lemmas.get(lemma).is_some_and(|families| {
            families.iter().any(|f| {
                matches!(
                    f,
                    CueFamily::ReportVerb | CueFamily::EvidenceVerb | CueFamily::CognitionVerb
                )
            })
        })
    }

    /// Every cue in the sentence, longest phrase first at each word.
    pub(crate) fn find(&self, sentence: &Sentence<'_>) -> Vec<CueMatch> {
        let mut out = Vec::new();
        for start in 0..sentence.len() {
            if let Some(phrases) = self.by_first_word.get(sentence.lower(start)) {
                for phrase in phrases {
                    let matches = phrase
                        .words
                        .iter()
                        .enumerate()
                        .all(|(offset, word)| sentence.lower(start + offset) == &**word);
                    if matches {
                        out.push(CueMatch {
                            start,
                            end: start + phrase.words.len(),
                            family: phrase.family,
                        });
                    }
                }
            }
            if let Some(families) = sentence
                .info(start)
                .filter(|info| info.forms != 0)
                .and_then(|info| self.lemmas.get(&*info.lemma))
            {
                for family in families {
                    out.push(CueMatch {
                        start,
                        end: start + 1,
                        family: *family,
                    });
                }
            }
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_compiles_with_every_family() {
        let cues = Cues::new(&[]).unwrap();
        for family in CueFamily::ALL {
            let listed = cues
                .by_first_word
                .values()
                .flatten()
                .any(|p| p.family == *family)
                || cues.lemmas.values().flatten().any(|f| f == family);
            assert!(listed, "{family:?} has no entries");
        }
    }

    #[test]
    fn user_cues_are_checked() {
        assert!(Cues::new(&[(CueFamily::Probable, "in my humble view".into())]).is_ok());
        assert!(Cues::new(&[(CueFamily::Probable, " ".into())]).is_err());
    }
}
