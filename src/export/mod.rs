//! Exports drawn from the same [`crate::timeline::Scene`] as the window (SVG, PNG). Not built yet:
//! see the presentation-output issue.
