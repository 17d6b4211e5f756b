//! The application state, the commands that change it and the side effects they ask for.
//!
//! [`AppState::apply`] is the one place where state changes. The UI pushes [`Command`]s; effects
//! that leave the process (file dialogs, opening a browser) come back as [`Effect`]s for the thin
//! eframe shell to carry out, so tests can assert on them. No egui in this file.

pub mod analysis;
pub mod arrange;
pub mod chooser;
pub mod command;
pub mod export;
pub mod jobs;
pub mod loading;
mod problems;
pub mod remote;
pub mod scenes;
pub mod session;
mod settings;
pub mod watch;

pub use problems::{FailedFile, Problem, ProblemCounts, ProblemLevel};
pub use settings::{DEFAULT_PRESENTATION_SCALE, Settings};

use std::path::{Path, PathBuf};

use crate::io::{self, LoadError, LoadedFile};
use crate::model::filter::{FacetValue, Field};
use crate::model::{Dataset, EventIdx, Filter};
use crate::timeline::{AxisBreaks, LaneLayout, LaneSpec, TimeView};
pub use analysis::{Bookmark, Note, ViewOptions};
pub use chooser::{ChooseFile, Chooser, ChooserCommand, ChooserPurpose};
pub use command::{
    Command, Commands, ExportCommand, FilesCommand, FilterCommand, LanesCommand, NotesCommand,
    PresentCommand, Reply, SelectCommand, SessionCommand, ViewCommand, WindowCommand,
};
pub use export::{ExportRange, ExportSettings, ImageFormat, ImageJob, Toast};
pub use loading::{Delivery, LoadResults, Loading, TooLarge};
pub use scenes::SavedScene;

/// How many files "Open recent" remembers.
pub const RECENT_FILES: usize = 10;

/// Where an open file came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileSource {
    /// The built-in Belgium dataset.
    Embedded,
    /// A file on disk.
    Path(PathBuf),
    /// A ClickHouse table, by its address (no password).
    Table(String),
}

/// A file that loaded (possibly with skipped records).
#[derive(Clone, Debug)]
pub struct OpenFile {
    /// Where it came from (for reload).
    pub source: FileSource,
    /// What it contributed.
    pub loaded: LoadedFile,
}

/// Which event is selected, by something that survives reloads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// The file's path (as shown in the legend).
    pub path: String,
    /// The event's id in that file.
    pub id: String,
}

/// What a load is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickMode {
    /// Replace what is open.
    Open,
    /// Add to what is open.
    Add,
    /// Re-read open files in place, keeping view, selection and filters.
    Reload,
}

/// A side effect for the shell to carry out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Show the system's file dialog off the UI thread and answer with what the file was
    /// chosen for ([`ChooserPurpose::answer`]); where none can appear, show the in-window
    /// chooser instead.
    Choose(ChooseFile),
    /// List a folder for the in-window chooser and answer `Listed`.
    ListFolder(PathBuf),
    /// Say what a path is (a folder, a file, nothing) and answer `Probed`.
    ProbePath(PathBuf),
    /// Open this http(s) URL in the browser.
    OpenUrl(String),
    /// Rasterise (if PNG) and write an image off the UI thread, then answer `ImageWritten`.
    WriteImage(ImageJob),
    /// Rasterise this SVG and put it on the clipboard, then answer `ImageCopied`.
    CopyImage(String),
    /// Run this load on the loading thread and answer `Loaded`.
    Load(Loading),
    /// Arrange (filter, search, lanes) on a thread and answer `Arranged`.
    Arrange(arrange::ArrangeJob),
    /// Write a file (a sidecar, a session) and answer `Written`.
    WriteFile(jobs::FileWrite),
    /// Read a file (a session, a sidecar) and answer `Read`.
    ReadFile(jobs::FileRead),
    /// Size files about to be opened and answer `Measured`.
    Measure(jobs::Measure),
    /// Connect to a ClickHouse table on a thread and answer `Connected`.
    Connect(remote::Connect),
    /// Ask a ClickHouse table for a view on its thread (newest first) and answer
    /// `TableAnswered`.
    AskTable(remote::Ask),
    /// Count a facet's values on a ClickHouse table on a thread and answer `FacetCounted`.
    CountFacet(remote::CountFacet),
}

