//! egui only: draws the [`AppState`], turns input into [`Command`]s, applies them in one place and
//! queues the [`Effect`]s for the eframe shell.

pub mod detail_panel;
pub mod event_list;
pub mod export_dialog;
pub mod legend;
pub mod menu_bar;
pub mod problems_panel;
pub mod shell;
pub mod status_bar;
pub mod theme;
pub mod timeline_canvas;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::app::{AppState, Command, Effect, PickMode};
pub use timeline_canvas::CanvasFrame;

/// The whole window's UI: state, per-panel UI state, effects waiting for the shell.
#[derive(Debug, Default)]
pub struct Window {
    /// The application state.
    pub state: AppState,
    /// The event list's own state.
    pub list: event_list::EventListState,
    /// What the timeline drew last frame.
    pub canvas: CanvasFrame,
    /// Effects for the shell (or a test) to carry out.
    pub effects: Vec<Effect>,
    /// The theme whose visuals egui has.
    applied_theme: Option<crate::palette::Theme>,
    /// The export dialog's preview.
    pub preview: export_dialog::Preview,
    /// The toast on screen and when it appeared (egui time).
    toast_since: Option<(u64, f64)>,
}

impl Window {
    /// A window showing `state`.
    pub fn new(state: AppState) -> Self {
        let list = event_list::EventListState {
            query: state.filter.query.clone(),
        };
        Self {
            state,
            list,
            canvas: CanvasFrame::default(),
            effects: Vec::new(),
            applied_theme: None,
            preview: export_dialog::Preview::default(),
            toast_since: None,
        }
    }

    /// Draws one frame and applies what the user did. Takes a plain `Ui` so `egui_kittest` can drive it.
    pub fn ui(&mut self, ui: &mut Ui) {
        let theme = self.state.settings.theme;
        if self.applied_theme != Some(theme) {
            let egui_theme = if theme.is_dark() {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            };
            ui.ctx().set_visuals_of(egui_theme, theme::visuals(theme));
            ui.ctx().set_theme(egui_theme);
            self.applied_theme = Some(theme);
        }
        let mut commands = Vec::new();
        Self::input(ui, &mut commands);
        let state = &self.state;
        egui::Panel::top("menu_bar").show(ui, |ui| menu_bar::menu_bar_ui(ui, state, &mut commands));
        egui::Panel::bottom("status_bar")
            .show(ui, |ui| status_bar::status_bar_ui(ui, state, &mut commands));
        if state.problems_open {
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(140.0)
                .show(ui, |ui| problems_panel::problems_ui(ui, state));
        }
        let list = &mut self.list;
        egui::Panel::left("events")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                legend::legend_ui(ui, state, &mut commands);
                ui.separator();
                event_list::event_list_ui(ui, state, list, &mut commands);
            });
        if let Some(idx) = state.selected() {
            egui::Panel::right("detail")
                .resizable(true)
                .default_size(340.0)
                .show(ui, |ui| {
                    detail_panel::detail_ui(ui, state, idx, &mut commands);
                });
        }
        let canvas = &mut self.canvas;
        egui::CentralPanel::default().show(ui, |ui| {
            if state.dataset.events.is_empty() && state.dataset.periods.is_empty() {
                empty_ui(ui, &mut commands);
            } else {
                *canvas = timeline_canvas::timeline_ui(ui, state, &mut commands);
            }
        });
        if let Some(notice) = &state.notice {
            egui::Modal::new(egui::Id::unique("notice")).show(ui.ctx(), |ui| {
                ui.set_max_width(420.0);
                ui.label(notice);
                if ui.button("OK").clicked() {
                    commands.push(Command::DismissNotice);
                }
            });
        }
        export_dialog::export_dialog_ui(ui, state, &mut self.preview, &mut commands);
        self.toast_ui(ui, &mut commands);
        for command in commands {
            if let Some(effect) = self.state.apply(command) {
                self.effects.push(effect);
            }
        }
    }

    /// How long a toast stays, in seconds.
    const TOAST_SECONDS: f64 = 6.0;

    fn toast_ui(&mut self, ui: &Ui, commands: &mut Vec<Command>) {
        let Some(toast) = &self.state.toast else {
            self.toast_since = None;
            return;
        };
        let now = ui.input(|i| i.time);
        let since = match self.toast_since {
            Some((serial, since)) if serial == toast.serial => since,
            _ => {
                self.toast_since = Some((toast.serial, now));
                now
            }
        };
        if now - since > Self::TOAST_SECONDS {
            commands.push(Command::DismissToast);
            return;
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(Self::TOAST_SECONDS));
        egui::Area::new(egui::Id::unique("toast"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -36.0))
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(460.0);
                    let text = egui::RichText::new(&toast.text);
                    let text = if toast.is_error {
                        text.color(ui.visuals().error_fg_color)
                    } else {
                        text
                    };
                    if ui
                        .add(egui::Label::new(text).sense(egui::Sense::click()))
                        .on_hover_text("Click to dismiss")
                        .clicked()
                    {
                        commands.push(Command::DismissToast);
                    }
                });
            });
    }

    fn input(ui: &Ui, commands: &mut Vec<Command>) {
        let ctx = ui.ctx();
        let dropped: Vec<_> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::AddFiles(dropped));
        }
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        let reload = KeyboardShortcut::new(Modifiers::COMMAND, Key::R);
        let export = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
        let copy_image = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
        ctx.input_mut(|i| {
            if i.consume_shortcut(&export) {
                commands.push(Command::OpenExportDialog);
            }
            if i.consume_shortcut(&copy_image) {
                commands.push(Command::CopyImage);
            }
            if i.consume_shortcut(&open) {
                commands.push(Command::PickFiles(PickMode::Open));
            }
            if i.consume_shortcut(&reload) {
                commands.push(Command::ReloadAll);
            }
        });
        // Plain keys only when no text field has focus.
        if ctx.memory(|m| m.focused().is_none()) {
            ctx.input(|i| {
                if i.key_pressed(Key::F) && i.modifiers.is_none() {
                    commands.push(Command::FitAll);
                }
                if i.key_pressed(Key::Escape) {
                    commands.push(Command::Select(None));
                }
            });
        }
    }
}

fn empty_ui(ui: &mut Ui, commands: &mut Vec<Command>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.heading("Nothing open");
        ui.label(
            "Open a file (Ctrl+O), drop files here, or pass them on the command line: annals FILE…",
        );
        if ui.button("Open…").clicked() {
            commands.push(Command::PickFiles(PickMode::Open));
        }
        if ui.button("Show the Belgium example").clicked() {
            commands.push(Command::OpenEmbedded);
        }
    });
}
