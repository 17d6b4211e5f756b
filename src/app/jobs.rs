//! The file work commands ask for, done outside `AppState::apply`: sizing files before a load,
//! writing a sidecar or a session, reading a session or a sidecar. `apply` returns these as
//! effects; the shell runs them (loads, arranging and image writes on named threads; these small
//! text files in order, between frames) and hands the answer back as a [`Reply`]. [`settle`] runs
//! every effect that needs no window at once, on this thread, as tests, the benchmarks and the
//! command line do.

use crate::i18n::Said;
use std::path::PathBuf;

use super::{AppState, Effect, Reply};

/// What a file is written for, so its answer lands in the right place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WritePurpose {
    /// The scenes sidecar beside the data (`NAME.scenes.json`).
    Scenes,
    /// A session the user saved.
    Session,
}

/// "could not write FILE: WHY", to be said in the window's language.
pub fn not_written(path: &std::path::Path, why: &std::io::Error) -> Said {
    Said::new("job-not-written")
        .text("file", path.display().to_string())
        .text("why", why.to_string())
}

/// A text file to write atomically (temporary file, then rename).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileWrite {
    /// Where.
    pub path: PathBuf,
    /// What (the whole file).
    pub text: String,
    /// What it is for.
    pub purpose: WritePurpose,
}

impl FileWrite {
    /// Writes the file; the reply says how it went.
    pub fn run(&self) -> Reply {
        let result = crate::io::native_writer::write_atomically(&self.path, &self.text)
            .map_err(|e| not_written(&self.path, &e));
        Reply::Written {
            purpose: self.purpose,
            path: self.path.clone(),
            result,
        }
    }
}

/// What a file is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadPurpose {
    /// A session to open.
    Session,
    /// The scenes sidecar of the file just opened (its absence is no problem).
    Scenes,
}

/// A text file to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRead {
    /// Where.
    pub path: PathBuf,
    /// What it is for.
    pub purpose: ReadPurpose,
}

impl FileRead {
    /// Reads the file; the reply carries its text, `None` if there is no such file, or why it
    /// could not be read.
    pub fn run(&self) -> Reply {
        let result = match std::fs::read_to_string(&self.path) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Said::new("job-not-read").text("why", e.to_string())),
        };
        Reply::Read {
            purpose: self.purpose,
            path: self.path.clone(),
            result,
        }
    }
}

/// Files to be opened, sized first: the state then decides whether to ask (over the size limit),
/// load at once or load on the loading thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measure {
    /// The files.
    pub paths: Vec<PathBuf>,
    /// Replace, add or reload.
    pub mode: super::PickMode,
    /// The size over which to ask first (`None`: the user already said yes).
    pub limit_bytes: Option<u64>,
    /// The folders among the paths, once looked into: their files replace them in `paths`.
    pub folders: Vec<crate::io::folder::FolderFiles>,
}

impl Measure {
    /// Sizes the files (a file that cannot be sized counts 0 bytes; reading it says why). A
    /// folder is replaced by the files in it that Annals reads (see
    /// [`crate::io::folder::timeline_files_in`]).
    pub fn run(mut self) -> Reply {
        if self.paths.iter().any(|p| p.is_dir()) {
            let mut paths = Vec::new();
            for path in std::mem::take(&mut self.paths) {
                if path.is_dir() {
                    let found = crate::io::folder::timeline_files_in(&path);
                    paths.extend(found.files.iter().cloned());
                    self.folders.push(found);
                } else {
                    paths.push(path);
                }
            }
            self.paths = paths;
        }
        let sizes = self
            .paths
            .iter()
            .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
            .collect();
        Reply::Measured(self, sizes)
    }
}

/// Lists a folder for the in-window chooser (a folder of thousands of entries takes
/// milliseconds; the listing is capped at [`crate::io::folder::MAX_ENTRIES`]).
pub fn list_folder(folder: PathBuf) -> Reply {
    let result = crate::io::folder::list(&folder)
        .map_err(|e| Said::new("job-not-read").text("why", e.to_string()));
    Reply::Listed(folder, result)
}

