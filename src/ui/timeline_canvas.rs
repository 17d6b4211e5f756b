//! The interactive timeline: `egui_plot` hosts the time axis, drag-to-pan and bounds memory; the
//! pure [`Scene`] decides what is drawn, and this file turns it into painter shapes.
//!
//! The view is stored once, in [`AppState::view`]. Mirroring rule: at the start of a frame the plot
//! is told the state's view whenever they disagree (a command moved it); after the plot has handled
//! input, a different plot range is sent back as [`Command::SetView`] (the user moved it).

use std::cell::RefCell;
use std::rc::Rc;

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, vec2,
};
use egui_plot::{AxisHints, GridInput, GridMark, Plot};

use super::theme::{self, TimelineColors};
use crate::app::{AppState, Command};
use crate::model::Dataset;
use crate::timeline::scene::{self, Hit, MarkShape, Scene, SceneInput, SceneStyle};
use crate::timeline::ticks::Tick;
use crate::timeline::{TimeAxis, TimeView};

/// Font of event labels.
pub fn label_font() -> FontId {
    FontId::proportional(13.0)
}

/// Height of the overview strip under the timeline.
pub const OVERVIEW_HEIGHT: f32 = 34.0;

/// The grid spacing minimum `egui_plot` uses to compute `GridInput::base_step_size`.
const GRID_SPACING_MIN: f32 = 8.0;

/// The overview strip's counts, kept while lanes, range and width stay the same (they cost a
/// few binary searches per bin and lane: too much to redo every frame at a million events).
#[derive(Clone, Debug, Default)]
pub struct OverviewCache {
    key: Option<(u64, u64, u64, usize, usize)>,
    strip: crate::timeline::overview::Overview,
}

/// What the canvas drew last frame, for hit tests from outside (tests, keyboard navigation).
#[derive(Clone, Debug)]
pub struct CanvasFrame {
    /// Screen rectangle of the timeline area.
    pub rect: Rect,
    /// The scene drawn there.
    pub scene: Scene,
    /// The overview strip's counts.
    pub overview: OverviewCache,
}

impl Default for CanvasFrame {
    fn default() -> Self {
        Self {
            rect: Rect::NOTHING,
            scene: Scene::default(),
            overview: OverviewCache::default(),
        }
    }
}

fn views_differ(a: TimeView, b: TimeView) -> bool {
    let tolerance = a.span_secs.max(b.span_secs) * 1e-9;
    (a.min_secs - b.min_secs).abs() > tolerance || (a.span_secs - b.span_secs).abs() > tolerance
}

/// Width of `text` in the label font, in points.
pub fn measure_text(ctx: &egui::Context, text: &str) -> f64 {
    f64::from(ctx.fonts_mut(|fonts| {
        fonts
            .layout_no_wrap(text.to_owned(), label_font(), Color32::PLACEHOLDER)
            .size()
            .x
    }))
}

