//! Property tests: the crate's promises on any input, not just the seeds.
//!
//! Two kinds of text feed every property:
//!
//! - arbitrary text: `any::<String>()`, and a mix of interview punctuation,
//!   labels, names and hostile characters (CR, tabs, NUL, zero-width space,
//!   bidi controls, combining marks, curly quotes, dashes);
//! - interview-shaped text from a small grammar: an optional headline and
//!   boilerplate lines, then labelled or bare question and answer turns
//!   built from sentence templates with names, hedges, negation and
//!   quantities, with odd white space (blank lines, CRLF, tabs, NBSP)
//!   between them.
//!
//! The properties:
//!
//! - `claimtrack::extract` never panics and fails only with
//!   `Error::EmptyInput` for blank text (the crate's blank: white space,
//!   BOM, zero-width space, word joiner);
//! - every span of the extraction and of `Document::parse` lies within the
//!   input on char boundaries and slices it to the text the record gives;
//! - every claim's assertion lies inside the claim;
//! - every claim lies inside the turn it names, and points at real turns
//!   and entities;
//! - turns are in order and do not overlap;
//! - extraction is deterministic, and a freshly built extractor agrees
//!   with the default one;
//! - an extraction survives a JSON round trip unchanged;
//! - `Document::from_bytes` reports `Error::InvalidUtf8` exactly when
//!   `std::str::from_utf8` fails, at the same offset;
//! - `LossyText` maps every span of an extraction of its text back to a
//!   range of the original bytes that decodes to the same text.
//!
//! CI mode runs each property on [`CI_CASES`] cases. The long mode sets the
//! standard `PROPTEST_CASES` variable, best in release:
//!
//! ```text
//! PROPTEST_CASES=20000 cargo test --release --test lib properties
//! ```
//!
//! Failing cases are saved to `tests/proptest-regressions/properties.txt`
//! and replayed first on every run; commit that file with the fix.

use std::sync::LazyLock;

use claimtrack::claim::{ClaimKind, Extraction, Extractor};
use claimtrack::entity::Recognizer;
use claimtrack::input::LossyText;
use claimtrack::{Document, Error, ParserBuilder, Role, Span};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::FileFailurePersistence;

use crate::invariants;

/// Cases per property when `PROPTEST_CASES` is not set.
const CI_CASES: u32 = 256;

/// Where failing cases are kept, replayed before new ones.
const REGRESSIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/proptest-regressions/properties.txt"
);

/// Proptest's configuration: its defaults (which read `PROPTEST_CASES` and
/// the other `PROPTEST_*` variables), [`CI_CASES`] when the variable is not
/// set, and failures persisted to [`REGRESSIONS`].
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = CI_CASES;
    }
    config.failure_persistence = Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS)));
    config
}

// ---------------------------------------------------------------------------
// Arbitrary text.

/// Pieces that stress the parser: interview punctuation, labels, line
/// endings, invisible and bidi characters, combining marks, quotes, dashes,
/// abbreviations, names and quantities.
const NOISE: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\t",
    "\0",
    "\u{a0}",
    "\u{200B}",
    "\u{202E}",
    "\u{2066}",
    "\u{2069}",
    "\u{0301}",
    "\u{FEFF}",
    "\u{2060}",
    "\u{2028}",
    "\u{85}",
    "?",
    ":",
    ".",
    "!",
    "...",
    "\u{2026}",
    ",",
    ";",
    "\u{201C}",
    "\u{201D}",
    "\u{2018}",
    "\u{2019}",
    "\"",
    "'",
    "\u{2014}",
    "\u{2013}",
    "-",
    "(",
    ")",
    "[",
    "]",
    "*",
    "**",
    "#",
    "Q:",
    "A:",
    "Q.",
    "A.",
    "MR. SMITH:",
    "Interviewer:",
    "**Jane Doe:**",
    "JOHN DOE.",
    "QUESTION:",
    "Mr.",
    "Dr.",
    "U.S.",
    "No. 1",
    "e.g.",
    "Putin",
    "Lukashenka",
    "Ewa Wrona",
    "Belarus",
    "the ministry",
    "he",
    "we",
    "I",
    "not",
    "never",
    "I think",
    "maybe",
    "there is no evidence that",
    "according to Reuters,",
    "said",
    "will",
    "3.5%",
    "40 percent",
    "2024",
    "$2 billion",
    "12 March 2024",
    "Advertisement",
    "Share this article",
    "Photo: Reuters",
];

