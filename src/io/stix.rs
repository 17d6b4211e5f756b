//! STIX 2.0 and 2.1 bundles, including MITRE ATT&CK's (2.0-style: `spec_version` on the bundle).
//!
//! Objects with time fields become events (lane = object type); objects without are not events but
//! name the actors, targets and tools of the events whose relationships point at them.
//! Relationships between two dated objects become event links. Revoked and deprecated objects are
//! skipped and counted. ATT&CK stores a month as local midnight in UTC (`2023-01-31T23:00:00Z` for
//! February 2023); such timestamps on ATT&CK objects are read as that month, at month precision.

use std::collections::HashMap;

use serde_json::Value;
use serde_json::value::RawValue;

use super::json::{Entries, Reader};
use super::report::{Issue, IssueLevel, LineIndex, LoadError, LoadedFile};
use crate::model::civil::{self, SECS_PER_DAY};
use crate::model::{Category, Event, Format, Link, LinkKind, Precision, Source, TimePoint};

/// Whether the top-level object is a STIX bundle.
pub(crate) fn looks_stix(entries: &Entries<'_>) -> bool {
    entries
        .0
        .iter()
        .any(|(k, v)| k == "type" && v.get().trim() == "\"bundle\"")
}

/// The time fields that make an object an event: (start field, end field).
fn time_fields(kind: &str) -> Option<(&'static str, Option<&'static str>)> {
    match kind {
        "campaign" | "intrusion-set" | "threat-actor" | "malware" | "infrastructure"
        | "sighting" => Some(("first_seen", Some("last_seen"))),
        "report" => Some(("published", None)),
        "observed-data" => Some(("first_observed", Some("last_observed"))),
        "indicator" => Some(("valid_from", Some("valid_until"))),
        _ => None,
    }
}

fn label_of_type(kind: &str) -> String {
    let mut label = kind.replace('-', " ");
    if let Some(first) = label.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    label
}

/// Whether an object comes from MITRE ATT&CK (its month-as-local-midnight convention applies).
fn is_attack(object: &Value) -> bool {
    object
        .as_object()
        .is_some_and(|map| map.keys().any(|k| k.starts_with("x_mitre_")))
        || object
            .get("external_references")
            .and_then(Value::as_array)
            .is_some_and(|refs| {
                refs.iter()
                    .any(|r| r.get("source_name").and_then(Value::as_str) == Some("mitre-attack"))
            })
}

/// Reads a STIX timestamp. On ATT&CK objects, an instant within 14 hours of a month boundary is the
/// month it rounds to (the source only knew the month).
fn stix_time(text: &str, attack: bool) -> Result<TimePoint, crate::i18n::Said> {
    let point: TimePoint = text
        .parse()
        .map_err(|e: crate::model::ParseTimeError| e.said())?;
    if !attack || point.precision() < Precision::Hour {
        return Ok(point);
    }
    let secs = point.start_secs();
    let day = (secs / SECS_PER_DAY as f64).round() as i64;
    let (year, month, day_of_month) = civil::civil_from_days(day);
    let boundary = (day * SECS_PER_DAY) as f64;
    if day_of_month == 1 && (secs - boundary).abs() <= 14.0 * 3600.0 {
        return TimePoint::new(year, Some(month), None, Precision::Month).map_err(|e| e.said());
    }
    Ok(point)
}

fn string(object: &Value, key: &str) -> Option<String> {
    object
        .get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .filter(|s| !s.trim().is_empty())
}