/// Draws the timeline at `view` (the state's view, or a step of an animated zoom towards it) and
/// pushes what the user did. Returns what was drawn.
pub fn timeline_ui(
    ui: &mut Ui,
    state: &AppState,
    view: TimeView,
    mut overview: OverviewCache,
    commands: &mut Vec<Command>,
) -> CanvasFrame {
    let ctx = ui.ctx().clone();
    let measure = move |text: &str| measure_text(&ctx, text);
    let ticks_shared: Rc<RefCell<Vec<Tick>>> = Rc::default();

    // The plot's x is the axis coordinate: time, with collapsed stretches drawn short.
    let breaks = state.breaks.clone();
    let zone = state.zone();
    let spacer = {
        let ticks_shared = Rc::clone(&ticks_shared);
        let measure = measure.clone();
        let breaks = breaks.clone();
        move |input: GridInput| -> Vec<GridMark> {
            let (min_u, max_u) = input.bounds;
            let u_per_point = input.base_step_size / f64::from(GRID_SPACING_MIN);
            if u_per_point.is_nan() || u_per_point <= 0.0 {
                return Vec::new();
            }
            let width = (max_u - min_u) / u_per_point;
            let view = TimeView::from_min_max(breaks.from_axis(min_u), breaks.from_axis(max_u));
            let axis = TimeAxis::with_breaks(view, 0.0, width, breaks.clone());
            let placed = scene::axis_ticks(&axis, zone, &measure);
            let marks = placed
                .iter()
                .map(|t| {
                    // egui_plot hides a label wider than `step_size`; ours are already checked
                    // for overlap, so give each one the room it needs.
                    let room = (measure(&t.tick.label) + 2.0) * u_per_point;
                    GridMark {
                        value: breaks.to_axis(t.tick.secs),
                        step_size: room.max(u_per_point),
                    }
                })
                .collect();
            ticks_shared.replace(
                placed
                    .into_iter()
                    .map(|t| Tick {
                        secs: breaks.to_axis(t.tick.secs),
                        ..t.tick
                    })
                    .collect(),
            );
            marks
        }
    };
    let formatter = {
        let ticks_shared = Rc::clone(&ticks_shared);
        move |mark: GridMark, _range: &std::ops::RangeInclusive<f64>| -> String {
            let ticks = ticks_shared.borrow();
            let tolerance = mark.value.abs().max(1.0) * 1e-12;
            ticks
                .iter()
                .find(|t| (t.secs - mark.value).abs() <= tolerance)
                .map(|t| t.label.clone())
                .unwrap_or_default()
        }
    };

    let plot = Plot::new("timeline")
        .show_axes([true, false])
        .show_grid(false)
        .show_background(false)
        .show_x(false)
        .show_y(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .allow_axis_zoom_drag(false)
        .allow_drag([true, false])
        .set_margin_fraction(egui::Vec2::ZERO)
        .grid_spacing(GRID_SPACING_MIN..=300.0)
        .x_grid_spacer(spacer)
        .custom_x_axes(vec![
            AxisHints::new_x()
                .formatter(formatter)
                .label_spacing(0.0..=1.0),
        ])
        .height((ui.available_height() - OVERVIEW_HEIGHT - 4.0).max(80.0))
        .sense(Sense::click_and_drag());
    let to_secs = {
        let breaks = breaks.clone();
        move |min_u: f64, max_u: f64| {
            TimeView::from_min_max(breaks.from_axis(min_u), breaks.from_axis(max_u))
        }
    };
    let plot_breaks = breaks.clone();
    let response = plot.show(ui, move |plot_ui| {
        let last = plot_ui.plot_bounds();
        let plot_view = to_secs(last.min()[0], last.max()[0]);
        if views_differ(plot_view, view) {
            plot_ui.set_plot_bounds_x(
                plot_breaks.to_axis(view.min_secs)..=plot_breaks.to_axis(view.max_secs()),
            );
        }
        plot_ui.set_plot_bounds_y(0.0..=1.0);
    });

    let rect = *response.transform.frame();
    let bounds = response.transform.bounds();
    let mut shown_view = TimeView::from_min_max(
        breaks.from_axis(bounds.min()[0]),
        breaks.from_axis(bounds.max()[0]),
    );
    let plot_response = response.response;

    // Wheel and pinch zoom time only, around the pointer; horizontal wheel pans.
    if plot_response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        if scroll != egui::Vec2::ZERO || zoom != 1.0 {
            // Zoom and pan on the axis coordinate, so the time under the pointer stays there
            // even with breaks.
            let view_u = TimeView::from_min_max(
                breaks.to_axis(shown_view.min_secs),
                breaks.to_axis(shown_view.max_secs()),
            );
            let axis = TimeAxis::new(view_u, f64::from(rect.left()), f64::from(rect.width()));
            let pointer_x = plot_response
                .hover_pos()
                .map_or(f64::from(rect.center().x), |p| f64::from(p.x));
            let factor = f64::from(zoom) * (f64::from(scroll.y) * 0.004).exp();
            let pan_u = -f64::from(scroll.x) * axis.secs_per_x();
            let zoomed = view_u
                .zoomed(axis.secs_from_x(pointer_x), factor)
                .panned(pan_u);
            shown_view = TimeView::from_min_max(
                breaks.from_axis(zoomed.min_secs),
                breaks.from_axis(zoomed.max_secs()),
            );
        }
    }
    if views_differ(shown_view, view) {
        commands.push(Command::SetView(shown_view));
    }

    let scene = scene::build(&SceneInput {
        dataset: &state.dataset,
        layout: &state.layout,
        view: shown_view,
        size: (f64::from(rect.width()), f64::from(rect.height())),
        style: SceneStyle::default(),
        measure: &measure,
        extras: &state.scene_extras(),
    });
    let colors = theme::timeline_colors(state.settings.theme);
    let hovered = plot_response.hover_pos().and_then(|p| {
        scene.hit(
            f64::from(p.x - rect.left()),
            f64::from(p.y - rect.top()),
            8.0,
        )
    });
    paint_scene(
        &ui.painter_at(rect),
        rect,
        &scene,
        state,
        hovered.as_ref(),
        &colors,
    );

    // The axis always names its zone.
    ui.painter_at(rect).text(
        rect.right_bottom() + vec2(-6.0, -4.0),
        Align2::RIGHT_BOTTOM,
        format!("Axis: {}", zone.name_at(view.center_secs())),
        FontId::proportional(11.0),
        colors.lane_text,
    );
    lane_headers_ui(ui, rect, &scene, state, commands);
    overview_ui(ui, state, shown_view, &colors, &mut overview, commands);

    if let Some(hit) = &hovered {
        let plot_response = plot_response
            .clone()
            .on_hover_cursor(egui::CursorIcon::PointingHand);
        plot_response.on_hover_ui_at_pointer(|ui| hover_ui(ui, &state.dataset, &scene, hit));
    }
    if plot_response.double_clicked() {
        match &hovered {
            Some(Hit::Event(idx)) => commands.push(Command::ZoomToEvent(*idx)),
            _ => commands.push(Command::FitAll),
        }
    } else if plot_response.clicked() {
        match &hovered {
            Some(Hit::Event(idx)) => commands.push(Command::Select(Some(*idx))),
            Some(Hit::Cluster(i)) => {
                if let (Some((min, max)), Some(cluster)) = (
                    cluster_range(&state.dataset, &scene, *i),
                    scene.clusters.get(*i),
                ) {
                    commands.push(Command::ShowMembers {
                        events: cluster.members.clone(),
                        min_secs: min,
                        max_secs: max,
                    });
                }
            }
            Some(Hit::Density {
                min_secs, max_secs, ..
            }) => {
                // Zoom in around the bin, far enough that its lane can show events again.
                let mid = f64::midpoint(*min_secs, *max_secs);
                let half = (max_secs - min_secs) * 10.0;
                commands.push(Command::ZoomToRange(mid - half, mid + half));
            }
            None => commands.push(Command::Select(None)),
        }
    }
    CanvasFrame {
        rect,
        scene,
        overview,
    }
}

