//! Opening files: sized first (an effect), then small ones read at once, big ones on a loading
//! thread with progress and Cancel, and files over the size limit only after the user says so. What was on screen stays until a load
//! has finished well. No egui here.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::io::{self, LoadError, LoadProgress, LoadedFile};

use super::{AppState, Effect, PickMode};

/// Loads bigger than this (all files together) run on the loading thread.
pub const BACKGROUND_LOAD_BYTES: u64 = 16 * 1024 * 1024;

/// What a finished load hands over: each file and what became of it.
pub type LoadResults = Vec<(PathBuf, Result<LoadedFile, LoadError>)>;

/// A value passed once from a thread to the state inside a command (commands are cloned and
/// compared; the value itself is neither).
#[derive(Debug)]
pub struct Delivery<T>(Arc<Mutex<Option<T>>>);

impl<T> Clone for Delivery<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> Delivery<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        Self(Arc::new(Mutex::new(Some(value))))
    }

    /// Nothing to deliver (the work could not run).
    pub fn new_empty() -> Self {
        Self(Arc::new(Mutex::new(None)))
    }

    /// Takes the value out (once).
    pub fn take(&self) -> Option<T> {
        self.0.lock().ok().and_then(|mut v| v.take())
    }
}

impl<T> PartialEq for Delivery<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A load running on the loading thread.
#[derive(Clone, Debug)]
pub struct Loading {
    /// Which load (a late answer from a cancelled one is ignored).
    pub id: u64,
    /// The files.
    pub paths: Vec<PathBuf>,
    /// Replace or add.
    pub mode: PickMode,
    /// Their total size.
    pub total_bytes: u64,
    /// Each file's size, in `paths` order (files are read one after the other).
    pub sizes: Vec<u64>,
    /// Bytes read so far, and the cancel flag.
    pub progress: Arc<LoadProgress>,
    /// The filter and lanes to arrange with (and, for an Add or a Reload, what is open), so
    /// the loading thread also builds the dataset and its lanes (a million events take most of
    /// a second to merge and arrange; the window should not stop for them). Filled in by [`run`].
    pub prepare: Option<Arc<Prepare>>,
}

/// What the loading thread builds beyond reading.
#[derive(Debug)]
pub struct Prepare {
    /// The filter, lanes and gaps option when the load started.
    pub arrange_with: (crate::model::Filter, crate::timeline::LaneSpec, bool),
    /// The dataset and its arrangement, once built.
    pub built: Mutex<Option<(crate::model::Dataset, super::arrange::Arrangement)>>,
    /// For an Add or a Reload: what is open when the load starts, which the new files join.
    pub base: Option<Base>,
}

/// What is open when an Add or a Reload starts: each file without its events (they live in the
/// dataset), and the dataset. The loading thread copies the events it keeps from it, so the
/// window never stops to merge; if the dataset changes meanwhile (a file closed), the window
/// does the merge itself.
#[derive(Debug)]
pub struct Base {
    /// The dataset open when the load started (shared, not copied).
    pub dataset: Arc<crate::model::Dataset>,
    /// The open files in order, their events left out.
    pub files: Vec<(super::FileSource, crate::model::DatasetPart)>,
}

impl PartialEq for Loading {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Loading {}

impl Loading {
    /// Whether this load is read on the loading thread (with progress and Cancel) rather than
    /// at once: it is bigger than [`BACKGROUND_LOAD_BYTES`].
    pub fn in_background(&self) -> bool {
        self.total_bytes > BACKGROUND_LOAD_BYTES
    }
}

/// Files over the size limit, waiting for the user to say "load anyway" or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLarge {
    /// The files asked for.
    pub paths: Vec<PathBuf>,
    /// Replace or add.
    pub mode: PickMode,
    /// The largest file and its size.
    pub largest: (PathBuf, u64),
    /// The limit it is over.
    pub limit_bytes: u64,
}

