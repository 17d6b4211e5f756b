//! Writes the native format, keeping every date at its source's precision.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::Path;

use crate::model::{DatasetPart, Event, FileInfo, Format};

use super::native::VERSION;

/// Merges parts into one, in order. Ids stay unique: a clash gets a `~2` suffix (links follow
/// only within the part that made them, so a renamed target is rare and reported by the reader).
pub fn merge(parts: Vec<DatasetPart>) -> DatasetPart {
    let mut merged = DatasetPart {
        info: FileInfo {
            path: String::new(),
            format: Format::Annals,
            title: None,
            description: None,
            translations: Vec::new(),
        },
        categories: Vec::new(),
        periods: Vec::new(),
        events: crate::model::EventStore::default(),
    };
    let single = parts.len() == 1;
    let mut ids = HashSet::new();
    for part in parts {
        if single {
            merged.info.title.clone_from(&part.info.title);
            merged.info.description.clone_from(&part.info.description);
            merged.info.translations.clone_from(&part.info.translations);
        }
        for category in part.categories {
            if !merged.categories.iter().any(|c| c.id == category.id) {
                merged.categories.push(category);
            }
        }
        merged.periods.extend(part.periods);
        for event in &part.events {
            let mut event = event.to_event();
            let mut n = 2;
            let base = event.id.clone();
            while !ids.insert(event.id.clone()) {
                event.id = format!("{base}~{n}");
                n += 1;
            }
            merged.events.push(event);
        }
    }
    merged
}

/// Writes `text` to `path` through a temporary file in the same folder and a rename, so a crash
/// or a full disk mid-write leaves the previous file intact.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    write_atomically_bytes(path, text.as_bytes())
}

/// [`write_atomically`] for bytes (images).
pub fn write_atomically_bytes(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Writes `path` atomically with `write`, which streams into the temporary file: `path` is only
/// replaced (by a rename) once `write` succeeded and the data is on disk. If `write` fails, or the
/// process dies before the rename, `path` is untouched.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_atomically_synced(path, true, write)
}

/// [`write_atomically_with`], waiting for the disk (`sync`) or not: a file that checks itself
/// when read (the reopen cache ends in a checksum) need not wait, since a crash that leaves it
/// half on disk makes it fail the check, never read wrong. (Waiting for a 10M-event cache, 1 GB,
/// kept the first view of the file from the analyst for seconds.)
pub(crate) fn write_atomically_synced(
    path: &Path,
    sync: bool,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "annals".into(), |n| n.to_string_lossy().into_owned());
    let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        write(&mut file)?;
        if sync {
            file.sync_all()?;
        }
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        std::fs::remove_file(&temporary).ok(); // best effort: the error below is what matters
    }
    result
}

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
    if let Some(translations) = translations_json(&part.info.translations, "title") {
        top.insert("translations".into(), translations);
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
            if let Some(translations) = translations_json(&c.translations, "label") {
                m.insert("translations".into(), translations);
            }
            Value::Object(m)
        })
        .collect();
    top.insert("categories".into(), Value::Array(categories));
    let periods: Vec<Value> = part
        .periods
        .iter()
        .map(|p| {
            let mut period = json!({"title": p.title, "start": p.start.iso(), "end": p.end.iso(), "category": p.category});
            if let (Some(m), Some(translations)) = (
                period.as_object_mut(),
                translations_json(&p.translations, "title"),
            ) {
                m.insert("translations".into(), translations);
            }
            period
        })
        .collect();
    top.insert("periods".into(), Value::Array(periods));
    let events: Vec<Value> = part
        .events
        .iter()
        .map(|e| event_json(&e.to_event()))
        .collect();
    top.insert("events".into(), Value::Array(events));
    serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default()
}

pub(crate) fn event_json(e: &Event) -> serde_json::Value {
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
        ("translations", translations_json(&e.translations, "title")),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            m.insert(key.into(), value);
        }
    }
    serde_json::Value::Object(m)
}

/// One event as compact native JSON, appended to `out`: the same object as [`event_json`]
/// (a test says so), written straight from the event's fields without building a map (the
/// ClickHouse import writes millions).
#[cfg(test)]
pub(crate) fn write_event_json(e: &Event, out: &mut Vec<u8>) -> serde_json::Result<()> {
    write_event_fields(e, false, out)
}

/// One event as compact native JSON (as [`event_json`] says it) without the id, title,
/// category, actors, tags and severity (a
/// ClickHouse table keeps those in columns of their own, so each is stored once).
pub(crate) fn write_event_rest(e: &Event, out: &mut Vec<u8>) -> serde_json::Result<()> {
    write_event_fields(e, true, out)
}