fn cluster_range(dataset: &Dataset, scene: &Scene, index: usize) -> Option<(f64, f64)> {
    let cluster = scene.clusters.get(index)?;
    let events = cluster.members.iter().filter_map(|&i| dataset.event(i));
    events.fold(None, |acc, e| match acc {
        None => Some((e.start_secs(), e.end_secs())),
        Some((lo, hi)) => Some((f64::min(lo, e.start_secs()), f64::max(hi, e.end_secs()))),
    })
}

fn hover_ui(ui: &mut Ui, dataset: &Dataset, scene: &Scene, hit: &Hit) {
    match hit {
        Hit::Event(idx) => {
            let Some(event) = dataset.event(*idx) else {
                return;
            };
            ui.strong(crate::model::text::one_line(
                event.title(),
                crate::model::text::TITLE_CHARS,
            ));
            ui.label(event.date_label());
            if let Some(category) = event.category() {
                let label = dataset
                    .category(category)
                    .map_or(category, |c| c.label.as_str());
                ui.weak(label);
            }
        }
        Hit::Cluster(i) => {
            let Some(cluster) = scene.clusters.get(*i) else {
                return;
            };
            ui.strong(format!("{} events", cluster.count));
            let first = cluster.members.first().and_then(|&m| dataset.event(m));
            let last = cluster.members.last().and_then(|&m| dataset.event(m));
            if let (Some(first), Some(last)) = (first, last) {
                ui.label(format!(
                    "{} to {}",
                    first.start().label(),
                    last.start().label()
                ));
            }
            ui.weak("Click to list them");
        }
        Hit::Density {
            min_secs,
            max_secs,
            count,
        } => {
            let label = |secs: f64| {
                crate::model::TimePoint::from_unix_secs(secs.floor() as i64)
                    .map_or_else(|_| String::new(), |p| p.label())
            };
            ui.strong(format!(
                "{count} event{} starting here",
                if *count == 1 { "" } else { "s" }
            ));
            ui.label(format!("{} to {}", label(*min_secs), label(*max_secs)));
            ui.weak("Too many to draw one by one; click to zoom in");
        }
    }
}

