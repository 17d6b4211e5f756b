//! Any bytes through format detection, the reader it picks, the dataset, lanes, the scene at the
//! data's extent and the SVG export: no panic, no hang, no unbounded work.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        annals::fuzzing::check_pipeline(text);
    }
});
