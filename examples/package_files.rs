//! Writes the files the Debian package carries beside the binary, all made from the project's
//! own definitions: man pages from the clap definition (`clap_mangen`), shell completions
//! (`clap_complete`: bash, zsh, fish) and the icon's PNG sizes drawn from `assets/linux/annals.svg`
//! by Annals' own renderer (resvg). `packaging/build-deb.sh` runs it:
//!
//! ```text
//! cargo run --release --example package_files -- target/package
//! ```
#![allow(
    clippy::print_stderr,
    reason = "a build tool: says what it wrote, or why it failed"
)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap_complete::Shell;

/// The icon sizes desktops look for (hicolor theme).
const ICON_SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

fn main() -> ExitCode {
    let out = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .unwrap_or_else(|| "target/package".into()),
    );
    match write_all(&out) {
        Ok(written) => {
            eprintln!(
                "package_files: wrote {written} files under {}",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("package_files: {why}");
            ExitCode::FAILURE
        }
    }
}

/// "PATH: WHY", for `map_err`.
fn fail(what: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", what.display())
}

fn write_all(out: &Path) -> Result<usize, String> {
    let mut written = 0;
    // Man pages: annals(1) and one page per subcommand (annals-check(1), …), in English.
    let man = out.join("man");
    std::fs::create_dir_all(&man).map_err(fail(&man))?;
    let command = annals::cli::command(annals::i18n::Lang::En);
    clap_mangen::generate_to(command.clone(), &man).map_err(fail(&man))?;
    written += std::fs::read_dir(&man).map_err(fail(&man))?.count();
    // Completions.
    let completions = out.join("completions");
    std::fs::create_dir_all(&completions).map_err(fail(&completions))?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut command = command.clone();
        clap_complete::generate_to(shell, &mut command, "annals", &completions)
            .map_err(fail(&completions))?;
        written += 1;
    }
    // Icons: the SVG drawn at each size (its viewBox is 256 × 256).
    let svg_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/linux/annals.svg");
    let svg = std::fs::read_to_string(&svg_path).map_err(fail(&svg_path))?;
    for size in ICON_SIZES {
        let sized = svg.replacen(
            r#"width="256" height="256""#,
            &format!(r#"width="{size}" height="{size}""#),
            1,
        );
        if sized == svg && size != 256 {
            return Err("the icon's SVG no longer starts at 256 × 256".to_owned());
        }
        let png = annals::export::render_png(&sized).map_err(|e| e.to_string())?;
        let folder = out.join(format!("icons/hicolor/{size}x{size}/apps"));
        std::fs::create_dir_all(&folder).map_err(fail(&folder))?;
        let path = folder.join("annals.png");
        std::fs::write(&path, png).map_err(fail(&path))?;
        written += 1;
    }
    Ok(written)
}