fn pos(rect: Rect, x: f64, y: f64) -> Pos2 {
    Pos2::new(rect.left() + x as f32, rect.top() + y as f32)
}

fn paint_scene(
    painter: &egui::Painter,
    rect: Rect,
    scene: &Scene,
    state: &AppState,
    hovered: Option<&Hit>,
    colors: &TimelineColors,
) {
    let dataset = &state.dataset;
    let dark = colors.lane_even.r() < 128;
    // Lanes.
    for (i, lane) in scene.lanes.iter().enumerate() {
        let band = Rect::from_min_max(pos(rect, 0.0, lane.y0), pos(rect, scene.size.0, lane.y1));
        painter.rect_filled(
            band,
            CornerRadius::ZERO,
            if i % 2 == 0 {
                colors.lane_even
            } else {
                colors.lane_odd
            },
        );
    }
    // Periods behind everything else.
    for period in &scene.periods {
        let color = colors.category(dataset, period.category);
        let band = Rect::from_min_max(
            pos(rect, period.x0, 0.0),
            pos(rect, period.x1, scene.size.1),
        );
        painter.rect_filled(
            band,
            CornerRadius::ZERO,
            theme::with_alpha(color, colors.period_alpha),
        );
        let strip = Rect::from_min_max(
            pos(rect, period.x0, 1.0),
            pos(rect, period.x1, scene.period_strip - 2.0),
        );
        painter.rect_filled(
            strip,
            CornerRadius::same(2),
            theme::with_alpha(color, colors.period_strip_alpha),
        );
        for x in [band.left(), band.right()] {
            painter.line_segment(
                [egui::pos2(x, band.top()), egui::pos2(x, band.bottom())],
                Stroke::new(1.0, theme::with_alpha(color, 110)),
            );
        }
        if let Some(x) = period.label_x {
            painter.text(
                pos(rect, x, scene.period_strip / 2.0 - 0.5),
                Align2::LEFT_CENTER,
                &period.label,
                FontId::proportional(12.0),
                colors.label,
            );
        }
    }
    // Grid lines from the same ticks as the axis.
    let grid = if dark {
        Color32::from_white_alpha(22)
    } else {
        Color32::from_black_alpha(22)
    };
    for tick in &scene.ticks {
        let x = rect.left() + tick.x as f32;
        let width = if tick.tick.major { 1.5 } else { 1.0 } * colors.line_width;
        let top = rect.top() + scene.period_strip as f32;
        painter.line_segment(
            [Pos2::new(x, top), Pos2::new(x, rect.bottom())],
            Stroke::new(width, grid),
        );
    }
    for lane in &scene.lanes {
        painter.text(
            pos(rect, 6.0, lane.y0 + 9.0),
            Align2::LEFT_CENTER,
            &lane.label,
            FontId::proportional(11.5),
            colors.lane_text,
        );
    }
    let selected = state.selected();
    let hovered_event = match hovered {
        Some(Hit::Event(idx)) => Some(*idx),
        _ => None,
    };
    let neighbours = selected.map(|s| state.neighbours(s)).unwrap_or_default();
    paint_relations(painter, rect, scene, state, selected, colors);
    // While searching (and showing everything), what does not match steps back.
    let searching = state.filter.is_searching() && !state.filter.only_matches;
    let is_hit = |idx| state.search_hits.binary_search(&idx).is_ok();
    let radius = SceneStyle::default().marker_radius as f32;
    // Bars hold a line of text; they shrink with the rows but keep 2 pt above and below.
    let bar_half = (SceneStyle::default().bar_height.min(scene.row_height - 4.0) / 2.0) as f32;
    // Bars first, then points on top with a ring of the lane's colour, so a point is never hidden
    // by a long bar of its own colour in the same row.
    let bars = scene.marks.iter().filter(|m| m.shape != MarkShape::Point);
    let points = scene.marks.iter().filter(|m| m.shape == MarkShape::Point);
    for mark in bars.chain(points) {
        let hit = searching && is_hit(mark.event);
        let color = colors.category(dataset, mark.category);
        let color = if searching && !hit {
            theme::with_alpha(color, 60)
        } else {
            color
        };
        let highlight = selected == Some(mark.event)
            || hovered_event == Some(mark.event)
            || hit
            || neighbours.contains(&mark.event);
        let outline = Stroke::new(
            if selected == Some(mark.event) {
                2.0
            } else {
                1.0
            },
            colors.selection,
        );
        match mark.shape {
            MarkShape::Point => {
                let center = pos(rect, mark.x0, mark.y);
                painter.circle_filled(center, radius + 1.5, colors.lane_even);
                painter.circle_filled(center, radius, color);
                if mark.circa {
                    // A ring, not a paler colour: an uncertain date keeps its category's hue.
                    painter.circle_filled(center, radius - 2.5, colors.lane_even);
                }
                if highlight {
                    painter.circle_stroke(center, radius + 2.0, outline);
                }
            }
            MarkShape::Span | MarkShape::Partial => {
                let r = Rect::from_min_max(pos(rect, mark.x0, mark.y), pos(rect, mark.x1, mark.y))
                    .expand2(vec2(0.0, bar_half));
                let fill = if mark.shape == MarkShape::Partial {
                    theme::with_alpha(color, colors.partial_alpha)
                } else {
                    color
                };
                painter.rect_filled(r, CornerRadius::same(3), fill);
                if mark.shape == MarkShape::Partial {
                    painter.rect_stroke(
                        r,
                        CornerRadius::same(3),
                        Stroke::new(1.0, color),
                        StrokeKind::Inside,
                    );
                }
                if highlight {
                    painter.rect_stroke(
                        r.expand(2.0),
                        CornerRadius::same(4),
                        outline,
                        StrokeKind::Outside,
                    );
                }
            }
        }
    }
    for density in &scene.densities {
        let color = colors.category(dataset, density.category);
        let max = f64::from(density.max_count.max(1));
        // One mesh per lane: hundreds of bins as separate shapes would each be tessellated.
        let mut mesh = egui::Mesh::default();
        for (i, &count) in density.counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            // Square root: bursts stand out, single events stay visible.
            let shade = (f64::from(count) / max).sqrt();
            let x0 = i as f64 * density.bin_width;
            let bin = Rect::from_min_max(
                pos(rect, x0, density.y0 + 1.0),
                pos(rect, x0 + density.bin_width, density.y1 - 1.0),
            );
            mesh.add_colored_rect(bin, theme::with_alpha(color, (30.0 + 225.0 * shade) as u8));
        }
        painter.add(egui::Shape::mesh(mesh));
        painter.text(
            pos(rect, scene.size.0 - 6.0, density.y0 - 9.0),
            Align2::RIGHT_CENTER,
            format!(
                "{} events start in view: shaded by density; zoom in to see them",
                crate::model::text::thousands(density.total)
            ),
            FontId::proportional(11.0),
            colors.lane_text,
        );
    }
    for cluster in &scene.clusters {
        let color = colors.category(dataset, cluster.category);
        let color = if searching && !cluster.members.iter().any(|&m| is_hit(m)) {
            theme::with_alpha(color, 60)
        } else {
            color
        };
        let r = Rect::from_min_max(
            pos(rect, cluster.x0, cluster.y),
            pos(rect, cluster.x1, cluster.y),
        )
        .expand2(vec2(radius + 1.0, radius + 1.0));
        painter.rect_filled(r, CornerRadius::same(6), color);
        painter.rect_stroke(
            r,
            CornerRadius::same(6),
            Stroke::new(1.0, colors.cluster),
            StrokeKind::Outside,
        );
    }
    for label in &scene.labels {
        let color = if label.on_solid_bar {
            colors.label_on_bar
        } else {
            colors.label
        };
        let color = match label.event {
            Some(idx) if searching && !is_hit(idx) => theme::with_alpha(color, 90),
            _ => color,
        };
        painter.text(
            pos(rect, label.x, label.y),
            Align2::LEFT_CENTER,
            &label.text,
            label_font(),
            color,
        );
    }
}

