//! Tables of rows under a header, from a CSV file or a spreadsheet's sheet, read by one set of
//! column rules: the generic columns (`title`, `start`, …; see [`super::csv::COLUMNS`]) or the
//! `TimelineJS` Google-Sheets template (`Year`, `Month`, … `Headline`, `Text`, `Type`, `Group`).
//! Header names are matched trimmed and in lower case.

use std::borrow::Cow;

use super::report::{Issue, IssueLevel, Location};
use crate::i18n::Said;
use crate::model::{Event, Period, Source, TimePoint};

mod l2tcsv;
mod template;

/// One cell, as its source gives it (text borrowed from the CSV record or the sheet).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell<'a> {
    /// Nothing.
    Empty,
    /// Text (every CSV cell).
    Text(&'a str),
    /// A spreadsheet number.
    Number(f64),
    /// A spreadsheet true/false.
    Bool(bool),
    /// A spreadsheet date cell, read into a time (or why it could not be).
    Time(Result<TimePoint, Said>),
    /// A spreadsheet time-of-day cell (no date): hour, minute, second.
    TimeOfDay(u32, u32, u32),
}

impl<'a> Cell<'a> {
    /// The cell as text: numbers without a needless `.0`, dates in ISO 8601.
    pub(crate) fn text(&self) -> Cow<'a, str> {
        match self {
            Self::Empty | Self::Time(Err(_)) => Cow::Borrowed(""),
            Self::Text(text) => Cow::Borrowed(text.trim()),
            Self::Number(n) => Cow::Owned(number_text(*n)),
            Self::Bool(b) => Cow::Owned(b.to_string()),
            Self::Time(Ok(t)) => Cow::Owned(t.iso()),
            Self::TimeOfDay(h, m, s) => Cow::Owned(format!("{h:02}:{m:02}:{s:02}")),
        }
    }

    /// The time the cell holds: a date cell's, or a date written as text or as a whole number
    /// (a year). `None` when empty.
    pub(crate) fn time(&self) -> Result<Option<TimePoint>, Said> {
        match self {
            Self::Time(result) => result.clone().map(Some),
            Self::Empty => Ok(None),
            Self::TimeOfDay(..) | Self::Bool(_) => {
                Err(Said::new("reason-not-a-date").text("value", self.text().into_owned()))
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
pub(crate) struct Row<'a> {
    pub(crate) place: Place,
    pub(crate) cells: Vec<Cell<'a>>,
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
}

/// Which column rules a header follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rules {
    /// `title`, `start`, … (see [`super::csv::COLUMNS`]).
    Generic,
    /// The `TimelineJS` template.
    TimelineJs,
    /// Plaso's `l2tcsv` (see [`l2tcsv`]).
    L2tCsv,
}

impl Rules {
    /// The rules `headers` follow, if any.
    pub(crate) fn of(headers: &[String]) -> Option<Self> {
        let has = |name: &str| headers.iter().any(|h| h == name);
        if l2tcsv::looks_l2tcsv(headers) {
            Some(Self::L2tCsv)
        } else if has("title") && has("start") {
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
    /// Events pushed straight into a store, without an owned `Event` each (the rules for big
    /// files: Plaso's l2tcsv); they come after `events`.
    pub(crate) store: crate::model::store::EventStore,
    pub(crate) periods: Vec<Period>,
    /// The template's `title` row: headline and text.
    pub(crate) title: Option<(String, Option<String>)>,
    pub(crate) issues: Vec<Issue>,
}

impl Read {
    /// All its events in one store, `events` first.
    pub(crate) fn into_store(self) -> (crate::model::store::EventStore, Self) {
        let mut rest = self;
        let mut store: crate::model::store::EventStore = std::mem::take(&mut rest.events).into();
        let direct = std::mem::take(&mut rest.store);
        if store.is_empty() {
            store = direct;
        } else if !direct.is_empty() {
            store.absorb(direct, None);
        }
        (store, rest)
    }
}

impl Table<'_> {
    /// Where cell `index` of `row` is.
    pub(crate) fn location(&self, row: &Row<'_>, index: usize) -> Location {
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
    fn row_id(&self, row: &Row<'_>, number: usize) -> String {
        match (&self.sheet, row.place) {
            (Some(sheet), Place::Cell { row, .. }) => format!("{sheet}!{row}"),
            _ => format!("row-{number}"),
        }
    }

    /// The line (CSV) or row (sheet) a row starts on.
    fn line(row: &Row<'_>) -> usize {
        match row.place {
            Place::Line { line, .. } => line,
            Place::Cell { row, .. } => row,
        }
    }

    /// "row N" (the Nth record under the header), or "sheet “S”, row R" (R as the program shows).
    fn row_name(&self, row: &Row<'_>, number: usize) -> Said {
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
    fn extra<'s>(
        &'s self,
        row: &'s Row<'_>,
        known: &'s [&str],
    ) -> impl Iterator<Item = String> + 's {
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

    fn cell<'r, 'a>(&self, row: &'r Row<'a>, name: &str) -> Option<(usize, &'r Cell<'a>)> {
        let i = self.index(name)?;
        Some((i, row.cells.get(i).unwrap_or(&Cell::Empty)))
    }

    fn text(&self, row: &Row<'_>, name: &str) -> Option<String> {
        self.cell(row, name)
            .map(|(_, c)| c.text().into_owned())
            .filter(|t| !t.is_empty())
    }

    /// Reads `rows` by `rules` into `read`; the first is record number `first` (from 1) under
    /// the header. A long file is read a batch of rows at a time.
    pub(crate) fn read(&self, rules: Rules, rows: &[Row<'_>], first: usize, read: &mut Read) {
        match rules {
            Rules::Generic => self.generic(rows, first, read),
            Rules::TimelineJs => self.timelinejs(rows, first, read),
            Rules::L2tCsv => self.l2tcsv(rows, first, read),
        }
    }

    /// [`Table::read`] of all rows at once.
    #[cfg(test)]
    pub(crate) fn read_all(&self, rules: Rules, rows: &[Row<'_>]) -> Read {
        let mut read = Read::default();
        self.read(rules, rows, 1, &mut read);
        read
    }

    fn generic(&self, rows: &[Row<'_>], first: usize, read: &mut Read) {
        for (number, row) in rows.iter().enumerate() {
            let number = number + first;
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
    }
}

fn list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A cell the strategy owns; the rows borrow from it as a CSV record's would.
    #[derive(Clone, Debug)]
    enum Owned {
        Cell(Cell<'static>),
        Text(String),
    }

    fn any_cell() -> impl Strategy<Value = Owned> {
        prop_oneof![
            Just(Owned::Cell(Cell::Empty)),
            "[ -~]{0,12}".prop_map(Owned::Text),
            "-?[0-9]{1,4}(-[0-9]{1,2}(-[0-9]{1,2})?)?".prop_map(Owned::Text),
            any::<f64>().prop_map(|n| Owned::Cell(Cell::Number(n))),
            any::<bool>().prop_map(|b| Owned::Cell(Cell::Bool(b))),
            (0u32..30, 0u32..70, 0u32..70)
                .prop_map(|(h, m, s)| Owned::Cell(Cell::TimeOfDay(h, m, s))),
            (1i64..3000, 1u32..13, 1u32..29).prop_map(|(y, m, d)| {
                Owned::Cell(Cell::Time(crate::io::json::calendar_date(
                    y,
                    Some(m),
                    Some(d),
                )))
            }),
        ]
    }

    fn any_rows(columns: usize) -> impl Strategy<Value = Vec<Vec<Owned>>> {
        proptest::collection::vec(proptest::collection::vec(any_cell(), columns), 0..12)
    }

    fn table(headers: &[&str]) -> Table<'static> {
        Table {
            source: "",
            sheet: Some("S".to_owned()),
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            shown: headers.iter().map(|h| h.to_uppercase()).collect(),
        }
    }

    fn rows(owned: &[Vec<Owned>]) -> Vec<Row<'_>> {
        owned
            .iter()
            .enumerate()
            .map(|(i, cells)| Row {
                place: Place::Cell {
                    row: i + 2,
                    column: 1,
                },
                cells: cells
                    .iter()
                    .map(|c| match c {
                        Owned::Cell(cell) => cell.clone(),
                        Owned::Text(text) => Cell::Text(text),
                    })
                    .collect(),
            })
            .collect()
    }

    const GENERIC: [&str; 5] = ["title", "start", "end", "tags", "note"];
    const TEMPLATE: [&str; 7] = [
        "year", "month", "day", "time", "end year", "headline", "type",
    ];

    proptest! {
        /// Whatever the cells hold, every row is an event or one skipped problem at its own row,
        /// and every event's dates are in order.
        #[test]
        fn every_generic_row_is_an_event_or_one_located_problem(owned in any_rows(GENERIC.len())) {
            let rows = rows(&owned);
            let read = table(&GENERIC).read_all(Rules::Generic, &rows);
            let skipped: Vec<&Issue> =
                read.issues.iter().filter(|i| i.level == IssueLevel::Skipped).collect();
            prop_assert_eq!(read.events.len() + skipped.len(), rows.len());
            for issue in &skipped {
                prop_assert!((2..rows.len() + 2).contains(&issue.location.line));
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
        fn every_template_row_is_accounted_for(owned in any_rows(TEMPLATE.len())) {
            let rows = rows(&owned);
            let read = table(&TEMPLATE).read_all(Rules::TimelineJs, &rows);
            let skipped = read.issues.iter().filter(|i| i.level == IssueLevel::Skipped).count();
            prop_assert!(read.events.len() + read.periods.len() + skipped <= rows.len());
            for issue in &read.issues {
                let field = issue.field.clone().unwrap_or_default();
                prop_assert!(["YEAR", "END YEAR", "HEADLINE"].contains(&field.as_str()), "{}", field);
            }
        }

        /// Every l2tcsv row is an event or one skipped problem, whatever its cells.
        #[test]
        fn every_l2tcsv_row_is_an_event_or_one_located_problem(owned in any_rows(17)) {
            let rows = rows(&owned);
            let read = table(&l2tcsv::COLUMNS).read_all(Rules::L2tCsv, &rows);
            prop_assert_eq!(read.store.len() + read.issues.len(), rows.len());
        }
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
