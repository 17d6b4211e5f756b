//! Working in a timeline: search stepping, facets, lanes, event stepping, keyboard zoom and pan,
//! jumping to a date, links and gaps, bookmarks and notes. No egui here.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{AppState, Command, Effect, FileSource, PickMode};
use crate::model::{EventIdx, TimePoint};
use crate::timeline::TimeView;
use crate::timeline::scene::SceneExtras;
use crate::timeline::zone::DisplayZone;

/// How the timeline is drawn, beyond what is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewOptions {
    /// Draw links between events as arrows.
    pub links: bool,
    /// Collapse long empty stretches of the axis.
    pub collapse_gaps: bool,
}

impl Default for ViewOptions {
    fn default() -> Self {
        Self {
            links: true,
            collapse_gaps: false,
        }
    }
}

/// A named time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Its name.
    pub name: String,
    /// The time, seconds since 1970-01-01 UTC.
    pub secs: f64,
    /// The view's width when it was made, to come back at the same zoom.
    pub span_secs: f64,
}

/// A note on an event, or at a time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The text.
    pub text: String,
    /// The event it is about (file as shown in the legend, and id), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<super::scenes::SceneSelection>,
    /// The time it is at, when it is not about an event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secs: Option<f64>,
}

/// How far one W/S press zooms, and one A/D press pans (fraction of the width).
pub const KEY_ZOOM: f64 = 1.5;
/// See [`KEY_ZOOM`].
pub const KEY_PAN: f64 = 0.2;

impl AppState {
    /// What the scene needs beyond the events: breaks and links.
    pub fn scene_extras(&self) -> SceneExtras {
        SceneExtras {
            breaks: self.breaks.clone(),
            links: self.options.links,
            zone: self.zone(),
        }
    }

    /// The display zone the settings name (UTC if the name is not a zone).
    pub fn zone(&self) -> DisplayZone {
        DisplayZone::parse(&self.settings.display_zone).unwrap_or_default()
    }

    /// Events linked to or from `idx` (either direction), for highlighting.
    pub fn neighbours(&self, idx: EventIdx) -> Vec<EventIdx> {
        let Some(event) = self.dataset.event(idx) else {
            return Vec::new();
        };
        let mut found: Vec<EventIdx> = event
            .links()
            .iter()
            .filter_map(|l| self.dataset.find_in_file(event.file(), &l.target))
            .collect();
        // Resolved when the dataset was built: this runs every frame while something is selected.
        found.extend(self.dataset.linked_from.get(&idx).into_iter().flatten());
        found.sort();
        found.dedup();
        found.retain(|&n| n != idx);
        found
    }

    /// The note on an event, if any.
    pub fn note_on(&self, idx: EventIdx) -> Option<&Note> {
        let selection = self.selection_of(idx)?;
        self.notes.iter().find(|n| {
            n.event
                .as_ref()
                .is_some_and(|e| e.file == selection.path && e.id == selection.id)
        })
    }

