//! The date grammar: never a panic; what parses prints back to itself and covers a finite interval.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        annals::fuzzing::check_date(text);
    }
});
