//! Axis breaks: long empty stretches of time drawn short, so a sparse file (2012, 2013, then
//! nothing until 2019) does not spend most of its width on nothing.
//!
//! The axis coordinate `u` is time with each gap shrunk to a fixed length; inside a gap time maps
//! linearly onto that length, so the mapping is continuous, strictly increasing and invertible
//! (tested). With no gaps `u` is the time itself.

use std::sync::Arc;

use super::lanes::LaneLayout;
use crate::model::Dataset;

/// One collapsed stretch of time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    /// First instant of the stretch.
    pub from_secs: f64,
    /// First instant after it.
    pub to_secs: f64,
    /// How long it is drawn, in seconds of axis.
    pub shown_secs: f64,
}

impl Gap {
    fn removed(&self) -> f64 {
        (self.to_secs - self.from_secs) - self.shown_secs
    }
}

/// The gaps of an axis, sorted and disjoint. Cheap to clone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AxisBreaks {
    gaps: Arc<[Gap]>,
}

/// A stretch with no event is collapsed when it is longer than this fraction of the data's extent.
pub const MIN_GAP_FRACTION: f64 = 0.12;
/// What a collapsed stretch is drawn as, as a fraction of the data's extent.
pub const SHOWN_GAP_FRACTION: f64 = 0.025;

impl AxisBreaks {
    /// No breaks.
    pub fn none() -> Self {
        Self::default()
    }

    /// Breaks from gaps (dropped if empty, reversed, overlapping or not finite).
    pub fn new(mut gaps: Vec<Gap>) -> Self {
        gaps.retain(|g| {
            g.from_secs.is_finite()
                && g.to_secs.is_finite()
                && g.shown_secs.is_finite()
                && g.shown_secs > 0.0
                && g.to_secs - g.from_secs > g.shown_secs
        });
        gaps.sort_by(|a, b| a.from_secs.total_cmp(&b.from_secs));
        let mut kept: Vec<Gap> = Vec::with_capacity(gaps.len());
        for gap in gaps {
            if kept.last().is_none_or(|last| gap.from_secs >= last.to_secs) {
                kept.push(gap);
            }
        }
        Self { gaps: kept.into() }
    }

    /// The stretches between the shown events longer than [`MIN_GAP_FRACTION`] of their extent.
    pub fn find(dataset: &Dataset, layout: &LaneLayout) -> Self {
        let mut covered: Vec<(f64, f64)> = dataset
            .events
            .iter()
            .zip(&layout.placement)
            .filter(|&(_, &place)| place != super::lanes::NOT_SHOWN)
            .map(|(e, _)| layout.span(e))
            .collect();
        covered.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (Some(first), Some(last)) = (
            covered.first().map(|c| c.0),
            covered.iter().map(|c| c.1).reduce(f64::max),
        ) else {
            return Self::none();
        };
        let extent = last - first;
        if !(extent.is_finite() && extent > 0.0) {
            return Self::none();
        }
        let mut gaps = Vec::new();
        let mut reach = first;
        for (start, end) in covered {
            if start - reach > extent * MIN_GAP_FRACTION {
                // Keep a little margin on both sides so marks at the edges stay clear of the break.
                let margin = extent * 0.01;
                gaps.push(Gap {
                    from_secs: reach + margin,
                    to_secs: start - margin,
                    shown_secs: extent * SHOWN_GAP_FRACTION,
                });
            }
            reach = reach.max(end);
        }
        Self::new(gaps)
    }

    /// The gaps, in time order.
    pub fn gaps(&self) -> &[Gap] {
        &self.gaps
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.gaps.is_empty()
    }

    /// Axis coordinate of a time.
    pub fn to_axis(&self, secs: f64) -> f64 {
        let mut removed = 0.0;
        for gap in self.gaps.iter() {
            if secs <= gap.from_secs {
                break;
            }
            if secs < gap.to_secs {
                let fraction = (secs - gap.from_secs) / (gap.to_secs - gap.from_secs);
                return gap.from_secs - removed + fraction * gap.shown_secs;
            }
            removed += gap.removed();
        }
        secs - removed
    }

    /// Time at an axis coordinate (the inverse of [`AxisBreaks::to_axis`]).
    pub fn from_axis(&self, u: f64) -> f64 {
        let mut removed = 0.0;
        for gap in self.gaps.iter() {
            let gap_u = gap.from_secs - removed;
            if u <= gap_u {
                break;
            }
            if u < gap_u + gap.shown_secs {
                let fraction = (u - gap_u) / gap.shown_secs;
                return gap.from_secs + fraction * (gap.to_secs - gap.from_secs);
            }
            removed += gap.removed();
        }
        u + removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const YEAR: f64 = 31_556_952.0;

    fn sample() -> AxisBreaks {
        AxisBreaks::new(vec![
            Gap {
                from_secs: 44.0 * YEAR,
                to_secs: 49.0 * YEAR,
                shown_secs: 0.3 * YEAR,
            },
            Gap {
                from_secs: 20.0 * YEAR,
                to_secs: 30.0 * YEAR,
                shown_secs: YEAR,
            },
        ])
    }

    #[test]
    fn outside_gaps_time_moves_one_for_one_and_gaps_are_short() {
        let breaks = sample();
        assert_eq!(breaks.gaps().len(), 2, "sorted and kept");
        assert_eq!(breaks.to_axis(10.0 * YEAR), 10.0 * YEAR);
        let before = breaks.to_axis(20.0 * YEAR);
        let after = breaks.to_axis(30.0 * YEAR);
        assert!(
            (after - before - YEAR).abs() < 1e-3,
            "ten years drawn as one"
        );
        let a = breaks.to_axis(32.0 * YEAR);
        assert!((a - after - 2.0 * YEAR).abs() < 1e-3);
        assert!(AxisBreaks::none().to_axis(5.0) == 5.0);
    }

    #[test]
    fn overlapping_and_broken_gaps_are_dropped() {
        let breaks = AxisBreaks::new(vec![
            Gap {
                from_secs: 0.0,
                to_secs: 10.0,
                shown_secs: 1.0,
            },
            Gap {
                from_secs: 5.0,
                to_secs: 20.0,
                shown_secs: 1.0,
            },
            Gap {
                from_secs: 30.0,
                to_secs: f64::NAN,
                shown_secs: 1.0,
            },
            Gap {
                from_secs: 40.0,
                to_secs: 41.0,
                shown_secs: 5.0,
            },
        ]);
        assert_eq!(breaks.gaps().len(), 1);
    }

    proptest! {
        #[test]
        fn mapping_is_monotonic_and_round_trips(a in -80.0f64..80.0, b in -80.0f64..80.0) {
            let breaks = sample();
            let (a, b) = (a * YEAR, b * YEAR);
            let (ua, ub) = (breaks.to_axis(a), breaks.to_axis(b));
            if a < b {
                prop_assert!(ua < ub);
            }
            prop_assert!((breaks.from_axis(ua) - a).abs() <= 1e-6 * YEAR);
            prop_assert!((breaks.to_axis(breaks.from_axis(ub)) - ub).abs() <= 1e-6 * YEAR);
        }
    }
}
