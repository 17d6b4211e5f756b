//! Timesketch / Plaso timelines, as JSONL (one JSON object per line) or CSV with a header.
//!
//! Each row is an event: `datetime` (ISO 8601, kept at its precision and zone) or, without it,
//! `timestamp` (microseconds since the epoch, UTC); `message` is the title and `timestamp_desc`
//! says which time it is. Every other column is kept in the description. When `datetime` and
//! `timestamp` disagree, `datetime` is used and the row is flagged.

use serde_json::Value;

use super::json::strip_position;
use super::report::{Issue, IssueLevel, LoadError, LoadedFile, Location};
use crate::model::{Category, Event, Format, TimePoint};

/// Whether a header row (or the first JSONL object's keys) looks like Timesketch.
pub(crate) fn looks_timesketch(columns: &[String]) -> bool {
    let has = |name: &str| columns.iter().any(|c| c == name);
    has("message") && (has("datetime") || has("timestamp"))
}

/// A time from microseconds since the epoch, at microsecond precision, UTC.
fn from_micros(micros: i64) -> Result<TimePoint, crate::i18n::Said> {
    let secs = micros.div_euclid(1_000_000);
    let fraction = micros.rem_euclid(1_000_000);
    TimePoint::from_unix_secs(secs)
        .and_then(|t| t.with_fraction(&format!("{fraction:06}")))
        .map_err(|e| e.said())
}

/// One row as `(column, value)` pairs, in column order.
type Row = Vec<(String, String)>;

/// Rows with the line each starts on, and the lines that could not be read.
type Rows = (Vec<(usize, Row)>, Vec<Issue>);

fn event_of(
    row: &Row,
    number: usize,
) -> Result<(Event, Option<crate::i18n::Said>), (String, crate::i18n::Said)> {
    let get = |name: &str| {
        row.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let from_timestamp = get("timestamp")
        .map(|t| {
            t.parse::<i64>()
                .map_err(|_| {
                    (
                        "timestamp".to_owned(),
                        crate::i18n::Said::new("reason-not-micros").text("value", format!("{t:?}")),
                    )
                })
                .and_then(|m| from_micros(m).map_err(|e| ("timestamp".to_owned(), e)))
        })
        .transpose()?;
    let from_datetime = match get("datetime") {
        // Some exports put microseconds in the datetime column.
        Some(text) if text.bytes().all(|b| b.is_ascii_digit()) && text.len() > 12 => Some(
            text.parse::<i64>()
                .map_err(|e| ("datetime".to_owned(), e.to_string().into()))
                .and_then(|m| from_micros(m).map_err(|e| ("datetime".to_owned(), e)))?,
        ),
        Some(text) => Some(
            text.parse::<TimePoint>()
                .map_err(|e| ("datetime".to_owned(), e.said()))?,
        ),
        None => None,
    };
    let mut warning = None;
    let start = match (from_datetime, from_timestamp) {
        (Some(datetime), Some(timestamp)) => {
            if (datetime.start_secs() - timestamp.start_secs()).abs() >= 1.0 {
                warning = Some(
                    crate::i18n::Said::new("reason-timesketch-disagree")
                        .date("timestamp", timestamp)
                        .date("datetime", datetime),
                );
            }
            datetime
        }
        (Some(datetime), None) => datetime,
        (None, Some(timestamp)) => timestamp,
        (None, None) => {
            return Err((
                "datetime".to_owned(),
                crate::i18n::Said::new("reason-no-datetime"),
            ));
        }
    };
    let title = get("message").map_or_else(|| format!("Row {number}"), str::to_owned);
    let mut event = Event::new(format!("row-{number}"), title, start);
    event.category = Some(get("data_type").map_or_else(|| "timesketch".to_owned(), str::to_owned));
    let skip = ["message", "datetime", "timestamp"];
    let details: Vec<String> = row
        .iter()
        .filter(|(k, v)| !skip.contains(&k.as_str()) && !v.trim().is_empty())
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    event.description = (!details.is_empty()).then(|| details.join("\n"));
    if let Some(desc) = get("timestamp_desc") {
        event.tags.push(desc.to_owned());
    }
    Ok((event, warning))
}

fn cell(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Reads rows from JSONL or CSV text, with the line each starts on.
fn rows(path: &str, text: &str, jsonl: bool) -> Result<Rows, LoadError> {
    let mut rows = Vec::new();
    let mut issues = Vec::new();
    if jsonl {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<serde_json::Map<String, Value>>(line) {
                Ok(map) => rows.push((
                    i + 1,
                    map.iter().map(|(k, v)| (k.clone(), cell(v))).collect(),
                )),
                Err(e) => issues.push(Issue::new(
                    IssueLevel::Skipped,
                    Location {
                        line: i + 1,
                        column: e.column().max(1),
                    },
                    None,
                    crate::i18n::Said::new("reason-jsonl-line")
                        .text("line", (i + 1).to_string())
                        .text("why", strip_position(&e.to_string())),
                )),
            }
        }
        return Ok((rows, issues));
    }
    let (mut reader, headers) = super::csv::reader_and_headers(path, text)?;
    for (number, record) in reader.records().enumerate() {
        match record {
            Ok(record) => {
                let line = record
                    .position()
                    .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX))
                    .max(1);
                rows.push((
                    line,
                    headers
                        .iter()
                        .cloned()
                        .zip(record.iter().map(str::to_owned))
                        .collect(),
                ));
            }
            Err(e) => issues.push(super::csv::row_error(number + 1, &e)),
        }
    }
    Ok((rows, issues))
}

