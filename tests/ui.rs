//! `egui_kittest` behaviour tests of the real window UI, no GPU needed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

mod common;
use common::DroppedPath;

use annals::app::{FilterCommand, PresentCommand, SelectCommand, ViewCommand};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annals::app::{AppState, Effect, Settings};
use annals::ui::Window;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn harness() -> Harness<'static, Window> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 1700.0))
        .build_ui_state(
            |ui, window: &mut Window| window.ui(ui),
            Window::new(AppState::with_files(&[], english())),
        )
}

fn event_id(window: &Window, idx: annals::model::EventIdx) -> &str {
    window.state.dataset.event(idx).unwrap().id()
}

#[test]
fn starts_on_belgium_with_the_seed_events_reachable_by_label() {
    let mut harness = harness();
    harness.run();
    for title in [
        "First national Cyber Security Strategy",
        "DDoS attack on Belnet",
        "Cyber Strategy 2.0 approved",
    ] {
        harness.get_by_label(title);
    }
    harness.get_by_label("28 of 28 events");
    harness.get_by_label("28 events · 2 periods · 1 file");
    // The timeline drew them: every event is in view, as a mark or inside a cluster.
    let scene = &harness.state().canvas.scene;
    assert_eq!(scene.visible_events, 28);
    assert!(!scene.ticks.is_empty() && !scene.lanes.is_empty());
}

#[test]
fn clicking_cyber_strategy_2_shows_its_details_and_a_source_link_that_opens_only_on_click() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Cyber Strategy 2.0 approved").click();
    harness.run();
    let selected = harness.state().state.selected().expect("selected");
    assert_eq!(event_id(harness.state(), selected), "cyber-strategy-2");
    // The date shows twice: in the list and, now, in the detail panel.
    assert_eq!(harness.get_all_by_label("20 May 2021").count(), 2);
    harness.get_by_label("Start: day precision; calendar date, no time of day");
    assert!(
        harness.state().effects.is_empty(),
        "nothing opens before a click"
    );
    harness.get_by_label("CCB: Cyber Strategy 2.0").click();
    harness.run();
    assert_eq!(
        harness.state().effects,
        [Effect::OpenUrl("https://ccb.belgium.be/en/news/cyber-strategy-20-make-belgium-one-least-vulnerable-countries-europe".into())]
    );
}

#[test]
fn clicking_an_event_on_the_timeline_selects_it() {
    let mut harness = harness();
    harness.run();
    let window = harness.state();
    let idx = window
        .state
        .dataset
        .events
        .iter()
        .position(|e| e.id() == "belnet-ddos")
        .unwrap();
    let mark = window
        .canvas
        .scene
        .mark_of(annals::model::EventIdx(idx as u32))
        .expect("Belnet is drawn on its own");
    let pos = window.canvas.rect.min + egui::vec2(mark.x0 as f32, mark.y as f32);
    harness.hover_at(pos);
    harness.run();
    harness.drag_at(pos);
    harness.drop_at(pos);
    harness.run();
    let selected = harness
        .state()
        .state
        .selected()
        .expect("a click on the mark selects it");
    assert_eq!(event_id(harness.state(), selected), "belnet-ddos");
    assert_eq!(
        harness
            .get_all_by_label("c. 4 May 2021 11:00 UTC+2 – 5 May 2021")
            .count(),
        2
    );
    harness.get_by_label("Start: minute precision; UTC+2");
}

fn drop_file(harness: &mut Harness<'_, Window>, relative: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(path)));
    harness.run();
    carry_out(harness);
}

#[test]
fn dropping_an_invalid_file_shows_a_problem_and_keeps_the_events_on_screen() {
    let mut harness = harness();
    harness.run();
    let view = harness.state().state.view;
    drop_file(&mut harness, "tests/data/invalid/truncated.json");
    let window = harness.state();
    assert_eq!(window.state.dataset.events.len(), 28);
    assert_eq!(window.canvas.scene.visible_events, 28);
    assert_eq!(window.state.view, view);
    harness.get_by_label_contains("truncated.json:3:1");
    // In the problems panel and, as a file that did not open, in the Files list.
    assert_eq!(
        harness
            .get_all_by_label_contains("ends unexpectedly: the file looks truncated")
            .count(),
        2
    );
    harness.get_by_label("1 problem");
}

