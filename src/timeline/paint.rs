//! `DrawList = f(Scene, theme, emphasis)`: the one place that decides how the timeline looks.
//!
//! Every colour (from the theme's palette), alpha, line width, dash, font size and caption of the
//! timeline is chosen here and nowhere else. The result is a list of neutral primitives in points
//! relative to the top-left of the area they were made for; two thin back-ends turn them into
//! egui shapes (`ui/paint.rs`) and SVG elements (`export/svg.rs`) without a decision of their own,
//! so the window and a slide cannot drift apart (puffin's `paint_timeline`, Rerun's
//! `paint_ticks` are the models).

use super::breaks::AxisBreaks;
use super::overview::Overview;
use super::scene::{ClusterKind, MarkShape, More, Scene, SceneStyle};
use super::view::TimeAxis;
use crate::model::{Dataset, EventIdx};
use crate::palette::{Theme, TimelineRgb};

pub use super::draw::{
    Align, Circle, Curve, Dash, Line, Point, Polygon, Prim, Quad, Rect, Rgba, Stroke, Text,
};

/// The type scale: every font size of the timeline, window and exports alike, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypeScale {
    /// Event labels and axis tick labels.
    pub label: f64,
    /// Period names in the strip at the top.
    pub period: f64,
    /// Lane names.
    pub lane: f64,
    /// Small print: a dense lane's caption, the zone note, the footer.
    pub caption: f64,
    /// The length written on a collapsed stretch.
    pub gap: f64,
    /// An export's title.
    pub title: f64,
    /// An export's legend.
    pub legend: f64,
}

/// The one type scale.
pub const TYPE: TypeScale = TypeScale {
    label: 13.0,
    period: 12.0,
    lane: 11.5,
    caption: 11.0,
    gap: 10.5,
    title: 22.0,
    legend: 12.0,
};

/// The alphas (0–255) that do not depend on the theme; those that do are the theme's
/// (`TimelineRgb::period_alpha`, `period_strip_alpha`, `partial_alpha`).
mod alpha {
    /// A mark the search does not match, while searching.
    pub const DIMMED_MARK: u8 = 60;
    /// A label of such a mark.
    pub const DIMMED_LABEL: u8 = 90;
    /// The edges of a period's wash.
    pub const PERIOD_EDGE: u8 = 110;
    /// The dotted line joining copies of one event in several lanes.
    pub const JOIN: u8 = 140;
    /// A link arrow not touching the selection.
    pub const ARROW: u8 = 150;
    /// The overview strip's counts.
    pub const OVERVIEW_COUNTS: u8 = 150;
    /// The overview strip's window.
    pub const OVERVIEW_WINDOW: u8 = 40;
    /// The lightest density shade (a bin with one event stays visible).
    pub const DENSITY_MIN: f64 = 30.0;
}

/// The caption of a lane drawn as density.
pub fn density_caption(total: usize, lang: crate::i18n::Lang) -> String {
    lang.count("density-caption", total)
}

/// The alpha of a density bin holding `count` of at most `max` events: square root, so bursts
/// stand out and single events stay visible.
fn density_alpha(count: u32, max: u32) -> u8 {
    let shade = (f64::from(count) / f64::from(max.max(1))).sqrt();
    (alpha::DENSITY_MIN + (255.0 - alpha::DENSITY_MIN) * shade).clamp(0.0, 255.0) as u8
}

/// The colours of one theme for one dataset.
pub struct Look<'a> {
    /// The theme's timeline colours.
    pub colors: TimelineRgb,
    /// Every category's colour, worked out once (distinct across merged files).
    categories: Vec<[u8; 3]>,
    dataset: &'a Dataset,
}

impl<'a> Look<'a> {
    /// The look of `dataset` in `theme`.
    pub fn new(theme: Theme, dataset: &'a Dataset) -> Self {
        Self {
            colors: theme.colors(),
            categories: crate::palette::category_colors(theme, dataset),
            dataset,
        }
    }

