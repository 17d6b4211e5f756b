//! A point in time that keeps exactly the precision and zone its source gave, and no more.
//!
//! `2012` is the whole year 2012, `2021-05` the whole of May 2021, `2021-05-04T11:00+02:00` one minute
//! with an explicit offset. Without an offset a time is *floating* (a local wall-clock time in no
//! known zone); layout places floating times as if they were UTC and the UI says so.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use super::civil::{self, SECS_PER_DAY};

/// How precisely a source reported a time. Ordered from coarse to fine.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `2012`
    Year,
    /// `2021-05`
    Month,
    /// `2021-05-04`
    Day,
    /// `2021-05-04T11` (`TimelineJS` can give an hour alone)
    Hour,
    /// `2021-05-04T11:00`
    Minute,
    /// `2021-05-04T11:00:05`
    Second,
    /// `2021-05-04T11:00:05.123` (the number of fraction digits is kept)
    Subsecond,
}

impl Precision {
    /// The word used in the detail panel: "year", "month", …
    pub fn name(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
            Self::Hour => "hour",
            Self::Minute => "minute",
            Self::Second => "second",
            Self::Subsecond => "sub-second",
        }
    }
}

/// Largest year magnitude accepted, so that all arithmetic stays exact in `i64` seconds.
pub const MAX_ABS_YEAR: i64 = 100_000_000_000;

/// A time as the source gave it: calendar fields, precision and optional UTC offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimePoint {
    year: i64,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    nanos: u32,
    /// Number of fraction digits the source gave (1–9) at `Subsecond` precision, else 0.
    frac_digits: u8,
    precision: Precision,
    /// Explicit offset from UTC in minutes; `None` means floating (no zone in the source).
    offset_minutes: Option<i16>,
}

/// Why a date string could not be read. The `Display` text names the problem and quotes the input.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseTimeError {
    /// Nothing to parse.
    #[error("empty date")]
    Empty,
    /// The string does not have the shape of a date.
    #[error("expected a date like 2021, 2021-05, 2021-05-04 or 2021-05-04T11:00+02:00, got {0:?}")]
    Shape(String),
    /// The year is beyond ±100 billion.
    #[error("year {0} is out of range (at most ±100,000,000,000)")]
    YearRange(i64),
    /// A month outside 1–12.
    #[error("month {0} does not exist (months are 01–12)")]
    Month(u32),
    /// A day that the month does not have, e.g. 2021-02-30.
    #[error(
        "day {day} does not exist in {} {year} (it has {days} days)",
        civil::month_name(*month)
    )]
    Day {
        /// Day given.
        day: u32,
        /// Month given (1–12).
        month: u32,
        /// Year label.
        year: String,
        /// Days the month has.
        days: u32,
    },
    /// Hour, minute or second out of range.
    #[error("time of day {0:?} is out of range")]
    TimeOfDay(String),
    /// Offset outside ±18:00 or malformed.
    #[error("UTC offset {0:?} is not valid (expected Z or ±HH:MM within ±18:00)")]
    Offset(String),
}

/// The message keys of the month names, January first.
const MONTH_KEYS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

impl ParseTimeError {
    /// What is wrong, in `lang` (the `Display` text is the English one).
    pub fn text_in(&self, lang: crate::i18n::Lang) -> String {
        self.said().in_lang(lang)
    }

    /// What is wrong, to be said in any language.
    pub fn said(&self) -> crate::i18n::Said {
        use crate::i18n::Said;
        let quoted = |text: &str| format!("{text:?}");
        match self {
            Self::Empty => Said::new("date-error-empty"),
            Self::Shape(text) => Said::new("date-error-shape").text("value", quoted(text)),
            Self::YearRange(year) => Said::new("date-error-year").text("value", year.to_string()),
            Self::Month(month) => Said::new("date-error-month").text("value", month.to_string()),
            Self::Day {
                day,
                month,
                year,
                days,
            } => {
                let key = MONTH_KEYS[(*month as usize).saturating_sub(1) % 12];
                Said::new("date-error-day")
                    .text("day", day.to_string())
                    .said("month", Said::new(key))
                    .text("year", year.clone())
                    .text("days", days.to_string())
            }
            Self::TimeOfDay(text) => Said::new("date-error-time").text("value", quoted(text)),
            Self::Offset(text) => Said::new("date-error-offset").text("value", quoted(text)),
        }
    }
}

