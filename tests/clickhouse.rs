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

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use annals::io::clickhouse::{self, sql};

use annals::io::clickhouse::local::{LocalServer, server_binary};

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

fn start_servers(binary: &Path, count: usize) -> Vec<LocalServer> {
    LocalServer::start(binary, count).expect("clickhouse-server starts")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
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
        let count = server
            .query(&format!(
                "SELECT count() FROM annals_test.events WHERE title = {} AND has(tags, {})",
                sql::string(title),
                sql::string(title)
            ))
            .unwrap();
        assert_eq!(count, "1", "{title:?}");
    }
    assert_eq!(
        server
            .query("SELECT count() FROM annals_test.events")
            .unwrap(),
        "6"
    );
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
    servers[0]
        .query(
            "CREATE TABLE annals_test.events AS annals_test.events_local \
         ENGINE = Distributed(annals_shards, annals_test, events_local, rand())",
        )
        .unwrap();
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
                .unwrap()
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
    // Rows made by the server itself (no file that big in a test), a minute apart.
    server
        .generate(
            "annals_test.big",
            2_100_000,
            60,
            &["incident", "response", "strategy"],
        )
        .unwrap();
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
        .unwrap()
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

/// Events at odd times, over hour edges, long spans (one over years), before 1970, in three
/// lanes: the shapes that make counting by whole hours go wrong if it goes wrong anywhere.
fn awkward_events() -> String {
    let mut events = Vec::new();
    let mut push = |id: String, lane: &str, start: String, end: Option<String>| {
        let mut event =
            serde_json::json!({"id": id, "title": id, "category": lane, "start": start});
        if let Some(end) = end {
            event["end"] = serde_json::Value::String(end);
        }
        events.push(event);
    };
    for i in 0..400_i64 {
        // Every 37 minutes and 11 seconds from 31 Dec 1969 20:00: crosses 1970 and many hours.
        let t = -14_400 + i * 2_231;
        let start = chrono::DateTime::from_timestamp(t, 0).unwrap();
        let lane = ["dense", "dense", "other"][usize::try_from(i % 3).unwrap()];
        let end = (i % 7 == 0).then(|| {
            (start + chrono::Duration::seconds(3_000 + 97 * i))
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        });
        push(
            format!("e{i}"),
            lane,
            start.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            end,
        );
    }
    // Days, months and a span of years, at their own precision.
    push("day".into(), "dense", "1970-01-03".into(), None);
    push(
        "days".into(),
        "other",
        "1970-01-04".into(),
        Some("1970-01-07".into()),
    );
    push(
        "month".into(),
        "other",
        "1969-12".into(),
        Some("1970-01".into()),
    );
    push("years".into(), "long", "1960".into(), Some("1985".into()));
    serde_json::json!({"annals": 1, "title": "Awkward", "events": events}).to_string()
}

