//! Tables with columns of their own: the address names which column holds what
//! (`clickhouse://HOST/DB/logs?time=ts&title=message&category=source`), and Annals reads the
//! table through a subquery that gives it the default schema's columns. Every query then works
//! unchanged; the server pushes each query's conditions into the subquery
//! (`enable_optimize_predicate_expression`), so the table's own order key still prunes.
//!
//! | key | column | becomes |
//! |---|---|---|
//! | `time` (required) | `DateTime`, `Date`, whole seconds since 1970, or text the server reads as a time | the start, at the column's precision: a `Date` is a day, anything else a second (UTC) |
//! | `end` | the same | the end |
//! | `id` | any | the id (default: a hash of time and title) |
//! | `title` | any | the title (default: the id) |
//! | `category` | any | the lane |
//! | `actor` / `actors` | a value / `Array(String)` | actors |
//! | `tag` / `tags` | a value / `Array(String)` | tags |
//! | `severity` | low, medium, high or critical (any case); other values are left out | severity |
//! | `description` | any | the description (control characters become spaces) |
//! | `url` | any | the source's address |
//!
//! A mapped table is read, never written: `annals import` refuses it. It has no hourly counts,
//! so every view is counted from its rows.

use super::sql;

/// The keys an address may map, in the order they are written back.
const KEYS: [&str; 12] = [
    "time",
    "end",
    "id",
    "title",
    "category",
    "actor",
    "actors",
    "tag",
    "tags",
    "severity",
    "description",
    "url",
];

/// Which of a table's columns hold what (names checked by [`sql::check_name`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    /// (key, column), in [`KEYS`] order.
    columns: Vec<(&'static str, String)>,
}

