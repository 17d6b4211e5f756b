//! `Scene = f(dataset, lanes, view, size, measure_text)`: everything the window and the exports draw,
//! already culled to the view, aggregated where events crowd, and with labels placed where they fit.
//!
//! Coordinates are points relative to the top-left of the timeline area; x grows with time.

use super::breaks::AxisBreaks;
use super::lanes::{LaneLayout, TimeBasis};
use super::lod::{Item, Placed, aggregate, pack_rows};
use super::ticks::{self, Tick};
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

/// Several events too close together to draw apart; drawn as one mark with its exact count.
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
}

/// A lane's band.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBand {
    /// Top edge.
    pub y0: f64,
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
    /// Label position, if the title fits in the visible part of the band.
    pub label_x: Option<f64>,
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
    /// Draw event links as arrows.
    pub links: bool,
    /// The zone the axis is drawn in.
    pub zone: super::zone::DisplayZone,
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
}

/// Everything to draw for one view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// The time window it shows.
    pub view: TimeView,
    /// Width and height it was laid out for.
    pub size: (f64, f64),
    /// Height of the strip at the top that names the periods (0 without periods).
    pub period_strip: f64,
    /// Row height actually used (shrinks when many rows must fit).
    pub row_height: f64,
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

/// Rows are never shorter than this, however many there are.
const MIN_ROW_HEIGHT: f64 = 18.0;
/// Most rows one lane stacks into.
const MAX_ROWS_PER_LANE: usize = 12;
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
/// Width of a density bin, in points.
const DENSITY_BIN: f64 = 2.0;
/// Rows a dense lane takes.
const DENSITY_ROWS: usize = 2;

/// A lane's items placed in rows, or its density counts.
type LanePlaced = Result<Vec<Placed>, Vec<u32>>;

