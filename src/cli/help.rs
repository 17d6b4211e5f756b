//! The command line in the user's language: which language (`--lang`, else the POSIX locale),
//! and the clap definition with every summary, option help and `--help` heading taken from the
//! catalogs (`cli-…` messages).

use crate::i18n::{Arg, Lang};

use super::Args;

/// The language asked for with `--lang`, else the system's; an unknown one is an error naming
/// the four.
pub fn language(asked: Option<&str>) -> Result<Lang, String> {
    match asked.map(Lang::parse) {
        None => Ok(Lang::from_system()),
        Some(Some(lang)) => Ok(lang),
        Some(None) => Err(Lang::from_system().text(
            "cli-bad-lang",
            &[(
                "value",
                Arg::Text(&format!("{:?}", asked.unwrap_or_default())),
            )],
        )),
    }
}

/// The language of `--help` and parse errors: `--lang X` or `--lang=X` from the raw arguments
/// (they are not parsed yet), else the system's.
pub fn language_of_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Lang {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let asked = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_owned)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    });
    asked
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::from_system)
}

/// The command line described in `lang`: every subcommand's summary, every option's help and
/// the headings of `--help` come from the catalogs (`cli-…` messages).
pub fn command(lang: Lang) -> clap::Command {
    use clap::CommandFactory as _;
    localize(Args::command(), "cli", lang)
}

fn localize(mut command: clap::Command, key: &str, lang: Lang) -> clap::Command {
    let word = |k: &str| lang.word(k);
    command = command
        .about(word(&format!("{key}-about")))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            word("cli-usage")
        ))
        .subcommand_help_heading(word("cli-commands"))
        .subcommand_value_name(word("cli-command"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true);
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let help = word(&format!("{key}-arg-{}", id.replace('_', "-")));
        command = command.mut_arg(id.as_str(), |arg| {
            let heading = if arg.is_positional() {
                word("cli-arguments")
            } else {
                word("cli-options")
            };
            arg.help(help).help_heading(heading)
        });
    }
    // clap's own -h and -V, described in the language, listed last with the options.
    command = command.arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .help(word("cli-help"))
            .help_heading(word("cli-options")),
    );
    if key == "cli" {
        command = command.arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(word("cli-version"))
                .help_heading(word("cli-options")),
        );
    }
    // Subcommands after the top's own arguments: the global `--lang` reaches them with its
    // help already in the language.
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let sub_key = format!("cli-{name}");
        command = command.mut_subcommand(name.as_str(), |sub| localize(sub, &sub_key, lang));
    }
    command
}