    /// A category's colour (the file's own, else the theme's palette).
    pub fn category(&self, category: Option<usize>) -> Rgba {
        Rgba::opaque(
            category
                .and_then(|i| self.categories.get(i).copied())
                .unwrap_or(self.colors.uncategorised),
        )
    }

    /// The outline of a pale bar in a category's colour: the colour itself, lightened on the
    /// dark theme until it stands out from the lanes (3:1, WCAG's ratio for shapes).
    pub fn outline(&self, category: Option<usize>) -> Rgba {
        let rgb = self.category(category).rgb;
        if crate::palette::luminance(self.colors.lane_odd) < 0.2 {
            let lightest_lane = if crate::palette::luminance(self.colors.lane_odd)
                > crate::palette::luminance(self.colors.lane_even)
            {
                self.colors.lane_odd
            } else {
                self.colors.lane_even
            };
            Rgba::opaque(crate::palette::lightened_to_contrast(
                rgb,
                lightest_lane,
                3.0,
            ))
        } else {
            Rgba::opaque(rgb)
        }
    }

    fn solid(rgb: [u8; 3]) -> Rgba {
        Rgba::opaque(rgb)
    }

    /// Text in the colour of lane names and axis labels.
    pub fn small_text(&self, text: String, at: Point, size: f64, align: Align) -> Prim {
        Prim::Text(Text {
            at,
            text,
            size,
            align,
            color: Self::solid(self.colors.lane_text),
        })
    }
}

/// What stands out in the window (the export passes [`Emphasis::default`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Emphasis<'a> {
    /// The selected event.
    pub selected: Option<EventIdx>,
    /// The event under the pointer.
    pub hovered: Option<EventIdx>,
    /// Events linked to the selection.
    pub neighbours: &'a [EventIdx],
    /// While searching (and showing everything): the matches, sorted; the rest steps back.
    /// A search that matches nothing dims nothing (the search box says so instead).
    pub search_hits: Option<&'a [EventIdx]>,
}

impl Emphasis<'_> {
    fn dimmed(&self, event: EventIdx) -> bool {
        self.search_hits
            .is_some_and(|hits| !hits.is_empty() && hits.binary_search(&event).is_err())
    }

    fn highlighted(&self, event: EventIdx) -> bool {
        self.selected == Some(event)
            || self.hovered == Some(event)
            || self.neighbours.contains(&event)
            || self
                .search_hits
                .is_some_and(|hits| hits.binary_search(&event).is_ok())
    }
}

fn rect(min: Point, max: Point, corner: f64, fill: Rgba) -> Prim {
    Prim::Rect(Rect {
        min,
        max,
        corner,
        fill: Some(fill),
        stroke: None,
    })
}

