//! The two questions a view asks a table: how many events each lane has in a range, counted in
//! narrow time bins where there are too many to show one by one; and the events themselves in
//! the lanes that have few enough. The server counts; only what a picture can show crosses the
//! network.

use super::rowbinary::Reader;
use super::table::{EVENT_COLUMNS, answer_error, events_from, header_json, read_event};
use super::{ClickHouseError, Client, sql};
use crate::io::LoadedFile;
use crate::model::DatasetPart;
use crate::model::filter::Field;

/// Bins a counted lane is split into over the asked range (the picture resamples them to its
/// own, keeping every count).
pub const COUNT_BINS: usize = 4096;

/// What a view asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Start of the range, seconds.
    pub min_secs: f64,
    /// End of the range, seconds.
    pub max_secs: f64,
    /// A lane with more events than this in the range is counted, not read.
    pub limit: u64,
    /// Whether the table has Annals' counts per lane and hour and its long-events view
    /// ([`super::Summary::rollup`]): whole hours inside the range are counted from the counts,
    /// the rows are read only where the counts say a lane's events are, and the events that
    /// overlap the range from before it are looked for only as far back as the long events say.
    pub rollup: bool,
    /// Only the events the window's filter shows ([`super::filter::condition`]); a condition
    /// on more than categories is answered from the rows alone.
    pub condition: Option<super::filter::Condition>,
    /// Also count the events (all lanes, under the condition) starting in each of
    /// [`COUNT_BINS`] bins of this range (the table's whole range, for the overview strip).
    pub whole: Option<(f64, f64)>,
    /// What the lanes are made by (`None`: one lane), as the window's lanes are: each lane
    /// counted or sent is one value of this field (an event with two actors is in two lanes).
    /// The hourly counts are by category, so they serve lanes by category only.
    pub lanes_by: Option<Field>,
}

/// What the table answered.
#[derive(Clone, Debug)]
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
    /// The counts asked for by [`Question::whole`]: the range and its bins.
    pub whole: Option<(f64, f64, Vec<u32>)>,
}

/// The range's whole seconds: `[floor(min), ceil(max))`.
fn seconds(question: &Question) -> (i64, i64) {
    let lo = question.min_secs.floor() as i64;
    let hi = (question.max_secs.ceil() as i64).max(lo + 1);
    (lo, hi)
}

/// Hours in seconds.
const HOUR: i64 = 3600;

/// Bins at least this wide are counted from whole hours (an hour spread over at most four
/// bins); narrower ones from the rows.
const HOURLY_BIN: f64 = HOUR as f64 / 4.0;

/// Most time ranges one event query names (nearby ones are joined beyond that).
const MAX_RANGES: usize = 64;

/// The range's whole hours `[h0, h1)` (as hour numbers), if it holds at least one.
fn whole_hours(lo: i64, hi: i64) -> Option<(i64, i64)> {
    let h0 = lo.div_euclid(HOUR) + i64::from(lo.rem_euclid(HOUR) != 0);
    let h1 = hi.div_euclid(HOUR);
    (h0 < h1).then_some((h0, h1))
}

/// The earliest start of an event that overlaps `lo` from before it: an event of at most
/// [`super::table::LONG`] seconds starts at most that long before `lo`; longer ones are in the
/// long-events view, ordered by end.
fn earliest_overlapping(client: &Client, lo: i64, and: &str) -> Result<i64, ClickHouseError> {
    let target = client.target();
    let answer = client.query(&format!(
        "SELECT count(), min(time) FROM {} WHERE time_end >= {lo} AND time < {lo}{and} \
         FORMAT RowBinary",
        target.long_table()
    ))?;
    let mut reader = Reader::new(&answer);
    let bad = |why| answer_error(target, why);
    let long = reader.u64().map_err(bad)?;
    let first = reader.i64().map_err(bad)?;
    let short = lo - super::table::LONG;
    Ok(if long == 0 { short } else { first.min(short) })
}

/// The SQL giving each row's lane key for lanes by `by` (an `arrayJoin` for fields with
/// several values: one row per distinct value, `''` for none).
fn lane_expression(by: Option<Field>, target: &super::Target) -> String {
    let each =
        |values: &str| format!("arrayJoin(arrayDistinct(if(empty({values}), [''], {values})))");
    match by {
        None => "''".to_owned(),
        Some(Field::File) => sql::string(&target.address()),
        Some(Field::Category) => "category".to_owned(),
        Some(Field::Severity) => "severity".to_owned(),
        Some(Field::Actor) => each("actors"),
        Some(Field::Tag) => each("tags"),
        Some(Field::Target) if target.mapping.is_some() => "''".to_owned(),
        Some(Field::Target) => each(&super::filter::target_values()),
    }
}

