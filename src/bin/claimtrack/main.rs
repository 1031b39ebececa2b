//! `claimtrack`: interview text to typed claim records, on the command
//! line.
//!
//! ```text
//! claimtrack extract FILE [--format table|json|jsonl|schema-org|web-annotation|csv] ...
//! claimtrack track PATH[@YYYY-MM-DD[@SOURCE]]... [--db FILE] [--format text|json]
//! claimtrack report PATH[@YYYY-MM-DD[@SOURCE]]... [-o OUT.html] [--title TITLE]
//! claimtrack corpus DIR [-o OUT.jsonl] [--batch N]
//! ```
//!
//! Each subcommand is a module; `claimtrack help SUBCOMMAND` or
//! `claimtrack SUBCOMMAND --help` describes its options. A bad argument
//! exits with code 2, a file that cannot be read or written with code 1,
//! and the message on standard error.

#![forbid(unsafe_code)]
#![warn(clippy::pedantic)]
// The doc comments of the argument structs are the `--help` text, read in a
// terminal, where Markdown's backticks around every name would show.
#![allow(clippy::doc_markdown)]

use std::io::Write;
use std::process::ExitCode;

use claimtrack::ledger::Source;
use clap::{Parser, Subcommand};

mod corpus;
mod extract;
mod report;
mod track;

/// Reads interview text into turns, sentences and typed claim records whose
/// every field points back to the exact bytes of the input.
#[derive(Debug, Parser)]
#[command(name = "claimtrack", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Extract(extract::Args),
    Track(track::Args),
    Report(report::Args),
    Corpus(corpus::Args),
}

/// What a subcommand reports when it fails: a message for standard error.
type Outcome = Result<(), Box<dyn std::error::Error>>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Track(args) => track::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Corpus(args) => corpus::run(&args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `out` to standard output at once and flushes it. A closed pipe is
/// not an error: the reader (`| head`) has all it wanted.
fn print(out: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

/// An interview file of `track` and `report`, written
/// `PATH[@YYYY-MM-DD[@SOURCE]]`: the date orders its claims in the ledger,
/// and the source id (the file name without extension by default) makes
/// their ids.
#[derive(Clone, Debug)]
struct Interview {
    path: String,
    source: Source,
}

impl std::str::FromStr for Interview {
    type Err = claimtrack::Error;

    fn from_str(input: &str) -> Result<Interview, claimtrack::Error> {
        let mut parts = input.splitn(3, '@');
        let path = parts.next().unwrap_or_default().to_string();
        let date = parts.next();
        let stem = std::path::Path::new(&path)
            .file_stem()
            .map_or_else(|| path.clone(), |s| s.to_string_lossy().into_owned());
        let mut source = Source::new(&parts.next().map_or(stem, str::to_string));
        if let Some(date) = date {
            source = source.date(date)?;
        }
        Ok(Interview { path, source })
    }
}

impl Interview {
    /// The file's text and its claims; an error names the file.
    fn extract(&self) -> Result<(String, claimtrack::Extraction), String> {
        let text = claimtrack::input::read_file(&self.path).map_err(|e| e.to_string())?;
        let extraction = claimtrack::extract(&text).map_err(|e| format!("{}: {e}", self.path))?;
        warn(&self.path, &extraction);
        Ok((text, extraction))
    }
}

/// The extraction's warnings (text that is mostly not English), on
/// standard error so that every output format stays as it is.
fn warn(path: &str, extraction: &claimtrack::Extraction) {
    for warning in extraction.warnings() {
        eprintln!("{path}: warning: {warning}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn interviews_take_a_date_and_a_source_id() {
        let plain: Interview = "seeds/a-b.txt".parse().unwrap();
        assert_eq!(
            (plain.path.as_str(), plain.source.id.as_str()),
            ("seeds/a-b.txt", "a-b")
        );
        assert_eq!(plain.source.date, None);
        let dated: Interview = "x/y.txt@2025-02-11@wn-1".parse().unwrap();
        assert_eq!(dated.source.id, "wn-1");
        assert_eq!(
            dated.source.date.map(|d| d.to_string()).as_deref(),
            Some("2025-02-11")
        );
        assert!("y.txt@11 February".parse::<Interview>().is_err());
    }
}
