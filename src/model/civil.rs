//! Proleptic Gregorian calendar arithmetic on plain integers, valid far beyond chrono's range.
//!
//! Years are astronomical (year 0 is 1 BCE, -499 is 500 BCE). Everything here is exact integer
//! maths on `i64`, so cosmological years (`TimelineJS` goes down to -13,800,000,000) work as well as
//! 2021. `chrono` is used in the tests as the reference inside its own range.

use crate::i18n::{Arg, Lang};

/// Seconds in one civil day (no leap seconds, like every timeline tool).
pub const SECS_PER_DAY: i64 = 86_400;

/// Average seconds in a Gregorian year, for rough scale decisions only (never for dates).
pub const SECS_PER_YEAR_APPROX: f64 = 365.2425 * 86_400.0;

/// Whether `year` (astronomical) is a Gregorian leap year.
pub fn is_leap_year(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// Number of days in `month` (1–12) of `year`; 0 for a month outside 1–12.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days from 1970-01-01 to the given civil date (Howard Hinnant's `days_from_civil`).
///
/// `month` must be 1–12 and `day` 1–31; callers validate first.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let month = i64::from(month);
    let day = i64::from(day);
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date `(year, month, day)` of a day count from 1970-01-01 (inverse of
/// [`days_from_civil`]).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both values are in 1..=31 and 1..=12 by construction.
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// A broken-down UTC (or floating) instant, as used by the tick ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    /// Astronomical year.
    pub year: i64,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
    /// 0–23.
    pub hour: u32,
    /// 0–59.
    pub minute: u32,
    /// 0–59.
    pub second: u32,
}

/// Breaks whole seconds since the epoch into a civil date and time.
pub fn civil_from_secs(secs: i64) -> Civil {
    let days = secs.div_euclid(SECS_PER_DAY);
    let rem = secs.rem_euclid(SECS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    let rem = u32::try_from(rem).unwrap_or(0);
    Civil {
        year,
        month,
        day,
        hour: rem / 3600,
        minute: rem / 60 % 60,
        second: rem % 60,
    }
}

/// Seconds since the epoch of the first instant of `year`-01-01, as `f64` (works for any `i64` year
/// whose result fits, which covers the cosmological range).
pub fn secs_from_year(year: i64) -> f64 {
    days_from_civil(year, 1, 1) as f64 * SECS_PER_DAY as f64
}

/// The astronomical year containing `secs`, for any finite value (saturating far outside).
pub fn year_from_secs(secs: f64) -> i64 {
    if !secs.is_finite() {
        return 0;
    }
    let days = (secs / SECS_PER_DAY as f64).floor();
    // ±9e15 days is ±2.5e13 years: far beyond anything a file may hold (readers cap at 1e11).
    let days = days.clamp(-9.0e15, 9.0e15) as i64;
    civil_from_days(days).0
}

/// English month names, index 0 = January.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Short English month names, index 0 = Jan.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `"May"` for 5; `"?"` outside 1–12.
pub fn month_name(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTH_NAMES.get(i as usize))
        .copied()
        .unwrap_or("?")
}

/// `"May"` for 5; `"?"` outside 1–12.
pub fn month_abbreviation(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTH_ABBREVIATIONS.get(i as usize))
        .copied()
        .unwrap_or("?")
}

/// A year for people: `2021`, `500 BCE` (astronomical -499), `13.8 billion BCE`.
///
/// Astronomical years ≤ 0 are shown BCE (there is no year 0 for users). Past a million years the
/// number is rounded to three significant figures, since no source is that exact.
pub fn year_label(year: i64) -> String {
    year_label_in(year, Lang::En)
}

/// [`year_label`] in `lang`: "500 v.Chr.", "13,8 milliards av. J.-C.".
pub fn year_label_in(year: i64, lang: Lang) -> String {
    if year >= 1 {
        if year >= 100_000 {
            // As far ahead as back: "552 million CE", not "551,996,362 CE".
            let year = big_number_label(i128::from(year), lang);
            lang.text("year-ce", &[("year", Arg::Text(&year))])
        } else {
            year.to_string()
        }
    } else {
        let bce = big_number_label(1 - i128::from(year), lang);
        lang.text("year-bce", &[("year", Arg::Text(&bce))])
    }
}

