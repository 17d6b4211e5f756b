//! Reading one record of the native format (an event, a period, a category, with their sources
//! and links), each from its own raw slice so a bad value is located exactly.

use std::borrow::Cow;

use serde_json::value::RawValue;

use super::ids::finish_events;
use crate::i18n::Said;
use crate::io::json::{Fault, Reader, kind_of, numbered, record_name};
use crate::model::event::parse_hex_color;
use crate::model::store::{Core, Extra, LabelKind};
use crate::model::{Category, EventStore, Link, LinkKind, Period, Severity, Source, TimePoint};

pub(in crate::io) const EVENT_FIELDS: &[&str] = &[
    "id",
    "title",
    "start",
    "end",
    "category",
    "tags",
    "actors",
    "targets",
    "description",
    "sources",
    "disclosed",
    "links",
    "severity",
    "circa",
    "display_date",
    "translations",
];

/// One event record as read, borrowing its strings from the file where it can; reused from
/// record to record so reading allocates nothing per event in the common case.
#[derive(Default)]
pub(in crate::io) struct Draft<'t> {
    pub(in crate::io) id: Option<Cow<'t, str>>,
    pub(in crate::io) title: Option<Cow<'t, str>>,
    pub(in crate::io) start: Option<TimePoint>,
    pub(in crate::io) end: Option<TimePoint>,
    pub(in crate::io) category: Option<Cow<'t, str>>,
    pub(in crate::io) labels: Vec<(LabelKind, Cow<'t, str>)>,
    strings: Vec<Cow<'t, str>>,
    pub(in crate::io) extra: Extra,
    pub(in crate::io) severity: Option<Severity>,
    pub(in crate::io) circa: bool,
}

impl Draft<'_> {
    pub(in crate::io) fn clear(&mut self) {
        self.id = None;
        self.title = None;
        self.start = None;
        self.end = None;
        self.category = None;
        self.labels.clear();
        self.strings.clear();
        self.extra = Extra::default();
        self.severity = None;
        self.circa = false;
    }
}

/// One event record: a checked raw JSON value, or text cut from a stream (checked only if
/// the fast reader cannot read it).
pub(in crate::io) trait Record<'t>: Copy {
    /// The record's text (without surrounding whitespace).
    fn text(self) -> &'t str;
    /// The record as a JSON value; `None`: it is not valid JSON.
    fn raw(self) -> Option<&'t RawValue>;
}

impl<'t> Record<'t> for &'t RawValue {
    fn text(self) -> &'t str {
        self.get()
    }
    fn raw(self) -> Option<&'t RawValue> {
        Some(self)
    }
}

impl<'t> Record<'t> for &'t str {
    fn text(self) -> &'t str {
        self
    }
    fn raw(self) -> Option<&'t RawValue> {
        serde_json::from_str(self).ok()
    }
}

/// Reads one event record into `draft`. `Err(Some(..))` means the record is skipped;
/// `Err(None)` that it is not JSON at all (only possible for text cut from a stream).
pub(in crate::io) fn read_event<'t>(
    r: &mut Reader<'t>,
    record: impl Record<'t>,
    what: &dyn Fn() -> Said,
    draft: &mut Draft<'t>,
) -> Result<(), Option<Fault>> {
    if crate::io::native_fast::read(record.text(), draft) && draft_is_complete(draft) {
        return Ok(());
    }
    let raw = record.raw().ok_or(None)?;
    read_event_general(r, raw, what, draft).map_err(Some)
}

