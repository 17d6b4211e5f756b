//! The `annals` binary: parse arguments, then run a headless subcommand or open the window.

use std::process::ExitCode;

use clap::FromArgMatches as _;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // `--help` speaks the language asked for (or the system's) before anything is parsed.
    let help_lang = annals::cli::language_of_args(std::env::args_os());
    let matches = annals::cli::command(help_lang).get_matches();
    let args = match annals::cli::Args::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    let lang = match annals::cli::language(args.lang.as_deref()) {
        Ok(lang) => lang,
        Err(why) => {
            tell(&help_lang.text("cli-error", &[("message", annals::i18n::Arg::Text(&why))]));
            return ExitCode::from(2);
        }
    };
    if args.command.is_some() && !args.files.is_empty() {
        // `annals a.json check`: the files would be dropped without a word.
        let name = matches.subcommand_name().unwrap_or("check").to_owned();
        let message = lang.text(
            "cli-files-before-command",
            &[("command", annals::i18n::Arg::Text(&name))],
        );
        tell(&lang.text(
            "cli-error",
            &[("message", annals::i18n::Arg::Text(&message))],
        ));
        return ExitCode::from(2);
    }
    if let Some(command) = args.command {
        return annals::cli::run(
            command,
            lang,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        );
    }
    #[cfg(all(unix, feature = "gui"))]
    if !args.files.is_empty() && !args.new_window {
        // A window is running: the files join it, and this launch is done.
        if let Some(socket) = annals::instance::socket_path()
            && let Ok(true) = annals::instance::hand_over(&socket, &args.files)
        {
            let names: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
            tell(&lang.text(
                "cli-handed-over",
                &[("files", annals::i18n::Arg::Text(&names.join(", ")))],
            ));
            return ExitCode::SUCCESS;
        }
    }
    open_window(args.files, started, args.lang.is_some().then_some(lang))
}

/// Says `text` on standard error: how the launch reaches the user without a window.
fn tell(text: &str) {
    #[expect(
        clippy::print_stderr,
        reason = "the one place errors reach the user without a window"
    )]
    {
        eprintln!("{text}");
    }
}

#[cfg(feature = "gui")]
fn open_window(
    files: Vec<std::path::PathBuf>,
    started: std::time::Instant,
    lang: Option<annals::i18n::Lang>,
) -> ExitCode {
    match annals::ui::shell::run(files, started, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tell(&format!("error: could not open the window: {err}"));
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(
    _files: Vec<std::path::PathBuf>,
    _started: std::time::Instant,
    _lang: Option<annals::i18n::Lang>,
) -> ExitCode {
    tell(
        "error: this annals was built without the window (feature `gui`); \
         use annals check, convert, render or gen",
    );
    ExitCode::from(2)
}
