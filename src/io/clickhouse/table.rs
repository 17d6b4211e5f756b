//! Annals' default table: creating it, asking it for its size and range, reading it whole for
//! a picture (importing into it is `import.rs`).
//!
//! The default schema (what `annals import` creates):
//!
//! | column | type | holds |
//! |---|---|---|
//! | `id` | String | the event's id |
//! | `time` | Int64 | start, whole seconds since 1970-01-01 UTC, rounded down (any year) |
//! | `time_end` | Int64 | end, rounded up (= `time`'s second for a point) |
//! | `category` | String | the lane (empty: none) |
//! | `title` | String | the title |
//! | `actors`, `tags` | Array(String) | as in the file |
//! | `severity` | String | low, medium, high, critical or empty |
//! | `source_url` | String | the first source's address, or empty |
//! | `event` | String | the rest of the event in the native format: dates at their source's precision, circa, description, targets, sources, links, translations (id, title, category, actors, tags and severity are in their columns, not repeated here; an `event` holding the whole event, as earlier imports wrote it, reads the same) |
//!
//! `ENGINE = MergeTree() ORDER BY (time, id)`. Ranges and counts read `time`/`time_end` only
//! (8 bytes an event each); `event` is read only for the events a view shows. A table
//! `TABLE__annals` (`key String, value String`, TinyLog) beside it keeps each import's title,
//! categories and periods as a native file with no events, and a materialized view
//! `TABLE__annals_hours` (AggregatingMergeTree by category and hour: count, first start, last
//! end) lets the count, the range and wide views be answered from its cells.
//!
//! SQL avoided for 18.16: `DateTime64` (20.1), `LowCardinality` (experimental in 18.x),
//! `X-ClickHouse-User` headers (19.x; basic authentication instead), `WITH FILL` and
//! `ORDER BY … WITH TIES` (19.14/20.x), `CREATE TABLE … AS SELECT` into MergeTree with
//! settings.

use super::rowbinary::Reader;
use super::{ClickHouseError, Client, Target, sql};
use crate::io::{LoadError, LoadedFile};
use crate::model::DatasetPart;

/// An event longer than this (seconds: two days) is kept in the long-events view too: every
/// other event that overlaps a time starts at most this long before it. Two days, so that
/// events dated to the day (most incident lists) are not "long".
pub const LONG: i64 = 2 * 86_400;

/// Events sent in one INSERT: big enough that the server makes few parts to merge later
/// (10M events: 32.2 s whole import with 50,000, 28.4 s with 250,000), small enough that the
/// batches in flight stay near a hundred megabytes.
pub const DEFAULT_BATCH: usize = 250_000;

/// The most events [`fetch_all`] reads into memory for one picture.
pub const FETCH_LIMIT: u64 = 2_000_000;

/// What is read for each event: the columns that hold part of it, then the rest as JSON
/// ([`read_event`] puts them together).
pub(super) const EVENT_COLUMNS: &str = "id, title, category, actors, tags, severity, event";

/// One event read as [`EVENT_COLUMNS`], as native JSON: the `event` column's object with the
/// id, title, category, actors, tags and severity from their columns. A table imported before
/// these moved out of `event` has them there too (the columns then add nothing); an `event`
/// that is not a JSON object is passed on as it is, for the native reader to locate its problem.
pub(super) fn read_event(reader: &mut Reader<'_>) -> Result<String, String> {
    use serde_json::Value;
    let id = reader.string()?;
    let title = reader.string()?;
    let category = reader.string()?;
    let actors = reader.strings()?;
    let tags = reader.strings()?;
    let severity = reader.string()?;
    let event = reader.string()?;
    let Ok(mut object) = serde_json::from_str::<serde_json::Map<String, Value>>(event) else {
        return Ok(event.to_owned());
    };
    let text = |s: &str| Value::String(s.to_owned());
    let list = |items: &[&str]| Value::Array(items.iter().map(|s| text(s)).collect());
    object.entry("id").or_insert_with(|| text(id));
    object.entry("title").or_insert_with(|| text(title));
    for (key, value, present) in [
        ("category", text(category), !category.is_empty()),
        ("severity", text(severity), !severity.is_empty()),
        ("actors", list(&actors), !actors.is_empty()),
        ("tags", list(&tags), !tags.is_empty()),
    ] {
        if present {
            object.entry(key).or_insert(value);
        }
    }
    serde_json::to_string(&object).map_err(|e| e.to_string())
}

