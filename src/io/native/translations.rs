//! A record's own words in other languages (`translations` in the native format), read with
//! warnings only: a bad translation never costs the record.

use serde_json::value::RawValue;

use crate::i18n::{Lang, Said};
use crate::io::json::Reader;
use crate::model::Translation;

/// A record's `translations`: `{"nl": {"title": …, "description": …}, "fr": …}` (`label` instead
/// of `title` for a category). Anything wrong in it is a warning: the record keeps its own words.
pub(in crate::io) fn read_translations<'t>(
    r: &mut Reader<'t>,
    raw: &'t RawValue,
    what: &Said,
    title_key: &str,
) -> Vec<Translation> {
    let languages = match r.object(raw, "translations") {
        Ok(entries) => entries,
        Err(fault) => {
            r.warn(
                fault.location,
                Some("translations"),
                format!("{what}: field `translations`: {} (ignored)", fault.message),
            );
            return Vec::new();
        }
    };
    let mut translations: Vec<Translation> = Vec::new();
    for (code, value) in &languages.0 {
        let field = format!("translations.{code}");
        let Some(lang) = Lang::parse(code).filter(|l| l.code() == code.as_str()) else {
            let location = r.lines.location_of(value.get());
            let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            r.warn(
                location,
                Some(&field),
                format!(
                    "{what}: field `{field}`: Annals speaks {}; this language is ignored",
                    known.join(", ")
                ),
            );
            continue;
        };
        let entries = match r.object(value, &field) {
            Ok(entries) => entries,
            Err(fault) => {
                r.warn(
                    fault.location,
                    Some(&field),
                    format!("{what}: field `{field}`: {} (ignored)", fault.message),
                );
                continue;
            }
        };
        let mut translation = Translation {
            lang,
            title: None,
            description: None,
        };
        for (key, text) in &entries.0 {
            let name = format!("{field}.{key}");
            let slot = if key.as_str() == title_key {
                &mut translation.title
            } else if key.as_str() == "description" {
                &mut translation.description
            } else {
                r.warn_unknown(what, &name, text, &[title_key, "description"]);
                continue;
            };
            match r.optional_string(text, &name) {
                Ok(value) => *slot = value.filter(|v| !v.trim().is_empty()),
                Err(fault) => r.warn(
                    fault.location,
                    Some(&name),
                    format!("{what}: field `{name}`: {} (ignored)", fault.message),
                ),
            }
        }
        translations.retain(|t| t.lang != lang);
        if translation.title.is_some() || translation.description.is_some() {
            translations.push(translation);
        }
    }
    // In the order Annals lists its languages, whatever order the file used.
    translations.sort_by_key(|t| Lang::ALL.iter().position(|&l| l == t.lang));
    translations
}
