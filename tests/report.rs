//! The HTML report: `claimtrack report` run as a user runs it, and the
//! library's `Report` over every seed.

use claimtrack::ledger::{Ledger, Source};
use claimtrack::report::Report;

#[cfg(feature = "cli")]
use crate::examples::claimtrack;
use crate::gold;

/// The `id`s of the page's `mark[data-claim]` elements.
fn anchors(html: &str) -> Vec<&str> {
    html.split(" data-claim id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[cfg(feature = "cli")]
fn report(inputs: &[String], name: &str) -> String {
    let output = std::env::temp_dir().join(format!("claimtrack-{}-{name}", std::process::id()));
    let status = claimtrack()
        .arg("report")
        .args(inputs)
        .arg("-o")
        .arg(&output)
        .status()
        .expect("claimtrack report runs");
    assert!(status.success());
    let html = std::fs::read_to_string(&output).unwrap();
    std::fs::remove_file(&output).unwrap();
    html
}

#[cfg(feature = "cli")]
#[test]
fn report_command_writes_one_highlight_per_claim() {
    let seed = gold::root().join("seeds/minsk-analyst-interview.txt");
    let html = report(&[seed.to_str().unwrap().to_string()], "minsk.html");
    let claims = claimtrack::extract(&std::fs::read_to_string(&seed).unwrap())
        .unwrap()
        .claims;
    assert_eq!(anchors(&html).len(), claims.len());
    assert!(!html.contains("id=\"relations\""), "one file has no ledger");
    assert!(html.contains("<h2>minsk-analyst-interview</h2>"));
}

#[cfg(feature = "cli")]
#[test]
fn report_command_links_the_relations_of_dated_files() {
    let dated = [
        "series-2025-02-11-amber-link-minister-interview.txt@2025-02-11",
        "series-2025-05-20-amber-link-vilnius-briefing.txt@2025-05-20",
        "series-2025-09-03-amber-link-baltmar-ceo.txt@2025-09-03",
        "series-2026-01-27-amber-link-sejm-hearing.txt@2026-01-27",
    ];
    let inputs: Vec<String> = dated
        .iter()
        .map(|d| {
            gold::root()
                .join("seeds")
                .join(d)
                .to_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let html = report(&inputs, "series.html");
    let ids = anchors(&html);
    assert_eq!(ids.len(), 254);
    let relations: Vec<&str> = html.split("<li class=\"relation ").skip(1).collect();
    assert_eq!(relations.len(), 11);
    for relation in relations {
        let item = relation.split("</li>").next().unwrap();
        let links: Vec<&str> = item
            .split("<a href=\"#")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(links.len(), 2, "{item}");
        assert!(links.iter().all(|id| ids.contains(id)), "{item}");
    }
    assert!(html.contains("<p>4 documents, 254 claims, 11 relations</p>"));
}

#[test]
fn report_of_every_seed_shows_every_claim_and_escapes_the_text() {
    let mut ledger = Ledger::new();
    let mut documents = Vec::new();
    for entry in std::fs::read_dir(gold::root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let extraction = claimtrack::extract(&text).unwrap();
            let id = path.file_stem().unwrap().to_string_lossy().into_owned();
            ledger.add(Source::new(&id), &extraction).unwrap();
            documents.push((Source::new(&id), text, extraction));
        }
    }
    let mut builder = Report::new();
    for (source, text, extraction) in &documents {
        builder.document(extraction, text, source);
    }
    let html = builder.ledger(&ledger).to_html();
    let claims: usize = documents.iter().map(|(_, _, e)| e.claims.len()).sum();
    let ids = anchors(&html);
    assert_eq!(ids.len(), claims);
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), claims);
    assert_eq!(html.matches("<script").count(), 1);
    assert_eq!(
        html.matches("<mark ").count(),
        html.matches("</mark>").count()
    );
}
