//! `TimelineJS` files: the TL3 shape (`{"title", "events", "eras"}`, also nested as
//! `{"timeline": {"slides": …}}`) and the old TL2 shape (`{"timeline": {"date": […]}}`).
//!
//! Date parts may be numbers, strings or empty strings; the precision is that of the most precise
//! part given. `TimelineJS` has no time zones, so every time is floating. HTML in text is shown as
//! plain text, never interpreted.

use serde_json::Value;
use serde_json::value::RawValue;

use super::json::numbered;
use super::json::{Entries, Reader, kind_of};
use super::report::{Issue, IssueLevel, LineIndex, LoadError, LoadedFile};
use super::text::plain_text;
use crate::i18n::Said;
use crate::model::{DatasetPart, Event, FileId, FileInfo, Format, Period, Source, TimePoint};

/// Whether the top-level object looks like a `TimelineJS` file.
pub(crate) fn looks_timelinejs(entries: &Entries<'_>) -> bool {
    let has = |key: &str| entries.0.iter().any(|(k, _)| k == key);
    if has("timeline") {
        // VERIS also has a `timeline` object, but with `incident` inside.
        return entries.0.iter().any(|(k, v)| {
            k == "timeline"
                && (v.get().contains("\"date\"")
                    || v.get().contains("\"slides\"")
                    || v.get().contains("\"events\""))
        }) && !has("incident_id");
    }
    let first_event_has_start_date = entries.0.iter().any(|(k, v)| {
        k == "events"
            && serde_json::from_str::<Vec<Value>>(v.get()).is_ok_and(|events| {
                events
                    .first()
                    .is_some_and(|e| e.get("start_date").is_some())
            })
    });
    first_event_has_start_date
        || (has("events") && has("title") && !has("annals") && entries_title_is_slide(entries))
}

fn entries_title_is_slide(entries: &Entries<'_>) -> bool {
    entries
        .0
        .iter()
        .any(|(k, v)| k == "title" && kind_of(v) == "an object")
}

/// A whole number from a number or a numeric string; `None` for absent, null or empty.
fn part(value: Option<&Value>) -> Result<Option<i64>, Said> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                    .map(|f| f as i64)
            })
            .map(Some)
            .ok_or_else(|| Said::new("reason-not-whole").text("value", n.to_string())),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| Said::new("reason-not-whole").text("value", format!("{s:?}"))),
        Some(other) => Err(Said::new("reason-expected")
            .said("expected", Said::new("kind-number-or-string"))
            .said("found", value_kind(other))),
    }
}

/// The kind of a JSON value as words ("a number", "een getal").
pub(crate) fn value_kind(value: &Value) -> Said {
    Said::new(match value {
        Value::Null => "kind-null",
        Value::Bool(_) => "kind-boolean",
        Value::Number(_) => "kind-number",
        Value::String(_) => "kind-string",
        Value::Array(_) => "kind-array",
        Value::Object(_) => "kind-object",
    })
}

/// "month 13 is out of range": a date part (`part-month`…) and its value.
pub(crate) fn out_of_range(part: &'static str, value: i64) -> Said {
    Said::new("reason-out-of-range")
        .said("part", Said::new(part))
        .text("value", value.to_string())
}

fn small(value: Option<i64>, part: &'static str) -> Result<Option<u32>, Said> {
    value
        .map(|v| u32::try_from(v).map_err(|_| out_of_range(part, v)))
        .transpose()
}

