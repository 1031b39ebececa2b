//! Loading the gold annotations in `tests/gold/`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// A gold file: the document's turns and dropped lines (and, for some
/// files, claims, read by the claim tests).
#[derive(Debug, Deserialize)]
pub struct Gold {
    pub document: String,
    #[serde(default)]
    pub layout: Option<String>,
    pub turns: Vec<GoldTurn>,
    pub dropped: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct GoldTurn {
    pub role: String,
    #[serde(default)]
    pub speaker: Option<String>,
    pub starts: String,
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every gold file with the text of its seed document.
pub fn all() -> Vec<(Gold, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("tests/gold"))
        .expect("tests/gold exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let json = std::fs::read_to_string(&path).expect("readable gold file");
            let gold: Gold = serde_json::from_str(&json)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let text = std::fs::read_to_string(root().join("seeds").join(&gold.document))
                .unwrap_or_else(|error| panic!("seed of {}: {error}", path.display()));
            (gold, text)
        })
        .collect()
}