/// The default schema's columns, in the order rows are written.
pub(super) const COLUMNS: &str =
    "id, time, time_end, category, title, actors, tags, severity, source_url, event";

/// Creates the default table and its metadata table where they do not exist yet. An existing
/// table must have the default schema's columns (checked, with the missing ones named).
pub fn create_table(client: &Client) -> Result<(), ClickHouseError> {
    let target = client.target();
    if target.mapping.is_some() {
        return Err(ClickHouseError::Address {
            address: target.address(),
            why: "a table read through a column mapping is not written to; import into a table of Annals' own (an address without ?…)".into(),
        });
    }
    client.query(&format!(
        "CREATE DATABASE IF NOT EXISTS {}",
        sql::ident(&target.database)
    ))?;
    client.query(&format!(
        "CREATE TABLE IF NOT EXISTS {} (id String, time Int64, time_end Int64, \
         category String, title String, actors Array(String), tags Array(String), \
         severity String, source_url String, event String) \
         ENGINE = MergeTree() ORDER BY (time, id)",
        target.qualified()
    ))?;
    client.query(&format!(
        "CREATE TABLE IF NOT EXISTS {} (key String, value String) ENGINE = TinyLog",
        target.meta_table()
    ))?;
    check_columns(client)?;
    // Counts per lane and hour, kept by the server as rows arrive: a view of years is counted
    // from a few hundred thousand cells, not from every event. `floor`, not `intDiv`: hours
    // before 1970 stay apart. Only beside a table that holds its rows: a `Distributed` table's
    // shards can be written to directly, which a view on this server would not see.
    if engine(client)?.ends_with("MergeTree") {
        client.query(&format!(
            "CREATE MATERIALIZED VIEW IF NOT EXISTS {} ENGINE = AggregatingMergeTree() \
             ORDER BY (category, hour) POPULATE AS SELECT category, \
             toInt64(floor(time / 3600)) AS hour, countState() AS events, \
             minState(time) AS first, maxState(time_end) AS last FROM {} \
             GROUP BY category, hour",
            target.hours_table(),
            target.qualified()
        ))?;
        client.query(&format!(
            "CREATE MATERIALIZED VIEW IF NOT EXISTS {} ENGINE = MergeTree() \
             ORDER BY (time_end, time) POPULATE AS SELECT time, time_end, category FROM {} \
             WHERE time_end - time > {LONG}",
            target.long_table(),
            target.qualified()
        ))?;
    }
    Ok(())
}

/// The table's engine (`MergeTree`, `Distributed`...).
fn engine(client: &Client) -> Result<String, ClickHouseError> {
    let target = client.target();
    let answer = client.query(&format!(
        "SELECT engine FROM system.tables WHERE database = {} AND name = {} FORMAT RowBinary",
        sql::string(&target.database),
        sql::string(&target.table)
    ))?;
    let mut reader = Reader::new(&answer);
    if reader.done() {
        return Ok(String::new());
    }
    Ok(reader
        .string()
        .map_err(|why| answer_error(target, why))?
        .to_owned())
}

