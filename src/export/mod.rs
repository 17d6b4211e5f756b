//! Exports drawn from the same [`crate::timeline::Scene`] as the window: `svg.rs` writes SVG and
//! `png.rs` rasterises it with resvg, using the window's font. No UI crate here.

pub mod font;
pub mod png;
pub mod svg;

pub use png::{ExportError, render_png};
pub use svg::{ExportOptions, ExportTheme, Rendered, render_svg};
