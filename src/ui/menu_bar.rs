//! The menu bar: File and View. Every entry pushes a command; none acts directly.

use crate::app::{
    Commands, FilesCommand, LanesCommand, PresentCommand, ViewCommand, WindowCommand,
};
use egui::Ui;

use super::actions::{Action, Outcome};

use crate::app::{AppState, PickMode};
use crate::model::filter::Field;
use crate::palette::Theme;
use crate::timeline::lanes::TimeBasis;

/// Draws the menu bar; true when File ▸ Connect to ClickHouse… was chosen (the window opens
/// its dialog).
pub fn menu_bar_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) -> bool {
    let lang = state.lang();
    let mut connect = false;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(lang.word("menu-file"), |ui| {
            action_item(ui, state, Action::OpenFiles, commands);
            if ui.button(lang.word("menu-add-files")).clicked() {
                commands.push(FilesCommand::PickFiles(PickMode::Add));
            }
            ui.menu_button(lang.word("menu-open-recent"), |ui| {
                if state.settings.recent_files.is_empty() {
                    ui.weak(lang.word("menu-no-recent"));
                }
                for path in &state.settings.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(FilesCommand::OpenFiles(vec![path.clone()]));
                    }
                }
            });
            if ui.button(lang.word("menu-open-example")).clicked() {
                commands.push(FilesCommand::OpenEmbedded);
            }
            connect = ui.button(lang.word("menu-connect-clickhouse")).clicked();
            ui.separator();
            action_item(ui, state, Action::ExportImage, commands);
            ui.separator();
            action_item(ui, state, Action::SaveSession, commands);
            action_item(ui, state, Action::OpenSession, commands);
            ui.separator();
            action_item(ui, state, Action::ReloadFiles, commands);
            if ui.button(lang.word("menu-close-all")).clicked() {
                commands.push(FilesCommand::CloseAll);
            }
            let mut live = state.settings.live_reload;
            if ui
                .checkbox(&mut live, lang.word("menu-live-reload"))
                .on_hover_text(lang.word("menu-live-reload-tip"))
                .changed()
            {
                commands.push(FilesCommand::SetLiveReload(live));
            }
            let mut own = state.settings.in_window_chooser;
            if ui
                .checkbox(&mut own, lang.word("menu-in-window-chooser"))
                .on_hover_text(lang.word("menu-in-window-chooser-tip"))
                .changed()
            {
                commands.push(WindowCommand::SetInWindowChooser(own));
            }
            let mut replace = state.settings.outside_files_replace;
            if ui
                .checkbox(&mut replace, lang.word("menu-outside-replace"))
                .on_hover_text(lang.word("menu-outside-replace-tip"))
                .changed()
            {
                commands.push(WindowCommand::SetOutsideFilesReplace(replace));
            }
        });
        ui.menu_button(lang.word("menu-edit"), |ui| {
            action_item(ui, state, Action::CopyImage, commands);
        });
        ui.menu_button(lang.word("menu-view"), |ui| {
            action_item(ui, state, Action::FitAll, commands);
            if ui
                .button(lang.word("filters-fit"))
                .on_hover_text(lang.word("menu-fit-filter-tip"))
                .clicked()
            {
                commands.push(ViewCommand::FitToFilter);
            }
            ui.add_enabled_ui(state.selection.is_some(), |ui| {
                action_item(ui, state, Action::FitSelection, commands);
            });
            ui.menu_button(lang.word("menu-lanes-by"), |ui| {
                let choices = std::iter::once((None, lang.word("menu-one-lane")))
                    .chain(Field::ALL.iter().map(|&f| (Some(f), f.label_in(lang))));
                for (by, label) in choices {
                    if ui.radio(state.lanes.by == by, label).clicked() {
                        commands.push(LanesCommand::SetLanesBy(by));
                    }
                }
            });
            ui.menu_button(lang.word("menu-place-by"), |ui| {
                for (basis, label) in [
                    (TimeBasis::Happened, lang.word("menu-happened")),
                    (TimeBasis::Known, lang.word("menu-known")),
                ] {
                    if ui.radio(state.lanes.basis == basis, label).clicked() {
                        commands.push(LanesCommand::SetTimeBasis(basis));
                    }
                }
            });
            let mut links = state.options.links;
            if ui.checkbox(&mut links, lang.word("menu-links")).changed() {
                commands.push(ViewCommand::SetLinks(links));
            }
            ui.menu_button(lang.word("menu-time-zone"), |ui| {
                zone_menu_ui(ui, state, commands);
            });
            ui.menu_button(lang.word("menu-language"), |ui| {
                language_menu_ui(ui, state, commands);
            });
            let mut gaps = state.options.collapse_gaps;
            if ui
                .checkbox(&mut gaps, lang.word("menu-collapse-gaps"))
                .on_hover_text(lang.word("menu-collapse-gaps-tip"))
                .changed()
            {
                commands.push(ViewCommand::SetCollapseGaps(gaps));
            }
            ui.separator();
            action_item(ui, state, Action::Present, commands);
            let mut scale = state.settings.presentation_scale;
            let slider = ui.add(
                egui::Slider::new(&mut scale, 1.0..=3.0)
                    .step_by(0.25)
                    .text(lang.word("menu-presentation-scale")),
            );
            if slider.changed() {
                commands.push(PresentCommand::SetPresentationScale(scale));
            }
            ui.separator();
            for (theme, label) in [
                (Theme::Light, lang.word("theme-light")),
                (Theme::Dark, lang.word("theme-dark")),
                (Theme::HighContrast, lang.word("theme-high-contrast")),
            ] {
                if ui.radio(state.settings.theme == theme, label).clicked() {
                    commands.push(WindowCommand::SetTheme(theme));
                }
            }
            ui.separator();
            let gib = f64::from(1u32 << 30);
            let mut gigabytes = state.settings.size_limit_bytes as f64 / gib;
            ui.horizontal(|ui| {
                let label = ui.label(lang.word("menu-size-limit"));
                let changed = ui
                    .add(
                        egui::DragValue::new(&mut gigabytes)
                            .range(0.01..=1000.0)
                            .speed(0.1)
                            .suffix(" GiB"),
                    )
                    .labelled_by(label.id)
                    .changed();
                if changed {
                    commands.push(FilesCommand::SetSizeLimit((gigabytes * gib) as u64));
                }
            });
            ui.separator();
            let label = if state.problems_open {
                lang.word("menu-hide-problems")
            } else {
                lang.word("menu-show-problems")
            };
            if ui.button(label).clicked() {
                commands.push(WindowCommand::ToggleProblems);
            }
        });
        ui.menu_button(lang.word("menu-help"), |ui| {
            action_item(ui, state, Action::Shortcuts, commands);
        });
    });
    connect
}

