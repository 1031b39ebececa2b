//! The `PATH[@YYYY-MM-DD[@SOURCE]]` inputs of the `track` and `report`
//! examples.

use claimtrack::ledger::Source;

/// The source an input names, and the path of its file: the date
/// (`YYYY-MM-DD`) orders its claims in the ledger, and the source id (the
/// file name without extension by default) makes their ids.
pub fn source(input: &str) -> Result<(Source, String), String> {
    let mut parts = input.splitn(3, '@');
    let path = parts.next().unwrap_or_default();
    let date = parts.next();
    let stem = std::path::Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned());
    let mut source = Source::new(&parts.next().map_or(stem, str::to_string));
    if let Some(date) = date {
        source = source.date(date).map_err(|e| format!("{input}: {e}"))?;
    }
    Ok((source, path.to_string()))
}
