//! What follows from the data, the filters and the lane choices (lanes and their indexes, the
//! shown list, search hits, axis breaks), computed in one pure function. Over
//! [`BACKGROUND_EVENTS`] events a change of filters, search or lanes is computed on a thread (the
//! window shows it is busy and keeps the last arrangement until the new one arrives); a change of
//! data is always arranged at once, so a layout never points into a dataset it was not made for.

use super::Reply;
use std::sync::Arc;

use super::{AppState, Effect};
use crate::model::{Dataset, EventIdx, Filter};
use crate::timeline::{AxisBreaks, LaneLayout, LaneSpec, lanes};

/// From this many events on, filters, search and lanes are arranged on a thread.
pub const BACKGROUND_EVENTS: usize = 200_000;

/// The result of [`arrange`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arrangement {
    /// Lanes and their indexes.
    pub layout: LaneLayout,
    /// Shown events in time order.
    pub shown: Vec<EventIdx>,
    /// Shown events the search matches.
    pub search_hits: Vec<EventIdx>,
    /// Axis breaks, if asked for.
    pub breaks: AxisBreaks,
}

/// Lanes, shown events, search hits and breaks for `dataset` under `filter` and `spec`.
pub fn arrange(
    dataset: &Dataset,
    filter: &Filter,
    spec: &LaneSpec,
    collapse_gaps: bool,
) -> Arrangement {
    let layout = lanes::build(dataset, filter, spec);
    let shown: Vec<EventIdx> = layout
        .placement
        .iter()
        .enumerate()
        .filter(|&(_, &place)| place != lanes::NOT_SHOWN)
        .filter_map(|(i, _)| u32::try_from(i).ok().map(EventIdx))
        .collect();
    let search_hits = filter.search_matches(dataset, &shown);
    let breaks = if collapse_gaps {
        AxisBreaks::find(dataset, &layout)
    } else {
        AxisBreaks::none()
    };
    Arrangement {
        layout,
        shown,
        search_hits,
        breaks,
    }
}

/// Work for the arranging thread.
#[derive(Clone)]
pub struct ArrangeJob {
    /// Which request this answers (older answers are dropped).
    pub generation: u64,
    dataset: Arc<Dataset>,
    filter: Filter,
    spec: LaneSpec,
    collapse_gaps: bool,
    /// Only the search changed: the hits among these shown events are all that is needed.
    search_only: Option<Arc<Vec<EventIdx>>>,
}

/// What the thread sends back.
#[derive(Clone, Debug, PartialEq)]
pub enum Arranged {
    /// Everything.
    All(Arrangement),
    /// Only new search hits.
    SearchHits(Vec<EventIdx>),
}

impl ArrangeJob {
    /// Does the work (on whatever thread calls it).
    pub fn run(&self) -> Arranged {
        match &self.search_only {
            Some(shown) => Arranged::SearchHits(self.filter.search_matches(&self.dataset, shown)),
            None => Arranged::All(arrange(
                &self.dataset,
                &self.filter,
                &self.spec,
                self.collapse_gaps,
            )),
        }
    }
}

impl std::fmt::Debug for ArrangeJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArrangeJob")
            .field("generation", &self.generation)
            .field("events", &self.dataset.events.len())
            .field("search_only", &self.search_only.is_some())
            .finish_non_exhaustive()
    }
}

impl PartialEq for ArrangeJob {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

impl Eq for ArrangeJob {}

impl AppState {
    /// Installs an arrangement made for the current dataset.
    pub(super) fn install(&mut self, arrangement: Arrangement) {
        self.layout = arrangement.layout;
        self.shown = arrangement.shown;
        self.search_hits = arrangement.search_hits;
        self.breaks = arrangement.breaks;
        self.layout_generation += 1;
        self.facets = Default::default();
        // The details show what the timeline shows: a selection the filters now hide goes.
        if let Some(idx) = self.selected()
            && self.layout.place(idx).is_none()
        {
            self.selection = None;
        }
    }

