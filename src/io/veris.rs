//! VERIS incidents (the VERIS Community Database's format): one incident per file, or an array.
//!
//! `timeline.incident` (year, optional month, day, time) is the start at that precision;
//! `plus.timeline.notification` is when it became known. The summary is the description and its
//! first sentence the title; named actors (`actor.*.name`) become actors, and where none is named
//! the actor's category and variety do; action categories become tags; the victim is the target;
//! references are sources. VERIS has no time zones: times are floating.

use serde_json::Value;
use serde_json::value::RawValue;

use super::report::{LineIndex, LoadError, LoadedFile};
use crate::i18n::Said;
use crate::model::{Category, Event, Format, Source, TimePoint};

/// Whether a top-level object looks like a VERIS incident.
pub(crate) fn looks_veris(value: &Value) -> bool {
    let incident = |v: &Value| {
        v.get("incident_id").is_some()
            || (v.get("schema_version").is_some()
                && v.get("timeline")
                    .is_some_and(|t| t.get("incident").is_some()))
    };
    match value {
        Value::Array(items) => items.first().is_some_and(incident),
        other => incident(other),
    }
}

fn whole(value: Option<&Value>, part: &'static str) -> Result<Option<i64>, Said> {
    let in_part = |problem: Said| {
        Said::new("problem-in")
            .said("what", Said::new(part))
            .said("problem", problem)
    };
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .map(Some)
            .ok_or_else(|| in_part(Said::new("reason-not-whole").text("value", n.to_string()))),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| in_part(Said::new("reason-not-whole").text("value", format!("{s:?}")))),
        Some(other) => Err(in_part(
            Said::new("reason-expected")
                .said("expected", Said::new("kind-number"))
                .said("found", super::timelinejs::value_kind(other)),
        )),
    }
}

/// A VERIS date object `{"year": 2017, "month": 2, "day": 17, "time": "14:30:00"}`.
fn veris_date(value: &Value) -> Result<TimePoint, Said> {
    let year = whole(value.get("year"), "part-year")?.ok_or_else(|| Said::new("reason-no-year"))?;
    let month = whole(value.get("month"), "part-month")?;
    let day = whole(value.get("day"), "part-day")?;
    if day.is_some() && month.is_none() {
        return Err(Said::new("reason-given-without")
            .said("part", Said::new("part-day"))
            .said("needed", Said::new("part-month")));
    }
    let small = |v: Option<i64>, part: &'static str| {
        v.map(|v| u32::try_from(v).map_err(|_| super::timelinejs::out_of_range(part, v)))
            .transpose()
    };
    let mut point =
        crate::io::json::calendar_date(year, small(month, "part-month")?, small(day, "part-day")?)?;
    if let Some(time) = value
        .get("time")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
    {
        if day.is_none() {
            return Err(Said::new("reason-given-without")
                .said("part", Said::new("part-time"))
                .said("needed", Said::new("part-day")));
        }
        let parts: Vec<Option<u32>> = time.split(':').map(|p| p.trim().parse().ok()).collect();
        let (hour, minute, second) = match parts.as_slice() {
            [Some(h)] => (*h, None, None),
            [Some(h), Some(m)] => (*h, Some(*m), None),
            [Some(h), Some(m), Some(s)] => (*h, Some(*m), Some(*s)),
            _ => return Err(Said::new("reason-time-format").text("value", format!("{time:?}"))),
        };
        point = point
            .with_time(hour, minute, second)
            .map_err(|e| e.said())?;
    }
    Ok(point)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Words that end in a full stop without ending a sentence (compared in lower case).
const ABBREVIATIONS: [&str; 40] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr",
    "vs", "etc", "approx", "dept", "gov", "govt", "univ", "no", "nos", "fig", "gen", "sen", "rep",
    "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Quotation marks a summary may be wrapped in.
const QUOTES: [char; 6] = ['"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}'];

/// Whether the full stop at byte `dot` of `text` ends a sentence: it is followed by a space and a
/// capital, digit or quote (or by nothing), and the word before it is not an abbreviation ("U.S",
/// "Inc", an initial "J").
fn ends_sentence(text: &str, dot: usize) -> bool {
    let after = text.get(dot + 1..).unwrap_or_default();
    let after = after.trim_start_matches(QUOTES);
    let next = after.trim_start();
    if next.is_empty() {
        return true;
    }
    if next.len() == after.len()
        || !next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || QUOTES.contains(&c))
    {
        return false;
    }
    if !text.get(dot..).is_some_and(|t| t.starts_with('.')) {
        return true; // `!` and `?` always end a sentence.
    }
    let before = text.get(..dot).unwrap_or_default();
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = word.to_lowercase();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !(word.contains('.') || initial || ABBREVIATIONS.contains(&lower.as_str()))
}

