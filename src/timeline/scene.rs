//! `Scene = f(dataset, lanes, view, size, measure_text)`: everything the window and the exports draw,
//! already culled to the view, aggregated where events crowd, and with labels placed where they fit.
//!
//! Coordinates are points relative to the top-left of the timeline area; x grows with time.

use super::breaks::AxisBreaks;
use super::lanes::LaneLayout;
use super::ticks::Tick;
use super::view::{TimeAxis, TimeView};
use crate::model::{Dataset, EventIdx, LinkKind};

/// Sizes of the parts of the timeline, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SceneStyle {
    /// Height of one row of events.
    pub row_height: f64,
    /// Height of the strip naming a lane, above its rows.
    pub lane_header: f64,
    /// Height of the strip naming periods, at the top.
    pub period_header: f64,
    /// Radius of a point marker.
    pub marker_radius: f64,
    /// Height of a span bar.
    pub bar_height: f64,
    /// Points closer than this (centre to centre) merge into a cluster.
    pub cluster_distance: f64,
    /// Room kept free of labels at the right edge (for a scroll bar drawn over the area).
    pub right_inset: f64,
}

impl Default for SceneStyle {
    fn default() -> Self {
        Self {
            row_height: 26.0,
            lane_header: 18.0,
            period_header: 20.0,
            marker_radius: 5.0,
            bar_height: 16.0,
            cluster_distance: 6.0,
            right_inset: 0.0,
        }
    }
}

/// How a mark is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkShape {
    /// A marker at one instant (the period is narrower than a few points).
    Point,
    /// A solid bar from start to end.
    Span,
    /// A pale bar: a point event whose date is only a month or a year, drawn as that whole period.
    Partial,
}

/// One event on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The event.
    pub event: EventIdx,
    /// Left edge (point: centre), may lie off screen.
    pub x0: f64,
    /// Right edge (point: centre).
    pub x1: f64,
    /// Vertical centre of its row.
    pub y: f64,
    /// How to draw it.
    pub shape: MarkShape,
    /// Category index for the colour.
    pub category: Option<usize>,
    /// The date is uncertain.
    pub circa: bool,
    /// x of the event's second date (its disclosure, or when it happened when placed by its
    /// disclosure), drawn joined to the mark; labels keep clear of it.
    pub second_x: Option<f64>,
}

/// What a cluster gathers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClusterKind {
    /// Points too close together to draw apart.
    Points,
    /// Spans that cover the whole view: one bar, "N under way".
    UnderWay,
}

/// Several events drawn as one mark with their exact count.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Vertical centre of its row.
    pub y: f64,
    /// Exactly how many events it stands for.
    pub count: usize,
    /// Its members, in time order.
    pub members: Vec<EventIdx>,
    /// Category index of the lane.
    pub category: Option<usize>,
    /// What it gathers.
    pub kind: ClusterKind,
}

/// A lane's note of the events in view that no label names: those with no room in its rows and
/// those drawn without a label. Drawn at the right of the lane's header as "+N more".
#[derive(Clone, Debug, PartialEq)]
pub struct More {
    /// The lane, by index in [`Scene::lanes`].
    pub lane: usize,
    /// Events not drawn at all (no room in any row).
    pub left_out: Vec<EventIdx>,
    /// Events drawn without a label.
    pub unlabelled: usize,
    /// Left edge of the text.
    pub x: f64,
    /// Vertical centre of the text.
    pub y: f64,
    /// Measured width of the text.
    pub width: f64,
}

impl More {
    /// How many events it counts.
    pub fn count(&self) -> usize {
        self.left_out.len() + self.unlabelled
    }

    /// Its text, in `lang`: "+12 more".
    pub fn text(count: usize, lang: crate::i18n::Lang) -> String {
        lang.count("lane-more", count)
    }
}

/// A lane with too many events in view to lay out one by one: how many start in each narrow
/// bin of the width, drawn as shading. Built from the lane index with two binary searches per
/// bin, so its cost does not grow with the number of events.
#[derive(Clone, Debug, PartialEq)]
pub struct Density {
    /// Top of the band it fills.
    pub y0: f64,
    /// Bottom of that band.
    pub y1: f64,
    /// Width of one bin, in points; bin `i` covers `x` from `i * bin_width`.
    pub bin_width: f64,
    /// Events starting in each bin.
    pub counts: Vec<u32>,
    /// The largest count (for shading).
    pub max_count: u32,
    /// Events starting in view, in this lane: the sum of `counts`.
    pub total: usize,
    /// Category index of the lane.
    pub category: Option<usize>,
}

/// A placed text.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Text.
    pub text: String,
    /// Left edge.
    pub x: f64,
    /// Vertical centre.
    pub y: f64,
    /// Measured width.
    pub width: f64,
    /// Drawn inside a solid bar (needs a contrasting colour).
    pub on_solid_bar: bool,
    /// The event it names, if one (a cluster's label names none).
    pub event: Option<EventIdx>,
    /// How many events it names: one, or a cluster's count.
    pub names: usize,
}