/// [`read_event`] without the fast path: every value read on its own, so a problem is
/// reported with its exact line, column and field.
pub(in crate::io) fn read_event_general<'t>(
    r: &mut Reader<'t>,
    raw: &'t RawValue,
    what: &dyn Fn() -> Said,
    draft: &mut Draft<'t>,
) -> Result<(), Fault> {
    draft.clear();
    let entries = r.object(raw, "event")?;
    r.warn_duplicate_keys(what, &entries);
    let mut title_raw = raw;
    let mut end_raw = raw;
    let optional_time = |r: &Reader<'t>, value: &'t RawValue, field: &str| {
        if kind_of(value) == "null" {
            Ok(None)
        } else {
            r.time(value, field).map(Some)
        }
    };
    for (key, value) in &entries.0 {
        let value: &'t RawValue = value;
        match key.as_str() {
            "id" => {
                draft.id = Some(if kind_of(value) == "a number" {
                    Cow::Borrowed(value.get().trim())
                } else {
                    r.text(value, "id")?
                });
            }
            "title" => {
                draft.title = Some(r.text(value, "title")?);
                title_raw = value;
            }
            "start" => draft.start = Some(r.time(value, "start")?),
            "end" => {
                draft.end = optional_time(r, value, "end")?;
                end_raw = value;
            }
            "disclosed" => draft.extra.disclosed = optional_time(r, value, "disclosed")?,
            "category" => {
                draft.category = if kind_of(value) == "null" {
                    None
                } else {
                    Some(r.text(value, "category")?).filter(|c| !c.trim().is_empty())
                };
            }
            field @ ("tags" | "actors" | "targets") => {
                let kind = match field {
                    "tags" => LabelKind::Tag,
                    "actors" => LabelKind::Actor,
                    _ => LabelKind::Target,
                };
                // The last of duplicate keys wins, as for every other field.
                draft.labels.retain(|(k, _)| *k != kind);
                draft.strings.clear();
                r.texts(value, field, &mut draft.strings)?;
                draft
                    .labels
                    .extend(draft.strings.drain(..).map(|s| (kind, s)));
            }
            "description" => draft.extra.description = r.optional_string(value, "description")?,
            "sources" => draft.extra.sources = read_sources(r, value)?,
            "links" => draft.extra.links = read_links(r, value)?,
            "severity" => {
                let text = r.text(value, "severity")?;
                draft.severity = Some(match text.as_ref() {
                    "low" => Severity::Low,
                    "medium" => Severity::Medium,
                    "high" => Severity::High,
                    "critical" => Severity::Critical,
                    _ => {
                        return Err(r.fault(
                            value,
                            "severity",
                            Said::new("reason-severity").text("value", format!("{text:?}")),
                        ));
                    }
                });
            }
            "circa" => {
                draft.circa = serde_json::from_str(value.get()).map_err(|_| {
                    r.fault(
                        value,
                        "circa",
                        Said::new("reason-expected")
                            .said("expected", Said::new("kind-true-false"))
                            .said("found", crate::io::json::kind_said(value)),
                    )
                })?;
            }
            "display_date" => {
                draft.extra.display_date = r.optional_string(value, "display_date")?;
            }
            "translations" => {
                draft.extra.translations =
                    super::translations::read_translations(r, value, &what(), "title");
            }
            other => r.warn_unknown(&what(), other, value, EVENT_FIELDS),
        }
    }
    match &draft.title {
        None => return Err(r.fault(raw, "title", Said::new("reason-missing-title"))),
        Some(title) if title.trim().is_empty() => {
            return Err(r.fault(title_raw, "title", Said::new("reason-empty")));
        }
        Some(_) => {}
    }
    let Some(start) = draft.start else {
        return Err(r.fault(raw, "start", Said::new("reason-missing-start")));
    };
    if let Some(end) = &draft.end
        && end.start_secs() < start.start_secs()
    {
        return Err(r.fault(
            end_raw,
            "end",
            crate::io::json::end_before_start(end, start),
        ));
    }
    Ok(())
}

/// Whether a draft read by the fast path has what every event needs (else the general reader
/// reads the record again and says what is wrong, where).
pub(in crate::io) fn draft_is_complete(draft: &Draft<'_>) -> bool {
    let Some(start) = draft.start else {
        return false;
    };
    draft.title.as_ref().is_some_and(|t| !t.trim().is_empty())
        && draft
            .end
            .is_none_or(|end| end.start_secs() >= start.start_secs())
}

pub(in crate::io) fn read_sources(r: &Reader<'_>, raw: &RawValue) -> Result<Vec<Source>, Fault> {
    let items: Vec<&RawValue> = r.array(raw, "sources")?;
    let mut sources = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let field = format!("sources[{i}]");
        // A bare string is a URL.
        if kind_of(item) == "a string" {
            let url = r.string(item, &field)?;
            sources.push(Source {
                title: url.clone(),
                url: Some(url),
            });
            continue;
        }
        let entries = r.object(item, &field)?;
        let mut source = Source {
            title: String::new(),
            url: None,
        };
        for (key, value) in &entries.0 {
            match key.as_str() {
                "title" => source.title = r.string(value, &format!("{field}.title"))?,
                "url" => source.url = r.optional_string(value, &format!("{field}.url"))?,
                other => {
                    return Err(r.fault(
                        value,
                        &format!("{field}.{other}"),
                        "unknown field (a source has title and url)",
                    ));
                }
            }
        }
        if source.title.is_empty() {
            source.title = source.url.clone().unwrap_or_default();
        }
        sources.push(source);
    }
    Ok(sources)
}

