//! The spreadsheet reader on any bytes: Ok, or an error that says where; never a panic or a
//! hang. Seed it with `tests/data/sheets/` so that it starts inside real workbooks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // libFuzzer's hook aborts on any panic, before it can unwind. The reader catches a panic
    // inside calamine's own calls (a damaged file); anything else still unwinds to the harness,
    // which reports it. So panics unwind here, quietly.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    annals::fuzzing::check(annals::io::sheet::parse("fuzz", data.to_vec()));
});
