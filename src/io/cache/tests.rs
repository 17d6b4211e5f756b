use super::*;
use crate::io::{LoadProgress, load_file_with};

/// A native file of `events` generated events (with extras on some) in `dir`.
fn source(dir: &Path, events: u64) -> PathBuf {
    let path = dir.join("big.json");
    let mut bytes = Vec::new();
    crate::synth::write_native(crate::synth::SynthOptions { events, seed: 5 }, &mut bytes)
        .expect("writing to memory");
    // Some events with what only some have: a description, sources, a link, a sub-second
    // start, a translation, and a period and a category after the events.
    let text = String::from_utf8(bytes).expect("UTF-8");
    let extra = r#"{"id": "x1", "title": "With extras", "start": "2021-05-04T11:00:00.25Z", "description": "Ünïcode", "sources": ["https://ccb.belgium.be"], "links": [{"type": "caused", "target": "x2"}], "translations": {"nl": {"title": "Met extra's"}}},
{"id": "x2", "title": "Far year", "start": -40000, "end": 2021, "disclosed": "2022-01"},
"#;
    let text = text.replacen("\"events\": [\n", &format!("\"events\": [\n{extra}"), 1);
    std::fs::write(&path, text).expect("writing the source");
    path
}

fn cache_in(dir: &Path) -> Cache {
    Cache::in_dir(dir.join("cache"), 0)
}

fn hit(cache: &Cache, path: &Path) -> LoadedFile {
    match cache.open(path, &path.display().to_string()) {
        Reopened::Hit(file) => *file,
        other => panic!("expected the cache to be used, got {other:?}"),
    }
}

#[test]
fn a_kept_file_reopens_equal_to_reading_it_again() {
    let dir = tempfile_dir("reopen");
    let path = source(&dir, 3000);
    let cache = cache_in(&dir);
    assert!(matches!(cache.open(&path, "big.json"), Reopened::Miss));
    let mut first = load_file_with(&path, None, &LoadProgress::default()).expect("it loads");
    assert!(first.issues.is_empty(), "{:?}", first.issues);
    assert!(cache.keep(&path, &mut first).expect("written"));
    let again = hit(&cache, &path);
    assert_eq!(again.part.info, first.part.info);
    assert_eq!(again.part.categories, first.part.categories);
    assert_eq!(again.part.periods, first.part.periods);
    assert_eq!(again.part.events.to_vec(), first.part.events.to_vec());
    assert!(again.issues.is_empty());
    // Kept in time order, so the dataset need not sort it again; with its key index, so the
    // dataset need not build that either, and finds every event by it.
    assert!(again.part.events.time_order().is_none());
    assert_eq!(
        again.part.events.key_order(),
        again.part.events.compute_key_order()
    );
    let dataset = crate::model::Dataset::from_parts(vec![again.part.clone()]);
    for (i, event) in dataset.events.iter().enumerate().step_by(97) {
        assert_eq!(
            dataset.find_in_file(crate::model::FileId(0), event.id()),
            Some(crate::model::EventIdx(u32::try_from(i).expect("small")))
        );
    }
    let with_extras = again
        .part
        .events
        .iter()
        .find(|e| e.id() == "x1")
        .expect("the event with extras");
    assert_eq!(with_extras.description(), Some("Ünïcode"));
    // The cache lives in the cache folder, not beside the data.
    assert!(cache.file_for(&path).starts_with(dir.join("cache")));
    assert_eq!(
        std::fs::read_dir(&dir).expect("the folder").count(),
        2,
        "only the source and the cache folder"
    );
}

