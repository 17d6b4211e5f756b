//! File ▸ Export image…: range, size, format, theme, title, legend, footer and file, with a
//! preview drawn by the same export code that writes the file. Pushes commands only.

use crate::app::{Commands, ExportCommand};
use egui::{TextureHandle, TextureOptions, Ui};

use crate::app::{AppState, ExportRange, ExportSettings, ImageFormat};
use crate::export::{self, SizePreset};
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
    let modal = egui::Modal::new(egui::Id::unique("export-dialog")).show(ui.ctx(), |ui| {
        ui.heading("Export image");
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
                        ui.label(format!("No preview: {why}"));
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
            if ui.button("Export").clicked() {
                commands.push(ExportCommand::RunExport);
            }
            if ui.button("Cancel").clicked() {
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
    egui::Grid::new("export-choices")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label("Range");
            ui.vertical(|ui| {
                ui.radio_value(&mut edited.range, ExportRange::View, "Current view");
                ui.radio_value(&mut edited.range, ExportRange::All, "All shown events");
                ui.add_enabled_ui(state.selection.is_some(), |ui| {
                    ui.radio_value(&mut edited.range, ExportRange::Selection, "Selected event");
                });
            });
            ui.end_row();

            let size_label = ui.label("Size");
            ui.vertical(|ui| {
                let current = edited.preset().map_or("Custom", |p| p.label);
                egui::ComboBox::from_id_salt("export-size")
                    .selected_text(current)
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        for preset in &SizePreset::ALL {
                            let chosen = edited.preset() == Some(preset);
                            if ui.selectable_label(chosen, preset.label).clicked() {
                                edited.width_px = preset.width_px;
                                edited.height_px = preset.height_px;
                            }
                        }
                    })
                    .response
                    .labelled_by(size_label.id);
                ui.horizontal(|ui| {
                    let limit = 16..=export::MAX_SIDE_PX;
                    let width = ui.label("Width");
                    ui.add(egui::DragValue::new(&mut edited.width_px).range(limit.clone()))
                        .labelled_by(width.id);
                    let height = ui.label("Height");
                    ui.add(egui::DragValue::new(&mut edited.height_px).range(limit))
                        .labelled_by(height.id);
                    ui.label("px");
                });
            });
            ui.end_row();

            ui.label("Format");
            ui.horizontal(|ui| {
                ui.radio_value(&mut edited.format, ImageFormat::Png, "PNG");
                ui.radio_value(&mut edited.format, ImageFormat::Svg, "SVG");
                if edited.format == ImageFormat::Svg {
                    ui.checkbox(&mut edited.svg_live_text, "Keep text editable")
                        .on_hover_text(
                            "Text stays text, drawn in whatever font the viewer has (labels may \
                             then run wider). Unticked, letters are outlines that look the same \
                             everywhere.",
                        );
                }
            });
            ui.end_row();

            ui.label("Theme");
            ui.vertical(|ui| {
                ui.radio_value(&mut edited.theme, Theme::Light, "Light (print)");
                ui.radio_value(&mut edited.theme, Theme::Dark, "Dark");
                ui.radio_value(&mut edited.theme, Theme::HighContrast, "High contrast");
            });
            ui.end_row();

            let title = ui.label("Title");
            ui.add(egui::TextEdit::singleline(&mut edited.title).hint_text("none"))
                .labelled_by(title.id);
            ui.end_row();

            ui.label("Show");
            ui.vertical(|ui| {
                ui.checkbox(&mut edited.legend, "Legend (categories)");
                ui.checkbox(&mut edited.footer, "Footer naming the data and its sources");
                ui.weak("The axis always names its time zone.");
            });
            ui.end_row();

            let file = ui.label("File");
            ui.vertical(|ui| {
                let mut path = edited.path.display().to_string();
                if ui
                    .add(egui::TextEdit::singleline(&mut path).desired_width(240.0))
                    .labelled_by(file.id)
                    .changed()
                {
                    edited.path = path.into();
                }
                if ui.button("Choose…").clicked() {
                    commands.push(ExportCommand::PickExportPath);
                }
            });
            ui.end_row();
        });
}
