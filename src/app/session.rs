//! Sessions: `NAME.annals-session.json`, a sidecar that brings back a day's work: the files
//! (relative to the session where they can be), view, filters, lanes, selection, scenes, bookmarks
//! and notes. Source files are never written. Saving is atomic (temporary file, then rename).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::analysis::{Bookmark, Note, ViewOptions};
use super::jobs::{FileRead, FileWrite, ReadPurpose, WritePurpose};
use super::scenes::SavedScene;
use super::{AppState, Effect, FileSource, PickMode, Selection};
use crate::model::Filter;
use crate::model::filter::Field;
use crate::timeline::{LaneSpec, TimeView};

/// Format version of session files.
pub const SESSION_VERSION: u32 = 1;

/// One file of a session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionSource {
    /// The built-in Belgium dataset.
    Embedded,
    /// A file, relative to the session file when it is below its folder.
    Path(PathBuf),
    /// A ClickHouse table's address (never with a password).
    Table(String),
}

/// What a session file holds. File names inside (selection, notes, scenes, the file facet) are
/// the session's own names for the files (`files[i]` as written), mapped back on opening.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionFile {
    /// Format version.
    pub annals_session: u32,
    /// The files, in order. Written as `{"path": "data/case.json"}` or `"embedded"`; a plain
    /// string is read as a path, so a session can be written by hand.
    #[serde(deserialize_with = "sources_by_hand_or_not")]
    pub files: Vec<SessionSource>,
    /// The visible window.
    pub view: TimeView,
    /// Search and filters.
    #[serde(default)]
    pub filter: Filter,
    /// Lanes.
    #[serde(default)]
    pub lanes: LaneSpec,
    /// Links and gaps.
    #[serde(default)]
    pub options: ViewOptions,
    /// The selected event.
    #[serde(default)]
    pub selection: Option<super::scenes::SceneSelection>,
    /// Scenes.
    #[serde(default)]
    pub scenes: Vec<SavedScene>,
    /// Named times.
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    /// Notes.
    #[serde(default)]
    pub notes: Vec<Note>,
}

fn sources_by_hand_or_not<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<SessionSource>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Tagged(SessionSource),
        Plain(PathBuf),
    }
    let items: Vec<Either> = Vec::deserialize(deserializer)?;
    Ok(items
        .into_iter()
        .map(|item| match item {
            Either::Tagged(source) => source,
            Either::Plain(path) => SessionSource::Path(path),
        })
        .collect())
}

/// `belgium.json` → `belgium.annals-session.json`.
pub fn session_path_for(data_file: &Path) -> PathBuf {
    let stem = data_file
        .file_stem()
        .map_or_else(|| "annals".into(), |s| s.to_string_lossy().into_owned());
    data_file.with_file_name(format!("{stem}.annals-session.json"))
}

/// `path` relative to `folder` when it lies below it, else absolute.
fn relative_to(path: &Path, folder: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    match path.strip_prefix(&folder) {
        Ok(rel) if !rel.components().any(|c| c == Component::ParentDir) => rel.to_path_buf(),
        _ => path,
    }
}

impl SessionFile {
    /// Renames every file reference (selection, notes, scenes, file facet, file lanes).
    fn rename_files(&mut self, names: &HashMap<String, String>) {
        let rename = |name: &mut String| {
            if let Some(new) = names.get(name.as_str()) {
                name.clone_from(new);
            }
        };
        if let Some(s) = &mut self.selection {
            rename(&mut s.file);
        }
        for note in &mut self.notes {
            if let Some(e) = &mut note.event {
                rename(&mut e.file);
            }
        }
        for scene in &mut self.scenes {
            if let Some(s) = &mut scene.selection {
                rename(&mut s.file);
            }
        }
        if let Some(files) = self.filter.facets.get_mut(&Field::File) {
            *files = files
                .iter()
                .map(|f| names.get(f).cloned().unwrap_or_else(|| f.clone()))
                .collect();
        }
        if self.lanes.by == Some(Field::File) {
            self.lanes.order.iter_mut().for_each(rename);
            self.lanes.collapsed = self
                .lanes
                .collapsed
                .iter()
                .map(|f| names.get(f).cloned().unwrap_or_else(|| f.clone()))
                .collect();
        }
    }
}

/// Reads a session from its text, with the position of any JSON error.
pub fn parse_session(text: &str) -> Result<SessionFile, String> {
    let file: SessionFile = serde_json::from_str(text).map_err(|e| super::scenes::located(&e))?;
    if file.annals_session != SESSION_VERSION {
        return Err(format!(
            "session version {} is not {SESSION_VERSION}",
            file.annals_session
        ));
    }
    Ok(file)
}

