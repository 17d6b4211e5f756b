//! The keyboard: keys are read through the action table (`actions.rs`), and the `?` sheet lists
//! that same table, so the sheet cannot drift from what the keys do.

use egui::{Key, Ui};

use super::actions::{self, Action, KeyScope, Outcome, When};
use crate::app::{AppState, Commands, ViewCommand, WindowCommand};
use crate::i18n::Lang;

/// A row of the `?` sheet: one action, or two opposite ones under one text.
#[derive(Clone, Copy, Debug)]
pub enum SheetRow {
    /// One action, under its own text.
    One(Action),
    /// One action, under a text for the sheet ("This sheet"), by its message key.
    Titled(Action, &'static str),
    /// Two actions and the text for both ("Next / previous event"), by its message key.
    Pair(Action, Action, &'static str),
}

/// The sheet: every action once, grouped (group names and row texts are message keys). Keys and
/// texts come from [`Action`].
pub const SHEET: &[(&str, &[SheetRow])] = {
    use Action as A;
    use SheetRow::{One, Pair, Titled};
    &[
        (
            "sheet-files",
            &[
                One(A::OpenFiles),
                One(A::ReloadFiles),
                One(A::SaveSession),
                One(A::OpenSession),
                One(A::ExportImage),
                One(A::CopyImage),
            ],
        ),
        (
            "sheet-find",
            &[
                One(A::Search),
                Pair(A::NextMatch, A::PreviousMatch, "sheet-next-previous-match"),
                One(A::Deselect),
            ],
        ),
        (
            "sheet-move",
            &[
                Pair(A::NextEvent, A::PreviousEvent, "sheet-next-previous-event"),
                Pair(A::ZoomIn, A::ZoomOut, "sheet-zoom-in-out"),
                Pair(A::PanEarlier, A::PanLater, "sheet-pan"),
                One(A::FitAll),
                One(A::FitSelection),
                One(A::GoToDate),
                One(A::Bookmark),
            ],
        ),
        (
            "sheet-present",
            &[
                One(A::Present),
                One(A::NextScene),
                One(A::PreviousScene),
                Titled(A::Shortcuts, "sheet-this-sheet"),
            ],
        ),
    ]
};

impl SheetRow {
    /// The actions on the row.
    pub fn actions(self) -> Vec<Action> {
        match self {
            Self::One(action) | Self::Titled(action, _) => vec![action],
            Self::Pair(a, b, _) => vec![a, b],
        }
    }

    /// Its keys ("Right / Left  or  . / ,") and its text, in `lang`.
    pub fn texts(self, ctx: &egui::Context, lang: Lang) -> (String, String) {
        let or = format!("  {}  ", lang.word("sheet-or"));
        match self {
            // The sheet names what a menu item opens, without the menu's "…".
            Self::One(action) => (
                action.keys_text(ctx, lang),
                action.text(lang).trim_end_matches('…').to_owned(),
            ),
            Self::Titled(action, text) => (action.keys_text(ctx, lang), lang.word(text)),
            Self::Pair(a, b, text) => {
                let shown = |w: When| w != When::Presenting;
                let (ka, kb) = (a.key_texts(ctx, lang, shown), b.key_texts(ctx, lang, shown));
                let keys = if ka.len() == kb.len() {
                    ka.iter()
                        .zip(&kb)
                        .map(|(x, y)| format!("{x} / {y}"))
                        .collect::<Vec<_>>()
                        .join(&or)
                } else {
                    format!("{} / {}", ka.join(&or), kb.join(&or))
                };
                (keys, lang.word(text))
            }
        }
    }
}

/// The search box's id, so `/` and Ctrl+F can focus it.
pub fn search_id() -> egui::Id {
    egui::Id::unique("search-box")
}

/// What the keys asked of the window itself (beyond commands).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct WindowAsks {
    /// Focus the search box.
    pub focus_search: bool,
    /// Ask for a date.
    pub jump: bool,
}

/// Reads this frame's keys through the action table: commands go to `commands`, what the window
/// does itself comes back.
pub fn keys(
    ctx: &egui::Context,
    state: &AppState,
    scope: KeyScope,
    commands: &mut Commands,
) -> WindowAsks {
    let mut asks = WindowAsks::default();
    for action in actions::pressed(ctx, state, scope) {
        match action.perform(state) {
            Outcome::Command(command) => commands.push(command),
            Outcome::FocusSearch => asks.focus_search = true,
            Outcome::AskDate => asks.jump = true,
            Outcome::Nothing => {}
        }
    }
    if asks.focus_search || asks.jump {
        // The key that opens a text field must not be typed into it in the same frame.
        ctx.input_mut(|i| {
            i.events
                .retain(|e| !matches!(e, egui::Event::Text(t) if t == "/" || t == "g" || t == "G"));
        });
    }
    asks
}

/// The `?` sheet.
pub fn shortcut_sheet_ui(ctx: &egui::Context, lang: Lang, commands: &mut Commands) {
    // Enter closes it too: it only shows.
    let enter = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Enter));
    let modal = egui::Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui: &mut Ui| {
        ui.heading(lang.word("action-shortcuts"));
        ui.add_space(4.0);
        egui::Grid::new("shortcut-grid")
            .num_columns(2)
            .spacing([24.0, 4.0])
            .show(ui, |ui| {
                for (group, rows) in SHEET {
                    ui.strong(lang.word(group));
                    ui.end_row();
                    for row in *rows {
                        let (keys, text) = row.texts(ctx, lang);
                        ui.monospace(keys);
                        ui.label(text);
                        ui.end_row();
                    }
                }
            });
        ui.add_space(6.0);
        ui.weak(lang.word("sheet-tab"));
        if ui.button(lang.word("close")).clicked() {
            commands.push(WindowCommand::ToggleShortcuts);
        }
    });
    if modal.should_close() || enter {
        commands.push(WindowCommand::ToggleShortcuts);
    }
}

