//! An exported page as a draw list: the title, the legend, the timeline area (drawn by
//! [`crate::timeline::paint`], exactly as in the window), the axis with its zone, and the footer.
//! Pure layout: `svg.rs` writes the primitives out.

use super::font::TextMeasure;
use crate::model::Dataset;
use crate::palette::Theme;
use crate::timeline::paint::{self, Align, Emphasis, Look, Prim, Rect, Rgba, TYPE, Text};
use crate::timeline::scene::{self, SceneExtras, SceneInput, SceneStyle};
use crate::timeline::{LaneLayout, TimeView};

/// What to export and how.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    /// Image width in pixels (SVG user units).
    pub width_px: u32,
    /// Image height in pixels.
    pub height_px: u32,
    /// The time range.
    pub view: TimeView,
    /// Theme.
    pub theme: Theme,
    /// Optional title at the top.
    pub title: Option<String>,
    /// Whether to show the categories drawn, with their colours, above the timeline.
    pub legend: bool,
    /// Whether to name the data files in a footer.
    pub footer: bool,
    /// Axis breaks and link arrows, as in the window.
    pub extras: SceneExtras,
}

const AXIS_HEIGHT: f64 = 26.0;
const MARGIN: f64 = 16.0;
const LEGEND_HEIGHT: f64 = 24.0;

/// A laid-out page.
pub struct Page {
    /// Its primitives, in layout units from the page's top-left, in drawing order.
    pub prims: Vec<Prim>,
    /// The page's background.
    pub background: Rgba,
    /// The scene drawn in the timeline area.
    pub scene: scene::Scene,
    /// Top-left of the timeline area, in layout units.
    pub origin: (f64, f64),
    /// Pixels per layout unit (1 up to 1920×1080, 2 at 3840×2160).
    pub scale: f64,
}

/// One line of swatches and names for the lanes drawn; what does not fit ends in "+N more".
fn legend(
    out: &mut Vec<Prim>,
    layout: &LaneLayout,
    look: &Look<'_>,
    (x0, y0): (f64, f64),
    width: f64,
    measure: &TextMeasure,
) {
    let size = TYPE.legend;
    let mut x = x0;
    let middle = y0 + 11.5;
    for (i, lane) in layout.lanes.iter().enumerate() {
        let text_width = measure.width(&lane.label, size);
        let more = format!("+{} more", layout.lanes.len() - i);
        if x + 16.0 + text_width + measure.width(&more, size) + 18.0 > x0 + width
            && i + 1 < layout.lanes.len()
        {
            out.push(look.small_text(more, (x, middle), size, Align::Left));
            return;
        }
        out.push(Prim::Rect(Rect {
            min: (x, y0 + 6.0),
            max: (x + 11.0, y0 + 17.0),
            corner: 2.0,
            fill: Some(look.category(lane.category)),
            stroke: None,
        }));
        out.push(Prim::Text(Text {
            at: (x + 16.0, middle),
            text: lane.label.clone(),
            size,
            align: Align::Left,
            color: Rgba::opaque(look.colors.label),
        }));
        x += 16.0 + text_width + 18.0;
    }
}

/// Lays out the dataset in `options.view` on a page of the asked size.
pub fn page(dataset: &Dataset, layout: &LaneLayout, options: &ExportOptions) -> Page {
    let look = Look::new(options.theme, dataset);
    let colors = look.colors;
    let measure = TextMeasure::default();
    let measure_label = |text: &str| measure.width(text, TYPE.label);
    // Large images are laid out as 1920×1080 at a higher scale, so 4K is as readable as 1080p.
    let (pixel_width, pixel_height) = (
        f64::from(options.width_px.max(1)),
        f64::from(options.height_px.max(1)),
    );
    let scale = (pixel_width / 1920.0).min(pixel_height / 1080.0).max(1.0);
    let (width, height) = (pixel_width / scale, pixel_height / scale);
    let title_height = if options.title.is_some() { 40.0 } else { 0.0 };
    let footer_height = if options.footer { 22.0 } else { 0.0 };
    let legend_height = if options.legend { LEGEND_HEIGHT } else { 0.0 };
    let (area_x, area_y) = (MARGIN, MARGIN + title_height + legend_height);
    // The zone note sits right of the axis, in room of its own, so no tick label runs into it.
    let zone_note = options.extras.zone.name_at(options.view.center_secs());
    let zone_width = measure.width(&zone_note, TYPE.caption) + 8.0;
    let area_width = (width - 2.0 * MARGIN - zone_width).max(1.0);
    let room = (height - area_y - AXIS_HEIGHT - footer_height - MARGIN).max(1.0);
    let mut scene = scene::build(&SceneInput {
        dataset,
        layout,
        view: options.view,
        size: (area_width, room),
        // Rows may grow to fill the page, up to twice the window's.
        style: SceneStyle {
            row_height: 48.0,
            ..SceneStyle::default()
        },
        measure: &measure_label,
        extras: &options.extras,
    });
    // The axis follows the last lane rather than the bottom of the page, so a sparse timeline
    // is not cut off from its dates by empty lanes; the footer stays at the bottom.
    let used = scene.lanes.last().map_or(room, |lane| lane.y1 + 6.0);
    let area_height = used.clamp(1.0, room);
    scene.size.1 = area_height;

    let mut out = Vec::new();
    if let Some(title) = &options.title {
        out.push(Prim::Text(Text {
            at: (MARGIN, MARGIN + 24.0 - 0.35 * TYPE.title),
            text: title.clone(),
            size: TYPE.title,
            align: Align::Left,
            color: Rgba::opaque(colors.label),
        }));
    }
    if options.legend {
        legend(
            &mut out,
            layout,
            &look,
            (MARGIN, MARGIN + title_height),
            width - 2.0 * MARGIN,
            &measure,
        );
    }
    let area = paint::timeline(&scene, &look, &Emphasis::default());
    out.extend(area.into_iter().map(|p| p.translated((area_x, area_y))));
    // Whatever reaches past the sides of the area (a label, a span begun before the view) is
    // covered by the margins, painted over it. A clip-path would do the same but makes resvg
    // draw the whole area into an extra layer and mask it: a third of the rasterising time.
    let background = Rgba::opaque(colors.background);
    for (x0, x1) in [(-1.0, area_x), (area_x + area_width, width + 1.0)] {
        out.push(Prim::Rect(Rect {
            min: (x0, area_y - 1.0),
            max: (x1, area_y + area_height + 1.0),
            corner: 0.0,
            fill: Some(background),
            stroke: None,
        }));
    }
    // The axis, under the area: tick labels centred on their ticks, and the zone.
    let axis_y = area_y + area_height + 17.0 - 0.35 * TYPE.label;
    for tick in &scene.ticks {
        out.push(look.small_text(
            tick.tick.label.clone(),
            (area_x + tick.x, axis_y),
            TYPE.label,
            Align::Center,
        ));
    }
    out.push(look.small_text(
        zone_note,
        (width - MARGIN, axis_y),
        TYPE.caption,
        Align::Right,
    ));
    if options.footer {
        let files: Vec<&str> = dataset
            .files
            .iter()
            .map(|f| f.path.rsplit('/').next().unwrap_or(&f.path))
            .collect();
        out.push(look.small_text(
            format!("Data: {}", files.join(", ")),
            (MARGIN, height - MARGIN + 4.0 - 0.35 * TYPE.caption),
            TYPE.caption,
            Align::Left,
        ));
    }
    Page {
        prims: out,
        background,
        scene,
        origin: (area_x, area_y),
        scale,
    }
}
