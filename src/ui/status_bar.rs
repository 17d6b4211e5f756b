//! The status bar: what is shown, what was wrong, and the visible range.

use crate::app::{Commands, WindowCommand};
use egui::Ui;

use super::theme;
use crate::app::{AppState, ProblemLevel};
use crate::i18n::Arg;
use crate::model::civil::{self, SECS_PER_DAY, SECS_PER_YEAR_APPROX};
use crate::timeline::TimeView;
use crate::timeline::zone::DisplayZone;

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    ui.horizontal(|ui| {
        let dataset = &state.dataset;
        let total = state.total_events();
        let shown = state.shown_events();
        let lang = state.lang();
        let events = if shown == total {
            lang.count("events", total)
        } else {
            let shown = lang.number(shown);
            lang.text(
                "status-events-shown",
                &[("shown", Arg::Text(&shown)), ("count", Arg::Count(total))],
            )
        };
        ui.label(format!(
            "{events} · {} · {}",
            lang.count("periods", dataset.periods.len()),
            lang.count("files", dataset.files.len())
        ));
        if let Some(what) = state.busy() {
            // Filters and search over big data run on a thread; the last view stays meanwhile.
            ui.separator();
            ui.add(egui::Spinner::new());
            ui.label(lang.text(&format!("busy-{what}"), &[("count", Arg::Count(total))]));
        }
        ui.separator();
        let crate::app::ProblemCounts {
            errors,
            skipped,
            total,
        } = state.problem_counts();
        let text = if total == 0 {
            lang.word("no-problems")
        } else {
            lang.count("problems", total)
        };
        let level = if errors > 0 {
            ProblemLevel::Error
        } else if skipped > 0 {
            ProblemLevel::Skipped
        } else {
            ProblemLevel::Warning
        };
        let color = theme::problem_color(level, ui.visuals().dark_mode);
        let text = if total == 0 {
            egui::RichText::new(text)
        } else {
            egui::RichText::new(text).color(color)
        };
        if ui
            .link(text)
            .on_hover_text(lang.word("problems-toggle-hint"))
            .clicked()
        {
            commands.push(WindowCommand::ToggleProblems);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak(range_label(state.view, state.zone(), lang));
        });
    });
}

/// The visible range at a precision that suits its width (years, months, days or minutes) in
/// the display zone, which it names.
pub fn range_label(view: TimeView, zone: DisplayZone, lang: crate::i18n::Lang) -> String {
    let label = |secs: f64| {
        let secs = secs + zone.offset_secs(secs);
        let c = civil::civil_from_secs(secs.floor().clamp(-9.0e18, 9.0e18) as i64);
        let month = lang.month_short(c.month);
        let year = civil::year_label_in(c.year, lang);
        if view.span_secs > 5.0 * SECS_PER_YEAR_APPROX {
            year
        } else if view.span_secs > 60.0 * SECS_PER_DAY as f64 {
            lang.date(None, month, Some(&year))
        } else if view.span_secs > 2.0 * SECS_PER_DAY as f64 {
            lang.date(Some(c.day), month, Some(&year))
        } else {
            format!(
                "{} {:02}:{:02}:{:02}",
                lang.date(Some(c.day), month, Some(&year)),
                c.hour,
                c.minute,
                c.second
            )
        }
    };
    format!(
        "{} – {} {}",
        label(view.min_secs),
        label(view.max_secs()),
        zone.name_at(view.center_secs())
    )
}