/// Collapsed stretches, joins between copies of one event, second dates and link arrows.
fn paint_relations(
    painter: &egui::Painter,
    rect: Rect,
    scene: &Scene,
    state: &AppState,
    selected: Option<crate::model::EventIdx>,
    colors: &TimelineColors,
) {
    let dataset = &state.dataset;
    let top = scene.period_strip;
    let bottom = scene.size.1;
    for gap in &scene.breaks {
        let band = Rect::from_min_max(pos(rect, gap.x0, top), pos(rect, gap.x1, bottom));
        painter.rect_filled(band, CornerRadius::ZERO, colors.lane_odd);
        // Two zigzag edges: the classic mark of a broken axis.
        for x in [gap.x0, gap.x1] {
            let mut points = Vec::new();
            let mut y = top;
            let mut left = true;
            while y < bottom {
                points.push(pos(rect, x + if left { -2.5 } else { 2.5 }, y));
                y += 6.0;
                left = !left;
            }
            painter.add(egui::Shape::line(
                points,
                Stroke::new(1.2, colors.lane_text),
            ));
        }
        painter.text(
            pos(rect, f64::midpoint(gap.x0, gap.x1), bottom - 10.0),
            Align2::CENTER_CENTER,
            &gap.label,
            FontId::proportional(10.5),
            colors.lane_text,
        );
    }
    for join in &scene.joins {
        let color = theme::with_alpha(colors.lane_text, 140);
        painter.add(egui::Shape::dashed_line(
            &[pos(rect, join.x, join.y0), pos(rect, join.x, join.y1)],
            Stroke::new(1.0, color),
            3.0,
            3.0,
        ));
    }
    for link in &scene.date_links {
        let category = dataset.category_index(link.event);
        let color = colors.category(dataset, category);
        let from = pos(rect, link.x_mark, link.y);
        let to = pos(rect, link.x_other, link.y);
        painter.add(egui::Shape::dashed_line(
            &[from, to],
            Stroke::new(1.2, color),
            4.0,
            3.0,
        ));
        // A hollow diamond: the date it became known (or, placed by that, when it happened).
        let r = 5.0;
        let diamond = vec![
            to + vec2(0.0, -r),
            to + vec2(r, 0.0),
            to + vec2(0.0, r),
            to + vec2(-r, 0.0),
        ];
        painter.add(egui::Shape::convex_polygon(
            diamond,
            colors.lane_even,
            Stroke::new(1.5, color),
        ));
    }
    for arrow in &scene.arrows {
        let touches = selected.is_some_and(|s| s == arrow.from || s == arrow.to);
        let (width, color) = if touches {
            (2.0, colors.selection)
        } else {
            (1.2, theme::with_alpha(colors.label, 150))
        };
        let start = pos(rect, arrow.start.0, arrow.start.1);
        let end = pos(rect, arrow.end.0, arrow.end.1);
        // A gentle arc, so arrows along one row do not hide behind the marks.
        let lift = if (end.y - start.y).abs() < 1.0 {
            -14.0
        } else {
            0.0
        };
        let control = Pos2::new(
            f32::midpoint(start.x, end.x),
            f32::midpoint(start.y, end.y) + lift,
        );
        let curve = egui::epaint::QuadraticBezierShape::from_points_stroke(
            [start, control, end],
            false,
            Color32::TRANSPARENT,
            Stroke::new(width, color),
        );
        painter.add(curve);
        let direction = (end - control).normalized();
        if direction.x.is_finite() && direction.y.is_finite() {
            let tip = end - direction * 6.0;
            let side = vec2(-direction.y, direction.x) * 3.5;
            painter.add(egui::Shape::convex_polygon(
                vec![end - direction * 1.0, tip + side, tip - side],
                color,
                Stroke::NONE,
            ));
        }
    }
}

