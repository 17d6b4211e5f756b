//! Every shipped data file loads with zero issues and validates against the shipped JSON Schema,
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]
//! and the schema rejects what the loader rejects.

use std::path::{Path, PathBuf};

use annals::io;

fn shipped_files() -> Vec<PathBuf> {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let mut files = vec![assets.join("belgium.json")];
    for entry in std::fs::read_dir(assets.join("samples")).unwrap() {
        files.push(entry.unwrap().path());
    }
    files.sort();
    files
}

fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/annals.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("annals.schema.json", schema).unwrap();
    let index = compiler
        .compile("annals.schema.json", &mut schemas)
        .unwrap();
    (schemas, index)
}

#[test]
fn every_shipped_file_loads_cleanly_and_validates_against_the_schema() {
    let (schemas, index) = schema();
    let files = shipped_files();
    assert!(files.len() >= 3);
    for path in files {
        let loaded = io::load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            loaded.issues.is_empty(),
            "{}: {:?}",
            path.display(),
            loaded.issues
        );
        assert!(!loaded.part.events.is_empty());
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if let Err(error) = schemas.validate(&value, index) {
            panic!("{} does not validate: {error:#}", path.display());
        }
    }
}

#[test]
fn the_schema_rejects_what_the_loader_skips() {
    let (schemas, index) = schema();
    for bad in [
        r#"[{"start": "2021"}]"#,
        r#"[{"title": "t", "start": "2021-5"}]"#,
        r#"[{"title": "t", "start": "2021", "severity": "apocalyptic"}]"#,
        r#"{"annals": 2, "events": []}"#,
        r#"[{"title": "t", "start": "2021", "links": [{"type": "inspired", "target": "x"}]}]"#,
    ] {
        let value: serde_json::Value = serde_json::from_str(bad).unwrap();
        assert!(
            schemas.validate(&value, index).is_err(),
            "schema accepted {bad}"
        );
        let loaded = io::load_text("t.json", bad);
        assert!(
            loaded.is_err() || !loaded.unwrap().issues.is_empty(),
            "loader accepted {bad}"
        );
    }
}

#[test]
fn the_embedded_dataset_has_the_facts_the_issue_asks_for() {
    let loaded = io::load_embedded().unwrap();
    let part = &loaded.part;
    let event = |id: &str| {
        part.events
            .iter()
            .find(|e| e.id() == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    assert!(part.events.len() >= 20);
    assert!(
        part.events.iter().all(|e| !e.sources().is_empty()),
        "every event is sourced"
    );
    assert_eq!(event("strategy-2012").start().label(), "2012");
    let belnet = event("belnet-ddos");
    assert_eq!(belnet.start().iso(), "2021-05-04T11:00+02:00");
    assert_eq!(belnet.end().map(|t| t.iso()).as_deref(), Some("2021-05-05"));
    assert!(belnet.description().unwrap().contains("down on May 5"));
    assert_eq!(event("cyber-strategy-2").start().iso(), "2021-05-20");
    assert_eq!(event("cyber-strategy-2").tags().count(), 6);
    assert!(event("cyber-strategy-2").actors().any(|a| a == "CCB"));
    let fps = event("fps-interior-intrusion");
    assert_eq!(fps.start().iso(), "2019-04");
    assert_eq!(
        fps.disclosed().map(|t| t.iso()).as_deref(),
        Some("2021-05-25")
    );
    assert_eq!(event("ccb-created").start().iso(), "2014-10-10");
    assert!(part.events.iter().any(|e| e.id().starts_with("belgacom")));
    let periods: Vec<_> = part
        .periods
        .iter()
        .map(|p| (p.title.as_str(), p.start.iso(), p.end.iso()))
        .collect();
    assert!(periods.contains(&("Cyber Strategy 2.0", "2021-05-20".into(), "2025".into())));
    assert!(periods.iter().any(|(_, start, _)| start == "2012"));
}
