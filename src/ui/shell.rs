//! The eframe shell: runs the window, carries out effects (file dialogs on a named thread, links in
//! the browser) and persists settings. Everything it does is outside what tests drive.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::app::{AppState, Command, Effect, PickMode, Settings};
use crate::ui::Window;

/// What the dialog thread sends back: the paths chosen, or nothing if cancelled.
type Picked = Option<(PickMode, Vec<PathBuf>)>;

const SETTINGS_KEY: &str = "annals-settings";

/// The eframe application.
pub struct Shell {
    window: Window,
    picked: Option<Receiver<Picked>>,
}

/// Whether a file dialog can appear: rfd's portal needs a session bus; without one it falls back
/// to zenity; with neither, `pick_files` returns nothing at once.
pub fn dialog_available() -> bool {
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
    let has_zenity = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| Path::new(&dir).join("zenity").is_file())
    });
    has_bus || has_zenity
}

impl Shell {
    /// Starts on `files`, or the embedded dataset when there are none.
    pub fn new(cc: &eframe::CreationContext<'_>, files: &[PathBuf]) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        Self {
            window: Window::new(AppState::with_files(files, settings)),
            picked: None,
        }
    }

    fn pick_files(&mut self, ctx: &egui::Context, mode: PickMode) {
        if !dialog_available() {
            self.window.state.apply(Command::DialogUnavailable);
            return;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_title(if mode == PickMode::Open {
                        "Open timeline files"
                    } else {
                        "Add timeline files"
                    })
                    .add_filter("Timeline files", &["json", "jsonl", "csv"])
                    .add_filter("All files", &["*"]);
                let files = pollster::block_on(dialog.pick_files());
                let paths = files
                    .map(|files| (mode, files.iter().map(|f| f.path().to_path_buf()).collect()));
                sender.send(paths).ok(); // the window may have closed meanwhile
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.picked = Some(receiver),
            Err(_) => {
                self.window.state.apply(Command::DialogUnavailable);
            }
        }
    }
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(receiver) = &self.picked
            && let Ok(result) = receiver.try_recv()
        {
            self.picked = None;
            if let Some((mode, paths)) = result {
                let command = match mode {
                    PickMode::Open => Command::OpenFiles(paths),
                    PickMode::Add => Command::AddFiles(paths),
                };
                self.window.state.apply(command);
            }
        }
        self.window.ui(ui);
        for effect in std::mem::take(&mut self.window.effects) {
            match effect {
                Effect::PickFiles(mode) => {
                    if self.picked.is_none() {
                        self.pick_files(ui.ctx(), mode);
                    }
                }
                Effect::OpenUrl(url) => ui.ctx().open_url(egui::OpenUrl::new_tab(url)),
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.window.state.settings);
    }
}

/// Opens the window and blocks until it closes.
pub fn run(files: Vec<PathBuf>) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Annals")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Annals",
        options,
        Box::new(move |cc| Ok(Box::new(Shell::new(cc, &files)))),
    )
}