/// Lane headers: a click folds or unfolds the lane; dragging one moves it.
fn lane_headers_ui(
    ui: &Ui,
    rect: Rect,
    scene: &Scene,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    let header = SceneStyle::default().lane_header;
    let mut dragged: Option<(usize, f32)> = None;
    for (i, (band, lane)) in scene.lanes.iter().zip(&state.layout.lanes).enumerate() {
        let title_width = measure_text(ui.ctx(), &band.label) as f32 * 11.5 / 13.0;
        let area = Rect::from_min_size(
            pos(rect, 0.0, band.y0),
            vec2(title_width + 30.0, header as f32),
        );
        let response = ui
            .interact(
                area,
                egui::Id::unique(("lane", &lane.key)),
                Sense::click_and_drag(),
            )
            .on_hover_cursor(egui::CursorIcon::Grab)
            .on_hover_text(format!(
                "{} events. Click to {}; drag to move the lane.",
                crate::model::text::thousands(lane.count),
                if lane.collapsed { "unfold" } else { "fold" }
            ));
        // A small triangle after the name: pointing right when folded, down when open.
        let tip = pos(rect, f64::from(title_width) + 14.0, band.y0 + 9.0);
        let triangle = if lane.collapsed {
            vec![
                tip + vec2(-3.0, -4.0),
                tip + vec2(3.0, 0.0),
                tip + vec2(-3.0, 4.0),
            ]
        } else {
            vec![
                tip + vec2(-4.0, -2.5),
                tip + vec2(4.0, -2.5),
                tip + vec2(0.0, 3.5),
            ]
        };
        let color = ui.visuals().weak_text_color();
        ui.painter_at(rect)
            .add(egui::Shape::convex_polygon(triangle, color, Stroke::NONE));
        if response.clicked() {
            commands.push(Command::ToggleLaneCollapsed(lane.key.clone()));
        }
        if response.dragged()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            dragged = Some((i, pointer.y));
        }
        if response.drag_stopped()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let y = f64::from(pointer.y - rect.top());
            let to = scene
                .lanes
                .iter()
                .position(|b| y < f64::midpoint(b.y0, b.y1))
                .unwrap_or(scene.lanes.len());
            let to = if to > i { to - 1 } else { to };
            if to != i {
                commands.push(Command::MoveLane(lane.key.clone(), to));
            }
        }
    }
    if let Some((_, y)) = dragged {
        let y = f64::from(y - rect.top());
        let line_y = scene
            .lanes
            .iter()
            .map(|b| b.y0)
            .chain(scene.lanes.last().map(|b| b.y1))
            .min_by(|a, b| (a - y).abs().total_cmp(&(b - y).abs()))
            .unwrap_or(0.0);
        ui.painter_at(rect).line_segment(
            [pos(rect, 0.0, line_y), pos(rect, scene.size.0, line_y)],
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
        );
    }
}

