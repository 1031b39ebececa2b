use super::*;
use crate::ledger::Ledger;

const SEED: &str = include_str!("../../seeds/minsk-analyst-interview.txt");

fn page(text: &str) -> (String, Extraction) {
    let extraction = crate::extract(text).unwrap();
    let source = Source::new("doc");
    let html = Report::new().document(&extraction, text, &source).to_html();
    (html, extraction)
}

/// The ids of the `mark[data-claim]` elements, in page order.
fn anchors(html: &str) -> Vec<&str> {
    html.split(" data-claim id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[test]
fn script_in_a_document_renders_as_text() {
    let text = "Q: What did he write?\n\nA: He wrote <script>alert('x')</script> and <b>left</b> & went home.";
    let (html, _) = page(text);
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("&lt;b&gt;left&lt;/b&gt; &amp; went"));
    // The page's own script is the only one.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<b>left"));
}

#[test]
fn one_highlight_per_claim_for_the_seed() {
    let (html, extraction) = page(SEED);
    let ids = anchors(&html);
    assert_eq!(ids.len(), extraction.claims.len());
    let expected: Vec<String> = extraction
        .claims
        .iter()
        .map(|c| claim_id("doc", &c.id))
        .collect();
    let mut sorted_ids: Vec<&str> = ids.clone();
    sorted_ids.sort_unstable();
    let mut sorted_expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    sorted_expected.sort_unstable();
    assert_eq!(sorted_ids, sorted_expected);
    // Each claim has a list item and its fields.
    for id in &expected {
        assert!(
            html.contains(&format!("<li data-claim-id=\"{id}\"")),
            "{id}"
        );
    }
    assert_eq!(
        html.matches("<dl class=\"fields\">").count(),
        expected.len()
    );
}

#[test]
fn every_seed_shows_each_claim_once_and_keeps_its_text() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let (html, extraction) = page(&text);
        assert_eq!(
            anchors(&html).len(),
            extraction.claims.len(),
            "{}",
            path.display()
        );
        assert!(!html.contains("class=\"unplaced\""), "{}", path.display());
    }
}

#[test]
fn overlapping_claims_nest_their_marks() {
    // The headline and the answer each hold a frame around a proposition,
    // and a sentence of two clauses.
    let text = "Q: And the talks?\n\nA: It seems that Putin will sign the treaty, and Lukashenka said that Minsk would not.";
    let (html, extraction) = page(text);
    assert_eq!(anchors(&html).len(), extraction.claims.len());
    // Marks open and close in pairs: the markup nests.
    assert_eq!(
        html.matches("<mark ").count(),
        html.matches("</mark>").count()
    );
}

#[test]
fn a_claim_outside_every_paragraph_is_shown_apart() {
    let text = "Q: Why?\n\nA: Putin signed it.";
    let mut extraction = crate::extract(text).unwrap();
    let claim = extraction.claims.first_mut().unwrap();
    claim.span = Span::new(0, 0);
    claim.cues.clear();
    let source = Source::new("doc");
    let html = Report::new().document(&extraction, text, &source).to_html();
    assert_eq!(anchors(&html).len(), extraction.claims.len());
    assert!(html.contains("<p class=\"unplaced\">"));
}

#[test]
fn negation_hedging_and_cues_are_marked() {
    let text = "Q: Will he sign?\n\nA: It is unlikely that Putin will sign any document.";
    let (html, extraction) = page(text);
    let claim = extraction.claims.first().unwrap();
    assert_eq!(
        (claim.polarity, claim.certainty),
        (Polarity::Negative, Certainty::Probable)
    );
    assert!(
        html.contains("class=\"claim stance-asserted negative hedged\""),
        "{html}"
    );
    let id = claim_id("doc", &claim.id);
    assert!(html.contains(&format!("<span class=\"cue\" data-cue-of=\"{id}\">")));
}

#[test]
fn the_ledger_adds_relations_linked_to_both_claims() {
    let february = "Q: When?\n\nA: Amber Link will deliver its first power in December.";
    let january = "Q: And?\n\nA: Amber Link did not deliver any electricity in December.";
    let first = crate::extract(february).unwrap();
    let second = crate::extract(january).unwrap();
    let feb = Source::new("feb").date("2025-02-11").unwrap();
    let jan = Source::new("jan").date("2026-01-27").unwrap();
    let mut ledger = Ledger::new();
    ledger.add(feb.clone(), &first).unwrap();
    ledger.add(jan.clone(), &second).unwrap();
    let relation = ledger.relations().first().unwrap().clone();
    let html = Report::new()
        .document(&first, february, &feb)
        .document(&second, january, &jan)
        .ledger(&ledger)
        .to_html();
    assert!(html.contains("<section id=\"relations\">"));
    assert!(html.contains(
        "<li class=\"relation kind-resolves\" data-kind=\"resolves\"><b>resolves (refuted)</b>"
    ));
    for id in [&relation.from, &relation.to] {
        assert!(html.contains(&format!("<a href=\"#{id}\">")), "{id}");
        assert!(html.contains(&format!(" data-claim id=\"{id}\"")), "{id}");
    }
    // The claim's fields name the relation too.
    assert!(html.contains("<dd data-field=\"relations\">"));
    assert!(html.contains("Open predictions (0)"));
}

#[test]
fn the_page_is_self_contained() {
    let (html, _) = page(SEED);
    for external in ["src=", "<link", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
}
