//! The colour values, as plain RGB, shared by the window (`ui/theme.rs` turns them into egui
//! colours) and the exports. The category palette is Okabe–Ito, distinguishable with colour-blindness.

use crate::model::Dataset;

/// Okabe–Ito without black (the text colour) and yellow (unreadable on white), then Paul Tol's
/// wine, so that eight categories get eight colours.
pub const PALETTE: [[u8; 3]; 8] = [
    [0x00, 0x72, 0xb2], // blue
    [0xd5, 0x5e, 0x00], // vermillion
    [0x00, 0x9e, 0x73], // bluish green
    [0xcc, 0x79, 0xa7], // reddish purple
    [0xe6, 0x9f, 0x00], // orange
    [0x56, 0xb4, 0xe9], // sky blue
    [0x99, 0x99, 0x99], // grey
    [0x88, 0x22, 0x55], // wine (Tol)
];

/// The same hues darkened to at least 4.5:1 contrast on white, for the high-contrast theme
/// (projectors wash out the light Okabe–Ito tones).
pub const PALETTE_HIGH_CONTRAST: [[u8; 3]; 8] = [
    [0x00, 0x5a, 0x8f], // blue
    [0xa8, 0x3f, 0x00], // vermillion
    [0x00, 0x6b, 0x4e], // bluish green
    [0x9c, 0x3d, 0x74], // reddish purple
    [0x8a, 0x5a, 0x00], // orange
    [0x1f, 0x6f, 0xa6], // sky blue
    [0x55, 0x55, 0x55], // grey
    [0x88, 0x22, 0x55], // wine
];

/// Colour for uncategorised events.
pub const UNCATEGORISED: [u8; 3] = [0x88, 0x88, 0x88];

/// RGB of a category in the light and dark themes: the file's colour, else the palette by position.
pub fn category_rgb(dataset: &Dataset, category: Option<usize>) -> [u8; 3] {
    category_rgb_in(Theme::Light, dataset, category)
}

/// RGB of a category in `theme` (see [`category_colors`]).
pub fn category_rgb_in(theme: Theme, dataset: &Dataset, category: Option<usize>) -> [u8; 3] {
    category
        .and_then(|index| category_colors(theme, dataset).get(index).copied())
        .unwrap_or_else(|| theme.colors().uncategorised)
}

/// The colour of every category of `dataset` in `theme`, distinct across merged files: a
/// category keeps the colour its file gives it; the others take, in order, the first colour not
/// yet used (nor too close to one used): the theme's eight base colours, then the same hues
/// darker, then lighter (colour-blind safe by lightness as well as hue), then the base colours
/// again. In the high-contrast theme every colour is then darkened to 4.5:1 on the lanes.
pub fn category_colors(theme: Theme, dataset: &Dataset) -> Vec<[u8; 3]> {
    let palette = theme.palette();
    let darker = palette.map(|c| c.map(|v| (f64::from(v) * 0.62).round() as u8));
    let lighter =
        palette.map(|c| c.map(|v| (f64::from(v) + (255.0 - f64::from(v)) * 0.5).round() as u8));
    let candidates: Vec<[u8; 3]> = palette
        .iter()
        .chain(&darker)
        .chain(&lighter)
        .copied()
        .filter(|&c| distance(c, theme.colors().uncategorised) >= CLOSE)
        .collect();
    let mut used: Vec<[u8; 3]> = dataset.categories.iter().filter_map(|c| c.color).collect();
    let mut out = Vec::with_capacity(dataset.categories.len());
    for (i, category) in dataset.categories.iter().enumerate() {
        let rgb = category.color.unwrap_or_else(|| {
            let free = candidates
                .iter()
                .copied()
                .find(|&c| used.iter().all(|&u| distance(c, u) >= CLOSE));
            let rgb = free.unwrap_or_else(|| {
                candidates
                    .get(i % candidates.len().max(1))
                    .copied()
                    .unwrap_or(UNCATEGORISED)
            });
            used.push(rgb);
            rgb
        });
        out.push(match theme {
            // A file's own colours are darkened too, keeping their hue, until they reach the
            // WCAG AA ratio on the lanes and under white labels.
            Theme::HighContrast => darkened_to_contrast(rgb, HIGH_CONTRAST.lane_odd, 4.5),
            Theme::Light | Theme::Dark => rgb,
        });
    }
    out
}