/// Text made of [`NOISE`] pieces, ASCII words, digits and arbitrary chars.
fn noisy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => select(NOISE).prop_map(str::to_string),
        3 => "[A-Za-z]{1,10}",
        1 => "[0-9]{1,5}",
        1 => any::<char>().prop_map(String::from),
    ];
    vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

/// Arbitrary Unicode text, or noise shaped like a broken interview.
fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), noisy_text()]
}

// ---------------------------------------------------------------------------
// Interview-shaped text.

const HEADLINES: &[&str] = &[
    "Talks in Minsk",
    "Putin and Lukashenka: the alliance tested",
    "Ewa Wrona on sanctions, Belarus and the border",
    "\u{201C}We will not back down,\u{201D} says Lukashenka",
    "INTERVIEW: Ewa Wrona",
    "# The ministry answers",
];

const BOILERPLATE: &[&str] = &[
    "Advertisement",
    "Share this article",
    "Photo: Reuters",
    "\u{a9} 2024 Reuters. All rights reserved.",
    "Copyright 2023 The Associated Press. All rights reserved.",
    "Read more:",
    "Subscribe to our newsletter",
];

const LABELS: &[&str] = &[
    "",
    "Q:",
    "A:",
    "MR. SMITH:",
    "Interviewer:",
    "**Jane Doe:**",
    "JOHN DOE.",
    "QUESTION:",
    "Ewa Wrona:",
    "MS. WRONA:",
];

/// Between a label and its words.
const AFTER_LABEL: &[&str] = &[" ", "  ", "\t", "\u{a0}", "\n", ""];

const SUBJECTS: &[&str] = &[
    "Putin",
    "Lukashenka",
    "Ewa Wrona",
    "the ministry",
    "Belarus",
    "President Putin",
    "Mr. Lukashenka",
    "Wrona",
    "he",
    "they",
    "we",
    "I",
    "it",
    "Minsk",
    "the European Union",
    "the Belarusian leader",
];

/// A predicate, affirmed and denied.
const PREDICATES: &[(&str, &str)] = &[
    ("will sign the treaty", "will not sign the treaty"),
    (
        "asked Lukashenka to join the war",
        "did not ask Lukashenka to join the war",
    ),
    (
        "can reduce the impact of sanctions",
        "cannot reduce the impact of sanctions",
    ),
    ("has met Ewa Wrona", "has never met Ewa Wrona"),
    ("is ready to talk to Putin", "is not ready to talk to Putin"),
    ("said the economy grew", "never said the economy grew"),
    (
        "controls the border with Belarus",
        "does not control the border with Belarus",
    ),
    ("expects more troops", "doesn\u{2019}t expect more troops"),
    (
        "wants a deal with the ministry",
        "won't want a deal with the ministry",
    ),
    ("raised prices", "did not raise prices"),
];

const QUANTITIES: &[&str] = &[
    "",
    " by 3.5%",
    " in 2023",
    " on 12 March 2024",
    " by $2 billion",
    " by 40 percent",
    " two years ago",
    " with 1,200 troops",
    " next week",
    " by 0.5 per cent",
    " on 2024-02-11",
    " for about 10,000 people",
    " since 24 February 2022",
    " in the coming days",
];

const HEDGES: &[&str] = &[
    "",
    "I think ",
    "I think that ",
    "maybe ",
    "There is no evidence that ",
    "According to Reuters, ",
    "It is unlikely that ",
    "Perhaps ",
    "The data show that ",
    "Putin said that ",
    "I don't see that ",
    "It looks like ",
    "Nobody knows whether ",
    "Ewa Wrona told us ",
    "there are a lot of signs that ",
];

