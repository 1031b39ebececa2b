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

/// The claims of every seed as `Extraction::render` shows them: a line per
/// claim and a line of its cues, under its turn.
#[test]
fn seed_claims() {
    insta::glob!("../seeds", "*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("readable seed");
        let extraction = claimtrack::extract(&text).expect("seed extracts");
        for claim in &extraction.claims {
            assert_eq!(
                claim.span.slice(&text),
                claim.text,
                "claim text is its span"
            );
        }
        insta::assert_snapshot!(extraction.render());
    });
}

/// The entities of every seed: a line per entity with its name, kind,
/// spellings and links, then a line per mention with its kind, words and,
/// for a reference, the mention it was resolved through. Entity kinds come
/// from the gazetteers, so without the `gazetteer` feature some differ.
#[test]
#[cfg(feature = "gazetteer")]
fn seed_entities() {
    insta::glob!("../seeds", "*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("readable seed");
        let extraction = claimtrack::extract(&text).expect("seed extracts");
        let name_of = |id: &str| {
            extraction
                .entities
                .iter()
                .find(|e| e.id == id)
                .map_or(String::new(), |e| format!("{id} {}", e.name))
        };
        let mut out = String::new();
        for entity in &extraction.entities {
            let _ = writeln!(
                out,
                "\n{} {} ({:?}) aliases {:?}",
                entity.id, entity.name, entity.kind, entity.aliases
            );
            if let Some(country) = &entity.country {
                let _ = writeln!(out, "  country: {}", name_of(country.as_str()));
            }
            if let Some(side) = &entity.affiliation {
                let _ = writeln!(out, "  affiliation: {}", name_of(side.as_str()));
            }
            if !entity.ambiguous_with.is_empty() {
                let names: Vec<String> = entity
                    .ambiguous_with
                    .iter()
                    .map(|id| name_of(id.as_str()))
                    .collect();
                let _ = writeln!(out, "  ambiguous with: {}", names.join(", "));
            }
            if !entity.described_as.is_empty() {
                let _ = writeln!(out, "  described as: {}", entity.described_as.join(", "));
            }
            for mention in &entity.mentions {
                assert_eq!(
                    mention.span.slice(&text),
                    mention.text,
                    "mention text is its span"
                );
                let through = mention
                    .antecedent
                    .map(|a| format!(" <- {:?} {:?}", a.range(), a.slice(&text)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  {:?} {:?} {:?}{through}",
                    mention.span.range(),
                    mention.kind,
                    mention.text
                );
            }
        }
        insta::assert_snapshot!(out);
    });
}
