//! Live reload: watches the open files (through their folders, so editors that save by writing a
//! new file and renaming it are seen too) and reports which changed, a burst of writes at a time.
//! No egui here; the shell turns reports into `Reply::FilesChanged`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// Writes closer together than this are reported as one change.
pub const QUIET: Duration = Duration::from_millis(120);

/// The same file, however it was named: canonical if it exists, else absolute.
pub fn normalise(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| {
            // A file being replaced may not exist for a moment: canonicalise its folder.
            let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
            match (folder.map(std::fs::canonicalize), path.file_name()) {
                (Some(Ok(folder)), Some(name)) => Ok(folder.join(name)),
                _ => std::path::absolute(path),
            }
        })
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Watches a set of files and calls back with the ones that changed, named as they were given
/// to [`FileWatcher::watch`].
pub struct FileWatcher {
    watcher: RecommendedWatcher,
    folders: BTreeSet<PathBuf>,
    /// Each watched file by its normalised path → the paths it was asked for under (reported
    /// as asked, so the state compares paths without touching the disk).
    wanted: Arc<Mutex<Wanted>>,
}

type Wanted = BTreeMap<PathBuf, Vec<PathBuf>>;

impl std::fmt::Debug for FileWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileWatcher")
            .field("folders", &self.folders)
            .finish_non_exhaustive()
    }
}

impl FileWatcher {
    /// A watcher that calls `on_change` (on its own thread, named `file-watch`) with the watched
    /// files that changed, once the writes have been quiet for [`QUIET`].
    pub fn new(on_change: impl Fn(Vec<PathBuf>) + Send + 'static) -> Result<Self, String> {
        let wanted: Arc<Mutex<Wanted>> = Arc::default();
        let (sender, receiver) = channel::<PathBuf>();
        std::thread::Builder::new()
            .name("file-watch".to_owned())
            .spawn(move || {
                while let Ok(first) = receiver.recv() {
                    let mut changed = BTreeSet::from([first]);
                    loop {
                        match receiver.recv_timeout(QUIET) {
                            Ok(path) => {
                                changed.insert(path);
                            }
                            Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    on_change(changed.into_iter().collect());
                }
            })
            .map_err(|e| format!("could not start the watching thread: {e}"))?;
        let filter = Arc::clone(&wanted);
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if !matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            ) {
                return;
            }
            let wanted = filter.lock().unwrap_or_else(PoisonError::into_inner);
            for path in event.paths {
                for asked in wanted.get(&normalise(&path)).into_iter().flatten() {
                    forward(&sender, asked.clone());
                }
            }
        })
        .map_err(|e| format!("could not watch files: {e}"))?;
        Ok(Self {
            watcher,
            folders: BTreeSet::new(),
            wanted,
        })
    }

    /// Watches exactly these files from now on. Folders that cannot be watched are skipped (the
    /// files there are then not reloaded by themselves; Reload still works).
    pub fn watch(&mut self, files: &[PathBuf]) -> Result<(), String> {
        let mut wanted = Wanted::new();
        for file in files {
            wanted
                .entry(normalise(file))
                .or_default()
                .push(file.clone());
        }
        let folders: BTreeSet<PathBuf> = wanted
            .keys()
            .filter_map(|f| f.parent().map(Path::to_path_buf))
            .collect();
        for gone in self.folders.difference(&folders) {
            self.watcher.unwatch(gone).ok();
        }
        let mut failed = Vec::new();
        for new in folders.difference(&self.folders) {
            if let Err(e) = self.watcher.watch(new, RecursiveMode::NonRecursive) {
                failed.push(format!("{}: {e}", new.display()));
            }
        }
        self.folders = folders;
        *self.wanted.lock().unwrap_or_else(PoisonError::into_inner) = wanted;
        if failed.is_empty() {
            Ok(())
        } else {
            Err(format!("not watching {}", failed.join("; ")))
        }
    }
}

fn forward(sender: &Sender<PathBuf>, path: PathBuf) {
    sender.send(path).ok(); // the reporting thread ends only when the watcher is dropped
}