    pub(super) fn apply_analysis(&mut self, command: Command) -> Option<Effect> {
        match command {
            Command::SetOnlyMatches(on) => {
                self.filter.only_matches = on;
                self.rearrange(false);
            }
            Command::NextMatch => self.step_match(true),
            Command::PreviousMatch => self.step_match(false),
            Command::ToggleFacet(field, value) => {
                self.filter.toggle_facet(field, &value);
                self.rearrange(false);
            }
            Command::SetDateRange(from, to) => {
                let finite = |v: Option<f64>| v.filter(|v| v.is_finite());
                self.filter.date_range = (finite(from), finite(to));
                self.rearrange(false);
            }
            Command::ClearFilters => {
                self.filter = crate::model::Filter::default();
                self.rearrange(false);
            }
            Command::FitToFilter => self.fit_shown(),
            Command::SetLanesBy(by) if self.lanes.by != by => {
                self.lanes.by = by;
                self.lanes.order.clear();
                self.lanes.collapsed.clear();
                self.rearrange(false);
            }
            Command::ToggleLaneCollapsed(key) => {
                if !self.lanes.collapsed.remove(&key) {
                    self.lanes.collapsed.insert(key);
                }
                self.rearrange(false);
            }
            Command::MoveLane(key, to) => {
                let mut order: Vec<String> =
                    self.layout.lanes.iter().map(|l| l.key.clone()).collect();
                if let Some(from) = order.iter().position(|k| *k == key) {
                    let moved = order.remove(from);
                    order.insert(to.min(order.len()), moved);
                    self.lanes.order = order;
                    self.rearrange(false);
                }
            }
            Command::SetTimeBasis(basis) => {
                self.lanes.basis = basis;
                self.rearrange(false);
            }
            Command::NextEvent => self.step_event(true),
            Command::PreviousEvent => self.step_event(false),
            Command::ZoomBy(factor) => {
                self.view = self.view.zoomed(self.view.center_secs(), factor);
            }
            Command::PanBy(fraction) => {
                self.view = self.view.panned(fraction * self.view.span_secs);
            }
            Command::FitSelection => {
                if let Some(idx) = self.selected() {
                    return self.apply(Command::ZoomToEvent(idx));
                }
            }
            Command::JumpTo(text) => match text.trim().parse::<TimePoint>() {
                Ok(point) => {
                    let (start, end) = (point.start_secs(), point.end_secs());
                    self.view = TimeView::fitting(start, end, 0.5);
                }
                Err(why) => {
                    self.toast(format!("Cannot jump to '{}': {why}", text.trim()), true);
                }
            },
            Command::SetLinks(on) => self.options.links = on,
            Command::SetCollapseGaps(on) => {
                self.options.collapse_gaps = on;
                self.rearrange(false);
            }
            Command::ToggleShortcuts => self.shortcuts_open = !self.shortcuts_open,
            Command::AddBookmark(name) => {
                let name = name.trim();
                let name = if name.is_empty() {
                    format!("Bookmark {}", self.bookmarks.len() + 1)
                } else {
                    name.to_owned()
                };
                self.bookmarks.push(Bookmark {
                    name,
                    secs: self.view.center_secs(),
                    span_secs: self.view.span_secs,
                });
            }
            Command::GoToBookmark(i) => {
                if let Some(b) = self.bookmarks.get(i) {
                    self.view = TimeView::from_min_max(
                        b.secs - b.span_secs / 2.0,
                        b.secs + b.span_secs / 2.0,
                    );
                }
            }
            Command::DeleteBookmark(i) if i < self.bookmarks.len() => {
                self.bookmarks.remove(i);
            }
            Command::SetEventNote(text) => {
                let selection = self.selection.clone()?;
                let on_it = |n: &Note| {
                    n.event
                        .as_ref()
                        .is_some_and(|e| e.file == selection.path && e.id == selection.id)
                };
                self.notes.retain(|n| !on_it(n));
                if !text.trim().is_empty() {
                    self.notes.push(Note {
                        text,
                        event: Some(super::scenes::SceneSelection {
                            file: selection.path,
                            id: selection.id,
                        }),
                        secs: None,
                    });
                }
            }
            Command::AddTimeNote(text) if !text.trim().is_empty() => {
                self.notes.push(Note {
                    text,
                    event: None,
                    secs: Some(self.view.center_secs()),
                });
            }
            Command::DeleteNote(i) if i < self.notes.len() => {
                self.notes.remove(i);
            }
            Command::SaveSession(path) => self.save_session(&path),
            Command::OpenSession(path) => return self.open_session(&path),
            Command::PickSessionSave => {
                return Some(Effect::PickSessionSave(self.default_session_path()));
            }
            Command::PickSessionOpen => return Some(Effect::PickSessionOpen),
            Command::FilesChanged(paths) => return self.files_changed(&paths),
            Command::SetLiveReload(on) => self.settings.live_reload = on,
            Command::ShowMembers {
                events,
                min_secs,
                max_secs,
            } => self.members = Some((events, min_secs, max_secs)),
            Command::CloseMembers => self.members = None,
            Command::Arranged(generation, answer) => self.arranged(generation, answer.take()),
            Command::SetDisplayZone(name) => match DisplayZone::parse(&name) {
                Ok(zone) => self.settings.display_zone = zone.setting(),
                Err(why) => self.toast(why, true),
            },
            _ => {}
        }
        None
    }

