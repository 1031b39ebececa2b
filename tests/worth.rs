//! Check-worthiness on the seeds: every claim has a score in [0, 1] whose
//! features are named and point at their words, and the report lists the
//! claims most worth checking first.

use claimtrack::claim::CHECK_WORTHINESS_FEATURES;
use claimtrack::ledger::Source;
use claimtrack::report::Report;

#[test]
fn every_seed_claim_has_an_explained_score() {
    for entry in std::fs::read_dir("seeds").expect("seeds") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("text");
        let extraction = claimtrack::extract(&text).expect("claims");
        for claim in &extraction.claims {
            let worth = &claim.check_worthiness;
            assert!((0.0..=1.0).contains(&worth.score), "{}", claim.text);
            assert!(!worth.features.is_empty(), "{}", claim.text);
            for feature in &worth.features {
                assert!(CHECK_WORTHINESS_FEATURES.contains(&feature.name.as_str()));
                if let (Some(span), Some(words)) = (feature.span, &feature.text) {
                    assert_eq!(span.slice(&text), words);
                    // The actor's words may stand before the claim ("We
                    // don't believe and will continue …").
                    let actor = matches!(feature.name.as_str(), "named_actor" | "first_person");
                    assert!(
                        claim.span.contains(span) || actor,
                        "{} {}",
                        feature.name,
                        claim.text
                    );
                }
            }
        }
    }
}

#[test]
fn a_figure_outranks_an_opinion() {
    let extraction = claimtrack::extract(
        "Q: How is trade?\n\nA: I think we are doing great. Our exports to Canada rose \
         12 percent last year, to $31.4 billion.",
    )
    .expect("claims");
    let score = |words: &str| {
        extraction
            .claims
            .iter()
            .find(|c| c.text.contains(words))
            .map(|c| c.check_worthiness.score)
            .expect("a claim with those words")
    };
    assert!(score("rose 12 percent") > score("doing great"));
}

#[test]
fn the_report_lists_the_claims_most_worth_checking_first() {
    let text = std::fs::read_to_string("seeds/white-house-gaggle.txt").expect("seed");
    let extraction = claimtrack::extract(&text).expect("claims");
    let source = Source::new("gaggle");
    let html = Report::new()
        .document(&extraction, &text, &source)
        .to_html();
    let worths: Vec<f64> = html
        .split("data-worth=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect();
    assert_eq!(worths.len(), extraction.claims.len());
    assert!(worths.windows(2).all(|pair| pair[0] >= pair[1]));
    assert_eq!(
        html.matches("data-field=\"check_worthiness\"").count(),
        extraction.claims.len()
    );
}
