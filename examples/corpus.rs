//! Extracts every `.txt` file under a directory, a batch on all cores (the
//! `parallel` feature), and prints each file's number of claims.
//!
//! ```text
//! cargo run --release --example corpus -- seeds
//! ```
//!
//! `claimtrack corpus DIR -o claims.jsonl` writes every extraction as JSON
//! Lines, batch by batch, with a progress bar.

use std::error::Error;

use claimtrack::Extractor;
use claimtrack::corpus::{self, CorpusDocument};

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: cargo run --example corpus -- DIR")?;
    // Every file at once; a large corpus is better taken a batch at a time,
    // as `claimtrack corpus` does. A file that is not text is skipped.
    let mut documents: Vec<CorpusDocument> = Vec::new();
    for document in corpus::directory(&dir)? {
        match document {
            Ok(document) => documents.push(document),
            Err(error) => eprintln!("skipped: {error}"),
        }
    }
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let results = Extractor::default_ref().extract_batch(&texts, |_done| {});
    for (document, result) in documents.iter().zip(results) {
        match result {
            Ok(extraction) => println!("{:>4} claims  {}", extraction.claims.len(), document.id),
            Err(error) => eprintln!("skipped {}: {error}", document.id),
        }
    }
    Ok(())
}
