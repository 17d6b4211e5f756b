//! Unit tests of `io::native`.

use super::*;
use crate::io::IssueLevel;
use crate::io::Location;

#[test]
fn a_bad_record_is_skipped_with_its_position_and_the_rest_loads() {
    let text = r#"{"annals": 1, "events": [
  {"title": "ok", "start": "2021"},
  {"title": "bad day", "start": "2021-02-30"},
  {"title": "also ok", "start": "2021-05-04T11:00+02:00", "colour": "red"}
]}"#;
    let file = parse("t.json", text).unwrap();
    assert_eq!(file.part.events.len(), 2);
    assert_eq!(file.issues.len(), 2);
    let skipped = &file.issues[0];
    assert_eq!(skipped.level, IssueLevel::Skipped);
    assert_eq!(
        skipped.location,
        Location {
            line: 3,
            column: 33
        }
    );
    assert_eq!(skipped.field.as_deref(), Some("start"));
    assert!(
        skipped.message.contains("event 2 \"bad day\""),
        "{}",
        skipped.message
    );
    assert!(
        skipped.message.contains("February 2021 (it has 28 days)"),
        "{}",
        skipped.message
    );
    let warning = &file.issues[1];
    assert_eq!(warning.level, IssueLevel::Warning);
    assert_eq!(warning.field.as_deref(), Some("colour"));
    assert_eq!(warning.location.line, 4);
}

#[test]
fn a_records_problems_are_said_in_the_windows_language() {
    use crate::i18n::Lang;
    let text = r#"{"annals": 1, "events": [
  {"title": "bad day", "start": "2021-02-30"},
  {"title": "ok", "start": "2021", "colour": "red"},
  {"title": "", "start": "2021"},
  {"title": "span", "start": "2021-05-05", "end": "2021-05-04"}
]}"#;
    let file = parse("t.json", text).unwrap();
    let said: Vec<[String; 4]> = file
        .issues
        .iter()
        .map(|i| Lang::ALL.map(|lang| i.said.in_lang(lang)))
        .collect();
    assert_eq!(said.len(), 4, "{said:#?}");
    // English is exactly what `check` prints.
    for (issue, words) in file.issues.iter().zip(&said) {
        assert_eq!(issue.message, words[0]);
    }
    assert_eq!(
        said[0][1],
        "gebeurtenis 1 \"bad day\": veld `start`: dag 30 bestaat niet in februari 2021 (die heeft 28 dagen)"
    );
    assert_eq!(
        said[1][3],
        "Ereignis 2 \"ok\": unbekanntes Feld `colour` ignoriert (bekannt: id, title, start, end, \
         category, tags, actors, targets, description, sources, disclosed, links, severity, circa, \
         display_date, translations)"
    );
    assert_eq!(
        said[2][2],
        "événement 3\u{a0}: champ `title`\u{a0}: est vide"
    );
    assert_eq!(
        said[3][1],
        "gebeurtenis 4 \"span\": veld `end`: 4 mei 2021 ligt vóór het begin 5 mei 2021"
    );
}

#[test]
fn not_json_is_an_error_with_line_and_column() {
    let err = parse("x.json", "{\n  \"events\": [\n    {\"title\": }\n]}").unwrap_err();
    assert_eq!(
        err.location(),
        Some(Location {
            line: 3,
            column: 15
        })
    );
    assert!(
        err.to_string()
            .starts_with("\"x.json\" is not valid JSON at line 3, column 15"),
        "{err}"
    );
}

#[test]
fn bare_arrays_missing_ids_and_duplicates() {
    let text = r#"[{"title": "a", "start": 2012}, {"id": "x", "title": "b", "start": "2013"},
                   {"id": "x", "title": "c", "start": "2014"}]"#;
    let file = parse("t.json", text).unwrap();
    let ids: Vec<_> = file
        .part
        .events
        .iter()
        .map(crate::model::store::EventRef::id)
        .collect();
    assert_eq!(ids, ["event-1", "x", "x~2"]);
    assert_eq!(file.issues.len(), 1);
    assert!(file.issues[0].message.contains("duplicate id"));
}
