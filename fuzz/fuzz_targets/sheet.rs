//! The spreadsheet reader on any bytes: Ok, or an error that says where; never a panic or a
//! hang. Seed it with `tests/data/sheets/` so that it starts inside real workbooks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    annals::fuzzing::check(annals::io::sheet::parse("fuzz", data.to_vec()));
});
