//! A lane's time tiles: its starts counted in equal slices of time, so a density bin's edge is
//! found in one step (see [`Tiles`]).

/// A lane's starts counted in a power of two of equal slices of time ("tiles", built once per
/// layout, a few kilobytes): a density bin's edge finds its place from its tile in one step,
/// then among that tile's few starts, rather than by a search of the whole lane. Exact: the
/// tile of a time only grows with the time, so every start before an edge's tile is before the
/// edge and every start after it is not.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Tiles {
    pub(super) origin: f64,
    /// Tiles per second.
    pub(super) scale: f64,
    /// Position in `starts` of the first start of each tile, and the number of starts last.
    pub(super) first: Vec<u32>,
}

/// Lanes with fewer starts are searched without tiles (a search of a small lane is cheap).
const TILED_FROM: usize = 4096;

impl Tiles {
    pub(super) fn build(starts: &[f64]) -> Option<Self> {
        let (&origin, &last) = (starts.first()?, starts.last()?);
        let span = last - origin;
        if starts.len() < TILED_FROM || !span.is_finite() || span <= 0.0 {
            return None;
        }
        let count = (starts.len() / 8).next_power_of_two().clamp(512, 1 << 16);
        let mut tiles = Self {
            origin,
            scale: count as f64 / span,
            first: Vec::with_capacity(count + 1),
        };
        let n = u32::try_from(starts.len()).ok()?;
        let mut at = 0_u32;
        for t in 0..count {
            while starts
                .get(at as usize)
                .is_some_and(|&s| tiles.tile_of(s, count) < t)
            {
                at += 1;
            }
            tiles.first.push(at);
        }
        tiles.first.push(n);
        Some(tiles)
    }

    /// The tile of `secs` (clamped to the tiles): never smaller for a later time.
    pub(super) fn tile_of(&self, secs: f64, count: usize) -> usize {
        let t = ((secs - self.origin) * self.scale).floor();
        if t.is_nan() || t < 0.0 {
            0
        } else {
            (t as usize).min(count - 1)
        }
    }

    /// The number of `starts` before `edge`.
    pub(super) fn position(&self, starts: &[f64], edge: f64) -> usize {
        let count = self.first.len() - 1;
        let t = self.tile_of(edge, count);
        let from = self.first.get(t).copied().unwrap_or(0) as usize;
        let to = self
            .first
            .get(t + 1)
            .copied()
            .map_or(starts.len(), |p| p as usize);
        from + starts
            .get(from..to)
            .map_or(0, |w| w.partition_point(|&s| s < edge))
    }
}
