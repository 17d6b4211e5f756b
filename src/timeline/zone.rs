//! The display time zone of the axis: UTC, the machine's local zone, or any IANA zone (with its
//! daylight-saving changes and historical offsets, from chrono-tz). Ticks are laid on local
//! calendar boundaries (local midnight, the first of the month) and the zone is always named.
//! Event labels are not converted: they print what the source said.

use chrono::{Local, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// Which zone the axis is drawn in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DisplayZone {
    /// Coordinated Universal Time.
    #[default]
    Utc,
    /// The machine's zone.
    Local,
    /// An IANA zone such as `Europe/Brussels`.
    Named(Tz),
}

/// Outside this range (seconds from 1970) the zone database says nothing useful: UTC is used.
const ZONED_RANGE: std::ops::RangeInclusive<f64> = -6.0e12..=6.0e12;

impl DisplayZone {
    /// Parses `UTC`, `local` or an IANA name (case as in the database: `Europe/Brussels`).
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        match text.to_ascii_lowercase().as_str() {
            "" | "utc" | "z" => Ok(Self::Utc),
            "local" => Ok(Self::Local),
            _ => text.parse::<Tz>().map(Self::Named).map_err(|_| {
                format!("{text:?} is not a time zone (try UTC, local or Europe/Brussels)")
            }),
        }
    }

    /// The name printed on an axis centred on `secs`: `UTC`, `Europe/Brussels`, or for the
    /// machine's zone its offset there (`local time (UTC+2)`).
    pub fn name_at(self, secs: f64) -> String {
        match self {
            Self::Utc => "UTC".to_owned(),
            Self::Local => {
                let minutes = (self.offset_secs(secs) / 60.0).round() as i64;
                format!(
                    "local time ({})",
                    crate::model::time::offset_label(i16::try_from(minutes).unwrap_or(0))
                )
            }
            Self::Named(tz) => tz.name().to_owned(),
        }
    }

    /// What settings keep: `UTC`, `local` or the IANA name.
    pub fn setting(self) -> String {
        match self {
            Self::Utc => "UTC".to_owned(),
            Self::Local => "local".to_owned(),
            Self::Named(tz) => tz.name().to_owned(),
        }
    }

    /// Seconds to add to UTC to get local wall-clock time at `utc_secs`.
    pub fn offset_secs(self, utc_secs: f64) -> f64 {
        if self == Self::Utc || !ZONED_RANGE.contains(&utc_secs) {
            return 0.0;
        }
        let Some(instant) = Utc.timestamp_opt(utc_secs.floor() as i64, 0).single() else {
            return 0.0;
        };
        let seconds = match self {
            Self::Utc => 0,
            Self::Local => instant
                .with_timezone(&Local)
                .offset()
                .fix()
                .local_minus_utc(),
            Self::Named(tz) => instant.with_timezone(&tz).offset().fix().local_minus_utc(),
        };
        f64::from(seconds)
    }

    /// The UTC instant of a local wall-clock time (seconds as if the local time were UTC). In a
    /// daylight-saving gap the time does not exist: the instant just after it is used; in an
    /// overlap, the earlier one.
    pub fn utc_from_local(self, local_secs: f64) -> f64 {
        if self == Self::Utc || !ZONED_RANGE.contains(&local_secs) {
            return local_secs;
        }
        let whole = local_secs.floor();
        let fraction = local_secs - whole;
        let Some(naive) = chrono::DateTime::from_timestamp(whole as i64, 0).map(|d| d.naive_utc())
        else {
            return local_secs;
        };
        let resolve = |naive: NaiveDateTime| -> Option<i64> {
            let timestamp = |result: LocalResult<i64>| match result {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t),
                LocalResult::None => None,
            };
            match self {
                Self::Utc => Some(naive.and_utc().timestamp()),
                Self::Local => timestamp(Local.from_local_datetime(&naive).map(|d| d.timestamp())),
                Self::Named(tz) => timestamp(tz.from_local_datetime(&naive).map(|d| d.timestamp())),
            }
        };
        if let Some(t) = resolve(naive) {
            return t as f64 + fraction;
        }
        // In a gap (at most a few hours, ending on a whole minute): the first minute that exists
        // is the instant the gap ends, so times in the gap map onto it and the order is kept.
        let start = naive - chrono::Duration::seconds(naive.and_utc().timestamp().rem_euclid(60));
        (1..=240)
            .find_map(|minutes| resolve(start + chrono::Duration::minutes(minutes)))
            .map_or_else(|| local_secs - self.offset_secs(local_secs), |t| t as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> f64 {
        text.parse::<crate::model::TimePoint>()
            .unwrap()
            .start_secs()
    }

    #[test]
    fn names_parse_and_unknown_ones_say_what_to_try() {
        assert_eq!(DisplayZone::parse("utc"), Ok(DisplayZone::Utc));
        assert_eq!(DisplayZone::parse(" local "), Ok(DisplayZone::Local));
        let brussels = DisplayZone::parse("Europe/Brussels").unwrap();
        assert_eq!(brussels.name_at(0.0), "Europe/Brussels");
        assert_eq!(brussels.setting(), "Europe/Brussels");
        let err = DisplayZone::parse("Mars/Olympus").unwrap_err();
        assert!(err.contains("Europe/Brussels"), "{err}");
    }

    #[test]
    fn brussels_follows_daylight_saving_and_local_midnight_maps_back() {
        let brussels = DisplayZone::parse("Europe/Brussels").unwrap();
        assert_eq!(brussels.offset_secs(utc("2021-01-15")), 3600.0);
        assert_eq!(brussels.offset_secs(utc("2021-05-04")), 7200.0);
        // Local midnight of 4 May 2021 is 22:00 UTC the day before.
        let local_midnight = utc("2021-05-04");
        assert_eq!(
            brussels.utc_from_local(local_midnight),
            utc("2021-05-03T22:00:00Z")
        );
        // 02:30 on 28 March 2021 does not exist in Brussels: the first instant after the gap.
        let gap = utc("2021-03-28T02:30:00Z");
        let resolved = brussels.utc_from_local(gap);
        assert_eq!(resolved, utc("2021-03-28T01:00:00Z"));
        // UTC and far-away years are left alone.
        assert_eq!(DisplayZone::Utc.utc_from_local(gap), gap);
        assert_eq!(brussels.offset_secs(-1.0e15), 0.0);
    }
}
