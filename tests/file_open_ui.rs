//! File-open workflows in the real window UI (`egui_kittest`, no GPU, no system file dialog):
//! the in-window chooser for sessions, Esc and Enter on every modal, folders and several files
//! dropped at once.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

mod common;
use common::DroppedPath;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use annals::app::{AppState, ChooserPurpose, FilterCommand, Settings};
use annals::ui::Window;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn english() -> Settings {
    Settings {
        language: Some(annals::i18n::Lang::En),
        ..Settings::default()
    }
}

fn scratch(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("annals-open-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&folder).ok();
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

fn belgium_in(folder: &Path) -> PathBuf {
    let path = folder.join("belgium.json");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/belgium.json"),
        &path,
    )
    .unwrap();
    path
}

fn harness_on(paths: &[PathBuf], settings: Settings) -> Harness<'static, Window> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            |ui, window: &mut Window| window.ui(ui),
            Window::new(AppState::with_files(paths, settings)),
        );
    harness.run();
    harness
}

/// Does what the shell does between frames with the queued effects (listing folders, sizing and
/// reading small files, writing sessions); nothing may be left for a system dialog.
fn carry_out(harness: &mut Harness<'_, Window>) {
    for _ in 0..4 {
        let window = harness.state_mut();
        let queued = std::mem::take(&mut window.effects);
        if queued.is_empty() {
            break;
        }
        let left = annals::app::jobs::settle_at_once(&mut window.state, queued);
        assert!(left.is_empty(), "{left:?}");
        harness.run();
    }
}

fn press(harness: &mut Harness<'_, Window>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
    carry_out(harness);
}

fn chooser_typed(harness: &Harness<'_, Window>) -> Option<String> {
    harness
        .state()
        .state
        .chooser
        .as_ref()
        .map(|c| c.typed.clone())
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn with_no_system_dialog_a_session_is_saved_and_opened_again_through_the_chooser_by_keyboard() {
    let folder = scratch("session");
    let data = belgium_in(&folder);
    let mut harness = harness_on(std::slice::from_ref(&data), english());
    let left = harness
        .state_mut()
        .state
        .apply_at_once(FilterCommand::SetQuery("Belnet".into()));
    assert!(left.is_empty(), "{left:?}");
    harness.run();

    // Ctrl+S: the chooser opens on the suggested session file, focus in its path field.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let session = folder.join("belgium.annals-session.json");
    assert_eq!(chooser_typed(&harness), Some(session.display().to_string()));
    harness.get_by_label("Save session");
    assert!(harness.get_by_label("Path").is_focused() || path_field_focused(&harness));
    // The list shows the folder, the data file in it.
    harness.get_by_label("belgium.json");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().state.chooser.is_none(), "Enter saved");
    assert_eq!(
        files_in(&folder),
        ["belgium.annals-session.json", "belgium.json"],
        "written atomically: no temporary file left beside it"
    );
    let text = std::fs::read_to_string(&session).unwrap();
    assert!(text.contains("Belnet"), "{text}");
    harness.get_by_label_contains("Session saved");

    // Change what is shown, then open the session again: Ctrl+Shift+O, type a name, Tab, Enter.
    let left = harness
        .state_mut()
        .state
        .apply_at_once(FilterCommand::SetQuery(String::new()));
    assert!(left.is_empty(), "{left:?}");
    press(
        &mut harness,
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::O,
    );
    let chooser = harness.state().state.chooser.clone().expect("the chooser");
    assert_eq!(chooser.purpose, ChooserPurpose::OpenSession);
    assert_eq!(chooser.typed, format!("{}/", folder.display()));
    assert!(
        path_field_focused(&harness),
        "focus starts in the path field"
    );
    harness.get_by_label("Path").type_text("belgium.a");
    harness.run();
    carry_out(&mut harness);
    assert_eq!(
        chooser_typed(&harness),
        Some(format!("{}/belgium.a", folder.display()))
    );
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(chooser_typed(&harness), Some(session.display().to_string()));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().state.chooser.is_none());
    assert_eq!(
        harness.state().state.filter.query,
        "Belnet",
        "the session came back"
    );
    assert_eq!(harness.state().state.session_path.as_ref(), Some(&session));

    // Saving again over the same file asks first; Esc goes back to the chooser, Enter replaces.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(chooser_typed(&harness), Some(session.display().to_string()));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label_contains("already exists. Replace it?");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label_contains("already exists").is_none());
    assert!(
        harness.state().state.chooser.is_some(),
        "back in the chooser"
    );
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label_contains("already exists. Replace it?");
    let before = std::fs::metadata(&session).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().state.chooser.is_none());
    assert!(std::fs::metadata(&session).unwrap().modified().unwrap() > before);
    std::fs::remove_dir_all(&folder).ok();
}

