//! Extracts every `.txt` file under a directory, on all cores, into JSON
//! Lines.
//!
//! ```text
//! cargo run --release --example corpus -- DIR [-o claims.jsonl] [--batch N]
//! ```
//!
//! Files are read a batch at a time (64 by default), extracted in parallel,
//! and written in path order, one line per document:
//! `{"file": …, "layout": …, "turns": …, "entities": …, "claims": …}` (the
//! fields of `extract --format json`, plus `file`). A progress bar goes to
//! stderr, and a summary at the end: documents, claims, megabytes and
//! megabytes per second. A file that cannot be read or parsed is reported
//! on stderr and skipped.

use std::io::{BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use claimtrack::Extractor;
use claimtrack::corpus::{self, CorpusDocument};
use indicatif::{ProgressBar, ProgressStyle};

#[path = "support/exit.rs"]
mod exit;

/// One output line: the file, then the extraction's fields.
#[derive(serde::Serialize)]
struct Line<'a> {
    file: &'a str,
    #[serde(flatten)]
    extraction: &'a claimtrack::claim::Extraction,
}

const USAGE: &str = "usage: corpus DIR [-o OUTPUT.jsonl] [--batch N]";

fn main() -> ExitCode {
    exit::code(run())
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut dir, mut output, mut batch) = (None, None, 64usize);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--output" => output = Some(args.next().ok_or(USAGE)?),
            "--batch" => {
                batch = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or(USAGE)?;
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if dir.is_none() => dir = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
        }
    }
    let dir = dir.ok_or(USAGE)?;
    let documents: Vec<_> = corpus::directory(&dir)
        .map_err(|e| e.to_string())?
        .collect();
    let mut out: Box<dyn Write> = match &output {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let bar = ProgressBar::new(documents.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, eta {eta}")
            .map_err(|e| e.to_string())?,
    );
    let extractor = Extractor::default_ref();
    let started = Instant::now();
    let (mut done, mut claims, mut bytes) = (0usize, 0usize, 0usize);
    let mut pending = documents.into_iter();
    loop {
        // Read one batch, extract it on all cores, write it in order.
        let mut texts: Vec<CorpusDocument> = Vec::with_capacity(batch);
        for document in pending.by_ref().take(batch) {
            match document {
                Ok(document) => texts.push(document),
                Err(error) => bar.suspend(|| eprintln!("skipped: {error}")),
            }
        }
        if texts.is_empty() {
            break;
        }
        let bodies: Vec<&str> = texts.iter().map(|d| d.text.as_str()).collect();
        // Extract and serialise on all cores; write in order here.
        let lines = extractor.extract_batch_with(&bodies, |index, result| {
            bar.inc(1);
            let id = texts.get(index).map_or("", |d| d.id.as_str());
            result.map_err(|e| e.to_string()).and_then(|extraction| {
                let line = serde_json::to_string(&Line {
                    file: id,
                    extraction: &extraction,
                })
                .map_err(|e| e.to_string())?;
                Ok((line, extraction.claims.len()))
            })
        });
        for (document, line) in texts.iter().zip(lines) {
            match line {
                Ok((line, count)) => {
                    writeln!(out, "{line}").map_err(|e| e.to_string())?;
                    done += 1;
                    claims += count;
                    bytes += document.text.len();
                }
                Err(error) => bar.suspend(|| eprintln!("skipped {}: {error}", document.id)),
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = bytes as f64 / 1e6;
    eprintln!(
        "{done} documents, {claims} claims, {megabytes:.2} MB in {seconds:.2} s: {:.1} MB/s",
        megabytes / seconds.max(1e-9)
    );
    Ok(())
}
