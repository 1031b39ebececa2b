#![no_main]

use libfuzzer_sys::fuzz_target;

mod ledger_import_check;

fuzz_target!(|data: &[u8]| ledger_import_check::check(data));
