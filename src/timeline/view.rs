//! The visible time window and the time ↔ screen-x mapping. No egui, no clock, no IO.

use super::breaks::AxisBreaks;
use crate::model::civil::SECS_PER_YEAR_APPROX;

/// Narrowest window: one millisecond (sub-second sources such as Plaso exist).
pub const MIN_SPAN_SECS: f64 = 1e-3;
/// Widest window: 30 billion years (`TimelineJS` cosmological files start 13.8 billion years ago).
pub const MAX_SPAN_SECS: f64 = 3.0e10 * SECS_PER_YEAR_APPROX;
/// The left edge never goes beyond ±this (a little more than the model's year range).
pub const MAX_ABS_SECS: f64 = 1.2e11 * SECS_PER_YEAR_APPROX;

/// A window on time: left edge and width, seconds since 1970-01-01 UTC.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TimeView {
    /// Left edge.
    pub min_secs: f64,
    /// Width, within [`MIN_SPAN_SECS`]`..=`[`MAX_SPAN_SECS`].
    pub span_secs: f64,
}

impl Default for TimeView {
    /// 2000–2030, a sensible window before anything is loaded.
    fn default() -> Self {
        Self::from_min_max(946_684_800.0, 1_893_456_000.0)
    }
}

impl TimeView {
    /// A view from its edges; non-finite or reversed input is repaired, never propagated.
    pub fn from_min_max(min_secs: f64, max_secs: f64) -> Self {
        let (lo, hi) = if min_secs <= max_secs {
            (min_secs, max_secs)
        } else {
            (max_secs, min_secs)
        };
        if !(lo.is_finite() && hi.is_finite()) {
            return Self {
                min_secs: 946_684_800.0,
                span_secs: 946_771_200.0,
            };
        }
        let span_secs = (hi - lo).clamp(MIN_SPAN_SECS, MAX_SPAN_SECS);
        let center = f64::midpoint(lo, hi);
        Self {
            min_secs: center - span_secs / 2.0,
            span_secs,
        }
        .clamped()
    }

    /// The view that shows `[min_secs, max_secs)` with `margin` (a fraction of the span) on each side.
    pub fn fitting(min_secs: f64, max_secs: f64, margin: f64) -> Self {
        let span = (max_secs - min_secs).max(MIN_SPAN_SECS * 10.0);
        let pad = span * margin.clamp(0.0, 1.0);
        Self::from_min_max(min_secs - pad, max_secs + pad)
    }

    /// The view kept near data covering `extent` (first start, last end): at most three times
    /// as wide as the data (a year for data of one instant) and never wholly beside it, so
    /// zooming out or panning away always leaves the data in sight.
    #[must_use]
    pub fn near(self, (lo, hi): (f64, f64)) -> Self {
        if !(lo.is_finite() && hi.is_finite()) || hi < lo {
            return self;
        }
        let widest = ((hi - lo) * 3.0).max(SECS_PER_YEAR_APPROX);
        let span_secs = self.span_secs.min(widest);
        // Out as far as it goes, the data sits in the middle.
        let center = if self.span_secs > widest {
            f64::midpoint(lo, hi)
        } else {
            self.center_secs()
                .clamp(lo - span_secs / 2.0, hi + span_secs / 2.0)
        };
        if span_secs == self.span_secs && center == self.center_secs() {
            return self;
        }
        Self {
            min_secs: center - span_secs / 2.0,
            span_secs,
        }
        .clamped()
    }

    /// Right edge.
    pub fn max_secs(&self) -> f64 {
        self.min_secs + self.span_secs
    }

    /// The view a fraction `t` (0…1) of the way from `self` to `to`, for animated zooms: the
    /// width moves geometrically (a zoom feels even at every scale) and the centre linearly, with
    /// ease-in-out timing. `t = 0` is `self` and `t = 1` is exactly `to`.
    #[must_use]
    pub fn interpolate(self, to: Self, t: f64) -> Self {
        if t >= 1.0 || t.is_nan() {
            return to;
        }
        if t <= 0.0 {
            return self;
        }
        let eased = t * t * (3.0 - 2.0 * t);
        let span = self.span_secs * (to.span_secs / self.span_secs).powf(eased);
        let centre = |v: Self| v.min_secs + v.span_secs / 2.0;
        let mid = centre(self) + (centre(to) - centre(self)) * eased;
        Self::from_min_max(mid - span / 2.0, mid + span / 2.0)
    }

