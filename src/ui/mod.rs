//! egui only: draws the [`AppState`], turns input into [`Command`]s, applies them in one place and
//! queues the [`Effect`]s for the eframe shell.

pub mod actions;
pub mod chooser;
pub mod connect_dialog;
pub mod detail_panel;
pub mod event_list;
pub mod export_dialog;
pub mod facets_panel;
pub mod keyboard;
pub mod legend;
pub mod menu_bar;
pub mod notes_panel;
pub mod paint;
pub mod problems_panel;
pub mod scenes_panel;
pub mod shell;
pub mod status_bar;
pub mod theme;
pub mod timeline_canvas;

use crate::app::{Commands, FilesCommand, PresentCommand, WindowCommand};
use actions::KeyScope;
use egui::Ui;

use crate::app::{AppState, Command, Effect, PickMode};
use crate::i18n::{Arg, Lang};
use crate::timeline::TimeView;
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
    /// An animated zoom to the state's view: where it started and when (egui time).
    animation: Option<(TimeView, f64)>,
    /// The caption typed for the next scene.
    pub scene_caption: String,
    /// Whether full screen and the type scale are in effect, and the zoom to go back to.
    presenting_applied: Option<f32>,
    /// The date range being typed.
    pub date_range: facets_panel::DateRangeDraft,
    /// The next bookmark's name or note's text.
    pub notes_draft: notes_panel::NotesDraft,
    /// The note on the selected event being edited, and which event it is for.
    pub event_note: (Option<crate::model::EventIdx>, String),
    /// The G prompt's text, while it is open.
    pub jump: Option<String>,
    /// File ▸ Connect to ClickHouse…
    pub connect: connect_dialog::ConnectDraft,
}

