//! Property tests (proptest): any bytes to any reader give records or a located error, never a
//! panic; dates round-trip through parse → ISO → parse; any sequence of zoom, pan and resize keeps
//! the view finite and inside its limits. The promises are the ones the fuzz targets check
//! (`annals::fuzzing`); here they run inside `cargo test` on every change.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use annals::fuzzing;
use annals::io;
use annals::model::TimePoint;
use annals::timeline::view::{MAX_ABS_SECS, MAX_SPAN_SECS, MIN_SPAN_SECS};
use annals::timeline::{TimeAxis, TimeView};
use proptest::prelude::*;

/// Text that looks enough like each format to get past detection into the readers.
fn format_like() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| format!("{n:e}")),
        "\"[0-9:TZ+ -]{0,24}\"",
        "\"[ -~]{0,12}\"",
        Just("[]".to_owned()),
        Just("{}".to_owned()),
    ];
    let key = prop_oneof![
        Just("title"),
        Just("start"),
        Just("end"),
        Just("tags"),
        Just("circa"),
        Just("start_date"),
        Just("year"),
        Just("month"),
        Just("first_seen"),
        Just("last_seen"),
        Just("type"),
        Just("date"),
        Just("info"),
        Just("datetime"),
        Just("message"),
        Just("timestamp"),
    ];
    let object = prop::collection::vec((key, value), 0..6).prop_map(|fields| {
        let body: Vec<String> = fields
            .into_iter()
            .map(|(k, v)| format!("\"{k}\": {v}"))
            .collect();
        format!("{{{}}}", body.join(", "))
    });
    let objects = prop::collection::vec(object, 0..5);
    (0..7u8, objects).prop_map(|(shape, objects)| {
        let list = objects.join(",\n");
        match shape {
            0 => format!("[{list}]"),
            1 => format!("{{\"annals\": 1, \"events\": [{list}]}}"),
            2 => format!("{{\"events\": [{list}]}}"),
            3 => format!("{{\"type\": \"bundle\", \"objects\": [{list}]}}"),
            4 => format!(
                "{{\"Event\": {}}}",
                objects.first().map_or("{}", String::as_str)
            ),
            5 => objects.join("\n"),
            _ => format!("title,start,end\n{}", list.replace(['{', '}', '"'], "")),
        }
    })
}

/// A valid date string at a random precision, with or without an offset.
fn date_string() -> impl Strategy<Value = String> {
    (
        -200_000i64..200_000,
        1u32..=12,
        1u32..=28,
        0u32..24,
        0u32..60,
        0u32..60,
        0u8..6,
        prop_oneof![
            Just(String::new()),
            Just("Z".to_owned()),
            "[+-](0[0-9]|1[0-7]):[0-5][0-9]"
        ],
    )
        .prop_map(
            |(year, month, day, hour, minute, second, precision, zone)| {
                let year = if year < 0 {
                    format!("-{:04}", -year)
                } else {
                    format!("{year:04}")
                };
                match precision {
                    0 => year,
                    1 => format!("{year}-{month:02}"),
                    2 => format!("{year}-{month:02}-{day:02}"),
                    3 => format!("{year}-{month:02}-{day:02}T{hour:02}:{minute:02}{zone}"),
                    4 => format!(
                        "{year}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{zone}"
                    ),
                    _ => format!(
                        "{year}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{:03}{zone}",
                        (hour * 41 + minute) % 1000
                    ),
                }
            },
        )
}

#[derive(Clone, Debug)]
enum ViewOp {
    Zoom { anchor: f64, factor: f64 },
    Pan(f64),
    Resize(f64),
    Set(f64, f64),
}

fn view_op() -> impl Strategy<Value = ViewOp> {
    let wild = prop_oneof![
        any::<f64>(),
        -1e20f64..1e20,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(0.0)
    ];
    prop_oneof![
        (wild.clone(), wild.clone()).prop_map(|(anchor, factor)| ViewOp::Zoom { anchor, factor }),
        wild.clone().prop_map(ViewOp::Pan),
        wild.clone().prop_map(ViewOp::Resize),
        (wild.clone(), wild).prop_map(|(a, b)| ViewOp::Set(a, b)),
    ]
}

