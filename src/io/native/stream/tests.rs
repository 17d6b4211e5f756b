use super::*;
use crate::io::{LoadProgress, native};

/// The file read whole and read as it streams in, its source cut into `chunk`-byte reads and
/// its records into `batch`-byte batches.
fn both(
    text: &str,
    (chunk, batch, threaded): (usize, usize, bool),
) -> (
    Result<LoadedFile, LoadError>,
    Result<Option<LoadedFile>, LoadError>,
) {
    let whole = native::parse("a.json", text);
    let streamed = read_with(
        "a.json",
        &mut text.as_bytes(),
        Some(text.len() as u64),
        &LoadProgress::default(),
        (chunk, batch, threaded),
    );
    (whole, streamed)
}

/// Both readers agree on `text` at every cut: the same events, file, categories, periods and
/// problems (with their places), or the same error, or the stream leaves the file to the
/// whole-text reader. Returns whether the stream read it at every cut.
fn agree(text: &str) -> bool {
    let mut streamed_every_time = true;
    for cuts in [
        (16, 1, true),
        (17, 40, false),
        (31, 64, true),
        (64, 1, false),
        (1000, 200, true),
        (1 << 20, 1 << 20, false),
    ] {
        let cut = format!("cut {cuts:?}:\n{text}");
        match both(text, cuts) {
            (_, Ok(None)) => streamed_every_time = false,
            (Ok(whole), Ok(Some(streamed))) => {
                assert_eq!(streamed.part, whole.part, "{cut}");
                assert_eq!(streamed.issues, whole.issues, "{cut}");
            }
            (Err(whole), Err(streamed)) => {
                assert_eq!(streamed.to_string(), whole.to_string(), "{cut}");
                assert_eq!(streamed.location(), whole.location(), "{cut}");
            }
            (whole, streamed) => panic!(
                "the readers disagree ({:?} / {:?}), {cut}",
                whole.err(),
                streamed.err()
            ),
        }
    }
    streamed_every_time
}

#[test]
fn the_head_of_a_file_annals_wrote_is_recognised_and_nothing_else() {
    assert!(native_head(b"{\"annals\": 1, \"events\": []}"));
    assert!(native_head(b"\xef\xbb\xbf \n{\n  \"annals\": 1"));
    assert!(native_head(
        b"{\"$schema\": \"./annals.schema.json\",\n \"annals\": 1"
    ));
    assert!(native_head(b"{\"$schema\": \"a\\\"b\", \"annals\": 1"));
    assert!(!native_head(
        b"{\"$schema\": \"a\", \"title\": \"t\", \"annals\": 1"
    ));
    assert!(!native_head(b"{\"$schema\": 5, \"annals\": 1"));
    assert!(!native_head(b"{\"events\": [], \"annals\": 1}"));
    assert!(!native_head(b"[{\"title\": \"t\"}]"));
    assert!(!native_head(b"{\"annal"));
    assert!(!native_head(b""));
}

