//! A ClickHouse table in the window: connected once (count, range, title, categories,
//! periods), then asked for each view the user reaches. The view never waits: it draws the last
//! answer (resampled to the view) and says "querying…" while a newer question runs on a thread;
//! answers older than the one shown are dropped.

use std::sync::Arc;

use super::{AppState, Delivery, Effect, FileSource, OpenFile, PickMode, Reply};
use crate::i18n::Said;
use crate::io::LoadedFile;
use crate::io::clickhouse::{self as ch, filter::Condition, window::Question};
use crate::model::DatasetPart;
use crate::model::filter::{FacetValue, Field};
use crate::timeline::{CountedLanes, TimeView};

/// A lane with more events than this in the asked range (twice the view) is counted by the
/// server; twice the most a lane shows one by one in a view.
pub const ASK_LIMIT: u64 = 2 * *crate::timeline::scene::DETAIL_LIMIT.end() as u64;

/// The open table.
#[derive(Clone, Debug, PartialEq)]
pub struct RemoteTable {
    /// Its address (no password).
    pub address: String,
    /// Title, categories and periods.
    pub header: Arc<DatasetPart>,
    /// Events in the table, counted by the server.
    pub events: u64,
    /// Earliest start and latest end, seconds.
    pub extent: Option<(f64, f64)>,
    /// The newest question sent, and its number.
    asked: Option<(u64, Question)>,
    /// The question the shown data answers, and its number.
    answered: Option<(u64, Question)>,
    /// The lanes counted in the shown answer.
    pub counted: Option<Arc<CountedLanes>>,
    /// Their keys and events.
    pub counted_keys: Vec<(String, usize)>,
    /// What the shown answer's lanes are made by.
    pub counted_by: Option<Field>,
    /// Events per category in the whole table.
    pub lanes: Vec<(String, u64)>,
    /// Whether the table has Annals' counts per lane and hour.
    rollup: bool,
    /// The password typed when it was connected (in memory only).
    password: Option<ch::Password>,
    /// Events of the shown answer, per category.
    fetched: Vec<(String, usize)>,
    generation: u64,
    /// Facet values counted by the server: per field, the condition they were asked under and
    /// the answer (`None` while counting).
    facets: std::collections::BTreeMap<Field, (Option<Condition>, Option<FacetCounted>)>,
    /// The whole table's counts for the overview strip, and the condition they were made under.
    overview: Option<(Option<Condition>, Arc<TableOverview>)>,
    /// The last answers, newest first: a view one of them serves (panning back, zooming out
    /// again) is drawn from it without asking.
    recent: RecentAnswers,
}

/// Answers kept for going back to.
const RECENT_ANSWERS: usize = 8;

/// The last answers, newest first (equal when they answer the same questions).
#[derive(Clone, Debug, Default)]
struct RecentAnswers(std::collections::VecDeque<ch::window::Answer>);

impl PartialEq for RecentAnswers {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|(a, b)| a.question == b.question)
    }
}

/// Events starting in equal bins over the table's whole range, counted by the server under the
/// filter: the overview strip's shading for a table.
#[derive(Clone, Debug, PartialEq)]
pub struct TableOverview {
    /// Start of the counted range.
    pub min_secs: f64,
    /// End of the counted range.
    pub max_secs: f64,
    /// Events per bin.
    pub counts: Vec<u32>,
    /// Changes with every new overview (the strip is redrawn).
    pub generation: u64,
}

/// Count one facet's values on the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountFacet {
    /// The table.
    pub address: String,
    /// The facet.
    pub field: Field,
    /// The filter without the facet itself.
    pub condition: Option<Condition>,
    /// Whether the table has hourly counts.
    pub rollup: bool,
    /// The password typed when the table was connected, if any.
    pub password: Option<ch::Password>,
}

/// A facet's values and counts on the server (or why not).
pub type FacetCounted = Result<Vec<(String, u64)>, Said>;

impl CountFacet {
    /// Asks the server.
    pub fn run(&self) -> Reply {
        let result = ch::Target::parse(&self.address)
            .and_then(|target| {
                let client = ch::Client::with_typed(target, self.password.as_ref());
                ch::filter::facet_counts(&client, self.field, self.condition.as_ref(), self.rollup)
            })
            .map_err(|e| e.said());
        Reply::FacetCounted(self.clone(), Delivery::new(result))
    }
}

/// Where a table's counts for a facet are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerFacet {
    /// No table is open (or the facet is the file facet): counted here.
    NotAsked,
    /// Not asked under the current filter yet.
    Needed,
    /// The server is counting.
    Counting,
    /// Counted (merged into [`AppState::facet_values`]).
    Counted,
    /// The server could not count.
    Failed(Said),
}

