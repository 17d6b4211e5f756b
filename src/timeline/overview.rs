//! The overview strip: the whole data range at a glance, as counts of events starting in each
//! bin, and where the current window lies in it. Counted from the lane indexes (two binary searches
//! per bin and lane), so its cost does not grow with the number of events.

use super::breaks::AxisBreaks;
use super::lanes::LaneLayout;

/// Counts per bin over a range, and the range itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    /// First instant of the strip.
    pub min_secs: f64,
    /// Last instant of the strip.
    pub max_secs: f64,
    /// Events starting in each bin (bins are equal in axis coordinates, so breaks stay short).
    pub counts: Vec<u32>,
    /// The largest count.
    pub max_count: u32,
}

/// Counts the shown events (each copy in a multi-valued lane counts) starting in each of `bins`
/// equal stretches of `[min_secs, max_secs)`, measured on the axis with `breaks`.
pub fn overview(
    layout: &LaneLayout,
    min_secs: f64,
    max_secs: f64,
    bins: usize,
    breaks: &AxisBreaks,
) -> Overview {
    let bins = bins.clamp(1, 100_000);
    let mut counts = vec![0u32; bins];
    let (u0, u1) = (breaks.to_axis(min_secs), breaks.to_axis(max_secs));
    if u0.is_nan() || u1.is_nan() || u1 <= u0 {
        return Overview {
            min_secs,
            max_secs,
            counts,
            max_count: 0,
        };
    }
    let edge = |i: usize| {
        if i == bins {
            max_secs
        } else {
            breaks.from_axis(u0 + (u1 - u0) * i as f64 / bins as f64)
        }
    };
    for index in layout.index.iter().flatten() {
        let mut previous = index.starts.partition_point(|&s| s < min_secs);
        for (i, count) in counts.iter_mut().enumerate() {
            let to = edge(i + 1);
            let next = index.first_not_before(previous, to);
            *count = count.saturating_add(u32::try_from(next - previous).unwrap_or(u32::MAX));
            previous = next;
        }
    }
    let max_count = counts.iter().copied().max().unwrap_or(0);
    Overview {
        min_secs,
        max_secs,
        counts,
        max_count,
    }
}

/// Adds counts made elsewhere (a table's server) in `counts.len()` equal bins of
/// `[min_secs, max_secs)` to `strip`: each bin's events go to the strip bin its middle falls in.
pub fn add_binned(
    strip: &mut Overview,
    (min_secs, max_secs): (f64, f64),
    counts: &[u32],
    breaks: &AxisBreaks,
) {
    let bins = strip.counts.len();
    let (u0, u1) = (
        breaks.to_axis(strip.min_secs),
        breaks.to_axis(strip.max_secs),
    );
    if bins == 0 || counts.is_empty() || u0.is_nan() || u1.is_nan() || u1 <= u0 {
        return;
    }
    let width = (max_secs - min_secs) / counts.len() as f64;
    for (i, &count) in counts.iter().enumerate() {
        let middle = min_secs + (i as f64 + 0.5) * width;
        if count == 0 || middle < strip.min_secs || middle >= strip.max_secs {
            continue;
        }
        let at = ((breaks.to_axis(middle) - u0) / (u1 - u0) * bins as f64).floor();
        if let Some(bin) = strip.counts.get_mut((at.max(0.0) as usize).min(bins - 1)) {
            *bin = bin.saturating_add(count);
        }
    }
    strip.max_count = strip.counts.iter().copied().max().unwrap_or(0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, Filter};
    use crate::timeline::lanes;

    #[test]
    fn counts_from_elsewhere_land_in_their_bins() {
        let mut strip = Overview {
            min_secs: 0.0,
            max_secs: 100.0,
            counts: vec![0; 10],
            max_count: 0,
        };
        // 20 bins of 5 s from 50 s: half of them before the strip's end.
        let counts: Vec<u32> = (1..=20).collect();
        add_binned(&mut strip, (50.0, 150.0), &counts, &AxisBreaks::none());
        assert_eq!(strip.counts[..5], [0; 5]);
        assert_eq!(strip.counts[5..], [1 + 2, 3 + 4, 5 + 6, 7 + 8, 9 + 10]);
        assert_eq!(strip.max_count, 19);
    }

    #[test]
    fn counts_add_up_to_the_events_in_range() {
        let events: Vec<Event> = (0..500)
            .map(|i| {
                let year = 1990 + (i * 7919) % 35;
                let month = 1 + (i * 31) % 12;
                let mut e = Event::new(
                    format!("e{i}"),
                    "x",
                    format!("{year}-{month:02}").parse().unwrap(),
                );
                e.category = Some(["a", "b", "c"][i % 3].to_owned());
                e
            })
            .collect();
        let dataset = crate::model::Dataset::of_events("t", events);
        let layout = lanes::by_category(&dataset, &Filter::default());
        let (min, max) = dataset.extent_secs().unwrap();
        let strip = overview(&layout, min, max + 1.0, 97, &AxisBreaks::none());
        assert_eq!(strip.counts.iter().map(|&c| c as usize).sum::<usize>(), 500);
        assert_eq!(strip.max_count, *strip.counts.iter().max().unwrap());
        let breaks = AxisBreaks::find(&dataset, &layout);
        let broken = overview(&layout, min, max + 1.0, 50, &breaks);
        assert_eq!(
            broken.counts.iter().map(|&c| c as usize).sum::<usize>(),
            500
        );
        let half = overview(
            &layout,
            min,
            f64::midpoint(min, max),
            10,
            &AxisBreaks::none(),
        );
        let expected = dataset
            .events
            .iter()
            .filter(|e| e.start_secs() < f64::midpoint(min, max))
            .count();
        assert_eq!(
            half.counts.iter().map(|&c| c as usize).sum::<usize>(),
            expected
        );
    }
}
