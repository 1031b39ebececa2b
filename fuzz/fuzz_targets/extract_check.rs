//! The `extract` target's check: arbitrary bytes through the whole
//! pipeline. Plain Rust on `claimtrack` alone, so the fuzz target and the
//! main crate's replay test (`tests/fuzz_replay.rs`) run the same check.
//! Panics on the first broken promise.

use claimtrack::claim::EntityId;
use claimtrack::input::LossyText;
use claimtrack::{Document, Error, Extraction, Span};

/// Bytes → strict decoding → document → claims, then the lossy entry point
/// on the same bytes.
pub fn check(data: &[u8]) {
    if let Err(refusal) = claimtrack::input::check(data) {
        not_text(data, &refusal);
        return;
    }
    let strict = std::str::from_utf8(data);
    match (Document::from_bytes(data), &strict) {
        (Ok(doc), Ok(text)) => {
            assert_eq!(doc.text(), *text, "document text is not the input");
            assert!(
                !text.chars().all(blank),
                "blank text parsed instead of EmptyInput: {text:?}"
            );
            document(&doc);
        }
        (Err(Error::InvalidUtf8 { offset }), Err(error)) => {
            assert_eq!(
                offset,
                error.valid_up_to(),
                "InvalidUtf8 offset differs from std::str::from_utf8"
            );
        }
        (Err(Error::EmptyInput { len }), Ok(text)) => {
            assert_eq!(len, data.len(), "EmptyInput len is not the input length");
            assert!(
                text.chars().all(blank),
                "EmptyInput for text with a non-blank char: {text:?}"
            );
        }
        (other, strict) => panic!(
            "Document::from_bytes gave {:?} for input whose from_utf8 is {:?}",
            other.map(|_| "Ok(document)"),
            strict.map(|_| "Ok")
        ),
    }
    if let Ok(text) = strict {
        match claimtrack::extract(text) {
            Ok(extraction) => claims(text, &extraction),
            Err(Error::EmptyInput { .. }) => {
                assert!(
                    Document::from_bytes(data).is_err(),
                    "extract says empty where Document::from_bytes parsed"
                )
            }
            Err(other) => panic!("extract failed on valid text: {other:?}"),
        }
    }
    lossy(data);
}

/// Bytes that `input::check` refuses: every bytes entry point refuses them
/// with the same error, and a `&str` of them (when they are UTF-8) parses
/// or is refused by the NUL rules alone.
fn not_text(data: &[u8], refusal: &Error) {
    assert!(
        matches!(
            refusal,
            Error::NotText { .. } | Error::UnsupportedEncoding { .. }
        ),
        "input::check refused with {refusal:?}"
    );
    if let Error::NotText { offset, .. } = refusal {
        assert!(
            *offset <= data.len(),
            "NotText offset {offset} past the input"
        );
    }
    assert_eq!(
        Document::from_bytes(data).err().as_ref(),
        Some(refusal),
        "Document::from_bytes disagrees with input::check"
    );
    assert_eq!(
        LossyText::decode(data).err().as_ref(),
        Some(refusal),
        "LossyText::decode disagrees with input::check"
    );
    if let Ok(text) = std::str::from_utf8(data) {
        match claimtrack::extract(text) {
            Ok(extraction) => claims(text, &extraction),
            Err(
                Error::NotText { .. }
                | Error::UnsupportedEncoding { .. }
                | Error::EmptyInput { .. },
            ) => {}
            Err(other) => panic!("extract failed on valid text: {other:?}"),
        }
    }
}

/// What the parser documents as blank: Unicode white space, byte-order
/// marks and zero-width spaces. A text of only these is empty input; a
/// text with any other char must parse.
fn blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}')
}

/// Panics unless `span` fits `text` on char boundaries.
fn fits(text: &str, span: Span, what: &str) {
    assert!(
        span.start() <= span.end() && span.end() <= text.len(),
        "{what} {span:?} out of bounds (text is {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
        "{what} {span:?} off a char boundary"
    );
}

