//! One table of actions: what each does, its text, and its keys. Key handling, the menus' shortcut
//! hints and the `?` sheet all read it, so none of them can drift from what the keys do (Rerun's
//! `UICommand` is the model). Adding a shortcut is one arm in [`Action::bindings`] and, if it is
//! new, one in [`Action::text`] and [`Action::perform`].

use crate::i18n::{Arg, Lang};
use egui::{Key, Modifiers};

use crate::app::analysis::{KEY_PAN, KEY_ZOOM};
use crate::app::{
    AppState, Command, ExportCommand, FilesCommand, NotesCommand, PickMode, PresentCommand,
    SelectCommand, SessionCommand, ViewCommand, WindowCommand,
};

/// Something the user can ask for by key, menu or sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open files (a dialog).
    OpenFiles,
    /// Reload the open files.
    ReloadFiles,
    /// Save the session (a dialog).
    SaveSession,
    /// Open a session (a dialog).
    OpenSession,
    /// The export dialog.
    ExportImage,
    /// A PNG of the view on the clipboard.
    CopyImage,
    /// Focus the search box.
    Search,
    /// The next search match.
    NextMatch,
    /// The previous search match.
    PreviousMatch,
    /// Leave the search box; deselect.
    Deselect,
    /// Select the next event.
    NextEvent,
    /// Select the previous event.
    PreviousEvent,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Pan towards earlier times.
    PanEarlier,
    /// Pan towards later times.
    PanLater,
    /// Show every event.
    FitAll,
    /// Zoom to the selected event.
    FitSelection,
    /// Ask for a date and go there.
    GoToDate,
    /// Bookmark the view.
    Bookmark,
    /// Presentation mode on or off.
    Present,
    /// The next scene.
    NextScene,
    /// The previous scene.
    PreviousScene,
    /// The shortcut sheet.
    Shortcuts,
}

/// How a key is recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A key with exactly these modifiers (Ctrl is Cmd on a Mac).
    Chord(Modifiers, Key),
    /// A typed character, whatever keys typed it (`/` is Shift+7 on many layouts).
    Typed(&'static str),
}

impl Trigger {
    const fn key(key: Key) -> Self {
        Self::Chord(Modifiers::NONE, key)
    }

    const fn ctrl(key: Key) -> Self {
        Self::Chord(Modifiers::COMMAND, key)
    }

    /// Keys with Ctrl, and function keys, work while a text field has focus; plain keys would be
    /// typed into it.
    pub fn works_while_typing(self) -> bool {
        match self {
            Self::Chord(modifiers, key) => modifiers.command || key == Key::F11,
            Self::Typed(_) => false,
        }
    }

    /// As the sheet and the menus print it, with the keys named as `lang`'s keyboards label
    /// them ("Ctrl+Shift+O", "Page Down", "/"; "Strg+Umschalt+O", "Bild↓").
    pub fn text(self, ctx: &egui::Context, lang: Lang) -> String {
        match self {
            Self::Typed(text) => text.to_owned(),
            Self::Chord(modifiers, key) => {
                let shortcut = egui::KeyboardShortcut::new(modifiers, key);
                let full = ctx.format_shortcut(&shortcut);
                let name = match key {
                    Key::Period => ".".to_owned(),
                    Key::Comma => ",".to_owned(),
                    Key::Questionmark => "?".to_owned(),
                    Key::Slash => "/".to_owned(),
                    _ => key_name(key, lang),
                };
                let mods = full.strip_suffix(key.name()).unwrap_or_default();
                let mods = mods
                    .replace("Ctrl", &lang.word("key-ctrl"))
                    .replace("Shift", &lang.word("key-shift"));
                format!("{mods}{name}")
            }
        }
    }
}

