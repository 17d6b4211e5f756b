//! The colour values, as plain RGB, shared by the window (`ui/theme.rs` turns them into egui
//! colours) and the exports. The category palette is Okabe–Ito, distinguishable with colour-blindness.

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

/// The timeline's colours for one theme, as RGB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimelineRgb {
    /// Page background (exports).
    pub background: [u8; 3],
    /// Even lanes.
    pub lane_even: [u8; 3],
    /// Odd lanes.
    pub lane_odd: [u8; 3],
    /// Lane names and axis labels.
    pub lane_text: [u8; 3],
    /// Event labels and titles.
    pub label: [u8; 3],
    /// Labels inside a solid bar.
    pub label_on_bar: [u8; 3],
    /// Outline of the selected event.
    pub selection: [u8; 3],
    /// Cluster outline.
    pub cluster: [u8; 3],
    /// Grid lines.
    pub grid: [u8; 3],
    /// Alpha of period bands.
    pub period_alpha: u8,
    /// Alpha of partial-date bars.
    pub partial_alpha: u8,
}

/// Light (print) theme.
pub const LIGHT: TimelineRgb = TimelineRgb {
    background: [0xff, 0xff, 0xff],
    lane_even: [0xff, 0xff, 0xff],
    lane_odd: [0xf4, 0xf5, 0xf7],
    lane_text: [0x55, 0x5b, 0x66],
    label: [0x1d, 0x20, 0x26],
    label_on_bar: [0xff, 0xff, 0xff],
    selection: [0x10, 0x10, 0x10],
    cluster: [0x4a, 0x50, 0x5a],
    grid: [0xe3, 0xe5, 0xe8],
    period_alpha: 30,
    partial_alpha: 70,
};

/// Dark theme.
pub const DARK: TimelineRgb = TimelineRgb {
    background: [0x14, 0x16, 0x19],
    lane_even: [0x1b, 0x1d, 0x21],
    lane_odd: [0x22, 0x25, 0x2a],
    lane_text: [0xb8, 0xbc, 0xc4],
    label: [0xe6, 0xe8, 0xec],
    label_on_bar: [0xff, 0xff, 0xff],
    selection: [0xff, 0xff, 0xff],
    cluster: [0x5a, 0x60, 0x6b],
    grid: [0x2e, 0x32, 0x38],
    period_alpha: 34,
    partial_alpha: 80,
};
