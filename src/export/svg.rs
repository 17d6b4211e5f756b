//! Scene → SVG text: the same layout the window draws, at any size, with a title, the time axis
//! (zone noted) and a footer naming the files. Deterministic: the same input gives the same bytes.

use std::fmt::Write as _;

use super::font::{FONT_FAMILY, TextMeasure};
use crate::model::Dataset;
use crate::palette::{self, Theme, TimelineRgb};
use crate::timeline::scene::{self, MarkShape, SceneInput, SceneStyle};
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
    pub extras: scene::SceneExtras,
}

const LABEL_SIZE: f64 = 13.0;
const AXIS_HEIGHT: f64 = 26.0;
const MARGIN: f64 = 16.0;
const LEGEND_HEIGHT: f64 = 24.0;

/// One line of swatches and names for the lanes drawn; what does not fit ends in "+N more".
fn legend(
    svg: &mut String,
    layout: &LaneLayout,
    category_rgb: &dyn Fn(Option<usize>) -> [u8; 3],
    colors: &TimelineRgb,
    (x0, y0): (f64, f64),
    width: f64,
    measure: &TextMeasure,
) {
    const SIZE: f64 = 12.0;
    let mut x = x0;
    let y = y0 + 6.0;
    for (i, lane) in layout.lanes.iter().enumerate() {
        let text_width = measure.width(&lane.label, SIZE);
        let more = format!("+{} more", layout.lanes.len() - i);
        if x + 16.0 + text_width + measure.width(&more, SIZE) + 18.0 > x0 + width
            && i + 1 < layout.lanes.len()
        {
            let _ = writeln!(
                svg,
                r#"<text x="{x:.2}" y="{:.2}" font-size="{SIZE}" fill="{}">{}</text>"#,
                y + 10.0,
                rgb(colors.lane_text),
                escape(&more)
            );
            return;
        }
        let _ = writeln!(
            svg,
            r#"<rect x="{x:.2}" y="{y:.2}" width="11" height="11" rx="2" fill="{}"/><text x="{:.2}" y="{:.2}" font-size="{SIZE}" fill="{}">{}</text>"#,
            rgb(category_rgb(lane.category)),
            x + 16.0,
            y + 10.0,
            rgb(colors.label),
            escape(&lane.label)
        );
        x += 16.0 + text_width + 18.0;
    }
}

