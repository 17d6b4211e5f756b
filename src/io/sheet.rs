//! Spreadsheets (`.xlsx`, `.xls`, `.ods`, `.xlsb`) through calamine: each sheet is a table read
//! by the same column rules as CSV (`io::table`), its header the first row with anything in
//! it. Date cells are read from their serial numbers (the 1900 and 1904 systems both), at day
//! precision when the serial is whole, else to the minute, second or millisecond the cell holds;
//! spreadsheets have no time zones, so times are floating. When more than one sheet gives events,
//! an event without a category takes its sheet's name, so that each sheet is its own lane.

mod xls;
use std::io::Cursor;
use xls::xls_cells_problem;

use calamine::{Data, Reader as _};

use super::report::{Issue, IssueLevel, LoadError, LoadedFile, Location};
use super::table::{Cell, Place, Read, Row, Rules, Table};
use crate::i18n::Said;
use crate::model::{Format, TimePoint};

/// Whether `bytes` start like a spreadsheet: a ZIP container (`.xlsx`, `.ods`, `.xlsb`) or an
/// OLE compound file (`.xls`).
pub(crate) fn looks_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0])
}

/// Serial numbers past this are after 31 December 9999, where spreadsheets stop.
const LAST_SERIAL: f64 = 2_958_466.0;

/// A date cell's time.
fn date_cell(value: &calamine::ExcelDateTime) -> Cell<'static> {
    let serial = value.as_f64();
    if value.is_duration() || (0.0..1.0).contains(&serial) {
        // A time of day (or a duration) with no date.
        let secs = (serial.fract() * 86_400.0).round();
        if secs.is_finite() && (0.0..86_400.0).contains(&secs) {
            // In range: the conversions below cannot truncate.
            let secs = secs as u32;
            return Cell::TimeOfDay(secs / 3600, secs / 60 % 60, secs % 60);
        }
    }
    if !serial.is_finite() || !(1.0..LAST_SERIAL).contains(&serial) {
        return Cell::Time(Err(
            Said::new("reason-not-a-date").text("value", serial.to_string())
        ));
    }
    let (year, month, day, hour, minute, second, milli) = value.to_ymd_hms_milli();
    let date = super::json::calendar_date(
        i64::from(year),
        Some(u32::from(month)),
        Some(u32::from(day)),
    );
    let time = date.and_then(|date| {
        if serial.fract() == 0.0 {
            return Ok(date);
        }
        let seconds = (second != 0 || milli != 0).then_some(u32::from(second));
        let point = date
            .with_time(u32::from(hour), Some(u32::from(minute)), seconds)
            .map_err(|e| e.said())?;
        if milli == 0 {
            Ok(point)
        } else {
            point
                .with_fraction(&format!("{milli:03}"))
                .map_err(|e| e.said())
        }
    });
    Cell::Time(time)
}

/// An ODS duration `PT14H30M00S` as a time of day.
fn duration_cell(text: &str) -> Cell<'_> {
    let parse = || -> Option<Cell<'_>> {
        let rest = text.strip_prefix("PT")?;
        let (hours, rest) = rest.split_once('H')?;
        let (minutes, rest) = rest.split_once('M')?;
        let seconds = rest.strip_suffix('S')?;
        let seconds: f64 = seconds.parse().ok()?;
        let (h, m) = (hours.parse::<u32>().ok()?, minutes.parse::<u32>().ok()?);
        // Whole seconds of a time of day: in range, so the cast cannot truncate.
        (h < 24 && m < 60 && (0.0..60.0).contains(&seconds)).then_some(Cell::TimeOfDay(
            h,
            m,
            seconds as u32,
        ))
    };
    parse().unwrap_or(Cell::Text(text))
}

fn cell(data: &Data) -> Cell<'_> {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(text) => Cell::Text(text),
        #[expect(
            clippy::cast_precision_loss,
            reason = "a spreadsheet number is a double"
        )]
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(value) => date_cell(value),
        Data::DateTimeIso(text) => {
            // A cell always stores seconds; ":00" means none were entered (as for serials).
            let text = match text.strip_suffix(":00") {
                Some(minutes) if minutes.len() == "2021-05-04T11:00".len() => minutes,
                _ => text.as_str(),
            };
            Cell::Time(text.parse::<TimePoint>().map_err(|e| e.said()))
        }
        Data::DurationIso(text) => duration_cell(text),
    }
}

/// A sheet's filled cells, `((row, column), value)` from 0, in reading order. Only filled cells
/// are kept: a tiny file may name a cell a million rows down and sixteen thousand columns
/// across, and calamine's own ranges would be that big (seen: one allocation of 512 GiB).
type Sparse = Vec<((u32, u32), Data)>;