/// How long the zoom between scenes takes, in seconds.
pub const SCENE_ANIMATION_SECONDS: f64 = 0.45;

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
            animation: None,
            scene_caption: String::new(),
            presenting_applied: None,
            date_range: facets_panel::DateRangeDraft::default(),
            notes_draft: notes_panel::NotesDraft::default(),
            event_note: (None, String::new()),
            jump: None,
            connect: connect_dialog::ConnectDraft::default(),
        }
    }

    /// The view drawn this frame: the state's, or a step of the animated zoom towards it.
    fn displayed_view(&mut self, now: f64) -> TimeView {
        let target = self.state.view;
        match self.animation {
            Some((from, start)) if now - start < SCENE_ANIMATION_SECONDS => {
                from.interpolate(target, (now - start) / SCENE_ANIMATION_SECONDS)
            }
            _ => {
                self.animation = None;
                target
            }
        }
    }

    /// Full screen and the presentation type scale follow `state.presenting`.
    fn apply_presenting(&mut self, ctx: &egui::Context) {
        let presenting = self.state.presenting;
        match (presenting, self.presenting_applied) {
            (true, None) => {
                self.presenting_applied = Some(ctx.zoom_factor());
                ctx.set_zoom_factor(self.state.settings.presentation_scale);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
            (true, Some(_)) => {
                let scale = self.state.settings.presentation_scale;
                if (ctx.zoom_factor() - scale).abs() > f32::EPSILON {
                    ctx.set_zoom_factor(scale);
                }
            }
            (false, Some(zoom)) => {
                self.presenting_applied = None;
                ctx.set_zoom_factor(zoom);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            (false, None) => {}
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
            // Scroll bars seen whenever there is more below (egui's default shows them only
            // while the pointer is over the list: a facet's ninth value looked missing).
            ui.ctx().all_styles_mut(|style| {
                style.spacing.scroll = egui::style::ScrollStyle::thin();
            });
            self.applied_theme = Some(theme);
        }
        self.apply_presenting(ui.ctx());
        let now = ui.input(|i| i.time);
        // Keys and dropped files act before anything is drawn: the frame that handles a zoom
        // key already shows the zoomed view, rather than the old one and the new one a frame
        // later.
        let mut commands = Commands::default();
        self.input(ui, &mut commands);
        let shown = self.displayed_view(now);
        self.apply_commands(ui, commands, shown, now);
        let view = self.displayed_view(now);
        if self.animation.is_some() {
            ui.ctx().request_repaint();
        }
        let mut commands = Commands::default();
        let state = &self.state;
        if let Some(load) = &state.loading {
            egui::Panel::bottom("loading")
                .show(ui, |ui| loading_ui(ui, load, state.lang(), &mut commands));
        }
        if state.presenting {
            egui::Panel::bottom("caption").show(ui, |ui| scenes_panel::caption_ui(ui, state));
        } else {
            self.panels_ui(ui, &mut commands);
        }
        let state = &self.state;
        let canvas = &mut self.canvas;
        egui::CentralPanel::default().show(ui, |ui| {
            if state.total_events() == 0 && state.dataset.periods.is_empty() {
                if state.loading.is_some() {
                    ui.centered_and_justified(|ui| ui.heading(state.lang().word("loading")));
                } else if state.failed_unopened().next().is_some() {
                    broken_ui(ui, state, &mut commands);
                } else {
                    empty_ui(ui, state.lang(), &mut commands);
                }
            } else {
                let previous = std::mem::take(canvas);
                *canvas = timeline_canvas::timeline_ui(ui, state, view, previous, &mut commands);
            }
        });
        if let Some(asked) = &state.too_large {
            too_large_ui(ui, asked, state.lang(), &mut commands);
        }
        if state.shortcuts_open {
            keyboard::shortcut_sheet_ui(ui.ctx(), state.lang(), &mut commands);
        }
        if let Some(text) = &mut self.jump
            && !keyboard::jump_ui(ui.ctx(), text, state.lang(), &mut commands)
        {
            self.jump = None;
        }
        connect_dialog::connect_ui(ui.ctx(), &mut self.connect, state.lang(), &mut commands);
        event_list::members_ui(ui.ctx(), state, &mut commands);
        export_dialog::export_dialog_ui(ui, state, &mut self.preview, &mut commands);
        // Last: the chooser sits over the export dialog that asked for it.
        chooser::chooser_ui(ui.ctx(), state, &mut commands);
        self.toast_ui(ui, &mut commands);
        self.apply_commands(ui, commands, view, now);
    }

    /// Applies what the user asked for; a step between scenes is animated from `shown`, the
    /// view on screen.
    fn apply_commands(&mut self, ui: &Ui, commands: Commands, shown: TimeView, now: f64) {
        let before = self.state.view;
        let mut stepped = false;
        for command in commands {
            stepped |= matches!(
                command,
                Command::Present(
                    PresentCommand::GoToScene(_)
                        | PresentCommand::NextScene
                        | PresentCommand::PreviousScene
                )
            );
            let effects = self.state.apply(command);
            self.effects.extend(effects);
        }
        if stepped {
            // The list's search field shows the scene's query; the zoom there is animated.
            self.list.query.clone_from(&self.state.filter.query);
            if self.state.view != before {
                self.animation = Some((shown, now));
                ui.ctx().request_repaint();
            }
        }
    }

    /// The menu, status bar, side panels and problems: everything but the timeline.
    fn panels_ui(&mut self, ui: &mut Ui, commands: &mut Commands) {
        let state = &self.state;
        let connect = &mut self.connect;
        egui::Panel::top("menu_bar").show(ui, |ui| {
            if menu_bar::menu_bar_ui(ui, state, commands) {
                connect.open(state.remote.as_ref().map(|r| r.address.as_str()));
            }
        });
        egui::Panel::bottom("status_bar")
            .show(ui, |ui| status_bar::status_bar_ui(ui, state, commands));
        if state.problems_open {
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(140.0)
                .show(ui, |ui| problems_panel::problems_ui(ui, state));
        }
        let list = &mut self.list;
        let caption = &mut self.scene_caption;
        let date_range = &mut self.date_range;
        let notes = &mut self.notes_draft;
        let lang = state.lang();
        let most = (ui.available_width() * 0.3).max(240.0);
        egui::Panel::left("events")
            .resizable(true)
            .default_size(300.0_f32.min(most))
            .max_size(most)
            .show(ui, |ui| {
                legend::legend_ui(ui, state, commands);
                ui.separator();
                egui::CollapsingHeader::new(lang.word("filters-heading"))
                    .id_salt("filters")
                    .default_open(true)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("facets")
                            .max_height(240.0)
                            .show(ui, |ui| {
                                facets_panel::facets_ui(ui, state, date_range, commands);
                            });
                    });
                egui::CollapsingHeader::new(lang.text(
                    "side-notes",
                    &[(
                        "count",
                        Arg::Count(state.bookmarks.len() + state.notes.len()),
                    )],
                ))
                .id_salt("notes")
                .default_open(false)
                .show(ui, |ui| notes_panel::notes_ui(ui, state, notes, commands));
                egui::CollapsingHeader::new(
                    lang.text("side-scenes", &[("count", Arg::Count(state.scenes.len()))]),
                )
                .id_salt("scenes")
                .default_open(true)
                .show(ui, |ui| {
                    scenes_panel::scenes_ui(ui, state, caption, commands);
                });
                ui.separator();
                event_list::event_list_ui(ui, state, list, commands);
            });
        if let Some(idx) = state.selected() {
            if self.event_note.0 != Some(idx) {
                self.event_note = (
                    Some(idx),
                    state
                        .note_on(idx)
                        .map(|n| n.text.clone())
                        .unwrap_or_default(),
                );
            }
            let note = &mut self.event_note.1;
            // The timeline keeps most of the window, whatever the panel holds.
            let most = (ui.available_width() * 0.35).max(260.0);
            egui::Panel::right("detail")
                .resizable(true)
                .default_size(340.0_f32.min(most))
                .max_size(most)
                .show(ui, |ui| {
                    detail_panel::detail_ui(ui, state, idx, note, commands);
                });
        }
    }

    /// How long a toast stays, in seconds.
    const TOAST_SECONDS: f64 = 6.0;

    fn toast_ui(&mut self, ui: &Ui, commands: &mut Commands) {
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
            commands.push(WindowCommand::DismissToast);
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
                        .on_hover_text(self.state.lang().word("toast-dismiss"))
                        .clicked()
                    {
                        commands.push(WindowCommand::DismissToast);
                    }
                });
            });
    }

    fn input(&mut self, ui: &Ui, commands: &mut Commands) {
        let ctx = ui.ctx();
        let state = &self.state;
        let dropped: Vec<_> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(FilesCommand::AddFiles(dropped));
        }
        let scope = if state.chooser.is_some()
            || state.too_large.is_some()
            || state.export_dialog.is_some()
        {
            KeyScope::Dialog
        } else if ctx.memory(|m| m.focused().is_some()) || self.jump.is_some() {
            KeyScope::Typing
        } else if state.shortcuts_open {
            KeyScope::Sheet
        } else {
            KeyScope::All
        };
        let asks = keyboard::keys(ctx, state, scope, commands);
        if asks.focus_search {
            ctx.memory_mut(|m| m.request_focus(keyboard::search_id()));
        }
        if asks.jump {
            self.jump = Some(String::new());
        }
    }
}

