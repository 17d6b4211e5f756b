//! The native reader on any bytes: Ok, or an error that says where; never a panic or a hang.
//! Read as it streams in (cut everywhere), it gives exactly what reading it whole gives; what
//! its plain fast path takes of a record (or a line) is JSON the serde path reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        annals::fuzzing::check(annals::io::native::parse("fuzz", text));
        annals::fuzzing::check_native_records(text);
    }
    annals::fuzzing::check_native_stream(data);
});
