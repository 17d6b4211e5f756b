//! What the user (or a test, or the CLI) can ask for, by concern, and the answers background jobs
//! send back. Each concern's enum is matched exhaustively next to the state it changes
//! (`AppState::apply`), so a new variant cannot compile into a silent no-op.

use std::path::PathBuf;

use super::PickMode;
use super::arrange::Arranged;
use super::export::ExportSettings;
use super::jobs::{ReadPurpose, WritePurpose};
use super::loading::{Delivery, LoadResults};
use crate::model::EventIdx;
use crate::model::filter::Field;
use crate::palette::Theme;
use crate::timeline::TimeView;
use crate::timeline::lanes::TimeBasis;

/// Something the user asked for, by the part of the state it concerns.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Opening, adding, reloading and closing files.
    Files(FilesCommand),
    /// The visible time window and how the axis is drawn.
    View(ViewCommand),
    /// How events are grouped into lanes.
    Lanes(LanesCommand),
    /// What is shown: facets, date range, categories, search.
    Filter(FilterCommand),
    /// The selected event and stepping through events.
    Select(SelectCommand),
    /// Scenes and presentation mode.
    Present(PresentCommand),
    /// Bookmarks and notes.
    Notes(NotesCommand),
    /// The export dialog and copying an image.
    Export(ExportCommand),
    /// Saving and opening sessions.
    Session(SessionCommand),
    /// Window-only state: panels, notices, theme, links.
    Window(WindowCommand),
    /// The in-window file chooser.
    Chooser(super::ChooserCommand),
}

/// Opening, adding, reloading and closing files.
#[derive(Clone, Debug, PartialEq)]
pub enum FilesCommand {
    /// Replace the open files with these (files that fail are reported and replace nothing).
    OpenFiles(Vec<PathBuf>),
    /// Connect to a ClickHouse table (replacing what is open), with the password typed for it.
    ConnectTable {
        /// `clickhouse://HOST:PORT/DATABASE/TABLE`.
        address: String,
        /// Typed in the window; kept in memory only.
        password: Option<crate::io::clickhouse::Password>,
    },
    /// Add these files (a path already open is reloaded in place).
    AddFiles(Vec<PathBuf>),
    /// Show a file dialog.
    PickFiles(PickMode),
    /// Reload every open file from disk, keeping view and selection.
    ReloadAll,
    /// Close every file.
    CloseAll,
    /// Open the embedded Belgium dataset (alone).
    OpenEmbedded,
    /// Stop the running load.
    CancelLoad,
    /// Load the files that are over the size limit after all.
    LoadAnyway,
    /// Do not load them.
    DeclineTooLarge,
    /// Ask before loading files over this many bytes.
    SetSizeLimit(u64),
    /// Reload files when they change on disk, or not.
    SetLiveReload(bool),
}

/// The visible time window and how the axis is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    /// Zoom the view to an event (and select it).
    ZoomToEvent(EventIdx),
    /// Zoom the view to a time range.
    ZoomToRange(f64, f64),
    /// Set the visible window (from zoom and pan).
    SetView(TimeView),
    /// Show all data.
    FitAll,
    /// Fit the view to the events shown.
    FitToFilter,
    /// Fit the view to the selected event.
    FitSelection,
    /// Zoom around the centre (> 1 zooms in).
    ZoomBy(f64),
    /// Pan by a fraction of the view's width (positive: later).
    PanBy(f64),
    /// Centre on a date typed as the source would (`2021-05`, `2019`, `2021-05-04T11:00`).
    JumpTo(String),
    /// Draw every link between events as an arrow, or only the selection's.
    SetLinks(bool),
    /// Scroll the lanes to this many points from the top (when they do not fit).
    ScrollLanes(f64),
    /// Collapse long empty stretches of the axis, or not.
    SetCollapseGaps(bool),
    /// Draw the axis in this zone: `UTC`, `local` or an IANA name.
    SetDisplayZone(String),
    /// Speak this language (`None`: the system's).
    SetLanguage(Option<crate::i18n::Lang>),
}