/// A key's name as `lang`'s keyboards label it ("Space", "Spatie", "Espace", "Leertaste"); keys
/// with no message keep egui's name ("F11", "B").
fn key_name(key: Key, lang: Lang) -> String {
    let message = match key {
        Key::PageDown => "key-page-down",
        Key::PageUp => "key-page-up",
        Key::ArrowRight => "key-right",
        Key::ArrowLeft => "key-left",
        Key::ArrowUp => "key-up",
        Key::ArrowDown => "key-down",
        Key::Space => "key-space",
        Key::Enter => "key-enter",
        Key::Escape => "key-escape",
        Key::Home => "key-home",
        Key::End => "key-end",
        _ => return key.name().to_owned(),
    };
    lang.word(message)
}

/// When a binding counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Always.
    Always,
    /// Not while presenting.
    Browsing,
    /// Only while presenting (not listed on the sheet; the action's text says it).
    Presenting,
    /// While a search is active, not presenting.
    Searching,
}

/// One way to trigger an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    /// The key.
    pub trigger: Trigger,
    /// When it counts.
    pub when: When,
}

const fn always(trigger: Trigger) -> Binding {
    Binding {
        trigger,
        when: When::Always,
    }
}

const fn browsing(trigger: Trigger) -> Binding {
    Binding {
        trigger,
        when: When::Browsing,
    }
}

const fn presenting(trigger: Trigger) -> Binding {
    Binding {
        trigger,
        when: When::Presenting,
    }
}

/// What an action asks of the window beyond commands.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A command for the state.
    Command(Command),
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Ask for a date.
    AskDate,
    /// Nothing now (e.g. Fit selection with nothing selected is still a command; this is for
    /// actions that do not apply in the current state).
    Nothing,
}

impl Action {
    /// Every action, in the order the sheet lists them.
    pub const ALL: [Self; 24] = [
        Self::OpenFiles,
        Self::ReloadFiles,
        Self::SaveSession,
        Self::OpenSession,
        Self::ExportImage,
        Self::CopyImage,
        Self::Search,
        Self::NextMatch,
        Self::PreviousMatch,
        Self::Deselect,
        Self::NextEvent,
        Self::PreviousEvent,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::PanEarlier,
        Self::PanLater,
        Self::FitAll,
        Self::FitSelection,
        Self::GoToDate,
        Self::Bookmark,
        Self::Present,
        Self::NextScene,
        Self::PreviousScene,
        Self::Shortcuts,
    ];

