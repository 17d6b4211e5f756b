//! Laying out one frame: culling each lane to the view, packing rows or counting density,
//! placing labels, ticks, breaks and relations.

use super::fit::{fit_text, share_rows};
use super::{
    Arrow, BreakMark, Cluster, DateLink, Density, Join, Label, LaneBand, Mark, MarkShape, More,
    PeriodBand, PlacedTick, Scene, SceneInput, detail_limit,
};
use crate::model::EventIdx;
use crate::timeline::lanes::TimeBasis;
use crate::timeline::lod::{Item, Packed, Placed, aggregate, pack_rows};
use crate::timeline::ticks::{self, Tick};
use crate::timeline::view::TimeAxis;

/// Most rows of the period strip (further overlapping periods share the last).
const MAX_PERIOD_ROWS: usize = 3;

/// Rows are never shorter than this, however many there are.
const MIN_ROW_HEIGHT: f64 = 18.0;
/// Most rows one lane stacks into.
const MAX_ROWS_PER_LANE: usize = 12;
/// Most rows a lane the user expanded stacks into.
const EXPANDED_ROWS: usize = 64;

/// Width of a density bin, in points.
const DENSITY_BIN: f64 = 2.0;
/// Rows a dense lane takes.
const DENSITY_ROWS: usize = 2;

/// What one lane shows in this frame, before rows are packed.
enum LaneContent {
    Marks(Vec<Mark>),
    Density(Vec<u32>),
}

/// What one lane shows in this frame, packed.
enum LanePacked {
    Items(Packed),
    Density(Vec<u32>),
    Folded,
}

impl LanePacked {
    fn rows(&self) -> usize {
        match self {
            Self::Items(packed) => packed.rows,
            Self::Density(_) => DENSITY_ROWS,
            Self::Folded => 0,
        }
    }
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

    // Periods in view, each in the first strip row where it does not touch another (periods
    // of merged files overlap), named as far as the visible part of its band allows.
    let mut periods: Vec<PeriodBand> = input
        .dataset
        .periods
        .iter()
        .filter(|p| p.end.end_secs() > min_secs && p.start.start_secs() < max_secs)
        .map(|p| {
            let x0 = clamp_x(axis.x_from_secs(p.start.start_secs()));
            let x1 = clamp_x(axis.x_from_secs(p.end.end_secs()));
            let title = crate::model::text::one_line(
                p.title_in(input.extras.lang),
                crate::model::text::TITLE_CHARS,
            );
            let room = x1.min(width) - 4.0 - (x0.max(0.0) + 6.0);
            let label = fit_text(&title, room, input.measure);
            PeriodBand {
                x0,
                x1,
                label_x: label.as_ref().map(|_| x0.max(0.0) + 6.0),
                label: label.unwrap_or_else(|| title.into_owned()),
                category: category_index(p.category.as_deref()),
                row: 0,
            }
        })
        .collect();
    periods.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut row_ends: Vec<f64> = Vec::new();
    for period in &mut periods {
        let row = row_ends
            .iter()
            .position(|&end| end <= period.x0 + 0.5)
            .unwrap_or(row_ends.len())
            .min(MAX_PERIOD_ROWS - 1);
        if row >= row_ends.len() {
            row_ends.push(period.x1);
        } else if let Some(end) = row_ends.get_mut(row) {
            *end = end.max(period.x1);
        }
        period.row = row;
    }

