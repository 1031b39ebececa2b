//! Replays the fuzz targets' checks on stable, without libFuzzer: the
//! extract check on the crate's seeds and on `fuzz/regressions/extract/`,
//! the ledger_import check on `fuzz/seeds/ledger_import/` and
//! `fuzz/regressions/ledger_import/`. Every input a fuzzer found stays in
//! `fuzz/regressions/` and runs here on each `cargo test`. Extra files or
//! directories can be given in `CLAIMTRACK_FUZZ_REPLAY` (`target=path`,
//! `;`-separated), e.g. a whole fuzzing corpus:
//!
//! ```text
//! CLAIMTRACK_FUZZ_REPLAY=extract=fuzz/corpus/extract cargo test --test lib fuzz_replay
//! ```

#[path = "../fuzz/fuzz_targets/extract_check.rs"]
pub mod extract_check;
#[path = "../fuzz/fuzz_targets/ledger_import_check.rs"]
mod ledger_import_check;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

fn files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}

/// Runs `check` on every file, then fails with the list of those that
/// panicked.
fn replay(target: &str, check: fn(&[u8]), dirs: &[PathBuf]) {
    let extra: Vec<PathBuf> = std::env::var("CLAIMTRACK_FUZZ_REPLAY")
        .unwrap_or_default()
        .split(';')
        .filter_map(|item| item.split_once('='))
        .filter(|(name, _)| *name == target)
        .map(|(_, path)| PathBuf::from(path))
        .collect();
    let mut failed = Vec::new();
    let mut count = 0;
    for dir in dirs.iter().chain(&extra) {
        for file in files(dir) {
            let data = std::fs::read(&file).unwrap();
            count += 1;
            let started = std::time::Instant::now();
            if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(&data))) {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failed.push(format!("{}: {message}", file.display()));
            }
            let took = started.elapsed();
            if took.as_secs() >= 10 {
                failed.push(format!("{}: took {took:?}", file.display()));
            }
        }
    }
    eprintln!("{target}: {count} inputs replayed, {} failed", failed.len());
    assert!(failed.is_empty(), "{target}:\n{}", failed.join("\n"));
}

fn here(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn extract() {
    replay(
        "extract",
        extract_check::check,
        &[here("seeds"), here("fuzz/regressions/extract")],
    );
}

#[test]
fn ledger_import() {
    replay(
        "ledger_import",
        ledger_import_check::check,
        &[
            here("fuzz/seeds/ledger_import"),
            here("fuzz/regressions/ledger_import"),
        ],
    );
}
