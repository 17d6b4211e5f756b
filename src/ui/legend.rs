//! The legend: categories (click to show or hide) and the open files with their format.

use crate::app::{Commands, FilterCommand};
use egui::{Sense, Ui, vec2};

use super::theme;
use crate::app::AppState;

/// Draws the legend.
pub fn legend_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let dataset = &state.dataset;
    let lang = state.lang();
    ui.strong(lang.word("legend-categories"));
    for (i, category) in dataset.categories.iter().enumerate() {
        let visible = !state.filter.hidden_categories.contains(&category.id);
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            let color = theme::category_color(state.settings.theme, dataset, Some(i));
            let color = if visible {
                color
            } else {
                theme::with_alpha(color, 60)
            };
            ui.painter().rect_filled(rect, 2, color);
            let count = lang.number(state.category_count(i));
            let mut shown = visible;
            let response =
                ui.checkbox(&mut shown, format!("{} ({count})", category.label_in(lang)));
            if response.changed() {
                commands.push(FilterCommand::ToggleCategory(category.id.clone()));
            }
        });
    }
    ui.add_space(6.0);
    ui.strong(lang.word("legend-files"));
    if dataset.files.is_empty() && state.failed_unopened().next().is_none() {
        ui.weak(lang.word("nothing-open"));
    }
    for (i, file) in dataset.files.iter().enumerate() {
        let events = lang.count("events", state.file_count(i));
        let name = crate::model::text::file_name_of(&file.path);
        ui.label(format!("{name} · {} · {events}", file.format.name()))
            .on_hover_text(&file.path);
    }
    // Files that could not be read stay listed with their problem (and are watched).
    let dark = ui.visuals().dark_mode;
    for failed in state.failed_unopened() {
        let name = crate::model::text::file_name_of(&failed.name);
        let color = theme::problem_color(crate::app::ProblemLevel::Error, dark);
        ui.label(
            egui::RichText::new(format!("{name} · {}", failed.reason.in_lang(lang))).color(color),
        )
        .on_hover_text(super::failed_place(failed, lang));
    }
}