/// Runs a load (on the loading thread): every file in turn, stopping once cancelled; then builds
/// the dataset (with what is open, for an Add or a Reload) and arranges it too (the events move
/// into the dataset; the files keep everything else).
pub fn run(load: &Loading) -> LoadResults {
    let mut results = Vec::with_capacity(load.paths.len());
    for path in &load.paths {
        if load.progress.cancelled() {
            break;
        }
        results.push((path.clone(), io::load_file_with(path, None, &load.progress)));
    }
    if let Some(prepare) = &load.prepare
        && !load.progress.cancelled()
    {
        let take = |file: &mut io::LoadedFile| crate::model::DatasetPart {
            info: file.part.info.clone(),
            categories: file.part.categories.clone(),
            periods: file.part.periods.clone(),
            events: std::mem::take(&mut file.part.events),
        };
        let mut parts = Vec::new();
        let mut used = vec![false; results.len()];
        if let Some(base) = &prepare.base {
            // The open files in their order: a reloaded one by its new version (as `accept`
            // replaces it in place), the others with their events copied from the dataset.
            let mut stores = base.dataset.file_stores();
            for (k, (source, part)) in base.files.iter().enumerate() {
                let fresh = results.iter_mut().enumerate().find(|(j, (path, r))| {
                    !used.get(*j).copied().unwrap_or(true)
                        && r.is_ok()
                        && *source == super::FileSource::Path(path.clone())
                });
                if let Some((j, (_, Ok(file)))) = fresh {
                    if let Some(slot) = used.get_mut(j) {
                        *slot = true;
                    }
                    parts.push(take(file));
                } else {
                    let events = stores.get_mut(k).map(std::mem::take).unwrap_or_default();
                    parts.push(crate::model::DatasetPart {
                        events,
                        ..part.clone()
                    });
                }
            }
        }
        for (j, (_, result)) in results.iter_mut().enumerate() {
            if let (Ok(file), false) = (result, used.get(j).copied().unwrap_or(true)) {
                parts.push(take(file));
            }
        }
        let dataset = crate::model::Dataset::from_parts(parts);
        let (filter, spec, collapse) = &prepare.arrange_with;
        let arrangement = super::arrange::arrange(&dataset, filter, spec, *collapse);
        if let Ok(mut slot) = prepare.built.lock() {
            *slot = Some((dataset, arrangement));
        }
    }
    results
}

/// Gives the files of `results` their events back from a dataset built from them.
fn give_back(results: &mut LoadResults, dataset: crate::model::Dataset) {
    let names: Vec<String> = dataset.files.iter().map(|f| f.path.clone()).collect();
    for (name, events) in names.iter().zip(dataset.into_file_stores()) {
        if let Some(file) = results
            .iter_mut()
            .filter_map(|(_, r)| r.as_mut().ok())
            .find(|f| &f.part.info.path == name && f.part.events.is_empty())
        {
            file.part.events = events;
        }
    }
}

/// Where each file of a load stands, from the bytes read so far (files are read in order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileStage {
    /// Not started.
    Waiting,
    /// This many of its bytes read.
    Reading(u64),
    /// All read; its records are being parsed (or it is done).
    Parsing,
}

/// Each file's stage, given the files' sizes and the bytes read in total.
pub fn file_stages(sizes: &[u64], read: u64) -> Vec<FileStage> {
    let mut before = 0u64;
    sizes
        .iter()
        .enumerate()
        .map(|(i, &size)| {
            let start = before;
            before = before.saturating_add(size);
            // At a boundary the earlier file is parsing and the next one has not begun; the
            // first file is being read from the start.
            if read < start || (read == start && size > 0 && i > 0) {
                FileStage::Waiting
            } else if read < before {
                FileStage::Reading(read - start)
            } else {
                FileStage::Parsing
            }
        })
        .collect()
}

/// `bytes` as "812 KB", "1.5 GB".
pub fn size_label(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= 1e9 {
        format!("{:.1} GB", b / 1e9)
    } else if b >= 1e6 {
        format!("{:.0} MB", b / 1e6)
    } else {
        format!("{:.0} KB", (b / 1e3).max(1.0))
    }
}

impl AppState {
    /// Opens, adds or reloads `paths`: sizes them first (see [`Self::measured`]); `limit_bytes`
    /// is `None` when the user already said yes to files over the size limit.
    pub(super) fn open(paths: Vec<PathBuf>, mode: PickMode, limit_bytes: Option<u64>) -> Effect {
        Effect::Measure(super::jobs::Measure {
            paths,
            mode,
            limit_bytes,
        })
    }

