//! Reading JSON values with their positions: borrowed `RawValue` slices of the file text, ordered
//! object entries (duplicates kept), and type errors that name the field and where it is. Shared by
//! the readers.

use serde::Deserialize as _;
use std::borrow::Cow;

use serde_json::value::RawValue;

use crate::i18n::Said;

use super::report::{Issue, IssueLevel, LineIndex, Location};
use crate::model::TimePoint;

/// The key/value pairs of a JSON object in file order, duplicates included, keys and values
/// borrowed from the file text (a key is copied only when it has escapes).
pub(crate) struct Entries<'a>(pub(crate) Vec<(Key<'a>, &'a RawValue)>);

/// An object key: borrowed from the text unless it had to be unescaped.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(crate) struct Key<'a>(pub(crate) std::borrow::Cow<'a, str>);

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Key<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Key<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl std::fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for Key<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                v: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key(std::borrow::Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl<'de> serde::Deserialize<'de> for Entries<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8));
                while let Some(entry) = map.next_entry::<Key<'de>, &'de RawValue>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// What kind of JSON value a raw slice holds, for messages ("expected a string, found a number").
pub(crate) fn kind_of(raw: &RawValue) -> &'static str {
    match raw.get().trim_start().as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// The kind of a raw value as words to say ("a string", "een tekenreeks").
pub(crate) fn kind_said(raw: &RawValue) -> Said {
    Said::new(match kind_of(raw) {
        "a string" => "kind-string",
        "an object" => "kind-object",
        "an array" => "kind-array",
        "a boolean" => "kind-boolean",
        "null" => "kind-null",
        _ => "kind-number",
    })
}

/// "expected `expected` (a `kind-…` message), found the kind of `raw`".
pub(crate) fn expected(expected: &'static str, raw: &RawValue) -> Said {
    Said::new("reason-expected")
        .said("expected", Said::new(expected))
        .said("found", kind_said(raw))
}

/// "`what`: field `field`: `problem`", the frame of most problems.
pub(crate) fn field_problem(what: impl Into<Said>, field: &str, problem: impl Into<Said>) -> Said {
    Said::new("problem-field")
        .said("what", what.into())
        .text("field", field)
        .said("problem", problem.into())
}

/// "`end` is before the start `start`", the dates in the language's words.
pub(crate) fn end_before_start(
    end: impl std::borrow::Borrow<TimePoint>,
    start: impl std::borrow::Borrow<TimePoint>,
) -> Said {
    Said::new("reason-end-before-start")
        .date("end", *end.borrow())
        .date("start", *start.borrow())
}

/// A record skipped because of one field: "`what`: field `field`: `problem`" at `location`.
pub(crate) fn skipped(
    location: Location,
    what: impl Into<Said>,
    field: String,
    problem: impl Into<Said>,
) -> Issue {
    let said = field_problem(what, &field, problem);
    Issue::new(IssueLevel::Skipped, location, Some(field), said)
}

/// A day, month or year date from its parts, at the precision of the finest part given (a
/// day without a month is refused by the caller, in its own words).
pub(crate) fn calendar_date(
    year: i64,
    month: Option<u32>,
    day: Option<u32>,
) -> Result<TimePoint, Said> {
    let precision = match (month, day) {
        (None, _) => crate::model::Precision::Year,
        (Some(_), None) => crate::model::Precision::Month,
        _ => crate::model::Precision::Day,
    };
    TimePoint::new(year, month, day, precision).map_err(|e| e.said())
}

/// "event 3", "row 12": a record by its kind (a `record-…` message) and number.
pub(crate) fn numbered(kind: &'static str, number: usize) -> Said {
    Said::new("record-numbered")
        .said("kind", Said::new(kind))
        .text("number", number.to_string())
}

/// "row N" of a CSV or JSON Lines file.
pub(crate) fn row_name(number: usize) -> Said {
    numbered("record-row", number)
}

/// A problem with one value: where it is, which field, what is wrong.
pub(crate) struct Fault {
    pub(crate) location: Location,
    pub(crate) field: String,
    pub(crate) message: Said,
}

