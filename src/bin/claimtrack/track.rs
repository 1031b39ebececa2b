//! `claimtrack track`: the claims of several interviews in one ledger, and
//! what it finds between them.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use claimtrack::ledger::{Ledger, TrackedClaim};
use serde_json::{Value, json};

use crate::Interview;

/// Track claims across interviews and time.
///
/// The ledger finds repeats, contradictions, disputes, refinements, and
/// predictions a later claim resolves or that are still open. Files are added in the order given; relations run from the earlier claim
/// to the later by date. After each file is added (and, with --db,
/// committed) a line `added PATH: N claims` goes to standard error.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Interview files, each PATH, PATH@DATE or PATH@DATE@SOURCE: the
    /// publication date (YYYY-MM-DD) orders the claims, the source id (the
    /// file name without extension by default) names the document.
    #[arg(
        value_name = "PATH[@YYYY-MM-DD[@SOURCE]]",
        required_unless_present = "db"
    )]
    interviews: Vec<Interview>,
    /// Keep the ledger in this SQLite file: what earlier runs added is
    /// there, and each file is committed as it is added.
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
    /// What to print.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Counts, the relations with both claims and why, then the open
    /// predictions.
    Text,
    /// One object: `{"relations": [{"kind", "outcome", "from": {"file",
    /// "date", "speaker", "span", "text"}, "to": {…}, "why"}],
    /// "open_predictions": [{"file", "date", "speaker", "span", "text"}]}`;
    /// spans are byte offsets into each file.
    Json,
}

pub fn run(args: &Args) -> crate::Outcome {
    let mut ledger = match &args.db {
        Some(path) => Ledger::open(path).map_err(|e| format!("{}: {e}", path.display()))?,
        None => Ledger::new(),
    };
    // Source id → the file it came from, for the report.
    let mut files: HashMap<String, String> = HashMap::new();
    for interview in &args.interviews {
        let (_, extraction) = interview.extract()?;
        let report = ledger
            .add(interview.source.clone(), &extraction)
            .map_err(|e| format!("{}: {e}", interview.path))?;
        eprintln!("added {}: {} claims", interview.path, report.added);
        let _ = std::io::stderr().flush();
        files.insert(interview.source.id.clone(), interview.path.clone());
    }
    let place = |claim: &TrackedClaim| {
        let span = claim.span.range();
        json!({
            "file": files.get(&claim.source).unwrap_or(&claim.source),
            "date": claim.date,
            "speaker": claim.speaker,
            "span": [span.start, span.end],
            "text": claim.text,
        })
    };
    let relations: Vec<Value> = ledger
        .relations()
        .iter()
        .filter_map(|relation| {
            let from = ledger.claim(&relation.from)?;
            let to = ledger.claim(&relation.to)?;
            Some(json!({
                "kind": relation.kind,
                "outcome": relation.outcome,
                "from": place(from),
                "to": place(to),
                "why": relation.why,
            }))
        })
        .collect();
    let open: Vec<Value> = ledger.open_predictions().map(place).collect();
    let mut out = String::new();
    match args.format {
        Format::Json => {
            let report = json!({"relations": relations, "open_predictions": open});
            writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        }
        Format::Text => {
            writeln!(
                out,
                "{} sources, {} claims, {} entities, {} relations, {} open predictions",
                ledger.sources().len(),
                ledger.claims().len(),
                ledger.entities().len(),
                relations.len(),
                open.len()
            )?;
            writeln!(out, "\nrelations:")?;
            for relation in &relations {
                let kind = relation["kind"].as_str().unwrap_or("");
                let outcome = relation["outcome"]
                    .as_str()
                    .map(|o| format!(" ({o})"))
                    .unwrap_or_default();
                writeln!(out, "\n{kind}{outcome}")?;
                writeln!(out, "  earlier: {}", line(&relation["from"]))?;
                writeln!(out, "  later:   {}", line(&relation["to"]))?;
                writeln!(out, "  why:     {}", relation["why"].as_str().unwrap_or(""))?;
            }
            writeln!(out, "\nopen predictions:")?;
            for prediction in &open {
                writeln!(out, "  {}", line(prediction))?;
            }
        }
    }
    Ok(crate::print(&out)?)
}

/// One claim on one line: date, file, span, speaker and text.
fn line(place: &Value) -> String {
    format!(
        "{} {} [{}..{}] {}: {}",
        place["date"].as_str().unwrap_or("-"),
        place["file"].as_str().unwrap_or("-"),
        place["span"][0],
        place["span"][1],
        place["speaker"].as_str().unwrap_or("-"),
        place["text"].as_str().unwrap_or("")
    )
}
