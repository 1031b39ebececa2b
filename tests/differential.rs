//! The whole pipeline's output, pinned: a digest of the JSON of every
//! seed, every real transcript of the corpus and a generated stress corpus,
//! one line per document in an `insta` snapshot. A change that alters any
//! extraction shows as the documents whose line changed; a change meant to
//! leave output alone (a speed-up) must change no line.
//!
//! To see what changed in a document, compare `claimtrack extract FILE
//! --format json` before and after the change.

use std::fmt::Write as _;
use std::path::Path;

use crate::stress::{SHAPES, hostile};

/// FNV-1a, 64 bits: the same digest on every machine and release.
fn digest(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One line: the document, its claims and entities, and the digest of its
/// JSON (or the error it gave).
fn line(out: &mut String, name: &str, text: &str) {
    match claimtrack::extract(text) {
        Ok(extraction) => {
            let json = serde_json::to_string(&extraction).expect("serializes");
            let _ = writeln!(
                out,
                "{name}: {} claims, {} entities, {:016x}",
                extraction.claims.len(),
                extraction.entities.len(),
                digest(json.as_bytes())
            );
        }
        Err(error) => {
            let _ = writeln!(out, "{name}: error: {error}");
        }
    }
}

/// The `.txt` files of `dir`, by file name, in path order.
fn texts(dir: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    claimtrack::corpus::directory(&dir)
        .expect("a directory of texts")
        .map(|document| {
            let document = document.expect("a text");
            let name = Path::new(&document.id)
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, document.text)
        })
        .collect()
}

#[test]
fn every_document_extracts_as_before() {
    let mut out = String::new();
    for (name, text) in texts("seeds") {
        line(&mut out, &format!("seeds/{name}"), &text);
    }
    for (name, text) in texts("tests/corpus") {
        line(&mut out, &format!("corpus/{name}"), &text);
    }
    for shape in SHAPES {
        line(
            &mut out,
            &format!("stress/{shape}"),
            &hostile(shape, 32 << 10),
        );
    }
    insta::assert_snapshot!(out);
}
