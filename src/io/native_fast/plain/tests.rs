//! The plain reader against the serde path and against JSON itself.

use super::read;
use crate::io::native::Draft;
use crate::io::native_fast::check_plain as plain_agrees;

#[test]
fn plain_records_are_read_as_the_serde_path_reads_them() {
    let records = [
        r#"{"id": "e0", "title": "Supply-chain compromise of a hospital #0", "category": "incident", "start": "2015-10", "tags": ["tag27"]}"#,
        r#"{"id": "e5", "title": "Outage", "category": "vulnerability", "start": "2011-09-10", "end": "2011-09-10", "tags": ["tag17", "tag2"], "actors": ["actor36"]}"#,
        "{\"title\":\"t\",\"start\":2012}",
        " {\n\t\"title\" : \"Ünïcode — ok\" ,\r\n \"start\" : \"2021-05-04T11:00+02:00\" } ",
        r#"{"title": "t", "start": "2021", "end": null, "disclosed": "2021-06", "category": null}"#,
        r#"{"title": "t", "start": "2021", "category": "  ", "targets": [], "circa": true}"#,
        r#"{"title": "t", "start": "2021", "circa": false, "severity": "critical"}"#,
        r#"{"title": "t", "start": "2021", "description": "Long text", "display_date": "spring"}"#,
        r#"{"title": "t", "start": "2021", "description": null, "display_date": null}"#,
        r#"{"title": "t", "start": 1999, "end": 2001, "actors": [ "a" , "b" ]}"#,
        r#"{"title": "del \u007f is no control", "start": "2021"}"#.replace("\\u007f", "\u{7f}").as_str(),
        "{}",
    ]
    .map(str::to_owned);
    for text in &records {
        assert!(plain_agrees(text), "the plain reader gave up on {text:?}");
    }
}

#[test]
fn the_plain_reader_gives_up_on_all_but_its_shape() {
    let records = [
        r#"{"title": "Esc\u00e9ape", "start": "2021"}"#,
        r#"{"title": "quote \" inside", "start": "2021"}"#,
        "{\"title\": \"raw\ttab\", \"start\": \"2021\"}",
        "{\"title\": \"raw\nline\", \"start\": \"2021\"}",
        r#"{"title": "t", "start": -5}"#,
        r#"{"title": "t", "start": 0}"#,
        r#"{"title": "t", "start": 01}"#,
        r#"{"title": "t", "start": 2021.0}"#,
        r#"{"title": "t", "start": 2e3}"#,
        r#"{"title": "t", "start": 2021E1}"#,
        r#"{"title": "t", "start": 1234567890123456789}"#,
        r#"{"title": "t", "start": "2021-02-30"}"#,
        r#"{"title": "t", "start": "2021", "sources": [{"url": "https://example.org"}]}"#,
        r#"{"title": "t", "start": "2021", "colour": "red"}"#,
        r#"{"title": "t", "title": "twice", "start": "2021"}"#,
        r#"{"title": "t", "start": "2021"} x"#,
        r#"{"title": "t", "start": "2021"}}"#,
        r#"{"title": "t", "start": "2021",}"#,
        r#"{"title": "t" "start": "2021"}"#,
        r#"{"title": "t", "start": "2021", "tags": ["a",]}"#,
        r#"{"title": "t", "start": "2021", "tags": ["a" "b"]}"#,
        r#"{"title": "t", "start": "2021", "tags": null}"#,
        r#"{"title": "t", "start": "2021", "tags": [1]}"#,
        r#"{"title": "t", "start": "2021", "circa": truex}"#,
        r#"{"title": "t", "start": "2021", "circa": "yes"}"#,
        r#"{"title": "t", "start": "2021", "end": nul}"#,
        r#"{"title": "t", "start": "2021", "severity": "extreme"}"#,
        r#"{"id": 7, "title": "t", "start": "2021"}"#,
        r#"{"title": null, "start": "2021"}"#,
        r#"{"title": "t", "start": "2021""#,
        r#"{"title": "t", "start"#,
        r#"["title", "start"]"#,
        "",
    ];
    for text in records {
        let mut draft = Draft::default();
        assert!(!read(text, &mut draft), "the plain reader took {text:?}");
    }
}

const KEYS: &[&str] = &[
    "\"id\"",
    "\"title\"",
    "\"end\"",
    "\"tags\"",
    "\"actors\"",
    "\"circa\"",
    "\"severity\"",
    "\"category\"",
    "\"description\"",
    "\"disclosed\"",
    "\"display_date\"",
    "\"x\"",
];
const VALUES: &[&str] = &[
    "\"e1\"",
    "\"A title\"",
    "\"2021\"",
    "\"2021-05-04\"",
    "\"2021-13\"",
    "\"high\"",
    "\"é\"",
    "\"\\n\"",
    "\"\\u0041\"",
    "2012",
    "0",
    "01",
    "-0",
    "-3",
    "1.5",
    "7e2",
    "2012.",
    "null",
    "true",
    "false",
    "[]",
    "[\"a\"]",
    "[\"a\", \"b\"]",
    "[\"a\",]",
    "[1]",
    "{}",
    "nul",
    "tru",
];
const TOKENS: &[&str] = &[
    "[", "]", "{", "}", ":", ",", " ", "\n", "\t", "\u{1}", "\\", "\"",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]

    /// Records built from the plain shape's parts, then broken by a few edits anywhere:
    /// whatever the plain reader takes is JSON that the serde path reads the same.
    #[test]
    fn whatever_the_plain_reader_takes_is_json_read_the_same(
        pairs in proptest::collection::vec(
            (proptest::sample::select(KEYS), proptest::sample::select(VALUES)),
            0..5,
        ),
        tokens in proptest::collection::vec(
            proptest::sample::select([KEYS, VALUES, TOKENS].concat()),
            0..16,
        ),
        start in proptest::sample::select(VALUES),
        edits in proptest::collection::vec(
            (0..200_usize, proptest::sample::select(vec![
                "", "\"", ",", ":", "{", "}", "[", "]", " ", "\\", "\u{0}", "0", "1", "-", ".", "e",
            ])),
            0..3,
        ),
        shape in 0..4_u8,
    ) {
        // Most are records of the plain shape as written, so the reader takes many; the
        // edits then break them in every place.
        let mut text = if shape == 3 {
            tokens.concat()
        } else {
            let mut t = format!("{{\"title\": \"t\", \"start\": {start}");
            for (key, value) in &pairs {
                t.push_str(", ");
                t.push_str(key);
                t.push_str(": ");
                t.push_str(value);
            }
            t.push('}');
            t
        };
        for (at, insert) in edits {
            let at = at % (text.len() + 1);
            if text.is_char_boundary(at) {
                if insert.is_empty() {
                    // An edit that deletes one character.
                    let next = text.get(at..).and_then(|r| r.chars().next());
                    if let Some(c) = next {
                        text.replace_range(at..at + c.len_utf8(), "");
                    }
                } else {
                    text.insert_str(at, insert);
                }
            }
        }
        plain_agrees(&text);
    }
}

#[test]
fn every_record_of_a_generated_file_is_plain() {
    let mut bytes = Vec::new();
    crate::synth::write_native(
        crate::synth::SynthOptions {
            events: 2000,
            seed: 3,
        },
        &mut bytes,
    )
    .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let records = value["events"].as_array().unwrap();
    assert_eq!(records.len(), 2000);
    for record in records {
        assert!(plain_agrees(&record.to_string()), "{record}");
    }
}
