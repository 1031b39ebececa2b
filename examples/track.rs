//! Tracks the claims of several interviews: repeats, contradictions,
//! disputes, refinements, resolved and open predictions.
//!
//! ```text
//! cargo run --release --example track -- [--db FILE] [--format text|json] INTERVIEW...
//! ```
//!
//! Each `INTERVIEW` is `PATH`, `PATH@DATE` or `PATH@DATE@SOURCE`: the date
//! is the publication date (`YYYY-MM-DD`), the source an id for the
//! document (the file name without extension by default). Files are added
//! in the order given; relations run from the earlier claim to the later by
//! date. With `--db FILE` the ledger is a SQLite file: what earlier runs
//! added is there, and each file is committed as it is added. After each
//! commit a line `added PATH: N claims` goes to stderr.
//!
//! - `text` (the default): the relations, each with both claims and why,
//!   then the open predictions.
//! - `json`: one object, `{"relations": [{"kind", "outcome", "from":
//!   {"file", "date", "speaker", "span": [start, end], "text"}, "to": {…},
//!   "why"}], "open_predictions": [{"file", "date", "speaker", "span",
//!   "text"}]}`; spans are byte offsets into each file.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use claimtrack::ledger::{Ledger, TrackedClaim};
use serde_json::json;

#[path = "support/exit.rs"]
mod exit;
#[path = "support/input.rs"]
mod input;
#[path = "support/stdout.rs"]
mod stdout;

const USAGE: &str = "usage: track [--db FILE] [--format text|json] PATH[@YYYY-MM-DD[@SOURCE]]...";

struct Options {
    db: Option<String>,
    json: bool,
    inputs: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        db: None,
        json: false,
        inputs: Vec::new(),
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" => options.db = Some(args.next().ok_or(USAGE)?),
            "--format" => {
                options.json = match args.next().as_deref() {
                    Some("json") => true,
                    Some("text") => false,
                    other => return Err(format!("unknown format {other:?}\n{USAGE}")),
                }
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ => options.inputs.push(arg),
        }
    }
    if options.inputs.is_empty() && options.db.is_none() {
        return Err(USAGE.to_string());
    }
    Ok(options)
}

fn main() -> ExitCode {
    exit::code(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let options = parse_args()?;
    let mut ledger = match &options.db {
        Some(path) => Ledger::open(path).map_err(|e| e.to_string())?,
        None => Ledger::new(),
    };
    // Source id → the file it came from, for the report.
    let mut files: HashMap<String, String> = HashMap::new();
    for input in &options.inputs {
        let (source, path) = input::source(input)?;
        let id = source.id.clone();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let extraction = claimtrack::extract(&text).map_err(|e| format!("{path}: {e}"))?;
        let report = ledger
            .add(source, &extraction)
            .map_err(|e| format!("{path}: {e}"))?;
        eprintln!("added {path}: {} claims", report.added);
        let _ = std::io::stderr().flush();
        files.insert(id, path);
    }
    let place = |claim: &TrackedClaim| {
        json!({
            "file": files.get(&claim.source).cloned().unwrap_or_else(|| claim.source.clone()),
            "date": claim.date,
            "speaker": claim.speaker,
            "span": [claim.span.start(), claim.span.end()],
            "text": claim.text,
        })
    };
    let relations: Vec<serde_json::Value> = ledger
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
    let open: Vec<serde_json::Value> = ledger.open_predictions().map(place).collect();
    let mut out = String::new();
    if options.json {
        let report = json!({"relations": relations, "open_predictions": open});
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        writeln!(out, "{text}")?;
        return Ok(stdout::print(&out)?);
    }
    writeln!(
        out,
        "{} sources, {} claims, {} entities, {} relations, {} open predictions",
        ledger.sources().len(),
        ledger.claims().len(),
        ledger.entities().len(),
        relations.len(),
        open.len()
    )?;
    let line = |value: &serde_json::Value| {
        format!(
            "{} {} [{}..{}] {}: {}",
            value["date"].as_str().unwrap_or("-"),
            value["file"].as_str().unwrap_or("-"),
            value["span"][0],
            value["span"][1],
            value["speaker"].as_str().unwrap_or("-"),
            value["text"].as_str().unwrap_or("")
        )
    };
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
    Ok(stdout::print(&out)?)
}