/// What one lane shows in this frame.
enum LaneContent {
    Marks(Vec<Mark>),
    Density(Vec<u32>),
}
/// Lays out one frame. Cost per lane: O(log n + events in view × rows) up to [`detail_limit`]
/// events in view, O(width × log n) above it; never touches events outside the view.
pub fn build(input: &SceneInput<'_>) -> Scene {
    let (width, height) = input.size;
    let style = input.style;
    let axis = TimeAxis::with_breaks(input.view, 0.0, width, input.extras.breaks.clone());
    let (min_secs, max_secs) = (input.view.min_secs, input.view.max_secs());
    let category_index = |id: Option<&str>| {
        id.and_then(|id| input.dataset.categories.iter().position(|c| c.id == id))
    };
    let clamp_x = |x: f64| x.clamp(-1000.0, width + 1000.0);

    let periods = input
        .dataset
        .periods
        .iter()
        .filter(|p| p.end.end_secs() > min_secs && p.start.start_secs() < max_secs)
        .map(|p| {
            let x0 = clamp_x(axis.x_from_secs(p.start.start_secs()));
            let x1 = clamp_x(axis.x_from_secs(p.end.end_secs()));
            let title = crate::model::text::one_line(&p.title, crate::model::text::TITLE_CHARS);
            let label_width = (input.measure)(&title);
            let visible_left = x0.max(0.0) + 6.0;
            let label_x =
                (visible_left + label_width <= x1.min(width) - 4.0).then_some(visible_left);
            PeriodBand {
                x0,
                x1,
                label: title.into_owned(),
                label_x,
                category: category_index(p.category.as_deref()),
            }
        })
        .collect();

    let lane_count = input.layout.lanes.len();
    let per_lane = visible_marks_per_lane(input, &axis);

    // Rows: as many as labels need, within the height the lanes share.
    let period_header = if input.dataset.periods.is_empty() {
        0.0
    } else {
        style.period_header
    };
    let available = (height - period_header - lane_count as f64 * style.lane_header).max(0.0);
    let budget_rows = ((available / MIN_ROW_HEIGHT).floor() as usize).max(lane_count);
    let row_cap = (budget_rows / lane_count.max(1)).clamp(1, MAX_ROWS_PER_LANE);
    // Per lane: placed items (or density counts) and the rows they take.
    let packed: Vec<(LanePlaced, usize)> = per_lane
        .into_iter()
        .zip(&input.layout.lanes)
        .map(|(content, lane)| match content {
            LaneContent::Marks(_) if lane.collapsed => (Ok(Vec::new()), 0),
            LaneContent::Marks(marks) => {
                let (placed, rows) =
                    pack_rows(aggregate(marks, style.cluster_distance), row_cap, input);
                (Ok(placed), rows)
            }
            LaneContent::Density(counts) => (Err(counts), DENSITY_ROWS.min(row_cap)),
        })
        .collect();
    let total_rows: usize = packed.iter().map(|(_, rows)| *rows).sum();
    let row_height = if total_rows > 0 {
        (available / total_rows as f64)
            .clamp(MIN_ROW_HEIGHT.min(style.row_height), style.row_height)
    } else {
        style.row_height
    };

    let mut scene = Scene {
        view: input.view,
        size: (width, height),
        period_strip: period_header,
        row_height,
        periods,
        ..Scene::default()
    };
    let mut y = period_header;
    for (lane, (placed, rows)) in input.layout.lanes.iter().zip(packed) {
        let y0 = y;
        let rows_top = y0 + style.lane_header;
        y = rows_top + rows as f64 * row_height;
        scene.lanes.push(LaneBand {
            y0,
            y1: y,
            label: lane.label.clone(),
            category: lane.category,
        });
        let placed = match placed {
            Ok(placed) => placed,
            Err(counts) => {
                let total: usize = counts.iter().map(|&c| c as usize).sum();
                scene.visible_events += total;
                scene.densities.push(Density {
                    y0: rows_top,
                    y1: y,
                    bin_width: DENSITY_BIN,
                    max_count: counts.iter().copied().max().unwrap_or(0),
                    counts,
                    total,
                    category: lane.category,
                });
                continue;
            }
        };
        for Placed { item, row, label } in placed {
            let center_y = rows_top + (row as f64 + 0.5) * row_height;
            let event = match &item {
                Item::Mark(m) => Some(m.event),
                Item::Cluster(_) => None,
            };
            if let Some((text, x, text_width, on_solid_bar)) = label {
                scene.labels.push(Label {
                    text,
                    x,
                    y: center_y,
                    width: text_width,
                    on_solid_bar,
                    event,
                });
            }
            match item {
                Item::Mark(m) => {
                    scene.visible_events += 1;
                    scene.marks.push(Mark { y: center_y, ..m });
                }
                Item::Cluster(c) => {
                    scene.visible_events += c.count;
                    scene.clusters.push(Cluster { y: center_y, ..c });
                }
            }
        }
    }
    scene.ticks = axis_ticks(&axis, input.extras.zone, input.measure);
    scene.axis_breaks = input.extras.breaks.clone();
    scene.breaks = break_marks(&axis);
    add_relations(&mut scene, input);
    scene
}

/// Ticks for an axis: one ladder per stretch between breaks (each stretch restates its first
/// date in full), on the calendar of `zone` (local midnight, the first of the month), labels that
/// would touch a neighbour dropped.
pub fn axis_ticks(
    axis: &TimeAxis,
    zone: super::zone::DisplayZone,
    measure: &dyn Fn(&str) -> f64,
) -> Vec<PlacedTick> {
    let view = axis.view();
    let (min_secs, max_secs) = (view.min_secs, view.max_secs());
    let mut stretches = Vec::new();
    let mut from = min_secs;
    for gap in axis.breaks().gaps() {
        if gap.to_secs <= min_secs || gap.from_secs >= max_secs {
            continue;
        }
        if gap.from_secs > from {
            stretches.push((from, gap.from_secs));
        }
        from = from.max(gap.to_secs);
    }
    if from < max_secs {
        stretches.push((from, max_secs));
    }
    let mut placed: Vec<PlacedTick> = Vec::new();
    let mut right = f64::NEG_INFINITY;
    for (a, b) in stretches {
        let (xa, xb) = (axis.x_from_secs(a), axis.x_from_secs(b));
        if xb - xa < 20.0 {
            continue;
        }
        // Ticks are chosen on local wall-clock time, then put back on the UTC axis.
        let offset = zone.offset_secs(f64::midpoint(a, b));
        for tick in ticks::ticks(a + offset, b + offset, xb - xa, measure).ticks {
            let secs = zone.utc_from_local(tick.secs);
            if secs < a || secs > b {
                continue;
            }
            let tick = Tick { secs, ..tick };
            let x = axis.x_from_secs(secs);
            if placed.last().is_some_and(|p| p.x >= x) {
                continue; // a daylight-saving gap folded two ticks onto one instant
            }
            let half = measure(&tick.label) / 2.0;
            if !tick.label.is_empty() {
                if x - half < right + 8.0 {
                    continue;
                }
                right = x + half;
            }
            placed.push(PlacedTick { x, tick });
        }
    }
    placed
}