#[test]
fn hourly_counts_answer_as_the_events_do() {
    let Some(binary) = need_server("hourly_counts_answer_as_the_events_do") else {
        return;
    };
    let scratch = Scratch::new("hourly_counts_answer_as_the_events_do");
    let file = scratch.path("awkward.json");
    std::fs::write(&file, awkward_events()).unwrap();
    let servers = start_servers(&binary, 1);
    let server = &servers[0];
    let address = server.address("annals_test", "awkward");
    let output = annals(&["import", file.to_str().unwrap(), "--to", &address]);
    assert!(output.status.success(), "{:?}", text(&output));
    let client = server.client("annals_test", "awkward");
    let summary = clickhouse::summary(&client).unwrap();
    assert!(summary.rollup, "annals import keeps counts per hour");
    assert_eq!(summary.events, 404);

    // Ranges on and off hour edges, narrow and wide, before, across and after 1970.
    let ranges = [
        (-14_400.5, 900_000.25),
        (-3_600.0, 3_600.0),
        (-1_000.0, 200.0),
        (12_345.0, 200_000.0),
        (7_200.0, 10_800.0),
        (-1.0e9, 1.0e9),
        (500_000.0, 510_000.0),
        (-400_000_000.0, -300_000_000.0),
        (-100_000.0, 4_000_000.0),
        (-1_000_000.0, 12_000_000.0),
    ];
    for (min_secs, max_secs) in ranges {
        let ask = |rollup| {
            let question = clickhouse::window::Question {
                min_secs,
                max_secs,
                limit: 20,
                rollup,
                condition: None,
                whole: None,
                lanes_by: Some(annals::model::filter::Field::Category),
            };
            clickhouse::window::ask(&client, &summary.header, question).unwrap()
        };
        let (hourly, raw) = (ask(true), ask(false));
        let range = format!("[{min_secs}, {max_secs})");
        assert_eq!(hourly.lanes, raw.lanes, "lane counts in {range}");
        let ids = |a: &clickhouse::window::Answer| {
            let events = &a.events.part.events;
            (0..events.len())
                .filter_map(|i| events.owned(i).map(|e| e.id))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&hourly), ids(&raw), "events read in {range}");
        assert_eq!(hourly.counted.len(), raw.counted.len(), "{range}");
        let width = (max_secs - min_secs) / clickhouse::window::COUNT_BINS as f64;
        for ((lane, n, bins), (raw_lane, raw_n, raw_bins)) in
            hourly.counted.iter().zip(&raw.counted)
        {
            assert_eq!((lane, n), (raw_lane, raw_n), "{range}");
            let sum = |b: &[u32]| b.iter().map(|&c| u64::from(c)).sum::<u64>();
            assert_eq!(
                sum(bins),
                sum(raw_bins),
                "every count in a bin, {lane} {range}"
            );
            if width < 900.0 {
                assert_eq!(
                    bins, raw_bins,
                    "bins under 15 minutes are exact, {lane} {range}"
                );
            } else {
                // An hour's events sit in the bins the hour covers (or, for bins of an hour or
                // more, the one its start is in): never further from their own than that.
                let reach = (3_600.0 / width).ceil() as usize + 1;
                let cumulative = |b: &[u32]| {
                    b.iter()
                        .scan(0_u64, |s, &c| {
                            *s += u64::from(c);
                            Some(*s)
                        })
                        .collect::<Vec<_>>()
                };
                let (a, b) = (cumulative(bins), cumulative(raw_bins));
                for i in reach..a.len() {
                    assert!(
                        a[i] >= b[i - reach] && b[i] >= a[i - reach],
                        "bin {i} of {lane} {range}: hourly {} raw {}",
                        a[i],
                        b[i]
                    );
                }
            }
        }
    }
    // Some ranges must count lanes (the comparison above is not of empty answers).
    let wide = clickhouse::window::ask(
        &client,
        &summary.header,
        clickhouse::window::Question {
            min_secs: -14_400.5,
            max_secs: 900_000.25,
            limit: 20,
            rollup: true,
            condition: None,
            whole: None,
            lanes_by: Some(annals::model::filter::Field::Category),
        },
    )
    .unwrap();
    assert!(
        wide.counted
            .iter()
            .any(|(lane, n, _)| lane == "dense" && *n > 200)
    );

    // The overview's counts over the whole table, from the hourly counts and from the rows:
    // every event once, each in its own bin or (hourly) at most one bin early.
    let (first, last) = (
        summary.first.unwrap().start_secs(),
        summary.last.unwrap().end_secs(),
    );
    let whole = |rollup| {
        let (lo, hi, bins) = clickhouse::window::ask(
            &client,
            &summary.header,
            clickhouse::window::Question {
                min_secs: first,
                max_secs: last,
                limit: 20,
                rollup,
                condition: None,
                whole: Some((first, last)),
                lanes_by: Some(annals::model::filter::Field::Category),
            },
        )
        .unwrap()
        .whole
        .expect("the whole range counted");
        assert!(lo <= first && hi >= last);
        bins
    };
    let (hourly, raw) = (whole(true), whole(false));
    let total = |bins: &[u32]| bins.iter().map(|&n| u64::from(n)).sum::<u64>();
    assert_eq!((total(&hourly), total(&raw)), (404, 404));
    let (mut h, mut r) = (0u64, 0u64);
    for i in 0..raw.len() {
        h += u64::from(hourly[i]);
        r += u64::from(raw[i]);
        let r_next = r + raw.get(i + 1).map_or(0, |&n| u64::from(n));
        assert!(
            h >= r && h <= r_next,
            "bin {i}: {h} hourly, {r} from the rows"
        );
    }
}