/// A menu item for `action`: its text, its key on the right, its tooltip on hover; a click
/// does what the key does.
fn action_item(ui: &mut Ui, state: &AppState, action: Action, commands: &mut Commands) {
    let lang = state.lang();
    let button =
        egui::Button::new(action.text(lang)).shortcut_text(action.menu_keys_text(ui.ctx(), lang));
    let mut response = ui.add(button);
    // Its accessible name is the action, not the action and the key printed beside it.
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), action.text(lang))
    });
    if let Some(tooltip) = action.tooltip(lang) {
        response = response.on_hover_text(tooltip);
    }
    if response.clicked()
        && let Outcome::Command(command) = action.perform(state)
    {
        commands.push(command);
    }
}

/// The system's language or one of the four, each named in itself.
fn language_menu_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let chosen = state.settings.language;
    let system = crate::i18n::Lang::from_system();
    let label = state.lang().text(
        "menu-system-language",
        &[("language", crate::i18n::Arg::Text(system.name()))],
    );
    if ui.radio(chosen.is_none(), label).clicked() {
        commands.push(ViewCommand::SetLanguage(None));
    }
    for lang in crate::i18n::Lang::ALL {
        if ui.radio(chosen == Some(lang), lang.name()).clicked() {
            commands.push(ViewCommand::SetLanguage(Some(lang)));
        }
    }
}

/// UTC, the machine's zone, or any IANA zone typed by name.
fn zone_menu_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let current = state.settings.display_zone.as_str();
    let lang = state.lang();
    if ui.radio(current == "UTC", "UTC").clicked() {
        commands.push(ViewCommand::SetDisplayZone("UTC".to_owned()));
    }
    if ui
        .radio(current == "local", lang.word("menu-zone-local"))
        .clicked()
    {
        commands.push(ViewCommand::SetDisplayZone("local".to_owned()));
    }
    for name in ["Europe/Brussels", "America/New_York", "Asia/Shanghai"] {
        if ui.radio(current == name, name).clicked() {
            commands.push(ViewCommand::SetDisplayZone(name.to_owned()));
        }
    }
    let id = egui::Id::unique("zone-typed");
    let mut typed: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(lang.word("menu-zone-other"));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut typed)
                    .hint_text("Asia/Tokyo")
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(lang.word("menu-zone-set")).clicked() || entered) && !typed.trim().is_empty()
        {
            commands.push(ViewCommand::SetDisplayZone(typed.clone()));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, typed));
    ui.weak(lang.word("menu-zone-note"));
}
