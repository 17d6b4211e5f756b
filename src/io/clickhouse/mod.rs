//! A ClickHouse table as a timeline source: `clickhouse://[USER@]HOST[:PORT]/DATABASE/TABLE`.
//!
//! The server is spoken to over its HTTP interface (port 8123 unless the address says
//! otherwise). Queries are SQL text built by [`sql`] from numbers and from strings that go
//! through [`sql::string`] / [`sql::ident`] only, so nothing a user types or a table holds can
//! change a query. Everything is SQL that ClickHouse 18.16 (Debian's package) and current
//! releases both accept; what was avoided and why is written beside each query.
//!
//! A password is never part of the address: it comes from the `ANNALS_CLICKHOUSE_PASSWORD`
//! environment variable (or the window's prompt) and is sent as HTTP basic authentication.

mod client;
pub mod filter;
mod import;
pub mod local;
pub mod mapping;
mod rowbinary;
pub mod sql;
mod table;
pub mod window;

pub use client::Client;
pub use import::{ImportProgress, import_part};
pub use table::{DEFAULT_BATCH, FETCH_LIMIT, Summary, create_table, fetch_all, header, summary};

/// The environment variable a password is read from.
pub const PASSWORD_VARIABLE: &str = "ANNALS_CLICKHOUSE_PASSWORD";

/// A password typed into the window: kept in memory for the table it was typed for, never
/// printed (its `Debug` is `"…"`), never saved.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(std::sync::Arc<str>);

impl Password {
    /// Wraps `text`; an empty one is no password.
    pub fn new(text: &str) -> Option<Self> {
        (!text.is_empty()).then(|| Self(text.into()))
    }

    /// The password itself, for the `Authorization` header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

/// The scheme that marks a ClickHouse address among file paths.
pub const SCHEME: &str = "clickhouse://";

/// Whether a command-line argument names a ClickHouse table rather than a file.
pub fn is_address(text: &str) -> bool {
    text.get(..SCHEME.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(SCHEME))
}

/// Where a table is: host, HTTP port, database, table and user (never a password).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Host name or address.
    pub host: String,
    /// The HTTP interface's port.
    pub port: u16,
    /// Database.
    pub database: String,
    /// Table.
    pub table: String,
    /// User (`default` when the address names none).
    pub user: String,
    /// Which columns hold what, for a table without Annals' schema (`?time=…&title=…`).
    pub mapping: Option<mapping::Mapping>,
}

/// What went wrong talking to ClickHouse.
#[derive(Debug, thiserror::Error)]
pub enum ClickHouseError {
    /// The address is not one Annals understands.
    #[error(
        "{address} is not a ClickHouse table address (clickhouse://HOST:PORT/DATABASE/TABLE[?time=COLUMN&…]): {why}"
    )]
    Address {
        /// What was given.
        address: String,
        /// What is wrong with it.
        why: String,
    },
    /// No answer: the server is down, the port wrong, the network cut.
    #[error("could not reach ClickHouse at {address}: {why}")]
    Unreachable {
        /// host:port.
        address: String,
        /// The network's words.
        why: String,
    },
    /// The server answered with an error.
    #[error("ClickHouse at {address} refused the query: {message}")]
    Refused {
        /// host:port.
        address: String,
        /// The server's words (first line).
        message: String,
    },
    /// The answer is not what was asked for.
    #[error("ClickHouse at {address} answered in a shape Annals cannot read: {why}")]
    Answer {
        /// host:port.
        address: String,
        /// What was wrong.
        why: String,
    },
}

impl ClickHouseError {
    /// What went wrong, to be said in any language (the server's and the network's own words
    /// stay as they come).
    pub fn said(&self) -> crate::i18n::Said {
        use crate::i18n::Said;
        match self {
            Self::Address { address, why } => Said::new("clickhouse-address")
                .text("address", address.clone())
                .text("why", why.clone()),
            Self::Unreachable { address, why } => Said::new("clickhouse-unreachable")
                .text("address", address.clone())
                .text("why", why.clone()),
            Self::Refused { address, message } => Said::new("clickhouse-refused")
                .text("address", address.clone())
                .text("message", message.clone()),
            Self::Answer { address, why } => Said::new("clickhouse-answer")
                .text("address", address.clone())
                .text("why", why.clone()),
        }
    }

    /// As a load error of the table at `address`.
    pub fn into_load_error(self, address: &str) -> crate::io::LoadError {
        crate::io::LoadError::Remote {
            path: address.to_owned(),
            said: self.said(),
        }
    }
}

/// Reads a whole table as a file (see [`fetch_all`]): the address is checked, the server asked.
pub fn load(address: &str) -> Result<crate::io::LoadedFile, crate::io::LoadError> {
    let target = Target::parse(address).map_err(|e| e.into_load_error(&redacted(address)))?;
    let shown = target.address();
    fetch_all(&Client::new(target)).map_err(|e| e.into_load_error(&shown))
}

