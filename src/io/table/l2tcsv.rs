//! Plaso / log2timeline super-timelines as `psort -o l2tcsv` writes them (the 17-column CSV that
//! Timeline Explorer opens): `date` (MM/DD/YYYY), `time` (HH:MM:SS, maybe with a fraction) and
//! `timezone` (`UTC` or an IANA name) make the time; `type` says which time it is (creation,
//! modification, last visited…) and is kept as a tag and in the description; `source` (FILE, REG,
//! WEBHIST…) is the lane and `sourcetype` a tag; `short` is the title and `desc` the description;
//! `user` is the actor and `host` the target. Plaso writes `-` for "nothing".

use chrono::{NaiveDate, Offset as _, TimeZone as _};

use super::{Read, Row, Table};
use crate::i18n::Said;
use crate::io::report::{Issue, IssueLevel};
use crate::model::store::{Core, Extra, LabelKind};
use crate::model::{FileId, TimePoint};

/// The header `psort` writes, in lower case.
pub(crate) const COLUMNS: [&str; 17] = [
    "date",
    "time",
    "timezone",
    "macb",
    "source",
    "sourcetype",
    "type",
    "user",
    "host",
    "short",
    "desc",
    "version",
    "filename",
    "inode",
    "notes",
    "format",
    "extra",
];

/// Whether a header is l2tcsv's.
pub(super) fn looks_l2tcsv(headers: &[String]) -> bool {
    headers.len() == COLUMNS.len() && headers.iter().zip(COLUMNS).all(|(h, c)| h == c)
}

