//! The menu bar: File and View. Every entry pushes a command; none acts directly.

use egui::Ui;

use crate::app::{AppState, Command, PickMode};
use crate::palette::Theme;

/// Draws the menu bar.
pub fn menu_bar_ui(ui: &mut Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open…").on_hover_text("Ctrl+O").clicked() {
                commands.push(Command::PickFiles(PickMode::Open));
            }
            if ui.button("Add files…").clicked() {
                commands.push(Command::PickFiles(PickMode::Add));
            }
            ui.menu_button("Open recent", |ui| {
                if state.settings.recent_files.is_empty() {
                    ui.weak("No recent files");
                }
                for path in &state.settings.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::OpenFiles(vec![path.clone()]));
                    }
                }
            });
            if ui.button("Open the Belgium example").clicked() {
                commands.push(Command::OpenEmbedded);
            }
            ui.separator();
            if ui
                .button("Export image…")
                .on_hover_text("Ctrl+E: PNG or SVG of the view, all events or the selection")
                .clicked()
            {
                commands.push(Command::OpenExportDialog);
            }
            ui.separator();
            if ui.button("Reload").on_hover_text("Ctrl+R").clicked() {
                commands.push(Command::ReloadAll);
            }
            if ui.button("Close all").clicked() {
                commands.push(Command::CloseAll);
            }
        });
        ui.menu_button("Edit", |ui| {
            if ui
                .button("Copy image")
                .on_hover_text("Ctrl+Shift+C: a PNG of the current view, to paste into a slide")
                .clicked()
            {
                commands.push(Command::CopyImage);
            }
        });
        ui.menu_button("View", |ui| {
            if ui
                .button("Fit all")
                .on_hover_text("F or double-click")
                .clicked()
            {
                commands.push(Command::FitAll);
            }
            if ui
                .button("Presentation")
                .on_hover_text("F11: full screen, larger type, panels hidden; Esc leaves")
                .clicked()
            {
                commands.push(Command::SetPresenting(true));
            }
            let mut scale = state.settings.presentation_scale;
            let slider = ui.add(
                egui::Slider::new(&mut scale, 1.0..=3.0)
                    .step_by(0.25)
                    .text("Presentation type scale"),
            );
            if slider.changed() {
                commands.push(Command::SetPresentationScale(scale));
            }
            ui.separator();
            for (theme, label) in [
                (Theme::Light, "Light"),
                (Theme::Dark, "Dark"),
                (Theme::HighContrast, "High contrast"),
            ] {
                if ui.radio(state.settings.theme == theme, label).clicked() {
                    commands.push(Command::SetTheme(theme));
                }
            }
            ui.separator();
            let mut gigabytes = state.settings.size_limit_bytes as f64 / 1e9;
            ui.horizontal(|ui| {
                let label = ui.label("Ask before loading files over");
                let changed = ui
                    .add(
                        egui::DragValue::new(&mut gigabytes)
                            .range(0.01..=1000.0)
                            .speed(0.1)
                            .suffix(" GB"),
                    )
                    .labelled_by(label.id)
                    .changed();
                if changed {
                    commands.push(Command::SetSizeLimit((gigabytes * 1e9) as u64));
                }
            });
            ui.separator();
            let label = if state.problems_open {
                "Hide problems"
            } else {
                "Show problems"
            };
            if ui.button(label).clicked() {
                commands.push(Command::ToggleProblems);
            }
        });
    });
}
