//! Scenes: the list in the side panel (add, go to, delete) and the caption strip shown while
//! presenting. Pushes commands only.

use crate::app::{Commands, PresentCommand};
use egui::{RichText, Ui};

use super::status_bar::range_label;
use crate::app::AppState;
use crate::i18n::Arg;

/// The scenes list and the "Add scene" row. `caption` is the text field's own state.
pub fn scenes_ui(ui: &mut Ui, state: &AppState, caption: &mut String, commands: &mut Commands) {
    let lang = state.lang();
    if !state.scenes.is_empty() {
        ui.weak(lang.word("scenes-keys"));
    }
    for (i, scene) in state.scenes.iter().enumerate() {
        ui.horizontal(|ui| {
            let name = if scene.caption.is_empty() {
                range_label(scene.view(), state.zone(), state.lang())
            } else {
                scene.caption.clone()
            };
            let current = state.scene_index == Some(i);
            if ui
                .selectable_label(current, format!("{}. {name}", i + 1))
                .on_hover_text(range_label(scene.view(), state.zone(), state.lang()))
                .clicked()
            {
                commands.push(PresentCommand::GoToScene(i));
            }
            if ui
                .small_button("×")
                .on_hover_text(lang.text("scenes-delete", &[("number", Arg::Count(i + 1))]))
                .clicked()
            {
                commands.push(PresentCommand::DeleteScene(i));
            }
        });
    }
    ui.horizontal(|ui| {
        let label = ui.label(lang.word("scenes-caption"));
        let field = ui
            .add(
                egui::TextEdit::singleline(caption)
                    .hint_text(lang.word("scenes-optional"))
                    .desired_width(120.0),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .button(lang.word("scenes-add"))
            .on_hover_text(lang.word("scenes-add-tip"))
            .clicked()
            || entered
        {
            commands.push(PresentCommand::AddScene(std::mem::take(caption)));
        }
    });
    match state.scenes_file() {
        Some(path) if !state.scenes.is_empty() => {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            ui.weak(lang.text("scenes-saved-in", &[("file", Arg::Text(&name))]));
        }
        None if !state.scenes.is_empty() => {
            ui.weak(lang.word("scenes-not-saved"));
        }
        _ => {}
    }
}

/// The strip under the timeline while presenting: the scene's caption, where we are, and the
/// selected event.
pub fn caption_ui(ui: &mut Ui, state: &AppState) {
    ui.add_space(6.0);
    if let Some(i) = state.scene_index
        && let Some(scene) = state.scenes.get(i)
    {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{} / {}", i + 1, state.scenes.len())).weak());
            ui.add_space(8.0);
            ui.add(egui::Label::new(RichText::new(&scene.caption).heading()).truncate());
        });
    }
    ui.horizontal(|ui| {
        let hint = state.lang().word("scenes-present-keys");
        let hint_width = super::body_text_width(ui, &hint);
        let room = (ui.available_width() - hint_width - 24.0).max(0.0);
        ui.allocate_ui(egui::vec2(room, ui.spacing().interact_size.y), |ui| {
            if let Some(event) = state.selected().and_then(|i| state.dataset.event(i)) {
                let text = format!(
                    "{} · {}",
                    crate::model::text::one_line(
                        event.title_in(state.lang()),
                        crate::model::text::TITLE_CHARS
                    ),
                    event.date_label_in(state.lang())
                );
                ui.add(egui::Label::new(RichText::new(text).strong()).truncate());
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak(hint);
        });
    });
    ui.add_space(6.0);
}
