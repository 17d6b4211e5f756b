//! `clickhouse-server` processes of Annals' own, for the tests and the benchmark: each on free
//! loopback ports with a temporary folder, stopped and removed when dropped. Several started
//! together know each other as the cluster `annals_shards` (one shard each), for a
//! `Distributed` table over them.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{Client, Target};

/// The server binary, from `PATH` or where Debian's package puts it.
pub fn server_binary() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/bin")])
        .map(|dir| dir.join("clickhouse-server"))
        .find(|p| p.is_file())
}

/// One running server.
pub struct LocalServer {
    child: Child,
    dir: PathBuf,
    /// Its HTTP port.
    pub http: u16,
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

impl LocalServer {
    /// Starts `count` servers with `binary` and waits (up to a minute) until each answers.
    pub fn start(binary: &Path, count: usize) -> Result<Vec<Self>, String> {
        let ports = (0..count)
            .map(|_| Ok((free_port()?, free_port()?)))
            .collect::<std::io::Result<Vec<(u16, u16)>>>()
            .map_err(|e| format!("no free port: {e}"))?;
        let mut shards = String::new();
        for (_, tcp) in &ports {
            shards += "<shard><replica><host>127.0.0.1</host><port>";
            shards += &tcp.to_string();
            shards += "</port></replica></shard>";
        }
        let mut servers = Vec::new();
        for (i, &(http, tcp)) in ports.iter().enumerate() {
            let dir = std::env::temp_dir().join(format!(
                "annals-clickhouse-{}-{http}-{i}",
                std::process::id()
            ));
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let d = dir.display();
            let config = format!(
                r#"<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>{d}/server.log</log><errorlog>{d}/server.err.log</errorlog></logger>
  <http_port>{http}</http_port>
  <tcp_port>{tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>{d}/data/</path>
  <tmp_path>{d}/tmp/</tmp_path>
  <user_files_path>{d}/user_files/</user_files_path>
  <format_schema_path>{d}/format_schemas/</format_schema_path>
  <mark_cache_size>268435456</mark_cache_size>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <profiles><default></default></profiles>
  <quotas><default></default></quotas>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <remote_servers><annals_shards>{shards}</annals_shards></remote_servers>
</yandex>
"#
            );
            let config_path = dir.join("config.xml");
            std::fs::write(&config_path, config).map_err(|e| e.to_string())?;
            let child = Command::new(binary)
                .arg(format!("--config-file={}", config_path.display()))
                .current_dir(&dir)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("{}: {e}", binary.display()))?;
            servers.push(Self { child, dir, http });
        }
        for server in &mut servers {
            let deadline = Instant::now() + Duration::from_secs(60);
            while server.client("default", "x").query("SELECT 1").is_err() {
                if let Ok(Some(status)) = server.child.try_wait() {
                    let log = std::fs::read_to_string(server.dir.join("server.err.log"))
                        .unwrap_or_default();
                    return Err(format!("clickhouse-server stopped ({status}): {log}"));
                }
                if Instant::now() > deadline {
                    return Err("clickhouse-server did not answer within 60 s".to_owned());
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        Ok(servers)
    }

    /// The address of `database.table` on this server.
    pub fn address(&self, database: &str, table: &str) -> String {
        format!("clickhouse://127.0.0.1:{}/{database}/{table}", self.http)
    }

    /// A client for `database.table` on this server (no password).
    ///
    /// # Panics
    /// Never for names [`super::sql::check_name`] accepts.
    pub fn client(&self, database: &str, table: &str) -> Client {
        let target = Target::parse(&self.address(database, table)).unwrap_or_else(|_| Target {
            host: "127.0.0.1".to_owned(),
            port: self.http,
            database: database.to_owned(),
            table: table.to_owned(),
            user: "default".to_owned(),
            mapping: None,
        });
        Client::with_password(target, None)
    }

    /// Runs `query` and returns its answer as trimmed text.
    pub fn query(&self, query: &str) -> Result<String, super::ClickHouseError> {
        let bytes = self.client("default", "x").query(query)?;
        Ok(String::from_utf8_lossy(&bytes).trim().to_owned())
    }

    /// Fills `table` (default schema) with `count` events made by the server itself: one every
    /// `step` seconds from 2017-07-14, in the categories `lanes` in turn, each with the rest of
    /// its native JSON as `annals import` writes it (its start; the rest is in the columns).
    pub fn generate(
        &self,
        table: &str,
        count: u64,
        step: u64,
        lanes: &[&str],
    ) -> Result<(), super::ClickHouseError> {
        let names: Vec<String> = lanes.iter().map(|l| super::sql::string(l)).collect();
        self.query(&format!(
            "INSERT INTO {table} (id, time, time_end, category, title, actors, tags, severity, source_url, event) \
             SELECT concat('g', toString(number)) AS id, 1500000000 + toInt64(number) * {step} AS time, \
             time AS time_end, [{}][number % {} + 1] AS category, \
             concat('Event ', toString(number)) AS title, emptyArrayString(), emptyArrayString(), '', '', \
             concat('{{\"start\":\"', \
             formatDateTime(toDateTime(time, 'UTC'), '%Y-%m-%dT%H:%M:%S', 'UTC'), 'Z\"}}') AS event \
             FROM system.numbers LIMIT {count}",
            names.join(", "),
            lanes.len().max(1)
        ))
        .map(|_| ())
    }
}
