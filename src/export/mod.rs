//! Exports drawn from the same [`crate::timeline::Scene`] and the same draw list
//! ([`crate::timeline::paint`]) as the window: `page.rs` lays out the page, `svg.rs` writes it as
//! SVG and `png.rs` rasterises that with resvg, using the window's font. No UI crate here.

pub mod decimal;
pub mod font;
pub mod page;
pub mod png;
pub mod svg;

pub use crate::palette::Theme;
pub use page::ExportOptions;
pub use png::{ExportError, RgbaImage, outline_text, render_png, render_rgba};
pub use svg::{Rendered, render_svg};

/// The largest image side, in pixels (a 16384² RGBA image is 1 GiB).
pub const MAX_SIDE_PX: u32 = 16_384;

/// A named image size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizePreset {
    /// What the user types or picks (`--size 4k`).
    pub name: &'static str,
    /// What the dialog shows.
    pub label: &'static str,
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
}

impl SizePreset {
    /// The presets: slides at 1080p and 4K, and an A4 landscape page at 300 dpi
    /// (297 × 210 mm = 3508 × 2480 px).
    pub const ALL: [Self; 3] = [
        Self {
            name: "1080p",
            label: "1920 × 1080 (slide)",
            width_px: 1920,
            height_px: 1080,
        },
        Self {
            name: "4k",
            label: "3840 × 2160 (4K slide)",
            width_px: 3840,
            height_px: 2160,
        },
        Self {
            name: "a4",
            label: "A4 landscape, 300 dpi (3508 × 2480)",
            width_px: 3508,
            height_px: 2480,
        },
    ];
}