    /// Reloads the open files among `paths` (same file, compared as absolute paths), keeping
    /// view, selection and filters.
    fn files_changed(&mut self, paths: &[PathBuf]) -> Option<Effect> {
        if !self.settings.live_reload {
            return None;
        }
        let changed: Vec<PathBuf> = self
            .files
            .iter()
            .filter_map(|f| match &f.source {
                FileSource::Path(path) => Some(path),
                FileSource::Embedded => None,
            })
            .filter(|open| {
                let open = super::watch::normalise(open);
                paths.iter().any(|p| super::watch::normalise(p) == open)
            })
            .cloned()
            .collect();
        if changed.is_empty() {
            return None;
        }
        self.open(changed, PickMode::Reload, None)
    }

    /// The paths live reload watches: every open file on disk.
    pub fn watched_paths(&self) -> Vec<PathBuf> {
        self.files
            .iter()
            .filter_map(|f| match &f.source {
                FileSource::Path(path) => Some(path.clone()),
                FileSource::Embedded => None,
            })
            .collect()
    }

    fn fit_shown(&mut self) {
        let spans = self
            .shown
            .iter()
            .filter_map(|&i| self.dataset.event(i))
            .map(|e| self.layout.span(e));
        if let Some((lo, hi)) = spans.reduce(|(a, b), (c, d)| (a.min(c), b.max(d))) {
            self.view = TimeView::fitting(lo, hi, 0.04);
        }
    }

    /// Selects the next or previous search match (after or before the selection, in time order),
    /// and zooms to it. Wraps around.
    fn step_match(&mut self, forward: bool) {
        let Some(next) = step_in(&self.search_hits, self.selected(), forward) else {
            return;
        };
        self.apply(Command::ZoomToEvent(next));
    }

    /// Selects the next or previous shown event; pans (keeping the zoom) if it is out of view.
    /// With nothing selected, forward starts at the first event in view, backward at the last.
    fn step_event(&mut self, forward: bool) {
        let next = if let Some(current) = self.selected() {
            step_in(&self.shown, Some(current), forward)
        } else {
            let (left, right) = (self.view.min_secs, self.view.max_secs());
            let start = |i: &EventIdx| {
                self.dataset
                    .event(*i)
                    .map_or(0.0, crate::model::EventRef::start_secs)
            };
            if forward {
                let at = self.shown.partition_point(|i| start(i) < left);
                self.shown.get(at).or(self.shown.first()).copied()
            } else {
                let at = self.shown.partition_point(|i| start(i) < right);
                at.checked_sub(1)
                    .and_then(|p| self.shown.get(p))
                    .or(self.shown.last())
                    .copied()
            }
        };
        let Some(next) = next else {
            return;
        };
        self.selection = self.selection_of(next);
        if let Some(event) = self.dataset.event(next) {
            let (start, end) = self.layout.span(event);
            let view = self.view;
            if end <= view.min_secs || start >= view.max_secs() {
                self.view = view.panned(f64::midpoint(start, end) - view.center_secs());
            }
        }
    }
}

/// The item after (or before) `current` in `list`; `list` is in the dataset's (time) order, so
/// an item not in it is placed by its index. Wraps around.
fn step_in(list: &[EventIdx], current: Option<EventIdx>, forward: bool) -> Option<EventIdx> {
    let (head, tail) = (list.first().copied()?, list.last().copied()?);
    let Some(current) = current else {
        return Some(if forward { head } else { tail });
    };
    if forward {
        let at = list.partition_point(|&i| i <= current);
        Some(list.get(at).copied().unwrap_or(head))
    } else {
        let at = list.partition_point(|&i| i < current);
        Some(
            at.checked_sub(1)
                .and_then(|p| list.get(p).copied())
                .unwrap_or(tail),
        )
    }
}

