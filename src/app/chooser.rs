//! The in-window file chooser: used where the system has no file dialog (no XDG desktop portal,
//! no zenity: minimal, remote and kiosk sessions) or when the settings ask for it. One chooser
//! for every purpose (Open, Add files, Open session, Save session, Export), keyboard-first: the
//! path field lists its folder, Tab completes, the arrows walk the list, Enter opens, Esc
//! cancels; saving over a file asks first. The folder is read by an effect
//! ([`Effect::ListFolder`]) like every other file work; no egui here.

use std::path::{Path, PathBuf};

use super::{AppState, Command, Effect, ExportCommand, FilesCommand, SessionCommand};
use crate::i18n::Said;
use crate::io::folder::{self, Listing};

/// Whether the system can show a file dialog (an XDG desktop portal or zenity).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SystemDialog {
    /// None can appear (tests, minimal, remote and kiosk sessions): the in-window chooser.
    #[default]
    Missing,
    /// The system's dialog is used unless the settings ask for the in-window chooser.
    Available,
}

/// What a file is chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ChooserPurpose {
    /// Files replacing what is open.
    Open,
    /// Files joining what is open.
    Add,
    /// A session to open.
    OpenSession,
    /// Where to save the session.
    SaveSession,
    /// Where to write the export.
    Export,
}

impl ChooserPurpose {
    /// Whether the chosen file is written (and may need to be replaced).
    pub fn saves(self) -> bool {
        matches!(self, Self::SaveSession | Self::Export)
    }

    /// Whether several files may be chosen at once.
    pub fn takes_several(self) -> bool {
        matches!(self, Self::Open | Self::Add)
    }

    /// The command that does what the files were chosen for (from this chooser or the
    /// system's dialog); `None` for no file.
    pub fn answer(self, mut paths: Vec<PathBuf>) -> Option<Command> {
        let first = paths.first()?.clone();
        Some(match self {
            Self::Open => FilesCommand::OpenFiles(std::mem::take(&mut paths)).into(),
            Self::Add => FilesCommand::AddFiles(std::mem::take(&mut paths)).into(),
            Self::OpenSession => SessionCommand::OpenSession(first).into(),
            Self::SaveSession => SessionCommand::SaveSession(first).into(),
            Self::Export => ExportCommand::SetExportPath(first).into(),
        })
    }

    /// Whether a file of this name is one this purpose looks for (marked in the list).
    pub fn wants(self, path: &Path) -> bool {
        match self {
            Self::Open | Self::Add => folder::is_timeline_file(path),
            Self::OpenSession | Self::SaveSession => path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(".annals-session.json")),
            Self::Export => folder::has_extension(path, &["png", "svg"]),
        }
    }

    /// The message key of the keys' hint under the list (what Enter does).
    pub fn hint(self) -> &'static str {
        match self {
            Self::Open | Self::Add | Self::OpenSession => "chooser-hint",
            Self::SaveSession => "chooser-hint-save",
            Self::Export => "chooser-hint-choose",
        }
    }

    /// The message key of the chooser's title and of its button.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Self::Open => ("dialog-open-files", "chooser-open"),
            Self::Add => ("dialog-add-files", "chooser-add"),
            Self::OpenSession => ("chooser-title-open-session", "chooser-open"),
            Self::SaveSession => ("chooser-title-save-session", "chooser-save"),
            Self::Export => ("chooser-title-export", "chooser-choose"),
        }
    }
}

/// Asking for a file: what for, and where to start (a folder, or a file to suggest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChooseFile {
    /// What for.
    pub purpose: ChooserPurpose,
    /// A suggested file (saving) or folder to start in.
    pub start: Option<PathBuf>,
}

/// What the user does in the chooser.
#[derive(Clone, Debug, PartialEq)]
pub enum ChooserCommand {
    /// Show the in-window chooser (also where the system's dialog could not appear).
    Show(ChooseFile),
    /// The path field's new text.
    SetText(String),
    /// Tab: complete the path field as far as the folder's names agree.
    Complete,
    /// Walk the list (+1 down, -1 up): the field takes the entry's path.
    Step(i32),
    /// Go into this folder.
    GoTo(PathBuf),
    /// Mark or unmark a file (Open and Add take several).
    ToggleMark(PathBuf),
    /// Enter: open a folder, or choose the typed file (and the marked ones).
    Accept,
    /// Replace the existing file (after the question), or not.
    ConfirmReplace(bool),
    /// Esc: close without choosing.
    Cancel,
}

