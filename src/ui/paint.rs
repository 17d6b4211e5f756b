//! The egui back-end of the draw list: one egui [`Shape`] a primitive, placed at `origin`, with no
//! look decision of its own (those are in `timeline/paint.rs`).

use egui::epaint::{CircleShape, QuadraticBezierShape, RectShape};
use egui::{Align2, Color32, CornerRadius, FontId, Mesh, Pos2, Rect, Shape, StrokeKind};

use super::theme::color;
use crate::timeline::paint::{Align, Point, Prim, Stroke};

/// Adds the primitives to `painter`, their `(0, 0)` at `origin`.
pub fn paint(painter: &egui::Painter, origin: Pos2, prims: &[Prim]) {
    let shapes = painter.ctx().fonts_mut(|fonts| {
        prims
            .iter()
            .map(|prim| shape(fonts, origin, prim))
            .collect::<Vec<_>>()
    });
    painter.extend(shapes);
}

fn stroke(s: Option<Stroke>) -> egui::Stroke {
    s.map_or(egui::Stroke::NONE, |s| {
        egui::Stroke::new(s.width as f32, color(s.color))
    })
}

/// The egui shape of one primitive.
pub fn shape(fonts: &mut egui::epaint::FontsView<'_>, origin: Pos2, prim: &Prim) -> Shape {
    let at = |(x, y): Point| Pos2::new(origin.x + x as f32, origin.y + y as f32);
    let fill = |f: Option<_>| f.map_or(Color32::TRANSPARENT, color);
    match prim {
        Prim::Rect {
            min,
            max,
            corner,
            fill: f,
            stroke: s,
        } => Shape::Rect(RectShape::new(
            Rect::from_min_max(at(*min), at(*max)),
            CornerRadius::same(corner.round().clamp(0.0, 255.0) as u8),
            fill(*f),
            stroke(*s),
            StrokeKind::Middle,
        )),
        Prim::Circle {
            center,
            radius,
            fill: f,
            stroke: s,
        } => Shape::Circle(CircleShape {
            center: at(*center),
            radius: *radius as f32,
            fill: fill(*f),
            stroke: stroke(*s),
        }),
        Prim::Line {
            points,
            stroke: s,
            dash,
        } => {
            let points: Vec<Pos2> = points.iter().copied().map(at).collect();
            match dash {
                Some(d) => Shape::Vec(Shape::dashed_line(
                    &points,
                    stroke(Some(*s)),
                    d.on as f32,
                    d.off as f32,
                )),
                None => Shape::line(points, stroke(Some(*s))),
            }
        }
        Prim::Polygon {
            points,
            fill: f,
            stroke: s,
        } => Shape::convex_polygon(
            points.iter().copied().map(at).collect(),
            fill(*f),
            stroke(*s),
        ),
        Prim::Curve {
            from,
            control,
            to,
            stroke: s,
        } => Shape::QuadraticBezier(QuadraticBezierShape::from_points_stroke(
            [at(*from), at(*control), at(*to)],
            false,
            Color32::TRANSPARENT,
            stroke(Some(*s)),
        )),
        Prim::Text {
            at: anchor,
            text,
            size,
            align,
            color: c,
        } => {
            let align = match align {
                Align::Left => Align2::LEFT_CENTER,
                Align::Center => Align2::CENTER_CENTER,
                Align::Right => Align2::RIGHT_CENTER,
            };
            Shape::text(
                fonts,
                at(*anchor),
                align,
                text,
                FontId::proportional(*size as f32),
                color(*c),
            )
        }
        Prim::Quads(quads) => {
            // One mesh: hundreds of bins as separate shapes would each be tessellated.
            let mut mesh = Mesh::default();
            for q in quads {
                mesh.add_colored_rect(Rect::from_min_max(at(q.min), at(q.max)), color(q.fill));
            }
            Shape::mesh(mesh)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::ExportOptions;
    use crate::export::page::page;
    use crate::model::{Dataset, Filter};
    use crate::palette::Theme;
    use crate::timeline::paint::{Emphasis, Look, timeline};
    use crate::timeline::{TimeView, lanes};

    /// The window and the export draw one scene from the same primitives: the page holds exactly
    /// what `paint::timeline` gives for its scene, and each back-end makes one shape or one SVG
    /// element of each primitive, with the same text.
    #[test]
    fn both_back_ends_receive_the_same_primitives_for_one_scene() {
        let dataset = Dataset::from_parts(vec![crate::io::load_embedded().unwrap().part]);
        let layout = lanes::by_category(&dataset, &Filter::default());
        let (min, max) = dataset.extent_secs().unwrap();
        let options = ExportOptions {
            width_px: 1600,
            height_px: 900,
            view: TimeView::fitting(min, max, 0.03),
            theme: Theme::Dark,
            title: None,
            legend: false,
            footer: false,
            extras: crate::timeline::scene::SceneExtras::default(),
        };
        let page = page(&dataset, &layout, &options);
        let look = Look::new(Theme::Dark, &dataset);
        let window: Vec<Prim> = timeline(&page.scene, &look, &Emphasis::default())
            .into_iter()
            .map(|p| p.translated(page.origin))
            .collect();
        assert!(window.len() > 100);
        let start = page
            .prims
            .windows(window.len())
            .position(|w| w == window.as_slice());
        assert!(
            start.is_some(),
            "the page draws the window's primitives, in order"
        );

        let ctx = egui::Context::default();
        ctx.set_fonts(egui::FontDefinitions::default());
        // One frame, so the fonts are ready; its texture upload is not needed here.
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        let shapes: Vec<Shape> =
            ctx.fonts_mut(|fonts| window.iter().map(|p| shape(fonts, Pos2::ZERO, p)).collect());
        assert_eq!(shapes.len(), window.len());
        let mut svg = String::new();
        for prim in &window {
            crate::export::svg::write_prim(&mut svg, prim);
        }
        for (prim, shape) in window.iter().zip(&shapes) {
            if let (Prim::Text { text, .. }, Shape::Text(drawn)) = (prim, shape) {
                assert_eq!(&drawn.galley.job.text, text);
                assert!(svg.contains(&format!(">{}</text>", text.replace('&', "&amp;"))));
            } else {
                assert!(
                    !matches!(prim, Prim::Text { .. }),
                    "text becomes a text shape"
                );
            }
        }
        let elements = svg.lines().count();
        let quads: usize = window
            .iter()
            .map(|p| match p {
                Prim::Quads(q) => q.len(),
                _ => 1,
            })
            .sum();
        assert_eq!(elements, quads, "one SVG element a primitive (a quad each)");
    }
}
