//! Which events are shown (facets, a date range, categories switched off in the legend) and which
//! of them the search matches.
//!
//! Semantics, tested below: within one facet the chosen values are alternatives (actor CCB *or*
//! Belnet); across facets, the date range and the legend all must hold. Search words must all
//! appear (case-insensitive, as substrings) in the title, description, tags, actors or targets.
//! Search highlights its matches among the shown events; with `only_matches` it also hides the
//! others. Facet counts are computed with every other constraint applied but the facet's own, so
//! each count says how many events choosing that value would show.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::dataset::Dataset;
use super::event::EventIdx;
use super::store::{EventRef, LabelKind};

/// A field of an event that can be filtered on or used to make lanes.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// The category id (`""` when there is none).
    Category,
    /// Each tag.
    Tag,
    /// Each actor.
    Actor,
    /// Each target.
    Target,
    /// The severity name (`""` when there is none).
    Severity,
    /// The path of the file the event came from.
    File,
}

impl Field {
    /// Every field, in the order the facet panel shows them.
    pub const ALL: [Self; 6] = [
        Self::Category,
        Self::Actor,
        Self::Target,
        Self::Tag,
        Self::Severity,
        Self::File,
    ];

    /// Name for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Category => "Category",
            Self::Tag => "Tag",
            Self::Actor => "Actor",
            Self::Target => "Target",
            Self::Severity => "Severity",
            Self::File => "File",
        }
    }

    /// The field's name in `lang`: "Category", "Categorie", "Catégorie", "Kategorie".
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        lang.word(&format!("field-{}", self.key()))
    }

    /// What an event without a value is listed as, in `lang`.
    pub fn none_label_in(self, lang: crate::i18n::Lang) -> String {
        lang.word(&format!("field-none-{}", self.key()))
    }

    /// The lowercase name used in message keys and on the command line.
    fn key(self) -> &'static str {
        match self {
            Self::Category => "category",
            Self::Tag => "tag",
            Self::Actor => "actor",
            Self::Target => "target",
            Self::Severity => "severity",
            Self::File => "file",
        }
    }

    /// What an event without a value is listed as.
    pub fn none_label(self) -> &'static str {
        match self {
            Self::Category => "Uncategorised",
            Self::Tag => "No tag",
            Self::Actor => "No actor",
            Self::Target => "No target",
            Self::Severity => "No severity",
            Self::File => "No file",
        }
    }

    /// Whether an event can have several values.
    pub fn is_multi_valued(self) -> bool {
        matches!(self, Self::Tag | Self::Actor | Self::Target)
    }

    /// Calls `f` with each of the event's values for this field, or with `""` when it has none,
    /// without allocating (this runs for every event when filters or lanes change).
    pub fn for_each_value<'a>(
        self,
        dataset: &'a Dataset,
        event: EventRef<'a>,
        mut f: impl FnMut(&'a str),
    ) {
        let list = |kind: LabelKind, f: &mut dyn FnMut(&'a str)| {
            let mut any = false;
            for value in event.labels(kind) {
                any = true;
                f(value);
            }
            if !any {
                f("");
            }
        };
        match self {
            Self::Category => f(event.category().unwrap_or("")),
            Self::Tag => list(LabelKind::Tag, &mut f),
            Self::Actor => list(LabelKind::Actor, &mut f),
            Self::Target => list(LabelKind::Target, &mut f),
            Self::Severity => f(event.severity().map_or("", |s| s.name())),
            Self::File => f(dataset
                .file(event.file())
                .map_or("", |file| file.path.as_str())),
        }
    }

    /// Whether one of the event's values (or `""` for none) is in `chosen`.
    pub fn any_value_in(
        self,
        dataset: &Dataset,
        event: EventRef<'_>,
        chosen: &BTreeSet<String>,
    ) -> bool {
        let mut found = false;
        self.for_each_value(dataset, event, |v| found |= chosen.contains(v));
        found
    }
}

/// What the user narrowed the view to. `Default` shows everything.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Search words: matches are highlighted and can be stepped through.
    pub query: String,
    /// Hide the events the search does not match (when there is a search).
    pub only_matches: bool,
    /// Category ids hidden from the timeline (`""` stands for uncategorised events).
    pub hidden_categories: BTreeSet<String>,
    /// Per field, the values chosen: an event passes when it has one of them.
    pub facets: BTreeMap<Field, BTreeSet<String>>,
    /// Only events overlapping `[from, to)` (seconds), each end optional.
    pub date_range: (Option<f64>, Option<f64>),
}

