//! The fast path for one native event record: read in a single pass straight into a
//! [`Draft`], borrowing strings from the file. Anything unusual (an unknown or repeated key, a
//! number as id, sources or links, a value of the wrong type, a bad date) gives up, and the
//! record is read again by the general reader in `native.rs`, which locates every problem
//! exactly. Both readers accept the same records and produce the same events (tested).
//! Records of the plainest shape (no escapes, fractions or nesting) are first read byte by
//! byte in [`plain`], which gives up to the serde visitors here on anything else.

use std::borrow::Cow;

use super::json::Key;
use super::native::Draft;
use crate::model::store::LabelKind;
use crate::model::{Severity, TimePoint};
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};

mod plain;

/// Reads the record `text` into `draft` (cleared first). `false`: the record needs the general
/// reader. A record read here is valid JSON (the parser checked every byte of it), so text
/// cut from a stream needs no check beforehand.
pub(super) fn read<'t>(text: &'t str, draft: &mut Draft<'t>) -> bool {
    plain::read(text, draft) || read_serde(text, draft)
}

/// [`read`] through serde's visitors, for records [`plain`] gives up on (escapes, fractions,
/// nesting it does not follow).
fn read_serde<'t>(text: &'t str, draft: &mut Draft<'t>) -> bool {
    draft.clear();
    let mut de = serde_json::Deserializer::from_str(text);
    Record(draft).deserialize(&mut de).is_ok() && de.end().is_ok()
}

/// Whether the plain reader takes `text`. When it does, `text` must be JSON that the serde
/// path reads into the same draft (for the fuzz target and the tests).
///
/// # Panics
/// When the plain reader takes what JSON or the serde path do not, or reads it otherwise.
pub(crate) fn check_plain(text: &str) -> bool {
    let mut plain = Draft::default();
    if !plain::read(text, &mut plain) {
        return false;
    }
    assert!(
        serde_json::from_str::<serde_json::Value>(text).is_ok(),
        "the plain reader took text that is not JSON: {text:?}"
    );
    let mut serde = Draft::default();
    assert!(
        read_serde(text, &mut serde),
        "the serde path refuses what the plain reader took: {text:?}"
    );
    assert_eq!(summary(&plain), summary(&serde), "{text:?}");
    true
}

/// What a draft holds, owned, for comparing readers.
fn summary(d: &Draft<'_>) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        d.id, d.title, d.start, d.end, d.category, d.labels, d.extra, d.severity, d.circa
    )
}

/// The bit of a record's key among the keys the fast paths know (`None`: another key).
fn field_bit(key: &str) -> Option<u32> {
    Some(match key {
        "id" => 0,
        "title" => 1,
        "start" => 2,
        "end" => 3,
        "disclosed" => 4,
        "category" => 5,
        "tags" => 6,
        "actors" => 7,
        "targets" => 8,
        "description" => 9,
        "severity" => 10,
        "circa" => 11,
        "display_date" => 12,
        _ => return None,
    })
}

/// A severity as written in a file.
fn severity(text: &str) -> Option<Severity> {
    Some(match text {
        "low" => Severity::Low,
        "medium" => Severity::Medium,
        "high" => Severity::High,
        "critical" => Severity::Critical,
        _ => return None,
    })
}

fn give_up<E: serde::de::Error>() -> E {
    E::custom("needs the general reader")
}

struct Record<'a, 't>(&'a mut Draft<'t>);

impl<'t> DeserializeSeed<'t> for Record<'_, 't> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'t>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'t> Visitor<'t> for Record<'_, 't> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an event")
    }
    fn visit_map<A: MapAccess<'t>>(self, mut map: A) -> Result<(), A::Error> {
        let draft = self.0;
        let mut seen = 0_u32;
        while let Some(key) = map.next_key::<Key<'t>>()? {
            let bit = field_bit(key.as_str()).ok_or_else(give_up)?;
            if seen & (1 << bit) != 0 {
                return Err(give_up()); // a repeated key is warned about by the general reader
            }
            seen |= 1 << bit;
            match bit {
                0 => draft.id = Some(map.next_value::<Key<'t>>()?.0),
                1 => draft.title = Some(map.next_value::<Key<'t>>()?.0),
                2 => draft.start = Some(map.next_value::<Time>()?.0),
                3 => draft.end = map.next_value::<Option<Time>>()?.map(|t| t.0),
                4 => draft.extra.disclosed = map.next_value::<Option<Time>>()?.map(|t| t.0),
                5 => {
                    draft.category = map
                        .next_value::<Option<Key<'t>>>()?
                        .map(|k| k.0)
                        .filter(|c| !c.trim().is_empty());
                }
                6..=8 => {
                    let kind = match bit {
                        6 => LabelKind::Tag,
                        7 => LabelKind::Actor,
                        _ => LabelKind::Target,
                    };
                    map.next_value_seed(Labels {
                        kind,
                        out: &mut draft.labels,
                    })?;
                }
                9 => {
                    draft.extra.description = map
                        .next_value::<Option<Key<'t>>>()?
                        .map(|k| k.0.into_owned());
                }
                10 => {
                    let text = map.next_value::<Key<'t>>()?;
                    draft.severity = Some(severity(text.as_str()).ok_or_else(give_up)?);
                }
                11 => draft.circa = map.next_value::<bool>()?,
                _ => {
                    draft.extra.display_date = map
                        .next_value::<Option<Key<'t>>>()?
                        .map(|k| k.0.into_owned());
                }
            }
        }
        Ok(())
    }
}

