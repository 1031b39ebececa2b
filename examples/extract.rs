//! Extracts the claims of an interview file.
//!
//! ```text
//! cargo run --release --example extract -- [--format FORMAT] [--offsets] [--layout LAYOUT] [--entities TSV]
//!     [--url URL] [--date YYYY-MM-DD] [--title TITLE] [--publisher NAME] FILE
//! ```
//!
//! `--format` is one of:
//!
//! - `table` (the default): the layout and the evidence that chose it, the
//!   turns, the entities with their kind and number of mentions, then one
//!   aligned row per claim — kind, actor, polarity, certainty, evidence,
//!   time and the claim text — and the dropped lines.
//! - `json`: one object with `layout`, `layout_evidence`, `turns`,
//!   `speakers`, `dropped`, `dropped_bytes`, `entities` and `claims`; spans
//!   are UTF-8 byte offsets into FILE.
//! - `jsonl`: one claim per line.
//! - `schema-org`: the statements as schema.org `Claim` items, one JSON-LD
//!   object (`claimtrack::export::schema_org`).
//! - `web-annotation`: a JSON array with every claim as a W3C Web
//!   Annotation, selected by code point position and by quote
//!   (`claimtrack::export::annotations`).
//! - `csv`: one row per claim, with a header (`claimtrack::export::claims_csv`).
//!
//! `--offsets` adds `chars` (Unicode code points) and `utf16` (UTF-16 code
//! units) ranges next to the `span` of each claim and entity mention in
//! `json` and `jsonl`; without it their output is unchanged.
//!
//! `--url`, `--date`, `--title` and `--publisher` describe where FILE was
//! published, for the `schema-org`, `web-annotation` and `csv` formats. The
//! source id, from which the claim ids derive, is FILE's name without its
//! directory, so the ids stay the same wherever the file lies; without
//! `--url` the document's IRI is `urn:claimtrack:` and that name.
//!
//! `--layout bare|qa_labels|speaker_labels|emphasis` forces a layout.
//! `--entities TSV` adds a newsroom's own entities and spellings, one a
//! line: `name<TAB>kind<TAB>other spellings` (see
//! `examples/newsroom-entities.tsv`).

use std::fmt::Write as _;
use std::process::ExitCode;

use claimtrack::claim::{Claim, ClaimKind, Extraction, Extractor};
use claimtrack::entity::Recognizer;
use claimtrack::export::{self, Offsets};
use claimtrack::ledger::Source;
use claimtrack::{Layout, ParserBuilder, Span};
use serde_json::Value;

#[path = "support/exit.rs"]
mod exit;
#[path = "support/stdout.rs"]
mod stdout;

const USAGE: &str = "usage: extract [--format table|json|jsonl|schema-org|web-annotation|csv] [--offsets] \
[--layout bare|qa_labels|speaker_labels|emphasis] [--entities TSV] \
[--url URL] [--date YYYY-MM-DD] [--title TITLE] [--publisher NAME] FILE";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Jsonl,
    SchemaOrg,
    WebAnnotation,
    Csv,
}

struct Options {
    path: String,
    format: Format,
    layout: Option<Layout>,
    entities: Option<String>,
    offsets: bool,
    url: Option<String>,
    date: Option<String>,
    title: Option<String>,
    publisher: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut format = Format::Table;
    let mut layout = None;
    let mut entities = None;
    let mut offsets = false;
    let (mut url, mut date, mut title, mut publisher) = (None, None, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                format = match args.next().as_deref() {
                    Some("table" | "text") => Format::Table,
                    Some("json") => Format::Json,
                    Some("jsonl") => Format::Jsonl,
                    Some("schema-org") => Format::SchemaOrg,
                    Some("web-annotation") => Format::WebAnnotation,
                    Some("csv") => Format::Csv,
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
            "--offsets" => offsets = true,
            "--url" => url = Some(args.next().ok_or_else(|| USAGE.to_string())?),
            "--date" => date = Some(args.next().ok_or_else(|| USAGE.to_string())?),
            "--title" => title = Some(args.next().ok_or_else(|| USAGE.to_string())?),
            "--publisher" => publisher = Some(args.next().ok_or_else(|| USAGE.to_string())?),
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
        offsets,
        url,
        date,
        title,
        publisher,
    })
}

fn main() -> ExitCode {
    exit::code(run())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
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
    // On standard error, so every format's output stays as it is.
    for warning in extraction.warnings() {
        eprintln!("{}: warning: {warning}", options.path);
    }
    let offsets = Offsets::new(text);
    let mut out = String::new();
    match options.format {
        Format::Json => {
            let mut json = to_value(&extraction)?;
            if options.offsets {
                add_offsets(&mut json, &offsets);
            }
            writeln!(out, "{}", to_pretty(&json)?)?;
        }
        Format::Jsonl => {
            for claim in &extraction.claims {
                let mut json = to_value(claim)?;
                if options.offsets {
                    add_span_offsets(&mut json, &offsets);
                }
                writeln!(out, "{json}")?;
            }
        }
        Format::SchemaOrg => {
            let graph = export::schema_org(&extraction, &source(&options)?);
            writeln!(out, "{}", to_pretty(&graph)?)?;
        }
        Format::WebAnnotation => {
            let annotations = export::annotations(&extraction, text, &source(&options)?);
            writeln!(out, "{}", to_pretty(&annotations)?)?;
        }
        Format::Csv => out.push_str(&export::claims_csv(&extraction, text, &source(&options)?)),
        Format::Table => print_table(&mut out, &extraction)?,
    }
    Ok(stdout::print(&out)?)
}

