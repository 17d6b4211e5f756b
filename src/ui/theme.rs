//! egui colours for the timeline and panels, made from the shared RGB values in `palette.rs`
//! (which exports use too); the problems panel's colours are here.
#![expect(
    clippy::disallowed_methods,
    reason = "colours are declared here and only here"
)]

use egui::Color32;

use crate::model::Dataset;

pub use crate::palette::{PALETTE, UNCATEGORISED, category_rgb};

/// The egui colour of a category.
pub fn category_color(dataset: &Dataset, category: Option<usize>) -> Color32 {
    let [r, g, b] = category_rgb(dataset, category);
    Color32::from_rgb(r, g, b)
}

/// Colours of the timeline for one theme.
#[derive(Clone, Copy, Debug)]
pub struct TimelineColors {
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
    /// Alpha (0–255) of period bands.
    pub period_alpha: u8,
    /// Alpha (0–255) of partial-date bars.
    pub partial_alpha: u8,
}

/// The timeline colours for light or dark mode, from the shared RGB values.
pub fn timeline_colors(dark_mode: bool) -> TimelineColors {
    let rgb = if dark_mode {
        crate::palette::DARK
    } else {
        crate::palette::LIGHT
    };
    let c = |[r, g, b]: [u8; 3]| Color32::from_rgb(r, g, b);
    TimelineColors {
        lane_even: c(rgb.lane_even),
        lane_odd: c(rgb.lane_odd),
        lane_text: c(rgb.lane_text),
        label: c(rgb.label),
        label_on_bar: c(rgb.label_on_bar),
        selection: c(rgb.selection),
        cluster: c(rgb.cluster),
        cluster_text: c(rgb.label_on_bar),
        period_alpha: rgb.period_alpha,
        partial_alpha: rgb.partial_alpha,
    }
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
