//! The font exports use: the same bytes as the window's proportional font (egui's Ubuntu Light),
//! and text measurement from its advance widths, so labels are placed as in the window.

/// The font file.
pub const FONT_BYTES: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// Its family name, for SVG `font-family`.
pub const FONT_FAMILY: &str = "Ubuntu";

/// Measures text in the export font.
pub struct TextMeasure {
    face: Option<ttf_parser::Face<'static>>,
}

impl Default for TextMeasure {
    fn default() -> Self {
        Self {
            face: ttf_parser::Face::parse(FONT_BYTES, 0).ok(),
        }
    }
}

impl TextMeasure {
    /// Width of `text` at `size` (pixels per em). Missing glyphs count as half an em.
    pub fn width(&self, text: &str, size: f64) -> f64 {
        let Some(face) = &self.face else {
            return text.chars().count() as f64 * size * 0.55;
        };
        let units = f64::from(face.units_per_em().max(1));
        let advance: f64 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(units / 2.0, f64::from)
            })
            .sum();
        advance / units * size
    }
}

#[cfg(test)]
mod tests {
    use super::TextMeasure;

    #[test]
    fn wider_text_measures_wider_and_scales_with_size() {
        let measure = TextMeasure::default();
        let narrow = measure.width("iii", 13.0);
        let wide = measure.width("WWW", 13.0);
        assert!(narrow > 0.0 && wide > narrow * 2.0, "{narrow} {wide}");
        assert!((measure.width("Belnet", 26.0) - 2.0 * measure.width("Belnet", 13.0)).abs() < 1e-9);
    }
}
