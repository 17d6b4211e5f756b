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
use crate::model::filter::Field;
use crate::timeline::{CountedLanes, TimeView};

mod facets;
pub use facets::{CountFacet, FacetCounted, ServerFacet};

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

/// A client for the table at `address`, with the password typed for it if any.
fn client(
    address: &str,
    password: Option<&ch::Password>,
) -> Result<ch::Client, ch::ClickHouseError> {
    ch::Target::parse(address).map(|target| ch::Client::with_typed(target, password))
}

impl Connect {
    /// Asks the server (on a thread: it may take a network round trip or a timeout).
    pub fn run(&self) -> Reply {
        let result = client(&self.address, self.password.as_ref())
            .and_then(|client| ch::summary(&client))
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
        let result = client(&self.address, self.password.as_ref())
            .and_then(|client| ch::window::ask(&client, &self.header, self.question.clone()))
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
mod tests;
