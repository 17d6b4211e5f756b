//! Settings that persist between runs (eframe's storage): recent files, theme, export choices,
//! presentation scale, size limit, live reload, the axis's zone and the language.

use std::path::PathBuf;

use super::ExportSettings;
use crate::io;
use crate::palette::Theme;

/// Settings that persist between runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    /// The folders files were last chosen in with the in-window chooser, most recent first.
    pub recent_folders: Vec<PathBuf>,
    /// Use the in-window file chooser even where the system has a file dialog.
    pub in_window_chooser: bool,
    /// Files opened from outside while the window runs (a double-click in the file manager,
    /// `annals FILE` in a terminal) replace what is open, rather than joining it.
    pub outside_files_replace: bool,
    /// Light, dark or high contrast.
    pub theme: Theme,
    /// The export dialog's last choices.
    pub export: ExportSettings,
    /// Type scale while presenting (1 = as in the window).
    pub presentation_scale: f32,
    /// Files larger than this are loaded only after the user confirms.
    pub size_limit_bytes: u64,
    /// Reload open files when they change on disk.
    pub live_reload: bool,
    /// The axis's zone: `UTC`, `local` or an IANA name.
    pub display_zone: String,
    /// The language chosen in View ▸ Language; `None` follows the system's.
    pub language: Option<crate::i18n::Lang>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent_files: Vec::new(),
            recent_folders: Vec::new(),
            in_window_chooser: false,
            outside_files_replace: false,
            theme: Theme::default(),
            export: ExportSettings::default(),
            presentation_scale: DEFAULT_PRESENTATION_SCALE,
            size_limit_bytes: io::DEFAULT_SIZE_LIMIT_BYTES,
            live_reload: true,
            display_zone: "UTC".to_owned(),
            language: None,
        }
    }
}

/// Type scale while presenting, unless the user chose another.
pub const DEFAULT_PRESENTATION_SCALE: f32 = 1.5;
