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
    /// Whether the table has Annals' counts per lane and hour ([`super::Summary::rollup`]):
    /// whole hours inside the range are counted from them, and the events that overlap the
    /// range from before it are searched for only as far back as those counts say they start.
    pub rollup: bool,
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

/// Hours in seconds.
const HOUR: i64 = 3600;

/// The range's whole hours `[h0, h1)` (as hour numbers), if it holds at least one.
fn whole_hours(lo: i64, hi: i64) -> Option<(i64, i64)> {
    let h0 = lo.div_euclid(HOUR) + i64::from(lo.rem_euclid(HOUR) != 0);
    let h1 = hi.div_euclid(HOUR);
    (h0 < h1).then_some((h0, h1))
}

/// The earliest start of an event that ends at or after `lo` and starts before `hi`, from the
/// counts per hour (the first start and last end of each lane's hour); `hi` when there is none.
fn earliest_overlapping(client: &Client, lo: i64, hi: i64) -> Result<i64, ClickHouseError> {
    let target = client.target();
    let answer = client.query(&format!(
        "SELECT count(), min(f) FROM (SELECT minMerge(first) AS f, maxMerge(last) AS l \
         FROM {} WHERE hour <= {} GROUP BY category, hour HAVING l >= {lo}) FORMAT RowBinary",
        target.hours_table(),
        hi.div_euclid(HOUR)
    ))?;
    let mut reader = Reader::new(&answer);
    let bad = |why| answer_error(target, why);
    let cells = reader.u64().map_err(bad)?;
    let first = reader.i64().map_err(bad)?;
    Ok(if cells == 0 { hi } else { first.min(hi) })
}

/// Reads `(category, count)` rows.
fn lane_counts(
    client: &Client,
    query: &str,
    into: &mut Vec<(String, u64)>,
) -> Result<(), ClickHouseError> {
    let target = client.target();
    let answer = client.query(query)?;
    let mut reader = Reader::new(&answer);
    while !reader.done() {
        let bad = |why| answer_error(target, why);
        let category = reader.string().map_err(bad)?;
        let count = reader.u64().map_err(bad)?;
        match into.iter_mut().find(|(c, _)| c == category) {
            Some((_, n)) => *n += count,
            None => into.push((category.to_owned(), count)),
        }
    }
    Ok(())
}

/// Asks the table: counts per lane (`time` and `time_end` only; whole hours from the hourly
/// counts where the table has them), bins for the lanes over the limit (`time` only, or whole
/// hours when a bin is at least an hour wide), and the events of the others (`event` read
/// only for them, found through the `(time, id)` order).
pub fn ask(
    client: &Client,
    header: &DatasetPart,
    question: Question,
) -> Result<Answer, ClickHouseError> {
    let target = client.target();
    let table = target.qualified();
    let hours = target.hours_table();
    let (lo, hi) = seconds(&question);
    let interior = whole_hours(lo, hi).filter(|_| question.rollup);
    // Events overlapping the range: starting in it, or before it and ending in or after it.
    // With the hourly counts, "before it" has a lower bound, so the time order key prunes.
    let overlaps = if question.rollup {
        let since = earliest_overlapping(client, lo, hi)?;
        format!("time >= {since} AND time < {hi} AND time_end >= {lo}")
    } else {
        format!("time < {hi} AND time_end >= {lo}")
    };
    let mut lanes = Vec::new();
    match interior {
        Some((h0, h1)) => {
            lane_counts(
                client,
                &format!(
                    "SELECT category, countMerge(events) FROM {hours} \
                     WHERE hour >= {h0} AND hour < {h1} GROUP BY category FORMAT RowBinary"
                ),
                &mut lanes,
            )?;
            lane_counts(
                client,
                &format!(
                    "SELECT category, count() FROM {table} WHERE {overlaps} \
                     AND (time < {} OR time >= {}) GROUP BY category FORMAT RowBinary",
                    h0 * HOUR,
                    h1 * HOUR
                ),
                &mut lanes,
            )?;
        }
        None => lane_counts(
            client,
            &format!(
                "SELECT category, count() FROM {table} WHERE {overlaps} GROUP BY category \
                 FORMAT RowBinary"
            ),
            &mut lanes,
        )?,
    }
    lanes.retain(|(_, n)| *n > 0);
    lanes.sort_by(|a, b| a.0.cmp(&b.0));
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
        let lanes_in = in_list(&dense);
        let mut queries = Vec::new();
        // Bins of an hour or more take whole hours from the hourly counts: an hour's events go
        // to the bin its start is in (at most an hour, at most a bin, from their own).
        match interior.filter(|_| width >= HOUR as f64) {
            Some((h0, h1)) => {
                queries.push(format!(
                    "SELECT category, toInt64(floor((hour * {HOUR} - {lo}) / {width:?})) AS bin, \
                     countMerge(events) FROM {hours} WHERE hour >= {h0} AND hour < {h1} \
                     AND category IN ({lanes_in}) GROUP BY category, bin FORMAT RowBinary"
                ));
                queries.push(format!(
                    "SELECT category, toInt64(floor((time - {lo}) / {width:?})) AS bin, count() \
                     FROM {table} WHERE ((time >= {lo} AND time < {}) OR (time >= {} AND \
                     time < {hi})) AND category IN ({lanes_in}) GROUP BY category, bin \
                     FORMAT RowBinary",
                    h0 * HOUR,
                    h1 * HOUR
                ));
            }
            None => queries.push(format!(
                "SELECT category, toInt64(floor((time - {lo}) / {width:?})) AS bin, count() \
                 FROM {table} WHERE time >= {lo} AND time < {hi} AND category IN ({lanes_in}) \
                 GROUP BY category, bin FORMAT RowBinary"
            )),
        }
        for query in queries {
            let answer = client.query(&query)?;
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