pub(in crate::io) fn read_links(r: &Reader<'_>, raw: &RawValue) -> Result<Vec<Link>, Fault> {
    let items: Vec<&RawValue> = r.array(raw, "links")?;
    let mut links = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let field = format!("links[{i}]");
        let entries = r.object(item, &field)?;
        let mut kind = None;
        let mut target = None;
        for (key, value) in &entries.0 {
            match key.as_str() {
                "type" => {
                    let text = r.string(value, &format!("{field}.type"))?;
                    kind = Some(match text.as_str() {
                        "caused" => LinkKind::Caused,
                        "response-to" => LinkKind::ResponseTo,
                        "attributed-to" => LinkKind::AttributedTo,
                        "related" => LinkKind::Related,
                        _ => {
                            return Err(r.fault(
                                value,
                                &format!("{field}.type"),
                                Said::new("reason-link-type").text("value", format!("{text:?}")),
                            ));
                        }
                    });
                }
                "target" => target = Some(r.string(value, &format!("{field}.target"))?),
                other => {
                    return Err(r.fault(
                        value,
                        &format!("{field}.{other}"),
                        "unknown field (a link has type and target)",
                    ));
                }
            }
        }
        let (Some(kind), Some(target)) = (kind, target) else {
            return Err(r.fault(item, &field, Said::new("reason-link-parts")));
        };
        links.push(Link { kind, target });
    }
    Ok(links)
}

pub(in crate::io) fn read_period<'t>(
    r: &mut Reader<'t>,
    raw: &'t RawValue,
    what: &Said,
) -> Result<Period, Fault> {
    let entries = r.object(raw, "period")?;
    let (mut title, mut start, mut end, mut category) = (None, None, None, None);
    let mut translations = Vec::new();
    for (key, value) in &entries.0 {
        match key.as_str() {
            "title" => title = Some(r.string(value, "title")?),
            "start" => start = Some((r.time(value, "start")?, *value)),
            "end" => end = Some((r.time(value, "end")?, *value)),
            "category" => category = r.optional_string(value, "category")?,
            "translations" => {
                translations = super::translations::read_translations(r, value, what, "title");
            }
            other => r.warn_unknown(
                what,
                other,
                value,
                &["title", "start", "end", "category", "translations"],
            ),
        }
    }
    let title = title
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| r.fault(raw, "title", Said::new("reason-missing-or-empty")))?;
    let (start, _) =
        start.ok_or_else(|| r.fault(raw, "start", Said::new("reason-period-needs-both")))?;
    let (end, end_raw) =
        end.ok_or_else(|| r.fault(raw, "end", Said::new("reason-period-needs-both")))?;
    if end.end_secs() <= start.start_secs() {
        return Err(r.fault(
            end_raw,
            "end",
            crate::io::json::end_before_start(end, start),
        ));
    }
    Ok(Period {
        title,
        start,
        end,
        category,
        file: crate::model::FileId::default(),
        translations,
    })
}

pub(in crate::io) fn read_category<'t>(
    r: &mut Reader<'t>,
    raw: &'t RawValue,
    what: &Said,
) -> Result<Category, Fault> {
    let entries = r.object(raw, "category")?;
    let (mut id, mut label, mut color) = (None, None, None);
    let mut translations = Vec::new();
    for (key, value) in &entries.0 {
        match key.as_str() {
            "id" => id = Some(r.string(value, "id")?),
            "label" => label = Some(r.string(value, "label")?),
            "color" => {
                let text = r.string(value, "color")?;
                color = parse_hex_color(&text);
                if color.is_none() {
                    let location = r.lines.location_of(value.get());
                    let reason = Said::new("reason-color").text("value", format!("{text:?}"));
                    r.warn(
                        location,
                        Some("color"),
                        crate::io::json::field_problem(what.clone(), "color", reason),
                    );
                }
            }
            "translations" => {
                translations = super::translations::read_translations(r, value, what, "label");
            }
            other => r.warn_unknown(
                what,
                other,
                value,
                &["id", "label", "color", "translations"],
            ),
        }
    }
    let id = id
        .filter(|i| !i.trim().is_empty())
        .ok_or_else(|| r.fault(raw, "id", Said::new("reason-missing-or-empty")))?;
    Ok(Category {
        label: label.unwrap_or_else(|| id.clone()),
        id,
        color,
        translations,
    })
}

pub(in crate::io) fn read_categories<'t>(
    r: &mut Reader<'t>,
    raws: Vec<&'t RawValue>,
) -> Vec<Category> {
    let mut categories = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let what = record_name("category", i + 1, raw);
        match read_category(r, raw, &what) {
            Ok(c) if categories.iter().any(|k: &Category| k.id == c.id) => {
                let location = r.lines.location_of(raw.get());
                r.warn(
                    location,
                    Some("id"),
                    Said::new("problem-duplicate-category")
                        .said("what", what.clone())
                        .text("id", format!("{:?}", c.id)),
                );
            }
            Ok(c) => categories.push(c),
            Err(fault) => r.skip(&what, &fault),
        }
    }
    categories
}

