//! Instructions per MB of each stage and of the whole pipeline, counted by
//! callgrind: a figure that stays the same from run to run on a noisy
//! machine, where wall-clock time does not.
//!
//! ```text
//! cargo bench --bench instructions                       # the seeds
//! cargo bench --bench instructions -- tests/corpus/*.txt # any files
//! cargo bench --bench instructions -- --check            # CI: the budget
//! ```
//!
//! The benchmark runs itself under `valgrind --tool=callgrind` for each
//! stage, over the files once and twice, and takes the difference: the cost
//! of one pass without start-up and lexicons compiled on first use. Each
//! stage does the stages before it too, and the table gives the
//! differences: `document` (layout, boilerplate, turns, sentences, less
//! reading the files), `entities` (recognition and resolution of the parsed
//! document) and `claims` (the rest of `extract`), and the whole pipeline
//! (`extract`, less reading the files). `--check` fails when the whole pipeline costs more than
//! `benches/instructions-budget.txt` plus 10 % on the seeds.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use claimtrack::Document;
use claimtrack::entity::Entities;

/// The stages, in pipeline order; each run does every stage up to its own.
const STAGES: [&str; 4] = ["read", "document", "entities", "claims"];

/// How much the whole pipeline may exceed its budget before `--check`
/// fails.
const SLACK: f64 = 0.10;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Under callgrind: `--stage STAGE FILE...` does the work and nothing else.
    if let [flag, stage, rounds, files @ ..] = &args[..]
        && flag == "--stage"
    {
        for _ in 0..rounds.parse().unwrap_or(1) {
            run_stage(stage, files);
        }
        return ExitCode::SUCCESS;
    }
    // `cargo test --benches` runs this without `--bench`: a smoke test of
    // every stage, without valgrind.
    if !args.iter().any(|a| a == "--bench") {
        let seeds: Vec<String> = seeds().iter().map(|p| p.display().to_string()).collect();
        for stage in STAGES {
            run_stage(stage, &seeds);
        }
        return ExitCode::SUCCESS;
    }
    let check = args.iter().any(|a| a == "--check");
    let mut files: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .filter(|path| path.is_file())
        .collect();
    if files.is_empty() {
        files = seeds();
    }
    match measure(&files, check) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("instructions: {message}");
            ExitCode::FAILURE
        }
    }
}

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    claimtrack::corpus::directory(dir)
        .map(|documents| {
            documents
                .filter_map(Result::ok)
                .map(|document| PathBuf::from(document.id))
                .collect()
        })
        .unwrap_or_default()
}

/// Does the stages up to `stage` on every file: `claims` is the whole
/// pipeline, `extract`.
fn run_stage(stage: &str, files: &[String]) {
    let extractor = claimtrack::Extractor::default_ref();
    for file in files {
        let text = std::fs::read_to_string(file).expect("a readable text file");
        match stage {
            "document" => {
                std::hint::black_box(Document::parse(&text).expect("a document"));
            }
            "entities" => {
                let document = Document::parse(&text).expect("a document");
                std::hint::black_box(Entities::recognize(&document));
            }
            "claims" => {
                std::hint::black_box(extractor.extract(&text).expect("claims"));
            }
            _ => {}
        }
        std::hint::black_box(&text);
    }
}

/// Runs each stage under callgrind and prints the table; with `check`,
/// compares the whole pipeline with its budget.
fn measure(files: &[PathBuf], check: bool) -> Result<bool, String> {
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let megabytes = bytes as f64 / 1e6;
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut totals = Vec::new();
    // Two rounds less one: what one more pass over the files costs, without
    // the start-up and the lexicons and matchers compiled on first use.
    for stage in STAGES {
        let once = instructions(&me, stage, 1, files)?;
        let twice = instructions(&me, stage, 2, files)?;
        totals.push(twice.saturating_sub(once));
    }
    println!(
        "{} files, {:.3} MB; instructions per MB (callgrind)",
        files.len(),
        megabytes
    );
    let per_mb = |n: u64| n as f64 / megabytes / 1e6;
    let [read, document, entities, whole] = totals[..] else {
        return Err("a count per stage".to_string());
    };
    for (stage, own) in [
        ("document", document.saturating_sub(read)),
        ("entities", entities.saturating_sub(document)),
        ("claims", whole.saturating_sub(entities)),
    ] {
        println!("{stage:<16} {:>10.1} M/MB", per_mb(own));
    }
    let pipeline = per_mb(whole.saturating_sub(read));
    println!("{:<16} {pipeline:>10.1} M/MB", "whole pipeline");
    if !check {
        return Ok(true);
    }
    let budget_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/instructions-budget.txt");
    let budget: f64 = std::fs::read_to_string(&budget_file)
        .map_err(|e| format!("{}: {e}", budget_file.display()))?
        .lines()
        .find(|line| !line.trim_start().starts_with('#') && !line.trim().is_empty())
        .and_then(|line| line.trim().parse().ok())
        .ok_or_else(|| format!("{}: no budget line", budget_file.display()))?;
    let limit = budget * (1.0 + SLACK);
    let within = pipeline <= limit;
    println!(
        "budget {budget:.1} M/MB, limit {limit:.1}: {}",
        if within { "within" } else { "OVER" }
    );
    Ok(within)
}

/// The instructions callgrind counts for `rounds` runs of `stage`.
fn instructions(me: &Path, stage: &str, rounds: u32, files: &[PathBuf]) -> Result<u64, String> {
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(me)
        .args(["--stage", stage, &rounds.to_string()])
        .args(files)
        .output()
        .map_err(|e| format!("cannot run valgrind (is it installed?): {e}"))?;
    let report = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("{stage}: valgrind failed:\n{report}"));
    }
    report
        .lines()
        .find_map(|line| line.split("Collected :").nth(1))
        .and_then(|count| count.trim().parse().ok())
        .ok_or_else(|| format!("{stage}: no instruction count in:\n{report}"))
}