/// Builds a floating point in time from calendar parts; each part needs the coarser ones.
///
/// `TimelineJS` shows a negative year as that many years BCE (`-300` is "300 BCE", Euclid's
/// *Optica*), with no year 0; our years are astronomical (0 is 1 BCE), so -300 becomes -299.
fn time_from_parts(parts: [Option<i64>; 7]) -> Result<TimePoint, Said> {
    let [year, month, day, hour, minute, second, millisecond] = parts;
    let year = year.ok_or_else(|| Said::new("reason-no-year"))?;
    if year == 0 {
        return Err(Said::new("reason-timelinejs-year-zero"));
    }
    let year = if year < 0 { year + 1 } else { year };
    let names = [
        "part-month",
        "part-day",
        "part-hour",
        "part-minute",
        "part-second",
        "part-millisecond",
    ];
    let given = [month, day, hour, minute, second, millisecond];
    // A part without the one before it (a day without a month) is ambiguous.
    for i in 1..given.len() {
        if given[i].is_some() && given[i - 1].is_none() {
            return Err(Said::new("reason-given-without")
                .said("part", Said::new(names[i]))
                .said("needed", Said::new(names[i - 1])));
        }
    }
    let mut point =
        crate::io::json::calendar_date(year, small(month, "part-month")?, small(day, "part-day")?)?;
    if let Some(hour) = small(hour, "part-hour")? {
        point = point
            .with_time(
                hour,
                small(minute, "part-minute")?,
                small(second, "part-second")?,
            )
            .map_err(|e| e.said())?;
    }
    if let Some(ms) = millisecond {
        if !(0..1000).contains(&ms) {
            return Err(out_of_range("part-millisecond", ms));
        }
        point = point
            .with_fraction(&format!("{ms:03}"))
            .map_err(|e| e.said())?;
    }
    Ok(point)
}

/// A TL3 date object: `{"year": "1969", "month": "7", "day": "", "display_date": …}`.
fn tl3_date(value: &Value) -> Result<(TimePoint, Option<String>), Said> {
    let Value::Object(map) = value else {
        return Err(Said::new("reason-expected")
            .said("expected", Said::new("kind-date-object"))
            .said("found", value_kind(value)));
    };
    let keys = [
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "millisecond",
    ];
    let mut parts = [None; 7];
    for (slot, key) in parts.iter_mut().zip(keys) {
        *slot = part(map.get(key))
            .map_err(|e| Said::new("problem-in").text("what", key).said("problem", e))?;
    }
    let display = map
        .get("display_date")
        .and_then(Value::as_str)
        .map(plain_text)
        .filter(|d| !d.is_empty());
    Ok((time_from_parts(parts)?, display))
}

/// A TL2 date string: `"2011,3,23"`, `"1932"`, `"2011,3,23,14,30"`.
fn tl2_date(value: &Value) -> Result<TimePoint, Said> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => {
            return Err(Said::new("reason-expected")
                .said("expected", Said::new("kind-tl2-date"))
                .said("found", value_kind(other)));
        }
    };
    let quoted = format!("{text:?}");
    let about = |e: Said| {
        Said::new("problem-in")
            .text("what", quoted.clone())
            .said("problem", e)
    };
    let mut parts = [None; 7];
    let pieces: Vec<&str> = text.split(',').map(str::trim).collect();
    if pieces.len() > 6 {
        return Err(Said::new("reason-too-many-parts").text("value", quoted.clone()));
    }
    for (slot, piece) in parts.iter_mut().zip(&pieces) {
        *slot = part(Some(&Value::String((*piece).to_owned()))).map_err(about)?;
    }
    time_from_parts(parts).map_err(about)
}

fn text_field(value: &Value, outer: &str, inner: &str) -> Option<String> {
    value
        .get(outer)?
        .get(inner)?
        .as_str()
        .map(plain_text)
        .filter(|s| !s.is_empty())
}

fn media_source(media: Option<&Value>, url_key: &str) -> Option<Source> {
    let media = media?;
    let url = media.get(url_key)?.as_str()?.trim();
    if url.is_empty() {
        return None;
    }
    let caption = media
        .get("caption")
        .and_then(Value::as_str)
        .map(plain_text)
        .filter(|s| !s.is_empty());
    let credit = media
        .get("credit")
        .and_then(Value::as_str)
        .map(plain_text)
        .filter(|s| !s.is_empty());
    let title = caption.or(credit).unwrap_or_else(|| url.to_owned());
    Some(Source {
        title,
        url: Some(url.to_owned()),
    })
}

/// One record's outcome: an event, or why it was skipped (field and message).
pub(crate) type Record<T> = Result<T, (String, Said)>;

