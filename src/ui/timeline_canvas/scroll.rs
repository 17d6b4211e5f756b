//! Scrolling lanes that do not fit the timeline area: the wheel over the lane names or the
//! scroll bar, and the bar itself.

use egui::{Pos2, Rect, Sense, Ui, vec2};

use crate::app::{AppState, Commands, ViewCommand};
use crate::timeline::scene::Scene;

/// Width of the strip at the right where the lanes' scroll bar is drawn.
pub(super) const SCROLL_BAR: f32 = 12.0;
/// Width of the strip at the left, over the lane names, where the wheel scrolls the lanes.
const LANE_GUTTER: f32 = 150.0;

/// The scroll bar's track and thumb, if the lanes of `scene` do not fit.
pub(super) fn scroll_thumb(rect: Rect, scene: &Scene) -> Option<(Rect, Rect)> {
    let (height, content) = (scene.size.1, scene.content_height);
    if content <= height + 0.5 {
        return None;
    }
    let top = rect.top() + scene.period_strip as f32;
    let track = Rect::from_min_max(
        Pos2::new(rect.right() - SCROLL_BAR, top),
        Pos2::new(rect.right() - 2.0, rect.bottom()),
    );
    let lanes = (content - scene.period_strip).max(1.0);
    let shown = (height - scene.period_strip).max(0.0);
    let length = (f64::from(track.height()) * shown / lanes).max(24.0) as f32;
    let travel = (track.height() - length).max(0.0);
    let max_scroll = (content - height).max(1.0);
    let offset = travel * (scene.scroll_y / max_scroll) as f32;
    let thumb = Rect::from_min_size(
        Pos2::new(track.left(), track.top() + offset),
        vec2(track.width(), length),
    );
    Some((track, thumb))
}

/// Scrolls the lanes (when they do not fit) by the wheel over the lane names or the scroll bar,
/// or by dragging the bar. Returns whether the wheel was used for that (and not for zooming).
pub(super) fn lane_scroll(
    ui: &Ui,
    rect: Rect,
    last: &Scene,
    state: &AppState,
    commands: &mut Commands,
) -> bool {
    let Some((track, thumb)) = scroll_thumb(rect, last) else {
        return false;
    };
    let max_scroll = last.content_height - last.size.1;
    let drag = ui.interact(
        track,
        egui::Id::unique("lane-scroll"),
        Sense::click_and_drag(),
    );
    let drag = drag.on_hover_text(state.lang().word("canvas-scroll-tip"));
    drag.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Slider,
            true,
            state.lang().word("canvas-scroll-name"),
        )
    });
    if drag.dragged() {
        let travel = f64::from((track.height() - thumb.height()).max(1.0));
        let dy = f64::from(drag.drag_delta().y) * max_scroll / travel;
        commands.push(ViewCommand::ScrollLanes(
            (state.lane_scroll.min(max_scroll) + dy).clamp(0.0, max_scroll),
        ));
    } else if drag.clicked()
        && let Some(p) = drag.interact_pointer_pos()
    {
        let page = last.size.1 - last.period_strip;
        let dy = if p.y < thumb.top() { -page } else { page };
        commands.push(ViewCommand::ScrollLanes(
            (state.lane_scroll.min(max_scroll) + dy).clamp(0.0, max_scroll),
        ));
    }
    // The lane names are widgets of their own, over the plot: ask where the pointer is.
    let pointer = ui.input(|i| i.pointer.hover_pos());
    let over = pointer.is_some_and(|p| {
        rect.contains(p) && (p.x < rect.left() + LANE_GUTTER || track.expand(2.0).contains(p))
    }) || drag.hovered();
    let scroll = ui.input(|i| i.smooth_scroll_delta.y);
    if over && scroll != 0.0 {
        commands.push(ViewCommand::ScrollLanes(
            (state.lane_scroll.min(max_scroll) - f64::from(scroll)).clamp(0.0, max_scroll),
        ));
        return true;
    }
    false
}

/// The lanes' scroll bar, when they do not fit.
pub(super) fn scroll_bar(ui: &Ui, rect: Rect, scene: &Scene) {
    let Some((track, thumb)) = scroll_thumb(rect, scene) else {
        return;
    };
    let visuals = &ui.visuals().widgets;
    let painter = ui.painter_at(rect);
    painter.rect_filled(track, 3.0, visuals.inactive.bg_fill.gamma_multiply(0.6));
    painter.rect_filled(thumb, 3.0, visuals.active.bg_fill);
}