/// Fails, naming what is missing, unless the table has the default schema's columns.
fn check_columns(client: &Client) -> Result<(), ClickHouseError> {
    let target = client.target();
    let answer = client.query(&format!(
        "SELECT name, type FROM system.columns WHERE database = {} AND table = {} FORMAT RowBinary",
        sql::string(&target.database),
        sql::string(&target.table)
    ))?;
    let mut reader = Reader::new(&answer);
    let mut have = Vec::new();
    while !reader.done() {
        let name = reader.string().map_err(|why| answer_error(target, why))?;
        let kind = reader.string().map_err(|why| answer_error(target, why))?;
        have.push((name.to_owned(), kind.to_owned()));
    }
    let missing: Vec<String> = COLUMNS
        .split(", ")
        .zip([
            "String",
            "Int64",
            "Int64",
            "String",
            "String",
            "Array(String)",
            "Array(String)",
            "String",
            "String",
            "String",
        ])
        .filter(|(name, kind)| !have.iter().any(|(n, k)| n == name && k == kind))
        .map(|(name, kind)| format!("{name} {kind}"))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(ClickHouseError::Refused {
            address: target.server(),
            message: format!(
                "{} does not have Annals' default schema; missing: {}",
                target.address(),
                missing.join(", ")
            ),
        })
    }
}

pub(super) fn answer_error(target: &Target, why: String) -> ClickHouseError {
    ClickHouseError::Answer {
        address: target.server(),
        why,
    }
}

/// A table's size and range, counted by the server.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Events.
    pub events: u64,
    /// Periods in the metadata table.
    pub periods: usize,
    /// The earliest start (events and periods), at its source's precision.
    pub first: Option<crate::model::TimePoint>,
    /// The latest end (events and periods).
    pub last: Option<crate::model::TimePoint>,
    /// The title, categories and periods the imports left (no events).
    pub header: DatasetPart,
    /// Events per category (the lanes), in the server's order of categories.
    pub lanes: Vec<(String, u64)>,
    /// Whether the table has Annals' counts per lane and hour beside it.
    pub rollup: bool,
}

/// Whether the table has Annals' counts per lane and hour and its long-events view (a table
/// made by `annals import`).
pub fn has_hours(client: &Client) -> Result<bool, ClickHouseError> {
    let target = client.target();
    if target.mapping.is_some() {
        return Ok(false);
    }
    let answer = client.query(&format!(
        "SELECT count() FROM system.tables WHERE database = {} AND name IN ({}, {}) \
         FORMAT RowBinary",
        sql::string(&target.database),
        sql::string(&format!("{}__annals_hours", target.table)),
        sql::string(&format!("{}__annals_long", target.table))
    ))?;
    Ok(Reader::new(&answer)
        .u64()
        .map_err(|why| answer_error(target, why))?
        == 2)
}

