//! The `TimelineJS` Google-Sheets template's columns: each row turned into the `TimelineJS` JSON
//! event it stands for, so that both are read by one reader ([`crate::io::timelinejs`]) and say
//! the same things.

use serde_json::{Map, Value};

use super::{Cell, Read, Row, Table};
use crate::i18n::Said;
use crate::io::report::{Issue, IssueLevel};

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

impl Table<'_> {
    /// A template row as the `TimelineJS` JSON event it stands for, so that both are read by one
    /// reader.
    fn timelinejs_value(&self, row: &Row<'_>) -> Value {
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
                    let year = cell.text().into_owned();
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
                    let text = cell.text();
                    if let Some((h, m, s)) = clock_text(&text) {
                        parts.insert("hour".into(), h.into());
                        parts.extend(m.map(|m| ("minute".to_owned(), m.into())));
                        parts.extend(s.map(|s| ("second".to_owned(), s.into())));
                    } else if !text.is_empty() {
                        // Not a time: the reader says so, at the hour.
                        parts.insert("hour".into(), text.into_owned().into());
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

    pub(super) fn timelinejs(&self, rows: &[Row<'_>], first: usize, read: &mut Read) {
        let column_of = |field: &str| match field {
            "end_date" => "end year",
            "text" => "headline",
            _ => "year",
        };
        for (number, row) in rows.iter().enumerate() {
            let number = number + first;
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
                    crate::io::json::field_problem(self.row_name(row, number), &column, problem)
                };
                Issue::new(level, self.location(row, index), Some(column), said)
            };
            match kind.as_str() {
                "title" => {
                    let headline = self
                        .text(row, "headline")
                        .map(|h| crate::io::text::plain_text(&h));
                    let text = self
                        .text(row, "text")
                        .map(|t| crate::io::text::plain_text(&t));
                    if let Some(headline) = headline.filter(|h| !h.is_empty()) {
                        read.title = Some((headline, text.filter(|t| !t.is_empty())));
                    }
                }
                "era" => match crate::io::timelinejs::era(&value) {
                    Ok(period) => read.periods.push(period),
                    Err(fault) => read.issues.push(issue(IssueLevel::Skipped, fault)),
                },
                _ => match crate::io::timelinejs::tl3_event(&value, number) {
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
    }
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
    use super::*;

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
}
