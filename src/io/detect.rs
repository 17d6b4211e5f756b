//! Sniffs which reader a file needs from its content, never from its name.

use serde::Deserialize as _;

use super::json::Entries;
use super::report::{LineIndex, LoadError};
use crate::model::Format;

/// The format of `text`, or a located error saying why no reader fits.
pub fn detect(path: &str, text: &str) -> Result<Format, LoadError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = body.trim_start();
    // An object whose first key is `annals` (as Annals writes its files) needs no further look:
    // the checks below read the whole document once, which for a big file costs a second pass.
    if let Some(inside) = trimmed.strip_prefix('{')
        && inside.trim_start().starts_with("\"annals\"")
    {
        return Ok(Format::Annals);
    }
    if trimmed.starts_with('[') {
        // An array of VERIS incidents, or of native events.
        let first = serde_json::from_str::<Vec<&serde_json::value::RawValue>>(body)
            .ok()
            .and_then(|items| {
                items
                    .first()
                    .and_then(|raw| serde_json::from_str::<serde_json::Value>(raw.get()).ok())
            });
        let first = first.map(|value| serde_json::Value::Array(vec![value]));
        if first.as_ref().is_some_and(super::veris::looks_veris) {
            return Ok(Format::Veris);
        }
        if first.as_ref().is_some_and(super::misp::looks_misp) {
            return Ok(Format::Misp);
        }
        return Ok(Format::Annals);
    }
    if trimmed.starts_with('{') {
        let mut de = serde_json::Deserializer::from_str(body);
        let entries = Entries::deserialize(&mut de).map_err(|e| LoadError::json(path, &e))?;
        let has = |key: &str| entries.0.iter().any(|(k, _)| k == key);
        if has("annals") {
            return Ok(Format::Annals);
        }
        // JSONL: the first line is one object with Timesketch's columns.
        let keys: Vec<String> = entries.0.iter().map(|(k, _)| k.to_string()).collect();
        if super::timesketch::looks_timesketch(&keys) {
            return Ok(Format::Timesketch);
        }
        let has_incident = entries.0.iter().any(|(k, v)| {
            k == "incident_id" || (k == "timeline" && v.get().contains("\"incident\""))
        });
        if has_incident && (has("incident_id") || has("schema_version")) {
            return Ok(Format::Veris);
        }
        let misp_keys = has("Event")
            || has("response")
            || (has("info") && has("date") && (has("Attribute") || has("uuid")));
        if misp_keys
            && serde_json::from_str::<serde_json::Value>(body)
                .is_ok_and(|v| super::misp::looks_misp(&v))
        {
            return Ok(Format::Misp);
        }
        if super::stix::looks_stix(&entries) {
            return Ok(Format::Stix);
        }
        if super::timelinejs::looks_timelinejs(&entries) {
            return Ok(Format::TimelineJs);
        }
        if has("events") {
            return Ok(Format::Annals);
        }
    }
    // CSV: read the header row.
    let header: Vec<String> = csv::ReaderBuilder::new()
        .from_reader(trimmed.as_bytes())
        .headers()
        .map(|h| h.iter().map(|c| c.trim().to_ascii_lowercase()).collect())
        .unwrap_or_default();
    if header.len() > 1 {
        if super::timesketch::looks_timesketch(&header) {
            return Ok(Format::Timesketch);
        }
        if super::csv::looks_csv(&header) {
            return Ok(Format::Csv);
        }
    }
    let start = LineIndex::new(body).location(body.len() - trimmed.len());
    Err(LoadError::Shape {
        path: path.to_owned(),
        location: start,
        message:
            "not a format Annals reads (an Annals file is an object with `events` or an array of \
                  events; also TimelineJS, STIX, VERIS, MISP, Timesketch JSONL/CSV and CSV with title,start columns)"
                .to_owned(),
    })
}
