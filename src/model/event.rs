//! One dated thing on the timeline (an incident, a milestone), its sources and its typed links.

use super::time::TimePoint;

/// Index of a loaded file in [`super::Dataset::files`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// Index of an event in [`super::Dataset::events`] (valid for one dataset build only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventIdx(pub u32);

impl EventIdx {
    /// The index as `usize`, for slice access with `.get()`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A stable reference to an event that survives reloads: its file and its id in that file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EventKey {
    /// File the event came from.
    pub file: FileId,
    /// The event's id inside that file (given or generated).
    pub id: String,
}

/// A reference given for an event.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// What the source is called.
    #[serde(default)]
    pub title: String,
    /// Where it is. Only http(s) links are ever opened, and only on a click.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// How one event relates to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// This event caused the target.
    Caused,
    /// This event was a response to the target.
    ResponseTo,
    /// This event was attributed to the target.
    AttributedTo,
    /// Loosely related.
    Related,
}

impl LinkKind {
    /// The phrase used in the detail panel.
    pub fn label(self) -> &'static str {
        match self {
            Self::Caused => "caused",
            Self::ResponseTo => "response to",
            Self::AttributedTo => "attributed to",
            Self::Related => "related",
        }
    }
}

/// A typed reference from one event to another event of the same file, by id.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Link {
    /// The relation.
    #[serde(rename = "type")]
    pub kind: LinkKind,
    /// Id of the other event.
    pub target: String,
}

/// How bad an incident was.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
    /// Critical.
    Critical,
}

impl Severity {
    /// Lowercase name as in the file format.
    pub fn name(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Critical => "critical",
        }
    }
}

/// One event: a point (possibly a partial date covering a whole month or year) or a span.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Id inside its file: given by the file, or generated stably (`event-3`).
    pub id: String,
    /// Short title (required).
    pub title: String,
    /// When it started, at the source's precision.
    pub start: TimePoint,
    /// When it ended, if it lasted.
    pub end: Option<TimePoint>,
    /// Category id, if any.
    pub category: Option<String>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Who acted (attackers, agencies, stakeholders).
    pub actors: Vec<String>,
    /// Who or what was targeted.
    pub targets: Vec<String>,
    /// Longer plain text.
    pub description: Option<String>,
    /// References.
    pub sources: Vec<Source>,
    /// When it became public, if that differs from when it happened.
    pub disclosed: Option<TimePoint>,
    /// Typed links to other events of the same file.
    pub links: Vec<Link>,
    /// Severity, for incidents.
    pub severity: Option<Severity>,
    /// The date itself is uncertain ("circa").
    pub circa: bool,
    /// How the source wants the date shown (`TimelineJS` `display_date`), if it said.
    pub display_date: Option<String>,
    /// The file it came from.
    pub file: FileId,
    /// 1-based line of the record in its file (0 when unknown).
    pub line: u32,
    /// Title and description in other languages, as the file gives them.
    pub translations: Vec<Translation>,
}

impl Event {
    /// A minimal event, for importers and tests.
    pub fn new(id: impl Into<String>, title: impl Into<String>, start: TimePoint) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            start,
            end: None,
            category: None,
            tags: Vec::new(),
            actors: Vec::new(),
            targets: Vec::new(),
            description: None,
            sources: Vec::new(),
            disclosed: None,
            links: Vec::new(),
            severity: None,
            circa: false,
            display_date: None,
            file: FileId::default(),
            line: 0,
            translations: Vec::new(),
        }
    }

    /// The title in `lang` where the file translated it, else as the file wrote it.
    pub fn title_in(&self, lang: crate::i18n::Lang) -> &str {
        title_in(&self.title, &self.translations, lang)
    }

    /// The description in `lang` where the file translated it, else as the file wrote it.
    pub fn description_in(&self, lang: crate::i18n::Lang) -> Option<&str> {
        description_in(self.description.as_deref(), &self.translations, lang)
    }

    /// First instant covered.
    pub fn start_secs(&self) -> f64 {
        self.start.start_secs()
    }

    /// First instant after the event: the end of its `end` date's period, else of its `start`
    /// date's period (so `2012` covers the whole year).
    pub fn end_secs(&self) -> f64 {
        self.end
            .as_ref()
            .map_or_else(|| self.start.end_secs(), TimePoint::end_secs)
    }

    /// Whether the event has an explicit end (a span rather than a point).
    pub fn is_span(&self) -> bool {
        self.end.is_some()
    }

    /// The date as the source gave it: `4 May 2021 11:00 UTC+2 – 5 May 2021`, with `c.` if circa.
    pub fn date_label(&self) -> String {
        self.date_label_in(crate::i18n::Lang::En)
    }

    /// [`Event::date_label`] in `lang`.
    pub fn date_label_in(&self, lang: crate::i18n::Lang) -> String {
        date_label(
            self.display_date.as_deref(),
            self.circa,
            &self.start,
            self.end.as_ref(),
            lang,
        )
    }
}