impl Filter {
    /// Whether nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        (self.query.trim().is_empty() || !self.only_matches)
            && self.hidden_categories.is_empty()
            && self.facets.values().all(BTreeSet::is_empty)
            && self.date_range == (None, None)
    }

    /// Whether there is a search.
    pub fn is_searching(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// Whether `event` is shown.
    pub fn matches(&self, dataset: &Dataset, event: EventRef<'_>) -> bool {
        self.matches_with(dataset, event, &self.search_words())
    }

    /// [`Filter::matches`] with the search words lowercased once ([`Filter::search_words`]), for
    /// loops over every event.
    pub fn matches_with(&self, dataset: &Dataset, event: EventRef<'_>, words: &[String]) -> bool {
        self.passes_except(dataset, event, None)
            && (!self.only_matches || words.is_empty() || search_hit_words(words, event))
    }

    /// The search words, lowercased (empty without a search).
    pub fn search_words(&self) -> Vec<String> {
        self.query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    }

    /// Whether `event` passes every constraint but the facet `except` (search included only
    /// when it hides).
    pub fn passes_except(
        &self,
        dataset: &Dataset,
        event: EventRef<'_>,
        except: Option<Field>,
    ) -> bool {
        let category = event.category().unwrap_or("");
        if self.hidden_categories.contains(category) {
            return false;
        }
        let (from, to) = self.date_range;
        if from.is_some_and(|from| event.end_secs() <= from)
            || to.is_some_and(|to| event.start_secs() >= to)
        {
            return false;
        }
        self.facets.iter().all(|(&field, chosen)| {
            Some(field) == except || chosen.is_empty() || field.any_value_in(dataset, event, chosen)
        })
    }

    /// Whether the search words all appear in the event's text (false without a search).
    pub fn search_hit(&self, event: EventRef<'_>) -> bool {
        let words = self.search_words();
        !words.is_empty() && search_hit_words(&words, event)
    }

    /// The events among `shown` the search matches, in the same (time) order.
    pub fn search_matches(&self, dataset: &Dataset, shown: &[EventIdx]) -> Vec<EventIdx> {
        let words = self.search_words();
        if words.is_empty() {
            return Vec::new();
        }
        shown
            .iter()
            .copied()
            .filter(|&idx| {
                dataset
                    .event(idx)
                    .is_some_and(|e| search_hit_words(&words, e))
            })
            .collect()
    }

    /// Chooses or un-chooses one value of a facet.
    pub fn toggle_facet(&mut self, field: Field, value: &str) {
        let chosen = self.facets.entry(field).or_default();
        if !chosen.remove(value) {
            chosen.insert(value.to_owned());
        }
        if chosen.is_empty() {
            self.facets.remove(&field);
        }
    }
}

fn search_hit_words(words: &[String], event: EventRef<'_>) -> bool {
    let fields = [event.title(), event.description().unwrap_or("")];
    words.iter().all(|word| {
        fields.iter().any(|f| contains_folded(f, word))
            // A word of any language the file translated itself into finds the event.
            || event.translations().iter().any(|t| {
                [t.title.as_deref(), t.description.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|f| contains_folded(f, word))
            })
            || event.tags().any(|v| contains_folded(v, word))
            || event.actors().any(|v| contains_folded(v, word))
            || event.targets().any(|v| contains_folded(v, word))
    })
}

/// Case-insensitive substring test; `word` is already lowercase.
fn contains_folded(text: &str, word: &str) -> bool {
    if text.is_ascii() && word.is_ascii() {
        let (text, word) = (text.as_bytes(), word.as_bytes());
        word.is_empty()
            || text
                .windows(word.len())
                .any(|w| w.eq_ignore_ascii_case(word))
    } else {
        text.to_lowercase().contains(word)
    }
}

fn flush<'a>(counts: &mut HashMap<&'a str, usize>, last: &mut Option<(&'a str, usize)>) {
    if let Some((value, n)) = last.take() {
        *counts.entry(value).or_default() += n;
    }
}

/// One value of a facet and how many events choosing it would show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// The value (`""` for events without one).
    pub value: String,
    /// Events it would show with every other constraint applied.
    pub count: usize,
}

