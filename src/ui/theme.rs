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

/// egui's visuals for `theme`: its light or dark visuals, and for high contrast black text,
/// darker widget outlines, error and warning text at 4.5:1, and a keyboard focus ring twice as
/// thick as an outline (egui draws a focused button with `active` and a focused text field with
/// the selection stroke, which is also the text colour on the selection: black on light blue).
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
            visuals.widgets.active.bg_stroke = Stroke::new(3.0, Color32::BLACK);
            visuals.selection.bg_fill = Color32::from_rgb(0xa8, 0xd5, 0xff);
            visuals.selection.stroke = Stroke::new(3.0, Color32::BLACK);
            visuals.hyperlink_color = Color32::from_rgb(0x00, 0x3d, 0x99);
            visuals.error_fg_color = Color32::from_rgb(0xb0, 0x1e, 0x1e);
            visuals.warn_fg_color = Color32::from_rgb(0x8a, 0x4b, 0x00);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::palette::contrast;

    /// `fg` (premultiplied, maybe translucent) painted over the opaque `bg`.
    fn over(fg: Color32, bg: impl Into<Opaque>) -> [u8; 3] {
        let Opaque(bg) = bg.into();
        let a = 1.0 - f32::from(fg.a()) / 255.0;
        let mix = |f: u8, b: u8| (f32::from(f) + f32::from(b) * a).round().min(255.0) as u8;
        [mix(fg.r(), bg[0]), mix(fg.g(), bg[1]), mix(fg.b(), bg[2])]
    }

    /// An opaque background colour.
    struct Opaque([u8; 3]);

    impl From<Color32> for Opaque {
        fn from(c: Color32) -> Self {
            Self([c.r(), c.g(), c.b()])
        }
    }

    impl From<[u8; 3]> for Opaque {
        fn from(c: [u8; 3]) -> Self {
            Self(c)
        }
    }

    fn rgb(c: Color32) -> [u8; 3] {
        [c.r(), c.g(), c.b()]
    }

    #[test]
    fn high_contrast_text_keeps_4_5_to_1_on_every_background_it_is_drawn_on() {
        let v = visuals(Theme::HighContrast);
        let backgrounds = [
            ("panel", rgb(v.panel_fill)),
            ("window", rgb(v.window_fill)),
            ("text field", rgb(v.text_edit_bg_color())),
            ("tag chip", over(v.faint_bg_color, v.panel_fill)),
        ];
        let texts = [
            ("text", v.text_color()),
            ("weak text", v.weak_text_color()),
            ("strong text", v.strong_text_color()),
            ("link", v.hyperlink_color),
            ("error", v.error_fg_color),
            ("warning", v.warn_fg_color),
            (
                "problem: error",
                problem_color(crate::app::ProblemLevel::Error, v.dark_mode),
            ),
            (
                "problem: skipped",
                problem_color(crate::app::ProblemLevel::Skipped, v.dark_mode),
            ),
            (
                "problem: warning",
                problem_color(crate::app::ProblemLevel::Warning, v.dark_mode),
            ),
        ];
        for (bg_name, bg) in backgrounds {
            for (text_name, text) in texts {
                let ratio = contrast(over(text, bg), bg);
                assert!(ratio >= 4.5, "{text_name} on {bg_name}: {ratio:.2}:1");
            }
        }
        // Text on buttons in every state, and selected text on the selection.
        for (state, w) in [
            ("inactive", v.widgets.inactive),
            ("hovered", v.widgets.hovered),
            ("active", v.widgets.active),
        ] {
            for fill in [w.bg_fill, w.weak_bg_fill] {
                let fill = over(fill, v.panel_fill);
                let ratio = contrast(over(w.fg_stroke.color, v.panel_fill), fill);
                assert!(ratio >= 4.5, "{state} button text: {ratio:.2}:1");
            }
        }
        let selected = contrast(
            rgb(v.selection.stroke.color),
            over(v.selection.bg_fill, v.panel_fill),
        );
        assert!(selected >= 4.5, "selected text: {selected:.2}:1");
    }

    #[test]
    fn keyboard_focus_is_visible_in_every_theme() {
        for theme in Theme::ALL {
            let v = visuals(theme);
            // A focused button draws egui's `active` outline; a focused text field the selection
            // stroke. Each must be a real line with 3:1 against what is around it (WCAG 1.4.11),
            // and differ from the unfocused outline (more than a hair wider, or another colour).
            let rings = [
                (
                    "button",
                    v.widgets.active.bg_stroke,
                    v.widgets.inactive.bg_stroke,
                ),
                (
                    "text field",
                    v.selection.stroke,
                    v.widgets.inactive.bg_stroke,
                ),
            ];
            for (what, focused, unfocused) in rings {
                assert!(focused.width >= 1.0, "{theme:?} {what}: {focused:?}");
                for (bg_name, bg) in [("panel", v.panel_fill), ("field", v.text_edit_bg_color())] {
                    let ratio = contrast(over(focused.color, bg), rgb(bg));
                    assert!(
                        ratio >= 3.0,
                        "{theme:?} focused {what} on {bg_name}: {ratio:.2}:1"
                    );
                }
                let wider = focused.width >= unfocused.width + 1.0;
                let other_colour = unfocused.width == 0.0
                    || contrast(
                        over(focused.color, v.panel_fill),
                        over(unfocused.color, v.panel_fill),
                    ) >= 3.0;
                assert!(
                    wider || other_colour,
                    "{theme:?} focused {what} {focused:?} looks like unfocused {unfocused:?}"
                );
            }
        }
    }
}