/// The date as a source gave it, in `lang`: its display date if it has one (the source's own
/// words), else start (and end), with `c.` (`ca.`, `v.`) when circa.
pub fn date_label(
    display_date: Option<&str>,
    circa: bool,
    start: &TimePoint,
    end: Option<&TimePoint>,
    lang: crate::i18n::Lang,
) -> String {
    if let Some(display) = display_date.filter(|d| !d.trim().is_empty()) {
        return display.to_owned();
    }
    let circa = if circa {
        format!("{} ", lang.word("circa"))
    } else {
        String::new()
    };
    match end {
        Some(end) if end != start => {
            format!("{circa}{} – {}", start.label_in(lang), end.label_in(lang))
        }
        _ => format!("{circa}{}", start.label_in(lang)),
    }
}

/// A file's own words for a record in another language: its `translations` entry for one
/// language (`"nl": {"title": …, "description": …}`; a category's title is its label).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The language.
    pub lang: crate::i18n::Lang,
    /// The title (a category's label) in that language.
    pub title: Option<String>,
    /// The description in that language.
    pub description: Option<String>,
}

/// The translation of `translations` into `lang`, if the file gave one.
pub fn translation(translations: &[Translation], lang: crate::i18n::Lang) -> Option<&Translation> {
    translations.iter().find(|t| t.lang == lang)
}

/// `title` in `lang` where the file translated it, else as the file wrote it.
pub fn title_in<'a>(
    title: &'a str,
    translations: &'a [Translation],
    lang: crate::i18n::Lang,
) -> &'a str {
    translation(translations, lang)
        .and_then(|t| t.title.as_deref())
        .unwrap_or(title)
}

/// `description` in `lang` where the file translated it, else as the file wrote it.
pub fn description_in<'a>(
    description: Option<&'a str>,
    translations: &'a [Translation],
    lang: crate::i18n::Lang,
) -> Option<&'a str> {
    translation(translations, lang)
        .and_then(|t| t.description.as_deref())
        .or(description)
}

/// A background era (e.g. the years a strategy was in force).
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    /// Name shown on the band.
    pub title: String,
    /// First period covered.
    pub start: TimePoint,
    /// Last period covered (inclusive at its precision).
    pub end: TimePoint,
    /// Category id, for the colour.
    pub category: Option<String>,
    /// The file it came from.
    pub file: FileId,
    /// The title in other languages, as the file gives it.
    pub translations: Vec<Translation>,
}

impl Period {
    /// The title in `lang` where the file translated it.
    pub fn title_in(&self, lang: crate::i18n::Lang) -> &str {
        title_in(&self.title, &self.translations, lang)
    }
}

/// A named, coloured kind of event; also a lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    /// Id referenced by events.
    pub id: String,
    /// Label for people.
    pub label: String,
    /// Colour as RGB, if the file gave one; else the theme's palette picks one.
    pub color: Option<[u8; 3]>,
    /// The label in other languages, as the file gives it (as `title`).
    pub translations: Vec<Translation>,
}

impl Category {
    /// A category with no colour and no translations.
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            color: None,
            translations: Vec::new(),
        }
    }

    /// The label in `lang` where the file translated it.
    pub fn label_in(&self, lang: crate::i18n::Lang) -> &str {
        title_in(&self.label, &self.translations, lang)
    }
}

/// Parses `#rgb` or `#rrggbb`.
pub fn parse_hex_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    let nibble = |i: usize| hex.get(i..=i).and_then(|h| u8::from_str_radix(h, 16).ok());
    let byte = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    match hex.len() {
        3 => Some([nibble(0)? * 17, nibble(1)? * 17, nibble(2)? * 17]),
        6 => Some([byte(0)?, byte(2)?, byte(4)?]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colors_parse_in_both_hex_forms() {
        assert_eq!(parse_hex_color("#d55e00"), Some([0xd5, 0x5e, 0x00]));
        assert_eq!(parse_hex_color("#fff"), Some([255, 255, 255]));
        assert_eq!(parse_hex_color("d55e00"), None);
        assert_eq!(parse_hex_color("#ggg"), None);
        assert_eq!(parse_hex_color("#é12345"), None);
    }

    #[test]
    fn a_year_only_event_covers_its_year() {
        let event = Event::new("s", "Strategy", "2012".parse().unwrap());
        assert_eq!(event.end_secs() - event.start_secs(), 366.0 * 86_400.0);
        assert_eq!(event.date_label(), "2012");
    }
}
