//! Turn structure of every seed against its gold file.

use claimtrack::{Document, Role};

use crate::gold;

#[test]
fn every_gold_document_has_at_least_nine() {
    assert!(
        gold::all().len() >= 9,
        "the seeds need their gold structure files"
    );
}

#[test]
fn turns_and_dropped_lines_match_gold() {
    let mut failures = Vec::new();
    for (gold, text) in gold::all() {
        let doc = Document::parse(&text).expect("seed parses");
        let got: Vec<String> = doc
            .turns()
            .iter()
            .map(|turn| {
                let body = doc.slice(turn.body());
                format!(
                    "{} {:?} {:?}",
                    turn.role().as_str(),
                    doc.speaker_name(turn),
                    body.chars().take(40).collect::<String>()
                )
            })
            .collect();
        let expected: Vec<String> = gold
            .turns
            .iter()
            .map(|turn| {
                format!(
                    "{} {:?} {:?}",
                    turn.role,
                    turn.speaker.as_deref(),
                    turn.starts
                )
            })
            .collect();
        let matches = got.len() == expected.len()
            && doc.turns().iter().zip(&gold.turns).all(|(turn, want)| {
                turn.role().as_str() == want.role
                    && doc.speaker_name(turn) == want.speaker.as_deref()
                    && doc.slice(turn.body()).starts_with(&want.starts)
            });
        if !matches {
            failures.push(format!(
                "{}: turns differ\n  expected:\n    {}\n  got:\n    {}",
                gold.document,
                expected.join("\n    "),
                got.join("\n    ")
            ));
        }
        let dropped: Vec<&str> = doc.dropped().iter().map(|d| doc.slice(d.span)).collect();
        if dropped != gold.dropped {
            failures.push(format!(
                "{}: dropped differ\n  expected {:?}\n  got      {:?}",
                gold.document, gold.dropped, dropped
            ));
        }
        if let Some(layout) = &gold.layout {
            let got = doc.layout();
            if got.as_str() != layout {
                failures.push(format!("{}: layout {got} expected {layout}", gold.document));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn labels_glued_to_their_text_read_like_spaced_ones() {
    let spaced = "Port talks\n\nQ: Did the minister sign?\n\nA: She signed it on Monday.\n\nQ: What next?\n\nA: The ministry will publish it.\n";
    let glued = spaced.replace(": ", ":");
    let roles = |text: &str| -> Vec<(Role, Option<String>, String)> {
        let doc = Document::parse(text).expect("parses");
        doc.turns()
            .iter()
            .map(|turn| {
                (
                    turn.role(),
                    turn.label().map(|label| doc.slice(label).to_string()),
                    doc.slice(turn.body()).to_string(),
                )
            })
            .collect()
    };
    let expected = roles(spaced);
    assert_eq!(expected.len(), 5);
    assert_eq!(roles(&glued), expected);
}
