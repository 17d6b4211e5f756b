//! The project's own JSON format, version 1 (schema: `assets/annals.schema.json`).
//!
//! Every record is read on its own from a borrowed slice of the file, so a bad record is skipped
//! with the exact line and column of the bad value, and the rest of the file still loads.

use serde_json::value::RawValue;

use super::json::{Key, Reader, kind_of};
use super::report::{LineIndex, LoadError, LoadedFile, Location};
use crate::model::{DatasetPart, FileInfo, Format};

/// The format version this build reads and writes.
pub const VERSION: u64 = 1;

mod ids;
mod records;
pub mod stream;
mod translations;
pub(in crate::io) use records::Draft;
#[cfg(test)]
pub(in crate::io) use records::{draft_is_complete, read_event_general};
use records::{read_categories, read_events, read_periods};

/// The top-level object of a file, read in one pass: the value of the first `events` key is
/// split into its records as it is read (entry value `None`), the others kept raw.
struct TopLevel<'de> {
    entries: Vec<(Key<'de>, Option<&'de RawValue>)>,
    events: Option<Vec<&'de RawValue>>,
}

/// A JSON array as its raw elements; anything else is an error.
struct RawArray<'de>(Vec<&'de RawValue>);

impl<'de> serde::Deserialize<'de> for RawArray<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawArray<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(1024));
                while let Some(item) = seq.next_element::<&'de RawValue>()? {
                    items.push(item);
                }
                Ok(RawArray(items))
            }
        }
        deserializer.deserialize_seq(Visitor)
    }
}

impl<'de> serde::Deserialize<'de> for TopLevel<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = TopLevel<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut top = TopLevel {
                    entries: Vec::new(),
                    events: None,
                };
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    if key == "events" && top.events.is_none() {
                        top.events = Some(map.next_value::<RawArray<'de>>()?.0);
                        top.entries.push((key, None));
                    } else {
                        let value: &'de RawValue = map.next_value()?;
                        top.entries.push((key, Some(value)));
                    }
                }
                Ok(top)
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// Parses native-format text. `path` is used in messages and in the file's provenance.
pub fn parse(path: &str, text: &str) -> Result<LoadedFile, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_indexed(path, text, LineIndex::new(text))
}

/// [`parse`] of a text located by `lines` (a file's top level with its events array cut out,
/// see [`stream`]).
fn parse_indexed<'t>(
    path: &str,
    text: &'t str,
    lines: LineIndex<'t>,
) -> Result<LoadedFile, LoadError> {
    let mut r = Reader {
        lines,
        issues: Vec::new(),
    };
    // The document is read in one pass straight into its records (or top-level entries): no
    // first pass over the whole text just to hold it as one raw value. Syntax errors still
    // come with the parser's position.
    let top = text.trim_start();
    let top_location = r.lines.location_of(top);
    let shape = |location: Location, message: String| LoadError::Shape {
        path: path.to_owned(),
        location,
        message,
    };
    let top_kind = match top.as_bytes().first() {
        Some(b'[') => "an array",
        Some(b'{') => "an object",
        _ => {
            // Not an array or an object: say why precisely if it is not JSON at all.
            let raw: &RawValue =
                serde_json::from_str(text).map_err(|e| LoadError::json(path, &e))?;
            kind_of(raw)
        }
    };
    let mut info = FileInfo {
        path: path.to_owned(),
        format: Format::Annals,
        title: None,
        description: None,
        translations: Vec::new(),
    };
    let (mut event_raws, mut period_raws, mut category_raws) = (Vec::new(), Vec::new(), Vec::new());
    match top_kind {
        "an array" => {
            event_raws = serde_json::from_str(text).map_err(|e| LoadError::json(path, &e))?;
        }
        "an object" => {
            // One pass: the events array is split into records as the top level is read. If
            // that fails (bad syntax, `events` not an array), the slower general reading below
            // finds and locates the problem.
            let top: TopLevel<'_> = if let Ok(top) = serde_json::from_str::<TopLevel<'_>>(text) {
                top
            } else {
                let entries: super::json::Entries<'_> =
                    serde_json::from_str(text).map_err(|e| LoadError::json(path, &e))?;
                TopLevel {
                    entries: entries.0.into_iter().map(|(k, v)| (k, Some(v))).collect(),
                    events: None,
                }
            };
            let mut split_events = top.events;
            let mut version_seen = false;
            let mut events_seen = false;
            for (key, value) in top.entries {
                let Some(value) = value else {
                    // The events array, already split.
                    events_seen = true;
                    event_raws = split_events.take().unwrap_or_default();
                    continue;
                };
                match key.as_str() {
                    "annals" => {
                        version_seen = true;
                        let version: Option<u64> = serde_json::from_str(value.get()).ok();
                        match version {
                            Some(VERSION) => {}
                            Some(v) if v > VERSION => {
                                return Err(shape(
                                    r.lines.location_of(value.get()),
                                    format!(
                                        "format version {v} is newer than this Annals reads ({VERSION}); update Annals"
                                    ),
                                ));
                            }
                            _ => {
                                return Err(shape(
                                    r.lines.location_of(value.get()),
                                    format!(
                                        "`annals` must be the format version {VERSION}, got {}",
                                        value.get()
                                    ),
                                ));
                            }
                        }
                    }
                    "title" => info.title = r.optional_string(value, "title").ok().flatten(),
                    "description" => {
                        info.description = r.optional_string(value, "description").ok().flatten();
                    }
                    "translations" => {
                        info.translations = translations::read_translations(
                            &mut r,
                            value,
                            &crate::i18n::Said::new("record-file"),
                            "title",
                        );
                    }
                    "events" => {
                        events_seen = true;
                        event_raws = r.array(value, "events").map_err(|f| {
                            shape(
                                r.lines.location_of(value.get()),
                                format!("field `events`: {}", f.message),
                            )
                        })?;
                    }
                    "periods" => match r.array(value, "periods") {
                        Ok(items) => period_raws = items,
                        Err(f) => r.warn(
                            f.location,
                            Some("periods"),
                            format!("field `periods`: {} (ignored)", f.message),
                        ),
                    },
                    "categories" => match r.array(value, "categories") {
                        Ok(items) => category_raws = items,
                        Err(f) => r.warn(
                            f.location,
                            Some("categories"),
                            format!("field `categories`: {} (ignored)", f.message),
                        ),
                    },
                    "$schema" => {}
                    other => {
                        let known = [
                            "annals",
                            "title",
                            "description",
                            "translations",
                            "categories",
                            "periods",
                            "events",
                        ];
                        r.warn_unknown(
                            &crate::i18n::Said::new("record-file"),
                            other,
                            value,
                            &known,
                        );
                    }
                }
            }
            if !events_seen {
                return Err(shape(
                    top_location,
                    "no `events` array: this is not an Annals file".to_owned(),
                ));
            }
            if !version_seen {
                let location = top_location;
                r.warn(
                    location,
                    Some("annals"),
                    format!("file: no `annals` version field; read as version {VERSION}"),
                );
            }
        }
        other => {
            return Err(shape(
                top_location,
                format!("expected an object with `events` or an array of events, found {other}"),
            ));
        }
    }

    let categories = read_categories(&mut r, category_raws);
    let periods = read_periods(&mut r, period_raws);
    let events = read_events(&mut r, &event_raws);
    let mut issues = r.issues;
    issues.sort_by_key(|issue| issue.location);
    Ok(LoadedFile {
        part: DatasetPart {
            info,
            categories,
            periods,
            events,
        },
        issues,
    })
}

#[cfg(test)]
mod tests;
