//! The SVG back-end: a page's draw list written out as SVG elements, one a primitive, with no look
//! decision of its own (those are in `timeline/paint.rs`). Deterministic: the same input gives the
//! same bytes.

use std::fmt::Write as _;

use super::font::FONT_FAMILY;
use super::page::{ExportOptions, page};
use crate::model::Dataset;
use crate::timeline::LaneLayout;
use crate::timeline::paint::{Align, Point, Prim, Rgba, Stroke};
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
        fill(Some(page.background)),
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

/// Appends one primitive as one SVG element.
pub fn write_prim(svg: &mut String, prim: &Prim) {
    match prim {
        Prim::Rect {
            min,
            max,
            corner,
            fill: f,
            stroke: s,
        } => {
            let corner = if *corner > 0.0 {
                format!(" rx=\"{corner}\"")
            } else {
                String::new()
            };
            writeln!(
                svg,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}"{corner}{}{}/>"#,
                min.0,
                min.1,
                max.0 - min.0,
                max.1 - min.1,
                fill(*f),
                stroke(*s)
            )
        }
        Prim::Circle {
            center,
            radius,
            fill: f,
            stroke: s,
        } => writeln!(
            svg,
            r#"<circle cx="{:.2}" cy="{:.2}" r="{radius}"{}{}/>"#,
            center.0,
            center.1,
            fill(*f),
            stroke(*s)
        ),
        Prim::Line {
            points,
            stroke: s,
            dash,
        } => {
            let dash = dash.map_or_else(String::new, |d| {
                format!(r#" stroke-dasharray="{} {}""#, d.on, d.off)
            });
            writeln!(
                svg,
                r#"<path d="{}" fill="none"{}{dash}/>"#,
                path(points, false),
                stroke(Some(*s))
            )
        }
        Prim::Polygon {
            points,
            fill: f,
            stroke: s,
        } => writeln!(
            svg,
            r#"<path d="{}"{}{}/>"#,
            path(points, true),
            fill(*f),
            stroke(*s)
        ),
        Prim::Curve {
            from,
            control,
            to,
            stroke: s,
        } => writeln!(
            svg,
            r#"<path d="M{:.2} {:.2}Q{:.2} {:.2} {:.2} {:.2}" fill="none"{}/>"#,
            from.0,
            from.1,
            control.0,
            control.1,
            to.0,
            to.1,
            stroke(Some(*s))
        ),
        Prim::Text {
            at,
            text,
            size,
            align,
            color,
        } => {
            let anchor = match align {
                Align::Left => "",
                Align::Center => r#" text-anchor="middle""#,
                Align::Right => r#" text-anchor="end""#,
            };
            // The anchor is the middle of the line; SVG places text on its baseline.
            writeln!(
                svg,
                r#"<text x="{:.2}" y="{:.2}" font-size="{size}"{anchor}{}>{}</text>"#,
                at.0,
                at.1 + 0.35 * size,
                fill(Some(*color)),
                escape(text)
            )
        }
        Prim::Quads(quads) => {
            for q in quads {
                write_prim(
                    svg,
                    &Prim::Rect {
                        min: q.min,
                        max: q.max,
                        corner: 0.0,
                        fill: Some(q.fill),
                        stroke: None,
                    },
                );
            }
            Ok(())
        }
    }
    .ok();
}

fn path(points: &[Point], closed: bool) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        write!(d, "{}{x:.2} {y:.2}", if i == 0 { 'M' } else { 'L' }).ok();
    }
    if closed {
        d.push('Z');
    }
    d
}

fn color(name: &str, c: Rgba) -> String {
    let [r, g, b] = c.rgb;
    let opacity = if c.alpha == 255 {
        String::new()
    } else {
        format!(r#" {name}-opacity="{:.3}""#, f64::from(c.alpha) / 255.0)
    };
    format!(r##" {name}="#{r:02x}{g:02x}{b:02x}"{opacity}"##)
}

fn fill(f: Option<Rgba>) -> String {
    f.map_or_else(|| r#" fill="none""#.to_owned(), |c| color("fill", c))
}

fn stroke(s: Option<Stroke>) -> String {
    s.map_or_else(String::new, |s| {
        format!(r#"{} stroke-width="{}""#, color("stroke", s.color), s.width)
    })
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
