//! Plaso / log2timeline super-timelines (`psort -o l2tcsv`), from a hand-made file in the shape
//! psort writes (`tests/data/plaso/`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use std::path::Path;

use annals::io::{self, IssueLevel};
use annals::model::Event;

#[test]
fn l2tcsv_rows_keep_which_time_they_are_their_zone_and_their_source_as_the_lane() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/plaso/super-timeline.l2tcsv.csv");
    let file = io::load_file(&path).unwrap();
    assert_eq!(file.part.info.format.name(), "plaso");
    let events: Vec<Event> = (0..file.part.events.len())
        .map(|i| file.part.events.owned(i).unwrap())
        .collect();
    assert_eq!(events.len(), 4, "the 'Not a time' row is skipped, said");
    let created = events
        .iter()
        .find(|e| e.title == "C:/Users/alice/Downloads/invoice.pdf.exe")
        .unwrap();
    // 11:00:03 in Brussels in May is 09:00:03 UTC.
    assert_eq!(created.start.label(), "4 May 2021 11:00:03 UTC+2");
    assert_eq!(created.start.start_secs(), 1_620_118_803.0);
    assert_eq!(
        created.category.as_deref(),
        Some("FILE"),
        "source is the lane"
    );
    assert!(
        created.tags.contains(&"Creation Time".to_owned()),
        "{:?}",
        created.tags
    );
    assert!(created.tags.contains(&"NTFS $MFT".to_owned()));
    assert!(created.tags.contains(&"MACB ...B".to_owned()));
    assert_eq!(created.actors, ["alice"]);
    assert_eq!(created.targets, ["WS-042"]);
    let description = created.description.as_deref().unwrap();
    assert!(description.starts_with("C:/Users/alice/Downloads/invoice.pdf.exe, file reference"));
    assert!(description.contains("type: Creation Time"), "{description}");
    assert!(description.contains("format: mft"), "{description}");
    let visited = events
        .iter()
        .find(|e| e.title == "https://example.org/login")
        .unwrap();
    assert_eq!(visited.start.label(), "4 May 2021 11:00:05.123456 UTC");
    // Plaso's "-" is nothing: no actor for the syslog line.
    let ssh = events
        .iter()
        .find(|e| e.title.starts_with("[sshd]"))
        .unwrap();
    assert!(ssh.actors.is_empty());
    assert!(!ssh.description.as_deref().unwrap().contains("inode: -"));
    let skipped: Vec<_> = file
        .issues
        .iter()
        .filter(|i| i.level == IssueLevel::Skipped)
        .collect();
    assert_eq!(skipped.len(), 1);
    assert_eq!(
        (skipped[0].location.line, skipped[0].location.column),
        (5, 1)
    );
    assert!(
        skipped[0].message.contains("Not a time"),
        "{}",
        skipped[0].message
    );
}

#[test]
fn gen_writes_l2tcsv_that_reads_back_clean() {
    let dir = std::env::temp_dir().join(format!("annals-plaso-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("gen.csv");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args([
            "gen", "--events", "2000", "--seed", "3", "--format", "l2tcsv", "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let file = io::load_file(&out).unwrap();
    assert_eq!(file.part.info.format.name(), "plaso");
    assert_eq!(file.part.events.len(), 2000);
    assert!(file.issues.is_empty(), "{:?}", file.issues.first());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn json_line_rows_read_as_timesketch_jsonl_with_microseconds_and_data_type_lanes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/plaso/super-timeline.json_line.jsonl");
    let file = io::load_file(&path).unwrap();
    assert!(file.issues.is_empty(), "{:?}", file.issues);
    let events: Vec<Event> = (0..file.part.events.len())
        .map(|i| file.part.events.owned(i).unwrap())
        .collect();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].start.label(), "4 May 2021 09:00:03.000000 UTC");
    assert_eq!(events[0].category.as_deref(), Some("fs:stat"));
    assert_eq!(events[0].tags, ["Creation Time"]);
    assert_eq!(events[1].start.label(), "4 May 2021 09:00:05.123456 UTC");
    assert_eq!(
        events[1].category.as_deref(),
        Some("chrome:history:page_visited")
    );
}