/// Parses a Timesketch JSONL (`jsonl = true`) or CSV file.
pub fn parse(path: &str, text: &str, jsonl: bool) -> Result<LoadedFile, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (rows, mut issues) = rows(path, text, jsonl)?;
    let mut events = Vec::with_capacity(rows.len());
    for (number, (line, row)) in rows.iter().enumerate() {
        match event_of(row, number + 1) {
            Ok((mut event, warning)) => {
                event.line = u32::try_from(*line).unwrap_or(u32::MAX);
                if let Some(message) = warning {
                    issues.push(Issue::new(
                        IssueLevel::Warning,
                        Location {
                            line: *line,
                            column: 1,
                        },
                        Some("timestamp".to_owned()),
                        crate::i18n::Said::new("problem-in")
                            .said("what", crate::io::json::row_name(number + 1))
                            .said("problem", message),
                    ));
                }
                events.push(event);
            }
            Err((field, message)) => issues.push(Issue::new(
                IssueLevel::Skipped,
                Location {
                    line: *line,
                    column: 1,
                },
                Some(field.clone()),
                crate::io::json::field_problem(
                    crate::io::json::row_name(number + 1),
                    &field,
                    message,
                ),
            )),
        }
    }
    issues.sort_by_key(|i| i.location);
    let mut kinds: Vec<String> = events.iter().filter_map(|e| e.category.clone()).collect();
    kinds.sort();
    kinds.dedup();
    let categories = kinds
        .into_iter()
        .map(|k| Category {
            label: k.clone(),
            id: k,
            color: None,
            translations: Vec::new(),
        })
        .collect();
    let format = Format::Timesketch;
    Ok(LoadedFile::of_events(
        path, format, categories, events, issues,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetime_wins_and_disagreement_is_flagged() {
        let text = "message,timestamp,datetime,timestamp_desc\n\
                    a,1331698658000000,2012-03-14T04:17:38+00:00,Time Logged\n\
                    b,123456789,2024-07-24T10:57:02.877297Z,Write time\n\
                    c,1331698658276340,,Write time\n\
                    d,,,Write time\n";
        let file = parse("t.csv", text, false).unwrap();
        assert_eq!(file.part.events.len(), 3);
        assert_eq!(
            file.part.events.owned(0).unwrap().start.label(),
            "14 March 2012 04:17:38 UTC"
        );
        assert_eq!(
            file.part.events.owned(1).unwrap().start.label(),
            "24 July 2024 10:57:02.877297 UTC"
        );
        assert_eq!(
            file.part.events.owned(2).unwrap().start.label(),
            "14 March 2012 04:17:38.276340 UTC"
        );
        let levels: Vec<_> = file
            .issues
            .iter()
            .map(|i| (i.level, i.location.line))
            .collect();
        assert_eq!(levels, [(IssueLevel::Warning, 3), (IssueLevel::Skipped, 5)]);
    }
}
