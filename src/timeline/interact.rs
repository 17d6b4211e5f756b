//! What the pointer does to the timeline, as plain functions the canvas calls: zoom at the
//! pointer, the overview strip's grips, and where a dragged lane lands. No egui: the canvas reads
//! input, calls these, and pushes commands with what they return.

use super::breaks::AxisBreaks;
use super::scene::LaneBand;
use super::view::{TimeAxis, TimeView};

/// How far one point of vertical wheel scrolling zooms (`e^(0.004)` per point).
const ZOOM_PER_SCROLL_POINT: f64 = 0.004;

/// The zoom factor of one frame's input: a pinch's factor times the vertical wheel's.
pub fn zoom_factor(pinch: f64, scroll_y_points: f64) -> f64 {
    pinch * (scroll_y_points * ZOOM_PER_SCROLL_POINT).exp()
}

/// The view after zooming by `factor` around `pointer_x` and panning by `pan_x` points (a
/// horizontal wheel), both on the axis coordinate, so the time under the pointer stays there even
/// with breaks.
pub fn zoomed_at(axis: &TimeAxis, pointer_x: f64, factor: f64, pan_x: f64) -> TimeView {
    let breaks = axis.breaks();
    let view = axis.view();
    let view_u = TimeView::from_min_max(
        breaks.to_axis(view.min_secs),
        breaks.to_axis(view.max_secs()),
    );
    let anchor_u = breaks.to_axis(axis.secs_from_x(pointer_x));
    let zoomed = view_u
        .zoomed(anchor_u, factor)
        .panned(-pan_x * axis.secs_per_x());
    view_from_axis(breaks, zoomed.min_secs, zoomed.max_secs())
}

/// The view whose edges lie at `min_u` and `max_u` on the axis coordinate.
pub fn view_from_axis(breaks: &AxisBreaks, min_u: f64, max_u: f64) -> TimeView {
    TimeView::from_min_max(breaks.from_axis(min_u), breaks.from_axis(max_u))
}

/// The view's edges on the axis coordinate.
pub fn axis_from_view(breaks: &AxisBreaks, view: TimeView) -> (f64, f64) {
    (
        breaks.to_axis(view.min_secs),
        breaks.to_axis(view.max_secs()),
    )
}

/// Whether two views differ by more than rounding.
pub fn views_differ(a: TimeView, b: TimeView) -> bool {
    let tolerance = a.span_secs.max(b.span_secs) * 1e-9;
    (a.min_secs - b.min_secs).abs() > tolerance || (a.span_secs - b.span_secs).abs() > tolerance
}

/// The range the overview strip covers: the data and the window, whichever reaches further,
/// with 1 % to spare on each side. Where the window reaches past the data, the range grows in
/// steps of a thirty-second of the data's span, so panning a little does not move the strip
/// (nor make it count its bins again every frame).
pub fn overview_range((data_min, data_max): (f64, f64), view: TimeView) -> (f64, f64) {
    let step = (data_max - data_min).max(1.0) / 32.0;
    let beyond = |by: f64| {
        if by > 0.0 {
            (by / step).ceil() * step
        } else {
            0.0
        }
    };
    let min = data_min - beyond(data_min - view.min_secs);
    let max = data_max + beyond(view.max_secs() - data_max);
    let pad = (max - min) * 0.01;
    (min - pad, max + pad)
}

/// The part of the overview's window a drag holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grip {
    /// The left edge: dragging resizes.
    Left,
    /// The right edge: dragging resizes.
    Right,
    /// The window itself (or anywhere else): dragging moves it.
    Move,
}

/// How close to an edge (points) a press takes that edge.
const GRIP_PX: f64 = 5.0;

impl Grip {
    /// What a press at `x` takes hold of, with the window drawn from `x0` to `x1`.
    pub fn at(x: f64, (x0, x1): (f64, f64)) -> Self {
        if (x - x0).abs() <= GRIP_PX {
            Self::Left
        } else if (x - x1).abs() <= GRIP_PX {
            Self::Right
        } else {
            Self::Move
        }
    }

    /// The view after dragging this part by `dx` points, the window drawn from `x0` to `x1` on
    /// the strip's `axis`.
    pub fn dragged(
        self,
        axis: &TimeAxis,
        view: TimeView,
        (x0, x1): (f64, f64),
        dx: f64,
    ) -> TimeView {
        let at = |x: f64| axis.secs_from_x(x);
        match self {
            Self::Left => TimeView::from_min_max(at(x0 + dx), view.max_secs()),
            Self::Right => TimeView::from_min_max(view.min_secs, at(x1 + dx)),
            Self::Move => TimeView::from_min_max(at(x0 + dx), at(x1 + dx)),
        }
    }
}

/// Where lane `from`, dropped at `y`, goes: the position it takes in the new order, or `None` if
/// it stays where it is.
pub fn lane_drop(lanes: &[LaneBand], from: usize, y: f64) -> Option<usize> {
    let to = lanes
        .iter()
        .position(|b| y < f64::midpoint(b.y0, b.y1))
        .unwrap_or(lanes.len());
    let to = if to > from { to - 1 } else { to };
    (to != from).then_some(to)
}