#[test]
fn dropping_a_file_with_a_bad_record_adds_the_good_ones_and_lists_the_skipped_one() {
    let mut harness = harness();
    harness.run();
    drop_file(&mut harness, "tests/data/invalid/impossible-date.json");
    let window = harness.state();
    assert_eq!(window.state.dataset.events.len(), 29);
    assert_eq!(window.state.dataset.files.len(), 2);
    harness.get_by_label_contains("impossible-date.json:3:51");
    harness.get_by_label("Fine");
}

#[test]
fn a_csv_file_opens_from_the_command_line_and_shows_its_provenance() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/csv-bad-date.csv");
    let state = AppState::with_files(std::slice::from_ref(&path), english());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, window: &mut Window| window.ui(ui), Window::new(state));
    harness.run();
    assert_eq!(harness.state().canvas.scene.visible_events, 1);
    harness.get_by_label_contains("csv-bad-date.csv:3:22"); // the skipped row, in the problems panel
    harness.get_by_label("Fine").click();
    harness.run();
    harness.get_by_label_contains(&format!("From {} (csv, line 2)", path.display()));
}

#[test]
fn export_dialog_previews_then_writes_the_chosen_image_and_a_toast_says_where() {
    let folder = std::env::temp_dir().join(format!("annals-ui-export-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let mut harness = harness();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    let dialog = harness
        .state()
        .state
        .export_dialog
        .clone()
        .expect("Ctrl+E opens the dialog");
    assert_eq!((dialog.width_px, dialog.height_px), (1920, 1080));
    assert!(
        format!("{:?}", harness.state().preview).contains("[520, 293]"),
        "a preview at the image's aspect ratio: {:?}",
        harness.state().preview
    );
    // Choose A4 at 300 dpi, the dark theme and a title, then export to our folder.
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Size")
        .click();
    harness.run();
    harness
        .get_by_label("A4 landscape, 300 dpi (3508 × 2480)")
        .click();
    harness.run();
    harness.get_by_label("Dark").click();
    harness.run();
    let path = folder.join("belgium-a4.png");
    let mut settings = harness.state().state.export_dialog.clone().unwrap();
    assert_eq!((settings.width_px, settings.height_px), (3508, 2480));
    assert_eq!(settings.theme, annals::palette::Theme::Dark);
    settings.path = path.clone();
    settings.title = "Belgium".into();
    assert!(
        harness
            .state_mut()
            .state
            .apply(annals::app::ExportCommand::EditExport(settings))
            .is_empty()
    );
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    let window = harness.state_mut();
    assert!(window.state.export_dialog.is_none(), "the dialog closes");
    let [Effect::WriteImage(job)] = window.effects.as_slice() else {
        panic!("one write, off the UI thread: {:?}", window.effects.len());
    };
    assert!(job.svg.contains(">Belgium</text>"));
    // What the shell's export thread does:
    let written = annals::app::export::write_image(job);
    window.effects.clear();
    assert!(
        window
            .state
            .receive(annals::app::Reply::ImageWritten(written))
            .is_empty()
    );
    harness.run();
    let png = std::fs::read(&path).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (width, height) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!((width, height), (3508, 2480));
    harness.get_by_label(&format!("Exported to {}", path.display()));
    // The choices are remembered for next time.
    assert_eq!(harness.state().state.settings.export.width_px, 3508);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn copy_image_asks_the_shell_for_a_png_of_the_current_view() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Copy image").click();
    harness.run();
    let [Effect::CopyImage(svg)] = harness.state().effects.as_slice() else {
        panic!("{:?}", harness.state().effects.len());
    };
    // The view the window shows, in the window's theme.
    let image = annals::export::render_rgba(svg, None).unwrap();
    assert_eq!((image.width, image.height), (1920, 1080));
    assert!(svg.contains("DDoS attack on Belnet"));
}

fn belgium_copy(name: &str) -> (PathBuf, PathBuf) {
    let folder = std::env::temp_dir().join(format!("annals-ui-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("belgium.json");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/belgium.json"),
        &path,
    )
    .unwrap();
    (folder, path)
}

fn event_idx(window: &Window, id: &str) -> annals::model::EventIdx {
    let i = window
        .state
        .dataset
        .events
        .iter()
        .position(|e| e.id() == id)
        .unwrap();
    annals::model::EventIdx(u32::try_from(i).unwrap())
}

/// Does what the shell does between frames with the effects the window queued (sizing and
/// reading small files, writing sidecars); nothing is left for a thread or a dialog.
fn carry_out(harness: &mut Harness<'_, Window>) {
    let window = harness.state_mut();
    let queued = std::mem::take(&mut window.effects);
    let left = annals::app::jobs::settle_at_once(&mut window.state, queued);
    assert!(left.is_empty(), "{left:?}");
    harness.run();
}

#[test]
fn three_scenes_are_saved_beside_the_data_and_stepped_through_with_the_keyboard_while_presenting() {
    let (folder, path) = belgium_copy("scenes");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1700.0))
        .build_ui_state(
            |ui, window: &mut Window| window.ui(ui),
            Window::new(AppState::with_files(std::slice::from_ref(&path), english())),
        );
    harness.run();
    // Scene 1: the Belgacom years. Scene 2: the Belnet DDoS, selected. Scene 3: everything about NIS2.
    let belgacom = annals::timeline::TimeView::from_min_max(1.33e9, 1.42e9);
    assert!(
        harness
            .state_mut()
            .state
            .apply(ViewCommand::SetView(belgacom))
            .is_empty()
    );
    harness.run();
    harness.get_by_label("Caption").click();
    harness.run();
    harness.get_by_label("Caption").type_text("Belgacom, 2013");
    harness.run();
    harness.get_by_label("Add scene").click();
    harness.run();
    // The window queued the sidecar write for the shell; carry it out here.
    carry_out(&mut harness);
    let belnet = event_idx(harness.state(), "belnet-ddos");
    assert!(
        harness
            .state_mut()
            .state
            .apply(ViewCommand::ZoomToEvent(belnet))
            .is_empty()
    );
    assert!(
        harness
            .state_mut()
            .state
            .apply_settled(PresentCommand::AddScene("Belnet".into()))
            .is_empty()
    );
    assert!(
        harness
            .state_mut()
            .state
            .apply(ViewCommand::FitAll)
            .is_empty()
    );
    assert!(
        harness
            .state_mut()
            .state
            .apply(SelectCommand::Select(None))
            .is_empty()
    );
    assert!(
        harness
            .state_mut()
            .state
            .apply(FilterCommand::SetQuery("NIS2".into()))
            .is_empty()
    );
    assert!(
        harness
            .state_mut()
            .state
            .apply_settled(PresentCommand::AddScene("NIS2".into()))
            .is_empty()
    );
    harness.run();
    let scenes = harness.state().state.scenes.clone();
    assert_eq!(
        scenes
            .iter()
            .map(|s| s.caption.as_str())
            .collect::<Vec<_>>(),
        ["Belgacom, 2013", "Belnet", "NIS2"]
    );
    assert_eq!(scenes[0].view(), belgacom);
    // Saved beside the data file, which is untouched.
    let sidecar = folder.join("belgium.scenes.json");
    let saved =
        annals::app::scenes::parse_scenes(&std::fs::read_to_string(&sidecar).unwrap()).unwrap();
    assert_eq!(saved, scenes);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/belgium.json")).unwrap()
    );

    // F11 presents: menus and panels go.
    harness.key_press(egui::Key::F11);
    harness.run();
    assert!(harness.state().state.presenting);
    assert!(harness.query_by_label("File").is_none());
    assert!(harness.query_by_label("Add scene").is_none());

    let shown = |harness: &Harness<'_, Window>| harness.state().state.scene_index;
    let drawn = |harness: &Harness<'_, Window>| harness.state().canvas.scene.view;
    for (key, expected) in [
        (egui::Key::PageUp, 1),
        (egui::Key::ArrowLeft, 0),
        (egui::Key::Space, 1),
        (egui::Key::ArrowRight, 2),
        (egui::Key::PageDown, 2), // stays on the last
    ] {
        harness.key_press(key);
        harness.step();
        assert_eq!(shown(&harness), Some(expected), "{key:?}");
        assert_eq!(
            harness.state().state.view,
            scenes[expected].view(),
            "{key:?}"
        );
        harness.run(); // the animated zoom settles on the scene's view
        assert_eq!(drawn(&harness), scenes[expected].view(), "{key:?}");
    }
    // The zoom to scene 2 was animated: mid-way the drawn view is neither end.
    // (A key press is two events, so one `step` runs two frames of 0.25 s.)
    harness.key_press(egui::Key::PageUp);
    harness.step();
    let between = drawn(&harness);
    assert_ne!(between, scenes[1].view());
    assert_ne!(between, scenes[2].view());
    harness.run();
    assert_eq!(drawn(&harness), scenes[1].view());
    // The scene brought its selection and its filter with it.
    let window = harness.state();
    assert_eq!(window.state.selected(), Some(belnet));
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().state.filter.query, "NIS2");
    harness.get_by_label("NIS2");
    // Esc leaves presentation mode.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().state.presenting);
    harness.get_by_label("File");

    // Opening the file again brings its scenes back.
    let reopened = AppState::with_files(std::slice::from_ref(&path), english());
    assert_eq!(reopened.scenes, scenes);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn a_file_over_the_size_limit_is_asked_about_in_a_dialog_before_it_loads() {
    let (folder, path) = belgium_copy("limit");
    let settings = Settings {
        size_limit_bytes: 1_000,
        ..english()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1700.0))
        .build_ui_state(
            |ui, window: &mut Window| window.ui(ui),
            Window::new(AppState::with_files(&[], settings)),
        );
    harness.run();
    assert!(
        harness
            .state_mut()
            .state
            .apply_at_once(annals::app::FilesCommand::OpenFiles(vec![path]))
            .is_empty()
    );
    harness.run();
    harness.get_by_label("Load a very large file?");
    assert_eq!(
        harness.state().state.files[0].source,
        annals::app::FileSource::Embedded
    );
    harness.get_by_label("Load anyway").click();
    harness.run();
    carry_out(&mut harness);
    assert!(harness.state().state.too_large.is_none());
    assert!(matches!(
        harness.state().state.files[0].source,
        annals::app::FileSource::Path(_)
    ));
    std::fs::remove_dir_all(&folder).ok();
}

/// Settings in English whatever the machine's locale (the words tested are English).
fn english() -> annals::app::Settings {
    annals::app::Settings {
        language: Some(annals::i18n::Lang::En),
        ..annals::app::Settings::default()
    }
}

/// A zoom key is drawn in the frame that handles it: the picture never shows the old view for a
/// frame after the key (issue 15: on software rendering every frame costs tens of ms).
#[test]
fn a_zoom_key_is_drawn_in_the_frame_that_handles_it() {
    let mut harness = harness();
    harness.run();
    for key in [egui::Key::W, egui::Key::S, egui::Key::D, egui::Key::A] {
        let before = harness.state().canvas.scene.view;
        harness.key_down(key); // one event: `step` runs exactly one frame
        harness.step();
        let window = harness.state();
        assert_ne!(window.state.view, before, "{key:?} changes the view");
        assert_eq!(
            window.canvas.scene.view, window.state.view,
            "{key:?}: the frame that handled the key drew the new view"
        );
        harness.key_up(key);
        harness.run();
    }
}
