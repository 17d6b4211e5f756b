//! The window's filter as a `WHERE` condition on Annals' default table, so the server counts
//! and sends only the events the user asked to see.
//!
//! Every value from the user or the data goes through [`sql::string`] (quoted, every special
//! character escaped): a hostile category, actor or search word cannot change the query
//! (tested against a real server in `tests/clickhouse.rs`). The condition says what
//! [`Filter::passes_except`] and the search say for a loaded event:
//!
//! | filter | condition |
//! |---|---|
//! | categories hidden in the legend | `category NOT IN (…)` |
//! | category, severity facet | `category IN (…)`, `severity IN (…)` (`''` = none) |
//! | actor, tag facet | `hasAny(actors, […])`, or `empty(actors)` for "no actor" |
//! | target facet | the value, JSON-quoted, in the event's raw `targets` array |
//! | date range | `time_end > from AND time < to` |
//! | search that hides (every word) | a case-insensitive substring of the title, description, an actor, a tag, a target or a translation |
//!
//! Targets, descriptions and translations are not columns: they are read from the `event`
//! JSON with `visitParamExtract*` (18.16 has no `JSONExtract`), which is slower than the
//! columns, so a filter on them is best kept for narrowed views. A condition on categories
//! only can be answered from the hourly counts too ([`Condition::categories_only`]).

use std::collections::BTreeSet;
use std::sync::Arc;

use super::rowbinary::Reader;
use super::table::answer_error;
use super::{ClickHouseError, Client, sql};
use crate::model::filter::{Field, Filter};

/// A `WHERE` condition for the default table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// The SQL, for `WHERE … AND (sql)`.
    pub sql: Arc<str>,
    /// Whether it names `category` only (then the hourly counts and the long-events view,
    /// which have a `category` column, can be asked with it).
    pub categories_only: bool,
}

/// The condition for `filter` on the table at `address` (the file facet names it), leaving out
/// the facet `except` (for its counts); `None` when nothing is filtered out.
pub fn condition(filter: &Filter, address: &str, except: Option<Field>) -> Option<Condition> {
    // A table read through a column mapping has a `description` column and no targets or
    // translations: its conditions never need the event's JSON (made per row there).
    let mapped = super::Target::parse(address).is_ok_and(|t| t.mapping.is_some());
    let mut parts: Vec<String> = Vec::new();
    let mut categories_only = true;
    if !filter.hidden_categories.is_empty() {
        parts.push(format!(
            "category NOT IN ({})",
            list(&filter.hidden_categories)
        ));
    }
    for (&field, chosen) in &filter.facets {
        if Some(field) == except || chosen.is_empty() {
            continue;
        }
        if field != Field::Category {
            categories_only = false;
        }
        parts.push(facet(field, chosen, address, mapped));
    }
    let (from, to) = filter.date_range;
    if let Some(from) = from.filter(|f| f.is_finite()) {
        parts.push(format!("time_end > {from:?}"));
        categories_only = false;
    }
    if let Some(to) = to.filter(|t| t.is_finite()) {
        parts.push(format!("time < {to:?}"));
        categories_only = false;
    }
    if filter.only_matches {
        for word in filter.search_words() {
            parts.push(search_word(&word, mapped));
            categories_only = false;
        }
    }
    (!parts.is_empty()).then(|| Condition {
        sql: parts.join(" AND ").into(),
        categories_only,
    })
}