/// Counts a table and finds its range: one pass over `time` and `time_end`, then the two
/// events at the edges read by their (indexed) times.
pub fn summary(client: &Client) -> Result<Summary, ClickHouseError> {
    let target = client.target();
    let table = target.source();
    let rollup = has_hours(client)?;
    let answer = client.query(&if rollup {
        format!(
            "SELECT countMerge(events), minMerge(first), maxMerge(last) FROM {} FORMAT RowBinary",
            target.hours_table()
        )
    } else {
        format!("SELECT count(), min(time), max(time_end) FROM {table} FORMAT RowBinary")
    })?;
    let mut reader = Reader::new(&answer);
    let bad = |why| answer_error(target, why);
    let events = reader.u64().map_err(bad)?;
    let min = reader.i64().map_err(bad)?;
    let max = reader.i64().map_err(bad)?;
    let header = header(client)?;
    let edge =
        |condition: String, order: &str| -> Result<Option<crate::model::Event>, ClickHouseError> {
            let answer = client.query(&format!(
                "SELECT {EVENT_COLUMNS} FROM {table} WHERE {condition} ORDER BY {order} LIMIT 1 \
             FORMAT RowBinary"
            ))?;
            let mut reader = Reader::new(&answer);
            if reader.done() {
                return Ok(None);
            }
            let text = read_event(&mut reader).map_err(|why| answer_error(target, why))?;
            let part = events_from(target, &header_json(&empty_header()), [text.as_str()])
                .map_err(|e| answer_error(target, e.text_in(crate::i18n::Lang::En)))?;
            Ok(part.part.events.owned(0))
        };
    let (first_event, last_event) = if events == 0 {
        (None, None)
    } else {
        (
            edge(format!("time = {min}"), "id")?,
            edge(
                if rollup {
                    // The latest end is an event's that starts at most an hour before it, or a
                    // long event's (the time order key narrows the search to them).
                    format!(
                        "time_end = {max} AND (time >= {} OR time IN \
                         (SELECT time FROM {} WHERE time_end = {max}))",
                        max - LONG,
                        target.long_table()
                    )
                } else {
                    format!("time_end = {max}")
                },
                "id DESC",
            )?,
        )
    };
    let first = first_event
        .map(|e| (e.start_secs(), e.start))
        .into_iter()
        .chain(
            header
                .periods
                .iter()
                .map(|p| (p.start.start_secs(), p.start)),
        )
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, t)| t);
    let last = last_event
        .map(|e| (e.end_secs(), e.end.unwrap_or(e.start)))
        .into_iter()
        .chain(header.periods.iter().map(|p| (p.end.end_secs(), p.end)))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, t)| t);
    let answer = client.query(&if rollup {
        format!(
            "SELECT category, countMerge(events) FROM {} GROUP BY category ORDER BY category \
             FORMAT RowBinary",
            target.hours_table()
        )
    } else {
        format!(
            "SELECT category, count() FROM {table} GROUP BY category ORDER BY category \
             FORMAT RowBinary"
        )
    })?;
    let mut reader = Reader::new(&answer);
    let mut lanes = Vec::new();
    while !reader.done() {
        let bad = |why| answer_error(target, why);
        let category = reader.string().map_err(bad)?.to_owned();
        lanes.push((category, reader.u64().map_err(bad)?));
    }
    Ok(Summary {
        events,
        lanes,
        rollup,
        periods: header.periods.len(),
        first,
        last,
        header,
    })
}

/// The title, categories and periods every import left, merged (categories by id, periods
/// once each).
pub fn header(client: &Client) -> Result<DatasetPart, ClickHouseError> {
    let target = client.target();
    let answer = match client.query(&format!(
        "SELECT value FROM {} WHERE key = 'dataset' FORMAT RowBinary",
        target.meta_table()
    )) {
        Ok(answer) => answer,
        // A table someone else made has no metadata table: no title, categories or periods.
        Err(ClickHouseError::Refused { message, .. }) if message.contains("doesn't exist") => {
            Vec::new()
        }
        Err(e) => return Err(e),
    };
    let mut reader = Reader::new(&answer);
    let mut merged = empty_header();
    merged.info.path = target.address();
    let mut first = true;
    while !reader.done() {
        let text = reader.string().map_err(|why| answer_error(target, why))?;
        let part = crate::io::native::parse(&format!("{}__annals", target.address()), text)
            .map_err(|e| answer_error(target, e.text_in(crate::i18n::Lang::En)))?
            .part;
        if first {
            merged.info.title = part.info.title;
            merged.info.description = part.info.description;
            merged.info.translations = part.info.translations;
            first = false;
        }
        for category in part.categories {
            if !merged.categories.iter().any(|c| c.id == category.id) {
                merged.categories.push(category);
            }
        }
        for period in part.periods {
            if !merged.periods.contains(&period) {
                merged.periods.push(period);
            }
        }
    }
    Ok(merged)
}

/// No title, categories, periods or events.
fn empty_header() -> DatasetPart {
    DatasetPart {
        info: crate::model::FileInfo::new("", crate::model::Format::ClickHouse),
        categories: Vec::new(),
        periods: Vec::new(),
        events: crate::model::EventStore::default(),
    }
}

/// The header as a native file's text up to its events array (left open).
pub(super) fn header_json(header: &DatasetPart) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&crate::io::native_writer::to_json(header)).unwrap_or_default();
    if let Some(top) = value.as_object_mut() {
        top.remove("events");
    }
    let text = value.to_string();
    match text.strip_suffix('}') {
        Some(open) if open.len() > 1 => format!("{open},\"events\": [\n"),
        _ => "{\"annals\": 1, \"events\": [\n".to_owned(),
    }
}

