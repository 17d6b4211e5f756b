//! Unit tests of `app`.

use super::*;

#[test]
fn starts_on_the_embedded_dataset_fitted() {
    let state = AppState::with_files(&[], Settings::default());
    assert!(state.dataset.events.len() >= 20);
    assert!(state.problems().is_empty(), "{:?}", state.problems());
    let (min, max) = state.dataset.extent_secs().unwrap();
    assert!(state.view.min_secs <= min && state.view.max_secs() >= max);
}

#[test]
fn a_file_that_fails_to_open_keeps_what_is_on_screen() {
    let mut state = AppState::with_files(&[], Settings::default());
    let before = state.dataset.events.len();
    let view = state.view;
    assert!(
        state
            .apply_at_once(FilesCommand::OpenFiles(vec![PathBuf::from(
                "/nonexistent/annals-test.json",
            )]))
            .is_empty()
    );
    assert_eq!(state.dataset.events.len(), before);
    assert_eq!(state.view, view);
    let problems = state.problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].level, ProblemLevel::Error);
    assert!(
        problems[0].said.english().starts_with("could not be read"),
        "{}",
        problems[0].said
    );
    assert!(state.problems_open);
}

#[test]
fn without_a_system_dialog_open_shows_the_in_window_chooser_and_with_one_the_dialog() {
    let mut state = AppState::default();
    assert_eq!(state.system_dialog, chooser::SystemDialog::Missing);
    let effects = state.apply(FilesCommand::PickFiles(PickMode::Open));
    assert!(
        matches!(&effects[..], [Effect::ListFolder(_)]),
        "{effects:?}"
    );
    assert_eq!(
        state.chooser.as_ref().map(|c| c.purpose),
        Some(ChooserPurpose::Open)
    );
    state.apply_quietly(ChooserCommand::Cancel);
    assert!(state.chooser.is_none());
    state.system_dialog = chooser::SystemDialog::Available;
    assert_eq!(
        state.apply(SessionCommand::PickSessionOpen),
        [Effect::Choose(ChooseFile {
            purpose: ChooserPurpose::OpenSession,
            start: None
        })]
    );
    // Chosen in the settings, the in-window chooser is used even so.
    state.apply_quietly(WindowCommand::SetInWindowChooser(true));
    let effects = state.apply(SessionCommand::PickSessionOpen);
    assert!(
        matches!(&effects[..], [Effect::ListFolder(_)]),
        "{effects:?}"
    );
    assert!(state.chooser.is_some());
}

#[test]
fn only_web_links_are_opened() {
    let mut state = AppState::default();
    assert_eq!(
        state.apply(WindowCommand::OpenUrl("https://ccb.belgium.be".into())),
        [Effect::OpenUrl("https://ccb.belgium.be".into())]
    );
    assert_eq!(
        state.apply(WindowCommand::OpenUrl("file:///etc/passwd".into())),
        []
    );
    assert_eq!(
        state.apply(WindowCommand::OpenUrl("javascript:alert(1)".into())),
        []
    );
    assert_eq!(
        state.apply(WindowCommand::OpenUrl("https://x\n.org".into())),
        []
    );
    assert_eq!(
        state.apply(WindowCommand::OpenUrl("mailto:cert@cert.be".into())),
        [Effect::OpenUrl("mailto:cert@cert.be".into())]
    );
    assert_eq!(state.apply(WindowCommand::OpenUrl("mailto:".into())), []);
    assert_eq!(
        state.apply(WindowCommand::OpenUrl(
            "https://evil.example/\u{202e}gpj.exe".into()
        )),
        []
    );
    for scheme in [
        "data:text/html,x",
        "vbscript:x",
        "ftp://x",
        "/etc/passwd",
        "C:\\x",
    ] {
        assert_eq!(
            state.apply(WindowCommand::OpenUrl(scheme.into())),
            [],
            "{scheme}"
        );
    }
}

#[test]
fn selection_survives_a_reload_and_toggling_categories_relayouts() {
    let mut state = AppState::with_files(&[], Settings::default());
    let idx = state
        .dataset
        .events
        .iter()
        .position(|e| e.id() == "belnet-ddos")
        .unwrap();
    assert!(
        state
            .apply(SelectCommand::Select(Some(EventIdx(
                u32::try_from(idx).unwrap()
            ))))
            .is_empty()
    );
    let shown = state.shown.len();
    state.apply_quietly(FilterCommand::ToggleCategory("strategy".into()));
    assert!(state.shown.len() < shown);
    assert_eq!(
        state
            .selected()
            .map(|i| state.dataset.event(i).unwrap().id()),
        Some("belnet-ddos")
    );
    state.apply_quietly(FilterCommand::ToggleCategory("strategy".into()));
    assert_eq!(state.shown.len(), shown);
    // Hiding the selection's own category hides it: the details no longer show it.
    state.apply_quietly(FilterCommand::ToggleCategory("incident".into()));
    assert_eq!(state.selected(), None);
    assert!(state.selection.is_none());
}

#[test]
fn reload_keeps_the_view_and_a_broken_rewrite_keeps_the_last_good_events() {
    let folder = std::env::temp_dir().join(format!("annals-reload-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("r.json");
    std::fs::write(
        &path,
        r#"[{"title": "A", "start": "2020"}, {"title": "B", "start": "2021"}]"#,
    )
    .unwrap();
    let mut state = AppState::with_files(std::slice::from_ref(&path), Settings::default());
    assert_eq!(state.dataset.events.len(), 2);
    let view = TimeView::from_min_max(1.58e9, 1.59e9);
    state.apply_quietly(ViewCommand::SetView(view));
    std::fs::write(
        &path,
        r#"[{"title": "A", "start": "2020"}, {"title": "B", "sta"#,
    )
    .unwrap();
    assert_eq!(state.apply_at_once(FilesCommand::ReloadAll), []);
    assert_eq!(state.dataset.events.len(), 2, "the last good events stay");
    assert_eq!(state.problems()[0].level, ProblemLevel::Error);
    std::fs::write(
        &path,
        r#"[{"title": "A", "start": "2020"}, {"title": "B", "start": "2021"}, {"title": "C", "start": "2022"}]"#,
    )
    .unwrap();
    assert!(state.apply_at_once(FilesCommand::ReloadAll).is_empty());
    assert_eq!(state.dataset.events.len(), 3);
    assert!(
        state.problems().is_empty(),
        "recovered: {:?}",
        state.problems()
    );
    assert_eq!(state.view, view, "reloading does not move the view");
    std::fs::remove_dir_all(&folder).ok();
}
