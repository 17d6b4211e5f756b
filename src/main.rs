//! The `annals` binary: parse arguments, then run a headless subcommand or open the window.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let args = annals::cli::Args::parse();
    if let Some(command) = args.command {
        return annals::cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
    }
    match annals::ui::shell::run(args.files) {
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