impl TimePoint {
    /// The year 1970 (a fallback that never fails).
    pub const fn epoch() -> Self {
        Self {
            year: 1970,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            nanos: 0,
            frac_digits: 0,
            precision: Precision::Year,
            offset_minutes: None,
        }
    }

    /// The point in eight bytes, for compact storage: `None` at sub-second precision or for
    /// years outside ±32,767 (those are kept whole). [`TimePoint::unpack`] gives it back equal.
    pub fn pack(&self) -> Option<u64> {
        let year = u64::from(u16::try_from(self.year + 32_768).ok()?);
        let precision: u64 = match self.precision {
            Precision::Year => 0,
            Precision::Month => 1,
            Precision::Day => 2,
            Precision::Hour => 3,
            Precision::Minute => 4,
            Precision::Second => 5,
            Precision::Subsecond => return None,
        };
        let offset = match self.offset_minutes {
            None => 0,
            // Offsets are within ±18:00, so they fit in 12 bits once shifted.
            Some(minutes) => 1 | u64::from(u16::try_from(i32::from(minutes) + 1080).ok()?) << 1,
        };
        Some(
            year | u64::from(self.month) << 16
                | u64::from(self.day) << 20
                | u64::from(self.hour) << 25
                | u64::from(self.minute) << 30
                | u64::from(self.second) << 36
                | precision << 42
                | offset << 45,
        )
    }

    /// A point from [`TimePoint::pack`].
    pub fn unpack(bits: u64) -> Self {
        #[allow(clippy::cast_possible_truncation)] // each field is masked to its width first
        let field = |shift: u32, width: u32| ((bits >> shift) & ((1 << width) - 1)) as u32;
        let precision = match field(42, 3) {
            0 => Precision::Year,
            1 => Precision::Month,
            2 => Precision::Day,
            3 => Precision::Hour,
            4 => Precision::Minute,
            _ => Precision::Second,
        };
        let offset_minutes = (field(45, 1) == 1)
            .then(|| i16::try_from(i64::from(field(46, 12)) - 1080).unwrap_or(0));
        let narrow = |v: u32| u8::try_from(v).unwrap_or(0);
        Self {
            year: i64::from(field(0, 16)) - 32_768,
            month: narrow(field(16, 4)),
            day: narrow(field(20, 5)),
            hour: narrow(field(25, 5)),
            minute: narrow(field(30, 6)),
            second: narrow(field(36, 6)),
            nanos: 0,
            frac_digits: 0,
            precision,
            offset_minutes,
        }
    }

    /// A year-precision point.
    pub fn year(year: i64) -> Result<Self, ParseTimeError> {
        Self::new(year, None, None, Precision::Year)
    }

    /// Builds a date from its parts; `month`/`day` set the precision (year, month or day).
    pub fn new(
        year: i64,
        month: Option<u32>,
        day: Option<u32>,
        precision: Precision,
    ) -> Result<Self, ParseTimeError> {
        if year.abs() > MAX_ABS_YEAR {
            return Err(ParseTimeError::YearRange(year));
        }
        let month_value = month.unwrap_or(1);
        if !(1..=12).contains(&month_value) {
            return Err(ParseTimeError::Month(month_value));
        }
        let day_value = day.unwrap_or(1);
        let days = civil::days_in_month(year, month_value);
        if day_value < 1 || day_value > days {
            return Err(ParseTimeError::Day {
                day: day_value,
                month: month_value,
                year: civil::year_label(year),
                days,
            });
        }
        Ok(Self {
            year,
            month: u8::try_from(month_value).unwrap_or(1),
            day: u8::try_from(day_value).unwrap_or(1),
            hour: 0,
            minute: 0,
            second: 0,
            nanos: 0,
            frac_digits: 0,
            precision,
            offset_minutes: None,
        })
    }

    /// Returns this point with a time of day; precision becomes `Hour`, `Minute` or `Second`
    /// depending on which parts are given.
    pub fn with_time(
        mut self,
        hour: u32,
        minute: Option<u32>,
        second: Option<u32>,
    ) -> Result<Self, ParseTimeError> {
        let (m, s) = (minute.unwrap_or(0), second.unwrap_or(0));
        if hour > 23 || m > 59 || s > 59 {
            return Err(ParseTimeError::TimeOfDay(format!(
                "{hour:02}:{m:02}:{s:02}"
            )));
        }
        self.hour = u8::try_from(hour).unwrap_or(0);
        self.minute = u8::try_from(m).unwrap_or(0);
        self.second = u8::try_from(s).unwrap_or(0);
        self.precision = match (minute, second) {
            (None, _) => Precision::Hour,
            (Some(_), None) => Precision::Minute,
            (Some(_), Some(_)) => Precision::Second,
        };
        Ok(self)
    }

