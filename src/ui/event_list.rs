//! The searchable list of shown events, in time order; virtualised so it costs the same for ten
//! events or a million.

use egui::{ScrollArea, TextEdit, Ui};

use crate::app::{AppState, Command};
use crate::model::text;

/// What the list keeps between frames (the text being typed).
#[derive(Clone, Debug, Default)]
pub struct EventListState {
    /// The search box's text.
    pub query: String,
}

/// Draws the search box and the list.
pub fn event_list_ui(
    ui: &mut Ui,
    state: &AppState,
    list: &mut EventListState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let response = ui
            .add(TextEdit::singleline(&mut list.query).hint_text("title, actor, tag…"))
            .labelled_by(label.id);
        if response.changed() {
            commands.push(Command::SetQuery(list.query.clone()));
        }
    });
    ui.weak(format!(
        "{} of {} events",
        state.shown.len(),
        state.dataset.events.len()
    ));
    ui.separator();
    let selected = state.selected();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 4.0;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, state.shown.len(), |ui, range| {
            for &idx in state.shown.get(range).unwrap_or(&[]) {
                let Some(event) = state.dataset.event(idx) else {
                    continue;
                };
                ui.vertical(|ui| {
                    ui.weak(event.date_label());
                    let response = ui.selectable_label(
                        selected == Some(idx),
                        text::one_line(&event.title, text::TITLE_CHARS),
                    );
                    if response.clicked() {
                        commands.push(Command::Select(Some(idx)));
                    }
                    if response.double_clicked() {
                        commands.push(Command::ZoomToEvent(idx));
                    }
                });
            }
        });
}
