//! File ▸ Export image…: range, size, format, theme, title, legend, footer and file, with a
//! preview drawn by the same export code that writes the file. Pushes commands only.

use crate::app::{Commands, ExportCommand};
use egui::{TextureHandle, TextureOptions, Ui};

use crate::app::{AppState, ExportRange, ExportSettings, ImageFormat};
use crate::export::{self, SizePreset};
use crate::i18n::Arg;
use crate::palette::Theme;

/// Width of the preview image, in pixels.
const PREVIEW_WIDTH: u32 = 520;

/// The preview texture and the choices it shows (it is redrawn only when they change).
#[derive(Default)]
pub struct Preview {
    shows: Option<(ExportSettings, crate::timeline::TimeView)>,
    texture: Option<TextureHandle>,
    error: Option<String>,
}

impl std::fmt::Debug for Preview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Preview")
            .field("texture", &self.texture.as_ref().map(TextureHandle::size))
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

impl Preview {
    /// Redraws the preview if the choices (or the view they depend on) changed.
    fn update(&mut self, ctx: &egui::Context, state: &AppState, settings: &ExportSettings) {
        let view = state.export_view(settings.range).unwrap_or(state.view);
        // The file name and format do not change the picture.
        let key = ExportSettings {
            path: std::path::PathBuf::new(),
            format: ImageFormat::Png,
            ..settings.clone()
        };
        if self.shows.as_ref() == Some(&(key.clone(), view)) {
            return;
        }
        self.shows = Some((key, view));
        let image = state.export_svg(settings).and_then(|svg| {
            export::render_rgba(&svg, Some(PREVIEW_WIDTH))
                .map_err(|e| crate::io::report::error_chain(&e))
        });
        match image {
            Ok(image) => {
                let size = [image.width as usize, image.height as usize];
                let color = egui::ColorImage::from_rgba_premultiplied(size, &image.pixels);
                self.texture =
                    Some(ctx.load_texture("export-preview", color, TextureOptions::LINEAR));
                self.error = None;
            }
            Err(why) => {
                self.texture = None;
                self.error = Some(why);
            }
        }
    }
}

/// Draws the dialog if it is open.
pub fn export_dialog_ui(ui: &Ui, state: &AppState, preview: &mut Preview, commands: &mut Commands) {
    let Some(settings) = &state.export_dialog else {
        *preview = Preview::default();
        return;
    };
    preview.update(ui.ctx(), state, settings);
    let mut edited = settings.clone();
    let lang = state.lang();
    // Enter exports (Esc closes, below), unless the chooser it opened is on top.
    let enter = state.chooser.is_none()
        && ui
            .ctx()
            .input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
    let modal = egui::Modal::new(egui::Id::unique("export-dialog")).show(ui.ctx(), |ui| {
        ui.heading(lang.word("action-export-image").trim_end_matches('…'));
        ui.add_space(4.0);
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(300.0);
                choices_ui(ui, state, &mut edited, commands);
            });
            ui.add_space(12.0);
            ui.vertical(|ui| {
                match (&preview.texture, &preview.error) {
                    (Some(texture), _) => {
                        ui.add(
                            egui::Image::new(texture)
                                .max_width(PREVIEW_WIDTH as f32)
                                .corner_radius(2),
                        );
                    }
                    (None, Some(why)) => {
                        ui.label(lang.text("export-no-preview", &[("why", Arg::Text(why))]));
                    }
                    (None, None) => {}
                }
                ui.weak(format!(
                    "{} × {} px, {}",
                    edited.width_px,
                    edited.height_px,
                    edited.format.extension().to_uppercase()
                ));
            });
        });
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(lang.word("export-run")).clicked() || enter {
                commands.push(ExportCommand::RunExport);
            }
            if ui.button(lang.word("cancel")).clicked() {
                commands.push(ExportCommand::CloseExportDialog);
            }
        });
    });
    if modal.should_close() {
        commands.push(ExportCommand::CloseExportDialog);
    }
    if edited != *settings {
        commands.push(ExportCommand::EditExport(edited));
    }
}

