//! The timeline canvas for assistive technology: its events as accessible nodes.

use egui::Rect;

use crate::app::AppState;
use crate::i18n::Arg;
use crate::timeline::scene::Scene;

/// What a screen reader walks on the timeline: one node for each event drawn on its own and each
/// cluster (with its count), in time order, named by title, date and category; the selection
/// is marked selected, and announced through a live region. Built only when assistive
/// technology asked for the tree.
pub(super) fn accessible_events(ctx: &egui::Context, rect: Rect, state: &AppState, scene: &Scene) {
    use egui::accesskit;
    enum Item<'a> {
        Mark(&'a crate::timeline::scene::Mark),
        Cluster(usize, &'a crate::timeline::scene::Cluster),
    }
    let mut items: Vec<(f64, f64, Item<'_>)> = scene
        .marks
        .iter()
        .map(|m| (m.x0, m.y, Item::Mark(m)))
        .chain(
            scene
                .clusters
                .iter()
                .enumerate()
                .map(|(i, c)| (c.x0, c.y, Item::Cluster(i, c))),
        )
        .collect();
    items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let lang = state.lang();
    let dataset = &state.dataset;
    let selected = state.selected();
    let half = (scene.row_height / 2.0) as f32;
    // The selection, in a polite live region: stepping with → / ← (or a click, a search step)
    // is announced without moving keyboard focus off the window's shortcuts.
    let spoken = |event: crate::model::EventRef<'_>| {
        let category = event
            .category()
            .and_then(|c| dataset.category(c))
            .map(|c| c.label_in(lang).to_owned())
            .unwrap_or_default();
        let title =
            crate::model::text::one_line(event.title_in(lang), crate::model::text::TITLE_CHARS);
        [title.into_owned(), event.date_label_in(lang), category]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let announced = selected
        .and_then(|idx| dataset.event(idx))
        .map(|event| lang.text("access-selected", &[("event", Arg::Text(&spoken(event)))]))
        .unwrap_or_default();
    ctx.accesskit_node_builder(egui::Id::unique("timeline-selection"), |node| {
        node.set_role(accesskit::Role::Status);
        node.set_live(accesskit::Live::Polite);
        node.set_label(announced);
        node.set_bounds(accesskit::Rect {
            x0: rect.left().into(),
            y0: rect.top().into(),
            x1: rect.right().into(),
            y1: (rect.top() + 1.0).into(),
        });
    });
    for (_, y, item) in items {
        let (id, x0, x1) = match &item {
            Item::Mark(m) => (egui::Id::unique(("timeline-event", m.event)), m.x0, m.x1),
            Item::Cluster(i, c) => (egui::Id::unique(("timeline-cluster", *i)), c.x0, c.x1),
        };
        let left = rect.left() + (x0.max(0.0) as f32);
        let right = rect.left() + (x1.min(scene.size.0) as f32).max(left - rect.left() + 1.0);
        let top = rect.top() + y as f32 - half;
        ctx.accesskit_node_builder(id, |node| {
            let label = match &item {
                Item::Mark(m) => dataset.event(m.event).map_or_else(String::new, spoken),
                Item::Cluster(_, c) => lang.count("events", c.count),
            };
            node.set_role(accesskit::Role::ListItem);
            node.set_label(label);
            node.set_bounds(accesskit::Rect {
                x0: left.into(),
                y0: top.into(),
                x1: right.into(),
                y1: (top + 2.0 * half).into(),
            });
            if let Item::Mark(m) = &item
                && selected == Some(m.event)
            {
                node.set_selected(true);
            }
        });
    }
}
