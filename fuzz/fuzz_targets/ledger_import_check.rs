//! The `ledger_import` target's check: arbitrary bytes as a JSON Lines
//! ledger import. Plain Rust on `claimtrack` alone, so the fuzz target and
//! the main crate's replay test (`tests/fuzz_replay.rs`) run the same
//! check. Panics on the first broken promise.

use claimtrack::Error;
use claimtrack::ledger::Ledger;

/// The ledger's whole JSON Lines export.
fn export(ledger: &Ledger) -> Vec<u8> {
    let mut out = Vec::new();
    ledger
        .export_jsonl(&mut out)
        .expect("exporting to a Vec cannot fail");
    out
}

/// Imports `data` into an empty ledger: either it is imported whole, and
/// export → import → export is a fixed point, or it is refused with the
/// line at fault and the ledger stays empty.
pub fn check(data: &[u8]) {
    // One-based lines as `BufRead::lines` counts them.
    let lines = data.split(|&b| b == b'\n').count();
    let mut ledger = Ledger::new();
    match ledger.import_jsonl(data) {
        Ok(added) => {
            let held = ledger.claims().len();
            let first = export(&ledger);
            let mut copy = Ledger::new();
            let readded = copy
                .import_jsonl(first.as_slice())
                .unwrap_or_else(|error| panic!("re-importing an export failed: {error}"));
            assert_eq!(
                readded, held,
                "re-importing the export added {readded} of {held} claims"
            );
            let second = export(&copy);
            assert!(
                first == second,
                "export → import → export differs:\n{}\n----\n{}",
                String::from_utf8_lossy(&first),
                String::from_utf8_lossy(&second)
            );
            // Importing the same data again adds nothing and changes nothing.
            let again = ledger
                .import_jsonl(data)
                .unwrap_or_else(|error| panic!("importing the same data twice failed: {error}"));
            assert_eq!(
                again, 0,
                "importing the same data twice added {again} claims"
            );
            assert!(
                export(&ledger) == first,
                "importing the same data twice changed the ledger"
            );
            // Last, so that the checks above run on every input: the count
            // returned is the number of claims added.
            assert_eq!(
                added, held,
                "import into an empty ledger returned {added} but the ledger holds {held} claims"
            );
        }
        Err(Error::Import { line, .. }) => {
            assert!(
                (1..=lines).contains(&line),
                "Error::Import line {line} outside the input's {lines} lines"
            );
            assert_empty(&ledger);
        }
        // A line that is not UTF-8 cannot be read: `BufRead::lines` fails.
        Err(Error::Store { source, .. }) => {
            assert!(
                std::str::from_utf8(data).is_err(),
                "Error::Store ({source}) for input that is valid UTF-8"
            );
            assert_empty(&ledger);
        }
        Err(other) => panic!("import failed with an untyped error: {other:?}"),
    }
}

fn assert_empty(ledger: &Ledger) {
    assert!(
        ledger.sources().is_empty()
            && ledger.entities().is_empty()
            && ledger.claims().is_empty()
            && ledger.relations().is_empty(),
        "a failed import changed the ledger: {ledger:?}"
    );
    assert!(
        export(ledger).is_empty(),
        "a failed import left records to export"
    );
}
