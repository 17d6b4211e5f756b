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

/// Premultiplied RGBA pixels, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RgbaImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes, premultiplied alpha.
    pub pixels: Vec<u8>,
}

fn rasterise(svg: &str, fit_width: Option<u32>) -> Result<tiny_skia::Pixmap, ExportError> {
    let mut options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    options.fontdb_mut().load_font_data(FONT_BYTES.to_vec());
    let tree = usvg::Tree::from_str(svg, &options).map_err(ExportError::Svg)?;
    let size = tree.size();
    let scale = fit_width.map_or(1.0, |w| (w as f32 / size.width()).min(1.0));
    let size = size
        .to_int_size()
        .scale_by(scale)
        .unwrap_or(size.to_int_size());
    let (width, height) = (size.width(), size.height());
    if u64::from(width) * u64::from(height) > 20_000 * 20_000 {
        return Err(ExportError::Size(width, height));
    }
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(ExportError::Size(width, height))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// Rasterises `svg` at its own size, or scaled down to `fit_width` pixels wide (previews).
pub fn render_rgba(svg: &str, fit_width: Option<u32>) -> Result<RgbaImage, ExportError> {
    let pixmap = rasterise(svg, fit_width)?;
    Ok(RgbaImage {
        width: pixmap.width(),
        height: pixmap.height(),
        pixels: pixmap.take(),
    })
}

/// Rasterises `svg` at its own size and encodes it as PNG.
pub fn render_png(svg: &str) -> Result<Vec<u8>, ExportError> {
    rasterise(svg, None)?
        .encode_png()
        .map_err(|e| ExportError::Png(e.to_string()))
}