/// Everything in the timeline area: lanes, periods, grid, relations, marks, density, clusters
/// and labels, in drawing order, for a scene laid out at `scene.size`.
pub fn timeline(scene: &Scene, look: &Look<'_>, emphasis: &Emphasis<'_>) -> Vec<Prim> {
    let colors = &look.colors;
    let (width, height) = scene.size;
    let mut out = Vec::new();
    let visible = |lane: &&super::scene::LaneBand| lane.y1 > scene.period_strip && lane.y0 < height;
    for (i, lane) in scene.lanes.iter().enumerate() {
        let fill = if i % 2 == 0 {
            colors.lane_even
        } else {
            colors.lane_odd
        };
        if !visible(&lane) {
            continue;
        }
        out.push(rect(
            (0.0, lane.y0.max(scene.period_strip)),
            (width, lane.y1.min(height)),
            0.0,
            Rgba::opaque(fill),
        ));
    }
    for period in &scene.periods {
        let color = look.category(period.category);
        out.push(rect(
            (period.x0, 0.0),
            (period.x1, height),
            0.0,
            color.with_alpha(colors.period_alpha),
        ));
        let strip_row = SceneStyle::default().period_header;
        let top = period.row as f64 * strip_row;
        out.push(rect(
            (period.x0, top + 1.0),
            (period.x1, top + strip_row - 2.0),
            2.0,
            color.with_alpha(colors.period_strip_alpha),
        ));
        for x in [period.x0, period.x1] {
            out.push(Prim::Line(Line {
                points: vec![(x, 0.0), (x, height)],
                stroke: Stroke {
                    width: 1.0,
                    color: color.with_alpha(alpha::PERIOD_EDGE),
                },
                dash: None,
            }));
        }
        if let Some(x) = period.label_x {
            out.push(Prim::Text(Text {
                at: (x, top + strip_row / 2.0 - 0.5),
                text: period.label.clone(),
                size: TYPE.period,
                align: Align::Left,
                color: Rgba::opaque(colors.label),
            }));
        }
    }
    // Grid lines from the same ticks as the axis.
    for tick in &scene.ticks {
        let major = if tick.tick.major { 1.5 } else { 1.0 };
        out.push(Prim::Line(Line {
            points: vec![(tick.x, scene.period_strip), (tick.x, height)],
            stroke: Stroke {
                width: major * colors.line_width,
                color: Rgba::opaque(colors.grid),
            },
            dash: None,
        }));
    }
    for lane in scene.lanes.iter().filter(visible) {
        out.push(look.small_text(
            lane.label.clone(),
            (6.0, lane.header_y + 9.0),
            TYPE.lane,
            Align::Left,
        ));
    }
    for more in &scene.more {
        out.push(look.small_text(
            More::text(more.count(), scene.lang),
            (more.x, more.y),
            TYPE.caption,
            Align::Left,
        ));
    }
    relations(&mut out, scene, look, emphasis.selected);
    marks(&mut out, scene, look, emphasis);
    for density in &scene.densities {
        let color = look.category(density.category);
        let quads = density
            .counts
            .iter()
            .enumerate()
            .filter(|&(_, &count)| count > 0)
            .map(|(i, &count)| {
                let x0 = i as f64 * density.bin_width;
                Quad {
                    min: (x0, density.y0 + 1.0),
                    max: (x0 + density.bin_width, density.y1 - 1.0),
                    fill: color.with_alpha(density_alpha(count, density.max_count)),
                }
            })
            .collect();
        out.push(Prim::Quads(quads));
        out.push(look.small_text(
            density_caption(density.total, scene.lang),
            (width - 6.0, density.y0 - 9.0),
            TYPE.caption,
            Align::Right,
        ));
    }
    let radius = SceneStyle::default().marker_radius + 1.0;
    for cluster in &scene.clusters {
        let color = look.category(cluster.category);
        let searching_without_hit = cluster.members.iter().all(|&m| emphasis.dimmed(m));
        let fill = if searching_without_hit {
            color.with_alpha(alpha::DIMMED_MARK)
        } else {
            color
        };
        if cluster.kind == ClusterKind::UnderWay {
            // One pale bar across the view with a line just inside it, as a partial date.
            let half = SceneStyle::default().bar_height.min(scene.row_height - 4.0) / 2.0;
            out.push(Prim::Rect(Rect {
                min: (cluster.x0 + 0.5, cluster.y - half + 0.5),
                max: (cluster.x1 - 0.5, cluster.y + half - 0.5),
                corner: 2.5,
                fill: Some(fill.with_alpha(colors.partial_alpha)),
                stroke: Some(Stroke {
                    width: 1.0,
                    color: if searching_without_hit {
                        fill
                    } else {
                        look.outline(cluster.category)
                    },
                }),
            }));
            continue;
        }
        // The outline lies outside the cluster's box: centred on a box grown by half its width.
        let grow = radius + colors.line_width / 2.0;
        out.push(Prim::Rect(Rect {
            min: (cluster.x0 - grow, cluster.y - grow),
            max: (cluster.x1 + grow, cluster.y + grow),
            corner: 6.0,
            fill: Some(fill),
            stroke: Some(Stroke {
                width: colors.line_width,
                color: Rgba::opaque(colors.cluster),
            }),
        }));
    }
    for label in &scene.labels {
        let color = Rgba::opaque(if label.on_solid_bar {
            colors.label_on_bar
        } else {
            colors.label
        });
        let color = match label.event {
            Some(event) if emphasis.dimmed(event) => color.with_alpha(alpha::DIMMED_LABEL),
            _ => color,
        };
        out.push(Prim::Text(Text {
            at: (label.x, label.y),
            text: label.text.clone(),
            size: TYPE.label,
            align: Align::Left,
            color,
        }));
    }
    out
}