/// Everything the window shows. Owns no egui types, so tests build it directly.
#[derive(Debug, Default)]
pub struct AppState {
    /// Files that loaded, in order (their index is their `FileId`).
    pub files: Vec<OpenFile>,
    /// Files that could not be used at the last attempt, with why.
    pub failed: Vec<FailedFile>,
    /// The merged data of `files` (shared with the arranging thread while it works).
    pub dataset: std::sync::Arc<Dataset>,
    /// Lanes and rows of the shown events.
    pub layout: LaneLayout,
    /// Events that pass the filter, in time order (for the list and the counts).
    pub shown: Vec<EventIdx>,
    /// What is filtered out.
    pub filter: Filter,
    /// The visible time window.
    pub view: TimeView,
    /// The selected event.
    pub selection: Option<Selection>,
    /// Persistent settings.
    pub settings: Settings,
    /// The in-window file chooser, while it is open.
    pub chooser: Option<Chooser>,
    /// Whether the system can show a file dialog (an XDG portal or zenity; the shell says so
    /// at start). Without one, the in-window chooser is used.
    pub system_dialog: chooser::SystemDialog,
    /// Whether the problems panel is open.
    pub problems_open: bool,
    /// The export dialog's choices while it is open.
    pub export_dialog: Option<ExportSettings>,
    /// A short message about something that finished (an export, a copy).
    pub toast: Option<Toast>,
    /// Saved views, in presenting order.
    pub scenes: Vec<SavedScene>,
    /// The scene last shown.
    pub scene_index: Option<usize>,
    /// Full screen, panels hidden, larger type.
    pub presenting: bool,
    /// The load running on the loading thread.
    pub loading: Option<Loading>,
    /// The ClickHouse table open, if any.
    pub remote: Option<remote::RemoteTable>,
    /// Files over the size limit, waiting for a yes or no.
    pub too_large: Option<TooLarge>,
    next_load_id: u64,
    /// How lanes are made.
    pub lanes: LaneSpec,
    /// Links, gaps.
    pub options: ViewOptions,
    /// The axis breaks in effect (none unless gaps are collapsed).
    pub breaks: AxisBreaks,
    /// Shown events the search matches, in time order.
    pub search_hits: Vec<EventIdx>,
    /// Per field, its values with counts, counted when first asked for after a change (the
    /// facet panel asks only for the facets that are open).
    facets: [std::cell::OnceCell<Vec<FacetValue>>; Field::ALL.len()],
    /// Whether the shortcut sheet is open.
    pub shortcuts_open: bool,
    /// Named times.
    pub bookmarks: Vec<Bookmark>,
    /// Notes on events or at times.
    pub notes: Vec<Note>,
    /// The session file last saved or opened.
    pub session_path: Option<PathBuf>,
    /// Counts changes of lanes (data, filters, lane choices), so views of them can be cached.
    pub layout_generation: u64,
    /// How far the lanes are scrolled down, in points, when they do not fit the area.
    pub lane_scroll: f64,
    /// The members of the cluster last clicked, listed in a window, and the range they cover.
    pub members: Option<(Vec<EventIdx>, f64, f64)>,
    /// From this many events on, filters and search are arranged on a thread (default
    /// [`arrange::BACKGROUND_EVENTS`]).
    pub background_events: Option<usize>,
    /// Where big files, once read, are kept for reopening (`io::cache`); `None` (tests, and
    /// until the shell sets the platform's folder): read every time.
    pub reopen_cache: Option<crate::io::cache::Cache>,
    arrange_generation: u64,
    /// What is being computed on the arranging thread ("Filtering"), if anything.
    arranging: Option<String>,
    pending_arrange: Option<arrange::ArrangeJob>,
    /// A session waiting for its files to load.
    pending_session: Option<(PathBuf, session::SessionFile)>,
}

/// Only these schemes are ever opened: `http`, `https` and `mailto`, with no control or
/// bidirectional-override characters (which could make the shown URL differ from the real one).
pub fn is_openable_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://")
        || lower.starts_with("http://")
        || (lower.starts_with("mailto:") && lower.len() > "mailto:".len());
    scheme_ok
        && !url
            .chars()
            .any(|c| c.is_control() || crate::model::text::is_bidi_control(c))
}