    /// The files to open were sized: asks first if one is over the size limit, else starts the
    /// load (the shell reads small loads at once, big ones on the loading thread).
    pub(super) fn measured(
        &mut self,
        measure: super::jobs::Measure,
        sizes: Vec<u64>,
    ) -> Option<Effect> {
        let super::jobs::Measure {
            paths,
            mode,
            limit_bytes,
        } = measure;
        debug_assert_eq!(paths.len(), sizes.len(), "one size per path");
        if let Some(limit_bytes) = limit_bytes
            && let Some((path, &size)) = paths
                .iter()
                .zip(&sizes)
                .filter(|&(_, &size)| size > limit_bytes)
                .max_by_key(|&(_, &size)| size)
        {
            self.too_large = Some(TooLarge {
                largest: (path.clone(), size),
                paths,
                mode,
                limit_bytes,
            });
            return None;
        }
        let total_bytes: u64 = sizes.iter().sum();
        if let Some(previous) = self.loading.take() {
            previous
                .progress
                .cancel
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        self.next_load_id += 1;
        let load = Loading {
            id: self.next_load_id,
            paths,
            mode,
            total_bytes,
            sizes,
            progress: Arc::default(),
            prepare: Some(Arc::new(Prepare {
                arrange_with: (
                    self.filter.clone(),
                    self.lanes.clone(),
                    self.options.collapse_gaps,
                ),
                built: Mutex::new(None),
                base: (mode != PickMode::Open).then(|| Base {
                    dataset: Arc::clone(&self.dataset),
                    files: self
                        .files
                        .iter()
                        .map(|f| {
                            (
                                f.source.clone(),
                                crate::model::DatasetPart {
                                    info: f.loaded.part.info.clone(),
                                    categories: f.loaded.part.categories.clone(),
                                    periods: f.loaded.part.periods.clone(),
                                    events: crate::model::EventStore::default(),
                                },
                            )
                        })
                        .collect(),
                }),
            })),
        };
        self.loading = Some(load.clone());
        Some(Effect::Load(load))
    }

    /// Stops the running load; what is on screen stays.
    pub(super) fn cancel_load(&mut self) {
        if let Some(load) = self.loading.take() {
            load.progress
                .cancel
                .store(true, std::sync::atomic::Ordering::Relaxed);
            self.toast(
                "Loading cancelled; what was open stays open".to_owned(),
                false,
            );
        }
    }

    /// A load finished on the loading thread: used if it is the current one, else dropped.
    pub(super) fn loaded(&mut self, id: u64, results: &Delivery<LoadResults>) -> Vec<Effect> {
        let Some(load) = self.loading.take_if(|l| l.id == id) else {
            return Vec::new(); // cancelled or replaced meanwhile
        };
        let mut effects = Vec::new();
        if let Some(mut results) = results.take() {
            let mut built = load
                .prepare
                .as_ref()
                .and_then(|p| p.built.lock().ok().and_then(|mut slot| slot.take()));
            // Built on top of a dataset that has changed since (a file was closed meanwhile):
            // the new files get their events back, and the merge is done here.
            let base_changed = load
                .prepare
                .as_ref()
                .and_then(|p| p.base.as_ref())
                .is_some_and(|b| !Arc::ptr_eq(&b.dataset, &self.dataset));
            if base_changed && let Some((dataset, _)) = built.take() {
                give_back(&mut results, dataset);
            }
            // Arranged with the filter and lanes of when the load began: if they changed since,
            // arrange again.
            let stale = load.prepare.as_ref().is_some_and(|p| {
                p.arrange_with
                    != (
                        self.filter.clone(),
                        self.lanes.clone(),
                        self.options.collapse_gaps,
                    )
            });
            let mode = load.mode;
            drop(load); // the base's hold on the dataset ends here
            effects.extend(self.accept(results, mode, built));
            if stale {
                self.relayout();
            }
        }
        effects
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Settings;
    use crate::app::{FilesCommand, FilterCommand, Reply, SelectCommand};

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

    #[test]
    fn a_big_file_loads_on_the_loading_thread_and_cancel_keeps_what_was_open() {
        let folder = std::env::temp_dir().join(format!("annals-load-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = big_file(&folder);
        let mut state = AppState::with_files(&[], Settings::default());
        let belgium = state.dataset.events.len();

        // Open → a load job, nothing replaced yet.
        let Some(Effect::Load(load)) = state
            .apply_at_once(FilesCommand::OpenFiles(vec![path.clone()]))
            .pop()
        else {
            panic!("a big file goes to the loading thread");
        };
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
        assert!(state.apply(SelectCommand::Select(Some(belnet))).is_empty());

        // Add: built on the thread from what is open plus the new file.
        let Some(Effect::Load(load)) = state
            .apply_at_once(FilesCommand::AddFiles(vec![path.clone()]))
            .pop()
        else {
            panic!("a big file goes to the loading thread");
        };
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
        assert!(
            state
                .apply(FilterCommand::ToggleCategory("incident".into()))
                .is_empty()
        );
        let Some(Effect::Load(load)) = state
            .apply_at_once(FilesCommand::OpenFiles(vec![path.clone()]))
            .pop()
        else {
            panic!("a big file goes to the loading thread");
        };
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
        let expected =
            crate::app::arrange::arrange(&state.dataset, &state.filter, &state.lanes, false);
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
        assert!(
            state
                .apply(FilterCommand::ToggleCategory("incident".into()))
                .is_empty()
        );
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
}
