//! Unit tests of the in-window chooser: completion, walking, marks, replacing, paths.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
use super::*;
use crate::app::Settings;

fn scratch(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("annals-chooser-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&folder).ok();
    std::fs::create_dir_all(folder.join("cases/2021")).unwrap();
    std::fs::create_dir_all(folder.join("captures")).unwrap();
    for name in [
        "cases/belnet.json",
        "cases/belnet-notes.csv",
        "cases/other.json",
    ] {
        std::fs::write(
            folder.join(name),
            r#"[{"title": "Belnet", "start": "2021-05-04"}]"#,
        )
        .unwrap();
    }
    folder
}

fn open(state: &mut AppState, purpose: ChooserPurpose, start: &Path) {
    let effects = state.choose_file(purpose, Some(start.to_path_buf()));
    let left = crate::app::jobs::settle(state, effects);
    assert!(left.is_empty(), "{left:?}");
}

fn act(state: &mut AppState, command: ChooserCommand) -> Vec<Effect> {
    let effects = state.apply(command);
    crate::app::jobs::settle(state, effects)
}

#[test]
fn tab_completes_folders_then_the_shared_part_of_names_and_enter_opens_the_file() {
    let folder = scratch("tab");
    let mut state = AppState {
        settings: Settings::default(),
        ..AppState::default()
    };
    open(&mut state, ChooserPurpose::Open, &folder);
    let chooser = state.chooser.as_ref().unwrap();
    assert_eq!(chooser.typed, format!("{}/", folder.display()));
    let names: Vec<&str> = chooser.matching().iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["captures", "cases"]);

    act(
        &mut state,
        ChooserCommand::SetText(format!("{}/cas", folder.display())),
    );
    act(&mut state, ChooserCommand::Complete);
    assert_eq!(
        state.chooser.as_ref().unwrap().typed,
        format!("{}/cases/", folder.display())
    );
    // The list followed into the folder.
    let chooser = state.chooser.as_ref().unwrap();
    assert_eq!(
        chooser.listing.as_ref().unwrap().folder,
        folder.join("cases")
    );

    act(
        &mut state,
        ChooserCommand::SetText(format!("{}/cases/b", folder.display())),
    );
    act(&mut state, ChooserCommand::Complete);
    assert_eq!(
        state.chooser.as_ref().unwrap().typed,
        format!("{}/cases/belnet", folder.display()),
        "as far as belnet.json and belnet-notes.csv agree"
    );
    act(
        &mut state,
        ChooserCommand::SetText(format!("{}/cases/belnet.", folder.display())),
    );
    act(&mut state, ChooserCommand::Complete);
    let effects = act(&mut state, ChooserCommand::Accept);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(state.chooser.is_none());
    assert!(state.failed.is_empty(), "{:?}", state.failed);
    assert_eq!(state.files.len(), 1);
    assert_eq!(
        state.files[0].source,
        crate::app::FileSource::Path(folder.join("cases/belnet.json"))
    );
    assert_eq!(state.settings.recent_folders, [folder.join("cases")]);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn a_missing_file_is_said_and_the_chooser_stays_and_esc_closes_it() {
    let folder = scratch("missing");
    let mut state = AppState::default();
    open(&mut state, ChooserPurpose::Add, &folder);
    act(
        &mut state,
        ChooserCommand::SetText(format!("{}/nope.json", folder.display())),
    );
    act(&mut state, ChooserCommand::Accept);
    let chooser = state.chooser.as_ref().unwrap();
    assert_eq!(
        chooser.problem,
        Some(ChooserProblem::Missing(folder.join("nope.json")))
    );
    act(&mut state, ChooserCommand::Cancel);
    assert!(state.chooser.is_none());
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn arrows_walk_the_list_and_marked_files_open_together() {
    let folder = scratch("arrows");
    let mut state = AppState::default();
    open(&mut state, ChooserPurpose::Add, &folder.join("cases"));
    act(&mut state, ChooserCommand::Step(1));
    act(&mut state, ChooserCommand::Step(1));
    let chooser = state.chooser.as_ref().unwrap();
    assert_eq!(
        chooser.typed,
        folder.join("cases/belnet-notes.csv").display().to_string()
    );
    assert_eq!(
        chooser.matching().len(),
        4,
        "walking keeps the whole list in sight"
    );
    // Typing narrows again, and the arrows walk what is left.
    act(
        &mut state,
        ChooserCommand::SetText(format!("{}/cases/o", folder.display())),
    );
    assert_eq!(state.chooser.as_ref().unwrap().matching().len(), 1);
    act(&mut state, ChooserCommand::Step(-1));
    act(&mut state, ChooserCommand::Step(1));
    assert_eq!(
        state.chooser.as_ref().unwrap().typed,
        folder.join("cases/other.json").display().to_string()
    );
    let notes = folder.join("cases/belnet-notes.csv").display().to_string();
    act(&mut state, ChooserCommand::SetText(notes));
    act(
        &mut state,
        ChooserCommand::ToggleMark(folder.join("cases/other.json")),
    );
    let notes = folder.join("cases/belnet-notes.csv");
    assert_eq!(
        state.apply(ChooserCommand::Accept),
        [Effect::ProbePath(notes.clone())],
        "the disk says what the typed path is"
    );
    let effects = state.receive(crate::app::jobs::probe_path(notes));
    assert_eq!(
        effects,
        [Effect::Measure(crate::app::jobs::Measure {
            paths: vec![
                folder.join("cases/other.json"),
                folder.join("cases/belnet-notes.csv")
            ],
            mode: crate::app::PickMode::Add,
            limit_bytes: Some(state.settings.size_limit_bytes),
            folders: Vec::new(),
        })]
    );
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn saving_over_a_file_asks_first_and_esc_goes_back_to_the_chooser() {
    let folder = scratch("replace");
    let existing = folder.join("cases/belnet.json");
    let mut state = AppState::default();
    open(&mut state, ChooserPurpose::SaveSession, &existing);
    assert_eq!(
        state.chooser.as_ref().unwrap().typed,
        existing.display().to_string()
    );
    act(&mut state, ChooserCommand::Accept);
    assert_eq!(
        state.chooser.as_ref().unwrap().confirm_replace,
        Some(existing.clone())
    );
    act(&mut state, ChooserCommand::Cancel);
    let chooser = state.chooser.as_ref().unwrap();
    assert!(
        chooser.confirm_replace.is_none(),
        "back to the chooser, not closed"
    );
    act(&mut state, ChooserCommand::Accept);
    let effects = state.apply(ChooserCommand::ConfirmReplace(true));
    assert!(state.chooser.is_none());
    assert!(
        matches!(&effects[..], [Effect::WriteFile(write)] if write.path == existing),
        "{effects:?}"
    );
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn a_relative_or_home_path_is_read_from_the_start_folder_or_home() {
    let chooser = Chooser {
        purpose: ChooserPurpose::Open,
        typed: "cases/x.json".into(),
        base: PathBuf::from("/data"),
        listing: None,
        highlighted: None,
        walking: None,
        marked: Vec::new(),
        confirm_replace: None,
        problem: None,
        typed_serial: 0,
    };
    assert_eq!(chooser.typed_path(), Path::new("/data/cases/x.json"));
    assert_eq!(chooser.typed_folder(), Path::new("/data/cases"));
    if let Some(home) = home() {
        let chooser = Chooser {
            typed: "~/x.json".into(),
            ..chooser
        };
        assert_eq!(chooser.typed_path(), home.join("x.json"));
    }
}