/// The filled cells of sheet `name`: streamed from the XML for `.xlsx`, from calamine's range
/// for the others (whose sizes their formats bound: `.xls` at 65,536 × 256).
fn sparse_cells(
    workbook: &mut calamine::Sheets<Cursor<Vec<u8>>>,
    name: &str,
) -> Result<Sparse, String> {
    if let calamine::Sheets::Xlsx(xlsx) = workbook {
        let mut reader = xlsx
            .worksheet_cells_reader(name)
            .map_err(|e| e.to_string())?;
        let mut cells = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
            let value = Data::from(cell.get_value().clone());
            if value != Data::Empty {
                cells.push((cell.get_position(), value));
            }
        }
        return Ok(cells);
    }
    let range = workbook.worksheet_range(name).map_err(|e| e.to_string())?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    Ok(range
        .used_cells()
        .filter(|(_, _, v)| **v != Data::Empty)
        .map(|(r, c, v)| ((r0 + r as u32, c0 + c as u32), v.clone()))
        .collect())
}

/// Cells materialised at a time when rows are built from a sheet's filled cells.
const CELL_BUDGET: usize = 1 << 20;

/// Reads one sheet's filled cells as a table: the header is the first row with anything in it,
/// its width the last named column; rows are built a batch at a time. `None` when the header
/// fits no column rules.
fn read_sheet(name: &str, mut cells: Sparse) -> Option<Read> {
    cells.sort_by_key(|(at, _)| *at);
    let first_column = cells.iter().map(|((_, c), _)| *c).min()?;
    let header_row = cells.first()?.0.0;
    let header_end = cells.partition_point(|((r, _), _)| *r == header_row);
    let (header_cells, body) = cells.split_at(header_end);
    let width = header_cells
        .last()
        .map_or(0, |((_, c), _)| (c - first_column) as usize + 1);
    let mut shown = vec![String::new(); width];
    for ((_, c), value) in header_cells {
        if let Some(slot) = shown.get_mut((c - first_column) as usize) {
            *slot = cell(value).text().into_owned();
        }
    }
    let table = Table {
        source: "",
        sheet: Some(name.to_owned()),
        headers: shown.iter().map(|h| h.to_ascii_lowercase()).collect(),
        shown,
    };
    let rules = Rules::of(&table.headers)?;
    let mut read = Read::default();
    let mut number = 0;
    let mut rest = body;
    while !rest.is_empty() {
        let mut rows = Vec::new();
        let mut budget = 0;
        while budget < CELL_BUDGET {
            let Some(((row, _), _)) = rest.first() else {
                break;
            };
            let end = rest.partition_point(|((r, _), _)| r == row);
            let (row_cells, after) = rest.split_at(end);
            rest = after;
            let mut cells = vec![Cell::Empty; width];
            for ((_, c), value) in row_cells {
                if let Some(slot) = cells.get_mut((c - first_column) as usize) {
                    *slot = cell(value);
                }
            }
            budget += width.max(1);
            rows.push(Row {
                place: Place::Cell {
                    row: *row as usize + 1,
                    column: first_column as usize + 1,
                },
                cells,
            });
        }
        table.read(rules, &rows, number + 1, &mut read);
        number += rows.len();
    }
    Some(read)
}

/// Reads a workbook's bytes. calamine is not trusted with damaged files: its known ways to
/// exhaust memory are checked first, and a panic in one of its calls is a damaged file, not a
/// crash.
pub fn parse(path: &str, bytes: Vec<u8>) -> Result<LoadedFile, LoadError> {
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0])
        && let Some(problem) = xls_cells_problem(&bytes)
    {
        return Err(LoadError::Shape {
            path: path.to_owned(),
            location: Location { line: 1, column: 1 },
            message: Said::new("load-sheet-unreadable")
                .text("why", format!("the file looks damaged: {problem}"))
                .english(),
        });
    }
    read_workbook(path, bytes)
}

/// Runs a calamine call; a panic in it (seen on damaged `.xls` files: slices out of range,
/// failed assertions) is the file's damage, said as such. Only calamine's calls are wrapped, so
/// that a panic in Annals' own code is never taken for a damaged file.
fn calamine<T>(call: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call))
        .unwrap_or_else(|_| Err("the spreadsheet library gave up on it".to_owned()))
}