/// Panics unless `span` fits `text` and slices it to `words`.
fn sliced(text: &str, span: Span, words: &str, what: &str) {
    fits(text, span, what);
    assert_eq!(
        span.slice(text),
        words,
        "{what} {span:?} does not slice to its text"
    );
}

/// The structural promises of a parsed document; the main crate's tests
/// check every document they parse with it (`tests/invariants.rs`).
pub fn document(doc: &Document<'_>) {
    let text = doc.text();
    let mut previous_end = 0;
    for turn in doc.turns() {
        fits(text, turn.span(), "turn");
        fits(text, turn.body(), "turn body");
        assert!(
            turn.span().start() >= previous_end,
            "turns overlap or are out of order at {:?}",
            turn.span()
        );
        assert!(
            turn.span().contains(turn.body()),
            "body {:?} outside turn {:?}",
            turn.body(),
            turn.span()
        );
        previous_end = turn.span().end();
        if let Some(label) = turn.label() {
            fits(text, label, "label");
            assert!(turn.span().contains(label), "label outside its turn");
        }
        if let Some(index) = turn.speaker_index() {
            assert!(
                index < doc.speakers().len(),
                "turn speaker {index} out of range"
            );
        }
        assert!(
            !doc.paragraphs(turn).is_empty(),
            "turn {:?} has no paragraph",
            turn.span()
        );
        for paragraph in doc.paragraphs(turn) {
            fits(text, paragraph.span(), "paragraph");
            assert!(
                turn.span().contains(paragraph.span()),
                "paragraph {:?} outside its turn {:?}",
                paragraph.span(),
                turn.span()
            );
            assert!(
                paragraph.span().contains(paragraph.body()),
                "body outside its paragraph"
            );
            let mut sentence_end = paragraph.body().start();
            for &sentence in doc.paragraph_sentences(paragraph) {
                fits(text, sentence, "sentence");
                assert!(
                    paragraph.body().contains(sentence),
                    "sentence {sentence:?} outside its paragraph {:?}",
                    paragraph.body()
                );
                assert!(
                    sentence.start() >= sentence_end,
                    "sentences overlap at {sentence:?}"
                );
                let words = doc.slice(sentence);
                assert!(
                    !words.is_empty() && words.trim() == words,
                    "sentence {sentence:?} not trimmed: {words:?}"
                );
                sentence_end = sentence.end();
            }
        }
        let per_paragraph: usize = doc
            .paragraphs(turn)
            .iter()
            .map(|p| doc.paragraph_sentences(p).len())
            .sum();
        assert_eq!(
            per_paragraph,
            doc.sentences(turn).len(),
            "turn sentences differ from its paragraphs'"
        );
    }
    for speaker in doc.speakers() {
        fits(text, speaker.name(), "speaker name");
    }
    let paragraphs: Vec<Span> = doc
        .turns()
        .iter()
        .flat_map(|turn| doc.paragraphs(turn).iter().map(|p| p.span()))
        .collect();
    for dropped in doc.dropped() {
        fits(text, dropped.span, "dropped line");
        assert!(
            paragraphs
                .iter()
                .all(|p| dropped.span.end() <= p.start() || dropped.span.start() >= p.end()),
            "dropped line {:?} overlaps a paragraph",
            dropped.span
        );
    }
    assert!(
        doc.dropped()
            .windows(2)
            .all(|pair| pair[0].span.end() <= pair[1].span.start()),
        "dropped lines out of order"
    );
}

