//! Prints the claims of an interview file as a table: the layout, the
//! turns, the entities, then one row per claim (kind, actor, polarity,
//! certainty, evidence, time and text) and the dropped lines.
//!
//! ```text
//! cargo run --example extract -- seeds/minsk-analyst-interview.txt
//! ```
//!
//! The `claimtrack` binary does the same and more: `claimtrack extract
//! FILE --format json` and the other formats of `claimtrack extract --help`.

use std::error::Error;
use std::io::Write;

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: cargo run --example extract -- FILE")?;
    // The file as UTF-8 text; an error names the file.
    let text = claimtrack::input::read_file(&path)?;
    let extraction = claimtrack::extract(&text)?;
    let table = claimtrack::export::claims_table(&extraction);
    std::io::stdout().write_all(table.as_bytes())?;
    Ok(())
}
