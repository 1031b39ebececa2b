//! Adds dated interview files to one ledger and prints what it finds
//! between their claims: repeats, contradictions, disputes, refinements,
//! resolved predictions, then the predictions still open.
//!
//! ```text
//! cargo run --example track -- \
//!     seeds/series-2025-02-11-amber-link-minister-interview.txt@2025-02-11 \
//!     seeds/series-2025-09-03-amber-link-baltmar-ceo.txt@2025-09-03
//! ```
//!
//! `claimtrack track` does the same with a SQLite file (`--db`) and JSON
//! output (`--format json`).

use std::error::Error;

use claimtrack::ledger::{Ledger, Source, TrackedClaim};

fn main() -> Result<(), Box<dyn Error>> {
    let mut ledger = Ledger::new();
    for arg in std::env::args().skip(1) {
        let (path, date) = arg
            .split_once('@')
            .ok_or("usage: cargo run --example track -- FILE@YYYY-MM-DD...")?;
        let text = claimtrack::input::read_file(path)?;
        let extraction = claimtrack::extract(&text)?;
        // The source: an id for the document (here its path), and the date
        // that orders its claims against the others'.
        let source = Source::new(path).date(date)?;
        let added = ledger.add(source, &extraction)?;
        println!("{path}: {} claims", added.added);
    }
    for relation in ledger.relations() {
        let (Some(from), Some(to)) = (ledger.claim(&relation.from), ledger.claim(&relation.to))
        else {
            continue;
        };
        println!("\n{}: {}", relation.kind, relation.why);
        for claim in [from, to] {
            println!("  {} {}", date(claim), claim.text);
        }
    }
    println!("\nopen predictions:");
    for prediction in ledger.open_predictions() {
        println!("  {} {}", date(prediction), prediction.text);
    }
    Ok(())
}

/// The date of the claim's source, or "-".
fn date(claim: &TrackedClaim) -> String {
    claim
        .date
        .map_or_else(|| "-".to_string(), |date| date.to_string())
}
