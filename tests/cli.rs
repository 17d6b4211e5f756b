//! `annals check` end to end: the real binary, its stdout, stderr and exit code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use std::path::Path;
use std::process::Command;

/// The binary, in English whatever the machine's locale (the words tested are English).
fn annals() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_annals"));
    command.env("LC_ALL", "C");
    command
}

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(name)
        .display()
        .to_string()
}

#[test]
fn check_json_on_the_embedded_dataset_is_clean() {
    let output = annals().args(["check", "--json"]).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let keys: Vec<_> = report.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        ["errors", "events", "files", "first", "last", "periods"]
    );
    assert_eq!(report["events"], 28);
    assert_eq!(report["periods"], 2);
    assert_eq!(report["first"], "2012");
    assert_eq!(report["last"], "2025");
    assert_eq!(report["files"][0]["format"], "annals");
    assert_eq!(report["files"][0]["events"], 28);
    assert_eq!(report["files"][0]["issues"], serde_json::json!([]));
    assert_eq!(report["errors"], serde_json::json!([]));
}

#[test]
fn check_exits_1_when_something_is_skipped_and_2_when_nothing_could_be_read() {
    let skipped = data("tests/data/invalid/impossible-date.json");
    let output = annals()
        .args(["check", "--json", &skipped])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["events"], 1);
    let issue = &report["files"][0]["issues"][0];
    assert_eq!(
        (issue["line"].as_u64(), issue["column"].as_u64()),
        (Some(3), Some(51))
    );
    assert!(issue["message"].as_str().unwrap().contains("February 2021"));

    let broken = data("tests/data/invalid/truncated.json");
    let output = annals()
        .args(["check", "--json", &skipped, &broken])
        .output()
        .unwrap();
    // One file unusable, the other read: 1, as `convert` (2 is for nothing read at all).
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["events"], 1, "the good file still counts");
    let error = &report["errors"][0];
    assert_eq!(error["path"], broken.as_str());
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(3), Some(1))
    );
}

#[test]
fn check_text_output_names_file_line_and_column_on_stderr() {
    let file = data("tests/data/invalid/month-13.json");
    let output = annals().args(["check", &file]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stdout.contains("annals, 1 event, 0 periods, 1 issue"),
        "{stdout}"
    );
    assert!(
        stderr.contains(&format!(
            "{file}:2:42: skipped: event 1 \"Thirteenth month\": field `start`"
        )),
        "{stderr}"
    );
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let output = annals()
        .args(["check", "/nonexistent/file.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: could not read \"/nonexistent/file.json\": No such file"),
        "{stderr}"
    );
}

fn png_size(path: &Path) -> (u32, u32) {
    let png = std::fs::read(path).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    )
}

