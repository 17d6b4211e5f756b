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

/// Horizontal bands drawn in parallel. Fixed rather than one per core, so that every machine
/// writes the same bytes: a band is drawn with a shifted transform, and tiny-skia's anti-aliasing
/// rounds some edge pixels differently from a single pass (anti-aliasing levels, never a shape).
const BANDS: u32 = 2;

/// Reads an SVG we wrote, with our font and no other.
fn parse(svg: &str) -> Result<usvg::Tree, ExportError> {
    let mut options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    options.fontdb_mut().load_font_data(FONT_BYTES.to_vec());
    usvg::Tree::from_str(svg, &options).map_err(ExportError::Svg)
}

/// The same SVG with every text turned into outlines of the export font: it looks the same in
/// every viewer (a slide program, an editor, a browser) whether or not that font is installed, at the
/// cost of text that can no longer be edited or searched.
pub fn outline_text(svg: &str) -> Result<String, ExportError> {
    let tree = parse(svg)?;
    Ok(tree.to_string(&usvg::WriteOptions {
        coordinates_precision: 3,
        transforms_precision: 4,
        ..usvg::WriteOptions::default()
    }))
}

fn rasterise(
    svg: &str,
    fit_width: Option<u32>,
    bands: u32,
) -> Result<tiny_skia::Pixmap, ExportError> {
    let tree = parse(svg)?;
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
    // Horizontal bands, one per core, each drawn into its own pixmap with a shifted transform;
    // shapes outside a band are clipped cheaply. The result is the same pixels as one pass.
    let band_height = height.div_ceil(bands.max(1)).max(1);
    let stride = width as usize * 4;
    std::thread::scope(|scope| {
        let tree = &tree;
        let chunks = pixmap.data_mut().chunks_mut(stride * band_height as usize);
        for (i, chunk) in chunks.enumerate() {
            let top = i as u32 * band_height;
            scope.spawn(move || {
                let rows = (chunk.len() / stride) as u32;
                let Some(mut band) = tiny_skia::Pixmap::new(width, rows) else {
                    return;
                };
                let transform = tiny_skia::Transform::from_scale(scale, scale)
                    .post_translate(0.0, -(top as f32));
                resvg::render(tree, transform, &mut band.as_mut());
                chunk.copy_from_slice(band.data());
            });
        }
    });
    Ok(pixmap)
}

/// Encodes premultiplied RGBA as PNG: RGB when every pixel is opaque (exports have a background),
/// with fast compression (a 1080p timeline in tens of milliseconds, not hundreds).
fn encode_png(pixmap: tiny_skia::Pixmap) -> Result<Vec<u8>, ExportError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let opaque = pixmap.data().chunks_exact(4).all(|p| p[3] == 255);
    let (color, data) = if opaque {
        let rgb: Vec<u8> = pixmap
            .data()
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        (png::ColorType::Rgb, rgb)
    } else {
        (png::ColorType::Rgba, pixmap.take_demultiplied())
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let png_error = |e: png::EncodingError| ExportError::Png(e.to_string());
    let mut writer = encoder.write_header().map_err(png_error)?;
    writer.write_image_data(&data).map_err(png_error)?;
    writer.finish().map_err(png_error)?;
    Ok(out)
}

/// Rasterises `svg` at its own size, or scaled down to `fit_width` pixels wide (previews).
pub fn render_rgba(svg: &str, fit_width: Option<u32>) -> Result<RgbaImage, ExportError> {
    let pixmap = rasterise(svg, fit_width, BANDS)?;
    Ok(RgbaImage {
        width: pixmap.width(),
        height: pixmap.height(),
        pixels: pixmap.take(),
    })
}

/// Rasterises `svg` at its own size and encodes it as PNG.
pub fn render_png(svg: &str) -> Result<Vec<u8>, ExportError> {
    encode_png(rasterise(svg, None, BANDS)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawing_in_bands_differs_from_one_pass_only_by_anti_aliasing_rounding() {
        // Shapes and text that cross the band edges (rows 33/34 and 66/67 of 100).
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="100">
            <rect width="100%" height="100%" fill="#fff"/>
            <circle cx="60" cy="34" r="20.5" fill="#0072b2" fill-opacity="0.7"/>
            <rect x="10.3" y="60.2" width="90" height="12.4" rx="3" fill="#d55e00"/>
            <text x="5" y="40" font-size="23">Belnet</text></svg>"##;
        let whole = rasterise(svg, None, 1).unwrap();
        for bands in [2, 3, 7] {
            let banded = rasterise(svg, None, bands).unwrap();
            let diffs: Vec<(usize, u8, u8)> = banded
                .data()
                .iter()
                .zip(whole.data())
                .enumerate()
                .filter(|(_, (a, b))| a != b)
                .map(|(i, (a, b))| (i / 4 / 120, *a, *b))
                .collect();
            // Edge pixels only: few, and by part of the anti-aliasing range (a misplaced band
            // would differ over whole shapes by up to 255).
            let worst = diffs
                .iter()
                .map(|&(_, a, b)| a.abs_diff(b))
                .max()
                .unwrap_or(0);
            assert!(
                diffs.len() < whole.data().len() / 100 && worst <= 64,
                "{bands} bands: {} bytes differ, worst by {worst}: {:?}",
                diffs.len(),
                &diffs[..diffs.len().min(12)]
            );
            assert_eq!(banded.data(), rasterise(svg, None, bands).unwrap().data());
        }
        assert!(
            whole
                .data()
                .chunks_exact(4)
                .any(|p| p[..3] != [255, 255, 255])
        );
    }

    #[test]
    fn an_opaque_image_is_encoded_as_rgb_and_decodes_to_the_same_pixels() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48">
            <rect width="100%" height="100%" fill="#f4f5f7"/>
            <circle cx="30" cy="20" r="11" fill="#009e73"/></svg>"##;
        let pixmap = rasterise(svg, None, 2).unwrap();
        let expected: Vec<u8> = pixmap
            .data()
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        let png = encode_png(pixmap).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((info.width, info.height), (64, 48));
        assert_eq!(info.color_type, png::ColorType::Rgb);
        assert_eq!(pixels, expected);
    }
}