/// A lane's band.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBand {
    /// Top edge (above the area when scrolled past).
    pub y0: f64,
    /// Top of its header strip: its top edge, or the top of the area while the lane is scrolled
    /// past it, so the name stays in sight.
    pub header_y: f64,
    /// Bottom edge.
    pub y1: f64,
    /// Name.
    pub label: String,
    /// Category index for the colour.
    pub category: Option<usize>,
}

/// A period drawn as a background band across all lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodBand {
    /// Left edge (clamped to a little outside the view).
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Title.
    pub label: String,
    /// Label position, if the title (or a cut of it ending in "…") fits in the visible part of
    /// the band.
    pub label_x: Option<f64>,
    /// Row of the period strip it is drawn in (periods of merged files overlap).
    pub row: usize,
    /// Category index for the colour.
    pub category: Option<usize>,
}

/// An axis tick with its x.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedTick {
    /// Screen x.
    pub x: f64,
    /// The tick.
    pub tick: Tick,
}

/// A typed link between two events drawn one by one: an arrow from `from` to `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// The event the link is declared on.
    pub from: EventIdx,
    /// The event it points to.
    pub to: EventIdx,
    /// The relation.
    pub kind: LinkKind,
    /// Start point (at the source's mark).
    pub start: (f64, f64),
    /// End point (at the target's mark).
    pub end: (f64, f64),
}

/// An event's second date, joined to its mark: when it became known (placed by when it happened),
/// or when it happened (placed by when it became known).
#[derive(Clone, Debug, PartialEq)]
pub struct DateLink {
    /// The event.
    pub event: EventIdx,
    /// Where the line leaves the mark.
    pub x_mark: f64,
    /// Where the second date is.
    pub x_other: f64,
    /// Row centre.
    pub y: f64,
    /// The second date is the disclosure (else it is when it happened).
    pub disclosure: bool,
}

/// One event drawn in several lanes (lanes by a multi-valued field): a line joining two copies.
#[derive(Clone, Debug, PartialEq)]
pub struct Join {
    /// The event.
    pub event: EventIdx,
    /// x of the copies.
    pub x: f64,
    /// Upper copy's row centre.
    pub y0: f64,
    /// Lower copy's row centre.
    pub y1: f64,
}

/// A collapsed stretch of time on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakMark {
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// How much time it stands for ("5 years").
    pub label: String,
}

/// What a scene adds beyond events: the view's options.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SceneExtras {
    /// Long empty stretches drawn short.
    pub breaks: AxisBreaks,
    /// Draw every link as an arrow (the selection's links are always drawn).
    pub links: bool,
    /// The zone the axis is drawn in.
    pub zone: super::zone::DisplayZone,
    /// The event always labelled and drawn on its own (the selection).
    pub pinned: Option<EventIdx>,
    /// How far the lanes are scrolled down, in points, when they do not fit.
    pub scroll_y: f64,
    /// The language of the axis and the captions.
    pub lang: crate::i18n::Lang,
    /// Lanes whose events a source counted instead of sending (a ClickHouse table): drawn as
    /// density from these counts.
    pub counted: Option<std::sync::Arc<super::CountedLanes>>,
}

/// What a point on the scene is over.
#[derive(Clone, Debug, PartialEq)]
pub enum Hit {
    /// One event (its mark or its label).
    Event(EventIdx),
    /// A cluster, by index in [`Scene::clusters`].
    Cluster(usize),
    /// A bin of a dense lane: its time range and how many events start in it.
    Density {
        /// Start of the bin.
        min_secs: f64,
        /// End of the bin.
        max_secs: f64,
        /// Events starting in it.
        count: usize,
    },
    /// A lane's "+N more", by index in [`Scene::more`].
    More(usize),
}

/// Everything to draw for one view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// The time window it shows.
    pub view: TimeView,
    /// Width and height it was laid out for.
    pub size: (f64, f64),
    /// Height of the strip at the top that names the periods, all its rows (0 without periods).
    pub period_strip: f64,
    /// Row height actually used (shrinks when many rows must fit).
    pub row_height: f64,
    /// Height of all lanes, scrolled or not: more than `size.1` when they do not fit.
    pub content_height: f64,
    /// How far the lanes are scrolled (the asked scroll, kept within the content).
    pub scroll_y: f64,
    /// Lane bands, top to bottom.
    pub lanes: Vec<LaneBand>,
    /// Period bands.
    pub periods: Vec<PeriodBand>,
    /// Events drawn one by one.
    pub marks: Vec<Mark>,
    /// Aggregated events.
    pub clusters: Vec<Cluster>,
    /// Lanes too dense for single events, as counts per bin.
    pub densities: Vec<Density>,
    /// Placed labels; none overlaps another.
    pub labels: Vec<Label>,
    /// Per lane with events no label names, their count.
    pub more: Vec<More>,
    /// Axis ticks.
    pub ticks: Vec<PlacedTick>,
    /// Events in view (marks + all cluster members).
    pub visible_events: usize,
    /// Links between marks, when asked for.
    pub arrows: Vec<Arrow>,
    /// Second dates joined to their marks.
    pub date_links: Vec<DateLink>,
    /// Copies of one event in several lanes, joined.
    pub joins: Vec<Join>,
    /// Collapsed stretches in view.
    pub breaks: Vec<BreakMark>,
    /// The axis breaks the scene was laid out with (for hit tests).
    pub axis_breaks: AxisBreaks,
    /// The language of its words.
    pub lang: crate::i18n::Lang,
}

