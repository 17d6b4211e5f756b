//! Spreadsheets (`.xlsx`, `.xls`, `.ods`) and the `TimelineJS` Google-Sheets template (as a
//! spreadsheet and as CSV), from the hand-made files in `tests/data/sheets/` (written by its
//! `make.py`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use std::path::{Path, PathBuf};

use annals::io::{self, IssueLevel, LoadedFile};
use annals::model::Event;

fn sheet(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/sheets")
        .join(name)
}

fn load(name: &str) -> LoadedFile {
    io::load_file(&sheet(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn events(file: &LoadedFile) -> Vec<Event> {
    (0..file.part.events.len())
        .map(|i| file.part.events.owned(i).unwrap())
        .collect()
}

fn by_title<'e>(events: &'e [Event], title: &str) -> &'e Event {
    events
        .iter()
        .find(|e| e.title == title)
        .unwrap_or_else(|| panic!("no {title:?}"))
}

/// The Incidents sheet, as every workbook kind holds it: date cells, a date-time cell, a date as
/// text, a year as a number; a bad row and a backwards row skipped where they are.
fn assert_incidents(name: &str, file: &LoadedFile) {
    assert_eq!(file.part.info.format.name(), "spreadsheet", "{name}");
    let events = events(file);
    let belnet = by_title(&events, "Belnet DDoS");
    assert_eq!(
        belnet.date_label(),
        "4 May 2021 11:00 – 5 May 2021",
        "{name}: a date-time cell keeps its minutes, a date cell is a day"
    );
    assert!(
        belnet.start.is_floating(),
        "{name}: spreadsheets have no zone"
    );
    assert_eq!(belnet.tags, ["ddos", "availability"], "{name}");
    assert_eq!(belnet.category.as_deref(), Some("incident"), "{name}");
    assert_eq!(
        belnet.sources[0].url.as_deref(),
        Some("https://www.belnet.be"),
        "{name}"
    );
    assert_eq!(belnet.description.as_deref(), Some("analyst: jd"), "{name}");
    assert_eq!(
        by_title(&events, "Written as text").start.label(),
        "May 2021"
    );
    assert_eq!(
        by_title(&events, "A year as a number").start.label(),
        "2012"
    );
    let skipped: Vec<(usize, usize, Option<&str>)> = file
        .issues
        .iter()
        .filter(|i| i.level == IssueLevel::Skipped)
        .map(|i| (i.location.line, i.location.column, i.field.as_deref()))
        .collect();
    assert_eq!(
        skipped,
        [(5, 2, Some("start")), (6, 3, Some("end"))],
        "{name}: row and column as the spreadsheet shows them"
    );
    let first = file
        .issues
        .iter()
        .find(|i| i.level == IssueLevel::Skipped)
        .unwrap();
    assert!(
        first.message.contains("sheet “Incidents”, row 5"),
        "{name}: {}",
        first.message
    );
}

#[test]
fn xlsx_xls_and_ods_read_the_same_rows_the_same_way() {
    for name in ["incidents.xlsx", "incidents.xls", "incidents.ods"] {
        assert_incidents(name, &load(name));
    }
}

#[test]
fn the_1904_date_system_gives_the_same_dates() {
    let from_1900: Vec<String> = events(&load("incidents.xlsx"))
        .iter()
        .map(Event::date_label)
        .collect();
    let from_1904: Vec<String> = events(&load("incidents-1904.xlsx"))
        .iter()
        .map(Event::date_label)
        .collect();
    assert_eq!(from_1900, from_1904);
    assert_incidents("incidents-1904.xlsx", &load("incidents-1904.xlsx"));
}

#[test]
fn each_sheet_with_events_is_its_own_lane_and_other_sheets_are_said() {
    let file = load("incidents.xlsx");
    let events = events(&file);
    let strategy = by_title(&events, "Cyber Strategy 2.0 approved");
    assert_eq!(strategy.category.as_deref(), Some("Policy"));
    assert_eq!(strategy.start.label(), "20 May 2021");
    assert_eq!(strategy.id, "Policy!2", "ids as a spreadsheet names cells");
    // An event with its own category keeps it.
    assert_eq!(
        by_title(&events, "A year as a number").category.as_deref(),
        Some("strategy")
    );
    let notes: Vec<&io::Issue> = file
        .issues
        .iter()
        .filter(|i| i.message.contains("Notes"))
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", file.issues);
    assert_eq!(notes[0].level, IssueLevel::Warning);
}

#[test]
fn the_timelinejs_template_reads_as_timelinejs_does_in_a_spreadsheet_and_in_csv() {
    for name in ["timelinejs-template.xlsx", "timelinejs-template.csv"] {
        let file = load(name);
        assert_eq!(
            file.part.info.title.as_deref(),
            Some("Belgium's cyber story"),
            "{name}: the title row is the dataset's title, not an event"
        );
        let events = events(&file);
        let belnet = by_title(&events, "Belnet DDoS");
        assert_eq!(
            belnet.date_label(),
            "4 May 2021 11:00 – 5 May 2021",
            "{name}"
        );
        assert_eq!(belnet.category.as_deref(), Some("Incidents"), "{name}");
        assert_eq!(
            belnet.sources[0].url.as_deref(),
            Some("https://www.belnet.be"),
            "{name}"
        );
        let euclid = by_title(&events, "Euclid's Optica");
        assert_eq!(euclid.start.label(), "300 BCE", "{name}: -300 is 300 BCE");
        assert_eq!(euclid.display_date.as_deref(), Some("c. 300 BCE"), "{name}");
        assert_eq!(file.part.periods.len(), 1, "{name}: the era row");
        assert_eq!(file.part.periods[0].title, "Cyber Strategy 2.0");
        assert_eq!(file.part.periods[0].end.label(), "2025");
        let bad = file
            .issues
            .iter()
            .find(|i| i.message.contains("month 13"))
            .unwrap_or_else(|| panic!("{name}: {:?}", file.issues));
        assert_eq!(bad.level, IssueLevel::Skipped);
        assert_eq!(bad.field.as_deref(), Some("Year"), "{name}");
        assert_eq!(bad.location.column, 1, "{name}");
    }
    let csv = load("timelinejs-template.csv");
    assert_eq!(csv.part.info.format.name(), "timelinejs");
    let xlsx = load("timelinejs-template.xlsx");
    // A 12-hour time written as text, and a bad end kept as a point with a warning.
    let events = events(&xlsx);
    let bad_end = by_title(&events, "Bad end day");
    assert_eq!(bad_end.date_label(), "1 March 2022 14:30");
    let warning = xlsx
        .issues
        .iter()
        .find(|i| i.level == IssueLevel::Warning)
        .unwrap();
    assert_eq!(
        (warning.location.line, warning.location.column),
        (8, 5),
        "{warning}"
    );
    // A column the template does not have is kept in the description.
    assert!(
        by_title(&events, "Belnet DDoS")
            .description
            .as_deref()
            .unwrap()
            .contains("Analyst note: confirmed")
    );
}

#[test]
fn broken_workbooks_say_why_and_cost_nothing_else() {
    let invalid = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid");
    let cut = io::load_file(&invalid.join("sheet-truncated.xlsx")).expect_err("cut short");
    assert!(cut.to_string().contains("damaged or cut short"), "{cut}");
    let none = io::load_file(&invalid.join("sheet-no-timeline.xlsx")).expect_err("no columns");
    assert!(none.to_string().contains("title and start"), "{none}");
    let bad = io::load_file(&invalid.join("sheet-bad-date.xlsx")).unwrap();
    assert_eq!(bad.part.events.len(), 1);
    let issue = &bad.issues[0];
    assert_eq!(
        (
            issue.location.line,
            issue.location.column,
            issue.field.as_deref()
        ),
        (3, 2, Some("start"))
    );
    assert!(issue.message.contains("\"yesterday\""), "{issue}");
}