/// Between two clauses of one sentence.
const CLAUSE_JOINS: &[&str] = &[
    ", and ",
    ", but ",
    "; ",
    " because ",
    " \u{2014} ",
    ", which ",
];

/// After a sentence.
const SENTENCE_ENDS: &[&str] = &[".", ".", "!", "...", "\u{2026}", ".\u{201D}", ""];

/// Between two sentences of a paragraph.
const SENTENCE_GAPS: &[&str] = &[" ", " ", "  ", "\u{a0}", "\t", " \n", "\n"];

/// Between two paragraphs of a turn.
const PARAGRAPH_GAPS: &[&str] = &["\n\n", "\r\n\r\n", "\n \n", "\n\n\n"];

/// After a block (headline, boilerplate line, turn): odd trailing space,
/// then line breaks.
const BLOCK_ENDS: &[&str] = &[
    "\n\n",
    "\n\n",
    "\r\n\r\n",
    "\n \n",
    "\n\t\n",
    "\n\n\n",
    "\n",
    "\r\n",
    " \n\n",
    "\t\n\n",
    "\u{a0}\n\n",
];

const QUESTIONS: &[&str] = &[
    "Did {} ask for troops?",
    "Why does {} want a deal?",
    "Is it true that {} signed the treaty?",
    "What about {}?",
    "Will {} sign the treaty in 2025?",
    "{} said the economy grew by 3.5%. Do you agree?",
    "How many troops does {} have?",
    "So {} is not ready to talk?",
    "You said {} will win. Why?",
    "And {}?",
    "Is there any evidence that {} lied?",
    "Some say {} cannot reduce the impact of sanctions \u{2014} is that so?",
];

/// `text` with its first letter upper-cased.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One clause: subject, predicate (perhaps denied) and a quantity.
fn clause() -> impl Strategy<Value = String> {
    (
        select(SUBJECTS),
        select(PREDICATES),
        any::<bool>(),
        select(QUANTITIES),
    )
        .prop_map(|(subject, (affirmed, denied), negated, quantity)| {
            let predicate = if negated { denied } else { affirmed };
            format!("{subject} {predicate}{quantity}")
        })
}

/// One answer sentence: a hedge or frame, one or two clauses, an ending.
fn answer_sentence() -> impl Strategy<Value = String> {
    (
        select(HEDGES),
        clause(),
        proptest::option::of((select(CLAUSE_JOINS), clause())),
        select(SENTENCE_ENDS),
    )
        .prop_map(|(hedge, first, second, end)| {
            let mut sentence = capitalized(&format!("{hedge}{first}"));
            if let Some((join, clause)) = second {
                sentence.push_str(join);
                sentence.push_str(&clause);
            }
            sentence.push_str(end);
            sentence
        })
}

/// Sentences joined by [`SENTENCE_GAPS`].
fn paragraph() -> impl Strategy<Value = String> {
    vec((answer_sentence(), select(SENTENCE_GAPS)), 1..4).prop_map(|sentences| {
        let last = sentences.len() - 1;
        let mut text = String::new();
        for (index, (sentence, gap)) in sentences.into_iter().enumerate() {
            text.push_str(&sentence);
            if index < last {
                text.push_str(gap);
            }
        }
        text
    })
}

/// An answer: paragraphs joined by [`PARAGRAPH_GAPS`].
fn answer() -> impl Strategy<Value = String> {
    (
        paragraph(),
        vec((select(PARAGRAPH_GAPS), paragraph()), 0..2),
    )
        .prop_map(|(first, rest)| {
            rest.into_iter().fold(first, |mut text, (gap, paragraph)| {
                text.push_str(gap);
                text.push_str(&paragraph);
                text
            })
        })
}

/// A question from [`QUESTIONS`] about one of [`SUBJECTS`].
fn question() -> impl Strategy<Value = String> {
    (select(QUESTIONS), select(SUBJECTS))
        .prop_map(|(template, subject)| capitalized(&template.replace("{}", subject)))
}

