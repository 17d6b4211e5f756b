//! The interactive timeline: `egui_plot` hosts the time axis, drag-to-pan and bounds memory; the
//! pure [`Scene`] decides what is drawn, and this file turns it into painter shapes.
//!
//! The view is stored once, in [`AppState::view`]. Mirroring rule: at the start of a frame the plot
//! is told the state's view whenever they disagree (a command moved it); after the plot has handled
//! input, a different plot range is sent back as [`ViewCommand::SetView`] (the user moved it).

use crate::app::{Commands, LanesCommand, SelectCommand, ViewCommand};
use std::cell::RefCell;
use std::rc::Rc;

use egui::{Color32, FontId, Pos2, Rect, Sense, Ui, vec2};
use egui_plot::{AxisHints, GridInput, GridMark, Plot};

use crate::app::AppState;
use crate::i18n::Arg;
use crate::model::Dataset;
use crate::timeline::interact;
use crate::timeline::paint::{self, Emphasis, Look};
use crate::timeline::scene::{self, Hit, Scene, SceneInput, SceneStyle};
use crate::timeline::ticks::Tick;
use crate::timeline::{TimeAxis, TimeView};

mod access;
mod hover;
mod scroll;

use access::accessible_events;
use hover::hover_ui;
use scroll::{SCROLL_BAR, lane_scroll, scroll_bar, scroll_thumb};

/// Font of event labels.
pub fn label_font() -> FontId {
    FontId::proportional(paint::TYPE.label as f32)
}

/// Height of the overview strip under the timeline.
pub const OVERVIEW_HEIGHT: f32 = 34.0;

/// The grid spacing minimum `egui_plot` uses to compute `GridInput::base_step_size`.
const GRID_SPACING_MIN: f32 = 8.0;

/// What the overview strip's counts are made from: (layout generation, the table's overview
/// generation), range (bits), bins, gaps.
type StripKey = ((u64, Option<u64>), u64, u64, usize, usize);

/// The overview strip's counts, kept while lanes, range and width stay the same (they cost a
/// few binary searches per bin and lane: too much to redo every frame at a million events).
#[derive(Clone, Debug, Default)]
pub struct OverviewCache {
    key: Option<StripKey>,
    strip: crate::timeline::overview::Overview,
}

/// What the canvas drew last frame, for hit tests from outside (tests, keyboard navigation).
#[derive(Clone, Debug)]
pub struct CanvasFrame {
    /// Screen rectangle of the timeline area.
    pub rect: Rect,
    /// The scene drawn there.
    pub scene: Scene,
    /// What the scene was laid out from: while it stays the same (the pointer moves, a panel
    /// changes, an idle repaint), the scene is drawn again without being laid out again.
    scene_key: Option<SceneKey>,
    /// The overview strip's counts.
    pub overview: OverviewCache,
}

impl Default for CanvasFrame {
    fn default() -> Self {
        Self {
            rect: Rect::NOTHING,
            scene: Scene::default(),
            scene_key: None,
            overview: OverviewCache::default(),
        }
    }
}

