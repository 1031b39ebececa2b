//! Check-worthiness: how much a claim is worth a fact-checker's time, as a
//! score that names the features that set it.
//!
//! The features are read off the claim (its quantities, time, actor,
//! certainty, kind) and off its words (the sections of
//! `src/lexicon/worth.txt`). The score is a logistic model over them whose
//! weights were fitted offline on the CLEF `CheckThat!` 2019 training debates
//! (`tools/checkworthy/fit.py`) and live in `worth_weights.txt`: nothing is
//! learned at run time.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use super::{
    Certainty, Claim, ClaimKind, EntityRecord, Polarity, QuantityKind, Time, entity_by_id,
};
use crate::entity::EntityKind;
use crate::error::Error;
use crate::lexicon::{self, Lexicon};
use crate::span::Span;

/// How much a claim is worth checking.
///
/// ```
/// let extraction = claimtrack::extract(
///     "Q: What about trade?\n\nA: Our trade with Canada reached $31.4 billion last year. \
///      I think it's a wonderful evening.",
/// )?;
/// let trade = &extraction.claims[0].check_worthiness;
/// let evening = &extraction.claims[1].check_worthiness;
/// assert!(trade.score > evening.score);
/// assert!(trade.features.iter().any(|f| f.name == "quantity" && f.text.as_deref() == Some("$31.4 billion")));
/// assert!(evening.features.iter().any(|f| f.name == "opinion" && f.weight < 0.0));
/// # Ok::<(), claimtrack::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CheckWorthiness {
    /// From 0 (not worth checking) to 1.
    pub score: f64,
    /// The features the claim has, each with its weight in the score, in
    /// order of how much it moved the score.
    pub features: Vec<WorthFeature>,
}

/// One feature of a claim's check-worthiness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WorthFeature {
    /// Its name: one of [`FEATURES`].
    pub name: String,
    /// Its value: 1 for a feature the claim has, the scaled length for
    /// `length`.
    pub value: f64,
    /// What it added to the score's log-odds: positive for checking,
    /// negative against.
    pub weight: f64,
    /// The words that set it, when words did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Where those words are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Every feature, with what it means:
///
/// - `quantity`: a sum of money, a percentage, a count or a measure;
/// - `date`: a date or a duration;
/// - `comparison`: a comparison, superlative, record or change ("more
///   than", "highest", "doubled");
/// - `causal`: cause and effect ("because", "led to");
/// - `policy`: a law, budget, tax, jobs, trade, health or another topic of
///   public record;
/// - `named_actor`: the claim is about someone or something named;
/// - `past`: a past event;
/// - `negated`: the claim denies;
/// - `opinion`: first-person opinion or feeling ("I think", "I love");
/// - `hedged`: the speaker hedges (`possible` or `probable`);
/// - `first_person`: the speaker talks about themselves ("I", "we");
/// - `promise`: a first-person future with no figure in it;
/// - `floor`: procedure and floor management ("next question");
/// - `pleasantry`: greetings and thanks;
/// - `question`: a premise of a question, not a statement;
/// - `length`: how long the claim is (words / 20, at most 3).
pub const FEATURES: [&str; 16] = [
    "quantity",
    "date",
    "comparison",
    "causal",
    "policy",
    "named_actor",
    "past",
    "negated",
    "opinion",
    "hedged",
    "first_person",
    "promise",
    "floor",
    "pleasantry",
    "question",
    "length",
];

/// The sections of `worth.txt`, each a feature.
const WORD_FEATURES: [&str; 6] = [
    "comparison",
    "causal",
    "policy",
    "opinion",
    "floor",
    "pleasantry",
];

const WORTH: Lexicon = Lexicon {
    name: "worth.txt",
    text: include_str!("../lexicon/worth.txt"),
};

/// The fitted weights: the intercept and one weight per feature.
struct Weights {
    intercept: f64,
    features: [f64; FEATURES.len()],
}

static WEIGHTS: Lazy<Weights> = Lazy::new(|| parse_weights(include_str!("worth_weights.txt")));