/// Connect to a table: count it, find its range, read its header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connect {
    /// The address as given.
    pub address: String,
    /// Replace what is open, or add to it.
    pub mode: PickMode,
    /// A password typed in the window (else [`ch::PASSWORD_VARIABLE`], else none).
    pub password: Option<ch::Password>,
}

/// What a connection found.
pub type Connected = Result<ch::Summary, Said>;

impl Connect {
    /// Asks the server (on a thread: it may take a network round trip or a timeout).
    pub fn run(&self) -> Reply {
        let result = ch::Target::parse(&self.address)
            .and_then(|target| ch::summary(&ch::Client::with_typed(target, self.password.as_ref())))
            .map_err(|e| e.said());
        Reply::Connected(self.clone(), Delivery::new(result))
    }
}

/// One question for a table's thread.
#[derive(Clone, Debug)]
pub struct Ask {
    /// Its number: answers to older questions than the one shown are dropped.
    pub generation: u64,
    /// The table.
    pub address: String,
    /// Its header (the events come back under it, read by the native reader).
    pub header: Arc<DatasetPart>,
    /// The range and the limit.
    pub question: Question,
    /// The password typed when the table was connected, if any.
    pub password: Option<ch::Password>,
}

impl PartialEq for Ask {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation && self.address == other.address
    }
}

impl Eq for Ask {}

/// What a table answered (or why not).
pub type Answered = Result<ch::window::Answer, Said>;

impl Ask {
    /// Asks the server.
    pub fn run(&self) -> Reply {
        let result = ch::Target::parse(&self.address)
            .and_then(|target| {
                let client = ch::Client::with_typed(target, self.password.as_ref());
                ch::window::ask(&client, &self.header, self.question.clone())
            })
            .map_err(|e| e.said());
        Reply::TableAnswered(self.generation, Delivery::new(result))
    }
}

impl RemoteTable {
    /// Whether the shown answer is older than the question asked last.
    pub fn querying(&self) -> bool {
        self.asked.as_ref().map(|(g, _)| *g) > self.answered.as_ref().map(|(g, _)| *g)
    }

    /// Whether `question` serves `view` under the filter's `condition`: it was asked with that
    /// condition, holds the view, and is at most four times as wide (zoomed in further, lanes
    /// it counted may have few enough events to show one by one).
    fn serves(
        question: &Question,
        view: &TimeView,
        condition: Option<&Condition>,
        lanes_by: Option<Field>,
    ) -> bool {
        let (min, max) = (view.min_secs, view.max_secs());
        question.condition.as_ref() == condition
            && question.lanes_by == lanes_by
            && question.min_secs <= min
            && question.max_secs >= max
            && (question.max_secs - question.min_secs) <= 4.0 * (max - min).max(1.0)
    }

    /// The question for `view`: the view and half its width on each side (a pan stays within
    /// it), within the table's range.
    fn question_for(
        &self,
        view: &TimeView,
        condition: Option<Condition>,
        lanes_by: Option<Field>,
    ) -> Question {
        let span = view.max_secs() - view.min_secs;
        let (mut min, mut max) = (view.min_secs - span / 2.0, view.max_secs() + span / 2.0);
        if let Some((lo, hi)) = self.extent {
            min = min.max(lo - span / 2.0);
            max = max.min(hi + span / 2.0);
        }
        Question {
            min_secs: min,
            max_secs: max.max(min + 1.0),
            limit: ASK_LIMIT,
            rollup: self.rollup,
            // The whole range is counted again for the overview when the filter changed.
            whole: self
                .extent
                .filter(|_| self.overview.as_ref().is_none_or(|(c, _)| *c != condition)),
            condition,
            lanes_by,
        }
    }
}

impl AppState {
    /// Opens a table: asks for its count, range and header on a thread.
    pub(super) fn connect(
        address: String,
        mode: PickMode,
        password: Option<ch::Password>,
    ) -> Effect {
        Effect::Connect(Connect {
            address,
            mode,
            password,
        })
    }

