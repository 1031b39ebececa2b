//! Standard output for the examples: everything at once, and quietly done
//! when the reader stops early (`| head`).

use std::io::Write;

/// Writes `out` to standard output and flushes it. A closed pipe is not an
/// error: the reader has all it wanted.
pub fn print(out: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}