/// Bars first, then points on top with a ring of the lane's colour, so a point is never hidden by
/// a long bar of its own colour in the same row.
fn marks(out: &mut Vec<Prim>, scene: &Scene, look: &Look<'_>, emphasis: &Emphasis<'_>) {
    let colors = &look.colors;
    let style = SceneStyle::default();
    let radius = style.marker_radius;
    // Bars hold a line of text; they shrink with the rows but keep 2 pt above and below.
    let bar_half = style.bar_height.min(scene.row_height - 4.0) / 2.0;
    let bars = scene.marks.iter().filter(|m| m.shape != MarkShape::Point);
    let points = scene.marks.iter().filter(|m| m.shape == MarkShape::Point);
    for mark in bars.chain(points) {
        let color = look.category(mark.category);
        let color = if emphasis.dimmed(mark.event) {
            color.with_alpha(alpha::DIMMED_MARK)
        } else {
            color
        };
        let outline = emphasis.highlighted(mark.event).then(|| Stroke {
            width: if emphasis.selected == Some(mark.event) {
                2.0
            } else {
                1.0
            },
            color: Rgba::opaque(colors.selection),
        });
        let lane = Rgba::opaque(colors.lane_even);
        match mark.shape {
            MarkShape::Point => {
                let center = (mark.x0, mark.y);
                let disc = |radius: f64, fill: Rgba| {
                    Prim::Circle(Circle {
                        center,
                        radius,
                        fill: Some(fill),
                        stroke: None,
                    })
                };
                out.push(disc(radius + 1.5, lane));
                out.push(disc(radius, color));
                if mark.circa {
                    // A ring, not a paler colour: an uncertain date keeps its category's hue.
                    out.push(disc(radius - 2.5, lane));
                }
                if let Some(stroke) = outline {
                    out.push(Prim::Circle(Circle {
                        center,
                        radius: radius + 2.0,
                        fill: None,
                        stroke: Some(stroke),
                    }));
                }
            }
            MarkShape::Span | MarkShape::Partial => {
                let (min, max) = ((mark.x0, mark.y - bar_half), (mark.x1, mark.y + bar_half));
                if mark.shape == MarkShape::Partial {
                    // A pale fill with a line just inside the bar.
                    let edge = look.outline(mark.category);
                    let edge = if emphasis.dimmed(mark.event) {
                        edge.with_alpha(alpha::DIMMED_MARK)
                    } else {
                        edge
                    };
                    out.push(Prim::Rect(Rect {
                        min: (min.0 + 0.5, min.1 + 0.5),
                        max: (max.0 - 0.5, max.1 - 0.5),
                        corner: 2.5,
                        fill: Some(color.with_alpha(colors.partial_alpha)),
                        stroke: Some(Stroke {
                            width: 1.0,
                            color: edge,
                        }),
                    }));
                } else {
                    out.push(rect(min, max, 3.0, color));
                }
                if let Some(stroke) = outline {
                    let grow = 2.0 + stroke.width / 2.0;
                    out.push(Prim::Rect(Rect {
                        min: (min.0 - grow, min.1 - grow),
                        max: (max.0 + grow, max.1 + grow),
                        corner: 4.0 + stroke.width / 2.0,
                        fill: None,
                        stroke: Some(stroke),
                    }));
                }
            }
        }
    }
}