/// Two colours nearer than this ([`distance`]) count as the same colour.
const CLOSE: f64 = 60.0;

/// A perceptual distance between two sRGB colours (the "redmean" weighting: cheap, close to
/// CIE ΔE for telling colours apart).
pub fn distance(a: [u8; 3], b: [u8; 3]) -> f64 {
    let mean_red = f64::midpoint(f64::from(a[0]), f64::from(b[0]));
    let [dr, dg, db] = [0, 1, 2].map(|i| f64::from(a[i]) - f64::from(b[i]));
    ((2.0 + mean_red / 256.0) * dr * dr
        + 4.0 * dg * dg
        + (2.0 + (255.0 - mean_red) / 256.0) * db * db)
        .sqrt()
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `rgb` scaled towards black, in steps of 2 %, until its contrast with `background` is at least
/// `ratio` (a light background).
pub fn darkened_to_contrast(rgb: [u8; 3], background: [u8; 3], ratio: f64) -> [u8; 3] {
    let mut factor = 1.0;
    let mut out = rgb;
    while contrast(out, background) < ratio && factor > 0.0 {
        factor -= 0.02;
        out = rgb.map(|c| (f64::from(c) * factor).round().clamp(0.0, 255.0) as u8);
    }
    out
}

/// `rgb` mixed towards white, in steps of 2 %, until its contrast with `background` is at least
/// `ratio` (a dark background).
pub fn lightened_to_contrast(rgb: [u8; 3], background: [u8; 3], ratio: f64) -> [u8; 3] {
    let mut mix = 0.0;
    let mut out = rgb;
    while contrast(out, background) < ratio && mix < 1.0 {
        mix += 0.02;
        out = rgb.map(|c| {
            (f64::from(c) + (255.0 - f64::from(c)) * mix)
                .round()
                .clamp(0.0, 255.0) as u8
        });
    }
    out
}

/// The three themes, shared by the window and exports.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Dark text on white (print).
    #[default]
    Light,
    /// Light text on near-black.
    Dark,
    /// Black on white with darker category colours and stronger lines, for projectors.
    HighContrast,
}

impl Theme {
    /// All themes, in menu order.
    pub const ALL: [Self; 3] = [Self::Light, Self::Dark, Self::HighContrast];

    /// The timeline colours.
    pub fn colors(self) -> TimelineRgb {
        match self {
            Self::Light => LIGHT,
            Self::Dark => DARK,
            Self::HighContrast => HIGH_CONTRAST,
        }
    }

    /// The category palette.
    pub fn palette(self) -> &'static [[u8; 3]; 8] {
        match self {
            Self::Light | Self::Dark => &PALETTE,
            Self::HighContrast => &PALETTE_HIGH_CONTRAST,
        }
    }

    /// Whether text is light on dark.
    pub fn is_dark(self) -> bool {
        self == Self::Dark
    }

    /// The name users type (`--theme`) and see.
    pub fn name(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::HighContrast => "high-contrast",
        }
    }

    /// The theme called `name` (as [`Theme::name`] gives it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The timeline's colours for one theme, as RGB.
#[derive(Clone, Copy, Debug, PartialEq)]
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
    /// Alpha of the faint wash a period lays over the lanes.
    pub period_alpha: u8,
    /// Alpha of a period's bar in the strip at the top, where its name is.
    pub period_strip_alpha: u8,
    /// Alpha of partial-date bars.
    pub partial_alpha: u8,
    /// Uncategorised events.
    pub uncategorised: [u8; 3],
    /// Width of grid lines and outlines, in points.
    pub line_width: f64,
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
    period_alpha: 12,
    period_strip_alpha: 60,
    partial_alpha: 70,
    uncategorised: UNCATEGORISED,
    line_width: 1.0,
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
    period_alpha: 16,
    period_strip_alpha: 90,
    partial_alpha: 110,
    uncategorised: UNCATEGORISED,
    line_width: 1.0,
};

