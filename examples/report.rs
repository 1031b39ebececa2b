//! Writes one self-contained HTML page of an interview file: the
//! conversation with every claim highlighted, and a filterable list of the
//! claims with their fields.
//!
//! ```text
//! cargo run --example report -- seeds/minsk-analyst-interview.txt report.html
//! ```
//!
//! `claimtrack report` also takes several dated files and shows the
//! relations between their claims.

use std::error::Error;

use claimtrack::ledger::Source;
use claimtrack::report::Report;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: cargo run --example report -- FILE [OUT.html]")?;
    let output = args.next().unwrap_or_else(|| "report.html".to_string());
    let text = claimtrack::input::read_file(&path)?;
    let extraction = claimtrack::extract(&text)?;
    // The source's id (here the path) heads the document on the page and
    // makes the claims' ids.
    let source = Source::new(&path);
    let mut report = Report::new();
    report.document(&extraction, &text, &source);
    std::fs::write(&output, report.to_html())?;
    println!("wrote {output}: {} claims", extraction.claims.len());
    Ok(())
}
