//! Readers on real files written by other tools (`../shared/data/real`, see its PROVENANCE.md).
//! Every expected value was read from the file by hand. These tests are ignored when the shared
//! folder is absent; `.ci/run` runs them with `--include-ignored`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use std::path::PathBuf;

use annals::io::{self, LoadedFile};
use annals::model::{Event, Precision};

fn real(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/real")
        .join(relative)
}

fn load(relative: &str) -> LoadedFile {
    let path = real(relative);
    io::load_file(&path)
        .unwrap_or_else(|e| panic!("{}: {}", path.display(), io::report::error_chain(&e)))
}

fn event(file: &LoadedFile, title: &str) -> Event {
    file.part
        .events
        .iter()
        .find(|e| e.title() == title)
        .unwrap_or_else(|| panic!("no event {title:?}"))
        .to_event()
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn timelinejs_cosmological_years_keep_year_precision() {
    let file = load("timelinejs/src_template_cosmo-mixed.json");
    assert_eq!(file.part.info.format.name(), "timelinejs");
    assert_eq!(file.part.events.len(), 11);
    assert!(file.issues.is_empty(), "{:?}", file.issues);
    let big_bang = event(&file, "The Big Bang");
    assert_eq!(big_bang.start.label(), "13.8 billion BCE");
    assert_eq!(big_bang.start.precision(), Precision::Year);
    assert_eq!(
        event(&file, "Galileo Points a Telescope at the Moon")
            .start
            .label(),
        "November 1609"
    );
    let apollo = event(&file, "Apollo 11: Humans Walk on the Moon");
    assert_eq!(apollo.start.label(), "20 July 1969");
    assert!(
        apollo.start.offset_minutes().is_none(),
        "TimelineJS has no time zones"
    );
    // HTML in headlines is shown as text, not markup.
    assert_eq!(event(&file, "Euclid's Optica").start.label(), "300 BCE");
    assert_eq!(
        event(&file, "Homo sapiens Appear").start.label(),
        "300,000 BCE"
    );
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn timelinejs_string_parts_empty_parts_and_spans() {
    let file = load("timelinejs/contrib_women_in_computing.json");
    assert_eq!(file.part.events.len(), 10);
    assert_eq!(file.part.info.title.as_deref(), Some("Women in Computing"));
    let ada = event(&file, "Ada Lovelace");
    assert_eq!(ada.date_label(), "10 December 1815 – 27 November 1852");
    let eniac = event(&file, "...And the women who made it work");
    assert_eq!(eniac.start.label(), "July 1943"); // "day": "" is no day
    assert_eq!(eniac.end.unwrap().label(), "1946");
    assert_eq!(
        event(&file, "Grace Hopper invents the compiler")
            .start
            .precision(),
        Precision::Year
    );
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn timelinejs_eras_become_periods() {
    let file = load("timelinejs/src_template_eras.json");
    assert_eq!(file.part.events.len(), 20);
    let periods: Vec<_> = file
        .part
        .periods
        .iter()
        .map(|p| (p.title.as_str(), p.start.label(), p.end.label()))
        .collect();
    assert_eq!(
        periods,
        [
            ("Era Test 650-700", "650".to_owned(), "700".to_owned()),
            ("Era Test 600-650", "600".to_owned(), "650".to_owned()),
            ("Era Test 700-720", "700".to_owned(), "720".to_owned()),
        ]
    );
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn timelinejs_2_files_load_and_their_bad_end_date_is_reported() {
    let file = load("timelinejs/website_examples_example.json");
    assert_eq!(file.part.info.format.name(), "timelinejs");
    // 28 records, one with the end date "196002152034": kept as a point at its good start, the
    // bad end said as a warning (issue 14).
    assert_eq!(file.part.events.len(), 28);
    assert_eq!(file.issues.len(), 1);
    let issue = &file.issues[0];
    assert_eq!(issue.level, annals::io::IssueLevel::Warning);
    // At the `endDate` value (line 207), not at the record's first line (197): issue 19.
    assert_eq!(
        (issue.location.line, issue.field.as_deref()),
        (207, Some("endDate"))
    );
    assert!(issue.message.contains("196002152034"));
    assert_eq!(
        event(&file, "Elizabeth Taylor Dies in Los Angeles")
            .start
            .label(),
        "23 March 2011"
    );

    let welcome = load("timelinejs/website_static_welcome_welcome.json");
    assert_eq!(welcome.part.events.len(), 17);
    assert_eq!(
        event(&welcome, "Get started!").start.label(),
        "1 October 2013"
    );
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn every_timelinejs_file_loads() {
    for entry in std::fs::read_dir(real("timelinejs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let file = io::load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(!file.part.events.is_empty(), "{}", path.display());
        }
    }
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn a_timelinejs_file_opens_in_the_window_and_says_where_events_came_from() {
    use annals::app::AppState;
    use annals::ui::Window;
    use egui_kittest::kittest::Queryable as _;

    let path = real("timelinejs/src_template_cosmo-mixed.json");
    let state = AppState::with_files(std::slice::from_ref(&path), english());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, window: &mut Window| window.ui(ui), Window::new(state));
    harness.run();
    assert_eq!(harness.state().canvas.scene.visible_events, 11);
    harness
        .get_by_label("Apollo 11: Humans Walk on the Moon")
        .click();
    harness.run();
    let from = format!("From {} (timelinejs, line ", path.display());
    harness.get_by_label_contains(&from);
    harness.get_by_label("Start: day precision; calendar date, no time of day");
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn attack_ics_campaigns_from_maroochy_to_frostygoop_at_month_precision() {
    let file = load("attack/ics-attack.json");
    assert_eq!(file.part.info.format.name(), "stix");
    // 8 campaigns, one deprecated (Oldsmar): 7 events, the 8th skipped and reported where it is.
    assert_eq!(file.part.events.len(), 7);
    assert!(
        file.part
            .events
            .iter()
            .all(|e| e.category() == Some("campaign"))
    );
    let skipped: Vec<_> = file
        .issues
        .iter()
        .filter(|i| i.level == io::IssueLevel::Skipped)
        .collect();
    assert_eq!(skipped.len(), 1);
    assert!(
        skipped[0]
            .message
            .contains("Oldsmar Treatment Plant Intrusion\" is deprecated")
    );
    assert_eq!(skipped[0].location.line, 25030);
    let maroochy = event(&file, "Maroochy Water Breach");
    assert_eq!(maroochy.start.precision(), Precision::Month);
    assert_eq!(maroochy.date_label(), "February 2000 – April 2000");
    let ukraine = event(&file, "2015 Ukraine Electric Power Attack");
    assert_eq!(
        ukraine.date_label(),
        "December 2015 – January 2016",
        "05:00Z is local midnight, not the 1st at 5 am"
    );
    assert_eq!(ukraine.actors, ["Sandworm Team"]);
    assert!(ukraine.tags.iter().any(|t| t == "C0028"));
    assert!(ukraine.sources.iter().any(|s| {
        s.url
            .as_deref()
            .is_some_and(|u| u.contains("attack.mitre.org"))
    }));
    let frostygoop = event(&file, "FrostyGoop Incident");
    assert_eq!(frostygoop.date_label(), "January 2024");
    let mut by_start = file.part.events.to_vec();
    by_start.sort_by_key(|e| e.start);
    assert_eq!(by_start.first().unwrap().title, "Maroochy Water Breach");
    assert_eq!(by_start.last().unwrap().start.year_number(), 2024);
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn attack_single_campaign_bundle_and_stix_21_examples() {
    let dream_job = load("attack/campaign--0257b35b-operation-dream-job.json");
    assert_eq!(
        event(&dream_job, "Operation Dream Job").date_label(),
        "September 2019 – August 2020"
    );

    let apt1 = load("stix21/oasis-examples-apt1.json");
    assert_eq!(
        apt1.part.events.len(),
        14,
        "1 intrusion set, 12 indicators, 1 report"
    );
    assert!(apt1.issues.is_empty(), "{:?}", apt1.issues);
    let report = event(&apt1, "APT1: Exposing One of China's Cyber Espionage Units");
    assert_eq!(report.start.iso(), "2013-02-19T00:00:00.000000Z");
    assert_eq!(
        event(&apt1, "APT1").start.label(),
        "1 June 2006 18:13:15.684 UTC"
    );

    let sighting = load("stix21/oasis-doc-sighting-of-an-indicator.json");
    let seen = event(&sighting, "Sighting of Malicious URL");
    assert!(seen.description.as_deref().unwrap().contains("Seen 1 time"));
    assert_eq!(
        seen.date_label(),
        "27 February 2017 21:37:11.213 UTC – 27 February 2017 21:37:11.214 UTC"
    );
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn vcdb_incidents_keep_year_month_and_day_precision_and_notification() {
    let day = load("vcdb/001bd01d-13c4-40b6-a3a1-d8fcfb185653.json");
    assert_eq!(day.part.info.format.name(), "veris");
    let event = day.part.events.owned(0).unwrap();
    assert_eq!(event.start.label(), "17 February 2017");
    assert_eq!(event.disclosed.unwrap().label(), "20 February 2017");
    assert!(
        event
            .title
            .starts_with("Officials say an employee database was hacked")
    );

    let year_only = load("vcdb/0012CC25-9167-40D8-8FE3-3D0DFD8FB6BB.json");
    assert_eq!(
        year_only.part.events.owned(0).unwrap().start.label(),
        "2012"
    );
    assert_eq!(
        year_only
            .part
            .events
            .owned(0)
            .unwrap()
            .disclosed
            .unwrap()
            .label(),
        "10 December 2012"
    );

    let va = load("vcdb/0001AA7F-C601-424A-B2B8-BE6C9F5164E7.json");
    let event = va.part.events.owned(0).unwrap();
    assert_eq!(event.id, "0001AA7F-C601-424A-B2B8-BE6C9F5164E7");
    assert_eq!(event.start.label(), "9 April 2010");
    assert_eq!(
        event.targets,
        ["United States Department of Veterans Affairs"]
    );
    assert_eq!(event.actors, ["Internal"]);
    assert!(event.tags.iter().any(|t| t == "Privilege abuse"));
    assert_eq!(
        event.sources[0].url.as_deref(),
        Some("http://vcdb.org/pdf/va-security.pdf")
    );

    // The VERIS schema's test incidents, including the upper-case .JSON one.
    assert_eq!(
        load("veris-schema/veris-1_3_4-test1.json")
            .part
            .events
            .owned(0)
            .unwrap()
            .start
            .label(),
        "17 September 2016"
    );
    assert_eq!(
        load("veris-schema/veris-1_4_1-test1.JSON")
            .part
            .events
            .owned(0)
            .unwrap()
            .start
            .label(),
        "2025"
    );
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn misp_events_with_tags_galaxies_links_and_sightings() {
    let xorist = load("misp/57c4445b-c548-4654-af0b-4be3950d210f.json");
    assert_eq!(xorist.part.info.format.name(), "misp");
    let event = event(&xorist, "Ransomware - Xorist");
    assert_eq!(event.start.label(), "29 August 2016");
    assert_eq!(event.id, "57c4445b-c548-4654-af0b-4be3950d210f");
    assert!(event.tags.iter().any(|t| t == "tlp:white"));
    assert_eq!(event.sources.len(), 2, "two link attributes");
    assert!(
        event
            .description
            .as_deref()
            .unwrap()
            .starts_with("Created by CIRCL")
    );

    let sednit = load("misp/existing_event.json");
    let event = event_titled(
        &sednit,
        "OSINT - Sednit update: How Fancy Bear Spent the Year",
    );
    assert_eq!(event.start.label(), "21 December 2017");
    assert_eq!(event.actors, ["Sofacy"], "threat-actor clusters are actors");
    assert!(
        event.tags.iter().any(|t| t == "CHOPSTICK"),
        "other clusters are tags"
    );
    assert!(
        event
            .description
            .as_deref()
            .unwrap()
            .contains("9 attributes, 49 objects")
    );
    assert_eq!(event.severity, Some(annals::model::Severity::Low));

    let ursnif = load("misp/sighting_1.json");
    assert!(
        event_titled(&ursnif, "Ursnif, MALWAREMESSIAGH")
            .description
            .as_deref()
            .unwrap()
            .contains("6 sightings")
    );
    assert_eq!(
        load("misp/misp_event.json")
            .part
            .events
            .owned(0)
            .unwrap()
            .start
            .label(),
        "9 June 2016"
    );
}

fn event_titled(file: &LoadedFile, title: &str) -> Event {
    event(file, title)
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn timesketch_jsonl_and_csv_keep_microseconds_and_flag_disagreeing_timestamps() {
    let precision = load("timesketch/tests_test_events_validate_time_precision.csv");
    assert_eq!(precision.part.info.format.name(), "timesketch");
    let total = event(&precision, "total precision in datetime");
    assert_eq!(total.start.label(), "24 July 2024 10:57:02.877297 UTC");
    assert_eq!(
        precision.issues.len(),
        2,
        "both rows' timestamp and datetime disagree"
    );
    assert!(
        precision
            .issues
            .iter()
            .all(|i| i.level == io::IssueLevel::Warning)
    );

    let conversion = load("timesketch/tests_test_events_validate_timestamp_conversion.csv");
    let labels: Vec<_> = conversion
        .part
        .events
        .iter()
        .map(|e| e.start().label())
        .collect();
    // "+0000" without a colon and a space instead of "T" are both read.
    assert_eq!(
        labels,
        [
            "14 March 2012 04:17:38 UTC",
            "24 July 2022 19:01:01 UTC",
            "25 July 2015 02:01:01 UTC"
        ]
    );
    assert!(
        conversion.issues.is_empty(),
        "timestamps agree with datetimes"
    );

    let micros_in_datetime = load("timesketch/tests_test_events_csv_timestamp_as_datetime.csv");
    assert_eq!(
        micros_in_datetime
            .part
            .events
            .owned(0)
            .unwrap()
            .start
            .label(),
        "12 August 2024 15:03:14.349345 UTC"
    );

    let out_of_range = load("timesketch/tests_test_events_validate_time_out_of_range.csv");
    assert_eq!(
        event(&out_of_range, "csv very old event").start.label(),
        "1 January 1601 00:00:00 UTC"
    );

    let jsonl = load("timesketch/tests_test_events_sigma_events.jsonl");
    assert_eq!(jsonl.part.events.len(), 5);
    let apt = event(
        &jsonl,
        "Install: zmap:amd64 (1.1.0-1) [Commandline: apt-get install zmap]",
    );
    assert!(
        apt.description
            .as_deref()
            .unwrap()
            .contains("data_type: apt:history:line")
    );
}

/// Every data file under `../shared/data/real`, whatever its format.
fn every_real_data_file() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in std::fs::read_dir(real("")).unwrap() {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_lowercase();
            let data = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                ["json", "jsonl", "csv"]
                    .iter()
                    .any(|x| e.eq_ignore_ascii_case(x))
            });
            // verisc*.json are the VERIS schema and enumerations, not incidents.
            if data && !name.starts_with("verisc") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn every_real_file_round_trips_through_convert_with_the_same_events_and_precision() {
    let files = every_real_data_file();
    assert_eq!(files.len(), 32, "{files:#?}");
    for path in files {
        let original = io::load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!original.part.events.is_empty(), "{}", path.display());
        let text =
            io::native_writer::to_json(&io::native_writer::merge(vec![original.part.clone()]));
        let again = io::load_text("converted.json", &text).unwrap();
        assert!(
            again.issues.is_empty(),
            "{}: {:?}",
            path.display(),
            again.issues
        );
        assert_eq!(
            again.part.events.len(),
            original.part.events.len(),
            "{}",
            path.display()
        );
        for (a, b) in original.part.events.iter().zip(&again.part.events) {
            let strip = |e: annals::model::EventRef<'_>| Event {
                line: 0,
                ..e.to_event()
            };
            assert_eq!(strip(a), strip(b), "{}", path.display());
            assert_eq!(a.start().precision(), b.start().precision());
        }
        assert_eq!(
            again.part.periods,
            original.part.periods,
            "{}",
            path.display()
        );
    }
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn convert_on_the_command_line_writes_a_native_file_that_checks_clean() {
    let output = std::env::temp_dir().join(format!("annals-convert-{}.json", std::process::id()));
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["convert", "-o"])
        .arg(&output)
        .arg(real("attack/ics-attack.json"))
        .arg(real("timelinejs/src_template_eras.json"))
        .output()
        .unwrap();
    assert_eq!(
        status.status.code(),
        Some(1),
        "Oldsmar is skipped: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let converted = io::load_file(&output).unwrap();
    std::fs::remove_file(&output).ok();
    assert_eq!(converted.part.info.format.name(), "annals");
    assert_eq!(converted.part.events.len(), 7 + 20);
    assert_eq!(converted.part.periods.len(), 3);
    assert!(converted.issues.is_empty(), "{:?}", converted.issues);
}

#[test]
#[ignore = "needs ../shared/data/real"]
fn one_file_of_each_format_opens_in_the_window_with_its_provenance() {
    use annals::app::AppState;
    use annals::ui::Window;
    use egui_kittest::kittest::Queryable as _;

    let cases = [
        ("attack/ics-attack.json", "stix", "Maroochy Water Breach", 7),
        (
            "vcdb/0001AA7F-C601-424A-B2B8-BE6C9F5164E7.json",
            "veris",
            "A billing clerk filed a claim for Patient A without consent to bill for 7332 protected health…",
            1,
        ),
        (
            "misp/existing_event.json",
            "misp",
            "OSINT - Sednit update: How Fancy Bear Spent the Year",
            1,
        ),
        (
            "timesketch/tests_test_events_validate_timestamp_conversion.csv",
            "timesketch",
            "Make sure message is same",
            3,
        ),
    ];
    for (relative, format, title, count) in cases {
        let path = real(relative);
        let state = AppState::with_files(std::slice::from_ref(&path), english());
        let mut harness = egui_kittest::Harness::builder()
            .with_size(egui::vec2(1400.0, 1000.0))
            .build_ui_state(|ui, window: &mut Window| window.ui(ui), Window::new(state));
        harness.run();
        assert_eq!(
            harness.state().canvas.scene.visible_events,
            count,
            "{relative}"
        );
        harness.get_by_label(title).click();
        harness.run();
        harness.get_by_label_contains(&format!("From {} ({format}, line ", path.display()));
    }
}

/// For every real file: format, event count, and the earliest start and latest end exactly as
/// written back (so the precision shows: "2000-02" is a month, "2016-08-29" a day). Checked by hand
/// against the files (python reads of the raw JSON/CSV, and the PROVENANCE notes).
#[test]
#[ignore = "needs ../shared/data/real"]
fn every_real_file_has_the_expected_format_count_and_date_range() {
    let expected = [
        (
            "attack/campaign--0257b35b-operation-dream-job.json",
            "stix",
            1,
            "2019-09",
            "2020-08",
        ),
        ("attack/ics-attack.json", "stix", 7, "2000-02", "2024-01"),
        (
            "misp/57c4445b-c548-4654-af0b-4be3950d210f.json",
            "misp",
            1,
            "2016-08-29",
            "2016-08-29",
        ),
        (
            "misp/existing_event.json",
            "misp",
            1,
            "2017-12-21",
            "2017-12-21",
        ),
        ("misp/galaxy_1.json", "misp", 1, "2018-04-09", "2018-04-09"),
        (
            "misp/misp_event.json",
            "misp",
            1,
            "2016-06-09",
            "2016-06-09",
        ),
        (
            "misp/sighting_1.json",
            "misp",
            1,
            "2018-08-01",
            "2018-08-01",
        ),
        (
            "stix21/oasis-doc-defining-campaigns-threat-actors-intrusion-sets.json",
            "stix",
            3,
            "2016-01-08T12:50:40.123Z",
            "2016-02-07T19:45:32.126Z",
        ),
        (
            "stix21/oasis-doc-sighting-of-an-indicator.json",
            "stix",
            2,
            "2015-06-29T09:10:15.915Z",
            "2017-02-27T21:37:11.214Z",
        ),
        (
            "stix21/oasis-doc-sighting-of-observed-data.json",
            "stix",
            3,
            "2017-02-27T21:37:11.213Z",
            "2017-02-28T19:07:24.857Z",
        ),
        (
            "stix21/oasis-examples-apt1.json",
            "stix",
            14,
            "2006-06-01T18:13:15.684Z",
            "2015-05-15T09:12:16.432678Z",
        ),
        (
            "timelinejs/contrib_women_in_computing.json",
            "timelinejs",
            10,
            "1815-12-10",
            "1985",
        ),
        (
            "timelinejs/src_template_all-media-types.json",
            "timelinejs",
            41,
            "1901",
            "1940",
        ),
        (
            "timelinejs/src_template_cosmo-mixed.json",
            "timelinejs",
            11,
            "-13799999999",
            "1990-04-25",
        ),
        (
            "timelinejs/src_template_cosmo.json",
            "timelinejs",
            7,
            "-13799999999",
            "-3499",
        ),
        (
            "timelinejs/src_template_eras.json",
            "timelinejs",
            20,
            "0600",
            "0720",
        ),
        (
            "timelinejs/website_examples_example.json",
            "timelinejs",
            28,
            "1932-02-27",
            "2011-03-23",
        ),
        (
            "timelinejs/website_examples_user-interface_timeline3.json",
            "timelinejs",
            22,
            "1600",
            "2012",
        ),
        (
            "timelinejs/website_static_welcome_welcome.json",
            "timelinejs",
            17,
            "1851",
            "2013-10-01",
        ),
        (
            "timesketch/end_to_end_tests_test_data_sigma_events.jsonl",
            "timesketch",
            4,
            "2015-07-24T19:01:01Z",
            "2015-07-24T19:01:03Z",
        ),
        (
            "timesketch/tests_test_events_csv_timestamp_as_datetime.csv",
            "timesketch",
            4,
            "2024-08-09T14:33:09.468712Z",
            "2025-07-01T05:58:27.214025Z",
        ),
        (
            "timesketch/tests_test_events_sigma_events.jsonl",
            "timesketch",
            5,
            "2015-07-24T19:01:01Z",
            "2022-01-22T23:07:43.502205Z",
        ),
        (
            "timesketch/tests_test_events_validate_time_out_of_range.csv",
            "timesketch",
            2,
            "1601-01-01T00:00:00Z",
            "2227-12-31T23:01:01Z",
        ),
        (
            "timesketch/tests_test_events_validate_time_precision.csv",
            "timesketch",
            2,
            "2015-07-24T19:01:01Z",
            "2024-07-24T10:57:02.877297Z",
        ),
        (
            "timesketch/tests_test_events_validate_time_precision_jsonl.jsonl",
            "timesketch",
            2,
            "2015-07-24T19:01:01Z",
            "2024-07-24T10:57:02.877297Z",
        ),
        (
            "timesketch/tests_test_events_validate_timestamp_conversion.csv",
            "timesketch",
            3,
            "2012-03-14T04:17:38Z",
            "2022-07-24T19:01:01Z",
        ),
        (
            "vcdb/0001AA7F-C601-424A-B2B8-BE6C9F5164E7.json",
            "veris",
            1,
            "2010-04-09",
            "2010-04-09",
        ),
        (
            "vcdb/00088c89-7f61-40c9-ab3a-f725e33c1176.json",
            "veris",
            1,
            "2020",
            "2020",
        ),
        (
            "vcdb/0012CC25-9167-40D8-8FE3-3D0DFD8FB6BB.json",
            "veris",
            1,
            "2012",
            "2012",
        ),
        (
            "vcdb/001bd01d-13c4-40b6-a3a1-d8fcfb185653.json",
            "veris",
            1,
            "2017-02-17",
            "2017-02-17",
        ),
        (
            "veris-schema/veris-1_3_4-test1.json",
            "veris",
            1,
            "2016-09-17",
            "2016-09-17",
        ),
        (
            "veris-schema/veris-1_4_1-test1.JSON",
            "veris",
            1,
            "2025",
            "2025",
        ),
    ];
    assert_eq!(expected.len(), every_real_data_file().len());
    for (relative, format, count, first, last) in expected {
        let file = load(relative);
        assert_eq!(file.part.info.format.name(), format, "{relative}");
        assert_eq!(file.part.events.len(), count, "{relative}");
        // Events and periods (eras) both count, as in `annals check`.
        let starts = file
            .part
            .events
            .iter()
            .map(annals::model::EventRef::start)
            .chain(file.part.periods.iter().map(|p| p.start));
        let ends = file
            .part
            .events
            .iter()
            .map(|e| e.end().unwrap_or(e.start()))
            .chain(file.part.periods.iter().map(|p| p.end));
        let earliest = starts
            .min_by(|a, b| a.start_secs().total_cmp(&b.start_secs()))
            .unwrap();
        let latest = ends
            .max_by(|a, b| a.end_secs().total_cmp(&b.end_secs()))
            .unwrap();
        assert_eq!(earliest.iso(), first, "{relative}");
        assert_eq!(latest.iso(), last, "{relative}");
    }
}

/// Settings in English whatever the machine's locale (the words tested are English).
fn english() -> annals::app::Settings {
    annals::app::Settings {
        language: Some(annals::i18n::Lang::En),
        ..annals::app::Settings::default()
    }
}
