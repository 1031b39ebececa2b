//! Hostile documents: what scrapers produce when things go wrong. Each
//! test feeds one shape through the whole pipeline and checks that it
//! neither panics nor loses text silently: every span slices the input,
//! the document keeps its structural promises, and the caps answer with a
//! typed error or a recorded cut. Time and memory per shape are measured
//! by `cargo bench --bench pipeline -- pathological` and the README's
//! "Robustness" section, not here.

use claimtrack::claim::{ClaimKind, Extraction};
use claimtrack::{
    DEFAULT_MAX_SENTENCE_BYTES, Document, Error, Extractor, ParserBuilder, Role, SegmenterBuilder,
};

use crate::claims::check_spans;
use crate::invariants;

/// Parses and extracts `text`, checks every promise, and returns the
/// extraction with the document's sentence cuts.
fn run(text: &str) -> (Extraction, Vec<usize>) {
    let document = Document::parse(text).expect("non-blank text parses");
    invariants::check(&document);
    for turn in document.turns() {
        for sentence in document.sentences(turn) {
            assert!(
                sentence.len() <= DEFAULT_MAX_SENTENCE_BYTES,
                "sentence {sentence:?} over the cap"
            );
        }
    }
    let extraction = Extractor::default_ref().extract_document(&document);
    check_spans(text, &extraction);
    for entity in &extraction.entities {
        for mention in &entity.mentions {
            assert_eq!(mention.span.slice(text), mention.text);
        }
    }
    (extraction, document.sentence_cuts().to_vec())
}

/// The words of a sentence's worth of interview talk.
const WORDS: [&str; 16] = [
    "minister", "cable", "said", "the", "and", "Putin", "will", "not", "evidence", "that",
    "prices", "Minsk", "agreed", "because", "data", "show",
];

/// `WORDS` repeated, separated by `separator`, to at least `size` bytes.
fn words(size: usize, separator: &str, map: fn(&str) -> String) -> String {
    let mut out = String::with_capacity(size + 16);
    for word in WORDS.iter().cycle() {
        if out.len() >= size {
            break;
        }
        out.push_str(&map(word));
        out.push_str(separator);
    }
    out
}

/// Bound: 10 MB in one line is cut into sentences of at most 8 KiB
/// (1,280 or more cuts), and extracted in linear time.
#[test]
fn ten_megabytes_on_one_line_without_punctuation() {
    let text = words(10 << 20, " ", str::to_string);
    let (extraction, cuts) = run(&text);
    assert!(
        cuts.len() >= (10 << 20) / DEFAULT_MAX_SENTENCE_BYTES,
        "{}",
        cuts.len()
    );
    assert_eq!(extraction.document.sentence_cuts, cuts);
    assert!(!extraction.claims.is_empty());
}

/// Bound: 100,000 question marks have no words: no claims, no entities.
#[test]
fn a_hundred_thousand_question_marks() {
    let (extraction, cuts) = run(&"?".repeat(100_000));
    assert!(extraction.claims.is_empty());
    assert!(extraction.entities.is_empty());
    assert!(!cuts.is_empty());
}

/// Bound: a megabyte of capitals, in short "sentences".
#[test]
fn a_megabyte_of_capitalised_words() {
    let text = words(1 << 20, " ", str::to_uppercase);
    run(&text);
    let title_case = words(1 << 20, " ", |w| {
        let mut chars = w.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    });
    run(&title_case);
}

/// Bound: 10,000 levels of quotes and brackets, opened and never closed,
/// then closed and never opened.
#[test]
fn deeply_nested_and_unbalanced_quotes_and_brackets() {
    let openers = "(“[«‘\"{".repeat(10_000);
    let closers = ")”]»’\"}".repeat(10_000);
    run(&format!(
        "Q: Why?\n\nA: {openers}Putin said there is no evidence.{closers}"
    ));
    run(&format!("A: {openers} Putin agreed. The minister said so."));
    run(&format!(
        "A: Putin agreed.{closers} The minister said \"so. And ”then."
    ));
}