fn break_marks(axis: &TimeAxis) -> Vec<BreakMark> {
    let view = axis.view();
    axis.breaks()
        .gaps()
        .iter()
        .filter(|g| g.to_secs > view.min_secs && g.from_secs < view.max_secs())
        .map(|g| BreakMark {
            x0: axis.x_from_secs(g.from_secs),
            x1: axis.x_from_secs(g.to_secs),
            label: crate::model::civil::duration_label(g.to_secs - g.from_secs),
        })
        .collect()
}

/// Arrows between linked marks, second dates, and joins between copies of one event.
fn add_relations(scene: &mut Scene, input: &SceneInput<'_>) {
    let basis = input.layout.basis;
    for mark in &scene.marks {
        if let Some(x_other) = mark.second_x {
            let x_mark = if x_other >= mark.x1 { mark.x1 } else { mark.x0 };
            scene.date_links.push(DateLink {
                event: mark.event,
                x_mark,
                x_other,
                y: mark.y,
                disclosure: basis == TimeBasis::Happened,
            });
        }
    }
    if !input.layout.copies.is_empty() {
        let mut copies: Vec<(EventIdx, f64, f64)> = scene
            .marks
            .iter()
            .filter(|m| input.layout.copies_of(m.event) > 1)
            .map(|m| (m.event, f64::midpoint(m.x0, m.x1), m.y))
            .collect();
        copies.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.total_cmp(&b.2)));
        for pair in copies.windows(2) {
            if let [(a, x, y0), (b, _, y1)] = pair
                && a == b
            {
                scene.joins.push(Join {
                    event: *a,
                    x: *x,
                    y0: *y0,
                    y1: *y1,
                });
            }
        }
    }
    if !input.extras.links {
        return;
    }
    let first_mark: std::collections::HashMap<EventIdx, &Mark> =
        scene.marks.iter().rev().map(|m| (m.event, m)).collect();
    for mark in &scene.marks {
        let Some(event) = input.dataset.event(mark.event) else {
            continue;
        };
        if first_mark
            .get(&mark.event)
            .is_none_or(|m| !std::ptr::eq(*m, mark))
        {
            continue; // one arrow per link, from the first copy
        }
        for link in event.links() {
            let Some(target) = input.dataset.find_in_file(event.file(), &link.target) else {
                continue;
            };
            let Some(to) = first_mark.get(&target) else {
                continue;
            };
            let anchor = |m: &Mark, toward: f64| {
                if toward >= m.x1 {
                    (m.x1, m.y)
                } else if toward <= m.x0 {
                    (m.x0, m.y)
                } else {
                    (f64::midpoint(m.x0, m.x1), m.y)
                }
            };
            scene.arrows.push(Arrow {
                from: mark.event,
                to: target,
                kind: link.kind,
                start: anchor(mark, f64::midpoint(to.x0, to.x1)),
                end: anchor(to, f64::midpoint(mark.x0, mark.x1)),
            });
        }
    }
}