    let lanes = &input.layout.lanes;
    let lane_count = lanes.len();
    let period_header = if input.dataset.periods.is_empty() {
        0.0
    } else {
        style.period_header * row_ends.len().max(1) as f64
    };
    let available = (height - period_header - lane_count as f64 * style.lane_header).max(0.0);
    let budget = (available / MIN_ROW_HEIGHT.min(style.row_height)).floor() as usize;
    let keep = input.extras.pinned;
    // Each lane packed with all the rows it could use; then the height shared by need, and the
    // lanes that got fewer rows than they wanted packed again into those.
    let mut items: Vec<Option<Vec<Item>>> = Vec::with_capacity(lane_count);
    let mut packed: Vec<LanePacked> = Vec::with_capacity(lane_count);
    for (content, lane) in visible_marks_per_lane(input, &axis).into_iter().zip(lanes) {
        let cap = if lane.expanded {
            EXPANDED_ROWS
        } else {
            MAX_ROWS_PER_LANE
        };
        match content {
            LaneContent::Marks(_) if lane.collapsed => {
                items.push(None);
                packed.push(LanePacked::Folded);
            }
            LaneContent::Marks(marks) => {
                let lane_items = aggregate(marks, style.cluster_distance, width, keep);
                packed.push(LanePacked::Items(pack_rows(
                    lane_items.clone(),
                    cap,
                    keep,
                    input,
                )));
                items.push(Some(lane_items));
            }
            LaneContent::Density(counts) => {
                items.push(None);
                packed.push(LanePacked::Density(counts));
            }
        }
    }
    let wants: Vec<usize> = packed.iter().map(LanePacked::rows).collect();
    let fixed: Vec<bool> = packed
        .iter()
        .zip(lanes)
        .map(|(p, lane)| lane.expanded || !matches!(p, LanePacked::Items(_)))
        .collect();
    let caps = share_rows(&wants, &fixed, budget.max(lane_count));
    for ((lane_packed, lane_items), (&cap, &want)) in
        packed.iter_mut().zip(items).zip(caps.iter().zip(&wants))
    {
        if cap < want
            && let Some(lane_items) = lane_items
        {
            *lane_packed = LanePacked::Items(pack_rows(lane_items, cap, keep, input));
        }
    }
    let total_rows: usize = packed.iter().map(LanePacked::rows).sum();
    let row_height = if total_rows > 0 {
        (available / total_rows as f64)
            .clamp(MIN_ROW_HEIGHT.min(style.row_height), style.row_height)
    } else {
        style.row_height
    };
    let content_height =
        period_header + lane_count as f64 * style.lane_header + total_rows as f64 * row_height;
    let scroll_y = input
        .extras
        .scroll_y
        .clamp(0.0, (content_height - height).max(0.0));