/// Bound: control and invisible characters inside words and between
/// them are text like any other: spans stay on char boundaries. A stray
/// NUL is text too; NULs making up 1/64 of the start are binary content,
/// refused with a typed error at the first one.
#[test]
fn nul_zero_width_bidi_and_combining_characters() {
    let text = "Q: Did Pu\u{0}tin \u{200b}go?\n\nA: \u{202e}Lukashe\u{301}nka\u{2066} said \
                there is no\u{200d} evidence that Putin asked.\u{feff} \n\n"
        .repeat(2_000);
    run(&text);
    run(&"e\u{301}\u{302}\u{303}".repeat(20_000));
    let nul_heavy = "Q: Did Pu\u{0}tin \u{200b}go?\n\nA: \u{202e}Lukashe\u{301}nka\u{2066} said \
                     there is no\u{200d} evidence that Putin\u{0} asked.\u{feff} \u{0}\u{0}\n\n"
        .repeat(2_000);
    for (text, first_nul) in [(nul_heavy.as_str(), 9), ("\u{0}\u{0}\u{0} a", 0)] {
        let error = Document::parse(text).unwrap_err();
        assert!(
            matches!(&error, Error::NotText { offset, what } if *offset == first_nul && what.contains("NUL bytes")),
            "{error:?}"
        );
        assert_eq!(Extractor::default_ref().extract(text).unwrap_err(), error);
    }
}

/// Bound: a page of nothing but boilerplate keeps no claim, and every
/// line is accounted for as dropped.
#[test]
fn only_boilerplate() {
    let text = "Advertisement\n\nShare this article\n\nRead more:\n\n".repeat(5_000);
    let (extraction, _) = run(&text);
    assert!(extraction.claims.is_empty());
    assert_eq!(extraction.document.dropped.len(), 15_000);
}

/// Bound: questions only: every claim is a question's premise.
#[test]
fn only_questions() {
    let text = "Did Putin ask Lukashenka to send troops?\n\nWhy did the ministry deny it?\n\n"
        .repeat(5_000);
    let (extraction, _) = run(&text);
    assert!(
        extraction
            .document
            .turns
            .iter()
            .all(|turn| matches!(turn.role, Role::Question | Role::Title))
    );
    assert!(
        extraction
            .claims
            .iter()
            .all(|c| c.kind == ClaimKind::Premise)
    );
}

/// Bound: a 50,000-character sentence is cut into pieces of at most
/// 8 KiB, and every piece is read.
#[test]
fn a_fifty_thousand_character_sentence() {
    let mut text = String::from("Q: Why?\n\nA: ");
    let body = words(50_000, ", and ", str::to_string);
    text.push_str(&body);
    text.push('.');
    let (extraction, cuts) = run(&text);
    assert!(
        cuts.len() >= 50_000 / DEFAULT_MAX_SENTENCE_BYTES,
        "{}",
        cuts.len()
    );
    let last = extraction.claims.last().expect("claims");
    assert!(last.span.end() > text.len() - DEFAULT_MAX_SENTENCE_BYTES);
}

/// The input cap answers with a typed error that says how big the input
/// was; the sentence cap is the builder's to set.
#[test]
fn the_caps_are_configurable_and_typed() {
    let parser = ParserBuilder::new()
        .max_input_bytes(1_000)
        .build()
        .expect("builds");
    let text = "Q: Why?\n\nA: Because. ".repeat(100);
    assert_eq!(
        parser.parse(&text).unwrap_err(),
        Error::InputTooLarge {
            len: text.len(),
            limit: 1_000
        }
    );
    let segmenter = SegmenterBuilder::new()
        .max_sentence_bytes(100)
        .build()
        .expect("builds");
    let parser = ParserBuilder::new()
        .segmenter(segmenter)
        .build()
        .expect("builds");
    let text = format!("Q: Why?\n\nA: {}.", words(1_000, " ", str::to_string));
    let document = parser.parse(&text).expect("parses");
    invariants::check(&document);
    assert!(document.sentence_cuts().len() >= 9);
    let answer = document.turns().last().expect("an answer");
    assert!(document.sentences(answer).iter().all(|s| s.len() <= 100));
}
