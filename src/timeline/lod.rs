//! Level of detail: points too close to draw apart merge into clusters with exact counts, and each
//! lane's items are packed into rows with labels only where they fit.

use super::scene::{Cluster, Mark, MarkShape, SceneInput};
use crate::model::EventIdx;

/// A mark or cluster while packing rows, before labels.
pub(crate) enum Item {
    /// One event.
    Mark(Mark),
    /// Several events.
    Cluster(Cluster),
}

impl Item {
    fn x0(&self) -> f64 {
        match self {
            Self::Mark(m) => m.x0,
            Self::Cluster(c) => c.x0,
        }
    }
}

/// Space between a mark and its label, and between neighbours in a row.
const GAP: f64 = 6.0;

/// An item placed in a row of its lane, with its label if one fits.
pub(crate) struct Placed {
    pub(crate) item: Item,
    pub(crate) row: usize,
    pub(crate) label: Option<(String, f64, f64, bool)>,
}

/// Merges runs of point marks closer than `distance` into clusters (level of detail); spans and
/// partial bars stay as they are. The result is sorted by left edge.
pub(crate) fn aggregate(mut marks: Vec<Mark>, distance: f64) -> Vec<Item> {
    marks.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut items: Vec<Item> = Vec::with_capacity(marks.len());
    let mut run: Vec<Mark> = Vec::new();
    let flush = |run: &mut Vec<Mark>, items: &mut Vec<Item>| match run.len() {
        0 => {}
        1 => items.extend(run.drain(..).map(Item::Mark)),
        count => {
            let x0 = run.first().map_or(0.0, |m| m.x0);
            let x1 = run.last().map_or(0.0, |m| m.x1);
            // One colour only when every member shares it (lanes by actor mix categories).
            let category = run.first().and_then(|m| m.category);
            let category = category.filter(|&c| run.iter().all(|m| m.category == Some(c)));
            let mut members: Vec<EventIdx> = run.drain(..).map(|m| m.event).collect();
            members.sort();
            items.push(Item::Cluster(Cluster {
                x0,
                x1,
                y: 0.0,
                count,
                members,
                category,
            }));
        }
    };
    for mark in marks {
        if mark.shape != MarkShape::Point {
            flush(&mut run, &mut items);
            items.push(Item::Mark(mark));
            continue;
        }
        if run.last().is_some_and(|last| mark.x0 - last.x1 >= distance) {
            flush(&mut run, &mut items);
        }
        run.push(mark);
    }
    flush(&mut run, &mut items);
    items.sort_by(|a, b| a.x0().total_cmp(&b.x0()));
    items
}

/// Puts an unlabelled item in `row`, dropping any label it would cover (the tail of
/// [`pack_rows`] for items that cannot have a label).
fn place_unlabelled(
    row_ends: &mut Vec<f64>,
    open_labels: &mut Vec<Vec<(usize, f64, f64)>>,
    placed: &mut Vec<Placed>,
    item: Item,
    row: usize,
    left: f64,
    right: f64,
) {
    if row >= row_ends.len() {
        row_ends.resize(row + 1, f64::NEG_INFINITY);
        open_labels.resize_with(row + 1, Vec::new);
    }
    if let Some(row_end) = row_ends.get_mut(row) {
        *row_end = row_end.max(right);
    }
    if let Some(open) = open_labels.get_mut(row) {
        open.retain(|&(_, _, label_to)| label_to + GAP > left);
        open.retain(|&(index, label_from, _)| {
            let overlaps = label_from < right;
            if overlaps && let Some(p) = placed.get_mut(index) {
                p.label = None;
            }
            !overlaps
        });
    }
    placed.push(Placed {
        item,
        row,
        label: None,
    });
}