#[cfg(test)]
mod tests {
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
        state.apply(Command::SetQuery("strategy".into()));
        assert!(state.search_hits.len() >= 2, "{:?}", state.search_hits);
        assert_eq!(
            state.shown.len(),
            state.dataset.events.len(),
            "highlight only"
        );
        state.apply(Command::NextMatch);
        let first = state.selected().unwrap();
        assert_eq!(first, state.search_hits[0]);
        let event = state.dataset.events.owned(first.index()).unwrap();
        assert!(state.view.min_secs <= event.start_secs());
        assert!(state.view.max_secs() >= event.end_secs());
        state.apply(Command::NextMatch);
        assert_eq!(state.selected(), Some(state.search_hits[1]));
        state.apply(Command::PreviousMatch);
        state.apply(Command::PreviousMatch);
        assert_eq!(state.selected(), state.search_hits.last().copied(), "wraps");
        state.apply(Command::SetOnlyMatches(true));
        assert_eq!(state.shown, state.search_hits);
    }

    #[test]
    fn next_and_previous_walk_the_shown_events_in_time_order() {
        let mut state = belgium();
        let mut walked = Vec::new();
        for _ in 0..state.shown.len() {
            state.apply(Command::NextEvent);
            walked.push(state.selected().unwrap());
        }
        assert_eq!(walked, state.shown);
        state.apply(Command::PreviousEvent);
        assert_eq!(state.selected(), state.shown.iter().rev().nth(1).copied());
        // Out of view: the view pans to it, keeping its width.
        state.apply(Command::ZoomToEvent(state.shown[0]));
        let span = state.view.span_secs;
        state.apply(Command::PreviousEvent);
        let last = *state.shown.last().unwrap();
        assert_eq!(state.selected(), Some(last));
        let event = state.dataset.events.owned(last.index()).unwrap();
        assert!(
            state.view.min_secs < event.end_secs() && state.view.max_secs() > event.start_secs()
        );
        assert!((state.view.span_secs - span).abs() < 1e-6 * span);
    }

    #[test]
    fn facet_filters_count_and_fit() {
        let mut state = belgium();
        let total = state.shown.len();
        let actors = state.facet_values(Field::Actor);
        let ccb = actors.iter().find(|v| v.value == "CCB").unwrap().count;
        assert!(ccb > 0 && ccb < total);
        state.apply(Command::ToggleFacet(Field::Actor, "CCB".into()));
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
        state.apply(Command::FitToFilter);
        assert!(state.view.span_secs <= wide.span_secs);
        state.apply(Command::ClearFilters);
        assert_eq!(state.shown.len(), total);
    }

    #[test]
    fn lanes_by_actor_put_a_two_actor_event_in_two_lanes_and_move_and_fold() {
        let mut state = belgium();
        state.apply(Command::SetLanesBy(Some(Field::Actor)));
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
        state.apply(Command::MoveLane(last.clone(), 0));
        assert_eq!(state.layout.lanes[0].key, last);
        state.apply(Command::ToggleLaneCollapsed(last.clone()));
        assert!(state.layout.lanes[0].collapsed);
        state.apply(Command::SetLanesBy(None));
        assert_eq!(state.layout.lanes.len(), 1);
        let _ = id(&state, idx);
    }

    #[test]
    fn keyboard_zoom_pan_and_jump() {
        let mut state = belgium();
        let view = state.view;
        state.apply(Command::ZoomBy(KEY_ZOOM));
        assert!((state.view.span_secs - view.span_secs / KEY_ZOOM).abs() < 1.0);
        assert!((state.view.center_secs() - view.center_secs()).abs() < 1.0);
        let zoomed = state.view;
        state.apply(Command::PanBy(KEY_PAN));
        assert!((state.view.min_secs - zoomed.min_secs - KEY_PAN * zoomed.span_secs).abs() < 1.0);
        state.apply(Command::JumpTo("2021-05".into()));
        let may: TimePoint = "2021-05".parse().unwrap();
        assert!(state.view.min_secs < may.start_secs() && state.view.max_secs() > may.end_secs());
        assert!(state.view.span_secs < 3.0 * 31.0 * 86_400.0);
        let before = state.view;
        state.apply(Command::JumpTo("May the fourth".into()));
        assert_eq!(state.view, before);
        assert!(state.toast.as_ref().unwrap().is_error);
    }

    #[test]
    fn bookmarks_and_notes() {
        let mut state = belgium();
        state.apply(Command::JumpTo("2021-05".into()));
        state.apply(Command::AddBookmark("Belnet week".into()));
        let view = state.view;
        state.apply(Command::FitAll);
        state.apply(Command::GoToBookmark(0));
        assert!((state.view.center_secs() - view.center_secs()).abs() < 1.0);
        let belnet = state
            .dataset
            .find_in_file(crate::model::FileId(0), "belnet-ddos")
            .unwrap();
        state.apply(Command::Select(Some(belnet)));
        state.apply(Command::SetEventNote("Check the Belnet report".into()));
        assert_eq!(
            state.note_on(belnet).unwrap().text,
            "Check the Belnet report"
        );
        state.apply(Command::SetEventNote(String::new()));
        assert!(state.note_on(belnet).is_none());
        state.apply(Command::AddTimeNote("Quiet period".into()));
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
}