/// What a scene is made from.
pub struct SceneInput<'a> {
    /// The data.
    pub dataset: &'a Dataset,
    /// Lanes and rows.
    pub layout: &'a LaneLayout,
    /// The time window.
    pub view: TimeView,
    /// Width and height in points.
    pub size: (f64, f64),
    /// Sizes.
    pub style: SceneStyle,
    /// Width of a text in points, in the font the labels use.
    pub measure: &'a dyn Fn(&str) -> f64,
    /// Breaks and links.
    pub extras: &'a SceneExtras,
}

/// A lane with more candidate events in view than this many per point of width is drawn as
/// density (its layout and drawing are then bounded by the width, not by the data): past about
/// one event per point, single marks only cover each other.
pub const DETAIL_PER_POINT: f64 = 0.75;
/// Bounds of the per-lane limit that [`DETAIL_PER_POINT`] gives.
pub const DETAIL_LIMIT: std::ops::RangeInclusive<usize> = 300..=4_000;

/// The most candidates a lane may have in view and still show single events, for a width.
pub fn detail_limit(width: f64) -> usize {
    ((width * DETAIL_PER_POINT) as usize).clamp(*DETAIL_LIMIT.start(), *DETAIL_LIMIT.end())
}

mod build;
mod fit;
pub use build::{axis_ticks, build};
pub use fit::fit_text;

impl Scene {
    /// The event or cluster under `(x, y)`, preferring the nearest; labels count as their event.
    pub fn hit(&self, x: f64, y: f64, radius: f64) -> Option<Hit> {
        let half_row = self.row_height / 2.0;
        let mut best: Option<(f64, Hit)> = None;
        let mut consider = |distance: f64, hit: Hit| {
            if distance <= radius && best.as_ref().is_none_or(|(d, _)| distance < *d) {
                best = Some((distance, hit));
            }
        };
        for mark in &self.marks {
            if (y - mark.y).abs() > half_row {
                continue;
            }
            let dx = if x < mark.x0 {
                mark.x0 - x
            } else if x > mark.x1 {
                x - mark.x1
            } else {
                0.0
            };
            consider(
                dx.hypot(y - mark.y).min(dx + (y - mark.y).abs() * 0.25),
                Hit::Event(mark.event),
            );
        }
        for (i, cluster) in self.clusters.iter().enumerate() {
            if (y - cluster.y).abs() > half_row {
                continue;
            }
            let dx = if x < cluster.x0 {
                cluster.x0 - x
            } else if x > cluster.x1 {
                x - cluster.x1
            } else {
                0.0
            };
            consider(dx, Hit::Cluster(i));
        }
        for density in &self.densities {
            if y < density.y0 || y > density.y1 || x < 0.0 {
                continue;
            }
            let bin = (x / density.bin_width) as usize;
            if let Some(&count) = density.counts.get(bin)
                && count > 0
            {
                let axis =
                    TimeAxis::with_breaks(self.view, 0.0, self.size.0, self.axis_breaks.clone());
                let x0 = bin as f64 * density.bin_width;
                consider(
                    0.0,
                    Hit::Density {
                        min_secs: axis.secs_from_x(x0),
                        max_secs: axis.secs_from_x(x0 + density.bin_width),
                        count: count as usize,
                    },
                );
            }
        }
        for (i, more) in self.more.iter().enumerate() {
            if x >= more.x - 2.0 && x <= more.x + more.width + 2.0 && (y - more.y).abs() <= 9.0 {
                consider(0.0, Hit::More(i));
            }
        }
        for label in &self.labels {
            let inside_x = x >= label.x && x <= label.x + label.width;
            if let (true, Some(event)) = (
                inside_x && (y - label.y).abs() <= half_row * 0.8,
                label.event,
            ) {
                consider(radius * 0.5, Hit::Event(event));
            }
        }
        best.map(|(_, hit)| hit)
    }

    /// The mark of an event, if it is drawn on its own.
    pub fn mark_of(&self, event: EventIdx) -> Option<&Mark> {
        self.marks.iter().find(|m| m.event == event)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod legibility_tests;
