//! Scenes: saved views (time range, filter, selected event, caption) to present in order. They are
//! kept in `NAME.scenes.json` beside the first open data file, never inside it. No egui here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::timeline::TimeView;

use super::{AppState, Effect, FileSource, PresentCommand, Selection};

/// Format version of the scenes file.
pub const SCENES_VERSION: u32 = 1;

/// One saved view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedScene {
    /// What the presenter says about it (shown under the timeline while presenting).
    #[serde(default)]
    pub caption: String,
    /// Left edge, seconds since 1970-01-01 00:00 UTC.
    pub start_secs: f64,
    /// Right edge, seconds since 1970-01-01 00:00 UTC.
    pub end_secs: f64,
    /// The search text.
    #[serde(default)]
    pub query: String,
    /// Hidden category ids.
    #[serde(default)]
    pub hidden_categories: BTreeSet<String>,
    /// The selected event: the file as shown in the legend, and the event's id.
    #[serde(default)]
    pub selection: Option<SceneSelection>,
    /// The whole filter (facets, date range, only-matches), when the scene was made with one;
    /// `query` and `hidden_categories` above stay for files written before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<crate::model::Filter>,
    /// The lanes (by which field, order, folded ones, placed by which date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lanes: Option<crate::timeline::LaneSpec>,
}

/// A selected event, by file and id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SceneSelection {
    /// The file, as shown in the legend.
    pub file: String,
    /// The event's id in that file.
    pub id: String,
}

impl SavedScene {
    /// The scene's time window.
    pub fn view(&self) -> TimeView {
        TimeView::from_min_max(self.start_secs, self.end_secs)
    }
}

#[derive(Serialize, Deserialize)]
struct ScenesFile {
    annals_scenes: u32,
    scenes: Vec<SavedScene>,
}

/// Where the scenes of `data_file` live: `belgium.json` → `belgium.scenes.json`.
pub fn scenes_path(data_file: &Path) -> PathBuf {
    let stem = data_file
        .file_stem()
        .map_or_else(|| "annals".into(), |s| s.to_string_lossy().into_owned());
    data_file.with_file_name(format!("{stem}.scenes.json"))
}

/// A JSON error of a sidecar (scenes, session) as "line L, column C: what".
pub(super) fn located(e: &serde_json::Error) -> String {
    format!(
        "line {}, column {}: {}",
        e.line(),
        e.column(),
        crate::io::strip_position(&e.to_string())
    )
}

/// The scenes in a scenes file's text (those with unusable bounds left out).
pub fn parse_scenes(text: &str) -> Result<Vec<SavedScene>, String> {
    let file: ScenesFile = serde_json::from_str(text).map_err(|e| located(&e))?;
    if file.annals_scenes != SCENES_VERSION {
        return Err(format!(
            "scenes file version {} is not {SCENES_VERSION}",
            file.annals_scenes
        ));
    }
    let valid = |s: &SavedScene| s.start_secs.is_finite() && s.end_secs.is_finite();
    Ok(file.scenes.into_iter().filter(valid).collect())
}

/// The scenes file's text (pretty JSON).
pub fn scenes_text(scenes: &[SavedScene]) -> Result<String, String> {
    let file = ScenesFile {
        annals_scenes: SCENES_VERSION,
        scenes: scenes.to_vec(),
    };
    serde_json::to_string_pretty(&file)
        .map(|text| text + "\n")
        .map_err(|e| e.to_string())
}

impl AppState {
    /// The current view, filter and selection as a scene.
    pub fn capture_scene(&self, caption: &str) -> SavedScene {
        SavedScene {
            caption: caption.trim().to_owned(),
            start_secs: self.view.min_secs,
            end_secs: self.view.max_secs(),
            query: self.filter.query.clone(),
            hidden_categories: self.filter.hidden_categories.clone(),
            selection: self.selection.as_ref().map(|s| SceneSelection {
                file: s.path.clone(),
                id: s.id.clone(),
            }),
            filter: Some(self.filter.clone()),
            lanes: Some(self.lanes.clone()),
        }
    }

    pub(super) fn apply_present(&mut self, command: PresentCommand) -> Vec<Effect> {
        match command {
            PresentCommand::AddScene(caption) => {
                let at = self.scene_index.map_or(self.scenes.len(), |i| i + 1);
                let at = at.min(self.scenes.len());
                self.scenes.insert(at, self.capture_scene(&caption));
                self.scene_index = Some(at);
                return self.save_scenes();
            }
            PresentCommand::GoToScene(index) => self.go_to_scene(index),
            PresentCommand::NextScene => self.step_scene(true),
            PresentCommand::PreviousScene => self.step_scene(false),
            PresentCommand::DeleteScene(index) => {
                if index < self.scenes.len() {
                    self.scenes.remove(index);
                    self.scene_index = match self.scene_index {
                        Some(i) if i == index => None,
                        Some(i) if i > index => Some(i - 1),
                        other => other,
                    };
                    return self.save_scenes();
                }
            }
            PresentCommand::SetPresenting(on) => self.presenting = on,
            PresentCommand::SetPresentationScale(scale) => {
                if scale.is_finite() {
                    self.settings.presentation_scale = scale.clamp(1.0, 3.0);
                }
            }
        }
        Vec::new()
    }

    /// Shows scene `index`: its view, filter and selection.
    pub(super) fn go_to_scene(&mut self, index: usize) {
        let Some(scene) = self.scenes.get(index).cloned() else {
            return;
        };
        self.scene_index = Some(index);
        self.view = scene.view();
        if let Some(filter) = scene.filter {
            self.filter = filter;
        } else {
            self.filter.query = scene.query;
            self.filter.hidden_categories = scene.hidden_categories;
        }
        if let Some(lanes) = scene.lanes {
            self.lanes = lanes;
        }
        self.selection = scene.selection.map(|s| Selection {
            path: s.file,
            id: s.id,
        });
        self.rearrange(false);
    }

