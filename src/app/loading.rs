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
    /// Where big files are kept for reopening, if anywhere (see `io::cache`).
    pub cache: Option<io::cache::Cache>,
}

/// What the loading thread builds beyond reading.
#[derive(Debug)]
pub struct Prepare {
    /// The filter, lanes and gaps option when the load started.
    pub arrange_with: (crate::model::Filter, crate::timeline::LaneSpec, bool),
    /// The dataset and its arrangement, once built.
    pub built: Mutex<Option<(Arc<crate::model::Dataset>, super::arrange::Arrangement)>>,
    /// The thread writing the reopen cache of a file opened on its own, from the dataset
    /// built (it shares the dataset with the window, which shows the file meanwhile).
    pub keeping: Mutex<Option<std::thread::JoinHandle<()>>>,
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
    // A file opened on its own becomes a dataset of exactly its events: its reopen cache is
    // written from that dataset once the window has it (at 10M events, writing first kept the
    // view back for 4 s). Other loads keep each file as it is read.
    let later = load.paths.len() == 1 && load.prepare.as_ref().is_some_and(|p| p.base.is_none());
    let mut pending = None;
    for path in &load.paths {
        if load.progress.cancelled() {
            break;
        }
        let result = match &load.cache {
            Some(cache) if later => io::load_file_caching_later(path, None, &load.progress, cache)
                .map(|(file, p)| {
                    pending = p;
                    file
                }),
            Some(cache) => io::load_file_cached(path, None, &load.progress, cache),
            None => io::load_file_with(path, None, &load.progress),
        };
        results.push((path.clone(), result));
    }
    if let Some(prepare) = &load.prepare
        && !load.progress.cancelled()
    {
        let take = |file: &mut io::LoadedFile| file.part.take_events();
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
        let dataset = Arc::new(crate::model::Dataset::from_parts(parts));
        let (filter, spec, collapse) = &prepare.arrange_with;
        let arrangement = super::arrange::arrange(&dataset, filter, spec, *collapse);
        if let (Some(pending), Some(cache), 1) = (pending, &load.cache, dataset.files.len()) {
            let (dataset, cache) = (Arc::clone(&dataset), cache.clone());
            let writer = std::thread::Builder::new()
                .name("keep cache".to_owned())
                .spawn(move || {
                    // A cache that cannot be written costs nothing but the next reopen's speed.
                    let _ = cache.write(&pending, &dataset.events, dataset.key_order());
                });
            if let (Ok(writer), Ok(mut slot)) = (writer, prepare.keeping.lock()) {
                *slot = Some(writer);
            }
        }
        if let Ok(mut slot) = prepare.built.lock() {
            *slot = Some((dataset, arrangement));
        }
    }
    results
}

/// Gives the files of `results` their events back from a dataset built from them.
fn give_back(results: &mut LoadResults, dataset: Arc<crate::model::Dataset>) {
    // (Shared only while a cache is written from it, which this kind of load never does.)
    let dataset = Arc::unwrap_or_clone(dataset);
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

pub use crate::model::text::size_label;

impl AppState {
    /// Opens, adds or reloads `paths`: sizes them first (see [`Self::measured`]); `limit_bytes`
    /// is `None` when the user already said yes to files over the size limit.
    pub(super) fn open(paths: Vec<PathBuf>, mode: PickMode, limit_bytes: Option<u64>) -> Effect {
        Effect::Measure(super::jobs::Measure {
            paths,
            mode,
            limit_bytes,
            folders: Vec::new(),
        })
    }

    /// Says what dropped folders held: how many files open, how many were skipped and why.
    fn say_folders(&mut self, folders: &[crate::io::folder::FolderFiles], nothing: bool) {
        let lang = self.lang();
        let said: Vec<String> = folders
            .iter()
            .map(|found| {
                let name = crate::model::text::file_name_of(&found.folder);
                let mut parts = vec![
                    crate::i18n::Said::new("folder-files")
                        .text("folder", name)
                        .count("files", found.files.len())
                        .in_lang(lang),
                ];
                if !found.other_kinds.is_empty() {
                    let kinds: Vec<String> = found
                        .other_kinds
                        .iter()
                        .map(|(kind, n)| {
                            let kind = if kind.is_empty() {
                                lang.word("folder-no-extension")
                            } else {
                                kind.clone()
                            };
                            format!("{kind} × {}", lang.number(*n))
                        })
                        .collect();
                    parts.push(
                        crate::i18n::Said::new("folder-other-kinds")
                            .count("count", found.other_kinds.values().sum())
                            .text("kinds", kinds.join(", "))
                            .in_lang(lang),
                    );
                }
                if found.left_out > 0 {
                    parts.push(
                        crate::i18n::Said::new("folder-left-out")
                            .count("count", found.left_out)
                            .count("files", crate::io::folder::MAX_DROPPED_FILES)
                            .count("depth", crate::io::folder::MAX_DROP_DEPTH)
                            .in_lang(lang),
                    );
                }
                parts.join("; ")
            })
            .collect();
        self.toast(said.join(" · "), nothing);
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
            folders,
        } = measure;
        if !folders.is_empty() {
            self.say_folders(&folders, paths.is_empty());
        }
        if paths.is_empty() {
            return None;
        }
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
                    self.lane_spec(),
                    self.options.collapse_gaps,
                ),
                built: Mutex::new(None),
                keeping: Mutex::new(None),
                base: (mode != PickMode::Open).then(|| Base {
                    dataset: Arc::clone(&self.dataset),
                    files: self
                        .files
                        .iter()
                        .map(|f| (f.source.clone(), f.loaded.part.header()))
                        .collect(),
                }),
            })),
            cache: self.reopen_cache.clone(),
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
            self.toast(self.lang().word("toast-load-cancelled"), false);
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
                        self.lane_spec(),
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
mod tests;