/// A turn: a label (perhaps none), then a question or an answer.
fn turn() -> impl Strategy<Value = String> {
    (
        select(LABELS),
        select(AFTER_LABEL),
        prop_oneof![question(), answer()],
    )
        .prop_map(|(label, after, words)| labelled(label, after, &words))
}

/// The interviewer's and the interviewee's labels, as one document writes
/// them.
const LABEL_PAIRS: &[(&str, &str)] = &[
    ("Q:", "A:"),
    ("", ""),
    ("Interviewer:", "MR. SMITH:"),
    ("**Interviewer:**", "**Jane Doe:**"),
    ("QUESTION:", "MR. SMITH:"),
    ("JOHN DOE.", "MS. WRONA."),
    ("Q:", "Ewa Wrona:"),
];

/// One block of an interview before its line breaks.
#[derive(Clone, Debug)]
enum Block {
    /// A question and its answer, labelled as the document labels them.
    Exchange {
        question: String,
        gap: &'static str,
        answer: String,
    },
    /// A turn with any label or none.
    Stray(String),
    /// A boilerplate line.
    Boilerplate(&'static str),
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        6 => (question(), select(BLOCK_ENDS), answer()).prop_map(|(question, gap, answer)| {
            Block::Exchange { question, gap, answer }
        }),
        2 => turn().prop_map(Block::Stray),
        1 => select(BOILERPLATE).prop_map(Block::Boilerplate),
    ]
}

/// `label`, `after` and `words`, or only `words` when there is no label.
fn labelled(label: &str, after: &str, words: &str) -> String {
    if label.is_empty() {
        words.to_string()
    } else {
        format!("{label}{after}{words}")
    }
}

/// Interview-shaped text: a byte-order mark or space perhaps, a headline
/// perhaps, boilerplate lines, then question-and-answer exchanges labelled
/// one way throughout, with stray turns and boilerplate among them, each
/// block ended by odd white space.
fn interview_text() -> impl Strategy<Value = String> {
    (
        select(&["", "", "\u{FEFF}", "\n", "  "][..]),
        proptest::option::of(select(HEADLINES)),
        vec(select(BOILERPLATE), 0..3),
        select(LABEL_PAIRS),
        select(AFTER_LABEL),
        vec((block(), select(BLOCK_ENDS)), 1..8),
    )
        .prop_map(
            |(opening, headline, boilerplate, (asks, answers), after, blocks)| {
                let mut text = opening.to_string();
                if let Some(headline) = headline {
                    text.push_str(headline);
                    text.push_str("\n\n");
                }
                for line in boilerplate {
                    text.push_str(line);
                    text.push('\n');
                }
                for (block, end) in blocks {
                    match block {
                        Block::Exchange {
                            question,
                            gap,
                            answer,
                        } => {
                            text.push_str(&labelled(asks, after, &question));
                            text.push_str(gap);
                            text.push_str(&labelled(answers, after, &answer));
                        }
                        Block::Stray(turn) => text.push_str(&turn),
                        Block::Boilerplate(line) => text.push_str(line),
                    }
                    text.push_str(end);
                }
                text
            },
        )
}

// ---------------------------------------------------------------------------
// Bytes.

/// Interview text with a few runs of arbitrary bytes spliced in (most of
/// them not UTF-8).
fn corrupted_interview() -> impl Strategy<Value = Vec<u8>> {
    (
        interview_text(),
        vec((any::<Index>(), vec(any::<u8>(), 1..4)), 0..4),
    )
        .prop_map(|(text, splices)| {
            let mut bytes = text.into_bytes();
            for (at, run) in splices {
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, run);
            }
            bytes
        })
}

/// Arbitrary bytes, UTF-8 text of both kinds, and corrupted interviews.
fn arbitrary_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..256),
        arbitrary_text().prop_map(String::into_bytes),
    ]
}

/// Interview text, whole or corrupted.
fn interview_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        interview_text().prop_map(String::into_bytes),
        corrupted_interview(),
    ]
}