/// `'a', 'b'`.
fn list(values: &BTreeSet<String>) -> String {
    values
        .iter()
        .map(|v| sql::string(v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One facet's condition: the event has one of the chosen values (`""`: has none).
pub(super) fn facet(
    field: Field,
    chosen: &BTreeSet<String>,
    address: &str,
    mapped: bool,
) -> String {
    match field {
        Field::Category => format!("category IN ({})", list(chosen)),
        Field::Severity => format!("severity IN ({})", list(chosen)),
        Field::Actor | Field::Tag => {
            let column = if field == Field::Actor {
                "actors"
            } else {
                "tags"
            };
            let values: BTreeSet<String> =
                chosen.iter().filter(|v| !v.is_empty()).cloned().collect();
            let mut any = Vec::new();
            if !values.is_empty() {
                any.push(format!("hasAny({column}, [{}])", list(&values)));
            }
            if chosen.contains("") {
                any.push(format!("empty({column})"));
            }
            format!("({})", any.join(" OR "))
        }
        // A mapped table has no targets: only "no target" is chosen among its events.
        Field::Target if mapped => {
            if chosen.contains("") {
                "1".to_owned()
            } else {
                "0".to_owned()
            }
        }
        Field::Target => {
            let raw = "visitParamExtractRaw(event, 'targets')";
            let any: Vec<String> = chosen
                .iter()
                .map(|v| {
                    if v.is_empty() {
                        format!("{raw} IN ('', '[]')")
                    } else {
                        // The value as the native writer quotes it: `"…"` is one whole element.
                        format!("position({raw}, {}) > 0", sql::string(&json_string(v)))
                    }
                })
                .collect();
            format!("({})", any.join(" OR "))
        }
        // A table is one file: chosen, or another file is.
        Field::File => {
            if chosen.contains(address) {
                "1".to_owned()
            } else {
                "0".to_owned()
            }
        }
    }
}

/// The event's targets as an array of strings, each still JSON-escaped (as in its JSON).
pub(super) fn target_values() -> String {
    format!(
        "extractAll(visitParamExtractRaw(event, 'targets'), {})",
        sql::string(r#""((?:[^"\\]|\\.)*)""#)
    )
}

/// `text` as a JSON string, quotes included (as serde writes it into the `event` column).
fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// One search word (lowercase): found in any of the fields the search reads.
fn search_word(word: &str, mapped: bool) -> String {
    let quoted = sql::string(word);
    if mapped {
        return format!(
            "(positionCaseInsensitiveUTF8(title, {quoted}) > 0 \
             OR positionCaseInsensitiveUTF8(description, {quoted}) > 0 \
             OR arrayExists(x -> positionCaseInsensitiveUTF8(x, {quoted}) > 0, arrayConcat(actors, tags)))"
        );
    }
    // Inside JSON text the word is as serde escaped it (without the quotes).
    let json = json_string(word);
    let escaped = sql::string(json.get(1..json.len() - 1).unwrap_or(word));
    format!(
        "(positionCaseInsensitiveUTF8(title, {quoted}) > 0 \
         OR positionCaseInsensitiveUTF8(visitParamExtractString(event, 'description'), {quoted}) > 0 \
         OR arrayExists(x -> positionCaseInsensitiveUTF8(x, {quoted}) > 0, arrayConcat(actors, tags)) \
         OR positionCaseInsensitiveUTF8(visitParamExtractRaw(event, 'targets'), {escaped}) > 0 \
         OR positionCaseInsensitiveUTF8(replaceRegexpAll(visitParamExtractRaw(event, 'translations'), \
         '\"[A-Za-z_-]+\":', ''), {escaped}) > 0)"
    )
}

/// Most values a facet is counted for (the most frequent ones).
pub const FACET_VALUES: usize = 500;

/// The values of `field` in the table and how many events each would show under `condition`
/// (the filter without that facet), most frequent first. Categories come from the hourly
/// counts where `rollup` and the condition allow; targets are read from each event's JSON, so
/// counting them reads the `event` column of every row the condition passes.
pub fn facet_counts(
    client: &Client,
    field: Field,
    condition: Option<&Condition>,
    rollup: bool,
) -> Result<Vec<(String, u64)>, ClickHouseError> {
    let target = client.target();
    let table = target.source();
    let filtered = condition.map_or_else(String::new, |c| format!(" WHERE {}", c.sql));
    let (value, from, count) = match field {
        Field::Category if rollup && condition.is_none_or(|c| c.categories_only) => (
            "category".to_owned(),
            target.hours_table(),
            "countMerge(events)",
        ),
        Field::Category => ("category".to_owned(), table, "count()"),
        Field::Severity => ("severity".to_owned(), table, "count()"),
        Field::Actor | Field::Tag => {
            let column = if field == Field::Actor {
                "actors"
            } else {
                "tags"
            };
            (
                format!("arrayJoin(if(empty({column}), [''], {column}))"),
                table,
                "count()",
            )
        }
        // A mapped table has no targets.
        Field::Target if target.mapping.is_some() => ("''".to_owned(), table, "count()"),
        Field::Target => {
            // Each JSON string of the raw array, still JSON-escaped (unescaped below).
            let values = target_values();
            (
                format!("arrayJoin(if(empty({values}), [''], {values}))"),
                table,
                "count()",
            )
        }
        Field::File => return Ok(Vec::new()),
    };
    let answer = client.query(&format!(
        "SELECT {value} AS v, {count} AS n FROM {from}{filtered} GROUP BY v \
         ORDER BY n DESC, v LIMIT {FACET_VALUES} FORMAT RowBinary"
    ))?;
    let mut reader = Reader::new(&answer);
    let mut counts = Vec::new();
    while !reader.done() {
        let bad = |why| answer_error(target, why);
        let value = reader.string().map_err(bad)?;
        let n = reader.u64().map_err(bad)?;
        let value = if field == Field::Target {
            serde_json::from_str::<String>(&format!("\"{value}\""))
                .unwrap_or_else(|_| value.to_owned())
        } else {
            value.to_owned()
        };
        counts.push((value, n));
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_filtered_is_no_condition() {
        assert_eq!(condition(&Filter::default(), "t", None), None);
        // A search that only highlights filters nothing out.
        let filter = Filter {
            query: "ddos".into(),
            ..Filter::default()
        };
        assert_eq!(condition(&filter, "t", None), None);
    }

    #[test]
    fn categories_alone_can_use_the_hourly_counts() {
        let mut filter = Filter::default();
        filter.hidden_categories.insert("law".into());
        filter.toggle_facet(Field::Category, "incident");
        let c = condition(&filter, "t", None).unwrap();
        assert!(c.categories_only);
        assert_eq!(
            &*c.sql,
            "category NOT IN ('law') AND category IN ('incident')"
        );
        filter.toggle_facet(Field::Actor, "CCB");
        let c = condition(&filter, "t", None).unwrap();
        assert!(!c.categories_only);
        // Its own facet is left out for its counts.
        let c = condition(&filter, "t", Some(Field::Actor)).unwrap();
        assert!(c.categories_only);
    }

    #[test]
    fn a_mapped_table_is_filtered_on_its_columns_not_on_json() {
        let mut filter = Filter {
            query: "ddos belnet".into(),
            only_matches: true,
            ..Filter::default()
        };
        filter.toggle_facet(Field::Target, "Belnet");
        let mapped = condition(
            &filter,
            "clickhouse://h/db/logs?time=ts&description=d",
            None,
        );
        let sql = mapped.unwrap().sql;
        assert!(!sql.contains("event"), "{sql}");
        assert!(
            sql.contains("positionCaseInsensitiveUTF8(description, 'ddos')"),
            "{sql}"
        );
        // A mapped table has no targets: choosing one shows nothing.
        assert!(sql.starts_with("0 AND "), "{sql}");
        let own = condition(&filter, "clickhouse://h/db/events", None)
            .unwrap()
            .sql;
        assert!(
            own.contains("visitParamExtractString(event, 'description')"),
            "{own}"
        );
    }

    #[test]
    fn hostile_values_stay_inside_their_quotes() {
        let mut filter = Filter::default();
        filter.toggle_facet(Field::Actor, "x') OR 1=1 --");
        filter.toggle_facet(Field::Target, "a\\'b\"");
        filter.query = "x'); DROP TABLE t; --".into();
        filter.only_matches = true;
        let c = condition(&filter, "t", None).unwrap();
        assert!(
            c.sql.contains(r"hasAny(actors, ['x\') OR 1=1 --'])"),
            "{}",
            c.sql
        );
        assert!(
            c.sql.contains(
                r#"position(visitParamExtractRaw(event, 'targets'), '"a\\\\\'b\\""') > 0"#
            ),
            "{}",
            c.sql
        );
        assert!(
            c.sql
                .contains(r"positionCaseInsensitiveUTF8(title, 'x\');') > 0"),
            "{}",
            c.sql
        );
    }
}