/// Reads the file's values with positions.
pub(crate) struct Reader<'t> {
    pub(crate) lines: LineIndex<'t>,
    pub(crate) issues: Vec<Issue>,
}

impl<'t> Reader<'t> {
    pub(crate) fn fault(&self, raw: &RawValue, field: &str, message: impl Into<Said>) -> Fault {
        Fault {
            location: self.lines.location_of(raw.get()),
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub(crate) fn string(&self, raw: &RawValue, field: &str) -> Result<String, Fault> {
        self.text(raw, field).map(Cow::into_owned)
    }

    /// A string value, borrowed from the file when it has no escapes (no allocation).
    pub(crate) fn text<'v>(&self, raw: &'v RawValue, field: &str) -> Result<Cow<'v, str>, Fault> {
        serde_json::from_str::<Key<'v>>(raw.get())
            .map(|k| k.0)
            .map_err(|_| self.fault(raw, field, expected("kind-string", raw)))
    }

    /// An array of strings, appended to `out` (borrowed where possible).
    pub(crate) fn texts<'v>(
        &self,
        raw: &'v RawValue,
        field: &str,
        out: &mut Vec<Cow<'v, str>>,
    ) -> Result<(), Fault> {
        if let Ok(items) = serde_json::from_str::<Vec<Key<'v>>>(raw.get()) {
            out.extend(items.into_iter().map(|k| k.0));
            return Ok(());
        }
        // Not all strings: find the item to blame.
        let items: Vec<&'v RawValue> = serde_json::from_str(raw.get())
            .map_err(|_| self.fault(raw, field, expected("kind-strings", raw)))?;
        for (i, item) in items.iter().enumerate() {
            out.push(self.text(item, &format!("{field}[{i}]"))?);
        }
        Ok(())
    }

    pub(crate) fn optional_string(
        &self,
        raw: &RawValue,
        field: &str,
    ) -> Result<Option<String>, Fault> {
        if kind_of(raw) == "null" {
            Ok(None)
        } else {
            self.string(raw, field).map(Some)
        }
    }

    pub(crate) fn time(&self, raw: &RawValue, field: &str) -> Result<TimePoint, Fault> {
        // A bare integer is accepted as a year (`"start": 2012`).
        if kind_of(raw) == "a number" {
            let year: i64 = serde_json::from_str(raw.get()).map_err(|_| {
                let said = Said::new("reason-year-number").text("value", raw.get());
                self.fault(raw, field, said)
            })?;
            return TimePoint::year(year).map_err(|e| self.fault(raw, field, e.said()));
        }
        let text = self.text(raw, field)?;
        text.parse()
            .map_err(|e: crate::model::ParseTimeError| self.fault(raw, field, e.said()))
    }

    pub(crate) fn object(&self, raw: &'t RawValue, field: &str) -> Result<Entries<'t>, Fault> {
        let mut de = serde_json::Deserializer::from_str(raw.get());
        Entries::deserialize(&mut de)
            .map_err(|_| self.fault(raw, field, expected("kind-object", raw)))
    }

    pub(crate) fn array(&self, raw: &'t RawValue, field: &str) -> Result<Vec<&'t RawValue>, Fault> {
        serde_json::from_str(raw.get())
            .map_err(|_| self.fault(raw, field, expected("kind-array", raw)))
    }

    pub(crate) fn warn(
        &mut self,
        location: Location,
        field: Option<&str>,
        message: impl Into<Said>,
    ) {
        self.issues.push(Issue::new(
            IssueLevel::Warning,
            location,
            field.map(str::to_owned),
            message,
        ));
    }

    /// Warns about each key that appears more than once in `entries` (the last value is the one
    /// read, as in JavaScript), at the repeated key's value.
    /// Warns about each repeated key, naming the record (`what` is called only if there is one:
    /// naming parses the record again, and most records have no duplicate).
    pub(crate) fn warn_duplicate_keys(&mut self, what: &dyn Fn() -> Said, entries: &Entries<'t>) {
        let keys = &entries.0;
        // Records have a handful of keys: comparing pairs beats hashing them.
        for (i, (key, value)) in keys.iter().enumerate() {
            if keys.iter().take(i).any(|(k, _)| k == key) {
                let location = self.lines.location_of(value.get());
                let said = Said::new("problem-duplicate-key")
                    .said("what", what())
                    .text("field", key.as_str());
                self.warn(location, Some(key), said);
            }
        }
    }

    pub(crate) fn skip(&mut self, what: &Said, fault: &Fault) {
        self.issues.push(Issue::new(
            IssueLevel::Skipped,
            fault.location,
            Some(fault.field.clone()),
            field_problem(what.clone(), &fault.field, fault.message.clone()),
        ));
    }

    pub(crate) fn warn_unknown(&mut self, what: &Said, key: &str, raw: &RawValue, known: &[&str]) {
        let location = self.lines.location_of(raw.get());
        let said = Said::new("problem-unknown-field")
            .said("what", what.clone())
            .text("field", key)
            .text("known", known.join(", "));
        self.warn(location, Some(key), said);
    }
}

/// Where `field` of the record `raw` is (its value's first character), or the record itself when
/// it has no such field or is not an object: a problem with a field is shown at the field, not
/// at the record's first line. A dotted field (`timeline.incident`) is followed down; a field
/// not at the top is looked for one object down (a MISP record's `Event` wrapper).
pub(crate) fn field_location(lines: &LineIndex<'_>, raw: &RawValue, field: &str) -> Location {
    fn entries(raw: &RawValue) -> Vec<(Key<'_>, &RawValue)> {
        let mut de = serde_json::Deserializer::from_str(raw.get());
        Entries::deserialize(&mut de)
            .map(|e| e.0)
            .unwrap_or_default()
    }
    fn find<'a>(raw: &'a RawValue, key: &str) -> Option<&'a RawValue> {
        let top = entries(raw);
        top.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| *v)
            .or_else(|| {
                top.iter()
                    .filter(|(_, v)| v.get().starts_with('{'))
                    .find_map(|(_, v)| {
                        entries(v)
                            .into_iter()
                            .find(|(k, _)| k == key)
                            .map(|(_, v)| v)
                    })
            })
    }
    let mut at = raw;
    for (depth, key) in field.split('.').enumerate() {
        let found = if depth == 0 {
            find(at, key)
        } else {
            entries(at)
                .into_iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
        };
        match found {
            Some(value) => at = value,
            None => break,
        }
    }
    lines.location_of(at.get())
}

