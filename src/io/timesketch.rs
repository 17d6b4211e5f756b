//! Timesketch / Plaso timelines, as JSONL (one JSON object per line) or CSV with a header.
//!
//! Each row is an event: `datetime` (ISO 8601, kept at its precision and zone) or, without it,
//! `timestamp` (seconds, milliseconds, microseconds or nanoseconds since 1970, UTC, the unit read
//! from the number's size: see `io::epoch`); `message` is the title and `timestamp_desc`
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

/// One row as `(column, value)` pairs, in column order.
type Row = Vec<(String, String)>;

/// A row's warning: the field it is about, and what it says.
type FieldWarning = (&'static str, crate::i18n::Said);

/// Rows with where each is, and the lines that could not be read.
type Rows = (Vec<(RowAt, Row)>, Vec<Issue>);

/// Where a row is in the text.
#[derive(Clone, Copy, Debug)]
enum RowAt {
    /// A JSONL line: its number and its bytes in the text.
    Jsonl {
        line: usize,
        start: usize,
        end: usize,
    },
    /// A CSV record: the line and byte it starts at.
    Csv { line: usize, start: usize },
}

impl RowAt {
    /// The line the row starts on.
    fn line(self) -> usize {
        match self {
            Self::Jsonl { line, .. } | Self::Csv { line, .. } => line,
        }
    }

    /// Where `field`'s value is in the row (the row's start when it has no such field).
    fn field(self, text: &str, row: &Row, field: &str) -> Location {
        match self {
            Self::Jsonl { line, start, end } => {
                let Some(source) = text.get(start..end) else {
                    return Location { line, column: 1 };
                };
                let lines = super::report::LineIndex::new(source);
                let local = serde_json::from_str::<&serde_json::value::RawValue>(source)
                    .map_or(Location { line: 1, column: 1 }, |raw| {
                        super::json::field_location(&lines, raw, field)
                    });
                Location {
                    line,
                    column: local.column,
                }
            }
            Self::Csv { line, start } => match row.iter().position(|(k, _)| k == field) {
                Some(index) => super::csv::field_location(text, start, line, index),
                None => Location { line, column: 1 },
            },
        }
    }
}

fn event_of(
    row: &Row,
    number: usize,
) -> Result<(Event, Option<FieldWarning>), (String, crate::i18n::Said)> {
    let get = |name: &str| {
        row.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let mut timestamp_unsure = None;
    let mut datetime_unsure = None;
    let from_timestamp = match get("timestamp") {
        Some(text) => {
            let (point, unsure) =
                super::epoch::read(text).map_err(|e| ("timestamp".to_owned(), e))?;
            timestamp_unsure = unsure.map(|w| ("timestamp", w));
            Some(point)
        }
        None => None,
    };
    let from_datetime = match get("datetime") {
        // Some exports put a number (microseconds, or another unit) in the datetime column.
        Some(text) if text.bytes().all(|b| b.is_ascii_digit()) && text.len() > 8 => {
            let (point, unsure) =
                super::epoch::read(text).map_err(|e| ("datetime".to_owned(), e))?;
            datetime_unsure = unsure.map(|w| ("datetime", w));
            Some(point)
        }
        Some(text) => Some(
            text.parse::<TimePoint>()
                .map_err(|e| ("datetime".to_owned(), e.said()))?,
        ),
        None => None,
    };
    let (start, warning) = match (from_datetime, from_timestamp) {
        (Some(datetime), Some(timestamp)) => {
            // The datetime is what is shown; a doubt about the timestamp's unit is moot, but
            // a timestamp saying another time is said.
            let disagree = (datetime.start_secs() - timestamp.start_secs()).abs() >= 1.0;
            let warning = if disagree {
                Some((
                    "timestamp",
                    crate::i18n::Said::new("reason-timesketch-disagree")
                        .date("timestamp", timestamp)
                        .date("datetime", datetime),
                ))
            } else {
                datetime_unsure
            };
            (datetime, warning)
        }
        (Some(datetime), None) => (datetime, datetime_unsure),
        (None, Some(timestamp)) => (timestamp, timestamp_unsure),
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
            let start = line.as_ptr().addr().saturating_sub(text.as_ptr().addr());
            match serde_json::from_str::<serde_json::Map<String, Value>>(line) {
                Ok(map) => rows.push((
                    RowAt::Jsonl {
                        line: i + 1,
                        start,
                        end: start + line.len(),
                    },
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
                let start = record
                    .position()
                    .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
                rows.push((
                    RowAt::Csv { line, start },
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
    for (number, (at, row)) in rows.iter().enumerate() {
        match event_of(row, number + 1) {
            Ok((mut event, warning)) => {
                event.line = u32::try_from(at.line()).unwrap_or(u32::MAX);
                if let Some((field, message)) = warning {
                    issues.push(Issue::new(
                        IssueLevel::Warning,
                        at.field(text, row, field),
                        Some(field.to_owned()),
                        crate::i18n::Said::new("problem-in")
                            .said("what", crate::io::json::row_name(number + 1))
                            .said("problem", message),
                    ));
                }
                events.push(event);
            }
            Err((field, message)) => issues.push(Issue::new(
                IssueLevel::Skipped,
                at.field(text, row, &field),
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