/// [`write_event_rest`] of an event read in place: an event with nothing but dates (most of a
/// big file) is written without making an owned copy first (an import of 10M events spent more
/// time copying than sending); any other is written by [`write_event_rest`].
pub(crate) fn write_event_rest_of(
    e: crate::model::EventRef<'_>,
    out: &mut Vec<u8>,
) -> serde_json::Result<()> {
    let dates_only = e.targets().next().is_none()
        && e.description().is_none()
        && e.sources().is_empty()
        && e.links().is_empty()
        && e.disclosed().is_none()
        && e.display_date().is_none()
        && e.translations().is_empty();
    if !dates_only {
        return write_event_rest(&e.to_event(), out);
    }
    // The fields in the order `write_event_fields` writes them.
    out.extend_from_slice(b"{\"start\":");
    serde_json::to_writer(&mut *out, &e.start().iso())?;
    if let Some(end) = e.end() {
        out.extend_from_slice(b",\"end\":");
        serde_json::to_writer(&mut *out, &end.iso())?;
    }
    if e.circa() {
        out.extend_from_slice(b",\"circa\":true");
    }
    out.push(b'}');
    Ok(())
}

fn write_event_fields(e: &Event, rest_only: bool, out: &mut Vec<u8>) -> serde_json::Result<()> {
    #[derive(serde::Serialize)]
    struct EventOut<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<&'a str>,
        start: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        end: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        disclosed: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        category: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        description: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        severity: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        circa: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        display_date: Option<&'a str>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        tags: &'a [String],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        actors: &'a [String],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        targets: &'a [String],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        sources: &'a [crate::model::Source],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        links: &'a [crate::model::Link],
        #[serde(skip_serializing_if = "Option::is_none")]
        translations: Option<serde_json::Value>,
    }
    serde_json::to_writer(
        out,
        &EventOut {
            id: (!rest_only).then_some(e.id.as_str()),
            title: (!rest_only).then_some(e.title.as_str()),
            start: e.start.iso(),
            end: e.end.map(|t| t.iso()),
            disclosed: e.disclosed.map(|t| t.iso()),
            category: e.category.as_deref().filter(|_| !rest_only),
            description: e.description.as_deref(),
            severity: e
                .severity
                .map(crate::model::Severity::name)
                .filter(|_| !rest_only),
            circa: e.circa.then_some(true),
            display_date: e.display_date.as_deref(),
            tags: if rest_only { &[] } else { &e.tags },
            actors: if rest_only { &[] } else { &e.actors },
            targets: &e.targets,
            sources: &e.sources,
            links: &e.links,
            translations: translations_json(&e.translations, "title"),
        },
    )
}

/// `{"nl": {"title": …, "description": …}, …}`, or `None` when there are none.
fn translations_json(
    translations: &[crate::model::Translation],
    title_key: &str,
) -> Option<serde_json::Value> {
    use serde_json::{Map, Value, json};
    let mut languages = Map::new();
    for t in translations {
        let mut m = Map::new();
        if let Some(title) = &t.title {
            m.insert(title_key.into(), json!(title));
        }
        if let Some(description) = &t.description {
            m.insert("description".into(), json!(description));
        }
        languages.insert(t.lang.code().into(), Value::Object(m));
    }
    (!languages.is_empty()).then_some(Value::Object(languages))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::io::native::parse;

    #[test]
    fn written_files_read_back_identically() {
        let text = r##"{"annals": 1, "title": "T", "translations": {"fr": {"title": "T fr"}},
          "categories": [{"id": "i", "label": "Incident", "color": "#d55e00",
                          "translations": {"nl": {"label": "Incident nl"}}}],
          "periods": [{"title": "P", "start": "2021-05-20", "end": "2025", "category": "i",
                       "translations": {"de": {"title": "P de"}}}],
          "events": [{"id": "b", "title": "B", "start": "2021-05-04T11:00+02:00", "end": "2021-05-05",
                      "category": "i", "tags": ["ddos"], "sources": [{"title": "S", "url": "https://e.org"}],
                      "disclosed": "2021-05", "links": [{"type": "caused", "target": "b"}],
                      "severity": "high", "circa": true,
                      "translations": {"nl": {"title": "B nl", "description": "D nl"}, "fr": {"description": "D fr"}}}]}"##;
        let first = parse("t.json", text).unwrap();
        assert!(first.issues.is_empty(), "{:?}", first.issues);
        let again = parse("t.json", &to_json(&first.part)).unwrap();
        assert!(again.issues.is_empty(), "{:?}", again.issues);
        let mut a = first.part.events.to_vec();
        let mut b = again.part.events.to_vec();
        a.iter_mut().chain(b.iter_mut()).for_each(|e| e.line = 0);
        assert_eq!(a, b);
        assert_eq!(first.part.periods, again.part.periods);
        assert_eq!(first.part.categories, again.part.categories);
        assert_eq!(first.part.info, again.part.info);
        // The compact writer says the same as the map.
        for event in &b {
            let mut compact = Vec::new();
            write_event_json(event, &mut compact).unwrap();
            let compact: serde_json::Value = serde_json::from_slice(&compact).unwrap();
            assert_eq!(compact, event_json(event));
        }
        let event = again.part.events.get(0).unwrap();
        assert_eq!(event.title_in(Lang::Nl), "B nl");
        assert_eq!(
            event.title_in(Lang::Fr),
            "B",
            "no French title: the file's own"
        );
        assert_eq!(event.description_in(Lang::Fr), Some("D fr"));
        assert_eq!(event.description_in(Lang::De), None);
        assert_eq!(again.part.categories[0].label_in(Lang::Nl), "Incident nl");
        assert_eq!(again.part.periods[0].title_in(Lang::De), "P de");
        assert_eq!(again.part.info.title_in(Lang::Fr), Some("T fr"));
    }
}