fn rgb([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() || crate::model::text::is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// An exported picture and the layout it drew (for tests and hit maps).
pub struct Rendered {
    /// The SVG document.
    pub svg: String,
    /// The scene drawn in the timeline area.
    pub scene: scene::Scene,
    /// Top-left of the timeline area, in layout units (multiply by `scale` for pixels).
    pub origin: (f64, f64),
    /// Pixels per layout unit (1 up to 1920×1080, 2 at 3840×2160).
    pub scale: f64,
}

/// Collapsed stretches, joins between copies, second dates (hollow diamonds) and link arrows,
/// as the window draws them.
fn relations(
    svg: &mut String,
    scene: &scene::Scene,
    dataset: &Dataset,
    category_rgb: &dyn Fn(Option<usize>) -> [u8; 3],
    colors: &TimelineRgb,
    area_height: f64,
) {
    let top = scene.period_strip;
    for gap in &scene.breaks {
        let zigzag = |x: f64| {
            let mut d = format!("M{:.2} {top:.2}", x - 2.5);
            let mut y = top;
            let mut left = false;
            while y < area_height {
                y += 6.0;
                let _ = write!(d, " L{:.2} {y:.2}", if left { x - 2.5 } else { x + 2.5 });
                left = !left;
            }
            d
        };
        let _ = writeln!(
            svg,
            r#"<rect x="{x0:.2}" y="{top:.2}" width="{w:.2}" height="{h:.2}" fill="{fill}"/><path d="{a} {b}" fill="none" stroke="{stroke}" stroke-width="1.2"/><text x="{mid:.2}" y="{ty:.2}" font-size="10.5" text-anchor="middle" fill="{stroke}">{label}</text>"#,
            x0 = gap.x0,
            w = gap.x1 - gap.x0,
            h = (area_height - top).max(0.0),
            fill = rgb(colors.lane_odd),
            a = zigzag(gap.x0),
            b = zigzag(gap.x1),
            stroke = rgb(colors.lane_text),
            mid = f64::midpoint(gap.x0, gap.x1),
            ty = area_height - 6.0,
            label = escape(&gap.label),
        );
    }
    for join in &scene.joins {
        let _ = writeln!(
            svg,
            r#"<line x1="{x:.2}" y1="{:.2}" x2="{x:.2}" y2="{:.2}" stroke="{}" stroke-opacity="0.55" stroke-dasharray="3 3"/>"#,
            join.y0,
            join.y1,
            rgb(colors.lane_text),
            x = join.x
        );
    }
    for link in &scene.date_links {
        let color = rgb(category_rgb(dataset.category_index(link.event)));
        let (x, y) = (link.x_other, link.y);
        let _ = writeln!(
            svg,
            r#"<line x1="{:.2}" y1="{y:.2}" x2="{x:.2}" y2="{y:.2}" stroke="{color}" stroke-width="1.2" stroke-dasharray="4 3"/><path d="M{x:.2} {:.2}L{:.2} {y:.2}L{x:.2} {:.2}L{:.2} {y:.2}Z" fill="{}" stroke="{color}" stroke-width="1.5"/>"#,
            link.x_mark,
            y - 5.0,
            x + 5.0,
            y + 5.0,
            x - 5.0,
            rgb(colors.lane_even),
        );
    }
    for arrow in &scene.arrows {
        let ((x0, y0), (x1, y1)) = (arrow.start, arrow.end);
        let lift = if (y1 - y0).abs() < 1.0 { -14.0 } else { 0.0 };
        let (cx, cy) = (f64::midpoint(x0, x1), f64::midpoint(y0, y1) + lift);
        let (dx, dy) = (x1 - cx, y1 - cy);
        let length = dx.hypot(dy);
        let _ = writeln!(
            svg,
            r#"<path d="M{x0:.2} {y0:.2}Q{cx:.2} {cy:.2} {x1:.2} {y1:.2}" fill="none" stroke="{}" stroke-opacity="0.6" stroke-width="1.2"/>"#,
            rgb(colors.label)
        );
        if length > 0.0 {
            let (ux, uy) = (dx / length, dy / length);
            let (tx, ty) = (x1 - ux * 6.0, y1 - uy * 6.0);
            let _ = writeln!(
                svg,
                r#"<path d="M{:.2} {:.2}L{:.2} {:.2}L{:.2} {:.2}Z" fill="{}" fill-opacity="0.6"/>"#,
                x1 - ux,
                y1 - uy,
                tx - uy * 3.5,
                ty + ux * 3.5,
                tx + uy * 3.5,
                ty - ux * 3.5,
                rgb(colors.label)
            );
        }
    }
}

/// Renders the dataset in `view` as an SVG document.
pub fn render_svg(dataset: &Dataset, layout: &LaneLayout, options: &ExportOptions) -> Rendered {
    let theme = options.theme;
    let colors: TimelineRgb = theme.colors();
    let category_rgb = |category: Option<usize>| palette::category_rgb_in(theme, dataset, category);
    let measure = TextMeasure::default();
    let measure_label = |text: &str| measure.width(text, LABEL_SIZE);
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
    let area_x = MARGIN;
    let area_y = MARGIN + title_height + legend_height;
    // The zone note sits right of the axis, in room of its own, so no tick label runs into it.
    let zone_note = options.extras.zone.name_at(options.view.center_secs());
    let zone_width = measure.width(&zone_note, 11.0) + 8.0;
    let area_width = (width - 2.0 * MARGIN - zone_width).max(1.0);
    let room = (height - area_y - AXIS_HEIGHT - footer_height - MARGIN).max(1.0);
    let scene = scene::build(&SceneInput {
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

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" font-size="{LABEL_SIZE}">"#,
        w = options.width_px,
        h = options.height_px
    );
    let _ = writeln!(
        svg,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        rgb(colors.background)
    );
    let _ = writeln!(svg, r#"<g transform="scale({scale})">"#);
    if let Some(title) = &options.title {
        let _ = writeln!(
            svg,
            r#"<text x="{MARGIN}" y="{:.1}" font-size="22" fill="{}">{}</text>"#,
            MARGIN + 24.0,
            rgb(colors.label),
            escape(title)
        );
    }
    if options.legend {
        legend(
            &mut svg,
            layout,
            &category_rgb,
            &colors,
            (MARGIN, MARGIN + title_height),
            width - 2.0 * MARGIN,
            &measure,
        );
    }
    let _ = writeln!(svg, r#"<g transform="translate({area_x:.1} {area_y:.1})">"#);
    for (i, lane) in scene.lanes.iter().enumerate() {
        let fill = if i % 2 == 0 {
            colors.lane_even
        } else {
            colors.lane_odd
        };
        let _ = writeln!(
            svg,
            r#"<rect x="0" y="{:.2}" width="{area_width:.2}" height="{:.2}" fill="{}"/>"#,
            lane.y0,
            lane.y1 - lane.y0,
            rgb(fill)
        );
    }
    for period in &scene.periods {
        let color = rgb(category_rgb(period.category));
        let opacity = f64::from(colors.period_alpha) / 255.0;
        let strip_opacity = f64::from(colors.period_strip_alpha) / 255.0;
        let _ = writeln!(
            svg,
            r#"<rect x="{x0:.2}" y="0" width="{w:.2}" height="{area_height:.2}" fill="{color}" fill-opacity="{opacity:.3}"/><rect x="{x0:.2}" y="1" width="{w:.2}" height="{:.2}" rx="2" fill="{color}" fill-opacity="{strip_opacity:.3}"/><path d="M{x0:.2} 0V{area_height:.2}M{x1:.2} 0V{area_height:.2}" stroke="{color}" stroke-opacity="0.43"/>"#,
            (scene.period_strip - 3.0).max(0.0),
            x0 = period.x0,
            x1 = period.x1,
            w = period.x1 - period.x0
        );
        if let Some(x) = period.label_x {
            let _ = writeln!(
                svg,
                r#"<text x="{x:.2}" y="{:.2}" font-size="12" fill="{}">{}</text>"#,
                scene.period_strip / 2.0 + 4.0,
                rgb(colors.label),
                escape(&period.label)
            );
        }
    }
    for tick in &scene.ticks {
        let width = if tick.tick.major { 1.5 } else { 1.0 } * colors.line_width;
        let _ = writeln!(
            svg,
            r#"<line x1="{x:.2}" y1="{:.2}" x2="{x:.2}" y2="{area_height:.2}" stroke="{}" stroke-width="{width}"/>"#,
            scene.period_strip,
            rgb(colors.grid),
            x = tick.x
        );
    }
    for lane in &scene.lanes {
        let _ = writeln!(
            svg,
            r#"<text x="6" y="{:.2}" font-size="11.5" fill="{}">{}</text>"#,
            lane.y0 + 13.0,
            rgb(colors.lane_text),
            escape(&lane.label)
        );
    }
    relations(
        &mut svg,
        &scene,
        dataset,
        &category_rgb,
        &colors,
        area_height,
    );
    let style = SceneStyle::default();
    let bar_half = style.bar_height.min(scene.row_height - 4.0) / 2.0;
    for mark in &scene.marks {
        let color = rgb(category_rgb(mark.category));
        let opacity = 1.0;
        match mark.shape {
            MarkShape::Point => {
                let _ = writeln!(
                    svg,
                    r#"<circle cx="{:.2}" cy="{:.2}" r="{}" fill="{color}" fill-opacity="{opacity}"/>"#,
                    mark.x0, mark.y, style.marker_radius
                );
                if mark.circa {
                    // A ring, not a paler colour: an uncertain date keeps its category's hue.
                    let _ = writeln!(
                        svg,
                        r#"<circle cx="{:.2}" cy="{:.2}" r="{}" fill="{}"/>"#,
                        mark.x0,
                        mark.y,
                        style.marker_radius - 2.5,
                        rgb(colors.lane_even)
                    );
                }
            }
            MarkShape::Span => {
                let _ = writeln!(
                    svg,
                    r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="3" fill="{color}" fill-opacity="{opacity}"/>"#,
                    mark.x0,
                    mark.y - bar_half,
                    mark.x1 - mark.x0,
                    2.0 * bar_half
                );
            }
            MarkShape::Partial => {
                let alpha = f64::from(colors.partial_alpha) / 255.0;
                let _ = writeln!(
                    svg,
                    r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="3" fill="{color}" fill-opacity="{alpha:.3}" stroke="{color}"/>"#,
                    mark.x0,
                    mark.y - bar_half,
                    mark.x1 - mark.x0,
                    2.0 * bar_half
                );
            }
        }
    }
    for density in &scene.densities {
        let color = rgb(category_rgb(density.category));
        let max = f64::from(density.max_count.max(1));
        for (i, &count) in density.counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let opacity = (30.0 + 225.0 * (f64::from(count) / max).sqrt()) / 255.0;
            let _ = writeln!(
                svg,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="{color}" fill-opacity="{opacity:.3}"/>"#,
                i as f64 * density.bin_width,
                density.y0 + 1.0,
                density.bin_width,
                density.y1 - density.y0 - 2.0
            );
        }
        let _ = writeln!(
            svg,
            r#"<text x="{:.2}" y="{:.2}" text-anchor="end" font-size="11" fill="{}">{} events start in view, shaded by density</text>"#,
            area_width - 6.0,
            density.y0 - 5.0,
            rgb(colors.lane_text),
            crate::model::text::thousands(density.total)
        );
    }
    for cluster in &scene.clusters {
        let color = rgb(category_rgb(cluster.category));
        let r = style.marker_radius + 1.0;
        let _ = writeln!(
            svg,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="6" fill="{color}" stroke="{}" stroke-width="{}"/>"#,
            cluster.x0 - r,
            cluster.y - r,
            cluster.x1 - cluster.x0 + 2.0 * r,
            2.0 * r,
            rgb(colors.cluster),
            colors.line_width
        );
    }
    for label in &scene.labels {
        let fill = if label.on_solid_bar {
            colors.label_on_bar
        } else {
            colors.label
        };
        let _ = writeln!(
            svg,
            r#"<text x="{:.2}" y="{:.2}" fill="{}">{}</text>"#,
            label.x,
            label.y + LABEL_SIZE * 0.35,
            rgb(fill),
            escape(&label.text)
        );
    }
    // Whatever reaches past the sides of the area (a label, a span begun before the view) is
    // covered by the margins, painted over it. A clip-path would do the same but makes resvg
    // draw the whole area into an extra layer and mask it: a third of the rasterising time.
    let _ = writeln!(
        svg,
        r#"<rect x="{:.1}" y="-1" width="{:.1}" height="{:.1}" fill="{bg}"/><rect x="{area_width:.1}" y="-1" width="{:.1}" height="{:.1}" fill="{bg}"/>"#,
        -area_x - 1.0,
        area_x + 1.0,
        area_height + 2.0,
        width - area_x - area_width + 1.0,
        area_height + 2.0,
        bg = rgb(colors.background)
    );
    svg.push_str("</g>\n");
    // The axis, under the area: tick labels centred on their ticks, and the zone.
    let axis_y = area_y + area_height + 17.0;
    for tick in &scene.ticks {
        let _ = writeln!(
            svg,
            r#"<text x="{:.2}" y="{axis_y:.2}" text-anchor="middle" fill="{}">{}</text>"#,
            area_x + tick.x,
            rgb(colors.lane_text),
            escape(&tick.tick.label)
        );
    }
    let _ = writeln!(
        svg,
        r#"<text x="{:.2}" y="{axis_y:.2}" text-anchor="end" font-size="11" fill="{}">{}</text>"#,
        width - MARGIN,
        rgb(colors.lane_text),
        escape(&zone_note)
    );
    if options.footer {
        let files: Vec<&str> = dataset
            .files
            .iter()
            .map(|f| f.path.rsplit('/').next().unwrap_or(&f.path))
            .collect();
        let text = format!("Data: {}", files.join(", "));
        let _ = writeln!(
            svg,
            r#"<text x="{MARGIN}" y="{:.2}" font-size="11" fill="{}">{}</text>"#,
            height - MARGIN + 4.0,
            rgb(colors.lane_text),
            escape(&text)
        );
    }
    svg.push_str("</g></svg>\n");
    Rendered {
        svg,
        scene,
        origin: (area_x, area_y),
        scale,
    }
}