    /// Its keys.
    pub fn bindings(self) -> &'static [Binding] {
        use Trigger as T;
        match self {
            Self::OpenFiles => const { &[always(T::ctrl(Key::O))] },
            Self::ReloadFiles => const { &[always(T::ctrl(Key::R))] },
            Self::SaveSession => const { &[always(T::ctrl(Key::S))] },
            Self::OpenSession => {
                const {
                    &[always(T::Chord(
                        Modifiers::COMMAND.plus(Modifiers::SHIFT),
                        Key::O,
                    ))]
                }
            }
            Self::ExportImage => const { &[always(T::ctrl(Key::E))] },
            Self::CopyImage => {
                const {
                    &[always(T::Chord(
                        Modifiers::COMMAND.plus(Modifiers::SHIFT),
                        Key::C,
                    ))]
                }
            }
            Self::Search => const { &[always(T::Typed("/")), always(T::ctrl(Key::F))] },
            Self::NextMatch => {
                const {
                    &[Binding {
                        trigger: T::key(Key::Enter),
                        when: When::Searching,
                    }]
                }
            }
            Self::PreviousMatch => {
                const {
                    &[Binding {
                        trigger: T::Chord(Modifiers::SHIFT, Key::Enter),
                        when: When::Searching,
                    }]
                }
            }
            Self::Deselect => const { &[browsing(T::key(Key::Escape))] },
            Self::NextEvent => {
                const {
                    &[
                        browsing(T::key(Key::ArrowRight)),
                        browsing(T::key(Key::Period)),
                        browsing(T::Typed(".")),
                    ]
                }
            }
            Self::PreviousEvent => {
                const {
                    &[
                        browsing(T::key(Key::ArrowLeft)),
                        browsing(T::key(Key::Comma)),
                        browsing(T::Typed(",")),
                    ]
                }
            }
            Self::ZoomIn => const { &[always(T::key(Key::W))] },
            Self::ZoomOut => const { &[always(T::key(Key::S))] },
            Self::PanEarlier => const { &[always(T::key(Key::A))] },
            Self::PanLater => const { &[always(T::key(Key::D))] },
            Self::FitAll => const { &[always(T::key(Key::F))] },
            Self::FitSelection => const { &[always(T::Chord(Modifiers::SHIFT, Key::F))] },
            Self::GoToDate => const { &[always(T::key(Key::G))] },
            Self::Bookmark => const { &[always(T::ctrl(Key::B))] },
            Self::Present => const { &[always(T::key(Key::F11)), presenting(T::key(Key::Escape))] },
            Self::NextScene => {
                const {
                    &[
                        always(T::key(Key::PageDown)),
                        always(T::key(Key::Space)),
                        presenting(T::key(Key::ArrowRight)),
                        presenting(T::key(Key::ArrowDown)),
                    ]
                }
            }
            Self::PreviousScene => {
                const {
                    &[
                        always(T::key(Key::PageUp)),
                        presenting(T::key(Key::ArrowLeft)),
                        presenting(T::key(Key::ArrowUp)),
                    ]
                }
            }
            Self::Shortcuts => {
                const { &[always(T::key(Key::Questionmark)), always(T::Typed("?"))] }
            }
        }
    }

    /// What it is called in menus and on the sheet.
    pub fn text(self, lang: Lang) -> String {
        lang.word(&format!("action-{}", self.key()))
    }

    /// Its message key in the catalogs (`action-KEY`, `action-KEY-tip`).
    fn key(self) -> &'static str {
        match self {
            Self::OpenFiles => "open-files",
            Self::ReloadFiles => "reload-files",
            Self::SaveSession => "save-session",
            Self::OpenSession => "open-session",
            Self::ExportImage => "export-image",
            Self::CopyImage => "copy-image",
            Self::Search => "search",
            Self::NextMatch => "next-match",
            Self::PreviousMatch => "previous-match",
            Self::Deselect => "deselect",
            Self::NextEvent => "next-event",
            Self::PreviousEvent => "previous-event",
            Self::ZoomIn => "zoom-in",
            Self::ZoomOut => "zoom-out",
            Self::PanEarlier => "pan-earlier",
            Self::PanLater => "pan-later",
            Self::FitAll => "fit-all",
            Self::FitSelection => "fit-selection",
            Self::GoToDate => "go-to-date",
            Self::Bookmark => "bookmark",
            Self::Present => "present",
            Self::NextScene => "next-scene",
            Self::PreviousScene => "previous-scene",
            Self::Shortcuts => "shortcuts",
        }
    }

    /// What it does, in a sentence, where the name is not enough (menus show it on hover).
    pub fn tooltip(self, lang: Lang) -> Option<String> {
        matches!(
            self,
            Self::OpenFiles
                | Self::ReloadFiles
                | Self::SaveSession
                | Self::ExportImage
                | Self::CopyImage
                | Self::FitAll
                | Self::Present
        )
        .then(|| lang.word(&format!("action-{}-tip", self.key())))
    }

    /// Its keys as the sheet prints them ("Right  or  ."); keys that count only while presenting
    /// follow in brackets ("Page Down  or  Space  (Right, Down while presenting)").
    pub fn keys_text(self, ctx: &egui::Context, lang: Lang) -> String {
        let main = self
            .key_texts(ctx, lang, |when| when != When::Presenting)
            .join(&format!("  {}  ", lang.word("sheet-or")));
        let presenting = self.key_texts(ctx, lang, |when| when == When::Presenting);
        if presenting.is_empty() {
            main
        } else {
            let keys = presenting.join(", ");
            let more = lang.text("sheet-while-presenting", &[("keys", Arg::Text(&keys))]);
            format!("{main}  ({more})")
        }
    }

    /// Its first key, for a menu item ("Ctrl+O").
    pub fn menu_keys_text(self, ctx: &egui::Context, lang: Lang) -> String {
        self.key_texts(ctx, lang, |when| when != When::Presenting)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// Each distinct key text of the bindings whose condition passes `keep`, in order.
    pub fn key_texts(
        self,
        ctx: &egui::Context,
        lang: Lang,
        keep: impl Fn(When) -> bool,
    ) -> Vec<String> {
        let mut texts: Vec<String> = Vec::new();
        for binding in self.bindings().iter().filter(|b| keep(b.when)) {
            let text = binding.trigger.text(ctx, lang);
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
        texts
    }

    /// Whether `binding` counts in `state`.
    fn counts(binding: &Binding, state: &AppState) -> bool {
        match binding.when {
            When::Always => true,
            When::Browsing => !state.presenting,
            When::Presenting => state.presenting,
            When::Searching => !state.presenting && state.filter.is_searching(),
        }
    }

    /// What it does now.
    pub fn perform(self, state: &AppState) -> Outcome {
        let command: Command = match self {
            Self::OpenFiles => FilesCommand::PickFiles(PickMode::Open).into(),
            Self::ReloadFiles => FilesCommand::ReloadAll.into(),
            Self::SaveSession => SessionCommand::PickSessionSave.into(),
            Self::OpenSession => SessionCommand::PickSessionOpen.into(),
            Self::ExportImage => ExportCommand::OpenExportDialog.into(),
            Self::CopyImage => ExportCommand::CopyImage.into(),
            Self::Search if state.presenting => return Outcome::Nothing,
            Self::Search => return Outcome::FocusSearch,
            Self::NextMatch => SelectCommand::NextMatch.into(),
            Self::PreviousMatch => SelectCommand::PreviousMatch.into(),
            Self::Deselect => SelectCommand::Select(None).into(),
            Self::NextEvent => SelectCommand::NextEvent.into(),
            Self::PreviousEvent => SelectCommand::PreviousEvent.into(),
            Self::ZoomIn => ViewCommand::ZoomBy(KEY_ZOOM).into(),
            Self::ZoomOut => ViewCommand::ZoomBy(1.0 / KEY_ZOOM).into(),
            Self::PanEarlier => ViewCommand::PanBy(-KEY_PAN).into(),
            Self::PanLater => ViewCommand::PanBy(KEY_PAN).into(),
            Self::FitAll => ViewCommand::FitAll.into(),
            Self::FitSelection => ViewCommand::FitSelection.into(),
            Self::GoToDate => return Outcome::AskDate,
            Self::Bookmark => NotesCommand::AddBookmark(String::new()).into(),
            Self::Present => PresentCommand::SetPresenting(!state.presenting).into(),
            Self::NextScene => PresentCommand::NextScene.into(),
            Self::PreviousScene => PresentCommand::PreviousScene.into(),
            Self::Shortcuts => WindowCommand::ToggleShortcuts.into(),
        };
        Outcome::Command(command)
    }
}

/// Which keys to read this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyScope {
    /// A text field has focus (or a prompt is open): only keys that work while typing.
    Typing,
    /// A modal sheet is open: only the sheet's own key.
    Sheet,
    /// A dialog is open (the file chooser, the export dialog, a question): its own keys only,
    /// no shortcut.
    Dialog,
    /// Nothing has focus: every key.
    All,
}

