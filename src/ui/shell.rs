//! The eframe shell: runs the window, carries out effects (file dialogs on a named thread, links in
//! the browser) and persists settings. Everything it does is outside what tests drive.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::app::export::write_image;
use crate::app::watch::FileWatcher;
use crate::app::{
    AppState, ChooseFile, ChooserCommand, ChooserPurpose, Command, Delivery, Effect, Reply,
    Settings,
};
use crate::export::RgbaImage;
use crate::ui::Window;

const SETTINGS_KEY: &str = "annals-settings";

/// What a background thread sends back to the UI thread.
enum Message {
    /// The system dialog's answer, as the command for what the file was chosen for.
    Chosen(Command),
    Reply(Reply),
    /// A rasterised view for the clipboard, or why not.
    Copy(Result<RgbaImage, String>),
    /// A dialog closed without an answer.
    DialogClosed,
    /// Files another launch handed over (a double-click in the file manager).
    FromOutside(Vec<PathBuf>),
}

/// The eframe application.
pub struct Shell {
    window: Window,
    sender: Sender<Message>,
    replies: Receiver<Message>,
    dialog_open: bool,
    /// The number of the newest question asked of a ClickHouse table: threads for older ones
    /// that have not started yet do nothing.
    newest_question: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Live reload: the watcher, and the files it was last told to watch.
    watcher: Option<(FileWatcher, Vec<PathBuf>)>,
    /// The last reason live reload could not work, said once.
    watch_trouble: Option<String>,
    /// Listening for files opened from outside (another launch hands them over); the socket
    /// goes when the window does.
    #[cfg(unix)]
    _instance: Option<crate::instance::Listening>,
    /// With `ANNALS_STARTUP_PROBE` set: when the process started and how many frames were
    /// drawn; once the first frame is on screen the time is said and the window closes
    /// (how `docs/benchmarks.md` measures the cold start).
    probe: Option<(std::time::Instant, u32)>,
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
    /// Applies a command; its effects are carried out after this frame's panels.
    fn apply(&mut self, command: impl Into<Command>) {
        let effects = self.window.state.apply(command);
        self.window.effects.extend(effects);
    }

    /// Takes a background job's answer; its effects are carried out like a command's.
    fn receive(&mut self, reply: Reply) {
        let effects = self.window.state.receive(reply);
        self.window.effects.extend(effects);
    }