/// What a path names on disk (the answer to [`Effect::ProbePath`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathKind {
    /// Nothing.
    Missing,
    /// A file (or anything that is not a folder).
    File,
    /// A folder (or a link to one).
    Folder,
}

/// Why the chooser cannot choose what is typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChooserProblem {
    /// There is no such file.
    Missing(PathBuf),
    /// The folder could not be listed.
    Unlisted(String),
}

/// The in-window chooser's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Chooser {
    /// What for.
    pub purpose: ChooserPurpose,
    /// The path field: a path, `~/` for the home folder; relative paths start at `base`.
    pub typed: String,
    /// Where relative paths start (the folder the chooser opened in).
    pub base: PathBuf,
    /// The folder the list shows (the typed path's folder), once listed.
    pub listing: Option<Listing>,
    /// The entry the arrows are on.
    pub highlighted: Option<PathBuf>,
    /// While the arrows walk the list: the name it was narrowed to when the walk began (the
    /// field then holds the entry's path, which must not narrow the list to that one entry).
    pub walking: Option<String>,
    /// Files marked to be opened together.
    pub marked: Vec<PathBuf>,
    /// The file that exists and would be replaced, waiting for a yes or no.
    pub confirm_replace: Option<PathBuf>,
    /// What is wrong with the last Enter, or with the folder.
    pub problem: Option<ChooserProblem>,
    /// Counts changes of the field made by the chooser (not by typing), so the window moves
    /// the cursor to its end.
    pub typed_serial: u64,
}

/// The home folder, from `HOME`.
fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

impl Chooser {
    /// The typed text as a path (`~` expanded, relative to `base`).
    pub fn typed_path(&self) -> PathBuf {
        let text = self.typed.trim();
        let expanded = match (text.strip_prefix('~'), home()) {
            (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
                home.join(rest.trim_start_matches('/'))
            }
            _ => PathBuf::from(text),
        };
        if expanded.is_absolute() {
            expanded
        } else {
            self.base.join(expanded)
        }
    }

    /// The folder the typed text is in: itself if it ends with `/`, else its parent.
    pub fn typed_folder(&self) -> PathBuf {
        let path = self.typed_path();
        if self.typed.trim().ends_with('/') || self.typed.trim().is_empty() {
            path
        } else {
            path.parent().map_or(path.clone(), Path::to_path_buf)
        }
    }

    /// The part of the typed text after its folder (what Tab completes).
    fn typed_name(&self) -> String {
        let text = self.typed.trim();
        if text.ends_with('/') {
            String::new()
        } else {
            Path::new(text)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        }
    }

    /// The listed entries whose names start with what is typed after the folder, in list
    /// order; all of them when nothing is typed or nothing starts so (a new name to save
    /// under).
    pub fn matching(&self) -> Vec<&folder::Entry> {
        let Some(listing) = &self.listing else {
            return Vec::new();
        };
        let name = self.walking.clone().unwrap_or_else(|| self.typed_name());
        let narrowed: Vec<&folder::Entry> = listing
            .entries
            .iter()
            .filter(|e| e.name.starts_with(&name))
            .collect();
        if narrowed.is_empty() {
            listing.entries.iter().collect()
        } else {
            narrowed
        }
    }

    fn set_typed(&mut self, text: String) {
        self.typed = text;
        self.typed_serial += 1;
    }

    /// The text of a path as the field shows it (folders end with `/`).
    fn text_of(path: &Path, is_dir: bool) -> String {
        let mut text = path.display().to_string();
        if is_dir && !text.ends_with('/') {
            text.push('/');
        }
        text
    }
}

impl AppState {
    /// Whether file questions go to the in-window chooser: when asked to in the settings, or
    /// when the system has no dialog.
    pub fn uses_in_window_chooser(&self) -> bool {
        self.settings.in_window_chooser || self.system_dialog == SystemDialog::Missing
    }

    /// Asks for a file: the system's dialog (an effect) or the in-window chooser.
    pub(super) fn choose_file(
        &mut self,
        purpose: ChooserPurpose,
        start: Option<PathBuf>,
    ) -> Vec<Effect> {
        let request = ChooseFile { purpose, start };
        if self.uses_in_window_chooser() {
            self.apply_chooser(ChooserCommand::Show(request))
        } else {
            vec![Effect::Choose(request)]
        }
    }

