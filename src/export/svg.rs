//! The SVG back-end: a page's draw list written out as SVG elements, one a primitive, with no look
//! decision of its own (those are in `timeline/paint.rs`). Deterministic: the same input gives the
//! same bytes.

use std::fmt::Write as _;

use super::decimal::Num2;
use super::font::FONT_FAMILY;
use super::page::{ExportOptions, page};
use crate::model::Dataset;
use crate::timeline::LaneLayout;
use crate::timeline::paint::{Align, Point, Prim, Quad, Rect, Rgba, Stroke};
use crate::timeline::scene::Scene;

/// An exported picture and the layout it drew (for tests and hit maps).
pub struct Rendered {
    /// The SVG document.
    pub svg: String,
    /// The scene drawn in the timeline area.
    pub scene: Scene,
    /// Top-left of the timeline area, in layout units (multiply by `scale` for pixels).
    pub origin: (f64, f64),
    /// Pixels per layout unit (1 up to 1920×1080, 2 at 3840×2160).
    pub scale: f64,
}

/// Renders the dataset in `options.view` as an SVG document.
pub fn render_svg(dataset: &Dataset, layout: &LaneLayout, options: &ExportOptions) -> Rendered {
    let page = page(dataset, layout, options);
    let (w, h) = (options.width_px, options.height_px);
    let mut svg = String::with_capacity(64 * 1024);
    write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n<rect width=\"100%\" height=\"100%\""
    )
    .ok();
    paint(&mut svg, Some(page.background), None);
    write!(svg, "/>\n<g transform=\"scale({})\">\n", page.scale).ok();
    for prim in &page.prims {
        write_prim(&mut svg, prim);
    }
    svg.push_str("</g></svg>\n");
    Rendered {
        svg,
        scene: page.scene,
        origin: page.origin,
        scale: page.scale,
    }
}

/// Appends one primitive as one SVG element (a quad each for [`Prim::Quads`]). Written straight
/// into `svg`, with no string per element: an export writes thousands of them.
pub fn write_prim(svg: &mut String, prim: &Prim) {
    match prim {
        Prim::Rect(rect) => write_rect(svg, rect),
        Prim::Circle(c) => {
            let ((x, y), r) = (c.center, c.radius);
            write!(svg, r#"<circle cx="{}" cy="{}" r="{r}""#, Num2(x), Num2(y)).ok();
            paint(svg, c.fill, c.stroke);
            svg.push_str("/>\n");
        }
        Prim::Line(l) => {
            path(svg, &l.points, "");
            paint(svg, None, Some(l.stroke));
            if let Some(d) = l.dash {
                write!(svg, r#" stroke-dasharray="{} {}""#, d.on, d.off).ok();
            }
            svg.push_str("/>\n");
        }
        Prim::Polygon(p) => {
            path(svg, &p.points, "Z");
            paint(svg, p.fill, p.stroke);
            svg.push_str("/>\n");
        }
        Prim::Curve(c) => {
            let [(x0, y0), (cx, cy), (x1, y1)] = [c.from, c.control, c.to];
            write!(
                svg,
                r#"<path d="M{} {}Q{} {} {} {}""#,
                Num2(x0),
                Num2(y0),
                Num2(cx),
                Num2(cy),
                Num2(x1),
                Num2(y1)
            )
            .ok();
            paint(svg, None, Some(c.stroke));
            svg.push_str("/>\n");
        }
        Prim::Text(t) => {
            let anchor = match t.align {
                Align::Left => "",
                Align::Center => r#" text-anchor="middle""#,
                Align::Right => r#" text-anchor="end""#,
            };
            // The anchor is the middle of the line; SVG places text on its baseline.
            let ((x, y), size) = (t.at, t.size);
            let baseline = y + 0.35 * size;
            write!(
                svg,
                r#"<text x="{}" y="{}" font-size="{size}"{anchor}"#,
                Num2(x),
                Num2(baseline)
            )
            .ok();
            paint(svg, Some(t.color), None);
            svg.push('>');
            escape_into(svg, &t.text);
            svg.push_str("</text>\n");
        }
        Prim::Quads(quads) => {
            for &Quad { min, max, fill } in quads {
                write_rect(
                    svg,
                    &Rect {
                        min,
                        max,
                        corner: 0.0,
                        fill: Some(fill),
                        stroke: None,
                    },
                );
            }
        }
    }
}

fn write_rect(svg: &mut String, rect: &Rect) {
    let ((x, y), corner) = (rect.min, rect.corner);
    let (w, h) = (rect.max.0 - x, rect.max.1 - y);
    write!(
        svg,
        r#"<rect x="{}" y="{}" width="{}" height="{}""#,
        Num2(x),
        Num2(y),
        Num2(w),
        Num2(h)
    )
    .ok();
    if corner > 0.0 {
        write!(svg, r#" rx="{corner}""#).ok();
    }
    paint(svg, rect.fill, rect.stroke);
    svg.push_str("/>\n");
}

/// `<path d="M… L…[Z]"`, left open for its paint.
fn path(svg: &mut String, points: &[Point], end: &str) {
    svg.push_str("<path d=\"");
    for (i, (x, y)) in points.iter().enumerate() {
        let command = if i == 0 { 'M' } else { 'L' };
        write!(svg, "{command}{} {}", Num2(*x), Num2(*y)).ok();
    }
    svg.push_str(end);
    svg.push('"');
}

/// ` fill=".." stroke=".."` with opacities where not opaque; no fill is `fill="none"`.
fn paint(svg: &mut String, fill: Option<Rgba>, stroke: Option<Stroke>) {
    let color = |svg: &mut String, name: &str, c: Rgba| {
        let [r, g, b] = c.rgb;
        write!(svg, r##" {name}="#{r:02x}{g:02x}{b:02x}""##).ok();
        if c.alpha != 255 {
            // alpha / 255 with three decimals, as an integer (never a tie to round).
            let thousandths = (u32::from(c.alpha) * 1000 + 127) / 255;
            write!(svg, r#" {name}-opacity="0.{thousandths:03}""#).ok();
        }
    };
    match fill {
        Some(c) => color(svg, "fill", c),
        None => svg.push_str(r#" fill="none""#),
    }
    if let Some(s) = stroke {
        color(svg, "stroke", s.color);
        write!(svg, r#" stroke-width="{}""#, s.width).ok();
    }
}

fn escape_into(out: &mut String, text: &str) {
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
}