    /// Centre.
    pub fn center_secs(&self) -> f64 {
        self.min_secs + self.span_secs / 2.0
    }

    fn clamped(self) -> Self {
        let span_secs = if self.span_secs.is_finite() {
            self.span_secs.clamp(MIN_SPAN_SECS, MAX_SPAN_SECS)
        } else {
            MAX_SPAN_SECS
        };
        let min_secs = if self.min_secs.is_finite() {
            self.min_secs
        } else {
            0.0
        };
        Self {
            min_secs: min_secs.clamp(-MAX_ABS_SECS, MAX_ABS_SECS - span_secs),
            span_secs,
        }
    }

    /// Zooms by `factor` (> 1 zooms in), keeping `anchor_secs` at the same screen x.
    #[must_use]
    pub fn zoomed(self, anchor_secs: f64, factor: f64) -> Self {
        if !(factor.is_finite() && factor > 0.0 && anchor_secs.is_finite()) {
            return self;
        }
        let span_secs = (self.span_secs / factor).clamp(MIN_SPAN_SECS, MAX_SPAN_SECS);
        let anchor_fraction = (anchor_secs - self.min_secs) / self.span_secs;
        Self {
            min_secs: anchor_secs - anchor_fraction * span_secs,
            span_secs,
        }
        .clamped()
    }

    /// Moves the window by `delta_secs` (positive: later).
    #[must_use]
    pub fn panned(self, delta_secs: f64) -> Self {
        if !delta_secs.is_finite() {
            return self;
        }
        Self {
            min_secs: self.min_secs + delta_secs,
            ..self
        }
        .clamped()
    }
}

/// A [`TimeView`] laid onto a screen range, through the axis breaks if any; rebuilt every frame.
/// `f64` x on purpose: zoomed-in ranges put far events millions of points off screen.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeAxis {
    view: TimeView,
    left_x: f64,
    width_x: f64,
    breaks: AxisBreaks,
    /// The view's edges in axis coordinates.
    u_min: f64,
    u_span: f64,
}

impl TimeAxis {
    /// `view` drawn from `left_x` over `width_x` points (at least one point).
    pub fn new(view: TimeView, left_x: f64, width_x: f64) -> Self {
        Self::with_breaks(view, left_x, width_x, AxisBreaks::none())
    }

    /// Like [`TimeAxis::new`], with long empty stretches drawn short.
    pub fn with_breaks(view: TimeView, left_x: f64, width_x: f64, breaks: AxisBreaks) -> Self {
        let u_min = breaks.to_axis(view.min_secs);
        let u_span = (breaks.to_axis(view.max_secs()) - u_min).max(f64::MIN_POSITIVE);
        Self {
            view,
            left_x,
            width_x: if width_x.is_finite() {
                width_x.max(1.0)
            } else {
                1.0
            },
            breaks,
            u_min,
            u_span,
        }
    }

    /// The view.
    pub fn view(&self) -> TimeView {
        self.view
    }

    /// The breaks.
    pub fn breaks(&self) -> &AxisBreaks {
        &self.breaks
    }

    /// Screen x of a time.
    pub fn x_from_secs(&self, secs: f64) -> f64 {
        self.left_x + (self.breaks.to_axis(secs) - self.u_min) / self.u_span * self.width_x
    }

    /// Time at a screen x.
    pub fn secs_from_x(&self, x: f64) -> f64 {
        self.breaks
            .from_axis(self.u_min + (x - self.left_x) / self.width_x * self.u_span)
    }

