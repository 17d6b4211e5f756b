//! SVG → PNG with resvg/tiny-skia: pure Rust, no GPU, deterministic, with the same font bytes as
//! the window.

use resvg::{tiny_skia, usvg};

use super::font::{FONT_BYTES, FONT_FAMILY};

/// Why an image could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The SVG did not parse (a bug: we wrote it).
    #[error("could not read the SVG")]
    Svg(#[source] usvg::Error),
    /// The size is zero or too large for memory.
    #[error("cannot make an image of {0}×{1} pixels")]
    Size(u32, u32),
    /// PNG encoding failed.
    #[error("could not encode the PNG: {0}")]
    Png(String),
}

/// Rasterises `svg` at its own size.
pub fn render_png(svg: &str) -> Result<Vec<u8>, ExportError> {
    let mut options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    options.fontdb_mut().load_font_data(FONT_BYTES.to_vec());
    let tree = usvg::Tree::from_str(svg, &options).map_err(ExportError::Svg)?;
    let size = tree.size().to_int_size();
    let (width, height) = (size.width(), size.height());
    if u64::from(width) * u64::from(height) > 20_000 * 20_000 {
        return Err(ExportError::Size(width, height));
    }
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(ExportError::Size(width, height))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Png(e.to_string()))
}
