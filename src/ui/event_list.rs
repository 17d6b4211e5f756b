//! The searchable list of shown events, in time order; virtualised so it costs the same for ten
//! events or a million.

use crate::app::{Commands, FilterCommand, SelectCommand, ViewCommand};
use egui::{ScrollArea, TextEdit, Ui};

use crate::app::AppState;
use crate::i18n::Arg;
use crate::model::text;

/// What the list keeps between frames (the text being typed).
#[derive(Clone, Debug, Default)]
pub struct EventListState {
    /// The search box's text.
    pub query: String,
}

/// Draws the search box and the list: every shown event, or while searching, the matches.
pub fn event_list_ui(
    ui: &mut Ui,
    state: &AppState,
    list: &mut EventListState,
    commands: &mut Commands,
) {
    let lang = state.lang();
    ui.horizontal(|ui| {
        let label = ui.label(lang.word("search"));
        let response = ui
            .add(
                TextEdit::singleline(&mut list.query)
                    .id(super::keyboard::search_id())
                    .hint_text(lang.word("search-hint")),
            )
            .labelled_by(label.id);
        if response.changed() {
            commands.push(FilterCommand::SetQuery(list.query.clone()));
        }
        // Enter steps to the next match (Shift+Enter: previous) and keeps the box focused.
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            commands.push(if back {
                SelectCommand::PreviousMatch
            } else {
                SelectCommand::NextMatch
            });
            response.request_focus();
        }
    });
    let searching = state.filter.is_searching();
    if searching {
        // Wrapped, so the panel keeps its width when the search row appears.
        ui.horizontal_wrapped(|ui| {
            let hits = state.search_hits.len();
            let at = state
                .selected()
                .and_then(|s| state.search_hits.binary_search(&s).ok());
            let text = match at {
                Some(i) => lang.text(
                    "search-match-of",
                    &[
                        ("at", Arg::Text(&lang.number(i + 1))),
                        ("count", Arg::Count(hits)),
                    ],
                ),
                None => lang.count("search-matches", hits),
            };
            ui.weak(text);
            if ui
                .small_button(lang.word("search-previous"))
                .on_hover_text("Shift+Enter")
                .clicked()
            {
                commands.push(SelectCommand::PreviousMatch);
            }
            if ui
                .small_button(lang.word("search-next"))
                .on_hover_text("Enter")
                .clicked()
            {
                commands.push(SelectCommand::NextMatch);
            }
            let mut only = state.filter.only_matches;
            if ui
                .checkbox(&mut only, lang.word("search-only"))
                .on_hover_text(lang.word("search-only-tip"))
                .changed()
            {
                commands.push(FilterCommand::SetOnlyMatches(only));
            }
        });
    }
    ui.weak(lang.text(
        "list-count",
        &[
            ("shown", Arg::Text(&lang.number(state.shown.len()))),
            ("count", Arg::Count(state.dataset.events.len())),
        ],
    ));
    ui.separator();
    let rows: &[crate::model::EventIdx] = if searching {
        &state.search_hits
    } else {
        &state.shown
    };
    event_rows_ui(ui, state, rows, "events", commands);
}

/// The members of a clicked cluster: a virtualised list (a cluster can hold thousands), each row
/// selecting its event, and a button to zoom to all of them.
pub fn members_ui(ctx: &egui::Context, state: &AppState, commands: &mut Commands) {
    let Some((members, min_secs, max_secs)) = &state.members else {
        return;
    };
    let mut open = true;
    let lang = state.lang();
    egui::Window::new(lang.count("events", members.len()))
        .id(egui::Id::unique("cluster-members"))
        .open(&mut open)
        .default_size([360.0, 320.0])
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if ui.button(lang.word("members-zoom")).clicked() {
                    commands.push(ViewCommand::ZoomToRange(*min_secs, *max_secs));
                    commands.push(SelectCommand::CloseMembers);
                }
                ui.weak(lang.word("members-hint"));
            });
            ui.separator();
            event_rows_ui(ui, state, members, "members", commands);
        });
    if !open {
        commands.push(SelectCommand::CloseMembers);
    }
}

/// A virtualised list of events (date, then title): a click selects, a double-click zooms.
fn event_rows_ui(
    ui: &mut Ui,
    state: &AppState,
    rows: &[crate::model::EventIdx],
    id_salt: &str,
    commands: &mut Commands,
) {
    let selected = state.selected();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 4.0;
    let spacing = ui.spacing().item_spacing.y;
    // A selection made elsewhere (on the timeline, by a key, a search step) scrolls into sight.
    let memory_id = egui::Id::unique(("event-rows", id_salt));
    let (last_selected, offset, viewport): (Option<crate::model::EventIdx>, f32, f32) = ui
        .data(|d| d.get_temp(memory_id))
        .unwrap_or((None, 0.0, 0.0));
    let mut area = ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink([false, false]);
    if selected != last_selected
        && let Some(idx) = selected
        && let Some(row) = rows.iter().position(|&r| r == idx)
    {
        let top = row as f32 * (row_height + spacing);
        if top < offset || top + row_height > offset + viewport {
            area = area.vertical_scroll_offset((top - viewport / 3.0).max(0.0));
        }
    }
    let output = area.show_rows(ui, row_height, rows.len(), |ui, range| {
        for &idx in rows.get(range).unwrap_or(&[]) {
            let Some(event) = state.dataset.event(idx) else {
                continue;
            };
            ui.vertical(|ui| {
                ui.weak(event.date_label_in(state.lang()));
                let response = ui.selectable_label(
                    selected == Some(idx),
                    text::one_line(event.title_in(state.lang()), text::TITLE_CHARS),
                );
                if response.clicked() {
                    commands.push(SelectCommand::Select(Some(idx)));
                }
                if response.double_clicked() {
                    commands.push(ViewCommand::ZoomToEvent(idx));
                }
            });
        }
    });
    ui.data_mut(|d| {
        d.insert_temp(
            memory_id,
            (
                selected,
                output.state.clamped_offset().y,
                output.inner_rect.height(),
            ),
        );
    });
}
