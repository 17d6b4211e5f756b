//! The draw list's primitives: neutral shapes in points (rect, circle, line with dash, polygon,
//! curve, text, quads) with straight-alpha colours. `paint.rs` makes them; `ui/paint.rs` and
//! `export/svg.rs` turn them into egui shapes and SVG elements.

/// A point, `(x, y)` in points.
pub type Point = (f64, f64);

/// A colour with straight (unmultiplied) alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba {
    /// Red, green, blue.
    pub rgb: [u8; 3],
    /// 0 (transparent) to 255 (opaque).
    pub alpha: u8,
}

impl Rgba {
    /// `rgb`, fully opaque.
    pub const fn opaque(rgb: [u8; 3]) -> Self {
        Self { rgb, alpha: 255 }
    }

    /// The same colour with another alpha.
    #[must_use]
    pub const fn with_alpha(self, alpha: u8) -> Self {
        Self {
            rgb: self.rgb,
            alpha,
        }
    }
}

/// A line's width and colour. Strokes are centred on the outline in both back-ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Width in points.
    pub width: f64,
    /// Colour.
    pub color: Rgba,
}

/// A dashed line's pattern, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dash {
    /// Length of a dash.
    pub on: f64,
    /// Length of a gap.
    pub off: f64,
}

/// Where a text's anchor point lies on it, horizontally. Vertically the anchor is always the
/// middle of the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// The text starts at the anchor.
    Left,
    /// The text is centred on it.
    Center,
    /// The text ends at it.
    Right,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Prim {
    /// A rectangle with rounded corners.
    Rect(Rect),
    /// A circle.
    Circle(Circle),
    /// An open polyline, solid or dashed.
    Line(Line),
    /// A closed convex polygon (diamonds, arrow heads, fold triangles).
    Polygon(Polygon),
    /// A quadratic Bézier curve (link arrows).
    Curve(Curve),
    /// One line of text.
    Text(Text),
    /// Many filled rectangles as one shape (density shading): one mesh in the window.
    Quads(Vec<Quad>),
}

/// A rectangle with rounded corners.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Top-left corner.
    pub min: Point,
    /// Bottom-right corner.
    pub max: Point,
    /// Corner radius.
    pub corner: f64,
    /// Fill, if any.
    pub fill: Option<Rgba>,
    /// Outline, if any.
    pub stroke: Option<Stroke>,
}

/// A circle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Circle {
    /// Centre.
    pub center: Point,
    /// Radius.
    pub radius: f64,
    /// Fill, if any.
    pub fill: Option<Rgba>,
    /// Outline, if any.
    pub stroke: Option<Stroke>,
}

/// An open polyline.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Its points, in order.
    pub points: Vec<Point>,
    /// Width and colour.
    pub stroke: Stroke,
    /// The dash pattern, or solid.
    pub dash: Option<Dash>,
}

/// A closed convex polygon.
#[derive(Clone, Debug, PartialEq)]
pub struct Polygon {
    /// Corners, in order.
    pub points: Vec<Point>,
    /// Fill, if any.
    pub fill: Option<Rgba>,
    /// Outline, if any.
    pub stroke: Option<Stroke>,
}

/// A quadratic Bézier curve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Curve {
    /// Start.
    pub from: Point,
    /// Control point.
    pub control: Point,
    /// End.
    pub to: Point,
    /// Width and colour.
    pub stroke: Stroke,
}

/// One line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// Anchor: its x by `align`, its y the middle of the line.
    pub at: Point,
    /// What it says (already made safe to draw by the scene).
    pub text: String,
    /// Font size in points.
    pub size: f64,
    /// Horizontal alignment on the anchor.
    pub align: Align,
    /// Colour.
    pub color: Rgba,
}

/// One filled rectangle of a [`Prim::Quads`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quad {
    /// Top-left corner.
    pub min: Point,
    /// Bottom-right corner.
    pub max: Point,
    /// Fill.
    pub fill: Rgba,
}

impl Prim {
    /// The same primitive moved by `(dx, dy)`.
    #[must_use]
    pub fn translated(self, (dx, dy): Point) -> Self {
        let at = |(x, y): Point| (x + dx, y + dy);
        match self {
            Self::Rect(r) => Self::Rect(Rect {
                min: at(r.min),
                max: at(r.max),
                ..r
            }),
            Self::Circle(c) => Self::Circle(Circle {
                center: at(c.center),
                ..c
            }),
            Self::Line(l) => Self::Line(Line {
                points: l.points.into_iter().map(at).collect(),
                ..l
            }),
            Self::Polygon(p) => Self::Polygon(Polygon {
                points: p.points.into_iter().map(at).collect(),
                ..p
            }),
            Self::Curve(c) => Self::Curve(Curve {
                from: at(c.from),
                control: at(c.control),
                to: at(c.to),
                ..c
            }),
            Self::Text(t) => Self::Text(Text { at: at(t.at), ..t }),
            Self::Quads(quads) => Self::Quads(
                quads
                    .into_iter()
                    .map(|q| Quad {
                        min: at(q.min),
                        max: at(q.max),
                        ..q
                    })
                    .collect(),
            ),
        }
    }
}
