//! Writes the native format, keeping every date at its source's precision.

use crate::model::{DatasetPart, Event};

use super::native::VERSION;

/// Writes a dataset part back in the native format (pretty JSON), keeping every date's precision.
pub fn to_json(part: &DatasetPart) -> String {
    use serde_json::{Map, Value, json};
    let mut top = Map::new();
    top.insert("annals".into(), json!(VERSION));
    if let Some(title) = &part.info.title {
        top.insert("title".into(), json!(title));
    }
    if let Some(description) = &part.info.description {
        top.insert("description".into(), json!(description));
    }
    let categories: Vec<Value> = part
        .categories
        .iter()
        .map(|c| {
            let mut m = Map::new();
            m.insert("id".into(), json!(c.id));
            m.insert("label".into(), json!(c.label));
            if let Some([r, g, b]) = c.color {
                m.insert("color".into(), json!(format!("#{r:02x}{g:02x}{b:02x}")));
            }
            Value::Object(m)
        })
        .collect();
    top.insert("categories".into(), Value::Array(categories));
    let periods: Vec<Value> = part
        .periods
        .iter()
        .map(|p| json!({"title": p.title, "start": p.start.iso(), "end": p.end.iso(), "category": p.category}))
        .collect();
    top.insert("periods".into(), Value::Array(periods));
    let events: Vec<Value> = part.events.iter().map(event_json).collect();
    top.insert("events".into(), Value::Array(events));
    serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default()
}

fn event_json(e: &Event) -> serde_json::Value {
    use serde_json::{Map, json};
    let mut m = Map::new();
    m.insert("id".into(), json!(e.id));
    m.insert("title".into(), json!(e.title));
    m.insert("start".into(), json!(e.start.iso()));
    let optional = [
        ("end", e.end.map(|t| json!(t.iso()))),
        ("disclosed", e.disclosed.map(|t| json!(t.iso()))),
        ("category", e.category.as_ref().map(|c| json!(c))),
        ("description", e.description.as_ref().map(|d| json!(d))),
        ("severity", e.severity.map(|s| json!(s.name()))),
        ("circa", e.circa.then_some(json!(true))),
        ("display_date", e.display_date.as_ref().map(|d| json!(d))),
        ("tags", (!e.tags.is_empty()).then(|| json!(e.tags))),
        ("actors", (!e.actors.is_empty()).then(|| json!(e.actors))),
        ("targets", (!e.targets.is_empty()).then(|| json!(e.targets))),
        ("sources", (!e.sources.is_empty()).then(|| json!(e.sources))),
        ("links", (!e.links.is_empty()).then(|| json!(e.links))),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            m.insert(key.into(), value);
        }
    }
    serde_json::Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::native::parse;

    #[test]
    fn written_files_read_back_identically() {
        let text = r##"{"annals": 1, "title": "T", "categories": [{"id": "i", "label": "Incident", "color": "#d55e00"}],
          "periods": [{"title": "P", "start": "2021-05-20", "end": "2025", "category": "i"}],
          "events": [{"id": "b", "title": "B", "start": "2021-05-04T11:00+02:00", "end": "2021-05-05",
                      "category": "i", "tags": ["ddos"], "sources": [{"title": "S", "url": "https://e.org"}],
                      "disclosed": "2021-05", "links": [{"type": "caused", "target": "b"}],
                      "severity": "high", "circa": true}]}"##;
        let first = parse("t.json", text).unwrap();
        assert!(first.issues.is_empty(), "{:?}", first.issues);
        let again = parse("t.json", &to_json(&first.part)).unwrap();
        assert!(again.issues.is_empty(), "{:?}", again.issues);
        let mut a = first.part.events.clone();
        let mut b = again.part.events.clone();
        a.iter_mut().chain(b.iter_mut()).for_each(|e| e.line = 0);
        assert_eq!(a, b);
        assert_eq!(first.part.periods, again.part.periods);
        assert_eq!(first.part.categories, again.part.categories);
    }
}