// ---------------------------------------------------------------------------
// Checks.

/// Blank as the parser counts it (`Parser::parse` documents it): white
/// space, byte-order marks, zero-width spaces and word joiners only.
fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}'))
}

/// The extraction of `text`, or `None` for blank text, which must be
/// refused with `Error::EmptyInput` naming its length.
fn extract_unless_blank(text: &str) -> Result<Option<Extraction>, TestCaseError> {
    match claimtrack::extract(text) {
        Ok(extraction) => {
            prop_assert!(!is_blank(text), "blank text {text:?} was extracted");
            Ok(Some(extraction))
        }
        // The NUL rules of `input::check` refuse a `&str` only for NULs.
        Err(Error::NotText { .. } | Error::UnsupportedEncoding { .. }) => {
            prop_assert!(text.contains('\0'), "text without NUL refused: {text:?}");
            Ok(None)
        }
        Err(error) => {
            prop_assert_eq!(&error, &Error::EmptyInput { len: text.len() });
            prop_assert!(is_blank(text), "text refused as blank is not: {text:?}");
            Ok(None)
        }
    }
}

/// A span an extraction records, with what it is and the text the record
/// gives for it, if any.
struct Located<'a> {
    what: &'static str,
    span: Span,
    text: Option<&'a str>,
}

impl<'a> Located<'a> {
    fn bare(what: &'static str, span: Span) -> Located<'a> {
        Located {
            what,
            span,
            text: None,
        }
    }

    fn with_text(what: &'static str, span: Span, text: &'a str) -> Located<'a> {
        Located {
            what,
            span,
            text: Some(text),
        }
    }
}

/// Every span of an extraction: turns, bodies, labels, paragraphs,
/// sentences, dropped lines, entity mentions and their antecedents, and
/// claims with their assertions, actors, sources, quantities and cues.
fn located(extraction: &Extraction) -> Vec<Located<'_>> {
    let mut out = Vec::new();
    for turn in &extraction.document.turns {
        out.push(Located::bare("turn", turn.span));
        out.push(Located::bare("turn body", turn.body));
        out.extend(turn.label.map(|label| Located::bare("label", label)));
        out.extend(
            turn.paragraphs
                .iter()
                .map(|&p| Located::bare("paragraph", p)),
        );
        out.extend(turn.sentences.iter().map(|&s| Located::bare("sentence", s)));
    }
    for dropped in &extraction.document.dropped {
        out.push(Located::with_text(
            "dropped line",
            dropped.span,
            &dropped.text,
        ));
    }
    for entity in &extraction.entities {
        for mention in &entity.mentions {
            out.push(Located::with_text("mention", mention.span, &mention.text));
            out.extend(
                mention
                    .antecedent
                    .map(|antecedent| Located::bare("antecedent", antecedent)),
            );
        }
    }
    for claim in &extraction.claims {
        out.push(Located::with_text("claim", claim.span, &claim.text));
        out.push(Located::with_text(
            "assertion",
            claim.assertion_span,
            &claim.assertion,
        ));
        if let Some(actor) = &claim.actor {
            out.push(Located::with_text("actor", actor.span, &actor.text));
        }
        if let Some(source) = &claim.attributed_to {
            out.push(Located::with_text("source", source.span, &source.text));
        }
        for quantity in &claim.quantities {
            out.push(Located::with_text(
                "quantity",
                quantity.span,
                &quantity.text,
            ));
        }
        for cue in &claim.cues {
            out.push(Located::with_text("cue", cue.span, &cue.text));
        }
    }
    out
}