/// Events (native JSON objects, one a line) read by the native reader under the header.
pub(super) fn events_from<'a>(
    target: &Target,
    header: &str,
    events: impl IntoIterator<Item = &'a str>,
) -> Result<LoadedFile, LoadError> {
    let mut text = header.to_owned();
    let mut first = true;
    for event in events {
        if !first {
            text.push_str(",\n");
        }
        first = false;
        text.push_str(event);
    }
    text.push_str("\n]}\n");
    crate::io::native::parse(&target.address(), &text)
}

/// Reads the whole table (at most [`FETCH_LIMIT`] events) in time order as one loaded file:
/// the events through the native reader, so they are checked exactly as a file's are.
pub fn fetch_all(client: &Client) -> Result<LoadedFile, ClickHouseError> {
    let target = client.target();
    let table = target.source();
    let count_answer = client.query(&format!("SELECT count() FROM {table} FORMAT RowBinary"))?;
    let count = Reader::new(&count_answer)
        .u64()
        .map_err(|why| answer_error(target, why))?;
    if count > FETCH_LIMIT {
        return Err(ClickHouseError::Refused {
            address: target.server(),
            message: format!(
                "{} has {count} events; a picture of a whole table reads at most {FETCH_LIMIT} (narrow it with --from/--to)",
                target.address()
            ),
        });
    }
    let header = header(client)?;
    let answer = client.query(&format!(
        "SELECT {EVENT_COLUMNS} FROM {table} ORDER BY time, id FORMAT RowBinary"
    ))?;
    let mut reader = Reader::new(&answer);
    let mut texts = Vec::new();
    while !reader.done() {
        texts.push(read_event(&mut reader).map_err(|why| answer_error(target, why))?);
    }
    let mut loaded = events_from(
        target,
        &header_json(&header),
        texts.iter().map(String::as_str),
    )
    .map_err(|e| answer_error(target, e.text_in(crate::i18n::Lang::En)))?;
    loaded.part.info.format = crate::model::Format::ClickHouse;
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::clickhouse::rowbinary::Writer;

    #[test]
    fn an_event_is_whole_again_from_its_columns_and_the_rest() {
        let belgium = crate::io::load_embedded().unwrap();
        for i in 0..belgium.part.events.len() {
            let event = belgium.part.events.get(i).unwrap().to_event();
            let mut rest = Vec::new();
            crate::io::native_writer::write_event_rest(&event, &mut rest).unwrap();
            let mut whole = Vec::new();
            crate::io::native_writer::write_event_json(&event, &mut whole).unwrap();
            let row_with = |json: &[u8]| {
                let mut row = Writer::default();
                row.string(&event.id);
                row.string(&event.title);
                row.string(event.category.as_deref().unwrap_or(""));
                row.strings(&event.actors);
                row.strings(&event.tags);
                row.string(event.severity.map_or("", |s| s.name()));
                row.string_bytes(json);
                row
            };
            let row = row_with(&rest);
            // A table written before the columns moved out holds the whole event.
            let old = row_with(&whole);
            for bytes in [&row.bytes, &old.bytes] {
                let mut reader = Reader::new(bytes);
                let text = read_event(&mut reader).unwrap();
                assert!(reader.done());
                let read: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(
                    read,
                    crate::io::native_writer::event_json(&event),
                    "{}",
                    event.id
                );
            }
            assert!(rest.len() < whole.len());
        }
        // What is not an object goes on as it is, for the reader to say what is wrong.
        let mut row = Writer::default();
        for _ in 0..3 {
            row.string("x");
        }
        row.strings::<&str>(&[]);
        row.strings::<&str>(&[]);
        row.string("");
        row.string("[1, 2");
        assert_eq!(read_event(&mut Reader::new(&row.bytes)).unwrap(), "[1, 2");
    }
}