/// A summary's first sentence as a title: quotes around it trimmed, at most 100 characters (cut
/// at a word, with "…").
fn title_of(summary: &str) -> String {
    let text = summary.trim().trim_start_matches(QUOTES).trim_start();
    let end = text
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && ends_sentence(text, i))
        .map_or(
            text.len(),
            |(i, c)| if c == '.' { i } else { i + c.len_utf8() },
        );
    let mut first = text
        .get(..end)
        .unwrap_or(text)
        .trim_end()
        .trim_end_matches(QUOTES)
        .trim_end()
        .to_owned();
    // A quotation the sentence ends inside is closed again.
    if first.matches('"').count() % 2 == 1 {
        first.push('"');
    }
    if first.contains('\u{201c}') && !first.contains('\u{201d}') {
        first.push('\u{201d}');
    }
    if first.chars().count() > 100 {
        let cut: String = first.chars().take(99).collect();
        // End on a whole word.
        let cut = cut
            .rfind(' ')
            .map_or(cut.as_str(), |i| cut.get(..i).unwrap_or(&cut));
        format!("{}…", cut.trim_end().trim_end_matches([',', ';', ':']))
    } else {
        first
    }
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// An actor's `name`: VERIS writes an array of strings; one string is read too. "Unknown" and
/// blanks are no names.
fn names(value: Option<&Value>) -> Vec<String> {
    let all = match value {
        Some(Value::String(name)) => vec![name.clone()],
        other => strings(other),
    };
    all.into_iter()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case("unknown"))
        .collect()
}