fn read_workbook(path: &str, bytes: Vec<u8>) -> Result<LoadedFile, LoadError> {
    let unreadable = |why: String| LoadError::Shape {
        path: path.to_owned(),
        location: Location { line: 1, column: 1 },
        message: Said::new("load-sheet-unreadable")
            .text("why", why)
            .english(),
    };
    let mut workbook = calamine(|| {
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| e.to_string())
    })
    .map_err(|e| {
        // calamine tries each kind of workbook in turn and says only that none fitted.
        unreadable(format!("the file looks damaged or cut short: {e}"))
    })?;
    let mut file = LoadedFile::of_events(
        path,
        Format::Spreadsheet,
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    let mut events = Vec::new();
    let mut sheets_with_events = Vec::new();
    let mut usable = false;
    for name in workbook.sheet_names() {
        let cells = match calamine(|| sparse_cells(&mut workbook, &name)) {
            Ok(cells) => cells,
            Err(e) => {
                file.issues.push(Issue::new(
                    IssueLevel::Warning,
                    Location { line: 1, column: 1 },
                    None,
                    Said::new("load-sheet-unreadable").text("why", format!("{name}: {e}")),
                ));
                continue;
            }
        };
        if cells.is_empty() {
            continue; // an empty sheet
        }
        let Some(read) = read_sheet(&name, cells) else {
            file.issues.push(Issue::new(
                IssueLevel::Warning,
                Location { line: 1, column: 1 },
                None,
                Said::new("load-sheet-skipped").text("sheet", name.clone()),
            ));
            continue;
        };
        usable = true;
        let mut read = read;
        let direct = std::mem::take(&mut read.store);
        read.events.extend(direct.to_vec());
        if !read.events.is_empty() {
            sheets_with_events.push((name.clone(), events.len()..events.len() + read.events.len()));
        }
        events.extend(read.events);
        file.part.periods.extend(read.periods);
        file.issues.extend(read.issues);
        if let Some((title, description)) = read.title
            && file.part.info.title.is_none()
        {
            file.part.info.title = Some(title);
            file.part.info.description = description;
        }
    }
    if !usable {
        return Err(unreadable(
            "no sheet has the columns title and start, or the TimelineJS template's Year and \
             Headline"
                .to_owned(),
        ));
    }
    if sheets_with_events.len() > 1 {
        for (name, range) in sheets_with_events {
            for event in events.get_mut(range).into_iter().flatten() {
                if event.category.is_none() {
                    event.category = Some(name.clone());
                }
            }
        }
    }
    file.part.events = events.into();
    Ok(file)
}

#[cfg(test)]
mod tests {
    use calamine::{ExcelDateTime, ExcelDateTimeType};
    use proptest::prelude::*;

    use super::*;

    /// Days from the 1900 system's day 0 (30 December 1899) to 1 January 1970.
    const UNIX_DAY_1900: f64 = 25_569.0;
    /// The 1904 system counts from 1 January 1904, 1,462 days later.
    const SHIFT_1904: f64 = 1_462.0;

    fn secs(cell: &Cell<'_>) -> Option<f64> {
        match cell {
            Cell::Time(Ok(t)) => Some(t.start_secs()),
            _ => None,
        }
    }

    proptest! {
        /// A whole serial is that day in either system; a fraction is that time of day, kept to
        /// the second.
        #[test]
        fn serials_are_the_days_they_count(day in 61u32..2_958_000, second in 0u32..86_400) {
            let serial = f64::from(day);
            let date = date_cell(&ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, false));
            prop_assert_eq!(secs(&date), Some((serial - UNIX_DAY_1900) * 86_400.0));
            let mac = ExcelDateTime::new(serial - SHIFT_1904, ExcelDateTimeType::DateTime, true);
            if serial - SHIFT_1904 >= 1.0 {
                prop_assert_eq!(secs(&date_cell(&mac)), secs(&date));
            }
            let with_time = serial + f64::from(second) / 86_400.0;
            let cell = date_cell(&ExcelDateTime::new(with_time, ExcelDateTimeType::DateTime, false));
            let expected = (serial - UNIX_DAY_1900) * 86_400.0 + f64::from(second);
            prop_assert!((secs(&cell).unwrap_or(f64::NAN) - expected).abs() < 0.002);
        }
    }

    #[test]
    fn serials_outside_the_calendar_and_times_of_day() {
        for bad in [-1.0, LAST_SERIAL, f64::NAN, f64::INFINITY] {
            let cell = date_cell(&ExcelDateTime::new(bad, ExcelDateTimeType::DateTime, false));
            assert!(
                matches!(cell, Cell::Time(Err(_)) | Cell::TimeOfDay(..)),
                "{bad}: {cell:?}"
            );
        }
        // Excel's 29 February 1900 does not exist.
        let leap_bug = date_cell(&ExcelDateTime::new(
            60.0,
            ExcelDateTimeType::DateTime,
            false,
        ));
        assert!(matches!(leap_bug, Cell::Time(Err(_))), "{leap_bug:?}");
        let half_past_two = date_cell(&ExcelDateTime::new(
            0.604_166_666_6,
            ExcelDateTimeType::DateTime,
            false,
        ));
        assert_eq!(half_past_two, Cell::TimeOfDay(14, 30, 0));
        assert_eq!(duration_cell("PT14H30M05S"), Cell::TimeOfDay(14, 30, 5));
        assert_eq!(duration_cell("P1D"), Cell::Text("P1D"));
    }
}