/// Reads `name weight` lines; a name that is no feature, or a line that is
/// not a name and a number, is skipped (a unit test checks the file has
/// neither).
fn parse_weights(text: &str) -> Weights {
    let mut weights = Weights {
        intercept: 0.0,
        features: [0.0; FEATURES.len()],
    };
    for entry in lexicon::parse(text) {
        let mut fields = entry.text.split_whitespace();
        let (Some(name), Some(Ok(weight))) = (fields.next(), fields.next().map(str::parse::<f64>))
        else {
            continue;
        };
        if name == "intercept" {
            weights.intercept = weight;
        } else if let Some(slot) = FEATURES
            .iter()
            .position(|f| *f == name)
            .and_then(|at| weights.features.get_mut(at))
        {
            *slot = weight;
        }
    }
    weights
}

/// The phrases of the word features in one automaton, and each pattern's
/// feature: the built-in `worth.txt` and a user's additions.
#[derive(Clone, Debug)]
pub(crate) struct Phrases {
    automaton: Option<AhoCorasick>,
    features: Vec<&'static str>,
}

static PHRASES: Lazy<Phrases> = Lazy::new(|| Phrases::compile(builtin_phrases()));

/// The entries of `worth.txt`, each with its feature.
fn builtin_phrases() -> Vec<(&'static str, String)> {
    WORTH
        .entries()
        .filter_map(|entry| {
            let feature = WORD_FEATURES.iter().find(|f| **f == entry.section)?;
            Some((*feature, entry.text.to_string()))
        })
        .collect()
}

