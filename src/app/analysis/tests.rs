//! Unit tests of `app::analysis`.

use super::*;
use crate::app::Settings;
use crate::model::filter::Field;

fn belgium() -> AppState {
    AppState::with_files(&[], Settings::default())
}

fn id(state: &AppState, idx: EventIdx) -> String {
    state.dataset.events.owned(idx.index()).unwrap().id.clone()
}

#[test]
fn stepping_wraps_and_places_unknown_items() {
    let list = [EventIdx(2), EventIdx(5), EventIdx(9)];
    assert_eq!(step_in(&list, None, true), Some(EventIdx(2)));
    assert_eq!(step_in(&list, None, false), Some(EventIdx(9)));
    assert_eq!(step_in(&list, Some(EventIdx(5)), true), Some(EventIdx(9)));
    assert_eq!(step_in(&list, Some(EventIdx(9)), true), Some(EventIdx(2)));
    assert_eq!(step_in(&list, Some(EventIdx(2)), false), Some(EventIdx(9)));
    assert_eq!(step_in(&list, Some(EventIdx(6)), true), Some(EventIdx(9)));
    assert_eq!(step_in(&list, Some(EventIdx(6)), false), Some(EventIdx(5)));
    assert_eq!(step_in(&[], None, true), None);
}

#[test]
fn search_steps_through_matches_and_zooms_to_each() {
    let mut state = belgium();
    state.apply_quietly(FilterCommand::SetQuery("strategy".into()));
    assert!(state.search_hits.len() >= 2, "{:?}", state.search_hits);
    assert_eq!(
        state.shown.len(),
        state.dataset.events.len(),
        "highlight only"
    );
    state.apply_quietly(SelectCommand::NextMatch);
    let first = state.selected().unwrap();
    assert_eq!(first, state.search_hits[0]);
    let event = state.dataset.events.owned(first.index()).unwrap();
    assert!(state.view.min_secs <= event.start_secs());
    assert!(state.view.max_secs() >= event.end_secs());
    state.apply_quietly(SelectCommand::NextMatch);
    assert_eq!(state.selected(), Some(state.search_hits[1]));
    state.apply_quietly(SelectCommand::PreviousMatch);
    state.apply_quietly(SelectCommand::PreviousMatch);
    assert_eq!(state.selected(), state.search_hits.last().copied(), "wraps");
    state.apply_quietly(FilterCommand::SetOnlyMatches(true));
    assert_eq!(state.shown, state.search_hits);
}

#[test]
fn next_and_previous_walk_the_shown_events_in_time_order() {
    let mut state = belgium();
    let mut walked = Vec::new();
    for _ in 0..state.shown.len() {
        state.apply_quietly(SelectCommand::NextEvent);
        walked.push(state.selected().unwrap());
    }
    assert_eq!(walked, state.shown);
    state.apply_quietly(SelectCommand::PreviousEvent);
    assert_eq!(state.selected(), state.shown.iter().rev().nth(1).copied());
    // Out of view: the view pans to it, keeping its width.
    state.apply_quietly(ViewCommand::ZoomToEvent(state.shown[0]));
    let span = state.view.span_secs;
    state.apply_quietly(SelectCommand::PreviousEvent);
    let last = *state.shown.last().unwrap();
    assert_eq!(state.selected(), Some(last));
    let event = state.dataset.events.owned(last.index()).unwrap();
    assert!(state.view.min_secs < event.end_secs() && state.view.max_secs() > event.start_secs());
    assert!((state.view.span_secs - span).abs() < 1e-6 * span);
}

#[test]
fn facet_filters_count_and_fit() {
    let mut state = belgium();
    let total = state.shown.len();
    let actors = state.facet_values(Field::Actor);
    let ccb = actors.iter().find(|v| v.value == "CCB").unwrap().count;
    assert!(ccb > 0 && ccb < total);
    state.apply_quietly(FilterCommand::ToggleFacet(Field::Actor, "CCB".into()));
    assert_eq!(state.shown.len(), ccb);
    for &idx in &state.shown {
        assert!(
            state
                .dataset
                .events
                .owned(idx.index())
                .unwrap()
                .actors
                .iter()
                .any(|a| a == "CCB")
        );
    }
    let wide = state.view;
    state.apply_quietly(ViewCommand::FitToFilter);
    assert!(state.view.span_secs <= wide.span_secs);
    state.apply_quietly(FilterCommand::ClearFilters);
    assert_eq!(state.shown.len(), total);
}