/// Everything a scene is laid out from, but the data and lanes (counted by their generation).
#[derive(Clone, Debug, PartialEq)]
struct SceneKey {
    generation: u64,
    view: TimeView,
    size: (f64, f64),
    right_inset: f64,
    pixels_per_point: f32,
    extras: crate::timeline::scene::SceneExtras,
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
    previous: CanvasFrame,
    commands: &mut Commands,
) -> CanvasFrame {
    let mut overview = previous.overview;
    let ctx = ui.ctx().clone();
    let measure = move |text: &str| measure_text(&ctx, text);
    let breaks = state.breaks.clone();
    let zone = state.zone();
    // The axis names its zone at its right end, in room of its own: no tick label runs into
    // it, and no event label under it (it sits in the axis row, not over the last lane).
    let zone_note = state.lang().text(
        "canvas-axis-zone",
        &[("zone", Arg::Text(&zone.name_at(view.center_secs())))],
    );
    let zone_room = measure(&zone_note) + 12.0;
    let response = plot_ui(ui, state, view, zone_room);
    let rect = *response.transform.frame();
    let bounds = response.transform.bounds();
    let mut shown_view = interact::view_from_axis(&breaks, bounds.min()[0], bounds.max()[0]);
    let plot_response = response.response;

    // Lanes that do not fit scroll: the wheel over the lane names or the scroll bar moves them.
    let scrolled = lane_scroll(ui, rect, &previous.scene, state, commands);
    if !scrolled {
        shown_view = pointer_zoom(ui, &plot_response, rect, &breaks, shown_view);
    }
    if interact::views_differ(shown_view, view) {
        commands.push(ViewCommand::SetView(shown_view));
    }

    let style = SceneStyle {
        // Labels keep clear of the scroll bar while there is one.
        right_inset: if scroll_thumb(rect, &previous.scene).is_some() {
            f64::from(SCROLL_BAR) + 2.0
        } else {
            0.0
        },
        ..SceneStyle::default()
    };
    let key = SceneKey {
        generation: state.layout_generation,
        view: shown_view,
        size: (f64::from(rect.width()), f64::from(rect.height())),
        right_inset: style.right_inset,
        pixels_per_point: ui.ctx().pixels_per_point(),
        extras: state.scene_extras(),
    };
    let scene = if previous.scene_key.as_ref() == Some(&key) {
        previous.scene
    } else {
        scene::build(&SceneInput {
            dataset: &state.dataset,
            layout: &state.layout,
            view: shown_view,
            size: key.size,
            style,
            measure: &measure,
            extras: &key.extras,
        })
    };
    let look = Look::new(state.settings.theme, &state.dataset);
    let hovered = plot_response.hover_pos().and_then(|p| {
        scene.hit(
            f64::from(p.x - rect.left()),
            f64::from(p.y - rect.top()),
            8.0,
        )
    });
    let neighbours = state
        .selected()
        .map(|s| state.neighbours(s))
        .unwrap_or_default();
    let prims = paint::timeline(
        &scene,
        &look,
        &emphasis(state, hovered.as_ref(), &neighbours),
    );
    super::paint::paint(&ui.painter_at(rect), rect.min, &prims);
    // Level with the tick labels, which egui_plot draws from the frame's bottom down.
    let label_height = f64::from(ui.text_style_height(&egui::TextStyle::Body));
    let note = paint::corner_note(
        &look,
        zone_note,
        (scene.size.0 - 2.0, scene.size.1 + label_height / 2.0),
    );
    super::paint::paint(ui.painter(), rect.min, &[note]);
    scroll_bar(ui, rect, &scene);
    querying_ui(ui, rect, state);
    lane_headers_ui(ui, rect, &scene, state, &look, commands);
    overview_ui(ui, state, shown_view, &look, &mut overview, commands);

    if let Some(hit) = &hovered {
        let plot_response = plot_response
            .clone()
            .on_hover_cursor(egui::CursorIcon::PointingHand);
        plot_response.on_hover_ui_at_pointer(|ui| hover_ui(ui, state, &scene, hit));
    }
    clicks(state, &scene, hovered.as_ref(), &plot_response, commands);
    accessible_events(ui.ctx(), rect, state, &scene);
    CanvasFrame {
        rect,
        scene,
        scene_key: Some(key),
        overview,
    }
}