/// An event, and the problem of an end date that could not be read (the event is then kept as
/// a point at its start: its start is good, and the end is optional).
pub(crate) type WithBadEnd = (Event, Option<(String, Said)>);

pub(crate) fn tl3_event(value: &Value, number: usize) -> Record<WithBadEnd> {
    let start_value = value
        .get("start_date")
        .ok_or(("start_date".to_owned(), Said::new("reason-missing")))?;
    let (start, display) = tl3_date(start_value).map_err(|e| ("start_date".to_owned(), e))?;
    let (end, bad_end) = match value.get("end_date") {
        None | Some(Value::Null) => (None, None),
        Some(v) => match tl3_date(v) {
            Ok((end, _)) => (Some(end), None),
            Err(e) => (None, Some(("end_date".to_owned(), e))),
        },
    };
    build_event(value, number, start, end, display).map(|event| (event, bad_end))
}

fn build_event(
    value: &Value,
    number: usize,
    start: TimePoint,
    end: Option<TimePoint>,
    display: Option<String>,
) -> Record<Event> {
    let end = end.filter(|end| *end != start); // an end equal to the start is a point
    if let Some(end) = &end
        && end.start_secs() < start.start_secs()
    {
        return Err((
            "end_date".to_owned(),
            crate::io::json::end_before_start(end, start),
        ));
    }
    let description = text_field(value, "text", "text")
        .or_else(|| value.get("text").and_then(Value::as_str).map(plain_text));
    let title = text_field(value, "text", "headline")
        .or_else(|| {
            value
                .get("headline")
                .and_then(Value::as_str)
                .map(plain_text)
                .filter(|s| !s.is_empty())
        })
        .or_else(|| display.clone())
        .unwrap_or_else(|| start.label());
    let id = value
        .get("unique_id")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map_or_else(|| format!("event-{number}"), str::to_owned);
    let mut event = Event::new(id, title, start);
    event.end = end;
    event.description = description.filter(|d| !d.is_empty());
    event.display_date = display;
    event.category = value
        .get("group")
        .and_then(Value::as_str)
        .map(plain_text)
        .filter(|g| !g.is_empty());
    if let Some(tags) = value.get("tags").and_then(Value::as_str) {
        event.tags = tags
            .split(',')
            .map(plain_text)
            .filter(|t| !t.is_empty())
            .collect();
    }
    event.sources = media_source(value.get("media"), "url")
        .or_else(|| media_source(value.get("asset"), "media"))
        .into_iter()
        .collect();
    Ok(event)
}

fn tl2_event(value: &Value, number: usize) -> Record<WithBadEnd> {
    let start_value = value
        .get("startDate")
        .ok_or(("startDate".to_owned(), Said::new("reason-missing")))?;
    let start = tl2_date(start_value).map_err(|e| ("startDate".to_owned(), e))?;
    let (end, bad_end) = match value.get("endDate") {
        None | Some(Value::Null) => (None, None),
        Some(Value::String(s)) if s.trim().is_empty() => (None, None),
        Some(v) => match tl2_date(v) {
            Ok(end) => (Some(end), None),
            Err(e) => (None, Some(("endDate".to_owned(), e))),
        },
    };
    let built = build_event(value, number, start, end, None).map(|event| (event, bad_end));
    built.map_err(|(field, message)| {
        let field = if field == "end_date" {
            "endDate".to_owned()
        } else {
            field
        };
        (field, message)
    })
}

pub(crate) fn era(value: &Value) -> Record<Period> {
    let start = value
        .get("start_date")
        .ok_or(("start_date".to_owned(), Said::new("reason-missing")))?;
    let end = value
        .get("end_date")
        .ok_or(("end_date".to_owned(), Said::new("reason-missing")))?;
    let (start, _) = tl3_date(start).map_err(|e| ("start_date".to_owned(), e))?;
    let (end, _) = tl3_date(end).map_err(|e| ("end_date".to_owned(), e))?;
    if end.end_secs() <= start.start_secs() {
        return Err((
            "end_date".to_owned(),
            crate::io::json::end_before_start(end, start),
        ));
    }
    let title = text_field(value, "text", "headline")
        .unwrap_or_else(|| format!("{} – {}", start.label(), end.label()));
    Ok(Period {
        title,
        start,
        end,
        category: None,
        file: FileId::default(),
        translations: Vec::new(),
    })
}