    /// Returns this point with a fraction of a second given by `digits` (1–9 decimal digits).
    pub fn with_fraction(mut self, digits: &str) -> Result<Self, ParseTimeError> {
        if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseTimeError::TimeOfDay(format!(".{digits}")));
        }
        let value: u32 = digits
            .parse()
            .map_err(|_| ParseTimeError::TimeOfDay(digits.to_owned()))?;
        self.frac_digits = u8::try_from(digits.len()).unwrap_or(9);
        self.nanos = value * 10u32.pow(9 - u32::from(self.frac_digits));
        self.precision = Precision::Subsecond;
        Ok(self)
    }

    /// Returns this point with an explicit UTC offset in minutes (±18 h).
    pub fn with_offset_minutes(mut self, offset_minutes: i32) -> Result<Self, ParseTimeError> {
        if offset_minutes.abs() > 18 * 60 {
            return Err(ParseTimeError::Offset(format!("{offset_minutes} minutes")));
        }
        self.offset_minutes = Some(i16::try_from(offset_minutes).unwrap_or(0));
        Ok(self)
    }

    /// A UTC point at second precision from seconds since the epoch (used by importers whose source
    /// gives an instant, e.g. Unix timestamps).
    pub fn from_unix_secs(secs: i64) -> Result<Self, ParseTimeError> {
        let c = civil::civil_from_secs(secs);
        Self::new(c.year, Some(c.month), Some(c.day), Precision::Day)?
            .with_time(c.hour, Some(c.minute), Some(c.second))?
            .with_offset_minutes(0)
    }

    /// Astronomical year (0 = 1 BCE).
    pub fn year_number(&self) -> i64 {
        self.year
    }

    /// Hour, minute and second (0 when coarser than that).
    pub fn clock(&self) -> (u32, u32, u32) {
        (
            u32::from(self.hour),
            u32::from(self.minute),
            u32::from(self.second),
        )
    }

    /// Month 1–12 (1 when coarser than month).
    pub fn month_number(&self) -> u32 {
        u32::from(self.month)
    }

    /// Day 1–31 (1 when coarser than day).
    pub fn day_number(&self) -> u32 {
        u32::from(self.day)
    }

    /// How precisely the source gave this time.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The explicit UTC offset in minutes, or `None` for a floating time.
    pub fn offset_minutes(&self) -> Option<i32> {
        self.offset_minutes.map(i32::from)
    }

    /// Whether the source gave no zone (a floating local time).
    pub fn is_floating(&self) -> bool {
        self.offset_minutes.is_none() && self.precision >= Precision::Hour
    }

    fn whole_secs(&self) -> i64 {
        let days = civil::days_from_civil(self.year, u32::from(self.month), u32::from(self.day));
        let local = days * SECS_PER_DAY
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second);
        local - i64::from(self.offset_minutes.unwrap_or(0)) * 60
    }

    /// First instant covered, in seconds since 1970-01-01 UTC (floating times taken as UTC).
    pub fn start_secs(&self) -> f64 {
        self.whole_secs() as f64 + f64::from(self.nanos) / 1e9
    }

    /// First instant after the covered period: the end of the year for `2012`, of the month for
    /// `2021-05`, one minute later for `11:00`.
    pub fn end_secs(&self) -> f64 {
        let whole = self.whole_secs();
        let offset = i64::from(self.offset_minutes.unwrap_or(0)) * 60;
        let next_days = |y: i64, m: u32| civil::days_from_civil(y, m, 1) * SECS_PER_DAY - offset;
        match self.precision {
            Precision::Year => next_days(self.year + 1, 1) as f64,
            Precision::Month if self.month >= 12 => next_days(self.year + 1, 1) as f64,
            Precision::Month => next_days(self.year, u32::from(self.month) + 1) as f64,
            Precision::Day => (whole + SECS_PER_DAY) as f64,
            Precision::Hour => (whole + 3600) as f64,
            Precision::Minute => (whole + 60) as f64,
            Precision::Second => (whole + 1) as f64,
            Precision::Subsecond => {
                let step = 10f64.powi(-i32::from(self.frac_digits));
                self.start_secs() + step
            }
        }
    }

    /// The machine form at the source's precision, e.g. `2021-05-04T11:00+02:00`; parses back to
    /// an equal value.
    pub fn iso(&self) -> String {
        let mut out = if self.year < 0 {
            format!("-{:04}", self.year.unsigned_abs())
        } else {
            format!("{:04}", self.year)
        };
        if self.precision >= Precision::Month {
            write!(out, "-{:02}", self.month).ok();
        }
        if self.precision >= Precision::Day {
            write!(out, "-{:02}", self.day).ok();
        }
        if self.precision >= Precision::Hour {
            write!(out, "T{:02}", self.hour).ok();
        }
        if self.precision >= Precision::Minute {
            write!(out, ":{:02}", self.minute).ok();
        }
        if self.precision >= Precision::Second {
            write!(out, ":{:02}", self.second).ok();
        }
        if self.precision == Precision::Subsecond {
            let digits = usize::from(self.frac_digits);
            let all = format!("{:09}", self.nanos);
            out += ".";
            out += all.get(..digits).unwrap_or(&all);
        }
        if self.precision >= Precision::Hour {
            out += &offset_iso(self.offset_minutes);
        }
        out
    }

    /// The label for people, at the source's precision: `2012`, `May 2021`, `4 May 2021`,
    /// `4 May 2021 11:00 UTC+2`, `500 BCE`.
    pub fn label(&self) -> String {
        self.label_in(crate::i18n::Lang::En)
    }

    /// [`TimePoint::label`] in `lang`: "20 mai 2021", "20. Mai 2021", "mei 2021", "500 v.Chr.".
    pub fn label_in(&self, lang: crate::i18n::Lang) -> String {
        let year = civil::year_label_in(self.year, lang);
        let month = lang.month(u32::from(self.month));
        let date = lang.date(Some(u32::from(self.day)), month, Some(&year));
        let time = match self.precision {
            Precision::Year => return year,
            Precision::Month => return lang.date(None, month, Some(&year)),
            Precision::Day => return date,
            Precision::Hour => format!("{:02}h", self.hour),
            Precision::Minute => format!("{:02}:{:02}", self.hour, self.minute),
            Precision::Second => format!("{:02}:{:02}:{:02}", self.hour, self.minute, self.second),
            Precision::Subsecond => {
                let all = format!("{:09}", self.nanos);
                let frac = all.get(..usize::from(self.frac_digits)).unwrap_or(&all);
                format!(
                    "{:02}:{:02}:{:02}.{frac}",
                    self.hour, self.minute, self.second
                )
            }
        };
        let zone = self
            .offset_minutes
            .map(offset_label)
            .map(|z| format!(" {z}"))
            .unwrap_or_default();
        format!("{date} {time}{zone}")
    }
}