/// While a table is asked for a newer view, the last answer stays drawn and its top right
/// corner says so, with a spinner (the window never waits on the network).
fn querying_ui(ui: &Ui, rect: egui::Rect, state: &AppState) {
    if !state
        .remote
        .as_ref()
        .is_some_and(crate::app::remote::RemoteTable::querying)
    {
        return;
    }
    let text = state.lang().word("canvas-querying");
    let font = egui::TextStyle::Small.resolve(ui.style());
    let visuals = ui.visuals();
    let galley = ui
        .painter()
        .layout_no_wrap(text.clone(), font, visuals.weak_text_color());
    let size = galley.size().y;
    let pad = 6.0;
    let right_top = rect.right_top() + egui::vec2(-pad - SCROLL_BAR, pad);
    let text_pos = right_top - egui::vec2(galley.size().x, 0.0);
    let spinner = egui::Rect::from_min_size(
        text_pos - egui::vec2(size + 4.0, 0.0),
        egui::vec2(size, size),
    );
    let back = spinner
        .union(egui::Rect::from_min_size(text_pos, galley.size()))
        .expand(3.0);
    let painter = ui.painter_at(rect);
    painter.rect_filled(back, 3.0, visuals.extreme_bg_color.gamma_multiply(0.85));
    painter.galley(text_pos, galley, visuals.weak_text_color());
    egui::Spinner::new().size(size).paint_at(ui, spinner);
    ui.ctx().request_repaint();
    // Said to a screen reader too.
    ui.ctx()
        .accesskit_node_builder(egui::Id::unique("timeline-querying"), |node| {
            node.set_role(egui::accesskit::Role::Status);
            node.set_live(egui::accesskit::Live::Polite);
            node.set_label(text);
        });
}

/// The `egui_plot` host: its x is the axis coordinate (time, with collapsed stretches drawn short),
/// its ticks and labels are ours, and it is told the state's view when a command moved it.
fn plot_ui(
    ui: &mut Ui,
    state: &AppState,
    view: TimeView,
    zone_room: f64,
) -> egui_plot::PlotResponse<()> {
    let ctx = ui.ctx().clone();
    let measure = move |text: &str| measure_text(&ctx, text);
    let ticks_shared: Rc<RefCell<Vec<Tick>>> = Rc::default();

    // The plot's x is the axis coordinate: time, with collapsed stretches drawn short.
    let breaks = state.breaks.clone();
    let zone = state.zone();
    let lang = state.lang();
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
            let view = interact::view_from_axis(&breaks, min_u, max_u);
            let axis = TimeAxis::with_breaks(view, 0.0, width, breaks.clone());
            let mut placed = scene::axis_ticks(&axis, zone, lang, &measure);
            // The right end is the zone note's.
            placed.retain(|t| t.x + measure(&t.tick.label) / 2.0 <= width - zone_room);
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
    let plot_breaks = breaks.clone();
    plot.show(ui, move |plot_ui| {
        let last = plot_ui.plot_bounds();
        let plot_view = interact::view_from_axis(&plot_breaks, last.min()[0], last.max()[0]);
        if interact::views_differ(plot_view, view) {
            let (min_u, max_u) = interact::axis_from_view(&plot_breaks, view);
            plot_ui.set_plot_bounds_x(min_u..=max_u);
        }
        plot_ui.set_plot_bounds_y(0.0..=1.0);
    })
}

/// Wheel and pinch zoom time only, around the pointer; horizontal wheel pans.
fn pointer_zoom(
    ui: &Ui,
    plot_response: &egui::Response,
    rect: Rect,
    breaks: &crate::timeline::breaks::AxisBreaks,
    shown_view: TimeView,
) -> TimeView {
    if plot_response.hovered() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        if scroll != egui::Vec2::ZERO || pinch != 1.0 {
            let axis = TimeAxis::with_breaks(
                shown_view,
                f64::from(rect.left()),
                f64::from(rect.width()),
                breaks.clone(),
            );
            let pointer_x = plot_response
                .hover_pos()
                .map_or(f64::from(rect.center().x), |p| f64::from(p.x));
            let factor = interact::zoom_factor(f64::from(pinch), f64::from(scroll.y));
            return interact::zoomed_at(&axis, pointer_x, factor, f64::from(scroll.x));
        }
    }
    shown_view
}