fn path_field_focused(harness: &Harness<'_, Window>) -> bool {
    harness
        .ctx
        .memory(|m| m.focused() == Some(annals::ui::chooser::path_field_id()))
}

#[test]
fn every_modal_closes_with_esc_and_confirms_with_enter() {
    let folder = scratch("modals");
    let data = belgium_in(&folder);
    let mut harness = harness_on(std::slice::from_ref(&data), english());

    // The chooser: Esc closes it.
    press(&mut harness, Modifiers::COMMAND, Key::O);
    assert!(
        path_field_focused(&harness),
        "focus starts in the path field"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().state.chooser.is_none());

    // The shortcut sheet: Enter and Esc both close it.
    press(&mut harness, Modifiers::NONE, Key::Questionmark);
    assert!(harness.state().state.shortcuts_open);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(!harness.state().state.shortcuts_open);

    // The export dialog: Esc closes it; Enter exports.
    press(&mut harness, Modifiers::COMMAND, Key::E);
    assert!(harness.state().state.export_dialog.is_some());
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().state.export_dialog.is_none());
    press(&mut harness, Modifiers::COMMAND, Key::E);
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().state.export_dialog.is_none());
    assert!(
        matches!(
            harness.state().effects.as_slice(),
            [annals::app::Effect::WriteImage(_)]
        ),
        "{:?}",
        harness.state().effects
    );
    harness.state_mut().effects.clear();

    // The chooser over the export dialog: Esc closes the chooser only; Enter chooses the file
    // (the chooser's Enter, not the dialog's export).
    press(&mut harness, Modifiers::COMMAND, Key::E);
    harness.get_by_label("Choose…").click();
    harness.run();
    carry_out(&mut harness);
    assert_eq!(
        harness.state().state.chooser.as_ref().map(|c| c.purpose),
        Some(ChooserPurpose::Export)
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().state.chooser.is_none());
    assert!(
        harness.state().state.export_dialog.is_some(),
        "the dialog stays"
    );
    harness.get_by_label("Choose…").click();
    harness.run();
    carry_out(&mut harness);
    let target = folder.join("slide.svg");
    let left = harness
        .state_mut()
        .state
        .apply_at_once(annals::app::ChooserCommand::SetText(
            target.display().to_string(),
        ));
    assert!(left.is_empty(), "{left:?}");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().state.chooser.is_none());
    let dialog = harness
        .state()
        .state
        .export_dialog
        .clone()
        .expect("still open");
    assert_eq!(dialog.path, target);
    assert_eq!(dialog.format, annals::app::ImageFormat::Svg);
    assert!(harness.state().effects.is_empty(), "nothing exported yet");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().state.export_dialog.is_none());

    // The date prompt: Esc closes it.
    press(&mut harness, Modifiers::NONE, Key::G);
    harness.get_by_label("Go to date");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Go to date").is_none());

    // The size question: Esc declines, Enter loads.
    let mut settings = harness.state().state.settings.clone();
    settings.size_limit_bytes = 1_000;
    let mut harness = harness_on(&[], settings);
    for (key, loads) in [(Key::Escape, false), (Key::Enter, true)] {
        let left = harness
            .state_mut()
            .state
            .apply_at_once(annals::app::FilesCommand::AddFiles(vec![data.clone()]));
        assert!(left.is_empty(), "{left:?}");
        harness.run();
        harness.get_by_label("Load a very large file?");
        press(&mut harness, Modifiers::NONE, key);
        assert!(harness.state().state.too_large.is_none());
        assert_eq!(harness.state().state.files.len(), 1 + usize::from(loads));
    }
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn a_dropped_folder_opens_every_timeline_in_it_and_says_what_it_skipped() {
    let folder = scratch("drop");
    let cases = folder.join("cases");
    std::fs::create_dir_all(cases.join("2021")).unwrap();
    std::fs::write(
        cases.join("a.json"),
        r#"[{"id": "a", "title": "Alpha", "start": "2020"}]"#,
    )
    .unwrap();
    std::fs::write(cases.join("2021/b.csv"), "title,start\nBravo,2021-05-04\n").unwrap();
    std::fs::write(cases.join("report.pdf"), "%PDF").unwrap();
    std::fs::write(cases.join("notes.txt"), "notes").unwrap();
    std::fs::write(cases.join("scan.pdf"), "%PDF").unwrap();
    // A loose file dropped with the folder, in the same drop: one step, one dataset.
    let loose = folder.join("loose.json");
    std::fs::write(
        &loose,
        r#"[{"id": "c", "title": "Charlie", "start": "2019"}]"#,
    )
    .unwrap();

    let mut harness = harness_on(&[], english());
    harness.input_mut().dropped_files.extend([
        Arc::new(DroppedPath(cases.clone())) as Arc<dyn egui::DroppedFile + Send + Sync>,
        Arc::new(DroppedPath(loose.clone())),
    ]);
    harness.run();
    carry_out(&mut harness);
    let state = &harness.state().state;
    let titles: Vec<String> = state
        .shown
        .iter()
        .map(|&i| state.dataset.event(i).unwrap().title().to_owned())
        .collect();
    for title in ["Alpha", "Bravo", "Charlie"] {
        assert!(titles.iter().any(|t| t == title), "{title} joined");
    }
    assert_eq!(state.files.len(), 4, "the embedded dataset and three files");
    assert!(state.failed.is_empty(), "{:?}", state.failed);
    harness.get_by_label_contains(
        "Folder “cases”: 2 files to open; 3 files skipped, not formats Annals reads \
         (.pdf × 2, .txt × 1)",
    );
    std::fs::remove_dir_all(&folder).ok();
}

