//! The two questions a view asks a table: how many events each lane has in a range, counted in
//! narrow time bins where there are too many to show one by one; and the events themselves in
//! the lanes that have few enough. The server counts; only what a picture can show crosses the
//! network.

use super::rowbinary::Reader;
use super::table::{answer_error, events_from, header_json};
use super::{ClickHouseError, Client, sql};
use crate::io::LoadedFile;
use crate::model::DatasetPart;

/// Bins a counted lane is split into over the asked range (the picture resamples them to its
/// own, keeping every count).
pub const COUNT_BINS: usize = 4096;

/// What a view asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Question {
    /// Start of the range, seconds.
    pub min_secs: f64,
    /// End of the range, seconds.
    pub max_secs: f64,
    /// A lane with more events than this in the range is counted, not read.
    pub limit: u64,
}

/// What the table answered.
#[derive(Debug)]
pub struct Answer {
    /// The question.
    pub question: Question,
    /// The header and the events of the lanes with at most `limit` events in range, checked by
    /// the native reader.
    pub events: LoadedFile,
    /// The lanes counted instead: (category, events in range, events starting in each of
    /// [`COUNT_BINS`] equal bins of the range).
    pub counted: Vec<(String, u64, Vec<u32>)>,
    /// Every lane with events in range and how many.
    pub lanes: Vec<(String, u64)>,
}

/// The range's whole seconds: `[floor(min), ceil(max))`.
fn seconds(question: &Question) -> (i64, i64) {
    let lo = question.min_secs.floor() as i64;
    let hi = (question.max_secs.ceil() as i64).max(lo + 1);
    (lo, hi)
}

/// Asks the table. Three queries: counts per lane (`time` and `time_end` only), bins for the
/// lanes over the limit (`time` only), and the events of the others (`event` read only for
/// them, found through the `(time, id)` order).
pub fn ask(
    client: &Client,
    header: &DatasetPart,
    question: Question,
) -> Result<Answer, ClickHouseError> {
    let target = client.target();
    let table = target.qualified();
    let (lo, hi) = seconds(&question);
    let overlaps = format!("time < {hi} AND time_end >= {lo}");
    let answer = client.query(&format!(
        "SELECT category, count() FROM {table} WHERE {overlaps} GROUP BY category \
         ORDER BY category FORMAT RowBinary"
    ))?;
    let mut reader = Reader::new(&answer);
    let mut lanes = Vec::new();
    while !reader.done() {
        let bad = |why| answer_error(target, why);
        let category = reader.string().map_err(bad)?.to_owned();
        let count = reader.u64().map_err(bad)?;
        lanes.push((category, count));
    }
    let (dense, sparse): (Vec<_>, Vec<_>) = lanes
        .iter()
        .cloned()
        .partition(|(_, count)| *count > question.limit);
    let in_list = |lanes: &[(String, u64)]| {
        lanes
            .iter()
            .map(|(c, _)| sql::string(c))
            .collect::<Vec<_>>()
            .join(", ")
    };

    let mut counted: Vec<(String, u64, Vec<u32>)> = dense
        .iter()
        .map(|(c, n)| (c.clone(), *n, vec![0u32; COUNT_BINS]))
        .collect();
    if !dense.is_empty() {
        // Bins by floating division: the range need not be a whole number of seconds per bin.
        // (`intDiv` on a negative difference rounds toward zero in 18.16; `floor` does not.)
        let width = (hi - lo) as f64 / COUNT_BINS as f64;
        let answer = client.query(&format!(
            "SELECT category, toInt64(floor((time - {lo}) / {width:?})) AS bin, count() \
             FROM {table} WHERE time >= {lo} AND time < {hi} AND category IN ({}) \
             GROUP BY category, bin FORMAT RowBinary",
            in_list(&dense)
        ))?;
        let mut reader = Reader::new(&answer);
        while !reader.done() {
            let bad = |why| answer_error(target, why);
            let category = reader.string().map_err(bad)?;
            let bin = reader.i64().map_err(bad)?;
            let count = reader.u64().map_err(bad)?;
            if let Some((_, _, bins)) = counted.iter_mut().find(|(c, _, _)| c == category) {
                let bin = usize::try_from(bin).unwrap_or(0).min(COUNT_BINS - 1);
                bins[bin] = bins[bin].saturating_add(u32::try_from(count).unwrap_or(u32::MAX));
            }
        }
    }

    let mut texts = Vec::new();
    let answer;
    if !sparse.is_empty() {
        let total: u64 = sparse.iter().map(|(_, n)| n).sum();
        answer = client.query(&format!(
            "SELECT event FROM {table} WHERE {overlaps} AND category IN ({}) \
             ORDER BY time, id LIMIT {total} FORMAT RowBinary",
            in_list(&sparse)
        ))?;
        let mut reader = Reader::new(&answer);
        while !reader.done() {
            texts.push(reader.string().map_err(|why| answer_error(target, why))?);
        }
    }
    let mut events = events_from(target, &header_json(header), texts)
        .map_err(|e| answer_error(target, e.text_in(crate::i18n::Lang::En)))?;
    events.part.info.format = crate::model::Format::ClickHouse;
    Ok(Answer {
        question,
        events,
        counted,
        lanes,
    })
}