/// The values of `field` among the events passing every other constraint, most frequent first
/// (then by name; "none" last).
pub fn facet_counts(dataset: &Dataset, filter: &Filter, field: Field) -> Vec<FacetValue> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let searching = filter.only_matches && filter.is_searching();
    let words = filter.search_words();
    let unfiltered = filter.facets.keys().all(|&f| f == field)
        && filter.hidden_categories.is_empty()
        && filter.date_range == (None, None)
        && !searching;
    // Runs of equal values (a file's events, one category) count without a lookup each.
    let mut last: Option<(&str, usize)> = None;
    for event in &dataset.events {
        if !unfiltered
            && (!filter.passes_except(dataset, event, Some(field))
                || (searching && !search_hit_words(&words, event)))
        {
            continue;
        }
        field.for_each_value(dataset, event, |value| match &mut last {
            Some((v, n)) if *v == value => *n += 1,
            _ => {
                flush(&mut counts, &mut last);
                last = Some((value, 1));
            }
        });
    }
    flush(&mut counts, &mut last);
    // Chosen values stay listed (with 0) so they can be un-chosen.
    for chosen in filter.facets.get(&field).into_iter().flatten() {
        counts.entry(chosen.as_str()).or_default();
    }
    let mut values: Vec<FacetValue> = counts
        .into_iter()
        .map(|(value, count)| FacetValue {
            value: value.to_owned(),
            count,
        })
        .collect();
    values.sort_by(|a, b| {
        (a.value.is_empty(), std::cmp::Reverse(a.count), &a.value).cmp(&(
            b.value.is_empty(),
            std::cmp::Reverse(b.count),
            &b.value,
        ))
    });
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, EventStore};

    fn event(id: &str, start: &str, actors: &[&str], category: Option<&str>) -> Event {
        let mut e = Event::new(id, format!("{id} title"), start.parse().unwrap());
        e.actors = actors.iter().map(|&a| a.to_owned()).collect();
        e.category = category.map(str::to_owned);
        e
    }

    fn dataset(events: Vec<Event>) -> Dataset {
        Dataset::of_events("a.json", events)
    }

    #[test]
    fn query_words_must_all_match_somewhere() {
        let mut event = Event::new("b", "DDoS attack on Belnet", "2021-05-04".parse().unwrap());
        event.actors = vec!["CCB".into()];
        event.description = Some("Ünïcode Ministère".into());
        let store = EventStore::from(vec![event]);
        let event = store.get(0).unwrap();
        let filter = |q: &str| Filter {
            query: q.into(),
            ..Filter::default()
        };
        assert!(!filter("").search_hit(event), "no search matches nothing");
        assert!(filter("belnet").search_hit(event));
        assert!(filter("BELNET").search_hit(event));
        assert!(filter("ddos ccb").search_hit(event));
        assert!(filter("ministère").search_hit(event));
        assert!(filter("MINISTÈRE").search_hit(event));
        assert!(!filter("ddos police").search_hit(event));
    }

    #[test]
    fn search_highlights_unless_asked_to_hide() {
        let d = dataset(vec![
            event("belnet", "2021-05-04", &["CCB"], Some("incident")),
            event("strategy", "2021-05-20", &[], Some("strategy")),
        ]);
        let mut filter = Filter {
            query: "belnet".into(),
            ..Filter::default()
        };
        assert!(d.events.iter().all(|e| filter.matches(&d, e)));
        let all: Vec<EventIdx> = vec![EventIdx(0), EventIdx(1)];
        let found = filter.search_matches(&d, &all);
        assert_eq!(found.len(), 1);
        assert_eq!(d.event(found[0]).unwrap().id(), "belnet");
        filter.only_matches = true;
        let shown: Vec<_> = d.events.iter().filter(|&e| filter.matches(&d, e)).collect();
        assert_eq!(shown.len(), 1);
    }

    #[test]
    fn facets_or_within_and_across_with_counts_excluding_their_own() {
        let d = dataset(vec![
            event("a", "2019", &["CCB"], Some("incident")),
            event("b", "2020", &["CCB", "Belnet"], Some("incident")),
            event("c", "2021", &["Belnet"], Some("strategy")),
            event("d", "2022", &[], Some("strategy")),
        ]);
        let shown = |f: &Filter| {
            d.events
                .iter()
                .filter(|&e| f.matches(&d, e))
                .map(super::super::store::EventRef::id)
                .collect::<Vec<_>>()
        };
        let mut filter = Filter::default();
        assert!(filter.is_empty());
        filter.toggle_facet(Field::Actor, "CCB");
        assert_eq!(shown(&filter), ["a", "b"]);
        filter.toggle_facet(Field::Actor, "Belnet");
        assert_eq!(shown(&filter), ["a", "b", "c"], "OR within a facet");
        filter.toggle_facet(Field::Category, "strategy");
        assert_eq!(shown(&filter), ["c"], "AND across facets");
        // Actor counts ignore the actor facet but apply the category one.
        let actors = facet_counts(&d, &filter, Field::Actor);
        let pairs: Vec<_> = actors.iter().map(|v| (v.value.as_str(), v.count)).collect();
        assert_eq!(pairs, [("Belnet", 1), ("CCB", 0), ("", 1)]);
        filter.toggle_facet(Field::Actor, "");
        assert_eq!(
            shown(&filter),
            ["c", "d"],
            "events without an actor can be chosen"
        );
        filter.facets.clear();
        filter.date_range = (
            Some(
                "2020"
                    .parse::<crate::model::TimePoint>()
                    .unwrap()
                    .start_secs(),
            ),
            Some(
                "2021"
                    .parse::<crate::model::TimePoint>()
                    .unwrap()
                    .start_secs(),
            ),
        );
        assert_eq!(shown(&filter), ["b"], "the range keeps what overlaps it");
        filter.toggle_facet(Field::File, "a.json");
        assert_eq!(shown(&filter), ["b"]);
        filter.toggle_facet(Field::File, "a.json");
        filter.toggle_facet(Field::File, "other.json");
        assert!(shown(&filter).is_empty());
        filter.toggle_facet(Field::File, "other.json");
        assert!(
            !filter.facets.contains_key(&Field::File),
            "emptied facets go"
        );
    }

    #[test]
    fn hidden_categories_hide() {
        let d = dataset(vec![event("a", "2019", &[], Some("incident"))]);
        let hidden = Filter {
            hidden_categories: ["incident".to_owned()].into(),
            ..Filter::default()
        };
        assert!(!hidden.matches(&d, d.events.get(0).unwrap()));
    }
}
