//! The SVG back-end: a page's draw list written out as SVG elements, one a primitive, with no look
//! decision of its own (those are in `timeline/paint.rs`). Deterministic: the same input gives the
//! same bytes.

use std::fmt::Write as _;

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
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n<rect width=\"100%\" height=\"100%\"{}/>\n<g transform=\"scale({})\">\n",
        paint(Some(page.background), None),
        page.scale
    );
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

/// Appends one primitive as one SVG element (a quad each for [`Prim::Quads`]).
pub fn write_prim(svg: &mut String, prim: &Prim) {
    let (tag, shape, paint, content) = match prim {
        Prim::Rect(rect) => {
            let ((x, y), corner) = (rect.min, rect.corner);
            let (w, h) = (rect.max.0 - x, rect.max.1 - y);
            let rx = if corner > 0.0 {
                format!(r#" rx="{corner}""#)
            } else {
                String::new()
            };
            let xy = format!(r#"x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}"{rx}"#);
            ("rect", xy, paint(rect.fill, rect.stroke), None)
        }
        Prim::Circle(c) => {
            let ((x, y), r) = (c.center, c.radius);
            let xy = format!(r#"cx="{x:.2}" cy="{y:.2}" r="{r}""#);
            ("circle", xy, paint(c.fill, c.stroke), None)
        }
        Prim::Line(l) => {
            let dash = l.dash.map_or_else(String::new, |d| {
                format!(r#" stroke-dasharray="{} {}""#, d.on, d.off)
            });
            (
                "path",
                path(&l.points, ""),
                paint(None, Some(l.stroke)) + &dash,
                None,
            )
        }
        Prim::Polygon(p) => ("path", path(&p.points, "Z"), paint(p.fill, p.stroke), None),
        Prim::Curve(c) => {
            let [(x0, y0), (cx, cy), (x1, y1)] = [c.from, c.control, c.to];
            let d = format!(r#"d="M{x0:.2} {y0:.2}Q{cx:.2} {cy:.2} {x1:.2} {y1:.2}""#);
            ("path", d, paint(None, Some(c.stroke)), None)
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
            let xy = format!(r#"x="{x:.2}" y="{baseline:.2}" font-size="{size}"{anchor}"#);
            (
                "text",
                xy,
                paint(Some(t.color), None),
                Some(escape(&t.text)),
            )
        }
        Prim::Quads(quads) => {
            for &Quad { min, max, fill } in quads {
                let corner = 0.0;
                let (fill, stroke) = (Some(fill), None);
                write_prim(
                    svg,
                    &Prim::Rect(Rect {
                        min,
                        max,
                        corner,
                        fill,
                        stroke,
                    }),
                );
            }
            return;
        }
    };
    match content {
        Some(text) => writeln!(svg, "<{tag} {shape}{paint}>{text}</{tag}>"),
        None => writeln!(svg, "<{tag} {shape}{paint}/>"),
    }
    .ok();
}

fn path(points: &[Point], end: &str) -> String {
    let mut d = String::from("d=\"");
    for (i, (x, y)) in points.iter().enumerate() {
        write!(d, "{}{x:.2} {y:.2}", if i == 0 { 'M' } else { 'L' }).ok();
    }
    d + end + "\""
}

/// ` fill=".." stroke=".."` with opacities where not opaque; no fill is `fill="none"`.
fn paint(fill: Option<Rgba>, stroke: Option<Stroke>) -> String {
    let color = |name: &str, c: Rgba| {
        let [r, g, b] = c.rgb;
        let alpha = f64::from(c.alpha) / 255.0;
        let opacity = if c.alpha == 255 {
            String::new()
        } else {
            format!(r#" {name}-opacity="{alpha:.3}""#)
        };
        format!(r##" {name}="#{r:02x}{g:02x}{b:02x}"{opacity}"##)
    };
    let mut out = fill.map_or_else(|| r#" fill="none""#.to_owned(), |c| color("fill", c));
    if let Some(s) = stroke {
        write!(
            out,
            r#"{} stroke-width="{}""#,
            color("stroke", s.color),
            s.width
        )
        .ok();
    }
    out
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