#[cfg(test)]
mod rest_tests {
    use super::*;

    #[test]
    fn the_rest_of_an_event_read_in_place_is_written_as_from_an_owned_copy() {
        // Dates of every precision and kind, spans, circa, and every field that takes the
        // owned path; the embedded dataset and generated events besides.
        let text = r#"{"annals": 1, "events": [
          {"id": "a", "title": "A", "start": "2021"},
          {"id": "b", "title": "B", "start": "2021-05-04T11:00:00.25Z", "end": "2021-05-05", "circa": true},
          {"id": "c", "title": "C", "start": -40000, "end": 2021, "tags": ["t"], "actors": ["x"], "severity": "low"},
          {"id": "d", "title": "D", "start": "2021-05-04T11:00+02:00", "targets": ["Belnet"]},
          {"id": "e", "title": "E", "start": "2021-05", "description": "Quote \" and \\ é"},
          {"id": "f", "title": "F", "start": "2021-05", "sources": [{"url": "https://ccb.belgium.be"}]},
          {"id": "g", "title": "G", "start": "2021-05", "links": [{"type": "caused", "target": "a"}]},
          {"id": "h", "title": "H", "start": "2021-05", "disclosed": "2021-06"},
          {"id": "i", "title": "I", "start": "2021-05", "display_date": "spring 2021"},
          {"id": "j", "title": "J", "start": "2021-05", "translations": {"nl": {"title": "J nl"}}}
        ]}"#;
        let file = crate::io::native::parse("t.json", text).unwrap();
        assert!(file.issues.is_empty(), "{:?}", file.issues);
        let mut generated = Vec::new();
        crate::synth::write_native(
            crate::synth::SynthOptions {
                events: 2000,
                seed: 3,
            },
            &mut generated,
        )
        .unwrap();
        let generated =
            crate::io::native::parse("g.json", std::str::from_utf8(&generated).unwrap()).unwrap();
        let belgium = crate::io::load_embedded().unwrap();
        let mut checked = 0;
        for store in [
            &file.part.events,
            &generated.part.events,
            &belgium.part.events,
        ] {
            for event in store {
                let mut in_place = Vec::new();
                write_event_rest_of(event, &mut in_place).unwrap();
                let mut owned = Vec::new();
                write_event_rest(&event.to_event(), &mut owned).unwrap();
                assert_eq!(
                    String::from_utf8(in_place).unwrap(),
                    String::from_utf8(owned).unwrap()
                );
                checked += 1;
            }
        }
        assert_eq!(checked, 10 + 2000 + belgium.part.events.len());
    }
}

#[cfg(test)]
mod atomic_tests {
    use super::*;

    #[test]
    fn a_write_that_dies_midway_leaves_the_old_file_intact_and_no_temporary_behind() {
        let folder = std::env::temp_dir().join(format!("annals-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("session.json");
        std::fs::write(&path, "old and good").unwrap();
        let result = write_atomically_with(&path, |file| {
            file.write_all(b"half of the new con")?;
            Err(std::io::Error::other("killed midway"))
        });
        assert_eq!(result.unwrap_err().to_string(), "killed midway");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old and good");
        let left: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
        assert_eq!(left.len(), 1, "the temporary file is removed");
        write_atomically(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        std::fs::remove_dir_all(&folder).ok();
    }
}
