//! Live reload end to end: a real watcher on a real file, driven through the app state. The test
//! waits for the watcher's report (with a generous deadline), never for a guessed delay.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use annals::app::{FilesCommand, FilterCommand, Reply, SelectCommand, ViewCommand};
use std::path::PathBuf;
use std::sync::mpsc::channel;
use std::time::Duration;

use annals::app::watch::FileWatcher;
use annals::app::{AppState, ProblemLevel};
use annals::timeline::TimeView;

const DEADLINE: Duration = Duration::from_secs(30);

fn ids(state: &AppState) -> Vec<String> {
    state
        .shown
        .iter()
        .map(|&i| state.dataset.events.owned(i.index()).unwrap().id.clone())
        .collect()
}

#[test]
fn a_watched_file_rewritten_badly_then_well_keeps_then_replaces_its_events() {
    let folder = std::env::temp_dir().join(format!("annals-live-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("live.json");
    std::fs::write(
        &path,
        r#"[{"id": "a", "title": "A", "start": "2020"}, {"id": "b", "title": "B", "start": "2021"}]"#,
    )
    .unwrap();
    let mut state = AppState::with_files(std::slice::from_ref(&path), english());
    assert_eq!(ids(&state), ["a", "b"]);
    let view = TimeView::from_min_max(1.58e9, 1.65e9);
    assert!(state.apply(ViewCommand::SetView(view)).is_empty());
    assert!(
        state
            .apply(SelectCommand::Select(Some(state.shown[1])))
            .is_empty()
    );
    assert!(state.apply(FilterCommand::SetQuery("b".into())).is_empty());

    let (sender, reports) = channel::<Vec<PathBuf>>();
    let mut watcher = FileWatcher::new(move |paths| {
        sender.send(paths).ok();
    })
    .unwrap();
    watcher.watch(&state.watched_paths()).unwrap();

    // 1. A broken write: the last good events stay, the problem is shown.
    std::fs::write(
        &path,
        r#"[{"id": "a", "title": "A", "start": "2020"}, {"id": "#,
    )
    .unwrap();
    let changed = reports
        .recv_timeout(DEADLINE)
        .expect("the watcher saw the write");
    assert_eq!(
        changed
            .iter()
            .map(|p| std::fs::canonicalize(p).unwrap())
            .collect::<Vec<_>>(),
        [std::fs::canonicalize(&path).unwrap()]
    );
    assert!(
        state
            .receive_at_once(Reply::FilesChanged(changed))
            .is_empty()
    );
    assert_eq!(ids(&state), ["a", "b"], "the last good events stay");
    let problems = state.problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].level, ProblemLevel::Error);
    assert!(problems[0].location.is_some(), "{problems:?}");

    // 2. A good write, the way editors save (a new file renamed over the old one): recovers,
    //    keeping view, selection and search.
    let temporary = folder.join(".live.json.tmp");
    std::fs::write(
        &temporary,
        r#"[{"id": "a", "title": "A", "start": "2020"}, {"id": "b", "title": "B", "start": "2021"}, {"id": "c", "title": "C", "start": "2022"}]"#,
    )
    .unwrap();
    std::fs::rename(&temporary, &path).unwrap();
    let changed = reports
        .recv_timeout(DEADLINE)
        .expect("the watcher saw the rename");
    assert!(
        state
            .receive_at_once(Reply::FilesChanged(changed))
            .is_empty()
    );
    assert_eq!(ids(&state), ["a", "b", "c"]);
    assert!(state.problems().is_empty(), "{:?}", state.problems());
    assert_eq!(state.view, view, "the view stays");
    assert_eq!(
        state
            .selected()
            .map(|i| state.dataset.events.owned(i.index()).unwrap().id.clone()),
        Some("b".to_owned()),
        "the selection stays"
    );
    assert_eq!(state.filter.query, "b", "the search stays");

    // 3. With live reload off, a report changes nothing.
    assert!(state.apply(FilesCommand::SetLiveReload(false)).is_empty());
    std::fs::write(&path, r#"[{"id": "z", "title": "Z", "start": "2020"}]"#).unwrap();
    let changed = reports
        .recv_timeout(DEADLINE)
        .expect("the watcher still reports");
    assert!(
        state
            .receive_at_once(Reply::FilesChanged(changed))
            .is_empty()
    );
    assert_eq!(ids(&state), ["a", "b", "c"]);
    // A report about some other file is ignored too.
    assert!(state.apply(FilesCommand::SetLiveReload(true)).is_empty());
    assert!(
        state
            .receive_at_once(Reply::FilesChanged(vec![folder.join("other.json")]))
            .is_empty()
    );
    assert_eq!(ids(&state), ["a", "b", "c"]);
    std::fs::remove_dir_all(&folder).ok();
}

/// Settings in English whatever the machine's locale (the words tested are English).
fn english() -> annals::app::Settings {
    annals::app::Settings {
        language: Some(annals::i18n::Lang::En),
        ..annals::app::Settings::default()
    }
}

/// A file broken when opened stays in the window: the main area says what is wrong and where
/// (not "Nothing open"), the Files list names it, the watcher watches it, and once it is fixed on
/// disk it joins the timeline without a click.
#[test]
fn a_file_broken_when_opened_is_shown_watched_and_joins_once_fixed() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    let folder = std::env::temp_dir().join(format!("annals-broken-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("cut.json");
    std::fs::write(
        &path,
        "[{\"id\": \"a\", \"title\": \"Alpha\", \"start\": \"2020\"},\n {\"id\": \"b\", \"title\": \"Be",
    )
    .unwrap();
    let state = AppState::with_files(std::slice::from_ref(&path), english());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            |ui, window: &mut annals::ui::Window| window.ui(ui),
            annals::ui::Window::new(state),
        );
    harness.run();
    assert!(harness.query_by_label("Nothing open").is_none());
    harness.get_by_label("cut.json could not be opened");
    // In the main area, the Files list and the problems panel (the path said once there),
    // as a person would say it, with the place.
    assert_eq!(
        harness
            .get_all_by_label_contains("ends unexpectedly: the file looks truncated")
            .count(),
        3
    );
    assert!(
        harness
            .query_by_label_contains("EOF while parsing")
            .is_none()
    );
    harness.get_by_label_contains("cut.json, line 2, column 25");
    harness.get_by_label(
        "Annals is watching this file: once it is fixed and saved, it opens by itself.",
    );
    assert_eq!(
        harness.state().state.watched_paths(),
        std::slice::from_ref(&path)
    );

    let (sender, reports) = channel::<Vec<PathBuf>>();
    let mut watcher = FileWatcher::new(move |paths| {
        sender.send(paths).ok();
    })
    .unwrap();
    watcher
        .watch(&harness.state().state.watched_paths())
        .unwrap();
    std::fs::write(
        &path,
        "[{\"id\": \"a\", \"title\": \"Alpha\", \"start\": \"2020\"},\n {\"id\": \"b\", \"title\": \"Beta\", \"start\": \"2021\"}]",
    )
    .unwrap();
    let changed = reports
        .recv_timeout(DEADLINE)
        .expect("the watcher saw the fix");
    let left = harness
        .state_mut()
        .state
        .receive_at_once(Reply::FilesChanged(changed));
    assert!(left.is_empty(), "{left:?}");
    harness.run();
    assert_eq!(ids(&harness.state().state), ["a", "b"]);
    assert!(harness.state().state.failed.is_empty());
    assert!(
        harness
            .query_by_label("cut.json could not be opened")
            .is_none()
    );
    harness.get_by_label("Alpha");
    harness.get_by_label("Beta");
    std::fs::remove_dir_all(&folder).ok();
}

/// Ctrl+R (Reload files) tries a broken file again too.
#[test]
fn reload_retries_a_file_that_failed_when_opened() {
    let folder = std::env::temp_dir().join(format!("annals-retry-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let good = folder.join("good.json");
    let bad = folder.join("bad.json");
    std::fs::write(&good, r#"[{"id": "g", "title": "G", "start": "2020"}]"#).unwrap();
    std::fs::write(&bad, "\u{feff}{\"annals\": 1, \"events\": [").unwrap();
    let mut state = AppState::with_files(&[good.clone(), bad.clone()], english());
    assert_eq!(ids(&state), ["g"]);
    assert_eq!(state.failed.len(), 1);
    assert_eq!(state.watched_paths(), [good.clone(), bad.clone()]);
    let view = state.view;
    std::fs::write(&bad, r#"[{"id": "b", "title": "B", "start": "2021"}]"#).unwrap();
    let left = state.apply_at_once(FilesCommand::ReloadAll);
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(ids(&state), ["g", "b"]);
    assert!(state.failed.is_empty());
    assert_eq!(state.view, view, "a reload keeps the view");
    std::fs::remove_dir_all(&folder).ok();
}
