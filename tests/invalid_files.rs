//! Every file in `tests/data/invalid/` gives the right message at the right line, column and
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]
//! field, and costs nothing else: the other records of the file still load.

use std::path::Path;

use annals::io::{self, IssueLevel, LoadError};

/// What one broken file must produce.
enum Expect {
    /// The file is unusable: an error at this line and column whose text contains `needle`.
    Unusable {
        line: usize,
        column: usize,
        needle: &'static str,
    },
    /// One issue at this place and field; `events` records still load.
    Issue {
        level: IssueLevel,
        line: usize,
        column: usize,
        field: Option<&'static str>,
        needle: &'static str,
        events: usize,
    },
    /// Nothing wrong after all (a BOM is allowed): `events` load with no issue.
    Clean { events: usize },
}

fn cases() -> Vec<(&'static str, Expect)> {
    use Expect::{Clean, Issue, Unusable};
    use IssueLevel::{Skipped, Warning};
    vec![
        (
            "truncated.json",
            Unusable {
                line: 3,
                column: 1,
                needle: "ends unexpectedly at line 3, column 1: the file looks truncated",
            },
        ),
        (
            "trailing-comma.json",
            Unusable {
                line: 3,
                column: 1,
                needle: "not valid JSON",
            },
        ),
        (
            "top-level-number.json",
            Unusable {
                line: 1,
                column: 1,
                needle: "not a format Annals reads",
            },
        ),
        (
            "no-events.json",
            Unusable {
                line: 1,
                column: 1,
                needle: "no `events` array",
            },
        ),
        (
            "newer-version.json",
            Unusable {
                line: 1,
                column: 12,
                needle: "format version 2 is newer",
            },
        ),
        (
            "events-not-array.json",
            Unusable {
                line: 2,
                column: 12,
                needle: "field `events`: expected an array, found an object",
            },
        ),
        (
            "not-utf8.json",
            Unusable {
                line: 1,
                column: 16,
                needle: "is not UTF-8 text",
            },
        ),
        (
            "utf16.json",
            Unusable {
                line: 1,
                column: 1,
                needle: "UTF-16",
            },
        ),
        (
            "impossible-date.json",
            Issue {
                level: Skipped,
                line: 3,
                column: 51,
                field: Some("start"),
                needle: "day 30 does not exist in February 2021",
                events: 1,
            },
        ),
        (
            "end-before-start.json",
            Issue {
                level: Skipped,
                line: 3,
                column: 11,
                field: Some("end"),
                needle: "4 May 2021 is before the start 5 May 2021",
                events: 1,
            },
        ),
        (
            "title-wrong-type.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 13,
                field: Some("title"),
                needle: "expected a string, found a number",
                events: 1,
            },
        ),
        (
            "missing-title.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 3,
                field: Some("title"),
                needle: "missing",
                events: 1,
            },
        ),
        (
            "missing-start.json",
            Issue {
                level: Skipped,
                line: 3,
                column: 3,
                field: Some("start"),
                needle: "event 2 \"When?\": field `start`: missing",
                events: 1,
            },
        ),
        (
            "month-13.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 42,
                field: Some("start"),
                needle: "month 13 does not exist",
                events: 1,
            },
        ),
        (
            "offset-out-of-range.json",
            Issue {
                level: Skipped,
                line: 3,
                column: 13,
                field: Some("start"),
                needle: "UTC offset \"+25:00\"",
                events: 1,
            },
        ),
        (
            "tag-not-string.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 55,
                field: Some("tags[1]"),
                needle: "expected a string, found a number",
                events: 1,
            },
        ),
        (
            "bad-severity.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 54,
                field: Some("severity"),
                needle: "\"apocalyptic\"",
                events: 1,
            },
        ),
        (
            "bad-link-type.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 65,
                field: Some("links[0].type"),
                needle: "\"inspired\"",
                events: 1,
            },
        ),
        (
            "year-out-of-range.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 33,
                field: Some("start"),
                needle: "out of range",
                events: 1,
            },
        ),
        (
            "period-backwards.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 61,
                field: Some("end"),
                needle: "period 1 \"Backwards\"",
                events: 1,
            },
        ),
        (
            "hostile-strings.json",
            Issue {
                level: Skipped,
                line: 4,
                column: 36,
                field: Some("start"),
                needle: "expected a string, found null",
                events: 1,
            },
        ),
        (
            "duplicate-ids.json",
            Issue {
                level: Warning,
                line: 3,
                column: 3,
                field: Some("id"),
                needle: "duplicate id \"x\"; kept as \"x~2\"",
                events: 2,
            },
        ),
        (
            "unknown-field.json",
            Issue {
                level: Warning,
                line: 2,
                column: 53,
                field: Some("colour"),
                needle: "unknown field `colour`",
                events: 1,
            },
        ),
        (
            "bad-color.json",
            Issue {
                level: Warning,
                line: 2,
                column: 38,
                field: Some("color"),
                needle: "expected #rrggbb",
                events: 1,
            },
        ),
        ("bom.json", Clean { events: 1 }),
        (
            "nan.json",
            Unusable {
                line: 2,
                column: 38,
                needle: "not valid JSON at line 2, column 38: expected value",
            },
        ),
        (
            "huge-number.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 33,
                field: Some("start"),
                needle: "got 1e400",
                events: 0,
            },
        ),
        (
            "huge-integer.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 43,
                field: Some("start"),
                needle: "got 123456789012345678901234567890",
                events: 1,
            },
        ),
        (
            "nesting-100000-deep.json",
            Issue {
                level: Skipped,
                line: 1,
                column: 2,
                field: Some("event"),
                needle: "expected an object, found an array",
                events: 0,
            },
        ),
        (
            "empty.json",
            Unusable {
                line: 1,
                column: 1,
                needle: "not a format Annals reads",
            },
        ),
        (
            "whitespace-only.json",
            Unusable {
                line: 4,
                column: 1,
                needle: "not a format Annals reads",
            },
        ),
        (
            "null-top.json",
            Unusable {
                line: 1,
                column: 1,
                needle: "not a format Annals reads",
            },
        ),
        (
            "events-null.json",
            Unusable {
                line: 1,
                column: 25,
                needle: "field `events`: expected an array, found null",
            },
        ),
        (
            "event-not-object.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 3,
                field: Some("event"),
                needle: "expected an object, found a string",
                events: 1,
            },
        ),
        (
            "start-empty.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 37,
                field: Some("start"),
                needle: "empty date",
                events: 1,
            },
        ),
        (
            "start-fractional.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 41,
                field: Some("start"),
                needle: "a whole year, got 2012.5",
                events: 1,
            },
        ),
        (
            "feb-29-not-leap.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 41,
                field: Some("start"),
                needle: "day 29 does not exist in February 2023 (it has 28 days)",
                events: 1,
            },
        ),
        (
            "hour-25.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 33,
                field: Some("start"),
                needle: "time of day \"25:00:00\" is out of range",
                events: 1,
            },
        ),
        (
            "duplicate-keys.json",
            Issue {
                level: Warning,
                line: 2,
                column: 37,
                field: Some("title"),
                needle: "duplicate key `title`: the last value is used",
                events: 1,
            },
        ),
        (
            "sources-not-array.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 52,
                field: Some("sources"),
                needle: "expected an array, found a string",
                events: 1,
            },
        ),
        (
            "circa-not-bool.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 48,
                field: Some("circa"),
                needle: "expected true or false, found a string",
                events: 1,
            },
        ),
        (
            "timelinejs-month-13.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 18, // the field's value, not the record (issue 19)
                field: Some("start_date"),
                needle: "month 13 does not exist",
                events: 1,
            },
        ),
        (
            "timelinejs-year-garbage.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 18, // the field's value, not the record (issue 19)
                field: Some("start_date"),
                needle: "year: \"abc\" is not a whole number",
                events: 1,
            },
        ),
        (
            "timelinejs-truncated.json",
            Unusable {
                line: 2,
                column: 58,
                needle: "ends unexpectedly at line 2, column 58: the file looks truncated",
            },
        ),
        (
            "stix-truncated.json",
            Unusable {
                line: 2,
                column: 83,
                needle: "ends unexpectedly at line 2, column 83: the file looks truncated",
            },
        ),
        (
            "stix-objects-not-array.json",
            Unusable {
                line: 1,
                column: 50,
                needle: "field `objects`: expected an array, found an object",
            },
        ),
        (
            "stix-last-before-first.json",
            Issue {
                level: Skipped,
                line: 2,
                column: 118, // the field's value (issue 19)
                field: Some("last_seen"),
                needle: "1 January 2016 00:00:00 UTC is before the start 1 February 2016",
                events: 1,
            },
        ),
        (
            "veris-month-13.json",
            Issue {
                level: Skipped,
                line: 1,
                column: 98, // the field's value (issue 19)
                field: Some("timeline.incident"),
                needle: "month 13 does not exist",
                events: 0,
            },
        ),
        (
            "veris-truncated.json",
            Unusable {
                line: 1,
                column: 102,
                needle: "ends unexpectedly at line 1, column 102: the file looks truncated",
            },
        ),
        (
            "misp-date-wrong-type.json",
            Issue {
                level: Skipped,
                line: 1,
                column: 42, // the field's value (issue 19)
                field: Some("date"),
                needle: "expected a date string such as \"2021-05-04\", found a number",
                events: 0,
            },
        ),
        (
            "misp-truncated.json",
            Unusable {
                line: 1,
                column: 100,
                needle: "ends unexpectedly at line 1, column 100: the file looks truncated",
            },
        ),
        (
            "timesketch-impossible-date.jsonl",
            Issue {
                level: Skipped,
                line: 2,
                column: 39, // at the field's value (issue 19)
                field: Some("datetime"),
                needle: "day 30 does not exist in February 2015",
                events: 1,
            },
        ),
        (
            "timesketch-bad-datetime.csv",
            Issue {
                level: Skipped,
                line: 3,
                column: 5, // at the field's value (issue 19)
                field: Some("datetime"),
                needle: "got \"yesterday\"",
                events: 1,
            },
        ),
        (
            "csv-no-title-column.csv",
            Unusable {
                line: 1,
                column: 1,
                needle: "CSV: the first row is not a header with `title` and `start`",
            },
        ),
        (
            "csv-unclosed-quote.csv",
            Issue {
                level: Skipped,
                line: 2,
                column: 1,
                field: None,
                needle: "1 fields where the header has 2 (a quote left open",
                events: 0,
            },
        ),
        (
            "csv-missing-start.csv",
            Issue {
                level: Skipped,
                line: 3,
                column: 10,
                field: Some("start"),
                needle: "empty date",
                events: 1,
            },
        ),
        (
            "csv-utf16.csv",
            Unusable {
                line: 1,
                column: 1,
                needle: "the file is UTF-16 text; Annals reads UTF-8",
            },
        ),
        (
            "csv-not-utf8.csv",
            Unusable {
                line: 2,
                column: 4,
                needle: "is not UTF-8 text at line 2, column 4",
            },
        ),
        (
            "l2tcsv-iso-date.csv",
            Issue {
                level: Skipped,
                line: 3,
                column: 1,
                field: Some("date"),
                needle: "is not as psort writes it",
                events: 1,
            },
        ),
        (
            "sheet-bad-date.xlsx",
            Issue {
                level: Skipped,
                line: 3, // the sheet's row 3, column B, as the spreadsheet shows them
                column: 2,
                field: Some("start"),
                needle: "sheet “Log”, row 3: field `start`: expected a date",
                events: 1,
            },
        ),
        (
            "sheet-no-timeline.xlsx",
            Unusable {
                line: 1,
                column: 1,
                needle: "no sheet has the columns title and start",
            },
        ),
        (
            // Found by the fuzzer: 6 KiB on which calamine asked for 24 GiB (a sector chain
            // that loops), and one on which it panicked.
            "sheet-chain-loop.xls",
            Unusable {
                line: 1,
                column: 1,
                needle: "looks damaged",
            },
        ),
        (
            "sheet-calamine-panic.xls",
            Unusable {
                line: 1,
                column: 1,
                needle: "looks damaged",
            },
        ),
        (
            "sheet-calamine-panic-1.xls",
            Unusable {
                line: 1,
                column: 1,
                needle: "looks damaged",
            },
        ),
        (
            "sheet-calamine-panic-2.xls",
            Unusable {
                line: 1,
                column: 1,
                needle: "looks damaged",
            },
        ),
        (
            // 4.8 KiB naming cell XFD1048576: calamine's range for it was one 512 GiB
            // allocation, which aborted the process. Only filled cells are kept now.
            "sheet-cell-far-away.xlsx",
            Issue {
                level: Skipped,
                line: 1_048_576,
                column: 1,
                field: Some("title"),
                needle: "row 1048576: field `title`: is empty",
                events: 1,
            },
        ),
        (
            // Found by the fuzzer: 6 KiB on which calamine took 10 GiB and 24 s (a cell
            // record far to the right makes its sheet one dense block).
            "sheet-xls-far-column.xls",
            Unusable {
                line: 1,
                column: 1,
                needle: "looks damaged",
            },
        ),
        (
            // Found by the fuzzer: a DIMENSIONS record from which calamine reserved 367 GiB,
            // which aborts (nothing can catch a failed allocation).
            "sheet-xls-huge-dimensions.xls",
            Unusable {
                line: 1,
                column: 1,
                needle: "more rows or columns than an .xls sheet has",
            },
        ),
        (
            // Found by the fuzzer: 5.5 KiB whose few cells span a block calamine made dense:
            // 835 MiB and 1.3 s in a release build, 20 s under the fuzzer.
            "sheet-xls-spread-out.xls",
            Unusable {
                line: 1,
                column: 1,
                needle: "spread over a block of more than a million cells",
            },
        ),
        (
            // Found by the fuzzer: a run of cells (MULRK) that ends before it starts, which
            // Annals' own walk of the records once subtracted the wrong way round.
            "sheet-xls-backwards-run.xls",
            Unusable {
                line: 1,
                column: 1,
                needle: "looks damaged",
            },
        ),
        (
            // Found by the fuzzer: the workbook stream's name is cut ("Workboo"); calamine
            // found it anyway and took 3 GiB and 4 s where the pre-check could not look.
            "sheet-xls-damaged-stream-name.xls",
            Unusable {
                line: 1,
                column: 1,
                needle: "no workbook stream",
            },
        ),
        (
            // Found by the fuzzer: a BOUNDSHEET offset into the middle of the stream, where
            // calamine read a DIMENSIONS record (first row after the last) and reserved 1 PiB:
            // an abort. The pre-check now walks each sheet from where calamine does.
            "sheet-xls-sheet-offset-dimensions.xls",
            Unusable {
                line: 1,
                column: 1,
                needle: "more rows or columns than an .xls sheet has",
            },
        ),
        (
            "sheet-truncated.xlsx",
            Unusable {
                line: 1,
                column: 1,
                needle: "damaged or cut short",
            },
        ),
    ]
}

