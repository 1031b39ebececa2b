//! `Extraction::render` and the claim ids: what a snapshot of one's own
//! extraction shows, and what it ignores.

use std::collections::HashSet;

use claimtrack::export::claims_csv;
use claimtrack::ledger::Source;

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!("seeds/{name}")).expect("readable seed")
}

/// The seed with a word added to its headline (its first line).
fn with_longer_headline(text: &str) -> String {
    let end = text.find('\n').expect("a first line");
    format!("{} (video){}", &text[..end], &text[end..])
}

fn changed_lines(before: &str, after: &str) -> usize {
    let before: HashSet<&str> = before.lines().collect();
    after.lines().filter(|line| !before.contains(line)).count()
}

#[test]
fn a_word_added_to_the_headline_changes_no_line_and_no_id() {
    let text = seed("minsk-analyst-interview.txt");
    let longer = with_longer_headline(&text);
    let before = claimtrack::extract(&text).expect("extracts");
    let after = claimtrack::extract(&longer).expect("extracts");
    assert_eq!(before.render(), after.render());
    // The JSON, with its byte offsets, changes on every claim.
    let json = |e: &claimtrack::Extraction| serde_json::to_string_pretty(e).expect("json");
    assert!(changed_lines(&json(&before), &json(&after)) > before.claims.len());

    let ids: Vec<_> = before.claims.iter().map(|c| &c.id).collect();
    assert_eq!(ids, after.claims.iter().map(|c| &c.id).collect::<Vec<_>>());
    let source = Source::new("minsk");
    let csv_ids = |e: &claimtrack::Extraction, text: &str| -> Vec<String> {
        claims_csv(e, text, &source)
            .split("\r\n")
            .skip(1)
            .filter_map(|row| row.split(',').next().map(str::to_string))
            .collect()
    };
    assert_eq!(csv_ids(&before, &text), csv_ids(&after, &longer));
}

#[test]
fn a_certainty_change_shows_as_its_claim_and_cue_lines() {
    let text = seed("minsk-analyst-interview.txt");
    let sure = "Putin stabilizes his internal position.";
    assert!(text.contains(sure));
    let hedged = text.replace(sure, "Putin probably stabilizes his internal position.");
    let before = claimtrack::extract(&text).expect("extracts").render();
    let after = claimtrack::extract(&hedged).expect("extracts").render();
    assert_eq!(changed_lines(&before, &after), 2, "{after}");
    assert!(
        after.contains("positive, probable, asserted, present"),
        "{after}"
    );
    assert!(after.contains("cues: certainty \"probably\""), "{after}");
}

#[test]
fn every_claim_id_is_unique_in_every_seed() {
    for entry in std::fs::read_dir("seeds").expect("seeds") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("readable seed");
        let extraction = claimtrack::extract(&text).expect("extracts");
        let ids: HashSet<_> = extraction.claims.iter().map(|c| &c.id).collect();
        assert_eq!(ids.len(), extraction.claims.len(), "{}", path.display());
        for claim in &extraction.claims {
            assert_eq!(extraction.claim(&claim.id), Some(claim));
        }
    }
}