impl Phrases {
    /// The built-in phrases.
    pub(crate) fn builtin() -> &'static Phrases {
        &PHRASES
    }

    /// The built-in phrases and `extra`, each `(feature, phrase)`.
    ///
    /// # Errors
    ///
    /// [`Error::Lexicon`] for a feature that has no words (only
    /// comparison, causal, policy, opinion, floor and pleasantry do) or an
    /// unusable phrase.
    pub(crate) fn with(extra: &[(String, String)]) -> Result<Phrases, Error> {
        let mut phrases = builtin_phrases();
        for (feature, phrase) in extra {
            lexicon::check_user_entry("check-worthiness", phrase)?;
            let Some(known) = WORD_FEATURES.iter().find(|f| **f == feature.as_str()) else {
                return Err(Error::Lexicon {
                    lexicon: "check-worthiness".to_string(),
                    line: None,
                    message: format!(
                        "{feature:?} is no feature with words ({})",
                        WORD_FEATURES.join(", ")
                    ),
                });
            };
            phrases.push((*known, phrase.trim().to_string()));
        }
        Ok(Phrases::compile(phrases))
    }

    fn compile(phrases: Vec<(&'static str, String)>) -> Phrases {
        let mut patterns = Vec::new();
        let mut features = Vec::new();
        for (feature, phrase) in phrases {
            // Curly apostrophes as well as straight ones.
            if phrase.contains('\'') {
                patterns.push(phrase.replace('\'', "\u{2019}"));
                features.push(feature);
            }
            patterns.push(phrase);
            features.push(feature);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        Phrases {
            automaton,
            features,
        }
    }
}

/// A feature the claim has: its value and the words that set it.
struct Found {
    feature: &'static str,
    value: f64,
    span: Option<Span>,
}

/// The check-worthiness of `claim`, whose actors are among `entities`.
pub(crate) fn check_worthiness(
    claim: &Claim,
    text: &str,
    entities: &[EntityRecord],
    phrases: &Phrases,
) -> CheckWorthiness {
    let found = features(claim, entities, phrases);
    let weights = &*WEIGHTS;
    let mut logit = weights.intercept;
    let mut features: Vec<WorthFeature> = found
        .iter()
        .map(|found| {
            let weight = FEATURES
                .iter()
                .position(|f| *f == found.feature)
                .and_then(|at| weights.features.get(at))
                .copied()
                .unwrap_or(0.0)
                * found.value;
            logit += weight;
            WorthFeature {
                name: found.feature.to_string(),
                value: found.value,
                weight: (weight * 1000.0).round() / 1000.0,
                text: found.span.map(|span| span.slice(text).to_string()),
                span: found.span,
            }
        })
        .collect();
    features.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    let score = 1.0 / (1.0 + (-logit).exp());
    CheckWorthiness {
        score: (score * 1000.0).round() / 1000.0,
        features,
    }
}

/// The features `claim` has, with their values: 1 for a feature that is
/// there, the scaled length for `length`.
fn features(claim: &Claim, entities: &[EntityRecord], phrases: &Phrases) -> Vec<Found> {
    let mut found = Vec::new();
    let mut add = |feature, value, span| {
        found.push(Found {
            feature,
            value,
            span,
        });
    };
    let quantity = |kinds: &[QuantityKind]| {
        claim
            .quantities
            .iter()
            .find(|q| kinds.contains(&q.kind))
            .map(|q| q.span)
    };
    let amount = quantity(&[
        QuantityKind::Money,
        QuantityKind::Percent,
        QuantityKind::Count,
        QuantityKind::Measure,
    ]);
    if let Some(span) = amount {
        add("quantity", 1.0, Some(span));
    }
    if let Some(span) = quantity(&[QuantityKind::Date, QuantityKind::Duration]) {
        add("date", 1.0, Some(span));
    }
    // The word features: the first phrase of each section in the claim.
    let mut seen: Vec<&str> = Vec::new();
    if let Some(automaton) = &phrases.automaton {
        for hit in automaton.find_iter(&claim.text) {
            let Some(&feature) = phrases.features.get(hit.pattern().as_usize()) else {
                continue;
            };
            if lexicon::is_whole_word(&claim.text, hit.range()) && !seen.contains(&feature) {
                seen.push(feature);
                let start = claim.span.start + hit.start();
                add(
                    feature,
                    1.0,
                    Some(Span::new(start, claim.span.start + hit.end())),
                );
            }
        }
    }
    let actor = claim.actor.as_ref();
    let first_person = actor.is_some_and(|a| {
        ["i", "we", "me", "us", "my", "our"]
            .iter()
            .any(|word| a.text.eq_ignore_ascii_case(word))
    });
    let named = actor.is_some_and(|a| {
        !first_person
            && a.text.chars().next().is_some_and(char::is_uppercase)
            && a.entity
                .as_ref()
                .and_then(|id| entity_by_id(entities, id))
                .is_some_and(|e| {
                    matches!(
                        e.kind,
                        EntityKind::Person
                            | EntityKind::Organization
                            | EntityKind::Country
                            | EntityKind::Place
                            | EntityKind::Group
                    )
                })
    });
    if named {
        add("named_actor", 1.0, actor.map(|a| a.span));
    }
    if claim.time == Time::Past {
        add("past", 1.0, None);
    }
    if claim.polarity == Polarity::Negative {
        add("negated", 1.0, None);
    }
    if matches!(claim.certainty, Certainty::Possible | Certainty::Probable) {
        add("hedged", 1.0, None);
    }
    if first_person {
        add("first_person", 1.0, actor.map(|a| a.span));
        if claim.time == Time::Future && amount.is_none() {
            add("promise", 1.0, None);
        }
    }
    if claim.kind == ClaimKind::Premise {
        add("question", 1.0, None);
    }
    let words = claim.text.split_whitespace().count();
    #[allow(clippy::cast_precision_loss)] // a claim has far fewer than 2^52 words
    let length = (words as f64 / 20.0).min(3.0);
    add("length", length, None);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_file_names_every_feature_and_only_features() {
        let text = include_str!("worth_weights.txt");
        let names: Vec<&str> = lexicon::parse(text)
            .map(|entry| entry.text.split_whitespace().next().unwrap_or(""))
            .collect();
        for feature in FEATURES {
            assert!(names.contains(&feature), "no weight for {feature}");
        }
        for name in &names {
            assert!(
                *name == "intercept" || FEATURES.contains(name),
                "{name} is no feature"
            );
        }
        for entry in lexicon::parse(text) {
            let weight = entry.text.split_whitespace().nth(1).unwrap_or("");
            assert!(
                weight.parse::<f64>().is_ok(),
                "line {}: {weight}",
                entry.line
            );
        }
    }

    #[test]
    fn every_section_of_the_word_list_is_a_feature() {
        for entry in WORTH.entries() {
            assert!(WORD_FEATURES.contains(&entry.section), "{}", entry.section);
        }
        assert!(PHRASES.automaton.is_some());
    }
}
