//! One window per user: a file opened while Annals runs (a double-click in the file manager,
//! `annals FILE` in a terminal) joins the running window instead of starting a second, empty
//! session. The running window listens on a Unix socket in the user's runtime folder
//! (`$XDG_RUNTIME_DIR/annals/`, private to the user, mode 0700); a later launch with files
//! connects, hands over their absolute paths as one JSON line and exits once the window has
//! taken them. No network listener; nothing here names egui.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::os::unix::fs::{DirBuilderExt as _, PermissionsExt as _};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a launch waits for the running window to answer.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(5);

/// A hand-over is at most this long (a few thousand paths).
const MAX_MESSAGE: u64 = 4 << 20;

/// What one launch asks of the running window.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HandOver {
    /// The files to open, as absolute paths.
    pub open: Vec<PathBuf>,
}

/// The socket of this user's window: `$XDG_RUNTIME_DIR/annals/window.sock`, else
/// `annals-window/window.sock` in the user's cache folder (not `annals/`, the reopen cache's
/// folder, which is not kept private). `None` where neither is known.
pub fn socket_path() -> Option<PathBuf> {
    match dirs::runtime_dir() {
        Some(runtime) => Some(socket_in(&runtime)),
        None => Some(dirs::cache_dir()?.join("annals-window").join("window.sock")),
    }
}

/// The socket under a runtime folder (tests give their own).
pub fn socket_in(runtime_dir: &Path) -> PathBuf {
    runtime_dir.join("annals").join("window.sock")
}

/// Makes the socket's folder, private to the user; refuses one that others can write to or
/// enter (someone else's socket could be waiting there).
fn private_folder(socket: &Path) -> std::io::Result<()> {
    let folder = socket
        .parent()
        .ok_or_else(|| std::io::Error::other("the socket has no folder"))?;
    match std::fs::DirBuilder::new().mode(0o700).create(folder) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let metadata = std::fs::symlink_metadata(folder)?;
            // Group or others may read, write or enter it.
            let open_to_others = metadata.permissions().mode() & 0o077 != 0;
            if metadata.is_dir() && !open_to_others {
                Ok(())
            } else {
                Err(std::io::Error::other(format!(
                    "{} is open to other users; not used",
                    folder.display()
                )))
            }
        }
        Err(e) => Err(e),
    }
}

/// Hands `files` to the window listening on `socket`. `Ok(true)`: it took them; `Ok(false)`:
/// no window is listening (nothing there, or a socket left by one that ended).
pub fn hand_over(socket: &Path, files: &[PathBuf]) -> std::io::Result<bool> {
    let mut stream = match UnixStream::connect(socket) {
        Ok(stream) => stream,
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
            ) =>
        {
            return Ok(false);
        }
        Err(e) => return Err(e),
    };
    stream.set_read_timeout(Some(ANSWER_WITHIN))?;
    stream.set_write_timeout(Some(ANSWER_WITHIN))?;
    let open = files
        .iter()
        .map(|f| {
            // A ClickHouse address is handed over as it is (it names no file here).
            if f.to_str().is_some_and(crate::io::clickhouse::is_address) {
                f.clone()
            } else {
                std::path::absolute(f).unwrap_or_else(|_| f.clone())
            }
        })
        .collect();
    let mut line = serde_json::to_string(&HandOver { open }).map_err(std::io::Error::other)?;
    line.push('\n');
    stream.write_all(line.as_bytes())?;
    let mut answer = String::new();
    BufReader::new(stream.take(1024)).read_line(&mut answer)?;
    if answer.trim() == "ok" {
        Ok(true)
    } else {
        Err(std::io::Error::other(format!(
            "the running window answered {:?}",
            answer.trim()
        )))
    }
}

/// The running window's end: listens until dropped (then the socket is removed).
#[derive(Debug)]
pub struct Listening {
    socket: PathBuf,
}

impl Drop for Listening {
    fn drop(&mut self) {
        std::fs::remove_file(&self.socket).ok();
    }
}