/// One dated object made into an event, or why not.
fn event_of(
    object: &Value,
    kind: &str,
    names: &HashMap<String, String>,
) -> Result<Event, (String, crate::i18n::Said)> {
    let (start_field, end_field) = time_fields(kind).ok_or((
        "type".to_owned(),
        crate::i18n::Said::new("reason-not-dated-type"),
    ))?;
    let attack = is_attack(object);
    let start_text = string(object, start_field).ok_or((
        start_field.to_owned(),
        crate::i18n::Said::new("reason-missing"),
    ))?;
    let start = stix_time(&start_text, attack).map_err(|e| (start_field.to_owned(), e))?;
    let end = match end_field.and_then(|f| string(object, f).map(|t| (f, t))) {
        Some((field, text)) => Some(stix_time(&text, attack).map_err(|e| (field.to_owned(), e))?),
        None => None,
    };
    let end = end.filter(|end| *end != start);
    if let (Some(end), Some(field)) = (&end, end_field)
        && end.start_secs() < start.start_secs()
    {
        return Err((
            field.to_owned(),
            crate::io::json::end_before_start(end, start),
        ));
    }
    let id = string(object, "id").unwrap_or_default();
    let title = string(object, "name").unwrap_or_else(|| match kind {
        "sighting" => {
            let of = string(object, "sighting_of_ref").and_then(|r| names.get(&r).cloned());
            of.map_or_else(
                || "Sighting".to_owned(),
                |name| format!("Sighting of {name}"),
            )
        }
        "observed-data" => {
            let n = object
                .get("number_observed")
                .and_then(Value::as_u64)
                .unwrap_or(1);
            format!("Observed data ({n}×)")
        }
        _ => label_of_type(kind),
    });
    let mut event = Event::new(id, title, start);
    event.end = end;
    event.category = Some(kind.to_owned());
    let mut description = string(object, "description");
    if let Some(count) = object.get("count").and_then(Value::as_u64) {
        let line = format!("Seen {count} time{}", if count == 1 { "" } else { "s" });
        description = Some(description.map_or(line.clone(), |d| format!("{d}\n{line}")));
    }
    event.description = description;
    if let Some(aliases) = object.get("aliases").and_then(Value::as_array) {
        event.tags.extend(
            aliases
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .filter(|a| a != &event.title),
        );
    }
    for reference in object
        .get("external_references")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(external_id) = reference.get("external_id").and_then(Value::as_str) {
            event.tags.push(external_id.to_owned());
        }
        if let Some(url) = string(reference, "url") {
            let title = string(reference, "description")
                .or_else(|| string(reference, "source_name"))
                .unwrap_or_else(|| url.clone());
            event.sources.push(Source {
                title,
                url: Some(url),
            });
        }
    }
    Ok(event)
}

/// Parses a STIX bundle.
pub fn parse(path: &str, text: &str) -> Result<LoadedFile, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = LineIndex::new(text);
    let top: &RawValue = serde_json::from_str(text).map_err(|e| LoadError::json(path, &e))?;
    let shape = |raw: &RawValue, message: String| LoadError::Shape {
        path: path.to_owned(),
        location: lines.location_of(raw.get()),
        message,
    };
    let reader = Reader {
        lines: LineIndex::new(text),
        issues: Vec::new(),
    };
    let entries = reader
        .object(top, "bundle")
        .map_err(|f| shape(top, f.message.english()))?;
    let objects_raw = entries
        .0
        .iter()
        .find(|(k, _)| k == "objects")
        .map(|(_, v)| *v)
        .ok_or_else(|| shape(top, "a STIX bundle needs `objects`".to_owned()))?;
    let raws = reader
        .array(objects_raw, "objects")
        .map_err(|f| shape(objects_raw, format!("field `objects`: {}", f.message)))?;

    let mut issues = Vec::new();
    let mut objects: Vec<(&RawValue, Value)> = Vec::with_capacity(raws.len());
    for (i, raw) in raws.iter().enumerate() {
        match serde_json::from_str::<Value>(raw.get()) {
            Ok(value) if value.get("type").and_then(Value::as_str).is_some() => {
                objects.push((raw, value));
            }
            _ => issues.push(Issue::new(
                IssueLevel::Skipped,
                lines.location_of(raw.get()),
                Some("type".to_owned()),
                crate::io::json::field_problem(
                    crate::io::json::numbered("record-object", i + 1),
                    "type",
                    crate::i18n::Said::new("reason-missing-or-not-string"),
                ),
            )),
        }
    }
    let names: HashMap<String, String> = objects
        .iter()
        .filter_map(|(_, o)| Some((string(o, "id")?, string(o, "name")?)))
        .collect();

    let (mut revoked, mut deprecated) = (0_usize, 0_usize);
    let mut events: Vec<Event> = Vec::new();
    let mut kinds: Vec<String> = Vec::new();
    for (raw, object) in &objects {
        let kind = object
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let is_revoked = object.get("revoked").and_then(Value::as_bool) == Some(true);
        let is_deprecated = object.get("x_mitre_deprecated").and_then(Value::as_bool) == Some(true);
        let dated = time_fields(kind).is_some_and(|(start, _)| object.get(start).is_some());
        if is_revoked || is_deprecated {
            if is_revoked {
                revoked += 1;
            } else {
                deprecated += 1;
            }
            if dated {
                let name = string(object, "name").unwrap_or_else(|| kind.to_owned());
                let why = if is_revoked { "revoked" } else { "deprecated" };
                issues.push(Issue::new(
                    IssueLevel::Skipped,
                    lines.location_of(raw.get()),
                    Some(
                        if is_revoked {
                            "revoked"
                        } else {
                            "x_mitre_deprecated"
                        }
                        .to_owned(),
                    ),
                    format!("{kind} {name:?} is {why}: skipped"),
                ));
            }
            continue;
        }
        if !dated {
            continue;
        }
        match event_of(object, kind, &names) {
            Ok(mut event) => {
                event.line = u32::try_from(lines.line_of(raw.get())).unwrap_or(u32::MAX);
                if !kinds.iter().any(|k| k == kind) {
                    kinds.push(kind.to_owned());
                }
                events.push(event);
            }
            Err((field, message)) => {
                let what = format!("{kind} {:?}", string(object, "name").unwrap_or_default());
                let location = crate::io::json::field_location(&lines, raw, &field);
                issues.push(crate::io::json::skipped(location, what, field, message));
            }
        }
    }
    apply_relationships(&objects, &names, &mut events);
    let undated_revoked = revoked + deprecated
        - issues
            .iter()
            .filter(|i| {
                i.field
                    .as_deref()
                    .is_some_and(|f| f == "revoked" || f == "x_mitre_deprecated")
            })
            .count();
    if undated_revoked > 0 {
        issues.push(Issue::new(IssueLevel::Warning, lines.location_of(objects_raw.get()), Some("objects".to_owned()), format!(
                "{revoked} revoked and {deprecated} deprecated objects in all; {undated_revoked} of them have no date and are not events"
            )));
    }
    issues.sort_by_key(|issue| issue.location);
    kinds.sort();
    let categories = kinds
        .iter()
        .map(|k| Category {
            id: k.clone(),
            label: label_of_type(k),
            color: None,
            translations: Vec::new(),
        })
        .collect();
    Ok(LoadedFile::of_events(
        path,
        Format::Stix,
        categories,
        events,
        issues,
    ))
}