/// Per lane: the marks of the events in view (found through the lane index), or, when more than
/// [`detail_limit`] could be in view, the number of events starting in each bin of the width.
fn visible_marks_per_lane(input: &SceneInput<'_>, axis: &TimeAxis) -> Vec<LaneContent> {
    let width = input.size.0;
    let (min_secs, max_secs) = (input.view.min_secs, input.view.max_secs());
    let clamp_x = |x: f64| x.clamp(-1000.0, width + 1000.0);
    input
        .layout
        .index
        .iter()
        .zip(&input.layout.lanes)
        .map(|(indexes, lane)| {
            // Lanes by category give every event the lane's category; otherwise it was looked
            // up once per event when the dataset was built (never by name here).
            let lane_category = lane.category;
            if lane.collapsed {
                return LaneContent::Marks(Vec::new());
            }
            let ranges = indexes
                .iter()
                .map(|index| (index, index.candidates(min_secs, max_secs)));
            // Short events: their candidates are nearly all in view. Long spans: count those
            // really overlapping (years-long spans make almost every earlier one a candidate),
            // so a day's view of a lane with many old long spans still shows single events.
            let limit = detail_limit(width);
            let candidates: usize = indexes
                .iter()
                .enumerate()
                .map(|(which, index)| {
                    if which == 0 {
                        index.candidates(min_secs, max_secs).len()
                    } else {
                        index.overlapping(min_secs, max_secs, limit + 1)
                    }
                })
                .sum();
            if candidates > limit {
                let bins = (width / DENSITY_BIN).ceil().max(1.0) as usize;
                let mut counts = vec![0u32; bins];
                for index in indexes {
                    let mut previous = index.starts.partition_point(|&s| s < min_secs);
                    for (bin, count) in counts.iter_mut().enumerate() {
                        let edge = axis.secs_from_x((bin + 1) as f64 * DENSITY_BIN);
                        let edge = if bin + 1 == bins {
                            max_secs
                        } else {
                            edge.min(max_secs)
                        };
                        let next = index.first_not_before(previous, edge);
                        *count += u32::try_from(next - previous).unwrap_or(u32::MAX);
                        previous = next;
                    }
                }
                return LaneContent::Density(counts);
            }
            let mut marks = Vec::with_capacity(candidates);
            for (index, range) in ranges {
                let ends = index.ends.get(range.clone()).unwrap_or_default();
                for (&idx, &end) in index.events.get(range).unwrap_or_default().iter().zip(ends) {
                    if end < min_secs {
                        continue; // ended before the view: skip without touching the event
                    }
                    let Some(event) = input.dataset.event(idx) else {
                        continue;
                    };
                    let (start, end) = input.layout.span(event);
                    if end < min_secs || start >= max_secs {
                        continue;
                    }
                    let x0 = axis.x_from_secs(start);
                    let x1 = axis.x_from_secs(end);
                    let shape = match (event.is_span(), x1 - x0) {
                        (true, w) if w >= 3.0 => MarkShape::Span,
                        (false, w) if w >= 8.0 => MarkShape::Partial,
                        _ => MarkShape::Point,
                    };
                    let (x0, x1) = if shape == MarkShape::Point {
                        let center = clamp_x(f64::midpoint(x0, x1));
                        (center, center)
                    } else {
                        (clamp_x(x0), clamp_x(x1))
                    };
                    let second = match input.layout.basis {
                        TimeBasis::Happened => event
                            .disclosed()
                            .as_ref()
                            .map(|d| f64::midpoint(d.start_secs(), d.end_secs())),
                        TimeBasis::Known => event
                            .disclosed()
                            .as_ref()
                            .map(|_| f64::midpoint(event.start_secs(), event.end_secs())),
                    };
                    let second_x = second
                        .map(|secs| clamp_x(axis.x_from_secs(secs)))
                        .filter(|&x| x > x1 + 3.0 || x < x0 - 3.0);
                    marks.push(Mark {
                        second_x,
                        event: idx,
                        x0,
                        x1,
                        y: 0.0,
                        shape,
                        category: lane_category.or_else(|| input.dataset.category_index(idx)),
                        circa: event.circa(),
                    });
                }
            }
            LaneContent::Marks(marks)
        })
        .collect()
}

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
mod tests {
    use super::*;
    use crate::model::{DatasetPart, Event, FileInfo, Filter, Format, TimePoint};
    use crate::timeline::lanes;

    fn measure(text: &str) -> f64 {
        text.chars().count() as f64 * 7.0
    }

    fn dataset(events: Vec<Event>) -> Dataset {
        Dataset::from_parts(vec![DatasetPart {
            info: FileInfo {
                path: "t".into(),
                format: Format::Annals,
                title: None,
                description: None,
            },
            categories: vec![],
            periods: vec![],
            events: events.into(),
        }])
    }

    fn secs(s: &str) -> f64 {
        s.parse::<TimePoint>().unwrap().start_secs()
    }