    /// Steps to the next (`+1`) or previous (`-1`) scene, stopping at the ends.
    pub(super) fn step_scene(&mut self, forward: bool) {
        if self.scenes.is_empty() {
            return;
        }
        let last = self.scenes.len() - 1;
        let next = match (self.scene_index, forward) {
            (None, true) => 0,
            (None, false) => last,
            (Some(i), true) => (i + 1).min(last),
            (Some(i), false) => i.saturating_sub(1),
        };
        self.go_to_scene(next);
    }

    /// The sidecar path scenes are saved to: beside the first open file on disk.
    pub fn scenes_file(&self) -> Option<PathBuf> {
        self.files.iter().find_map(|f| match &f.source {
            FileSource::Path(path) => Some(scenes_path(path)),
            FileSource::Embedded | FileSource::Table(_) => None,
        })
    }

    /// The write that saves the scenes beside the data (none for the built-in example: its
    /// scenes last for this run only).
    pub(super) fn save_scenes(&mut self) -> Vec<Effect> {
        let Some(path) = self.scenes_file() else {
            return Vec::new();
        };
        match scenes_text(&self.scenes) {
            Ok(text) => vec![Effect::WriteFile(super::jobs::FileWrite {
                path,
                text,
                purpose: super::jobs::WritePurpose::Scenes,
            })],
            Err(why) => {
                let message = self.said("toast-scenes-not-saved", &why);
                self.toast(message, true);
                Vec::new()
            }
        }
    }

    /// Clears the scenes and asks for those saved beside the first open file (after opening
    /// files); [`Self::scenes_read`] takes the answer.
    pub(super) fn read_scenes(&mut self) -> Option<Effect> {
        self.scenes.clear();
        self.scene_index = None;
        let path = self.scenes_file()?;
        Some(Effect::ReadFile(super::jobs::FileRead {
            path,
            purpose: super::jobs::ReadPurpose::Scenes,
        }))
    }

    /// The scenes sidecar was read: shows its scenes, or says what is wrong with it. An answer
    /// for a file no longer first is dropped.
    pub(super) fn scenes_read(
        &mut self,
        path: &Path,
        text: Result<Option<String>, crate::i18n::Said>,
    ) {
        if self.scenes_file().as_deref() != Some(path) {
            return;
        }
        let parsed = text.and_then(|text| {
            text.map(|t| parse_scenes(&t))
                .transpose()
                .map_err(crate::i18n::Said::verbatim)
        });
        match parsed {
            Ok(scenes) => self.scenes = scenes.unwrap_or_default(),
            Err(why) => {
                let reason = crate::i18n::Said::new("problem-in")
                    .text("what", "scenes")
                    .said("problem", why);
                self.record_failed(super::FailedFile {
                    path: None,
                    name: path.display().to_string(),
                    reason,
                    location: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{FilterCommand, LanesCommand};

    /// Reads a scenes file; `Ok(None)` when there is none.
    pub fn read_scenes(path: &Path) -> Result<Option<Vec<SavedScene>>, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => parse_scenes(&text).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("could not read: {e}")),
        }
    }

    #[test]
    fn the_sidecar_sits_beside_the_data_file() {
        assert_eq!(
            scenes_path(Path::new("/cases/belgium.json")),
            Path::new("/cases/belgium.scenes.json")
        );
        assert_eq!(
            scenes_path(Path::new("export.jsonl")),
            Path::new("export.scenes.json")
        );
    }

    #[test]
    fn scenes_round_trip_through_their_file() {
        let folder = std::env::temp_dir().join(format!("annals-scenes-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("x.scenes.json");
        assert_eq!(read_scenes(&path), Ok(None));
        let scenes = vec![SavedScene {
            caption: "Belnet \"DDoS\" <b>".into(),
            start_secs: 1.6e9,
            end_secs: 1.7e9,
            query: "ddos".into(),
            hidden_categories: BTreeSet::from(["law".to_owned()]),
            selection: Some(SceneSelection {
                file: "a.json".into(),
                id: "belnet".into(),
            }),
            filter: None,
            lanes: None,
        }];
        std::fs::write(&path, scenes_text(&scenes).unwrap()).unwrap();
        assert_eq!(read_scenes(&path), Ok(Some(scenes)));
        std::fs::write(
            &path,
            "{\"annals_scenes\": 1, \"scenes\": [{\"start_secs\": \"x\"}]}",
        )
        .unwrap();
        let err = read_scenes(&path).unwrap_err();
        assert!(err.starts_with("line 1, column "), "{err}");
        std::fs::remove_dir_all(&folder).ok();
    }

    #[test]
    fn a_scene_brings_back_its_facets_and_lanes() {
        use crate::app::Settings;
        use crate::model::filter::Field;
        let mut state = AppState::with_files(&[], Settings::default());
        state.apply_quietly(FilterCommand::ToggleFacet(Field::Actor, "CCB".into()));
        state.apply_quietly(LanesCommand::SetLanesBy(Some(Field::Actor)));
        state.apply_quietly(PresentCommand::AddScene("CCB by actor".into()));
        let shown = state.shown.clone();
        state.apply_quietly(FilterCommand::ClearFilters);
        state.apply_quietly(LanesCommand::SetLanesBy(Some(Field::Category)));
        assert_ne!(state.shown, shown);
        state.apply_quietly(PresentCommand::GoToScene(0));
        assert_eq!(state.shown, shown);
        assert_eq!(state.lanes.by, Some(Field::Actor));
        assert!(state.filter.facets.contains_key(&Field::Actor));
    }
}