/// How events are grouped into lanes.
#[derive(Clone, Debug, PartialEq)]
pub enum LanesCommand {
    /// Make lanes by this field (`None`: one lane).
    SetLanesBy(Option<Field>),
    /// Fold or unfold a lane, by key.
    ToggleLaneCollapsed(String),
    /// Give a lane (by key) all the rows it needs, or its share again.
    ToggleLaneExpanded(String),
    /// Move a lane (by key) to this position.
    MoveLane(String, usize),
    /// Place events by when they happened or when they became known.
    SetTimeBasis(TimeBasis),
}

/// What is shown: facets, date range, categories, search.
#[derive(Clone, Debug, PartialEq)]
pub enum FilterCommand {
    /// Set the search text.
    SetQuery(String),
    /// Hide the events the search does not match (or only highlight them).
    SetOnlyMatches(bool),
    /// Show or hide a category (`""` is uncategorised).
    ToggleCategory(String),
    /// Choose or un-choose one value of a facet.
    ToggleFacet(Field, String),
    /// Only events overlapping this range (seconds), each end optional.
    SetDateRange(Option<f64>, Option<f64>),
    /// Clear facets, date range, hidden categories and search.
    ClearFilters,
    /// Have the open table's server count a facet's values under the current filter (the
    /// facet panel asks when a facet is open and its counts are not there).
    CountFacet(Field),
}

/// The selected event and stepping through events.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectCommand {
    /// Select an event, or nothing.
    Select(Option<EventIdx>),
    /// Select the next shown event in time order (and bring it into view).
    NextEvent,
    /// Select the previous shown event.
    PreviousEvent,
    /// Select and zoom to the next search match after the selection.
    NextMatch,
    /// Select and zoom to the previous search match.
    PreviousMatch,
    /// List the members of a cluster (in time order), spanning `[min_secs, max_secs)`.
    ShowMembers {
        /// The events.
        events: Vec<EventIdx>,
        /// First instant they cover.
        min_secs: f64,
        /// Last instant they cover.
        max_secs: f64,
    },
    /// Close the member list.
    CloseMembers,
}

/// Scenes and presentation mode.
#[derive(Clone, Debug, PartialEq)]
pub enum PresentCommand {
    /// Save the current view, filter and selection as a scene, after the current one.
    AddScene(String),
    /// Show a scene.
    GoToScene(usize),
    /// Show the next scene (the first if none is shown).
    NextScene,
    /// Show the previous scene.
    PreviousScene,
    /// Delete a scene.
    DeleteScene(usize),
    /// Enter or leave presentation mode.
    SetPresenting(bool),
    /// Type scale while presenting.
    SetPresentationScale(f32),
}

/// Bookmarks and notes.
#[derive(Clone, Debug, PartialEq)]
pub enum NotesCommand {
    /// Name the centre of the view as a bookmark.
    AddBookmark(String),
    /// Centre the view on a bookmark.
    GoToBookmark(usize),
    /// Delete a bookmark.
    DeleteBookmark(usize),
    /// Set (or, with empty text, remove) the note on the selected event.
    SetEventNote(String),
    /// Add a note at the centre of the view.
    AddTimeNote(String),
    /// Delete a note.
    DeleteNote(usize),
}

/// The export dialog and copying an image.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportCommand {
    /// Open the export dialog with the last choices.
    OpenExportDialog,
    /// Change the export dialog's choices.
    EditExport(ExportSettings),
    /// Close the export dialog without exporting.
    CloseExportDialog,
    /// Ask for the export's file name with a save dialog.
    PickExportPath,
    /// Set the export's file name (from the save dialog).
    SetExportPath(PathBuf),
    /// Export with the dialog's choices and close it.
    RunExport,
    /// Put a PNG of the current view on the clipboard.
    CopyImage,
}