#[test]
fn the_stream_reads_what_the_whole_text_reader_reads_with_the_same_problems() {
    let belgium = crate::io::EMBEDDED_BELGIUM;
    assert!(agree(belgium), "the embedded dataset is streamed");
    let mut synthetic = Vec::new();
    crate::synth::write_native(
        crate::synth::SynthOptions {
            events: 300,
            seed: 3,
        },
        &mut synthetic,
    )
    .expect("writing to memory");
    let synthetic = String::from_utf8(synthetic).expect("UTF-8");
    assert!(agree(&synthetic), "a generated file is streamed");
    // Problems inside records, after the events array, on one line, with a BOM, in
    // multi-byte text: located the same by both readers.
    let streamed = [
        "{\"annals\": 1, \"events\": [{\"title\": \"é\", \"start\": \"2021-02-30\"}, {\"title\": \"ok\", \"start\": 2020}], \"periods\": [{\"title\": \"p\", \"start\": \"2022\", \"end\": \"2021\"}], \"colour\": 1}",
        "\u{feff}{\n  \"annals\": 1,\n  \"events\": [\n    {\"id\": \"a\", \"title\": \"A\", \"start\": \"2021\"},\n    {\"id\": \"a\", \"title\": \"B\", \"start\": \"2021\", \"tags\": \"x\"},\n    {\"id\": \"a\", \"title\": \"Ç\", \"start\": \"2021\", \"severity\": \"extreme\"}\n  ],\n  \"title\": \"after\"\n}\n",
        "{\"annals\": 1, \"events\": []}",
        "{\"annals\": 1, \"events\": [ ] }",
        "{\"annals\": 1, \"events\": [\"x\", 5, null, {\"start\": \"2021\"}, [1, {\"a\": \"]\"}]]}",
        "{\"annals\": 1, \"title\": \"t \\\" [ {\", \"events\": [{\"title\": \"q\\\\\", \"start\": \"2021\", \"description\": \"},{\\\"\"}]}",
        "{\"annals\": 1, \"events\": 5}",
        "{\"annals\": 1, \"events\": [{\"title\": \"a\", \"start\": \"2021\"}], \"periods\": 7, \"categories\": [{\"id\": 1}]}",
    ];
    for text in streamed {
        assert!(agree(text), "streamed:\n{text}");
    }
    // What only the whole-text reader can say exactly is left to it.
    let left = [
        "{\"annals\": 1, \"events\": [{\"title\": \"a\", \"start\": \"2021\"},]}",
        "{\"annals\": 1, \"events\": [{\"title\": \"a\", \"start\": \"2021\"}",
        "{\"annals\": 1, \"events\": [{\"title\": \"a\" \"start\": \"2021\"}]}",
        "{\"annals\": 1, \"events\": [{\"title\": \"a\", \"start\": \"2021\"}], \"events\": []}",
        "{\"annals\": 1, \"ev\\u0065nts\": [], \"events\": [{\"title\": \"a\", \"start\": \"2021\"}]}",
        "{\"annals\": 1, \"events\": [{\"title\": \"a\", \"start\": \"2021\"}], \"title\": }",
        "{\"annals\": 1, \"events\": [,]}",
    ];
    for text in left {
        assert!(!agree(text), "left to the whole reader:\n{text}");
    }
}

#[test]
fn every_invalid_and_sample_file_reads_the_same_streamed() {
    let folders = ["tests/data/invalid", "tests/data/formats", "assets"];
    let mut streamed = 0;
    for folder in folders {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        for entry in std::fs::read_dir(&folder).expect("the test data") {
            let path = entry.expect("a file").path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if native_head(text.as_bytes()) && agree(&text) {
                streamed += 1;
            }
            // A bare array of events is read whole; as the events of a file Annals wrote it
            // is streamed, and must read the same.
            if text.trim_start().starts_with('[') {
                let wrapped = format!("{{\"annals\": 1, \"events\": {text}}}");
                if agree(&wrapped) {
                    streamed += 1;
                }
            }
        }
    }
    assert!(streamed >= 30, "{streamed} files were streamed");
}

#[test]
fn a_cancelled_stream_stops_with_cancelled() {
    let progress = LoadProgress::default();
    progress
        .cancel
        .store(true, std::sync::atomic::Ordering::Relaxed);
    let text = crate::io::EMBEDDED_BELGIUM;
    let result = read_with(
        "a.json",
        &mut text.as_bytes(),
        None,
        &progress,
        (64, 64, true),
    );
    assert!(matches!(result, Err(LoadError::Cancelled { .. })));
}

#[test]
fn where_a_batch_begins_is_counted_in_characters_across_lines() {
    let base = Location { line: 3, column: 5 };
    assert_eq!(advance(base, b"ab"), Location { line: 3, column: 7 });
    assert_eq!(
        advance(base, "é,".as_bytes()),
        Location { line: 3, column: 7 }
    );
    assert_eq!(
        advance(base, "x\n\nçé".as_bytes()),
        Location { line: 5, column: 3 }
    );
}