    /// Where an open chooser starts: the suggested place, else the folder last chosen in, else
    /// the folder of the most recent file, else the working folder.
    fn chooser_start(&self, start: Option<&Path>) -> PathBuf {
        let recent = self.settings.recent_folders.first().cloned().or_else(|| {
            self.settings
                .recent_files
                .first()
                .and_then(|f| f.parent().map(Path::to_path_buf))
        });
        let start = start
            .map(Path::to_path_buf)
            .or(recent)
            .or_else(|| std::env::current_dir().ok())
            .or_else(home)
            .unwrap_or_else(|| PathBuf::from("/"));
        std::path::absolute(&start).unwrap_or(start)
    }

    pub(super) fn apply_chooser(&mut self, command: ChooserCommand) -> Vec<Effect> {
        if let ChooserCommand::Show(request) = command {
            let start = self.chooser_start(request.start.as_deref());
            // A save starts on a suggested file; the others in a folder.
            let (folder, typed) = if request.purpose.saves() {
                let folder = start.parent().map_or(start.clone(), Path::to_path_buf);
                (folder, start.display().to_string())
            } else {
                (start.clone(), Chooser::text_of(&start, true))
            };
            self.chooser = Some(Chooser {
                purpose: request.purpose,
                typed,
                base: folder.clone(),
                listing: None,
                highlighted: None,
                walking: None,
                marked: Vec::new(),
                confirm_replace: None,
                problem: None,
                typed_serial: 1,
            });
            return vec![Effect::ListFolder(folder)];
        }
        let Some(chooser) = &mut self.chooser else {
            return Vec::new();
        };
        let listed = chooser.listing.as_ref().map(|l| l.folder.clone());
        match command {
            ChooserCommand::Show(_) => {}
            ChooserCommand::SetText(text) => {
                chooser.typed = text;
                chooser.highlighted = None;
                chooser.walking = None;
                chooser.problem = None;
            }
            ChooserCommand::Complete => complete(chooser),
            ChooserCommand::Step(by) => {
                if chooser.walking.is_none() {
                    chooser.walking = Some(chooser.typed_name());
                }
                let entries: Vec<(PathBuf, bool)> = chooser
                    .matching()
                    .iter()
                    .map(|e| (e.path.clone(), e.is_dir))
                    .collect();
                let at = chooser
                    .highlighted
                    .as_ref()
                    .and_then(|h| entries.iter().position(|(p, _)| p == h));
                let next = match at {
                    None if by > 0 => Some(0),
                    None => entries.len().checked_sub(1),
                    Some(at) if by > 0 => Some((at + 1).min(entries.len() - 1)),
                    Some(at) => Some(at.saturating_sub(1)),
                };
                if let Some((path, _)) = next.and_then(|i| entries.get(i)) {
                    chooser.highlighted = Some(path.clone());
                    let text = Chooser::text_of(path, false);
                    chooser.set_typed(text);
                }
            }
            ChooserCommand::GoTo(folder) => {
                chooser.set_typed(Chooser::text_of(&folder, true));
                chooser.highlighted = None;
                chooser.walking = None;
                chooser.problem = None;
            }
            ChooserCommand::ToggleMark(path) => {
                if let Some(at) = chooser.marked.iter().position(|p| p == &path) {
                    chooser.marked.remove(at);
                } else {
                    chooser.marked.push(path);
                }
            }
            ChooserCommand::Accept => return self.chooser_accept(),
            ChooserCommand::ConfirmReplace(yes) => {
                let path = chooser.confirm_replace.take();
                if yes && let Some(path) = path {
                    return self.chosen(vec![path]);
                }
            }
            ChooserCommand::Cancel => {
                if chooser.confirm_replace.take().is_none() {
                    self.chooser = None;
                }
                return Vec::new();
            }
        }
        // The list follows the folder of what is typed.
        let Some(chooser) = &self.chooser else {
            return Vec::new();
        };
        let folder = chooser.typed_folder();
        if listed.as_ref() != Some(&folder) && folder.is_absolute() {
            vec![Effect::ListFolder(folder)]
        } else {
            Vec::new()
        }
    }

