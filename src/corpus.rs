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
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Cause, Error};

/// One document of a corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CorpusDocument {
    /// Its id: the path of a file, or the `id` field of a JSON line.
    pub id: String,
    /// Its text.
    pub text: String,
}

fn read_error(path: &Path, source: Cause) -> Error {
    Error::Read {
        path: path.to_path_buf(),
        source,
    }
}

/// The `.txt` files under `root`, in path order; each is read when the
/// iterator reaches it. A file that cannot be read, or whose bytes are not
/// UTF-8 text, gives [`Error::Read`] with the file's path in its place
/// (its source is the `std::io::Error`, or the [`Error::InvalidUtf8`],
/// [`Error::NotText`] or [`Error::UnsupportedEncoding`] of its bytes), and
/// the walk goes on.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("claimtrack-corpus-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("a.txt"), "Q: Why?\n\nA: Because.")?;
/// std::fs::write(dir.join("b.txt"), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")?;
/// let read: Vec<_> = claimtrack::corpus::directory(&dir)?.collect();
/// assert!(read[0].is_ok());
/// let error = read[1].as_ref().unwrap_err().to_string();
/// assert!(error.starts_with("cannot read "), "{error}");
/// assert!(error.contains("b.txt: the input is not text: a PDF file"), "{error}");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
        let entries = std::fs::read_dir(&dir).map_err(|e| read_error(&dir, Cause::new(e)))?;
        for entry in entries {
            let path = entry.map_err(|e| read_error(&dir, Cause::new(e)))?.path();
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
    Ok(CorpusDocument {
        id: path.display().to_string(),
        text: crate::input::read_file(path)?,
    })
}

/// The documents of a JSON Lines stream, one `{"id": …, "text": …}` object
/// a line (blank lines skipped), read as the iterator reaches them.
///
/// A line that is not such an object, or that cannot be read, gives
/// [`Error::Import`] with its line number in its place (its source is the
/// `serde_json::Error` or `std::io::Error`), and reading goes on. For a
/// file, [`jsonl_file`] names the file in its errors too.
pub fn jsonl(input: impl BufRead) -> impl Iterator<Item = Result<CorpusDocument, Error>> {
    jsonl_lines(input, None)
}

/// The documents of a JSON Lines file, as [`jsonl`] reads them, with the
/// file's path in every error.
///
/// ```
/// let path = std::env::temp_dir().join(format!("claimtrack-corpus-doc-{}.jsonl", std::process::id()));
/// std::fs::write(&path, "{\"id\": \"a\", \"text\": \"Q: Why?\"}\n{\"id\": 3}\n")?;
/// let read: Vec<_> = claimtrack::corpus::jsonl_file(&path)?.collect();
/// let error = read[1].as_ref().unwrap_err().to_string();
/// assert!(error.starts_with(&format!("JSON Lines {}, line 2: ", path.display())), "{error}");
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::Read`] with the path when the file cannot be opened.
pub fn jsonl_file(
    path: impl AsRef<Path>,
) -> Result<impl Iterator<Item = Result<CorpusDocument, Error>>, Error> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|e| read_error(path, Cause::new(e)))?;
    Ok(jsonl_lines(
        std::io::BufReader::new(file),
        Some(path.to_path_buf()),
    ))
}

fn jsonl_lines(
    input: impl BufRead,
    path: Option<PathBuf>,
) -> impl Iterator<Item = Result<CorpusDocument, Error>> {
    input
        .lines()
        .enumerate()
        .filter(|(_, line)| line.as_ref().map_or(true, |l| !l.trim().is_empty()))
        .map(move |(number, line)| {
            let import_error = |message: String, source: Cause| Error::Import {
                path: path.clone(),
                line: number + 1,
                message,
                source: Some(source),
            };
            let line = line
                .map_err(|e| import_error(format!("cannot read the line: {e}"), Cause::new(e)))?;
            serde_json::from_str(&line).map_err(|e| import_error(e.to_string(), Cause::new(e)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn errors_name_the_file_and_the_line() {
        let dir =
            std::env::temp_dir().join(format!("claimtrack-corpus-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.txt"), "Q: Why?\n\nA: Because.").unwrap();
        std::fs::write(dir.join("sub/bad.txt"), b"ok \xff").unwrap();
        std::fs::write(dir.join("sub/nul.txt"), [0u8; 100]).unwrap();
        let read: Vec<_> = directory(&dir).unwrap().collect();
        assert_eq!(read.len(), 3);
        assert!(read[0].is_ok());
        let bad = read[1].as_ref().unwrap_err();
        assert!(
            matches!(bad, Error::Read { path, .. } if path.ends_with("sub/bad.txt")),
            "{bad:?}"
        );
        assert_eq!(
            bad.source().and_then(|s| s.downcast_ref::<Error>()),
            Some(&Error::InvalidUtf8 { offset: 3 })
        );
        let nul = read[2].as_ref().unwrap_err().to_string();
        assert!(
            nul.contains("nul.txt: the input is not text: binary content"),
            "{nul}"
        );

        let jsonl_path = dir.join("corpus.jsonl");
        std::fs::write(
            &jsonl_path,
            "{\"id\": \"a\", \"text\": \"x\"}\n\n{\"id\": \"b\"}\n",
        )
        .unwrap();
        let read: Vec<_> = jsonl_file(&jsonl_path).unwrap().collect();
        let error = read[1].as_ref().unwrap_err();
        assert!(
            matches!(error, Error::Import { path: Some(p), line: 3, .. } if *p == jsonl_path),
            "{error:?}"
        );
        assert!(error.source().unwrap().is::<serde_json::Error>());
        assert!(
            error
                .to_string()
                .contains("corpus.jsonl, line 3: missing field `text`"),
            "{error}"
        );
        let missing = jsonl_file(dir.join("missing.jsonl"))
            .map(|_| ())
            .unwrap_err();
        assert!(missing.to_string().contains("missing.jsonl"), "{missing}");
        assert!(missing.source().unwrap().is::<std::io::Error>());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unreadable_line_is_an_import_error_with_its_number() {
        let read: Vec<_> = jsonl(&b"{\"id\": \"a\", \"text\": \"x\"}\n\xff\n"[..]).collect();
        let error = read[1].as_ref().unwrap_err();
        assert!(
            matches!(
                error,
                Error::Import {
                    path: None,
                    line: 2,
                    ..
                }
            ),
            "{error:?}"
        );
        assert!(error.source().unwrap().is::<std::io::Error>());
    }
}