/// Every claim's fields point back to the exact bytes of `text`.
fn claims(text: &str, extraction: &Extraction) {
    let turns = &extraction.document.turns;
    let entity = |id: &Option<EntityId>, what: &str| {
        if let Some(id) = id {
            assert!(
                extraction.entities.iter().any(|e| &e.id == id),
                "{what} names entity {id} which is not in the extraction"
            );
        }
    };
    for record in &extraction.entities {
        for mention in &record.mentions {
            sliced(text, mention.span, &mention.text, "mention");
        }
    }
    let mut previous: Option<Span> = None;
    for claim in &extraction.claims {
        let id = &claim.id;
        sliced(text, claim.span, &claim.text, &format!("claim {id}"));
        sliced(
            text,
            claim.assertion_span,
            &claim.assertion,
            &format!("claim {id}: assertion"),
        );
        assert!(
            claim.span.contains(claim.assertion_span),
            "claim {id}: assertion span {:?} outside claim span {:?}",
            claim.assertion_span,
            claim.span
        );
        let Some(turn) = turns.get(claim.turn) else {
            panic!("claim {id}: turn {} of {} turns", claim.turn, turns.len());
        };
        assert!(
            turn.span.contains(claim.span),
            "claim {id}: span {:?} outside its turn {:?}",
            claim.span,
            turn.span
        );
        assert!(
            turn.sentences.iter().any(|s| s.contains(claim.span)),
            "claim {id}: span {:?} in none of its turn's sentences",
            claim.span
        );
        if let Some(previous) = previous {
            assert!(
                previous.start() <= claim.span.start(),
                "claims out of text order: {previous:?} then {:?}",
                claim.span
            );
        }
        previous = Some(claim.span);
        for (what, reference) in [
            ("actor", &claim.actor),
            ("attributed_to", &claim.attributed_to),
        ] {
            if let Some(reference) = reference {
                sliced(
                    text,
                    reference.span,
                    &reference.text,
                    &format!("claim {id}: {what}"),
                );
                entity(&reference.entity, what);
            }
        }
        entity(&claim.speaker_entity, "speaker_entity");
        for quantity in &claim.quantities {
            sliced(
                text,
                quantity.span,
                &quantity.text,
                &format!("claim {id}: quantity"),
            );
            assert!(
                claim.span.contains(quantity.span),
                "claim {id}: quantity {:?} outside the claim {:?}",
                quantity.span,
                claim.span
            );
        }
        for cue in &claim.cues {
            sliced(text, cue.span, &cue.text, &format!("claim {id}: cue"));
        }
    }
}

/// The lossy entry point: any bytes that `input::check` passes decode;
/// spans of its text map back to the original bytes.
fn lossy(data: &[u8]) {
    let lossy = match LossyText::decode(data) {
        Ok(lossy) => lossy,
        Err(error) => panic!("LossyText::decode refused bytes input::check passed: {error:?}"),
    };
    let text = lossy.text();
    match std::str::from_utf8(data) {
        Ok(strict) => {
            assert_eq!(text, strict, "lossy text of valid UTF-8 differs");
            assert!(
                !lossy.had_errors(),
                "lossy decode of valid UTF-8 had errors"
            );
        }
        Err(_) => assert!(
            lossy.had_errors(),
            "lossy decode of bad bytes had no errors"
        ),
    }
    assert_eq!(lossy.original_offset(0), 0, "offset 0 does not map to 0");
    assert_eq!(
        lossy.original_offset(text.len()),
        data.len(),
        "the end of the text does not map to the end of the bytes"
    );
    let mapped = |span: Span, what: &str, words: &str| {
        let original = lossy.original_span(span);
        assert!(
            original.start() <= original.end() && original.end() <= data.len(),
            "{what} {span:?} maps to {original:?}, outside {} bytes",
            data.len()
        );
        if !words.contains(char::REPLACEMENT_CHARACTER) {
            assert_eq!(
                &data[original.range()],
                words.as_bytes(),
                "{what} {span:?} maps to {original:?}, other bytes"
            );
        }
    };
    if !lossy.had_errors() {
        // Valid UTF-8: the strict run above covered the pipeline.
        return;
    }
    match claimtrack::extract(text) {
        Ok(extraction) => {
            claims(text, &extraction);
            for claim in &extraction.claims {
                mapped(claim.span, "claim", &claim.text);
                mapped(claim.assertion_span, "assertion", &claim.assertion);
            }
            for turn in &extraction.document.turns {
                mapped(turn.span, "turn", turn.span.slice(text));
            }
        }
        Err(Error::EmptyInput { .. }) => assert!(
            text.chars().all(blank),
            "lossy text with a non-blank char is empty input"
        ),
        Err(other) => panic!("extract failed on lossy text: {other:?}"),
    }
    if let Ok(doc) = Document::parse(text) {
        document(&doc);
    }
}