/// A lane key as the server wrote it: targets are still JSON-escaped.
fn lane_key(by: Option<Field>, raw: &str) -> String {
    if by == Some(Field::Target) {
        serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_owned())
    } else {
        raw.to_owned()
    }
}

/// The condition that a row is in one of `lanes` (lanes by `by`).
fn in_lanes(by: Option<Field>, lanes: &[(String, u64)], target: &super::Target) -> String {
    let keys: std::collections::BTreeSet<String> = lanes.iter().map(|(k, _)| k.clone()).collect();
    match by {
        None | Some(Field::File) => "1".to_owned(),
        Some(field) => {
            super::filter::facet(field, &keys, &target.address(), target.mapping.is_some())
        }
    }
}

/// Reads `(lane, count)` rows.
fn lane_counts(
    client: &Client,
    by: Option<Field>,
    query: &str,
    into: &mut Vec<(String, u64)>,
) -> Result<(), ClickHouseError> {
    let target = client.target();
    let answer = client.query(query)?;
    let mut reader = Reader::new(&answer);
    while !reader.done() {
        let bad = |why| answer_error(target, why);
        let category = lane_key(by, reader.string().map_err(bad)?);
        let count = reader.u64().map_err(bad)?;
        match into.iter_mut().find(|(c, _)| *c == category) {
            Some((_, n)) => *n += count,
            None => into.push((category, count)),
        }
    }
    Ok(())
}

/// Adds `count` to the bins `[first, last]` (clamped to the bins), spread evenly, every one
/// counted.
fn spread(bins: &mut [u32], first: i64, last: i64, count: u64) {
    if bins.is_empty() {
        return;
    }
    let top = i64::try_from(bins.len()).unwrap_or(i64::MAX) - 1;
    let (first, last) = (first.clamp(0, top), last.clamp(0, top));
    let (first, last) = (first as usize, last.max(first) as usize);
    let n = (last - first + 1) as u64;
    for (i, bin) in bins[first..=last].iter_mut().enumerate() {
        let share = count / n + u64::from((i as u64) < count % n);
        *bin = bin.saturating_add(u32::try_from(share).unwrap_or(u32::MAX));
    }
}

/// Time ranges `[start, end)` covering `hours` (sorted hour numbers), at most [`MAX_RANGES`]:
/// neighbours joined, then the closest gaps closed.
fn hour_ranges(hours: &[i64]) -> Vec<(i64, i64)> {
    let mut ranges: Vec<(i64, i64)> = Vec::new();
    for &hour in hours {
        match ranges.last_mut() {
            Some((_, end)) if *end >= hour => *end = (*end).max(hour + 1),
            _ => ranges.push((hour, hour + 1)),
        }
    }
    while ranges.len() > MAX_RANGES {
        let closest = (1..ranges.len())
            .min_by_key(|&i| ranges[i].0 - ranges[i - 1].1)
            .unwrap_or(1);
        ranges[closest - 1].1 = ranges[closest].1;
        ranges.remove(closest);
    }
    ranges
        .into_iter()
        .map(|(a, b)| (a * HOUR, b * HOUR))
        .collect()
}

