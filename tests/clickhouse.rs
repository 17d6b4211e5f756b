//! ClickHouse as a source: each test starts its own `clickhouse-server` processes on free
//! loopback ports with temporary data folders (stopped and removed when the test ends), imports
//! through `annals import`, and checks counts, ranges and pictures against the same data read
//! from the file. Where the package is not installed the tests say so and pass, unless
//! `ANNALS_REQUIRE_CLICKHOUSE=1` (as `.ci/run` sets it) makes that a failure.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stderr,
    reason = "tests fail loudly on purpose, and say when they are skipped"
)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use annals::io::clickhouse::{self, Client, Target, sql};

fn server_binary() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/bin")])
        .map(|dir| dir.join("clickhouse-server"))
        .find(|p| p.is_file())
}

/// The server binary, or `None` (with a note) when the test should be skipped.
fn need_server(test: &str) -> Option<PathBuf> {
    let found = server_binary();
    if found.is_none() {
        assert!(
            std::env::var_os("ANNALS_REQUIRE_CLICKHOUSE").is_none(),
            "{test}: clickhouse-server is not installed, and ANNALS_REQUIRE_CLICKHOUSE is set"
        );
        eprintln!(
            "{test}: skipped, clickhouse-server is not installed (apt-get install clickhouse-server)"
        );
    }
    found
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// One running server; stopped and its folder removed on drop.
struct Server {
    child: Child,
    dir: PathBuf,
    http: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

impl Server {
    fn address(&self, database: &str, table: &str) -> String {
        format!("clickhouse://127.0.0.1:{}/{database}/{table}", self.http)
    }

    fn client(&self, database: &str, table: &str) -> Client {
        Client::with_password(
            Target::parse(&self.address(database, table)).expect("an address"),
            None,
        )
    }

    fn query(&self, query: &str) -> String {
        let bytes = self
            .client("default", "x")
            .query(query)
            .unwrap_or_else(|e| panic!("{query}: {e}"));
        String::from_utf8(bytes).expect("UTF-8").trim().to_owned()
    }
}

/// Starts `count` servers that know each other as the cluster `annals_shards` (one shard
/// each), and waits until each answers.
fn start_servers(binary: &Path, count: usize) -> Vec<Server> {
    let ports: Vec<(u16, u16)> = (0..count).map(|_| (free_port(), free_port())).collect();
    let mut shards = String::new();
    for (_, tcp) in &ports {
        shards += "<shard><replica><host>127.0.0.1</host><port>";
        shards += &tcp.to_string();
        shards += "</port></replica></shard>";
    }
    let mut servers = Vec::new();
    for (i, &(http, tcp)) in ports.iter().enumerate() {
        let dir = std::env::temp_dir().join(format!(
            "annals-clickhouse-{}-{}-{i}",
            std::process::id(),
            Instant::now().elapsed().as_nanos() ^ u128::from(http)
        ));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
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
        std::fs::write(&config_path, config).expect("config written");
        let child = Command::new(binary)
            .arg(format!("--config-file={}", config_path.display()))
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("clickhouse-server starts");
        servers.push(Server { child, dir, http });
    }
    for server in &mut servers {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let client = server.client("default", "x");
            if client.query("SELECT 1").is_ok() {
                break;
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                let log =
                    std::fs::read_to_string(server.dir.join("server.err.log")).unwrap_or_default();
                panic!("clickhouse-server stopped ({status}): {log}");
            }
            assert!(
                Instant::now() < deadline,
                "clickhouse-server did not answer within 60 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    servers
}

fn annals(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(args)
        .env("LC_ALL", "C")
        .env_remove("ANNALS_CLICKHOUSE_PASSWORD")
        .output()
        .expect("annals runs")
}

fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A folder for one test's files, removed when the test ends (passing or not).
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("annals-ch-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        Self(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// The SVG with text kept as text, its footer's data name replaced by `DATA`.
fn svg_of(source: &str, name_in_footer: &str, out: &Path) -> String {
    let output = annals(&[
        "render",
        source,
        "-o",
        out.to_str().expect("a UTF-8 path"),
        "--svg-live-text",
        "--size",
        "1600x900",
    ]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "render {source}: {stdout}{stderr}");
    let svg = std::fs::read_to_string(out).expect("SVG written");
    assert!(
        svg.contains(name_in_footer),
        "the footer names the data ({name_in_footer})"
    );
    svg.replace(name_in_footer, "DATA")
}

const BELGIUM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/belgium.json");

#[test]
fn a_table_is_counted_and_drawn_as_its_file() {
    let Some(binary) = need_server("a_table_is_counted_and_drawn_as_its_file") else {
        return;
    };
    let scratch = Scratch::new("a_table_is_counted_and_drawn_as_its_file");
    let servers = start_servers(&binary, 1);
    let server = &servers[0];
    let address = server.address("annals_test", "belgium");

    let output = annals(&["import", BELGIUM, "--to", &address]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("28 events sent to"), "{stdout}");

    let from_file = text(&annals(&["check", BELGIUM])).0;
    let output = annals(&["check", &address]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.starts_with(&format!("{address}: clickhouse, 28 events, 2 periods")),
        "{stdout}"
    );
    let total = |report: &str| report.lines().last().unwrap_or("").to_owned();
    assert_eq!(total(&stdout), total(&from_file), "same count and range");
    assert_eq!(total(&stdout), "total: 28 events, 2 periods, 2012 to 2025");

    // The same picture, but for the footer's name of the data.
    let from_table = svg_of(
        &address,
        "ClickHouse annals_test.belgium",
        &scratch.path("table.svg"),
    );
    let from_file = svg_of(BELGIUM, "belgium.json", &scratch.path("file.svg"));
    assert!(from_file.contains("Belgacom"), "the picture has events");
    assert!(from_table == from_file, "the table draws as its file does");

    // Importing again adds the events again, and the title, categories and periods once.
    assert!(
        annals(&["import", BELGIUM, "--to", &address])
            .status
            .success()
    );
    let stdout = text(&annals(&["check", &address])).0;
    assert!(stdout.contains("56 events, 2 periods"), "{stdout}");
}

#[test]
fn hostile_strings_stay_data() {
    let Some(binary) = need_server("hostile_strings_stay_data") else {
        return;
    };
    let scratch = Scratch::new("hostile_strings_stay_data");
    let servers = start_servers(&binary, 1);
    let server = &servers[0];
    let hostile = [
        "'; DROP TABLE annals_test.events; --",
        "\\'; DROP DATABASE annals_test; --",
        "back\\slash \\\\ and 'quotes' and \"doubles\"",
        "line\nbreak\ttab\rreturn",
        "`backquote` $(rm -rf /) {{ }} %s %n",
        "Ünïcödé — 東京 — \u{202e}bidi",
    ];
    let events: Vec<String> = hostile
        .iter()
        .enumerate()
        .map(|(i, title)| {
            serde_json::json!({
                "id": format!("e{i}{title}"),
                "title": title,
                "start": format!("2021-05-0{}", i + 1),
                "category": title,
                "tags": [title],
                "actors": [title],
            })
            .to_string()
        })
        .collect();
    let file = scratch.path("hostile.json");
    std::fs::write(
        &file,
        format!("{{\"annals\": 1, \"events\": [{}]}}", events.join(",")),
    )
    .expect("written");
    let address = server.address("annals_test", "events");
    let output = annals(&["import", file.to_str().expect("UTF-8"), "--to", &address]);
    assert!(output.status.success(), "{:?}", text(&output));

    // Each hostile string found by an equality built with `sql::string`: exactly its event.
    for title in hostile {
        let count = server.query(&format!(
            "SELECT count() FROM annals_test.events WHERE title = {} AND has(tags, {})",
            sql::string(title),
            sql::string(title)
        ));
        assert_eq!(count, "1", "{title:?}");
    }
    assert_eq!(server.query("SELECT count() FROM annals_test.events"), "6");
    // Read back whole: every string exactly as sent.
    let loaded = clickhouse::fetch_all(&server.client("annals_test", "events")).expect("read");
    let titles: Vec<String> = loaded
        .part
        .events
        .iter()
        .map(|e| e.to_event().title)
        .collect();
    assert_eq!(titles, hostile);
    // A hostile name never reaches a query.
    let output = annals(&[
        "check",
        &format!("clickhouse://127.0.0.1:{}/annals_test/x`;DROP", server.http),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).1.contains("is not a name Annals uses"));
}

#[test]
fn two_shards_answer_as_one_file() {
    let Some(binary) = need_server("two_shards_answer_as_one_file") else {
        return;
    };
    let scratch = Scratch::new("two_shards_answer_as_one_file");
    let servers = start_servers(&binary, 2);
    // The local table on each shard, and a Distributed table over both on the first.
    for server in &servers {
        clickhouse::create_table(&server.client("annals_test", "events_local"))
            .expect("local table");
    }
    servers[0].query(
        "CREATE TABLE annals_test.events AS annals_test.events_local \
         ENGINE = Distributed(annals_shards, annals_test, events_local, rand())",
    );
    let generated = scratch.path("generated.json");
    let generated = generated.to_str().expect("UTF-8");
    assert!(
        annals(&["gen", "--events", "4000", "--seed", "3", "-o", generated])
            .status
            .success()
    );
    let address = servers[0].address("annals_test", "events");
    let output = annals(&["import", generated, "--to", &address, "--batch", "1000"]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("4,000 events sent"), "{stdout}");

    // Both shards hold some of the rows; together all of them.
    let counts: Vec<u64> = servers
        .iter()
        .map(|s| {
            s.query("SELECT count() FROM annals_test.events_local")
                .parse()
                .expect("a count")
        })
        .collect();
    assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
    assert_eq!(counts.iter().sum::<u64>(), 4000);

    let from_file = text(&annals(&["check", generated])).0;
    let stdout = text(&annals(&["check", &address])).0;
    let total = |report: &str| report.lines().last().unwrap_or("").to_owned();
    assert_eq!(total(&stdout), total(&from_file), "{stdout}\n{from_file}");

    let from_table = svg_of(
        &address,
        "ClickHouse annals_test.events",
        &scratch.path("shards.svg"),
    );
    let from_file = svg_of(generated, "generated.json", &scratch.path("generated.svg"));
    assert!(from_table == from_file, "the shards draw as the file does");
}

#[test]
fn an_unreachable_server_is_named() {
    let port = free_port();
    let output = annals(&["check", &format!("clickhouse://127.0.0.1:{port}/db/t")]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output).1;
    assert!(
        stderr.contains(&format!("could not reach ClickHouse at 127.0.0.1:{port}")),
        "{stderr}"
    );
    let output = annals(&["check", "clickhouse://user:secret@127.0.0.1:1/db/t"]);
    let stderr = text(&output).1;
    assert!(stderr.contains("ANNALS_CLICKHOUSE_PASSWORD"), "{stderr}");
    assert!(!stderr.contains("secret"), "{stderr}");
}

/// Rows made by the server itself (no file that big in a test): `count` events a minute
/// apart from 2017-07-14, in three lanes, each with its native JSON.
fn generate_rows(server: &Server, table: &str, count: u64) {
    server.query(&format!(
        "INSERT INTO {table} (id, time, time_end, category, title, actors, tags, severity, source_url, event) \
         SELECT concat('g', toString(number)) AS id, 1500000000 + toInt64(number) * 60 AS time, \
         time AS time_end, ['incident', 'response', 'strategy'][number % 3 + 1] AS category, \
         concat('Event ', toString(number)) AS title, emptyArrayString(), emptyArrayString(), '', '', \
         concat('{{\"id\":\"', id, '\",\"title\":\"', title, '\",\"start\":\"', \
         formatDateTime(toDateTime(time, 'UTC'), '%Y-%m-%dT%H:%M:%S', 'UTC'), 'Z\",\"category\":\"', \
         category, '\"}}') AS event FROM system.numbers LIMIT {count}"
    ));
}

#[test]
fn a_table_too_big_to_read_is_drawn_from_its_counts() {
    let Some(binary) = need_server("a_table_too_big_to_read_is_drawn_from_its_counts") else {
        return;
    };
    let scratch = Scratch::new("a_table_too_big_to_read_is_drawn_from_its_counts");
    let servers = start_servers(&binary, 1);
    let server = &servers[0];
    let address = server.address("annals_test", "big");
    // The Belgium story's events and its title, categories and periods; then 2.1 million more.
    assert!(
        annals(&["import", BELGIUM, "--to", &address])
            .status
            .success()
    );
    generate_rows(server, "annals_test.big", 2_100_000);
    const { assert!(clickhouse::FETCH_LIMIT < 2_100_028) };

    let stdout = text(&annals(&["check", &address])).0;
    assert!(stdout.contains("2,100,028 events, 2 periods"), "{stdout}");

    let out = scratch.path("big.svg");
    let output = annals(&[
        "render",
        &address,
        "-o",
        out.to_str().unwrap(),
        "--svg-live-text",
        "--size",
        "1600x900",
    ]);
    assert!(output.status.success(), "{:?}", text(&output));
    let svg = std::fs::read_to_string(&out).unwrap();
    // The three crowded lanes are density from the server's counts, each with its exact count
    // (everything is in view); the others show their events one by one.
    let mut drawn: Vec<u64> = svg
        .match_indices(" events start in view")
        .map(|(at, _)| {
            let before = &svg[..at];
            let start = before.rfind('>').map_or(0, |i| i + 1);
            before[start..]
                .replace(',', "")
                .trim()
                .parse::<u64>()
                .unwrap()
        })
        .collect();
    drawn.sort_unstable();
    let mut counted: Vec<u64> = server
        .query("SELECT count() FROM annals_test.big WHERE category IN ('incident', 'response', 'strategy') GROUP BY category")
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    counted.sort_unstable();
    assert_eq!(drawn, counted);
    assert!(
        svg.contains("Belgium&apos;s first public attribution, to China")
            || svg.contains("Belgium's first public attribution, to China")
    );
    assert!(
        svg.contains("Cyber Strategy 2.0"),
        "periods from the metadata table"
    );
}