/// Relationships: between two events, a link; from an event to an undated object, its name as an
/// actor (`attributed-to`), a target (`targets`) or a tag (`uses`).
fn apply_relationships(
    objects: &[(&RawValue, Value)],
    names: &HashMap<String, String>,
    events: &mut [Event],
) {
    let index: HashMap<String, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    for (_, object) in objects {
        if object.get("type").and_then(Value::as_str) != Some("relationship")
            || object.get("revoked").and_then(Value::as_bool) == Some(true)
        {
            continue;
        }
        let (Some(kind), Some(source), Some(target)) = (
            string(object, "relationship_type"),
            string(object, "source_ref"),
            string(object, "target_ref"),
        ) else {
            continue;
        };
        let Some(&from) = index.get(&source) else {
            continue;
        };
        let Some(event) = events.get_mut(from) else {
            continue;
        };
        if index.contains_key(&target) {
            let link_kind = match kind.as_str() {
                "attributed-to" => LinkKind::AttributedTo,
                _ => LinkKind::Related,
            };
            event.links.push(Link {
                kind: link_kind,
                target,
            });
            continue;
        }
        let Some(name) = names.get(&target).cloned() else {
            continue;
        };
        let list = match kind.as_str() {
            "attributed-to" => &mut event.actors,
            "targets" => &mut event.targets,
            "uses" => &mut event.tags,
            _ => continue,
        };
        if !list.contains(&name) {
            list.push(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attack_months_stored_as_local_midnight_are_read_as_months() {
        assert_eq!(
            stix_time("2023-01-31T23:00:00.000Z", true).unwrap().label(),
            "February 2023"
        );
        assert_eq!(
            stix_time("2015-12-01T05:00:00.000Z", true).unwrap().label(),
            "December 2015"
        );
        // Not ATT&CK, or not near a month boundary: the instant as given.
        assert_eq!(
            stix_time("2023-01-31T23:00:00.000Z", false)
                .unwrap()
                .label(),
            "31 January 2023 23:00:00.000 UTC"
        );
        assert_eq!(
            stix_time("2023-01-15T23:00:00Z", true).unwrap().precision(),
            Precision::Second
        );
    }

    #[test]
    fn relationships_name_actors_and_link_events() {
        let text = r#"{"type": "bundle", "objects": [
            {"type": "campaign", "id": "campaign--1", "name": "Op", "first_seen": "2016-01-08T12:50:40.123Z"},
            {"type": "intrusion-set", "id": "intrusion-set--1", "name": "APT X"},
            {"type": "identity", "id": "identity--1", "name": "Victim Corp"},
            {"type": "relationship", "relationship_type": "attributed-to", "source_ref": "campaign--1", "target_ref": "intrusion-set--1"},
            {"type": "relationship", "relationship_type": "targets", "source_ref": "campaign--1", "target_ref": "identity--1"},
            {"type": "campaign", "id": "campaign--2", "name": "Old", "first_seen": "2015", "revoked": true}
        ]}"#;
        let file = parse("b.json", text).unwrap();
        assert_eq!(file.part.events.len(), 1);
        let event = file.part.events.owned(0).unwrap();
        assert_eq!(event.actors, ["APT X"]);
        assert_eq!(event.targets, ["Victim Corp"]);
        assert_eq!(event.start.label(), "8 January 2016 12:50:40.123 UTC");
        assert_eq!(file.issues.len(), 1);
        assert!(
            file.issues[0].message.contains("\"Old\" is revoked"),
            "{}",
            file.issues[0].message
        );
        assert_eq!(file.issues[0].location.line, 7);
    }
}
