//! Tables of rows under a header, from a CSV file or a spreadsheet's sheet, read by one set of
//! column rules: the generic columns (`title`, `start`, …; see [`super::csv::COLUMNS`]) or the
//! `TimelineJS` Google-Sheets template (`Year`, `Month`, … `Headline`, `Text`, `Type`, `Group`).
//! Header names are matched trimmed and in lower case.

use serde_json::{Map, Value};

use super::report::{Issue, IssueLevel, Location};
use crate::i18n::Said;
use crate::model::{Event, Period, Source, TimePoint};

/// One cell, as its source gives it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    /// Nothing.
    Empty,
    /// Text (every CSV cell).
    Text(String),
    /// A spreadsheet number.
    Number(f64),
    /// A spreadsheet true/false.
    Bool(bool),
    /// A spreadsheet date cell, read into a time (or why it could not be).
    Time(Result<TimePoint, Said>),
    /// A spreadsheet time-of-day cell (no date): hour, minute, second.
    TimeOfDay(u32, u32, u32),
}

impl Cell {
    /// The cell as text: numbers without a needless `.0`, dates in ISO 8601.
    pub(crate) fn text(&self) -> String {
        match self {
            Self::Empty | Self::Time(Err(_)) => String::new(),
            Self::Text(text) => text.trim().to_owned(),
            Self::Number(n) => number_text(*n),
            Self::Bool(b) => b.to_string(),
            Self::Time(Ok(t)) => t.iso(),
            Self::TimeOfDay(h, m, s) => format!("{h:02}:{m:02}:{s:02}"),
        }
    }

    /// The time the cell holds: a date cell's, or a date written as text or as a whole number
    /// (a year). `None` when empty.
    pub(crate) fn time(&self) -> Result<Option<TimePoint>, Said> {
        match self {
            Self::Time(result) => result.clone().map(Some),
            Self::Empty => Ok(None),
            Self::TimeOfDay(..) | Self::Bool(_) => {
                Err(Said::new("reason-not-a-date").text("value", self.text()))
            }
            Self::Text(_) | Self::Number(_) => {
                let text = self.text();
                if text.is_empty() {
                    return Ok(None);
                }
                text.parse::<TimePoint>().map(Some).map_err(|e| e.said())
            }
        }
    }
}

/// A spreadsheet number as people write it: `2021`, `4.5`.
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// Where a row is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place {
    /// A CSV record: the line and byte it starts at in the text.
    Line { line: usize, start: usize },
    /// A spreadsheet row (1-based, as the program shows it) whose first cell is in `column`.
    Cell { row: usize, column: usize },
}

/// One row: where it is and its cells, in header order.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    pub(crate) place: Place,
    pub(crate) cells: Vec<Cell>,
}

/// A header and its rows.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table<'t> {
    /// The CSV text the rows point into (empty for a sheet).
    pub(crate) source: &'t str,
    /// The sheet's name, for a spreadsheet.
    pub(crate) sheet: Option<String>,
    /// Column names, trimmed and in lower case.
    pub(crate) headers: Vec<String>,
    /// Column names as the file writes them (for messages).
    pub(crate) shown: Vec<String>,
    pub(crate) rows: Vec<Row>,
}

/// The columns of the `TimelineJS` Google-Sheets template, in lower case.
pub(crate) const TIMELINEJS_COLUMNS: [&str; 18] = [
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "type",
    "group",
    "background",
];

/// Which column rules a header follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rules {
    /// `title`, `start`, … (see [`super::csv::COLUMNS`]).
    Generic,
    /// The `TimelineJS` template.
    TimelineJs,
}

impl Rules {
    /// The rules `headers` follow, if any.
    pub(crate) fn of(headers: &[String]) -> Option<Self> {
        let has = |name: &str| headers.iter().any(|h| h == name);
        if has("title") && has("start") {
            Some(Self::Generic)
        } else if has("year") && (has("headline") || has("text")) {
            Some(Self::TimelineJs)
        } else {
            None
        }
    }
}