/// Keys typed right after Ctrl+O, a frame each, land in the path field: focus is there from the
/// chooser's first frame and stays.
#[test]
fn keys_typed_right_after_the_shortcut_land_in_the_path_field() {
    let mut harness = harness_on(&[], english());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.step();
    let start = chooser_typed(&harness).expect("the chooser opened");
    for c in ["i", "n", "c"] {
        harness.event(egui::Event::Text(c.into()));
        harness.step();
        let window = harness.state_mut();
        let queued = std::mem::take(&mut window.effects);
        let left = annals::app::jobs::settle_at_once(&mut window.state, queued);
        assert!(left.is_empty(), "{left:?}");
        assert!(path_field_focused(&harness));
    }
    assert_eq!(chooser_typed(&harness), Some(format!("{start}inc")));
}

#[test]
fn connect_to_clickhouse_takes_an_address_and_a_password_it_never_keeps() {
    let mut harness = harness_on(&[], english());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Connect to ClickHouse…").click();
    harness.run();
    harness.get_by_label("Connect to ClickHouse");

    // An address that names no table says why, and connects to nothing.
    harness
        .get_by_label("Table address")
        .type_text("clickhouse://127.0.0.1:8123/only_a_database");
    harness.run();
    harness.get_by_label_contains("is not a ClickHouse table address");
    harness.get_by_label("Connect").click();
    harness.run();
    assert!(
        harness.state().effects.is_empty(),
        "{:?}",
        harness.state().effects
    );

    // A whole address and a password: one connection, with both.
    harness.state_mut().connect.address.clear();
    harness.run();
    harness
        .get_by_label("Table address")
        .type_text("clickhouse://analyst@127.0.0.1:8123/soc/events");
    // Focus moves in one frame, the typing lands in the next (as with a click, then keys).
    harness.get_by_label("Password").focus();
    harness.run();
    harness.get_by_label("Password").type_text("hunter2-typed");
    harness.run();
    assert!(
        harness
            .query_by_label_contains("is not a ClickHouse")
            .is_none(),
        "{:?}",
        harness.state().connect
    );
    harness.get_by_label("Connect").click();
    harness.run();
    let effects = std::mem::take(&mut harness.state_mut().effects);
    let [annals::app::Effect::Connect(connect)] = effects.as_slice() else {
        panic!("one connection: {effects:?}");
    };
    assert_eq!(
        connect.address,
        "clickhouse://analyst@127.0.0.1:8123/soc/events"
    );
    assert_eq!(
        connect
            .password
            .as_ref()
            .map(annals::io::clickhouse::Password::expose),
        Some("hunter2-typed")
    );
    assert!(!format!("{effects:?}").contains("hunter2"));
    assert!(
        harness.query_by_label("Connect to ClickHouse").is_none(),
        "closed"
    );

    // Opened again: the address is kept, the password is not.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Connect to ClickHouse…").click();
    harness.run();
    assert_eq!(
        harness.state().connect.address,
        "clickhouse://analyst@127.0.0.1:8123/soc/events"
    );
    assert!(harness.state().connect.password.is_empty());
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Connect to ClickHouse").is_none());
}
