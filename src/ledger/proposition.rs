//! Propositions: what two claims must share to be about the same thing.
//!
//! A claim's proposition is its actor (a ledger-wide entity) and the
//! content words of its assertion, reduced to stems:
//!
//! - The assertion is already free of the actor and of frame words ("There
//!   is no evidence that", "I think", "X said that").
//! - Function words (articles, pronouns, auxiliaries, modals, prepositions,
//!   negators), hedging and degree adverbs ("probably", "already"), numbers
//!   and words of amounts ("million", "euros", "percent") are dropped:
//!   negation and certainty are fields of the claim, and amounts are what a
//!   refinement adds.
//! - A verb form becomes its base form ("received", "receives" →
//!   "receive"); other words lose plural and comparison endings.
//!
//! Two claims state the same proposition when their actors are the same
//! entity and their stems are equal, or they share [`ENOUGH_SHARED`]
//! stems, or they share at least [`MIN_SHARED`] and the shared stems make
//! up at least [`MIN_OVERLAP`] of the smaller set (the overlap
//! coefficient). "Has never received a cent of state aid" and "received 41
//! million euros of state aid from the Polish treasury in 2024" share
//! "receive", "state" and "aid"; "was acting on anyone's orders" and "was
//! acting on orders from the Kremlin" share "act" and "order", all of the
//! smaller set.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use crate::lexicon::QUANTITIES;
use crate::segment::words::{Token, TokenKind, Vocabulary, class, tokenize};
use crate::span::Span;

/// Fewest stems two claims must share to be the same proposition.
pub const MIN_SHARED: usize = 2;
/// Stems that, shared, make two claims one proposition whatever else each
/// says.
pub const ENOUGH_SHARED: usize = 3;
/// Smallest overlap coefficient (shared stems over the smaller set) of two
/// claims of the same proposition.
pub const MIN_OVERLAP: f64 = 0.6;

/// Words that carry no proposition of their own beyond what the claim's
/// fields record: degree and hedge adverbs, modality adjectives, and
/// placeholders.
const EMPTY_WORDS: &[&str] = &[
    "able",
    "already",
    "also",
    "anyone",
    "anything",
    "anyway",
    "certainly",
    "clearly",
    "definitely",
    "even",
    "ever",
    "just",
    "likely",
    "maybe",
    "never",
    "now",
    "only",
    "perhaps",
    "possibly",
    "probably",
    "really",
    "simply",
    "still",
    "surely",
    "then",
    "there",
    "too",
    "unlikely",
    "very",
    "yet",
    "any",
    "some",
    "much",
    "more",
    "most",
    "less",
    "least",
    "again",
    "always",
    "so",
    "such",
    "quite",
    "rather",
    "almost",
    "nearly",
    "roughly",
    "around",
    "about",
];

/// Words of amounts: number words, magnitudes, units, currencies, time
/// units ("million", "euros", "percent", "weeks"). A claim's quantities are
/// what a refinement adds, not its proposition.
static AMOUNT_WORDS: Lazy<HashSet<String>> = Lazy::new(|| {
    QUANTITIES
        .entries()
        .filter(|entry| {
            matches!(
                entry.section,
                "number_word"
                    | "magnitude"
                    | "unit"
                    | "currency_name"
                    | "currency_code"
                    | "time_unit"
            )
        })
        .map(|entry| entry.text.to_lowercase())
        .collect()
});

/// The stems of the content words in `region` of `text`, sorted and
/// without repeats; words inside `skip` (the actor's own name) are left
/// out.
pub(crate) fn stems(text: &str, region: Span, skip: Option<Span>) -> Vec<String> {
    let vocabulary = Vocabulary::get();
    let mut tokens: Vec<Token> = Vec::new();
    tokenize(text, region, &mut tokens);
    let mut out: Vec<String> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .filter(|t| skip.is_none_or(|s| t.span.end <= s.start || t.span.start >= s.end))
        .filter_map(|t| stem(t.span.slice(text), vocabulary))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The stem of one word, or `None` for a word that carries no content.
fn stem(word: &str, vocabulary: &Vocabulary) -> Option<String> {
    let lower = crate::entity::strip_possessive(word).to_lowercase();
    if lower.chars().count() < 2
        || EMPTY_WORDS.contains(&lower.as_str())
        || AMOUNT_WORDS.contains(&lower)
    {
        return None;
    }
    if let Some(info) = vocabulary.lookup(&lower) {
        if info.classes != 0 && !info.is(class::PLURAL) {
            return None;
        }
        if info.forms != 0 && !info.lemma.is_empty() {
            return Some(info.lemma.to_string());
        }
    }
    Some(strip_ending(&lower))
}

/// "orders" → "order", "companies" → "company", "biggest" → "big".
fn strip_ending(word: &str) -> String {
    let count = word.chars().count();
    if let Some(stem) = word.strip_suffix("ies").filter(|_| count > 4) {
        return format!("{stem}y");
    }
    for ending in ["sses", "ss"] {
        if word.ends_with(ending) {
            return word.to_string();
        }
    }
    if let Some(stem) = word.strip_suffix('s').filter(|_| count > 3) {
        return stem.to_string();
    }
    word.to_string()
}

/// True when two stem sets make one proposition (see the module docs).
pub(crate) fn same(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let shared = shared(a, b);
    let smaller = a.len().min(b.len());
    // Word counts of one claim are far below 2^52: exact as f64.
    #[allow(clippy::cast_precision_loss)]
    let overlaps = shared as f64 >= MIN_OVERLAP * smaller as f64;
    shared >= ENOUGH_SHARED || shared >= MIN_SHARED && overlaps
}

/// How many stems two sorted sets share.
pub(crate) fn shared(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Vec<String> {
        stems(text, Span::new(0, text.len()), None)
    }

    #[test]
    fn stems_drop_function_words_negation_and_numbers() {
        assert_eq!(
            of("has never received a cent of state aid"),
            ["aid", "receive", "state"]
        );
        assert_eq!(of("was acting on anyone's orders"), ["act", "order"]);
        assert_eq!(
            of("will not deliver any electricity in December"),
            ["december", "deliver", "electricity"]
        );
    }

    #[test]
    fn same_proposition_by_overlap() {
        let a = of("has never received a cent of state aid");
        let b = of("received 41 million euros of state aid from the Polish treasury in 2024");
        assert!(same(&a, &b));
        let c = of("will open a plant in Leipzig");
        assert!(!same(&a, &c));
        assert!(!same(
            &of("is pleased"),
            &of("is pleased with the deal and the talks")
        ));
    }
}