/// A date: a string at its precision, or a whole year as a number.
struct Time(TimePoint);

impl<'de> serde::Deserialize<'de> for Time {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Time;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Time, E> {
                v.parse().map(Time).map_err(|_| give_up())
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Time, E> {
                TimePoint::year(v).map(Time).map_err(|_| give_up())
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Time, E> {
                let year = i64::try_from(v).map_err(|_| give_up())?;
                self.visit_i64(year)
            }
        }
        d.deserialize_any(V)
    }
}

/// An array of strings appended to a draft's labels.
struct Labels<'a, 't> {
    kind: LabelKind,
    out: &'a mut Vec<(LabelKind, Cow<'t, str>)>,
}

impl<'t> DeserializeSeed<'t> for Labels<'_, 't> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'t>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'t> Visitor<'t> for Labels<'_, 't> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of strings")
    }
    fn visit_seq<A: SeqAccess<'t>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<Key<'t>>()? {
            self.out.push((self.kind, item.0));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::json::Reader;
    use super::super::report::LineIndex;
    use super::*;
    use crate::io::native::{Draft, draft_is_complete, read_event_general};

    use serde_json::value::RawValue;

    #[test]
    fn the_fast_reader_agrees_with_the_general_one_or_gives_up() {
        let records = [
            r#"{"id": "e1", "title": "A", "start": "2021-05-04", "tags": ["x", "y"], "actors": ["CCB"]}"#,
            r#"{"title": "Esc\u00e9ape \"q\"", "start": 2012, "end": "2013-02", "category": "incident"}"#,
            r#"{"title": "t", "start": "2021", "category": "  ", "targets": [], "circa": true}"#,
            r#"{"title": "t", "start": "2021-05-04T11:00+02:00", "end": null, "disclosed": "2021-06"}"#,
            r#"{"title": "t", "start": "2021", "severity": "high", "description": null, "display_date": "spring"}"#,
            r#"{"title": "t", "start": "2021", "description": "Ünïcode"}"#,
            // Each of these needs the general reader (which may accept or refuse it).
            r#"{"id": 7, "title": "numeric id", "start": "2021"}"#,
            r#"{"title": "dup", "title": "twice", "start": "2021"}"#,
            r#"{"title": "unknown key", "start": "2021", "colour": "red"}"#,
            r#"{"title": "t", "start": "2021-02-30"}"#,
            r#"{"title": "t", "start": "2021", "end": "2020"}"#,
            r#"{"title": "", "start": "2021"}"#,
            r#"{"start": "2021"}"#,
            r#"{"title": "t", "start": "2021", "tags": "not a list"}"#,
            r#"{"title": "t", "start": "2021", "severity": "extreme"}"#,
            r#"{"title": "t", "start": "2021", "sources": ["https://example.org"]}"#,
            r#"{"title": "t", "start": "2021", "circa": "yes"}"#,
            r#"["not", "an", "object"]"#,
        ];
        let mut fast_accepted = 0;
        for text in records {
            let raw: &RawValue = serde_json::from_str(text).unwrap();
            let mut fast = Draft::default();
            let fast_ok = read(raw.get(), &mut fast) && draft_is_complete(&fast);
            let mut general = Draft::default();
            let mut r = Reader {
                lines: LineIndex::new(text),
                issues: Vec::new(),
            };
            let general_ok = read_event_general(
                &mut r,
                raw,
                &|| crate::i18n::Said::new("record-event"),
                &mut general,
            )
            .is_ok();
            if fast_ok {
                fast_accepted += 1;
                assert!(general_ok, "{text}");
                assert!(r.issues.is_empty(), "{text}: the general reader warns");
                assert_eq!(summary(&fast), summary(&general), "{text}");
                assert!(draft_is_complete(&general), "{text}");
            }
        }
        assert_eq!(fast_accepted, 6, "the first six records take the fast path");
    }
}
