//! The Timesketch reader (JSONL and CSV) on any bytes: Ok, or an error that says where.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some((&first, rest)) = data.split_first()
        && let Ok(text) = std::str::from_utf8(rest)
    {
        annals::fuzzing::check(annals::io::timesketch::parse("fuzz", text, first % 2 == 0));
    }
});
