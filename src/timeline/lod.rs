//! Level of detail: points too close to draw apart merge into clusters with exact counts, spans
//! that cover the whole view merge into one "N under way" bar, and each lane's items are packed
//! into rows with labels only where they fit. Nothing is drawn over anything else: an item with no
//! room in any row is left out and counted, so the lane can say "+N more".

use super::scene::{Cluster, ClusterKind, Mark, MarkShape, SceneInput};
use crate::model::EventIdx;

/// A mark or cluster while packing rows, before labels.
#[derive(Clone)]
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

    /// How many events it stands for.
    pub(crate) fn count(&self) -> usize {
        match self {
            Self::Mark(_) => 1,
            Self::Cluster(c) => c.count,
        }
    }

    fn is(&self, event: Option<EventIdx>) -> bool {
        matches!((self, event), (Self::Mark(m), Some(e)) if m.event == e)
    }
}

/// Space between a mark and its label, and between neighbours in a row.
const GAP: f64 = 6.0;
/// Space between two unlabelled neighbours in a row.
const TIGHT_GAP: f64 = 2.0;

/// An item placed in a row of its lane, with its label if one fits: (text, x, width, inside a
/// solid bar).
pub(crate) struct Placed {
    pub(crate) item: Item,
    pub(crate) row: usize,
    pub(crate) label: Option<(String, f64, f64, bool)>,
}

/// One lane packed into rows.
pub(crate) struct Packed {
    /// What is drawn, row by row.
    pub(crate) placed: Vec<Placed>,
    /// Rows used (at least one).
    pub(crate) rows: usize,
    /// Events with no room in any row: not drawn, counted in the lane's "+N more".
    pub(crate) left_out: Vec<EventIdx>,
}

impl Packed {
    fn has_label(&self, event: EventIdx) -> Option<bool> {
        self.placed
            .iter()
            .find(|p| p.item.is(Some(event)))
            .map(|p| p.label.is_some())
    }

    fn row_of(&self, event: EventIdx) -> Option<usize> {
        self.placed
            .iter()
            .find(|p| p.item.is(Some(event)))
            .map(|p| p.row)
    }
}