    fn scene_with(
        d: &Dataset,
        spec: &lanes::LaneSpec,
        extras: &SceneExtras,
        range: (&str, &str),
    ) -> Scene {
        let layout = lanes::build(d, &Filter::default(), spec);
        build(&SceneInput {
            dataset: d,
            layout: &layout,
            view: TimeView::from_min_max(secs(range.0), secs(range.1)),
            size: (1000.0, 400.0),
            style: SceneStyle::default(),
            measure: &measure,
            extras,
        })
    }

    #[test]
    fn links_become_arrows_between_the_marks_only_when_asked() {
        let mut cause = Event::new("cause", "Cause", "2021-05-04".parse().unwrap());
        cause.links.push(crate::model::Link {
            kind: LinkKind::Caused,
            target: "effect".into(),
        });
        let effect = Event::new("effect", "Effect", "2021-06-20".parse().unwrap());
        let d = dataset(vec![cause, effect]);
        let spec = lanes::LaneSpec::default();
        let off = scene_with(&d, &spec, &SceneExtras::default(), ("2021-01", "2021-12"));
        assert!(off.arrows.is_empty());
        let on = SceneExtras {
            links: true,
            ..SceneExtras::default()
        };
        let scene = scene_with(&d, &spec, &on, ("2021-01", "2021-12"));
        assert_eq!(scene.arrows.len(), 1);
        let arrow = &scene.arrows[0];
        let (from, to) = (
            scene.mark_of(arrow.from).unwrap(),
            scene.mark_of(arrow.to).unwrap(),
        );
        assert_eq!(d.events.owned(arrow.from.index()).unwrap().id, "cause");
        assert_eq!(arrow.kind, LinkKind::Caused);
        assert!((arrow.start.0 - from.x1).abs() < 1e-9 && (arrow.end.0 - to.x0).abs() < 1e-9);
        // The target out of view: no arrow to nowhere.
        let narrow = scene_with(&d, &spec, &on, ("2021-04", "2021-05-30"));
        assert!(narrow.arrows.is_empty());
    }

    #[test]
    fn a_disclosed_date_is_joined_to_its_mark_and_its_label_keeps_clear() {
        let mut hidden = Event::new("fps", "FPS Interior", "2019-04".parse().unwrap());
        hidden.end = Some("2021-03".parse().unwrap());
        hidden.disclosed = Some("2021-05-25".parse().unwrap());
        let d = dataset(vec![hidden]);
        let spec = lanes::LaneSpec::default();
        let scene = scene_with(&d, &spec, &SceneExtras::default(), ("2019-01", "2022-01"));
        let mark = &scene.marks[0];
        let link = &scene.date_links[0];
        assert!(link.disclosure);
        assert!((link.x_mark - mark.x1).abs() < 1e-9);
        assert!(link.x_other > mark.x1 + 3.0);
        let label = scene
            .labels
            .iter()
            .find(|l| l.event == Some(mark.event))
            .unwrap();
        assert!(
            label.on_solid_bar || label.x > link.x_other,
            "the label is inside the bar or after the diamond: {label:?} {link:?}"
        );
        // Placed by when it became known, the mark moves to the disclosure and the second date
        // is when it happened.
        let known = lanes::LaneSpec {
            basis: lanes::TimeBasis::Known,
            ..lanes::LaneSpec::default()
        };
        let scene = scene_with(&d, &known, &SceneExtras::default(), ("2019-01", "2022-01"));
        let axis = TimeAxis::new(scene.view, 0.0, 1000.0);
        let mark = &scene.marks[0];
        assert!((mark.x0 - axis.x_from_secs(secs("2021-05-25") + 43_200.0)).abs() < 1.0);
        assert!(!scene.date_links[0].disclosure);
        assert!(scene.date_links[0].x_other < mark.x0);
    }

    #[test]
    fn ticks_fall_on_local_midnights_of_the_display_zone() {
        let brussels = crate::timeline::zone::DisplayZone::parse("Europe/Brussels").unwrap();
        let axis = TimeAxis::new(
            TimeView::from_min_max(secs("2021-01-10"), secs("2021-12-20")),
            0.0,
            1200.0,
        );
        let ticks = axis_ticks(&axis, brussels, &measure);
        assert!(ticks.len() >= 6, "{ticks:?}");
        let mut offsets = std::collections::BTreeSet::new();
        for tick in &ticks {
            let offset = brussels.offset_secs(tick.tick.secs);
            offsets.insert(offset as i64);
            assert_eq!(
                (tick.tick.secs + offset).rem_euclid(86_400.0),
                0.0,
                "{tick:?} is not a local midnight"
            );
        }
        assert_eq!(offsets.len(), 2, "winter and summer time both seen");
        let utc = axis_ticks(&axis, crate::timeline::zone::DisplayZone::Utc, &measure);
        assert!(utc.iter().all(|t| t.tick.secs.rem_euclid(86_400.0) == 0.0));
    }

