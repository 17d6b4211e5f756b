//! The `annals` binary: parse arguments, then run a headless subcommand or open the window.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let args = annals::cli::Args::parse();
    if let Some(command) = args.command {
        return annals::cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
    }
    open_window(args.files)
}

#[cfg(feature = "gui")]
fn open_window(files: Vec<std::path::PathBuf>) -> ExitCode {
    match annals::ui::shell::run(files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            #[expect(
                clippy::print_stderr,
                reason = "the one place errors reach the user without a window"
            )]
            {
                eprintln!("error: could not open the window: {err}");
            }
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_files: Vec<std::path::PathBuf>) -> ExitCode {
    #[expect(
        clippy::print_stderr,
        reason = "the one place errors reach the user without a window"
    )]
    {
        eprintln!(
            "error: this annals was built without the window (feature `gui`); \
             use annals check, convert, render or gen"
        );
    }
    ExitCode::from(2)
}