/// Greedy first-fit packing of one lane's items (in x order) into at most `row_cap` rows. Each item
/// goes in the first row where it fits *with* its label (right of the mark, inside its bar, or left
/// of it near the right edge); failing that, in the first row where the mark alone fits; failing
/// that, in the row that ends first, unlabelled. No two labels or marks of a row overlap unless the
/// lane is out of rows. Returns the items and the rows used.
pub(crate) fn pack_rows(
    items: Vec<Item>,
    row_cap: usize,
    input: &SceneInput<'_>,
) -> (Vec<Placed>, usize) {
    let width = input.size.0;
    let radius = input.style.marker_radius;
    let mut row_ends: Vec<f64> = Vec::new();
    // Per row, the labels that may still be overlapped: (index in `placed`, label's left, right).
    let mut open_labels: Vec<Vec<(usize, f64, f64)>> = Vec::new();
    let mut placed: Vec<Placed> = Vec::with_capacity(items.len());
    for item in items {
        // Where the mark itself sits, before any label.
        let (left, right) = match &item {
            Item::Mark(m) => {
                let pad = if m.shape == MarkShape::Point {
                    radius
                } else {
                    0.0
                };
                // A second date joined to the mark (a hollow diamond) belongs to it.
                let (left, right) = (m.x0 - pad, m.x1 + pad);
                m.second_x.map_or((left, right), |x| {
                    (left.min(x - radius), right.max(x + radius))
                })
            }
            Item::Cluster(c) => (c.x0 - radius - 1.0, c.x1 + radius + 1.0),
        };
        // A label needs a row that is free from the mark's left edge on (a label on the left
        // starts even further left). With none, skip the text and its measuring: in a crowded
        // lane that is most items, and measuring is the costly part of a frame.
        let room = (0..row_cap).any(|r| row_ends.get(r).is_none_or(|&end| end + GAP <= left));
        if !room {
            let row = (0..row_cap)
                .find(|&r| row_ends.get(r).is_none_or(|&end| end + 2.0 <= left))
                .unwrap_or_else(|| {
                    row_ends
                        .iter()
                        .enumerate()
                        .min_by(|a, b| a.1.total_cmp(b.1))
                        .map_or(0, |(r, _)| r)
                });
            place_unlabelled(
                &mut row_ends,
                &mut open_labels,
                &mut placed,
                item,
                row,
                left,
                right,
            );
            continue;
        }
        let (text, bar) = match &item {
            Item::Mark(m) => {
                let title = input.dataset.event(m.event).map_or_else(String::new, |e| {
                    crate::model::text::one_line(e.title(), crate::model::text::TITLE_CHARS)
                        .into_owned()
                });
                let text = if m.circa {
                    format!("c. {title}")
                } else {
                    title
                };
                let bar = (m.shape != MarkShape::Point).then_some(m.shape == MarkShape::Span);
                (text, bar)
            }
            Item::Cluster(c) => (format!("{} events", c.count), None),
        };
        let text_width = (input.measure)(&text);
        let inside_x = left.max(0.0) + 5.0;
        // Where the label would go, and the extent of mark + label.
        let label = if bar.is_some() && inside_x + text_width <= right.min(width) - 5.0 {
            Some((inside_x, left, right, bar.unwrap_or(false)))
        } else if right + 4.0 + text_width <= width {
            Some((
                right.max(0.0) + 4.0,
                left,
                right.max(0.0) + 4.0 + text_width,
                false,
            ))
        } else if left - 4.0 - text_width >= 0.0 && right <= width {
            Some((
                left - 4.0 - text_width,
                left - 4.0 - text_width,
                right,
                false,
            ))
        } else {
            None
        };
        let fits = |row_end: f64, from: f64| row_end + GAP <= from;
        let with_label = label.and_then(|(x, from, to, solid)| {
            let row = (0..row_cap).find(|&r| row_ends.get(r).is_none_or(|&end| fits(end, from)))?;
            Some((row, to, Some((text.clone(), x, text_width, solid))))
        });
        let (row, end, label) = with_label
            .or_else(|| {
                let row =
                    (0..row_cap).find(|&r| row_ends.get(r).is_none_or(|&end| end + 2.0 <= left))?;
                Some((row, right, None))
            })
            .unwrap_or_else(|| {
                let row = row_ends
                    .iter()
                    .enumerate()
                    .min_by(|a, b| a.1.total_cmp(b.1))
                    .map_or(0, |(r, _)| r);
                (row, right, None)
            });
        if row >= row_ends.len() {
            row_ends.resize(row + 1, f64::NEG_INFINITY);
            open_labels.resize_with(row + 1, Vec::new);
        }
        if let Some(row_end) = row_ends.get_mut(row) {
            *row_end = row_end.max(end);
        }
        if let Some(open) = open_labels.get_mut(row) {
            // A mark forced onto a full row hides no label: the label it would cover goes.
            // Items come in left-edge order, so labels ending before this one starts are done.
            let (from, to) = (left.min(end), right.max(end));
            open.retain(|&(_, _, label_to)| label_to + GAP > from);
            open.retain(|&(index, label_from, _)| {
                let overlaps = label_from < to;
                if overlaps && let Some(p) = placed.get_mut(index) {
                    p.label = None;
                }
                !overlaps
            });
            if let Some((_, x, width, _)) = &label {
                open.push((placed.len(), *x, x + width));
            }
        }
        placed.push(Placed { item, row, label });
    }
    let rows = row_ends.len().max(1);
    (placed, rows)
}
