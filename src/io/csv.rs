//! Generic CSV: a header row, then one event per row.
//!
//! Columns `title,start,end,category,tags,actors,description,source_url` (only `title` and `start`
//! are required; `tags` and `actors` are `;`-separated; dates as in the native format). Other
//! columns are kept in the description as `column: value`.

use super::report::{Issue, IssueLevel, LoadError, LoadedFile, Location};
use crate::i18n::Said;
use crate::model::{Event, Format, Source, TimePoint};

/// The columns this reader knows.
pub const COLUMNS: [&str; 8] = [
    "title",
    "start",
    "end",
    "category",
    "tags",
    "actors",
    "description",
    "source_url",
];

/// Whether a header row is a generic Annals CSV.
pub(crate) fn looks_csv(columns: &[String]) -> bool {
    columns.iter().any(|c| c == "title") && columns.iter().any(|c| c == "start")
}

fn list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A strict CSV reader over `text` and its header row, names trimmed and lower-cased.
pub(crate) fn reader_and_headers<'t>(
    path: &str,
    text: &'t str,
) -> Result<(csv::Reader<&'t [u8]>, Vec<String>), LoadError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| LoadError::Shape {
            path: path.to_owned(),
            location: Location { line: 1, column: 1 },
            message: format!("CSV header: {e}"),
        })?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    Ok((reader, headers))
}

/// A row the CSV parser rejected, said plainly and located at its first line.
pub(crate) fn row_error(row: usize, e: &::csv::Error) -> Issue {
    let line = e
        .position()
        .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX))
        .max(1);
    let problem = match e.kind() {
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => crate::i18n::Said::new("reason-csv-fields")
            .text("found", len.to_string())
            .text("expected", expected_len.to_string()),
        _ => crate::i18n::Said::verbatim(e.to_string()),
    };
    let said = crate::i18n::Said::new("problem-in")
        .said("what", crate::io::json::row_name(row))
        .said("problem", problem);
    Issue::new(
        IssueLevel::Skipped,
        Location { line, column: 1 },
        None,
        said,
    )
}

/// Where field `index` of the record that starts at byte `start` (on line `line`) of `text`
/// begins: commas inside quotes, doubled quotes and line breaks inside quoted fields counted as
/// the CSV parser counts them.
pub(crate) fn field_location(text: &str, start: usize, line: usize, index: usize) -> Location {
    let mut at = Location { line, column: 1 };
    let mut field = 0;
    let mut quoted = false;
    for c in text.get(start..).unwrap_or_default().chars() {
        if field == index {
            return at;
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => field += 1,
            '\n' if !quoted => break,
            _ => {}
        }
        if c == '\n' {
            at = Location {
                line: at.line + 1,
                column: 1,
            };
        } else {
            at.column += 1;
        }
    }
    at
}

/// Parses a generic CSV file.
pub fn parse(path: &str, text: &str) -> Result<LoadedFile, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut reader, headers) = reader_and_headers(path, text)?;
    for required in ["title", "start"] {
        if !headers.iter().any(|h| h == required) {
            return Err(LoadError::Shape {
                path: path.to_owned(),
                location: Location { line: 1, column: 1 },
                message: format!(
                    "the header has no `{required}` column (expected {})",
                    COLUMNS.join(",")
                ),
            });
        }
    }
    let mut events = Vec::new();
    let mut issues = Vec::new();
    for (number, record) in reader.records().enumerate() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                issues.push(row_error(number + 1, &e));
                continue;
            }
        };
        let line = record
            .position()
            .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX))
            .max(1);
        let start_byte = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let location_of = |i: usize| field_location(text, start_byte, line, i);
        let get = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i).map(|v| (i, v.trim())))
        };
        let fault = |field: &str, index: usize, message: crate::i18n::Said| {
            Issue::new(
                IssueLevel::Skipped,
                location_of(index),
                Some(field.to_owned()),
                crate::io::json::field_problem(
                    crate::io::json::row_name(number + 1),
                    field,
                    message,
                ),
            )
        };
        let Some((title_index, title)) = get("title") else {
            continue;
        };
        if title.is_empty() {
            issues.push(fault("title", title_index, Said::new("reason-empty")));
            continue;
        }
        let start = match get("start").map(|(i, v)| (i, v.parse::<TimePoint>())) {
            Some((_, Ok(start))) => start,
            Some((i, Err(e))) => {
                issues.push(fault("start", i, e.said()));
                continue;
            }
            None => continue,
        };
        let end = match get("end")
            .filter(|(_, v)| !v.is_empty())
            .map(|(i, v)| (i, v.parse::<TimePoint>()))
        {
            Some((_, Ok(end))) if end.start_secs() < start.start_secs() => {
                let index = headers.iter().position(|h| h == "end").unwrap_or(0);
                issues.push(fault(
                    "end",
                    index,
                    crate::io::json::end_before_start(end, start),
                ));
                continue;
            }
            Some((_, Ok(end))) => Some(end),
            Some((i, Err(e))) => {
                issues.push(fault("end", i, e.said()));
                continue;
            }
            None => None,
        };
        let mut event = Event::new(format!("row-{}", number + 1), title, start);
        event.end = end;
        event.line = u32::try_from(line).unwrap_or(u32::MAX);
        event.category = get("category")
            .map(|(_, v)| v.to_owned())
            .filter(|v| !v.is_empty());
        event.tags = get("tags").map(|(_, v)| list(v)).unwrap_or_default();
        event.actors = get("actors").map(|(_, v)| list(v)).unwrap_or_default();
        if let Some((_, url)) = get("source_url").filter(|(_, v)| !v.is_empty()) {
            event.sources.push(Source {
                title: url.to_owned(),
                url: Some(url.to_owned()),
            });
        }
        let extra: Vec<String> = headers
            .iter()
            .zip(record.iter())
            .filter(|(h, v)| !COLUMNS.contains(&h.as_str()) && !v.trim().is_empty())
            .map(|(h, v)| format!("{h}: {}", v.trim()))
            .collect();
        let description = get("description")
            .map(|(_, v)| v.to_owned())
            .filter(|v| !v.is_empty());
        let parts: Vec<String> = description.into_iter().chain(extra).collect();
        event.description = (!parts.is_empty()).then(|| parts.join("\n"));
        events.push(event);
    }
    Ok(LoadedFile::of_events(
        path,
        Format::Csv,
        Vec::new(),
        events,
        issues,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_events_and_bad_dates_are_located() {
        let text = "title,start,end,category,tags,actors,source_url,analyst\n\
                    Belnet DDoS,2021-05-04T11:00+02:00,2021-05-05,incident,ddos;availability,unknown,https://example.org,jd\n\
                    Bad,2021-02-30,,,,,,\n";
        let file = parse("t.csv", text).unwrap();
        assert_eq!(file.part.events.len(), 1);
        let event = file.part.events.owned(0).unwrap();
        assert_eq!(event.date_label(), "4 May 2021 11:00 UTC+2 – 5 May 2021");
        assert_eq!(event.tags, ["ddos", "availability"]);
        assert_eq!(event.description.as_deref(), Some("analyst: jd"));
        let issue = &file.issues[0];
        assert_eq!((issue.location.line, issue.location.column), (3, 5));
        assert_eq!(issue.field.as_deref(), Some("start"));
    }
}