/// `digits` as a number, if it is only ASCII digits.
fn number(digits: &str) -> Option<u32> {
    (!digits.is_empty() && digits.len() <= 9 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The time of a row: date, time of day and zone as `psort` writes them.
fn time_of(
    date: &str,
    time: &str,
    zone: &str,
    zones: &mut Zones,
) -> Result<TimePoint, (&'static str, Said)> {
    let bad = |field: &'static str, value: &str| {
        (
            field,
            Said::new("reason-l2tcsv-value").text("value", format!("{value:?}")),
        )
    };
    if date.trim_start_matches(['0', '/', '-']).is_empty() || time.starts_with("--") {
        return Err(("date", Said::new("reason-plaso-not-a-time")));
    }
    let mut parts = date.split('/').map(number);
    let (Some(Some(month)), Some(Some(day)), Some(Some(year)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("date", date));
    };
    let (clock, fraction) = time.split_once('.').unwrap_or((time, ""));
    let mut parts = clock.split(':').map(number);
    let (Some(Some(hour)), Some(Some(minute)), Some(Some(second)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("time", time));
    };
    let day_point = crate::io::json::calendar_date(i64::from(year), Some(month), Some(day))
        .map_err(|e| ("date", e))?;
    let mut point = day_point
        .with_time(hour, Some(minute), Some(second))
        .map_err(|e| ("time", e.said()))?;
    if !fraction.is_empty() {
        point = point
            .with_fraction(fraction)
            .map_err(|_| bad("time", time))?;
    }
    let zone = zone.trim();
    let offset_secs = if zone.eq_ignore_ascii_case("utc") || zone.is_empty() {
        0
    } else {
        let tz = zones.get(zone).ok_or_else(|| {
            (
                "timezone",
                Said::new("reason-not-a-zone").text("value", format!("{zone:?}")),
            )
        })?;
        // Where a local time happens twice (the autumn change), the earlier is taken; where it
        // does not exist (the spring change), the time is refused.
        let local = NaiveDate::from_ymd_opt(i32::try_from(year).unwrap_or(0), month, day)
            .and_then(|d| d.and_hms_opt(hour, minute, second))
            .ok_or_else(|| bad("time", time))?;
        let at = tz
            .from_local_datetime(&local)
            .earliest()
            .ok_or_else(|| bad("time", time))?;
        at.offset().fix().local_minus_utc()
    };
    point
        .with_offset_minutes(offset_secs / 60)
        .map_err(|e| ("timezone", e.said()))
}

/// The columns' places in the header, found once per table.
struct Columns([Option<usize>; COLUMNS.len()]);

impl Columns {
    fn of(table: &Table<'_>) -> Self {
        Self(COLUMNS.map(|name| table.index(name)))
    }

    /// A cell's text, trimmed; `None` when empty or `-` (Plaso's "nothing").
    fn get<'r>(&self, row: &'r Row<'_>, name: &str) -> Option<&'r str> {
        let at = COLUMNS.iter().position(|c| *c == name)?;
        let cell = row.cells.get(self.0.get(at).copied().flatten()?)?;
        match cell {
            super::Cell::Text(text) => Some(text.trim()).filter(|t| !t.is_empty() && *t != "-"),
            _ => None,
        }
    }
}

/// The zones of a file, each parsed once (a super-timeline names one or two).
#[derive(Default)]
struct Zones(Vec<(String, Option<chrono_tz::Tz>)>);

impl Zones {
    fn get(&mut self, name: &str) -> Option<chrono_tz::Tz> {
        if let Some((_, tz)) = self.0.iter().find(|(n, _)| n == name) {
            return *tz;
        }
        let tz = name.parse().ok();
        self.0.push((name.to_owned(), tz));
        tz
    }
}

impl Table<'_> {
    pub(super) fn l2tcsv(&self, rows: &[Row<'_>], first: usize, read: &mut Read) {
        let columns = Columns::of(self);
        let mut zones = Zones::default();
        // Reused for each row: the store copies what it keeps.
        let mut id = String::new();
        let mut macb = String::new();
        for (number, row) in rows.iter().enumerate() {
            let number = number + first;
            let value = |name: &str| columns.get(row, name);
            let time = time_of(
                value("date").unwrap_or_default(),
                value("time").unwrap_or_default(),
                value("timezone").unwrap_or_default(),
                &mut zones,
            );
            let start = match time {
                Ok(start) => start,
                Err((field, problem)) => {
                    read.issues.push(self.fault(row, number, field, problem));
                    continue;
                }
            };
            let fallback;
            let title = if let Some(title) = value("short").or_else(|| value("desc")) {
                title
            } else {
                fallback = format!("Row {number}");
                &fallback
            };
            id.clear();
            id.push_str(&self.row_id(row, number));
            macb.clear();
            if let Some(m) = value("macb") {
                macb.push_str("MACB ");
                macb.push_str(m);
            }
            let mut description = value("desc").unwrap_or_default().to_owned();
            for name in [
                "type", "filename", "inode", "notes", "format", "extra", "version",
            ] {
                if let Some(v) = value(name) {
                    if !description.is_empty() {
                        description.push('\n');
                    }
                    description.push_str(&self.shown(name));
                    description.push_str(": ");
                    description.push_str(v);
                }
            }
            // Which time this is (creation, modification…), the source's kind and the MACB
            // letters as tags; the user as the actor, the host as the target.
            let labels = [
                (LabelKind::Tag, value("type")),
                (LabelKind::Tag, value("sourcetype")),
                (LabelKind::Tag, (!macb.is_empty()).then_some(macb.as_str())),
                (LabelKind::Actor, value("user")),
                (LabelKind::Target, value("host")),
            ];
            read.store.push_parts(
                Core {
                    id: &id,
                    title,
                    start,
                    end: None,
                    category: value("source"),
                    severity: None,
                    circa: false,
                    file: FileId::default(),
                    line: u32::try_from(Self::line(row)).unwrap_or(u32::MAX),
                },
                labels.into_iter().filter_map(|(kind, v)| Some((kind, v?))),
                Extra {
                    description: (!description.is_empty()).then_some(description),
                    ..Extra::default()
                },
            );
        }
    }

    /// A row skipped for `field`'s value.
    fn fault(&self, row: &Row<'_>, number: usize, field: &str, problem: Said) -> Issue {
        let index = self.index(field).unwrap_or(0);
        let shown = self.shown(field);
        Issue::new(
            IssueLevel::Skipped,
            self.location(row, index),
            Some(shown.clone()),
            crate::io::json::field_problem(self.row_name(row, number), &shown, problem),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(date: &str, time: &str, zone: &str) -> String {
        time_of(date, time, zone, &mut Zones::default())
            .map(|t| t.label())
            .unwrap_or_default()
    }

    #[test]
    fn dates_times_and_zones_as_psort_writes_them() {
        assert_eq!(
            label("05/04/2021", "11:00:00", "UTC"),
            "4 May 2021 11:00:00 UTC"
        );
        // Brussels in summer is UTC+2, in winter UTC+1.
        assert_eq!(
            label("05/04/2021", "11:00:00", "Europe/Brussels"),
            "4 May 2021 11:00:00 UTC+2"
        );
        assert_eq!(
            label("01/04/2021", "11:00:00", "Europe/Brussels"),
            "4 January 2021 11:00:00 UTC+1"
        );
        assert_eq!(
            label("05/04/2021", "11:00:00.123456", "UTC"),
            "4 May 2021 11:00:00.123456 UTC"
        );
        for (date, time, zone, field) in [
            ("00/00/0000", "--:--:--", "UTC", "date"),
            ("2021-05-04", "11:00:00", "UTC", "date"),
            ("02/30/2021", "11:00:00", "UTC", "date"),
            ("05/04/2021", "25:00:00", "UTC", "time"),
            ("05/04/2021", "11:00:00", "Mars/Olympus", "timezone"),
            // 02:30 did not happen in Brussels on 28 March 2021.
            ("03/28/2021", "02:30:00", "Europe/Brussels", "time"),
        ] {
            let result = time_of(date, time, zone, &mut Zones::default());
            assert_eq!(
                result.err().map(|(f, _)| f),
                Some(field),
                "{date} {time} {zone}"
            );
        }
    }
}