#[test]
fn a_stale_truncated_damaged_or_foreign_cache_is_never_used() {
    let dir = tempfile_dir("distrust");
    let path = source(&dir, 2000);
    let cache = cache_in(&dir);
    let mut first = load_file_with(&path, None, &LoadProgress::default()).expect("it loads");
    cache.keep(&path, &mut first).expect("written");
    let kept = std::fs::read(cache.file_for(&path)).expect("the cache");
    let put = |bytes: &[u8]| std::fs::write(cache.file_for(&path), bytes).expect("writing");

    // Truncated anywhere: damaged.
    for cut in [
        0,
        5,
        40,
        kept.len() / 3,
        kept.len() / 2,
        kept.len() - 9,
        kept.len() - 1,
    ] {
        put(&kept[..cut]);
        assert!(
            matches!(
                cache.open(&path, "big.json"),
                Reopened::Ignored("problem-cache-damaged")
            ),
            "cut at {cut}"
        );
    }
    // One byte changed anywhere after the header (a title, a date, a column length, the
    // checksum): damaged, never a different timeline.
    for at in [
        kept.len() / 5,
        kept.len() / 2,
        kept.len() * 4 / 5,
        kept.len() - 3,
    ] {
        let mut changed = kept.clone();
        changed[at] ^= 0x20;
        put(&changed);
        assert!(
            matches!(cache.open(&path, "big.json"), Reopened::Ignored(_)),
            "byte {at} changed"
        );
    }
    // One byte of the text (read on a second thread, hashed on its own: its last title is
    // the one after the extras document), or of the text's hash: damaged.
    let in_text = kept
        .windows(b"Far year".len())
        .rposition(|w| w == b"Far year")
        .expect("the text column");
    for at in [in_text, kept.len() - 8 - 5] {
        let mut changed = kept.clone();
        changed[at] ^= 0x01;
        put(&changed);
        assert!(
            matches!(
                cache.open(&path, "big.json"),
                Reopened::Ignored("problem-cache-damaged")
            ),
            "byte {at} changed"
        );
    }
    // Extra bytes after the end: damaged.
    let mut longer = kept.clone();
    longer.push(0);
    put(&longer);
    assert!(matches!(
        cache.open(&path, "big.json"),
        Reopened::Ignored("problem-cache-damaged")
    ));
    // Another layout or another build: foreign.
    let mut other_layout = kept.clone();
    other_layout[MAGIC.len()] ^= 1;
    put(&other_layout);
    assert!(matches!(
        cache.open(&path, "big.json"),
        Reopened::Ignored("problem-cache-foreign")
    ));
    // Not a cache at all (the source itself put there): damaged.
    put(&std::fs::read(&path).expect("the source"));
    assert!(matches!(
        cache.open(&path, "big.json"),
        Reopened::Ignored("problem-cache-damaged")
    ));

    // Intact again: used.
    put(&kept);
    hit(&cache, &path);
    // The source changed (same size, one title letter): stale, read again silently.
    let text = std::fs::read_to_string(&path).expect("the source");
    std::fs::write(&path, text.replacen("With extras", "With extraz", 1)).expect("editing");
    assert!(matches!(cache.open(&path, "big.json"), Reopened::Miss));
    // Another file's cache under this file's name: stale (it names its own source).
    let other = dir.join("other.json");
    std::fs::copy(&path, &other).expect("copy");
    let mut other_loaded = load_file_with(&other, None, &LoadProgress::default()).expect("loads");
    cache.keep(&other, &mut other_loaded).expect("written");
    std::fs::copy(cache.file_for(&other), cache.file_for(&path)).expect("copy");
    assert!(matches!(cache.open(&path, "big.json"), Reopened::Miss));
}

#[test]
fn a_load_through_the_cache_says_when_it_did_not_trust_it_and_repairs_it() {
    let dir = tempfile_dir("repair");
    let path = source(&dir, 1500);
    let cache = cache_in(&dir);
    let progress = LoadProgress::default();
    let first = crate::io::load_file_cached(&path, None, &progress, &cache).expect("loads");
    assert!(first.issues.is_empty());
    std::fs::write(cache.file_for(&path), b"ANNALS-STORE\nnot really").expect("damaging");
    let second = crate::io::load_file_cached(&path, None, &progress, &cache).expect("loads");
    assert_eq!(second.issues.len(), 1, "one note about the cache");
    assert!(
        second.issues[0].message.contains("damaged"),
        "{}",
        second.issues[0]
    );
    assert_eq!(second.part.events.len(), first.part.events.len());
    // Rewritten: the third open is clean and from the cache.
    let third = crate::io::load_file_cached(&path, None, &progress, &cache).expect("loads");
    assert!(third.issues.is_empty());
    hit(&cache, &path);
    // Files with problems are not kept (their problems would have to be said again).
    let broken = broken_copy(&dir, &path);
    let mut loaded = load_file_with(&broken, None, &progress).expect("loads with a problem");
    assert!(!loaded.issues.is_empty());
    assert!(!cache.keep(&broken, &mut loaded).expect("nothing to write"));
}

