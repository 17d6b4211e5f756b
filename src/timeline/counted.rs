//! Lanes counted elsewhere: where a source (a ClickHouse table) has too many events in a lane
//! to send them, it sends how many start in each of many equal time bins, and the scene draws
//! that lane as density from these counts instead of from events it does not have.

/// Per lane, events starting in equal bins of `[min_secs, max_secs)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountedLanes {
    /// Start of the counted range.
    pub min_secs: f64,
    /// End of the counted range.
    pub max_secs: f64,
    /// (lane key, counts per bin).
    pub lanes: Vec<(String, Vec<u32>)>,
}

impl CountedLanes {
    /// The counts of the lane `key`, if it was counted.
    pub fn lane(&self, key: &str) -> Option<&[u32]> {
        self.lanes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, c)| c.as_slice())
    }

    /// The counts of `counts` (one lane) gathered into bins whose edges are `edges` seconds
    /// (ascending; `edges.len() - 1` bins). Within a counted bin events are taken as evenly
    /// spread; the cumulative count at each edge is rounded, so every event lands in exactly
    /// one bin and bins that match the counted ones get exactly their counts. Events outside
    /// the edges are left out.
    pub fn resample(&self, counts: &[u32], edges: &[f64]) -> Vec<u32> {
        let n = counts.len();
        let span = self.max_secs - self.min_secs;
        if n == 0 || edges.len() < 2 || span <= 0.0 || !span.is_finite() {
            return vec![0; edges.len().saturating_sub(1)];
        }
        let mut cumulative = Vec::with_capacity(n + 1);
        let mut total = 0u64;
        cumulative.push(0u64);
        for &c in counts {
            total += u64::from(c);
            cumulative.push(total);
        }
        let at = |secs: f64| -> u64 {
            let position = ((secs - self.min_secs) / span * n as f64).clamp(0.0, n as f64);
            let bin = (position.floor() as usize).min(n - 1);
            let within = position - bin as f64;
            let before = cumulative[bin] as f64;
            let after = cumulative[bin + 1] as f64;
            (before + (after - before) * within).round() as u64
        };
        edges
            .windows(2)
            .map(|w| u32::try_from(at(w[1]).saturating_sub(at(w[0]))).unwrap_or(u32::MAX))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lanes(counts: Vec<u32>) -> CountedLanes {
        CountedLanes {
            min_secs: 0.0,
            max_secs: counts.len() as f64 * 10.0,
            lanes: vec![("a".into(), counts)],
        }
    }

    #[test]
    fn matching_bins_keep_their_counts() {
        let counted = lanes(vec![3, 0, 7, 1]);
        let counts = counted.lane("a").unwrap().to_vec();
        assert_eq!(
            counted.resample(&counts, &[0.0, 10.0, 20.0, 30.0, 40.0]),
            vec![3, 0, 7, 1]
        );
        assert_eq!(counted.resample(&counts, &[0.0, 20.0, 40.0]), vec![3, 8]);
        assert!(counted.lane("b").is_none());
    }

    #[test]
    fn every_event_lands_once_whatever_the_bins() {
        let counts: Vec<u32> = (0..97).map(|i| (i * 7919 % 13) as u32).collect();
        let total: u32 = counts.iter().sum();
        let counted = lanes(counts.clone());
        for bins in [1usize, 5, 64, 333, 2000] {
            let edges: Vec<f64> = (0..=bins).map(|i| i as f64 * 970.0 / bins as f64).collect();
            let resampled = counted.resample(&counts, &edges);
            assert_eq!(resampled.len(), bins);
            assert_eq!(resampled.iter().sum::<u32>(), total, "{bins} bins");
        }
        // A view of half the range holds about half (no more than the bins it covers).
        let half = counted.resample(&counts, &[0.0, 485.0]);
        let first_half: u32 = counts[..49].iter().sum();
        assert!(half[0] <= first_half && half[0] >= first_half - counts[48]);
        // Outside the range: nothing.
        assert_eq!(counted.resample(&counts, &[-50.0, -1.0]), vec![0]);
    }
}
