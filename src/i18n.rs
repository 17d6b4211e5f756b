//! The languages Annals speaks: English, Nederlands, Français, Deutsch.
//!
//! Messages live in Fluent files (`assets/i18n/LANG.ftl`, embedded), read with `fluent-bundle`:
//! plurals ("1 event", "2 events") and word order are the translator's, not the code's. Month
//! names and their abbreviations are CLDR's ("format" context), kept in the same files so that a
//! translator sees every word of a date. English is the reference: every other file has exactly
//! its keys (a test checks), and a message missing at run time falls back to English, never to
//! its key. Pure: no egui here.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the window, the exports and the command line.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Lang {
    /// English (the reference).
    #[default]
    En,
    /// Nederlands.
    Nl,
    /// Français.
    Fr,
    /// Deutsch.
    De,
}

/// The Fluent source of each language, in [`Lang::ALL`] order.
const SOURCES: [&str; 4] = [
    include_str!("../assets/i18n/en.ftl"),
    include_str!("../assets/i18n/nl.ftl"),
    include_str!("../assets/i18n/fr.ftl"),
    include_str!("../assets/i18n/de.ftl"),
];

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Self; 4] = [Self::En, Self::Nl, Self::Fr, Self::De];

    /// The BCP 47 code: `en`, `nl`, `fr`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Nl => "nl",
            Self::Fr => "fr",
            Self::De => "de",
        }
    }

    /// The language's own name, as a menu lists it.
    pub fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Nl => "Nederlands",
            Self::Fr => "Français",
            Self::De => "Deutsch",
        }
    }

    /// The language of a code or locale name: `fr`, `nl-BE`, `de_BE.UTF-8`, `FR`; `None` for
    /// another language.
    pub fn parse(text: &str) -> Option<Self> {
        let code = text
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The system's language, from the POSIX locale variables (`LC_ALL`, `LC_MESSAGES`, `LANG`,
    /// the first set wins), or English.
    pub fn from_system() -> Self {
        Self::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_system`] with the variables read through `var` (tests).
    pub fn from_locale_vars(var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|value| Self::parse(&value))
            .unwrap_or_default()
    }

    fn index(self) -> usize {
        match self {
            Self::En => 0,
            Self::Nl => 1,
            Self::Fr => 2,
            Self::De => 3,
        }
    }

    /// The message `key` with `args`, in this language, else in English; the key itself only if
    /// English lacks it too (a bug, which the key test catches).
    pub fn text(self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(*text)),
                Arg::Count(n) => {
                    // `$count` selects the plural form; `$n` is shown, grouped the language's way.
                    fluent_args.set(*name, FluentValue::from(*n as f64));
                    fluent_args.set("n", FluentValue::from(self.number(*n)));
                }
            }
        }
        [self, Self::En]
            .into_iter()
            .find_map(|lang| format_in(lang, key, &fluent_args))
            .unwrap_or_else(|| key.to_owned())
    }

    /// A message without arguments.
    pub fn word(self, key: &str) -> String {
        self.text(key, &[])
    }

    /// `n` with the language's thousands separator: 12,345 · 12.345 · 12 345 (a no-break space).
    pub fn number(self, n: usize) -> String {
        let separator = match self {
            Self::En => ",",
            Self::Nl | Self::De => ".",
            Self::Fr => "\u{a0}",
        };
        crate::model::text::thousands(n).replace(',', separator)
    }

    /// A count and its noun, in the language's plural: `events` → "1 event", "2 events".
    pub fn count(self, key: &str, n: usize) -> String {
        self.text(key, &[("count", Arg::Count(n))])
    }

    /// The month's name (1–12), as in a date: "May", "mei", "mai", "Mai".
    pub fn month(self, month: u32) -> &'static str {
        self.cached().month(month, false)
    }

    /// The month's short name (1–12), as on an axis: "May", "mei", "mai", "Mai".
    pub fn month_short(self, month: u32) -> &'static str {
        self.cached().month(month, true)
    }

    /// A date in the language's order: "20 May 2021", "20. Mai 2021"; without a day,
    /// "May 2021"; without a year, "20 May". `month` and `year` are already words.
    pub fn date(self, day: Option<u32>, month: &str, year: Option<&str>) -> String {
        let template = match (day, year) {
            (Some(_), Some(_)) => &self.cached().day,
            (None, _) => &self.cached().month_year,
            (Some(_), None) => &self.cached().day_month,
        };
        template
            .replace(DAY, &day.map(|d| d.to_string()).unwrap_or_default())
            .replace(MONTH, month)
            .replace(YEAR, year.unwrap_or_default())
    }

    /// Words asked for every frame (axis labels), formatted once.
    fn cached(self) -> &'static Cached {
        static CACHE: OnceLock<[Cached; 4]> = OnceLock::new();
        let all = CACHE.get_or_init(|| Lang::ALL.map(Cached::new));
        &all[self.index() % 4]
    }
}

/// Placeholders a date template is formatted with, then replaced.
const DAY: &str = "\u{1}D";
const MONTH: &str = "\u{1}M";
const YEAR: &str = "\u{1}Y";

/// A language's month names and date templates.
struct Cached {
    months: Vec<String>,
    short: Vec<String>,
    day: String,
    month_year: String,
    day_month: String,
}

impl Cached {
    fn new(lang: Lang) -> Self {
        let template = |key: &str| {
            lang.text(
                key,
                &[
                    ("day", Arg::Text(DAY)),
                    ("month", Arg::Text(MONTH)),
                    ("year", Arg::Text(YEAR)),
                ],
            )
        };
        Self {
            months: (1..=12).map(|m| lang.word(&format!("month-{m}"))).collect(),
            short: (1..=12)
                .map(|m| lang.word(&format!("month-short-{m}")))
                .collect(),
            day: template("date-day"),
            month_year: template("date-month"),
            day_month: template("date-day-month"),
        }
    }

    fn month(&self, month: u32, short: bool) -> &str {
        let list = if short { &self.short } else { &self.months };
        month
            .checked_sub(1)
            .and_then(|i| list.get(i as usize))
            .map_or("?", String::as_str)
    }
}

/// A value given to a message.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// Text shown as it is.
    Text(&'a str),
    /// A number: selects the plural form (`$count`) and is shown grouped (`$n`).
    Count(usize),
}

/// Words to be said later in whatever language is asked then: a message key and its values
/// (a reader's problem is found once and shown in the window's language, which can change).
/// Free text with no message yet is said [`Said::verbatim`], the same in every language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    key: &'static str,
    values: Vec<(&'static str, Value)>,
}

/// A value of a [`Said`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Shown as it is (a file's words, a field name, a number as written).
    Text(String),
    /// A count: selects the plural form and is shown grouped.
    Count(usize),
    /// Words of their own, said in the same language.
    Said(Box<Said>),
    /// A date, written in the language at its own precision ("4 mei 2021").
    Date(crate::model::TimePoint),
}

impl Said {
    /// The message `key`, with no values yet.
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            values: Vec::new(),
        }
    }

    /// Text that has no message of its own: shown as it is in every language.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Self::new("verbatim").text("text", text)
    }

    /// With `$name` = `text`, shown as it is.
    #[must_use]
    pub fn text(mut self, name: &'static str, text: impl Into<String>) -> Self {
        self.values.push((name, Value::Text(text.into())));
        self
    }

    /// With `$name` = `count` (plural forms and grouping).
    #[must_use]
    pub fn count(mut self, name: &'static str, count: usize) -> Self {
        self.values.push((name, Value::Count(count)));
        self
    }

    /// With `$name` = a date, in the language's words at the date's precision.
    #[must_use]
    pub fn date(mut self, name: &'static str, date: crate::model::TimePoint) -> Self {
        self.values.push((name, Value::Date(date)));
        self
    }

    /// With `$name` = other words, said in the same language.
    #[must_use]
    pub fn said(mut self, name: &'static str, said: Self) -> Self {
        self.values.push((name, Value::Said(Box::new(said))));
        self
    }

    /// The words in `lang` (English where `lang` lacks the message).
    pub fn in_lang(&self, lang: Lang) -> String {
        let texts: Vec<(&'static str, String)> = self
            .values
            .iter()
            .filter_map(|(name, value)| match value {
                Value::Text(text) => Some((*name, text.clone())),
                Value::Said(said) => Some((*name, said.in_lang(lang))),
                Value::Date(date) => Some((*name, date.label_in(lang))),
                Value::Count(_) => None,
            })
            .collect();
        let mut args: Vec<(&str, Arg<'_>)> = texts
            .iter()
            .map(|(name, text)| (*name, Arg::Text(text)))
            .collect();
        args.extend(self.values.iter().filter_map(|(name, value)| match value {
            Value::Count(n) => Some((*name, Arg::Count(*n))),
            _ => None,
        }));
        lang.text(self.key, &args)
    }

    /// The words in English, as logs, `annals check` and `--json` print them.
    pub fn english(&self) -> String {
        self.in_lang(Lang::En)
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

impl From<String> for Said {
    fn from(text: String) -> Self {
        Self::verbatim(text)
    }
}

impl From<&String> for Said {
    fn from(text: &String) -> Self {
        Self::verbatim(text.clone())
    }
}

impl From<&Said> for Said {
    fn from(said: &Said) -> Self {
        said.clone()
    }
}

impl From<&str> for Said {
    fn from(text: &str) -> Self {
        Self::verbatim(text)
    }
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 4] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 4]> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        Lang::ALL.map(|lang| {
            let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No invisible bidi marks around arguments: these strings go into SVG and PNG.
            bundle.set_use_isolating(false);
            let source = SOURCES.get(lang.index()).copied().unwrap_or_default();
            // A file with an error still gives every message it could read (the key test fails
            // on the error itself).
            let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
            bundle.add_resource_overriding(resource);
            bundle
        })
    })
}

fn format_in(lang: Lang, key: &str, args: &FluentArgs<'_>) -> Option<String> {
    let bundle = bundles().get(lang.index())?;
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// The message keys of a Fluent source, in order (for the completeness test).
pub fn keys(source: &str) -> Result<Vec<String>, String> {
    let resource =
        FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| format!("{errors:?}"))?;
    Ok(resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect())
}

/// The Fluent sources, by language (for the completeness test).
pub fn sources() -> impl Iterator<Item = (Lang, &'static str)> {
    Lang::ALL.into_iter().zip(SOURCES)
}

#[cfg(test)]
mod tests;