impl Mapping {
    /// Reads `key=column` pairs; `Ok(None)` for none. Unknown keys, bad names, a key given
    /// twice and a mapping without `time` are refused with the reason.
    pub fn parse<'a>(
        pairs: impl Iterator<Item = (String, String)> + 'a,
    ) -> Result<Option<Self>, String> {
        let mut columns: Vec<(&'static str, String)> = Vec::new();
        for (key, column) in pairs {
            let Some(&known) = KEYS.iter().find(|k| **k == key) else {
                return Err(format!(
                    "{:?} is not a column Annals maps; it maps {}",
                    crate::model::text::one_line(&key, 40),
                    KEYS.join(", ")
                ));
            };
            sql::check_name(&column)?;
            if columns.iter().any(|(k, _)| *k == known) {
                return Err(format!("{known}= is given twice"));
            }
            columns.push((known, column));
        }
        if columns.is_empty() {
            return Ok(None);
        }
        if !columns.iter().any(|(k, _)| *k == "time") {
            return Err("a mapping needs time= (the column with each event's time)".into());
        }
        columns.sort_by_key(|(k, _)| KEYS.iter().position(|x| x == k));
        Ok(Some(Self { columns }))
    }

    /// `?time=ts&title=message…`, for the address.
    pub fn query(&self) -> String {
        let pairs: Vec<String> = self
            .columns
            .iter()
            .map(|(k, c)| format!("{k}={c}"))
            .collect();
        format!("?{}", pairs.join("&"))
    }

    /// The column mapped to `key`, as the inner subquery names it (`annals_in_KEY`: a column
    /// called `time` or `title` mapped to the alias of the same name would be a cycle).
    fn column(&self, key: &str) -> Option<String> {
        self.columns
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(k, _)| format!("annals_in_{k}"))
    }

    /// The subquery reading `table` (qualified) as the default schema's columns.
    pub fn source(&self, table: &str) -> String {
        let text = |key: &str| {
            self.column(key)
                .map_or_else(|| "''".to_owned(), |c| format!("toString({c})"))
        };
        let time_column = self.column("time").unwrap_or_else(|| "0".into());
        // Seconds, and a day's last second for a `Date` end.
        let seconds = |c: &str| format!("toInt64(toDateTime({c}))");
        let is_day = |c: &str| format!("toTypeName({c}) = 'Date'");
        // The time as the native format writes it, at the column's precision.
        let iso = |c: &str| {
            format!(
                "if({}, toString({c}), formatDateTime(toDateTime({c}), '%Y-%m-%dT%H:%M:%SZ', 'UTC'))",
                is_day(c)
            )
        };
        let end_column = self.column("end");
        let time = seconds(&time_column);
        let time_end = {
            let c = end_column.as_deref().unwrap_or(&time_column);
            format!("{} + if({}, 86399, 0)", seconds(c), is_day(c))
        };
        let list = |one: &str, many: &str| match (self.column(one), self.column(many)) {
            (_, Some(many)) => format!("arrayMap(x -> toString(x), {many})"),
            (Some(one), None) => format!("arrayFilter(x -> x != '', [toString({one})])"),
            (None, None) => "emptyArrayString()".to_owned(),
        };
        let title_text = text("title");
        let id = match self.column("id") {
            Some(c) => format!("toString({c})"),
            None => format!(
                "toString(cityHash64({}, {title_text}))",
                seconds(&time_column)
            ),
        };
        let severity = self.column("severity").map_or_else(
            || "''".to_owned(),
            |c| {
                format!(
                    "if(lower(toString({c})) IN ('low', 'medium', 'high', 'critical'), lower(toString({c})), '')"
                )
            },
        );
        // A JSON string's insides: backslash and quote escaped, control characters spaces.
        let esc = |e: &str| {
            format!(
                "replaceRegexpAll(replaceAll(replaceAll({e}, '\\\\', '\\\\\\\\'), '\"', '\\\\\"'), '[\\\\x00-\\\\x1f]', ' ')"
            )
        };
        let json_list = |e: &str| {
            format!(
                "arrayStringConcat(arrayMap(x -> concat('\"', {}, '\"'), {e}), ',')",
                esc("x")
            )
        };
        let optional = |key: &str, e: &str| {
            format!(
                "if({e} = '', '', concat(',\"{key}\":\"', {}, '\"'))",
                esc(e)
            )
        };
        let end_json = end_column.as_ref().map_or_else(
            || "''".to_owned(),
            |c| format!("concat(',\"end\":\"', {}, '\"')", iso(c)),
        );
        let event = format!(
            "concat('{{\"id\":\"', {}, '\",\"title\":\"', {}, '\",\"start\":\"', {}, '\"', {end_json}, \
             {}, {}, {}, ',\"actors\":[', {}, '],\"tags\":[', {}, ']', \
             if(source_url = '', '', concat(',\"sources\":[{{\"title\":\"', {}, '\",\"url\":\"', {}, '\"}}]')), '}}')",
            esc("id"),
            esc("title"),
            iso(&time_column),
            optional("category", "category"),
            optional("severity", "severity"),
            optional("description", "description"),
            json_list("actors"),
            json_list("tags"),
            esc("source_url"),
            esc("source_url"),
        );
        format!(
            "(SELECT {id} AS id, {time} AS time, {time_end} AS time_end, {} AS category, \
             if({title_text} = '', id, {title_text}) AS title, {} AS actors, {} AS tags, \
             {severity} AS severity, {} AS source_url, {} AS description, {event} AS event \
             FROM (SELECT {} FROM {table}))",
            text("category"),
            list("actor", "actors"),
            list("tag", "tags"),
            text("url"),
            text("description"),
            self.columns
                .iter()
                .map(|(k, c)| format!("{} AS annals_in_{k}", sql::ident(c)))
                .collect::<Vec<_>>()
                .join(", "),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
        url::form_urlencoded::parse(text.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned()))
    }

    #[test]
    fn a_mapping_names_known_keys_and_a_time() {
        let m = Mapping::parse(pairs("title=message&time=ts"))
            .unwrap()
            .unwrap();
        assert_eq!(m.query(), "?time=ts&title=message");
        assert_eq!(Mapping::parse(pairs("")).unwrap(), None);
        assert!(
            Mapping::parse(pairs("title=message"))
                .unwrap_err()
                .contains("time=")
        );
        assert!(
            Mapping::parse(pairs("time=ts&colour=c"))
                .unwrap_err()
                .contains("maps time")
        );
        assert!(
            Mapping::parse(pairs("time=ts&time=t2"))
                .unwrap_err()
                .contains("twice")
        );
        assert!(
            Mapping::parse(pairs("time=ts;DROP TABLE x"))
                .unwrap_err()
                .contains("not a name")
        );
    }
}