/// Events whose every field holds something a query could trip on, beside Belgium's.
fn hostile_detailed_events() -> String {
    let hostile = [
        "x'); DROP TABLE annals_test.filtered; --",
        "back\\slash \\' and \"doubles\"",
        "Ünïcödé — 東京 \u{202e}bidi",
        "%_ like wildcards .* (regex) [x]",
    ];
    let events: Vec<serde_json::Value> = hostile
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut event = serde_json::json!({
                "id": format!("h{i}"),
                "title": format!("Hostile {i}"),
                "start": format!("2021-05-0{}", i + 1),
                "category": if i % 2 == 0 { *text } else { "incident" },
                "description": format!("About {text}"),
                "actors": [text],
                "tags": [format!("tag {i}")],
                "targets": [text, "Belnet"],
                "translations": {"nl": {"title": format!("Vijandig {text}")}},
            });
            if i == 1 {
                event["severity"] = "high".into();
            }
            event
        })
        .collect();
    serde_json::json!({"annals": 1, "title": "Hostile", "events": events}).to_string()
}

#[test]
fn filters_on_the_server_show_what_they_show_in_a_file() {
    use annals::model::Dataset;
    use annals::model::filter::{Field, Filter};
    let Some(binary) = need_server("filters_on_the_server_show_what_they_show_in_a_file") else {
        return;
    };
    let scratch = Scratch::new("filters_on_the_server_show_what_they_show_in_a_file");
    let hostile_file = scratch.path("hostile.json");
    std::fs::write(&hostile_file, hostile_detailed_events()).unwrap();
    let belgium = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/belgium.json");
    let servers = start_servers(&binary, 1);
    let server = &servers[0];
    let address = server.address("annals_test", "filtered");
    let output = annals(&[
        "import",
        belgium.to_str().unwrap(),
        hostile_file.to_str().unwrap(),
        "--to",
        &address,
    ]);
    assert!(output.status.success(), "{:?}", text(&output));
    let client = server.client("annals_test", "filtered");
    let summary = clickhouse::summary(&client).unwrap();
    assert_eq!(summary.events, 32);

    let dataset = Dataset::from_parts(vec![
        annals::io::load_file(&belgium).unwrap().part,
        annals::io::load_file(&hostile_file).unwrap().part,
    ]);
    let local = |filter: &Filter| {
        let mut ids: Vec<String> = dataset
            .events
            .iter()
            .filter(|e| filter.matches(&dataset, *e))
            .map(|e| e.id().to_owned())
            .collect();
        ids.sort();
        ids
    };
    let on_server = |filter: &Filter, rollup: bool| {
        let question = clickhouse::window::Question {
            min_secs: -1.0e10,
            max_secs: 1.0e10,
            limit: 1000,
            rollup,
            condition: clickhouse::filter::condition(filter, &address, None),
            whole: None,
            lanes_by: Some(annals::model::filter::Field::Category),
        };
        let answer = clickhouse::window::ask(&client, &summary.header, question).unwrap();
        let events = &answer.events.part.events;
        let mut ids: Vec<String> = (0..events.len())
            .map(|i| events.get(i).unwrap().id().to_owned())
            .collect();
        ids.sort();
        let counted: u64 = answer.lanes.iter().map(|(_, n)| n).sum();
        assert_eq!(
            counted,
            ids.len() as u64,
            "lane counts agree with the events"
        );
        ids
    };

    let hostile_category = "x'); DROP TABLE annals_test.filtered; --";
    let mut filters: Vec<(&str, Filter)> = Vec::new();
    let mut with = |name, change: &dyn Fn(&mut Filter)| {
        let mut filter = Filter::default();
        change(&mut filter);
        filters.push((name, filter));
    };
    with("hidden categories", &|f| {
        f.hidden_categories.insert(hostile_category.into());
        f.hidden_categories.insert("incident".into());
    });
    with("category facet", &|f| {
        f.toggle_facet(Field::Category, hostile_category);
        f.toggle_facet(Field::Category, "strategy");
    });
    with("actor facet, hostile and none", &|f| {
        f.toggle_facet(Field::Actor, "back\\slash \\' and \"doubles\"");
        f.toggle_facet(Field::Actor, "");
    });
    with("actor facet, a real one", &|f| {
        f.toggle_facet(Field::Actor, "Belnet");
    });
    with("tag facet", &|f| f.toggle_facet(Field::Tag, "tag 2"));
    with("target facet, hostile", &|f| {
        f.toggle_facet(Field::Target, "back\\slash \\' and \"doubles\"");
        f.toggle_facet(Field::Target, "Ünïcödé — 東京 \u{202e}bidi");
    });
    with("target facet, Belnet or none", &|f| {
        f.toggle_facet(Field::Target, "Belnet");
        f.toggle_facet(Field::Target, "");
    });
    with("severity facet", &|f| {
        f.toggle_facet(Field::Severity, "high");
        f.toggle_facet(Field::Severity, "");
    });
    with("file facet, another file", &|f| {
        f.toggle_facet(Field::File, "elsewhere.json");
    });
    with("date range", &|f| {
        f.date_range = (Some(1_619_827_200.0), Some(1_622_505_600.0)); // May 2021
    });
    for (name, query) in [
        ("search, hostile words", "DROP table; --"),
        ("search, quotes and backslashes", "\\' \"doubles\""),
        ("search, wildcards", "%_ .* [x]"),
        ("search, other case and script", "ÜNÏCÖDÉ 東京"),
        ("search, in a translation only", "vijandig"),
        ("search, in a description", "belnet ddos"),
        ("search, a JSON key is not text", "translations"),
    ] {
        filters.push((
            name,
            Filter {
                query: query.into(),
                only_matches: true,
                ..Filter::default()
            },
        ));
    }
    let mut nonempty = 0;
    for (name, filter) in &filters {
        let expected = local(filter);
        nonempty += usize::from(!expected.is_empty() && expected.len() < 32);
        assert_eq!(
            on_server(filter, true),
            expected,
            "{name}, with hourly counts"
        );
        assert_eq!(on_server(filter, false), expected, "{name}, from the rows");
    }
    // The comparisons are of real selections, not of everything or nothing.
    assert!(
        nonempty >= filters.len() - 3,
        "{nonempty} of {}",
        filters.len()
    );

    // Facet counts by the server are the file's, with and without other facets chosen.
    let mut narrowed = Filter::default();
    narrowed.toggle_facet(Field::Target, "Belnet");
    narrowed.hidden_categories.insert("law".into());
    for filter in [Filter::default(), narrowed] {
        for field in [
            Field::Category,
            Field::Actor,
            Field::Tag,
            Field::Target,
            Field::Severity,
        ] {
            let mut expected: Vec<(String, u64)> =
                annals::model::filter::facet_counts(&dataset, &filter, field)
                    .into_iter()
                    .filter(|v| v.count > 0)
                    .map(|v| (v.value, v.count as u64))
                    .collect();
            expected.sort();
            for rollup in [true, false] {
                let condition = clickhouse::filter::condition(&filter, &address, Some(field));
                let mut counted =
                    clickhouse::filter::facet_counts(&client, field, condition.as_ref(), rollup)
                        .unwrap();
                counted.sort();
                assert_eq!(counted, expected, "{field:?} under {filter:?}");
            }
        }
    }
    // Lanes by any field: the server's lanes are the file's, counted or sent.
    for by in [
        None,
        Some(Field::Actor),
        Some(Field::Tag),
        Some(Field::Target),
        Some(Field::Severity),
        Some(Field::Category),
    ] {
        let spec = annals::timeline::lanes::LaneSpec {
            by,
            ..Default::default()
        };
        let layout = annals::timeline::lanes::build(&dataset, &Filter::default(), &spec);
        let mut expected: Vec<(String, u64)> = layout
            .lanes
            .iter()
            .map(|l| (l.key.clone(), l.count as u64))
            .collect();
        expected.sort();
        for limit in [1000, 3] {
            let answer = clickhouse::window::ask(
                &client,
                &summary.header,
                clickhouse::window::Question {
                    min_secs: -1.0e10,
                    max_secs: 1.0e10,
                    limit,
                    rollup: true,
                    condition: None,
                    whole: None,
                    lanes_by: by,
                },
            )
            .unwrap();
            assert_eq!(answer.lanes, expected, "lanes by {by:?}, limit {limit}");
            // Counted lanes hold every event of theirs in their bins (all start in range).
            for (key, total, bins) in &answer.counted {
                assert!(*total > 3, "{key}");
                let binned: u64 = bins.iter().map(|&n| u64::from(n)).sum();
                assert_eq!(binned, *total, "lanes by {by:?}: {key}");
            }
            // Sent lanes: each event once, whatever its lanes.
            let sent: u64 = answer
                .lanes
                .iter()
                .filter(|(_, n)| *n <= limit)
                .map(|(_, n)| n)
                .sum();
            if by.is_none_or(|f| !f.is_multi_valued()) {
                assert_eq!(
                    answer.events.part.events.len() as u64,
                    sent,
                    "lanes by {by:?}"
                );
            }
            if limit == 3 {
                assert!(
                    !answer.counted.is_empty(),
                    "lanes by {by:?} are counted too"
                );
            }
        }
    }

    // And nothing the filters held ran as SQL.
    assert_eq!(
        server
            .query("SELECT count() FROM annals_test.filtered")
            .unwrap(),
        "32"
    );
}