/// What a table gave.
#[derive(Debug, Default)]
pub(crate) struct Read {
    pub(crate) events: Vec<Event>,
    pub(crate) periods: Vec<Period>,
    /// The template's `title` row: headline and text.
    pub(crate) title: Option<(String, Option<String>)>,
    pub(crate) issues: Vec<Issue>,
}

impl Table<'_> {
    /// Where cell `index` of `row` is.
    pub(crate) fn location(&self, row: &Row, index: usize) -> Location {
        match row.place {
            Place::Line { line, start } => {
                super::csv::field_location(self.source, start, line, index)
            }
            Place::Cell { row, column } => Location {
                line: row,
                column: column + index,
            },
        }
    }

    /// A row's id: `row-N` (the Nth record) in a CSV file, `Sheet!R` (as a spreadsheet refers
    /// to its rows) in a sheet.
    fn row_id(&self, row: &Row, number: usize) -> String {
        match (&self.sheet, row.place) {
            (Some(sheet), Place::Cell { row, .. }) => format!("{sheet}!{row}"),
            _ => format!("row-{number}"),
        }
    }

    /// The line (CSV) or row (sheet) a row starts on.
    fn line(row: &Row) -> usize {
        match row.place {
            Place::Line { line, .. } => line,
            Place::Cell { row, .. } => row,
        }
    }

    /// "row N" (the Nth record under the header), or "sheet “S”, row R" (R as the program shows).
    fn row_name(&self, row: &Row, number: usize) -> Said {
        match (&self.sheet, row.place) {
            (Some(sheet), Place::Cell { row, .. }) => Said::new("record-sheet-row")
                .text("sheet", sheet.clone())
                .text("row", row.to_string()),
            _ => super::json::row_name(number),
        }
    }

    /// A column's name as the file writes it ("Year"), for messages.
    fn shown(&self, name: &str) -> String {
        self.index(name)
            .and_then(|i| self.shown.get(i))
            .map_or_else(|| name.to_owned(), |s| s.trim().to_owned())
    }

    /// `column: value` for each filled cell of a column the rules do not know, the column named
    /// as the file writes it.
    fn extra<'a>(&'a self, row: &'a Row, known: &'a [&str]) -> impl Iterator<Item = String> + 'a {
        self.headers
            .iter()
            .zip(&self.shown)
            .zip(&row.cells)
            .filter(|((h, _), _)| !known.contains(&h.as_str()))
            .map(|((_, shown), c)| (shown.trim(), c.text()))
            .filter(|(_, v)| !v.is_empty())
            .map(|(h, v)| format!("{h}: {v}"))
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    fn cell<'r>(&self, row: &'r Row, name: &str) -> Option<(usize, &'r Cell)> {
        let i = self.index(name)?;
        Some((i, row.cells.get(i).unwrap_or(&Cell::Empty)))
    }

    fn text(&self, row: &Row, name: &str) -> Option<String> {
        self.cell(row, name)
            .map(|(_, c)| c.text())
            .filter(|t| !t.is_empty())
    }

    /// Reads every row by `rules`.
    pub(crate) fn read(&self, rules: Rules) -> Read {
        match rules {
            Rules::Generic => self.generic(),
            Rules::TimelineJs => self.timelinejs(),
        }
    }

    fn generic(&self) -> Read {
        let mut read = Read::default();
        for (number, row) in self.rows.iter().enumerate() {
            let number = number + 1;
            let fault = |field: &str, problem: Said| {
                let index = self.index(field).unwrap_or(0);
                let field = self.shown(field);
                Issue::new(
                    IssueLevel::Skipped,
                    self.location(row, index),
                    Some(field.clone()),
                    super::json::field_problem(self.row_name(row, number), &field, problem),
                )
            };
            let Some(title) = self.text(row, "title") else {
                read.issues.push(fault("title", Said::new("reason-empty")));
                continue;
            };
            let start = match self.cell(row, "start").map(|(_, c)| c.time()) {
                Some(Ok(Some(start))) => start,
                Some(Ok(None)) | None => {
                    let empty = "".parse::<TimePoint>().err();
                    let said = empty.map_or_else(|| Said::new("reason-empty"), |e| e.said());
                    read.issues.push(fault("start", said));
                    continue;
                }
                Some(Err(e)) => {
                    read.issues.push(fault("start", e));
                    continue;
                }
            };
            let end = match self.cell(row, "end").map(|(_, c)| c.time()) {
                Some(Ok(Some(end))) if end.start_secs() < start.start_secs() => {
                    read.issues
                        .push(fault("end", super::json::end_before_start(end, start)));
                    continue;
                }
                Some(Ok(end)) => end,
                None => None,
                Some(Err(e)) => {
                    read.issues.push(fault("end", e));
                    continue;
                }
            };
            let mut event = Event::new(self.row_id(row, number), title, start);
            event.end = end;
            event.line = u32::try_from(Self::line(row)).unwrap_or(u32::MAX);
            event.category = self.text(row, "category");
            event.tags = self.text(row, "tags").map(|v| list(&v)).unwrap_or_default();
            event.actors = self
                .text(row, "actors")
                .map(|v| list(&v))
                .unwrap_or_default();
            if let Some(url) = self.text(row, "source_url") {
                event.sources.push(Source {
                    title: url.clone(),
                    url: Some(url),
                });
            }
            let extra = self.extra(row, &super::csv::COLUMNS);
            let parts: Vec<String> = self
                .text(row, "description")
                .into_iter()
                .chain(extra)
                .collect();
            event.description = (!parts.is_empty()).then(|| parts.join("\n"));
            read.events.push(event);
        }
        read
    }

    /// A template row as the `TimelineJS` JSON event it stands for, so that both are read by one
    /// reader.
    fn timelinejs_value(&self, row: &Row) -> Value {
        let date = |prefix: &str| {
            let mut parts = Map::new();
            let column = |name: &str| format!("{prefix}{name}");
            match self.cell(row, &column("year")).map(|(_, c)| c) {
                // A date cell where the year goes: its parts.
                Some(Cell::Time(Ok(t))) => {
                    parts.insert("year".into(), t.year_number().into());
                    parts.insert("month".into(), t.month_number().into());
                    parts.insert("day".into(), t.day_number().into());
                }
                Some(cell) => {
                    // TimelineJS counts BCE years without a year 0, as its JSON does.
                    let year = cell.text();
                    if !year.is_empty() {
                        parts.insert("year".into(), year.into());
                    }
                    for name in ["month", "day"] {
                        if let Some(text) = self.text(row, &column(name)) {
                            parts.insert(name.into(), text.into());
                        }
                    }
                }
                None => {}
            }
            match self.cell(row, &column("time")).map(|(_, c)| c) {
                // A time cell always stores seconds; zero means none were entered.
                Some(Cell::TimeOfDay(h, m, s)) => {
                    parts.insert("hour".into(), (*h).into());
                    parts.insert("minute".into(), (*m).into());
                    if *s != 0 {
                        parts.insert("second".into(), (*s).into());
                    }
                }
                Some(Cell::Time(Ok(t))) => {
                    let (h, m, s) = t.clock();
                    parts.insert("hour".into(), h.into());
                    parts.insert("minute".into(), m.into());
                    if s != 0 {
                        parts.insert("second".into(), s.into());
                    }
                }
                Some(cell) => {
                    if let Some((h, m, s)) = clock_text(&cell.text()) {
                        parts.insert("hour".into(), h.into());
                        parts.extend(m.map(|m| ("minute".to_owned(), m.into())));
                        parts.extend(s.map(|s| ("second".to_owned(), s.into())));
                    } else if !cell.text().is_empty() {
                        // Not a time: the reader says so, at the hour.
                        parts.insert("hour".into(), cell.text().into());
                    }
                }
                None => {}
            }
            parts
        };
        let start = date("");
        let end = date("end ");
        let mut event = Map::new();
        let mut start = start;
        if let Some(display) = self.text(row, "display date") {
            start.insert("display_date".into(), display.into());
        }
        event.insert("start_date".into(), start.into());
        if !end.is_empty() {
            event.insert("end_date".into(), end.into());
        }
        let mut text = Map::new();
        for (key, column) in [("headline", "headline"), ("text", "text")] {
            if let Some(value) = self.text(row, column) {
                text.insert(key.into(), value.into());
            }
        }
        event.insert("text".into(), text.into());
        let mut media = Map::new();
        for (key, column) in [
            ("url", "media"),
            ("credit", "media credit"),
            ("caption", "media caption"),
            ("thumbnail", "media thumbnail"),
        ] {
            if let Some(value) = self.text(row, column) {
                media.insert(key.into(), value.into());
            }
        }
        event.insert("media".into(), media.into());
        if let Some(group) = self.text(row, "group") {
            event.insert("group".into(), group.into());
        }
        Value::Object(event)
    }

    fn timelinejs(&self) -> Read {
        let mut read = Read::default();
        let column_of = |field: &str| match field {
            "end_date" => "end year",
            "text" => "headline",
            _ => "year",
        };
        for (number, row) in self.rows.iter().enumerate() {
            let number = number + 1;
            if row.cells.iter().all(|c| c.text().is_empty()) {
                continue;
            }
            let kind = self
                .text(row, "type")
                .map(|t| t.to_lowercase())
                .unwrap_or_default();
            let value = self.timelinejs_value(row);
            let issue = |level: IssueLevel, (field, problem): (String, Said)| {
                let index = self.index(column_of(&field)).unwrap_or(0);
                let column = self.shown(column_of(&field));
                let said = if level == IssueLevel::Warning {
                    Said::new("problem-end-dropped")
                        .said("what", self.row_name(row, number))
                        .text("field", column.clone())
                        .said("problem", problem)
                } else {
                    super::json::field_problem(self.row_name(row, number), &column, problem)
                };
                Issue::new(level, self.location(row, index), Some(column), said)
            };
            match kind.as_str() {
                "title" => {
                    let headline = self
                        .text(row, "headline")
                        .map(|h| super::text::plain_text(&h));
                    let text = self.text(row, "text").map(|t| super::text::plain_text(&t));
                    if let Some(headline) = headline.filter(|h| !h.is_empty()) {
                        read.title = Some((headline, text.filter(|t| !t.is_empty())));
                    }
                }
                "era" => match super::timelinejs::era(&value) {
                    Ok(period) => read.periods.push(period),
                    Err(fault) => read.issues.push(issue(IssueLevel::Skipped, fault)),
                },
                _ => match super::timelinejs::tl3_event(&value, number) {
                    Ok((mut event, bad_end)) => {
                        event.id = self.row_id(row, number);
                        // Columns the template does not have are kept, as the generic rules do.
                        let extra: Vec<String> = self.extra(row, &TIMELINEJS_COLUMNS).collect();
                        if !extra.is_empty() {
                            let parts: Vec<String> =
                                event.description.take().into_iter().chain(extra).collect();
                            event.description = Some(parts.join("\n"));
                        }
                        event.line = u32::try_from(Self::line(row)).unwrap_or(u32::MAX);
                        read.events.push(event);
                        if let Some(fault) = bad_end {
                            read.issues.push(issue(IssueLevel::Warning, fault));
                        }
                    }
                    Err(fault) => read.issues.push(issue(IssueLevel::Skipped, fault)),
                },
            }
        }
        read
    }
}

