//! Working in a timeline: search stepping, facets, lanes, event stepping, keyboard zoom and pan,
//! jumping to a date, links and gaps, bookmarks and notes. No egui here.

use std::path::PathBuf;

use crate::i18n::Arg;
use serde::{Deserialize, Serialize};

use super::{
    AppState, Effect, FileSource, FilterCommand, LanesCommand, NotesCommand, PickMode,
    SelectCommand, SessionCommand, ViewCommand,
};
use crate::model::{EventIdx, TimePoint};
use crate::timeline::TimeView;
use crate::timeline::scene::SceneExtras;
use crate::timeline::zone::DisplayZone;

/// How the timeline is drawn, beyond what is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewOptions {
    /// Draw every link between events as an arrow (the selection's links are always drawn).
    pub links: bool,
    /// Collapse long empty stretches of the axis.
    pub collapse_gaps: bool,
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
            pinned: self.selected(),
            scroll_y: self.lane_scroll,
            lang: self.lang(),
            counted: self
                .remote
                .as_ref()
                .filter(|_| self.lanes.by == Some(crate::model::filter::Field::Category))
                .and_then(|r| r.counted.clone()),
        }
    }

    /// The language of the window and its exports: the one chosen, else the system's.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.settings
            .language
            .unwrap_or_else(crate::i18n::Lang::from_system)
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

    pub(super) fn apply_filter(&mut self, command: FilterCommand) -> Vec<Effect> {
        match command {
            FilterCommand::SetQuery(query) => {
                self.filter.query = query;
                // Highlighting only: lanes, counts and facets stay as they are.
                self.rearrange(!self.filter.only_matches);
            }
            FilterCommand::SetOnlyMatches(on) => {
                self.filter.only_matches = on;
                self.rearrange(false);
            }
            FilterCommand::ToggleCategory(id) => {
                if !self.filter.hidden_categories.remove(&id) {
                    self.filter.hidden_categories.insert(id);
                }
                self.rearrange(false);
            }
            FilterCommand::ToggleFacet(field, value) => {
                self.filter.toggle_facet(field, &value);
                self.rearrange(false);
            }
            FilterCommand::SetDateRange(from, to) => {
                let finite = |v: Option<f64>| v.filter(|v| v.is_finite());
                self.filter.date_range = (finite(from), finite(to));
                self.rearrange(false);
            }
            FilterCommand::ClearFilters => {
                self.filter = crate::model::Filter::default();
                self.rearrange(false);
            }
            FilterCommand::CountFacet(field) => return self.count_facet(field),
        }
        Vec::new()
    }

    pub(super) fn apply_lanes(&mut self, command: LanesCommand) -> Vec<Effect> {
        match command {
            LanesCommand::SetLanesBy(by) => {
                if self.lanes.by != by {
                    self.lanes.by = by;
                    self.lanes.order.clear();
                    self.lanes.collapsed.clear();
                    self.rearrange(false);
                }
            }
            LanesCommand::ToggleLaneCollapsed(key) => {
                if !self.lanes.collapsed.remove(&key) {
                    self.lanes.collapsed.insert(key);
                }
                self.rearrange(false);
            }
            LanesCommand::ToggleLaneExpanded(key) => {
                if !self.lanes.expanded.remove(&key) {
                    self.lanes.expanded.insert(key);
                }
                self.rearrange(false);
            }
            LanesCommand::MoveLane(key, to) => {
                let mut order: Vec<String> =
                    self.layout.lanes.iter().map(|l| l.key.clone()).collect();
                if let Some(from) = order.iter().position(|k| *k == key) {
                    let moved = order.remove(from);
                    order.insert(to.min(order.len()), moved);
                    self.lanes.order = order;
                    self.rearrange(false);
                }
            }
            LanesCommand::SetTimeBasis(basis) => {
                self.lanes.basis = basis;
                self.rearrange(false);
            }
        }
        Vec::new()
    }

    pub(super) fn apply_view(&mut self, command: ViewCommand) -> Vec<Effect> {
        match command {
            ViewCommand::ZoomToEvent(idx) => self.zoom_to_event(idx),
            ViewCommand::ZoomToRange(min_secs, max_secs) => {
                self.view = TimeView::fitting(min_secs, max_secs, 0.1);
            }
            ViewCommand::ScrollLanes(y) => {
                self.lane_scroll = if y.is_finite() { y.max(0.0) } else { 0.0 };
            }
            ViewCommand::SetView(view) => {
                self.view = TimeView::from_min_max(view.min_secs, view.max_secs());
            }
            ViewCommand::FitAll => self.fit_all(),
            ViewCommand::FitToFilter => self.fit_shown(),
            ViewCommand::FitSelection => {
                if let Some(idx) = self.selected() {
                    self.zoom_to_event(idx);
                }
            }
            ViewCommand::ZoomBy(factor) => {
                self.view = self.view.zoomed(self.view.center_secs(), factor);
            }
            ViewCommand::PanBy(fraction) => {
                self.view = self.view.panned(fraction * self.view.span_secs);
            }
            ViewCommand::JumpTo(text) => match text.trim().parse::<TimePoint>() {
                Ok(point) => {
                    let (start, end) = (point.start_secs(), point.end_secs());
                    self.view = TimeView::fitting(start, end, 0.5);
                }
                Err(why) => {
                    let message = self.lang().text(
                        "toast-cannot-jump",
                        &[
                            ("date", Arg::Text(text.trim())),
                            ("why", Arg::Text(&why.text_in(self.lang()))),
                        ],
                    );
                    self.toast(message, true);
                }
            },
            ViewCommand::SetLinks(on) => self.options.links = on,
            ViewCommand::SetCollapseGaps(on) => {
                self.options.collapse_gaps = on;
                self.rearrange(false);
            }
            ViewCommand::SetDisplayZone(name) => match DisplayZone::parse(&name) {
                Ok(zone) => self.settings.display_zone = zone.setting(),
                Err(why) => self.toast(why, true),
            },
            ViewCommand::SetLanguage(lang) => {
                self.settings.language = lang;
                // Lane names ("No actor", a category's label) are in the language.
                self.rearrange(false);
            }
        }
        Vec::new()
    }

    /// Zooms to an event and selects it.
    fn zoom_to_event(&mut self, idx: EventIdx) {
        if let Some(event) = self.dataset.event(idx) {
            self.view = TimeView::fitting(event.start_secs(), event.end_secs(), 0.5);
            self.selection = self.selection_of(idx);
        }
    }

    pub(super) fn apply_select(&mut self, command: SelectCommand) -> Vec<Effect> {
        match command {
            SelectCommand::Select(idx) => {
                self.selection = idx.and_then(|idx| self.selection_of(idx));
            }
            SelectCommand::NextEvent => self.step_event(true),
            SelectCommand::PreviousEvent => self.step_event(false),
            SelectCommand::NextMatch => self.step_match(true),
            SelectCommand::PreviousMatch => self.step_match(false),
            SelectCommand::ShowMembers {
                events,
                min_secs,
                max_secs,
            } => self.members = Some((events, min_secs, max_secs)),
            SelectCommand::CloseMembers => self.members = None,
        }
        Vec::new()
    }

    pub(super) fn apply_notes(&mut self, command: NotesCommand) -> Vec<Effect> {
        match command {
            NotesCommand::AddBookmark(name) => {
                let name = name.trim();
                let name = if name.is_empty() {
                    let number = self.bookmarks.len() + 1;
                    self.lang()
                        .text("bookmark-numbered", &[("number", Arg::Count(number))])
                } else {
                    name.to_owned()
                };
                self.bookmarks.push(Bookmark {
                    name,
                    secs: self.view.center_secs(),
                    span_secs: self.view.span_secs,
                });
            }
            NotesCommand::GoToBookmark(i) => {
                if let Some(b) = self.bookmarks.get(i) {
                    self.view = TimeView::from_min_max(
                        b.secs - b.span_secs / 2.0,
                        b.secs + b.span_secs / 2.0,
                    );
                }
            }
            NotesCommand::DeleteBookmark(i) => {
                if i < self.bookmarks.len() {
                    self.bookmarks.remove(i);
                }
            }
            NotesCommand::SetEventNote(text) => {
                if let Some(selection) = self.selection.clone() {
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
            }
            NotesCommand::AddTimeNote(text) => {
                if !text.trim().is_empty() {
                    self.notes.push(Note {
                        text,
                        event: None,
                        secs: Some(self.view.center_secs()),
                    });
                }
            }
            NotesCommand::DeleteNote(i) => {
                if i < self.notes.len() {
                    self.notes.remove(i);
                }
            }
        }
        Vec::new()
    }

    pub(super) fn apply_session(&mut self, command: SessionCommand) -> Vec<Effect> {
        match command {
            SessionCommand::SaveSession(path) => self.save_session(&path),
            SessionCommand::OpenSession(path) => Self::open_session(&path),
            SessionCommand::PickSessionSave => {
                let suggested = self.default_session_path();
                self.choose_file(super::ChooserPurpose::SaveSession, Some(suggested))
            }
            SessionCommand::PickSessionOpen => {
                let folder = self
                    .session_path
                    .as_ref()
                    .and_then(|p| p.parent().map(std::path::Path::to_path_buf));
                self.choose_file(super::ChooserPurpose::OpenSession, folder)
            }
        }
    }

    /// Reloads the open files among `paths` (named as [`Self::watched_paths`] gave them: the
    /// watcher maps what changed on disk back to those names), keeping view, selection and
    /// filters.
    pub(super) fn files_changed(&mut self, paths: &[PathBuf]) -> Option<Effect> {
        if !self.settings.live_reload {
            return None;
        }
        let changed: Vec<PathBuf> = self
            .watched_paths()
            .into_iter()
            .filter(|watched| paths.contains(watched))
            .collect();
        if changed.is_empty() {
            return None;
        }
        Some(Self::open(changed, PickMode::Reload, None))
    }

    /// The paths live reload watches: every open file on disk, and every file that failed when
    /// opened (it joins once it reads).
    pub fn watched_paths(&self) -> Vec<PathBuf> {
        let open = self.files.iter().filter_map(|f| match &f.source {
            FileSource::Path(path) => Some(path),
            FileSource::Embedded | FileSource::Table(_) => None,
        });
        let broken = self.failed_unopened().filter_map(|f| f.path.as_ref());
        let mut paths: Vec<PathBuf> = Vec::new();
        for path in open.chain(broken) {
            if !paths.contains(path) {
                paths.push(path.clone());
            }
        }
        paths
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
        self.zoom_to_event(next);
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
mod tests;
