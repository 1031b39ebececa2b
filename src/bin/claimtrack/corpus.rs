//! `claimtrack corpus`: every `.txt` file under a directory, extracted on
//! all cores into JSON Lines.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use claimtrack::corpus::{self, CorpusDocument};
use claimtrack::{Extraction, Extractor};
use indicatif::{ProgressBar, ProgressStyle};

/// Extract every .txt file under a directory into JSON Lines.
///
/// Files are read a batch at a time, extracted in parallel (with the
/// `parallel` feature, on by default) and written in path order, one line
/// per document: {"file": …, "layout": …, "turns": …, "entities": …,
/// "claims": …}, the fields of `extract --format json` plus `file`. A
/// progress bar and, at the end, a summary (documents, claims, megabytes,
/// megabytes per second) go to standard error. A file that cannot be read
/// or parsed is reported there and skipped.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The directory.
    dir: PathBuf,
    /// Write the lines to this file instead of standard output.
    #[arg(short, long, value_name = "OUT.jsonl")]
    output: Option<PathBuf>,
    /// Files read and extracted at a time.
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = batch_size)]
    batch: usize,
}

/// `--batch`: a whole number above zero.
fn batch_size(value: &str) -> Result<usize, String> {
    match value.parse() {
        Ok(0) | Err(_) => Err("a batch is a whole number of files, at least 1".to_string()),
        Ok(n) => Ok(n),
    }
}

/// One output line: the file, then the extraction's fields.
#[derive(serde::Serialize)]
struct Line<'a> {
    file: &'a str,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

pub fn run(args: &Args) -> crate::Outcome {
    let documents: Vec<_> = corpus::directory(&args.dir)?.collect();
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let bar = ProgressBar::new(documents.len() as u64);
    bar.set_style(ProgressStyle::with_template(
        "{bar:40} {pos}/{len} documents, {per_sec}, eta {eta}",
    )?);
    let extractor = Extractor::default_ref();
    let started = Instant::now();
    let (mut done, mut claims, mut bytes) = (0usize, 0usize, 0usize);
    let mut pending = documents.into_iter();
    loop {
        // Read one batch, extract and serialise it on all cores, write it
        // in order here.
        let mut texts: Vec<CorpusDocument> = Vec::with_capacity(args.batch);
        for document in pending.by_ref().take(args.batch) {
            match document {
                Ok(document) => texts.push(document),
                Err(error) => bar.suspend(|| eprintln!("skipped: {error}")),
            }
        }
        if texts.is_empty() {
            break;
        }
        let bodies: Vec<&str> = texts.iter().map(|d| d.text.as_str()).collect();
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
                    writeln!(out, "{line}")?;
                    done += 1;
                    claims += count;
                    bytes += document.text.len();
                }
                Err(error) => bar.suspend(|| eprintln!("skipped {}: {error}", document.id)),
            }
        }
    }
    out.flush()?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    #[allow(clippy::cast_precision_loss)] // megabytes to two decimals
    let megabytes = bytes as f64 / 1e6;
    eprintln!(
        "{done} documents, {claims} claims, {megabytes:.2} MB in {seconds:.2} s: {:.1} MB/s",
        megabytes / seconds.max(1e-9)
    );
    Ok(())
}
