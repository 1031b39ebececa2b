//! Writes one self-contained HTML report of interview files: the
//! conversation with every claim highlighted, a filterable list of claims
//! with their fields, and, for several files, the relations between their
//! claims.
//!
//! ```text
//! cargo run --release --example report -- [--title TITLE] [-o OUT.html] INTERVIEW...
//! ```
//!
//! Each `INTERVIEW` is `PATH`, `PATH@DATE` or `PATH@DATE@SOURCE`, as in the
//! `track` example: the date (`YYYY-MM-DD`) orders the claims in the
//! ledger, the source id (the file name without extension by default)
//! makes the claims' ids. With more than one file the claims are added to
//! one ledger and the report shows its relations and open predictions. The
//! page is written to OUT.html (default `report.html`).

use std::process::ExitCode;

use claimtrack::Extraction;
use claimtrack::ledger::{Ledger, Source};
use claimtrack::report::Report;

#[path = "support/exit.rs"]
mod exit;
#[path = "support/input.rs"]
mod input;

const USAGE: &str = "usage: report [--title TITLE] [-o OUT.html] PATH[@YYYY-MM-DD[@SOURCE]]...";

struct Options {
    output: String,
    title: Option<String>,
    inputs: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        output: "report.html".to_string(),
        title: None,
        inputs: Vec::new(),
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--output" => options.output = args.next().ok_or(USAGE)?,
            "--title" => options.title = Some(args.next().ok_or(USAGE)?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ => options.inputs.push(arg),
        }
    }
    if options.inputs.is_empty() {
        return Err(USAGE.to_string());
    }
    Ok(options)
}

fn main() -> ExitCode {
    exit::code(run())
}

fn run() -> Result<(), String> {
    let options = parse_args()?;
    let mut documents: Vec<(Source, String, Extraction)> = Vec::new();
    for input in &options.inputs {
        let (source, path) = input::source(input)?;
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let extraction = claimtrack::extract(&text).map_err(|e| format!("{path}: {e}"))?;
        documents.push((source, text, extraction));
    }
    // One document needs no ledger: it has no relations to show.
    let ledger = if documents.len() > 1 {
        let mut ledger = Ledger::new();
        for (source, _, extraction) in &documents {
            ledger
                .add(source.clone(), extraction)
                .map_err(|e| format!("{}: {e}", source.id))?;
        }
        Some(ledger)
    } else {
        None
    };
    let mut report = Report::new();
    if let Some(title) = &options.title {
        report.title(title);
    }
    for (source, text, extraction) in &documents {
        report.document(extraction, text, source);
    }
    if let Some(ledger) = &ledger {
        report.ledger(ledger);
    }
    std::fs::write(&options.output, report.to_html())
        .map_err(|e| format!("{}: {e}", options.output))?;
    let claims: usize = documents.iter().map(|(_, _, e)| e.claims.len()).sum();
    let relations = ledger.as_ref().map_or(0, |l| l.relations().len());
    eprintln!(
        "wrote {}: documents {}, claims {claims}, relations {relations}",
        options.output,
        documents.len(),
    );
    Ok(())
}
