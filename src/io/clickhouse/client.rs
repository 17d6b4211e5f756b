//! The HTTP interface: one query per POST, the answer's bytes back, the server's error text
//! when it refuses.

use std::time::Duration;

use super::{ClickHouseError, Target};

/// The most bytes one answer may have (a detail query asks for at most a few thousand rows;
/// `fetch_all` pages through bigger tables).
const MAX_ANSWER_BYTES: u64 = 1 << 30;

/// A connection to one server (kept alive between queries).
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    target: Target,
    authorization: Option<String>,
}

impl Client {
    /// A client for `target`, with the password from [`super::PASSWORD_VARIABLE`] if set.
    pub fn new(target: Target) -> Self {
        let password = std::env::var(super::PASSWORD_VARIABLE).ok();
        Self::with_password(target, password.as_deref())
    }

    /// A client for `target` with `password` if one was typed, else as [`Client::new`].
    pub fn with_typed(target: Target, password: Option<&super::Password>) -> Self {
        match password {
            Some(password) => Self::with_password(target, Some(password.expose())),
            None => Self::new(target),
        }
    }

    /// A client for `target` with `password` (none: the user has no password).
    pub fn with_password(target: Target, password: Option<&str>) -> Self {
        use base64::Engine as _;
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(600)))
            .build();
        let credentials = format!("{}:{}", target.user, password.unwrap_or(""));
        let authorization = (target.user != "default" || password.is_some()).then(|| {
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(credentials)
            )
        });
        Self {
            agent: config.into(),
            target,
            authorization,
        }
    }

    /// The table this client is for.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// Runs `query` (any statement; `FORMAT` is part of it) and returns the answer's bytes.
    pub fn query(&self, query: &str) -> Result<Vec<u8>, ClickHouseError> {
        self.post("", query.as_bytes())
    }

    /// Runs `insert` (`INSERT INTO … FORMAT …`) with `data` as its rows.
    pub fn insert(&self, insert: &str, data: &[u8]) -> Result<(), ClickHouseError> {
        let query: String = url::form_urlencoded::byte_serialize(insert.as_bytes()).collect();
        self.post(&format!("query={query}"), data).map(|_| ())
    }

    fn post(&self, query_string: &str, body: &[u8]) -> Result<Vec<u8>, ClickHouseError> {
        let server = self.target.server();
        // Every query names its tables in full, so no `database=` (which fails before the
        // database exists); inserts into a `Distributed` table wait for every shard.
        // A mapped table is read through a subquery: the server pushes each query's
        // conditions into it, so the table's own order key prunes.
        let url = format!(
            "http://{}:{}/?{query_string}{}insert_distributed_sync=1{}",
            bracketed(&self.target.host),
            self.target.port,
            if query_string.is_empty() { "" } else { "&" },
            if self.target.mapping.is_some() {
                "&enable_optimize_predicate_expression=1"
            } else {
                ""
            }
        );
        let mut request = self.agent.post(&url);
        if let Some(authorization) = &self.authorization {
            request = request.header("Authorization", authorization);
        }
        let mut response = request
            .send(body)
            .map_err(|e| ClickHouseError::Unreachable {
                address: server.clone(),
                why: e.to_string(),
            })?;
        let status = response.status();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER_BYTES)
            .read_to_vec()
            .map_err(|e| ClickHouseError::Unreachable {
                address: server.clone(),
                why: e.to_string(),
            })?;
        if status.is_success() {
            Ok(bytes)
        } else {
            let text = String::from_utf8_lossy(&bytes);
            let message = server_words(text.lines().next().unwrap_or(""));
            let message = if message.is_empty() {
                format!("HTTP {status}")
            } else {
                crate::model::text::one_line(&message, 600).into_owned()
            };
            Err(ClickHouseError::Refused {
                address: server,
                message,
            })
        }
    }
}

/// The server's error line without its C++ wrapping: 18.16 says `Code: 81,
/// e.displayText() = DB::Exception: Database x doesn't exist, e.what() = DB::Exception`, newer
/// releases `Code: 81. DB::Exception: Database x doesn't exist. (UNKNOWN_DATABASE) (version …)`.
fn server_words(line: &str) -> String {
    let line = line.trim();
    let code = line
        .strip_prefix("Code: ")
        .and_then(|rest| rest.split([',', '.']).next())
        .filter(|c| c.bytes().all(|b| b.is_ascii_digit()));
    let words = line
        .split_once("DB::Exception: ")
        .map_or(line, |(_, rest)| rest);
    let words = words
        .split(", e.what() = ")
        .next()
        .unwrap_or(words)
        .split(" (version ")
        .next()
        .unwrap_or(words)
        .trim();
    match code {
        Some(code) => format!("{words} (code {code})"),
        None => words.to_owned(),
    }
}

/// An IPv6 address in brackets for a URL.
fn bracketed(host: &str) -> String {
    if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]")
    } else {
        host.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn server_words() {
        assert_eq!(
            super::server_words(
                "Code: 81, e.displayText() = DB::Exception: Database x doesn't exist, e.what() = DB::Exception"
            ),
            "Database x doesn't exist (code 81)"
        );
        assert_eq!(
            super::server_words(
                "Code: 81. DB::Exception: Database x does not exist. (UNKNOWN_DATABASE) (version 24.3.1.1)"
            ),
            "Database x does not exist. (UNKNOWN_DATABASE) (code 81)"
        );
        assert_eq!(super::server_words("something else"), "something else");
    }
}
