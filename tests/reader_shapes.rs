//! Shapes of real files the readers once got wrong (issue 14), each as a small hand-made file in
//! `tests/data/shapes/` with the same shape as the real one (the real files stay in
//! `../shared/data/real/`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use annals::io::{self, IssueLevel, LoadedFile};
use annals::model::Event;

fn shape(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/shapes")
        .join(name)
}

fn load(name: &str) -> LoadedFile {
    io::load_file(&shape(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn events(file: &LoadedFile) -> Vec<Event> {
    (0..file.part.events.len())
        .map(|i| file.part.events.owned(i).unwrap())
        .collect()
}

fn annals() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_annals"));
    command.env("LC_ALL", "C").env("LANG", "C");
    command
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annals-shapes-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// 1. `PyMISP` writes events without `uuid`, `Attribute` or the `Event` wrapper.
#[test]
fn a_bare_misp_event_is_read_by_its_own_fields() {
    let file = load("misp-bare-event.json");
    assert_eq!(file.part.info.format.name(), "misp");
    let events = events(&file);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].title, "Phishing wave against municipalities");
    assert_eq!(events[0].start.label(), "1 March 2022");
    assert_eq!(events[0].severity, Some(annals::model::Severity::Medium));
    assert!(file.issues.is_empty(), "{:?}", file.issues);
}

/// 2. Timesketch's `timestamp` in seconds, milliseconds, microseconds or nanoseconds.
#[test]
fn timesketch_timestamps_take_their_unit_from_their_size() {
    // The row whose unit is a guess: where its timestamp's value is.
    for (name, unsure_at) in [
        ("timesketch-epoch-units.csv", (6, 26)),
        ("timesketch-epoch-units.jsonl", (5, 39)),
    ] {
        let file = load(name);
        assert_eq!(file.part.info.format.name(), "timesketch", "{name}");
        let labels: Vec<(String, String)> = events(&file)
            .into_iter()
            .map(|e| (e.title, e.start.label()))
            .collect();
        let label = |title: &str| {
            labels.iter().find(|(t, _)| t == title).map_or_else(
                || panic!("{name}: no {title:?} in {labels:?}"),
                |(_, l)| l.clone(),
            )
        };
        assert_eq!(label("in seconds"), "24 July 2022 19:01:01 UTC", "{name}");
        assert_eq!(
            label("in milliseconds"),
            "24 July 2022 19:01:01.123 UTC",
            "{name}"
        );
        assert_eq!(
            label("in microseconds"),
            "24 July 2022 19:01:01.123456 UTC",
            "{name}"
        );
        // Every row is kept; the ones whose unit is a guess are said, at their line.
        assert_eq!(labels.len(), 5, "{name}");
        let warned: Vec<(usize, usize)> = file
            .issues
            .iter()
            .inspect(|i| assert_eq!(i.level, IssueLevel::Warning, "{name}: {i:?}"))
            .map(|i| (i.location.line, i.location.column))
            .collect();
        assert_eq!(warned, [unsure_at], "{name}: {:?}", file.issues);
    }
    let csv = events(&load("timesketch-epoch-units.csv"));
    assert_eq!(csv[3].start.label(), "24 July 2022 19:01:01.123456789 UTC");
    let jsonl = events(&load("timesketch-epoch-units.jsonl"));
    assert_eq!(jsonl[3].start.label(), "24 July 2022 19:01:01.25 UTC");
}

/// 2, on Timesketch's own test file: `timestamp` in microseconds beside `datetime`, agreeing.
#[test]
fn timesketch_microseconds_beside_datetime_still_agree() {
    let text = "message,timestamp,datetime\n\
                a,1658689261000000,2022-07-24T19:01:01+0000\n\
                b,1658689261,2022-07-24T19:01:01+0000\n";
    let file = io::load_text("t.csv", text).unwrap();
    assert_eq!(file.part.events.len(), 2);
    assert!(file.issues.is_empty(), "{:?}", file.issues);
}

/// 4. `convert` writes what it could read when one input is unusable; `check` follows the
///    same rule.
#[test]
fn convert_and_check_keep_what_could_be_read() {
    let dir = temp_dir("convert");
    let output = dir.join("out.json");
    let good = shape("misp-bare-event.json");
    let also_good = shape("veris-titles.json");
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid/truncated.json");
    let run = annals()
        .arg("convert")
        .arg(&good)
        .arg(&broken)
        .arg(&also_good)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&broken.display().to_string()), "{stderr}");
    let converted = io::load_file(&output).unwrap();
    assert_eq!(converted.part.events.len(), 1 + 5);

    let run = annals()
        .arg("check")
        .arg(&good)
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    // Nothing readable at all: exit 2, and no output file.
    let nothing = dir.join("nothing.json");
    let run = annals()
        .arg("convert")
        .arg(&broken)
        .arg(shape("misp-sharing-groups.json"))
        .arg("-o")
        .arg(&nothing)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(!nothing.exists());
    let run = annals().arg("check").arg(&broken).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