/// Short name of a record for messages: `event 3 "DDoS attack on Belnet"`.
pub(crate) fn record_name(kind: &'static str, number: usize, raw: &RawValue) -> Said {
    #[derive(serde::Deserialize)]
    struct Titled {
        title: Option<String>,
        id: Option<String>,
    }
    let titled = serde_json::from_str::<Titled>(raw.get()).ok();
    named_record(
        kind,
        number,
        titled.as_ref().and_then(|t| t.title.as_deref()),
        titled.as_ref().and_then(|t| t.id.as_deref()),
    )
}

/// [`record_name`] from a record's title and id as read: the title if it has one, else the id.
pub(crate) fn named_record(
    kind: &'static str,
    number: usize,
    title: Option<&str>,
    id: Option<&str>,
) -> Said {
    let name = title
        .filter(|s| !s.trim().is_empty())
        .or_else(|| id.filter(|s| !s.trim().is_empty()));
    let kind = match kind {
        "event" => "record-event",
        "period" => "record-period",
        "category" => "record-category",
        _ => "record-row",
    };
    let numbered = numbered(kind, number);
    match name {
        Some(name) => {
            let short: String = name.chars().take(60).collect();
            Said::new("record-titled")
                .said("record", numbered)
                .text("title", format!("{short:?}"))
        }
        None => numbered,
    }
}

/// `serde_json` appends " at line L column C"; we report the location separately.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}
