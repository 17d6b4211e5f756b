//! What File ▸ Export image… and Edit ▸ Copy image ask for, and how the state answers: which time
//! range, at what size, in which theme. The SVG is built here (cheap: the scene is culled); the
//! shell rasterises and writes it off the UI thread. No egui in this file.

use std::path::{Path, PathBuf};

use crate::export::{self, ExportOptions, SizePreset};
use crate::palette::Theme;
use crate::timeline::TimeView;
use crate::timeline::scene::SceneExtras;

use super::{AppState, Effect, ExportCommand};

/// Which time range an export shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportRange {
    /// What the window shows now.
    #[default]
    View,
    /// Every event that passes the filter.
    All,
    /// The selected event, with room around it.
    Selection,
}

/// PNG or SVG.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImageFormat {
    /// A raster image.
    #[default]
    Png,
    /// A vector image (text stays text).
    Svg,
}

impl ImageFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }

    /// The format a path's extension names, if any.
    pub fn of_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "png" => Some(Self::Png),
            "svg" => Some(Self::Svg),
            _ => None,
        }
    }
}

/// Everything the export dialog chooses. The last one used is remembered between runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportSettings {
    /// Time range.
    pub range: ExportRange,
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
    /// PNG or SVG.
    pub format: ImageFormat,
    /// Colours.
    pub theme: Theme,
    /// A title at the top (none when empty).
    pub title: String,
    /// Show the categories and their colours.
    pub legend: bool,
    /// Name the data files at the bottom.
    pub footer: bool,
    /// SVG: keep text as text (editable, but drawn in whatever font the viewer has) instead of
    /// outlines that look the same everywhere.
    #[serde(default)]
    pub svg_live_text: bool,
    /// Where to write.
    pub path: PathBuf,
}

impl Default for ExportSettings {
    fn default() -> Self {
        Self {
            range: ExportRange::View,
            width_px: 1920,
            height_px: 1080,
            format: ImageFormat::Png,
            theme: Theme::Light,
            title: String::new(),
            legend: true,
            footer: true,
            svg_live_text: false,
            path: PathBuf::from("annals-export.png"),
        }
    }
}

impl ExportSettings {
    /// Forgets a remembered export path whose folder is gone (checked once, when the settings
    /// are read at start-up, so the export dialog then suggests a path beside the data).
    #[must_use]
    pub fn without_missing_folder(mut self) -> Self {
        let folder_exists = std::path::absolute(&self.path)
            .ok()
            .and_then(|p| p.parent().map(std::path::Path::is_dir));
        if folder_exists != Some(true) {
            self.path = Self::default().path;
        }
        self
    }

    /// The preset the size matches, if any.
    pub fn preset(&self) -> Option<&'static SizePreset> {
        SizePreset::ALL
            .iter()
            .find(|p| p.width_px == self.width_px && p.height_px == self.height_px)
    }

    /// `path` with the extension of `format` (so switching PNG ↔ SVG renames the file).
    pub fn path_for_format(&self) -> PathBuf {
        self.path.with_extension(self.format.extension())
    }
}

/// A finished export, or why it failed, for the toast.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    /// What to say.
    pub text: String,
    /// Whether it reports a failure.
    pub is_error: bool,
    /// Changes with every new toast, so the UI can time each one.
    pub serial: u64,
}

/// The picture the shell is to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageJob {
    /// The SVG document (already laid out).
    pub svg: String,
    /// PNG or SVG.
    pub format: ImageFormat,
    /// SVG: keep the text as text rather than outlines.
    pub live_text: bool,
    /// Where to write it.
    pub path: PathBuf,
}

/// Rasterises (for PNG) and writes `job` atomically: the file is complete or untouched.
pub fn write_image(job: &ImageJob) -> Result<PathBuf, crate::i18n::Said> {
    let bytes = match job.format {
        ImageFormat::Svg if job.live_text => job.svg.clone().into_bytes(),
        ImageFormat::Svg => export::outline_text(&job.svg)
            .map_err(|e| crate::i18n::Said::verbatim(crate::io::report::error_chain(&e)))?
            .into_bytes(),
        ImageFormat::Png => export::render_png(&job.svg)
            .map_err(|e| crate::i18n::Said::verbatim(crate::io::report::error_chain(&e)))?,
    };
    crate::io::native_writer::write_atomically_bytes(&job.path, &bytes)
        .map_err(|e| super::jobs::not_written(&job.path, &e))?;
    Ok(job.path.clone())
}