/// Merges runs of point marks closer than `distance` into clusters, and two or more spans that
/// cover the whole `width` into one "under way" bar; other spans and partial bars stay as they
/// are, and so does `keep` (the selection, always drawn on its own). Sorted by left edge.
pub(crate) fn aggregate(
    marks: Vec<Mark>,
    distance: f64,
    width: f64,
    keep: Option<EventIdx>,
) -> Vec<Item> {
    let covers = |m: &Mark| {
        m.shape != MarkShape::Point && m.x0 <= 0.0 && m.x1 >= width && Some(m.event) != keep
    };
    let (mut under_way, mut marks): (Vec<Mark>, Vec<Mark>) = marks.into_iter().partition(covers);
    if under_way.len() == 1 {
        marks.append(&mut under_way);
    }
    marks.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut items: Vec<Item> = Vec::with_capacity(marks.len() + 1);
    if !under_way.is_empty() {
        let category = under_way.first().and_then(|m| m.category);
        let category = category.filter(|&c| under_way.iter().all(|m| m.category == Some(c)));
        let mut members: Vec<EventIdx> = under_way.iter().map(|m| m.event).collect();
        members.sort();
        items.push(Item::Cluster(Cluster {
            x0: under_way.iter().map(|m| m.x0).fold(0.0, f64::min),
            x1: under_way.iter().map(|m| m.x1).fold(width, f64::max),
            y: 0.0,
            count: members.len(),
            members,
            category,
            kind: ClusterKind::UnderWay,
        }));
    }
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
                kind: ClusterKind::Points,
            }));
        }
    };
    for mark in marks {
        if mark.shape != MarkShape::Point || Some(mark.event) == keep {
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

/// Where an item's mark sits, before any label.
fn extent(item: &Item, radius: f64) -> (f64, f64) {
    match item {
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
        Item::Cluster(c) if c.kind == ClusterKind::UnderWay => (c.x0, c.x1),
        Item::Cluster(c) => (c.x0 - radius - 1.0, c.x1 + radius + 1.0),
    }
}

/// An item's label and where it would go.
struct LabelPlan {
    text: String,
    /// Left edge of the text.
    x: f64,
    /// Measured width of the text.
    width: f64,
    /// Extent of mark and label together.
    from: f64,
    to: f64,
    /// Inside a solid bar (drawn in the bar's text colour).
    solid: bool,
}

impl LabelPlan {
    fn label(self) -> (String, f64, f64, bool) {
        (self.text, self.x, self.width, self.solid)
    }
}

/// Where an item's label fits: inside its bar, right of the mark, or left of it near the right
/// edge of the view; `None` if nowhere.
fn plan_label(item: &Item, (left, right): (f64, f64), input: &SceneInput<'_>) -> Option<LabelPlan> {
    let view_width = input.size.0 - input.style.right_inset;
    let (text, bar) = match item {
        Item::Mark(m) => {
            let title = input.dataset.event(m.event).map_or_else(String::new, |e| {
                crate::model::text::one_line(
                    e.title_in(input.extras.lang),
                    crate::model::text::TITLE_CHARS,
                )
                .into_owned()
            });
            let text = if m.circa {
                format!("{} {title}", input.extras.lang.word("circa"))
            } else {
                title
            };
            let bar = (m.shape != MarkShape::Point).then_some(m.shape == MarkShape::Span);
            (text, bar)
        }
        Item::Cluster(c) => match c.kind {
            ClusterKind::Points => (input.extras.lang.count("events", c.count), None),
            ClusterKind::UnderWay => (input.extras.lang.count("under-way", c.count), Some(false)),
        },
    };
    let width = (input.measure)(&text);
    // Inside the bar itself: not over the line to its second date.
    let (bar_left, bar_right) = match item {
        Item::Mark(m) => (m.x0, m.x1),
        Item::Cluster(c) => (c.x0, c.x1),
    };
    let inside_x = bar_left.max(0.0) + 5.0;
    let (x, from, to, solid) = if let Some(solid) = bar
        && inside_x + width <= bar_right.min(view_width) - 5.0
    {
        (inside_x, left, right, solid)
    } else if right + 4.0 + width <= view_width {
        let x = right.max(0.0) + 4.0;
        (x, left, x + width, false)
    } else if left - 4.0 - width >= 0.0 && right <= view_width {
        let x = left - 4.0 - width;
        (x, x, right, false)
    } else if let Item::Mark(m) = item
        && let Some(second) = m.second_x
        && (m.x1 < 0.0 || m.x0 > view_width)
        && second - input.style.marker_radius - 4.0 - width >= 0.0
    {
        // Only the second date is in view: the name goes just before it, on the line from the
        // edge (which the painter breaks for it).
        let x = second - input.style.marker_radius - 4.0 - width;
        (x, left, right, false)
    } else {
        return None;
    };
    Some(LabelPlan {
        text,
        x,
        width,
        from,
        to,
        solid,
    })
}

/// A stretch of one row kept for the selection's mark and label.
#[derive(Clone, Copy)]
struct Reserved {
    row: usize,
    from: f64,
    to: f64,
    event: EventIdx,
}

/// The rows of one lane while packing.
struct Rows {
    /// Per row: where its last mark or label ends, and whether that is a label (which keeps a
    /// wider gap).
    ends: Vec<(f64, bool)>,
    cap: usize,
    reserved: Option<Reserved>,
}

impl Rows {
    /// The first row free for `[from, to)` with `gap` before it (a label's gap after a label),
    /// keeping clear of the reserved stretch.
    fn first_free(&self, from: f64, to: f64, gap: f64) -> Option<usize> {
        (0..self.cap).find(|&r| {
            let after_end = self
                .ends
                .get(r)
                .is_none_or(|&(end, label)| end + if label { gap.max(GAP) } else { gap } <= from);
            let clear = self
                .reserved
                .is_none_or(|s| s.row != r || to + GAP <= s.from || s.to + GAP <= from);
            after_end && clear
        })
    }

    fn take(&mut self, row: usize, to: f64, label: bool) {
        if row >= self.ends.len() {
            self.ends.resize(row + 1, (f64::NEG_INFINITY, false));
        }
        if let Some(end) = self.ends.get_mut(row)
            && to >= end.0
        {
            *end = (to, label);
        }
    }
}

/// Packs one lane's items (in x order) into at most `row_cap` rows, greedy first fit: each item
/// goes in the first row where it fits *with* its label, failing that in the first row where the
/// mark alone fits, failing that nowhere (it is counted in [`Packed::left_out`]). Nothing covers
/// anything else. `keep` (the selection), when in view, always gets its label: if the first
/// packing left it unnamed, its place is reserved and the lane packed again.
pub(crate) fn pack_rows(
    items: Vec<Item>,
    row_cap: usize,
    keep: Option<EventIdx>,
    input: &SceneInput<'_>,
) -> Packed {
    let radius = input.style.marker_radius;
    let cap = row_cap.max(1);
    let wanted = keep.and_then(|k| {
        let item = items.iter().find(|i| i.is(Some(k)))?;
        let plan = plan_label(item, extent(item, radius), input)?;
        let Item::Mark(mark) = item else {
            return None;
        };
        Some((mark.clone(), plan.from, plan.to))
    });
    let mut first = pack_with(items, cap, None, input);
    let Some((kept, from, to)) = wanted else {
        return first;
    };
    if first.has_label(kept.event) == Some(true) {
        return first;
    }
    // Everything goes back in, in x order, around the reserved stretch; a cluster stays whole.
    let row = first.row_of(kept.event).unwrap_or(0).min(cap - 1);
    let mut items: Vec<Item> = first.placed.into_iter().map(|p| p.item).collect();
    if first.left_out.contains(&kept.event) {
        first.left_out.retain(|&e| e != kept.event);
        items.push(Item::Mark(kept.clone()));
    }
    items.sort_by(|a, b| a.x0().total_cmp(&b.x0()));
    let mut second = pack_with(
        items,
        cap,
        Some(Reserved {
            row,
            from,
            to,
            event: kept.event,
        }),
        input,
    );
    second.left_out.extend(first.left_out);
    second
}

fn pack_with(
    items: Vec<Item>,
    cap: usize,
    reserved: Option<Reserved>,
    input: &SceneInput<'_>,
) -> Packed {
    let radius = input.style.marker_radius;
    let mut rows = Rows {
        ends: Vec::new(),
        cap,
        reserved,
    };
    let mut placed: Vec<Placed> = Vec::with_capacity(items.len());
    let mut left_out = Vec::new();
    for item in items {
        let (left, right) = extent(&item, radius);
        if let Some(kept) = reserved
            && item.is(Some(kept.event))
        {
            let label = plan_label(&item, (left, right), input).map(LabelPlan::label);
            rows.take(kept.row, kept.to, true);
            placed.push(Placed {
                item,
                row: kept.row,
                label,
            });
            continue;
        }
        // A label needs a row that is free from the mark's left edge on (a label on the left
        // starts even further left). With none, skip the text and its measuring: in a crowded
        // lane that is most items, and measuring is the costly part of a frame.
        let with_label = rows
            .first_free(left, right, GAP)
            .and_then(|_| plan_label(&item, (left, right), input))
            .and_then(|plan| {
                let row = rows.first_free(plan.from, plan.to, GAP)?;
                Some((row, plan.to, Some(plan.label())))
            });
        let choice = with_label.or_else(|| {
            rows.first_free(left, right, TIGHT_GAP)
                .map(|row| (row, right, None))
        });
        match choice {
            Some((row, end, label)) => {
                let labelled = label.is_some() && end > right;
                rows.take(row, end.max(right), labelled);
                placed.push(Placed { item, row, label });
            }
            None => match item {
                Item::Mark(m) => left_out.push(m.event),
                Item::Cluster(c) => left_out.extend(c.members),
            },
        }
    }
    Packed {
        placed,
        rows: rows.ends.len().max(1),
        left_out,
    }
}