/// The lane boundary nearest to `y`, where a dragged lane would land.
pub fn drop_line_y(lanes: &[LaneBand], y: f64) -> Option<f64> {
    lanes
        .iter()
        .map(|b| b.y0)
        .chain(lanes.last().map(|b| b.y1))
        .min_by(|a, b| (a - y).abs().total_cmp(&(b - y).abs()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::breaks::Gap;

    const YEAR: f64 = 365.25 * 86_400.0;

    #[test]
    fn zoom_keeps_the_time_under_the_pointer_with_and_without_breaks() {
        let view = TimeView::from_min_max(0.0, 20.0 * YEAR);
        let broken = AxisBreaks::new(vec![Gap {
            from_secs: 2.0 * YEAR,
            to_secs: 15.0 * YEAR,
            shown_secs: YEAR,
        }]);
        for breaks in [AxisBreaks::none(), broken] {
            let axis = TimeAxis::with_breaks(view, 100.0, 1000.0, breaks.clone());
            for pointer in [150.0, 480.0, 1000.0] {
                let under = axis.secs_from_x(pointer);
                let zoomed = zoomed_at(&axis, pointer, 4.0, 0.0);
                assert!(zoomed.span_secs < view.span_secs);
                let after = TimeAxis::with_breaks(zoomed, 100.0, 1000.0, breaks.clone());
                assert!(
                    (after.x_from_secs(under) - pointer).abs() < 1e-6,
                    "{pointer}"
                );
            }
        }
    }

    #[test]
    fn a_horizontal_wheel_pans_by_what_lies_under_the_points_scrolled() {
        let view = TimeView::from_min_max(0.0, 1000.0 * 86_400.0);
        let axis = TimeAxis::new(view, 0.0, 1000.0);
        let panned = zoomed_at(&axis, 500.0, 1.0, -100.0);
        assert!((panned.min_secs - 100.0 * 86_400.0).abs() < 1e-3);
        assert!((panned.span_secs - view.span_secs).abs() < 1e-3);
        assert_eq!(zoom_factor(1.0, 0.0), 1.0);
        assert!(zoom_factor(1.0, 50.0) > 1.0 && zoom_factor(1.0, -50.0) < 1.0);
        assert_eq!(zoom_factor(2.0, 0.0), 2.0);
    }

    #[test]
    fn the_overview_grips_resize_by_the_edges_and_move_by_the_middle() {
        let axis = TimeAxis::new(TimeView::from_min_max(0.0, 1000.0), 0.0, 100.0);
        let view = TimeView::from_min_max(200.0, 400.0);
        let window = (20.0, 40.0);
        assert_eq!(Grip::at(22.0, window), Grip::Left);
        assert_eq!(Grip::at(37.0, window), Grip::Right);
        assert_eq!(Grip::at(30.0, window), Grip::Move);
        assert_eq!(Grip::at(90.0, window), Grip::Move);
        let left = Grip::Left.dragged(&axis, view, window, -10.0);
        assert_eq!((left.min_secs, left.max_secs()), (100.0, 400.0));
        let right = Grip::Right.dragged(&axis, view, window, 10.0);
        assert_eq!((right.min_secs, right.max_secs()), (200.0, 500.0));
        let moved = Grip::Move.dragged(&axis, view, window, 5.0);
        assert_eq!((moved.min_secs, moved.max_secs()), (250.0, 450.0));
        let (min, max) = overview_range((0.0, 100.0), TimeView::from_min_max(50.0, 300.0));
        assert!(min < 0.0 && max > 300.0);
        // Panning a little past the data keeps the strip where it is; the data and the window
        // always fit.
        let at =
            |from: f64| overview_range((0.0, 3200.0), TimeView::from_min_max(from, from + 3200.0));
        assert_eq!(at(10.0), at(60.0));
        for from in [-5000.0, -10.0, 0.0, 10.0, 99.0, 101.0, 4000.0] {
            let (min, max) = at(from);
            assert!(
                min < 0.0_f64.min(from) && max > 3200.0_f64.max(from + 3200.0),
                "{from}"
            );
        }
        let inside = overview_range((0.0, 3200.0), TimeView::from_min_max(100.0, 200.0));
        assert_eq!(inside, (-32.0, 3232.0));
    }

    #[test]
    fn a_lane_dropped_lands_between_the_lanes_it_was_dropped_between() {
        let band = |y0: f64| LaneBand {
            header_y: y0,
            y0,
            y1: y0 + 100.0,
            label: String::new(),
            category: None,
        };
        let lanes = [band(0.0), band(100.0), band(200.0)];
        assert_eq!(
            lane_drop(&lanes, 0, 260.0),
            Some(2),
            "below the last lane's middle"
        );
        assert_eq!(lane_drop(&lanes, 0, 160.0), Some(1));
        assert_eq!(lane_drop(&lanes, 0, 40.0), None, "dropped on itself");
        assert_eq!(lane_drop(&lanes, 2, 10.0), Some(0));
        assert_eq!(drop_line_y(&lanes, 190.0), Some(200.0));
        assert_eq!(drop_line_y(&lanes, 290.0), Some(300.0));
        assert_eq!(drop_line_y(&[], 10.0), None);
    }
}