#[test]
fn every_invalid_file_is_reported_where_it_is_wrong() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid");
    let cases = cases();
    let on_disk = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        on_disk,
        cases.len(),
        "every file in {} needs a case",
        dir.display()
    );
    assert!(cases.len() >= 50, "{} files", cases.len());
    for (name, expect) in cases {
        let path = dir.join(name);
        let result = io::load_file(&path);
        match expect {
            Expect::Unusable {
                line,
                column,
                needle,
            } => {
                let err: LoadError = result
                    .err()
                    .unwrap_or_else(|| panic!("{name}: expected the file to be unusable"));
                let location = err
                    .location()
                    .unwrap_or_else(|| panic!("{name}: no location in {err}"));
                assert_eq!(
                    (location.line, location.column),
                    (line, column),
                    "{name}: {err}"
                );
                let text = io::report::error_chain(&err);
                assert!(
                    text.contains(needle),
                    "{name}: {text:?} should contain {needle:?}"
                );
                assert!(
                    text.contains(name),
                    "{name}: the message names the file: {text}"
                );
            }
            Expect::Issue {
                level,
                line,
                column,
                field,
                needle,
                events,
            } => {
                let file = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(file.issues.len(), 1, "{name}: {:?}", file.issues);
                let issue = &file.issues[0];
                assert_eq!(issue.level, level, "{name}");
                assert_eq!(
                    (issue.location.line, issue.location.column),
                    (line, column),
                    "{name}: {issue}"
                );
                assert_eq!(issue.field.as_deref(), field, "{name}");
                assert!(
                    issue.message.contains(needle),
                    "{name}: {:?} should contain {needle:?}",
                    issue.message
                );
                assert_eq!(
                    file.part.events.len(),
                    events,
                    "{name}: the other records still load"
                );
            }
            Expect::Clean { events } => {
                let file = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(file.issues.is_empty(), "{name}: {:?}", file.issues);
                assert_eq!(file.part.events.len(), events, "{name}");
            }
        }
    }
}