/// Asks the table: counts per lane (`time` and `time_end` only; whole hours from the hourly
/// counts where the table has them), bins for the lanes over the limit, and the events of the
/// others (`event` read only for them, found through the `(time, id)` order, and with the
/// hourly counts only in the hours where those lanes have events).
pub fn ask(
    client: &Client,
    header: &DatasetPart,
    question: Question,
) -> Result<Answer, ClickHouseError> {
    let target = client.target();
    let table = target.source();
    let hours = target.hours_table();
    let (lo, hi) = seconds(&question);
    let by = question.lanes_by;
    let lane = lane_expression(by, target);
    let rollup = question.rollup
        && by == Some(Field::Category)
        && question
            .condition
            .as_ref()
            .is_none_or(|c| c.categories_only);
    // ` AND (…)` after every condition on the table and its views.
    let and = question
        .condition
        .as_ref()
        .map_or_else(String::new, |c| format!(" AND ({})", c.sql));
    let interior = whole_hours(lo, hi).filter(|_| rollup);
    // Events overlapping the range: starting in it, or before it and ending in or after it.
    // With the long-events view, "before it" has a lower bound, so the time order key prunes.
    let since = if rollup {
        earliest_overlapping(client, lo, &and)?
    } else {
        i64::MIN
    };
    let overlaps = if rollup {
        format!("time >= {since} AND time < {hi} AND time_end >= {lo}{and}")
    } else {
        format!("time < {hi} AND time_end >= {lo}{and}")
    };
    // The rows outside the whole hours (those are counted from the hourly counts).
    let edges = |condition: &str| match interior {
        Some((h0, h1)) => format!(
            "{condition} AND (time < {} OR time >= {})",
            h0 * HOUR,
            h1 * HOUR
        ),
        None => condition.to_owned(),
    };
    let mut lanes = Vec::new();
    if rollup {
        // Events starting in the range: whole hours from the hourly counts, the rest from the
        // rows; events from before it: short ones (at most `LONG`) from the rows just before,
        // long ones from the long-events view. Each event is counted once.
        if let Some((h0, h1)) = interior {
            lane_counts(
                client,
                by,
                &format!(
                    "SELECT category, countMerge(events) FROM {hours} \
                     WHERE hour >= {h0} AND hour < {h1}{and} GROUP BY category FORMAT RowBinary"
                ),
                &mut lanes,
            )?;
        }
        let long = super::table::LONG;
        lane_counts(
            client,
            by,
            &format!(
                "SELECT category, count() FROM {table} WHERE (({}) OR (time >= {} AND \
                 time < {lo} AND time_end >= {lo} AND time_end - time <= {long})){and} \
                 GROUP BY category FORMAT RowBinary",
                edges(&format!("time >= {lo} AND time < {hi}")),
                lo - long
            ),
            &mut lanes,
        )?;
        lane_counts(
            client,
            by,
            &format!(
                "SELECT category, count() FROM {} WHERE time < {lo} AND time_end >= {lo}{and} \
                 GROUP BY category FORMAT RowBinary",
                target.long_table()
            ),
            &mut lanes,
        )?;
    } else {
        lane_counts(
            client,
            by,
            &format!(
                "SELECT {lane} AS lane, count() FROM {table} WHERE {overlaps} GROUP BY lane \
                 FORMAT RowBinary"
            ),
            &mut lanes,
        )?;
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
        let members = in_lanes(by, &dense, target);
        let starts = format!("time >= {lo} AND time < {hi}{and}");
        let hourly = interior.filter(|_| width >= HOURLY_BIN);
        // (category, first bin, last bin, count) rows.
        let mut queries = vec![format!(
            "SELECT {lane} AS lane, toInt64(floor((time - {lo}) / {width:?})) AS bin, bin, \
             count() FROM {table} WHERE {} AND {members} GROUP BY lane, bin \
             FORMAT RowBinary",
            if hourly.is_some() {
                edges(&starts)
            } else {
                starts
            }
        )];
        if let Some((h0, h1)) = hourly {
            queries.push(if width >= HOUR as f64 {
                // An hour's events go to the bin its start is in (at most a bin away).
                format!(
                    "SELECT category, toInt64(floor((hour * {HOUR} - {lo}) / {width:?})) AS bin, \
                     bin, countMerge(events) FROM {hours} WHERE hour >= {h0} AND hour < {h1} \
                     AND category IN ({lanes_in}){and} GROUP BY category, bin FORMAT RowBinary"
                )
            } else {
                // An hour over several bins is spread over them.
                format!(
                    "SELECT category, toInt64(floor((hour * {HOUR} - {lo}) / {width:?})), \
                     toInt64(floor(((hour + 1) * {HOUR} - 1 - {lo}) / {width:?})), \
                     countMerge(events) FROM {hours} WHERE hour >= {h0} AND hour < {h1} \
                     AND category IN ({lanes_in}){and} GROUP BY category, hour FORMAT RowBinary"
                )
            });
        }
        for query in queries {
            let answer = client.query(&query)?;
            let mut reader = Reader::new(&answer);
            while !reader.done() {
                let bad = |why| answer_error(target, why);
                let category = lane_key(by, reader.string().map_err(bad)?);
                let first = reader.i64().map_err(bad)?;
                let last = reader.i64().map_err(bad)?;
                let count = reader.u64().map_err(bad)?;
                if let Some((_, _, bins)) = counted.iter_mut().find(|(c, _, _)| *c == category) {
                    spread(bins, first, last, count);
                }
            }
        }
    }

    let mut texts: Vec<String> = Vec::new();
    if !sparse.is_empty() {
        let total: u64 = sparse.iter().map(|(_, n)| n).sum();
        let lanes_in = in_list(&sparse);
        let members = in_lanes(by, &sparse, target);
        // Where the hourly counts say these lanes have events that reach the range.
        let mut within = String::new();
        if rollup {
            let answer = client.query(&format!(
                "SELECT hour FROM {hours} WHERE category IN ({lanes_in}) AND hour >= {} \
                 AND hour <= {}{and} GROUP BY hour HAVING maxMerge(last) >= {lo} ORDER BY hour \
                 FORMAT RowBinary",
                since.div_euclid(HOUR),
                hi.div_euclid(HOUR)
            ))?;
            let mut reader = Reader::new(&answer);
            let mut found = Vec::new();
            while !reader.done() {
                found.push(reader.i64().map_err(|why| answer_error(target, why))?);
            }
            let ranges: Vec<String> = hour_ranges(&found)
                .into_iter()
                .map(|(a, b)| format!("(time >= {a} AND time < {b})"))
                .collect();
            if !ranges.is_empty() {
                within = format!(" AND ({})", ranges.join(" OR "));
            }
        }
        let answer = client.query(&format!(
            "SELECT {EVENT_COLUMNS} FROM {table} WHERE {overlaps}{within} AND {members} \
             ORDER BY time, id LIMIT {total} FORMAT RowBinary"
        ))?;
        let mut reader = Reader::new(&answer);
        while !reader.done() {
            texts.push(read_event(&mut reader).map_err(|why| answer_error(target, why))?);
        }
    }
    let whole = match question.whole {
        Some(range) => Some(whole_counts(client, range, rollup, &and)?),
        None => None,
    };
    let mut events = events_from(
        target,
        &header_json(header),
        texts.iter().map(String::as_str),
    )
    .map_err(|e| answer_error(target, e.text_in(crate::i18n::Lang::En)))?;
    events.part.info.format = crate::model::Format::ClickHouse;
    Ok(Answer {
        question,
        events,
        counted,
        lanes,
        whole,
    })
}

