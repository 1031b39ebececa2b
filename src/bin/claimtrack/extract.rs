//! `claimtrack extract`: the claims of one interview file, as a table for
//! reading or in one of the formats other tools read.

use std::fmt::Write as _;
use std::path::PathBuf;

use claimtrack::claim::Extractor;
use claimtrack::entity::Recognizer;
use claimtrack::export::{self, Offsets};
use claimtrack::ledger::Source;
use claimtrack::{Layout, ParserBuilder, Span};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use serde_json::Value;

/// Extract the claims of an interview file.
///
/// Spans in every format are UTF-8 byte offsets into FILE, unless a format
/// says otherwise.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The interview, a UTF-8 text file.
    file: PathBuf,
    /// What to print.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// In json and jsonl, add `chars` (Unicode code points) and `utf16`
    /// (UTF-16 code units) ranges beside the byte `span` of every claim and
    /// entity mention.
    #[arg(long)]
    offsets: bool,
    /// Read the interview in this layout instead of detecting it.
    #[arg(long, value_name = "LAYOUT", value_parser = layout_parser())]
    layout: Option<Layout>,
    /// The order of the claims: as they come in the text, or the most
    /// worth checking first (each claim's `check_worthiness`).
    #[arg(long, value_enum, default_value_t = Order::Text)]
    sort: Order,
    /// A newsroom's own entities and spellings, one a line:
    /// `name<TAB>kind<TAB>other spellings` (see examples/newsroom-entities.tsv).
    #[arg(long, value_name = "TSV")]
    entities: Option<PathBuf>,
    /// Where FILE was published (schema-org, web-annotation, csv); without
    /// it the document is `urn:claimtrack:` and FILE's name.
    #[arg(long)]
    url: Option<String>,
    /// When FILE was published, YYYY-MM-DD (schema-org, web-annotation, csv).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_parser)]
    date: Option<String>,
    /// FILE's title (schema-org, web-annotation, csv).
    #[arg(long)]
    title: Option<String>,
    /// FILE's publisher (schema-org, web-annotation, csv).
    #[arg(long, value_name = "NAME")]
    publisher: Option<String>,
}

/// The orders of `--sort`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Order {
    /// Text order.
    Text,
    /// Highest check-worthiness first; equal scores in text order.
    CheckWorthiness,
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The layout, turns and entities, then one aligned row per claim and
    /// the dropped lines.
    #[value(alias = "text")]
    Table,
    /// One object: layout, layout_evidence, turns, speakers, dropped,
    /// dropped_bytes, entities and claims.
    Json,
    /// One claim per line.
    Jsonl,
    /// The statements as schema.org `Claim` items, one JSON-LD object.
    SchemaOrg,
    /// A JSON array of W3C Web Annotations, one per claim, selected by code
    /// point position and by quote.
    WebAnnotation,
    /// One row per claim, with a header.
    Csv,
}

/// `--layout`: the layout's name in the JSON output.
fn layout_parser() -> impl TypedValueParser<Value = Layout> {
    PossibleValuesParser::new(["bare", "qa_labels", "speaker_labels", "emphasis"])
        .try_map(|name| name.parse::<Layout>())
}

/// `--date`: a calendar date, checked as the ledger checks it.
fn date_parser(date: &str) -> Result<String, claimtrack::Error> {
    Source::new("").date(date).map(|_| date.to_string())
}

pub fn run(args: &Args) -> crate::Outcome {
    let text = claimtrack::input::read_file(&args.file)?;
    let mut parser = ParserBuilder::new();
    if let Some(layout) = args.layout {
        parser.layout(layout);
    }
    let mut builder = Extractor::builder();
    builder.parser(parser);
    if let Some(path) = &args.entities {
        let table = claimtrack::input::read_file(path)?;
        let mut entities = Recognizer::builder();
        entities.tsv(&path.display().to_string(), &table)?;
        builder.entities(entities);
    }
    let mut extraction = builder
        .build()?
        .extract(&text)
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    if args.sort == Order::CheckWorthiness {
        extraction.claims.sort_by(|a, b| {
            b.check_worthiness
                .score
                .total_cmp(&a.check_worthiness.score)
        });
    }
    crate::warn(&args.file.display().to_string(), &extraction);
    let offsets = args.offsets.then(|| Offsets::new(&text));
    let mut out = String::new();
    match args.format {
        Format::Table => out = export::claims_table(&extraction),
        Format::Json => {
            let mut json = serde_json::to_value(&extraction)?;
            if let Some(offsets) = &offsets {
                add_offsets(&mut json, offsets);
            }
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        Format::Jsonl => {
            for claim in &extraction.claims {
                let mut json = serde_json::to_value(claim)?;
                if let Some(offsets) = &offsets {
                    add_span_offsets(&mut json, offsets);
                }
                writeln!(out, "{json}")?;
            }
        }
        Format::SchemaOrg => {
            let graph = export::schema_org(&extraction, &source(args)?);
            writeln!(out, "{}", serde_json::to_string_pretty(&graph)?)?;
        }
        Format::WebAnnotation => {
            let annotations = export::annotations(&extraction, &text, &source(args)?);
            writeln!(out, "{}", serde_json::to_string_pretty(&annotations)?)?;
        }
        Format::Csv => out = export::claims_csv(&extraction, &text, &source(args)?),
    }
    Ok(crate::print(&out)?)
}

/// Where FILE was published. Its id, from which the claim ids derive, is
/// the file's name without its directory, so the ids stay the same wherever
/// the file lies.
fn source(args: &Args) -> Result<Source, claimtrack::Error> {
    let name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let mut source = Source::new(&name);
    if let Some(url) = &args.url {
        source = source.url(url);
    }
    if let Some(title) = &args.title {
        source = source.title(title);
    }
    if let Some(publisher) = &args.publisher {
        source = source.publisher(publisher);
    }
    if let Some(date) = &args.date {
        source = source.date(date)?;
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