    /// Seconds per point, where there is no break.
    pub fn secs_per_x(&self) -> f64 {
        self.u_span / self.width_x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_out_and_panning_away_stop_with_the_data_in_sight() {
        let year = SECS_PER_YEAR_APPROX;
        // Data of 2012–2025 (about 13 years from 1970 + 42).
        let extent = (42.0 * year, 55.0 * year);
        let far_out = TimeView::from_min_max(-100.0 * year, 300.0 * year).near(extent);
        assert!((far_out.span_secs - 39.0 * year).abs() < 1.0, "{far_out:?}");
        let mid = f64::midpoint(extent.0, extent.1);
        assert!((far_out.center_secs() - mid).abs() < 1.0);
        // Panned far to the right: the data's end stays at the left edge at most.
        let away = TimeView::from_min_max(200.0 * year, 205.0 * year).near(extent);
        assert!(away.min_secs <= extent.1 + 1.0 && away.max_secs() > extent.1);
        // A view already near the data is left alone, bit for bit.
        let near = TimeView::from_min_max(50.0 * year, 51.0 * year);
        assert_eq!(near.near(extent), near);
        // One instant of data: a year either way.
        let one = TimeView::from_min_max(0.0, 1e12).near((1e9, 1e9));
        assert!((one.span_secs - year).abs() < 1.0);
    }

    const YEAR_SECS: f64 = SECS_PER_YEAR_APPROX;

    #[test]
    fn zoom_keeps_the_anchor_under_the_pointer() {
        let view = TimeView::from_min_max(30.0 * YEAR_SECS, 50.0 * YEAR_SECS);
        let before = TimeAxis::new(view, 100.0, 1000.0);
        let anchor_secs = before.secs_from_x(400.0);
        let after = TimeAxis::new(view.zoomed(anchor_secs, 8.0), 100.0, 1000.0);
        assert!((after.x_from_secs(anchor_secs) - 400.0).abs() < 1e-6);
    }

    #[test]
    fn zoom_in_then_out_and_pan_there_and_back_round_trip() {
        let view = TimeView::from_min_max(1.3e9, 1.7e9);
        let anchor = 1.62e9;
        let back = view.zoomed(anchor, 7.5).zoomed(anchor, 1.0 / 7.5);
        assert!((back.min_secs - view.min_secs).abs() < 1e-3);
        assert!((back.span_secs - view.span_secs).abs() < 1e-3);
        let moved = view.panned(12_345.0).panned(-12_345.0);
        assert!((moved.min_secs - view.min_secs).abs() < 1e-6);
        let axis = TimeAxis::new(view, 0.0, 800.0);
        for x in [0.0, 1.0, 399.5, 800.0] {
            assert!((axis.x_from_secs(axis.secs_from_x(x)) - x).abs() < 1e-6);
        }
    }

    #[test]
    fn spans_are_clamped_and_bad_numbers_are_repaired() {
        let view = TimeView::from_min_max(0.0, 1.0);
        assert_eq!(view.zoomed(0.5, 1e9).span_secs, MIN_SPAN_SECS);
        assert_eq!(view.zoomed(0.5, 1e-30).span_secs, MAX_SPAN_SECS);
        assert_eq!(view.zoomed(f64::NAN, 2.0), view);
        assert_eq!(view.zoomed(0.5, f64::INFINITY), view);
        assert_eq!(view.panned(f64::NAN), view);
        let huge = view.panned(1e300);
        assert!(huge.max_secs() <= MAX_ABS_SECS && huge.min_secs.is_finite());
        let nan = TimeView::from_min_max(f64::NAN, 3.0);
        assert!(nan.min_secs.is_finite() && nan.span_secs > 0.0);
        let reversed = TimeView::from_min_max(10.0, 0.0);
        assert_eq!(reversed.min_secs, 0.0);
    }

    #[test]
    fn interpolation_starts_and_ends_exactly_and_zooms_monotonically() {
        let year = TimeView::from_min_max(1.6e9, 1.6e9 + 3.15e7);
        let decade = TimeView::from_min_max(1.3e9, 1.3e9 + 3.15e8);
        assert_eq!(year.interpolate(decade, 0.0), year);
        assert_eq!(year.interpolate(decade, 1.0), decade);
        let mut last = year.span_secs;
        for step in 1..=20 {
            let view = year.interpolate(decade, f64::from(step) / 20.0);
            assert!(view.span_secs >= last, "step {step}");
            assert!(view.span_secs.is_finite() && view.min_secs.is_finite());
            last = view.span_secs;
        }
        assert_eq!(year.interpolate(decade, f64::NAN), decade);
    }
}
