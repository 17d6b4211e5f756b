//! The keyboard: one table of shortcuts, used both to act on keys and to draw the `?` sheet, so
//! the sheet cannot drift from what the keys do.

use crate::app::{
    Commands, ExportCommand, FilesCommand, NotesCommand, PresentCommand, SelectCommand,
    SessionCommand, ViewCommand, WindowCommand,
};
use egui::{Key, Modifiers, Ui};

use crate::app::analysis::{KEY_PAN, KEY_ZOOM};
use crate::app::{AppState, PickMode};

/// One shortcut as the sheet lists it.
pub struct Shortcut {
    /// Keys, as printed.
    pub keys: &'static str,
    /// What they do.
    pub action: &'static str,
}

/// Every shortcut, grouped as the sheet shows them.
pub const SHORTCUTS: &[(&str, &[Shortcut])] = &[
    (
        "Files",
        &[
            Shortcut {
                keys: "Ctrl+O",
                action: "Open files",
            },
            Shortcut {
                keys: "Ctrl+R",
                action: "Reload open files",
            },
            Shortcut {
                keys: "Ctrl+S",
                action: "Save session",
            },
            Shortcut {
                keys: "Ctrl+Shift+O",
                action: "Open session",
            },
            Shortcut {
                keys: "Ctrl+E",
                action: "Export image",
            },
            Shortcut {
                keys: "Ctrl+Shift+C",
                action: "Copy image of the view",
            },
        ],
    ),
    (
        "Find",
        &[
            Shortcut {
                keys: "/  or  Ctrl+F",
                action: "Search",
            },
            Shortcut {
                keys: "Enter / Shift+Enter",
                action: "Next / previous match (zooms to it)",
            },
            Shortcut {
                keys: "Esc",
                action: "Leave the search box; deselect",
            },
        ],
    ),
    (
        "Move",
        &[
            Shortcut {
                keys: "Right / Left  or  . / ,",
                action: "Next / previous event",
            },
            Shortcut {
                keys: "W / S",
                action: "Zoom in / out",
            },
            Shortcut {
                keys: "A / D",
                action: "Pan earlier / later",
            },
            Shortcut {
                keys: "F",
                action: "Fit all",
            },
            Shortcut {
                keys: "Shift+F",
                action: "Fit the selected event",
            },
            Shortcut {
                keys: "G",
                action: "Go to a date (2021-05, 2019, 2021-05-04T11:00)",
            },
            Shortcut {
                keys: "Ctrl+B",
                action: "Bookmark the view",
            },
        ],
    ),
    (
        "Present",
        &[
            Shortcut {
                keys: "F11",
                action: "Presentation mode (Esc leaves)",
            },
            Shortcut {
                keys: "Page Down / Space",
                action: "Next scene",
            },
            Shortcut {
                keys: "Page Up",
                action: "Previous scene",
            },
            Shortcut {
                keys: "?",
                action: "This sheet",
            },
        ],
    ),
];

/// The search box's id, so `/` and Ctrl+F can focus it.
pub fn search_id() -> egui::Id {
    egui::Id::unique("search-box")
}

/// Shortcuts that work even while a text field has focus.
pub fn global_keys(ctx: &egui::Context, state: &AppState, commands: &mut Commands) {
    use egui::KeyboardShortcut as S;
    let command = Modifiers::COMMAND;
    ctx.input_mut(|i| {
        if i.consume_shortcut(&S::new(command, Key::E)) {
            commands.push(ExportCommand::OpenExportDialog);
        }
        if i.consume_shortcut(&S::new(command | Modifiers::SHIFT, Key::C)) {
            commands.push(ExportCommand::CopyImage);
        }
        if i.consume_shortcut(&S::new(command | Modifiers::SHIFT, Key::O)) {
            commands.push(SessionCommand::PickSessionOpen);
        }
        if i.consume_shortcut(&S::new(command, Key::O)) {
            commands.push(FilesCommand::PickFiles(PickMode::Open));
        }
        if i.consume_shortcut(&S::new(command, Key::S)) {
            commands.push(SessionCommand::PickSessionSave);
        }
        if i.consume_shortcut(&S::new(command, Key::B)) {
            commands.push(NotesCommand::AddBookmark(String::new()));
        }
        if i.consume_key(Modifiers::NONE, Key::F11) {
            commands.push(PresentCommand::SetPresenting(!state.presenting));
        }
        if i.consume_shortcut(&S::new(command, Key::R)) {
            commands.push(FilesCommand::ReloadAll);
        }
    });
    if ctx.input_mut(|i| i.consume_shortcut(&S::new(command, Key::F))) {
        ctx.memory_mut(|m| m.request_focus(search_id()));
    }
}

/// What the plain keys asked for (only when no text field has focus).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PlainKeys {
    /// `/`: focus the search box.
    pub focus_search: bool,
    /// `G`: ask for a date.
    pub jump: bool,
}

/// Single keys: stepping, zoom, pan, fit, scenes, the sheet.
pub fn plain_keys(ctx: &egui::Context, state: &AppState, commands: &mut Commands) -> PlainKeys {
    let asked = read_plain_keys(ctx, state, commands);
    if asked.focus_search || asked.jump {
        // The key that opens a text field must not be typed into it in the same frame.
        ctx.input_mut(|i| {
            i.events
                .retain(|e| !matches!(e, egui::Event::Text(t) if t == "/" || t == "g" || t == "G"));
        });
    }
    asked
}