#[test]
fn hostile_strings_are_kept_as_plain_text_and_local_links_are_not_openable() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid/hostile-strings.json");
    let file = io::load_file(&path).unwrap();
    let event = file.part.events.owned(0).unwrap();
    assert_eq!(event.title, "<script>alert(1)</script>\u{0}\u{202e}");
    // Drawn literally: the markup as text, the NUL and the right-to-left override as visible marks.
    assert_eq!(
        annals::model::text::one_line(&event.title, 300),
        "<script>alert(1)</script>[U+0000][U+202E]"
    );
    let url = event.sources[0].url.as_deref().unwrap();
    assert!(!annals::app::is_openable_url(url));
}

/// The two corpus files too big to keep in the repository are written here, at test time.
#[test]
fn a_ten_megabyte_string_and_a_million_empty_events_cost_nothing_else() {
    let dir = std::env::temp_dir().join(format!("annals-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    let long = dir.join("string-10mb.json");
    let title = "A".repeat(10_000_000);
    std::fs::write(
        &long,
        format!(
            r#"[{{"title": "{title}", "start": "2021"}}, {{"title": "Fine", "start": "2022"}}]"#
        ),
    )
    .unwrap();
    let file = io::load_file(&long).unwrap();
    assert!(file.issues.is_empty(), "{:?}", file.issues);
    assert_eq!(file.part.events.len(), 2);
    assert_eq!(file.part.events.owned(0).unwrap().title.len(), 10_000_000);

    let empty = dir.join("empty-events-1m.json");
    std::fs::write(&empty, format!("[{}]", vec!["{}"; 1_000_000].join(","))).unwrap();
    let file = io::load_file(&empty).unwrap();
    assert!(file.part.events.is_empty());
    // Problems are capped: the first ones in full, then one line counting the rest.
    assert_eq!(file.issues.len(), io::MAX_ISSUES_PER_FILE + 1);
    let first = &file.issues[0];
    assert_eq!((first.location.line, first.location.column), (1, 2));
    assert!(first.message.contains("event 1"), "{}", first.message);
    let last = file.issues.last().unwrap();
    assert_eq!(last.level, IssueLevel::Skipped);
    assert!(
        last.message
            .starts_with("and 990000 more problems from here on (990000 records skipped"),
        "{}",
        last.message
    );
    std::fs::remove_dir_all(&dir).ok();
}