/// Listens on `socket` for launches handing over files; calls `on_open` (on the `instance`
/// thread) with each hand-over's files, then answers `ok`. A socket left by a window that
/// ended is replaced; one that answers belongs to a running window, and this one does not
/// listen (`Err`).
pub fn listen(
    socket: &Path,
    on_open: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> std::io::Result<Listening> {
    private_folder(socket)?;
    let listener = match UnixListener::bind(socket) {
        Ok(listener) => listener,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            if UnixStream::connect(socket).is_ok() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::AddrInUse,
                    "another Annals window is listening",
                ));
            }
            std::fs::remove_file(socket)?;
            UnixListener::bind(socket)?
        }
        Err(e) => return Err(e),
    };
    std::fs::set_permissions(socket, std::fs::Permissions::from_mode(0o600))?;
    std::thread::Builder::new()
        .name("instance".to_owned())
        .spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                if let Some(files) = read_hand_over(&stream) {
                    on_open(files);
                    let mut stream = stream;
                    stream.write_all(b"ok\n").ok();
                }
            }
        })?;
    Ok(Listening {
        socket: socket.to_path_buf(),
    })
}

/// One launch's files, or `None` for anything else (too long, not our JSON, too slow).
fn read_hand_over(stream: &UnixStream) -> Option<Vec<PathBuf>> {
    stream.set_read_timeout(Some(ANSWER_WITHIN)).ok()?;
    let mut line = String::new();
    BufReader::new(stream.take(MAX_MESSAGE))
        .read_line(&mut line)
        .ok()?;
    let hand_over: HandOver = serde_json::from_str(line.trim()).ok()?;
    Some(
        hand_over
            .open
            .into_iter()
            .filter(|p| {
                p.is_absolute() || p.to_str().is_some_and(crate::io::clickhouse::is_address)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
    use super::*;
    use std::sync::mpsc::channel;

    fn runtime(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("annals-instance-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_launch_hands_its_files_to_the_listening_window_and_nothing_listens_after_it_ends() {
        let dir = runtime("hand");
        let socket = socket_in(&dir);
        assert!(
            !hand_over(&socket, &[PathBuf::from("a.json")]).unwrap(),
            "nobody yet"
        );
        let (sender, received) = channel();
        let listening = listen(&socket, move |files| sender.send(files).unwrap()).unwrap();
        let mode = std::fs::metadata(socket.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "private to the user");
        assert!(hand_over(&socket, &[PathBuf::from("a.json")]).unwrap());
        let files = received.recv_timeout(ANSWER_WITHIN).unwrap();
        assert_eq!(files, [std::env::current_dir().unwrap().join("a.json")]);
        // A second window does not take the socket over.
        assert!(listen(&socket, |_| {}).is_err());
        drop(listening);
        assert!(!socket.exists(), "removed when the window ends");
        assert!(!hand_over(&socket, &[PathBuf::from("b.json")]).unwrap());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_socket_left_by_a_window_that_ended_is_replaced_and_junk_is_not_answered() {
        let dir = runtime("stale");
        let socket = socket_in(&dir);
        private_folder(&socket).unwrap();
        drop(UnixListener::bind(&socket).unwrap()); // the file stays, nobody listens
        assert!(!hand_over(&socket, &[PathBuf::from("a.json")]).unwrap());
        let (sender, received) = channel();
        let _listening = listen(&socket, move |files| sender.send(files).unwrap()).unwrap();
        let mut stream = UnixStream::connect(&socket).unwrap();
        stream.write_all(b"GET / HTTP/1.0\n").unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        assert_eq!(answer, "", "closed without an answer");
        assert!(received.try_recv().is_err());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_folder_others_can_enter_is_not_used() {
        let dir = runtime("open");
        let socket = socket_in(&dir);
        std::fs::create_dir_all(socket.parent().unwrap()).unwrap();
        std::fs::set_permissions(
            socket.parent().unwrap(),
            std::fs::Permissions::from_mode(0o777),
        )
        .unwrap();
        let refused = listen(&socket, |_| {}).unwrap_err();
        assert!(
            refused.to_string().contains("open to other users"),
            "{refused}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
