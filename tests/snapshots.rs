//! One named snapshot of the turn and sentence structure per seed file.
//! Review a changed snapshot like code: every line is a turn, a sentence
//! or a dropped line the parser now produces.

use std::fmt::Write;

use claimtrack::Document;

use crate::invariants;

fn render(doc: &Document<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "layout: {:?}", doc.layout());
    for speaker in doc.speakers() {
        let _ = writeln!(
            out,
            "speaker: {} ({:?}, {} turns)",
            doc.slice(speaker.name()),
            speaker.side(),
            speaker.turns()
        );
    }
    for turn in doc.turns() {
        let _ = writeln!(
            out,
            "\n{:?} {} {:?}",
            turn.role(),
            doc.speaker_name(turn).unwrap_or("-"),
            turn.span().range()
        );
        for paragraph in doc.paragraphs(turn) {
            let _ = writeln!(out, "  paragraph {:?}", paragraph.body().range());
            for sentence in doc.paragraph_sentences(paragraph) {
                let _ = writeln!(
                    out,
                    "    {:?} {}",
                    sentence.range(),
                    doc.slice(*sentence).replace(['\r', '\n'], " ")
                );
            }
        }
    }
    for dropped in doc.dropped() {
        let _ = writeln!(
            out,
            "\ndropped {:?} {:?} {}",
            dropped.reason,
            dropped.span.range(),
            doc.slice(dropped.span)
        );
    }
    out
}

#[test]
fn seed_structure() {
    insta::glob!("../seeds", "*.txt", |path| {
        let bytes = std::fs::read(path).expect("readable seed");
        let doc = Document::from_bytes(&bytes).expect("seed parses");
        invariants::check(&doc);
        insta::assert_snapshot!(render(&doc));
    });
}

/// The JSON output of every seed, one entity or claim per line so that a
/// change shows as the lines it touches.
#[test]
fn seed_claims() {
    insta::glob!("../seeds", "*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("readable seed");
        let extraction = claimtrack::extract(&text).expect("seed extracts");
        let mut out = String::new();
        for entity in &extraction.entities {
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string(entity).expect("serializes")
            );
        }
        for claim in &extraction.claims {
            assert_eq!(
                claim.span.slice(&text),
                claim.text,
                "claim text is its span"
            );
            let _ = writeln!(out, "{}", serde_json::to_string(claim).expect("serializes"));
        }
        insta::assert_snapshot!(out);
    });
}
