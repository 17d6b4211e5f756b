//! The date-string grammar of the native format: `YYYY[-MM[-DD[THH[:MM[:SS[.fff]]]]]]` with an
//! optional `Z` or `±HH:MM`, signed and long years. Values are checked by [`TimePoint`]'s builders.

use super::time::{ParseTimeError, Precision, TimePoint};

/// Parses the date strings of the native format (see `TimePoint::from_str`).
pub(crate) fn parse(input: &str) -> Result<TimePoint, ParseTimeError> {
    plain_date(input).unwrap_or_else(|| parse_any(input))
}

/// [`parse`] of any shape.
fn parse_any(input: &str) -> Result<TimePoint, ParseTimeError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(ParseTimeError::Empty);
    }
    let shape = || ParseTimeError::Shape(input.to_owned());
    let (date_part, time_part) = match text.find(['T', 't', ' ']) {
        Some(i) => (
            text.get(..i).ok_or_else(shape)?,
            Some(text.get(i + 1..).ok_or_else(shape)?),
        ),
        None => (text, None),
    };
    // Signed year, then optional -MM and -DD.
    let (negative, unsigned) = match date_part.as_bytes().first() {
        Some(b'-') => (true, date_part.get(1..).ok_or_else(shape)?),
        Some(b'+') => (false, date_part.get(1..).ok_or_else(shape)?),
        _ => (false, date_part),
    };
    let mut parts = unsigned.split('-');
    let year_text = parts.next().ok_or_else(shape)?;
    if year_text.is_empty()
        || year_text.len() > 12
        || !year_text.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(shape());
    }
    let year_abs: i64 = year_text.parse().map_err(|_| shape())?;
    let year = if negative { -year_abs } else { year_abs };
    let month = parts
        .next()
        .map(|m| two_digits(m).ok_or_else(shape))
        .transpose()?;
    let day = parts
        .next()
        .map(|d| two_digits(d).ok_or_else(shape))
        .transpose()?;
    if parts.next().is_some() {
        return Err(shape());
    }
    let precision = match (month, day) {
        (None, _) => Precision::Year,
        (Some(_), None) => Precision::Month,
        (Some(_), Some(_)) => Precision::Day,
    };
    let point = TimePoint::new(year, month, day, precision)?;
    let Some(time_text) = time_part else {
        return Ok(point);
    };
    if day.is_none() {
        return Err(shape());
    }
    // Split off the zone: Z, or the last + / - in the time part.
    let (clock, zone) = if let Some(stripped) = time_text.strip_suffix(['Z', 'z']) {
        (stripped, Some(0))
    } else if let Some(i) = time_text.rfind(['+', '-']) {
        let zone_text = time_text.get(i..).ok_or_else(shape)?;
        (
            time_text.get(..i).ok_or_else(shape)?,
            Some(parse_offset(zone_text)?),
        )
    } else {
        (time_text, None)
    };
    let (hms, fraction) = match clock.split_once('.') {
        Some((hms, f)) => (hms, Some(f)),
        None => (clock, None),
    };
    let mut fields = hms.split(':');
    let hour = fields.next().and_then(two_digits).ok_or_else(shape)?;
    let minute = fields
        .next()
        .map(|m| two_digits(m).ok_or_else(shape))
        .transpose()?;
    let second = fields
        .next()
        .map(|s| two_digits(s).ok_or_else(shape))
        .transpose()?;
    if fields.next().is_some() || (fraction.is_some() && second.is_none()) {
        return Err(shape());
    }
    let mut point = point.with_time(hour, minute, second)?;
    if let Some(fraction) = fraction {
        point = point.with_fraction(fraction)?;
    }
    if let Some(offset) = zone {
        point = point.with_offset_minutes(offset)?;
    }
    Ok(point)
}

/// The commonest shapes, `YYYY`, `YYYY-MM` and `YYYY-MM-DD`, read byte by byte (most dates
/// of a big file; the general path's searches and splits were 3 % of a load). `None`: not one
/// of them, for the general path. The date is made by the same [`TimePoint::new`], so it is
/// checked and answered exactly as there.
fn plain_date(input: &str) -> Option<Result<TimePoint, ParseTimeError>> {
    let b = input.as_bytes();
    let digit = |i: usize| {
        b.get(i)
            .filter(|d| d.is_ascii_digit())
            .map(|d| u32::from(d - b'0'))
    };
    let pair = |i: usize| Some(digit(i)? * 10 + digit(i + 1)?);
    let year = i64::from(pair(0)? * 100 + pair(2)?);
    let dash = |i: usize| b.get(i) == Some(&b'-');
    let (month, day, precision) = match b.len() {
        4 => (None, None, Precision::Year),
        7 if dash(4) => (Some(pair(5)?), None, Precision::Month),
        10 if dash(4) && dash(7) => (Some(pair(5)?), Some(pair(8)?), Precision::Day),
        _ => return None,
    };
    Some(TimePoint::new(year, month, day, precision))
}

fn two_digits(text: &str) -> Option<u32> {
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn parse_offset(text: &str) -> Result<i32, ParseTimeError> {
    let bad = || ParseTimeError::Offset(text.to_owned());
    let sign = match text.as_bytes().first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Err(bad()),
    };
    let rest = text.get(1..).ok_or_else(bad)?;
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (
            two_digits(h).ok_or_else(bad)?,
            two_digits(m).ok_or_else(bad)?,
        ),
        None if rest.len() == 4 => (
            rest.get(..2).and_then(two_digits).ok_or_else(bad)?,
            rest.get(2..).and_then(two_digits).ok_or_else(bad)?,
        ),
        None => (two_digits(rest).ok_or_else(bad)?, 0),
    };
    if m > 59 || h * 60 + m > 18 * 60 {
        return Err(bad());
    }
    Ok(sign * i32::try_from(h * 60 + m).map_err(|_| bad())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_dates_read_as_the_general_path_reads_them() {
        let mut checked = 0;
        for year in [
            "0000", "0001", "1969", "2021", "9999", "20x1", "-202", "+202", " 202",
        ] {
            for month in ["", "-00", "-01", "-02", "-12", "-13", "-1a", "+01", "-99"] {
                for day in [
                    "", "-00", "-01", "-28", "-29", "-30", "-31", "-32", "-3 ", "x01",
                ] {
                    let text = format!("{year}{month}{day}");
                    if let Some(fast) = plain_date(&text) {
                        assert_eq!(fast, parse_any(&text), "{text:?}");
                        checked += 1;
                    }
                    assert_eq!(parse(&text), parse_any(&text), "{text:?}");
                }
            }
        }
        for leap in ["1900-02-29", "2000-02-29", "2023-02-29", "2024-02-29"] {
            assert_eq!(plain_date(leap), Some(parse_any(leap)), "{leap}");
        }
        assert!(checked > 150, "the fast path took {checked}");
    }
}