/// The G prompt: a date typed as a source would write it. Returns false when it closes.
pub fn jump_ui(
    ctx: &egui::Context,
    text: &mut String,
    lang: Lang,
    commands: &mut Commands,
) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("jump")).show(ctx, |ui: &mut Ui| {
        ui.heading(lang.word("jump-heading"));
        let label = ui.label(lang.word("jump-label"));
        let response = ui
            .add(egui::TextEdit::singleline(text).hint_text("2021-05"))
            .labelled_by(label.id);
        if !response.has_focus() && !response.lost_focus() {
            response.request_focus();
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.horizontal(|ui| {
            if ui.button(lang.word("jump-go")).clicked() || entered {
                commands.push(ViewCommand::JumpTo(text.clone()));
                open = false;
            }
            if ui.button(lang.word("cancel")).clicked() {
                open = false;
            }
        });
    });
    if modal.should_close() {
        open = false;
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheet_lists_every_action_once() {
        let listed: Vec<Action> = SHEET
            .iter()
            .flat_map(|(_, rows)| rows.iter().flat_map(|r| r.actions()))
            .collect();
        for action in Action::ALL {
            let times = listed.iter().filter(|&&a| a == action).count();
            assert_eq!(times, 1, "{action:?} is on the sheet {times} times");
        }
        let ctx = egui::Context::default();
        let (keys, text) = SHEET[2].1[0].texts(&ctx, Lang::En);
        assert_eq!(
            (keys.as_str(), text.as_str()),
            ("Right / Left  or  . / ,", "Next / previous event")
        );
        let (keys, text) = SHEET[2].1[0].texts(&ctx, Lang::De);
        assert_eq!(
            (keys.as_str(), text.as_str()),
            (
                "Rechts / Links  oder  . / ,",
                "Nächstes / vorheriges Ereignis"
            )
        );
    }
}