    /// A connection's answer: the table is shown (its header at once, its events as asked for
    /// the fitted view), or the failure is listed with the files that could not be opened.
    pub(super) fn connected(&mut self, connect: &Connect, result: Option<Connected>) {
        let summary = match result {
            Some(Ok(summary)) => summary,
            Some(Err(why)) => {
                self.add_failed_table(&connect.address, why);
                return;
            }
            None => {
                self.add_failed_table(&connect.address, Said::new("job-no-thread"));
                return;
            }
        };
        let address = ch::Target::parse(&connect.address)
            .map_or_else(|_| ch::redacted(&connect.address), |t| t.address());
        if connect.mode == PickMode::Open {
            self.reclaim_events();
            self.files.clear();
            self.failed.clear();
            self.selection = None;
        }
        self.files
            .retain(|f| f.source != FileSource::Table(address.clone()));
        self.failed.retain(|f| f.name != address);
        let mut header = summary.header;
        header.info.path.clone_from(&address);
        let extent = summary
            .first
            .zip(summary.last)
            .map(|(first, last)| (first.start_secs(), last.end_secs()));
        self.files.push(OpenFile {
            source: FileSource::Table(address.clone()),
            loaded: LoadedFile {
                part: header.clone(),
                issues: Vec::new(),
            },
        });
        self.remote = Some(RemoteTable {
            address,
            header: Arc::new(header),
            events: summary.events,
            extent,
            asked: None,
            answered: None,
            counted: None,
            counted_keys: Vec::new(),
            counted_by: None,
            lanes: summary.lanes,
            rollup: summary.rollup,
            password: connect.password.clone(),
            fetched: Vec::new(),
            generation: 0,
            facets: std::collections::BTreeMap::new(),
            overview: None,
            recent: RecentAnswers::default(),
        });
        self.rebuild();
        self.fit_all();
        self.restore_pending_session();
    }

    /// A table that could not be opened is listed with the files that could not (not watched:
    /// opening it again retries).
    fn add_failed_table(&mut self, address: &str, why: Said) {
        self.record_failed(super::FailedFile {
            path: None,
            name: ch::redacted(address),
            reason: why,
            location: None,
        });
    }

    /// A question for the view if the shown answer (or the one on its way) does not serve it.
    pub(super) fn with_table_question(&mut self, mut effects: Vec<Effect>) -> Vec<Effect> {
        let view = self.view;
        let Some(remote) = self.remote.as_mut() else {
            return effects;
        };
        // The server counts and sends only what the filter shows.
        let condition = ch::filter::condition(&self.filter, &remote.address, None);
        // The server counts the lanes the window shows.
        let lanes_by = self.lanes.by;
        if remote
            .asked
            .as_ref()
            .is_some_and(|(_, q)| RemoteTable::serves(q, &view, condition.as_ref(), lanes_by))
        {
            return effects;
        }
        remote.generation += 1;
        // A view answered a moment ago is drawn again from its answer.
        if let Some(answer) = remote
            .recent
            .0
            .iter()
            .find(|a| RemoteTable::serves(&a.question, &view, condition.as_ref(), lanes_by))
            .cloned()
        {
            let generation = remote.generation;
            remote.asked = Some((generation, answer.question.clone()));
            self.install_answer(generation, answer);
            return effects;
        }
        let question = remote.question_for(&view, condition, lanes_by);
        remote.asked = Some((remote.generation, question.clone()));
        effects.push(Effect::AskTable(Ask {
            generation: remote.generation,
            address: remote.address.clone(),
            header: Arc::clone(&remote.header),
            question,
            password: remote.password.clone(),
        }));
        effects
    }

    /// A table's answer: its events replace the last answer's, its counted lanes are drawn
    /// as density. Answers older than the one shown are dropped.
    pub(super) fn table_answered(&mut self, generation: u64, result: Option<Answered>) {
        let Some(remote) = self.remote.as_mut() else {
            return;
        };
        if remote
            .answered
            .as_ref()
            .is_some_and(|(g, _)| *g >= generation)
        {
            return;
        }
        let answer = match result {
            Some(Ok(answer)) => answer,
            Some(Err(why)) => {
                // The last answer stays; the problem is said once.
                remote.answered.clone_from(&remote.asked);
                let message = self.said("toast-table-failed", &why);
                self.toast(message, true);
                return;
            }
            None => return,
        };
        self.install_answer(generation, answer);
    }

    /// Shows `answer` (to question `generation`): its events replace the last answer's, its
    /// counted lanes are drawn as density, and it is kept for going back to.
    fn install_answer(&mut self, generation: u64, mut answer: ch::window::Answer) {
        let Some(remote) = self.remote.as_mut() else {
            return;
        };
        if let Some((min_secs, max_secs, counts)) = answer.whole.take() {
            let generation = remote.overview.as_ref().map_or(0, |(_, o)| o.generation) + 1;
            remote.overview = Some((
                answer.question.condition.clone(),
                Arc::new(TableOverview {
                    min_secs,
                    max_secs,
                    counts,
                    generation,
                }),
            ));
        }
        remote.recent.0.retain(|a| a.question != answer.question);
        remote.recent.0.push_front(answer.clone());
        remote.recent.0.truncate(RECENT_ANSWERS);
        let question = answer.question;
        let (min_secs, max_secs) = (question.min_secs, question.max_secs);
        remote.counted_by = question.lanes_by;
        remote.answered = Some((generation, question));
        remote.counted_keys = answer
            .counted
            .iter()
            .map(|(key, total, _)| (key.clone(), usize::try_from(*total).unwrap_or(usize::MAX)))
            .collect();
        remote.counted = Some(Arc::new(CountedLanes {
            min_secs,
            max_secs,
            lanes: answer
                .counted
                .into_iter()
                .map(|(key, _, bins)| (key, bins))
                .collect(),
        }));
        let mut fetched: Vec<(String, usize)> = Vec::new();
        for event in &answer.events.part.events {
            let category = event.category().unwrap_or("");
            match fetched.iter_mut().find(|(c, _)| c == category) {
                Some((_, n)) => *n += 1,
                None => fetched.push((category.to_owned(), 1)),
            }
        }
        remote.fetched = fetched;
        let address = remote.address.clone();
        let mut part = answer.events.part;
        part.info.path.clone_from(&address);
        if let Some(file) = self
            .files
            .iter_mut()
            .find(|f| f.source == FileSource::Table(address.clone()))
        {
            file.loaded.part = part;
        }
        self.rebuild();
    }

