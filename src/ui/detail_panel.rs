//! The detail panel of the selected event: everything the source said, with the date at its own
//! precision and zone, and the sources as links that open only when clicked (http and https only).

use crate::app::{Commands, NotesCommand, SelectCommand, ViewCommand, WindowCommand};
use egui::{RichText, Ui};

use crate::app::{AppState, is_openable_url};
use crate::model::{Event, EventIdx, TimePoint, text};

fn time_details(time: &TimePoint) -> String {
    let zone = match time.offset_minutes() {
        Some(minutes) => crate::model::time::offset_label(i16::try_from(minutes).unwrap_or(0)),
        None if time.is_floating() => "no time zone in the source (floating local time)".to_owned(),
        None => "calendar date, no time of day".to_owned(),
    };
    format!("{} precision; {zone}", time.precision().name())
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
    ui.horizontal(|ui| {
        if ui.button("Zoom to event").clicked() {
            commands.push(ViewCommand::ZoomToEvent(idx));
        }
        if ui.button("Close").on_hover_text("Deselect (Esc)").clicked() {
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
            ui.strong("Your note");
            ui.add(
                egui::TextEdit::multiline(note)
                    .desired_rows(2)
                    .hint_text("Kept in the session, never in the data file"),
            );
            let saved = state.note_on(idx).map_or("", |n| n.text.as_str());
            if note.as_str() != saved && ui.button("Save note").clicked() {
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
    let incoming: Vec<(EventIdx, &'static str, &str)> = state
        .neighbours(idx)
        .into_iter()
        .filter_map(|n| {
            let other = dataset.event(n)?;
            let link = other.links().iter().find(|l| l.target == event.id())?;
            Some((n, link.kind.label(), other.title()))
        })
        .collect();
    if incoming.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.strong("Linked from");
    for (n, kind, title) in incoming {
        ui.horizontal(|ui| {
            if ui.link(text::one_line(title, text::TITLE_CHARS)).clicked() {
                commands.push(SelectCommand::Select(Some(n)));
            }
            ui.weak(kind);
        });
    }
}

fn event_ui(ui: &mut Ui, state: &AppState, event: &Event, commands: &mut Commands) {
    let dataset = &state.dataset;
    ui.heading(text::one_line(&event.title, text::TITLE_CHARS));
    ui.label(RichText::new(event.date_label_in(state.lang())).strong());
    ui.weak(format!("Start: {}", time_details(&event.start)));
    if let Some(end) = &event.end {
        ui.weak(format!("End: {}", time_details(end)));
    }
    if event.circa {
        ui.weak("The date is approximate (circa)");
    }
    if let Some(disclosed) = &event.disclosed {
        ui.label(format!("Disclosed {}", disclosed.label_in(state.lang())));
    }
    if let Some(category) = event.category.as_deref() {
        let label = dataset
            .category(category)
            .map_or(category, |c| c.label.as_str());
        ui.label(format!("Category: {label}"));
    }
    if let Some(severity) = event.severity {
        ui.label(format!("Severity: {}", severity.name()));
    }
    if let Some(description) = &event.description {
        ui.add_space(6.0);
        ui.label(text::multi_line(description, text::DESCRIPTION_CHARS));
    }
    list_ui(ui, "Tags", &event.tags);
    list_ui(ui, "Actors", &event.actors);
    list_ui(ui, "Targets", &event.targets);
    if !event.links.is_empty() {
        ui.add_space(4.0);
        ui.strong("Links");
        for link in &event.links {
            match dataset.find_in_file(event.file, &link.target) {
                Some(target) => {
                    let title = dataset
                        .event(target)
                        .map_or(link.target.as_str(), |e| e.title());
                    let title = text::one_line(title, text::TITLE_CHARS);
                    ui.horizontal(|ui| {
                        ui.label(link.kind.label());
                        if ui.link(title).clicked() {
                            commands.push(SelectCommand::Select(Some(target)));
                        }
                    });
                }
                None => {
                    ui.weak(format!(
                        "{} {} (not in this file)",
                        link.kind.label(),
                        link.target
                    ));
                }
            }
        }
    }
    if !event.sources.is_empty() {
        ui.add_space(4.0);
        ui.strong("Sources");
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
        let line = if event.line > 0 {
            format!(", line {}", event.line)
        } else {
            String::new()
        };
        ui.weak(format!(
            "From {} ({}{line}), id {}",
            file.path,
            file.format.name(),
            event.id
        ));
    }
}
