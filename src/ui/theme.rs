//! The only file with colour literals: the category palette and the timeline's colours, light
//! and dark. The palette is Okabe–Ito, which stays distinguishable with colour-blindness.
#![expect(
    clippy::disallowed_methods,
    reason = "colours are declared here and only here"
)]

use egui::Color32;

use crate::model::Dataset;

/// Okabe–Ito, without black (the text colour) and yellow (unreadable on white).
pub const PALETTE: [[u8; 3]; 7] = [
    [0x00, 0x72, 0xb2], // blue
    [0xd5, 0x5e, 0x00], // vermillion
    [0x00, 0x9e, 0x73], // bluish green
    [0xcc, 0x79, 0xa7], // reddish purple
    [0xe6, 0x9f, 0x00], // orange
    [0x56, 0xb4, 0xe9], // sky blue
    [0x99, 0x99, 0x99], // grey
];

/// Colour for uncategorised events.
pub const UNCATEGORISED: [u8; 3] = [0x88, 0x88, 0x88];

/// RGB of a category: the file's colour, else the palette by position.
pub fn category_rgb(dataset: &Dataset, category: Option<usize>) -> [u8; 3] {
    let Some(index) = category else {
        return UNCATEGORISED;
    };
    dataset
        .categories
        .get(index)
        .and_then(|c| c.color)
        .unwrap_or_else(|| {
            PALETTE
                .get(index % PALETTE.len())
                .copied()
                .unwrap_or(UNCATEGORISED)
        })
}

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

/// The timeline colours for light or dark mode.
pub fn timeline_colors(dark_mode: bool) -> TimelineColors {
    if dark_mode {
        TimelineColors {
            lane_even: Color32::from_rgb(0x1b, 0x1d, 0x21),
            lane_odd: Color32::from_rgb(0x22, 0x25, 0x2a),
            lane_text: Color32::from_rgb(0xb8, 0xbc, 0xc4),
            label: Color32::from_rgb(0xe6, 0xe8, 0xec),
            label_on_bar: Color32::from_rgb(0xff, 0xff, 0xff),
            selection: Color32::from_rgb(0xff, 0xff, 0xff),
            cluster: Color32::from_rgb(0x5a, 0x60, 0x6b),
            cluster_text: Color32::from_rgb(0xff, 0xff, 0xff),
            period_alpha: 34,
            partial_alpha: 80,
        }
    } else {
        TimelineColors {
            lane_even: Color32::from_rgb(0xff, 0xff, 0xff),
            lane_odd: Color32::from_rgb(0xf4, 0xf5, 0xf7),
            lane_text: Color32::from_rgb(0x55, 0x5b, 0x66),
            label: Color32::from_rgb(0x1d, 0x20, 0x26),
            label_on_bar: Color32::from_rgb(0xff, 0xff, 0xff),
            selection: Color32::from_rgb(0x10, 0x10, 0x10),
            cluster: Color32::from_rgb(0x4a, 0x50, 0x5a),
            cluster_text: Color32::from_rgb(0xff, 0xff, 0xff),
            period_alpha: 30,
            partial_alpha: 70,
        }
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