    /// The open table's overview counts, if made under the filter as it is now.
    pub fn table_overview(&self) -> Option<&TableOverview> {
        let remote = self.remote.as_ref()?;
        let (condition, overview) = remote.overview.as_ref()?;
        (*condition == ch::filter::condition(&self.filter, &remote.address, None))
            .then_some(overview.as_ref())
    }

    /// Whether the open table's counts for `field` are needed, on their way or here.
    pub fn server_facet(&self, field: Field) -> ServerFacet {
        let Some(remote) = self.remote.as_ref().filter(|_| field != Field::File) else {
            return ServerFacet::NotAsked;
        };
        let condition = ch::filter::condition(&self.filter, &remote.address, Some(field));
        match remote.facets.get(&field) {
            Some((asked, answer)) if *asked == condition => match answer {
                None => ServerFacet::Counting,
                Some(Ok(_)) => ServerFacet::Counted,
                Some(Err(why)) => ServerFacet::Failed(why.clone()),
            },
            _ => ServerFacet::Needed,
        }
    }

    /// Asks the server to count `field`'s values under the current filter (once per filter).
    pub(super) fn count_facet(&mut self, field: Field) -> Vec<Effect> {
        if self.server_facet(field) != ServerFacet::Needed {
            return Vec::new();
        }
        let Some(remote) = self.remote.as_mut() else {
            return Vec::new();
        };
        let condition = ch::filter::condition(&self.filter, &remote.address, Some(field));
        remote.facets.insert(field, (condition.clone(), None));
        vec![Effect::CountFacet(CountFacet {
            address: remote.address.clone(),
            field,
            condition,
            rollup: remote.rollup,
            password: remote.password.clone(),
        })]
    }

    /// The server's counts for a facet: kept if they answer the question still asked.
    pub(super) fn facet_counted(&mut self, ask: &CountFacet, result: Option<FacetCounted>) {
        let Some(remote) = self.remote.as_mut().filter(|r| r.address == ask.address) else {
            return;
        };
        let Some((asked, answer)) = remote.facets.get_mut(&ask.field) else {
            return;
        };
        if *asked != ask.condition {
            return;
        }
        *answer = Some(result.unwrap_or_else(|| Err(Said::new("job-no-thread"))));
        self.facets = Default::default();
    }

    /// `field`'s values with an open table: the server's counts for the table, and the other
    /// files' own counts (the table's events in memory are only the last answer's).
    pub(super) fn table_facet_values(&self, field: Field) -> Option<Vec<FacetValue>> {
        let remote = self.remote.as_ref().filter(|_| field != Field::File)?;
        let mut local_filter = self.filter.clone();
        let others: std::collections::BTreeSet<String> = self
            .dataset
            .files
            .iter()
            .map(|f| f.path.clone())
            .filter(|p| *p != remote.address)
            .filter(|p| {
                self.filter
                    .facets
                    .get(&Field::File)
                    .is_none_or(|chosen| chosen.contains(p))
            })
            .collect();
        let mut values: Vec<FacetValue> = if others.is_empty() {
            Vec::new()
        } else {
            local_filter.facets.insert(Field::File, others);
            crate::model::filter::facet_counts(&self.dataset, &local_filter, field)
        };
        let condition = ch::filter::condition(&self.filter, &remote.address, Some(field));
        // Only counts made under the filter as it is now.
        if let Some((asked, Some(Ok(counts)))) = remote.facets.get(&field)
            && *asked == condition
        {
            for (value, n) in counts {
                let n = usize::try_from(*n).unwrap_or(usize::MAX);
                match values.iter_mut().find(|v| v.value == *value) {
                    Some(v) => v.count = v.count.saturating_add(n),
                    None => values.push(FacetValue {
                        value: value.clone(),
                        count: n,
                    }),
                }
            }
        }
        // A chosen value stays listed (to be un-chosen) when nothing has it any more.
        for chosen in self.filter.facets.get(&field).into_iter().flatten() {
            if !values.iter().any(|v| v.value == *chosen) {
                values.push(FacetValue {
                    value: chosen.clone(),
                    count: 0,
                });
            }
        }
        // Most first, then by name, "none" last (as for files).
        values.sort_by(|a, b| {
            (a.value.is_empty(), std::cmp::Reverse(a.count), &a.value).cmp(&(
                b.value.is_empty(),
                std::cmp::Reverse(b.count),
                &b.value,
            ))
        });
        Some(values)
    }