fn big_number_label(n: i128, lang: Lang) -> String {
    let (scale, key) = if n >= 1_000_000_000 {
        (1_000_000_000.0, "number-billion")
    } else if n >= 1_000_000 {
        (1_000_000.0, "number-million")
    } else {
        let grouped = group_thousands_i128(n);
        return match lang {
            Lang::En => grouped,
            Lang::Nl | Lang::De => grouped.replace(',', "."),
            Lang::Fr => grouped.replace(',', "\u{a0}"),
        };
    };
    let value = n as f64 / scale;
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if lang == Lang::En {
        text.to_owned()
    } else {
        text.replace('.', ",")
    };
    lang.text(key, &[("number", Arg::Text(&text))])
}

/// `n` with thousands separators: -1,204,331.
pub fn group_thousands_i128(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A rough length of time for people: "5 years", "8 months", "12 days", "3 hours".
pub fn duration_label(secs: f64) -> String {
    let plural = |n: f64, unit: &str| {
        let n = n.round().max(1.0);
        if n == 1.0 {
            format!("1 {unit}")
        } else {
            format!("{} {unit}s", group_thousands_i128(n as i128))
        }
    };
    let secs = if secs.is_finite() { secs.abs() } else { 0.0 };
    if secs >= 2.0 * SECS_PER_YEAR_APPROX {
        plural(secs / SECS_PER_YEAR_APPROX, "year")
    } else if secs >= 60.0 * 86_400.0 {
        plural(secs / (SECS_PER_YEAR_APPROX / 12.0), "month")
    } else if secs >= 2.0 * 86_400.0 {
        plural(secs / 86_400.0, "day")
    } else if secs >= 2.0 * 3_600.0 {
        plural(secs / 3_600.0, "hour")
    } else if secs >= 120.0 {
        plural(secs / 60.0, "minute")
    } else {
        plural(secs, "second")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike as _, NaiveDate};

    #[test]
    fn days_from_civil_matches_chrono_over_many_centuries() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        // Every 97th day from 2000 BCE to 3000 CE, plus both sides of each leap day.
        let mut date = NaiveDate::from_ymd_opt(-1999, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(3000, 1, 1).unwrap();
        while date < end {
            let days = days_from_civil(i64::from(date.year()), date.month(), date.day());
            assert_eq!(days, (date - epoch).num_days(), "{date}");
            assert_eq!(
                civil_from_days(days),
                (i64::from(date.year()), date.month(), date.day())
            );
            date = date + chrono::Days::new(97);
        }
    }

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration_label(5.2 * SECS_PER_YEAR_APPROX), "5 years");
        assert_eq!(duration_label(100.0 * 86_400.0), "3 months");
        assert_eq!(duration_label(12.0 * 86_400.0), "12 days");
        assert_eq!(duration_label(3.0 * 3_600.0), "3 hours");
        assert_eq!(duration_label(f64::NAN), "1 second");
        assert_eq!(
            duration_label(1e12 * SECS_PER_YEAR_APPROX),
            "1,000,000,000,000 years"
        );
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2021));
        assert!(is_leap_year(0)); // 1 BCE
        assert!(is_leap_year(-4));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2021, 4), 30);
        assert_eq!(days_in_month(2021, 13), 0);
    }

    #[test]
    fn cosmological_years_do_not_overflow() {
        let secs = secs_from_year(-13_800_000_000);
        assert!(secs < -4.3e17 && secs > -4.4e17, "{secs}");
        assert_eq!(
            year_from_secs(secs + 10.0 * SECS_PER_DAY as f64),
            -13_800_000_000
        );
    }

    #[test]
    fn civil_from_secs_breaks_down_time_of_day() {
        let c = civil_from_secs(1_620_118_800); // 2021-05-04T09:00:00Z
        assert_eq!(
            (c.year, c.month, c.day, c.hour, c.minute, c.second),
            (2021, 5, 4, 9, 0, 0)
        );
        let c = civil_from_secs(-1); // 1969-12-31T23:59:59Z
        assert_eq!(
            (c.year, c.month, c.day, c.hour, c.minute, c.second),
            (1969, 12, 31, 23, 59, 59)
        );
    }

    #[test]
    fn years_are_labelled_without_a_year_zero() {
        assert_eq!(year_label(2021), "2021");
        assert_eq!(year_label(1), "1");
        assert_eq!(year_label(0), "1 BCE");
        assert_eq!(year_label(-499), "500 BCE");
        assert_eq!(year_label(-9999), "10,000 BCE");
        assert_eq!(year_label(-13_800_000_000), "13.8 billion BCE");
        assert_eq!(year_label(-65_000_000), "65 million BCE");
        assert_eq!(year_label(551_996_362), "552 million CE");
        assert_eq!(year_label(250_000), "250,000 CE");
    }
}