/// High-contrast theme: black text, darker lines, stronger bands.
pub const HIGH_CONTRAST: TimelineRgb = TimelineRgb {
    background: [0xff, 0xff, 0xff],
    lane_even: [0xff, 0xff, 0xff],
    lane_odd: [0xeb, 0xeb, 0xeb],
    lane_text: [0x00, 0x00, 0x00],
    label: [0x00, 0x00, 0x00],
    label_on_bar: [0xff, 0xff, 0xff],
    selection: [0x00, 0x00, 0x00],
    cluster: [0x00, 0x00, 0x00],
    grid: [0x8c, 0x8c, 0x8c],
    period_alpha: 14,
    period_strip_alpha: 90,
    partial_alpha: 110,
    uncategorised: [0x4d, 0x4d, 0x4d],
    line_width: 1.5,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_files_keep_their_category_colours_apart() {
        // Belgium declares six Okabe–Ito colours; a second file brings twelve categories of its
        // own without colours (as STIX, MISP or Timesketch files do).
        let belgium = crate::io::load_embedded().unwrap().part;
        let other = crate::model::DatasetPart {
            info: crate::model::FileInfo {
                path: "other.json".into(),
                format: crate::model::Format::Stix,
                title: None,
                description: None,
                translations: Vec::new(),
            },
            categories: (0..12)
                .map(|i| crate::model::Category {
                    id: format!("kind-{i}"),
                    label: format!("Kind {i}"),
                    color: None,
                    translations: Vec::new(),
                })
                .collect(),
            periods: vec![],
            events: Vec::new().into(),
        };
        let dataset = Dataset::from_parts(vec![belgium, other]);
        assert!(dataset.categories.len() >= 18);
        for theme in [Theme::Light, Theme::Dark] {
            let colors = category_colors(theme, &dataset);
            // The file's own colours stay.
            for (category, rgb) in dataset.categories.iter().zip(&colors) {
                if let Some(own) = category.color {
                    assert_eq!(own, *rgb);
                }
            }
            for (i, a) in colors.iter().enumerate() {
                assert!(
                    distance(*a, theme.colors().uncategorised) >= CLOSE,
                    "{i} looks uncategorised"
                );
                for (j, b) in colors.iter().enumerate().skip(i + 1) {
                    assert!(
                        distance(*a, *b) >= CLOSE,
                        "categories {i} and {j} share a colour: {a:?} {b:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn high_contrast_colours_reach_wcag_aa_on_their_lanes() {
        let colors = Theme::HighContrast.colors();
        for rgb in Theme::HighContrast.palette() {
            for lane in [colors.lane_even, colors.lane_odd] {
                assert!(contrast(*rgb, lane) >= 4.5, "{rgb:?} on {lane:?}");
            }
            // White labels sit on these bars.
            assert!(contrast(*rgb, colors.label_on_bar) >= 4.5, "{rgb:?}");
        }
        assert!(contrast(colors.label, colors.lane_odd) >= 15.0);
        // The ordinary palette is lighter: the reason the high-contrast one exists.
        assert!(
            PALETTE
                .iter()
                .any(|&rgb| contrast(rgb, LIGHT.lane_even) < 3.0)
        );
    }

    #[test]
    fn a_files_own_light_colours_are_darkened_in_high_contrast_keeping_their_hue() {
        let sky = [0x56, 0xb4, 0xe9];
        let dark = darkened_to_contrast(sky, HIGH_CONTRAST.lane_odd, 4.5);
        assert!(contrast(dark, HIGH_CONTRAST.lane_odd) >= 4.5);
        assert!(contrast(darkened_to_contrast(sky, HIGH_CONTRAST.lane_odd, 4.5), sky) > 1.5);
        // Same hue: the channels keep their order and rough proportions.
        assert!(dark[2] > dark[1] && dark[1] > dark[0]);
        // Already dark enough: unchanged.
        assert_eq!(
            darkened_to_contrast([0, 0x5a, 0x8f], [255; 3], 4.5),
            [0, 0x5a, 0x8f]
        );
    }

    #[test]
    fn theme_names_round_trip() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_name(theme.name()), Some(theme));
        }
        assert_eq!(Theme::from_name("neon"), None);
    }
}