    /// The earliest start and latest end of what is open, the table's whole range included.
    pub fn data_extent(&self) -> Option<(f64, f64)> {
        let table = self.remote.as_ref().and_then(|r| r.extent);
        match (self.dataset.extent_secs(), table) {
            (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
            (a, b) => a.or(b),
        }
    }

    /// Events in everything open: the table's count, not only the events of the last answer.
    pub fn total_events(&self) -> usize {
        let local = self.dataset.events.len();
        match &self.remote {
            Some(remote) => {
                let fetched: usize = remote.fetched.iter().map(|(_, n)| n).sum();
                local.saturating_sub(fetched) + usize::try_from(remote.events).unwrap_or(usize::MAX)
            }
            None => local,
        }
    }

    /// Events shown: with a table open and nothing filtered, all of them. (With a filter, the
    /// events of the last answer that pass it: the server counts a filtered table per view,
    /// not whole.)
    pub fn shown_events(&self) -> usize {
        if self.remote.is_some() && self.filter.is_empty() {
            self.total_events()
        } else {
            self.shown.len()
        }
    }

    /// Events in category `i` of the dataset, the table's whole count included.
    pub fn category_count(&self, i: usize) -> usize {
        let local = self.dataset.category_counts.get(i).copied().unwrap_or(0);
        let (Some(remote), Some(category)) = (&self.remote, self.dataset.categories.get(i)) else {
            return local;
        };
        let id = category.id.as_str();
        let fetched = remote
            .fetched
            .iter()
            .find(|(c, _)| c == id)
            .map_or(0, |(_, n)| *n);
        let table = remote
            .lanes
            .iter()
            .find(|(c, _)| c == id)
            .map_or(0, |(_, n)| usize::try_from(*n).unwrap_or(usize::MAX));
        local.saturating_sub(fetched) + table
    }

    /// Events of file `i` of the dataset: a table's whole count.
    pub fn file_count(&self, i: usize) -> usize {
        let local = self.dataset.file_counts.get(i).copied().unwrap_or(0);
        match (&self.remote, self.dataset.files.get(i)) {
            (Some(remote), Some(file)) if file.path == remote.address => {
                usize::try_from(remote.events).unwrap_or(usize::MAX)
            }
            _ => local,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{FilesCommand, ViewCommand};

    const ADDRESS: &str = "clickhouse://127.0.0.1:9/db/events";

    fn header() -> DatasetPart {
        crate::io::load_text(
            "h.json",
            r#"{"annals": 1, "title": "T", "categories": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}], "events": []}"#,
        )
        .unwrap()
        .part
    }

    /// A table of 2021: 1,000,000 events in lane `a`, 3 in lane `b`.
    fn connected_state() -> (AppState, Vec<Effect>) {
        let mut state = AppState::default();
        let effects = state.apply(FilesCommand::OpenFiles(vec![ADDRESS.into()]));
        let [Effect::Connect(connect)] = effects.as_slice() else {
            panic!("a table connects on a thread: {effects:?}");
        };
        let summary = ch::Summary {
            events: 1_000_003,
            periods: 0,
            first: Some("2021-01-01".parse().unwrap()),
            last: Some("2021-12-31".parse().unwrap()),
            header: header(),
            lanes: vec![("a".into(), 1_000_000), ("b".into(), 3)],
            rollup: true,
        };
        let effects = state.receive(Reply::Connected(
            connect.clone(),
            Delivery::new(Ok(summary)),
        ));
        (state, effects)
    }

    fn answer(ask: &Ask, titles: &[&str]) -> Reply {
        let events: Vec<String> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| {
                format!(
                    r#"{{"id": "e{i}", "title": "{t}", "start": "2021-06-0{}", "category": "b"}}"#,
                    i + 1
                )
            })
            .collect();
        let text = format!(
            r#"{{"annals": 1, "categories": [{{"id": "a", "label": "A"}}, {{"id": "b", "label": "B"}}], "events": [{}]}}"#,
            events.join(",")
        );
        let events = crate::io::load_text(ADDRESS, &text).unwrap();
        let answer = ch::window::Answer {
            question: ask.question.clone(),
            events,
            counted: vec![("a".into(), 900_000, vec![900; 1000])],
            lanes: vec![("a".into(), 900_000), ("b".into(), titles.len() as u64)],
            whole: ask.question.whole.map(|(a, b)| (a, b, vec![7; 64])),
        };
        Reply::TableAnswered(ask.generation, Delivery::new(Ok(answer)))
    }

    fn asked(effects: &[Effect]) -> Ask {
        effects
            .iter()
            .find_map(|e| match e {
                Effect::AskTable(ask) => Some(ask.clone()),
                _ => None,
            })
            .expect("a question for the table")
    }

    #[test]
    fn a_connected_table_is_fitted_and_asked_for_its_view() {
        let (state, effects) = connected_state();
        let ask = asked(&effects);
        let remote = state.remote.as_ref().unwrap();
        assert!(remote.querying(), "the status bar says querying…");
        assert_eq!(state.busy(), Some("querying"));
        assert_eq!(state.total_events(), 1_000_003);
        assert_eq!(state.category_count(0), 1_000_000);
        // The question holds the view, with room to pan.
        assert!(ask.question.min_secs <= state.view.min_secs);
        assert!(ask.question.max_secs >= state.view.max_secs());
        assert_eq!(ask.question.limit, ASK_LIMIT);
        assert_eq!(state.dataset.title_in(crate::i18n::Lang::En), "T");
    }

    #[test]
    fn a_filter_goes_to_the_server_and_a_new_filter_asks_again() {
        use crate::app::FilterCommand;
        use crate::model::filter::Field;
        let (mut state, effects) = connected_state();
        let first = asked(&effects);
        assert_eq!(first.question.condition, None);
        // Hiding a lane: the server leaves it out (and may still use its hourly counts).
        let hidden = asked(&state.apply(FilterCommand::ToggleCategory("a".into())));
        let condition = hidden.question.condition.clone().expect("a condition");
        assert_eq!(&*condition.sql, "category NOT IN ('a')");
        assert!(condition.categories_only);
        // An actor facet: a new question, its condition names the actor.
        let actor = asked(&state.apply(FilterCommand::ToggleFacet(Field::Actor, "Belnet".into())));
        assert!(actor.generation > hidden.generation);
        let condition = actor.question.condition.clone().expect("a condition");
        assert!(condition.sql.contains("hasAny(actors, ['Belnet'])"));
        assert!(!condition.categories_only);
        // A search that only highlights asks nothing new; one that hides does.
        let effects = state.apply(FilterCommand::SetQuery("ddos".into()));
        assert!(!effects.iter().any(|e| matches!(e, Effect::AskTable(_))));
        let search = asked(&state.apply(FilterCommand::SetOnlyMatches(true)));
        assert!(search.question.condition.unwrap().sql.contains("'ddos'"));
        // Cleared: back to the whole table.
        let cleared = asked(&state.apply(FilterCommand::ClearFilters));
        assert_eq!(cleared.question.condition, None);
    }

    #[test]
    fn lanes_by_another_field_are_asked_for_and_counted_only_when_they_match() {
        use crate::app::LanesCommand;
        use crate::model::filter::Field;
        let (mut state, effects) = connected_state();
        let first = asked(&effects);
        assert_eq!(first.question.lanes_by, Some(Field::Category));
        let _ = state.receive(answer(&first, &["one"]));
        assert!(state.lane_spec().counted.iter().any(|(k, _)| k == "a"));
        // Lanes by actor: asked again; until the answer, the lanes by category it counted are
        // not taken for actor lanes.
        let by_actor = asked(&state.apply(LanesCommand::SetLanesBy(Some(Field::Actor))));
        assert_eq!(by_actor.question.lanes_by, Some(Field::Actor));
        assert!(state.lane_spec().counted.is_empty());
        let _ = state.receive(answer(&by_actor, &["two"]));
        assert_eq!(state.lane_spec().counted, [("a".to_owned(), 900_000)]);
        assert_eq!(
            state.remote.as_ref().unwrap().counted_by,
            Some(Field::Actor)
        );
    }

    #[test]
    fn going_back_to_a_view_draws_it_from_its_answer_without_asking() {
        let (mut state, effects) = connected_state();
        let first = asked(&effects);
        let _ = state.receive(answer(&first, &["whole year"]));
        let year = state.view;
        // Zoomed in to a week: asked, answered.
        let week = TimeView::from_min_max(
            year.min_secs + 150.0 * 86_400.0,
            year.min_secs + 157.0 * 86_400.0,
        );
        let second = asked(&state.apply(ViewCommand::SetView(week)));
        let _ = state.receive(answer(&second, &["one week"]));
        // Back to the year: drawn at once from the first answer, nothing asked.
        let effects = state.apply(ViewCommand::SetView(year));
        assert!(
            !effects.iter().any(|e| matches!(e, Effect::AskTable(_))),
            "{effects:?}"
        );
        assert!(!state.remote.as_ref().unwrap().querying());
        let titles: Vec<String> = state
            .dataset
            .events
            .iter()
            .map(|e| e.title().to_owned())
            .collect();
        assert_eq!(titles, ["whole year"]);
        // And the week again, from its own.
        let _ = state.apply(ViewCommand::SetView(week));
        assert_eq!(
            state.dataset.events.iter().next().unwrap().title(),
            "one week"
        );
        // A filter changes the question: those answers do not serve it.
        let effects = state.apply(crate::app::FilterCommand::ToggleCategory("a".into()));
        assert!(effects.iter().any(|e| matches!(e, Effect::AskTable(_))));
    }

    #[test]
    fn the_overview_is_counted_once_per_filter() {
        use crate::app::FilterCommand;
        let (mut state, effects) = connected_state();
        let first = asked(&effects);
        let (lo, hi) = state.remote.as_ref().unwrap().extent.unwrap();
        assert_eq!(first.question.whole, Some((lo, hi)), "the whole table");
        assert_eq!(state.table_overview(), None);
        let _ = state.receive(answer(&first, &["one"]));
        let overview = state.table_overview().expect("counted").clone();
        assert_eq!(overview.counts, vec![7; 64]);
        // Moving the view does not count the whole table again.
        let moved = asked(&state.apply(ViewCommand::ZoomBy(8.0)));
        assert_eq!(moved.question.whole, None);
        // A filter does; until it is answered the old counts are not shown as the new ones.
        let filtered = asked(&state.apply(FilterCommand::ToggleCategory("a".into())));
        assert_eq!(filtered.question.whole, Some((lo, hi)));
        assert_eq!(state.table_overview(), None);
        let _ = state.receive(answer(&filtered, &["two"]));
        let again = state.table_overview().expect("counted again");
        assert!(again.generation > overview.generation);
    }

    #[test]
    fn facet_counts_come_from_the_server_once_per_filter() {
        use crate::app::FilterCommand;
        use crate::model::filter::Field;
        let (mut state, _) = connected_state();
        assert_eq!(state.server_facet(Field::Actor), ServerFacet::Needed);
        // The file facet is counted here: a table is one file.
        assert_eq!(state.server_facet(Field::File), ServerFacet::NotAsked);
        let effects = state.apply(FilterCommand::CountFacet(Field::Actor));
        let [Effect::CountFacet(count)] = effects.as_slice() else {
            panic!("the server counts: {effects:?}");
        };
        assert_eq!((count.field, count.condition.clone()), (Field::Actor, None));
        assert_eq!(state.server_facet(Field::Actor), ServerFacet::Counting);
        // Asked once: the panel asking again every frame sends nothing more.
        assert!(
            state
                .apply(FilterCommand::CountFacet(Field::Actor))
                .is_empty()
        );
        let counts = vec![("CCB".to_owned(), 700_000), (String::new(), 300_003)];
        let _ = state.receive(Reply::FacetCounted(
            count.clone(),
            Delivery::new(Ok(counts)),
        ));
        assert_eq!(state.server_facet(Field::Actor), ServerFacet::Counted);
        let values = state.facet_values(Field::Actor);
        assert_eq!(
            values
                .iter()
                .map(|v| (v.value.as_str(), v.count))
                .collect::<Vec<_>>(),
            [("CCB", 700_000), ("", 300_003)]
        );
        // Choosing an actor leaves the actor counts as they are (their own facet is left
        // out), but the tag counts are asked again under it.
        let _ = state.apply(FilterCommand::ToggleFacet(Field::Actor, "CCB".into()));
        assert_eq!(state.server_facet(Field::Actor), ServerFacet::Counted);
        let effects = state.apply(FilterCommand::CountFacet(Field::Tag));
        let [Effect::CountFacet(tags)] = effects.as_slice() else {
            panic!("tags are counted: {effects:?}");
        };
        assert!(tags.condition.as_ref().unwrap().sql.contains("'CCB'"));
        // Hiding a lane changes the actor counts' question: an answer to the old one is
        // dropped.
        let _ = state.apply(FilterCommand::ToggleCategory("a".into()));
        assert_eq!(state.server_facet(Field::Actor), ServerFacet::Needed);
        let _ = state.receive(Reply::FacetCounted(
            count.clone(),
            Delivery::new(Ok(vec![("stale".to_owned(), 1)])),
        ));
        assert_eq!(state.server_facet(Field::Actor), ServerFacet::Needed);
        assert!(
            !state
                .facet_values(Field::Actor)
                .iter()
                .any(|v| v.value == "stale")
        );
        // The chosen actor stays listed to be un-chosen.
        assert!(
            state
                .facet_values(Field::Actor)
                .iter()
                .any(|v| v.value == "CCB")
        );
    }

    #[test]
    fn answers_fill_the_lanes_and_old_answers_are_dropped() {
        let (mut state, effects) = connected_state();
        let first = asked(&effects);
        // Zoomed to a week before the first answer: a second question.
        let week = TimeView::from_min_max(
            "2021-06-01"
                .parse::<crate::model::TimePoint>()
                .unwrap()
                .start_secs(),
            "2021-06-07"
                .parse::<crate::model::TimePoint>()
                .unwrap()
                .end_secs(),
        );
        let second = asked(&state.apply(ViewCommand::SetView(week)));
        assert!(second.generation > first.generation);
        // A pan within the asked range asks nothing new.
        let effects = state.apply(ViewCommand::PanBy(0.1));
        assert!(!effects.iter().any(|e| matches!(e, Effect::AskTable(_))));

        // The newer answer first, then the older: the older is dropped.
        let _ = state.receive(answer(&second, &["new one", "new two"]));
        let _ = state.receive(answer(&first, &["old"]));
        let titles: Vec<String> = state
            .dataset
            .events
            .iter()
            .map(|e| e.title().to_owned())
            .collect();
        assert_eq!(titles, ["new one", "new two"]);
        assert!(!state.remote.as_ref().unwrap().querying());
        assert_eq!(state.busy(), None);
        // Lane `a` is counted: a lane with no event here, drawn from the counts.
        let keys: Vec<&str> = state.layout.lanes.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(state.layout.lanes[0].count, 900_000);
        assert!(state.scene_extras().counted.unwrap().lane("a").is_some());
        // Totals are the table's, not the answer's.
        assert_eq!(state.total_events(), 1_000_003);
        assert_eq!(state.category_count(1), 3);
        // Hiding the counted category hides its lane.
        let _ = state.apply(crate::app::FilterCommand::ToggleCategory("a".into()));
        let keys: Vec<&str> = state.layout.lanes.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["b"]);
    }

    #[test]
    fn a_table_that_cannot_be_reached_is_listed_without_its_password() {
        let mut state = AppState::default();
        let connect = Connect {
            address: "clickhouse://u:secret@127.0.0.1:9/db/t".into(),
            mode: PickMode::Open,
            password: None,
        };
        let why = Said::verbatim("connection refused");
        let _ = state.receive(Reply::Connected(connect, Delivery::new(Err(why))));
        assert_eq!(state.failed.len(), 1);
        assert!(
            !state.failed[0].name.contains("secret"),
            "{}",
            state.failed[0].name
        );
        assert!(state.remote.is_none());
    }

    #[test]
    fn a_typed_password_goes_with_every_question_and_nowhere_else() {
        let mut state = AppState::default();
        let effects = state.apply(FilesCommand::ConnectTable {
            address: ADDRESS.into(),
            password: ch::Password::new("s3cr3t-typed"),
        });
        let [Effect::Connect(connect)] = effects.as_slice() else {
            panic!("a table connects on a thread: {effects:?}");
        };
        assert_eq!(
            connect.password.as_ref().map(ch::Password::expose),
            Some("s3cr3t-typed")
        );
        let summary = ch::Summary {
            events: 10,
            periods: 0,
            first: Some("2021-01-01".parse().unwrap()),
            last: Some("2021-12-31".parse().unwrap()),
            header: header(),
            lanes: vec![("b".into(), 10)],
            rollup: false,
        };
        let effects = state.receive(Reply::Connected(
            connect.clone(),
            Delivery::new(Ok(summary)),
        ));
        let ask = asked(&effects);
        assert_eq!(
            ask.password.as_ref().map(ch::Password::expose),
            Some("s3cr3t-typed")
        );
        // Zoomed, the next question carries it too.
        let _ = state.receive(answer(&ask, &["One"]));
        let effects = state.apply(crate::app::ViewCommand::ZoomBy(100.0));
        let next = asked(&effects);
        assert!(next.generation > ask.generation);
        assert_eq!(
            next.password.as_ref().map(ch::Password::expose),
            Some("s3cr3t-typed")
        );
        // Never printed, never in a session.
        let printed = format!("{effects:?} {connect:?} {state:?}");
        assert!(!printed.contains("s3cr3t"), "printed");
        let session = state.capture_session(std::path::Path::new("/tmp/x.annals-session.json"));
        let saved = serde_json::to_string(&session).unwrap();
        assert!(saved.contains("clickhouse://"), "{saved}");
        assert!(!saved.contains("s3cr3t"), "{saved}");
    }
}