fn read_plain_keys(ctx: &egui::Context, state: &AppState, commands: &mut Commands) -> PlainKeys {
    let mut asked = PlainKeys::default();
    ctx.input(|i| {
        let plain = i.modifiers.is_none();
        let shift_only = i.modifiers.shift_only();
        let pressed = |key| i.key_pressed(key);
        let typed = |text: &str| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::Text(t) if t == text))
        };
        if pressed(Key::F) && plain {
            commands.push(ViewCommand::FitAll);
        }
        if pressed(Key::F) && shift_only {
            commands.push(ViewCommand::FitSelection);
        }
        if pressed(Key::W) && plain {
            commands.push(ViewCommand::ZoomBy(KEY_ZOOM));
        }
        if pressed(Key::S) && plain {
            commands.push(ViewCommand::ZoomBy(1.0 / KEY_ZOOM));
        }
        if pressed(Key::A) && plain {
            commands.push(ViewCommand::PanBy(-KEY_PAN));
        }
        if pressed(Key::D) && plain {
            commands.push(ViewCommand::PanBy(KEY_PAN));
        }
        if pressed(Key::G) && plain {
            asked.jump = true;
        }
        if pressed(Key::Questionmark) || typed("?") {
            commands.push(WindowCommand::ToggleShortcuts);
        }
        // By the typed character, not the key: `/` is Shift+7 on many layouts. The character is
        // then taken out of this frame's input so it does not land in the box.
        if typed("/") {
            asked.focus_search = true;
        }
        // With the sheet open, Esc is the sheet's (it closes itself).
        if pressed(Key::Escape) && !state.shortcuts_open {
            if state.presenting {
                commands.push(PresentCommand::SetPresenting(false));
            } else {
                commands.push(SelectCommand::Select(None));
            }
        }
        // Scenes: Page Up/Down and Space always (presentation clickers send these); the arrows
        // step scenes while presenting and events otherwise.
        let presenting = state.presenting;
        if pressed(Key::PageDown) || pressed(Key::Space) {
            commands.push(PresentCommand::NextScene);
        }
        if pressed(Key::PageUp) {
            commands.push(PresentCommand::PreviousScene);
        }
        let forward =
            pressed(Key::ArrowRight) || (!presenting && (pressed(Key::Period) || typed(".")));
        let back = pressed(Key::ArrowLeft) || (!presenting && (pressed(Key::Comma) || typed(",")));
        if presenting {
            if forward || pressed(Key::ArrowDown) {
                commands.push(PresentCommand::NextScene);
            }
            if back || pressed(Key::ArrowUp) {
                commands.push(PresentCommand::PreviousScene);
            }
        } else {
            if forward {
                commands.push(SelectCommand::NextEvent);
            }
            if back {
                commands.push(SelectCommand::PreviousEvent);
            }
            if pressed(Key::Enter) && state.filter.is_searching() {
                commands.push(if i.modifiers.shift {
                    SelectCommand::PreviousMatch
                } else {
                    SelectCommand::NextMatch
                });
            }
        }
    });
    asked
}

/// The `?` sheet.
pub fn shortcut_sheet_ui(ctx: &egui::Context, commands: &mut Commands) {
    let modal = egui::Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui: &mut Ui| {
        ui.heading("Keyboard shortcuts");
        ui.add_space(4.0);
        egui::Grid::new("shortcut-grid")
            .num_columns(2)
            .spacing([24.0, 4.0])
            .show(ui, |ui| {
                for (group, shortcuts) in SHORTCUTS {
                    ui.strong(*group);
                    ui.end_row();
                    for shortcut in *shortcuts {
                        ui.monospace(shortcut.keys);
                        ui.label(shortcut.action);
                        ui.end_row();
                    }
                }
            });
        ui.add_space(6.0);
        ui.weak("Menus and panels can also be reached with Tab and Enter.");
        if ui.button("Close").clicked() {
            commands.push(WindowCommand::ToggleShortcuts);
        }
    });
    if modal.should_close() {
        commands.push(WindowCommand::ToggleShortcuts);
    }
}

/// The G prompt: a date typed as a source would write it. Returns false when it closes.
pub fn jump_ui(ctx: &egui::Context, text: &mut String, commands: &mut Commands) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("jump")).show(ctx, |ui: &mut Ui| {
        ui.heading("Go to date");
        let label = ui.label("Date (2021-05, 2019, 2021-05-04T11:00)");
        let response = ui
            .add(egui::TextEdit::singleline(text).hint_text("2021-05"))
            .labelled_by(label.id);
        if !response.has_focus() && !response.lost_focus() {
            response.request_focus();
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.horizontal(|ui| {
            if ui.button("Go").clicked() || entered {
                commands.push(ViewCommand::JumpTo(text.clone()));
                open = false;
            }
            if ui.button("Cancel").clicked() {
                open = false;
            }
        });
    });
    if modal.should_close() {
        open = false;
    }
    open
}