/// The actions the keys of this frame ask for, each once (a key and its typed character in the
/// same frame count once). Keys that work while typing are consumed, so a text field does not
/// also see them.
pub fn pressed(ctx: &egui::Context, state: &AppState, scope: KeyScope) -> Vec<Action> {
    let mut fired = Vec::new();
    if scope == KeyScope::Dialog {
        return fired;
    }
    // With Ctrl+Shift+O and Ctrl+O both bound, the longer chord must be tried first.
    let mut typing: Vec<(Action, Modifiers, Key)> = Action::ALL
        .iter()
        .flat_map(|&action| {
            action
                .bindings()
                .iter()
                .filter_map(move |b| match b.trigger {
                    Trigger::Chord(m, k) if b.trigger.works_while_typing() => Some((action, m, k)),
                    _ => None,
                })
        })
        .collect();
    typing.sort_by_key(|&(_, m, _)| std::cmp::Reverse(u8::from(m.shift) + u8::from(m.alt)));
    ctx.input_mut(|i| {
        for (action, modifiers, key) in typing {
            if i.consume_key(modifiers, key) && !fired.contains(&action) {
                fired.push(action);
            }
        }
    });
    if scope == KeyScope::Typing {
        return fired;
    }
    ctx.input(|i| {
        for action in Action::ALL {
            if scope == KeyScope::Sheet && action != Action::Shortcuts {
                continue;
            }
            let hit = action.bindings().iter().any(|binding| {
                !binding.trigger.works_while_typing()
                    && Action::counts(binding, state)
                    && match binding.trigger {
                        Trigger::Chord(modifiers, key) => {
                            i.key_pressed(key)
                                && (i.modifiers.matches_exact(modifiers)
                                    // `?` needs Shift on most layouts.
                                    || key == Key::Questionmark)
                        }
                        Trigger::Typed(text) => i
                            .events
                            .iter()
                            .any(|e| matches!(e, egui::Event::Text(t) if t == text)),
                    }
            });
            if hit && !fired.contains(&action) {
                fired.push(action);
            }
        }
    });
    fired
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_key_in_the_same_situation() {
        // Two conditions can hold at once unless one needs presenting and the other browsing.
        let overlaps = |a: When, b: When| {
            use When::{Browsing, Presenting, Searching};
            !matches!(
                (a, b),
                (Presenting, Browsing | Searching) | (Browsing | Searching, Presenting)
            )
        };
        let all: Vec<(Action, Binding)> = Action::ALL
            .iter()
            .flat_map(|&a| a.bindings().iter().map(move |&b| (a, b)))
            .collect();
        for (i, (a, x)) in all.iter().enumerate() {
            for (b, y) in &all[i + 1..] {
                if a != b && x.trigger == y.trigger {
                    assert!(
                        !overlaps(x.when, y.when),
                        "{a:?} and {b:?} both take {:?}",
                        x.trigger
                    );
                }
            }
        }
    }

    #[test]
    fn every_action_has_a_key_shown_on_the_sheet() {
        let ctx = egui::Context::default();
        for action in Action::ALL {
            assert!(!action.keys_text(&ctx, Lang::En).is_empty(), "{action:?}");
        }
        assert_eq!(
            Action::OpenSession.keys_text(&ctx, Lang::En),
            "Ctrl+Shift+O"
        );
        assert_eq!(Action::NextEvent.keys_text(&ctx, Lang::En), "Right  or  .");
        assert_eq!(
            Action::NextScene.keys_text(&ctx, Lang::En),
            "Page Down  or  Space  (Right, Down while presenting)"
        );
        assert_eq!(Action::Search.keys_text(&ctx, Lang::En), "/  or  Ctrl+F");
    }

    #[test]
    fn arrows_step_events_when_browsing_and_scenes_when_presenting() {
        let mut state = AppState::default();
        let arrow = |state: &AppState| {
            Action::ALL
                .into_iter()
                .filter(|a| {
                    a.bindings().iter().any(|b| {
                        b.trigger == Trigger::key(Key::ArrowRight) && Action::counts(b, state)
                    })
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(arrow(&state), [Action::NextEvent]);
        state.presenting = true;
        assert_eq!(arrow(&state), [Action::NextScene]);
        assert_eq!(
            Action::Present.perform(&state),
            Outcome::Command(PresentCommand::SetPresenting(false).into())
        );
    }
}