impl AppState {
    /// Where "Save session" proposes: the last session, else beside the first open file.
    pub fn default_session_path(&self) -> PathBuf {
        if let Some(path) = &self.session_path {
            return path.clone();
        }
        self.files
            .iter()
            .find_map(|f| match &f.source {
                FileSource::Path(path) => Some(session_path_for(path)),
                FileSource::Embedded | FileSource::Table(_) => None,
            })
            .unwrap_or_else(|| PathBuf::from("belgium.annals-session.json"))
    }

    /// The session as it would be saved at `path`.
    pub fn capture_session(&self, path: &Path) -> SessionFile {
        let folder = path.parent().unwrap_or(Path::new(""));
        let mut names = HashMap::new();
        let files = self
            .files
            .iter()
            .map(|f| match &f.source {
                FileSource::Embedded => SessionSource::Embedded,
                // The address as shown: never a password.
                FileSource::Table(address) => SessionSource::Table(address.clone()),
                FileSource::Path(p) => {
                    let saved = relative_to(p, folder);
                    names.insert(
                        f.loaded.part.info.path.clone(),
                        saved.to_string_lossy().into_owned(),
                    );
                    SessionSource::Path(saved)
                }
            })
            .collect();
        let mut session = SessionFile {
            annals_session: SESSION_VERSION,
            files,
            view: self.view,
            filter: self.filter.clone(),
            lanes: self.lanes.clone(),
            options: self.options,
            selection: self
                .selection
                .as_ref()
                .map(|s| super::scenes::SceneSelection {
                    file: s.path.clone(),
                    id: s.id.clone(),
                }),
            scenes: self.scenes.clone(),
            bookmarks: self.bookmarks.clone(),
            notes: self.notes.clone(),
        };
        session.rename_files(&names);
        session
    }

    /// The write that saves the session at `path` (atomic; a toast says where, or why not).
    pub(super) fn save_session(&mut self, path: &Path) -> Vec<Effect> {
        let session = self.capture_session(path);
        match serde_json::to_string_pretty(&session) {
            Ok(text) => vec![Effect::WriteFile(FileWrite {
                path: path.to_path_buf(),
                text: text + "\n",
                purpose: WritePurpose::Session,
            })],
            Err(why) => {
                let message = self.said("toast-session-not-saved", why.to_string());
                self.toast(message, true);
                Vec::new()
            }
        }
    }

    /// Reads a session file, to open it when its text arrives.
    pub(super) fn open_session(path: &Path) -> Vec<Effect> {
        vec![Effect::ReadFile(FileRead {
            path: path.to_path_buf(),
            purpose: ReadPurpose::Session,
        })]
    }

    /// Opens a session read from `path`: loads its files (replacing what is open), then restores
    /// the rest. A session that cannot be read changes nothing.
    pub(super) fn session_read(
        &mut self,
        path: &Path,
        text: Result<Option<String>, crate::i18n::Said>,
    ) -> Vec<Effect> {
        let text = text.and_then(|t| t.ok_or_else(|| crate::i18n::Said::new("job-no-such-file")));
        match text.and_then(|text| parse_session(&text).map_err(crate::i18n::Said::verbatim)) {
            Ok(session) => self
                .open_parsed_session(path, session)
                .into_iter()
                .collect(),
            Err(why) => {
                self.toast(
                    self.lang().text(
                        "toast-session-not-opened",
                        &[
                            ("file", crate::i18n::Arg::Text(&path.display().to_string())),
                            ("value", crate::i18n::Arg::Text(&why.in_lang(self.lang()))),
                        ],
                    ),
                    true,
                );
                Vec::new()
            }
        }
    }

    fn open_parsed_session(&mut self, path: &Path, session: SessionFile) -> Option<Effect> {
        let folder = path.parent().unwrap_or(Path::new(""));
        let paths: Vec<PathBuf> = session
            .files
            .iter()
            .filter_map(|f| match f {
                SessionSource::Path(p) if p.is_absolute() => Some(p.clone()),
                SessionSource::Path(p) => Some(folder.join(p)),
                SessionSource::Table(address) => Some(PathBuf::from(address)),
                SessionSource::Embedded => None,
            })
            .collect();
        self.session_path = Some(path.to_path_buf());
        self.pending_session = Some((path.to_path_buf(), session));
        if paths.is_empty() {
            self.open_embedded();
            self.restore_pending_session();
            return None;
        }
        Some(Self::open(paths, PickMode::Open, None))
    }