fn list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `14:30`, `14:30:05`, `2:30 PM`, `9 am`: hour, minute, second as written.
fn clock_text(text: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let lower = text.trim().to_ascii_lowercase();
    let (clock, pm) = if let Some(rest) = lower.strip_suffix("pm") {
        (rest.trim(), Some(true))
    } else if let Some(rest) = lower.strip_suffix("am") {
        (rest.trim(), Some(false))
    } else {
        (lower.as_str(), None)
    };
    let mut parts = clock.split(':').map(|p| p.trim().parse::<u32>().ok());
    let hour = parts.next()??;
    let minute = parts.next().map(|m| m.ok_or(())).transpose().ok()?;
    let second = parts.next().map(|s| s.ok_or(())).transpose().ok()?;
    if parts.next().is_some() {
        return None;
    }
    let hour = match pm {
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        _ => hour,
    };
    Some((hour, minute, second))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn any_cell() -> impl Strategy<Value = Cell> {
        prop_oneof![
            Just(Cell::Empty),
            "[ -~]{0,12}".prop_map(Cell::Text),
            "-?[0-9]{1,4}(-[0-9]{1,2}(-[0-9]{1,2})?)?".prop_map(Cell::Text),
            any::<f64>().prop_map(Cell::Number),
            any::<bool>().prop_map(Cell::Bool),
            (0u32..30, 0u32..70, 0u32..70).prop_map(|(h, m, s)| Cell::TimeOfDay(h, m, s)),
            (1i64..3000, 1u32..13, 1u32..29).prop_map(|(y, m, d)| {
                Cell::Time(crate::io::json::calendar_date(y, Some(m), Some(d)))
            }),
        ]
    }

    fn any_table(headers: &'static [&'static str]) -> impl Strategy<Value = Table<'static>> {
        proptest::collection::vec(proptest::collection::vec(any_cell(), headers.len()), 0..12)
            .prop_map(move |rows| Table {
                source: "",
                sheet: Some("S".to_owned()),
                headers: headers.iter().map(|h| (*h).to_owned()).collect(),
                shown: headers.iter().map(|h| h.to_uppercase()).collect(),
                rows: rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, cells)| Row {
                        place: Place::Cell {
                            row: i + 2,
                            column: 1,
                        },
                        cells,
                    })
                    .collect(),
            })
    }

    proptest! {
        /// Whatever the cells hold, every row is an event or one skipped problem at its own row,
        /// and every event's dates are in order.
        #[test]
        fn every_generic_row_is_an_event_or_one_located_problem(
            table in any_table(&["title", "start", "end", "tags", "note"])
        ) {
            let read = table.read(Rules::Generic);
            let skipped: Vec<&Issue> =
                read.issues.iter().filter(|i| i.level == IssueLevel::Skipped).collect();
            prop_assert_eq!(read.events.len() + skipped.len(), table.rows.len());
            for issue in &skipped {
                prop_assert!((2..table.rows.len() + 2).contains(&issue.location.line));
                prop_assert!((1..=5).contains(&issue.location.column));
            }
            for event in &read.events {
                let end = event.end.unwrap_or(event.start);
                prop_assert!(event.start.start_secs() <= end.start_secs());
            }
        }

        /// The template's rows never panic; each is an event, a period, the title, skipped or
        /// blank, and each problem names a column the template has.
        #[test]
        fn every_template_row_is_accounted_for(
            table in any_table(&["year", "month", "day", "time", "end year", "headline", "type"])
        ) {
            let read = table.read(Rules::TimelineJs);
            let skipped = read.issues.iter().filter(|i| i.level == IssueLevel::Skipped).count();
            prop_assert!(read.events.len() + read.periods.len() + skipped <= table.rows.len());
            for issue in &read.issues {
                let field = issue.field.clone().unwrap_or_default();
                prop_assert!(["YEAR", "END YEAR", "HEADLINE"].contains(&field.as_str()), "{}", field);
            }
        }
    }

    #[test]
    fn clock_text_reads_24_hour_and_am_pm_times() {
        assert_eq!(clock_text("14:30"), Some((14, Some(30), None)));
        assert_eq!(clock_text("2:30:05 PM"), Some((14, Some(30), Some(5))));
        assert_eq!(clock_text("12 am"), Some((0, None, None)));
        assert_eq!(clock_text("12:15 pm"), Some((12, Some(15), None)));
        assert_eq!(clock_text("13 pm"), None);
        assert_eq!(clock_text("noon"), None);
        assert_eq!(clock_text("1:2:3:4"), None);
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(Cell::Number(2021.0).text(), "2021");
        assert_eq!(Cell::Number(4.5).text(), "4.5");
        assert_eq!(
            Cell::Number(2021.0).time().unwrap().unwrap().label(),
            "2021"
        );
        assert!(Cell::Bool(true).time().is_err());
    }
}