/// The loading strip: which files, bytes read of the total, and Cancel.
fn loading_ui(ui: &mut Ui, load: &crate::app::Loading, lang: Lang, commands: &mut Commands) {
    use crate::app::loading::size_label;
    let read = load
        .progress
        .read_bytes
        .load(std::sync::atomic::Ordering::Relaxed);
    let names: Vec<String> = load
        .paths
        .iter()
        .map(crate::model::text::file_name_of)
        .collect();
    // One row per file: its own bar and what it is doing (files are read one after the other).
    let stages = crate::app::loading::file_stages(&load.sizes, read);
    let last = names.len().saturating_sub(1);
    for (i, ((name, stage), &size)) in names.iter().zip(&stages).zip(&load.sizes).enumerate() {
        use crate::app::loading::FileStage;
        ui.horizontal(|ui| {
            let said = |key: &str| lang.text(key, &[("file", Arg::Text(name))]);
            let (fraction, text, busy) = match *stage {
                FileStage::Waiting => (0.0, said("load-waiting"), false),
                FileStage::Reading(done) => (
                    if size == 0 {
                        1.0
                    } else {
                        (done as f64 / size as f64).clamp(0.0, 1.0) as f32
                    },
                    lang.text(
                        "load-reading",
                        &[
                            ("file", Arg::Text(name)),
                            ("done", Arg::Text(&size_label(done))),
                            ("size", Arg::Text(&size_label(size))),
                        ],
                    ),
                    false,
                ),
                // A later file has begun: this one is done.
                FileStage::Parsing
                    if stages
                        .get(i + 1..)
                        .is_some_and(|later| later.iter().any(|s| *s != FileStage::Waiting)) =>
                {
                    (1.0, said("load-loaded"), false)
                }
                FileStage::Parsing => (1.0, said("load-parsing"), true),
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(260.0)
                    .animate(busy),
            );
            ui.label(text);
            if i == last && ui.button(lang.word("cancel")).clicked() {
                commands.push(FilesCommand::CancelLoad);
            }
        });
    }
    // Progress lives in atomics the loading thread writes: keep redrawing while it runs.
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(100));
}