    /// Applies the session waiting for its files (after they loaded).
    pub(super) fn restore_pending_session(&mut self) {
        let Some((path, mut session)) = self.pending_session.take() else {
            return;
        };
        let folder = path.parent().unwrap_or(Path::new(""));
        // The session's names for the files → the names they were loaded under.
        let mut names = HashMap::new();
        for source in &session.files {
            if let SessionSource::Path(saved) = source {
                let full = if saved.is_absolute() {
                    saved.clone()
                } else {
                    folder.join(saved)
                };
                let full = full.display().to_string();
                if self.dataset.files.iter().any(|f| f.path == full) {
                    names.insert(saved.to_string_lossy().into_owned(), full);
                }
            }
        }
        session.rename_files(&names);
        self.view = session.view;
        self.filter = session.filter;
        self.lanes = session.lanes;
        self.options = session.options;
        self.selection = session.selection.map(|s| Selection {
            path: s.file,
            id: s.id,
        });
        self.scenes = session.scenes;
        self.scene_index = None;
        self.bookmarks = session.bookmarks;
        self.notes = session.notes;
        self.relayout();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Settings;
    use crate::app::{
        FilterCommand, LanesCommand, NotesCommand, PresentCommand, SelectCommand, SessionCommand,
        ViewCommand,
    };
    use crate::timeline::lanes::TimeBasis;

    fn folder(name: &str) -> PathBuf {
        let folder =
            std::env::temp_dir().join(format!("annals-session-{name}-{}", std::process::id()));
        std::fs::create_dir_all(folder.join("data")).unwrap();
        folder
    }

    #[test]
    fn save_then_open_gives_the_same_state() {
        let folder = folder("roundtrip");
        let data = folder.join("data").join("case.json");
        std::fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/assets/belgium.json"),
            &data,
        )
        .unwrap();
        let mut state = AppState::with_files(std::slice::from_ref(&data), Settings::default());
        state.apply_quietly(FilterCommand::SetQuery("strategy".into()));
        state.apply_quietly(FilterCommand::ToggleFacet(Field::Actor, "CCB".into()));
        state.apply_quietly(LanesCommand::SetLanesBy(Some(Field::Actor)));
        let key = state.layout.lanes[1].key.clone();
        state.apply_quietly(LanesCommand::MoveLane(key.clone(), 0));
        state.apply_quietly(LanesCommand::ToggleLaneCollapsed(key));
        state.apply_quietly(LanesCommand::SetTimeBasis(TimeBasis::Known));
        state.apply_quietly(ViewCommand::SetCollapseGaps(true));
        state.apply_quietly(ViewCommand::SetLinks(false));
        state.apply_quietly(SelectCommand::NextMatch);
        state.apply_quietly(NotesCommand::SetEventNote("to check".into()));
        assert!(
            state
                .apply_settled(PresentCommand::AddScene("first".into()))
                .is_empty()
        );
        state.apply_quietly(ViewCommand::JumpTo("2021-05".into()));
        state.apply_quietly(NotesCommand::AddBookmark("May".into()));
        state.apply_quietly(NotesCommand::AddTimeNote("here".into()));
        assert!(state.selection.is_some());
        let session = folder.join("work.annals-session.json");
        assert!(
            state
                .apply_settled(SessionCommand::SaveSession(session.clone()))
                .is_empty()
        );
        assert!(!state.toast.as_ref().unwrap().is_error, "{:?}", state.toast);
        let text = std::fs::read_to_string(&session).unwrap();
        assert!(text.contains("\"data/case.json\""), "relative path: {text}");

        let mut reopened = AppState::with_files(&[], Settings::default());
        assert_eq!(
            reopened.apply_settled(SessionCommand::OpenSession(session.clone())),
            []
        );
        assert_eq!(reopened.watched_paths().len(), 1);
        assert_eq!(reopened.view, state.view);
        assert_eq!(reopened.filter, state.filter);
        assert_eq!(reopened.lanes, state.lanes);
        assert_eq!(reopened.options, state.options);
        assert_eq!(reopened.bookmarks, state.bookmarks);
        assert_eq!(reopened.shown, state.shown);
        assert_eq!(reopened.layout, state.layout);
        assert_eq!(reopened.breaks, state.breaks);
        let id = |s: &AppState| {
            s.selected()
                .map(|i| s.dataset.events.owned(i.index()).unwrap().id.clone())
        };
        assert_eq!(id(&reopened), id(&state));
        assert!(id(&reopened).is_some());
        let selected = reopened.selected().unwrap();
        assert_eq!(reopened.note_on(selected).unwrap().text, "to check");
        assert_eq!(reopened.notes.len(), 2);
        assert_eq!(reopened.scenes.len(), 1);
        assert_eq!(reopened.scenes[0].view(), state.scenes[0].view());
        // Saving again from the reopened state writes the same file.
        let again = folder.join("again.annals-session.json");
        assert!(
            reopened
                .apply_settled(SessionCommand::SaveSession(again.clone()))
                .is_empty()
        );
        assert_eq!(std::fs::read_to_string(&again).unwrap(), text);
        // The data file was never touched.
        assert_eq!(
            std::fs::read(&data).unwrap(),
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/belgium.json")).unwrap()
        );
        std::fs::remove_dir_all(&folder).ok();
    }

