//! The problems panel: every unusable file and every skipped record, with <file:line:column>.

use egui::{RichText, ScrollArea, Ui};

use super::theme;
use crate::app::{AppState, ProblemLevel};

/// Draws the panel.
pub fn problems_ui(ui: &mut Ui, state: &AppState) {
    let problems = state.problems();
    ui.horizontal(|ui| {
        ui.strong("Problems");
        ui.weak(format!("{} in all", problems.len()));
    });
    if problems.is_empty() {
        ui.weak("Every file loaded cleanly");
        return;
    }
    let dark = ui.visuals().dark_mode;
    let row_height = ui.text_style_height(&egui::TextStyle::Body);
    ScrollArea::vertical().auto_shrink([false, true]).show_rows(
        ui,
        row_height,
        problems.len(),
        |ui, range| {
            for problem in problems.get(range).unwrap_or(&[]) {
                let level = match problem.level {
                    ProblemLevel::Error => "error",
                    ProblemLevel::Skipped => "skipped",
                    ProblemLevel::Warning => "warning",
                };
                let place = problem
                    .location
                    .map_or_else(String::new, |l| format!(":{}:{}", l.line, l.column));
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(level)
                            .color(theme::problem_color(problem.level, dark))
                            .monospace(),
                    );
                    ui.label(RichText::new(format!("{}{place}", problem.path)).monospace());
                    ui.label(&problem.message);
                });
            }
        },
    );
}
