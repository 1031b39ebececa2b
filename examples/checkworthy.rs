//! Ranks the sentences of a CLEF CheckThat! 2019 Task 1 file by how much
//! they are worth checking, in the task's format.
//!
//! ```text
//! cargo run --release --example checkworthy -- FILE.tsv > FILE.scores
//! cargo run --release --example checkworthy -- --features FILE.tsv  # for fitting
//! ```
//!
//! FILE has one sentence a line, `line<TAB>speaker<TAB>text`, and may have
//! a fourth column, the gold label. The sentences become one transcript, a
//! turn per change of speaker ("SPEAKER: …"), and claimtrack extracts its
//! claims. Each line's score is the highest check-worthiness of the claims
//! in it, 0 for a line without a claim; the output is `line<TAB>score` for
//! every line, in input order, as the task's scorer reads it.
//!
//! With `--features`, it prints instead one JSON object per claim: the line
//! it is in, that line's label, and the claim's feature values — the rows
//! `tools/checkworthy/fit.py` fits the weights on.
//!
//! The data is the CheckThat! 2019 Task 1 repository on GitHub
//! (`telsayed/clef2019-factchecking-task1`, "free for general research
//! use"); it is not part of this crate.

use std::error::Error;
use std::fmt::Write as _;

use claimtrack::Span;

struct Line {
    id: String,
    label: Option<String>,
    span: Span,
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let features = args.iter().any(|a| a == "--features");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: checkworthy [--features] FILE.tsv")?;
    let input = claimtrack::input::read_file(path)?;
    // The transcript: a turn per change of speaker, each line's words kept
    // where they can be found again.
    let mut text = String::new();
    let mut lines = Vec::new();
    let mut speaker = "";
    for row in input.lines().filter(|row| !row.trim().is_empty()) {
        let mut fields = row.split('\t');
        let (Some(id), Some(who), Some(words)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!("{path}: not line<TAB>speaker<TAB>text: {row:?}").into());
        };
        if who != speaker || text.is_empty() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let _ = write!(text, "{who}: ");
            speaker = who;
        } else {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(words.trim());
        lines.push(Line {
            id: id.to_string(),
            label: fields.next().map(|label| label.trim().to_string()),
            span: Span::new(start, text.len()),
        });
    }
    let extraction = claimtrack::extract(&text)?;
    let overlaps = |line: &Line, claim: &claimtrack::Claim| {
        claim.span.start() < line.span.end() && line.span.start() < claim.span.end()
    };
    if features {
        for claim in &extraction.claims {
            let values: serde_json::Map<String, serde_json::Value> = claim
                .check_worthiness
                .features
                .iter()
                .map(|f| (f.name.clone(), f.value.into()))
                .collect();
            for line in lines.iter().filter(|line| overlaps(line, claim)) {
                let row = serde_json::json!({
                    "file": path,
                    "line": line.id,
                    "label": line.label,
                    "features": values,
                });
                println!("{row}");
            }
        }
        return Ok(());
    }
    for line in &lines {
        let score = extraction
            .claims
            .iter()
            .filter(|claim| overlaps(line, claim))
            .map(|claim| claim.check_worthiness.score)
            .fold(0.0_f64, f64::max);
        println!("{}\t{score:.4}", line.id);
    }
    Ok(())
}