#[test]
fn a_table_of_its_own_columns_is_read_through_a_mapping() {
    let Some(binary) = need_server("a_table_of_its_own_columns_is_read_through_a_mapping") else {
        return;
    };
    let scratch = Scratch::new("a_table_of_its_own_columns_is_read_through_a_mapping");
    let servers = start_servers(&binary, 1);
    let server = &servers[0];
    server.query("CREATE DATABASE annals_test").unwrap();
    server
        .query(
            "CREATE TABLE annals_test.logs (ts DateTime, day Date, msg String, source String, \
             who String, labels Array(String), level String, details String, link String, \
             code UInt32) ENGINE = MergeTree() ORDER BY ts",
        )
        .unwrap();
    let hostile = "x'); DROP TABLE annals_test.logs; --";
    let rows = [
        (
            "2021-05-04 10:00:00",
            "DDoS on \"Belnet\"",
            "incident",
            "CCB",
            vec!["ddos", "belnet"],
            "High",
            "first line\nsecond \\ line",
            "https://ccb.belgium.be/",
        ),
        (
            "2021-05-20 09:00:00",
            "Cyber Strategy 2.0 approved",
            "strategy",
            "",
            vec![],
            "unknown",
            "",
            "",
        ),
        (
            "2021-05-11 23:59:59",
            hostile,
            "incident",
            hostile,
            vec![hostile],
            "low",
            "東京 \u{1} bell",
            "",
        ),
    ];
    for (i, (ts, msg, source, who, labels, level, details, link)) in rows.iter().enumerate() {
        let labels: Vec<String> = labels.iter().map(|l| sql::string(l)).collect();
        server
            .query(&format!(
                "INSERT INTO annals_test.logs VALUES ({}, toDate({}), {}, {}, {}, [{}], {}, {}, {}, {i})",
                sql::string(ts),
                sql::string(ts),
                sql::string(msg),
                sql::string(source),
                sql::string(who),
                labels.join(", "),
                sql::string(level),
                sql::string(details),
                sql::string(link),
            ))
            .unwrap();
    }
    let base = server.address("annals_test", "logs");
    let mapped = format!(
        "{base}?time=ts&id=code&title=msg&category=source&actor=who&tags=labels&severity=level\
         &description=details&url=link"
    );

    // Counted and read as the events they are, every string as it was.
    let client = clickhouse::Client::new(clickhouse::Target::parse(&mapped).unwrap());
    let summary = clickhouse::summary(&client).unwrap();
    assert_eq!(summary.events, 3);
    assert!(!summary.rollup);
    assert_eq!(summary.first.unwrap().iso(), "2021-05-04T10:00:00Z");
    assert_eq!(summary.last.unwrap().iso(), "2021-05-20T09:00:00Z");
    let read = clickhouse::fetch_all(&client).unwrap();
    assert!(read.issues.is_empty(), "{:?}", read.issues);
    let events: Vec<annals::model::Event> = (0..read.part.events.len())
        .map(|i| read.part.events.get(i).unwrap().to_event())
        .collect();
    let ddos = &events[0];
    assert_eq!(ddos.id, "0");
    assert_eq!(ddos.title, "DDoS on \"Belnet\"");
    assert_eq!(ddos.category.as_deref(), Some("incident"));
    assert_eq!(ddos.actors, ["CCB"]);
    assert_eq!(ddos.tags, ["ddos", "belnet"]);
    assert_eq!(
        ddos.severity.map(annals::model::Severity::name),
        Some("high")
    );
    assert_eq!(
        ddos.description.as_deref(),
        Some("first line second \\ line")
    );
    assert_eq!(
        ddos.sources[0].url.as_deref(),
        Some("https://ccb.belgium.be/")
    );
    let quiet = &events[2];
    assert_eq!(quiet.title, "Cyber Strategy 2.0 approved");
    assert!(quiet.actors.is_empty() && quiet.tags.is_empty() && quiet.sources.is_empty());
    assert_eq!((quiet.severity, quiet.description.as_deref()), (None, None));
    let odd = &events[1];
    assert_eq!(
        (odd.title.as_str(), odd.actors.as_slice()),
        (hostile, [hostile.to_owned()].as_slice())
    );
    assert_eq!(odd.description.as_deref(), Some("東京   bell"));

    // Filters and facets work on the mapped columns.
    let mut filter = annals::model::filter::Filter {
        query: "東京".into(),
        only_matches: true,
        ..Default::default()
    };
    filter.toggle_facet(annals::model::filter::Field::Tag, hostile);
    let answer = clickhouse::window::ask(
        &client,
        &summary.header,
        clickhouse::window::Question {
            min_secs: 1.6e9,
            max_secs: 1.7e9,
            limit: 100,
            rollup: false,
            condition: clickhouse::filter::condition(&filter, &mapped, None),
            whole: Some((1.6e9, 1.7e9)),
            lanes_by: Some(annals::model::filter::Field::Category),
        },
    )
    .unwrap();
    assert_eq!(answer.lanes, [("incident".to_owned(), 1)]);
    assert_eq!(answer.whole.unwrap().2.iter().sum::<u32>(), 1);
    let severities = clickhouse::filter::facet_counts(
        &client,
        annals::model::filter::Field::Severity,
        None,
        false,
    )
    .unwrap();
    assert_eq!(severities.len(), 3, "{severities:?}");
    let targets = clickhouse::filter::facet_counts(
        &client,
        annals::model::filter::Field::Target,
        None,
        false,
    )
    .unwrap();
    assert_eq!(
        targets,
        [(String::new(), 3)],
        "no targets in a mapped table"
    );

    // A `Date` column is a day: the event says the day, not midnight.
    let by_day = format!("{base}?time=day&title=msg");
    let output = annals(&["check", &by_day]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.ends_with("total: 3 events, 0 periods, 2021-05-04 to 2021-05-20\n"),
        "{stdout}"
    );

    // The same picture as the same events in a file.
    let file = scratch.path("logs.json");
    std::fs::write(
        &file,
        serde_json::json!({"annals": 1, "events": events
            .iter()
            .map(|e| {
                let mut o = serde_json::json!({
                "id": e.id, "title": e.title, "start": e.start.iso(), "category": e.category,
                "actors": e.actors, "tags": e.tags, "severity": e.severity.map(annals::model::Severity::name),
                "description": e.description,
                "sources": e.sources.iter().map(|s| serde_json::json!({"title": s.title, "url": s.url})).collect::<Vec<_>>(),
            });
                // No nulls: the native format leaves out what is not there.
                o.as_object_mut().unwrap().retain(|_, v| !v.is_null());
                o
            })
            .collect::<Vec<_>>()})
        .to_string(),
    )
    .unwrap();
    let from_table = svg_of(
        &mapped,
        "ClickHouse annals_test.logs",
        &scratch.path("t.svg"),
    );
    let from_file = svg_of(file.to_str().unwrap(), "logs.json", &scratch.path("f.svg"));
    assert!(
        from_table == from_file,
        "the mapped table draws as its file does"
    );

    // Read, never written.
    let output = annals(&["import", BELGIUM, "--to", &mapped]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).1.contains("not written to"),
        "{:?}",
        text(&output)
    );
    // A mapping naming a column the table lacks is the server's refusal, said.
    let output = annals(&["check", &format!("{base}?time=nope")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).1.contains("nope"), "{:?}", text(&output));
}
