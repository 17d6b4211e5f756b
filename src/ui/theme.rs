//! egui colours for the timeline and panels, made from the shared RGB values in `palette.rs`
//! (which exports use too); the problems panel's colours are here.
#![expect(
    clippy::disallowed_methods,
    reason = "colours are declared here and only here"
)]

use egui::{Color32, Stroke};

use crate::model::Dataset;

pub use crate::palette::{PALETTE, Theme, UNCATEGORISED, category_rgb};

/// The egui colour of a category in `theme`.
pub fn category_color(theme: Theme, dataset: &Dataset, category: Option<usize>) -> Color32 {
    let [r, g, b] = crate::palette::category_rgb_in(theme, dataset, category);
    Color32::from_rgb(r, g, b)
}

/// egui's visuals for `theme`: its light or dark visuals, and for high contrast black text and
/// darker widget outlines.
pub fn visuals(theme: Theme) -> egui::Visuals {
    match theme {
        Theme::Light => egui::Visuals::light(),
        Theme::Dark => egui::Visuals::dark(),
        Theme::HighContrast => {
            let mut visuals = egui::Visuals::light();
            visuals.override_text_color = Some(Color32::BLACK);
            visuals.panel_fill = Color32::WHITE;
            visuals.window_fill = Color32::WHITE;
            let outline = Stroke::new(1.5, Color32::BLACK);
            visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::from_gray(0x60));
            visuals.widgets.inactive.bg_stroke = outline;
            visuals.widgets.hovered.bg_stroke = Stroke::new(2.0, Color32::BLACK);
            visuals.selection.bg_fill = Color32::from_rgb(0x00, 0x5a, 0x8f);
            visuals.selection.stroke = Stroke::new(1.5, Color32::WHITE);
            visuals.hyperlink_color = Color32::from_rgb(0x00, 0x3d, 0x99);
            visuals
        }
    }
}

/// Colours of the timeline for one theme.
#[derive(Clone, Copy, Debug)]
pub struct TimelineColors {
    /// The theme these come from (for category colours).
    pub theme: Theme,
    /// Even lanes.
    pub lane_even: Color32,
    /// Odd lanes.
    pub lane_odd: Color32,
    /// Lane names.
    pub lane_text: Color32,
    /// Event labels.
    pub label: Color32,
    /// Labels drawn inside a coloured bar.
    pub label_on_bar: Color32,
    /// Outline of the selected event.
    pub selection: Color32,
    /// Cluster fill.
    pub cluster: Color32,
    /// Text on clusters.
    pub cluster_text: Color32,
    /// Alpha (0–255) of the wash a period lays over the lanes.
    pub period_alpha: u8,
    /// Alpha (0–255) of a period's bar in the strip that names it.
    pub period_strip_alpha: u8,
    /// Alpha (0–255) of partial-date bars.
    pub partial_alpha: u8,
    /// Width of outlines, in points.
    pub line_width: f32,
}

impl TimelineColors {
    /// The colour of a category.
    pub fn category(&self, dataset: &Dataset, category: Option<usize>) -> Color32 {
        category_color(self.theme, dataset, category)
    }
}

/// The timeline colours of `theme`, from the shared RGB values.
pub fn timeline_colors(theme: Theme) -> TimelineColors {
    let rgb = theme.colors();
    let c = |[r, g, b]: [u8; 3]| Color32::from_rgb(r, g, b);
    TimelineColors {
        theme,
        line_width: rgb.line_width as f32,
        lane_even: c(rgb.lane_even),
        lane_odd: c(rgb.lane_odd),
        lane_text: c(rgb.lane_text),
        label: c(rgb.label),
        label_on_bar: c(rgb.label_on_bar),
        selection: c(rgb.selection),
        cluster: c(rgb.cluster),
        cluster_text: c(rgb.label_on_bar),
        period_alpha: rgb.period_alpha,
        period_strip_alpha: rgb.period_strip_alpha,
        partial_alpha: rgb.partial_alpha,
    }
}

/// The egui colour of a draw-list colour.
pub fn color(c: crate::timeline::paint::Rgba) -> Color32 {
    let [r, g, b] = c.rgb;
    Color32::from_rgba_unmultiplied(r, g, b, c.alpha)
}

/// `color` with alpha `alpha` (0–255), unmultiplied.
pub fn with_alpha(color: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha)
}

/// Colour of error, warning and skipped markers in the problems panel.
pub fn problem_color(level: crate::app::ProblemLevel, dark_mode: bool) -> Color32 {
    use crate::app::ProblemLevel;
    match (level, dark_mode) {
        (ProblemLevel::Error, false) => Color32::from_rgb(0xb0, 0x1e, 0x1e),
        (ProblemLevel::Error, true) => Color32::from_rgb(0xff, 0x6b, 0x6b),
        (ProblemLevel::Skipped, false) => Color32::from_rgb(0xa3, 0x5a, 0x00),
        (ProblemLevel::Skipped, true) => Color32::from_rgb(0xff, 0xb3, 0x4d),
        (ProblemLevel::Warning, false) => Color32::from_rgb(0x6b, 0x6b, 0x6b),
        (ProblemLevel::Warning, true) => Color32::from_rgb(0xa0, 0xa0, 0xa0),
    }
}