    #[test]
    fn collapsed_gaps_are_marked_and_no_tick_falls_inside_one() {
        let d = dataset(vec![
            Event::new("a", "A", "2012".parse().unwrap()),
            Event::new("b", "B", "2013-06".parse().unwrap()),
            Event::new("c", "C", "2019-05".parse().unwrap()),
            Event::new("d", "D", "2020-01".parse().unwrap()),
        ]);
        let layout = lanes::by_category(&d, &Filter::default());
        let breaks = crate::timeline::AxisBreaks::find(&d, &layout);
        assert_eq!(breaks.gaps().len(), 1, "{breaks:?}");
        let gap = breaks.gaps()[0];
        assert!(gap.from_secs > secs("2013-07") && gap.to_secs < secs("2019-05"));
        let extras = SceneExtras {
            breaks,
            ..SceneExtras::default()
        };
        let scene = scene_with(
            &d,
            &lanes::LaneSpec::default(),
            &extras,
            ("2011-06", "2022-06"),
        );
        assert_eq!(scene.breaks.len(), 1);
        assert_eq!(scene.breaks[0].label, "6 years");
        let mark = scene.breaks[0].clone();
        assert!(mark.x1 - mark.x0 < 60.0, "drawn short: {mark:?}");
        for tick in &scene.ticks {
            assert!(
                tick.tick.secs <= gap.from_secs || tick.tick.secs >= gap.to_secs,
                "{tick:?} inside the gap"
            );
        }
        assert!(scene.ticks.windows(2).all(|w| w[0].x < w[1].x));
        // Every event still drawn, in time order left to right.
        let mut xs: Vec<(f64, f64)> = scene
            .marks
            .iter()
            .map(|m| (d.events.owned(m.event.index()).unwrap().start_secs(), m.x0))
            .collect();
        xs.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(xs.len(), 4);
        assert!(xs.windows(2).all(|w| w[0].1 < w[1].1));
    }

    fn scene_of(d: &Dataset, from: &str, to: &str, width: f64) -> Scene {
        let layout = lanes::by_category(d, &Filter::default());
        build(&SceneInput {
            dataset: d,
            layout: &layout,
            view: TimeView::from_min_max(secs(from), secs(to)),
            size: (width, 400.0),
            style: SceneStyle::default(),
            measure: &measure,
            extras: &SceneExtras::default(),
        })
    }

    #[test]
    fn only_events_in_view_are_laid_out() {
        let events = (0..1000).map(|i| {
            Event::new(
                format!("e{i}"),
                format!("E{i}"),
                TimePoint::from_unix_secs(i * 86_400).unwrap(),
            )
        });
        let d = dataset(events.collect());
        let scene = scene_of(&d, "1970-02-01", "1970-03-01", 1000.0);
        assert_eq!(scene.visible_events, 28);
        assert_eq!(
            scene.marks.len() + scene.clusters.iter().map(|c| c.count).sum::<usize>(),
            28
        );
    }

    #[test]
    fn crowded_points_become_clusters_with_exact_counts() {
        // 500 events within one day, seen over a whole year: they cannot be drawn apart.
        let base = secs("2021-05-04") as i64;
        let events = (0..500).map(|i| {
            Event::new(
                format!("e{i}"),
                "x",
                TimePoint::from_unix_secs(base + i * 60).unwrap(),
            )
        });
        let d = dataset(events.collect());
        let scene = scene_of(&d, "2021", "2022", 1000.0);
        assert!(scene.marks.is_empty());
        assert_eq!(scene.clusters.len(), 1);
        assert_eq!(scene.clusters[0].count, 500);
        assert_eq!(scene.visible_events, 500);
        assert_eq!(scene.labels[0].text, "500 events");
    }

