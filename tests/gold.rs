//! Loading the gold annotations in `tests/gold/`.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

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
    annotated(
        &root().join("tests/gold"),
        ".gold.json",
        &root().join("seeds"),
        |g: &Gold| &g.document,
    )
}

/// The real-transcript corpus, `tests/corpus/`.
pub fn corpus_dir() -> PathBuf {
    root().join("tests/corpus")
}

/// Every file in `folder` whose name ends in `suffix`, parsed, with the text
/// of the document it names (in `texts`), in file-name order.
pub fn annotated<G: DeserializeOwned>(
    folder: &Path,
    suffix: &str,
    texts: &Path,
    document: fn(&G) -> &str,
) -> Vec<(G, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.to_string_lossy().ends_with(suffix))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let json = std::fs::read_to_string(&path).expect("readable gold file");
            let gold: G = serde_json::from_str(&json)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let text = std::fs::read_to_string(texts.join(document(&gold)))
                .unwrap_or_else(|error| panic!("text of {}: {error}", path.display()));
            (gold, text)
        })
        .collect()
}

/// Byte offsets where `needle` occurs in `text` as whole words.
pub fn occurrences(text: &str, needle: &str) -> Vec<usize> {
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(needle)
        .map(|(start, _)| start)
        .filter(|&start| {
            let before = text.get(..start).and_then(|t| t.chars().next_back());
            let after = text
                .get(start + needle.len()..)
                .and_then(|t| t.chars().next());
            !word_char(before) && !word_char(after)
        })
        .collect()
}
