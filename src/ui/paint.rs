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
        Prim::Rect(r) => Shape::Rect(RectShape::new(
            Rect::from_min_max(at(r.min), at(r.max)),
            CornerRadius::same(r.corner.round().clamp(0.0, 255.0) as u8),
            fill(r.fill),
            stroke(r.stroke),
            StrokeKind::Middle,
        )),
        Prim::Circle(c) => Shape::Circle(CircleShape {
            center: at(c.center),
            radius: c.radius as f32,
            fill: fill(c.fill),
            stroke: stroke(c.stroke),
        }),
        Prim::Line(l) => {
            let points: Vec<Pos2> = l.points.iter().copied().map(at).collect();
            let line = stroke(Some(l.stroke));
            match l.dash {
                Some(d) => Shape::Vec(Shape::dashed_line(&points, line, d.on as f32, d.off as f32)),
                None => Shape::line(points, line),
            }
        }
        Prim::Polygon(p) => {
            let points = p.points.iter().copied().map(at).collect();
            Shape::convex_polygon(points, fill(p.fill), stroke(p.stroke))
        }
        Prim::Curve(c) => Shape::QuadraticBezier(QuadraticBezierShape::from_points_stroke(
            [at(c.from), at(c.control), at(c.to)],
            false,
            Color32::TRANSPARENT,
            stroke(Some(c.stroke)),
        )),
        Prim::Text(t) => {
            let align = match t.align {
                Align::Left => Align2::LEFT_CENTER,
                Align::Center => Align2::CENTER_CENTER,
                Align::Right => Align2::RIGHT_CENTER,
            };
            let font = FontId::proportional(t.size as f32);
            Shape::text(fonts, at(t.at), align, &t.text, font, color(t.color))
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