#[test]
fn lanes_by_actor_put_a_two_actor_event_in_two_lanes_and_move_and_fold() {
    let mut state = belgium();
    state.apply_quietly(LanesCommand::SetLanesBy(Some(Field::Actor)));
    let (idx, event) = state
        .dataset
        .events
        .iter()
        .enumerate()
        .find(|(_, e)| e.actors().count() >= 2)
        .unwrap();
    let idx = EventIdx(u32::try_from(idx).unwrap());
    let lanes_with_it: Vec<&str> = state
        .layout
        .index
        .iter()
        .zip(&state.layout.lanes)
        .filter(|(ix, _)| ix.iter().any(|i| i.events.contains(&idx)))
        .map(|(_, l)| l.key.as_str())
        .collect();
    assert_eq!(lanes_with_it.len(), event.actors().count());
    assert_eq!(state.layout.copies_of(idx), event.actors().count());
    assert_eq!(
        state.layout.shown,
        state.dataset.events.len(),
        "counted once"
    );
    let last = state.layout.lanes.last().unwrap().key.clone();
    state.apply_quietly(LanesCommand::MoveLane(last.clone(), 0));
    assert_eq!(state.layout.lanes[0].key, last);
    state.apply_quietly(LanesCommand::ToggleLaneCollapsed(last.clone()));
    assert!(state.layout.lanes[0].collapsed);
    state.apply_quietly(LanesCommand::SetLanesBy(None));
    assert_eq!(state.layout.lanes.len(), 1);
    let _ = id(&state, idx);
}

#[test]
fn keyboard_zoom_pan_and_jump() {
    let mut state = belgium();
    let view = state.view;
    state.apply_quietly(ViewCommand::ZoomBy(KEY_ZOOM));
    assert!((state.view.span_secs - view.span_secs / KEY_ZOOM).abs() < 1.0);
    assert!((state.view.center_secs() - view.center_secs()).abs() < 1.0);
    let zoomed = state.view;
    state.apply_quietly(ViewCommand::PanBy(KEY_PAN));
    assert!((state.view.min_secs - zoomed.min_secs - KEY_PAN * zoomed.span_secs).abs() < 1.0);
    state.apply_quietly(ViewCommand::JumpTo("2021-05".into()));
    let may: TimePoint = "2021-05".parse().unwrap();
    assert!(state.view.min_secs < may.start_secs() && state.view.max_secs() > may.end_secs());
    assert!(state.view.span_secs < 3.0 * 31.0 * 86_400.0);
    let before = state.view;
    state.apply_quietly(ViewCommand::JumpTo("May the fourth".into()));
    assert_eq!(state.view, before);
    assert!(state.toast.as_ref().unwrap().is_error);
}

#[test]
fn bookmarks_and_notes() {
    let mut state = belgium();
    state.apply_quietly(ViewCommand::JumpTo("2021-05".into()));
    state.apply_quietly(NotesCommand::AddBookmark("Belnet week".into()));
    let view = state.view;
    state.apply_quietly(ViewCommand::FitAll);
    state.apply_quietly(NotesCommand::GoToBookmark(0));
    assert!((state.view.center_secs() - view.center_secs()).abs() < 1.0);
    let belnet = state
        .dataset
        .find_in_file(crate::model::FileId(0), "belnet-ddos")
        .unwrap();
    state.apply_quietly(SelectCommand::Select(Some(belnet)));
    state.apply_quietly(NotesCommand::SetEventNote("Check the Belnet report".into()));
    assert_eq!(
        state.note_on(belnet).unwrap().text,
        "Check the Belnet report"
    );
    state.apply_quietly(NotesCommand::SetEventNote(String::new()));
    assert!(state.note_on(belnet).is_none());
    state.apply_quietly(NotesCommand::AddTimeNote("Quiet period".into()));
    assert_eq!(state.notes.len(), 1);
}

#[test]
fn linked_events_are_neighbours_both_ways() {
    let state = belgium();
    let (from, event) = state
        .dataset
        .events
        .iter()
        .enumerate()
        .find(|(_, e)| !e.links().is_empty())
        .unwrap();
    let from = EventIdx(u32::try_from(from).unwrap());
    let to = state
        .dataset
        .find_in_file(event.file(), &event.links()[0].target)
        .unwrap();
    assert!(state.neighbours(from).contains(&to));
    assert!(state.neighbours(to).contains(&from));
}