/// Events starting in each of [`COUNT_BINS`] bins of `(min, max)`, every lane together: from
/// the hourly counts when the bins are wide enough and the condition allows, else the rows.
fn whole_counts(
    client: &Client,
    (min, max): (f64, f64),
    rollup: bool,
    and: &str,
) -> Result<(f64, f64, Vec<u32>), ClickHouseError> {
    let target = client.target();
    let (lo, hi) = seconds(&Question {
        min_secs: min,
        max_secs: max,
        limit: 0,
        rollup,
        condition: None,
        whole: None,
        lanes_by: None,
    });
    let width = (hi - lo) as f64 / COUNT_BINS as f64;
    let query = if rollup && width >= HOUR as f64 {
        format!(
            "SELECT toInt64(floor((hour * {HOUR} - {lo}) / {width:?})) AS bin, bin, \
             countMerge(events) FROM {} WHERE hour >= {} AND hour < {}{and} GROUP BY bin \
             FORMAT RowBinary",
            target.hours_table(),
            lo.div_euclid(HOUR),
            hi.div_euclid(HOUR) + 1
        )
    } else {
        format!(
            "SELECT toInt64(floor((time - {lo}) / {width:?})) AS bin, bin, count() FROM {} \
             WHERE time >= {lo} AND time < {hi}{and} GROUP BY bin FORMAT RowBinary",
            target.source()
        )
    };
    let answer = client.query(&query)?;
    let mut reader = Reader::new(&answer);
    let mut bins = vec![0u32; COUNT_BINS];
    while !reader.done() {
        let bad = |why| answer_error(target, why);
        let first = reader.i64().map_err(bad)?;
        let last = reader.i64().map_err(bad)?;
        let count = reader.u64().map_err(bad)?;
        spread(&mut bins, first, last, count);
    }
    Ok((lo as f64, hi as f64, bins))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_hours_are_inside_the_range() {
        assert_eq!(whole_hours(0, 7200), Some((0, 2)));
        assert_eq!(whole_hours(1, 7200), Some((1, 2)));
        assert_eq!(whole_hours(1, 7199), None);
        assert_eq!(whole_hours(-3601, -1), None);
        assert_eq!(whole_hours(-7200, 1), Some((-2, 0)));
    }

    #[test]
    fn spreading_keeps_every_count() {
        let mut bins = vec![0u32; 8];
        spread(&mut bins, 2, 5, 10);
        assert_eq!(bins, [0, 0, 3, 3, 2, 2, 0, 0]);
        spread(&mut bins, -3, 0, 1);
        spread(&mut bins, 7, 12, 5);
        assert_eq!(bins.iter().sum::<u32>(), 16);
        assert_eq!((bins[0], bins[7]), (1, 5));
    }

    #[test]
    fn hour_ranges_join_neighbours_and_stay_few() {
        assert_eq!(
            hour_ranges(&[3, 4, 5, 9]),
            [(3 * HOUR, 6 * HOUR), (9 * HOUR, 10 * HOUR)]
        );
        let many: Vec<i64> = (0..1000).map(|i| i * 3 + i64::from(i % 7 == 0)).collect();
        let ranges = hour_ranges(&many);
        assert!(ranges.len() <= MAX_RANGES);
        for hour in many {
            assert!(
                ranges
                    .iter()
                    .any(|&(a, b)| a <= hour * HOUR && hour * HOUR < b),
                "hour {hour} is covered"
            );
        }
    }
}