fn to_value(value: impl serde::Serialize) -> Result<Value, String> {
    serde_json::to_value(value).map_err(|e| e.to_string())
}

fn to_pretty(value: impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string_pretty(&value).map_err(|e| e.to_string())
}

/// The source the options describe; its id is the file's name.
fn source(options: &Options) -> Result<Source, String> {
    let path = std::path::Path::new(&options.path);
    let name = path.file_name().map_or(options.path.clone(), |name| {
        name.to_string_lossy().into_owned()
    });
    let mut source = Source::new(&name);
    if let Some(url) = &options.url {
        source = source.url(url);
    }
    if let Some(title) = &options.title {
        source = source.title(title);
    }
    if let Some(publisher) = &options.publisher {
        source = source.publisher(publisher);
    }
    if let Some(date) = &options.date {
        source = source.date(date).map_err(|e| e.to_string())?;
    }
    Ok(source)
}

/// Adds `chars` and `utf16` beside the span of every claim and mention.
fn add_offsets(json: &mut Value, offsets: &Offsets) {
    let claims = json.get_mut("claims").and_then(Value::as_array_mut);
    for claim in claims.into_iter().flatten() {
        add_span_offsets(claim, offsets);
    }
    let entities = json.get_mut("entities").and_then(Value::as_array_mut);
    for entity in entities.into_iter().flatten() {
        let mentions = entity.get_mut("mentions").and_then(Value::as_array_mut);
        for mention in mentions.into_iter().flatten() {
            add_span_offsets(mention, offsets);
        }
    }
}

/// Adds `chars` and `utf16` beside the object's `span`.
fn add_span_offsets(object: &mut Value, offsets: &Offsets) {
    let Some(span) = object
        .get("span")
        .and_then(|span| serde_json::from_value::<Span>(span.clone()).ok())
    else {
        return;
    };
    let (Some(units), Some(object)) = (offsets.units(span), object.as_object_mut()) else {
        return;
    };
    object.insert("chars".to_string(), serde_json::json!(units.chars));
    object.insert("utf16".to_string(), serde_json::json!(units.utf16));
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

fn print_table(out: &mut String, extraction: &Extraction) -> std::fmt::Result {
    let document = &extraction.document;
    writeln!(
        out,
        "layout: {} ({})",
        snake(document.layout),
        document.layout_evidence
    )?;
    for (index, turn) in document.turns.iter().enumerate() {
        let speaker = turn.speaker.as_deref().unwrap_or("-");
        let claims = extraction.claims.iter().filter(|c| c.turn == index).count();
        writeln!(
            out,
            "turn {index:>2}  {:<8}  {:<20}  {claims:>2} claims",
            snake(turn.role),
            clip(speaker, 20)
        )?;
    }
    writeln!(out)?;
    for entity in &extraction.entities {
        writeln!(
            out,
            "{:<4} {:<30} {:<12} {:>3} mentions  {}",
            entity.id,
            clip(&entity.name, 30),
            snake(entity.kind),
            entity.mentions.len(),
            clip(&entity.aliases.join(", "), 60)
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<4} {:<7} {:<18} {:<8} {:<9} {:<9} {:<7} claim",
        "turn", "kind", "actor", "polarity", "certainty", "evidence", "time"
    )?;
    for claim in &extraction.claims {
        print_claim(out, claim)?;
    }
    for dropped in &document.dropped {
        writeln!(out, "dropped ({}): {}", snake(dropped.reason), dropped.text)?;
    }
    if !document.dropped.is_empty() {
        writeln!(
            out,
            "dropped {} lines, {} bytes",
            document.dropped.len(),
            document.dropped_bytes
        )?;
    }
    Ok(())
}

fn print_claim(out: &mut String, claim: &Claim) -> std::fmt::Result {
    let kind = match claim.kind {
        ClaimKind::Statement => "claim",
        ClaimKind::Premise => "premise",
    };
    let actor = claim
        .actor
        .as_ref()
        .map_or("-".to_string(), |a| a.name.clone());
    writeln!(
        out,
        "{:<4} {:<7} {:<18} {:<8} {:<9} {:<9} {:<7} {}",
        claim.turn,
        kind,
        clip(&actor, 18),
        snake(claim.polarity),
        snake(claim.certainty),
        snake(claim.evidence),
        snake(claim.time),
        clip(&claim.text, 90)
    )
}