impl AppState {
    /// The time window `range` stands for now, or why there is none.
    pub fn export_view(&self, range: ExportRange) -> Result<TimeView, String> {
        match range {
            ExportRange::View => Ok(self.view),
            ExportRange::All => {
                let extent = self
                    .shown
                    .iter()
                    .filter_map(|&i| self.dataset.event(i))
                    .fold(None, |acc: Option<(f64, f64)>, e| {
                        let (s, t) = (e.start_secs(), e.end_secs());
                        Some(acc.map_or((s, t), |(lo, hi)| (lo.min(s), hi.max(t))))
                    });
                let (min, max) = extent.ok_or_else(|| self.lang().word("export-none-shown"))?;
                Ok(TimeView::fitting(min, max, 0.03))
            }
            ExportRange::Selection => {
                let event = self
                    .selected()
                    .and_then(|i| self.dataset.event(i))
                    .ok_or_else(|| self.lang().word("export-none-selected"))?;
                Ok(TimeView::fitting(event.start_secs(), event.end_secs(), 0.5))
            }
        }
    }

    pub(super) fn apply_export(&mut self, command: ExportCommand) -> Vec<Effect> {
        match command {
            ExportCommand::OpenExportDialog => {
                let mut settings = self.settings.export.clone();
                if settings.path == ExportSettings::default().path {
                    settings.path = self.default_export_path(settings.format);
                }
                if settings.title.trim().is_empty() {
                    settings.title = self.dataset.title_in(self.lang());
                }
                if settings.range == ExportRange::Selection && self.selection.is_none() {
                    settings.range = ExportRange::View;
                }
                self.export_dialog = Some(settings);
            }
            ExportCommand::EditExport(settings) => {
                if let Some(dialog) = &mut self.export_dialog {
                    let format_changed = settings.format != dialog.format;
                    *dialog = settings;
                    if format_changed {
                        dialog.path = dialog.path_for_format();
                    }
                }
            }
            ExportCommand::CloseExportDialog => self.export_dialog = None,
            ExportCommand::PickExportPath => {
                let Some(path) = self.export_dialog.as_ref().map(|d| d.path.clone()) else {
                    return Vec::new();
                };
                return self.choose_file(super::ChooserPurpose::Export, Some(path));
            }
            ExportCommand::SetExportPath(path) => {
                if let Some(dialog) = &mut self.export_dialog {
                    if let Some(format) = ImageFormat::of_path(&path) {
                        dialog.format = format;
                    }
                    dialog.path = path;
                }
            }
            ExportCommand::RunExport => return self.run_export(),
            ExportCommand::CopyImage => {
                let settings = ExportSettings {
                    range: ExportRange::View,
                    theme: self.settings.theme,
                    ..self.settings.export.clone()
                };
                match self.export_svg(&settings) {
                    Ok(svg) => return vec![Effect::CopyImage(svg)],
                    Err(why) => {
                        let message = self.said("toast-nothing-copied", &why);
                        self.toast(message, true);
                    }
                }
            }
        }
        Vec::new()
    }

    /// Exports with the dialog's choices and closes it.
    fn run_export(&mut self) -> Vec<Effect> {
        let Some(mut settings) = self.export_dialog.clone() else {
            return Vec::new();
        };
        if ImageFormat::of_path(&settings.path) != Some(settings.format) {
            settings.path = settings.path_for_format();
        }
        match self.export_svg(&settings) {
            Ok(svg) => {
                self.export_dialog = None;
                let job = ImageJob {
                    svg,
                    format: settings.format,
                    live_text: settings.svg_live_text,
                    path: settings.path.clone(),
                };
                self.settings.export = settings;
                vec![Effect::WriteImage(job)]
            }
            Err(why) => {
                let message = self.said("toast-nothing-exported", &why);
                self.toast(message, true);
                Vec::new()
            }
        }
    }

    /// The SVG that `settings` asks for, drawn from the shown events.
    pub fn export_svg(&self, settings: &ExportSettings) -> Result<String, String> {
        let view = self.export_view(settings.range)?;
        let title = settings.title.trim();
        let options = ExportOptions {
            width_px: settings.width_px.clamp(1, export::MAX_SIDE_PX),
            height_px: settings.height_px.clamp(1, export::MAX_SIDE_PX),
            view,
            theme: settings.theme,
            title: (!title.is_empty()).then(|| title.to_owned()),
            legend: settings.legend,
            footer: settings.footer,
            extras: SceneExtras {
                scroll_y: 0.0,
                ..self.scene_extras()
            },
        };
        Ok(export::render_svg(&self.dataset, &self.layout, &options).svg)
    }