    #[test]
    fn partial_dates_are_drawn_as_their_whole_period_and_labels_never_overlap() {
        let mut events = vec![Event::new(
            "y",
            "Year-only strategy",
            "2012".parse().unwrap(),
        )];
        for (i, day) in ["2012-03-01", "2012-03-03", "2012-03-05", "2012-09-01"]
            .iter()
            .enumerate()
        {
            events.push(Event::new(
                format!("d{i}"),
                format!("A rather long event title number {i}"),
                day.parse().unwrap(),
            ));
        }
        let d = dataset(events);
        let scene = scene_of(&d, "2011-07", "2013-07", 800.0);
        let year = scene
            .marks
            .iter()
            .find(|m| d.events.owned(m.event.index()).unwrap().id == "y")
            .unwrap();
        assert_eq!(year.shape, MarkShape::Partial);
        let expected_width = 800.0 * (366.0 * 86_400.0) / (secs("2013-07") - secs("2011-07"));
        assert!((year.x1 - year.x0 - expected_width).abs() < 1e-6);
        // Three points two days apart merge into one cluster; with room for rows, every mark
        // and cluster gets its label.
        assert_eq!(scene.clusters.len(), 1);
        assert_eq!(scene.clusters[0].count, 3);
        assert_eq!(
            scene.labels.len(),
            scene.marks.len() + scene.clusters.len(),
            "{:?}",
            scene.labels
        );
        // Labels in the same row never overlap.
        for a in &scene.labels {
            for b in &scene.labels {
                if a != b && (a.y - b.y).abs() < 1.0 {
                    assert!(
                        a.x + a.width <= b.x || b.x + b.width <= a.x,
                        "{a:?} overlaps {b:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn in_a_crowded_lane_no_mark_or_cluster_covers_a_label() {
        // 1,500 synthetic events in a 1600 × 900 view: rows run out, marks must share rows.
        let mut bytes = Vec::new();
        crate::synth::write_native(
            crate::synth::SynthOptions {
                events: 1_500,
                seed: 3,
            },
            &mut bytes,
        )
        .unwrap();
        let part = crate::io::load_text("s.json", std::str::from_utf8(&bytes).unwrap())
            .unwrap()
            .part;
        let d = Dataset::from_parts(vec![part]);
        let layout = lanes::by_category(&d, &Filter::default());
        let scene = build(&SceneInput {
            dataset: &d,
            layout: &layout,
            view: TimeView::from_min_max(secs("2000"), secs("2025")),
            size: (1600.0, 900.0),
            style: SceneStyle::default(),
            measure: &measure,
            extras: &SceneExtras::default(),
        });
        assert!(
            scene.labels.len() > 10 && scene.clusters.len() > 10,
            "{} labels, {} clusters, {} marks",
            scene.labels.len(),
            scene.clusters.len(),
            scene.marks.len()
        );
        let radius = SceneStyle::default().marker_radius;
        let shapes = scene
            .marks
            .iter()
            .map(|m| (m.x0 - radius, m.x1 + radius, m.y, Some(m.event)))
            .chain(
                scene
                    .clusters
                    .iter()
                    .map(|c| (c.x0 - radius, c.x1 + radius, c.y, None)),
            );
        for (x0, x1, y, event) in shapes {
            for label in scene.labels.iter().filter(|l| (l.y - y).abs() < 0.5) {
                if label.on_solid_bar || (event.is_some() && label.event == event) {
                    continue; // a label inside its own bar, or its own mark
                }
                let covered = x0 < label.x + label.width && label.x < x1;
                assert!(
                    !covered,
                    "{:?} covered by a shape at {x0:.1}..{x1:.1}",
                    label.text
                );
            }
        }
    }

    fn synthetic(events: u64, seed: u64) -> Dataset {
        let mut bytes = Vec::new();
        crate::synth::write_native(crate::synth::SynthOptions { events, seed }, &mut bytes)
            .unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        Dataset::from_parts(vec![crate::io::load_text("s.json", text).unwrap().part])
    }

    #[test]
    fn the_lane_index_answers_range_queries_like_a_scan_of_everything() {
        let d = synthetic(20_000, 11);
        let layout = lanes::by_category(&d, &Filter::default());
        let mut rng = crate::synth::Rng::new(99);
        let (lo, hi) = d.extent_secs().unwrap();
        for _ in 0..200 {
            let a = lo + rng.unit() * (hi - lo);
            let span = (hi - lo) * rng.unit().powi(4);
            let (min, max) = (a, a + span.max(1.0));
            for (lane, indexes) in layout.index.iter().enumerate() {
                let mut from_index: Vec<EventIdx> = indexes
                    .iter()
                    .flat_map(|index| index.events[index.candidates(min, max)].iter().copied())
                    .filter(|&i| {
                        let e = d.event(i).unwrap();
                        e.end_secs() >= min && e.start_secs() < max
                    })
                    .collect();
                from_index.sort();
                let brute: Vec<EventIdx> = (0..d.events.len())
                    .map(|i| EventIdx(u32::try_from(i).unwrap()))
                    .filter(|&i| layout.place(i) == Some(u32::try_from(lane).unwrap()))
                    .filter(|&i| {
                        let e = d.event(i).unwrap();
                        e.end_secs() >= min && e.start_secs() < max
                    })
                    .collect();
                assert_eq!(from_index, brute, "lane {lane}, {min}..{max}");
                let starting: usize = indexes.iter().map(|i| i.starting_in(min, max)).sum();
                let brute_starting = brute
                    .iter()
                    .filter(|&&i| d.event(i).unwrap().start_secs() >= min)
                    .count();
                assert_eq!(starting, brute_starting);
            }
        }
    }

    #[test]
    fn counts_are_exact_whether_lanes_show_events_clusters_or_density() {
        let d = synthetic(60_000, 12);
        let layout = lanes::by_category(&d, &Filter::default());
        let (lo, hi) = d.extent_secs().unwrap();
        let mut saw_density = false;
        let mut saw_detail = false;
        for (min, max) in [
            (lo, hi),
            (lo + (hi - lo) * 0.4, lo + (hi - lo) * 0.41),
            (lo, lo + 86_400.0 * 30.0),
        ] {
            let scene = build(&SceneInput {
                dataset: &d,
                layout: &layout,
                view: TimeView::from_min_max(min, max),
                size: (1500.0, 800.0),
                style: SceneStyle::default(),
                measure: &measure,
                extras: &SceneExtras::default(),
            });
            let view = scene.view;
            let (min, max) = (view.min_secs, view.max_secs());
            // Detail lanes count events overlapping the view; dense lanes count those starting in it.
            let mut expected = 0;
            let dense: Vec<Option<usize>> = scene.densities.iter().map(|x| x.category).collect();
            for e in &d.events {
                let category = e
                    .category()
                    .and_then(|c| d.categories.iter().position(|k| k.id == c));
                let overlaps = e.end_secs() >= min && e.start_secs() < max;
                let starts = e.start_secs() >= min && e.start_secs() < max;
                if dense.contains(&category) {
                    expected += usize::from(starts);
                } else {
                    expected += usize::from(overlaps);
                }
            }
            let drawn = scene.marks.len()
                + scene.clusters.iter().map(|c| c.count).sum::<usize>()
                + scene
                    .densities
                    .iter()
                    .map(|x| x.counts.iter().map(|&c| c as usize).sum::<usize>())
                    .sum::<usize>();
            assert_eq!(drawn, expected);
            assert_eq!(scene.visible_events, expected);
            for density in &scene.densities {
                assert_eq!(
                    density.total,
                    density.counts.iter().map(|&c| c as usize).sum::<usize>()
                );
            }
            saw_density |= !scene.densities.is_empty();
            saw_detail |= !scene.marks.is_empty();
        }
        assert!(saw_density && saw_detail, "both paths were exercised");
    }

    #[test]
    fn hit_testing_finds_the_event_under_the_pointer() {
        let d = dataset(vec![Event::new("a", "A", "2021-05-04".parse().unwrap())]);
        let scene = scene_of(&d, "2021-05", "2021-06", 1000.0);
        let mark = &scene.marks[0];
        assert_eq!(
            scene.hit(mark.x0 + 1.0, mark.y, 8.0),
            Some(Hit::Event(mark.event))
        );
        assert_eq!(scene.hit(mark.x0 + 200.0, mark.y + 100.0, 8.0), None);
    }
}