impl Target {
    /// Reads `clickhouse://[USER@]HOST[:PORT]/DATABASE/TABLE`. A password in the address is
    /// refused (it would end up in shell history, sessions and process lists).
    pub fn parse(address: &str) -> Result<Self, ClickHouseError> {
        let bad = |why: &str| ClickHouseError::Address {
            address: crate::model::text::one_line(&redacted(address), 200).into_owned(),
            why: why.to_owned(),
        };
        if !is_address(address) {
            return Err(bad("it does not start with clickhouse://"));
        }
        let url = url::Url::parse(address).map_err(|e| bad(&e.to_string()))?;
        if url.password().is_some() {
            return Err(bad(&format!(
                "a password does not belong in the address; set {PASSWORD_VARIABLE} instead"
            )));
        }
        if url.fragment().is_some() {
            return Err(bad("nothing may follow the table name but ?column=…"));
        }
        let mapping = mapping::Mapping::parse(
            url.query_pairs()
                .map(|(k, v)| (k.into_owned(), v.into_owned())),
        )
        .map_err(|why| bad(&why))?;
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad("no host"))?
            .to_owned();
        let parts: Vec<&str> = url
            .path()
            .trim_start_matches('/')
            .split('/')
            .filter(|p| !p.is_empty())
            .collect();
        let [database, table] = parts.as_slice() else {
            return Err(bad("the path must be /DATABASE/TABLE"));
        };
        for name in [database, table] {
            sql::check_name(name).map_err(|why| bad(&why))?;
        }
        let user = match url.username() {
            "" => "default".to_owned(),
            user => percent_decode(user),
        };
        Ok(Self {
            host,
            port: url.port().unwrap_or(8123),
            database: (*database).to_owned(),
            table: (*table).to_owned(),
            user,
            mapping,
        })
    }

    /// The address without any password, as sessions and messages show it.
    pub fn address(&self) -> String {
        let user = if self.user == "default" {
            String::new()
        } else {
            format!("{}@", self.user)
        };
        format!(
            "clickhouse://{user}{}:{}/{}/{}{}",
            self.host,
            self.port,
            self.database,
            self.table,
            self.mapping
                .as_ref()
                .map_or_else(String::new, mapping::Mapping::query)
        )
    }

    /// `host:port`, for messages.
    pub fn server(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }

    /// The table's name for SQL: `` `db`.`table` ``.
    pub fn qualified(&self) -> String {
        format!("{}.{}", sql::ident(&self.database), sql::ident(&self.table))
    }

    /// What queries read events from: the table, or for a mapped table a subquery giving it
    /// the default schema's columns.
    pub fn source(&self) -> String {
        match &self.mapping {
            Some(mapping) => mapping.source(&self.qualified()),
            None => self.qualified(),
        }
    }

    /// Annals' counts per lane and hour beside the table (a materialized view).
    pub fn hours_table(&self) -> String {
        format!(
            "{}.{}",
            sql::ident(&self.database),
            sql::ident(&format!("{}__annals_hours", self.table))
        )
    }

    /// The events longer than an hour, by end (a materialized view): what overlaps a range from
    /// before it is found from them, not by reading back through every row.
    pub fn long_table(&self) -> String {
        format!(
            "{}.{}",
            sql::ident(&self.database),
            sql::ident(&format!("{}__annals_long", self.table))
        )
    }

    /// The table Annals keeps the dataset's title, categories and periods in, beside the events.
    pub fn meta_table(&self) -> String {
        format!(
            "{}.{}",
            sql::ident(&self.database),
            sql::ident(&format!("{}__annals", self.table))
        )
    }
}

/// The address with any password in it replaced by `***`.
pub fn redacted(address: &str) -> String {
    let Some(scheme_end) = address.find("://").map(|i| i + 3) else {
        return address.to_owned();
    };
    let rest = &address[scheme_end..];
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match authority.rfind('@') {
        Some(at) if authority[..at].contains(':') => {
            let user = authority[..at].split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &address[..scheme_end], &rest[at..])
        }
        _ => address.to_owned(),
    }
}

fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        let t = Target::parse("clickhouse://127.0.0.1:18123/db/events").unwrap();
        assert_eq!(
            (
                t.host.as_str(),
                t.port,
                t.database.as_str(),
                t.table.as_str()
            ),
            ("127.0.0.1", 18123, "db", "events")
        );
        assert_eq!(t.user, "default");
        assert_eq!(t.address(), "clickhouse://127.0.0.1:18123/db/events");
        let t = Target::parse("CLICKHOUSE://analyst@ch.example/soc/plaso_2024").unwrap();
        assert_eq!((t.port, t.user.as_str()), (8123, "analyst"));
        assert_eq!(
            t.address(),
            "clickhouse://analyst@ch.example:8123/soc/plaso_2024"
        );
        assert_eq!(t.qualified(), "`soc`.`plaso_2024`");
        assert_eq!(t.meta_table(), "`soc`.`plaso_2024__annals`");
        // A mapping is kept in the address, in a fixed order.
        let t = Target::parse("clickhouse://h/soc/auth?title=msg&time=ts").unwrap();
        assert_eq!(
            t.address(),
            "clickhouse://h:8123/soc/auth?time=ts&title=msg"
        );
        assert!(t.source().contains("FROM `soc`.`auth`"));
        assert_eq!(Target::parse(&t.address()).unwrap(), t);
    }

    #[test]
    fn bad_addresses_say_why() {
        for (address, why) in [
            ("http://h/db/t", "clickhouse://"),
            ("clickhouse://u:secret@h/db/t", "ANNALS_CLICKHOUSE_PASSWORD"),
            ("clickhouse://h/db", "/DATABASE/TABLE"),
            ("clickhouse://h/db/t/x", "/DATABASE/TABLE"),
            ("clickhouse://h/db/t?x=1", "not a column Annals maps"),
            ("clickhouse://h/db/t#x", "nothing may follow"),
            ("clickhouse://h/db/t?title=m", "needs time="),
            ("clickhouse:///db/t", "host"),
            ("clickhouse://h/db/t%60;DROP", "letters"),
            ("clickhouse://h:99999/db/t", "port"),
        ] {
            let e = Target::parse(address).unwrap_err().to_string();
            assert!(e.contains(why), "{address}: {e}");
            assert!(!e.contains("secret"), "the password is never repeated: {e}");
        }
    }
}
