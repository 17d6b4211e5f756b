//! MISP events: `{"Event": …}` or a bare event, alone, in a list, or in a `{"response": […]}`.
//!
//! An event's `date` (a day) and `info` make the timeline event; tags become tags; galaxy clusters
//! of threat actors and intrusion sets become actors, other clusters tags; `link` attributes become
//! sources; threat level becomes severity. Attributes and objects that carry `first_seen` become
//! events of their own, linked to their MISP event. Sightings are counted.

use serde_json::Value;
use serde_json::value::RawValue;

use super::report::{LineIndex, LoadError, LoadedFile};
use crate::model::{Category, Event, Format, Link, LinkKind, Severity, Source, TimePoint};

fn event_body(value: &Value) -> Option<&Value> {
    let body = value.get("Event").unwrap_or(value);
    (body.get("info").is_some() && body.get("date").is_some()).then_some(body)
}

/// Keys only a MISP event has (beside `info` and `date`, which other formats use too).
/// `PyMISP` writes events with any of them missing, so one is enough.
pub(crate) const EVENT_KEYS: [&str; 18] = [
    "uuid",
    "Attribute",
    "Object",
    "Tag",
    "Galaxy",
    "threat_level_id",
    "analysis",
    "distribution",
    "published",
    "Orgc",
    "orgc_id",
    "org_id",
    "sharing_group_id",
    "attribute_count",
    "publish_timestamp",
    "event_creator_email",
    "EventReport",
    "extends_uuid",
];

/// Whether a top-level value is one or more MISP events.
pub(crate) fn looks_misp(value: &Value) -> bool {
    match value {
        Value::Array(items) => items.first().is_some_and(|v| event_body(v).is_some()),
        Value::Object(map) => match map.get("response") {
            Some(Value::Array(items)) => items.first().is_some_and(|v| event_body(v).is_some()),
            _ => {
                event_body(value).is_some()
                    && (map.contains_key("Event")
                        || EVENT_KEYS.iter().any(|k| map.contains_key(*k)))
            }
        },
        _ => false,
    }
}

fn str_of<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn list<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

/// `first_seen` of an attribute or object: an ISO instant (MISP stores microseconds and an offset).
fn seen(value: &Value, key: &str) -> Result<Option<TimePoint>, String> {
    str_of(value, key)
        .map(|text| text.parse::<TimePoint>().map_err(|e| format!("{key}: {e}")))
        .transpose()
}

fn sub_event(
    item: &Value,
    parent: &str,
    kind: &str,
    number: usize,
) -> Result<Option<Event>, String> {
    let Some(start) = seen(item, "first_seen")? else {
        return Ok(None);
    };
    let end = seen(item, "last_seen")?.filter(|end| *end != start);
    if let Some(end) = &end
        && end.start_secs() < start.start_secs()
    {
        return Err(format!(
            "last_seen {} is before first_seen {}",
            end.label(),
            start.label()
        ));
    }
    let title = match kind {
        "attribute" => format!(
            "{}: {}",
            str_of(item, "type").unwrap_or("attribute"),
            str_of(item, "value").unwrap_or("")
        ),
        _ => format!("Object {}", str_of(item, "name").unwrap_or("")),
    };
    let id =
        str_of(item, "uuid").map_or_else(|| format!("{parent}-{kind}-{number}"), str::to_owned);
    let mut event = Event::new(id, title, start);
    event.end = end;
    event.category = Some(format!("misp-{kind}"));
    event.description = str_of(item, "comment").map(str::to_owned);
    event.links.push(Link {
        kind: LinkKind::Related,
        target: parent.to_owned(),
    });
    Ok(Some(event))
}

