//! Structural promises every parsed document keeps, checked on every seed
//! (and reused by the snapshot and format tests).

use claimtrack::{Document, Span};

/// Panics with a description of the first broken promise.
pub fn check(doc: &Document<'_>) {
    let text = doc.text();
    let fits = |span: Span, what: &str| {
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{what} {span:?} out of bounds"
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{what} {span:?} off a char boundary"
        );
    };
    let mut previous_end = 0;
    for turn in doc.turns() {
        fits(turn.span(), "turn");
        fits(turn.body(), "turn body");
        assert!(
            turn.span().start >= previous_end,
            "turns overlap or are out of order at {:?}",
            turn.span()
        );
        assert!(
            turn.span().contains(turn.body()),
            "body {:?} outside turn {:?}",
            turn.body(),
            turn.span()
        );
        previous_end = turn.span().end;
        if let Some(label) = turn.label() {
            fits(label, "label");
            assert!(turn.span().contains(label), "label outside its turn");
        }
        assert!(
            !doc.paragraphs(turn).is_empty(),
            "turn {:?} has no paragraph",
            turn.span()
        );
        for paragraph in doc.paragraphs(turn) {
            fits(paragraph.span(), "paragraph");
            assert!(
                turn.span().contains(paragraph.span()),
                "paragraph outside its turn"
            );
            assert!(
                paragraph.span().contains(paragraph.body()),
                "body outside its paragraph"
            );
            let mut sentence_end = paragraph.body().start;
            for &sentence in doc.paragraph_sentences(paragraph) {
                fits(sentence, "sentence");
                assert!(
                    paragraph.body().contains(sentence),
                    "sentence {sentence:?} outside its paragraph"
                );
                assert!(
                    sentence.start >= sentence_end,
                    "sentences overlap at {sentence:?}"
                );
                let words = doc.slice(sentence);
                assert!(
                    !words.is_empty() && words.trim() == words,
                    "sentence {sentence:?} not trimmed: {words:?}"
                );
                sentence_end = sentence.end;
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
    let paragraphs: Vec<Span> = doc
        .turns()
        .iter()
        .flat_map(|turn| doc.paragraphs(turn).iter().map(|p| p.span()))
        .collect();
    for dropped in doc.dropped() {
        fits(dropped.span, "dropped line");
        assert!(
            paragraphs
                .iter()
                .all(|p| dropped.span.end <= p.start || dropped.span.start >= p.end),
            "dropped line {:?} overlaps a paragraph",
            dropped.span
        );
    }
    assert!(
        doc.dropped()
            .windows(2)
            .all(|pair| pair[0].span.end <= pair[1].span.start),
        "dropped lines out of order"
    );
}