/// A click selects (or opens a cluster, or zooms into a density bin); a double click zooms to
/// the event or fits everything.
fn clicks(
    state: &AppState,
    scene: &Scene,
    hovered: Option<&Hit>,
    plot_response: &egui::Response,
    commands: &mut Commands,
) {
    if plot_response.double_clicked() {
        match hovered {
            Some(Hit::Event(idx)) => commands.push(ViewCommand::ZoomToEvent(*idx)),
            _ => commands.push(ViewCommand::FitAll),
        }
    } else if plot_response.clicked() {
        match hovered {
            Some(Hit::Event(idx)) => commands.push(SelectCommand::Select(Some(*idx))),
            Some(Hit::Cluster(i)) => {
                if let (Some((min, max)), Some(cluster)) = (
                    cluster_range(&state.dataset, scene, *i),
                    scene.clusters.get(*i),
                ) {
                    commands.push(SelectCommand::ShowMembers {
                        events: cluster.members.clone(),
                        min_secs: min,
                        max_secs: max,
                    });
                }
            }
            Some(Hit::More(i)) => {
                if let Some(lane) = scene
                    .more
                    .get(*i)
                    .and_then(|more| state.layout.lanes.get(more.lane))
                {
                    commands.push(LanesCommand::ToggleLaneExpanded(lane.key.clone()));
                }
            }
            Some(Hit::Density {
                min_secs, max_secs, ..
            }) => {
                // Zoom in around the bin, far enough that its lane can show events again.
                let mid = f64::midpoint(*min_secs, *max_secs);
                let half = (max_secs - min_secs) * 10.0;
                commands.push(ViewCommand::ZoomToRange(mid - half, mid + half));
            }
            None => commands.push(SelectCommand::Select(None)),
        }
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

fn pos(rect: Rect, x: f64, y: f64) -> Pos2 {
    Pos2::new(rect.left() + x as f32, rect.top() + y as f32)
}

/// What stands out in the window: the selection, the hovered event, the selection's linked
/// neighbours and, while searching with everything shown, the matches.
fn emphasis<'a>(
    state: &'a AppState,
    hovered: Option<&Hit>,
    neighbours: &'a [crate::model::EventIdx],
) -> Emphasis<'a> {
    let searching = state.filter.is_searching() && !state.filter.only_matches;
    Emphasis {
        selected: state.selected(),
        hovered: match hovered {
            Some(Hit::Event(idx)) => Some(*idx),
            _ => None,
        },
        neighbours,
        search_hits: searching.then_some(state.search_hits.as_slice()),
    }
}

/// Lane headers: a click folds or unfolds the lane; dragging one moves it.
fn lane_headers_ui(
    ui: &Ui,
    rect: Rect,
    scene: &Scene,
    state: &AppState,
    look: &Look<'_>,
    commands: &mut Commands,
) {
    let header = SceneStyle::default().lane_header;
    let lane_scale = (paint::TYPE.lane / paint::TYPE.label) as f32;
    let mut marks = Vec::new();
    for (i, (band, lane)) in scene.lanes.iter().zip(&state.layout.lanes).enumerate() {
        if band.y1 <= scene.period_strip || band.header_y >= scene.size.1 {
            continue; // scrolled out of sight
        }
        let title_width = measure_text(ui.ctx(), &band.label) as f32 * lane_scale;
        let area = Rect::from_min_size(
            pos(rect, 0.0, band.header_y),
            vec2(title_width + 30.0, header as f32),
        );
        let lang = state.lang();
        let response = ui
            .interact(
                area,
                egui::Id::unique(("lane", &lane.key)),
                Sense::click_and_drag(),
            )
            .on_hover_cursor(egui::CursorIcon::Grab)
            .on_hover_text(format!(
                "{}. {}",
                lang.count("events", lane.count),
                lang.word(if lane.collapsed {
                    "canvas-lane-unfold"
                } else {
                    "canvas-lane-fold"
                })
            ));
        // A screen reader hears the lane's name and count, and that it folds.
        response.widget_info(|| {
            let name = format!("{}, {}", lane.label, lang.count("events", lane.count));
            let mut info = egui::WidgetInfo::labeled(egui::Role::Button, true, name);
            info.selected = Some(!lane.collapsed);
            info
        });
        let tip = (f64::from(title_width) + 14.0, band.header_y + 9.0);
        marks.push(paint::fold_mark(look, tip, lane.collapsed));
        if response.clicked() {
            commands.push(LanesCommand::ToggleLaneCollapsed(lane.key.clone()));
        }
        if response.dragged()
            && let Some(pointer) = response.interact_pointer_pos()
            && let Some(y) = interact::drop_line_y(&scene.lanes, f64::from(pointer.y - rect.top()))
        {
            marks.push(paint::drop_line(look, y, scene.size.0));
        }
        if response.drag_stopped()
            && let Some(pointer) = response.interact_pointer_pos()
            && let Some(to) =
                interact::lane_drop(&scene.lanes, i, f64::from(pointer.y - rect.top()))
        {
            commands.push(LanesCommand::MoveLane(lane.key.clone(), to));
        }
    }
    super::paint::paint(&ui.painter_at(rect), rect.min, &marks);
}