/// Says what `path` names: a folder, a file or nothing.
pub fn probe_path(path: PathBuf) -> Reply {
    use super::chooser::PathKind;
    let kind = match std::fs::metadata(&path) {
        Ok(m) if m.is_dir() => PathKind::Folder,
        Ok(_) => PathKind::File,
        // A dangling link is still a name taken: saving there replaces it.
        Err(_) if std::fs::symlink_metadata(&path).is_ok() => PathKind::File,
        Err(_) => PathKind::Missing,
    };
    Reply::Probed(path, kind)
}

/// Carries out, here and now, every effect that needs no window (loads, arranging, file reads
/// and writes, image writes), feeding each answer back into `state`, until none is left; returns
/// the effects only a window can carry out (dialogs, links, the clipboard), in order.
pub fn settle(state: &mut AppState, effects: Vec<Effect>) -> Vec<Effect> {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    let mut left = Vec::new();
    while let Some(effect) = queue.pop_front() {
        let reply = match effect {
            Effect::Measure(measure) => measure.run(),
            Effect::Load(load) => {
                let results = super::loading::run(&load);
                Reply::Loaded(load.id, super::Delivery::new(results))
            }
            Effect::Arrange(job) => super::arrange::answer(&job),
            Effect::WriteFile(write) => write.run(),
            Effect::ReadFile(read) => read.run(),
            Effect::WriteImage(job) => Reply::ImageWritten(super::export::write_image(&job)),
            Effect::ListFolder(folder) => list_folder(folder),
            Effect::ProbePath(path) => probe_path(path),
            Effect::Connect(connect) => connect.run(),
            Effect::AskTable(ask) => ask.run(),
            Effect::CountFacet(count) => count.run(),
            window @ (Effect::Choose(_) | Effect::OpenUrl(_) | Effect::CopyImage(_)) => {
                left.push(window);
                continue;
            }
        };
        queue.extend(state.receive(reply));
    }
    left
}

/// Carries out what the shell does between two frames (sizing files, reading small loads, the
/// small text files) and returns the rest: loads for the loading thread, arranging, images, and
/// what needs a window.
pub fn settle_at_once(state: &mut AppState, effects: Vec<Effect>) -> Vec<Effect> {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    let mut left = Vec::new();
    while let Some(effect) = queue.pop_front() {
        let reply = match effect {
            Effect::Measure(measure) => measure.run(),
            Effect::Load(load) if !load.in_background() => {
                let results = super::loading::run(&load);
                Reply::Loaded(load.id, super::Delivery::new(results))
            }
            Effect::WriteFile(write) => write.run(),
            Effect::ReadFile(read) => read.run(),
            Effect::ListFolder(folder) => list_folder(folder),
            Effect::ProbePath(path) => probe_path(path),
            later @ (Effect::Load(_)
            | Effect::Connect(_)
            | Effect::AskTable(_)
            | Effect::CountFacet(_)
            | Effect::Arrange(_)
            | Effect::WriteImage(_)
            | Effect::Choose(_)
            | Effect::OpenUrl(_)
            | Effect::CopyImage(_)) => {
                left.push(later);
                continue;
            }
        };
        queue.extend(state.receive(reply));
    }
    left
}

impl AppState {
    /// Applies `command` and carries out what the shell would before the next frame (see
    /// [`settle_at_once`]); returns what goes to a thread or a window.
    #[must_use = "what is left goes to a thread or needs a window"]
    pub fn apply_at_once(&mut self, command: impl Into<super::Command>) -> Vec<Effect> {
        let effects = self.apply(command);
        settle_at_once(self, effects)
    }

    /// Takes `reply` and carries out what the shell would before the next frame.
    #[must_use = "what is left goes to a thread or needs a window"]
    pub fn receive_at_once(&mut self, reply: Reply) -> Vec<Effect> {
        let effects = self.receive(reply);
        settle_at_once(self, effects)
    }

    /// Applies `command` and carries out at once what it asks that needs no window (see
    /// [`settle`]); returns what only a window can do.
    #[must_use = "what is left needs a window: dialogs, links, the clipboard"]
    pub fn apply_settled(&mut self, command: impl Into<super::Command>) -> Vec<Effect> {
        let effects = self.apply(command);
        settle(self, effects)
    }
}
