//! Numbers of seconds, milliseconds, microseconds or nanoseconds since 1970, the unit read from
//! the number's size as Timesketch does: up to 11 digits are seconds, 12–14 milliseconds, 15–17
//! microseconds, more nanoseconds. The result keeps the precision the unit gives (`.123` for
//! milliseconds) and any decimals written after it; a reading that could be another unit's is
//! said, not silently trusted.

use crate::i18n::Said;
use crate::model::TimePoint;

/// The units, with the decimal places each puts after the seconds and its message key.
const UNITS: [(u32, &str); 4] = [
    (0, "unit-seconds"),
    (3, "unit-milliseconds"),
    (6, "unit-microseconds"),
    (9, "unit-nanoseconds"),
];

/// Readings before this (3 March 1973 as seconds) could as well be a larger unit's values.
const SMALLEST_SURE_SECS: i64 = 100_000_000;
/// Readings after this (1 January 2200) are far enough in the future to doubt the unit.
const LATEST_SURE_SECS: i64 = 7_258_118_400;

/// A time read from `text`, with a warning where its unit is a guess.
pub(crate) fn read(text: &str) -> Result<(TimePoint, Option<Said>), Said> {
    let not_a_number = || Said::new("reason-not-epoch").text("value", format!("{text:?}"));
    let trimmed = text.trim();
    let (negative, unsigned) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let (whole, decimals) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits_only(whole) || !digits_only(decimals) {
        return Err(not_a_number());
    }
    let significant = whole.trim_start_matches('0');
    let (places, unit) = match significant.len() {
        0..=11 => UNITS[0],
        12..=14 => UNITS[1],
        15..=17 => UNITS[2],
        18..=20 => UNITS[3],
        _ => return Err(not_a_number()),
    };
    // The written digits as one integer, and how many of them stand after the seconds.
    let decimals = decimals.get(..decimals.len().min(9)).unwrap_or_default();
    let scale = (places + u32::try_from(decimals.len()).unwrap_or(9)).min(18);
    let kept = decimals
        .get(..decimals.len().min((scale - places) as usize))
        .unwrap_or_default();
    let mantissa: i128 = format!("{significant}{kept}").parse::<i128>().unwrap_or(0);
    let mantissa = if negative { -mantissa } else { mantissa };
    let per_second = 10i128.pow(scale);
    let secs = i64::try_from(mantissa.div_euclid(per_second)).map_err(|_| not_a_number())?;
    let mut point = TimePoint::from_unix_secs(secs).map_err(|e| e.said())?;
    if scale > 0 {
        let fraction = mantissa.rem_euclid(per_second);
        // At most nine places are kept (nanoseconds).
        let fraction = format!("{fraction:0width$}", width = scale as usize);
        let fraction = fraction.get(..fraction.len().min(9)).unwrap_or("0");
        point = point.with_fraction(fraction).map_err(|e| e.said())?;
    }
    let warning = if mantissa == 0 {
        Some(Said::new("reason-timestamp-zero"))
    } else if secs.abs() < SMALLEST_SURE_SECS || secs > LATEST_SURE_SECS {
        Some(
            Said::new("reason-timestamp-unsure")
                .text("value", trimmed.to_owned())
                .said("unit", Said::new(unit))
                .date("date", point),
        )
    } else {
        None
    };
    Ok((point, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> String {
        read(text).map(|(t, _)| t.label()).unwrap_or_default()
    }

    fn warned(text: &str) -> bool {
        read(text).is_ok_and(|(_, w)| w.is_some())
    }

    #[test]
    fn the_unit_follows_the_size_of_the_number() {
        // One instant in four units (Timesketch's own test data writes it in seconds and in
        // microseconds).
        assert_eq!(label("1658689261"), "24 July 2022 19:01:01 UTC");
        assert_eq!(label("1658689261123"), "24 July 2022 19:01:01.123 UTC");
        assert_eq!(
            label("1658689261123456"),
            "24 July 2022 19:01:01.123456 UTC"
        );
        assert_eq!(
            label("1658689261123456789"),
            "24 July 2022 19:01:01.123456789 UTC"
        );
        // Decimals written after the unit are kept, up to nanoseconds.
        assert_eq!(label("1658689261.5"), "24 July 2022 19:01:01.5 UTC");
        assert_eq!(label("1658689261123.25"), "24 July 2022 19:01:01.12325 UTC");
        // Before 1970.
        assert_eq!(label("-86400"), "31 December 1969 00:00:00 UTC");
        assert_eq!(label("-1500"), "31 December 1969 23:35:00 UTC");
        assert_eq!(label("-1.5"), "31 December 1969 23:59:58.5 UTC");
        for sure in ["1658689261", "1331698658276340", "946684800000"] {
            assert!(!warned(sure), "{sure}");
        }
    }

    #[test]
    fn readings_that_could_be_another_unit_are_said() {
        // Seconds in 1970 might be milliseconds or microseconds; a year past 2200 might be a
        // smaller unit's number; zero usually means "not known".
        for unsure in ["1234567", "99999999999", "0", "9000000000000"] {
            assert!(warned(unsure), "{unsure}");
        }
        let (_, warning) = read("0").unwrap();
        assert!(
            warning
                .unwrap()
                .in_lang(crate::i18n::Lang::En)
                .contains("not known")
        );
        let (_, warning) = read("1234567").unwrap();
        let said = warning.unwrap().in_lang(crate::i18n::Lang::En);
        assert!(said.contains("seconds") && said.contains("1970"), "{said}");
    }

    #[test]
    fn words_and_oversized_numbers_are_refused() {
        for bad in [
            "",
            "abc",
            "12:00",
            "1e9",
            "1.2.3",
            "123456789012345678901",
            "--5",
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
