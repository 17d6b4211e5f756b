//! Sniffs which reader a file needs from its content, never from its name.

use serde::Deserialize as _;

use super::json::Entries;
use super::report::{LineIndex, LoadError, Location};
use crate::model::Format;

/// How many items of an array are looked at to tell what they are.
const LOOK_AT: usize = 64;

/// Keys an Annals event may have: an array item with one of them is read as an event (and a
/// wrong value in it reported there), one with none is not an event at all.
const NATIVE_EVENT_KEYS: [&str; 16] = [
    "title",
    "start",
    "end",
    "id",
    "category",
    "tags",
    "actors",
    "targets",
    "description",
    "severity",
    "circa",
    "display_date",
    "disclosed",
    "links",
    "sources",
    "translations",
];

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
        // An array of VERIS incidents, of MISP events, or of native events.
        let items = serde_json::from_str::<Vec<&serde_json::value::RawValue>>(body).ok();
        let Some(items) = items else {
            // Not even JSON: the native reader says where it breaks.
            return Ok(Format::Annals);
        };
        let look: Vec<serde_json::Value> = items
            .iter()
            .take(LOOK_AT)
            .filter_map(|raw| serde_json::from_str(raw.get()).ok())
            .collect();
        let first = look
            .first()
            .map(|value| serde_json::Value::Array(vec![value.clone()]));
        if first.as_ref().is_some_and(super::veris::looks_veris) {
            return Ok(Format::Veris);
        }
        if first.as_ref().is_some_and(super::misp::looks_misp) {
            return Ok(Format::Misp);
        }
        // Objects with keys, none an event's, are something else (a MISP sharing-groups export,
        // say). Anything else is read as events, so that a broken record is reported where it
        // is: empty objects (records without a title), items that are not objects.
        let objects: Vec<&serde_json::Map<String, serde_json::Value>> = look
            .iter()
            .filter_map(serde_json::Value::as_object)
            .collect();
        let other_objects = objects.len() == items.len().min(LOOK_AT)
            && objects.iter().any(|map| !map.is_empty())
            && !objects
                .iter()
                .any(|map| NATIVE_EVENT_KEYS.iter().any(|k| map.contains_key(*k)));
        if !other_objects {
            return Ok(Format::Annals);
        }
        let lines = LineIndex::new(body);
        let location = items
            .first()
            .map_or(Location { line: 1, column: 1 }, |raw| {
                lines.location_of(raw.get())
            });
        return Err(LoadError::Shape {
            path: path.to_owned(),
            location,
            message: "not a format Annals reads: an array whose items have none of the keys of an \
                      Annals event (`title`, `start`, …), a VERIS incident (`incident_id`, \
                      `timeline`) or a MISP event (`info`, `date`)"
                .to_owned(),
        });
    }
    let mut json_tried = JSON_NOT_JSON;
    if trimmed.starts_with('{') {
        let mut de = serde_json::Deserializer::from_str(body);
        let entries = Entries::deserialize(&mut de).map_err(|e| LoadError::json(path, &e))?;
        let has = |key: &str| entries.0.iter().any(|(k, _)| k == key);
        if has("annals") {
            return Ok(Format::Annals);
        }
        let schema_words = [
            "properties",
            "type",
            "oneOf",
            "anyOf",
            "allOf",
            "$defs",
            "$ref",
        ];
        if has("$schema") && !has("events") && schema_words.iter().any(|k| has(k)) {
            return Err(LoadError::Shape {
                path: path.to_owned(),
                location: LineIndex::new(body).location(body.len() - trimmed.len()),
                message: JSON_SCHEMA.to_owned(),
            });
        }
        json_tried = JSON_OBJECT;
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
            || (has("info") && has("date") && super::misp::EVENT_KEYS.iter().any(|k| has(k)));
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
    // A JSON object was never going to be CSV: only the JSON readers' reasons are said for it.
    let csv_tried: &[(&str, &str)] = if json_tried == JSON_NOT_JSON {
        &CSV_TRIED
    } else {
        &[]
    };
    let tried: Vec<String> = json_tried
        .iter()
        .chain(csv_tried)
        .map(|(format, why)| format!("{format}: {why}"))
        .collect();
    Err(LoadError::Shape {
        path: path.to_owned(),
        location: start,
        message: format!("not a format Annals reads. Tried {}", tried.join("; ")),
    })
}

/// Why each JSON reader refused an object: the first thing each looks for and did not find.
const JSON_OBJECT: &[(&str, &str)] = &[
    ("Annals", "no `events` list"),
    ("TimelineJS", "no `events` whose items have a `start_date`"),
    ("STIX", "no `objects` with a `type`"),
    ("VERIS", "no `incident_id` or `timeline.incident`"),
    (
        "MISP",
        "no `Event`, nor `info` and `date` beside a MISP field such as `uuid`",
    ),
    ("Timesketch", "no `message` with `datetime` or `timestamp`"),
];

/// A JSON Schema is said as such (people open the schema beside their data by mistake).
const JSON_SCHEMA: &str = "this is a JSON Schema, not a timeline: it describes files (it has \
                           `$schema`); open the data it describes instead";

/// Text that is not a JSON object or array.
const JSON_NOT_JSON: &[(&str, &str)] = &[(
    "the JSON formats",
    "the text starts with neither `{` nor `[`",
)];

/// Why the CSV readers refused the first row.
const CSV_TRIED: [(&str, &str); 1] = [(
    "CSV",
    "the first row is not a header with `title` and `start`, the TimelineJS template's `Year` \
     and `Headline`, Plaso's 17 l2tcsv columns, or Timesketch's `message` with `datetime` or \
     `timestamp`",
)];