/// Collapsed stretches, joins between copies of one event, second dates and link arrows.
fn relations(out: &mut Vec<Prim>, scene: &Scene, look: &Look<'_>, selected: Option<EventIdx>) {
    let colors = &look.colors;
    let (top, bottom) = (scene.period_strip, scene.size.1);
    let text = Rgba::opaque(colors.lane_text);
    for gap in &scene.breaks {
        out.push(rect(
            (gap.x0, top),
            (gap.x1, bottom),
            0.0,
            Rgba::opaque(colors.lane_odd),
        ));
        // Two zigzag edges: the classic mark of a broken axis.
        for x in [gap.x0, gap.x1] {
            out.push(Prim::Line(Line {
                points: zigzag(x, top, bottom),
                stroke: Stroke {
                    width: 1.2,
                    color: text,
                },
                dash: None,
            }));
        }
        out.push(look.small_text(
            gap.label.clone(),
            (f64::midpoint(gap.x0, gap.x1), bottom - 10.0),
            TYPE.gap,
            Align::Center,
        ));
    }
    for join in &scene.joins {
        out.push(Prim::Line(Line {
            points: vec![(join.x, join.y0), (join.x, join.y1)],
            stroke: Stroke {
                width: 1.0,
                color: text.with_alpha(alpha::JOIN),
            },
            dash: Some(Dash { on: 3.0, off: 3.0 }),
        }));
    }
    for link in &scene.date_links {
        let color = look.category(look.dataset.category_index(link.event));
        let (x, y) = (link.x_other, link.y);
        // The line stops short of the event's own name where that name sits on it.
        let (lo, hi) = (link.x_mark.min(x), link.x_mark.max(x));
        let name = scene
            .labels
            .iter()
            .find(|l| l.event == Some(link.event) && (l.y - y).abs() < 0.5 && l.x > lo && l.x < hi);
        let pieces = match name {
            Some(l) => vec![(lo, l.x - 3.0), (l.x + l.width + 3.0, hi)],
            None => vec![(lo, hi)],
        };
        for (a, b) in pieces.into_iter().filter(|(a, b)| b > a) {
            out.push(Prim::Line(Line {
                points: vec![(a, y), (b, y)],
                stroke: Stroke { width: 1.2, color },
                dash: Some(Dash { on: 4.0, off: 3.0 }),
            }));
        }
        // A hollow diamond: the date it became known (or, placed by that, when it happened).
        let r = 5.0;
        out.push(Prim::Polygon(Polygon {
            points: vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
            fill: Some(Rgba::opaque(colors.lane_even)),
            stroke: Some(Stroke { width: 1.5, color }),
        }));
    }
    for arrow in &scene.arrows {
        let touches = selected.is_some_and(|s| s == arrow.from || s == arrow.to);
        let stroke = if touches {
            Stroke {
                width: 2.0,
                color: Rgba::opaque(colors.selection),
            }
        } else {
            Stroke {
                width: 1.2,
                color: Rgba::opaque(colors.label).with_alpha(alpha::ARROW),
            }
        };
        let ((x0, y0), (x1, y1)) = (arrow.start, arrow.end);
        // A gentle arc, so arrows along one row do not hide behind the marks.
        let lift = if (y1 - y0).abs() < 1.0 { -14.0 } else { 0.0 };
        let control = (f64::midpoint(x0, x1), f64::midpoint(y0, y1) + lift);
        out.push(Prim::Curve(Curve {
            from: arrow.start,
            control,
            to: arrow.end,
            stroke,
        }));
        let (dx, dy) = (x1 - control.0, y1 - control.1);
        let length = dx.hypot(dy);
        if length > 0.0 {
            let (ux, uy) = (dx / length, dy / length);
            let (tx, ty) = (x1 - ux * 6.0, y1 - uy * 6.0);
            out.push(Prim::Polygon(Polygon {
                points: vec![
                    (x1 - ux, y1 - uy),
                    (tx - uy * 3.5, ty + ux * 3.5),
                    (tx + uy * 3.5, ty - ux * 3.5),
                ],
                fill: Some(stroke.color),
                stroke: None,
            }));
        }
    }
}