    /// Where an export goes by default: beside the first open file, else the working folder.
    pub fn default_export_path(&self, format: ImageFormat) -> PathBuf {
        let first = self.files.iter().find_map(|f| match &f.source {
            super::FileSource::Path(path) => Some(path.clone()),
            super::FileSource::Embedded | super::FileSource::Table(_) => None,
        });
        let (folder, stem) = match &first {
            Some(path) => (
                path.parent().map(Path::to_path_buf).unwrap_or_default(),
                path.file_stem()
                    .map_or_else(|| "annals".into(), |s| s.to_string_lossy().into_owned()),
            ),
            None => (
                std::env::current_dir().unwrap_or_default(),
                "belgium".to_owned(),
            ),
        };
        folder.join(format!("{stem}-timeline.{}", format.extension()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Settings;
    use crate::app::{FilterCommand, Reply, SelectCommand};

    #[test]
    fn each_range_stands_for_the_right_window() {
        let mut state = AppState::with_files(&[], Settings::default());
        assert_eq!(
            state.export_view(ExportRange::Selection),
            Err("no event is selected".to_owned())
        );
        let belnet = state
            .dataset
            .events
            .iter()
            .position(|e| e.id() == "belnet-ddos")
            .unwrap();
        let event = state.dataset.events.owned(belnet).unwrap().clone();
        assert!(
            state
                .apply(SelectCommand::Select(Some(crate::model::EventIdx(
                    u32::try_from(belnet).unwrap(),
                ))))
                .is_empty()
        );
        let selection = state.export_view(ExportRange::Selection).unwrap();
        assert!(selection.min_secs < event.start_secs() && selection.max_secs() > event.end_secs());
        assert!(
            selection.span_secs < 30.0 * 86_400.0,
            "zoomed in on the event"
        );

        // All shown events, which the filter narrows.
        let all = state.export_view(ExportRange::All).unwrap();
        let min = state
            .dataset
            .events
            .iter()
            .map(crate::model::EventRef::start_secs)
            .fold(f64::MAX, f64::min);
        let max = state
            .dataset
            .events
            .iter()
            .map(crate::model::EventRef::end_secs)
            .fold(f64::MIN, f64::max);
        assert!(all.min_secs < min && all.max_secs() > max);
        assert!(
            all.span_secs < (max - min) * 1.1,
            "fitted, not the whole axis"
        );
        state.apply_quietly(FilterCommand::SetOnlyMatches(true));
        state.apply_quietly(FilterCommand::SetQuery("NIS2".into()));
        let nis2 = state.export_view(ExportRange::All).unwrap();
        assert!(nis2.min_secs > all.min_secs && nis2.span_secs < all.span_secs);
        state.apply_quietly(FilterCommand::SetQuery("no such words anywhere".into()));
        assert!(state.export_view(ExportRange::All).is_err());
        assert_eq!(state.export_view(ExportRange::View), Ok(state.view));
    }

    #[test]
    fn a_remembered_export_path_in_a_folder_that_is_gone_is_forgotten() {
        let here = std::env::temp_dir().join("slide.png");
        let kept = ExportSettings {
            path: here.clone(),
            ..ExportSettings::default()
        };
        assert_eq!(kept.without_missing_folder().path, here);
        let gone = ExportSettings {
            path: PathBuf::from("/nonexistent-annals-folder/slide.png"),
            ..ExportSettings::default()
        };
        assert_eq!(
            gone.without_missing_folder().path,
            ExportSettings::default().path
        );
    }

    #[test]
    fn switching_format_renames_the_file_and_a_failed_write_says_why() {
        let mut state = AppState::with_files(&[], Settings::default());
        state.apply_quietly(ExportCommand::OpenExportDialog);
        let mut settings = state.export_dialog.clone().unwrap();
        assert_eq!(settings.path.extension().unwrap(), "png");
        settings.format = ImageFormat::Svg;
        state.apply_quietly(ExportCommand::EditExport(settings));
        let dialog = state.export_dialog.clone().unwrap();
        assert_eq!(dialog.path.extension().unwrap(), "svg");

        let job = ImageJob {
            svg: "<svg/>".into(),
            format: ImageFormat::Svg,
            live_text: true,
            path: PathBuf::from("/nonexistent-folder/x.svg"),
        };
        let err = write_image(&job).unwrap_err();
        assert!(
            err.english()
                .starts_with("could not write /nonexistent-folder/x.svg"),
            "{err}"
        );
        assert!(
            err.in_lang(crate::i18n::Lang::Nl)
                .starts_with("kon /nonexistent-folder/x.svg niet schrijven"),
            "{err}"
        );
        assert!(state.receive(Reply::ImageWritten(Err(err))).is_empty());
        let toast = state.toast.clone().unwrap();
        assert!(toast.is_error && toast.text.starts_with("Export failed: could not write"));
    }
}
