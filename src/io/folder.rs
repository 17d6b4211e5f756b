//! Folders as the in-window file chooser and a dropped folder see them: entries sorted folders
//! first, the files Annals reads known by their extension, hidden entries left out, and a limit on
//! how much of a huge folder is looked at. No egui here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The extensions of the files Annals reads (the readers decide by content; these are the names
/// such files have).
pub const TIMELINE_EXTENSIONS: &[&str] = &[
    "json", "jsonl", "ndjson", "csv", "xlsx", "xlsm", "xls", "ods", "xlsb",
];

/// A chooser lists at most this many entries of a folder (the rest are counted).
pub const MAX_ENTRIES: usize = 5_000;

/// A dropped folder opens at most this many files, this many folders deep.
pub const MAX_DROPPED_FILES: usize = 1_000;
/// How deep a dropped folder is searched (1: only its own files).
pub const MAX_DROP_DEPTH: usize = 4;

/// Whether Annals reads files with this name (by extension, in any case).
pub fn is_timeline_file(path: &Path) -> bool {
    has_extension(path, TIMELINE_EXTENSIONS)
}

/// Whether `path` ends in one of `extensions` (without the dot, in any case).
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| extensions.iter().any(|e| x.eq_ignore_ascii_case(e)))
}

/// One entry of a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its name as shown (lossy if the name is not UTF-8).
    pub name: String,
    /// Its full path (the real name, whatever its encoding).
    pub path: PathBuf,
    /// A folder (or a link to one).
    pub is_dir: bool,
    /// Its size in bytes (0 for folders).
    pub size: u64,
}

/// A folder's entries: folders first, then files, each by name (case-insensitive).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// The folder.
    pub folder: PathBuf,
    /// Its entries, at most [`MAX_ENTRIES`].
    pub entries: Vec<Entry>,
    /// Entries not listed (beyond [`MAX_ENTRIES`]).
    pub more: usize,
}

/// Lists `folder` (hidden entries, those starting with `.`, are left out).
pub fn list(folder: &Path) -> std::io::Result<Listing> {
    let mut entries = Vec::new();
    let mut more = 0;
    for entry in std::fs::read_dir(folder)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if entries.len() >= MAX_ENTRIES {
            more += 1;
            continue;
        }
        let path = entry.path();
        // Follows links: a link to a folder is entered like a folder.
        let metadata = std::fs::metadata(&path).ok();
        let is_dir = metadata.as_ref().is_some_and(std::fs::Metadata::is_dir);
        let size = metadata.filter(|m| !m.is_dir()).map_or(0, |m| m.len());
        entries.push(Entry {
            name,
            path,
            is_dir,
            size,
        });
    }
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase(), e.name.clone()));
    Ok(Listing {
        folder: folder.to_path_buf(),
        entries,
        more,
    })
}

/// What a dropped folder held: the files Annals reads, and what it left out and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderFiles {
    /// The folder.
    pub folder: PathBuf,
    /// The files to open, in path order.
    pub files: Vec<PathBuf>,
    /// Files of other kinds, by extension (`""`: none), with how many.
    pub other_kinds: BTreeMap<String, usize>,
    /// Files and folders left out for the limits ([`MAX_DROPPED_FILES`], [`MAX_DROP_DEPTH`]) or
    /// because they could not be listed.
    pub left_out: usize,
}

impl FolderFiles {
    /// How many files were skipped, whatever the reason.
    pub fn skipped(&self) -> usize {
        self.other_kinds.values().sum::<usize>() + self.left_out
    }
}

/// The files Annals reads in `folder` and its sub-folders (hidden ones left out), at most
/// [`MAX_DROPPED_FILES`], [`MAX_DROP_DEPTH`] folders deep.
pub fn timeline_files_in(folder: &Path) -> FolderFiles {
    let mut found = FolderFiles {
        folder: folder.to_path_buf(),
        ..FolderFiles::default()
    };
    let mut pending = vec![(folder.to_path_buf(), 1)];
    while let Some((current, depth)) = pending.pop() {
        let Ok(listing) = list(&current) else {
            found.left_out += 1;
            continue;
        };
        found.left_out += listing.more;
        for entry in listing.entries {
            if entry.is_dir {
                if depth < MAX_DROP_DEPTH {
                    pending.push((entry.path, depth + 1));
                } else {
                    found.left_out += 1;
                }
            } else if !is_timeline_file(&entry.path) {
                let extension = entry
                    .path
                    .extension()
                    .map(|x| format!(".{}", x.to_string_lossy().to_lowercase()))
                    .unwrap_or_default();
                *found.other_kinds.entry(extension).or_default() += 1;
            } else if found.files.len() < MAX_DROPPED_FILES {
                found.files.push(entry.path);
            } else {
                found.left_out += 1;
            }
        }
    }
    found.files.sort();
    found
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let folder =
            std::env::temp_dir().join(format!("annals-folder-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&folder).ok();
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    #[test]
    fn a_listing_puts_folders_first_sorted_by_name_and_hides_dot_files() {
        let folder = scratch("list");
        for name in ["b.json", "A.csv", ".hidden.json", "notes.txt"] {
            std::fs::write(folder.join(name), "x").unwrap();
        }
        std::fs::create_dir(folder.join("zeta")).unwrap();
        let listing = list(&folder).unwrap();
        let names: Vec<&str> = listing.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["zeta", "A.csv", "b.json", "notes.txt"]);
        assert!(listing.entries[0].is_dir && listing.entries[1].size == 1);
        assert!(is_timeline_file(Path::new("x/Cases.XLSX")));
        assert!(!is_timeline_file(&folder.join("notes.txt")));
        std::fs::remove_dir_all(&folder).ok();
    }

    #[test]
    fn a_dropped_folder_gives_its_timeline_files_and_counts_the_rest_by_kind() {
        let folder = scratch("drop");
        std::fs::create_dir_all(folder.join("2021/may")).unwrap();
        std::fs::create_dir_all(folder.join("a/b/c/d")).unwrap();
        for name in [
            "one.json",
            "2021/two.csv",
            "2021/may/three.xlsx",
            "report.pdf",
            "2021/scan.pdf",
            "README",
            "a/b/c/d/too-deep.json",
            ".git-thing.json",
        ] {
            std::fs::write(folder.join(name), "x").unwrap();
        }
        let found = timeline_files_in(&folder);
        assert_eq!(
            found.files,
            [
                folder.join("2021/may/three.xlsx"),
                folder.join("2021/two.csv"),
                folder.join("one.json"),
            ]
        );
        assert_eq!(
            found.other_kinds,
            BTreeMap::from([(String::new(), 1), (".pdf".to_owned(), 2)])
        );
        assert_eq!(found.left_out, 1, "the folder four levels down");
        assert_eq!(found.skipped(), 4);
        std::fs::remove_dir_all(&folder).ok();
    }
}
