//! The detail panel of the selected event: everything the source said, with the date at its own
//! precision and zone, and the sources as links that open only when clicked (http and https only).

use crate::app::{Commands, NotesCommand, SelectCommand, ViewCommand, WindowCommand};
use egui::{RichText, Ui};

use crate::app::{AppState, is_openable_url};
use crate::i18n::{Arg, Lang};
use crate::model::{Event, EventIdx, LinkKind, TimePoint, text};

fn time_details(time: &TimePoint, lang: Lang) -> String {
    let zone = match time.offset_minutes() {
        Some(minutes) => crate::model::time::offset_label(i16::try_from(minutes).unwrap_or(0)),
        None if time.is_floating() => lang.word("detail-floating"),
        None => lang.word("detail-calendar-date"),
    };
    let precision = lang.word(&format!("precision-{}", time.precision().name()));
    lang.text(
        "detail-precision",
        &[
            ("precision", Arg::Text(&precision)),
            ("zone", Arg::Text(&zone)),
        ],
    )
}

fn list_ui(ui: &mut Ui, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.strong(heading);
    ui.horizontal_wrapped(|ui| {
        for item in items {
            ui.label(
                RichText::new(text::one_line(item, 200))
                    .background_color(ui.visuals().faint_bg_color),
            );
        }
    });
}

/// Draws the panel for `idx`.
pub fn detail_ui(
    ui: &mut Ui,
    state: &AppState,
    idx: EventIdx,
    note: &mut String,
    commands: &mut Commands,
) {
    let dataset = &state.dataset;
    let Some(event) = dataset.event(idx) else {
        return;
    };
    let lang = state.lang();
    ui.horizontal(|ui| {
        if ui.button(lang.word("detail-zoom")).clicked() {
            commands.push(ViewCommand::ZoomToEvent(idx));
        }
        if ui
            .button(lang.word("close"))
            .on_hover_text(lang.word("detail-close-tip"))
            .clicked()
        {
            commands.push(SelectCommand::Select(None));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            event_ui(ui, state, &event.to_event(), commands);
            linked_from_ui(ui, state, idx, commands);
            ui.add_space(6.0);
            let heading = ui.strong(lang.word("detail-your-note"));
            ui.add(
                egui::TextEdit::multiline(note)
                    .desired_rows(2)
                    .hint_text(lang.word("detail-note-hint")),
            )
            .labelled_by(heading.id);
            let saved = state.note_on(idx).map_or("", |n| n.text.as_str());
            if note.as_str() != saved && ui.button(lang.word("detail-save-note")).clicked() {
                commands.push(NotesCommand::SetEventNote(note.clone()));
            }
        });
}

/// Events whose links point at this one (the other direction of "Links").
fn linked_from_ui(ui: &mut Ui, state: &AppState, idx: EventIdx, commands: &mut Commands) {
    let dataset = &state.dataset;
    let Some(event) = dataset.event(idx) else {
        return;
    };
    let lang = state.lang();
    let incoming: Vec<(EventIdx, String, &str)> = state
        .neighbours(idx)
        .into_iter()
        .filter_map(|n| {
            let other = dataset.event(n)?;
            let link = other.links().iter().find(|l| l.target == event.id())?;
            Some((n, link_kind(link.kind, lang), other.title_in(lang)))
        })
        .collect();
    if incoming.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.strong(lang.word("detail-linked-from"));
    for (n, kind, title) in incoming {
        // Wrapped: a long title must not widen the panel over the timeline.
        ui.horizontal_wrapped(|ui| {
            if ui.link(text::one_line(title, text::TITLE_CHARS)).clicked() {
                commands.push(SelectCommand::Select(Some(n)));
            }
            ui.weak(kind);
        });
    }
}

/// How a link reads in the detail panel: "caused", "response to"…
fn link_kind(kind: LinkKind, lang: Lang) -> String {
    lang.word(&format!("link-{}", kind.label().replace(' ', "-")))
}

fn event_ui(ui: &mut Ui, state: &AppState, event: &Event, commands: &mut Commands) {
    let dataset = &state.dataset;
    let lang = state.lang();
    let said = |key: &str, value: &str| lang.text(key, &[("value", Arg::Text(value))]);
    ui.heading(text::one_line(event.title_in(lang), text::TITLE_CHARS));
    ui.label(RichText::new(event.date_label_in(lang)).strong());
    ui.weak(said("detail-start", &time_details(&event.start, lang)));
    if let Some(end) = &event.end {
        ui.weak(said("detail-end", &time_details(end, lang)));
    }
    if event.circa {
        ui.weak(lang.word("detail-circa"));
    }
    if let Some(disclosed) = &event.disclosed {
        ui.label(said("detail-disclosed", &disclosed.label_in(lang)));
    }
    if let Some(category) = event.category.as_deref() {
        let label = dataset
            .category(category)
            .map_or(category, |c| c.label_in(lang));
        ui.label(said("detail-category", label));
    }
    if let Some(severity) = event.severity {
        let name = lang.word(&format!("severity-{}", severity.name()));
        ui.label(said("detail-severity", &name));
    }
    if let Some(description) = event.description_in(lang) {
        ui.add_space(6.0);
        ui.label(text::multi_line(description, text::DESCRIPTION_CHARS));
    }
    list_ui(ui, &lang.word("detail-tags"), &event.tags);
    list_ui(ui, &lang.word("detail-actors"), &event.actors);
    list_ui(ui, &lang.word("detail-targets"), &event.targets);
    if !event.links.is_empty() {
        ui.add_space(4.0);
        ui.strong(lang.word("detail-links"));
        for link in &event.links {
            match dataset.find_in_file(event.file, &link.target) {
                Some(target) => {
                    let title = dataset
                        .event(target)
                        .map_or(link.target.as_str(), |e| e.title_in(lang));
                    let title = text::one_line(title, text::TITLE_CHARS);
                    ui.horizontal_wrapped(|ui| {
                        ui.label(link_kind(link.kind, lang));
                        if ui.link(title).clicked() {
                            commands.push(SelectCommand::Select(Some(target)));
                        }
                    });
                }
                None => {
                    ui.weak(lang.text(
                        "detail-link-missing",
                        &[
                            ("kind", Arg::Text(&link_kind(link.kind, lang))),
                            ("id", Arg::Text(&link.target)),
                        ],
                    ));
                }
            }
        }
    }
    if !event.sources.is_empty() {
        ui.add_space(4.0);
        ui.strong(lang.word("detail-sources"));
        for source in &event.sources {
            match source.url.as_deref() {
                Some(url) if is_openable_url(url) => {
                    let response = ui
                        .link(text::one_line(&source.title, text::TITLE_CHARS))
                        .on_hover_text(url);
                    if response.clicked() {
                        commands.push(WindowCommand::OpenUrl(url.to_owned()));
                    }
                }
                Some(url) => {
                    ui.label(format!(
                        "{} ({})",
                        text::one_line(&source.title, text::TITLE_CHARS),
                        text::one_line(url, 2_000)
                    ));
                }
                None => {
                    ui.label(text::one_line(&source.title, text::TITLE_CHARS));
                }
            }
        }
    }
    ui.add_space(8.0);
    if let Some(file) = dataset.file(event.file) {
        let line = event.line.to_string();
        let args = [
            ("path", Arg::Text(&file.path)),
            ("format", Arg::Text(file.format.name())),
            ("line", Arg::Text(&line)),
            ("id", Arg::Text(&event.id)),
        ];
        let key = if event.line > 0 {
            "detail-from-line"
        } else {
            "detail-from"
        };
        ui.weak(lang.text(key, &args));
    }
}