    let mut scene = Scene {
        view: input.view,
        size: (width, height),
        period_strip: period_header,
        row_height,
        content_height,
        scroll_y,
        periods,
        ..Scene::default()
    };
    let mut y = period_header - scroll_y;
    for (lane_number, (lane, content)) in lanes.iter().zip(packed).enumerate() {
        let y0 = y;
        let rows_top = y0 + style.lane_header;
        y = rows_top + content.rows() as f64 * row_height;
        // The header stays in sight while the lane is scrolled past it.
        let header_y = y0.max(period_header).min(y - style.lane_header);
        scene.lanes.push(LaneBand {
            y0,
            header_y,
            y1: y,
            label: lane.label.clone(),
            category: lane.category,
        });
        // Rows under the header or below the area are out of view.
        let shown = |top: f64| top >= header_y + style.lane_header - 0.5 && top < height;
        let placed = match content {
            LanePacked::Folded => continue,
            LanePacked::Items(placed) => placed,
            LanePacked::Density(counts) => {
                if !shown(rows_top) {
                    continue;
                }
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
        let mut unlabelled = 0;
        for Placed { item, row, label } in placed.placed {
            let top_of_row = rows_top + row as f64 * row_height;
            if !shown(top_of_row) {
                continue;
            }
            let center_y = top_of_row + 0.5 * row_height;
            let event = match &item {
                Item::Mark(m) => Some(m.event),
                Item::Cluster(_) => None,
            };
            match label {
                Some((text, x, text_width, on_solid_bar)) => scene.labels.push(Label {
                    text,
                    x,
                    y: center_y,
                    width: text_width,
                    on_solid_bar,
                    event,
                    names: item.count(),
                }),
                None => unlabelled += item.count(),
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
        // Left-out events are in view (their lane is): the lane's note counts them.
        let left_out = if shown(rows_top) {
            placed.left_out
        } else {
            Vec::new()
        };
        scene.visible_events += left_out.len();
        let count = left_out.len() + unlabelled;
        if count > 0 {
            let text = More::text(count, input.extras.lang);
            let text_width = (input.measure)(&text);
            scene.more.push(More {
                lane: lane_number,
                left_out,
                unlabelled,
                x: width - style.right_inset - 6.0 - text_width,
                y: header_y + style.lane_header / 2.0,
                width: text_width,
            });
        }
    }
    scene.ticks = axis_ticks(&axis, input.extras.zone, input.extras.lang, input.measure);
    scene.lang = input.extras.lang;
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
    zone: crate::timeline::zone::DisplayZone,
    lang: crate::i18n::Lang,
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
        for tick in ticks::ticks_in(a + offset, b + offset, xb - xa, measure, lang).ticks {
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
    let all_links = input.extras.links;
    let pinned = input.extras.pinned;
    if !all_links && pinned.is_none() {
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
            if !all_links && pinned != Some(mark.event) && pinned != Some(target) {
                continue; // only the selection's links, unless all are asked for
            }
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
        .enumerate()
        .map(|(lane_number, (indexes, lane))| {
            // Lanes by category give every event the lane's category; otherwise it was looked
            // up once per event when the dataset was built (never by name here).
            let lane_category = lane.category;
            if lane.collapsed {
                return LaneContent::Marks(Vec::new());
            }
            if let Some(counted) = &input.extras.counted
                && let Some(counts) = counted.lane(&lane.key)
            {
                let bins = (width / DENSITY_BIN).ceil().max(1.0) as usize;
                let edges: Vec<f64> = (0..=bins)
                    .map(|bin| {
                        if bin == bins {
                            max_secs
                        } else {
                            axis.secs_from_x(bin as f64 * DENSITY_BIN).max(min_secs)
                        }
                    })
                    .collect();
                return LaneContent::Density(counted.resample(counts, &edges));
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
                        let x = (bin + 1) as f64 * DENSITY_BIN;
                        let edge = axis.secs_from_x(x);
                        // Inner edges may move by a quarter of a point (found in the lane's tile
                        // table alone); the view's own end is exact, so the total is.
                        let next = if bin + 1 == bins {
                            index.first_not_before(previous, max_secs)
                        } else {
                            let slack = axis.secs_from_x(x + 0.25) - edge;
                            index.first_not_before_near(previous, edge.min(max_secs), slack)
                        };
                        *count += u32::try_from(next - previous).unwrap_or(u32::MAX);
                        previous = next;
                    }
                }
                return LaneContent::Density(counts);
            }
            let mut marks = Vec::with_capacity(candidates);
            let mark = |idx: EventIdx| -> Option<Mark> {
                let event = input.dataset.event(idx)?;
                let (start, end) = input.layout.span(event);
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
                let second_x = input
                    .layout
                    .basis
                    .second_secs(event)
                    .map(|secs| clamp_x(axis.x_from_secs(secs)))
                    .filter(|&x| x > x1 + 3.0 || x < x0 - 3.0);
                Some(Mark {
                    second_x,
                    event: idx,
                    x0,
                    x1,
                    y: 0.0,
                    shape,
                    category: lane_category.or_else(|| input.dataset.category_index(idx)),
                    circa: event.circa(),
                })
            };
            let in_view = |idx: EventIdx| {
                input.dataset.event(idx).is_some_and(|event| {
                    let (start, end) = input.layout.span(event);
                    end >= min_secs && start < max_secs
                })
            };
            for (index, range) in ranges {
                let ends = index.ends.get(range.clone()).unwrap_or_default();
                for (&idx, &end) in index.events.get(range).unwrap_or_default().iter().zip(ends) {
                    if end < min_secs {
                        continue; // ended before the view: skip without touching the event
                    }
                    if in_view(idx)
                        && let Some(mark) = mark(idx)
                    {
                        marks.push(mark);
                    }
                }
            }
            // A second date in view whose event is not: drawn at its date, joined to the edge.
            let seconds = input
                .layout
                .seconds
                .get(lane_number)
                .map_or(&[][..], Vec::as_slice);
            let from = seconds.partition_point(|&(secs, _)| secs < min_secs);
            for &(secs, idx) in seconds.get(from..).unwrap_or_default() {
                if secs >= max_secs {
                    break;
                }
                if !in_view(idx)
                    && let Some(mark) = mark(idx)
                {
                    marks.push(mark);
                }
            }
            LaneContent::Marks(marks)
        })
        .collect()
}
