//! CSV: a header row, then one event per row.
//!
//! Columns `title,start,end,category,tags,actors,description,source_url` (only `title` and `start`
//! are required; `tags` and `actors` are `;`-separated; dates as in the native format). Other
//! columns are kept in the description as `column: value`. A header with the `TimelineJS`
//! Google-Sheets template's columns is read as that template (see `io::table`).

use super::report::{Issue, IssueLevel, LoadError, LoadedFile, Location};
use super::table::{Cell, Place, Row, Rules, Table};
use crate::model::Format;

/// Records read at a time.
const BATCH: usize = 4096;

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

/// Whether a header row is a CSV Annals reads: generic columns or the `TimelineJS` template.
pub(crate) fn looks_csv(columns: &[String]) -> bool {
    Rules::of(columns).is_some()
}

/// A strict CSV reader over `text` and its header row, names trimmed and lower-cased.
pub(crate) fn reader_and_headers<'t>(
    path: &str,
    text: &'t str,
) -> Result<(csv::Reader<&'t [u8]>, Vec<String>), LoadError> {
    let (reader, shown) = reader_and_header_names(path, text)?;
    let headers = shown
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    Ok((reader, headers))
}

/// A strict CSV reader over `text` and its header row as written.
fn reader_and_header_names<'t>(
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
        .map(str::to_owned)
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

/// Parses a CSV file: generic columns, or the `TimelineJS` template's (then read as
/// `TimelineJS`).
pub fn parse(path: &str, text: &str) -> Result<LoadedFile, LoadError> {
    parse_stoppable(path, text, &std::sync::atomic::AtomicBool::new(false))
}

/// [`parse`] that stops with [`LoadError::Cancelled`] at the next batch of rows once `cancel`
/// is set (the window's Cancel, for a file of millions of rows).
pub fn parse_stoppable(
    path: &str,
    text: &str,
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<LoadedFile, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut reader, shown) = reader_and_header_names(path, text)?;
    let headers: Vec<String> = shown
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let Some(rules) = Rules::of(&headers) else {
        let missing = ["title", "start"]
            .into_iter()
            .find(|required| !headers.iter().any(|h| h == required))
            .unwrap_or("title");
        return Err(LoadError::Shape {
            path: path.to_owned(),
            location: Location { line: 1, column: 1 },
            message: format!(
                "the header has no `{missing}` column (expected {}, or the TimelineJS \
                 template's Year, Month, Day, …, Headline, Text)",
                COLUMNS.join(",")
            ),
        });
    };
    let table = Table {
        source: text,
        sheet: None,
        headers,
        shown,
    };
    // Read a batch of records at a time into reused buffers, the rows borrowing their text: a
    // super-timeline of millions of rows is never held as rows.
    let mut read = crate::io::table::Read::default();
    let mut issues = Vec::new();
    let mut batch = vec![csv::StringRecord::new(); BATCH];
    let mut number = 0;
    loop {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(LoadError::Cancelled {
                path: path.to_owned(),
            });
        }
        // A batch ends at the end of the file, when full, or at a record the parser rejects
        // (so that the rows around it keep their numbers).
        let mut filled = 0;
        let mut rejected = None;
        let mut at_end = false;
        while filled < BATCH {
            let Some(record) = batch.get_mut(filled) else {
                break;
            };
            match reader.read_record(record) {
                Ok(true) => filled += 1,
                Ok(false) => {
                    at_end = true;
                    break;
                }
                Err(e) => {
                    rejected = Some(e);
                    break;
                }
            }
        }
        let rows: Vec<Row<'_>> = batch
            .get(..filled)
            .unwrap_or_default()
            .iter()
            .map(|record| {
                let position = record.position();
                let line = position
                    .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX))
                    .max(1);
                let start = position.map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
                Row {
                    place: Place::Line { line, start },
                    cells: record.iter().map(Cell::Text).collect(),
                }
            })
            .collect();
        table.read(rules, &rows, number + 1, &mut read);
        number += filled;
        if let Some(e) = rejected {
            number += 1;
            issues.push(row_error(number, &e));
        }
        if at_end {
            break;
        }
    }
    issues.extend(std::mem::take(&mut read.issues));
    issues.sort_by_key(|i| i.location);
    let format = match rules {
        Rules::Generic => Format::Csv,
        Rules::TimelineJs => Format::TimelineJs,
        Rules::L2tCsv => Format::Plaso,
    };
    let (store, read) = read.into_store();
    let mut file = LoadedFile::of_events(path, format, Vec::new(), Vec::new(), issues);
    file.part.events = store;
    file.part.periods = read.periods;
    if let Some((title, description)) = read.title {
        file.part.info.title = Some(title);
        file.part.info.description = description;
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_load_stops_between_batches_of_rows() {
        use std::sync::atomic::AtomicBool;
        let mut text = String::from("title,start\n");
        for i in 0..(3 * BATCH) {
            text += &["Event ", &i.to_string(), ",2021-05-04\n"].concat();
        }
        let whole = parse_stoppable("big.csv", &text, &AtomicBool::new(false)).expect("it reads");
        assert_eq!(whole.part.events.len(), 3 * BATCH);
        let stopped = parse_stoppable("big.csv", &text, &AtomicBool::new(true));
        assert!(
            matches!(stopped, Err(LoadError::Cancelled { ref path }) if path == "big.csv"),
            "{stopped:?}"
        );
    }

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
