//! Malformed variants of each imported format: the bad record is skipped with its format's field
//! name and position, and the good record beside it still loads.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use std::path::Path;

use annals::io::{self, IssueLevel};

#[test]
fn each_format_reports_the_bad_record_and_keeps_the_good_one() {
    let cases = [
        (
            "timelinejs-bad-parts.json",
            "timelinejs",
            (2, 18), // at the field's value, not the record's first character (issue 19)
            "start_date",
            "month: \"July\" is not a whole number",
        ),
        (
            "stix-bad-time.json",
            "stix",
            (2, 74), // at the field's value
            "first_seen",
            "campaign \"Bad\": field `first_seen`: month 13 does not exist",
        ),
        (
            "veris-day-without-month.json",
            "veris",
            (2, 76), // at the field's value
            "timeline.incident",
            "day given without month",
        ),
        (
            "misp-bad-date.json",
            "misp",
            (2, 35), // at the field's value
            "date",
            "day 30 does not exist in February 2016 (it has 29 days)",
        ),
        (
            "csv-bad-date.csv",
            "csv",
            (3, 22),
            "end",
            "4 May 2021 is before the start 5 May 2021",
        ),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats");
    for (name, format, (line, column), field, needle) in cases {
        let file = io::load_file(&dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(file.part.info.format.name(), format, "{name}");
        assert_eq!(file.part.events.len(), 1, "{name}: the good record loads");
        assert_eq!(file.issues.len(), 1, "{name}: {:?}", file.issues);
        let issue = &file.issues[0];
        assert_eq!(issue.level, IssueLevel::Skipped, "{name}");
        assert_eq!(
            (issue.location.line, issue.location.column),
            (line, column),
            "{name}: {issue}"
        );
        assert_eq!(issue.field.as_deref(), Some(field), "{name}");
        assert!(
            issue.message.contains(needle),
            "{name}: {:?}",
            issue.message
        );
    }
}

#[test]
fn a_broken_jsonl_line_costs_only_that_line() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/timesketch-bad-row.jsonl");
    let file = io::load_file(&path).unwrap();
    assert_eq!(file.part.info.format.name(), "timesketch");
    assert_eq!(file.part.events.len(), 1);
    let places: Vec<_> = file
        .issues
        .iter()
        .map(|i| (i.location.line, i.level))
        .collect();
    assert_eq!(places, [(2, IssueLevel::Skipped), (3, IssueLevel::Skipped)]);
    assert!(file.issues[1].message.contains("no datetime or timestamp"));
}

#[test]
fn convert_writes_atomically_and_refuses_an_unusable_input() {
    let dir = std::env::temp_dir().join(format!("annals-atomic-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let output = dir.join("out.json");
    std::fs::write(&output, "previous contents").unwrap();
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid/truncated.json");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("convert")
        .arg(&broken)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        "previous contents",
        "an unusable input writes nothing"
    );
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/csv-bad-date.csv");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("convert")
        .arg(&good)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "one record skipped");
    let converted = io::load_file(&output).unwrap();
    assert_eq!(converted.part.events.len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary file left behind: {leftovers:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
