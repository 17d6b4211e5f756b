//! Annals' default table: creating it, importing into it, asking it for its size and range,
//! reading it whole for a picture.
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
//! | `event` | String | the whole event in the native format (dates at their source's precision, circa, sources, links, translations) |
//!
//! `ENGINE = MergeTree() ORDER BY (time, id)`. Ranges and counts read `time`/`time_end` only
//! (8 bytes an event each); `event` is read only for the events a view shows. A table
//! `TABLE__annals` (`key String, value String`, TinyLog) beside it keeps each import's title,
//! categories and periods as a native file with no events.
//!
//! SQL avoided for 18.16: `DateTime64` (20.1), `LowCardinality` (experimental in 18.x),
//! `X-ClickHouse-User` headers (19.x; basic authentication instead), `WITH FILL` and
//! `ORDER BY … WITH TIES` (19.14/20.x), `CREATE TABLE … AS SELECT` into MergeTree with
//! settings.

use super::rowbinary::{Reader, Writer};
use super::{ClickHouseError, Client, Target, sql};
use crate::io::{LoadError, LoadedFile};
use crate::model::DatasetPart;

/// Events sent in one INSERT.
pub const DEFAULT_BATCH: usize = 50_000;

/// The most events [`fetch_all`] reads into memory for one picture.
pub const FETCH_LIMIT: u64 = 2_000_000;

/// The default schema's columns, in the order rows are written.
const COLUMNS: &str =
    "id, time, time_end, category, title, actors, tags, severity, source_url, event";

/// Creates the default table and its metadata table where they do not exist yet. An existing
/// table must have the default schema's columns (checked, with the missing ones named).
pub fn create_table(client: &Client) -> Result<(), ClickHouseError> {
    let target = client.target();
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
    check_columns(client)
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

/// How far an import is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportProgress {
    /// Events sent.
    pub sent: usize,
    /// Events in the part.
    pub total: usize,
}

/// Sends a part's events in batches of `batch` and its title, categories and periods to the
/// metadata table; `progress` hears after each batch. The table must exist
/// ([`create_table`]). Inserts into a `Distributed` table wait until every shard has its rows.
pub fn import_part(
    client: &Client,
    part: &DatasetPart,
    batch: usize,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<usize, ClickHouseError> {
    let target = client.target();
    let insert = format!(
        "INSERT INTO {} ({COLUMNS}) FORMAT RowBinary",
        target.qualified()
    );
    let total = part.events.len();
    let mut sent = 0;
    let mut rows = Writer::default();
    let mut in_batch = 0;
    for event in &part.events {
        let owned = event.to_event();
        rows.string(&owned.id);
        rows.i64(event.start_secs().floor() as i64);
        rows.i64(event.end_secs().ceil() as i64);
        rows.string(owned.category.as_deref().unwrap_or(""));
        rows.string(&owned.title);
        rows.strings(&owned.actors);
        rows.strings(&owned.tags);
        rows.string(owned.severity.map_or("", |s| s.name()));
        rows.string(
            owned
                .sources
                .iter()
                .find_map(|s| s.url.as_deref())
                .unwrap_or(""),
        );
        rows.string(&crate::io::native_writer::event_json(&owned).to_string());
        in_batch += 1;
        if in_batch == batch.max(1) {
            send(client, &insert, &mut rows)?;
            sent += in_batch;
            in_batch = 0;
            progress(ImportProgress { sent, total });
        }
    }
    if in_batch > 0 {
        send(client, &insert, &mut rows)?;
        sent += in_batch;
        progress(ImportProgress { sent, total });
    }
    let header = DatasetPart {
        info: part.info.clone(),
        categories: part.categories.clone(),
        periods: part.periods.clone(),
        events: crate::model::EventStore::default(),
    };
    let mut meta = Writer::default();
    meta.string("dataset");
    meta.string(&crate::io::native_writer::to_json(&header));
    client.insert(
        &format!(
            "INSERT INTO {} (key, value) FORMAT RowBinary",
            target.meta_table()
        ),
        &meta.bytes,
    )?;
    Ok(sent)
}

fn send(client: &Client, insert: &str, rows: &mut Writer) -> Result<(), ClickHouseError> {
    let result = client.insert(insert, &rows.bytes);
    rows.bytes.clear();
    result
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
}

/// Counts a table and finds its range: one pass over `time` and `time_end`, then the two
/// events at the edges read by their (indexed) times.
pub fn summary(client: &Client) -> Result<Summary, ClickHouseError> {
    let target = client.target();
    let table = target.qualified();
    let answer = client.query(&format!(
        "SELECT count(), min(time), max(time_end) FROM {table} FORMAT RowBinary"
    ))?;
    let mut reader = Reader::new(&answer);
    let bad = |why| answer_error(target, why);
    let events = reader.u64().map_err(bad)?;
    let min = reader.i64().map_err(bad)?;
    let max = reader.i64().map_err(bad)?;
    let header = header(client)?;
    let edge =
        |condition: String, order: &str| -> Result<Option<crate::model::Event>, ClickHouseError> {
            let answer = client.query(&format!(
            "SELECT event FROM {table} WHERE {condition} ORDER BY {order} LIMIT 1 FORMAT RowBinary"
        ))?;
            let mut reader = Reader::new(&answer);
            if reader.done() {
                return Ok(None);
            }
            let text = reader.string().map_err(|why| answer_error(target, why))?;
            let part = events_from(target, &header_json(&empty_header()), [text])
                .map_err(|e| answer_error(target, e.text_in(crate::i18n::Lang::En)))?;
            Ok(part.part.events.owned(0))
        };
    let (first_event, last_event) = if events == 0 {
        (None, None)
    } else {
        (
            edge(format!("time = {min}"), "id")?,
            edge(format!("time_end = {max}"), "id DESC")?,
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
    let answer = client.query(&format!(
        "SELECT category, count() FROM {table} GROUP BY category ORDER BY category FORMAT RowBinary"
    ))?;
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
    let table = target.qualified();
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
        "SELECT event FROM {table} ORDER BY time, id FORMAT RowBinary"
    ))?;
    let mut reader = Reader::new(&answer);
    let mut texts = Vec::new();
    while !reader.done() {
        texts.push(reader.string().map_err(|why| answer_error(target, why))?);
    }
    let mut loaded = events_from(target, &header_json(&header), texts)
        .map_err(|e| answer_error(target, e.text_in(crate::i18n::Lang::En)))?;
    loaded.part.info.format = crate::model::Format::ClickHouse;
    Ok(loaded)
}
