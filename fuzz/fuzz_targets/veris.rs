//! The veris reader on any bytes: Ok, or an error that says where; never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        annals::fuzzing::check(annals::io::veris::parse("fuzz", text));
    }
});