    /// Enter: with nothing typed after the folder, the marked files are chosen; else what the
    /// typed path is decides (asked of the disk by [`Effect::ProbePath`], see
    /// [`AppState::path_probed`]).
    fn chooser_accept(&mut self) -> Vec<Effect> {
        let Some(chooser) = &mut self.chooser else {
            return Vec::new();
        };
        let folder_form = chooser.typed.trim().is_empty() || chooser.typed.trim().ends_with('/');
        if folder_form && chooser.purpose.takes_several() && !chooser.marked.is_empty() {
            let marked = chooser.marked.clone();
            return self.chosen(marked);
        }
        vec![Effect::ProbePath(chooser.typed_path())]
    }

    /// What the path Enter was pressed on is: a folder is entered; a file is chosen (an
    /// existing one replaced only after asking); a missing file is said.
    pub(super) fn path_probed(&mut self, path: PathBuf, kind: PathKind) -> Vec<Effect> {
        let Some(chooser) = &mut self.chooser else {
            return Vec::new();
        };
        if chooser.typed_path() != path {
            return Vec::new(); // typed on since
        }
        match kind {
            PathKind::Folder => {
                let text = Chooser::text_of(&path, true);
                chooser.set_typed(text);
                chooser.highlighted = None;
                chooser.walking = None;
                vec![Effect::ListFolder(path)]
            }
            PathKind::File if chooser.purpose.saves() => {
                chooser.confirm_replace = Some(path);
                Vec::new()
            }
            PathKind::Missing if chooser.purpose.saves() => self.chosen(vec![path]),
            PathKind::Missing => {
                chooser.problem = Some(ChooserProblem::Missing(path));
                Vec::new()
            }
            PathKind::File => {
                let mut paths = chooser.marked.clone();
                if !paths.contains(&path) {
                    paths.push(path);
                }
                self.chosen(paths)
            }
        }
    }

    /// Closes the chooser with `paths` chosen: remembers the folder and does what they were
    /// chosen for.
    fn chosen(&mut self, paths: Vec<PathBuf>) -> Vec<Effect> {
        let Some(chooser) = self.chooser.take() else {
            return Vec::new();
        };
        if let Some(folder) = paths.first().and_then(|p| p.parent()) {
            let folder = folder.to_path_buf();
            self.settings.recent_folders.retain(|f| f != &folder);
            self.settings.recent_folders.insert(0, folder);
            self.settings.recent_folders.truncate(super::RECENT_FILES);
        }
        chooser
            .purpose
            .answer(paths)
            .map(|command| self.apply(command))
            .unwrap_or_default()
    }

    /// A folder was listed for the chooser (or could not be).
    pub(super) fn folder_listed(&mut self, folder: &Path, result: Result<Listing, Said>) {
        let lang = self.lang();
        let Some(chooser) = &mut self.chooser else {
            return;
        };
        if chooser.typed_folder() != folder && chooser.listing.is_some() {
            return; // an answer for a folder left since
        }
        match result {
            Ok(listing) => {
                chooser.listing = Some(listing);
                if matches!(chooser.problem, Some(ChooserProblem::Unlisted(_))) {
                    chooser.problem = None;
                }
            }
            Err(why) => {
                chooser.listing = Some(Listing {
                    folder: folder.to_path_buf(),
                    ..Listing::default()
                });
                chooser.problem = Some(ChooserProblem::Unlisted(why.in_lang(lang)));
            }
        }
    }
}

/// Tab: the typed name grows to what every matching entry shares; a single folder is entered
/// (with its `/`), a single file completed.
fn complete(chooser: &mut Chooser) {
    let typed_name = chooser.typed_name();
    let matching: Vec<&folder::Entry> = chooser
        .matching()
        .into_iter()
        .filter(|e| e.name.starts_with(&typed_name))
        .collect();
    let Some(first) = matching.first() else {
        return;
    };
    let (common, single_dir) = if matching.len() == 1 {
        (first.name.clone(), first.is_dir)
    } else {
        let mut common = first.name.clone();
        for entry in &matching[1..] {
            let shared = common
                .char_indices()
                .zip(entry.name.chars())
                .find(|((_, a), b)| a != b)
                .map_or(common.len().min(entry.name.len()), |((i, _), _)| i);
            common.truncate(shared);
        }
        (common, false)
    };
    if common.len() <= typed_name.len() && !single_dir {
        return;
    }
    let folder = chooser.typed.trim().len() - typed_name.len();
    let mut text = chooser.typed.trim()[..folder].to_owned();
    text.push_str(&common);
    if single_dir {
        text.push('/');
    }
    chooser.set_typed(text);
    chooser.highlighted = None;
    chooser.walking = None;
}

#[cfg(test)]
mod tests;
