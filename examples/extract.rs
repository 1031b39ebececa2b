//! Extracts the claims of an interview file.
//!
//! ```text
//! cargo run --release --example extract -- [--format table|json|jsonl] [--layout LAYOUT] [--entities TSV] FILE
//! ```
//!
//! - `table` (the default): the turns, the entities with their kind and
//!   number of mentions, then one aligned row per claim — kind, actor,
//!   polarity, certainty, evidence, time and the claim text — and the
//!   dropped lines.
//! - `json`: one object with `layout`, `turns`, `speakers`, `dropped`,
//!   `entities` and `claims`; spans are UTF-8 byte offsets into FILE.
//! - `jsonl`: one claim per line.
//!
//! `--layout bare|qa_labels|speaker_labels|emphasis` forces a layout.
//! `--entities TSV` adds a newsroom's own entities and spellings, one a
//! line: `name<TAB>kind<TAB>other spellings` (see
//! `examples/newsroom-entities.tsv`).

use std::process::ExitCode;

use claimtrack::claim::{Claim, ClaimKind, Extraction, Extractor};
use claimtrack::entity::Recognizer;
use claimtrack::{Layout, ParserBuilder};

const USAGE: &str = "usage: extract [--format table|json|jsonl] [--layout bare|qa_labels|speaker_labels|emphasis] [--entities TSV] FILE";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Jsonl,
}

struct Options {
    path: String,
    format: Format,
    layout: Option<Layout>,
    entities: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut format = Format::Table;
    let mut layout = None;
    let mut entities = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                format = match args.next().as_deref() {
                    Some("table" | "text") => Format::Table,
                    Some("json") => Format::Json,
                    Some("jsonl") => Format::Jsonl,
                    other => return Err(format!("unknown format {other:?}\n{USAGE}")),
                }
            }
            "--layout" => {
                let name = args.next().unwrap_or_default();
                let parsed = serde_json::from_value(serde_json::Value::String(name.clone()))
                    .map_err(|_| format!("unknown layout {name:?}\n{USAGE}"))?;
                layout = Some(parsed);
            }
            "--entities" => {
                entities = Some(args.next().ok_or_else(|| USAGE.to_string())?);
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if path.is_none() => path = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    Ok(Options {
        path,
        format,
        layout,
        entities,
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let options = parse_args()?;
    let bytes = std::fs::read(&options.path).map_err(|e| format!("{}: {e}", options.path))?;
    let text = claimtrack::input::decode(&bytes).map_err(|e| format!("{}: {e}", options.path))?;
    let mut parser = ParserBuilder::new();
    if let Some(layout) = options.layout {
        parser.layout(layout);
    }
    let mut builder = Extractor::builder();
    builder.parser(parser);
    if let Some(path) = &options.entities {
        let table = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let mut entities = Recognizer::builder();
        entities.tsv(path, &table).map_err(|e| e.to_string())?;
        builder.entities(entities);
    }
    let extractor = builder.build().map_err(|e| e.to_string())?;
    let extraction = extractor
        .extract(text)
        .map_err(|e| format!("{}: {e}", options.path))?;
    match options.format {
        Format::Json => {
            let json = serde_json::to_string_pretty(&extraction).map_err(|e| e.to_string())?;
            println!("{json}");
        }
        Format::Jsonl => {
            for claim in &extraction.claims {
                println!(
                    "{}",
                    serde_json::to_string(claim).map_err(|e| e.to_string())?
                );
            }
        }
        Format::Table => print_table(&extraction),
    }
    Ok(())
}

fn snake(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn clip(text: &str, width: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= width {
        flat
    } else {
        let cut: String = flat.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn print_table(extraction: &Extraction) {
    let document = &extraction.document;
    println!("layout: {}", snake(document.layout));
    for (index, turn) in document.turns.iter().enumerate() {
        let speaker = turn.speaker.as_deref().unwrap_or("-");
        let claims = extraction.claims.iter().filter(|c| c.turn == index).count();
        println!(
            "turn {index:>2}  {:<8}  {:<20}  {claims:>2} claims",
            snake(turn.role),
            clip(speaker, 20)
        );
    }
    println!();
    for entity in &extraction.entities {
        println!(
            "{:<4} {:<30} {:<12} {:>3} mentions  {}",
            entity.id,
            clip(&entity.name, 30),
            snake(entity.kind),
            entity.mentions.len(),
            clip(&entity.aliases.join(", "), 60)
        );
    }
    println!();
    println!(
        "{:<4} {:<7} {:<18} {:<8} {:<9} {:<9} {:<7} claim",
        "turn", "kind", "actor", "polarity", "certainty", "evidence", "time"
    );
    for claim in &extraction.claims {
        print_claim(claim);
    }
    for dropped in &document.dropped {
        println!("dropped ({}): {}", snake(dropped.reason), dropped.text);
    }
}

fn print_claim(claim: &Claim) {
    let kind = match claim.kind {
        ClaimKind::Statement => "claim",
        ClaimKind::Premise => "premise",
    };
    let actor = claim
        .actor
        .as_ref()
        .map_or("-".to_string(), |a| a.name.clone());
    println!(
        "{:<4} {:<7} {:<18} {:<8} {:<9} {:<9} {:<7} {}",
        claim.turn,
        kind,
        clip(&actor, 18),
        snake(claim.polarity),
        snake(claim.certainty),
        snake(claim.evidence),
        snake(claim.time),
        clip(&claim.text, 90)
    );
}