/// Every span of the extraction lies in `text` on char boundaries and
/// slices it to the record's text; the parts of a turn lie inside it.
fn check_spans(text: &str, extraction: &Extraction) -> Result<(), TestCaseError> {
    for Located {
        what,
        span,
        text: recorded,
    } in located(extraction)
    {
        prop_assert!(
            span.start() <= span.end() && span.end() <= text.len(),
            "{what} {span:?} out of bounds of {} bytes",
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
            "{what} {span:?} off a char boundary"
        );
        if let Some(recorded) = recorded {
            prop_assert_eq!(&text[span.range()], recorded, "{} {:?}", what, span);
        }
    }
    for turn in &extraction.document.turns {
        let parts = [turn.body]
            .into_iter()
            .chain(turn.label)
            .chain(turn.paragraphs.iter().copied())
            .chain(turn.sentences.iter().copied());
        for part in parts {
            prop_assert!(
                turn.span.contains(part),
                "{part:?} outside its turn {:?}",
                turn.span
            );
        }
        if let Some(label) = turn.label {
            prop_assert_eq!(turn.speaker.as_deref(), Some(&text[label.range()]));
        }
    }
    Ok(())
}

/// Every claim's assertion lies inside the claim's span.
fn check_assertions_in_claims(extraction: &Extraction) -> Result<(), TestCaseError> {
    for claim in &extraction.claims {
        prop_assert!(
            claim.span.contains(claim.assertion_span),
            "assertion {:?} {:?} outside claim {:?} {:?}",
            claim.assertion,
            claim.assertion_span,
            claim.text,
            claim.span
        );
    }
    Ok(())
}

/// `Document::parse` keeps the structural promises (`invariants::check`),
/// its speakers' names lie in the text, and it agrees with the extraction.
fn check_document(text: &str, extraction: &Extraction) -> Result<(), TestCaseError> {
    let document = Document::parse(text)
        .map_err(|error| TestCaseError::fail(format!("extracted text does not parse: {error}")))?;
    invariants::check(&document);
    for speaker in document.speakers() {
        let name = speaker.name();
        prop_assert!(
            text.get(name.range()).is_some(),
            "speaker name {name:?} is not a slice of the input"
        );
    }
    prop_assert_eq!(&document.to_record(), &extraction.document);
    Ok(())
}

/// Every claim lies inside the turn it names, has the kind and speaker of
/// that turn, a unique id, and refers only to entities that exist; claims
/// come turn by turn.
fn check_claims_in_turns(extraction: &Extraction) -> Result<(), TestCaseError> {
    let turns = &extraction.document.turns;
    let mut ids = std::collections::HashSet::new();
    let mut previous_turn = 0;
    for claim in &extraction.claims {
        let turn = turns.get(claim.turn).ok_or_else(|| {
            TestCaseError::fail(format!(
                "claim {} names turn {} of {}",
                claim.id,
                claim.turn,
                turns.len()
            ))
        })?;
        prop_assert!(
            turn.span.contains(claim.span),
            "claim {} {:?} {:?} outside its turn {:?}",
            claim.id,
            claim.span,
            claim.text,
            turn.span
        );
        let expected_kind = match turn.role {
            Role::Question => Some(ClaimKind::Premise),
            Role::Answer | Role::Title => Some(ClaimKind::Statement),
            // `other`, and any role a later version adds.
            _ => None,
        };
        prop_assert_eq!(Some(claim.kind), expected_kind, "claim {}", &claim.id);
        prop_assert_eq!(&claim.speaker, &turn.speaker, "claim {}", &claim.id);
        prop_assert!(
            claim.turn >= previous_turn,
            "claim {} out of turn order",
            claim.id
        );
        previous_turn = claim.turn;
        prop_assert!(ids.insert(&claim.id), "claim id {} repeated", claim.id);
        let references = claim.actor.iter().chain(&claim.attributed_to);
        let entity_ids = references
            .filter_map(|reference| reference.entity.as_ref())
            .chain(&claim.speaker_entity);
        for id in entity_ids {
            prop_assert!(
                extraction.entities.iter().any(|entity| &entity.id == id),
                "claim {} refers to a missing entity {}",
                claim.id,
                id
            );
        }
    }
    Ok(())
}

