//! The last step of reading a file's events: ids must be unique within a file, so the second of
//! two equal ids is renamed, with a warning at its record.

use std::collections::HashSet;

use crate::i18n::Said;
use crate::io::json::named_record;
use crate::model::{EventRef, EventStore};

/// The last step of reading a file's events, however they were read: ids must be unique
/// within a file, so the second of two equal ids is renamed, with a warning at its record.
pub(in crate::io) fn finish_events(
    issues: &mut Vec<crate::io::Issue>,
    mut events: EventStore,
    kept: &[(u32, u32)],
) -> EventStore {
    let (duplicates, key_order) = duplicate_ids(&events);
    if duplicates.is_empty() {
        // The ids sorted by hash are the dataset's key index: kept, not computed again.
        events.set_key_order(key_order);
    } else {
        let mut ids: HashSet<String> = events.iter().map(|e| e.id().to_owned()).collect();
        let mut renames = rustc_hash::FxHashMap::default();
        for n in duplicates {
            let (Some(event), Some(&(record, column))) = (events.get(n), kept.get(n)) else {
                continue;
            };
            let new_id = unique_id(&ids, event.id());
            let location = crate::io::Location {
                line: event.line() as usize,
                column: column as usize,
            };
            issues.push(crate::io::Issue::new(
                crate::io::IssueLevel::Warning,
                location,
                Some("id".to_owned()),
                Said::new("problem-duplicate-id")
                    .said(
                        "what",
                        named_record(
                            "event",
                            record as usize + 1,
                            Some(event.title()),
                            Some(event.id()),
                        ),
                    )
                    .text("id", format!("{:?}", event.id()))
                    .text("new", format!("{new_id:?}")),
            ));
            ids.insert(new_id.clone());
            renames.insert(n, new_id);
        }
        events = events.with_ids(&renames);
    }
    events.shrink_to_fit();
    events
}

/// Indices of events whose id an earlier event already has, in index order, and the events in
/// key order ([`EventStore::key_hash`] of their ids). Ids are sorted by hash (a million
/// inserts into a hash set cost more than sorting a million numbers), and only equal hashes
/// compare their ids.
fn duplicate_ids(events: &EventStore) -> (Vec<usize>, Vec<u32>) {
    let mut by_hash: Vec<(u64, u32)> = events
        .iter()
        .map(|e| {
            (
                EventStore::key_hash(e.id()),
                u32::try_from(e.index()).unwrap_or(u32::MAX),
            )
        })
        .collect();
    crate::model::sort::sort_on_two_cores(&mut by_hash);
    let mut duplicates = Vec::new();
    for run in by_hash
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        for (k, &(_, i)) in run.iter().enumerate() {
            let id = events.get(i as usize).map(EventRef::id);
            let earlier = run.get(..k).unwrap_or_default();
            if earlier
                .iter()
                .any(|&(_, j)| events.get(j as usize).map(EventRef::id) == id)
            {
                duplicates.push(i as usize);
            }
        }
    }
    duplicates.sort_unstable();
    (duplicates, by_hash.into_iter().map(|(_, i)| i).collect())
}

fn unique_id(ids: &HashSet<String>, id: &str) -> String {
    let mut n = 2_u64;
    loop {
        let candidate = format!("{id}~{n}");
        if !ids.contains(&candidate) {
            return candidate;
        }
        n += 1;
    }
}