#[test]
fn gen_writes_a_loadable_file_and_render_takes_size_presets_and_themes() {
    let folder = std::env::temp_dir().join(format!("annals-cli-gen-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let synthetic = folder.join("s.json");
    let output = annals()
        .args(["gen", "--events", "500", "--seed", "9", "-o"])
        .arg(&synthetic)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let check = annals()
        .args(["check", "--json"])
        .arg(&synthetic)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "a generated file is clean");
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(report["events"], 500);

    let page = folder.join("page.png");
    let output = annals()
        .arg("render")
        .arg(&synthetic)
        .args(["--size", "a4", "--theme", "high-contrast", "--legend", "-o"])
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(png_size(&page), (3508, 2480));
    let svg = folder.join("page.svg");
    annals()
        .args([
            "render",
            "--legend",
            "--svg-live-text",
            "--size",
            "4k",
            "-o",
        ])
        .arg(&svg)
        .output()
        .unwrap();
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains(r#"width="3840" height="2160""#));
    // The legend names the categories drawn: each name twice, in the legend and on its lane.
    assert_eq!(
        text.matches(">Law &amp; regulation</text>").count(),
        2,
        "legend"
    );

    // A zone, collapsed gaps and links: the axis names the zone, the break and arrows are drawn.
    let zoned = folder.join("zoned.svg");
    let output = annals()
        .args([
            "render",
            "--zone",
            "Europe/Brussels",
            "--collapse-gaps",
            "--links",
            "--svg-live-text",
            "-o",
        ])
        .arg(&zoned)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = std::fs::read_to_string(&zoned).unwrap();
    assert!(
        text.contains(">Europe/Brussels</text>"),
        "the axis names its zone"
    );
    assert!(
        text.contains(" years</text>"),
        "a collapsed stretch is labelled"
    );
    assert!(
        text.contains("<path d=\"M") && text.contains('Q'),
        "link arrows"
    );

    for (args, message) in [
        (["--theme", "neon"], "is not light, dark or high-contrast"),
        (["--size", "a5"], "is not WIDTHxHEIGHT"),
        (["--zone", "Mars/Olympus"], "is not a time zone"),
    ] {
        let output = annals()
            .arg("render")
            .args(args)
            .arg("-o")
            .arg(folder.join("x.png"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&output.stderr).contains(message),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    std::fs::remove_dir_all(&folder).ok();
}

#[test]
fn killing_a_write_midway_leaves_the_previous_file_intact() {
    let folder = std::env::temp_dir().join(format!("annals-cli-kill-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let target = folder.join("data.json");
    std::fs::write(&target, "the previous, good file").unwrap();
    let mut child = annals()
        .args(["gen", "--events", "5000000", "-o"])
        .arg(&target)
        .spawn()
        .unwrap();
    // Wait until the temporary file is being written, then kill the process without warning.
    let started = std::time::Instant::now();
    while std::fs::read_dir(&folder).unwrap().count() < 2 {
        assert!(started.elapsed().as_secs() < 30, "the write never started");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    std::thread::sleep(std::time::Duration::from_millis(50));
    child.kill().unwrap();
    let status = child.wait().unwrap();
    let text = std::fs::read_to_string(&target).unwrap();
    if status.success() {
        // Finished before the kill (a very fast machine): then the file is whole.
        assert!(text.ends_with("]}\n"));
    } else {
        assert_eq!(text, "the previous, good file");
    }
    std::fs::remove_dir_all(&folder).ok();
}

/// The binary's text output and exit code, run with `args` under `env`.
fn run(env: &[(&str, &str)], args: &[&str]) -> (String, String, Option<i32>) {
    let mut command = annals();
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.args(args).output().unwrap();
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

#[test]
fn help_and_messages_speak_the_asked_or_the_system_language() {
    // --help in Dutch, asked on the command line: headings, summaries and options.
    let (help, _, code) = run(&[], &["render", "--help", "--lang", "nl"]);
    assert_eq!(code, Some(0));
    for dutch in [
        "Gebruik:",
        "Argumenten:",
        "Opties:",
        "De tijdlijn naar een PNG- of SVG-bestand tekenen",
        "De te schrijven afbeelding: .png of .svg",
        "Hulp tonen",
    ] {
        assert!(help.contains(dutch), "no {dutch:?} in\n{help}");
    }
    assert!(
        !help.contains("Usage:") && !help.contains("Print help"),
        "{help}"
    );
    // The system's language when none is asked: LANG=fr_BE, as a Walloon desktop has it.
    let (help, _, _) = run(&[("LC_ALL", ""), ("LANG", "fr_BE.UTF-8")], &["--help"]);
    assert!(help.contains("Utilisation\u{a0}:"), "{help}");
    assert!(help.contains("Commandes"), "{help}");
    // Messages: counts with plurals and the language's words, dates kept as the source wrote
    // them.
    let (out, _, code) = run(&[], &["check", "--lang", "de"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("28 Ereignisse, 2 Zeiträume, 0 Probleme"),
        "{out}"
    );
    assert!(
        out.contains("insgesamt: 28 Ereignisse, 2 Zeiträume, 2012 bis 2025"),
        "{out}"
    );
    let folder = std::env::temp_dir().join(format!("annals-cli-lang-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let png = folder.join("nl.png").display().to_string();
    let (out, _, code) = run(&[], &["render", "-o", &png, "--lang", "nl"]);
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("PNG van 1920×1080 geschreven naar"),
        "{out}"
    );
    let (_, err, code) = run(
        &[],
        &["render", "-o", &png, "--size", "huge", "--lang", "fr"],
    );
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("erreur\u{a0}: --size \"huge\" n’est ni"),
        "{err}"
    );
    // A file's problems, at file:line:column as editors read them, in the language.
    let bad = data("tests/data/invalid/impossible-date.json");
    let (_, err, code) = run(&[], &["check", &bad, "--lang", "fr"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains(
            "impossible-date.json:3:51: ignoré: événement 2 \"Leap day in a common year\"\u{a0}: \
             champ `start`\u{a0}: le jour 30 n’existe pas en février 2021 (il compte 28 jours)"
        ),
        "{err}"
    );
    // An unknown language is refused, naming the four.
    let (_, err, code) = run(&[], &["check", "--lang", "xx"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("--lang \"xx\" is not en, nl, fr or de"),
        "{err}"
    );
    std::fs::remove_dir_all(&folder).ok();
}

/// `render` refuses a range that ends before it begins and an image name whose extension is
/// not a format it writes, naming what was wrong, and writes nothing (issue 19).
#[test]
fn render_refuses_a_backwards_range_and_an_unknown_image_format() {
    let folder = std::env::temp_dir().join(format!("annals-cli-refuse-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let png = folder.join("range.png");
    let output = annals()
        .args(["render", "--from", "2025", "--to", "2019", "-o"])
        .arg(&png)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("\"2019\"") && said.contains("\"2025\"") && said.contains("before"),
        "{said}"
    );
    assert!(!png.exists(), "nothing written");
    // A range within one year is fine: `--to` means the end of what it names.
    let output = annals()
        .args(["render", "--from", "2021", "--to", "2021", "-o"])
        .arg(&png)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(png.exists());

    for name in ["slide.jpg", "slide", "slide.png.txt"] {
        let target = folder.join(name);
        let output = annals()
            .args(["render", "-o"])
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(
            said.contains(".png") && said.contains(".svg"),
            "{name}: {said}"
        );
        assert!(!target.exists(), "{name}: nothing written");
    }
    // The extension decides, whatever its case.
    let upper = folder.join("SLIDE.SVG");
    let output = annals()
        .args(["render", "-o"])
        .arg(&upper)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&upper).unwrap().starts_with("<svg")
            || std::fs::read_to_string(&upper).unwrap().contains("<svg")
    );
    // In the language asked for.
    let output = annals()
        .args([
            "render", "--lang", "de", "--from", "2025", "--to", "2019", "-o",
        ])
        .arg(&png)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("endet, bevor"), "{said}");
    std::fs::remove_dir_all(&folder).ok();
}

/// `--lang` may stand before the command, and files before the command are refused rather than
/// dropped without a word.
#[test]
fn the_language_may_come_before_the_command_and_files_may_not() {
    let output = annals()
        .args(["--lang", "nl", "check", &data("assets/belgium.json")])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("gebeurtenissen"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let output = annals()
        .args([&data("assets/belgium.json"), "check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("annals check FILE"), "{said}");
}