    /// Starts on `files`, or the embedded dataset when there are none.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        files: &[PathBuf],
        started: std::time::Instant,
        lang: Option<crate::i18n::Lang>,
    ) -> Self {
        let mut settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        settings.export = settings.export.without_missing_folder();
        if lang.is_some() {
            settings.language = lang;
        }
        let (sender, replies) = channel();
        let (mut state, effect) = AppState::starting_with(files, settings);
        if dialog_available() {
            state.system_dialog = crate::app::chooser::SystemDialog::Available;
        }
        // Big files open again from their built store (see `io::cache`).
        state.reopen_cache = crate::io::cache::Cache::platform();
        let mut window = Window::new(state);
        window.effects.extend(effect);
        #[cfg(unix)]
        let instance = {
            let sender = sender.clone();
            let ctx = cc.egui_ctx.clone();
            crate::instance::socket_path().and_then(|socket| {
                crate::instance::listen(&socket, move |files| {
                    sender.send(Message::FromOutside(files)).ok();
                    ctx.request_repaint();
                })
                .ok()
            })
        };
        Self {
            #[cfg(unix)]
            _instance: instance,
            window,
            sender,
            replies,
            dialog_open: false,
            newest_question: std::sync::Arc::default(),
            watcher: None,
            watch_trouble: None,
            probe: std::env::var_os("ANNALS_STARTUP_PROBE").map(|_| (started, 0)),
        }
    }

    /// The startup probe (see [`Shell::probe`]): the second frame begins once the first is
    /// on screen.
    fn probe(&mut self, ctx: &egui::Context) {
        let Some((started, frames)) = &mut self.probe else {
            return;
        };
        *frames += 1;
        if *frames == 1 {
            ctx.request_repaint();
        } else if *frames == 2 {
            #[expect(
                clippy::print_stderr,
                reason = "a measurement asked for by its variable"
            )]
            {
                eprintln!(
                    "annals: first frame on screen {:.1} ms after the process started",
                    started.elapsed().as_secs_f64() * 1e3
                );
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Keeps the watcher on the open files (or stops it when live reload is off).
    fn keep_watching(&mut self, ctx: &egui::Context) {
        let state = &self.window.state;
        if !state.settings.live_reload {
            self.watcher = None;
            return;
        }
        let wanted = state.watched_paths();
        if self.watcher.as_ref().is_some_and(|(_, w)| *w == wanted) {
            return;
        }
        if self.watcher.is_none() {
            let sender = self.sender.clone();
            let ctx = ctx.clone();
            match FileWatcher::new(move |paths| {
                sender.send(Message::Reply(Reply::FilesChanged(paths))).ok();
                ctx.request_repaint();
            }) {
                Ok(watcher) => self.watcher = Some((watcher, Vec::new())),
                Err(why) => {
                    self.live_reload_trouble(&why);
                    return;
                }
            }
        }
        if let Some((watcher, watched)) = &mut self.watcher {
            let result = watcher.watch(&wanted);
            *watched = wanted;
            if let Err(why) = result {
                self.live_reload_trouble(&why);
            }
        }
    }

    /// Says why live reload does not work (once per reason): Reload still does.
    fn live_reload_trouble(&mut self, why: &str) {
        if self.watch_trouble.as_deref() != Some(why) {
            self.watch_trouble = Some(why.to_owned());
            let message = self.window.state.said("toast-live-reload", why);
            self.window.state.toast(message, true);
        }
    }

    /// Runs `work` on a named thread and wakes the UI when it has answered. Returns false if no
    /// thread could be started.
    fn background(
        &self,
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> Message + Send + 'static,
    ) -> bool {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                sender.send(work()).ok(); // the window may have closed meanwhile
                ctx.request_repaint();
            })
            .is_ok()
    }

    /// Shows the system's file dialog on the `file-dialog` thread (one at a time); where none
    /// can appear, the in-window chooser.
    fn choose(&mut self, ctx: &egui::Context, request: ChooseFile) {
        if self.dialog_open {
            return;
        }
        let lang = self.window.state.lang();
        let fallback = request.clone();
        let started = self.window.state.system_dialog
            == crate::app::chooser::SystemDialog::Available
            && self.background(ctx, "file-dialog", move || {
                let purpose = request.purpose;
                let title = lang.word(purpose.words().0);
                let mut dialog = rfd::AsyncFileDialog::new().set_title(title.trim_end_matches('…'));
                dialog = match purpose {
                    ChooserPurpose::Open | ChooserPurpose::Add => dialog.add_filter(
                        lang.word("dialog-timeline-files"),
                        crate::io::folder::TIMELINE_EXTENSIONS,
                    ),
                    ChooserPurpose::OpenSession | ChooserPurpose::SaveSession => {
                        dialog.add_filter(lang.word("dialog-session-files"), &["json"])
                    }
                    ChooserPurpose::Export => dialog
                        .add_filter(lang.word("dialog-png"), &["png"])
                        .add_filter(lang.word("dialog-svg"), &["svg"]),
                };
                if purpose != ChooserPurpose::Export {
                    dialog = dialog.add_filter(lang.word("dialog-all-files"), &["*"]);
                }
                if let Some(start) = &request.start {
                    if start.is_dir() {
                        dialog = dialog.set_directory(start);
                    } else {
                        if let Some(folder) = start.parent().filter(|p| p.is_dir()) {
                            dialog = dialog.set_directory(folder);
                        }
                        if let (true, Some(name)) = (purpose.saves(), start.file_name()) {
                            dialog = dialog.set_file_name(name.to_string_lossy());
                        }
                    }
                }
                let paths: Vec<PathBuf> = match purpose {
                    ChooserPurpose::Open | ChooserPurpose::Add => {
                        pollster::block_on(dialog.pick_files())
                            .unwrap_or_default()
                            .iter()
                            .map(|f| f.path().to_path_buf())
                            .collect()
                    }
                    ChooserPurpose::OpenSession => pollster::block_on(dialog.pick_file())
                        .map(|f| f.path().to_path_buf())
                        .into_iter()
                        .collect(),
                    ChooserPurpose::SaveSession | ChooserPurpose::Export => {
                        pollster::block_on(dialog.save_file())
                            .map(|f| f.path().to_path_buf())
                            .into_iter()
                            .collect()
                    }
                };
                purpose
                    .answer(paths)
                    .map_or(Message::DialogClosed, Message::Chosen)
            });
        self.dialog_open = started;
        if !started {
            self.apply(ChooserCommand::Show(fallback));
        }
    }

    fn carry_out(&mut self, ctx: &egui::Context, effect: Effect) {
        match effect {
            Effect::Choose(request) => self.choose(ctx, request),
            // A folder listing is small and quick: done here, between frames, in order.
            Effect::ListFolder(folder) => self.receive(crate::app::jobs::list_folder(folder)),
            Effect::ProbePath(path) => self.receive(crate::app::jobs::probe_path(path)),
            Effect::OpenUrl(url) => ctx.open_url(egui::OpenUrl::new_tab(url)),
            Effect::Measure(measure) => self.receive(measure.run()),
            // Small loads are read at once, so a small file opens without a progress flash.
            Effect::Load(load) if !load.in_background() => {
                let results = crate::app::loading::run(&load);
                self.receive(Reply::Loaded(load.id, Delivery::new(results)));
            }
            Effect::Load(load) => {
                let id = load.id;
                let started = self.background(ctx, "loader", move || {
                    let results = crate::app::loading::run(&load);
                    Message::Reply(Reply::Loaded(load.id, Delivery::new(results)))
                });
                if !started {
                    self.receive(Reply::Loaded(id, Delivery::new(Vec::new())));
                }
            }
            Effect::Connect(connect) => {
                let failed = connect.clone();
                let started = self.background(ctx, "clickhouse-connect", move || {
                    Message::Reply(connect.run())
                });
                if !started {
                    let none = crate::app::Delivery::new_empty();
                    self.receive(Reply::Connected(failed, none));
                }
            }
            Effect::AskTable(ask) => {
                // Newest question first: one overtaken before it starts is not asked at all.
                let newest = std::sync::Arc::clone(&self.newest_question);
                newest.fetch_max(ask.generation, std::sync::atomic::Ordering::Relaxed);
                let generation = ask.generation;
                let started = self.background(ctx, "clickhouse", move || {
                    if newest.load(std::sync::atomic::Ordering::Relaxed) > ask.generation {
                        let none = crate::app::Delivery::new_empty();
                        return Message::Reply(Reply::TableAnswered(ask.generation, none));
                    }
                    Message::Reply(ask.run())
                });
                if !started {
                    let none = crate::app::Delivery::new_empty();
                    self.receive(Reply::TableAnswered(generation, none));
                }
            }
            Effect::CountFacet(count) => {
                let failed = count.clone();
                let started =
                    self.background(ctx, "clickhouse-facet", move || Message::Reply(count.run()));
                if !started {
                    let none = crate::app::Delivery::new_empty();
                    self.receive(Reply::FacetCounted(failed, none));
                }
            }
            Effect::Arrange(job) => {
                let started = self.background(ctx, "arrange", move || {
                    Message::Reply(crate::app::arrange::answer(&job))
                });
                if !started {
                    // No thread: the state arranges itself when the answer is missing.
                    let generation = self.window.state.arrange_generation();
                    self.receive(Reply::Arranged(generation, Delivery::new_empty()));
                }
            }
            // Sidecars and sessions are a few kilobytes: written and read here, in order, so
            // two quick saves can never land out of order as two threads could.
            Effect::WriteFile(write) => self.receive(write.run()),
            Effect::ReadFile(read) => self.receive(read.run()),
            Effect::WriteImage(job) => {
                let started = self.background(ctx, "export", move || {
                    Message::Reply(Reply::ImageWritten(write_image(&job)))
                });
                if !started {
                    let failed = Err(crate::i18n::Said::new("job-no-thread"));
                    self.receive(Reply::ImageWritten(failed));
                }
            }
            Effect::CopyImage(svg) => {
                let started = self.background(ctx, "copy-image", move || {
                    Message::Copy(
                        crate::export::render_rgba(&svg, None)
                            .map_err(|e| crate::io::report::error_chain(&e)),
                    )
                });
                if !started {
                    let failed = Err(crate::i18n::Said::new("job-no-thread"));
                    self.receive(Reply::ImageCopied(failed));
                }
            }
        }
    }
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.probe(ui.ctx());
        while let Ok(reply) = self.replies.try_recv() {
            match reply {
                Message::Chosen(command) => {
                    self.dialog_open = false;
                    self.apply(command);
                }
                Message::Reply(reply) => self.receive(reply),
                Message::DialogClosed => self.dialog_open = false,
                Message::FromOutside(files) => {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Focus);
                    self.receive(Reply::OpenedFromOutside(files));
                }
                Message::Copy(Ok(image)) => {
                    let size = [image.width as usize, image.height as usize];
                    ui.ctx()
                        .copy_image(egui::ColorImage::from_rgba_premultiplied(
                            size,
                            &image.pixels,
                        ));
                    self.receive(Reply::ImageCopied(Ok(())));
                }
                Message::Copy(Err(why)) => {
                    self.receive(Reply::ImageCopied(Err(why.into())));
                }
            }
        }
        self.window.ui(ui);
        for effect in std::mem::take(&mut self.window.effects) {
            self.carry_out(ui.ctx(), effect);
        }
        self.keep_watching(ui.ctx());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.window.state.settings);
    }
}

/// Opens the window and blocks until it closes.
/// `lang`: the language asked for on the command line (`--lang`), chosen as View ▸ Language
/// would choose it; `None` keeps the saved choice.
pub fn run(
    files: Vec<PathBuf>,
    started: std::time::Instant,
    lang: Option<crate::i18n::Lang>,
) -> Result<(), eframe::Error> {
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
        Box::new(move |cc| Ok(Box::new(Shell::new(cc, &files, started, lang)))),
    )
}
