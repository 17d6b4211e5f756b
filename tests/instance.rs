//! One window per user, with real processes: a second `annals FILE` hands the file to the
//! running window and exits 0; with no window running, `annals FILE` opens its own. Each test has
//! its own runtime folder (`XDG_RUNTIME_DIR`), so nothing is shared with a desktop session.
#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(30);

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annals-it-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The real binary, in English, in its own runtime, config and cache folders, with no display.
fn annals(runtime: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_annals"));
    command
        .env("LC_ALL", "C")
        .env("XDG_RUNTIME_DIR", runtime)
        .env("XDG_CONFIG_HOME", runtime.join("config"))
        .env("XDG_DATA_HOME", runtime.join("data"))
        .env("XDG_CACHE_HOME", runtime.join("cache"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null());
    command
}

fn data_file(dir: &Path) -> PathBuf {
    let path = dir.join("incidents.json");
    std::fs::write(
        &path,
        r#"[{"id": "a", "title": "Alpha", "start": "2021-05-04"}]"#,
    )
    .unwrap();
    path
}

#[test]
fn a_second_launch_hands_its_file_to_the_listening_window_and_exits_0() {
    let dir = scratch("hand");
    let file = data_file(&dir);
    let (sender, received) = channel();
    // The first instance's end of it, as the window starts it (ui::shell).
    let _listening = annals::instance::listen(&annals::instance::socket_in(&dir), move |files| {
        sender.send(files).unwrap();
    })
    .unwrap();
    let output = annals(&dir)
        .arg("incidents.json")
        .current_dir(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("Opened in the running Annals window: incidents.json"),
        "{stderr}"
    );
    assert_eq!(received.recv_timeout(DEADLINE).unwrap(), [file]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn with_no_window_running_a_launch_opens_its_own() {
    let dir = scratch("own");
    let file = data_file(&dir);
    // No display here: the launch goes for a window of its own and says it cannot open one.
    let output = annals(&dir).arg(&file).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("could not open the window"), "{stderr}");
    assert!(!stderr.contains("running Annals window"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The whole path with two real windows' worth of processes, where a virtual display exists
/// (`.ci/run` installs Xvfb and the libraries the window loads): the first `annals` opens its
/// window and listens; a second `annals FILE` hands the file over and exits 0.
#[test]
fn two_real_launches_on_a_virtual_display_share_one_window() {
    let Some(xvfb) = which("Xvfb") else {
        #[expect(clippy::print_stderr, reason = "a skipped test says why")]
        {
            eprintln!("skipped: no Xvfb on this machine (apt-get install xvfb)");
        }
        return;
    };
    let dir = scratch("xvfb");
    let file = data_file(&dir);
    let display = (150..250)
        .find(|d| {
            !Path::new(&format!("/tmp/.X11-unix/X{d}")).exists()
                && !Path::new(&format!("/tmp/.X{d}-lock")).exists()
        })
        .unwrap();
    let mut server = Command::new(xvfb)
        .args([
            format!(":{display}"),
            "-screen".into(),
            "0".into(),
            "1280x720x24".into(),
        ])
        .args(["-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The display is up once its socket is there.
    let started = Instant::now();
    let x_socket = format!("/tmp/.X11-unix/X{display}");
    while !Path::new(&x_socket).exists() && started.elapsed() < DEADLINE {
        std::thread::sleep(Duration::from_millis(20));
    }
    let socket = annals::instance::socket_in(&dir);
    let mut first = annals(&dir)
        .env("DISPLAY", format!(":{display}"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !socket.exists() && started.elapsed() < DEADLINE {
        if let Ok(Some(status)) = first.try_wait() {
            server.kill().ok();
            let mut stderr = String::new();
            if let Some(mut pipe) = first.stderr.take() {
                std::io::Read::read_to_string(&mut pipe, &mut stderr).ok();
            }
            panic!("the first window ended ({status}): {stderr}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let listening = socket.exists();
    let second = annals(&dir)
        .arg(&file)
        .env("DISPLAY", format!(":{display}"))
        .output()
        .unwrap();
    let still_running = first.try_wait().unwrap().is_none();
    first.kill().ok();
    first.wait().ok();
    server.kill().ok();
    server.wait().ok();
    assert!(
        listening,
        "the first launch opened its own window and listens"
    );
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("Opened in the running Annals window"),
        "{stderr}"
    );
    assert!(still_running, "the first window stays");
    std::fs::remove_dir_all(&dir).ok();
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}