/// A copy of the source beside it with an impossible date (a file with a problem).
fn broken_copy(dir: &Path, path: &Path) -> PathBuf {
    let broken = dir.join("broken.json");
    let text = std::fs::read_to_string(path).expect("the source");
    std::fs::write(
        &broken,
        text.replacen("\"2021-05-04T11:00:00.25Z\"", "\"2021-02-30\"", 1),
    )
    .expect("writing");
    broken
}

/// A fresh folder under the system's temporary folder.
fn tempfile_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annals-cache-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

#[test]
fn the_checksum_does_not_depend_on_how_the_bytes_are_cut() {
    let bytes: Vec<u8> = (0..300_000_u32).map(|i| (i * 7 % 251) as u8).collect();
    let whole = {
        let mut h = Hashing::new(std::io::sink());
        h.write_all(&bytes).expect("a sink");
        h.finish()
    };
    for cut in [1, 7, 4096, 65_537, 200_000] {
        let mut h = Hashing::new(std::io::sink());
        for piece in bytes.chunks(cut) {
            h.write_all(piece).expect("a sink");
        }
        assert_eq!(h.finish(), whole, "cut every {cut} bytes");
    }
}

#[test]
fn a_cache_prepared_then_written_from_the_dataset_reopens_as_the_file() {
    let dir = tempfile_dir("later");
    let path = source(&dir, 2000);
    let cache = cache_in(&dir);
    let progress = LoadProgress::default();
    let (file, pending) =
        crate::io::load_file_caching_later(&path, None, &progress, &cache).expect("loads");
    let pending = pending.expect("a big clean file is to be kept");
    assert!(
        matches!(cache.open(&path, "big.json"), Reopened::Miss),
        "nothing written yet"
    );
    // Written from the dataset of that one file, as the window does once it shows it.
    let fresh = load_file_with(&path, None, &progress).expect("loads");
    let dataset = crate::model::Dataset::from_parts(vec![file.part]);
    cache
        .write(&pending, &dataset.events, dataset.key_order())
        .expect("written");
    let again = hit(&cache, &path);
    assert_eq!(again.part.info, fresh.part.info);
    assert_eq!(again.part.categories, fresh.part.categories);
    assert_eq!(again.part.periods, fresh.part.periods);
    assert_eq!(
        again.part.events.to_vec(),
        fresh.part.events.into_time_order().to_vec()
    );
    // A file with problems is not prepared for keeping.
    let broken = broken_copy(&dir, &path);
    let (_, pending) =
        crate::io::load_file_caching_later(&broken, None, &progress, &cache).expect("loads");
    assert!(pending.is_none());
}

#[test]
fn a_temporary_cache_left_by_a_closed_window_is_removed_once_old() {
    let dir = tempfile_dir("leftover");
    let path = source(&dir, 500);
    let cache = cache_in(&dir);
    std::fs::create_dir_all(dir.join("cache")).expect("the cache folder");
    let old = dir
        .join("cache")
        .join(".0123456789abcdef.annals-store.4242.tmp");
    let young = dir
        .join("cache")
        .join(".fedcba9876543210.annals-store.4343.tmp");
    for leftover in [&old, &young] {
        std::fs::write(leftover, b"half a cache").expect("writing");
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .and_then(|f| f.set_modified(two_hours_ago))
        .expect("ageing");
    let mut loaded = load_file_with(&path, None, &LoadProgress::default()).expect("loads");
    assert!(cache.keep(&path, &mut loaded).expect("written"));
    assert!(!old.exists(), "an hour-old temporary file is gone");
    assert!(
        young.exists(),
        "one being written now (another window) is left alone"
    );
    hit(&cache, &path);
}
