//! Reading a corpus one document at a time: every `.txt` file under a
//! directory, or the lines of a JSON Lines file, without loading the whole
//! corpus.
//!
//! ```
//! use std::io::Cursor;
//!
//! let jsonl = "{\"id\": \"a\", \"text\": \"Q: Why?\\n\\nA: Because.\"}\n{\"id\": \"b\", \"text\": \"\"}\n";
//! let documents: Vec<_> = claimtrack::corpus::jsonl(Cursor::new(jsonl)).collect();
//! assert_eq!(documents.len(), 2);
//! assert_eq!(documents[0].as_ref().unwrap().id, "a");
//! ```

use std::io::BufRead;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// One document of a corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CorpusDocument {
    /// Its id: the path of a file, or the `id` field of a JSON line.
    pub id: String,
    /// Its text.
    pub text: String,
}

fn read_error(path: &str, error: impl std::fmt::Display) -> Error {
    Error::Read {
        path: path.to_string(),
        message: error.to_string(),
    }
}

/// The `.txt` files under `root`, in path order; each is read when the
/// iterator reaches it. A file that is not UTF-8 gives
/// [`Error::InvalidUtf8`] in its place, and the walk goes on.
///
/// # Errors
///
/// [`Error::Read`] when `root` or a directory under it cannot be listed.
pub fn directory(
    root: impl AsRef<Path>,
) -> Result<impl Iterator<Item = Result<CorpusDocument, Error>>, Error> {
    let mut files = Vec::new();
    let mut pending = vec![root.as_ref().to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries =
            std::fs::read_dir(&dir).map_err(|e| read_error(&dir.display().to_string(), e))?;
        for entry in entries {
            let path = entry
                .map_err(|e| read_error(&dir.display().to_string(), e))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files.into_iter().map(|path| read_file(&path)))
}

fn read_file(path: &Path) -> Result<CorpusDocument, Error> {
    let id = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| read_error(&id, e))?;
    let text = crate::input::decode(&bytes)?.to_string();
    Ok(CorpusDocument { id, text })
}

/// The documents of a JSON Lines stream, one `{"id": …, "text": …}` object
/// a line (blank lines skipped), read as the iterator reaches them.
///
/// A line that is not such an object gives [`Error::Import`] with its line
/// number in its place, and reading goes on.
pub fn jsonl(input: impl BufRead) -> impl Iterator<Item = Result<CorpusDocument, Error>> {
    input
        .lines()
        .enumerate()
        .filter(|(_, line)| line.as_ref().map_or(true, |l| !l.trim().is_empty()))
        .map(|(number, line)| {
            let line = line.map_err(|e| read_error("corpus", e))?;
            serde_json::from_str(&line).map_err(|error| Error::Import {
                line: number + 1,
                message: error.to_string(),
            })
        })
}
