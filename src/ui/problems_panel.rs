//! The problems panel: every unusable file and every skipped record, with <file:line:column>.

use egui::{RichText, ScrollArea, Ui};

use super::theme;
use crate::app::{AppState, ProblemLevel};

/// Draws the panel.
pub fn problems_ui(ui: &mut Ui, state: &AppState) {
    let problems = state.problems();
    let lang = state.lang();
    ui.horizontal(|ui| {
        ui.strong(lang.word("problems-heading"));
        ui.weak(lang.count("problems-in-all", problems.len()));
    });
    if problems.is_empty() {
        ui.weak(lang.word("problems-none"));
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
                let level = lang.word(match problem.level {
                    ProblemLevel::Error => "problem-error",
                    ProblemLevel::Skipped => "problem-skipped",
                    ProblemLevel::Warning => "problem-warning",
                });
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
                    // Said in the language only for the rows drawn.
                    ui.label(problem.said.in_lang(lang));
                });
            }
        },
    );
}
