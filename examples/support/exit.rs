//! How the examples end.

use std::fmt::Display;
use std::process::ExitCode;

/// Success, or the error's message on standard error and a failing exit
/// code.
pub fn code(result: Result<(), impl Display>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
