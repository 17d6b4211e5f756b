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