/// `UTC`, `UTC+2`, `UTC-3:30`.
pub fn offset_label(offset_minutes: i16) -> String {
    if offset_minutes == 0 {
        return "UTC".to_owned();
    }
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    if abs.is_multiple_of(60) {
        format!("UTC{sign}{}", abs / 60)
    } else {
        format!("UTC{sign}{}:{:02}", abs / 60, abs % 60)
    }
}

fn offset_iso(offset_minutes: Option<i16>) -> String {
    match offset_minutes {
        None => String::new(),
        Some(0) => "Z".to_owned(),
        Some(m) => {
            let sign = if m < 0 { '-' } else { '+' };
            let abs = m.unsigned_abs();
            format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
        }
    }
}

impl fmt::Display for TimePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl PartialOrd for TimePoint {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TimePoint {
    /// Orders by first instant, then coarser precision first.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.start_secs()
            .total_cmp(&other.start_secs())
            .then(self.precision.cmp(&other.precision))
            .then(self.nanos.cmp(&other.nanos))
    }
}

impl FromStr for TimePoint {
    type Err = ParseTimeError;

    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH[:MM[:SS[.fff]]]` with optional `Z` or
    /// `±HH:MM`; years may be signed (`-0499` is 500 BCE) and longer than four digits.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        super::time_parse::parse(s)
    }
}

impl serde::Serialize for TimePoint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

#[cfg(test)]
mod tests;