/// A native file with a bit of everything: categories, periods after the events, records with
/// problems, ids twice, text in several scripts.
const NATIVE_SAMPLE: &str = r#"{"annals": 1, "title": "Sample",
"categories": [{"id": "incident", "label": "Incident"}],
"events": [
  {"id": "a", "title": "DDoS attack on Belnet", "start": "2021-05-04", "end": "2021-05-05", "category": "incident", "tags": ["ddos"]},
  {"id": "a", "title": "Zweite", "start": "2021-02-30"},
  {"title": "Cyber Strategy 2.0 — approuvée", "start": "2021-05-20", "actors": ["CCB"], "description": "x\"y"},
  {"title": "t", "start": 2012, "severity": "high", "circa": true},
  ["not", "an", "event"]
],
"periods": [{"title": "Strategy 2.0", "start": "2021", "end": "2025"}]
}
"#;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_or_fail_with_a_location(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        fuzzing::check(io::load_bytes("bytes", bytes));
    }

    #[test]
    fn a_damaged_native_file_reads_the_same_streamed_as_whole(
        edits in prop::collection::vec(
            (
                0usize..2000,
                prop::sample::select(b"{}[],:\"\\ \nae0-\xc3\xa9\xff".to_vec()),
                0u8..3,
            ),
            0..5,
        ),
    ) {
        // A small file Annals wrote, with a few bytes inserted, removed or replaced by the
        // characters that matter to JSON's structure.
        let mut bytes = NATIVE_SAMPLE.as_bytes().to_vec();
        for (at, byte, how) in edits {
            let at = at % (bytes.len() + 1);
            match how {
                0 => bytes.insert(at, byte),
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => {
                    if let Some(slot) = bytes.get_mut(at) {
                        *slot = byte;
                    }
                }
            }
        }
        fuzzing::check_native_stream(&bytes);
    }

    #[test]
    fn any_text_in_any_reader_loads_or_fails_with_a_location(text in "\\PC{0,300}") {
        for result in [
            io::native::parse("t", &text),
            io::timelinejs::parse("t", &text),
            io::stix::parse("t", &text),
            io::veris::parse("t", &text),
            io::misp::parse("t", &text),
            io::timesketch::parse("t", &text, true),
            io::timesketch::parse("t", &text, false),
            io::csv::parse("t", &text),
        ] {
            fuzzing::check(result);
        }
    }

    #[test]
    fn format_like_text_goes_through_the_whole_pipeline(text in format_like()) {
        fuzzing::check_pipeline(&text);
    }

    #[test]
    fn valid_dates_round_trip_through_iso(text in date_string()) {
        let point: TimePoint = text.parse().unwrap();
        prop_assert_eq!(point.iso().parse::<TimePoint>().unwrap(), point);
        fuzzing::check_date(&text);
    }

    #[test]
    fn any_date_text_parses_or_is_refused_cleanly(text in "[-+0-9:.TZW ]{0,30}") {
        fuzzing::check_date(&text);
    }

    #[test]
    fn any_zoom_pan_and_resize_keeps_the_view_finite_and_in_bounds(
        ops in prop::collection::vec(view_op(), 1..40)
    ) {
        let mut view = TimeView::default();
        let mut width = 1000.0;
        for op in ops {
            match op {
                ViewOp::Zoom { anchor, factor } => view = view.zoomed(anchor, factor),
                ViewOp::Pan(secs) => view = view.panned(secs),
                ViewOp::Resize(w) => width = if w.is_finite() { w.abs().clamp(1.0, 1e5) } else { width },
                ViewOp::Set(a, b) => view = TimeView::from_min_max(a, b),
            }
            prop_assert!(view.min_secs.is_finite() && view.span_secs.is_finite());
            prop_assert!((MIN_SPAN_SECS..=MAX_SPAN_SECS).contains(&view.span_secs), "{view:?}");
            prop_assert!(view.min_secs >= -MAX_ABS_SECS && view.max_secs() <= MAX_ABS_SECS, "{view:?}");
            let axis = TimeAxis::new(view, 0.0, width);
            let x = axis.x_from_secs(view.min_secs + view.span_secs / 3.0);
            prop_assert!(x.is_finite());
            let back = axis.secs_from_x(x);
            prop_assert!((back - (view.min_secs + view.span_secs / 3.0)).abs() <= view.span_secs * 1e-6);
        }
    }
}

/// Every committed broken file, sample and format example goes through the whole pipeline
/// keeping the same promises (and any input a fuzzer ever crashed on would be added here).
#[test]
fn every_file_in_the_repository_keeps_the_promises() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for folder in [
        "tests/data/invalid",
        "tests/data/formats",
        "assets",
        "assets/samples",
    ] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if !path.is_file() {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            fuzzing::check(io::load_bytes("file", bytes.clone()));
            if let Ok(text) = std::str::from_utf8(&bytes) {
                fuzzing::check_pipeline(text);
            }
            count += 1;
        }
    }
    assert!(count >= 60, "{count} files");
}