/// Asks before loading a file over the size limit.
fn too_large_ui(ui: &Ui, asked: &crate::app::TooLarge, lang: Lang, commands: &mut Commands) {
    use crate::app::loading::size_label;
    let (enter, escape) = chooser::modal_keys(ui.ctx());
    egui::Modal::new(egui::Id::unique("too-large")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        ui.heading(lang.word("too-large-heading"));
        ui.label(lang.text(
            "too-large-text",
            &[
                ("file", Arg::Text(&asked.largest.0.display().to_string())),
                ("size", Arg::Text(&size_label(asked.largest.1))),
                ("limit", Arg::Text(&size_label(asked.limit_bytes))),
            ],
        ));
        ui.horizontal(|ui| {
            if ui.button(lang.word("too-large-load")).clicked() || enter {
                commands.push(FilesCommand::LoadAnyway);
            }
            if ui.button(lang.word("too-large-skip")).clicked() || escape {
                commands.push(FilesCommand::DeclineTooLarge);
            }
        });
    });
}

/// Where a failed file is and where in it the problem is: "/data/x.json, line 30, column 28".
pub(crate) fn failed_place(failed: &crate::app::FailedFile, lang: Lang) -> String {
    match failed.location {
        Some(place) => crate::i18n::Said::new("broken-place")
            .text("file", failed.name.clone())
            .text("line", lang.number(place.line))
            .text("column", lang.number(place.column))
            .in_lang(lang),
        None => failed.name.clone(),
    }
}

/// Nothing could be opened: what went wrong with each file, where, and that it will open by
/// itself once fixed.
fn broken_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let lang = state.lang();
    let dark = ui.visuals().dark_mode;
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 4.0);
        ui.set_max_width(720.0);
        for failed in state.failed_unopened() {
            let name = crate::model::text::file_name_of(&failed.name);
            ui.heading(
                crate::i18n::Said::new("broken-heading")
                    .text("file", name)
                    .in_lang(lang),
            );
            ui.label(
                egui::RichText::new(failed.reason.in_lang(lang))
                    .color(theme::problem_color(crate::app::ProblemLevel::Error, dark))
                    .size(16.0),
            );
            ui.label(egui::RichText::new(failed_place(failed, lang)).monospace());
            ui.add_space(12.0);
        }
        ui.label(lang.word(if state.settings.live_reload {
            "broken-watching"
        } else {
            "broken-reload"
        }));
        ui.add_space(8.0);
        let buttons = [
            ("action-reload-files", FilesCommand::ReloadAll),
            ("action-open-files", FilesCommand::PickFiles(PickMode::Open)),
            ("empty-example", FilesCommand::OpenEmbedded),
        ];
        // The row is centred: its width is the buttons' texts, their padding and the gaps.
        let spacing = ui.spacing().item_spacing.x;
        let padding = ui.spacing().button_padding.x * 2.0;
        let width: f32 = buttons
            .iter()
            .map(|(key, _)| body_text_width(ui, &lang.word(key)) + padding + spacing)
            .sum::<f32>()
            - spacing;
        ui.horizontal(|ui| {
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            for (key, command) in buttons {
                if ui.button(lang.word(key)).clicked() {
                    commands.push(command);
                }
            }
        });
    });
}

fn empty_ui(ui: &mut Ui, lang: Lang, commands: &mut Commands) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.heading(lang.word("nothing-open"));
        ui.label(lang.word("empty-hint"));
        if ui.button(lang.word("action-open-files")).clicked() {
            commands.push(FilesCommand::PickFiles(PickMode::Open));
        }
        if ui.button(lang.word("empty-example")).clicked() {
            commands.push(FilesCommand::OpenEmbedded);
        }
    });
}

/// How wide `text` is in the body font, on one line (to share a row between labels and fields
/// whatever the language's word lengths).
pub(crate) fn body_text_width(ui: &Ui, text: &str) -> f32 {
    ui.painter()
        .layout_no_wrap(
            text.to_owned(),
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().text_color(),
        )
        .size()
        .x
}