pub(in crate::io) fn read_periods<'t>(r: &mut Reader<'t>, raws: Vec<&'t RawValue>) -> Vec<Period> {
    let mut periods = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let what = record_name("period", i + 1, raw);
        match read_period(r, raw, &what) {
            Ok(p) => periods.push(p),
            Err(fault) => r.skip(&what, &fault),
        }
    }
    periods
}

/// Where each kept event's record is: its number in the file's events array (from 0) and the
/// column it starts at (its line is in the store). Only a duplicate id needs it, after all
/// records are read: eight bytes an event, not the record's text.
pub(in crate::io) type Kept = Vec<(u32, u32)>;

/// Reads records `first..first + raws.len()` (numbered from 1 in messages as `first + i + 1`)
/// into a store, with the record each event came from. Missing ids become `event-N` (N = the
/// record's position in the file).
pub(in crate::io) fn read_event_range<'t>(
    r: &mut Reader<'t>,
    records: &[impl Record<'t>],
    first: usize,
) -> Option<(EventStore, Kept)> {
    let text_bytes: usize = records.iter().map(|raw| raw.text().len() / 3).sum();
    let mut events = EventStore::with_capacity(records.len(), text_bytes);
    let mut kept = Vec::with_capacity(records.len());
    let mut draft = Draft::default();
    let mut generated = String::new();
    for (i, &record) in records.iter().enumerate() {
        let i = first + i;
        // The record's name is needed only for a message: made on demand.
        let what = || {
            record.raw().map_or_else(
                || numbered("record-event", i + 1),
                |raw| record_name("event", i + 1, raw),
            )
        };
        match read_event(r, record, &what, &mut draft) {
            Ok(()) => {
                let id = match draft.id.as_deref() {
                    Some(id) if !id.is_empty() => id,
                    _ => {
                        use std::fmt::Write as _;
                        generated.clear();
                        let _ = write!(generated, "event-{}", i + 1);
                        &generated
                    }
                };
                let at = r.lines.location_of(record.text());
                let core = Core {
                    id,
                    title: draft.title.as_deref().unwrap_or_default(),
                    start: draft.start.unwrap_or_else(TimePoint::epoch),
                    end: draft.end,
                    category: draft.category.as_deref(),
                    severity: draft.severity,
                    circa: draft.circa,
                    file: crate::model::FileId::default(),
                    line: u32::try_from(at.line).unwrap_or(u32::MAX),
                };
                let labels = draft.labels.iter().map(|(k, s)| (*k, s.as_ref()));
                events.push_parts(core, labels, std::mem::take(&mut draft.extra));
                kept.push((
                    u32::try_from(i).unwrap_or(u32::MAX),
                    u32::try_from(at.column).unwrap_or(u32::MAX),
                ));
            }
            Err(Some(fault)) => r.skip(&what(), &fault),
            Err(None) => return None,
        }
    }
    Some((events, kept))
}

/// Files with more records than this read them on two threads.
pub(in crate::io) const PARALLEL_RECORDS: usize = 20_000;

pub(in crate::io) fn read_events<'t>(r: &mut Reader<'t>, raws: &[&'t RawValue]) -> EventStore {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let (events, kept) = if raws.len() > PARALLEL_RECORDS && threads > 1 {
        // Records are independent: the second half is read on another thread with its own
        // reader (issues are merged and sorted by location afterwards).
        let (head, tail) = raws.split_at(raws.len() / 2);
        let mut other = Reader {
            lines: r.lines.clone(),
            issues: Vec::new(),
        };
        let (first, second) = std::thread::scope(|scope| {
            let worker = std::thread::Builder::new()
                .name("reader".to_owned())
                .spawn_scoped(scope, || read_event_range(&mut other, tail, head.len()));
            let first = read_event_range(r, head, 0).unwrap_or_default();
            let second = match worker {
                Ok(handle) => handle.join().ok().flatten(),
                Err(_) => None,
            };
            (first, second)
        });
        let second = second
            .or_else(|| read_event_range(&mut other, tail, head.len()))
            .unwrap_or_default();
        r.issues.append(&mut other.issues);
        let (mut events, mut kept) = first;
        events.append(&second.0, None);
        kept.extend(second.1);
        (events, kept)
    } else {
        read_event_range(r, raws, 0).unwrap_or_default()
    };
    finish_events(&mut r.issues, events, &kept)
}