/// The points of a zigzag edge at `x` from `top` to `bottom`.
fn zigzag(x: f64, top: f64, bottom: f64) -> Vec<Point> {
    let mut points = Vec::new();
    let mut y = top;
    let mut left = true;
    while y < bottom {
        points.push((x + if left { -2.5 } else { 2.5 }, y));
        y += 6.0;
        left = !left;
    }
    points
}

/// A note in a corner of the area (the window's "Axis: zone").
pub fn corner_note(look: &Look<'_>, text: String, at: Point) -> Prim {
    look.small_text(text, at, TYPE.caption, Align::Right)
}

/// A lane header's fold mark after its name at `tip`: pointing right when folded, down when open.
pub fn fold_mark(look: &Look<'_>, (x, y): Point, folded: bool) -> Prim {
    let points = if folded {
        vec![(x - 3.0, y - 4.0), (x + 3.0, y), (x - 3.0, y + 4.0)]
    } else {
        vec![(x - 4.0, y - 2.5), (x + 4.0, y - 2.5), (x, y + 3.5)]
    };
    Prim::Polygon(Polygon {
        points,
        fill: Some(Rgba::opaque(look.colors.lane_text)),
        stroke: None,
    })
}

/// Where a dragged lane would land: a line across the area at `y`.
pub fn drop_line(look: &Look<'_>, y: f64, width: f64) -> Prim {
    Prim::Line(Line {
        points: vec![(0.0, y), (width, y)],
        stroke: Stroke {
            width: 2.0,
            color: Rgba::opaque(look.colors.selection),
        },
        dash: None,
    })
}

/// The overview strip, `size` points large: its counts, the collapsed stretches and the window
/// from `x0` to `x1` on `axis` (which maps the strip's whole range onto its width).
pub fn overview(
    look: &Look<'_>,
    strip: &Overview,
    axis: &TimeAxis,
    breaks: &AxisBreaks,
    (width, height): Point,
    (x0, x1): Point,
) -> Vec<Prim> {
    let colors = &look.colors;
    let text = Rgba::opaque(colors.lane_text);
    let mut out = vec![rect(
        (0.0, 0.0),
        (width, height),
        2.0,
        Rgba::opaque(colors.lane_odd),
    )];
    let bins = strip.counts.len().max(1);
    let bin_width = width / bins as f64;
    let max_count = f64::from(strip.max_count.max(1));
    let bars = strip
        .counts
        .iter()
        .enumerate()
        .filter(|&(_, &count)| count > 0)
        .map(|(i, &count)| {
            let bar = (f64::from(count) / max_count).sqrt() * (height - 4.0);
            let left = i as f64 * bin_width;
            Quad {
                min: (left, height - 2.0 - bar),
                max: (left + bin_width.max(1.0), height - 2.0),
                fill: text.with_alpha(alpha::OVERVIEW_COUNTS),
            }
        })
        .collect();
    out.push(Prim::Quads(bars));
    for gap in breaks.gaps() {
        let x = f64::midpoint(
            axis.x_from_secs(gap.from_secs),
            axis.x_from_secs(gap.to_secs),
        );
        out.push(Prim::Line(Line {
            points: vec![(x, 0.0), (x, height)],
            stroke: Stroke {
                width: 1.0,
                color: text,
            },
            dash: None,
        }));
    }
    let selection = Rgba::opaque(colors.selection);
    out.push(Prim::Rect(Rect {
        min: (x0 + 0.75, 0.75),
        max: (x1 - 0.75, height - 0.75),
        corner: 2.0,
        fill: Some(selection.with_alpha(alpha::OVERVIEW_WINDOW)),
        stroke: Some(Stroke {
            width: 1.5,
            color: selection,
        }),
    }));
    out
}

#[cfg(test)]
mod tests;