fn incident(value: &Value, number: usize) -> Result<Event, (String, crate::i18n::Said)> {
    let start_value = value.pointer("/timeline/incident").ok_or((
        "timeline.incident".to_owned(),
        crate::i18n::Said::new("reason-missing"),
    ))?;
    let start = veris_date(start_value).map_err(|e| ("timeline.incident".to_owned(), e))?;
    let summary = value
        .get("summary")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let victim = value
        .pointer("/victim/victim_id")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    let title = summary
        .map(title_of)
        .or_else(|| victim.map(|v| format!("Incident at {v}")))
        .unwrap_or_else(|| format!("Incident {number}"));
    let id = value
        .get("incident_id")
        .and_then(Value::as_str)
        .map_or_else(|| format!("incident-{number}"), str::to_owned);
    let mut event = Event::new(id, title, start);
    event.category = Some("incident".to_owned());
    event.description = summary.map(str::to_owned);
    if let Some(notification) = value.pointer("/plus/timeline/notification") {
        event.disclosed = Some(
            veris_date(notification).map_err(|e| ("plus.timeline.notification".to_owned(), e))?,
        );
    }
    if let Some(actors) = value.get("actor").and_then(Value::as_object) {
        for (category, details) in actors {
            let varieties = strings(details.get("variety"));
            let varieties: Vec<_> = varieties.into_iter().filter(|v| v != "Unknown").collect();
            let kind = if varieties.is_empty() {
                capitalised(category)
            } else {
                format!("{} ({})", capitalised(category), varieties.join(", "))
            };
            // A named actor ("Cl0p ransomware group") is the actor; its kind becomes a tag.
            let names = names(details.get("name"));
            if names.is_empty() {
                event.actors.push(kind);
            } else {
                for name in names {
                    if !event.actors.contains(&name) {
                        event.actors.push(name);
                    }
                }
                event.tags.push(format!("actor: {kind}"));
            }
            event.tags.extend(
                strings(details.get("motive"))
                    .into_iter()
                    .filter(|m| m != "Unknown")
                    .map(|m| format!("motive: {m}")),
            );
        }
    }
    if let Some(actions) = value.get("action").and_then(Value::as_object) {
        for (category, details) in actions {
            event.tags.push(category.clone());
            event.tags.extend(
                strings(details.get("variety"))
                    .into_iter()
                    .filter(|v| v != "Unknown"),
            );
        }
    }
    event.targets.extend(victim.map(str::to_owned));
    if let Some(industry) = value.pointer("/victim/industry").and_then(Value::as_str) {
        event.tags.push(format!("NAICS {industry}"));
    }
    if let Some(reference) = value.get("reference").and_then(Value::as_str) {
        let is_url = |p: &str| p.starts_with("http://") || p.starts_with("https://");
        for part in reference
            .split([';', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            // "url1 url2" and "url1,url2" are two links; "see the report at url" is one text
            // reference. A comma splits only where every piece is a link ("?a=1,2" stays whole).
            let words: Vec<&str> = part
                .split_whitespace()
                .flat_map(|word| {
                    let pieces: Vec<&str> = word
                        .split(',')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .collect();
                    if !pieces.is_empty() && pieces.iter().all(|p| is_url(p)) {
                        pieces
                    } else {
                        vec![word]
                    }
                })
                .collect();
            let parts = if words.iter().all(|w| is_url(w)) {
                words
            } else {
                vec![part]
            };
            for part in parts {
                event.sources.push(Source {
                    title: part.to_owned(),
                    url: is_url(part).then(|| part.to_owned()),
                });
            }
        }
    }
    Ok(event)
}

/// Parses a VERIS file (one incident, or an array of incidents).
pub fn parse(path: &str, text: &str) -> Result<LoadedFile, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = LineIndex::new(text);
    let json_error = |e| LoadError::json(path, &e);
    let top: &RawValue = serde_json::from_str(text).map_err(json_error)?;
    let raws: Vec<&RawValue> = if top.get().trim_start().starts_with('[') {
        serde_json::from_str(top.get()).map_err(json_error)?
    } else {
        vec![top]
    };
    let mut events = Vec::new();
    let mut issues = Vec::new();
    for (i, raw) in raws.iter().enumerate() {
        let line = lines.line_of(raw.get());
        let record = serde_json::from_str::<Value>(raw.get())
            .map_err(|e| {
                (
                    "incident".to_owned(),
                    crate::i18n::Said::verbatim(e.to_string()),
                )
            })
            .and_then(|value| incident(&value, i + 1));
        match record {
            Ok(mut event) => {
                event.line = u32::try_from(line).unwrap_or(u32::MAX);
                events.push(event);
            }
            Err((field, message)) => {
                let what = super::json::numbered("record-incident", i + 1);
                let location = crate::io::json::field_location(&lines, raw, &field);
                issues.push(super::json::skipped(location, what, field, message));
            }
        }
    }
    let categories = vec![Category {
        id: "incident".to_owned(),
        label: "Incident".to_owned(),
        color: None,
        translations: Vec::new(),
    }];
    Ok(LoadedFile::of_events(
        path,
        Format::Veris,
        categories,
        events,
        issues,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incident_dates_keep_their_precision_and_notification_is_disclosure() {
        let text = r#"{"incident_id": "x", "schema_version": "1.3.6",
            "summary": "Officials say a database was hacked. More text follows.",
            "timeline": {"incident": {"year": 2012}},
            "plus": {"timeline": {"notification": {"year": 2012, "month": 12, "day": 10}}},
            "actor": {"external": {"variety": ["Unknown"], "motive": ["Financial"]}},
            "action": {"hacking": {"variety": ["SQLi"]}},
            "victim": {"victim_id": "Example Agency"},
            "reference": "https://example.org/a; not a url"}"#;
        let file = parse("v.json", text).unwrap();
        let event = file.part.events.owned(0).unwrap();
        assert_eq!(event.title, "Officials say a database was hacked");
        assert_eq!(event.start.label(), "2012");
        assert_eq!(event.disclosed.unwrap().label(), "10 December 2012");
        assert_eq!(event.actors, ["External"]);
        assert_eq!(event.tags, ["motive: Financial", "hacking", "SQLi"]);
        assert_eq!(event.targets, ["Example Agency"]);
        assert_eq!(event.sources.len(), 2);
        assert!(event.sources[1].url.is_none());
    }

    #[test]
    fn references_joined_by_commas_are_separate_sources_where_each_is_a_link() {
        let with = |reference: &str| {
            let text = format!(
                r#"{{"incident_id": "x", "timeline": {{"incident": {{"year": 2012}}}}, "reference": {reference:?}}}"#
            );
            let file = parse("v.json", &text).unwrap();
            file.part.events.owned(0).unwrap().sources
        };
        let urls = |sources: Vec<crate::model::Source>| -> Vec<Option<String>> {
            sources.into_iter().map(|s| s.url).collect()
        };
        assert_eq!(
            urls(with("https://a.example/x,https://b.example/y")),
            [
                Some("https://a.example/x".to_owned()),
                Some("https://b.example/y".to_owned())
            ]
        );
        assert_eq!(
            urls(with("https://a.example/x, https://b.example/y")),
            [
                Some("https://a.example/x".to_owned()),
                Some("https://b.example/y".to_owned())
            ]
        );
        // A comma inside a link, or in words, splits nothing.
        assert_eq!(
            urls(with("https://a.example/?q=1,2")),
            [Some("https://a.example/?q=1,2".to_owned())]
        );
        let text_reference = with("Reported by the press, see https://a.example/x");
        assert_eq!(text_reference.len(), 1);
        assert!(text_reference[0].url.is_none());
    }

    #[test]
    fn a_day_without_a_month_is_skipped() {
        let text = r#"[{"incident_id": "a", "timeline": {"incident": {"year": 2012, "day": 3}}}]"#;
        let file = parse("v.json", text).unwrap();
        assert!(file.part.events.is_empty());
        assert_eq!(file.issues[0].field.as_deref(), Some("timeline.incident"));
    }
}
