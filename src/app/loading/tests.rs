//! Unit tests of `app::loading`.

use super::*;
use crate::app::Settings;
use crate::app::{FilesCommand, FilterCommand, Reply, SelectCommand};
use crate::io::cache::Reopened;

fn big_file(folder: &std::path::Path) -> PathBuf {
    let path = folder.join("big.json");
    let options = crate::synth::SynthOptions {
        events: 130_000,
        seed: 5,
    };
    let mut bytes = Vec::new();
    crate::synth::write_native(options, &mut bytes).unwrap();
    assert!(bytes.len() as u64 > BACKGROUND_LOAD_BYTES);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The load job `command` makes (a big file goes to the loading thread).
fn load_job(state: &mut AppState, command: FilesCommand) -> Loading {
    let Some(Effect::Load(load)) = state.apply_at_once(command).pop() else {
        panic!("a big file goes to the loading thread");
    };
    load
}

#[test]
fn a_big_file_loads_on_the_loading_thread_and_cancel_keeps_what_was_open() {
    let folder = std::env::temp_dir().join(format!("annals-load-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = big_file(&folder);
    let mut state = AppState::with_files(&[], Settings::default());
    let belgium = state.dataset.events.len();

    // Open → a load job, nothing replaced yet.
    let load = load_job(&mut state, FilesCommand::OpenFiles(vec![path.clone()]));
    assert!(state.loading.is_some());
    assert_eq!(state.dataset.events.len(), belgium);

    // Cancel: the thread's flag is set, and its late answer is dropped.
    assert!(state.apply_at_once(FilesCommand::CancelLoad).is_empty());
    assert!(load.progress.cancelled() && state.loading.is_none());
    let late = run(&load);
    assert!(
        late.iter()
            .all(|(_, r)| matches!(r, Err(LoadError::Cancelled { .. })))
    );
    assert!(
        state
            .receive_at_once(Reply::Loaded(load.id, Delivery::new(late)))
            .is_empty()
    );
    assert_eq!(
        state.dataset.events.len(),
        belgium,
        "the previous data stays"
    );

    // Again, to the end: the answer replaces the data.
    let Some(Effect::Load(load)) = state
        .apply_at_once(FilesCommand::OpenFiles(vec![path]))
        .pop()
    else {
        panic!()
    };
    let results = run(&load);
    assert_eq!(
        load.progress
            .read_bytes
            .load(std::sync::atomic::Ordering::Relaxed),
        load.total_bytes
    );
    assert!(
        state
            .receive_at_once(Reply::Loaded(load.id, Delivery::new(results)))
            .is_empty()
    );
    assert!(state.loading.is_none());
    assert_eq!(state.dataset.events.len(), 130_000);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn a_file_over_the_limit_is_loaded_only_when_the_user_says_so() {
    let folder = std::env::temp_dir().join(format!("annals-limit-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("a.json");
    std::fs::write(&path, r#"[{"title": "A", "start": "2021"}]"#).unwrap();
    let mut state = AppState::with_files(
        &[],
        Settings {
            size_limit_bytes: 10,
            ..Settings::default()
        },
    );
    assert_eq!(
        state.apply_at_once(FilesCommand::OpenFiles(vec![path.clone()])),
        []
    );
    let asked = state.too_large.clone().unwrap();
    assert_eq!(asked.largest, (path.clone(), 33));
    assert_eq!(
        state.dataset.events.len(),
        28,
        "nothing loaded before the answer"
    );
    assert!(state.apply_at_once(FilesCommand::LoadAnyway).is_empty());
    assert!(state.too_large.is_none());
    assert_eq!(state.dataset.events.len(), 1);
    // Declining keeps what is open.
    assert!(state.apply_at_once(FilesCommand::OpenEmbedded).is_empty());
    assert!(
        state
            .apply_at_once(FilesCommand::OpenFiles(vec![path]))
            .is_empty()
    );
    assert!(
        state
            .apply_at_once(FilesCommand::DeclineTooLarge)
            .is_empty()
    );
    assert!(state.too_large.is_none());
    assert_eq!(state.dataset.events.len(), 28);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn each_file_of_a_load_has_its_own_stage() {
    use super::FileStage::{Parsing, Reading, Waiting};
    let sizes = [100, 50, 0, 30];
    assert_eq!(
        file_stages(&sizes, 0),
        [Reading(0), Waiting, Waiting, Waiting]
    );
    assert_eq!(
        file_stages(&sizes, 40),
        [Reading(40), Waiting, Waiting, Waiting]
    );
    assert_eq!(
        file_stages(&sizes, 100),
        [Parsing, Waiting, Waiting, Waiting]
    );
    assert_eq!(
        file_stages(&sizes, 120),
        [Parsing, Reading(20), Waiting, Waiting]
    );
    assert_eq!(
        file_stages(&sizes, 150),
        [Parsing, Parsing, Parsing, Waiting]
    );
    assert_eq!(
        file_stages(&sizes, 180),
        [Parsing, Parsing, Parsing, Parsing]
    );
}

#[test]
fn adding_and_reloading_big_files_are_merged_on_the_loading_thread() {
    let folder = std::env::temp_dir().join(format!("annals-add-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = big_file(&folder);
    let mut state = AppState::with_files(&[], Settings::default());
    let belgium = state.dataset.events.len();
    let belnet = state
        .dataset
        .find_in_file(crate::model::FileId(0), "belnet-ddos")
        .unwrap();
    state.apply_quietly(SelectCommand::Select(Some(belnet)));

    // Add: built on the thread from what is open plus the new file.
    let load = load_job(&mut state, FilesCommand::AddFiles(vec![path.clone()]));
    let results = run(&load);
    let merged = load
        .prepare
        .as_ref()
        .unwrap()
        .built
        .lock()
        .unwrap()
        .as_ref()
        .map(|b| b.0.events.len());
    assert_eq!(merged, Some(belgium + 130_000), "merged on the thread");
    assert!(
        state
            .receive_at_once(Reply::Loaded(load.id, Delivery::new(results)))
            .is_empty()
    );
    assert_eq!(state.dataset.events.len(), belgium + 130_000);
    assert_eq!(state.files.len(), 2);
    assert_eq!(state.dataset.file_counts, [belgium, 130_000]);
    let selected = state.selected().and_then(|i| state.dataset.key(i)).unwrap();
    assert_eq!(selected.id, "belnet-ddos", "the selection survives");

    // Reload: the big file is read again and replaces itself; the embedded one is kept.
    let Some(Effect::Load(load)) = state.apply_at_once(FilesCommand::ReloadAll).pop() else {
        panic!("reloading the big file goes to the loading thread");
    };
    let results = run(&load);
    assert!(
        load.prepare
            .as_ref()
            .unwrap()
            .built
            .lock()
            .unwrap()
            .is_some()
    );
    assert!(
        state
            .receive_at_once(Reply::Loaded(load.id, Delivery::new(results)))
            .is_empty()
    );
    assert_eq!(state.dataset.file_counts, [belgium, 130_000]);

    // The dataset changes while an Add loads (everything closed): the new file still
    // arrives whole, merged by the window.
    let Some(Effect::Load(load)) = state
        .apply_at_once(FilesCommand::AddFiles(vec![path]))
        .pop()
    else {
        panic!()
    };
    let results = run(&load);
    assert!(state.apply_at_once(FilesCommand::CloseAll).is_empty());
    assert!(
        state
            .receive_at_once(Reply::Loaded(load.id, Delivery::new(results)))
            .is_empty()
    );
    assert_eq!(state.dataset.events.len(), 130_000);
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn a_replacing_load_is_built_and_arranged_on_the_loading_thread() {
    let folder = std::env::temp_dir().join(format!("annals-prepare-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = big_file(&folder);
    let mut state = AppState::with_files(&[], Settings::default());
    state.apply_quietly(FilterCommand::ToggleCategory("incident".into()));
    let load = load_job(&mut state, FilesCommand::OpenFiles(vec![path.clone()]));
    let results = run(&load);
    let prepare = load.prepare.clone().expect("an Open prepares the dataset");
    assert!(
        prepare.built.lock().unwrap().is_some(),
        "built on the thread"
    );
    assert!(
        results
            .iter()
            .all(|(_, r)| r.as_ref().is_ok_and(|f| f.part.events.is_empty())),
        "the events moved into the built dataset"
    );
    assert!(
        state
            .receive_at_once(Reply::Loaded(load.id, Delivery::new(results)))
            .is_empty()
    );
    assert_eq!(state.dataset.events.len(), 130_000);
    let expected = crate::app::arrange::arrange(&state.dataset, &state.filter, &state.lanes, false);
    assert_eq!(state.shown, expected.shown);
    assert!(
        state.shown.len() < 130_000,
        "arranged with the filter in force"
    );

    // The filter changed while loading: arranged again with the new one.
    let Some(Effect::Load(load)) = state
        .apply_at_once(FilesCommand::OpenFiles(vec![path]))
        .pop()
    else {
        panic!()
    };
    let results = run(&load);
    state.apply_quietly(FilterCommand::ToggleCategory("incident".into()));
    assert!(
        state
            .receive_at_once(Reply::Loaded(load.id, Delivery::new(results)))
            .is_empty()
    );
    assert_eq!(state.shown.len(), 130_000);
    // Closing and adding still work on events that live in the dataset.
    assert!(state.apply_at_once(FilesCommand::CloseAll).is_empty());
    assert!(state.dataset.events.is_empty());
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn sizes_are_said_in_binary_units_as_the_limit_is_set() {
    assert_eq!(size_label(crate::io::DEFAULT_SIZE_LIMIT_BYTES), "4 GiB");
    assert_eq!(size_label(BACKGROUND_LOAD_BYTES), "16 MiB");
    assert_eq!(size_label(10_000_000), "9.5 MiB");
    assert_eq!(size_label(150_000_000), "143 MiB");
    assert_eq!(size_label(812 * 1024), "812 KiB");
    assert_eq!(size_label(3), "1 KiB");
}

#[test]
fn a_big_file_opened_alone_is_shown_first_and_kept_for_reopening_afterwards() {
    let folder = std::env::temp_dir().join(format!("annals-keep-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = big_file(&folder);
    let cache = io::cache::Cache::in_dir(folder.join("cache"), 0);
    let mut state = AppState::with_files(&[], Settings::default());
    state.reopen_cache = Some(cache.clone());
    let load = load_job(&mut state, FilesCommand::OpenFiles(vec![path.clone()]));
    let results = run(&load);
    let prepare = load.prepare.as_ref().unwrap();
    let writer = prepare.keeping.lock().unwrap().take();
    let writer = writer.expect("the cache is written beside the window, not before it");
    // The window takes the dataset while the cache may still be written from it.
    assert!(
        state
            .receive_at_once(Reply::Loaded(load.id, Delivery::new(results)))
            .is_empty()
    );
    assert_eq!(state.dataset.events.len(), 130_000);
    writer.join().unwrap();
    let Reopened::Hit(again) = cache.open(&path, "big.json") else {
        panic!("the file is kept for reopening");
    };
    assert_eq!(
        again.part.events.to_vec(),
        state.dataset.events.to_vec(),
        "the cache holds the events the window shows"
    );
    // Adding a file to what is open keeps it as it is read (there is no dataset of it alone).
    std::fs::remove_file(cache.file_for(&path)).unwrap();
    let load = load_job(&mut state, FilesCommand::AddFiles(vec![path.clone()]));
    let _ = run(&load);
    assert!(
        load.prepare
            .as_ref()
            .unwrap()
            .keeping
            .lock()
            .unwrap()
            .is_none()
    );
    assert!(matches!(cache.open(&path, "big.json"), Reopened::Hit(_)));
}