/// The overview strip: the whole data range with its density and the current window, which can
/// be dragged (move), dragged by an edge (resize), or set by a click elsewhere.
fn overview_ui(
    ui: &mut Ui,
    state: &AppState,
    view: TimeView,
    look: &Look<'_>,
    cache: &mut OverviewCache,
    commands: &mut Commands,
) {
    let (response, painter) = ui.allocate_painter(
        vec2(ui.available_width(), OVERVIEW_HEIGHT),
        Sense::click_and_drag(),
    );
    let rect = response.rect;
    let Some(extent) = state.data_extent() else {
        return;
    };
    let (min, max) = interact::overview_range(extent, view);
    let breaks = &state.breaks;
    let bins = (rect.width() / 3.0).max(1.0) as usize;
    let table = state.table_overview();
    let key = (
        (state.layout_generation, table.map(|t| t.generation)),
        min.to_bits(),
        max.to_bits(),
        bins,
        breaks.gaps().len(),
    );
    if cache.key != Some(key) {
        cache.strip = crate::timeline::overview::overview(&state.layout, min, max, bins, breaks);
        if let Some(table) = table {
            // A table's events are the server's counts (its last answer's events are in them
            // already). Other files open beside it add their own: then the few events of the
            // table's last answer count twice, which the strip's shading cannot show.
            if state.files.len() < 2 {
                cache.strip.counts.fill(0);
            }
            crate::timeline::overview::add_binned(
                &mut cache.strip,
                (table.min_secs, table.max_secs),
                &table.counts,
                breaks,
            );
        }
        cache.key = Some(key);
    }
    // The strip's own axis, from its left edge, over its whole range.
    let axis = TimeAxis::with_breaks(
        TimeView::from_min_max(min, max),
        0.0,
        f64::from(rect.width()),
        breaks.clone(),
    );
    let x0 = axis.x_from_secs(view.min_secs);
    let x1 = axis.x_from_secs(view.max_secs()).max(x0 + 2.0);
    let size = (f64::from(rect.width()), f64::from(rect.height()));
    let prims = paint::overview(look, &cache.strip, &axis, breaks, size, (x0, x1));
    super::paint::paint(&painter, rect.min, &prims);
    let response = response.on_hover_text(state.lang().word("canvas-overview-tip"));
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Slider,
            true,
            state.lang().word("canvas-overview-name"),
        )
    });
    let grip_id = egui::Id::unique("overview-grip");
    let press_x = response
        .interact_pointer_pos()
        .map(|p| f64::from(p.x - rect.left()));
    if response.drag_started()
        && let Some(x) = press_x
    {
        ui.data_mut(|d| d.insert_temp(grip_id, interact::Grip::at(x, (x0, x1))));
    }
    if response.dragged() {
        let grip = ui
            .data(|d| d.get_temp(grip_id))
            .unwrap_or(interact::Grip::Move);
        let dx = f64::from(response.drag_delta().x);
        commands.push(ViewCommand::SetView(grip.dragged(
            &axis,
            view,
            (x0, x1),
            dx,
        )));
    } else if response.clicked()
        && let Some(x) = press_x
    {
        let center = axis.secs_from_x(x);
        commands.push(ViewCommand::SetView(
            view.panned(center - view.center_secs()),
        ));
    }
}