    #[test]
    fn a_broken_session_changes_nothing_and_says_where() {
        let folder = folder("broken");
        let session = folder.join("bad.annals-session.json");
        std::fs::write(&session, "{\"annals_session\": 1, \"files\": [}").unwrap();
        let mut state = AppState::with_files(&[], Settings::default());
        let view = state.view;
        let events = state.dataset.events.len();
        assert!(
            state
                .apply_settled(SessionCommand::OpenSession(session))
                .is_empty()
        );
        assert_eq!(state.view, view);
        assert_eq!(state.dataset.events.len(), events);
        let toast = state.toast.clone().unwrap();
        assert!(
            toast.is_error && toast.text.contains("line 1, column"),
            "{}",
            toast.text
        );
        std::fs::remove_dir_all(&folder).ok();
    }

    #[test]
    fn the_embedded_example_makes_a_session_too() {
        let folder = folder("embedded");
        let session = folder.join("b.annals-session.json");
        let mut state = AppState::with_files(&[], Settings::default());
        state.apply_quietly(ViewCommand::JumpTo("2021".into()));
        assert!(
            state
                .apply_settled(SessionCommand::SaveSession(session.clone()))
                .is_empty()
        );
        let mut other = AppState::default();
        assert!(
            other
                .apply_settled(SessionCommand::OpenSession(session))
                .is_empty()
        );
        assert_eq!(other.view, state.view);
        assert_eq!(other.dataset.events.len(), state.dataset.events.len());
        std::fs::remove_dir_all(&folder).ok();
    }
}
#[cfg(test)]
mod big_session_tests {
    use super::*;
    use crate::app::{Reply, Settings};

    #[test]
    fn a_session_of_a_big_file_loads_it_in_the_background_then_restores() {
        let folder = std::env::temp_dir().join(format!("annals-bigsession-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let data = folder.join("big.json");
        {
            let file = std::fs::File::create(&data).unwrap();
            let mut writer = std::io::BufWriter::new(file);
            crate::synth::write_native(
                crate::synth::SynthOptions {
                    events: 120_000,
                    seed: 3,
                },
                &mut writer,
            )
            .unwrap();
        }
        assert!(
            std::fs::metadata(&data).unwrap().len() > crate::app::loading::BACKGROUND_LOAD_BYTES
        );
        let session = folder.join("big.annals-session.json");
        let view = TimeView::from_min_max(1.4e9, 1.41e9);
        std::fs::write(
            &session,
            serde_json::json!({"annals_session": 1, "files": ["big.json"], "view": view})
                .to_string(),
        )
        .unwrap();
        let (mut state, mut effects) =
            AppState::starting_with(std::slice::from_ref(&session), Settings::default());
        let effect = effects.pop();
        let Some(Effect::ReadFile(read)) = effect else {
            panic!("expected the session to be read first, got {effect:?}");
        };
        let mut effects = state.receive_at_once(read.run());
        let effect = effects.pop();
        let Some(Effect::Load(load)) = effect else {
            panic!("expected a background load, got {effect:?}");
        };
        let results = crate::app::loading::run(&load);
        assert!(
            state
                .receive_at_once(Reply::Loaded(load.id, crate::app::Delivery::new(results)))
                .is_empty()
        );
        assert_eq!(state.dataset.events.len(), 120_000);
        assert_eq!(
            state.view, view,
            "the session's view, restored after the load"
        );
        std::fs::remove_dir_all(&folder).ok();
    }
}
