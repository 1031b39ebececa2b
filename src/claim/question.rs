//! What part of a sentence that ends in a question mark asks.
//!
//! Real speech often puts a statement first and asks only at the end:
//!
//! - a **tag** ("You chair the board, do you not?", "The fund was closed,
//!   wasn't it?", "…, right?"): the statement before it is what the
//!   speaker puts forward; the tag's "not" negates nothing;
//! - a **final question** after a comma ("The scheme cost far more than
//!   planned, so who pays for it now?"): the clause before it is a
//!   statement of its own.
//!
//! [`asking_tail`] finds where such a tail starts; the words before it are
//! read as a declarative sentence.

use super::clause;
use super::sentence::Sentence;
use crate::segment::words::class;

/// Most words a tag takes ("do you not", "isn't that so").
const TAG_WORDS: usize = 4;

/// The index of the comma that opens the asking tail of a sentence whose
/// last word (before the question mark) is `last`, when the words from
/// `start` to that comma make a statement of their own.
pub(crate) fn asking_tail(s: &Sentence<'_>, start: usize, last: usize) -> Option<usize> {
    let comma = (start + 1..last)
        .rev()
        .find(|&i| s.is_punct(i, ",") || s.is_dash(i))?;
    let tail = comma + 1..last + 1;
    let statement = start..comma;
    let asks = is_tag(s, tail.clone()) || opens_question(s, tail.start);
    // "Why did the fund close, and who knew?": asked from the start; "If
    // the plant closes, what happens?": a condition of the question.
    let declarative = !s.is(start, class::WH | class::AUXILIARY | class::SUBORDINATOR);
    (asks && declarative && clause::has_finite_verb(s, statement)).then_some(comma)
}

/// "do you not", "wasn't it", "isn't that so", "right", "no": a tag that
/// asks for agreement.
fn is_tag(s: &Sentence<'_>, tail: std::ops::Range<usize>) -> bool {
    let words: Vec<usize> = tail.filter(|&i| s.is_word(i)).collect();
    match words.as_slice() {
        [only] => matches!(s.lower(*only), "right" | "no" | "correct" | "yes"),
        [first, rest @ ..] if words.len() <= TAG_WORDS => {
            s.is(*first, class::AUXILIARY)
                && rest.iter().any(|&i| {
                    s.is(i, class::SUBJECT_PRONOUN | class::DEMONSTRATIVE) || s.lower(i) == "there"
                })
                && rest.iter().all(|&i| {
                    s.is(
                        i,
                        class::SUBJECT_PRONOUN | class::DEMONSTRATIVE | class::NEGATOR,
                    ) || matches!(s.lower(i), "there" | "so" | "n't" | "n’t")
                })
        }
        _ => false,
    }
}

/// True when a question clause starts at `index`, after an optional
/// connective: "so who pays", "but why would they", "and what does that
/// mean", "or is it".
fn opens_question(s: &Sentence<'_>, index: usize) -> bool {
    let index = if matches!(s.lower(index), "so" | "but" | "and" | "or" | "then") {
        index + 1
    } else {
        index
    };
    let next = index + 1;
    let wh = s.is(index, class::WH) && !matches!(s.lower(index), "that" | "which");
    let inverted = s.is(index, class::AUXILIARY) && s.is(next, class::SUBJECT_PRONOUN);
    wh || inverted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::cues::Cues;
    use crate::span::Span;

    fn tail(text: &str) -> Option<String> {
        let cues = Cues::builtin();
        let s = Sentence::new(text, Span::new(0, text.len()), cues);
        let last = (0..s.len()).rev().find(|&i| !s.is_punct(i, "?"))?;
        let comma = asking_tail(&s, 0, last)?;
        let at = s.span_of(comma)?.start;
        Some(text.get(..at)?.to_string())
    }

    #[test]
    fn finds_the_statement_before_a_tag_or_a_final_question() {
        let cases = [
            (
                "You chair the board, do you not?",
                Some("You chair the board"),
            ),
            (
                "The fund was closed, wasn't it?",
                Some("The fund was closed"),
            ),
            ("It worked, right?", Some("It worked")),
            (
                "The scheme cost far more than planned, so who pays for it now?",
                Some("The scheme cost far more than planned"),
            ),
            ("Why did the fund close, and who knew?", None),
            ("If the plant closes, what happens to the town?", None),
            ("Is it true, then, that you will sell?", None),
        ];
        for (text, want) in cases {
            assert_eq!(tail(text).as_deref(), want, "{text}");
        }
    }
}