impl AppState {
    /// The state the window starts in: the embedded dataset, or `paths` if any are given. Big
    /// files are not loaded yet: carry out the effect (the loading thread) for them.
    pub fn starting_with(paths: &[PathBuf], settings: Settings) -> (Self, Vec<Effect>) {
        let mut state = Self {
            settings,
            ..Self::default()
        };
        let is_session = |p: &PathBuf| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(".annals-session.json"))
        };
        let effect = match paths {
            [] => state.apply(FilesCommand::OpenEmbedded),
            [session] if is_session(session) => {
                state.apply(SessionCommand::OpenSession(session.clone()))
            }
            _ => state.apply(FilesCommand::OpenFiles(paths.to_vec())),
        };
        (state, effect)
    }

    /// A state showing files already read (benchmarks, or a load finished elsewhere).
    pub fn with_loaded(results: LoadResults, settings: Settings) -> Self {
        let mut state = Self {
            settings,
            ..Self::default()
        };
        state.accept(results, PickMode::Open, None);
        state
    }

    /// [`AppState::starting_with`] with its files loaded here and now (tests, examples, the
    /// benchmarks): what the shell would do on its threads is done on this one.
    pub fn with_files(paths: &[PathBuf], settings: Settings) -> Self {
        let (mut state, effects) = Self::starting_with(paths, settings);
        let left = jobs::settle(&mut state, effects);
        debug_assert!(left.is_empty(), "opening files needs no window: {left:?}");
        state
    }

    /// Applies a command that must not ask for any effect (tests): a test that ignored an
    /// effect would miss what the command really does.
    #[cfg(test)]
    #[track_caller]
    pub(crate) fn apply_quietly(&mut self, command: impl Into<Command>) {
        let effects = self.apply(command);
        assert!(effects.is_empty(), "unexpected effects: {effects:?}");
    }

    /// Carries out one command; returns the side effects it needs, in order, for the shell to
    /// carry out (tests assert on them). The one place where state changes.
    #[must_use = "the shell carries out the effects; tests assert on them"]
    pub fn apply(&mut self, command: impl Into<Command>) -> Vec<Effect> {
        let effects = match command.into() {
            Command::Files(command) => self.apply_files(command),
            Command::View(command) => {
                let effects = self.apply_view(command);
                // Zooming and panning stop where the data is out of sight.
                if let Some(extent) = self.data_extent() {
                    self.view = self.view.near(extent);
                }
                effects
            }
            Command::Lanes(command) => self.apply_lanes(command),
            Command::Filter(command) => self.apply_filter(command),
            Command::Select(command) => self.apply_select(command),
            Command::Present(command) => self.apply_present(command),
            Command::Notes(command) => self.apply_notes(command),
            Command::Export(command) => self.apply_export(command),
            Command::Session(command) => self.apply_session(command),
            Command::Window(command) => self.apply_window(command),
            Command::Chooser(command) => self.apply_chooser(command),
        };
        let effects = self.with_arrange_effect(effects);
        self.with_table_question(effects)
    }

    /// Takes an answer from a background job or the file watcher; returns the effects it needs.
    #[must_use = "the shell carries out the effects; tests assert on them"]
    pub fn receive(&mut self, reply: Reply) -> Vec<Effect> {
        let effects = match reply {
            Reply::Loaded(id, results) => self.loaded(id, &results),
            Reply::Arranged(generation, answer) => {
                self.arranged(generation, answer.take());
                Vec::new()
            }
            Reply::ImageWritten(result) => {
                match result {
                    Ok(path) => {
                        let message = self.said("toast-exported", path.display().to_string());
                        self.toast(message, false);
                    }
                    Err(why) => {
                        let message = self.said("toast-export-failed", &why);
                        self.toast(message, true);
                    }
                }
                Vec::new()
            }
            Reply::ImageCopied(result) => {
                match result {
                    Ok(()) => self.toast(self.lang().word("toast-copied"), false),
                    Err(why) => {
                        let message = self.said("toast-copy-failed", &why);
                        self.toast(message, true);
                    }
                }
                Vec::new()
            }
            Reply::FilesChanged(paths) => self.files_changed(&paths).into_iter().collect(),
            Reply::OpenedFromOutside(paths) => {
                let names: Vec<String> =
                    paths.iter().map(crate::model::text::file_name_of).collect();
                let message = self.said("toast-opened-from-outside", names.join(", "));
                self.toast(message, false);
                let mode = if self.settings.outside_files_replace {
                    PickMode::Open
                } else {
                    PickMode::Add
                };
                vec![Self::open(
                    paths,
                    mode,
                    Some(self.settings.size_limit_bytes),
                )]
            }
            Reply::Written {
                purpose,
                path,
                result,
            } => {
                self.written(purpose, path, result);
                Vec::new()
            }
            Reply::Read {
                purpose: jobs::ReadPurpose::Session,
                path,
                result,
            } => self.session_read(&path, result),
            Reply::Read {
                purpose: jobs::ReadPurpose::Scenes,
                path,
                result,
            } => {
                self.scenes_read(&path, result);
                Vec::new()
            }
            Reply::Measured(measure, sizes) => self.measured(measure, sizes).into_iter().collect(),
            Reply::Probed(path, kind) => self.path_probed(path, kind),
            Reply::Listed(folder, result) => {
                self.folder_listed(&folder, result);
                Vec::new()
            }
            Reply::Connected(connect, result) => {
                self.connected(&connect, result.take());
                Vec::new()
            }
            Reply::TableAnswered(generation, result) => {
                self.table_answered(generation, result.take());
                Vec::new()
            }
            Reply::FacetCounted(ask, result) => {
                self.facet_counted(&ask, result.take());
                Vec::new()
            }
        };
        let effects = self.with_arrange_effect(effects);
        self.with_table_question(effects)
    }

    fn apply_files(&mut self, command: FilesCommand) -> Vec<Effect> {
        let effect = match command {
            FilesCommand::OpenFiles(paths) => return self.open_paths(paths, PickMode::Open),
            FilesCommand::ConnectTable { address, password } => {
                return vec![Self::connect(address, PickMode::Open, password)];
            }
            FilesCommand::AddFiles(paths) => return self.open_paths(paths, PickMode::Add),
            FilesCommand::PickFiles(mode) => {
                let purpose = if mode == PickMode::Open {
                    ChooserPurpose::Open
                } else {
                    ChooserPurpose::Add
                };
                return self.choose_file(purpose, None);
            }
            FilesCommand::ReloadAll => self.reload_all(),
            FilesCommand::CloseAll => {
                self.reclaim_events();
                self.files.clear();
                self.failed.clear();
                self.selection = None;
                self.rebuild();
                None
            }
            FilesCommand::OpenEmbedded => {
                self.open_embedded();
                None
            }
            FilesCommand::CancelLoad => {
                self.cancel_load();
                None
            }
            FilesCommand::LoadAnyway => self
                .too_large
                .take()
                .map(|asked| Self::open(asked.paths, asked.mode, None)),
            FilesCommand::DeclineTooLarge => {
                self.too_large = None;
                None
            }
            FilesCommand::SetSizeLimit(bytes) => {
                self.settings.size_limit_bytes = bytes.max(1 << 20);
                None
            }
            FilesCommand::SetLiveReload(on) => {
                self.settings.live_reload = on;
                None
            }
        };
        effect.into_iter().collect()
    }

    /// Opens files and tables: a `clickhouse://` address connects (replacing what is open when
    /// it comes first in an Open); the files are measured and loaded as always (added when a
    /// table came before them).
    fn open_paths(&mut self, paths: Vec<PathBuf>, mode: PickMode) -> Vec<Effect> {
        let limit = Some(self.settings.size_limit_bytes);
        let (tables, files): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .partition(|p| p.to_str().is_some_and(crate::io::clickhouse::is_address));
        let mut effects = Vec::new();
        let mut mode = mode;
        for table in tables {
            if let Some(address) = table.to_str() {
                effects.push(Self::connect(address.to_owned(), mode, None));
                mode = PickMode::Add;
            }
        }
        if !files.is_empty() {
            effects.push(Self::open(files, mode, limit));
        }
        effects
    }

    /// A file written for the state: say where, or why not.
    fn written(
        &mut self,
        purpose: jobs::WritePurpose,
        path: PathBuf,
        result: Result<(), crate::i18n::Said>,
    ) {
        match (purpose, result) {
            (jobs::WritePurpose::Session, Ok(())) => {
                let message = self.said("toast-session-saved", path.display().to_string());
                self.toast(message, false);
                self.session_path = Some(path);
            }
            (jobs::WritePurpose::Session, Err(why)) => {
                let message = self.said("toast-session-not-saved", &why);
                self.toast(message, true);
            }
            (jobs::WritePurpose::Scenes, Ok(())) => {}
            (jobs::WritePurpose::Scenes, Err(why)) => {
                let message = self.said("toast-scenes-not-saved", &why);
                self.toast(message, true);
            }
        }
    }

    /// Replaces what is open with the embedded Belgium dataset.
    fn open_embedded(&mut self) {
        match io::load_embedded() {
            Ok(loaded) => {
                self.reclaim_events();
                self.files = vec![OpenFile {
                    source: FileSource::Embedded,
                    loaded,
                }];
                self.failed.clear();
                self.selection = None;
                self.rebuild();
                self.fit_all();
                self.scenes.clear();
                self.scene_index = None;
            }
            Err(err) => self.record_failure(None, &err),
        }
    }

    fn apply_window(&mut self, command: WindowCommand) -> Vec<Effect> {
        match command {
            WindowCommand::OpenUrl(url) => {
                return if is_openable_url(&url) {
                    vec![Effect::OpenUrl(url.trim().to_owned())]
                } else {
                    Vec::new()
                };
            }
            WindowCommand::ToggleProblems => self.problems_open = !self.problems_open,
            WindowCommand::ToggleShortcuts => self.shortcuts_open = !self.shortcuts_open,
            WindowCommand::SetTheme(theme) => self.settings.theme = theme,
            WindowCommand::DismissToast => self.toast = None,
            WindowCommand::SetInWindowChooser(on) => self.settings.in_window_chooser = on,
            WindowCommand::SetOutsideFilesReplace(on) => self.settings.outside_files_replace = on,
        }
        Vec::new()
    }

    /// The index of the selected event in the current dataset.
    pub fn selected(&self) -> Option<EventIdx> {
        let selection = self.selection.as_ref()?;
        let file = self
            .dataset
            .files
            .iter()
            .position(|f| f.path == selection.path)?;
        self.dataset.find_in_file(
            crate::model::FileId(u32::try_from(file).ok()?),
            &selection.id,
        )
    }

    fn selection_of(&self, idx: EventIdx) -> Option<Selection> {
        let event = self.dataset.event(idx)?;
        let file = self.dataset.file(event.file())?;
        Some(Selection {
            path: file.path.clone(),
            id: event.id().to_owned(),
        })
    }

    /// Takes what a load read: failures are reported, and if anything loaded it replaces (Open)
    /// or joins (Add) what is open.
    fn accept(
        &mut self,
        results: LoadResults,
        mode: PickMode,
        built: Option<(std::sync::Arc<Dataset>, arrange::Arrangement)>,
    ) -> Option<Effect> {
        let mut loaded = Vec::new();
        for (path, result) in results {
            match result {
                Ok(file) => {
                    let name = &file.part.info.path;
                    self.failed
                        .retain(|f| &f.name != name && f.path.as_ref() != Some(&path));
                    self.remember_recent(&path);
                    loaded.push(OpenFile {
                        source: FileSource::Path(path),
                        loaded: file,
                    });
                }
                Err(LoadError::Cancelled { .. }) => {
                    self.pending_session = None;
                    return None;
                }
                Err(err) => self.record_failure(Some(&path), &err),
            }
        }
        if loaded.is_empty() {
            // Nothing usable: what is on screen stays (with a session's view and notes).
            self.restore_pending_session();
            return None;
        }
        if mode == PickMode::Open || built.is_some() {
            // All replaced, or built on the loading thread from everything open: the old
            // dataset has nothing to give back.
            self.dataset = std::sync::Arc::default();
        } else {
            self.reclaim_events();
        }
        // A reload that brings the first good file (one broken when opened, now fixed) opens it
        // as an Open would: fitted, with its scenes.
        let replaced = mode == PickMode::Open || self.files.is_empty();
        let reload = mode == PickMode::Reload && !replaced;
        if mode == PickMode::Open {
            self.files.clear();
            self.selection = None;
        }
        for file in loaded {
            match self.files.iter_mut().find(|f| f.source == file.source) {
                Some(existing) => *existing = file,
                None => self.files.push(file),
            }
        }
        if self.files.iter().any(|f| !f.loaded.issues.is_empty()) {
            self.problems_open = true;
        }
        match built {
            // Built on the loading thread from exactly these files, in this order.
            Some((dataset, arrangement))
                if dataset.files.len() == self.files.len()
                    && dataset
                        .files
                        .iter()
                        .zip(&self.files)
                        .all(|(a, b)| a.path == b.loaded.part.info.path) =>
            {
                self.dataset = dataset;
                self.arrange_generation += 1;
                self.arranging = None;
                self.install(arrangement);
            }
            Some((dataset, _)) => {
                // The files did not line up (the same path twice): give the events back by
                // file name and build here (a copy only while a cache is still written from
                // it).
                let dataset = std::sync::Arc::unwrap_or_clone(dataset);
                let names: Vec<String> = dataset.files.iter().map(|f| f.path.clone()).collect();
                for (name, events) in names.iter().zip(dataset.into_file_stores()) {
                    if let Some(file) = self
                        .files
                        .iter_mut()
                        .find(|f| &f.loaded.part.info.path == name)
                    {
                        file.loaded.part.events = events;
                    }
                }
                self.rebuild();
            }
            None => self.rebuild(),
        }
        if !reload {
            self.fit_all();
        }
        // The scenes saved beside the data (a session brings its own).
        let scenes = (replaced && !reload && self.pending_session.is_none())
            .then(|| self.read_scenes())
            .flatten();
        self.restore_pending_session();
        scenes
    }

    /// Re-reads every open file (in the background if they are big); a file that now fails keeps
    /// its last good version on screen, with the problem shown. A file that failed when opened
    /// is tried again and joins if it now reads.
    fn reload_all(&mut self) -> Option<Effect> {
        let paths = self.watched_paths();
        if paths.is_empty() {
            return None;
        }
        Some(Self::open(paths, PickMode::Reload, None))
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.settings.recent_files.retain(|p| p != &path);
        self.settings.recent_files.insert(0, path);
        self.settings.recent_files.truncate(RECENT_FILES);
    }

    /// Gives each open file its events back from the dataset. Events live in one place only:
    /// the dataset while it is built, their file while the list of files changes. Call before
    /// changing `files`.
    fn reclaim_events(&mut self) {
        // The arranging thread may still hold the dataset: then its events are copied (rare).
        let dataset = std::mem::take(&mut self.dataset);
        let stores = std::sync::Arc::try_unwrap(dataset)
            .unwrap_or_else(|shared| (*shared).clone())
            .into_file_stores();
        for (file, events) in self.files.iter_mut().zip(stores) {
            file.loaded.part.events = events;
        }
    }

    /// Rebuilds the dataset from the open files (after opening, closing or reloading), moving
    /// their events into it rather than copying them.
    fn rebuild(&mut self) {
        let parts = self
            .files
            .iter_mut()
            .map(|f| f.loaded.part.take_events())
            .collect();
        self.dataset = std::sync::Arc::new(Dataset::from_parts(parts));
        // A new dataset is arranged at once: a layout must never point into other data.
        self.arrange_generation += 1;
        self.arranging = None;
        self.relayout();
    }

    /// The values of a facet with their counts (see [`crate::model::filter::facet_counts`]),
    /// counted once per change of data or filters.
    pub fn facet_values(&self, field: Field) -> &[FacetValue] {
        let slot = Field::ALL.iter().position(|&f| f == field).unwrap_or(0);
        self.facets.get(slot).map_or(&[], |cell| {
            cell.get_or_init(|| {
                self.table_facet_values(field).unwrap_or_else(|| {
                    crate::model::filter::facet_counts(&self.dataset, &self.filter, field)
                })
            })
        })
    }

    /// Recomputes lanes, the shown list, search hits, facet counts and axis breaks (after the
    /// dataset, the filter or the lanes changed).
    fn relayout(&mut self) {
        let arrangement = arrange::arrange(
            &self.dataset,
            &self.filter,
            &self.lane_spec(),
            self.options.collapse_gaps,
        );
        self.install(arrangement);
    }

    /// The lanes as the user asked for them, named in the window's language.
    pub(crate) fn lane_spec(&self) -> crate::timeline::LaneSpec {
        crate::timeline::LaneSpec {
            lang: self.lang(),
            // A table counts the lanes it was asked for: its counted lanes are lanes while the
            // window's lanes are made the same way (a new question is on its way otherwise),
            // and a hidden category's is hidden with it.
            counted: self
                .remote
                .iter()
                .filter(|r| r.counted_by == self.lanes.by)
                .flat_map(|r| &r.counted_keys)
                .filter(|(key, _)| {
                    self.lanes.by != Some(Field::Category)
                        || !self.filter.hidden_categories.contains(key)
                })
                .cloned()
                .collect(),
            ..self.lanes.clone()
        }
    }

    fn fit_all(&mut self) {
        if let Some((min_secs, max_secs)) = self.data_extent() {
            self.view = TimeView::fitting(min_secs, max_secs, 0.04);
        }
    }
}

#[cfg(test)]
mod tests;
