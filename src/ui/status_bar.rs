//! The status bar: what is shown, what was wrong, and the visible range.

use egui::Ui;

use super::theme;
use crate::app::{AppState, Command, ProblemLevel};
use crate::model::TimePoint;

fn format_count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let dataset = &state.dataset;
        let total = dataset.events.len();
        let shown = state.shown.len();
        let events = if shown == total {
            format!("{} events", format_count(total))
        } else {
            format!(
                "{} of {} events shown",
                format_count(shown),
                format_count(total)
            )
        };
        ui.label(format!(
            "{events} · {} periods · {} files",
            dataset.periods.len(),
            dataset.files.len()
        ));
        ui.separator();
        let problems = state.problems();
        let errors = problems
            .iter()
            .filter(|p| p.level == ProblemLevel::Error)
            .count();
        let skipped = problems
            .iter()
            .filter(|p| p.level == ProblemLevel::Skipped)
            .count();
        let text = if problems.is_empty() {
            "No problems".to_owned()
        } else {
            format!("{} problems", problems.len())
        };
        let level = if errors > 0 {
            ProblemLevel::Error
        } else if skipped > 0 {
            ProblemLevel::Skipped
        } else {
            ProblemLevel::Warning
        };
        let color = theme::problem_color(level, ui.visuals().dark_mode);
        let text = if problems.is_empty() {
            egui::RichText::new(text)
        } else {
            egui::RichText::new(text).color(color)
        };
        if ui
            .link(text)
            .on_hover_text("Show or hide the problems panel")
            .clicked()
        {
            commands.push(Command::ToggleProblems);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let view = state.view;
            let label = |secs: f64| {
                let secs = secs.floor().clamp(-9.0e18, 9.0e18) as i64;
                TimePoint::from_unix_secs(secs).map_or_else(|_| String::new(), |t| t.label())
            };
            if view.span_secs < 2.0e11 {
                ui.weak(format!(
                    "{} – {}",
                    label(view.min_secs),
                    label(view.max_secs())
                ));
            }
        });
    });
}