/// Turns are in text order and do not overlap.
fn check_turn_order(extraction: &Extraction) -> Result<(), TestCaseError> {
    for pair in extraction.document.turns.windows(2) {
        prop_assert!(
            pair[0].span.end() <= pair[1].span.start(),
            "turns {:?} and {:?} overlap or are out of order",
            pair[0].span,
            pair[1].span
        );
    }
    Ok(())
}

/// An extractor built afresh from empty builders, not cloned from the
/// default one.
static FRESH_EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| {
    Extractor::builder()
        .parser(ParserBuilder::new())
        .entities(Recognizer::builder())
        .build()
        .expect("an extractor with no additions builds")
});

/// A second extraction, and one by a freshly built extractor, equal the
/// first.
fn check_deterministic(text: &str, extraction: &Extraction) -> Result<(), TestCaseError> {
    let again = claimtrack::extract(text)
        .map_err(|error| TestCaseError::fail(format!("second extraction failed: {error}")))?;
    prop_assert_eq!(&again, extraction, "second extraction differs");
    let fresh = FRESH_EXTRACTOR
        .extract(text)
        .map_err(|error| TestCaseError::fail(format!("fresh extractor failed: {error}")))?;
    prop_assert_eq!(&fresh, extraction, "fresh extractor differs");
    Ok(())
}

/// JSON out and back in gives the same extraction, and the same JSON.
fn check_json_round_trip(extraction: &Extraction) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(extraction)
        .map_err(|error| TestCaseError::fail(format!("serialising failed: {error}")))?;
    let back: Extraction = serde_json::from_str(&json)
        .map_err(|error| TestCaseError::fail(format!("deserialising failed: {error} in {json}")))?;
    prop_assert_eq!(&back, extraction);
    let again = serde_json::to_string(&back)
        .map_err(|error| TestCaseError::fail(format!("re-serialising failed: {error}")))?;
    prop_assert_eq!(again, json);
    Ok(())
}

/// `Document::from_bytes` fails exactly where `std::str::from_utf8` does,
/// at the same offset, and otherwise behaves as `Document::parse`.
fn check_from_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    let parsed = Document::from_bytes(bytes);
    if let Err(refusal) = claimtrack::input::check(bytes) {
        check_refusal(bytes, &refusal)?;
        prop_assert_eq!(parsed.err(), Some(refusal));
        return Ok(());
    }
    match std::str::from_utf8(bytes) {
        Err(utf8) => {
            let error = parsed.err();
            prop_assert_eq!(
                error,
                Some(Error::InvalidUtf8 {
                    offset: utf8.valid_up_to()
                })
            );
        }
        Ok(text) if is_blank(text) => {
            prop_assert_eq!(parsed.err(), Some(Error::EmptyInput { len: text.len() }));
        }
        Ok(text) => {
            let document = parsed
                .map_err(|error| TestCaseError::fail(format!("valid text refused: {error}")))?;
            prop_assert_eq!(document.text(), text);
            invariants::check(&document);
        }
    }
    Ok(())
}

/// A naive oracle for `input::check`: it refuses only bytes that have a
/// NUL or binary control byte near the start, or start with a byte-order
/// mark or signature (a high byte, `%PDF-`, `GIF8`).
fn check_refusal(bytes: &[u8], refusal: &Error) -> Result<(), TestCaseError> {
    let prefix = &bytes[..bytes.len().min(claimtrack::input::SNIFF_BYTES)];
    let binary = prefix
        .iter()
        .any(|&b| b == 0 || (b < 0x20 && !b"\t\n\x0b\x0c\r\x1b".contains(&b)) || b == 0x7f);
    let signature = bytes.first().is_some_and(|&b| b >= 0x80)
        || bytes.starts_with(b"%PDF-")
        || bytes.starts_with(b"GIF8");
    prop_assert!(
        binary || signature,
        "{refusal} for bytes with no binary byte or signature: {bytes:?}"
    );
    Ok(())
}