/// The overview strip: the whole data range with its density and the current window, which can
/// be dragged (move), dragged by an edge (resize), or set by a click elsewhere.
fn overview_ui(
    ui: &mut Ui,
    state: &AppState,
    view: TimeView,
    colors: &TimelineColors,
    cache: &mut OverviewCache,
    commands: &mut Vec<Command>,
) {
    let (response, painter) = ui.allocate_painter(
        vec2(ui.available_width(), OVERVIEW_HEIGHT),
        Sense::click_and_drag(),
    );
    let rect = response.rect;
    let Some((min, max)) = state.dataset.extent_secs() else {
        return;
    };
    // The strip covers the data and the window, whichever is wider.
    let (min, max) = (min.min(view.min_secs), max.max(view.max_secs()));
    let pad = (max - min) * 0.01;
    let (min, max) = (min - pad, max + pad);
    let breaks = &state.breaks;
    let bins = (rect.width() / 3.0).max(1.0) as usize;
    let key = (
        state.layout_generation,
        min.to_bits(),
        max.to_bits(),
        bins,
        breaks.gaps().len(),
    );
    if cache.key != Some(key) {
        cache.strip = crate::timeline::overview::overview(&state.layout, min, max, bins, breaks);
        cache.key = Some(key);
    }
    let strip = &cache.strip;
    painter.rect_filled(rect, CornerRadius::same(2), colors.lane_odd);
    let axis = TimeAxis::with_breaks(
        TimeView {
            min_secs: min,
            span_secs: max - min,
        },
        f64::from(rect.left()),
        f64::from(rect.width()),
        breaks.clone(),
    );
    let bin_width = rect.width() / bins as f32;
    let max_count = f64::from(strip.max_count.max(1));
    for (i, &count) in strip.counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let height = (f64::from(count) / max_count).sqrt() as f32 * (rect.height() - 4.0);
        let x0 = rect.left() + i as f32 * bin_width;
        painter.rect_filled(
            Rect::from_min_max(
                egui::pos2(x0, rect.bottom() - 2.0 - height),
                egui::pos2(x0 + bin_width.max(1.0), rect.bottom() - 2.0),
            ),
            CornerRadius::ZERO,
            theme::with_alpha(colors.lane_text, 150),
        );
    }
    for gap in breaks.gaps() {
        let x = f64::midpoint(
            axis.x_from_secs(gap.from_secs),
            axis.x_from_secs(gap.to_secs),
        );
        painter.line_segment(
            [
                egui::pos2(x as f32, rect.top()),
                egui::pos2(x as f32, rect.bottom()),
            ],
            Stroke::new(1.0, colors.lane_text),
        );
    }
    let x0 = axis.x_from_secs(view.min_secs) as f32;
    let x1 = (axis.x_from_secs(view.max_secs()) as f32).max(x0 + 2.0);
    let window = Rect::from_min_max(egui::pos2(x0, rect.top()), egui::pos2(x1, rect.bottom()));
    painter.rect_filled(
        window,
        CornerRadius::same(2),
        theme::with_alpha(colors.selection, 40),
    );
    painter.rect_stroke(
        window,
        CornerRadius::same(2),
        Stroke::new(1.5, colors.selection),
        StrokeKind::Inside,
    );
    let response = response.on_hover_text(
        "Overview of all events: drag the window to move it, its edges to resize it, or click to jump",
    );
    let grab = |id: &str| egui::Id::unique(("overview-grab", id));
    let press_at = response.interact_pointer_pos();
    if response.drag_started()
        && let Some(p) = press_at
    {
        let part = if (p.x - x0).abs() <= 5.0 {
            "left"
        } else if (p.x - x1).abs() <= 5.0 {
            "right"
        } else {
            "move"
        };
        ui.data_mut(|d| d.insert_temp(grab("part"), part.to_owned()));
    }
    if response.dragged() {
        let part: String = ui.data(|d| d.get_temp(grab("part"))).unwrap_or_default();
        let dx = f64::from(response.drag_delta().x);
        let at = |x: f32| axis.secs_from_x(f64::from(x));
        let new = match part.as_str() {
            "left" => TimeView::from_min_max(at(x0 + dx as f32), view.max_secs()),
            "right" => TimeView::from_min_max(view.min_secs, at(x1 + dx as f32)),
            _ => TimeView::from_min_max(at(x0 + dx as f32), at(x1 + dx as f32)),
        };
        commands.push(Command::SetView(new));
    } else if response.clicked()
        && let Some(p) = press_at
    {
        let center = axis.secs_from_x(f64::from(p.x));
        commands.push(Command::SetView(view.panned(center - view.center_secs())));
    }
}
