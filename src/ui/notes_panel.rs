//! Bookmarks (named times) and notes (on events, or at a time), kept in the session.

use crate::app::{Commands, NotesCommand, ViewCommand};
use egui::Ui;

use crate::app::AppState;
use crate::i18n::{Arg, Lang};
use crate::model::{TimePoint, text};

/// The text typed for the next bookmark or note.
#[derive(Clone, Debug, Default)]
pub struct NotesDraft {
    /// Name of the next bookmark, or text of the next note at the view's centre.
    pub text: String,
}

fn time_label(secs: f64, lang: Lang) -> String {
    TimePoint::from_unix_secs(secs.floor() as i64)
        .map_or_else(|_| String::new(), |p| p.label_in(lang))
}

/// Draws bookmarks and notes.
pub fn notes_ui(ui: &mut Ui, state: &AppState, draft: &mut NotesDraft, commands: &mut Commands) {
    let lang = state.lang();
    ui.horizontal(|ui| {
        let label = ui.label(lang.word("notes-name"));
        ui.add(egui::TextEdit::singleline(&mut draft.text).desired_width(120.0))
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        if ui
            .button(lang.word("notes-bookmark"))
            .on_hover_text(lang.word("notes-bookmark-tip"))
            .clicked()
        {
            commands.push(NotesCommand::AddBookmark(std::mem::take(&mut draft.text)));
        }
        if ui
            .add_enabled(
                !draft.text.trim().is_empty(),
                egui::Button::new(lang.word("notes-note-here")),
            )
            .on_hover_text(lang.word("notes-note-here-tip"))
            .clicked()
        {
            commands.push(NotesCommand::AddTimeNote(std::mem::take(&mut draft.text)));
        }
    });
    for (i, bookmark) in state.bookmarks.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .link(text::one_line(&bookmark.name, 60))
                .on_hover_text(time_label(bookmark.secs, lang))
                .clicked()
            {
                commands.push(NotesCommand::GoToBookmark(i));
            }
            if ui
                .small_button("×")
                .on_hover_text(lang.word("notes-delete-bookmark"))
                .clicked()
            {
                commands.push(NotesCommand::DeleteBookmark(i));
            }
        });
    }
    for (i, note) in state.notes.iter().enumerate() {
        ui.horizontal(|ui| {
            let place = match (&note.event, note.secs) {
                (Some(event), _) => lang.text(
                    "notes-on-event",
                    &[("id", Arg::Text(&text::one_line(&event.id, 40)))],
                ),
                (None, Some(secs)) => lang.text(
                    "notes-at-time",
                    &[("time", Arg::Text(&time_label(secs, lang)))],
                ),
                (None, None) => String::new(),
            };
            let response = ui.link(format!("{}: {place}", text::one_line(&note.text, 40)));
            if response.clicked() {
                let target = note.event.as_ref().and_then(|e| {
                    let file = state.dataset.files.iter().position(|f| f.path == e.file)?;
                    state
                        .dataset
                        .find_in_file(crate::model::FileId(u32::try_from(file).ok()?), &e.id)
                });
                match (target, note.secs) {
                    (Some(idx), _) => commands.push(ViewCommand::ZoomToEvent(idx)),
                    (None, Some(secs)) => {
                        let span = state.view.span_secs;
                        commands.push(ViewCommand::ZoomToRange(
                            secs - span / 2.0,
                            secs + span / 2.0,
                        ));
                    }
                    (None, None) => {}
                }
            }
            if ui
                .small_button("×")
                .on_hover_text(lang.word("notes-delete-note"))
                .clicked()
            {
                commands.push(NotesCommand::DeleteNote(i));
            }
        });
    }
}