/// Every span of an extraction of the lossily decoded text maps to a range
/// of the original bytes that is in bounds, ordered, and decodes lossily to
/// the span's text.
fn check_lossy_spans(bytes: &[u8]) -> Result<(), TestCaseError> {
    let lossy = match LossyText::decode(bytes) {
        Ok(lossy) => lossy,
        Err(error) => {
            prop_assert_eq!(Some(error), claimtrack::input::check(bytes).err());
            return Ok(());
        }
    };
    let text = lossy.text();
    let Some(extraction) = extract_unless_blank(text)? else {
        return Ok(());
    };
    for Located { what, span, .. } in located(&extraction) {
        let original = lossy.original_span(span);
        prop_assert!(
            original.start() <= original.end() && original.end() <= bytes.len(),
            "{what} {span:?} maps to {original:?}, outside {} bytes",
            bytes.len()
        );
        prop_assert_eq!(
            String::from_utf8_lossy(&bytes[original.range()]),
            span.slice(text),
            "{} {:?} maps to {:?}",
            what,
            span,
            original
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Properties.

proptest! {
    #![proptest_config(config())]

    #[test]
    fn extract_fails_only_on_blank_arbitrary_text(text in arbitrary_text()) {
        extract_unless_blank(&text)?;
    }

    #[test]
    fn extract_fails_only_on_blank_interview_text(text in interview_text()) {
        extract_unless_blank(&text)?;
    }

    #[test]
    fn spans_slice_arbitrary_text(text in arbitrary_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_spans(&text, &extraction)?;
            check_document(&text, &extraction)?;
        }
    }

    #[test]
    fn spans_slice_interview_text(text in interview_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_spans(&text, &extraction)?;
            check_document(&text, &extraction)?;
        }
    }

    #[test]
    fn assertions_lie_in_their_claims_in_arbitrary_text(text in arbitrary_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_assertions_in_claims(&extraction)?;
        }
    }

    #[test]
    fn assertions_lie_in_their_claims_in_interview_text(text in interview_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_assertions_in_claims(&extraction)?;
        }
    }

    #[test]
    fn claims_lie_in_their_turns_in_arbitrary_text(text in arbitrary_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_claims_in_turns(&extraction)?;
        }
    }

    #[test]
    fn claims_lie_in_their_turns_in_interview_text(text in interview_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_claims_in_turns(&extraction)?;
        }
    }

    #[test]
    fn turns_are_ordered_and_disjoint_in_arbitrary_text(text in arbitrary_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_turn_order(&extraction)?;
        }
    }

    #[test]
    fn turns_are_ordered_and_disjoint_in_interview_text(text in interview_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_turn_order(&extraction)?;
        }
    }

    #[test]
    fn extraction_of_arbitrary_text_is_deterministic(text in arbitrary_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_deterministic(&text, &extraction)?;
        }
    }

    #[test]
    fn extraction_of_interview_text_is_deterministic(text in interview_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_deterministic(&text, &extraction)?;
        }
    }

    #[test]
    fn json_round_trips_on_arbitrary_text(text in arbitrary_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_json_round_trip(&extraction)?;
        }
    }

    #[test]
    fn json_round_trips_on_interview_text(text in interview_text()) {
        if let Some(extraction) = extract_unless_blank(&text)? {
            check_json_round_trip(&extraction)?;
        }
    }

    #[test]
    fn from_bytes_agrees_with_std_on_arbitrary_bytes(bytes in arbitrary_bytes()) {
        check_from_bytes(&bytes)?;
    }

    #[test]
    fn from_bytes_agrees_with_std_on_interview_bytes(bytes in interview_bytes()) {
        check_from_bytes(&bytes)?;
    }

    #[test]
    fn lossy_spans_map_back_on_arbitrary_bytes(bytes in arbitrary_bytes()) {
        check_lossy_spans(&bytes)?;
    }

    #[test]
    fn lossy_spans_map_back_on_interview_bytes(bytes in interview_bytes()) {
        check_lossy_spans(&bytes)?;
    }

    #[test]
    fn interview_text_is_never_refused_as_not_text(text in interview_text()) {
        prop_assert_eq!(claimtrack::input::check(text.as_bytes()), Ok(()));
    }
}