fn choices_ui(ui: &mut Ui, state: &AppState, edited: &mut ExportSettings, commands: &mut Commands) {
    let lang = state.lang();
    let word = |key: &str| lang.word(key);
    let preset_label = |preset: &SizePreset| word(&format!("export-size-{}", preset.name));
    egui::Grid::new("export-choices")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label(word("export-range"));
            ui.vertical(|ui| {
                ui.radio_value(&mut edited.range, ExportRange::View, word("export-view"));
                ui.radio_value(&mut edited.range, ExportRange::All, word("export-all"));
                ui.add_enabled_ui(state.selection.is_some(), |ui| {
                    let selection = word("export-selection");
                    ui.radio_value(&mut edited.range, ExportRange::Selection, selection);
                });
            });
            ui.end_row();

            let size_label = ui.label(word("export-size"));
            ui.vertical(|ui| {
                let current = edited
                    .preset()
                    .map_or_else(|| word("export-custom"), preset_label);
                egui::ComboBox::from_id_salt("export-size")
                    .selected_text(current)
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        for preset in &SizePreset::ALL {
                            let chosen = edited.preset() == Some(preset);
                            if ui.selectable_label(chosen, preset_label(preset)).clicked() {
                                edited.width_px = preset.width_px;
                                edited.height_px = preset.height_px;
                            }
                        }
                    })
                    .response
                    .labelled_by(size_label.id);
                ui.horizontal(|ui| {
                    let limit = 16..=export::MAX_SIDE_PX;
                    let width = ui.label(word("export-width"));
                    ui.add(egui::DragValue::new(&mut edited.width_px).range(limit.clone()))
                        .labelled_by(width.id);
                    let height = ui.label(word("export-height"));
                    ui.add(egui::DragValue::new(&mut edited.height_px).range(limit))
                        .labelled_by(height.id);
                    ui.label("px");
                });
            });
            ui.end_row();

            ui.label(word("export-format"));
            ui.horizontal(|ui| {
                ui.radio_value(&mut edited.format, ImageFormat::Png, "PNG");
                ui.radio_value(&mut edited.format, ImageFormat::Svg, "SVG");
                if edited.format == ImageFormat::Svg {
                    ui.checkbox(&mut edited.svg_live_text, word("export-live-text"))
                        .on_hover_text(word("export-live-text-tip"));
                }
            });
            ui.end_row();

            ui.label(word("export-theme"));
            ui.vertical(|ui| {
                ui.radio_value(&mut edited.theme, Theme::Light, word("export-theme-light"));
                ui.radio_value(&mut edited.theme, Theme::Dark, word("theme-dark"));
                let high = word("theme-high-contrast");
                ui.radio_value(&mut edited.theme, Theme::HighContrast, high);
            });
            ui.end_row();

            let title = ui.label(word("export-title"));
            ui.add(egui::TextEdit::singleline(&mut edited.title).hint_text(word("export-none")))
                .labelled_by(title.id);
            ui.end_row();

            ui.label(word("export-show"));
            ui.vertical(|ui| {
                ui.checkbox(&mut edited.legend, word("export-legend"));
                ui.checkbox(&mut edited.footer, word("export-footer"));
                ui.weak(word("export-zone-note"));
            });
            ui.end_row();

            let file = ui.label(word("export-file"));
            ui.vertical(|ui| {
                let mut path = edited.path.display().to_string();
                if ui
                    .add(egui::TextEdit::singleline(&mut path).desired_width(240.0))
                    .labelled_by(file.id)
                    .changed()
                {
                    edited.path = path.into();
                }
                if ui.button(word("export-choose")).clicked() {
                    commands.push(ExportCommand::PickExportPath);
                }
            });
            ui.end_row();
        });
}
