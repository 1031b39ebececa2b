#![no_main]

use libfuzzer_sys::fuzz_target;

mod extract_check;

fuzz_target!(|data: &[u8]| extract_check::check(data));