/// 5. VERIS actors with names.
#[test]
fn veris_named_actors_are_the_actors() {
    let file = load("veris-named-actors.json");
    let event = &events(&file)[0];
    // The internal actor's name is "Unknown", so its kind stands for it.
    assert_eq!(
        event.actors,
        [
            "Cl0p ransomware group",
            "Internal (System admin)",
            "Example MSP"
        ]
    );
    assert!(
        event
            .tags
            .contains(&"actor: External (Organized crime)".to_owned()),
        "{:?}",
        event.tags
    );
    assert!(event.tags.contains(&"actor: Partner".to_owned()));
}

/// 7. An array of objects that are not events is not taken for one.
#[test]
fn an_array_of_other_objects_is_not_a_timeline() {
    let path = shape("misp-sharing-groups.json");
    let error = io::load_file(&path).expect_err("refused");
    let said = error.to_string();
    assert!(said.contains("not a format Annals reads"), "{said}");
    for tried in ["Annals event", "VERIS", "MISP"] {
        assert!(said.contains(tried), "{said}");
    }
    assert_eq!(
        error.location().map(|l| (l.line, l.column)),
        Some((2, 3)),
        "at the first item"
    );
    let run = annals().arg("check").arg(&path).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    // An array of events with a bad first record is still read as events, the record reported.
    let file = io::load_text(
        "a.json",
        r#"[{"title": "no start"}, {"title": "ok", "start": "2021"}]"#,
    )
    .unwrap();
    assert_eq!(file.part.events.len(), 1);
    assert_eq!(file.issues[0].level, IssueLevel::Skipped);
}

/// 8. VERIS titles end at a real sentence end, without the quotes around the summary.
#[test]
fn veris_titles_end_at_a_real_sentence() {
    let titles: Vec<String> = events(&load("veris-titles.json"))
        .into_iter()
        .map(|e| e.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Multiple U.S. agencies were hit by a phishing campaign",
            "Dr. Smith's clinic lost an unencrypted laptop",
            "Hackers leaked data of Acme Inc. customers,\u{201d} a spokesperson said on Monday",
            "an employee of the regional hospital e-mailed a spreadsheet with patient names and \
             addresses to a…",
            "Ransomware hit the city council!",
        ]
    );
    for title in &titles {
        assert!(title.chars().count() <= 100, "{title}");
    }
}

/// 9. `TimelineJS`'s -300 is 300 BCE in the window, in `check` and after `convert`.
#[test]
fn bce_years_are_said_as_the_source_meant_them_everywhere() {
    let path = shape("timelinejs-bce.json");
    let file = load("timelinejs-bce.json");
    let first = &events(&file)[0];
    assert_eq!(first.start.label(), "300 BCE", "as the window shows it");
    let check = annals().arg("check").arg(&path).output().unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(stdout.contains("-0299 (300 BCE)"), "{stdout}");
    let dir = temp_dir("bce");
    let output = dir.join("bce.json");
    let run = annals()
        .arg("convert")
        .arg(&path)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    let written = std::fs::read_to_string(&output).unwrap();
    assert!(written.contains("\"-0299\""), "{written}");
    let back = io::load_file(&output).unwrap();
    assert_eq!(back.part.events.owned(0).unwrap().start.label(), "300 BCE");
    std::fs::remove_dir_all(&dir).ok();
}

/// A file no reader takes says what each tried and why it refused.
#[test]
fn a_file_no_reader_takes_says_why_each_refused() {
    let said = |text: &str| {
        io::load_text("x", text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let object = said(r#"{"foo": 1}"#);
    for reason in [
        "Annals: no `events`",
        "TimelineJS: ",
        "STIX: ",
        "VERIS: ",
        "MISP: ",
        "Timesketch: ",
    ] {
        assert!(object.contains(reason), "{object}");
    }
    assert!(
        !object.contains("CSV"),
        "a JSON object is not CSV: {object}"
    );
    let schema =
        said(r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}"#);
    assert!(schema.contains("JSON Schema"), "{schema}");
    let text = said("a,b\n1,2\n");
    assert!(
        text.contains("CSV: the first row") && text.contains("neither"),
        "{text}"
    );
}