/// Parses a `TimelineJS` file.
pub fn parse(path: &str, text: &str) -> Result<LoadedFile, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = LineIndex::new(text);
    let top: &RawValue = serde_json::from_str(text).map_err(|e| LoadError::json(path, &e))?;
    let shape = |raw: &RawValue, message: &str| LoadError::Shape {
        path: path.to_owned(),
        location: lines.location_of(raw.get()),
        message: message.to_owned(),
    };
    let reader = Reader {
        lines: LineIndex::new(text),
        issues: Vec::new(),
    };
    let top_entries = reader
        .object(top, "file")
        .map_err(|f| shape(top, &f.message.english()))?;
    let root_raw = top_entries
        .0
        .iter()
        .find(|(k, _)| k == "timeline")
        .map_or(top, |(_, v)| *v);
    let root = reader
        .object(root_raw, "timeline")
        .map_err(|f| shape(root_raw, &f.message.english()))?;
    let field = |name: &str| root.0.iter().find(|(k, _)| k == name).map(|(_, v)| *v);

    let mut info = FileInfo {
        path: path.to_owned(),
        format: Format::TimelineJs,
        title: None,
        description: None,
        translations: Vec::new(),
    };
    if let Some(title) =
        field("title").and_then(|raw| serde_json::from_str::<Value>(raw.get()).ok())
    {
        info.title = text_field(&title, "text", "headline");
        info.description = text_field(&title, "text", "text");
    } else if let Some(headline) =
        field("headline").and_then(|raw| serde_json::from_str::<String>(raw.get()).ok())
    {
        info.title = Some(plain_text(&headline)).filter(|t| !t.is_empty());
    }

    let (events_raw, tl2) = match (field("events").or_else(|| field("slides")), field("date")) {
        (Some(raw), _) => (raw, false),
        (None, Some(raw)) => (raw, true),
        (None, None) => {
            return Err(shape(
                root_raw,
                "a TimelineJS file needs `events` (or `date` in the TL2 shape)",
            ));
        }
    };
    let event_raws = reader
        .array(events_raw, "events")
        .map_err(|f| shape(events_raw, &f.message.english()))?;
    let mut issues = Vec::new();
    let mut skip = |raw: &RawValue, what: Said, (field, message): (String, Said), kept: bool| {
        let location = crate::io::json::field_location(&lines, raw, &field);
        issues.push(if kept {
            // The record is drawn, as a point at its good start.
            let said = Said::new("problem-end-dropped")
                .said("what", what)
                .text("field", field.clone())
                .said("problem", message);
            Issue::new(IssueLevel::Warning, location, Some(field), said)
        } else {
            crate::io::json::skipped(location, what, field, message)
        });
    };
    let mut events = Vec::with_capacity(event_raws.len());
    for (i, raw) in event_raws.iter().enumerate() {
        let what = numbered("record-event", i + 1);
        let record = serde_json::from_str::<Value>(raw.get())
            .map_err(|e| ("event".to_owned(), Said::verbatim(e.to_string())))
            .and_then(|value| {
                if tl2 {
                    tl2_event(&value, i + 1)
                } else {
                    tl3_event(&value, i + 1)
                }
            });
        match record {
            Ok((mut event, bad_end)) => {
                event.line = u32::try_from(lines.line_of(raw.get())).unwrap_or(u32::MAX);
                events.push(event);
                if let Some(fault) = bad_end {
                    skip(raw, what, fault, true);
                }
            }
            Err(fault) => skip(raw, what, fault, false),
        }
    }
    let mut periods = Vec::new();
    if let Some(eras_raw) = field("eras") {
        let era_raws = reader
            .array(eras_raw, "eras")
            .map_err(|f| shape(eras_raw, &f.message.english()))?;
        for (i, raw) in era_raws.iter().enumerate() {
            match serde_json::from_str::<Value>(raw.get())
                .map_err(|e| ("era".to_owned(), Said::verbatim(e.to_string())))
                .and_then(|v| era(&v))
            {
                Ok(period) => periods.push(period),
                Err(fault) => skip(raw, numbered("record-era", i + 1), fault, false),
            }
        }
    }
    issues.sort_by_key(|issue| issue.location);
    Ok(LoadedFile {
        part: DatasetPart {
            info,
            categories: Vec::new(),
            periods,
            events: events.into(),
        },
        issues,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_date_is_shown_at_its_field_not_at_the_records_first_line() {
        let text = r#"{"events": [
  {
    "text": {"headline": "Spans lines"},
    "start_date": {"year": "2020"},
    "end_date": {"year": "2021", "month": "13"}
  },
  {"start_date": {"year": "2019"}, "text": {"headline": "Fine"}}
]}"#;
        let file = parse("t.json", text).unwrap();
        // The record is kept as a point at its good start; its bad end is a warning, at the field.
        assert_eq!(file.part.events.len(), 2);
        let kept = file
            .part
            .events
            .iter()
            .find(|e| e.title() == "Spans lines")
            .unwrap();
        assert_eq!(kept.end(), None);
        assert_eq!(kept.start().label(), "2020");
        let issue = &file.issues[0];
        assert_eq!(issue.level, IssueLevel::Warning);
        assert!(
            issue.message.contains("drawn as a point at its start"),
            "{issue}"
        );
        assert_eq!(issue.field.as_deref(), Some("end_date"));
        assert_eq!(
            (issue.location.line, issue.location.column),
            (5, 17),
            "{issue}"
        );
    }

    #[test]
    fn string_number_and_empty_parts_give_the_right_precision() {
        let text = r#"{"title": {"text": {"headline": "<b>T</b>"}}, "events": [
            {"start_date": {"year": "1969", "month": "7", "day": "20"}, "text": {"headline": "Moon"}},
            {"start_date": {"year": 1609, "month": 11, "day": ""}, "text": {"headline": "Galileo"}},
            {"start_date": {"year": "-13800000000"}, "text": {"headline": "Big Bang"}},
            {"start_date": {"year": "2020", "month": "1"}, "end_date": {"year": "2020", "month": "1"}, "text": {"headline": "Same"}},
            {"start_date": {"year": "2020", "day": "3"}, "text": {"headline": "Gap"}}
        ]}"#;
        let file = parse("t.json", text).unwrap();
        let labels: Vec<_> = file.part.events.iter().map(|e| e.start().label()).collect();
        assert_eq!(
            labels,
            [
                "20 July 1969",
                "November 1609",
                "13.8 billion BCE",
                "January 2020"
            ]
        );
        assert!(
            file.part.events.owned(3).unwrap().end.is_none(),
            "an end equal to the start is a point"
        );
        assert_eq!(file.part.info.title.as_deref(), Some("T"));
        assert_eq!(file.issues.len(), 1);
        assert!(
            file.issues[0].message.contains("day given without month"),
            "{}",
            file.issues[0].message
        );
        assert_eq!(file.issues[0].location.line, 6);
    }

    #[test]
    fn tl2_dates_are_comma_separated() {
        let text = r#"{"timeline": {"headline": "Old", "date": [
            {"startDate": "2011,3,23", "headline": "A", "tags": "x, y"},
            {"startDate": "1932", "endDate": "1931", "headline": "Backwards"}
        ]}}"#;
        let file = parse("t.json", text).unwrap();
        assert_eq!(file.part.events.len(), 1);
        assert_eq!(
            file.part.events.owned(0).unwrap().start.label(),
            "23 March 2011"
        );
        assert_eq!(file.part.events.owned(0).unwrap().tags, ["x", "y"]);
        assert_eq!(file.issues[0].field.as_deref(), Some("endDate"));
    }
}