/// One MISP event and the attribute/object events it carries.
fn misp_event(body: &Value, number: usize) -> Result<Vec<Event>, (String, crate::i18n::Said)> {
    let date = match body.get("date") {
        None => return Err(("date".to_owned(), crate::i18n::Said::new("reason-missing"))),
        Some(Value::String(date)) => date.as_str(),
        Some(other) => {
            let said = crate::i18n::Said::new("reason-expected")
                .said("expected", crate::i18n::Said::new("kind-iso-date"))
                .said("found", super::timelinejs::value_kind(other));
            return Err(("date".to_owned(), said));
        }
    };
    let start: TimePoint = date
        .parse()
        .map_err(|e: crate::model::ParseTimeError| ("date".to_owned(), e.said()))?;
    let title = str_of(body, "info").unwrap_or("MISP event").to_owned();
    let id = str_of(body, "uuid")
        .or_else(|| str_of(body, "id"))
        .map_or_else(|| format!("event-{number}"), str::to_owned);
    let mut event = Event::new(id.clone(), title, start);
    event.category = Some("misp-event".to_owned());
    event.tags = list(body, "Tag")
        .filter_map(|t| str_of(t, "name"))
        .map(str::to_owned)
        .collect();
    for galaxy in list(body, "Galaxy") {
        let kind = str_of(galaxy, "type").unwrap_or("");
        let is_actor = kind.contains("threat-actor") || kind.contains("intrusion-set");
        for cluster in list(galaxy, "GalaxyCluster") {
            let Some(value) = str_of(cluster, "value") else {
                continue;
            };
            let target = if is_actor {
                &mut event.actors
            } else {
                &mut event.tags
            };
            if !target.iter().any(|v| v == value) {
                target.push(value.to_owned());
            }
        }
    }
    event.severity = match str_of(body, "threat_level_id") {
        Some("1") => Some(Severity::High),
        Some("2") => Some(Severity::Medium),
        Some("3") => Some(Severity::Low),
        _ => None,
    };
    let attributes: Vec<&Value> = list(body, "Attribute")
        .chain(list(body, "Object").flat_map(|o| list(o, "Attribute")))
        .collect();
    for attribute in &attributes {
        if str_of(attribute, "type") == Some("link")
            && let Some(url) = str_of(attribute, "value")
        {
            event.sources.push(Source {
                title: url.to_owned(),
                url: Some(url.to_owned()),
            });
        }
    }
    let sightings = list(body, "Sighting").count()
        + attributes
            .iter()
            .map(|a| list(a, "Sighting").count())
            .sum::<usize>();
    let org = body.get("Orgc").and_then(|o| str_of(o, "name"));
    let lines: Vec<String> = [
        org.map(|o| format!("Created by {o}")),
        Some(format!(
            "{} attributes, {} objects, {sightings} sightings",
            list(body, "Attribute").count(),
            list(body, "Object").count()
        )),
    ]
    .into_iter()
    .flatten()
    .collect();
    event.description = Some(lines.join("\n"));
    let mut events = vec![event];
    for (i, attribute) in list(body, "Attribute").enumerate() {
        if let Some(sub) = sub_event(attribute, &id, "attribute", i + 1)
            .map_err(|e| (format!("Attribute[{i}]"), e.into()))?
        {
            events.push(sub);
        }
    }
    for (i, object) in list(body, "Object").enumerate() {
        if let Some(sub) = sub_event(object, &id, "object", i + 1)
            .map_err(|e| (format!("Object[{i}]"), e.into()))?
        {
            events.push(sub);
        }
    }
    Ok(events)
}

/// A MISP API search result.
#[derive(serde::Deserialize)]
struct Response<'a> {
    #[serde(borrow)]
    response: Vec<&'a RawValue>,
}

/// Parses MISP JSON.
pub fn parse(path: &str, text: &str) -> Result<LoadedFile, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = LineIndex::new(text);
    let json_error = |e| LoadError::json(path, &e);
    let top: &RawValue = serde_json::from_str(text).map_err(json_error)?;
    let raws: Vec<&RawValue> = if top.get().trim_start().starts_with('[') {
        serde_json::from_str(top.get()).map_err(json_error)?
    } else if let Ok(response) = serde_json::from_str::<Response<'_>>(top.get()) {
        response.response
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
                    "Event".to_owned(),
                    crate::i18n::Said::verbatim(e.to_string()),
                )
            })
            .and_then(|value| {
                let body = event_body(&value).ok_or((
                    "Event".to_owned(),
                    crate::i18n::Said::new("reason-misp-no-date-info"),
                ))?;
                misp_event(body, i + 1)
            });
        match record {
            Ok(found) => events.extend(found.into_iter().map(|mut e| {
                e.line = u32::try_from(line).unwrap_or(u32::MAX);
                e
            })),
            Err((field, message)) => {
                let what = super::json::numbered("record-misp-event", i + 1);
                let location = crate::io::json::field_location(&lines, raw, &field);
                issues.push(super::json::skipped(location, what, field, message));
            }
        }
    }
    let mut categories = vec![Category {
        id: "misp-event".to_owned(),
        label: "MISP event".to_owned(),
        color: None,
        translations: Vec::new(),
    }];
    for (id, label) in [
        ("misp-attribute", "MISP attribute"),
        ("misp-object", "MISP object"),
    ] {
        if events.iter().any(|e| e.category.as_deref() == Some(id)) {
            categories.push(Category {
                id: id.to_owned(),
                label: label.to_owned(),
                color: None,
                translations: Vec::new(),
            });
        }
    }
    Ok(LoadedFile::of_events(
        path,
        Format::Misp,
        categories,
        events,
        issues,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_with_first_seen_become_linked_events() {
        let text = r#"{"Event": {"uuid": "e1", "date": "2021-05-04", "info": "Belnet DDoS", "threat_level_id": "1",
            "Tag": [{"name": "tlp:white"}],
            "Galaxy": [{"type": "threat-actor", "GalaxyCluster": [{"value": "APT X"}]}],
            "Attribute": [
                {"uuid": "a1", "type": "ip-dst", "value": "192.0.2.1", "first_seen": "2021-05-04T09:00:00.000000+00:00",
                 "last_seen": "2021-05-05T00:00:00.000000+00:00", "Sighting": [{}, {}]},
                {"type": "link", "value": "https://example.org/report"}
            ]}}"#;
        let file = parse("m.json", text).unwrap();
        assert_eq!(file.part.events.len(), 2);
        let event = file.part.events.owned(0).unwrap();
        assert_eq!(event.start.label(), "4 May 2021");
        assert_eq!(event.actors, ["APT X"]);
        assert_eq!(event.severity, Some(Severity::High));
        assert_eq!(
            event.sources[0].url.as_deref(),
            Some("https://example.org/report")
        );
        assert!(
            event
                .description
                .as_deref()
                .unwrap()
                .contains("2 sightings")
        );
        let attribute = file.part.events.owned(1).unwrap();
        assert_eq!(attribute.title, "ip-dst: 192.0.2.1");
        assert_eq!(attribute.links[0].target, "e1");
        assert!(file.issues.is_empty());
    }
}
