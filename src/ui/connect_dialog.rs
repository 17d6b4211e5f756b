//! File ▸ Connect to ClickHouse…: a table's address and, where the server wants one, a
//! password. The password goes with the connection and lives only as long as the table is
//! open: it is never shown again, saved in a session or written to the settings.

use egui::{Key, Ui};

use crate::app::{Commands, FilesCommand};
use crate::i18n::Lang;
use crate::io::clickhouse::{Password, Target, redacted};

/// What is typed into the dialog, kept between openings (the password is not).
#[derive(Debug, Default)]
pub struct ConnectDraft {
    /// Whether the dialog is open.
    pub open: bool,
    /// The address typed.
    pub address: String,
    /// The password typed (cleared when the dialog closes).
    pub password: String,
}

impl ConnectDraft {
    /// Opens the dialog on `address` (the open table's, if any) or on what was typed last.
    pub fn open(&mut self, address: Option<&str>) {
        self.open = true;
        if let Some(address) = address {
            address.clone_into(&mut self.address);
        }
    }

    fn close(&mut self) {
        self.open = false;
        self.password.clear();
    }
}

/// Draws the dialog while it is open.
pub fn connect_ui(
    ctx: &egui::Context,
    draft: &mut ConnectDraft,
    lang: Lang,
    commands: &mut Commands,
) {
    if !draft.open {
        return;
    }
    let mut close = false;
    let modal =
        egui::Modal::new(egui::Id::unique("connect-clickhouse")).show(ctx, |ui: &mut Ui| {
            ui.set_width(460.0);
            ui.heading(lang.word("connect-heading"));
            let label = ui.label(lang.word("connect-address"));
            let address = ui
                .add(
                    egui::TextEdit::singleline(&mut draft.address)
                        .hint_text("clickhouse://HOST:8123/DATABASE/TABLE")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if draft.address.is_empty() && !address.has_focus() && !address.lost_focus() {
                address.request_focus();
            }
            let parsed = Target::parse(draft.address.trim());
            if !draft.address.trim().is_empty()
                && let Err(e) = &parsed
            {
                ui.colored_label(ui.visuals().error_fg_color, e.said().in_lang(lang));
            }
            let label = ui.label(lang.word("connect-password"));
            let password = ui
                .add(
                    egui::TextEdit::singleline(&mut draft.password)
                        .password(true)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            ui.weak(lang.word("connect-password-note"));
            let entered = (address.lost_focus() || password.lost_focus())
                && ui.input(|i| i.key_pressed(Key::Enter));
            ui.horizontal(|ui| {
                let go = ui.add_enabled(parsed.is_ok(), egui::Button::new(lang.word("connect-go")));
                if go.clicked() || (entered && parsed.is_ok()) {
                    commands.push(FilesCommand::ConnectTable {
                        address: draft.address.trim().to_owned(),
                        password: Password::new(&draft.password),
                    });
                    close = true;
                }
                if ui.button(lang.word("cancel")).clicked() {
                    close = true;
                }
            });
        });
    if close || modal.should_close() {
        draft.address = redacted(draft.address.trim());
        draft.close();
    }
}
