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
        field: &'static str,
        needle: &'static str,
        events: usize,
    },
}

fn cases() -> Vec<(&'static str, Expect)> {
    use Expect::{Issue, Unusable};
    use IssueLevel::{Skipped, Warning};
    vec![
        (
            "truncated.json",
            Unusable {
                line: 3,
                column: 1,
                needle: "not valid JSON at line 3, column 1: EOF while parsing",
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
                field: "start",
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
                field: "end",
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
                field: "title",
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
                field: "title",
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
                field: "start",
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
                field: "start",
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
                field: "start",
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
                field: "tags[1]",
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
                field: "severity",
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
                field: "links[0].type",
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
                field: "start",
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
                field: "end",
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
                field: "start",
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
                field: "id",
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
                field: "colour",
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
                field: "color",
                needle: "expected #rrggbb",
                events: 1,
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
    assert!(cases.len() >= 15);
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
                assert_eq!(issue.field.as_deref(), Some(field), "{name}");
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
        }
    }
}

#[test]
fn hostile_strings_are_kept_as_plain_text_and_local_links_are_not_openable() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/invalid/hostile-strings.json");
    let file = io::load_file(&path).unwrap();
    let event = &file.part.events[0];
    assert_eq!(event.title, "<script>alert(1)</script>\u{0}\u{202e}");
    let url = event.sources[0].url.as_deref().unwrap();
    assert!(!annals::app::is_openable_url(url));
}