    /// After a change of filters, search or lanes: arranges at once for small data, else asks
    /// for a job (returned by `apply` as an effect).
    pub(super) fn rearrange(&mut self, search_only: bool) {
        if self.dataset.events.len() < self.background_events.unwrap_or(BACKGROUND_EVENTS) {
            if search_only {
                self.search_hits = self.filter.search_matches(&self.dataset, &self.shown);
            } else {
                self.relayout();
            }
            return;
        }
        self.arrange_generation += 1;
        self.arranging = Some(if search_only {
            "searching".to_owned()
        } else {
            "filtering".to_owned()
        });
        self.facets = Default::default();
        self.pending_arrange = Some(ArrangeJob {
            generation: self.arrange_generation,
            dataset: Arc::clone(&self.dataset),
            filter: self.filter.clone(),
            spec: self.lane_spec(),
            collapse_gaps: self.options.collapse_gaps,
            search_only: search_only.then(|| Arc::new(self.shown.clone())),
        });
    }

    /// Takes a finished job's answer: installed if it answers the latest request for this
    /// dataset, dropped otherwise.
    pub(super) fn arranged(&mut self, generation: u64, answer: Option<Arranged>) {
        if generation != self.arrange_generation {
            return; // a newer request is on its way
        }
        self.arranging = None;
        match answer {
            Some(Arranged::All(arrangement))
                if arrangement.layout.placement.len() == self.dataset.events.len() =>
            {
                self.install(arrangement);
            }
            Some(Arranged::SearchHits(hits)) => self.search_hits = hits,
            _ => self.relayout(), // the thread failed or the data changed: arrange here
        }
    }

    /// The effects of a command, with the arranging job it left (if any) after them.
    pub(super) fn with_arrange_effect(&mut self, mut effects: Vec<Effect>) -> Vec<Effect> {
        effects.extend(self.pending_arrange.take().map(Effect::Arrange));
        effects
    }

    /// The latest arrangement request.
    pub fn arrange_generation(&self) -> u64 {
        self.arrange_generation
    }

    /// Whether a command's arrangement is still being computed, and what it is ("Filtering").
    /// What runs on the arranging thread, if anything: `searching` or `filtering` (the status
    /// bar's `busy-…` message).
    pub fn busy(&self) -> Option<&str> {
        self.arranging.as_deref().or_else(|| {
            self.remote
                .as_ref()
                .is_some_and(super::remote::RemoteTable::querying)
                .then_some("querying")
        })
    }
}

/// Builds the reply that carries a job's answer back.
pub fn answer(job: &ArrangeJob) -> Reply {
    Reply::Arranged(job.generation, super::Delivery::new(job.run()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::FilterCommand;
    use crate::app::Settings;
    use crate::model::filter::Field;

    fn forced_background() -> AppState {
        let mut state = AppState::with_files(&[], Settings::default());
        state.background_events = Some(0);
        state
    }

    #[test]
    fn big_data_filters_on_a_thread_and_keeps_the_last_view_until_the_answer() {
        let mut state = forced_background();
        let before = state.shown.clone();
        let Some(Effect::Arrange(job)) = state
            .apply(FilterCommand::ToggleFacet(Field::Actor, "CCB".into()))
            .pop()
        else {
            panic!("a job for the thread");
        };
        assert_eq!(state.busy(), Some("filtering"));
        assert_eq!(
            state.shown, before,
            "the last arrangement stays until the answer"
        );
        assert!(state.receive(answer(&job)).is_empty());
        assert_eq!(state.busy(), None);
        let expected = arrange(&state.dataset, &state.filter, &state.lanes, false);
        assert_eq!(state.shown, expected.shown);
        assert!(state.shown.len() < before.len());
    }

    #[test]
    fn a_late_answer_is_dropped_and_search_alone_only_searches() {
        let mut state = forced_background();
        let Some(Effect::Arrange(first)) =
            state.apply(FilterCommand::SetQuery("belnet".into())).pop()
        else {
            panic!("a job");
        };
        assert_eq!(state.busy(), Some("searching"));
        let Some(Effect::Arrange(second)) = state
            .apply(FilterCommand::SetQuery("strategy".into()))
            .pop()
        else {
            panic!("a job");
        };
        assert!(state.receive(answer(&first)).is_empty());
        assert_eq!(state.busy(), Some("searching"), "the first answer is stale");
        assert!(state.search_hits.is_empty());
        assert!(state.receive(answer(&second)).is_empty());
        assert_eq!(state.busy(), None);
        let expected = state.filter.search_matches(&state.dataset, &state.shown);
        assert_eq!(state.search_hits, expected);
        assert!(!expected.is_empty());
    }
}
