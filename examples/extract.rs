//! Reads an interview file and prints its turns.
//!
//! ```text
//! cargo run --example extract -- FILE [--format text|json] [--layout bare|qa_labels|speaker_labels|emphasis]
//! ```
//!
//! `text` (the default) prints one line per turn: role, speaker and first
//! words. `json` prints the document as one JSON object whose spans are
//! UTF-8 byte offsets into FILE.

use std::process::ExitCode;

use claimtrack::document::{Document, DocumentRecord};
use claimtrack::{Layout, ParserBuilder};

const USAGE: &str =
    "usage: extract FILE [--format text|json] [--layout bare|qa_labels|speaker_labels|emphasis]";

struct Options {
    path: String,
    json: bool,
    layout: Option<Layout>,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut json = false;
    let mut layout = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => match args.next().as_deref() {
                Some("json") => json = true,
                Some("text") => json = false,
                other => return Err(format!("unknown format {other:?}\n{USAGE}")),
            },
            "--layout" => {
                let name = args.next().unwrap_or_default();
                let parsed = serde_json::from_value(serde_json::Value::String(name.clone()))
                    .map_err(|_| format!("unknown layout {name:?}\n{USAGE}"))?;
                layout = Some(parsed);
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if path.is_none() => path = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    Ok(Options { path, json, layout })
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
    let mut builder = ParserBuilder::new();
    if let Some(layout) = options.layout {
        builder.layout(layout);
    }
    let parser = builder.build().map_err(|e| e.to_string())?;
    let doc = parser
        .parse_bytes(&bytes)
        .map_err(|e| format!("{}: {e}", options.path))?;
    if options.json {
        let record = DocumentRecord::from_document(&doc);
        let json = serde_json::to_string_pretty(&record).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print_text(&doc);
    }
    Ok(())
}

fn print_text(doc: &Document<'_>) {
    println!("layout: {:?}", doc.layout());
    for turn in doc.turns() {
        let role = format!("{:?}", turn.role()).to_lowercase();
        let speaker = doc.speaker_name(turn).unwrap_or("-");
        let words: Vec<&str> = doc.slice(turn.body()).split_whitespace().take(10).collect();
        println!(
            "{role:<9} {speaker:<22} {:>3} sent.  {}",
            doc.sentences(turn).len(),
            words.join(" ")
        );
    }
    for dropped in doc.dropped() {
        println!(
            "dropped   {:<22} {}",
            format!("{:?}", dropped.reason),
            doc.slice(dropped.span)
        );
    }
}