/// Saving and opening sessions.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionCommand {
    /// Save the session here (atomic).
    SaveSession(PathBuf),
    /// Open a session file: its files, view, filters, lanes, selection, scenes, bookmarks, notes.
    OpenSession(PathBuf),
    /// Ask where to save the session.
    PickSessionSave,
    /// Ask which session to open.
    PickSessionOpen,
}

/// Window-only state: panels, toasts, theme, links.
#[derive(Clone, Debug, PartialEq)]
pub enum WindowCommand {
    /// Open a link in the browser (only http, https and mailto are honoured).
    OpenUrl(String),
    /// Show or hide the problems panel.
    ToggleProblems,
    /// Show or hide the shortcut sheet.
    ToggleShortcuts,
    /// Switch theme.
    SetTheme(Theme),
    /// Hide the toast.
    DismissToast,
    /// Use the in-window file chooser even where the system has a dialog, or not.
    SetInWindowChooser(bool),
    /// Files opened from outside replace what is open, or join it.
    SetOutsideFilesReplace(bool),
}

/// An answer from outside the window's thread: a background job, or the file watcher.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// A load finished on the loading thread (its id, and what it read).
    Loaded(u64, Delivery<LoadResults>),
    /// The arranging thread's answer to request `generation`.
    Arranged(u64, Delivery<Arranged>),
    /// An export finished.
    ImageWritten(Result<PathBuf, crate::i18n::Said>),
    /// The clipboard copy finished.
    ImageCopied(Result<(), crate::i18n::Said>),
    /// Files on disk changed (from the watcher): reload those that are open.
    FilesChanged(Vec<PathBuf>),
    /// Files opened from outside while the window runs (another launch handed them over).
    OpenedFromOutside(Vec<PathBuf>),
    /// A file was written for the state (or could not be).
    Written {
        /// What it was written for.
        purpose: WritePurpose,
        /// Where.
        path: PathBuf,
        /// How it went.
        result: Result<(), crate::i18n::Said>,
    },
    /// A file was read for the state (or could not be).
    Read {
        /// What it was read for.
        purpose: ReadPurpose,
        /// Where.
        path: PathBuf,
        /// Its text (`None`: there is no such file), or why it could not be read.
        result: Result<Option<String>, crate::i18n::Said>,
    },
    /// Files to open were sized (one size per path, in order).
    Measured(super::jobs::Measure, Vec<u64>),
    /// What a path the chooser asked about is.
    Probed(PathBuf, super::chooser::PathKind),
    /// A folder was listed for the chooser (or why not).
    Listed(
        PathBuf,
        Result<crate::io::folder::Listing, crate::i18n::Said>,
    ),
    /// A ClickHouse table was connected to (or why not).
    Connected(super::remote::Connect, Delivery<super::remote::Connected>),
    /// A ClickHouse table answered question `generation` (or why not).
    TableAnswered(u64, Delivery<super::remote::Answered>),
    /// The values of a facet counted by a table's server.
    FacetCounted(
        super::remote::CountFacet,
        Delivery<super::remote::FacetCounted>,
    ),
}

macro_rules! concern {
    ($($variant:ident($ty:ty)),* $(,)?) => {
        $(impl From<$ty> for Command {
            fn from(command: $ty) -> Self {
                Self::$variant(command)
            }
        })*
    };
}

concern!(
    Files(FilesCommand),
    View(ViewCommand),
    Lanes(LanesCommand),
    Filter(FilterCommand),
    Select(SelectCommand),
    Present(PresentCommand),
    Notes(NotesCommand),
    Export(ExportCommand),
    Session(SessionCommand),
    Window(WindowCommand),
    Chooser(super::ChooserCommand),
);

/// The commands one frame's panels push, applied in order after drawing.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    /// Asks for `command`.
    pub fn push(&mut self, command: impl Into<Command>) {
        self.0.push(command.into());
    }

    /// Whether nothing was asked for.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl IntoIterator for Commands {
    type Item = Command;
    type IntoIter = std::vec::IntoIter<Command>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}
